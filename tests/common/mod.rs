//! Test harness: a real moto server on 127.0.0.1 (one per test), the real binary, real SDK clients.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_sdk_s3::config::Credentials;

pub mod firehose;
pub mod lang;
pub mod plans;
pub mod proxy;
pub mod pty;
pub mod strategies;

/// A distinctive secret, so that a test can prove it never reaches the log.
pub const SECRET_KEY: &str = "moto-secret-MUST-NOT-BE-LOGGED-7f3a";
pub const ACCESS_KEY: &str = "AKIDFIREHOSEWIZARDTEST";
pub const ACCOUNT: &str = "123456789012";

fn moto_binary() -> PathBuf {
    if let Some(p) = std::env::var_os("MOTO_SERVER") {
        return PathBuf::from(p);
    }
    // moto with the CBOR protocol adapter (scripts/moto_cbor.py): the SDK calls CloudWatch over CBOR
    let local = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/moto-server");
    if Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/moto_server").exists() {
        return local;
    }
    panic!(
        "moto_server not found (looked at $MOTO_SERVER and {}): run scripts/emulator-install.sh, or the README's test command, which does",
        local.display()
    );
}

/// A moto server of this test's own, killed when dropped.
pub struct Moto {
    child: Child,
    pub url: String,
    pub port: u16,
}

impl Moto {
    pub fn start() -> Moto {
        let mut child = Command::new(moto_binary())
            .args(["-H", "127.0.0.1", "-p", "0"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start moto_server");
        let stderr = child.stderr.take().expect("piped stderr");
        let (tx, rx) = mpsc::channel();
        // Read the port from "Running on http://127.0.0.1:PORT", then keep draining: moto writes an
        // access-log line per request and would block on a full pipe.
        std::thread::spawn(move || {
            let mut tx = Some(tx);
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if let Some(rest) = line.split("Running on http://127.0.0.1:").nth(1)
                    && let Some(tx) = tx.take()
                {
                    let port: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
                    let _ = tx.send(port.parse::<u16>().expect("port"));
                }
            }
        });
        let port = match rx.recv_timeout(Duration::from_secs(20)) {
            Ok(p) => p,
            Err(_) => {
                let _ = child.kill();
                panic!("moto_server did not report its port within 20 s");
            }
        };
        let moto = Moto { child, url: format!("http://127.0.0.1:{port}"), port };
        for _ in 0..500 {
            if moto.post("/moto-api/reset").is_some_and(|status| status == 200) {
                return moto;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("moto_server on port {port} never answered /moto-api/reset");
    }

    /// A bare HTTP POST; returns the status code.
    fn post(&self, path: &str) -> Option<u16> {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
        write!(s, "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").ok()?;
        let mut buf = String::new();
        s.read_to_string(&mut buf).ok()?;
        buf.split_whitespace().nth(1)?.parse().ok()
    }

    /// The SDK configuration a test uses to seed and inspect the emulator (account 123456789012).
    pub async fn sdk(&self, region: &str) -> SdkConfig {
        aws_config::defaults(BehaviorVersion::latest())
            .http_client(firehose_wizard::cloud::https_client())
            .endpoint_url(&self.url)
            .region(Region::new(region.to_owned()))
            .credentials_provider(Credentials::new(ACCESS_KEY, SECRET_KEY, None, None, "test"))
            .load()
            .await
    }

    /// The SDK configuration of another account (111111111111), through STS AssumeRole, which moto
    /// honours by acting as the role's account.
    pub async fn other_account_sdk(&self, region: &str) -> SdkConfig {
        let sdk = self.sdk(region).await;
        let creds = aws_sdk_sts::Client::new(&sdk)
            .assume_role()
            .role_arn("arn:aws:iam::111111111111:role/other")
            .role_session_name("other-account")
            .send()
            .await
            .expect("assume role")
            .credentials
            .expect("credentials");
        aws_config::defaults(BehaviorVersion::latest())
            .http_client(firehose_wizard::cloud::https_client())
            .endpoint_url(&self.url)
            .region(Region::new(region.to_owned()))
            .credentials_provider(Credentials::new(
                creds.access_key_id(),
                creds.secret_access_key(),
                Some(creds.session_token().to_owned()),
                None,
                "other",
            ))
            .load()
            .await
    }

    /// Creates an on-demand Kinesis data stream (the workshop's earlier step); returns its ARN.
    pub async fn create_kinesis_stream(&self, region: &str, name: &str) -> String {
        use aws_sdk_kinesis::types::{StreamMode, StreamModeDetails};
        let k = aws_sdk_kinesis::Client::new(&self.sdk(region).await);
        k.create_stream()
            .stream_name(name)
            .stream_mode_details(StreamModeDetails::builder().stream_mode(StreamMode::OnDemand).build().unwrap())
            .send()
            .await
            .unwrap();
        format!("arn:aws:kinesis:{region}:{ACCOUNT}:stream/{name}")
    }

    /// The names of the buckets account 123456789012 owns.
    pub async fn bucket_names(&self) -> Vec<String> {
        let s3 = aws_sdk_s3::Client::new(&self.sdk("us-east-1").await);
        s3.list_buckets().send().await.unwrap().buckets().iter().filter_map(|b| b.name().map(str::to_owned)).collect()
    }

    /// A program of the project's virtualenv (the AWS CLI, bash running an exported script...) with
    /// an environment that reaches only this emulator: the virtualenv's tools first on PATH, empty
    /// AWS config files, this emulator's endpoint and test credentials, us-east-1.
    pub fn tool(&self, dir: &Path, program: &str) -> Command {
        let empty = dir.join("empty-aws-config");
        std::fs::write(&empty, "").unwrap();
        let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv/bin");
        assert!(venv.join("aws").exists(), "no AWS CLI in .venv: run scripts/emulator-install.sh");
        let mut cmd = Command::new(program);
        cmd.env_clear()
            .env("PATH", format!("{}:/usr/local/bin:/usr/bin:/bin", venv.display()))
            .env("HOME", dir)
            .env("AWS_CONFIG_FILE", &empty)
            .env("AWS_SHARED_CREDENTIALS_FILE", &empty)
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env("AWS_ENDPOINT_URL", &self.url)
            .env("AWS_ACCESS_KEY_ID", ACCESS_KEY)
            .env("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
            .env("AWS_REGION", "us-east-1")
            // AWS CLI v1 reads only this one
            .env("AWS_DEFAULT_REGION", "us-east-1")
            .current_dir(dir)
            .stdin(Stdio::null());
        cmd
    }

    /// The binary, with an environment that reaches only this emulator: no developer profiles, no
    /// instance metadata, a log file of the test's own.
    pub fn command(&self, dir: &Path) -> Command {
        let mut cmd = bin(dir);
        cmd.env("AWS_ENDPOINT_URL", &self.url)
            .env("AWS_ACCESS_KEY_ID", ACCESS_KEY)
            .env("AWS_SECRET_ACCESS_KEY", SECRET_KEY)
            .env("AWS_REGION", "us-east-1");
        cmd
    }
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The binary with a clean environment: empty AWS config files, HOME and the log inside `dir`.
pub fn bin(dir: &Path) -> Command {
    let empty = dir.join("empty-aws-config");
    std::fs::write(&empty, "").unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_firehose-wizard"));
    cmd.env_clear()
        .env("HOME", dir)
        .env("AWS_CONFIG_FILE", &empty)
        .env("AWS_SHARED_CREDENTIALS_FILE", &empty)
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .arg("--log-file")
        .arg(dir.join("firehose-wizard.log"))
        .current_dir(dir)
        .stdin(Stdio::null());
    cmd
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(cmd: &mut Command) -> Run {
    let Output { status, stdout, stderr } = cmd.output().expect("run the binary");
    let r = Run {
        code: status.code().expect("exited, not killed by a signal"),
        stdout: String::from_utf8(stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(stderr).expect("utf-8 stderr"),
    };
    assert!(!r.stderr.contains("panicked") && !r.stderr.contains("RUST_BACKTRACE"), "no panic expected:\n{}", r.stderr);
    r
}

pub fn write_plan(dir: &Path, name: &str, plan: &firehose_wizard::plan::Plan) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, plan.to_json_pretty()).unwrap();
    path
}

/// A runtime for the SDK calls a test makes itself.
pub fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
}

/// An inline policy of a role, decoded from IAM's URL encoding.
pub async fn role_policy(iam: &aws_sdk_iam::Client, role: &str, name: &str) -> serde_json::Value {
    let out = iam.get_role_policy().role_name(role).policy_name(name).send().await.unwrap();
    firehose_wizard::plan::policy::decode_policy_document(out.policy_document()).expect("a JSON policy document")
}

/// The names of a role's inline policies, sorted.
pub async fn role_policy_names(iam: &aws_sdk_iam::Client, role: &str) -> Vec<String> {
    let mut names = iam.list_role_policies().role_name(role).send().await.unwrap().policy_names().to_vec();
    names.sort();
    names
}

/// Where the binary, run with `HOME=home` (as `bin` does), keeps the journal of `stream` in account
/// 123456789012 and us-east-1: under the one endpoint directory (`endpoint-127.0.0.1_PORT`) of the
/// emulator or proxy it talked to, when there is one.
pub fn journal_path(home: &Path, stream: &str) -> PathBuf {
    state_path(home, "journal", stream)
}

/// As if the user came back after the settling window: moves the time of the journal's `creating`
/// entries two hours back.
pub fn backdate_unanswered(journal_path: &Path) {
    let mut j: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(journal_path).unwrap()).unwrap();
    for e in j["entries"].as_array_mut().unwrap() {
        if e["status"] == "creating" {
            let then = chrono::Utc::now() - chrono::Duration::hours(2);
            e["at"] = serde_json::json!(then.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
        }
    }
    std::fs::write(journal_path, serde_json::to_vec_pretty(&j).unwrap()).unwrap();
}

/// Where the wizard, run with `HOME=home`, keeps the plan it created `stream` from.
pub fn kept_plan_path(home: &Path, stream: &str) -> PathBuf {
    state_path(home, "plans", stream)
}

fn state_path(home: &Path, kind: &str, stream: &str) -> PathBuf {
    let root = home.join(".local/state/firehose-wizard").join(kind);
    let mut endpoints: Vec<PathBuf> = std::fs::read_dir(&root)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("endpoint-")))
        .collect();
    assert!(endpoints.len() <= 1, "one endpoint per test home: {endpoints:?}");
    endpoints.pop().unwrap_or(root).join(ACCOUNT).join("us-east-1").join(format!("{stream}.json"))
}

/// The text of a rendered screen, one line per row, trailing spaces cut (a wide character's second
/// cell is a continuation, not a space).
pub fn screen_text(buf: &ratatui::buffer::Buffer) -> String {
    (0..buf.area.height)
        .map(|y| {
            let mut line = String::new();
            let mut x = 0;
            while x < buf.area.width {
                let sym = buf[(x, y)].symbol();
                line.push_str(sym);
                x += unicode_width::UnicodeWidthStr::width(sym).max(1) as u16;
            }
            line.trim_end().to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
