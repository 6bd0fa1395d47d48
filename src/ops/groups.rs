//! Consumer-group offset resets, planned the way Apache Kafka's kafka-consumer-groups.sh
//! plans them: a scope (topics and partitions), a target rule, a plan with every target
//! clamped into the partition's log, then (only with `--execute`) one commit from outside
//! the group — and only when the group has no members.

use std::collections::BTreeSet;

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

/// Where each partition's offset goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Earliest,
    Latest,
    Current,
    Offset(i64),
    ShiftBy(i64),
    /// Milliseconds since the epoch (`--to-datetime`, `--by-duration`).
    Time(i64),
    /// Targets read from a plan file: (topic, partition) → offset.
    Plan(Vec<(String, i32, i64)>),
}

/// One partition of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanRow {
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

/// A plan and the warnings met while making it (clamped targets).
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub rows: Vec<PlanRow>,
    pub warnings: Vec<String>,
}

/// The plan's CSV, the same columns `--from-file` reads: topic,partition,current,target,change.
pub fn to_csv(rows: &[PlanRow]) -> String {
    let mut out = String::from("topic,partition,current,target,change\n");
    for r in rows {
        let opt = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
        out.push_str(&format!("{},{},{},{},{}\n", r.topic, r.partition, opt(r.current), r.target, opt(r.change())));
    }
    out
}

/// Read a plan file: the CSV `to_csv` writes (columns found by their header), or Apache
/// Kafka's export without a header (`topic,partition,offset`).
pub fn from_csv(text: &str) -> Result<Vec<(String, i32, i64)>> {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).peekable();
    let (mut ti, mut pi, mut oi) = (0usize, 1usize, 2usize);
    if let Some(first) = lines.peek() {
        let cols: Vec<&str> = first.split(',').map(str::trim).collect();
        if cols.iter().any(|c| c.eq_ignore_ascii_case("topic")) {
            let find = |name: &str| cols.iter().position(|c| c.eq_ignore_ascii_case(name));
            ti = find("topic").unwrap_or(0);
            pi = find("partition").ok_or_else(|| Error::usage("plan file header has no `partition` column"))?;
            oi = find("target")
                .or_else(|| find("offset"))
                .ok_or_else(|| Error::usage("plan file header has no `target` (or `offset`) column"))?;
            lines.next();
        }
    }
    let mut out = Vec::new();
    for (n, line) in lines.enumerate() {
        let cols: Vec<&str> = line.split(',').map(str::trim).collect();
        let field = |i: usize| cols.get(i).copied().unwrap_or("");
        let bad = |what: &str| Error::usage(format!("plan file line {}: bad {what} in {line:?}", n + 2));
        let partition = field(pi).parse::<i32>().map_err(|_| bad("partition"))?;
        let offset = field(oi).parse::<i64>().map_err(|_| bad("target offset"))?;
        if field(ti).is_empty() {
            return Err(bad("topic"));
        }
        out.push((field(ti).to_string(), partition, offset));
    }
    if out.is_empty() {
        return Err(Error::usage("plan file has no rows"));
    }
    Ok(out)
}

/// The target of one partition before clamping; none for "leave as is" (to-current with no
/// committed offset uses the earliest, as the workers' `auto.offset.reset` would).
pub fn raw_target(
    target: &Target,
    current: Option<i64>,
    low: i64,
    high: i64,
    by_time: Option<i64>,
    planned: Option<i64>,
) -> i64 {
    match target {
        Target::Earliest => low,
        Target::Latest => high,
        Target::Current => current.unwrap_or(low),
        Target::Offset(o) => *o,
        Target::ShiftBy(n) => current.unwrap_or(low).saturating_add(*n),
        // Offsets-for-times answers -1 past the last record: the log end.
        Target::Time(_) => by_time.filter(|o| *o >= 0).unwrap_or(high),
        Target::Plan(_) => planned.unwrap_or(low),
    }
}

/// Clamp into [low, high], saying so when it had to.
pub fn clamp(topic: &str, partition: i32, target: i64, low: i64, high: i64, warnings: &mut Vec<String>) -> i64 {
    if target < low {
        warnings.push(format!("{topic}:{partition}: target {target} is before the log start {low}; using {low}"));
        low
    } else if target > high {
        warnings.push(format!("{topic}:{partition}: target {target} is past the log end {high}; using {high}"));
        high
    } else {
        target
    }
}

/// Make the plan for `group` (blocking: run it off the async runtime).
pub fn plan(kafka: &KafkaSettings, group: &str, scope: &Scope, target: &Target) -> Result<Plan> {
    let client: BaseConsumer = groups::admin_consumer(kafka)?;
    let md = client.fetch_metadata(None, kafka.timeout).map_err(|e| kafka.unreachable(e))?;
    let all = groups::topic_partitions(&md, None);
    let committed = groups::committed(kafka, group, &all)?;
    let current = |t: &str, p: i32| committed.iter().find(|(ct, cp, _)| ct == t && *cp == p).map(|c| c.2);

    // The partitions in scope.
    let mut partitions: Vec<(String, i32)> = Vec::new();
    match (scope, target) {
        (_, Target::Plan(rows)) => partitions.extend(rows.iter().map(|(t, p, _)| (t.clone(), *p))),
        (Scope::AllTopics, _) => {
            let topics: BTreeSet<&str> = committed.iter().map(|c| c.0.as_str()).collect();
            if topics.is_empty() {
                return Err(Error::NotFound(format!(
                    "group {group} has no committed offsets: name the topics with --topic"
                )));
            }
            for e in all.elements() {
                if topics.contains(e.topic()) {
                    partitions.push((e.topic().to_string(), e.partition()));
                }
            }
        }
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

    // Offsets by time: the range resolver's end bound (the first offset at or after the
    // time, checked against the records around it: brokers answer past-the-end and
    // batch-time questions differently).
    let by_time: Vec<(String, i32, i64)> = match target {
        Target::Time(ms) => {
            let resolver = Resolver::new(kafka)?;
            let mut resolved = Resolved::default();
            let topics: BTreeSet<&str> = partitions.iter().map(|(t, _)| t.as_str()).collect();
            for t in topics {
                let ps: Vec<i32> = partitions.iter().filter(|(pt, _)| pt == t).map(|(_, p)| *p).collect();
                let spec = RangeSpec { until_ms: Some(*ms), partitions: Some(ps), ..Default::default() };
                resolver.resolve_topic(t, &spec, &mut resolved)?;
            }
            resolved.ranges.into_iter().map(|r| (r.topic, r.partition, r.end)).collect()
        }
        _ => Vec::new(),
    };

    let mut out = Plan::default();
    for (t, p) in partitions {
        let (low, high) = client.fetch_watermarks(&t, p, kafka.timeout).map_err(|e| kafka.unreachable(e))?;
        let cur = current(&t, p);
        let bt = by_time.iter().find(|b| b.0 == t && b.1 == p).map(|b| b.2);
        let planned = match target {
            Target::Plan(rows) => rows.iter().find(|r| r.0 == t && r.1 == p).map(|r| r.2),
            _ => None,
        };
        let raw = raw_target(target, cur, low, high, bt, planned);
        let target = clamp(&t, p, raw, low, high, &mut out.warnings);
        out.rows.push(PlanRow { topic: t, partition: p, current: cur, target });
    }
    crate::kafka::dispose(client);
    Ok(out)
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
    let committed = groups::committed(kafka, group, &groups::topic_partitions(&md, None))?;
    let mut rows = Vec::new();
    for (topic, partition, offset) in committed {
        let (low, high) =
            client.fetch_watermarks(&topic, partition, kafka.timeout).map_err(|e| kafka.unreachable(e))?;
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
    crate::kafka::dispose(client);
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
        let t = |target: Target, cur| raw_target(&target, cur, 10, 100, None, None);
        assert_eq!(t(Target::Earliest, Some(50)), 10);
        assert_eq!(t(Target::Latest, Some(50)), 100);
        assert_eq!(t(Target::Current, Some(50)), 50);
        assert_eq!(t(Target::Current, None), 10);
        assert_eq!(t(Target::Offset(42), Some(50)), 42);
        assert_eq!(t(Target::ShiftBy(-5), Some(50)), 45);
        assert_eq!(t(Target::ShiftBy(5), None), 15);
        assert_eq!(raw_target(&Target::Time(1), Some(50), 10, 100, Some(33), None), 33);
        assert_eq!(
            raw_target(&Target::Time(1), Some(50), 10, 100, Some(-1), None),
            100,
            "past the last record: log end"
        );
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

    #[test]
    fn csv_round_trips_and_reads_kafka_format() {
        let rows = vec![
            PlanRow { topic: "a".into(), partition: 0, current: Some(5), target: 2 },
            PlanRow { topic: "a".into(), partition: 1, current: None, target: 7 },
        ];
        let csv = to_csv(&rows);
        assert_eq!(csv, "topic,partition,current,target,change\na,0,5,2,-3\na,1,,7,\n");
        assert_eq!(from_csv(&csv).unwrap(), vec![("a".into(), 0, 2), ("a".into(), 1, 7)]);
        assert_eq!(from_csv("t,3,99\n").unwrap(), vec![("t".into(), 3, 99)]);
        assert!(from_csv("topic,partition\n").is_err());
        assert!(from_csv("t,x,1\n").unwrap_err().to_string().contains("line"));
    }
}
