//! One retry policy for everything chatctl retries (a worker's record, a dead letter, an
//! alert channel): exponential backoff with jitter, from backon. The n-th wait is between
//! half and all of `base × 2^(n-1)`, that capped at `max`: records that failed together
//! (a store that went away) retry spread out, not in step against a recovering service.

use std::time::Duration;

use backon::{BackoffBuilder, ExponentialBackoff, ExponentialBuilder};

/// The waits before each retry, without end (callers count their own attempts).
pub fn delays(base: Duration, max: Duration) -> ExponentialBackoff {
    // backon's jitter adds up to the delay itself: halved bounds give [d/2, d].
    ExponentialBuilder::default()
        .with_min_delay(base / 2)
        .with_max_delay(max / 2)
        .with_factor(2.0)
        .with_jitter()
        .without_max_times()
        .build()
}

/// The next wait of `delays` (never ending: `max` if it did).
pub fn next(delays: &mut ExponentialBackoff, max: Duration) -> Duration {
    delays.next().unwrap_or(max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_from_base_within_half_and_whole_and_stop_growing_at_max() {
        let (base, max) = (Duration::from_millis(100), Duration::from_secs(10));
        let mut d = delays(base, max);
        for n in 1..=12u32 {
            let cap = (base * 2u32.pow(n - 1)).min(max);
            let wait = next(&mut d, max);
            assert!(wait >= cap / 2 && wait <= cap, "wait {n}: {wait:?} not within [{:?}, {cap:?}]", cap / 2);
        }
    }

    #[test]
    fn waits_are_jittered() {
        let waits: std::collections::HashSet<Duration> =
            (0..20).map(|_| delays(Duration::from_secs(1), Duration::from_secs(10)).next().unwrap()).collect();
        assert!(waits.len() > 10, "20 first waits, {} distinct", waits.len());
    }
}
