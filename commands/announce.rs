//! `chatctl announce`: a message to connected users, through `multi-node-broadcast`; every
//! node delivers it to its matching connections.

use chatctl::gateway::announce::{announce, Announcement, Target};

use crate::Context;

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("target").required(true).args(["all", "session", "user"])))]
pub struct Args {
    /// What to tell them
    pub text: String,
    /// Every connected client, on every node
    #[arg(long)]
    pub all: bool,
    /// The client of this session, wherever it is connected
    #[arg(long, value_name = "SESSION")]
    pub session: Option<String>,
    /// Every connection of this user
    #[arg(long, value_name = "USER")]
    pub user: Option<String>,
}

pub async fn run(args: &Args, ctx: &Context) -> anyhow::Result<()> {
    let target = match (&args.session, &args.user) {
        (Some(s), _) => Target::Session(s.clone()),
        (_, Some(u)) => Target::User(u.clone()),
        _ => Target::All,
    };
    let a = Announcement::new(target, &args.text);
    let (partition, offset) = announce(&ctx.settings.kafka(), &a).await?;
    eprintln!(
        "announcement {} written to {}[{partition}] at offset {offset}",
        a.announcement_id,
        chatctl::events::BROADCAST
    );
    Ok(())
}
