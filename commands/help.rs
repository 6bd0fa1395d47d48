//! Help people can scan: the top-level help groups the commands (as kubectl and rpk do),
//! puts the global options in their own section and lists the exit codes; every command's
//! help ends with examples; the Kafka security flags, which every command takes, are shown
//! once by `chatctl security` instead of in every command's help.

use clap::{Args, Command};

/// The groups of the top-level help, in order, and the commands in each.
const GROUPS: &[(&str, &[&str])] = &[
    ("Run the engine", &["serve", "chat", "announce", "ui"]),
    ("Read what happened", &["replay", "session", "stalls", "audit", "stats", "search", "summaries", "training"]),
    ("Consumer groups, lag and dead letters", &["groups", "lag", "dlq", "quarantine"]),
    ("Topics and records", &["topics", "consume", "produce"]),
    ("Config and shell", &["config", "security", "completions"]),
];

/// The exit codes, as `chatctl --help` and docs/operator.md list them.
pub const EXIT_CODES: &str = "\
Exit codes:
  0  success (a broken pipe, as in `chatctl ... | head`, too)
  1  failure (an I/O error, a node that did not answer)
  2  usage: a flag, an argument or an input line that is not valid
  3  config: the config file, a context's settings, a TLS or SASL setting
  4  not found: a topic, partition, group, session, message or context that does not exist
  5  unavailable: the broker (or another service) not reached within --timeout
  6  conflict: already exists, or in use (a group with members, a letter re-driven already)
  7  lag --exit-code: a group is not OK (ERR, STOP, STALL, REWIND or NOTFOUND)
  8  lag --exit-code: no group in error, but one is WARN";

/// Examples per command path (`groups reset`): every command and subcommand has some.
const EXAMPLES: &[(&str, &str)] = &[
    (
        "serve",
        "chatctl serve                                    # gateway + every worker, on localhost
  chatctl serve --role gateway --redis redis+sentinel://s1:26379,s2:26379/chatctl
  chatctl serve --role worker --workers audit,analytics --audit-url postgres://u@db/chat",
    ),
    (
        "chat",
        "chatctl chat 'how does a takeover work?'
  chatctl chat --node ws://n1:8080 --node ws://n2:8080 --user alice 'hello'",
    ),
    (
        "announce",
        "chatctl announce --all 'maintenance at 22:00 UTC'
  chatctl announce --user alice 'your export is ready'",
    ),
    (
        "ui",
        "chatctl ui                     # the live console (:nodes :streams :groups :dlq; ? for keys)
  chatctl ui --screen groups --redis redis://127.0.0.1:6379",
    ),
    (
        "replay",
        "chatctl replay --since 2h --until 1h -o json
  chatctl replay --session s-42 --event-type STREAM_ERROR
  chatctl replay --since 1d --into search --rebuild     # rebuild a worker's store from the log",
    ),
    (
        "session",
        "chatctl session s-42
  chatctl session s-42 --play --speed 4          # the answers as the user saw them
  chatctl session s-42 --play --message m-7 -o json",
    ),
    (
        "stalls",
        "chatctl stalls --since 1h
  chatctl stalls --since 10m --min-gap 1s --node node-2 -o json
  chatctl stalls --watch --min-gap 1s   # each new stall as it happens",
    ),
    ("audit", "chatctl audit sessions --user alice\n  chatctl audit latency --since 1h\n  chatctl audit errors --since 30m"),
    ("audit sessions", "chatctl audit sessions --user alice\n  chatctl audit sessions --user alice --since 7d -o json"),
    ("audit latency", "chatctl audit latency\n  chatctl audit latency --since 6h -o json"),
    ("audit errors", "chatctl audit errors --since 30m\n  chatctl audit errors --since 1d -o wide"),
    ("stats", "chatctl stats --since 1h\n  chatctl stats --node n1 -o json"),
    ("search", "chatctl search 'fencing token'\n  chatctl search takeover --user alice --limit 5 -o json"),
    ("summaries", "chatctl summaries --user alice\n  chatctl summaries --conversation c-7 -o json"),
    ("training", "chatctl training export --since 7d --out pairs.jsonl"),
    ("training export", "chatctl training export --since 7d --out pairs.jsonl\n  chatctl training export -o json | head"),
    (
        "groups",
        "chatctl groups list\n  chatctl groups describe chatctl-audit\n  chatctl groups reset chatctl-search --all-topics --to-earliest",
    ),
    ("groups list", "chatctl groups list\n  chatctl groups list -o json"),
    (
        "groups describe",
        "chatctl groups describe chatctl-audit
  chatctl groups describe --all-groups --only-with-lag -o plain | awk '{s+=$6} END {print s}'",
    ),
    (
        "groups reset",
        "chatctl groups reset chatctl-search --all-topics --to-earliest          # the plan only
  chatctl groups reset chatctl-audit --topic chat-events --by-duration 2h --execute
  chatctl groups reset chatctl-audit --all-topics --to-latest --export > plan.csv",
    ),
    ("groups delete", "chatctl groups delete old-group            # what would go\n  chatctl groups delete old-group --execute"),
    (
        "groups delete-offsets",
        "chatctl groups delete-offsets chatctl-audit --topic old-topic
  chatctl groups delete-offsets chatctl-audit --topic chat-events:0,1 --execute",
    ),
    (
        "lag",
        "chatctl lag                                  # every group, judged as Burrow does
  chatctl lag -g chatctl-audit --exit-code     # 0 OK, 7 not OK, 8 WARN: for scripts
  chatctl lag --watch",
    ),
    ("dlq", "chatctl dlq list --pending\n  chatctl dlq tail\n  chatctl dlq redrive --all --execute"),
    ("dlq list", "chatctl dlq list\n  chatctl dlq list --topic chat-events --pending -o json"),
    ("dlq tail", "chatctl dlq tail\n  chatctl dlq tail --topic stream-events"),
    (
        "dlq redrive",
        "chatctl dlq redrive --all                       # what would be re-driven
  chatctl dlq redrive --all --execute
  chatctl dlq redrive --offset 42 --again --execute  # a run died between claim and send",
    ),
    ("quarantine", "chatctl quarantine list\n  chatctl quarantine replay --execute"),
    ("quarantine list", "chatctl quarantine list\n  chatctl quarantine list --dir /var/lib/chatctl/quarantine -o json"),
    ("quarantine replay", "chatctl quarantine replay                 # what would be sent\n  chatctl quarantine replay --id 0190c3e2-… --execute"),
    ("topics", "chatctl topics ensure\n  chatctl topics list\n  chatctl topics describe chat-events"),
    ("topics ensure", "chatctl topics ensure\n  chatctl topics ensure --partitions 12 --replication-factor 3"),
    ("topics list", "chatctl topics list\n  chatctl topics list -o json"),
    ("topics describe", "chatctl topics describe chat-events\n  chatctl topics describe chat-events stream-events -o yaml"),
    ("topics create", "chatctl topics create audit-copy -p 6\n  chatctl topics create audit-copy -p 6 -r 3"),
    ("topics delete", "chatctl topics delete audit-copy"),
    ("topics alter-config", "chatctl topics alter-config chat-events --topic-config retention.ms=604800000 --execute"),
    (
        "consume",
        "chatctl consume chat-events -n 10
  chatctl consume stream-events --since 10m --follow
  chatctl consume chat-events.dlq -f 'key %k offset %o: %s\\n'",
    ),
    (
        "produce",
        "echo '{\"hello\":1}' | chatctl produce scratch
  chatctl produce scratch -K '|' -H source=backfill --file lines.txt",
    ),
    ("config", "chatctl config get-contexts\n  chatctl config use-context prod\n  chatctl config view --origin"),
    ("config get-contexts", "chatctl config get-contexts\n  chatctl config get-contexts -o json"),
    ("config use-context", "chatctl config use-context prod"),
    ("config current-context", "chatctl config current-context"),
    ("config view", "chatctl config view\n  chatctl config view --origin --context prod"),
    ("security", "chatctl security\n  chatctl topics list --security-protocol SASL_SSL --sasl-mechanism SCRAM-SHA-512 \\\n    --sasl-username ops --sasl-password-file ~/.kafka-pw --ssl-ca ca.pem"),
    ("completions", "chatctl completions bash > ~/.local/share/bash-completion/completions/chatctl\n  chatctl completions zsh > ~/.zfunc/_chatctl"),
];

/// The help of every command and subcommand ends with its examples and a pointer to the
/// security flags; the top level lists the commands by group and the exit codes.
pub fn decorate(cmd: Command) -> Command {
    let grouped = grouped(&cmd);
    let cmd = cmd
        .help_template(format!(
            "{{about-with-newline}}\n{{usage-heading}} {{usage}}\n\n{grouped}\nGlobal options (every command takes them):\n{{options}}\n{{after-help}}"
        ))
        .after_help(format!(
            "Kafka security flags (TLS, SASL, OAUTHBEARER), taken by every command: `chatctl security`\n\n{EXIT_CODES}"
        ));
    with_examples(cmd, "")
}

fn with_examples(mut cmd: Command, path: &str) -> Command {
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in names {
        let sub_path = if path.is_empty() { name.clone() } else { format!("{path} {name}") };
        cmd = cmd.mut_subcommand(&name, |sub| {
            let examples = examples_of(&sub_path).unwrap_or_default();
            let sub = sub.after_help(format!(
                "Examples:\n  {examples}\n\nGlobal options: `chatctl --help`; Kafka security flags: `chatctl security`"
            ));
            with_examples(sub, &sub_path)
        });
    }
    cmd
}

fn examples_of(path: &str) -> Option<&'static str> {
    EXAMPLES.iter().find(|(p, _)| *p == path).map(|(_, e)| *e)
}

/// The top level's commands, by group, aligned.
fn grouped(cmd: &Command) -> String {
    let width = cmd.get_subcommands().map(|s| s.get_name().len()).max().unwrap_or(0) + 2;
    let mut out = String::new();
    for (title, names) in GROUPS {
        out.push_str(&format!("{title}:\n"));
        for name in *names {
            if let Some(sub) = cmd.find_subcommand(name) {
                let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
                let first = about.lines().next().unwrap_or_default();
                out.push_str(&format!("  {name:width$}{first}\n"));
            }
        }
        out.push('\n');
    }
    out
}

/// `chatctl security`: the security flags once, each with its environment variable.
pub fn security() -> String {
    let cmd = crate::cli::SecurityArgs::augment_args(Command::new("security"));
    let mut out = String::from(
        "Kafka security: TLS and SASL to the brokers. Every command takes these flags (and a\n\
         context or the config file can hold them); secrets come from a file or the\n\
         environment, never from the command line.\n\n",
    );
    for arg in cmd.get_arguments() {
        let Some(long) = arg.get_long() else { continue };
        let value = arg.get_value_names().and_then(|v| v.first()).map(|v| format!(" <{v}>")).unwrap_or_default();
        out.push_str(&format!("  --{long}{value}\n"));
        let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
        let env = arg.get_env().map(|e| format!(" [env: {}]", e.to_string_lossy())).unwrap_or_default();
        out.push_str(&format!("      {help}{env}\n"));
    }
    out.push_str(&format!("\nExamples:\n  {}\n", examples_of("security").unwrap_or_default()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn paths(cmd: &Command, path: &str, out: &mut Vec<(String, Command)>) {
        for sub in cmd.get_subcommands() {
            let p = if path.is_empty() { sub.get_name().to_string() } else { format!("{path} {}", sub.get_name()) };
            out.push((p.clone(), sub.clone()));
            paths(sub, &p, out);
        }
    }

    /// Every command and subcommand has examples, each starting with `chatctl` or a pipe
    /// into it, and no stale entry names a command that is gone.
    #[test]
    fn every_command_has_examples() {
        let mut all = Vec::new();
        paths(&crate::cli::Cli::command(), "", &mut all);
        for (p, _) in &all {
            let e = examples_of(p).unwrap_or_else(|| panic!("no examples for `chatctl {p}`"));
            assert!(e.contains("chatctl "), "{p}: {e}");
        }
        for (p, _) in EXAMPLES {
            assert!(all.iter().any(|(q, _)| q == p), "examples for `chatctl {p}`, which does not exist");
        }
    }

    /// Every top-level command is in one group, once.
    #[test]
    fn every_command_is_grouped_once() {
        let cmd = crate::cli::Cli::command();
        for sub in cmd.get_subcommands() {
            let n = GROUPS.iter().filter(|(_, names)| names.contains(&sub.get_name())).count();
            assert_eq!(n, 1, "{} is in {n} groups", sub.get_name());
        }
    }

    /// The top-level help: grouped commands, global options, exit codes; a subcommand's:
    /// examples, and the security flags nowhere but in `chatctl security`.
    #[test]
    fn help_has_groups_exit_codes_examples_and_security_once() {
        let mut cmd = decorate(crate::cli::Cli::command());
        let top = cmd.render_help().to_string();
        for s in [
            "Run the engine:",
            "Consumer groups, lag and dead letters:",
            "Global options",
            "Exit codes:",
            "4  not found",
        ] {
            assert!(top.contains(s), "top-level help lacks {s:?}:\n{top}");
        }
        assert!(!top.contains("--sasl-mechanism"), "{top}");
        let mut sub = cmd.find_subcommand_mut("groups").unwrap().find_subcommand_mut("reset").unwrap().clone();
        let reset = sub.render_help().to_string();
        assert!(reset.contains("Examples:\n  chatctl groups reset"), "{reset}");
        assert!(!reset.contains("--sasl-mechanism") && !reset.contains("Kafka security:"), "{reset}");
        let sec = security();
        assert!(sec.contains("--sasl-mechanism <MECHANISM>") && sec.contains("[env: CHATCTL_SASL_MECHANISM]"), "{sec}");
    }
}
