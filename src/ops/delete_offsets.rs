//! `groups delete-offsets`: remove a group's committed offsets on some topics, as
//! kafka-consumer-groups.sh --delete-offsets does with OffsetDelete (KIP-496): afterwards the
//! group has no offset there (its consumers start from `auto.offset.reset`), and every other
//! offset it has stays.
//!
//! A broker without OffsetDelete (tansu 0.6) gets the same outcome another way, only for a
//! group with no members: the group is deleted and the offsets it keeps are committed back,
//! after being saved to a file (Kafka's reset CSV) so a failure in between can be undone
//! with `groups reset --from-file`.

use std::path::PathBuf;

use rdkafka::consumer::Consumer;

use crate::error::{Error, Result};
use crate::kafka::groups::{self, PartitionDeletion, TopicOffset};
use crate::kafka::KafkaSettings;

/// A group's committed offsets, split by what `--topic` names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// The offsets to delete.
    pub doomed: Vec<TopicOffset>,
    /// Every other committed offset of the group.
    pub kept: Vec<TopicOffset>,
}

impl Selection {
    /// Split `committed` by `scope` (`topic` or `topic` with partitions).
    pub fn split(committed: Vec<TopicOffset>, scope: &[(String, Option<Vec<i32>>)]) -> Selection {
        let named = |(t, p, _): &TopicOffset| {
            scope.iter().any(|(topic, parts)| topic == t && parts.as_ref().is_none_or(|ps| ps.contains(p)))
        };
        let (doomed, kept) = committed.into_iter().partition(named);
        Selection { doomed, kept }
    }
}

/// The group's committed offsets, split by `scope`. NotFound when none is named.
pub fn select(kafka: &KafkaSettings, group: &str, scope: &[(String, Option<Vec<i32>>)]) -> Result<Selection> {
    let client = groups::admin_consumer(kafka)?;
    let md = client.fetch_metadata(None, kafka.timeout).map_err(|e| kafka.unreachable(e));
    crate::kafka::dispose(client);
    let committed = groups::committed(kafka, group, &groups::topic_partitions(&md?, None))?;
    let selection = Selection::split(committed, scope);
    if selection.doomed.is_empty() {
        let topics: Vec<&str> = scope.iter().map(|(t, _)| t.as_str()).collect();
        return Err(Error::NotFound(format!("group {group} has no committed offset on {}", topics.join(", "))));
    }
    Ok(selection)
}

/// OffsetDelete for the selection's offsets; [`Error::Unsupported`] when the broker lacks it
/// (asked first: see [`groups::delete_offsets`]).
pub fn native(kafka: &KafkaSettings, group: &str, selection: &Selection) -> Result<Vec<PartitionDeletion>> {
    if !groups::broker_supports(kafka, groups::OFFSET_DELETE)? {
        return Err(Error::Unsupported("the broker does not implement OffsetDelete (KIP-496)".into()));
    }
    let client = groups::admin_consumer(kafka)?;
    let partitions: Vec<(String, i32)> = selection.doomed.iter().map(|(t, p, _)| (t.clone(), *p)).collect();
    let result = groups::delete_offsets(client.client(), group, &partitions, kafka.timeout);
    crate::kafka::dispose(client);
    result
}

/// Kafka's reset CSV of one group's offsets (`topic,partition,offset`), which
/// `groups reset --from-file` reads back.
pub fn to_csv(offsets: &[TopicOffset]) -> String {
    offsets.iter().map(|(t, p, o)| format!("{t},{p},{o}\n")).collect()
}

/// Where [`recreate`] saves the offsets it commits back.
pub fn backup_path(group: &str) -> PathBuf {
    let safe: String =
        group.chars().map(|c| if c.is_ascii_alphanumeric() || "-_.".contains(c) { c } else { '_' }).collect();
    std::env::temp_dir().join(format!("chatctl-{safe}-offsets-{}.csv", chrono::Utc::now().format("%Y%m%dT%H%M%S")))
}

/// For a broker without OffsetDelete, on a group with no members (the caller checks): save
/// the kept offsets to `backup`, delete the group, commit the kept offsets back.
pub async fn recreate(kafka: &KafkaSettings, group: &str, selection: &Selection, backup: &PathBuf) -> Result<()> {
    std::fs::write(backup, to_csv(&selection.kept))?;
    crate::ops::groups::delete(kafka, group).await?;
    if selection.kept.is_empty() {
        return Ok(());
    }
    let (k, g, kept) = (kafka.clone(), group.to_string(), selection.kept.clone());
    let committed = tokio::task::spawn_blocking(move || groups::commit(&k, &g, &kept))
        .await
        .map_err(|e| Error::Broker(format!("commit task failed: {e}")))?;
    committed.map_err(|e| {
        Error::Broker(format!(
            "group {group} was deleted but its other offsets were not committed back ({e}); restore them with \
             `chatctl groups reset --group {group} --from-file {} --execute`",
            backup.display()
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn o(t: &str, p: i32, off: i64) -> TopicOffset {
        (t.to_string(), p, off)
    }

    #[test]
    fn a_topic_takes_all_its_partitions_and_leaves_the_others() {
        let committed = vec![o("a", 0, 5), o("a", 1, 7), o("b", 0, 9)];
        let s = Selection::split(committed, &[("a".into(), None)]);
        assert_eq!(s.doomed, vec![o("a", 0, 5), o("a", 1, 7)]);
        assert_eq!(s.kept, vec![o("b", 0, 9)]);
    }

    #[test]
    fn named_partitions_take_only_those() {
        let committed = vec![o("a", 0, 5), o("a", 1, 7), o("b", 0, 9)];
        let s = Selection::split(committed, &[("a".into(), Some(vec![1])), ("b".into(), None)]);
        assert_eq!(s.doomed, vec![o("a", 1, 7), o("b", 0, 9)]);
        assert_eq!(s.kept, vec![o("a", 0, 5)]);
    }

    #[test]
    fn the_backup_reads_back_as_a_reset_plan() {
        let kept = vec![o("b", 0, 9), o("c", 2, 11)];
        let plan = crate::ops::groups::parse_reset_plan(&to_csv(&kept), &["g".to_string()]).unwrap();
        assert_eq!(plan.get("g"), Some(&kept));
    }

    /// librdkafka's mock cluster has no OffsetDelete, like tansu 0.6: it is told apart
    /// (what makes `groups delete-offsets` take the other way) before librdkafka is asked.
    #[test]
    fn a_broker_without_offset_delete_is_told_apart() {
        let cluster = rdkafka::mocking::MockCluster::new(1).unwrap();
        let mut kafka = KafkaSettings::new(cluster.bootstrap_servers());
        kafka.timeout = std::time::Duration::from_secs(5);
        assert!(groups::broker_supports(&kafka, 3).unwrap(), "the mock answers Metadata (3)");
        assert!(!groups::broker_supports(&kafka, groups::OFFSET_DELETE).unwrap());
        let selection = Selection { doomed: vec![o("t", 0, 1)], kept: Vec::new() };
        let err = native(&kafka, "g", &selection).unwrap_err();
        assert!(matches!(err, Error::Unsupported(_)), "{err:?}");
        assert!(err.to_string().contains("OffsetDelete"), "{err}");
    }
}
