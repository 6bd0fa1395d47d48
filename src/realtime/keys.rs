//! Where everything lives in Redis, and why it is laid out so for Redis Cluster.
//!
//! Every key a script or a pipeline touches at once shares one hash tag, so it names one
//! slot (Cluster answers `CROSSSLOT` otherwise, and a script may only touch its own
//! slot's keys). Answers are spread over [`PARTITIONS`] partitions by their id; an answer's
//! keys and its partition's lease set carry the partition's tag:
//!
//! - `chatctl:{T}:msg:<M>:meta|chunks|live|lease`: the answer `M` (see the module above);
//! - `chatctl:{T}:leases`: the partition's lease set (answer → lease expiry), where orphaned
//!   generations are found;
//! - `chatctl:{T}:dataset`: the partition's dataset identity (a Cluster shard that lost
//!   everything is seen by the partitions it held);
//! - `chatctl:{fleet}:node:<id>` and `chatctl:{fleet}:nodes`: the node registry.
//!
//! The tags are chosen so that partition `k` hashes into the `k`-th sixteenth of the 16,384
//! slots: a cluster whose shards hold even ranges of slots (what `redis-cli --cluster
//! create` makes) holds even shares of the partitions, and every shard of up to 16 holds
//! one. A user's quota keys share `{<user>}` (one slot per user, touched by one script).

/// How many partitions the answers are spread over.
pub const PARTITIONS: usize = 16;

/// Partition `k`'s hash tag: its slot is in `[k * 1024, (k + 1) * 1024)`.
const TAGS: [&str; PARTITIONS] =
    ["p60", "p42", "p11", "p3", "p61", "p43", "p10", "p2", "p62", "p40", "p13", "p1", "p63", "p41", "p12", "p0"];

/// The partition an answer's keys live in (FNV-1a of its id: stable across nodes,
/// versions and platforms).
pub fn partition(message_id: &str) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    for b in message_id.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    (h % PARTITIONS as u32) as usize
}

/// The hash tag of the partition an answer lives in.
pub fn tag(message_id: &str) -> &'static str {
    TAGS[partition(message_id)]
}

/// An answer's key (`part`: meta, chunks, live, lease); the scripts build the same names.
pub fn msg_key(message_id: &str, part: &str) -> String {
    format!("chatctl:{{{}}}:msg:{message_id}:{part}", tag(message_id))
}

/// The answer a meta key names (what a SCAN finds), if it is one.
pub fn message_of_meta_key(key: &str) -> Option<&str> {
    let rest = key.strip_prefix("chatctl:{")?;
    let (_, rest) = rest.split_once("}:msg:")?;
    rest.strip_suffix(":meta")
}

/// Partition `k`'s lease set.
pub fn leases_key(k: usize) -> String {
    format!("chatctl:{{{}}}:leases", TAGS[k])
}

/// The lease set of the partition `message_id` lives in.
pub fn leases_of(message_id: &str) -> String {
    leases_key(partition(message_id))
}

/// Every partition's lease set, in partition order.
pub fn all_leases() -> Vec<String> {
    (0..PARTITIONS).map(leases_key).collect()
}

/// Partition `k`'s dataset identity.
pub fn dataset_key(k: usize) -> String {
    format!("chatctl:{{{}}}:dataset", TAGS[k])
}

/// A node's heartbeat key.
pub fn node_key(node_id: &str) -> String {
    format!("{NODE_PREFIX}{node_id}")
}

/// What every heartbeat key starts with.
pub const NODE_PREFIX: &str = "chatctl:{fleet}:node:";

/// The registry's index: node → when it last beat.
pub const NODES: &str = "chatctl:{fleet}:nodes";

/// A pattern for every answer's meta key (SCAN).
pub const META_PATTERN: &str = "chatctl:{*}:msg:*:meta";

#[cfg(test)]
mod tests {
    use super::*;

    /// CRC16/XMODEM, Redis Cluster's key hash (its specification's reference test vector is
    /// checked below; redis-rs keeps its own crate-private).
    fn crc16(data: &[u8]) -> u16 {
        let mut crc: u16 = 0;
        for &b in data {
            crc ^= u16::from(b) << 8;
            for _ in 0..8 {
                crc = if crc & 0x8000 != 0 { (crc << 1) ^ 0x1021 } else { crc << 1 };
            }
        }
        crc
    }

    /// The slot Redis Cluster puts `key` in: the hash of its first non-empty `{...}`, else
    /// of the whole key (the Cluster specification, "Hash tags").
    fn slot(key: &str) -> u16 {
        let hashed = match key.find('{') {
            Some(open) => match key[open + 1..].find('}') {
                Some(len) if len > 0 => &key[open + 1..open + 1 + len],
                _ => key,
            },
            None => key,
        };
        crc16(hashed.as_bytes()) % 16384
    }

    #[test]
    fn the_slot_function_is_redis_cluster_s() {
        // The Cluster specification's test vector: CRC16 of "123456789" is 0x31C3.
        assert_eq!(crc16(b"123456789"), 0x31C3);
        assert_eq!(slot("{user1000}.following"), slot("user1000"));
        assert_eq!(slot("foo{}{bar}"), crc16(b"foo{}{bar}") % 16384);
    }

    #[test]
    fn partition_k_hashes_into_the_kth_sixteenth_of_the_slots() {
        for k in 0..PARTITIONS {
            let s = slot(&leases_key(k)) as usize;
            assert!((k * 1024..(k + 1) * 1024).contains(&s), "partition {k}: slot {s}");
            assert_eq!(slot(&dataset_key(k)) as usize, s);
        }
    }

    #[test]
    fn an_answer_s_keys_and_its_lease_set_share_one_slot() {
        for m in ["a", "0197f3a2-5b1e-7c3d-9e8f-0a1b2c3d4e5f", "msg-42", ""] {
            let s = slot(&leases_of(m));
            for part in ["meta", "chunks", "live", "lease"] {
                assert_eq!(slot(&msg_key(m, part)), s, "{m} {part}");
            }
        }
        assert_eq!(slot(&node_key("node-1")), slot(NODES));
    }

    #[test]
    fn answers_spread_over_every_partition() {
        let mut seen = [0usize; PARTITIONS];
        for i in 0..1600 {
            seen[partition(&format!("msg-{i}"))] += 1;
        }
        assert!(seen.iter().all(|&n| (50..150).contains(&n)), "{seen:?}");
    }

    #[test]
    fn a_meta_key_names_its_answer() {
        assert_eq!(message_of_meta_key(&msg_key("m-1", "meta")), Some("m-1"));
        assert_eq!(message_of_meta_key(&msg_key("m-1", "chunks")), None);
        assert_eq!(message_of_meta_key("chatctl:msg:{m-1}:meta"), None);
    }
}
