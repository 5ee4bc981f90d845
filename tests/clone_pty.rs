//! The real binary in a pseudo-terminal against moto: `--from-stream` copies a stream under a new
//! name (the export view on Review saves the copy as code on the way), and a stream that is not
//! there is said before any screen opens.

mod common;

use common::plans::{REGION, lab, seed};
use common::pty::Pty;
use common::{Moto, bin, rt, run, write_plan};

#[test]
fn a_copy_of_the_lab_stream_under_a_new_name_with_its_export_saved() {
    let moto = Moto::start();
    let plan = lab();
    seed(&moto, &plan);
    let dir = tempfile::tempdir().unwrap();
    let path = write_plan(dir.path(), "plan.json", &plan);
    let r = run(moto.command(dir.path()).arg("apply").arg(&path));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    // a file of the name the export would take is there already: it is never replaced
    std::fs::write(dir.path().join("retail-copy.yaml"), "mine").unwrap();

    let mut pty = Pty::spawn(dir.path(), Some(&moto), &["--from-stream", "retail-trans"], (24, 80));
    let s = pty.wait_for(&["Step 1/5 · Name and source", "a copy of the delivery stream retail-trans"]);
    assert!(s.contains("retail-trans"), "the source stream: {s}");
    pty.send(b"retail-copy");
    pty.wait_for(&["retail-copy"]);
    pty.send(b"\x0e");
    pty.wait_for(&["Step 2/5"]);
    pty.send(b"\x0e");
    let s = pty.wait_for(&["Step 3/5 · Destination", "→ json-data/year="]);
    assert!(s.contains("(•) Choose existing"), "the copy writes to the same bucket: {s}");
    pty.send(b"\x0e");
    pty.wait_for(&["Step 4/5 · Settings", "firehose_delivery_role"]);
    pty.send(b"\x0e");
    pty.wait_for(&["Step 5/5 · Review", "[ Create ]"]);
    // the export view: the script first, → CloudFormation, s saves beside the user
    pty.send(b"x");
    pty.wait_for(&["[AWS CLI (bash)]", "#!/usr/bin/env bash", "←→ format"]);
    pty.send(b"\x1b[C");
    pty.wait_for(&["[CloudFormation]", "AWSTemplateFormatVersion"]);
    pty.send(b"s");
    pty.wait_for(&["saved the export to retail-copy-2.yaml"]);
    assert_eq!(std::fs::read_to_string(dir.path().join("retail-copy.yaml")).unwrap(), "mine");
    let saved = std::fs::read_to_string(dir.path().join("retail-copy-2.yaml")).unwrap();
    assert!(saved.contains("Default: \"retail-copy\""), "{saved}");
    pty.send(b"\x1b");
    pty.wait_for(&["[ Create ]"]);
    pty.send(b"c");
    pty.wait_for(&["Create the delivery stream retail-copy"]);
    pty.send(b"y");
    pty.wait_for(&["created; the delivery stream is ACTIVE"]);
    pty.send(b"\r");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();

    rt().block_on(async {
        let sdk = moto.sdk(REGION).await;
        let fh = aws_sdk_firehose::Client::new(&sdk);
        let describe = |name: &'static str| {
            let fh = fh.clone();
            async move {
                let d = fh.describe_delivery_stream().delivery_stream_name(name).send().await.unwrap();
                d.delivery_stream_description().unwrap().destinations()[0]
                    .extended_s3_destination_description()
                    .unwrap()
                    .clone()
            }
        };
        let (original, copy) = (describe("retail-trans").await, describe("retail-copy").await);
        assert_eq!(copy.bucket_arn(), original.bucket_arn());
        assert_eq!(copy.prefix(), original.prefix());
        assert_eq!(copy.error_output_prefix(), original.error_output_prefix());
        assert_eq!(copy.role_arn(), original.role_arn());
        assert_eq!(
            copy.cloud_watch_logging_options().and_then(|l| l.log_group_name()),
            Some("/aws/kinesisfirehose/retail-copy")
        );
        assert_eq!(moto.bucket_names().await.len(), 1, "no new bucket");
        // the copy's own policy on the same role, beside the original's
        let iam = aws_sdk_iam::Client::new(&sdk);
        let mut names = iam.list_role_policies().role_name("firehose_delivery_role").send().await.unwrap().policy_names;
        names.sort();
        assert_eq!(names, ["firehose-wizard-us-east-1-retail-copy", "firehose-wizard-us-east-1-retail-trans"]);
    });
}

#[test]
fn a_stream_that_is_not_there_is_said_before_the_screen_opens() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(dir.path(), Some(&moto), &["--from-stream", "missing"], (24, 80));
    assert_eq!(pty.wait_exit(), 1);
    assert!(pty.screen().contains("this account and Region have no delivery stream missing"), "{}", pty.screen());
    // --from-stream with --lab or --plan is a bad command line
    let r = run(bin(dir.path()).args(["--from-stream", "x", "--lab"]));
    assert_eq!(r.code, 2, "{}", r.stderr);
}
