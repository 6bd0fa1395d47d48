//! Who is connecting: HS256 JWTs carried at connect time. The user id comes from the
//! token's `sub`, never from the client's frames. As Centrifugo checks them: the signature
//! (HS256 only), `exp` and `nbf` (with a small leeway for clock skew), and `iss` / `aud`
//! when the node is configured with them.

use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub exp: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nbf: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iss: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aud: Option<String>,
}

/// The shortest HS256 secret accepted: 256 bits, the hash's own size (RFC 7518 §3.2).
pub const MIN_SECRET_BYTES: usize = 32;

/// Clock skew allowed on `exp` and `nbf` (seconds).
pub const LEEWAY_SECS: u64 = 30;

#[derive(Clone)]
pub enum Auth {
    Jwt(Box<(DecodingKey, Validation)>),
    /// Anonymous users allowed (local trials only; loopback only; logged loudly at start).
    InsecureDev,
}

/// What a token must carry besides a valid signature.
#[derive(Debug, Clone, Default)]
pub struct Expect {
    pub issuer: Option<String>,
    pub audience: Option<String>,
}

impl Auth {
    /// HS256 with `secret`, no issuer or audience required (tests, local nodes).
    pub fn hs256(secret: &str) -> Auth {
        Auth::hs256_expecting(secret, &Expect::default())
    }

    pub fn hs256_expecting(secret: &str, expect: &Expect) -> Auth {
        let mut v = Validation::new(Algorithm::HS256);
        v.leeway = LEEWAY_SECS;
        v.validate_nbf = true;
        v.set_required_spec_claims(&["exp", "sub"]);
        match &expect.issuer {
            Some(iss) => {
                v.set_issuer(&[iss]);
                v.required_spec_claims.insert("iss".into());
            }
            None => v.iss = None,
        }
        match &expect.audience {
            Some(aud) => {
                v.set_audience(&[aud]);
                v.required_spec_claims.insert("aud".into());
            }
            None => v.validate_aud = false,
        }
        Auth::Jwt(Box::new((DecodingKey::from_secret(secret.as_bytes()), v)))
    }

    /// A node's secret as given: refused when shorter than [`MIN_SECRET_BYTES`].
    pub fn checked_secret(secret: &str) -> Result<&str, String> {
        if secret.len() < MIN_SECRET_BYTES {
            return Err(format!(
                "the JWT secret is {} bytes; HS256 needs at least {MIN_SECRET_BYTES} (e.g. `openssl rand -hex 32`)",
                secret.len()
            ));
        }
        Ok(secret)
    }

    /// The user id for a connection, from its token (`Authorization: Bearer` or `?token=`).
    pub fn user(&self, token: Option<&str>, dev_user: Option<&str>) -> Result<String, String> {
        match self {
            Auth::InsecureDev => Ok(dev_user.unwrap_or("anonymous").to_string()),
            Auth::Jwt(k) => {
                let (key, validation) = &**k;
                let token = token.ok_or("missing token (Authorization: Bearer <jwt> or ?token=<jwt>)")?;
                let data = decode::<Claims>(token, key, validation).map_err(|e| format!("invalid token: {e}"))?;
                if data.claims.sub.is_empty() {
                    return Err("token has an empty `sub`".into());
                }
                Ok(data.claims.sub)
            }
        }
    }
}

/// Mint a token (tests, the demo page).
pub fn mint(secret: &str, user: &str, ttl_secs: u64) -> String {
    let exp = chrono::Utc::now().timestamp() as u64 + ttl_secs;
    mint_claims(secret, &Claims { sub: user.into(), exp, nbf: None, iss: None, aud: None })
}

pub fn mint_claims(secret: &str, claims: &Claims) -> String {
    encode(&Header::new(Algorithm::HS256), claims, &EncodingKey::from_secret(secret.as_bytes()))
        .expect("HS256 encoding cannot fail")
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: &str = "0123456789abcdef0123456789abcdef";

    fn now() -> u64 {
        chrono::Utc::now().timestamp() as u64
    }

    #[test]
    fn tokens() {
        let auth = Auth::hs256(S);
        assert_eq!(auth.user(Some(&mint(S, "alice", 60)), None).unwrap(), "alice");
        assert!(auth.user(Some(&mint("other", "alice", 60)), None).unwrap_err().contains("invalid"));
        assert!(auth.user(None, Some("mallory")).unwrap_err().contains("missing token"));
        assert_eq!(Auth::InsecureDev.user(None, Some("bob")).unwrap(), "bob");
    }

    #[test]
    fn expired_and_not_yet_valid_tokens_are_refused_beyond_the_leeway() {
        let auth = Auth::hs256(S);
        let c = |exp: u64, nbf: Option<u64>| Claims { sub: "a".into(), exp, nbf, iss: None, aud: None };
        assert!(auth.user(Some(&mint_claims(S, &c(now() - 120, None))), None).unwrap_err().contains("Expired"));
        // Within the leeway: accepted (clock skew).
        assert!(auth.user(Some(&mint_claims(S, &c(now() - 10, None))), None).is_ok());
        let early = mint_claims(S, &c(now() + 600, Some(now() + 300)));
        assert!(auth.user(Some(&early), None).unwrap_err().contains("Immature"), "nbf in the future");
        assert!(auth.user(Some(&mint_claims(S, &c(now() + 600, Some(now() - 5)))), None).is_ok());
    }

    #[test]
    fn issuer_and_audience_are_required_when_configured() {
        let auth = Auth::hs256_expecting(
            S,
            &Expect { issuer: Some("https://idp.example".into()), audience: Some("chatctl".into()) },
        );
        let c = |iss: Option<&str>, aud: Option<&str>| Claims {
            sub: "a".into(),
            exp: now() + 60,
            nbf: None,
            iss: iss.map(Into::into),
            aud: aud.map(Into::into),
        };
        assert!(auth.user(Some(&mint_claims(S, &c(Some("https://idp.example"), Some("chatctl")))), None).is_ok());
        for (iss, aud) in
            [(None, Some("chatctl")), (Some("https://idp.example"), None), (Some("evil"), Some("chatctl"))]
        {
            assert!(auth.user(Some(&mint_claims(S, &c(iss, aud))), None).is_err(), "{iss:?} {aud:?}");
        }
        assert!(auth.user(Some(&mint_claims(S, &c(Some("https://idp.example"), Some("other")))), None).is_err());
    }

    #[test]
    fn other_algorithms_and_short_secrets_are_refused() {
        let auth = Auth::hs256(S);
        let claims = Claims { sub: "a".into(), exp: now() + 60, nbf: None, iss: None, aud: None };
        let hs512 = encode(&Header::new(Algorithm::HS512), &claims, &EncodingKey::from_secret(S.as_bytes())).unwrap();
        assert!(auth.user(Some(&hs512), None).is_err(), "only HS256");
        assert!(Auth::checked_secret("short").unwrap_err().contains("at least 32"));
        assert!(Auth::checked_secret(S).is_ok());
    }
}
