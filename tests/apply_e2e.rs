//! `apply` end to end: the real binary against a real moto server over HTTP; what it created is read
//! back with the real SDK clients and compared with the plan, field by field.

mod common;

use aws_sdk_firehose::types::{CompressionFormat, DeliveryStreamStatus, DeliveryStreamType};
use common::proxy::{Fault, Proxy, Rule};
use common::{ACCOUNT, Moto, SECRET_KEY, role_policy, role_policy_names, rt, run, write_plan};
use firehose_wizard::plan::{LAB_ERROR_PREFIX, LAB_PREFIX, Plan, Role, Source, policy};
use serde_json::json;

#[test]
fn apply_lab_plan_creates_bucket_role_and_stream_as_planned() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    let stream_arn = rt.block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));
    let plan = Plan::lab("e2e00001");
    let path = write_plan(dir.path(), "lab.json", &plan);

    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 0, "stdout:\n{}\nstderr:\n{}", r.stdout, r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    let steps = [
        ("[1/8] account", "ok"),
        ("[2/8] checks", "ok"),
        ("[3/8] source stream", "found"),
        ("[4/8] bucket", "created"),
        ("[5/8] error logging", "created"),
        ("[6/8] role", "created"),
        ("[7/8] delivery stream", "created"),
        ("[8/8] wait for ACTIVE", "ok"),
    ];
    for (line, (tag, state)) in lines.iter().zip(steps) {
        let rest = line.strip_prefix(tag).unwrap_or_else(|| panic!("{line:?} should start with {tag}"));
        let mut words = rest.split_whitespace();
        assert_eq!(words.next(), Some(state), "{line}");
        assert!(
            words.next().is_some_and(|t| t.ends_with('s') && t.trim_end_matches('s').parse::<f64>().is_ok()),
            "elapsed time in {line}"
        );
    }
    let fh_arn = format!("arn:aws:firehose:us-east-1:{ACCOUNT}:deliverystream/retail-trans");
    assert_eq!(lines[8], format!("delivery stream ARN: {fh_arn}"));

    rt.block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        // the bucket
        let s3 = aws_sdk_s3::Client::new(&sdk);
        let buckets = s3.list_buckets().send().await.unwrap();
        let names: Vec<_> = buckets.buckets().iter().filter_map(|b| b.name()).collect();
        assert_eq!(names, vec!["aws-analytics-immersion-day-e2e00001"]);

        // the role: trust exactly Firehose for this account; one policy, exactly this stream's needs
        let iam = aws_sdk_iam::Client::new(&sdk);
        let role = iam.get_role().role_name("firehose_delivery_role").send().await.unwrap().role.unwrap();
        let role_arn = format!("arn:aws:iam::{ACCOUNT}:role/firehose_delivery_role");
        assert_eq!(role.arn(), role_arn);
        assert_eq!(role.path(), "/");
        let trust = policy::decode_policy_document(role.assume_role_policy_document().unwrap()).unwrap();
        assert_eq!(
            trust,
            json!({"Version":"2012-10-17","Statement":[{"Sid":"FirehoseAssumeRole","Effect":"Allow",
                "Principal":{"Service":"firehose.amazonaws.com"},"Action":"sts:AssumeRole",
                "Condition":{"StringEquals":{"sts:ExternalId":ACCOUNT}}}]})
        );
        assert_eq!(role_policy_names(&iam, "firehose_delivery_role").await, vec!["firehose-wizard-us-east-1-retail-trans"]);
        let perms = role_policy(&iam, "firehose_delivery_role", "firehose-wizard-us-east-1-retail-trans").await;
        assert_eq!(
            perms,
            json!({"Version":"2012-10-17","Statement":[
                {"Sid":"S3Delivery","Effect":"Allow",
                 "Action":["s3:AbortMultipartUpload","s3:GetBucketLocation","s3:GetObject","s3:ListBucket","s3:ListBucketMultipartUploads","s3:PutObject"],
                 "Resource":["arn:aws:s3:::aws-analytics-immersion-day-e2e00001","arn:aws:s3:::aws-analytics-immersion-day-e2e00001/*"]},
                {"Sid":"KinesisSource","Effect":"Allow",
                 "Action":["kinesis:DescribeStream","kinesis:GetShardIterator","kinesis:GetRecords","kinesis:ListShards"],
                 "Resource":stream_arn},
                {"Sid":"ErrorLogging","Effect":"Allow","Action":["logs:PutLogEvents"],
                 "Resource":[format!("arn:aws:logs:us-east-1:{ACCOUNT}:log-group:/aws/kinesisfirehose/retail-trans:log-stream:S3Delivery")]}]})
        );

        // the delivery stream, field by field against the plan
        let fh = aws_sdk_firehose::Client::new(&sdk);
        let d = fh.describe_delivery_stream().delivery_stream_name("retail-trans").send().await.unwrap();
        let d = d.delivery_stream_description().unwrap();
        assert_eq!(d.delivery_stream_name(), plan.name);
        assert_eq!(d.delivery_stream_arn(), fh_arn);
        assert_eq!(d.delivery_stream_status(), &DeliveryStreamStatus::Active);
        assert_eq!(d.delivery_stream_type(), &DeliveryStreamType::KinesisStreamAsSource);
        let src = d.source().unwrap().kinesis_stream_source_description().unwrap();
        assert_eq!(src.kinesis_stream_arn(), Some(stream_arn.as_str()));
        assert_eq!(src.role_arn(), Some(role_arn.as_str()));
        assert_eq!(d.destinations().len(), 1);
        let s3d = d.destinations()[0].extended_s3_destination_description().unwrap();
        assert_eq!(s3d.bucket_arn(), "arn:aws:s3:::aws-analytics-immersion-day-e2e00001");
        assert_eq!(s3d.role_arn(), role_arn);
        assert_eq!(s3d.prefix(), Some(LAB_PREFIX));
        assert_eq!(s3d.error_output_prefix(), Some(LAB_ERROR_PREFIX));
        let hints = s3d.buffering_hints().unwrap();
        assert_eq!((hints.size_in_mbs(), hints.interval_in_seconds()), (Some(1), Some(60)));
        assert_eq!(s3d.compression_format(), &CompressionFormat::Uncompressed);
    });

    let log = std::fs::read_to_string(dir.path().join("firehose-wizard.log")).unwrap();
    assert!(log.contains("progress"), "the log records the run");
    assert!(!log.contains(SECRET_KEY), "the secret access key must never be logged");
}

#[test]
fn another_accounts_bucket_is_a_clear_error_and_nothing_is_created() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    rt.block_on(async {
        moto.create_kinesis_stream("us-east-1", "retail-trans").await;
        let other = aws_sdk_s3::Client::new(&moto.other_account_sdk("us-east-1").await);
        other.create_bucket().bucket("aws-analytics-immersion-day-taken001").send().await.unwrap();
    });
    let path = write_plan(dir.path(), "lab.json", &Plan::lab("taken001"));
    // AWS answers HeadBucket with the expected owner this account by 403 (and no body) for a bucket of
    // another account's; moto ignores the expected owner and answers 200, so the proxy plays AWS here
    let proxy = Proxy::start(&moto.url);
    proxy.add(Rule::new(
        "s3:HeadBucket",
        usize::MAX,
        Fault::Respond { status: 403, headers: vec![], body: String::new() },
    ));
    let r = run(moto.command(dir.path()).env("AWS_ENDPOINT_URL", &proxy.url).arg("apply").arg(&path));
    assert_eq!(r.code, 1, "{}", r.stdout);
    let err: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(
        err[0],
        "error: step 4/8 (bucket) failed: s3:HeadBucket: the bucket name aws-analytics-immersion-day-taken001 is not free (HeadBucket answered 403): another AWS account owns it, or this identity may not look at it (s3:ListBucket)",
        "{}",
        r.stderr
    );
    assert!(err[1].starts_with("hint: bucket names are global across all AWS accounts"), "{}", r.stderr);
    assert!(r.stderr.contains("what exists now:\n  Kinesis stream arn:aws:kinesis:us-east-1:123456789012:stream/retail-trans (already existed)\nnothing firehose-wizard created exists"), "{}", r.stderr);
    assert!(r.stdout.contains("[4/8] bucket           FAILED"), "{}", r.stdout);
    // the log group and the role, made at the same time as the bucket, were held back before creating
    for held in ["[5/8] error logging    skipped", "[6/8] role             skipped"] {
        assert!(r.stdout.contains(held), "{held}: {}", r.stdout);
    }
    assert!(r.stdout.contains("nothing made: step 4/8 (bucket) failed first"), "{}", r.stdout);
    assert!(!r.stdout.contains("[7/8]"), "no step after the failed one");
    rt.block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        let iam = aws_sdk_iam::Client::new(&sdk);
        let e = iam.get_role().role_name("firehose_delivery_role").send().await.unwrap_err();
        assert_eq!(aws_sdk_iam::error::ProvideErrorMetadata::code(&e), Some("NoSuchEntity"));
        let fh = aws_sdk_firehose::Client::new(&sdk);
        assert!(fh.list_delivery_streams().send().await.unwrap().delivery_stream_names().is_empty());
        let s3 = aws_sdk_s3::Client::new(&sdk);
        assert!(s3.list_buckets().send().await.unwrap().buckets().is_empty(), "our account owns no bucket");
    });
}

/// ListBuckets can lag behind a bucket made moments ago (an interrupted run's, say): HeadBucket with
/// this account as the expected owner answers 200 for it, and the bucket is used, not called taken.
#[test]
fn a_bucket_of_this_account_that_listbuckets_does_not_show_yet_is_used() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    rt.block_on(async {
        moto.create_kinesis_stream("us-east-1", "retail-trans").await;
        let s3 = aws_sdk_s3::Client::new(&moto.sdk("us-east-1").await);
        s3.create_bucket().bucket("aws-analytics-immersion-day-lagged01").send().await.unwrap();
    });
    let proxy = Proxy::start(&moto.url);
    let empty = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListAllMyBucketsResult \
                 xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner><ID>x</ID></Owner><Buckets></Buckets>\
                 </ListAllMyBucketsResult>";
    proxy.add(Rule::new(
        "s3:ListBuckets",
        usize::MAX,
        Fault::Respond {
            status: 200,
            headers: vec![("Content-Type".into(), "application/xml".into())],
            body: empty.into(),
        },
    ));
    let path = write_plan(dir.path(), "lab.json", &Plan::lab("lagged01"));
    let r = run(moto.command(dir.path()).env("AWS_ENDPOINT_URL", &proxy.url).arg("apply").arg(&path));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("[4/8] bucket           reused")
            && r.stdout.contains("aws-analytics-immersion-day-lagged01 (already existed)"),
        "{}",
        r.stdout
    );
    assert_eq!(proxy.count("s3:CreateBucket"), 0);
    assert_eq!(rt.block_on(moto.bucket_names()), ["aws-analytics-immersion-day-lagged01"]);
}

#[test]
fn a_shared_role_keeps_one_policy_per_stream() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    rt.block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));
    let a = Plan::lab("shared01");
    let mut b = Plan::lab("shared01");
    b.name = "retail-trans-copy".into();
    let pa = write_plan(dir.path(), "a.json", &a);
    let pb = write_plan(dir.path(), "b.json", &b);
    assert_eq!(run(moto.command(dir.path()).arg("apply").arg(&pa)).code, 0);
    let r = run(moto.command(dir.path()).arg("apply").arg(&pb));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("[4/8] bucket           reused"), "the bucket is ours already:\n{}", r.stdout);
    assert!(r.stdout.contains("[6/8] role             reused"), "the console's role is reused:\n{}", r.stdout);
    rt.block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        // stream a is deleted and applied again: its policy is overwritten, not added again
        aws_sdk_firehose::Client::new(&sdk)
            .delete_delivery_stream()
            .delivery_stream_name("retail-trans")
            .send()
            .await
            .unwrap();
    });
    assert_eq!(run(moto.command(dir.path()).arg("apply").arg(&pa)).code, 0);
    rt.block_on(async {
        let iam = aws_sdk_iam::Client::new(&moto.sdk("us-east-1").await);
        assert_eq!(
            role_policy_names(&iam, "firehose_delivery_role").await,
            vec!["firehose-wizard-us-east-1-retail-trans", "firehose-wizard-us-east-1-retail-trans-copy"]
        );
        let roles = iam.list_roles().send().await.unwrap();
        assert_eq!(roles.roles().len(), 1);
    });
}

#[test]
fn direct_put_into_an_existing_bucket_with_an_existing_role() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    let role_arn = rt.block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        aws_sdk_s3::Client::new(&sdk).create_bucket().bucket("my-existing-bucket").send().await.unwrap();
        let iam = aws_sdk_iam::Client::new(&sdk);
        let trust = json!({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"firehose.amazonaws.com"},"Action":"sts:AssumeRole"}]});
        let role = iam
            .create_role()
            .role_name("team-firehose")
            .path("/service-role/")
            .assume_role_policy_document(trust.to_string())
            .send()
            .await
            .unwrap();
        role.role().unwrap().arn().to_owned()
    });
    let mut plan = Plan::lab("unused00");
    plan.name = "clicks".into();
    plan.source = Source::DirectPut;
    plan.destination.bucket = "my-existing-bucket".into();
    plan.destination.create_bucket = false;
    plan.destination.prefix = "clicks/".into();
    plan.destination.error_prefix = None;
    plan.settings.compression = "GZIP".into();
    plan.settings.role = Role::Existing("team-firehose".into());
    let path = write_plan(dir.path(), "p.json", &plan);
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("[3/8] source stream    skipped"), "{}", r.stdout);
    assert!(r.stdout.contains("[4/8] bucket           found"), "{}", r.stdout);
    assert!(r.stdout.contains("[6/8] role             found"), "{}", r.stdout);
    rt.block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        let iam = aws_sdk_iam::Client::new(&sdk);
        assert!(
            role_policy_names(&iam, "team-firehose").await.is_empty(),
            "a role the user already had is used as it is"
        );
        let fh = aws_sdk_firehose::Client::new(&sdk);
        let d = fh.describe_delivery_stream().delivery_stream_name("clicks").send().await.unwrap();
        let d = d.delivery_stream_description().unwrap();
        assert_eq!(d.delivery_stream_type(), &DeliveryStreamType::DirectPut);
        let s3d = d.destinations()[0].extended_s3_destination_description().unwrap();
        assert_eq!(s3d.role_arn(), role_arn, "the role's real ARN, with its path");
        assert_eq!(s3d.prefix(), Some("clicks/"));
        assert_eq!(s3d.error_output_prefix(), None, "an unset error prefix is not sent");
        assert_eq!(s3d.compression_format(), &CompressionFormat::Gzip);
        let hints = s3d.buffering_hints().unwrap();
        assert_eq!((hints.size_in_mbs(), hints.interval_in_seconds()), (Some(1), Some(60)));
    });
}

#[test]
fn a_role_that_does_not_trust_firehose_is_refused_before_anything_is_created() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    rt.block_on(async {
        let iam = aws_sdk_iam::Client::new(&moto.sdk("us-east-1").await);
        let trust = json!({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]});
        iam.create_role().role_name("firehose_delivery_role").assume_role_policy_document(trust.to_string()).send().await.unwrap();
        moto.create_kinesis_stream("us-east-1", "retail-trans").await;
    });
    let path = write_plan(dir.path(), "lab.json", &Plan::lab("trust001"));
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 1);
    assert!(r.stderr.starts_with("error: step 2/8 (checks) failed: the role arn:aws:iam::123456789012:role/firehose_delivery_role exists but does not let firehose.amazonaws.com assume it"), "{}", r.stderr);
    assert!(r.stderr.contains("nothing exists from this run"), "{}", r.stderr);
    rt.block_on(async {
        assert!(moto.bucket_names().await.is_empty(), "no bucket was made for a plan that cannot work");
        let iam = aws_sdk_iam::Client::new(&moto.sdk("us-east-1").await);
        assert!(
            role_policy_names(&iam, "firehose_delivery_role").await.is_empty(),
            "the user's role is left untouched"
        );
    });
    // an existing role that is missing altogether is also caught there
    let mut plan = Plan::lab("trust002");
    plan.settings.role = Role::Existing("no-such-role".into());
    let path = write_plan(dir.path(), "missing.json", &plan);
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert!(r.stderr.starts_with("error: step 2/8 (checks) failed: iam:GetRole: NoSuchEntity"), "{}", r.stderr);
}

#[test]
fn outside_us_east_1_the_bucket_gets_its_location_constraint() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    let stream_arn = rt.block_on(moto.create_kinesis_stream("eu-west-1", "retail-trans"));
    let path = write_plan(dir.path(), "lab.json", &Plan::lab("euwest01"));
    // --endpoint-url alone must reach the emulator: the SDK's AWS_ENDPOINT_URL is removed
    let r = run(moto
        .command(dir.path())
        .env_remove("AWS_ENDPOINT_URL")
        .args(["--endpoint-url", &moto.url, "--region", "eu-west-1", "apply"])
        .arg(&path));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("[1/8] account          ok"), "{}", r.stdout);
    assert!(r.stdout.contains("123456789012 (aws, eu-west-1)"), "--region wins over AWS_REGION:\n{}", r.stdout);
    rt.block_on(async {
        let sdk = moto.sdk("eu-west-1").await;
        let s3 = aws_sdk_s3::Client::new(&sdk);
        let loc = s3.get_bucket_location().bucket("aws-analytics-immersion-day-euwest01").send().await.unwrap();
        assert_eq!(loc.location_constraint().map(|c| c.as_str()), Some("eu-west-1"));
        let fh = aws_sdk_firehose::Client::new(&sdk);
        let d = fh.describe_delivery_stream().delivery_stream_name("retail-trans").send().await.unwrap();
        let src =
            d.delivery_stream_description().unwrap().source().unwrap().kinesis_stream_source_description().unwrap();
        assert_eq!(src.kinesis_stream_arn(), Some(stream_arn.as_str()));
        // nothing in us-east-1
        let use1 = aws_sdk_firehose::Client::new(&moto.sdk("us-east-1").await);
        assert!(use1.list_delivery_streams().send().await.unwrap().delivery_stream_names().is_empty());
    });
}

#[test]
fn missing_source_stream_or_taken_name_stops_before_creating_anything() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let path = write_plan(dir.path(), "lab.json", &Plan::lab("nosrc001"));
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.starts_with(
            "error: step 3/8 (source stream) failed: kinesis:DescribeStreamSummary: ResourceNotFoundException: "
        ),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("hint: there is no such Kinesis stream in this account and Region"), "{}", r.stderr);
    assert!(r.stderr.contains("nothing exists from this run"), "{}", r.stderr);

    let rt = rt();
    rt.block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        let s3 = aws_sdk_s3::Client::new(&sdk);
        assert!(s3.list_buckets().send().await.unwrap().buckets().is_empty());
        moto.create_kinesis_stream("us-east-1", "retail-trans").await;
    });
    assert_eq!(run(moto.command(dir.path()).arg("apply").arg(&path)).code, 0);
    let again = write_plan(dir.path(), "again.json", &Plan::lab("nosrc002"));
    let r = run(moto.command(dir.path()).arg("apply").arg(&again));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.starts_with("error: step 2/8 (checks) failed: a delivery stream named retail-trans already exists"),
        "{}",
        r.stderr
    );
    rt.block_on(async {
        let names = moto.bucket_names().await;
        assert_eq!(names, vec!["aws-analytics-immersion-day-nosrc001"], "the second plan's bucket was never created");
    });
}

#[test]
fn a_kinesis_arn_in_another_region_is_refused_after_sts() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let mut plan = Plan::lab("region01");
    plan.source = Source::KinesisStream("arn:aws:kinesis:eu-west-1:123456789012:stream/retail-trans".into());
    let path = write_plan(dir.path(), "lab.json", &plan);
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 1);
    assert!(r.stderr.starts_with("error: step 1/8 (account) failed: source: the Kinesis stream is in eu-west-1, but the delivery stream would be created in us-east-1"), "{}", r.stderr);
}

#[test]
fn profile_flag_selects_credentials_region_and_endpoint_from_the_config_file() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    rt.block_on(moto.create_kinesis_stream("ap-northeast-2", "retail-trans"));
    let config = dir.path().join("aws-config");
    std::fs::write(
        &config,
        format!(
            "[default]\nregion = us-east-1\n\n[profile lab]\nregion = ap-northeast-2\nendpoint_url = {}\naws_access_key_id = {}\naws_secret_access_key = {}\n",
            moto.url,
            common::ACCESS_KEY,
            SECRET_KEY
        ),
    )
    .unwrap();
    let path = write_plan(dir.path(), "lab.json", &Plan::lab("profile1"));
    // no AWS_* variables at all: everything comes from the profile
    let r = run(common::bin(dir.path()).env("AWS_CONFIG_FILE", &config).args(["--profile", "lab", "apply"]).arg(&path));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("123456789012 (aws, ap-northeast-2)"), "{}", r.stdout);
    rt.block_on(async {
        let fh = aws_sdk_firehose::Client::new(&moto.sdk("ap-northeast-2").await);
        let names = fh.list_delivery_streams().send().await.unwrap().delivery_stream_names().to_vec();
        assert_eq!(names, vec!["retail-trans"]);
    });
    let log = std::fs::read_to_string(dir.path().join("firehose-wizard.log")).unwrap();
    assert!(!log.contains(SECRET_KEY), "the secret from the profile must never be logged");
    // an unknown profile is a clear failure, not a silent fallback to another account
    let r =
        run(common::bin(dir.path()).env("AWS_CONFIG_FILE", &config).args(["--profile", "nope", "apply"]).arg(&path));
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stderr.starts_with("error: step 1/8 (account) failed: no AWS Region is configured for the profile nope"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("hint: check that [profile nope] exists"), "{}", r.stderr);
}

#[test]
fn the_same_stream_name_in_two_regions_keeps_both_policies_on_the_shared_role() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    rt.block_on(async {
        moto.create_kinesis_stream("us-east-1", "retail-trans").await;
        moto.create_kinesis_stream("eu-west-1", "retail-trans").await;
    });
    let a = write_plan(dir.path(), "a.json", &Plan::lab("tworeg01"));
    let b = write_plan(dir.path(), "b.json", &Plan::lab("tworeg02"));
    assert_eq!(run(moto.command(dir.path()).arg("apply").arg(&a)).code, 0);
    let before = rt.block_on(async {
        let iam = aws_sdk_iam::Client::new(&moto.sdk("us-east-1").await);
        role_policy(&iam, "firehose_delivery_role", "firehose-wizard-us-east-1-retail-trans").await
    });
    let r = run(moto.command(dir.path()).args(["--region", "eu-west-1", "apply"]).arg(&b));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    rt.block_on(async {
        let iam = aws_sdk_iam::Client::new(&moto.sdk("us-east-1").await);
        assert_eq!(
            role_policy_names(&iam, "firehose_delivery_role").await,
            vec!["firehose-wizard-eu-west-1-retail-trans", "firehose-wizard-us-east-1-retail-trans"]
        );
        let after = role_policy(&iam, "firehose_delivery_role", "firehose-wizard-us-east-1-retail-trans").await;
        assert_eq!(after, before, "the us-east-1 stream's policy is untouched");
        let eu = role_policy(&iam, "firehose_delivery_role", "firehose-wizard-eu-west-1-retail-trans").await;
        assert_eq!(eu["Statement"][1]["Resource"], "arn:aws:kinesis:eu-west-1:123456789012:stream/retail-trans");
    });
}

#[test]
fn destroying_what_a_run_created_deletes_it_by_dependency_and_keeps_what_existed() {
    use firehose_wizard::cloud::provision::{self, Kind, Timing};
    use firehose_wizard::cloud::{Cloud, destroy, journal::Store};
    let moto = Moto::start();
    let rt = rt();
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    rt.block_on(async {
        moto.create_kinesis_stream("us-east-1", "retail-trans").await;
        let cloud = Cloud::from_config(moto.sdk("us-east-1").await).unwrap();
        let (tx, _rx) = tokio::sync::mpsc::unbounded_channel();
        let fast = Timing { poll_every: std::time::Duration::from_millis(50), ..Timing::default() };
        let outcome = provision::provision(&cloud, &Plan::lab("remove01"), &store, &fast, &tx).await.unwrap();
        let kinds: Vec<_> = outcome.resources.iter().map(|r| (r.kind, r.created)).collect();
        assert_eq!(
            kinds,
            vec![
                (Kind::KinesisStream, false),
                (Kind::Bucket, true),
                (Kind::LogGroup, true),
                (Kind::LogStream, true),
                (Kind::Role, true),
                (Kind::RolePolicy, true),
                (Kind::DeliveryStream, true)
            ]
        );
        let mut journal = store.open(&outcome.target, "retail-trans").unwrap();
        let listed: Vec<_> = journal.entries.iter().map(|e| (e.kind, e.id.clone())).collect();
        let created: Vec<_> = outcome.resources.iter().filter(|r| r.created).map(|r| (r.kind, r.id.clone())).collect();
        assert_eq!(listed, created, "the journal lists exactly what the run created, both in the steps' order");
        let removals = destroy::destroy(&cloud, &mut journal, destroy::Options::default(), &fast, |_| {}).await;
        let order: Vec<_> = removals.iter().map(|r| r.resource.kind).collect();
        assert_eq!(
            order,
            vec![Kind::DeliveryStream, Kind::RolePolicy, Kind::Role, Kind::LogStream, Kind::LogGroup, Kind::Bucket],
            "what uses something goes before it, whatever order the steps that ran at once wrote the journal in"
        );
        for r in &removals {
            assert_eq!(r.outcome, destroy::Outcome::Deleted, "{}", r.resource);
        }
        assert!(journal.is_empty() && !journal.path().exists(), "an emptied journal is removed");
        let sdk = moto.sdk("us-east-1").await;
        let fh = aws_sdk_firehose::Client::new(&sdk);
        assert!(fh.list_delivery_streams().send().await.unwrap().delivery_stream_names().is_empty());
        let iam = aws_sdk_iam::Client::new(&sdk);
        assert!(iam.list_roles().send().await.unwrap().roles().is_empty());
        let s3 = aws_sdk_s3::Client::new(&sdk);
        assert!(s3.list_buckets().send().await.unwrap().buckets().is_empty());
        let k = aws_sdk_kinesis::Client::new(&sdk);
        assert_eq!(k.list_streams().send().await.unwrap().stream_names(), ["retail-trans"], "the source stream stays");
        let logs = aws_sdk_cloudwatchlogs::Client::new(&sdk);
        assert!(logs.describe_log_groups().send().await.unwrap().log_groups().is_empty(), "the log group is gone");
    });
}

/// `apply`, a rerun and `destroy` in Korean: every step and outcome in the Korean catalogue's words,
/// AWS's names as they are; the same exit codes and the same resources as in English.
#[test]
fn apply_rerun_and_destroy_speak_korean() {
    use firehose_wizard::cloud::provision::{Done, Step};
    use firehose_wizard::i18n::{self, Lang};
    let ko = |m: firehose_wizard::plan::msg::Msg| i18n::with(Lang::Ko, || m.to_string());
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    let path = write_plan(dir.path(), "lab.json", &Plan::lab("e2e0k0r1"));
    let korean = |args: &[&str]| run(moto.command(dir.path()).env("LANG", "ko_KR.UTF-8").args(args).arg(&path));

    // without its source stream: the failure, its hint and what exists, in Korean on stderr
    let r = korean(&["apply"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let failed = ko(firehose_wizard::msg!(
        "apply-step-failed",
        number = 3,
        steps = 8,
        step = Step::Source.label(),
        error = "kinesis:DescribeStreamSummary"
    ));
    assert!(r.stderr.starts_with(&failed), "{}", r.stderr);
    let hint = ko(firehose_wizard::msg!("cli-hint", hint = firehose_wizard::msg!("hint-no-kinesis-stream")));
    assert!(r.stderr.lines().any(|l| l == hint), "{}", r.stderr);
    // the first line ends with what AWS said, as it said it
    let aws = r.stderr.lines().next().unwrap().split(": ").skip(3).collect::<Vec<_>>().join(": ");
    common::lang::assert_korean("a failed apply", &r.stderr, &[aws.as_str()]);
    rt.block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));

    let r = korean(&["apply"]);
    assert_eq!(r.code, 0, "stdout:\n{}\nstderr:\n{}", r.stdout, r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    let done = [Done::Ok, Done::Ok, Done::Found, Done::Created, Done::Created, Done::Created, Done::Created, Done::Ok];
    for ((line, step), done) in lines.iter().zip(Step::ALL).zip(done) {
        let tag = format!("[{}/8] {}", step.number(), ko(step.label()));
        let rest = line.strip_prefix(&tag).unwrap_or_else(|| panic!("{line:?} should start with {tag}"));
        assert_eq!(rest.split_whitespace().next(), Some(ko(done.msg()).as_str()), "{line}");
    }
    let arn = format!("arn:aws:firehose:us-east-1:{ACCOUNT}:deliverystream/retail-trans");
    assert_eq!(lines[8], ko(firehose_wizard::msg!("app-stream-arn", arn = arn.as_str())));
    assert!(lines[9].starts_with("다음: firehose-wizard smoke-test"), "{}", lines[9]);
    common::lang::assert_korean("apply", &r.stdout, &[]);

    // a rerun reuses; destroy removes in Korean
    let r = korean(&["apply"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains(&ko(Done::Reused.msg())), "{}", r.stdout);
    let r = korean(&["destroy", "--dry-run"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("삭제할 것") && r.stdout.contains(&ko(firehose_wizard::msg!("destroy-dry-run"))));
    let r = korean(&["destroy"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains(&ko(firehose_wizard::msg!("destroy-done", stream = "retail-trans"))), "{}", r.stdout);
    assert!(
        r.stdout.contains("그대로 둠(firehose-wizard가 생성하지 않은 것): Kinesis 스트림 retail-trans"),
        "{}",
        r.stdout
    );
    common::lang::assert_korean("destroy", &r.stdout, &[]);
    assert!(rt.block_on(moto.bucket_names()).is_empty(), "the bucket is gone");
}
