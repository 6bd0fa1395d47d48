//! A connection's outgoing frames: written straight into its socket by whoever has one (the
//! answer generating a chunk, a follower, the connection itself), and queued only while
//! the socket takes nothing. The connection's writer task sleeps meanwhile: it finishes
//! what a full socket left, bounds how long a client may take nothing, and sends the close.
//!
//! Why not a queue and a writer task for every frame: each chunk would wake a second task
//! (a hand-off, often to the other core) on its way out; written where it is made, a chunk
//! costs the one wake-up that produced it, as in a server that does nothing else.

use std::collections::VecDeque;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use axum::extract::ws::{CloseFrame, Message};
use futures_util::Sink;
use tokio::sync::Notify;
use tokio::time::Instant;

use super::protocol::ServerFrame;

/// The close code telling a client it fell behind and should resume (from its last chunk,
/// on any node): RFC 6455 leaves 4000-4999 to applications.
pub const CLOSE_RESUME: u16 = 4000;

/// A frame waiting for the socket: frames are serialised by the sender, so a queue slot is
/// a string, not a frame.
enum Out {
    Text(String),
    Ping,
}

/// Why the connection closes (its close frame), a byte rather than a code and a string.
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

/// How the writer ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum End {
    /// The client fell behind (its queue overflowed, or a follower ran out of patience):
    /// closed with [`CLOSE_RESUME`], what was queued dropped (it resumes).
    TooSlow,
    /// Closed by the server, after what was queued before.
    Close(Closing),
    /// The socket failed.
    Failed,
    /// Every sender is gone and everything was sent.
    Finished,
    /// The socket took nothing for the write timeout.
    TimedOut,
}

/// The socket's sink, its error type erased (the writer only needs to know that it failed).
type BoxSink = Pin<Box<dyn Sink<Message, Error = ()> + Send>>;

struct Erased<W>(W);

impl<W: Sink<Message> + Unpin> Sink<Message> for Erased<W> {
    type Error = ();
    fn poll_ready(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), ()>> {
        Pin::new(&mut self.0).poll_ready(cx).map_err(drop)
    }
    fn start_send(mut self: Pin<&mut Self>, item: Message) -> Result<(), ()> {
        Pin::new(&mut self.0).start_send(item).map_err(drop)
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), ()>> {
        Pin::new(&mut self.0).poll_flush(cx).map_err(drop)
    }
    fn poll_close(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), ()>> {
        Pin::new(&mut self.0).poll_close(cx).map_err(drop)
    }
}

struct State {
    sink: BoxSink,
    /// Frames the socket did not take yet, in order.
    queue: VecDeque<Out>,
    /// The writer task's waker. A write made elsewhere registers it with the socket, so a
    /// write that cannot finish wakes the writer (which finishes it), not the caller.
    writer: Option<Waker>,
    /// Frames handed to the sink and not flushed yet.
    unflushed: bool,
    /// Since when the socket has taken nothing while frames wait.
    stuck_since: Option<Instant>,
    /// Set once the connection is to end: no frame is taken after it.
    end: Option<End>,
    /// The writer has finished: the socket is closed.
    done: bool,
    /// A follower waits for room in the queue.
    awaited: bool,
}

impl State {
    /// Hand queued frames to the socket and flush them, as far as it takes them. Ok(true):
    /// everything is out; Ok(false): the socket is full (`cx` is woken when it is not).
    fn drive(&mut self, cx: &mut Context<'_>) -> Result<bool, ()> {
        while !self.queue.is_empty() {
            match self.sink.as_mut().poll_ready(cx) {
                Poll::Ready(Ok(())) => {}
                Poll::Ready(Err(())) => return Err(()),
                Poll::Pending => return Ok(false),
            }
            let msg = match self.queue.pop_front().expect("not empty") {
                Out::Text(t) => Message::Text(t.into()),
                Out::Ping => Message::Ping(Default::default()),
            };
            self.sink.as_mut().start_send(msg)?;
            self.unflushed = true;
        }
        if self.unflushed {
            match self.sink.as_mut().poll_flush(cx) {
                Poll::Ready(Ok(())) => self.unflushed = false,
                Poll::Ready(Err(())) => return Err(()),
                Poll::Pending => return Ok(false),
            }
        }
        Ok(true)
    }

    fn wake_writer(&self) {
        if let Some(w) = &self.writer {
            w.wake_by_ref();
        }
    }
}

struct Outbox {
    state: Mutex<State>,
    /// Frames at most in the queue.
    cap: usize,
    /// Followers waiting for room.
    room: Notify,
    /// Live [`FrameSender`]s: at zero, the writer ends once everything is out.
    senders: AtomicUsize,
}

impl Outbox {
    /// Queue `out` and write what the socket takes now (the writer finishes what it does not).
    fn push(&self, st: &mut State, out: Out) {
        st.queue.push_back(out);
        let Some(writer) = st.writer.take() else {
            // The writer has not run yet: it writes the queue when it first does.
            return;
        };
        let mut cx = Context::from_waker(&writer);
        match st.drive(&mut cx) {
            Ok(true) => st.stuck_since = None,
            Ok(false) => {
                if st.stuck_since.is_none() {
                    // The writer bounds how long the client may take nothing.
                    st.stuck_since = Some(Instant::now());
                    writer.wake_by_ref();
                }
            }
            Err(()) => {
                st.end.get_or_insert(End::Failed);
                writer.wake_by_ref();
            }
        }
        st.writer = Some(writer);
        self.made_room(st);
    }

    fn made_room(&self, st: &mut State) {
        if st.awaited && st.queue.len() < self.cap {
            st.awaited = false;
            self.room.notify_waiters();
        }
    }

    /// The writer's side: write what waits, and say when the writer has something to do
    /// (`armed`: the stall it already times).
    fn poll_writer(&self, cx: &mut Context<'_>, armed: Option<Instant>) -> Poll<Wake> {
        let mut st = self.state.lock().unwrap();
        if !st.writer.as_ref().is_some_and(|w| w.will_wake(cx.waker())) {
            st.writer = Some(cx.waker().clone());
        }
        if st.end == Some(End::TooSlow) {
            return Poll::Ready(Wake::End(End::TooSlow));
        }
        let out = st.drive(cx);
        self.made_room(&mut st);
        match out {
            Err(()) => Poll::Ready(Wake::End(End::Failed)),
            Ok(false) => {
                let since = *st.stuck_since.get_or_insert_with(Instant::now);
                if armed == Some(since) {
                    Poll::Pending
                } else {
                    Poll::Ready(Wake::Stuck(Some(since)))
                }
            }
            Ok(true) => {
                st.stuck_since = None;
                if let Some(end) = st.end {
                    Poll::Ready(Wake::End(end))
                } else if self.senders.load(Ordering::Acquire) == 0 {
                    Poll::Ready(Wake::End(End::Finished))
                } else if armed.is_some() {
                    Poll::Ready(Wake::Stuck(None))
                } else {
                    Poll::Pending
                }
            }
        }
    }

    /// End the connection (the first reason stays).
    fn end(&self, why: End) {
        let mut st = self.state.lock().unwrap();
        st.end.get_or_insert(why);
        st.wake_writer();
    }
}

/// What the writer is woken for.
enum Wake {
    /// The socket stopped taking frames at this time (None: it takes them again).
    Stuck(Option<Instant>),
    End(End),
}

/// Where a connection's frames go. Answers and announcements never wait: a client whose
/// queue is full is closed with [`CLOSE_RESUME`] (it resumes from its last chunk). A
/// follower waits for a slow client (it reads the buffer at the client's pace; live entries
/// it misses meanwhile are read back from the buffer), but not forever: a client that takes
/// no frame for [`FOLLOWER_PATIENCE`] is closed with [`CLOSE_RESUME`].
pub(crate) struct FrameSender {
    outbox: Arc<Outbox>,
}

const FOLLOWER_PATIENCE: Duration = Duration::from_secs(10);

impl Clone for FrameSender {
    fn clone(&self) -> Self {
        self.outbox.senders.fetch_add(1, Ordering::AcqRel);
        FrameSender { outbox: self.outbox.clone() }
    }
}

impl Drop for FrameSender {
    fn drop(&mut self) {
        if self.outbox.senders.fetch_sub(1, Ordering::AcqRel) == 1 {
            // The last one: the writer ends once everything is out.
            self.outbox.state.lock().unwrap().wake_writer();
        }
    }
}

impl FrameSender {
    /// Send a frame without waiting; a full queue closes the client with [`CLOSE_RESUME`].
    pub(crate) fn try_send(&self, f: ServerFrame) {
        self.try_send_text(f.to_text());
    }

    /// [`Self::try_send`] of a frame already serialised.
    pub(crate) fn try_send_text(&self, text: String) {
        let mut st = self.outbox.state.lock().unwrap();
        if st.end.is_some() || st.done {
            return;
        }
        if st.queue.len() >= self.outbox.cap {
            st.end = Some(End::TooSlow);
            st.wake_writer();
            return;
        }
        self.outbox.push(&mut st, Out::Text(text));
    }

    /// Send a frame, waiting (within [`FOLLOWER_PATIENCE`]) while the queue is full. False
    /// when the client is gone or too slow (the follower stops).
    pub(crate) async fn send(&self, f: ServerFrame) -> bool {
        let deadline = Instant::now() + FOLLOWER_PATIENCE;
        let mut text = Some(f.to_text());
        loop {
            let room = self.outbox.room.notified();
            tokio::pin!(room);
            room.as_mut().enable();
            {
                let mut st = self.outbox.state.lock().unwrap();
                if st.end.is_some() || st.done {
                    return false;
                }
                if st.queue.len() < self.outbox.cap {
                    self.outbox.push(&mut st, Out::Text(text.take().expect("sent once")));
                    return true;
                }
                st.awaited = true;
            }
            if tokio::time::timeout_at(deadline, room).await.is_err() {
                self.outbox.end(End::TooSlow);
                return false;
            }
        }
    }

    /// A WebSocket ping (keepalive), after the frames queued before it.
    pub(super) fn ping(&self) {
        let mut st = self.outbox.state.lock().unwrap();
        if st.end.is_none() && !st.done {
            self.outbox.push(&mut st, Out::Ping);
        }
    }

    /// Close the connection with `why`, after the frames queued before; later frames are
    /// dropped.
    pub(super) fn close(&self, why: Closing) {
        self.outbox.end(End::Close(why));
    }
}

/// A connection's frame sender and the writer that must run for it (spawned by the caller).
pub(super) fn outbox<W>(sink: W, cap: usize, write_timeout: Duration) -> (FrameSender, Writer)
where
    W: Sink<Message> + Unpin + Send + 'static,
{
    let outbox = Arc::new(Outbox {
        state: Mutex::new(State {
            sink: Box::pin(Erased(sink)),
            queue: VecDeque::new(),
            writer: None,
            unflushed: false,
            stuck_since: None,
            end: None,
            done: false,
            awaited: false,
        }),
        cap,
        room: Notify::new(),
        senders: AtomicUsize::new(1),
    });
    (FrameSender { outbox: outbox.clone() }, Writer { outbox, limit: write_timeout })
}

/// The connection's writer: see the module's doc.
pub(super) struct Writer {
    outbox: Arc<Outbox>,
    limit: Duration,
}

impl Writer {
    /// Run until the connection ends; how it ended.
    pub(super) async fn run(self) -> End {
        let outbox = &self.outbox;
        let mut armed: Option<Instant> = None;
        let end = loop {
            let deadline = armed.map(|since| since + self.limit);
            let wake = tokio::select! {
                biased;
                wake = std::future::poll_fn(|cx| outbox.poll_writer(cx, armed)) => wake,
                _ = tokio::time::sleep_until(deadline.unwrap_or_else(Instant::now)), if deadline.is_some() => {
                    // A client that stops reading fills the socket's buffers: it loses its
                    // slot, unless a write made elsewhere got through meanwhile.
                    let stuck = outbox.state.lock().unwrap().stuck_since;
                    if stuck == armed {
                        break End::TimedOut;
                    }
                    armed = stuck;
                    continue;
                }
            };
            match wake {
                Wake::Stuck(since) => armed = since,
                Wake::End(end) => break end,
            }
        };
        let close = match end {
            End::TooSlow => Some((CLOSE_RESUME, "too slow: resume from your last chunk")),
            End::Close(why) => Some(why.frame()),
            End::Failed | End::Finished | End::TimedOut => None,
        };
        // The close frame and the close handshake are bounded too.
        let limit = if end == End::TooSlow { self.limit.min(Duration::from_secs(1)) } else { self.limit };
        let mut close = close.map(|(code, reason)| Message::Close(Some(CloseFrame { code, reason: reason.into() })));
        let closing = std::future::poll_fn(|cx| {
            let mut st = outbox.state.lock().unwrap();
            st.end.get_or_insert(end);
            st.queue.clear();
            if let Some(msg) = close.take() {
                match st.sink.as_mut().poll_ready(cx) {
                    Poll::Ready(Ok(())) => {
                        if st.sink.as_mut().start_send(msg).is_err() {
                            return Poll::Ready(());
                        }
                    }
                    Poll::Ready(Err(())) => return Poll::Ready(()),
                    Poll::Pending => {
                        close = Some(msg);
                        return Poll::Pending;
                    }
                }
            }
            st.sink.as_mut().poll_close(cx).map(drop)
        });
        if !matches!(end, End::Failed | End::TimedOut) {
            let _ = tokio::time::timeout(limit, closing).await;
        }
        let mut st = outbox.state.lock().unwrap();
        st.done = true;
        st.queue.clear();
        // The socket goes now (senders may outlive the connection: an answer keeps
        // generating for a client that may resume elsewhere).
        st.sink = Box::pin(Erased(futures_util::sink::drain()));
        drop(st);
        outbox.room.notify_waiters();
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures_util::StreamExt;

    fn frame(i: u32) -> ServerFrame {
        ServerFrame::Chunk { message_id: "m".into(), epoch: 0, index: i, delta: format!("d{i}") }
    }

    fn index_of(m: &Message) -> Option<u64> {
        let Message::Text(t) = m else { return None };
        let v: serde_json::Value = serde_json::from_str(t.as_str()).ok()?;
        v["index"].as_u64()
    }

    #[tokio::test]
    async fn frames_are_written_where_they_are_made_in_order() {
        let (frames, writer, mut rx) = started(64, 8, Duration::from_secs(5)).await;
        for i in 0..20 {
            frames.try_send(frame(i));
            // Written without the writer's help: in the socket when try_send returns.
            assert_eq!(index_of(&rx.try_recv().unwrap()), Some(i as u64));
        }
        drop(frames);
        assert_eq!(writer.await.unwrap(), End::Finished);
    }

    #[tokio::test]
    async fn a_client_that_takes_nothing_overflows_and_is_told_to_resume() {
        // A socket that takes one frame and then nothing (the client stopped reading).
        let (frames, writer, mut rx) = started(0, 4, Duration::from_millis(300)).await;
        for i in 0..10 {
            frames.try_send(frame(i));
        }
        let end = writer.await.unwrap();
        assert_eq!(end, End::TooSlow);
        // Once full, nothing more is taken.
        frames.try_send(frame(99));
        let mut got = Vec::new();
        while let Ok(Some(m)) = tokio::time::timeout(Duration::from_millis(50), rx.next()).await {
            got.push(m);
        }
        assert!(got.iter().all(|m| index_of(m) != Some(99)), "{got:?}");
        assert!(got.len() < 10, "{got:?}");
    }

    #[tokio::test]
    async fn a_stalled_socket_times_out() {
        let (frames, writer, _rx) = started(0, 100, Duration::from_millis(200)).await;
        for i in 0..3 {
            frames.try_send(frame(i));
        }
        let started = std::time::Instant::now();
        assert_eq!(writer.await.unwrap(), End::TimedOut);
        assert!(started.elapsed() >= Duration::from_millis(150), "{:?}", started.elapsed());
        assert!(!frames.send(frame(5)).await, "a closed connection takes no frame");
    }

    #[tokio::test]
    async fn a_follower_waits_for_room_then_sends_in_order() {
        let (frames, writer, mut rx) = started(0, 2, Duration::from_secs(5)).await;
        let follower = {
            let frames = frames.clone();
            tokio::spawn(async move {
                for i in 0..10 {
                    assert!(frames.send(frame(i)).await);
                }
            })
        };
        // The client reads slowly: the follower waits rather than overflowing.
        for i in 0..10 {
            tokio::time::sleep(Duration::from_millis(5)).await;
            assert_eq!(index_of(&rx.next().await.unwrap()), Some(i));
        }
        follower.await.unwrap();
        frames.close(Closing::TooManyFrames);
        assert_eq!(writer.await.unwrap(), End::Close(Closing::TooManyFrames));
        let Some(Message::Close(Some(c))) = rx.next().await else { panic!("a close frame") };
        assert_eq!(c.code, 1008);
    }

    /// A connection on a bounded in-memory socket (futures' mpsc: `buffer` frames and one
    /// more), its writer running and waiting: the socket's reading end, to play the client.
    async fn started(
        buffer: usize,
        cap: usize,
        write_timeout: Duration,
    ) -> (FrameSender, tokio::task::JoinHandle<End>, futures_channel::mpsc::Receiver<Message>) {
        let (tx, rx) = futures_channel::mpsc::channel::<Message>(buffer);
        let (frames, writer) = outbox(tx, cap, write_timeout);
        let writer = tokio::spawn(writer.run());
        tokio::task::yield_now().await;
        (frames, writer, rx)
    }

    #[test]
    fn a_queued_frame_takes_a_string_s_room() {
        assert_eq!(std::mem::size_of::<Out>(), std::mem::size_of::<String>());
    }
}
