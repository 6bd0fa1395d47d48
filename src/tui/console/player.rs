//! `p` on a session's timeline: one answer played in a pane as its user received it — the
//! text chunk by chunk at the recorded pace, each wait of a second or more marked inline
//! with its cause (what `chatctl session --play` prints), with pause, step and speed keys.
//!
//! The clock is the player's own: `advance` moves it by wall time × speed (the console's
//! loop calls `tick` while a player runs), so tests drive it without sleeping.

use std::time::Instant;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use ratatui::Frame;

use crate::ops::stalls::{Answer, PlayedChunk, Stall};

/// Waits at least this long are marked (as `session --play`'s default).
pub const MARK_MS: i64 = 1_000;
const SPEEDS: [f64; 9] = [0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0];

pub const KEYS: &[(&str, &str)] = &[
    ("p", "play the selected answer (or the last one) in a pane"),
    ("space", "pause / go on (at the end: from the start)"),
    ("n →", "the next chunk (pauses)"),
    ("+ -", "faster / slower (¼× to 64×)"),
    ("r", "from the start"),
    ("Esc", "close the player"),
];

#[derive(Debug, Clone)]
pub struct Player {
    pub message_id: String,
    pub chunks: Vec<PlayedChunk>,
    pub stalls: Vec<Stall>,
    /// Where the play is: ms after the answer's start.
    pub position_ms: f64,
    pub paused: bool,
    pub speed: f64,
    /// When `tick` last moved the clock.
    last: Option<Instant>,
}

impl Player {
    pub fn new(answer: &Answer) -> Player {
        Player {
            message_id: answer.message_id.clone(),
            chunks: answer.play(),
            stalls: answer.stalls(MARK_MS),
            position_ms: 0.0,
            paused: false,
            speed: 1.0,
            last: None,
        }
    }

    /// The answer's length (ms from its start to its last chunk).
    pub fn total_ms(&self) -> i64 {
        self.chunks.last().map_or(0, |c| c.at_ms)
    }

    /// How many chunks the user has seen at this point of the play.
    pub fn shown(&self) -> usize {
        self.chunks.iter().take_while(|c| c.at_ms as f64 <= self.position_ms).count()
    }

    pub fn finished(&self) -> bool {
        self.shown() == self.chunks.len()
    }

    /// Move the clock by `wall_ms` of real time (× speed); it stops at the last chunk.
    pub fn advance(&mut self, wall_ms: f64) {
        if self.paused {
            return;
        }
        self.position_ms = (self.position_ms + wall_ms * self.speed).min(self.total_ms() as f64);
        if self.finished() {
            self.paused = true;
        }
    }

    /// The loop's clock: whether the screen changed.
    pub fn tick(&mut self) -> bool {
        let now = Instant::now();
        let wall = self.last.map_or(0.0, |t| now.duration_since(t).as_secs_f64() * 1000.0);
        self.last = Some(now);
        let before = (self.shown(), self.position_ms as i64 / 100);
        self.advance(wall);
        !self.paused || before != (self.shown(), self.position_ms as i64 / 100)
    }

    /// Whether the clock runs (the loop wakes more often then).
    pub fn running(&self) -> bool {
        !self.paused
    }

    /// A key of the player's; false when it is not one.
    pub fn key(&mut self, k: &KeyEvent) -> bool {
        match k.code {
            KeyCode::Char(' ') => {
                if self.finished() && self.paused {
                    self.position_ms = 0.0;
                }
                self.paused = !self.paused;
            }
            KeyCode::Char('n') | KeyCode::Right => {
                self.paused = true;
                if let Some(next) = self.chunks.get(self.shown()) {
                    self.position_ms = next.at_ms as f64;
                }
            }
            KeyCode::Char('+') | KeyCode::Char('=') => self.speed = step_speed(self.speed, 1),
            KeyCode::Char('-') => self.speed = step_speed(self.speed, -1),
            KeyCode::Char('r') => {
                self.position_ms = 0.0;
                self.paused = false;
            }
            _ => return false,
        }
        self.last = Some(Instant::now());
        true
    }

    /// The text so far, each marked wait in its place.
    pub fn lines(&self) -> Vec<Line<'static>> {
        let mut spans = Vec::new();
        for c in &self.chunks[..self.shown()] {
            if let Some(s) = self.stalls.iter().find(|s| s.before_chunk == c.index) {
                spans.push(Span::styled(
                    format!(" ⟨waited {:.1} s: {}⟩ ", s.gap_ms as f64 / 1000.0, s.cause),
                    Style::default().fg(Color::Yellow).add_modifier(Modifier::BOLD),
                ));
            }
            match &c.text {
                Some(t) => spans.push(Span::raw(t.clone())),
                // The assistant message is not in the log (yet): the chunk's place and size.
                None => spans.push(Span::styled(
                    format!("[chunk {}: {} B]", c.index, c.length),
                    Style::default().fg(Color::DarkGray),
                )),
            }
        }
        if !self.finished() {
            spans.push(Span::styled("▌", Style::default().add_modifier(Modifier::SLOW_BLINK)));
        }
        vec![Line::from(spans)]
    }

    pub fn title(&self) -> String {
        format!(
            " play {} — chunk {}/{}, {:.1} s of {:.1} s, {}× {} ",
            self.message_id.chars().take(8).collect::<String>(),
            self.shown(),
            self.chunks.len(),
            self.position_ms / 1000.0,
            self.total_ms() as f64 / 1000.0,
            self.speed,
            if self.paused { "paused (space: go on)" } else { "playing" },
        )
    }

    pub fn render(&self, f: &mut Frame, area: Rect) {
        let block = Block::default().borders(Borders::ALL).title(self.title());
        f.render_widget(Paragraph::new(self.lines()).wrap(Wrap { trim: false }).block(block), area);
    }
}

/// The next speed up (`dir` 1) or down (-1) the ladder.
fn step_speed(speed: f64, dir: i32) -> f64 {
    let at = SPEEDS.iter().position(|s| *s >= speed).unwrap_or(SPEEDS.len() - 1) as i32;
    SPEEDS[(at + dir).clamp(0, SPEEDS.len() as i32 - 1) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::key;

    fn answer(chunks: &[(i64, u32)], text: Option<&str>) -> Answer {
        let mut a =
            Answer { message_id: "m1234567890".into(), started: Some((1_000, "a".into())), ..Answer::default() };
        for (i, (t, len)) in chunks.iter().enumerate() {
            a.chunks.insert(i as u32, (*t, *len, if *t > 3_000 { "b".into() } else { "a".into() }));
        }
        a.text = text.map(str::to_string);
        a
    }

    #[test]
    fn the_clock_shows_the_chunks_at_their_recorded_times_scaled_by_the_speed() {
        let mut p = Player::new(&answer(&[(1_100, 3), (1_200, 3), (4_200, 3)], Some("onetwothr")));
        assert_eq!(p.shown(), 0);
        p.advance(100.0);
        assert_eq!(p.shown(), 1);
        p.speed = 4.0;
        p.advance(50.0); // 200 ms of the answer
        assert_eq!(p.shown(), 2);
        assert!(!p.finished());
        p.advance(1_000.0); // 4 s of the answer: past its end, stops there
        assert!(p.finished() && p.paused);
        assert_eq!(p.position_ms, 3_200.0);
        let text: String = p.lines()[0].spans.iter().map(|s| s.content.to_string()).collect();
        assert_eq!(text, "onetwo ⟨waited 3.0 s: moved: a to b (a drain hand-off or a restart)⟩ thr");
    }

    #[test]
    fn pause_step_speed_and_restart_keys() {
        let mut p = Player::new(&answer(&[(1_100, 3), (1_200, 3), (4_200, 3)], None));
        assert!(p.key(&key(KeyCode::Char(' '))));
        assert!(p.paused);
        p.advance(10_000.0);
        assert_eq!(p.shown(), 0, "paused: the clock stands still");
        p.key(&key(KeyCode::Char('n')));
        p.key(&key(KeyCode::Right));
        assert_eq!((p.shown(), p.paused), (2, true));
        p.key(&key(KeyCode::Char('+')));
        p.key(&key(KeyCode::Char('+')));
        assert_eq!(p.speed, 4.0);
        for _ in 0..10 {
            p.key(&key(KeyCode::Char('-')));
        }
        assert_eq!(p.speed, 0.25);
        p.key(&key(KeyCode::Char('n')));
        assert!(p.finished());
        // At the end, space plays it again from the start.
        p.key(&key(KeyCode::Char(' ')));
        assert_eq!((p.shown(), p.paused), (0, false));
        p.advance(400.0);
        p.key(&key(KeyCode::Char('r')));
        assert_eq!((p.position_ms, p.paused), (0.0, false));
        // Without the assistant message: each chunk's place and size.
        p.advance(1_000.0);
        let text: String = p.lines()[0].spans.iter().map(|s| s.content.to_string()).collect();
        assert!(text.starts_with("[chunk 0: 3 B][chunk 1: 3 B]"), "{text}");
        assert!(!p.key(&key(KeyCode::Char('x'))));
    }
}
