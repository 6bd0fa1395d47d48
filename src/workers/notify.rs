//! The notifier (`chatctl-notify`, one group cluster-wide): alerts on failed streams
//! (STREAM_ERROR) and on slow answers (STREAM_COMPLETED over the SLA), grouped the way
//! Alertmanager groups: per kind, node and code, over windows of event time. The first
//! occurrence in a window is alerted at once; what follows in the window is reported by a
//! digest with counts once the window has ended, so a storm of 5,000 failures is a handful
//! of messages whose counts add up to 5,000.
//!
//! Grouping state lives in the store, keyed by eventId (`store/alerts.rs`): a restarted
//! worker neither counts an occurrence twice nor alerts a window twice, and a window being
//! notified is claimed with a lease, so the digest sweeper of two nodes never sends it twice.
//! Replayed records (header `chatctl-replay`) are never alerted. Channels: a webhook (JSON,
//! or a Slack-compatible body) carrying `Idempotency-Key`, and email over SMTP (lettre);
//! both retried with backoff; an unreachable channel is "unavailable" (the record waits,
//! never dead-lettered).

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::future::BoxFuture;
use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use serde::{Deserialize, Serialize};

use super::{Handler, HandlerError, Record};
use crate::events::{Event, Payload, STREAM_EVENTS};
use crate::store::{AlertWindow, Occurrence, Store};

/// What a webhook receives (the JSON format).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Alert {
    /// Unique per message: `<window>#<n>`; also the Idempotency-Key and the email Message-ID.
    pub alert_id: String,
    /// "error" or "slow".
    pub kind: String,
    /// "firing" (the window's first message) or "digest".
    pub status: String,
    pub node_id: String,
    /// The STREAM_ERROR errorCode, or "SLA".
    pub code: String,
    /// Occurrences this message reports (not reported by an earlier one).
    pub count: i64,
    /// Occurrences in the window so far.
    pub total: i64,
    pub window_start: String,
    pub window_end: String,
    pub first_event_id: String,
    /// The first occurrence, in words.
    pub detail: String,
    /// One line for people (the Slack body, the email subject).
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WebhookFormat {
    /// The Alert as JSON
    #[default]
    Json,
    /// `{"text": "..."}`, for Slack incoming webhooks and compatible receivers
    Slack,
}

/// Where alerts go.
pub enum Channel {
    Webhook { url: String, format: WebhookFormat, client: reqwest::Client },
    Email { transport: Box<AsyncSmtpTransport<Tokio1Executor>>, from: Mailbox, to: Vec<Mailbox>, url: String },
}

impl Channel {
    pub fn webhook(url: &str, format: WebhookFormat) -> crate::error::Result<Channel> {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| crate::error::Error::Config(format!("webhook client: {e}")))?;
        Ok(Channel::Webhook { url: url.to_string(), format, client })
    }

    /// `smtp://host:port` (plain), `smtp://host:port?tls=required` (STARTTLS) or
    /// `smtps://host:port`, with optional `user:password@`.
    pub fn email(url: &str, from: &str, to: &[String]) -> crate::error::Result<Channel> {
        let bad = |what: &str, e: &dyn std::fmt::Display| crate::error::Error::usage(format!("{what}: {e}"));
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| bad("bad --smtp-url", &e))?
            .timeout(Some(Duration::from_secs(10)))
            .build();
        let from: Mailbox = from.parse().map_err(|e| bad("bad --alert-from", &e))?;
        let to = to
            .iter()
            .map(|t| t.parse::<Mailbox>())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| bad("bad --alert-to", &e))?;
        if to.is_empty() {
            return Err(crate::error::Error::usage("--smtp-url needs at least one --alert-to"));
        }
        Ok(Channel::Email { transport: Box::new(transport), from, to, url: url.to_string() })
    }

    fn name(&self) -> String {
        match self {
            Channel::Webhook { url, .. } => format!("webhook {}", crate::security::redact_text(url)),
            Channel::Email { url, .. } => format!("smtp {}", crate::security::redact_text(url)),
        }
    }

    /// The channel's address as errors and logs may show it (no credentials, no path).
    fn shown(&self) -> String {
        match self {
            Channel::Webhook { url, .. } | Channel::Email { url, .. } => crate::security::redact_text(url),
        }
    }

    async fn send(&self, alert: &Alert) -> Result<(), HandlerError> {
        let shown = self.shown();
        match self {
            Channel::Webhook { url, format, client } => {
                let req = client.post(url).header("Idempotency-Key", &alert.alert_id);
                let req = match format {
                    WebhookFormat::Json => req.json(alert),
                    WebhookFormat::Slack => req.json(&serde_json::json!({ "text": alert.text })),
                };
                let answer = req.send().await.map_err(|e| {
                    // No answer at all (refused, unreachable): the endpoint is down.
                    if e.is_connect() {
                        HandlerError::Unavailable(format!(
                            "webhook {shown}: {}",
                            crate::security::redact_text(&e.to_string())
                        ))
                    } else {
                        HandlerError::Transient(format!(
                            "webhook {shown}: {}",
                            crate::security::redact_text(&e.to_string())
                        ))
                    }
                })?;
                let status = answer.status();
                if status.is_success() {
                    Ok(())
                } else if status.is_server_error() || status.as_u16() == 429 {
                    Err(HandlerError::Transient(format!("webhook {shown} answered {status}")))
                } else {
                    Err(HandlerError::Permanent(format!("webhook {shown} refused the alert: {status}")))
                }
            }
            Channel::Email { transport, from, to, .. } => {
                let mut b = lettre::Message::builder()
                    .from(from.clone())
                    .subject(alert.text.clone())
                    .message_id(Some(format!("<{}@chatctl>", alert.alert_id.replace(['|', '#', ' '], "."))))
                    .header(ContentType::TEXT_PLAIN);
                for t in to {
                    b = b.to(t.clone());
                }
                let body = format!(
                    "{}\n\nkind: {}\nstatus: {}\nnode: {}\ncode: {}\ncount: {} ({} in the window so far)\nwindow: {} .. {}\nfirst: {} ({})\n",
                    alert.text,
                    alert.kind,
                    alert.status,
                    alert.node_id,
                    alert.code,
                    alert.count,
                    alert.total,
                    alert.window_start,
                    alert.window_end,
                    alert.detail,
                    alert.first_event_id
                );
                let message = b.body(body).map_err(|e| HandlerError::Permanent(format!("alert email: {e}")))?;
                transport.send(message).await.map(drop).map_err(|e| {
                    if e.is_permanent() {
                        HandlerError::Permanent(format!("smtp {shown} refused the alert: {e}"))
                    } else if e.is_transient() || e.is_timeout() {
                        HandlerError::Transient(format!("smtp {shown}: {e}"))
                    } else {
                        HandlerError::Unavailable(format!("smtp {shown}: {e}"))
                    }
                })
            }
        }
    }
}

#[derive(Debug, Clone)]
pub struct AlertSettings {
    /// A completed answer slower than this is a slow-answer alert.
    pub sla: Duration,
    /// Occurrences are grouped over windows of this length (event time).
    pub window: Duration,
    /// A window's digest waits this long past its end for stragglers.
    pub grace: Duration,
    /// How often the sweeper looks for digests due.
    pub sweep: Duration,
}

impl Default for AlertSettings {
    fn default() -> Self {
        AlertSettings {
            sla: Duration::from_secs(10),
            window: Duration::from_secs(300),
            grace: Duration::from_secs(2),
            sweep: Duration::from_secs(1),
        }
    }
}

/// How long a claim on a window lasts (a sender that dies mid-send is replaced after it).
const LEASE_MS: i64 = 30_000;
/// The first wait between two attempts on a channel (doubling, jittered: `crate::retry`).
const SEND_BACKOFF: Duration = Duration::from_millis(500);

/// Attempts per channel within one send, with backoff.
const SEND_ATTEMPTS: u32 = 3;

struct Inner {
    store: Store,
    channels: Vec<Channel>,
    settings: AlertSettings,
    /// Windows whose first alert this process has seen sent: their occurrences only count.
    fired: Mutex<HashSet<String>>,
    /// Per message id: the channels that already took it (a retry skips them).
    delivered: Mutex<HashMap<String, HashSet<usize>>>,
}

#[derive(Clone)]
pub struct Notify {
    inner: Arc<Inner>,
}

fn rfc3339(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

impl Notify {
    pub fn new(store: Store, channels: Vec<Channel>, settings: AlertSettings) -> Notify {
        Notify {
            inner: Arc::new(Inner {
                store,
                channels,
                settings,
                fired: Mutex::new(HashSet::new()),
                delivered: Mutex::new(HashMap::new()),
            }),
        }
    }

    /// Start the sweeper that sends digests (and first alerts a crashed sender left).
    pub fn spawn_sweeper(&self) -> tokio::task::JoinHandle<()> {
        let me = self.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(me.inner.settings.sweep).await;
                if let Err(e) = me.sweep().await {
                    tracing::warn!(error = %e, "alert sweep failed; retrying");
                }
            }
        })
    }

    /// One pass: every window with something to send.
    pub async fn sweep(&self) -> Result<usize, HandlerError> {
        let s = &self.inner.settings;
        let now = chrono::Utc::now().timestamp_millis();
        let settle = (s.window + s.grace).as_millis() as i64;
        let due = self.inner.store.alerts_due(now, settle).await.map_err(HandlerError::from)?;
        let mut sent = 0;
        for key in due {
            sent += self.notify_window(&key, true).await? as usize;
        }
        Ok(sent)
    }

    /// The occurrence `event` stands for, if any.
    fn occurrence(&self, event: &Event) -> Option<Occurrence> {
        let s = &self.inner.settings;
        let (kind, code, detail) = match &event.payload {
            Payload::StreamError(e) => (
                "error",
                e.error_code.clone(),
                format!("{} (session {}, message {})", e.error, event.session_id, e.message_id),
            ),
            Payload::StreamCompleted(c) if c.total_latency_ms > s.sla.as_millis() as u64 => (
                "slow",
                "SLA".to_string(),
                format!(
                    "message {} took {:.1} s (SLA {:.1} s; session {})",
                    c.message_id,
                    c.total_latency_ms as f64 / 1000.0,
                    s.sla.as_secs_f64(),
                    event.session_id
                ),
            ),
            _ => return None,
        };
        let ts_ms = event.timestamp.timestamp_millis();
        let window = (s.window.as_millis() as i64).max(1);
        Some(Occurrence {
            event_id: event.event_id.to_string(),
            kind: kind.into(),
            node_id: event.metadata.node_id.clone(),
            code,
            ts_ms,
            window_ms: ts_ms.div_euclid(window) * window,
            detail,
        })
    }

    /// Claim `key` and send what it owes: the first alert, or (with `digest`) a digest of
    /// what no message counted yet. True when something was sent.
    async fn notify_window(&self, key: &str, digest: bool) -> Result<bool, HandlerError> {
        let store = &self.inner.store;
        let now = chrono::Utc::now().timestamp_millis();
        let Some(w) = store.alert_claim(key, now, LEASE_MS).await.map_err(HandlerError::from)? else {
            return Ok(false); // someone else is sending it
        };
        // A message a dead sender left half-sent goes again, unchanged (receivers drop the
        // second copy by its id); otherwise a new one, its total kept before it is sent.
        let total = if w.pending > 0 {
            w.pending
        } else {
            if (w.first_sent && !digest) || w.count <= w.notified {
                if w.first_sent {
                    self.inner.fired.lock().unwrap().insert(key.to_string());
                }
                store.alert_release(key).await.map_err(HandlerError::from)?;
                return Ok(false);
            }
            store.alert_pending(key, w.count).await.map_err(HandlerError::from)?;
            w.count
        };
        let alert = self.alert(&w, total);
        if let Err(e) = self.deliver(&alert).await {
            let _ = store.alert_release(key).await;
            return Err(e);
        }
        store.alert_sent(key, total).await.map_err(HandlerError::from)?;
        self.inner.delivered.lock().unwrap().remove(&alert.alert_id);
        self.inner.fired.lock().unwrap().insert(key.to_string());
        Ok(true)
    }

    /// The message about `w` that brings its count to `total`.
    fn alert(&self, w: &AlertWindow, total: i64) -> Alert {
        let window_end = w.window_ms + self.inner.settings.window.as_millis() as i64;
        let what = match w.kind.as_str() {
            "slow" => "slow answers".to_string(),
            _ => format!("stream errors {}", w.code),
        };
        let count = total - w.notified;
        let text = if w.first_sent {
            format!(
                "[chatctl] {what} on node {}: {count} more between {} and {} ({} in all)",
                w.node_id,
                rfc3339(w.window_ms),
                rfc3339(window_end),
                total
            )
        } else if count == 1 {
            format!("[chatctl] {what} on node {}: {}", w.node_id, w.detail)
        } else {
            format!(
                "[chatctl] {what} on node {}: {count} since {}; first: {}",
                w.node_id,
                rfc3339(w.first_ms),
                w.detail
            )
        };
        Alert {
            alert_id: format!("{}#{}", w.window_key, w.messages + 1),
            kind: w.kind.clone(),
            status: if w.first_sent { "digest" } else { "firing" }.into(),
            node_id: w.node_id.clone(),
            code: w.code.clone(),
            count,
            total,
            window_start: rfc3339(w.window_ms),
            window_end: rfc3339(window_end),
            first_event_id: w.first_event_id.clone(),
            detail: w.detail.clone(),
            text,
        }
    }

    /// Send `alert` on every channel that has not taken it yet, each retried with backoff.
    async fn deliver(&self, alert: &Alert) -> Result<(), HandlerError> {
        for (i, channel) in self.inner.channels.iter().enumerate() {
            let done = self.inner.delivered.lock().unwrap().get(&alert.alert_id).is_some_and(|d| d.contains(&i));
            if done {
                continue;
            }
            let mut attempt = 0;
            let mut waits = crate::retry::delays(SEND_BACKOFF, SEND_BACKOFF * 4);
            loop {
                attempt += 1;
                match channel.send(alert).await {
                    Ok(()) => break,
                    Err(HandlerError::Permanent(e)) => return Err(HandlerError::Permanent(e)),
                    Err(e) if attempt >= SEND_ATTEMPTS => {
                        tracing::warn!(channel = %channel.name(), alert = %alert.alert_id, error = %e, "alert not sent");
                        return Err(e);
                    }
                    Err(_) => tokio::time::sleep(crate::retry::next(&mut waits, SEND_BACKOFF * 4)).await,
                }
            }
            self.inner.delivered.lock().unwrap().entry(alert.alert_id.clone()).or_default().insert(i);
        }
        Ok(())
    }
}

impl Handler for Notify {
    fn name(&self) -> &'static str {
        "chatctl-notify"
    }

    fn topics(&self) -> Vec<String> {
        vec![STREAM_EVENTS.into()]
    }

    fn handle<'a>(&'a self, event: &'a Event, rec: &'a Record) -> BoxFuture<'a, Result<(), HandlerError>> {
        Box::pin(async move {
            if rec.is_replay() {
                return Ok(()); // side effects are never repeated by a replay
            }
            let Some(o) = self.occurrence(event) else { return Ok(()) };
            self.inner.store.alert_occurrence(&o).await.map_err(HandlerError::from)?;
            let key = o.window_key();
            if self.inner.fired.lock().unwrap().contains(&key) {
                return Ok(()); // counted; the window's digest reports it
            }
            self.notify_window(&key, false).await.map(drop)
        })
    }
}
