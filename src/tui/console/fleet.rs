//! What the console knows of the fleet: every node seen (with its last two beats, for
//! rates), the answers in flight, and what happened between polls (a node lost, an answer
//! taken over), from the Redis poller's snapshots.

use std::collections::{BTreeMap, HashMap, VecDeque};

use crate::realtime::fleet::{InFlight, NodeBeat};

/// From the fleet poller.
#[derive(Debug, Clone)]
pub enum FleetUpdate {
    /// The registry read at this time (ms since the epoch), with (every other poll) the
    /// answers in flight and (every few polls) the recent answers, ended ones too; `None`:
    /// not read this time, the last ones stand.
    Snapshot { at_ms: i64, nodes: Vec<NodeBeat>, in_flight: Option<Vec<InFlight>>, recent: Option<Vec<InFlight>> },
    /// The answers a screen shows, read afresh at this time between reads of the whole
    /// list: they replace their rows in place.
    Rows(Vec<InFlight>, i64),
    /// Reading failed at this time: the panels keep what they have, marked stale.
    Failed(String, i64),
}

/// A node's health as the console judges it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Health {
    Up,
    Draining,
    /// No beat for longer than its lease TTL: its answers are being taken over.
    Lost,
}

impl Health {
    pub fn as_str(self) -> &'static str {
        match self {
            Health::Up => "UP",
            Health::Draining => "DRAINING",
            Health::Lost => "LOST",
        }
    }
}

/// A node as last seen.
#[derive(Debug, Clone)]
pub struct NodeView {
    pub beat: NodeBeat,
    pub prev: Option<NodeBeat>,
    pub health: Health,
}

impl NodeView {
    /// Per second between the last two beats of `figure`.
    fn rate(&self, figure: impl Fn(&NodeBeat) -> u64) -> Option<f64> {
        let prev = self.prev.as_ref()?;
        let dt = (self.beat.beat_ms - prev.beat_ms) as f64 / 1000.0;
        (dt > 0.0 && self.health != Health::Lost).then(|| figure(&self.beat).saturating_sub(figure(prev)) as f64 / dt)
    }

    pub fn deliveries_per_s(&self) -> Option<f64> {
        self.rate(|b| b.chunks_sent)
    }

    pub fn events_per_s(&self) -> Option<f64> {
        self.rate(|b| b.events_published)
    }
}

/// Something that happened in the fleet, as the operator reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FleetEvent {
    pub at_ms: i64,
    /// NODE_LOST, NODE_BACK, STREAM_RESUMED, NODE_JOINED.
    pub kind: &'static str,
    pub text: String,
}

const EVENTS_KEPT: usize = 200;

#[derive(Debug, Clone, Default)]
pub struct FleetState {
    pub updated_ms: Option<i64>,
    pub failing: Option<(i64, String)>,
    pub nodes: BTreeMap<String, NodeView>,
    pub in_flight: Vec<InFlight>,
    /// Recent answers (generating or ended), for `:sessions`.
    pub recent: Vec<InFlight>,
    /// The newest first.
    pub events: VecDeque<FleetEvent>,
    /// When the answers in flight were read (their ages count to it).
    pub in_flight_ms: i64,
    /// Grows whenever what the lists show changes (answers read, a node's health): views
    /// built from this state are kept while it stands ([`super::grid::ViewCache`]).
    pub generation: u64,
    /// Grows at each [`FleetUpdate::Rows`]; `refreshed` names its answers, `rows_ms` its
    /// time: views patch those rows in place.
    pub rows_stamp: u64,
    pub refreshed: std::collections::HashSet<String>,
    pub rows_ms: i64,
    /// Where each answer in flight is in `in_flight`.
    index: HashMap<String, usize>,
    /// Each answer's owner and epoch at the last snapshot.
    owners: HashMap<String, (String, u32)>,
}

impl FleetState {
    pub fn apply(&mut self, u: FleetUpdate) {
        match u {
            FleetUpdate::Snapshot { at_ms, nodes, in_flight, recent } => {
                self.snapshot(at_ms, nodes, in_flight);
                if let Some(r) = recent {
                    self.recent = r;
                    self.generation += 1;
                }
            }
            FleetUpdate::Rows(answers, at_ms) => self.rows(answers, at_ms),
            FleetUpdate::Failed(e, at) => match &mut self.failing {
                Some(f) => f.1 = e,
                None => self.failing = Some((at, e)),
            },
        }
    }

    fn snapshot(&mut self, at_ms: i64, nodes: Vec<NodeBeat>, in_flight: Option<Vec<InFlight>>) {
        let first = self.updated_ms.is_none();
        self.updated_ms = Some(at_ms);
        self.failing = None;
        let mut present = std::collections::HashSet::new();
        let mut changes = Vec::new();
        for beat in nodes {
            present.insert(beat.node.clone());
            match self.nodes.get_mut(&beat.node) {
                Some(v) if v.beat.beat_ms != beat.beat_ms => {
                    // Takeovers as the node counts them, once per new beat, whatever the
                    // answers list shows.
                    let took = beat.takeovers.saturating_sub(v.beat.takeovers);
                    if took > 0 {
                        changes.push(("STREAM_RESUMED", format!("{} took over {took} answer(s)", beat.node)));
                    }
                    if beat.redis_degraded != v.beat.redis_degraded {
                        changes.push(match beat.redis_degraded.as_str() {
                            "" => ("REDIS_OK", format!("{}: Redis can fail over again", beat.node)),
                            why => ("REDIS_DEGRADED", format!("{}: redis degraded: {why}", beat.node)),
                        });
                    }
                    v.prev = Some(std::mem::replace(&mut v.beat, beat));
                }
                Some(_) => {}
                None => {
                    if !first {
                        self.event(at_ms, "NODE_JOINED", format!("{} joined ({})", beat.node, beat.listen));
                    }
                    let view = NodeView { beat, prev: None, health: Health::Up };
                    self.nodes.insert(view.beat.node.clone(), view);
                }
            }
        }
        let mut generation = self.generation;
        for v in self.nodes.values_mut() {
            let ttl = v.beat.lease_ttl_ms.max(1000) as i64;
            let silent = !present.contains(&v.beat.node) || at_ms - v.beat.beat_ms > ttl;
            let health = match (silent, v.beat.draining) {
                (true, _) => Health::Lost,
                (false, true) => Health::Draining,
                (false, false) => Health::Up,
            };
            if v.health != health {
                generation += 1;
            }
            match (v.health == Health::Lost, health == Health::Lost) {
                (false, true) => changes.push(("NODE_LOST", format!("{} stopped heart-beating", v.beat.node))),
                (true, false) => changes.push(("NODE_BACK", format!("{} is beating again", v.beat.node))),
                _ => {}
            }
            v.health = health;
        }
        self.generation = generation;
        for (kind, text) in changes {
            self.event(at_ms, kind, text);
        }
        if let Some(in_flight) = in_flight {
            self.takeovers(at_ms, &in_flight);
            self.index = in_flight.iter().enumerate().map(|(i, a)| (a.message_id.clone(), i)).collect();
            self.in_flight = in_flight;
            self.in_flight_ms = at_ms;
            self.generation += 1;
        }
    }

    /// Answers read afresh replace theirs (an answer not in the list since its last read
    /// waits for the next one); an owner changed is a takeover, as in a full read.
    fn rows(&mut self, answers: Vec<InFlight>, at_ms: i64) {
        self.refreshed.clear();
        for a in answers {
            let Some(&i) = self.index.get(&a.message_id) else { continue };
            self.moved(at_ms, &a);
            self.owners.insert(a.message_id.clone(), (a.owner.clone(), a.epoch));
            self.refreshed.insert(a.message_id.clone());
            self.in_flight[i] = a;
        }
        self.rows_ms = at_ms;
        self.rows_stamp += 1;
    }

    /// The answer in flight with this id.
    pub fn answer(&self, message_id: &str) -> Option<&InFlight> {
        self.index.get(message_id).and_then(|&i| self.in_flight.get(i))
    }

    /// An answer whose owner changed since the last snapshot was taken over (or handed over).
    fn takeovers(&mut self, at_ms: i64, in_flight: &[InFlight]) {
        let mut owners = HashMap::with_capacity(in_flight.len());
        for f in in_flight {
            self.moved(at_ms, f);
            owners.insert(f.message_id.clone(), (f.owner.clone(), f.epoch));
        }
        self.owners = owners;
    }

    /// A STREAM_RESUMED event when `a`'s owner differs from the one last seen.
    fn moved(&mut self, at_ms: i64, a: &InFlight) {
        if let Some((was, _)) = self.owners.get(&a.message_id) {
            if *was != a.owner {
                let text = format!("{} moved {} → {} (epoch {})", a.message_id, was, a.owner, a.epoch);
                self.event(at_ms, "STREAM_RESUMED", text);
            }
        }
    }

    fn event(&mut self, at_ms: i64, kind: &'static str, text: String) {
        self.events.push_front(FleetEvent { at_ms, kind, text });
        self.events.truncate(EVENTS_KEPT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub fn beat(node: &str, at: i64, chunks: u64) -> NodeBeat {
        NodeBeat {
            node: node.into(),
            listen: format!("127.0.0.1:80{}", node.len()),
            beat_ms: at,
            lease_ttl_ms: 2000,
            chunks_sent: chunks,
            ..Default::default()
        }
    }

    fn flight(id: &str, owner: &str, epoch: u32) -> InFlight {
        InFlight { message_id: id.into(), owner: owner.into(), epoch, state: "generating".into(), ..Default::default() }
    }

    fn snap(at_ms: i64, nodes: Vec<NodeBeat>, in_flight: Vec<InFlight>) -> FleetUpdate {
        FleetUpdate::Snapshot { at_ms, nodes, in_flight: Some(in_flight), recent: None }
    }

    #[test]
    fn rates_come_from_two_beats() {
        let mut s = FleetState::default();
        s.apply(snap(1000, vec![beat("n1", 1000, 100)], vec![]));
        assert_eq!(s.nodes["n1"].deliveries_per_s(), None);
        s.apply(snap(3000, vec![beat("n1", 3000, 500)], vec![]));
        assert_eq!(s.nodes["n1"].deliveries_per_s(), Some(200.0));
    }

    #[test]
    fn a_silent_node_is_lost_after_its_lease_ttl_and_its_answers_move() {
        let mut s = FleetState::default();
        s.apply(snap(1000, vec![beat("n1", 1000, 0), beat("n2", 1000, 0)], vec![flight("m1", "n1", 0)]));
        // n1's key is still there, its beat 1.5 s old: not yet lost.
        s.apply(snap(2500, vec![beat("n1", 1000, 0), beat("n2", 2500, 0)], vec![flight("m1", "n1", 0)]));
        assert_eq!(s.nodes["n1"].health, Health::Up);
        // 2.5 s without a beat (TTL 2 s): lost, and its answer continues on n2.
        s.apply(snap(3500, vec![beat("n2", 3500, 0)], vec![flight("m1", "n2", 1)]));
        assert_eq!(s.nodes["n1"].health, Health::Lost);
        let kinds: Vec<&str> = s.events.iter().map(|e| e.kind).collect();
        assert_eq!(kinds, ["STREAM_RESUMED", "NODE_LOST"]);
        // n2 counts the takeover in its next beat: said once, however often it is read.
        let mut took = beat("n2", 4000, 0);
        took.takeovers = 1;
        s.apply(snap(4000, vec![took.clone()], vec![flight("m1", "n2", 1)]));
        s.apply(snap(4200, vec![took], vec![flight("m1", "n2", 1)]));
        assert_eq!(s.events.iter().filter(|e| e.text == "n2 took over 1 answer(s)").count(), 1, "{:?}", s.events);
        assert!(s.events[1].text.contains("m1 moved n1 → n2 (epoch 1)"), "{:?}", s.events);
        assert_eq!(s.nodes["n1"].deliveries_per_s(), None, "a lost node has no rate");
        // It comes back.
        s.apply(snap(4500, vec![beat("n1", 4500, 0), beat("n2", 4500, 0)], vec![]));
        assert_eq!(s.nodes["n1"].health, Health::Up);
        assert_eq!(s.events[0].kind, "NODE_BACK");
    }

    #[test]
    fn a_failed_poll_keeps_the_figures_and_says_since_when() {
        let mut s = FleetState::default();
        s.apply(snap(1000, vec![beat("n1", 1000, 0)], vec![]));
        s.apply(FleetUpdate::Failed("redis down".into(), 2000));
        s.apply(FleetUpdate::Failed("still down".into(), 3000));
        assert_eq!(s.failing, Some((2000, "still down".into())));
        assert_eq!(s.nodes.len(), 1);
    }
}
