//! The console-parity options of the Plan, without AWS: validation (one change from the lab plan per
//! case, each asserting the Problem's exact path and a keyword of its message), examples, the IAM
//! policy and the policy simulator, the CreateDeliveryStream request JSON, and the plan file format.

use std::collections::BTreeMap;

use chrono::{TimeZone, Utc};
use firehose_wizard::plan::policy::{missing_permissions, permissions_policy};
use firehose_wizard::plan::request::{Resolved, Target, build, log_group, log_streams, to_json};
use firehose_wizard::plan::validate::{
    Problem, Severity, examples_with, extension, metadata_query, sample_value, validate, validate_for,
};
use firehose_wizard::plan::{
    Backup, Deaggregation, DynamicPartitioning, Encryption, FormatConversion, Lambda, NewStream, Plan, Source,
    StreamEncryption, StreamMode,
};
use serde_json::{Value, json};

const LAMBDA_ARN: &str = "arn:aws:lambda:us-east-1:123456789012:function:transform";
const KEY_ARN: &str = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const ALIAS_ARN: &str = "arn:aws:kms:us-east-1:123456789012:alias/my-key";
const STREAM_ARN: &str = "arn:aws:kinesis:us-east-1:123456789012:stream/retail-trans";
const DP_PREFIX: &str = "customer_id=!{partitionKeyFromQuery:customer_id}/";
const DP_ERROR_PREFIX: &str = "errors/!{firehose:error-output-type}/";

fn lab() -> Plan {
    Plan::lab("12345678")
}

fn target() -> Target {
    Target { account: "123456789012".into(), region: "us-east-1".into(), partition: "aws".into() }
}

fn lambda(arn: &str) -> Lambda {
    Lambda { function_arn: arn.into(), buffer_size_mib: None, buffer_interval_s: None, retries: None }
}

fn with_lambda(l: Lambda) -> Plan {
    let mut p = lab();
    p.process.lambda = Some(l);
    p
}

fn conversion() -> FormatConversion {
    FormatConversion {
        output: "parquet".into(),
        input: "openx_json".into(),
        glue_database: "db".into(),
        glue_table: "t".into(),
        glue_region: None,
        glue_version: None,
    }
}

/// The lab plan with format conversion and the buffer it needs.
fn with_conversion(c: FormatConversion) -> Plan {
    let mut p = lab();
    p.process.format_conversion = Some(c);
    p.settings.buffer_size_mib = 128;
    p
}

fn keys(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn partitioning(k: BTreeMap<String, String>) -> DynamicPartitioning {
    DynamicPartitioning { keys: k, new_line_delimiter: false, record_deaggregation: None, retry_duration_s: None }
}

/// The lab plan with dynamic partitioning on customer_id, both prefixes and the buffer it needs: valid.
fn dynamic() -> Plan {
    let mut p = lab();
    p.destination.dynamic_partitioning = Some(partitioning(keys(&[("customer_id", ".customer_id")])));
    p.destination.prefix = DP_PREFIX.into();
    p.destination.error_prefix = Some(DP_ERROR_PREFIX.into());
    p.settings.buffer_size_mib = 64;
    p.settings.buffer_interval_s = 60;
    p
}

fn dp(p: &mut Plan) -> &mut DynamicPartitioning {
    p.destination.dynamic_partitioning.as_mut().unwrap()
}

fn direct_put() -> Plan {
    let mut p = lab();
    p.source = Source::DirectPut;
    p
}

fn show(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("\n  {p}")).collect()
}

#[track_caller]
fn assert_clean(plan: &Plan) {
    let problems = validate(plan);
    assert!(problems.is_empty(), "expected no problems, got:{}", show(&problems));
}

#[track_caller]
fn assert_no_errors(plan: &Plan) {
    let problems = validate(plan);
    assert!(!problems.iter().any(|p| p.severity == Severity::Error), "expected no errors, got:{}", show(&problems));
}

#[track_caller]
fn assert_problem(problems: &[Problem], severity: Severity, path: &str, keyword: &str) {
    assert!(
        problems.iter().any(|p| p.severity == severity && p.path == path && p.message.to_string().contains(keyword)),
        "expected {severity:?} at {path} containing {keyword:?}, got:{}",
        show(problems)
    );
}

#[track_caller]
fn assert_error(plan: &Plan, path: &str, keyword: &str) {
    assert_problem(&validate(plan), Severity::Error, path, keyword);
}

#[track_caller]
fn assert_warning(plan: &Plan, path: &str, keyword: &str) {
    assert_problem(&validate(plan), Severity::Warning, path, keyword);
}

#[track_caller]
fn assert_no_problem_at(plan: &Plan, path: &str) {
    let problems = validate(plan);
    assert!(!problems.iter().any(|p| p.path == path), "expected nothing at {path}, got:{}", show(&problems));
}

// ---------------------------------------------------------------------------------------------
// 1. Lambda

#[test]
fn lab_plan_is_the_clean_baseline() {
    assert_clean(&lab());
    assert!(validate_for(&lab(), &target()).is_empty());
}

#[test]
fn lambda_arn_forms_the_console_uses_are_valid() {
    for arn in [
        format!("{LAMBDA_ARN}:$LATEST"),
        format!("{LAMBDA_ARN}:7"),
        format!("{LAMBDA_ARN}:prod-alias_1"),
        LAMBDA_ARN.to_owned(),
        format!("arn:aws:lambda:us-east-1:123456789012:function:{}", "f".repeat(64)),
    ] {
        assert_clean(&with_lambda(lambda(&arn)));
    }
}

#[test]
fn bad_lambda_arns_are_errors() {
    for arn in [
        "not-an-arn",
        "arn:aws:lambda:us-east-1:123456789012:function",
        "arn:aws:lambda:us-east-1:12345:function:f",
        "arn:aws:lambda:us-east-1:123456789012:layer:f",
        "arn:aws:lambda:us-east-1:123456789012:function:f:$latest:x",
    ] {
        assert_error(&with_lambda(lambda(arn)), "process.lambda.function_arn", "not a Lambda function ARN");
    }
    let long = format!("arn:aws:lambda:us-east-1:123456789012:function:{}", "f".repeat(65));
    assert_error(&with_lambda(lambda(&long)), "process.lambda.function_arn", "1–64");
    assert_error(&with_lambda(lambda(&format!("{long}:$LATEST"))), "process.lambda.function_arn", "1–64");
}

#[test]
fn lambda_buffer_size_is_0_2_to_3_mib() {
    for ok in [0.2, 0.5, 1.0, 3.0] {
        assert_clean(&with_lambda(Lambda { buffer_size_mib: Some(ok), ..lambda(LAMBDA_ARN) }));
    }
    for bad in [0.1, 3.5, -1.0, 0.0] {
        assert_error(
            &with_lambda(Lambda { buffer_size_mib: Some(bad), ..lambda(LAMBDA_ARN) }),
            "process.lambda.buffer_size_mib",
            "0.2–3 MiB",
        );
    }
}

#[test]
fn lambda_buffer_interval_is_0_to_900_s() {
    for ok in [0, 60, 900] {
        assert_clean(&with_lambda(Lambda { buffer_interval_s: Some(ok), ..lambda(LAMBDA_ARN) }));
    }
    for bad in [-1, 901] {
        assert_error(
            &with_lambda(Lambda { buffer_interval_s: Some(bad), ..lambda(LAMBDA_ARN) }),
            "process.lambda.buffer_interval_s",
            "0–900",
        );
    }
}

#[test]
fn lambda_retries_must_not_be_negative() {
    for ok in [0, 3, 300] {
        assert_clean(&with_lambda(Lambda { retries: Some(ok), ..lambda(LAMBDA_ARN) }));
    }
    assert_error(
        &with_lambda(Lambda { retries: Some(-1), ..lambda(LAMBDA_ARN) }),
        "process.lambda.retries",
        "0 or more",
    );
}

#[test]
fn lambda_of_another_region_is_a_warning_for_the_target() {
    let same = with_lambda(lambda(&format!("{LAMBDA_ARN}:$LATEST")));
    assert!(validate_for(&same, &target()).is_empty());
    let other = with_lambda(lambda("arn:aws:lambda:eu-west-1:123456789012:function:transform:$LATEST"));
    let problems = validate_for(&other, &target());
    assert_problem(&problems, Severity::Warning, "process.lambda.function_arn", "eu-west-1");
    assert!(problems.iter().all(|p| p.severity == Severity::Warning), "{}", show(&problems));
    let other_partition = with_lambda(lambda("arn:aws-cn:lambda:cn-north-1:123456789012:function:transform"));
    assert_problem(
        &validate_for(&other_partition, &target()),
        Severity::Error,
        "process.lambda.function_arn",
        "partition",
    );
}

// ---------------------------------------------------------------------------------------------
// 2. Format conversion

#[test]
fn conversion_formats() {
    for (output, input) in
        [("parquet", "openx_json"), ("orc", "hive_json"), ("parquet", "hive_json"), ("orc", "openx_json")]
    {
        assert_clean(&with_conversion(FormatConversion { output: output.into(), input: input.into(), ..conversion() }));
    }
    for bad in ["json", "Parquet", "avro", ""] {
        assert_error(
            &with_conversion(FormatConversion { output: bad.into(), ..conversion() }),
            "process.format_conversion.output",
            "not an output format",
        );
    }
    for bad in ["json", "OpenX_JSON", "csv", ""] {
        assert_error(
            &with_conversion(FormatConversion { input: bad.into(), ..conversion() }),
            "process.format_conversion.input",
            "not an input format",
        );
    }
}

#[test]
fn glue_names_take_no_white_space() {
    assert_error(
        &with_conversion(FormatConversion { glue_database: "my db".into(), ..conversion() }),
        "process.format_conversion.glue_database",
        "white space",
    );
    assert_error(
        &with_conversion(FormatConversion { glue_table: "t\tx".into(), ..conversion() }),
        "process.format_conversion.glue_table",
        "white space",
    );
    assert_error(
        &with_conversion(FormatConversion { glue_table: String::new(), ..conversion() }),
        "process.format_conversion.glue_table",
        "required",
    );
}

#[test]
fn glue_region_and_version() {
    assert_clean(&with_conversion(FormatConversion { glue_region: Some("us-east-1".into()), ..conversion() }));
    assert_clean(&with_conversion(FormatConversion { glue_region: Some("us-gov-west-1".into()), ..conversion() }));
    for bad in ["US_EAST", "us-east", "useast1"] {
        assert_error(
            &with_conversion(FormatConversion { glue_region: Some(bad.into()), ..conversion() }),
            "process.format_conversion.glue_region",
            "not a Region name",
        );
    }
    for ok in ["LATEST", "3", "0"] {
        assert_clean(&with_conversion(FormatConversion { glue_version: Some(ok.into()), ..conversion() }));
    }
    for bad in ["v3", "latest", "3.1"] {
        assert_error(
            &with_conversion(FormatConversion { glue_version: Some(bad.into()), ..conversion() }),
            "process.format_conversion.glue_version",
            "not a table version",
        );
    }
}

#[test]
fn conversion_needs_uncompressed_and_64_mib() {
    let mut p = with_conversion(conversion());
    p.settings.compression = "GZIP".into();
    assert_error(&p, "settings.compression", "UNCOMPRESSED");
    assert_error(&p, "settings.compression", "Parquet");
    let mut p = with_conversion(FormatConversion { output: "orc".into(), ..conversion() });
    p.settings.compression = "Snappy".into();
    assert_error(&p, "settings.compression", "ORC");

    let mut p = with_conversion(conversion());
    p.settings.buffer_size_mib = 63;
    assert_error(&p, "settings.buffer_size_mib", "at least 64");
    p.settings.buffer_size_mib = 64;
    assert_clean(&p);
}

// ---------------------------------------------------------------------------------------------
// 3. Dynamic partitioning

#[test]
fn dynamic_partitioning_baseline_is_valid() {
    assert_clean(&dynamic());
}

#[test]
fn at_most_50_partition_keys() {
    let mut p = dynamic();
    for i in 0..49 {
        dp(&mut p).keys.insert(format!("k{i}"), format!(".k{i}"));
    }
    assert_eq!(dp(&mut p).keys.len(), 50);
    assert_no_errors(&p);
    dp(&mut p).keys.insert("k49".into(), ".k49".into());
    assert_error(&p, "destination.dynamic_partitioning.keys", "at most 50");
}

#[test]
fn empty_keys_need_a_lambda() {
    let mut p = dynamic();
    dp(&mut p).keys.clear();
    p.destination.prefix = "x=!{partitionKeyFromLambda:x}/".into();
    assert_error(&p, "destination.dynamic_partitioning.keys", "at least one partition key");
    assert_error(&p, "destination.prefix", "needs a Lambda transform");

    p.process.lambda = Some(lambda(LAMBDA_ARN));
    assert_clean(&p);
}

#[test]
fn partition_key_names_are_jq_key_names() {
    for ok in ["customer_id", "_x", "A9"] {
        let mut p = dynamic();
        dp(&mut p).keys = keys(&[(ok, ".customer_id")]);
        p.destination.prefix = format!("{ok}=!{{partitionKeyFromQuery:{ok}}}/");
        assert_clean(&p);
    }
    for bad in ["1abc", "a-b", "a b", ""] {
        let mut p = dynamic();
        dp(&mut p).keys.insert(bad.into(), ".a".into());
        assert_error(&p, "destination.dynamic_partitioning.keys", "jq key name");
    }
}

#[test]
fn jq_expressions_are_checked() {
    for ok in [".customer_id", ".a.b[0]", ".[\"a b\"]", "(.a | tostring)", ".a // \"x)\""] {
        let mut p = dynamic();
        dp(&mut p).keys = keys(&[("customer_id", ok)]);
        assert_clean(&p);
    }
    for (bad, keyword) in
        [("", "is empty"), ("   ", "is empty"), ("(.a", "unclosed"), ("\"abc", "not closed"), (".a]", "unmatched")]
    {
        let mut p = dynamic();
        dp(&mut p).keys = keys(&[("customer_id", bad)]);
        assert_error(&p, "destination.dynamic_partitioning.keys", keyword);
    }
}

#[test]
fn prefix_must_use_defined_partition_keys() {
    let mut p = dynamic();
    p.destination.prefix = "data/!{timestamp:yyyy}/".into();
    assert_error(&p, "destination.prefix", "at least one partition key");

    let mut p = dynamic();
    p.destination.prefix = format!("{DP_PREFIX}other=!{{partitionKeyFromQuery:other}}/");
    assert_error(&p, "destination.prefix", "no partition key named other");

    let mut p = dynamic();
    p.destination.prefix = String::new();
    assert_error(&p, "destination.prefix", "required with dynamic partitioning");
}

#[test]
fn unused_key_is_a_warning() {
    let mut p = dynamic();
    dp(&mut p).keys.insert("region".into(), ".region".into());
    assert_no_errors(&p);
    assert_warning(&p, "destination.dynamic_partitioning.keys", "region is not used");
}

#[test]
fn dynamic_partitioning_needs_an_error_prefix() {
    for none in [None, Some(String::new())] {
        let mut p = dynamic();
        p.destination.error_prefix = none;
        assert_error(&p, "destination.error_prefix", "required");
    }
}

#[test]
fn dynamic_partitioning_buffer_floors() {
    let mut p = dynamic();
    p.settings.buffer_size_mib = 63;
    assert_error(&p, "settings.buffer_size_mib", "dynamic partitioning");
    let mut p = dynamic();
    p.settings.buffer_interval_s = 59;
    assert_error(&p, "settings.buffer_interval_s", "at least 60");
    let mut p = dynamic();
    p.settings.buffer_size_mib = 128;
    p.settings.buffer_interval_s = 900;
    assert_clean(&p);
}

#[test]
fn retry_duration_is_0_to_7200_s() {
    for ok in [0, 300, 7200] {
        let mut p = dynamic();
        dp(&mut p).retry_duration_s = Some(ok);
        assert_clean(&p);
    }
    for bad in [-1, 7201] {
        let mut p = dynamic();
        dp(&mut p).retry_duration_s = Some(bad);
        assert_error(&p, "destination.dynamic_partitioning.retry_duration_s", "0–7200");
    }
}

#[test]
fn deaggregation_delimiter_must_not_be_empty() {
    for ok in [Deaggregation::Json, Deaggregation::Delimited("####".into())] {
        let mut p = dynamic();
        dp(&mut p).record_deaggregation = Some(ok);
        assert_clean(&p);
    }
    let mut p = dynamic();
    dp(&mut p).record_deaggregation = Some(Deaggregation::Delimited(String::new()));
    assert_error(&p, "destination.dynamic_partitioning.record_deaggregation", "must not be empty");
}

#[test]
fn partition_keys_need_dynamic_partitioning() {
    let mut p = lab();
    p.destination.prefix = DP_PREFIX.into();
    assert_error(&p, "destination.prefix", "need dynamic partitioning");
    let mut p = lab();
    p.destination.prefix = "x=!{partitionKeyFromLambda:x}/".into();
    p.process.lambda = Some(lambda(LAMBDA_ARN));
    assert_error(&p, "destination.prefix", "need dynamic partitioning");
}

#[test]
fn metadata_query_joins_the_keys() {
    assert_eq!(metadata_query(&keys(&[("customer_id", " .customer_id ")])), "{customer_id:.customer_id}");
    assert_eq!(metadata_query(&keys(&[("b", ".y"), ("a", ".x")])), "{a:.x,b:.y}");
}

// ---------------------------------------------------------------------------------------------
// 4. File extension and time zone

#[test]
fn file_extensions() {
    for ok in [".json.gz", ".parquet", ".a-b_c!*'()", &format!(".{}", "a".repeat(127))] {
        let mut p = lab();
        p.destination.file_extension = Some(ok.to_owned());
        assert_clean(&p);
    }
    for (bad, keyword) in [("json", "start with '.'"), (".JSON", "lower-case"), (".a b", "not a file extension")] {
        let mut p = lab();
        p.destination.file_extension = Some(bad.into());
        assert_error(&p, "destination.file_extension", keyword);
    }
    let mut p = lab();
    p.destination.file_extension = Some(format!(".{}", "a".repeat(128)));
    assert_error(&p, "destination.file_extension", "0–128");
}

/// `FileExtension` is 0–128 characters (`^$|\.[0-9a-z!\-_.*'()]+`): an empty one is Firehose's default.
#[test]
fn empty_file_extension_counts_as_unset() {
    let mut p = lab();
    p.destination.file_extension = Some(String::new());
    assert_no_problem_at(&p, "destination.file_extension");
}

#[test]
fn time_zones() {
    for ok in ["Asia/Seoul", "America/New_York", "UTC", "Europe/Paris"] {
        let mut p = lab();
        p.destination.time_zone = Some(ok.into());
        assert_clean(&p);
    }
    for (bad, keyword) in [
        ("Mars/Base", "not an IANA time zone"),
        ("asia/seoul", "not an IANA time zone"),
        ("Etc/GMT+9", "letters, '/' and '_' only"),
        ("", "required"),
    ] {
        let mut p = lab();
        p.destination.time_zone = Some(bad.into());
        assert_error(&p, "destination.time_zone", keyword);
    }
}

#[test]
fn examples_read_the_prefix_in_the_time_zone_and_use_the_extension() {
    let at = Utc.with_ymd_and_hms(2026, 11, 26, 23, 30, 0).unwrap();
    let mut p = lab();
    p.destination.time_zone = Some("Asia/Seoul".into());
    p.destination.prefix = "!{timestamp:yyyy/MM/dd/HH}/".into();
    p.destination.file_extension = Some(".json.gz".into());
    assert_eq!(extension(&p), ".json.gz");
    let ex = examples_with(&p, at, "ID", Some("RND"), None).unwrap();
    assert!(ex.prefix.starts_with("2026/11/27/08/"), "{}", ex.prefix);
    // the object name itself stays in UTC
    assert_eq!(ex.prefix, "2026/11/27/08/retail-trans-1-2026-11-26-23-30-00-ID.json.gz");
    assert!(ex.error_prefix.unwrap().starts_with("error-json/year=2026/month=11/day=27/hour=08/processing-failed"));

    p.destination.time_zone = None;
    let ex = examples_with(&p, at, "ID", None, None).unwrap();
    assert!(ex.prefix.starts_with("2026/11/26/23/"), "{}", ex.prefix);
}

#[test]
fn default_extensions() {
    let mut p = lab();
    assert_eq!(extension(&p), "");
    p.settings.compression = "GZIP".into();
    assert_eq!(extension(&p), ".gz");
    let p = with_conversion(conversion());
    assert_eq!(extension(&p), ".parquet");
    let p = with_conversion(FormatConversion { output: "orc".into(), ..conversion() });
    assert_eq!(extension(&p), ".orc");
}

// ---------------------------------------------------------------------------------------------
// 5. Sample records

#[test]
fn examples_take_partition_values_from_a_sample_record() {
    let at = Utc.with_ymd_and_hms(2026, 11, 26, 23, 30, 0).unwrap();
    let sample = json!({"customer_id":"C42","a":{"b":[10,20]}});
    let p = dynamic();
    let ex = examples_with(&p, at, "ID", None, Some(&sample)).unwrap();
    assert!(ex.prefix.starts_with("customer_id=C42/"), "{}", ex.prefix);
    let ex = examples_with(&p, at, "ID", None, None).unwrap();
    assert!(ex.prefix.starts_with("customer_id=<customer_id>/"), "{}", ex.prefix);
    let mut p = dynamic();
    dp(&mut p).keys = keys(&[("customer_id", ".a.b[1]")]);
    let ex = examples_with(&p, at, "ID", None, Some(&sample)).unwrap();
    assert!(ex.prefix.starts_with("customer_id=20/"), "{}", ex.prefix);
}

#[test]
fn sample_values_of_plain_paths() {
    let r = json!({"customer_id":"C42","a":{"b":[10,20]},"n":null,"t":true,"x y":"sp"});
    assert_eq!(sample_value(&r, ".customer_id").as_deref(), Some("C42"));
    assert_eq!(sample_value(&r, ".a.b[1]").as_deref(), Some("20"));
    assert_eq!(sample_value(&r, ".a.b[0]").as_deref(), Some("10"));
    assert_eq!(sample_value(&r, ".t").as_deref(), Some("true"));
    assert_eq!(sample_value(&r, ".[\"x y\"]").as_deref(), Some("sp"));
    assert_eq!(sample_value(&r, ".missing"), None);
    assert_eq!(sample_value(&r, ".a.b[5]"), None);
    assert_eq!(sample_value(&r, ".a | keys"), None);
    assert_eq!(sample_value(&r, ".a"), None, "objects have no key form");
    assert_eq!(sample_value(&r, ".n"), None);
    assert_eq!(sample_value(&r, "customer_id"), None);
}

// ---------------------------------------------------------------------------------------------
// 6. Backup

#[test]
fn backup_bucket_and_prefix() {
    let mut p = lab();
    p.destination.backup = Some(Backup { bucket: "backup-bucket".into(), prefix: "backup/".into() });
    assert_clean(&p);
    p.destination.backup = Some(Backup { bucket: "Legacy_Bucket".into(), prefix: String::new() });
    assert_clean(&p);

    p.destination.backup = Some(Backup { bucket: "Bad Bucket!".into(), prefix: String::new() });
    assert_error(&p, "destination.backup.bucket", "may contain only");
    p.destination.backup = Some(Backup { bucket: String::new(), prefix: String::new() });
    assert_error(&p, "destination.backup.bucket", "required");

    // The backup has no error prefix of its own, and AWS requires one when a prefix has expressions:
    // the finding about the (missing) error prefix is reported on the backup prefix.
    p.destination.backup = Some(Backup { bucket: "backup-bucket".into(), prefix: "backup/!{timestamp:yyyy}/".into() });
    assert_error(&p, "destination.backup.prefix", "would need an error prefix of its own");
    assert_no_problem_at(&p, "destination.error_prefix");

    p.destination.backup = Some(Backup { bucket: "backup-bucket".into(), prefix: "b/!{bad".into() });
    assert_error(&p, "destination.backup.prefix", "backup prefix");
}

// ---------------------------------------------------------------------------------------------
// 7. Encryption

#[test]
fn s3_encryption_key() {
    for ok in [KEY_ARN, ALIAS_ARN, "arn:aws-cn:kms:cn-north-1:123456789012:alias/a/b"] {
        let mut p = lab();
        p.settings.encryption = Some(Encryption { kms_key_arn: ok.into() });
        assert_clean(&p);
    }
    for bad in ["arn:aws:kms:us-east-1:123:key/x", "1234abcd", "arn:aws:kms:us-east-1:123456789012:secret/x", ""] {
        let mut p = lab();
        p.settings.encryption = Some(Encryption { kms_key_arn: bad.into() });
        assert_error(&p, "settings.encryption", "KMS key ARN");
    }
}

#[test]
fn s3_encryption_key_region_matters_for_a_new_bucket() {
    let mut p = lab();
    p.settings.encryption = Some(Encryption { kms_key_arn: KEY_ARN.into() });
    assert!(validate_for(&p, &target()).is_empty());
    p.settings.encryption = Some(Encryption { kms_key_arn: KEY_ARN.replace("us-east-1", "eu-west-1") });
    assert_problem(&validate_for(&p, &target()), Severity::Error, "settings.encryption", "eu-west-1");
    p.destination.create_bucket = false;
    assert!(validate_for(&p, &target()).is_empty(), "an existing bucket may be in the key's Region");
}

#[test]
fn stream_encryption_is_for_direct_put_only() {
    let mut p = lab();
    p.settings.stream_encryption = Some(StreamEncryption::AwsOwned);
    assert_error(&p, "settings.stream_encryption", "Direct PUT");
    let mut p = lab();
    p.source = Source::NewKinesisStream(NewStream { name: "s".into(), mode: StreamMode::OnDemand, shards: None });
    p.settings.stream_encryption = Some(StreamEncryption::CustomerManaged(KEY_ARN.into()));
    assert_error(&p, "settings.stream_encryption", "Direct PUT");

    let mut p = direct_put();
    p.settings.stream_encryption = Some(StreamEncryption::AwsOwned);
    assert_clean(&p);
    p.settings.stream_encryption = Some(StreamEncryption::CustomerManaged(KEY_ARN.into()));
    assert_clean(&p);
    p.settings.stream_encryption = Some(StreamEncryption::CustomerManaged(ALIAS_ARN.into()));
    assert_clean(&p);
    p.settings.stream_encryption = Some(StreamEncryption::CustomerManaged("arn:aws:kms:us-east-1:123:key/x".into()));
    assert_error(&p, "settings.stream_encryption", "not a KMS key ARN");
}

#[test]
fn stream_encryption_key_must_be_in_the_target_region() {
    let mut p = direct_put();
    p.settings.stream_encryption = Some(StreamEncryption::CustomerManaged(KEY_ARN.into()));
    assert!(validate_for(&p, &target()).is_empty());
    p.settings.stream_encryption =
        Some(StreamEncryption::CustomerManaged(KEY_ARN.replace("us-east-1", "ap-northeast-2")));
    assert_problem(&validate_for(&p, &target()), Severity::Error, "settings.stream_encryption", "ap-northeast-2");
}

// ---------------------------------------------------------------------------------------------
// 8. Tags

#[test]
fn at_most_49_tags_as_firehose_wizard_adds_its_own() {
    let mut p = lab();
    p.settings.tags = (0..49).map(|i| (format!("k{i:02}"), format!("v{i}"))).collect();
    assert_clean(&p);
    p.settings.tags.insert("k49".into(), "v".into());
    assert_error(&p, "settings.tags", "at most 49 tags (a delivery stream holds 50, and firehose-wizard adds its own");
    // its own key is not the plan's to set
    let mut p = lab();
    p.settings.tags = keys(&[("firehose-wizard:journal", "x")]);
    assert_error(&p, "settings.tags", "keys starting with \"firehose-wizard:\" are firehose-wizard's own");
}

#[test]
fn tag_keys_and_values() {
    for (k, v) in
        [("team", ""), ("a b_.:/=+-@%", "x y"), ("키", "값"), (&"k".repeat(128) as &str, &"v".repeat(256) as &str)]
    {
        let mut p = lab();
        p.settings.tags = keys(&[(k, v)]);
        assert_clean(&p);
    }
    for (k, v, keyword) in [
        ("aws:x", "v", "reserved"),
        ("AWS:x", "v", "reserved"),
        ("a,b", "v", "not allowed"),
        ("", "v", "required"),
        (&"k".repeat(129) as &str, "v", "1–128"),
        ("k", &"v".repeat(257) as &str, "0–256"),
        ("k", "a;b", "not allowed"),
    ] {
        let mut p = lab();
        p.settings.tags = keys(&[(k, v)]);
        assert_error(&p, "settings.tags", keyword);
    }
}

// ---------------------------------------------------------------------------------------------
// 9. New Kinesis stream

fn new_stream(name: &str, mode: StreamMode, shards: Option<i64>) -> Plan {
    let mut p = lab();
    p.source = Source::NewKinesisStream(NewStream { name: name.into(), mode, shards });
    p
}

#[test]
fn new_kinesis_stream_modes_and_shards() {
    assert_clean(&new_stream("retail-trans", StreamMode::OnDemand, None));
    assert_clean(&new_stream("retail-trans", StreamMode::Provisioned, Some(2)));
    assert_error(&new_stream("s", StreamMode::Provisioned, None), "source.shards", "needs a shard count");
    assert_error(&new_stream("s", StreamMode::Provisioned, Some(0)), "source.shards", "at least 1");
    assert_error(&new_stream("s", StreamMode::Provisioned, Some(-3)), "source.shards", "at least 1");
    assert_error(&new_stream("s", StreamMode::Provisioned, Some(1 << 40)), "source.shards", "quota");
    assert_error(&new_stream("s", StreamMode::OnDemand, Some(2)), "source.shards", "takes no shard count");
    assert_error(&new_stream("bad name", StreamMode::OnDemand, None), "source", "Kinesis stream name");
    assert_error(&new_stream("", StreamMode::OnDemand, None), "source", "required");
}

// ---------------------------------------------------------------------------------------------
// 10. Policy

fn statement<'a>(policy: &'a Value, sid: &str) -> &'a Value {
    policy["Statement"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["Sid"] == sid)
        .unwrap_or_else(|| panic!("no statement {sid} in {policy:#}"))
}

fn has_statement(policy: &Value, sid: &str) -> bool {
    policy["Statement"].as_array().unwrap().iter().any(|s| s["Sid"] == sid)
}

/// The lab plan with a Lambda, conversion, a KMS key and a backup bucket (error logging is on by default).
fn everything() -> Plan {
    let mut p = with_conversion(conversion());
    p.process.lambda = Some(lambda(&format!("{LAMBDA_ARN}:$LATEST")));
    p.settings.encryption = Some(Encryption { kms_key_arn: KEY_ARN.into() });
    p.destination.backup = Some(Backup { bucket: "backup-bucket".into(), prefix: "backup/".into() });
    p
}

#[test]
fn policy_names_each_option_on_its_exact_arns() {
    let p = everything();
    assert_clean(&p);
    let policy = permissions_policy(&p, &target(), Some(STREAM_ARN), None);

    let l = statement(&policy, "LambdaTransform");
    assert_eq!(l["Effect"], "Allow");
    assert_eq!(l["Resource"], format!("{LAMBDA_ARN}:$LATEST"));
    assert!(l["Action"].as_array().unwrap().contains(&json!("lambda:InvokeFunction")));

    let g = statement(&policy, "GlueSchema");
    assert_eq!(
        g["Resource"],
        json!([
            "arn:aws:glue:us-east-1:123456789012:catalog",
            "arn:aws:glue:us-east-1:123456789012:database/db",
            "arn:aws:glue:us-east-1:123456789012:table/db/t"
        ])
    );
    assert!(g["Action"].as_array().unwrap().contains(&json!("glue:GetTableVersions")));

    let k = statement(&policy, "S3Encryption");
    assert_eq!(k["Resource"], KEY_ARN);
    assert_eq!(k["Condition"]["StringEquals"]["kms:ViaService"], "s3.us-east-1.amazonaws.com");
    assert_eq!(
        k["Condition"]["StringLike"]["kms:EncryptionContext:aws:s3:arn"],
        json!(["arn:aws:s3:::aws-analytics-immersion-day-12345678/*", "arn:aws:s3:::backup-bucket/*"])
    );
    assert!(k["Condition"].get("ForAnyValue:StringEquals").is_none());

    assert_eq!(log_group(&p), "/aws/kinesisfirehose/retail-trans");
    assert_eq!(log_streams(&p), vec!["S3Delivery", "S3Backup"]);
    let e = statement(&policy, "ErrorLogging");
    assert_eq!(e["Action"], json!(["logs:PutLogEvents"]));
    assert_eq!(
        e["Resource"],
        json!([
            "arn:aws:logs:us-east-1:123456789012:log-group:/aws/kinesisfirehose/retail-trans:log-stream:S3Delivery",
            "arn:aws:logs:us-east-1:123456789012:log-group:/aws/kinesisfirehose/retail-trans:log-stream:S3Backup"
        ])
    );

    assert_eq!(
        statement(&policy, "S3Delivery")["Resource"],
        json!([
            "arn:aws:s3:::aws-analytics-immersion-day-12345678",
            "arn:aws:s3:::aws-analytics-immersion-day-12345678/*",
            "arn:aws:s3:::backup-bucket",
            "arn:aws:s3:::backup-bucket/*"
        ])
    );
    assert_eq!(statement(&policy, "KinesisSource")["Resource"], STREAM_ARN);

    for s in policy["Statement"].as_array().unwrap() {
        let r = &s["Resource"];
        assert!(r != "*" && !r.as_array().is_some_and(|a| a.contains(&json!("*"))), "{s}");
    }
    assert!(!policy.to_string().contains("\"*\""));
}

#[test]
fn policy_for_an_alias_names_the_account_keys_narrowed_to_the_alias() {
    let mut p = everything();
    p.settings.encryption = Some(Encryption { kms_key_arn: ALIAS_ARN.into() });
    let policy = permissions_policy(&p, &target(), Some(STREAM_ARN), None);
    let k = statement(&policy, "S3Encryption");
    let r = k["Resource"].as_str().unwrap();
    assert!(r.ends_with(":key/*"), "{r}");
    assert_eq!(r, "arn:aws:kms:us-east-1:123456789012:key/*");
    assert_eq!(k["Condition"]["ForAnyValue:StringEquals"]["kms:ResourceAliases"], "alias/my-key");
    assert_eq!(k["Condition"]["StringEquals"]["kms:ViaService"], "s3.us-east-1.amazonaws.com");
}

#[test]
fn policy_glue_region_and_no_logging() {
    let mut p = everything();
    p.process.format_conversion.as_mut().unwrap().glue_region = Some("eu-west-1".into());
    p.settings.error_logging = false;
    let policy = permissions_policy(&p, &target(), None, None);
    assert_eq!(statement(&policy, "GlueSchema")["Resource"][0], "arn:aws:glue:eu-west-1:123456789012:catalog");
    assert!(!has_statement(&policy, "ErrorLogging"), "{policy:#}");
    assert!(!has_statement(&policy, "KinesisSource"));
    assert!(log_streams(&p).is_empty());

    let plain = permissions_policy(&lab(), &target(), Some(STREAM_ARN), None);
    for sid in ["LambdaTransform", "GlueSchema", "S3Encryption"] {
        assert!(!has_statement(&plain, sid), "{sid}");
    }
    assert_eq!(log_streams(&lab()), vec!["S3Delivery"]);
}

// ---------------------------------------------------------------------------------------------
// 11. missing_permissions

fn lab_policy() -> Value {
    permissions_policy(&lab(), &target(), Some(STREAM_ARN), None)
}

fn actions(missing: &[firehose_wizard::plan::policy::Missing]) -> Vec<&str> {
    let mut a: Vec<&str> = missing.iter().map(|m| m.action.as_str()).collect();
    a.dedup();
    a
}

#[test]
fn a_policy_grants_itself() {
    assert_eq!(missing_permissions(&lab_policy(), &[lab_policy()]), vec![]);
    let full = permissions_policy(&everything(), &target(), Some(STREAM_ARN), None);
    assert_eq!(missing_permissions(&full, std::slice::from_ref(&full)), vec![]);
    let mut alias = everything();
    alias.settings.encryption = Some(Encryption { kms_key_arn: ALIAS_ARN.into() });
    let alias = permissions_policy(&alias, &target(), Some(STREAM_ARN), None);
    assert_eq!(missing_permissions(&alias, std::slice::from_ref(&alias)), vec![]);
}

#[test]
fn s3_star_grants_s3_only() {
    let granted = json!({"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]});
    let missing = missing_permissions(&lab_policy(), &[granted]);
    assert_eq!(
        actions(&missing),
        vec![
            "kinesis:DescribeStream",
            "kinesis:GetShardIterator",
            "kinesis:GetRecords",
            "kinesis:ListShards",
            "logs:PutLogEvents"
        ]
    );
    assert!(missing.iter().all(|m| !m.action.starts_with("s3:")));
    assert_eq!(missing[0].resource, STREAM_ARN);
    assert!(missing[0].to_string().contains(" on "));
}

#[test]
fn a_deny_makes_it_missing() {
    let deny = json!({"Statement":{"Effect":"Deny","Action":"s3:PutObject","Resource":"*"}});
    let missing = missing_permissions(&lab_policy(), &[lab_policy(), deny]);
    assert_eq!(actions(&missing), vec!["s3:PutObject"]);
    assert_eq!(
        missing.iter().map(|m| m.resource.as_str()).collect::<Vec<_>>(),
        vec![
            "arn:aws:s3:::aws-analytics-immersion-day-12345678",
            "arn:aws:s3:::aws-analytics-immersion-day-12345678/*"
        ]
    );
    // a Deny with a condition may not apply: not counted
    let conditional = json!({"Statement":{"Effect":"Deny","Action":"s3:PutObject","Resource":"*",
        "Condition":{"Bool":{"aws:SecureTransport":"false"}}}});
    assert_eq!(missing_permissions(&lab_policy(), &[lab_policy(), conditional]), vec![]);
}

#[test]
fn action_wildcards_cover_their_actions() {
    let mut granted = lab_policy();
    granted["Statement"].as_array_mut().unwrap().retain(|s| s["Sid"] != "KinesisSource");
    let get = json!({"Statement":[{"Effect":"Allow","Action":"kinesis:Get*","Resource":STREAM_ARN}]});
    let missing = missing_permissions(&lab_policy(), &[granted.clone(), get]);
    assert_eq!(actions(&missing), vec!["kinesis:DescribeStream", "kinesis:ListShards"]);
    let case = json!({"Statement":[{"Effect":"Allow","Action":["KINESIS:*"],"Resource":"arn:aws:kinesis:*:123456789012:stream/retail-?rans"}]});
    assert_eq!(missing_permissions(&lab_policy(), &[granted.clone(), case]), vec![]);
    let other_stream = json!({"Statement":[{"Effect":"Allow","Action":"kinesis:*","Resource":"arn:aws:kinesis:us-east-1:123456789012:stream/other"}]});
    assert_eq!(missing_permissions(&lab_policy(), &[granted, other_stream]).len(), 4);
}

#[test]
fn not_action_and_not_resource() {
    let all_but_iam = json!({"Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]});
    assert_eq!(missing_permissions(&lab_policy(), &[all_but_iam]), vec![]);
    let not_kinesis_logs = json!({"Statement":[{"Effect":"Allow","NotAction":["kinesis:*","logs:*"],"Resource":"*"}]});
    let missing = missing_permissions(&lab_policy(), &[not_kinesis_logs]);
    assert!(missing.iter().all(|m| m.action.starts_with("kinesis:") || m.action.starts_with("logs:")));
    assert_eq!(missing.len(), 5);
    let deny_not_s3 = json!({"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","NotAction":"s3:*","Resource":"*"}]});
    let missing = missing_permissions(&lab_policy(), &[deny_not_s3]);
    assert_eq!(missing.len(), 5);
    assert!(missing.iter().all(|m| !m.action.starts_with("s3:")));
    let not_resource = json!({"Statement":[{"Effect":"Allow","Action":"*","NotResource":"arn:aws:logs:*"}]});
    assert_eq!(actions(&missing_permissions(&lab_policy(), &[not_resource])), vec!["logs:PutLogEvents"]);
}

// ---------------------------------------------------------------------------------------------
// 12. The CreateDeliveryStream request

/// Direct PUT with every option.
fn full_plan() -> Plan {
    let mut p = direct_put();
    p.process.lambda = Some(Lambda {
        function_arn: format!("{LAMBDA_ARN}:$LATEST"),
        buffer_size_mib: Some(0.5),
        buffer_interval_s: Some(60),
        retries: Some(2),
    });
    p.process.format_conversion = Some(conversion());
    p.destination.dynamic_partitioning = Some(DynamicPartitioning {
        keys: keys(&[("customer_id", ".customer_id")]),
        new_line_delimiter: true,
        record_deaggregation: Some(Deaggregation::Delimited("####".into())),
        retry_duration_s: None,
    });
    p.destination.prefix = DP_PREFIX.into();
    p.destination.error_prefix = Some(DP_ERROR_PREFIX.into());
    p.destination.file_extension = Some(".parquet".into());
    p.destination.time_zone = Some("Asia/Seoul".into());
    p.destination.backup = Some(Backup { bucket: "backup-bucket".into(), prefix: "backup/".into() });
    p.settings.buffer_size_mib = 128;
    p.settings.buffer_interval_s = 60;
    p.settings.encryption = Some(Encryption { kms_key_arn: KEY_ARN.into() });
    p.settings.stream_encryption = Some(StreamEncryption::CustomerManaged(KEY_ARN.into()));
    p.settings.tags = keys(&[("team", "analytics"), ("env", "")]);
    p
}

fn request_json(p: &Plan) -> Value {
    let t = target();
    to_json(&build(p, &t, &Resolved::implied(p, &t)).unwrap())
}

fn param(name: &str, value: &str) -> Value {
    json!({ "ParameterName": name, "ParameterValue": value })
}

#[test]
fn full_request_json() {
    let p = full_plan();
    assert_clean(&p);
    assert!(validate_for(&p, &target()).is_empty());
    let j = request_json(&p);
    let role = "arn:aws:iam::123456789012:role/firehose_delivery_role";
    assert_eq!(j["DeliveryStreamType"], "DirectPut");
    assert!(j.get("KinesisStreamSourceConfiguration").is_none());
    assert_eq!(
        j["DeliveryStreamEncryptionConfigurationInput"],
        json!({ "KeyType": "CUSTOMER_MANAGED_CMK", "KeyARN": KEY_ARN })
    );
    assert_eq!(j["Tags"], json!([{ "Key": "env", "Value": "" }, { "Key": "team", "Value": "analytics" }]));

    let d = &j["ExtendedS3DestinationConfiguration"];
    assert_eq!(
        d["ProcessingConfiguration"],
        json!({ "Enabled": true, "Processors": [
            { "Type": "RecordDeAggregation", "Parameters": [param("SubRecordType", "DELIMITED"), param("Delimiter", "IyMjIw==")] },
            { "Type": "Lambda", "Parameters": [
                param("LambdaArn", &format!("{LAMBDA_ARN}:$LATEST")),
                param("NumberOfRetries", "2"),
                param("BufferSizeInMBs", "0.5"),
                param("BufferIntervalInSeconds", "60")
            ] },
            { "Type": "MetadataExtraction", "Parameters": [
                param("MetadataExtractionQuery", "{customer_id:.customer_id}"),
                param("JsonParsingEngine", "JQ-1.6")
            ] },
            { "Type": "AppendDelimiterToRecord", "Parameters": [] }
        ] })
    );
    assert_eq!(
        d["DataFormatConversionConfiguration"],
        json!({
            "Enabled": true,
            "SchemaConfiguration": { "RoleARN": role, "CatalogId": "123456789012", "DatabaseName": "db", "TableName": "t", "Region": "us-east-1", "VersionId": "LATEST" },
            "InputFormatConfiguration": { "Deserializer": { "OpenXJsonSerDe": {} } },
            "OutputFormatConfiguration": { "Serializer": { "ParquetSerDe": {} } }
        })
    );
    assert_eq!(
        d["DynamicPartitioningConfiguration"],
        json!({ "Enabled": true, "RetryOptions": { "DurationInSeconds": 300 } })
    );
    assert_eq!(d["FileExtension"], ".parquet");
    assert_eq!(d["CustomTimeZone"], "Asia/Seoul");
    assert_eq!(d["Prefix"], DP_PREFIX);
    assert_eq!(d["ErrorOutputPrefix"], DP_ERROR_PREFIX);
    assert_eq!(d["BufferingHints"], json!({ "SizeInMBs": 128, "IntervalInSeconds": 60 }));
    assert_eq!(d["EncryptionConfiguration"], json!({ "KMSEncryptionConfig": { "AWSKMSKeyARN": KEY_ARN } }));
    assert_eq!(
        d["CloudWatchLoggingOptions"],
        json!({ "Enabled": true, "LogGroupName": "/aws/kinesisfirehose/retail-trans", "LogStreamName": "S3Delivery" })
    );
    assert_eq!(d["S3BackupMode"], "Enabled");
    assert_eq!(
        d["S3BackupConfiguration"],
        json!({
            "RoleARN": role,
            "BucketARN": "arn:aws:s3:::backup-bucket",
            "Prefix": "backup/",
            "CompressionFormat": "UNCOMPRESSED",
            "CloudWatchLoggingOptions": { "Enabled": true, "LogGroupName": "/aws/kinesisfirehose/retail-trans", "LogStreamName": "S3Backup" }
        })
    );
}

#[test]
fn request_variants() {
    let mut p = full_plan();
    dp(&mut p).record_deaggregation = Some(Deaggregation::Json);
    dp(&mut p).new_line_delimiter = false;
    dp(&mut p).retry_duration_s = Some(0);
    p.process.format_conversion = Some(FormatConversion {
        output: "orc".into(),
        input: "hive_json".into(),
        glue_region: Some("eu-west-1".into()),
        glue_version: Some("3".into()),
        ..conversion()
    });
    p.settings.stream_encryption = Some(StreamEncryption::AwsOwned);
    p.settings.error_logging = false;
    p.settings.tags.clear();
    p.destination.backup = None;
    let j = request_json(&p);
    assert_eq!(j["DeliveryStreamEncryptionConfigurationInput"], json!({ "KeyType": "AWS_OWNED_CMK" }));
    assert!(j.get("Tags").is_none());
    let d = &j["ExtendedS3DestinationConfiguration"];
    let processors = d["ProcessingConfiguration"]["Processors"].as_array().unwrap();
    assert_eq!(processors[0], json!({ "Type": "RecordDeAggregation", "Parameters": [param("SubRecordType", "JSON")] }));
    assert_eq!(
        processors.iter().map(|x| x["Type"].as_str().unwrap()).collect::<Vec<_>>(),
        vec!["RecordDeAggregation", "Lambda", "MetadataExtraction"]
    );
    let sc = &d["DataFormatConversionConfiguration"];
    assert_eq!(sc["SchemaConfiguration"]["Region"], "eu-west-1");
    assert_eq!(sc["SchemaConfiguration"]["VersionId"], "3");
    assert_eq!(sc["InputFormatConfiguration"], json!({ "Deserializer": { "HiveJsonSerDe": {} } }));
    assert_eq!(sc["OutputFormatConfiguration"], json!({ "Serializer": { "OrcSerDe": {} } }));
    assert_eq!(d["DynamicPartitioningConfiguration"]["RetryOptions"]["DurationInSeconds"], 0);
    assert_eq!(d["CloudWatchLoggingOptions"], json!({ "Enabled": false }));
    assert!(d.get("S3BackupMode").is_none() && d.get("S3BackupConfiguration").is_none());

    // a Lambda alone: one processor, no dynamic partitioning; the lab: no options at all
    let j = request_json(&with_lambda(lambda(LAMBDA_ARN)));
    let d = &j["ExtendedS3DestinationConfiguration"];
    assert_eq!(
        d["ProcessingConfiguration"],
        json!({ "Enabled": true, "Processors": [{ "Type": "Lambda", "Parameters": [param("LambdaArn", LAMBDA_ARN)] }] })
    );
    let j = request_json(&lab());
    let d = j["ExtendedS3DestinationConfiguration"].as_object().unwrap();
    for absent in [
        "ProcessingConfiguration",
        "DataFormatConversionConfiguration",
        "DynamicPartitioningConfiguration",
        "FileExtension",
        "CustomTimeZone",
        "S3BackupMode",
        "EncryptionConfiguration",
    ] {
        assert!(!d.contains_key(absent), "{absent}");
    }
    assert!(j.get("DeliveryStreamEncryptionConfigurationInput").is_none());
}

#[test]
fn new_kinesis_stream_request_reads_the_stream_by_its_arn() {
    let p = new_stream("orders", StreamMode::Provisioned, Some(2));
    let j = request_json(&p);
    assert_eq!(j["DeliveryStreamType"], "KinesisStreamAsSource");
    assert_eq!(
        j["KinesisStreamSourceConfiguration"]["KinesisStreamARN"],
        "arn:aws:kinesis:us-east-1:123456789012:stream/orders"
    );
}

// ---------------------------------------------------------------------------------------------
// 13. The plan file

const FULL_PLAN_FILE: &str = r#####"{
  "name": "retail-trans",
  "source": { "new_kinesis_stream": { "name": "retail-trans", "mode": "provisioned", "shards": 2 } },
  "process": {
    "lambda": {
      "function_arn": "arn:aws:lambda:us-east-1:123456789012:function:transform:$LATEST",
      "buffer_size_mib": 0.5, "buffer_interval_s": 60, "retries": 2
    },
    "format_conversion": {
      "output": "parquet", "input": "openx_json", "glue_database": "db", "glue_table": "t",
      "glue_region": "us-east-1", "glue_version": "LATEST"
    }
  },
  "destination": {
    "bucket": "aws-analytics-immersion-day-12345678",
    "create_bucket": true,
    "prefix": "customer_id=!{partitionKeyFromQuery:customer_id}/",
    "error_prefix": "errors/!{firehose:error-output-type}/",
    "dynamic_partitioning": {
      "keys": { "customer_id": ".customer_id" },
      "new_line_delimiter": true,
      "record_deaggregation": { "delimited": "####" },
      "retry_duration_s": 300
    },
    "file_extension": ".parquet",
    "time_zone": "Asia/Seoul",
    "backup": { "bucket": "backup-bucket", "prefix": "backup/" }
  },
  "settings": {
    "buffer_size_mib": 128,
    "buffer_interval_s": 60,
    "compression": "UNCOMPRESSED",
    "role": { "existing": "arn:aws:iam::123456789012:role/x" },
    "add_policy_to_role": true,
    "encryption": { "kms_key_arn": "arn:aws:kms:us-east-1:123456789012:alias/my-key" },
    "error_logging": false,
    "tags": { "team": "analytics", "env": "" }
  }
}"#####;

#[test]
fn a_plan_file_with_every_option_parses_and_round_trips() {
    let p = Plan::from_json(FULL_PLAN_FILE).unwrap();
    assert_eq!(
        p.source,
        Source::NewKinesisStream(NewStream {
            name: "retail-trans".into(),
            mode: StreamMode::Provisioned,
            shards: Some(2)
        })
    );
    let l = p.process.lambda.as_ref().unwrap();
    assert_eq!((l.buffer_size_mib, l.buffer_interval_s, l.retries), (Some(0.5), Some(60), Some(2)));
    assert_eq!(p.process.format_conversion.as_ref().unwrap().glue_version.as_deref(), Some("LATEST"));
    let d = p.destination.dynamic_partitioning.as_ref().unwrap();
    assert_eq!(d.keys, keys(&[("customer_id", ".customer_id")]));
    assert!(d.new_line_delimiter);
    assert_eq!(d.record_deaggregation, Some(Deaggregation::Delimited("####".into())));
    assert_eq!(d.retry_duration_s, Some(300));
    assert_eq!(p.destination.file_extension.as_deref(), Some(".parquet"));
    assert_eq!(p.destination.time_zone.as_deref(), Some("Asia/Seoul"));
    assert_eq!(p.destination.backup, Some(Backup { bucket: "backup-bucket".into(), prefix: "backup/".into() }));
    assert!(p.settings.add_policy_to_role);
    assert_eq!(p.settings.encryption, Some(Encryption { kms_key_arn: ALIAS_ARN.into() }));
    assert!(!p.settings.error_logging);
    assert_eq!(p.settings.tags.len(), 2);
    assert_clean(&p);
    assert_eq!(Plan::from_json(&p.to_json_pretty()).unwrap(), p);

    // the other spellings, on a Direct PUT stream
    let mut q = p.clone();
    q.source = Source::DirectPut;
    dp(&mut q).record_deaggregation = Some(Deaggregation::Json);
    q.settings.stream_encryption = Some(StreamEncryption::AwsOwned);
    let text = q.to_json_pretty();
    assert!(text.contains("\"record_deaggregation\": \"json\""), "{text}");
    assert!(text.contains("\"stream_encryption\": \"aws_owned\""), "{text}");
    assert_eq!(Plan::from_json(&text).unwrap(), q);
    q.settings.stream_encryption = Some(StreamEncryption::CustomerManaged(KEY_ARN.into()));
    let text = q.to_json_pretty();
    assert!(text.contains("\"customer_managed\""), "{text}");
    assert_eq!(Plan::from_json(&text).unwrap(), q);
}

#[test]
fn plan_file_spellings_of_the_new_enums() {
    let base = |source: &str, settings: &str| {
        format!(r#"{{"name":"a","source":{source},"destination":{{"bucket":"b-b-b"}},"settings":{settings}}}"#)
    };
    let p = Plan::from_json(&base(r#"{"new_kinesis_stream":{"name":"s"}}"#, "{}")).unwrap();
    assert_eq!(
        p.source,
        Source::NewKinesisStream(NewStream { name: "s".into(), mode: StreamMode::OnDemand, shards: None })
    );
    assert!(p.settings.error_logging, "error logging is on by default");
    assert!(p.settings.tags.is_empty() && p.settings.encryption.is_none() && p.settings.stream_encryption.is_none());
    let p = Plan::from_json(&base(r#""direct_put""#, r#"{"stream_encryption":"aws_owned"}"#)).unwrap();
    assert_eq!(p.settings.stream_encryption, Some(StreamEncryption::AwsOwned));
    let p = Plan::from_json(&base(
        r#""direct_put""#,
        &format!(r#"{{"stream_encryption":{{"customer_managed":"{KEY_ARN}"}}}}"#),
    ))
    .unwrap();
    assert_eq!(p.settings.stream_encryption, Some(StreamEncryption::CustomerManaged(KEY_ARN.into())));
    assert!(Plan::from_json(&base(r#""direct_put""#, r#"{"stream_encryption":"customer_managed"}"#)).is_err());
    assert!(Plan::from_json(&base(r#"{"new_kinesis_stream":{"name":"s","mode":"serverless"}}"#, "{}")).is_err());
    // the lab plan's JSON does not grow the new fields
    let text = lab().to_json_pretty();
    for absent in
        ["dynamic_partitioning", "file_extension", "time_zone", "backup", "encryption", "tags", "add_policy_to_role"]
    {
        assert!(!text.contains(absent), "{absent} in {text}");
    }
}

#[test]
fn unknown_fields_in_the_new_objects_are_errors_with_their_path() {
    for (from, to, path) in [
        ("\"retry_duration_s\"", "\"keyz\": {}, \"retry_duration_s\"", "destination.dynamic_partitioning.keyz"),
        ("\"shards\": 2", "\"shards\": 2, \"shard\": 1", "source.new_kinesis_stream.shard"),
        ("\"retries\": 2", "\"retries\": 2, \"retry\": 1", "process.lambda.retry"),
        ("\"glue_version\"", "\"glue_db\": \"x\", \"glue_version\"", "process.format_conversion.glue_db"),
        ("\"prefix\": \"backup/\"", "\"prefix\": \"backup/\", \"prefx\": \"x\"", "destination.backup.prefx"),
        ("\"kms_key_arn\"", "\"kms_key\": \"x\", \"kms_key_arn\"", "settings.encryption.kms_key"),
        ("\"time_zone\"", "\"timezone\": \"UTC\", \"time_zone\"", "destination.timezone"),
        ("\"tags\"", "\"tag\": {}, \"tags\"", "settings.tag"),
    ] {
        assert!(FULL_PLAN_FILE.contains(from), "{from}");
        let text = FULL_PLAN_FILE.replacen(from, to, 1);
        let e = Plan::from_json(&text).unwrap_err();
        assert_eq!(e.path.as_deref(), Some(path), "{e}");
        let field = path.rsplit('.').next().unwrap();
        assert!(e.message.to_string().contains(&format!("unknown field `{field}`")), "{e}");
    }
    let text = FULL_PLAN_FILE.replacen("{ \"delimited\": \"####\" }", "{ \"delimeted\": \"####\" }", 1);
    let e = Plan::from_json(&text).unwrap_err();
    assert!(
        e.path.as_deref().unwrap_or("").starts_with("destination.dynamic_partitioning.record_deaggregation"),
        "{e}"
    );
}

/// CloudWatch Logs decompression, message extraction and the new line delimiter without dynamic
/// partitioning: the processors in Firehose's order (decompression first, the delimiter last), and
/// the plan file round trip.
#[test]
fn decompression_extraction_and_a_new_line_without_partitioning() {
    let mut p = direct_put();
    p.process.decompression = Some(firehose_wizard::plan::Decompression { message_extraction: true });
    p.destination.new_line_delimiter = true;
    assert_clean(&p);
    let j = request_json(&p);
    assert_eq!(
        j["ExtendedS3DestinationConfiguration"]["ProcessingConfiguration"],
        json!({ "Enabled": true, "Processors": [
            { "Type": "Decompression", "Parameters": [param("CompressionFormat", "GZIP")] },
            { "Type": "CloudWatchLogProcessing", "Parameters": [param("DataMessageExtraction", "true")] },
            { "Type": "AppendDelimiterToRecord", "Parameters": [] }
        ] })
    );
    let text = p.to_json_pretty();
    assert!(text.contains(r#""decompression": {"#) && text.contains(r#""new_line_delimiter": true"#), "{text}");
    assert_eq!(Plan::from_json(&text).unwrap(), p);
    // without extraction: decompression alone
    p.process.decompression = Some(Default::default());
    p.destination.new_line_delimiter = false;
    assert_eq!(
        request_json(&p)["ExtendedS3DestinationConfiguration"]["ProcessingConfiguration"]["Processors"],
        json!([{ "Type": "Decompression", "Parameters": [param("CompressionFormat", "GZIP")] }])
    );
    // a Kinesis source: AWS does not document decompression there
    let mut k = lab();
    k.process.decompression = Some(Default::default());
    assert_warning(&k, "process.decompression", "not documented");
    // with dynamic partitioning, either field asks for one delimiter processor
    let mut d = dynamic();
    d.destination.new_line_delimiter = true;
    dp(&mut d).new_line_delimiter = true;
    let processors =
        request_json(&d)["ExtendedS3DestinationConfiguration"]["ProcessingConfiguration"]["Processors"].clone();
    let delimiters = processors.as_array().unwrap().iter().filter(|p| p["Type"] == "AppendDelimiterToRecord").count();
    assert_eq!(delimiters, 1);
    // the lab plan's file does not change
    assert!(
        !lab().to_json_pretty().contains("new_line_delimiter") && !lab().to_json_pretty().contains("decompression")
    );
}

#[test]
fn error_log_streams_of_any_name_are_sent_granted_and_checked() {
    let mut p = lab();
    p.destination.backup = Some(Backup { bucket: "raw-bucket".into(), prefix: String::new() });
    p.settings.error_log_stream = Some("DestinationDelivery".into());
    p.settings.backup_log_stream = Some("BackupDelivery".into());
    assert_clean(&p);
    assert_eq!(log_streams(&p), ["DestinationDelivery", "BackupDelivery"]);
    let j = request_json(&p);
    let d = &j["ExtendedS3DestinationConfiguration"];
    assert_eq!(d["CloudWatchLoggingOptions"]["LogStreamName"], "DestinationDelivery");
    assert_eq!(d["S3BackupConfiguration"]["CloudWatchLoggingOptions"]["LogStreamName"], "BackupDelivery");
    let policy = permissions_policy(&p, &target(), Some(STREAM_ARN), None);
    let logging = policy["Statement"].as_array().unwrap().iter().find(|s| s["Sid"] == "ErrorLogging").unwrap();
    assert_eq!(
        logging["Resource"],
        json!([
            "arn:aws:logs:us-east-1:123456789012:log-group:/aws/kinesisfirehose/retail-trans:log-stream:DestinationDelivery",
            "arn:aws:logs:us-east-1:123456789012:log-group:/aws/kinesisfirehose/retail-trans:log-stream:BackupDelivery"
        ])
    );
    let text = p.to_json_pretty();
    assert!(text.contains(r#""error_log_stream": "DestinationDelivery""#), "{text}");
    assert_eq!(Plan::from_json(&text).unwrap(), p);
    // CloudWatch Logs' rules: 1-512 characters, no ':' or '*'
    let mut bad = p.clone();
    bad.settings.error_log_stream = Some("a:b".into());
    assert_error(&bad, "settings.error_log_stream", "may not contain ':' or '*' (character 2)");
    bad.settings.error_log_stream = Some(String::new());
    assert_error(&bad, "settings.error_log_stream", "required");
    bad.settings.error_log_stream = Some("x".repeat(513));
    assert_error(&bad, "settings.error_log_stream", "513");
    bad.settings.error_log_stream = None;
    bad.settings.backup_log_stream = Some("b*".into());
    assert_error(&bad, "settings.backup_log_stream", "'*'");
    // set but unused: a warning
    let mut unused = lab();
    unused.settings.backup_log_stream = Some("BackupDelivery".into());
    assert_warning(&unused, "settings.backup_log_stream", "not used");
    unused.settings.backup_log_stream = None;
    unused.settings.error_logging = false;
    unused.settings.error_log_stream = Some("DestinationDelivery".into());
    assert_warning(&unused, "settings.error_log_stream", "not used");
    // the defaults stay what they were, and stay out of the plan file
    assert_eq!(log_streams(&lab()), ["S3Delivery"]);
    assert!(!lab().to_json_pretty().contains("log_stream"));
}
