//! `chatctl dlq tail`: dead letters as they land, a detail pane, re-drive, export, pause.

pub mod input;
pub mod state;
pub mod view;

pub use state::{Action, DlqState, DlqUpdate};

impl super::Screen for DlqState {
    type Update = DlqUpdate;
    fn update(&mut self, update: DlqUpdate) {
        self.apply(update)
    }
    fn key(&mut self, key: crossterm::event::KeyEvent) -> super::Flow {
        input::key(self, key)
    }
    fn render(&self, frame: &mut ratatui::Frame) {
        view::render(self, frame)
    }
}

#[cfg(test)]
mod tests;
