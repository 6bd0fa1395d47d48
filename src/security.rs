//! Connecting to a secured Kafka cluster: TLS (a CA, mutual TLS) and SASL (SCRAM-SHA-256/512,
//! PLAIN, OAUTHBEARER with OIDC client credentials), as first-class settings that every
//! client chatctl makes is built with. Secrets never come from the command line: a
//! password or client secret is read from a file or an environment variable, and any
//! property whose name says it is secret is redacted wherever settings are printed.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// Environment variables that hold secrets themselves.
pub mod env {
    pub const SASL_PASSWORD: &str = "CHATCTL_SASL_PASSWORD";
    pub const OAUTH_CLIENT_SECRET: &str = "CHATCTL_OAUTH_CLIENT_SECRET";
}

/// `[security]` in the config file, or the matching flags: one source of settings.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct SecurityLayer {
    /// PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol: Option<String>,
    /// CA certificate(s) to verify the brokers with (PEM).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ca_file: Option<PathBuf>,
    /// Client certificate and key for mutual TLS (PEM).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cert_file: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_file: Option<PathBuf>,
    /// SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sasl_mechanism: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sasl_username: Option<String>,
    /// The password, from this file (its first line).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sasl_password_file: Option<PathBuf>,
    /// The password, from this environment variable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sasl_password_env: Option<String>,
    /// OAUTHBEARER (OIDC client credentials): the token endpoint, client id and scope.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oauth_token_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oauth_client_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oauth_client_secret_file: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oauth_client_secret_env: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oauth_scope: Option<String>,
}

impl SecurityLayer {
    /// The librdkafka properties these settings mean, secrets read from where they are
    /// kept. `lookup` reads an environment variable (injected for tests).
    pub fn properties(&self, lookup: impl Fn(&str) -> Option<String>) -> Result<Vec<(String, String)>> {
        let mut out: Vec<(String, String)> = Vec::new();
        let mechanism = self.sasl_mechanism.as_deref().map(str::to_ascii_uppercase);
        let protocol = self.protocol(mechanism.is_some())?;
        if let Some(p) = &protocol {
            out.push(("security.protocol".into(), p.clone()));
        }
        out.extend(self.tls()?);
        let sasl = protocol.as_deref().is_some_and(|p| p.starts_with("SASL_"));
        if !sasl {
            if mechanism.is_some() || self.sasl_username.is_some() {
                return Err(Error::config(format!(
                    "SASL settings given with security protocol {}: use SASL_SSL (or SASL_PLAINTEXT)",
                    protocol.as_deref().unwrap_or("PLAINTEXT")
                )));
            }
            return Ok(out);
        }
        out.extend(self.sasl(mechanism.unwrap_or_else(|| "SCRAM-SHA-512".to_string()), &lookup)?);
        Ok(out)
    }

    /// `security.protocol`: the one given, else SASL over TLS with a mechanism (what every
    /// managed service wants), else TLS with a CA or a client certificate.
    fn protocol(&self, has_mechanism: bool) -> Result<Option<String>> {
        let protocol = match (&self.protocol, has_mechanism) {
            (Some(p), _) => Some(p.to_ascii_uppercase()),
            (None, true) => Some("SASL_SSL".to_string()),
            (None, false) if self.ca_file.is_some() || self.cert_file.is_some() => Some("SSL".to_string()),
            (None, false) => None,
        };
        if let Some(p) = &protocol {
            if !matches!(p.as_str(), "PLAINTEXT" | "SSL" | "SASL_PLAINTEXT" | "SASL_SSL") {
                return Err(Error::config(format!(
                    "security protocol {p:?}: expected PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL"
                )));
            }
        }
        Ok(protocol)
    }

    /// The CA and the client certificate and key (mutual TLS), each checked to exist.
    fn tls(&self) -> Result<Vec<(String, String)>> {
        let file = |what: &str, p: &PathBuf| -> Result<String> {
            if !p.is_file() {
                return Err(Error::config(format!("{what} {}: no such file", p.display())));
            }
            Ok(p.display().to_string())
        };
        let mut out = Vec::new();
        if let Some(p) = &self.ca_file {
            out.push(("ssl.ca.location".into(), file("CA file", p)?));
        }
        match (&self.cert_file, &self.key_file) {
            (Some(c), Some(k)) => {
                out.push(("ssl.certificate.location".into(), file("client certificate", c)?));
                out.push(("ssl.key.location".into(), file("client key", k)?));
            }
            (None, None) => {}
            _ => return Err(Error::config("mutual TLS needs both a client certificate and its key")),
        }
        Ok(out)
    }

    /// The SASL mechanism's properties, its secret read from where it is kept.
    fn sasl(&self, mechanism: String, lookup: &impl Fn(&str) -> Option<String>) -> Result<Vec<(String, String)>> {
        let mut out: Vec<(String, String)> = Vec::new();
        let mut set = |k: &str, v: String| out.push((k.to_string(), v));
        match mechanism.as_str() {
            "SCRAM-SHA-256" | "SCRAM-SHA-512" | "PLAIN" => {
                let user = self
                    .sasl_username
                    .clone()
                    .ok_or_else(|| Error::config(format!("SASL {mechanism} needs a username (--sasl-username)")))?;
                let password = secret(
                    "SASL password",
                    self.sasl_password_file.as_ref(),
                    self.sasl_password_env.as_deref(),
                    env::SASL_PASSWORD,
                    lookup,
                )?;
                set("sasl.mechanism", mechanism.clone());
                set("sasl.username", user);
                set("sasl.password", password);
            }
            "OAUTHBEARER" => {
                set("sasl.mechanism", mechanism.clone());
                if let Some(url) = &self.oauth_token_url {
                    let id = self.oauth_client_id.clone().ok_or_else(|| {
                        Error::config("OAUTHBEARER with a token URL needs a client id (--oauth-client-id)")
                    })?;
                    let secret = secret(
                        "OAuth client secret",
                        self.oauth_client_secret_file.as_ref(),
                        self.oauth_client_secret_env.as_deref(),
                        env::OAUTH_CLIENT_SECRET,
                        lookup,
                    )?;
                    set("sasl.oauthbearer.method", "oidc".into());
                    set("sasl.oauthbearer.token.endpoint.url", url.clone());
                    set("sasl.oauthbearer.client.id", id);
                    set("sasl.oauthbearer.client.secret", secret);
                    if let Some(s) = &self.oauth_scope {
                        set("sasl.oauthbearer.scope", s.clone());
                    }
                }
            }
            other => {
                return Err(Error::config(format!(
                    "SASL mechanism {other:?}: expected SCRAM-SHA-256, SCRAM-SHA-512, PLAIN or OAUTHBEARER"
                )))
            }
        }
        Ok(out)
    }
}

/// A secret from a file (its first line), a named environment variable, or chatctl's own
/// variable, in that order; never from the command line.
fn secret(
    what: &str,
    file: Option<&PathBuf>,
    var: Option<&str>,
    default_var: &str,
    lookup: &impl Fn(&str) -> Option<String>,
) -> Result<String> {
    if let Some(p) = file {
        let text =
            std::fs::read_to_string(p).map_err(|e| Error::config(format!("{what} file {}: {e}", p.display())))?;
        return Ok(text.lines().next().unwrap_or("").to_string());
    }
    if let Some(v) = var {
        return lookup(v).ok_or_else(|| Error::config(format!("{what}: environment variable {v} is not set")));
    }
    lookup(default_var).ok_or_else(|| {
        Error::config(format!("{what} missing: put it in a file (…-file) or an environment variable ({default_var})"))
    })
}

/// Whether a librdkafka property (or any setting) holds a secret.
pub fn is_secret(key: &str) -> bool {
    let k = key.to_ascii_lowercase();
    // `sasl-password-file`, `oauth-client-secret-env`: where a secret is, not the secret.
    if k.ends_with("-file") || k.ends_with("-env") {
        return false;
    }
    k.contains("password") || k.contains("secret") || k.ends_with(".pem") || k == "sasl.oauthbearer.config"
}

/// `value` as it may be shown: a mask when `key` names a secret, a URL without its
/// password (`redis://:***@host`), else as it is. Every printed setting goes through it.
pub fn shown<'a>(key: &str, value: &'a str) -> std::borrow::Cow<'a, str> {
    if is_secret(key) {
        std::borrow::Cow::Borrowed("<redacted>")
    } else if value.contains("://") && value.contains('@') {
        std::borrow::Cow::Owned(redact_url(value))
    } else {
        std::borrow::Cow::Borrowed(value)
    }
}

/// A URL with any password in it masked (`redis://:***@host`, `smtp://user:***@host`).
pub fn redact_url(url: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let base = match base.split_once("://") {
        Some((scheme, rest)) => match rest.rsplit_once('@') {
            Some((auth, host)) => match auth.split_once(':') {
                Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
                None => base.to_string(),
            },
            None => base.to_string(),
        },
        None => base.to_string(),
    };
    match query {
        Some(q) => format!("{base}?{}", redact_query(q)),
        None => base,
    }
}

/// A URL's query with the values of parameters that may carry a secret masked
/// (`password=***`, `token=***`, `sig=***`); the others (`sslmode=require`) kept.
fn redact_query(q: &str) -> String {
    const SECRET_PARTS: [&str; 7] = ["pass", "secret", "token", "key", "sig", "auth", "cred"];
    q.split('&')
        .map(|pair| match pair.split_once('=') {
            Some((k, _)) if SECRET_PARTS.iter().any(|p| k.to_ascii_lowercase().contains(p)) => format!("{k}=***"),
            _ => pair.to_string(),
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// `o` creating files readable and writable by their owner only (0600), and never through a
/// symbolic link (a link planted where chatctl writes would send prompts and answers
/// elsewhere): spool segments, quarantine files and exports hold prompts and answers.
pub fn owner_only(o: &mut std::fs::OpenOptions) -> &mut std::fs::OpenOptions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    o
}

/// A new file (truncated if it exists) readable by its owner only: an existing file gets
/// that mode too, and a symbolic link is refused.
pub fn create_private(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    let f = owner_only(std::fs::OpenOptions::new().write(true).create(true).truncate(true))
        .open(path)
        .map_err(|e| not_through_a_link(path, e))?;
    restrict(&f, 0o600)?;
    Ok(f)
}

/// A file a library opens by path itself (SQLite: its WAL and shared-memory files take the
/// database's mode): made empty and owner-only if missing, made owner-only if there; a
/// symbolic link is refused.
pub fn prepare_private_file(path: &std::path::Path) -> std::io::Result<()> {
    let f = owner_only(std::fs::OpenOptions::new().read(true).write(true).create(true))
        .open(path)
        .map_err(|e| not_through_a_link(path, e))?;
    restrict(&f, 0o600)
}

/// A directory for chatctl's own files (a search index): created owner-only (0700), made
/// so if it exists; a symbolic link is refused.
pub fn private_dir(path: &std::path::Path) -> std::io::Result<()> {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(link_refused(path));
    }
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        b.mode(0o700);
        b.create(path)?;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o700))?;
    }
    #[cfg(not(unix))]
    b.create(path)?;
    Ok(())
}

fn restrict(f: &std::fs::File, mode: u32) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        f.set_permissions(std::fs::Permissions::from_mode(mode))?;
    }
    let _ = (f, mode);
    Ok(())
}

/// ELOOP (O_NOFOLLOW met a link) said plainly.
fn not_through_a_link(path: &std::path::Path, e: std::io::Error) -> std::io::Error {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP) {
        return link_refused(path);
    }
    std::io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

fn link_refused(path: &std::path::Path) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::InvalidInput,
        format!("{} is a symbolic link: chatctl writes its private files only where it can see them", path.display()),
    )
}

/// Any URL inside `text` (an error message, a log line) cut to its scheme, host and port:
/// credentials become `***` and the path and query `/…` (a webhook's path is its secret,
/// a query may carry a token).
pub fn redact_text(text: &str) -> String {
    static URL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\b([a-z][a-z0-9+.-]*)://(?:([^\s/@:]*)(?::[^\s/@]*)?@)?([^\s/?#'\x22<>)]+)([^\s'\x22<>)]*)",
        )
        .expect("URL pattern")
    });
    URL.replace_all(text, |c: &regex::Captures| {
        let mut out = format!("{}://", &c[1]);
        if let Some(user) = c.get(2) {
            out.push_str(user.as_str());
            out.push_str(":***@");
        }
        out.push_str(&c[3]);
        if c.get(4).is_some_and(|rest| !rest.as_str().is_empty() && rest.as_str() != "/") {
            out.push_str("/…");
        }
        out
    })
    .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let vars: Vec<(String, String)> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |k: &str| vars.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())
    }

    fn props(l: &SecurityLayer, vars: &[(&str, &str)]) -> Result<Vec<(String, String)>> {
        l.properties(env(vars))
    }

    #[test]
    fn nothing_set_is_plaintext_with_no_properties() {
        assert!(props(&SecurityLayer::default(), &[]).unwrap().is_empty());
    }

    #[test]
    fn scram_over_tls_reads_the_password_from_the_environment_or_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let ca = dir.path().join("ca.pem");
        std::fs::write(&ca, "x").unwrap();
        let l = SecurityLayer {
            ca_file: Some(ca.clone()),
            sasl_mechanism: Some("scram-sha-512".into()),
            sasl_username: Some("chat".into()),
            ..Default::default()
        };
        let p = props(&l, &[(env::SASL_PASSWORD, "s3cret")]).unwrap();
        let get = |k: &str| p.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        assert_eq!(get("security.protocol"), Some("SASL_SSL"), "a mechanism means SASL over TLS");
        assert_eq!(get("sasl.mechanism"), Some("SCRAM-SHA-512"));
        assert_eq!(get("sasl.password"), Some("s3cret"));
        assert_eq!(get("ssl.ca.location"), Some(ca.to_str().unwrap()));
        // A named variable, then a file (first line only).
        let l2 = SecurityLayer { sasl_password_env: Some("KAFKA_PW".into()), ..l.clone() };
        let p = props(&l2, &[("KAFKA_PW", "other")]).unwrap();
        assert!(p.contains(&("sasl.password".into(), "other".into())));
        let f = dir.path().join("pw");
        std::fs::write(&f, "from-file\n").unwrap();
        let l3 = SecurityLayer { sasl_password_file: Some(f), ..l.clone() };
        assert!(props(&l3, &[]).unwrap().contains(&("sasl.password".into(), "from-file".into())));
        // None of them: a clear error naming where to put it.
        let err = props(&l, &[]).unwrap_err().to_string();
        assert!(err.contains(env::SASL_PASSWORD), "{err}");
    }

    #[test]
    fn oauthbearer_oidc_client_credentials() {
        let l = SecurityLayer {
            sasl_mechanism: Some("OAUTHBEARER".into()),
            oauth_token_url: Some("https://idp.example/token".into()),
            oauth_client_id: Some("chatctl".into()),
            oauth_scope: Some("kafka".into()),
            ..Default::default()
        };
        let p = props(&l, &[(env::OAUTH_CLIENT_SECRET, "cs")]).unwrap();
        for want in [
            ("sasl.oauthbearer.method", "oidc"),
            ("sasl.oauthbearer.client.id", "chatctl"),
            ("sasl.oauthbearer.client.secret", "cs"),
            ("sasl.oauthbearer.scope", "kafka"),
            ("security.protocol", "SASL_SSL"),
        ] {
            assert!(p.contains(&(want.0.into(), want.1.into())), "{want:?} in {p:?}");
        }
    }

    #[test]
    fn inconsistent_settings_are_refused() {
        let bad = |l: SecurityLayer| props(&l, &[(env::SASL_PASSWORD, "x")]).unwrap_err().to_string();
        assert!(bad(SecurityLayer { protocol: Some("TLS".into()), ..Default::default() }).contains("SASL_SSL"));
        assert!(bad(SecurityLayer { sasl_mechanism: Some("GSSAPI".into()), ..Default::default() }).contains("GSSAPI"));
        assert!(bad(SecurityLayer { sasl_mechanism: Some("PLAIN".into()), ..Default::default() }).contains("username"));
        assert!(bad(SecurityLayer {
            protocol: Some("SSL".into()),
            sasl_username: Some("u".into()),
            ..Default::default()
        })
        .contains("SASL settings"));
        assert!(bad(SecurityLayer { cert_file: Some("/nope".into()), ..Default::default() }).contains("both"));
        assert!(bad(SecurityLayer { ca_file: Some("/no/such/ca.pem".into()), ..Default::default() })
            .contains("no such file"));
    }

    #[test]
    fn secrets_are_recognised_and_redacted() {
        for k in ["sasl.password", "ssl.key.password", "sasl.oauthbearer.client.secret", "ssl.keystore.password"] {
            assert!(is_secret(k), "{k}");
            assert_eq!(shown(k, "hunter2"), "<redacted>");
        }
        assert_eq!(shown("sasl.username", "chat"), "chat");
        assert_eq!(shown("redis", "redis://:pw@h:6379"), "redis://:***@h:6379");
        assert_eq!(shown("security.sasl-password-file", "/run/secrets/k"), "/run/secrets/k");
        assert_eq!(redact_url("redis://:pw@h:6379/0"), "redis://:***@h:6379/0");
        assert_eq!(redact_url("smtp://me:pw@mail:25"), "smtp://me:***@mail:25");
        assert_eq!(redact_url("redis://h:6379"), "redis://h:6379");
        // A query may carry the secret too.
        assert_eq!(
            redact_url("postgres://u@h/db?sslmode=require&password=pw&application_name=x"),
            "postgres://u@h/db?sslmode=require&password=***&application_name=x"
        );
        assert_eq!(redact_url("https://h/hook?token=t&sig=s"), "https://h/hook?token=***&sig=***");
        assert_eq!(redact_url("redis://:pw@h:6379/0?auth=x"), "redis://:***@h:6379/0?auth=***");
    }

    #[cfg(unix)]
    #[test]
    fn private_files_are_owner_only_and_never_reached_through_a_link() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        // An existing file readable by all becomes owner-only.
        let f = dir.path().join("out.json");
        std::fs::write(&f, "old").unwrap();
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o644)).unwrap();
        create_private(&f).unwrap();
        assert_eq!(mode(&f), 0o600);
        // A link planted where chatctl writes is refused; its target is untouched.
        let target = dir.path().join("elsewhere");
        std::fs::write(&target, "theirs").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let e = create_private(&link).unwrap_err();
        assert!(e.to_string().contains("symbolic link"), "{e}");
        assert!(prepare_private_file(&link).is_err());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "theirs");
        // A database file made owner-only before a library opens it.
        let db = dir.path().join("audit.db");
        prepare_private_file(&db).unwrap();
        assert_eq!((mode(&db), std::fs::metadata(&db).unwrap().len()), (0o600, 0));
        // Directories: created 0700, an existing one made so, a link refused.
        let idx = dir.path().join("a/index");
        private_dir(&idx).unwrap();
        assert_eq!(mode(&idx), 0o700);
        std::fs::set_permissions(&idx, std::fs::Permissions::from_mode(0o755)).unwrap();
        private_dir(&idx).unwrap();
        assert_eq!(mode(&idx), 0o700);
        let dlink = dir.path().join("index-link");
        std::os::unix::fs::symlink(&idx, &dlink).unwrap();
        assert!(private_dir(&dlink).unwrap_err().to_string().contains("symbolic link"));
    }

    #[test]
    fn urls_inside_text_lose_credentials_path_and_query() {
        let t = redact_text(
            "webhook https://hooks.example/services/T0/B0/SECRETTOKEN refused; smtp smtps://me:pw@mail:465 \
             down; error sending request for url (http://llm:8000/v1/chat/completions?key=k)",
        );
        assert_eq!(
            t,
            "webhook https://hooks.example/… refused; smtp smtps://me:***@mail:465 down; \
             error sending request for url (http://llm:8000/…)"
        );
        for secret in ["SECRETTOKEN", "pw", "key=k"] {
            assert!(!t.contains(secret), "{secret} in {t}");
        }
        assert_eq!(redact_text("redis://:hunter2@h:6379/0"), "redis://:***@h:6379/…");
        assert_eq!(redact_text("no url here"), "no url here");
    }
}
