//! What the operator commands do: offset ranges by time, replay, session timelines.

pub mod consume;
pub mod delete_offsets;
pub mod dlq;
pub mod groups;
pub mod lag;
pub mod pick;
pub mod range;
pub mod replay;
pub mod stalls;
pub mod timeline;
pub mod topics;
