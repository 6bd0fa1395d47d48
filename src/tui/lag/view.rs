//! Drawing the lag screen: a pure function of its state.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Sparkline, Table, TableState};
use ratatui::Frame;

use super::state::{LagState, Sort, View};
use crate::ops::lag::{Membership, Status};
use crate::tui::text::{clock, rate, seconds, sparkline};

pub fn status_style(s: Status) -> Style {
    let c = match s {
        Status::Ok => Color::Green,
        Status::Warn => Color::Yellow,
        Status::Err | Status::Stall | Status::Stop | Status::NotFound => Color::Red,
        Status::Rewind => Color::Magenta,
    };
    Style::default().fg(c).add_modifier(Modifier::BOLD)
}

fn header(names: &[(&str, Option<Sort>)], sort: Sort) -> Row<'static> {
    Row::new(names.iter().map(|(n, key)| {
        let mark = if *key == Some(sort) { "▼" } else { "" };
        Cell::from(format!("{n}{mark}"))
    }))
    .style(Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED))
}

pub fn render(s: &LagState, f: &mut Frame, area: Rect) {
    let [top, body, bottom] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(3), Constraint::Length(1)]).areas(area);
    f.render_widget(Paragraph::new(title(s)), top);
    match &s.view {
        View::Groups => groups(s, f, body),
        View::Partitions(g) => partitions(s, g, f, body),
    }
    f.render_widget(Paragraph::new(keys(s)).style(Style::default().add_modifier(Modifier::REVERSED)), bottom);
    if let Some(c) = &s.confirm {
        c.render(f);
    }
}

fn title(s: &LagState) -> Line<'static> {
    let mut spans = vec![Span::styled("groups", Style::default().add_modifier(Modifier::BOLD))];
    let n = s.model.groups.len();
    spans.push(Span::raw(format!("  {n} group(s), every {}s", s.interval_ms as f64 / 1000.0)));
    match s.updated_ms {
        Some(t) => spans.push(Span::raw(format!("  updated {}", clock(t)))),
        None => spans.push(Span::raw("  waiting for the first poll…")),
    }
    if let Some((since, err)) = &s.failing {
        spans.push(Span::styled(format!("  STALE since {}: {err}", clock(*since)), Style::default().fg(Color::Red)));
    }
    if !s.filter.is_empty() || s.editing {
        spans.push(Span::raw(format!("  filter: {}{}", s.filter, if s.editing { "▏" } else { "" })));
    }
    if let Some(m) = &s.message {
        spans.push(Span::styled(format!("  {m}"), Style::default().fg(Color::Cyan)));
    }
    Line::from(spans)
}

fn membership(m: Membership) -> &'static str {
    match m {
        Membership::Active => "active",
        Membership::Empty => "none",
        Membership::Unknown => "?",
    }
}

/// A group's status as Burrow rolls it up, with its worst partition's when that is ERR
/// (`ERR/STOP`), and `~` while a lagging partition has too few commits to be judged.
pub fn group_status(g: &crate::ops::lag::GroupLag) -> String {
    let word = if g.status == Status::Err {
        format!("ERR/{}", g.worst_status.as_str())
    } else {
        g.status.as_str().to_string()
    };
    if !g.judged && g.status != Status::NotFound {
        format!("{word}~")
    } else {
        word
    }
}

fn groups(s: &LagState, f: &mut Frame, area: Rect) {
    let height = (area.height as usize).saturating_sub(3).max(1);
    s.page.set(height);
    // Only the rows in view are built; the window scrolls so the cursor stays in it.
    let all = s.groups();
    let selected = s.selected.min(all.len().saturating_sub(1));
    let first = (selected + 1).saturating_sub(height);
    let rows: Vec<Row> = all[first.min(all.len())..(first + height).min(all.len())]
        .iter()
        .map(|g| {
            let trend =
                s.model.groups.get(&g.group).map(|h| sparkline(h.total_lags.iter().copied(), 20)).unwrap_or_default();
            Row::new(vec![
                Cell::from(g.group.clone()),
                Cell::from(group_status(g)).style(status_style(g.status)),
                Cell::from(membership(g.membership)),
                Cell::from(g.partitions.to_string()),
                Cell::from(g.lag.to_string()),
                Cell::from(seconds(g.lag_seconds)),
                Cell::from(rate(g.consume_rate)),
                Cell::from(if g.lag == 0 {
                    "-".into()
                } else {
                    g.time_to_drain_seconds.map(|d| seconds(Some(d))).unwrap_or("never".into())
                }),
                Cell::from(if g.lag == 0 {
                    "-".into()
                } else {
                    g.max_lag_partition.clone().unwrap_or_else(|| "-".into())
                }),
                Cell::from(trend),
            ])
        })
        .collect();
    let widths = [
        Constraint::Min(24),
        Constraint::Length(10),
        Constraint::Length(7),
        Constraint::Length(6),
        Constraint::Length(9),
        Constraint::Length(8),
        Constraint::Length(7),
        Constraint::Length(7),
        Constraint::Length(20),
        Constraint::Length(20),
    ];
    let head = header(
        &[
            ("GROUP", Some(Sort::Name)),
            ("STATUS", Some(Sort::Status)),
            ("MEMBERS", None),
            ("PARTS", None),
            ("LAG", Some(Sort::Lag)),
            ("LAG s", Some(Sort::LagSeconds)),
            ("RATE/s", None),
            ("DRAIN", None),
            ("MAX LAG AT", None),
            ("LAG TREND", None),
        ],
        s.sort,
    );
    let empty = rows.is_empty();
    let table = Table::new(rows, widths)
        .header(head)
        .block(Block::default().borders(Borders::ALL).title(" consumer groups "))
        .row_highlight_style(Style::default().add_modifier(Modifier::REVERSED))
        .highlight_symbol("› ");
    let mut ts = TableState::default().with_selected(if empty { None } else { Some(selected - first) });
    f.render_stateful_widget(table, area, &mut ts);
}

fn partitions(s: &LagState, group: &str, f: &mut Frame, area: Rect) {
    let [table_area, spark_area] = Layout::vertical([Constraint::Min(3), Constraint::Length(6)]).areas(area);
    let parts = s.partitions();
    let rows: Vec<Row> = parts
        .iter()
        .map(|p| {
            Row::new(vec![
                Cell::from(p.topic.clone()),
                Cell::from(p.partition.to_string()),
                Cell::from(p.status.as_str()).style(status_style(p.status)),
                Cell::from(p.committed.to_string()),
                Cell::from(p.log_end.to_string()),
                Cell::from(p.lag.to_string()),
                Cell::from(seconds(p.lag_seconds)),
                Cell::from(rate(p.consume_rate)),
                Cell::from(if p.lag == 0 {
                    "-".into()
                } else {
                    p.time_to_drain_seconds.map(|d| seconds(Some(d))).unwrap_or("never".into())
                }),
            ])
        })
        .collect();
    let widths = [
        Constraint::Min(22),
        Constraint::Length(5),
        Constraint::Length(7),
        Constraint::Length(10),
        Constraint::Length(10),
        Constraint::Length(9),
        Constraint::Length(8),
        Constraint::Length(7),
        Constraint::Length(7),
    ];
    let head = header(
        &[
            ("TOPIC", Some(Sort::Name)),
            ("PART", None),
            ("STATUS", Some(Sort::Status)),
            ("COMMITTED", None),
            ("LOG END", None),
            ("LAG", Some(Sort::Lag)),
            ("LAG s", Some(Sort::LagSeconds)),
            ("RATE/s", None),
            ("DRAIN", None),
        ],
        s.sort,
    );
    let status = s.model.group(group).map(|g| group_status(&g)).unwrap_or_else(|| "-".into());
    let empty = rows.is_empty();
    let table = Table::new(rows, widths)
        .header(head)
        .block(Block::default().borders(Borders::ALL).title(format!(" {group} — {status} — partitions ")))
        .row_highlight_style(Style::default().add_modifier(Modifier::REVERSED))
        .highlight_symbol("› ");
    let mut ts = TableState::default().with_selected(if empty { None } else { Some(s.part_selected) });
    f.render_stateful_widget(table, table_area, &mut ts);
    let history = s.history();
    let label = parts.get(s.part_selected).map(|p| format!(" lag of {}:{} ", p.topic, p.partition)).unwrap_or_default();
    let max = history.iter().copied().max().unwrap_or(0);
    let width = spark_area.width.saturating_sub(2) as usize;
    let tail = &history[history.len().saturating_sub(width)..];
    f.render_widget(
        Sparkline::default()
            .block(Block::default().borders(Borders::ALL).title(format!("{label}(max {max}) ")))
            .data(tail),
        spark_area,
    );
}

fn keys(s: &LagState) -> String {
    if s.editing {
        return " type to filter groups · Enter keep · Esc clear".into();
    }
    match s.view {
        View::Groups => " ↑↓/jk move · Enter partitions · / filter · s sort · R reset to the log end".into(),
        View::Partitions(_) => " ↑↓/jk move · Esc groups · s sort · R reset to the log end".into(),
    }
}

/// The screen's keys and how to read it, for `?`.
pub fn help() -> Vec<String> {
    [
        "Enter      the group's partitions (Esc: back to the groups)",
        "s          sort: status, lag, lag seconds, name",
        "R          reset the group's offsets to the log ends (type its name; refused while it has members)",
        "",
        "Status (Burrow's evaluator over the last 10 commits seen)",
        "  OK      lag within --allowed-lag, or at it somewhere in the window",
        "  WARN    committing, but lag never decreased (flat counts)",
        "  STALL   members present, committed offset not moving",
        "  STOP    no commit for longer than the window spans; Empty group",
        "  REWIND  offset went back and has not climbed back since",
        "  ERR     a group with a STOP, STALL or REWIND partition",
        "  ~       a lagging partition has under 3 commits seen: not judged yet",
        "LAG s: age of the oldest unconsumed record; DRAIN: time to lag 0 at the current rates",
    ]
    .map(str::to_string)
    .to_vec()
}
