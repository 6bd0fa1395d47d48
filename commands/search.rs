//! `chatctl search`: full-text search over chat messages, in the index the search worker
//! (`chatctl serve --workers search`) or `chatctl replay --into search` keeps.

use chatctl::workers::search::{Hit, SearchReader, DEFAULT_INDEX};

use crate::audit::ts;
use crate::output::Row;
use crate::Context;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Words to find (tantivy query syntax: `kafka AND replay`, `"exact phrase"`)
    pub query: String,
    /// Only this session
    #[arg(long)]
    pub session: Option<String>,
    /// Only this user
    #[arg(long)]
    pub user: Option<String>,
    /// At most this many hits
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// The index directory
    #[arg(long, env = "CHATCTL_SEARCH_INDEX", default_value = DEFAULT_INDEX)]
    pub search_index: std::path::PathBuf,
}

impl Row for Hit {
    fn headers() -> &'static [&'static str] {
        &["time", "session", "user", "role", "message", "content"]
    }
    fn cells(&self) -> Vec<String> {
        let content: String = self.content.chars().take(80).collect();
        vec![
            ts(self.timestamp),
            self.session_id.clone(),
            self.user_id.clone(),
            self.role.clone(),
            self.message_id.clone(),
            content,
        ]
    }
}

pub async fn run(args: &Args, ctx: &Context) -> anyhow::Result<()> {
    let reader = SearchReader::open(&args.search_index)?;
    let hits = reader.search(&args.query, args.session.as_deref(), args.user.as_deref(), args.limit)?;
    ctx.printer.rows(&hits)?;
    if ctx.printer.is_terminal {
        eprintln!("{} hit(s) of {} indexed message(s)", hits.len(), reader.count()?);
    }
    Ok(())
}
