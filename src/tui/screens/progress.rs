//! Creating (one row per provisioning step: spinner, state, elapsed time, retry countdown), then the
//! summary (ARNs and what to do next) or the failure (AWS error, hint, what exists, the choices).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::word_wrap;
use crate::cloud::provision::Done;
use crate::tui::theme::Theme;
use crate::tui::widgets::{fit, pad, width};
use crate::tui::wizard::{Model, RowState, Step};

const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// At most `n` of `lines`; when some are left out, the last one kept ends with `…`.
fn clipped(mut lines: Vec<String>, n: usize, w: usize) -> Vec<String> {
    if lines.len() > n {
        lines.truncate(n);
        if let Some(last) = lines.last_mut() {
            *last = fit(&format!("{last} …"), w);
            if !last.ends_with('…') {
                last.push('…');
            }
        }
    }
    lines
}

/// The state column's width: its longest word in this language (a two-digit countdown included).
fn state_width() -> usize {
    let words =
        [t!("progress-pending"), t!("progress-running"), t!("progress-retry-in", seconds = 99), t!("progress-failed")];
    let done = [Done::Created, Done::Reused, Done::Found, Done::Ok, Done::Skipped].map(|d| d.msg().to_string());
    words.iter().chain(&done).map(|s| width(s)).max().unwrap_or(0).max(13)
}

pub fn draw(f: &mut Frame, area: Rect, m: &Model, t: &Theme) {
    let w = area.width as usize;
    let state_w = state_width();
    let mut lines: Vec<Line> = Vec::new();
    for r in &m.rows {
        let (mark, state, style) = match &r.state {
            RowState::Pending => ("·".to_owned(), t!("progress-pending"), t.dim),
            RowState::Running => (SPINNER[(m.tick % 10) as usize].to_owned(), t!("progress-running"), t.value),
            RowState::Retrying(until) => {
                let left = until.saturating_sub(m.tick).div_ceil(10);
                (SPINNER[(m.tick % 10) as usize].to_owned(), t!("progress-retry-in", seconds = left), t.warning)
            }
            RowState::Done(done) => ("✓".to_owned(), done.msg().to_string(), t.ok),
            RowState::Failed => ("✗".to_owned(), t!("progress-failed"), t.error),
        };
        let elapsed = match r.state {
            RowState::Pending => String::new(),
            RowState::Running | RowState::Retrying(_) => {
                format!("{:>5.1}s", m.tick.saturating_sub(r.started_tick) as f64 / 10.0)
            }
            _ => format!("{:>5.1}s", r.elapsed.as_secs_f64()),
        };
        let head = format!(" {mark} {} {} {elapsed:>6}  ", pad(&r.step.label().to_string(), 16), pad(&state, state_w));
        let detail = fit(&r.detail.to_string(), w.saturating_sub(width(&head)));
        lines.push(Line::from(vec![Span::styled(head, style), Span::styled(detail, t.dim)]));
    }
    lines.push(Line::from(""));
    match m.step {
        Step::Creating => lines.push(Line::from(Span::styled(t!("progress-creating"), t.dim))),
        Step::Done => {
            if let Some(o) = &m.outcome
                && m.destroyed
            {
                lines.push(Line::from(Span::styled(t!("progress-destroyed"), t.ok)));
                for r in &o.resources {
                    lines.push(Line::from(Span::styled(
                        fit(&t!("progress-left-alone", resource = r.to_string()), w),
                        t.dim,
                    )));
                }
            } else if let Some(o) = &m.outcome {
                lines.push(Line::from(Span::styled(t!("progress-created"), t.ok)));
                for l in word_wrap(&format!("ARN {}", o.stream_arn), w - 2) {
                    lines.push(Line::from(format!(" {l}")));
                }
                lines.push(Line::from(""));
                let plan = m.plan();
                let bucket = plan.destination.bucket.clone();
                let smoke = match plan.source.kinesis() {
                    Some(s) => t!("progress-smoke-kinesis", stream = s, bucket = bucket),
                    None => t!("progress-smoke-direct-put", bucket = bucket),
                };
                let keys = [(" t  ", smoke), (" w  ", t!("progress-watch"))];
                for (key, text) in keys {
                    for (i, l) in word_wrap(&text, w - 5).into_iter().enumerate() {
                        let lead = if i == 0 { key } else { "    " };
                        lines.push(Line::from(vec![Span::styled(lead, t.key), Span::raw(l)]));
                    }
                }
            }
        }
        Step::Failed => {
            if let Some(fl) = &m.failure {
                let e = &fl.error;
                lines.push(Line::from(Span::styled(
                    t!("progress-step-failed", number = fl.step.number(), step = fl.step.label().to_string()),
                    t.error,
                )));
                // the error and the hint share the rows above what exists (at least 3 and 2)
                let rows = area.height as usize;
                let free = rows.saturating_sub(lines.len() + 2 + fl.resources.len().max(1));
                let error = word_wrap(&e.summary(), w - 4);
                let hint = e.hint.as_ref().map(|h| word_wrap(&t!("progress-hint", hint = h.to_string()), w - 4));
                let hint_rows = hint.as_ref().map_or(0, Vec::len).min(free.saturating_sub(3).max(2));
                for l in clipped(error, free.saturating_sub(hint_rows).max(3), w - 4) {
                    lines.push(Line::from(Span::styled(format!("   {l}"), t.error)));
                }
                for l in hint.map(|h| clipped(h, hint_rows, w - 4)).unwrap_or_default() {
                    lines.push(Line::from(format!("   {l}")));
                }
                if fl.resources.is_empty() {
                    lines.push(Line::from(Span::styled(t!("progress-nothing"), t.dim)));
                } else {
                    lines.push(Line::from(t!("progress-what-exists")));
                    for r in &fl.resources {
                        lines.push(Line::from(Span::styled(fit(&format!("   {r}"), w), t.dim)));
                    }
                }
            }
        }
        _ => {}
    }
    f.render_widget(Paragraph::new(lines), area);
}
