//! The state folder (`$XDG_STATE_HOME/firehose-wizard`, [`crate::state_dir`]): the log, the journals and
//! their locks, the wizard's kept plans. Private to its user, as ssh keeps `~/.ssh`:
//!
//! - What firehose-wizard creates there is private whatever the umask: folders 0700, files 0600, the
//!   modes set explicitly after creating. A file is replaced through a temp file of a unique name
//!   created `O_CREAT|O_EXCL|O_NOFOLLOW` (never a file or a link that is there already), synced, renamed
//!   over the old one, and then the folder is synced ([`write_private`]). The log and the locks are
//!   opened `O_NOFOLLOW`.
//! - What is there is checked before anything is read or written ([`check`]): the folder and everything
//!   in it must be the user's (effective uid) and writable by nobody else, and a symbolic link only when
//!   the link is the user's too (its target is then checked the same way); the folders above it must be
//!   the user's or root's and, when others may write them, sticky (as `/tmp` is; the user's own
//!   primary group may write a folder of the user's, as with the private groups of umask 002). What fails is a
//!   [`Refusal`] that names the path, what is wrong and the command that fixes it.
//!
//! Once the folders are known to be the user's and nobody else's, nobody else can put anything in them
//! afterwards: checked once, at start-up (main.rs), they stay checked.

use std::collections::HashSet;
use std::fs::{File, Metadata, OpenOptions, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::plan::msg::Msg;

/// The mode of every folder firehose-wizard creates.
pub const DIR_MODE: u32 = 0o700;
/// The mode of every file firehose-wizard creates.
pub const FILE_MODE: u32 = 0o600;

/// The effective user id: whose the state folder must be.
pub fn euid() -> u32 {
    // SAFETY: geteuid has no preconditions, touches no memory of ours and cannot fail
    unsafe { libc::geteuid() }
}

/// What is wrong with one path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wrong {
    /// It is not the user's (a folder above the state folder: neither the user's nor root's).
    Owner { uid: u32 },
    /// Its group or others may write it (a folder above the state folder: and it is not sticky).
    Writable { mode: u32 },
    /// A symbolic link that is not the user's (a folder above: neither the user's nor root's).
    Link { uid: u32 },
    /// What it is cannot be read.
    Unreadable { error: Msg },
}

/// A state folder that firehose-wizard will not use, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub path: PathBuf,
    pub wrong: Wrong,
    /// A folder (the fix is `chmod 700`), else a file (`chmod 600`).
    pub dir: bool,
    /// A folder above the state folder, not in it.
    pub above: bool,
}

impl Refusal {
    /// The whole message: what is wrong with which path, and the command that fixes it.
    pub fn msg(&self) -> Msg {
        let path = crate::plan::sanitize(&self.path.display().to_string());
        let quoted = crate::plan::sanitize(&shell_quote(&self.path));
        let user = euid().to_string();
        let problem = match (&self.wrong, self.above) {
            (Wrong::Owner { uid }, false) => msg!(
                "state-not-yours",
                path = path,
                owner = uid.to_string(),
                user = user.clone(),
                fix = format!("chown {user} {quoted}")
            ),
            (Wrong::Owner { uid }, true) => {
                msg!("state-above-not-yours", path = path, owner = uid.to_string(), user = user)
            }
            (Wrong::Writable { mode }, false) => msg!(
                "state-writable",
                path = path,
                mode = format!("{:04o}", mode & 0o7777),
                fix = format!("chmod {} {quoted}", if self.dir { "700" } else { "600" })
            ),
            (Wrong::Writable { mode }, true) => msg!(
                "state-above-writable",
                path = path,
                mode = format!("{:04o}", mode & 0o7777),
                fix = format!("chmod go-w {quoted}")
            ),
            (Wrong::Link { uid }, _) => msg!(
                "state-link-not-yours",
                path = path,
                owner = uid.to_string(),
                user = user.clone(),
                fix = format!("chown -h {user} {quoted}")
            ),
            (Wrong::Unreadable { error }, _) => msg!("state-uncheckable", path = path, error = error.clone()),
        };
        msg!("state-refused", problem = problem)
    }
}

/// A path as a shell word: as it is when it holds no character the shell reads, else in single quotes.
fn shell_quote(p: &Path) -> String {
    let s = p.display().to_string();
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "/._-+,:@%=".contains(c)) {
        s
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// Checks the state folder `root` before anything in it is read or written: the folders above it, the
/// folder and everything in it (a superset of what firehose-wizard opens there). What does not exist
/// yet passes: firehose-wizard creates it private.
pub fn check(root: &Path) -> Result<(), Refusal> {
    let uid = euid();
    let root = std::path::absolute(root).map_err(|e| unreadable(root, &e))?;
    check_above(&root, uid)?;
    check_tree(&root, uid, &mut HashSet::new())
}

fn unreadable(path: &Path, e: &io::Error) -> Refusal {
    Refusal { path: path.to_owned(), wrong: Wrong::Unreadable { error: Msg::io(e) }, dir: false, above: false }
}

/// The metadata of `path` itself (a link is not followed), `None` when there is nothing there.
fn lstat(path: &Path) -> Result<Option<Metadata>, Refusal> {
    match std::fs::symlink_metadata(path) {
        Ok(m) => Ok(Some(m)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(unreadable(path, &e)),
    }
}

/// The folders above `path`, from `/` down, as written and as the links among them resolve: each the
/// user's or root's, and sticky when its group or others may write it.
fn check_above(path: &Path, uid: u32) -> Result<(), Refusal> {
    let above: Vec<&Path> = path.ancestors().skip(1).collect();
    for folder in above.into_iter().rev() {
        let Some(md) = lstat(folder)? else { break };
        if md.file_type().is_symlink() {
            if md.uid() != uid && md.uid() != 0 {
                return Err(Refusal {
                    path: folder.to_owned(),
                    wrong: Wrong::Link { uid: md.uid() },
                    dir: true,
                    above: true,
                });
            }
            let target = std::fs::canonicalize(folder).map_err(|e| unreadable(folder, &e))?;
            for t in target.ancestors() {
                let md = std::fs::metadata(t).map_err(|e| unreadable(t, &e))?;
                folder_above_ok(t, &md, uid)?;
            }
        } else {
            folder_above_ok(folder, &md, uid)?;
        }
    }
    Ok(())
}

fn folder_above_ok(path: &Path, md: &Metadata, uid: u32) -> Result<(), Refusal> {
    let refuse = |wrong| Err(Refusal { path: path.to_owned(), wrong, dir: true, above: true });
    if md.uid() != uid && md.uid() != 0 {
        return refuse(Wrong::Owner { uid: md.uid() });
    }
    // group-writable is fine for a folder of the user's own whose group is the user's own primary
    // group (a private group, as Debian and Ubuntu give each user with umask 002, and as Debian's ssh
    // accepts); others-writable only when sticky
    let own_group = md.uid() == uid && md.gid() == egid();
    let shared = if own_group { md.mode() & 0o002 } else { md.mode() & 0o022 };
    if shared != 0 && md.mode() & 0o1000 == 0 {
        return refuse(Wrong::Writable { mode: md.mode() });
    }
    Ok(())
}

/// The effective group id: a folder above the state folder may be writable by it.
fn egid() -> u32 {
    // SAFETY: getegid has no preconditions, touches no memory of ours and cannot fail
    unsafe { libc::getegid() }
}

/// `path` and, when it is a folder, everything in it: the user's, writable by nobody else; a link only
/// when it is the user's, its target checked the same way (and the folders above the target too).
fn check_tree(path: &Path, uid: u32, seen: &mut HashSet<(u64, u64)>) -> Result<(), Refusal> {
    let Some(md) = lstat(path)? else { return Ok(()) };
    let (real, md) = if md.file_type().is_symlink() {
        if md.uid() != uid {
            return Err(Refusal {
                path: path.to_owned(),
                wrong: Wrong::Link { uid: md.uid() },
                dir: false,
                above: false,
            });
        }
        let target = match std::fs::canonicalize(path) {
            Ok(t) => t,
            // a dangling link of the user's: as if nothing were there (a write replaces the link)
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(unreadable(path, &e)),
        };
        check_above(&target, uid)?;
        let md = std::fs::metadata(&target).map_err(|e| unreadable(&target, &e))?;
        (target, md)
    } else {
        (path.to_owned(), md)
    };
    let refuse = |wrong| Err(Refusal { path: real.clone(), wrong, dir: md.is_dir(), above: false });
    if md.uid() != uid {
        return refuse(Wrong::Owner { uid: md.uid() });
    }
    if md.mode() & 0o022 != 0 {
        return refuse(Wrong::Writable { mode: md.mode() });
    }
    if md.is_dir() && seen.insert((md.dev(), md.ino())) {
        let entries = std::fs::read_dir(&real).map_err(|e| unreadable(&real, &e))?;
        for entry in entries {
            let entry = entry.map_err(|e| unreadable(&real, &e))?;
            check_tree(&entry.path(), uid, seen)?;
        }
    }
    Ok(())
}

/// A name the file system takes as one path component: what is not `[A-Za-z0-9_.-]` becomes `_`, and a
/// name of dots only (`.`, `..`) is `_`, so that a path made of such names never leaves its folder.
pub fn safe_component(s: &str) -> String {
    let s: String = s.chars().map(|c| if c.is_ascii_alphanumeric() || "_.-".contains(c) { c } else { '_' }).collect();
    if s.is_empty() || s.chars().all(|c| c == '.') { "_".into() } else { s }
}

/// Creates `dir` and whatever is missing above it, each new folder 0700 whatever the umask. Folders
/// that exist are left as they are ([`check`] has judged them).
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut missing = Vec::new();
    let mut at = dir;
    while !at.as_os_str().is_empty() {
        match std::fs::metadata(at) {
            Ok(_) => break,
            Err(e) if e.kind() == io::ErrorKind::NotFound => missing.push(at),
            Err(e) => return Err(e),
        }
        match at.parent() {
            Some(p) => at = p,
            None => break,
        }
    }
    for folder in missing.into_iter().rev() {
        match std::fs::DirBuilder::new().mode(DIR_MODE).create(folder) {
            // the umask may have taken bits away: the mode is set, not asked for
            Ok(()) => std::fs::set_permissions(folder, Permissions::from_mode(DIR_MODE))?,
            // made meanwhile by another run
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && folder.is_dir() => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Opens `path` never through a symbolic link (`O_NOFOLLOW`); `create_new`: only a file that is not
/// there yet (`O_EXCL`), then made 0600 whatever the umask.
fn open_nofollow(path: &Path, opts: &mut OpenOptions, create_new: bool) -> io::Result<File> {
    opts.mode(FILE_MODE).custom_flags(libc::O_NOFOLLOW);
    if create_new {
        opts.create_new(true);
    }
    let file = opts.open(path)?;
    if create_new && let Err(e) = file.set_permissions(Permissions::from_mode(FILE_MODE)) {
        let _ = std::fs::remove_file(path);
        return Err(e);
    }
    Ok(file)
}

/// Opens a file of the state folder to read and write it, creating it when missing (the stream's lock):
/// never through a link, 0600 whatever the umask, and only a file of the user's.
pub fn open_private(path: &Path) -> io::Result<File> {
    let file = open_nofollow(path, OpenOptions::new().read(true).write(true).create(true).truncate(false), false)?;
    let md = file.metadata()?;
    if md.uid() != euid() {
        return Err(io::Error::new(io::ErrorKind::PermissionDenied, format!("it belongs to uid {}", md.uid())));
    }
    if md.mode() & 0o7777 != FILE_MODE {
        file.set_permissions(Permissions::from_mode(FILE_MODE))?;
    }
    Ok(file)
}

/// Opens the log to append to it (`O_APPEND`), never through a link; a new log is 0600 whatever the
/// umask.
pub fn open_log(path: &Path) -> io::Result<File> {
    match open_nofollow(path, OpenOptions::new().append(true), true) {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            open_nofollow(path, OpenOptions::new().append(true), false)
        }
        other => other,
    }
}

/// Replaces `path` with `bytes`, readable by its owner only, so that a reader (or a crash) sees the old
/// content or the new, never a part: a temp file of a unique name beside it, created
/// `O_CREAT|O_EXCL|O_NOFOLLOW`, written and synced, renamed over `path` (a link there is replaced, never
/// followed), then the folder synced so that the rename itself survives a crash. A failed write removes
/// its temp file. Missing folders are created 0700.
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    create_private_dir(dir)?;
    let (tmp, mut file) = create_temp(path)?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    drop(file);
    if let Err(e) = written.and_then(|()| std::fs::rename(&tmp, path)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    sync_dir(dir)
}

/// A new temp file beside `path`: `NAME.PID.N.RANDOM.tmp`, never one that is there already.
fn create_temp(path: &Path) -> io::Result<(PathBuf, File)> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    create_temp_from(path, &mut || (COUNTER.fetch_add(1, Ordering::Relaxed), rand::random::<u32>()))
}

/// [`create_temp`] with the suffixes drawn from `next` (a counter and a random number).
fn create_temp_from(path: &Path, next: &mut dyn FnMut() -> (u64, u32)) -> io::Result<(PathBuf, File)> {
    let name = path.file_name().ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    let mut last = None;
    for _ in 0..8 {
        let (n, random) = next();
        let mut tmp = name.to_owned();
        tmp.push(format!(".{}.{n}.{random:08x}.tmp", std::process::id()));
        let tmp = path.with_file_name(tmp);
        match open_nofollow(&tmp, OpenOptions::new().write(true), true) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.expect("eight tries"))
}

/// Syncs a folder, so that a rename in it survives a crash (a file system that cannot sync a folder
/// says EINVAL: nothing more can be done there).
fn sync_dir(dir: &Path) -> io::Result<()> {
    match File::open(dir)?.sync_all() {
        Err(e) if e.raw_os_error() == Some(libc::EINVAL) => Ok(()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(p: &Path) -> u32 {
        std::fs::symlink_metadata(p).unwrap().mode() & 0o7777
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> =
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        v.sort();
        v
    }

    #[test]
    fn a_write_goes_through_a_temp_file_of_its_own_and_leaves_none() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/s.json");
        write_private(&path, b"one").unwrap();
        write_private(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(names(path.parent().unwrap()), ["s.json"], "no temp file is left");
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&dir.path().join("a")), 0o700);
        assert_eq!(mode(&dir.path().join("a/b")), 0o700);
        // two temp files of the same target never share a name
        let (t1, _f1) = create_temp(&path).unwrap();
        let (t2, _f2) = create_temp(&path).unwrap();
        assert_ne!(t1, t2);
        let t1_name = t1.file_name().unwrap().to_string_lossy().into_owned();
        assert!(t1_name.starts_with(&format!("s.json.{}.", std::process::id())), "{t1_name}");
        assert!(t1_name.ends_with(".tmp"), "{t1_name}");
        assert_eq!(mode(&t1), 0o600);
    }

    #[test]
    fn a_planted_temp_link_or_a_link_in_place_of_the_file_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "precious").unwrap();
        let state = dir.path().join("state");
        std::fs::create_dir(&state).unwrap();
        let path = state.join("s.json");
        // the old fixed temp name is a link to the victim: never used
        std::os::unix::fs::symlink(&victim, state.join("s.json.tmp")).unwrap();
        write_private(&path, b"journal").unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(std::fs::read(&path).unwrap(), b"journal");
        // the name the next temp file draws is planted as a link: refused (O_EXCL), the next name taken
        let mut draws = [(7, 0xdead_0001u32), (8, 0xdead_0002)].into_iter();
        let planted = state.join(format!("s.json.{}.7.dead0001.tmp", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        let (tmp, mut f) = create_temp_from(&path, &mut || draws.next().unwrap()).unwrap();
        f.write_all(b"x").unwrap();
        assert_eq!(tmp, state.join(format!("s.json.{}.8.dead0002.tmp", std::process::id())));
        assert!(std::fs::symlink_metadata(&planted).unwrap().file_type().is_symlink(), "left alone");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        assert_eq!(std::fs::read(&tmp).unwrap(), b"x");
        // a link in place of the file itself is replaced, not followed
        std::fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink(&victim, &path).unwrap();
        write_private(&path, b"again").unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        assert!(!std::fs::symlink_metadata(&path).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read(&path).unwrap(), b"again");
    }

    #[test]
    fn an_existing_temp_name_is_refused_by_o_excl() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.tmp");
        std::fs::write(&p, "there").unwrap();
        let e = open_nofollow(&p, OpenOptions::new().write(true), true).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "there");
    }

    #[test]
    fn a_failed_write_removes_its_temp_file() {
        let dir = tempfile::tempdir().unwrap();
        // renaming a file over a non-empty folder fails after the temp file was written
        let path = dir.path().join("s.json");
        std::fs::create_dir(&path).unwrap();
        std::fs::write(path.join("inside"), "x").unwrap();
        assert!(write_private(&path, b"data").is_err());
        assert_eq!(names(dir.path()), ["s.json"], "the temp file is gone");
    }

    #[test]
    fn the_log_and_the_lock_are_never_opened_through_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "precious").unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        assert!(open_log(&link).is_err());
        assert!(open_private(&link).is_err());
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        let log = dir.path().join("new.log");
        let mut f = open_log(&log).unwrap();
        writeln!(f, "one").unwrap();
        drop(f);
        writeln!(open_log(&log).unwrap(), "two").unwrap();
        assert_eq!(std::fs::read_to_string(&log).unwrap(), "one\ntwo\n", "appended");
        assert_eq!(mode(&log), 0o600);
        let lock = dir.path().join("s.lock");
        std::fs::write(&lock, "").unwrap();
        std::fs::set_permissions(&lock, Permissions::from_mode(0o666)).unwrap();
        open_private(&lock).unwrap();
        assert_eq!(mode(&lock), 0o600, "an existing lock is made private");
    }

    #[test]
    fn a_private_tree_passes_and_what_others_may_write_is_refused_with_its_fix() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("state/firehose-wizard");
        assert_eq!(check(&root), Ok(()), "nothing there yet");
        write_private(&root.join("journal/123456789012/us-east-1/s.json"), b"{}").unwrap();
        assert_eq!(check(&root), Ok(()));
        let journal_dir = root.join("journal/123456789012");
        std::fs::set_permissions(&journal_dir, Permissions::from_mode(0o777)).unwrap();
        let r = check(&root).unwrap_err();
        assert_eq!((r.path.as_path(), r.dir, r.above), (journal_dir.as_path(), true, false));
        assert!(matches!(r.wrong, Wrong::Writable { mode } if mode & 0o777 == 0o777), "{r:?}");
        let text = crate::i18n::in_english(&r.msg());
        assert!(text.contains(&format!("chmod 700 {}", journal_dir.display())), "{text}");
        assert!(text.contains("0777"), "{text}");
        std::fs::set_permissions(&journal_dir, Permissions::from_mode(0o700)).unwrap();
        let file = journal_dir.join("us-east-1/s.json");
        std::fs::set_permissions(&file, Permissions::from_mode(0o620)).unwrap();
        let r = check(&root).unwrap_err();
        assert_eq!((r.path.as_path(), r.dir), (file.as_path(), false));
        assert!(crate::i18n::in_english(&r.msg()).contains(&format!("chmod 600 {}", file.display())));
    }

    #[test]
    fn folders_above_may_be_shared_only_when_sticky() {
        let dir = tempfile::tempdir().unwrap();
        let shared = dir.path().join("shared");
        std::fs::create_dir(&shared).unwrap();
        std::fs::set_permissions(&shared, Permissions::from_mode(0o777)).unwrap();
        let root = shared.join("state/firehose-wizard");
        let r = check(&root).unwrap_err();
        assert_eq!((r.path.as_path(), r.above), (shared.as_path(), true));
        assert!(crate::i18n::in_english(&r.msg()).contains(&format!("chmod go-w {}", shared.display())));
        std::fs::set_permissions(&shared, Permissions::from_mode(0o1777)).unwrap();
        assert_eq!(check(&root), Ok(()), "sticky, as /tmp");
        // the user's private group may write a folder of the user's (umask 002), another group may not
        std::fs::set_permissions(&shared, Permissions::from_mode(0o775)).unwrap();
        assert_eq!(check(&root), Ok(()), "group-writable by the user's own group");
        if euid() == 0 {
            std::os::unix::fs::chown(&shared, None, Some(65534)).unwrap();
            let r = check(&root).unwrap_err();
            assert_eq!((r.path.as_path(), r.above), (shared.as_path(), true), "another group may write it");
        }
    }

    #[test]
    fn a_link_of_the_users_is_followed_and_its_target_checked() {
        let dir = tempfile::tempdir().unwrap();
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).unwrap();
        let root = dir.path().join("firehose-wizard");
        std::os::unix::fs::symlink(&elsewhere, &root).unwrap();
        std::fs::set_permissions(&elsewhere, Permissions::from_mode(0o700)).unwrap();
        assert_eq!(check(&root), Ok(()));
        std::fs::set_permissions(&elsewhere, Permissions::from_mode(0o757)).unwrap();
        let r = check(&root).unwrap_err();
        assert_eq!(r.path, std::fs::canonicalize(&elsewhere).unwrap(), "the target is named, where chmod acts");
    }

    #[test]
    fn a_path_with_spaces_or_quotes_is_quoted_for_the_shell() {
        assert_eq!(
            shell_quote(Path::new("/home/u/.local/state/firehose-wizard")),
            "/home/u/.local/state/firehose-wizard"
        );
        assert_eq!(shell_quote(Path::new("/tmp/a b")), "'/tmp/a b'");
        assert_eq!(shell_quote(Path::new("/tmp/it's")), r"'/tmp/it'\''s'");
    }
}
