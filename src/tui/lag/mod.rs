//! `chatctl lag --watch`: groups with status, Enter drills into partitions.

pub mod input;
pub mod state;
pub mod view;

pub use state::{LagState, LagUpdate};

#[cfg(test)]
mod tests;
