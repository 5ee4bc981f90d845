//! `validate` and `init`: plan files, without AWS.

use std::io::Write;
use std::path::Path;

use chrono::{DateTime, Utc};

use super::{EXIT_INPUT, EXIT_PROBLEMS, load_plan};
use crate::plan::validate::{self, Severity};
use crate::plan::{self, Plan, sanitize};
use crate::{say, tell};

/// Prints every problem (`error: <path>: <message>` / `warning: ...`) to stderr; true if any is an error.
pub fn report_problems(plan: &Plan) -> bool {
    let problems = validate::validate(plan);
    for p in &problems {
        tell!("{}", sanitize(&p.to_string()));
    }
    tracing::info!(
        errors = problems.iter().filter(|p| p.severity == Severity::Error).count(),
        warnings = problems.iter().filter(|p| p.severity == Severity::Warning).count(),
        "validated"
    );
    validate::has_errors(&problems)
}

/// `validate PLAN [--at TIME]`.
pub fn cmd_validate(path: &Path, at: DateTime<Utc>) -> u8 {
    let plan = match load_plan(path) {
        Ok(p) => p,
        Err(code) => return code,
    };
    if report_problems(&plan) {
        return EXIT_PROBLEMS;
    }
    let ex = validate::examples(&plan, at).expect("valid prefixes evaluate");
    say!("{}", t!("validate-prefix-example", key = sanitize(&ex.prefix)));
    if let Some(e) = ex.error_prefix {
        say!("{}", t!("validate-error-prefix-example", key = sanitize(&e)));
    }
    0
}

/// `export PLAN --format FORMAT [-o FILE] [--force]`: the plan as AWS CLI commands, a CloudFormation
/// template or Terraform configuration, once it has no problems.
pub fn cmd_export(path: &Path, format: &str, output: Option<&Path>, force: bool) -> u8 {
    let plan = match load_plan(path) {
        Ok(p) => p,
        Err(code) => return code,
    };
    if report_problems(&plan) {
        return EXIT_PROBLEMS;
    }
    let format = crate::export::Format::parse(format).expect("clap checked the format");
    let text = match crate::export::export(&plan, format) {
        Ok(t) => t,
        Err(crate::export::ExportError::Token(token)) => {
            tell!("{}", t!("export-token", token = token));
            return EXIT_PROBLEMS;
        }
        Err(crate::export::ExportError::Request(e)) => {
            tell!("{}", t!("cli-error", error = e));
            return EXIT_PROBLEMS;
        }
    };
    write_output(output, &text, force, |path| t!("export-wrote", path = path))
}

/// Prints `text`, or writes it to `output` (never over an existing file unless `force`) and says
/// so with `wrote` (given the path as shown).
pub(crate) fn write_output(output: Option<&Path>, text: &str, force: bool, wrote: impl FnOnce(String) -> String) -> u8 {
    let Some(path) = output else {
        // through the guard of `say!` (a plan, a template escape what a terminal must not see in their
        // own syntax: nothing changes), and a closed stdout is no panic
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), "{}", crate::plan::escape::escaped_lines(text.into()));
        return 0;
    };
    let shown = sanitize(&path.display().to_string());
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true);
    if force {
        opts.create(true).truncate(true)
    } else {
        opts.create_new(true)
    };
    match opts.open(path).and_then(|mut f| f.write_all(text.as_bytes())) {
        Ok(()) => {
            tell!("{}", wrote(shown));
            0
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            tell!("{}", t!("init-exists", path = shown));
            EXIT_INPUT
        }
        Err(e) => {
            tell!("{}", t!("init-unwritable", path = shown, error = crate::plan::msg::Msg::io(&e).to_string()));
            EXIT_INPUT
        }
    }
}

/// `init --lab [-o FILE] [--bucket-suffix SUFFIX] [--force]`.
pub fn cmd_init(output: Option<&Path>, suffix: Option<&str>, force: bool) -> u8 {
    let suffix = suffix.map(str::to_owned).unwrap_or_else(plan::random_bucket_suffix);
    let lab = Plan::lab(&suffix);
    let bucket_problem =
        validate::validate(&lab).into_iter().find(|p| p.path == "destination.bucket" && p.severity == Severity::Error);
    if let Some(p) = bucket_problem {
        tell!("{}", t!("cli-error", error = format!("--bucket-suffix: {}", sanitize(&p.message.to_string()))));
        return EXIT_INPUT;
    }
    let bucket = lab.destination.bucket.clone();
    write_output(output, &lab.to_json_pretty(), force, |path| t!("init-wrote", path = path, bucket = bucket))
}
