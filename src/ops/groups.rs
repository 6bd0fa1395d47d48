//! Consumer-group offset resets, planned the way Apache Kafka's kafka-consumer-groups.sh
//! plans them: a scope (topics and partitions), a target rule, a plan with every target
//! clamped into the partition's log, then (only with `--execute`) one commit from outside
//! the group — and only when the group has no members.

use std::collections::{BTreeMap, BTreeSet};

use rdkafka::consumer::{BaseConsumer, Consumer};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::kafka::groups::{self, GroupDescription};
use crate::kafka::KafkaSettings;
use crate::ops::range::{RangeSpec, Resolved, Resolver};

/// Which partitions a reset touches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every topic the group has committed offsets for.
    AllTopics,
    /// `topic` or `topic:0,3`, repeatable.
    Topics(Vec<(String, Option<Vec<i32>>)>),
}

impl Scope {
    /// Parse one `--topic` value: `T` or `T:P,P`.
    pub fn parse_topic(raw: &str) -> std::result::Result<(String, Option<Vec<i32>>), String> {
        match raw.split_once(':') {
            None if !raw.is_empty() => Ok((raw.to_string(), None)),
            Some((t, ps)) if !t.is_empty() => {
                let parts = ps
                    .split(',')
                    .map(|p| {
                        p.trim()
                            .parse::<i32>()
                            .map_err(|_| format!("bad partition {p:?} in {raw:?} (expected TOPIC:0,1)"))
                    })
                    .collect::<std::result::Result<Vec<_>, _>>()?;
                Ok((t.to_string(), Some(parts)))
            }
            _ => Err(format!("expected TOPIC or TOPIC:P,P, got {raw:?}")),
        }
    }
}

/// Where each partition's offset goes (kafka-consumer-groups.sh's reset scenarios).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Earliest,
    Latest,
    /// The committed offset; the log end where the group has none (Kafka's rule).
    Current,
    Offset(i64),
    /// From the committed offset; a partition without one is a usage error.
    ShiftBy(i64),
    /// Milliseconds since the epoch (`--to-datetime`, `--by-duration`).
    Time(i64),
    /// A plan read from a file.
    Plan(PlanFile),
    /// Another group's committed offsets (`--to-group`, a chatctl extension).
    Group(String),
}

/// A `--from-file` plan: group → (topic, partition, offset).
pub type PlanFile = BTreeMap<String, Vec<(String, i32, i64)>>;

/// One partition of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanRow {
    pub group: String,
    pub topic: String,
    pub partition: i32,
    /// The group's committed offset; none when it has none there.
    pub current: Option<i64>,
    pub target: i64,
}

impl PlanRow {
    pub fn change(&self) -> Option<i64> {
        self.current.map(|c| self.target - c)
    }
}

/// A plan and the warnings met while making it (clamped targets, empty partitions).
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub rows: Vec<PlanRow>,
    pub warnings: Vec<String>,
}

/// kafka-consumer-groups.sh's `--export`: no header; `topic,partition,offset` when one
/// group was named with `--group`, `group,topic,partition,offset` otherwise.
pub fn to_csv(rows: &[PlanRow], single_group: bool) -> String {
    let mut out = String::new();
    for r in rows {
        if single_group {
            out.push_str(&format!("{},{},{}\n", r.topic, r.partition, r.target));
        } else {
            out.push_str(&format!("{},{},{},{}\n", r.group, r.topic, r.partition, r.target));
        }
    }
    out
}

/// kafka-consumer-groups.sh's dry-run table (`printOffsetsToReset`).
pub fn to_kafka_table(rows: &[PlanRow]) -> String {
    let line = |g: &str, t: &str, p: &str, o: &str| format!("{g:<30} {t:<30} {p:<10} {o:<15}");
    let mut out = String::new();
    if !rows.is_empty() {
        out.push('\n');
        out.push_str(&line("GROUP", "TOPIC", "PARTITION", "NEW-OFFSET"));
    }
    for r in rows {
        out.push('\n');
        out.push_str(&line(&r.group, &r.topic, &r.partition.to_string(), &r.target.to_string()));
    }
    out.push('\n');
    out
}

/// Read a `--from-file` plan as kafka-consumer-groups.sh does (`parseResetPlan`): with
/// exactly one `--group` and a first line of three columns, `topic,partition,offset` for
/// that group; otherwise `group,topic,partition,offset`. chatctl also reads the CSV its
/// earlier versions exported (a header naming `topic`, `partition` and `target`).
pub fn parse_reset_plan(text: &str, groups: &[String]) -> Result<PlanFile> {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    let Some(first) = lines.first() else { return Err(Error::usage("plan file has no rows")) };
    let cols = |l: &str| l.split(',').map(str::trim).map(str::to_string).collect::<Vec<_>>();
    let head = cols(first);
    let bad =
        |n: usize, what: &str, line: &str| Error::usage(format!("plan file line {}: bad {what} in {line:?}", n + 1));
    let num = |v: &str| v.parse::<i64>().ok();
    let mut out = PlanFile::new();
    if head.iter().any(|c| c.eq_ignore_ascii_case("topic")) {
        let group = match groups {
            [g] => g.clone(),
            _ => return Err(Error::usage("a plan file with a header is for one group: name it with --group")),
        };
        let find = |name: &str| head.iter().position(|c| c.eq_ignore_ascii_case(name));
        let (ti, pi) = (find("topic").unwrap_or(0), find("partition").ok_or_else(|| bad(0, "header", first))?);
        let oi = find("target").or_else(|| find("offset")).ok_or_else(|| bad(0, "header", first))?;
        for (n, line) in lines.iter().enumerate().skip(1) {
            let c = cols(line);
            let get = |i: usize| c.get(i).map(String::as_str).unwrap_or("");
            let p = get(pi).parse::<i32>().map_err(|_| bad(n, "partition", line))?;
            let o = num(get(oi)).ok_or_else(|| bad(n, "offset", line))?;
            out.entry(group.clone()).or_default().push((get(ti).to_string(), p, o));
        }
        return Ok(out);
    }
    let old = groups.len() == 1 && head.len() == 3;
    for (n, line) in lines.iter().enumerate() {
        let c = cols(line);
        let (g, rest) = match (old, c.len()) {
            (true, 3) => (groups[0].clone(), &c[..]),
            (false, 4) => (c[0].clone(), &c[1..]),
            _ => {
                let want = if old { "topic,partition,offset" } else { "group,topic,partition,offset" };
                return Err(bad(n, &format!("row (expected {want})"), line));
            }
        };
        if rest[0].is_empty() {
            return Err(bad(n, "topic", line));
        }
        let p = rest[1].parse::<i32>().map_err(|_| bad(n, "partition", line))?;
        let o = num(&rest[2]).ok_or_else(|| bad(n, "offset", line))?;
        out.entry(g).or_default().push((rest[0].clone(), p, o));
    }
    Ok(out)
}

/// The target of one partition before any range check, as Kafka's `prepareOffsetsToReset`
/// computes it. `by_time` is the offsets-for-times answer (-1 or none: no record at or after
/// the time, and Kafka falls back to the log end).
pub fn raw_target(
    target: &Target,
    current: Option<i64>,
    low: i64,
    high: i64,
    by_time: Option<i64>,
    planned: Option<i64>,
) -> std::result::Result<i64, String> {
    Ok(match target {
        Target::Earliest => low,
        Target::Latest => high,
        Target::Current => current.unwrap_or(high),
        Target::Offset(o) => *o,
        Target::ShiftBy(n) => current.ok_or("there is no current committed offset to shift from")?.saturating_add(*n),
        Target::Time(_) => by_time.filter(|o| *o >= 0).unwrap_or(high),
        Target::Plan(_) => planned.ok_or("the plan file has no offset for it")?,
        Target::Group(other) => planned.ok_or_else(|| format!("group {other} has no committed offset there"))?,
    })
}

/// Whether Kafka checks the target against the log (`checkOffsetsRange`): for the targets
/// a user types (to-offset, shift-by, a plan file); the others come from the log.
pub fn range_checked(target: &Target) -> bool {
    matches!(target, Target::Offset(_) | Target::ShiftBy(_) | Target::Plan(_) | Target::Group(_))
}

/// Clamp into [low, high], saying so when it had to.
pub fn clamp(topic: &str, partition: i32, target: i64, low: i64, high: i64, warnings: &mut Vec<String>) -> i64 {
    if target > high {
        warnings.push(format!("{topic}:{partition}: new offset {target} is past the log end {high}; using {high}"));
        high
    } else if target < low {
        warnings.push(format!("{topic}:{partition}: new offset {target} is before the log start {low}; using {low}"));
        low
    } else {
        target
    }
}

/// Make the plan for `group` (blocking: run it off the async runtime), as Kafka's
/// `resetOffsets` does for one group: `--all-topics` is exactly the partitions the group
/// has committed offsets for (none: an empty plan), `--topic T` every partition of T,
/// `T:P,P` those; a plan file names its own partitions.
pub fn plan(kafka: &KafkaSettings, group: &str, scope: &Scope, target: &Target) -> Result<Plan> {
    let client: BaseConsumer = groups::admin_consumer(kafka)?;
    let md = client.fetch_metadata(None, kafka.timeout).map_err(|e| kafka.unreachable(e))?;
    let all = groups::topic_partitions(&md, None);
    let committed = groups::committed(kafka, group, &all)?;
    let current = |t: &str, p: i32| committed.iter().find(|(ct, cp, _)| ct == t && *cp == p).map(|c| c.2);
    let copied = match target {
        Target::Group(other) => groups::committed(kafka, other, &all)?,
        _ => Vec::new(),
    };
    let mut out = Plan::default();

    // --all-topics with --to-group: the partitions the other group has offsets for.
    let committed_in_scope = if matches!(target, Target::Group(_)) { &copied } else { &committed };
    let partitions = in_scope(group, scope, target, &all, committed_in_scope, &mut out.warnings)?;

    // Offsets by time: the range resolver's end bound (the first offset at or after the
    // time, checked against the records around it: brokers answer past-the-end and
    // batch-time questions differently).
    let by_time = offsets_by_time(kafka, target, &partitions)?;

    for (t, p) in partitions {
        let (low, high) = client.fetch_watermarks(&t, p, kafka.timeout).map_err(|e| kafka.unreachable(e))?;
        let cur = current(&t, p);
        let bt = by_time.iter().find(|b| b.0 == t && b.1 == p).map(|b| b.2);
        if matches!(target, Target::Time(_)) && bt.is_none_or(|o| o < 0) {
            out.warnings.push(format!("{t}:{p}: no record at or after the time: falling back to the log end {high}"));
        }
        let planned = match target {
            Target::Plan(plans) => {
                plans.get(group).and_then(|rows| rows.iter().find(|r| r.0 == t && r.1 == p)).map(|r| r.2)
            }
            Target::Group(_) => copied.iter().find(|c| c.0 == t && c.1 == p).map(|c| c.2),
            _ => None,
        };
        let raw = raw_target(target, cur, low, high, bt, planned)
            .map_err(|why| Error::usage(format!("cannot reset {t}:{p} of group {group}: {why}")))?;
        let target = if range_checked(target) { clamp(&t, p, raw, low, high, &mut out.warnings) } else { raw };
        out.rows.push(PlanRow { group: group.to_string(), topic: t, partition: p, current: cur, target });
    }
    crate::kafka::dispose(client);
    Ok(out)
}

/// The partitions a reset covers, sorted, each checked to exist.
fn in_scope(
    group: &str,
    scope: &Scope,
    target: &Target,
    all: &rdkafka::TopicPartitionList,
    committed: &[(String, i32, i64)],
    warnings: &mut Vec<String>,
) -> Result<Vec<(String, i32)>> {
    let mut partitions: Vec<(String, i32)> = Vec::new();
    match (scope, target) {
        (_, Target::Plan(plans)) => match plans.get(group) {
            Some(rows) => partitions.extend(rows.iter().map(|(t, p, _)| (t.clone(), *p))),
            None => warnings.push(format!("no reset plan for group {group} in the file")),
        },
        (Scope::AllTopics, _) => partitions.extend(committed.iter().map(|(t, p, _)| (t.clone(), *p))),
        (Scope::Topics(list), _) => {
            for (topic, only) in list {
                let known: Vec<i32> =
                    all.elements().iter().filter(|e| e.topic() == topic).map(|e| e.partition()).collect();
                if known.is_empty() {
                    return Err(Error::NotFound(format!("topic {topic} does not exist")));
                }
                match only {
                    None => partitions.extend(known.iter().map(|p| (topic.clone(), *p))),
                    Some(ps) => {
                        for p in ps {
                            if !known.contains(p) {
                                return Err(Error::usage(format!(
                                    "{topic} has no partition {p} (it has {})",
                                    known.len()
                                )));
                            }
                            partitions.push((topic.clone(), *p));
                        }
                    }
                }
            }
        }
    }
    partitions.sort();
    partitions.dedup();
    for (t, p) in &partitions {
        if !all.elements().iter().any(|e| e.topic() == t && e.partition() == *p) {
            return Err(Error::NotFound(format!("{t}:{p} does not exist")));
        }
    }
    Ok(partitions)
}

/// Offsets by time: the range resolver's end bound (the first offset at or after the time,
/// checked against the records around it: brokers answer past-the-end and batch-time
/// questions differently). Empty unless the target is a time.
fn offsets_by_time(
    kafka: &KafkaSettings,
    target: &Target,
    partitions: &[(String, i32)],
) -> Result<Vec<(String, i32, i64)>> {
    let Target::Time(ms) = target else { return Ok(Vec::new()) };
    if partitions.is_empty() {
        return Ok(Vec::new());
    }
    let resolver = Resolver::new(kafka)?;
    let mut resolved = Resolved::default();
    let topics: BTreeSet<&str> = partitions.iter().map(|(t, _)| t.as_str()).collect();
    for t in topics {
        let ps: Vec<i32> = partitions.iter().filter(|(pt, _)| pt == t).map(|(_, p)| *p).collect();
        let spec = RangeSpec { until_ms: Some(*ms), partitions: Some(ps), ..Default::default() };
        resolver.resolve_topic(t, &spec, &mut resolved)?;
    }
    Ok(resolved.ranges.into_iter().map(|r| (r.topic, r.partition, r.end)).collect())
}

/// What the membership check found.
#[derive(Debug, Clone)]
pub enum Activity {
    /// The broker says nobody consumes in the group.
    Inactive,
    /// The broker could not say (its error); only `--force` goes on.
    Unknown(String),
}

/// Refuse to touch a group that has members; fail closed where the broker cannot tell.
pub fn check_inactive(kafka: &KafkaSettings, group: &str) -> Result<Activity> {
    let client = groups::admin_consumer(kafka)?;
    let described = groups::describe(client.client(), &[group.to_string()], kafka.timeout);
    crate::kafka::dispose(client);
    match described {
        Ok(d) => match d.into_iter().next() {
            Some(g) if !g.is_inactive() => Err(active_error(&g)),
            _ => Ok(Activity::Inactive),
        },
        Err(e) => Ok(Activity::Unknown(e.to_string())),
    }
}

fn active_error(g: &GroupDescription) -> Error {
    let who = if g.members.is_empty() {
        // tansu answers an active group's state without its members' details.
        "the broker gives no member details".to_string()
    } else {
        let members: Vec<String> = g.members.iter().map(|m| m.label()).collect();
        format!("{} member(s): {}", members.len(), members.join(", "))
    };
    Error::Conflict(format!(
        "group {} is {} ({who}); stop its consumers first: an active group's next commit would overwrite the change",
        g.group, g.state
    ))
}

/// Apply a plan.
pub fn execute(kafka: &KafkaSettings, group: &str, plan: &[PlanRow]) -> Result<()> {
    let offsets: Vec<(String, i32, i64)> = plan.iter().map(|r| (r.topic.clone(), r.partition, r.target)).collect();
    groups::commit(kafka, group, &offsets)
}

/// Delete a group (its committed offsets go with it).
pub async fn delete(kafka: &KafkaSettings, group: &str) -> Result<()> {
    use rdkafka::admin::AdminOptions;
    let admin = kafka.admin()?;
    let opts = AdminOptions::new().request_timeout(Some(kafka.timeout));
    let results = admin.delete_groups(&[group], &opts).await.map_err(|e| kafka.unreachable(e))?;
    for r in results {
        if let Err((g, code)) = r {
            return Err(Error::Broker(format!("deleting group {g}: {code}")));
        }
    }
    Ok(())
}

/// A group's committed offsets with the log around them (`groups describe`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OffsetRow {
    pub topic: String,
    pub partition: i32,
    pub committed: i64,
    pub log_start: i64,
    pub log_end: i64,
    pub lag: i64,
    /// The member assigned this partition, where the broker says.
    pub member: Option<String>,
}

/// Committed offsets of `group` with watermarks and (where the broker can describe) who
/// holds each partition.
pub fn offsets(kafka: &KafkaSettings, group: &str, desc: Option<&GroupDescription>) -> Result<Vec<OffsetRow>> {
    let client: BaseConsumer = groups::admin_consumer(kafka)?;
    let md = client.fetch_metadata(None, kafka.timeout).map_err(|e| kafka.unreachable(e))?;
    let mut ends = Watermarks::default();
    let rows = offsets_in(kafka, &client, &md, &mut ends, group, desc);
    crate::kafka::dispose(client);
    rows
}

/// Log starts and ends already asked for, by partition (many groups read the same ones).
pub type Watermarks = std::collections::HashMap<(String, i32), (i64, i64)>;

/// [`offsets`] with a client, metadata and watermarks shared across groups.
pub fn offsets_in(
    kafka: &KafkaSettings,
    client: &BaseConsumer,
    md: &rdkafka::metadata::Metadata,
    ends: &mut Watermarks,
    group: &str,
    desc: Option<&GroupDescription>,
) -> Result<Vec<OffsetRow>> {
    let committed = groups::committed(kafka, group, &groups::topic_partitions(md, None))?;
    let mut rows = Vec::new();
    for (topic, partition, offset) in committed {
        let (low, high) = match ends.get(&(topic.clone(), partition)) {
            Some(w) => *w,
            None => {
                let w = client.fetch_watermarks(&topic, partition, kafka.timeout).map_err(|e| kafka.unreachable(e))?;
                ends.insert((topic.clone(), partition), w);
                w
            }
        };
        let tp = format!("{topic}:{partition}");
        let member = desc.and_then(|d| d.members.iter().find(|m| m.assignment.contains(&tp)).map(|m| m.label()));
        rows.push(OffsetRow {
            topic,
            partition,
            committed: offset,
            log_start: low,
            log_end: high,
            lag: (high - offset).max(0),
            member,
        });
    }
    rows.sort_by(|a, b| (&a.topic, a.partition).cmp(&(&b.topic, b.partition)));
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topic_scope_parses() {
        assert_eq!(Scope::parse_topic("chat-events").unwrap(), ("chat-events".into(), None));
        assert_eq!(Scope::parse_topic("t:0,3").unwrap(), ("t".into(), Some(vec![0, 3])));
        assert!(Scope::parse_topic("t:x").is_err());
        assert!(Scope::parse_topic(":1").is_err());
    }

    #[test]
    fn targets_follow_kafka_consumer_groups() {
        let t = |target: Target, cur| raw_target(&target, cur, 10, 100, None, None).unwrap();
        assert_eq!(t(Target::Earliest, Some(50)), 10);
        assert_eq!(t(Target::Latest, Some(50)), 100);
        assert_eq!(t(Target::Current, Some(50)), 50);
        // kafka-consumer-groups.sh: --to-current without a committed offset is the log end.
        assert_eq!(t(Target::Current, None), 100);
        assert_eq!(t(Target::Offset(42), Some(50)), 42);
        assert_eq!(t(Target::ShiftBy(-5), Some(50)), 45);
        // Kafka: "Cannot shift offset for partition ... since there is no current committed offset".
        assert!(raw_target(&Target::ShiftBy(5), None, 10, 100, None, None)
            .unwrap_err()
            .contains("no current committed"));
        assert_eq!(raw_target(&Target::Time(1), Some(50), 10, 100, Some(33), None).unwrap(), 33);
        assert_eq!(
            raw_target(&Target::Time(1), Some(50), 10, 100, Some(-1), None).unwrap(),
            100,
            "no record after: log end"
        );
        assert!(range_checked(&Target::Offset(1)) && range_checked(&Target::ShiftBy(1)));
        assert!(!range_checked(&Target::Current) && !range_checked(&Target::Time(1)));
    }

    #[test]
    fn clamping_warns() {
        let mut w = Vec::new();
        assert_eq!(clamp("t", 0, 5, 10, 100, &mut w), 10);
        assert_eq!(clamp("t", 0, 500, 10, 100, &mut w), 100);
        assert_eq!(clamp("t", 0, 50, 10, 100, &mut w), 50);
        assert_eq!(w.len(), 2);
        assert!(w[0].contains("before the log start 10"), "{w:?}");
    }

    fn row(group: &str, topic: &str, partition: i32, target: i64) -> PlanRow {
        PlanRow { group: group.into(), topic: topic.into(), partition, current: None, target }
    }

    #[test]
    fn export_is_kafkas_csv_and_reads_back() {
        let rows = vec![row("g1", "a", 0, 2), row("g1", "a", 1, 2), row("g2", "b", 0, 7)];
        assert_eq!(to_csv(&rows[..2], true), "a,0,2\na,1,2\n");
        let several = to_csv(&rows, false);
        assert_eq!(several, "g1,a,0,2\ng1,a,1,2\ng2,b,0,7\n");
        let g = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        // ResetConsumerGroupOffsetTest.testResetOffsetsExportImportPlan: several groups,
        // and one group reading its rows out of the several-group file.
        let plan = parse_reset_plan(&several, &g(&["g1", "g2"])).unwrap();
        assert_eq!(plan["g1"], vec![("a".into(), 0, 2), ("a".into(), 1, 2)]);
        assert_eq!(plan["g2"], vec![("b".into(), 0, 7)]);
        assert_eq!(parse_reset_plan(&several, &g(&["g1"])).unwrap()["g1"].len(), 2);
        // testResetOffsetsExportImportPlanSingleGroupArg: the old topic,partition,offset form.
        let plan = parse_reset_plan("a,0,2\na,1,2\n", &g(&["g1"])).unwrap();
        assert_eq!(plan["g1"], vec![("a".into(), 0, 2), ("a".into(), 1, 2)]);
        // chatctl's earlier export (with a header) still reads.
        let plan = parse_reset_plan("topic,partition,current,target,change\na,0,5,2,-3\n", &g(&["g1"])).unwrap();
        assert_eq!(plan["g1"], vec![("a".into(), 0, 2)]);
        assert!(parse_reset_plan("a,0,2\n", &g(&["g1", "g2"])).unwrap_err().to_string().contains("group,topic"));
        assert!(parse_reset_plan("t,x,1\n", &g(&["g"])).unwrap_err().to_string().contains("line 1"));
        assert!(parse_reset_plan("", &g(&["g"])).is_err());
    }

    #[test]
    fn the_dry_run_table_has_kafkas_columns() {
        let t = to_kafka_table(&[row("g", "orders", 0, 50)]);
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "");
        assert_eq!(lines[1].split_whitespace().collect::<Vec<_>>(), ["GROUP", "TOPIC", "PARTITION", "NEW-OFFSET"]);
        assert_eq!(lines[2].split_whitespace().collect::<Vec<_>>(), ["g", "orders", "0", "50"]);
        assert_eq!(&lines[1][..31], format!("{:<31}", "GROUP"));
    }
}
