//! The list mechanics every console table shares (k9s habits): a cursor moved by j/k, ↑/↓,
//! PgUp/PgDn, Ctrl-d/u and g/G; space marks rows; `/` types a filter (a regex, `!` in front
//! inverts it, an invalid regex matches as plain text); a column's key (Shift+letter, shown
//! in its header) sorts by it, again reverses.

use std::cell::Cell as Shared;
use std::cmp::Ordering;
use std::collections::BTreeSet;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Borders, Cell, Row, Table, TableState};
use ratatui::Frame;

/// One column: its header, the key that sorts by it, its width.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub title: &'static str,
    /// Upper case: pressed with Shift.
    pub key: char,
    pub width: Constraint,
}

/// A cell's value for sorting: numbers as numbers.
#[derive(Debug, Clone, PartialEq)]
pub enum SortKey {
    Num(f64),
    Text(String),
}

impl SortKey {
    fn cmp(&self, other: &SortKey) -> Ordering {
        match (self, other) {
            (SortKey::Num(a), SortKey::Num(b)) => a.total_cmp(b),
            (SortKey::Text(a), SortKey::Text(b)) => a.cmp(b),
            (SortKey::Num(_), SortKey::Text(_)) => Ordering::Less,
            (SortKey::Text(_), SortKey::Num(_)) => Ordering::Greater,
        }
    }
}

/// One row: its identity (for marks and for keeping the cursor on it), what it shows, its
/// style. Cells sort as numbers where they read as numbers (`12`, `4.5s`, `80%`).
#[derive(Debug, Clone)]
pub struct GridRow {
    pub id: String,
    pub cells: Vec<String>,
    pub style: Style,
}

impl GridRow {
    pub fn new(id: impl Into<String>, cells: Vec<String>, style: Style) -> GridRow {
        GridRow { id: id.into(), cells, style }
    }

    /// How cell `col` sorts (worked out only when a column sorts the list).
    fn sort_key(&self, col: usize) -> SortKey {
        let c = self.cells.get(col).map(String::as_str).unwrap_or_default();
        c.trim_end_matches(['s', '%']).parse::<f64>().map(SortKey::Num).unwrap_or_else(|_| SortKey::Text(c.to_string()))
    }
}

#[derive(Debug, Default)]
pub struct Grid {
    pub cursor: usize,
    /// (column, descending); none: the rows' own order.
    pub sort: Option<(usize, bool)>,
    pub filter: String,
    pub editing: bool,
    pub marks: BTreeSet<String>,
    /// Rows that fit the last drawn table (for paging).
    page: Shared<usize>,
}

impl Grid {
    /// `rows` filtered and sorted as the user asked.
    pub fn view(&self, rows: Vec<GridRow>) -> Vec<GridRow> {
        let matcher = Matcher::new(&self.filter);
        let mut rows: Vec<GridRow> = rows.into_iter().filter(|r| matcher.matches(&r.cells)).collect();
        if let Some((col, desc)) = self.sort {
            let mut keyed: Vec<(SortKey, GridRow)> = rows.into_iter().map(|r| (r.sort_key(col), r)).collect();
            keyed.sort_by(|a, b| if desc { b.0.cmp(&a.0) } else { a.0.cmp(&b.0) });
            rows = keyed.into_iter().map(|(_, r)| r).collect();
        }
        rows
    }

    /// A key for the list; false when it is not one (the screen's own).
    pub fn key(&mut self, k: &KeyEvent, columns: &[Column], shown: &[GridRow]) -> bool {
        if self.editing {
            self.editing = crate::tui::edit_filter(&mut self.filter, k);
            self.cursor = 0;
            return true;
        }
        let page = self.page.get().max(1);
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        match k.code {
            KeyCode::Char('d') if ctrl => self.cursor += page / 2,
            KeyCode::Char('u') if ctrl => self.cursor = self.cursor.saturating_sub(page / 2),
            KeyCode::Down | KeyCode::Char('j') => self.cursor += 1,
            KeyCode::Up | KeyCode::Char('k') => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::PageDown => self.cursor += page,
            KeyCode::PageUp => self.cursor = self.cursor.saturating_sub(page),
            KeyCode::Home | KeyCode::Char('g') => self.cursor = 0,
            KeyCode::End | KeyCode::Char('G') => self.cursor = usize::MAX,
            KeyCode::Char('/') => self.editing = true,
            KeyCode::Char(' ') => {
                if let Some(r) = shown.get(self.cursor.min(shown.len().saturating_sub(1))) {
                    if !self.marks.remove(&r.id) {
                        self.marks.insert(r.id.clone());
                    }
                }
                self.cursor += 1;
            }
            KeyCode::Char(c) if c.is_ascii_uppercase() => match columns.iter().position(|col| col.key == c) {
                Some(i) => {
                    self.sort = match self.sort {
                        Some((j, desc)) if j == i => Some((i, !desc)),
                        _ => Some((i, true)),
                    }
                }
                None => return false,
            },
            _ => return false,
        }
        self.cursor = self.cursor.min(shown.len().saturating_sub(1));
        true
    }

    /// Esc: clear the filter first. True when there was one.
    pub fn back(&mut self) -> bool {
        if self.filter.is_empty() && !self.editing {
            return false;
        }
        self.filter.clear();
        self.editing = false;
        true
    }

    /// The rows in view as last drawn (the window scrolls so the cursor stays in it).
    pub fn window<'a>(&self, shown: &'a [GridRow]) -> &'a [GridRow] {
        let first = self.first_in_view(shown.len());
        &shown[first.min(shown.len())..(first + self.page.get().max(1)).min(shown.len())]
    }

    /// The place of the first row in view among `len` rows.
    fn first_in_view(&self, len: usize) -> usize {
        (self.cursor.min(len.saturating_sub(1)) + 1).saturating_sub(self.page.get().max(1))
    }

    /// The row under the cursor.
    pub fn selected<'a>(&self, shown: &'a [GridRow]) -> Option<&'a GridRow> {
        shown.get(self.cursor.min(shown.len().saturating_sub(1)))
    }

    /// The filter as the title shows it.
    pub fn filter_label(&self) -> String {
        match (self.filter.is_empty(), self.editing) {
            (true, false) => String::new(),
            _ => format!(" /{}{}", self.filter, if self.editing { "▏" } else { "" }),
        }
    }

    /// Draw `shown` under a header naming each column and its sort key. Only the rows in
    /// view are built (a list can hold tens of thousands); the window scrolls so the cursor
    /// stays in it.
    pub fn render(&self, f: &mut Frame, area: Rect, title: String, columns: &[Column], shown: &[GridRow]) {
        let height = (area.height.saturating_sub(3) as usize).max(1);
        self.page.set(height);
        let (cursor, first) = (self.cursor.min(shown.len().saturating_sub(1)), self.first_in_view(shown.len()));
        let window = self.window(shown);
        let header = Row::new(columns.iter().enumerate().map(|(i, c)| {
            let arrow = match self.sort {
                Some((j, true)) if j == i => "↓",
                Some((j, false)) if j == i => "↑",
                _ => "",
            };
            Cell::from(format!("{}[{}]{arrow}", c.title, c.key))
        }))
        .style(Style::default().add_modifier(Modifier::BOLD));
        let rows = window.iter().map(|r| {
            let mark = if self.marks.contains(&r.id) { "✓" } else { " " };
            let mut cells: Vec<Cell> = r.cells.iter().map(|c| Cell::from(c.clone())).collect();
            if let Some(first) = r.cells.first() {
                cells[0] = Cell::from(format!("{mark}{first}"));
            }
            Row::new(cells).style(r.style)
        });
        let widths: Vec<Constraint> = columns.iter().map(|c| c.width).collect();
        let table = Table::new(rows, widths)
            .header(header)
            .block(Block::default().borders(Borders::ALL).title(format!("{title}{}", self.filter_label())))
            .row_highlight_style(Style::default().add_modifier(Modifier::REVERSED));
        let mut state = TableState::default();
        if !window.is_empty() {
            state.select(Some(cursor - first));
        }
        f.render_stateful_widget(table, area, &mut state);
    }
}

/// The last view a pane built, kept while its data and the grid's filter and sort stand: a
/// list of 10,000 answers is built once per refresh of its data, not at every frame and key.
#[derive(Debug, Default)]
pub struct ViewCache(std::cell::RefCell<Option<Cached>>);

#[derive(Debug)]
struct Cached {
    generation: u64,
    /// The last patch applied ([`ViewCache::patch`]).
    stamp: u64,
    filter: String,
    sort: Option<(usize, bool)>,
    rows: std::rc::Rc<Vec<GridRow>>,
    /// Each row's place by id, made at the first patch of this view (a patch of the ~40
    /// rows in view then looks up 40 ids, not 10,000).
    places: Option<std::collections::HashMap<String, usize>>,
}

impl ViewCache {
    /// `grid`'s view of the rows `build` makes for data `generation`, built only when that
    /// generation, the filter or the sort changed since the last call.
    pub fn view(
        &self,
        grid: &Grid,
        generation: u64,
        build: impl FnOnce() -> Vec<GridRow>,
    ) -> std::rc::Rc<Vec<GridRow>> {
        let mut cached = self.0.borrow_mut();
        if let Some(c) = cached.as_ref() {
            if c.generation == generation && c.filter == grid.filter && c.sort == grid.sort {
                return c.rows.clone();
            }
        }
        let rows = std::rc::Rc::new(grid.view(build()));
        let stamp = cached.as_ref().map(|c| c.stamp).unwrap_or(0);
        *cached = Some(Cached {
            generation,
            stamp,
            filter: grid.filter.clone(),
            sort: grid.sort,
            rows: rows.clone(),
            places: None,
        });
        rows
    }

    /// Rows `ids` rebuilt in place (`rebuild` gives the new row, none to leave it) for patch
    /// `stamp`, once: the rows in view refreshed between two reads of the whole list. Their
    /// place in the order and the filter wait for the next build.
    pub fn patch(
        &self,
        stamp: u64,
        ids: &std::collections::HashSet<String>,
        rebuild: impl Fn(&str) -> Option<GridRow>,
    ) {
        let mut cached = self.0.borrow_mut();
        let Some(c) = cached.as_mut() else { return };
        if c.stamp == stamp {
            return;
        }
        c.stamp = stamp;
        if ids.is_empty() {
            return;
        }
        let places =
            c.places.get_or_insert_with(|| c.rows.iter().enumerate().map(|(i, r)| (r.id.clone(), i)).collect());
        let rows = std::rc::Rc::make_mut(&mut c.rows);
        for i in ids.iter().filter_map(|id| places.get(id)) {
            if let Some(new) = rebuild(&rows[*i].id) {
                rows[*i] = new;
            }
        }
    }
}

/// The filter: a case-insensitive regex over a row's cells, `!` in front to keep the rows
/// that do not match; text that is not a regex matches as itself.
struct Matcher {
    re: Option<regex::Regex>,
    invert: bool,
}

impl Matcher {
    fn new(filter: &str) -> Matcher {
        let (invert, pattern) = match filter.strip_prefix('!') {
            Some(rest) => (true, rest),
            None => (false, filter),
        };
        let re = (!pattern.is_empty()).then(|| {
            regex::RegexBuilder::new(pattern)
                .case_insensitive(true)
                .build()
                .or_else(|_| regex::RegexBuilder::new(&regex::escape(pattern)).case_insensitive(true).build())
                .expect("an escaped pattern is a valid regex")
        });
        Matcher { re, invert }
    }

    fn matches(&self, cells: &[String]) -> bool {
        match &self.re {
            None => true,
            Some(re) => cells.iter().any(|c| re.is_match(c)) != self.invert,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::key;

    fn rows() -> Vec<GridRow> {
        ["node-a 12", "node-b 3", "edge-c 40"]
            .iter()
            .map(|s| {
                let cells: Vec<String> = s.split(' ').map(str::to_string).collect();
                GridRow::new(cells[0].clone(), cells, Style::default())
            })
            .collect()
    }

    const COLUMNS: [Column; 2] = [
        Column { title: "NODE", key: 'N', width: Constraint::Length(8) },
        Column { title: "LOAD", key: 'L', width: Constraint::Length(4) },
    ];

    fn ids(rows: &[GridRow]) -> Vec<&str> {
        rows.iter().map(|r| r.id.as_str()).collect()
    }

    #[test]
    fn the_filter_is_a_regex_and_bang_inverts_it() {
        let mut g = Grid { filter: "^node-".into(), ..Default::default() };
        assert_eq!(ids(&g.view(rows())), ["node-a", "node-b"]);
        g.filter = "!^node-".into();
        assert_eq!(ids(&g.view(rows())), ["edge-c"]);
        g.filter = "(".into(); // not a regex: plain text
        assert!(g.view(rows()).is_empty());
    }

    #[test]
    fn a_column_key_sorts_numerically_and_again_reverses() {
        let mut g = Grid::default();
        let shown = g.view(rows());
        assert!(g.key(&key(KeyCode::Char('L')), &COLUMNS, &shown));
        assert_eq!(ids(&g.view(rows())), ["edge-c", "node-a", "node-b"]);
        g.key(&key(KeyCode::Char('L')), &COLUMNS, &shown);
        assert_eq!(ids(&g.view(rows())), ["node-b", "node-a", "edge-c"]);
        assert!(!g.key(&key(KeyCode::Char('Z')), &COLUMNS, &shown), "no such column: the screen's key");
    }

    #[test]
    fn the_view_cache_builds_again_only_when_data_filter_or_sort_change() {
        let cache = ViewCache::default();
        let mut g = Grid::default();
        let builds = std::cell::Cell::new(0);
        let build = || {
            builds.set(builds.get() + 1);
            rows()
        };
        assert_eq!(cache.view(&g, 1, build).len(), 3);
        cache.view(&g, 1, build);
        assert_eq!(builds.get(), 1, "same data, same grid: kept");
        cache.view(&g, 2, build);
        assert_eq!(builds.get(), 2, "new data");
        g.filter = "node".into();
        assert_eq!(ids(&cache.view(&g, 2, build)), ["node-a", "node-b"]);
        g.sort = Some((1, true));
        assert_eq!(ids(&cache.view(&g, 2, build)), ["node-a", "node-b"]);
        assert_eq!(builds.get(), 4, "a new filter, a new sort");
        // A patch rebuilds the named rows in place, once per stamp.
        let ids: std::collections::HashSet<String> = ["node-b".to_string()].into();
        let patched = |id: &str| Some(GridRow::new(id, vec![id.into(), "99".into()], Style::default()));
        cache.patch(1, &ids, patched);
        let shown = cache.view(&g, 2, build);
        assert_eq!(shown.iter().find(|r| r.id == "node-b").unwrap().cells[1], "99");
        assert_eq!(shown.iter().find(|r| r.id == "node-a").unwrap().cells[1], "12", "the others kept");
        assert_eq!(builds.get(), 4, "patched, not built");
        cache.patch(1, &ids, |_| panic!("a stamp is applied once"));
    }

    #[test]
    fn space_marks_and_moves_paging_stays_in_bounds() {
        let mut g = Grid::default();
        let shown = g.view(rows());
        g.key(&key(KeyCode::Char(' ')), &COLUMNS, &shown);
        g.key(&key(KeyCode::Char(' ')), &COLUMNS, &shown);
        assert_eq!(g.marks.iter().map(String::as_str).collect::<Vec<_>>(), ["node-a", "node-b"]);
        assert_eq!(g.cursor, 2);
        g.key(&key(KeyCode::PageUp), &COLUMNS, &shown);
        assert_eq!(g.cursor, 1, "a page of one row (nothing drawn yet)");
        g.key(&KeyEvent::new(KeyCode::Char('d'), KeyModifiers::CONTROL), &COLUMNS, &shown);
        g.key(&key(KeyCode::PageDown), &COLUMNS, &shown);
        assert_eq!(g.cursor, 2, "clamped to the last row");
        g.key(&key(KeyCode::Char('g')), &COLUMNS, &shown);
        assert_eq!(g.cursor, 0);
    }
}
