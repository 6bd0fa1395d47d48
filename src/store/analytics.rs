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
    /// The chunks a "chunk" sample stands for (a CHUNK_RECEIVED event folds several); 1
    /// otherwise.
    pub chunks: i64,
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

const INSERT_SAMPLE: &str = "INSERT INTO analytics_samples (event_id, node_id, minute_ms, kind, latency_ms, chunks) \
    VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING";

const Q_SAMPLES: &str = "SELECT node_id, minute_ms, kind, latency_ms, chunks FROM analytics_samples \
    WHERE minute_ms >= $1 AND minute_ms < $2 ORDER BY node_id, minute_ms";

impl Store {
    pub async fn sample(&self, s: Sample) -> std::result::Result<(), WriteError> {
        let params = vec![
            Param::Text(s.event_id),
            Param::Text(s.node_id),
            Param::Int(s.minute_ms),
            Param::Text(s.kind.into()),
            Param::OptInt(s.latency_ms),
            Param::Int(s.chunks),
        ];
        self.exec(INSERT_SAMPLE, params).await
    }

    pub async fn minutes(&self, from_ms: i64, to_ms: i64) -> Result<Vec<MinuteRow>> {
        let samples = self
            .query(Q_SAMPLES, vec![Param::Int(from_ms), Param::Int(to_ms)], |r| {
                (r.text(0), r.int(1), r.text(2), r.opt_int(3), r.int(4))
            })
            .await?;
        let mut out: Vec<MinuteRow> = Vec::new();
        let mut latencies: Vec<Vec<i64>> = Vec::new();
        for (node, minute, kind, latency, chunks) in samples {
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
                "chunk" => m.chunks += chunks,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A database an older build made (no `chunks` column) is migrated on open, and a
    /// folded CHUNK_RECEIVED counts every chunk it stands for.
    #[tokio::test]
    async fn an_older_database_gains_the_chunks_column_and_folded_samples_count_each_chunk() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE analytics_samples (event_id TEXT PRIMARY KEY, node_id TEXT NOT NULL, \
             minute_ms BIGINT NOT NULL, kind TEXT NOT NULL, latency_ms BIGINT);
             INSERT INTO analytics_samples VALUES ('old', 'n', 60000, 'chunk', NULL);",
        )
        .unwrap();
        drop(conn);
        let store = Store::open(&format!("sqlite://{}", path.display())).await.unwrap();
        let sample = |id: &str, kind: &'static str, chunks: i64| Sample {
            event_id: id.into(),
            node_id: "n".into(),
            minute_ms: 60_000,
            kind,
            latency_ms: (kind == "stream").then_some(40),
            chunks,
        };
        store.sample(sample("folded", "chunk", 12)).await.unwrap();
        store.sample(sample("done", "stream", 1)).await.unwrap();
        let rows = store.minutes(0, i64::MAX).await.unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!((rows[0].chunks, rows[0].streams), (13, 1), "the old row counts 1, the folded one 12");
        // Opening it again finds the column there and leaves it.
        drop(store);
        let again = Store::open(&format!("sqlite://{}", path.display())).await.unwrap();
        assert_eq!(again.minutes(0, i64::MAX).await.unwrap()[0].chunks, 13);
    }
}
