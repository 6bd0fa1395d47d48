//! kafka-lag-exporter's lookup table, ported from seglo/kafka-lag-exporter
//! `LookupTable.scala` (`MemoryTable`, with the retention of its `RedisTable`), with every
//! case of `LookupTableSpec.scala` ported below under its name.
//!
//! Per partition, (log-end offset, time) points taken at each poll. A flat log end keeps
//! its first and last sight only (the table "moves the right hand side out until we see
//! variation again"), so a committed offset equal to a flat section's offset is dated at
//! the last sight: a partition idle for an hour that receives one record is a poll
//! interval behind, not an hour. Lookups interpolate between the two points around the
//! offset (searched from the newest), and extrapolate along the whole table otherwise.

use std::collections::VecDeque;

/// A log end seen at a time (ms).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    pub offset: i64,
    pub time: i64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Lookup {
    TooFewPoints,
    /// The offset is the newest point's: caught up.
    LagIsZero,
    /// When the log end was at the offset (ms; infinite where the table is flat).
    Prediction(f64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddPoint {
    OutOfOrder,
    NonMonotonic,
    Updated,
    Inserted,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    limit: usize,
    /// Points older than this (ms before the newest point's time) are dropped; none keeps
    /// them until `limit` pushes them out.
    retention_ms: Option<i64>,
    points: VecDeque<Point>,
}

impl Table {
    pub fn new(limit: usize) -> Self {
        Table { limit: limit.max(2), retention_ms: None, points: VecDeque::new() }
    }

    /// A table that also forgets points older than `retention_ms` (the RedisTable's
    /// `retention`, measured against the time of the point being added).
    pub fn with_retention(limit: usize, retention_ms: i64) -> Self {
        Table { retention_ms: Some(retention_ms), ..Table::new(limit) }
    }

    pub fn len(&self) -> usize {
        self.points.len()
    }

    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }

    pub fn points(&self) -> impl Iterator<Item = &Point> {
        self.points.iter()
    }

    pub fn most_recent(&self) -> Option<Point> {
        self.points.back().copied()
    }

    pub fn oldest(&self) -> Option<Point> {
        self.points.front().copied()
    }

    pub fn clear(&mut self) {
        self.points.clear();
    }

    /// Is `p` the same reading as the two most recent points?
    pub fn is_flat(&self, p: Point) -> bool {
        let n = self.points.len();
        n > 1 && self.points[n - 1].offset == p.offset && self.points[n - 2].offset == p.offset
    }

    fn expire(&mut self, now: i64) {
        if let Some(r) = self.retention_ms {
            while self.points.front().is_some_and(|p| now - r > p.time) {
                self.points.pop_front();
            }
        }
    }

    /// Add `p`, `p.time` being now.
    pub fn add_point(&mut self, p: Point) -> AddPoint {
        self.add_point_at(p, p.time)
    }

    /// Add `p` with the clock at `now` (retention is measured from it).
    pub fn add_point_at(&mut self, p: Point, now: i64) -> AddPoint {
        match self.most_recent() {
            Some(m) if m.time >= p.time => AddPoint::OutOfOrder,
            Some(m) if m.offset > p.offset => AddPoint::NonMonotonic,
            Some(_) if self.is_flat(p) => {
                self.expire(now);
                let n = self.points.len();
                self.points[n - 1] = p;
                AddPoint::Updated
            }
            _ => {
                self.expire(now);
                if self.points.len() == self.limit {
                    self.points.pop_front();
                }
                self.points.push_back(p);
                AddPoint::Inserted
            }
        }
    }

    /// When the log end was at `offset`.
    pub fn lookup(&self, offset: i64) -> Lookup {
        match self.most_recent() {
            Some(m) if m.offset == offset => return Lookup::LagIsZero,
            _ if self.points.len() < 2 => return Lookup::TooFewPoints,
            _ => {}
        }
        let n = self.points.len();
        // Newest pair first: a flat section answers with its right-hand (latest) sight.
        let (left, right) = (1..n)
            .rev()
            .map(|i| (self.points[i - 1], self.points[i]))
            .find(|(l, r)| offset >= l.offset && offset <= r.offset)
            .unwrap_or((self.points[0], self.points[n - 1]));
        Lookup::Prediction(predict(offset, left, right))
    }

    /// Whether `offset` lies inside the table (interpolation, not extrapolation).
    pub fn covers(&self, offset: i64) -> bool {
        match (self.oldest(), self.most_recent()) {
            (Some(a), Some(b)) => a.offset <= offset && offset <= b.offset,
            _ => false,
        }
    }
}

/// Linear interpolation: the time at which the line through `left` and `right` reaches
/// `offset`.
pub fn predict(offset: i64, left: Point, right: Point) -> f64 {
    let dx = (right.time - left.time) as f64;
    let dy = (right.offset - left.offset) as f64;
    let px = right.time as f64;
    let d = (right.offset - offset) as f64;
    px - d * dx / dy
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt(offset: i64, time: i64) -> Point {
        Point { offset, time }
    }

    fn filled(limit: usize, points: &[(i64, i64)]) -> Table {
        let mut t = Table::new(limit);
        for &(o, ts) in points {
            t.add_point(pt(o, ts));
        }
        t
    }

    // MemoryTable cases.

    #[test]
    fn memory_table_invalids_and_edge_conditions() {
        let mut t = Table::new(10);
        assert!(t.is_empty(), "New table should be empty");
        assert_eq!(t.lookup(0), Lookup::TooFewPoints);
        t.add_point(pt(100, 100));
        assert_eq!(t.lookup(0), Lookup::TooFewPoints);
        // Invalid points: should be monotonically increasing in time and offset.
        for (o, ts) in [(110, 90), (90, 110), (0, 0), (110, -1), (-1, 110), (-1, -1)] {
            t.add_point(pt(o, ts));
        }
        assert_eq!(t.len(), 1, "Expected out of order to be skipped");
    }

    #[test]
    fn memory_table_square_lookups_x_eq_y() {
        let t = filled(10, &[(100, 100), (200, 200)]);
        // interpolation; extrapolation under the table; extrapolation over the table
        for expected in [150, 190, 110, 10, 0, -100, 300, 100] {
            assert_eq!(t.lookup(expected), Lookup::Prediction(expected as f64), "{expected}");
        }
    }

    fn flat_sections(t: &mut Table) {
        t.add_point(pt(100, 30));
        t.add_point(pt(200, 60));
        t.add_point(pt(200, 120));
        t.add_point(pt(200, 700));
        assert_eq!(t.len(), 3, "Table should truncate compress middle value for offset 200");
        t.add_point(pt(300, 730));
        t.add_point(pt(300, 9000));
        t.add_point(pt(400, 9030));
        assert_eq!(t.lookup(199), Lookup::Prediction(59.7));
        // should find the latest (right hand side) of the flat section
        assert_eq!(t.lookup(200), Lookup::Prediction(700.0));
        assert_eq!(t.lookup(201), Lookup::Prediction(700.3));
        assert_eq!(t.lookup(250), Lookup::Prediction(715.0));
        assert_eq!(t.lookup(299), Lookup::Prediction(729.7));
        assert_eq!(t.lookup(300), Lookup::Prediction(9000.0));
        assert_eq!(t.lookup(301), Lookup::Prediction(9000.3));
    }

    #[test]
    fn memory_table_lookups_with_flat_sections() {
        flat_sections(&mut Table::new(10));
    }

    #[test]
    fn memory_table_lookups_when_table_only_contains_a_flat_section_with_offsets_same_as_lookup() {
        let t = filled(5, &[(0, 0), (0, 100)]);
        assert_eq!(t.lookup(0), Lookup::LagIsZero);
    }

    #[test]
    fn memory_table_lookup_is_zero_when_table_has_a_single_element_the_same_as_the_last_group_offset() {
        let t = filled(5, &[(0, 100)]);
        assert_eq!(t.lookup(0), Lookup::LagIsZero);
    }

    fn infinite(t: &mut Table) {
        for ts in [100, 200, 300, 400] {
            t.add_point(pt(100, ts));
        }
        assert_eq!(t.len(), 2, "Expected flat entries to compress to a single entry");
        assert_eq!(t.most_recent().unwrap().time, 400, "Expected compressed table to have last timestamp");
        assert_eq!(t.lookup(99), Lookup::Prediction(f64::NEG_INFINITY));
        assert_eq!(t.lookup(101), Lookup::Prediction(f64::INFINITY));
    }

    #[test]
    fn memory_table_infinite_lookups_dy_eq_0_flat_curve_no_growth() {
        infinite(&mut Table::new(10));
    }

    fn steady(t: &Table) {
        assert_eq!(t.lookup(1600), Lookup::Prediction(2.5));
        assert_eq!(t.lookup(0), Lookup::Prediction(0.0));
        assert_eq!(t.lookup(1), Lookup::Prediction(0.09999999999999998));
        assert_eq!(t.lookup(9), Lookup::Prediction(0.9));
        assert_eq!(t.lookup(10), Lookup::Prediction(1.0));
        assert_eq!(t.lookup(200), Lookup::Prediction(2.0));
        assert_eq!(t.lookup(2999), Lookup::Prediction(2.9996428571428573));
        assert_eq!(t.lookup(3000), Lookup::Prediction(3.0));
        assert_eq!(t.lookup(3001), Lookup::Prediction(3.000027027027027));
        assert_eq!(t.lookup(40000), Lookup::LagIsZero);
        // extrapolation
        assert_eq!(t.lookup(-10000), Lookup::Prediction(-1.0));
        assert_eq!(t.lookup(50000), Lookup::Prediction(5.0));
    }

    #[test]
    fn memory_table_normal_case_table_truncates_steady_timestamps_different_val_rates() {
        let mut t = filled(5, &[(-2, -2), (-1, -1), (0, 0), (10, 1), (200, 2)]);
        assert_eq!(t.len(), 5, "Expected table to have 5 entries");
        t.add_point(pt(3000, 3));
        t.add_point(pt(40000, 4));
        assert_eq!(t.len(), 5, "Expected table to limit to 5 entries");
        steady(&t);
    }

    fn most_recent_point(t: &mut Table) {
        assert_eq!(t.most_recent(), None, "most recent point on an empty table");
        for n in 0..=10 {
            t.add_point(pt(n, n * 10));
            assert_eq!(t.most_recent().map(|p| p.offset), Some(n));
        }
    }

    #[test]
    fn memory_table_most_recent_point() {
        most_recent_point(&mut Table::new(5));
    }

    // RedisTable cases: the same table semantics (chatctl keeps the table in memory; the
    // RedisTable's retention is `with_retention`).

    #[test]
    fn redis_table_invalids_and_edge_conditions() {
        memory_table_invalids_and_edge_conditions();
    }

    #[test]
    fn redis_table_square_lookups_x_eq_y() {
        let mut t = Table::with_retention(1000, 86_400_000);
        assert_eq!(t.add_point(pt(100, 100)), AddPoint::Inserted);
        assert_eq!(t.add_point(pt(200, 200)), AddPoint::Inserted);
        assert_eq!(t.len(), 2);
        for expected in [150, 190, 110, 10, 0, -100, 300, 100] {
            assert_eq!(t.lookup(expected), Lookup::Prediction(expected as f64), "{expected}");
        }
    }

    #[test]
    fn redis_table_lookups_with_flat_sections() {
        flat_sections(&mut Table::with_retention(1000, 86_400_000));
    }

    #[test]
    fn redis_table_lookups_when_table_only_contains_a_flat_section_with_offsets_same_as_lookup() {
        memory_table_lookups_when_table_only_contains_a_flat_section_with_offsets_same_as_lookup();
    }

    #[test]
    fn redis_table_lookup_is_zero_when_table_has_a_single_element_the_same_as_the_last_group_offset() {
        memory_table_lookup_is_zero_when_table_has_a_single_element_the_same_as_the_last_group_offset();
    }

    #[test]
    fn redis_table_infinite_lookups_dy_eq_0_flat_curve_no_growth() {
        infinite(&mut Table::with_retention(1000, 86_400_000));
    }

    #[test]
    fn redis_table_table_retention() {
        let mut t = Table::with_retention(1000, 2000);
        // Add a normal point
        assert_eq!(t.add_point(pt(100, 0)), AddPoint::Inserted);
        // Add first part of the flat line
        assert_eq!(t.add_point(pt(200, 1000)), AddPoint::Inserted);
        // Add another point with same offset to make a flat line
        assert_eq!(t.add_point(pt(200, 1500)), AddPoint::Inserted);
        // Add another point with the same offset, will extend the flat line
        assert_eq!(t.add_point(pt(200, 2000)), AddPoint::Updated);
        assert_eq!(t.add_point(pt(300, 3000)), AddPoint::Inserted);
        // first point is more than 2 seconds old
        assert_eq!(t.len(), 3, "Expected table to limit to 3 entries");
        // tick 1+ second for the first point to expire
        assert_eq!(t.add_point_at(pt(400, 4000), 4001), AddPoint::Inserted);
        assert_eq!(t.len(), 2, "Expected table to limit to 2 entries");
        assert_eq!(t.add_point(pt(500, 4002)), AddPoint::Inserted);
        assert_eq!(t.len(), 3, "Expected table to limit to 3 entries");
    }

    #[test]
    fn redis_table_normal_case_steady_timestamps_different_val_rates() {
        let t = filled(1000, &[(0, 0), (10, 1), (200, 2), (3000, 3), (40000, 4)]);
        assert_eq!(t.len(), 5, "Expected table to limit to 5 entries");
        steady(&t);
    }

    #[test]
    fn redis_table_most_recent_point() {
        most_recent_point(&mut Table::with_retention(1000, 86_400_000));
    }

    #[test]
    fn redis_table_redis_return_invalid_results() {
        let mut t = Table::with_retention(1000, 86_400_000);
        assert_eq!(t.add_point(pt(100, 100)), AddPoint::Inserted);
        assert_eq!(t.add_point(pt(110, 90)), AddPoint::OutOfOrder);
        assert_eq!(t.add_point(pt(90, 110)), AddPoint::NonMonotonic);
        assert_eq!(t.lookup(120), Lookup::TooFewPoints);
    }

    #[test]
    fn an_hour_idle_then_one_record_is_a_poll_behind_not_an_hour() {
        let mut t = Table::new(64);
        for s in 0..=3600 {
            t.add_point(pt(500, s * 1000));
        }
        assert_eq!(t.len(), 2, "a flat log end keeps its first and last sight");
        t.add_point(pt(501, 3_601_000));
        // The consumer still at 500: the log end was last seen at 500 at 3600 s.
        let Lookup::Prediction(at) = t.lookup(500) else { panic!() };
        assert_eq!((3_601_000.0 - at) / 1000.0, 1.0);
    }
}
