//! `chatctl serve`: run the engine: the gateway (WebSocket chat, events to Kafka) and the
//! workers, or one of them (`--role`). This file translates the flags (`serve_args.rs`)
//! into a [`NodeConfig`] and says what the node became; `chatctl::node` builds it.

use chatctl::gateway::auth::Expect;
use chatctl::gateway::Limits;
use chatctl::llm::builtin::BuiltinModel;
use chatctl::llm::openai::Timeouts;
use chatctl::node::{AuthConfig, Drain, MetricsListen, ModelConfig, Node, NodeConfig, NodeRole, Stopped};
use chatctl::workers::notify::AlertSettings;

pub use crate::serve_args::{Args, LlmKind, Role, WorkerKind};
use crate::Context;

pub async fn run(args: &Args, ctx: &Context) -> anyhow::Result<()> {
    let kafka = ctx.settings.kafka();
    let node = Node::start(&kafka, config(args, ctx)?).await?;
    let info = node.info().clone();
    if info.insecure_dev_auth {
        tracing::warn!("INSECURE: --insecure-dev-auth accepts anonymous connections; never use it in production");
        eprintln!("WARNING: --insecure-dev-auth is on: anyone can connect as any user");
    }
    for w in &info.warnings {
        tracing::warn!("{w}");
        eprintln!("chatctl serve: {w}");
    }
    for (name, topics) in &info.workers {
        eprintln!("chatctl serve: worker {name} consuming {}", topics.join(", "));
    }
    if let (n @ 1.., Some(dir)) = (info.spooled_at_start, &info.spool_dir) {
        eprintln!("chatctl serve: {n} event(s) a previous run left in {} are sent first", dir.display());
    }
    match &info.llm {
        None => eprintln!("chatctl serve: node {} (workers) listening on http://{}", info.node_id, info.addr),
        Some(llm) => eprintln!(
            "chatctl serve: node {} listening on http://{} (llm {llm}, realtime {}, brokers {})",
            info.node_id,
            info.addr,
            if info.realtime { "redis" } else { "in-process" },
            kafka.brokers
        ),
    }
    if let Some(at) = info.ops_addr {
        eprintln!("chatctl serve: metrics on http://{at}/metrics");
    }
    shutdown_signal().await;
    if let Some(gw) = node.gateway() {
        eprintln!(
            "chatctl serve: draining: {} answer(s) {}, {} client(s) told to reconnect",
            gw.active_streams(),
            if info.realtime { "handed to other nodes" } else { "finishing here" },
            gw.metrics.connections.get()
        );
    }
    let gw = node.gateway().cloned();
    let drained = match node.shutdown().await? {
        Stopped::Flushed { drained } => {
            if gw.is_some() {
                eprintln!("chatctl serve: all events flushed");
            }
            drained
        }
        Stopped::KeptInSpool { drained, pending, dir, why } => {
            eprintln!(
                "chatctl serve: Kafka did not acknowledge {pending} event(s) ({why}); they are kept in the spool {} and the next start sends them",
                dir.display()
            );
            drained
        }
    };
    if let (false, Some(gw)) = (drained, gw) {
        eprintln!("chatctl serve: {} answer(s) were still running at the drain deadline", gw.active_streams());
    }
    eprintln!("chatctl serve: stopped");
    Ok(())
}

/// The node the flags describe.
fn config(args: &Args, ctx: &Context) -> anyhow::Result<NodeConfig> {
    let notify = args.role != Role::Gateway && args.workers.contains(&crate::args::WorkerArg::Notify);
    let model = match args.llm {
        LlmKind::Builtin => ModelConfig::Builtin(BuiltinModel {
            chunks: args.model_chunks,
            words_per_chunk: args.model_words,
            interval: args.model_interval,
            stamp: args.model_stamp,
        }),
        LlmKind::Openai => ModelConfig::OpenAi {
            url: args.llm_url.clone(),
            model: args.llm_model.clone(),
            api_key: ctx.settings.llm_api_key.clone(),
            timeouts: Timeouts {
                connect: args.llm_connect_timeout,
                first_token: args.llm_first_token_timeout,
                between_tokens: args.llm_timeout,
                answer: args.llm_answer_timeout,
            },
            max_tokens: Some(args.llm_max_tokens).filter(|m| *m > 0),
        },
    };
    let auth = AuthConfig {
        jwt_secret: args.jwt_secret.clone(),
        jwt_secret_file: args.jwt_secret_file.clone(),
        expect: Expect { issuer: args.jwt_issuer.clone(), audience: args.jwt_audience.clone() },
        insecure_dev: args.insecure_dev_auth,
        given: None,
    };
    let mut c = NodeConfig::gateway(ctx.settings.node_id.clone(), args.listen, model, auth);
    c.role = match args.role {
        Role::All => NodeRole::All,
        Role::Gateway => NodeRole::Gateway,
        Role::Worker => NodeRole::Worker,
    };
    c.node_id_add_port = ctx.settings.node_id_is_default;
    c.metrics_listen = args.metrics_listen.map_or(MetricsListen::Default, MetricsListen::At);
    c.limits = limits(args);
    c.events.queue = args.event_queue;
    c.events.chunk_events_every = args.chunk_events_every;
    c.events.spool_dir = if args.no_spool { None } else { Some(args.spool_dir.clone()) };
    c.events.quarantine_file = args.quarantine_file.clone();
    c.realtime.redis = ctx
        .settings
        .redis_target()
        .map(|t| chatctl::realtime::RedisTarget { min_replicas: args.redis_min_replicas, ..t });
    (c.realtime.buffer_ttl, c.realtime.lease_ttl) = (args.buffer_ttl, args.lease_ttl);
    c.workers.kinds = args.workers.iter().map(|w| WorkerKind::from(*w)).collect();
    c.workers.store_url = args.store.audit_url.clone();
    c.workers.search_index = args.search_index.clone();
    c.workers.alerts =
        AlertSettings { sla: args.alerts.sla, window: args.alerts.alert_window, ..AlertSettings::default() };
    c.workers.channels = if notify { args.alerts.channels()? } else { Vec::new() };
    c.workers.instance_id = args.instance_id.clone();
    c.drain = Drain { timeout: args.drain_timeout, grace: args.drain_grace };
    c.topics = Some(ctx.settings.topics.clone());
    Ok(c)
}

fn limits(args: &Args) -> Limits {
    Limits {
        max_frame_bytes: args.max_frame_bytes,
        max_streams_per_user: args.max_streams_per_user,
        frames_per_sec: args.rate_limit,
        max_connections: args.max_connections,
        max_connections_per_user: args.max_connections_per_user,
        max_connections_per_address: args.max_connections_per_address,
        max_answers_per_minute: args.max_answers_per_minute,
        max_buffer_bytes_per_user: args.max_buffer_bytes_per_user,
        header_read_timeout: args.header_timeout,
        ping_interval: args.ws_ping_interval,
        pong_timeout: args.ws_pong_timeout,
        write_timeout: args.write_timeout,
        max_answer_bytes: args.max_answer_bytes,
        allowed_origins: args.allowed_origins.clone(),
        ..Limits::default()
    }
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()).expect("SIGTERM handler");
    tokio::select! {
        _ = ctrl_c => {}
        _ = term.recv() => {}
    }
}
