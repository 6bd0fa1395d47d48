//! `chatctl ui`: one console for the whole system, k9s's way. Screens are registered in one
//! table ([`SCREENS`]); `:name` switches (Tab completes), Enter drills in, Esc goes back one
//! level and never quits, `?` lists every key of the screen shown, `q` or Ctrl-C quits.
//!
//! Each data source has one poller (a thread of the command) whose updates arrive over one
//! channel; screens are pure renders of the shared data and their own list state, so a dead
//! Redis or broker shows as "stale since" on the panels it feeds, never as a frozen screen.

/// What every list screen's [`Pane`] says alike: its crumb, its keys for `?`, and its grid
/// (the pane's `grid` field). Written once here, used inside each `impl Pane`.
macro_rules! list_pane {
    ($crumb:expr, $keys:expr) => {
        fn crumb(&self) -> String {
            $crumb.into()
        }

        fn help(&self) -> Vec<String> {
            super::key_lines($keys)
        }

        fn grid(&self) -> Option<&super::grid::Grid> {
            Some(&self.grid)
        }

        fn grid_mut(&mut self) -> Option<&mut super::grid::Grid> {
            Some(&mut self.grid)
        }
    };
}

pub mod fleet;
pub mod grid;
pub mod nodes;
pub mod panes;
pub mod player;
pub mod session;
pub mod sessions;
pub mod stalls;
pub mod streams;
pub mod topics;

#[cfg(test)]
mod tests;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use crate::tui::dlq::{DlqState, DlqUpdate};
use crate::tui::lag::{LagState, LagUpdate};
pub use crate::tui::request::Request;
use crate::tui::text::clock;
use crate::tui::{Flow, Screen};
use fleet::{FleetState, FleetUpdate};
use grid::Grid;
use nodes::NodesPane;
use session::{SessionPane, TimelineUpdate};
use sessions::SessionsPane;
use stalls::{StallsPane, StallsUpdate};
use streams::StreamsPane;
use topics::{TopicsPane, TopicsUpdate};

/// The console's screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScreenId {
    Nodes,
    Streams,
    Groups,
    Dlq,
    Topics,
    Sessions,
    Session,
    Stalls,
}

/// One registered screen: the names `:` takes (the first is its own) and what it shows.
pub struct ScreenDef {
    pub id: ScreenId,
    pub names: &'static [&'static str],
    pub about: &'static str,
}

pub const SCREENS: [ScreenDef; 8] = [
    ScreenDef { id: ScreenId::Nodes, names: &["nodes", "no"], about: "every node: load, latency, workers, takeovers" },
    ScreenDef { id: ScreenId::Streams, names: &["streams", "st"], about: "answers in flight across the fleet" },
    ScreenDef {
        id: ScreenId::Sessions,
        names: &["sessions", "se"],
        about: "recent sessions, by last activity (Enter: the timeline)",
    },
    ScreenDef {
        id: ScreenId::Groups,
        names: &["groups", "lag", "gr"],
        about: "consumer groups: lag, seconds, Burrow's status",
    },
    ScreenDef { id: ScreenId::Dlq, names: &["dlq"], about: "dead letters: detail, re-drive, export" },
    ScreenDef {
        id: ScreenId::Topics,
        names: &["topics", "to"],
        about: "topics: partitions, records, rate in, the groups reading each",
    },
    ScreenDef {
        id: ScreenId::Stalls,
        names: &["stalls", "sl"],
        about: "every wait of the users in a window, with its cause (Enter: the timeline)",
    },
    ScreenDef {
        id: ScreenId::Session,
        names: &["session"],
        about: "one session's timeline, live (Enter on an answer in :streams)",
    },
];

impl ScreenId {
    pub fn name(self) -> &'static str {
        SCREENS.iter().find(|d| d.id == self).map(|d| d.names[0]).unwrap_or("?")
    }
}

/// The screen whose name (or the one screen whose name starts with) `typed`.
pub fn resolve(typed: &str) -> Option<ScreenId> {
    let typed = typed.trim().trim_start_matches(':');
    if let Some(d) = SCREENS.iter().find(|d| d.names.contains(&typed)) {
        return Some(d.id);
    }
    let mut starts = SCREENS.iter().filter(|d| !typed.is_empty() && d.names.iter().any(|n| n.starts_with(typed)));
    match (starts.next(), starts.next()) {
        (Some(d), None) => Some(d.id),
        _ => None,
    }
}

/// What a key did in a screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    Done,
    /// Not this screen's key.
    Ignored,
    /// Drill into another screen, with this for it (a list's filter, the session to show).
    Open(ScreenId, Option<String>),
    /// Something for the command's workers to read or do.
    Ask(Request),
}

/// A screen of the console.
pub trait Pane {
    /// Its place in the breadcrumb (`groups › chatctl-audit` once drilled in).
    fn crumb(&self) -> String;
    /// Its own keys and notes, for `?`.
    fn help(&self) -> Vec<String>;
    /// The list it shows through the console's grid, if it is one: the defaults below
    /// read it.
    fn grid(&self) -> Option<&Grid> {
        None
    }
    fn grid_mut(&mut self) -> Option<&mut Grid> {
        None
    }
    /// Typing (a filter, a confirmation): every key is its.
    fn capturing(&self) -> bool {
        self.grid().is_some_and(|g| g.editing)
    }
    /// Esc: leave an inner level or clear the filter; false when there is nothing to undo.
    fn back(&mut self) -> bool {
        self.grid_mut().is_some_and(|g| g.back())
    }
    fn key(&mut self, k: &KeyEvent, fleet: &FleetState) -> Reply;
    fn render(&self, f: &mut Frame, area: Rect, fleet: &FleetState);
    /// Arrive from another screen with `arg` (a list's filter; the session to show).
    fn arrive(&mut self, arg: String) {
        if let Some(g) = self.grid_mut() {
            g.filter = arg;
            g.cursor = 0;
        }
    }
}

/// What the screen shown needs from the pollers (bits): the heartbeats at full rate
/// (`:nodes`), the answers in flight (`:streams`), the recent answers (`:sessions`), lag at full rate
/// (`:groups`, `:topics`). Reading 10,000 answers or 200 groups' offsets costs; a screen
/// that does not show them does not pay for them.
pub const WANT_IN_FLIGHT: u8 = 1;
pub const WANT_RECENT: u8 = 2;
/// The lag poller at its full rate (`:groups`, `:topics`); otherwise it polls now and then.
pub const WANT_LAG: u8 = 4;
/// The topics poller at its full rate (`:topics`); otherwise now and then.
pub const WANT_TOPICS: u8 = 8;
/// The heartbeats twice a second (`:nodes`); once a second otherwise.
pub const WANT_NODES: u8 = 16;
/// The stalls reader (`:stalls`); it reads nothing otherwise.
pub const WANT_STALLS: u8 = 32;

/// From the pollers.
#[derive(Debug, Clone)]
pub enum Update {
    Fleet(FleetUpdate),
    Lag(LagUpdate),
    Dlq(DlqUpdate),
    Timeline(TimelineUpdate),
    Topics(TopicsUpdate),
    Stalls(StallsUpdate),
}

pub struct Console {
    pub fleet: FleetState,
    /// Whether a Redis is configured: without it the fleet screens say so.
    pub redis: bool,
    pub nodes: NodesPane,
    pub streams: StreamsPane,
    pub session: SessionPane,
    pub sessions: SessionsPane,
    pub topics: TopicsPane,
    pub stalls: StallsPane,
    /// Where screens' requests go (the command's workers); none in tests that watch them.
    pub requests: Option<std::sync::mpsc::Sender<Request>>,
    /// What the fleet poller should read for the screen shown ([`WANT_IN_FLIGHT`], ...).
    pub interest: std::sync::Arc<std::sync::atomic::AtomicU8>,
    pub groups: LagState,
    /// None: no `*.dlq` topic to follow.
    pub dlq: Option<DlqState>,
    /// The breadcrumb: the screens opened, the one shown last.
    pub stack: Vec<ScreenId>,
    /// `:` typed so far.
    pub command: Option<String>,
    pub help: bool,
    pub message: Option<String>,
}

const GLOBAL_KEYS: &[(&str, &str)] = &[
    (":name", "switch screen (Tab completes): :nodes :streams :sessions :stalls :groups :dlq :topics"),
    ("Esc", "back one level (clears a filter first); never quits"),
    ("/", "filter: a regex, !regex keeps the rows that do not match"),
    ("j/k ↑/↓", "move; PgUp/PgDn a page; Ctrl-d/u half a page; g/G top/bottom"),
    ("space", "mark a row"),
    ("?", "this help (any key closes it)"),
    ("q Ctrl-C", "quit"),
];

impl Console {
    pub fn new(start: ScreenId, redis: bool, groups: LagState, dlq: Option<DlqState>) -> Console {
        Console {
            fleet: FleetState::default(),
            redis,
            nodes: NodesPane::default(),
            streams: StreamsPane::default(),
            session: SessionPane::default(),
            sessions: SessionsPane::default(),
            topics: TopicsPane::default(),
            stalls: StallsPane::default(),
            requests: None,
            interest: std::sync::Arc::new(std::sync::atomic::AtomicU8::new(wants(start))),
            groups,
            dlq,
            stack: vec![start],
            command: None,
            help: false,
            message: None,
        }
    }

    pub fn top(&self) -> ScreenId {
        *self.stack.last().expect("the stack always holds a screen")
    }

    fn pane(&self, id: ScreenId) -> Option<&dyn Pane> {
        match id {
            ScreenId::Nodes => Some(&self.nodes),
            ScreenId::Streams => Some(&self.streams),
            ScreenId::Session => Some(&self.session),
            ScreenId::Sessions => Some(&self.sessions),
            ScreenId::Topics => Some(&self.topics),
            ScreenId::Stalls => Some(&self.stalls),
            ScreenId::Groups => Some(&self.groups),
            ScreenId::Dlq => self.dlq.as_ref().map(|d| d as &dyn Pane),
        }
    }

    fn pane_mut(&mut self, id: ScreenId) -> Option<&mut dyn Pane> {
        match id {
            ScreenId::Nodes => Some(&mut self.nodes),
            ScreenId::Streams => Some(&mut self.streams),
            ScreenId::Session => Some(&mut self.session),
            ScreenId::Sessions => Some(&mut self.sessions),
            ScreenId::Topics => Some(&mut self.topics),
            ScreenId::Stalls => Some(&mut self.stalls),
            ScreenId::Groups => Some(&mut self.groups),
            ScreenId::Dlq => self.dlq.as_mut().map(|d| d as &mut dyn Pane),
        }
    }

    /// Show `id` on top (back to it when it is already in the breadcrumb).
    pub fn open(&mut self, id: ScreenId) {
        if self.pane(id).is_none() {
            self.message = Some(format!(":{} has nothing to show (no *.dlq topic)", id.name()));
            return;
        }
        match self.stack.iter().position(|s| *s == id) {
            Some(i) => self.stack.truncate(i + 1),
            None => self.stack.push(id),
        }
        if id == ScreenId::Topics {
            self.topics.read_by(&self.groups.model);
        }
        if id == ScreenId::Stalls && !self.stalls.asked {
            let r = self.stalls.request();
            self.ask(r);
        }
    }

    fn command_key(&mut self, k: &KeyEvent) {
        let Some(typed) = self.command.as_mut() else { return };
        match k.code {
            KeyCode::Esc => self.command = None,
            KeyCode::Backspace => {
                typed.pop();
            }
            KeyCode::Tab => {
                if let Some(n) = completions(typed).first() {
                    *typed = n.to_string();
                }
            }
            KeyCode::Enter => {
                let typed = self.command.take().unwrap_or_default();
                match resolve(&typed) {
                    Some(id) => self.open(id),
                    None => self.message = Some(format!("no screen {typed:?}: {}", names().join(" "))),
                }
            }
            KeyCode::Char(c) => typed.push(c),
            _ => {}
        }
    }

    fn handle(&mut self, k: KeyEvent) -> Flow {
        let flow = self.route(k);
        self.interest.store(wants(self.top()), std::sync::atomic::Ordering::Relaxed);
        flow
    }

    fn route(&mut self, k: KeyEvent) -> Flow {
        if crate::tui::is_interrupt(&k) {
            return Flow::Quit;
        }
        if self.command.is_some() {
            self.command_key(&k);
            return Flow::Continue;
        }
        if self.help {
            self.help = false;
            return Flow::Continue;
        }
        let top = self.top();
        let capturing = self.pane(top).is_some_and(|p| p.capturing());
        if !capturing {
            match k.code {
                KeyCode::Char('q') => return Flow::Quit,
                KeyCode::Char(':') => {
                    self.command = Some(String::new());
                    self.message = None;
                    return Flow::Continue;
                }
                KeyCode::Char('?') => {
                    self.help = true;
                    return Flow::Continue;
                }
                KeyCode::Esc => {
                    let undone = self.pane_mut(top).is_some_and(|p| p.back());
                    if !undone && self.stack.len() > 1 {
                        self.stack.pop();
                    }
                    self.message = None;
                    return Flow::Continue;
                }
                _ => {}
            }
        }
        let fleet = std::mem::take(&mut self.fleet);
        let reply = self.pane_mut(top).map(|p| p.key(&k, &fleet)).unwrap_or(Reply::Ignored);
        self.fleet = fleet;
        match reply {
            Reply::Open(id, arg) => {
                self.open(id);
                if let (Some(arg), Some(p)) = (arg.clone(), self.pane_mut(id)) {
                    p.arrive(arg);
                }
                if let (ScreenId::Session, Some(session)) = (id, arg) {
                    self.ask(Request::Session(session));
                }
            }
            Reply::Ask(r) => self.ask(r),
            Reply::Done | Reply::Ignored => {}
        }
        Flow::Continue
    }

    fn ask(&mut self, r: Request) {
        if let Some(tx) = &self.requests {
            if tx.send(r).is_err() {
                self.message = Some("the console's workers have stopped".into());
            }
        }
    }

    fn crumbs(&self) -> String {
        self.stack.iter().filter_map(|id| self.pane(*id).map(|p| p.crumb())).collect::<Vec<_>>().join(" › ")
    }

    fn status(&self) -> Line<'static> {
        let mut spans = vec![
            Span::styled(" chatctl ui ", Style::default().add_modifier(Modifier::BOLD | Modifier::REVERSED)),
            Span::raw(format!(" {} ", self.crumbs())),
        ];
        let fleet = match (self.redis, self.fleet.updated_ms, &self.fleet.failing) {
            (false, _, _) => Span::styled(" fleet: no Redis (--redis) ", Style::default().fg(Color::Yellow)),
            (true, _, Some((since, e))) => {
                Span::styled(format!(" fleet: STALE since {}: {e} ", clock(*since)), Style::default().fg(Color::Red))
            }
            (true, Some(t), None) => Span::raw(format!(" fleet: {} ", clock(t))),
            (true, None, None) => Span::raw(" fleet: waiting for Redis… "),
        };
        spans.push(fleet);
        if let Some(m) = &self.message {
            spans.push(Span::styled(format!(" {m}"), Style::default().fg(Color::Cyan)));
        }
        Line::from(spans)
    }

    fn bottom(&self) -> Line<'static> {
        match &self.command {
            Some(typed) => {
                let hint = completions(typed).join(" ");
                Line::from(vec![
                    Span::raw(format!(":{typed}▏ ")),
                    Span::styled(hint, Style::default().fg(Color::DarkGray)),
                ])
            }
            None => Line::styled(
                " :screen  Enter drill  Esc back  / filter  space mark  ? help  q quit",
                Style::default().add_modifier(Modifier::REVERSED),
            ),
        }
    }

    fn help_lines(&self) -> Vec<Line<'static>> {
        let mut lines =
            vec![Line::styled(format!("{} — keys", self.crumbs()), Style::default().add_modifier(Modifier::BOLD))];
        if let Some(p) = self.pane(self.top()) {
            lines.extend(p.help().into_iter().map(Line::raw));
        }
        lines.push(Line::raw(""));
        lines.extend(key_lines(GLOBAL_KEYS).into_iter().map(Line::raw));
        lines.push(Line::raw(""));
        lines.extend(SCREENS.iter().map(|d| Line::raw(format!(":{:<9} {}", d.names[0], d.about))));
        lines
    }
}

/// What `screen` needs the pollers to read.
fn wants(screen: ScreenId) -> u8 {
    match screen {
        ScreenId::Streams => WANT_IN_FLIGHT,
        ScreenId::Sessions => WANT_RECENT,
        ScreenId::Groups => WANT_LAG,
        ScreenId::Topics => WANT_LAG | WANT_TOPICS,
        ScreenId::Nodes => WANT_NODES,
        ScreenId::Stalls => WANT_STALLS,
        _ => 0,
    }
}

/// `keys` as help lines.
pub fn key_lines(keys: &[(&str, &str)]) -> Vec<String> {
    keys.iter().map(|(k, what)| format!("{k:<10} {what}")).collect()
}

fn names() -> Vec<&'static str> {
    SCREENS.iter().map(|d| d.names[0]).collect()
}

/// The screens `typed` could be, by their first name.
fn completions(typed: &str) -> Vec<&'static str> {
    SCREENS.iter().filter(|d| d.names.iter().any(|n| n.starts_with(typed.trim()))).map(|d| d.names[0]).collect()
}

impl Screen for Console {
    type Update = Update;

    fn update(&mut self, update: Update) {
        match update {
            Update::Fleet(u) => self.fleet.apply(u),
            Update::Lag(u) => {
                self.groups.apply(u);
                if self.top() == ScreenId::Topics {
                    self.topics.read_by(&self.groups.model);
                }
            }
            Update::Topics(u) => self.topics.apply(u),
            Update::Dlq(u) => {
                if let Some(d) = &mut self.dlq {
                    d.apply(u)
                }
            }
            Update::Timeline(u) => self.session.apply(u),
            Update::Stalls(u) => self.stalls.apply(u),
        }
    }

    fn key(&mut self, key: KeyEvent) -> Flow {
        self.handle(key)
    }

    fn tick(&mut self) -> bool {
        let top = self.top();
        match (&mut self.session.player, top) {
            (Some(p), ScreenId::Session) => p.tick(),
            _ => false,
        }
    }

    fn animating(&self) -> bool {
        self.top() == ScreenId::Session && self.session.player.as_ref().is_some_and(|p| p.running())
    }

    fn render(&self, f: &mut Frame) {
        let [top, body, bottom] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(3), Constraint::Length(1)]).areas(f.area());
        f.render_widget(Paragraph::new(self.status()), top);
        if let Some(p) = self.pane(self.top()) {
            p.render(f, body, &self.fleet);
        }
        f.render_widget(Paragraph::new(self.bottom()), bottom);
        if self.help {
            crate::tui::help_popup(f, self.help_lines());
        }
    }
}
