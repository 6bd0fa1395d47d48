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
//!
//! SAFETY (every `unsafe` block of this module): each call passes librdkafka a client
//! handle borrowed from a live `Client`, and a queue and admin options owned by RAII guards
//! (`Queue`, `Options`, `Event`) that destroy them after the last use. Every pointer
//! read back (result arrays, group and member descriptions, partition lists, C strings)
//! belongs to the event it came from and is read, with the length the same call returned,
//! before that event's guard drops it; C strings are copied into Rust strings at once
//! (`text`), and a null pointer is checked before it is dereferenced.

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
        // SAFETY: the pointer came from its constructor, is owned by this guard alone and is destroyed once, here.
        unsafe { rd::rd_kafka_queue_destroy(self.0) }
    }
}
struct Options(*mut rd::rd_kafka_AdminOptions_t);
impl Drop for Options {
    fn drop(&mut self) {
        // SAFETY: the pointer came from its constructor, is owned by this guard alone and is destroyed once, here.
        unsafe { rd::rd_kafka_AdminOptions_destroy(self.0) }
    }
}
struct Event(*mut rd::rd_kafka_event_t);
impl Drop for Event {
    fn drop(&mut self) {
        // SAFETY: the pointer came from its constructor, is owned by this guard alone and is destroyed once, here.
        unsafe { rd::rd_kafka_event_destroy(self.0) }
    }
}

fn text(p: *const c_char) -> String {
    if p.is_null() {
        String::new()
    } else {
        // SAFETY: `p` is not null (checked above) and points to a NUL-terminated string owned by the live event (or static).
        unsafe { CStr::from_ptr(p) }.to_string_lossy().into_owned()
    }
}

fn state_name(state: rd::rd_kafka_consumer_group_state_t) -> String {
    // SAFETY: librdkafka returns a static string for every state value.
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
    // SAFETY: `rk` is the handle of the live `client` borrowed for this call; what it returns is owned by its guard.
    let queue = Queue(unsafe { rd::rd_kafka_queue_new(rk) });
    // SAFETY: `rk` is the handle of the live `client` borrowed for this call; what it returns is owned by its guard.
    let options = Options(unsafe { rd::rd_kafka_AdminOptions_new(rk, op) });
    let mut errstr = [0 as c_char; 256];
    // SAFETY: `options` is live (its guard drops it when the call ends); `errstr` is writable for the length passed.
    unsafe { rd::rd_kafka_AdminOptions_set_request_timeout(options.0, ms, errstr.as_mut_ptr(), errstr.len()) };
    send(rk, options.0, queue.0);
    // A little beyond the request timeout: librdkafka answers a timed-out request itself.
    // SAFETY: `queue` is live (guarded); the event returned is owned by the `Event` guard below.
    let event = unsafe { rd::rd_kafka_queue_poll(queue.0, ms.saturating_add(1000)) };
    if event.is_null() {
        return Err(Error::Broker(format!("no answer from the broker within {}s", timeout.as_secs_f32())));
    }
    let event = Event(event);
    // SAFETY: `event` is live: its guard drops it after the last read of what it holds.
    let err = unsafe { rd::rd_kafka_event_error(event.0) };
    if err != rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
        // SAFETY: `event` is live: its guard drops it after the last read of what it holds.
        return Err(refusal(err, text(unsafe { rd::rd_kafka_event_error_string(event.0) })));
    }
    Ok(event)
}

/// The broker's (or librdkafka's) refusal: a request the broker does not implement is told
/// apart, so callers can take another way.
fn refusal(err: rd::rd_kafka_resp_err_t, message: String) -> Error {
    match err {
        rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR__UNSUPPORTED_FEATURE
        | rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_UNSUPPORTED_VERSION => Error::Unsupported(message),
        _ => Error::Broker(message),
    }
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
        // SAFETY: `rk`, `o` and `q` are the live handle, options and queue `admin_call` passes; the request's arrays and the strings they point at outlive the call (librdkafka copies them).
        |rk, o, q| unsafe { rd::rd_kafka_ListConsumerGroups(rk, o, q) },
    )?;
    // SAFETY: `event` is live: its guard drops it after the last read of what it holds.
    let result = unsafe { rd::rd_kafka_event_ListConsumerGroups_result(event.0) };
    if result.is_null() {
        return Err(Error::Broker("unexpected answer to ListGroups".into()));
    }
    let mut out = Vec::new();
    let mut n = 0usize;
    // SAFETY: `result` is not null (checked above) and belongs to the live `event`; `n` receives the array's length.
    let valid = unsafe { rd::rd_kafka_ListConsumerGroups_result_valid(result, &mut n) };
    for i in 0..n {
        // SAFETY: `i` < `n`, the length librdkafka returned with this array, which the live `event` owns.
        let g = unsafe { *valid.add(i) };
        out.push(GroupListing {
            // SAFETY: the description, member, result or error read is an element (or part) of the live `event`'s result arrays, read within their lengths.
            group: text(unsafe { rd::rd_kafka_ConsumerGroupListing_group_id(g) }),
            // SAFETY: the description, member, result or error read is an element (or part) of the live `event`'s result arrays, read within their lengths.
            state: state_name(unsafe { rd::rd_kafka_ConsumerGroupListing_state(g) }),
        });
    }
    let mut n_err = 0usize;
    // SAFETY: `result` is not null (checked above) and belongs to the live `event`; `n` receives the array's length.
    let errors = unsafe { rd::rd_kafka_ListConsumerGroups_result_errors(result, &mut n_err) };
    if out.is_empty() && n_err > 0 {
        // SAFETY: `n_err` > 0: the array has a first element, owned by the live `event`.
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
        // SAFETY: `rk`, `o` and `q` are the live handle, options and queue `admin_call` passes; the request's arrays and the strings they point at outlive the call (librdkafka copies them).
        |rk, o, q| unsafe { rd::rd_kafka_DescribeConsumerGroups(rk, ptrs.as_mut_ptr(), ptrs.len(), o, q) },
    )?;
    // SAFETY: `event` is live: its guard drops it after the last read of what it holds.
    let result = unsafe { rd::rd_kafka_event_DescribeConsumerGroups_result(event.0) };
    if result.is_null() {
        return Err(Error::Broker("unexpected answer to DescribeGroups".into()));
    }
    let mut n = 0usize;
    // SAFETY: `result` is not null (checked above) and belongs to the live `event`; `n` receives the array's length.
    let descs = unsafe { rd::rd_kafka_DescribeConsumerGroups_result_groups(result, &mut n) };
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        // SAFETY: `i` < `n`, the length librdkafka returned with this array, which the live `event` owns.
        let d = unsafe { *descs.add(i) };
        // SAFETY: the description, member, result or error read is an element (or part) of the live `event`'s result arrays, read within their lengths.
        let group = text(unsafe { rd::rd_kafka_ConsumerGroupDescription_group_id(d) });
        // SAFETY: the description, member, result or error read is an element (or part) of the live `event`'s result arrays, read within their lengths.
        let err = unsafe { rd::rd_kafka_ConsumerGroupDescription_error(d) };
        if !err.is_null() {
            // SAFETY: the description, member, result or error read is an element (or part) of the live `event`'s result arrays, read within their lengths.
            let msg = text(unsafe { rd::rd_kafka_error_string(err) });
            return Err(Error::Broker(format!("describing group {group} failed: {msg}")));
        }
        let mut members = Vec::new();
        // SAFETY: the description, member, result or error read is an element (or part) of the live `event`'s result arrays, read within their lengths.
        for m in 0..unsafe { rd::rd_kafka_ConsumerGroupDescription_member_count(d) } {
            // SAFETY: the description, member, result or error read is an element (or part) of the live `event`'s result arrays, read within their lengths.
            let md = unsafe { rd::rd_kafka_ConsumerGroupDescription_member(d, m) };
            let mut assignment = Vec::new();
            // SAFETY: the description, member, result or error read is an element (or part) of the live `event`'s result arrays, read within their lengths.
            let a = unsafe { rd::rd_kafka_MemberDescription_assignment(md) };
            if !a.is_null() {
                // SAFETY: the description, member, result or error read is an element (or part) of the live `event`'s result arrays, read within their lengths.
                let tpl = unsafe { rd::rd_kafka_MemberAssignment_partitions(a) };
                if !tpl.is_null() {
                    // SAFETY: not null (checked above); the list belongs to the live `event`.
                    let tpl = unsafe { &*tpl };
                    for k in 0..tpl.cnt as usize {
                        // SAFETY: `k` < `cnt`, the list's own length; the list belongs to the live `event`.
                        let e = unsafe { &*tpl.elems.add(k) };
                        assignment.push(format!("{}:{}", text(e.topic), e.partition));
                    }
                }
            }
            members.push(Member {
                // SAFETY: the description, member, result or error read is an element (or part) of the live `event`'s result arrays, read within their lengths.
                client_id: text(unsafe { rd::rd_kafka_MemberDescription_client_id(md) }),
                // SAFETY: the description, member, result or error read is an element (or part) of the live `event`'s result arrays, read within their lengths.
                member_id: text(unsafe { rd::rd_kafka_MemberDescription_consumer_id(md) }),
                // SAFETY: the description, member, result or error read is an element (or part) of the live `event`'s result arrays, read within their lengths.
                host: text(unsafe { rd::rd_kafka_MemberDescription_host(md) }),
                assignment,
            });
        }
        out.push(GroupDescription {
            group,
            // SAFETY: the description, member, result or error read is an element (or part) of the live `event`'s result arrays, read within their lengths.
            state: state_name(unsafe { rd::rd_kafka_ConsumerGroupDescription_state(d) }),
            members,
        });
    }
    Ok(out)
}

/// What OffsetDelete (KIP-496) answered for one partition: `None` when its committed offset
/// is gone, else the broker's reason for keeping it (GROUP_SUBSCRIBED_TO_TOPIC while a member
/// of the group consumes the topic).
pub type PartitionDeletion = (String, i32, Option<String>);

/// The Kafka API key of OffsetDelete (KIP-496).
pub const OFFSET_DELETE: i16 = 47;

/// Whether the brokers answer Kafka API `key`. No public librdkafka call returns a broker's
/// ApiVersions, but librdkafka logs each one under `debug=feature` (one line per API:
/// `ApiKey NAME (KEY) Versions MIN..MAX`): a short-lived client reads those lines.
pub fn broker_supports(kafka: &KafkaSettings, key: i16) -> Result<bool> {
    use rdkafka::config::RDKafkaLogLevel;
    use std::sync::atomic::{AtomicBool, Ordering};
    struct Apis {
        needle: String,
        listed: AtomicBool,
        found: AtomicBool,
    }
    impl ClientContext for Apis {
        fn log(&self, _level: RDKafkaLogLevel, fac: &str, line: &str) {
            if fac == "APIVERSION" && line.contains(" Versions ") {
                self.listed.store(true, Ordering::Relaxed);
                if line.contains(&self.needle) {
                    self.found.store(true, Ordering::Relaxed);
                }
            }
        }
    }
    impl rdkafka::consumer::ConsumerContext for Apis {}
    let mut config = kafka.reader_config();
    config.set("debug", "feature").set_log_level(RDKafkaLogLevel::Debug);
    let apis =
        Apis { needle: format!(" ({key}) Versions "), listed: AtomicBool::new(false), found: AtomicBool::new(false) };
    let client: BaseConsumer<Apis> = config.create_with_context(apis).map_err(Error::Kafka)?;
    let md = client.fetch_metadata(None, kafka.timeout).map_err(|e| kafka.unreachable(e));
    // The log lines wait on the client's queue: serve it until the API shows up, or for
    // half a second (time for every line of the list to be served).
    let deadline = std::time::Instant::now() + Duration::from_millis(500);
    while !client.context().found.load(Ordering::Relaxed) && std::time::Instant::now() < deadline {
        let _ = client.poll(Duration::from_millis(20));
    }
    let (listed, found) =
        (client.context().listed.load(Ordering::Relaxed), client.context().found.load(Ordering::Relaxed));
    super::dispose(client);
    md?;
    if !listed {
        return Err(Error::Broker("the broker did not list the APIs it supports (ApiVersions)".into()));
    }
    Ok(found)
}

/// Delete `group`'s committed offsets on `partitions` (librdkafka's
/// `rd_kafka_DeleteConsumerGroupOffsets`). Ask [`broker_supports`] first: librdkafka 2.12.1
/// aborts the process when the broker lacks OffsetDelete (the request's reply queue is
/// destroyed twice, in `rd_kafka_OffsetDeleteRequest` and again in `rdkafka_coord.c`), so
/// this must only run against a broker that has it.
pub fn delete_offsets<C: ClientContext>(
    client: &Client<C>,
    group: &str,
    partitions: &[(String, i32)],
    timeout: Duration,
) -> Result<Vec<PartitionDeletion>> {
    let name = CString::new(group).map_err(|_| Error::usage("group id has a NUL byte"))?;
    let mut tpl = TopicPartitionList::new();
    for (t, p) in partitions {
        tpl.add_partition(t, *p);
    }
    // librdkafka copies the list; the request object is ours to destroy.
    // SAFETY: `name` is a NUL-terminated CString and the partition list is live, both across the call (librdkafka copies them).
    let mut request = [unsafe { rd::rd_kafka_DeleteConsumerGroupOffsets_new(name.as_ptr(), tpl.ptr()) }];
    let event = admin_call(
        client,
        rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_DELETECONSUMERGROUPOFFSETS,
        timeout,
        // SAFETY: `rk`, `o` and `q` are the live handle, options and queue `admin_call` passes; the request's arrays and the strings they point at outlive the call (librdkafka copies them).
        |rk, o, q| unsafe { rd::rd_kafka_DeleteConsumerGroupOffsets(rk, request.as_mut_ptr(), 1, o, q) },
    );
    // SAFETY: made by the `_new` call above and sent already (librdkafka copied it): destroyed once.
    unsafe { rd::rd_kafka_DeleteConsumerGroupOffsets_destroy(request[0]) };
    let event = event?;
    // SAFETY: `event` is live: its guard drops it after the last read of what it holds.
    let result = unsafe { rd::rd_kafka_event_DeleteConsumerGroupOffsets_result(event.0) };
    if result.is_null() {
        return Err(Error::Broker("unexpected answer to OffsetDelete".into()));
    }
    let mut n = 0usize;
    // SAFETY: `result` is not null (checked above) and belongs to the live `event`; `n` receives the array's length.
    let groups = unsafe { rd::rd_kafka_DeleteConsumerGroupOffsets_result_groups(result, &mut n) };
    let mut out = Vec::new();
    for i in 0..n {
        // SAFETY: `i` < `n`, the length librdkafka returned with this array, which the live `event` owns.
        let g = unsafe { *groups.add(i) };
        // SAFETY: the description, member, result or error read is an element (or part) of the live `event`'s result arrays, read within their lengths.
        let err = unsafe { rd::rd_kafka_group_result_error(g) };
        if !err.is_null() {
            // SAFETY: the description, member, result or error read is an element (or part) of the live `event`'s result arrays, read within their lengths.
            let message = format!("deleting offsets of {group}: {}", text(unsafe { rd::rd_kafka_error_string(err) }));
            // SAFETY: the description, member, result or error read is an element (or part) of the live `event`'s result arrays, read within their lengths.
            return Err(refusal(unsafe { rd::rd_kafka_error_code(err) }, message));
        }
        // SAFETY: the description, member, result or error read is an element (or part) of the live `event`'s result arrays, read within their lengths.
        let parts = unsafe { rd::rd_kafka_group_result_partitions(g) };
        if parts.is_null() {
            continue;
        }
        // SAFETY: not null (checked above); the list belongs to the live `event`.
        let parts = unsafe { &*parts };
        for k in 0..parts.cnt as usize {
            // SAFETY: `k` < `cnt`, the list's own length; the list belongs to the live `event`.
            let e = unsafe { &*parts.elems.add(k) };
            let kept = (e.err != rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR)
                // SAFETY: librdkafka returns a static string for every error code.
                .then(|| text(unsafe { rd::rd_kafka_err2str(e.err) }));
            out.push((text(e.topic), e.partition, kept));
        }
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

/// Committed offsets of many groups from one client (librdkafka's
/// `rd_kafka_ListConsumerGroupOffsets`): one OffsetFetch per group, all in flight at once on
/// one queue, so watching 200 groups costs one client, not 200. Each group is asked about
/// its `partitions` (none: all of its offsets, an OffsetFetch without topics).
pub fn committed_many<C: ClientContext>(
    client: &Client<C>,
    asks: &[(String, TopicPartitionList)],
    timeout: Duration,
) -> Result<std::collections::HashMap<String, Vec<TopicOffset>>> {
    let rk = client.native_ptr();
    let ms = timeout.as_millis().min(i32::MAX as u128) as i32;
    // SAFETY: `rk` is the handle of the live `client` borrowed for this call; what it returns is owned by its guard.
    let queue = Queue(unsafe { rd::rd_kafka_queue_new(rk) });
    // SAFETY: `rk` is the handle of the live `client` borrowed for this call; what it returns is owned by its guard.
    let options = Options(unsafe {
        rd::rd_kafka_AdminOptions_new(rk, rd::rd_kafka_admin_op_t::RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS)
    });
    let mut errstr = [0 as c_char; 256];
    // SAFETY: `options` is live (its guard drops it when the call ends); `errstr` is writable for the length passed.
    unsafe { rd::rd_kafka_AdminOptions_set_request_timeout(options.0, ms, errstr.as_mut_ptr(), errstr.len()) };
    for (group, partitions) in asks {
        let name = CString::new(group.as_str()).map_err(|_| Error::usage("group id has a NUL byte"))?;
        let parts = if partitions.count() > 0 { partitions.ptr() as *const _ } else { std::ptr::null() };
        // librdkafka copies the request (and the options) into its own operation.
        // SAFETY: `name` is a NUL-terminated CString and the partition list is live, both across the call (librdkafka copies them).
        let mut request = [unsafe { rd::rd_kafka_ListConsumerGroupOffsets_new(name.as_ptr(), parts) }];
        // SAFETY: `rk`, the options and the queue are live; the request array outlives the call (librdkafka copies it).
        unsafe { rd::rd_kafka_ListConsumerGroupOffsets(rk, request.as_mut_ptr(), 1, options.0, queue.0) };
        // SAFETY: made by the `_new` call above and sent already (librdkafka copied it): destroyed once.
        unsafe { rd::rd_kafka_ListConsumerGroupOffsets_destroy(request[0]) };
    }
    let deadline = std::time::Instant::now() + timeout + Duration::from_secs(1);
    let mut out = std::collections::HashMap::with_capacity(asks.len());
    let mut answered = 0;
    while answered < asks.len() {
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if left.is_zero() {
            return Err(Error::Broker(format!(
                "{} of {} groups' offsets not answered within {}s",
                asks.len() - answered,
                asks.len(),
                timeout.as_secs_f32()
            )));
        }
        // SAFETY: `queue` is live (guarded); the event returned is owned by the `Event` guard below.
        let event = unsafe { rd::rd_kafka_queue_poll(queue.0, left.as_millis().min(i32::MAX as u128) as i32) };
        if event.is_null() {
            continue;
        }
        let event = Event(event);
        answered += 1;
        offsets_of(&event, &mut out)?;
    }
    Ok(out)
}

/// The committed offsets one OffsetFetch answer holds, into `out` by group.
fn offsets_of(event: &Event, out: &mut std::collections::HashMap<String, Vec<TopicOffset>>) -> Result<()> {
    // SAFETY: `event` is live: its guard drops it after the last read of what it holds.
    let err = unsafe { rd::rd_kafka_event_error(event.0) };
    if err != rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR {
        // SAFETY: `event` is live: its guard drops it after the last read of what it holds.
        return Err(refusal(err, text(unsafe { rd::rd_kafka_event_error_string(event.0) })));
    }
    // SAFETY: `event` is live: its guard drops it after the last read of what it holds.
    let result = unsafe { rd::rd_kafka_event_ListConsumerGroupOffsets_result(event.0) };
    if result.is_null() {
        return Err(Error::Broker("unexpected answer to OffsetFetch".into()));
    }
    let mut n = 0usize;
    // SAFETY: `result` is not null (checked above) and belongs to the live `event`; `n` receives the array's length.
    let groups = unsafe { rd::rd_kafka_ListConsumerGroupOffsets_result_groups(result, &mut n) };
    for i in 0..n {
        // SAFETY: `i` < `n`, the length librdkafka returned with this array, which the live `event` owns.
        let g = unsafe { *groups.add(i) };
        // SAFETY: the description, member, result or error read is an element (or part) of the live `event`'s result arrays, read within their lengths.
        let group = text(unsafe { rd::rd_kafka_group_result_name(g) });
        // SAFETY: the description, member, result or error read is an element (or part) of the live `event`'s result arrays, read within their lengths.
        let err = unsafe { rd::rd_kafka_group_result_error(g) };
        if !err.is_null() {
            // SAFETY: the description, member, result or error read is an element (or part) of the live `event`'s result arrays, read within their lengths.
            let message = format!("offsets of {group}: {}", text(unsafe { rd::rd_kafka_error_string(err) }));
            // SAFETY: the description, member, result or error read is an element (or part) of the live `event`'s result arrays, read within their lengths.
            return Err(refusal(unsafe { rd::rd_kafka_error_code(err) }, message));
        }
        let mut offsets = Vec::new();
        // SAFETY: the description, member, result or error read is an element (or part) of the live `event`'s result arrays, read within their lengths.
        let parts = unsafe { rd::rd_kafka_group_result_partitions(g) };
        if !parts.is_null() {
            // SAFETY: not null (checked above); the list belongs to the live `event`.
            let parts = unsafe { &*parts };
            for k in 0..parts.cnt as usize {
                // SAFETY: `k` < `cnt`, the list's own length; the list belongs to the live `event`.
                let e = unsafe { &*parts.elems.add(k) };
                if e.err == rd::rd_kafka_resp_err_t::RD_KAFKA_RESP_ERR_NO_ERROR && e.offset >= 0 {
                    offsets.push((text(e.topic), e.partition, e.offset));
                }
            }
        }
        out.insert(group, offsets);
    }
    Ok(())
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
