//! The `chatctl` binary: parse the command line, resolve settings, run one command, map
//! its error to an exit code.

mod announce;
mod audit;
mod chat;
mod cli;
mod completions;
mod config;
mod dlq;
mod error;
mod groups;
mod lag;
mod output;
mod replay;
mod search;
mod serve;
mod session;
mod stats;
mod summaries;
mod topics;
mod training;

use chatctl::config::{ConfigFile, Settings, Sources};
use clap::Parser;

use crate::cli::{Cli, Command};
use crate::output::Printer;

/// What every command runs with.
pub struct Context {
    pub settings: Settings,
    pub printer: Printer,
}

/// mimalloc: glibc's allocator spent a quarter of the gateway's CPU under load (arena locks,
/// consolidation), BENCHMARKS.md "Redis path".
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = Cli::parse();
    init_tracing(cli.global.verbose);
    let code = match run(cli).map_err(diagnose) {
        Ok(()) => error::OK,
        Err(err) => {
            let (code, hint) = error::classify(&err);
            if code != error::OK {
                eprintln!("error: {err:#}");
                if let Some(hint) = hint {
                    eprintln!("hint: {hint}");
                }
            }
            code
        }
    };
    std::process::exit(code);
}

/// A broker that could not be reached may have refused us (credentials, TLS): look once,
/// briefly, and say so instead of "unreachable".
fn diagnose(err: anyhow::Error) -> anyhow::Error {
    use chatctl::kafka::diagnose::probe;
    use chatctl::kafka::KafkaSettings;
    let Some(chatctl::Error::BrokerUnreachable { brokers, timeout, reason }) = err.downcast_ref::<chatctl::Error>()
    else {
        return err;
    };
    let Some(kafka) = PROBE.get() else { return err };
    let mut k: KafkaSettings = kafka.clone();
    k.brokers = brokers.clone();
    k.timeout = *timeout;
    match probe(&k, (*timeout).min(std::time::Duration::from_secs(5))) {
        Some(cause) => k.explain(Some(cause), reason.clone()).into(),
        None => err,
    }
}

/// The Kafka settings of this run, for [`diagnose`].
static PROBE: std::sync::OnceLock<chatctl::kafka::KafkaSettings> = std::sync::OnceLock::new();

fn run(cli: Cli) -> anyhow::Result<()> {
    if let Command::Completions(args) = &cli.command {
        return Ok(completions::run(args)?);
    }
    let context = cli.global.context.clone().or_else(|| std::env::var(chatctl::config::env::PROFILE).ok());
    let sources = Sources {
        user: ConfigFile::user()?,
        local: ConfigFile::discover(cli.global.config.as_deref())?,
        cli: cli.global.layer(),
        context,
    };
    if let Command::Config(cmd) = &cli.command {
        return config::run(cmd, &sources, &Printer::new(cli.global.output));
    }
    let settings = Settings::from_sources(&sources)?;
    let format = match settings.output.as_deref() {
        Some("json") => Some(cli::OutputFormat::Json),
        Some("table") => Some(cli::OutputFormat::Table),
        _ => None,
    };
    let _ = PROBE.set(settings.kafka());
    let ctx = Context { settings, printer: Printer::new(format) };
    let rt = tokio::runtime::Runtime::new()?;
    rt.block_on(async {
        match &cli.command {
            Command::Topics(cmd) => topics::run(cmd, &ctx).await,
            Command::Serve(args) => serve::run(args, &ctx).await,
            Command::Chat(args) => chat::run(args, &ctx).await,
            Command::Announce(args) => announce::run(args, &ctx).await,
            Command::Audit(args) => audit::run(args, &ctx).await,
            Command::Stats(args) => stats::run(args, &ctx).await,
            Command::Search(args) => search::run(args, &ctx).await,
            Command::Summaries(args) => summaries::run(args, &ctx).await,
            Command::Training(cmd) => training::run(cmd, &ctx).await,
            Command::Replay(args) => replay::run(args, &ctx).await,
            Command::Session(args) => session::run(args, &ctx).await,
            Command::Groups(cmd) => groups::run(cmd, &ctx).await,
            Command::Lag(args) => lag::run(args, &ctx).await,
            Command::Dlq(cmd) => dlq::run(cmd, &ctx).await,
            Command::Completions(_) | Command::Config(_) => unreachable!("handled before settings"),
        }
    })
}

fn init_tracing(verbose: u8) {
    use tracing_subscriber::EnvFilter;
    // librdkafka's own log lines (connect failures, "Global error: ...") are noise next to
    // chatctl's one error with its hint; they show from -v on.
    let default = match verbose {
        0 => "warn,librdkafka=off,rdkafka=off",
        1 => "info",
        2 => "debug",
        _ => "trace",
    };
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    use tracing_subscriber::Layer;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default));
    // The capture layer sees librdkafka's errors whatever the filter shows: they say why a
    // broker refused us (authentication, TLS), which a failed request does not.
    tracing_subscriber::registry()
        .with(tracing_subscriber::fmt::layer().with_writer(std::io::stderr).with_filter(filter))
        .with(chatctl::kafka::diagnose::CaptureLayer)
        .init();
}
