//! Step 5: every value grouped by screen (each group editable with its number key), where it will be
//! created, the problems left, and the Create button. `p` and `r` open the exact IAM policies and
//! CreateDeliveryStream request; `s` saves the plan.

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::plan::validate::Severity;
use crate::plan::{Role, Source, policy};
use crate::tui::theme::Theme;
use crate::tui::widgets::fit;
use crate::tui::wizard::{Field, Model};

pub fn draw(f: &mut Frame, area: Rect, m: &Model, t: &Theme, now: DateTime<Utc>) {
    let plan = m.plan();
    let w = area.width as usize;
    let vw = w.saturating_sub(26);
    let mut lines: Vec<Line> = Vec::new();
    let group = |n: &str, title: &str, rows: Vec<String>, lines: &mut Vec<Line>| {
        for (i, r) in rows.into_iter().enumerate() {
            let head = if i == 0 {
                vec![Span::styled(format!(" {n} "), t.key), Span::styled(format!("{:<20}", title), t.label)]
            } else {
                vec![Span::raw(format!("{:<23}", ""))]
            };
            let mut spans = head;
            spans.push(Span::styled(fit(&r, vw), t.value));
            lines.push(Line::from(spans));
        }
    };
    let source = match &plan.source {
        Source::DirectPut => "Direct PUT".to_owned(),
        Source::KinesisStream(s) => format!("Kinesis data stream {s}"),
    };
    group("1", "Name and source", vec![format!("{} ← {source}", plan.name)], &mut lines);
    group("2", "Process records", vec!["Lambda transform: disabled · format conversion: disabled".into()], &mut lines);
    let d = &plan.destination;
    let mut dest = vec![format!("s3://{} ({})", d.bucket, if d.create_bucket { "new" } else { "existing" })];
    dest.push(format!("prefix  {}", if d.prefix.is_empty() { "(default yyyy/MM/dd/HH/)" } else { &d.prefix }));
    dest.push(format!("errors  {}", d.error_prefix().unwrap_or("(none)")));
    if let Some(ex) = m.examples(now) {
        dest.push(format!("e.g.    {}", ex.prefix));
    }
    group("3", "Destination", dest, &mut lines);
    let s = &plan.settings;
    let region = m.target().region;
    let role = match &s.role {
        Role::Create(r) => format!(
            "{r} (new, or reused if it trusts Firehose) + policy {}",
            policy::inline_policy_name(&plan, &region)
        ),
        Role::Existing(r) => format!("{r} (existing, used as it is)"),
    };
    group(
        "4",
        "Settings",
        vec![
            format!("buffer {} MiB / {} s · {}", s.buffer_size_mib, s.buffer_interval_s, s.compression),
            format!("role {role}"),
        ],
        &mut lines,
    );
    let c = &m.context;
    let where_ = match &c.target {
        Some(tg) => format!("account {} · {} · partition {}", tg.account, tg.region, tg.partition),
        None => format!("account unknown · {}", c.region.as_deref().unwrap_or("no region")),
    };
    let profile = c.profile.as_deref().map(|p| format!(" · profile {p}")).unwrap_or_default();
    let endpoint = c.endpoint.as_deref().map(|e| format!(" · endpoint {e}")).unwrap_or_default();
    lines.push(Line::from(vec![
        Span::styled("   Where                ", t.label),
        Span::styled(fit(&format!("{where_}{profile}{endpoint}"), vw), t.value),
    ]));
    lines.push(Line::from(""));

    let problems = m.problems();
    let errors: Vec<_> = problems.iter().filter(|p| p.severity == Severity::Error).collect();
    if errors.is_empty() {
        lines.push(Line::from(Span::styled("   ✓ no problems: ready to create", t.ok)));
    } else {
        for p in errors.iter().take(3) {
            lines.push(Line::from(Span::styled(fit(&format!("   ! {}: {}", p.path, p.message), w), t.error)));
        }
    }
    let warnings = problems.iter().filter(|p| p.severity == Severity::Warning).count();
    if warnings > 0 {
        lines.push(Line::from(Span::styled(
            format!("   ~ {warnings} warning(s): see the screens marked above"),
            t.warning,
        )));
    }
    lines.push(Line::from(""));
    let focused = m.focused() == Some(Field::Create);
    let button = if focused { t.focus } else { t.key };
    lines.push(Line::from(vec![
        Span::raw("   "),
        Span::styled(if focused { "› [ Create ] " } else { "  [ Create ] " }, button),
        Span::styled("  p policies · r request · s save plan · 1-4 edit", t.dim),
    ]));
    f.render_widget(Paragraph::new(lines), area);
}
