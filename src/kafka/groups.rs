//! Consumer groups as the broker sees them: list, describe (state and members), committed
//! offsets, and offset commits from outside the group.
//!
//! rust-rdkafka 0.39 has no list/describe for groups (its `fetch_group_list` is the legacy
//! call that fails on brokers that cannot describe groups), so the two calls go to
//! librdkafka's Admin API (`rd_kafka_ListConsumerGroups`, `rd_kafka_DescribeConsumerGroups`)
//! through the `rdkafka-sys` bindings the `rdkafka` crate re-exports. Everything else uses
//! rust-rdkafka's safe API: committed offsets through a consumer carrying the group id
//! (OffsetFetch), commits through an assigned, never subscribed consumer with that id (what
//! kafka-consumer-groups.sh does), deletes through the `AdminClient`.

use std::collections::BTreeSet;
use std::ffi::{CStr, CString};
use std::os::raw::c_char;
use std::time::Duration;

use rdkafka::bindings as rd;
use rdkafka::client::{Client, ClientContext};
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer};
use rdkafka::metadata::Metadata;
use rdkafka::{Offset, TopicPartitionList};
use serde::Serialize;

use super::KafkaSettings;
use crate::error::{Error, Result};

/// One group in the broker's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupListing {
    pub group: String,
    /// The broker's word for the state (`Stable`, `Empty`, ...); `Unknown` where the broker
    /// does not say (tansu's SQLite engine).
    pub state: String,
}

/// One member of a group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Member {
    pub client_id: String,
    pub member_id: String,
    pub host: String,
    /// `topic:partition` it is assigned.
    pub assignment: Vec<String>,
}

impl Member {
    /// How an operator recognises it: `client-id@host`.
    pub fn label(&self) -> String {
        format!("{}@{}", self.client_id, self.host.trim_start_matches('/'))
    }
}

/// A group's state and members, as DescribeGroups answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GroupDescription {
    pub group: String,
    pub state: String,
    pub members: Vec<Member>,
}

impl GroupDescription {
    /// A group nobody consumes in: committing its offsets from outside is safe.
    pub fn is_inactive(&self) -> bool {
        self.members.is_empty() && matches!(self.state.as_str(), "Empty" | "Dead")
    }
}

/// A temporary librdkafka queue for one admin request's result, destroyed on drop.
struct Queue(*mut rd::rd_kafka_queue_t);
impl Drop for Queue {
    fn drop(&mut self) {
        unsafe { rd::rd_kafka_queue_destroy(self.0) }
    }
}
struct Options(*mut rd::rd_kafka_AdminOptions_t);
impl Drop for Options {
    fn drop(&mut self) {
        unsafe { rd::rd_kafka_AdminOptions_destroy(self.0) }
    }
}
struct Event(*mut rd::rd_kafka_event_t);
impl Drop for Event {
    fn drop(&mut self) {
        unsafe { rd::rd_kafka_event_destroy(self.0) }
    }
}

fn text(p: *const c_char) -> String {
    if p.is_null() {
        String::new()
    } else {
        unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
    }
}

fn state_name(state: rd::rd_kafka_consumer_group_state_t) -> String {
    text(unsafe { rd::rd_kafka_consumer_group_state_name(state) })
}

/// Run one admin request on `client` and wait for its result event (bounded by `timeout`).
fn admin_call<C: ClientContext>(
    client: &Client<C>,
    op: rd::rd_kafka_admin_op_t,
    timeout: Duration,
    send: impl FnOnce(*mut rd::rd_kafka_t, *const rd::rd_kafka_AdminOptions_t, *mut rd::rd_kafka_queue_t),
) -> Result<Event> {
    let rk = client.native_ptr();
    let ms = timeout.as_millis().min(i32::MAX as u128) as i32;
    let queue = Queue(unsafe { rd::rd_kafka_queue_new(rk) });
    let options = Options(unsafe { rd::rd_kafka_AdminOptions_new(rk, op) });
    let mut errstr = [0 as c_char; 256];
    unsafe { rd::rd_kafka_AdminOptions_set_request_timeout(options.0, ms, errstr.as_mut_ptr(), errstr.len()) };
    send(rk, options.0, queue.0);
    // A little beyond the request timeout: librdkafka answers a timed-out request itself.
    let event = unsafe { rd::rd_kafka_queue_poll(queue.0, ms.saturating_add(1000)) };
    if event.is_null() {
        return Err(Error::Broker(format!("no answer from the broker within {}s", timeout.as_secs_f32())));
    }
    let event = Event(event);
    let err = unsafe { rd::rd_kafka_event_error(event.0) };
    if err != rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
        return Err(Error::Broker(text(unsafe { rd::rd_kafka_event_error_string(event.0) })));
    }
    Ok(event)
}

/// A client to run group requests from (no group of its own).
pub fn admin_consumer(kafka: &KafkaSettings) -> Result<BaseConsumer> {
    kafka.create(&kafka.reader_config())
}

/// Every consumer group the cluster knows.
pub fn list<C: ClientContext>(client: &Client<C>, timeout: Duration) -> Result<Vec<GroupListing>> {
    let event = admin_call(
        client,
        rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS,
        timeout,
        |rk, o, q| unsafe { rd::rd_kafka_ListConsumerGroups(rk, o, q) },
    )?;
    let result = unsafe { rd::rd_kafka_event_ListConsumerGroups_result(event.0) };
    if result.is_null() {
        return Err(Error::Broker("unexpected answer to ListGroups".into()));
    }
    let mut out = Vec::new();
    let mut n = 0usize;
    let valid = unsafe { rd::rd_kafka_ListConsumerGroups_result_valid(result, &mut n) };
    for i in 0..n {
        let g = unsafe { *valid.add(i) };
        out.push(GroupListing {
            group: text(unsafe { rd::rd_kafka_ConsumerGroupListing_group_id(g) }),
            state: state_name(unsafe { rd::rd_kafka_ConsumerGroupListing_state(g) }),
        });
    }
    let mut n_err = 0usize;
    let errors = unsafe { rd::rd_kafka_ListConsumerGroups_result_errors(result, &mut n_err) };
    if out.is_empty() && n_err > 0 {
        let first = text(unsafe { rd::rd_kafka_error_string(*errors) });
        return Err(Error::Broker(format!("listing groups failed: {first}")));
    }
    out.sort_by(|a, b| a.group.cmp(&b.group));
    Ok(out)
}

/// State and members of `groups`. Fails when the broker cannot describe groups (tansu's
/// SQLite engine): callers that guard on membership must then fail closed.
pub fn describe<C: ClientContext>(
    client: &Client<C>,
    groups: &[String],
    timeout: Duration,
) -> Result<Vec<GroupDescription>> {
    let names: Vec<CString> = groups
        .iter()
        .map(|g| CString::new(g.as_str()).map_err(|_| Error::usage("group id has a NUL byte")))
        .collect::<Result<_>>()?;
    let mut ptrs: Vec<*const c_char> = names.iter().map(|c| c.as_ptr()).collect();
    let event = admin_call(
        client,
        rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS,
        timeout,
        |rk, o, q| unsafe { rd::rd_kafka_DescribeConsumerGroups(rk, ptrs.as_mut_ptr(), ptrs.len(), o, q) },
    )?;
    let result = unsafe { rd::rd_kafka_event_DescribeConsumerGroups_result(event.0) };
    if result.is_null() {
        return Err(Error::Broker("unexpected answer to DescribeGroups".into()));
    }
    let mut n = 0usize;
    let descs = unsafe { rd::rd_kafka_DescribeConsumerGroups_result_groups(result, &mut n) };
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let d = unsafe { *descs.add(i) };
        let group = text(unsafe { rd::rd_kafka_ConsumerGroupDescription_group_id(d) });
        let err = unsafe { rd::rd_kafka_ConsumerGroupDescription_error(d) };
        if !err.is_null() {
            let msg = text(unsafe { rd::rd_kafka_error_string(err) });
            return Err(Error::Broker(format!("describing group {group} failed: {msg}")));
        }
        let mut members = Vec::new();
        for m in 0..unsafe { rd::rd_kafka_ConsumerGroupDescription_member_count(d) } {
            let md = unsafe { rd::rd_kafka_ConsumerGroupDescription_member(d, m) };
            let mut assignment = Vec::new();
            let a = unsafe { rd::rd_kafka_MemberDescription_assignment(md) };
            if !a.is_null() {
                let tpl = unsafe { rd::rd_kafka_MemberAssignment_partitions(a) };
                if !tpl.is_null() {
                    let tpl = unsafe { &*tpl };
                    for k in 0..tpl.cnt as usize {
                        let e = unsafe { &*tpl.elems.add(k) };
                        assignment.push(format!("{}:{}", text(e.topic), e.partition));
                    }
                }
            }
            members.push(Member {
                client_id: text(unsafe { rd::rd_kafka_MemberDescription_client_id(md) }),
                member_id: text(unsafe { rd::rd_kafka_MemberDescription_consumer_id(md) }),
                host: text(unsafe { rd::rd_kafka_MemberDescription_host(md) }),
                assignment,
            });
        }
        out.push(GroupDescription {
            group,
            state: state_name(unsafe { rd::rd_kafka_ConsumerGroupDescription_state(d) }),
            members,
        });
    }
    Ok(out)
}

/// (topic, partition, offset).
pub type TopicOffset = (String, i32, i64);

/// The topics worth asking a group about: every non-internal topic in `md`, or `only`.
pub fn topic_partitions(md: &Metadata, only: Option<&BTreeSet<String>>) -> TopicPartitionList {
    let mut tpl = TopicPartitionList::new();
    for t in md.topics() {
        let name = t.name();
        if name.starts_with("__") || only.is_some_and(|o| !o.contains(name)) {
            continue;
        }
        for p in t.partitions() {
            tpl.add_partition(name, p.id());
        }
    }
    tpl
}

/// The group's committed offsets among `partitions`: (topic, partition, offset) for every
/// partition where the group has one.
pub fn committed(
    kafka: &KafkaSettings,
    group: &str,
    partitions: &TopicPartitionList,
) -> Result<Vec<(String, i32, i64)>> {
    if partitions.count() == 0 {
        return Ok(Vec::new());
    }
    let consumer: BaseConsumer = kafka.create(&kafka.consumer_config(group))?;
    let tpl = consumer.committed_offsets(partitions.clone(), kafka.timeout).map_err(|e| kafka.unreachable(e))?;
    let mut out = Vec::new();
    for e in tpl.elements() {
        if let Offset::Offset(o) = e.offset() {
            out.push((e.topic().to_string(), e.partition(), o));
        }
    }
    super::dispose(consumer);
    Ok(out)
}

/// Commit `offsets` for `group` from outside it (the group must have no members: the
/// caller checks, see `ops::groups`).
pub fn commit(kafka: &KafkaSettings, group: &str, offsets: &[TopicOffset]) -> Result<()> {
    let consumer: BaseConsumer = kafka.create(&kafka.consumer_config(group))?;
    let mut tpl = TopicPartitionList::new();
    for (t, p, o) in offsets {
        tpl.add_partition_offset(t, *p, Offset::Offset(*o)).map_err(Error::Kafka)?;
    }
    let result = consumer.commit(&tpl, CommitMode::Sync);
    // librdkafka writes each partition's own result into the list it was given: a partial
    // failure names exactly the partitions that did not move.
    let failed: Vec<String> = tpl
        .elements()
        .iter()
        .filter_map(|e| e.error().err().map(|err| format!("{}/{}: {err}", e.topic(), e.partition())))
        .collect();
    match (result, failed.is_empty()) {
        (Ok(()), true) => Ok(()),
        (_, false) => Err(Error::Broker(format!(
            "committing offsets for {group}: {} of {} partition(s) not committed ({}){}",
            failed.len(),
            offsets.len(),
            failed.join(", "),
            if failed.len() < offsets.len() { "; the others were" } else { "" }
        ))),
        (Err(e), true) => Err(Error::Broker(format!("committing offsets for {group}: {e}"))),
    }
}
