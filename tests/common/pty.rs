//! The real binary in a pseudo-terminal (portable-pty), its screen read through a vt100 parser: spawn
//! with a clean environment, send keys, wait for text on screen (never a bare sleep), check that the
//! terminal was given back.

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use super::{ACCESS_KEY, Moto, SECRET_KEY};

pub const TIMEOUT: Duration = Duration::from_secs(20);
const ENTER_ALT: &[u8] = b"\x1b[?1049h";
const LEAVE_ALT: &[u8] = b"\x1b[?1049l";

pub struct Pty {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
}

impl Pty {
    pub fn spawn(dir: &Path, moto: Option<&Moto>, args: &[&str], size: (u16, u16)) -> Pty {
        Pty::spawn_at(dir, moto.map(|m| m.url.as_str()), args, size)
    }

    /// The wizard with AWS_ENDPOINT_URL set to `endpoint` (moto, or a proxy in front of it).
    pub fn spawn_at(dir: &Path, endpoint: Option<&str>, args: &[&str], size: (u16, u16)) -> Pty {
        Pty::spawn_env(dir, endpoint, args, size, &[])
    }

    pub fn spawn_env(dir: &Path, endpoint: Option<&str>, args: &[&str], size: (u16, u16), env: &[(&str, &str)]) -> Pty {
        Pty::spawn_under(dir, endpoint, args, size, env, None)
    }

    /// [`Pty::spawn_env`] through `sh -c 'umask UMASK; exec firehose-wizard ...'`.
    pub fn spawn_umask(dir: &Path, endpoint: Option<&str>, args: &[&str], size: (u16, u16), umask: &str) -> Pty {
        Pty::spawn_under(dir, endpoint, args, size, &[], Some(umask))
    }

    fn spawn_under(
        dir: &Path,
        endpoint: Option<&str>,
        args: &[&str],
        size: (u16, u16),
        env: &[(&str, &str)],
        umask: Option<&str>,
    ) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize { rows: size.0, cols: size.1, pixel_width: 0, pixel_height: 0 })
            .expect("open a pty");
        let empty = dir.join("empty-aws-config");
        std::fs::write(&empty, "").unwrap();
        let mut cmd = match umask {
            None => CommandBuilder::new(env!("CARGO_BIN_EXE_firehose-wizard")),
            Some(umask) => {
                let mut sh = CommandBuilder::new("/bin/sh");
                sh.args(["-c", &format!("umask {umask}; exec \"$0\" \"$@\""), env!("CARGO_BIN_EXE_firehose-wizard")]);
                sh
            }
        };
        cmd.env_clear();
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", dir);
        cmd.env("AWS_CONFIG_FILE", &empty);
        cmd.env("AWS_SHARED_CREDENTIALS_FILE", &empty);
        cmd.env("AWS_EC2_METADATA_DISABLED", "true");
        cmd.env("AWS_REGION", "us-east-1");
        cmd.env("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        cmd.env("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        if let Some(url) = endpoint {
            cmd.env("AWS_ENDPOINT_URL", url);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.arg("--log-file");
        cmd.arg(dir.join("firehose-wizard.log"));
        for a in args {
            cmd.arg(a);
        }
        cmd.cwd(dir);
        let child = pair.slave.spawn_command(cmd).expect("spawn in the pty");
        // the child has its own handle on the slave; ours would keep the pty open after it exits
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let parser = Arc::new(Mutex::new(vt100::Parser::new(size.0, size.1, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, r) = (parser.clone(), raw.clone());
        // drain continuously on a thread of its own, so the child never blocks on a full pty
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Pty { child, master: pair.master, writer, parser, raw }
    }

    /// Every byte the program wrote to the terminal so far.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until every needle is on screen; on timeout, fails showing the screen.
    pub fn wait_for(&self, needles: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if needles.iter().all(|n| s.contains(n)) {
                return s;
            }
            assert!(start.elapsed() < TIMEOUT, "timed out waiting for {needles:?}; the screen:\n{s}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Sends keys, then leaves the app a moment (an ESC followed at once by another key would read as Alt).
    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(60));
    }

    /// Resizes the terminal: the screen model first, then the pty. The program redraws as soon as it
    /// sees the new size, and that frame must be read at the new size (ratatui clears and redraws
    /// everything on a resize).
    pub fn resize(&mut self, rows: u16, cols: u16) {
        self.parser.lock().unwrap().screen_mut().set_size(rows, cols);
        self.master.resize(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).unwrap();
    }

    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // let the drain thread take the last bytes
                std::thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            assert!(start.elapsed() < TIMEOUT, "the wizard did not exit; the screen:\n{}", self.screen());
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// From the lab's first screen with its stream listed, Ctrl-N to Review, then Create and `y`.
    pub fn create_lab(&mut self) {
        self.wait_for(&["Step 1/5", "1 ACTIVE"]);
        for step in ["Step 2/5", "Step 3/5", "Step 4/5", "Step 5/5"] {
            self.send(b"\x0e");
            self.wait_for(&[step]);
        }
        self.send(b"c");
        self.wait_for(&["Create the delivery stream"]);
        self.send(b"y");
    }

    /// Sends a signal (`TERM`, `HUP`, ...) to the wizard.
    pub fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("pid").to_string();
        let status = std::process::Command::new("kill").arg(format!("-{name}")).arg(pid).status().unwrap();
        assert!(status.success(), "kill -{name}");
    }

    /// The terminal was given back: the alternate screen was left after it was last entered, the
    /// cursor shown again.
    pub fn assert_restored(&self) {
        let raw = self.raw.lock().unwrap();
        let last = |needle: &[u8]| raw.windows(needle.len()).rposition(|w| w == needle);
        let entered = last(ENTER_ALT).expect("the wizard used the alternate screen");
        let left = last(LEAVE_ALT).expect("the wizard left the alternate screen");
        assert!(left > entered, "the alternate screen was entered again after it was left");
        let shown = last(b"\x1b[?25h").expect("the cursor was shown again");
        assert!(shown > entered);
        assert!(!self.parser.lock().unwrap().screen().alternate_screen(), "still on the alternate screen");
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
