//! What a delivery stream's description says about where its records go: the facts the data-flow
//! commands (`send`, `smoke-test`, `status`, the watch view) work from. They read the stream as it is in
//! AWS, so they serve any delivery stream, also one that firehose-wizard did not create. Pure: the SDK's
//! output types in, plain data out.

use std::collections::BTreeMap;

use aws_sdk_firehose::types::{
    DeliveryStreamDescription, DeliveryStreamType, ExtendedS3DestinationDescription, ProcessorParameterName,
    ProcessorType,
};
use serde::Serialize;

use super::names::Arn;

/// A delivery stream as described by DescribeDeliveryStream.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StreamFacts {
    pub name: String,
    pub arn: String,
    /// `ACTIVE`, `CREATING`, `CREATING_FAILED`, `DELETING`, ...
    pub status: String,
    /// Why it failed, when it did (CREATING_FAILED, DELETING_FAILED).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure: Option<String>,
    pub source: SourceFacts,
    /// The S3 destination; `None` for another kind of destination (named in `other_destination`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s3: Option<S3Facts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_destination: Option<String>,
}

/// Where the stream's records come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum SourceFacts {
    /// Producers call Firehose's PutRecord / PutRecordBatch.
    DirectPut,
    /// Firehose reads this Kinesis data stream; Firehose refuses writes of its own.
    KinesisStream { stream_arn: String },
    /// An MSK cluster, a database, ...: firehose-wizard cannot send test records to it.
    Other { kind: String },
}

impl SourceFacts {
    /// The Kinesis stream's name, for messages.
    pub fn kinesis_name(&self) -> Option<&str> {
        match self {
            SourceFacts::KinesisStream { stream_arn } => Some(super::names::kinesis_stream_name_of(stream_arn)),
            _ => None,
        }
    }
}

/// An (extended) S3 destination: everything that decides where and how records land.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct S3Facts {
    pub bucket: String,
    /// As configured (`""` when none).
    pub prefix: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_prefix: Option<String>,
    /// `UNCOMPRESSED`, `GZIP`, `ZIP`, `Snappy`, `HADOOP_SNAPPY`.
    pub compression: String,
    /// The extension the objects get (`.gz`, `.parquet`, a custom one, or `""`).
    pub extension: String,
    /// IANA time zone of the prefix's timestamps; `None` is UTC.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buffer_size_mib: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buffer_interval_s: Option<i32>,
    /// Dynamic partitioning is on.
    pub dynamic_partitioning: bool,
    /// With dynamic partitioning: the partition keys and the jq expression of each (from the
    /// MetadataExtraction processor's query).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub partition_keys: BTreeMap<String, String>,
    /// Firehose appends a new line to each record (the AppendDelimiterToRecord processor).
    pub appends_delimiter: bool,
    /// CloudWatch Logs decompression (the Decompression processor): only CloudWatch Logs may write.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub decompression: bool,
    /// The Lambda transform's ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lambda: Option<String>,
    /// Record format conversion's output: `parquet` or `orc`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format_conversion: Option<String>,
    /// CloudWatch error logging, when on: the log group and its log streams.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log: Option<LogTarget>,
    pub role_arn: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogTarget {
    pub group: String,
    pub streams: Vec<String>,
}

/// The facts of a description.
pub fn facts(d: &DeliveryStreamDescription) -> StreamFacts {
    let source = match d.delivery_stream_type() {
        DeliveryStreamType::DirectPut => SourceFacts::DirectPut,
        DeliveryStreamType::KinesisStreamAsSource => {
            match d.source().and_then(|s| s.kinesis_stream_source_description()).and_then(|k| k.kinesis_stream_arn()) {
                Some(arn) => SourceFacts::KinesisStream { stream_arn: arn.to_owned() },
                None => SourceFacts::Other { kind: "KinesisStreamAsSource without a stream".into() },
            }
        }
        other => SourceFacts::Other { kind: other.as_str().to_owned() },
    };
    let destination = d.destinations().first();
    let s3 = destination.and_then(|x| x.extended_s3_destination_description()).map(s3_facts);
    let other_destination = match (&s3, destination) {
        (Some(_), _) => None,
        (None, None) => Some("none".to_owned()),
        (None, Some(x)) => Some(destination_kind(x).to_owned()),
    };
    StreamFacts {
        name: d.delivery_stream_name().to_owned(),
        arn: d.delivery_stream_arn().to_owned(),
        status: d.delivery_stream_status().as_str().to_owned(),
        failure: d.failure_description().map(|f| format!("{}: {}", f.r#type().as_str(), f.details())),
        source,
        s3,
        other_destination,
    }
}

/// The facts of the stream a plan makes in `target`, as DescribeDeliveryStream would give them once it
/// is ACTIVE: where its records land, before (or without) asking AWS.
pub fn planned(plan: &super::Plan, target: &super::request::Target) -> Result<StreamFacts, String> {
    use super::request;
    let req = request::build(plan, target, &request::Resolved::implied(plan, target))?;
    Ok(facts(&request::described(&req, target)))
}

pub fn destination_kind(x: &aws_sdk_firehose::types::DestinationDescription) -> &'static str {
    if x.s3_destination_description().is_some() {
        "S3 (S3DestinationDescription)"
    } else if x.redshift_destination_description().is_some() {
        "Amazon Redshift"
    } else if x.amazonopensearchservice_destination_description().is_some()
        || x.elasticsearch_destination_description().is_some()
    {
        "Amazon OpenSearch Service"
    } else if x.amazon_open_search_serverless_destination_description().is_some() {
        "Amazon OpenSearch Serverless"
    } else if x.splunk_destination_description().is_some() {
        "Splunk"
    } else if x.http_endpoint_destination_description().is_some() {
        "HTTP endpoint"
    } else if x.snowflake_destination_description().is_some() {
        "Snowflake"
    } else {
        "?"
    }
}

/// Every IAM role a delivery stream's description names, in any field: its source's, each destination's
/// and backup's, a Lambda processor's `RoleArn` parameter, the format conversion's schema, a VPC's, a
/// secret's. Found by their ARN form anywhere in the description (its `Debug` text, where every field
/// of the SDK's types appears, sensitive ones redacted), so a role field that a later API version adds
/// is found too. Each once, in the order they appear.
pub fn role_arns(d: &DeliveryStreamDescription) -> Vec<String> {
    static ROLE: std::sync::OnceLock<regex_lite::Regex> = std::sync::OnceLock::new();
    let re = ROLE.get_or_init(|| {
        regex_lite::Regex::new(r"arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9_+=,.@/-]+").expect("static pattern")
    });
    let text = format!("{d:?}");
    let mut out: Vec<String> = Vec::new();
    for m in re.find_iter(&text) {
        let arn = m.as_str().to_owned();
        if !out.contains(&arn) {
            out.push(arn);
        }
    }
    out
}

/// Whether two role ARNs name the same role: the same account and, as IAM compares role names, the
/// same name whatever its case (a role's path is not part of its identity).
pub fn same_role(a: &str, b: &str) -> bool {
    let parts = |arn: &str| {
        let account = arn.split(':').nth(4).unwrap_or_default().to_owned();
        (account, super::names::role_name_of(arn).to_lowercase())
    };
    parts(a) == parts(b)
}

/// The bucket's name in its ARN (`arn:aws:s3:::NAME`).
pub fn bucket_name(arn: &str) -> String {
    Arn::parse(arn).map(|a| a.resource.to_owned()).unwrap_or_else(|| arn.trim_start_matches("arn:aws:s3:::").to_owned())
}

fn s3_facts(e: &ExtendedS3DestinationDescription) -> S3Facts {
    let bucket = bucket_name(e.bucket_arn());
    let processors = e.processing_configuration().filter(|p| p.enabled() != Some(false)).map(|p| p.processors());
    let processors = processors.unwrap_or_default();
    let param = |t: ProcessorType, name: ProcessorParameterName| -> Option<String> {
        processors
            .iter()
            .filter(|p| *p.r#type() == t)
            .flat_map(|p| p.parameters())
            .find(|x| *x.parameter_name() == name)
            .map(|x| x.parameter_value().to_owned())
    };
    let has = |t: ProcessorType| processors.iter().any(|p| *p.r#type() == t);
    let dynamic_partitioning = e.dynamic_partitioning_configuration().is_some_and(|d| d.enabled().unwrap_or(false));
    let partition_keys = param(ProcessorType::MetadataExtraction, ProcessorParameterName::MetadataExtractionQuery)
        .map(|q| parse_metadata_query(&q))
        .unwrap_or_default();
    let format_conversion = e
        .data_format_conversion_configuration()
        .filter(|c| c.enabled().unwrap_or(true))
        .and_then(|c| c.output_format_configuration())
        .and_then(|o| o.serializer())
        .map(|s| if s.orc_ser_de().is_some() { "orc" } else { "parquet" }.to_owned());
    let compression = e.compression_format().as_str().to_owned();
    let extension =
        super::validate::object_extension(e.file_extension(), format_conversion.as_deref(), &compression).to_owned();
    let log = e.cloud_watch_logging_options().filter(|l| l.enabled().unwrap_or(false)).and_then(|l| {
        let group = l.log_group_name()?.to_owned();
        let mut streams: Vec<String> = l.log_stream_name().into_iter().map(str::to_owned).collect();
        if let Some(b) = e.s3_backup_description().and_then(|b| b.cloud_watch_logging_options())
            && b.enabled().unwrap_or(false)
            && b.log_group_name() == Some(group.as_str())
            && let Some(s) = b.log_stream_name()
            && !streams.iter().any(|x| x == s)
        {
            streams.push(s.to_owned());
        }
        Some(LogTarget { group, streams })
    });
    S3Facts {
        bucket,
        prefix: e.prefix().unwrap_or_default().to_owned(),
        error_prefix: e.error_output_prefix().filter(|p| !p.is_empty()).map(str::to_owned),
        compression,
        extension,
        time_zone: e.custom_time_zone().filter(|z| !z.is_empty() && *z != "UTC").map(str::to_owned),
        buffer_size_mib: e.buffering_hints().and_then(|b| b.size_in_mbs()),
        buffer_interval_s: e.buffering_hints().and_then(|b| b.interval_in_seconds()),
        dynamic_partitioning,
        partition_keys,
        appends_delimiter: has(ProcessorType::AppendDelimiterToRecord),
        decompression: has(ProcessorType::Decompression),
        lambda: param(ProcessorType::Lambda, ProcessorParameterName::LambdaArn),
        format_conversion,
        log,
        role_arn: e.role_arn().to_owned(),
    }
}

/// The keys of a MetadataExtraction query, `{customer_id:.customer_id,year:.ts|strftime("%Y")}`: each
/// top-level `name:expression` of the object. What does not parse as that shape gives no keys.
pub fn parse_metadata_query(query: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let Some(body) = query.trim().strip_prefix('{').and_then(|q| q.strip_suffix('}')) else { return out };
    // split at commas outside brackets and strings
    let mut parts = Vec::new();
    let (mut depth, mut in_string, mut escaped, mut start) = (0i32, false, false, 0usize);
    for (i, c) in body.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&body[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&body[start..]);
    for part in parts {
        let part = part.trim();
        // a quoted key may hold a `:`; jq's shorthand `{customer_id}` means `customer_id: .customer_id`
        let (key, expr) = match part.strip_prefix('"').and_then(|r| r.split_once('"')) {
            Some((k, rest)) => (k.to_owned(), rest.trim_start().strip_prefix(':').map(str::trim)),
            None => match part.split_once(':') {
                Some((k, e)) => (k.trim().to_owned(), Some(e.trim())),
                None => (part.to_owned(), None),
            },
        };
        let expr = match expr {
            Some(e) => e.to_owned(),
            None if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => format!(".{key}"),
            None => continue,
        };
        if !key.is_empty() && !expr.is_empty() {
            out.insert(key, expr);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use aws_sdk_firehose::types::{
        BufferingHints, CloudWatchLoggingOptions, CompressionFormat, DeliveryStreamStatus, DestinationDescription,
        DynamicPartitioningConfiguration, KinesisStreamSourceDescription, ProcessingConfiguration, Processor,
        ProcessorParameter, SourceDescription,
    };

    fn description(kind: DeliveryStreamType, s3: ExtendedS3DestinationDescription) -> DeliveryStreamDescription {
        let mut b = DeliveryStreamDescription::builder()
            .delivery_stream_name("retail-trans")
            .delivery_stream_arn("arn:aws:firehose:us-east-1:123456789012:deliverystream/retail-trans")
            .delivery_stream_status(DeliveryStreamStatus::Active)
            .delivery_stream_type(kind.clone())
            .version_id("1")
            .has_more_destinations(false)
            .destinations(
                DestinationDescription::builder()
                    .destination_id("destinationId-000000000001")
                    .extended_s3_destination_description(s3)
                    .build()
                    .unwrap(),
            );
        if kind == DeliveryStreamType::KinesisStreamAsSource {
            b = b.source(
                SourceDescription::builder()
                    .kinesis_stream_source_description(
                        KinesisStreamSourceDescription::builder()
                            .kinesis_stream_arn("arn:aws:kinesis:us-east-1:123456789012:stream/retail-trans")
                            .build(),
                    )
                    .build(),
            );
        }
        b.build().unwrap()
    }

    fn s3() -> aws_sdk_firehose::types::builders::ExtendedS3DestinationDescriptionBuilder {
        ExtendedS3DestinationDescription::builder()
            .role_arn("arn:aws:iam::123456789012:role/firehose_delivery_role")
            .bucket_arn("arn:aws:s3:::aws-analytics-immersion-day-12345678")
            .compression_format(CompressionFormat::Gzip)
            .buffering_hints(BufferingHints::builder().size_in_mbs(1).interval_in_seconds(60).build())
    }

    #[test]
    fn the_lab_stream() {
        let d = description(
            DeliveryStreamType::KinesisStreamAsSource,
            s3().prefix(crate::plan::LAB_PREFIX)
                .error_output_prefix(crate::plan::LAB_ERROR_PREFIX)
                .cloud_watch_logging_options(
                    CloudWatchLoggingOptions::builder()
                        .enabled(true)
                        .log_group_name("/aws/kinesisfirehose/retail-trans")
                        .log_stream_name("S3Delivery")
                        .build(),
                )
                .build()
                .unwrap(),
        );
        let f = facts(&d);
        assert_eq!(f.status, "ACTIVE");
        assert_eq!(
            f.source,
            SourceFacts::KinesisStream {
                stream_arn: "arn:aws:kinesis:us-east-1:123456789012:stream/retail-trans".into()
            }
        );
        assert_eq!(f.source.kinesis_name(), Some("retail-trans"));
        let s3 = f.s3.unwrap();
        assert_eq!(s3.bucket, "aws-analytics-immersion-day-12345678");
        assert_eq!(s3.prefix, crate::plan::LAB_PREFIX);
        assert_eq!(s3.error_prefix.as_deref(), Some(crate::plan::LAB_ERROR_PREFIX));
        assert_eq!(s3.extension, ".gz");
        assert_eq!((s3.buffer_size_mib, s3.buffer_interval_s), (Some(1), Some(60)));
        assert_eq!(
            s3.log,
            Some(LogTarget { group: "/aws/kinesisfirehose/retail-trans".into(), streams: vec!["S3Delivery".into()] })
        );
        assert!(!s3.appends_delimiter && !s3.dynamic_partitioning && s3.partition_keys.is_empty());
    }

    #[test]
    fn dynamic_partitioning_with_a_delimiter() {
        let param = |n: ProcessorParameterName, v: &str| {
            ProcessorParameter::builder().parameter_name(n).parameter_value(v).build().unwrap()
        };
        let processing = ProcessingConfiguration::builder()
            .enabled(true)
            .processors(
                Processor::builder()
                    .r#type(ProcessorType::MetadataExtraction)
                    .parameters(param(
                        ProcessorParameterName::MetadataExtractionQuery,
                        "{customer_id:.Customer_ID,country:.Country}",
                    ))
                    .parameters(param(ProcessorParameterName::JsonParsingEngine, "JQ-1.6"))
                    .build()
                    .unwrap(),
            )
            .processors(Processor::builder().r#type(ProcessorType::AppendDelimiterToRecord).build().unwrap())
            .build();
        let d = description(
            DeliveryStreamType::DirectPut,
            s3().prefix("c=!{partitionKeyFromQuery:customer_id}/")
                .error_output_prefix("err/!{firehose:error-output-type}/")
                .compression_format(CompressionFormat::Uncompressed)
                .file_extension(".json")
                .custom_time_zone("Asia/Seoul")
                .processing_configuration(processing)
                .dynamic_partitioning_configuration(DynamicPartitioningConfiguration::builder().enabled(true).build())
                .build()
                .unwrap(),
        );
        let f = facts(&d);
        assert_eq!(f.source, SourceFacts::DirectPut);
        let s3 = f.s3.unwrap();
        assert!(s3.dynamic_partitioning && s3.appends_delimiter);
        assert_eq!(s3.extension, ".json");
        assert_eq!(s3.time_zone.as_deref(), Some("Asia/Seoul"));
        assert_eq!(
            s3.partition_keys.into_iter().collect::<Vec<_>>(),
            vec![("country".into(), ".Country".into()), ("customer_id".into(), ".Customer_ID".into())]
        );
    }

    #[test]
    fn a_plan_has_the_facts_of_the_stream_it_makes() {
        let target = crate::plan::request::Target {
            account: "123456789012".into(),
            region: "us-east-1".into(),
            partition: "aws".into(),
        };
        let mut plan = crate::plan::Plan::lab("12345678");
        plan.settings.compression = "GZIP".into();
        plan.destination.time_zone = Some("Asia/Seoul".into());
        let f = planned(&plan, &target).unwrap();
        assert_eq!(f.name, "retail-trans");
        assert_eq!(f.source.kinesis_name(), Some("retail-trans"));
        let s3 = f.s3.unwrap();
        assert_eq!(
            (s3.bucket.as_str(), s3.prefix.as_str()),
            ("aws-analytics-immersion-day-12345678", crate::plan::LAB_PREFIX)
        );
        assert_eq!((s3.extension.as_str(), s3.time_zone.as_deref()), (".gz", Some("Asia/Seoul")));
        assert_eq!(s3.log.unwrap().streams, ["S3Delivery"]);
        assert_eq!(s3.role_arn, "arn:aws:iam::123456789012:role/firehose_delivery_role");
    }

    #[test]
    fn metadata_queries() {
        let q = |s| parse_metadata_query(s).into_iter().collect::<Vec<_>>();
        assert_eq!(q("{a:.a}"), vec![("a".to_owned(), ".a".to_owned())]);
        assert_eq!(
            q(r#"{ "y": .ts | strftime("%Y,%m"), m:.x[0,1] , z:{a:1,b:2} }"#),
            vec![
                ("m".to_owned(), ".x[0,1]".to_owned()),
                ("y".to_owned(), r#".ts | strftime("%Y,%m")"#.to_owned()),
                ("z".to_owned(), "{a:1,b:2}".to_owned())
            ]
        );
        assert!(q("not an object").is_empty());
        assert_eq!(q("{customer_id}"), vec![("customer_id".to_owned(), ".customer_id".to_owned())]);
        assert_eq!(q(r#"{"a:b": .x}"#), vec![("a:b".to_owned(), ".x".to_owned())]);
        // the query firehose-wizard writes reads back as its keys
        let keys: BTreeMap<String, String> =
            [("customer_id".to_owned(), ".customer_id".to_owned()), ("k".to_owned(), ".a.b".to_owned())].into();
        assert_eq!(parse_metadata_query(&crate::plan::validate::metadata_query(&keys)), keys);
    }
}
