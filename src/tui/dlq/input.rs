//! Keys of the DLQ screen: ↑/↓ j/k move, r re-drive the selected record, R all shown
//! (each asks first), e export shown, p pause, / filter.

use crossterm::event::{KeyCode, KeyEvent};

use super::state::{Action, DlqState};
use crate::tui::confirm::{answer, Answered};
use crate::tui::Flow;

pub fn key(s: &mut DlqState, k: KeyEvent) -> Flow {
    if s.confirm.is_some() {
        match answer(&mut s.confirm, &k) {
            Answered::Pending => {}
            Answered::Cancelled => s.message = Some("re-drive cancelled".into()),
            Answered::Confirmed { action, cli } => {
                s.request(action);
                if let Some(m) = &mut s.message {
                    m.push_str(&format!(" (same as: {cli})"));
                }
            }
        }
        return Flow::Continue;
    }
    match crate::tui::list_key(&k, &mut s.filter, &mut s.editing, &mut s.selected, s.page.get()) {
        Some(_) => {}
        None => own_key(s, k.code),
    }
    s.clamp();
    Flow::Continue
}

/// p pause, r re-drive the selected record, R all shown, e export shown.
fn own_key(s: &mut DlqState, code: KeyCode) {
    match code {
        KeyCode::Char('p') => {
            let p = !s.paused;
            s.set_paused(p);
        }
        KeyCode::Char('r') => match s.selected_letter() {
            Some(l) if l.redriven => s.message = Some("already re-driven".into()),
            Some(l) => {
                let l = l.clone();
                s.ask_redrive(vec![l]);
            }
            None => s.message = Some("nothing selected".into()),
        },
        KeyCode::Char('R') => {
            let todo: Vec<_> = s.shown().into_iter().filter(|l| !l.redriven).cloned().collect();
            if todo.is_empty() {
                s.message = Some("nothing to re-drive".into());
            } else {
                s.ask_redrive(todo);
            }
        }
        KeyCode::Char('e') => {
            let shown: Vec<_> = s.shown().into_iter().cloned().collect();
            s.request(Action::Export(shown));
        }
        _ => {}
    }
}
