//! Where Redis is and how to reach it (TLS, ACL user, password kept out of sight).

use super::*;

/// How to reach Redis: a `redis://` or `rediss://` URL (an ACL user as `user@`), the CA
/// that signs a TLS server's certificate, and the password kept out of the URL (from a
/// file or the environment). Printed, the URL's password is masked.
#[derive(Clone, Default)]
pub struct RedisTarget {
    pub url: String,
    pub ca_file: Option<std::path::PathBuf>,
    pub password: Option<String>,
}

impl std::fmt::Debug for RedisTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedisTarget")
            .field("url", &self.shown())
            .field("ca_file", &self.ca_file)
            .field("password", &self.password.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

impl RedisTarget {
    pub fn new(url: impl Into<String>) -> Self {
        RedisTarget { url: url.into(), ..Default::default() }
    }

    /// The URL with any password masked, for messages.
    pub fn shown(&self) -> String {
        crate::security::redact_url(&self.url)
    }

    pub fn client(&self) -> Result<redis::Client> {
        use redis::IntoConnectionInfo;
        let bad = |e: redis::RedisError| Error::config(format!("redis URL {}: {e}", self.shown()));
        let mut info = self.url.as_str().into_connection_info().map_err(bad)?;
        if let Some(p) = &self.password {
            info.redis.password = Some(p.clone());
        }
        match &self.ca_file {
            Some(ca) => {
                let pem =
                    std::fs::read(ca).map_err(|e| Error::config(format!("Redis CA file {}: {e}", ca.display())))?;
                if !matches!(info.addr, redis::ConnectionAddr::TcpTls { .. }) {
                    return Err(Error::config(format!(
                        "a Redis CA file needs a TLS URL: rediss://, not {}",
                        self.shown()
                    )));
                }
                let certs = redis::TlsCertificates { client_tls: None, root_cert: Some(pem) };
                redis::Client::build_with_tls(info, certs).map_err(bad)
            }
            None => redis::Client::open(info).map_err(bad),
        }
    }
}

/// Where the resume buffer lives, from the resolved settings (here, not in `config`).
impl crate::config::Settings {
    pub fn redis_target(&self) -> Option<RedisTarget> {
        self.redis.as_ref().map(|url| RedisTarget {
            url: url.clone(),
            ca_file: self.redis_ca.clone(),
            password: self.redis_password.clone(),
        })
    }
}
