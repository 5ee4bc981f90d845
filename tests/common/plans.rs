//! The plans the export and import tests run end to end, and what they need to exist first.

use firehose_wizard::plan::{Decompression, Plan, Role, Source, StreamEncryption, policy};

use super::{ACCOUNT, Moto, rt};

pub const REGION: &str = "us-east-1";
pub const KEY: &str = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

/// The workshop's plan.
pub fn lab() -> Plan {
    Plan::lab("exp00001")
}

/// Direct PUT to an existing bucket with an existing role given its policy, stream encryption,
/// CloudWatch Logs decompression with message extraction, a new line, tags.
pub fn direct() -> Plan {
    let mut p = Plan::lab("exp00002");
    p.name = "clicks".into();
    p.source = Source::DirectPut;
    p.process.decompression = Some(Decompression { message_extraction: true });
    p.destination.create_bucket = false;
    p.destination.bucket = "team-data-lake".into();
    p.destination.new_line_delimiter = true;
    p.settings.role = Role::Existing("team-firehose".into());
    p.settings.add_policy_to_role = true;
    p.settings.stream_encryption = Some(StreamEncryption::CustomerManaged(KEY.into()));
    p.settings.tags = [("team".to_owned(), "analytics".to_owned()), ("cost center".to_owned(), "42".to_owned())].into();
    p
}

/// Every option at once (tests/fixtures/every-option.json).
pub fn every() -> Plan {
    Plan::from_json(include_str!("../fixtures/every-option.json")).unwrap()
}

pub fn plans() -> [(&'static str, Plan); 3] {
    [("lab", lab()), ("direct", direct()), ("every", every())]
}

/// What a plan uses that exists already: its source stream, buckets and role.
pub fn seed(moto: &Moto, plan: &Plan) {
    rt().block_on(async {
        let sdk = moto.sdk(REGION).await;
        if let Source::KinesisStream(k) = &plan.source {
            moto.create_kinesis_stream(REGION, k).await;
        }
        let s3 = aws_sdk_s3::Client::new(&sdk);
        let mut buckets = Vec::new();
        if !plan.destination.create_bucket {
            buckets.push(plan.destination.bucket.clone());
        }
        if let Some(b) = &plan.destination.backup
            && b.bucket != plan.destination.bucket
        {
            buckets.push(b.bucket.clone());
        }
        for b in buckets {
            s3.create_bucket().bucket(b).send().await.unwrap();
        }
        if let Role::Existing(r) = &plan.settings.role {
            aws_sdk_iam::Client::new(&sdk)
                .create_role()
                .role_name(r)
                .assume_role_policy_document(policy::trust_policy(ACCOUNT).to_string())
                .send()
                .await
                .unwrap();
        }
    });
}
