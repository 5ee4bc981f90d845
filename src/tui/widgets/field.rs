//! A one-line text field drawn from a `tui_input::Input`, scrolled so that the cursor stays visible.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use tui_input::Input;

use super::fit;

/// The part of `input` that fits in `width` columns, scrolled so that the cursor stays visible when
/// `focused`, and the cursor's column within it.
pub fn visible(input: &Input, width: usize, focused: bool) -> (String, Option<u16>) {
    // leave a column for the cursor at the end
    let scroll = if focused { input.visual_scroll(width.saturating_sub(1)) } else { 0 };
    let shown: String = crate::plan::sanitize(input.value()).chars().skip(scroll).collect();
    let cursor = focused.then(|| input.visual_cursor().saturating_sub(scroll) as u16);
    (fit(&shown, width), cursor)
}

/// Draws `input` in `area` (one line). When `focused`, places the terminal cursor in it.
pub fn draw(f: &mut Frame, area: Rect, input: &Input, style: Style, focused: bool, placeholder: &str) {
    let width = area.width.max(1) as usize;
    if input.value().is_empty() && !focused {
        f.render_widget(Paragraph::new(Line::from(Span::styled(fit(placeholder, width), style))), area);
        return;
    }
    let (shown, cursor) = visible(input, width, focused);
    f.render_widget(Paragraph::new(Line::from(Span::styled(shown, style))), area);
    if let Some(x) = cursor {
        f.set_cursor_position(Position::new(area.x + x.min(area.width.saturating_sub(1)), area.y));
    }
}
