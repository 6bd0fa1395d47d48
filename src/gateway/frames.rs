//! A connection's outgoing frame queue, shared by the connection's writer and the followers
//! that deliver answers generated elsewhere to it.

use std::sync::Arc;

use tokio::sync::{mpsc, Notify};

use super::protocol::ServerFrame;

/// The close code telling a client it fell behind and should resume (from its last chunk,
/// on any node): RFC 6455 leaves 4000-4999 to applications.
pub const CLOSE_RESUME: u16 = 4000;

/// Outgoing: frames are serialised by the sender, so a queue slot is a string, not a
/// frame (an idle connection's first queue block stays small).
pub(super) enum Out {
    Text(String),
    Ping,
    Close(Closing),
}

/// Why the connection closes (its close frame), a byte rather than a code and a string:
/// `Out` then fits in a `String`'s room (24 bytes, not 32), and the queue's first block
/// (32 slots, allocated with each connection) is 256 bytes smaller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Closing {
    /// No pong within the timeout.
    NoPong,
    /// A frame far over the size limit.
    FrameTooLarge,
    /// Over the frame rate, again and again.
    TooManyFrames,
}

impl Closing {
    /// The close frame's code and reason.
    pub(super) fn frame(self) -> (u16, &'static str) {
        match self {
            Closing::NoPong => (super::connection::CLOSE_NO_PONG, "no pong"),
            Closing::FrameTooLarge => (1008, "frame too large"),
            Closing::TooManyFrames => (1008, "too many frames"),
        }
    }
}

/// Where a follower's frames go: it waits for a slow client (it reads the buffer at the
/// client's pace; live entries it misses meanwhile are read back from the buffer), but not
/// forever: a client that takes no frame for [`FOLLOWER_PATIENCE`] is closed with
/// [`CLOSE_RESUME`].
#[derive(Clone)]
pub(crate) struct FrameSender {
    pub(super) tx: mpsc::Sender<Out>,
    pub(super) overflow: Arc<Notify>,
}

const FOLLOWER_PATIENCE: std::time::Duration = std::time::Duration::from_secs(10);

impl FrameSender {
    /// Queue a frame without waiting; a full queue closes the client with [`CLOSE_RESUME`].
    pub(crate) fn try_send(&self, f: ServerFrame) {
        if let Err(mpsc::error::TrySendError::Full(_)) = self.tx.try_send(Out::Text(f.to_text())) {
            self.overflow.notify_one();
        }
    }

    /// False when the client is gone or too slow (the follower stops).
    pub(crate) async fn send(&self, f: ServerFrame) -> bool {
        match tokio::time::timeout(FOLLOWER_PATIENCE, self.tx.send(Out::Text(f.to_text()))).await {
            Ok(Ok(())) => true,
            Ok(Err(_)) => false,
            Err(_) => {
                self.overflow.notify_one();
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_queued_frame_takes_a_string_s_room() {
        assert_eq!(std::mem::size_of::<Out>(), std::mem::size_of::<String>());
    }
}
