//! A Kinesis source encrypted with a KMS key: the role firehose-wizard creates may decrypt it, on
//! exactly that key, through Kinesis, for this stream; the key AWS manages for Kinesis needs no grant;
//! an existing role that lacks it is told. The real binary against moto, read back with the SDK.

mod common;

use aws_sdk_kinesis::types::EncryptionType;
use common::{ACCOUNT, Moto, role_policy, rt, run, write_plan};
use firehose_wizard::plan::{Plan, Role};

const KEY: &str = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

async fn encrypt(moto: &Moto, stream: &str, key: &str) {
    let k = aws_sdk_kinesis::Client::new(&moto.sdk("us-east-1").await);
    k.start_stream_encryption()
        .stream_name(stream)
        .encryption_type(EncryptionType::Kms)
        .key_id(key)
        .send()
        .await
        .unwrap();
}

#[test]
fn the_role_may_decrypt_the_source_on_exactly_its_key_and_the_aws_key_needs_no_grant() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    let stream_arn = rt.block_on(async {
        let arn = moto.create_kinesis_stream("us-east-1", "retail-trans").await;
        encrypt(&moto, "retail-trans", KEY).await;
        moto.create_kinesis_stream("us-east-1", "aws-keyed").await;
        encrypt(&moto, "aws-keyed", "alias/aws/kinesis").await;
        arn
    });
    let path = write_plan(dir.path(), "lab.json", &Plan::lab("kmssrc01"));
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains(&format!("the source stream is encrypted with the KMS key {KEY}")), "{}", r.stdout);
    let doc = rt.block_on(async {
        let iam = aws_sdk_iam::Client::new(&moto.sdk("us-east-1").await);
        role_policy(&iam, "firehose_delivery_role", "firehose-wizard-us-east-1-retail-trans").await
    });
    let decrypt = doc["Statement"].as_array().unwrap().iter().find(|s| s["Sid"] == "KinesisSourceDecrypt").cloned();
    assert_eq!(
        decrypt,
        Some(
            serde_json::json!({"Sid": "KinesisSourceDecrypt", "Effect": "Allow", "Action": "kms:Decrypt", "Resource": KEY,
            "Condition": {"StringEquals": {"kms:ViaService": "kinesis.us-east-1.amazonaws.com",
                                           "kms:EncryptionContext:aws:kinesis:arn": stream_arn}}})
        ),
        "{doc}"
    );

    // the key AWS manages for Kinesis: nothing to grant
    let mut aws_keyed = Plan::lab("kmssrc01");
    aws_keyed.name = "aws-keyed".into();
    aws_keyed.source = firehose_wizard::plan::Source::KinesisStream("aws-keyed".into());
    let path = write_plan(dir.path(), "aws.json", &aws_keyed);
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(!r.stdout.contains("encrypted with the KMS key"), "{}", r.stdout);
    let doc = rt.block_on(async {
        let iam = aws_sdk_iam::Client::new(&moto.sdk("us-east-1").await);
        role_policy(&iam, "firehose_delivery_role", "firehose-wizard-us-east-1-aws-keyed").await
    });
    assert!(!doc.to_string().contains("kms:"), "{doc}");
}

#[test]
fn an_existing_role_used_as_it_is_that_cannot_decrypt_the_source_is_told() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    rt.block_on(async {
        moto.create_kinesis_stream("us-east-1", "retail-trans").await;
        encrypt(&moto, "retail-trans", KEY).await;
        let iam = aws_sdk_iam::Client::new(&moto.sdk("us-east-1").await);
        let trust = firehose_wizard::plan::policy::trust_policy(ACCOUNT).to_string();
        iam.create_role().role_name("team-role").assume_role_policy_document(trust).send().await.unwrap();
        // everything this stream needs but the key
        let plan = Plan::lab("kmssrc02");
        let target = firehose_wizard::plan::request::Target {
            account: ACCOUNT.into(),
            region: "us-east-1".into(),
            partition: "aws".into(),
        };
        let source = firehose_wizard::plan::request::kinesis_arn(&plan, &target);
        let doc = firehose_wizard::plan::policy::permissions_policy(&plan, &target, source.as_deref(), None);
        iam.put_role_policy()
            .role_name("team-role")
            .policy_name("all-but-kms")
            .policy_document(doc.to_string())
            .send()
            .await
            .unwrap();
    });
    let mut plan = Plan::lab("kmssrc02");
    plan.settings.role = Role::Existing("team-role".into());
    let path = write_plan(dir.path(), "lab.json", &plan);
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(
        r.stdout
            .contains(&format!("WARNING: its policies lack 1 permission(s) this stream needs: kms:Decrypt on {KEY}")),
        "{}",
        r.stdout
    );
}
