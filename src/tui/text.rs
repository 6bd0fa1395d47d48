//! How figures read on screen: durations, rates, sparklines as text.

/// Seconds the way people say them: 850ms, 4.2s, 3m05s, 2h10m; `-` when unknown.
pub fn seconds(s: Option<f64>) -> String {
    let Some(s) = s else { return "-".into() };
    if !s.is_finite() {
        return "∞".into();
    }
    if s < 1.0 {
        format!("{}ms", (s * 1000.0).round() as i64)
    } else if s < 60.0 {
        format!("{s:.1}s")
    } else if s < 3600.0 {
        format!("{}m{:02}s", (s / 60.0) as i64, (s % 60.0) as i64)
    } else {
        format!("{}h{:02}m", (s / 3600.0) as i64, ((s % 3600.0) / 60.0) as i64)
    }
}

/// Records per second, short.
pub fn rate(r: Option<f64>) -> String {
    match r {
        None => "-".into(),
        Some(r) if r >= 10_000.0 => format!("{:.0}k", r / 1000.0),
        Some(r) if r >= 100.0 => format!("{r:.0}"),
        Some(r) => format!("{r:.1}"),
    }
}

/// The last `width` values as block characters, scaled to their maximum.
pub fn sparkline(values: impl IntoIterator<Item = u64>, width: usize) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let v: Vec<u64> = values.into_iter().collect();
    let tail = &v[v.len().saturating_sub(width)..];
    let max = tail.iter().copied().max().unwrap_or(0);
    tail.iter()
        .map(|&x| if max == 0 { BARS[0] } else { BARS[((x as f64 / max as f64) * 7.0).round() as usize] })
        .collect()
}

/// Milliseconds since the epoch as a UTC wall-clock time.
pub fn clock(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms).map(|t| t.format("%H:%M:%S").to_string()).unwrap_or_else(|| "-".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_read_well() {
        assert_eq!(seconds(Some(0.25)), "250ms");
        assert_eq!(seconds(Some(4.25)), "4.2s");
        assert_eq!(seconds(Some(185.0)), "3m05s");
        assert_eq!(seconds(Some(7800.0)), "2h10m");
        assert_eq!(seconds(None), "-");
        assert_eq!(rate(Some(12_345.0)), "12k");
        assert_eq!(sparkline([0, 1, 2, 4, 8], 4), "▂▃▅█");
        assert_eq!(sparkline([0, 0], 4), "▁▁");
    }
}
