//! The watch view at 80×24 (TestBackend, insta text snapshots): loading, a stream with metrics,
//! objects and errors, the smoke test running, passed and failed, an object's preview, and a refresh
//! that failed; plus the keys its footer offers.

mod common;

use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use firehose_wizard::cloud::dataflow::{Arrival, SendEvent, SendReport, Sink, SmokeEvent, Verdict};
use firehose_wizard::cloud::monitor::{ErrorObject, LogEvent, Object, Point, Series, Snapshot};
use firehose_wizard::i18n;
use firehose_wizard::msg;
use firehose_wizard::plan::Plan;
use firehose_wizard::plan::dataflow::Unit;
use firehose_wizard::plan::describe::StreamFacts;
use firehose_wizard::plan::msg::Msg;
use firehose_wizard::plan::request::Target;
use firehose_wizard::tui::screens;
use firehose_wizard::tui::theme::Theme;
use firehose_wizard::tui::watch::{Action, Effect, Model, update};
use firehose_wizard::tui::wizard::Context;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 10, 45, 0).unwrap()
}

fn context() -> Context {
    Context {
        profile: None,
        region: Some("us-east-1".into()),
        endpoint: None,
        target: Some(Target { account: "123456789012".into(), region: "us-east-1".into(), partition: "aws".into() }),
        identity_error: None,
    }
}

fn facts() -> StreamFacts {
    firehose_wizard::plan::describe::planned(&Plan::lab("a1b2c3d4"), context().target.as_ref().unwrap()).unwrap()
}

fn series(label: Msg, name: &str, unit: Unit, values: &[(i64, f64)]) -> Series {
    let points: Vec<Point> = values
        .iter()
        .map(|(ago, v)| Point { at: now() - chrono::Duration::seconds(ago * 60 + 30), value: *v })
        .collect();
    Series {
        name: name.into(),
        label: label.to_string(),
        stat: "Sum".into(),
        unit,
        latest: points.last().map(|p| p.value),
        points,
    }
}

const HOUR: &str = "json-data/year=2026/month=11/day=30/hour=10/";

fn object(key: &str, size: u64, ago_s: i64) -> Object {
    Object { key: format!("{HOUR}{key}"), size, last_modified: Some(now() - chrono::Duration::seconds(ago_s)) }
}

fn snapshot() -> Snapshot {
    // a workshop's generator ramping up over the last 20 minutes
    let ramp: Vec<(i64, f64)> = (0..20).rev().map(|ago| (ago, ((20 - ago) * 60) as f64)).collect();
    Snapshot {
        taken_at: now(),
        region: "us-east-1".into(),
        stream: facts(),
        window_minutes: 60,
        metrics: vec![
            series(msg!("metric-read-from-kinesis"), "DataReadFromKinesisStream.Records", Unit::Count, &ramp),
            series(msg!("metric-delivered"), "DeliveryToS3.Records", Unit::Count, &ramp[..19]),
            series(msg!("metric-bytes"), "DeliveryToS3.Bytes", Unit::Bytes, &[(3, 250_000.0), (2, 310_000.0), (1, 402_000.0)]),
            series(msg!("metric-success"), "DeliveryToS3.Success", Unit::Ratio, &[(2, 1.0), (1, 1.0)]),
            series(msg!("metric-freshness"), "DeliveryToS3.DataFreshness", Unit::Seconds, &[(3, 58.0), (2, 61.0), (1, 64.0)]),
            series(msg!("metric-throttled-get-records"), "ThrottledGetRecords", Unit::Count, &[]),
        ],
        objects: vec![
            object("retail-trans-1-2026-11-30-10-44-01-9b2f0c1e-1111-4a5b-8c9d-0e1f2a3b4c5d", 402_000, 59),
            object("retail-trans-1-2026-11-30-10-43-01-0c7d5e21-2222-4a5b-8c9d-0e1f2a3b4c5d", 310_000, 119),
            object("retail-trans-1-2026-11-30-10-42-01-77aa0c1e-3333-4a5b-8c9d-0e1f2a3b4c5d", 250_000, 179),
        ],
        listed: vec![HOUR.into()],
        error_objects: vec![ErrorObject {
            object: Object {
                key: "error-json/year=2026/month=11/day=30/hour=10/processing-failedretail-trans-1-2026-11-30-10-40-12-5e6f".into(),
                size: 2_048,
                last_modified: Some(now() - chrono::Duration::seconds(288)),
            },
            error_type: "processing-failed".into(),
            code: Some("Lambda.FunctionError".into()),
            message: Some("The Lambda function was invoked and failed".into()),
            first_line: Some("{\"attemptsMade\":4,\"errorCode\":\"Lambda.FunctionError\"}".into()),
        }],
        log_events: vec![LogEvent {
            at: now() - chrono::Duration::seconds(300),
            stream: "S3Delivery".into(),
            code: Some("S3.AccessDenied".into()),
            message: "Access was denied. Ensure that the trust policy for the provided IAM role allows Firehose to assume the role.".into(),
        }],
        problems: vec![],
    }
}

/// Where the test records go, as the product says it.
fn sink() -> String {
    Sink::Kinesis { stream_arn: "arn:aws:kinesis:us-east-1:123456789012:stream/retail-trans".into() }.describe()
}

/// What AWS says in these screens, shown as it sent it in either language.
const AWS_TEXTS: &[&str] = &[
    "The Lambda function was invoked and failed",
    "Access was denied. Ensure that the trust policy for the provided IAM role allows Firehose to assume the role.",
];

fn model(standalone: bool) -> Model {
    let mut m = Model::new("retail-trans", context(), standalone);
    m.start(false);
    m
}

fn loaded(standalone: bool) -> Model {
    let mut m = model(standalone);
    update(&mut m, Action::Snapshot { generation: 1, result: Ok(Box::new(snapshot())) });
    for _ in 0..30 {
        update(&mut m, Action::Tick);
    }
    m
}

fn text(m: &Model) -> String {
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| screens::watch::draw(f, m, &Theme::color(), now())).unwrap();
    common::screen_text(t.backend().buffer())
}

fn press(m: &mut Model, code: KeyCode) -> Vec<Effect> {
    update(m, Action::Key(KeyEvent::from(code)))
}

fn report(sent: usize) -> SendReport {
    let at = now() - chrono::Duration::seconds(62);
    SendReport {
        to: sink(),
        api: "kinesis:PutRecords",
        total: 10,
        sent,
        calls: 1,
        retried: 0,
        failed: vec![],
        stopped: None,
        hint: None,
        started: at,
        ended: at,
        seconds: 0.05,
    }
}

#[test]
fn loading_and_a_stream_with_metrics_objects_and_errors() {
    common::lang::each_language(|| {
        let m = model(false);
        snap!("watch_loading", text(&m), AWS_TEXTS);
        let mut m = loaded(false);
        snap!("watch_stream", text(&m), AWS_TEXTS);
        // ←: the metrics' window moves back over the hour, as far as its start
        for _ in 0..5 {
            press(&mut m, KeyCode::Left);
        }
        assert_eq!(m.pan, 21);
        snap!("watch_panned", text(&m), AWS_TEXTS);
        press(&mut m, KeyCode::Right);
        assert_eq!(m.pan, 11);
        press(&mut m, KeyCode::Right);
        press(&mut m, KeyCode::Right);
        assert_eq!(m.pan, 0);
        // ↓ highlights the next object; Enter asks for its first lines, which open in a view
        press(&mut m, KeyCode::Down);
        let fx = press(&mut m, KeyCode::Enter);
        let key = format!("{HOUR}retail-trans-1-2026-11-30-10-43-01-0c7d5e21-2222-4a5b-8c9d-0e1f2a3b4c5d");
        assert!(matches!(&fx[..], [Effect::Preview { key: k, .. }] if *k == key), "{fx:?}");
        let lines = (0..3)
            .map(|i| format!("{{\"Invoice\":\"5{i}9434\",\"StockCode\":\"85048\",\"Description\":\"15CM CHRISTMAS GLASS BALL 20 LIGHTS\",\"Quantity\":12}}"))
            .collect::<Vec<_>>()
            .join("\n");
        update(&mut m, Action::Preview { key, result: Ok(lines) });
        snap!("watch_preview", text(&m), AWS_TEXTS);
        press(&mut m, KeyCode::Esc);
        assert!(m.view.is_none() && !m.closed, "Esc closes the preview first");
        press(&mut m, KeyCode::Char('q'));
        assert!(m.closed && !m.quit, "q goes back to the summary");
    });
}

#[test]
fn the_smoke_test_running_passed_and_failed() {
    common::lang::each_language(|| {
        let mut m = loaded(false);
        assert_eq!(press(&mut m, KeyCode::Char('t')), vec![Effect::SmokeTest]);
        update(
            &mut m,
            Action::Smoke(SmokeEvent::Sending {
                to: sink(),
                marker: "fwt-20261130T104358Z-3f9a1c".into(),
                records: 10,
            }),
        );
        update(&mut m, Action::Smoke(SmokeEvent::Send(SendEvent::Progress { sent: 10, total: 10 })));
        update(&mut m, Action::Smoke(SmokeEvent::Sent(report(10))));
        update(
            &mut m,
            Action::Smoke(SmokeEvent::Waiting {
                elapsed: Duration::from_secs(42),
                timeout: Duration::from_secs(240),
                buffer_interval: Some(60),
                arrived: 0,
                expected: 10,
                looking: vec![HOUR.into()],
            }),
        );
        snap!("watch_smoke_running", text(&m), AWS_TEXTS);

        let passed = Verdict {
            ok: true,
            stream: "retail-trans".into(),
            bucket: "aws-analytics-immersion-day-a1b2c3d4".into(),
            marker: "fwt-20261130T104358Z-3f9a1c".into(),
            send: report(10),
            arrived: 10,
            objects: vec![Arrival {
                object: object("retail-trans-1-2026-11-30-10-44-01-9b2f0c1e-1111-4a5b-8c9d-0e1f2a3b4c5d", 2_448, 0),
                delay_s: 61.4,
                records: Some(10),
                opaque: None,
                wrong_extension: false,
                first_lines: vec![
                    "{\"Invoice\":\"574746\",\"StockCode\":\"22295\",\"Description\":\"HEART FILIGREE DOVE LARGE\"}"
                        .into(),
                ],
            }],
            looked_under: vec![HOUR.into()],
            extension: String::new(),
            elsewhere: vec![],
            error_objects: vec![],
            errored: 0,
            log_events: vec![],
            incoming: None,
            delivered: None,
            causes: vec![],
            waited_s: 65.0,
            notes: vec![],
        };
        let fx = update(&mut m, Action::SmokeDone(Ok(Box::new(passed.clone()))));
        assert_eq!(fx, vec![Effect::Refresh { generation: 2 }], "the objects the test made show up");
        snap!("watch_smoke_passed", text(&m), AWS_TEXTS);
        // v shows the whole verdict
        press(&mut m, KeyCode::Char('v'));
        assert_eq!(m.view.as_ref().map(|v| v.title.clone()), Some(i18n::loader().get("watch-verdict-title")));
        press(&mut m, KeyCode::Esc);

        let s = snapshot();
        let failed = Verdict {
            ok: false,
            arrived: 0,
            objects: vec![],
            error_objects: s.error_objects.clone(),
            errored: 10,
            log_events: s.log_events.clone(),
            incoming: Some(10.0),
            delivered: Some(0.0),
            causes: vec![msg!("cause-error-objects").to_string(), msg!("cause-error-log").to_string()],
            ..passed
        };
        press(&mut m, KeyCode::Char('t'));
        update(&mut m, Action::SmokeDone(Ok(Box::new(failed))));
        snap!("watch_smoke_failed", text(&m), AWS_TEXTS);
    });
}

#[test]
fn standalone_after_a_failed_refresh_and_its_keys() {
    common::lang::each_language(|| {
        let mut m = model(true);
        update(
            &mut m,
            Action::Snapshot {
                generation: 1,
                result: Err("cloudwatch:GetMetricData: AccessDenied: not authorized".into()),
            },
        );
        snap!("watch_refresh_failed", text(&m), AWS_TEXTS);
        let mut m = loaded(true);
        let mut s = snapshot();
        s.metrics.clear();
        s.objects.clear();
        s.error_objects.clear();
        s.log_events.clear();
        s.problems = vec![
            msg!(
                "part-failed",
                part = msg!("part-metrics"),
                error = "cloudwatch:GetMetricData: AccessDenied: not authorized"
            )
            .to_string(),
        ];
        let fx = press(&mut m, KeyCode::Char('r'));
        assert_eq!(fx, vec![Effect::Refresh { generation: 2 }]);
        update(&mut m, Action::Snapshot { generation: 2, result: Ok(Box::new(s)) });
        snap!("watch_standalone_empty", text(&m), AWS_TEXTS);
        press(&mut m, KeyCode::Char('?'));
        snap!("watch_keys", text(&m), AWS_TEXTS);
        press(&mut m, KeyCode::Esc);
        press(&mut m, KeyCode::Char('q'));
        assert!(m.closed, "q leaves; standalone, the program ends");
    });
}
