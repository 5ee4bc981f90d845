//! Plan (+ account, Region, partition, and the ARNs provisioning resolved) → the exact
//! `CreateDeliveryStream` call, built from the SDK's own types, and its JSON for display.

use aws_sdk_firehose::types::{
    BufferingHints, CloudWatchLoggingOptions, CompressionFormat, DataFormatConversionConfiguration,
    DeliveryStreamEncryptionConfigurationInput, DeliveryStreamEncryptionStatus, DeliveryStreamType, Deserializer,
    DynamicPartitioningConfiguration, EncryptionConfiguration, ExtendedS3DestinationConfiguration, HiveJsonSerDe,
    InputFormatConfiguration, KeyType, KinesisStreamSourceConfiguration, KmsEncryptionConfig, OpenXJsonSerDe, OrcSerDe,
    OutputFormatConfiguration, ParquetSerDe, ProcessingConfiguration, Processor, ProcessorParameter,
    ProcessorParameterName, ProcessorType, RetryOptions, S3BackupMode, S3DestinationConfiguration, SchemaConfiguration,
    Serializer, Tag,
};
use serde_json::{Map, Value, json};

use super::msg::Msg;
use super::names::{kinesis_stream_name_of, role_name_of};
use super::validate::metadata_query;
use super::{Deaggregation, Plan, Role, Source, StreamEncryption};

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
        Source::KinesisStream(s) | Source::NewKinesisStream(super::NewStream { name: s, .. }) => Some(format!(
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
    /// The KMS key the Kinesis source is encrypted with, as Kinesis names it (`KeyId`), once read.
    pub source_key: Option<String>,
}

impl Resolved {
    /// What the plan implies without asking AWS.
    pub fn implied(plan: &Plan, target: &Target) -> Resolved {
        Resolved { role_arn: role_arn(plan, target), source_arn: kinesis_arn(plan, target), source_key: None }
    }
}

/// The messages of `InvalidArgumentException` that mean "IAM has not propagated yet" (Terraform's list,
/// aws-rules.md §5a, plus the token message reported in 2026).
pub const PROPAGATION_MESSAGES: [&str; 6] = [
    "Firehose is unable to assume role",
    "is not authorized to",
    "Access was denied",
    "Please make sure the role specified in VpcConfiguration has permissions",
    "Verify that the IAM role has access",
    "security token included in the request is invalid",
];

/// The CloudWatch Logs names of the plan's error logging: the console's group, one stream for the
/// destination and one for the backup.
pub fn log_group(plan: &Plan) -> String {
    log_group_of(&plan.name)
}

/// The console's log group of the delivery stream `name`.
pub fn log_group_of(name: &str) -> String {
    format!("/aws/kinesisfirehose/{name}")
}
pub const LOG_STREAM: &str = "S3Delivery";
pub const BACKUP_LOG_STREAM: &str = "S3Backup";

/// The log stream of the destination's errors: the plan's, else [`LOG_STREAM`].
pub fn log_stream(plan: &Plan) -> &str {
    plan.settings.error_log_stream.as_deref().filter(|s| !s.is_empty()).unwrap_or(LOG_STREAM)
}

/// The log stream of the backup's errors: the plan's, else [`BACKUP_LOG_STREAM`].
pub fn backup_log_stream(plan: &Plan) -> &str {
    plan.settings.backup_log_stream.as_deref().filter(|s| !s.is_empty()).unwrap_or(BACKUP_LOG_STREAM)
}

/// The log streams the plan writes to, the destination's first (none when error logging is off).
pub fn log_streams(plan: &Plan) -> Vec<&str> {
    match (plan.settings.error_logging, plan.destination.backup.is_some()) {
        (false, _) => vec![],
        (true, false) => vec![log_stream(plan)],
        (true, true) => vec![log_stream(plan), backup_log_stream(plan)],
    }
}

/// The parts of `CreateDeliveryStream`, as the SDK's types.
#[derive(Debug, Clone)]
pub struct CreateRequest {
    pub name: String,
    pub stream_type: DeliveryStreamType,
    pub kinesis_source: Option<KinesisStreamSourceConfiguration>,
    pub encryption: Option<DeliveryStreamEncryptionConfigurationInput>,
    pub s3: ExtendedS3DestinationConfiguration,
    pub tags: Vec<Tag>,
}

fn parameter(name: ProcessorParameterName, value: impl Into<String>) -> Result<ProcessorParameter, String> {
    ProcessorParameter::builder().parameter_name(name).parameter_value(value).build().map_err(|e| e.to_string())
}

fn processor(kind: ProcessorType, parameters: Vec<ProcessorParameter>) -> Result<Processor, String> {
    Processor::builder().r#type(kind).set_parameters(Some(parameters)).build().map_err(|e| e.to_string())
}

/// A number as the processor parameters take it: `1`, `0.5`.
fn number(v: f64) -> String {
    if v.fract() == 0.0 { format!("{}", v as i64) } else { format!("{v}") }
}

/// The processors, in Firehose's order: decompression and message extraction, de-aggregation,
/// Lambda, partition-key extraction, delimiter.
fn processing(plan: &Plan) -> Result<Option<ProcessingConfiguration>, String> {
    let mut processors = Vec::new();
    if let Some(d) = &plan.process.decompression {
        processors.push(processor(
            ProcessorType::Decompression,
            vec![parameter(ProcessorParameterName::CompressionFormat, "GZIP")?],
        )?);
        if d.message_extraction {
            processors.push(processor(
                ProcessorType::CloudWatchLogProcessing,
                vec![parameter(ProcessorParameterName::DataMessageExtraction, "true")?],
            )?);
        }
    }
    let dynamic = plan.destination.dynamic_partitioning.as_ref();
    if let Some(d) = dynamic.and_then(|d| d.record_deaggregation.as_ref()) {
        let params = match d {
            Deaggregation::Json => vec![parameter(ProcessorParameterName::SubRecordType, "JSON")?],
            Deaggregation::Delimited(delim) => vec![
                parameter(ProcessorParameterName::SubRecordType, "DELIMITED")?,
                parameter(ProcessorParameterName::Delimiter, aws_smithy_types::base64::encode(delim.as_bytes()))?,
            ],
        };
        processors.push(processor(ProcessorType::RecordDeAggregation, params)?);
    }
    if let Some(l) = &plan.process.lambda {
        let mut params = vec![parameter(ProcessorParameterName::LambdaArn, &l.function_arn)?];
        if let Some(r) = l.retries {
            params.push(parameter(ProcessorParameterName::LambdaNumberOfRetries, r.to_string())?);
        }
        if let Some(b) = l.buffer_size_mib {
            params.push(parameter(ProcessorParameterName::BufferSizeInMb, number(b))?);
        }
        if let Some(i) = l.buffer_interval_s {
            params.push(parameter(ProcessorParameterName::BufferIntervalInSeconds, i.to_string())?);
        }
        processors.push(processor(ProcessorType::Lambda, params)?);
    }
    if let Some(d) = dynamic.filter(|d| !d.keys.is_empty()) {
        processors.push(processor(
            ProcessorType::MetadataExtraction,
            vec![
                parameter(ProcessorParameterName::MetadataExtractionQuery, metadata_query(&d.keys))?,
                parameter(ProcessorParameterName::JsonParsingEngine, "JQ-1.6")?,
            ],
        )?);
    }
    if plan.destination.appends_new_line() {
        processors.push(processor(ProcessorType::AppendDelimiterToRecord, vec![])?);
    }
    if processors.is_empty() {
        return Ok(None);
    }
    Ok(Some(ProcessingConfiguration::builder().enabled(true).set_processors(Some(processors)).build()))
}

fn format_conversion(
    plan: &Plan,
    target: &Target,
    role_arn: &str,
) -> Result<Option<DataFormatConversionConfiguration>, String> {
    let Some(c) = &plan.process.format_conversion else { return Ok(None) };
    let schema = SchemaConfiguration::builder()
        .role_arn(role_arn)
        .catalog_id(&target.account)
        .database_name(&c.glue_database)
        .table_name(&c.glue_table)
        .region(c.glue_region.clone().unwrap_or_else(|| target.region.clone()))
        .version_id(c.glue_version.clone().unwrap_or_else(|| "LATEST".into()))
        .build();
    let deserializer = if c.input == "hive_json" {
        Deserializer::builder().hive_json_ser_de(HiveJsonSerDe::builder().build()).build()
    } else {
        Deserializer::builder().open_x_json_ser_de(OpenXJsonSerDe::builder().build()).build()
    };
    let serializer = if c.output == "orc" {
        Serializer::builder().orc_ser_de(OrcSerDe::builder().build()).build()
    } else {
        Serializer::builder().parquet_ser_de(ParquetSerDe::builder().build()).build()
    };
    Ok(Some(
        DataFormatConversionConfiguration::builder()
            .enabled(true)
            .schema_configuration(schema)
            .input_format_configuration(InputFormatConfiguration::builder().deserializer(deserializer).build())
            .output_format_configuration(OutputFormatConfiguration::builder().serializer(serializer).build())
            .build(),
    ))
}

fn logging(plan: &Plan, stream: &str) -> CloudWatchLoggingOptions {
    if plan.settings.error_logging {
        CloudWatchLoggingOptions::builder()
            .enabled(true)
            .log_group_name(log_group(plan))
            .log_stream_name(stream)
            .build()
    } else {
        CloudWatchLoggingOptions::builder().enabled(false).build()
    }
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
    let backup = match &d.backup {
        Some(b) => Some(
            S3DestinationConfiguration::builder()
                .role_arn(&resolved.role_arn)
                .bucket_arn(bucket_arn(&b.bucket, &target.partition))
                .set_prefix(Some(b.prefix.clone()).filter(|p| !p.is_empty()))
                .compression_format(CompressionFormat::Uncompressed)
                .cloud_watch_logging_options(logging(plan, backup_log_stream(plan)))
                .build()
                .map_err(|e| e.to_string())?,
        ),
        None => None,
    };
    let s3 = ExtendedS3DestinationConfiguration::builder()
        .role_arn(&resolved.role_arn)
        .bucket_arn(bucket_arn(&d.bucket, &target.partition))
        .set_prefix(Some(d.prefix.clone()).filter(|p| !p.is_empty()))
        .set_error_output_prefix(d.error_prefix().map(str::to_owned))
        .buffering_hints(hints)
        .compression_format(CompressionFormat::from(s.compression.as_str()))
        .set_encryption_configuration(s.encryption.as_ref().map(|e| {
            EncryptionConfiguration::builder()
                .kms_encryption_config(
                    KmsEncryptionConfig::builder().awskms_key_arn(&e.kms_key_arn).build().expect("key set"),
                )
                .build()
        }))
        .cloud_watch_logging_options(logging(plan, log_stream(plan)))
        .set_processing_configuration(processing(plan)?)
        .set_data_format_conversion_configuration(format_conversion(plan, target, &resolved.role_arn)?)
        .set_dynamic_partitioning_configuration(d.dynamic_partitioning.as_ref().map(|dp| {
            DynamicPartitioningConfiguration::builder()
                .enabled(true)
                .retry_options(
                    RetryOptions::builder().duration_in_seconds(dp.retry_duration_s.unwrap_or(300) as i32).build(),
                )
                .build()
        }))
        .set_file_extension(d.file_extension.clone().filter(|x| !x.is_empty()))
        .set_custom_time_zone(d.time_zone.clone().filter(|x| !x.is_empty()))
        .set_s3_backup_mode(backup.as_ref().map(|_| S3BackupMode::Enabled))
        .set_s3_backup_configuration(backup)
        .build()
        .map_err(|e| e.to_string())?;
    let (stream_type, kinesis_source) = match (&plan.source, &resolved.source_arn) {
        (Source::DirectPut, _) => (DeliveryStreamType::DirectPut, None),
        (Source::KinesisStream(_) | Source::NewKinesisStream(_), Some(arn)) => (
            DeliveryStreamType::KinesisStreamAsSource,
            Some(
                KinesisStreamSourceConfiguration::builder()
                    .kinesis_stream_arn(arn)
                    .role_arn(&resolved.role_arn)
                    .build()
                    .map_err(|e| e.to_string())?,
            ),
        ),
        (_, None) => return Err("the source stream's ARN is not resolved".into()),
    };
    let encryption = match &s.stream_encryption {
        None => None,
        Some(StreamEncryption::AwsOwned) => Some(
            DeliveryStreamEncryptionConfigurationInput::builder()
                .key_type(KeyType::AwsOwnedCmk)
                .build()
                .map_err(|e| e.to_string())?,
        ),
        Some(StreamEncryption::CustomerManaged(k)) => Some(
            DeliveryStreamEncryptionConfigurationInput::builder()
                .key_type(KeyType::CustomerManagedCmk)
                .key_arn(k)
                .build()
                .map_err(|e| e.to_string())?,
        ),
    };
    let tags = s
        .tags
        .iter()
        .map(|(k, v)| Tag::builder().key(k).value(v).build().map_err(|e| e.to_string()))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(CreateRequest { name: plan.name.clone(), stream_type, kinesis_source, encryption, s3, tags })
}

fn processing_json(p: &ProcessingConfiguration) -> Value {
    let processors: Vec<Value> = p
        .processors()
        .iter()
        .map(|x| {
            let params: Vec<Value> = x
                .parameters()
                .iter()
                .map(|pp| json!({ "ParameterName": pp.parameter_name().as_str(), "ParameterValue": pp.parameter_value() }))
                .collect();
            let mut o = Map::new();
            o.insert("Type".into(), json!(x.r#type().as_str()));
            // as the SDK sends it: an empty list for a processor without parameters
            o.insert("Parameters".into(), Value::Array(params));
            Value::Object(o)
        })
        .collect();
    json!({ "Enabled": p.enabled(), "Processors": processors })
}

fn conversion_json(c: &DataFormatConversionConfiguration) -> Value {
    let mut o = Map::new();
    o.insert("Enabled".into(), json!(c.enabled()));
    if let Some(sc) = c.schema_configuration() {
        let mut m = Map::new();
        for (k, v) in [
            ("RoleARN", sc.role_arn()),
            ("CatalogId", sc.catalog_id()),
            ("DatabaseName", sc.database_name()),
            ("TableName", sc.table_name()),
            ("Region", sc.region()),
            ("VersionId", sc.version_id()),
        ] {
            if let Some(v) = v {
                m.insert(k.into(), json!(v));
            }
        }
        o.insert("SchemaConfiguration".into(), Value::Object(m));
    }
    if let Some(d) = c.input_format_configuration().and_then(|i| i.deserializer()) {
        let which = if d.hive_json_ser_de().is_some() { "HiveJsonSerDe" } else { "OpenXJsonSerDe" };
        o.insert("InputFormatConfiguration".into(), json!({ "Deserializer": { which: {} } }));
    }
    if let Some(s) = c.output_format_configuration().and_then(|i| i.serializer()) {
        let which = if s.orc_ser_de().is_some() { "OrcSerDe" } else { "ParquetSerDe" };
        o.insert("OutputFormatConfiguration".into(), json!({ "Serializer": { which: {} } }));
    }
    Value::Object(o)
}

fn logging_json(l: &CloudWatchLoggingOptions) -> Value {
    let mut o = Map::new();
    o.insert("Enabled".into(), json!(l.enabled()));
    if let Some(g) = l.log_group_name() {
        o.insert("LogGroupName".into(), json!(g));
    }
    if let Some(s) = l.log_stream_name() {
        o.insert("LogStreamName".into(), json!(s));
    }
    Value::Object(o)
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
    if let Some(e) = &req.encryption {
        let mut o = Map::new();
        o.insert("KeyType".into(), json!(e.key_type().as_str()));
        if let Some(k) = e.key_arn() {
            o.insert("KeyARN".into(), json!(k));
        }
        top.insert("DeliveryStreamEncryptionConfigurationInput".into(), Value::Object(o));
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
    if let Some(k) = s3.encryption_configuration().and_then(|e| e.kms_encryption_config()) {
        d.insert(
            "EncryptionConfiguration".into(),
            json!({ "KMSEncryptionConfig": { "AWSKMSKeyARN": k.awskms_key_arn() } }),
        );
    }
    if let Some(l) = s3.cloud_watch_logging_options() {
        d.insert("CloudWatchLoggingOptions".into(), logging_json(l));
    }
    if let Some(p) = s3.processing_configuration() {
        d.insert("ProcessingConfiguration".into(), processing_json(p));
    }
    if let Some(c) = s3.data_format_conversion_configuration() {
        d.insert("DataFormatConversionConfiguration".into(), conversion_json(c));
    }
    if let Some(dp) = s3.dynamic_partitioning_configuration() {
        d.insert(
            "DynamicPartitioningConfiguration".into(),
            json!({ "Enabled": dp.enabled(), "RetryOptions": { "DurationInSeconds": dp.retry_options().and_then(|r| r.duration_in_seconds()) } }),
        );
    }
    if let Some(x) = s3.file_extension() {
        d.insert("FileExtension".into(), json!(x));
    }
    if let Some(z) = s3.custom_time_zone() {
        d.insert("CustomTimeZone".into(), json!(z));
    }
    if let Some(m) = s3.s3_backup_mode() {
        d.insert("S3BackupMode".into(), json!(m.as_str()));
    }
    if let Some(b) = s3.s3_backup_configuration() {
        let mut o = Map::new();
        o.insert("RoleARN".into(), json!(b.role_arn()));
        o.insert("BucketARN".into(), json!(b.bucket_arn()));
        if let Some(p) = b.prefix() {
            o.insert("Prefix".into(), json!(p));
        }
        if let Some(c) = b.compression_format() {
            o.insert("CompressionFormat".into(), json!(c.as_str()));
        }
        if let Some(l) = b.cloud_watch_logging_options() {
            o.insert("CloudWatchLoggingOptions".into(), logging_json(l));
        }
        d.insert("S3BackupConfiguration".into(), Value::Object(o));
    }
    top.insert("ExtendedS3DestinationConfiguration".into(), Value::Object(d));
    if !req.tags.is_empty() {
        let tags: Vec<Value> = req.tags.iter().map(|t| json!({ "Key": t.key(), "Value": t.value() })).collect();
        top.insert("Tags".into(), Value::Array(tags));
    }
    Value::Object(top)
}

/// What DescribeDeliveryStream says of the ACTIVE stream that `req` creates in `target`: the request's
/// settings as AWS echoes them, with its defaults where the request leaves one out (no encryption,
/// UNCOMPRESSED). The data-flow view of a plan (`describe::planned`), and the tests of the comparison.
pub fn described(req: &CreateRequest, target: &Target) -> aws_sdk_firehose::types::DeliveryStreamDescription {
    use aws_sdk_firehose::types::*;
    let s3 = &req.s3;
    let no_encryption =
        EncryptionConfiguration::builder().no_encryption_config(NoEncryptionConfig::NoEncryption).build();
    let backup = s3.s3_backup_configuration().map(|b| {
        S3DestinationDescription::builder()
            .role_arn(b.role_arn())
            .bucket_arn(b.bucket_arn())
            .set_prefix(b.prefix().map(str::to_owned))
            .set_error_output_prefix(b.error_output_prefix().map(str::to_owned))
            .buffering_hints(b.buffering_hints().cloned().unwrap_or_else(|| BufferingHints::builder().build()))
            .compression_format(b.compression_format().cloned().unwrap_or(CompressionFormat::Uncompressed))
            .encryption_configuration(b.encryption_configuration().cloned().unwrap_or(no_encryption.clone()))
            .set_cloud_watch_logging_options(b.cloud_watch_logging_options().cloned())
            .build()
            .expect("role and bucket are set")
    });
    let x = ExtendedS3DestinationDescription::builder()
        .role_arn(s3.role_arn())
        .bucket_arn(s3.bucket_arn())
        .set_prefix(s3.prefix().map(str::to_owned))
        .set_error_output_prefix(s3.error_output_prefix().map(str::to_owned))
        .buffering_hints(s3.buffering_hints().cloned().unwrap_or_else(|| BufferingHints::builder().build()))
        .compression_format(s3.compression_format().cloned().unwrap_or(CompressionFormat::Uncompressed))
        .encryption_configuration(s3.encryption_configuration().cloned().unwrap_or(no_encryption))
        .set_processing_configuration(s3.processing_configuration().cloned())
        .set_cloud_watch_logging_options(s3.cloud_watch_logging_options().cloned())
        .set_data_format_conversion_configuration(s3.data_format_conversion_configuration().cloned())
        .set_dynamic_partitioning_configuration(s3.dynamic_partitioning_configuration().cloned())
        .set_file_extension(s3.file_extension().map(str::to_owned))
        .set_custom_time_zone(s3.custom_time_zone().map(str::to_owned))
        .set_s3_backup_mode(s3.s3_backup_mode().cloned())
        .set_s3_backup_description(backup)
        .build()
        .expect("role and bucket are set");
    let source = req.kinesis_source.as_ref().map(|k| {
        SourceDescription::builder()
            .kinesis_stream_source_description(
                KinesisStreamSourceDescription::builder().kinesis_stream_arn(k.kinesis_stream_arn()).build(),
            )
            .build()
    });
    DeliveryStreamDescription::builder()
        .delivery_stream_name(&req.name)
        .delivery_stream_arn(delivery_stream_arn(target, &req.name))
        .delivery_stream_status(DeliveryStreamStatus::Active)
        .delivery_stream_type(req.stream_type.clone())
        .version_id("1")
        .has_more_destinations(false)
        .set_source(source)
        .destinations(
            DestinationDescription::builder()
                .destination_id("destinationId-000000000001")
                .extended_s3_destination_description(x)
                .build()
                .expect("the id is set"),
        )
        .build()
        .expect("the required fields are set")
}

/// `arn:PARTITION:firehose:REGION:ACCOUNT:deliverystream/NAME`.
pub fn delivery_stream_arn(target: &Target, name: &str) -> String {
    format!("arn:{}:firehose:{}:{}:deliverystream/{name}", target.partition, target.region, target.account)
}

/// One setting where an existing delivery stream differs from what the plan would create.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    /// The setting's name in English (`prefix`, `error logging`), as the tests name it.
    pub setting: &'static str,
    pub existing: Msg,
    pub planned: Msg,
}

impl Difference {
    pub fn msg(&self) -> Msg {
        let setting = match self.setting {
            "type" => msg!("setting-type"),
            "source stream" => msg!("setting-source-stream"),
            "stream encryption" => msg!("setting-stream-encryption"),
            "destination" => msg!("setting-destination"),
            "bucket" => msg!("setting-bucket"),
            "role" => msg!("setting-role"),
            "prefix" => msg!("setting-prefix"),
            "error prefix" => msg!("setting-error-prefix"),
            "buffering" => msg!("setting-buffering"),
            "compression" => msg!("setting-compression"),
            "S3 encryption key" => msg!("setting-s3-encryption-key"),
            "record processing" => msg!("setting-record-processing"),
            "record format conversion" => msg!("setting-record-format-conversion"),
            "dynamic partitioning" => msg!("setting-dynamic-partitioning"),
            "file extension" => msg!("setting-file-extension"),
            "time zone" => msg!("setting-time-zone"),
            "source record backup" => msg!("setting-source-record-backup"),
            "error logging" => msg!("setting-error-logging"),
            other => Msg::text(other),
        };
        msg!("difference", setting = setting, existing = self.existing.clone(), planned = self.planned.clone())
    }
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.msg())
    }
}

/// Whether a stream's server-side encryption is on (or being turned on). A description without a
/// status but with a key type counts as on: the key type is there only when encryption was asked for.
pub fn encryption_on(e: &aws_sdk_firehose::types::DeliveryStreamEncryptionConfiguration) -> bool {
    match e.status() {
        Some(s) => matches!(s, DeliveryStreamEncryptionStatus::Enabled | DeliveryStreamEncryptionStatus::Enabling),
        None => e.key_type().is_some(),
    }
}

/// Where an existing stream's description differs from the request this plan makes: the settings
/// that decide where and how records land (source, bucket, role, prefixes, buffering, compression,
/// encryption, processors, format conversion, dynamic partitioning, backup, error logging). Tags are
/// not compared (they can be changed in place), nor anything AWS fills in that the plan leaves open.
/// The role is compared by name, since a role given by name may live under a path.
pub fn differences(req: &CreateRequest, d: &aws_sdk_firehose::types::DeliveryStreamDescription) -> Vec<Difference> {
    let mut out = Vec::new();
    let show = |v: Option<&str>| match v {
        None | Some("") => msg!("value-none"),
        // in full (a difference may sit at the end of a long prefix), control characters escaped
        Some(v) => Msg::text(format!("\"{}\"", super::sanitize(v))),
    };
    let off = || msg!("value-off");
    let text = |s: &str| Msg::text(s);
    let mut cmp = |setting: &'static str, existing: Msg, planned: Msg| {
        if existing != planned {
            out.push(Difference { setting, existing, planned });
        }
    };
    cmp("type", text(d.delivery_stream_type().as_str()), text(req.stream_type.as_str()));
    let source = d.source().and_then(|s| s.kinesis_stream_source_description()).and_then(|k| k.kinesis_stream_arn());
    cmp("source stream", show(source), show(req.kinesis_source.as_ref().map(|k| k.kinesis_stream_arn())));
    // server-side encryption of a Direct PUT stream
    let planned_sse = match &req.encryption {
        None => off(),
        Some(e) => e.key_arn().map_or_else(|| msg!("value-aws-owned-key"), |k| show(Some(k))),
    };
    let existing_sse = match d.delivery_stream_encryption_configuration() {
        Some(e) if encryption_on(e) => e.key_arn().map_or_else(|| msg!("value-aws-owned-key"), |k| show(Some(k))),
        _ => off(),
    };
    cmp("stream encryption", existing_sse, planned_sse);
    let s3 = &req.s3;
    let Some(x) = d.destinations().iter().find_map(|x| x.extended_s3_destination_description()) else {
        cmp("destination", msg!("value-no-s3-destination"), text("Amazon S3"));
        return out;
    };
    cmp("bucket", show(Some(x.bucket_arn())), show(Some(s3.bucket_arn())));
    let role = |arn: &str| super::names::role_name_of(arn).to_owned();
    cmp("role", show(Some(&role(x.role_arn()))), show(Some(&role(s3.role_arn()))));
    cmp("prefix", show(x.prefix()), show(s3.prefix()));
    cmp("error prefix", show(x.error_output_prefix()), show(s3.error_output_prefix()));
    let buffering = |b: Option<&BufferingHints>| {
        let (size, interval) =
            b.map_or((5, 300), |b| (b.size_in_mbs().unwrap_or(5), b.interval_in_seconds().unwrap_or(300)));
        Msg::text(format!("{size} MiB / {interval} s"))
    };
    cmp("buffering", buffering(x.buffering_hints()), buffering(s3.buffering_hints()));
    let compression = |c: Option<&CompressionFormat>| text(c.map_or("UNCOMPRESSED", |c| c.as_str()));
    cmp("compression", compression(Some(x.compression_format())), compression(s3.compression_format()));
    let kms = |e: Option<&EncryptionConfiguration>| {
        e.and_then(|e| e.kms_encryption_config()).map(|k| k.awskms_key_arn().to_owned())
    };
    cmp(
        "S3 encryption key",
        show(kms(x.encryption_configuration()).as_deref()),
        show(kms(s3.encryption_configuration()).as_deref()),
    );
    // processors: each planned one, with each planned parameter, in order (AWS may add defaults)
    let processors = |p: Option<&ProcessingConfiguration>| -> Vec<(String, Vec<(String, String)>)> {
        p.filter(|p| p.enabled() == Some(true))
            .map(|p| {
                p.processors()
                    .iter()
                    .map(|x| {
                        let params = x
                            .parameters()
                            .iter()
                            .map(|q| (q.parameter_name().as_str().to_owned(), q.parameter_value().to_owned()))
                            .collect();
                        (x.r#type().as_str().to_owned(), params)
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let (have, want) = (processors(x.processing_configuration()), processors(s3.processing_configuration()));
    let same_processors = have.len() == want.len()
        && have.iter().zip(&want).all(|((ht, hp), (wt, wp))| ht == wt && wp.iter().all(|w| hp.contains(w)));
    if !same_processors {
        let names = |v: &[(String, Vec<(String, String)>)]| {
            if v.is_empty() {
                msg!("value-none")
            } else {
                Msg::text(v.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>().join(", "))
            }
        };
        let (h, w) = (names(&have), names(&want));
        let (h, w) = if h == w { (msg!("value-other-parameters", value = h), w) } else { (h, w) };
        cmp("record processing", h, w);
    }
    let conversion = |c: Option<&DataFormatConversionConfiguration>| {
        c.filter(|c| c.enabled() != Some(false))
            .and_then(|c| c.schema_configuration())
            .map(|s| {
                msg!(
                    "value-glue-table",
                    table = format!("{}.{}", s.database_name().unwrap_or("?"), s.table_name().unwrap_or("?"))
                )
            })
            .unwrap_or_else(off)
    };
    cmp(
        "record format conversion",
        conversion(x.data_format_conversion_configuration()),
        conversion(s3.data_format_conversion_configuration()),
    );
    let partitioning = |p: Option<&DynamicPartitioningConfiguration>| {
        if p.and_then(|p| p.enabled()) == Some(true) { msg!("value-on") } else { off() }
    };
    cmp(
        "dynamic partitioning",
        partitioning(x.dynamic_partitioning_configuration()),
        partitioning(s3.dynamic_partitioning_configuration()),
    );
    if let Some(ext) = s3.file_extension() {
        cmp("file extension", show(x.file_extension()), show(Some(ext)));
    }
    if let Some(tz) = s3.custom_time_zone() {
        cmp("time zone", show(x.custom_time_zone()), show(Some(tz)));
    }
    let backup = |mode: Option<&S3BackupMode>, bucket: Option<&str>| match mode {
        Some(S3BackupMode::Enabled) => msg!("value-to", place = show(bucket)),
        _ => off(),
    };
    cmp(
        "source record backup",
        backup(x.s3_backup_mode(), x.s3_backup_description().map(|b| b.bucket_arn())),
        backup(s3.s3_backup_mode(), s3.s3_backup_configuration().map(|b| b.bucket_arn())),
    );
    let logging = |l: Option<&CloudWatchLoggingOptions>| match l.filter(|l| l.enabled() == Some(true)) {
        Some(l) => msg!("value-to", place = show(l.log_group_name())),
        None => off(),
    };
    cmp("error logging", logging(x.cloud_watch_logging_options()), logging(s3.cloud_watch_logging_options()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target() -> Target {
        Target { account: "123456789012".into(), region: "us-east-1".into(), partition: "aws".into() }
    }

    #[test]
    fn a_stream_made_from_the_request_has_no_differences_and_each_change_is_named() {
        use aws_sdk_firehose::types::*;
        let plan = Plan::lab("abcd1234");
        let req = build(&plan, &target(), &Resolved::implied(&plan, &target())).unwrap();
        let d = described(&req, &target());
        assert_eq!(differences(&req, &d), vec![]);
        // a role under a path is the same role when given by name
        let mut x = d.destinations()[0].extended_s3_destination_description().unwrap().clone();
        x.role_arn = "arn:aws:iam::123456789012:role/service/firehose_delivery_role".into();
        let with = |x: ExtendedS3DestinationDescription| {
            let mut d = d.clone();
            d.destinations = vec![
                DestinationDescription::builder()
                    .destination_id("d-1")
                    .extended_s3_destination_description(x)
                    .build()
                    .unwrap(),
            ];
            d
        };
        assert_eq!(differences(&req, &with(x.clone())), vec![]);
        x.prefix = Some("other/".into());
        x.compression_format = CompressionFormat::Gzip;
        x.cloud_watch_logging_options = None;
        let diffs = differences(&req, &with(x));
        let settings: Vec<_> = diffs.iter().map(|d| d.setting).collect();
        assert_eq!(settings, ["prefix", "compression", "error logging"]);
        assert_eq!(
            diffs[0].to_string(),
            format!("prefix: the stream has \"other/\", the plan says \"{}\"", crate::plan::LAB_PREFIX)
        );
        assert_eq!(diffs[1].to_string(), "compression: the stream has GZIP, the plan says UNCOMPRESSED");
        // another source, and a stream of another type
        let mut other = d.clone();
        other.delivery_stream_type = DeliveryStreamType::DirectPut;
        other.source = None;
        let settings: Vec<_> = differences(&req, &other).iter().map(|d| d.setting).collect();
        assert_eq!(settings, ["type", "source stream"]);
        // a Direct PUT stream without the server-side encryption the plan asks for
        let mut plan = Plan::lab("abcd1234");
        plan.source = crate::plan::Source::DirectPut;
        plan.settings.stream_encryption = Some(crate::plan::StreamEncryption::AwsOwned);
        let req = build(&plan, &target(), &Resolved::implied(&plan, &target())).unwrap();
        let diffs = differences(&req, &described(&req, &target()));
        assert_eq!(diffs.len(), 1);
        assert_eq!(diffs[0].to_string(), "stream encryption: the stream has off, the plan says an AWS owned key");
    }

    #[test]
    fn processors_match_when_aws_adds_parameters_and_differ_when_a_planned_one_changes() {
        use aws_sdk_firehose::types::*;
        let mut plan = Plan::lab("abcd1234");
        plan.process.lambda = Some(crate::plan::Lambda {
            function_arn: "arn:aws:lambda:us-east-1:123456789012:function:enrich".into(),
            buffer_size_mib: None,
            buffer_interval_s: None,
            retries: Some(3),
        });
        let req = build(&plan, &target(), &Resolved::implied(&plan, &target())).unwrap();
        let d = described(&req, &target());
        let mut x = d.destinations()[0].extended_s3_destination_description().unwrap().clone();
        let mut pc = x.processing_configuration.clone().unwrap();
        let mut p = pc.processors()[0].clone();
        let mut params = p.parameters().to_vec();
        // AWS fills in the defaults the plan left open
        params.push(
            ProcessorParameter::builder()
                .parameter_name(ProcessorParameterName::BufferSizeInMb)
                .parameter_value("1")
                .build()
                .unwrap(),
        );
        p.parameters = Some(params.clone());
        pc.processors = Some(vec![p.clone()]);
        x.processing_configuration = Some(pc.clone());
        let mut same = d.clone();
        same.destinations[0].extended_s3_destination_description = Some(x.clone());
        assert_eq!(differences(&req, &same), vec![]);
        // the function changed
        for q in params.iter_mut().filter(|q| q.parameter_name == ProcessorParameterName::LambdaArn) {
            q.parameter_value = "arn:aws:lambda:us-east-1:123456789012:function:other".into();
        }
        p.parameters = Some(params);
        pc.processors = Some(vec![p]);
        x.processing_configuration = Some(pc);
        let mut changed = d.clone();
        changed.destinations[0].extended_s3_destination_description = Some(x);
        let diffs = differences(&req, &changed);
        assert_eq!(diffs.len(), 1);
        assert_eq!(
            diffs[0].to_string(),
            "record processing: the stream has Lambda (other parameters), the plan says Lambda"
        );
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
                r#""BufferingHints":{"SizeInMBs":1,"IntervalInSeconds":60},"CompressionFormat":"UNCOMPRESSED","#,
                r#""CloudWatchLoggingOptions":{"Enabled":true,"LogGroupName":"/aws/kinesisfirehose/retail-trans","LogStreamName":"S3Delivery"}}}"#
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
            source_key: None,
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
