//! What the operator commands do, below their command lines: offset ranges by time,
//! replay, reading any topic, session timelines and stalls, consumer groups (describe,
//! reset, delete offsets), lag (Burrow's rules, kafka-lag-exporter's seconds), the DLQ,
//! topics.

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
