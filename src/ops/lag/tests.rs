use super::*;

const ACTIVE: Membership = Membership::Active;

/// One poll of one group with one partition.
fn poll(m: &mut LagModel, at_ms: i64, membership: Membership, committed: i64, log_end: i64) {
    m.apply(&Poll {
        at_ms,
        groups: vec![GroupPoll {
            group: "g".into(),
            membership,
            partitions: vec![("t".into(), 0, committed, log_end)],
        }],
    });
}

fn status(m: &LagModel) -> Status {
    m.partitions("g")[0].status
}

fn history(samples: &[(i64, i64, i64)]) -> PartitionHistory {
    let mut h = PartitionHistory::default();
    for &(at_ms, committed, log_end) in samples {
        h.push(Sample { at_ms, committed, log_end });
    }
    h
}

#[test]
fn a_consumer_auto_committing_every_5s_that_keeps_up_is_ok() {
    // 10 records/s produced; the consumer reads as they come and commits its position
    // every 5 s (Java's default); polled every second.
    let mut m = LagModel::default();
    let mut polls = 0;
    for s in 0..15 {
        let end = 1000 + 10 * s;
        let committed = 1000 + 10 * (s / 5 * 5) - 3;
        poll(&mut m, s * 1000, ACTIVE, committed, end);
        polls += 1;
        if m.settled() {
            break;
        }
    }
    assert!(m.settled(), "three commits seen within 15 polls");
    assert!(polls <= 11, "{polls}");
    assert_eq!(status(&m), Status::Ok);
    assert_eq!(m.group("g").unwrap().status, Status::Ok);
}

#[test]
fn one_shot_without_enough_commits_is_ok_and_incomplete() {
    // A Kafka Streams app committing every 30 s, sampled for 15 s: one commit seen.
    let mut m = LagModel::default();
    for s in 0..15 {
        poll(&mut m, s * 1000, ACTIVE, 500, 520 + 10 * s);
    }
    let p = &m.partitions("g")[0];
    assert_eq!((p.status, p.complete), (Status::Ok, 0.1), "not enough history");
    assert!(!m.settled());
    assert!(!m.group("g").unwrap().judged, "and the group says so");
}

#[test]
fn an_empty_group_with_lag_is_stop_at_once() {
    let mut m = LagModel::default();
    poll(&mut m, 0, Membership::Empty, 100, 150);
    assert_eq!(status(&m), Status::Stop);
    assert!(m.settled());
    let g = m.group("g").unwrap();
    assert_eq!((g.status, g.worst_status, g.worst_partition.as_deref()), (Status::Err, Status::Stop, Some("t:0")));
}

#[test]
fn a_stuck_member_is_stall_and_a_silent_group_stop_past_the_silence_limit() {
    let judge = Judge { allowed_lag: 0, silence_ms: Some(30_000) };
    let mut stuck = LagModel::new(judge);
    let mut silent = LagModel::new(judge);
    for s in 0..=31 {
        poll(&mut stuck, s * 1000, ACTIVE, 100, 200 + s);
        poll(&mut silent, s * 1000, Membership::Unknown, 100, 200 + s);
    }
    assert_eq!((status(&stuck), status(&silent)), (Status::Stall, Status::Stop));
    // Within the limit: not judged yet.
    let mut m = LagModel::new(judge);
    poll(&mut m, 0, ACTIVE, 100, 200);
    poll(&mut m, 20_000, ACTIVE, 100, 220);
    assert_eq!(status(&m), Status::Ok);
}

#[test]
fn a_committer_that_went_silent_is_stop_by_burrows_span_rule() {
    // Polled every second; the log grows 10/s; commits seen at 0, 5 and 10 s, then none.
    let mut m = LagModel::default();
    let c = |s: i64| {
        if s < 5 {
            100
        } else if s < 10 {
            150
        } else {
            200
        }
    };
    for s in 0..=20 {
        poll(&mut m, s * 1000, Membership::Unknown, c(s), 120 + 10 * s);
    }
    // Silent 10 s = the window's span: not stopped yet; lag at its commits 10, 10
    // never decreased: WARN.
    assert_eq!(status(&m), Status::Warn);
    poll(&mut m, 21_000, Membership::Unknown, 200, 330);
    assert_eq!(status(&m), Status::Stop);
    assert_eq!(m.group("g").unwrap().status, Status::Err);
}

#[test]
fn a_rewind_that_climbed_back_is_forgiven() {
    // Reset 300 -> 150, then consumed past 300 towards the log end (1000).
    let mut m = LagModel::default();
    for (at, c) in [(0, 300), (1, 150), (2, 250), (3, 350), (4, 500)] {
        poll(&mut m, at * 1000, Membership::Unknown, c, 1000);
    }
    assert_eq!(status(&m), Status::Ok);
    // Not yet climbed back: REWIND.
    let mut m = LagModel::default();
    for (at, c) in [(0, 300), (1, 150), (2, 200), (3, 250)] {
        poll(&mut m, at * 1000, Membership::Unknown, c, 1000);
    }
    assert_eq!(status(&m), Status::Rewind);
    // Within the allowed lag, a rewind is nothing.
    let mut m = LagModel::new(Judge { allowed_lag: 900, silence_ms: None });
    for (at, c) in [(0, 300), (1, 150), (2, 200), (3, 250)] {
        poll(&mut m, at * 1000, Membership::Unknown, c, 1000);
    }
    assert_eq!(status(&m), Status::Ok);
}

#[test]
fn flat_nonzero_lag_is_warn_and_one_increase_is_not() {
    // The consumer moves 10/s, the log grows 10/s: lag flat at 50.
    let mut m = LagModel::default();
    for s in 0..5 {
        poll(&mut m, s * 1000, ACTIVE, 100 + 10 * s, 150 + 10 * s);
    }
    assert_eq!(status(&m), Status::Warn);
    assert_eq!(m.group("g").unwrap().status, Status::Warn);
    // Two samples, lag up once: not enough history to call it anything.
    let mut m = LagModel::default();
    poll(&mut m, 0, ACTIVE, 100, 150);
    poll(&mut m, 1000, ACTIVE, 105, 170);
    assert_eq!(status(&m), Status::Ok);
}

#[test]
fn lag_seconds_after_an_hour_idle_is_the_poll_interval() {
    // Caught up and idle for an hour, polled every 2 s; then one record lands.
    let mut m = LagModel::default();
    for s in (0..=3600).step_by(2) {
        poll(&mut m, s * 1000, ACTIVE, 500, 500);
    }
    assert_eq!(m.partitions("g")[0].lag_seconds, Some(0.0));
    poll(&mut m, 3_602_000, ACTIVE, 500, 501);
    let s = m.partitions("g")[0].lag_seconds.unwrap();
    assert_eq!(s, 2.0, "the log end was last seen at 500 two seconds ago");
}

#[test]
fn steady_consumption_lag_seconds_interpolates() {
    // 100 records/s written from t=0; the consumer stays 250 records behind.
    let h = history(&(0..10).map(|i| (i * 1000, (i * 100 - 250).max(0), i * 100)).collect::<Vec<_>>());
    // At t=9 s committed = 650; the log end was 600 at 6 s and 700 at 7 s: 6.5 s.
    let s = h.lag_seconds(9000).unwrap();
    assert!((s - 2.5).abs() < 1e-9, "{s}");
    assert_eq!(h.time_to_drain(), None, "consumes slower than written over the window: never drains");
}

#[test]
fn a_committed_offset_older_than_the_table_is_read_exactly() {
    // A burst of 1,000 at t=0, nothing after; the consumer does 200/s.
    let mut h = history(&(0..4).map(|i| (i * 1000, i * 200, 1000)).collect::<Vec<_>>());
    assert_eq!(h.consume_rate(), Some(200.0));
    assert_eq!(h.time_to_drain(), Some(2.0));
    // Committed (600) is older than the flat table (log end 1000 throughout): unknown
    // (kafka-lag-exporter would answer infinity) until the record's time is read.
    assert_eq!(h.needs_record_time(), Some(600));
    assert_eq!(h.lag_seconds(3000), None);
    h.record_time(600, -500);
    assert_eq!(h.needs_record_time(), None);
    assert_eq!(h.lag_seconds(3000), Some(3.5));
}

#[test]
fn idle_topic_is_ok_with_zero_seconds() {
    let h = history(&(0..10).map(|i| (i * 1000, 500, 500)).collect::<Vec<_>>());
    assert_eq!(h.verdict(Membership::Unknown, 9000, &Judge::default()).status, Status::Ok);
    assert_eq!(h.lag_seconds(9000), Some(0.0));
    assert_eq!(h.time_to_drain(), Some(0.0));
}

#[test]
fn groups_and_partitions_that_disappear_leave_the_model() {
    let mut m = LagModel::default();
    m.apply(&Poll {
        at_ms: 0,
        groups: vec![
            GroupPoll {
                group: "a".into(),
                membership: ACTIVE,
                partitions: vec![("t".into(), 0, 1, 1), ("t".into(), 1, 1, 1)],
            },
            GroupPoll { group: "b".into(), membership: ACTIVE, partitions: vec![("t".into(), 0, 1, 1)] },
        ],
    });
    m.apply(&Poll {
        at_ms: 1000,
        groups: vec![GroupPoll { group: "a".into(), membership: ACTIVE, partitions: vec![("t".into(), 0, 1, 1)] }],
    });
    assert_eq!(m.groups.keys().collect::<Vec<_>>(), ["a"]);
    assert_eq!(m.partitions("a").len(), 1);
}

#[test]
fn a_group_without_offsets_is_notfound() {
    let mut m = LagModel::default();
    m.apply(&Poll {
        at_ms: 0,
        groups: vec![GroupPoll { group: "nope".into(), membership: Membership::Unknown, partitions: vec![] }],
    });
    assert_eq!(m.group("nope").unwrap().status, Status::NotFound);
}

#[test]
fn group_names_its_max_lag_partition_even_at_zero_lag() {
    let mut m = LagModel::default();
    for i in 0..4 {
        m.apply(&Poll {
            at_ms: i * 1000,
            groups: vec![GroupPoll {
                group: "g".into(),
                membership: Membership::Empty,
                partitions: vec![("t".into(), 0, 50, 50 + i), ("t".into(), 1, 100 + i, 100 + i)],
            }],
        });
    }
    let g = m.group("g").unwrap();
    assert_eq!((g.status, g.lag), (Status::Err, 3));
    assert_eq!(g.max_lag_partition.as_deref(), Some("t:0"));
    assert_eq!(m.partitions("g")[1].status, Status::Ok);
    assert_eq!(m.groups["g"].total_lags.back(), Some(&3));
    let mut m = LagModel::default();
    poll(&mut m, 0, ACTIVE, 5, 5);
    assert_eq!(m.group("g").unwrap().max_lag_partition.as_deref(), Some("t:0"));
}
