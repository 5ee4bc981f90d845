//! The command line: its flags and commands (clap's derive), with every help text taken from the
//! catalogues in the language chosen before parsing (`--lang`, else the locale), so that `--help` and
//! the errors of a bad command line speak it too.
//!
//! The help texts are messages of the catalogues, not doc comments: `cli-about` (the program),
//! `cli-wizard-ARG` (the wizard's own flags), `cli-arg-ARG` (the global flags), `cli-COMMAND` and
//! `cli-COMMAND-ARG`, `cli-stream-plan` / `cli-stream-stream` (the stream of the data-flow commands),
//! and clap's own `--help`, `--version` and `help` (`cli-help-flag`, `cli-version-flag`, `cli-help`).
//! [`help_ids`] lists them all; the catalogue test checks that both languages have each.

use std::ffi::OsString;
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use super::dataflow::StreamRef;
use crate::i18n::{self, Lang};

#[derive(Debug, Parser)]
#[command(name = "firehose-wizard", version)]
pub struct Cli {
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,
    #[arg(long, global = true, value_name = "REGION")]
    pub region: Option<String>,
    #[arg(long, global = true, value_name = "URL")]
    pub endpoint_url: Option<String>,
    #[arg(long, global = true, value_name = "FILE")]
    pub log_file: Option<PathBuf>,
    #[arg(long, global = true, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub call_timeout: Option<u64>,
    /// Read before parsing (it decides the language of `--help` and of clap's answers); declared so
    /// that it is accepted anywhere and listed.
    #[arg(long, global = true, value_name = "LANG", value_parser = ["en", "ko"], hide_possible_values = true)]
    pub lang: Option<String>,
    #[arg(long, value_name = "FILE", conflicts_with = "lab")]
    pub plan: Option<PathBuf>,
    #[arg(long)]
    pub lab: bool,
    #[arg(long, value_name = "NAME", conflicts_with_all = ["lab", "plan"])]
    pub from_stream: Option<String>,
    #[arg(long, global = true)]
    pub no_color: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Validate {
        plan: PathBuf,
        #[arg(long, value_name = "TIME")]
        at: Option<DateTime<FixedOffset>>,
    },
    Apply {
        plan: PathBuf,
    },
    Destroy {
        plan: PathBuf,
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        with_objects: bool,
        #[arg(short, long)]
        yes: bool,
    },
    Send {
        #[command(flatten)]
        stream: StreamArg,
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
        records: Option<u64>,
        #[arg(long, value_name = "FILE")]
        file: Option<PathBuf>,
    },
    SmokeTest {
        #[command(flatten)]
        stream: StreamArg,
        #[arg(long, value_name = "N", default_value_t = 10, hide_default_value = true, value_parser = clap::value_parser!(u64).range(1..=10_000))]
        records: u64,
        #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=7200))]
        timeout: Option<u64>,
    },
    Status {
        #[command(flatten)]
        stream: StreamArg,
        #[arg(long)]
        json: bool,
    },
    Watch {
        #[command(flatten)]
        stream: StreamArg,
    },
    Export {
        plan: PathBuf,
        #[arg(long, value_name = "FORMAT", value_parser = ["cli", "cloudformation", "terraform"])]
        format: String,
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[arg(long)]
        force: bool,
    },
    Import {
        name: String,
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[arg(long)]
        force: bool,
        #[arg(long)]
        lossy: bool,
    },
    Init {
        #[arg(long, required = true)]
        lab: bool,
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[arg(long, value_name = "SUFFIX")]
        bucket_suffix: Option<String>,
        #[arg(long)]
        force: bool,
    },
}

/// `PLAN | --stream NAME`: the delivery stream a data-flow command is about.
#[derive(Debug, clap::Args)]
#[group(required = true, multiple = false)]
pub struct StreamArg {
    pub plan: Option<PathBuf>,
    #[arg(long, value_name = "NAME")]
    pub stream: Option<String>,
}

impl StreamArg {
    pub fn target(&self) -> StreamRef {
        match (&self.plan, &self.stream) {
            (Some(p), _) => StreamRef::Plan(p.clone()),
            (None, Some(n)) => StreamRef::Name(n.clone()),
            (None, None) => unreachable!("clap requires one of them"),
        }
    }
}

/// The commands whose `plan` and `--stream` name a stream (one help text for all of them).
const STREAM_COMMANDS: [&str; 4] = ["send", "smoke-test", "status", "watch"];

/// The language `--lang` asks for in `args` (the program's name first), when it names one spoken
/// here; scanning stops at `--`.
pub fn lang_flag(args: &[OsString]) -> Option<Lang> {
    let mut it = args.iter().skip(1).map(|a| a.to_str());
    while let Some(a) = it.next() {
        let value = match a {
            Some("--") => return None,
            Some("--lang") => it.next().flatten(),
            Some(a) => a.strip_prefix("--lang="),
            None => None,
        };
        if let Some(v) = value {
            return match v {
                "en" => Some(Lang::En),
                "ko" => Some(Lang::Ko),
                _ => None,
            };
        }
    }
    None
}

/// Chooses the language (`--lang`, else the locale), then parses `args` with help texts in it; on
/// `--help` or `--version` clap prints and exits, on a bad command line [`exit_with`] says why (exit 2).
pub fn parse_from(args: Vec<OsString>) -> Cli {
    i18n::set(i18n::choose(lang_flag(&args), |v| std::env::var(v).ok()));
    match command().try_get_matches_from(args) {
        Ok(m) => Cli::from_arg_matches(&m).unwrap_or_else(|e| exit_with(e)),
        Err(e) => exit_with(e),
    }
}

/// Prints clap's answer and exits: help and version as clap writes them; a bad command line (exit 2)
/// in the current language, for the mistakes people make (clap's own words otherwise).
fn exit_with(e: clap::Error) -> ! {
    use clap::error::{ContextKind as C, ErrorKind as K};
    if i18n::current() == Lang::En {
        e.exit()
    }
    let get = |k: C| e.get(k).map(ToString::to_string).unwrap_or_default();
    let what = match e.kind() {
        K::UnknownArgument => t!("clap-unknown-argument", arg = get(C::InvalidArg)),
        K::InvalidSubcommand => t!("clap-unknown-command", command = get(C::InvalidSubcommand)),
        K::InvalidValue | K::ValueValidation => match e.get(C::ValidValue) {
            Some(valid) => t!(
                "clap-invalid-value-of",
                value = get(C::InvalidValue),
                arg = get(C::InvalidArg),
                valid = valid.to_string()
            ),
            None => t!("clap-invalid-value", value = get(C::InvalidValue), arg = get(C::InvalidArg)),
        },
        K::MissingRequiredArgument => t!("clap-missing-argument", args = get(C::InvalidArg)),
        K::ArgumentConflict => t!("clap-conflict", arg = get(C::InvalidArg), other = get(C::PriorArg)),
        K::NoEquals | K::TooManyValues | K::TooFewValues | K::WrongNumberOfValues => {
            t!("clap-value-count", arg = get(C::InvalidArg))
        }
        _ => e.exit(),
    };
    let mut out = vec![t!("cli-error", error = what)];
    if let Some(s) = e.get(C::SuggestedArg) {
        out.push(t!("clap-did-you-mean", suggestion = s.to_string()));
    }
    if let Some(s) = e.get(C::SuggestedSubcommand) {
        out.push(t!("clap-did-you-mean-command", suggestion = s.to_string()));
    }
    if let Some(usage) = e.get(C::Usage) {
        let usage = usage.to_string();
        let usage = usage.trim().strip_prefix("Usage:").unwrap_or(&usage).trim().to_owned();
        out.push(format!("\n{} {usage}", t!("cli-heading-usage")));
    }
    out.push(format!("\n{}", t!("clap-more")));
    crate::tell!("{}", out.join("\n"));
    std::process::exit(2)
}

/// The command line with its help texts in the current language.
pub fn command() -> clap::Command {
    let mut cmd = Cli::command();
    cmd.build();
    localize(cmd, None)
}

/// The catalogue id of a command's about (`None`: the program itself).
fn about_id(command: Option<&str>) -> String {
    match command {
        None => "cli-about".into(),
        Some(name) => format!("cli-{name}"),
    }
}

/// The catalogue id of an argument's help.
fn arg_id(command: Option<&str>, arg: &clap::Arg) -> String {
    let id = arg.get_id().as_str().replace('_', "-");
    match (id.as_str(), command) {
        ("help", _) => "cli-help-flag".into(),
        ("version", _) => "cli-version-flag".into(),
        _ if arg.is_global_set() => format!("cli-arg-{id}"),
        ("plan" | "stream", Some(c)) if STREAM_COMMANDS.contains(&c) => format!("cli-stream-{id}"),
        (_, None) => format!("cli-wizard-{id}"),
        (_, Some(c)) => format!("cli-{c}-{id}"),
    }
}

fn localize(mut cmd: clap::Command, command: Option<&str>) -> clap::Command {
    let text = |id: &str| i18n::loader().get(id);
    cmd = cmd.about(text(&about_id(command)));
    if command.is_none() {
        cmd = cmd.after_help(text("cli-after-help"));
    }
    let korean = i18n::current() == Lang::Ko;
    if korean {
        // clap's own headings are English; a template and headings of our own say them in Korean
        cmd = cmd
            .help_template(format!(
                "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
                text("cli-heading-usage")
            ))
            .subcommand_help_heading(text("cli-heading-commands"));
    }
    let ids: Vec<(String, bool)> =
        cmd.get_arguments().map(|a| (a.get_id().as_str().to_owned(), a.is_positional())).collect();
    for (id, positional) in ids {
        cmd = cmd.mut_arg(&id, |a| {
            let help = text(&arg_id(command, &a));
            let a = a.help(help);
            match (korean, positional) {
                (false, _) => a,
                (true, true) => a.help_heading(text("cli-heading-arguments")),
                (true, false) => a.help_heading(text("cli-heading-options")),
            }
        });
    }
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |s| localize(s, Some(&name)));
    }
    cmd
}

/// Every catalogue id the command line's help uses.
pub fn help_ids() -> Vec<String> {
    fn walk(cmd: &clap::Command, command: Option<&str>, out: &mut Vec<String>) {
        out.push(about_id(command));
        out.extend(cmd.get_arguments().map(|a| arg_id(command, a)));
        for s in cmd.get_subcommands() {
            walk(s, Some(s.get_name()), out);
        }
    }
    let mut cmd = Cli::command();
    cmd.build();
    let mut out = vec![
        "cli-after-help".to_owned(),
        "cli-heading-usage".into(),
        "cli-heading-commands".into(),
        "cli-heading-arguments".into(),
        "cli-heading-options".into(),
    ];
    walk(&cmd, None, &mut out);
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<OsString> {
        a.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_lang_flag_is_found_anywhere_before_a_double_dash() {
        assert_eq!(lang_flag(&args(&["fw", "--lang", "ko"])), Some(Lang::Ko));
        assert_eq!(lang_flag(&args(&["fw", "validate", "p.json", "--lang=en"])), Some(Lang::En));
        assert_eq!(lang_flag(&args(&["fw", "--lang", "fr"])), None);
        assert_eq!(lang_flag(&args(&["fw", "--lang"])), None);
        assert_eq!(lang_flag(&args(&["fw", "--", "--lang", "ko"])), None);
        assert_eq!(lang_flag(&args(&["fw", "validate"])), None);
    }

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}
