//! No credential in any log, at any level: the real binary against moto with the log at `trace` (debug
//! builds keep it) and distinctive access key ID, secret and session token, from the environment and
//! from profile files (static keys, and a role assumed from them); every file under the test's HOME (the
//! log, the journal while it exists, the plans written there), and every command's stdout and stderr,
//! are searched for each value.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Moto, Run, rt, run, write_plan};
use firehose_wizard::plan::{Destination, Plan, Source};

const KEY_ID: &str = "AKIDLOGSE2E7Q2ZW4XK9";
const SECRET: &str = "logs-e2e/secret+NEVER-in-a-log-3f9a1c7d2b";
const TOKEN: &str = "logs-e2e-session-token-NEVER-in-a-log-5be2a0c4";
/// A profile's own, in a credentials file outside HOME.
const PROFILE_KEY_ID: &str = "AKIDLOGSE2EPROFILE7Q2";
const PROFILE_SECRET: &str = "logs-e2e/profile-secret+NEVER-logged-71d3";
const PROFILE_TOKEN: &str = "logs-e2e-profile-token-NEVER-logged-c0ffee";
const ALL: [&str; 6] = [KEY_ID, SECRET, TOKEN, PROFILE_KEY_ID, PROFILE_SECRET, PROFILE_TOKEN];

/// What the log writer puts where a credential would have been.
const MARK: &str = firehose_wizard::redact::MARK;

/// The binary at `trace`, with the environment's credentials.
fn traced(moto: &Moto, home: &Path) -> Command {
    let mut cmd = moto.command(home);
    cmd.env("AWS_ACCESS_KEY_ID", KEY_ID)
        .env("AWS_SECRET_ACCESS_KEY", SECRET)
        .env("AWS_SESSION_TOKEN", TOKEN)
        .env("FIREHOSE_WIZARD_LOG", "trace");
    cmd
}

/// The binary at `trace` with profile `profile` of files in `profiles` and no credentials in the
/// environment.
fn with_profile(moto: &Moto, home: &Path, profiles: &Path, profile: &str) -> Command {
    let mut cmd = common::bin(home);
    cmd.env("AWS_ENDPOINT_URL", &moto.url)
        .env("AWS_CONFIG_FILE", profiles.join("config"))
        .env("AWS_SHARED_CREDENTIALS_FILE", profiles.join("credentials"))
        .env("FIREHOSE_WIZARD_LOG", "trace")
        .args(["--profile", profile]);
    cmd
}

/// Every file under `dir`, with its bytes.
fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files(&p));
        } else {
            out.push((p.clone(), std::fs::read(&p).unwrap()));
        }
    }
    out
}

fn holds(bytes: &[u8], value: &str) -> bool {
    bytes.windows(value.len()).any(|w| w == value.as_bytes())
}

/// No credential in any file under `home` nor in what `runs` printed.
fn nothing_shows_a_credential(home: &Path, runs: &[(String, Run)]) -> Vec<PathBuf> {
    let all = files(home);
    for (path, bytes) in &all {
        for v in ALL {
            assert!(!holds(bytes, v), "{v} is in {}", path.display());
        }
    }
    for (what, r) in runs {
        for v in ALL {
            assert!(
                !r.stdout.contains(v) && !r.stderr.contains(v),
                "{v} printed by {what}:\n{}\n{}",
                r.stdout,
                r.stderr
            );
        }
    }
    all.into_iter().map(|(p, _)| p).collect()
}

#[test]
fn no_credential_in_any_log_file_or_output_at_trace() {
    let moto = Moto::start();
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let log = home.join("firehose-wizard.log");
    // a Direct PUT stream (send and smoke-test go through moto's delivery) and the lab's Kinesis one
    let mut direct = Plan::lab("unused00");
    direct.name = "orders".into();
    direct.source = Source::DirectPut;
    direct.destination = Destination { create_bucket: true, prefix: "raw/".into(), ..Destination::new("fw-logs-0001") };
    let direct = write_plan(home, "direct.json", &direct);
    rt().block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));
    let lab = write_plan(home, "lab.json", &Plan::lab("logs0001"));
    let mut runs: Vec<(String, Run)> = Vec::new();
    fn go(runs: &mut Vec<(String, Run)>, what: &str, cmd: &mut Command, code: i32) {
        let r = run(cmd);
        assert_eq!(r.code, code, "{what}:\n{}\n{}", r.stdout, r.stderr);
        runs.push((what.to_owned(), r));
    }
    go(&mut runs, "validate", traced(&moto, home).arg("validate").arg(&lab), 0);
    go(&mut runs, "apply lab", traced(&moto, home).arg("apply").arg(&lab), 0);
    go(&mut runs, "apply direct", traced(&moto, home).arg("apply").arg(&direct), 0);
    go(&mut runs, "apply again", traced(&moto, home).arg("apply").arg(&lab), 0);
    go(&mut runs, "status", traced(&moto, home).arg("status").arg(&lab), 0);
    go(&mut runs, "status --json", traced(&moto, home).arg("status").arg(&direct).arg("--json"), 0);
    go(&mut runs, "send", traced(&moto, home).args(["send", "--stream", "retail-trans", "--records", "3"]), 0);
    go(
        &mut runs,
        "smoke-test",
        traced(&moto, home).arg("smoke-test").arg(&direct).args(["--records", "2", "--timeout", "20"]),
        0,
    );
    go(&mut runs, "import", traced(&moto, home).args(["import", "orders", "-o"]).arg(home.join("imported.json")), 0);
    go(&mut runs, "export", traced(&moto, home).arg("export").arg(&lab).args(["--format", "cli"]), 0);
    go(&mut runs, "destroy --dry-run", traced(&moto, home).arg("destroy").arg(&lab).arg("--dry-run"), 0);
    // the journals exist now, and the plan import wrote
    let journal = common::journal_path(home, "retail-trans");
    let during = nothing_shows_a_credential(home, &runs);
    assert!(during.contains(&journal) && during.contains(&home.join("imported.json")), "{during:?}");

    // from profile files: static keys with a session token, and a role assumed with them (moto
    // answers AssumeRole with credentials of its own, which are credentials too)
    let profiles = tempfile::tempdir().unwrap();
    std::fs::write(
        profiles.path().join("credentials"),
        format!(
            "[base]\naws_access_key_id = {PROFILE_KEY_ID}\naws_secret_access_key = {PROFILE_SECRET}\naws_session_token = {PROFILE_TOKEN}\n"
        ),
    )
    .unwrap();
    std::fs::write(
        profiles.path().join("config"),
        "[profile base]\nregion = us-east-1\n[profile chained]\nrole_arn = arn:aws:iam::123456789012:role/someone\nsource_profile = base\nregion = us-east-1\n",
    )
    .unwrap();
    go(&mut runs, "status (profile)", with_profile(&moto, home, profiles.path(), "base").arg("status").arg(&lab), 0);
    go(
        &mut runs,
        "status (assumed role)",
        with_profile(&moto, home, profiles.path(), "chained").arg("status").arg(&lab),
        0,
    );

    // the direct stream's policy first: the role is the lab's, which destroy then deletes
    go(&mut runs, "destroy direct", traced(&moto, home).arg("destroy").arg(&direct).arg("--with-objects"), 0);
    go(&mut runs, "destroy lab", traced(&moto, home).arg("destroy").arg(&lab), 0);
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(
        text.contains("TRACE aws_smithy_runtime") && text.contains("DEBUG") && text.contains("will apply endpoint"),
        "the log holds the SDK's debug and trace events"
    );
    // the filter alone keeps them out: the writer had nothing to redact
    assert!(!text.contains(MARK), "an event that carries a credential got through the filter");
    let assumed = text.contains("AssumeRole");
    assert!(assumed, "the chained profile assumed its role");
    let at_end = nothing_shows_a_credential(home, &runs);
    assert!(!at_end.contains(&journal), "destroy removed what it created and its journal");

    // the writer's guard: a value of the credentials that an event of our own holds (a stream named
    // like the key ID and the secret: the start event logs the command) is redacted
    let before = text.len();
    let r = run(traced(&moto, home).args(["status", "--stream", KEY_ID]));
    assert_eq!(r.code, 1, "no such stream: {}", r.stderr);
    let text = std::fs::read_to_string(&log).unwrap();
    let tail = &text[before..];
    assert!(tail.contains(&format!("stream: Some(\"{MARK}\")")), "the start event, redacted: {tail}");
    assert!(!text.contains(KEY_ID), "the key ID was redacted from every event");
}
