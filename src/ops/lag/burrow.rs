//! Burrow's lag evaluation, ported rule for rule from linkedin/Burrow
//! `core/internal/evaluator/caching.go` (`evaluatePartitionStatus`,
//! `calculatePartitionStatus` and the five rules under it, `evaluateConsumerStatus` for the
//! group), with the test table of `caching_test.go` ported below, each case under its
//! Burrow index.
//!
//! A window is a partition's last commits (offset, the time it was committed, the lag at
//! that commit), oldest first. Where chatctl cannot see every commit (it polls), the caller
//! decides what a commit is ([`crate::ops::lag`]); the rules here are Burrow's.

use serde::Serialize;

/// A status, in Burrow's order (`protocol.StatusConstant`): a group takes the greatest of
/// its partitions', and anything above ERR rolls up to ERR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Status {
    /// The group does not exist (never a partition's status).
    #[serde(rename = "NOTFOUND")]
    NotFound,
    Ok,
    Warn,
    /// A group with a partition in STOP, STALL or REWIND (never a partition's status).
    Err,
    Stop,
    Stall,
    Rewind,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::NotFound => "NOTFOUND",
            Status::Ok => "OK",
            Status::Warn => "WARN",
            Status::Err => "ERR",
            Status::Stop => "STOP",
            Status::Stall => "STALL",
            Status::Rewind => "REWIND",
        }
    }

    /// What a group's status becomes from this partition status (Burrow: greater than ERR
    /// is marked ERR).
    pub fn rolled_up(self) -> Status {
        self.min(Status::Err)
    }
}

/// One commit in a window (Burrow's `protocol.ConsumerOffset`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Commit {
    pub offset: i64,
    /// When it was committed, ms since the epoch.
    pub timestamp_ms: i64,
    /// The lag at that commit; none where it could not be told.
    pub lag: Option<u64>,
}

/// Rule 1: true unless the lag was at or under the allowed lag at some commit.
pub fn is_lag_always_not_zero(offsets: &[Commit], allowed_lag: u64) -> bool {
    !offsets.iter().any(|o| o.lag.is_some_and(|l| l <= allowed_lag))
}

/// Rule 2: the index of the first commit lower than the one before it.
pub fn check_if_offsets_rewind(offsets: &[Commit]) -> Option<usize> {
    (1..offsets.len()).find(|&i| offsets[i].offset < offsets[i - 1].offset)
}

/// Rule 2, part 2: after a rewind at `index`, the offset came back to where it was.
pub fn check_if_rewind_recovered(offsets: &[Commit], index: usize) -> bool {
    let before = offsets[index - 1].offset;
    offsets[index..].iter().any(|o| o.offset >= before)
}

/// Rule 3: the time since the last commit is longer than the window spans.
pub fn check_if_offsets_stopped(offsets: &[Commit], now_ms: i64) -> bool {
    let first = offsets[0].timestamp_ms;
    let last = offsets[offsets.len() - 1].timestamp_ms;
    now_ms - last > last - first
}

/// Rule 4: every commit in the window has the same offset.
pub fn check_if_offsets_stalled(offsets: &[Commit]) -> bool {
    offsets.windows(2).all(|w| w[0].offset == w[1].offset)
}

/// Rule 5: the lag never decreased from one commit (with a lag) to the next.
pub fn check_if_lag_not_decreasing(offsets: &[Commit]) -> bool {
    let mut last: Option<u64> = None;
    for lag in offsets.iter().filter_map(|o| o.lag) {
        if last.is_some_and(|l| lag < l) {
            return false;
        }
        last = Some(lag);
    }
    true
}

/// The broker's recent log ends show the last committed offset caught up.
pub fn check_if_recent_lag_zero(offsets: &[Commit], broker_offsets: &[i64]) -> bool {
    let last = offsets[offsets.len() - 1].offset;
    broker_offsets.iter().any(|&b| b <= last)
}

/// Burrow's `calculatePartitionStatus`: the rules in its order. `offsets` is not empty.
pub fn calculate_partition_status(
    offsets: &[Commit],
    broker_offsets: &[i64],
    current_lag: u64,
    now_ms: i64,
    allowed_lag: u64,
) -> Status {
    if current_lag > allowed_lag {
        if check_if_offsets_stopped(offsets, now_ms) && !check_if_recent_lag_zero(offsets, broker_offsets) {
            return Status::Stop;
        }
        if let Some(i) = check_if_offsets_rewind(offsets) {
            if !check_if_rewind_recovered(offsets, i) {
                return Status::Rewind;
            }
        }
        if is_lag_always_not_zero(offsets, allowed_lag) {
            if check_if_offsets_stalled(offsets) {
                return Status::Stall;
            }
            if check_if_lag_not_decreasing(offsets) {
                return Status::Warn;
            }
        }
    }
    Status::Ok
}

/// A partition's verdict (Burrow's `protocol.PartitionStatus`, less the names).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PartitionVerdict {
    pub status: Status,
    /// How full the window is, 0..=1.
    pub complete: f32,
    pub start: Option<Commit>,
    pub end: Option<Commit>,
    pub current_lag: u64,
}

/// Burrow's `evaluatePartitionStatus`: `window` is the ring, oldest first, `None` for slots
/// not yet filled (they are at the start). Below `minimum_complete` the answer is OK.
pub fn evaluate_partition(
    window: &[Option<Commit>],
    broker_offsets: &[i64],
    current_lag: u64,
    now_ms: i64,
    minimum_complete: f32,
    allowed_lag: u64,
) -> PartitionVerdict {
    let mut v = PartitionVerdict { status: Status::Ok, complete: 0.0, start: None, end: None, current_lag };
    if window.is_empty() {
        return v;
    }
    let first = window.iter().position(Option::is_some).unwrap_or(window.len());
    let offsets: Vec<Commit> = window[first..].iter().flatten().copied().collect();
    v.complete = if offsets.len() < window.len() { offsets.len() as f32 / window.len() as f32 } else { 1.0 };
    if offsets.is_empty() {
        return v;
    }
    v.start = offsets.first().copied();
    v.end = offsets.last().copied();
    if v.complete >= minimum_complete {
        v.status = calculate_partition_status(&offsets, broker_offsets, current_lag, now_ms, allowed_lag);
    }
    v
}

/// A group's roll-up (Burrow's `evaluateConsumerStatus`): the greatest partition status
/// (ERR for STOP, STALL and REWIND), the partition with the most lag (the first of equals,
/// present whenever there is a partition), the total lag, and the share of partitions
/// whose window is complete (0 for a group with no partitions).
#[derive(Debug, Clone, PartialEq)]
pub struct GroupVerdict {
    pub status: Status,
    pub complete: f32,
    pub total_lag: u64,
    pub total_partitions: usize,
    /// Index into the partitions given of the one with the most lag.
    pub maxlag: Option<usize>,
    /// Index of the partition with the worst status (the first of equals).
    pub worst: Option<usize>,
}

pub fn evaluate_group(partitions: &[PartitionVerdict]) -> GroupVerdict {
    let mut g = GroupVerdict {
        status: Status::Ok,
        complete: 0.0,
        total_lag: partitions.iter().map(|p| p.current_lag).sum(),
        total_partitions: partitions.len(),
        maxlag: None,
        worst: None,
    };
    let mut complete = 0;
    for (i, p) in partitions.iter().enumerate() {
        if p.status > g.status {
            g.status = p.status.rolled_up();
        }
        if g.worst.is_none_or(|w| p.status > partitions[w].status) {
            g.worst = Some(i);
        }
        if g.maxlag.is_none_or(|m| p.current_lag > partitions[m].current_lag) {
            g.maxlag = Some(i);
        }
        if p.complete == 1.0 {
            complete += 1;
        }
    }
    if !partitions.is_empty() {
        g.complete = complete as f32 / partitions.len() as f32;
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One row of Burrow's `tests` table in `caching_test.go`.
    struct Case {
        offsets: Vec<Commit>,
        broker_offsets: Vec<i64>,
        current_lag: u64,
        /// Burrow's `timeNow` is in seconds; the commit timestamps are in ms.
        time_now: i64,
        allowed_lag: u64,
        is_lag_always_not_zero: bool,
        check_if_offsets_rewind: i64,
        check_if_offsets_stopped: bool,
        check_if_offsets_stalled: bool,
        check_if_lag_not_decreasing: bool,
        check_if_recent_lag_zero: bool,
        status: Status,
    }

    /// (offset, timestamp ms, lag) triples; a lag of -1 is Burrow's `Lag: nil`.
    fn commits(rows: &[(i64, i64, i64)]) -> Vec<Commit> {
        rows.iter()
            .map(|&(offset, timestamp_ms, lag)| Commit { offset, timestamp_ms, lag: (lag >= 0).then_some(lag as u64) })
            .collect()
    }

    /// Burrow's test 9 and 10 window: fifteen commits a second apart, all at zero lag.
    fn fifteen_at_zero() -> Vec<Commit> {
        let ts = [
            1512224618356,
            1512224619362,
            1512224620366,
            1512224621367,
            1512224622370,
            1512224623373,
            1512224624378,
            1512224625379,
            1512224626383,
            1512224627383,
            1512224628383,
            1512224629388,
            1512224630391,
            1512224631394,
            1512224632397,
        ];
        ts.iter()
            .enumerate()
            .map(|(i, &t)| Commit { offset: 792748079 + i as i64, timestamp_ms: t, lag: Some(0) })
            .collect()
    }

    fn five(lags: [i64; 5], offsets: [i64; 5]) -> Vec<Commit> {
        commits(&(0..5).map(|i| (offsets[i], (i as i64 + 1) * 100_000, lags[i])).collect::<Vec<_>>())
    }

    const RISING: [i64; 5] = [1000, 2000, 3000, 4000, 5000];
    const FLAT: [i64; 5] = [1000; 5];
    const REWOUND: [i64; 5] = [1000, 2000, 3000, 2000, 4000];

    #[allow(clippy::too_many_arguments)]
    fn case(
        offsets: Vec<Commit>,
        broker_offsets: &[i64],
        current_lag: u64,
        time_now: i64,
        allowed_lag: u64,
        rules: (bool, i64, bool, bool, bool, bool),
        status: Status,
    ) -> Case {
        Case {
            offsets,
            broker_offsets: broker_offsets.to_vec(),
            current_lag,
            time_now,
            allowed_lag,
            is_lag_always_not_zero: rules.0,
            check_if_offsets_rewind: rules.1,
            check_if_offsets_stopped: rules.2,
            check_if_offsets_stalled: rules.3,
            check_if_lag_not_decreasing: rules.4,
            check_if_recent_lag_zero: rules.5,
            status,
        }
    }

    /// Burrow's table, in its order: index i here is Burrow's test i.
    fn burrow_table() -> Vec<Case> {
        let mut all = burrow_cases_0_to_7();
        all.extend(burrow_cases_8_to_15());
        all
    }

    fn burrow_cases_0_to_7() -> Vec<Case> {
        vec![
            // 0 - returns OK because there is zero lag somewhere
            case(
                five([0, 50, 100, 150, 200], RISING),
                &[5200],
                200,
                600,
                0,
                (false, -1, false, false, true, false),
                Status::Ok,
            ),
            // 1 - same status. does not return true for stop because time since last commit (400s) is equal to the difference (500-100), not greater than
            case(
                five([0, 50, 100, 150, 200], RISING),
                &[5200],
                200,
                900,
                0,
                (false, -1, false, false, true, false),
                Status::Ok,
            ),
            // 2 - status is now STOP because the time since last commit is great enough (500s), even though lag is zero at the start (fixed due to #290)
            case(
                five([0, 50, 100, 150, 200], RISING),
                &[5200],
                200,
                1000,
                0,
                (false, -1, true, false, true, false),
                Status::Stop,
            ),
            // 3 - status is STOP when lag is always non-zero as well
            case(
                five([50, 100, 150, 200, 250], RISING),
                &[5250],
                250,
                1000,
                0,
                (true, -1, true, false, true, false),
                Status::Stop,
            ),
            // 4 - status is OK because of zero lag, but stall is true because the offset is always the same and there is lag
            case(
                five([0, 50, 100, 150, 200], FLAT),
                &[1200],
                200,
                600,
                0,
                (false, -1, false, true, true, false),
                Status::Ok,
            ),
            // 5 - status is now STALL because the lag is always non-zero
            case(
                five([100, 150, 200, 250, 300], FLAT),
                &[1300],
                300,
                600,
                0,
                (true, -1, false, true, true, false),
                Status::Stall,
            ),
            // 6 - status is still STALL even when the lag stays the same
            case(five([100; 5], FLAT), &[1100], 100, 600, 0, (true, -1, false, true, true, false), Status::Stall),
            // 7 - status is OK because the offsets go backwards, but though the lag does decrease within the window (caught up the rewind)
            case(
                five([100, 150, 200, 1250, 300], REWOUND),
                &[4300],
                300,
                600,
                0,
                (true, 3, false, false, false, false),
                Status::Ok,
            ),
        ]
    }

    fn burrow_cases_8_to_15() -> Vec<Case> {
        vec![
            // 8 - status is OK because the current lag is 0 (even though the offsets show lag), even though it would be considered stopped due to timestamps
            case(
                five([50, 100, 150, 200, 250], RISING),
                &[5250],
                0,
                1000,
                0,
                (true, -1, true, false, true, false),
                Status::Ok,
            ),
            // 9 - status is STOP due to timestamps because the current lag is non-zero, even though lag is always zero in offsets, only because there is new data (#290)
            case(
                fifteen_at_zero(),
                &[792749024, 792749000, 792748800, 792748600, 792748500],
                931,
                1512224650,
                0,
                (false, -1, true, false, true, false),
                Status::Stop,
            ),
            // 10 - status is OK, even though it would be stop due to timestamps, as within the recent broker offset window the lag was zero (#303)
            case(
                fifteen_at_zero(),
                &[792748094, 792748093, 792748093, 792748093],
                1,
                1512224650,
                0,
                (false, -1, true, false, true, true),
                Status::Ok,
            ),
            // 11 - same case as test 0 with additional `nil` lag entries which should not affect results
            case(
                commits(&[
                    (1000, 100000, 0),
                    (1500, 150000, -1),
                    (2000, 200000, 50),
                    (2500, 250000, -1),
                    (3000, 300000, 100),
                    (3500, 350000, -1),
                    (4000, 400000, 150),
                    (4500, 450000, -1),
                    (5000, 500000, 200),
                    (5500, 550000, -1),
                ]),
                &[5700],
                200,
                600,
                0,
                (false, -1, false, false, true, false),
                Status::Ok,
            ),
            // 12 - status is OK despite the fact that the current lag is greater zero and the time since last commit is great enough because of the configured allowed lag
            case(
                commits(&[(1000, 100000, 2), (2000, 200000, 1), (2000, 300000, 1)]),
                &[2001],
                1,
                550,
                1,
                (false, -1, true, false, false, false),
                Status::Ok,
            ),
            // 13 - same as 5 but with an allowed lag
            case(
                five([100, 150, 200, 250, 300], FLAT),
                &[1300],
                300,
                600,
                99,
                (true, -1, false, true, true, false),
                Status::Stall,
            ),
            // 14 - same as 7 but with an allowed lag
            case(
                five([100, 150, 200, 1250, 300], REWOUND),
                &[4300],
                300,
                600,
                99,
                (true, 3, false, false, false, false),
                Status::Ok,
            ),
            // 15 - Rewind, but we did not catch up to the previous point
            case(
                five([100, 150, 200, 1250, 300], [1000, 2000, 3000, 2000, 2500]),
                &[4300],
                300,
                600,
                0,
                (true, 3, false, false, false, false),
                Status::Rewind,
            ),
        ]
    }

    /// Burrow's `TestCachingEvaluator_CheckRules`: every rule and the status, per case.
    #[test]
    fn burrow_caching_test_check_rules() {
        for (i, c) in burrow_table().iter().enumerate() {
            let now_ms = c.time_now * 1000;
            assert_eq!(
                is_lag_always_not_zero(&c.offsets, c.allowed_lag),
                c.is_lag_always_not_zero,
                "TEST {i}: isLagAlwaysNotZero"
            );
            let rewind = check_if_offsets_rewind(&c.offsets).map(|i| i as i64).unwrap_or(-1);
            assert_eq!(rewind, c.check_if_offsets_rewind, "TEST {i}: checkIfOffsetsRewind");
            assert_eq!(
                check_if_offsets_stopped(&c.offsets, now_ms),
                c.check_if_offsets_stopped,
                "TEST {i}: checkIfOffsetsStopped"
            );
            assert_eq!(
                check_if_offsets_stalled(&c.offsets),
                c.check_if_offsets_stalled,
                "TEST {i}: checkIfOffsetsStalled"
            );
            assert_eq!(
                check_if_lag_not_decreasing(&c.offsets),
                c.check_if_lag_not_decreasing,
                "TEST {i}: checkIfLagNotDecreasing"
            );
            assert_eq!(
                check_if_recent_lag_zero(&c.offsets, &c.broker_offsets),
                c.check_if_recent_lag_zero,
                "TEST {i}: checkIfRecentLagZero"
            );
            let status =
                calculate_partition_status(&c.offsets, &c.broker_offsets, c.current_lag, now_ms, c.allowed_lag);
            assert_eq!(status, c.status, "TEST {i}: calculatePartitionStatus");
        }
        assert_eq!(burrow_table().len(), 16, "every case of Burrow's table");
    }

    /// Burrow's storage fixture (`storage.CoordinatorWithOffsets`): a ring of 10, commits
    /// 1000 + 100·i, 10 s apart, starting 100 s ago; the broker's offset 4321.
    fn fixture_ring(commits: usize, now_ms: i64) -> Vec<Option<Commit>> {
        let start = now_ms - 100_000;
        let mut ring = vec![None; 10 - commits];
        // The fixture's commits arrive before any lag is known to storage for the ring's
        // first entries; the lag Burrow stores is the broker offset minus the commit.
        ring.extend((0..commits).map(|i| {
            let offset = 1000 + 100 * i as i64;
            Some(Commit { offset, timestamp_ms: start + 10_000 * i as i64, lag: Some((4321 - offset) as u64) })
        }));
        ring
    }

    /// `TestCachingEvaluator_SingleRequest_NoShowAll` / `_ShowAll`: a full ring, OK,
    /// complete 1.0, one partition, total lag 2421.
    #[test]
    fn burrow_single_request_full_ring_is_ok() {
        let now = 1_700_000_000_000;
        let ring = fixture_ring(10, now);
        let lag = (4321 - ring[9].unwrap().offset) as u64;
        let p = evaluate_partition(&ring, &[4321], lag, now, 0.0, 0);
        let g = evaluate_group(&[p]);
        assert_eq!(g.status, Status::Ok);
        assert_eq!(g.complete, 1.0);
        assert_eq!(g.total_partitions, 1);
        assert_eq!(g.total_lag, 2421);
    }

    /// `TestCachingEvaluator_SingleRequest_Incomplete`: half a ring whose last commit is 60 s
    /// old and spans 40 s: partition STOP at complete 0.5, group ERR at complete 0.0,
    /// total lag 2921, maxlag from 1000 to 1400.
    #[test]
    fn burrow_single_request_incomplete_is_err_with_a_stopped_partition() {
        let now = 1_700_000_000_000;
        let ring = fixture_ring(5, now);
        let lag = (4321 - ring[9].unwrap().offset) as u64;
        let p = evaluate_partition(&ring, &[4321], lag, now, 0.0, 0);
        assert_eq!(p.complete, 0.5);
        assert_eq!(p.status, Status::Stop);
        let g = evaluate_group(&[p]);
        assert_eq!(g.status, Status::Err);
        assert_eq!(g.complete, 0.0);
        assert_eq!(g.total_lag, 2921);
        let max = [p][g.maxlag.unwrap()];
        assert_eq!(max.start.unwrap().offset, 1000);
        assert_eq!(max.end.unwrap().offset, 1400);
    }

    /// `TestCachingEvaluator_TopicDeleted`: a group whose topics are gone is OK with no
    /// partitions and complete 0.0.
    #[test]
    fn burrow_topic_deleted_is_ok_with_no_partitions() {
        let g = evaluate_group(&[]);
        assert_eq!((g.status, g.complete, g.total_partitions, g.maxlag), (Status::Ok, 0.0, 0, None));
    }

    #[test]
    fn below_the_minimum_completeness_the_answer_is_ok() {
        let now = 1_700_000_000_000;
        let ring = fixture_ring(5, now);
        let p = evaluate_partition(&ring, &[4321], 2921, now, 0.6, 0);
        assert_eq!((p.status, p.complete), (Status::Ok, 0.5));
    }

    #[test]
    fn group_rolls_up_to_err_and_names_the_worst_and_maxlag_partitions() {
        let v = |status, lag| PartitionVerdict { status, complete: 1.0, start: None, end: None, current_lag: lag };
        let g = evaluate_group(&[v(Status::Warn, 500), v(Status::Rewind, 10), v(Status::Stop, 20)]);
        assert_eq!(g.status, Status::Err);
        assert_eq!((g.worst, g.maxlag), (Some(1), Some(0)));
        let g = evaluate_group(&[v(Status::Ok, 0), v(Status::Warn, 0)]);
        assert_eq!((g.status, g.worst, g.maxlag), (Status::Warn, Some(1), Some(0)), "maxlag always present");
    }
}
