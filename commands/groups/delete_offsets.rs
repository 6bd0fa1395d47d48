//! `chatctl groups delete-offsets GROUP --topic T[:P,P]...`: kafka-consumer-groups.sh
//! --delete-offsets, guarded like chatctl's other destructive commands (a dry run unless
//! --execute).

use chatctl::kafka::KafkaSettings;
use chatctl::ops::delete_offsets::{self, Selection};
use chatctl::ops::groups::Scope;
use chatctl::Error;
use serde::Serialize;

use super::{blocking, guard};
use crate::output::Row;
use crate::Context;

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Like `kafka-consumer-groups.sh --delete-offsets --group G --topic T[:P,P]` (OffsetDelete, KIP-496): \
afterwards the group has no committed offset there, so its consumers start from auto.offset.reset, \
and its other offsets stay. Unlike it, nothing changes without --execute (the dry run lists the \
offsets that would go). The broker refuses a partition of a topic the group's members consume \
(GROUP_SUBSCRIBED_TO_TOPIC); that partition is listed as kept and the exit code is 6.

On a broker without OffsetDelete (tansu 0.6) and a group with no members, chatctl reaches the same \
result another way: it saves the group's other offsets to a CSV file, deletes the group and commits \
them back (`groups reset --from-file FILE --execute` restores them if that fails).")]
pub struct DeleteOffsetsArgs {
    /// The group
    #[arg(add = clap_complete::engine::ArgValueCandidates::new(crate::complete::groups))]
    pub group: String,
    /// TOPIC or TOPIC:P,P whose offsets go (repeatable)
    #[arg(long = "topic", short = 't', required = true, value_name = "TOPIC[:P,P]", value_parser = Scope::parse_topic, add = clap_complete::engine::ArgValueCandidates::new(crate::complete::topics))]
    pub topics: Vec<(String, Option<Vec<i32>>)>,
    /// Delete (without it, only list the offsets that would go)
    #[arg(long)]
    pub execute: bool,
    /// On a broker without OffsetDelete: go on where it cannot tell whether the group has members
    #[arg(long)]
    pub force: bool,
}

#[derive(Serialize)]
struct Deleted {
    group: String,
    topic: String,
    partition: i32,
    offset: i64,
    status: String,
}

impl Row for Deleted {
    fn headers() -> &'static [&'static str] {
        &["group", "topic", "partition", "offset", "status"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.group.clone(),
            self.topic.clone(),
            self.partition.to_string(),
            self.offset.to_string(),
            self.status.clone(),
        ]
    }
}

pub async fn run(kafka: &KafkaSettings, args: &DeleteOffsetsArgs, ctx: &Context) -> anyhow::Result<()> {
    let (k, g, scope) = (kafka.clone(), args.group.clone(), args.topics.clone());
    let selection = blocking(move || delete_offsets::select(&k, &g, &scope)).await?;
    if !args.execute {
        ctx.printer.rows(&rows(&args.group, &selection, |_| "to-delete".into()))?;
        eprintln!(
            "dry run: {} committed offset(s) of group {} would be deleted (its {} other offset(s) stay); add --execute",
            selection.doomed.len(),
            args.group,
            selection.kept.len()
        );
        return Ok(());
    }
    let (k, g, s) = (kafka.clone(), args.group.clone(), selection.clone());
    match tokio::task::spawn_blocking(move || delete_offsets::native(&k, &g, &s)).await? {
        Ok(answers) => {
            let kept: Vec<String> =
                answers.iter().filter(|a| a.2.is_some()).map(|a| format!("{}:{}", a.0, a.1)).collect();
            ctx.printer.rows(&rows(&args.group, &selection, |(t, p, _)| {
                match answers.iter().find(|a| &a.0 == t && a.1 == *p).and_then(|a| a.2.clone()) {
                    Some(why) => format!("kept: {why}"),
                    None => "deleted".into(),
                }
            }))?;
            if !kept.is_empty() {
                return Err(Error::Conflict(format!(
                    "the broker kept {} offset(s) of {} ({}): stop the group's consumers of those topics first",
                    kept.len(),
                    args.group,
                    kept.join(", ")
                ))
                .into());
            }
        }
        Err(Error::Unsupported(why)) => {
            guard(kafka, &args.group, args.force, true).await?;
            let backup = delete_offsets::backup_path(&args.group);
            eprintln!(
                "note: {why}; deleting group {} and committing its {} other offset(s) back (saved first to {})",
                args.group,
                selection.kept.len(),
                backup.display()
            );
            delete_offsets::recreate(kafka, &args.group, &selection, &backup).await?;
            ctx.printer.rows(&rows(&args.group, &selection, |_| "deleted".into()))?;
        }
        Err(e) => return Err(e.into()),
    }
    eprintln!("deleted {} committed offset(s) of group {}", selection.doomed.len(), args.group);
    Ok(())
}

fn rows(
    group: &str,
    selection: &Selection,
    status: impl Fn(&chatctl::kafka::groups::TopicOffset) -> String,
) -> Vec<Deleted> {
    selection
        .doomed
        .iter()
        .map(|d| Deleted {
            group: group.to_string(),
            topic: d.0.clone(),
            partition: d.1,
            offset: d.2,
            status: status(d),
        })
        .collect()
}
