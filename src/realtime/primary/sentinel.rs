//! Behind Sentinel: the primary looked up through the sentinels and followed across
//! failovers (every [`CHECK_EVERY`], at once on a sign it moved, at once on a sentinel's
//! `+switch-master`), and what the sentinels say of their own health.

use super::*;

/// Follow the primary: look it up every [`CHECK_EVERY`], or at once when kicked; swap the
/// connection when it moved. Ends when the last [`Primary`] is dropped.
pub(super) async fn follow(
    shared: Weak<Shared>,
    target: RedisTarget,
    config: ConnectionManagerConfig,
    first: SentinelClient,
) {
    let mut sentinel = Some(first);
    let mut health_due = tokio::time::Instant::now();
    loop {
        {
            let Some(s) = shared.upgrade() else { return };
            tokio::select! {
                _ = tokio::time::sleep(CHECK_EVERY) => {}
                _ = s.kick.notified() => {}
            }
        }
        let Some(s) = shared.upgrade() else { return };
        look_up(&s, &target, &config, &mut sentinel).await;
        if tokio::time::Instant::now() >= health_due {
            health_due = tokio::time::Instant::now() + HEALTH_EVERY;
            let health = ask_health(&target).await;
            let was = std::mem::replace(&mut *s.health.write().unwrap(), health.clone());
            if health.failover_ready != was.failover_ready || health.replicas_up != was.replicas_up {
                match health.failover_ready {
                    Some(false) => tracing::warn!(problem = %health.problem, "redis: the sentinels cannot fail over"),
                    _ if health.replicas_up == Some(0) => tracing::warn!("redis: no replica is up"),
                    _ => tracing::info!(replicas = ?health.replicas_up, "redis: the sentinels can fail over"),
                }
            }
        }
        drop(s);
        // Kicks that came during the look-up are answered by one more, not by a storm.
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Ask the sentinels for the primary; swap the connection when it moved.
async fn look_up(
    s: &Shared,
    target: &RedisTarget,
    config: &ConnectionManagerConfig,
    sentinel: &mut Option<SentinelClient>,
) {
    // A fresh SentinelClient after a failed look-up: its cached connection to a paused
    // or dead sentinel would be asked first again.
    if sentinel.is_none() {
        match target.topology() {
            Ok(Topology::Sentinel(c)) => *sentinel = Some(c),
            _ => return,
        }
    }
    let found = tokio::time::timeout(LOOKUP_TIMEOUT, sentinel.as_mut().unwrap().async_get_client()).await;
    let client = match found {
        Ok(Ok(client)) => client,
        Ok(Err(e)) => {
            lookup_failed(s, &e.to_string());
            *sentinel = None;
            return;
        }
        Err(_) => {
            lookup_failed(s, "no answer in time");
            *sentinel = None;
            return;
        }
    };
    s.failed_lookups.store(0, Ordering::Relaxed);
    let addr = address(&client);
    let was = s.current.read().unwrap().addr.clone();
    if addr == was {
        return;
    }
    let made = tokio::time::timeout(LOOKUP_TIMEOUT, ConnectionManager::new_with_config(client.clone(), config.clone()));
    match made.await {
        Ok(Ok(conn)) => {
            *s.current.write().unwrap() = Current { conn: Link::One(conn), client, addr: addr.clone() };
            // The new primary's replicas are counted at its first `WAIT`.
            s.replicas_online.store(0, Ordering::Relaxed);
            s.troubled();
            s.moved.send_modify(|n| *n += 1);
            tracing::warn!(from = %was, to = %addr, "redis: the primary moved; following it");
        }
        Ok(Err(e)) => tracing::warn!(primary = %addr, error = %e, "redis: cannot reach the new primary yet"),
        Err(_) => tracing::warn!(primary = %addr, "redis: the new primary did not answer in time"),
    }
}

/// The first sentinel that answers says whether a failover could happen now and how many
/// replicas are up; none answering is itself the answer.
async fn ask_health(target: &RedisTarget) -> SentinelHealth {
    let (Some(master), Ok(sentinels)) = (target.sentinel_master(), target.sentinel_clients()) else {
        return SentinelHealth::default();
    };
    for client in sentinels {
        let asked = tokio::time::timeout(LOOKUP_TIMEOUT, async {
            let mut c = client.get_multiplexed_async_connection().await?;
            let quorum: redis::RedisResult<String> =
                redis::cmd("SENTINEL").arg("CKQUORUM").arg(&master).query_async(&mut c).await;
            let replicas: Vec<std::collections::HashMap<String, String>> =
                redis::cmd("SENTINEL").arg("REPLICAS").arg(&master).query_async(&mut c).await?;
            Ok::<_, RedisError>((quorum, replicas))
        });
        let Ok(Ok((quorum, replicas))) = asked.await else { continue };
        let up = replicas.iter().filter(|r| r.get("flags").map(String::as_str) == Some("slave")).count() as u32;
        return match quorum {
            Ok(_) => SentinelHealth { failover_ready: Some(true), replicas_up: Some(up), problem: String::new() },
            Err(e) => SentinelHealth {
                failover_ready: Some(false),
                replicas_up: Some(up),
                problem: match (e.code(), e.detail()) {
                    (Some(code), Some(detail)) => format!("{code} {detail}"),
                    _ => e.to_string(),
                },
            },
        };
    }
    SentinelHealth { failover_ready: Some(false), replicas_up: None, problem: "no sentinel answers".into() }
}

fn lookup_failed(s: &Shared, why: &str) {
    let n = s.failed_lookups.fetch_add(1, Ordering::Relaxed) + 1;
    if n == 3 || n.is_power_of_two() && n > 3 {
        tracing::warn!(failed = n, why, "redis: the sentinels name no reachable primary; keeping the one known");
    }
}

/// Listen for `+switch-master` on the sentinels (any one that answers) and kick the
/// follower at once; the periodic check covers what this misses.
pub(super) async fn switch_master(shared: Weak<Shared>, target: RedisTarget) {
    use futures_util::StreamExt;
    let mut next = 0usize;
    loop {
        if shared.strong_count() == 0 {
            return;
        }
        let sentinels = target.sentinel_clients().unwrap_or_default();
        if sentinels.is_empty() {
            return;
        }
        let client = &sentinels[next % sentinels.len()];
        next += 1;
        let pubsub = tokio::time::timeout(LOOKUP_TIMEOUT, client.get_async_pubsub()).await;
        if let Ok(Ok(mut pubsub)) = pubsub {
            if pubsub.subscribe("+switch-master").await.is_ok() {
                let mut stream = pubsub.on_message();
                loop {
                    // Wake now and then to notice the last Primary was dropped.
                    match tokio::time::timeout(Duration::from_secs(5), stream.next()).await {
                        Ok(Some(_)) => match shared.upgrade() {
                            Some(s) => s.kick.notify_one(),
                            None => return,
                        },
                        Ok(None) => break,
                        Err(_) if shared.strong_count() == 0 => return,
                        Err(_) => {}
                    }
                }
            }
        }
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}
