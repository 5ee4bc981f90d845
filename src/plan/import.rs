//! An existing delivery stream as a plan: what `import` writes and what the wizard's `--from-stream`
//! starts from. Pure: it reads `DescribeDeliveryStream`'s answer and the stream's tags.
//!
//! The bucket, the role and the source stream become existing ones (`create_bucket: false`,
//! `{"existing": ...}`), so that `apply` of the plan refers to them and reuses the stream. Whatever the
//! stream sets that a plan cannot hold is listed in [`Imported::lost`], with the API's name for it; and
//! as a last check the request the plan makes is compared with the stream as `apply` compares them.

use aws_sdk_firehose::types::{
    CompressionFormat, DataFormatConversionConfiguration, DeliveryStreamDescription, DeliveryStreamEncryptionStatus,
    DeliveryStreamType, KeyType, ProcessorParameterName, ProcessorType, S3BackupMode, Tag,
};

use super::msg::Msg;
use super::names::{Arn, kinesis_stream_name_of};
use super::request::{self, Resolved, Target};
use super::validate::{self, Severity};
use super::{
    Backup, Deaggregation, Decompression, Destination, DynamicPartitioning, Encryption, FormatConversion, Lambda, Plan,
    Process, Role, Settings, Source, StreamEncryption, sanitize,
};

/// A stream read back as a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub plan: Plan,
    /// What the stream sets that the plan leaves out or says differently, each naming the API's field.
    pub lost: Vec<Msg>,
}

/// What was lost, as it is found.
struct Lost(Vec<Msg>);

impl Lost {
    /// `path = value`: a plan cannot hold it.
    fn value(&mut self, path: &str, value: impl std::fmt::Display) {
        self.0.push(msg!("import-cannot-hold", path = path, value = sanitize(&value.to_string())));
    }

    /// `path`: turned off, with settings that the plan drops.
    fn disabled(&mut self, path: &str) {
        self.0.push(msg!("import-disabled", path = path));
    }

    /// `path = value`: the plan logs errors to the console's log group.
    fn log_group(&mut self, path: &str, value: &str, planned: &str) {
        self.0.push(msg!("import-log-elsewhere", path = path, value = sanitize(value), planned = planned));
    }

    /// `path = value`: the plan uses the destination's role for everything.
    fn role(&mut self, path: &str, value: &str, role: &str) {
        self.0.push(msg!("import-other-role", path = path, value = sanitize(value), role = sanitize(role)));
    }
}

/// The plan of a stream, or why a plan cannot describe it at all (another source or destination).
pub fn plan_of(d: &DeliveryStreamDescription, tags: &[Tag]) -> Result<Imported, Msg> {
    let target = target_of(d.delivery_stream_arn());
    let mut lost = Lost(Vec::new());
    let name = d.delivery_stream_name().to_owned();

    let (source, source_arn, source_role) = match d.delivery_stream_type() {
        DeliveryStreamType::DirectPut => (Source::DirectPut, None, None),
        DeliveryStreamType::KinesisStreamAsSource => {
            let k = d
                .source()
                .and_then(|s| s.kinesis_stream_source_description())
                .ok_or_else(|| msg!("import-source-unsupported", kind = "KinesisStreamAsSource"))?;
            let arn = k.kinesis_stream_arn().unwrap_or_default().to_owned();
            // a stream of the same account and Region by name, as the wizard shows it
            let same_place = Arn::parse(&arn).is_some_and(|a| {
                a.partition == target.partition && a.region == target.region && a.account == target.account
            });
            let source = if same_place { kinesis_stream_name_of(&arn).to_owned() } else { arn.clone() };
            (Source::KinesisStream(source), Some(arn), k.role_arn().map(str::to_owned))
        }
        other => return Err(msg!("import-source-unsupported", kind = other.as_str())),
    };
    let Some(x) = d.destinations().iter().find_map(|x| x.extended_s3_destination_description()) else {
        let kind = d.destinations().first().map_or("?", super::describe::destination_kind);
        return Err(msg!("import-destination-unsupported", kind = kind));
    };
    if d.destinations().len() > 1 || d.has_more_destinations() {
        lost.value("Destinations", d.destinations().len());
    }
    let role_arn = x.role_arn();
    if let Some(r) = &source_role
        && r != role_arn
    {
        lost.role("KinesisStreamSourceConfiguration.RoleARN", r, role_arn);
    }
    let role = Role::Existing(role_ref(role_arn, &target));

    let group = request::log_group_of(&name);
    // the console's log group, with the log streams of any name
    let mut error_log_stream = None;
    let error_logging = match x.cloud_watch_logging_options().filter(|l| l.enabled() == Some(true)) {
        Some(l) => {
            let g = l.log_group_name().unwrap_or_default();
            if g != group {
                lost.log_group("CloudWatchLoggingOptions.LogGroupName", g, &group);
            }
            error_log_stream = l.log_stream_name().filter(|s| *s != request::LOG_STREAM).map(str::to_owned);
            true
        }
        None => false,
    };
    let mut backup_log_stream = None;

    let processors = processors(x.processing_configuration(), role_arn, &mut lost);
    let format_conversion =
        x.data_format_conversion_configuration().and_then(|c| format_conversion(c, role_arn, &target, &mut lost));

    let dynamic = x.dynamic_partitioning_configuration().filter(|p| p.enabled() == Some(true));
    let dynamic_partitioning = dynamic.map(|p| DynamicPartitioning {
        keys: processors.keys.clone().unwrap_or_default(),
        new_line_delimiter: processors.new_line,
        record_deaggregation: processors.deaggregation.clone(),
        retry_duration_s: p.retry_options().and_then(|r| r.duration_in_seconds()).filter(|&s| s != 300).map(i64::from),
    });
    if dynamic.is_none() {
        if processors.deaggregation.is_some() {
            lost.value("ProcessingConfiguration (RecordDeAggregation)", "RecordDeAggregation");
        }
        if processors.keys.is_some() {
            lost.value("ProcessingConfiguration (MetadataExtraction)", "MetadataExtraction");
        }
    }

    let backup = match x.s3_backup_mode() {
        Some(S3BackupMode::Enabled) => x.s3_backup_description().map(|b| {
            let path = "S3BackupDescription";
            if b.role_arn() != role_arn {
                lost.role(&format!("{path}.RoleARN"), b.role_arn(), role_arn);
            }
            if let Some(p) = b.error_output_prefix().filter(|p| !p.is_empty()) {
                lost.value(&format!("{path}.ErrorOutputPrefix"), p);
            }
            if b.compression_format() != &CompressionFormat::Uncompressed {
                lost.value(&format!("{path}.CompressionFormat"), b.compression_format().as_str());
            }
            if let Some(k) = b.encryption_configuration().and_then(|e| e.kms_encryption_config()) {
                lost.value(&format!("{path}.EncryptionConfiguration"), k.awskms_key_arn());
            }
            if let Some(h) = b.buffering_hints() {
                let (size, interval) = (h.size_in_mbs().unwrap_or(5), h.interval_in_seconds().unwrap_or(300));
                if (size, interval) != (5, 300) {
                    lost.value(&format!("{path}.BufferingHints"), format!("{size} MiB / {interval} s"));
                }
            }
            // the plan logs the backup's errors exactly when it logs the destination's
            let logs = b.cloud_watch_logging_options().filter(|l| l.enabled() == Some(true));
            match (logs, error_logging) {
                (Some(l), true) => {
                    let g = l.log_group_name().unwrap_or_default();
                    if g != group {
                        lost.log_group(&format!("{path}.CloudWatchLoggingOptions.LogGroupName"), g, &group);
                    }
                    backup_log_stream =
                        l.log_stream_name().filter(|s| *s != request::BACKUP_LOG_STREAM).map(str::to_owned);
                }
                (Some(_), false) => lost.value(&format!("{path}.CloudWatchLoggingOptions.Enabled"), true),
                (None, true) => lost.value(&format!("{path}.CloudWatchLoggingOptions.Enabled"), false),
                (None, false) => {}
            }
            Backup {
                bucket: super::describe::bucket_name(b.bucket_arn()),
                prefix: b.prefix().unwrap_or_default().to_owned(),
            }
        }),
        _ => None,
    };

    let stream_encryption = match d.delivery_stream_encryption_configuration() {
        Some(e) if request::encryption_on(e) => match (e.key_type(), e.key_arn()) {
            (Some(KeyType::CustomerManagedCmk), Some(k)) => Some(StreamEncryption::CustomerManaged(k.to_owned())),
            _ => Some(StreamEncryption::AwsOwned),
        },
        Some(e) if e.status().is_some_and(|s| s != &DeliveryStreamEncryptionStatus::Disabled) => {
            lost.value("DeliveryStreamEncryptionConfiguration.Status", e.status().map_or("?", |s| s.as_str()));
            None
        }
        _ => None,
    };

    let mut tag_map = std::collections::BTreeMap::new();
    for t in tags {
        if t.key().starts_with("aws:") {
            // AWS's own tags (CloudFormation's stack name...): no one may set them
            lost.value(&format!("Tags.{}", t.key()), t.value().unwrap_or_default());
        } else if t.key().to_ascii_lowercase().starts_with(super::names::OWN_TAG_PREFIX) {
            // firehose-wizard's mark of the journal that made the stream: a plan's copy gets its own
        } else {
            tag_map.insert(t.key().to_owned(), t.value().unwrap_or_default().to_owned());
        }
    }

    let hints = x.buffering_hints();
    let plan = Plan {
        name,
        source,
        process: Process { lambda: processors.lambda, format_conversion, decompression: processors.decompression },
        destination: Destination {
            bucket: super::describe::bucket_name(x.bucket_arn()),
            create_bucket: false,
            prefix: x.prefix().unwrap_or_default().to_owned(),
            error_prefix: x.error_output_prefix().filter(|p| !p.is_empty()).map(str::to_owned),
            new_line_delimiter: processors.new_line && dynamic_partitioning.is_none(),
            dynamic_partitioning,
            file_extension: x.file_extension().filter(|e| !e.is_empty()).map(str::to_owned),
            time_zone: x.custom_time_zone().filter(|z| !z.is_empty()).map(str::to_owned),
            backup,
        },
        settings: Settings {
            buffer_size_mib: hints.and_then(|h| h.size_in_mbs()).map_or(5, i64::from),
            buffer_interval_s: hints.and_then(|h| h.interval_in_seconds()).map_or(300, i64::from),
            compression: x.compression_format().as_str().to_owned(),
            role,
            add_policy_to_role: false,
            encryption: x
                .encryption_configuration()
                .and_then(|e| e.kms_encryption_config())
                .map(|k| Encryption { kms_key_arn: k.awskms_key_arn().to_owned() }),
            stream_encryption,
            error_logging,
            error_log_stream,
            backup_log_stream,
            tags: tag_map,
        },
    };

    // the plan's own rules: a stream made elsewhere may hold what the wizard refuses
    for p in validate::validate(&plan).into_iter().filter(|p| p.severity == Severity::Error) {
        lost.0.push(msg!("import-rule", path = p.path, problem = p.message));
    }
    // the last check: apply's comparison of the plan's request with the stream finds nothing but
    // what is listed already
    let resolved = Resolved { role_arn: role_arn.to_owned(), source_arn, source_key: None };
    match request::build(&plan, &target, &resolved) {
        Ok(req) => {
            let listed: Vec<String> = lost.0.iter().filter_map(path_of).collect();
            let differences = request::differences(&req, d);
            let new = differences.iter().filter(|d| !listed.iter().any(|p| covers(p, d.setting)));
            lost.0.extend(new.map(|d| d.msg()).collect::<Vec<_>>());
        }
        Err(e) => lost.0.push(Msg::text(e)),
    }
    Ok(Imported { plan, lost: lost.0 })
}

/// The API path a lost item names.
fn path_of(m: &Msg) -> Option<String> {
    m.args.iter().find(|(k, _)| *k == "path").and_then(|(_, a)| match a {
        super::msg::Arg::Text(t) => Some(t.clone()),
        _ => None,
    })
}

/// Whether a lost item at the API path `path` already accounts for a difference in `setting` (one of
/// [`request::differences`]' settings).
fn covers(path: &str, setting: &str) -> bool {
    let parts: &[&str] = match setting {
        "type" | "source stream" => &["KinesisStreamSource"],
        "stream encryption" => &["DeliveryStreamEncryption"],
        "destination" => &["Destinations"],
        "role" => &["RoleARN", "RoleArn"],
        "record processing" | "dynamic partitioning" => &["ProcessingConfiguration"],
        "record format conversion" => &["DataFormatConversion"],
        "source record backup" => &["S3Backup"],
        "error logging" => &["CloudWatchLoggingOptions"],
        _ => &[],
    };
    parts.iter().any(|p| path.contains(p))
}

/// Where a stream lives, from its ARN.
fn target_of(arn: &str) -> Target {
    match Arn::parse(arn) {
        Some(a) => Target { account: a.account.into(), region: a.region.into(), partition: a.partition.into() },
        None => Target::placeholder(None),
    }
}

/// A role as the plan names it: by name when it is at the path `/` of the stream's account, else by ARN.
fn role_ref(arn: &str, target: &Target) -> String {
    match Arn::parse(arn) {
        Some(a) if a.account == target.account && a.partition == target.partition => {
            match a.resource.strip_prefix("role/") {
                Some(name) if !name.contains('/') => name.to_owned(),
                _ => arn.to_owned(),
            }
        }
        _ => arn.to_owned(),
    }
}

/// What the processors say, in the plan's terms.
#[derive(Default)]
struct Processors {
    decompression: Option<Decompression>,
    deaggregation: Option<Deaggregation>,
    lambda: Option<Lambda>,
    keys: Option<std::collections::BTreeMap<String, String>>,
    new_line: bool,
}

fn processors(
    p: Option<&aws_sdk_firehose::types::ProcessingConfiguration>,
    role_arn: &str,
    lost: &mut Lost,
) -> Processors {
    let mut out = Processors::default();
    let Some(p) = p else { return out };
    if p.enabled() != Some(true) {
        if !p.processors().is_empty() {
            lost.disabled("ProcessingConfiguration");
        }
        return out;
    }
    for (i, proc) in p.processors().iter().enumerate() {
        let kind = proc.r#type();
        let path = format!("ProcessingConfiguration.Processors[{i}] ({})", kind.as_str());
        // a parameter the plan cannot hold
        macro_rules! other {
            ($name:expr, $value:expr) => {
                lost.value(&format!("{path}.{}", $name.as_str()), $value)
            };
        }
        let params = proc.parameters().iter().map(|q| (q.parameter_name(), q.parameter_value()));
        match kind {
            ProcessorType::Decompression => {
                for (n, v) in params {
                    match n {
                        ProcessorParameterName::CompressionFormat if v == "GZIP" => {}
                        _ => other!(n, v),
                    }
                }
                out.decompression.get_or_insert_with(Decompression::default);
            }
            ProcessorType::CloudWatchLogProcessing => {
                for (n, v) in params {
                    match (n, &mut out.decompression) {
                        (ProcessorParameterName::DataMessageExtraction, Some(d)) if v == "true" => {
                            d.message_extraction = true
                        }
                        (ProcessorParameterName::DataMessageExtraction, _) if v == "false" => {}
                        _ => other!(n, v),
                    }
                }
            }
            ProcessorType::RecordDeAggregation => {
                let mut kind = None;
                let mut delimiter = None;
                for (n, v) in params {
                    match n {
                        ProcessorParameterName::SubRecordType if v == "JSON" || v == "DELIMITED" => {
                            kind = Some(v.to_owned())
                        }
                        ProcessorParameterName::Delimiter => {
                            match aws_smithy_types::base64::decode(v).ok().and_then(|b| String::from_utf8(b).ok()) {
                                Some(d) => delimiter = Some(d),
                                None => other!(n, v),
                            }
                        }
                        _ => other!(n, v),
                    }
                }
                out.deaggregation = match (kind.as_deref(), delimiter) {
                    (Some("JSON"), None) => Some(Deaggregation::Json),
                    (Some("DELIMITED"), Some(d)) => Some(Deaggregation::Delimited(d)),
                    (k, d) => {
                        lost.value(
                            &path,
                            format!("SubRecordType {} Delimiter {}", k.unwrap_or("-"), d.unwrap_or_default()),
                        );
                        None
                    }
                };
            }
            ProcessorType::Lambda => {
                let mut l = Lambda {
                    function_arn: String::new(),
                    buffer_size_mib: None,
                    buffer_interval_s: None,
                    retries: None,
                };
                for (n, v) in params {
                    match n {
                        ProcessorParameterName::LambdaArn => l.function_arn = v.to_owned(),
                        ProcessorParameterName::LambdaNumberOfRetries if v.parse::<i64>().is_ok() => {
                            l.retries = v.parse().ok()
                        }
                        ProcessorParameterName::BufferSizeInMb if v.parse::<f64>().is_ok() => {
                            l.buffer_size_mib = v.parse().ok()
                        }
                        ProcessorParameterName::BufferIntervalInSeconds if v.parse::<i64>().is_ok() => {
                            l.buffer_interval_s = v.parse().ok()
                        }
                        // AWS fills in the destination's role
                        ProcessorParameterName::RoleArn if v == role_arn => {}
                        ProcessorParameterName::RoleArn => lost.role(&format!("{path}.RoleArn"), v, role_arn),
                        _ => other!(n, v),
                    }
                }
                out.lambda = Some(l);
            }
            ProcessorType::MetadataExtraction => {
                for (n, v) in params {
                    match n {
                        ProcessorParameterName::MetadataExtractionQuery => {
                            let keys = super::describe::parse_metadata_query(v);
                            // the plan writes the query back from its keys: it must come out the same
                            if keys.is_empty() || validate::metadata_query(&keys) != v.trim() {
                                other!(n, v);
                            }
                            out.keys = Some(keys);
                        }
                        ProcessorParameterName::JsonParsingEngine if v == "JQ-1.6" => {}
                        _ => other!(n, v),
                    }
                }
            }
            ProcessorType::AppendDelimiterToRecord => {
                for (n, v) in params {
                    other!(n, v);
                }
                out.new_line = true;
            }
            other_kind => lost.value(&path, other_kind.as_str()),
        }
    }
    out
}

/// Record format conversion, with what differs from the defaults the plan sends listed as lost.
fn format_conversion(
    c: &DataFormatConversionConfiguration,
    role_arn: &str,
    target: &Target,
    lost: &mut Lost,
) -> Option<FormatConversion> {
    const PATH: &str = "DataFormatConversionConfiguration";
    if c.enabled() == Some(false) {
        lost.disabled(PATH);
        return None;
    }
    let schema = c.schema_configuration()?;
    if let Some(r) = schema.role_arn()
        && r != role_arn
    {
        lost.role(&format!("{PATH}.SchemaConfiguration.RoleARN"), r, role_arn);
    }
    if let Some(id) = schema.catalog_id()
        && id != target.account
    {
        lost.value(&format!("{PATH}.SchemaConfiguration.CatalogId"), id);
    }
    let mut differs = |field: &str, value: String| lost.value(&format!("{PATH}.{field}"), value);
    let de = c.input_format_configuration().and_then(|i| i.deserializer());
    let input = match (de.and_then(|d| d.open_x_json_ser_de()), de.and_then(|d| d.hive_json_ser_de())) {
        (_, Some(h)) => {
            if !h.timestamp_formats().is_empty() {
                differs("HiveJsonSerDe.TimestampFormats", h.timestamp_formats().join(", "));
            }
            "hive_json"
        }
        (Some(o), None) => {
            if o.convert_dots_in_json_keys_to_underscores() == Some(true) {
                differs("OpenXJsonSerDe.ConvertDotsInJsonKeysToUnderscores", "true".into());
            }
            if o.case_insensitive() == Some(false) {
                differs("OpenXJsonSerDe.CaseInsensitive", "false".into());
            }
            if o.column_to_json_key_mappings().is_some_and(|m| !m.is_empty()) {
                differs("OpenXJsonSerDe.ColumnToJsonKeyMappings", format!("{:?}", o.column_to_json_key_mappings()));
            }
            "openx_json"
        }
        (None, None) => "openx_json",
    };
    let ser = c.output_format_configuration().and_then(|o| o.serializer());
    // each option against the API's documented default (the plan sends none)
    let output = if let Some(o) = ser.and_then(|s| s.orc_ser_de()) {
        let mut check = |field: &str, v: Option<String>, default: &str| {
            if let Some(v) = v.filter(|v| v != default) {
                differs(&format!("OrcSerDe.{field}"), v);
            }
        };
        check("StripeSizeBytes", o.stripe_size_bytes().map(|v| v.to_string()), "67108864");
        check("BlockSizeBytes", o.block_size_bytes().map(|v| v.to_string()), "268435456");
        check("RowIndexStride", o.row_index_stride().map(|v| v.to_string()), "10000");
        check("EnablePadding", o.enable_padding().map(|v| v.to_string()), "false");
        check("PaddingTolerance", o.padding_tolerance().map(|v| v.to_string()), "0.05");
        check("Compression", o.compression().map(|v| v.as_str().to_owned()), "SNAPPY");
        check("BloomFilterColumns", Some(o.bloom_filter_columns().join(",")), "");
        check(
            "BloomFilterFalsePositiveProbability",
            o.bloom_filter_false_positive_probability().map(|v| v.to_string()),
            "0.05",
        );
        check("DictionaryKeyThreshold", o.dictionary_key_threshold().map(|v| v.to_string()), "0");
        check("FormatVersion", o.format_version().map(|v| v.as_str().to_owned()), "V0_12");
        "orc"
    } else {
        if let Some(p) = ser.and_then(|s| s.parquet_ser_de()) {
            let mut check = |field: &str, v: Option<String>, default: &str| {
                if let Some(v) = v.filter(|v| v != default) {
                    differs(&format!("ParquetSerDe.{field}"), v);
                }
            };
            check("BlockSizeBytes", p.block_size_bytes().map(|v| v.to_string()), "268435456");
            check("PageSizeBytes", p.page_size_bytes().map(|v| v.to_string()), "1048576");
            check("Compression", p.compression().map(|v| v.as_str().to_owned()), "SNAPPY");
            check("EnableDictionaryCompression", p.enable_dictionary_compression().map(|v| v.to_string()), "false");
            check("MaxPaddingBytes", p.max_padding_bytes().map(|v| v.to_string()), "0");
            check("WriterVersion", p.writer_version().map(|v| v.as_str().to_owned()), "V1");
        }
        "parquet"
    };
    Some(FormatConversion {
        output: output.into(),
        input: input.into(),
        glue_database: schema.database_name().unwrap_or_default().to_owned(),
        glue_table: schema.table_name().unwrap_or_default().to_owned(),
        glue_region: schema.region().filter(|r| *r != target.region).map(str::to_owned),
        glue_version: schema.version_id().filter(|v| *v != "LATEST").map(str::to_owned),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::request::{build, described};

    fn target() -> Target {
        Target { account: "123456789012".into(), region: "us-east-1".into(), partition: "aws".into() }
    }

    /// A stream as AWS would describe the one `apply` makes of `plan`, with its tags.
    fn stream_of(plan: &Plan) -> (DeliveryStreamDescription, Vec<Tag>) {
        let t = target();
        let req = build(plan, &t, &Resolved::implied(plan, &t)).unwrap();
        (described(&req, &t), req.tags.clone())
    }

    /// The plan as import gives it back: existing bucket and role, by name.
    fn as_imported(mut plan: Plan) -> Plan {
        plan.destination.create_bucket = false;
        let role = crate::plan::names::role_name_of(match &plan.settings.role {
            Role::Create(r) | Role::Existing(r) => r,
        })
        .to_owned();
        plan.settings.role = Role::Existing(role);
        plan.settings.add_policy_to_role = false;
        if let Source::NewKinesisStream(n) = &plan.source {
            plan.source = Source::KinesisStream(n.name.clone());
        }
        plan
    }

    #[test]
    fn the_lab_and_every_option_come_back_as_they_were_planned() {
        let every = Plan::from_json(include_str!("../../tests/fixtures/every-option.json")).unwrap();
        for plan in [Plan::lab("abcd1234"), every] {
            let (d, tags) = stream_of(&plan);
            let imported = plan_of(&d, &tags).unwrap();
            assert_eq!(imported.lost, vec![], "{}", plan.name);
            assert_eq!(imported.plan, as_imported(plan));
        }
    }

    #[test]
    fn what_a_plan_cannot_hold_is_named() {
        use aws_sdk_firehose::types::*;
        let (mut d, mut tags) = stream_of(&Plan::lab("abcd1234"));
        let x = d.destinations[0].extended_s3_destination_description.as_mut().unwrap();
        x.cloud_watch_logging_options = Some(
            CloudWatchLoggingOptions::builder().enabled(true).log_group_name("/team/logs").log_stream_name("s").build(),
        );
        x.processing_configuration = Some(
            ProcessingConfiguration::builder()
                .enabled(true)
                .processors(
                    Processor::builder()
                        .r#type(ProcessorType::AppendDelimiterToRecord)
                        .parameters(
                            ProcessorParameter::builder()
                                .parameter_name(ProcessorParameterName::Delimiter)
                                .parameter_value("XA==")
                                .build()
                                .unwrap(),
                        )
                        .build()
                        .unwrap(),
                )
                .build(),
        );
        tags.push(Tag::builder().key("aws:cloudformation:stack-name").value("s").build().unwrap());
        let imported = plan_of(&d, &tags).unwrap();
        let lost: Vec<String> = imported.lost.iter().map(crate::i18n::in_english).collect();
        assert_eq!(lost.len(), 3, "{lost:?}");
        assert!(lost[0].starts_with("CloudWatchLoggingOptions.LogGroupName = /team/logs: "), "{lost:?}");
        assert!(
            lost[1].contains("ProcessingConfiguration.Processors[0] (AppendDelimiterToRecord).Delimiter"),
            "{lost:?}"
        );
        assert!(lost[2].contains("Tags.aws:cloudformation:stack-name"), "{lost:?}");
        // what it keeps
        assert!(imported.plan.destination.new_line_delimiter);
        assert!(imported.plan.settings.error_logging);
        assert_eq!(imported.plan.settings.error_log_stream.as_deref(), Some("s"));
        assert!(imported.plan.settings.tags.is_empty());
    }

    #[test]
    fn with_something_lost_the_comparison_still_names_the_rest() {
        use aws_sdk_firehose::types::*;
        let (mut d, tags) = stream_of(&Plan::lab("abcd1234"));
        let x = d.destinations[0].extended_s3_destination_description.as_mut().unwrap();
        x.cloud_watch_logging_options.as_mut().unwrap().log_group_name = Some("/team/logs".into());
        // a new line, then decompression: the plan would send them the other way round
        let processor = |t: ProcessorType, p: Vec<ProcessorParameter>| {
            Processor::builder().r#type(t).set_parameters(Some(p)).build().unwrap()
        };
        let gzip = ProcessorParameter::builder()
            .parameter_name(ProcessorParameterName::CompressionFormat)
            .parameter_value("GZIP")
            .build()
            .unwrap();
        x.processing_configuration = Some(
            ProcessingConfiguration::builder()
                .enabled(true)
                .processors(processor(ProcessorType::AppendDelimiterToRecord, vec![]))
                .processors(processor(ProcessorType::Decompression, vec![gzip]))
                .build(),
        );
        let lost: Vec<String> = plan_of(&d, &tags).unwrap().lost.iter().map(crate::i18n::in_english).collect();
        assert_eq!(lost.len(), 2, "{lost:?}");
        assert!(lost[0].starts_with("CloudWatchLoggingOptions.LogGroupName"), "{lost:?}");
        assert!(
            lost[1].starts_with("record processing: the stream has AppendDelimiterToRecord, Decompression"),
            "{lost:?}"
        );
    }

    #[test]
    fn another_destination_or_source_is_refused() {
        use aws_sdk_firehose::types::*;
        let (mut d, tags) = stream_of(&Plan::lab("abcd1234"));
        let mut other = d.clone();
        other.delivery_stream_type = DeliveryStreamType::MskAsSource;
        assert_eq!(plan_of(&other, &tags).unwrap_err().id, "import-source-unsupported");
        d.destinations = vec![
            DestinationDescription::builder()
                .destination_id("d-1")
                .splunk_destination_description(SplunkDestinationDescription::builder().build())
                .build()
                .unwrap(),
        ];
        let e = plan_of(&d, &tags).unwrap_err();
        assert_eq!(e.id, "import-destination-unsupported");
        assert_eq!(
            crate::i18n::in_english(&e),
            "the stream delivers to Splunk: a plan holds an Amazon S3 destination only"
        );
    }

    #[test]
    fn a_role_under_a_path_or_elsewhere_is_kept_by_arn() {
        let t = target();
        assert_eq!(role_ref("arn:aws:iam::123456789012:role/r", &t), "r");
        assert_eq!(
            role_ref("arn:aws:iam::123456789012:role/service-role/r", &t),
            "arn:aws:iam::123456789012:role/service-role/r"
        );
        assert_eq!(role_ref("arn:aws:iam::210987654321:role/r", &t), "arn:aws:iam::210987654321:role/r");
        assert_eq!(super::super::describe::bucket_name("arn:aws:s3:::b"), "b");
    }
}
