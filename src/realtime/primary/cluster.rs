//! Behind Redis Cluster: what redis-rs's cluster connection does not do for chatctl —
//! `SCRIPT LOAD` on every node that answers, pipelines split by slot, a SCAN of every
//! primary, and the cluster's health (`CLUSTER INFO`, `CLUSTER NODES`).

use super::*;

pub(super) fn is_script_load(cmd: &Cmd) -> bool {
    let mut args = cmd.args_iter().map(|a| match a {
        redis::Arg::Simple(b) => b,
        redis::Arg::Cursor => &b""[..],
    });
    args.next().is_some_and(|a| a.eq_ignore_ascii_case(b"SCRIPT"))
        && args.next().is_some_and(|a| a.eq_ignore_ascii_case(b"LOAD"))
}

impl Primary {
    /// Run `cmds` (each touching one slot) and answer their replies in order: one pipeline
    /// on one Redis; behind Cluster, each on its own slot's primary, 32 at a time.
    pub async fn each<T: redis::FromRedisValue>(&self, cmds: Vec<Cmd>) -> std::result::Result<Vec<T>, RedisError> {
        use futures_util::{StreamExt, TryStreamExt};
        if cmds.is_empty() {
            return Ok(Vec::new());
        }
        if !self.is_cluster() {
            let mut pipe = redis::pipe();
            for c in cmds {
                pipe.add_command(c);
            }
            return pipe.query_async(&mut self.clone()).await;
        }
        futures_util::stream::iter(cmds)
            .map(|c| {
                let mut conn = self.clone();
                async move { c.query_async::<T>(&mut conn).await }
            })
            .buffered(32)
            .try_collect()
            .await
    }

    /// Keys matching `pattern`, at most `max` (SCAN): behind Cluster, on every primary.
    pub async fn scan_keys(&self, pattern: &str, max: usize) -> std::result::Result<Vec<String>, RedisError> {
        let opts = || redis::ScanOptions::default().with_pattern(pattern).with_count(1000);
        let mut keys = Vec::new();
        let clients = match self.conn() {
            Conn::One(_) => {
                let mut conn = self.clone();
                let mut it = conn.scan_options::<String>(opts()).await?;
                while let Some(k) = it.next_item().await {
                    keys.push(k);
                    if keys.len() >= max {
                        break;
                    }
                }
                return Ok(keys);
            }
            Conn::Cluster(mut c) => self.primaries(&mut c).await?,
        };
        for client in clients {
            let mut conn = client.get_multiplexed_async_connection().await?;
            let mut it = conn.scan_options::<String>(opts()).await?;
            while let Some(k) = it.next_item().await {
                keys.push(k);
                if keys.len() >= max {
                    return Ok(keys);
                }
            }
        }
        Ok(keys)
    }

    /// A client for each primary of the cluster (from `CLUSTER NODES`), with the seeds'
    /// credentials and TLS.
    async fn primaries(&self, c: &mut ClusterConnection) -> std::result::Result<Vec<redis::Client>, RedisError> {
        let nodes: String = redis::cmd("CLUSTER").arg("NODES").query_async(c).await?;
        let seed = self.shared.seeds[0].get_connection_info().clone();
        let mut out = Vec::new();
        for line in nodes.lines() {
            let f: Vec<&str> = line.split(' ').collect();
            if f.len() < 8 || !f[2].contains("master") || f[2].contains("fail") || f[7] != "connected" {
                continue;
            }
            let hostport = f[1].split('@').next().unwrap_or_default();
            let Some((host, port)) = hostport.rsplit_once(':') else { continue };
            let Ok(port) = port.parse::<u16>() else { continue };
            let addr = match &seed.addr {
                redis::ConnectionAddr::TcpTls { insecure, tls_params, .. } => redis::ConnectionAddr::TcpTls {
                    host: host.to_string(),
                    port,
                    insecure: *insecure,
                    tls_params: tls_params.clone(),
                },
                _ => redis::ConnectionAddr::Tcp(host.to_string(), port),
            };
            out.push(redis::Client::open(redis::ConnectionInfo { addr, redis: seed.redis.clone() })?);
        }
        Ok(out)
    }
}

/// Behind Cluster, every [`HEALTH_EVERY`]: whether the cluster is ok (`CLUSTER INFO`) and
/// how many replicas the worst-off shard has (`CLUSTER NODES`), kept where the sentinels'
/// answer is kept for Sentinel. Ends when the last [`Primary`] is dropped.
pub(super) async fn cluster_health(shared: Weak<Shared>) {
    loop {
        let Some(s) = shared.upgrade() else { return };
        let mut p = Primary { shared: s, part: PARTITIONS };
        let asked = tokio::time::timeout(LOOKUP_TIMEOUT, async {
            let info: String = redis::cmd("CLUSTER").arg("INFO").query_async(&mut p).await?;
            let nodes: String = redis::cmd("CLUSTER").arg("NODES").query_async(&mut p).await?;
            Ok::<_, RedisError>((info, nodes))
        });
        let health = match asked.await {
            Ok(Ok((info, nodes))) => cluster_health_of(&info, &nodes),
            Ok(Err(e)) => SentinelHealth { failover_ready: Some(false), replicas_up: None, problem: e.to_string() },
            Err(_) => SentinelHealth {
                failover_ready: Some(false),
                replicas_up: None,
                problem: "no cluster node answered".into(),
            },
        };
        let was = std::mem::replace(&mut *p.shared.health.write().unwrap(), health.clone());
        if health != was {
            match p.degraded() {
                Some(why) => tracing::warn!(why, "redis: degraded"),
                None => tracing::info!(replicas = ?health.replicas_up, "redis: the cluster can fail over"),
            }
        }
        drop(p);
        tokio::time::sleep(HEALTH_EVERY).await;
    }
}

/// A cluster's health from `CLUSTER INFO` and `CLUSTER NODES`: ok or not, and the fewest
/// live replicas any primary serving slots has (naming the shards without one).
fn cluster_health_of(info: &str, nodes: &str) -> SentinelHealth {
    let state = info.lines().find_map(|l| l.trim().strip_prefix("cluster_state:")).unwrap_or("unknown").to_string();
    let rows: Vec<Vec<&str>> =
        nodes.lines().map(|l| l.split(' ').collect()).filter(|f: &Vec<&str>| f.len() >= 8).collect();
    let up = |f: &[&str]| !f[2].contains("fail") && f[7] == "connected";
    let mut fewest: Option<u32> = None;
    let mut bare = Vec::new();
    for p in rows.iter().filter(|f| f[2].contains("master") && f.len() > 8 && up(f)) {
        let replicas = rows.iter().filter(|r| r[2].contains("slave") && r[3] == p[0] && up(r)).count() as u32;
        if replicas == 0 {
            bare.push(format!("{} (slots {})", p[1].split('@').next().unwrap_or(p[1]), p[8..].join(" ")));
        }
        fewest = Some(fewest.map_or(replicas, |f| f.min(replicas)));
    }
    let problem = match (state.as_str(), bare.is_empty()) {
        ("ok", true) => String::new(),
        ("ok", false) => format!("without a replica: {}", bare.join(", ")),
        (s, _) => format!("cluster_state:{s}"),
    };
    SentinelHealth { failover_ready: Some(state == "ok"), replicas_up: fewest, problem }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cluster_s_health_names_the_shards_without_a_replica() {
        let info = "cluster_state:ok\r\ncluster_slots_assigned:16384\r\n";
        let nodes = "a1 127.0.0.1:7000@17000 myself,master - 0 0 1 connected 0-5460\n\
                     b1 127.0.0.1:7001@17001 master - 0 0 2 connected 5461-10922\n\
                     c1 127.0.0.1:7002@17002 master - 0 0 3 connected 10923-16383\n\
                     a2 127.0.0.1:7003@17003 slave a1 0 0 1 connected\n\
                     b2 127.0.0.1:7004@17004 slave,fail b1 0 0 2 disconnected\n\
                     c2 127.0.0.1:7005@17005 slave c1 0 0 3 connected\n";
        let h = cluster_health_of(info, nodes);
        assert_eq!((h.failover_ready, h.replicas_up), (Some(true), Some(0)));
        assert_eq!(h.problem, "without a replica: 127.0.0.1:7001 (slots 5461-10922)");
        let all = nodes.replace("slave,fail b1 0 0 2 disconnected", "slave b1 0 0 2 connected");
        assert_eq!(
            cluster_health_of(info, &all),
            SentinelHealth { failover_ready: Some(true), replicas_up: Some(1), problem: String::new() }
        );
        let h = cluster_health_of("cluster_state:fail\r\n", &all);
        assert_eq!((h.failover_ready, h.problem.as_str()), (Some(false), "cluster_state:fail"));
    }
}
