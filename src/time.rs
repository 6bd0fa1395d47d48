//! Points in time as operators type them: RFC 3339, a date, or a duration ago ("2h",
//! "7d"). The clock can be injected with `CHATCTL_NOW` so tests are exact.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use crate::config::env;
use crate::error::{Error, Result};

/// Now, or `CHATCTL_NOW` (RFC 3339) when set.
pub fn now() -> Result<DateTime<Utc>> {
    match std::env::var(env::NOW) {
        Ok(raw) => DateTime::parse_from_rfc3339(&raw)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| Error::config(format!("{} = {raw:?}: {e}", env::NOW))),
        Err(_) => Ok(Utc::now()),
    }
}

/// Parse `raw` as RFC 3339, `YYYY-MM-DD` (midnight UTC), or a duration before `now`.
pub fn parse_instant(raw: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>> {
    if let Ok(t) = DateTime::parse_from_rfc3339(raw) {
        return Ok(t.with_timezone(&Utc));
    }
    if let Ok(d) = NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        return Ok(d.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc());
    }
    if let Ok(d) = humantime::parse_duration(raw) {
        let d = chrono::Duration::from_std(d).map_err(|e| Error::usage(format!("{raw:?}: {e}")))?;
        return Ok(now - d);
    }
    Err(Error::usage(format!(
        "cannot read {raw:?} as a time: use RFC 3339 (2024-01-15T10:30:00Z), a date (2024-01-15) or a duration ago (90m, 2h, 7d)"
    )))
}

/// A time as kafka-consumer-groups.sh's `--to-datetime` reads it (`Utils.getDateTime`):
/// `yyyy-MM-dd'T'HH:mm:ss.SSS` with an optional zone (`Z`, `+02`, `+0200`, `+02:00`),
/// zone-less being UTC. chatctl also takes any number of fraction digits or none (Kafka
/// refuses those), RFC 3339, a date, epoch milliseconds, and a duration ago.
pub fn parse_datetime(raw: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>> {
    let raw = raw.trim();
    if !raw.is_empty() && raw.bytes().all(|b| b.is_ascii_digit()) {
        if let Some(t) = raw.parse::<i64>().ok().and_then(DateTime::from_timestamp_millis) {
            return Ok(t);
        }
    }
    if let Some(t) = kafka_datetime(raw) {
        return Ok(t);
    }
    parse_instant(raw, now)
}

fn kafka_datetime(raw: &str) -> Option<DateTime<Utc>> {
    const LOCAL: &str = "%Y-%m-%dT%H:%M:%S%.f";
    let (_, time) = raw.split_once('T')?;
    if !(time.contains('+') || time.contains('-') || time.contains('Z')) {
        return NaiveDateTime::parse_from_str(raw, LOCAL).ok().map(|t| t.and_utc());
    }
    let zoned = raw.strip_suffix('Z').map(|r| format!("{r}+00:00")).unwrap_or_else(|| raw.to_string());
    DateTime::parse_from_str(&zoned, &format!("{LOCAL}%#z")).ok().map(|t| t.with_timezone(&Utc))
}

/// An ISO-8601 duration as Java's `Duration.parse` reads it (kafka-consumer-groups.sh's
/// `--by-duration`): `PnDTnHnMn.nS`, days at most, each part optionally signed, `-P...`
/// negating the whole; chatctl also takes humantime's `2h`, `90m`, `7d`.
pub fn parse_duration(raw: &str) -> Result<chrono::Duration> {
    static ISO: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    // Java's own pattern (java.time.Duration), case-insensitive.
    let re = ISO.get_or_init(|| {
        regex::Regex::new(
            r"(?i)^([-+]?)P(?:([-+]?[0-9]+)D)?(T(?:([-+]?[0-9]+)H)?(?:([-+]?[0-9]+)M)?(?:([-+]?[0-9]+)(?:[.,]([0-9]{0,9}))?S)?)?$",
        )
        .expect("the pattern compiles")
    });
    let bad = || {
        Error::usage(format!("cannot read {raw:?} as a duration: use ISO-8601 (PT1H, PT0.1S, P1DT2H) or 2h, 90m, 7d"))
    };
    if let Some(c) = re.captures(raw) {
        let whole_t_empty = c.get(3).is_some_and(|t| t.as_str().eq_ignore_ascii_case("T"));
        let any = [2, 4, 5, 6].iter().any(|&i| c.get(i).is_some());
        if !any || whole_t_empty {
            return Err(bad()); // Java: "P", "PT" and "P1DT" are not durations
        }
        let n = |i: usize| -> Result<i64> { c.get(i).map_or(Ok(0), |m| m.as_str().parse::<i64>().map_err(|_| bad())) };
        let secs = n(6)?;
        let mut nanos = c.get(7).map_or(0, |f| format!("{:0<9}", f.as_str()).parse::<i64>().unwrap_or(0));
        if c.get(6).is_some_and(|m| m.as_str().starts_with('-')) {
            nanos = -nanos;
        }
        let d = chrono::Duration::try_days(n(2)?)
            .zip(chrono::Duration::try_hours(n(4)?))
            .zip(chrono::Duration::try_minutes(n(5)?))
            .zip(chrono::Duration::try_seconds(secs))
            .map(|(((d, h), m), s)| d + h + m + s + chrono::Duration::nanoseconds(nanos))
            .ok_or_else(bad)?;
        return Ok(if &c[1] == "-" { -d } else { d });
    }
    let d = humantime::parse_duration(raw).map_err(|_| bad())?;
    chrono::Duration::from_std(d).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let now = DateTime::parse_from_rfc3339("2024-01-15T12:00:00Z").unwrap().with_timezone(&Utc);
        assert_eq!(parse_instant("2h", now).unwrap().to_rfc3339(), "2024-01-15T10:00:00+00:00");
        assert_eq!(parse_instant("7d", now).unwrap().to_rfc3339(), "2024-01-08T12:00:00+00:00");
        assert_eq!(parse_instant("2024-01-01", now).unwrap().to_rfc3339(), "2024-01-01T00:00:00+00:00");
        assert_eq!(parse_instant("2024-01-15T10:30:00+02:00", now).unwrap().to_rfc3339(), "2024-01-15T08:30:00+00:00");
        assert!(matches!(parse_instant("yesterday-ish", now), Err(Error::Usage(_))));
    }

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    /// Apache Kafka's UtilsTest.shouldAcceptValidDateFormats: SSS, SSSZ, SSSX, SSSXX, SSSXXX.
    #[test]
    fn kafka_utils_test_should_accept_valid_date_formats() {
        let now = utc("2026-01-01T00:00:00Z");
        let want = utc("2026-01-01T00:00:49.500Z");
        for raw in [
            "2026-01-01T00:00:49.500",       // yyyy-MM-dd'T'HH:mm:ss.SSS (zone-less: UTC)
            "2026-01-01T02:00:49.500+0200",  // SSSZ
            "2026-01-01T02:00:49.500+02",    // SSSX
            "2026-01-01T00:00:49.500Z",      // SSSX (UTC)
            "2026-01-01T02:00:49.500+0200",  // SSSXX
            "2026-01-01T02:00:49.500+02:00", // SSSXXX
            "2025-12-31T22:00:49.500-02:00",
        ] {
            assert_eq!(parse_datetime(raw, now).unwrap(), want, "{raw}");
        }
    }

    /// Apache Kafka's UtilsTest.shouldThrowOnInvalidDateFormatOrNullTimestamp: Kafka refuses
    /// a timestamp without a 'T'; chatctl too (unless it is a date or epoch ms, its own
    /// forms). Kafka also refuses micro- and nanosecond fractions and none at all: chatctl
    /// deliberately reads those (docs/groups-lag-dlq.md, `groups reset --help`).
    #[test]
    fn kafka_utils_test_invalid_formats() {
        let now = utc("2026-01-01T00:00:00Z");
        assert!(parse_datetime("2026-01-01 00:00:49", now).is_err(), "no 'T'");
        assert!(parse_datetime("2026-01-01T00:00:49.X", now).is_err());
        // chatctl's extensions.
        assert_eq!(
            parse_datetime("2020-11-09T12:34:56.123456789", now).unwrap(),
            utc("2020-11-09T12:34:56.123456789Z")
        );
        assert_eq!(parse_datetime("2020-11-09T12:34:56", now).unwrap(), utc("2020-11-09T12:34:56Z"));
        assert_eq!(parse_datetime("1767225649500", now).unwrap(), utc("2026-01-01T00:00:49.500Z"));
        assert_eq!(parse_datetime("2h", now).unwrap(), utc("2025-12-31T22:00:00Z"));
    }

    /// Java's Duration.parse, as kafka-consumer-groups.sh's --by-duration reads it
    /// (ResetConsumerGroupOffsetTest uses PT1M and PT0.1S).
    #[test]
    fn iso_8601_durations_as_java_reads_them() {
        let ms = |raw: &str| parse_duration(raw).unwrap().num_milliseconds();
        assert_eq!(ms("PT1M"), 60_000);
        assert_eq!(ms("PT0.1S"), 100);
        assert_eq!(ms("PT1H"), 3_600_000);
        assert_eq!(ms("P2D"), 172_800_000);
        assert_eq!(ms("P1DT2H3M4.5S"), 93_784_500);
        assert_eq!(ms("pt15m"), 900_000);
        assert_eq!(ms("PT-6H3M"), -21_420_000);
        assert_eq!(ms("-PT6H3M"), -21_780_000);
        assert_eq!(ms("PT-0.5S"), -500);
        assert_eq!(ms("PT1,5S"), 1_500);
        for bad in ["P", "PT", "P1DT", "P1Y", "P1W", "PT1.5M"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
        // chatctl's own forms.
        assert_eq!(ms("2h"), 7_200_000);
        assert_eq!(ms("330s"), 330_000);
    }
}
