//! The run's report for people: one HTML page with an SVG timeline (faults as bands,
//! answers completed per second, chunk latency p99, resumes and takeovers) and the
//! checker's verdict, written next to the history.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::checker::{Line, Verdict};
use crate::schedule::{Fault, ALL};

pub struct Series {
    /// Per second of the run: answers completed, p99 gap between chunks (ms), resumes.
    pub completed: Vec<u32>,
    pub p99_ms: Vec<u64>,
    pub resumes: Vec<u32>,
}

/// The per-second figures from the history.
pub fn series(history: &[Line]) -> Series {
    let secs = history.last().map_or(0, |l| l.t / 1000 + 1) as usize;
    let mut s = Series { completed: vec![0; secs], p99_ms: vec![0; secs], resumes: vec![0; secs] };
    let mut gaps: Vec<Vec<u64>> = vec![Vec::new(); secs];
    let mut last_chunk: BTreeMap<String, u64> = BTreeMap::new();
    for l in history {
        let sec = (l.t / 1000) as usize;
        if l.kind == "resume" {
            s.resumes[sec] += 1;
        }
        let Some(f) = l.frame.as_ref().filter(|_| l.kind == "frame") else { continue };
        let id = f["messageId"].as_str().unwrap_or_default().to_string();
        match f["type"].as_str() {
            Some("chunk") => {
                if let Some(prev) = last_chunk.insert(id, l.t) {
                    gaps[sec].push(l.t - prev);
                }
            }
            Some("start") => {
                last_chunk.insert(id, l.t);
            }
            Some("done") => s.completed[sec] += 1,
            _ => {}
        }
    }
    for (sec, mut g) in gaps.into_iter().enumerate() {
        if !g.is_empty() {
            g.sort_unstable();
            s.p99_ms[sec] = g[(g.len() * 99 / 100).min(g.len() - 1)];
        }
    }
    s
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The page: `title`, the timeline, the faults table, the verdict.
pub fn html(
    title: &str,
    history: &[Line],
    faults: &[Fault],
    verdict: &Verdict,
    takeovers: &[u64],
    explained: &str,
) -> String {
    let s = series(history);
    let secs = s.completed.len().max(1);
    let (w, lane) = (1200.0_f64, 90.0_f64);
    let x = |sec: f64| 120.0 + sec / secs as f64 * (w - 140.0);
    let mut svg = String::new();
    let height = 60.0 + lane * 4.0 + 22.0 * ALL.len() as f64;
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{height}" font-family="sans-serif" font-size="11">"#
    );
    // Fault bands, one row per kind.
    for (row, kind) in ALL.iter().enumerate() {
        let y = 20.0 + row as f64 * 22.0;
        let _ = write!(svg, r#"<text x="4" y="{}">{}</text>"#, y + 14.0, kind.name());
        for f in faults.iter().filter(|f| f.kind == *kind) {
            let (a, b) =
                (f.injected.unwrap_or(f.at) as f64 / 1000.0, f.healed.unwrap_or(f.at + f.hold) as f64 / 1000.0);
            let _ = write!(
                svg,
                r##"<rect x="{:.1}" y="{y}" width="{:.1}" height="16" fill="#d9534f" opacity="0.7"><title>{} {} {} ({:.1}–{:.1} s)</title></rect>"##,
                x(a),
                (x(b) - x(a)).max(2.0),
                kind.name(),
                esc(&f.target),
                esc(&f.how),
                a,
                b
            );
        }
    }
    let top = 30.0 + 22.0 * ALL.len() as f64;
    let lanes: [(&str, Vec<f64>); 3] = [
        ("answers done /s", s.completed.iter().map(|v| *v as f64).collect()),
        ("chunk gap p99 ms", s.p99_ms.iter().map(|v| *v as f64).collect()),
        ("resumes /s", s.resumes.iter().map(|v| *v as f64).collect()),
    ];
    for (i, (name, values)) in lanes.iter().enumerate() {
        let y0 = top + i as f64 * lane;
        let max = values.iter().cloned().fold(1.0, f64::max);
        let _ = write!(
            svg,
            r#"<text x="4" y="{}">{name}</text><text x="4" y="{}">max {max:.0}</text>"#,
            y0 + 14.0,
            y0 + 28.0
        );
        let pts: Vec<String> = values
            .iter()
            .enumerate()
            .map(|(sec, v)| format!("{:.1},{:.1}", x(sec as f64), y0 + lane - 10.0 - v / max * (lane - 20.0)))
            .collect();
        let _ =
            write!(svg, r##"<polyline fill="none" stroke="#337ab7" stroke-width="1.2" points="{}"/>"##, pts.join(" "));
    }
    let y0 = top + 3.0 * lane;
    // Seconds along the bottom: a tick every tenth of the run, rounded to 10 s.
    let step = ((secs / 10).max(10) / 10 * 10).max(10);
    for sec in (0..=secs).step_by(step) {
        let _ = write!(
            svg,
            r##"<line x1="{0:.1}" x2="{0:.1}" y1="20" y2="{1}" stroke="#ddd"/><text x="{0:.1}" y="{2}" text-anchor="middle">{sec} s</text>"##,
            x(sec as f64),
            y0 + 32.0,
            y0 + 46.0
        );
    }
    let _ = write!(svg, r#"<text x="4" y="{}">takeovers</text>"#, y0 + 14.0);
    for t in takeovers {
        let _ = write!(
            svg,
            r##"<line x1="{0:.1}" x2="{0:.1}" y1="{1}" y2="{2}" stroke="#5cb85c"/>"##,
            x(*t as f64 / 1000.0),
            y0,
            y0 + 30.0
        );
    }
    svg.push_str("</svg>");
    let mut rows = String::new();
    for f in faults {
        let _ = write!(
            rows,
            "<tr><td>{:.1}</td><td>{:.1}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            f.injected.unwrap_or(f.at) as f64 / 1000.0,
            f.healed.unwrap_or(0) as f64 / 1000.0,
            f.kind.name(),
            esc(&f.target),
            esc(&f.how)
        );
    }
    let ok = verdict.violations.is_empty();
    format!(
        "<!doctype html><meta charset=\"utf-8\"><title>{t}</title>\
         <style>body{{font-family:sans-serif;margin:2em}}td,th{{padding:2px 8px;text-align:left}}pre{{background:#f5f5f5;padding:1em}}</style>\
         <h1>{t}</h1><p><b style=\"color:{c}\">{v}</b>: {a} answers ({d} done, {e} ended with an error), {ch} chunks, {ev} events, {f} faults, {to} takeovers.</p>\
         {svg}<h2>Faults</h2><table><tr><th>injected s</th><th>healed s</th><th>kind</th><th>target</th><th>how</th></tr>{rows}</table>\
         <h2>Violations</h2><pre>{x}</pre>",
        t = esc(title),
        c = if ok { "green" } else { "red" },
        v = if ok { "0 violations".to_string() } else { format!("{} violations", verdict.violations.len()) },
        a = verdict.answers,
        d = verdict.completed,
        e = verdict.ended_with_error,
        ch = verdict.chunks,
        ev = verdict.events,
        f = faults.len(),
        to = takeovers.len(),
        x = if explained.is_empty() { "none".to_string() } else { esc(explained) },
    )
}
