//! `chatctl groups describe G... | --all-groups`: state, members and per partition the
//! committed offset, log end and lag, filtered by state or to what lags; `-o plain` prints
//! kafka-consumer-groups.sh's columns for `awk`.

use chatctl::kafka::groups::{self as kgroups, GroupDescription, Member};
use chatctl::kafka::KafkaSettings;
use chatctl::ops::groups::{self, OffsetRow};
use chatctl::Error;
use rdkafka::consumer::Consumer;
use serde::Serialize;

use super::blocking;
use crate::args::OutputFormat;
use crate::output::Row;
use crate::Context;

#[derive(Debug, clap::Args)]
pub struct DescribeArgs {
    /// Groups to describe
    #[arg(value_name = "GROUP", required_unless_present = "all_groups", add = clap_complete::engine::ArgValueCandidates::new(crate::complete::groups))]
    pub groups: Vec<String>,
    /// Every group the broker lists
    #[arg(long, conflicts_with = "groups")]
    pub all_groups: bool,
    /// Only groups in this state (Stable, Empty, Dead, ...; any case)
    #[arg(long)]
    pub state: Option<String>,
    /// Only partitions with lag, and the groups that have some
    #[arg(long)]
    pub only_with_lag: bool,
    /// One line per group and topic, or per group and member: partitions and total lag
    #[arg(long, value_enum)]
    pub by: Option<By>,
}

/// What `--by` rolls partitions up to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum By {
    Topic,
    Member,
}

/// A roll-up line of `--by`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RollUp {
    group: String,
    /// The topic or the member (`-` for partitions no member holds).
    of: String,
    partitions: usize,
    lag: i64,
}

impl Row for RollUp {
    fn headers() -> &'static [&'static str] {
        &["GROUP", "OF", "PARTITIONS", "LAG"]
    }
    fn cells(&self) -> Vec<String> {
        vec![self.group.clone(), self.of.clone(), self.partitions.to_string(), self.lag.to_string()]
    }
}

/// Partitions rolled up per group and topic or member, in order.
fn roll_up(groups: &[Group], by: By) -> Vec<RollUp> {
    let mut out: std::collections::BTreeMap<(String, String), (usize, i64)> = Default::default();
    for g in groups {
        for r in &g.rows {
            let of = match by {
                By::Topic => r.topic.clone(),
                By::Member => r.member.clone().unwrap_or_else(|| "-".into()),
            };
            let e = out.entry((g.name.clone(), of)).or_default();
            e.0 += 1;
            e.1 += r.lag;
        }
    }
    out.into_iter().map(|((group, of), (partitions, lag))| RollUp { group, of, partitions, lag }).collect()
}

impl DescribeArgs {
    pub fn one(group: &str) -> DescribeArgs {
        DescribeArgs { groups: vec![group.to_string()], all_groups: false, state: None, only_with_lag: false, by: None }
    }
}

#[derive(Serialize)]
struct Described<'a> {
    group: &'a str,
    state: String,
    members: Option<&'a [Member]>,
    offsets: &'a [OffsetRow],
}

/// A partition of a group, as kafka-consumer-groups.sh --describe lists them.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct GroupRow<'a> {
    group: &'a str,
    #[serde(flatten)]
    row: &'a OffsetRow,
}

impl Row for GroupRow<'_> {
    fn headers() -> &'static [&'static str] {
        &["GROUP", "TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-START-OFFSET", "LOG-END-OFFSET", "LAG", "CONSUMER-ID"]
    }
    fn cells(&self) -> Vec<String> {
        let r = self.row;
        vec![
            self.group.to_string(),
            r.topic.clone(),
            r.partition.to_string(),
            r.committed.to_string(),
            r.log_start.to_string(),
            r.log_end.to_string(),
            r.lag.to_string(),
            r.member.clone().unwrap_or_else(|| "-".into()),
        ]
    }
}

/// One group as the broker describes it (or why it cannot), with its offsets.
struct Group {
    name: String,
    desc: Result<GroupDescription, String>,
    rows: Vec<OffsetRow>,
}

impl Group {
    fn state(&self) -> &str {
        self.desc.as_ref().map_or("Unknown", |d| d.state.as_str())
    }
}

/// The groups asked for, described, with their offsets (blocking).
fn gather(kafka: &KafkaSettings, args: &DescribeArgs) -> chatctl::Result<Vec<Group>> {
    let client = kgroups::admin_consumer(kafka)?;
    let names: Vec<String> = if args.all_groups {
        kgroups::list(client.client(), kafka.timeout)?.into_iter().map(|g| g.group).collect()
    } else {
        args.groups.clone()
    };
    // One DescribeGroups for all; a broker that cannot describe (tansu on SQLite) leaves
    // every state unknown.
    let descs = kgroups::describe(client.client(), &names, kafka.timeout).map_err(|e| e.to_string());
    // One metadata answer and one watermark question per partition, for all the groups.
    let md = client.fetch_metadata(None, kafka.timeout).map_err(|e| kafka.unreachable(e))?;
    let mut ends = groups::Watermarks::default();
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let desc = match &descs {
            Ok(ds) => ds.iter().find(|d| d.group == name).cloned().ok_or_else(|| "not described".to_string()),
            Err(e) => Err(e.clone()),
        };
        let rows = groups::offsets_in(kafka, &client, &md, &mut ends, &name, desc.as_ref().ok())?;
        out.push(Group { name, desc, rows });
    }
    chatctl::kafka::dispose(client);
    Ok(out)
}

impl Group {
    /// The broker knows nothing of it: no committed offset and no member. Apache Kafka
    /// says `Dead` for such a group; tansu says `Empty`, as for a group whose members all
    /// left (which still has offsets).
    fn unknown(&self) -> bool {
        self.rows.is_empty() && !self.desc.as_ref().is_ok_and(|d| !d.members.is_empty() || d.state == "Stable")
    }
}

/// Err(NotFound) unless the broker knows `group` (committed offsets or members).
pub async fn must_exist(kafka: &KafkaSettings, group: &str) -> anyhow::Result<()> {
    let (k, a) = (kafka.clone(), DescribeArgs::one(group));
    let all = blocking(move || gather(&k, &a)).await?;
    match all.first() {
        Some(g) if !g.unknown() => Ok(()),
        _ => Err(Error::NotFound(format!("no such group: {group} (no committed offsets and no members)")).into()),
    }
}

pub async fn run(kafka: &KafkaSettings, args: &DescribeArgs, ctx: &Context) -> anyhow::Result<()> {
    let (k, a) = (kafka.clone(), DescribeArgs { groups: args.groups.clone(), state: args.state.clone(), ..*args });
    let mut all = blocking(move || gather(&k, &a)).await?;
    if !args.all_groups {
        let unknown: Vec<&str> = all.iter().filter(|g| g.unknown()).map(|g| g.name.as_str()).collect();
        if !unknown.is_empty() {
            return Err(Error::NotFound(format!(
                "no such group: {} (no committed offsets and no members)",
                unknown.join(", ")
            ))
            .into());
        }
    }
    if let Some(want) = &args.state {
        all.retain(|g| g.state().eq_ignore_ascii_case(want));
    }
    if args.only_with_lag {
        for g in &mut all {
            g.rows.retain(|r| r.lag > 0);
        }
        all.retain(|g| !g.rows.is_empty());
    }
    if all.is_empty() {
        eprintln!("no group matches");
        return Ok(());
    }
    if let Some(by) = args.by {
        return Ok(ctx.printer.rows(&roll_up(&all, by))?);
    }
    match ctx.printer.format {
        OutputFormat::Json | OutputFormat::Yaml => {
            for g in &all {
                let (state, members) = (g.state().to_string(), g.desc.as_ref().ok().map(|d| d.members.as_slice()));
                ctx.printer.document(&Described { group: &g.name, state, members, offsets: &g.rows })?;
            }
        }
        OutputFormat::Plain => {
            let rows: Vec<GroupRow> =
                all.iter().flat_map(|g| g.rows.iter().map(move |row| GroupRow { group: &g.name, row })).collect();
            ctx.printer.rows(&rows)?;
        }
        _ => {
            for g in &all {
                match &g.desc {
                    Ok(d) => {
                        println!("group {}: {}, {} member(s)", g.name, d.state, d.members.len());
                        for m in &d.members {
                            println!("  {} ({}): {}", m.label(), m.member_id, m.assignment.join(" "));
                        }
                    }
                    Err(e) => println!("group {}: state unknown (the broker cannot describe groups: {e})", g.name),
                }
                ctx.printer.rows(&g.rows)?;
            }
        }
    }
    Ok(())
}
