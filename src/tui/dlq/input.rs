//! Keys of the DLQ screen: ↑/↓ j/k move, r re-drive the selected record, R all shown,
//! e export shown, p pause, / filter, ? help, q quit.

use crossterm::event::{KeyCode, KeyEvent};

use super::state::{Action, DlqState};
use crate::tui::Flow;

pub fn key(s: &mut DlqState, k: KeyEvent) -> Flow {
    if s.editing {
        s.editing = crate::tui::edit_filter(&mut s.filter, &k);
        s.selected = 0;
        s.clamp();
        return Flow::Continue;
    }
    if s.help {
        s.help = false;
        return if matches!(k.code, KeyCode::Char('q')) { Flow::Quit } else { Flow::Continue };
    }
    match k.code {
        KeyCode::Char('q') => return Flow::Quit,
        KeyCode::Esc if !s.filter.is_empty() => s.filter.clear(),
        KeyCode::Esc => return Flow::Quit,
        KeyCode::Down | KeyCode::Char('j') => s.selected += 1,
        KeyCode::Up | KeyCode::Char('k') => s.selected = s.selected.saturating_sub(1),
        KeyCode::Home | KeyCode::Char('g') => s.selected = 0,
        KeyCode::End | KeyCode::Char('G') => s.selected = usize::MAX,
        KeyCode::Char('/') => s.editing = true,
        KeyCode::Char('?') => s.help = true,
        KeyCode::Char('p') => {
            let p = !s.paused;
            s.set_paused(p);
        }
        KeyCode::Char('r') => match s.selected_letter() {
            Some(l) if l.redriven => s.message = Some("already re-driven".into()),
            Some(l) => {
                let l = l.clone();
                s.request(Action::Redrive(vec![l]));
            }
            None => s.message = Some("nothing selected".into()),
        },
        KeyCode::Char('R') => {
            let todo: Vec<_> = s.shown().into_iter().filter(|l| !l.redriven).cloned().collect();
            if todo.is_empty() {
                s.message = Some("nothing to re-drive".into());
            } else {
                s.request(Action::Redrive(todo));
            }
        }
        KeyCode::Char('e') => {
            let shown: Vec<_> = s.shown().into_iter().cloned().collect();
            s.request(Action::Export(shown));
        }
        _ => {}
    }
    s.clamp();
    Flow::Continue
}
