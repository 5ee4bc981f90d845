//! One run per stream: two `apply` runs of one plan started together against moto (through a proxy
//! that holds the first one's CreateRole): the first creates everything, the second waits for the
//! stream's lock, then stops naming the first (its PID and command) and changes nothing; `destroy
//! --dry-run`, which only reads, does not wait.

mod common;

use std::time::{Duration, Instant};

use common::proxy::{Fault, Proxy, Rule};
use common::{Moto, rt, run, write_plan};
use firehose_wizard::plan::Plan;

#[test]
fn a_second_apply_of_the_same_stream_waits_then_stops_and_changes_nothing() {
    let moto = Moto::start();
    rt().block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));
    let dir = tempfile::tempdir().unwrap();
    let path = write_plan(dir.path(), "plan.json", &Plan::lab("lock0001"));
    let proxy = Proxy::start(&moto.url);
    proxy.add(Rule::new("iam:CreateRole", 1, Fault::HoldBeforeUpstream));
    let mut first = moto.command(dir.path());
    first.env("AWS_ENDPOINT_URL", &proxy.url).arg("apply").arg(&path);
    let first = first.stdout(std::process::Stdio::piped()).stderr(std::process::Stdio::piped()).spawn().unwrap();
    assert_eq!(proxy.wait_held(Duration::from_secs(30)).as_deref(), Some("iam:CreateRole"));

    // the second run: same plan, same endpoint, same account and Region
    let started = Instant::now();
    let mut second = moto.command(dir.path());
    second.env("AWS_ENDPOINT_URL", &proxy.url).arg("apply").arg(&path);
    let r = run(&mut second);
    let waited = started.elapsed();
    assert_eq!(r.code, 1, "{}\n{}", r.stdout, r.stderr);
    let pid = first.id();
    assert!(
        r.stderr.contains(&format!("another firehose-wizard is working on this stream (PID {pid}: ")),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains(" apply ") && r.stderr.contains("did not finish within 5 s"), "{}", r.stderr);
    assert!(r.stderr.contains("hint: nothing was changed here"), "{}", r.stderr);
    assert!(waited >= Duration::from_secs(5), "it waited for the lock: {waited:?}");
    // the second one made no call that creates anything
    // each at most once: the first one's (its bucket, log group and role were made at the same time, in
    // any order; its role is held)
    let mut creates: Vec<String> = proxy.calls().into_iter().filter(|c| c.contains(":Create")).collect();
    creates.sort();
    let mut once = creates.clone();
    once.dedup();
    assert_eq!(creates, once, "no create call twice");
    for c in ["iam:CreateRole", "logs:CreateLogGroup", "s3:CreateBucket"] {
        assert!(creates.iter().any(|x| x == c), "{c}: {creates:?}");
    }
    // reading does not wait
    let started = Instant::now();
    let mut look = moto.command(dir.path());
    look.env("AWS_ENDPOINT_URL", &proxy.url).args(["destroy", "--dry-run"]).arg(&path);
    let d = run(&mut look);
    assert_eq!(d.code, 0, "{}\n{}", d.stdout, d.stderr);
    assert!(started.elapsed() < Duration::from_secs(5), "destroy --dry-run takes no lock");

    // the first one goes on and finishes: one of each in moto
    proxy.release();
    let out = first.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    rt().block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        assert_eq!(moto.bucket_names().await.len(), 1);
        let roles = aws_sdk_iam::Client::new(&sdk).list_roles().send().await.unwrap();
        assert_eq!(roles.roles().len(), 1);
        let groups = aws_sdk_cloudwatchlogs::Client::new(&sdk).describe_log_groups().send().await.unwrap();
        assert_eq!(groups.log_groups().len(), 1);
        let streams = aws_sdk_firehose::Client::new(&sdk).list_delivery_streams().send().await.unwrap();
        assert_eq!(streams.delivery_stream_names(), ["retail-trans"]);
    });
    // and then the lock is free again: a rerun reuses everything at once
    let again = run(moto.command(dir.path()).env("AWS_ENDPOINT_URL", &proxy.url).arg("apply").arg(&path));
    assert_eq!(again.code, 0, "{}\n{}", again.stdout, again.stderr);
}
