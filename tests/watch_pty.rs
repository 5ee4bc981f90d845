//! The watch view and the smoke test in the real binary, in a pseudo-terminal, against moto: from the
//! wizard's summary (`w`, `t`) and as `firehose-wizard watch`. Where moto stops (it never reads a
//! Kinesis source, it emits no metrics) the test plays Firehose's part (tests/common/firehose.rs).

mod common;

use chrono::Utc;
use common::firehose::{self as fh, lab_key};
use common::pty::Pty;
use common::{Moto, rt, run, write_plan};
use firehose_wizard::plan::{Destination, Plan, Source};

#[test]
fn after_create_w_watches_the_stream_and_t_shows_the_records_arriving() {
    let moto = Moto::start();
    let rt = rt();
    rt.block_on(async {
        moto.create_kinesis_stream("us-east-1", "retail-trans").await;
        let sdk = moto.sdk("us-east-1").await;
        fh::put_metric(&sdk, "retail-trans", "DataReadFromKinesisStream.Records", 4242.0, 1).await;
        fh::put_metric(&sdk, "retail-trans", "DeliveryToS3.Records", 4000.0, 1).await;
    });
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(dir.path(), Some(&moto), &["--lab"], (24, 80));
    pty.create_lab();
    pty.wait_for(&["created; the delivery stream is ACTIVE", " t  smoke test: send 10 test records", " w  watch:"]);

    // w: the live view, with the metric values CloudWatch holds
    pty.send(b"w");
    let s = pty.wait_for(&["Watch · retail-trans", "Records read from Kinesis", "4,242", "Newest objects (0)"]);
    assert!(s.contains("Newest objects (0)  under json-data/year="), "{s}");
    assert!(s.lines().any(|l| l.starts_with(" Records delivered to S3") && l.trim_end().ends_with("4,000")), "{s}");
    assert!(s.contains("ACTIVE · Kinesis stream retail-trans → s3://aws-analytics-immersion-day-"), "{s}");
    pty.send(b"\x1b");
    pty.wait_for(&["created; the delivery stream is ACTIVE"]);

    // t: the smoke test, while the test plays Firehose: it reads the records from Kinesis and writes
    // them where the lab's prefix puts them
    pty.send(b"t");
    pty.wait_for(&["Smoke test · running", "sent 10 of 10 records to the Kinesis stream retail-trans"]);
    let key = rt.block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        let records = fh::wait_for_test_records(&sdk, "retail-trans", 10).await;
        let bucket = moto.bucket_names().await.remove(0);
        let key = lab_key(Utc::now(), "retail-trans", "");
        fh::put_object(&sdk, &bucket, &key, records.concat()).await;
        key
    });
    let s = pty.wait_for(&["Smoke test · passed", "✓ 10 of 10 records arrived in 1 object"]);
    let tail = &key[key.len() - 20..];
    assert!(s.contains(tail), "the object's key ends with {tail}:\n{s}");
    // back to the summary, then quit: the verdict stays in the terminal
    pty.send(b"q");
    pty.wait_for(&["created; the delivery stream is ACTIVE"]);
    pty.send(b"q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
    let after = pty.screen();
    assert!(after.contains("✓ 10 of 10 records arrived in 1 object"), "{after}");
}

#[test]
fn watch_shows_a_stream_it_did_not_create_and_previews_its_newest_object() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let mut plan = Plan::lab("unused00");
    plan.name = "orders".into();
    plan.source = Source::DirectPut;
    plan.destination = Destination { create_bucket: true, prefix: "raw/".into(), ..Destination::new("fw-watch-0001") };
    let path = write_plan(dir.path(), "plan.json", &plan);
    assert_eq!(run(moto.command(dir.path()).arg("apply").arg(&path)).code, 0);
    // its journal gone, firehose-wizard knows nothing of it: watch reads it from AWS alone
    std::fs::remove_dir_all(dir.path().join(".local/state/firehose-wizard/journal")).unwrap();
    let r = run(moto.command(dir.path()).args(["send", "--stream", "orders", "--records", "3"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    rt().block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        fh::put_metric(&sdk, "orders", "IncomingRecords", 3.0, 1).await;
        fh::put_metric(&sdk, "orders", "DeliveryToS3.Success", 1.0, 1).await;
    });
    let mut pty = Pty::spawn(dir.path(), Some(&moto), &["watch", "--stream", "orders"], (24, 80));
    let s = pty.wait_for(&["Watch · orders", "account 123456789012 · us-east-1", "Newest objects (1)", "100 %"]);
    assert!(s.lines().any(|l| l.starts_with(" Incoming records") && l.trim_end().ends_with(" 3")), "{s}");
    assert!(s.contains("ACTIVE · Direct PUT → s3://fw-watch-0001/raw/"), "{s}");
    // Enter previews the highlighted object: the records sent above
    pty.send(b"\r");
    pty.wait_for(&["{\"Invoice\":", "firehose_wizard_test"]);
    pty.send(b"\x1b");
    pty.wait_for(&["Newest objects (1)"]);
    pty.send(b"q");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
}
