//! One pub/sub connection per node, shared by every follower on it: a follower subscribes
//! to a message's channel and gets its live entries. The connection is re-made (and every
//! channel subscribed again) after Redis restarts, and on the new primary after a Sentinel
//! failover; entries published meanwhile are lost here, which followers make up for by
//! reading the buffer (see `gateway::follow`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::StreamExt;
use tokio::sync::{broadcast, mpsc, oneshot};

/// Live entries a follower has not read yet; past this it is told it lagged and re-reads
/// the buffer.
const FOLLOWER_BACKLOG: usize = 256;

enum Cmd {
    Subscribe(String, oneshot::Sender<()>),
    Unsubscribe(String),
}

/// A subscribed channel: where its entries go, and how many followers hold it.
type Channel = (broadcast::Sender<Arc<str>>, usize);

struct Inner {
    channels: Mutex<HashMap<String, Channel>>,
    cmds: mpsc::UnboundedSender<Cmd>,
}

#[derive(Clone)]
pub struct Subscriber {
    inner: Arc<Inner>,
}

/// A follower's hold on a channel; the channel is unsubscribed when its last holder drops.
pub struct Subscription {
    pub rx: broadcast::Receiver<Arc<str>>,
    channel: String,
    inner: Arc<Inner>,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        let mut channels = self.inner.channels.lock().unwrap();
        if let Some((_, holders)) = channels.get_mut(&self.channel) {
            *holders -= 1;
            if *holders == 0 {
                channels.remove(&self.channel);
                let _ = self.inner.cmds.send(Cmd::Unsubscribe(self.channel.clone()));
            }
        }
    }
}

impl Subscriber {
    pub fn start(primary: super::Primary) -> Subscriber {
        let (cmds, rx) = mpsc::unbounded_channel();
        let inner = Arc::new(Inner { channels: Mutex::new(HashMap::new()), cmds });
        tokio::spawn(run(primary, Arc::downgrade(&inner), rx));
        Subscriber { inner }
    }

    /// Subscribe to `channel`; returns once Redis confirmed the subscription (or after a
    /// bound, when Redis is away: the follower then relies on reading the buffer).
    pub async fn subscribe(&self, channel: &str) -> Subscription {
        let (rx, first) = {
            let mut channels = self.inner.channels.lock().unwrap();
            let entry =
                channels.entry(channel.to_string()).or_insert_with(|| (broadcast::channel(FOLLOWER_BACKLOG).0, 0));
            entry.1 += 1;
            (entry.0.subscribe(), entry.1 == 1)
        };
        if first {
            let (ack, acked) = oneshot::channel();
            if self.inner.cmds.send(Cmd::Subscribe(channel.to_string(), ack)).is_ok() {
                let _ = tokio::time::timeout(Duration::from_millis(500), acked).await;
            }
        }
        Subscription { rx, channel: channel.to_string(), inner: self.inner.clone() }
    }
}

async fn run(primary: super::Primary, inner: std::sync::Weak<Inner>, mut cmds: mpsc::UnboundedReceiver<Cmd>) {
    let mut moves = primary.moves();
    loop {
        moves.borrow_and_update();
        let client = primary.client();
        let pubsub = match tokio::time::timeout(Duration::from_secs(1), client.get_async_pubsub()).await {
            Ok(Ok(p)) => p,
            _ => {
                // Commands that came meanwhile are covered by the resubscription below.
                while let Ok(cmd) = cmds.try_recv() {
                    drop(cmd);
                }
                if inner.strong_count() == 0 {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
                continue;
            }
        };
        let (mut sink, mut stream) = pubsub.split();
        let Some(strong) = inner.upgrade() else { return };
        let wanted: Vec<String> = strong.channels.lock().unwrap().keys().cloned().collect();
        drop(strong);
        if !wanted.is_empty() && sink.subscribe(&wanted).await.is_err() {
            continue;
        }
        loop {
            tokio::select! {
                // The primary moved: subscribe on the new one.
                _ = moves.changed() => break,
                cmd = cmds.recv() => match cmd {
                    None => return,
                    Some(Cmd::Subscribe(ch, ack)) => {
                        if sink.subscribe(&ch).await.is_err() {
                            break;
                        }
                        let _ = ack.send(());
                    }
                    Some(Cmd::Unsubscribe(ch)) => {
                        let still_wanted = inner.upgrade().is_some_and(|i| i.channels.lock().unwrap().contains_key(&ch));
                        if !still_wanted && sink.unsubscribe(&ch).await.is_err() {
                            break;
                        }
                    }
                },
                msg = stream.next() => {
                    let Some(msg) = msg else { break };
                    let Some(strong) = inner.upgrade() else { return };
                    let payload: String = msg.get_payload().unwrap_or_default();
                    let tx = strong.channels.lock().unwrap().get(msg.get_channel_name()).map(|(tx, _)| tx.clone());
                    if let Some(tx) = tx {
                        let _ = tx.send(Arc::from(payload));
                    }
                }
            }
        }
        tracing::warn!("redis pub/sub connection lost; reconnecting");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
