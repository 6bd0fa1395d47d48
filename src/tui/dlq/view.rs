//! Drawing the DLQ screen: the list on the left, the selected record on the right.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState, Wrap};
use ratatui::Frame;

use super::state::DlqState;
use crate::ops::dlq::DeadLetter;
use crate::tui::text::clock;

pub fn render(s: &DlqState, f: &mut Frame, area: Rect) {
    let [top, body, msg, bottom] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(3), Constraint::Length(1), Constraint::Length(1)])
            .areas(area);
    let shown = s.shown();
    f.render_widget(Paragraph::new(title(s, shown.len())), top);
    let [list, detail] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(body);
    letters(s, &shown, f, list);
    details(s, f, detail);
    f.render_widget(Paragraph::new(s.message.clone().unwrap_or_default()), msg);
    let keys = if s.editing {
        " type to filter (worker, error class, topic, message) · Enter keep · Esc clear"
    } else {
        " ↑↓/jk move · r re-drive · R re-drive all shown · e export · p pause · / filter"
    };
    f.render_widget(Paragraph::new(keys).style(Style::default().add_modifier(Modifier::REVERSED)), bottom);
    if let Some(c) = &s.confirm {
        c.render(f);
    }
}

fn title(s: &DlqState, shown: usize) -> Line<'static> {
    let total = s.letters.list.len();
    let redriven = s.letters.redriven();
    let mut spans = vec![
        Span::styled("dead letters", Style::default().add_modifier(Modifier::BOLD)),
        Span::raw(format!("  {shown}/{total} record(s), {redriven} re-driven, {} topic(s)", s.topics.len())),
    ];
    if let Some(t) = s.updated_ms {
        spans.push(Span::raw(format!("  updated {}", clock(t))));
    }
    if s.paused {
        spans.push(Span::styled(format!("  PAUSED ({} new held)", s.held.len()), Style::default().fg(Color::Yellow)));
    }
    if let Some((since, e)) = &s.failing {
        spans.push(Span::styled(format!("  STALE since {}: {e}", clock(*since)), Style::default().fg(Color::Red)));
    }
    if !s.filter.is_empty() || s.editing {
        spans.push(Span::raw(format!("  filter: {}{}", s.filter, if s.editing { "▏" } else { "" })));
    }
    Line::from(spans)
}

/// Only the rows that fit are built (a DLQ can hold millions); the window scrolls so the
/// selected row stays in view.
fn letters(s: &DlqState, shown: &[&DeadLetter], f: &mut Frame, area: Rect) {
    let height = (area.height as usize).saturating_sub(3).max(1);
    s.page.set(height);
    let first = (s.selected + 1).saturating_sub(height);
    let window = &shown[first.min(shown.len())..(first + height).min(shown.len())];
    let rows: Vec<Row> = window
        .iter()
        .map(|l| {
            let state = if l.redriven { "redriven" } else { "dead" };
            Row::new(vec![
                Cell::from(l.timestamp.map(clock).unwrap_or_else(|| "-".into())),
                Cell::from(l.origin()),
                Cell::from(l.worker.clone()),
                Cell::from(l.error_class.clone()),
                Cell::from(l.attempts.map(|a| a.to_string()).unwrap_or_else(|| "-".into())),
                Cell::from(state).style(if l.redriven {
                    Style::default().fg(Color::Green)
                } else {
                    Style::default().fg(Color::Red)
                }),
            ])
        })
        .collect();
    let widths = [
        Constraint::Length(8),
        Constraint::Min(18),
        Constraint::Length(17),
        Constraint::Length(16),
        Constraint::Length(3),
        Constraint::Length(8),
    ];
    let head = Row::new(["TIME", "ORIGIN", "WORKER", "ERROR", "TRY", "STATE"])
        .style(Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED));
    let empty = rows.is_empty();
    let table = Table::new(rows, widths)
        .header(head)
        .block(Block::default().borders(Borders::ALL).title(" dead letters "))
        .row_highlight_style(Style::default().add_modifier(Modifier::REVERSED))
        .highlight_symbol("› ");
    let mut ts = TableState::default().with_selected(if empty { None } else { Some(s.selected - first) });
    f.render_stateful_widget(table, area, &mut ts);
}

fn details(s: &DlqState, f: &mut Frame, area: Rect) {
    let block = Block::default().borders(Borders::ALL).title(" record ");
    let Some(l) = s.selected_letter() else {
        f.render_widget(Paragraph::new("no dead letters (yet)").block(block), area);
        return;
    };
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let mut lines = vec![
        Line::from(vec![
            Span::styled("dlq      ", bold),
            Span::raw(format!("{} {}/{}", l.dlq_topic, l.partition, l.offset)),
        ]),
        Line::from(vec![Span::styled("origin   ", bold), Span::raw(l.origin())]),
        Line::from(vec![Span::styled("worker   ", bold), Span::raw(l.worker.clone())]),
        Line::from(vec![Span::styled("error    ", bold), Span::raw(format!("{}: {}", l.error_class, l.error_message))]),
        Line::from(vec![
            Span::styled("attempts ", bold),
            Span::raw(l.attempts.map(|a| a.to_string()).unwrap_or_else(|| "-".into())),
        ]),
        Line::from(vec![
            Span::styled("key      ", bold),
            Span::raw(
                l.key.as_deref().map(|k| String::from_utf8_lossy(k).into_owned()).unwrap_or_else(|| "(none)".into()),
            ),
        ]),
        Line::from(Span::styled("headers", bold)),
    ];
    for (k, v) in &l.headers {
        let v = v.as_deref().map(|b| String::from_utf8_lossy(b).into_owned()).unwrap_or_else(|| "(null)".into());
        lines.push(Line::from(format!("  {k}: {v}")));
    }
    lines.push(Line::from(Span::styled("payload", bold)));
    lines.extend(l.pretty_payload().lines().map(|x| Line::from(x.to_string())));
    f.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), area);
}

/// The screen's keys, for `?`.
pub fn help() -> Vec<String> {
    [
        "r          re-drive the selected record to its origin topic (asks first: y)",
        "           (key and headers kept, chatctl-redriven added;",
        "            a receipt in the DLQ stops a second re-drive)",
        "R          re-drive every record shown (filter first; type the DLQ's name)",
        "e          export the records shown as JSON Lines",
        "p          pause / resume following new records",
        "/          filter by worker, error class, topic, message",
    ]
    .map(str::to_string)
    .to_vec()
}
