//! Who is connecting: HS256 JWTs carried at connect time. The user id comes from the
//! token's `sub`, never from the client's frames.

use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    pub sub: String,
    pub exp: u64,
}

#[derive(Clone)]
pub enum Auth {
    Jwt(DecodingKey),
    /// Anonymous users allowed (local trials only; logged loudly at start).
    InsecureDev,
}

impl Auth {
    pub fn hs256(secret: &str) -> Auth {
        Auth::Jwt(DecodingKey::from_secret(secret.as_bytes()))
    }

    /// The user id for a connection, from its token (`Authorization: Bearer` or `?token=`).
    pub fn user(&self, token: Option<&str>, dev_user: Option<&str>) -> Result<String, String> {
        match self {
            Auth::InsecureDev => Ok(dev_user.unwrap_or("anonymous").to_string()),
            Auth::Jwt(key) => {
                let token = token.ok_or("missing token (Authorization: Bearer <jwt> or ?token=<jwt>)")?;
                let data = decode::<Claims>(token, key, &Validation::new(Algorithm::HS256))
                    .map_err(|e| format!("invalid token: {e}"))?;
                if data.claims.sub.is_empty() {
                    return Err("token has an empty `sub`".into());
                }
                Ok(data.claims.sub)
            }
        }
    }
}

/// Mint a token (tests, `chatctl token`, the demo page).
pub fn mint(secret: &str, user: &str, ttl_secs: u64) -> String {
    let exp = chrono::Utc::now().timestamp() as u64 + ttl_secs;
    encode(
        &Header::new(Algorithm::HS256),
        &Claims { sub: user.into(), exp },
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .expect("HS256 encoding cannot fail")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens() {
        let auth = Auth::hs256("s3cret");
        assert_eq!(auth.user(Some(&mint("s3cret", "alice", 60)), None).unwrap(), "alice");
        assert!(auth.user(Some(&mint("other", "alice", 60)), None).unwrap_err().contains("invalid"));
        assert!(auth.user(None, Some("mallory")).unwrap_err().contains("missing token"));
        assert_eq!(Auth::InsecureDev.user(None, Some("bob")).unwrap(), "bob");
    }
}
