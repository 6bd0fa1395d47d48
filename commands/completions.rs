//! `chatctl completions <shell>`: print a completion script generated from the CLI
//! definition (the files in `completions/` are this output, checked by a test).

use clap_complete::Shell;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Shell to generate for
    pub shell: Shell,
}

/// Print the script of `args.shell` for `cli` (the whole command-line definition).
pub fn run(args: &Args, mut cli: clap::Command) -> std::io::Result<()> {
    use std::io::Write;
    // Generate into memory: clap_complete panics on write errors, and a closed pipe
    // (`chatctl completions bash | head`) is not an error.
    let mut buf = Vec::new();
    generate(args.shell, &mut cli, &mut buf);
    let mut out = std::io::stdout().lock();
    out.write_all(&buf)?;
    out.flush()
}

pub fn generate(shell: Shell, cli: &mut clap::Command, out: &mut dyn std::io::Write) {
    clap_complete::generate(shell, cli, "chatctl", out);
}

#[cfg(test)]
pub fn file_name(shell: Shell) -> &'static str {
    match shell {
        Shell::Bash => "chatctl.bash",
        Shell::Zsh => "_chatctl",
        Shell::Fish => "chatctl.fish",
        Shell::PowerShell => "_chatctl.ps1",
        Shell::Elvish => "chatctl.elv",
        _ => "chatctl.unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `completions/` must be what the CLI definition generates today.
    /// Regenerate with `CHATCTL_UPDATE_COMPLETIONS=1 cargo test completions`.
    #[test]
    fn completions_are_generated_from_the_cli() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
        let update = std::env::var_os("CHATCTL_UPDATE_COMPLETIONS").is_some();
        for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::PowerShell, Shell::Elvish] {
            let mut buf = Vec::new();
            generate(shell, &mut <crate::cli::Cli as clap::CommandFactory>::command(), &mut buf);
            let path = dir.join(file_name(shell));
            if update {
                std::fs::write(&path, &buf).unwrap();
            }
            let committed = std::fs::read(&path).unwrap_or_default();
            assert!(
                committed == buf,
                "{} is stale: run CHATCTL_UPDATE_COMPLETIONS=1 cargo test completions",
                path.display()
            );
        }
    }
}
