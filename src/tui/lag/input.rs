//! Keys of the lag screen (k9s habits): ↑/↓ j/k move, Enter drills in, Esc back, / filter,
//! s sort, ? help, q quit.

use crossterm::event::{KeyCode, KeyEvent};

use super::state::{LagState, View};
use crate::tui::Flow;

pub fn key(s: &mut LagState, k: KeyEvent) -> Flow {
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
    let in_partitions = matches!(s.view, View::Partitions(_));
    let cursor = if in_partitions { &mut s.part_selected } else { &mut s.selected };
    match k.code {
        KeyCode::Char('q') => return Flow::Quit,
        KeyCode::Esc if in_partitions => s.view = View::Groups,
        KeyCode::Esc if !s.filter.is_empty() => s.filter.clear(),
        KeyCode::Esc => return Flow::Quit,
        KeyCode::Down | KeyCode::Char('j') => *cursor += 1,
        KeyCode::Up | KeyCode::Char('k') => *cursor = cursor.saturating_sub(1),
        KeyCode::Home | KeyCode::Char('g') => *cursor = 0,
        KeyCode::End | KeyCode::Char('G') => *cursor = usize::MAX,
        KeyCode::Enter if !in_partitions => {
            if let Some(g) = s.groups().get(s.selected) {
                s.view = View::Partitions(g.group.clone());
                s.part_selected = 0;
            }
        }
        KeyCode::Char('/') => s.editing = true,
        KeyCode::Char('s') => s.sort = s.sort.next(),
        KeyCode::Char('?') => s.help = true,
        _ => {}
    }
    s.clamp();
    Flow::Continue
}
