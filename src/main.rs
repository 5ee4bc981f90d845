//! firehose-wizard's command line: parse flags, set up logging to a file, run the chosen command.
//!
//! Exit codes: 0 success; 1 the plan has problems, or creation failed; 2 bad input (unreadable or
//! malformed plan file, bad flags).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, FixedOffset, Utc};
use clap::{Parser, Subcommand};
use tokio::sync::mpsc::unbounded_channel;

use firehose_wizard::cloud::provision::{self, Failure, Progress, State, Step, Timing};
use firehose_wizard::cloud::{Cloud, Options};
use firehose_wizard::plan::validate::{self, Severity};
use firehose_wizard::plan::{self, Plan, sanitize};

const EXIT_PROBLEMS: u8 = 1;
const EXIT_INPUT: u8 = 2;

/// Create an Amazon Data Firehose delivery stream (source: Direct PUT or a Kinesis data stream;
/// destination: Amazon S3), checked against AWS's rules before anything is created.
#[derive(Debug, Parser)]
#[command(
    name = "firehose-wizard",
    version,
    about,
    long_about = None,
    after_help = "Without a command, the interactive wizard starts: five screens in the terminal (see --lab, --plan)."
)]
struct Cli {
    /// AWS profile to use (default: the SDK's chain: AWS_PROFILE, then "default")
    #[arg(long, global = true, value_name = "NAME")]
    profile: Option<String>,
    /// AWS Region to create in (default: AWS_REGION, or the profile's region)
    #[arg(long, global = true, value_name = "REGION")]
    region: Option<String>,
    /// Send every AWS call to this endpoint, e.g. a local emulator (default: AWS_ENDPOINT_URL if set)
    #[arg(long, global = true, value_name = "URL")]
    endpoint_url: Option<String>,
    /// Where to write the log (default: $XDG_STATE_HOME/firehose-wizard/firehose-wizard.log)
    #[arg(long, global = true, value_name = "FILE")]
    log_file: Option<PathBuf>,
    /// Wizard: start from this plan file
    #[arg(long, value_name = "FILE", conflicts_with = "lab")]
    plan: Option<PathBuf>,
    /// Wizard: start from the workshop's values (with a fresh random bucket-name suffix)
    #[arg(long)]
    lab: bool,
    /// Wizard: no colours (also when NO_COLOR is set); focus and errors stay visible by reverse video and symbols
    #[arg(long)]
    no_color: bool,
    /// Without a command, the interactive wizard starts
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check a plan file against AWS's rules and show the S3 keys its prefixes produce
    Validate {
        /// The plan file (JSON; see README "Plan file")
        plan: PathBuf,
        /// Evaluate the example keys at this time (RFC 3339, e.g. 2026-11-26T10:30:00Z) instead of now
        #[arg(long, value_name = "TIME")]
        at: Option<DateTime<FixedOffset>>,
    },
    /// Validate a plan file, then create everything it describes, step by step; never prompts
    Apply {
        /// The plan file (JSON; see README "Plan file")
        plan: PathBuf,
    },
    /// Write a starting plan file
    Init {
        /// The "Analytics on AWS immersion day" lab's values, with a fresh random bucket-name suffix
        #[arg(long, required = true)]
        lab: bool,
        /// Write to this file instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Use this bucket-name suffix instead of a random one
        #[arg(long, value_name = "SUFFIX")]
        bucket_suffix: Option<String>,
        /// Overwrite FILE if it exists
        #[arg(long)]
        force: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let log = logging::init(cli.log_file.as_deref());
    install_panic_hook(log.path.clone());
    tracing::info!(version = env!("CARGO_PKG_VERSION"), command = ?cli.command, "start");
    let code = match &cli.command {
        None => cmd_wizard(&cli),
        Some(Command::Validate { plan, at }) => {
            cmd_validate(plan, at.map(|t| t.with_timezone(&Utc)).unwrap_or_else(Utc::now))
        }
        Some(Command::Apply { plan }) => cmd_apply(&cli, plan, &log),
        Some(Command::Init { lab: _, output, bucket_suffix, force }) => {
            cmd_init(output.as_deref(), bucket_suffix.as_deref(), *force)
        }
    };
    tracing::info!(code, "exit");
    ExitCode::from(code)
}

/// Reads and parses a plan file; on failure prints why and returns the exit code.
fn load_plan(path: &Path) -> Result<Plan, u8> {
    let shown = sanitize(&path.display().to_string());
    let bytes = std::fs::read(path).map_err(|e| {
        eprintln!("error: cannot read the plan file {shown}: {e}");
        EXIT_INPUT
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        eprintln!("error: {shown}: not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to());
        EXIT_INPUT
    })?;
    Plan::from_json(&text).map_err(|e| {
        eprintln!("error: {shown}: {}", sanitize(&e.to_string()));
        EXIT_INPUT
    })
}

/// Prints every problem (`error: <path>: <message>` / `warning: ...`) to stderr; true if any is an error.
fn report_problems(plan: &Plan) -> bool {
    let problems = validate::validate(plan);
    for p in &problems {
        eprintln!("{}", sanitize(&p.to_string()));
    }
    tracing::info!(
        errors = problems.iter().filter(|p| p.severity == Severity::Error).count(),
        warnings = problems.iter().filter(|p| p.severity == Severity::Warning).count(),
        "validated"
    );
    validate::has_errors(&problems)
}

fn cmd_validate(path: &Path, at: DateTime<Utc>) -> u8 {
    let plan = match load_plan(path) {
        Ok(p) => p,
        Err(code) => return code,
    };
    if report_problems(&plan) {
        return EXIT_PROBLEMS;
    }
    let ex = validate::examples(&plan, at).expect("valid prefixes evaluate");
    println!("prefix example: {}", sanitize(&ex.prefix));
    if let Some(e) = ex.error_prefix {
        println!("error prefix example: {}", sanitize(&e));
    }
    0
}

/// Where and as whom to connect, from the global flags (shared by `apply` and the wizard).
fn cloud_options(cli: &Cli) -> Options {
    Options { profile: cli.profile.clone(), region: cli.region.clone(), endpoint_url: cli.endpoint_url.clone() }
}

fn cmd_wizard(cli: &Cli) -> u8 {
    use std::io::IsTerminal;
    let plan = match (&cli.plan, cli.lab) {
        (Some(path), _) => match load_plan(path) {
            Ok(p) => p,
            Err(code) => return code,
        },
        (None, true) => Plan::lab(&plan::random_bucket_suffix()),
        (None, false) => firehose_wizard::tui::wizard::Model::blank_plan(),
    };
    // Before touching the terminal: the wizard needs one on both ends.
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        eprintln!(
            "error: the wizard needs a terminal (stdin and stdout are not both a TTY); for scripts use `firehose-wizard validate PLAN` and `firehose-wizard apply PLAN`"
        );
        return EXIT_INPUT;
    }
    let opts = firehose_wizard::tui::app::WizardOptions { cloud: cloud_options(cli), plan, no_color: cli.no_color };
    let ending = firehose_wizard::tui::app::run(opts);
    for l in &ending.stdout {
        println!("{l}");
    }
    for l in &ending.stderr {
        eprintln!("{l}");
    }
    ending.code
}

fn cmd_init(output: Option<&Path>, suffix: Option<&str>, force: bool) -> u8 {
    let suffix = suffix.map(str::to_owned).unwrap_or_else(plan::random_bucket_suffix);
    let lab = Plan::lab(&suffix);
    let bucket_problem =
        validate::validate(&lab).into_iter().find(|p| p.path == "destination.bucket" && p.severity == Severity::Error);
    if let Some(p) = bucket_problem {
        eprintln!("error: --bucket-suffix: {}", sanitize(&p.message));
        return EXIT_INPUT;
    }
    let text = lab.to_json_pretty();
    match output {
        None => {
            print!("{text}");
            0
        }
        Some(path) => {
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
                    eprintln!("wrote {shown} (bucket {})", lab.destination.bucket);
                    0
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    eprintln!("error: {shown} already exists; pass --force to overwrite it");
                    EXIT_INPUT
                }
                Err(e) => {
                    eprintln!("error: cannot write {shown}: {e}");
                    EXIT_INPUT
                }
            }
        }
    }
}

fn cmd_apply(cli: &Cli, path: &Path, log: &logging::Log) -> u8 {
    let plan = match load_plan(path) {
        Ok(p) => p,
        Err(code) => return code,
    };
    if report_problems(&plan) {
        return EXIT_PROBLEMS;
    }
    let opts = cloud_options(cli);
    tracing::info!(profile = ?opts.profile, region = ?opts.region, endpoint_url = ?opts.endpoint_url, "apply");
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return EXIT_PROBLEMS;
        }
    };
    let result = runtime.block_on(async {
        let cloud = Cloud::connect(&opts).await.map_err(|error| Failure { step: Step::Account, error, resources: vec![] })?;
        let (tx, mut rx) = unbounded_channel::<Progress>();
        let printer = async {
            while let Some(p) = rx.recv().await {
                tracing::info!(step = p.step.label(), state = ?p.state, elapsed_ms = p.elapsed.as_millis() as u64, "progress");
                print_progress(&p);
            }
        };
        let work = async {
            let r = provision::provision(&cloud, &plan, &Timing::default(), &tx).await;
            drop(tx);
            r
        };
        let (r, ()) = tokio::join!(work, printer);
        r
    });
    match result {
        Ok(outcome) => {
            println!("delivery stream ARN: {}", outcome.stream_arn);
            println!(
                "next: send records to {} and look for objects in s3://{}/",
                match plan.source.kinesis() {
                    None => format!("the delivery stream {}", plan.name),
                    Some(s) => format!("the Kinesis stream {}", sanitize(s)),
                },
                plan.destination.bucket
            );
            0
        }
        Err(f) => {
            print_failure(&f, log);
            EXIT_PROBLEMS
        }
    }
}

fn step_tag(step: Step) -> String {
    format!("[{}/{}] {:<16}", step.number(), Step::ALL.len(), step.label())
}

fn print_progress(p: &Progress) {
    let secs = p.elapsed.as_secs_f64();
    let line = match &p.state {
        State::Started => return,
        State::Done { done, detail } => format!("{} {:<8} {secs:>6.2}s  {}", step_tag(p.step), done, sanitize(detail)),
        State::Failed { .. } => format!("{} {:<8} {secs:>6.2}s", step_tag(p.step), "FAILED"),
        State::Retrying { attempt, wait, reason } => format!(
            "{} {:<8} {secs:>6.2}s  attempt {attempt} failed, retrying in {}s: {}",
            step_tag(p.step),
            "retry",
            wait.as_secs(),
            sanitize(reason)
        ),
        State::Waiting { status } => {
            format!("{} {:<8} {secs:>6.2}s  status {}", step_tag(p.step), "waiting", sanitize(status))
        }
    };
    println!("{line}");
}

fn print_failure(f: &Failure, log: &logging::Log) {
    let e = &f.error;
    eprintln!("error: step {}/{} ({}) failed: {}", f.step.number(), Step::ALL.len(), f.step.label(), e.summary());
    if let Some(h) = &e.hint {
        eprintln!("hint: {h}");
    }
    if let Some(id) = &e.request_id {
        eprintln!("request id: {id}");
    }
    if f.resources.is_empty() {
        eprintln!("nothing exists from this run: no resource was created or reused");
    } else {
        eprintln!("what exists now:");
        for r in &f.resources {
            eprintln!("  {}", sanitize(&r.to_string()));
        }
        if !f.resources.iter().any(|r| r.created) {
            eprintln!("nothing was created by this run");
        }
    }
    if let Some(path) = &log.path {
        eprintln!("log: {}", path.display());
    }
}

/// A panic prints one line naming the log file, never a backtrace.
fn install_panic_hook(log_path: Option<PathBuf>) {
    std::panic::set_hook(Box::new(move |info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown".into());
        let at = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        tracing::error!(message = %msg, at, "panic");
        let log = log_path.as_ref().map(|p| format!(" (details in {})", p.display())).unwrap_or_default();
        eprintln!("firehose-wizard: internal error: {}{log}; please report it", sanitize(&msg));
    }));
}

mod logging {
    //! Logs go to a file, never to the terminal.
    use std::path::{Path, PathBuf};

    use tracing_subscriber::EnvFilter;

    pub struct Log {
        pub path: Option<PathBuf>,
    }

    fn default_path() -> Option<PathBuf> {
        let base = dirs::state_dir().or_else(dirs::cache_dir)?;
        Some(base.join("firehose-wizard").join("firehose-wizard.log"))
    }

    pub fn init(explicit: Option<&Path>) -> Log {
        let Some(path) = explicit.map(Path::to_path_buf).or_else(default_path) else {
            return Log { path: None };
        };
        let file = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::OpenOptions::new().create(true).append(true).open(&path));
        let file = match file {
            Ok(f) => f,
            Err(e) => {
                eprintln!("warning: cannot open the log file {}: {e}; continuing without a log", path.display());
                return Log { path: None };
            }
        };
        let filter = EnvFilter::try_from_env("FIREHOSE_WIZARD_LOG")
            .unwrap_or_else(|_| EnvFilter::new("warn,firehose_wizard=info,aws_config=info"));
        let ok = tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(std::sync::Mutex::new(file))
            .with_ansi(false)
            .try_init()
            .is_ok();
        Log { path: ok.then_some(path) }
    }
}
