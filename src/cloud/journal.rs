//! The journal: what firehose-wizard created, per account, Region and delivery stream, kept on disk
//! so that a rerun knows what is its own, and `destroy` removes exactly that and nothing else.
//!
//! One JSON file per stream under `$XDG_STATE_HOME/firehose-wizard/journal/ACCOUNT/REGION/NAME.json`
//! (directory 0700, file 0600). An entry is written *before* each create call (`creating`) and updated
//! when it returns (`created`, or dropped when AWS said no), each time by writing a new file and renaming
//! it over the old one, so that a crash at any moment leaves the last complete record. An entry still
//! `creating` means "the call was sent, its answer never came": [`Journal::settle`]'s caller looks the
//! resource up to know. The journal holds names and ARNs only: never credentials.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::provision::Kind;
use crate::plan::msg::Msg;
use crate::plan::request::Target;

/// Where journals live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    pub dir: PathBuf,
    /// The endpoint override the calls go to (an emulator), when there is one: every emulator answers
    /// as the same account, so its journals are kept apart from AWS's and from each other's.
    pub endpoint: Option<String>,
}

impl Store {
    /// `$XDG_STATE_HOME/firehose-wizard/journal` (or `~/.local/state/...`), the log's sibling, for the
    /// calls that go to `endpoint` (`None`: AWS itself).
    pub fn default_location(endpoint: Option<&str>) -> Option<Store> {
        Some(Store::at(crate::state_dir()?.join("journal")).for_endpoint(endpoint))
    }

    pub fn at(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into(), endpoint: None }
    }

    /// The same store, keyed by `endpoint` too.
    pub fn for_endpoint(self, endpoint: Option<&str>) -> Store {
        Store { endpoint: endpoint.filter(|e| !e.is_empty()).map(str::to_owned), ..self }
    }

    /// The journal file of one stream. The parts are an account id, a Region and a stream name, which
    /// the plan's rules and STS keep to `[A-Za-z0-9_.-]`; anything else is replaced, so a path never escapes.
    pub fn path(&self, target: &Target, stream: &str) -> PathBuf {
        let safe = |s: &str| -> String {
            let s: String =
                s.chars().map(|c| if c.is_ascii_alphanumeric() || "_.-".contains(c) { c } else { '_' }).collect();
            if s.is_empty() || s.chars().all(|c| c == '.') { "_".into() } else { s }
        };
        let mut dir = self.dir.clone();
        if let Some(e) = &self.endpoint {
            // `endpoint-127.0.0.1_4566`: never a 12-digit account id
            let e = e.split_once("://").map_or(e.as_str(), |(_, rest)| rest).trim_end_matches('/');
            dir.push(format!("endpoint-{}", safe(e)));
        }
        dir.join(safe(&target.account)).join(safe(&target.region)).join(format!("{}.json", safe(stream)))
    }

    /// Where the wizard keeps the plan it created from, for `apply` and `destroy`: the journal's path
    /// under a sibling `plans` directory (never inside the journals, where it could pass for one).
    pub fn plan_path(&self, target: &Target, stream: &str) -> PathBuf {
        let journal = self.path(target, stream);
        let relative = journal.strip_prefix(&self.dir).expect("a journal path is under the store");
        self.dir.with_file_name("plans").join(relative)
    }

    /// Opens the stream's journal to change it, empty if there is none yet, holding the stream's lock
    /// (see [`Lock`]) for as long as the journal lives: a second run on the stream waits for it up to
    /// [`LOCK_WAIT`], then gets an error that names the process holding it.
    pub fn open(&self, target: &Target, stream: &str) -> Result<Journal, JournalError> {
        let lock = Lock::take(&self.path(target, stream).with_extension("lock"), LOCK_WAIT)?;
        let mut journal = self.read(target, stream)?;
        journal.lock = Some(lock);
        Ok(journal)
    }

    /// Reads the stream's journal without taking its lock (to look, never to change it).
    pub fn read(&self, target: &Target, stream: &str) -> Result<Journal, JournalError> {
        let path = self.path(target, stream);
        let mut journal = match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice::<Journal>(&bytes).map_err(|e| JournalError {
                path: path.clone(),
                message: msg!("journal-unreadable", error = e.to_string()),
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Journal {
                version: VERSION,
                account: target.account.clone(),
                region: target.region.clone(),
                stream: stream.to_owned(),
                entries: Vec::new(),
                path: PathBuf::new(),
                lock: None,
            },
            Err(e) => return Err(JournalError { path, message: Msg::io(&e) }),
        };
        if journal.version != VERSION
            || journal.account != target.account
            || journal.region != target.region
            || journal.stream != stream
        {
            return Err(JournalError {
                path,
                message: msg!(
                    "journal-other-stream",
                    version = journal.version.to_string(),
                    stream = format!("{}/{}/{}", journal.account, journal.region, journal.stream)
                ),
            });
        }
        journal.path = path;
        Ok(journal)
    }
}

const VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.msg())]
pub struct JournalError {
    pub path: PathBuf,
    pub message: Msg,
}

impl JournalError {
    pub fn msg(&self) -> Msg {
        msg!("journal-error", path = self.path.display().to_string(), message = self.message.clone())
    }

    /// Another run holds the stream's lock: nothing is wrong with the journal.
    pub fn is_locked(&self) -> bool {
        self.message.id.starts_with("journal-locked")
    }

    /// What to do about it: wait for the other run, or deal with the file.
    pub fn hint(&self, otherwise: Msg) -> Msg {
        if self.is_locked() { msg!("hint-journal-locked") } else { otherwise }
    }
}

/// Whether a create call returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Sent; the answer never arrived (interrupted, crashed, or the connection dropped).
    Creating,
    Created,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub kind: Kind,
    pub id: String,
    pub status: Status,
    /// When the entry was last written (RFC 3339, UTC).
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Journal {
    pub version: u32,
    pub account: String,
    pub region: String,
    pub stream: String,
    /// In creation order; `destroy` walks it backwards.
    pub entries: Vec<Entry>,
    #[serde(skip)]
    path: PathBuf,
    /// The stream's lock, held while this journal may be changed (`None`: read only).
    #[serde(skip)]
    lock: Option<Lock>,
}

/// How long a run waits for another run of the same stream to finish before it gives up.
pub const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// An exclusive lock on one stream's journal: `flock` on `NAME.lock` beside it (std's `File::lock`),
/// released by the kernel when the process ends however it ends. The file holds the holder's PID and
/// command line, so that a second run can say who is working on the stream.
#[derive(Debug, Clone)]
pub struct Lock {
    /// Open for as long as the lock is held: the kernel releases it when the last clone is dropped.
    _held: std::sync::Arc<std::fs::File>,
}

// a journal compares by its content; whether it holds the lock is not part of that
impl PartialEq for Lock {
    fn eq(&self, _: &Lock) -> bool {
        true
    }
}
impl Eq for Lock {}

impl Lock {
    fn take(path: &Path, wait: std::time::Duration) -> Result<Lock, JournalError> {
        let err = |e: std::io::Error| JournalError { path: path.to_owned(), message: Msg::io(&e) };
        if let Some(dir) = path.parent() {
            create_private_dir(dir).map_err(err)?;
        }
        let mut file =
            std::fs::OpenOptions::new().read(true).write(true).create(true).truncate(false).open(path).map_err(err)?;
        let start = std::time::Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < wait => {
                    std::thread::sleep(std::time::Duration::from_millis(100))
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    let holder = std::fs::read_to_string(path).unwrap_or_default();
                    let message = match holder.trim().split_once(' ') {
                        Some((pid, command)) => msg!(
                            "journal-locked",
                            pid = pid.to_owned(),
                            command = crate::plan::sanitize(command),
                            seconds = wait.as_secs()
                        ),
                        None => msg!("journal-locked-unknown", seconds = wait.as_secs()),
                    };
                    return Err(JournalError { path: path.to_owned(), message });
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(err(e)),
            }
        }
        // who holds it, for the next one to read
        let command: Vec<String> = std::env::args().collect();
        file.set_len(0).map_err(err)?;
        write!(file, "{} {}", std::process::id(), command.join(" ")).map_err(err)?;
        Ok(Lock { _held: std::sync::Arc::new(file) })
    }
}

impl Journal {
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry of a resource, if firehose-wizard created it (or was creating it).
    pub fn get(&self, kind: Kind, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.kind == kind && e.id == id)
    }

    /// Whether firehose-wizard created this resource (a `creating` entry counts: the caller checked
    /// that the resource did not exist before it sent the create call).
    pub fn owns(&self, kind: Kind, id: &str) -> bool {
        self.get(kind, id).is_some()
    }

    /// Before a create call.
    pub fn begin(&mut self, kind: Kind, id: &str) -> Result<(), JournalError> {
        self.set(kind, id, Status::Creating)
    }

    /// After a create call succeeded, or a lookup proved the resource is there.
    pub fn created(&mut self, kind: Kind, id: &str) -> Result<(), JournalError> {
        self.set(kind, id, Status::Created)
    }

    /// The resource is gone (deleted, or the create call was refused): forget it.
    pub fn forget(&mut self, kind: Kind, id: &str) -> Result<(), JournalError> {
        let before = self.entries.len();
        self.entries.retain(|e| !(e.kind == kind && e.id == id));
        if self.entries.len() == before { Ok(()) } else { self.save() }
    }

    fn set(&mut self, kind: Kind, id: &str, status: Status) -> Result<(), JournalError> {
        let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        match self.entries.iter_mut().find(|e| e.kind == kind && e.id == id) {
            // a rerun recreating something of ours that vanished keeps it where it was in the order
            Some(e) if e.status == Status::Created && status == Status::Creating => return Ok(()),
            Some(e) => {
                e.status = status;
                e.at = at;
            }
            // in the steps' order, whatever order the steps that run at once began in; in the order
            // begun within a step
            None => {
                let step = kind.step().number();
                let at_end = self.entries.iter().rposition(|e| e.kind.step().number() <= step).map_or(0, |i| i + 1);
                self.entries.insert(at_end, Entry { kind, id: id.to_owned(), status, at });
            }
        }
        self.save()
    }

    /// Writes the journal: a new file (mode 0600) renamed over the old one, or no file when empty.
    fn save(&self) -> Result<(), JournalError> {
        let err = |e: std::io::Error| JournalError { path: self.path.clone(), message: Msg::io(&e) };
        if self.entries.is_empty() {
            return match std::fs::remove_file(&self.path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(err(e)),
                _ => Ok(()),
            };
        }
        let text = crate::plan::to_json_string_pretty(self);
        write_private(&self.path, text.as_bytes()).map_err(err)
    }
}

/// Writes a file readable by its owner only (its directory too): a new file, synced, then renamed over
/// the old one, so that a reader sees the old content or the new, never a part.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    create_private_dir(path.parent().unwrap_or(Path::new(".")))?;
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let mut f = opts.open(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    std::fs::rename(&tmp, path)
}

/// Creates a directory (and its parents) readable by its owner only.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut b, 0o700);
    b.create(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target() -> Target {
        Target { account: "123456789012".into(), region: "us-east-1".into(), partition: "aws".into() }
    }

    #[test]
    fn entries_are_written_at_once_and_survive_a_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join("journal"));
        let mut j = store.open(&target(), "retail-trans").unwrap();
        assert!(j.is_empty());
        j.begin(Kind::Bucket, "b").unwrap();
        let on_disk = store.read(&target(), "retail-trans").unwrap();
        assert_eq!(on_disk.get(Kind::Bucket, "b").unwrap().status, Status::Creating, "written before the call");
        j.created(Kind::Bucket, "b").unwrap();
        j.begin(Kind::Role, "arn:aws:iam::123456789012:role/r").unwrap();
        j.created(Kind::Role, "arn:aws:iam::123456789012:role/r").unwrap();
        let on_disk = store.read(&target(), "retail-trans").unwrap();
        assert_eq!(on_disk.entries, j.entries);
        assert_eq!(on_disk.entries.iter().map(|e| e.kind).collect::<Vec<_>>(), [Kind::Bucket, Kind::Role]);
        assert_eq!(
            j.path(),
            dir.path().join("journal/123456789012/us-east-1/retail-trans.json"),
            "per account, Region and stream"
        );
        assert_eq!(
            store.plan_path(&target(), "retail-trans"),
            dir.path().join("plans/123456789012/us-east-1/retail-trans.json"),
            "plans apart from journals: a stream named x.plan has a journal of its own"
        );
    }

    #[test]
    fn entries_are_kept_in_the_steps_order_whatever_order_they_began_in() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join("journal"));
        let mut j = store.open(&target(), "s").unwrap();
        // the role, the log group and the bucket begin at once, the role first
        for (kind, id) in [
            (Kind::Role, "r"),
            (Kind::LogGroup, "g"),
            (Kind::Bucket, "b"),
            (Kind::RolePolicy, "r/p"),
            (Kind::LogStream, "g:s1"),
            (Kind::LogStream, "g:s0"),
            (Kind::DeliveryStream, "d"),
            (Kind::KinesisStream, "k"),
        ] {
            j.begin(kind, id).unwrap();
        }
        j.created(Kind::Bucket, "b").unwrap();
        let ids: Vec<_> = store.read(&target(), "s").unwrap().entries.into_iter().map(|e| e.id).collect();
        assert_eq!(ids, ["k", "b", "g", "g:s1", "g:s0", "r", "r/p", "d"]);
    }

    #[cfg(unix)]
    #[test]
    fn files_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path().join("journal"));
        let mut j = store.open(&target(), "s").unwrap();
        j.begin(Kind::Bucket, "b").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(j.path()), 0o600);
        assert_eq!(mode(j.path().parent().unwrap()), 0o700);
    }

    #[test]
    fn forgetting_everything_removes_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let mut j = store.open(&target(), "s").unwrap();
        j.begin(Kind::Bucket, "b").unwrap();
        j.created(Kind::Bucket, "b").unwrap();
        j.forget(Kind::Bucket, "b").unwrap();
        assert!(!j.path().exists());
        assert!(store.read(&target(), "s").unwrap().is_empty());
    }

    #[test]
    fn a_created_entry_stays_created_and_in_place_when_recreated() {
        let dir = tempfile::tempdir().unwrap();
        let mut j = Store::at(dir.path()).open(&target(), "s").unwrap();
        j.created(Kind::Bucket, "b").unwrap();
        j.created(Kind::Role, "r").unwrap();
        j.begin(Kind::Bucket, "b").unwrap();
        assert_eq!(j.entries[0].status, Status::Created);
        assert_eq!(j.entries.len(), 2);
    }

    #[test]
    fn an_open_journal_holds_the_stream_lock_until_it_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let j = store.open(&target(), "s").unwrap();
        // another open file of the lock conflicts, as another process's would
        let other = Lock::take(&store.path(&target(), "s").with_extension("lock"), std::time::Duration::ZERO);
        let e = other.unwrap_err();
        assert!(e.is_locked());
        let text = crate::i18n::in_english(&e.message);
        assert!(
            text.starts_with(&format!(
                "another firehose-wizard is working on this stream (PID {}: ",
                std::process::id()
            )),
            "{text}"
        );
        assert!(store.read(&target(), "s").is_ok(), "reading takes no lock");
        drop(j);
        assert!(store.open(&target(), "s").is_ok(), "free again");
    }

    #[test]
    fn an_endpoint_has_journals_of_its_own() {
        let aws = Store::at("/state");
        let emulator = Store::at("/state").for_endpoint(Some("http://127.0.0.1:4566/"));
        assert_eq!(aws.path(&target(), "s"), Path::new("/state/123456789012/us-east-1/s.json"));
        assert_eq!(
            emulator.path(&target(), "s"),
            Path::new("/state/endpoint-127.0.0.1_4566/123456789012/us-east-1/s.json")
        );
        assert_eq!(
            emulator.plan_path(&target(), "s"),
            Path::new("/plans/endpoint-127.0.0.1_4566/123456789012/us-east-1/s.json")
        );
        assert_eq!(Store::at("/state").for_endpoint(Some("")), aws, "an empty override is none");
    }

    #[test]
    fn path_parts_cannot_escape_the_store() {
        let store = Store::at("/state");
        let t = Target { account: "../..".into(), region: "a/b".into(), partition: "aws".into() };
        let p = store.path(&t, "../x");
        assert!(p.starts_with("/state"));
        assert!(!p.components().any(|c| c == std::path::Component::ParentDir), "{}", p.display());
    }

    #[test]
    fn a_damaged_or_foreign_journal_is_refused_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let path = store.path(&target(), "s");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "{not json").unwrap();
        let e = store.open(&target(), "s").unwrap_err();
        assert!(e.to_string().contains("unreadable"), "{e}");
        let mut other = store.open(&target(), "t").unwrap();
        other.created(Kind::Bucket, "b").unwrap();
        std::fs::copy(other.path(), &path).unwrap();
        assert!(store.open(&target(), "s").unwrap_err().to_string().contains("not this stream"));
    }
}
