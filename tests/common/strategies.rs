//! Proptest strategies shared by tests/properties.rs and tests/fuzz.rs (each includes this file with
//! `#[path]`, so neither pulls in the AWS harness of tests/common).

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
