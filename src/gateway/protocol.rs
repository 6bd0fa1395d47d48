//! The WebSocket client protocol: JSON text frames tagged by `type`.

use serde::{Deserialize, Serialize};

/// Client → server.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "lowercase", rename_all_fields = "camelCase")]
pub enum ClientFrame {
    Chat {
        conversation_id: String,
        content: String,
    },
    Stop {
        message_id: String,
    },
    /// `sessionId` and `epoch` may be left out (older clients send them; a resume is by
    /// `messageId`, checked against its owner). `lastChunk`: the last chunk index the client
    /// has, null or -1 for none.
    Resume {
        #[serde(default)]
        session_id: String,
        message_id: String,
        #[serde(default)]
        epoch: u32,
        #[serde(default, deserialize_with = "last_chunk")]
        last_chunk: Option<u32>,
    },
    Ping,
}

/// `lastChunk`: a chunk index, or null / -1 for "none yet"; anything else refused in the
/// protocol's words.
fn last_chunk<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    match Option::<i64>::deserialize(d)? {
        None | Some(-1) => Ok(None),
        Some(n) if (0..=u32::MAX as i64).contains(&n) => Ok(Some(n as u32)),
        Some(n) => Err(serde::de::Error::custom(format!(
            "`lastChunk` is {n}: it is the last chunk index you have (0 or more), or null (or -1) for none"
        ))),
    }
}

/// Server → client.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "lowercase", rename_all_fields = "camelCase")]
pub enum ServerFrame {
    Session {
        session_id: String,
        node_id: String,
        user_id: String,
    },
    Start {
        message_id: String,
        conversation_id: String,
        reply_to: String,
        epoch: u32,
    },
    Chunk {
        message_id: String,
        epoch: u32,
        index: u32,
        delta: String,
    },
    Done {
        message_id: String,
        total_chunks: u32,
        content_length: u64,
        stopped: bool,
    },
    Error {
        code: ErrorCode,
        message: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        message_id: Option<String>,
    },
    Reconnect {
        reason: String,
    },
    /// An operator's announcement (`chatctl announce`).
    Announcement {
        announcement_id: String,
        text: String,
    },
    Pong,
}

/// Stable error codes of `error` frames.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorCode {
    BadJson,
    UnknownType,
    InvalidFrame,
    FrameTooLarge,
    TooManyStreams,
    RateLimited,
    Busy,
    UnknownMessage,
    UpstreamError,
    TimeoutError,
    Draining,
    /// A resume of a message that belongs to another user.
    Forbidden,
    /// The resume state cannot be read right now (Redis unreachable); retry.
    Unavailable,
    /// The answer reached the node's size limit and was cut off there.
    AnswerTooLarge,
}

impl ErrorCode {
    pub fn as_str(&self) -> &'static str {
        match self {
            ErrorCode::BadJson => "BAD_JSON",
            ErrorCode::UnknownType => "UNKNOWN_TYPE",
            ErrorCode::InvalidFrame => "INVALID_FRAME",
            ErrorCode::FrameTooLarge => "FRAME_TOO_LARGE",
            ErrorCode::TooManyStreams => "TOO_MANY_STREAMS",
            ErrorCode::RateLimited => "RATE_LIMITED",
            ErrorCode::Busy => "BUSY",
            ErrorCode::UnknownMessage => "UNKNOWN_MESSAGE",
            ErrorCode::UpstreamError => "UPSTREAM_ERROR",
            ErrorCode::TimeoutError => "TIMEOUT_ERROR",
            ErrorCode::Draining => "DRAINING",
            ErrorCode::Forbidden => "FORBIDDEN",
            ErrorCode::Unavailable => "UNAVAILABLE",
            ErrorCode::AnswerTooLarge => "ANSWER_TOO_LARGE",
        }
    }

    /// The code an upstream failure kept in the resume state maps to.
    pub fn of_upstream(code: &str) -> ErrorCode {
        match code {
            "TIMEOUT_ERROR" => ErrorCode::TimeoutError,
            "ANSWER_TOO_LARGE" => ErrorCode::AnswerTooLarge,
            "DRAINING" => ErrorCode::Draining,
            _ => ErrorCode::UpstreamError,
        }
    }
}

impl ServerFrame {
    pub fn error(code: ErrorCode, message: impl Into<String>) -> Self {
        ServerFrame::Error { code, message: message.into(), message_id: None }
    }

    pub fn to_text(&self) -> String {
        serde_json::to_string(self).expect("frames always serialise")
    }
}

/// A chunk frame, borrowed: what [`ServerFrame::Chunk`] serialises to, from the answer's own
/// strings (the hot path builds no frame to drop it).
#[derive(Serialize)]
#[serde(tag = "type", rename = "chunk", rename_all = "camelCase")]
struct ChunkRef<'a> {
    message_id: &'a str,
    epoch: u32,
    index: u32,
    delta: &'a str,
}

/// The text of a chunk frame.
pub fn chunk_text(message_id: &str, epoch: u32, index: u32, delta: &str) -> String {
    serde_json::to_string(&ChunkRef { message_id, epoch, index, delta }).expect("frames always serialise")
}

const TYPES: [&str; 4] = ["chat", "stop", "resume", "ping"];

/// Parse one text frame, or say precisely what is wrong with it.
pub fn parse(text: &str, max_bytes: usize) -> Result<ClientFrame, ServerFrame> {
    if text.len() > max_bytes {
        return Err(ServerFrame::error(
            ErrorCode::FrameTooLarge,
            format!("frame is {} bytes; the limit is {max_bytes}", text.len()),
        ));
    }
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| ServerFrame::error(ErrorCode::BadJson, format!("not JSON: {e}")))?;
    let ty = value.get("type").and_then(|t| t.as_str()).map(str::to_owned).ok_or_else(|| {
        ServerFrame::error(ErrorCode::InvalidFrame, "missing string field `type` (chat, stop, resume, ping)")
    })?;
    if !TYPES.contains(&ty.as_str()) {
        return Err(ServerFrame::error(
            ErrorCode::UnknownType,
            format!("unknown frame type {ty:?} (expected chat, stop, resume or ping)"),
        ));
    }
    let frame: ClientFrame =
        serde_json::from_value(value).map_err(|e| ServerFrame::error(ErrorCode::InvalidFrame, format!("{ty}: {e}")))?;
    if let ClientFrame::Chat { content, .. } = &frame {
        if content.trim().is_empty() {
            return Err(ServerFrame::error(ErrorCode::InvalidFrame, "chat: `content` is empty"));
        }
    }
    Ok(frame)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> ErrorCode {
        match parse(text, 1024) {
            Err(ServerFrame::Error { code, .. }) => code,
            other => panic!("expected an error for {text}, got {other:?}"),
        }
    }

    #[test]
    fn parses_client_frames() {
        assert_eq!(
            parse(r#"{"type":"chat","conversationId":"c","content":"hi"}"#, 1024).unwrap(),
            ClientFrame::Chat { conversation_id: "c".into(), content: "hi".into() }
        );
        assert_eq!(parse(r#"{"type":"ping"}"#, 1024).unwrap(), ClientFrame::Ping);
        assert_eq!(
            parse(r#"{"type":"resume","sessionId":"s","messageId":"m","epoch":0,"lastChunk":3}"#, 1024).unwrap(),
            ClientFrame::Resume { session_id: "s".into(), message_id: "m".into(), epoch: 0, last_chunk: Some(3) }
        );
    }

    #[test]
    fn a_resume_needs_only_its_message_and_says_what_is_wrong_with_last_chunk() {
        assert_eq!(
            parse(r#"{"type":"resume","messageId":"m","lastChunk":-1}"#, 1024).unwrap(),
            ClientFrame::Resume { session_id: String::new(), message_id: "m".into(), epoch: 0, last_chunk: None }
        );
        assert_eq!(
            parse(r#"{"type":"resume","messageId":"m"}"#, 1024).unwrap(),
            ClientFrame::Resume { session_id: String::new(), message_id: "m".into(), epoch: 0, last_chunk: None }
        );
        match parse(r#"{"type":"resume","messageId":"m","lastChunk":-5}"#, 1024) {
            Err(ServerFrame::Error { code: ErrorCode::InvalidFrame, message, .. }) => {
                assert!(message.contains("`lastChunk` is -5: it is the last chunk index"), "{message}")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn every_bad_frame_has_a_stable_code() {
        assert_eq!(code("hello"), ErrorCode::BadJson);
        assert_eq!(code(r#"{"type":"dance"}"#), ErrorCode::UnknownType);
        assert_eq!(code(r#"{"content":"x"}"#), ErrorCode::InvalidFrame);
        assert_eq!(code(r#"{"type":"chat","content":"x"}"#), ErrorCode::InvalidFrame);
        assert_eq!(code(r#"{"type":"chat","conversationId":"c","content":"  "}"#), ErrorCode::InvalidFrame);
        assert_eq!(
            code(&format!(r#"{{"type":"chat","conversationId":"c","content":"{}"}}"#, "x".repeat(2000))),
            ErrorCode::FrameTooLarge
        );
    }

    #[test]
    fn server_frames_are_camel_case() {
        let f = ServerFrame::Chunk { message_id: "m".into(), epoch: 0, index: 2, delta: "hi".into() };
        assert_eq!(f.to_text(), r#"{"type":"chunk","messageId":"m","epoch":0,"index":2,"delta":"hi"}"#);
        assert_eq!(chunk_text("m", 0, 2, "hi"), f.to_text());
        let odd = ServerFrame::Chunk { message_id: "m\"1".into(), epoch: 3, index: 9, delta: "a\nb\u{1}é".into() };
        assert_eq!(chunk_text("m\"1", 3, 9, "a\nb\u{1}é"), odd.to_text());
        let e = ServerFrame::error(ErrorCode::Busy, "try later");
        assert_eq!(e.to_text(), r#"{"type":"error","code":"BUSY","message":"try later"}"#);
    }

    proptest::proptest! {
        /// Arbitrary text never panics the parser, and a refusal is always an `error`
        /// frame with one of the stable codes, the same code every time.
        #[test]
        fn arbitrary_text_gets_a_stable_answer(text in "\\PC{0,300}") {
            let first = parse(&text, 1024);
            let again = parse(&text, 1024);
            match (&first, &again) {
                (Ok(a), Ok(b)) => proptest::prop_assert_eq!(a, b),
                (Err(ServerFrame::Error { code: a, .. }), Err(ServerFrame::Error { code: b, .. })) => {
                    proptest::prop_assert_eq!(a, b);
                    proptest::prop_assert!(!a.as_str().is_empty());
                }
                other => proptest::prop_assert!(false, "not an error frame: {other:?}"),
            }
        }

        /// Frames that look almost right (known and unknown types, odd fields and values).
        #[test]
        fn near_miss_frames_get_a_stable_answer(
            ty in "(chat|ping|resume|stop|dance|)",
            fields in proptest::collection::vec(("[a-zA-Z]{1,14}", "(\"[^\"\\\\]{0,20}\"|-?[0-9]{1,12}|null|true|\\[\\]|\\{\\})"), 0..6),
        ) {
            let mut text = format!("{{\"type\":\"{ty}\"");
            for (k, v) in &fields {
                text.push_str(&format!(",\"{k}\":{v}"));
            }
            text.push('}');
            match parse(&text, 1024) {
                Ok(_) => {}
                Err(ServerFrame::Error { code, .. }) => proptest::prop_assert!(!code.as_str().is_empty()),
                Err(other) => proptest::prop_assert!(false, "not an error frame: {other:?}"),
            }
        }
    }
}
