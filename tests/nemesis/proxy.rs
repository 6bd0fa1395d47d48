//! A TCP proxy in front of one service (a broker, a Redis node, a sentinel). Every process
//! of the cluster reaches the service through it (brokers and Redis nodes announce the
//! proxy's address), and it can cut one process off — blackhole (bytes held, nothing
//! answered), delay, or reset — and heal it. Which process a connection belongs to is read
//! from /proc: the owner of the socket at the other end. Loopback only.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Pass,
    /// Accept and hold: nothing is forwarded either way until healed (a partition).
    Blackhole,
    /// Every read forwarded this much later.
    Delay(Duration),
    /// Every connection of the process closed at once, new ones closed on accept.
    Reset,
}

#[derive(Default)]
struct Rules {
    /// Mode per process id; absent: pass.
    by_pid: HashMap<u32, Mode>,
}

pub struct Proxy {
    pub port: u16,
    rules: Arc<Mutex<Rules>>,
    changed: watch::Sender<u64>,
    task: tokio::task::JoinHandle<()>,
}

impl Proxy {
    /// A proxy on a free loopback port forwarding to 127.0.0.1:`target`.
    pub async fn start(target: u16) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let rules = Arc::new(Mutex::new(Rules::default()));
        let (changed, _) = watch::channel(0u64);
        let (r, c) = (rules.clone(), changed.clone());
        let task = tokio::spawn(async move {
            loop {
                let Ok((client, peer)) = listener.accept().await else { continue };
                let (r, c) = (r.clone(), c.clone());
                tokio::spawn(async move { serve(client, peer, port, target, r, c).await });
            }
        });
        Proxy { port, rules, changed, task }
    }

    /// Cut process `pid` off this service in `mode` (Pass heals it).
    pub fn set(&self, pid: u32, mode: Mode) {
        {
            let mut r = self.rules.lock().unwrap();
            if mode == Mode::Pass {
                r.by_pid.remove(&pid);
            } else {
                r.by_pid.insert(pid, mode);
            }
        }
        self.changed.send_modify(|g| *g += 1);
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn mode_of(rules: &Mutex<Rules>, owner: Option<u32>) -> Mode {
    owner.and_then(|p| rules.lock().unwrap().by_pid.get(&p).copied()).unwrap_or(Mode::Pass)
}

async fn serve(
    client: TcpStream,
    peer: SocketAddr,
    port: u16,
    target: u16,
    rules: Arc<Mutex<Rules>>,
    changed: watch::Sender<u64>,
) {
    let _ = client.set_nodelay(true);
    let owner = tokio::task::spawn_blocking(move || owner_of(peer.port(), port)).await.ok().flatten();
    let mut rx = changed.subscribe();
    // Held while cut off: a blackholed connect gets no answer until healed.
    loop {
        match mode_of(&rules, owner) {
            Mode::Reset => return,
            Mode::Blackhole => {
                if rx.changed().await.is_err() {
                    return;
                }
            }
            _ => break,
        }
    }
    let Ok(upstream) = TcpStream::connect(("127.0.0.1", target)).await else { return };
    let _ = upstream.set_nodelay(true);
    let (cr, cw) = client.into_split();
    let (ur, uw) = upstream.into_split();
    let a = pump(cr, uw, owner, rules.clone(), changed.subscribe());
    let b = pump(ur, cw, owner, rules, changed.subscribe());
    // Either side ending (or a reset) ends both.
    tokio::select! { _ = a => {}, _ = b => {} }
}

async fn pump(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    owner: Option<u32>,
    rules: Arc<Mutex<Rules>>,
    mut changed: watch::Receiver<u64>,
) {
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = tokio::select! {
            r = from.read(&mut buf) => match r { Ok(0) | Err(_) => return, Ok(n) => n },
            c = changed.changed() => {
                if c.is_err() || mode_of(&rules, owner) == Mode::Reset {
                    return;
                }
                continue;
            }
        };
        loop {
            match mode_of(&rules, owner) {
                Mode::Pass => break,
                Mode::Delay(d) => {
                    tokio::time::sleep(d).await;
                    break;
                }
                Mode::Reset => return,
                Mode::Blackhole => {
                    if changed.changed().await.is_err() {
                        return;
                    }
                }
            }
        }
        if to.write_all(&buf[..n]).await.is_err() {
            return;
        }
    }
}

/// The process that owns the socket whose local port is `peer_port`, connected to our
/// `port` (from /proc/net/tcp, then each process's descriptors). Blocking.
pub fn owner_of(peer_port: u16, port: u16) -> Option<u32> {
    let table = std::fs::read_to_string("/proc/net/tcp").ok()?;
    let inode = table.lines().skip(1).find_map(|l| {
        let f: Vec<&str> = l.split_whitespace().collect();
        let local = u16::from_str_radix(f.get(1)?.rsplit(':').next()?, 16).ok()?;
        let remote = u16::from_str_radix(f.get(2)?.rsplit(':').next()?, 16).ok()?;
        (local == peer_port && remote == port).then(|| f.get(9).map(|s| s.to_string())).flatten()
    })?;
    let want = format!("socket:[{inode}]");
    for p in std::fs::read_dir("/proc").ok()?.flatten() {
        let Some(pid) = p.file_name().to_str().and_then(|s| s.parse::<u32>().ok()) else { continue };
        let Ok(fds) = std::fs::read_dir(p.path().join("fd")) else { continue };
        for fd in fds.flatten() {
            if std::fs::read_link(fd.path()).is_ok_and(|l| l.to_str() == Some(want.as_str())) {
                return Some(pid);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    async fn echo() -> u16 {
        let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = l.local_addr().unwrap().port();
        tokio::spawn(async move {
            loop {
                let (mut s, _) = l.accept().await.unwrap();
                tokio::spawn(async move {
                    let mut b = [0u8; 1024];
                    while let Ok(n) = s.read(&mut b).await {
                        if n == 0 || s.write_all(&b[..n]).await.is_err() {
                            return;
                        }
                    }
                });
            }
        });
        port
    }

    async fn round_trip(s: &mut TcpStream) -> bool {
        s.write_all(b"ping").await.unwrap();
        let mut b = [0u8; 4];
        matches!(tokio::time::timeout(Duration::from_millis(500), s.read_exact(&mut b)).await, Ok(Ok(_)))
    }

    /// The proxy knows this very process as the owner, cuts it off, and heals it.
    #[tokio::test]
    async fn the_proxy_cuts_one_process_and_heals_it() {
        let p = Proxy::start(echo().await).await;
        let me = std::process::id();
        let mut s = TcpStream::connect(("127.0.0.1", p.port)).await.unwrap();
        assert!(round_trip(&mut s).await, "passes");
        let (local, remote) = (s.local_addr().unwrap().port(), s.peer_addr().unwrap().port());
        let owner = tokio::task::spawn_blocking(move || owner_of(local, remote)).await.unwrap();
        assert_eq!(owner, Some(me));
        p.set(me, Mode::Blackhole);
        assert!(!round_trip(&mut s).await, "held while blackholed");
        p.set(me, Mode::Pass);
        let mut b = [0u8; 4];
        tokio::time::timeout(Duration::from_secs(2), s.read_exact(&mut b)).await.unwrap().unwrap();
        assert_eq!(&b, b"ping", "the held bytes delivered once healed");
        p.set(me, Mode::Reset);
        let mut b = [0u8; 1];
        let r = tokio::time::timeout(Duration::from_secs(2), s.read(&mut b)).await.unwrap();
        assert!(matches!(r, Ok(0) | Err(_)), "reset closes the connection");
        p.set(me, Mode::Pass);
        let mut s = TcpStream::connect(("127.0.0.1", p.port)).await.unwrap();
        assert!(round_trip(&mut s).await, "passes again");
    }
}
