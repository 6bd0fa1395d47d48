//! The console end to end in a real terminal: tmux runs `chatctl lag --watch`, `chatctl dlq
//! tail` and `chatctl ui` against real tansu, Redis and chatctl nodes; the captured screen
//! shows the group, the dead letter, the nodes; a re-drive (after its confirmation) puts the
//! record back on its origin topic with its headers; a killed node turns red and its answers
//! move; `q` exits 0 and the terminal is restored (alternate screen off, the TUI gone).

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chatctl::events::CHAT_EVENTS;
use chatctl::kafka::KafkaSettings;
use chatctl::ops::dlq::REDRIVEN;
use common::{chatctl, find_binary, free_port, read_records, Broker, Engine};

/// A tmux server of our own (its own socket), killed on drop.
struct Tmux {
    socket: String,
    tmux: PathBuf,
}

impl Tmux {
    fn new() -> Tmux {
        Tmux {
            socket: format!("chatctl-test-{}-{}", std::process::id(), free_port()),
            tmux: find_binary("tmux", "TMUX_BIN"),
        }
    }

    fn cmd(&self, args: &[&str]) -> std::process::Output {
        Command::new(&self.tmux).args(["-L", &self.socket]).args(args).env_remove("TMUX").output().unwrap()
    }

    /// Run `command` in a new 160x40 session; the shell stays after it exits so the
    /// restored terminal can be looked at.
    fn start(&self, name: &str, command: &str) {
        let out = self.cmd(&["new-session", "-d", "-s", name, "-x", "160", "-y", "40", command]);
        assert!(out.status.success(), "tmux: {}", String::from_utf8_lossy(&out.stderr));
    }

    fn screen(&self, name: &str) -> String {
        String::from_utf8_lossy(&self.cmd(&["capture-pane", "-p", "-t", name]).stdout).into_owned()
    }

    fn keys(&self, name: &str, keys: &str) {
        assert!(self.cmd(&["send-keys", "-t", name, keys]).status.success());
    }

    fn alternate_on(&self, name: &str) -> String {
        String::from_utf8_lossy(&self.cmd(&["display-message", "-p", "-t", name, "#{alternate_on}"]).stdout)
            .trim()
            .to_string()
    }

    fn wait_screen(&self, name: &str, what: &str, limit: Duration, f: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + limit;
        loop {
            let s = self.screen(name);
            if f(&s) {
                return s;
            }
            assert!(Instant::now() < deadline, "screen never showed {what}:\n{s}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}

/// The shell line that runs chatctl and records its exit status, then keeps the pane.
fn shell(broker: &Broker, args: &str, exit_file: &Path) -> String {
    format!(
        "{} -b {} {args}; echo EXIT=$? > {}; sleep 600",
        env!("CARGO_BIN_EXE_chatctl"),
        broker.addr,
        exit_file.display()
    )
}

fn wait_exit(file: &Path) -> String {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Ok(s) = std::fs::read_to_string(file) {
            return s.trim().to_string();
        }
        assert!(Instant::now() < deadline, "chatctl did not exit after q");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn redriven(kafka: &KafkaSettings) -> Vec<HashMap<String, String>> {
    read_records(kafka, CHAT_EVENTS).into_iter().map(|r| r.headers).filter(|h| h.contains_key(REDRIVEN)).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lag_watch_and_dlq_tail_in_a_real_terminal() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(2).await;
    let kafka = broker.kafka();
    let dir = tempfile::tempdir().unwrap();
    // A record the audit worker cannot decode: it goes to chat-events.dlq.
    common::produce_raw(&kafka, CHAT_EVENTS, "sess-tui", "{\"eventType\": broken", &[("traceparent", "00-tui-01")])
        .await;
    let mut worker = common::serve_worker("audit", &broker.addr, free_port())
        .args(["--audit-url", &format!("sqlite://{}", dir.path().join("store.db").display())])
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let out = chatctl().args(["-b", &broker.addr, "dlq", "list", "-o", "json"]).output().unwrap();
        if String::from_utf8_lossy(&out.stdout).lines().count() == 1 {
            break;
        }
        assert!(Instant::now() < deadline, "no dead letter");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let _ = Command::new("kill").args(["-TERM", &worker.id().to_string()]).status();
    worker.wait().unwrap();

    let tmux = Tmux::new();
    // lag --watch: the group on screen, Enter drills in, q exits 0, terminal restored.
    let lag_exit = dir.path().join("lag.exit");
    tmux.start("lag", &shell(&broker, "lag --watch --interval 500ms", &lag_exit));
    let s = tmux.wait_screen("lag", "the audit group", Duration::from_secs(20), |s| {
        s.contains("chatctl-audit") && s.contains("OK")
    });
    assert!(s.contains("consumer groups") && s.contains("STATUS"), "{s}");
    assert_eq!(tmux.alternate_on("lag"), "1");
    tmux.keys("lag", "Enter");
    tmux.wait_screen("lag", "the partitions", Duration::from_secs(10), |s| {
        s.contains("chatctl-audit — OK — partitions") && s.contains("chat-events")
    });
    // R asks for the group's name, then the reset runs off the screen: on tansu's SQLite
    // engine the broker cannot say whether the group has members, so it is refused.
    tmux.keys("lag", "R");
    let s = tmux.wait_screen("lag", "the reset confirmation", Duration::from_secs(5), |s| {
        s.contains("type chatctl-audit and Enter")
    });
    assert!(s.contains("same as: chatctl groups reset chatctl-audit --all-topics --to-latest --execute"), "{s}");
    tmux.keys("lag", "chatctl-audit");
    tmux.keys("lag", "Enter");
    tmux.wait_screen("lag", "the refusal", Duration::from_secs(15), |s| {
        s.contains("not reset: the broker cannot tell whether chatctl-audit has members")
    });
    tmux.keys("lag", "q");
    assert_eq!(wait_exit(&lag_exit), "EXIT=0");
    assert_eq!(tmux.alternate_on("lag"), "0", "alternate screen left");
    assert!(!tmux.screen("lag").contains("consumer groups"), "the TUI is gone from the pane");

    // dlq tail: the dead letter and its detail; r re-drives it with its headers.
    let dlq_exit = dir.path().join("dlq.exit");
    tmux.start("dlq", &shell(&broker, "dlq tail", &dlq_exit));
    let s = tmux.wait_screen("dlq", "the dead letter", Duration::from_secs(20), |s| {
        s.contains("chatctl-audit") && s.contains("dead")
    });
    assert!(s.contains("traceparent: 00-tui-01"), "{s}");
    assert!(s.contains("decode"), "{s}");
    tmux.keys("dlq", "r");
    let s = tmux.wait_screen("dlq", "the confirmation", Duration::from_secs(10), |s| s.contains("y: go ahead"));
    assert!(s.contains("same as: chatctl dlq redrive --topic chat-events.dlq --offset 0 --execute"), "{s}");
    assert!(redriven(&kafka).is_empty(), "nothing re-driven before the yes");
    tmux.keys("dlq", "y");
    tmux.wait_screen("dlq", "the re-drive", Duration::from_secs(20), |s| {
        s.contains("re-drove 1 record(s)") && s.contains("redriven")
    });
    let back = redriven(&kafka);
    assert_eq!(back.len(), 1, "{back:?}");
    assert_eq!(back[0]["traceparent"], "00-tui-01");
    assert!(back[0][REDRIVEN].starts_with("chat-events.dlq:0:"), "{back:?}");
    // A second r on the same record does nothing.
    tmux.keys("dlq", "r");
    tmux.wait_screen("dlq", "the refusal", Duration::from_secs(10), |s| s.contains("already re-driven"));
    tmux.keys("dlq", "q");
    assert_eq!(wait_exit(&dlq_exit), "EXIT=0");
    assert_eq!(tmux.alternate_on("dlq"), "0");
    assert_eq!(redriven(&kafka).len(), 1);
}

/// The cells of `node`'s row on the :nodes screen (split on whitespace, borders dropped).
fn node_row(screen: &str, node: &str) -> Option<Vec<String>> {
    let line = screen.lines().find(|l| l.split_whitespace().any(|w| w == node) && l.contains("127.0.0.1"))?;
    Some(line.split_whitespace().filter(|w| *w != "│").map(str::to_string).collect())
}

/// Deliveries per second of `node` on the :nodes screen (column CHUNKS/S).
fn deliveries(screen: &str, node: &str) -> f64 {
    node_row(screen, node).and_then(|r| r.get(7)?.parse().ok()).unwrap_or(0.0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_console_follows_three_nodes_through_a_kill() {
    const LEASE_TTL_S: u64 = 2;
    // SQLite: every event of a session is read back (the timeline).
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(2).await;
    let redis = common::Redis::start();
    let dir = tempfile::tempdir().unwrap();
    let ports: Vec<u16> = (0..3).map(|_| free_port()).collect();
    // Each process killed when dropped, a failed assertion included (a panic once left two
    // nodes and four clients running for the rest of the session).
    let mut nodes: Vec<common::Proc> = ports
        .iter()
        .enumerate()
        .map(|(k, port)| {
            let node = common::serve_gateway(&format!("node-{}", k + 1), &broker.addr, *port)
                .args(["--no-spool", "--redis", &redis.url, "--lease-ttl", &format!("{LEASE_TTL_S}s")])
                .args(["--metrics-listen", &format!("127.0.0.1:{}", free_port())])
                .args(["--model-chunks", "2000", "--model-interval", "20ms"])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap();
            common::Proc(node)
        })
        .collect();
    for (k, port) in ports.iter().enumerate() {
        common::wait_for_port(*port, &format!("node-{}", k + 1), Duration::from_secs(30));
    }
    // Two long answers per node; each client resumes on the next node if its own goes.
    let urls: Vec<String> = ports.iter().map(|p| format!("ws://127.0.0.1:{p}/ws")).collect();
    let clients: Vec<common::Proc> = (0..6)
        .map(|i| {
            let mut cmd = chatctl();
            cmd.args(["chat", "--user", &format!("u{i}"), &format!("question {i}")]);
            for k in 0..3 {
                cmd.args(["--node", &urls[(i + k) % 3]]);
            }
            common::Proc(cmd.stdout(Stdio::null()).stderr(Stdio::null()).spawn().unwrap())
        })
        .collect();

    let tmux = Tmux::new();
    let exit = dir.path().join("ui.exit");
    tmux.start("ui", &shell(&broker, &format!("ui --redis {}", redis.url), &exit));
    let s = tmux.wait_screen("ui", "three nodes delivering", Duration::from_secs(30), |s| {
        s.contains("nodes: 3 (0 lost)") && (1..=3).all(|k| deliveries(s, &format!("node-{k}")) > 0.0)
    });
    assert!(s.contains("6 answer(s) generating"), "{s}");
    assert_eq!(tmux.alternate_on("ui"), "1");

    // SIGKILL node-2: red within its lease TTL (+2 s), and its answers taken over.
    nodes[1].0.kill().unwrap();
    let killed = Instant::now();
    let s = tmux.wait_screen("ui", "node-2 lost", Duration::from_secs(LEASE_TTL_S + 2), |s| {
        node_row(s, "node-2").is_some_and(|r| r.get(1).map(String::as_str) == Some("LOST"))
    });
    let lost_after = killed.elapsed();
    assert!(s.contains("nodes: 3 (1 lost)"), "{s}");
    // node-2's two answers, taken over by the survivors (as their beats count them).
    let taken = |s: &str| -> u64 {
        s.lines().filter_map(|l| l.split("took over ").nth(1)?.split(' ').next()?.parse::<u64>().ok()).sum()
    };
    tmux.wait_screen("ui", "the takeovers", Duration::from_secs(10), |s| taken(s) >= 2 && s.contains("NODE_LOST"));

    // :streams: every answer on a survivor.
    tmux.keys("ui", ":");
    tmux.keys("ui", "streams");
    tmux.keys("ui", "Enter");
    // The list is re-read every second: a row read before its takeover still names node-2
    // until the next read (seen once with the machine loaded), so the screen must converge.
    let owners = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| l.contains("generating"))
            .filter_map(|l| Some(l.split_whitespace().nth(5)?.to_string()))
            .collect()
    };
    let s = tmux.wait_screen("ui", "the answers on the survivors", Duration::from_secs(10), |s| {
        let o = owners(s);
        s.contains("nodes › streams") && !o.is_empty() && o.iter().all(|o| o != "node-2")
    });
    assert!(s.contains("node-1") || s.contains("node-3"), "{s}");
    // The highest epoch first (Shift+E twice: descending), Enter: that answer's timeline,
    // live, with the takeover in it.
    tmux.keys("ui", "E");
    tmux.keys("ui", "Enter");
    let s = tmux.wait_screen("ui", "the timeline with the takeover", Duration::from_secs(20), |s| {
        s.contains("› session ") && s.contains("TAKEOVER") && s.contains("node-2 →")
    });
    assert!(s.contains("CHUNK_RECEIVED") && s.contains("TAKEOVER"), "{s}");
    // A takeover's epoch comes from a clock that only grows (never 0, the first owner's).
    let epoch: u64 = s
        .split("(epoch ")
        .nth(1)
        .and_then(|r| r.split(')').next())
        .and_then(|e| e.parse().ok())
        .unwrap_or_else(|| panic!("the takeover names its epoch: {s}"));
    assert!(epoch > 0, "{s}");
    // Esc back to :streams, then :nodes.
    tmux.keys("ui", "Escape");
    tmux.wait_screen("ui", "the answers again", Duration::from_secs(5), |s| s.contains("streams:"));
    tmux.keys("ui", "Escape");
    // :sessions: the six clients' sessions; :topics: the chat topics and their records.
    tmux.keys("ui", ":");
    tmux.keys("ui", "sessions");
    tmux.keys("ui", "Enter");
    tmux.wait_screen("ui", "the sessions", Duration::from_secs(10), |s| {
        s.contains("sessions: 6 recent") && (0..6).all(|i| s.contains(&format!(" u{i} ")))
    });
    tmux.keys("ui", ":");
    tmux.keys("ui", "topics");
    tmux.keys("ui", "Enter");
    // Polled every 5 s: the answers' chunks show in stream-events' records.
    let records = |s: &str| -> i64 {
        let row = s.lines().find(|l| l.contains(" stream-events ")).unwrap_or_default();
        row.split_whitespace().nth(3).and_then(|r| r.parse().ok()).unwrap_or(0)
    };
    tmux.wait_screen("ui", "the topics with records", Duration::from_secs(15), |s| {
        s.contains("topics: ") && records(s) > 0
    });
    tmux.keys("ui", "Escape");
    tmux.keys("ui", "Escape");
    tmux.wait_screen("ui", "the nodes again", Duration::from_secs(5), |s| s.contains("nodes: 3"));
    tmux.keys("ui", "q");
    assert_eq!(wait_exit(&exit), "EXIT=0");
    assert_eq!(tmux.alternate_on("ui"), "0", "alternate screen left");
    assert!(!tmux.screen("ui").contains("nodes: 3"), "the console is gone from the pane");
    eprintln!("node-2 shown LOST {lost_after:?} after its SIGKILL (lease TTL {LEASE_TTL_S}s)");
    drop(clients);
    drop(nodes);
}
