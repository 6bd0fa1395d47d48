//! A node's workers: which handler each kind is, built from what it needs. `serve
//! --workers` and `replay --into` both build theirs here.

use std::path::PathBuf;
use std::sync::Arc;

use crate::error::Result;
use crate::llm::Llm;
use crate::metrics::Metrics;
use crate::store::Store;
use crate::workers::analytics::Analytics;
use crate::workers::audit::Audit;
use crate::workers::notify::{AlertSettings, Channel, Notify};
use crate::workers::search::{Search, SearchIndex};
use crate::workers::summary::Summary;
use crate::workers::training::Training;
use crate::workers::Handler;

/// The background workers a node can run (the binary's `--workers` names them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkerKind {
    Audit,
    Analytics,
    /// Chat messages into a full-text index (per node: reads every partition)
    Search,
    /// Alerts on failed and slow answers, grouped (needs --notify-url or --smtp-url)
    Notify,
    /// Chat messages into the store for `chatctl training export`
    Training,
    /// A summary of each conversation after every turn (`chatctl summaries`)
    Summary,
}

impl WorkerKind {
    /// Whether this worker writes to the store (all but search, which keeps an index).
    pub fn needs_store(self) -> bool {
        !matches!(self, WorkerKind::Search)
    }
}

/// What the workers are built from.
pub struct WorkerDeps {
    /// The store (every worker but search).
    pub store: Option<Store>,
    /// The search worker's index directory.
    pub search_index: PathBuf,
    pub node_id: String,
    pub metrics: Arc<Metrics>,
    /// The model the summary worker writes with, and its name.
    pub summary_model: (Arc<dyn Llm>, String),
    /// The notifier's channels (taken by the one notifier) and settings.
    pub alert_channels: Vec<Channel>,
    pub alerts: AlertSettings,
}

/// The handler of `kind`. A notifier also starts its sweeper (the digests due).
pub fn handler(kind: WorkerKind, deps: &mut WorkerDeps) -> Result<Arc<dyn Handler>> {
    let given = deps.store.clone();
    let store = || given.clone().ok_or_else(|| crate::Error::config(format!("the {kind:?} worker needs a store")));
    Ok(match kind {
        WorkerKind::Audit => Arc::new(Audit { store: store()? }),
        WorkerKind::Analytics => Arc::new(Analytics { store: store()?, metrics: deps.metrics.clone() }),
        WorkerKind::Search => Arc::new(Search::new(SearchIndex::open(&deps.search_index)?, &deps.node_id)),
        WorkerKind::Notify => {
            let n = Notify::new(store()?, std::mem::take(&mut deps.alert_channels), deps.alerts.clone());
            n.spawn_sweeper();
            Arc::new(n)
        }
        WorkerKind::Training => Arc::new(Training { store: store()? }),
        WorkerKind::Summary => {
            let (llm, model) = deps.summary_model.clone();
            Arc::new(Summary { store: store()?, llm, model })
        }
    })
}
