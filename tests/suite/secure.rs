//! chatctl against a secured cluster: real tansu with SCRAM-SHA-512 (`--authentication`,
//! users made with `tansu user create`) behind a real TLS terminator (nginx's stream
//! module; tansu 0.6 has no TLS of its own), with a CA and certificates made here by the
//! openssl tool. The engine streams a chat and its events land; the operator commands work;
//! a wrong password, no credentials and an unknown CA are each a clear, bounded error
//! naming the cause; the password never shows in output or logs.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::{certificates, chatctl, find_binary, free_port, wait_for_port, Proc};

const USER: &str = "chat";
const PASSWORD: &str = "s3cret-pass-7f2";

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// tansu on SQLite with SCRAM users, behind nginx terminating TLS.
struct Secured {
    dir: tempfile::TempDir,
    tansu: Option<Child>,
    nginx: Option<Child>,
    /// The TLS address clients use.
    addr: String,
}

impl Secured {
    fn start() -> Secured {
        let dir = tempfile::tempdir().unwrap();
        certificates(dir.path());
        let (inner, outer) = (free_port(), free_port());
        let tansu = find_binary("tansu", "TANSU_BIN");
        let broker = |auth: bool, advertised: u16| {
            let mut c = Command::new(&tansu);
            c.current_dir(dir.path())
                .args(["broker", "--storage-engine", "sqlite://broker.db"])
                .args(["--listener-url", &format!("tcp://127.0.0.1:{inner}")])
                .args(["--advertised-listener-url", &format!("tcp://127.0.0.1:{advertised}")])
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            if auth {
                c.arg("--authentication");
            }
            let child = c.spawn().unwrap();
            wait_for_port(inner, "tansu", Duration::from_secs(30));
            child
        };
        // Users are made against the same storage without authentication (BROKER.md).
        let mut plain = broker(false, inner);
        let out = Command::new(&tansu)
            .args(["user", "create", "--broker", &format!("tcp://127.0.0.1:{inner}"), USER, PASSWORD])
            .args(["--mechanism", "scram512"])
            .output()
            .unwrap();
        assert!(out.status.success(), "tansu user create: {}", text(&out.stderr));
        let _ = plain.kill();
        let _ = plain.wait();
        let tansu = broker(true, outer);
        let d = dir.path().display();
        let conf = format!(
            "load_module /usr/lib/nginx/modules/ngx_stream_module.so;\n\
             daemon off;\npid {d}/nginx.pid;\nerror_log {d}/nginx.err info;\n\
             events {{ worker_connections 256; }}\n\
             stream {{ server {{ listen 127.0.0.1:{outer} ssl; ssl_certificate {d}/server.pem; \
             ssl_certificate_key {d}/server.key; proxy_pass 127.0.0.1:{inner}; }} }}\n"
        );
        std::fs::write(dir.path().join("nginx.conf"), conf).unwrap();
        let nginx = Command::new(find_binary("nginx", "NGINX_BIN"))
            .args(["-c", &format!("{d}/nginx.conf"), "-p", &d.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        wait_for_port(outer, "nginx", Duration::from_secs(15));
        Secured { dir, tansu: Some(tansu), nginx: Some(nginx), addr: format!("127.0.0.1:{outer}") }
    }

    fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// chatctl with the cluster's address and security settings, the password in the
    /// environment (never on the command line).
    fn chatctl(&self, password: Option<&str>) -> Command {
        let mut c = chatctl();
        c.env("CHATCTL_BROKERS", &self.addr)
            .env("CHATCTL_SSL_CA", self.file("ca.pem"))
            .env("CHATCTL_SASL_MECHANISM", "SCRAM-SHA-512")
            .env("CHATCTL_SASL_USERNAME", USER);
        if let Some(p) = password {
            c.env("CHATCTL_SASL_PASSWORD", p);
        }
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.chatctl(Some(PASSWORD)).args(args).output().unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?}: {} {}{}", out.status, text(&out.stdout), text(&out.stderr));
        text(&out.stdout)
    }
}

impl Drop for Secured {
    fn drop(&mut self) {
        // nginx: SIGTERM, so the master stops its workers too (SIGKILL would orphan them,
        // each still holding the port).
        if let Some(mut n) = self.nginx.take() {
            let _ = Command::new("kill").args(["-TERM", &n.id().to_string()]).status();
            let deadline = Instant::now() + Duration::from_secs(5);
            while n.try_wait().ok().flatten().is_none() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(20));
            }
            let _ = n.kill();
            let _ = n.wait();
        }
        if let Some(mut t) = self.tansu.take() {
            let _ = t.kill();
            let _ = t.wait();
        }
    }
}

#[test]
fn the_engine_and_the_operator_commands_work_over_sasl_ssl() {
    let s = Secured::start();
    s.ok(&["topics", "ensure", "--partitions", "2", "-o", "json"]);
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let serve = Proc(
        s.chatctl(Some(PASSWORD))
            .args(["serve", "--insecure-dev-auth", "--workers", "audit", "--node-id", "sec1"])
            .args(["--listen", &format!("127.0.0.1:{port}")])
            .args(["--audit-url", &format!("sqlite://{}", dir.path().join("audit.db").display())])
            .args(["--model-chunks", "5", "--model-interval", "10ms"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    wait_for_port(port, "chatctl serve", Duration::from_secs(30));
    let out = chatctl()
        .args(["chat", "--node", &format!("ws://127.0.0.1:{port}/ws"), "--user", "alice", "is TLS on?"])
        .output()
        .unwrap();
    assert!(out.status.success(), "chat: {}", text(&out.stderr));
    assert!(text(&out.stderr).contains("[done: "), "{}", text(&out.stderr));

    // The chat's events landed in Kafka, read back over SASL_SSL.
    let deadline = Instant::now() + Duration::from_secs(30);
    let events: Vec<serde_json::Value> = loop {
        let out = s.ok(&["replay", "--since", "1h", "-o", "json"]);
        let events: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        if events.iter().any(|e| e["eventType"] == "STREAM_COMPLETED") {
            break events;
        }
        assert!(Instant::now() < deadline, "the chat's events never landed: {out}");
        std::thread::sleep(Duration::from_millis(300));
    };
    let session = events[0]["sessionId"].as_str().unwrap().to_string();
    assert!(s.ok(&["session", &session, "-o", "json"]).contains("STREAM_COMPLETED"));
    // The audit worker consumed them: its group is there and caught up.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let out = s.run(&["lag", "-g", "chatctl-audit", "-o", "json"]);
        let row: serde_json::Value = serde_json::from_str(text(&out.stdout).lines().next().unwrap_or("{}")).unwrap();
        if out.status.success() && row["lag"] == 0 && row["partitions"].as_u64().unwrap_or(0) > 0 {
            break;
        }
        assert!(Instant::now() < deadline, "audit never caught up: {row} {}", text(&out.stderr));
        std::thread::sleep(Duration::from_millis(300));
    }
    serve.stop();
    // An operator's reset (tansu's SQLite engine cannot describe groups: --force).
    s.ok(&["groups", "reset", "chatctl-audit", "--all-topics", "--to-earliest", "--execute", "--force"]);
    let d: serde_json::Value =
        serde_json::from_str(s.ok(&["groups", "describe", "chatctl-audit", "-o", "json"]).trim()).unwrap();
    assert!(d["offsets"].as_array().unwrap().iter().all(|o| o["committed"] == 0), "{d}");
    let out = s.run(&["dlq", "list"]);
    assert!(out.status.success(), "dlq list: {} {}", out.status, text(&out.stderr));
}

/// Run `cmd`, bounded: (exit code, stderr, how long).
fn timed(mut cmd: Command) -> (Option<i32>, String, Duration) {
    let started = Instant::now();
    let out = cmd.output().unwrap();
    (out.status.code(), text(&out.stderr), started.elapsed())
}

#[test]
fn wrong_password_no_credentials_and_an_unknown_ca_are_clear_bounded_errors() {
    let s = Secured::start();
    // A wrong password: authentication failed, naming the broker and the mechanism.
    let mut c = s.chatctl(Some("not-the-password-91"));
    c.args(["lag", "--timeout", "5s", "-v"]);
    let (code, err, took) = timed(c);
    assert_eq!(code, Some(3), "{err}");
    let last = err.lines().rfind(|l| l.starts_with("error:")).unwrap_or_default().to_string();
    assert!(
        last.contains("authentication failed") && last.contains(&s.addr) && last.contains("SCRAM-SHA-512"),
        "{err}"
    );
    assert!(took < Duration::from_secs(15), "{took:?}");
    assert!(!err.contains("not-the-password-91"), "the password is never printed, -v included: {err}");

    // No credentials against a SASL broker: it hangs up, and chatctl says what it may want.
    let mut c = chatctl();
    c.env("CHATCTL_BROKERS", &s.addr).env("CHATCTL_SSL_CA", s.file("ca.pem")).args(["lag", "--timeout", "5s"]);
    let (code, err, took) = timed(c);
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("hung up") && err.contains("SASL"), "{err}");
    assert!(took < Duration::from_secs(15), "{took:?}");
    assert!(err.lines().count() <= 3, "one error, no log storm: {err}");

    // A CA that did not sign the broker's certificate: verification fails, said as such.
    let mut c = s.chatctl(Some(PASSWORD));
    c.env("CHATCTL_SSL_CA", s.file("other-ca.pem")).args(["lag", "--timeout", "5s"]);
    let (code, err, took) = timed(c);
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("TLS failed") && err.contains("certificate verify failed"), "{err}");
    assert!(took < Duration::from_secs(15), "{took:?}");

    // The right settings work, and the password is nowhere in --help or the debug logs.
    let out = s.chatctl(Some(PASSWORD)).args(["lag", "--timeout", "5s", "-vv"]).output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(!text(&out.stderr).contains(PASSWORD) && !text(&out.stdout).contains(PASSWORD));
    let help = s.chatctl(Some(PASSWORD)).args(["lag", "--help"]).output().unwrap();
    assert!(!text(&help.stdout).contains(PASSWORD));
}

/// redis-server with TLS only and an ACL user `chat` (the default user off).
fn secure_redis(dir: &Path) -> common::Redis {
    std::fs::write(dir.join("users.acl"), "user chat on >redis-pw-4411 ~* &* +@all\nuser default off\n").unwrap();
    let mut redis = common::Redis::start_tls(dir, &["--aclfile", &dir.join("users.acl").display().to_string()]);
    redis.url = format!("rediss://chat@127.0.0.1:{}", redis.port);
    redis
}

/// A node of the engine on the secured cluster and the TLS Redis.
fn node(s: &Secured, redis: &common::Redis, password: &str, id: &str, port: u16) -> Child {
    s.chatctl(Some(PASSWORD))
        .env("CHATCTL_REDIS", &redis.url)
        .env("CHATCTL_REDIS_CA", s.file("ca.pem"))
        .env("CHATCTL_REDIS_PASSWORD", password)
        .args(["serve", "--role", "gateway", "--insecure-dev-auth", "--node-id", id])
        .args(["--listen", &format!("127.0.0.1:{port}"), "--model-chunks", "12", "--model-interval", "30ms"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn resume_works_over_redis_tls_with_an_acl_user_and_a_wrong_password_is_clear() {
    let s = Secured::start();
    s.ok(&["topics", "ensure", "--partitions", "2", "-o", "json"]);
    let redis = secure_redis(s.dir.path());
    let (p1, p2) = (free_port(), free_port());
    let n1 = Proc(node(&s, &redis, "redis-pw-4411", "tls-1", p1));
    let n2 = Proc(node(&s, &redis, "redis-pw-4411", "tls-2", p2));
    wait_for_port(p1, "node 1", Duration::from_secs(30));
    wait_for_port(p2, "node 2", Duration::from_secs(30));
    // The client leaves node 1 after 3 chunks and resumes on node 2, through Redis.
    let out = chatctl()
        .args(["chat", "--user", "cli", "--switch-after", "3"])
        .args(["--node", &format!("ws://127.0.0.1:{p1}/ws"), "--node", &format!("ws://127.0.0.1:{p2}/ws")])
        .arg("does resume survive TLS?")
        .output()
        .unwrap();
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("[resuming on tls-2 after chunk 2]"), "{err}");
    assert!(err.contains("[done: 12 "), "the whole answer: {err}");
    n1.stop();
    n2.stop();

    // A wrong Redis password: the node refuses to start, saying why, without the password.
    let port = free_port();
    let mut bad = node(&s, &redis, "wrong-redis-pw", "tls-3", port);
    let started = Instant::now();
    let status = loop {
        if let Some(st) = bad.try_wait().unwrap() {
            break st;
        }
        assert!(started.elapsed() < Duration::from_secs(20), "a node with a wrong Redis password kept running");
        std::thread::sleep(Duration::from_millis(100));
    };
    let mut err = String::new();
    std::io::Read::read_to_string(bad.stderr.as_mut().unwrap(), &mut err).unwrap();
    assert!(!status.success());
    let low = err.to_ascii_lowercase();
    assert!(low.contains("cannot reach redis") && low.contains("authentication failed"), "{err}");
    assert!(!err.contains("wrong-redis-pw") && !err.contains("redis-pw-4411"), "no password in the error: {err}");
}
