//! The S3 prefix language of Firehose: `!{namespace:value}` expressions inside literal text
//! (https://docs.aws.amazon.com/firehose/latest/dev/s3-prefixes.html).
//!
//! * [`parse`] turns a prefix into [`Token`]s, rejecting what Firehose rejects (rule 1: `!{` only opens
//!   an expression; known namespaces and values; a valid timestamp pattern).
//! * [`check`] applies the semantic rules that involve both prefixes (rules 2–7 of aws-rules.md §3a).
//! * [`evaluate`] renders a prefix at an instant, as Firehose would, for the example S3 keys.
//!
//! Timestamp values are Java `DateTimeFormatter` patterns. The numeric fields people put in S3 keys are
//! evaluated exactly as Java does; fields whose output depends on a locale or a time-zone (names of
//! months and days, AM/PM, week-based years, zone names) are rejected with a message rather than
//! guessed, so an example key is never wrong.

use chrono::{DateTime, Datelike, Timelike, Utc};

use super::msg::Msg;
use super::quoted;

/// The longest value `!{firehose:error-output-type}` can take.
pub const ERROR_OUTPUT_TYPES: [&str; 5] = [
    "processing-failed",
    "AmazonOpenSearchService-failed",
    "splunk-failed",
    "format-conversion-failed",
    "http-endpoint-failed",
];
/// `!{firehose:random-string}` is 11 characters long.
pub const RANDOM_STRING_LEN: usize = 11;
/// Firehose's raw limit for `Prefix` and `ErrorOutputPrefix` (API model).
pub const MAX_RAW: usize = 1024;
/// Firehose's limit after evaluation.
pub const MAX_EVALUATED: usize = 512;
/// What Firehose appends to a `Prefix` that has no timestamp expression (rule 2).
pub const DEFAULT_TIME_PATTERN: &str = "yyyy/MM/dd/HH/";

/// A piece of a parsed prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token {
    Literal(String),
    /// `!{timestamp:PATTERN}`, already compiled.
    Timestamp(Vec<Pattern>),
    /// `!{firehose:random-string}`
    RandomString,
    /// `!{firehose:error-output-type}`
    ErrorOutputType,
    /// `!{partitionKeyFromQuery:KEY}` (`from_lambda == false`) or `!{partitionKeyFromLambda:KEY}`.
    PartitionKey {
        from_lambda: bool,
        key: String,
    },
}

/// One element of a compiled `DateTimeFormatter` pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pattern {
    Literal(String),
    Field { letter: char, count: usize },
}

/// A parse error at a character position (1-based) of the prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub position: usize,
    pub message: Msg,
}

impl ParseError {
    /// `at character N: message`.
    pub fn msg(&self) -> Msg {
        msg!("prefix-at-character", position = self.position, message = self.message.clone())
    }
}

const SUPPORTED_LETTERS: &str = "y u M L d D H h k K m s S";

/// Parses a prefix. An empty prefix is an empty token list.
pub fn parse(prefix: &str) -> Result<Vec<Token>, ParseError> {
    let chars: Vec<char> = prefix.chars().collect();
    let mut tokens = Vec::new();
    let mut literal = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '!' && chars.get(i + 1) == Some(&'{') {
            let start = i;
            let Some(close) = chars[i + 2..].iter().position(|&c| c == '}').map(|p| p + i + 2) else {
                return Err(ParseError { position: start + 1, message: msg!("prefix-unclosed") });
            };
            let body: String = chars[i + 2..close].iter().collect();
            if let Some(nested) = body.find("!{") {
                return Err(ParseError {
                    position: start + 3 + body[..nested].chars().count(),
                    message: msg!("prefix-nested"),
                });
            }
            let token = expression(&body).map_err(|message| ParseError { position: start + 1, message })?;
            if !literal.is_empty() {
                tokens.push(Token::Literal(std::mem::take(&mut literal)));
            }
            tokens.push(token);
            i = close + 1;
        } else {
            literal.push(chars[i]);
            i += 1;
        }
    }
    if !literal.is_empty() {
        tokens.push(Token::Literal(literal));
    }
    Ok(tokens)
}

fn expression(body: &str) -> Result<Token, Msg> {
    let Some((namespace, value)) = body.split_once(':') else {
        return Err(msg!("prefix-not-expression", text = quoted(&format!("!{{{body}}}"))));
    };
    match namespace {
        "timestamp" => {
            if value.is_empty() {
                return Err(msg!("prefix-timestamp-empty"));
            }
            compile_pattern(value).map(Token::Timestamp)
        }
        "firehose" => match value {
            "random-string" => Ok(Token::RandomString),
            "error-output-type" => Ok(Token::ErrorOutputType),
            other => Err(msg!("prefix-unknown-firehose-value", value = quoted(other))),
        },
        "partitionKeyFromQuery" | "partitionKeyFromLambda" => {
            let ok = !value.is_empty()
                && value.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
            if !ok {
                return Err(msg!("rule-partition-key-name", key = quoted(value)));
            }
            Ok(Token::PartitionKey { from_lambda: namespace == "partitionKeyFromLambda", key: value.to_owned() })
        }
        other => Err(msg!("prefix-unknown-namespace", namespace = quoted(other))),
    }
}

/// Compiles a Java `DateTimeFormatter` pattern (the rules of `DateTimeFormatterBuilder.appendPattern`).
pub fn compile_pattern(pattern: &str) -> Result<Vec<Pattern>, Msg> {
    let chars: Vec<char> = pattern.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_alphabetic() {
            let count = chars[i..].iter().take_while(|&&x| x == c).count();
            check_letter(c, count)?;
            out.push(Pattern::Field { letter: c, count });
            i += count;
        } else if c == '\'' {
            // quoted literal; '' inside or outside quotes is one quote
            let mut text = String::new();
            let mut j = i + 1;
            loop {
                match chars.get(j) {
                    None => return Err(msg!("pattern-unterminated-quote", pattern = quoted(pattern))),
                    Some('\'') if chars.get(j + 1) == Some(&'\'') => {
                        text.push('\'');
                        j += 2;
                    }
                    Some('\'') => break,
                    Some(&x) => {
                        text.push(x);
                        j += 1;
                    }
                }
            }
            if j == i + 1 {
                text.push('\''); // '' is a literal quote
            }
            out.push(Pattern::Literal(text));
            i = j + 1;
        } else if matches!(c, '[' | ']') {
            return Err(msg!("pattern-optional-sections", pattern = quoted(pattern)));
        } else if matches!(c, '{' | '}' | '#') {
            return Err(msg!("pattern-reserved", character = quoted(&c.to_string()), letter = c));
        } else {
            out.push(Pattern::Literal(c.to_string()));
            i += 1;
        }
    }
    Ok(out)
}

fn check_letter(c: char, count: usize) -> Result<(), Msg> {
    let too_many = |max: usize| {
        if count > max {
            Err(msg!(
                "pattern-too-many-letters",
                letters = quoted(&c.to_string().repeat(count)),
                count = count,
                letter = c,
                max = max
            ))
        } else {
            Ok(())
        }
    };
    match c {
        'y' | 'u' => too_many(19),
        'M' | 'L' if count > 2 => Err(msg!("pattern-month-names", letters = c.to_string().repeat(count))),
        'M' | 'L' => Ok(()),
        'd' | 'H' | 'h' | 'k' | 'K' | 'm' | 's' => too_many(2),
        'D' => too_many(3),
        'S' => too_many(9),
        'Y' => Err(msg!("pattern-week-year")),
        'E' | 'e' | 'c' | 'a' | 'B' => Err(msg!("pattern-day-names", letter = c)),
        'w' | 'W' | 'F' | 'Q' | 'q' | 'G' | 'n' | 'N' | 'A' | 'V' | 'v' | 'z' | 'O' | 'X' | 'x' | 'Z' => {
            Err(msg!("pattern-unsupported-letter", letter = c, supported = SUPPORTED_LETTERS))
        }
        _ => Err(msg!("pattern-unknown-letter", letter = c, supported = SUPPORTED_LETTERS)),
    }
}

fn field_value(letter: char, count: usize, at: &DateTime<Utc>) -> String {
    let pad = |v: u64, width: usize| format!("{v:0width$}");
    match letter {
        'y' | 'u' => {
            let year = at.year();
            if count == 2 {
                pad(year.rem_euclid(100) as u64, 2)
            } else if year < 0 {
                format!("-{}", pad(year.unsigned_abs() as u64, count))
            } else {
                pad(year as u64, count)
            }
        }
        'M' | 'L' => pad(at.month() as u64, count),
        'd' => pad(at.day() as u64, count),
        'D' => pad(at.ordinal() as u64, count),
        'H' => pad(at.hour() as u64, count),
        'k' => pad(if at.hour() == 0 { 24 } else { at.hour() } as u64, count),
        'K' => pad((at.hour() % 12) as u64, count),
        'h' => pad(if at.hour().is_multiple_of(12) { 12 } else { at.hour() % 12 } as u64, count),
        'm' => pad(at.minute() as u64, count),
        's' => pad(at.second() as u64, count),
        'S' => {
            let nanos = format!("{:09}", at.nanosecond() % 1_000_000_000);
            nanos[..count].to_owned()
        }
        _ => unreachable!("letters are checked by compile_pattern"),
    }
}

fn field_max_len(letter: char, count: usize) -> usize {
    match letter {
        'y' | 'u' if count == 2 => 2,
        'y' | 'u' => count.max(4),
        'D' => 3,
        'S' => count,
        _ => 2,
    }
}

/// Renders one timestamp pattern.
pub fn format_pattern(pattern: &[Pattern], at: &DateTime<Utc>) -> String {
    pattern
        .iter()
        .map(|p| match p {
            Pattern::Literal(s) => s.clone(),
            Pattern::Field { letter, count } => field_value(*letter, *count, at),
        })
        .collect()
}

/// Values the evaluation needs besides the instant.
pub struct EvalContext<'a> {
    pub at: DateTime<Utc>,
    /// The value `!{firehose:error-output-type}` takes in the example.
    pub error_output_type: &'a str,
    /// Sample values for partition keys, by key name (missing keys render as `<key>`).
    pub partition_values: &'a dyn Fn(&str) -> Option<String>,
    /// A fixed value for `!{firehose:random-string}` (a live preview must not change on every
    /// redraw); `None` draws a fresh random one for each occurrence, as Firehose does.
    pub random: Option<&'a str>,
}

/// Which prefix is being evaluated: Firehose treats them differently when they lack expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Prefix,
    ErrorPrefix,
}

/// Whether the tokens contain a timestamp expression.
pub fn has_timestamp(tokens: &[Token]) -> bool {
    tokens.iter().any(|t| matches!(t, Token::Timestamp(_)))
}

/// Whether the tokens contain any expression.
pub fn has_expression(tokens: &[Token]) -> bool {
    tokens.iter().any(|t| !matches!(t, Token::Literal(_)))
}

/// The tokens Firehose effectively evaluates: for `Prefix` without a timestamp it appends
/// `yyyy/MM/dd/HH/` (rule 2, a literal concatenation); for an `ErrorOutputPrefix` without any expression,
/// the legacy layout `<error prefix><error-output-type>/yyyy/MM/dd/HH/` applies (rule 3).
pub fn effective(tokens: &[Token], kind: Kind) -> Vec<Token> {
    let mut out = tokens.to_vec();
    let time = Token::Timestamp(compile_pattern(DEFAULT_TIME_PATTERN).expect("static pattern"));
    match kind {
        Kind::Prefix if !has_timestamp(tokens) => out.push(time),
        Kind::ErrorPrefix if !has_expression(tokens) => {
            out.push(Token::ErrorOutputType);
            out.push(Token::Literal("/".into()));
            out.push(time);
        }
        _ => {}
    }
    out
}

/// Evaluates effective tokens (see [`effective`]) at `ctx.at`.
pub fn evaluate(tokens: &[Token], ctx: &EvalContext<'_>) -> String {
    tokens
        .iter()
        .map(|t| match t {
            Token::Literal(s) => s.clone(),
            Token::Timestamp(p) => format_pattern(p, &ctx.at),
            Token::RandomString => ctx.random.map_or_else(random_string, str::to_owned),
            Token::ErrorOutputType => ctx.error_output_type.to_owned(),
            Token::PartitionKey { key, .. } => (ctx.partition_values)(key).unwrap_or_else(|| format!("<{key}>")),
        })
        .collect()
}

/// The zone of a `CustomTimeZone` (an IANA name), for [`in_zone`]: `None` for none, or for a name that is not
/// one (UTC, as Firehose's default).
pub fn zone(name: Option<&str>) -> Option<jiff::tz::TimeZone> {
    name.and_then(|z| super::names::time_zone(z).ok())
}

/// The instant whose UTC fields read as `at`'s wall-clock fields in `zone` (`None` is UTC): timestamp patterns
/// are evaluated on it, as Firehose does with `CustomTimeZone`.
pub fn in_zone(at: DateTime<Utc>, zone: Option<&jiff::tz::TimeZone>) -> DateTime<Utc> {
    let Some(zone) = zone else {
        return at;
    };
    match jiff::Timestamp::new(at.timestamp(), at.timestamp_subsec_nanos() as i32) {
        Ok(instant) => at + chrono::TimeDelta::seconds(i64::from(zone.to_offset(instant).seconds())),
        Err(_) => at,
    }
}

/// Evaluates effective tokens at `at` as far as their values are known: stops before the first
/// `!{firehose:random-string}`, before an error output type when `error_output_type` is `None`, and
/// before a partition key `values` does not know. Returns the text and whether it is the whole key
/// prefix (`false`: only its beginning, under which the objects lie).
pub fn evaluate_known(
    tokens: &[Token],
    at: &DateTime<Utc>,
    error_output_type: Option<&str>,
    values: &dyn Fn(&str) -> Option<String>,
) -> (String, bool) {
    let mut out = String::new();
    for t in tokens {
        let piece = match t {
            Token::Literal(s) => Some(s.clone()),
            Token::Timestamp(p) => Some(format_pattern(p, at)),
            Token::RandomString => None,
            Token::ErrorOutputType => error_output_type.map(str::to_owned),
            Token::PartitionKey { key, .. } => values(key),
        };
        match piece {
            Some(p) => out.push_str(&p),
            None => return (out, false),
        }
    }
    (out, true)
}

/// The longest the effective tokens can evaluate to, in characters (partition key values, which come
/// from the records, count as empty: their length is checked by Firehose per record).
pub fn max_evaluated_len(tokens: &[Token]) -> usize {
    tokens
        .iter()
        .map(|t| match t {
            Token::Literal(s) => s.chars().count(),
            Token::Timestamp(p) => p
                .iter()
                .map(|x| match x {
                    Pattern::Literal(s) => s.chars().count(),
                    Pattern::Field { letter, count } => field_max_len(*letter, *count),
                })
                .sum(),
            Token::RandomString => RANDOM_STRING_LEN,
            Token::ErrorOutputType => ERROR_OUTPUT_TYPES.iter().map(|s| s.len()).max().unwrap_or(0),
            Token::PartitionKey { .. } => 0,
        })
        .sum()
}

/// 11 characters like Firehose's samples (`046b6c7f-0b`): the head of a random UUID.
pub fn random_string() -> String {
    uuid::Uuid::new_v4().to_string()[..RANDOM_STRING_LEN].to_owned()
}

/// A problem found by [`check`], for the prefix or the error prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: Kind,
    pub warning: bool,
    pub message: Msg,
}

/// Checks both prefixes: syntax, lengths and the semantic rules of aws-rules.md §3a.
/// `dynamic_partitioning` tells whether partition-key expressions may be used.
pub fn check(prefix: &str, error_prefix: Option<&str>, dynamic_partitioning: bool) -> Vec<Finding> {
    let mut out = Vec::new();
    let err = |kind, message: Msg| Finding { kind, warning: false, message };
    let warn = |kind, message: Msg| Finding { kind, warning: true, message };

    let mut parsed = |kind: Kind, text: &str| -> Option<Vec<Token>> {
        // The API pattern is `.*` in Java, where `.` matches no line terminator.
        if let Some((i, c)) =
            text.chars().enumerate().find(|(_, c)| matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'))
        {
            out.push(err(
                kind,
                msg!("prefix-line-break", position = i + 1, character = c.escape_default().to_string()),
            ));
            return None;
        }
        let n = text.chars().count();
        if n > MAX_RAW {
            out.push(err(kind, msg!("prefix-too-long", max = MAX_RAW, n = n)));
            return None;
        }
        match parse(text) {
            Ok(t) => Some(t),
            Err(e) => {
                out.push(err(kind, e.msg()));
                None
            }
        }
    };
    let p = parsed(Kind::Prefix, prefix);
    let e = error_prefix.and_then(|text| parsed(Kind::ErrorPrefix, text));

    if let Some(p) = &p {
        // rule 5
        if p.iter().any(|t| matches!(t, Token::ErrorOutputType)) {
            out.push(err(Kind::Prefix, msg!("prefix-rule-5")));
        }
        // rule 3
        if has_expression(p) && error_prefix.is_none() {
            out.push(err(Kind::ErrorPrefix, msg!("prefix-rule-3")));
        }
        if !dynamic_partitioning && p.iter().any(|t| matches!(t, Token::PartitionKey { .. })) {
            out.push(err(Kind::Prefix, msg!("prefix-keys-need-partitioning")));
        }
        let eff = effective(p, Kind::Prefix);
        let max = max_evaluated_len(&eff);
        if max > MAX_EVALUATED {
            out.push(err(Kind::Prefix, msg!("prefix-rule-6", n = max, max = MAX_EVALUATED)));
        }
        pattern_warnings(p, Kind::Prefix, &mut out);
        // rule 9 / the literal-concatenation trap of rule 2
        if !prefix.is_empty() && !prefix.ends_with('/') && !has_timestamp(p) {
            out.push(warn(
                Kind::Prefix,
                msg!(
                    "prefix-no-slash",
                    pattern = DEFAULT_TIME_PATTERN,
                    example =
                        format!("{}2018/08/27/10/", super::sanitize(&prefix.chars().take(40).collect::<String>()))
                ),
            ));
        }
    }
    if let Some(e) = &e {
        // rule 4
        if has_expression(e) && !e.iter().any(|t| matches!(t, Token::ErrorOutputType)) {
            out.push(err(Kind::ErrorPrefix, msg!("prefix-rule-4")));
        }
        // rule 7
        if e.iter().any(|t| matches!(t, Token::PartitionKey { .. })) {
            out.push(err(Kind::ErrorPrefix, msg!("prefix-rule-7")));
        }
        let eff = effective(e, Kind::ErrorPrefix);
        let max = max_evaluated_len(&eff);
        if max > MAX_EVALUATED {
            out.push(err(Kind::ErrorPrefix, msg!("prefix-rule-6", n = max, max = MAX_EVALUATED)));
        }
        pattern_warnings(e, Kind::ErrorPrefix, &mut out);
        let text = error_prefix.unwrap_or_default();
        if !has_expression(e) && !text.ends_with('/') {
            out.push(warn(Kind::ErrorPrefix, msg!("prefix-error-no-slash")));
        }
    }
    out
}

/// Likely mistakes that are still valid patterns.
fn pattern_warnings(tokens: &[Token], kind: Kind, out: &mut Vec<Finding>) {
    let letters: Vec<(char, usize)> = tokens
        .iter()
        .filter_map(|t| match t {
            Token::Timestamp(p) => Some(p),
            _ => None,
        })
        .flatten()
        .filter_map(|p| match p {
            Pattern::Field { letter, count } => Some((*letter, *count)),
            _ => None,
        })
        .collect();
    let has = |l: char| letters.iter().any(|(x, _)| *x == l);
    if has('D') && (has('M') || has('L')) {
        out.push(Finding { kind, warning: true, message: msg!("pattern-warn-day-of-year") });
    }
    if has('m') && !has('H') && !has('h') && !has('k') && !has('K') && (has('d') || has('M')) {
        out.push(Finding { kind, warning: true, message: msg!("pattern-warn-minutes") });
    }
    if (has('h') || has('K')) && !has('H') && !has('k') {
        out.push(Finding { kind, warning: true, message: msg!("pattern-warn-12-hour") });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2018, 8, 27, 10, 30, 0).unwrap()
    }

    #[test]
    fn in_zone_reads_the_wall_clock_of_the_zone_with_its_summer_time() {
        let winter = Utc.with_ymd_and_hms(2026, 1, 15, 12, 0, 0).unwrap();
        let summer = Utc.with_ymd_and_hms(2026, 7, 15, 12, 0, 0).unwrap();
        let wall = |t, z| in_zone(t, zone(Some(z)).as_ref()).format("%Y-%m-%d %H:%M").to_string();
        assert_eq!(wall(winter, "Asia/Seoul"), "2026-01-15 21:00");
        assert_eq!(wall(summer, "Asia/Seoul"), "2026-07-15 21:00");
        assert_eq!(wall(winter, "America/New_York"), "2026-01-15 07:00");
        assert_eq!(wall(summer, "America/New_York"), "2026-07-15 08:00");
        assert_eq!(wall(summer, "Asia/Kolkata"), "2026-07-15 17:30");
        // across midnight, into the next day
        assert_eq!(wall(Utc.with_ymd_and_hms(2026, 12, 31, 15, 30, 0).unwrap(), "Asia/Seoul"), "2027-01-01 00:30");
        // the switch to summer time in New York, 2026-03-08 at 07:00 UTC
        assert_eq!(wall(Utc.with_ymd_and_hms(2026, 3, 8, 6, 59, 0).unwrap(), "America/New_York"), "2026-03-08 01:59");
        assert_eq!(wall(Utc.with_ymd_and_hms(2026, 3, 8, 7, 0, 0).unwrap(), "America/New_York"), "2026-03-08 03:00");
        // no zone, or one that is not a zone: UTC
        assert_eq!(in_zone(summer, None), summer);
        assert!(zone(Some("Nowhere/Land")).is_none());
        assert!(zone(None).is_none());
    }

    fn eval(prefix: &str, kind: Kind) -> String {
        let tokens = parse(prefix).unwrap();
        let no_keys = |_: &str| None;
        evaluate(
            &effective(&tokens, kind),
            &EvalContext { at: at(), error_output_type: "processing-failed", partition_values: &no_keys, random: None },
        )
    }

    fn errors(prefix: &str, error_prefix: Option<&str>) -> Vec<(Kind, String)> {
        check(prefix, error_prefix, false)
            .into_iter()
            .filter(|f| !f.warning)
            .map(|f| (f.kind, f.message.to_string()))
            .collect()
    }

    // aws-rules.md §3b, Table C (rule-consistent vectors at 2018-08-27T10:30:00Z)
    #[test]
    fn table_c1_unspecified_prefix() {
        assert_eq!(eval("", Kind::Prefix), "2018/08/27/10/");
        assert_eq!(
            eval("myFirehoseFailures/!{firehose:error-output-type}/", Kind::ErrorPrefix),
            "myFirehoseFailures/processing-failed/"
        );
        assert!(errors("", Some("myFirehoseFailures/!{firehose:error-output-type}/")).is_empty());
    }

    #[test]
    fn table_c2_expressions_need_an_error_prefix() {
        let e = errors("!{timestamp:yyyy/MM/dd}", None);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].0, Kind::ErrorPrefix);
        assert!(e[0].1.contains("required"));
    }

    #[test]
    fn table_c3_random_string_and_timestamps() {
        let p =
            eval("myFirehose/DeliveredYear=!{timestamp:yyyy}/anyMonth/rand=!{firehose:random-string}", Kind::Prefix);
        let rest = p.strip_prefix("myFirehose/DeliveredYear=2018/anyMonth/rand=").unwrap();
        assert_eq!(rest.chars().count(), 11);
        assert!(rest.chars().all(|c| c.is_ascii_hexdigit() || c == '-'), "{rest}");
        assert_eq!(
            eval(
                "myFirehoseFailures/!{firehose:error-output-type}/!{timestamp:yyyy}/anyMonth/!{timestamp:dd}",
                Kind::ErrorPrefix
            ),
            "myFirehoseFailures/processing-failed/2018/anyMonth/27"
        );
    }

    #[test]
    fn table_c4_hive_style() {
        let p = "myPrefix/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/";
        let e = "myErrorPrefix/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/!{firehose:error-output-type}";
        assert_eq!(eval(p, Kind::Prefix), "myPrefix/year=2018/month=08/day=27/hour=10/");
        assert_eq!(eval(e, Kind::ErrorPrefix), "myErrorPrefix/year=2018/month=08/day=27/hour=10/processing-failed");
        assert!(check(p, Some(e), false).is_empty());
    }

    #[test]
    fn table_c5_literal_prefix_gets_time_appended_and_a_warning() {
        assert_eq!(eval("myFirehosePrefix", Kind::Prefix), "myFirehosePrefix2018/08/27/10/");
        let f = check("myFirehosePrefix", None, false);
        assert_eq!(f.len(), 1);
        assert!(f[0].warning && f[0].message.to_string().contains("does not end with '/'"), "{f:?}");
        assert!(check("myFirehosePrefix/", None, false).is_empty());
        // a literal error prefix follows the legacy layout
        assert_eq!(eval("myFirehosePrefix", Kind::ErrorPrefix), "myFirehosePrefixprocessing-failed/2018/08/27/10/");
    }

    #[test]
    fn line_breaks_are_refused_and_literal_error_prefixes_warn() {
        for bad in ["a\nb/", "a\rb/", "a\u{2028}b/"] {
            let e = errors(bad, None);
            assert!(e[0].1.contains("must not contain line breaks"), "{bad:?}: {e:?}");
        }
        let f = check("x/", Some("errors"), false);
        assert!(
            f.iter().any(|f| f.warning && f.kind == Kind::ErrorPrefix && f.message.to_string().contains("error type")),
            "{f:?}"
        );
        assert!(check("x/", Some("errors/"), false).is_empty());
    }

    #[test]
    fn table_c6_same_instant_for_every_timestamp() {
        assert_eq!(eval("!{timestamp:yyyy}/!{timestamp:yyyy}/", Kind::Prefix), "2018/2018/");
    }

    #[test]
    fn table_c7_error_output_type_not_in_prefix() {
        let e = errors("logs/!{firehose:error-output-type}/", Some("err/!{firehose:error-output-type}/"));
        assert_eq!(
            e,
            vec![(Kind::Prefix, "!{firehose:error-output-type} is only allowed in the error prefix (rule 5)".into())]
        );
    }

    #[test]
    fn table_c8_error_prefix_with_expressions_needs_the_error_type() {
        let e = errors("x/", Some("err/!{timestamp:yyyy}/"));
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].0, Kind::ErrorPrefix);
        assert!(e[0].1.contains("rule 4"));
    }

    #[test]
    fn table_c9_partition_keys_not_in_error_prefix() {
        let f = check(
            "customer_id=!{partitionKeyFromQuery:customer_id}/",
            Some("err/!{partitionKeyFromQuery:customer_id}/!{firehose:error-output-type}"),
            true,
        );
        let errs: Vec<_> = f.iter().filter(|f| !f.warning).collect();
        assert_eq!(errs.len(), 1, "{f:?}");
        assert_eq!(errs[0].kind, Kind::ErrorPrefix);
        assert!(errs[0].message.to_string().contains("rule 7"));
    }

    #[test]
    fn partition_keys_need_dynamic_partitioning() {
        let e = errors("c=!{partitionKeyFromLambda:c}/", Some("e/!{firehose:error-output-type}"));
        assert_eq!(e.len(), 1);
        assert!(e[0].1.contains("need dynamic partitioning"));
    }

    #[test]
    fn table_c10_bad_expressions() {
        for (bad, needle) in [
            ("a!{b", "never closed"),
            ("!{unknown:x}", "unknown namespace"),
            ("!{firehose:foo}", "unknown firehose value"),
            ("!{Timestamp:yyyy}", "unknown namespace"),
            ("!{timestamp}", "not an expression"),
            ("!{timestamp:}", "needs a date-time pattern"),
            ("!{timestamp:yyyy!{x}", "cannot be nested"),
            ("!{partitionKeyFromQuery:}", "jq key name"),
            ("!{partitionKeyFromQuery:a-b}", "jq key name"),
        ] {
            let e = parse(bad).unwrap_err();
            assert!(e.message.to_string().contains(needle), "{bad}: {}", e.msg());
        }
        assert_eq!(parse("a!{b").unwrap_err().position, 2);
        // a lone '!' or '{' is plain text
        assert_eq!(parse("a!b{c}").unwrap(), vec![Token::Literal("a!b{c}".into())]);
    }

    #[test]
    fn java_pattern_fields() {
        let t = Utc.with_ymd_and_hms(2026, 1, 5, 0, 7, 9).unwrap() + chrono::Duration::milliseconds(45);
        let f = |p: &str| format_pattern(&compile_pattern(p).unwrap(), &t);
        assert_eq!(f("yyyy"), "2026");
        assert_eq!(f("yy"), "26");
        assert_eq!(f("y"), "2026");
        assert_eq!(f("yyyyy"), "02026");
        assert_eq!(f("uuuu"), "2026");
        assert_eq!(f("M"), "1");
        assert_eq!(f("MM"), "01");
        assert_eq!(f("LL"), "01");
        assert_eq!(f("d"), "5");
        assert_eq!(f("dd"), "05");
        assert_eq!(f("D"), "5");
        assert_eq!(f("DD"), "05");
        assert_eq!(f("DDD"), "005");
        assert_eq!(f("H"), "0");
        assert_eq!(f("HH"), "00");
        assert_eq!(f("kk"), "24");
        assert_eq!(f("hh"), "12");
        assert_eq!(f("KK"), "00");
        assert_eq!(f("mm"), "07");
        assert_eq!(f("ss"), "09");
        assert_eq!(f("SSS"), "045");
        assert_eq!(f("S"), "0");
        assert_eq!(f("yyyy-MM-dd'T'HH"), "2026-01-05T00");
        assert_eq!(f("yyyy'-'MM'-'dd"), "2026-01-05");
        assert_eq!(f("'o''clock' HH''"), "o'clock 00'");
        let late = Utc.with_ymd_and_hms(2024, 12, 31, 23, 59, 59).unwrap();
        assert_eq!(format_pattern(&compile_pattern("DDD hh K").unwrap(), &late), "366 11 11");
    }

    #[test]
    fn unsupported_or_invalid_pattern_letters_are_clear_errors() {
        for (p, needle) in [
            ("YYYY", "week-based year"),
            ("MMM", "month names"),
            ("MMMM", "month names"),
            ("EEE", "day names"),
            ("a", "AM/PM"),
            ("ww", "not supported"),
            ("VV", "not supported"),
            ("b", "unknown pattern letter"),
            ("ddd", "too many pattern letters"),
            ("HHH", "too many pattern letters"),
            ("DDDD", "too many pattern letters"),
            ("yyyy'", "unterminated quote"),
            ("[yyyy]", "optional sections"),
            ("yyyy#", "reserved"),
        ] {
            let e = compile_pattern(p).unwrap_err();
            assert!(e.to_string().contains(needle), "{p}: {e}");
        }
        let e = errors("x/!{timestamp:YYYY}/", Some("e/!{firehose:error-output-type}"));
        assert_eq!(e.len(), 1);
        assert!(e[0].1.starts_with("at character 3: Y is the week-based year"), "{}", e[0].1);
    }

    #[test]
    fn likely_mistakes_warn() {
        let w = |p: &str| -> Vec<String> {
            check(p, Some("e/!{firehose:error-output-type}"), false)
                .into_iter()
                .filter(|f| f.warning)
                .map(|f| f.message.to_string())
                .collect()
        };
        assert!(w("!{timestamp:yyyy/MM/DD}/")[0].contains("day of the year"));
        assert!(w("!{timestamp:yyyy/mm/dd}/")[0].contains("for the month use MM"));
        assert!(w("!{timestamp:yyyy/MM/dd/hh}/")[0].contains("12-hour"));
        assert!(w("!{timestamp:yyyy/MM/dd/HH/mm}/").is_empty());
    }

    #[test]
    fn lengths() {
        let long = "p".repeat(1025);
        assert!(errors(&long, None)[0].1.contains("at most 1024"));
        // 500 literal + appended yyyy/MM/dd/HH/ (14) = 514 > 512
        let e = errors(&format!("{}/", "p".repeat(499)), None);
        assert!(e[0].1.contains("can evaluate to 514 characters"), "{e:?}");
        assert!(errors(&format!("{}/", "p".repeat(497)), None).is_empty());
        // the error type counts at its longest (30)
        let ep = format!("{}!{{firehose:error-output-type}}", "e".repeat(483));
        let e = errors("x/", Some(&ep));
        assert!(e[0].1.contains("513"), "{e:?}");
        assert!(max_evaluated_len(&parse("!{timestamp:yyyy}!{firehose:random-string}").unwrap()) == 15);
    }
}
