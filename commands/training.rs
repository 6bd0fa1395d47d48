//! `chatctl training export`: prompt/answer pairs kept by the training worker
//! (`chatctl serve --workers training`, or `chatctl replay --into training`), as JSON
//! Lines in the chat fine-tuning shape.

use std::io::Write;

use chatctl::store::Store;
use chatctl::time::{now, parse_instant};

use crate::Context;

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Write prompt/answer pairs as JSON Lines
    Export(ExportArgs),
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// Answers from this time: RFC 3339, a date, or a duration ago
    #[arg(long, default_value = "7d")]
    pub since: String,
    /// Answers before this time
    #[arg(long)]
    pub until: Option<String>,
    /// Write to this file instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub store: crate::args::StoreArgs,
}

pub async fn run(cmd: &Command, _ctx: &Context) -> anyhow::Result<()> {
    let Command::Export(args) = cmd;
    let now = now()?;
    let from = parse_instant(&args.since, now)?.timestamp_millis();
    let to =
        args.until.as_deref().map(|u| parse_instant(u, now)).transpose()?.map_or(i64::MAX, |t| t.timestamp_millis());
    let store = Store::open_to_read(&args.store.audit_url).await?;
    let pairs = store.training_pairs(from, to).await?;
    let mut out: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(std::io::BufWriter::new(chatctl::security::create_private(path.as_ref())?)),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    for p in &pairs {
        let line = serde_json::json!({
            "messages": [
                {"role": "user", "content": p.prompt},
                {"role": "assistant", "content": p.completion},
            ],
            "conversationId": p.conversation_id,
            "messageId": p.message_id,
            "timestamp": crate::audit::ts(p.ts_ms),
        });
        serde_json::to_writer(&mut out, &line)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    eprintln!("training export: {} example(s)", pairs.len());
    Ok(())
}
