//! Reruns converge and `destroy` removes exactly what firehose-wizard created: the real binary against
//! a real moto server, its state read back with the real SDK clients, the journal read from disk.

mod common;

use std::path::Path;

use common::{Moto, SECRET_KEY, journal_path, rt, run, write_plan};
use firehose_wizard::plan::Plan;

fn journal_entries(home: &Path, stream: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(journal_path(home, stream)).unwrap();
    serde_json::from_str::<serde_json::Value>(&text).unwrap()["entries"].clone()
}

/// How many of each thing moto holds: delivery streams, roles, inline policies of the lab role,
/// buckets, log groups, log streams of the lab group.
async fn counts(moto: &Moto) -> [usize; 6] {
    let sdk = moto.sdk("us-east-1").await;
    let iam = aws_sdk_iam::Client::new(&sdk);
    let logs = aws_sdk_cloudwatchlogs::Client::new(&sdk);
    let policies = match iam.list_role_policies().role_name("firehose_delivery_role").send().await {
        Ok(o) => o.policy_names().len(),
        Err(_) => 0,
    };
    let log_streams = match logs.describe_log_streams().log_group_name("/aws/kinesisfirehose/retail-trans").send().await
    {
        Ok(o) => o.log_streams().len(),
        Err(_) => 0,
    };
    [
        aws_sdk_firehose::Client::new(&sdk).list_delivery_streams().send().await.unwrap().delivery_stream_names().len(),
        iam.list_roles().send().await.unwrap().roles().len(),
        policies,
        moto.bucket_names().await.len(),
        logs.describe_log_groups().send().await.unwrap().log_groups().len(),
        log_streams,
    ]
}

#[test]
fn a_second_apply_creates_nothing_and_says_what_it_reused() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    rt.block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));
    let path = write_plan(dir.path(), "lab.json", &Plan::lab("rerun001"));
    let first = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(first.code, 0, "{}", first.stderr);
    let after_first = rt.block_on(counts(&moto));
    assert_eq!(after_first, [1, 1, 1, 1, 1, 1]);
    let journal = journal_entries(dir.path(), "retail-trans");
    assert_eq!(journal.as_array().unwrap().len(), 6);

    let second = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(second.code, 0, "{}\n{}", second.stdout, second.stderr);
    let out = &second.stdout;
    for expected in [
        "the journal lists 6 resource(s) firehose-wizard created earlier",
        "retail-trans exists and matches the plan (created by firehose-wizard earlier): it is reused",
        "[4/8] bucket           reused",
        "aws-analytics-immersion-day-rerun001 (created by firehose-wizard earlier)",
        "[5/8] error logging    reused",
        "[6/8] role             reused",
        "(unchanged, created by firehose-wizard earlier)",
        "[7/8] delivery stream  reused",
        "[8/8] wait for ACTIVE  ok",
    ] {
        assert!(out.contains(expected), "{expected:?} missing:\n{out}");
    }
    assert!(!out.contains(" created  "), "no step created anything:\n{out}");
    assert_eq!(rt.block_on(counts(&moto)), after_first, "one of each, still");
    assert_eq!(journal_entries(dir.path(), "retail-trans"), journal, "the journal did not change");
}

#[test]
fn a_same_named_stream_with_another_configuration_stops_before_anything_is_created() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    rt.block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));
    let path = write_plan(dir.path(), "lab.json", &Plan::lab("confl001"));
    assert_eq!(run(moto.command(dir.path()).arg("apply").arg(&path)).code, 0);
    let before = rt.block_on(counts(&moto));

    let mut changed = Plan::lab("confl002");
    changed.destination.prefix = "other/!{timestamp:yyyy}/".into();
    changed.settings.buffer_size_mib = 5;
    let changed_path = write_plan(dir.path(), "changed.json", &changed);
    let r = run(moto.command(dir.path()).arg("apply").arg(&changed_path));
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    let err = &r.stderr;
    assert!(
        err.contains("error: step 2/8 (checks) failed: a delivery stream named retail-trans already exists with a different configuration: bucket: the stream has \"arn:aws:s3:::aws-analytics-immersion-day-confl001\", the plan says \"arn:aws:s3:::aws-analytics-immersion-day-confl002\"; prefix: the stream has \"json-data/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/\", the plan says \"other/!{timestamp:yyyy}/\"; buffering: the stream has 1 MiB / 60 s, the plan says 5 MiB / 60 s"),
        "{err}"
    );
    assert!(err.contains("hint: change the plan to match it, or choose another name; `firehose-wizard destroy PLAN` removes it (firehose-wizard created it)"), "{err}");
    assert_eq!(rt.block_on(counts(&moto)), before, "nothing new, not even the new bucket");

    // a stream firehose-wizard did not create: the hint says it will not delete it
    let dir2 = tempfile::tempdir().unwrap();
    let other = write_plan(dir2.path(), "lab.json", &changed);
    let r = run(moto.command(dir2.path()).arg("apply").arg(&other));
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("firehose-wizard did not create it, so it will not delete it"), "{}", r.stderr);
}

#[test]
fn destroy_removes_only_what_firehose_wizard_created_and_keeps_a_bucket_and_role_that_existed() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    let bucket = "aws-analytics-immersion-day-mine0001";
    rt.block_on(async {
        moto.create_kinesis_stream("us-east-1", "retail-trans").await;
        let sdk = moto.sdk("us-east-1").await;
        aws_sdk_s3::Client::new(&sdk).create_bucket().bucket(bucket).send().await.unwrap();
        let trust = firehose_wizard::plan::policy::trust_policy(common::ACCOUNT).to_string();
        aws_sdk_iam::Client::new(&sdk)
            .create_role()
            .role_name("firehose_delivery_role")
            .assume_role_policy_document(trust)
            .send()
            .await
            .unwrap();
    });
    let path = write_plan(dir.path(), "lab.json", &Plan::lab("mine0001"));
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains(&format!("{bucket} (already existed)")), "{}", r.stdout);
    assert!(r.stdout.contains("firehose_delivery_role (already existed) + policy"), "{}", r.stdout);
    let kinds: Vec<_> = journal_entries(dir.path(), "retail-trans")
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(kinds, ["log_group", "log_stream", "role_policy", "delivery_stream"], "only what it created");

    let dry = run(moto.command(dir.path()).args(["destroy", "--dry-run"]).arg(&path));
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert!(
        dry.stdout.contains(
            "would delete delivery stream arn:aws:firehose:us-east-1:123456789012:deliverystream/retail-trans"
        ),
        "{}",
        dry.stdout
    );
    assert!(dry.stdout.contains("dry run: nothing was changed"), "{}", dry.stdout);
    assert_eq!(rt.block_on(counts(&moto)), [1, 1, 1, 1, 1, 1], "the dry run changed nothing");

    let d = run(moto.command(dir.path()).arg("destroy").arg(&path));
    assert_eq!(d.code, 0, "{}\n{}", d.stdout, d.stderr);
    let lines: Vec<_> = d.stdout.lines().filter(|l| l.starts_with("deleted")).collect();
    assert_eq!(lines.len(), 4, "{}", d.stdout);
    for (line, what) in lines.iter().zip([
        "delivery stream arn:aws:firehose:us-east-1:123456789012:deliverystream/retail-trans",
        "IAM inline policy firehose_delivery_role/firehose-wizard-us-east-1-retail-trans",
        "CloudWatch log stream /aws/kinesisfirehose/retail-trans:S3Delivery",
        "CloudWatch log group /aws/kinesisfirehose/retail-trans",
    ]) {
        assert!(line.contains(what), "newest first: {line} should name {what}");
    }
    assert!(
        d.stdout.contains(&format!(
            "left alone (firehose-wizard did not create them): S3 bucket {bucket}, IAM role firehose_delivery_role, Kinesis stream retail-trans"
        )),
        "{}",
        d.stdout
    );
    // [streams, roles, policies, buckets, log groups, log streams]: the bucket and role stay
    assert_eq!(rt.block_on(counts(&moto)), [0, 1, 0, 1, 0, 0]);
    assert!(!journal_path(dir.path(), "retail-trans").exists(), "an emptied journal is removed");
    let again = run(moto.command(dir.path()).arg("destroy").arg(&path));
    assert_eq!(again.code, 0);
    assert!(
        again.stdout.contains("has no record of creating anything for the stream retail-trans"),
        "{}",
        again.stdout
    );
    let log = std::fs::read_to_string(dir.path().join("firehose-wizard.log")).unwrap();
    assert!(!log.contains(SECRET_KEY));
}

#[test]
fn a_bucket_with_objects_is_kept_until_asked_and_the_count_is_said() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    rt.block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));
    let path = write_plan(dir.path(), "lab.json", &Plan::lab("objs0001"));
    assert_eq!(run(moto.command(dir.path()).arg("apply").arg(&path)).code, 0);
    let bucket = "aws-analytics-immersion-day-objs0001";
    rt.block_on(async {
        let s3 = aws_sdk_s3::Client::new(&moto.sdk("us-east-1").await);
        for i in 0..3 {
            s3.put_object()
                .bucket(bucket)
                .key(format!("json-data/{i}.json"))
                .body(b"{}".to_vec().into())
                .send()
                .await
                .unwrap();
        }
    });
    let dry = run(moto.command(dir.path()).args(["destroy", "--dry-run"]).arg(&path));
    assert!(
        dry.stdout.contains(&format!(
            "would keep   S3 bucket {bucket}: it holds 3 object(s) (--with-objects deletes them and the bucket)"
        )),
        "{}",
        dry.stdout
    );
    let d = run(moto.command(dir.path()).arg("destroy").arg(&path));
    assert_eq!(d.code, 1, "a kept bucket is not a full destroy:\n{}", d.stdout);
    assert!(
        d.stdout.contains(&format!(
            "kept         S3 bucket {bucket}: it holds 3 object(s); run destroy again with --with-objects"
        )),
        "{}",
        d.stdout
    );
    assert!(d.stderr.contains("1 resource(s) remain; the journal still lists them"), "{}", d.stderr);
    assert_eq!(rt.block_on(moto.bucket_names()), vec![bucket]);
    let w = run(moto.command(dir.path()).args(["destroy", "--with-objects"]).arg(&path));
    assert_eq!(w.code, 0, "{}\n{}", w.stdout, w.stderr);
    assert!(
        w.stdout.contains(&format!("emptying     S3 bucket {bucket}: deleting the 3 object(s) it holds")),
        "{}",
        w.stdout
    );
    assert!(w.stdout.contains(&format!("deleted      S3 bucket {bucket}")), "{}", w.stdout);
    assert!(rt.block_on(moto.bucket_names()).is_empty());
}

#[test]
fn a_failed_run_is_finished_by_the_next_one() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    rt.block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));
    // the role exists but does not trust Firehose: step 2 stops the run before anything is made
    let mut plan = Plan::lab("fix00001");
    plan.settings.role = firehose_wizard::plan::Role::Create("not_for_firehose".into());
    rt.block_on(async {
        let iam = aws_sdk_iam::Client::new(&moto.sdk("us-east-1").await);
        let trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
        iam.create_role().role_name("not_for_firehose").assume_role_policy_document(trust).send().await.unwrap();
    });
    let path = write_plan(dir.path(), "lab.json", &plan);
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("does not let firehose.amazonaws.com assume it"), "{}", r.stderr);
    assert_eq!(rt.block_on(moto.bucket_names()), Vec::<String>::new(), "a conflict stops before creating");
    // fixed: the rerun creates everything
    let path = write_plan(dir.path(), "lab.json", &Plan::lab("fix00001"));
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(rt.block_on(counts(&moto)), [1, 2, 1, 1, 1, 1]);
}

/// Every emulator answers as account 123456789012: a second, empty one does not inherit the first
/// one's journal, and destroying in one leaves the other's resources alone.
#[test]
fn each_endpoint_keeps_its_own_journal() {
    let (first, second) = (Moto::start(), Moto::start());
    let dir = tempfile::tempdir().unwrap();
    let path = write_plan(dir.path(), "plan.json", &Plan::lab("endp0001"));
    for moto in [&first, &second] {
        rt().block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));
        let r = run(moto.command(dir.path()).arg("apply").arg(&path));
        assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
        assert!(!r.stdout.contains("the journal lists"), "a fresh emulator, a fresh journal:\n{}", r.stdout);
        assert!(r.stdout.contains("[4/8] bucket           created"), "{}", r.stdout);
    }
    let journals = dir.path().join(".local/state/firehose-wizard/journal");
    let mut keys: Vec<String> =
        std::fs::read_dir(&journals).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    keys.sort();
    let port = |m: &Moto| m.url.rsplit(':').next().unwrap().to_owned();
    let mut want =
        vec![format!("endpoint-127.0.0.1_{}", port(&first)), format!("endpoint-127.0.0.1_{}", port(&second))];
    want.sort();
    assert_eq!(keys, want);
    // destroy in the first: the second keeps everything
    let d = run(first.command(dir.path()).arg("destroy").arg(&path));
    assert_eq!(d.code, 0, "{}\n{}", d.stdout, d.stderr);
    rt().block_on(async {
        assert_eq!(counts(&first).await, [0, 0, 0, 0, 0, 0]);
        assert_eq!(counts(&second).await, [1, 1, 1, 1, 1, 1]);
    });
}
