//! `chatctl config get-contexts | use-context NAME | current-context | view [--origin]`:
//! named clusters (contexts) in the user config (`$XDG_CONFIG_HOME/chatctl/config.toml`)
//! and `./chatctl.toml`, switched the way kubectl, kafkactl and rpk switch them.

use chatctl::config::{user_config_path, Sources};
use chatctl::Error;
use serde::Serialize;

use crate::output::{Printer, Row};

#[derive(Debug, clap::Subcommand)]
pub enum ConfigCommand {
    /// Every context, the current one marked
    GetContexts,
    /// Make NAME the current context (remembered in the user config)
    UseContext {
        #[arg(add = clap_complete::engine::ArgValueCandidates::new(crate::complete::contexts))]
        name: String,
    },
    /// Print the current context
    CurrentContext,
    /// The effective settings (secrets masked)
    View {
        /// Say which file and layer each value came from
        #[arg(long)]
        origin: bool,
    },
}

#[derive(Serialize)]
struct ContextRow {
    current: bool,
    name: String,
    brokers: String,
    files: String,
}

impl Row for ContextRow {
    fn headers() -> &'static [&'static str] {
        &["current", "name", "brokers", "defined in"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            if self.current { "*".into() } else { String::new() },
            self.name.clone(),
            self.brokers.clone(),
            self.files.clone(),
        ]
    }
}

#[derive(Serialize)]
struct Setting {
    key: String,
    value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    origin: Option<String>,
}

impl Row for Setting {
    fn headers() -> &'static [&'static str] {
        &["key", "value", "origin"]
    }
    fn cells(&self) -> Vec<String> {
        vec![self.key.clone(), self.value.clone(), self.origin.clone().unwrap_or_default()]
    }
}

pub fn run(cmd: &ConfigCommand, sources: &Sources, printer: &Printer) -> anyhow::Result<()> {
    match cmd {
        ConfigCommand::GetContexts => {
            let current = sources.context();
            let mut rows = Vec::new();
            for (name, files) in sources.contexts() {
                let brokers =
                    sources.layer(Some(&name))?.brokers.unwrap_or_else(|| chatctl::config::DEFAULT_BROKERS.to_string());
                rows.push(ContextRow {
                    current: current == Some(name.as_str()),
                    name,
                    brokers,
                    files: files.join(", "),
                });
            }
            if rows.is_empty() {
                eprintln!("no contexts: add [contexts.NAME] to {} or ./chatctl.toml", shown_user_path());
            }
            printer.rows(&rows)?;
        }
        ConfigCommand::UseContext { name } => {
            if !sources.contexts().contains_key(name) {
                let known: Vec<String> = sources.contexts().into_keys().collect();
                return Err(Error::NotFound(format!(
                    "context `{name}` not found ({}, {}; known contexts: {})",
                    sources.user.shown(),
                    sources.local.shown(),
                    if known.is_empty() { "none".to_string() } else { known.join(", ") }
                ))
                .into());
            }
            let path = user_config_path()
                .ok_or_else(|| Error::config("no user config directory (set XDG_CONFIG_HOME or HOME)"))?;
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::write(&path, with_current_context(&text, name))?;
            eprintln!("current context: {name} ({})", path.display());
        }
        ConfigCommand::CurrentContext => match sources.context() {
            Some(c) => println!("{c}"),
            None => return Err(Error::NotFound("no current context (chatctl config use-context NAME)".into()).into()),
        },
        ConfigCommand::View { origin } => {
            let rows: Vec<Setting> = sources
                .view()?
                .into_iter()
                .map(|(key, value, from)| Setting { key, value, origin: origin.then_some(from) })
                .collect();
            if let Some(c) = sources.context() {
                eprintln!("context: {c}");
            }
            printer.rows(&rows)?;
        }
    }
    Ok(())
}

fn shown_user_path() -> String {
    user_config_path().map(|p| p.display().to_string()).unwrap_or_else(|| "the user config".into())
}

/// `text` with its top-level `current-context` set to `name` (the rest of the file as it
/// was: only that line is written).
pub fn with_current_context(text: &str, name: &str) -> String {
    let line = format!("current-context = {}", toml_string(name));
    let mut out = Vec::new();
    let mut done = false;
    let mut in_table = false;
    for l in text.lines() {
        let t = l.trim_start();
        if t.starts_with('[') {
            if !done {
                out.push(line.clone());
                done = true;
            }
            in_table = true;
        }
        if !in_table && !done && t.starts_with("current-context") && t[15..].trim_start().starts_with('=') {
            out.push(line.clone());
            done = true;
            continue;
        }
        out.push(l.to_string());
    }
    if !done {
        out.insert(0, line);
    }
    let mut s = out.join("\n");
    s.push('\n');
    s
}

fn toml_string(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn use_context_writes_only_the_current_context_line() {
        assert_eq!(with_current_context("", "prod"), "current-context = \"prod\"\n");
        let text = "# mine\nbrokers = \"a:9092\"\ncurrent-context = \"dev\"\n[contexts.prod]\nbrokers = \"p:9092\"\n";
        let out = with_current_context(text, "prod");
        assert_eq!(
            out,
            "# mine\nbrokers = \"a:9092\"\ncurrent-context = \"prod\"\n[contexts.prod]\nbrokers = \"p:9092\"\n"
        );
        let out = with_current_context("[contexts.a]\nbrokers = \"x\"\n", "a");
        assert_eq!(out, "current-context = \"a\"\n[contexts.a]\nbrokers = \"x\"\n");
        let parsed = chatctl::config::ConfigFile::parse(&out).unwrap();
        assert_eq!(parsed.current_context.as_deref(), Some("a"));
    }
}
