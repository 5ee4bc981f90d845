//! Small drawing helpers shared by the screens.

pub mod field;
pub mod picker;

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthChar;

/// A rectangle of `w`×`h` centred in `area` (clipped to it).
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect { x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h }
}

/// Cuts `s` to at most `width` terminal columns, ending with `…` when cut. Wide characters count two
/// columns, control characters are escaped first: nothing can push the layout.
pub fn fit(s: &str, width: usize) -> String {
    let s = crate::plan::sanitize(s);
    let mut out = String::new();
    let mut used = 0;
    let total: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return s;
    }
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
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
    }

    #[test]
    fn hard_wrap_splits_long_keys() {
        assert_eq!(hard_wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(hard_wrap("日本語", 4), vec!["日本", "語"]);
    }
}
