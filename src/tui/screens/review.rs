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
        Source::NewKinesisStream(n) => match n.shards {
            Some(k) => format!("new Kinesis stream {} (provisioned, {k} shards)", n.name),
            None => format!("new Kinesis stream {} (on-demand)", n.name),
        },
    };
    group("1", "Name and source", vec![format!("{} ← {source}", plan.name)], &mut lines);
    let mut process = Vec::new();
    match &plan.process.lambda {
        Some(l) => process.push(format!(
            "Lambda {} · {} MiB / {} s · {} retries",
            l.function_arn,
            l.buffer_size_mib.unwrap_or(1.0),
            l.buffer_interval_s.unwrap_or(60),
            l.retries.unwrap_or(3)
        )),
        None => process.push("Lambda transform: disabled".into()),
    }
    match &plan.process.format_conversion {
        Some(c) => process.push(format!(
            "convert {} → {} with Glue {}.{} ({})",
            c.input,
            c.output,
            c.glue_database,
            c.glue_table,
            c.glue_version.as_deref().unwrap_or("LATEST")
        )),
        None => process.push("format conversion: disabled".into()),
    }
    group("2", "Process records", process, &mut lines);
    let d = &plan.destination;
    let mut dest = vec![format!("s3://{} ({})", d.bucket, if d.create_bucket { "new" } else { "existing" })];
    if let Some(dp) = &d.dynamic_partitioning {
        let keys: Vec<String> = dp.keys.iter().map(|(k, e)| format!("{k}={e}")).collect();
        dest.push(format!(
            "dynamic partitioning: {}{}{} · retry {} s",
            if keys.is_empty() { "keys from Lambda".to_owned() } else { keys.join("; ") },
            if dp.new_line_delimiter { " · new line" } else { "" },
            match &dp.record_deaggregation {
                None => String::new(),
                Some(crate::plan::Deaggregation::Json) => " · de-aggregate JSON".into(),
                Some(crate::plan::Deaggregation::Delimited(x)) => format!(" · de-aggregate on {x:?}"),
            },
            dp.retry_duration_s.unwrap_or(300)
        ));
    }
    dest.push(format!("prefix  {}", if d.prefix.is_empty() { "(default yyyy/MM/dd/HH/)" } else { &d.prefix }));
    dest.push(format!("errors  {}", d.error_prefix().unwrap_or("(none)")));
    if let Some(ex) = m.examples(now) {
        dest.push(format!("e.g.    {}", ex.prefix));
    }
    if d.file_extension.is_some() || d.time_zone.is_some() {
        dest.push(format!(
            "extension {} · time zone {}",
            crate::plan::validate::extension(&plan),
            d.time_zone.as_deref().unwrap_or("UTC")
        ));
    }
    if let Some(b) = &d.backup {
        dest.push(format!("backup of source records to s3://{}/{}", b.bucket, b.prefix));
    }
    group("3", "Destination", dest, &mut lines);
    let s = &plan.settings;
    let region = m.target().region;
    let role = match &s.role {
        Role::Create(r) => format!(
            "{r} (new, or reused if it trusts Firehose) + policy {}",
            policy::inline_policy_name(&plan, &region)
        ),
        Role::Existing(r) if s.add_policy_to_role => {
            format!("{r} (existing) + policy {}", policy::inline_policy_name(&plan, &region))
        }
        Role::Existing(r) => format!("{r} (existing, used as it is)"),
    };
    let mut settings = vec![format!(
        "buffer {} MiB / {} s · {} · error logging {}",
        s.buffer_size_mib,
        s.buffer_interval_s,
        s.compression,
        if s.error_logging { "on" } else { "off" }
    )];
    if let Some(e) = &s.encryption {
        settings.push(format!("S3 encryption with {}", e.kms_key_arn));
    }
    match &s.stream_encryption {
        Some(crate::plan::StreamEncryption::AwsOwned) => settings.push("stream encryption: AWS owned key".into()),
        Some(crate::plan::StreamEncryption::CustomerManaged(k)) => settings.push(format!("stream encryption: {k}")),
        None => {}
    }
    if !s.tags.is_empty() {
        settings
            .push(format!("tags {}", s.tags.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(", ")));
    }
    settings.push(format!("role {role}"));
    group("4", "Settings", settings, &mut lines);
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
