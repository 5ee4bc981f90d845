//! Endpoints (README "The journal", `--endpoint-url`): journals are kept by the endpoint each client
//! really uses, however it was configured (a profile's `endpoint_url` and `services`, the environment,
//! the flag), and plain http to another machine is warned of before any request is sent. The real
//! binary, against a real moto server where it must answer.

mod common;

use std::path::{Path, PathBuf};

use common::pty::Pty;
use common::{ACCESS_KEY, Moto, SECRET_KEY, bin, rt, run, write_plan};
use firehose_wizard::plan::Plan;

fn journals(home: &Path) -> PathBuf {
    home.join(".local/state/firehose-wizard/journal")
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .map(|d| d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// An AWS config file with the profile `emu` (moto's test credentials, us-east-1) and `extra` in it.
fn profile(dir: &Path, extra: &str) -> PathBuf {
    let path = dir.join("aws-config");
    std::fs::write(
        &path,
        format!(
            "[profile emu]\nregion = us-east-1\naws_access_key_id = {ACCESS_KEY}\naws_secret_access_key = {SECRET_KEY}\n{extra}"
        ),
    )
    .unwrap();
    path
}

#[test]
fn a_profiles_endpoint_url_keys_the_journal_by_that_endpoint() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    rt().block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));
    let plan = write_plan(dir.path(), "lab.json", &Plan::lab("profep01"));
    let config = profile(dir.path(), &format!("endpoint_url = {}\n", moto.url));
    // no AWS_ENDPOINT_URL, no --endpoint-url: the profile alone sends every call to moto
    let with_profile = |command: &str| {
        let mut cmd = bin(dir.path());
        cmd.env("AWS_CONFIG_FILE", &config).args(["--profile", "emu", command]).arg(&plan);
        run(&mut cmd)
    };
    let r = with_profile("apply");
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    let folder = format!("endpoint-127.0.0.1_{}", moto.port);
    assert_eq!(names(&journals(dir.path())), vec![folder.clone()], "never under the bare account's folder");
    let journal = journals(dir.path()).join(&folder).join("123456789012/us-east-1/retail-trans.json");
    assert!(journal.is_file());
    assert_eq!(common::journal_path(dir.path(), "retail-trans"), journal);
    // destroy finds it by the same key, and removes what it lists
    let r = with_profile("destroy");
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains(&format!("journal: {}", journal.display())), "{}", r.stdout);
    assert_eq!(rt().block_on(moto.bucket_names()), Vec::<String>::new());
}

#[test]
fn clients_sent_to_different_endpoints_keep_journals_of_that_mix_however_it_is_set() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let plan = write_plan(dir.path(), "lab.json", &Plan::lab("mixed001"));
    // S3 elsewhere (nothing listens there), the rest at moto: destroy of a stream it has no record of
    // asks STS only, and takes the stream's lock where its journal would be
    let config = profile(
        dir.path(),
        &format!(
            "endpoint_url = {}\nservices = split\n\n[services split]\ns3 =\n  endpoint_url = http://127.0.0.1:9\n",
            moto.url
        ),
    );
    let mut cmd = bin(dir.path());
    cmd.env("AWS_CONFIG_FILE", &config).args(["--profile", "emu", "destroy"]).arg(&plan);
    let r = run(&mut cmd);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("has no record of creating anything"), "{}", r.stdout);
    let found = names(&journals(dir.path()));
    assert_eq!(found.len(), 1, "{found:?}");
    let mixed = found[0].clone();
    assert!(mixed.starts_with("endpoints-") && mixed.len() < 120, "{mixed}");
    assert!(journals(dir.path()).join(&mixed).join("123456789012/us-east-1/retail-trans.lock").is_file());
    // the same mix set in the environment is the same folder
    let r = run(moto.command(dir.path()).env("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9").arg("destroy").arg(&plan));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert_eq!(names(&journals(dir.path())), vec![mixed.clone()]);
    // every client at moto: the emulator's own folder beside it
    let r = run(moto.command(dir.path()).arg("destroy").arg(&plan));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(names(&journals(dir.path())), [format!("endpoint-127.0.0.1_{}", moto.port), mixed]);
}

const WARNING: &str = "warning: http://example.invalid:1 is plain http to another machine: requests to it are not encrypted, and anyone on the way can read them, signed requests and session token included";

/// `status --stream s` with test credentials, one attempt per call, `args` first.
fn status(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> common::Run {
    let mut cmd = bin(dir);
    cmd.env("AWS_ACCESS_KEY_ID", "x").env("AWS_SECRET_ACCESS_KEY", "y").env("AWS_MAX_ATTEMPTS", "1");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.args(["--region", "us-east-1", "--call-timeout", "5"]).args(args).args(["status", "--stream", "s"]);
    run(&mut cmd)
}

fn warnings(stderr: &str) -> Vec<&str> {
    stderr.lines().filter(|l| l.starts_with("warning:") || l.starts_with("경고:")).collect()
}

#[test]
fn plain_http_to_another_machine_is_warned_of_once_per_url_and_loopback_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let r = status(dir.path(), &["--endpoint-url", "http://example.invalid:1"], &[]);
    assert_eq!(r.code, 1, "it cannot connect: {}", r.stderr);
    assert_eq!(r.stderr.lines().next(), Some(WARNING), "first, before any request:\n{}", r.stderr);
    assert_eq!(warnings(&r.stderr), [WARNING], "once, though seven clients use it");
    // two URLs among the clients: each once
    let r = status(
        dir.path(),
        &[],
        &[("AWS_ENDPOINT_URL", "http://example.invalid:1"), ("AWS_ENDPOINT_URL_S3", "http://10.1.2.3:4566")],
    );
    assert_eq!(
        warnings(&r.stderr),
        vec![WARNING.to_owned(), WARNING.replace("http://example.invalid:1", "http://10.1.2.3:4566")],
        "{}",
        r.stderr
    );
    // this machine, or encrypted: nothing to say
    for url in [
        "http://127.0.0.1:9",
        "http://127.1.2.3:9",
        "http://localhost:9",
        "http://[::1]:9",
        "https://example.invalid:1",
    ] {
        let r = status(dir.path(), &["--endpoint-url", url], &[]);
        assert_eq!(r.code, 1, "{url}: {}", r.stderr);
        assert!(warnings(&r.stderr).is_empty(), "{url}: {}", r.stderr);
    }
    // in Korean
    let r = status(dir.path(), &["--lang", "ko", "--endpoint-url", "http://example.invalid:1"], &[]);
    let first = r.stderr.lines().next().unwrap_or_default().to_owned();
    assert!(first.starts_with("경고: http://example.invalid:1"), "{}", r.stderr);
    assert_eq!(warnings(&r.stderr).len(), 1, "{}", r.stderr);
    common::lang::assert_korean("endpoint warning", &first, &[]);
}

#[test]
fn the_wizard_warns_before_its_screen_opens() {
    let dir = tempfile::tempdir().unwrap();
    let mut pty = Pty::spawn(dir.path(), None, &["--lab", "--endpoint-url", "http://example.invalid:1"], (24, 120));
    pty.wait_for(&["Step 1/5"]);
    pty.send(b"\x03");
    assert_eq!(pty.wait_exit(), 0);
    pty.assert_restored();
    let raw = pty.raw();
    let at = |needle: &[u8]| raw.windows(needle.len()).position(|w| w == needle);
    let warned = at(b"warning: http://example.invalid:1 is plain http").expect("the warning was written");
    let screen = at(b"\x1b[?1049h").expect("the alternate screen");
    assert!(warned < screen, "before the screen opened");
    assert_eq!(raw.windows(WARNING.len()).filter(|w| *w == WARNING.as_bytes()).count(), 1, "once");
    assert!(
        pty.screen().contains("warning: http://example.invalid:1 is plain http"),
        "still there after:\n{}",
        pty.screen()
    );
}
