//! Fuzzers for the two parsers that read text a user (or an attacker) wrote: the plan file
//! (`parse_plan_bytes`) and the S3 prefix language (`prefix::parse` / `prefix::check`).
//!
//! They check properties, not only the absence of panics: an error's message never holds a raw control
//! character (a terminal escape in a plan file must not reach the terminal), a parsed plan round-trips
//! through its JSON, and validation of whatever parses never panics and never echoes raw control
//! characters.
//!
//! Each fuzzer runs `FUZZ_CASES` cases (20 000 by default, so that `cargo test` stays fast);
//! `scripts/fuzz.sh` runs a million of each in the release profile. Seeds are random on every run (each
//! fuzzer prints its seed: `PROPTEST_RNG_SEED=<seed>` repeats the run) and no regression files are
//! written; a failure prints the shrunk input.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

use chrono::{DateTime, Utc};
use firehose_wizard::plan::prefix::{self, EvalContext, Kind, Token};
use firehose_wizard::plan::request::Target;
use firehose_wizard::plan::validate::{Severity, examples, validate, validate_for};
use firehose_wizard::plan::{MAX_PLAN_BYTES, Plan, PlanFileError, parse_plan_bytes};
use proptest::prelude::*;
use proptest::test_runner::{RngSeed, TestCaseError, TestRunner};

#[path = "common/strategies.rs"]
mod strategies;
use strategies::{instant, prefix_like};

const DEFAULT_CASES: u32 = 20_000;

/// `FUZZ_CASES`, or the default.
fn cases() -> u32 {
    match std::env::var("FUZZ_CASES") {
        Ok(v) => v.trim().replace('_', "").parse().unwrap_or_else(|_| panic!("FUZZ_CASES={v:?} is not a count")),
        Err(_) => DEFAULT_CASES,
    }
}

/// Runs `test` on `cases()` inputs of `strategy`, counts the cases actually run, and prints the count,
/// the time taken and the seed (`PROPTEST_RNG_SEED=<seed>` repeats a run, failure included).
fn fuzz<S: Strategy>(name: &str, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let cases = cases();
    // ProptestConfig::default() reads PROPTEST_RNG_SEED; without it, draw a seed to print
    let defaults = ProptestConfig::default();
    let seed = match defaults.rng_seed {
        RngSeed::Fixed(seed) => seed,
        RngSeed::Random => rand::random(),
    };
    let mut runner = TestRunner::new(ProptestConfig {
        cases,
        rng_seed: RngSeed::Fixed(seed),
        failure_persistence: None,
        // a failure is shrunk for at most a minute, then reported as it is
        max_shrink_time: 60_000,
        ..defaults
    });
    let ran = AtomicU64::new(0);
    let started = Instant::now();
    let result = runner.run(&strategy, |input| {
        ran.fetch_add(1, Ordering::Relaxed);
        test(input)
    });
    let secs = started.elapsed().as_secs_f64();
    let ran = ran.load(Ordering::Relaxed);
    eprintln!(
        "fuzz {name}: {ran} cases in {secs:.1} s ({:.0} cases/s), PROPTEST_RNG_SEED={seed}",
        ran as f64 / secs.max(1e-9)
    );
    if let Err(e) = result {
        panic!("fuzz {name} (PROPTEST_RNG_SEED={seed} repeats it): {e}");
    }
    assert_eq!(ran, u64::from(cases), "fuzz {name}: every configured case runs once");
}

fn no_control(what: &str, msg: &str) -> Result<(), TestCaseError> {
    prop_assert!(!msg.chars().any(char::is_control), "{what} holds a raw control character: {msg:?}");
    Ok(())
}

// ---------------------------------------------------------------------------------------------------
// Plan files

const EVERY_OPTION: &str = include_str!("fixtures/every-option.json");

/// The forms of the plan the fixtures do not show: Direct PUT, stream encryption by key, JSON
/// de-aggregation, a Lambda-only dynamic partitioning, on-demand new stream.
const DIRECT_PUT: &str = r#"{"name":"dp","source":"direct_put","process":{"lambda":{"function_arn":"arn:aws:lambda:us-east-1:123456789012:function:f"}},
"destination":{"bucket":"b-b-b","prefix":"k=!{partitionKeyFromLambda:k}/!{timestamp:yyyy}/","error_prefix":"e/!{firehose:error-output-type}/",
"dynamic_partitioning":{"record_deaggregation":"json"}},
"settings":{"buffer_size_mib":64,"role":{"create":"r"},"stream_encryption":{"customer_managed":"arn:aws:kms:us-east-1:123456789012:key/k"},"error_logging":false}}"#;
const NEW_STREAM: &str = r#"{"name":"n","source":{"new_kinesis_stream":{"name":"s","mode":"on_demand"}},"destination":{"bucket":"b-b-b","time_zone":"UTC"},"settings":{"stream_encryption":"aws_owned"}}"#;

fn seeds() -> Vec<Vec<u8>> {
    let lab = Plan::lab("abcd1234");
    let every = Plan::from_json(EVERY_OPTION).expect("the fixture parses");
    vec![
        lab.to_json_pretty().into_bytes(),
        serde_json::to_vec(&lab).unwrap(),
        EVERY_OPTION.as_bytes().to_vec(),
        serde_json::to_vec(&every).unwrap(),
        DIRECT_PUT.as_bytes().to_vec(),
        NEW_STREAM.as_bytes().to_vec(),
    ]
}

/// Every name the plan's JSON uses, as field or variant, so that a replaced string lands on a real
/// field in the wrong place, or twice.
const NAMES: &[&str] = &[
    "name",
    "source",
    "process",
    "destination",
    "settings",
    "direct_put",
    "kinesis_stream",
    "new_kinesis_stream",
    "mode",
    "shards",
    "on_demand",
    "provisioned",
    "lambda",
    "function_arn",
    "buffer_size_mib",
    "buffer_interval_s",
    "retries",
    "format_conversion",
    "output",
    "input",
    "glue_database",
    "glue_table",
    "glue_region",
    "glue_version",
    "bucket",
    "create_bucket",
    "prefix",
    "error_prefix",
    "dynamic_partitioning",
    "keys",
    "new_line_delimiter",
    "record_deaggregation",
    "json",
    "delimited",
    "retry_duration_s",
    "file_extension",
    "time_zone",
    "backup",
    "compression",
    "role",
    "create",
    "existing",
    "add_policy_to_role",
    "encryption",
    "kms_key_arn",
    "stream_encryption",
    "aws_owned",
    "customer_managed",
    "error_logging",
    "tags",
    "GZIP",
    "Snappy",
    "parquet",
    "orc",
    "openx_json",
    "hive_json",
    "LATEST",
    "Asia/Seoul",
    "UTC",
];

/// Values to put in a plan's strings: names of the plan, prefixes, ARNs and anything at all.
fn string_value() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(NAMES).prop_map(str::to_owned),
        3 => prefix_like(),
        1 => Just(String::new()),
        1 => Just("\u{1b}[2J\u{7}\u{9b}31m\0".to_owned()),
        1 => "arn:[a-z-]{0,4}:(kinesis|iam|lambda|kms|s3)?:[a-z0-9-]{0,10}:[0-9]{0,12}:[a-z/:$]{0,12}",
        2 => "\\PC{0,12}",
        2 => any::<String>(),
        1 => "[a-z0-9.-]{0,70}",
    ]
}

/// Text that replaces a number: in range, out of range, not numbers at all.
fn number_text() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        (-10i64..1000).prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|f| f.to_string()),
        (0.0f64..4.0).prop_map(|f| f.to_string()),
        prop::sample::select(vec![
            "1e999",
            "-1e999",
            "-0",
            "-0.0",
            "0.1e-400",
            "1e2",
            "2.5E-3",
            "1.7976931348623157e309",
            "99999999999999999999999",
            "-9223372036854775809",
            "9223372036854775807",
            "18446744073709551616",
            "00",
            "01",
            "1.",
            ".5",
            "--1",
            "1e",
            "+1",
            "NaN",
            "Infinity",
            "0x10",
            "true",
            "null",
            "\"5\"",
            "[]",
        ])
        .prop_map(str::to_owned),
    ]
    .prop_map(String::into_bytes)
}

/// Structural tokens and hostile bytes to insert anywhere.
fn insertion() -> impl Strategy<Value = Vec<u8>> {
    let fixed: Vec<Vec<u8>> = [
        &b"{"[..],
        b"}",
        b"[",
        b"]",
        b"\"",
        b":",
        b",",
        b"\\",
        b"\\u001b",
        b"\\ud800",
        b"\\uDFFF",
        b"\\uD83D\\uDE00",
        b"\\x",
        b"\\",
        b"\x1b",
        b"\x1b[2J",
        b"\0",
        b"\x7f",
        b"\xc2\x9b",
        b"\xff",
        b"\xfe",
        b"\xc3",
        b"\xed\xa0\x80",
        b"\xf4\x90\x80\x80",
        b"\xc0\xaf",
        b"\xef\xbb\xbf",
        b"\xe2\x80\xa8",
        b"1e999",
        b"-0",
        b"null",
        b"true",
        b" ",
        b"\n",
        b"\r\n",
        b"\t",
        b"\"name\":\"x\",",
        b"\"tags\":{},",
        b"\"prefix\":\"!{\",",
        b"/*",
        b"//",
    ]
    .iter()
    .map(|b| b.to_vec())
    .collect();
    prop_oneof![
        6 => prop::sample::select(fixed),
        1 => (1usize..300).prop_map(|n| "[".repeat(n).into_bytes()),
        1 => (1usize..200).prop_map(|n| "{\"name\":".repeat(n).into_bytes()),
        1 => (1usize..200).prop_map(|n| "{\"a\":[".repeat(n).into_bytes()),
        2 => string_value().prop_map(|s| serde_json::to_vec(&s).unwrap()),
        1 => number_text(),
        1 => prop::collection::vec(any::<u8>(), 1..8),
        1 => "\\PC{1,6}".prop_map(String::into_bytes),
    ]
}

/// A position in a byte string of any length: the fraction `self.0 / 2^64` of it.
#[derive(Debug, Clone, Copy)]
struct Pos(u64);

impl Pos {
    /// The position in `0..n` (0 when `n` is 0).
    fn of(self, n: usize) -> usize {
        ((n as u128 * self.0 as u128) >> 64) as usize
    }
}

fn pos() -> impl Strategy<Value = Pos> {
    any::<u64>().prop_map(Pos)
}

/// One edit of a plan file.
#[derive(Debug, Clone)]
enum Mutation {
    /// XOR a byte with a non-zero mask.
    Flip(Pos, u8),
    Set(Pos, u8),
    Insert(Pos, Vec<u8>),
    Delete(Pos, usize),
    Truncate(Pos),
    /// Copy `len` bytes from the first position to the second (duplicate keys, spliced structure).
    Duplicate(Pos, usize, Pos),
    /// Replace the content of one object key with this text, JSON-escaped.
    ReplaceKey(Pos, String),
    /// Replace the content of one string value with this text, JSON-escaped.
    ReplaceValue(Pos, String),
    /// Replace one number (or `true`/`false`/`null`) with this text.
    ReplaceScalar(Pos, Vec<u8>),
}

/// Edits that keep the JSON well-formed (mostly), so that the plan parses and validation sees odd
/// values.
fn value_mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        6 => (pos(), string_value()).prop_map(|(i, s)| Mutation::ReplaceValue(i, s)),
        3 => (pos(), number_text()).prop_map(|(i, b)| Mutation::ReplaceScalar(i, b)),
        1 => (pos(), prop_oneof![4 => prop::sample::select(NAMES).prop_map(str::to_owned), 1 => string_value()])
            .prop_map(|(i, s)| Mutation::ReplaceKey(i, s)),
    ]
}

/// Any edit.
fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        // mostly within ASCII, sometimes into the high half (invalid UTF-8)
        2 => (pos(), prop_oneof![4 => 1u8..0x80, 1 => 0x80u8..=255]).prop_map(|(i, m)| Mutation::Flip(i, m)),
        1 => (pos(), any::<u8>()).prop_map(|(i, b)| Mutation::Set(i, b)),
        4 => (pos(), insertion()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        2 => (pos(), 1usize..32).prop_map(|(i, n)| Mutation::Delete(i, n)),
        1 => pos().prop_map(Mutation::Truncate),
        1 => (pos(), 1usize..200, pos()).prop_map(|(a, n, b)| Mutation::Duplicate(a, n, b)),
        6 => value_mutation(),
    ]
}

/// Where the literals of JSON text are (approximately, for broken text: it only picks where to edit).
#[derive(Debug, Default, PartialEq)]
struct Literals {
    /// The content spans of strings followed by `:`.
    keys: Vec<(usize, usize)>,
    /// The content spans of the other strings.
    values: Vec<(usize, usize)>,
    /// Numbers, `true`, `false`, `null`.
    scalars: Vec<(usize, usize)>,
}

fn literals(bytes: &[u8]) -> Literals {
    let mut found = Literals::default();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let span = (start, i.min(bytes.len()));
                i += 1;
                let next = bytes.iter().skip(i).find(|b| !b.is_ascii_whitespace());
                if next == Some(&b':') { found.keys.push(span) } else { found.values.push(span) }
            }
            b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => {
                let start = i;
                while i < bytes.len() && matches!(bytes[i], b'-' | b'+' | b'.' | b'0'..=b'9' | b'a'..=b'z' | b'E') {
                    i += 1;
                }
                found.scalars.push((start, i));
            }
            _ => i += 1,
        }
    }
    found
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len();
    let replace = |bytes: &mut Vec<u8>, spans: &[(usize, usize)], i: &Pos, with: &[u8]| {
        if !spans.is_empty() {
            let (a, b) = spans[i.of(spans.len())];
            bytes.splice(a..b, with.iter().copied());
        }
    };
    let escaped = |s: &str| {
        let quoted = serde_json::to_vec(s).unwrap();
        quoted[1..quoted.len() - 1].to_vec()
    };
    match m {
        Mutation::Flip(i, mask) if len > 0 => bytes[i.of(len)] ^= mask,
        Mutation::Set(i, b) if len > 0 => bytes[i.of(len)] = *b,
        Mutation::Insert(i, b) => {
            let p = i.of(len + 1);
            bytes.splice(p..p, b.iter().copied());
        }
        Mutation::Delete(i, n) if len > 0 => {
            let p = i.of(len);
            bytes.drain(p..(p + n).min(len));
        }
        Mutation::Truncate(i) => bytes.truncate(i.of(len + 1)),
        Mutation::Duplicate(a, n, b) if len > 0 => {
            let p = a.of(len);
            let piece = bytes[p..(p + n).min(len)].to_vec();
            let q = b.of(len + 1);
            bytes.splice(q..q, piece);
        }
        Mutation::ReplaceKey(i, s) => replace(bytes, &literals(bytes).keys, i, &escaped(s)),
        Mutation::ReplaceValue(i, s) => replace(bytes, &literals(bytes).values, i, &escaped(s)),
        Mutation::ReplaceScalar(i, t) => replace(bytes, &literals(bytes).scalars, i, t),
        _ => {}
    }
}

/// JSON-ish token soup: the plan's names, structure and scalars in random order.
fn token_soup() -> impl Strategy<Value = Vec<u8>> {
    let token = prop_oneof![
        4 => prop::sample::select(vec!["{", "}", "[", "]", ":", ",", " ", "\n"]).prop_map(|t| t.as_bytes().to_vec()),
        3 => prop::sample::select(NAMES).prop_map(|n| format!("\"{n}\"").into_bytes()),
        1 => number_text(),
        1 => insertion(),
    ];
    prop::collection::vec(token, 0..64).prop_map(|v| {
        let mut out = b"{".to_vec();
        out.extend(v.concat());
        out
    })
}

/// A plan file's bytes, shown as a byte string when a case fails.
#[derive(Clone)]
struct Bytes(Vec<u8>);

impl std::fmt::Debug for Bytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "b\"{}\"", self.0.escape_ascii())
    }
}

fn mutated((mut bytes, edits): (Vec<u8>, Vec<Mutation>)) -> Vec<u8> {
    for m in &edits {
        apply(&mut bytes, m);
    }
    bytes
}

fn plan_file() -> impl Strategy<Value = Bytes> {
    let seeds = seeds();
    prop_oneof![
        8 => (prop::sample::select(seeds.clone()), prop::collection::vec(mutation(), 1..5)).prop_map(mutated),
        8 => (prop::sample::select(seeds), prop::collection::vec(value_mutation(), 1..6)).prop_map(mutated),
        2 => token_soup(),
        1 => prop::collection::vec(any::<u8>(), 0..400),
        1 => "\\PC{0,200}".prop_map(String::into_bytes),
    ]
    .prop_map(Bytes)
}

fn check_plan_file(bytes: &[u8], at: DateTime<Utc>) -> Result<(), TestCaseError> {
    let parsed = parse_plan_bytes(bytes);
    // the checks before serde never refuse a plan serde takes, nor take one it refuses
    if let Ok(text) = std::str::from_utf8(bytes) {
        let from_text = Plan::from_json(text).ok();
        prop_assert_eq!(parsed.as_ref().ok(), from_text.as_ref());
    }
    let plan = match parsed {
        Err(e) => {
            let msg = e.to_string();
            no_control("the error", &msg)?;
            prop_assert!(!msg.is_empty() && msg.chars().count() < 1000, "{msg}");
            if let PlanFileError::Parse(p) = &e {
                prop_assert!(p.line >= 1, "{e:?}");
            }
            return Ok(());
        }
        Ok(plan) => plan,
    };
    // what parses round-trips, pretty and compact
    let pretty = plan.to_json_pretty();
    if pretty.len() <= MAX_PLAN_BYTES {
        let again = parse_plan_bytes(pretty.as_bytes());
        prop_assert_eq!(again.as_ref(), Ok(&plan), "{}", pretty);
    }
    let compact = serde_json::to_string(&plan).unwrap();
    let again = Plan::from_json(&compact);
    prop_assert_eq!(again.as_ref(), Ok(&plan), "{}", compact);
    // and validates, without panicking or echoing control characters
    let problems = validate(&plan);
    for p in &problems {
        no_control("a validation message", &p.to_string())?;
    }
    let target = Target { account: "123456789012".into(), region: "us-east-1".into(), partition: "aws".into() };
    for p in validate_for(&plan, &target) {
        no_control("a validation message (for a target)", &p.to_string())?;
    }
    let ex = examples(&plan, at);
    if !problems.iter().any(|p| p.severity == Severity::Error) {
        prop_assert!(ex.is_some(), "a plan without errors has examples");
    }
    Ok(())
}

#[test]
fn fuzz_plan_files() {
    fuzz("plan files", (plan_file(), instant()), |(bytes, at)| check_plan_file(&bytes.0, at));
}

// ---------------------------------------------------------------------------------------------------
// Prefixes

fn prefix_text() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prefix_like(),
        1 => "\\PC{0,40}",
        1 => any::<String>(),
    ]
}

fn check_prefix(p: &str, e: Option<&str>, dynamic: bool, at: DateTime<Utc>) -> Result<(), TestCaseError> {
    let parsed = prefix::parse(p);
    match &parsed {
        Err(err) => {
            no_control("a prefix parse error", &err.msg().to_string())?;
            prop_assert!(err.position >= 1 && err.position <= p.chars().count() + 1, "{} in {p:?}", err.msg());
        }
        Ok(tokens) => {
            for t in tokens {
                if let Token::Literal(s) = t {
                    prop_assert!(!s.is_empty() && !s.contains("!{"), "literal {s:?} of {p:?}");
                }
            }
            for kind in [Kind::Prefix, Kind::ErrorPrefix] {
                let eff = prefix::effective(tokens, kind);
                let no_keys = |_: &str| None;
                let key_len: usize = tokens
                    .iter()
                    .map(|t| match t {
                        Token::PartitionKey { key, .. } => key.chars().count() + 2,
                        _ => 0,
                    })
                    .sum();
                for t in prefix::ERROR_OUTPUT_TYPES {
                    let ctx = EvalContext { at, error_output_type: t, partition_values: &no_keys, random: None };
                    let out = prefix::evaluate(&eff, &ctx);
                    prop_assert!(
                        out.chars().count() <= prefix::max_evaluated_len(&eff) + key_len,
                        "{p:?} at {at} gave {out:?}"
                    );
                }
            }
        }
    }
    let findings = prefix::check(p, e, dynamic);
    for f in &findings {
        no_control("a prefix finding", &f.message.to_string())?;
    }
    let prefix_error = findings.iter().any(|f| !f.warning && f.kind == Kind::Prefix);
    if parsed.is_err() {
        prop_assert!(prefix_error, "{p:?} does not parse, yet check finds no error: {findings:?}");
    }
    if !prefix_error {
        // what check lets through parses, and fits Firehose's limit once evaluated
        let tokens = parsed.expect("checked");
        prop_assert!(prefix::max_evaluated_len(&prefix::effective(&tokens, Kind::Prefix)) <= prefix::MAX_EVALUATED);
    }
    if let Err(msg) = prefix::compile_pattern(p) {
        no_control("a pattern error", &msg.to_string())?;
    }
    Ok(())
}

#[test]
fn fuzz_prefixes() {
    fuzz(
        "prefixes",
        (prefix_text(), proptest::option::of(prefix_text()), any::<bool>(), instant()),
        |(p, e, dynamic, at)| check_prefix(&p, e.as_deref(), dynamic, at),
    );
}

#[test]
fn mutations_reach_every_kind_of_edit() {
    let mut bytes = br#"{"a": [1, "b\"c", true], "d" : null}"#.to_vec();
    let found = literals(&bytes);
    assert_eq!(
        found,
        Literals { keys: vec![(2, 3), (26, 27)], values: vec![(11, 15)], scalars: vec![(7, 8), (18, 22), (31, 35)] }
    );
    apply(&mut bytes, &Mutation::ReplaceValue(Pos(0), "\u{1b}".into()));
    assert_eq!(bytes, br#"{"a": [1, "\u001b", true], "d" : null}"#);
    apply(&mut bytes, &Mutation::ReplaceScalar(Pos(0), b"1e999".to_vec()));
    assert_eq!(bytes, br#"{"a": [1e999, "\u001b", true], "d" : null}"#);
    apply(&mut bytes, &Mutation::ReplaceKey(Pos(u64::MAX), "name".into()));
    assert_eq!(bytes, br#"{"a": [1e999, "\u001b", true], "name" : null}"#);
    apply(&mut bytes, &Mutation::Duplicate(Pos(0), 2, Pos(0)));
    assert_eq!(bytes, br#"{"{"a": [1e999, "\u001b", true], "name" : null}"#);
}
