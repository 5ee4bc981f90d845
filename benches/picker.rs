//! How long one keystroke in a 10,000-item picker takes: the filter alone, and the whole keystroke
//! (update + redraw of the 80×24 frame). Prints min / median / max over many runs; asserts nothing.
//!   cargo bench --bench picker

mod common;

use std::time::Instant;

use chrono::Utc;
use firehose_wizard::cloud::inventory::Item;
use firehose_wizard::plan::Plan;
use firehose_wizard::tui::screens;
use firehose_wizard::tui::theme::Theme;
use firehose_wizard::tui::wizard::{Action, Context, Effect, ListKind, Model, filter_items, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn items(n: usize) -> Vec<Item> {
    (0..n)
        .map(|i| Item {
            value: format!("{}-stream-{i:05}", ["orders", "clicks", "retail-trans", "payments", "logs"][i % 5]),
            detail: "ACTIVE · on-demand".into(),
            selectable: true,
            rank: 0,
        })
        .collect()
}

use common::report;

fn main() {
    let list = items(10_000);
    for filter in ["r", "retail", "RETAIL-TRANS-0999", "zzz"] {
        let samples = (0..200)
            .map(|_| {
                let t = Instant::now();
                let n = std::hint::black_box(filter_items(&list, filter)).len();
                assert!(n <= list.len());
                t.elapsed()
            })
            .collect();
        report(&format!("filter 10,000 names by {filter:?}"), samples);
    }

    // a whole keystroke in the open picker: update the model, draw the frame
    let mut m = Model::new(&Plan::lab("bench000"), Context::default());
    let generation = m
        .start()
        .into_iter()
        .find_map(|e| match e {
            Effect::LoadList { kind: ListKind::Streams, generation } => Some(generation),
            _ => None,
        })
        .unwrap();
    update(&mut m, Action::ListPage { kind: ListKind::Streams, generation, items: list, done: true });
    m.focus = 2;
    update(&mut m, Action::Key(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE)));
    let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let theme = Theme::color();
    let now = Utc::now();
    let mut samples = Vec::new();
    for i in 0..400 {
        // type "retail" then delete it again, over and over
        let key = if i % 12 < 6 { KeyCode::Char("retail".as_bytes()[i % 6] as char) } else { KeyCode::Backspace };
        let t = Instant::now();
        update(&mut m, Action::Key(KeyEvent::new(key, KeyModifiers::NONE)));
        term.draw(|f| screens::draw(f, &m, &theme, now)).unwrap();
        samples.push(t.elapsed());
    }
    report("keystroke in a 10,000-item picker (update+draw)", samples);
}
