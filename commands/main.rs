//! The `chatctl` binary: parse the command line, resolve settings, run one command, map
//! its error to an exit code.

mod announce;
mod args;
mod audit;
mod chat;
mod cli;
mod complete;
mod completions;
mod config;
mod consume;
mod dlq;
mod error;
mod groups;
mod help;
mod lag;
mod output;
mod produce;
mod quarantine;
mod replay;
mod search;
mod serve;
mod serve_args;
mod session;
mod stalls;
mod stats;
mod summaries;
mod topics;
mod training;
mod ui;

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
    // `COMPLETE=<shell> chatctl -- ...`: live candidates for the shell, then exit.
    let _ = complete::SOURCES.set(|| sources(&Cli::try_parse_from(["chatctl", "topics", "list"]).ok()?).ok());
    clap_complete::CompleteEnv::with_factory(<Cli as clap::CommandFactory>::command).complete();
    let matches = help::decorate(<Cli as clap::CommandFactory>::command()).get_matches();
    let cli = <Cli as clap::FromArgMatches>::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
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
    // Clients still being destroyed finish first: `exit` would run OpenSSL's cleanup under
    // them and the process would die of a signal after printing its error (seen with
    // SASL_SSL). One still busy after the bound (a metadata request to a broker that hung
    // up) must not turn the exit code into a signal either, so the process leaves with
    // `_exit`, which skips the C library's exit handlers; ours are all run by now.
    // A broker that cannot be reached leaves its clients retrying their connection: the
    // command said so within its --timeout, and waiting for them would add seconds to it.
    let settle = if code == error::UNAVAILABLE { 200 } else { 3000 };
    chatctl::kafka::settle_disposals(std::time::Duration::from_millis(settle));
    use std::io::Write;
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    // SAFETY: `_exit` ends the process at once; every Rust value that needed dropping was
    // dropped when `run` returned and the streams are flushed above.
    #[allow(unsafe_code)]
    unsafe {
        libc::_exit(code)
    }
}

/// A broker that could not be reached may have refused us (credentials, TLS): look once,
/// briefly, and say so instead of "unreachable". Up to 2 s (or --timeout if shorter): on a
/// loaded machine a TLS handshake and the broker's hang-up took longer than the 800 ms this
/// once allowed (a SASL broker without credentials was then "unreachable", exit 5, not 3);
/// the probe ends as soon as it has a cause, so only a silent address waits it out.
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
    match probe(&k, (*timeout).min(std::time::Duration::from_secs(2))) {
        Some(cause) => k.explain(Some(cause), reason.clone()).into(),
        None => err,
    }
}

/// The Kafka settings of this run, for [`diagnose`].
static PROBE: std::sync::OnceLock<chatctl::kafka::KafkaSettings> = std::sync::OnceLock::new();

/// Where the settings come from: the user config, ./chatctl.toml (or --config), the
/// command line and environment, the context.
fn sources(cli: &Cli) -> chatctl::Result<Sources> {
    refuse_secrets_on_argv(cli)?;
    let context = cli.global.context.clone().or_else(|| std::env::var(chatctl::config::env::PROFILE).ok());
    Ok(Sources {
        user: ConfigFile::user()?,
        local: ConfigFile::discover(cli.global.config.as_deref())?,
        cli: cli.layer(),
        context,
    })
}

/// A secret given with `-X` is on the command line: in `ps`, in shell history, in a
/// process listing of anyone on the host. Refused, naming the key only, with where the
/// secret should go instead.
fn refuse_secrets_on_argv(cli: &Cli) -> chatctl::Result<()> {
    let Some((key, _)) = cli.global.kafka_props.iter().find(|(k, _)| chatctl::security::is_secret(k)) else {
        return Ok(());
    };
    let instead = match key.to_ascii_lowercase().as_str() {
        "sasl.password" => "--sasl-password-file, --sasl-password-env or CHATCTL_SASL_PASSWORD",
        "sasl.oauthbearer.client.secret" => {
            "--oauth-client-secret-file, --oauth-client-secret-env or CHATCTL_OAUTH_CLIENT_SECRET"
        }
        _ => "the `kafka` table of a context in chatctl.toml (a file only you can read)",
    };
    Err(chatctl::Error::usage(format!(
        "-X {key}=… puts a secret on the command line, where `ps` and shell history show it: use {instead}"
    )))
}

/// The settings of this run.
fn settings(cli: &Cli) -> chatctl::Result<Settings> {
    Settings::from_sources(&sources(cli)?)
}

fn run(cli: Cli) -> anyhow::Result<()> {
    if let Command::Security = &cli.command {
        print!("{}", help::security());
        return Ok(());
    }
    if let Command::Completions(args) = &cli.command {
        return Ok(completions::run(args, <cli::Cli as clap::CommandFactory>::command())?);
    }
    if let Command::Config(cmd) = &cli.command {
        return config::run(cmd, &sources(&cli)?, &Printer::new(cli.global.output));
    }
    let settings = settings(&cli)?;
    let format = settings.output.as_deref().and_then(cli::OutputFormat::from_name);
    let _ = PROBE.set(settings.kafka());
    let ctx = Context { settings, printer: Printer::new(format) };
    let rt = tokio::runtime::Runtime::new()?;
    rt.block_on(async {
        match &cli.command {
            Command::Topics(cmd) => topics::run(cmd, &ctx).await,
            Command::Consume(args) => consume::run(args, &ctx).await,
            Command::Produce(args) => produce::run(args, &ctx).await,
            Command::Ui(args) => ui::run(args, &ctx).await,
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
            Command::Stalls(args) => stalls::run(args, &ctx).await,
            Command::Groups(cmd) => groups::run(cmd, &ctx).await,
            Command::Lag(args) => lag::run(args, &ctx).await,
            Command::Dlq(cmd) => dlq::run(cmd, &ctx).await,
            Command::Quarantine(cmd) => quarantine::run(cmd, &ctx).await,
            Command::Completions(_) | Command::Config(_) | Command::Security => {
                unreachable!("handled before settings")
            }
        }
    })
}

/// Colour on stderr: only on a terminal, never with `NO_COLOR` set (no-color.org).
fn colour() -> bool {
    use std::io::IsTerminal;
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
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
        .with(tracing_subscriber::fmt::layer().with_writer(std::io::stderr).with_ansi(colour()).with_filter(filter))
        .with(chatctl::kafka::diagnose::CaptureLayer)
        .init();
}
