//! `send`, `smoke-test` and `status` end to end: the real binary against a real moto server. Where moto
//! delivers (Direct PUT, a literal prefix) its delivery is used; where it does not (a Kinesis source,
//! errors, metrics), the test plays Firehose's part in plain view (tests/common/firehose.rs).

mod common;

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use chrono::Utc;
use common::firehose::{self as fh, gzip, lab_error_key, lab_key};
use common::proxy::{Fault, Proxy, Rule};
use common::{Moto, Run, rt, run, write_plan};
use firehose_wizard::plan::{Destination, Plan, Source};
use serde_json::{Value, json};

/// A Direct PUT plan with a literal prefix, where moto writes objects as AWS would.
fn direct_put(name: &str, bucket: &str, prefix: &str) -> Plan {
    let mut p = Plan::lab("unused00");
    p.name = name.into();
    p.source = Source::DirectPut;
    p.destination = Destination { create_bucket: true, prefix: prefix.into(), ..Destination::new(bucket) };
    p
}

/// Applies `plan` (and, for the lab, creates its Kinesis stream first); returns the plan file.
fn applied(moto: &Moto, dir: &Path, plan: &Plan) -> PathBuf {
    if let Some(k) = plan.source.kinesis() {
        rt().block_on(moto.create_kinesis_stream("us-east-1", k));
    }
    let path = write_plan(dir, "plan.json", plan);
    let r = run(moto.command(dir).arg("apply").arg(&path));
    assert_eq!(r.code, 0, "apply: {}\n{}", r.stdout, r.stderr);
    path
}

fn shown(r: &Run) -> String {
    format!("exit {}\nstdout:\n{}\nstderr:\n{}", r.code, r.stdout, r.stderr)
}

fn json_lines(records: &[Vec<u8>]) -> Vec<Value> {
    records
        .iter()
        .map(|r| {
            assert_eq!(r.last(), Some(&b'\n'), "each record ends with a new line");
            serde_json::from_slice(r).unwrap()
        })
        .collect()
}

#[test]
fn send_writes_marked_retail_records_to_the_kinesis_source_never_to_firehose() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let plan = Plan::lab("send0001");
    let path = applied(&moto, dir.path(), &plan);
    let r = run(moto.command(dir.path()).args(["send"]).arg(&path).args(["--records", "25"]));
    assert_eq!(r.code, 0, "{}", shown(&r));
    assert!(
        r.stdout
            .starts_with("sent 25 of 25 records to the Kinesis stream retail-trans with kinesis:PutRecords in 1 call"),
        "{}",
        shown(&r)
    );
    assert!(r.stderr.contains("the source of the delivery stream retail-trans"), "{}", r.stderr);
    rt().block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        let records = json_lines(&fh::kinesis_records(&sdk, "retail-trans").await);
        assert_eq!(records.len(), 25);
        let tags: Vec<&str> = records.iter().map(|r| r["firehose_wizard_test"].as_str().unwrap()).collect();
        let marker = tags[0].split('#').next().unwrap();
        assert!(marker.starts_with("fwt-"), "{marker}");
        let mut seqs: Vec<usize> = tags
            .iter()
            .map(|t| {
                let (m, n) = t.split_once('#').unwrap();
                assert_eq!(m, marker, "one marker for the run");
                n.parse().unwrap()
            })
            .collect();
        seqs.sort();
        assert_eq!(seqs, (0..25).collect::<Vec<_>>());
        for r in &records {
            for field in
                ["Invoice", "StockCode", "Description", "Quantity", "InvoiceDate", "Price", "Customer_ID", "Country"]
            {
                assert!(r.get(field).is_some(), "{field} in {r}");
            }
        }
        // moto would have written an object for a Firehose write to this stream: there is none
        assert!(fh::objects(&sdk, "aws-analytics-immersion-day-send0001").await.is_empty());
    });
}

/// A PutRecords answer in which every one of `n` records failed.
fn kinesis_all_failed(n: usize) -> Fault {
    let entry = json!({"ErrorCode": "ProvisionedThroughputExceededException",
        "ErrorMessage": "Rate exceeded for shard shardId-000000000000 in stream retail-trans under account 123456789012."});
    Fault::Respond {
        status: 200,
        headers: vec![("Content-Type".into(), "application/x-amz-json-1.1".into())],
        body: json!({"FailedRecordCount": n, "Records": vec![entry; n]}).to_string(),
    }
}

fn throttled(positions: &[usize]) -> Fault {
    Fault::FailRecords {
        positions: positions.to_vec(),
        code: "ProvisionedThroughputExceededException".into(),
        message: "Rate exceeded for shard shardId-000000000000 in stream retail-trans under account 123456789012."
            .into(),
    }
}

/// The record numbers of the test records in `records` (their `firehose_wizard_test` tag's number), sorted.
fn seqs(records: &[Vec<u8>]) -> Vec<usize> {
    let mut out: Vec<usize> = json_lines(records)
        .iter()
        .map(|r| r["firehose_wizard_test"].as_str().unwrap().split_once('#').unwrap().1.parse().unwrap())
        .collect();
    out.sort();
    out
}

#[test]
fn records_a_batch_reports_failed_are_sent_again_each_once() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let path = applied(&moto, dir.path(), &Plan::lab("send0002"));
    let proxy = Proxy::start(&moto.url);
    // records 3 and 8 fail (Kinesis stores the other 8); the second call takes those two
    proxy.add(Rule::new("kinesis:PutRecords", 1, throttled(&[2, 7])));
    let r = run(moto.command(dir.path()).env("AWS_ENDPOINT_URL", &proxy.url).arg("send").arg(&path));
    assert_eq!(r.code, 0, "{}", shown(&r));
    assert_eq!(proxy.count("kinesis:PutRecords"), 2);
    assert!(
        r.stderr.contains("2 record(s) failed (ProvisionedThroughputExceededException); sending them again in"),
        "{}",
        shown(&r)
    );
    assert!(
        r.stdout.contains("in 2 calls") && r.stdout.contains("2 sent again after a batch reported them failed"),
        "{}",
        r.stdout
    );
    let stored = rt().block_on(async { fh::kinesis_records(&moto.sdk("us-east-1").await, "retail-trans").await });
    assert_eq!(seqs(&stored), (0..10).collect::<Vec<_>>(), "each record once, none missing");

    // more than one batch: 1,200 records go in 3 calls of at most 500
    let r = run(moto
        .command(dir.path())
        .env("AWS_ENDPOINT_URL", &proxy.url)
        .arg("send")
        .arg(&path)
        .args(["--records", "1200"]));
    assert_eq!(r.code, 0, "{}", shown(&r));
    assert_eq!(proxy.count("kinesis:PutRecords"), 2 + 3);
    assert!(r.stdout.starts_with("sent 1200 of 1200 records") && r.stdout.contains("in 3 calls"), "{}", r.stdout);
    let stored = rt().block_on(async { fh::kinesis_records(&moto.sdk("us-east-1").await, "retail-trans").await });
    assert_eq!(stored.len(), 10 + 1200);
}

#[test]
fn records_that_keep_failing_or_cannot_succeed_are_reported() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let path = applied(&moto, dir.path(), &Plan::lab("send0003"));
    let proxy = Proxy::start(&moto.url);
    let send = |n: &str| {
        run(moto.command(dir.path()).env("AWS_ENDPOINT_URL", &proxy.url).arg("send").arg(&path).args(["--records", n]))
    };

    // throttled on every attempt: six attempts in a row without progress, then reported
    proxy.add(Rule::new("kinesis:PutRecords", 6, kinesis_all_failed(3)));
    let r = send("3");
    assert_eq!(r.code, 1, "{}", shown(&r));
    assert!(r.stdout.starts_with("sent 0 of 3 records"), "{}", shown(&r));
    assert!(
        r.stderr.contains("could not send 3 of 3 records: ProvisionedThroughputExceededException ×3 (records 1, 2, 3)"),
        "{}",
        shown(&r)
    );
    assert!(r.stderr.contains("(attempt 6 of at most 6 without progress)"), "{}", r.stderr);
    assert_eq!(proxy.count("kinesis:PutRecords"), 6);

    // a KMS key that refuses access: no use waiting, reported at once; the others go in
    proxy.add(Rule::new(
        "kinesis:PutRecords",
        1,
        Fault::FailRecords {
            positions: vec![1],
            code: "KMSAccessDeniedException".into(),
            message:
                "The ciphertext refers to a customer master key that does not exist or that you do not have access to."
                    .into(),
        },
    ));
    let r = send("3");
    assert_eq!(r.code, 1, "{}", shown(&r));
    assert_eq!(proxy.count("kinesis:PutRecords"), 6 + 1, "not retried");
    assert!(r.stdout.starts_with("sent 2 of 3 records"), "{}", shown(&r));
    assert!(
        r.stderr.contains("could not send 1 of 3 records: KMSAccessDeniedException ×1 (record 2)"),
        "{}",
        shown(&r)
    );
    assert!(r.stderr.contains("  The ciphertext refers to a customer master key"), "{}", r.stderr);

    // a call refused as a whole stops the sending, and says so
    proxy.add(Rule::new(
        "kinesis:PutRecords",
        usize::MAX,
        Fault::json_error(
            400,
            "AccessDeniedException",
            "User: arn:aws:iam::123456789012:user/lab is not authorized to perform: kinesis:PutRecords",
        ),
    ));
    let r = send("600");
    assert_eq!(r.code, 1, "{}", shown(&r));
    assert!(r.stdout.starts_with("sent 0 of 600 records"), "{}", shown(&r));
    assert!(
        r.stderr.contains("could not send 600 of 600 records: kinesis:PutRecords: AccessDeniedException: User: arn:aws:iam::123456789012:user/lab is not authorized"),
        "{}",
        shown(&r)
    );
    assert_eq!(proxy.count("kinesis:PutRecords"), 7 + 1, "the first refusal stops it; the second batch is not tried");
    let stored = rt().block_on(async { fh::kinesis_records(&moto.sdk("us-east-1").await, "retail-trans").await });
    assert_eq!(stored.len(), 2);
}

#[test]
fn direct_put_gets_put_record_batch_and_a_json_lines_file_is_sent_line_by_line() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    applied(&moto, dir.path(), &direct_put("orders", "fw-send-file-0001", "raw/"));
    let file = dir.path().join("orders.jsonl");
    std::fs::write(&file, "{\"order\":1}\r\n\n{\"order\":2,\"note\":\"é\"}\n[3]\n").unwrap();
    let proxy = Proxy::start(&moto.url);
    // the second line fails once (ServiceUnavailableException) and is sent again
    proxy.add(Rule::new(
        "firehose:PutRecordBatch",
        1,
        Fault::FailRecords {
            positions: vec![1],
            code: "ServiceUnavailableException".into(),
            message: "Slow down.".into(),
        },
    ));
    let r = run(moto
        .command(dir.path())
        .env("AWS_ENDPOINT_URL", &proxy.url)
        .args(["send", "--stream", "orders", "--file"])
        .arg(&file));
    assert_eq!(r.code, 0, "{}", shown(&r));
    assert_eq!(proxy.count("firehose:PutRecordBatch"), 2);
    assert!(r.stderr.contains("1 record(s) failed (ServiceUnavailableException)"), "{}", r.stderr);
    assert_eq!(proxy.count("kinesis:PutRecords"), 0);
    assert!(
        r.stdout
            .starts_with("sent 3 of 3 records to the delivery stream orders (Direct PUT) with firehose:PutRecordBatch"),
        "{}",
        shown(&r)
    );
    let objects = rt().block_on(async { fh::objects(&moto.sdk("us-east-1").await, "fw-send-file-0001").await });
    assert_eq!(objects.len(), 2, "moto writes one object per call: {objects:?}");
    assert!(objects.iter().all(|(k, _)| k.starts_with("raw/")), "{objects:?}");
    let mut lines: Vec<String> = objects
        .iter()
        .flat_map(|(_, b)| String::from_utf8(b.clone()).unwrap().lines().map(str::to_owned).collect::<Vec<_>>())
        .collect();
    lines.sort();
    assert_eq!(lines, ["[3]", "{\"order\":1}", "{\"order\":2,\"note\":\"é\"}"], "each line once, with its new line");

    // --records takes the first lines
    let r = run(moto.command(dir.path()).args(["send", "--stream", "orders", "--records", "2", "--file"]).arg(&file));
    assert_eq!(r.code, 0, "{}", shown(&r));
    assert!(r.stdout.starts_with("sent 2 of 2 records"), "{}", r.stdout);
}

#[test]
fn bad_files_streams_and_flags_are_clear_errors() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    applied(&moto, dir.path(), &direct_put("orders", "fw-send-bad-0001", "raw/"));
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"a\":1}\n{\"a\":\n").unwrap();
    let r = run(moto.command(dir.path()).args(["send", "--stream", "orders", "--file"]).arg(&bad));
    assert_eq!(r.code, 2, "{}", shown(&r));
    assert!(r.stderr.contains("bad.jsonl: line 2: not one JSON value: EOF while parsing"), "{}", shown(&r));
    let r = run(moto.command(dir.path()).args(["send", "--stream", "orders", "--file", "missing.jsonl"]));
    assert_eq!(r.code, 2, "{}", shown(&r));
    assert!(r.stderr.starts_with("error: cannot read missing.jsonl: No such file"), "{}", shown(&r));
    let binary = dir.path().join("binary.jsonl");
    std::fs::write(&binary, b"\"\xff\"\n").unwrap();
    let r = run(moto.command(dir.path()).args(["send", "--stream", "orders", "--file"]).arg(&binary));
    assert_eq!((r.code, r.stderr.contains("line 1: not UTF-8 text (byte 2)")), (2, true), "{}", shown(&r));
    let r = run(moto.command(dir.path()).args(["send", "--stream", "bad name!"]));
    assert_eq!(r.code, 2, "{}", shown(&r));
    assert!(r.stderr.starts_with("error: --stream: "), "{}", shown(&r));
    let r = run(moto.command(dir.path()).args(["send", "--stream", "nope"]));
    assert_eq!(r.code, 1, "{}", shown(&r));
    assert!(r.stderr.starts_with("error: there is no delivery stream nope in us-east-1"), "{}", shown(&r));
    for args in
        [&["send"][..], &["send", "x.json", "--stream", "orders"], &["smoke-test"], &["status", "--records", "3"]]
    {
        let r = run(moto.command(dir.path()).args(args));
        assert_eq!(r.code, 2, "{args:?}: {}", shown(&r));
    }
    let r = run(moto.command(dir.path()).args(["send", "--stream", "orders", "--records", "0"]));
    assert_eq!(r.code, 2, "{}", shown(&r));
    // smoke-test and status of a missing stream
    for cmd in ["smoke-test", "status"] {
        let r = run(moto.command(dir.path()).args([cmd, "--stream", "nope"]));
        assert_eq!(r.code, 1, "{cmd}: {}", shown(&r));
        assert!(r.stderr.contains("there is no delivery stream nope"), "{}", shown(&r));
    }
}

#[test]
fn a_stream_that_appends_the_delimiter_gets_records_without_one() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let mut plan = direct_put("parted", "fw-send-dp-0001", "c=!{partitionKeyFromQuery:customer}/");
    plan.destination.error_prefix = Some("err/!{firehose:error-output-type}/".into());
    plan.destination.dynamic_partitioning = Some(firehose_wizard::plan::DynamicPartitioning {
        keys: [("customer".to_owned(), ".Customer_ID".to_owned())].into(),
        new_line_delimiter: true,
        record_deaggregation: None,
        retry_duration_s: None,
    });
    plan.settings.buffer_size_mib = 64;
    let path = applied(&moto, dir.path(), &plan);
    let r = run(moto.command(dir.path()).arg("send").arg(&path).args(["--records", "4"]));
    assert_eq!(r.code, 0, "{}", shown(&r));
    assert!(r.stderr.contains("the stream appends a new line to each record, so none is added"), "{}", r.stderr);
    let objects = rt().block_on(async { fh::objects(&moto.sdk("us-east-1").await, "fw-send-dp-0001").await });
    let body = String::from_utf8(objects[0].1.clone()).unwrap();
    assert!(!body.contains('\n') && body.matches("\"firehose_wizard_test\"").count() == 4, "{body}");
}

#[test]
fn smoke_test_of_direct_put_finds_the_records_where_moto_delivered_them() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let path = applied(&moto, dir.path(), &direct_put("orders", "fw-smoke-dp-0001", "raw/"));
    // an object from before the test is never read
    rt().block_on(async {
        fh::put_object(&moto.sdk("us-east-1").await, "fw-smoke-dp-0001", "raw/old", b"old".to_vec()).await
    });
    let r = run(moto.command(dir.path()).arg("smoke-test").arg(&path).args(["--timeout", "30"]));
    assert_eq!(r.code, 0, "{}", shown(&r));
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(lines[0].starts_with("✓ 10 of 10 records arrived in 1 object, "), "{}", shown(&r));
    let key = regex_lite::Regex::new(r"^  s3://fw-smoke-dp-0001/raw/\d{4}/\d{2}/\d{2}/\d{2}/orders-1-\d{4}(-\d{2}){5}-[0-9a-f-]{36}  \d+\.\d KiB  \+\d+\.\d s  10 test records$").unwrap();
    assert!(key.is_match(lines[1]), "{:?}", lines[1]);
    assert!(lines[2].starts_with("first lines of s3://fw-smoke-dp-0001/raw/"), "{}", lines[2]);
    assert!(lines[3].starts_with("  {\"Invoice\":"), "{}", lines[3]);
    assert!(r.stderr.contains("looking under s3://fw-smoke-dp-0001/raw/"), "{}", r.stderr);
    assert!(!r.stdout.contains("raw/old"));
}

/// Runs the smoke test of `plan` in the background while `play` acts as Firehose; returns its result.
fn smoke_while(
    moto: &Moto,
    dir: &Path,
    path: &Path,
    timeout: &str,
    play: impl AsyncFnOnce(&aws_config::SdkConfig),
) -> Run {
    let child = moto
        .command(dir)
        .arg("smoke-test")
        .arg(path)
        .args(["--timeout", timeout])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    rt().block_on(async { play(&moto.sdk("us-east-1").await).await });
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

#[test]
fn smoke_test_of_a_kinesis_source_reads_the_gzip_object_firehose_wrote() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let mut plan = Plan::lab("smoke001");
    plan.settings.compression = "GZIP".into();
    let path = applied(&moto, dir.path(), &plan);
    let bucket = "aws-analytics-immersion-day-smoke001";
    let mut written = String::new();
    let r = smoke_while(&moto, dir.path(), &path, "60", async |sdk| {
        // Firehose's part: read the records from Kinesis, write them, gzipped, where the lab's prefix puts them
        let records = fh::wait_for_test_records(sdk, "retail-trans", 10).await;
        written = lab_key(Utc::now(), "retail-trans", ".gz");
        fh::put_object(sdk, bucket, &written, gzip(&records.concat())).await;
    });
    assert_eq!(r.code, 0, "{}", shown(&r));
    assert!(r.stdout.starts_with("✓ 10 of 10 records arrived in 1 object"), "{}", shown(&r));
    assert!(r.stdout.contains(&format!("  s3://{bucket}/{written}  ")), "{}", shown(&r));
    assert!(r.stdout.contains("10 test records"), "{}", shown(&r));
    assert!(r.stdout.contains("  {\"Invoice\":"), "gunzipped first lines: {}", shown(&r));
    assert!(r.stderr.contains("with kinesis:PutRecords"), "{}", r.stderr);
}

#[test]
fn smoke_test_says_when_nothing_arrived_and_what_the_metrics_say() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let path = applied(&moto, dir.path(), &Plan::lab("smoke002"));
    // Firehose's part: it read the records, and delivered nothing
    rt().block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        fh::put_metric(&sdk, "retail-trans", "DataReadFromKinesisStream.Records", 10.0, 0).await;
        fh::put_metric(&sdk, "retail-trans", "DeliveryToS3.Records", 0.0, 0).await;
    });
    let started = std::time::Instant::now();
    let r = run(moto.command(dir.path()).arg("smoke-test").arg(&path).args(["--timeout", "3"]));
    assert_eq!(r.code, 1, "{}", shown(&r));
    assert!(started.elapsed() < Duration::from_secs(30));
    let lines: Vec<&str> = r.stdout.lines().collect();
    // one hour's prefix, or two when the window crosses the hour
    let prefix = regex_lite::Regex::new(r"^✗ 0 of 10 records arrived within \d s under s3://aws-analytics-immersion-day-smoke002/json-data/year=\d{4}/month=\d{2}/day=\d{2}/hour=\d{2}/( or s3://aws-analytics-immersion-day-smoke002/json-data/year=\d{4}/month=\d{2}/day=\d{2}/hour=\d{2}/)?$").unwrap();
    assert!(prefix.is_match(lines[0]), "{}", shown(&r));
    assert!(r.stdout.contains("metrics since the test started: 10 incoming, 0 delivered to S3"), "{}", shown(&r));
    assert!(r.stdout.contains("nothing new arrived in the bucket, and the error log is empty"), "{}", shown(&r));
    assert!(
        r.stdout.contains("  - Firehose may not have delivered yet: it holds records up to the buffer interval (60 s)"),
        "{}",
        shown(&r)
    );
    assert!(r.stdout.contains("  - Firehose received 10 record(s) but delivered none to S3: its role (arn:aws:iam::123456789012:role/firehose_delivery_role) must be allowed s3:PutObject"), "{}", shown(&r));
}

#[test]
fn smoke_test_shows_error_objects_and_error_log_events() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let path = applied(&moto, dir.path(), &Plan::lab("smoke003"));
    let bucket = "aws-analytics-immersion-day-smoke003";
    let mut error_key = String::new();
    let r = smoke_while(&moto, dir.path(), &path, "60", async |sdk| {
        // Firehose's part: the records failed processing; it wrote them to the error prefix and logged
        let records = fh::wait_for_test_records(sdk, "retail-trans", 10).await;
        let body: String = records
            .iter()
            .map(|r| fh::error_record(r, "Lambda.FunctionError", "The Lambda function was invoked and failed") + "\n")
            .collect();
        error_key = lab_error_key(Utc::now(), "retail-trans", "processing-failed");
        fh::put_log_event(
            sdk,
            "/aws/kinesisfirehose/retail-trans",
            "S3Delivery",
            r#"{"deliveryStreamARN":"arn:aws:firehose:us-east-1:123456789012:deliverystream/retail-trans","destination":"arn:aws:s3:::aws-analytics-immersion-day-smoke003","deliveryStreamVersionId":1,"message":"Access was denied. Ensure that the trust policy for the provided IAM role allows Firehose to assume the role.","errorCode":"S3.AccessDenied"}"#,
        )
        .await;
        fh::put_object(sdk, bucket, &error_key, body.into_bytes()).await;
    });
    assert_eq!(r.code, 1, "{}", shown(&r));
    assert!(r.stdout.contains("error objects (holding 10 of the test records):"), "{}", shown(&r));
    assert!(
        r.stdout.contains(&format!("  s3://{bucket}/{error_key}  "))
            && r.stdout.contains("processing-failed: Lambda.FunctionError: The Lambda function was invoked and failed"),
        "{}",
        shown(&r)
    );
    assert!(r.stdout.contains("    {\"attemptsMade\":4,"), "the first line: {}", shown(&r));
    assert!(r.stdout.contains("delivery error log:"), "{}", shown(&r));
    assert!(
        r.stdout.contains(" S3Delivery  S3.AccessDenied: Access was denied. Ensure that the trust policy"),
        "{}",
        shown(&r)
    );
    assert!(r.stdout.contains("  - Firehose wrote error objects (shown above)"), "{}", shown(&r));
}

#[test]
fn smoke_test_finds_records_that_landed_elsewhere_in_the_bucket() {
    // moto writes a Direct PUT stream's prefix as it is, expressions unevaluated: not where AWS would
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let mut plan = direct_put("lab-direct", "fw-smoke-else-0001", firehose_wizard::plan::LAB_PREFIX);
    plan.destination.error_prefix = Some(firehose_wizard::plan::LAB_ERROR_PREFIX.into());
    let path = applied(&moto, dir.path(), &plan);
    let r = run(moto.command(dir.path()).arg("smoke-test").arg(&path).args(["--timeout", "2"]));
    assert_eq!(r.code, 1, "{}", shown(&r));
    assert!(r.stdout.contains("arrived elsewhere in the bucket (or without the extension expected):"), "{}", shown(&r));
    assert!(r.stdout.contains("  s3://fw-smoke-else-0001/json-data/year=!{timestamp:yyyy}/"), "{}", shown(&r));
    assert!(r.stdout.contains("  - an object's key holds the prefix's expressions as written"), "{}", shown(&r));

    // a GZIP stream's objects end in .gz (and are gzipped); moto's do not
    let mut plan = direct_put("gz-direct", "fw-smoke-else-0002", "raw/");
    plan.settings.compression = "GZIP".into();
    let dir = tempfile::tempdir().unwrap();
    let path = applied(&moto, dir.path(), &plan);
    let r = run(moto.command(dir.path()).arg("smoke-test").arg(&path).args(["--timeout", "2"]));
    assert_eq!(r.code, 1, "{}", shown(&r));
    assert!(r.stdout.contains("  s3://fw-smoke-else-0002/raw/"), "{}", shown(&r));
    assert!(
        r.stdout.contains("  - an object with the test records lies under the expected prefix but does not end in .gz"),
        "{}",
        shown(&r)
    );
}

#[test]
fn status_shows_the_metrics_objects_and_errors_it_finds() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let path = applied(&moto, dir.path(), &direct_put("orders", "fw-status-0001", "raw/"));
    let r = run(moto.command(dir.path()).args(["send", "--stream", "orders", "--records", "3"]));
    assert_eq!(r.code, 0, "{}", shown(&r));
    rt().block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        for (metric, value, ago) in [
            ("IncomingRecords", 42.0, 5),
            ("IncomingRecords", 8.0, 1),
            ("DeliveryToS3.Records", 50.0, 1),
            ("DeliveryToS3.Bytes", 12_288.0, 1),
            ("DeliveryToS3.Success", 1.0, 1),
            ("DeliveryToS3.DataFreshness", 61.0, 1),
            ("ThrottledRecords", 0.0, 1),
        ] {
            fh::put_metric(&sdk, "orders", metric, value, ago).await;
        }
        // another stream's data point is not this stream's
        fh::put_metric(&sdk, "other", "IncomingRecords", 999.0, 1).await;
    });
    let r = run(moto.command(dir.path()).arg("status").arg(&path).arg("--json"));
    assert_eq!(r.code, 0, "{}", shown(&r));
    let s: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(s["stream"]["name"], "orders");
    assert_eq!(s["stream"]["status"], "ACTIVE");
    assert_eq!(s["stream"]["source"]["type"], "direct_put");
    assert_eq!(s["stream"]["s3"]["bucket"], "fw-status-0001");
    let metric = |name: &str| s["metrics"].as_array().unwrap().iter().find(|m| m["name"] == name).unwrap().clone();
    let incoming: Vec<f64> =
        metric("IncomingRecords")["points"].as_array().unwrap().iter().map(|p| p["value"].as_f64().unwrap()).collect();
    assert_eq!(incoming, vec![42.0, 8.0]);
    assert_eq!(metric("IncomingRecords")["latest"], 8.0);
    assert_eq!(metric("DeliveryToS3.Records")["latest"], 50.0);
    assert_eq!(metric("DeliveryToS3.Success")["unit"], "ratio");
    let objects = s["objects"].as_array().unwrap();
    assert_eq!(objects.len(), 1, "{objects:?}");
    assert!(objects[0]["key"].as_str().unwrap().starts_with("raw/"));
    assert_eq!(s["problems"], json!([]));
    assert!(!r.stdout.contains(common::SECRET_KEY));

    let r = run(moto.command(dir.path()).args(["status", "--stream", "orders"]));
    assert_eq!(r.code, 0, "{}", shown(&r));
    let line = |label: &str| {
        r.stdout
            .lines()
            .find(|l| l.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("{label}: {}", r.stdout))
            .to_owned()
    };
    assert!(line("Incoming records").ends_with("  8"), "{}", line("Incoming records"));
    assert!(line("Bytes delivered to S3").ends_with("  12.0 KiB"));
    assert!(line("Delivery to S3 success").ends_with("  100 %"));
    assert!(line("Data freshness").ends_with("  61 s"));
    assert!(
        r.stdout
            .lines()
            .next()
            .unwrap()
            .starts_with("orders  ACTIVE  arn:aws:firehose:us-east-1:123456789012:deliverystream/orders")
    );
    assert!(r.stdout.contains("  s3://fw-status-0001/raw/"), "{}", r.stdout);
}

/// What `run` printed, checked for control and format characters: none raw but the new line.
fn no_raw_text(what: &str, r: &Run) {
    for (name, out) in [("stdout", &r.stdout), ("stderr", &r.stderr)] {
        let raw = common::strategies::raw_in(out, false);
        let raw: Vec<char> = raw.into_iter().filter(|&c| c != '\n').collect();
        assert!(raw.is_empty(), "{what}: {raw:?} raw on {name}\n{}", shown(r));
    }
}

#[test]
fn remote_text_is_shown_escaped_never_raw() {
    // a log stream name that sets the terminal's title and clears the screen, with a C1 CSI and a
    // right-to-left override; CloudWatch Logs allows any character but ':' and '*'
    let evil_stream = "DestinationDelivery\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}";
    let evil_message = "delivery failed \u{1b}[31mred\u{9b}2J \u{202e}txt.exe\u{200b}";
    // where Firehose writes under a prefix without a timestamp (yyyy/MM/dd/HH/ appended)
    let evil_key = format!("raw/{}/orders-1-evil\u{202e}gpj.exe\u{9b}31m\u{feff}", Utc::now().format("%Y/%m/%d/%H"));
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let mut plan = direct_put("orders", "fw-escape-0001", "raw/");
    plan.settings.error_log_stream = Some(evil_stream.into());
    plan.settings.tags.insert("team".into(), "a\u{2028}b".into());
    let path = write_plan(dir.path(), "plan.json", &plan);
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 0, "{}", shown(&r));
    no_raw_text("apply", &r);
    assert!(r.stdout.contains(&format!("(streams {})", evil_stream.escape_default())), "{}", shown(&r));
    // Firehose's part: it logged a delivery error in that stream; an object arrived under the prefix
    rt().block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        fh::put_log_event(&sdk, "/aws/kinesisfirehose/orders", evil_stream, evil_message).await;
        fh::put_object(&sdk, "fw-escape-0001", &evil_key, b"{}\n".to_vec()).await;
    });

    let r = run(moto.command(dir.path()).arg("status").arg(&path));
    assert_eq!(r.code, 0, "{}", shown(&r));
    no_raw_text("status", &r);
    let log_line = format!("{}  {}", evil_stream.escape_default(), evil_message.escape_default());
    assert!(r.stdout.contains(&log_line), "the log event, escaped: {log_line}\n{}", shown(&r));
    assert!(r.stdout.contains(&format!("s3://fw-escape-0001/{}", evil_key.escape_default())), "{}", shown(&r));

    let r = run(moto.command(dir.path()).arg("status").arg(&path).arg("--json"));
    assert_eq!(r.code, 0, "{}", shown(&r));
    no_raw_text("status --json", &r);
    assert!(r.stdout.contains(r#""DestinationDelivery\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202e""#), "{}", r.stdout);
    assert!(r.stdout.contains(r#"/orders-1-evil\u202egpj.exe\u009b31m\ufeff""#), "{}", r.stdout);
    let s: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(s["log_events"][0]["stream"], evil_stream, "the JSON holds what AWS gave");
    assert_eq!(s["log_events"][0]["message"], evil_message);
    assert_eq!(s["objects"][0]["key"], evil_key);
    assert_eq!(s["stream"]["s3"]["log"]["streams"], json!([evil_stream]));

    // import's plan, on stdout: the tag's line separator as \u2028, read back as it was
    let r = run(moto.command(dir.path()).args(["import", "orders"]));
    assert_eq!(r.code, 0, "{}", shown(&r));
    no_raw_text("import", &r);
    assert!(r.stdout.contains(r#""team": "a\u2028b""#), "{}", r.stdout);
    let imported = Plan::from_json(&r.stdout).unwrap();
    assert_eq!(imported.settings.tags["team"], "a\u{2028}b");
    assert_eq!(imported.settings.error_log_stream.as_deref(), Some(evil_stream));

    let r = run(moto.command(dir.path()).arg("destroy").arg(&path).arg("--with-objects"));
    assert_eq!(r.code, 0, "{}", shown(&r));
    no_raw_text("destroy", &r);
    assert!(r.stdout.contains(&evil_stream.escape_default().to_string()), "the log stream it deleted: {}", shown(&r));
}

#[test]
fn watch_needs_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(common::bin(dir.path()).args(["watch", "--stream", "orders"]).stdout(Stdio::piped()));
    assert_eq!(r.code, 2, "{}", shown(&r));
    assert!(r.stderr.contains("watch needs a terminal"), "{}", r.stderr);
}
