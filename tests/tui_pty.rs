//! The real binary in a pseudo-terminal (portable-pty), its screen read through a vt100 parser, against a
//! real moto server: the workshop's five screens end to end, Ctrl-C, signals, resizing. What the wizard
//! created is then read back with the SDK.

mod common;

use common::pty::{Pty, TIMEOUT};
use common::{ACCOUNT, Moto, SECRET_KEY, rt};
use firehose_wizard::i18n::{self, Lang};
use firehose_wizard::msg;
use firehose_wizard::plan::msg::Msg;
use firehose_wizard::plan::{LAB_ERROR_PREFIX, LAB_PREFIX, policy};

fn seed_lab_stream(moto: &Moto, rt: &tokio::runtime::Runtime) {
    rt.block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));
}

#[test]
fn the_workshop_through_five_screens_creates_the_stream() {
    let moto = Moto::start();
    let rt = rt();
    seed_lab_stream(&moto, &rt);
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(dir.path(), Some(&moto), &["--lab"], (24, 80));
    // ready: the account is known and the live list has arrived
    pty.wait_for(&[
        "Step 1/5 · Name and source",
        "account 123456789012 · us-east-1",
        "1 stream(s) in this Region, 1 ACTIVE",
    ]);
    pty.send(b"\x0e"); // Ctrl-N: the name is checked, then screen 2
    pty.wait_for(&["Step 2/5 · Process records", "(•) Disabled"]);
    pty.send(b"\x0e");
    let s = pty.wait_for(&["Step 3/5 · Destination", "→ json-data/year="]);
    assert!(s.contains("(•) Create new"), "{s}");
    pty.send(b"\x0e");
    pty.wait_for(&["Step 4/5 · Settings", "firehose_delivery_role"]);
    pty.send(b"\x0e");
    pty.wait_for(&["Step 5/5 · Review", "ready to create", "[ Create ]"]);
    pty.send(b"\r"); // Enter on the focused Create button asks first
    pty.wait_for(&["Create the delivery stream retail-trans"]);
    pty.send(b"y");
    let s = pty.wait_for(&["created; the delivery stream is ACTIVE"]);
    for row in ["account", "checks", "source stream", "bucket", "role", "delivery stream", "wait for ACTIVE"] {
        assert!(s.lines().any(|l| l.contains('✓') && l.contains(row)), "{row} not done:\n{s}");
    }
    pty.send(b"\r");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
    let after = pty.screen();
    assert!(
        after.contains("delivery stream ARN: arn:aws:firehose:us-east-1:123456789012:deliverystream/retail-trans"),
        "{after}"
    );

    rt.block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        let buckets = moto.bucket_names().await;
        assert_eq!(buckets.len(), 1);
        let suffix = buckets[0].strip_prefix("aws-analytics-immersion-day-").expect("the lab's bucket stem");
        assert_eq!(suffix.len(), 8, "a fresh random suffix");
        let fh = aws_sdk_firehose::Client::new(&sdk);
        let d = fh.describe_delivery_stream().delivery_stream_name("retail-trans").send().await.unwrap();
        let d = d.delivery_stream_description().unwrap();
        let s3d = d.destinations()[0].extended_s3_destination_description().unwrap();
        assert_eq!(s3d.bucket_arn(), format!("arn:aws:s3:::{}", buckets[0]));
        assert_eq!(s3d.prefix(), Some(LAB_PREFIX));
        assert_eq!(s3d.error_output_prefix(), Some(LAB_ERROR_PREFIX));
        let h = s3d.buffering_hints().unwrap();
        assert_eq!((h.size_in_mbs(), h.interval_in_seconds()), (Some(1), Some(60)));
        let src = d.source().unwrap().kinesis_stream_source_description().unwrap();
        assert_eq!(
            src.kinesis_stream_arn(),
            Some(format!("arn:aws:kinesis:us-east-1:{ACCOUNT}:stream/retail-trans").as_str())
        );
        let iam = aws_sdk_iam::Client::new(&sdk);
        let role = iam.get_role().role_name("firehose_delivery_role").send().await.unwrap().role.unwrap();
        assert!(policy::trusts_firehose(
            &policy::decode_policy_document(role.assume_role_policy_document().unwrap()).unwrap()
        ));
        let names = iam.list_role_policies().role_name("firehose_delivery_role").send().await.unwrap();
        assert_eq!(names.policy_names(), ["firehose-wizard-us-east-1-retail-trans"]);
    });
    let log = std::fs::read_to_string(dir.path().join("firehose-wizard.log")).unwrap();
    assert!(log.contains("wizard started") && log.contains("progress"));
    assert!(!log.contains(SECRET_KEY), "no secret in the log");
}

#[test]
fn ctrl_c_midway_asks_then_restores_the_terminal_and_creates_nothing() {
    let moto = Moto::start();
    let rt = rt();
    seed_lab_stream(&moto, &rt);
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(dir.path(), Some(&moto), &["--lab"], (24, 80));
    pty.wait_for(&["Step 1/5", "1 ACTIVE"]);
    pty.send(b"\x0e");
    pty.wait_for(&["Step 2/5"]);
    pty.send(b"\x0e");
    pty.wait_for(&["Step 3/5"]);
    pty.send(b"\t"); // the bucket field
    pty.send(b"-mine");
    pty.wait_for(&["aws-analytics-immersion-day-", "-mine"]);
    pty.send(b"\x03"); // Ctrl-C: something was entered, so it asks
    pty.wait_for(&["Quit? Your answers are not saved"]);
    pty.send(b"n");
    pty.wait_for(&["Step 3/5"]);
    pty.send(b"\x03");
    pty.wait_for(&["Quit?"]);
    pty.send(b"y");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
    assert!(pty.screen().contains("nothing was created"), "{}", pty.screen());
    rt.block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        assert!(aws_sdk_s3::Client::new(&sdk).list_buckets().send().await.unwrap().buckets().is_empty());
        let fh = aws_sdk_firehose::Client::new(&sdk);
        assert!(fh.list_delivery_streams().send().await.unwrap().delivery_stream_names().is_empty());
    });
}

#[test]
fn sigterm_and_sighup_restore_the_terminal() {
    for (signal, code) in [("TERM", 143), ("HUP", 129)] {
        let dir = tempfile::tempdir().unwrap();
        // no emulator: the wizard must still start, show the AWS error, and leave cleanly
        let mut pty = Pty::spawn(dir.path(), None, &["--lab", "--endpoint-url", "http://127.0.0.1:9"], (24, 80));
        pty.wait_for(&["Step 1/5"]);
        pty.signal(signal);
        assert_eq!(pty.wait_exit(), code, "SIG{signal}");
        pty.assert_restored();
        assert!(pty.screen().contains(&format!("received SIG{signal}; the terminal was restored")), "{}", pty.screen());
    }
}

#[test]
fn a_small_terminal_gets_a_message_and_a_resize_redraws() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(dir.path(), None, &["--lab", "--endpoint-url", "http://127.0.0.1:9"], (15, 60));
    pty.wait_for(&["Terminal too small", "need 80×24, have 60×15"]);
    pty.resize(24, 80);
    let s = pty.wait_for(&["Step 1/5 · Name and source"]);
    assert!(!s.contains("too small"), "{s}");
    // without AWS the wizard still works offline and says why the lists are empty
    pty.wait_for(&["could not list streams"]);
    pty.send(b"\x03");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
}

#[test]
fn a_failure_can_be_cleaned_up_from_the_wizard_without_touching_what_existed() {
    let moto = Moto::start();
    let rt = rt();
    seed_lab_stream(&moto, &rt);
    rt.block_on(async {
        // the account is at its quota of 50 delivery streams: step 7 fails after the bucket, log group and role
        let fh = aws_sdk_firehose::Client::new(&moto.sdk("us-east-1").await);
        for i in 0..50 {
            // as AWS describes them (destroy reads every stream, for the ones that use its role)
            let dest = common::firehose::described_destination(
                "arn:aws:iam::123456789012:role/other",
                "arn:aws:s3:::other-bucket",
            );
            fh.create_delivery_stream()
                .delivery_stream_name(format!("existing-{i:02}"))
                .extended_s3_destination_configuration(dest)
                .send()
                .await
                .unwrap();
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(dir.path(), Some(&moto), &["--lab"], (24, 80));
    pty.create_lab();
    let s = pty.wait_for(&["✗ step 7 (delivery stream) failed", "what exists now:"]);
    assert!(s.contains("LimitExceededException"), "{s}");
    assert!(s.contains("S3 bucket aws-analytics-immersion-day-") && s.contains("(created by firehose-wizard)"), "{s}");
    pty.send(b"d");
    pty.wait_for(&["Delete the 5 resource(s) firehose-wizard created"]);
    pty.send(b"y");
    pty.wait_for(&["removed 5 resource(s) firehose-wizard had created"]);
    // nothing of this run is left and nothing was typed: Ctrl-C leaves at once, the failure is printed
    pty.send(b"\x03");
    assert_eq!(pty.wait_exit(), 1, "a failed creation exits 1");
    pty.assert_restored();
    let after = pty.screen();
    assert!(after.contains("error: step 7 (delivery stream) failed"), "{after}");
    assert!(after.contains("exists: Kinesis stream") && !after.contains("exists: S3 bucket"), "{after}");
    rt.block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        assert!(moto.bucket_names().await.is_empty(), "the bucket it made is gone");
        let iam = aws_sdk_iam::Client::new(&sdk);
        assert!(iam.list_roles().send().await.unwrap().roles().is_empty(), "the role it made is gone");
        let logs = aws_sdk_cloudwatchlogs::Client::new(&sdk);
        assert!(logs.describe_log_groups().send().await.unwrap().log_groups().is_empty(), "its log group is gone");
        let k = aws_sdk_kinesis::Client::new(&sdk);
        assert_eq!(k.list_streams().send().await.unwrap().stream_names(), ["retail-trans"], "the source stream stays");
        let fh = aws_sdk_firehose::Client::new(&sdk);
        let mut count = 0;
        let mut start = None;
        loop {
            let page = fh
                .list_delivery_streams()
                .limit(100)
                .set_exclusive_start_delivery_stream_name(start.clone())
                .send()
                .await
                .unwrap();
            count += page.delivery_stream_names().len();
            if !page.has_more_delivery_streams() {
                break;
            }
            start = page.delivery_stream_names().last().cloned();
        }
        assert_eq!(count, 50, "the account's other streams are untouched");
    });
}

#[test]
fn sighup_while_creating_abandons_the_call_restores_the_terminal_and_says_how_to_resume_or_destroy() {
    use common::proxy::{Fault, Proxy, Rule};
    let moto = Moto::start();
    let rt = rt();
    seed_lab_stream(&moto, &rt);
    // CreateRole reaches IAM, and its answer never comes back: the SSH session drops meanwhile
    let proxy = Proxy::start(&moto.url);
    proxy.add(Rule::new("iam:CreateRole", 1, Fault::HoldAfterUpstream));
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn_at(dir.path(), Some(&proxy.url), &["--lab"], (30, 220));
    pty.create_lab();
    assert_eq!(proxy.wait_held(TIMEOUT).as_deref(), Some("iam:CreateRole"));
    pty.signal("HUP");
    assert_eq!(pty.wait_exit(), 129);
    pty.assert_restored();
    let after = pty.screen();
    let plan = common::kept_plan_path(dir.path(), "retail-trans");
    for needle in [
        "received SIGHUP; the terminal was restored".to_owned(),
        "left while creating: the call in flight was abandoned".to_owned(),
        format!(
            "what firehose-wizard created (journal {}):",
            common::journal_path(dir.path(), "retail-trans").display()
        ),
        "IAM role arn:aws:iam::123456789012:role/firehose_delivery_role".to_owned(),
        format!("to resume: firehose-wizard apply {}", plan.display()),
        format!("to remove what firehose-wizard created: firehose-wizard destroy {}", plan.display()),
    ] {
        assert!(after.contains(&needle), "{needle:?} missing:\n{after}");
    }
    // the journal names the role as created (settled by a lookup), and the kept plan destroys it all;
    // the bucket and the log group, made at the same time, are there as far as they got
    let journal: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(common::journal_path(dir.path(), "retail-trans")).unwrap())
            .unwrap();
    let kinds: Vec<_> = journal["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["kind"].as_str().unwrap().to_owned(), e["status"].as_str().unwrap().to_owned()))
        .collect();
    assert!(kinds.contains(&("role".to_owned(), "created".to_owned())), "{kinds:?}");
    for (kind, status) in &kinds {
        assert!(["bucket", "log_group", "log_stream", "role"].contains(&kind.as_str()), "{kinds:?}");
        assert!(status == "created" || (status == "creating" && kind != "role"), "{kinds:?}");
    }
    // a call abandoned unanswered stays `creating` until the settling window has passed: come back later
    // (date those entries back), and destroy looks each up
    common::backdate_unanswered(&common::journal_path(dir.path(), "retail-trans"));
    let r = common::run(moto.command(dir.path()).env("AWS_ENDPOINT_URL", &proxy.url).arg("destroy").arg(&plan));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    rt.block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        assert!(moto.bucket_names().await.is_empty());
        assert!(aws_sdk_iam::Client::new(&sdk).list_roles().send().await.unwrap().roles().is_empty());
        let k = aws_sdk_kinesis::Client::new(&sdk);
        assert_eq!(k.list_streams().send().await.unwrap().stream_names(), ["retail-trans"], "the source stream stays");
    });
}

#[test]
fn a_panic_restores_the_terminal_and_names_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn_env(
        dir.path(),
        Some("http://127.0.0.1:9"),
        &["--lab"],
        (24, 160),
        &[("FIREHOSE_WIZARD_TEST_PANIC", "1")],
    );
    pty.wait_for(&["Step 1/5"]);
    pty.send(b"\x1b[24~"); // F12
    assert_eq!(pty.wait_exit(), 101, "a panic exits 101");
    pty.assert_restored();
    let log = dir.path().join("firehose-wizard.log");
    let after = pty.screen();
    assert!(
        after.contains(&format!(
            "firehose-wizard: internal error: a test asked for a panic (details in {}); please report it",
            log.display()
        )),
        "{after}"
    );
    assert!(!after.contains("RUST_BACKTRACE") && !after.contains("panicked at"), "no backtrace: {after}");
    assert!(std::fs::read_to_string(&log).unwrap().contains("a test asked for a panic"), "the log has it");
}

/// A message of the Korean catalogue, as the screen shows it (trimmed).
fn ko(m: firehose_wizard::plan::msg::Msg) -> String {
    i18n::with(Lang::Ko, || m.to_string()).trim().to_owned()
}

/// The workshop in Korean (chosen by LANG, as a Korean lab machine sets it), at 80×24: every screen
/// speaks Korean, with no English sentence, and the stream is created.
#[test]
fn the_workshop_in_korean_creates_the_stream() {
    let moto = Moto::start();
    let rt = rt();
    seed_lab_stream(&moto, &rt);
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn_env(dir.path(), Some(&moto.url), &["--lab"], (24, 80), &[("LANG", "ko_KR.UTF-8")]);
    let step = |n: usize, title: &'static str| ko(msg!("header-step", number = n, title = Msg::new(title)));
    let korean = |s: &str| common::lang::assert_korean("the workshop in Korean", s, &[]);
    let s = pty.wait_for(&[
        &step(1, "step-name-source"),
        &ko(msg!("header-account", account = ACCOUNT, region = "us-east-1")),
        &ko(msg!("note-streams", count = 1, active = 1)),
    ]);
    korean(&s);
    pty.send(b"\x0e"); // Ctrl-N
    let s = pty.wait_for(&[&step(2, "step-process"), &format!("(•) {}", ko(msg!("choice-disabled")))]);
    korean(&s);
    pty.send(b"\x0e");
    let s = pty.wait_for(&[&step(3, "step-destination"), "→ json-data/year="]);
    assert!(s.contains(&format!("(•) {}", ko(msg!("choice-create-new")))), "{s}");
    korean(&s);
    pty.send(b"\x0e");
    let s = pty.wait_for(&[&step(4, "step-settings"), "firehose_delivery_role"]);
    korean(&s);
    pty.send(b"\x0e");
    let s = pty.wait_for(&[
        &step(5, "step-review"),
        &ko(msg!("review-ready")),
        &format!("[ {} ]", ko(msg!("review-create"))),
    ]);
    korean(&s);
    pty.send(b"\r");
    // the confirmation: its question names the stream, its answers are y and n
    let s = pty.wait_for(&[&ko(msg!("confirm-create-title")), &ko(msg!("confirm-yes")), "retail-trans 및"]);
    korean(&s);
    pty.send(b"y");
    let s = pty.wait_for(&[&ko(msg!("progress-created"))]);
    korean(&s);
    for row in ["step-account", "step-checks", "step-source", "step-bucket", "step-role", "step-stream", "step-active"]
    {
        let label = ko(Msg::new(row));
        assert!(s.lines().any(|l| l.contains('✓') && l.contains(&label)), "{label} not done:\n{s}");
    }
    pty.send(b"\r");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
    let arn = format!("arn:aws:firehose:us-east-1:{ACCOUNT}:deliverystream/retail-trans");
    let after = pty.screen();
    assert!(after.contains(&ko(msg!("app-stream-arn", arn = arn.as_str()))), "{after}");
    rt.block_on(async {
        let fh = aws_sdk_firehose::Client::new(&moto.sdk("us-east-1").await);
        let d = fh.describe_delivery_stream().delivery_stream_name("retail-trans").send().await.unwrap();
        assert_eq!(d.delivery_stream_description().unwrap().delivery_stream_arn(), arn);
    });
}

/// A background task that panics (the test-only fault of a debug build): the wizard shows it with
/// the log's path and stays usable; the terminal is restored when it ends, and the log has the panic.
#[test]
fn a_panic_in_a_background_task_is_shown_and_the_wizard_goes_on() {
    let moto = Moto::start();
    let rt = rt();
    seed_lab_stream(&moto, &rt);
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn_env(
        dir.path(),
        Some(&moto.url),
        &["--lab"],
        (24, 80),
        &[("FIREHOSE_WIZARD_TEST_PANIC", "check-name")],
    );
    pty.wait_for(&["Step 1/5 · Name and source", "1 ACTIVE"]);
    pty.send(b"\x0e"); // Ctrl-N: the name check runs in the background, and panics
    let s = pty.wait_for(&["a background task failed (details in "]);
    assert!(s.contains("firehose-wizard.log"), "the log is named:\n{s}");
    // a failed name check is a warning, as when AWS cannot be asked: the next screen opened, whole
    assert!(s.contains("Step 2/5") && s.contains("Record format conversion"), "{s}");
    // still usable: the help opens and closes, Esc goes back, typing works, then Ctrl-C asks and quits
    pty.send(b"\x07");
    pty.wait_for(&["Keys"]);
    pty.send(b"\x1b");
    pty.send(b"\x1b");
    pty.wait_for(&["Step 1/5"]);
    pty.send(b"-2");
    pty.wait_for(&["retail-trans-2"]);
    pty.send(b"\x03");
    pty.wait_for(&["Quit?"]);
    pty.send(b"y");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
    let log = std::fs::read_to_string(dir.path().join("firehose-wizard.log")).unwrap();
    assert!(log.contains("a background task panicked") && log.contains("test fault"), "{log}");
}

/// One run per stream: the wizard's Create while `apply` of the same plan is working (held at its
/// CreateRole) waits for the stream's lock, then fails naming the other run (its PID and command) and
/// changes nothing; the `apply` then finishes, and moto holds one of each.
#[test]
fn create_in_the_wizard_while_apply_runs_waits_then_names_it_and_changes_nothing() {
    use common::proxy::{Fault, Proxy, Rule};
    use std::process::Stdio;
    let moto = Moto::start();
    let rt = rt();
    seed_lab_stream(&moto, &rt);
    let dir = tempfile::tempdir().unwrap();
    let plan = common::write_plan(dir.path(), "plan.json", &firehose_wizard::plan::Plan::lab("lockpty1"));
    let proxy = Proxy::start(&moto.url);
    proxy.add(Rule::new("iam:CreateRole", 1, Fault::HoldBeforeUpstream));
    let mut apply = moto.command(dir.path());
    apply.env("AWS_ENDPOINT_URL", &proxy.url).arg("apply").arg(&plan);
    let apply = apply.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    assert_eq!(proxy.wait_held(TIMEOUT).as_deref(), Some("iam:CreateRole"));
    let creates = || {
        let mut c: Vec<String> =
            proxy.calls().into_iter().filter(|c| c.contains(":Create") || c.contains(":Put")).collect();
        c.sort();
        c
    };

    let mut pty = Pty::spawn_at(dir.path(), Some(&proxy.url), &["--plan", plan.to_str().unwrap()], (30, 220));
    pty.create_lab();
    let s = pty.wait_for(&["✗ step 1 (account) failed"]);
    let pid = apply.id();
    assert!(s.contains(&format!("another firehose-wizard is working on this stream (PID {pid}:")), "{s}");
    assert!(s.contains(" apply ") && s.contains("did not finish within 5 s"), "{s}");
    assert!(s.contains("nothing was changed here"), "{s}");
    // each at most once: the apply's (its bucket and log steps ran meanwhile; its role is held)
    let made = creates();
    let mut once = made.clone();
    once.dedup();
    assert_eq!(made, once, "the wizard sent no create call");
    for c in ["iam:CreateRole", "logs:CreateLogGroup", "s3:CreateBucket"] {
        assert!(made.iter().any(|x| x == c), "{c}: {made:?}");
    }
    pty.send(b"\x03");
    assert_eq!(pty.wait_exit(), 1, "a failed creation exits 1");
    pty.assert_restored();

    proxy.release();
    let out = apply.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    rt.block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        assert_eq!(moto.bucket_names().await.len(), 1);
        assert_eq!(aws_sdk_iam::Client::new(&sdk).list_roles().send().await.unwrap().roles().len(), 1);
        let fh = aws_sdk_firehose::Client::new(&sdk);
        assert_eq!(fh.list_delivery_streams().send().await.unwrap().delivery_stream_names(), ["retail-trans"]);
    });
}
