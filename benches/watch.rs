//! What a refresh of the watch view costs on this side: taking in a snapshot (update) and redrawing the
//! 80×24 frame with six hour-long sparklines, ten objects and errors. The AWS side of a refresh (its
//! calls and their time) is measured by scripts/bench.sh against the emulator. Asserts nothing.
//!   cargo bench --bench watch

mod common;

use std::time::Instant;

use chrono::{DateTime, Utc};
use firehose_wizard::cloud::monitor::{ErrorObject, LogEvent, Object, Point, Series, Snapshot};
use firehose_wizard::plan::Plan;
use firehose_wizard::plan::dataflow::Unit;
use firehose_wizard::plan::request::Target;
use firehose_wizard::tui::screens;
use firehose_wizard::tui::theme::Theme;
use firehose_wizard::tui::watch::{Action, Model, update};
use firehose_wizard::tui::wizard::Context;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn snapshot(now: DateTime<Utc>) -> Snapshot {
    let target = Target { account: "123456789012".into(), region: "us-east-1".into(), partition: "aws".into() };
    let series = |label: &str, unit| Series {
        name: label.into(),
        label: label.into(),
        stat: "Sum".into(),
        unit,
        points: (0..60)
            .map(|i| Point { at: now - chrono::Duration::minutes(i), value: (i * 37 % 100) as f64 })
            .collect(),
        latest: Some(42.0),
    };
    let object = |i: i64| Object {
        key: format!(
            "json-data/year=2026/month=11/day=30/hour=10/retail-trans-1-2026-11-30-10-{i:02}-01-9b2f0c1e-1111-4a5b-8c9d-0e1f2a3b4c5d"
        ),
        size: 400_000 + i as u64,
        last_modified: Some(now - chrono::Duration::minutes(i)),
    };
    Snapshot {
        taken_at: now,
        region: "us-east-1".into(),
        stream: firehose_wizard::plan::describe::planned(&Plan::lab("a1b2c3d4"), &target).unwrap(),
        window_minutes: 60,
        metrics: [
            ("Records read from Kinesis", Unit::Count),
            ("Records delivered to S3", Unit::Count),
            ("Bytes delivered to S3", Unit::Bytes),
            ("Delivery to S3 success", Unit::Ratio),
            ("Data freshness", Unit::Seconds),
            ("Throttled GetRecords", Unit::Count),
        ]
        .into_iter()
        .map(|(l, u)| series(l, u))
        .collect(),
        objects: (0..10).map(object).collect(),
        listed: vec!["json-data/year=2026/month=11/day=30/hour=10/".into()],
        error_objects: vec![ErrorObject {
            object: object(30),
            error_type: "processing-failed".into(),
            code: Some("Lambda.FunctionError".into()),
            message: Some("The Lambda function was invoked and failed".into()),
            first_line: None,
        }],
        log_events: vec![LogEvent {
            at: now,
            stream: "S3Delivery".into(),
            code: Some("S3.AccessDenied".into()),
            message: "Access was denied".into(),
        }],
        problems: vec![],
    }
}

use common::report;

fn main() {
    let now = Utc::now();
    let theme = Theme::color();
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut m = Model::new("retail-trans", Context::default(), true);
    let mut generation = 0;
    let mut take = Vec::new();
    let mut draw = Vec::new();
    for _ in 0..500 {
        let fx = update(
            &mut m,
            Action::Key(ratatui::crossterm::event::KeyEvent::from(ratatui::crossterm::event::KeyCode::Char('r'))),
        );
        if !fx.is_empty() {
            generation += 1;
        }
        let s = Box::new(snapshot(now));
        let t = Instant::now();
        update(&mut m, Action::Snapshot { generation, result: Ok(s) });
        take.push(t.elapsed());
        let t = Instant::now();
        terminal.draw(|f| screens::watch::draw(f, &m, &theme, now)).unwrap();
        draw.push(t.elapsed());
    }
    report("take in a snapshot (update)", take);
    report("redraw the watch view, 80×24", draw);
    let mut wide = Terminal::new(TestBackend::new(160, 50)).unwrap();
    let samples = (0..500)
        .map(|_| {
            let t = Instant::now();
            wide.draw(|f| screens::watch::draw(f, &m, &theme, now)).unwrap();
            t.elapsed()
        })
        .collect();
    report("redraw the watch view, 160×50", samples);
}
