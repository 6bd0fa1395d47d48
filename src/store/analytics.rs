//! Analytics: one sample per stream event, aggregated per node and minute on read.

use serde::Serialize;

use super::writer::WriteError;
use super::{Param, Store};
use crate::error::Result;

/// One analytics sample (the analytics worker's idempotent input to per-minute aggregates).
#[derive(Debug, Clone)]
pub struct Sample {
    pub event_id: String,
    pub node_id: String,
    pub minute_ms: i64,
    /// "stream", "chunk" or "error".
    pub kind: &'static str,
    pub latency_ms: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MinuteRow {
    pub node_id: String,
    pub minute_ms: i64,
    pub streams: i64,
    pub chunks: i64,
    pub errors: i64,
    pub avg_latency_ms: Option<f64>,
    pub p95_latency_ms: Option<i64>,
}

const INSERT_SAMPLE: &str = "INSERT INTO analytics_samples (event_id, node_id, minute_ms, kind, latency_ms) \
    VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id) DO NOTHING";

const Q_SAMPLES: &str = "SELECT node_id, minute_ms, kind, latency_ms FROM analytics_samples \
    WHERE minute_ms >= $1 AND minute_ms < $2 ORDER BY node_id, minute_ms";

impl Store {
    pub async fn sample(&self, s: Sample) -> std::result::Result<(), WriteError> {
        let params = vec![
            Param::Text(s.event_id),
            Param::Text(s.node_id),
            Param::Int(s.minute_ms),
            Param::Text(s.kind.into()),
            Param::OptInt(s.latency_ms),
        ];
        self.exec(INSERT_SAMPLE, params).await
    }

    pub async fn minutes(&self, from_ms: i64, to_ms: i64) -> Result<Vec<MinuteRow>> {
        let samples = self
            .query(Q_SAMPLES, vec![Param::Int(from_ms), Param::Int(to_ms)], |r| {
                (r.text(0), r.int(1), r.text(2), r.opt_int(3))
            })
            .await?;
        let mut out: Vec<MinuteRow> = Vec::new();
        let mut latencies: Vec<Vec<i64>> = Vec::new();
        for (node, minute, kind, latency) in samples {
            if out.last().is_none_or(|m| m.node_id != node || m.minute_ms != minute) {
                out.push(MinuteRow {
                    node_id: node,
                    minute_ms: minute,
                    streams: 0,
                    chunks: 0,
                    errors: 0,
                    avg_latency_ms: None,
                    p95_latency_ms: None,
                });
                latencies.push(Vec::new());
            }
            let m = out.last_mut().unwrap();
            match kind.as_str() {
                "stream" => {
                    m.streams += 1;
                    latencies.last_mut().unwrap().extend(latency);
                }
                "chunk" => m.chunks += 1,
                _ => m.errors += 1,
            }
        }
        for (m, mut l) in out.iter_mut().zip(latencies) {
            if !l.is_empty() {
                l.sort_unstable();
                m.avg_latency_ms = Some(l.iter().sum::<i64>() as f64 / l.len() as f64);
                // Nearest-rank p95.
                let rank = ((l.len() as f64) * 0.95).ceil() as usize;
                m.p95_latency_ms = Some(l[rank.clamp(1, l.len()) - 1]);
            }
        }
        Ok(out)
    }

    /// Empty the analytics samples (a rebuild by replay starts from here).
    pub async fn clear_analytics(&self) -> Result<()> {
        self.delete_all("DELETE FROM analytics_samples").await
    }
}

/// The tables a rebuild of this domain replaces (`Store::swap_in`).
pub const ANALYTICS_TABLES: &[&str] = &["analytics_samples"];
