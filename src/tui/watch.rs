//! The watch view's state machine: `Model` + `Action` → `update` → `Vec<Effect>`, pure like the wizard's.
//! Snapshots of the stream arrive in the background every few seconds (a refresh never blocks a key);
//! `t` runs the smoke test and shows its progress and verdict; Enter previews the highlighted object;
//! ←→ move the metrics' window over the hour when the screen is narrower than 60 minutes.

use std::time::Duration;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::keymap::Binding;
use super::wizard::Context;
use crate::cloud::dataflow::{SmokeEvent, Verdict};
use crate::cloud::monitor::Snapshot;

/// Ticks (100 ms) between two snapshots.
pub const REFRESH_TICKS: u64 = 100;
/// Minutes ← and → move the metrics' window.
pub const PAN_STEP: usize = 10;
/// The fewest minutes the metrics show (at 80 columns, 39): the window moves back at most as far as
/// the hour's start less this.
pub const MIN_SHOWN: usize = 39;

#[derive(Debug, Clone, PartialEq)]
pub enum Smoke {
    Idle,
    Running {
        /// What happened so far, one line each (sending, sent, retries).
        lines: Vec<String>,
        /// The run's marker and how many records went out, once known.
        marker: Option<String>,
        sent: Option<usize>,
        elapsed: Duration,
        timeout: Option<Duration>,
        buffer_interval: Option<i32>,
        arrived: usize,
        expected: usize,
    },
    Done(Box<Verdict>),
    Failed(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct View {
    pub title: String,
    pub text: String,
    pub scroll: u16,
}

#[derive(Debug, Clone)]
pub struct Model {
    /// The delivery stream's name.
    pub name: String,
    pub context: Context,
    /// Started by `firehose-wizard watch` (leaving quits) rather than from the wizard's summary
    /// (leaving goes back to it).
    pub standalone: bool,
    pub snapshot: Option<Box<Snapshot>>,
    /// The refresh in flight, by generation.
    pub refreshing: Option<u64>,
    /// Why the last refresh failed (the previous snapshot stays on screen).
    pub error: Option<String>,
    pub tick: u64,
    /// The tick at which the snapshot arrived.
    pub updated_tick: Option<u64>,
    /// The highlighted object (Enter previews it).
    pub selected: usize,
    /// How many minutes before the newest the metrics' window ends (←→).
    pub pan: usize,
    pub smoke: Smoke,
    /// The last verdict, kept when its panel is hidden, printed on leaving.
    pub last_verdict: Option<Box<Verdict>>,
    pub view: Option<View>,
    pub status: Option<String>,
    /// q/Esc was pressed while the smoke test runs: the next one leaves.
    pub leaving: bool,
    /// Left the view (back to the wizard's summary, or quit when standalone).
    pub closed: bool,
    /// Ctrl-C: leave the program.
    pub quit: bool,
    next_generation: u64,
}

#[derive(Debug, Clone)]
pub enum Action {
    Key(KeyEvent),
    Tick,
    Snapshot {
        generation: u64,
        result: Result<Box<Snapshot>, String>,
    },
    Smoke(SmokeEvent),
    SmokeDone(Result<Box<Verdict>, String>),
    Preview {
        key: String,
        result: Result<String, String>,
    },
    /// Who the credentials belong to, for the header (standalone: the wizard did not ask).
    Identified(Result<crate::plan::request::Target, String>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Refresh {
        generation: u64,
    },
    SmokeTest,
    /// The first lines of an object of the stream's bucket.
    Preview {
        key: String,
        s3: Box<crate::plan::describe::S3Facts>,
    },
}

impl Model {
    pub fn new(name: &str, context: Context, standalone: bool) -> Model {
        Model {
            name: name.to_owned(),
            context,
            standalone,
            snapshot: None,
            refreshing: None,
            error: None,
            tick: 0,
            updated_tick: None,
            selected: 0,
            pan: 0,
            smoke: Smoke::Idle,
            last_verdict: None,
            view: None,
            status: None,
            leaving: false,
            closed: false,
            quit: false,
            next_generation: 0,
        }
    }

    /// The first snapshot, and the smoke test when asked for at once.
    pub fn start(&mut self, smoke: bool) -> Vec<Effect> {
        let mut fx = vec![self.refresh()];
        if smoke {
            fx.extend(self.smoke_test());
        }
        fx
    }

    fn refresh(&mut self) -> Effect {
        self.next_generation += 1;
        self.refreshing = Some(self.next_generation);
        Effect::Refresh { generation: self.next_generation }
    }

    fn smoke_test(&mut self) -> Option<Effect> {
        if self.smoke_running() {
            self.status = Some(t!("watch-smoke-running"));
            return None;
        }
        self.smoke = Smoke::Running {
            lines: Vec::new(),
            marker: None,
            sent: None,
            elapsed: Duration::ZERO,
            timeout: None,
            buffer_interval: None,
            arrived: 0,
            expected: 0,
        };
        Some(Effect::SmokeTest)
    }

    pub fn smoke_running(&self) -> bool {
        matches!(self.smoke, Smoke::Running { .. })
    }

    /// What leaving now abandons: the running smoke test's records, which were sent all the same.
    pub fn abandoned(&self) -> Option<String> {
        match &self.smoke {
            Smoke::Running { marker: Some(m), sent: Some(n), .. } => {
                Some(t!("watch-smoke-abandoned-sent", count = *n, marker = m.clone()))
            }
            Smoke::Running { .. } => Some(t!("watch-smoke-abandoned")),
            _ => None,
        }
    }

    /// The objects of the snapshot (the list `↑↓` moves in).
    pub fn objects(&self) -> &[crate::cloud::monitor::Object] {
        self.snapshot.as_ref().map_or(&[], |s| &s.objects)
    }

    /// Seconds since the snapshot arrived.
    pub fn age_s(&self) -> Option<u64> {
        self.updated_tick.map(|t| self.tick.saturating_sub(t) / 10)
    }

    /// The objects' list is on screen (no smoke test panel over it).
    pub fn listing(&self) -> bool {
        self.smoke == Smoke::Idle
    }
}

pub fn update(m: &mut Model, action: Action) -> Vec<Effect> {
    match action {
        Action::Key(k) if k.kind == KeyEventKind::Press => key(m, k),
        Action::Key(_) => Vec::new(),
        Action::Tick => {
            m.tick = m.tick.wrapping_add(1);
            let due = m.updated_tick.is_none_or(|t| m.tick.saturating_sub(t) >= REFRESH_TICKS);
            if m.refreshing.is_none() && due { vec![m.refresh()] } else { Vec::new() }
        }
        Action::Snapshot { generation, result } => {
            if m.refreshing != Some(generation) {
                return Vec::new();
            }
            m.refreshing = None;
            m.updated_tick = Some(m.tick);
            match result {
                Ok(s) => {
                    m.error = None;
                    m.snapshot = Some(s);
                    m.selected = m.selected.min(m.objects().len().saturating_sub(1));
                }
                Err(e) => m.error = Some(e),
            }
            Vec::new()
        }
        Action::Smoke(e) => {
            if let Smoke::Running { lines, marker, sent, elapsed, timeout, buffer_interval, arrived, expected } =
                &mut m.smoke
            {
                match e {
                    SmokeEvent::Sending { to, marker: m, records } => {
                        lines.push(t!("watch-smoke-sending", records = records, to = to, marker = m.clone()));
                        *marker = Some(m);
                    }
                    SmokeEvent::Send(e) => lines.extend(crate::report::retry_line(&e)),
                    SmokeEvent::Sent(r) => {
                        *expected = r.sent;
                        *sent = Some(r.sent);
                        lines.push(crate::report::send_summary(&r));
                    }
                    SmokeEvent::Waiting {
                        elapsed: e, timeout: t, buffer_interval: b, arrived: a, expected: x, ..
                    } => {
                        (*elapsed, *timeout, *buffer_interval, *arrived, *expected) = (e, Some(t), b, a, x);
                    }
                }
            }
            Vec::new()
        }
        Action::SmokeDone(r) => {
            m.smoke = match r {
                Ok(v) => {
                    m.last_verdict = Some(v.clone());
                    Smoke::Done(v)
                }
                Err(e) => Smoke::Failed(e),
            };
            m.leaving = false;
            // show the objects the test made
            if m.refreshing.is_none() { vec![m.refresh()] } else { Vec::new() }
        }
        Action::Identified(r) => {
            match r {
                Ok(t) => m.context.target = Some(t),
                Err(e) => m.context.identity_error = Some(e),
            }
            Vec::new()
        }
        Action::Preview { key, result } => {
            match result {
                Ok(text) => m.view = Some(View { title: crate::plan::sanitize(&key), text, scroll: 0 }),
                Err(e) => m.status = Some(t!("watch-preview-failed", key = key, error = e)),
            }
            Vec::new()
        }
    }
}

fn key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    if k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char('c') {
        m.quit = true;
        return Vec::new();
    }
    if let Some(v) = m.view.take() {
        if let Some(scroll) = super::widgets::scroll_key(v.scroll, v.text.lines().count() as u16, &k) {
            m.view = Some(View { scroll, ..v });
        }
        return Vec::new();
    }
    m.status = None;
    let leaving = std::mem::take(&mut m.leaving);
    match k.code {
        KeyCode::Char('r') => {
            if m.refreshing.is_none() {
                return vec![m.refresh()];
            }
            m.status = Some(t!("watch-refreshing"));
        }
        KeyCode::Char('t') => return m.smoke_test().into_iter().collect(),
        KeyCode::Char('v') => match &m.last_verdict {
            Some(v) => {
                let text = crate::report::verdict(v).into_iter().map(|(_, l)| l).collect::<Vec<_>>().join("\n");
                m.view = Some(View { title: t!("watch-verdict-title"), text, scroll: 0 });
            }
            None => m.status = Some(t!("watch-no-verdict")),
        },
        KeyCode::Left | KeyCode::Char('h') => {
            let window = m.snapshot.as_ref().map_or(0, |s| s.window_minutes as usize);
            m.pan = (m.pan + PAN_STEP).min(window.saturating_sub(MIN_SHOWN));
        }
        KeyCode::Right | KeyCode::Char('l') => m.pan = m.pan.saturating_sub(PAN_STEP),
        KeyCode::Down | KeyCode::Char('j') if m.listing() => {
            m.selected = (m.selected + 1).min(m.objects().len().saturating_sub(1))
        }
        KeyCode::Up | KeyCode::Char('k') if m.listing() => m.selected = m.selected.saturating_sub(1),
        KeyCode::Enter if m.listing() => {
            let s3 = m.snapshot.as_ref().and_then(|s| s.stream.s3.clone());
            match (m.objects().get(m.selected), s3) {
                (Some(o), Some(s3)) => return vec![Effect::Preview { key: o.key.clone(), s3: Box::new(s3) }],
                _ => m.status = Some(t!("watch-no-object")),
            }
        }
        KeyCode::Char('?') => {
            let text = super::keymap::help_text_in(BINDINGS, m);
            m.view = Some(View { title: t!("keys-title"), text, scroll: 0 });
        }
        // Esc hides a verdict first
        KeyCode::Esc if matches!(m.smoke, Smoke::Done(_) | Smoke::Failed(_)) => m.smoke = Smoke::Idle,
        KeyCode::Esc | KeyCode::Char('q') => {
            if m.smoke_running() && !leaving {
                m.leaving = true;
                let key = if k.code == KeyCode::Esc { "Esc" } else { "q" };
                m.status = Some(t!("watch-leave-running", key = key));
            } else {
                m.closed = true;
            }
        }
        _ => {}
    }
    Vec::new()
}

fn idle(m: &Model) -> bool {
    m.view.is_none()
}
fn can_test(m: &Model) -> bool {
    idle(m) && !m.smoke_running()
}
fn has_objects(m: &Model) -> bool {
    idle(m) && m.listing() && !m.objects().is_empty()
}
fn has_verdict(m: &Model) -> bool {
    idle(m) && m.last_verdict.is_some()
}
fn has_metrics(m: &Model) -> bool {
    idle(m) && m.snapshot.as_ref().is_some_and(|s| !s.metrics.is_empty())
}
fn panel_open(m: &Model) -> bool {
    idle(m) && matches!(m.smoke, Smoke::Done(_) | Smoke::Failed(_))
}
fn viewing(m: &Model) -> bool {
    m.view.is_some()
}
fn back(m: &Model) -> bool {
    idle(m) && !m.standalone && !panel_open(m)
}
fn leave(m: &Model) -> bool {
    idle(m) && m.standalone && !panel_open(m)
}
fn back_from_panel(m: &Model) -> bool {
    panel_open(m) && !m.standalone
}
fn leave_from_panel(m: &Model) -> bool {
    panel_open(m) && m.standalone
}
fn always(_: &Model) -> bool {
    true
}

/// The watch view's keys, for its footer (most important first) and help.
pub const BINDINGS: &[Binding<Model>] = &[
    Binding {
        keys: "t",
        short: "key-short-smoke-test",
        help: "key-help-send-test-records-and-watch-them-arrive",
        when: can_test,
    },
    Binding { keys: "q/Esc", short: "key-short-back", help: "key-help-back-to-the-summary", when: back },
    Binding { keys: "q/Esc", short: "key-short-quit", help: "key-help-quit", when: leave },
    Binding {
        keys: "Esc",
        short: "key-short-hide-verdict",
        help: "key-help-hide-the-smoke-test-s-verdict",
        when: panel_open,
    },
    Binding { keys: "q", short: "key-short-back", help: "key-help-back-to-the-summary", when: back_from_panel },
    Binding { keys: "q", short: "key-short-quit", help: "key-help-quit", when: leave_from_panel },
    Binding {
        keys: "v",
        short: "key-short-verdict",
        help: "key-help-the-last-smoke-test-s-whole-verdict",
        when: has_verdict,
    },
    Binding {
        keys: "Enter",
        short: "key-short-preview",
        help: "key-help-the-first-lines-of-the-highlighted-object",
        when: has_objects,
    },
    Binding {
        keys: "r",
        short: "key-short-refresh",
        help: "key-help-refresh-now-it-also-refreshes-every-10-s",
        when: idle,
    },
    Binding {
        keys: "←→",
        short: "key-short-hour",
        help: "key-help-move-the-metrics-window-over-the-last-hour",
        when: has_metrics,
    },
    Binding { keys: "↑↓", short: "key-short-object", help: "key-help-highlight-an-object", when: has_objects },
    Binding { keys: "↑↓ PgUp/PgDn", short: "key-short-scroll", help: "key-help-scroll", when: viewing },
    Binding { keys: "Esc/Enter", short: "key-short-close", help: "key-help-close", when: viewing },
    Binding { keys: "?", short: "key-short-keys", help: "key-help-all-keys", when: idle },
    Binding { keys: "Ctrl-C", short: "key-short-quit", help: "key-help-quit", when: always },
];

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEvent;

    fn press(m: &mut Model, code: KeyCode) -> Vec<Effect> {
        update(m, Action::Key(KeyEvent::from(code)))
    }

    #[test]
    fn refreshes_in_the_background_and_keeps_the_last_snapshot_on_error() {
        let mut m = Model::new("s", Context::default(), true);
        assert_eq!(m.start(false), vec![Effect::Refresh { generation: 1 }]);
        // ticks while the refresh runs ask for nothing
        for _ in 0..200 {
            assert!(update(&mut m, Action::Tick).is_empty());
        }
        // a stale answer is ignored
        update(&mut m, Action::Snapshot { generation: 9, result: Err("old".into()) });
        assert_eq!(m.refreshing, Some(1));
        update(&mut m, Action::Snapshot { generation: 1, result: Err("AccessDenied".into()) });
        assert_eq!((m.refreshing, m.error.as_deref()), (None, Some("AccessDenied")));
        // the next one is due REFRESH_TICKS later
        for _ in 1..REFRESH_TICKS {
            assert!(update(&mut m, Action::Tick).is_empty());
        }
        assert_eq!(update(&mut m, Action::Tick), vec![Effect::Refresh { generation: 2 }]);
        // r refreshes now, once
        update(&mut m, Action::Snapshot { generation: 2, result: Err("x".into()) });
        assert_eq!(press(&mut m, KeyCode::Char('r')), vec![Effect::Refresh { generation: 3 }]);
        assert!(press(&mut m, KeyCode::Char('r')).is_empty());
    }

    #[test]
    fn the_smoke_test_runs_once_at_a_time_and_its_verdict_can_be_hidden() {
        let mut m = Model::new("s", Context::default(), false);
        m.start(true);
        assert!(m.smoke_running());
        assert!(press(&mut m, KeyCode::Char('t')).is_empty(), "not twice at once");
        update(&mut m, Action::SmokeDone(Err("the delivery stream s is CREATING".into())));
        assert_eq!(m.smoke, Smoke::Failed("the delivery stream s is CREATING".into()));
        press(&mut m, KeyCode::Esc);
        assert_eq!((m.smoke.clone(), m.closed), (Smoke::Idle, false), "Esc hides the verdict first");
        press(&mut m, KeyCode::Esc);
        assert!(m.closed, "then leaves");
        assert_eq!(press(&mut m, KeyCode::Char('t')), vec![Effect::SmokeTest]);
    }

    #[test]
    fn leaving_a_running_smoke_test_asks_once_and_says_what_was_sent() {
        let mut m = Model::new("s", Context::default(), false);
        m.start(true);
        update(
            &mut m,
            Action::Smoke(SmokeEvent::Sending {
                to: "the Kinesis stream s".into(),
                marker: "fwt-x".into(),
                records: 10,
            }),
        );
        press(&mut m, KeyCode::Char('q'));
        assert!(!m.closed, "the first q asks");
        assert!(m.status.as_deref().unwrap().starts_with("the smoke test is running: q again leaves"));
        press(&mut m, KeyCode::Char('q'));
        assert!(m.closed);
        assert_eq!(m.abandoned().as_deref(), Some("the smoke test was stopped before its verdict"));
        // another key in between cancels the question
        let mut m = Model::new("s", Context::default(), false);
        m.start(true);
        press(&mut m, KeyCode::Esc);
        press(&mut m, KeyCode::Char('r'));
        press(&mut m, KeyCode::Esc);
        assert!(!m.closed);
        // while the test runs the list is under its panel: ↑↓ and Enter do nothing
        assert!(press(&mut m, KeyCode::Enter).is_empty());
        assert!(!super::super::keymap::active_in(BINDINGS, &m).iter().any(|b| b.keys == "t" || b.keys == "Enter"));
    }
}
