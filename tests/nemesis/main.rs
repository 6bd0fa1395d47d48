//! An hour of faults, or five minutes: a Jepsen-style nemesis against the whole system, a
//! checker that reads the whole history, and a report people can read.
//!
//! `scripts/nemesis [--minutes N] [--faults LIST] [--seed S]` runs [`nemesis_run`] with
//! those settings (`CHATCTL_NEMESIS_MINUTES`, `_FAULTS`, `_SEED`, `_OUT`); `scripts/test`
//! runs it for 5 minutes with seed 1. The cluster: three tansu brokers over PostgreSQL,
//! Redis behind Sentinel, three gateway nodes behind nginx, the audit worker on its own
//! PostgreSQL, every broker and Redis process behind a proxy that can cut one node off.
//! Clients chat, follow, and resume through nginx when cut; every frame they see is a line
//! of `history.jsonl`. The faults overlap on a seeded schedule (`faults.jsonl`). After the
//! run quiesces, the checker reads the history, Kafka and the audit store and writes its
//! verdict and `report.html`.

#[path = "../common/mod.rs"]
mod common;

mod checker;
mod clients;
mod cluster;
mod proxy;
mod report;
mod schedule;

use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chatctl::events::{Payload, CHAT_EVENTS, STREAM_EVENTS};
use rdkafka::consumer::{BaseConsumer, Consumer};

use checker::{After, Line};
use cluster::Cluster;
use schedule::Kind;

const CLIENTS: usize = 12;

struct Settings {
    minutes: f64,
    seed: u64,
    kinds: Vec<Kind>,
    out: PathBuf,
}

fn settings() -> Settings {
    let env = |k: &str| std::env::var(format!("CHATCTL_NEMESIS_{k}")).ok().filter(|v| !v.is_empty());
    let minutes = env("MINUTES").map_or(5.0, |m| m.parse().expect("CHATCTL_NEMESIS_MINUTES: a number"));
    let seed = env("SEED").map_or(1, |s| s.parse().expect("CHATCTL_NEMESIS_SEED: a number"));
    let kinds = match env("FAULTS") {
        None => schedule::ALL.to_vec(),
        Some(list) => list
            .split(',')
            .map(|k| {
                Kind::parse(k.trim()).unwrap_or_else(|| {
                    panic!("unknown fault {k} (known: {})", schedule::ALL.map(|k| k.name()).join(", "))
                })
            })
            .collect(),
    };
    let out = env("OUT").map(PathBuf::from).unwrap_or_else(|| {
        std::env::temp_dir().join(format!("chatctl-nemesis-{}", chrono::Utc::now().format("%Y%m%dT%H%M%S")))
    });
    Settings { minutes, seed, kinds, out }
}

/// Lag of group `group` over both event topics (high watermark − committed), blocking.
fn lag(kafka: &chatctl::kafka::KafkaSettings, group: &str) -> Option<i64> {
    let c: BaseConsumer = kafka.create(&kafka.consumer_config(group)).ok()?;
    let mut total = 0;
    for topic in [CHAT_EVENTS, STREAM_EVENTS] {
        let md = c.fetch_metadata(Some(topic), Duration::from_secs(10)).ok()?;
        let parts: Vec<i32> = md.topics().first()?.partitions().iter().map(|p| p.id()).collect();
        let mut tpl = rdkafka::TopicPartitionList::new();
        for p in &parts {
            tpl.add_partition(topic, *p);
        }
        let committed = c.committed_offsets(tpl, Duration::from_secs(10)).ok()?;
        for p in &parts {
            let (_, high) = c.fetch_watermarks(topic, *p, Duration::from_secs(10)).ok()?;
            let at =
                committed.find_partition(topic, *p).and_then(|e| e.offset().to_raw()).filter(|o| *o >= 0).unwrap_or(0);
            total += high - at;
        }
    }
    Some(total)
}

/// The audit worker's lag, polled each second until it is 0 or `within` is over: the last
/// figure read (None when the broker could not tell).
async fn lag_to_zero(kafka: &chatctl::kafka::KafkaSettings, within: Duration) -> Option<i64> {
    let deadline = Instant::now() + within;
    loop {
        let k = kafka.clone();
        let last = tokio::task::spawn_blocking(move || lag(&k, "chatctl-audit")).await.unwrap();
        if last == Some(0) || Instant::now() >= deadline {
            return last;
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

fn count_lines(path: &std::path::Path) -> usize {
    std::fs::read_to_string(path).map(|t| t.lines().filter(|l| !l.trim().is_empty()).count()).unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn nemesis_run() {
    let s = settings();
    std::fs::create_dir_all(&s.out).unwrap();
    eprintln!("nemesis: {} min, seed {}, faults {:?}, out {}", s.minutes, s.seed, s.kinds, s.out.display());
    let cluster = Cluster::start(&s.out).await;
    let kafka = cluster.brokers.kafka();
    let nginx = cluster.nginx.port;
    let store_url = cluster.store.url.clone();
    let cluster = Arc::new(Mutex::new(cluster));

    let start = Instant::now();
    let until = start + Duration::from_secs_f64(s.minutes * 60.0);
    let (rec, mut rx) = clients::Recorder::new(start);
    let history_path = s.out.join("history.jsonl");
    let writer = {
        let path = history_path.clone();
        tokio::spawn(async move {
            let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
            let mut all = Vec::new();
            while let Some(l) = rx.recv().await {
                writeln!(f, "{}", serde_json::to_string(&l).unwrap()).unwrap();
                all.push(l);
            }
            f.flush().unwrap();
            all
        })
    };
    let done = Arc::new(AtomicUsize::new(0));
    let clients: Vec<_> =
        (0..CLIENTS).map(|c| tokio::spawn(clients::run(nginx, c, rec.clone(), until, done.clone()))).collect();
    drop(rec);
    let plan = schedule::plan(s.seed, s.minutes, &s.kinds);
    let nemesis = tokio::spawn(schedule::run(cluster.clone(), plan, s.seed, start));
    let progress = {
        let done = done.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_secs(30)).await;
                eprintln!("nemesis {:>5} s: {} answers ended", start.elapsed().as_secs(), done.load(Ordering::Relaxed));
            }
        })
    };
    let faults = nemesis.await.unwrap();
    for c in clients {
        c.await.unwrap();
    }
    progress.abort();
    let history: Vec<Line> = writer.await.unwrap();
    eprintln!("nemesis: clients done after {:?}; quiescing", start.elapsed());
    {
        let mut f = std::fs::File::create(s.out.join("faults.jsonl")).unwrap();
        for x in &faults {
            writeln!(f, "{}", serde_json::to_string(x).unwrap()).unwrap();
        }
    }

    // Quiesce: the worker's lag back to 0 (bounded), then the nodes drained (their spools
    // flushed), then read what Kafka and the store hold.
    lag_to_zero(&kafka, Duration::from_secs(180)).await;
    let c2 = cluster.clone();
    let drained: Vec<(String, bool)> = tokio::task::spawn_blocking(move || {
        let mut c = c2.lock().unwrap_or_else(|e| e.into_inner());
        c.nodes.iter_mut().map(|n| (n.id.clone(), n.stop(Duration::from_secs(60)))).collect()
    })
    .await
    .unwrap();
    eprintln!("nemesis: nodes stopped: {drained:?}");
    // Events the nodes flushed at their stop reach the worker too.
    let last_lag = lag_to_zero(&kafka, Duration::from_secs(120)).await;
    let k = kafka.clone();
    let events = tokio::task::spawn_blocking(move || common::read_events(&k)).await.unwrap();
    let store = chatctl::store::Store::open(&store_url).await.unwrap();
    let audit = store.audit_event_ids().await.unwrap();
    let spooled: Vec<(String, usize)> = (0..3)
        .map(|k| {
            let dir = s.out.join(format!("spool-{k}"));
            let left = chatctl::gateway::spool::Spool::open(&dir).map(|(_, left)| left.len()).unwrap_or(usize::MAX);
            (format!("node-{k}"), left)
        })
        .collect();
    let quarantined = (0..3).map(|k| count_lines(&s.out.join(format!("quarantine-{k}.jsonl")))).sum::<usize>()
        + count_lines(&s.out.join("quarantine-worker.jsonl"));
    let start_ms = chrono::Utc::now().timestamp_millis() - start.elapsed().as_millis() as i64;
    let after =
        After { audit, lag: vec![("chatctl-audit".into(), last_lag.unwrap_or(-1))], quarantined, spooled, start_ms };
    let verdict = checker::check(&history, &events, &after);
    let explained = checker::explain(&verdict, &history);
    let takeovers: Vec<u64> = events
        .iter()
        .filter(|e| matches!(e.payload, Payload::StreamResumed(_)))
        .map(|e| (e.timestamp.timestamp_millis() - start_ms).max(0) as u64)
        .collect();
    let title = format!("chatctl nemesis: {} min, seed {}", s.minutes, s.seed);
    std::fs::write(
        s.out.join("report.html"),
        report::html(&title, &history, &faults, &verdict, &takeovers, &explained),
    )
    .unwrap();
    let mut kinds: Vec<String> = Vec::new();
    for k in &s.kinds {
        let n = faults.iter().filter(|f| f.kind == *k && !f.how.starts_with("skipped")).count();
        kinds.push(format!("{}={n}", k.name()));
    }
    eprintln!(
        "nemesis verdict: {} violations; {} answers ({} done, {} ended with an error), {} chunks, {} events, {} takeovers; faults: {}; report {}",
        verdict.violations.len(),
        verdict.answers,
        verdict.completed,
        verdict.ended_with_error,
        verdict.chunks,
        verdict.events,
        takeovers.len(),
        kinds.join(" "),
        s.out.join("report.html").display()
    );
    if !explained.is_empty() {
        eprintln!("{}", explained.lines().take(200).collect::<Vec<_>>().join("\n"));
    }
    for k in &s.kinds {
        assert!(
            faults.iter().any(|f| f.kind == *k && !f.how.starts_with("skipped")),
            "fault {} was never injected",
            k.name()
        );
    }
    assert!(verdict.completed > 0, "no answer completed");
    assert!(verdict.violations.is_empty(), "{} violations (see {})", verdict.violations.len(), s.out.display());
}
