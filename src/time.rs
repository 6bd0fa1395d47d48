//! Points in time as operators type them: RFC 3339, a date, or a duration ago ("2h",
//! "7d"). The clock can be injected with `CHATCTL_NOW` so tests are exact.

use chrono::{DateTime, NaiveDate, Utc};

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
}
