//! `chatctl groups list | describe | reset | delete | delete-offsets`: consumer groups, with resets planned
//! the way Apache Kafka's kafka-consumer-groups.sh plans them (dry-run by default).

use std::path::PathBuf;

use chatctl::kafka::groups as kgroups;
use chatctl::kafka::KafkaSettings;
use chatctl::ops::groups::{self, Activity, OffsetRow, PlanRow, Scope, Target};
use chatctl::ops::lag::{LagModel, Poller};
use chatctl::time::{now, parse_datetime, parse_duration};
use chatctl::Error;
use rdkafka::consumer::Consumer;
use serde::Serialize;

mod delete_offsets;
mod describe;

use crate::output::Row;
use crate::Context;

#[derive(Debug, clap::Subcommand)]
pub enum GroupsCommand {
    /// Every consumer group: state, members, partitions with offsets, total lag
    List,
    /// Groups (named, or --all-groups): state, members, and per partition the committed
    /// offset, log end, lag, owner
    Describe(describe::DescribeArgs),
    /// Move a group's committed offsets (kafka-consumer-groups.sh --reset-offsets). Prints
    /// the plan and changes nothing unless --execute; refused while the group has members
    Reset(ResetArgs),
    /// Delete a group and its committed offsets; refused while it has members. Says what
    /// it would delete and changes nothing unless --execute
    Delete {
        #[arg(add = clap_complete::engine::ArgValueCandidates::new(crate::complete::groups))]
        group: String,
        /// Delete (without it, only show the offsets that would go)
        #[arg(long)]
        execute: bool,
        /// Go on where the broker cannot tell whether the group has members
        #[arg(long)]
        force: bool,
    },
    /// Delete a group's committed offsets on some topics (kafka-consumer-groups.sh
    /// --delete-offsets); changes nothing unless --execute
    DeleteOffsets(delete_offsets::DeleteOffsetsArgs),
}

#[derive(Debug, clap::Args)]
#[command(after_help = "\
A drop-in for `kafka-consumer-groups.sh --reset-offsets`: the same scopes, scenarios, results \
and plan files. --all-topics is exactly the partitions the group has committed offsets for; \
--to-current on a partition without one is the log end; --shift-by without one is a usage error \
and nothing is committed; --to-offset, --shift-by and --from-file are clamped into the log \
(with a warning), the other scenarios read the log; --to-datetime and --by-duration fall back \
to the log end where no record is that recent. A group is reset only while it has no members \
(Empty or Dead); with several groups an active one is refused and the others go on (exit 6).

--to-datetime: Kafka's yyyy-MM-dd'T'HH:mm:ss.SSS with an optional zone (Z, +02, +0200, +02:00), \
zone-less meaning UTC. chatctl extensions: any number of fraction digits or none, RFC 3339, a \
date (midnight UTC), epoch milliseconds, or a duration ago. --by-duration: ISO-8601 as Java \
reads it (PT1H, PT0.1S, P1DT2H); chatctl extension: 2h, 90m, 7d.

--export prints Kafka's CSV, no header: topic,partition,offset when one --group is named, \
group,topic,partition,offset otherwise; --from-file reads both back. chatctl extensions: \
--to-group OTHER (OTHER's committed offsets; with --all-topics the partitions OTHER has \
offsets for), --force (go on where the broker cannot say whether the group has members), the current offset \
and change columns in the table (--kafka-table prints Kafka's GROUP TOPIC PARTITION NEW-OFFSET).")]
pub struct ResetArgs {
    /// The group (the same as --group)
    #[arg(value_name = "GROUP", add = clap_complete::engine::ArgValueCandidates::new(crate::complete::groups))]
    pub group: Option<String>,
    /// A group to reset (repeatable)
    #[arg(long = "group", short = 'g', value_name = "GROUP", conflicts_with = "all_groups")]
    pub groups: Vec<String>,
    /// Every consumer group the broker lists
    #[arg(long, conflicts_with = "group")]
    pub all_groups: bool,
    /// Partitions to reset: TOPIC or TOPIC:P,P (repeatable)
    #[arg(long = "topic", value_name = "TOPIC[:P,P]", value_parser = Scope::parse_topic, conflicts_with = "all_topics")]
    pub topics: Vec<(String, Option<Vec<i32>>)>,
    /// Every partition the group has committed offsets for
    #[arg(long)]
    pub all_topics: bool,
    #[command(flatten)]
    pub target: TargetArgs,
    /// Apply the plan (without it: dry run, nothing changes)
    #[arg(long, conflicts_with = "dry_run")]
    pub execute: bool,
    /// Plan only, change nothing (the default; kafka-consumer-groups.sh's flag)
    #[arg(long)]
    pub dry_run: bool,
    /// Print the plan as Kafka's CSV (what --from-file reads) instead of a table
    #[arg(long)]
    pub export: bool,
    /// Print the plan as kafka-consumer-groups.sh does (GROUP TOPIC PARTITION NEW-OFFSET)
    #[arg(long, conflicts_with = "export")]
    pub kafka_table: bool,
    /// Go on where the broker cannot tell whether the group has members (a running member
    /// would overwrite the reset with its next commit)
    #[arg(long)]
    pub force: bool,
}

impl ResetArgs {
    /// The groups named (positional and --group), in order, once each.
    fn named(&self) -> Vec<String> {
        let mut out: Vec<String> = self.group.iter().chain(&self.groups).cloned().collect();
        let mut seen = std::collections::HashSet::new();
        out.retain(|g| seen.insert(g.clone()));
        out
    }
}

#[derive(Debug, clap::Args)]
#[group(required = true, multiple = false)]
pub struct TargetArgs {
    /// The first offset still in the log
    #[arg(long)]
    pub to_earliest: bool,
    /// The log end (skip everything not yet consumed)
    #[arg(long)]
    pub to_latest: bool,
    /// Where the group is now (the log end where it has no offset)
    #[arg(long)]
    pub to_current: bool,
    /// This offset in every partition
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub to_offset: Option<i64>,
    /// Move by N from the committed offset (negative: back)
    #[arg(long, value_name = "N", allow_hyphen_values = true)]
    pub shift_by: Option<i64>,
    /// The first record at or after this time: 2026-01-01T00:00:00.000[Z|+02:00], RFC 3339,
    /// a date, epoch ms
    #[arg(long, value_name = "TIME")]
    pub to_datetime: Option<String>,
    /// The first record at or after this long ago: PT1H, P1DT2H, PT0.1S, or 2h, 7d
    #[arg(long, value_name = "DURATION", allow_hyphen_values = true)]
    pub by_duration: Option<String>,
    /// Targets from a plan file: Kafka's topic,partition,offset (one group) or
    /// group,topic,partition,offset
    #[arg(long, value_name = "FILE")]
    pub from_file: Option<PathBuf>,
    /// Another group's committed offsets (chatctl extension; with --all-topics: every
    /// partition that group has an offset for)
    #[arg(long, value_name = "GROUP")]
    pub to_group: Option<String>,
}

impl TargetArgs {
    fn target(&self, named: &[String]) -> anyhow::Result<Target> {
        let t = &self;
        Ok(if t.to_earliest {
            Target::Earliest
        } else if t.to_latest {
            Target::Latest
        } else if t.to_current {
            Target::Current
        } else if let Some(o) = t.to_offset {
            Target::Offset(o)
        } else if let Some(n) = t.shift_by {
            Target::ShiftBy(n)
        } else if let Some(raw) = &t.to_datetime {
            Target::Time(parse_datetime(raw, now()?)?.timestamp_millis())
        } else if let Some(raw) = &t.by_duration {
            let d = parse_duration(raw)?;
            Target::Time((now()? - d).timestamp_millis())
        } else if let Some(path) = &t.from_file {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Error::usage(format!("cannot read {}: {e}", path.display())))?;
            Target::Plan(groups::parse_reset_plan(&text, named)?)
        } else if let Some(other) = &t.to_group {
            Target::Group(other.clone())
        } else {
            return Err(Error::usage("choose a target (--to-earliest, --to-latest, ...)").into());
        })
    }
}

impl Row for PlanRow {
    fn headers() -> &'static [&'static str] {
        &["group", "topic", "partition", "current", "new offset", "change"]
    }
    fn cells(&self) -> Vec<String> {
        let opt = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_else(|| "-".into());
        vec![
            self.group.clone(),
            self.topic.clone(),
            self.partition.to_string(),
            opt(self.current),
            self.target.to_string(),
            opt(self.change()),
        ]
    }
}

impl Row for OffsetRow {
    fn headers() -> &'static [&'static str] {
        &["topic", "partition", "committed", "log start", "log end", "lag", "member"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.topic.clone(),
            self.partition.to_string(),
            self.committed.to_string(),
            self.log_start.to_string(),
            self.log_end.to_string(),
            self.lag.to_string(),
            self.member.clone().unwrap_or_else(|| "-".into()),
        ]
    }
}

/// A line of `groups list`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Listed {
    group: String,
    state: String,
    members: Option<usize>,
    partitions: usize,
    lag: i64,
}

impl Row for Listed {
    fn headers() -> &'static [&'static str] {
        &["group", "state", "members", "partitions", "lag"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.group.clone(),
            self.state.clone(),
            self.members.map(|m| m.to_string()).unwrap_or_else(|| "?".into()),
            self.partitions.to_string(),
            self.lag.to_string(),
        ]
    }
}

pub async fn run(cmd: &GroupsCommand, ctx: &Context) -> anyhow::Result<()> {
    let kafka = ctx.settings.kafka();
    match cmd {
        GroupsCommand::List => {
            let k = kafka.clone();
            let rows = blocking(move || list(&k)).await?;
            ctx.printer.rows(&rows)?;
        }
        GroupsCommand::Describe(args) => describe::run(&kafka, args, ctx).await?,
        GroupsCommand::Reset(args) => reset(&kafka, args, ctx).await?,
        GroupsCommand::DeleteOffsets(args) => delete_offsets::run(&kafka, args, ctx).await?,
        GroupsCommand::Delete { group, execute, force } => {
            describe::must_exist(&kafka, group).await?;
            guard(&kafka, group, *force, true).await?;
            if !*execute {
                describe::run(&kafka, &describe::DescribeArgs::one(group), ctx).await?;
                eprintln!("dry run: group {group} and the committed offsets above would be deleted; add --execute");
                return Ok(());
            }
            groups::delete(&kafka, group).await?;
            eprintln!("deleted group {group}");
        }
    }
    Ok(())
}

pub(crate) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> chatctl::error::Result<T> + Send + 'static,
) -> anyhow::Result<T> {
    Ok(tokio::task::spawn_blocking(f).await??)
}

fn list(kafka: &KafkaSettings) -> chatctl::error::Result<Vec<Listed>> {
    let client = kgroups::admin_consumer(kafka)?;
    let listed = kgroups::list(client.client(), kafka.timeout)?;
    let described =
        kgroups::describe(client.client(), &listed.iter().map(|g| g.group.clone()).collect::<Vec<_>>(), kafka.timeout)
            .ok();
    let mut poller = Poller::new(kafka, listed.iter().map(|g| g.group.clone()).collect())?;
    let mut model = LagModel::default();
    if !listed.is_empty() {
        model.apply(&poller.poll()?);
    }
    Ok(listed
        .into_iter()
        .map(|g| {
            let d = described.as_ref().and_then(|ds| ds.iter().find(|d| d.group == g.group));
            let parts = model.partitions(&g.group);
            Listed {
                state: d.map(|d| d.state.clone()).unwrap_or(g.state),
                members: d.map(|d| d.members.len()),
                partitions: parts.len(),
                lag: parts.iter().map(|p| p.lag).sum(),
                group: g.group,
            }
        })
        .collect())
}

/// Refuse a group with members; where the broker cannot say, refuse unless `force`
/// (`strict` = the operation changes something; a dry run only warns).
pub(crate) async fn guard(kafka: &KafkaSettings, group: &str, force: bool, strict: bool) -> anyhow::Result<()> {
    let (k, g) = (kafka.clone(), group.to_string());
    match blocking(move || groups::check_inactive(&k, &g)).await? {
        Activity::Inactive => Ok(()),
        Activity::Unknown(why) if force => {
            eprintln!("WARNING: --force: the broker cannot tell whether group {group} has members ({why}).");
            eprintln!("WARNING: if any consumer of {group} is running, its next commit overwrites this change.");
            Ok(())
        }
        Activity::Unknown(why) if !strict => {
            eprintln!("warning: the broker cannot tell whether group {group} has members ({why}); --execute will need --force");
            Ok(())
        }
        Activity::Unknown(why) => Err(Error::Conflict(format!(
            "cannot tell whether group {group} has members: the broker cannot describe groups ({why}). \
             Stop every consumer of the group, then re-run with --force"
        ))
        .into()),
    }
}

/// Every group the broker lists.
async fn every_group(kafka: &KafkaSettings) -> anyhow::Result<Vec<String>> {
    let k = kafka.clone();
    blocking(move || {
        let client = kgroups::admin_consumer(&k)?;
        let listed = kgroups::list(client.client(), k.timeout);
        chatctl::kafka::dispose(client);
        Ok(listed?.into_iter().map(|g| g.group).collect::<Vec<_>>())
    })
    .await
}

async fn reset(kafka: &KafkaSettings, args: &ResetArgs, ctx: &Context) -> anyhow::Result<()> {
    let named = args.named();
    if named.is_empty() && !args.all_groups {
        return Err(Error::usage("name the group(s): GROUP, --group GROUP (repeatable) or --all-groups").into());
    }
    let target = args.target.target(&named)?;
    let scope = if args.all_topics {
        Scope::AllTopics
    } else if !args.topics.is_empty() {
        Scope::Topics(args.topics.clone())
    } else if matches!(target, Target::Plan(_)) {
        Scope::AllTopics // the file names the partitions
    } else {
        return Err(Error::usage("name the partitions: --topic TOPIC[:P,P] or --all-topics").into());
    };
    let groups_to_reset = if args.all_groups { every_group(kafka).await? } else { named.clone() };
    let execute = args.execute && !args.dry_run;
    // Plan every group before committing any: a usage error (--shift-by without a
    // committed offset) commits nothing anywhere.
    let mut plans = Vec::new();
    let mut refused = Vec::new();
    for group in &groups_to_reset {
        if let Err(e) = guard(kafka, group, args.force, execute).await {
            refused.push((group.clone(), e));
            continue;
        }
        let (k, g, scope, target) = (kafka.clone(), group.clone(), scope.clone(), target.clone());
        let plan = blocking(move || groups::plan(&k, &g, &scope, &target)).await?;
        for w in &plan.warnings {
            eprintln!("warning: {group}: {w}");
        }
        if plan.rows.is_empty() {
            eprintln!("warning: {group}: nothing to reset (no partition in scope)");
        }
        plans.push((group.clone(), plan.rows));
    }
    // Every group refused: that is the whole answer, one line (no empty plan, no "dry run").
    if plans.is_empty() && !refused.is_empty() {
        let mut refused = refused;
        if refused.len() == 1 {
            return Err(refused.remove(0).1);
        }
        let why: Vec<String> = refused.iter().map(|(_, e)| e.to_string()).collect();
        return Err(Error::Conflict(format!("not reset: {}", why.join("; "))).into());
    }
    for (_, e) in &refused {
        eprintln!("not reset: {e}");
    }
    let rows: Vec<PlanRow> = plans.iter().flat_map(|(_, r)| r.iter().cloned()).collect();
    if args.export {
        print!("{}", groups::to_csv(&rows, !args.all_groups && named.len() == 1));
    } else if args.kafka_table {
        print!("{}", groups::to_kafka_table(&rows));
    } else {
        ctx.printer.rows(&rows)?;
    }
    if execute {
        for (group, rows) in plans.into_iter().filter(|(_, r)| !r.is_empty()) {
            let (k, g, n) = (kafka.clone(), group.clone(), rows.len());
            blocking(move || groups::execute(&k, &g, &rows)).await?;
            eprintln!("committed {n} offset(s) for group {group}");
        }
    } else {
        eprintln!("dry run: nothing changed (add --execute to apply)");
    }
    if !refused.is_empty() {
        let names: Vec<&str> = refused.iter().map(|(g, _)| g.as_str()).collect();
        return Err(Error::Conflict(format!("not reset: {} (see above)", names.join(", "))).into());
    }
    Ok(())
}
