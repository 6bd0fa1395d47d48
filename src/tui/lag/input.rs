//! Keys of the lag screen (k9s habits): ↑/↓ j/k move, PgUp/PgDn, Enter drills in, Esc
//! back, / filter, s sort, R reset the group's offsets to the log ends (after its typed name).

use crossterm::event::{KeyCode, KeyEvent};

use super::state::{LagState, View};
use crate::tui::confirm::{answer, Answered};
use crate::tui::Flow;

pub fn key(s: &mut LagState, k: KeyEvent) -> Flow {
    if s.confirm.is_some() {
        match answer(&mut s.confirm, &k) {
            Answered::Pending => {}
            Answered::Cancelled => s.message = Some("reset cancelled".into()),
            Answered::Confirmed { action, cli } => {
                s.message = Some(format!("resetting… (same as: {cli})"));
                s.asked = Some(action);
            }
        }
        return Flow::Continue;
    }
    let in_partitions = matches!(s.view, View::Partitions(_));
    if in_partitions && !s.editing && k.code == KeyCode::Esc {
        s.view = View::Groups;
        s.clamp();
        return Flow::Continue;
    }
    // The filter is the groups list's: typing it moves that cursor.
    let cursor = if in_partitions && !s.editing { &mut s.part_selected } else { &mut s.selected };
    let flow = crate::tui::list_key(&k, &mut s.filter, &mut s.editing, cursor, s.page.get());
    match (flow, k.code) {
        (Some(_), _) => {}
        (None, KeyCode::Enter) if !in_partitions => {
            if let Some(g) = s.groups().get(s.selected) {
                s.view = View::Partitions(g.group.clone());
                s.part_selected = 0;
            }
        }
        (None, KeyCode::Char('s')) => s.sort = s.sort.next(),
        (None, KeyCode::Char('R')) => {
            let group = match &s.view {
                View::Partitions(g) => Some(g.clone()),
                View::Groups => s.groups().get(s.selected).map(|g| g.group.clone()),
            };
            match group {
                Some(g) => s.ask_reset(&g),
                None => s.message = Some("no group selected".into()),
            }
        }
        (None, _) => {}
    }
    s.clamp();
    Flow::Continue
}
