//! The one place that writes results: tables for people, JSON Lines for pipes.

use std::io::{IsTerminal, Write};

use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};
use serde::Serialize;

use crate::args::OutputFormat;

/// A record that can be a table row.
pub trait Row: Serialize {
    fn headers() -> &'static [&'static str];
    fn cells(&self) -> Vec<String>;
}

pub struct Printer {
    pub format: OutputFormat,
    pub is_terminal: bool,
}

impl Printer {
    pub fn new(format: Option<OutputFormat>) -> Self {
        let is_terminal = std::io::stdout().is_terminal();
        let format = format.unwrap_or(if is_terminal { OutputFormat::Table } else { OutputFormat::Json });
        Printer { format, is_terminal }
    }

    /// `rows` in the chosen format; none at all is said on stderr (stdout stays empty, so
    /// a pipe sees no header without rows).
    pub fn rows<R: Row>(&self, rows: &[R]) -> std::io::Result<()> {
        if rows.is_empty() {
            eprintln!("(no results)");
            return Ok(());
        }
        // Buffered: stdout is line-buffered, a write per row otherwise.
        let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        let headers: Vec<String> = R::headers().iter().map(|h| header(h)).collect();
        match self.format {
            OutputFormat::Json => {
                for r in rows {
                    serde_json::to_writer(&mut out, r)?;
                    out.write_all(b"\n")?;
                }
            }
            OutputFormat::Table | OutputFormat::Wide => {
                let mut t = Table::new();
                let arrangement = if self.format == OutputFormat::Wide {
                    ContentArrangement::Disabled
                } else {
                    ContentArrangement::Dynamic
                };
                t.load_preset(UTF8_FULL_CONDENSED).set_content_arrangement(arrangement);
                t.set_header(headers);
                for r in rows {
                    t.add_row(r.cells());
                }
                writeln!(out, "{t}")?;
            }
            OutputFormat::Yaml => serde_norway::to_writer(&mut out, rows).map_err(std::io::Error::other)?,
            OutputFormat::Plain => plain(&mut out, &headers, rows.iter().map(Row::cells))?,
        }
        out.flush()
    }

    /// One described item as data: a JSON line, or a YAML document. `None` for the human
    /// formats (the caller prints its own layout).
    pub fn document<T: Serialize>(&self, item: &T) -> std::io::Result<Option<()>> {
        let mut out = std::io::stdout().lock();
        match self.format {
            OutputFormat::Json => {
                serde_json::to_writer(&mut out, item)?;
                out.write_all(b"\n")?;
            }
            OutputFormat::Yaml => {
                out.write_all(b"---\n")?;
                serde_norway::to_writer(&mut out, item).map_err(std::io::Error::other)?;
            }
            _ => return Ok(None),
        }
        out.flush()?;
        Ok(Some(()))
    }
}

/// A header as Kafka's tools print them: UPPER-HYPHEN (`log end` → `LOG-END`).
fn header(h: &str) -> String {
    h.trim().to_uppercase().replace([' ', '_'], "-")
}

/// Columns padded to their widest cell, two spaces apart, no borders: what
/// kafka-consumer-groups.sh prints and `awk` splits. An empty cell is `-`, and a cell's own
/// whitespace becomes `_`, so every line has as many fields as the header.
fn plain(out: &mut impl Write, headers: &[String], rows: impl Iterator<Item = Vec<String>>) -> std::io::Result<()> {
    let field = |c: String| if c.is_empty() { "-".to_string() } else { c.replace(char::is_whitespace, "_") };
    let rows: Vec<Vec<String>> = rows.map(|r| r.into_iter().map(field).collect()).collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for r in &rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |out: &mut dyn Write, cells: &[String]| -> std::io::Result<()> {
        let n = cells.len();
        for (i, (c, w)) in cells.iter().zip(&widths).enumerate() {
            if i + 1 == n {
                writeln!(out, "{c}")?;
            } else {
                write!(out, "{c:<w$}  ")?;
            }
        }
        Ok(())
    };
    line(out, headers)?;
    for r in &rows {
        line(out, r)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_columns_split_on_whitespace_like_kafka_tools() {
        let headers: Vec<String> = ["group", "topic", "log end", "current_offset"].iter().map(|h| header(h)).collect();
        let rows = vec![
            vec!["chatctl-audit".to_string(), "chat-events".into(), "1200".into(), "".into()],
            vec!["g".into(), "stream events".into(), "7".into(), "5".into()],
        ];
        let mut out = Vec::new();
        plain(&mut out, &headers, rows.into_iter()).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<Vec<&str>> = text.lines().map(|l| l.split_whitespace().collect()).collect();
        assert_eq!(lines[0], ["GROUP", "TOPIC", "LOG-END", "CURRENT-OFFSET"]);
        assert_eq!(lines[1], ["chatctl-audit", "chat-events", "1200", "-"]);
        assert_eq!(lines[2], ["g", "stream_events", "7", "5"]);
        assert_eq!(text.lines().next().unwrap(), "GROUP          TOPIC          LOG-END  CURRENT-OFFSET");
    }
}
