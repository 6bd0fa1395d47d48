//! The lag screen (the console's :groups) rendered to ratatui's TestBackend, driven by
//! synthetic keys and polls. Inputs are fixed (times, offsets), so the snapshots need no
//! redaction.

use crossterm::event::KeyCode;

use super::{LagState, LagUpdate};
use crate::ops::lag::{GroupPoll, LagModel, Membership, Poll};
use crate::tui::console::{Console, ScreenId, Update};
use crate::tui::{key, render_lines, Flow, Screen};

const T0: i64 = 1_764_400_000_000; // 2025-11-29T07:06:40Z

/// Twelve polls a second apart: a stopped audit group, a search group falling behind, an
/// analytics group keeping up.
fn model() -> LagModel {
    let mut m = LagModel::default();
    for i in 0..12 {
        m.apply(&Poll {
            at_ms: T0 + i * 1000,
            groups: vec![
                GroupPoll {
                    group: "chatctl-audit".into(),
                    membership: Membership::Empty,
                    partitions: vec![
                        ("stream-events".into(), 0, 100, 100 + 10 * i),
                        ("stream-events".into(), 1, 50, 50),
                    ],
                },
                GroupPoll {
                    group: "chatctl-search-n1".into(),
                    membership: Membership::Active,
                    partitions: vec![("chat-events".into(), 0, 1000 + 5 * i, 1010 + 10 * i)],
                },
                GroupPoll {
                    group: "chatctl-analytics".into(),
                    membership: Membership::Active,
                    partitions: vec![("stream-events".into(), 0, 100 + 10 * i, 100 + 10 * i)],
                },
            ],
        });
    }
    m
}

fn screen() -> Console {
    let mut s = Console::new(ScreenId::Groups, false, LagState::new(2000), None);
    s.update(Update::Lag(LagUpdate::Model(Box::new(model()), T0 + 11_000)));
    s
}

fn screen_text(s: &Console) -> String {
    render_lines(s, 140, 18).join("\n")
}

#[test]
fn groups_worst_first_with_status_words() {
    let s = screen();
    let text = screen_text(&s);
    insta::assert_snapshot!("lag_groups", text);
    let rows: Vec<&str> = text.lines().filter(|l| l.contains("chatctl-")).collect();
    assert!(rows[0].contains("chatctl-audit") && rows[0].contains("STOP"), "{text}");
    assert!(rows[1].contains("chatctl-search-n1") && rows[1].contains("WARN"), "{text}");
    assert!(rows[2].contains("chatctl-analytics") && rows[2].contains("OK"), "{text}");
}

#[test]
fn enter_drills_into_partitions_and_esc_goes_back() {
    let mut s = screen();
    assert_eq!(s.key(key(KeyCode::Enter)), Flow::Continue);
    let text = screen_text(&s);
    insta::assert_snapshot!("lag_partitions", text);
    assert!(text.contains("chatctl-audit — ERR/STOP — partitions"), "{text}");
    assert!(text.contains("lag of stream-events:0 (max 110)"), "{text}");
    assert!(text.contains("groups › chatctl-audit"), "the breadcrumb: {text}");
    s.key(key(KeyCode::Esc));
    assert!(screen_text(&s).contains("consumer groups"));
    s.key(key(KeyCode::Esc));
    assert!(screen_text(&s).contains("consumer groups"), "Esc at the top never quits");
}

#[test]
fn filter_sort_help_and_quit() {
    let mut s = screen();
    s.key(key(KeyCode::Char('/')));
    for c in "sea".chars() {
        s.key(key(KeyCode::Char(c)));
    }
    s.key(key(KeyCode::Enter));
    let text = screen_text(&s);
    assert!(text.contains("filter: sea"), "{text}");
    assert!(text.contains("chatctl-search-n1") && !text.contains("chatctl-audit"), "{text}");
    s.key(key(KeyCode::Esc));
    assert!(screen_text(&s).contains("chatctl-audit"), "Esc clears the filter first");
    // Sort by name: the marker moves to GROUP and analytics comes first.
    s.key(key(KeyCode::Char('s')));
    s.key(key(KeyCode::Char('s')));
    s.key(key(KeyCode::Char('s')));
    let text = screen_text(&s);
    assert!(text.contains("GROUP▼"), "{text}");
    let first = text.lines().find(|l| l.contains("chatctl-")).unwrap();
    assert!(first.contains("chatctl-analytics"), "{text}");
    s.key(key(KeyCode::Char('?')));
    assert!(screen_text(&s).contains("Burrow's evaluator"));
    assert_eq!(s.key(key(KeyCode::Char('q'))), Flow::Continue, "q closes help, it does not quit");
    assert!(!screen_text(&s).contains("Burrow's evaluator"), "any key closes help");
    assert_eq!(s.key(key(KeyCode::Char('q'))), Flow::Quit);
}

#[test]
fn a_failed_poll_marks_the_figures_stale_and_keeps_them() {
    let mut s = screen();
    s.update(Update::Lag(LagUpdate::Failed("cannot reach the Kafka broker(s)".into(), T0 + 13_000)));
    let text = screen_text(&s);
    assert!(text.contains("STALE since 07:06:53: cannot reach"), "{text}");
    assert!(text.contains("chatctl-audit"), "{text}");
    s.update(Update::Lag(LagUpdate::Model(Box::new(model()), T0 + 15_000)));
    assert!(!screen_text(&s).contains("STALE"));
}

#[test]
fn r_asks_to_reset_the_group_to_the_log_end_after_its_typed_name() {
    let mut s = screen();
    let (tx, rx) = std::sync::mpsc::channel();
    s.requests = Some(tx);
    // The worst group first: chatctl-audit (STOP, 110 behind on stream-events:0).
    s.key(key(KeyCode::Char('R')));
    let text = screen_text(&s);
    assert!(text.contains("reset chatctl-audit: 2 partition(s) to the log end, skipping 110 record(s)"), "{text}");
    assert!(text.contains("stream-events:0  100 → 210 (skips 110)"), "{text}");
    assert!(text.contains("same as: chatctl groups reset chatctl-audit --all-topics --to-latest --execute"), "{text}");
    assert_eq!(s.key(key(KeyCode::Char('q'))), Flow::Continue, "q is typed into the name, it does not quit");
    s.key(key(KeyCode::Enter));
    assert!(rx.try_recv().is_err(), "a wrong name does nothing");
    for c in "chatctl-audit".chars() {
        s.key(key(KeyCode::Char(c)));
    }
    s.key(key(KeyCode::Enter));
    assert_eq!(rx.try_recv().unwrap(), crate::tui::request::Request::ResetGroup("chatctl-audit".into()));
    s.update(Update::Lag(LagUpdate::Done("reset chatctl-audit: 2 partition(s) at the log end".into())));
    assert!(screen_text(&s).contains("reset chatctl-audit: 2 partition(s) at the log end"));
}
