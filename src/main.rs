//! firehose-wizard's command line: parse flags, set up logging to a file, run the chosen command.
//!
//! Exit codes: 0 success; 1 the plan has problems, or creation (or removal) failed; 2 bad input
//! (unreadable or malformed plan file, bad flags); 128 + the signal's number when interrupted (130
//! SIGINT, 143 SIGTERM, 129 SIGHUP).
//!
//! After a signal the terminal may be gone (a dropped SSH session): every line is written with
//! `say!` / `tell!`, which drop a write error instead of panicking as `println!` would.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, FixedOffset, Utc};
use clap::{Parser, Subcommand};
use tokio::sync::mpsc::unbounded_channel;

use firehose_wizard::cloud::destroy::{self, Outcome as Removed};
use firehose_wizard::cloud::journal::Store;
use firehose_wizard::cloud::provision::{self, Failure, Progress, State, Step, Timing};
use firehose_wizard::cloud::{Cloud, CloudError, DEFAULT_CALL_TIMEOUT, Options};
use firehose_wizard::plan::validate::{self, Severity};
use firehose_wizard::plan::{self, Plan, sanitize};

use firehose_wizard::cli::dataflow::{self as flow, StreamRef};
use firehose_wizard::cli::{EXIT_INPUT, EXIT_PROBLEMS, fail, load_plan, runtime};
use firehose_wizard::{say, tell};

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
    /// Give up on one attempt of an AWS call after SECS without an answer, and retry it (default 30)
    #[arg(long, global = true, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=3600))]
    call_timeout: Option<u64>,
    /// Wizard: start from this plan file
    #[arg(long, value_name = "FILE", conflicts_with = "lab")]
    plan: Option<PathBuf>,
    /// Wizard: start from the workshop's values (with a fresh random bucket-name suffix)
    #[arg(long)]
    lab: bool,
    /// Wizard and watch: no colours (also when NO_COLOR is set); focus and errors stay visible by reverse video and symbols
    #[arg(long, global = true)]
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
    /// Validate a plan file, then create what it describes that does not exist yet, step by step;
    /// never prompts. Running it again reuses what matches and creates nothing new
    Apply {
        /// The plan file (JSON; see README "Plan file")
        plan: PathBuf,
    },
    /// Delete what firehose-wizard created for a plan's stream (by its journal), newest first; never
    /// what already existed
    Destroy {
        /// The plan file that was applied
        plan: PathBuf,
        /// List what would be deleted; change nothing
        #[arg(long)]
        dry_run: bool,
        /// Also delete the objects of a bucket firehose-wizard created (without it, a non-empty bucket is kept)
        #[arg(long)]
        with_objects: bool,
    },
    /// Send test records (the workshop's retail transactions, marked) or the lines of a JSON Lines
    /// file through a delivery stream: to its Kinesis source, or to Firehose for Direct PUT
    Send {
        #[command(flatten)]
        stream: StreamArg,
        /// How many test records (default 10); with --file, at most this many of its lines
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
        records: Option<u64>,
        /// Send the lines of this JSON Lines file, one record each, instead of test records
        #[arg(long, value_name = "FILE")]
        file: Option<PathBuf>,
    },
    /// Send marked test records, then watch the bucket until they arrive where Firehose should put
    /// them (exit 0), or say what happened instead and why (exit 1)
    SmokeTest {
        #[command(flatten)]
        stream: StreamArg,
        /// How many test records
        #[arg(long, value_name = "N", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=10_000))]
        records: u64,
        /// Give up after SECS (default: the buffer interval plus 3 minutes)
        #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=7200))]
        timeout: Option<u64>,
    },
    /// Print the stream's state once: status, source and destination, the last hour's metrics, the
    /// newest objects, error objects and error-log events
    Status {
        #[command(flatten)]
        stream: StreamArg,
        /// As JSON, for scripts
        #[arg(long)]
        json: bool,
    },
    /// A live view of the stream: metrics, newest objects, errors; t runs the smoke test
    Watch {
        #[command(flatten)]
        stream: StreamArg,
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

/// `PLAN | --stream NAME`: the delivery stream a data-flow command is about.
#[derive(Debug, clap::Args)]
#[group(required = true, multiple = false)]
struct StreamArg {
    /// A plan file: its delivery stream (its `name`)
    plan: Option<PathBuf>,
    /// Any delivery stream of the account and Region, by name (also one firehose-wizard did not create)
    #[arg(long, value_name = "NAME")]
    stream: Option<String>,
}

impl StreamArg {
    fn target(&self) -> StreamRef {
        match (&self.plan, &self.stream) {
            (Some(p), _) => StreamRef::Plan(p.clone()),
            (None, Some(n)) => StreamRef::Name(n.clone()),
            (None, None) => unreachable!("clap requires one of them"),
        }
    }
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
        Some(Command::Destroy { plan, dry_run, with_objects }) => {
            cmd_destroy(&cli, plan, destroy::Options { dry_run: *dry_run, with_objects: *with_objects }, &log)
        }
        Some(Command::Send { stream, records, file }) => flow::cmd_send(
            &cloud_options(&cli),
            &stream.target(),
            records.map(|n| n as usize),
            file.as_deref(),
            log.path.as_deref(),
        ),
        Some(Command::SmokeTest { stream, records, timeout }) => flow::cmd_smoke_test(
            &cloud_options(&cli),
            &stream.target(),
            *records as usize,
            *timeout,
            log.path.as_deref(),
        ),
        Some(Command::Status { stream, json }) => {
            flow::cmd_status(&cloud_options(&cli), &stream.target(), *json, log.path.as_deref())
        }
        Some(Command::Watch { stream }) => cmd_watch(&cli, &stream.target()),
        Some(Command::Init { lab: _, output, bucket_suffix, force }) => {
            cmd_init(output.as_deref(), bucket_suffix.as_deref(), *force)
        }
    };
    tracing::info!(code, "exit");
    ExitCode::from(code)
}

/// Prints every problem (`error: <path>: <message>` / `warning: ...`) to stderr; true if any is an error.
fn report_problems(plan: &Plan) -> bool {
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

fn cmd_validate(path: &Path, at: DateTime<Utc>) -> u8 {
    let plan = match load_plan(path) {
        Ok(p) => p,
        Err(code) => return code,
    };
    if report_problems(&plan) {
        return EXIT_PROBLEMS;
    }
    let ex = validate::examples(&plan, at).expect("valid prefixes evaluate");
    say!("prefix example: {}", sanitize(&ex.prefix));
    if let Some(e) = ex.error_prefix {
        say!("error prefix example: {}", sanitize(&e));
    }
    0
}

/// Where and as whom to connect, from the global flags (shared by `apply` and the wizard).
fn cloud_options(cli: &Cli) -> Options {
    Options {
        profile: cli.profile.clone(),
        region: cli.region.clone(),
        endpoint_url: cli.endpoint_url.clone(),
        call_timeout: Some(cli.call_timeout.map_or(DEFAULT_CALL_TIMEOUT, std::time::Duration::from_secs)),
    }
}

fn cmd_wizard(cli: &Cli) -> u8 {
    let plan = match (&cli.plan, cli.lab) {
        (Some(path), _) => match load_plan(path) {
            Ok(p) => p,
            Err(code) => return code,
        },
        (None, true) => Plan::lab(&plan::random_bucket_suffix()),
        (None, false) => firehose_wizard::tui::wizard::Model::blank_plan(),
    };
    in_terminal(
        "the wizard needs a terminal (stdin and stdout are not both a TTY); for scripts use `firehose-wizard validate PLAN` and `firehose-wizard apply PLAN`",
        || {
            let opts =
                firehose_wizard::tui::app::WizardOptions { cloud: cloud_options(cli), plan, no_color: cli.no_color };
            firehose_wizard::tui::app::run(opts)
        },
    )
}

fn cmd_watch(cli: &Cli, target: &StreamRef) -> u8 {
    let name = match target.name() {
        Ok(n) => n,
        Err(code) => return code,
    };
    in_terminal(
        "watch needs a terminal (stdin and stdout are not both a TTY); for scripts use `firehose-wizard status --json`",
        || {
            let opts =
                firehose_wizard::tui::app::WatchOptions { cloud: cloud_options(cli), name, no_color: cli.no_color };
            firehose_wizard::tui::app::run_watch(opts)
        },
    )
}

/// Runs a full-screen view when there is a terminal on both ends (else says `why_not`, exit 2, before
/// touching anything), then prints what it left to say.
fn in_terminal(why_not: &str, run: impl FnOnce() -> firehose_wizard::tui::app::Ending) -> u8 {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        tell!("error: {why_not}");
        return EXIT_INPUT;
    }
    let ending = run();
    for l in &ending.stdout {
        say!("{l}");
    }
    for l in &ending.stderr {
        tell!("{l}");
    }
    ending.code
}

fn cmd_init(output: Option<&Path>, suffix: Option<&str>, force: bool) -> u8 {
    let suffix = suffix.map(str::to_owned).unwrap_or_else(plan::random_bucket_suffix);
    let lab = Plan::lab(&suffix);
    let bucket_problem =
        validate::validate(&lab).into_iter().find(|p| p.path == "destination.bucket" && p.severity == Severity::Error);
    if let Some(p) = bucket_problem {
        tell!("error: --bucket-suffix: {}", sanitize(&p.message));
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
                    tell!("wrote {shown} (bucket {})", lab.destination.bucket);
                    0
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    tell!("error: {shown} already exists; pass --force to overwrite it");
                    EXIT_INPUT
                }
                Err(e) => {
                    tell!("error: cannot write {shown}: {e}");
                    EXIT_INPUT
                }
            }
        }
    }
}

fn journal_store() -> Result<Store, u8> {
    Store::default_location().ok_or_else(|| {
        tell!("error: no state directory for the journal of what firehose-wizard creates: set HOME or XDG_STATE_HOME");
        EXIT_PROBLEMS
    })
}

/// The first of SIGINT, SIGTERM and SIGHUP: its name and the exit code it gives (128 + its number).
struct Signals {
    int: tokio::signal::unix::Signal,
    term: tokio::signal::unix::Signal,
    hup: tokio::signal::unix::Signal,
}

impl Signals {
    fn listen() -> std::io::Result<Signals> {
        use tokio::signal::unix::{SignalKind, signal};
        Ok(Signals {
            int: signal(SignalKind::interrupt())?,
            term: signal(SignalKind::terminate())?,
            hup: signal(SignalKind::hangup())?,
        })
    }

    async fn next(&mut self) -> (&'static str, u8) {
        tokio::select! {
            _ = self.int.recv() => ("SIGINT", 130),
            _ = self.term.recv() => ("SIGTERM", 143),
            _ = self.hup.recv() => ("SIGHUP", 129),
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
    let (runtime, store) = match (runtime(), journal_store()) {
        (Ok(r), Ok(s)) => (r, s),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let shown_path = sanitize(&path.display().to_string());
    let code = runtime.block_on(async {
        let mut signals = match Signals::listen() {
            Ok(s) => s,
            Err(e) => {
                tell!("error: cannot listen for signals: {e}");
                return EXIT_PROBLEMS;
            }
        };
        let cloud = match Cloud::connect(&opts).await {
            Ok(c) => c,
            Err(error) => {
                print_failure(&Failure { step: Step::Account, error, resources: vec![], journal: None }, log);
                return EXIT_PROBLEMS;
            }
        };
        let (tx, mut rx) = unbounded_channel::<Progress>();
        let printer = async {
            while let Some(p) = rx.recv().await {
                tracing::info!(step = p.step.label(), state = ?p.state, elapsed_ms = p.elapsed.as_millis() as u64, "progress");
                print_progress(&p);
            }
        };
        let work = async {
            let r = provision::provision(&cloud, &plan, &store, &Timing::default(), &tx).await;
            drop(tx);
            r
        };
        let result = tokio::select! {
            (r, ()) = async { tokio::join!(work, printer) } => r,
            (name, code) = signals.next() => {
                // the call in flight is abandoned with the future that made it; its journal entry
                // (written before it was sent) says it may have taken effect
                tracing::warn!(signal = name, "interrupted while applying");
                tell!("firehose-wizard: received {name}: the call in flight was abandoned; checking what exists (a second signal quits at once)");
                let settled = tokio::select! {
                    r = tokio::time::timeout(std::time::Duration::from_secs(20), destroy::settled_journal(&cloud, &store, &plan.name, None)) => {
                        r.unwrap_or_else(|_| Err(CloudError::local("no answer within 20 s", "check the network"))).map(|(_, j)| j)
                    }
                    _ = signals.next() => Err(CloudError::local("interrupted again", "")),
                };
                for line in destroy::interrupted_lines(settled.as_ref(), &shown_path) {
                    tell!("{line}");
                }
                if let Some(p) = &log.path {
                    tell!("log: {}", p.display());
                }
                return code;
            }
        };
        match result {
            Ok(outcome) => {
                say!("delivery stream ARN: {}", outcome.stream_arn);
                say!(
                    "next: firehose-wizard smoke-test {shown_path} sends test records through {} and shows them arriving in s3://{}/",
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
                if f.resources.iter().any(|r| r.created) {
                    tell!("to resume after fixing the cause: firehose-wizard apply {shown_path}");
                    tell!("to remove what firehose-wizard created: firehose-wizard destroy {shown_path}");
                }
                EXIT_PROBLEMS
            }
        }
    });
    // an abandoned call may still hold a resolver thread: never wait for it on the way out
    runtime.shutdown_timeout(std::time::Duration::from_millis(200));
    code
}

fn cmd_destroy(cli: &Cli, path: &Path, how: destroy::Options, log: &logging::Log) -> u8 {
    let plan = match load_plan(path) {
        Ok(p) => p,
        Err(code) => return code,
    };
    // only the name matters here (it finds the journal); the rest may have gone stale since apply
    if let Err(message) = firehose_wizard::plan::names::delivery_stream_name(&plan.name) {
        tell!("error: name: {}", sanitize(&message));
        return EXIT_PROBLEMS;
    }
    let opts = cloud_options(cli);
    tracing::info!(profile = ?opts.profile, region = ?opts.region, ?how, "destroy");
    let (runtime, store) = match (runtime(), journal_store()) {
        (Ok(r), Ok(s)) => (r, s),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    runtime.block_on(async {
        let fail = |error: CloudError| fail(&error, log.path.as_deref());
        let cloud = match Cloud::connect(&opts).await {
            Ok(c) => c,
            Err(e) => return fail(e),
        };
        let target = match cloud.identify().await {
            Ok(t) => t,
            Err(e) => return fail(e),
        };
        let mut journal = match store.open(&target, &plan.name) {
            Ok(j) => j,
            Err(e) => return fail(destroy::journal_error(e)),
        };
        if !how.dry_run
            && let Err(e) = destroy::settle(&cloud, &mut journal, Some(destroy::SETTLE_AFTER)).await
        {
            return fail(e);
        }
        let name = &plan.name;
        if journal.is_empty() {
            say!(
                "firehose-wizard has no record of creating anything for the stream {name} in account {} ({}): nothing to delete",
                target.account,
                target.region
            );
            return 0;
        }
        say!("journal: {}", journal.path().display());
        let removals = destroy::destroy(&cloud, &mut journal, how, &Timing::default(), |r| {
            tracing::info!(resource = %r.resource, outcome = ?r.outcome, "destroy");
            let what = format!("{} {}", r.resource.kind, sanitize(&r.resource.id));
            let secs = r.elapsed.as_secs_f64();
            match &r.outcome {
                Removed::Deleted => say!("deleted      {what} ({secs:.2}s)"),
                Removed::Gone => say!("gone         {what} (already deleted)"),
                Removed::WouldDelete { objects: Some(n) } if *n > 0 && !how.with_objects => {
                    say!("would keep   {what}: it holds {n} object(s) (--with-objects deletes them and the bucket)")
                }
                Removed::WouldDelete { objects: Some(n) } if *n > 0 => {
                    say!("would delete {what} and the {n} object(s) it holds")
                }
                Removed::WouldDelete { .. } => say!("would delete {what}"),
                Removed::Emptying { objects } => say!("emptying     {what}: deleting the {objects} object(s) it holds"),
                Removed::Kept(why) => say!("kept         {what}: {}", sanitize(why)),
                Removed::Failed(e) => {
                    say!("FAILED       {what}: {}", e.summary());
                    if let Some(h) = &e.hint {
                        say!("             hint: {h}");
                    }
                }
            }
        })
        .await;
        let kept = removals.iter().filter(|r| !r.ok()).count();
        // what the plan names that the journal does not list, and that exists: the user's own
        let role = match &plan.settings.role {
            firehose_wizard::plan::Role::Create(r) | firehose_wizard::plan::Role::Existing(r) => r.as_str(),
        };
        let mut candidates = vec![(provision::Kind::Bucket, plan.destination.bucket.as_str()), (provision::Kind::Role, role)];
        if let Some(b) = &plan.destination.backup {
            candidates.push((provision::Kind::Bucket, b.bucket.as_str()));
        }
        if let Some(k) = plan.source.kinesis() {
            candidates.push((provision::Kind::KinesisStream, k));
        }
        let mut untouched = Vec::new();
        for (kind, id) in candidates {
            let listed = removals.iter().any(|r| {
                r.resource.kind == kind
                    && firehose_wizard::plan::names::role_name_of(&r.resource.id)
                        == firehose_wizard::plan::names::role_name_of(id)
            });
            if !listed && destroy::exists(&cloud, kind, id).await.unwrap_or(false) {
                untouched.push(format!("{kind} {}", sanitize(id)));
            }
        }
        untouched.dedup();
        if !untouched.is_empty() {
            say!("left alone (firehose-wizard did not create them): {}", untouched.join(", "));
        }
        if how.dry_run {
            say!("dry run: nothing was changed");
            0
        } else if kept == 0 {
            say!("nothing firehose-wizard created for {name} remains");
            0
        } else {
            tell!("{kept} resource(s) remain; the journal still lists them, so destroy can be run again");
            EXIT_PROBLEMS
        }
    })
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
            "{} {:<8} {secs:>6.2}s  attempt {attempt} failed, retrying {}: {}",
            step_tag(p.step),
            "retry",
            if wait.is_zero() { "now".to_owned() } else { format!("in {}s", wait.as_secs()) },
            sanitize(reason)
        ),
        State::Waiting { status } => {
            format!("{} {:<8} {secs:>6.2}s  status {}", step_tag(p.step), "waiting", sanitize(status))
        }
        State::SdkRetry(r) => format!(
            "{} {:<8} {secs:>6.2}s  {} try {} of {}: {}; the SDK retries it",
            step_tag(p.step),
            "retry",
            r.operation,
            r.attempt,
            r.max_attempts,
            sanitize(&r.reason)
        ),
    };
    say!("{line}");
}

fn print_failure(f: &Failure, log: &logging::Log) {
    let e = &f.error;
    tell!("error: step {}/{} ({}) failed: {}", f.step.number(), Step::ALL.len(), f.step.label(), e.summary());
    if let Some(h) = &e.hint {
        tell!("hint: {h}");
    }
    if let Some(id) = &e.request_id {
        tell!("request id: {id}");
    }
    if f.resources.is_empty() {
        tell!("nothing exists from this run: no resource was created or reused");
    } else {
        tell!("what exists now:");
        for r in &f.resources {
            tell!("  {}", sanitize(&r.to_string()));
        }
        if !f.resources.iter().any(|r| r.created) {
            tell!("nothing firehose-wizard created exists");
        }
    }
    if let Some(j) = &f.journal {
        tell!("journal: {}", j.display());
    }
    if let Some(path) = &log.path {
        tell!("log: {}", path.display());
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
        tell!("firehose-wizard: internal error: {}{log}; please report it", sanitize(&msg));
    }));
}

mod logging {
    //! Logs go to a file, never to the terminal.
    use std::path::{Path, PathBuf};

    use firehose_wizard::tell;
    use tracing_subscriber::EnvFilter;

    pub struct Log {
        pub path: Option<PathBuf>,
    }

    fn default_path() -> Option<PathBuf> {
        Some(firehose_wizard::state_dir()?.join("firehose-wizard.log"))
    }

    pub fn init(explicit: Option<&Path>) -> Log {
        let Some(path) = explicit.map(Path::to_path_buf).or_else(default_path) else {
            return Log { path: None };
        };
        let file = path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| {
            // the log names accounts, buckets and roles: readable by its owner only
            let mut opts = std::fs::OpenOptions::new();
            opts.create(true).append(true);
            std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
            opts.open(&path)
        });
        let file = match file {
            Ok(f) => f,
            Err(e) => {
                tell!("warning: cannot open the log file {}: {e}; continuing without a log", path.display());
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
