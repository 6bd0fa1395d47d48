//! `chatctl ui`: the operator console (k9s's habits) — `:nodes`, `:streams`, `:groups`,
//! `:dlq`, `:topics`, and a session's timeline. `lag --watch` and `dlq tail` open it on their screen. One poller per data source,
//! each on its own thread, all feeding one channel.

use std::io::Write;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chatctl::kafka::KafkaSettings;
use chatctl::ops::consume::last_records;
use chatctl::ops::dlq::{self, Follower, Redriven};
use chatctl::ops::lag::{Judge, LagModel, Poller};
use chatctl::ops::timeline::{session_timeline, uuid_v7_ms};
use chatctl::realtime::fleet::FleetReader;
use chatctl::realtime::RedisTarget;
use chatctl::tui::console::fleet::FleetUpdate;
use chatctl::tui::console::session::TimelineUpdate;
use chatctl::tui::console::stalls::StallsUpdate;
use chatctl::tui::console::topics::TopicsUpdate;
use chatctl::tui::console::{
    resolve, Console, Request, ScreenId, Update, WANT_IN_FLIGHT, WANT_LAG, WANT_NODES, WANT_RECENT, WANT_STALLS,
    WANT_TOPICS,
};
use chatctl::tui::dlq::{Action, DlqState, DlqUpdate};
use chatctl::tui::lag::{LagState, LagUpdate};
use rdkafka::producer::FutureProducer;

use crate::args::{DlqTopicArgs, RedisArgs};
use crate::Context;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Screens: :nodes (every node's heartbeat: connections, answers generating and followed, chunk \
deliveries/s, p99 chunk latency, events/s, the producer's queue, workers and their lag, takeovers \
as they happen; a node silent past its lease TTL turns red), :streams (answers in flight: owner, \
epoch, chunks, age, followed; Enter: the session's timeline, live, where p plays an answer as its \
user saw it), :stalls (every wait of the users in a window, with its cause), :groups (lag, seconds, \
Burrow's status), :dlq (dead letters, re-drive after a confirmation), :topics (partitions, records, \
rate in, the groups reading each; Enter: partitions and last records; Delete: delete after typing \
its name). Every action also shows the equivalent command. Keys: `?` on any screen.

The node figures ride in each node's heartbeat in Redis (not scraped from each /metrics, which \
listens on 127.0.0.1 by default): the console needs a route to Redis and to Kafka, nothing else.")]
pub struct Args {
    /// The screen to open: nodes, streams, sessions, stalls, groups (lag), dlq, topics
    #[arg(long, default_value = "nodes", value_parser = screen)]
    pub screen: ScreenId,
    #[command(flatten)]
    pub redis: RedisArgs,
    /// Time between lag polls (default: 2s, or 75ms per group where longer: 200 groups, every
    /// 15s)
    #[arg(long, value_parser = humantime::parse_duration, value_name = "DURATION")]
    pub interval: Option<Duration>,
}

fn screen(raw: &str) -> Result<ScreenId, String> {
    resolve(raw).ok_or_else(|| format!("no screen {raw:?}: nodes, streams, groups, dlq, topics"))
}

/// How the groups screen polls.
pub struct LagOptions {
    pub groups: Vec<String>,
    /// None: [`auto_interval`].
    pub interval: Option<Duration>,
    pub judge: Judge,
}

/// Time between lag polls when none is given: 2 s, or 75 ms per group where that is longer
/// (beyond 26 groups). A poll asks each group's committed offsets: an OffsetFetch per group
/// (one group per request is all the Admin API's ListConsumerGroupOffsets takes), each after
/// a FindCoordinator (librdkafka's coordinator cache keeps 11 groups). The console's cost,
/// and the coordinators', grows with the groups, so those requests stay at ~27 a second
/// (200 groups: every 15 s; kafka-lag-exporter polls every 30 s by default). Burrow's rules
/// judge any interval: its window is in offsets.
pub fn auto_interval(groups: usize) -> Duration {
    Duration::from_millis(2000).max(Duration::from_millis(75) * groups as u32)
}

impl LagOptions {
    pub fn every(interval: Option<Duration>) -> LagOptions {
        let window = Duration::from_secs(300);
        LagOptions {
            groups: Vec::new(),
            interval,
            judge: Judge { allowed_lag: 0, silence_ms: Some(window.as_millis() as i64) },
        }
    }
}

pub async fn run(args: &Args, ctx: &Context) -> anyhow::Result<()> {
    open(ctx, args.screen, LagOptions::every(args.interval), &DlqTopicArgs { topics: Vec::new() }).await
}

/// The console draws on a terminal: without one, say so and what to use instead.
pub fn need_terminal(what: &str) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal() && std::io::stdin().is_terminal() {
        return Ok(());
    }
    Err(chatctl::Error::usage(format!(
        "{what} draws on a terminal, and stdin or stdout is not one; in scripts use \
         `chatctl lag -o json`, `chatctl dlq list`, `chatctl groups describe --all-groups`"
    ))
    .into())
}

/// Open the console on `screen`.
pub async fn open(ctx: &Context, screen: ScreenId, lag: LagOptions, dlq_topics: &DlqTopicArgs) -> anyhow::Result<()> {
    need_terminal("the console")?;
    let kafka = ctx.settings.kafka();
    let (tx, rx) = mpsc::channel();
    let lag_interval = lag.interval.unwrap_or_else(|| auto_interval(0));
    let interval_ms = lag_interval.as_millis() as u64;
    let dlq = match dlq_topics.resolve(&kafka).await {
        Ok((md, names)) if !names.is_empty() => Some(spawn_dlq(&kafka, &md, names, tx.clone())?),
        Ok(_) if screen == ScreenId::Dlq => {
            return Err(chatctl::Error::NotFound("no *.dlq topics (run `chatctl topics ensure`)".into()).into())
        }
        Ok(_) => None,
        Err(e) if screen == ScreenId::Dlq => return Err(e),
        Err(_) => None,
    };
    let redis = ctx.settings.redis_target();
    let mut console = Console::new(screen, redis.is_some(), LagState::new(interval_ms), dlq);
    spawn_lag(&kafka, lag, Some(console.interest.clone()), {
        let tx = tx.clone();
        move |u| tx.send(Update::Lag(u)).is_ok()
    })?;
    if let Some(target) = &redis {
        spawn_fleet(target.clone(), console.interest.clone(), console.streams.in_view.clone(), tx.clone());
    }
    console.requests = Some(spawn_requests(&kafka, console.interest.clone(), tx.clone()));
    spawn_topics(&kafka, Duration::from_secs(5).max(lag_interval), console.interest.clone(), tx.clone());
    drop(tx);
    tokio::task::block_in_place(|| chatctl::tui::run(&mut console, rx))?;
    Ok(())
}

/// How often the console's lag poller polls while no screen shows lag (enough to keep the
/// groups' history warm for `:groups`; a poll asks every group's offsets).
const LAG_BACKGROUND: Duration = Duration::from_secs(60);

/// The lag poller: a fresh model every `interval` ([`auto_interval`] when none is given,
/// announced with [`LagUpdate::Interval`] as it changes) to `send`, until it refuses. With
/// `interest` (the console), at that rate only while a screen shows lag ([`WANT_LAG`]),
/// every [`LAG_BACKGROUND`] otherwise.
pub fn spawn_lag(
    kafka: &KafkaSettings,
    lag: LagOptions,
    interest: Option<Arc<AtomicU8>>,
    send: impl Fn(LagUpdate) -> bool + Send + 'static,
) -> anyhow::Result<()> {
    let mut poller = Poller::new(kafka, lag.groups)?;
    named("ui-lag", move || {
        let mut model = LagModel::new(lag.judge);
        let mut interval = lag.interval.unwrap_or_else(|| auto_interval(0));
        loop {
            let started = Instant::now();
            let at = chrono::Utc::now().timestamp_millis();
            let update = match poller.sample(&mut model) {
                Ok(()) => LagUpdate::Model(Box::new(model.clone()), at),
                Err(e) => LagUpdate::Failed(e.to_string(), at),
            };
            if !send(update) {
                return; // the screen has gone
            }
            let now = lag.interval.unwrap_or_else(|| auto_interval(poller.groups()));
            if now != interval {
                interval = now;
                if !send(LagUpdate::Interval(interval.as_millis() as u64)) {
                    return;
                }
            }
            let wanted = || interest.as_ref().is_none_or(|i| i.load(Ordering::Relaxed) & WANT_LAG != 0);
            wait_until_due(started, wanted, interval, LAG_BACKGROUND.max(interval));
        }
    });
    Ok(())
}

/// The fleet poller: the registry every half second on `:nodes` (a node silent past its
/// lease TTL turns red within it), every second elsewhere; the answers in flight every
/// second ([`in_flight_interval`] beyond 333 of them, the ones shown every second in
/// between) and the recent ones every 5 s, while the screen shown wants them (`interest`).
fn spawn_fleet(target: RedisTarget, interest: Arc<AtomicU8>, in_view: Arc<Mutex<Vec<String>>>, tx: Sender<Update>) {
    named("ui-fleet", move || {
        let rt = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
            Ok(rt) => rt,
            Err(e) => {
                let _ = tx.send(Update::Fleet(FleetUpdate::Failed(e.to_string(), now_ms())));
                return;
            }
        };
        rt.block_on(async move {
            let mut reader: Option<FleetReader> = None;
            let (mut in_flight_at, mut recent_at): (Option<Instant>, Option<Instant>) = (None, None);
            let (mut rows_at, mut nodes_at): (Option<Instant>, Option<Instant>) = (None, None);
            let mut in_flight_every = Duration::from_secs(1);
            loop {
                let started = Instant::now();
                let wants = interest.load(Ordering::Relaxed);
                let due = |at: &mut Option<Instant>, bit: u8, every: Duration| {
                    let due = wants & bit != 0 && at.is_none_or(|t| t.elapsed() >= every);
                    if due {
                        *at = Some(started);
                    }
                    due
                };
                let in_flight = due(&mut in_flight_at, WANT_IN_FLIGHT, in_flight_every);
                let recent = due(&mut recent_at, WANT_RECENT, Duration::from_secs(5));
                // Between two reads of the whole list, the answers shown every second.
                let rows = !in_flight && due(&mut rows_at, WANT_IN_FLIGHT, Duration::from_secs(1));
                // The heartbeats every half second on `:nodes`, every second elsewhere (the
                // status line's freshness, the takeovers counted as they happen).
                let beats = wants & WANT_NODES != 0 || nodes_at.is_none_or(|t| t.elapsed() >= NODES_ELSEWHERE);
                if beats || in_flight || recent {
                    nodes_at = Some(started);
                    let update = match poll_fleet(&target, &mut reader, in_flight, recent).await {
                        Ok(u) => {
                            if let FleetUpdate::Snapshot { in_flight: Some(f), .. } = &u {
                                in_flight_every = in_flight_interval(f.len());
                            }
                            u
                        }
                        Err(e) => FleetUpdate::Failed(e.to_string(), now_ms()),
                    };
                    if tx.send(Update::Fleet(update)).is_err() {
                        return;
                    }
                }
                if rows {
                    let ids = in_view.lock().unwrap_or_else(|p| p.into_inner()).clone();
                    if let (Some(r), false) = (&reader, ids.is_empty()) {
                        let update = match r.answers(ids).await {
                            Ok(answers) => FleetUpdate::Rows(answers, now_ms()),
                            Err(e) => FleetUpdate::Failed(e.to_string(), now_ms()),
                        };
                        if tx.send(Update::Fleet(update)).is_err() {
                            return;
                        }
                    }
                }
                tokio::time::sleep(Duration::from_millis(500).saturating_sub(started.elapsed())).await;
            }
        });
    });
}

/// How often the fleet poller reads the heartbeats while `:nodes` is not shown.
const NODES_ELSEWHERE: Duration = Duration::from_secs(1);

/// How often `:streams` reads the whole list of answers in flight when there are `n`:
/// every second up to 333, then 3 ms per answer (10,000: every 30 s), so that the
/// console's own cost stays flat however busy the fleet is (reading and parsing an answer
/// costs it ~3 µs, and as much again to list it). The answers on screen are read every
/// second in between.
pub fn in_flight_interval(n: usize) -> Duration {
    Duration::from_millis((n as u64 * 3).max(1000))
}

/// The console's on-demand worker: follows the session shown (its timeline re-read every
/// second: an answer in flight keeps adding to it), re-reads the last records of the topic
/// opened, and runs confirmed actions. Requests arrive on the returned sender; the newest
/// session or topic wins.
fn spawn_requests(kafka: &KafkaSettings, interest: Arc<AtomicU8>, tx: Sender<Update>) -> Sender<Request> {
    let (requests, todo) = mpsc::channel::<Request>();
    let kafka = kafka.clone();
    let handle = tokio::runtime::Handle::current();
    named("ui-requests", move || {
        let (mut session, mut topic): (Option<String>, Option<String>) = (None, None);
        // `:stalls`: read while shown, every STALLS_EVERY, only what was appended since.
        let mut stalls: Option<(chatctl::ops::stalls::Follow, Option<Instant>)> = None;
        loop {
            let mut fresh = Vec::new();
            match todo.recv_timeout(Duration::from_secs(1)) {
                Ok(r) => fresh.push(r),
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            }
            fresh.extend(todo.try_iter());
            for r in fresh {
                match r {
                    Request::Session(s) => session = Some(s),
                    Request::Stalls { window_ms, min_gap_ms } => {
                        let follow = chatctl::ops::stalls::Follow::new(kafka.clone(), window_ms, min_gap_ms, now_ms());
                        stalls = Some((follow, None));
                    }
                    Request::TopicTail(t) => topic = Some(t),
                    Request::ResetGroup(g) => {
                        if tx.send(Update::Lag(LagUpdate::Done(reset_to_latest(&kafka, &g)))).is_err() {
                            return;
                        }
                    }
                    Request::DeleteTopic(t) => {
                        let msg = match handle.block_on(chatctl::ops::topics::delete(&kafka, std::slice::from_ref(&t)))
                        {
                            Ok(r) => match r.into_iter().find_map(|(_, e)| e) {
                                None => format!("deleted topic {t}"),
                                Some(e) => format!("deleting {t} failed: {e}"),
                            },
                            Err(e) => format!("deleting {t} failed: {e}"),
                        };
                        if tx.send(Update::Topics(TopicsUpdate::Done(msg))).is_err() {
                            return;
                        }
                    }
                }
            }
            let mut updates = Vec::new();
            if let Some(s) = &session {
                updates.push(Update::Timeline(timeline(&kafka, s)));
            }
            if let Some(t) = &topic {
                let at = now_ms();
                match last_records(&kafka, t, TAIL_PER_PARTITION) {
                    Ok(records) => updates.push(Update::Topics(TopicsUpdate::Tail(t.clone(), records, at))),
                    Err(e) => updates.push(Update::Topics(TopicsUpdate::Done(format!("reading {t}: {e}")))),
                }
            }
            let shown = interest.load(Ordering::Relaxed) & WANT_STALLS != 0;
            if let (Some((follow, last)), true) = (&mut stalls, shown) {
                if last.is_none_or(|t| t.elapsed() >= STALLS_EVERY) {
                    *last = Some(Instant::now());
                    let at = now_ms();
                    updates.push(Update::Stalls(match follow.read(at) {
                        Ok((stalls, answers)) => StallsUpdate::Read {
                            window_ms: follow.window_ms,
                            min_gap_ms: follow.min_gap_ms,
                            stalls,
                            answers,
                            at,
                        },
                        Err(e) => StallsUpdate::Failed(e.to_string(), at),
                    }));
                }
            }
            if updates.into_iter().any(|u| tx.send(u).is_err()) {
                return;
            }
        }
    });
    requests
}

/// How often `:stalls` reads the records appended since its last read.
const STALLS_EVERY: Duration = Duration::from_secs(2);

/// `groups reset G --all-topics --to-latest --execute`, as the lag screen's R asks: refused
/// while the group has members, or where the broker cannot tell (the CLI's --force is not
/// offered here).
fn reset_to_latest(kafka: &KafkaSettings, group: &str) -> String {
    use chatctl::ops::groups::{check_inactive, execute, plan, Activity, Scope, Target};
    match check_inactive(kafka, group) {
        Err(e) => return format!("not reset: {e}"),
        Ok(Activity::Unknown(why)) => {
            return format!(
                "not reset: the broker cannot tell whether {group} has members ({why}); stop its consumers and use `chatctl groups reset {group} --all-topics --to-latest --execute --force`"
            )
        }
        Ok(Activity::Inactive) => {}
    }
    let planned = match plan(kafka, group, &Scope::AllTopics, &Target::Latest) {
        Ok(p) => p,
        Err(e) => return format!("not reset: {e}"),
    };
    let skipped: i64 = planned.rows.iter().filter_map(|r| r.change()).filter(|c| *c > 0).sum();
    match execute(kafka, group, &planned.rows) {
        Ok(()) => {
            format!("reset {group}: {} partition(s) at the log end, {skipped} record(s) skipped", planned.rows.len())
        }
        Err(e) => format!("reset of {group} failed: {e}"),
    }
}

/// Records per partition `:topics` shows when a topic is opened.
const TAIL_PER_PARTITION: i64 = 10;

fn timeline(kafka: &KafkaSettings, session: &str) -> TimelineUpdate {
    // A gateway's session id is a UUIDv7: its events follow its minting.
    let since = uuid_v7_ms(session).map(|ms| ms - 10_000).unwrap_or_else(|| now_ms() - 86_400_000);
    match session_timeline(kafka, session, Some(since), None) {
        Ok((t, _)) => TimelineUpdate::Read(Box::new(t), now_ms()),
        Err(e) => TimelineUpdate::Failed(session.to_string(), e.to_string(), now_ms()),
    }
}

/// The topics poller: every topic's partitions and watermarks every `interval` while
/// `:topics` is shown ([`WANT_TOPICS`]), every [`TOPICS_BACKGROUND`] otherwise.
fn spawn_topics(kafka: &KafkaSettings, interval: Duration, interest: Arc<AtomicU8>, tx: Sender<Update>) {
    let kafka = kafka.clone();
    named("ui-topics", move || loop {
        let started = Instant::now();
        let update = match chatctl::ops::topics::overview(&kafka) {
            Ok(t) => TopicsUpdate::Overview(t, now_ms()),
            Err(e) => TopicsUpdate::Failed(e.to_string(), now_ms()),
        };
        if tx.send(Update::Topics(update)).is_err() {
            return;
        }
        wait_until_due(started, || interest.load(Ordering::Relaxed) & WANT_TOPICS != 0, interval, TOPICS_BACKGROUND);
    });
}

/// How often the topics poller polls while `:topics` is not shown (a poll opens a client
/// and asks every partition's watermarks).
const TOPICS_BACKGROUND: Duration = Duration::from_secs(60);

/// Answers in flight read at most per poll (the oldest leases first).
const IN_FLIGHT_MAX: usize = 20_000;

/// Recent answers read at most for `:sessions`.
const RECENT_MAX: usize = 5_000;

async fn poll_fleet(
    target: &RedisTarget,
    reader: &mut Option<FleetReader>,
    with_in_flight: bool,
    with_recent: bool,
) -> chatctl::Result<FleetUpdate> {
    if reader.is_none() {
        *reader = Some(FleetReader::connect(target).await?);
    }
    let r = reader.as_ref().expect("connected above");
    let at_ms = now_ms();
    let nodes = r.nodes().await?;
    let in_flight = if with_in_flight { Some(r.in_flight(IN_FLIGHT_MAX).await?) } else { None };
    let recent = if with_recent { Some(r.recent(RECENT_MAX).await?) } else { None };
    Ok(FleetUpdate::Snapshot { at_ms, nodes, in_flight, recent })
}

/// Sleep until the next poll after one `started`: `every` later while `wanted()` (a screen
/// shows what the poller reads), `background` later otherwise; a screen opening is seen
/// within a quarter second.
fn wait_until_due(started: Instant, wanted: impl Fn() -> bool, every: Duration, background: Duration) {
    loop {
        let left = if wanted() { every } else { background }.saturating_sub(started.elapsed());
        if left.is_zero() {
            return;
        }
        std::thread::sleep(left.min(Duration::from_millis(250)));
    }
}

/// A poller's thread, named (`top -H`, /proc/PID/task: which one costs what).
fn named(name: &str, f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new().name(name.into()).spawn(f).expect("spawning a console thread");
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// The DLQ follower and the action runner (re-drives and exports, off the render thread);
/// the screen's state.
fn spawn_dlq(
    kafka: &KafkaSettings,
    md: &rdkafka::metadata::Metadata,
    names: Vec<String>,
    tx: Sender<Update>,
) -> anyhow::Result<DlqState> {
    let mut follower = Follower::new(kafka, md, &names)?;
    let (actions, todo) = mpsc::channel();
    // New records as they land; an empty update now and then keeps the "updated" time
    // honest without redrawing twice a second.
    let up = tx.clone();
    named("ui-dlq", move || {
        let mut last_sent = Instant::now() - Duration::from_secs(60);
        loop {
            let now = now_ms();
            let update = match follower.poll(Duration::from_secs(1)) {
                Ok(es) if es.is_empty() && last_sent.elapsed() < Duration::from_secs(5) => continue,
                Ok(es) => DlqUpdate::Entries(es, now),
                Err(e) => DlqUpdate::Failed(e.to_string(), now),
            };
            last_sent = Instant::now();
            if up.send(Update::Dlq(update)).is_err() {
                return;
            }
        }
    });
    // Its producer is made on the first re-drive: an idle screen keeps no producer
    // connection.
    let kafka = kafka.clone();
    let handle = tokio::runtime::Handle::current();
    named("ui-actions", move || {
        let mut producer: Option<FutureProducer> = None;
        for a in todo {
            let msg = match a {
                Action::Redrive(ls) => redrive(&kafka, &handle, &mut producer, &ls),
                Action::Export(ls) => export(&ls),
            };
            if tx.send(Update::Dlq(DlqUpdate::Done(msg))).is_err() {
                return;
            }
        }
    });
    Ok(DlqState::new(names, actions))
}

/// Write `letters` as JSON Lines to a new file in the working directory.
fn export(letters: &[dlq::DeadLetter]) -> String {
    let path = format!("dlq-export-{}.jsonl", chrono::Utc::now().format("%Y%m%dT%H%M%S%.3f"));
    let write = || -> std::io::Result<()> {
        let mut f = std::io::BufWriter::new(chatctl::security::create_private(std::path::Path::new(&path))?);
        for l in letters {
            serde_json::to_writer(&mut f, l)?;
            f.write_all(b"\n")?;
        }
        f.flush()
    };
    match write() {
        Ok(()) => format!("exported {} record(s) to {path}", letters.len()),
        Err(e) => format!("export to {path} failed: {e}"),
    }
}

fn redrive(
    kafka: &KafkaSettings,
    handle: &tokio::runtime::Handle,
    producer: &mut Option<FutureProducer>,
    letters: &[dlq::DeadLetter],
) -> String {
    if producer.is_none() {
        match kafka.create(&kafka.producer_config()) {
            Ok(p) => *producer = Some(p),
            Err(e) => return format!("re-drove nothing: {e}"),
        }
    }
    let p = producer.as_ref().expect("made above");
    let run = uuid::Uuid::now_v7().to_string();
    let mut done = 0;
    for l in letters {
        match handle.block_on(dlq::redrive(kafka, p, l, &run, dlq::DEFAULT_MAX_REDRIVES, false)) {
            Ok(Redriven::Sent) => done += 1,
            Ok(_) => {}
            Err(e) => return format!("re-drove {done} of {}; stopped: {e}", letters.len()),
        }
    }
    format!("re-drove {done} record(s)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lag_polls_slow_down_with_the_groups_and_streams_reads_with_the_answers() {
        assert_eq!(auto_interval(0), Duration::from_secs(2));
        assert_eq!(auto_interval(26), Duration::from_secs(2));
        assert_eq!(auto_interval(27), Duration::from_millis(2025));
        assert_eq!(auto_interval(200), Duration::from_secs(15), "~13 groups' offsets a second");
        assert_eq!(in_flight_interval(0), Duration::from_secs(1));
        assert_eq!(in_flight_interval(333), Duration::from_secs(1));
        assert_eq!(in_flight_interval(334), Duration::from_millis(1002));
        assert_eq!(in_flight_interval(10_000), Duration::from_secs(30));
    }
}
