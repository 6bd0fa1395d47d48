//! Confirmation before anything destructive (k9s asks; kaskade makes you type the name):
//! the dialog shows exactly what will happen and the equivalent command line; one record
//! is confirmed with `y`, more than one by typing the name shown (the target), then Enter.
//! `n` or Esc cancels.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

#[derive(Debug, Clone, PartialEq)]
pub struct Confirm<A> {
    pub title: String,
    /// What will happen, one line each (counts, target, the plan).
    pub plan: Vec<String>,
    /// The same action as a command, to script it.
    pub cli: String,
    /// The name to type (more than one record); none: `y` is enough.
    pub typed: Option<String>,
    pub input: String,
    pub action: A,
}

/// What a key did to the dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Pending,
    Yes,
    No,
}

/// What a key did to the dialog held in a screen's slot.
#[derive(Debug, Clone, PartialEq)]
pub enum Answered<A> {
    /// Still open (or none was).
    Pending,
    /// Closed without doing anything.
    Cancelled,
    /// Closed with a yes: do `action`, which `cli` does from the command line.
    Confirmed { action: A, cli: String },
}

/// Feed `k` to the dialog in `slot` (closing it on a yes or a no).
pub fn answer<A>(slot: &mut Option<Confirm<A>>, k: &KeyEvent) -> Answered<A> {
    let Some(c) = slot else { return Answered::Pending };
    match c.key(k) {
        Decision::Pending => Answered::Pending,
        Decision::No => {
            *slot = None;
            Answered::Cancelled
        }
        Decision::Yes => {
            let c = slot.take().expect("open");
            Answered::Confirmed { action: c.action, cli: c.cli }
        }
    }
}

impl<A> Confirm<A> {
    pub fn key(&mut self, k: &KeyEvent) -> Decision {
        match (&self.typed, k.code) {
            (_, KeyCode::Esc) => Decision::No,
            (None, KeyCode::Char('y' | 'Y')) => Decision::Yes,
            (None, KeyCode::Char('n' | 'N')) => Decision::No,
            (None, _) => Decision::Pending,
            (Some(name), KeyCode::Enter) if self.input == *name => Decision::Yes,
            (Some(_), KeyCode::Enter) => {
                self.input.clear();
                Decision::Pending
            }
            (Some(_), KeyCode::Backspace) => {
                self.input.pop();
                Decision::Pending
            }
            (Some(_), KeyCode::Char(c)) => {
                self.input.push(c);
                Decision::Pending
            }
            (Some(_), _) => Decision::Pending,
        }
    }

    pub fn render(&self, f: &mut Frame) {
        let mut lines: Vec<Line> = self.plan.iter().map(|l| Line::raw(l.clone())).collect();
        lines.push(Line::raw(""));
        lines.push(Line::styled(format!("same as: {}", self.cli), Style::default().fg(Color::Cyan)));
        lines.push(Line::raw(""));
        lines.push(match &self.typed {
            None => Line::styled("y: go ahead   n/Esc: cancel", Style::default().add_modifier(Modifier::BOLD)),
            Some(name) => Line::styled(
                format!("type {name} and Enter to go ahead (Esc: cancel): {}▏", self.input),
                Style::default().add_modifier(Modifier::BOLD),
            ),
        });
        let area = f.area();
        let w = 90.min(area.width);
        let h = (lines.len() as u16 + 4).min(area.height);
        let r = Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h };
        f.render_widget(Clear, r);
        let block = Block::default()
            .borders(Borders::ALL)
            .title(format!(" {} ", self.title))
            .border_style(Style::default().fg(Color::Red));
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), r);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::key;

    fn dialog(typed: Option<&str>) -> Confirm<u8> {
        Confirm {
            title: "re-drive".into(),
            plan: vec!["1 record".into()],
            cli: "chatctl dlq redrive --offset 4 --execute".into(),
            typed: typed.map(str::to_string),
            input: String::new(),
            action: 7,
        }
    }

    #[test]
    fn one_record_takes_y_and_n_cancels() {
        assert_eq!(dialog(None).key(&key(KeyCode::Char('y'))), Decision::Yes);
        assert_eq!(dialog(None).key(&key(KeyCode::Char('n'))), Decision::No);
        assert_eq!(dialog(None).key(&key(KeyCode::Enter)), Decision::Pending, "Enter alone is not a yes");
    }

    #[test]
    fn many_records_take_the_typed_name() {
        let mut d = dialog(Some("t.dlq"));
        assert_eq!(d.key(&key(KeyCode::Char('y'))), Decision::Pending, "y is only a letter of the name");
        assert_eq!(d.key(&key(KeyCode::Enter)), Decision::Pending, "a wrong name starts over");
        assert!(d.input.is_empty());
        for c in "t.dlq".chars() {
            d.key(&key(KeyCode::Char(c)));
        }
        assert_eq!(d.key(&key(KeyCode::Enter)), Decision::Yes);
        assert_eq!(dialog(Some("t.dlq")).key(&key(KeyCode::Esc)), Decision::No);
    }
}
