//! `chatctl lag --watch`: groups with status, Enter drills into partitions.

pub mod input;
pub mod state;
pub mod view;

pub use state::{LagState, LagUpdate};

impl super::Screen for LagState {
    type Update = LagUpdate;
    fn update(&mut self, update: LagUpdate) {
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
