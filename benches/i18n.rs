//! What speaking a language costs: the first message (the two embedded catalogues parsed), rendering
//! the validation messages of a plan with nine problems, and redrawing the wizard's Review and
//! Destination screens at 80×24, in English and in Korean. Asserts nothing.
//!   cargo bench --bench i18n

mod common;

use std::time::Instant;

use chrono::Utc;
use common::report;
use firehose_wizard::i18n::{self, Lang};
use firehose_wizard::plan::request::Target;
use firehose_wizard::plan::{Plan, Role, Source, validate};
use firehose_wizard::tui::screens;
use firehose_wizard::tui::theme::Theme;
use firehose_wizard::tui::wizard::{Context, Model, Step};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn bad_plan() -> Plan {
    let mut p = Plan::lab("a1b2c3d4");
    p.name = "retail trans".into();
    p.source = Source::KinesisStream("arn:aws:kinesis:us-east-1:123:stream/x".into());
    p.destination.bucket = "192.168.5.4".into();
    p.destination.prefix = "json/!{timestamp:yyyy}/!{firehose:error-output-type}/".into();
    p.destination.error_prefix = Some("err/!{timestamp:yyyy}/".into());
    p.settings.buffer_size_mib = 0;
    p.settings.buffer_interval_s = 901;
    p.settings.compression = "gzip".into();
    p.settings.role = Role::Create("x".repeat(65));
    p
}

fn main() {
    let t = Instant::now();
    let first = i18n::with(Lang::Ko, || validate::validate(&bad_plan()).iter().map(ToString::to_string).count());
    println!(
        "first message (both catalogues parsed, once)      {:>8.1} µs  ({first} messages)",
        t.elapsed().as_secs_f64() * 1e6
    );

    let problems = validate::validate(&bad_plan());
    let context = Context {
        profile: Some("workshop".into()),
        region: Some("us-east-1".into()),
        endpoint: None,
        target: Some(Target { account: "123456789012".into(), region: "us-east-1".into(), partition: "aws".into() }),
        identity_error: None,
    };
    let theme = Theme::color();
    let now = Utc::now();
    for lang in Lang::ALL {
        i18n::with(lang, || {
            let samples = (0..2000)
                .map(|_| {
                    let t = Instant::now();
                    let n: usize = problems.iter().map(|p| p.to_string().len()).sum();
                    std::hint::black_box(n);
                    t.elapsed()
                })
                .collect();
            report(&format!("render 9 validation messages ({})", lang.code()), samples);
            for step in [Step::Review, Step::Destination] {
                let mut m = Model::new(&Plan::lab("a1b2c3d4"), context.clone());
                m.step = step;
                let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
                let samples = (0..500)
                    .map(|_| {
                        let t = Instant::now();
                        terminal.draw(|f| screens::draw(f, &m, &theme, now)).unwrap();
                        t.elapsed()
                    })
                    .collect();
                report(&format!("redraw {step:?}, 80×24 ({})", lang.code()), samples);
            }
        });
    }
}
