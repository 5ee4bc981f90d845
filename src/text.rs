//! Text by display width, in every language: a Hangul syllable takes two terminal columns, a control
//! character is escaped, nothing is cut in the middle of a character. The screens and the commands'
//! column layouts use these.

use unicode_width::UnicodeWidthChar;

/// The terminal columns `s` takes (a Hangul syllable takes two).
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// `s` cut to `columns` (see [`fit`]) and padded with spaces to exactly that many columns: a label
/// column that lines up in every language.
pub fn pad(s: &str, columns: usize) -> String {
    let cut = fit(s, columns);
    let w = width(&cut);
    format!("{cut}{}", " ".repeat(columns.saturating_sub(w)))
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
