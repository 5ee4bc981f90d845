//! Naming and ARN rules for delivery streams, Kinesis streams, S3 buckets and IAM roles.
//!
//! Patterns are the AWS service models' own (botocore `service-2.json`), anchored; `\w` there is the
//! Java/ASCII class, so it is spelled `[a-zA-Z0-9_]` here (Rust's `\w` would accept any Unicode letter).
//! Each check returns `Err(message)` naming the rule that was broken and what to do.

use std::sync::LazyLock;

use regex_lite::Regex;

use super::msg::Msg;
use super::{quoted, sanitize};

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("static pattern")
}

static KINESIS_ARN: LazyLock<Regex> =
    LazyLock::new(|| re(r"^arn:.*:kinesis:[a-zA-Z0-9\-]+:[0-9]{12}:stream/[a-zA-Z0-9_.\-]+$"));
static ROLE_ARN: LazyLock<Regex> = LazyLock::new(|| re(r"^arn:.*:iam::[0-9]{12}:role/[a-zA-Z_0-9+=,.@\-_/]+$"));
static IP_FORM: LazyLock<Regex> = LazyLock::new(|| re(r"^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$"));

/// Checks the length in characters against an inclusive range.
fn length(what: Msg, value: &str, min: usize, max: usize) -> Result<(), Msg> {
    let n = value.chars().count();
    if n == 0 && min > 0 {
        return Err(msg!("rule-required", what = what, min = min, max = max));
    }
    if n < min || n > max {
        return Err(msg!("rule-length", what = what, min = min, max = max, n = n));
    }
    Ok(())
}

/// Finds the first character outside `allowed` and names it and the allowed set.
fn charset(what: Msg, value: &str, allowed: impl Fn(char) -> bool, described: Msg) -> Result<(), Msg> {
    match value.chars().enumerate().find(|(_, c)| !allowed(*c)) {
        None => Ok(()),
        Some((i, c)) => Err(msg!(
            "rule-charset",
            what = what,
            allowed = described,
            position = i + 1,
            character = quoted(&c.to_string())
        )),
    }
}

fn stream_chars() -> Msg {
    msg!("chars-stream")
}

fn is_stream_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-')
}

/// Firehose `DeliveryStreamName`: 1–64 characters of `[a-zA-Z0-9_.-]`.
pub fn delivery_stream_name(name: &str) -> Result<(), Msg> {
    length(msg!("what-stream-name"), name, 1, 64)?;
    charset(msg!("what-stream-name"), name, is_stream_char, stream_chars())
}

/// Kinesis `StreamName`: 1–128 characters of `[a-zA-Z0-9_.-]`.
pub fn kinesis_stream_name(name: &str) -> Result<(), Msg> {
    length(msg!("what-kinesis-name"), name, 1, 128)?;
    charset(msg!("what-kinesis-name"), name, is_stream_char, stream_chars())
}

/// The plan's source: a Kinesis stream name, or its ARN (`KinesisStreamARN`, 1–512 characters).
pub fn kinesis_stream_ref(value: &str) -> Result<(), Msg> {
    if !value.starts_with("arn:") {
        return kinesis_stream_name(value);
    }
    length(msg!("what-kinesis-arn"), value, 1, 512)?;
    let not_arn = || msg!("rule-not-kinesis-arn", value = quoted(value));
    if !KINESIS_ARN.is_match(value) {
        return Err(not_arn());
    }
    // The model's `arn:.*:` also matches an empty partition, which no real ARN has.
    match Arn::parse(value) {
        Some(arn) if arn.service == "kinesis" => kinesis_stream_name(arn.resource.trim_start_matches("stream/")),
        _ => Err(not_arn()),
    }
}

/// Rules for an S3 general-purpose bucket the wizard will **create**
/// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html).
pub fn new_bucket_name(name: &str) -> Result<(), Msg> {
    length(msg!("what-bucket-name"), name, 3, 63)?;
    charset(
        msg!("what-bucket-name"),
        name,
        |c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-',
        msg!("chars-new-bucket"),
    )?;
    let edge_ok = |c: Option<char>| c.is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
    if !edge_ok(name.chars().next()) || !edge_ok(name.chars().last()) {
        return Err(msg!("rule-bucket-edges"));
    }
    if name.contains("..") {
        return Err(msg!("rule-bucket-periods"));
    }
    if IP_FORM.is_match(name) {
        return Err(msg!("rule-bucket-ip"));
    }
    for reserved in ["xn--", "sthree-", "amzn-s3-demo-"] {
        if name.starts_with(reserved) {
            return Err(msg!("rule-bucket-reserved-start", reserved = reserved));
        }
    }
    for reserved in ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"] {
        if name.ends_with(reserved) {
            return Err(msg!("rule-bucket-reserved-end", reserved = reserved));
        }
    }
    if name.ends_with("-an") {
        return Err(msg!("rule-bucket-regional"));
    }
    Ok(())
}

/// An **existing** bucket: Firehose's `BucketARN` allows `[\w.-]{1,255}` (legacy us-east-1 buckets
/// may have upper-case letters and underscores); whether it exists is asked of S3 at apply time.
pub fn existing_bucket_name(name: &str) -> Result<(), Msg> {
    length(msg!("what-bucket-name"), name, 1, 255)?;
    charset(
        msg!("what-existing-bucket-name"),
        name,
        |c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'),
        msg!("chars-existing-bucket"),
    )
}

/// IAM `RoleName`: 1–64 characters of `[\w+=,.@-]`.
pub fn role_name(name: &str) -> Result<(), Msg> {
    length(msg!("what-role-name"), name, 1, 64)?;
    charset(
        msg!("what-role-name"),
        name,
        |c| c.is_ascii_alphanumeric() || matches!(c, '_' | '+' | '=' | ',' | '.' | '@' | '-'),
        msg!("chars-role"),
    )
}

/// A role given by name or by ARN (`RoleARN`, 1–512 characters; the ARN may carry a path).
pub fn role_ref(value: &str) -> Result<(), Msg> {
    if !value.starts_with("arn:") {
        return role_name(value);
    }
    length(msg!("what-role-arn"), value, 1, 512)?;
    let not_arn = || msg!("rule-not-role-arn", value = quoted(value));
    if !ROLE_ARN.is_match(value) {
        return Err(not_arn());
    }
    match Arn::parse(value) {
        Some(arn) if arn.service == "iam" && arn.region.is_empty() => role_name(role_name_of(value)),
        _ => Err(not_arn()),
    }
}

static LAMBDA_ARN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^arn:(aws[a-zA-Z-]*)?:lambda:(eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-[0-9]{1}:[0-9]{12}:function:[a-zA-Z0-9\-_]+(:(\$LATEST|[a-zA-Z0-9\-_]+))?$",
    )
});
static KMS_ARN: LazyLock<Regex> =
    LazyLock::new(|| re(r"^arn:.*:kms:[a-zA-Z0-9\-]+:[0-9]{12}:(key|alias)/[a-zA-Z_0-9+=,.@\-_/]+$"));
static REGION: LazyLock<Regex> = LazyLock::new(|| re(r"^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]+$"));
static FILE_EXTENSION: LazyLock<Regex> = LazyLock::new(|| re(r"^\.[0-9a-z!\-_.*'()]+$"));
static TIME_ZONE: LazyLock<Regex> = LazyLock::new(|| re(r"^[a-zA-Z/_]+$"));
static JQ_KEY: LazyLock<Regex> = LazyLock::new(|| re(r"^[A-Za-z_][A-Za-z0-9_]*$"));

/// A Lambda function ARN as the Lambda model writes it: `arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME`
/// with an optional qualifier (`:$LATEST`, a version number or an alias), as the console uses.
pub fn lambda_arn(value: &str) -> Result<(), Msg> {
    length(msg!("what-lambda-arn"), value, 1, 5120)?;
    if !LAMBDA_ARN.is_match(value) {
        return Err(msg!("rule-not-lambda-arn", value = quoted(value)));
    }
    let name = value.split(":function:").nth(1).unwrap_or("").split(':').next().unwrap_or("");
    length(msg!("what-lambda-name"), name, 1, 64)
}

/// A KMS key ARN as Firehose's model writes it (`key/ID` or `alias/NAME`).
pub fn kms_key_arn(value: &str) -> Result<(), Msg> {
    length(msg!("what-kms-arn"), value, 1, 512)?;
    if !KMS_ARN.is_match(value) || Arn::parse(value).is_none() {
        return Err(msg!("rule-not-kms-arn", value = quoted(value)));
    }
    Ok(())
}

/// A Region name such as `us-east-1`.
pub fn region(value: &str) -> Result<(), Msg> {
    if REGION.is_match(value) { Ok(()) } else { Err(msg!("rule-not-region", value = quoted(value))) }
}

/// A Glue database, table or version: 1–1024 characters, no white space (`^\S+$`).
pub fn glue_name(what: Msg, value: &str) -> Result<(), Msg> {
    length(what.clone(), value, 1, 1024)?;
    match value.chars().position(char::is_whitespace) {
        Some(i) => Err(msg!("rule-no-white-space", what = what, position = i + 1)),
        None => Ok(()),
    }
}

/// The prefix of the tags firehose-wizard puts on what it creates (`cloud::ownership::TAG_KEY`): a plan
/// cannot set them, and `import` leaves them out.
pub const OWN_TAG_PREFIX: &str = "firehose-wizard:";

/// A tag key: 1–128 characters of letters, digits, spaces and `_ . : / = + - @ %`, not starting `aws:`
/// (AWS's) or `firehose-wizard:` (this tool's).
pub fn tag_key(key: &str) -> Result<(), Msg> {
    length(msg!("what-tag-key"), key, 1, 128)?;
    if key.to_ascii_lowercase().starts_with("aws:") {
        return Err(msg!("rule-tag-key-aws", key = quoted(key)));
    }
    if key.to_ascii_lowercase().starts_with(OWN_TAG_PREFIX) {
        return Err(msg!("rule-tag-key-ours", key = quoted(key)));
    }
    tag_chars(msg!("what-tag-key-short"), key)
}

/// A tag value: 0–256 characters of the same set as keys.
pub fn tag_value(key: &str, value: &str) -> Result<(), Msg> {
    length(msg!("what-tag-value", key = quoted(key)), value, 0, 256)?;
    tag_chars(msg!("what-tag-value", key = quoted(key)), value)
}

/// A character a tag key or value may hold: the tagging model's `[\p{L}\p{Z}\p{N}_.:/=+\-@%]`, a letter, a
/// separator or a number in any script (Unicode general categories L, Z and N), or one of `_ . : / = + - @ %`.
fn tag_char(c: char) -> bool {
    use icu_properties::CodePointMapData;
    use icu_properties::props::{GeneralCategory, GeneralCategoryGroup};
    if "_.:/=+-@%".contains(c) {
        return true;
    }
    let category = CodePointMapData::<GeneralCategory>::new().get(c);
    [GeneralCategoryGroup::Letter, GeneralCategoryGroup::Separator, GeneralCategoryGroup::Number]
        .iter()
        .any(|group| group.contains(category))
}

fn tag_chars(what: Msg, value: &str) -> Result<(), Msg> {
    match value.chars().find(|&c| !tag_char(c)) {
        None => Ok(()),
        Some(bad) => Err(msg!("rule-tag-chars", what = what, character = quoted(&bad.to_string()))),
    }
}

/// A CloudWatch Logs log stream name: 1–512 characters, none of them `:` or `*`
/// (`CloudWatchLoggingOptions.LogStreamName`, `[^:*]*`; CreateLogStream: at least 1).
pub fn log_stream_name(what: Msg, value: &str) -> Result<(), Msg> {
    length(what.clone(), value, 1, 512)?;
    match value.chars().position(|c| c == ':' || c == '*') {
        Some(i) => Err(msg!("rule-log-stream-chars", what = what, position = i + 1)),
        None => Ok(()),
    }
}

/// `FileExtension`: empty, or `.` followed by `0-9 a-z ! - _ . * ' ( )`, at most 128 characters.
pub fn file_extension(value: &str) -> Result<(), Msg> {
    length(msg!("what-file-extension"), value, 0, 128)?;
    if !value.is_empty() && !FILE_EXTENSION.is_match(value) {
        return Err(msg!("rule-file-extension", value = quoted(value)));
    }
    Ok(())
}

/// `CustomTimeZone`: an IANA zone name (`Asia/Seoul`) of at most 50 characters of `[a-zA-Z/_]`.
/// The zone's rules come from the IANA database bundled in the binary (jiff's), whose names are matched exactly,
/// case included, as Firehose does.
pub fn time_zone(value: &str) -> Result<jiff::tz::TimeZone, Msg> {
    length(msg!("what-time-zone"), value, 1, 50)?;
    if !TIME_ZONE.is_match(value) {
        return Err(msg!("rule-time-zone-chars", value = quoted(value)));
    }
    match jiff::tz::TimeZone::get(value) {
        Ok(zone) if zone.iana_name() == Some(value) => Ok(zone),
        _ => Err(msg!("rule-not-time-zone", value = quoted(value))),
    }
}

/// A partition key name, as `!{partitionKeyFromQuery:NAME}` uses it: a jq key name.
pub fn partition_key_name(key: &str) -> Result<(), Msg> {
    if JQ_KEY.is_match(key) { Ok(()) } else { Err(msg!("rule-partition-key-name", key = quoted(key))) }
}

/// A jq expression, checked for what can be checked without running jq: not blank, strings closed,
/// brackets balanced.
pub fn jq_expression(key: &str, expr: &str) -> Result<(), Msg> {
    let what = msg!("what-jq-expression", key = quoted(key));
    if expr.trim().is_empty() {
        // the key is echoed as the example's path: escaped, like every text of the plan in a message
        return Err(msg!("rule-jq-empty", what = what, example = format!(".{}", sanitize(key))));
    }
    let mut stack = Vec::new();
    let mut chars = expr.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => loop {
                match chars.next() {
                    None => return Err(msg!("rule-jq-string", what = what)),
                    Some('\\') => {
                        chars.next();
                    }
                    Some('"') => break,
                    Some(_) => {}
                }
            },
            '(' | '[' | '{' => stack.push(c),
            ')' | ']' | '}' => {
                let open = match c {
                    ')' => '(',
                    ']' => '[',
                    _ => '{',
                };
                if stack.pop() != Some(open) {
                    return Err(msg!("rule-jq-unmatched", what = what, bracket = quoted(&c.to_string())));
                }
            }
            _ => {}
        }
    }
    match stack.pop() {
        Some(open) => Err(msg!("rule-jq-unclosed", what = what, bracket = quoted(&open.to_string()))),
        None => Ok(()),
    }
}

/// The role name in a role name or ARN (the last segment of the ARN's `role/path/name`).
pub fn role_name_of(value: &str) -> &str {
    value.rsplit('/').next().unwrap_or(value)
}

/// The stream name in a Kinesis stream name or ARN.
pub fn kinesis_stream_name_of(value: &str) -> &str {
    match value.split_once(":stream/") {
        Some((_, name)) if value.starts_with("arn:") => name,
        _ => value,
    }
}

/// The six fields of an ARN: `arn:partition:service:region:account:resource`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arn<'a> {
    pub partition: &'a str,
    pub service: &'a str,
    pub region: &'a str,
    pub account: &'a str,
    pub resource: &'a str,
}

impl<'a> Arn<'a> {
    pub fn parse(s: &'a str) -> Option<Arn<'a>> {
        let mut it = s.splitn(6, ':');
        if it.next()? != "arn" {
            return None;
        }
        let arn = Arn {
            partition: it.next()?,
            service: it.next()?,
            region: it.next()?,
            account: it.next()?,
            resource: it.next()?,
        };
        (!arn.partition.is_empty() && !arn.service.is_empty()).then_some(arn)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_zones_are_iana_names_matched_exactly() {
        for ok in ["Asia/Seoul", "America/New_York", "Europe/London", "UTC", "America/Argentina/Buenos_Aires"] {
            assert!(time_zone(ok).is_ok(), "{ok}");
        }
        for bad in ["asia/seoul", "ASIA/SEOUL", "Mars/Olympus_Mons", "Asia", "Seoul"] {
            let e = time_zone(bad).unwrap_err().to_string();
            assert!(e.contains("time zone"), "{bad}: {e}");
        }
        assert!(time_zone("UTC+9").is_err(), "outside [a-zA-Z/_]");
        assert!(time_zone(&format!("Asia/{}", "x".repeat(46))).is_err(), "over 50 characters");
    }

    #[test]
    fn tag_characters_are_letters_separators_numbers_of_any_script() {
        for ok in ["workshop", "팀:분석", "Ünïcode_ok", "a b", "k=v+1@x%/y-z.", "٣٤", "\u{2003}"] {
            assert_eq!(tag_chars(msg!("what-tag-key"), ok), Ok(()), "{ok:?}");
        }
        for (bad, c) in [("a!b", "!"), ("tab\there", "\t"), ("emoji🙂", "🙂"), ("semi;colon", ";"), ("q?", "?")] {
            let e = tag_chars(msg!("what-tag-key"), bad).unwrap_err().to_string();
            assert!(e.contains(&quoted(c).to_string()), "{bad:?}: {e}");
        }
    }

    #[test]
    fn delivery_stream_names() {
        for ok in ["retail-trans", "a", "A_b.c-9", &"x".repeat(64)] {
            assert_eq!(delivery_stream_name(ok), Ok(()), "{ok}");
        }
        assert!(delivery_stream_name("").unwrap_err().to_string().contains("required"));
        assert!(
            delivery_stream_name(&"x".repeat(65)).unwrap_err().to_string().contains("1–64 characters long; it has 65")
        );
        let e = delivery_stream_name("bad name!").unwrap_err();
        assert!(e.to_string().contains("character 4 is \" \""), "{e}");
        assert!(delivery_stream_name("ré").is_err(), "non-ASCII letters are outside [a-zA-Z]");
        assert!(delivery_stream_name("a/b").is_err());
    }

    #[test]
    fn kinesis_names_and_arns() {
        assert_eq!(kinesis_stream_ref("retail-trans"), Ok(()));
        assert_eq!(kinesis_stream_ref(&"k".repeat(128)), Ok(()));
        assert!(kinesis_stream_ref(&"k".repeat(129)).is_err());
        assert!(kinesis_stream_ref("bad name!").is_err());
        assert_eq!(kinesis_stream_ref("arn:aws:kinesis:us-east-1:123456789012:stream/retail-trans"), Ok(()));
        assert_eq!(kinesis_stream_ref("arn:aws-cn:kinesis:cn-north-1:123456789012:stream/a.b_c-d"), Ok(()));
        for bad in [
            "arn:aws:kinesis:us-east-1:12345678901:stream/x",   // 11-digit account
            "arn:aws:kinesis:us-east-1:123456789012:table/x",   // not a stream
            "arn:aws:firehose:us-east-1:123456789012:stream/x", // wrong service
            "arn:aws:kinesis::123456789012:stream/x",           // no region
            "arn:aws:kinesis:us-east-1:123456789012:stream/a b",
            "arn::kinesis:us-east-1:123456789012:stream/x", // empty partition
            "arn:aws::kinesis:us-east-1:123456789012:stream/x", // the pattern's .* swallows a field
            "arn:a:b:kinesis:us-east-1:123456789012:stream/x",
        ] {
            assert!(kinesis_stream_ref(bad).unwrap_err().to_string().contains("ARN"), "{bad}");
        }
        let long = format!("arn:aws:kinesis:us-east-1:123456789012:stream/{}", "k".repeat(129));
        assert!(kinesis_stream_ref(&long).unwrap_err().to_string().contains("1–128"));
        assert_eq!(kinesis_stream_name_of("arn:aws:kinesis:us-east-1:123456789012:stream/abc"), "abc");
        assert_eq!(kinesis_stream_name_of("abc"), "abc");
    }

    #[test]
    fn new_bucket_names_follow_s3_rules() {
        for ok in ["aws-analytics-immersion-day-12345678", "abc", "a.b-c", "1bucket9", &"b".repeat(63)] {
            assert_eq!(new_bucket_name(ok), Ok(()), "{ok}");
        }
        let cases = [
            ("ab", "3–63"),
            (&"b".repeat(64) as &str, "3–63"),
            ("BadBucket", "lower-case"),
            ("bad_bucket", "lower-case"),
            ("-abc", "begin and end"),
            ("abc-", "begin and end"),
            (".abc", "begin and end"),
            ("abc..def", "two adjacent periods"),
            ("192.168.5.4", "IP address"),
            ("xn--abcbucket", "\"xn--\""),
            ("sthree-bucket", "\"sthree-\""),
            ("sthree-configurator", "\"sthree-\""),
            ("amzn-s3-demo-bucket", "\"amzn-s3-demo-\""),
            ("foo-s3alias", "\"-s3alias\""),
            ("foo--ol-s3", "\"--ol-s3\""),
            ("foo.mrap", "\".mrap\""),
            ("foo--x-s3", "\"--x-s3\""),
            ("foo--table-s3", "\"--table-s3\""),
            ("foo-an", "account-regional"),
        ];
        for (name, needle) in cases {
            let e = new_bucket_name(name).unwrap_err();
            assert!(e.to_string().contains(needle), "{name}: {e}");
        }
        // IP-like but not an IP form: allowed
        assert_eq!(new_bucket_name("192.168.5.4a"), Ok(()));
    }

    #[test]
    fn existing_bucket_names_are_looser() {
        assert_eq!(existing_bucket_name("Legacy_Bucket.Name"), Ok(()));
        assert_eq!(existing_bucket_name(&"b".repeat(255)), Ok(()));
        assert!(existing_bucket_name(&"b".repeat(256)).is_err());
        assert!(existing_bucket_name("a b").is_err());
        assert!(existing_bucket_name("").is_err());
    }

    #[test]
    fn roles() {
        for ok in ["firehose_delivery_role", "a+=,.@-_9", &"r".repeat(64)] {
            assert_eq!(role_ref(ok), Ok(()), "{ok}");
        }
        assert!(role_ref(&"r".repeat(65)).is_err());
        assert!(role_ref("bad name!").is_err());
        assert!(role_ref("rôle").is_err());
        assert_eq!(role_ref("arn:aws:iam::123456789012:role/firehose_delivery_role"), Ok(()));
        assert_eq!(role_ref("arn:aws:iam::123456789012:role/service-role/KinesisFirehoseServiceRole-x"), Ok(()));
        assert!(role_ref("arn:aws:iam::123456789012:user/x").unwrap_err().to_string().contains("role ARN"));
        assert!(role_ref("arn:aws:iam:us-east-1:123456789012:role/x").is_err(), "IAM ARNs have no region");
        assert!(role_ref("not-an-arn:x").is_err());
        assert!(role_ref("arn::iam::123456789012:role/x").is_err(), "empty partition");
        assert!(role_ref("arn:aws:x:iam::123456789012:role/x").is_err());
        assert_eq!(role_name_of("arn:aws:iam::123456789012:role/a/b/name"), "name");
        assert_eq!(role_name_of("name"), "name");
    }

    #[test]
    fn jq_expression_messages_escape_the_key() {
        assert_eq!(
            jq_expression("region", " ").unwrap_err().to_string(),
            "the jq expression of partition key \"region\" is empty; for example .region"
        );
        let e = jq_expression("\u{1b}[2J", "").unwrap_err();
        assert!(!e.to_string().chars().any(char::is_control), "{e:?}");
        assert!(e.to_string().ends_with("for example .\\u{1b}[2J"), "{e}");
    }

    #[test]
    fn arn_parse() {
        let a = Arn::parse("arn:aws:kinesis:us-east-1:123456789012:stream/x").unwrap();
        assert_eq!(
            (a.partition, a.service, a.region, a.account, a.resource),
            ("aws", "kinesis", "us-east-1", "123456789012", "stream/x")
        );
        assert_eq!(Arn::parse("arn:aws:s3:::b").unwrap().resource, "b");
        assert!(Arn::parse("arn:aws").is_none());
        assert!(Arn::parse("nope:aws:s3:::b").is_none());
    }
}
