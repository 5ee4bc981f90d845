//! Proptest strategies shared by tests/properties.rs and tests/fuzz.rs (each includes this file with
//! `#[path]`, so neither pulls in the AWS harness of tests/common), and tests/remote_text.rs; each uses
//! some of them.
#![allow(dead_code)]

use chrono::{DateTime, TimeZone, Utc};
use proptest::prelude::*;

/// Strings built from the pieces prefixes are made of, with line breaks and control characters, so
/// that the prefix parser sees deep, near-valid input.
pub fn prefix_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("!{".to_owned()),
        Just("}".to_owned()),
        Just(":".to_owned()),
        Just("timestamp".to_owned()),
        Just("firehose".to_owned()),
        Just("random-string".to_owned()),
        Just("error-output-type".to_owned()),
        Just("partitionKeyFromQuery".to_owned()),
        Just("partitionKeyFromLambda".to_owned()),
        Just("!{timestamp:yyyy}".to_owned()),
        Just("!{timestamp:yyyy/MM/dd/HH}".to_owned()),
        Just("!{firehose:error-output-type}".to_owned()),
        Just("!{firehose:random-string}".to_owned()),
        Just("!{partitionKeyFromQuery:customer_id}".to_owned()),
        Just("!{partitionKeyFromLambda:k}".to_owned()),
        Just("'".to_owned()),
        Just("''".to_owned()),
        Just("/".to_owned()),
        Just("[".to_owned()),
        Just("#".to_owned()),
        "[yuMLdDHhkKmsSYEaGwQVzxXO]{1,20}",
        "[ -~]{0,4}",
        "\\PC{0,3}",
        "[\\x00-\\x1f\\x7f-\\u{9f}\\u{2028}\\u{2029}]",
        Just("\u{1b}[2J".to_owned()),
        Just("p".repeat(300)),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

/// Any instant in years 1..=9999, to the nanosecond.
pub fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    // years 1..=9999, any second, any nanosecond
    (-62_135_596_800i64..253_402_300_799i64, 0u32..1_000_000_000).prop_map(|(s, n)| Utc.timestamp_opt(s, n).unwrap())
}

/// Text as AWS or a file may hold it: biased towards what must never reach a terminal raw (C0, DEL and
/// C1 controls, escape sequences, format characters, U+2028/U+2029), mixed with Hangul, ASCII and other
/// printable text, and the escape's own output (`\u{1b}` as text, a lone backslash).
pub fn remote_text() -> impl Strategy<Value = String> {
    // general category Cf: the bidi controls, zero-width characters, BOM, soft hyphen, the Arabic and
    // Syriac marks, the interlinear annotations, and above U+FFFF the Kaithi, musical and tag characters
    let format = prop::sample::select(vec![
        '\u{ad}',
        '\u{600}',
        '\u{605}',
        '\u{61c}',
        '\u{6dd}',
        '\u{70f}',
        '\u{890}',
        '\u{8e2}',
        '\u{180e}',
        '\u{200b}',
        '\u{200c}',
        '\u{200d}',
        '\u{200e}',
        '\u{200f}',
        '\u{202a}',
        '\u{202b}',
        '\u{202c}',
        '\u{202d}',
        '\u{202e}',
        '\u{2060}',
        '\u{2063}',
        '\u{2064}',
        '\u{2066}',
        '\u{2067}',
        '\u{2068}',
        '\u{2069}',
        '\u{206a}',
        '\u{206f}',
        '\u{feff}',
        '\u{fff9}',
        '\u{fffb}',
        '\u{110bd}',
        '\u{110cd}',
        '\u{13430}',
        '\u{1bca0}',
        '\u{1d173}',
        '\u{1d17a}',
        '\u{e0001}',
        '\u{e0020}',
        '\u{e0041}',
        '\u{e007f}',
    ]);
    let piece = prop_oneof![
        3 => "[\\x00-\\x1f]{1,3}",
        2 => "[\\x7f-\\u{9f}]{1,3}",
        3 => format.prop_map(String::from),
        1 => prop::sample::select(vec!["\u{2028}", "\u{2029}"]).prop_map(str::to_owned),
        2 => prop::sample::select(vec![
            "\u{1b}[2J",
            "\u{1b}]0;pwned\u{7}",
            "\u{1b}]8;;http://x/\u{1b}\\",
            "\u{9b}31m",
            "\u{1b}P+q\u{1b}\\",
            "\r\u{1b}[1A\u{1b}[K[8/8] ok",
        ])
        .prop_map(str::to_owned),
        2 => "[가-힣]{1,4}",
        3 => "[ -~]{1,8}",
        1 => "\\PC{1,3}",
        1 => prop::sample::select(vec!["\\u{1b}", "\\", "\\n", "\n", "\t"]).prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

/// Whether `c` must never leave raw, decided by the tests on their own (not with the product's
/// predicate): C0, DEL, C1, U+2028, U+2029, and general category Cf as the Unicode Character Database
/// says.
pub fn forbidden(c: char) -> bool {
    use icu_properties::CodePointMapData;
    use icu_properties::props::GeneralCategory;
    matches!(c, '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' | '\u{2028}' | '\u{2029}')
        || CodePointMapData::<GeneralCategory>::new().get(c) == GeneralCategory::Format
}

/// The characters of `out` that must not be there raw (`lines`: new lines and tabs may be).
pub fn raw_in(out: &str, lines: bool) -> Vec<char> {
    out.chars().filter(|&c| forbidden(c) && !(lines && (c == '\n' || c == '\t'))).collect()
}
