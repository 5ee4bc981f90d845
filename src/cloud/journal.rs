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

use super::endpoints::Endpoints;
use super::provision::Kind;
use crate::plan::msg::Msg;
use crate::plan::request::Target;

/// Where journals live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    pub dir: PathBuf,
    /// The folder of the endpoints the calls go to instead of AWS's (an emulator: `endpoint-HOST_PORT`),
    /// when any client's is overridden: every emulator answers as the same account, so its journals are
    /// kept apart from AWS's and from each other's.
    pub endpoint: Option<String>,
}

impl Store {
    /// `$XDG_STATE_HOME/firehose-wizard/journal` (or `~/.local/state/...`), the log's sibling, for the
    /// calls that go to `endpoints` (each client's as it resolved it).
    pub fn default_location(endpoints: &Endpoints) -> Option<Store> {
        Some(Store::at(crate::state_dir()?.join("journal")).for_endpoints(endpoints))
    }

    pub fn at(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into(), endpoint: None }
    }

    /// The same store, for calls that all go to `endpoint` (`None` or empty: AWS itself).
    pub fn for_endpoint(self, endpoint: Option<&str>) -> Store {
        Store { endpoint: endpoint.filter(|e| !e.is_empty()).map(super::endpoints::endpoint_folder), ..self }
    }

    /// The same store, for the calls of clients that go to `endpoints`: `endpoint-HOST_PORT` when all go
    /// to one override, none when none is overridden, a folder of that mix of its own otherwise.
    pub fn for_endpoints(self, endpoints: &Endpoints) -> Store {
        Store { endpoint: endpoints.folder(), ..self }
    }

    /// The journal file of one stream. The parts are an account id, a Region and a stream name, which
    /// the plan's rules and STS keep to `[A-Za-z0-9_.-]`; anything else is replaced, so a path never escapes.
    pub fn path(&self, target: &Target, stream: &str) -> PathBuf {
        let safe = crate::state::safe_component;
        let mut dir = self.dir.clone();
        if let Some(e) = &self.endpoint {
            // `endpoint-127.0.0.1_4566`: never a 12-digit account id
            dir.push(safe(e));
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
                id: String::new(),
                account: target.account.clone(),
                region: target.region.clone(),
                stream: stream.to_owned(),
                entries: Vec::new(),
                path: PathBuf::new(),
                lock: None,
            },
            Err(e) => return Err(JournalError { path, message: Msg::io(&e) }),
        };
        if !(OLDEST..=VERSION).contains(&journal.version)
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
        if journal.id.is_empty() {
            // a new journal, or one of version 1, which had none: its own from now on
            journal.id = uuid::Uuid::new_v4().simple().to_string()[..16].to_owned();
        }
        journal.version = VERSION;
        Ok(journal)
    }
}

/// The journal's format: 2 added the journal's id and each entry's identity. A journal of version 1
/// is read (its entries have no identity, so `destroy` cannot prove them firehose-wizard's) and written
/// as version 2.
const VERSION: u32 = 2;
const OLDEST: u32 = 1;

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
    /// What AWS said of the resource once it was made, which re-creating its name cannot forge
    /// (`None` while `creating`, and in journals of version 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identity: Option<Identity>,
}

/// What identifies one resource for good, as AWS reports it (see `cloud::ownership`): a role's
/// `RoleId`, a stream's or log group's ARN, and when it was created. A resource of the same name made
/// later by someone else has another.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Identity {
    /// The role's RoleId (of the role a role policy is on, for a policy), a stream's or log group's ARN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// When it was created, as AWS says (RFC 3339, UTC, as precise as AWS gives it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Journal {
    pub version: u32,
    /// This journal's own random id, part of the tag on everything it records (see
    /// [`Journal::tag_value`]); version 1 had none.
    #[serde(default)]
    pub id: String,
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
        // 0600 whatever the umask, never through a link, only the user's
        let mut file = crate::state::open_private(path).map_err(err)?;
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

    /// The value of the tag `firehose-wizard:journal` on what this journal records:
    /// `REGION/STREAM/ID`, which names the journal and, by its id, no other.
    pub fn tag_value(&self) -> String {
        format!("{}/{}/{}", self.region, self.stream, self.id)
    }

    /// Before a create call.
    pub fn begin(&mut self, kind: Kind, id: &str) -> Result<(), JournalError> {
        self.set(kind, id, Status::Creating, None)
    }

    /// After a create call succeeded, or a lookup proved the resource is there: with what identifies
    /// it (see [`Identity`]).
    pub fn created(&mut self, kind: Kind, id: &str, identity: Identity) -> Result<(), JournalError> {
        self.set(kind, id, Status::Created, Some(identity))
    }

    /// The resource is gone (deleted, or the create call was refused): forget it.
    pub fn forget(&mut self, kind: Kind, id: &str) -> Result<(), JournalError> {
        let before = self.entries.len();
        self.entries.retain(|e| !(e.kind == kind && e.id == id));
        if self.entries.len() == before { Ok(()) } else { self.save() }
    }

    fn set(&mut self, kind: Kind, id: &str, status: Status, identity: Option<Identity>) -> Result<(), JournalError> {
        let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        match self.entries.iter_mut().find(|e| e.kind == kind && e.id == id) {
            // a rerun recreating something of ours that vanished keeps it where it was in the order;
            // it is `creating` again (the old identity is of what vanished) until the call answers
            Some(e) => {
                e.status = status;
                e.at = at;
                e.identity = identity;
            }
            // in the steps' order, whatever order the steps that run at once began in; in the order
            // begun within a step
            None => {
                let step = kind.step().number();
                let at_end = self.entries.iter().rposition(|e| e.kind.step().number() <= step).map_or(0, |i| i + 1);
                self.entries.insert(at_end, Entry { kind, id: id.to_owned(), status, at, identity });
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

/// Writes a file readable by its owner only (its directory too): a temp file of a unique name, synced,
/// renamed over the old one, then the folder synced, so that a reader sees the old content or the new,
/// never a part (see [`crate::state::write_private`]).
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    crate::state::write_private(path, bytes)
}

/// Creates a directory (and its parents) readable by its owner only, whatever the umask.
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    crate::state::create_private_dir(dir)
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
        j.created(Kind::Bucket, "b", Identity::default()).unwrap();
        j.begin(Kind::Role, "arn:aws:iam::123456789012:role/r").unwrap();
        j.created(Kind::Role, "arn:aws:iam::123456789012:role/r", Identity::default()).unwrap();
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
        j.created(Kind::Bucket, "b", Identity::default()).unwrap();
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
        j.created(Kind::Bucket, "b", Identity::default()).unwrap();
        j.forget(Kind::Bucket, "b").unwrap();
        assert!(!j.path().exists());
        assert!(store.read(&target(), "s").unwrap().is_empty());
    }

    #[test]
    fn a_recreated_entry_stays_in_place_and_is_unanswered_until_its_call_returns() {
        let dir = tempfile::tempdir().unwrap();
        let mut j = Store::at(dir.path()).open(&target(), "s").unwrap();
        let old = Identity { id: None, created: Some("2026-01-01T00:00:00Z".into()) };
        j.created(Kind::Bucket, "b", old).unwrap();
        j.created(Kind::Role, "r", Identity::default()).unwrap();
        j.begin(Kind::Bucket, "b").unwrap();
        assert_eq!(
            (j.entries[0].status, &j.entries[0].identity),
            (Status::Creating, &None),
            "the old identity is gone"
        );
        assert_eq!(j.entries.len(), 2);
        let new = Identity { id: None, created: Some("2026-02-01T00:00:00Z".into()) };
        j.created(Kind::Bucket, "b", new.clone()).unwrap();
        assert_eq!((j.entries[0].status, j.entries[0].identity.as_ref()), (Status::Created, Some(&new)));
    }

    #[test]
    fn a_journal_has_an_id_of_its_own_kept_across_reopens_and_given_to_version_1() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::at(dir.path());
        let mut j = store.open(&target(), "s").unwrap();
        assert_eq!(j.id.len(), 16);
        j.begin(Kind::Bucket, "b").unwrap();
        let id = j.id.clone();
        drop(j);
        let again = store.read(&target(), "s").unwrap();
        assert_eq!(again.id, id);
        assert_eq!(again.tag_value(), format!("us-east-1/s/{id}"));
        assert_ne!(store.read(&target(), "t").unwrap().id, id, "another stream's journal has another id");
        // version 1: no id, entries without identity
        let v1 = r#"{"version":1,"account":"123456789012","region":"us-east-1","stream":"s",
            "entries":[{"kind":"bucket","id":"b","status":"created","at":"2026-01-01T00:00:00Z"}]}"#;
        std::fs::write(store.path(&target(), "s"), v1).unwrap();
        let old = store.read(&target(), "s").unwrap();
        assert_eq!((old.version, old.id.len(), old.entries[0].identity.clone()), (2, 16, None));
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
        other.created(Kind::Bucket, "b", Identity::default()).unwrap();
        std::fs::copy(other.path(), &path).unwrap();
        assert!(store.open(&target(), "s").unwrap_err().to_string().contains("not this stream"));
    }
}
