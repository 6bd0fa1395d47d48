//! Contexts: two contexts in the user config point at two real brokers; `config
//! use-context` switches what `lag` reads; `./chatctl.toml` layers over the user config;
//! `config view --origin` says where each value came from and shows no secret.

use crate::common;

use std::path::Path;
use std::process::{Command, Output};

use chatctl::kafka::KafkaSettings;
use common::{chatctl, create_topic, Broker, Engine};
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer};
use rdkafka::{Offset, TopicPartitionList};

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// chatctl with its own user config directory and working directory.
fn cmd(xdg: &Path, cwd: &Path) -> Command {
    let mut c = chatctl();
    c.env("XDG_CONFIG_HOME", xdg).current_dir(cwd);
    c
}

fn ok(out: Output) -> String {
    assert!(out.status.success(), "{}{}", text(&out.stdout), text(&out.stderr));
    text(&out.stdout)
}

fn commit(kafka: &KafkaSettings, group: &str, topic: &str, offset: i64) {
    let c: BaseConsumer = kafka.create(&kafka.consumer_config(group)).unwrap();
    let mut tpl = TopicPartitionList::new();
    tpl.add_partition_offset(topic, 0, Offset::Offset(offset)).unwrap();
    c.commit(&tpl, CommitMode::Sync).unwrap();
}

fn groups_in(out: &str) -> Vec<String> {
    out.lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["group"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn use_context_switches_what_lag_reads() {
    let (a, b) = (Broker::start(Engine::Memory), Broker::start(Engine::Memory));
    for (broker, group) in [(&a, "group-on-a"), (&b, "group-on-b")] {
        create_topic(&broker.kafka(), "orders", 1).await;
        commit(&broker.kafka(), group, "orders", 0);
    }
    let xdg = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(xdg.path().join("chatctl")).unwrap();
    std::fs::write(
        xdg.path().join("chatctl/config.toml"),
        format!(
            "timeout = \"5s\"\n\
             [contexts.a]\nbrokers = \"{}\"\n\
             [contexts.b]\nbrokers = \"{}\"\n\
             [contexts.secured]\nbrokers = \"{}\"\n[contexts.secured.kafka]\n\"sasl.password\" = \"top-secret-77\"\n",
            a.addr, b.addr, a.addr
        ),
    )
    .unwrap();

    // No current context yet: said so, exit 4.
    let out = cmd(xdg.path(), cwd.path()).args(["config", "current-context"]).output().unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", text(&out.stderr));

    ok(cmd(xdg.path(), cwd.path()).args(["config", "use-context", "b"]).output().unwrap());
    assert_eq!(ok(cmd(xdg.path(), cwd.path()).args(["config", "current-context"]).output().unwrap()).trim(), "b");
    let lag = ok(cmd(xdg.path(), cwd.path()).args(["lag", "-o", "json"]).output().unwrap());
    assert_eq!(groups_in(&lag), ["group-on-b"]);

    ok(cmd(xdg.path(), cwd.path()).args(["config", "use-context", "a"]).output().unwrap());
    let lag = ok(cmd(xdg.path(), cwd.path()).args(["lag", "-o", "json"]).output().unwrap());
    assert_eq!(groups_in(&lag), ["group-on-a"]);
    // --context (and its old name --profile) picks one for a single command.
    let lag = ok(cmd(xdg.path(), cwd.path()).args(["lag", "-o", "json", "--context", "b"]).output().unwrap());
    assert_eq!(groups_in(&lag), ["group-on-b"]);
    let lag = ok(cmd(xdg.path(), cwd.path()).args(["lag", "-o", "json", "--profile", "b"]).output().unwrap());
    assert_eq!(groups_in(&lag), ["group-on-b"]);

    // An unknown context is refused, naming the known ones, and not made current.
    let out = cmd(xdg.path(), cwd.path()).args(["config", "use-context", "nope"]).output().unwrap();
    assert_eq!(out.status.code(), Some(4), "not found");
    assert!(text(&out.stderr).contains("known contexts: a, b, secured"), "{}", text(&out.stderr));
    assert_eq!(ok(cmd(xdg.path(), cwd.path()).args(["config", "current-context"]).output().unwrap()).trim(), "a");

    // get-contexts marks the current one.
    let rows = ok(cmd(xdg.path(), cwd.path()).args(["config", "get-contexts", "-o", "json"]).output().unwrap());
    let rows: Vec<serde_json::Value> = rows.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().any(|r| r["name"] == "a" && r["current"] == true && r["brokers"] == a.addr.as_str()));

    // ./chatctl.toml layers over the user config: its timeout wins; view says where from,
    // and masks the secret.
    std::fs::write(cwd.path().join("chatctl.toml"), "timeout = \"7s\"\n").unwrap();
    let view = ok(cmd(xdg.path(), cwd.path())
        .args(["config", "view", "--origin", "--context", "secured", "-o", "json"])
        .output()
        .unwrap());
    let view: Vec<serde_json::Value> = view.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let get = |k: &str| view.iter().find(|r| r["key"] == k).cloned().unwrap_or_default();
    assert_eq!(get("timeout")["value"], "7s");
    assert!(get("timeout")["origin"].as_str().unwrap().starts_with("config file"), "{view:?}");
    assert_eq!(get("brokers")["value"], a.addr.as_str());
    assert!(get("brokers")["origin"].as_str().unwrap().contains("user config, context secured"), "{view:?}");
    assert_eq!(get("kafka.sasl.password")["value"], "<redacted>");
    assert_eq!(get("topics.partitions")["origin"], "default");
    let all = serde_json::to_string(&view).unwrap();
    assert!(!all.contains("top-secret-77"), "{all}");
    // The command line wins over both files.
    let view = ok(cmd(xdg.path(), cwd.path())
        .args(["config", "view", "--origin", "--timeout", "9s", "-o", "json"])
        .output()
        .unwrap());
    assert!(
        view.lines().any(|l| l.contains("\"key\":\"timeout\"") && l.contains("9s") && l.contains("command line")),
        "{view}"
    );
}

/// Issue "The operator's first hour": `config use-context` of a context defined only in
/// another file (`--config`) leaves a current context the user config does not define.
/// Afterwards a command given `-b` works (exit 0) and warns once with the fix; `--context`
/// of an unknown context exits 4 naming the known ones.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stale_current_context_warns_and_explicit_flags_win() {
    let broker = Broker::start(Engine::Sqlite);
    broker.ensure_topics(1).await;
    let (xdg, cwd) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let other = cwd.path().join("other.toml");
    std::fs::write(&other, "[contexts.dev]\nbrokers = \"127.0.0.1:1\"\n").unwrap();
    ok(cmd(xdg.path(), cwd.path()).args(["config", "use-context", "dev", "--config"]).arg(&other).output().unwrap());
    let out = cmd(xdg.path(), cwd.path()).args(["topics", "list", "-b", &broker.addr]).output().unwrap();
    let err = text(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(text(&out.stdout).contains("chat-events"), "{}", text(&out.stdout));
    assert_eq!(err.matches("warning: the current context `dev`").count(), 1, "{err}");
    assert!(err.contains("chatctl config use-context NAME"), "{err}");
    let out =
        cmd(xdg.path(), cwd.path()).args(["topics", "list", "-b", &broker.addr, "--context", "nope"]).output().unwrap();
    assert_eq!(out.status.code(), Some(4), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("context `nope` not found"), "{}", text(&out.stderr));
}
