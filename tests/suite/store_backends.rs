//! The summary and alert tables on both store backends (SQLite, and a real PostgreSQL
//! started here): the same SQL must mean the same thing on each.

use crate::common;

use chatctl::store::{ConversationSummary, Occurrence, Store, SummaryMessage};
use common::Postgres;

fn occ(id: &str, ts_ms: i64) -> Occurrence {
    Occurrence {
        event_id: id.into(),
        kind: "error".into(),
        node_id: "n1".into(),
        code: "UPSTREAM_ERROR".into(),
        ts_ms,
        window_ms: ts_ms / 10_000 * 10_000,
        detail: format!("failure {id}"),
    }
}

/// The life of an alert window: first alert claimed and sent once, occurrences counted once
/// by eventId, a digest due only after the window and only for what was not counted.
async fn alert_window(store: &Store) {
    let first = occ("e1", 100_000);
    let key = first.window_key();
    store.alert_occurrence(&first).await.unwrap();
    store.alert_occurrence(&first).await.unwrap(); // redelivered: counted once
    assert_eq!(store.alerts_due(100_500, 12_000).await.unwrap(), vec![key.clone()], "first alert due at once");
    let w = store.alert_claim(&key, 100_500, 30_000).await.unwrap().expect("claimed");
    assert_eq!((w.first_sent, w.notified, w.count, w.first_event_id.as_str()), (false, 0, 1, "e1"));
    assert!(store.alert_claim(&key, 100_600, 30_000).await.unwrap().is_none(), "held by the first claim");
    assert!(store.alerts_due(100_600, 12_000).await.unwrap().is_empty(), "claimed windows are not due");
    // A sender that dies mid-send: the next claim finds the message it was sending.
    store.alert_pending(&key, 1).await.unwrap();
    let w = store.alert_claim(&key, 200_000, 30_000).await.unwrap().expect("the lease ran out");
    assert_eq!((w.pending, w.first_sent), (1, false));
    store.alert_sent(&key, 1).await.unwrap();
    for i in 2..=5 {
        store.alert_occurrence(&occ(&format!("e{i}"), 100_000 + i)).await.unwrap();
    }
    assert!(store.alerts_due(105_000, 12_000).await.unwrap().is_empty(), "the window has not ended");
    assert_eq!(store.alerts_due(112_000, 12_000).await.unwrap(), vec![key.clone()]);
    let w = store.alert_claim(&key, 212_000, 30_000).await.unwrap().unwrap();
    assert_eq!((w.first_sent, w.notified, w.count, w.messages, w.pending), (true, 1, 5, 1, 0));
    store.alert_sent(&key, 5).await.unwrap();
    assert!(store.alerts_due(113_000, 12_000).await.unwrap().is_empty());
    // A claim given up (the channel was down) is due again; an expired one too.
    store.alert_occurrence(&occ("e6", 100_006)).await.unwrap();
    assert!(store.alert_claim(&key, 314_000, 30_000).await.unwrap().is_some());
    store.alert_release(&key).await.unwrap();
    assert_eq!(store.alerts_due(314_001, 12_000).await.unwrap(), vec![key.clone()]);
    assert!(store.alert_claim(&key, 314_002, 30_000).await.unwrap().is_some());
    assert!(store.alert_claim(&key, 344_003, 30_000).await.unwrap().is_some(), "the lease ran out");
}

/// Messages kept once by eventId, each message once even if published twice, and a summary
/// never replaced by one covering less.
async fn summaries(store: &Store) {
    let m = |id: &str, ts: i64, msg: &str, role: &str| SummaryMessage {
        event_id: id.into(),
        ts_ms: ts,
        conversation_id: "c1".into(),
        message_id: msg.into(),
        user_id: "u1".into(),
        role: role.into(),
        content: format!("text of {msg}"),
    };
    for x in [
        m("e1", 1, "q1", "user"),
        m("e2", 2, "a1", "assistant"),
        m("e2", 2, "a1", "assistant"),
        m("e3", 2, "a1", "assistant"),
    ] {
        store.summary_message(x).await.unwrap();
    }
    // Another user who picked the same conversation id: kept apart.
    let mut theirs = m("e9", 3, "q9", "user");
    theirs.user_id = "u2".into();
    store.summary_message(theirs).await.unwrap();
    assert_eq!(store.conversation_messages("u2", "c1").await.unwrap().len(), 1);
    let kept = store.conversation_messages("u1", "c1").await.unwrap();
    assert_eq!(
        kept.iter().map(|k| (k.0.as_str(), k.3.as_str())).collect::<Vec<_>>(),
        [("user", "q1"), ("assistant", "a1")]
    );
    let summary = |messages: i64, text: &str| ConversationSummary {
        conversation_id: "c1".into(),
        user_id: "u1".into(),
        summary: text.into(),
        messages,
        turns: messages / 2,
        last_message_id: "a1".into(),
        last_ts_ms: 2,
        model: "builtin".into(),
        updated_ms: 3,
    };
    store.put_summary(summary(4, "four")).await.unwrap();
    store.put_summary(summary(2, "two: an older turn redelivered")).await.unwrap();
    assert_eq!(store.summaries(Some("c1"), None).await.unwrap()[0].summary, "four");
    store.put_summary(summary(6, "six")).await.unwrap();
    assert_eq!(store.summaries(None, Some("u1")).await.unwrap()[0].summary, "six");
    assert!(store.summaries(None, Some("u2")).await.unwrap().is_empty());
    // u2's summary of their own "c1" does not touch u1's.
    store.put_summary(ConversationSummary { user_id: "u2".into(), ..summary(8, "u2's") }).await.unwrap();
    assert_eq!(store.summaries(None, Some("u1")).await.unwrap()[0].summary, "six");
    assert_eq!(store.summaries(Some("c1"), None).await.unwrap().len(), 2);
    store.clear_summaries().await.unwrap();
    assert!(store.summaries(None, None).await.unwrap().is_empty());
    assert!(store.conversation_messages("u1", "c1").await.unwrap().is_empty());
}

/// A rebuild writes beside the live rows; the live rows change only at the swap, all
/// tables at once, and the rebuild's copy is gone after.
async fn rebuild_beside_then_swap(store: &Store) {
    let m = |id: &str, user: &str| SummaryMessage {
        event_id: id.into(),
        ts_ms: 1,
        conversation_id: "swap".into(),
        message_id: id.into(),
        user_id: user.into(),
        role: "user".into(),
        content: "x".into(),
    };
    store.summary_message(m("old-1", "u")).await.unwrap();
    let beside = store.open_beside().await.unwrap();
    beside.summary_message(m("new-1", "u")).await.unwrap();
    beside.summary_message(m("new-2", "u")).await.unwrap();
    let ids = |rows: Vec<(String, String, i64, String)>| rows.into_iter().map(|r| r.3).collect::<Vec<_>>();
    assert_eq!(ids(store.conversation_messages("u", "swap").await.unwrap()), ["old-1"], "live rows untouched");
    store.swap_in(beside, chatctl::store::SUMMARY_TABLES).await.unwrap();
    assert_eq!(ids(store.conversation_messages("u", "swap").await.unwrap()), ["new-1", "new-2"]);
    // A second rebuild starts from empty again, and two at once never share a copy.
    let again = store.open_beside().await.unwrap();
    let other = store.open_beside().await.unwrap();
    assert!(again.conversation_messages("u", "swap").await.unwrap().is_empty());
    again.summary_message(m("again-1", "u")).await.unwrap();
    assert!(other.conversation_messages("u", "swap").await.unwrap().is_empty(), "each rebuild has its own copy");
    store.discard_beside(other).await.unwrap();
    // A swap that fails (a table that is not there) changes nothing, and leaves no
    // connection inside an aborted transaction: every query after it works.
    let failed = store.swap_in(again, &["summary_messages", "no_such_table"]).await;
    assert!(failed.is_err(), "the swap of a missing table fails");
    for _ in 0..8 {
        assert_eq!(ids(store.conversation_messages("u", "swap").await.unwrap()), ["new-1", "new-2"]);
    }
    store.clear_summaries().await.unwrap();
}

#[tokio::test]
async fn sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&format!("sqlite://{}", dir.path().join("s.db").display())).await.unwrap();
    alert_window(&store).await;
    summaries(&store).await;
    rebuild_beside_then_swap(&store).await;
    // The database holds prompts and answers: it, its WAL and its shared memory are the
    // owner's alone, whatever the umask.
    #[cfg(unix)]
    for f in ["s.db", "s.db-wal", "s.db-shm"] {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join(f)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{f}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres() {
    let pg = Postgres::start();
    let store = Store::open(&pg.url).await.unwrap();
    alert_window(&store).await;
    summaries(&store).await;
    rebuild_beside_then_swap(&store).await;
}

/// `sslmode=require`: the store talks TLS to a server that refuses plain connections,
/// verifying its certificate against `PGSSLROOTCERT`; without the CA it refuses the server.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_over_tls() {
    let certs = tempfile::tempdir().unwrap();
    common::certificates(certs.path());
    let pg = Postgres::start_tls(certs.path());
    // A plain connection is refused by this server: the store must have used TLS.
    let plain = Store::open(&pg.url).await.err().expect("a plain connection is refused").to_string();
    assert!(plain.contains("no encryption") || plain.contains("pg_hba"), "{plain}");
    let url = format!("{}?sslmode=require", pg.url);
    let unknown_ca = Store::open(&url).await.err().expect("the test CA is not a web PKI root").to_string();
    assert!(unknown_ca.to_lowercase().contains("certificate"), "{unknown_ca}");
    // SAFETY of the environment: no other test in this binary reads PGSSLROOTCERT.
    std::env::set_var("PGSSLROOTCERT", certs.path().join("ca.pem"));
    let store = Store::open(&url).await.unwrap();
    std::env::remove_var("PGSSLROOTCERT");
    alert_window(&store).await;
    summaries(&store).await;
}
