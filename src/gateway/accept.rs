//! Accepting HTTP connections without being starved by them: a cap per node (never more
//! than the process's file descriptors allow, with room left for Kafka, Redis, the spool and
//! the quarantine), a cap per client address, a few connections kept for health probes when
//! the node is full, a deadline on every write (a client that stops reading its responses
//! loses its connection, not a slot forever), and a bounded close on shutdown.

use std::collections::HashMap;
use std::future::Future;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::extract::ConnectInfo;
use axum::Router;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpListener;

/// File descriptors kept free of client connections: Kafka's sockets (several per broker),
/// Redis, the spool's and quarantine's files, the store, the process's own.
pub const FD_HEADROOM: usize = 512;

/// How long the listener waits, once told to stop, for connections to finish their
/// exchange; the rest are dropped (a client that stopped reading must not hold up the
/// flush and the spool checkpoint that follow).
pub const CLOSE_BOUND: Duration = Duration::from_secs(5);

/// Of the connections kept for probes, how many one client address may hold.
pub const PROBES_PER_ADDRESS: usize = 2;

/// The connection limits of one listener.
#[derive(Debug, Clone, Copy)]
pub struct Caps {
    /// Open connections in all.
    pub total: usize,
    /// Open connections from one client address.
    pub per_address: usize,
    /// Connections accepted past `total` for health probes only (`probe` router).
    pub probe_reserve: usize,
    /// Longest a write may wait for the client to read.
    pub write_deadline: Duration,
}

impl Caps {
    /// A small internal listener (metrics, a worker's health): one cap, no per-address one.
    pub fn internal(total: usize) -> Caps {
        Caps { total, per_address: total, probe_reserve: 0, write_deadline: Duration::from_secs(30) }
    }
}

/// Raise the soft limit on open files to the hard one, and say how many descriptors the
/// process may hold (None where it cannot be read).
pub fn open_files_limit() -> Option<usize> {
    // SAFETY: getrlimit/setrlimit only read and write the struct passed.
    unsafe {
        let mut lim = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) != 0 {
            return None;
        }
        if lim.rlim_cur < lim.rlim_max {
            let raised = libc::rlimit { rlim_cur: lim.rlim_max, rlim_max: lim.rlim_max };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                lim.rlim_cur = lim.rlim_max;
            }
        }
        Some(usize::try_from(lim.rlim_cur).unwrap_or(usize::MAX))
    }
}

/// `wanted` connections, or fewer when the descriptors allow fewer (with [`FD_HEADROOM`]
/// kept free): the cap, and why it is lower when it is.
pub fn fd_aware(wanted: usize, open_files: Option<usize>) -> (usize, Option<String>) {
    match open_files {
        Some(n) if n.saturating_sub(FD_HEADROOM) < wanted => {
            let cap = n.saturating_sub(FD_HEADROOM).max(16);
            let why = format!(
                "{wanted} connections asked for, but the process may open {n} files (ulimit -n): \
                 {cap} accepted, {FD_HEADROOM} kept for Kafka, Redis, the spool and the quarantine"
            );
            (cap, Some(why))
        }
        _ => (wanted, None),
    }
}

/// Serve `app` until `shutdown` resolves (hyper's HTTP/1 with a header-read timeout, which
/// `axum::serve` lacks), within `caps`: a connection past them is closed at accept, before
/// it costs a task; past `total`, up to `probe_reserve` more are served by `probe` alone.
/// Then stop accepting, let the exchanges in progress finish for up to [`CLOSE_BOUND`],
/// and return.
pub async fn serve_router(
    listener: TcpListener,
    app: Router,
    probe: Option<Router>,
    header_timeout: Duration,
    caps: Caps,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    // Shutdown: `stop` tells every connection to finish its exchange and close; `left`
    // closes once the last connection task has dropped its receiver.
    let (stop, _) = tokio::sync::watch::channel(());
    let (left_tx, left) = tokio::sync::watch::channel(());
    let open = Arc::new(tokio::sync::Semaphore::new(caps.total));
    let reserve = Arc::new(tokio::sync::Semaphore::new(caps.probe_reserve));
    let per_address = Arc::new(PerAddress { max: caps.per_address, open: Mutex::default() });
    // A flood from one host takes at most this many of the probes' connections.
    let probes_per_address = Arc::new(PerAddress { max: PROBES_PER_ADDRESS, open: Mutex::default() });
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(x) => x,
                // Out of descriptors and the like: back off instead of spinning.
                Err(e) => {
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = &mut shutdown => break,
        };
        let Some(address) = per_address.take(peer.ip()) else {
            continue;
        };
        let (permit, app, probing) = match open.clone().try_acquire_owned() {
            Ok(p) => (p, app.clone(), None),
            Err(_) => match (&probe, probes_per_address.take(peer.ip())) {
                (Some(probe), Some(slot)) => match reserve.clone().try_acquire_owned() {
                    Ok(p) => (p, probe.clone(), Some(slot)),
                    Err(_) => continue,
                },
                _ => continue,
            },
        };
        let _ = stream.set_nodelay(true);
        let svc = app.layer(axum::Extension(ConnectInfo(peer)));
        let svc = hyper_util::service::TowerToHyperService::new(svc);
        let mut http = hyper::server::conn::http1::Builder::new();
        http.timer(TokioTimer::new()).header_read_timeout(header_timeout);
        let (mut stopping, left) = (stop.subscribe(), left.clone());
        let io = TokioIo::new(WriteDeadline::new(stream, caps.write_deadline));
        tokio::spawn(async move {
            let mut conn = std::pin::pin!(http.serve_connection(io, svc).with_upgrades());
            tokio::select! {
                _ = conn.as_mut() => {}
                _ = stopping.changed() => {
                    conn.as_mut().graceful_shutdown();
                    let _ = conn.await;
                }
            }
            drop((permit, address, probing, left));
        });
    }
    drop(listener);
    drop(left);
    let _ = stop.send(());
    if tokio::time::timeout(CLOSE_BOUND, left_tx.closed()).await.is_err() {
        tracing::warn!(bound = ?CLOSE_BOUND, "HTTP connections still open at shutdown: dropped");
    }
    Ok(())
}

/// Open connections per client address.
struct PerAddress {
    max: usize,
    open: Mutex<HashMap<IpAddr, usize>>,
}

impl PerAddress {
    /// A slot for `ip`, None when it holds `max` already.
    fn take(self: &Arc<Self>, ip: IpAddr) -> Option<AddressSlot> {
        let mut open = self.open.lock().unwrap();
        let n = open.entry(ip).or_insert(0);
        if *n >= self.max {
            return None;
        }
        *n += 1;
        Some(AddressSlot { of: self.clone(), ip })
    }
}

/// Gives its address's slot back when the connection ends.
struct AddressSlot {
    of: Arc<PerAddress>,
    ip: IpAddr,
}

impl Drop for AddressSlot {
    fn drop(&mut self) {
        let mut open = self.of.open.lock().unwrap();
        if let Some(n) = open.get_mut(&self.ip) {
            *n -= 1;
            if *n == 0 {
                open.remove(&self.ip);
            }
        }
    }
}

/// A socket whose writes fail once one has waited `deadline` for the client to read: a
/// client that stopped reading (a pipelined flood that never reads its responses, a stalled
/// WebSocket) loses its connection instead of holding it forever.
pub struct WriteDeadline<S> {
    inner: S,
    deadline: Duration,
    stalled: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl<S> WriteDeadline<S> {
    pub fn new(inner: S, deadline: Duration) -> Self {
        WriteDeadline { inner, deadline, stalled: None }
    }

    /// A pending write: start (or check) the clock.
    fn pending<T>(&mut self, cx: &mut Context<'_>) -> Poll<std::io::Result<T>> {
        let deadline = self.deadline;
        let sleep = self.stalled.get_or_insert_with(|| Box::pin(tokio::time::sleep(deadline)));
        match sleep.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                format!("the client read nothing for {deadline:?}"),
            ))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for WriteDeadline<S> {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for WriteDeadline<S> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        match Pin::new(&mut self.inner).poll_write(cx, buf) {
            Poll::Pending => self.pending(cx),
            done => {
                self.stalled = None;
                done
            }
        }
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        match Pin::new(&mut self.inner).poll_write_vectored(cx, bufs) {
            Poll::Pending => self.pending(cx),
            done => {
                self.stalled = None;
                done
            }
        }
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match Pin::new(&mut self.inner).poll_flush(cx) {
            Poll::Pending => self.pending(cx),
            done => {
                self.stalled = None;
                done
            }
        }
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cap_leaves_descriptors_for_everything_else() {
        assert_eq!(fd_aware(50_000, Some(1_048_576)), (50_000, None));
        let (cap, why) = fd_aware(50_000, Some(1024));
        assert_eq!(cap, 1024 - FD_HEADROOM);
        assert!(why.unwrap().contains("ulimit -n"));
        assert_eq!(fd_aware(100, None), (100, None));
    }

    #[test]
    fn each_address_has_its_own_slots() {
        let p = Arc::new(PerAddress { max: 2, open: Mutex::default() });
        let a: IpAddr = "127.0.0.2".parse().unwrap();
        let b: IpAddr = "127.0.0.3".parse().unwrap();
        let (s1, s2) = (p.take(a).unwrap(), p.take(a).unwrap());
        assert!(p.take(a).is_none(), "a third from one address is refused");
        let _other = p.take(b).expect("another address is not");
        drop(s1);
        assert!(p.take(a).is_some(), "a slot comes back when its connection ends");
        drop(s2);
    }
}
