//! `import` against moto: each end-to-end plan applied, imported, and applied again from the imported
//! plan (everything reused, nothing created); a stream made with the SDK that sets what a plan cannot
//! hold gives errors and exit 1, or with `--lossy` warnings and a plan.

mod common;

use common::plans::{REGION, plans, seed};
use common::{Moto, rt, run, write_plan};
use firehose_wizard::plan::{Plan, Role, Source, names};

/// The plan `import` gives back for a stream `apply` made of `plan`: the bucket, role and source as
/// existing ones, the role by name.
fn as_imported(mut plan: Plan) -> Plan {
    plan.destination.create_bucket = false;
    let role = match &plan.settings.role {
        Role::Create(r) | Role::Existing(r) => names::role_name_of(r).to_owned(),
    };
    plan.settings.role = Role::Existing(role);
    plan.settings.add_policy_to_role = false;
    if let Source::NewKinesisStream(n) = &plan.source {
        plan.source = Source::KinesisStream(n.name.clone());
    }
    plan
}

/// What moto holds, counted: buckets, roles, log groups, Kinesis streams, delivery streams.
fn counts(moto: &Moto) -> [usize; 5] {
    rt().block_on(async {
        let sdk = moto.sdk(REGION).await;
        let roles = aws_sdk_iam::Client::new(&sdk).list_roles().send().await.unwrap().roles().len();
        let groups = aws_sdk_cloudwatchlogs::Client::new(&sdk).describe_log_groups().send().await.unwrap();
        let kinesis = aws_sdk_kinesis::Client::new(&sdk).list_streams().send().await.unwrap().stream_names().len();
        let fh = aws_sdk_firehose::Client::new(&sdk).list_delivery_streams().send().await.unwrap();
        [moto.bucket_names().await.len(), roles, groups.log_groups().len(), kinesis, fh.delivery_stream_names().len()]
    })
}

#[test]
fn each_plan_applied_imports_to_itself_and_its_apply_reuses_everything() {
    for (what, plan) in plans() {
        let moto = Moto::start();
        seed(&moto, &plan);
        let (made, other) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let path = write_plan(made.path(), "plan.json", &plan);
        let r = run(moto.command(made.path()).arg("apply").arg(&path));
        assert_eq!(r.code, 0, "{what}: apply: {}\n{}", r.stdout, r.stderr);
        let before = counts(&moto);

        // imported by someone else (another HOME: no journal, no plan of theirs)
        let file = other.path().join("imported.json");
        let r = run(moto.command(other.path()).args(["import", &plan.name, "-o"]).arg(&file));
        assert_eq!(r.code, 0, "{what}: import: {}\n{}", r.stdout, r.stderr);
        assert_eq!(r.stderr, format!("wrote {}\n", file.display()), "{what}");
        let imported = Plan::from_json(&std::fs::read_to_string(&file).unwrap()).unwrap();
        assert_eq!(imported, as_imported(plan.clone()), "{what}");
        // to stdout, the same plan
        let r = run(moto.command(other.path()).args(["import", &plan.name]));
        assert_eq!(r.code, 0, "{what}: {}", r.stderr);
        assert_eq!(Plan::from_json(&r.stdout).unwrap(), imported, "{what}");

        // apply of the imported plan: the stream matches, everything is reused or found, nothing made
        let again = run(moto.command(other.path()).arg("apply").arg(&file));
        assert_eq!(again.code, 0, "{what}: apply of the import: {}\n{}", again.stdout, again.stderr);
        assert!(again.stdout.contains("exists and matches the plan"), "{what}: {}", again.stdout);
        assert!(again.stdout.contains("[7/8] delivery stream  reused"), "{what}: {}", again.stdout);
        for line in again.stdout.lines().filter(|l| l.starts_with('[')) {
            assert!(!line.contains(" created "), "{what}: {line}\n{}", again.stdout);
        }
        assert_eq!(counts(&moto), before, "{what}: nothing new in moto");
        // and its destroy removes nothing: this HOME's journal lists nothing
        let d = run(moto.command(other.path()).arg("destroy").arg(&file));
        assert_eq!(d.code, 0, "{what}: {}\n{}", d.stdout, d.stderr);
        assert_eq!(counts(&moto), before, "{what}: destroy of an imported plan removes nothing");
    }
}

/// A stream made with the SDK, as another tool might: error logs to a group of its own, a
/// delimiter other than the new line, and an S3 backup compressed with GZIP.
fn foreign_stream(moto: &Moto) {
    use aws_sdk_firehose::types::*;
    rt().block_on(async {
        let sdk = moto.sdk(REGION).await;
        aws_sdk_s3::Client::new(&sdk).create_bucket().bucket("foreign-data").send().await.unwrap();
        let role = "arn:aws:iam::123456789012:role/other-tool-role";
        let param = |n: ProcessorParameterName, v: &str| {
            ProcessorParameter::builder().parameter_name(n).parameter_value(v).build().unwrap()
        };
        let s3 = ExtendedS3DestinationConfiguration::builder()
            .role_arn(role)
            .bucket_arn("arn:aws:s3:::foreign-data")
            .prefix("logs/")
            .buffering_hints(BufferingHints::builder().size_in_mbs(64).interval_in_seconds(600).build())
            .compression_format(CompressionFormat::Gzip)
            .cloud_watch_logging_options(
                CloudWatchLoggingOptions::builder()
                    .enabled(true)
                    .log_group_name("/team/firehose")
                    .log_stream_name("delivery")
                    .build(),
            )
            .processing_configuration(
                ProcessingConfiguration::builder()
                    .enabled(true)
                    .processors(
                        Processor::builder()
                            .r#type(ProcessorType::AppendDelimiterToRecord)
                            .parameters(param(ProcessorParameterName::Delimiter, "XHI="))
                            .build()
                            .unwrap(),
                    )
                    .build(),
            )
            .build()
            .unwrap();
        aws_sdk_firehose::Client::new(&sdk)
            .create_delivery_stream()
            .delivery_stream_name("foreign")
            .delivery_stream_type(DeliveryStreamType::DirectPut)
            .extended_s3_destination_configuration(s3)
            .tags(Tag::builder().key("owner").value("ops").build().unwrap())
            .send()
            .await
            .unwrap();
    });
}

#[test]
fn what_a_plan_cannot_hold_is_an_error_or_with_lossy_a_warning() {
    let moto = Moto::start();
    foreign_stream(&moto);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("foreign.json");
    let r = run(moto.command(dir.path()).args(["import", "foreign", "-o"]).arg(&file));
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    assert_eq!(r.stdout, "");
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(
        lines,
        [
            "error: CloudWatchLoggingOptions.LogGroupName = /team/firehose: a plan logs errors to /aws/kinesisfirehose/foreign",
            "error: ProcessingConfiguration.Processors[0] (AppendDelimiterToRecord).Delimiter = XHI=: a plan cannot hold this setting",
            "the plan cannot hold 2 settings of the stream foreign; nothing was written. Pass --lossy to write the plan without them",
        ],
        "{}",
        r.stderr
    );
    assert!(!file.exists(), "nothing written");
    // in Korean, the same items
    let r = run(moto.command(dir.path()).env("LANG", "ko_KR.UTF-8").args(["import", "foreign"]));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.starts_with("오류: CloudWatchLoggingOptions.LogGroupName = /team/firehose: 계획은 오류를"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("--lossy를 지정하세요"), "{}", r.stderr);

    // --lossy: the same items as warnings, and the plan without them
    let r = run(moto.command(dir.path()).args(["import", "foreign", "--lossy", "-o"]).arg(&file));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.starts_with("warning: CloudWatchLoggingOptions.LogGroupName = /team/firehose"), "{}", r.stderr);
    assert!(r.stderr.ends_with(&format!("wrote {}\n", file.display())), "{}", r.stderr);
    let plan = Plan::from_json(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(plan.name, "foreign");
    assert_eq!(plan.source, Source::DirectPut);
    assert_eq!(plan.destination.bucket, "foreign-data");
    assert!(!plan.destination.create_bucket);
    assert_eq!(plan.destination.prefix, "logs/");
    assert!(plan.destination.new_line_delimiter, "the delimiter processor is kept, as a new line");
    assert_eq!((plan.settings.buffer_size_mib, plan.settings.buffer_interval_s), (64, 600));
    assert_eq!(plan.settings.compression, "GZIP");
    assert_eq!(plan.settings.role, Role::Existing("other-tool-role".into()));
    assert_eq!(plan.settings.error_log_stream.as_deref(), Some("delivery"), "the stream's name is kept");
    assert_eq!(plan.settings.tags, [("owner".to_owned(), "ops".to_owned())].into());
    let v = run(common::bin(dir.path()).arg("validate").arg(&file));
    assert_eq!(v.code, 0, "the lossy plan is a valid plan: {}", v.stderr);

    // a stream that does not exist; a name AWS would refuse
    let r = run(moto.command(dir.path()).args(["import", "missing"]));
    assert_eq!(r.code, 1);
    assert_eq!(r.stderr, "error: this account and Region have no delivery stream missing\n");
    let r = run(moto.command(dir.path()).args(["import", "bad name"]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: NAME: "), "{}", r.stderr);
}

/// A stream as today's console makes it: a role under `/service-role/`, error logs in the
/// console's group with the streams `DestinationDelivery` and `BackupDelivery`, a source record
/// backup, the new line delimiter.
fn console_stream(moto: &Moto) {
    use aws_sdk_firehose::types::*;
    rt().block_on(async {
        let sdk = moto.sdk(REGION).await;
        let s3 = aws_sdk_s3::Client::new(&sdk);
        for b in ["console-data", "console-backup"] {
            s3.create_bucket().bucket(b).send().await.unwrap();
        }
        let role = aws_sdk_iam::Client::new(&sdk)
            .create_role()
            .role_name("KinesisFirehoseServiceRole-made-us-east-1-1700000000000")
            .path("/service-role/")
            .assume_role_policy_document(firehose_wizard::plan::policy::trust_policy(common::ACCOUNT).to_string())
            .send()
            .await
            .unwrap()
            .role
            .unwrap()
            .arn;
        let logs = aws_sdk_cloudwatchlogs::Client::new(&sdk);
        logs.create_log_group().log_group_name("/aws/kinesisfirehose/made").send().await.unwrap();
        for s in ["DestinationDelivery", "BackupDelivery"] {
            logs.create_log_stream()
                .log_group_name("/aws/kinesisfirehose/made")
                .log_stream_name(s)
                .send()
                .await
                .unwrap();
        }
        let logging = |stream: &str| {
            CloudWatchLoggingOptions::builder()
                .enabled(true)
                .log_group_name("/aws/kinesisfirehose/made")
                .log_stream_name(stream)
                .build()
        };
        let backup = S3DestinationConfiguration::builder()
            .role_arn(&role)
            .bucket_arn("arn:aws:s3:::console-backup")
            .prefix("raw/")
            .compression_format(CompressionFormat::Uncompressed)
            .cloud_watch_logging_options(logging("BackupDelivery"))
            .build()
            .unwrap();
        let s3 = ExtendedS3DestinationConfiguration::builder()
            .role_arn(&role)
            .bucket_arn("arn:aws:s3:::console-data")
            .buffering_hints(BufferingHints::builder().size_in_mbs(5).interval_in_seconds(300).build())
            .compression_format(CompressionFormat::Uncompressed)
            .cloud_watch_logging_options(logging("DestinationDelivery"))
            .processing_configuration(
                ProcessingConfiguration::builder()
                    .enabled(true)
                    .processors(
                        Processor::builder()
                            .r#type(ProcessorType::AppendDelimiterToRecord)
                            .set_parameters(Some(vec![]))
                            .build()
                            .unwrap(),
                    )
                    .build(),
            )
            .s3_backup_mode(S3BackupMode::Enabled)
            .s3_backup_configuration(backup)
            .build()
            .unwrap();
        aws_sdk_firehose::Client::new(&sdk)
            .create_delivery_stream()
            .delivery_stream_name("made")
            .delivery_stream_type(DeliveryStreamType::DirectPut)
            .extended_s3_destination_configuration(s3)
            .send()
            .await
            .unwrap();
    });
}

#[test]
fn a_stream_as_the_console_makes_it_imports_without_loss() {
    let moto = Moto::start();
    console_stream(&moto);
    let before = counts(&moto);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("made.json");
    let r = run(moto.command(dir.path()).args(["import", "made", "-o"]).arg(&file));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, format!("wrote {}\n", file.display()), "nothing lost");
    let plan = Plan::from_json(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(
        plan.settings.role,
        Role::Existing(
            "arn:aws:iam::123456789012:role/service-role/KinesisFirehoseServiceRole-made-us-east-1-1700000000000"
                .into()
        )
    );
    assert_eq!(plan.settings.error_log_stream.as_deref(), Some("DestinationDelivery"));
    assert_eq!(plan.settings.backup_log_stream.as_deref(), Some("BackupDelivery"));
    assert_eq!(
        plan.destination.backup.as_ref().map(|b| (b.bucket.as_str(), b.prefix.as_str())),
        Some(("console-backup", "raw/"))
    );
    assert!(plan.destination.new_line_delimiter);
    let again = run(moto.command(dir.path()).arg("apply").arg(&file));
    assert_eq!(again.code, 0, "{}\n{}", again.stdout, again.stderr);
    assert!(again.stdout.contains("[7/8] delivery stream  reused"), "{}", again.stdout);
    assert!(again.stdout.contains("[5/8] error logging    reused"), "{}", again.stdout);
    assert_eq!(counts(&moto), before, "nothing new");
}
