//! What each screen looks like at 80×24 (ratatui's TestBackend, text snapshots with insta): empty,
//! filled and with errors; progress, failure and summary; popups; the too-small screen; and the
//! NO_COLOR theme, checked cell by cell.

mod common;

use std::time::Duration;

use chrono::{TimeZone, Utc};
use firehose_wizard::cloud::CloudError;
use firehose_wizard::cloud::inventory::Item;
use firehose_wizard::cloud::provision::{self, Failure, Outcome, Progress, Resource, State};
use firehose_wizard::msg;
use firehose_wizard::plan::Plan;
use firehose_wizard::plan::msg::Msg;
use firehose_wizard::plan::request::Target;
use firehose_wizard::tui::screens;
use firehose_wizard::tui::theme::Theme;
use firehose_wizard::tui::wizard::{Action, Context, Effect, Field, ListKind, Model, Popup, Step, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};

fn context() -> Context {
    Context {
        profile: Some("workshop".into()),
        region: Some("us-east-1".into()),
        endpoint: None,
        target: Some(Target { account: "123456789012".into(), region: "us-east-1".into(), partition: "aws".into() }),
        identity_error: None,
    }
}

fn model(plan: &Plan) -> Model {
    let mut m = Model::new(plan, context());
    m.sample_id = "00000000-0000-4000-8000-000000000000".into();
    m.sample_random = "5abf82daaa5".into();
    // the lists as the account has them
    let gens: Vec<_> = m
        .start()
        .into_iter()
        .filter_map(|e| match e {
            Effect::LoadList { kind, generation } => Some((kind, generation)),
            _ => None,
        })
        .collect();
    for (kind, generation) in gens {
        let items = match kind {
            ListKind::Streams => vec![
                Item {
                    value: "retail-trans".into(),
                    detail: stream_detail("ACTIVE", "mode-on-demand"),
                    selectable: true,
                    rank: 0,
                },
                Item {
                    value: "clickstream".into(),
                    detail: stream_detail("ACTIVE", "mode-provisioned"),
                    selectable: true,
                    rank: 0,
                },
                Item {
                    value: "orders-new".into(),
                    detail: stream_detail("CREATING", "mode-on-demand"),
                    selectable: false,
                    rank: 1,
                },
            ],
            ListKind::Buckets => {
                vec![Item { value: "my-data-lake".into(), detail: "us-east-1".into(), selectable: true, rank: 0 }]
            }
            ListKind::Roles => vec![
                Item {
                    value: "firehose_delivery_role".into(),
                    detail: msg!("role-trusts-firehose").to_string(),
                    selectable: true,
                    rank: 0,
                },
                Item {
                    value: "lambda-basic".into(),
                    detail: msg!("role-does-not-trust-firehose").to_string(),
                    selectable: true,
                    rank: 1,
                },
            ],
        };
        update(&mut m, Action::ListPage { kind, generation, items, done: true });
    }
    m
}

/// A stream's line in the list, as the inventory writes it: `ACTIVE · on-demand`.
fn stream_detail(status: &str, mode: &'static str) -> String {
    format!("{status} · {}", Msg::new(mode))
}

/// What AWS says in these screens, shown as it sent it in either language.
const AWS_TEXTS: &[&str] = &["The requested bucket name is not available."];

fn lab() -> Model {
    model(&Plan::lab("a1b2c3d4"))
}

fn blank() -> Model {
    let mut p = Model::blank_plan();
    p.destination.bucket = "aws-analytics-immersion-day-z9y8x7w6".into();
    model(&p)
}

fn render_with(m: &Model, theme: &Theme, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 11, 26, 10, 30, 0).unwrap();
    t.draw(|f| screens::draw(f, m, theme, now)).unwrap();
    t
}

fn text(m: &Model) -> String {
    text_at(m, 80, 24)
}

fn text_at(m: &Model, w: u16, h: u16) -> String {
    common::screen_text(render_with(m, &Theme::color(), w, h).backend().buffer())
}

fn key(m: &mut Model, code: KeyCode) {
    update(m, Action::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}
fn ctrl(m: &mut Model, c: char) {
    update(m, Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)));
}
fn typed(m: &mut Model, s: &str) {
    for c in s.chars() {
        key(m, KeyCode::Char(c));
    }
}
fn at(m: &mut Model, step: Step) {
    m.step = step;
    m.focus = 0;
}
/// Focuses a field of the current screen by name (positions move as options appear).
fn focus(m: &mut Model, field: Field) {
    m.focus = m.fields().iter().position(|f| *f == field).unwrap_or_else(|| panic!("{field:?} is not on screen"));
}

#[test]
fn name_source_screens() {
    common::lang::each_language(|| {
        snap!("name_source_empty", text(&blank()));
        snap!("name_source_filled", text(&lab()));
        let mut m = blank();
        typed(&mut m, "retail trans!");
        ctrl(&mut m, 'n');
        snap!("name_source_errors", text(&m));
    });
}

#[test]
fn process_screen() {
    common::lang::each_language(|| {
        let mut m = lab();
        at(&mut m, Step::Process);
        snap!("process", text(&m));
    });
}

#[test]
fn destination_screens() {
    common::lang::each_language(|| {
        let mut m = blank();
        at(&mut m, Step::Destination);
        snap!("destination_empty", text(&m));
        let mut m = lab();
        at(&mut m, Step::Destination);
        snap!("destination_filled", text(&m));
        focus(&mut m, Field::Prefix);
        key(&mut m, KeyCode::End);
        typed(&mut m, "!{timestamp:YYYY}");
        focus(&mut m, Field::Bucket);
        key(&mut m, KeyCode::End);
        typed(&mut m, "_UPPER");
        snap!("destination_errors", text(&m));
    });
}

#[test]
fn settings_screens() {
    common::lang::each_language(|| {
        let mut m = lab();
        at(&mut m, Step::Settings);
        snap!("settings_filled", text(&m));
        key(&mut m, KeyCode::Backspace);
        typed(&mut m, "0");
        focus(&mut m, Field::BufferInterval);
        typed(&mut m, "x");
        focus(&mut m, Field::RoleMode);
        key(&mut m, KeyCode::Char(' '));
        focus(&mut m, Field::RoleName);
        snap!("settings_errors_existing_role", text(&m));
    });
}

#[test]
fn review_and_its_popups() {
    common::lang::each_language(|| {
        let mut m = lab();
        at(&mut m, Step::Review);
        snap!("review", text(&m));
        key(&mut m, KeyCode::Char('r'));
        snap!("review_request", text(&m));
        key(&mut m, KeyCode::Esc);
        key(&mut m, KeyCode::Char('p'));
        snap!("review_policies", text(&m));
        key(&mut m, KeyCode::Esc);
        key(&mut m, KeyCode::Enter);
        snap!("review_confirm_create", text(&m));
    });
}

/// A screen with the view's body blanked (between its borders): what the language check reads.
fn around_the_view(screen: &str) -> String {
    let lines = screen.lines().map(|l| match (l.find('│'), l.rfind('│')) {
        (Some(a), Some(b)) if a < b => format!("{}│{}", &l[..a], &l[b..]),
        _ => l.to_owned(),
    });
    lines.collect::<Vec<_>>().join("\n")
}

/// The export view: the output is code, in English with its comments (every language checks the
/// frame, the title and the footer around it).
#[test]
fn review_export_view() {
    common::lang::each_language(|| {
        let mut m = lab();
        at(&mut m, Step::Review);
        key(&mut m, KeyCode::Char('x'));
        assert!(matches!(&m.popup, Some(Popup::Export(v)) if v.text.starts_with("#!/usr/bin/env bash")));
        let screen = text(&m);
        common::lang::check_language("review_export_cli", &around_the_view(&screen), &[]);
        insta::assert_snapshot!(common::lang::snap_name("review_export_cli"), screen);
        key(&mut m, KeyCode::Right);
        key(&mut m, KeyCode::Right);
        key(&mut m, KeyCode::PageDown);
        // s: the app writes the file, its answer shows on the view's bottom border
        update(&mut m, Action::ExportSaved(Ok("retail-trans-2.tf".into())));
        let screen = text(&m);
        common::lang::check_language("review_export_terraform", &around_the_view(&screen), &[]);
        insta::assert_snapshot!(common::lang::snap_name("review_export_terraform"), screen);
        key(&mut m, KeyCode::Esc);
        assert!(m.popup.is_none());
    });
}

/// `--from-stream`: the copy's first screen, with what it leaves out in a view.
#[test]
fn a_copy_of_a_stream() {
    common::lang::each_language(|| {
        let mut plan = Plan::lab("a1b2c3d4");
        plan.name.clear();
        plan.destination.create_bucket = false;
        plan.settings.role = firehose_wizard::plan::Role::Existing("firehose_delivery_role".into());
        plan.settings.add_policy_to_role = true;
        let mut m = model(&plan);
        let lost = [
            msg!(
                "import-log-elsewhere",
                path = "CloudWatchLoggingOptions",
                value = "/team/firehose:delivery",
                planned = "/aws/kinesisfirehose/retail-trans:S3Delivery"
            ),
            msg!("import-cannot-hold", path = "Tags.aws:cloudformation:stack-name", value = "lab"),
        ];
        m.copied_from("retail-trans", &lost);
        snap!("copied_from_lost", text(&m));
        key(&mut m, KeyCode::Esc);
        snap!("copied_from", text(&m));
    });
}

#[test]
fn picker_popup() {
    common::lang::each_language(|| {
        let mut m = lab();
        focus(&mut m, Field::KinesisStream);
        key(&mut m, KeyCode::Down);
        snap!("picker_streams", text(&m));
        typed(&mut m, "e");
        key(&mut m, KeyCode::Down);
        snap!("picker_streams_filtered", text(&m));
    });
}

fn creating() -> Model {
    let mut m = lab();
    at(&mut m, Step::Review);
    key(&mut m, KeyCode::Char('c'));
    key(&mut m, KeyCode::Char('y'));
    let done = |step, detail: Msg| Progress {
        step,
        state: State::Done { done: provision::Done::Ok, detail },
        elapsed: Duration::from_millis(120),
    };
    update(&mut m, Action::Progress(done(provision::Step::Account, Msg::text("123456789012 (aws, us-east-1)"))));
    update(&mut m, Action::Progress(done(provision::Step::Name, msg!("detail-name-free", name = "retail-trans"))));
    update(
        &mut m,
        Action::Progress(Progress { step: provision::Step::Source, state: State::Started, elapsed: Duration::ZERO }),
    );
    m
}

#[test]
fn progress_failure_and_summary() {
    common::lang::each_language(|| {
        let mut m = creating();
        for _ in 0..7 {
            update(&mut m, Action::Tick);
        }
        snap!("creating", text(&m));
        update(
            &mut m,
            Action::Provisioned(Box::new(Err(Failure {
                step: provision::Step::Bucket,
                error: CloudError {
                    operation: Some("s3:CreateBucket"),
                    code: Some("BucketAlreadyExists".into()),
                    message: Msg::text("The requested bucket name is not available."),
                    request_id: Some("4442587FB7D0A2F9".into()),
                    hint: Some(Box::new(msg!("hint-bucket-taken"))),
                    answer_lost: false,
                },
                resources: vec![Resource {
                    kind: provision::Kind::KinesisStream,
                    id: "arn:aws:kinesis:us-east-1:123456789012:stream/retail-trans".into(),
                    created: false,
                }],
                journal: None,
            }))),
        );
        snap!("failed", text(&m), AWS_TEXTS);
        let mut m = creating();
        update(
            &mut m,
            Action::Provisioned(Box::new(Ok(Outcome {
                target: Target { account: "123456789012".into(), region: "us-east-1".into(), partition: "aws".into() },
                stream_arn: "arn:aws:firehose:us-east-1:123456789012:deliverystream/retail-trans".into(),
                resources: vec![],
            }))),
        );
        snap!("done", text(&m));
    });
}

#[test]
fn too_small_and_help() {
    common::lang::each_language(|| {
        snap!("too_small", text_at(&lab(), 60, 15));
        let mut m = lab();
        ctrl(&mut m, 'g');
        snap!("help", text(&m));
    });
}

#[test]
fn wide_characters_and_long_values_keep_the_layout() {
    let mut p = Plan::lab("a1b2c3d4");
    p.name = "日本語のストリーム名前が長い".repeat(4);
    p.destination.prefix = format!("{}/", "very-long-segment/".repeat(20));
    let mut m = model(&p);
    let t = text(&m);
    // the focused name of 56 wide characters shows its end, not an empty field
    let name_row = t.lines().find(|l| l.contains("Delivery stream name")).unwrap();
    assert!(name_row.contains("名前が長い"), "{name_row}");
    at(&mut m, Step::Destination);
    let t = text(&m);
    // long keys wrap onto their two lines instead of running off the screen
    assert!(t.contains("→ error-json/year=2026/month=11/day=26/hour=10/processing-failed日本語"), "{t}");
    snap!("long_values", t);
}

#[test]
fn no_color_theme_uses_no_colour_and_marks_focus_by_reverse_video() {
    let mut m = lab();
    typed(&mut m, " bad");
    for step in [Step::NameSource, Step::Destination, Step::Review] {
        at(&mut m, step);
        let t = render_with(&m, &Theme::mono(), 80, 24);
        let buf = t.backend().buffer();
        for y in 0..24 {
            for x in 0..80 {
                let c = &buf[(x, y)];
                assert_eq!(
                    (c.fg, c.bg),
                    (Color::Reset, Color::Reset),
                    "{step:?}: cell {x},{y} {:?} has a colour",
                    c.symbol()
                );
            }
        }
        // the focused field's label (or the Create button) is in reverse video, next to a '›'
        let row = (0..24)
            .find(|&y| buf[(0, y)].symbol() == "›" || buf[(3, y)].symbol() == "›")
            .unwrap_or_else(|| panic!("{step:?}: no focus marker"));
        assert!(
            (0..80).any(|x| buf[(x, row)].modifier.contains(Modifier::REVERSED)),
            "{step:?}: the focused row has no reverse video"
        );
    }
    // errors carry a '!' symbol, not only a colour
    at(&mut m, Step::NameSource);
    let t = render_with(&m, &Theme::mono(), 80, 24);
    let buf = t.backend().buffer();
    let lines: Vec<String> = (0..24).map(|y| (0..80).map(|x| buf[(x, y)].symbol()).collect()).collect();
    assert!(
        lines.iter().any(|l| l.trim_start().starts_with("! the delivery stream name may contain only")),
        "{lines:#?}"
    );
}

/// The screens with every option on (the plan of tests/fixtures/every-option.json).
#[test]
fn screens_with_every_option_on() {
    common::lang::each_language(|| {
        let plan = Plan::from_json(include_str!("fixtures/every-option.json")).unwrap();
        let mut m = model(&plan);
        snap!("options_name_source", text(&m));
        at(&mut m, Step::Process);
        snap!("options_process", text(&m));
        at(&mut m, Step::Destination);
        focus(&mut m, Field::SampleRecord);
        typed(&mut m, r#"{"customer":{"id":"C42"},"region":"eu"}"#);
        focus(&mut m, Field::Prefix);
        snap!("options_destination", text(&m));
        at(&mut m, Step::Settings);
        focus(&mut m, Field::AddPolicy);
        snap!("options_settings", text(&m));
        at(&mut m, Step::Review);
        snap!("options_review", text(&m));
        key(&mut m, KeyCode::Char('p'));
        snap!("options_policies", text(&m));
    });
}

/// The popups the other tests do not open: leaving with Ctrl-C, saving the plan.
#[test]
fn quit_and_save_popups() {
    common::lang::each_language(|| {
        let mut m = lab();
        ctrl(&mut m, 'c');
        snap!("confirm_quit", text(&m));
        let mut m = lab();
        at(&mut m, Step::Review);
        key(&mut m, KeyCode::Char('s'));
        snap!("save_plan", text(&m));
        // after a failure that left a bucket, d asks before removing it
        let mut m = creating();
        let bucket = "aws-analytics-immersion-day-a1b2c3d4";
        update(
            &mut m,
            Action::Provisioned(Box::new(Err(Failure {
                step: provision::Step::Role,
                error: CloudError::local(
                    msg!("role-untrusted", arn = "arn:aws:iam::123456789012:role/firehose_delivery_role"),
                    msg!("role-untrusted-hint"),
                ),
                resources: vec![Resource { kind: provision::Kind::Bucket, id: bucket.into(), created: true }],
                journal: None,
            }))),
        );
        key(&mut m, KeyCode::Char('d'));
        snap!("confirm_remove", text(&m));
    });
}
