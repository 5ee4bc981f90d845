//! The domain, pure: the Plan (the answers of the wizard's five screens), the rules AWS applies to it,
//! the prefix language, the IAM policies and the CreateDeliveryStream request. No I/O happens here,
//! but for [`read_plan_file`]'s one bounded read of the plan file.

#[macro_use]
pub mod msg;
pub mod dataflow;
pub mod describe;
pub mod escape;
pub mod import;
pub mod names;
pub mod policy;
pub mod prefix;
pub mod records;
pub mod request;
pub mod validate;

pub use escape::{needs_escape, sanitize, sanitize_lines, to_json_string, to_json_string_pretty};
use msg::Msg;
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
    /// CloudWatch Logs decompression: the stream takes CloudWatch Logs subscription data only (GZIP)
    /// and delivers it unzipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decompression: Option<Decompression>,
}

/// `{ "message_extraction": true }`: decompression of CloudWatch Logs records; with message
/// extraction only each log event's message is delivered, without the envelope (owner, log group...).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decompression {
    #[serde(default)]
    pub message_extraction: bool,
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
    /// Append a new line after each record (without dynamic partitioning; with it, see
    /// `dynamic_partitioning.new_line_delimiter`: either turns it on).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub new_line_delimiter: bool,
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
            new_line_delimiter: false,
        }
    }

    /// Whether a new line is appended to each record (the AppendDelimiterToRecord processor).
    pub fn appends_new_line(&self) -> bool {
        self.new_line_delimiter || self.dynamic_partitioning.as_ref().is_some_and(|d| d.new_line_delimiter)
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
    /// The log stream of the destination's errors; absent means `S3Delivery` (the console of 2023 and
    /// this tool; today's console names it `DestinationDelivery`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_log_stream: Option<String>,
    /// The log stream of the backup's errors; absent means `S3Backup` (today's console: `BackupDelivery`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup_log_stream: Option<String>,
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
            error_log_stream: None,
            backup_log_stream: None,
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
                message: msg!("plan-one-object"),
            });
        }
        // serde echoes field names, map keys and values from the file: escape them, and keep the
        // message one line of reasonable length.
        let error = |path: Option<String>, e: serde_json::Error| PlanParseError {
            path: path.map(|p| shortened(&sanitize(&p), MAX_ECHO)),
            line: e.line(),
            column: char_column(text, e.line(), e.column()),
            message: Msg::text(shortened(&sanitize(&strip_position(&e)), MAX_ECHO)),
        };
        let mut de = serde_json::Deserializer::from_str(text);
        let plan = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let path = e.path().to_string();
            error((path != ".").then_some(path), e.into_inner())
        })?;
        // Only white space may follow the object (serde_json::from_str checks this; a Deserializer
        // used directly does not).
        de.end().map_err(|e| error(None, e))?;
        Ok(plan)
    }

    pub fn to_json_pretty(&self) -> String {
        // C1 controls and format characters as \uXXXX too: a plan shown in a terminal cannot drive it
        let mut s = to_json_string_pretty(self);
        s.push('\n');
        s
    }
}

/// Why a plan file could not be read as a Plan.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.msg())]
pub struct PlanParseError {
    pub path: Option<String>,
    pub line: usize,
    pub column: usize,
    /// serde's message as it said it ([`Msg::text`]), or ours.
    pub message: Msg,
}

impl PlanParseError {
    pub fn msg(&self) -> Msg {
        let detail = match &self.path {
            Some(p) => msg!("plan-at-path", path = p, message = self.message.clone()),
            None => self.message.clone(),
        };
        msg!("plan-position", line = self.line, column = self.column, detail = detail)
    }
}

/// serde_json appends " at line L column C" to its messages; the position is reported separately.
/// Only that exact suffix is removed: the message may echo text of the file that says " at line ".
fn strip_position(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    match msg.strip_suffix(&suffix) {
        Some(m) => m.to_owned(),
        None => msg,
    }
}

/// The most characters of a serde message (or path) that echoes the file: an unknown field name or a
/// map key may be as long as the file.
const MAX_ECHO: usize = 300;

/// `text` cut to `max` characters, with `…` when cut.
fn shortened(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

/// serde_json counts columns in bytes; editors count characters. Converts `byte_column` (1-based, of
/// line `line`) to characters. A column inside a multi-byte character names that character.
fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(l) = text.split('\n').nth(line.saturating_sub(1)) else { return byte_column };
    l.char_indices().take_while(|(i, _)| *i < byte_column).count()
}

/// The largest plan file read: a plan is a few KB, so 1 MiB is generous.
pub const MAX_PLAN_BYTES: usize = 1 << 20;
/// How deep brackets may nest in a plan file: serde_json's own recursion limit. A plan nests 4 levels
/// (`destination.dynamic_partitioning.keys`).
pub const MAX_PLAN_DEPTH: usize = 128;

/// Why a plan file could not be turned into a Plan. The Display is one line, and never contains a raw
/// control character: text of the file that it echoes is escaped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.msg())]
pub enum PlanFileError {
    /// The file could not be opened or read (missing, a directory, no permission, ...).
    Io { kind: std::io::ErrorKind, message: String },
    /// Larger than [`MAX_PLAN_BYTES`]. `size` is `None` when it is not known (a device or a pipe that
    /// gave more than the limit and was not read further).
    TooLarge { size: Option<u64> },
    /// Not UTF-8 text: the first invalid byte, its 0-based offset in the file, and the 1-based line and
    /// column (in characters) where an editor shows it.
    NotUtf8 { offset: usize, byte: u8, line: usize, column: usize },
    /// Nothing but white space (or a byte-order mark).
    Empty,
    /// A control character that JSON allows nowhere (U+0000–U+001F other than tab, line feed and
    /// carriage return), such as NUL or the ESC of a terminal escape sequence.
    ControlCharacter { line: usize, column: usize, code: u32 },
    /// Brackets nested deeper than [`MAX_PLAN_DEPTH`]; the position is the first bracket too deep.
    TooDeep { line: usize, column: usize },
    /// Not JSON, or JSON that is not a plan (a missing or unknown field, a wrong type, ...).
    Parse(#[from] PlanParseError),
}

impl PlanFileError {
    pub fn msg(&self) -> Msg {
        let at = |line: usize, column: usize, detail: Msg| {
            msg!("plan-position", line = line, column = column, detail = detail)
        };
        match self {
            PlanFileError::Io { kind, message } => msg!("plan-unreadable", error = Msg::io_kind(*kind, message)),
            PlanFileError::TooLarge { size: Some(n) } => {
                msg!("plan-too-large", size = n.to_string(), max = MAX_PLAN_BYTES)
            }
            PlanFileError::TooLarge { size: None } => msg!("plan-too-large-unknown", max = MAX_PLAN_BYTES),
            PlanFileError::NotUtf8 { offset, byte, line, column } => {
                let utf16 = *offset == 0 && matches!(byte, 0xFE | 0xFF);
                let byte = format!("0x{byte:02X}");
                if utf16 {
                    msg!("plan-utf16", offset = *offset, byte = byte, line = *line, column = *column)
                } else {
                    msg!("plan-not-utf8", offset = *offset, byte = byte, line = *line, column = *column)
                }
            }
            PlanFileError::Empty => msg!("plan-empty"),
            PlanFileError::ControlCharacter { line, column, code } => at(
                *line,
                *column,
                msg!("plan-control-character", code = format!("U+{code:04X}"), escape = format!("\\u{code:04x}")),
            ),
            PlanFileError::TooDeep { line, column } => at(*line, *column, msg!("plan-too-deep", max = MAX_PLAN_DEPTH)),
            PlanFileError::Parse(e) => e.msg(),
        }
    }
}

/// Parses the bytes of a plan file: at most [`MAX_PLAN_BYTES`], UTF-8 (a byte-order mark is allowed),
/// no control characters, nesting within [`MAX_PLAN_DEPTH`], then [`Plan::from_json`].
pub fn parse_plan_bytes(bytes: &[u8]) -> Result<Plan, PlanFileError> {
    if bytes.len() > MAX_PLAN_BYTES {
        return Err(PlanFileError::TooLarge { size: Some(bytes.len() as u64) });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let valid = std::str::from_utf8(&bytes[..offset]).expect("valid up to the error");
        let (line, column) = line_column(valid.strip_prefix('\u{feff}').unwrap_or(valid));
        PlanFileError::NotUtf8 { offset, byte: bytes[offset], line, column }
    })?;
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    if body.trim_matches([' ', '\t', '\r', '\n']).is_empty() {
        return Err(PlanFileError::Empty);
    }
    scan(body)?;
    // the text with its byte-order mark: from_json takes off one, as here (a second is not white space)
    Plan::from_json(text).map_err(|e| match e.message.as_text().unwrap_or_default() {
        // Not reached after `scan`, which counts the same brackets; kept so the message stays clear
        // should serde_json's limit ever be the lower one.
        "recursion limit exceeded" => PlanFileError::TooDeep { line: e.line, column: e.column },
        _ => PlanFileError::Parse(e),
    })
}

/// The 1-based line and column (in characters) of the character just after `before`.
fn line_column(before: &str) -> (usize, usize) {
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// One pass over the text, before serde: control characters that JSON allows nowhere, and nesting.
/// Strings are skipped for the brackets (a `[` inside a string is text).
fn scan(text: &str) -> Result<(), PlanFileError> {
    let (mut line, mut column) = (1, 0);
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for c in text.chars() {
        column += 1;
        match c {
            '\n' => {
                line += 1;
                column = 0;
            }
            '\t' | '\r' => {}
            c if (c as u32) < 0x20 => {
                return Err(PlanFileError::ControlCharacter { line, column, code: c as u32 });
            }
            _ if in_string => match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            },
            '"' => in_string = true,
            '{' | '[' => {
                depth += 1;
                if depth > MAX_PLAN_DEPTH {
                    return Err(PlanFileError::TooDeep { line, column });
                }
            }
            '}' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

/// Reads and parses a plan file without ever reading more than [`MAX_PLAN_BYTES`] + 1 bytes of it: the
/// size the file system gives is checked first, and the read itself is bounded (a device such as
/// `/dev/zero`, or a file that grows, says nothing of its size). The parsing is [`parse_plan_bytes`].
pub fn read_plan_file(path: &std::path::Path) -> Result<Plan, PlanFileError> {
    use std::io::Read;
    let io = |e: std::io::Error| PlanFileError::Io { kind: e.kind(), message: sanitize(&e.to_string()) };
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if meta.is_dir() {
        // opening a directory succeeds on Unix; say so before reading it
        return Err(io(std::io::ErrorKind::IsADirectory.into()));
    }
    if meta.len() > MAX_PLAN_BYTES as u64 {
        return Err(PlanFileError::TooLarge { size: Some(meta.len()) });
    }
    let limit = MAX_PLAN_BYTES as u64 + 1;
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() > MAX_PLAN_BYTES {
        return Err(PlanFileError::TooLarge { size: None });
    }
    parse_plan_bytes(&bytes)
}

/// A fresh 8-character bucket suffix, in the workshop's `xxxxxxxx` form (lower-case letters and digits).
pub fn random_bucket_suffix() -> String {
    use rand::Rng;
    const CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut rng = rand::rng();
    (0..8).map(|_| CHARS[rng.random_range(0..CHARS.len())] as char).collect()
}

/// Quotes a user-supplied value for a message: control and format characters (terminal escapes among
/// them, see [`escape`]) are escaped, never echoed raw, and very long values are shortened.
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
            c if needs_escape(c) => out.extend(c.escape_default()),
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
        assert!(e.message.to_string().contains("unknown field `prefx`"), "{e}");
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
    fn nothing_but_white_space_may_follow_the_plan() {
        let plan = Plan::lab("abc12345").to_json_pretty();
        assert_eq!(Plan::from_json(&format!("{plan} \r\n\t")), Ok(Plan::lab("abc12345")));
        for tail in ["x", "{}", ",", "\u{1b}[2J"] {
            let e = Plan::from_json(&format!("{plan}{tail}")).unwrap_err();
            assert_eq!((e.path.as_deref(), e.message.as_text()), (None, Some("trailing characters")), "{tail:?}");
            assert_eq!((e.line, e.column), (plan.lines().count() + 1, 1), "{tail:?}");
        }
    }

    #[test]
    fn top_level_must_be_an_object() {
        let e = Plan::from_json("\n  [\"a\", \"direct_put\"]").unwrap_err();
        assert_eq!((e.line, e.column), (2, 3));
        assert!(e.message.to_string().contains("one JSON object"));
        assert!(
            Plan::from_json("\u{feff}{}").unwrap_err().message.to_string().contains("missing field"),
            "a BOM is tolerated"
        );
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
        assert_eq!(quoted("rtl\u{202e}"), "\"rtl\\u{202e}\"");
    }

    fn file_error(bytes: &[u8]) -> PlanFileError {
        let e = parse_plan_bytes(bytes).unwrap_err();
        let shown = e.to_string();
        assert!(!shown.chars().any(char::is_control), "{shown:?}");
        e
    }

    #[test]
    fn plan_bytes_parse_like_the_text() {
        let plan = Plan::lab("abcd1234");
        assert_eq!(parse_plan_bytes(plan.to_json_pretty().as_bytes()), Ok(plan.clone()));
        let with_bom = format!("\u{feff}{}", plan.to_json_pretty());
        assert_eq!(parse_plan_bytes(with_bom.as_bytes()), Ok(plan), "a byte-order mark is tolerated");
        // a string may hold brackets and escaped control characters
        let text = r#"{"name":"[[{{\"\u001b","source":"direct_put","destination":{"bucket":"b"}}"#;
        assert_eq!(parse_plan_bytes(text.as_bytes()).unwrap().name, "[[{{\"\u{1b}");
    }

    #[test]
    fn too_large_says_the_size_and_the_limit() {
        let big = vec![b' '; 5 * MAX_PLAN_BYTES];
        let e = file_error(&big);
        assert_eq!(e, PlanFileError::TooLarge { size: Some(5_242_880) });
        assert_eq!(e.to_string(), "the file is 5242880 bytes; a plan file is at most 1048576 bytes (1 MiB)");
        assert!(matches!(file_error(&vec![b' '; MAX_PLAN_BYTES]), PlanFileError::Empty), "the limit itself is fine");
        assert_eq!(
            PlanFileError::TooLarge { size: None }.to_string(),
            "the file is more than 1048576 bytes; a plan file is at most 1048576 bytes (1 MiB)"
        );
    }

    #[test]
    fn empty_files() {
        for text in ["", "  \n\t\r\n", "\u{feff}", "\u{feff}\n"] {
            assert_eq!(file_error(text.as_bytes()), PlanFileError::Empty, "{text:?}");
        }
        assert!(PlanFileError::Empty.to_string().contains("one JSON object"));
    }

    #[test]
    fn invalid_utf8_names_offset_line_and_column() {
        let mut bytes = b"{\n  \"name\": \"caf".to_vec();
        bytes.push(0xE9); // Latin-1 é
        bytes.extend_from_slice(b"\"\n}");
        let e = file_error(&bytes);
        assert_eq!(e, PlanFileError::NotUtf8 { offset: 16, byte: 0xE9, line: 2, column: 15 });
        assert_eq!(e.to_string(), "not UTF-8 text (invalid byte at offset 16): byte 0xE9 at line 2, column 15");
        // columns count characters, and not the byte-order mark
        let mut bytes = "\u{feff}{\"name\": \"é".as_bytes().to_vec();
        bytes.push(0xFF);
        assert_eq!(file_error(&bytes), PlanFileError::NotUtf8 { offset: 15, byte: 0xFF, line: 1, column: 12 });
        // a truncated sequence at the very end
        let e = file_error(&[b'{', 0xE2, 0x82]);
        assert_eq!(e, PlanFileError::NotUtf8 { offset: 1, byte: 0xE2, line: 1, column: 2 });
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("{}".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert!(file_error(&utf16).to_string().ends_with("the file looks like UTF-16: save it as UTF-8"));
    }

    #[test]
    fn control_characters_are_named_never_echoed() {
        let e = file_error(b"{\"name\": \"a\",\n \x00}");
        assert_eq!(e, PlanFileError::ControlCharacter { line: 2, column: 2, code: 0 });
        assert_eq!(
            e.to_string(),
            "line 2, column 2: control character U+0000 is not allowed in a plan file (inside a string, write it as \\u0000)"
        );
        let e = file_error(b"{\"name\": \"\x1b[2J\"}");
        assert_eq!(e, PlanFileError::ControlCharacter { line: 1, column: 11, code: 0x1b });
        // tabs, line feeds and carriage returns are white space outside strings; serde refuses them inside
        let e = file_error(b"{\r\n\t\"name\": \"a\tb\"}");
        assert!(matches!(&e, PlanFileError::Parse(p) if p.message.to_string().contains("control character")), "{e}");
    }

    #[test]
    fn escaped_text_of_the_file_is_escaped_in_messages() {
        // an unknown field whose name clears the screen, written with JSON escapes
        let text = r#"{"name":"a","source":"direct_put","destination":{"bucket":"b"},"\u001b[2J\u0007":1}"#;
        let e = file_error(text.as_bytes());
        let PlanFileError::Parse(p) = &e else { panic!("{e:?}") };
        assert_eq!(p.path.as_deref(), Some("\\u{1b}[2J\\u{7}"));
        assert!(
            p.message.to_string().starts_with("unknown field `\\u{1b}[2J\\u{7}`, expected one of"),
            "{}",
            p.message
        );
        // a wrong value in a map echoes the key in the path, and the value in the message
        let text = r#"{"name":"a","source":"direct_put","destination":{"bucket":"b"},
            "settings":{"tags":{"k\n\u009b31m":"\u001b]0;x\u0007", "k\u001b[2J": 5}}}"#;
        let e = file_error(text.as_bytes());
        assert!(e.to_string().contains("settings.tags.k\\u{1b}[2J: invalid type: integer `5`"), "{e}");
        let text = r#"{"name":"a","source":"direct_put","destination":{"bucket":"b"},"settings":{"compression":7}}"#;
        assert!(file_error(text.as_bytes()).to_string().contains("settings.compression: invalid type: integer `7`"));
        let text = r#"{"name":"a","source":"direct_put","destination":{"bucket":"b"},"settings":{"compression":"\u001b","compression":"x"}}"#;
        assert!(file_error(text.as_bytes()).to_string().contains("duplicate field `compression`"));
        let text = r#"{"name":"a","source":{"kinesis_stream\u001b":"x"},"destination":{"bucket":"b"}}"#;
        assert!(file_error(text.as_bytes()).to_string().contains("unknown variant `kinesis_stream\\u{1b}`"));
        // and a huge name is shortened
        let text = format!(r#"{{"name":"a","{}":1}}"#, "x".repeat(100_000));
        let shown = file_error(text.as_bytes()).to_string();
        assert!(shown.len() < 1000 && shown.contains('…'), "{}", shown.len());
    }

    #[test]
    fn deep_nesting_is_refused_before_serde() {
        for (open, close) in [("[", "]"), ("{\"name\":", "}"), ("{\"a\":[", "]}")] {
            let text = format!("{}1{}", open.repeat(10_000), close.repeat(10_000));
            let e = file_error(text.as_bytes());
            assert!(matches!(e, PlanFileError::TooDeep { line: 1, .. }), "{open}: {e:?}");
            assert!(e.to_string().ends_with("nested more than 128 levels deep; a plan is at most 4 levels"), "{e}");
        }
        let e = file_error(format!("{{\"name\":\n{}", "[".repeat(200)).as_bytes());
        assert_eq!(e, PlanFileError::TooDeep { line: 2, column: 128 });
        // brackets in strings do not count
        let text = format!(r#"{{"name":"{}","source":"direct_put","destination":{{"bucket":"b"}}}}"#, "[".repeat(500));
        assert!(parse_plan_bytes(text.as_bytes()).is_ok());
        // 128 levels are left to serde, which refuses the type long before its own limit
        let text = format!("{{\"name\":{}1{}", "[".repeat(127), "]".repeat(127));
        let e = file_error(text.as_bytes());
        assert!(e.to_string().contains("name: invalid type: sequence, expected a string"), "{e}");
        // serde_json's own limit, should it ever be reached, gives the same message
        let serde_depth = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let err = serde_json::from_str::<serde_json::Value>(&serde_depth).unwrap_err();
        assert_eq!(strip_position(&err), "recursion limit exceeded");
    }

    #[test]
    fn serde_columns_count_characters() {
        let e = Plan::from_json("{\"name\": \"한국어\", oops}").unwrap_err();
        assert_eq!((e.line, e.column), (1, 17), "{e}");
    }

    #[test]
    fn read_plan_file_checks_the_size_first() {
        let dir = std::env::temp_dir().join(format!("plan-file-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let e = read_plan_file(&dir).unwrap_err();
        assert!(matches!(&e, PlanFileError::Io { kind: std::io::ErrorKind::IsADirectory, .. }), "{e:?}");
        assert_eq!(e.to_string(), "cannot read the plan file: is a directory");
        let e = read_plan_file(&dir.join("missing.json")).unwrap_err();
        assert!(matches!(&e, PlanFileError::Io { kind: std::io::ErrorKind::NotFound, .. }), "{e:?}");
        assert!(e.to_string().starts_with("cannot read the plan file: No such file"), "{e}");
        let plan_path = dir.join("plan.json");
        std::fs::write(&plan_path, Plan::lab("abcd1234").to_json_pretty()).unwrap();
        assert_eq!(read_plan_file(&plan_path), Ok(Plan::lab("abcd1234")));
        // a sparse 10 GB file: its size says no before a byte is read
        let huge = dir.join("huge.json");
        std::fs::File::create(&huge).unwrap().set_len(10 << 30).unwrap();
        let started = std::time::Instant::now();
        assert_eq!(read_plan_file(&huge), Err(PlanFileError::TooLarge { size: Some(10 << 30) }));
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        std::fs::remove_dir_all(&dir).unwrap();
        // a device says it is empty, and never ends: the read stops after the limit
        if cfg!(target_os = "linux") {
            assert_eq!(read_plan_file(std::path::Path::new("/dev/zero")), Err(PlanFileError::TooLarge { size: None }));
        }
    }
}
