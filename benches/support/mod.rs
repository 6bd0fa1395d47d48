//! What every bench shares: its arguments (clap derive; the `--bench` cargo passes to a
//! harness-less bench is accepted and ignored) and latency percentiles (hdrhistogram).

#![allow(dead_code)] // each bench uses part of it

use std::time::Duration;

/// The bench's arguments from the command line (`cargo bench --bench NAME -- ARGS`).
pub fn args<T: clap::Parser>() -> T {
    T::parse_from(std::env::args().filter(|a| a != "--bench"))
}

/// `fn args() -> &'static $args`: the bench's arguments, parsed once, for the functions
/// that read them.
#[allow(unused_macros)]
macro_rules! parsed_once {
    ($args:ty) => {
        fn args() -> &'static $args {
            static ARGS: std::sync::OnceLock<$args> = std::sync::OnceLock::new();
            ARGS.get_or_init(support::args)
        }
    };
}
#[allow(unused_imports)]
pub(crate) use parsed_once;

/// The median of `v` (the upper one of an even count).
pub fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// CPU ticks (user + system, in USER_HZ: 100 a second) of `pid` so far, from /proc.
pub fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("the process is alive");
    stat_ticks(&stat).expect("utime and stime")
}

/// utime + stime of a `/proc/…/stat` line: fields after the command name, which is in
/// parentheses and may hold spaces.
fn stat_ticks(stat: &str) -> Option<u64> {
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
}

/// CPU ticks so far of each thread of `pid`, summed by thread name (librdkafka's are
/// `rdk:main`, `rdk:broker…`; chatctl names its pollers).
pub fn thread_ticks(pid: u32) -> std::collections::BTreeMap<String, u64> {
    let mut out = std::collections::BTreeMap::new();
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else { return out };
    for t in tasks.flatten() {
        let Ok(stat) = std::fs::read_to_string(t.path().join("stat")) else { continue };
        let (Some(open), Some(close), Some(ticks)) = (stat.find('('), stat.rfind(')'), stat_ticks(&stat)) else {
            continue;
        };
        *out.entry(stat[open + 1..close].to_string()).or_default() += ticks;
    }
    out
}

/// The CPU of `pid` over `secs` seconds, in % of one core.
pub fn cpu_percent(pid: u32, secs: u64) -> f64 {
    let (a, t) = (cpu_ticks(pid), std::time::Instant::now());
    std::thread::sleep(Duration::from_secs(secs));
    (cpu_ticks(pid) - a) as f64 / 100.0 / t.elapsed().as_secs_f64() * 100.0
}

/// The newest process whose command line matches `pattern` (pgrep -f), waiting up to 10 s.
pub fn pid_of(pattern: &str) -> u32 {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let out = std::process::Command::new("pgrep").args(["-n", "-f", pattern]).output().expect("pgrep runs");
        if let Ok(p) = String::from_utf8_lossy(&out.stdout).trim().parse() {
            return p;
        }
        assert!(std::time::Instant::now() < deadline, "no process {pattern}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Latencies, recorded in microseconds (1 µs to 1 h, three significant digits).
pub struct Latencies(hdrhistogram::Histogram<u64>);

impl Default for Latencies {
    fn default() -> Self {
        Latencies(hdrhistogram::Histogram::new_with_bounds(1, 3_600_000_000, 3).expect("valid bounds"))
    }
}

impl Latencies {
    pub fn record(&mut self, d: Duration) {
        self.record_us(d.as_micros() as u64);
    }

    pub fn record_us(&mut self, us: u64) {
        self.0.saturating_record(us.max(1));
    }

    /// The latency at quantile `q` (0.5: the median, 0.99: p99).
    pub fn at(&self, q: f64) -> Duration {
        Duration::from_micros(self.0.value_at_quantile(q))
    }

    /// [`at`](Self::at) in milliseconds.
    pub fn ms(&self, q: f64) -> f64 {
        self.at(q).as_secs_f64() * 1000.0
    }

    pub fn max(&self) -> Duration {
        Duration::from_micros(self.0.max())
    }

    /// Everything `other` recorded.
    pub fn add(&mut self, other: &Latencies) {
        self.0.add(&other.0).expect("same bounds");
    }

    pub fn len(&self) -> u64 {
        self.0.len()
    }
}

impl Extend<Duration> for Latencies {
    fn extend<I: IntoIterator<Item = Duration>>(&mut self, iter: I) {
        for d in iter {
            self.record(d);
        }
    }
}
