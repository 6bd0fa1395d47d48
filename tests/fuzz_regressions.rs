//! Every input the fuzzers found a crash with (kept in `fuzz/regressions/<target>/` by
//! `scripts/fuzz`) and every seed (`fuzz/seeds/<target>/`), replayed through the same
//! bodies the fuzz targets run (`chatctl::fuzzing`) on stable Rust: a crash fixed stays
//! fixed. Plus a few hand-picked hostile inputs per decoder.

use std::path::Path;

fn replay(target: &str, body: fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut n = 0;
    for dir in ["regressions", "seeds"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else { continue };
        for e in entries {
            let path = e.unwrap().path();
            if path.file_name().is_some_and(|f| f.to_string_lossy().starts_with('.')) {
                continue;
            }
            let data = std::fs::read(&path).unwrap();
            let outcome = std::panic::catch_unwind(|| body(&data));
            assert!(outcome.is_ok(), "{} panics the {target} decoder", path.display());
            n += 1;
        }
    }
    n
}

#[test]
fn frame_inputs_kept_by_the_fuzzer_do_not_crash() {
    assert!(replay("frame", chatctl::fuzzing::frame) >= 4, "the seeds are there");
    for hostile in [
        &b""[..],
        b"{",
        b"{\"type\":\"chat\",\"content\":\"\\ud800\"}",
        b"{\"type\":\"resume\",\"epoch\":-1}",
        b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    ] {
        chatctl::fuzzing::frame(hostile);
    }
    chatctl::fuzzing::frame(format!("{{\"type\":\"chat\",\"content\":\"{}\"}}", "x".repeat(20_000)).as_bytes());
}

#[test]
fn event_inputs_kept_by_the_fuzzer_do_not_crash() {
    assert!(replay("event", chatctl::fuzzing::event) >= 2, "the seeds are there");
    for hostile in [&b"\xff\xfe"[..], b"null", b"{\"eventType\":\"CHUNK_RECEIVED\"}", b"{\"eventId\":1e999}"] {
        chatctl::fuzzing::event(hostile);
    }
}

#[test]
fn dlq_header_inputs_kept_by_the_fuzzer_do_not_crash() {
    assert!(replay("dlq_headers", chatctl::fuzzing::dlq_headers) >= 2, "the seeds are there");
    for hostile in [
        &b"chatctl-redrive-receipt\0:"[..],
        b"chatctl-redrive-receipt\0-1:-9223372036854775808",
        b"chatctl-original-partition\099999999999\0chatctl-attempts\0-3",
        b"chatctl-redrive-count\0\xff\xff",
        b"\0\0\0",
    ] {
        chatctl::fuzzing::dlq_headers(hostile);
    }
}
