//! `chatctl ui` under load (issue "chatctl ui"): 10,000 answers in flight, 200 groups.
//!
//!   cargo bench --bench console -- [--answers 10000] [--groups 200] [--frames-secs 3] [--secs 30]
//!
//! 1. Frames per second of each screen, in process: every frame applies a fresh fleet
//!    snapshot (every answer, every node) as the poller's update would, then draws the
//!    screen on ratatui's TestBackend (200x50): the console's whole cost per frame but the
//!    terminal's own write.
//! 2. The real binary idle on a screen: Redis holding the answers (lease set and meta
//!    hashes) and 20 node heartbeats, tansu (memory) holding 200 groups' committed offsets;
//!    `chatctl ui` in tmux on :nodes, :streams and :groups in turn; its CPU over --secs each,
//!    from /proc (its pollers included, at their rates on each screen: see `commands/ui.rs`);
//!    `THREADS=1` also splits it by thread name.

#[path = "../tests/common/mod.rs"]
mod common;
mod support;

use std::process::Command;
use std::time::{Duration, Instant};

use chatctl::ops::lag::{GroupPoll, LagModel, Membership, Poll};
use chatctl::realtime::fleet::{InFlight, NodeBeat, WorkerBeat};
use chatctl::tui::console::fleet::FleetUpdate;
use chatctl::tui::console::{Console, ScreenId, Update};
use chatctl::tui::lag::{LagState, LagUpdate};
use chatctl::tui::Screen;

/// `cargo bench --bench console -- [OPTIONS]`
#[derive(clap::Parser)]
struct Args {
    /// Answers in flight
    #[arg(long, default_value_t = 10_000)]
    answers: usize,
    /// Consumer groups
    #[arg(long, default_value_t = 200)]
    groups: usize,
    /// Seconds each screen is drawn for (frames per second)
    #[arg(long, default_value_t = 3)]
    frames_secs: u64,
    /// Seconds of idle CPU measured per screen
    #[arg(long, default_value_t = 30)]
    secs: u64,
}

support::parsed_once!(Args);

const NODES: usize = 20;

fn beat(n: usize, at: i64) -> NodeBeat {
    NodeBeat {
        node: format!("node-{n:02}"),
        listen: format!("10.0.0.{n}:8080"),
        role: "all".into(),
        pid: 1000 + n as u32,
        started_ms: at - 3_600_000,
        beat_ms: at,
        lease_ttl_ms: 2000,
        connections: 500,
        generating: 500,
        following: 20,
        chunks_sent: (at / 10) as u64,
        events_published: (at / 10) as u64,
        events_queue: 12,
        chunk_p99_ms: Some(25),
        workers: vec![WorkerBeat { name: "chatctl-audit".into(), processed: 1, lag: 3, dead_lettered: 0 }],
        ..Default::default()
    }
}

fn answer(i: usize, now: i64) -> InFlight {
    InFlight {
        message_id: format!("{:08x}-0000-7000-8000-{:012x}", i, i),
        session_id: format!("session-{i:06}"),
        user_id: format!("user-{:05}", i % 5000),
        owner: format!("node-{:02}", i % NODES),
        epoch: i.is_multiple_of(3) as u32,
        chunks: (i % 400) as u32,
        started_ms: now - (i as i64 % 60_000),
        state: "generating".into(),
        watched: i.is_multiple_of(7),
    }
}

fn lag_model(groups: usize, at: i64) -> LagModel {
    let mut m = LagModel::default();
    for k in 0..12i64 {
        m.apply(&Poll {
            at_ms: at - (12 - k) * 2000,
            groups: (0..groups)
                .map(|g| GroupPoll {
                    group: format!("group-{g:03}"),
                    membership: Membership::Active,
                    partitions: (0..4)
                        .map(|p| ("chat-events".to_string(), p, 100 * k, 100 * k + (g as i64 % 50)))
                        .collect(),
                })
                .collect(),
        });
    }
    m
}

/// Frames per second drawing `screen`, a fresh snapshot applied before each frame.
fn frames(console: &mut Console, screen: ScreenId, answers: &[InFlight], secs: u64) -> f64 {
    console.stack = vec![screen];
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(200, 50)).unwrap();
    let (started, mut n) = (Instant::now(), 0u64);
    let mut at = chrono::Utc::now().timestamp_millis();
    while started.elapsed() < Duration::from_secs(secs) {
        at += 500;
        let nodes = (0..NODES).map(|i| beat(i, at)).collect();
        console.update(Update::Fleet(FleetUpdate::Snapshot {
            at_ms: at,
            nodes,
            in_flight: Some(answers.to_vec()),
            recent: Some(answers.to_vec()),
        }));
        term.draw(|f| console.render(f)).unwrap();
        n += 1;
    }
    n as f64 / started.elapsed().as_secs_f64()
}

fn in_process() {
    let a = args();
    let now = chrono::Utc::now().timestamp_millis();
    let answers: Vec<InFlight> = (0..a.answers).map(|i| answer(i, now)).collect();
    let mut console = Console::new(ScreenId::Nodes, true, LagState::new(2000), None);
    console.update(Update::Lag(LagUpdate::Model(Box::new(lag_model(a.groups, now)), now)));
    println!("frames per second, {} answers in flight, {} groups, {NODES} nodes (200x50):", a.answers, a.groups);
    for screen in [ScreenId::Nodes, ScreenId::Streams, ScreenId::Sessions, ScreenId::Groups, ScreenId::Topics] {
        let fps = frames(&mut console, screen, &answers, a.frames_secs);
        println!("  :{:<9} {fps:>8.1} frames/s", screen.name());
    }
}

/// Redis with the answers in flight and the nodes' heartbeats.
async fn fill_redis(url: &str, answers: usize) {
    let client = redis::Client::open(url).unwrap();
    let mut conn = client.get_multiplexed_async_connection().await.unwrap();
    let now = chrono::Utc::now().timestamp_millis();
    for chunk in (0..answers).collect::<Vec<_>>().chunks(1000) {
        let mut pipe = redis::pipe();
        for &i in chunk {
            let a = answer(i, now);
            let meta = chatctl::realtime::keys::msg_key(&a.message_id, "meta");
            let leases = chatctl::realtime::keys::leases_of(&a.message_id);
            pipe.cmd("ZADD").arg(leases).arg(now + 3_600_000).arg(&a.message_id).ignore();
            pipe.cmd("HSET")
                .arg(&meta)
                .arg(&[("sessionId", a.session_id.as_str()), ("userId", &a.user_id), ("owner", &a.owner)])
                .arg(&[
                    ("epoch", a.epoch.to_string()),
                    ("next", a.chunks.to_string()),
                    ("startedMs", a.started_ms.to_string()),
                ])
                .arg(&[("state", "generating")])
                .ignore();
        }
        let _: () = pipe.query_async(&mut conn).await.unwrap();
    }
    for n in 0..NODES {
        let key = chatctl::realtime::keys::node_key(&format!("node-{n:02}"));
        let _: () = redis::cmd("ZADD")
            .arg(chatctl::realtime::keys::NODES)
            .arg(now)
            .arg(format!("node-{n:02}"))
            .query_async(&mut conn)
            .await
            .unwrap();
        let _: () = redis::cmd("SET")
            .arg(&key)
            .arg(serde_json::to_string(&beat(n, now)).unwrap())
            .arg("EX")
            .arg(3600)
            .query_async(&mut conn)
            .await
            .unwrap();
    }
}

/// The console's CPU idle on each screen, in tmux.
fn idle(broker: &str, redis: &str, secs: u64) {
    let socket = format!("chatctl-console-bench-{}", std::process::id());
    let bin = env!("CARGO_BIN_EXE_chatctl");
    let cmd = format!("{bin} -b {broker} ui --redis {redis}");
    let tmux = |a: &[&str]| Command::new("tmux").args(["-L", &socket]).args(a).env_remove("TMUX").output().unwrap();
    tmux(&["new-session", "-d", "-s", "bench", "-x", "200", "-y", "50", &cmd]);
    let pid = support::pid_of(&format!("{bin} -b {broker} ui"));
    std::thread::sleep(Duration::from_secs(5)); // first polls, first draws
    println!("chatctl ui idle (its pollers included), CPU over {secs} s:");
    for screen in ["nodes", "streams", "groups"] {
        tmux(&["send-keys", "-t", "bench", ":", screen, "Enter"]);
        std::thread::sleep(Duration::from_secs(2));
        let shown = String::from_utf8_lossy(&tmux(&["capture-pane", "-p", "-t", "bench"]).stdout).into_owned();
        assert!(shown.contains(&format!(" {screen}")), "not on :{screen}:\n{shown}");
        let threads = support::thread_ticks(pid);
        println!("  :{screen:<9} {:>6.2}% of a core", support::cpu_percent(pid, secs));
        // THREADS=1: where it went, by thread (threads that ended in the window are missed).
        if std::env::var_os("THREADS").is_some() {
            for (name, ticks) in support::thread_ticks(pid) {
                let spent = ticks.saturating_sub(threads.get(&name).copied().unwrap_or_default());
                if spent > 0 {
                    println!("      {name:<16} {:>6.2}%", spent as f64 / secs as f64);
                }
            }
        }
    }
    tmux(&["send-keys", "-t", "bench", "q"]);
    std::thread::sleep(Duration::from_millis(500));
    tmux(&["kill-server"]);
}

fn main() {
    in_process();
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build().unwrap();
    rt.block_on(async {
        let a = args();
        let broker = common::Broker::start(common::Engine::Memory);
        broker.ensure_topics(4).await;
        let redis = common::Redis::start();
        fill_redis(&redis.url, a.answers).await;
        let kafka = broker.kafka();
        for g in 0..a.groups {
            let offsets: Vec<(String, i32, i64)> = (0..4).map(|p| ("chat-events".to_string(), p, 0)).collect();
            chatctl::kafka::groups::commit(&kafka, &format!("group-{g:03}"), &offsets).unwrap();
        }
        let (addr, url, secs) = (broker.addr.clone(), redis.url.clone(), a.secs);
        tokio::task::spawn_blocking(move || idle(&addr, &url, secs)).await.unwrap();
    });
}
