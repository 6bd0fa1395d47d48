//! The console on ratatui's TestBackend: its screens from fixed fleet snapshots, and its
//! navigation (`:` switching and completion, Esc back, help, filter, drilling) driven by
//! synthetic keys. Times are fixed, so the snapshots need no redaction.

use crossterm::event::KeyCode;

use super::fleet::FleetUpdate;
use super::{Console, ScreenId, Update};
use crate::realtime::fleet::{InFlight, NodeBeat, WorkerBeat};
use crate::tui::lag::LagState;
use crate::tui::{key, render_lines, Flow, Screen};

const T0: i64 = 1_764_400_000_000; // 2025-11-29T07:06:40Z

fn beat(node: &str, at: i64, chunks: u64, events: u64) -> NodeBeat {
    NodeBeat {
        node: node.into(),
        listen: format!("10.0.0.{}:8080", node.trim_start_matches("node-")),
        role: "all".into(),
        pid: 100,
        started_ms: T0 - 60_000,
        beat_ms: at,
        lease_ttl_ms: 2000,
        connections: 40,
        generating: 12,
        following: 3,
        chunks_sent: chunks,
        events_published: events,
        events_queue: 5,
        chunk_p99_ms: Some(18),
        workers: vec![WorkerBeat { name: "chatctl-audit".into(), processed: 900, lag: 4, dead_lettered: 0 }],
        ..Default::default()
    }
}

fn flight(id: &str, owner: &str, epoch: u32, chunks: u32) -> InFlight {
    InFlight {
        message_id: id.into(),
        session_id: format!("s-{id}"),
        user_id: "u-1".into(),
        owner: owner.into(),
        epoch,
        chunks,
        started_ms: T0 - 4_000,
        state: "generating".into(),
        watched: id == "m-2",
    }
}

/// Three nodes beating, then node-2 silent past its lease TTL and its answer on node-3.
fn console() -> Console {
    let mut c = Console::new(ScreenId::Nodes, true, LagState::new(2000), None);
    let answers = |owner2: &str, epoch| vec![flight("m-1", "node-1", 0, 30), flight("m-2", owner2, epoch, 12)];
    let nodes = |at: i64, with2: bool| {
        let mut n = vec![beat("node-1", at, 100 + (at - T0) as u64 / 10, 50 + (at - T0) as u64 / 100)];
        if with2 {
            n.push(beat("node-2", at, 100, 50));
        }
        n.push(beat("node-3", at, 200 + (at - T0) as u64 / 5, 80));
        n
    };
    c.update(Update::Fleet(FleetUpdate::Snapshot {
        at_ms: T0,
        nodes: nodes(T0, true),
        in_flight: Some(answers("node-2", 0)),
        recent: None,
    }));
    c.update(Update::Fleet(FleetUpdate::Snapshot {
        at_ms: T0 + 1000,
        nodes: nodes(T0 + 1000, true),
        in_flight: Some(answers("node-2", 0)),
        recent: None,
    }));
    c
}

fn lose_node_2(c: &mut Console) {
    let mut node3 = beat("node-3", T0 + 4000, 1000, 120);
    node3.takeovers = 1;
    let mut nodes = vec![beat("node-1", T0 + 4000, 500, 90), node3];
    // node-2's key lives on (TTL three beats) with its last beat, 3 s old.
    nodes.insert(1, beat("node-2", T0 + 1000, 100, 50));
    let in_flight = vec![flight("m-1", "node-1", 0, 70), flight("m-2", "node-3", 1, 13)];
    c.update(Update::Fleet(FleetUpdate::Snapshot {
        at_ms: T0 + 4000,
        nodes,
        in_flight: Some(in_flight),
        recent: None,
    }));
}

fn text(c: &Console) -> String {
    render_lines(c, 170, 20).join("\n")
}

/// `:screen` Enter.
fn switch(c: &mut Console, screen: &str) {
    c.key(key(KeyCode::Char(':')));
    type_keys(c, screen);
    c.key(key(KeyCode::Enter));
}

fn type_keys(c: &mut Console, s: &str) {
    for ch in s.chars() {
        c.key(key(KeyCode::Char(ch)));
    }
}

#[test]
fn nodes_show_load_and_a_silent_node_turns_red_with_its_takeover() {
    let mut c = console();
    let t = text(&c);
    insta::assert_snapshot!("console_nodes", t);
    assert!(t.contains("nodes: 3 (0 lost), 36 answer(s) generating"), "{t}");
    let node1 = t.lines().find(|l| l.contains("node-1")).unwrap();
    assert!(node1.contains("UP") && node1.contains(" 100 ") && node1.contains("18ms"), "deliveries/s, p99: {node1}");
    assert!(node1.contains("audit:4"), "workers with their lag: {node1}");
    lose_node_2(&mut c);
    let t = text(&c);
    insta::assert_snapshot!("console_nodes_lost", t);
    let node2 = t.lines().find(|l| l.contains("node-2 ")).unwrap();
    assert!(node2.contains("LOST"), "{t}");
    assert!(t.contains("NODE_LOST") && t.contains("node-2 stopped heart-beating"), "{t}");
    assert!(t.contains("STREAM_RESUMED") && t.contains("m-2 moved node-2 → node-3 (epoch 1)"), "{t}");
    assert!(t.contains("node-3 took over 1 answer(s)"), "the takeover as node-3 counts it: {t}");
    assert!(t.contains("nodes: 3 (1 lost), 24 answer(s) generating"), "{t}");
}

#[test]
fn a_node_that_says_redis_cannot_fail_over_is_an_event_on_nodes_and_so_is_its_recovery() {
    let mut c = console();
    let degraded = |at: i64, why: &str| {
        let mut b = beat("node-1", at, 500, 90);
        b.redis_degraded = why.into();
        Update::Fleet(FleetUpdate::Snapshot {
            at_ms: at,
            nodes: vec![b, beat("node-2", at, 100, 50), beat("node-3", at, 1000, 120)],
            in_flight: None,
            recent: None,
        })
    };
    c.update(degraded(T0 + 2000, "a shard has no replica: a failover now would lose it"));
    let t = text(&c);
    assert!(t.contains("REDIS_DEGRADED") && t.contains("node-1: redis degraded: a shard has no replica"), "{t}");
    assert!(!t.contains("REDIS_OK"), "{t}");
    c.update(degraded(T0 + 3000, ""));
    let t = text(&c);
    assert!(t.contains("REDIS_OK") && t.contains("node-1: Redis can fail over again"), "{t}");
}

#[test]
fn command_mode_switches_screens_with_completion_and_esc_goes_back() {
    let mut c = console();
    c.key(key(KeyCode::Char(':')));
    type_keys(&mut c, "st");
    let t = text(&c);
    assert!(t.lines().last().unwrap().starts_with(":st▏ streams"), "completion offered: {t}");
    c.key(key(KeyCode::Tab));
    c.key(key(KeyCode::Enter));
    assert_eq!(c.stack, vec![ScreenId::Nodes, ScreenId::Streams]);
    let t = text(&c);
    insta::assert_snapshot!("console_streams", t);
    assert!(t.contains("nodes › streams"), "the breadcrumb: {t}");
    assert!(t.contains("m-2") && t.contains("s-m-2"), "{t}");
    // :lag is the groups screen; Esc walks back one level at a time and never quits.
    switch(&mut c, "lag");
    assert_eq!(c.top(), ScreenId::Groups);
    assert_eq!(c.key(key(KeyCode::Esc)), Flow::Continue);
    assert_eq!(c.top(), ScreenId::Streams);
    c.key(key(KeyCode::Esc));
    c.key(key(KeyCode::Esc));
    assert_eq!(c.stack, vec![ScreenId::Nodes]);
    // An unknown screen is said, nothing changes.
    switch(&mut c, "pods");
    assert!(text(&c).contains("no screen \"pods\""), "{}", text(&c));
    assert_eq!(c.stack, vec![ScreenId::Nodes]);
    // :dlq without DLQ topics says so.
    switch(&mut c, "dlq");
    assert!(text(&c).contains(":dlq has nothing to show"), "{}", text(&c));
}

#[test]
fn enter_on_a_node_shows_its_answers_and_help_lists_every_key() {
    let mut c = console();
    lose_node_2(&mut c);
    // Sort by name, then the third row: node-3.
    c.key(key(KeyCode::Char('N')));
    c.key(key(KeyCode::Char('N')));
    c.key(key(KeyCode::Char('G')));
    c.key(key(KeyCode::Enter));
    assert_eq!(c.top(), ScreenId::Streams);
    let t = text(&c);
    assert!(t.contains("/^node\\-3$") && t.contains("m-2") && !t.contains("m-1 "), "{t}");
    c.key(key(KeyCode::Char('?')));
    let t = text(&c);
    insta::assert_snapshot!("console_help", t);
    for k in [":name", "Esc", "PgUp/PgDn", "space", "Shift+letter", ":dlq"] {
        assert!(t.contains(k), "help lists {k}: {t}");
    }
    assert_eq!(c.key(key(KeyCode::Char('q'))), Flow::Continue, "q closes the help, it does not quit");
    // Esc clears the drill's filter first, then goes back.
    c.key(key(KeyCode::Esc));
    assert_eq!(c.top(), ScreenId::Streams);
    assert!(text(&c).contains("m-1"));
    c.key(key(KeyCode::Esc));
    assert_eq!(c.top(), ScreenId::Nodes);
    assert_eq!(c.key(key(KeyCode::Char('q'))), Flow::Quit);
}

#[test]
fn filter_inverts_with_bang_and_a_dead_redis_shows_stale() {
    let mut c = console();
    c.key(key(KeyCode::Char('/')));
    type_keys(&mut c, "!node-[12]");
    c.key(key(KeyCode::Enter));
    let t = text(&c);
    assert!(t.contains("node-3") && !t.contains("node-1 "), "{t}");
    c.update(Update::Fleet(FleetUpdate::Failed("redis: connection refused".into(), T0 + 9000)));
    let t = text(&c);
    assert!(t.contains("fleet: STALE since 07:06:49: redis: connection refused"), "{t}");
    assert!(t.contains("node-3"), "the figures stay: {t}");
    let none = Console::new(ScreenId::Nodes, false, LagState::new(2000), None);
    assert!(text(&none).contains("fleet: no Redis (--redis)"), "{}", text(&none));
}

/// m-2 of session s-m-2: chunks 0-4 on node-2, a takeover, chunks 5-9 on node-3.
fn timeline() -> crate::ops::timeline::Timeline {
    use crate::events::{ChunkReceived, Event, Payload, StreamResumed};
    let at = |i: i64| chrono::DateTime::from_timestamp_millis(T0 + i * 100).unwrap();
    let mut events = Vec::new();
    for i in 0..10u32 {
        if i == 5 {
            let resumed = StreamResumed {
                message_id: "m-2".into(),
                epoch: 1,
                from_chunk: 5,
                previous_node_id: Some("node-2".into()),
            };
            events.push(Event::at(at(50), "s-m-2", "node-3", Payload::StreamResumed(resumed)));
        }
        let node = if i < 5 { "node-2" } else { "node-3" };
        let chunk = ChunkReceived {
            message_id: "m-2".into(),
            chunk_index: i,
            content_length: 4,
            latency_ms: 10 * (i as u64 + 1),
            folded: Vec::new(),
        };
        events.push(Event::at(at(i as i64 * 10 + 1), "s-m-2", node, Payload::ChunkReceived(chunk)));
    }
    for (k, e) in events.iter_mut().enumerate() {
        e.event_id = uuid::Uuid::from_u128(k as u128 + 1);
    }
    events.sort_by_key(|e| (e.timestamp, e.event_id));
    let summary = crate::ops::timeline::summarise(&events, 0);
    let positions =
        events.iter().enumerate().map(|(k, e)| (e.event_id, format!("stream-events[1]@{}", 40 + k))).collect();
    crate::ops::timeline::Timeline { session_id: "s-m-2".into(), events, summary, scanned: Vec::new(), positions }
}

#[test]
fn enter_on_an_answer_opens_its_session_timeline_with_the_takeover() {
    let mut c = console();
    let (tx, rx) = std::sync::mpsc::channel();
    c.requests = Some(tx);
    c.open(ScreenId::Streams);
    c.key(key(KeyCode::Char('G')));
    c.key(key(KeyCode::Enter));
    assert_eq!(c.top(), ScreenId::Session);
    assert_eq!(rx.try_recv().unwrap(), super::Request::Session("s-m-2".into()), "the watcher is told which session");
    assert!(text(&c).contains("reading the session's partitions"), "{}", text(&c));
    c.update(Update::Timeline(super::session::TimelineUpdate::Read(Box::new(timeline()), T0 + 2000)));
    let t = render_lines(&c, 170, 40).join("\n");
    insta::assert_snapshot!("console_session", t);
    assert!(t.contains("nodes › streams › session s-m-2"), "{t}");
    assert!(t.contains("m-2: node-2 0-4 → node-3 5-9"), "who generated which chunks: {t}");
    assert!(t.contains("TAKEOVER m-2 node-2 → node-3 at chunk 5 (epoch 1)"), "{t}");
    assert!(t.contains("ms between chunks (max 10)"), "{t}");
    assert!(t.contains("\"messageId\":\"m-2\",\"chunkIndex\":0"), "the raw event: {t}");
    assert!(t.contains("raw event stream-events[1]@40"), "where it sits: {t}");
    // A timeline of another session (the watcher was slow) is not shown here.
    let mut other = timeline();
    other.session_id = "s-other".into();
    c.update(Update::Timeline(super::session::TimelineUpdate::Read(Box::new(other), T0 + 3000)));
    assert!(render_lines(&c, 170, 40).join("\n").contains("updated 07:06:42"));
    c.key(key(KeyCode::Esc));
    assert_eq!(c.top(), ScreenId::Streams);
}

fn topic(name: &str, ends: &[i64]) -> crate::ops::topics::TopicDescription {
    let partitions: Vec<crate::ops::topics::PartitionInfo> = ends
        .iter()
        .enumerate()
        .map(|(p, end)| crate::ops::topics::PartitionInfo {
            partition: p as i32,
            leader: 1,
            replicas: vec![1],
            isr: vec![1],
            start: 0,
            end: *end,
            records: *end,
            first_ms: None,
            last_ms: None,
        })
        .collect();
    crate::ops::topics::TopicDescription {
        topic: name.into(),
        records: ends.iter().sum(),
        partitions,
        configs: Default::default(),
        configs_error: None,
        groups: Vec::new(),
    }
}

#[test]
fn topics_show_rates_and_readers_open_to_their_last_records_and_delete_after_the_typed_name() {
    use super::topics::TopicsUpdate;
    use crate::ops::lag::{GroupPoll, LagModel, Membership, Poll};
    let mut c = console();
    let (tx, rx) = std::sync::mpsc::channel();
    c.requests = Some(tx);
    switch(&mut c, "topics");
    c.update(Update::Topics(TopicsUpdate::Overview(vec![topic("chat-events", &[10, 20]), topic("orders", &[5])], T0)));
    c.update(Update::Topics(TopicsUpdate::Overview(
        vec![topic("chat-events", &[30, 40]), topic("orders", &[5])],
        T0 + 2000,
    )));
    let mut model = LagModel::default();
    model.apply(&Poll {
        at_ms: T0,
        groups: vec![GroupPoll {
            group: "chatctl-audit".into(),
            membership: Membership::Active,
            partitions: vec![("chat-events".into(), 0, 25, 30), ("chat-events".into(), 1, 40, 40)],
        }],
    });
    c.update(Update::Lag(crate::tui::lag::LagUpdate::Model(Box::new(model), T0 + 2000)));
    let t = text(&c);
    insta::assert_snapshot!("console_topics", t);
    let row = t.lines().find(|l| l.contains("chat-events")).unwrap();
    assert!(row.contains(" 70 ") && row.contains(" 20.0 ") && row.contains("chatctl-audit:5"), "{row}");
    // Enter: the partitions, and the last records asked for.
    c.key(key(KeyCode::Enter));
    assert_eq!(rx.try_recv().unwrap(), super::Request::TopicTail("chat-events".into()));
    let peek = |p: i32, o: i64| crate::ops::consume::Peek {
        partition: p,
        offset: o,
        timestamp_ms: Some(T0 + o),
        key: format!("session-{o}"),
        value: format!("{{\"n\":{o}}}"),
    };
    c.update(Update::Topics(TopicsUpdate::Tail("chat-events".into(), vec![peek(1, 39), peek(0, 29)], T0 + 2500)));
    let t = text(&c);
    assert!(t.contains("topics › chat-events") && t.contains("1:39") && t.contains("{\"n\":39}"), "{t}");
    c.key(key(KeyCode::Esc));
    assert_eq!(c.top(), ScreenId::Topics);
    assert!(text(&c).contains("topics: 2"), "back to the list: {}", text(&c));
    // Delete asks for the name; nothing is asked of the workers before it is typed.
    c.key(key(KeyCode::Delete));
    let t = text(&c);
    assert!(t.contains("same as: chatctl topics delete chat-events --execute"), "{t}");
    assert!(t.contains("type chat-events and Enter"), "{t}");
    c.key(key(KeyCode::Char('q')));
    assert_eq!(c.top(), ScreenId::Topics, "q is a letter of the name here, not quit");
    c.key(key(KeyCode::Enter));
    assert!(rx.try_recv().is_err(), "a wrong name does nothing");
    type_keys(&mut c, "chat-events");
    c.key(key(KeyCode::Enter));
    assert_eq!(rx.try_recv().unwrap(), super::Request::DeleteTopic("chat-events".into()));
    c.update(Update::Topics(TopicsUpdate::Done("deleted topic chat-events".into())));
    assert!(text(&c).contains("deleted topic chat-events"));
}

#[test]
fn sessions_list_the_recent_ones_by_last_activity_and_open_a_timeline() {
    let mut c = console();
    let (tx, rx) = std::sync::mpsc::channel();
    c.requests = Some(tx);
    let answer = |id: &str, session: &str, started: i64, state: &str| InFlight {
        message_id: id.into(),
        session_id: session.into(),
        user_id: format!("user-of-{session}"),
        owner: "node-1".into(),
        epoch: 0,
        chunks: 10,
        started_ms: started,
        state: state.into(),
        watched: false,
    };
    let recent = vec![
        answer("a1", "s-old", T0 - 60_000, "done"),
        answer("a2", "s-old", T0 - 30_000, "error"),
        answer("a3", "s-new", T0 - 5_000, "generating"),
    ];
    c.update(Update::Fleet(FleetUpdate::Snapshot {
        at_ms: T0 + 2000,
        nodes: vec![beat("node-1", T0 + 2000, 0, 0)],
        in_flight: Some(Vec::new()),
        recent: Some(recent),
    }));
    c.key(key(KeyCode::Char(':')));
    type_keys(&mut c, "se");
    c.key(key(KeyCode::Tab));
    c.key(key(KeyCode::Enter));
    assert_eq!(c.top(), ScreenId::Sessions);
    let t = text(&c);
    insta::assert_snapshot!("console_sessions", t);
    let rows: Vec<&str> = t.lines().filter(|l| l.contains("user-of-")).collect();
    assert!(rows[0].contains("s-new") && rows[0].contains("generating"), "{t}");
    assert!(rows[1].contains("s-old") && rows[1].contains("error") && rows[1].contains(" 2 "), "{t}");
    c.key(key(KeyCode::Char('j')));
    c.key(key(KeyCode::Enter));
    assert_eq!(c.top(), ScreenId::Session);
    assert_eq!(rx.try_recv().unwrap(), super::Request::Session("s-old".into()));
    assert!(text(&c).contains("nodes › sessions › session s-old"), "{}", text(&c));
}

#[test]
fn the_pollers_are_told_what_the_screen_shown_reads() {
    use super::{WANT_IN_FLIGHT, WANT_LAG, WANT_NODES, WANT_RECENT, WANT_TOPICS};
    use std::sync::atomic::Ordering;
    let mut c = console();
    let wants = |c: &Console| c.interest.load(Ordering::Relaxed);
    assert_eq!(wants(&c), WANT_NODES, ":nodes reads the heartbeats only");
    for (screen, bits) in [
        ("streams", WANT_IN_FLIGHT),
        ("sessions", WANT_RECENT),
        ("groups", WANT_LAG),
        ("topics", WANT_LAG | WANT_TOPICS),
    ] {
        switch(&mut c, screen);
        assert_eq!(wants(&c), bits, ":{screen}");
    }
    c.key(key(KeyCode::Esc));
    assert_eq!(wants(&c), WANT_LAG, "back on :groups");
}

#[test]
fn streams_refresh_the_rows_in_view_between_reads_of_the_whole_list() {
    let mut c = console();
    switch(&mut c, "streams");
    let t = text(&c);
    let shown = c.streams.in_view.lock().unwrap().clone();
    assert_eq!(shown, ["m-1", "m-2"], "the poller is told the answers in view: {t}");
    // m-1 read afresh: 30 → 64 chunks, and taken over by node-3; an answer not in the
    // list since its last read waits for the next one.
    let mut m1 = flight("m-1", "node-3", 1, 64);
    m1.started_ms = T0 - 10_000;
    c.update(Update::Fleet(FleetUpdate::Rows(vec![m1, flight("m-9", "node-1", 0, 5)], T0 + 30_000)));
    let t = text(&c);
    let row = t.lines().find(|l| l.contains("m-1 ")).unwrap();
    assert!(row.contains(" 64 ") && row.contains("node-3"), "patched in place: {row}");
    assert!(!t.contains("m-9"), "{t}");
    assert!(c.fleet.events.iter().any(|e| e.text == "m-1 moved node-1 → node-3 (epoch 1)"), "{:?}", c.fleet.events);
    let m2 = t.lines().find(|l| l.contains("m-2 ")).unwrap();
    assert!(m2.contains(" 12 "), "the others kept: {m2}");
}

#[test]
fn p_plays_the_answer_in_a_pane_with_its_takeover_marked_and_esc_closes_it() {
    let mut c = console();
    c.open(ScreenId::Streams);
    c.key(key(KeyCode::Char('G')));
    c.key(key(KeyCode::Enter));
    c.update(Update::Timeline(super::session::TimelineUpdate::Read(Box::new(timeline()), T0 + 2000)));
    assert!(!c.animating());
    c.key(key(KeyCode::Char('p')));
    assert!(c.animating(), "the player runs: the loop wakes for its clock");
    let t = render_lines(&c, 170, 40).join("\n");
    assert!(t.contains("play m-2 — chunk 1/10, 0.0 s of 9.0 s, 1× playing"), "{t}");
    // Four and a half seconds of the answer: chunks 0-4, not yet the one after the takeover.
    c.session.player.as_mut().unwrap().advance(4_500.0);
    let t = render_lines(&c, 170, 40).join("\n");
    assert!(t.contains("chunk 5/10"), "{t}");
    assert!(!t.contains("takeover: node-3"), "{t}");
    c.session.player.as_mut().unwrap().advance(600.0);
    assert!(render_lines(&c, 170, 40).join("\n").contains("chunk 6/10, 5.1 s of 9.0 s"));
    let played: String =
        c.session.player.as_ref().unwrap().lines()[0].spans.iter().map(|s| s.content.to_string()).collect();
    assert!(
        played.ends_with(
            "[chunk 4: 4 B] ⟨waited 1.0 s: takeover: node-3 continued from chunk 5 (epoch 1) after node-2 was lost⟩ \
             [chunk 5: 4 B]▌"
        ),
        "{played}"
    );
    // Space pauses; the help lists the player's keys.
    c.key(key(KeyCode::Char(' ')));
    assert!(!c.animating());
    c.key(key(KeyCode::Char('?')));
    let t = render_lines(&c, 170, 60).join("\n");
    assert!(t.contains("faster / slower"), "{t}");
    c.key(key(KeyCode::Char('?')));
    // Esc closes the player first, then goes back.
    c.key(key(KeyCode::Esc));
    assert_eq!(c.top(), ScreenId::Session);
    assert!(c.session.player.is_none());
    c.key(key(KeyCode::Esc));
    assert_eq!(c.top(), ScreenId::Streams);
}

fn stall(session: &str, message: &str, chunk: u32, gap_ms: i64, cause: &str) -> crate::ops::stalls::Stall {
    crate::ops::stalls::Stall {
        message_id: message.into(),
        session_id: session.into(),
        before_chunk: chunk,
        gap_ms,
        at_ms: T0 + gap_ms,
        node: "node-3".into(),
        cause: cause.into(),
    }
}

#[test]
fn stalls_screen_asks_for_its_window_lists_the_waits_and_opens_the_session() {
    use super::stalls::StallsUpdate;
    use super::Request;
    let mut c = console();
    let (tx, rx) = std::sync::mpsc::channel();
    c.requests = Some(tx);
    switch(&mut c, "stalls");
    assert_eq!(c.top(), ScreenId::Stalls);
    assert_eq!(rx.try_recv().unwrap(), Request::Stalls { window_ms: 900_000, min_gap_ms: 2_000 });
    assert!(text(&c).contains("reading both event topics"), "{}", text(&c));
    let read =
        |window_ms, stalls| StallsUpdate::Read { window_ms, min_gap_ms: 2_000, stalls, answers: 40, at: T0 + 5_000 };
    c.update(Update::Stalls(read(
        900_000,
        vec![
            stall("s-1", "m-1", 5, 2_100, "takeover: node-3 continued from chunk 5 (epoch 1) after node-2 was lost"),
            stall("s-2", "m-2", 0, 3_500, "the model's first-token wait"),
        ],
    )));
    let t = render_lines(&c, 170, 20).join("\n");
    assert!(
        t.contains("stalls: 2 wait(s) ≥ 2 s in the last 15m among 40 answer(s) — takeover 1 (longest 2.1 s), the model's first-token wait 1 (longest 3.5 s)"),
        "{t}"
    );
    assert!(t.contains("after node-2 was lost"), "{t}");
    // The latest first: m-2's wait ended last.
    let first = t.lines().position(|l| l.contains("m-2")).unwrap();
    assert!(first < t.lines().position(|l| l.contains("m-1")).unwrap(), "{t}");
    // w: a longer window, asked for; a late read of the old window is not shown.
    c.key(key(KeyCode::Char('w')));
    assert_eq!(rx.try_recv().unwrap(), Request::Stalls { window_ms: 3_600_000, min_gap_ms: 2_000 });
    c.update(Update::Stalls(read(900_000, Vec::new())));
    assert!(text(&c).contains("last 1h"), "{}", text(&c));
    assert!(text(&c).contains("m-1"), "the rows stay until the new window is read: {}", text(&c));
    c.update(Update::Stalls(read(3_600_000, vec![stall("s-1", "m-1", 5, 2_100, "takeover: …")])));
    assert!(!text(&c).contains("m-2"), "{}", text(&c));
    // Enter: that session's timeline, followed.
    c.key(key(KeyCode::Enter));
    assert_eq!(c.top(), ScreenId::Session);
    assert_eq!(rx.try_recv().unwrap(), Request::Session("s-1".into()));
    // Back and again: the window is not asked for twice.
    c.key(key(KeyCode::Esc));
    switch(&mut c, "stalls");
    assert!(rx.try_recv().is_err());
}
