//! The groups (lag) and DLQ screens as console panes: their own state, view and keys, under
//! the console's navigation.

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::Frame;

use super::fleet::FleetState;
use super::{Pane, Reply};
use crate::tui::dlq::DlqState;
use crate::tui::lag::state::View;
use crate::tui::lag::LagState;

impl Pane for LagState {
    fn crumb(&self) -> String {
        match &self.view {
            View::Groups => "groups".into(),
            View::Partitions(g) => format!("groups › {g}"),
        }
    }

    fn help(&self) -> Vec<String> {
        crate::tui::lag::view::help()
    }

    fn capturing(&self) -> bool {
        self.editing || self.confirm.is_some()
    }

    fn back(&mut self) -> bool {
        if matches!(self.view, View::Partitions(_)) || !self.filter.is_empty() {
            crate::tui::lag::input::key(self, crate::tui::key(KeyCode::Esc));
            return true;
        }
        false
    }

    fn key(&mut self, k: &KeyEvent, _fleet: &FleetState) -> Reply {
        crate::tui::lag::input::key(self, *k);
        match self.asked.take() {
            Some(r) => Reply::Ask(r),
            None => Reply::Done,
        }
    }

    fn render(&self, f: &mut Frame, area: Rect, _fleet: &FleetState) {
        crate::tui::lag::view::render(self, f, area)
    }

    fn arrive(&mut self, filter: String) {
        self.filter = filter;
        self.clamp();
    }
}

impl Pane for DlqState {
    fn crumb(&self) -> String {
        "dlq".into()
    }

    fn help(&self) -> Vec<String> {
        crate::tui::dlq::view::help()
    }

    fn capturing(&self) -> bool {
        self.editing || self.confirm.is_some()
    }

    fn back(&mut self) -> bool {
        if self.filter.is_empty() {
            return false;
        }
        self.filter.clear();
        self.clamp();
        true
    }

    fn key(&mut self, k: &KeyEvent, _fleet: &FleetState) -> Reply {
        crate::tui::dlq::input::key(self, *k);
        Reply::Done
    }

    fn render(&self, f: &mut Frame, area: Rect, _fleet: &FleetState) {
        crate::tui::dlq::view::render(self, f, area)
    }
}
