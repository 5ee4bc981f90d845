//! The one escape for text from elsewhere (AWS, a plan or JSON Lines file, an object's content, a log
//! event), so that it can never drive the terminal of whoever reads it: no escape sequence, no
//! right-to-left override, no invisible character, no forged line.
//!
//! The characters escaped ([`needs_escape`]): C0 controls, DEL, C1 controls (general category Cc),
//! format characters (Cf: the bidi overrides, embeddings and isolates, U+061C, zero-width space,
//! joiners, word joiner, BOM, soft hyphen, the interlinear annotations, the tag characters and the
//! other Cf characters above U+FFFF), and the line and paragraph separators U+2028 and U+2029. For a
//! person they are written as Rust writes them (`char::escape_default`: `\u{1b}`, `\u{202e}`, `\n`,
//! `\t`, `\r`); in JSON as `\uXXXX` (a surrogate pair above U+FFFF), which parses back to the same text.
//!
//! Where it happens: data keeps the text as it came (a snapshot, a plan, stream facts), and the way
//! out escapes it: a message's text arguments when it is rendered (`Msg` and `t!`, `crate::i18n`), the
//! report's text and lines (`crate::report`), the screens' text helpers (`crate::text::fit` and those
//! of `tui::widgets`), and JSON ([`to_json_string`], [`to_json_string_pretty`]). The commands'
//! `say!`/`tell!`, the screen's last pass over each frame and the log's writer (`crate::redact`) apply
//! it once more, as a guard for text that took none of these ways. The escape is idempotent: what it writes holds none of the characters
//! it escapes, and a backslash is kept as it is, so text escaped once never changes again
//! (`\u{1b}` never becomes `\\u{1b}`).

use std::borrow::Cow;
use std::io;

/// Whether `c` is written escaped: C0, DEL and C1 controls, format characters (Cf), U+2028 and U+2029.
pub fn needs_escape(c: char) -> bool {
    if (c as u32) < 0xA0 {
        // below U+00A0 only C0, DEL and C1 are controls; everything else there is printable
        return c.is_control();
    }
    use icu_properties::CodePointMapData;
    use icu_properties::props::GeneralCategory;
    matches!(c, '\u{2028}' | '\u{2029}') || CodePointMapData::<GeneralCategory>::new().get(c) == GeneralCategory::Format
}

fn escape_where<'a>(text: Cow<'a, str>, keep: fn(char) -> bool) -> Cow<'a, str> {
    let Some(first) = text.char_indices().find(|&(_, c)| needs_escape(c) && !keep(c)).map(|(i, _)| i) else {
        return text;
    };
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        if needs_escape(c) && !keep(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` on one line: every character of [`needs_escape`] escaped, new lines and tabs included.
pub fn escaped(text: Cow<'_, str>) -> Cow<'_, str> {
    escape_where(text, |_| false)
}

/// `text` of several lines (an object's first lines, a script, JSON): as [`escaped`], but new lines
/// and tabs are kept.
pub fn escaped_lines(text: Cow<'_, str>) -> Cow<'_, str> {
    escape_where(text, |c| c == '\n' || c == '\t')
}

/// [`escaped`] as a `String`: text from elsewhere shown on one line, `\u{1b}` for ESC.
pub fn sanitize(text: &str) -> String {
    escaped(Cow::Borrowed(text)).into_owned()
}

/// [`escaped_lines`] as a `String`: text of several lines, new lines and tabs kept.
pub fn sanitize_lines(text: &str) -> String {
    escaped_lines(Cow::Borrowed(text)).into_owned()
}

/// serde_json's formatter `F` (compact or pretty) that also writes every character of
/// [`needs_escape`] as `\uXXXX` (serde_json itself escapes only `"`, `\` and C0). The structure
/// (where the pretty formatter differs) is `F`'s; values are written as serde_json writes them.
struct Escaping<F>(F);

macro_rules! structure {
    ($($name:ident),*) => {$(
        fn $name<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
            self.0.$name(w)
        }
    )*};
}

impl<F: serde_json::ser::Formatter> serde_json::ser::Formatter for Escaping<F> {
    structure!(begin_array, end_array, end_array_value, begin_object, end_object, end_object_key);
    structure!(begin_object_value, end_object_value);

    fn begin_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }

    fn begin_object_key<W: ?Sized + io::Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }

    fn write_string_fragment<W: ?Sized + io::Write>(&mut self, w: &mut W, fragment: &str) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if needs_escape(c) {
                w.write_all(&fragment.as_bytes()[start..i])?;
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    write!(w, "\\u{u:04x}")?;
                }
                start = i + c.len_utf8();
            }
        }
        w.write_all(&fragment.as_bytes()[start..])
    }
}

fn to_json<T: serde::Serialize + ?Sized, F: serde_json::ser::Formatter>(value: &T, f: F) -> String {
    let mut out = Vec::with_capacity(256);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Escaping(f));
    value.serialize(&mut ser).expect("a value of the program's own types serialises");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// `value` as compact JSON, every character of [`needs_escape`] written as `\uXXXX`: every JSON the
/// program prints or writes goes through this or [`to_json_string_pretty`].
pub fn to_json_string<T: serde::Serialize + ?Sized>(value: &T) -> String {
    to_json(value, serde_json::ser::CompactFormatter)
}

/// [`to_json_string`], indented by two spaces as `serde_json::to_string_pretty` does.
pub fn to_json_string_pretty<T: serde::Serialize + ?Sized>(value: &T) -> String {
    to_json(value, serde_json::ser::PrettyFormatter::new())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_format_characters_and_separators_are_escaped() {
        assert_eq!(sanitize("ok\r\n\u{7}"), "ok\\r\\n\\u{7}");
        assert_eq!(sanitize("a\u{1b}]0;x\u{7}\u{1b}[2J"), "a\\u{1b}]0;x\\u{7}\\u{1b}[2J");
        assert_eq!(sanitize("\u{7f}\u{80}\u{9b}\u{9f}"), "\\u{7f}\\u{80}\\u{9b}\\u{9f}");
        // bidi, zero-width, BOM, soft hyphen, Arabic letter mark, a tag character, the separators
        assert_eq!(sanitize("evil\u{202e}txt.exe"), "evil\\u{202e}txt.exe");
        for c in ['\u{200b}', '\u{200d}', '\u{2066}', '\u{feff}', '\u{ad}', '\u{61c}', '\u{e0001}', '\u{2028}'] {
            assert_eq!(sanitize(&format!("a{c}b")), format!("a{}b", c.escape_default()), "{c:?}");
        }
        // printable text is kept: Hangul, a no-break space (Zs), a combining mark (Mn), U+00A0 just above C1
        assert_eq!(sanitize("한국어\u{a0}e\u{301} \\u{1b}"), "한국어\u{a0}e\u{301} \\u{1b}");
        assert_eq!(sanitize_lines("a\tb\nc\r\u{1b}"), "a\tb\nc\\r\\u{1b}");
        assert_eq!(sanitize(&"y".repeat(300)).len(), 300);
    }

    #[test]
    fn escaping_twice_changes_nothing() {
        let once = sanitize("x\u{1b}[2J\u{202e}\u{9b}\n\t\u{e0041}");
        assert_eq!(sanitize(&once), once);
        assert_eq!(sanitize_lines(&once), once);
        assert_eq!(sanitize(&sanitize_lines("a\nb\u{1b}")), sanitize("a\nb\u{1b}"));
        assert!(matches!(escaped(Cow::Borrowed("plain")), Cow::Borrowed(_)));
    }

    #[test]
    fn json_escapes_the_same_characters_and_parses_back() {
        let text = "n\u{1b}[2J\u{7f}\u{9b}\u{202e}\u{2028}\u{e0041}\"\\é한";
        let json = to_json_string(&serde_json::json!({ "k\u{200b}": text }));
        assert_eq!(
            json, r#"{"k\u200b":"n\u001b[2J\u007f\u009b\u202e\u2028\udb40\udc41\"\\é한"}"#,
            "serde_json's own escapes stay, C1, DEL, Cf (a surrogate pair above U+FFFF) and U+2028 are added"
        );
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["k\u{200b}"], text);
        let pretty = to_json_string_pretty(&serde_json::json!({ "a": [1, "\u{85}"] }));
        assert_eq!(pretty, "{\n  \"a\": [\n    1,\n    \"\\u0085\"\n  ]\n}");
        // without such characters, the same text as serde_json's own, compact and pretty
        let plain = serde_json::json!({ "a": [1, 2.5, null, true, {}, []], "b": { "c": "d\n\"" }, "e": [] });
        assert_eq!(to_json_string(&plain), serde_json::to_string(&plain).unwrap());
        assert_eq!(to_json_string_pretty(&plain), serde_json::to_string_pretty(&plain).unwrap());
    }
}
