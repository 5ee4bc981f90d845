//! `send`, `smoke-test` and `status`: data through a delivery stream, for any stream in the account
//! (named with `--stream`, or by a plan file's `name`).

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{EXIT_INPUT, EXIT_PROBLEMS, fail, load_plan, runtime};
use crate::cloud::dataflow::{self, RetryPolicy, SendEvent, Sink, SmokeEvent, SmokeOptions};
use crate::cloud::{Cloud, Options, monitor};
use crate::plan::{names, records, sanitize};
use crate::report;
use crate::{say, tell};

/// The stream a command is about.
#[derive(Debug, Clone)]
pub enum StreamRef {
    /// The `name` of a plan file.
    Plan(PathBuf),
    /// `--stream NAME`.
    Name(String),
}

impl StreamRef {
    /// The delivery stream's name, or the exit code after saying why there is none.
    pub fn name(&self) -> Result<String, u8> {
        let (name, what) = match self {
            StreamRef::Plan(path) => (load_plan(path)?.name, "name"),
            StreamRef::Name(n) => (n.clone(), "--stream"),
        };
        names::delivery_stream_name(&name).map_err(|m| {
            tell!("{}", t!("cli-error", error = format!("{what}: {}", sanitize(&m.to_string()))));
            EXIT_INPUT
        })?;
        Ok(name)
    }
}

/// Runs `work` on a runtime with the clients connected.
fn with_cloud<F>(opts: &Options, log: Option<&Path>, work: impl FnOnce(Cloud) -> F) -> u8
where
    F: std::future::Future<Output = u8>,
{
    let rt = match runtime() {
        Ok(r) => r,
        Err(code) => return code,
    };
    let code = rt.block_on(async {
        match super::connect(opts).await {
            Ok(cloud) => work(cloud).await,
            Err(e) => fail(&e, log),
        }
    });
    rt.shutdown_timeout(Duration::from_millis(200));
    code
}

/// Prints what `send` reports as it goes (retries on stderr).
fn print_send_event(e: &SendEvent) {
    if let Some(line) = report::retry_line(e) {
        tell!("{line}");
    }
}

fn print_lines(lines: &report::Lines) {
    for (_, line) in lines {
        say!("{line}");
    }
}

/// The most a `--file` may hold.
const MAX_FILE: u64 = 512 << 20;

/// `send (PLAN | --stream NAME) [--records N] [--file FILE]`.
pub fn cmd_send(
    opts: &Options,
    target: &StreamRef,
    count: Option<usize>,
    file: Option<&Path>,
    log: Option<&Path>,
) -> u8 {
    let name = match target.name() {
        Ok(n) => n,
        Err(code) => return code,
    };
    // the file is read before any AWS call, so that a bad one is a quick, clear error
    let bytes = match file {
        None => None,
        Some(path) => {
            let shown = sanitize(&path.display().to_string());
            let read = std::fs::File::open(path).and_then(|f| {
                use std::io::Read;
                let mut buf = Vec::new();
                f.take(MAX_FILE + 1).read_to_end(&mut buf)?;
                Ok(buf)
            });
            match read {
                Ok(b) if b.len() as u64 > MAX_FILE => {
                    tell!(
                        "{}",
                        t!("send-file-large", path = shown, max = crate::plan::dataflow::format_bytes(MAX_FILE))
                    );
                    return EXIT_INPUT;
                }
                Ok(b) => Some((shown, b)),
                Err(e) => {
                    tell!(
                        "{}",
                        t!("send-file-unreadable", path = shown, error = crate::plan::msg::Msg::io(&e).to_string())
                    );
                    return EXIT_INPUT;
                }
            }
        }
    };
    with_cloud(opts, log, |cloud| async move {
        let facts = match monitor::stream_facts(&cloud, &name).await {
            Ok(f) => f,
            Err(e) => return fail(&e, log),
        };
        let sink = match Sink::of(&facts) {
            Ok(s) => s,
            Err(e) => return fail(&e, log),
        };
        if facts.status != "ACTIVE" {
            return fail(&dataflow::not_active(&facts), log);
        }
        let newline = !facts.s3.as_ref().is_some_and(|s| s.appends_delimiter);
        let data: Vec<Vec<u8>> = match bytes {
            Some((shown, bytes)) => {
                let limit = match dataflow::record_limit(&cloud, &sink).await {
                    Ok(l) => l,
                    Err(e) => return fail(&e, log),
                };
                match records::json_lines(&bytes, newline, limit) {
                    Ok(mut lines) => {
                        if let Some(n) = count {
                            if n > lines.len() {
                                tell!("{}", t!("send-file-fewer", path = shown.clone(), count = lines.len()));
                            }
                            lines.truncate(n);
                        }
                        lines
                    }
                    Err(e) => {
                        tell!("{}", t!("cli-plan-file-error", path = shown, error = sanitize(&e.to_string())));
                        return EXIT_INPUT;
                    }
                }
            }
            None => {
                let now = chrono::Utc::now();
                let marker = records::marker(now, &mut rand::rng());
                tell!("{}", t!("send-marked", field = records::MARKER_FIELD, marker = marker.clone()));
                records::retail(count.unwrap_or(10), &marker, now, &mut rand::rng())
                    .iter()
                    .map(|r| records::encode(r, newline))
                    .collect()
            }
        };
        if !newline {
            tell!("{}", t!("send-no-newline"));
        }
        match &sink {
            Sink::Kinesis { .. } => {
                tell!("{}", t!("send-sending-source", count = data.len(), to = sink.describe(), stream = name.clone()))
            }
            Sink::Firehose { .. } => tell!("{}", t!("send-sending", count = data.len(), to = sink.describe())),
        }
        let report = dataflow::send(&cloud, &sink, &data, RetryPolicy::default(), |e| print_send_event(&e)).await;
        say!("{}", report::send_summary(&report));
        let failures = report::send_failures(&report);
        for (_, l) in &failures {
            tell!("{l}");
        }
        if report.complete() {
            0
        } else {
            if let Some(p) = log {
                tell!("{}", t!("cli-log", path = p.display().to_string()));
            }
            EXIT_PROBLEMS
        }
    })
}

/// `smoke-test (PLAN | --stream NAME) [--records N] [--timeout SECS]`.
pub fn cmd_smoke_test(
    opts: &Options,
    target: &StreamRef,
    count: usize,
    timeout: Option<u64>,
    log: Option<&Path>,
) -> u8 {
    let name = match target.name() {
        Ok(n) => n,
        Err(code) => return code,
    };
    with_cloud(opts, log, |cloud| async move {
        let facts = match monitor::stream_facts(&cloud, &name).await {
            Ok(f) => f,
            Err(e) => return fail(&e, log),
        };
        let options = SmokeOptions::new(&facts, count, timeout.map(Duration::from_secs));
        let tty = std::io::stderr().is_terminal();
        let mut last_line = Instant::now() - Duration::from_secs(60);
        let mut last_arrived = usize::MAX;
        let verdict = dataflow::smoke_test(&cloud, &facts, options, |e| match e {
            SmokeEvent::Sending { to, marker, records } => {
                tell!("{}", t!("smoke-sending", stream = name.clone(), records = records, to = to, marker = marker))
            }
            SmokeEvent::Send(e) => print_send_event(&e),
            SmokeEvent::Sent(r) => tell!("{}", report::send_summary(&r)),
            SmokeEvent::Waiting { elapsed, timeout, buffer_interval, arrived, expected, looking } => {
                let line = report::waiting_line(elapsed, timeout, buffer_interval, arrived, expected);
                if tty {
                    use std::io::Write as _;
                    let _ = write!(std::io::stderr(), "\r\x1b[2K{line}");
                } else if last_line.elapsed() >= Duration::from_secs(15) || arrived != last_arrived {
                    if last_arrived == usize::MAX
                        && let Some(root) = looking.first()
                    {
                        let place = format!("s3://{}/{}", facts.s3.as_ref().map_or("", |s| &s.bucket), sanitize(root));
                        tell!("{}", t!("smoke-looking", place = place));
                    }
                    tell!("{line}");
                    last_line = Instant::now();
                }
                last_arrived = arrived;
            }
        })
        .await;
        if tty {
            tell!("");
        }
        match verdict {
            Ok(v) => {
                print_lines(&report::verdict(&v));
                if v.ok { 0 } else { EXIT_PROBLEMS }
            }
            Err(e) => fail(&e, log),
        }
    })
}

/// `status (PLAN | --stream NAME) [--json]`.
pub fn cmd_status(opts: &Options, target: &StreamRef, json: bool, log: Option<&Path>) -> u8 {
    let name = match target.name() {
        Ok(n) => n,
        Err(code) => return code,
    };
    with_cloud(opts, log, |cloud| async move {
        match monitor::snapshot(&cloud, &name, &Default::default()).await {
            Ok(s) if json => {
                // C1 controls and format characters as \uXXXX too, the text parsing back as AWS gave it
                say!("{}", crate::plan::to_json_string_pretty(&s));
                0
            }
            Ok(s) => {
                print_lines(&report::snapshot(&s));
                0
            }
            Err(e) => fail(&e, log),
        }
    })
}
