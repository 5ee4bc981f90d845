//! Remote text (what AWS or a file holds) can never drive the terminal: generated strings, biased
//! towards C0 and C1 controls, DEL, escape sequences, format characters and U+2028/U+2029, go through
//! every function that renders remote data (the escape, messages in both languages, the report's
//! text and lines, the JSON writer, the watch view and the wizard drawn into a ratatui buffer); none
//! of their output holds such a character raw (new lines and tabs only where text has several lines),
//! what they show of the text is its escaped form, and the JSON parses back to the input.

use std::time::Duration;

use chrono::{TimeZone, Utc};
use firehose_wizard::cloud::CloudError;
use firehose_wizard::cloud::dataflow::{Arrival, FailedRecord, SendEvent, SendReport, Verdict};
use firehose_wizard::cloud::inventory::Item;
use firehose_wizard::cloud::monitor::{ErrorObject, LogEvent, Object, Snapshot};
use firehose_wizard::cloud::provision::{self, Failure, Resource};
use firehose_wizard::i18n::{self, Lang};
use firehose_wizard::msg;
use firehose_wizard::plan::describe::{LogTarget, SourceFacts, StreamFacts};
use firehose_wizard::plan::msg::Msg;
use firehose_wizard::plan::request::Target;
use firehose_wizard::plan::{Plan, sanitize, sanitize_lines, to_json_string, to_json_string_pretty};
use firehose_wizard::report;
use firehose_wizard::tui::theme::Theme;
use firehose_wizard::tui::{screens, watch, wizard};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

#[path = "common/strategies.rs"]
mod strategies;
use strategies::{forbidden, raw_in, remote_text};

macro_rules! clean {
    ($out:expr, $lines:expr, $($what:tt)*) => {{
        let out: &str = &$out;
        let raw = raw_in(out, $lines);
        prop_assert!(raw.is_empty(), "{}: {raw:?} raw in {out:?}", format!($($what)*));
    }};
}

/// `\u{X}`, `\n`, `\t`, `\r` read back (the input of this has no backslash of its own).
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('u') => {
                assert_eq!(it.next(), Some('{'));
                let hex: String = it.by_ref().take_while(|&c| c != '}').collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
            }
            other => panic!("an escape the escape does not write: \\{other:?}"),
        }
    }
    out
}

fn at(minutes_ago: i64) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 30, 10, 45, 0).unwrap() - chrono::Duration::minutes(minutes_ago)
}

fn target() -> Target {
    Target { account: "123456789012".into(), region: "us-east-1".into(), partition: "aws".into() }
}

/// A stream's facts with `s` in every text AWS gives.
fn facts(s: &str) -> StreamFacts {
    let mut f = firehose_wizard::plan::describe::planned(&Plan::lab("a1b2c3d4"), &target()).unwrap();
    f.name = format!("n{s}");
    f.arn = format!("arn:aws:firehose:us-east-1:123456789012:deliverystream/{s}");
    f.status = format!("ACTIVE{s}");
    f.failure = Some(s.to_owned());
    let s3 = f.s3.as_mut().unwrap();
    s3.bucket = format!("b{s}");
    s3.prefix = format!("raw/{s}/");
    s3.compression = s.to_owned();
    s3.format_conversion = Some(s.to_owned());
    s3.log = Some(LogTarget { group: format!("/aws/kinesisfirehose/{s}"), streams: vec![s.to_owned()] });
    f
}

fn object(s: &str) -> Object {
    Object { key: format!("raw/{s}"), size: 12, last_modified: Some(at(1)) }
}

fn log_event(s: &str) -> LogEvent {
    LogEvent {
        at: at(2),
        stream: format!("DestinationDelivery{s}"),
        code: Some(s.to_owned()),
        message: format!("m{s}"),
    }
}

fn error_object(s: &str) -> ErrorObject {
    ErrorObject {
        object: object(s),
        error_type: s.to_owned(),
        code: Some(s.to_owned()),
        message: Some(s.to_owned()),
        first_line: Some(s.to_owned()),
    }
}

fn snapshot(s: &str) -> Snapshot {
    Snapshot {
        taken_at: at(0),
        region: "us-east-1".into(),
        stream: facts(s),
        window_minutes: 60,
        metrics: vec![],
        objects: vec![object(s), object(&format!("{s}2"))],
        listed: vec![format!("raw/{s}/")],
        error_objects: vec![error_object(s)],
        log_events: vec![log_event(s)],
        problems: vec![msg!("part-failed", part = msg!("part-metrics"), error = s).to_string()],
    }
}

fn send_report(s: &str) -> SendReport {
    SendReport {
        to: format!("the Kinesis stream {s}"),
        api: "kinesis:PutRecords",
        total: 3,
        sent: 1,
        calls: 1,
        retried: 0,
        failed: vec![FailedRecord { index: 1, code: s.to_owned(), message: format!("m{s}") }],
        stopped: None,
        hint: Some(s.to_owned()),
        started: at(3),
        ended: at(3),
        seconds: 0.1,
    }
}

fn verdict(s: &str, ok: bool) -> Verdict {
    let arrival = Arrival {
        object: object(s),
        delay_s: 1.0,
        records: Some(1),
        opaque: None,
        wrong_extension: false,
        first_lines: vec![s.to_owned(), format!("{{\"a\":\"{s}\"}}")],
    };
    Verdict {
        ok,
        stream: s.to_owned(),
        bucket: format!("b{s}"),
        marker: "fwt-1".into(),
        send: send_report(s),
        arrived: 1,
        objects: vec![arrival.clone()],
        looked_under: vec![format!("raw/{s}/"), "other/".into()],
        extension: s.to_owned(),
        elsewhere: vec![arrival],
        error_objects: vec![error_object(s)],
        errored: 1,
        log_events: vec![log_event(s)],
        incoming: Some(1.0),
        delivered: None,
        causes: vec![s.to_owned()],
        waited_s: 3.0,
        notes: vec![s.to_owned()],
    }
}

fn context(s: &str) -> wizard::Context {
    wizard::Context {
        profile: Some(s.to_owned()),
        region: Some(s.to_owned()),
        endpoint: None,
        target: Some(Target { account: s.to_owned(), region: s.to_owned(), partition: "aws".into() }),
        identity_error: None,
    }
}

/// Every cell of the buffer, checked: nothing raw in any symbol.
fn buffer_clean(buf: &ratatui::buffer::Buffer) -> Result<(), TestCaseError> {
    for (i, cell) in buf.content.iter().enumerate() {
        let raw = raw_in(cell.symbol(), false);
        prop_assert!(
            raw.is_empty(),
            "cell {i} ({}, {}) holds {raw:?}",
            i % buf.area.width as usize,
            i / buf.area.width as usize
        );
    }
    Ok(())
}

fn watch_buffer(m: &watch::Model) -> ratatui::buffer::Buffer {
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| screens::watch::draw(f, m, &Theme::color(), at(0))).unwrap();
    t.backend().buffer().clone()
}

fn wizard_buffer(m: &wizard::Model) -> ratatui::buffer::Buffer {
    let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
    t.draw(|f| screens::draw(f, m, &Theme::color(), at(0))).unwrap();
    t.backend().buffer().clone()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, .. ProptestConfig::default() })]

    #[test]
    fn the_escape_leaves_nothing_raw_loses_nothing_and_is_idempotent(s in remote_text()) {
        let once = sanitize(&s);
        clean!(once, false, "sanitize");
        prop_assert_eq!(sanitize(&once), once.clone(), "escaping twice changes nothing");
        prop_assert_eq!(sanitize_lines(&once), once.clone());
        let lines = sanitize_lines(&s);
        clean!(lines, true, "sanitize_lines");
        prop_assert_eq!(lines.matches('\n').count(), s.matches('\n').count(), "its new lines are kept");
        prop_assert_eq!(lines.matches('\t').count(), s.matches('\t').count(), "its tabs are kept");
        prop_assert_eq!(sanitize(&lines), once.clone());
        if !s.contains('\\') {
            prop_assert_eq!(unescape(&once), s.clone(), "every character is there, escaped or as it was");
        }
        let quoted = firehose_wizard::plan::quoted(&s);
        clean!(quoted, false, "quoted");
    }

    #[test]
    fn json_escapes_the_same_characters_and_parses_back(s in remote_text()) {
        let compact = to_json_string(&s);
        clean!(compact, false, "compact JSON");
        prop_assert_eq!(serde_json::from_str::<String>(&compact).unwrap(), s.clone());
        let value = serde_json::json!({ "k": s, s.clone(): [s, { "n": 1 }] });
        let pretty = to_json_string_pretty(&value);
        clean!(pretty, true, "pretty JSON");
        prop_assert_eq!(serde_json::from_str::<serde_json::Value>(&pretty).unwrap(), value.clone());
        // the status snapshot as `status --json` writes it
        let snap = snapshot(&s);
        let json = to_json_string_pretty(&snap);
        clean!(json, true, "status --json");
        prop_assert_eq!(serde_json::from_str::<serde_json::Value>(&json).unwrap(), serde_json::to_value(&snap).unwrap());
    }

    #[test]
    fn messages_show_their_text_arguments_escaped_in_both_languages(s in remote_text()) {
        for lang in Lang::ALL {
            i18n::with(lang, || -> Result<(), TestCaseError> {
                let shown = sanitize(&s);
                let text = Msg::text(s.clone()).to_string();
                clean!(text, false, "Msg::text");
                prop_assert_eq!(text, shown.clone());
                let m = msg!("no-such-stream", name = s.clone(), region = s.clone()).to_string();
                clean!(m, false, "no-such-stream");
                prop_assert!(m.contains(&shown), "{m:?} shows {shown:?}");
                let nested = msg!("part-failed", part = msg!("text", text = s.clone()), error = s.clone()).to_string();
                clean!(nested, false, "a message in a message");
                let t = firehose_wizard::t!("watch-title", stream = s.clone());
                clean!(t, false, "t!");
                prop_assert!(t.contains(&shown), "{t:?} shows {shown:?}");
                let e = CloudError { operation: Some("logs:FilterLogEvents"), code: Some(s.clone()), message: Msg::text(s.clone()),
                    request_id: Some(s.clone()), hint: Some(Box::new(Msg::text(s.clone()))), answer_lost: false };
                clean!(e.summary(), false, "an AWS error");
                Ok(())
            })?;
        }
    }

    #[test]
    fn the_report_shows_remote_text_escaped(s in remote_text()) {
        let shown = sanitize(&s);
        let snap = snapshot(&s);
        let lines = report::snapshot(&snap);
        for (_, l) in &lines {
            clean!(l, false, "status line");
        }
        let all: String = lines.iter().map(|(_, l)| format!("{l}\n")).collect();
        prop_assert!(all.contains(&format!("DestinationDelivery{shown}  {shown}: m{shown}")), "the log line, escaped: {all}");
        prop_assert!(all.contains(&format!("/raw/{shown}")), "an object's key, escaped: {all}");
        for (_, l) in report::verdict(&verdict(&s, true)).iter().chain(&report::verdict(&verdict(&s, false))) {
            clean!(l, false, "verdict line");
        }
        for (_, l) in &report::send_failures(&send_report(&s)) {
            clean!(l, false, "send failure");
        }
        let retry = SendEvent::Retrying { records: 2, code: s.clone(), attempt: 1, attempts: 6, wait: Duration::from_millis(200) };
        for text in [
            report::log_what(&log_event(&s)),
            report::error_what(&error_object(&s)),
            report::source_text(&SourceFacts::Other { kind: s.clone() }),
            report::source_text(&SourceFacts::KinesisStream { stream_arn: format!("arn:aws:kinesis:us-east-1:1:stream/{s}") }),
            report::destination_text(&snap.stream),
            report::settings_text(snap.stream.s3.as_ref().unwrap()),
            report::send_summary(&send_report(&s)),
            report::retry_line(&retry).unwrap(),
        ] {
            clean!(text, false, "report text");
        }
    }
}

proptest! {
    // a screen takes a millisecond or two to draw
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn the_watch_view_draws_remote_text_escaped(s in remote_text()) {
        for lang in Lang::ALL {
            i18n::with(lang, || -> Result<(), TestCaseError> {
                let mut m = watch::Model::new(&s, context(&s), false);
                m.start(false);
                watch::update(&mut m, watch::Action::Snapshot { generation: 1, result: Ok(Box::new(snapshot(&s))) });
                buffer_clean(&watch_buffer(&m))?;
                m.status = Some(s.clone());
                m.view = Some(watch::View { title: s.clone(), text: format!("{s}\n{s}\t{s}"), scroll: 0 });
                buffer_clean(&watch_buffer(&m))?;
                m.view = None;
                m.status = None;
                watch::update(&mut m, watch::Action::Key(KeyEvent::from(KeyCode::Char('t'))));
                watch::update(&mut m, watch::Action::SmokeDone(Ok(Box::new(verdict(&s, false)))));
                buffer_clean(&watch_buffer(&m))?;
                // the refresh the verdict asks for fails
                watch::update(&mut m, watch::Action::Snapshot { generation: 2, result: Err(s.clone()) });
                prop_assert!(m.error.is_some());
                buffer_clean(&watch_buffer(&m))
            })?;
        }
    }

    #[test]
    fn the_wizard_draws_remote_names_and_errors_escaped(s in remote_text()) {
        let mut m = wizard::Model::new(&Plan::lab("a1b2c3d4"), context(&s));
        let loads: Vec<_> = m.start().into_iter().filter_map(|e| match e {
            wizard::Effect::LoadList { kind, generation } => Some((kind, generation)),
            _ => None,
        }).collect();
        for (kind, generation) in loads {
            let items = vec![
                Item { value: s.clone(), detail: s.clone(), selectable: true, rank: 0 },
                Item { value: format!("x{s}"), detail: s.clone(), selectable: false, rank: 1 },
            ];
            wizard::update(&mut m, wizard::Action::ListPage { kind, generation, items, done: true });
        }
        m.focus = m.fields().iter().position(|f| *f == wizard::Field::KinesisStream).unwrap();
        wizard::update(&mut m, wizard::Action::Key(KeyEvent::from(KeyCode::Down)));
        prop_assert!(m.popup.is_some(), "the picker is open");
        buffer_clean(&wizard_buffer(&m))?;
        wizard::update(&mut m, wizard::Action::Key(KeyEvent::from(KeyCode::Esc)));
        m.step = wizard::Step::Review;
        m.focus = 0;
        buffer_clean(&wizard_buffer(&m))?;
        wizard::update(&mut m, wizard::Action::Key(KeyEvent::from(KeyCode::Char('c'))));
        wizard::update(&mut m, wizard::Action::Key(KeyEvent::from(KeyCode::Char('y'))));
        wizard::update(&mut m, wizard::Action::Provisioned(Box::new(Err(Failure {
            step: provision::Step::Bucket,
            error: CloudError { operation: Some("s3:CreateBucket"), code: Some(s.clone()), message: Msg::text(s.clone()),
                request_id: Some(s.clone()), hint: Some(Box::new(Msg::text(s.clone()))), answer_lost: false },
            resources: vec![Resource { kind: provision::Kind::Bucket, id: s.clone(), created: true }],
            journal: None,
        }))));
        buffer_clean(&wizard_buffer(&m))?;
    }
}

#[test]
fn the_generated_format_characters_are_format_characters() {
    use icu_properties::CodePointMapData;
    use icu_properties::props::GeneralCategory;
    // the strategy's list is Cf by the Unicode Character Database (a typo would test nothing)
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..5_000 {
        let s = remote_text().new_tree(&mut runner).unwrap().current();
        seen.extend(
            s.chars().filter(|&c| CodePointMapData::<GeneralCategory>::new().get(c) == GeneralCategory::Format),
        );
    }
    assert!(seen.len() >= 30, "the strategy yields many format characters: {seen:?}");
    assert!(seen.iter().any(|&c| c as u32 > 0xffff), "above U+FFFF too");
    assert!(
        forbidden('\u{9b}')
            && forbidden('\u{202e}')
            && forbidden('\u{e0041}')
            && !forbidden('가')
            && !forbidden('\u{a0}')
    );
}
