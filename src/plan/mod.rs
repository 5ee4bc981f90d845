//! The domain, pure: the Plan (the answers of the wizard's five screens), the rules AWS applies to it,
//! the prefix language, the IAM policies and the CreateDeliveryStream request. No I/O happens here.

pub mod names;
pub mod policy;
pub mod prefix;
pub mod request;
pub mod validate;

use serde::{Deserialize, Serialize};

/// The role name the console (and the workshop) uses when it creates a role.
pub const DEFAULT_ROLE_NAME: &str = "firehose_delivery_role";
/// The bucket-name stem of the "Analytics on AWS immersion day" lab.
pub const LAB_BUCKET_STEM: &str = "aws-analytics-immersion-day-";
/// The workshop's own placeholder for the part of the bucket name each attendee makes unique.
pub const LAB_BUCKET_PLACEHOLDER: &str = "xxxxxxxx";
pub const LAB_PREFIX: &str =
    "json-data/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/";
pub const LAB_ERROR_PREFIX: &str = "error-json/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/!{firehose:error-output-type}";

/// Everything the five screens ask for. The JSON form is a public contract (see README "Plan file").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Delivery stream name.
    pub name: String,
    pub source: Source,
    #[serde(default)]
    pub process: Process,
    pub destination: Destination,
    #[serde(default)]
    pub settings: Settings,
}

/// `"direct_put"`, `{ "kinesis_stream": NAME_OR_ARN }` (an existing stream), or
/// `{ "new_kinesis_stream": { "name": NAME, "mode": "on_demand" | "provisioned", "shards": N } }`
/// (created before the delivery stream, and waited on until ACTIVE).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Source {
    DirectPut,
    KinesisStream(String),
    NewKinesisStream(NewStream),
}

impl Source {
    /// The Kinesis stream's name or ARN, whether it exists or is to be created.
    pub fn kinesis(&self) -> Option<&str> {
        match self {
            Source::DirectPut => None,
            Source::KinesisStream(s) => Some(s),
            Source::NewKinesisStream(n) => Some(&n.name),
        }
    }
}

/// A source stream to create.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewStream {
    pub name: String,
    #[serde(default)]
    pub mode: StreamMode,
    /// Required for provisioned mode; must be absent for on-demand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shards: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StreamMode {
    #[default]
    OnDemand,
    Provisioned,
}

/// Step 2. Both options are off (`null`) unless set.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Process {
    #[serde(default)]
    pub lambda: Option<Lambda>,
    #[serde(default)]
    pub format_conversion: Option<FormatConversion>,
}

/// Lambda transform. Absent numbers take Firehose's defaults (1 MiB, 60 s, 3 retries).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lambda {
    /// The function's ARN, qualified (`:$LATEST`, a version or an alias) as the console does, or not.
    pub function_arn: String,
    #[serde(default)]
    pub buffer_size_mib: Option<f64>,
    #[serde(default)]
    pub buffer_interval_s: Option<i64>,
    #[serde(default)]
    pub retries: Option<i64>,
}

/// Record format conversion: JSON in, Parquet or ORC out, with the schema of a Glue table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormatConversion {
    /// `parquet` or `orc`.
    pub output: String,
    /// `openx_json` or `hive_json`.
    pub input: String,
    pub glue_database: String,
    pub glue_table: String,
    #[serde(default)]
    pub glue_region: Option<String>,
    #[serde(default)]
    pub glue_version: Option<String>,
}

/// Step 3: the S3 destination.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Destination {
    pub bucket: String,
    /// true: the bucket is created (or reused when this account already owns it);
    /// false: the bucket must already exist.
    #[serde(default)]
    pub create_bucket: bool,
    /// S3 key prefix; empty means Firehose's default `yyyy/MM/dd/HH/`.
    #[serde(default)]
    pub prefix: String,
    /// Error output prefix; absent, `null` or empty means none.
    #[serde(default)]
    pub error_prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dynamic_partitioning: Option<DynamicPartitioning>,
    /// The objects' file extension (`.json.gz`); absent means Firehose's default for the format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file_extension: Option<String>,
    /// IANA time zone of the prefix's timestamps (`Asia/Seoul`); absent means UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// Back up the source records, as received, to this bucket and prefix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup: Option<Backup>,
}

/// Dynamic partitioning: chosen at creation, never turned off afterwards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DynamicPartitioning {
    /// Partition key name → jq expression evaluated on each JSON record (`partitionKeyFromQuery`).
    /// May be empty when a Lambda transform supplies the keys (`partitionKeyFromLambda`).
    #[serde(default)]
    pub keys: std::collections::BTreeMap<String, String>,
    /// Append a new line after each record in the delivered objects.
    #[serde(default)]
    pub new_line_delimiter: bool,
    /// Split records that arrive several to one: `"json"` or `{ "delimited": "DELIMITER" }`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_deaggregation: Option<Deaggregation>,
    /// How long Firehose retries delivery to S3 (0–7200 s); absent means 300.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_duration_s: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Deaggregation {
    Json,
    Delimited(String),
}

/// Source record backup: an existing bucket (or the destination bucket) and a prefix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    pub bucket: String,
    #[serde(default)]
    pub prefix: String,
}

impl Destination {
    /// A bucket with every option at its default.
    pub fn new(bucket: &str) -> Destination {
        Destination {
            bucket: bucket.to_owned(),
            create_bucket: false,
            prefix: String::new(),
            error_prefix: None,
            dynamic_partitioning: None,
            file_extension: None,
            time_zone: None,
            backup: None,
        }
    }

    /// The error prefix when one is set (an empty string counts as not set, as the API treats it).
    pub fn error_prefix(&self) -> Option<&str> {
        self.error_prefix.as_deref().filter(|p| !p.is_empty())
    }
}

/// Step 4. Numbers are signed so that a negative value reaches the validator (and gets a message
/// naming the range) instead of failing to parse.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    #[serde(default = "default_buffer_size")]
    pub buffer_size_mib: i64,
    #[serde(default = "default_buffer_interval")]
    pub buffer_interval_s: i64,
    /// One of `UNCOMPRESSED`, `GZIP`, `ZIP`, `Snappy`, `HADOOP_SNAPPY` (case-sensitive, as the API).
    #[serde(default = "default_compression")]
    pub compression: String,
    #[serde(default)]
    pub role: Role,
    /// With an existing role: also put this stream's least-privilege policy on it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub add_policy_to_role: bool,
    /// Server-side encryption of the delivered objects with a KMS key; absent means the bucket's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encryption: Option<Encryption>,
    /// Encryption of the data Firehose holds for a Direct PUT stream: `"aws_owned"` or
    /// `{ "customer_managed": KEY_ARN }`. Not allowed with a Kinesis source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stream_encryption: Option<StreamEncryption>,
    /// CloudWatch error logging to `/aws/kinesisfirehose/<name>`, on by default as in the console.
    #[serde(default = "yes")]
    pub error_logging: bool,
    /// Tags of the delivery stream (at most 50).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub tags: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Encryption {
    pub kms_key_arn: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum StreamEncryption {
    AwsOwned,
    CustomerManaged(String),
}

fn yes() -> bool {
    true
}

fn default_buffer_size() -> i64 {
    5
}
fn default_buffer_interval() -> i64 {
    300
}
fn default_compression() -> String {
    "UNCOMPRESSED".to_owned()
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            buffer_size_mib: default_buffer_size(),
            buffer_interval_s: default_buffer_interval(),
            compression: default_compression(),
            role: Role::default(),
            add_policy_to_role: false,
            encryption: None,
            stream_encryption: None,
            error_logging: true,
            tags: Default::default(),
        }
    }
}

/// `{ "create": ROLE_NAME }` or `{ "existing": ROLE_NAME_OR_ARN }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Role {
    Create(String),
    Existing(String),
}

impl Default for Role {
    fn default() -> Self {
        Role::Create(DEFAULT_ROLE_NAME.to_owned())
    }
}

impl Plan {
    /// The workshop's plan. `bucket_suffix` replaces the lab's `xxxxxxxx`.
    pub fn lab(bucket_suffix: &str) -> Plan {
        Plan {
            name: "retail-trans".to_owned(),
            source: Source::KinesisStream("retail-trans".to_owned()),
            process: Process::default(),
            destination: Destination {
                bucket: format!("{LAB_BUCKET_STEM}{bucket_suffix}"),
                create_bucket: true,
                prefix: LAB_PREFIX.to_owned(),
                error_prefix: Some(LAB_ERROR_PREFIX.to_owned()),
                ..Destination::new("")
            },
            settings: Settings { buffer_size_mib: 1, buffer_interval_s: 60, ..Settings::default() },
        }
    }

    /// Parses a plan file's text. The error carries the JSON path of the offending field when serde
    /// knows it, and the line and column.
    pub fn from_json(text: &str) -> Result<Plan, PlanParseError> {
        // Editors on Windows may start the file with a byte-order mark; it is invisible, so columns
        // counted without it are the ones the user sees.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // serde would also take a struct written as an array of its fields; a plan file is an object.
        let body = text.trim_start_matches([' ', '\t', '\r', '\n']);
        if !body.is_empty() && !body.starts_with('{') {
            let before = &text[..text.len() - body.len()];
            return Err(PlanParseError {
                path: None,
                line: before.matches('\n').count() + 1,
                column: before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
                message: "a plan file holds one JSON object ({ \"name\": ..., \"source\": ..., ... })".into(),
            });
        }
        let de = &mut serde_json::Deserializer::from_str(text);
        let plan = serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            PlanParseError {
                path: if path == "." { None } else { Some(path) },
                line: inner.line(),
                column: inner.column(),
                message: strip_position(&inner.to_string()),
            }
        })?;
        Ok(plan)
    }

    pub fn to_json_pretty(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a Plan always serialises");
        s.push('\n');
        s
    }
}

/// Why a plan file could not be read as a Plan.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {column}: {}{message}", path.as_ref().map(|p| format!("{p}: ")).unwrap_or_default())]
pub struct PlanParseError {
    pub path: Option<String>,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// serde_json appends " at line L column C" to its messages; the position is reported separately.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}

/// A fresh 8-character bucket suffix, in the workshop's `xxxxxxxx` form (lower-case letters and digits).
pub fn random_bucket_suffix() -> String {
    use rand::Rng;
    const CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut rng = rand::rng();
    (0..8).map(|_| CHARS[rng.random_range(0..CHARS.len())] as char).collect()
}

/// Escapes control characters (terminal escape sequences among them) so that text from a plan file or
/// from AWS is never echoed raw to a terminal. Everything else is kept.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// Quotes a user-supplied value for a message: control characters (terminal escapes among them) are
/// escaped, never echoed raw, and very long values are shortened.
pub fn quoted(value: &str) -> String {
    const MAX: usize = 80;
    let mut out = String::from("\"");
    for (i, c) in value.chars().enumerate() {
        if i == MAX {
            out.push('…');
            break;
        }
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.extend(c.escape_default()),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DESIGN_EXAMPLE: &str = r#"{
      "name": "retail-trans",
      "source": { "kinesis_stream": "retail-trans" },
      "process": { "lambda": null, "format_conversion": null },
      "destination": {
        "bucket": "aws-analytics-immersion-day-12345678",
        "create_bucket": true,
        "prefix": "json-data/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/",
        "error_prefix": "error-json/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/!{firehose:error-output-type}"
      },
      "settings": {
        "buffer_size_mib": 1,
        "buffer_interval_s": 60,
        "compression": "UNCOMPRESSED",
        "role": { "create": "firehose_delivery_role" }
      }
    }"#;

    #[test]
    fn design_example_parses_to_the_lab_plan() {
        let plan = Plan::from_json(DESIGN_EXAMPLE).unwrap();
        assert_eq!(plan, Plan::lab("12345678"));
    }

    #[test]
    fn round_trips_through_json() {
        let plan = Plan::lab("abc12345");
        assert_eq!(Plan::from_json(&plan.to_json_pretty()).unwrap(), plan);
    }

    #[test]
    fn shipped_lab_plan_is_the_lab_preset() {
        let text = include_str!("../../assets/lab-plan.json");
        assert_eq!(Plan::from_json(text).unwrap(), Plan::lab(LAB_BUCKET_PLACEHOLDER));
    }

    #[test]
    fn direct_put_and_existing_role_forms() {
        let plan = Plan::from_json(
            r#"{"name":"a","source":"direct_put","destination":{"bucket":"b-b-b"},
                "settings":{"role":{"existing":"arn:aws:iam::123456789012:role/x"}}}"#,
        )
        .unwrap();
        assert_eq!(plan.source, Source::DirectPut);
        assert_eq!(plan.settings.role, Role::Existing("arn:aws:iam::123456789012:role/x".into()));
        // console defaults
        assert_eq!(plan.settings.buffer_size_mib, 5);
        assert_eq!(plan.settings.buffer_interval_s, 300);
        assert_eq!(plan.settings.compression, "UNCOMPRESSED");
        assert!(!plan.destination.create_bucket);
        assert_eq!(plan.destination.error_prefix(), None);
    }

    #[test]
    fn unknown_field_is_an_error_with_its_path() {
        let e = Plan::from_json(r#"{"name":"a","source":"direct_put","destination":{"bucket":"b","prefx":"x"}}"#)
            .unwrap_err();
        assert_eq!(e.path.as_deref(), Some("destination.prefx"));
        assert!(e.message.contains("unknown field `prefx`"), "{e}");
        assert_eq!((e.line, e.column), (1, 69)); // the key's closing quote
    }

    #[test]
    fn syntax_error_has_line_and_column() {
        let e = Plan::from_json("{\n  \"name\": \"a\",\n  oops\n}").unwrap_err();
        assert_eq!(e.line, 3);
        assert_eq!(e.column, 3);
        assert!(e.to_string().starts_with("line 3, column 3: "), "{e}");
    }

    #[test]
    fn top_level_must_be_an_object() {
        let e = Plan::from_json("\n  [\"a\", \"direct_put\"]").unwrap_err();
        assert_eq!((e.line, e.column), (2, 3));
        assert!(e.message.contains("one JSON object"));
        assert!(Plan::from_json("\u{feff}{}").unwrap_err().message.contains("missing field"), "a BOM is tolerated");
    }

    #[test]
    fn empty_error_prefix_counts_as_unset() {
        let mut plan = Plan::lab("x");
        plan.destination.error_prefix = Some(String::new());
        assert_eq!(plan.destination.error_prefix(), None);
    }

    #[test]
    fn random_suffixes_are_valid_and_differ() {
        let a = random_bucket_suffix();
        let b = random_bucket_suffix();
        assert_eq!(a.len(), 8);
        assert!(a.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
        assert_ne!(a, b);
    }

    #[test]
    fn quoted_escapes_terminal_control_sequences() {
        assert_eq!(quoted("a\u{1b}[2Jb"), "\"a\\u{1b}[2Jb\"");
        assert_eq!(quoted("say \"hi\""), "\"say \\\"hi\\\"\"");
        assert!(quoted(&"x".repeat(200)).ends_with("…\""));
        assert_eq!(sanitize("ok\r\n\u{7}"), "ok\\r\\n\\u{7}");
        assert_eq!(sanitize(&"y".repeat(300)).len(), 300);
    }
}
