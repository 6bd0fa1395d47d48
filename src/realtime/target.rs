//! Where Redis is and how to reach it (TLS, ACL user, password kept out of sight): one
//! Redis, a primary found through Sentinel, or a Redis Cluster.

use super::*;

/// How to reach Redis: a `redis://` or `rediss://` URL (an ACL user as `user@`), or
/// `redis+sentinel://[user:pass@]h1:p1,h2:p2,.../MASTER` (`rediss+sentinel://` for TLS to
/// the sentinels and the nodes; a sentinel's port defaults to 26379; the user and password
/// are the Redis nodes', the sentinels are asked without), or
/// `redis+cluster://[user:pass@]h1:p1,h2:p2,...` (`rediss+cluster://` for TLS; any of the
/// cluster's nodes, the more the better: pub/sub connects to the next one when its node
/// dies; a port defaults to 6379); the CA that signs a TLS server's
/// certificate, and the password kept out of the URL (from a file or the environment).
/// Printed, the URL's password is masked.
#[derive(Clone, Default)]
pub struct RedisTarget {
    pub url: String,
    pub ca_file: Option<std::path::PathBuf>,
    pub password: Option<String>,
    /// Replicas that must confirm each chunk (`WAIT`) before a client is shown it; None:
    /// 1 behind Sentinel, 0 for one Redis (see [`RedisTarget::min_replicas`]).
    pub min_replicas: Option<u32>,
}

impl std::fmt::Debug for RedisTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RedisTarget")
            .field("url", &self.shown())
            .field("ca_file", &self.ca_file)
            .field("password", &self.password.as_ref().map(|_| "<redacted>"))
            .field("min_replicas", &self.min_replicas)
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

    /// Replicas that must hold each chunk before a client is shown it: as set, else 1
    /// behind Sentinel or Cluster (a failover then loses no chunk a client saw) and 0 for
    /// one Redis.
    pub fn min_replicas(&self) -> u32 {
        self.min_replicas.unwrap_or_else(|| {
            u32::from(
                matches!(SentinelUrl::parse(&self.url), Ok(Some(_)))
                    || matches!(ClusterUrl::parse(&self.url), Ok(Some(_))),
            )
        })
    }

    /// One Redis, Sentinel or Cluster: what [`Primary`](super::Primary) connects to.
    pub(super) fn topology(&self) -> Result<Topology> {
        let bad_url = |e: String| Error::config(format!("redis URL {}: {e}", self.shown()));
        if let Some(u) = ClusterUrl::parse(&self.url).map_err(bad_url)? {
            return self.cluster(u);
        }
        match SentinelUrl::parse(&self.url).map_err(bad_url)? {
            None => Ok(Topology::Single(self.client()?)),
            Some(u) => {
                use redis::sentinel::{SentinelClientBuilder, SentinelServerType};
                let bad = |e: redis::RedisError| Error::config(format!("redis URL {}: {e}", self.shown()));
                let mut b =
                    SentinelClientBuilder::new(u.addrs(), u.master.clone(), SentinelServerType::Master).map_err(bad)?;
                if let Some(user) = &u.username {
                    b = b.set_client_to_redis_username(user.clone());
                }
                if let Some(p) = self.password.as_ref().or(u.password.as_ref()) {
                    b = b.set_client_to_redis_password(p.clone());
                }
                if u.tls {
                    b = b
                        .set_client_to_redis_tls_mode(redis::TlsMode::Secure)
                        .set_client_to_sentinel_tls_mode(redis::TlsMode::Secure);
                    if let Some(pem) = self.ca_pem()? {
                        let certs = || redis::TlsCertificates { client_tls: None, root_cert: Some(pem.clone()) };
                        b = b.set_client_to_redis_certificates(certs()).set_client_to_sentinel_certificates(certs());
                    }
                } else if self.ca_file.is_some() {
                    return Err(self.ca_needs_tls());
                }
                Ok(Topology::Sentinel(b.build().map_err(bad)?))
            }
        }
    }

    /// A cluster client, and a client for each node the URL names (for pub/sub).
    fn cluster(&self, u: ClusterUrl) -> Result<Topology> {
        let bad = |e: redis::RedisError| Error::config(format!("redis URL {}: {e}", self.shown()));
        let pem = if u.tls {
            self.ca_pem()?
        } else if self.ca_file.is_some() {
            return Err(self.ca_needs_tls());
        } else {
            None
        };
        let password = self.password.clone().or(u.password.clone());
        let infos: Vec<redis::ConnectionInfo> = u
            .nodes
            .iter()
            .map(|(host, port)| {
                let addr = match u.tls {
                    false => redis::ConnectionAddr::Tcp(host.clone(), *port),
                    true => redis::ConnectionAddr::TcpTls {
                        host: host.clone(),
                        port: *port,
                        insecure: false,
                        tls_params: None,
                    },
                };
                let redis = redis::RedisConnectionInfo {
                    username: u.username.clone(),
                    password: password.clone(),
                    ..Default::default()
                };
                redis::ConnectionInfo { addr, redis }
            })
            .collect();
        let certs = |pem: &Vec<u8>| redis::TlsCertificates { client_tls: None, root_cert: Some(pem.clone()) };
        let seeds = infos
            .iter()
            .map(|info| match &pem {
                Some(pem) => redis::Client::build_with_tls(info.clone(), certs(pem)),
                None => redis::Client::open(info.clone()),
            })
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(bad)?;
        // Bounded calls, few quick retries: a shard's failover costs its answers a few
        // seconds, and a call in flight then fails like any Redis error (held, tried again).
        let mut b = redis::cluster::ClusterClientBuilder::new(infos)
            .connection_timeout(RESPONSE_TIMEOUT)
            .response_timeout(RESPONSE_TIMEOUT)
            .retries(2)
            .min_retry_wait(50)
            .max_retry_wait(500);
        if u.tls {
            b = b.tls(redis::TlsMode::Secure);
        }
        if let Some(pem) = &pem {
            b = b.certs(certs(pem));
        }
        Ok(Topology::Cluster { client: b.build().map_err(bad)?, seeds })
    }

    /// A client for each sentinel (Sentinel mode; empty otherwise), for `+switch-master`.
    pub(super) fn sentinel_clients(&self) -> Result<Vec<redis::Client>> {
        let Ok(Some(u)) = SentinelUrl::parse(&self.url) else { return Ok(Vec::new()) };
        let bad = |e: redis::RedisError| Error::config(format!("redis URL {}: {e}", self.shown()));
        let pem = if u.tls { self.ca_pem()? } else { None };
        u.addrs()
            .into_iter()
            .map(|addr| {
                let info = redis::ConnectionInfo { addr, redis: Default::default() };
                match &pem {
                    Some(pem) => redis::Client::build_with_tls(
                        info,
                        redis::TlsCertificates { client_tls: None, root_cert: Some(pem.clone()) },
                    ),
                    None => redis::Client::open(info),
                }
                .map_err(bad)
            })
            .collect()
    }

    /// The name the sentinels know the primary by (Sentinel mode).
    pub(super) fn sentinel_master(&self) -> Option<String> {
        SentinelUrl::parse(&self.url).ok().flatten().map(|u| u.master)
    }

    fn ca_pem(&self) -> Result<Option<Vec<u8>>> {
        self.ca_file
            .as_ref()
            .map(|ca| std::fs::read(ca).map_err(|e| Error::config(format!("Redis CA file {}: {e}", ca.display()))))
            .transpose()
    }

    fn ca_needs_tls(&self) -> Error {
        Error::config(format!("a Redis CA file needs a TLS URL: rediss:// or rediss+sentinel://, not {}", self.shown()))
    }

    /// A client for the one Redis the URL names (not for a Sentinel or Cluster URL: see
    /// `topology`).
    pub fn client(&self) -> Result<redis::Client> {
        let bad_url = |e: String| Error::config(format!("redis URL {}: {e}", self.shown()));
        if SentinelUrl::parse(&self.url).map_err(bad_url)?.is_some() {
            return Err(Error::config(format!(
                "{} names Sentinel: its primary is found by connecting, not from the URL",
                self.shown()
            )));
        }
        if ClusterUrl::parse(&self.url).map_err(bad_url)?.is_some() {
            return Err(Error::config(format!("{} names a Redis Cluster, not one Redis", self.shown())));
        }
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
                    return Err(self.ca_needs_tls());
                }
                let certs = redis::TlsCertificates { client_tls: None, root_cert: Some(pem) };
                redis::Client::build_with_tls(info, certs).map_err(bad)
            }
            None => redis::Client::open(info).map_err(bad),
        }
    }
}

/// What a URL names: one Redis (a client for it), a primary found through Sentinel, or a
/// Redis Cluster (and a client for each node the URL names).
pub(super) enum Topology {
    Single(redis::Client),
    Sentinel(redis::sentinel::SentinelClient),
    Cluster { client: redis::cluster::ClusterClient, seeds: Vec<redis::Client> },
}

/// A `redis+cluster://` (or `rediss+cluster://`) URL, taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ClusterUrl {
    pub tls: bool,
    pub username: Option<String>,
    pub password: Option<String>,
    /// Nodes of the cluster, `host:port`.
    pub nodes: Vec<(String, u16)>,
}

impl ClusterUrl {
    /// None for a URL that is not a Cluster URL; an error for one that is malformed.
    pub(crate) fn parse(url: &str) -> std::result::Result<Option<ClusterUrl>, String> {
        let Some((tls, authority, path)) = split_scheme(url, "cluster") else { return Ok(None) };
        if !path.trim_end_matches('/').is_empty() {
            return Err(format!(
                "a Cluster URL names its nodes only (a cluster has one database): {path:?} after the nodes"
            ));
        }
        let (username, password, nodes) = authority_hosts(authority, 6379, "node")?;
        Ok(Some(ClusterUrl { tls, username, password, nodes }))
    }
}

/// A `redis+KIND://` or `rediss+KIND://` URL's TLS flag, authority and path; None for
/// another scheme.
fn split_scheme<'a>(url: &'a str, kind: &str) -> Option<(bool, &'a str, &'a str)> {
    let (scheme, rest) = url.split_once("://")?;
    let tls = match scheme.split_once('+') {
        Some(("redis", k)) if k == kind => false,
        Some(("rediss", k)) if k == kind => true,
        _ => return None,
    };
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    Some((tls, authority, path))
}

/// `[user[:pass]@]h1[:p1],h2[:p2],...` taken apart (percent-decoded credentials; `what`
/// names a host in errors).
type Authority = (Option<String>, Option<String>, Vec<(String, u16)>);
fn authority_hosts(authority: &str, default_port: u16, what: &str) -> std::result::Result<Authority, String> {
    let decode = |s: &str| percent_encoding::percent_decode_str(s).decode_utf8_lossy().into_owned();
    let (userinfo, hosts) = match authority.rsplit_once('@') {
        Some((u, h)) => (Some(u), h),
        None => (None, authority),
    };
    let (username, password) = match userinfo {
        None => (None, None),
        Some(u) => match u.split_once(':') {
            Some((user, pass)) => ((!user.is_empty()).then(|| decode(user)), Some(decode(pass))),
            None => ((!u.is_empty()).then(|| decode(u)), None),
        },
    };
    let hosts = hosts
        .split(',')
        .map(|h| {
            let h = h.trim();
            let (host, port) = match h.rsplit_once(':') {
                Some((host, port)) if !host.ends_with(':') && (!host.contains(':') || host.ends_with(']')) => {
                    (host, port.parse::<u16>().map_err(|_| format!("{what} {h}: the port is not a number"))?)
                }
                _ => (h, default_port),
            };
            let host = host.trim_start_matches('[').trim_end_matches(']');
            if host.is_empty() {
                return Err(format!("a {what} without a host in {hosts:?}"));
            }
            Ok((host.to_string(), port))
        })
        .collect::<std::result::Result<Vec<_>, String>>()?;
    Ok((username, password, hosts))
}

/// A `redis+sentinel://` (or `rediss+sentinel://`) URL, taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SentinelUrl {
    pub tls: bool,
    pub username: Option<String>,
    pub password: Option<String>,
    /// The sentinels, `host:port`.
    pub sentinels: Vec<(String, u16)>,
    /// The name the sentinels know the primary by.
    pub master: String,
}

/// A sentinel's port when the URL gives none.
const SENTINEL_PORT: u16 = 26379;

impl SentinelUrl {
    /// None for a URL that is not a Sentinel URL; an error for one that is malformed.
    pub(crate) fn parse(url: &str) -> std::result::Result<Option<SentinelUrl>, String> {
        let Some((tls, authority, path)) = split_scheme(url, "sentinel") else { return Ok(None) };
        let master = path.trim_end_matches('/');
        if master.is_empty() || master.contains('/') {
            return Err("a Sentinel URL ends with the primary's name: redis+sentinel://h1:p1,h2:p2/MASTER".into());
        }
        let (username, password, sentinels) = authority_hosts(authority, SENTINEL_PORT, "sentinel")?;
        Ok(Some(SentinelUrl { tls, username, password, sentinels, master: master.to_string() }))
    }

    fn addrs(&self) -> Vec<redis::ConnectionAddr> {
        self.sentinels
            .iter()
            .map(|(host, port)| match self.tls {
                false => redis::ConnectionAddr::Tcp(host.clone(), *port),
                true => {
                    redis::ConnectionAddr::TcpTls { host: host.clone(), port: *port, insecure: false, tls_params: None }
                }
            })
            .collect()
    }
}

/// Where the resume buffer lives, from the resolved settings (here, not in `config`).
impl crate::config::Settings {
    pub fn redis_target(&self) -> Option<RedisTarget> {
        self.redis.as_ref().map(|url| RedisTarget {
            url: url.clone(),
            ca_file: self.redis_ca.clone(),
            password: self.redis_password.clone(),
            min_replicas: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(url: &str) -> SentinelUrl {
        SentinelUrl::parse(url).unwrap().unwrap()
    }

    #[test]
    fn a_sentinel_url_names_the_sentinels_and_the_primary() {
        let u = parsed("redis+sentinel://s1:26380,s2,[::1]:26381/mymaster");
        assert_eq!(u.sentinels, vec![("s1".into(), 26380), ("s2".into(), 26379), ("::1".into(), 26381)]);
        assert_eq!(u.master, "mymaster");
        assert!(!u.tls);
        assert_eq!((u.username, u.password), (None, None));
    }

    #[test]
    fn a_sentinel_url_carries_the_nodes_credentials_decoded() {
        let u = parsed("rediss+sentinel://app:p%40ss@h1:1,h2:2/m/");
        assert!(u.tls);
        assert_eq!(u.username.as_deref(), Some("app"));
        assert_eq!(u.password.as_deref(), Some("p@ss"));
        assert_eq!(u.master, "m");
        let u = parsed("redis+sentinel://:secret@h1/m");
        assert_eq!((u.username, u.password.as_deref()), (None, Some("secret")));
    }

    #[test]
    fn a_plain_url_is_not_sentinel() {
        assert_eq!(SentinelUrl::parse("redis://127.0.0.1:6379").unwrap(), None);
        assert_eq!(SentinelUrl::parse("rediss://u:p@h:1/0").unwrap(), None);
    }

    #[test]
    fn bad_sentinel_urls_say_what_is_wrong() {
        let err = |u: &str| SentinelUrl::parse(u).unwrap_err();
        assert!(err("redis+sentinel://h1:1,h2:2").contains("primary's name"), "{}", err("redis+sentinel://h1:1"));
        assert!(err("redis+sentinel://h1:x/m").contains("port is not a number"));
        assert!(err("redis+sentinel://h1:1,,h2/m").contains("without a host"));
        assert_eq!(SentinelUrl::parse("redis+cluster://h1:1,h2:2"), Ok(None));
    }

    #[test]
    fn a_cluster_url_names_its_nodes() {
        let u = ClusterUrl::parse("redis+cluster://h1:7000,h2,[::1]:7002").unwrap().unwrap();
        assert_eq!(u.nodes, vec![("h1".into(), 7000), ("h2".into(), 6379), ("::1".into(), 7002)]);
        assert!(!u.tls);
        let u = ClusterUrl::parse("rediss+cluster://app:p%40ss@h1:1/").unwrap().unwrap();
        assert!(u.tls);
        assert_eq!((u.username.as_deref(), u.password.as_deref()), (Some("app"), Some("p@ss")));
        assert_eq!(ClusterUrl::parse("redis://h:1").unwrap(), None);
        assert!(ClusterUrl::parse("redis+cluster://h1:1/2").unwrap_err().contains("names its nodes only"));
        assert!(ClusterUrl::parse("redis+cluster://h1:x").unwrap_err().contains("port is not a number"));
        let t = RedisTarget::new("redis+cluster://127.0.0.1:1");
        assert!(t.client().unwrap_err().to_string().contains("names a Redis Cluster"));
        assert!(matches!(t.topology(), Ok(Topology::Cluster { .. })));
        assert_eq!(t.min_replicas(), 1);
    }

    #[test]
    fn a_sentinel_url_is_not_one_redis() {
        let t = RedisTarget::new("redis+sentinel://127.0.0.1:1/m");
        let e = t.client().unwrap_err().to_string();
        assert!(e.contains("names Sentinel"), "{e}");
        assert!(matches!(t.topology(), Ok(Topology::Sentinel(_))));
    }

    #[test]
    fn sentinel_waits_for_one_replica_by_default_one_redis_for_none() {
        assert_eq!(RedisTarget::new("redis+sentinel://h:1/m").min_replicas(), 1);
        assert_eq!(RedisTarget::new("redis://h:1").min_replicas(), 0);
        let t = RedisTarget { min_replicas: Some(2), ..RedisTarget::new("redis://h:1") };
        assert_eq!(t.min_replicas(), 2);
    }

    #[test]
    fn a_ca_file_needs_tls_with_sentinel_too() {
        let t = RedisTarget {
            url: "redis+sentinel://127.0.0.1:1/m".into(),
            ca_file: Some("/nonexistent".into()),
            password: None,
            min_replicas: None,
        };
        let e = match t.topology() {
            Err(e) => e.to_string(),
            Ok(_) => panic!("accepted a CA file without TLS"),
        };
        assert!(e.contains("needs a TLS URL"), "{e}");
    }
}
