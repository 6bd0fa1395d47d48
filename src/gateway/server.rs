//! The HTTP side: `/ws`, `/healthz`, `/readyz`, `/metrics` and the chat page at `/`.
//! Takes a bound listener and a shutdown future, so tests bind port 0 and stop cleanly.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{ConnectInfo, Query, State, WebSocketUpgrade};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use futures_util::StreamExt;
use serde::Deserialize;
use tokio::net::TcpListener;

use super::{accept, ChatOrigin, Gateway, Refusal};

const PAGE: &str = include_str!("page.html");

/// The longest User-Agent kept (bytes); longer ones are cut at a character boundary.
pub const MAX_USER_AGENT: usize = 256;

/// `s` cut to at most `max` bytes at a character boundary.
pub fn clip(s: &str, max: usize) -> String {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_string()
}

/// The public listener: the chat page, the WebSocket, and health for load balancers.
/// `/metrics` is not here (see [`ops_router`]).
pub fn router(gw: Arc<Gateway>) -> Router {
    Router::new()
        .route("/", get(|| async { Html(PAGE) }))
        .route("/ws", get(ws))
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/readyz", get(readyz))
        .with_state(gw)
}

/// The operations listener (`--metrics-listen`, loopback by default): `/metrics`, and
/// health again so that one port serves a scraper and a probe.
pub fn ops_router(gw: Arc<Gateway>) -> Router {
    Router::new()
        .route("/metrics", get(metrics))
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/readyz", get(readyz))
        .with_state(gw)
}

/// How long a client may take to send a request's headers (the first, and each next one
/// on a kept-alive connection) before it is cut off. A slowloris holding sockets open with
/// a header that never ends costs a socket for this long at most.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// Serve until `shutdown` resolves; then stop accepting connections and let the HTTP
/// exchanges in progress finish (bounded: [`accept::CLOSE_BOUND`]). Headers must arrive
/// within `header_timeout`. TCP connections beyond the node's cap (`max_connections` and a
/// tenth, never more than the open-files limit allows) or beyond
/// `max_connections_per_address` from one client are closed at accept, before they cost a
/// task (a connection counts until it upgrades to a WebSocket, when the gateway's own
/// connection limits take over); past the cap, a few more are served `/healthz` and
/// `/readyz` only, so a load balancer's probes still get an answer.
pub async fn serve(
    listener: TcpListener,
    gw: Arc<Gateway>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let wanted = gw.limits.max_connections + gw.limits.max_connections / 10 + 64;
    let (total, lowered) = accept::fd_aware(wanted, accept::open_files_limit());
    if let Some(why) = lowered {
        tracing::warn!("{why}");
    }
    let caps = accept::Caps {
        total,
        per_address: gw.limits.max_connections_per_address,
        probe_reserve: PROBE_RESERVE,
        write_deadline: gw.limits.write_timeout,
    };
    let header_timeout = gw.limits.header_read_timeout;
    let probe = Router::new()
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/readyz", get(readyz))
        .fallback(|| async {
            (StatusCode::SERVICE_UNAVAILABLE, [(header::RETRY_AFTER, "1")], "node at its connection limit\n")
        })
        .with_state(gw.clone());
    accept::serve_router(listener, router(gw), Some(probe), header_timeout, caps, shutdown).await
}

/// Connections a full node still accepts for `/healthz` and `/readyz` alone.
pub const PROBE_RESERVE: usize = 32;

/// [`accept::serve_router`] for a small internal listener (metrics, a worker's health).
pub async fn serve_router(
    listener: TcpListener,
    app: Router,
    header_timeout: Duration,
    max_connections: usize,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    accept::serve_router(listener, app, None, header_timeout, accept::Caps::internal(max_connections), shutdown).await
}

#[derive(Deserialize)]
struct WsQuery {
    token: Option<String>,
    /// Only honoured with --insecure-dev-auth.
    user: Option<String>,
}

async fn ws(
    State(gw): State<Arc<Gateway>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Query(q): Query<WsQuery>,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Response {
    if let Err(why) = origin_allowed(&headers, &gw.limits.allowed_origins) {
        return (StatusCode::FORBIDDEN, format!("{why}\n")).into_response();
    }
    // The token: `Authorization: Bearer` (programs), the WebSocket subprotocol
    // `chatctl.bearer.<token>` beside `chatctl` (browsers, which cannot set headers: no
    // token in a URL, its history or a Referer), or `?token=` (older clients).
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::to_owned)
        .or_else(|| subprotocol_token(&headers));
    if matches!(gw.auth, super::auth::Auth::InsecureDev) {
        if let Err(why) = dev_auth_allowed(&headers) {
            return (StatusCode::FORBIDDEN, format!("{why}\n")).into_response();
        }
    }
    let user = match gw.auth.user(bearer.as_deref().or(q.token.as_deref()), q.user.as_deref()) {
        Ok(u) => u,
        Err(e) => return (StatusCode::UNAUTHORIZED, format!("{e}\n")).into_response(),
    };
    if gw.is_draining() {
        return (StatusCode::SERVICE_UNAVAILABLE, [(header::RETRY_AFTER, "1")], "draining\n").into_response();
    }
    let slot = match gw.admit_connection(&user) {
        Ok(slot) => slot,
        Err(Refusal::NodeFull) => {
            return (StatusCode::SERVICE_UNAVAILABLE, [(header::RETRY_AFTER, "1")], "node at its connection limit\n")
                .into_response()
        }
        Err(Refusal::UserLimit) => {
            return (
                StatusCode::TOO_MANY_REQUESTS,
                [(header::RETRY_AFTER, "5")],
                "too many connections for this user\n",
            )
                .into_response()
        }
    };
    let origin = ChatOrigin {
        session_id: uuid::Uuid::now_v7().to_string(),
        user_id: user,
        client_ip: Some(peer.ip().to_string()),
        // Copied into every chunk's event and into Redis: bounded like any client input.
        user_agent: headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).map(|ua| clip(ua, MAX_USER_AGENT)),
    };
    // Frames far beyond the limit are abuse: the WebSocket layer closes the connection.
    // Frames just over it get a FRAME_TOO_LARGE error and the connection stays.
    let hard_cap = gw.limits.max_frame_bytes * 4;
    // Small socket buffers: tungstenite's defaults (128 KiB each way) would make an idle
    // connection cost ~140 KiB; frames here are small and buffers grow when needed.
    upgrade
        .protocols([SUBPROTOCOL])
        .read_buffer_size(2 * 1024)
        .write_buffer_size(0)
        .max_message_size(hard_cap)
        .max_frame_size(hard_cap)
        .on_upgrade(move |socket| async move {
            let (sink, stream) = socket.split();
            super::connection::run(gw, origin, sink, stream).await;
            drop(slot);
        })
}

/// Cross-site WebSocket hijacking guard: a browser always sends Origin, so a page on
/// another site cannot open /ws with the user's cookies or stored token unless its origin
/// is allowed. No Origin (a CLI, a server): allowed, the token decides.
pub fn origin_allowed(headers: &HeaderMap, allowed: &[String]) -> Result<(), String> {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else { return Ok(()) };
    if allowed.iter().any(|a| a == "*" || a.eq_ignore_ascii_case(origin)) {
        return Ok(());
    }
    if allowed.is_empty() {
        let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or_default();
        let origin_host = origin.split_once("://").map(|(_, h)| h).unwrap_or(origin);
        if !host.is_empty() && origin_host.eq_ignore_ascii_case(host) {
            return Ok(());
        }
    }
    Err(format!("origin {origin} is not allowed (--allowed-origins)"))
}

/// The WebSocket subprotocol chatctl answers with; a client carries its token as a second
/// one, `chatctl.bearer.<token>` (a JWT's characters are all valid there).
pub const SUBPROTOCOL: &str = "chatctl";

/// The token a client offered as the subprotocol `chatctl.bearer.<token>`.
fn subprotocol_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::SEC_WEBSOCKET_PROTOCOL)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .find_map(|p| p.trim().strip_prefix("chatctl.bearer.").map(str::to_string))
}

/// `--insecure-dev-auth` serves this machine only. The listener is loopback, but a proxy on
/// this machine (the documented nginx) brings other hosts' traffic to it, and a web page
/// can point a name it controls at 127.0.0.1 (DNS rebinding). So every address a proxy
/// forwarded for (`X-Forwarded-For`, `X-Real-IP`, `Forwarded: for=`) must be loopback, and
/// the `Host` the browser asked for must name this machine (`localhost`, `127.x.x.x`, `[::1]`).
pub fn dev_auth_allowed(headers: &HeaderMap) -> Result<(), String> {
    let text = |name: &str| headers.get_all(name).iter().filter_map(|v| v.to_str().ok()).collect::<Vec<_>>().join(",");
    let loopback = |addr: &str| {
        let a = addr.trim().trim_matches('"');
        let a = a.strip_prefix('[').and_then(|r| r.split_once(']')).map(|(ip, _)| ip).unwrap_or(a);
        let a = match a.parse::<std::net::IpAddr>() {
            Ok(ip) => return ip.is_loopback(),
            Err(_) => a.rsplit_once(':').map(|(h, _)| h).unwrap_or(a),
        };
        a.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
    };
    let forwarded_for = text("forwarded")
        .split([',', ';'])
        .filter_map(|p| p.trim().strip_prefix("for=").map(str::to_string))
        .chain(text("x-forwarded-for").split(',').filter(|s| !s.trim().is_empty()).map(str::to_string))
        .chain(text("x-real-ip").split(',').filter(|s| !s.trim().is_empty()).map(str::to_string))
        .find(|a| !loopback(a));
    if let Some(a) = forwarded_for {
        return Err(format!(
            "--insecure-dev-auth serves this machine only, and a proxy forwarded this request for {}: use tokens (--jwt-secret)",
            a.trim()
        ));
    }
    let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split_once(']').map(|(ip, _)| ip).unwrap_or(rest),
        None => host.rsplit_once(':').map(|(h, _)| h).unwrap_or(host),
    };
    if name.eq_ignore_ascii_case("localhost") || name.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback()) {
        return Ok(());
    }
    Err(format!("--insecure-dev-auth answers only a Host naming this machine (localhost, 127.0.0.1), not {host:?}"))
}

/// Ready unless draining, Redis unreachable or the event queue backed up (behind Sentinel,
/// ready with a `redis degraded:` line when the sentinels could not fail over). The Redis check
/// runs at most once a second whatever the request rate (one ping, shared), and a failure
/// says which dependency is down, never its error text (that goes to the log).
async fn readyz(State(gw): State<Arc<Gateway>>) -> Response {
    if gw.is_draining() {
        return (StatusCode::SERVICE_UNAVAILABLE, "draining\n").into_response();
    }
    if let Some(buf) = &gw.buffer {
        let mut last = gw.redis_ready.lock().await;
        let fresh = last.is_some_and(|(at, _)| at.elapsed() < READY_CACHE);
        if !fresh {
            let ok = match tokio::time::timeout(Duration::from_secs(1), buf.ping()).await {
                Ok(Ok(())) => true,
                Ok(Err(e)) => {
                    tracing::warn!(error = %crate::security::redact_text(&e.to_string()), "readyz: redis ping failed");
                    false
                }
                Err(_) => {
                    tracing::warn!("readyz: redis ping timed out");
                    false
                }
            };
            *last = Some((std::time::Instant::now(), ok));
        }
        if last.is_some_and(|(_, ok)| !ok) {
            return (StatusCode::SERVICE_UNAVAILABLE, "redis unreachable\n").into_response();
        }
    }
    if !gw.publisher.admit() {
        return (StatusCode::SERVICE_UNAVAILABLE, "event queue backed up\n").into_response();
    }
    // Behind Sentinel or Cluster, a node still serves when a failover could not happen or
    // no replica is up, but says so (a load balancer reads the status, an operator the line).
    match gw.buffer.as_ref().and_then(|b| b.primary().degraded()) {
        Some(why) => format!("ready; redis degraded: {why}\n").into_response(),
        None => "ready\n".into_response(),
    }
}

/// How long a `/readyz` Redis check is reused.
pub const READY_CACHE: Duration = Duration::from_secs(1);

async fn metrics(State(gw): State<Arc<Gateway>>) -> Response {
    gw.metrics.events_queue_depth.set(gw.publisher.depth());
    if let Some(buf) = &gw.buffer {
        let primary = buf.primary();
        gw.metrics.redis_primary_changes.set(primary.failovers() as i64);
        gw.metrics.redis_sentinels_unreachable.set(primary.sentinels_unreachable() as i64);
        if primary.is_sentinel() || primary.is_cluster() {
            let health = primary.sentinel_health();
            gw.metrics.redis_failover_ready.set(health.failover_ready.unwrap_or(true) as i64);
            gw.metrics.redis_replicas_up.set(health.replicas_up.map_or(-1, i64::from));
        }
    }
    ([(header::CONTENT_TYPE, "application/openmetrics-text; version=1.0.0; charset=utf-8")], gw.metrics.render())
        .into_response()
}

/// The HTTP side of a worker-only node: health and metrics.
pub fn worker_router(metrics: Arc<crate::metrics::Metrics>) -> Router {
    Router::new()
        .route("/healthz", get(|| async { "ok\n" }))
        .route(
            "/metrics",
            get(|State(m): State<Arc<crate::metrics::Metrics>>| async move {
                ([(header::CONTENT_TYPE, "application/openmetrics-text; version=1.0.0; charset=utf-8")], m.render())
            }),
        )
        .with_state(metrics)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(pairs: &[(header::HeaderName, &str)]) -> HeaderMap {
        pairs.iter().map(|(k, v)| (k.clone(), v.parse().unwrap())).collect()
    }

    #[test]
    fn dev_auth_serves_this_machine_only() {
        let xff = header::HeaderName::from_static("x-forwarded-for");
        let fwd = header::HeaderName::from_static("forwarded");
        assert!(dev_auth_allowed(&h(&[(header::HOST, "127.0.0.1:8080")])).is_ok());
        assert!(dev_auth_allowed(&h(&[(header::HOST, "localhost:8080")])).is_ok());
        assert!(dev_auth_allowed(&h(&[(header::HOST, "[::1]:8080")])).is_ok());
        // DNS rebinding: a page's own name pointed at 127.0.0.1.
        let rebound = dev_auth_allowed(&h(&[(header::HOST, "attacker.example:8080")])).unwrap_err();
        assert!(rebound.contains("attacker.example"), "{rebound}");
        // Behind the documented nginx: public traffic is forwarded for its real address.
        let proxied = h(&[(header::HOST, "127.0.0.1:8080"), (xff.clone(), "203.0.113.7, 127.0.0.1")]);
        assert!(dev_auth_allowed(&proxied).unwrap_err().contains("203.0.113.7"));
        let proxied = h(&[(header::HOST, "127.0.0.1"), (fwd, "for=\"[2001:db8::1]:4711\";proto=http")]);
        assert!(dev_auth_allowed(&proxied).is_err());
        // A local client through a local proxy is still this machine.
        assert!(dev_auth_allowed(&h(&[(header::HOST, "127.0.0.1:8080"), (xff, "127.0.0.1")])).is_ok());
    }

    #[test]
    fn origins_same_host_by_default_listed_or_any_when_configured() {
        let same = h(&[(header::ORIGIN, "http://chat.example:8080"), (header::HOST, "chat.example:8080")]);
        let other = h(&[(header::ORIGIN, "https://evil.example"), (header::HOST, "chat.example:8080")]);
        assert!(origin_allowed(&same, &[]).is_ok());
        assert!(origin_allowed(&other, &[]).unwrap_err().contains("evil.example"));
        assert!(origin_allowed(&h(&[(header::HOST, "x")]), &[]).is_ok(), "no Origin: not a browser");
        let listed = vec!["https://app.example".to_string()];
        assert!(origin_allowed(&h(&[(header::ORIGIN, "https://app.example")]), &listed).is_ok());
        assert!(origin_allowed(&same, &listed).is_err(), "a list replaces same-host");
        assert!(origin_allowed(&other, &["*".to_string()]).is_ok());
    }

    #[test]
    fn clip_cuts_at_a_character_boundary() {
        assert_eq!(clip("héllo", 2), "h");
        assert_eq!(clip("abc", 10), "abc");
        assert_eq!(clip(&"x".repeat(400_000), MAX_USER_AGENT).len(), MAX_USER_AGENT);
    }
}
