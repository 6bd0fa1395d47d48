//! `chatctl dlq tail`: dead letters as they land, a detail pane, re-drive, export, pause.

pub mod input;
pub mod state;
pub mod view;

pub use state::{Action, DlqState, DlqUpdate};

#[cfg(test)]
mod tests;
