//! Where a stream's records should land, and how to read what landed: the S3 key prefixes that test
//! records sent in a time window produce (the time zone, an hour or day boundary inside the window, the
//! partition keys of the records' own values), where error objects go, what a key's place is, object
//! contents (GZIP), Firehose's error records, the metrics worth watching, and the likely causes when
//! records do not arrive. Pure: the `cloud` layer does the listing and reading.

use std::collections::BTreeSet;
use std::io::Read;
use std::time::Duration;

use chrono::{DateTime, Utc};
use serde::Serialize;
use serde_json::Value;

use super::describe::{S3Facts, SourceFacts, StreamFacts};
use super::msg::Msg;
use super::prefix::{self, Kind, Token};
use super::validate::sample_value;

/// Where the records sent in a window should land.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Expectation {
    /// A key that starts with one of these is where Firehose puts the records (each is a whole evaluated
    /// prefix, or the part of it before a value that cannot be known, like a random string).
    pub prefixes: BTreeSet<String>,
    /// Error objects lie under these, each followed by the error output type.
    pub error_roots: BTreeSet<String>,
    /// The ending of the stream's object names (`.gz`, `.parquet`, a custom one, or none).
    pub extension: String,
}

/// Where a key is, for a smoke test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Expected,
    /// Under an error root: the error output type (`processing-failed`, ...).
    Error(String),
    /// Under an expected prefix, but without the stream's extension.
    WrongExtension,
    Elsewhere,
}

/// The longest window evaluated second by second; longer windows are sampled more sparsely.
const MAX_STEPS: i64 = 7200;

/// The tokens of a prefix as Firehose evaluates them; a prefix that does not parse (a Java pattern
/// letter firehose-wizard refuses to guess) counts up to its first expression.
fn effective_tokens(text: &str, kind: Kind) -> Vec<Vec<Token>> {
    let tokens = match prefix::parse(text) {
        Ok(t) => t,
        Err(_) => {
            let head = text.split("!{").next().unwrap_or_default();
            return vec![vec![Token::Literal(head.to_owned()), Token::RandomString]];
        }
    };
    let mut out = vec![prefix::effective(&tokens, kind)];
    // a literal prefix without a trailing `/`: the rule appends `yyyy/MM/dd/HH/` directly, the
    // documentation's example shows a `/` between; both are accepted
    if kind == Kind::Prefix && !prefix::has_timestamp(&tokens) && !text.is_empty() && !text.ends_with('/') {
        let mut with_slash = tokens.clone();
        with_slash.push(Token::Literal("/".into()));
        out.push(prefix::effective(&with_slash, kind));
    }
    out
}

/// The instants of `[from, to]` at which to evaluate: every second, or evenly sampled when the window is
/// longer than two hours.
fn instants(from: DateTime<Utc>, to: DateTime<Utc>) -> impl Iterator<Item = DateTime<Utc>> {
    let span = (to - from).num_seconds().max(0);
    let step = (span / MAX_STEPS).max(1);
    (0..=span / step).map(move |i| from + chrono::Duration::seconds(i * step)).chain(std::iter::once(to))
}

/// Where records sent between `from` and `to` land: the prefix evaluated at each second of the window
/// in the stream's time zone and, with dynamic partitioning, with the partition keys each record's own
/// values give (a key whose jq expression is not a plain path cuts the prefix there).
pub fn expectation(s3: &S3Facts, from: DateTime<Utc>, to: DateTime<Utc>, records: &[Value]) -> Expectation {
    // resolved once, for every instant of the window
    let zone = prefix::zone(s3.time_zone.as_deref());
    let zone = zone.as_ref();
    // the distinct partition values of the records (one empty set without partitioning)
    let keys: Vec<(&String, &String)> = s3.partition_keys.iter().collect();
    let mut tuples: BTreeSet<Vec<Option<String>>> =
        records.iter().map(|r| keys.iter().map(|(_, expr)| sample_value(r, expr)).collect()).collect();
    if tuples.is_empty() {
        tuples.insert(vec![None; keys.len()]);
    }
    let mut out = Expectation { extension: s3.extension.clone(), ..Expectation::default() };
    for tokens in effective_tokens(&s3.prefix, Kind::Prefix) {
        for tuple in &tuples {
            let values = |key: &str| keys.iter().position(|(k, _)| *k == key).and_then(|i| tuple[i].clone());
            for at in instants(from, to) {
                out.prefixes.insert(prefix::evaluate_known(&tokens, &prefix::in_zone(at, zone), Some("x"), &values).0);
            }
        }
    }
    // no error prefix: errors go under the prefix (rule 3)
    let error_text = s3.error_prefix.as_deref().unwrap_or(&s3.prefix);
    for tokens in effective_tokens(error_text, Kind::ErrorPrefix) {
        for at in instants(from, to) {
            out.error_roots.insert(prefix::evaluate_known(&tokens, &prefix::in_zone(at, zone), None, &|_| None).0);
        }
    }
    out
}

impl Expectation {
    /// Where `key` is: under an error root followed by an error type, under an expected prefix, or
    /// elsewhere.
    pub fn place(&self, key: &str) -> Place {
        for root in &self.error_roots {
            if let Some(kind) = key.strip_prefix(root.as_str()).and_then(error_type) {
                return Place::Error(kind);
            }
        }
        if !self.prefixes.iter().any(|p| key.starts_with(p.as_str())) {
            Place::Elsewhere
        } else if key.ends_with(self.extension.as_str()) {
            Place::Expected
        } else {
            Place::WrongExtension
        }
    }

    /// The prefixes to list to see every expected and error object: the expected prefixes (at most
    /// `max` of them) and the error roots (at most `max` too), each reduced as [`listing_roots`] does,
    /// so that the two never merge into one listing of the whole bucket.
    pub fn listing_roots(&self, max: usize) -> Vec<String> {
        let mut all = self.prefix_roots(max);
        all.extend(listing_roots(self.error_roots.iter().map(String::as_str), max));
        // one root inside another is listed with it
        let mut out: Vec<String> = Vec::new();
        for (i, r) in all.iter().enumerate() {
            let inside = all.iter().enumerate().any(|(j, o)| j != i && r.starts_with(o.as_str()) && (r != o || j < i));
            if !inside {
                out.push(r.clone());
            }
        }
        out
    }

    /// The expected prefixes, reduced (see [`listing_roots`]).
    pub fn prefix_roots(&self, max: usize) -> Vec<String> {
        listing_roots(self.prefixes.iter().map(String::as_str), max)
    }
}

/// Prefixes reduced to those no other one contains, or to their common beginning past `max` of them.
pub fn listing_roots<'a>(prefixes: impl IntoIterator<Item = &'a str>, max: usize) -> Vec<String> {
    let all: BTreeSet<&str> = prefixes.into_iter().collect();
    let mut roots: Vec<&str> = Vec::new();
    // sorted: a prefix comes before every key it contains
    for p in all {
        if !roots.iter().any(|r| p.starts_with(r)) {
            roots.push(p);
        }
    }
    if roots.len() <= max {
        return roots.into_iter().map(str::to_owned).collect();
    }
    let first = roots[0];
    let mut len = first.len();
    for r in &roots[1..] {
        len = first.bytes().zip(r.bytes()).take(len).take_while(|(a, b)| a == b).count();
    }
    while !first.is_char_boundary(len) {
        len -= 1;
    }
    vec![first[..len].to_owned()]
}

/// The error output type a key part starts with: one of Firehose's (`processing-failed`, ...) or any
/// word ending in `-failed`.
fn error_type(rest: &str) -> Option<String> {
    // a literal root without its `/` (the documentation's layout puts one between)
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    if let Some(t) = prefix::ERROR_OUTPUT_TYPES.iter().find(|t| rest.starts_with(**t)) {
        return Some((*t).to_owned());
    }
    let word: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    let end = word.find("-failed")? + "-failed".len();
    (end > "-failed".len()).then(|| word[..end].to_owned())
}

/// How an object's content can be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    /// Text (JSON lines), possibly GZIP-compressed.
    Text(Vec<u8>),
    /// A format that cannot be searched for records (Parquet, ORC, ZIP, Snappy): it counts by arrival.
    Opaque(&'static str),
}

/// The readable content of an object's first bytes: gunzipped when it is GZIP (by its magic number),
/// at most `limit` bytes; Parquet, ORC, ZIP and Snappy objects are opaque. Error objects
/// (`error_object`) hold Firehose's JSON error records even when the stream converts its records.
pub fn content(s3: &S3Facts, bytes: &[u8], limit: usize, error_object: bool) -> Result<Content, Msg> {
    if let Some(f) = s3.format_conversion.as_ref().filter(|_| !error_object) {
        return Ok(Content::Opaque(if f == "orc" { "ORC" } else { "Parquet" }));
    }
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        let mut reader = flate2::read::MultiGzDecoder::new(bytes).take(limit as u64);
        return match reader.read_to_end(&mut out) {
            Ok(_) => Ok(Content::Text(out)),
            // a cut-off download ends the stream early: keep what was decoded
            Err(_) if !out.is_empty() => Ok(Content::Text(out)),
            Err(e) => Err(msg!("not-gzip", error = e.to_string())),
        };
    }
    match s3.compression.as_str() {
        "ZIP" => Ok(Content::Opaque("ZIP")),
        "Snappy" => Ok(Content::Opaque("Snappy")),
        "HADOOP_SNAPPY" => Ok(Content::Opaque("Hadoop Snappy")),
        _ => Ok(Content::Text(bytes[..bytes.len().min(limit)].to_vec())),
    }
}

/// The first `n` lines of a text, each cut to `width` characters (with `…`), as they are: the way out
/// escapes them (`super::escape`).
pub fn first_lines(text: &[u8], n: usize, width: usize) -> Vec<String> {
    String::from_utf8_lossy(text)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(n)
        .map(|l| {
            if l.chars().count() > width {
                format!("{}…", l.chars().take(width.saturating_sub(1)).collect::<String>())
            } else {
                l.to_owned()
            }
        })
        .collect()
}

/// A record of an error object, as Firehose writes it (`errorCode`/`errorMessage`, or `lastErrorCode`/
/// `lastErrorMessage` for format conversion, and the failed record's data in `rawData`, base64).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorRecord {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip)]
    pub raw: Vec<u8>,
}

/// The error records of an error object's text (lines that are not Firehose's JSON are skipped).
pub fn error_records(text: &[u8]) -> Vec<ErrorRecord> {
    String::from_utf8_lossy(text)
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|v| v.is_object())
        .map(|v| {
            let s = |a: &str, b: &str| v.get(a).or_else(|| v.get(b)).and_then(Value::as_str).map(str::to_owned);
            ErrorRecord {
                code: s("errorCode", "lastErrorCode"),
                message: s("errorMessage", "lastErrorMessage"),
                raw: v
                    .get("rawData")
                    .and_then(Value::as_str)
                    .and_then(|d| aws_smithy_types::base64::decode(d).ok())
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// How a metric's value reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Count,
    Bytes,
    /// 0–1, shown as a percentage.
    Ratio,
    Seconds,
}

/// A metric of `AWS/Firehose` the watch view shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetricDef {
    /// The GetMetricData query id (lower case, unique).
    pub id: &'static str,
    pub name: &'static str,
    pub label: Msg,
    pub stat: &'static str,
    pub unit: Unit,
}

/// What to watch for a stream with this source: the records coming in, what reaches S3, how fresh it is,
/// and throttling.
pub fn metrics_for(source: &SourceFacts) -> Vec<MetricDef> {
    let kinesis = matches!(source, SourceFacts::KinesisStream { .. });
    let m = |id, name, label, stat, unit| MetricDef { id, name, label, stat, unit };
    vec![
        if kinesis {
            m("incoming", "DataReadFromKinesisStream.Records", msg!("metric-read-from-kinesis"), "Sum", Unit::Count)
        } else {
            m("incoming", "IncomingRecords", msg!("metric-incoming"), "Sum", Unit::Count)
        },
        m("records", "DeliveryToS3.Records", msg!("metric-delivered"), "Sum", Unit::Count),
        m("bytes", "DeliveryToS3.Bytes", msg!("metric-bytes"), "Sum", Unit::Bytes),
        m("success", "DeliveryToS3.Success", msg!("metric-success"), "Average", Unit::Ratio),
        m("freshness", "DeliveryToS3.DataFreshness", msg!("metric-freshness"), "Maximum", Unit::Seconds),
        if kinesis {
            m("throttled", "ThrottledGetRecords", msg!("metric-throttled-get-records"), "Sum", Unit::Count)
        } else {
            m("throttled", "ThrottledRecords", msg!("metric-throttled"), "Sum", Unit::Count)
        },
    ]
}

/// A value as the watch view and `status` show it.
pub fn format_value(v: f64, unit: Unit) -> String {
    match unit {
        Unit::Count => {
            if v.fract() == 0.0 && v.abs() < 1e15 {
                group_thousands(v as i64)
            } else {
                format!("{v:.1}")
            }
        }
        Unit::Bytes => format_bytes(v.max(0.0) as u64),
        Unit::Ratio => format!("{:.0} %", v * 100.0),
        Unit::Seconds => format!("{v:.0} s"),
    }
}

fn group_thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// `912 B`, `2.3 KiB`, `4.0 MiB`, `1.2 GiB`.
pub fn format_bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    if n < 1024 {
        return format!("{n} B");
    }
    let mut v = n as f64 / 1024.0;
    let mut unit = 0;
    while v >= 1024.0 && unit < UNITS.len() - 1 {
        v /= 1024.0;
        unit += 1;
    }
    format!("{v:.1} {}", UNITS[unit])
}

/// What a smoke test saw, for the likely causes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Observed {
    pub waited: Duration,
    pub sent: usize,
    /// Records found where expected.
    pub arrived: usize,
    /// Records (or, for opaque objects, objects) found elsewhere in the bucket.
    pub elsewhere: usize,
    /// An object elsewhere has `!{` in its key: the prefix was written as it is, not evaluated.
    pub unevaluated: bool,
    /// An object with test records lies under the expected prefix, without the stream's extension.
    pub wrong_extension: bool,
    pub error_objects: usize,
    pub log_events: usize,
    /// Sums since the test started, when CloudWatch had them.
    pub incoming: Option<f64>,
    pub delivered: Option<f64>,
    pub region: String,
}

/// The likely reasons, in plain words, why the records did not arrive where expected.
pub fn likely_causes(f: &StreamFacts, o: &Observed) -> Vec<Msg> {
    let mut out = Vec::new();
    let Some(s3) = &f.s3 else {
        let other = f.other_destination.as_deref().map_or_else(|| msg!("cause-another-destination"), Msg::text);
        return vec![msg!("cause-not-s3", destination = other)];
    };
    let interval = s3.buffer_interval_s.unwrap_or(300).max(0) as u64;
    if o.wrong_extension {
        let extension =
            if s3.extension.is_empty() { msg!("cause-the-extension") } else { Msg::text(s3.extension.clone()) };
        out.push(msg!("cause-wrong-extension", extension = extension));
    }
    if o.unevaluated {
        out.push(msg!("cause-unevaluated", prefix = super::sanitize(&s3.prefix)));
    } else if o.elsewhere > 0 {
        let zone = s3.time_zone.as_deref().unwrap_or("UTC");
        out.push(if s3.dynamic_partitioning {
            msg!("cause-elsewhere-keys", bucket = s3.bucket.as_str(), zone = zone)
        } else {
            msg!("cause-elsewhere", bucket = s3.bucket.as_str(), zone = zone)
        });
    }
    if o.error_objects > 0 {
        out.push(msg!("cause-error-objects"));
    }
    if o.log_events > 0 {
        out.push(msg!("cause-error-log"));
    }
    if o.elsewhere > 0 || o.error_objects > 0 {
        return out;
    }
    if o.waited.as_secs() < interval + 120 {
        out.push(msg!("cause-not-yet", interval = interval));
    }
    match (&f.source, o.incoming) {
        (SourceFacts::KinesisStream { stream_arn }, Some(0.0)) => out.push(msg!(
            "cause-kinesis-unread",
            stream = f.source.kinesis_name().unwrap_or_default(),
            role = s3.role_arn.as_str(),
            arn = stream_arn.as_str()
        )),
        (SourceFacts::DirectPut, Some(0.0)) => {
            out.push(msg!("cause-no-incoming", stream = f.name.as_str(), region = o.region.as_str()))
        }
        (_, Some(n)) if n > 0.0 && o.delivered.unwrap_or(0.0) == 0.0 => out.push(msg!(
            "cause-not-delivered",
            count = format!("{n:.0}"),
            role = s3.role_arn.as_str(),
            bucket = s3.bucket.as_str()
        )),
        (SourceFacts::KinesisStream { .. }, None) => out.push(msg!(
            "cause-kinesis-maybe-unread",
            stream = f.source.kinesis_name().unwrap_or_default(),
            role = s3.role_arn.as_str()
        )),
        _ => {}
    }
    if o.delivered.is_none() || o.incoming.is_none() {
        out.push(msg!("cause-s3-permissions", role = s3.role_arn.as_str(), bucket = s3.bucket.as_str()));
    }
    if let Some(l) = &s3.lambda {
        out.push(msg!("cause-lambda", function = l.as_str()));
    }
    if s3.format_conversion.is_some() {
        out.push(msg!("cause-conversion"));
    }
    if s3.log.is_none() {
        out.push(msg!("cause-logging-off"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use serde_json::json;

    fn lab() -> S3Facts {
        let target = crate::plan::request::Target {
            account: "123456789012".into(),
            region: "us-east-1".into(),
            partition: "aws".into(),
        };
        crate::plan::describe::planned(&crate::plan::Plan::lab("12345678"), &target).unwrap().s3.unwrap()
    }

    fn at(h: u32, m: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 30, h, m, s).unwrap()
    }

    #[test]
    fn the_lab_prefix_in_one_hour_and_across_an_hour() {
        let e = expectation(&lab(), at(10, 20, 0), at(10, 30, 0), &[]);
        assert_eq!(e.prefixes.iter().collect::<Vec<_>>(), ["json-data/year=2026/month=11/day=30/hour=10/"]);
        assert_eq!(e.error_roots.iter().collect::<Vec<_>>(), ["error-json/year=2026/month=11/day=30/hour=10/"]);
        let e = expectation(&lab(), at(10, 58, 0), at(11, 3, 0), &[]);
        assert_eq!(
            e.prefixes.iter().collect::<Vec<_>>(),
            ["json-data/year=2026/month=11/day=30/hour=10/", "json-data/year=2026/month=11/day=30/hour=11/"]
        );
        assert_eq!(
            e.listing_roots(6),
            [
                "json-data/year=2026/month=11/day=30/hour=10/",
                "json-data/year=2026/month=11/day=30/hour=11/",
                "error-json/year=2026/month=11/day=30/hour=10/",
                "error-json/year=2026/month=11/day=30/hour=11/"
            ]
        );
        assert_eq!(
            e.listing_roots(1),
            ["json-data/year=2026/month=11/day=30/hour=1", "error-json/year=2026/month=11/day=30/hour=1"],
            "past the maximum, prefixes and error roots are reduced apart, never to the whole bucket"
        );
        let k = "json-data/year=2026/month=11/day=30/hour=11/retail-trans-1-2026-11-30-11-00-31-0a1b.gz";
        assert_eq!(e.place(k), Place::Expected);
        let mut gz = lab();
        gz.extension = ".gz".into();
        let e_gz = expectation(&gz, at(10, 58, 0), at(11, 3, 0), &[]);
        assert_eq!(e_gz.place(k), Place::Expected);
        assert_eq!(e_gz.place(k.trim_end_matches(".gz")), Place::WrongExtension);
        assert_eq!(
            e.place(
                "error-json/year=2026/month=11/day=30/hour=10/processing-failedretail-trans-1-2026-11-30-10-59-02-x"
            ),
            Place::Error("processing-failed".into())
        );
        // moto writes the prefix as given, expressions unevaluated
        assert_eq!(
            e.place("json-data/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/2026/11/30/10/retail-trans-1-x"),
            Place::Elsewhere
        );
    }

    #[test]
    fn time_zones_and_day_boundaries() {
        let mut s3 = lab();
        s3.time_zone = Some("Asia/Seoul".into());
        // 15:30 UTC is 00:30 the next day in Seoul
        let e = expectation(&s3, at(15, 29, 0), at(15, 31, 0), &[]);
        assert_eq!(e.prefixes.iter().collect::<Vec<_>>(), ["json-data/year=2026/month=12/day=01/hour=00/"]);
    }

    #[test]
    fn literal_and_default_prefixes() {
        let mut s3 = lab();
        s3.prefix = "raw".into();
        s3.error_prefix = None;
        let e = expectation(&s3, at(10, 0, 0), at(10, 1, 0), &[]);
        assert_eq!(e.prefixes.iter().collect::<Vec<_>>(), ["raw/2026/11/30/10/", "raw2026/11/30/10/"]);
        assert_eq!(e.error_roots.iter().collect::<Vec<_>>(), ["raw"]);
        assert_eq!(e.place("raw/processing-failed/2026/11/30/10/x"), Place::Error("processing-failed".into()));
        assert_eq!(e.place("raw/2026/11/30/10/s-1-x"), Place::Expected);
        assert_eq!(e.listing_roots(6), ["raw"], "the error root holds the prefixes: one listing");
        s3.prefix = String::new();
        let e = expectation(&s3, at(10, 0, 0), at(10, 1, 0), &[]);
        assert_eq!(e.prefixes.iter().collect::<Vec<_>>(), ["2026/11/30/10/"]);
        assert_eq!(e.place("processing-failed/2026/11/30/10/x"), Place::Error("processing-failed".into()));
        assert_eq!(e.place("partitioning-failed/2026/11/30/10/x"), Place::Error("partitioning-failed".into()));
        assert_eq!(e.place("other/2026/11/30/10/x"), Place::Elsewhere);
    }

    #[test]
    fn partition_keys_from_the_records_values() {
        let mut s3 = lab();
        s3.dynamic_partitioning = true;
        s3.prefix = "customer=!{partitionKeyFromQuery:customer}/!{timestamp:yyyy}/".into();
        s3.error_prefix = Some("err/!{firehose:error-output-type}/".into());
        s3.partition_keys = [("customer".to_owned(), ".Customer_ID".to_owned())].into();
        let records = [json!({"Customer_ID": "13085.0"}), json!({"Customer_ID": "17850.0"}), json!({"x": 1})];
        let e = expectation(&s3, at(10, 0, 0), at(10, 0, 5), &records);
        // the record without the key cuts the prefix where its value would be
        assert_eq!(
            e.prefixes.iter().collect::<Vec<_>>(),
            ["customer=", "customer=13085.0/2026/", "customer=17850.0/2026/"]
        );
        assert_eq!(e.error_roots.iter().collect::<Vec<_>>(), ["err/"]);
        // a random string cuts the prefix too
        s3.prefix = "r/!{firehose:random-string}/!{timestamp:yyyy}/".into();
        let e = expectation(&s3, at(10, 0, 0), at(10, 0, 5), &[]);
        assert_eq!(e.prefixes.iter().collect::<Vec<_>>(), ["r/"]);
    }

    #[test]
    fn seconds_in_a_pattern_give_one_prefix_per_second() {
        let mut s3 = lab();
        s3.prefix = "t=!{timestamp:HHmmss}/".into();
        let e = expectation(&s3, at(10, 0, 0), at(10, 0, 9), &[]);
        assert_eq!(e.prefixes.len(), 10);
        assert_eq!(e.prefix_roots(6), ["t=10000"]);
        // a long window is sampled, not evaluated 86,400 times
        let e = expectation(&s3, at(0, 0, 0), at(23, 59, 59), &[]);
        assert!(e.prefixes.len() < 8000, "{}", e.prefixes.len());
    }

    #[test]
    fn listing_roots_drop_what_another_contains() {
        assert_eq!(listing_roots(["a/b/", "a/", "c/", "a/b/c"], 6), ["a/", "c/"]);
        assert_eq!(listing_roots(["ab1", "ab2", "ab3"], 2), ["ab"]);
        assert_eq!(listing_roots(["é1", "é2", "ê3"], 2), [""], "never cut inside a character");
    }

    #[test]
    fn gzip_and_opaque_content() {
        use flate2::write::GzEncoder;
        use std::io::Write;
        let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"{\"a\":1}\n{\"a\":2}\n").unwrap();
        let bytes = gz.finish().unwrap();
        let mut s3 = lab();
        assert_eq!(content(&s3, &bytes, 1 << 20, false).unwrap(), Content::Text(b"{\"a\":1}\n{\"a\":2}\n".to_vec()));
        assert_eq!(
            content(&s3, &bytes, 8, false).unwrap(),
            Content::Text(b"{\"a\":1}\n".to_vec()),
            "decoded up to the limit"
        );
        assert_eq!(content(&s3, b"plain", 3, false).unwrap(), Content::Text(b"pla".to_vec()));
        assert!(content(&s3, &[0x1f, 0x8b, 0, 0], 100, false).is_err());
        s3.compression = "Snappy".into();
        assert_eq!(content(&s3, b"x", 3, false).unwrap(), Content::Opaque("Snappy"));
        s3.format_conversion = Some("parquet".into());
        assert_eq!(content(&s3, b"PAR1", 3, false).unwrap(), Content::Opaque("Parquet"));
        // an error object of a converting stream is Firehose's JSON
        s3.compression = "UNCOMPRESSED".into();
        assert_eq!(content(&s3, b"{\"a\":1}", 99, true).unwrap(), Content::Text(b"{\"a\":1}".to_vec()));
    }

    #[test]
    fn firehose_error_records() {
        let raw = aws_smithy_types::base64::encode(b"{\"firehose_wizard_test\":\"fwt-a#3\"}\n");
        let text = format!(
            "{{\"attemptsMade\":4,\"errorCode\":\"Lambda.FunctionError\",\"errorMessage\":\"boom\",\"rawData\":\"{raw}\"}}\n\
             {{\"lastErrorCode\":\"DataFormatConversion.ParseError\",\"lastErrorMessage\":\"bad\"}}\nnot json\n"
        );
        let r = error_records(text.as_bytes());
        assert_eq!(r.len(), 2);
        assert_eq!((r[0].code.as_deref(), r[0].message.as_deref()), (Some("Lambda.FunctionError"), Some("boom")));
        assert_eq!(crate::plan::records::find_tags(&r[0].raw, "fwt-a"), [3]);
        assert_eq!(r[1].code.as_deref(), Some("DataFormatConversion.ParseError"));
    }

    #[test]
    fn lines_and_values() {
        // as they are: the way out escapes them
        assert_eq!(first_lines(b"\n{\"a\":1}\n\x1b[31mred\nthird\n", 2, 80), ["{\"a\":1}", "\x1b[31mred"]);
        assert_eq!(first_lines(b"abcdefghij", 1, 5), ["abcd…"]);
        assert_eq!(format_value(1234567.0, Unit::Count), "1,234,567");
        assert_eq!(format_value(0.5, Unit::Count), "0.5");
        assert_eq!(format_value(0.987, Unit::Ratio), "99 %");
        assert_eq!(format_value(2048.0, Unit::Bytes), "2.0 KiB");
        assert_eq!(format_value(45.2, Unit::Seconds), "45 s");
        assert_eq!(format_bytes(912), "912 B");
        assert_eq!(format_bytes(5 * 1024 * 1024 * 1024), "5.0 GiB");
        let names: Vec<_> = metrics_for(&SourceFacts::DirectPut).iter().map(|m| m.name).collect();
        assert_eq!(names[0], "IncomingRecords");
        let k = SourceFacts::KinesisStream { stream_arn: "arn:aws:kinesis:us-east-1:1:stream/s".into() };
        assert_eq!(metrics_for(&k)[0].name, "DataReadFromKinesisStream.Records");
        assert_eq!(metrics_for(&k)[5].name, "ThrottledGetRecords");
    }

    fn facts(source: SourceFacts, s3: S3Facts) -> StreamFacts {
        StreamFacts {
            name: "retail-trans".into(),
            arn: "arn:aws:firehose:us-east-1:123456789012:deliverystream/retail-trans".into(),
            status: "ACTIVE".into(),
            failure: None,
            source,
            s3: Some(s3),
            other_destination: None,
        }
    }

    #[test]
    fn causes_follow_what_was_seen() {
        let k = SourceFacts::KinesisStream {
            stream_arn: "arn:aws:kinesis:us-east-1:123456789012:stream/retail-trans".into(),
        };
        let base =
            Observed { sent: 10, region: "us-east-1".into(), waited: Duration::from_secs(240), ..Default::default() };
        // nothing read from Kinesis: the role's Kinesis permissions
        let c = likely_causes(
            &facts(k.clone(), lab()),
            &Observed { incoming: Some(0.0), delivered: Some(0.0), ..base.clone() },
        );
        let c: Vec<String> = c.iter().map(ToString::to_string).collect();
        assert!(c[0].starts_with("Firehose read no records from the Kinesis stream retail-trans"), "{c:?}");
        // read but not delivered: S3 permissions
        let c = likely_causes(
            &facts(k.clone(), lab()),
            &Observed { incoming: Some(10.0), delivered: Some(0.0), ..base.clone() },
        );
        let c: Vec<String> = c.iter().map(ToString::to_string).collect();
        assert!(c[0].starts_with("Firehose received 10 record(s) but delivered none to S3"), "{c:?}");
        // a short wait: maybe not yet
        let c = likely_causes(
            &facts(SourceFacts::DirectPut, lab()),
            &Observed { waited: Duration::from_secs(30), ..base.clone() },
        );
        let c: Vec<String> = c.iter().map(ToString::to_string).collect();
        assert!(
            c[0].starts_with("Firehose may not have delivered yet: it holds records up to the buffer interval (60 s)"),
            "{c:?}"
        );
        // errors seen: they are the answer
        let c = likely_causes(&facts(k.clone(), lab()), &Observed { error_objects: 1, log_events: 2, ..base.clone() });
        assert_eq!(c.len(), 2, "{c:?}");
        // logging off is worth saying when nothing explains the silence
        let mut s3 = lab();
        s3.log = None;
        let c = likely_causes(&facts(SourceFacts::DirectPut, s3), &base);
        assert!(c.last().unwrap().to_string().starts_with("error logging is off"), "{c:?}");
    }
}
