//! What the commands share: output that survives a closed terminal, exit codes, reading a plan file,
//! the async runtime, and how an AWS failure is reported. The flags are in [`args`]; the commands in
//! [`plans`] (`validate`, `init`), [`apply`], [`destroy`] and [`dataflow`] (`send`, `smoke-test`,
//! `status`).

pub mod apply;
pub mod args;
pub mod dataflow;
pub mod destroy;
pub mod import;
pub mod plans;

use std::path::Path;

use crate::cloud::{Cloud, CloudError, Options};
use crate::plan::{self, Plan, sanitize};

/// The plan has problems, or an AWS step failed.
pub const EXIT_PROBLEMS: u8 = 1;
/// Bad input: an unreadable or malformed file, bad flags.
pub const EXIT_INPUT: u8 = 2;

/// `println!` that drops a write error (a closed terminal, a dropped SSH session) instead of panicking.
/// The text leaves through [`plan::sanitize_lines`], a guard that changes nothing in text escaped
/// where it was made (`plan::escape`): no control or format character but the new line and the tab
/// reaches the terminal.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let text = format!($($arg)*);
        let _ = writeln!(std::io::stdout(), "{}", $crate::plan::escape::escaped_lines(text.as_str().into()));
    }};
}

/// `eprintln!` that drops a write error, with the guard of [`say!`].
#[macro_export]
macro_rules! tell {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let text = format!($($arg)*);
        let _ = writeln!(std::io::stderr(), "{}", $crate::plan::escape::escaped_lines(text.as_str().into()));
    }};
}

/// Reads and parses a plan file; on failure prints why and returns the exit code.
pub fn load_plan(path: &Path) -> Result<Plan, u8> {
    let shown = sanitize(&path.display().to_string());
    // at most 1 MiB is read; size, UTF-8, control characters and nesting are checked before JSON
    plan::read_plan_file(path).map_err(|e| {
        match e {
            plan::PlanFileError::Io { kind, message } => {
                let error = plan::msg::Msg::io_kind(kind, &sanitize(&message)).to_string();
                tell!("{}", t!("cli-plan-unreadable", path = shown, error = error))
            }
            e => tell!("{}", t!("cli-plan-file-error", path = shown, error = sanitize(&e.to_string()))),
        }
        EXIT_INPUT
    })
}

/// A multi-threaded runtime for the AWS work, or the exit code after saying why there is none.
pub fn runtime() -> Result<tokio::runtime::Runtime, u8> {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().map_err(|e| {
        tell!("{}", t!("cli-no-runtime", error = e.to_string()));
        EXIT_PROBLEMS
    })
}

/// Resolves the configuration and builds the clients (no AWS call yet), then warns on stderr of each
/// endpoint they would send plain http to another machine.
pub async fn connect(opts: &Options) -> Result<Cloud, CloudError> {
    let cloud = Cloud::connect(opts).await?;
    for line in crate::report::unencrypted_endpoint_warnings(&cloud.endpoints) {
        tell!("{line}");
    }
    Ok(cloud)
}

/// Prints an AWS failure (`error:`, `hint:`, `log:`) and returns [`EXIT_PROBLEMS`].
pub fn fail(error: &CloudError, log: Option<&Path>) -> u8 {
    tell!("{}", t!("cli-error", error = error.summary()));
    if let Some(h) = &error.hint {
        tell!("{}", t!("cli-hint", hint = h.to_string()));
    }
    if let Some(p) = log {
        tell!("{}", t!("cli-log", path = p.display().to_string()));
    }
    EXIT_PROBLEMS
}
