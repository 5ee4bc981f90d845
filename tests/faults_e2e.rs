//! AWS faults, injected by the tests' own proxy between the real binary and a real moto server: each
//! test names the fault, how often it is injected, and asserts the exit code, the message and what
//! moto holds afterwards (and what the journal says firehose-wizard created).

mod common;

use std::path::{Path, PathBuf};

use common::proxy::{Fault, Proxy, Rule};
use common::{Moto, Run, SECRET_KEY, rt, run, write_plan};
use firehose_wizard::plan::Plan;
use serde_json::json;

/// A session token as distinctive as the secret key: it must never reach the log either.
const SESSION_TOKEN: &str = "moto-session-token-MUST-NOT-BE-LOGGED-41c9";

struct Setup {
    moto: Moto,
    proxy: Proxy,
    dir: tempfile::TempDir,
    plan: PathBuf,
}

/// moto with the lab's source stream, a proxy in front, and the lab plan with this bucket suffix.
fn setup(suffix: &str) -> Setup {
    let moto = Moto::start();
    rt().block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));
    let proxy = Proxy::start(&moto.url);
    let dir = tempfile::tempdir().unwrap();
    let plan = write_plan(dir.path(), "lab.json", &Plan::lab(suffix));
    Setup { moto, proxy, dir, plan }
}

impl Setup {
    /// `apply` through the proxy, with a session token in the environment.
    fn apply(&self, extra: &[&str]) -> Run {
        let mut cmd = self.moto.command(self.dir.path());
        cmd.env("AWS_ENDPOINT_URL", &self.proxy.url).env("AWS_SESSION_TOKEN", SESSION_TOKEN).args(extra);
        run(cmd.arg("apply").arg(&self.plan))
    }

    /// `destroy` through the proxy (its faults spent): the journal is kept per endpoint.
    fn destroy(&self) -> Run {
        run(self.moto.command(self.dir.path()).env("AWS_ENDPOINT_URL", &self.proxy.url).arg("destroy").arg(&self.plan))
    }

    fn journal(&self) -> serde_json::Value {
        journal_at(self.dir.path(), "retail-trans")
    }

    /// What moto holds: (delivery streams, roles, buckets, log groups).
    fn state(&self) -> (Vec<String>, Vec<String>, Vec<String>, Vec<String>) {
        rt().block_on(async {
            let sdk = self.moto.sdk("us-east-1").await;
            let fh = aws_sdk_firehose::Client::new(&sdk).list_delivery_streams().send().await.unwrap();
            let roles = aws_sdk_iam::Client::new(&sdk).list_roles().send().await.unwrap();
            let logs = aws_sdk_cloudwatchlogs::Client::new(&sdk).describe_log_groups().send().await.unwrap();
            (
                fh.delivery_stream_names().to_vec(),
                roles.roles().iter().map(|r| r.role_name().to_owned()).collect(),
                self.moto.bucket_names().await,
                logs.log_groups().iter().filter_map(|g| g.log_group_name().map(str::to_owned)).collect(),
            )
        })
    }

    fn assert_log_is_clean(&self) {
        let log = std::fs::read_to_string(self.dir.path().join("firehose-wizard.log")).unwrap();
        assert!(!log.contains(SECRET_KEY), "the secret access key must never be logged");
        assert!(!log.contains(SESSION_TOKEN), "the session token must never be logged");
    }
}

fn journal_at(home: &Path, stream: &str) -> serde_json::Value {
    let path = common::journal_path(home, stream);
    match std::fs::read(&path) {
        Ok(bytes) => serde_json::from_slice(&bytes).unwrap(),
        Err(_) => json!({"entries": []}),
    }
}

/// (kind, status) of each journal entry, in order.
fn entries(journal: &serde_json::Value) -> Vec<(String, String)> {
    journal["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["kind"].as_str().unwrap().to_owned(), e["status"].as_str().unwrap().to_owned()))
        .collect()
}

fn all_created(kinds: &[&str]) -> Vec<(String, String)> {
    kinds.iter().map(|k| (k.to_string(), "created".to_string())).collect()
}

const LAB_KINDS: [&str; 6] = ["bucket", "log_group", "log_stream", "role", "role_policy", "delivery_stream"];

fn lab_state() -> (Vec<String>, Vec<String>, Vec<String>, Vec<String>) {
    (
        vec!["retail-trans".into()],
        vec!["firehose_delivery_role".into()],
        vec!["aws-analytics-immersion-day-fault001".into()],
        vec!["/aws/kinesisfirehose/retail-trans".into()],
    )
}

fn lab_state_for(suffix: &str) -> (Vec<String>, Vec<String>, Vec<String>, Vec<String>) {
    let mut s = lab_state();
    s.2 = vec![format!("aws-analytics-immersion-day-{suffix}")];
    s
}

#[test]
fn throttling_is_retried_by_the_sdk_and_shown() {
    let s = setup("fault001");
    s.proxy.add(Rule::new(
        "firehose:CreateDeliveryStream",
        2,
        Fault::json_error(400, "ThrottlingException", "Rate exceeded for stream retail-trans"),
    ));
    let r = s.apply(&[]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    for attempt in 1..=2 {
        let line = format!(
            "firehose:CreateDeliveryStream try {attempt} of 5: HTTP 400 ThrottlingException (throttled); the SDK retries it"
        );
        assert!(r.stdout.contains(&line), "missing {line:?}:\n{}", r.stdout);
    }
    assert!(r.stdout.contains("[7/8] delivery stream  created"), "{}", r.stdout);
    assert_eq!(s.proxy.count("firehose:CreateDeliveryStream"), 3);
    assert_eq!(s.state(), lab_state());
    assert_eq!(entries(&s.journal()), all_created(&LAB_KINDS));
    s.assert_log_is_clean();
}

#[test]
fn throttling_on_every_attempt_fails_with_the_hint_and_the_way_out() {
    let s = setup("fault002");
    s.proxy.add(Rule::new(
        "firehose:CreateDeliveryStream",
        usize::MAX,
        Fault::json_error(400, "ThrottlingException", "Rate exceeded"),
    ));
    let r = s.apply(&[]);
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    assert_eq!(s.proxy.count("firehose:CreateDeliveryStream"), 5, "the SDK's attempts, no more");
    assert!(
        r.stderr.contains(
            "error: step 7/8 (delivery stream) failed: firehose:CreateDeliveryStream: ThrottlingException: Rate exceeded"
        ),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("hint: AWS is throttling requests from this account"), "{}", r.stderr);
    assert!(r.stderr.contains("firehose-wizard destroy"), "says how to remove what was made:\n{}", r.stderr);
    // everything before the stream exists and is journaled; the refused stream is not
    let (streams, roles, buckets, groups) = s.state();
    assert!(streams.is_empty());
    assert_eq!((roles, buckets, groups), (lab_state_for("fault002").1, lab_state_for("fault002").2, lab_state().3));
    assert_eq!(entries(&s.journal()), all_created(&LAB_KINDS[..5]));
    // a rerun without the fault (through the same endpoint: the journal is kept per endpoint)
    // finishes the job, reusing the rest
    s.proxy.clear();
    let r = run(s.moto.command(s.dir.path()).env("AWS_ENDPOINT_URL", &s.proxy.url).arg("apply").arg(&s.plan));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("[4/8] bucket           reused"), "{}", r.stdout);
    assert!(r.stdout.contains("[7/8] delivery stream  created"), "{}", r.stdout);
    assert_eq!(s.state(), lab_state_for("fault002"));
    assert_eq!(entries(&s.journal()), all_created(&LAB_KINDS));
}

#[test]
fn s3_slowdown_is_retried_and_the_bucket_made_once() {
    let s = setup("fault001");
    s.proxy.add(Rule::new("s3:CreateBucket", 2, Fault::s3_error(503, "SlowDown", "Please reduce your request rate.")));
    // the log group and the role, made at the same time, have their own retries
    s.proxy.add(Rule::new("logs:CreateLogGroup", 1, Fault::json_error(503, "ServiceUnavailableException", "Busy")));
    s.proxy.add(Rule::new("iam:CreateRole", 1, Fault::query_error(503, "ServiceFailure", "Busy")));
    let r = s.apply(&[]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    // each retry is shown on the step that made the call, although three steps were running
    for (step, retry) in [
        (
            "[4/8] bucket           retry",
            "s3:CreateBucket try 2 of 5: HTTP 503 SlowDown (throttled); the SDK retries it",
        ),
        ("[5/8] error logging    retry", "logs:CreateLogGroup try 1 of 5: HTTP 503 ServiceUnavailableException"),
        ("[6/8] role             retry", "iam:CreateRole try 1 of 5: HTTP 503 ServiceFailure"),
    ] {
        let line = r.stdout.lines().find(|l| l.contains(retry)).unwrap_or_else(|| panic!("{retry}: {}", r.stdout));
        assert!(line.starts_with(step), "{line:?} is not on {step:?}");
    }
    assert_eq!(s.proxy.count("s3:CreateBucket"), 3);
    assert_eq!(s.state(), lab_state());
}

#[test]
fn firehose_unable_to_assume_role_is_waited_out() {
    let s = setup("fault001");
    let message = "Firehose is unable to assume role arn:aws:iam::123456789012:role/firehose_delivery_role. Please check the role provided.";
    s.proxy.add(Rule::new(
        "firehose:CreateDeliveryStream",
        2,
        Fault::json_error(400, "InvalidArgumentException", message),
    ));
    let r = s.apply(&[]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    // the IAM propagation retry (2 s, then 4 s), not the SDK's: a 400 is not retryable for the SDK
    assert!(r.stdout.contains("attempt 1 failed, retrying in 2s: Firehose is unable to assume role"), "{}", r.stdout);
    assert!(r.stdout.contains("attempt 2 failed, retrying in 4s"), "{}", r.stdout);
    assert_eq!(s.proxy.count("firehose:CreateDeliveryStream"), 3);
    assert_eq!(s.state(), lab_state());
}

#[test]
fn creating_failed_after_creating_says_why_and_destroy_cleans_up() {
    let s = setup("fault001");
    // step 2 describes the stream once (not found): the step 8 polls come after
    s.proxy.add(
        Rule::new(
            "firehose:DescribeDeliveryStream",
            1,
            Fault::patch(vec![("/DeliveryStreamDescription/DeliveryStreamStatus", json!("CREATING"))]),
        )
        .after(1),
    );
    s.proxy.add(Rule::new(
        "firehose:DescribeDeliveryStream",
        usize::MAX,
        Fault::patch(vec![
            ("/DeliveryStreamDescription/DeliveryStreamStatus", json!("CREATING_FAILED")),
            (
                "/DeliveryStreamDescription/FailureDescription",
                json!({"Type": "RETIRE_KMS_GRANT_FAILED", "Details": "the KMS grant could not be retired"}),
            ),
        ]),
    ));
    let r = s.apply(&[]);
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("[8/8] wait for ACTIVE  waiting    0"), "CREATING is shown:\n{}", r.stdout);
    assert!(r.stdout.contains("status CREATING"), "{}", r.stdout);
    assert!(
        r.stderr.contains("error: step 8/8 (wait for ACTIVE) failed: firehose:DescribeDeliveryStream: CREATING_FAILED: RETIRE_KMS_GRANT_FAILED: the KMS grant could not be retired"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("hint: the stream cannot recover from CREATING_FAILED"), "{}", r.stderr);
    assert!(r.stderr.contains("to remove what firehose-wizard created: firehose-wizard destroy"), "{}", r.stderr);
    assert_eq!(s.state(), lab_state(), "the failed stream exists until removed");
    assert_eq!(entries(&s.journal()), all_created(&LAB_KINDS));
    // a rerun that still sees CREATING_FAILED stops at the checks, before creating anything
    let r = s.apply(&[]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains(
            "error: step 2/8 (checks) failed: the delivery stream retail-trans exists but is CREATING_FAILED"
        ),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("`firehose-wizard destroy PLAN` removes it"), "{}", r.stderr);
    let r = s.destroy();
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    let (streams, roles, buckets, groups) = s.state();
    assert!(streams.is_empty() && roles.is_empty() && buckets.is_empty() && groups.is_empty());
}

#[test]
fn a_connection_reset_after_a_create_succeeded_upstream_is_no_duplicate_and_no_failure() {
    let s = setup("fault001");
    for op in [
        "s3:CreateBucket",
        "logs:CreateLogGroup",
        "iam:CreateRole",
        "iam:PutRolePolicy",
        "firehose:CreateDeliveryStream",
    ] {
        s.proxy.add(Rule::new(op, 1, Fault::ResetAfterUpstream));
    }
    let r = s.apply(&[]);
    assert_eq!(r.code, 0, "{}\n{}\ncalls: {:?}", r.stdout, r.stderr, s.proxy.calls());
    for op in ["s3:CreateBucket", "logs:CreateLogGroup", "iam:CreateRole", "firehose:CreateDeliveryStream"] {
        assert!(
            r.stdout.contains(&format!(
                "{op} try 1 of 5: no answer, connection closed before message completed (transient error); the SDK retries it"
            )),
            "{op} retry shown:\n{}",
            r.stdout
        );
    }
    // the SDK's resend found each resource already there; a lookup proved it is this run's
    assert!(r.stdout.contains("[6/8] role             created"), "{}", r.stdout);
    assert!(r.stdout.contains("created; its answer was lost, a lookup found it"), "{}", r.stdout);
    assert!(r.stdout.contains("retail-trans (its answer was lost; a lookup found it)"), "{}", r.stdout);
    assert_eq!(s.state(), lab_state(), "one of each");
    assert_eq!(entries(&s.journal()), all_created(&LAB_KINDS), "each recorded as firehose-wizard's own");
    // so destroy removes them
    assert_eq!(s.destroy().code, 0);
    let (streams, roles, buckets, groups) = s.state();
    assert!(streams.is_empty() && roles.is_empty() && buckets.is_empty() && groups.is_empty());
}

#[test]
fn every_attempt_losing_its_answer_is_settled_by_a_lookup() {
    let s = setup("fault001");
    s.proxy.add(Rule::new("iam:CreateRole", 5, Fault::ResetAfterUpstream));
    let r = s.apply(&[]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert_eq!(s.proxy.count("iam:CreateRole"), 5, "the SDK gave up after its attempts");
    assert!(r.stdout.contains("created; its answer was lost, a lookup found it"), "{}", r.stdout);
    assert_eq!(s.state(), lab_state());
    assert_eq!(entries(&s.journal()), all_created(&LAB_KINDS));
}

#[test]
fn a_call_that_times_out_is_retried_and_settled() {
    let s = setup("fault001");
    // the first CreateRole reaches IAM, but its answer never comes: after --call-timeout the SDK
    // gives up on that attempt and sends it again
    s.proxy.add(Rule::new("iam:CreateRole", 1, Fault::HoldAfterUpstream));
    let r = s.apply(&["--call-timeout", "1"]);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("iam:CreateRole try 1 of 5: no answer in time (transient error); the SDK retries it"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("created; its answer was lost, a lookup found it"), "{}", r.stdout);
    assert_eq!(s.state(), lab_state());
    assert_eq!(entries(&s.journal()), all_created(&LAB_KINDS));
    s.proxy.release();
}

#[test]
fn expired_credentials_say_how_to_renew_them_and_nothing_is_created() {
    let s = setup("fault001");
    s.proxy.add(Rule::new(
        "sts:GetCallerIdentity",
        usize::MAX,
        Fault::query_error(403, "ExpiredToken", "The security token included in the request is expired"),
    ));
    let r = s.apply(&[]);
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains(
            "error: step 1/8 (account) failed: sts:GetCallerIdentity: ExpiredToken: The security token included in the request is expired"
        ),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("hint: the credentials have expired: renew them (for SSO: aws sso login"),
        "{}",
        r.stderr
    );
    let (streams, roles, buckets, groups) = s.state();
    assert!(streams.is_empty() && roles.is_empty() && buckets.is_empty() && groups.is_empty());
    assert!(entries(&s.journal()).is_empty());
    s.assert_log_is_clean();
}

#[test]
fn expired_credentials_midway_leave_an_exact_record() {
    let s = setup("fault003");
    // the checks' GetRole and the role step's GetRole pass; from then on IAM says the token expired:
    // CreateRole fails after the bucket and log steps, running meanwhile, began to create
    s.proxy.add(
        Rule::new(
            "iam:*",
            usize::MAX,
            Fault::query_error(403, "ExpiredToken", "The security token included in the request is expired"),
        )
        .after(2),
    );
    let r = s.apply(&[]);
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("error: step 6/8 (role) failed: iam:CreateRole: ExpiredToken"), "{}", r.stderr);
    assert!(r.stderr.contains("hint: the credentials have expired: renew them"), "{}", r.stderr);
    assert!(r.stderr.contains("to resume after fixing the cause: firehose-wizard apply"), "{}", r.stderr);
    let (streams, roles, buckets, groups) = s.state();
    assert!(streams.is_empty() && roles.is_empty());
    assert_eq!(buckets.len(), 1);
    assert_eq!(groups.len(), 1);
    assert_eq!(entries(&s.journal()), all_created(&LAB_KINDS[..3]));
    // renewed: the rerun (through the same endpoint) converges
    s.proxy.clear();
    let r = run(s.moto.command(s.dir.path()).env("AWS_ENDPOINT_URL", &s.proxy.url).arg("apply").arg(&s.plan));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(s.state(), lab_state_for("fault003"));
}

#[test]
fn a_lookup_that_fails_holds_the_steps_running_with_it_back_before_anything_is_made() {
    let s = setup("fault013");
    // the checks' GetRole passes; the role step's lookup is told the token expired
    s.proxy.add(
        Rule::new(
            "iam:*",
            usize::MAX,
            Fault::query_error(403, "ExpiredToken", "The security token included in the request is expired"),
        )
        .after(1),
    );
    let r = s.apply(&[]);
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("error: step 6/8 (role) failed: iam:GetRole: ExpiredToken"), "{}", r.stderr);
    assert!(r.stderr.contains("hint: the credentials have expired: renew them"), "{}", r.stderr);
    assert!(r.stderr.contains("nothing firehose-wizard created exists"), "{}", r.stderr);
    for held in ["[4/8] bucket           skipped", "[5/8] error logging    skipped"] {
        assert!(r.stdout.contains(held), "{held}: {}", r.stdout);
    }
    assert!(r.stdout.contains("nothing made: step 6/8 (role) failed first"), "{}", r.stdout);
    assert_eq!(s.state(), (vec![], vec![], vec![], vec![]));
    assert_eq!(entries(&s.journal()), all_created(&[]));
    assert_eq!(s.proxy.calls().iter().filter(|c| c.contains(":Create")).count(), 0, "no create call was sent");
}

#[test]
fn already_exists_without_a_lost_answer_is_someone_elses_and_not_journaled() {
    let s = setup("fault004");
    // IAM says the role exists although the lookup just before found none, and no attempt of this call
    // lost its answer: someone else made it meanwhile, so it must never be destroyed as this tool's
    s.proxy.add(Rule::new(
        "iam:CreateRole",
        1,
        Fault::query_error(409, "EntityAlreadyExists", "Role with name firehose_delivery_role already exists."),
    ));
    let r = s.apply(&[]);
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stderr.contains("iam:CreateRole: EntityAlreadyExists"), "{}", r.stderr);
    assert!(r.stderr.contains("was created by someone else while this run was creating it"), "{}", r.stderr);
    assert_eq!(entries(&s.journal()), all_created(&LAB_KINDS[..3]), "no role in the journal");
    // the bucket and the log group, made meanwhile, are said to exist, and their steps ended as such
    for made in [
        "  S3 bucket aws-analytics-immersion-day-fault004 (created by firehose-wizard)",
        "  CloudWatch log group /aws/kinesisfirehose/retail-trans (created by firehose-wizard)",
    ] {
        assert!(r.stderr.contains(made), "{made}: {}", r.stderr);
    }
    for line in ["[4/8] bucket           created", "[5/8] error logging    created", "[6/8] role             FAILED"] {
        assert!(r.stdout.contains(line), "{line}: {}", r.stdout);
    }
}
