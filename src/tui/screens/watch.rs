//! The watch view: the stream's status, source and destination; the last hour's metrics as sparklines
//! with their latest value; the newest objects; error objects and error-log events; the smoke test's
//! progress and verdict.

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{MIN_HEIGHT, MIN_WIDTH, draw_keys, draw_view, word_wrap};
use crate::cloud::dataflow::{Arrival, Verdict};
use crate::plan::dataflow::{format_bytes, format_value};
use crate::report::{self, Tone};
use crate::tui::keymap;
use crate::tui::theme::Theme;
use crate::tui::watch::{BINDINGS, Model, Smoke};
use crate::tui::widgets::{fit, fit_end};

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

/// `12 s`, `4 min`, `3 h`.
fn age(now: DateTime<Utc>, then: Option<DateTime<Utc>>) -> String {
    let Some(then) = then else { return "?".into() };
    let s = (now - then).num_seconds().max(0);
    match s {
        0..=99 => format!("{s} s"),
        100..=5999 => format!("{} min", s / 60),
        _ => format!("{} h", s / 3600),
    }
}

pub fn draw(f: &mut Frame, m: &Model, t: &Theme, now: DateTime<Utc>) {
    let area = f.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        super::draw_too_small(f, area, t);
        return;
    }
    let w = area.width as usize;
    let row = |y: u16| Rect { y: area.y + y, height: 1, ..area };
    // header: what, and where
    let left = format!(" Watch · {}", m.name);
    let c = &m.context;
    let account = c.target.as_ref().map_or_else(
        || c.region.as_deref().unwrap_or("no region").to_string(),
        |tg| format!("account {} · {}", tg.account, tg.region),
    );
    let fresh = match (m.refreshing.is_some(), m.age_s()) {
        (true, None) => "loading…".to_owned(),
        (true, Some(_)) => "refreshing…".to_owned(),
        (false, Some(a)) => format!("updated {a} s ago"),
        (false, None) => String::new(),
    };
    let right = format!("{account} · {fresh} ");
    let right = fit(&right, w.saturating_sub(left.chars().count() + 1));
    let pad = w.saturating_sub(left.chars().count() + right.chars().count());
    f.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(left, t.title),
            Span::raw(" ".repeat(pad)),
            Span::styled(right, t.dim),
        ])),
        row(0),
    );

    let mut lines: Vec<Line> = Vec::new();
    match &m.snapshot {
        None => {
            let text = match &m.error {
                Some(e) => Line::from(Span::styled(fit(&format!(" ! {e}"), w), t.error)),
                None => Line::from(Span::styled(" reading the stream, its metrics and its bucket…", t.dim)),
            };
            lines.push(text);
        }
        Some(s) => {
            let fx = &s.stream;
            let status_style = if fx.status == "ACTIVE" { t.ok } else { t.warning };
            lines.push(Line::from(vec![
                Span::styled(format!(" {}", fx.status), status_style),
                Span::styled(
                    fit(
                        &format!(" · {} → {}", report::source_text(&fx.source), report::destination_text(fx)),
                        w.saturating_sub(fx.status.len() + 1),
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
                format!("last {spark} min")
            } else {
                let start = end - chrono::Duration::minutes(spark as i64);
                format!("{}–{}", start.format("%H:%M"), end.format("%H:%M"))
            };
            let hint =
                if spark < window { "one column per minute · ←→ the hour" } else { "one column per minute" };
            lines.push(Line::from(vec![
                Span::styled(" Metrics: ", t.title),
                Span::styled(format!("{:<width$}", span, width = LABEL - 9), t.value),
                Span::styled(format!("{:<spark$} ", fit(hint, spark)), t.dim),
                Span::styled(format!("{:>VALUE$}", "latest"), t.dim),
            ]));
            for series in &s.metrics {
                let values = report::per_minute(&series.points, end, spark);
                let latest = series.latest.map_or("–".to_owned(), |v| format_value(v, series.unit));
                lines.push(Line::from(vec![
                    Span::styled(format!(" {:<width$}", fit(&series.label, LABEL - 1), width = LABEL), t.label),
                    Span::styled(format!("{:<spark$} ", report::sparkline(&values)), t.ok),
                    Span::styled(format!("{latest:>VALUE$}"), t.value),
                ]));
            }
            if s.metrics.is_empty() {
                lines.push(Line::from(Span::styled(" no metrics could be read", t.dim)));
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
        (None, Some(e), Some(_)) => Line::from(Span::styled(fit(&format!(" ! refresh failed: {e}"), w), t.error)),
        (None, _, Some(s)) if !s.problems.is_empty() => {
            Line::from(Span::styled(fit(&format!(" ! could not read {}", s.problems.join("; ")), w), t.warning))
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
            " ! {:>6} ago  {}  {}",
            age(now, e.object.last_modified),
            fit_end(&e.object.key, 30),
            report::error_what(e)
        );
        errors.push(Line::from(Span::styled(fit(&line, w), t.error)));
    }
    for e in &s.log_events {
        let line = format!(" ! log {}  {}", e.at.format("%H:%M:%S"), report::log_what(e));
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
        [earlier @ .., last] => format!("{last} (+{} earlier)", earlier.len()),
    };
    lines.push(Line::from(vec![
        Span::styled(format!(" Newest objects ({})", s.objects.len()), t.title),
        Span::styled(fit(&format!("  under {root}"), w.saturating_sub(22)), t.dim),
    ]));
    if s.objects.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(" none in the last {} min: t sends test records and watches them arrive", s.window_minutes),
            t.dim,
        )));
    }
    // keep the highlighted object in view
    let first = m.selected.saturating_sub(object_rows.saturating_sub(1));
    for (i, o) in s.objects.iter().enumerate().skip(first).take(object_rows) {
        let selected = i == m.selected;
        let head = format!(
            "{}{:>6} ago {:>10}  ",
            if selected { "›" } else { " " },
            age(now, o.last_modified),
            format_bytes(o.size)
        );
        let key = fit_end(&o.key, w.saturating_sub(head.chars().count() + 1));
        let style = if selected { t.selected } else { t.value };
        lines
            .push(Line::from(vec![Span::styled(head, if selected { t.key } else { t.dim }), Span::styled(key, style)]));
    }
    while lines.len() < 1 + object_rows {
        lines.push(Line::from(""));
    }
    if errors.is_empty() {
        lines.push(Line::from(Span::styled(
            format!(" ✓ no error objects or error-log events in the last {} min", s.window_minutes),
            t.ok,
        )));
    } else {
        let n = s.error_objects.len() + s.log_events.len();
        lines.push(Line::from(Span::styled(format!(" Errors ({n})"), t.error)));
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
            lines.push(Line::from(Span::styled(" Smoke test · running", t.title)));
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
            lines.push(Line::from(Span::styled(" Smoke test · could not run", t.error)));
            for part in word_wrap(e, w - 2) {
                lines.push(Line::from(Span::styled(format!(" {part}"), t.error)));
            }
        }
        Smoke::Done(v) => {
            let title = if v.ok { " Smoke test · passed" } else { " Smoke test · failed" };
            lines.push(Line::from(Span::styled(title, if v.ok { t.ok } else { t.error })));
            for (tn, l) in compact_verdict(v, w) {
                lines.push(Line::from(Span::styled(l, tone(t, tn))));
            }
        }
    }
    let h = area.height as usize;
    if lines.len() > h && h > 0 {
        lines.truncate(h - 1);
        lines.push(Line::from(Span::styled(" … v shows the whole verdict", t.dim)));
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
        format!("   {}{tail}", fit_end(&a.object.key, w.saturating_sub(tail.chars().count() + 4)))
    };
    for a in &v.objects {
        out.push((Tone::Plain, object(a)));
    }
    if !v.elsewhere.is_empty() {
        out.push((Tone::Warning, " arrived elsewhere in the bucket:".into()));
        for a in &v.elsewhere {
            out.push((Tone::Warning, object(a)));
        }
    }
    for e in &v.error_objects {
        out.push((Tone::Error, fit(&format!(" ! error object {}", report::error_what(e)), w)));
    }
    for e in &v.log_events {
        out.push((Tone::Error, fit(&format!(" ! log {} {}", e.at.format("%H:%M:%S"), report::log_what(e)), w)));
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
