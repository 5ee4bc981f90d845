//! firehose-wizard's command line: parse flags, set up logging to a file, run the chosen command.
//! The flags are in `cli::args`, the commands in `cli::*` and `tui::app`.
//!
//! Exit codes: 0 success; 1 the plan has problems, or creation (or removal) failed; 2 bad input
//! (unreadable or malformed plan file, bad flags, a state folder that is not private); 128 + the
//! signal's number when interrupted (130 SIGINT, 143 SIGTERM, 129 SIGHUP).
//!
//! After a signal the terminal may be gone (a dropped SSH session): every line is written with
//! `say!` / `tell!`, which drop a write error instead of panicking as `println!` would.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::Utc;

use firehose_wizard::cli::args::{self, Cli, Command};
use firehose_wizard::cli::dataflow::{self as flow, StreamRef};
use firehose_wizard::cli::{EXIT_INPUT, apply, destroy, load_plan, plans};
use firehose_wizard::cloud::{DEFAULT_CALL_TIMEOUT, Options};
use firehose_wizard::plan::{self, Plan, sanitize};
use firehose_wizard::{say, t, tell};

fn main() -> ExitCode {
    let cli = args::parse_from(std::env::args_os().collect());
    if uses_state_folder(&cli)
        && let Some(dir) = firehose_wizard::state_dir()
        && let Err(refused) = firehose_wizard::state::check(&dir)
    {
        // before anything is read or written there, the log included
        tell!("{}", refused.msg());
        return ExitCode::from(EXIT_INPUT);
    }
    let log = logging::init(cli.log_file.as_deref(), offline(&cli));
    install_panic_hook(log.path.clone());
    tracing::info!(version = env!("CARGO_PKG_VERSION"), command = ?cli.command, "start");
    let code = match &cli.command {
        None => cmd_wizard(&cli, log.path.as_deref()),
        Some(Command::Validate { plan, at }) => {
            plans::cmd_validate(plan, at.map(|t| t.with_timezone(&Utc)).unwrap_or_else(Utc::now))
        }
        Some(Command::Apply { plan }) => apply::cmd_apply(&cloud_options(&cli), plan, log.path.as_deref()),
        Some(Command::Destroy { plan, dry_run, with_objects, yes }) => destroy::cmd_destroy(
            &cloud_options(&cli),
            plan,
            firehose_wizard::cloud::destroy::Options { dry_run: *dry_run, with_objects: *with_objects },
            *yes,
            log.path.as_deref(),
        ),
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
        Some(Command::Watch { stream }) => cmd_watch(&cli, &stream.target(), log.path.as_deref()),
        Some(Command::Export { plan, format, output, force }) => {
            plans::cmd_export(plan, format, output.as_deref(), *force)
        }
        Some(Command::Import { name, output, force, lossy }) => firehose_wizard::cli::import::cmd_import(
            &cloud_options(&cli),
            name,
            firehose_wizard::cli::import::ImportOptions { output: output.as_deref(), force: *force, lossy: *lossy },
            log.path.as_deref(),
        ),
        Some(Command::Init { lab: _, output, bucket_suffix, force }) => {
            plans::cmd_init(output.as_deref(), bucket_suffix.as_deref(), *force)
        }
    };
    tracing::info!(code, "exit");
    ExitCode::from(code)
}

/// The commands that work offline: they read and write no state, and log only to `--log-file`.
fn offline(cli: &Cli) -> bool {
    matches!(cli.command, Some(Command::Validate { .. } | Command::Init { .. } | Command::Export { .. }))
}

/// Whether the command reads or writes the state folder: the journals and the wizard's kept plans
/// (`apply`, `destroy`, the wizard), or the log there (every command but the offline ones, without
/// `--log-file`). Those are checked first (`state::check`); the others never touch the folder.
fn uses_state_folder(cli: &Cli) -> bool {
    let journals = matches!(cli.command, None | Some(Command::Apply { .. } | Command::Destroy { .. }));
    journals || (cli.log_file.is_none() && !offline(cli))
}

fn cloud_options(cli: &Cli) -> Options {
    Options {
        profile: cli.profile.clone(),
        region: cli.region.clone(),
        endpoint_url: cli.endpoint_url.clone(),
        call_timeout: Some(cli.call_timeout.map_or(DEFAULT_CALL_TIMEOUT, std::time::Duration::from_secs)),
    }
}

fn cmd_wizard(cli: &Cli, log: Option<&std::path::Path>) -> u8 {
    let mut copied_from = None;
    let plan = match (&cli.plan, cli.lab, &cli.from_stream) {
        (Some(path), _, _) => match load_plan(path) {
            Ok(p) => p,
            Err(code) => return code,
        },
        (None, true, _) => Plan::lab(&plan::random_bucket_suffix()),
        (None, false, Some(name)) => {
            // read before the screen opens: a stream that is not there is said on the terminal
            match firehose_wizard::cli::import::for_clone(&cloud_options(cli), name, log) {
                Ok(imported) => {
                    copied_from = Some((name.clone(), imported.lost));
                    imported.plan
                }
                Err(code) => return code,
            }
        }
        (None, false, None) => firehose_wizard::tui::wizard::Model::blank_plan(),
    };
    in_terminal(&t!("wizard-needs-terminal"), || {
        let opts = firehose_wizard::tui::app::WizardOptions {
            cloud: cloud_options(cli),
            plan,
            no_color: cli.no_color,
            copied_from,
            log: log.map(std::path::Path::to_path_buf),
        };
        firehose_wizard::tui::app::run(opts)
    })
}

fn cmd_watch(cli: &Cli, target: &StreamRef, log: Option<&std::path::Path>) -> u8 {
    let name = match target.name() {
        Ok(n) => n,
        Err(code) => return code,
    };
    in_terminal(&t!("watch-needs-terminal"), || {
        let opts = firehose_wizard::tui::app::WatchOptions {
            cloud: cloud_options(cli),
            name,
            no_color: cli.no_color,
            log: log.map(std::path::Path::to_path_buf),
        };
        firehose_wizard::tui::app::run_watch(opts)
    })
}

/// Runs a full-screen view when there is a terminal on both ends (else says `why_not`, exit 2, before
/// touching anything), then prints what it left to say.
fn in_terminal(why_not: &str, run: impl FnOnce() -> firehose_wizard::tui::app::Ending) -> u8 {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        tell!("{}", t!("cli-error", error = why_not));
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

/// A panic prints one line naming the log file, never a backtrace.
fn install_panic_hook(log_path: Option<PathBuf>) {
    std::panic::set_hook(Box::new(move |info| {
        let msg = firehose_wizard::panic_message(info.payload());
        let at = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        tracing::error!(message = %msg, at, "panic");
        let text = match &log_path {
            Some(p) => t!("panic-with-log", message = sanitize(&msg), path = p.display().to_string()),
            None => t!("panic", message = sanitize(&msg)),
        };
        tell!("{text}");
    }));
}

mod logging {
    //! Logs go to a file, never to the terminal, and hold no credential at any level: the SDK's events
    //! that carry one are dropped ([`carries_credentials`]), and the writer redacts every value of the
    //! credentials it knows (`firehose_wizard::redact`) from whatever else would show one.
    use std::path::{Path, PathBuf};

    use firehose_wizard::tell;
    use tracing_subscriber::filter::Targets;
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;

    /// The SDK's events that write credentials into the log, by target and field (aws-config 1.13,
    /// aws-smithy-runtime 1.16, aws-sigv4 1.6): the field's `Debug` shows the access key ID (the secret
    /// and the session token the SDK writes as redacted). Per AWS call: `resolving endpoint` (debug; its
    /// parameters hold the resolved identity), `resolved identity`, the runtime components and `signing
    /// request` (trace); once per run with a profile, at the default level: the profile chain's
    /// credentials (`constructed abstract provider`, `loaded base credentials`, `loaded assume role
    /// credentials`, info) and its base provider (debug).
    const CARRY_CREDENTIALS: &[(&str, &str)] = &[
        ("aws_smithy_runtime::client::orchestrator::endpoints", "endpoint_params"),
        ("aws_smithy_runtime::client::orchestrator::auth", "identity"),
        ("aws_smithy_runtime::client::orchestrator::auth", "endpoint_params"),
        ("aws_smithy_runtime::client::orchestrator", "runtime_components"),
        ("aws_sigv4::http_request::sign", "params"),
        ("aws_config::profile::credentials", "chain"),
        ("aws_config::profile::credentials", "creds"),
        ("aws_config::profile::credentials::exec", "base"),
    ];

    /// Whether an event (or span) is one of [`CARRY_CREDENTIALS`]: its target and a field's name, both
    /// known before anything is recorded.
    fn carries_credentials(meta: &tracing::Metadata<'_>) -> bool {
        CARRY_CREDENTIALS.iter().any(|(target, field)| meta.target() == *target && meta.fields().field(field).is_some())
    }

    pub struct Log {
        pub path: Option<PathBuf>,
    }

    fn default_path() -> Option<PathBuf> {
        Some(firehose_wizard::state_dir()?.join("firehose-wizard.log"))
    }

    /// Opens the log: `explicit`, else (unless `offline`) the state folder's.
    pub fn init(explicit: Option<&Path>, offline: bool) -> Log {
        // before anything is logged
        firehose_wizard::redact::remember_environment();
        let default = if offline { None } else { default_path() };
        let Some(path) = explicit.map(Path::to_path_buf).or(default) else {
            return Log { path: None };
        };
        // the log names accounts, buckets and roles: readable by its owner only (0600, its new folders
        // 0700), appended to, never through a link
        let file = path
            .parent()
            .map_or(Ok(()), firehose_wizard::state::create_private_dir)
            .and_then(|()| firehose_wizard::state::open_log(&path));
        let file = match file {
            Ok(f) => f,
            Err(e) => {
                let path = path.display().to_string();
                tell!(
                    "{}",
                    firehose_wizard::t!(
                        "log-unopenable",
                        path = path,
                        error = firehose_wizard::plan::msg::Msg::io(&e).to_string()
                    )
                );
                return Log { path: None };
            }
        };
        // `target=level` directives, comma-separated; an unset or unreadable variable is the default
        let filter = std::env::var("FIREHOSE_WIZARD_LOG")
            .ok()
            .and_then(|spec| spec.parse::<Targets>().ok())
            .unwrap_or_else(|| "warn,firehose_wizard=info,aws_config=info".parse().expect("the default filter"));
        let writer = firehose_wizard::redact::Redacting(std::sync::Mutex::new(file));
        let ok = tracing_subscriber::registry()
            .with(tracing_subscriber::fmt::layer().with_writer(writer).with_ansi(false))
            .with(filter)
            .with(tracing_subscriber::filter::filter_fn(|meta| !carries_credentials(meta)))
            .try_init()
            .is_ok();
        Log { path: ok.then_some(path) }
    }
}
