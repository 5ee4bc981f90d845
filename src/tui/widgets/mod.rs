//! Small drawing helpers shared by the screens.

pub mod field;
pub mod picker;

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthChar;

pub use crate::text::{fit, pad, width};

/// The last pass over a drawn frame: a cell that holds a control or format character (text that took
/// none of the ways that escape it, `plan::escape`) keeps only its visible part, so that nothing in it
/// can drive the terminal. ratatui itself drops control characters but keeps a format character that
/// joins a visible one (a zero-width joiner, a tag character).
pub fn guard(buf: &mut ratatui::buffer::Buffer) {
    for cell in buf.content.iter_mut() {
        if cell.symbol().chars().any(crate::plan::needs_escape) {
            let kept: String = cell.symbol().chars().filter(|&c| !crate::plan::needs_escape(c)).collect();
            cell.set_symbol(if kept.is_empty() { " " } else { &kept });
        }
    }
}

/// A rectangle of `w`×`h` centred in `area` (clipped to it).
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}

/// Clears `rect` for a popup. A wide character (Hangul, CJK) that straddles the popup's left edge
/// would hide the border under its second half: it is blanked too.
pub fn clear(f: &mut ratatui::Frame, rect: Rect) {
    f.render_widget(ratatui::widgets::Clear, rect);
    if rect.x == 0 {
        return;
    }
    let buf = f.buffer_mut();
    for y in rect.y..rect.y.saturating_add(rect.height).min(buf.area.bottom()) {
        let cell = &mut buf[(rect.x - 1, y)];
        if width(cell.symbol()) > 1 {
            cell.set_symbol(" ");
        }
    }
}

/// A scrollable text view's answer to a key: the new scroll position, or `None` when the key closes it
/// (Esc, q, Enter).
pub fn scroll_key(scroll: u16, lines: u16, k: &ratatui::crossterm::event::KeyEvent) -> Option<u16> {
    use ratatui::crossterm::event::KeyCode;
    Some(match k.code {
        KeyCode::Esc | KeyCode::Char('q') | KeyCode::Enter => return None,
        KeyCode::Down | KeyCode::Char('j') => scroll.saturating_add(1).min(lines),
        KeyCode::Up | KeyCode::Char('k') => scroll.saturating_sub(1),
        KeyCode::PageDown | KeyCode::Char(' ') => scroll.saturating_add(10).min(lines),
        KeyCode::PageUp => scroll.saturating_sub(10),
        KeyCode::Home => 0,
        _ => scroll,
    })
}

/// Cuts `s` to at most `width` columns from its end, starting with `…` when cut: the end of an S3 key
/// is the part that tells objects apart.
pub fn fit_end(s: &str, width: usize) -> String {
    let s = crate::plan::sanitize(s);
    let total: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return s;
    }
    let mut kept: Vec<char> = Vec::new();
    let mut used = 0;
    for c in s.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        kept.push(c);
        used += w;
    }
    if width == 0 {
        return String::new();
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

/// Splits `s` into lines of at most `width` columns (hard wrap, for keys and ARNs that have no spaces).
pub fn hard_wrap(s: &str, width: usize) -> Vec<String> {
    let s = crate::plan::sanitize(s);
    let mut lines = vec![String::new()];
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width && used > 0 {
            lines.push(String::new());
            used = 0;
        }
        lines.last_mut().expect("one line").push(c);
        used += w;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_counts_columns_not_bytes() {
        assert_eq!(fit("abc", 5), "abc");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("日本語のバケット", 7), "日本語…");
        assert_eq!(fit("a\u{1b}[2Jb", 40), "a\\u{1b}[2Jb");
        assert_eq!(fit_end("abcdef", 4), "…def");
        assert_eq!(fit_end("abc", 4), "abc");
        assert_eq!(fit_end("日本語のバケット", 7), "…ケット");
    }

    #[test]
    fn the_last_pass_leaves_no_format_character_in_a_cell() {
        let area = Rect::new(0, 0, 6, 1);
        let mut buf = ratatui::buffer::Buffer::empty(area);
        buf[(0, 0)].set_symbol("a\u{200d}");
        buf[(1, 0)].set_symbol("\u{202e}");
        buf[(2, 0)].set_symbol("b\u{e0041}\u{e007f}");
        buf[(3, 0)].set_symbol("한");
        guard(&mut buf);
        let symbols: Vec<&str> = buf.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(symbols, ["a", " ", "b", "한", " ", " "]);
    }

    #[test]
    fn hard_wrap_splits_long_keys() {
        assert_eq!(hard_wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(hard_wrap("日本語", 4), vec!["日本", "語"]);
    }
}
