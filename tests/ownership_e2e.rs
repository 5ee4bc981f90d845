//! `destroy` deletes only what firehose-wizard can prove it made, and `apply` adopts no role it cannot
//! vouch for: each case of issue 24 made in plain view against a real moto server, through the real
//! binary, its outcome read back with the real SDK clients.

mod common;

use std::path::Path;

use common::proxy::{Fault, Proxy, Rule};
use common::{ACCOUNT, Moto, journal_path, rt, run, write_plan};
use firehose_wizard::plan::{Plan, Role};

const ROLE: &str = "firehose_delivery_role";
const GROUP: &str = "/aws/kinesisfirehose/retail-trans";
const TAG_KEY: &str = "firehose-wizard:journal";

fn journal(home: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(journal_path(home, "retail-trans")).unwrap()).unwrap()
}

fn trust(statements: serde_json::Value) -> String {
    serde_json::json!({ "Version": "2012-10-17", "Statement": statements }).to_string()
}

#[test]
fn everything_created_carries_the_journals_tag_and_the_journal_its_identity() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    let mut plan = Plan::lab("owned001");
    plan.source = firehose_wizard::plan::Source::NewKinesisStream(firehose_wizard::plan::NewStream {
        name: "retail-trans-src".into(),
        mode: firehose_wizard::plan::StreamMode::OnDemand,
        shards: None,
    });
    plan.settings.tags.insert("team".into(), "analytics".into());
    let path = write_plan(dir.path(), "lab.json", &plan);
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    let j = journal(dir.path());
    let value = format!("us-east-1/retail-trans/{}", j["id"].as_str().unwrap());
    assert_eq!(j["id"].as_str().unwrap().len(), 16);
    assert_eq!(j["version"], 2);
    for e in j["entries"].as_array().unwrap() {
        assert_eq!(e["status"], "created", "{e}");
        let identity = &e["identity"];
        match e["kind"].as_str().unwrap() {
            "role_policy" => assert!(identity["id"].as_str().unwrap().starts_with("AROA"), "the role's id: {e}"),
            "bucket" => assert!(identity["created"].is_string(), "{e}"),
            _ => assert!(identity["id"].is_string() && identity["created"].is_string(), "{e}"),
        }
    }
    rt.block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        let s3 = aws_sdk_s3::Client::new(&sdk);
        let tags = s3.get_bucket_tagging().bucket("aws-analytics-immersion-day-owned001").send().await.unwrap();
        assert!(tags.tag_set().iter().any(|t| t.key() == TAG_KEY && t.value() == value), "{tags:?}");
        let role = aws_sdk_iam::Client::new(&sdk).get_role().role_name(ROLE).send().await.unwrap();
        assert!(role.role().unwrap().tags().iter().any(|t| t.key() == TAG_KEY && t.value() == value));
        let logs = aws_sdk_cloudwatchlogs::Client::new(&sdk);
        let arn = format!("arn:aws:logs:us-east-1:{ACCOUNT}:log-group:{GROUP}");
        let t = logs.list_tags_for_resource().resource_arn(arn).send().await.unwrap();
        assert_eq!(t.tags().and_then(|t| t.get(TAG_KEY)), Some(&value));
        let k = aws_sdk_kinesis::Client::new(&sdk);
        let t = k.list_tags_for_stream().stream_name("retail-trans-src").send().await.unwrap();
        assert!(t.tags().iter().any(|t| t.key() == TAG_KEY && t.value() == Some(value.as_str())), "{t:?}");
        let f = aws_sdk_firehose::Client::new(&sdk);
        let t = f.list_tags_for_delivery_stream().delivery_stream_name("retail-trans").send().await.unwrap();
        let mut tags: Vec<_> =
            t.tags().iter().map(|t| (t.key().to_owned(), t.value().unwrap_or("").to_owned())).collect();
        tags.sort();
        assert_eq!(tags, [(TAG_KEY.to_owned(), value.clone()), ("team".to_owned(), "analytics".to_owned())]);
    });
    // import leaves firehose-wizard's mark out: a copy gets its own
    let imported = run(moto.command(dir.path()).args(["import", "retail-trans"]));
    assert_eq!(imported.code, 0, "{}", imported.stderr);
    assert!(!imported.stdout.contains(TAG_KEY), "{}", imported.stdout);
    assert!(imported.stdout.contains("\"team\": \"analytics\""), "{}", imported.stdout);
}

#[test]
fn resources_recreated_by_someone_else_survive_destroy_with_objects_and_are_named() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    rt.block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));
    let bucket = "aws-analytics-immersion-day-again001";
    let path = write_plan(dir.path(), "lab.json", &Plan::lab("again001"));
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let recorded = journal(dir.path());
    // everything deleted by hand; then another team makes the same names, with their own things in them
    rt.block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        let f = aws_sdk_firehose::Client::new(&sdk);
        f.delete_delivery_stream().delivery_stream_name("retail-trans").send().await.unwrap();
        let s3 = aws_sdk_s3::Client::new(&sdk);
        s3.delete_bucket().bucket(bucket).send().await.unwrap();
        let iam = aws_sdk_iam::Client::new(&sdk);
        for p in common::role_policy_names(&iam, ROLE).await {
            iam.delete_role_policy().role_name(ROLE).policy_name(p).send().await.unwrap();
        }
        iam.delete_role().role_name(ROLE).send().await.unwrap();
        let logs = aws_sdk_cloudwatchlogs::Client::new(&sdk);
        logs.delete_log_group().log_group_name(GROUP).send().await.unwrap();
        // S3 dates have whole seconds: team B's bucket is made in a later one
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
        s3.create_bucket().bucket(bucket).send().await.unwrap();
        // AWS deletes a bucket's tags with it; moto 5.2.5 keeps them for the next bucket of that name:
        // AWS's part, played here
        s3.delete_bucket_tagging().bucket(bucket).send().await.unwrap();
        s3.put_object().bucket(bucket).key("team-b/important.csv").body(b"a,b\n".to_vec().into()).send().await.unwrap();
        let lambda = trust(serde_json::json!([{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
            "Action": "sts:AssumeRole"}]));
        let tag = aws_sdk_iam::types::Tag::builder().key("owner").value("team-b").build().unwrap();
        iam.create_role().role_name(ROLE).assume_role_policy_document(lambda).tags(tag).send().await.unwrap();
        logs.create_log_group().log_group_name(GROUP).send().await.unwrap();
    });

    let d = run(moto.command(dir.path()).args(["destroy", "--with-objects"]).arg(&path));
    assert_eq!(d.code, 0, "what firehose-wizard made is gone:\n{}\n{}", d.stdout, d.stderr);
    let out = &d.stdout;
    let recorded_date = |kind: &str| {
        recorded["entries"].as_array().unwrap().iter().find(|e| e["kind"] == kind).unwrap()["identity"]["created"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    for expected in [
        format!(
            "kept         S3 bucket {bucket}: not the S3 bucket firehose-wizard created on {}",
            recorded_date("bucket")
        ),
        format!(
            "kept         IAM role arn:aws:iam::{ACCOUNT}:role/{ROLE}: not the IAM role firehose-wizard created ({})",
            recorded["entries"].as_array().unwrap().iter().find(|e| e["kind"] == "role").unwrap()["identity"]["id"]
                .as_str()
                .unwrap()
        ),
        format!("kept         CloudWatch log group {GROUP}: not the CloudWatch log group firehose-wizard created on "),
    ] {
        assert!(out.contains(&expected), "{expected:?} missing:\n{out}");
    }
    assert!(!out.contains("deleted      S3 bucket") && !out.contains("emptying"), "{out}");
    rt.block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        let s3 = aws_sdk_s3::Client::new(&sdk);
        let objects = s3.list_objects_v2().bucket(bucket).send().await.unwrap();
        assert_eq!(objects.contents().len(), 1, "team B's object is still there");
        let role = aws_sdk_iam::Client::new(&sdk).get_role().role_name(ROLE).send().await.unwrap();
        assert!(role.role().unwrap().tags().iter().any(|t| t.key() == "owner" && t.value() == "team-b"));
        let logs = aws_sdk_cloudwatchlogs::Client::new(&sdk);
        let groups = logs.describe_log_groups().log_group_name_prefix(GROUP).send().await.unwrap();
        assert_eq!(groups.log_groups().len(), 1);
    });
    assert!(!journal_path(dir.path(), "retail-trans").exists(), "nothing of firehose-wizard's is left to record");
}

#[test]
fn a_hand_edited_journal_names_a_bucket_but_cannot_make_it_provably_ours() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    rt.block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));
    let path = write_plan(dir.path(), "lab.json", &Plan::lab("edited01"));
    assert_eq!(run(moto.command(dir.path()).arg("apply").arg(&path)).code, 0);
    // someone's bucket, and a journal entry for it with its real creation date: all a hand can forge
    let theirs = "team-b-data";
    let created = rt.block_on(async {
        let s3 = aws_sdk_s3::Client::new(&moto.sdk("us-east-1").await);
        s3.create_bucket().bucket(theirs).send().await.unwrap();
        s3.put_object().bucket(theirs).key("k").body(b"x".to_vec().into()).send().await.unwrap();
        let out = s3.list_buckets().send().await.unwrap();
        let b = out.buckets().iter().find(|b| b.name() == Some(theirs)).unwrap();
        b.creation_date().unwrap().fmt(aws_smithy_types::date_time::Format::DateTime).unwrap()
    });
    let mut j = journal(dir.path());
    j["entries"].as_array_mut().unwrap().push(serde_json::json!({
        "kind": "bucket", "id": theirs, "status": "created", "at": "2026-01-01T00:00:00Z",
        "identity": { "created": created }
    }));
    std::fs::write(journal_path(dir.path(), "retail-trans"), serde_json::to_vec_pretty(&j).unwrap()).unwrap();
    let d = run(moto.command(dir.path()).args(["destroy", "--with-objects"]).arg(&path));
    assert_eq!(d.code, 1, "it stays listed:\n{}\n{}", d.stdout, d.stderr);
    assert!(
        d.stdout
            .contains(&format!("kept         S3 bucket {theirs}: it does not carry firehose-wizard's tag {TAG_KEY}=")),
        "{}",
        d.stdout
    );
    assert!(d.stdout.contains("deleted      S3 bucket aws-analytics-immersion-day-edited01"), "{}", d.stdout);
    assert!(rt.block_on(moto.bucket_names()).contains(&theirs.to_owned()));
}

#[test]
fn a_role_another_delivery_stream_uses_is_kept_and_that_stream_named() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    rt.block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));
    let path = write_plan(dir.path(), "lab.json", &Plan::lab("inuse001"));
    assert_eq!(run(moto.command(dir.path()).arg("apply").arg(&path)).code, 0);
    // made in the console: a Direct PUT stream on the role firehose-wizard created
    rt.block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        let s3 = aws_sdk_s3::Client::new(&sdk);
        s3.create_bucket().bucket("console-bucket").send().await.unwrap();
        let dest = common::firehose::described_destination(
            &format!("arn:aws:iam::{ACCOUNT}:role/{ROLE}"),
            "arn:aws:s3:::console-bucket",
        );
        aws_sdk_firehose::Client::new(&sdk)
            .create_delivery_stream()
            .delivery_stream_name("console-stream")
            .extended_s3_destination_configuration(dest)
            .send()
            .await
            .unwrap();
    });
    let d = run(moto.command(dir.path()).arg("destroy").arg(&path));
    assert_eq!(d.code, 1, "the role remains:\n{}\n{}", d.stdout, d.stderr);
    assert!(
        d.stdout.contains(&format!(
            "kept         IAM role arn:aws:iam::{ACCOUNT}:role/{ROLE}: the delivery stream console-stream uses this IAM role"
        )),
        "{}",
        d.stdout
    );
    assert!(
        d.stdout.contains(&format!("deleted      IAM inline policy {ROLE}/firehose-wizard-us-east-1-retail-trans")),
        "{}",
        d.stdout
    );
    rt.block_on(async {
        let iam = aws_sdk_iam::Client::new(&moto.sdk("us-east-1").await);
        assert!(iam.get_role().role_name(ROLE).send().await.is_ok(), "the console stream keeps its role");
        assert!(common::role_policy_names(&iam, ROLE).await.is_empty(), "this stream's policy is gone");
    });
    let kinds: Vec<String> = journal(dir.path())["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(kinds, ["role"], "only the role is left to remove");
}

#[test]
fn a_dry_run_does_not_count_the_stream_being_destroyed_as_a_user_of_its_role() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    rt.block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));
    let path = write_plan(dir.path(), "lab.json", &Plan::lab("dryrun01"));
    assert_eq!(run(moto.command(dir.path()).arg("apply").arg(&path)).code, 0);
    let dry = run(moto.command(dir.path()).args(["destroy", "--dry-run"]).arg(&path));
    assert_eq!(dry.code, 0, "{}\n{}", dry.stdout, dry.stderr);
    assert!(
        dry.stdout.contains(&format!("would delete IAM role arn:aws:iam::{ACCOUNT}:role/{ROLE}")),
        "{}",
        dry.stdout
    );
    assert!(!dry.stdout.contains("kept"), "{}", dry.stdout);
}

#[test]
fn a_role_to_create_that_exists_with_another_principal_is_refused_before_anything_exists() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    rt.block_on(async {
        moto.create_kinesis_stream("us-east-1", "retail-trans").await;
        let doc = trust(serde_json::json!([
            {"Effect": "Allow", "Principal": {"Service": "firehose.amazonaws.com"}, "Action": "sts:AssumeRole"},
            {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999999999999:root"}, "Action": "sts:AssumeRole"}
        ]));
        let iam = aws_sdk_iam::Client::new(&moto.sdk("us-east-1").await);
        iam.create_role().role_name(ROLE).assume_role_policy_document(doc).send().await.unwrap();
    });
    let path = write_plan(dir.path(), "lab.json", &Plan::lab("extra001"));
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("error: step 2/8 (checks) failed:"), "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!(
            "the role arn:aws:iam::{ACCOUNT}:role/{ROLE} exists, and its trust policy lets someone else than Firehose (for this account) assume it: AWS arn:aws:iam::999999999999:root"
        )),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains(&format!("{{\"existing\": \"arn:aws:iam::{ACCOUNT}:role/{ROLE}\"}}")), "{}", r.stderr);
    rt.block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        assert!(moto.bucket_names().await.is_empty(), "no bucket");
        let iam = aws_sdk_iam::Client::new(&sdk);
        assert!(common::role_policy_names(&iam, ROLE).await.is_empty(), "nothing granted to the other account");
        let logs = aws_sdk_cloudwatchlogs::Client::new(&sdk);
        assert!(logs.describe_log_groups().send().await.unwrap().log_groups().is_empty());
        let f = aws_sdk_firehose::Client::new(&sdk);
        assert!(f.list_delivery_streams().send().await.unwrap().delivery_stream_names().is_empty());
    });

    // chosen deliberately as an existing role: used, and said
    let mut deliberate = Plan::lab("extra001");
    deliberate.settings.role = Role::Existing(format!("arn:aws:iam::{ACCOUNT}:role/{ROLE}"));
    deliberate.settings.add_policy_to_role = true;
    let path = write_plan(dir.path(), "deliberate.json", &deliberate);
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("WARNING: its trust policy also lets AWS arn:aws:iam::999999999999:root assume it"),
        "{}",
        r.stdout
    );
}

#[test]
fn a_role_trusting_only_firehose_for_this_account_is_still_adopted_and_sharing_is_said() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    rt.block_on(async {
        moto.create_kinesis_stream("us-east-1", "retail-trans").await;
        // as the console makes it, with the condition of AWS's Firehose guide
        let doc = trust(serde_json::json!([{"Effect": "Allow", "Principal": {"Service": "firehose.amazonaws.com"},
            "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"sts:ExternalId": ACCOUNT}}}]));
        let iam = aws_sdk_iam::Client::new(&moto.sdk("us-east-1").await);
        iam.create_role().role_name(ROLE).assume_role_policy_document(doc).send().await.unwrap();
    });
    let path = write_plan(dir.path(), "lab.json", &Plan::lab("adopt001"));
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("[6/8] role             reused"), "{}", r.stdout);
    assert!(!r.stdout.contains("shared with"), "no other stream uses it yet:\n{}", r.stdout);
    // a second stream on the same role: apply says whom it shares the role with
    let mut second = Plan::lab("adopt001");
    second.name = "retail-trans-2".into();
    let path2 = write_plan(dir.path(), "second.json", &second);
    let r = run(moto.command(dir.path()).arg("apply").arg(&path2));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains(
            "shared with the delivery stream retail-trans: each stream on a role may use what every policy on it grants"
        ),
        "{}",
        r.stdout
    );
}

#[test]
fn create_bucket_answering_ok_for_a_bucket_this_account_already_had_is_not_recorded_as_ours() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    let bucket = "aws-analytics-immersion-day-before01";
    rt.block_on(async {
        moto.create_kinesis_stream("us-east-1", "retail-trans").await;
        aws_sdk_s3::Client::new(&moto.sdk("us-east-1").await).create_bucket().bucket(bucket).send().await.unwrap();
    });
    std::thread::sleep(std::time::Duration::from_millis(1100));
    // S3's lists lag and HeadBucket says the name is free, as can happen right after the bucket was made;
    // us-east-1's CreateBucket then answers 200 for the bucket this account already has
    let proxy = Proxy::start(&moto.url);
    let empty = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListAllMyBucketsResult \
                 xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner><ID>x</ID></Owner><Buckets></Buckets>\
                 </ListAllMyBucketsResult>";
    proxy.add(Rule::new(
        "s3:ListBuckets",
        1,
        Fault::Respond {
            status: 200,
            headers: vec![("Content-Type".into(), "application/xml".into())],
            body: empty.into(),
        },
    ));
    let now = aws_smithy_types::DateTime::from(std::time::SystemTime::now())
        .fmt(aws_smithy_types::date_time::Format::HttpDate)
        .unwrap();
    proxy.add(Rule::new(
        "s3:HeadBucket",
        1,
        Fault::Respond { status: 404, headers: vec![("Date".into(), now)], body: String::new() },
    ));
    let path = write_plan(dir.path(), "lab.json", &Plan::lab("before01"));
    let r = run(moto.command(dir.path()).env("AWS_ENDPOINT_URL", &proxy.url).arg("apply").arg(&path));
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    assert!(proxy.count("s3:CreateBucket") >= 1);
    assert!(
        r.stderr.contains(&format!("CreateBucket answered OK for {bucket}, but S3 says it was created on ")),
        "{}",
        r.stderr
    );
    let j = journal(dir.path());
    assert!(!j["entries"].as_array().unwrap().iter().any(|e| e["kind"] == "bucket"), "not recorded: {j}");
    // destroy leaves it alone; a rerun uses it as it is
    let d = run(moto.command(dir.path()).args(["destroy", "--with-objects"]).arg(&path));
    assert_eq!(d.code, 0, "{}\n{}", d.stdout, d.stderr);
    assert!(rt.block_on(moto.bucket_names()).contains(&bucket.to_owned()));
}

#[test]
fn a_new_bucket_carrying_a_copy_of_the_journals_tag_is_still_kept() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    rt.block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));
    let bucket = "aws-analytics-immersion-day-copied01";
    let path = write_plan(dir.path(), "lab.json", &Plan::lab("copied01"));
    assert_eq!(run(moto.command(dir.path()).arg("apply").arg(&path)).code, 0);
    let value = format!("us-east-1/retail-trans/{}", journal(dir.path())["id"].as_str().unwrap());
    rt.block_on(async {
        let s3 = aws_sdk_s3::Client::new(&moto.sdk("us-east-1").await);
        s3.delete_bucket().bucket(bucket).send().await.unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
        s3.create_bucket().bucket(bucket).send().await.unwrap();
        // tags copied from the old bucket (moto would keep them anyway): the date still tells
        let tag = aws_sdk_s3::types::Tag::builder().key(TAG_KEY).value(&value).build().unwrap();
        let tagging = aws_sdk_s3::types::Tagging::builder().tag_set(tag).build().unwrap();
        s3.put_bucket_tagging().bucket(bucket).tagging(tagging).send().await.unwrap();
        s3.put_object().bucket(bucket).key("theirs").body(b"x".to_vec().into()).send().await.unwrap();
    });
    let d = run(moto.command(dir.path()).args(["destroy", "--with-objects", "--yes"]).arg(&path));
    assert_eq!(d.code, 1, "it stays listed:\n{}\n{}", d.stdout, d.stderr);
    assert!(d.stdout.contains(&format!("kept         S3 bucket {bucket}: its creation date is ")), "{}", d.stdout);
    rt.block_on(async {
        let s3 = aws_sdk_s3::Client::new(&moto.sdk("us-east-1").await);
        assert_eq!(s3.list_objects_v2().bucket(bucket).send().await.unwrap().contents().len(), 1);
    });
}

#[test]
fn on_a_terminal_destroy_lists_what_it_will_delete_and_keep_and_asks_first() {
    use common::pty::Pty;
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    let bucket = "aws-analytics-immersion-day-asked001";
    rt.block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));
    let path = write_plan(dir.path(), "lab.json", &Plan::lab("asked001"));
    assert_eq!(run(moto.command(dir.path()).arg("apply").arg(&path)).code, 0);
    rt.block_on(async {
        let s3 = aws_sdk_s3::Client::new(&moto.sdk("us-east-1").await);
        s3.put_object().bucket(bucket).key("json-data/x.json").body(b"{}".to_vec().into()).send().await.unwrap();
    });
    let plan = path.to_str().unwrap();
    let mut pty = Pty::spawn(dir.path(), Some(&moto), &["destroy", plan], (40, 200));
    let screen = pty.wait_for(&["Delete these 5? Type y and Enter"]);
    for expected in [
        "destroy will delete 5 resources and keep what is marked kept:",
        &format!("would delete delivery stream arn:aws:firehose:us-east-1:{ACCOUNT}:deliverystream/retail-trans"),
        &format!("would delete IAM role arn:aws:iam::{ACCOUNT}:role/{ROLE}"),
        &format!("would keep   S3 bucket {bucket}: it holds 1 object(s)"),
    ] {
        assert!(screen.contains(expected), "{expected:?} missing:\n{screen}");
    }
    pty.send(b"n\r");
    assert_eq!(pty.wait_exit(), 1);
    pty.wait_for(&["nothing was deleted"]);
    let entries = journal(dir.path())["entries"].as_array().unwrap().len();
    assert_eq!(entries, 6, "no answer, no change");
    assert_eq!(rt.block_on(moto.bucket_names()), [bucket]);

    let mut pty = Pty::spawn(dir.path(), Some(&moto), &["destroy", plan], (40, 200));
    pty.wait_for(&["Delete these 5? Type y and Enter"]);
    pty.send(b"y\r");
    assert_eq!(pty.wait_exit(), 1, "the bucket with an object is kept");
    let screen = pty.wait_for(&["1 resource(s) remain"]);
    assert!(screen.contains("deleted      delivery stream"), "{screen}");
    // --yes asks nothing, even on a terminal
    let mut pty = Pty::spawn(dir.path(), Some(&moto), &["destroy", "--yes", "--with-objects", plan], (40, 200));
    assert_eq!(pty.wait_exit(), 0);
    let screen = pty.wait_for(&["nothing firehose-wizard created for retail-trans remains"]);
    assert!(!screen.contains("Type y"), "{screen}");
    assert!(rt.block_on(moto.bucket_names()).is_empty());
}
