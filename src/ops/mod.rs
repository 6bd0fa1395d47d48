//! What the operator commands do: offset ranges by time, replay, session timelines.

pub mod range;
pub mod replay;
pub mod timeline;
