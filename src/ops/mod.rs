//! What the operator commands do: offset ranges by time, replay, session timelines.

pub mod pick;
pub mod range;
pub mod replay;
pub mod timeline;
