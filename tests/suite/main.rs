//! The integration suite's one binary for the operator commands, the workers and the
//! stores (each module was a test binary of its own; one binary links rdkafka, tantivy and
//! ratatui once instead of thirteen times). The fault suites (`chaos`, `faults`,
//! `hardening`, `nemesis`), the gateway's, the timing-sensitive ones (`lag_truth`,
//! `tui_tmux`) and the fast tier's (`cli`, `fuzz_regressions`) stay binaries of their own.
//!
//! One module: `cargo test --test suite workers::`; one test:
//! `cargo test --test suite -- workers::the_test_name --exact`.

#[path = "../common/mod.rs"]
mod common;

mod alerts;
mod contexts;
mod events_kafka;
mod groups_lag_dlq;
mod operator;
mod reset_offsets;
mod run_script;
mod search;
mod secure;
mod store_backends;
mod summaries;
mod toolkit;
mod workers;
