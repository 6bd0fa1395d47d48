//! The DLQ screen (the console's :dlq) rendered to ratatui's TestBackend, driven by
//! synthetic keys.

use std::sync::mpsc;

use crossterm::event::KeyCode;
use rdkafka::message::{Header, OwnedHeaders, OwnedMessage};
use rdkafka::Timestamp;

use super::{Action, DlqState, DlqUpdate};
use crate::events::dlq_headers as h;
use crate::ops::dlq::{parse, Entry, RECEIPT};
use crate::tui::console::{Console, ScreenId, Update};
use crate::tui::lag::LagState;
use crate::tui::{key, render_lines, Flow, Screen};

const T0: i64 = 1_764_400_000_000;

fn letter(offset: i64, worker: &str, class: &str, payload: &str) -> Entry {
    let hs = [
        ("traceparent", "00-abc-01"),
        (h::ORIGINAL_TOPIC, "stream-events"),
        (h::ORIGINAL_PARTITION, "2"),
        (h::ORIGINAL_OFFSET, &*(40 + offset).to_string()),
        (h::WORKER, worker),
        (h::ERROR_CLASS, class),
        (h::ERROR_MESSAGE, "expected value at line 1 column 1"),
        (h::ATTEMPTS, "1"),
    ];
    let mut headers = OwnedHeaders::new();
    for (k, v) in hs {
        headers = headers.insert(Header { key: k, value: Some(v) });
    }
    let m = OwnedMessage::new(
        Some(payload.as_bytes().to_vec()),
        Some(b"session-1".to_vec()),
        "stream-events.dlq".into(),
        Timestamp::CreateTime(T0 + offset * 1000),
        0,
        offset,
        Some(headers),
    );
    parse(&m)
}

fn receipt(of: i64) -> Entry {
    let m = OwnedMessage::new(
        None,
        None,
        "stream-events.dlq".into(),
        Timestamp::CreateTime(T0),
        0,
        99,
        Some(OwnedHeaders::new().insert(Header { key: RECEIPT, value: Some(&format!("0:{of}")) })),
    );
    parse(&m)
}

fn console(dlq: DlqState) -> Console {
    Console::new(ScreenId::Dlq, false, LagState::new(2000), Some(dlq))
}

fn dlq(s: &Console) -> &DlqState {
    s.dlq.as_ref().unwrap()
}

fn screen() -> (Console, mpsc::Receiver<Action>) {
    let (tx, rx) = mpsc::channel();
    let mut s = console(DlqState::new(vec!["chat-events.dlq".into(), "stream-events.dlq".into()], tx));
    s.update(Update::Dlq(DlqUpdate::Entries(
        vec![
            letter(0, "audit", "decode:json", "not json"),
            letter(1, "analytics", "store", "{\"eventType\":\"STREAM_COMPLETED\",\"sessionId\":\"s-1\"}"),
        ],
        T0 + 2000,
    )));
    (s, rx)
}

#[test]
fn list_and_detail_of_the_selected_record() {
    let (s, _rx) = screen();
    let text = render_lines(&s, 150, 26).join("\n");
    insta::assert_snapshot!("dlq_tail", text);
    assert!(text.contains("2/2 record(s), 0 re-driven"), "{text}");
    // Following the tail: the newest record is selected and detailed.
    assert!(text.contains("\"eventType\": \"STREAM_COMPLETED\""), "{text}");
    assert!(text.contains("traceparent: 00-abc-01"), "{text}");
}

#[test]
fn redrive_keys_confirm_then_ask_the_runner_and_skip_redriven() {
    let (mut s, rx) = screen();
    s.key(key(KeyCode::Char('k')));
    s.key(key(KeyCode::Char('r')));
    let text = render_lines(&s, 150, 26).join("\n");
    insta::assert_snapshot!("dlq_confirm_one", text);
    assert!(text.contains("re-drive 1 record(s) from stream-events.dlq"), "{text}");
    assert!(text.contains("same as: chatctl dlq redrive --topic stream-events.dlq --offset 0 --execute"), "{text}");
    assert!(rx.try_recv().is_err(), "nothing sent before the yes");
    s.key(key(KeyCode::Char('n')));
    assert!(rx.try_recv().is_err(), "n cancels");
    assert_eq!(dlq(&s).message.as_deref(), Some("re-drive cancelled"));
    s.key(key(KeyCode::Char('r')));
    s.key(key(KeyCode::Char('y')));
    match rx.try_recv().unwrap() {
        Action::Redrive(ls) => assert_eq!(ls.iter().map(|l| l.offset).collect::<Vec<_>>(), vec![0]),
        other => panic!("{other:?}"),
    }
    assert!(dlq(&s).message.as_deref().unwrap().contains("(same as: chatctl dlq redrive"));
    s.update(Update::Dlq(DlqUpdate::Entries(vec![receipt(0)], T0 + 3000)));
    s.key(key(KeyCode::Char('g')));
    s.key(key(KeyCode::Char('r')));
    assert!(rx.try_recv().is_err(), "a re-driven record is not re-driven again");
    assert_eq!(dlq(&s).message.as_deref(), Some("already re-driven"));
    // Two records shown, one not yet re-driven: R asks for the DLQ's name only when there
    // are several; add a third letter so it does.
    s.update(Update::Dlq(DlqUpdate::Entries(vec![letter(2, "search", "index", "{}")], T0 + 3500)));
    s.key(key(KeyCode::Char('R')));
    s.key(key(KeyCode::Char('y')));
    assert!(rx.try_recv().is_err(), "y is not the name");
    let text = render_lines(&s, 150, 26).join("\n");
    assert!(text.contains("type stream-events.dlq and Enter"), "{text}");
    assert!(text.contains("--offset 1 2 --execute"), "{text}");
    s.key(key(KeyCode::Backspace));
    for c in "stream-events.dlq".chars() {
        s.key(key(KeyCode::Char(c)));
    }
    s.key(key(KeyCode::Enter));
    match rx.try_recv().unwrap() {
        Action::Redrive(ls) => assert_eq!(ls.iter().map(|l| l.offset).collect::<Vec<_>>(), vec![1, 2]),
        other => panic!("{other:?}"),
    }
    let text = render_lines(&s, 150, 26).join("\n");
    assert!(text.contains("1 re-driven") && text.contains("redriven"), "{text}");
}

#[test]
fn filter_pause_export_quit() {
    let (mut s, rx) = screen();
    s.key(key(KeyCode::Char('/')));
    for c in "audit".chars() {
        s.key(key(KeyCode::Char(c)));
    }
    s.key(key(KeyCode::Enter));
    assert_eq!(dlq(&s).shown().len(), 1);
    s.key(key(KeyCode::Char('e')));
    assert!(matches!(rx.try_recv().unwrap(), Action::Export(ls) if ls.len() == 1));
    s.key(key(KeyCode::Esc));
    s.key(key(KeyCode::Char('p')));
    s.update(Update::Dlq(DlqUpdate::Entries(vec![letter(2, "search", "index", "{}")], T0 + 4000)));
    let text = render_lines(&s, 150, 26).join("\n");
    assert!(text.contains("PAUSED (1 new held)") && text.contains("2/2 record(s)"), "{text}");
    s.key(key(KeyCode::Char('p')));
    assert_eq!(dlq(&s).letters.list.len(), 3, "resume shows what was held");
    assert_eq!(s.key(key(KeyCode::Char('q'))), Flow::Quit);
}

#[test]
fn only_the_rows_in_view_are_drawn_and_the_selection_stays_visible() {
    let (tx, _rx) = mpsc::channel();
    let mut s = console(DlqState::new(vec!["stream-events.dlq".into()], tx));
    s.update(Update::Dlq(DlqUpdate::Entries((0..500).map(|o| letter(o, "audit", "store", "{}")).collect(), T0)));
    // Following the tail: the newest (origin offset 539) is selected and on screen.
    let text = render_lines(&s, 150, 16).join("\n");
    assert!(text.contains("› ") && text.contains("stream-events/2/539"), "{text}");
    assert!(!text.contains("stream-events/2/40 "), "{text}");
    s.key(key(KeyCode::Char('g')));
    let text = render_lines(&s, 150, 16).join("\n");
    assert!(text.contains("stream-events/2/40 "), "{text}");
    assert!(!text.contains("stream-events/2/539"), "{text}");
    for _ in 0..20 {
        s.key(key(KeyCode::Char('j')));
    }
    let text = render_lines(&s, 150, 16).join("\n");
    assert!(text.contains("stream-events/2/60 "), "the selection scrolled into view: {text}");
    // A page at a time, and half a page with Ctrl-d: the list of millions is walked fast.
    s.key(key(KeyCode::PageDown));
    let page = dlq(&s).page.get();
    assert_eq!(dlq(&s).selected, 20 + page, "PgDn moves a drawn page");
    s.key(crossterm::event::KeyEvent::new(KeyCode::Char('u'), crossterm::event::KeyModifiers::CONTROL));
    assert_eq!(dlq(&s).selected, 20 + page - page / 2);
}
