//! Where moto stops, the tests play Firehose's part in plain view: moto never reads a Kinesis source
//! and emits no metrics, so a test reads the records from Kinesis itself and writes the object (or the
//! error object, the log event, the metric) where AWS would. Keys are computed here, independently of
//! firehose-wizard's own prefix evaluator.

use std::time::{Duration, Instant};

use aws_config::SdkConfig;
use aws_sdk_kinesis::types::ShardIteratorType;
use chrono::{DateTime, Utc};

/// Every record of a Kinesis stream, from all its shards, oldest first per shard.
pub async fn kinesis_records(sdk: &SdkConfig, stream: &str) -> Vec<Vec<u8>> {
    let k = aws_sdk_kinesis::Client::new(sdk);
    let shards = k.list_shards().stream_name(stream).send().await.unwrap();
    let mut out = Vec::new();
    for shard in shards.shards() {
        let mut iterator = k
            .get_shard_iterator()
            .stream_name(stream)
            .shard_id(shard.shard_id())
            .shard_iterator_type(ShardIteratorType::TrimHorizon)
            .send()
            .await
            .unwrap()
            .shard_iterator
            .unwrap();
        loop {
            let got = k.get_records().shard_iterator(&iterator).send().await.unwrap();
            if got.records().is_empty() {
                break;
            }
            out.extend(got.records().iter().map(|r| r.data().as_ref().to_vec()));
            match got.next_shard_iterator() {
                Some(next) => iterator = next.to_owned(),
                None => break,
            }
        }
    }
    out
}

/// Waits until the Kinesis stream holds at least `n` records carrying a firehose-wizard test marker,
/// and returns those.
pub async fn wait_for_test_records(sdk: &SdkConfig, stream: &str, n: usize) -> Vec<Vec<u8>> {
    let start = Instant::now();
    loop {
        let records: Vec<Vec<u8>> = kinesis_records(sdk, stream)
            .await
            .into_iter()
            .filter(|r| String::from_utf8_lossy(r).contains("\"firehose_wizard_test\":\"fwt-"))
            .collect();
        if records.len() >= n {
            return records;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "only {} test records reached Kinesis", records.len());
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// `year=YYYY/month=MM/day=DD/hour=HH/` at `at`, as the lab's prefixes put it.
fn lab_hour(at: DateTime<Utc>) -> String {
    format!("year={}/month={}/day={}/hour={}/", at.format("%Y"), at.format("%m"), at.format("%d"), at.format("%H"))
}

/// The name Firehose gives an object: `<stream>-1-<yyyy-MM-dd-HH-mm-ss>-<uuid>`.
fn object_name(at: DateTime<Utc>, stream: &str) -> String {
    format!("{stream}-1-{}-{}", at.format("%Y-%m-%d-%H-%M-%S"), uuid::Uuid::new_v4())
}

/// The key Firehose gives an object of the lab's prefix at `at`:
/// `json-data/year=YYYY/month=MM/day=DD/hour=HH/<stream>-1-<yyyy-MM-dd-HH-mm-ss>-<uuid><ext>`.
pub fn lab_key(at: DateTime<Utc>, stream: &str, ext: &str) -> String {
    format!("json-data/{}{}{ext}", lab_hour(at), object_name(at, stream))
}

/// The key of an error object of the lab's error prefix (`...hour=HH/` then the error type, with no
/// `/` between, as the lab's error prefix is written).
pub fn lab_error_key(at: DateTime<Utc>, stream: &str, error_type: &str) -> String {
    format!("error-json/{}{error_type}{}", lab_hour(at), object_name(at, stream))
}

pub fn gzip(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(data).unwrap();
    gz.finish().unwrap()
}

pub async fn put_object(sdk: &SdkConfig, bucket: &str, key: &str, body: Vec<u8>) {
    let s3 = aws_sdk_s3::Client::from_conf(aws_sdk_s3::config::Builder::from(sdk).force_path_style(true).build());
    s3.put_object().bucket(bucket).key(key).body(body.into()).send().await.unwrap();
}

/// A Firehose error record (processing-failed) holding `raw` as its data.
pub fn error_record(raw: &[u8], code: &str, message: &str) -> String {
    serde_json::json!({
        "attemptsMade": 4,
        "arrivalTimestamp": Utc::now().timestamp_millis(),
        "errorCode": code,
        "errorMessage": message,
        "attemptEndingTimestamp": Utc::now().timestamp_millis(),
        "rawData": aws_smithy_types::base64::encode(raw),
        "lambdaArn": "arn:aws:lambda:us-east-1:123456789012:function:enrich:$LATEST"
    })
    .to_string()
}

/// An event in a log stream, as Firehose logs a delivery error.
pub async fn put_log_event(sdk: &SdkConfig, group: &str, stream: &str, message: &str) {
    let logs = aws_sdk_cloudwatchlogs::Client::new(sdk);
    logs.put_log_events()
        .log_group_name(group)
        .log_stream_name(stream)
        .log_events(
            aws_sdk_cloudwatchlogs::types::InputLogEvent::builder()
                .timestamp(Utc::now().timestamp_millis())
                .message(message)
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap();
}

/// A data point of an `AWS/Firehose` metric of a stream, `minutes_ago` minutes ago.
pub async fn put_metric(sdk: &SdkConfig, stream: &str, metric: &str, value: f64, minutes_ago: i64) {
    use aws_sdk_cloudwatch::types::{Dimension, MetricDatum};
    let at = Utc::now() - chrono::Duration::minutes(minutes_ago);
    aws_sdk_cloudwatch::Client::new(sdk)
        .put_metric_data()
        .namespace("AWS/Firehose")
        .metric_data(
            MetricDatum::builder()
                .metric_name(metric)
                .dimensions(Dimension::builder().name("DeliveryStreamName").value(stream).build())
                .value(value)
                .timestamp(aws_smithy_types::DateTime::from_secs(at.timestamp()))
                .build(),
        )
        .send()
        .await
        .unwrap();
}

/// The keys and bodies of the objects in a bucket.
pub async fn objects(sdk: &SdkConfig, bucket: &str) -> Vec<(String, Vec<u8>)> {
    let s3 = aws_sdk_s3::Client::from_conf(aws_sdk_s3::config::Builder::from(sdk).force_path_style(true).build());
    let listed = s3.list_objects_v2().bucket(bucket).send().await.unwrap();
    let mut out = Vec::new();
    for o in listed.contents() {
        let key = o.key().unwrap().to_owned();
        let body = s3.get_object().bucket(bucket).key(&key).send().await.unwrap().body.collect().await.unwrap();
        out.push((key, body.into_bytes().to_vec()));
    }
    out
}

/// An S3 destination as a stream made in the console or by another tool has it once AWS described it:
/// AWS fills in the buffering, compression and encryption a request leaves out, where moto describes
/// only what was sent (and the SDK cannot read a description without them). AWS's part, played here.
pub fn described_destination(
    role_arn: &str,
    bucket_arn: &str,
) -> aws_sdk_firehose::types::ExtendedS3DestinationConfiguration {
    use aws_sdk_firehose::types::{BufferingHints, CompressionFormat, EncryptionConfiguration, NoEncryptionConfig};
    aws_sdk_firehose::types::ExtendedS3DestinationConfiguration::builder()
        .role_arn(role_arn)
        .bucket_arn(bucket_arn)
        .compression_format(CompressionFormat::Uncompressed)
        .buffering_hints(BufferingHints::builder().size_in_mbs(5).interval_in_seconds(300).build())
        .encryption_configuration(
            EncryptionConfiguration::builder().no_encryption_config(NoEncryptionConfig::NoEncryption).build(),
        )
        .build()
        .unwrap()
}
