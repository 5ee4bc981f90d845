//! Every console-parity option end to end: `apply` (the real binary) against moto, then the created
//! stream's description, its tags, the role's policies, the log group and the new Kinesis stream are read
//! back with the real SDK clients and compared with the plan.

mod common;

use aws_sdk_firehose::types::{DeliveryStreamType, ProcessorType};
use common::{ACCOUNT, Moto, role_policy, role_policy_names, rt, run, write_plan};
use firehose_wizard::plan::{
    Backup, Deaggregation, DynamicPartitioning, Encryption, FormatConversion, Lambda, NewStream, Plan, Role, Source,
    StreamEncryption, StreamMode, policy,
};
use serde_json::json;

const LAMBDA: &str = "arn:aws:lambda:us-east-1:123456789012:function:enrich:$LATEST";
const KEY: &str = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/// Every option on at once: a new provisioned source stream, Lambda, Parquet conversion, dynamic
/// partitioning, extension, time zone, backup, KMS, logging and tags.
fn everything() -> Plan {
    let mut p = Plan::lab("opts0001");
    p.source = Source::NewKinesisStream(NewStream {
        name: "orders-src".into(),
        mode: StreamMode::Provisioned,
        shards: Some(2),
    });
    p.process.lambda = Some(Lambda {
        function_arn: LAMBDA.into(),
        buffer_size_mib: Some(0.5),
        buffer_interval_s: Some(120),
        retries: Some(5),
    });
    p.process.format_conversion = Some(FormatConversion {
        output: "parquet".into(),
        input: "openx_json".into(),
        glue_database: "retail".into(),
        glue_table: "trans".into(),
        glue_region: None,
        glue_version: Some("LATEST".into()),
    });
    p.destination.dynamic_partitioning = Some(DynamicPartitioning {
        keys: [("customer_id".to_owned(), ".customer_id".to_owned())].into(),
        new_line_delimiter: true,
        record_deaggregation: Some(Deaggregation::Delimited("####".into())),
        retry_duration_s: Some(600),
    });
    p.destination.prefix = "customer_id=!{partitionKeyFromQuery:customer_id}/year=!{timestamp:yyyy}/".into();
    p.destination.error_prefix = Some("errors/!{firehose:error-output-type}/".into());
    p.destination.file_extension = Some(".parquet".into());
    p.destination.time_zone = Some("Asia/Seoul".into());
    p.destination.backup = Some(Backup { bucket: "raw-backup-bucket".into(), prefix: "raw/".into() });
    p.settings.buffer_size_mib = 128;
    p.settings.buffer_interval_s = 300;
    p.settings.encryption = Some(Encryption { kms_key_arn: KEY.into() });
    p.settings.tags = [("team".to_owned(), "analytics".to_owned()), ("cost-center".to_owned(), "42".to_owned())].into();
    p
}

#[test]
fn every_option_is_created_as_planned_and_read_back() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    rt.block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        aws_sdk_s3::Client::new(&sdk).create_bucket().bucket("raw-backup-bucket").send().await.unwrap();
    });
    let plan = everything();
    let path = write_plan(dir.path(), "all.json", &plan);
    let v = run(moto.command(dir.path()).arg("validate").arg(&path));
    assert_eq!(v.code, 0, "the plan is valid: {}\n{}", v.stdout, v.stderr);
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("[3/8] source stream    created"), "{}", r.stdout);
    assert!(r.stdout.contains("(provisioned, 2 shard(s)), ACTIVE"), "{}", r.stdout);
    assert!(r.stdout.contains("backup to raw-backup-bucket (found)"), "{}", r.stdout);
    assert!(r.stdout.contains("[5/8] error logging    created  "), "{}", r.stdout);

    rt.block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        // the new source stream: provisioned, two shards
        let k = aws_sdk_kinesis::Client::new(&sdk);
        let src = k.describe_stream_summary().stream_name("orders-src").send().await.unwrap();
        let src = src.stream_description_summary().unwrap();
        assert_eq!(src.open_shard_count(), 2);
        assert_eq!(
            src.stream_mode_details().map(|m| m.stream_mode().as_str()),
            Some("PROVISIONED"),
            "the mode asked for"
        );
        let src_arn = src.stream_arn().to_owned();

        // the delivery stream
        let fh = aws_sdk_firehose::Client::new(&sdk);
        let d = fh.describe_delivery_stream().delivery_stream_name("retail-trans").send().await.unwrap();
        let d = d.delivery_stream_description().unwrap();
        assert_eq!(d.delivery_stream_type(), &DeliveryStreamType::KinesisStreamAsSource);
        assert_eq!(
            d.source().unwrap().kinesis_stream_source_description().unwrap().kinesis_stream_arn(),
            Some(src_arn.as_str())
        );
        let s3 = d.destinations()[0].extended_s3_destination_description().unwrap();
        let role_arn = format!("arn:aws:iam::{ACCOUNT}:role/firehose_delivery_role");
        // Lambda, de-aggregation, partition keys and the delimiter, in Firehose's order
        let procs = s3.processing_configuration().unwrap();
        assert_eq!(procs.enabled(), Some(true));
        let kinds: Vec<_> = procs.processors().iter().map(|p| p.r#type().clone()).collect();
        assert_eq!(
            kinds,
            vec![
                ProcessorType::RecordDeAggregation,
                ProcessorType::Lambda,
                ProcessorType::MetadataExtraction,
                ProcessorType::AppendDelimiterToRecord
            ]
        );
        let params = |i: usize| -> Vec<(String, String)> {
            procs.processors()[i]
                .parameters()
                .iter()
                .map(|p| (p.parameter_name().as_str().to_owned(), p.parameter_value().to_owned()))
                .collect()
        };
        let owned = |v: &[(&str, &str)]| v.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<Vec<_>>();
        assert_eq!(params(0), owned(&[("SubRecordType", "DELIMITED"), ("Delimiter", "IyMjIw==")]));
        assert_eq!(
            params(1),
            owned(&[
                ("LambdaArn", LAMBDA),
                ("NumberOfRetries", "5"),
                ("BufferSizeInMBs", "0.5"),
                ("BufferIntervalInSeconds", "120")
            ])
        );
        assert_eq!(
            params(2),
            owned(&[("MetadataExtractionQuery", "{customer_id:.customer_id}"), ("JsonParsingEngine", "JQ-1.6")])
        );
        // record format conversion
        let conv = s3.data_format_conversion_configuration().unwrap();
        assert_eq!(conv.enabled(), Some(true));
        let schema = conv.schema_configuration().unwrap();
        assert_eq!(schema.database_name(), Some("retail"));
        assert_eq!(schema.table_name(), Some("trans"));
        assert_eq!(schema.region(), Some("us-east-1"));
        assert_eq!(schema.catalog_id(), Some(ACCOUNT));
        assert_eq!(schema.version_id(), Some("LATEST"));
        assert_eq!(schema.role_arn(), Some(role_arn.as_str()));
        let de = conv.input_format_configuration().unwrap().deserializer().unwrap();
        assert!(de.open_x_json_ser_de().is_some() && de.hive_json_ser_de().is_none());
        let ser = conv.output_format_configuration().unwrap().serializer().unwrap();
        assert!(ser.parquet_ser_de().is_some() && ser.orc_ser_de().is_none());
        // dynamic partitioning, extension, time zone, buffers, compression, encryption, logging
        let dp = s3.dynamic_partitioning_configuration().unwrap();
        assert_eq!(dp.enabled(), Some(true));
        assert_eq!(dp.retry_options().and_then(|r| r.duration_in_seconds()), Some(600));
        assert_eq!(s3.file_extension(), Some(".parquet"));
        assert_eq!(s3.custom_time_zone(), Some("Asia/Seoul"));
        assert_eq!(s3.buffering_hints().unwrap().size_in_mbs(), Some(128));
        assert_eq!(s3.compression_format().as_str(), "UNCOMPRESSED");
        let kms = s3.encryption_configuration().unwrap().kms_encryption_config().unwrap();
        assert_eq!(kms.awskms_key_arn(), KEY);
        let log = s3.cloud_watch_logging_options().unwrap();
        assert_eq!(
            (log.enabled(), log.log_group_name(), log.log_stream_name()),
            (Some(true), Some("/aws/kinesisfirehose/retail-trans"), Some("S3Delivery"))
        );
        // source record backup
        assert_eq!(s3.s3_backup_mode().map(|m| m.as_str()), Some("Enabled"));
        let b = s3.s3_backup_description().unwrap();
        assert_eq!(b.bucket_arn(), "arn:aws:s3:::raw-backup-bucket");
        assert_eq!(b.prefix(), Some("raw/"));
        // tags
        let tags = fh.list_tags_for_delivery_stream().delivery_stream_name("retail-trans").send().await.unwrap();
        let mut tags: Vec<_> =
            tags.tags().iter().map(|t| (t.key().to_owned(), t.value().unwrap_or("").to_owned())).collect();
        tags.sort();
        // the plan's, and firehose-wizard's own (cloud::ownership), naming this stream's journal
        let own = tags.iter().position(|(k, _)| k == "firehose-wizard:journal").expect("firehose-wizard's tag");
        let (_, value) = tags.remove(own);
        assert!(
            value.starts_with("us-east-1/retail-trans/") && value.len() == "us-east-1/retail-trans/".len() + 16,
            "{value}"
        );
        assert_eq!(tags, vec![("cost-center".into(), "42".into()), ("team".into(), "analytics".into())]);

        // the log group and its stream
        let logs = aws_sdk_cloudwatchlogs::Client::new(&sdk);
        let groups = logs.describe_log_groups().send().await.unwrap();
        let names: Vec<_> = groups.log_groups().iter().filter_map(|g| g.log_group_name()).collect();
        assert_eq!(names, vec!["/aws/kinesisfirehose/retail-trans"]);
        let streams =
            logs.describe_log_streams().log_group_name("/aws/kinesisfirehose/retail-trans").send().await.unwrap();
        let mut names: Vec<_> = streams.log_streams().iter().filter_map(|s| s.log_stream_name()).collect();
        names.sort();
        assert_eq!(names, vec!["S3Backup", "S3Delivery"]);

        // the role's policy: a statement per option, on exact ARNs
        let iam = aws_sdk_iam::Client::new(&sdk);
        let doc = role_policy(&iam, "firehose_delivery_role", "firehose-wizard-us-east-1-retail-trans").await;
        let sids: Vec<_> = doc["Statement"].as_array().unwrap().iter().map(|s| s["Sid"].as_str().unwrap()).collect();
        assert_eq!(
            sids,
            vec!["S3Delivery", "KinesisSource", "LambdaTransform", "GlueSchema", "S3Encryption", "ErrorLogging"]
        );
        let st = |sid: &str| doc["Statement"].as_array().unwrap().iter().find(|s| s["Sid"] == sid).unwrap().clone();
        assert_eq!(
            st("S3Delivery")["Resource"],
            json!([
                "arn:aws:s3:::aws-analytics-immersion-day-opts0001",
                "arn:aws:s3:::aws-analytics-immersion-day-opts0001/*",
                "arn:aws:s3:::raw-backup-bucket",
                "arn:aws:s3:::raw-backup-bucket/*"
            ])
        );
        assert_eq!(st("KinesisSource")["Resource"], json!(src_arn));
        assert_eq!(
            st("LambdaTransform")["Action"],
            json!(["lambda:InvokeFunction", "lambda:GetFunctionConfiguration"])
        );
        assert_eq!(st("LambdaTransform")["Resource"], json!(LAMBDA));
        assert_eq!(
            st("GlueSchema")["Resource"],
            json!([
                "arn:aws:glue:us-east-1:123456789012:catalog",
                "arn:aws:glue:us-east-1:123456789012:database/retail",
                "arn:aws:glue:us-east-1:123456789012:table/retail/trans"
            ])
        );
        assert_eq!(st("S3Encryption")["Resource"], json!(KEY));
        assert_eq!(
            st("S3Encryption")["Condition"]["StringEquals"]["kms:ViaService"],
            json!("s3.us-east-1.amazonaws.com")
        );
        assert_eq!(
            st("ErrorLogging")["Resource"],
            json!([
                "arn:aws:logs:us-east-1:123456789012:log-group:/aws/kinesisfirehose/retail-trans:log-stream:S3Delivery",
                "arn:aws:logs:us-east-1:123456789012:log-group:/aws/kinesisfirehose/retail-trans:log-stream:S3Backup"
            ])
        );
    });

    // applied again, every option compares equal to what moto describes: nothing new, no conflict
    let again = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(again.code, 0, "{}\n{}", again.stdout, again.stderr);
    assert!(again.stdout.contains("exists and matches the plan"), "{}", again.stdout);
    for step in ["[3/8] source stream    reused", "[5/8] error logging    reused", "[7/8] delivery stream  reused"] {
        assert!(again.stdout.contains(step), "{step}:\n{}", again.stdout);
    }
    // destroy removes all of it, waiting for the Kinesis stream, and keeps the backup bucket it found
    let d = run(moto.command(dir.path()).arg("destroy").arg(&path));
    assert_eq!(d.code, 0, "{}\n{}", d.stdout, d.stderr);
    assert!(
        d.stdout.contains("left alone (firehose-wizard did not create them): S3 bucket raw-backup-bucket"),
        "{}",
        d.stdout
    );
    rt.block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        let k = aws_sdk_kinesis::Client::new(&sdk).list_streams().send().await.unwrap();
        assert!(k.stream_names().is_empty(), "the source stream firehose-wizard made is gone");
        assert_eq!(moto.bucket_names().await, vec!["raw-backup-bucket"]);
        let roles = aws_sdk_iam::Client::new(&sdk).list_roles().send().await.unwrap();
        assert!(roles.roles().is_empty());
    });
}

#[test]
fn direct_put_with_stream_encryption_and_no_error_logging() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let mut plan = Plan::lab("sse00001");
    plan.name = "clicks".into();
    plan.source = Source::DirectPut;
    plan.settings.stream_encryption = Some(StreamEncryption::CustomerManaged(KEY.into()));
    plan.settings.error_logging = false;
    let path = write_plan(dir.path(), "p.json", &plan);
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("[5/8] error logging    skipped"), "{}", r.stdout);
    rt().block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        let fh = aws_sdk_firehose::Client::new(&sdk);
        let d = fh.describe_delivery_stream().delivery_stream_name("clicks").send().await.unwrap();
        let d = d.delivery_stream_description().unwrap();
        assert_eq!(d.delivery_stream_type(), &DeliveryStreamType::DirectPut);
        let s3 = d.destinations()[0].extended_s3_destination_description().unwrap();
        assert_eq!(s3.cloud_watch_logging_options().and_then(|l| l.enabled()), Some(false));
        let logs = aws_sdk_cloudwatchlogs::Client::new(&sdk);
        assert!(logs.describe_log_groups().send().await.unwrap().log_groups().is_empty(), "no log group made");
        let iam = aws_sdk_iam::Client::new(&sdk);
        let doc = role_policy(&iam, "firehose_delivery_role", "firehose-wizard-us-east-1-clicks").await;
        assert_eq!(doc["Statement"].as_array().unwrap().len(), 1, "only S3: {doc}");
    });
    // the SSE key is sent: the request (as the binary prints it nowhere) is checked by `validate`'s
    // rules and the unit tests; a Kinesis source with SSE is refused before any call
    let mut bad = plan.clone();
    bad.source = Source::KinesisStream("retail-trans".into());
    let path = write_plan(dir.path(), "bad.json", &bad);
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("settings.stream_encryption: stream encryption is for Direct PUT only"), "{}", r.stderr);
}

#[test]
fn an_existing_role_is_checked_and_gets_the_policy_only_when_asked() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    rt.block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        moto.create_kinesis_stream("us-east-1", "retail-trans").await;
        let iam = aws_sdk_iam::Client::new(&sdk);
        let trust = json!({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"firehose.amazonaws.com"},"Action":"sts:AssumeRole"}]});
        iam.create_role().role_name("team-role").assume_role_policy_document(trust.to_string()).send().await.unwrap();
        // S3 only, through an attached managed policy: Kinesis and logs are missing
        let s3_only = json!({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]});
        let p = iam.create_policy().policy_name("s3-all").policy_document(s3_only.to_string()).send().await.unwrap();
        iam.attach_role_policy().role_name("team-role").policy_arn(p.policy().unwrap().arn().unwrap()).send().await.unwrap();
    });
    let mut plan = Plan::lab("role0001");
    plan.settings.role = Role::Existing("team-role".into());
    let path = write_plan(dir.path(), "p.json", &plan);
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 0, "a missing permission is a warning, not a failure: {}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("WARNING: its policies lack 5 permission(s)"), "{}", r.stdout);
    assert!(
        r.stdout.contains("kinesis:DescribeStream on arn:aws:kinesis:us-east-1:123456789012:stream/retail-trans"),
        "{}",
        r.stdout
    );
    let names = rt.block_on(async {
        let iam = aws_sdk_iam::Client::new(&moto.sdk("us-east-1").await);
        role_policy_names(&iam, "team-role").await
    });
    assert!(names.is_empty(), "the role was used as it is: {names:?}");

    // asked to: this stream's policy is added, and a second stream's check then finds nothing missing
    let mut plan2 = plan.clone();
    plan2.name = "retail-trans-2".into();
    plan2.destination.bucket = "aws-analytics-immersion-day-role0002".into();
    plan2.settings.add_policy_to_role = true;
    let path = write_plan(dir.path(), "p2.json", &plan2);
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("+ policy firehose-wizard-us-east-1-retail-trans-2"), "{}", r.stdout);
    rt.block_on(async {
        let iam = aws_sdk_iam::Client::new(&moto.sdk("us-east-1").await);
        let names = role_policy_names(&iam, "team-role").await;
        assert_eq!(names, vec!["firehose-wizard-us-east-1-retail-trans-2"]);
        let report = firehose_wizard::cloud::inventory::role_report(
            &firehose_wizard::cloud::Cloud::from_config(moto.sdk("us-east-1").await).unwrap(),
            "team-role",
        )
        .await
        .unwrap();
        assert!(report.trusted);
        assert_eq!(report.documents.len(), 2, "the inline policy and the attached one");
        let target = firehose_wizard::plan::request::Target {
            account: ACCOUNT.into(),
            region: "us-east-1".into(),
            partition: "aws".into(),
        };
        let source = Some("arn:aws:kinesis:us-east-1:123456789012:stream/retail-trans");
        assert_eq!(policy::missing_for(&plan2, &target, source, None, &report.documents), vec![]);
    });
}

#[test]
fn an_on_demand_source_stream_that_already_exists_is_reused_not_recreated() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    rt.block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));
    let mut plan = Plan::lab("kds00001");
    plan.source =
        Source::NewKinesisStream(NewStream { name: "retail-trans".into(), mode: StreamMode::OnDemand, shards: None });
    let path = write_plan(dir.path(), "p.json", &plan);
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("[3/8] source stream    reused"), "{}", r.stdout);
    // a fresh one is created on demand
    plan.name = "second".into();
    plan.destination.bucket = "aws-analytics-immersion-day-kds00002".into();
    plan.source =
        Source::NewKinesisStream(NewStream { name: "fresh-src".into(), mode: StreamMode::OnDemand, shards: None });
    let path = write_plan(dir.path(), "p2.json", &plan);
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("(on-demand), ACTIVE"), "{}", r.stdout);
    rt.block_on(async {
        let k = aws_sdk_kinesis::Client::new(&moto.sdk("us-east-1").await);
        let s = k.describe_stream_summary().stream_name("fresh-src").send().await.unwrap();
        let s = s.stream_description_summary().unwrap();
        assert_eq!(s.stream_mode_details().map(|m| m.stream_mode().as_str()), Some("ON_DEMAND"));
    });
}

/// CloudWatch Logs decompression with message extraction, and a new line without dynamic partitioning:
/// created as planned, read back, a rerun finds nothing to change, and the smoke test says why it
/// cannot send test records to such a stream (Firehose would refuse them).
#[test]
fn decompression_extraction_and_a_new_line_are_created_and_reused() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let mut plan = Plan::lab("cwl00001");
    plan.name = "cwlogs".into();
    plan.source = Source::DirectPut;
    plan.process.decompression = Some(firehose_wizard::plan::Decompression { message_extraction: true });
    plan.destination.new_line_delimiter = true;
    let path = write_plan(dir.path(), "p.json", &plan);
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    rt().block_on(async {
        let fh = aws_sdk_firehose::Client::new(&moto.sdk("us-east-1").await);
        let d = fh.describe_delivery_stream().delivery_stream_name("cwlogs").send().await.unwrap();
        let s3 =
            d.delivery_stream_description().unwrap().destinations()[0].extended_s3_destination_description().unwrap();
        let processors: Vec<(String, Vec<(String, String)>)> = s3
            .processing_configuration()
            .unwrap()
            .processors()
            .iter()
            .map(|p| {
                let params = p
                    .parameters()
                    .iter()
                    .map(|q| (q.parameter_name().as_str().to_owned(), q.parameter_value().to_owned()))
                    .collect();
                (p.r#type().as_str().to_owned(), params)
            })
            .collect();
        let pair = |a: &str, b: &str| vec![(a.to_owned(), b.to_owned())];
        assert_eq!(
            processors,
            vec![
                ("Decompression".to_owned(), pair("CompressionFormat", "GZIP")),
                ("CloudWatchLogProcessing".to_owned(), pair("DataMessageExtraction", "true")),
                ("AppendDelimiterToRecord".to_owned(), vec![]),
            ]
        );
    });
    let again = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(again.code, 0, "{}\n{}", again.stdout, again.stderr);
    assert!(again.stdout.contains("[7/8] delivery stream  reused"), "{}", again.stdout);
    let smoke = run(moto.command(dir.path()).args(["smoke-test", "--stream", "cwlogs"]));
    assert_eq!(smoke.code, 1, "{}\n{}", smoke.stdout, smoke.stderr);
    assert!(smoke.stderr.contains("decompresses CloudWatch Logs records"), "{}", smoke.stderr);
}
