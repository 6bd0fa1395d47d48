//! The one place that writes results: tables for people, JSON Lines for pipes.

use std::io::{IsTerminal, Write};

use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};
use serde::Serialize;

use crate::cli::OutputFormat;

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

    pub fn rows<R: Row>(&self, rows: &[R]) -> std::io::Result<()> {
        // Buffered: stdout is line-buffered, a write per row otherwise.
        let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        match self.format {
            OutputFormat::Json => {
                for r in rows {
                    serde_json::to_writer(&mut out, r)?;
                    out.write_all(b"\n")?;
                }
            }
            OutputFormat::Table => {
                let mut t = Table::new();
                t.load_preset(UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
                t.set_header(R::headers().iter().copied());
                for r in rows {
                    t.add_row(r.cells());
                }
                writeln!(out, "{t}")?;
            }
        }
        out.flush()
    }
}
