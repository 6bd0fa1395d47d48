//! The HTTP side: `/ws`, `/healthz`, `/readyz`, `/metrics` and the chat page at `/`.
//! Takes a bound listener and a shutdown future, so tests bind port 0 and stop cleanly.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, Query, State, WebSocketUpgrade};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use futures_util::StreamExt;
use serde::Deserialize;
use tokio::net::TcpListener;

use super::{ChatOrigin, Gateway, Refusal};

const PAGE: &str = include_str!("page.html");

pub fn router(gw: Arc<Gateway>) -> Router {
    Router::new()
        .route("/", get(|| async { Html(PAGE) }))
        .route("/ws", get(ws))
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .with_state(gw)
}

/// Serve until `shutdown` resolves; then stop accepting connections.
pub async fn serve(
    listener: TcpListener,
    gw: Arc<Gateway>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(gw).into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(shutdown)
        .await
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
    let bearer = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::to_owned);
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
        user_agent: headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).map(str::to_owned),
    };
    // Frames far beyond the limit are abuse: the WebSocket layer closes the connection.
    // Frames just over it get a FRAME_TOO_LARGE error and the connection stays.
    let hard_cap = gw.limits.max_frame_bytes * 4;
    // Small socket buffers: tungstenite's defaults (128 KiB each way) would make an idle
    // connection cost ~140 KiB; frames here are small and buffers grow when needed.
    upgrade
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

async fn readyz(State(gw): State<Arc<Gateway>>) -> Response {
    if gw.is_draining() {
        return (StatusCode::SERVICE_UNAVAILABLE, "draining\n").into_response();
    }
    if let Some(buf) = &gw.buffer {
        if let Err(e) = buf.ping().await {
            return (StatusCode::SERVICE_UNAVAILABLE, format!("redis: {e}\n")).into_response();
        }
    }
    if !gw.publisher.admit() {
        return (StatusCode::SERVICE_UNAVAILABLE, "event queue backed up\n").into_response();
    }
    "ready\n".into_response()
}

async fn metrics(State(gw): State<Arc<Gateway>>) -> Response {
    gw.metrics.events_queue_depth.set(gw.publisher.depth());
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
