//! Drawing: the frame (header, steps, status, footer), one file per screen, and the popups.

pub mod destination;
pub mod export;
pub mod name_source;
pub mod process;
pub mod progress;
pub mod review;
pub mod settings;
pub mod watch;

use chrono::{DateTime, Utc};
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};
use tui_input::Input;

use super::keymap;
use super::theme::Theme;
use super::widgets::{centered, fit, hard_wrap, pad, width};
use super::wizard::{Field, FieldKind, Model, Popup, Step};
use crate::plan::validate::{Problem, Severity};

/// The design size; smaller terminals get a message instead of a broken layout.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// Columns before a field's value: marker (2) + label (27) + required mark (1) + space (1).
const VALUE_COL: usize = 31;

pub fn draw(f: &mut Frame, m: &Model, t: &Theme, now: DateTime<Utc>) {
    let area = f.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        draw_too_small(f, area, t);
        return;
    }
    let header = Rect { height: 1, ..area };
    let steps = Rect { y: area.y + 1, height: 1, ..area };
    let body = Rect { y: area.y + 3, height: area.height - 6, ..area };
    let status = Rect { y: area.y + area.height - 2, height: 1, ..area };
    let footer_area = Rect { y: area.y + area.height - 1, height: 1, ..area };

    draw_header(f, header, m, t);
    draw_steps(f, steps, m, t);
    match m.step {
        Step::NameSource => name_source::draw(f, body, m, t),
        Step::Process => process::draw(f, body, m, t),
        Step::Destination => destination::draw(f, body, m, t, now),
        Step::Settings => settings::draw(f, body, m, t),
        Step::Review => review::draw(f, body, m, t, now),
        Step::Creating | Step::Done | Step::Failed => progress::draw(f, body, m, t),
    }
    draw_status(f, status, m, t);
    draw_footer(f, footer_area, m, t);
    match &m.popup {
        None => {}
        Some(Popup::Picker(p)) => super::widgets::picker::draw(f, area, m, p, t),
        Some(Popup::ConfirmQuit) => {
            let text = if m.step == Step::Creating {
                t!("confirm-quit-creating")
            } else if !m.leftovers.is_empty() {
                t!("confirm-quit-leftovers", count = m.leftovers.len())
            } else {
                t!("confirm-quit")
            };
            draw_confirm(f, area, &t!("confirm-quit-title"), &text, t)
        }
        Some(Popup::ConfirmCreate) => {
            let name = m.text(Field::Name).to_owned();
            let text = match &m.context.target {
                Some(tg) => t!("confirm-create", name = name, account = tg.account.clone(), region = tg.region.clone()),
                None => t!("confirm-create-unknown-account", name = name),
            };
            draw_confirm(f, area, &t!("confirm-create-title"), &text, t)
        }
        Some(Popup::ConfirmRemove) => {
            let text = t!("confirm-remove", count = m.removable());
            draw_confirm(f, area, &t!("confirm-remove-title"), &text, t)
        }
        Some(Popup::Save(input)) => draw_save(f, area, input, t),
        Some(Popup::View { title, text, scroll }) => draw_view(f, area, title, text, *scroll, t),
        Some(Popup::Export(v)) => export::draw(f, area, v, t),
    }
}

/// Below the minimum size: a message instead of a broken layout.
pub fn draw_too_small(f: &mut Frame, area: Rect, t: &Theme) {
    let msg = vec![
        Line::from(Span::styled(t!("too-small"), t.error)),
        Line::from(t!(
            "too-small-sizes",
            need = format!("{MIN_WIDTH}×{MIN_HEIGHT}"),
            have = format!("{}×{}", area.width, area.height)
        )),
        Line::from(t!("too-small-what-to-do")),
    ];
    let h = 3.min(area.height);
    let rect = Rect { y: area.y + area.height.saturating_sub(h) / 2, height: h, ..area };
    f.render_widget(Paragraph::new(msg).alignment(ratatui::layout::Alignment::Center), rect);
}

fn draw_header(f: &mut Frame, area: Rect, m: &Model, t: &Theme) {
    let left = if Step::EDITABLE.contains(&m.step) {
        t!("header-step", number = m.step.number(), title = m.step.title())
    } else {
        format!(" {}", m.step.title())
    };
    header_line(f, area, left, &context_text(&m.context, ""), t);
}

/// Where the work happens: `profile P · account A · REGION · custom endpoint`, and `extra` after it.
pub fn context_text(c: &super::wizard::Context, extra: &str) -> String {
    let region = c.region.clone().unwrap_or_else(|| t!("header-no-region"));
    let account = match (&c.target, &c.identity_error) {
        (Some(tg), _) => t!("header-account", account = tg.account.clone(), region = tg.region.clone()),
        (None, Some(_)) => t!("header-account-unknown", region = region),
        (None, None) => t!("header-account-pending", region = region),
    };
    let profile = c.profile.as_ref().map(|p| t!("header-profile", profile = p.clone())).unwrap_or_default();
    let endpoint = if c.endpoint.is_some() { t!("header-custom-endpoint") } else { String::new() };
    format!("{profile}{account}{endpoint}{extra} ")
}

/// A header: `left` in the title style, `right` (cut to fit) against the right edge.
pub fn header_line(f: &mut Frame, area: Rect, left: String, right: &str, t: &Theme) {
    let w = area.width as usize;
    let right = fit(right, w.saturating_sub(width(&left) + 1));
    let pad = w.saturating_sub(width(&left) + width(&right));
    let line = Line::from(vec![Span::styled(left, t.title), Span::raw(" ".repeat(pad)), Span::styled(right, t.dim)]);
    f.render_widget(Paragraph::new(line), area);
}

fn draw_steps(f: &mut Frame, area: Rect, m: &Model, t: &Theme) {
    let mut spans = vec![Span::raw(" ")];
    for (i, s) in Step::EDITABLE.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" › ", t.dim));
        }
        let label = t!("steps-item", number = s.number(), title = s.title());
        // Creating, Created and Failed belong to step 5 too
        let style = if s.number() == m.step.number() { t.focus } else { t.dim };
        spans.push(Span::styled(label, style));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_status(f: &mut Frame, area: Rect, m: &Model, t: &Theme) {
    let w = area.width as usize;
    let line = if let Some(s) = &m.status {
        Line::from(Span::styled(fit(&format!(" {s}"), w), t.warning))
    } else if let Some(e) = &m.context.identity_error {
        Line::from(Span::styled(fit(&t!("status-aws-error", error = e.clone()), w), t.error))
    } else if Step::EDITABLE.contains(&m.step) && m.step != Step::Review {
        let n = m.step_errors(m.step).len();
        if n == 0 {
            Line::from(Span::styled(t!("status-no-problems"), t.ok))
        } else {
            Line::from(Span::styled(t!("status-problems", count = n), t.error))
        }
    } else {
        Line::from("")
    };
    f.render_widget(Paragraph::new(line), area);
}

fn draw_footer(f: &mut Frame, area: Rect, m: &Model, t: &Theme) {
    draw_keys(f, area, &keymap::active(m), t);
}

/// The footer: the keys that work here, most important first, as many as fit; help and quit always.
pub fn draw_keys<M>(f: &mut Frame, area: Rect, active: &[&keymap::Binding<M>], t: &Theme) {
    let item = |b: &keymap::Binding<M>| {
        vec![Span::styled(b.label(), t.key), Span::styled(format!(" {}  ", crate::i18n::loader().get(b.short)), t.dim)]
    };
    let len = |b: &keymap::Binding<M>| width(&b.label()) + width(&crate::i18n::loader().get(b.short)) + 3;
    // help and quit always fit: `?` where it works, else Ctrl-G; then Ctrl-C
    let help = active.iter().find(|b| b.keys == "?").or_else(|| active.iter().find(|b| b.keys == "Ctrl-G"));
    let tail: Vec<&keymap::Binding<M>> =
        help.into_iter().chain(active.iter().find(|b| b.keys == "Ctrl-C")).copied().collect();
    let budget = (area.width as usize).saturating_sub(1 + tail.iter().map(|b| len(b)).sum::<usize>());
    let mut spans = vec![Span::raw(" ")];
    let mut used = 0;
    // the screen's own keys in table order (most important first); one that does not fit is
    // skipped, and a shorter one after it may still fit
    for b in active.iter().filter(|b| !keymap::ALWAYS.contains(&b.keys)) {
        if used + len(b) <= budget {
            spans.extend(item(b));
            used += len(b);
        }
    }
    for b in tail {
        spans.extend(item(b));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), area);
}

fn draw_confirm(f: &mut Frame, area: Rect, title: &str, text: &str, t: &Theme) {
    let lines_of_text = word_wrap(text, 56);
    // the text, a blank line and the answers, inside a border: the answers are never cut off
    let rect = centered(area, 60, lines_of_text.len() as u16 + 4);
    crate::tui::widgets::clear(f, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border)
        .title(Span::styled(format!(" {title} "), t.title));
    let mut lines: Vec<Line> = lines_of_text.into_iter().map(Line::from).collect();
    lines.push(Line::from(""));
    lines.push(Line::from(vec![
        Span::styled(" y ", t.focus),
        Span::raw(format!(" {}   ", t!("confirm-yes"))),
        Span::styled(" n ", t.key),
        Span::raw(format!(" {}", t!("confirm-no"))),
    ]));
    f.render_widget(Paragraph::new(lines).block(block), rect);
}

fn draw_save(f: &mut Frame, area: Rect, input: &Input, t: &Theme) {
    let rect = centered(area, 70, 5);
    crate::tui::widgets::clear(f, rect);
    let block =
        Block::default().borders(Borders::ALL).border_style(t.border).title(Span::styled(t!("save-title"), t.title));
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    super::widgets::field::draw(f, Rect { height: 1, ..inner }, input, t.value, true, "");
    f.render_widget(Paragraph::new(Span::styled(t!("save-keys"), t.dim)), Rect { y: inner.y + 2, height: 1, ..inner });
}

pub fn draw_view(f: &mut Frame, area: Rect, title: &str, text: &str, scroll: u16, t: &Theme) {
    let rect = Rect { x: area.x + 2, y: area.y + 1, width: area.width - 4, height: area.height - 2 };
    crate::tui::widgets::clear(f, rect);
    let total = text.lines().count();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(t.border)
        .title(Span::styled(t!("view-title", title = title, line = scroll as usize + 1, lines = total), t.title));
    let inner_w = rect.width.saturating_sub(2) as usize;
    let lines: Vec<Line> = text.lines().flat_map(|l| hard_wrap(l, inner_w)).map(Line::from).collect();
    f.render_widget(Paragraph::new(lines).scroll((scroll, 0)).block(block), rect);
}

/// One field's lines (its row, then its problems and extra lines), and where its cursor goes.
pub struct FieldLines {
    pub lines: Vec<Line<'static>>,
    /// Column of the cursor on the first line, for the focused text field.
    pub cursor: Option<u16>,
}

/// The row of a field: marker, label, required mark, then `value` spans.
pub fn field_row(m: &Model, field: Field, value: Vec<Span<'static>>, t: &Theme) -> Line<'static> {
    let focused = m.focused() == Some(field);
    let marker = if focused { "› " } else { "  " };
    let label = pad(&field.label(), 27);
    let mut spans = vec![
        Span::styled(marker, if focused { t.key } else { t.label }),
        Span::styled(label, if focused { t.focus } else { t.label }),
        Span::styled(if field.required() { "*" } else { " " }, t.error),
        Span::raw(" "),
    ];
    spans.extend(value);
    Line::from(spans)
}

/// A text field's row and problems, with the value scrolled around the cursor when focused.
pub fn text_field(
    m: &Model,
    field: Field,
    width: u16,
    problems: &[Problem],
    placeholder: &str,
    t: &Theme,
) -> FieldLines {
    let input = m.input(field).expect("a text field");
    let focused = m.focused() == Some(field);
    let avail = (width as usize).saturating_sub(VALUE_COL + 1).max(8);
    let (shown, cursor) = if input.value().is_empty() && !focused {
        (Span::styled(fit(placeholder, avail), t.dim), None)
    } else {
        let (text, cursor) = super::widgets::field::visible(input, avail, focused);
        (Span::styled(text, t.value), cursor.map(|x| x + VALUE_COL as u16))
    };
    let mut lines = vec![field_row(m, field, vec![shown], t)];
    lines.extend(problem_lines(&m.field_problems(field, problems), width, t));
    FieldLines { lines, cursor }
}

/// A choice field's row: the options, the chosen one marked; when they do not all fit, only the
/// chosen one between arrows.
pub fn choice_field(m: &Model, field: Field, options: &[&str], chosen: usize, columns: u16, t: &Theme) -> FieldLines {
    let options: Vec<String> = options.iter().map(|id| crate::i18n::loader().get(id)).collect();
    let all: usize = options.iter().map(|o| width(o) + 6).sum();
    let mut spans = Vec::new();
    if VALUE_COL + all <= columns as usize {
        for (i, o) in options.iter().enumerate() {
            let (mark, style) = if i == chosen { ("(•) ", t.value) } else { ("( ) ", t.dim) };
            spans.push(Span::styled(format!("{mark}{o}  "), style));
        }
    } else {
        spans.push(Span::styled(format!("‹ {} ›", options.get(chosen).cloned().unwrap_or_default()), t.value));
        spans.push(Span::styled(t!("choice-position", at = chosen + 1, of = options.len()), t.dim));
    }
    FieldLines { lines: vec![field_row(m, field, spans, t)], cursor: None }
}

/// Any field of the form, drawn by its kind, with its problems under it.
pub fn any_field(m: &Model, field: Field, width: u16, problems: &[Problem], t: &Theme) -> FieldLines {
    match field.kind() {
        FieldKind::Text => text_field(m, field, width, problems, &field.placeholder(), t),
        FieldKind::Choice(options) => {
            let mut fl = choice_field(m, field, options, m.choice(field), width, t);
            fl.lines.extend(problem_lines(&m.field_problems(field, problems), width, t));
            fl
        }
        FieldKind::Button => FieldLines { lines: vec![], cursor: None },
    }
}

/// Draws the current screen's fields; `extra` adds lines (notes, examples) after a field's own.
pub fn draw_fields(f: &mut Frame, area: Rect, m: &Model, t: &Theme, extra: impl Fn(Field, &mut Vec<Line<'static>>)) {
    let problems = m.problems();
    let fields = m
        .fields()
        .into_iter()
        .map(|field| {
            let mut fl = any_field(m, field, area.width, &problems, t);
            extra(field, &mut fl.lines);
            (field, fl)
        })
        .collect();
    draw_form(f, area, m, fields);
}

/// A dim note line under a field, indented like problems.
pub fn note(text: &str, width: u16, t: &Theme) -> Vec<Line<'static>> {
    word_wrap(text, (width as usize).saturating_sub(6).max(10))
        .into_iter()
        .map(|l| Line::from(Span::styled(format!("    {l}"), t.dim)))
        .collect()
}

/// Problem lines under a field: `! error` and `~ warning`, wrapped under the value column.
pub fn problem_lines(problems: &[Problem], width: u16, t: &Theme) -> Vec<Line<'static>> {
    let indent = 4;
    let w = (width as usize).saturating_sub(indent + 2).max(10);
    let mut out = Vec::new();
    for p in problems {
        let (mark, style) = match p.severity {
            Severity::Error => ("! ", t.error),
            Severity::Warning => ("~ ", t.warning),
        };
        for (i, l) in word_wrap(&p.message.to_string(), w).into_iter().enumerate() {
            let lead = if i == 0 { mark } else { "  " };
            out.push(Line::from(Span::styled(format!("{}{lead}{l}", " ".repeat(indent)), style)));
        }
    }
    out
}

/// Wraps at spaces, hard-wrapping words longer than a line.
pub fn word_wrap(s: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in crate::plan::sanitize(s).split(' ') {
        let extra = if cur.is_empty() { 0 } else { 1 };
        if unicode_width::UnicodeWidthStr::width(cur.as_str()) + extra + unicode_width::UnicodeWidthStr::width(word)
            > width
            && !cur.is_empty()
        {
            lines.push(std::mem::take(&mut cur));
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(word);
        while unicode_width::UnicodeWidthStr::width(cur.as_str()) > width {
            let mut parts = hard_wrap(&cur, width);
            cur = parts.pop().unwrap_or_default();
            lines.extend(parts);
        }
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

/// Lays out the fields top to bottom, scrolling so that the focused one is visible, and places the cursor.
pub fn draw_form(f: &mut Frame, area: Rect, m: &Model, fields: Vec<(Field, FieldLines)>) {
    let mut lines: Vec<Line> = Vec::new();
    let mut focus_line = 0;
    let mut cursor = None;
    for (field, fl) in fields {
        if m.focused() == Some(field) {
            focus_line = lines.len();
            cursor = fl.cursor.map(|c| (c, lines.len()));
        }
        lines.extend(fl.lines);
        lines.push(Line::from(""));
    }
    let h = area.height as usize;
    let scroll = (focus_line + 4).saturating_sub(h);
    f.render_widget(Paragraph::new(lines).scroll((scroll as u16, 0)), area);
    // no cursor under a popup (the picker and the save box place their own)
    if let Some((x, line)) = cursor
        && m.popup.is_none()
        && line >= scroll
        && line - scroll < h
    {
        f.set_cursor_position(Position::new(area.x + x.min(area.width - 1), area.y + (line - scroll) as u16));
    }
}
