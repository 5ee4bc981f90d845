//! The state folder is private, as ssh keeps `~/.ssh` (README "The journal"): made 0700/0600 whatever the
//! umask, and refused with exit 2 (naming the path and the command that fixes it) when another user could
//! have put something there, before anything in it is read or written. The real binary against a real
//! moto server; "another user" is `nobody` (65534), which needs root to chown to (skipped otherwise, with
//! a note).

mod common;

use std::collections::BTreeMap;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::pty::Pty;
use common::{Moto, journal_path, kept_plan_path, rt, run, write_plan};
use firehose_wizard::plan::Plan;

const NOBODY: u32 = 65534;

fn state_folder(home: &Path) -> PathBuf {
    home.join(".local/state/firehose-wizard")
}

fn mode(p: &Path) -> u32 {
    std::fs::symlink_metadata(p).unwrap().mode() & 0o7777
}

fn chmod(p: &Path, mode: u32) {
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// Everything under `root` (links not followed): its mode, owner, size and modification time.
fn tree(root: &Path) -> BTreeMap<PathBuf, (u32, u32, u64, i64, i64)> {
    let mut out = BTreeMap::new();
    let mut todo = vec![root.to_owned()];
    while let Some(p) = todo.pop() {
        let Ok(md) = std::fs::symlink_metadata(&p) else { continue };
        if md.is_dir() {
            todo.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
        }
        out.insert(p, (md.mode(), md.uid(), md.len(), md.mtime(), md.mtime_nsec()));
    }
    out
}

/// `cmd` (the binary with its environment) run by `sh` after `script` (a `umask 000`...), with the
/// binary's `--log-file` left out when `default_log`: the log then goes to the state folder.
fn through_sh(cmd: &Command, script: &str, default_log: bool) -> Command {
    let mut sh = Command::new("/bin/sh");
    sh.arg("-c").arg(format!("{script} exec \"$0\" \"$@\"")).arg(cmd.get_program());
    let mut args = cmd.get_args();
    while let Some(a) = args.next() {
        if default_log && a == "--log-file" {
            args.next();
        } else {
            sh.arg(a);
        }
    }
    sh.env_clear();
    for (k, v) in cmd.get_envs() {
        if let Some(v) = v {
            sh.env(k, v);
        }
    }
    sh.current_dir(cmd.get_current_dir().unwrap()).stdin(Stdio::null());
    sh
}

/// Every folder under `root` is 0700 and every file 0600; returns the files.
fn assert_private(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for (p, (mode, ..)) in tree(root) {
        let kind = mode & 0o170000;
        if kind == 0o040000 {
            assert_eq!(mode & 0o7777, 0o700, "folder {}", p.display());
        } else {
            assert_eq!(kind, 0o100000, "{} is a regular file", p.display());
            assert_eq!(mode & 0o7777, 0o600, "file {}", p.display());
            files.push(p);
        }
    }
    files
}

fn as_root() -> bool {
    if firehose_wizard::state::euid() == 0 {
        return true;
    }
    eprintln!("note: not root, so nothing can be chowned to nobody: the other-user cases are skipped");
    false
}

#[test]
fn under_umask_000_apply_keeps_its_folders_0700_and_its_files_0600() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    rt().block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));
    let plan = write_plan(dir.path(), "lab.json", &Plan::lab("umask001"));
    let r = run(through_sh(&moto.command(dir.path()), "umask 000; mkdir probe;", true).arg("apply").arg(&plan));
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    assert_eq!(mode(&dir.path().join("probe")), 0o777, "the umask was 000 indeed");
    let journal = journal_path(dir.path(), "retail-trans");
    let mut want =
        vec![state_folder(dir.path()).join("firehose-wizard.log"), journal.clone(), journal.with_extension("lock")];
    want.sort();
    // ~/.local and ~/.local/state were made by firehose-wizard too
    let mut files = assert_private(&dir.path().join(".local"));
    files.sort();
    assert_eq!(files, want, "the log, the journal and its lock, and no temp file left");
    assert!(std::fs::read_to_string(&want[0]).unwrap().contains("start"), "the log is written");
}

#[test]
fn under_umask_000_the_wizard_keeps_its_plan_0600() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    rt().block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));
    let mut pty = Pty::spawn_umask(dir.path(), Some(moto.url.as_str()), &["--lab"], (24, 80), "000");
    pty.create_lab();
    pty.wait_for(&["created; the delivery stream is ACTIVE"]);
    pty.send(b"\r");
    assert_eq!(pty.wait_exit(), 0);
    let kept = kept_plan_path(dir.path(), "retail-trans");
    let files = assert_private(&dir.path().join(".local"));
    assert!(files.contains(&kept), "{files:?}");
    assert!(files.contains(&journal_path(dir.path(), "retail-trans")), "{files:?}");
    assert_eq!(mode(&dir.path().join("firehose-wizard.log")), 0o600, "a new --log-file too");
    assert_eq!(Plan::from_json(&std::fs::read_to_string(&kept).unwrap()).unwrap().name, "retail-trans");
}

#[test]
fn a_state_folder_others_may_write_is_refused_before_anything_is_read_or_written() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    rt().block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));
    let plan = write_plan(dir.path(), "lab.json", &Plan::lab("mode0777"));
    let state = state_folder(dir.path());
    std::fs::create_dir_all(state.join("journal")).unwrap();
    std::fs::write(state.join("firehose-wizard.log"), "an old log\n").unwrap();
    chmod(&state, 0o777);
    let before = tree(&dir.path().join(".local"));
    let p = state.display().to_string();

    let r = run(moto.command(dir.path()).arg("apply").arg(&plan));
    assert_eq!(r.code, 2, "{}\n{}", r.stdout, r.stderr);
    assert_eq!(
        r.stderr,
        format!(
            "error: firehose-wizard reads and writes nothing in its state folder until that is private to you: {p} can be written by other users (mode 0777): `chmod 700 {p}` fixes it\n"
        )
    );
    assert_eq!(r.stdout, "");
    let r = run(moto.command(dir.path()).args(["--lang", "ko", "apply"]).arg(&plan));
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("오류: ") && r.stderr.contains(&format!("`chmod 700 {p}`")), "{}", r.stderr);
    assert!(r.stderr.contains("(모드 0777)"), "{}", r.stderr);
    common::lang::assert_korean("refusal", &r.stderr, &[]);
    assert!(!dir.path().join("firehose-wizard.log").exists(), "not even the --log-file of a refused apply");
    // a command that uses only the log there: refused when the log goes there, not when it goes elsewhere
    let r = run(through_sh(&moto.command(dir.path()), "", true).args(["status", "--stream", "retail-trans"]));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains(&format!("`chmod 700 {p}`")), "{}", r.stderr);
    let r = run(moto.command(dir.path()).args(["status", "--stream", "retail-trans"]));
    assert_ne!(r.code, 2, "{}", r.stderr);
    assert!(!r.stderr.contains("state folder"), "{}", r.stderr);
    // offline commands never touch it
    let r = run(through_sh(&moto.command(dir.path()), "", true).arg("validate").arg(&plan));
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));

    assert_eq!(tree(&dir.path().join(".local")), before, "nothing in the state folder changed");
    assert_eq!(rt().block_on(moto.bucket_names()), Vec::<String>::new(), "no AWS call was made");
    // fixed as said: it works
    chmod(&state, 0o700);
    let r = run(moto.command(dir.path()).arg("apply").arg(&plan));
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn a_folder_above_that_others_may_write_is_refused_unless_sticky() {
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    chmod(&shared, 0o777);
    let plan = write_plan(dir.path(), "lab.json", &Plan::lab("above001"));
    let destroy = |dir: &Path| {
        let mut cmd = common::bin(dir);
        cmd.env("XDG_STATE_HOME", shared.join("state")).args(["--region", "us-east-1", "destroy"]).arg(&plan);
        run(&mut cmd)
    };
    let r = destroy(dir.path());
    assert_eq!(r.code, 2);
    let s = shared.display().to_string();
    assert!(
        r.stderr.contains(&format!(
            "{s}, a folder above the state folder, can be written by other users (mode 0777) and is not sticky: `chmod go-w {s}` fixes it"
        )),
        "{}",
        r.stderr
    );
    assert!(!shared.join("state").exists(), "nothing was created");
    // sticky, as /tmp: the check passes (and the run goes on to need credentials)
    chmod(&shared, 0o1777);
    let r = destroy(dir.path());
    assert_ne!(r.code, 2, "{}", r.stderr);
    assert!(!r.stderr.contains("state folder"), "{}", r.stderr);
}

#[test]
fn a_state_folder_or_a_journal_of_another_user_is_refused_and_destroy_deletes_nothing() {
    if !as_root() {
        return;
    }
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    rt.block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));
    let plan = write_plan(dir.path(), "lab.json", &Plan::lab("nobody01"));
    let r = run(moto.command(dir.path()).arg("apply").arg(&plan));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let state = state_folder(dir.path());

    // the state folder itself is another user's
    std::os::unix::fs::chown(&state, Some(NOBODY), Some(NOBODY)).unwrap();
    let r = run(moto.command(dir.path()).arg("destroy").arg(&plan));
    assert_eq!(r.code, 2, "{}\n{}", r.stdout, r.stderr);
    let p = state.display().to_string();
    assert!(
        r.stderr.contains(&format!(
            "{p} belongs to uid 65534, not to you (uid 0), so another user may have put it there: if it is yours, `chown 0 {p}` (as root) fixes it; if not, remove it"
        )),
        "{}",
        r.stderr
    );
    std::os::unix::fs::chown(&state, Some(0), Some(0)).unwrap();

    // a journal another user planted: it lists "team-b"'s bucket beside the victim's
    rt.block_on(async {
        let s3 = aws_sdk_s3::Client::new(&moto.sdk("us-east-1").await);
        s3.create_bucket().bucket("team-b-bucket").send().await.unwrap();
        s3.put_object().bucket("team-b-bucket").key("theirs.txt").body(b"theirs".to_vec().into()).send().await.unwrap();
    });
    let journal = journal_path(dir.path(), "retail-trans");
    let mut j: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&journal).unwrap()).unwrap();
    let entries = j["entries"].as_array_mut().unwrap();
    let mut theirs = entries.iter().find(|e| e["kind"] == "bucket").expect("the victim's bucket entry").clone();
    theirs["id"] = "team-b-bucket".into();
    entries.push(theirs);
    std::fs::write(&journal, serde_json::to_vec_pretty(&j).unwrap()).unwrap();
    std::os::unix::fs::chown(&journal, Some(NOBODY), Some(NOBODY)).unwrap();
    let r = run(moto.command(dir.path()).args(["destroy", "--with-objects"]).arg(&plan));
    assert_eq!(r.code, 2, "{}\n{}", r.stdout, r.stderr);
    let p = journal.display().to_string();
    assert!(
        r.stderr.contains(&format!("{p} belongs to uid 65534")) && r.stderr.contains(&format!("`chown 0 {p}`")),
        "{}",
        r.stderr
    );
    assert_eq!(r.stdout, "", "nothing was deleted");
    let mut buckets = rt.block_on(moto.bucket_names());
    buckets.sort();
    assert_eq!(buckets, ["aws-analytics-immersion-day-nobody01", "team-b-bucket"]);
}

#[test]
fn a_linked_log_or_journal_is_never_written_through() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let rt = rt();
    rt.block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));
    let plan = write_plan(dir.path(), "lab.json", &Plan::lab("linked01"));
    let r = run(through_sh(&moto.command(dir.path()), "", true).arg("apply").arg(&plan));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "precious\n").unwrap();
    let log = state_folder(dir.path()).join("firehose-wizard.log");
    let status = || run(through_sh(&moto.command(dir.path()), "", true).args(["status", "--stream", "retail-trans"]));

    // a link of the user's own in place of the log: not followed, said, and the command goes on
    std::fs::remove_file(&log).unwrap();
    std::os::unix::fs::symlink(&victim, &log).unwrap();
    let r = status();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.starts_with(&format!("warning: cannot open the log file {}: ", log.display())), "{}", r.stderr);
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious\n");
    if !as_root() {
        return;
    }
    // another user's link there: refused
    std::os::unix::fs::lchown(&log, Some(NOBODY), Some(NOBODY)).unwrap();
    let r = status();
    assert_eq!(r.code, 2, "{}", r.stderr);
    let p = log.display().to_string();
    assert!(
        r.stderr.contains(&format!("{p} is a symbolic link that belongs to uid 65534, not to you (uid 0)"))
            && r.stderr.contains(&format!("`chown -h 0 {p}`")),
        "{}",
        r.stderr
    );
    std::fs::remove_file(&log).unwrap();
    // another user's link in place of the journal: refused, the target untouched
    let journal = journal_path(dir.path(), "retail-trans");
    std::fs::rename(&journal, dir.path().join("journal.json")).unwrap();
    std::os::unix::fs::symlink(&victim, &journal).unwrap();
    std::os::unix::fs::lchown(&journal, Some(NOBODY), Some(NOBODY)).unwrap();
    let r = run(moto.command(dir.path()).arg("destroy").arg(&plan));
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!("{} is a symbolic link that belongs to uid 65534", journal.display())),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious\n");
    assert_eq!(rt.block_on(moto.bucket_names()), ["aws-analytics-immersion-day-linked01"], "nothing deleted");
}
