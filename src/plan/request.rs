//! Plan (+ account, Region, partition, and the ARNs provisioning resolved) → the exact
//! `CreateDeliveryStream` call, built from the SDK's own types, and its JSON for display.

use aws_sdk_firehose::types::{
    BufferingHints, CompressionFormat, DeliveryStreamType, ExtendedS3DestinationConfiguration,
    KinesisStreamSourceConfiguration,
};
use serde_json::{Map, Value, json};

use super::names::{kinesis_stream_name_of, role_name_of};
use super::{Plan, Role, Source};

/// Where the stream is created: the account and partition from STS, the client's Region.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub account: String,
    pub region: String,
    pub partition: String,
}

impl Target {
    /// For showing a plan before any AWS call: placeholders that are clearly not real.
    pub fn placeholder(region: Option<&str>) -> Target {
        Target { account: "<account>".into(), region: region.unwrap_or("<region>").into(), partition: "aws".into() }
    }
}

pub fn bucket_arn(bucket: &str, partition: &str) -> String {
    format!("arn:{partition}:s3:::{bucket}")
}

/// The source stream's ARN as the plan implies it (a given ARN as is, a name in this account and Region).
/// Provisioning replaces it with the ARN Kinesis reports.
pub fn kinesis_arn(plan: &Plan, target: &Target) -> Option<String> {
    match &plan.source {
        Source::DirectPut => None,
        Source::KinesisStream(s) if s.starts_with("arn:") => Some(s.clone()),
        Source::KinesisStream(s) => Some(format!(
            "arn:{}:kinesis:{}:{}:stream/{}",
            target.partition,
            target.region,
            target.account,
            kinesis_stream_name_of(s)
        )),
    }
}

/// The role's ARN as the plan implies it (a role created at path `/`, or a given ARN).
/// Provisioning replaces it with the ARN IAM reports (an existing role may have a path).
pub fn role_arn(plan: &Plan, target: &Target) -> String {
    match &plan.settings.role {
        Role::Existing(r) if r.starts_with("arn:") => r.clone(),
        Role::Create(name) | Role::Existing(name) => {
            format!("arn:{}:iam::{}:role/{}", target.partition, target.account, role_name_of(name))
        }
    }
}

/// The ARNs that provisioning looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub role_arn: String,
    pub source_arn: Option<String>,
}

impl Resolved {
    /// What the plan implies without asking AWS.
    pub fn implied(plan: &Plan, target: &Target) -> Resolved {
        Resolved { role_arn: role_arn(plan, target), source_arn: kinesis_arn(plan, target) }
    }
}

/// The parts of `CreateDeliveryStream`, as the SDK's types.
#[derive(Debug, Clone)]
pub struct CreateRequest {
    pub name: String,
    pub stream_type: DeliveryStreamType,
    pub kinesis_source: Option<KinesisStreamSourceConfiguration>,
    pub s3: ExtendedS3DestinationConfiguration,
}

/// Builds the request. Empty optional strings are omitted (not sent as `""`); both buffering hints are
/// always sent together.
pub fn build(plan: &Plan, target: &Target, resolved: &Resolved) -> Result<CreateRequest, String> {
    let d = &plan.destination;
    let s = &plan.settings;
    let hints = BufferingHints::builder()
        .size_in_mbs(s.buffer_size_mib as i32)
        .interval_in_seconds(s.buffer_interval_s as i32)
        .build();
    let s3 = ExtendedS3DestinationConfiguration::builder()
        .role_arn(&resolved.role_arn)
        .bucket_arn(bucket_arn(&d.bucket, &target.partition))
        .set_prefix(Some(d.prefix.clone()).filter(|p| !p.is_empty()))
        .set_error_output_prefix(d.error_prefix().map(str::to_owned))
        .buffering_hints(hints)
        .compression_format(CompressionFormat::from(s.compression.as_str()))
        .build()
        .map_err(|e| e.to_string())?;
    let (stream_type, kinesis_source) = match (&plan.source, &resolved.source_arn) {
        (Source::DirectPut, _) => (DeliveryStreamType::DirectPut, None),
        (Source::KinesisStream(_), Some(arn)) => (
            DeliveryStreamType::KinesisStreamAsSource,
            Some(
                KinesisStreamSourceConfiguration::builder()
                    .kinesis_stream_arn(arn)
                    .role_arn(&resolved.role_arn)
                    .build()
                    .map_err(|e| e.to_string())?,
            ),
        ),
        (Source::KinesisStream(_), None) => return Err("the source stream's ARN is not resolved".into()),
    };
    Ok(CreateRequest { name: plan.name.clone(), stream_type, kinesis_source, s3 })
}

/// The request as the API's JSON (member names as in the API reference), read back from the SDK types.
pub fn to_json(req: &CreateRequest) -> Value {
    let mut top = Map::new();
    top.insert("DeliveryStreamName".into(), json!(req.name));
    top.insert("DeliveryStreamType".into(), json!(req.stream_type.as_str()));
    if let Some(k) = &req.kinesis_source {
        top.insert(
            "KinesisStreamSourceConfiguration".into(),
            json!({ "KinesisStreamARN": k.kinesis_stream_arn(), "RoleARN": k.role_arn() }),
        );
    }
    let s3 = &req.s3;
    let mut d = Map::new();
    d.insert("RoleARN".into(), json!(s3.role_arn()));
    d.insert("BucketARN".into(), json!(s3.bucket_arn()));
    if let Some(p) = s3.prefix() {
        d.insert("Prefix".into(), json!(p));
    }
    if let Some(p) = s3.error_output_prefix() {
        d.insert("ErrorOutputPrefix".into(), json!(p));
    }
    if let Some(h) = s3.buffering_hints() {
        d.insert(
            "BufferingHints".into(),
            json!({ "SizeInMBs": h.size_in_mbs(), "IntervalInSeconds": h.interval_in_seconds() }),
        );
    }
    if let Some(c) = s3.compression_format() {
        d.insert("CompressionFormat".into(), json!(c.as_str()));
    }
    top.insert("ExtendedS3DestinationConfiguration".into(), Value::Object(d));
    Value::Object(top)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target() -> Target {
        Target { account: "123456789012".into(), region: "us-east-1".into(), partition: "aws".into() }
    }

    #[test]
    fn lab_request_json() {
        let plan = Plan::lab("12345678");
        let t = target();
        let req = build(&plan, &t, &Resolved::implied(&plan, &t)).unwrap();
        assert_eq!(
            serde_json::to_string(&to_json(&req)).unwrap(),
            concat!(
                r#"{"DeliveryStreamName":"retail-trans","DeliveryStreamType":"KinesisStreamAsSource","#,
                r#""KinesisStreamSourceConfiguration":{"KinesisStreamARN":"arn:aws:kinesis:us-east-1:123456789012:stream/retail-trans","RoleARN":"arn:aws:iam::123456789012:role/firehose_delivery_role"},"#,
                r#""ExtendedS3DestinationConfiguration":{"RoleARN":"arn:aws:iam::123456789012:role/firehose_delivery_role","BucketARN":"arn:aws:s3:::aws-analytics-immersion-day-12345678","#,
                r#""Prefix":"json-data/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/","#,
                r#""ErrorOutputPrefix":"error-json/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/!{firehose:error-output-type}","#,
                r#""BufferingHints":{"SizeInMBs":1,"IntervalInSeconds":60},"CompressionFormat":"UNCOMPRESSED"}}"#
            )
        );
    }

    #[test]
    fn direct_put_omits_empty_prefixes_and_source() {
        let mut plan = Plan::lab("12345678");
        plan.source = Source::DirectPut;
        plan.destination.prefix = String::new();
        plan.destination.error_prefix = Some(String::new());
        plan.settings.compression = "Snappy".into();
        let t = target();
        let j = to_json(&build(&plan, &t, &Resolved::implied(&plan, &t)).unwrap());
        assert_eq!(j["DeliveryStreamType"], "DirectPut");
        assert!(j.get("KinesisStreamSourceConfiguration").is_none());
        let d = &j["ExtendedS3DestinationConfiguration"];
        assert!(d.get("Prefix").is_none() && d.get("ErrorOutputPrefix").is_none());
        assert_eq!(d["CompressionFormat"], "Snappy");
    }

    #[test]
    fn resolved_arns_win_over_implied_ones() {
        let mut plan = Plan::lab("12345678");
        plan.settings.role = Role::Existing("my-role".into());
        let t = target();
        assert_eq!(role_arn(&plan, &t), "arn:aws:iam::123456789012:role/my-role");
        let r = Resolved {
            role_arn: "arn:aws:iam::123456789012:role/service-role/my-role".into(),
            source_arn: Some("arn:aws:kinesis:us-east-1:123456789012:stream/retail-trans".into()),
        };
        let j = to_json(&build(&plan, &t, &r).unwrap());
        assert_eq!(j["ExtendedS3DestinationConfiguration"]["RoleARN"], r.role_arn);
        assert_eq!(j["KinesisStreamSourceConfiguration"]["RoleARN"], r.role_arn);
    }

    #[test]
    fn kinesis_arn_given_or_derived() {
        let mut plan = Plan::lab("x");
        let t = target();
        assert_eq!(kinesis_arn(&plan, &t).unwrap(), "arn:aws:kinesis:us-east-1:123456789012:stream/retail-trans");
        plan.source = Source::KinesisStream("arn:aws:kinesis:us-east-1:210987654321:stream/s".into());
        assert_eq!(kinesis_arn(&plan, &t).unwrap(), "arn:aws:kinesis:us-east-1:210987654321:stream/s");
        plan.source = Source::DirectPut;
        assert_eq!(kinesis_arn(&plan, &t), None);
    }
}
