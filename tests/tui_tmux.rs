//! The TUIs end to end in a real terminal: tmux runs `chatctl lag --watch` and `chatctl dlq
//! tail` against real tansu; the captured screen shows the group and the dead letter; a
//! re-drive key press puts the record back on its origin topic with its headers; `q` exits
//! 0 and the terminal is restored (alternate screen off, the TUI gone from the pane).

mod common;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chatctl::events::CHAT_EVENTS;
use chatctl::kafka::KafkaSettings;
use chatctl::ops::dlq::REDRIVEN;
use common::{chatctl, find_binary, free_port, read_records, Broker, Engine};
use rdkafka::message::{Header, OwnedHeaders};
use rdkafka::producer::{FutureProducer, FutureRecord};

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
    let producer: FutureProducer = kafka.create(&kafka.producer_config()).unwrap();
    producer
        .send(
            FutureRecord::to(CHAT_EVENTS)
                .key("sess-tui")
                .payload("{\"eventType\": broken")
                .headers(OwnedHeaders::new().insert(Header { key: "traceparent", value: Some("00-tui-01") })),
            Duration::from_secs(10),
        )
        .await
        .map_err(|(e, _)| e)
        .unwrap();
    let mut worker = chatctl()
        .args(["serve", "--role", "worker", "--workers", "audit", "-b", &broker.addr])
        .args(["--listen", &format!("127.0.0.1:{}", free_port())])
        .args(["--audit-url", &format!("sqlite://{}", dir.path().join("store.db").display())])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
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
