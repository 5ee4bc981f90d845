//! Whole-plan validation against AWS's rules. One rule, one place: the CLI and the wizard call this.
//! Every problem names the Plan path it belongs to (`destination.prefix`, `settings.role`, ...).

use chrono::{DateTime, Utc};

use super::names::{self, Arn};
use super::prefix::{self, EvalContext, Kind};
use super::request::Target;
use super::{LAB_BUCKET_PLACEHOLDER, Plan, Role, Source, quoted};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// AWS would reject it (or it would not work): blocks creation.
    Error,
    /// Valid, but probably not what was meant.
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub path: &'static str,
    pub severity: Severity,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{level}: {}: {}", self.path, self.message)
    }
}

/// The compression formats of `CompressionFormat`, exactly as the API spells them.
pub const COMPRESSION_FORMATS: [&str; 5] = ["UNCOMPRESSED", "GZIP", "ZIP", "Snappy", "HADOOP_SNAPPY"];
pub const BUFFER_SIZE_MIB: std::ops::RangeInclusive<i64> = 1..=128;
pub const BUFFER_INTERVAL_S: std::ops::RangeInclusive<i64> = 0..=900;

/// Every problem of the plan that can be known without asking AWS.
pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut error = |path, r: Result<(), String>| {
        if let Err(message) = r {
            out.push(Problem { path, severity: Severity::Error, message });
        }
    };

    error("name", names::delivery_stream_name(&plan.name));
    if let Source::KinesisStream(s) = &plan.source {
        error("source", names::kinesis_stream_ref(s));
    }
    if plan.process.lambda.is_some() {
        error(
            "process.lambda",
            Err("the Lambda transform cannot be created by this version of firehose-wizard; set it to null".into()),
        );
    }
    if plan.process.format_conversion.is_some() {
        error(
            "process.format_conversion",
            Err("record format conversion cannot be created by this version of firehose-wizard; set it to null".into()),
        );
    }
    let dest = &plan.destination;
    error(
        "destination.bucket",
        if dest.create_bucket {
            names::new_bucket_name(&dest.bucket)
        } else {
            names::existing_bucket_name(&dest.bucket)
        },
    );
    let s = &plan.settings;
    if !BUFFER_SIZE_MIB.contains(&s.buffer_size_mib) {
        error(
            "settings.buffer_size_mib",
            Err(format!("the buffer size must be 1–128 MiB; it is {}", s.buffer_size_mib)),
        );
    }
    if !BUFFER_INTERVAL_S.contains(&s.buffer_interval_s) {
        error(
            "settings.buffer_interval_s",
            Err(format!("the buffer interval must be 0–900 seconds; it is {}", s.buffer_interval_s)),
        );
    }
    if !COMPRESSION_FORMATS.contains(&s.compression.as_str()) {
        let hint = COMPRESSION_FORMATS
            .iter()
            .find(|f| f.eq_ignore_ascii_case(&s.compression))
            .map(|f| format!(" (names are case-sensitive: did you mean {f}?)"))
            .unwrap_or_default();
        error(
            "settings.compression",
            Err(format!(
                "{} is not a compression format; use one of {}{hint}",
                quoted(&s.compression),
                COMPRESSION_FORMATS.join(", ")
            )),
        );
    }
    match &s.role {
        Role::Create(name) => error("settings.role", names::role_name(name)),
        Role::Existing(r) => error("settings.role", names::role_ref(r)),
    }

    for f in prefix::check(&dest.prefix, dest.error_prefix(), false) {
        out.push(Problem {
            path: match f.kind {
                Kind::Prefix => "destination.prefix",
                Kind::ErrorPrefix => "destination.error_prefix",
            },
            severity: if f.warning { Severity::Warning } else { Severity::Error },
            message: f.message,
        });
    }
    if dest.create_bucket && dest.bucket.ends_with(LAB_BUCKET_PLACEHOLDER) {
        out.push(Problem {
            path: "destination.bucket",
            severity: Severity::Warning,
            message: format!(
                "still ends with the workshop's placeholder {LAB_BUCKET_PLACEHOLDER}; bucket names are global, so make it your own (`firehose-wizard init --lab` writes a plan with a random suffix)"
            ),
        });
    }
    out
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
                message: format!(
                    "the Kinesis stream is in {}, but the delivery stream would be created in {}; Firehose reads only streams of its own Region (use --region {})",
                    arn.region, target.region, arn.region
                ),
            });
        }
        if arn.partition != target.partition {
            out.push(Problem {
                path: "source",
                severity: Severity::Error,
                message: format!(
                    "the Kinesis stream ARN is in partition {}, but these credentials are in {}",
                    arn.partition, target.partition
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
                message: format!(
                    "the role ARN is in partition {}, but these credentials are in {}",
                    arn.partition, target.partition
                ),
            });
        } else if arn.account != target.account {
            out.push(Problem {
                path: "settings.role",
                severity: Severity::Error,
                message: format!(
                    "the role is in account {}, but the stream would be created in account {}; Firehose needs a role of its own account",
                    arn.account, target.account
                ),
            });
        }
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

/// The file-name extension Firehose gives an object for a compression format.
pub fn default_extension(compression: &str) -> &'static str {
    match compression {
        "GZIP" => ".gz",
        "ZIP" => ".zip",
        "Snappy" => ".snappy",
        "HADOOP_SNAPPY" => ".hsnappy",
        _ => "",
    }
}

/// Renders the full object keys (`<evaluated prefix><stream>-<version>-<yyyy-MM-dd-HH-mm-ss>-<uuid><ext>`)
/// the plan's prefixes produce at `at`. `None` when a prefix does not parse (validation says why).
pub fn examples(plan: &Plan, at: DateTime<Utc>) -> Option<Examples> {
    examples_with(plan, at, &uuid::Uuid::new_v4().to_string(), None)
}

/// [`examples`] with a given object id and random-string sample, for a preview that must stay put
/// while it is redrawn.
pub fn examples_with(plan: &Plan, at: DateTime<Utc>, object_id: &str, random: Option<&str>) -> Option<Examples> {
    let no_keys = |_: &str| None;
    let ctx = EvalContext { at, error_output_type: "processing-failed", partition_values: &no_keys, random };
    let object = format!(
        "{}-1-{}-{object_id}{}",
        plan.name,
        at.format("%Y-%m-%d-%H-%M-%S"),
        default_extension(&plan.settings.compression)
    );
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Lambda, Plan};
    use chrono::TimeZone;

    fn lab() -> Plan {
        Plan::lab("12345678")
    }

    fn errors(plan: &Plan) -> Vec<(&'static str, String)> {
        validate(plan).into_iter().filter(|p| p.severity == Severity::Error).map(|p| (p.path, p.message)).collect()
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
    fn processing_options_are_refused_rather_than_ignored() {
        let mut p = lab();
        p.process.lambda = Some(Lambda {
            function_arn: "arn:aws:lambda:us-east-1:123456789012:function:f:$LATEST".into(),
            buffer_size_mib: None,
            buffer_interval_s: None,
            retries: None,
        });
        assert_eq!(errors(&p)[0].0, "process.lambda");
    }

    #[test]
    fn target_checks() {
        let t = Target { account: "123456789012".into(), region: "us-east-1".into(), partition: "aws".into() };
        let mut p = lab();
        assert!(validate_for(&p, &t).is_empty());
        p.source = Source::KinesisStream("arn:aws:kinesis:eu-west-1:123456789012:stream/retail-trans".into());
        let e = validate_for(&p, &t);
        assert_eq!(e[0].path, "source");
        assert!(e[0].message.contains("--region eu-west-1"));
        p.source = Source::DirectPut;
        p.settings.role = Role::Existing("arn:aws-cn:iam::123456789012:role/x".into());
        assert_eq!(validate_for(&p, &t)[0].path, "settings.role");
        p.settings.role = Role::Existing("arn:aws:iam::999999999999:role/x".into());
        assert!(validate_for(&p, &t)[0].message.contains("in account 999999999999"));
        p.settings.role = Role::Existing("arn:aws:iam::123456789012:role/x".into());
        assert!(validate_for(&p, &t).is_empty());
    }

    #[test]
    fn example_keys_of_the_lab() {
        let at = Utc.with_ymd_and_hms(2026, 11, 26, 7, 5, 9).unwrap();
        let mut p = lab();
        let ex = examples(&p, at).unwrap();
        let uuid = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
        let re = regex::Regex::new(&format!(
            "^json-data/year=2026/month=11/day=26/hour=07/retail-trans-1-2026-11-26-07-05-09-{uuid}$"
        ))
        .unwrap();
        assert!(re.is_match(&ex.prefix), "{}", ex.prefix);
        let re = regex::Regex::new(&format!(
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
