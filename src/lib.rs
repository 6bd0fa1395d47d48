//! chatctl: multi-node LLM chat streaming with Kafka as the event backbone, and the
//! operator tooling that runs and debugs it.

pub mod config;
pub mod error;
pub mod events;
#[doc(hidden)]
pub mod fuzzing;
pub mod kafka;

pub use error::{Error, Result};
pub mod gateway;
pub mod llm;
pub mod metrics;
pub mod node;
pub mod ops;
pub mod quarantine;
pub mod realtime;
pub mod retry;
pub mod security;
pub mod store;
pub mod time;
pub mod tui;
pub mod workers;
