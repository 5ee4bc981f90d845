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
    use unicode_width::UnicodeWidthChar;
    // columns scrolled off to the left (leaving a column for the cursor at the end)
    let scroll = if focused { input.visual_scroll(width.saturating_sub(1)) } else { 0 };
    // skip whole characters worth `scroll` columns: a wide character counts two
    let mut skipped = 0;
    let shown: String = crate::plan::sanitize(input.value())
        .chars()
        .skip_while(|c| {
            let skip = skipped < scroll;
            if skip {
                skipped += c.width().unwrap_or(0);
            }
            skip
        })
        .collect();
    let cursor = focused.then(|| input.visual_cursor().saturating_sub(skipped) as u16);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_scroll_by_columns() {
        let name = "名".repeat(56); // 112 columns
        let input = Input::new(name);
        let (shown, cursor) = visible(&input, 49, true);
        assert!(shown.starts_with('名'), "{shown:?}");
        let cols = unicode_width::UnicodeWidthStr::width(shown.as_str());
        assert!((46..=49).contains(&cols), "{cols} columns shown");
        assert!(cursor.unwrap() <= 48, "{cursor:?}");
        let (shown, cursor) = visible(&Input::new("abc".into()), 49, true);
        assert_eq!((shown.as_str(), cursor), ("abc", Some(3)));
        // at the end of a long value: 9 characters, and the 10th column for the cursor
        let (shown, cursor) = visible(&Input::new("x".repeat(100)), 10, true);
        assert_eq!((shown.chars().count(), cursor), (9, Some(9)));
    }
}
