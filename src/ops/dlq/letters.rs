//! The dead letters of a read, in arrival order, with what the receipts say of them.

use super::*;

/// Dead letters in arrival order, receipts applied (a receipt may come first: another
/// partition read faster).
#[derive(Debug, Clone, Default)]
pub struct Letters {
    pub list: Vec<DeadLetter>,
    index: HashMap<(String, i32, i64), usize>,
    receipts: HashSet<(String, i32, i64)>,
    /// The letters of one origin record in one DLQ partition (copies), by index.
    copies: HashMap<(String, i32, String), Vec<usize>>,
    redriven: usize,
}

impl Letters {
    /// How many letters were re-driven (kept as they are marked: a screen asks every draw).
    pub fn redriven(&self) -> usize {
        self.redriven
    }

    pub fn apply(&mut self, e: Entry) {
        match e {
            Entry::Letter(mut l) => {
                let id = l.id();
                if self.index.contains_key(&id) {
                    return;
                }
                let i = self.list.len();
                let group = l.origin_key().map(|o| (l.dlq_topic.clone(), l.partition, o));
                let mut redriven = self.receipts.contains(&id);
                if let Some(g) = &group {
                    let members = self.copies.entry(g.clone()).or_default();
                    if let Some(&first) = members.first() {
                        l.first_copy = Some(self.list[first].offset);
                        redriven |= self.list[first].redriven;
                    }
                    members.push(i);
                }
                l.redriven = redriven;
                self.redriven += usize::from(l.redriven);
                self.index.insert(id, i);
                self.list.push(*l);
                if redriven {
                    self.mark(i);
                }
            }
            Entry::Receipt(t, p, o) => {
                let id = (t, p, o);
                if let Some(&i) = self.index.get(&id) {
                    self.mark(i);
                }
                self.receipts.insert(id);
            }
        }
    }

    /// Letter `i` and its copies re-driven.
    fn mark(&mut self, i: usize) {
        let l = &self.list[i];
        let group = l.origin_key().map(|o| (l.dlq_topic.clone(), l.partition, o));
        let members = group.and_then(|g| self.copies.get(&g)).cloned().unwrap_or_else(|| vec![i]);
        for j in members {
            self.redriven += usize::from(!self.list[j].redriven);
            self.list[j].redriven = true;
        }
    }
}
