//! The binary end to end: help, topics ensure against a real broker, and bad input.

mod common;

use std::time::{Duration, Instant};

use common::{chatctl, Broker, Engine};

fn run(cmd: &mut std::process::Command) -> (i32, String, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn help_lists_the_subcommands() {
    let (code, out, _) = run(chatctl().arg("--help"));
    assert_eq!(code, 0);
    for sub in ["topics", "completions"] {
        assert!(out.contains(sub), "--help misses {sub}:\n{out}");
    }
}

#[test]
fn topics_ensure_creates_then_reports_present() {
    let broker = Broker::start(Engine::Sqlite);
    let (code, out, err) =
        run(chatctl().args(["topics", "ensure", "-o", "json", "--partitions", "3", "-b", &broker.addr]));
    assert_eq!(code, 0, "{err}");
    let rows: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let names: Vec<&str> = rows.iter().map(|r| r["topic"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "chat-events",
            "stream-events",
            "multi-node-broadcast",
            "chat-events.dlq",
            "stream-events.dlq",
            "multi-node-broadcast.dlq"
        ]
    );
    assert!(rows.iter().all(|r| r["status"] == "created"), "{out}");
    assert_eq!(rows[0]["partitions"], 3);

    let (code, out, err) = run(chatctl().args(["topics", "ensure", "-o", "json", "-b", &broker.addr]));
    assert_eq!(code, 0, "{err}");
    let rows: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 6);
    assert!(rows.iter().all(|r| r["status"] == "present"), "{out}");
    // The real partition count, not the requested default.
    assert_eq!(rows[0]["partitions"], 3);
}

#[test]
fn unreachable_broker_names_the_address_in_bounded_time() {
    let port = common::free_port();
    let addr = format!("127.0.0.1:{port}");
    let started = Instant::now();
    let (code, _, err) = run(chatctl().args(["topics", "ensure", "--timeout", "3s", "-b", &addr]));
    assert!(started.elapsed() < Duration::from_secs(15), "took {:?}", started.elapsed());
    assert_eq!(code, 5, "{err}");
    assert!(err.contains(&addr), "{err}");
    assert!(err.contains("hint:"), "{err}");
}

#[test]
fn dead_broker_gives_one_error_not_a_log_storm() {
    let addr = format!("127.0.0.1:{}", common::free_port());
    let (code, _, err) =
        run(chatctl().args(["replay", "-b", &addr, "--timeout", "3s", "--topic", "stream-events", "--since", "1h"]));
    assert_eq!(code, 5, "{err}");
    // Exactly chatctl's error (naming the address) and its hint: no librdkafka log lines
    // ("FAIL ... Connect to ipv4#...", "Global error: ...") before them.
    let lines: Vec<&str> = err.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].starts_with("error:") && lines[0].contains(&addr), "{err}");
    assert!(lines[1].starts_with("hint:"), "{err}");
    assert!(!err.contains("Global error") && !err.contains("Connect to ipv4"), "{err}");
}

#[test]
fn invalid_kafka_property_is_named() {
    let (code, _, err) = run(chatctl().args(["topics", "ensure", "-b", "127.0.0.1:1", "-X", "bogus.prop=1"]));
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("bogus.prop"), "{err}");
    let (code, _, err) = run(chatctl().args(["topics", "ensure", "-b", "127.0.0.1:1", "-X", "acks=maybe"]));
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("acks"), "{err}");
}

#[test]
fn unknown_config_key_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chatctl.toml");
    std::fs::write(&path, "brokers = \"x:1\"\nbrokerz = \"y\"\n").unwrap();
    let (code, _, err) = run(chatctl().args(["topics", "ensure"]).env("CHATCTL_CONFIG", &path));
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("brokerz"), "{err}");
}

#[test]
fn env_overrides_config_file_and_flag_overrides_env() {
    // Which broker address is used shows in the unreachable error.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chatctl.toml");
    std::fs::write(&path, "brokers = \"127.0.0.1:11\"\ntimeout = \"2s\"\n[profiles.p]\nbrokers = \"127.0.0.1:12\"\n")
        .unwrap();
    let base = || {
        let mut c = chatctl();
        c.args(["topics", "ensure"]).env("CHATCTL_CONFIG", &path);
        c
    };
    let (_, _, err) = run(&mut base());
    assert!(err.contains("127.0.0.1:11"), "{err}");
    let (_, _, err) = run(base().args(["--profile", "p"]));
    assert!(err.contains("127.0.0.1:12"), "{err}");
    let (_, _, err) = run(base().args(["--profile", "p"]).env("CHATCTL_BROKERS", "127.0.0.1:13"));
    assert!(err.contains("127.0.0.1:13"), "{err}");
    let (_, _, err) = run(base().env("CHATCTL_BROKERS", "127.0.0.1:13").args(["-b", "127.0.0.1:14"]));
    assert!(err.contains("127.0.0.1:14"), "{err}");
}

#[test]
fn broken_pipe_is_not_an_error() {
    use std::process::Stdio;
    // Completions are long enough to overflow a closed pipe.
    let mut child =
        chatctl().args(["completions", "bash"]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn worker_commands_refuse_missing_inputs_clearly() {
    let dir = tempfile::tempdir().unwrap();
    // No index yet: not found (4), naming the directory and how to make one.
    let missing = dir.path().join("no-index");
    let (code, _, err) = run(chatctl().args(["search", "kafka", "--search-index"]).arg(&missing));
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("no search index") && err.contains("--workers search"), "{err}");
    // The notifier without a webhook: a usage error (2) before anything starts.
    let (code, _, err) = run(chatctl().args(["serve", "--role", "worker", "--workers", "notify", "-b", "127.0.0.1:1"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--notify-url"), "{err}");
    // --rebuild of the audit trail is refused (it is the record of what happened).
    let (code, _, err) =
        run(chatctl().args(["replay", "--since", "1h", "--into", "audit", "--rebuild", "-b", "127.0.0.1:1"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("audit trail"), "{err}");
}

/// A gateway that would let anyone in from the network is refused at start: anonymous
/// access off loopback, a JWT secret too short to be a secret.
#[test]
fn unsafe_gateway_settings_are_refused_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let gateway = |extra: &[&str]| {
        let mut c = chatctl();
        c.current_dir(dir.path())
            .args(["serve", "--role", "gateway", "--no-spool", "-b", "127.0.0.1:1", "-X", "socket.timeout.ms=1000"])
            .args(extra);
        run(&mut c)
    };
    let (code, _, err) = gateway(&["--insecure-dev-auth", "--listen", "0.0.0.0:0"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("loopback"), "{err}");
    let (code, _, err) = gateway(&["--jwt-secret", "hunter2", "--listen", "127.0.0.1:0"]);
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("at least 32"), "{err}");
    assert!(!err.contains("hunter2"), "the secret itself is not printed: {err}");
}

/// Secrets set in the environment never show in `--help` (clap prints `[env: NAME=value]`
/// unless told not to): Redis, store and webhook URLs carry passwords and tokens.
#[test]
fn help_never_prints_secret_environment_values() {
    let (code, out, _) = run(chatctl()
        .args(["serve", "--help"])
        .env("CHATCTL_REDIS", "redis://:redis-secret-1@h:6379")
        .env("CHATCTL_AUDIT_URL", "postgres://u:pg-secret-2@h/db")
        .env("CHATCTL_NOTIFY_URL", "https://hooks.example/T0/token-secret-3")
        .env("CHATCTL_SMTP_URL", "smtp://me:smtp-secret-4@mail:25"));
    assert_eq!(code, 0);
    for secret in ["redis-secret-1", "pg-secret-2", "token-secret-3", "smtp-secret-4"] {
        assert!(!out.contains(secret), "{secret} printed by --help");
    }
    assert!(out.contains("CHATCTL_REDIS") && out.contains("CHATCTL_NOTIFY_URL"), "the variables are still named");
}

/// Logs carry no colour codes off a terminal, nor with NO_COLOR (no-color.org).
#[test]
fn logs_off_a_terminal_have_no_colour_codes() {
    let addr = format!("127.0.0.1:{}", common::free_port());
    for no_color in [false, true] {
        let mut cmd = chatctl();
        cmd.args(["-vv", "topics", "list", "--timeout", "2s", "-b", &addr]);
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        let (code, _, err) = run(&mut cmd);
        assert_ne!(code, 0);
        assert!(err.lines().count() > 2, "-vv logs something: {err}");
        assert!(!err.contains('\u{1b}'), "colour codes in: {err:?}");
    }
}

/// The engine's flags show where they apply (serve; replay's --node-id), not on every
/// command; `config view` still sees their environment variables.
#[test]
fn engine_flags_are_scoped_to_the_commands_that_use_them() {
    let help = |args: &[&str]| run(chatctl().args(args).arg("--help")).1;
    let serve = help(&["serve"]);
    for flag in ["--redis ", "--redis-ca", "--redis-password-file", "--node-id", "--audit-url"] {
        assert!(serve.contains(flag), "serve --help lacks {flag}");
    }
    assert!(help(&["replay"]).contains("--node-id"));
    for cmd in [&["lag"][..], &["topics", "list"], &["consume"], &["dlq", "list"], &["groups", "describe"]] {
        let h = help(cmd);
        for flag in ["--redis", "--node-id", "--audit-url"] {
            assert!(!h.contains(flag), "{cmd:?} --help lists {flag}:\n{h}");
        }
    }
    let (code, _, err) = run(chatctl().args(["lag", "--redis", "redis://x"]));
    assert_eq!(code, 2, "{err}");
    let (code, out, err) = run(chatctl()
        .args(["config", "view", "-o", "json"])
        .env("CHATCTL_REDIS", "redis://env-host:6379")
        .env("CHATCTL_NODE_ID", "env-node"));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("redis://env-host:6379") && out.contains("env-node"), "{out}");
}
