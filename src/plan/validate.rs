//! Whole-plan validation against AWS's rules. One rule, one place: the CLI and the wizard call this.
//! Every problem names the Plan path it belongs to (`destination.prefix`, `settings.role`, ...).

use chrono::{DateTime, Utc};

use super::msg::Msg;
use super::names::{self, Arn};
use super::prefix::{self, EvalContext, Kind};
use super::request::Target;
use super::{
    Deaggregation, DynamicPartitioning, LAB_BUCKET_PLACEHOLDER, Plan, Role, Source, StreamEncryption, StreamMode,
    quoted,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// AWS would reject it (or it would not work): blocks creation.
    Error,
    /// Valid, but probably not what was meant.
    Warning,
}

/// A broken rule: the plan path it belongs to, and what is wrong (a message shown in the reader's
/// language; `error: <path>: <message>` is its `Display`, in `crate::i18n`).
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub path: &'static str,
    pub severity: Severity,
    pub message: Msg,
}

/// The compression formats of `CompressionFormat`, exactly as the API spells them.
pub const COMPRESSION_FORMATS: [&str; 5] = ["UNCOMPRESSED", "GZIP", "ZIP", "Snappy", "HADOOP_SNAPPY"];
pub const BUFFER_SIZE_MIB: std::ops::RangeInclusive<i64> = 1..=128;
pub const BUFFER_INTERVAL_S: std::ops::RangeInclusive<i64> = 0..=900;

/// Lambda processor ranges (https://docs.aws.amazon.com/firehose/latest/dev/data-transformation.html).
pub const LAMBDA_BUFFER_MIB: std::ops::RangeInclusive<f64> = 0.2..=3.0;
pub const LAMBDA_INTERVAL_S: std::ops::RangeInclusive<i64> = 0..=900;
/// Dynamic partitioning's S3 retry duration.
pub const RETRY_DURATION_S: std::ops::RangeInclusive<i64> = 0..=7200;
/// The buffer floors of format conversion and dynamic partitioning.
pub const MIN_BUFFER_MIB_CONVERSION: i64 = 64;
pub const MIN_BUFFER_INTERVAL_DYNAMIC: i64 = 60;
pub const MAX_PARTITION_KEYS: usize = 50;
/// A delivery stream holds at most 50 tags, and firehose-wizard adds its own
/// (`firehose-wizard:journal`, see `cloud::ownership`) to what the plan asks for.
pub const MAX_TAGS: usize = 49;
/// `ProcessorParameter.ParameterValue` is at most this long (the jq query of all keys is one value).
pub const MAX_PARAMETER_VALUE: usize = 5120;

/// Every problem of the plan that can be known without asking AWS.
pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut error = |path, r: Result<(), Msg>| {
        if let Err(message) = r {
            out.push(Problem { path, severity: Severity::Error, message });
        }
    };

    error("name", names::delivery_stream_name(&plan.name));
    match &plan.source {
        Source::DirectPut => {}
        Source::KinesisStream(s) => error("source", names::kinesis_stream_ref(s)),
        Source::NewKinesisStream(n) => {
            error("source", names::kinesis_stream_name(&n.name));
            match (n.mode, n.shards) {
                (StreamMode::Provisioned, None) => error("source.shards", Err(msg!("rule-shards-needed"))),
                (StreamMode::Provisioned, Some(k)) if k < 1 => {
                    error("source.shards", Err(msg!("rule-shards-at-least-one", n = k)))
                }
                (StreamMode::Provisioned, Some(k)) if k > i32::MAX as i64 => {
                    error("source.shards", Err(msg!("rule-shards-too-many", n = k)))
                }
                (StreamMode::OnDemand, Some(_)) => error("source.shards", Err(msg!("rule-shards-on-demand"))),
                _ => {}
            }
        }
    }
    let s = &plan.settings;
    let dest = &plan.destination;
    let dynamic = dest.dynamic_partitioning.as_ref();
    if let Some(l) = &plan.process.lambda {
        error("process.lambda.function_arn", names::lambda_arn(&l.function_arn));
        if let Some(b) = l.buffer_size_mib
            && !LAMBDA_BUFFER_MIB.contains(&b)
        {
            error("process.lambda.buffer_size_mib", Err(msg!("rule-lambda-buffer", value = b.to_string())));
        }
        if let Some(i) = l.buffer_interval_s
            && !LAMBDA_INTERVAL_S.contains(&i)
        {
            error("process.lambda.buffer_interval_s", Err(msg!("rule-lambda-interval", value = i)));
        }
        if let Some(r) = l.retries
            && r < 0
        {
            error("process.lambda.retries", Err(msg!("rule-lambda-retries", value = r)));
        }
    }
    if let Some(c) = &plan.process.format_conversion {
        if !OUTPUT_FORMATS.contains(&c.output.as_str()) {
            error("process.format_conversion.output", Err(msg!("rule-output-format", value = quoted(&c.output))));
        }
        if !INPUT_FORMATS.contains(&c.input.as_str()) {
            error("process.format_conversion.input", Err(msg!("rule-input-format", value = quoted(&c.input))));
        }
        error(
            "process.format_conversion.glue_database",
            names::glue_name(msg!("what-glue-database"), &c.glue_database),
        );
        error("process.format_conversion.glue_table", names::glue_name(msg!("what-glue-table"), &c.glue_table));
        if let Some(r) = &c.glue_region {
            error("process.format_conversion.glue_region", names::region(r));
        }
        if let Some(v) = &c.glue_version {
            error("process.format_conversion.glue_version", names::glue_name(msg!("what-glue-version"), v));
            if v != "LATEST" && !v.chars().all(|c| c.is_ascii_digit()) {
                error("process.format_conversion.glue_version", Err(msg!("rule-glue-version", value = quoted(v))));
            }
        }
        if s.compression != "UNCOMPRESSED" {
            error(
                "settings.compression",
                Err(msg!(
                    "rule-conversion-uncompressed",
                    serializer = if c.output == "orc" { "ORC" } else { "Parquet" },
                    value = quoted(&s.compression)
                )),
            );
        }
        if s.buffer_size_mib < MIN_BUFFER_MIB_CONVERSION {
            error(
                "settings.buffer_size_mib",
                Err(msg!("rule-conversion-buffer", min = MIN_BUFFER_MIB_CONVERSION, value = s.buffer_size_mib)),
            );
        }
    }
    error(
        "destination.bucket",
        if dest.create_bucket {
            names::new_bucket_name(&dest.bucket)
        } else {
            names::existing_bucket_name(&dest.bucket)
        },
    );
    if let Some(d) = dynamic {
        if d.keys.len() > MAX_PARTITION_KEYS {
            error(
                "destination.dynamic_partitioning.keys",
                Err(msg!("rule-partition-keys-count", max = MAX_PARTITION_KEYS, n = d.keys.len())),
            );
        }
        if d.keys.is_empty() && plan.process.lambda.is_none() {
            error("destination.dynamic_partitioning.keys", Err(msg!("rule-partition-keys-none")));
        }
        for (k, e) in &d.keys {
            error("destination.dynamic_partitioning.keys", names::partition_key_name(k));
            error("destination.dynamic_partitioning.keys", names::jq_expression(k, e));
        }
        let query = metadata_query(&d.keys);
        if query.chars().count() > MAX_PARAMETER_VALUE {
            error(
                "destination.dynamic_partitioning.keys",
                Err(msg!("rule-jq-query-length", n = query.chars().count(), max = MAX_PARAMETER_VALUE)),
            );
        }
        if let Some(r) = d.retry_duration_s
            && !RETRY_DURATION_S.contains(&r)
        {
            error("destination.dynamic_partitioning.retry_duration_s", Err(msg!("rule-retry-duration", value = r)));
        }
        if let Some(Deaggregation::Delimited(delim)) = &d.record_deaggregation
            && delim.is_empty()
        {
            error("destination.dynamic_partitioning.record_deaggregation", Err(msg!("rule-delimiter-empty")));
        }
        if s.buffer_size_mib < MIN_BUFFER_MIB_CONVERSION {
            error(
                "settings.buffer_size_mib",
                Err(msg!("rule-partitioning-buffer", min = MIN_BUFFER_MIB_CONVERSION, value = s.buffer_size_mib)),
            );
        }
        if s.buffer_interval_s < MIN_BUFFER_INTERVAL_DYNAMIC {
            error(
                "settings.buffer_interval_s",
                Err(msg!("rule-partitioning-interval", min = MIN_BUFFER_INTERVAL_DYNAMIC, value = s.buffer_interval_s)),
            );
        }
    }
    if let Some(x) = &dest.file_extension {
        error("destination.file_extension", names::file_extension(x));
    }
    if let Some(z) = &dest.time_zone {
        error("destination.time_zone", names::time_zone(z).map(|_| ()));
    }
    if let Some(b) = &dest.backup {
        error("destination.backup.bucket", names::existing_bucket_name(&b.bucket));
        for f in prefix::check(&b.prefix, None, false) {
            let message = match f.kind {
                // rule 3 speaks of the error prefix, which a backup here does not take
                Kind::ErrorPrefix => msg!("rule-backup-prefix-expressions"),
                Kind::Prefix => msg!("rule-backup-prefix", message = f.message),
            };
            if !f.warning {
                error("destination.backup.prefix", Err(message));
            }
        }
    }
    if !BUFFER_SIZE_MIB.contains(&s.buffer_size_mib) {
        error("settings.buffer_size_mib", Err(msg!("rule-buffer-size", value = s.buffer_size_mib)));
    }
    if !BUFFER_INTERVAL_S.contains(&s.buffer_interval_s) {
        error("settings.buffer_interval_s", Err(msg!("rule-buffer-interval", value = s.buffer_interval_s)));
    }
    if !COMPRESSION_FORMATS.contains(&s.compression.as_str()) {
        let formats = COMPRESSION_FORMATS.join(", ");
        let message = match COMPRESSION_FORMATS.iter().find(|f| f.eq_ignore_ascii_case(&s.compression)) {
            Some(f) => msg!("rule-compression-case", value = quoted(&s.compression), formats = formats, meant = *f),
            None => msg!("rule-compression", value = quoted(&s.compression), formats = formats),
        };
        error("settings.compression", Err(message));
    }
    match &s.role {
        Role::Create(name) => error("settings.role", names::role_name(name)),
        Role::Existing(r) => error("settings.role", names::role_ref(r)),
    }
    if let Some(e) = &s.encryption {
        error("settings.encryption", names::kms_key_arn(&e.kms_key_arn));
    }
    match (&s.stream_encryption, &plan.source) {
        (None, _) => {}
        (Some(_), Source::KinesisStream(_) | Source::NewKinesisStream(_)) => {
            error("settings.stream_encryption", Err(msg!("rule-stream-encryption-direct-put")))
        }
        (Some(StreamEncryption::AwsOwned), Source::DirectPut) => {}
        (Some(StreamEncryption::CustomerManaged(k)), Source::DirectPut) => {
            error("settings.stream_encryption", names::kms_key_arn(k))
        }
    }
    if s.tags.len() > MAX_TAGS {
        error("settings.tags", Err(msg!("rule-tags-count-own", max = MAX_TAGS, n = s.tags.len())));
    }
    for (k, v) in &s.tags {
        error("settings.tags", names::tag_key(k));
        error("settings.tags", names::tag_value(k, v));
    }
    for (path, stream, what, used) in [
        ("settings.error_log_stream", &s.error_log_stream, msg!("what-log-stream"), s.error_logging),
        (
            "settings.backup_log_stream",
            &s.backup_log_stream,
            msg!("what-backup-log-stream"),
            s.error_logging && dest.backup.is_some(),
        ),
    ] {
        let Some(stream) = stream else { continue };
        if let Err(message) = names::log_stream_name(what, stream) {
            out.push(Problem { path, severity: Severity::Error, message });
        }
        if !used {
            out.push(Problem { path, severity: Severity::Warning, message: msg!("rule-log-stream-unused") });
        }
    }

    for f in prefix::check(&dest.prefix, dest.error_prefix(), dynamic.is_some()) {
        out.push(Problem {
            path: match f.kind {
                Kind::Prefix => "destination.prefix",
                Kind::ErrorPrefix => "destination.error_prefix",
            },
            severity: if f.warning { Severity::Warning } else { Severity::Error },
            message: f.message,
        });
    }
    if let Some(d) = dynamic {
        dynamic_prefix_rules(plan, d, &mut out);
    }
    if s.add_policy_to_role && matches!(s.role, Role::Create(_)) {
        out.push(Problem {
            path: "settings.add_policy_to_role",
            severity: Severity::Warning,
            message: msg!("rule-add-policy-no-effect"),
        });
    }
    // AWS documents decompression for CloudWatch Logs subscription filters writing to the stream
    // itself (firehose/latest/dev/writing-with-cloudwatch-logs.html); with a Kinesis source it is not
    if plan.process.decompression.is_some() && !matches!(plan.source, Source::DirectPut) {
        out.push(Problem {
            path: "process.decompression",
            severity: Severity::Warning,
            message: msg!("rule-decompression-kinesis"),
        });
    }
    if dest.create_bucket && dest.bucket.ends_with(LAB_BUCKET_PLACEHOLDER) {
        out.push(Problem {
            path: "destination.bucket",
            severity: Severity::Warning,
            message: msg!("rule-bucket-placeholder", placeholder = LAB_BUCKET_PLACEHOLDER),
        });
    }
    out
}

/// The output and input formats of record format conversion, as the plan spells them.
pub const OUTPUT_FORMATS: [&str; 2] = ["parquet", "orc"];
pub const INPUT_FORMATS: [&str; 2] = ["openx_json", "hive_json"];

/// The one jq query that extracts every partition key: `{customer_id:.customer_id,...}`.
pub fn metadata_query(keys: &std::collections::BTreeMap<String, String>) -> String {
    let body: Vec<String> = keys.iter().map(|(k, e)| format!("{k}:{}", e.trim())).collect();
    format!("{{{}}}", body.join(","))
}

/// With dynamic partitioning: both prefixes are required, the prefix must use a partition key, and
/// each key it uses must be defined (by a jq query, or returned by the Lambda).
fn dynamic_prefix_rules(plan: &Plan, d: &DynamicPartitioning, out: &mut Vec<Problem>) {
    let dest = &plan.destination;
    let mut error = |path, message: Msg| out.push(Problem { path, severity: Severity::Error, message });
    if dest.prefix.is_empty() {
        error("destination.prefix", msg!("rule-partitioning-prefix"));
    }
    if dest.error_prefix().is_none() {
        error("destination.error_prefix", msg!("rule-partitioning-error-prefix"));
    }
    let Ok(tokens) = prefix::parse(&dest.prefix) else { return };
    let used: Vec<(bool, &str)> = tokens
        .iter()
        .filter_map(|t| match t {
            prefix::Token::PartitionKey { from_lambda, key } => Some((*from_lambda, key.as_str())),
            _ => None,
        })
        .collect();
    if used.is_empty() && !dest.prefix.is_empty() {
        error("destination.prefix", msg!("rule-partitioning-prefix-keys"));
    }
    for (from_lambda, key) in &used {
        if *from_lambda && plan.process.lambda.is_none() {
            error("destination.prefix", msg!("rule-lambda-key-needs-lambda", key = *key));
        }
        if !*from_lambda && !d.keys.contains_key(*key) {
            error("destination.prefix", msg!("rule-query-key-undefined", key = *key));
        }
    }
    for k in d.keys.keys() {
        if !used.iter().any(|(l, u)| !l && u == k) {
            out.push(Problem {
                path: "destination.dynamic_partitioning.keys",
                severity: Severity::Warning,
                message: msg!("rule-partition-key-unused", key = super::sanitize(k)),
            });
        }
    }
}

/// The problems that need to know where the stream will be created (after STS answered).
pub fn validate_for(plan: &Plan, target: &Target) -> Vec<Problem> {
    let mut out = Vec::new();
    if let Source::KinesisStream(s) = &plan.source
        && let Some(arn) = Arn::parse(s)
    {
        if arn.region != target.region {
            out.push(Problem {
                path: "source",
                severity: Severity::Error,
                message: msg!(
                    "rule-kinesis-region",
                    region = super::sanitize(arn.region),
                    target = target.region.clone()
                ),
            });
        }
        if arn.partition != target.partition {
            out.push(Problem {
                path: "source",
                severity: Severity::Error,
                message: msg!(
                    "rule-kinesis-partition",
                    partition = super::sanitize(arn.partition),
                    target = target.partition.clone()
                ),
            });
        }
    }
    if let Role::Existing(r) = &plan.settings.role
        && let Some(arn) = Arn::parse(r)
    {
        if arn.partition != target.partition {
            out.push(Problem {
                path: "settings.role",
                severity: Severity::Error,
                message: msg!(
                    "rule-role-partition",
                    partition = super::sanitize(arn.partition),
                    target = target.partition.clone()
                ),
            });
        } else if arn.account != target.account {
            out.push(Problem {
                path: "settings.role",
                severity: Severity::Error,
                message: msg!(
                    "rule-role-account",
                    account = super::sanitize(arn.account),
                    target = target.account.clone()
                ),
            });
        }
    }
    let mut other = |path: &'static str, what: Msg, value: &str, same_region: Option<Severity>, why: Msg| {
        let Some(arn) = Arn::parse(value) else { return };
        if arn.partition != target.partition {
            out.push(Problem {
                path,
                severity: Severity::Error,
                message: msg!(
                    "rule-other-partition",
                    what = what,
                    partition = super::sanitize(arn.partition),
                    target = target.partition.clone()
                ),
            });
        } else if let Some(severity) = same_region
            && arn.region != target.region
        {
            out.push(Problem {
                path,
                severity,
                message: msg!(
                    "rule-other-region",
                    what = what,
                    region = super::sanitize(arn.region),
                    target = target.region.clone(),
                    why = why
                ),
            });
        }
    };
    if let Some(l) = &plan.process.lambda {
        other(
            "process.lambda.function_arn",
            msg!("what-lambda-function"),
            &l.function_arn,
            Some(Severity::Warning),
            msg!("why-lambda-region"),
        );
    }
    if let Some(e) = &plan.settings.encryption {
        // a new bucket is created in the stream's Region, and S3 needs a key of the bucket's Region
        let check = plan.destination.create_bucket.then_some(Severity::Error);
        other("settings.encryption", msg!("what-kms-key"), &e.kms_key_arn, check, msg!("why-s3-key-region"));
    }
    if let Some(StreamEncryption::CustomerManaged(k)) = &plan.settings.stream_encryption {
        other(
            "settings.stream_encryption",
            msg!("what-kms-key"),
            k,
            Some(Severity::Error),
            msg!("why-firehose-key-region"),
        );
    }
    out
}

pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(|p| p.severity == Severity::Error)
}

/// Example S3 object keys for both prefixes, as Firehose would write them at `at`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Examples {
    pub prefix: String,
    pub error_prefix: Option<String>,
}

/// The file-name extension Firehose gives an object: the format conversion's, else the compression's.
pub fn default_extension(compression: &str) -> &'static str {
    match compression {
        "GZIP" => ".gz",
        "ZIP" => ".zip",
        "Snappy" => ".snappy",
        "HADOOP_SNAPPY" => ".hsnappy",
        _ => "",
    }
}

/// The extension of the plan's objects: its own `file_extension`, else Firehose's default.
pub fn extension(plan: &Plan) -> &str {
    object_extension(
        plan.destination.file_extension.as_deref(),
        plan.process.format_conversion.as_ref().map(|c| c.output.as_str()),
        &plan.settings.compression,
    )
}

/// The extension Firehose gives an object: the custom one when set, else the format conversion's
/// (`parquet`, `orc`), else the compression's.
pub fn object_extension<'a>(custom: Option<&'a str>, conversion: Option<&str>, compression: &str) -> &'a str {
    if let Some(x) = custom.filter(|x| !x.is_empty()) {
        return x;
    }
    match conversion {
        Some("parquet") => ".parquet",
        Some("orc") => ".orc",
        _ => default_extension(compression),
    }
}

/// Renders the full object keys (`<evaluated prefix><stream>-<version>-<yyyy-MM-dd-HH-mm-ss>-<uuid><ext>`)
/// the plan's prefixes produce at `at`. `None` when a prefix does not parse (validation says why).
pub fn examples(plan: &Plan, at: DateTime<Utc>) -> Option<Examples> {
    examples_with(plan, at, &uuid::Uuid::new_v4().to_string(), None, None)
}

/// [`examples`] with a given object id and random-string sample, for a preview that must stay put
/// while it is redrawn, and a sample record whose values the partition keys take (keys whose jq
/// expression is a plain path like `.customer.id`; others show as `<key>`).
pub fn examples_with(
    plan: &Plan,
    at: DateTime<Utc>,
    object_id: &str,
    random: Option<&str>,
    sample: Option<&serde_json::Value>,
) -> Option<Examples> {
    let keys = plan.destination.dynamic_partitioning.as_ref().map(|d| &d.keys);
    let values = |key: &str| -> Option<String> {
        let expr = keys?.get(key)?;
        sample_value(sample?, expr)
    };
    // the prefix's fields are read in the plan's time zone (the object name stays in UTC)
    let local = prefix::in_zone(at, prefix::zone(plan.destination.time_zone.as_deref()).as_ref());
    let ctx = EvalContext { at: local, error_output_type: "processing-failed", partition_values: &values, random };
    let object = format!("{}-1-{}-{object_id}{}", plan.name, at.format("%Y-%m-%d-%H-%M-%S"), extension(plan));
    let key = |text: &str, kind| -> Option<String> {
        let tokens = prefix::parse(text).ok()?;
        Some(format!("{}{object}", prefix::evaluate(&prefix::effective(&tokens, kind), &ctx)))
    };
    Some(Examples {
        prefix: key(&plan.destination.prefix, Kind::Prefix)?,
        error_prefix: match plan.destination.error_prefix() {
            Some(e) => Some(key(e, Kind::ErrorPrefix)?),
            None => None,
        },
    })
}

/// The value a plain jq path (`.a`, `.a.b`, `.["a b"]`, `.a[0]`) takes in `record`, as Firehose puts it
/// in a key (strings unquoted). `None` for other expressions or a missing value.
pub fn sample_value(record: &serde_json::Value, expr: &str) -> Option<String> {
    use serde_json::Value;
    let mut rest = expr.trim();
    if !rest.starts_with('.') {
        return None;
    }
    let mut v = record;
    while !rest.is_empty() {
        rest = rest.strip_prefix('.').unwrap_or(rest);
        if let Some(r) = rest.strip_prefix('[') {
            let (inner, after) = r.split_once(']')?;
            v = match inner.trim() {
                i if i.starts_with('"') => v.get(serde_json::from_str::<String>(i).ok()?)?,
                i => v.get(i.parse::<usize>().ok()?)?,
            };
            rest = after;
        } else if !rest.is_empty() {
            let end = rest.find(['.', '[']).unwrap_or(rest.len());
            let name = &rest[..end];
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return None;
            }
            v = v.get(name)?;
            rest = &rest[end..];
        }
    }
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Null | Value::Object(_) | Value::Array(_) => None,
        other => Some(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Lambda, Plan};
    use chrono::TimeZone;

    fn lab() -> Plan {
        Plan::lab("12345678")
    }

    fn errors(plan: &Plan) -> Vec<(&'static str, String)> {
        validate(plan)
            .into_iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| (p.path, p.message.to_string()))
            .collect()
    }

    #[test]
    fn lab_plan_is_valid_without_warnings() {
        assert_eq!(validate(&lab()), vec![]);
    }

    #[test]
    fn placeholder_bucket_is_only_a_warning() {
        let p = validate(&Plan::lab(LAB_BUCKET_PLACEHOLDER));
        assert_eq!(p.len(), 1);
        assert_eq!((p[0].path, p[0].severity), ("destination.bucket", Severity::Warning));
    }

    #[test]
    fn each_field_reports_its_own_path() {
        let mut p = lab();
        p.name = "bad name".into();
        p.source = Source::KinesisStream("bad stream!".into());
        p.destination.bucket = "Bad_Bucket".into();
        p.destination.prefix = "x/!{timestamp:YYYY}/".into();
        p.destination.error_prefix = Some("e/!{timestamp:yyyy}/".into());
        p.settings.buffer_size_mib = 129;
        p.settings.buffer_interval_s = -1;
        p.settings.compression = "snappy".into();
        p.settings.role = Role::Create("bad role!".into());
        let paths: Vec<_> = errors(&p).into_iter().map(|(path, _)| path).collect();
        assert_eq!(
            paths,
            vec![
                "name",
                "source",
                "destination.bucket",
                "settings.buffer_size_mib",
                "settings.buffer_interval_s",
                "settings.compression",
                "settings.role",
                "destination.prefix",
                "destination.error_prefix"
            ]
        );
    }

    #[test]
    fn buffer_bounds() {
        for (size, interval, ok) in
            [(1, 0, true), (128, 900, true), (0, 60, false), (129, 60, false), (5, -1, false), (5, 901, false)]
        {
            let mut p = lab();
            p.settings.buffer_size_mib = size;
            p.settings.buffer_interval_s = interval;
            assert_eq!(errors(&p).is_empty(), ok, "{size} {interval}");
        }
    }

    #[test]
    fn compression_is_case_sensitive() {
        for ok in COMPRESSION_FORMATS {
            let mut p = lab();
            p.settings.compression = ok.into();
            assert!(errors(&p).is_empty(), "{ok}");
        }
        let mut p = lab();
        p.settings.compression = "SNAPPY".into();
        let e = errors(&p);
        assert!(e[0].1.contains("did you mean Snappy?"), "{e:?}");
        p.settings.compression = "ZIPX".into();
        assert!(errors(&p)[0].1.contains("is not a compression format"));
    }

    #[test]
    fn existing_bucket_uses_the_looser_rule() {
        let mut p = lab();
        p.destination.bucket = "Legacy_Bucket".into();
        p.destination.create_bucket = false;
        assert!(errors(&p).is_empty());
        p.destination.create_bucket = true;
        assert_eq!(errors(&p)[0].0, "destination.bucket");
    }

    #[test]
    fn existing_role_by_arn() {
        let mut p = lab();
        p.settings.role = Role::Existing("arn:aws:iam::123456789012:role/service-role/x".into());
        assert!(errors(&p).is_empty());
        p.settings.role = Role::Existing("arn:aws:iam::123456789012:user/x".into());
        assert_eq!(errors(&p)[0].0, "settings.role");
    }

    #[test]
    fn lambda_transform_is_checked_field_by_field() {
        let mut p = lab();
        p.process.lambda = Some(Lambda {
            function_arn: "arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST".into(),
            buffer_size_mib: Some(0.2),
            buffer_interval_s: Some(900),
            retries: Some(0),
        });
        assert_eq!(errors(&p), vec![]);
        let l = p.process.lambda.as_mut().unwrap();
        l.function_arn = "arn:aws:lambda:us-east-1:123456789012:fn:f".into();
        l.buffer_size_mib = Some(3.5);
        let paths: Vec<_> = errors(&p).into_iter().map(|(path, _)| path).collect();
        assert_eq!(paths, vec!["process.lambda.function_arn", "process.lambda.buffer_size_mib"]);
    }

    #[test]
    fn target_checks() {
        let t = Target { account: "123456789012".into(), region: "us-east-1".into(), partition: "aws".into() };
        let mut p = lab();
        assert!(validate_for(&p, &t).is_empty());
        p.source = Source::KinesisStream("arn:aws:kinesis:eu-west-1:123456789012:stream/retail-trans".into());
        let e = validate_for(&p, &t);
        assert_eq!(e[0].path, "source");
        assert!(e[0].message.to_string().contains("--region eu-west-1"));
        p.source = Source::DirectPut;
        p.settings.role = Role::Existing("arn:aws-cn:iam::123456789012:role/x".into());
        assert_eq!(validate_for(&p, &t)[0].path, "settings.role");
        p.settings.role = Role::Existing("arn:aws:iam::999999999999:role/x".into());
        assert!(validate_for(&p, &t)[0].message.to_string().contains("in account 999999999999"));
        p.settings.role = Role::Existing("arn:aws:iam::123456789012:role/x".into());
        assert!(validate_for(&p, &t).is_empty());
    }

    #[test]
    fn example_keys_of_the_lab() {
        let at = Utc.with_ymd_and_hms(2026, 11, 26, 7, 5, 9).unwrap();
        let mut p = lab();
        let ex = examples(&p, at).unwrap();
        let uuid = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
        let re = regex_lite::Regex::new(&format!(
            "^json-data/year=2026/month=11/day=26/hour=07/retail-trans-1-2026-11-26-07-05-09-{uuid}$"
        ))
        .unwrap();
        assert!(re.is_match(&ex.prefix), "{}", ex.prefix);
        let re = regex_lite::Regex::new(&format!(
            "^error-json/year=2026/month=11/day=26/hour=07/processing-failedretail-trans-1-2026-11-26-07-05-09-{uuid}$"
        ))
        .unwrap();
        assert!(re.is_match(ex.error_prefix.as_deref().unwrap()), "{:?}", ex.error_prefix);
        p.settings.compression = "GZIP".into();
        p.destination.error_prefix = None;
        p.destination.prefix = String::new();
        let ex = examples(&p, at).unwrap();
        assert!(ex.prefix.starts_with("2026/11/26/07/retail-trans-1-") && ex.prefix.ends_with(".gz"), "{}", ex.prefix);
        assert_eq!(ex.error_prefix, None);
        p.destination.prefix = "!{bad".into();
        assert_eq!(examples(&p, at), None);
    }
}
