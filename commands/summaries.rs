//! `chatctl summaries`: the current summary of each conversation, kept by the summary
//! worker (`chatctl serve --workers summary`, or `chatctl replay --into summary`).

use chatctl::store::{ConversationSummary, Store};

use crate::audit::ts;
use crate::output::Row;
use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this conversation
    #[arg(long)]
    pub conversation: Option<String>,
    /// Only this user's conversations
    #[arg(long)]
    pub user: Option<String>,
    #[command(flatten)]
    pub store: crate::args::StoreArgs,
}

impl Row for ConversationSummary {
    fn headers() -> &'static [&'static str] {
        &["CONVERSATION", "USER", "TURNS", "LAST MESSAGE", "SUMMARY"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.conversation_id.clone(),
            self.user_id.clone(),
            self.turns.to_string(),
            ts(self.last_ts_ms),
            self.summary.clone(),
        ]
    }
}

pub async fn run(args: &Args, ctx: &Context) -> anyhow::Result<()> {
    let store = Store::open_to_read(&args.store.audit_url).await?;
    let rows = store.summaries(args.conversation.as_deref(), args.user.as_deref()).await?;
    if rows.is_empty() {
        if let Some(c) = &args.conversation {
            return Err(chatctl::Error::NotFound(format!(
                "no summary of conversation {c} (is the summary worker running? chatctl serve --workers summary)"
            ))
            .into());
        }
    }
    ctx.printer.rows(&rows)?;
    Ok(())
}
