//! The README's main command as a new user runs it: from a stopped stack, `scripts/run` with
//! its output captured (as `eval "$(scripts/stack up)"` captures the stack's) must reach
//! "listening on" and answer a chat; `scripts/stack status` must name the process that really
//! listens on the broker port; `scripts/stack down` must leave nothing listening. The stack
//! runs in a directory and on ports of its own, so a developer's stack is never touched.

use crate::common;

use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio_tungstenite::tungstenite::Message;

/// How long a new user may wait for the engine (tansu start, topics, serve), tansu installed.
const START_BOUND: Duration = Duration::from_secs(90);

struct Stack {
    dir: PathBuf,
    kafka_port: u16,
    redis_port: u16,
}

impl Stack {
    fn script(&self, name: &str) -> Command {
        let mut c = Command::new(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts").join(name));
        for (k, _) in std::env::vars_os() {
            if k.to_string_lossy().starts_with("CHATCTL_") || k == "RUST_LOG" {
                c.env_remove(k);
            }
        }
        c.env("CHATCTL_STACK_DIR", &self.dir)
            .env("CHATCTL_STACK_KAFKA_PORT", self.kafka_port.to_string())
            .env("CHATCTL_STACK_REDIS_PORT", self.redis_port.to_string());
        c
    }

    /// Runs `scripts/stack ARG` (bounded) and returns (success, stdout + stderr).
    fn stack(&self, arg: &str) -> (bool, String) {
        let mut child = self
            .script("stack")
            .arg(arg)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("scripts/stack starts");
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                let mut out = String::new();
                child.stdout.take().unwrap().read_to_string(&mut out).unwrap();
                child.stderr.take().unwrap().read_to_string(&mut out).unwrap();
                return (status.success(), out);
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!("scripts/stack {arg} did not return within 60 s");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// Whatever happens, nothing of the run is left behind: the script's process group (the
/// script, the engine, and a broker the script may have lost track of) is killed, then the
/// stack is stopped the normal way.
struct Cleanup<'a> {
    stack: &'a Stack,
    run: Option<Child>,
}

impl Drop for Cleanup<'_> {
    fn drop(&mut self) {
        if let Some(mut child) = self.run.take() {
            kill_group(child.id() as i32);
            let _ = child.wait();
        }
        let _ = self.stack.stack("down");
    }
}

fn kill_group(pgid: i32) {
    let _ = Command::new("kill").args(["-9", "--", &format!("-{pgid}")]).status();
}

/// Lines of a child's stream, collected as they come, for the bound checks and the failure
/// message.
fn collect(stream: impl Read + Send + 'static, into: Arc<Mutex<String>>) {
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            let mut s = into.lock().unwrap();
            s.push_str(&line);
            s.push('\n');
        }
    });
}

/// The inode of the socket listening on 127.0.0.1:`port`, from /proc/net/tcp.
fn listening_inode(port: u16) -> Option<String> {
    let table = std::fs::read_to_string("/proc/net/tcp").unwrap();
    table.lines().skip(1).find_map(|l| {
        let f: Vec<&str> = l.split_whitespace().collect();
        let local_port = u16::from_str_radix(f[1].rsplit(':').next()?, 16).ok()?;
        (local_port == port && f[3] == "0A").then(|| f[9].to_string())
    })
}

/// Whether process `pid` holds the socket with `inode`.
fn holds_socket(pid: u32, inode: &str) -> bool {
    let want = format!("socket:[{inode}]");
    std::fs::read_dir(format!("/proc/{pid}/fd"))
        .map(|fds| {
            fds.filter_map(Result::ok)
                .any(|fd| std::fs::read_link(fd.path()).is_ok_and(|l| l.as_os_str() == want.as_str()))
        })
        .unwrap_or(false)
}

/// Whether `pid` is a live process (a zombie waiting for its parent is not).
fn running(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .is_ok_and(|stat| stat.rsplit(')').next().and_then(|rest| rest.split_whitespace().next()) != Some("Z"))
}

fn pid_named(status: &str, service: &str) -> u32 {
    let line = status.lines().find(|l| l.starts_with(&format!("{service}: up (pid "))).unwrap_or_else(|| {
        panic!("`stack status` does not say {service} is up:\n{status}");
    });
    line.split("(pid ").nth(1).unwrap().split([',', ')']).next().unwrap().trim().parse().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scripts_run_from_a_stopped_stack_answers_a_chat_and_down_leaves_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let stack =
        Stack { dir: tmp.path().join("stack"), kafka_port: common::free_port(), redis_port: common::free_port() };
    let http_port = common::free_port();
    let (ok, out) = stack.stack("status");
    assert!(!ok && out.contains("tansu: down") && out.contains("redis: down"), "the stack starts stopped:\n{out}");

    let output = Arc::new(Mutex::new(String::new()));
    let mut run = stack
        .script("run")
        .args(["--listen", &format!("127.0.0.1:{http_port}")])
        .arg("--audit-url")
        .arg(format!("sqlite://{}", tmp.path().join("audit.db").display()))
        .env("CHATCTL_RUN_BIN", env!("CARGO_BIN_EXE_chatctl"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0)
        .spawn()
        .expect("scripts/run starts");
    collect(run.stdout.take().unwrap(), output.clone());
    collect(run.stderr.take().unwrap(), output.clone());
    let run_pid = run.id();
    let mut cleanup = Cleanup { stack: &stack, run: Some(run) };

    // 1. The engine comes up within the bound; a hang fails here, with what was printed.
    let started = Instant::now();
    while !output.lock().unwrap().contains("listening on") {
        if let Some(status) = cleanup.run.as_mut().unwrap().try_wait().unwrap() {
            panic!("scripts/run exited ({status}) before listening:\n{}", output.lock().unwrap());
        }
        assert!(
            started.elapsed() < START_BOUND,
            "scripts/run did not reach \"listening on\" within {START_BOUND:?} (a hang in `eval \"$(scripts/stack up)\"`?); its output:\n{}",
            output.lock().unwrap()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let base = format!("http://127.0.0.1:{http_port}");
    let client = reqwest::Client::new();
    let ready = loop {
        let r = client.get(format!("{base}/readyz")).timeout(Duration::from_secs(2)).send().await;
        if r.as_ref().is_ok_and(|r| r.status().is_success()) {
            break true;
        }
        if started.elapsed() > START_BOUND {
            break false;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(ready, "/readyz never answered 200:\n{}", output.lock().unwrap());

    // 2. One chat streams to its end.
    let (mut ws, _) = tokio_tungstenite::connect_async(format!("ws://127.0.0.1:{http_port}/ws?user=newcomer"))
        .await
        .expect("websocket connects");
    ws.send(Message::text(json!({"type": "chat", "conversationId": "c1", "content": "what is kafka?"}).to_string()))
        .await
        .unwrap();
    let mut chunks = 0;
    let done = tokio::time::timeout(Duration::from_secs(30), async {
        while let Some(frame) = ws.next().await {
            let Ok(Message::Text(text)) = frame else { continue };
            let v: Value = serde_json::from_str(&text).unwrap();
            match v["type"].as_str() {
                Some("chunk") => chunks += 1,
                Some("done") => return v,
                Some("error") => panic!("chat failed: {v}"),
                _ => {}
            }
        }
        panic!("socket closed before done");
    })
    .await
    .expect("the chat finishes within 30 s");
    assert!(chunks > 0 && done["totalChunks"] == chunks, "{chunks} chunks, done {done}");

    // 3. `status` names the processes that really listen on the stack's ports.
    let (ok, status) = stack.stack("status");
    assert!(ok, "{status}");
    for (service, port) in [("tansu", stack.kafka_port), ("redis", stack.redis_port)] {
        let pid = pid_named(&status, service);
        let inode = listening_inode(port).unwrap_or_else(|| panic!("nothing listens on {port}"));
        assert!(holds_socket(pid, &inode), "{service}: pid {pid} named by status does not hold the socket on {port}");
    }
    let broker_pid = pid_named(&status, "tansu");
    let redis_pid = pid_named(&status, "redis");

    // 4. The engine stops on SIGTERM; `down` leaves nothing listening and nothing running.
    let _ = Command::new("kill").args(["-TERM", &run_pid.to_string()]).status();
    let mut run = cleanup.run.take().unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while run.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "the engine did not stop within 60 s of SIGTERM");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let (ok, out) = stack.stack("down");
    assert!(ok, "{out}");
    for (what, port) in [("broker", stack.kafka_port), ("redis", stack.redis_port)] {
        assert!(
            std::net::TcpStream::connect(("127.0.0.1", port)).is_err(),
            "the {what} still listens on {port}: {out}"
        );
    }
    for pid in [broker_pid, redis_pid] {
        assert!(!running(pid), "pid {pid} still runs after `down`: {out}");
    }
    let (ok, out) = stack.stack("status");
    assert!(!ok && out.contains("tansu: down") && out.contains("redis: down"), "{out}");
    drop(cleanup);
}
