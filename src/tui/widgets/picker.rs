//! The type-to-filter list popup over a live list.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

use super::{centered, fit};
use crate::tui::theme::Theme;
use crate::tui::wizard::{Model, Picker};

pub fn draw(f: &mut Frame, area: Rect, m: &Model, p: &Picker, t: &Theme) {
    let list = m.list(p.kind);
    let matches = m.filtered(p.kind, p.filter.value());
    let rect = centered(area, 70, 18);
    crate::tui::widgets::clear(f, rect);
    let title = t!("picker-title", list = p.kind.title(), shown = matches.len(), total = list.items.len());
    let block = Block::default().borders(Borders::ALL).border_style(t.border).title(Span::styled(title, t.title));
    let inner = block.inner(rect);
    f.render_widget(block, rect);
    let w = inner.width as usize;

    let filter_area = Rect { height: 1, ..inner };
    let prompt = t!("picker-filter");
    let prompt_w = super::width(&prompt) as u16;
    f.render_widget(Paragraph::new(Span::styled(prompt, t.dim)), filter_area);
    let input_area = Rect { x: inner.x + prompt_w, width: inner.width.saturating_sub(prompt_w), ..filter_area };
    super::field::draw(f, input_area, &p.filter, t.value, true, "");

    let rows = inner.height.saturating_sub(2) as usize;
    let top = p.selected.saturating_sub(rows.saturating_sub(1));
    let mut lines = Vec::new();
    for (pos, &i) in matches.iter().enumerate().skip(top).take(rows) {
        let item = &list.items[i];
        let marker = if pos == p.selected { "› " } else { "  " };
        let name_w = w.saturating_sub(2 + 26).max(10);
        let text = format!("{marker}{} {}", super::pad(&item.value, name_w), fit(&item.detail, 25));
        let style = if pos == p.selected {
            t.selected
        } else if item.selectable {
            t.value
        } else {
            t.dim
        };
        lines.push(Line::from(Span::styled(fit(&text, w), style)));
    }
    if matches.is_empty() {
        let msg = if list.loading {
            t!("picker-loading")
        } else if list.items.is_empty() {
            t!("picker-empty")
        } else {
            t!("picker-no-match")
        };
        lines.push(Line::from(Span::styled(format!("  {msg}"), t.dim)));
    }
    f.render_widget(Paragraph::new(lines), Rect { y: inner.y + 1, height: rows as u16, ..inner });

    let status = match (&list.error, list.loading) {
        (Some(e), _) => Span::styled(fit(&t!("picker-failed", error = e.clone()), w), t.error),
        (None, true) => Span::styled(fit(&t!("picker-loading-more"), w), t.dim),
        (None, false) => Span::styled(fit(&t!("picker-keys"), w), t.dim),
    };
    f.render_widget(Paragraph::new(status), Rect { y: inner.y + inner.height.saturating_sub(1), height: 1, ..inner });
}
