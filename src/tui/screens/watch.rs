//! The watch view: the stream's status, source and destination; the last hour's metrics as sparklines
//! with their latest value; the newest objects; error objects and error-log events; the smoke test's
//! progress and verdict.

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{MIN_HEIGHT, MIN_WIDTH, context_text, draw_keys, draw_view, header_line, word_wrap};
use crate::cloud::dataflow::{Arrival, Verdict};
use crate::plan::dataflow::{format_bytes, format_value};
use crate::report::{self, Tone};
use crate::tui::keymap;
use crate::tui::theme::Theme;
use crate::tui::watch::{BINDINGS, Model, Smoke};
use crate::tui::widgets::{fit, fit_end, pad, width};

/// Columns of a metric's label, and of its latest value.
const LABEL: usize = 27;
const VALUE: usize = 11;

fn tone(t: &Theme, tone: Tone) -> Style {
    match tone {
        Tone::Plain => t.value,
        Tone::Ok => t.ok,
        Tone::Error => t.error,
        Tone::Warning => t.warning,
        Tone::Dim => t.dim,
    }
}

/// `12 s ago`, `4 min ago`, `3 h ago`, right-aligned in 10 columns.
fn age(now: DateTime<Utc>, then: Option<DateTime<Utc>>) -> String {
    let text = match then {
        None => t!("watch-age-unknown"),
        Some(then) => {
            let s = (now - then).num_seconds().max(0);
            match s {
                0..=99 => t!("watch-age-seconds", n = s),
                100..=5999 => t!("watch-age-minutes", n = s / 60),
                _ => t!("watch-age-hours", n = s / 3600),
            }
        }
    };
    format!("{}{text}", " ".repeat(10usize.saturating_sub(width(&text))))
}

pub fn draw(f: &mut Frame, m: &Model, t: &Theme, now: DateTime<Utc>) {
    let area = f.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        super::draw_too_small(f, area, t);
        return;
    }
    let w = area.width as usize;
    let row = |y: u16| Rect { y: area.y + y, height: 1, ..area };
    // header: what, and where (as the wizard's)
    let fresh = match (m.refreshing.is_some(), m.age_s()) {
        (true, None) => t!("watch-loading"),
        (true, Some(_)) => t!("watch-refreshing"),
        (false, Some(a)) => t!("watch-updated", seconds = a),
        (false, None) => String::new(),
    };
    let right = context_text(&m.context, &if fresh.is_empty() { fresh } else { format!(" · {fresh}") });
    header_line(f, row(0), t!("watch-title", stream = m.name.clone()), &right, t);

    let mut lines: Vec<Line> = Vec::new();
    match &m.snapshot {
        None => {
            let text = match &m.error {
                Some(e) => Line::from(Span::styled(fit(&format!(" ! {e}"), w), t.error)),
                None => Line::from(Span::styled(t!("watch-reading"), t.dim)),
            };
            lines.push(text);
        }
        Some(s) => {
            let fx = &s.stream;
            let status_style = if fx.status == "ACTIVE" { t.ok } else { t.warning };
            lines.push(Line::from(vec![
                Span::styled(fit(&format!(" {}", fx.status), w / 2), status_style),
                Span::styled(
                    fit(
                        &format!(" · {} → {}", report::source_text(&fx.source), report::destination_text(fx)),
                        w.saturating_sub(width(&fit(&fx.status, w / 2)) + 1),
                    ),
                    t.value,
                ),
            ]));
            let settings = fx.s3.as_ref().map(report::settings_text).unwrap_or_default();
            lines.push(Line::from(Span::styled(fit(&format!(" {settings}"), w), t.dim)));
            lines.push(Line::from(""));
            // one column per minute; a window narrower than the hour moves over it with ←→
            let window = s.window_minutes as usize;
            let spark = w.saturating_sub(LABEL + VALUE + 3).min(window);
            let pan = m.pan.min(window - spark);
            let end = s.taken_at - chrono::Duration::minutes(pan as i64);
            let span = if pan == 0 {
                t!("watch-last-minutes", minutes = spark)
            } else {
                let start = end - chrono::Duration::minutes(spark as i64);
                format!("{}–{}", start.format("%H:%M"), end.format("%H:%M"))
            };
            let hint = if spark < window { t!("watch-spark-hint-pan") } else { t!("watch-spark-hint") };
            let title = t!("watch-metrics");
            let latest = t!("watch-latest");
            lines.push(Line::from(vec![
                Span::styled(title.clone(), t.title),
                Span::styled(pad(&span, (LABEL + 1).saturating_sub(width(&title))), t.value),
                Span::styled(format!("{} ", pad(&hint, spark)), t.dim),
                Span::styled(format!("{}{latest}", " ".repeat(VALUE.saturating_sub(width(&latest)))), t.dim),
            ]));
            for series in &s.metrics {
                let values = report::per_minute(&series.points, end, spark);
                let latest = series.latest.map_or("–".to_owned(), |v| format_value(v, series.unit));
                lines.push(Line::from(vec![
                    Span::styled(format!(" {}", pad(&fit(&series.label, LABEL - 1), LABEL)), t.label),
                    Span::styled(format!("{:<spark$} ", report::sparkline(&values)), t.ok),
                    Span::styled(format!("{latest:>VALUE$}"), t.value),
                ]));
            }
            if s.metrics.is_empty() {
                lines.push(Line::from(Span::styled(t!("watch-no-metrics"), t.dim)));
            }
        }
    }
    lines.push(Line::from(""));
    let top = lines.len() as u16;
    f.render_widget(Paragraph::new(lines), Rect { y: area.y + 1, height: top.min(area.height - 3), ..area });

    // the lower part: the smoke test when it runs or has a verdict, else objects and errors
    let lower = Rect { y: area.y + 1 + top, height: area.height.saturating_sub(3 + top), ..area };
    match &m.smoke {
        Smoke::Idle => draw_objects(f, lower, m, t, now),
        smoke => draw_smoke(f, lower, smoke, t),
    }

    let status = match (&m.status, &m.error, &m.snapshot) {
        (Some(s), _, _) => Line::from(Span::styled(fit(&format!(" {s}"), w), t.warning)),
        (None, Some(e), Some(_)) => {
            Line::from(Span::styled(fit(&t!("watch-refresh-failed", error = e.clone()), w), t.error))
        }
        (None, _, Some(s)) if !s.problems.is_empty() => {
            Line::from(Span::styled(fit(&t!("watch-could-not-read", parts = s.problems.join("; ")), w), t.warning))
        }
        _ => Line::from(""),
    };
    f.render_widget(Paragraph::new(status), row(area.height - 2));
    draw_keys(f, row(area.height - 1), &keymap::active_in(BINDINGS, m), t);
    if let Some(v) = &m.view {
        draw_view(f, area, &v.title, &v.text, v.scroll, t);
    }
}

fn draw_objects(f: &mut Frame, area: Rect, m: &Model, t: &Theme, now: DateTime<Utc>) {
    let w = area.width as usize;
    let h = area.height as usize;
    let Some(s) = &m.snapshot else { return };
    let bucket = s.stream.s3.as_ref().map_or("", |x| x.bucket.as_str());
    // errors first claim up to 4 lines (one header), objects the rest
    let mut errors: Vec<Line> = Vec::new();
    for e in &s.error_objects {
        let line = format!(
            " ! {}  {}  {}",
            age(now, e.object.last_modified),
            fit_end(&e.object.key, 30),
            report::error_what(e)
        );
        errors.push(Line::from(Span::styled(fit(&line, w), t.error)));
    }
    for e in &s.log_events {
        let line = t!("watch-log-line", at = e.at.format("%H:%M:%S").to_string(), event = report::log_what(e));
        errors.push(Line::from(Span::styled(fit(&line, w), t.error)));
    }
    let error_rows = if errors.is_empty() { 1 } else { errors.len().min(3) + 1 };
    let object_rows = h.saturating_sub(error_rows + 1).max(1);
    let mut lines: Vec<Line> = Vec::new();
    let root = match s.listed.as_slice() {
        [] => format!("s3://{bucket}/"),
        [one] if one.is_empty() => format!("s3://{bucket}/"),
        [one] => one.clone(),
        // the newest hour first
        [earlier @ .., last] => t!("watch-earlier", root = last.clone(), count = earlier.len()),
    };
    let title = t!("watch-newest-objects", count = s.objects.len());
    let under = t!("watch-under", root = root);
    let room = w.saturating_sub(width(&title) + 3);
    lines.push(Line::from(vec![Span::styled(title, t.title), Span::styled(fit(&under, room), t.dim)]));
    if s.objects.is_empty() {
        lines.push(Line::from(Span::styled(t!("watch-no-objects", minutes = s.window_minutes), t.dim)));
    }
    // keep the highlighted object in view
    let first = m.selected.saturating_sub(object_rows.saturating_sub(1));
    for (i, o) in s.objects.iter().enumerate().skip(first).take(object_rows) {
        let selected = i == m.selected;
        let head =
            format!("{}{} {:>10}  ", if selected { "›" } else { " " }, age(now, o.last_modified), format_bytes(o.size));
        let key = fit_end(&o.key, w.saturating_sub(width(&head) + 1));
        let style = if selected { t.selected } else { t.value };
        lines
            .push(Line::from(vec![Span::styled(head, if selected { t.key } else { t.dim }), Span::styled(key, style)]));
    }
    while lines.len() < 1 + object_rows {
        lines.push(Line::from(""));
    }
    if errors.is_empty() {
        lines.push(Line::from(Span::styled(t!("watch-no-errors", minutes = s.window_minutes), t.ok)));
    } else {
        let n = s.error_objects.len() + s.log_events.len();
        lines.push(Line::from(Span::styled(t!("watch-errors", count = n), t.error)));
        lines.extend(errors.into_iter().take(3));
    }
    f.render_widget(Paragraph::new(lines), area);
}

fn draw_smoke(f: &mut Frame, area: Rect, smoke: &Smoke, t: &Theme) {
    let w = area.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    match smoke {
        Smoke::Idle => {}
        Smoke::Running { lines: done, elapsed, timeout, buffer_interval, arrived, expected, .. } => {
            lines.push(Line::from(Span::styled(t!("watch-smoke-title-running"), t.title)));
            for l in done {
                for part in word_wrap(l, w - 2) {
                    lines.push(Line::from(Span::styled(format!(" {part}"), t.dim)));
                }
            }
            if let Some(timeout) = timeout {
                let line = report::waiting_line(*elapsed, *timeout, *buffer_interval, *arrived, *expected);
                lines.push(Line::from(Span::styled(format!(" {line}"), t.warning)));
            }
        }
        Smoke::Failed(e) => {
            lines.push(Line::from(Span::styled(t!("watch-smoke-title-failed-to-run"), t.error)));
            for part in word_wrap(e, w - 2) {
                lines.push(Line::from(Span::styled(format!(" {part}"), t.error)));
            }
        }
        Smoke::Done(v) => {
            let title = if v.ok { t!("watch-smoke-title-passed") } else { t!("watch-smoke-title-failed") };
            lines.push(Line::from(Span::styled(title, if v.ok { t.ok } else { t.error })));
            for (tn, l) in compact_verdict(v, w) {
                lines.push(Line::from(Span::styled(l, tone(t, tn))));
            }
        }
    }
    let h = area.height as usize;
    if lines.len() > h && h > 0 {
        lines.truncate(h - 1);
        lines.push(Line::from(Span::styled(t!("watch-more-verdict"), t.dim)));
    }
    f.render_widget(Paragraph::new(lines), area);
}

/// The verdict in the lines of a panel: objects by the end of their key (what tells them apart), one
/// line per finding, the causes wrapped; `v` shows the whole text.
fn compact_verdict(v: &Verdict, w: usize) -> report::Lines {
    let mut out = report::Lines::new();
    let full = report::verdict(v);
    let headline = full.first().map_or(String::new(), |(_, l)| l.trim_end_matches(':').to_owned());
    out.push((full.first().map_or(Tone::Plain, |(tn, _)| *tn), fit(&format!(" {headline}"), w)));
    let object = |a: &Arrival| {
        let tail = format!("  {}  +{:.1} s  {}", format_bytes(a.object.size), a.delay_s, report::arrival_what(a));
        format!("   {}{tail}", fit_end(&a.object.key, w.saturating_sub(width(&tail) + 4)))
    };
    for a in &v.objects {
        out.push((Tone::Plain, object(a)));
    }
    if !v.elsewhere.is_empty() {
        out.push((Tone::Warning, t!("watch-elsewhere")));
        for a in &v.elsewhere {
            out.push((Tone::Warning, object(a)));
        }
    }
    for e in &v.error_objects {
        out.push((Tone::Error, fit(&t!("watch-error-object", error = report::error_what(e)), w)));
    }
    for e in &v.log_events {
        let at = e.at.format("%H:%M:%S").to_string();
        out.push((Tone::Error, fit(&t!("watch-verdict-log-line", at = at, event = report::log_what(e)), w)));
    }
    if v.ok {
        for l in v.objects.iter().flat_map(|a| &a.first_lines).take(3) {
            out.push((Tone::Dim, fit(&format!("   {l}"), w)));
        }
    }
    for c in &v.causes {
        for (i, part) in word_wrap(c, w.saturating_sub(4)).into_iter().enumerate() {
            out.push((Tone::Plain, format!(" {} {part}", if i == 0 { "-" } else { " " })));
        }
    }
    out
}
