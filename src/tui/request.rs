//! What a screen asks of the command that runs the console: reads on demand and confirmed
//! actions, done off the render thread.

/// What a screen asks of the command (reads on demand, actions), off the render thread.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Follow this session's timeline.
    Session(String),
    /// Follow the fleet's stalls: the last `window_ms`, waits of `min_gap_ms` or more.
    Stalls { window_ms: i64, min_gap_ms: i64 },
    /// Read this topic's last records.
    TopicTail(String),
    /// Delete this topic (confirmed).
    DeleteTopic(String),
    /// Move this group's committed offsets to the log ends (confirmed; refused while the
    /// group has members).
    ResetGroup(String),
}
