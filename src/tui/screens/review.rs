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
use crate::tui::widgets::{fit, pad, width};
use crate::tui::wizard::{Field, Model, Step};

pub fn draw(f: &mut Frame, area: Rect, m: &Model, t: &Theme, now: DateTime<Utc>) {
    let plan = m.plan();
    let w = area.width as usize;
    let vw = w.saturating_sub(26);
    let mut lines: Vec<Line> = Vec::new();
    let group = |n: &str, title: &str, rows: Vec<String>, lines: &mut Vec<Line>| {
        for (i, r) in rows.into_iter().enumerate() {
            let head = if i == 0 {
                vec![Span::styled(format!(" {n} "), t.key), Span::styled(pad(title, 20), t.label)]
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
        Source::KinesisStream(s) => t!("review-source-kinesis", stream = s.clone()),
        Source::NewKinesisStream(n) => match n.shards {
            Some(k) => t!("review-source-new-provisioned", name = n.name.clone(), shards = k),
            None => t!("review-source-new-on-demand", name = n.name.clone()),
        },
    };
    group("1", &Step::NameSource.title(), vec![format!("{} ← {source}", plan.name)], &mut lines);
    let mut process = Vec::new();
    match &plan.process.lambda {
        Some(l) => process.push(t!(
            "review-lambda",
            arn = l.function_arn.clone(),
            size = l.buffer_size_mib.unwrap_or(1.0).to_string(),
            interval = l.buffer_interval_s.unwrap_or(60),
            retries = l.retries.unwrap_or(3)
        )),
        None => process.push(t!("review-lambda-disabled")),
    }
    match &plan.process.format_conversion {
        Some(c) => process.push(t!(
            "review-conversion",
            input = c.input.clone(),
            output = c.output.clone(),
            table = format!("{}.{}", c.glue_database, c.glue_table),
            version = c.glue_version.clone().unwrap_or_else(|| "LATEST".into())
        )),
        None => process.push(t!("review-conversion-disabled")),
    }
    match &plan.process.decompression {
        Some(d) if d.message_extraction => process.push(t!("review-decompression-extraction")),
        Some(_) => process.push(t!("review-decompression")),
        None => {}
    }
    group("2", &Step::Process.title(), process, &mut lines);
    let d = &plan.destination;
    let bucket = format!("s3://{}", d.bucket);
    let mut dest = vec![if d.create_bucket {
        t!("review-bucket-new", bucket = bucket)
    } else {
        t!("review-bucket-existing", bucket = bucket)
    }];
    if let Some(dp) = &d.dynamic_partitioning {
        let keys: Vec<String> = dp.keys.iter().map(|(k, e)| format!("{k}={e}")).collect();
        let mut parts = vec![if keys.is_empty() { t!("review-keys-from-lambda") } else { keys.join("; ") }];
        if dp.new_line_delimiter {
            parts.push(t!("review-new-line"));
        }
        match &dp.record_deaggregation {
            None => {}
            Some(crate::plan::Deaggregation::Json) => parts.push(t!("review-deaggregate-json")),
            Some(crate::plan::Deaggregation::Delimited(x)) => {
                parts.push(t!("review-deaggregate-on", delimiter = format!("{x:?}")))
            }
        }
        parts.push(t!("review-retry", seconds = dp.retry_duration_s.unwrap_or(300)));
        dest.push(t!("review-partitioning", details = parts.join(" · ")));
    }
    if d.new_line_delimiter && d.dynamic_partitioning.is_none() {
        dest.push(t!("review-new-line-delimiter"));
    }
    // the three labels of the prefixes line up, in either language
    let labels = [t!("review-label-prefix"), t!("review-label-errors"), t!("review-label-example")];
    let lw = labels.iter().map(|l| width(l)).max().unwrap_or(0) + 2;
    let default_prefix = t!("review-prefix-default");
    dest.push(format!("{}{}", pad(&labels[0], lw), if d.prefix.is_empty() { &default_prefix } else { &d.prefix }));
    dest.push(format!("{}{}", pad(&labels[1], lw), d.error_prefix().map_or_else(|| t!("review-none"), str::to_owned)));
    if let Some(ex) = m.examples(now) {
        dest.push(format!("{}{}", pad(&labels[2], lw), ex.prefix));
    }
    if d.file_extension.is_some() || d.time_zone.is_some() {
        dest.push(t!(
            "review-extension",
            extension = crate::plan::validate::extension(&plan),
            zone = d.time_zone.clone().unwrap_or_else(|| "UTC".into())
        ));
    }
    if let Some(b) = &d.backup {
        dest.push(t!("review-backup", place = format!("s3://{}/{}", b.bucket, b.prefix)));
    }
    group("3", &Step::Destination.title(), dest, &mut lines);
    let s = &plan.settings;
    let region = m.target().region;
    let policy_name = policy::inline_policy_name(&plan, &region);
    let role = match &s.role {
        Role::Create(r) => t!("review-role-create", role = r.clone(), policy = policy_name),
        Role::Existing(r) if s.add_policy_to_role => {
            t!("review-role-existing-policy", role = r.clone(), policy = policy_name)
        }
        Role::Existing(r) => t!("review-role-existing", role = r.clone()),
    };
    let logging = if s.error_logging { t!("review-on") } else { t!("review-off") };
    let mut settings = vec![t!(
        "review-buffer",
        size = s.buffer_size_mib.to_string(),
        interval = s.buffer_interval_s,
        compression = s.compression.clone(),
        logging = logging
    )];
    if let Some(e) = &s.encryption {
        settings.push(t!("review-s3-encryption", key = e.kms_key_arn.clone()));
    }
    match &s.stream_encryption {
        Some(crate::plan::StreamEncryption::AwsOwned) => settings.push(t!("review-stream-encryption-aws")),
        Some(crate::plan::StreamEncryption::CustomerManaged(k)) => {
            settings.push(t!("review-stream-encryption-key", key = k.clone()))
        }
        None => {}
    }
    if !s.tags.is_empty() {
        let tags = s.tags.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(", ");
        settings.push(t!("review-tags", tags = tags));
    }
    settings.push(t!("review-role", role = role));
    group("4", &Step::Settings.title(), settings, &mut lines);
    let c = &m.context;
    let where_ = match &c.target {
        Some(tg) => t!(
            "review-where",
            account = tg.account.clone(),
            region = tg.region.clone(),
            partition = tg.partition.clone()
        ),
        None => t!("review-where-unknown", region = c.region.clone().unwrap_or_else(|| t!("header-no-region"))),
    };
    let profile = c.profile.as_deref().map(|p| t!("review-profile", profile = p)).unwrap_or_default();
    let endpoint = c.endpoint.as_deref().map(|e| t!("review-endpoint", endpoint = e)).unwrap_or_default();
    lines.push(Line::from(vec![
        Span::styled(format!("   {}", pad(&t!("review-where-label"), 20)), t.label),
        Span::styled(fit(&format!("{where_}{profile}{endpoint}"), vw), t.value),
    ]));
    lines.push(Line::from(""));

    let problems = m.problems();
    let errors: Vec<_> = problems.iter().filter(|p| p.severity == Severity::Error).collect();
    if errors.is_empty() {
        lines.push(Line::from(Span::styled(t!("review-ready"), t.ok)));
    } else {
        for p in errors.iter().take(3) {
            lines.push(Line::from(Span::styled(fit(&format!("   ! {}: {}", p.path, p.message), w), t.error)));
        }
    }
    // what the role check found is said here, whole: a role shared with other streams, or chosen on
    // purpose although others may assume it
    let role_notes: Vec<_> =
        problems.iter().filter(|p| p.severity == Severity::Warning && p.path == "settings.role").collect();
    for p in &role_notes {
        for l in super::word_wrap(&format!("~ {}: {}", p.path, p.message), w.saturating_sub(3).max(10)) {
            lines.push(Line::from(Span::styled(format!("   {l}"), t.warning)));
        }
    }
    let warnings = problems.iter().filter(|p| p.severity == Severity::Warning).count() - role_notes.len();
    if warnings > 0 {
        lines.push(Line::from(Span::styled(t!("review-warnings", count = warnings), t.warning)));
    }
    lines.push(Line::from(""));
    let focused = m.focused() == Some(Field::Create);
    let button = if focused { t.focus } else { t.key };
    let create = t!("review-create");
    lines.push(Line::from(vec![
        Span::raw("   "),
        Span::styled(if focused { format!("› [ {create} ] ") } else { format!("  [ {create} ] ") }, button),
        Span::styled(t!("review-keys"), t.dim),
    ]));
    f.render_widget(Paragraph::new(lines), area);
}
