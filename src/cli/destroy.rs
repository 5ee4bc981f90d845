//! `destroy`: remove what firehose-wizard created for a plan's stream (by its journal), newest first,
//! one line per resource; name what the plan uses that it left alone because the user had it. On a
//! terminal it first lists what it will delete and what it will keep, and asks (`--yes` does not ask).

use std::path::Path;

use super::{EXIT_PROBLEMS, apply::journal_store, fail, load_plan, runtime};
use crate::cloud::destroy::{self, Outcome as Removed};
use crate::cloud::provision::{self, Timing};
use crate::cloud::{CloudError, Options};
use crate::plan::names::role_name_of;
use crate::plan::{Role, sanitize};
use crate::text::pad;
use crate::{say, tell};

/// `destroy PLAN [--dry-run] [--with-objects]`.
pub fn cmd_destroy(opts: &Options, path: &Path, how: destroy::Options, yes: bool, log: Option<&Path>) -> u8 {
    let plan = match load_plan(path) {
        Ok(p) => p,
        Err(code) => return code,
    };
    // only the name matters here (it finds the journal); the rest may have gone stale since apply
    if let Err(message) = crate::plan::names::delivery_stream_name(&plan.name) {
        tell!("{}", t!("cli-error", error = format!("name: {}", sanitize(&message.to_string()))));
        return EXIT_PROBLEMS;
    }
    tracing::info!(profile = ?opts.profile, region = ?opts.region, ?how, "destroy");
    let runtime = match runtime() {
        Ok(r) => r,
        Err(code) => return code,
    };
    runtime.block_on(async {
        let fail = |error: CloudError| fail(&error, log);
        let cloud = match super::connect(opts).await {
            Ok(c) => c,
            Err(e) => return fail(e),
        };
        let store = match journal_store(&cloud) {
            Ok(s) => s,
            Err(code) => return code,
        };
        let target = match cloud.identify().await {
            Ok(t) => t,
            Err(e) => return fail(e),
        };
        // --dry-run changes nothing: it reads the journal without the stream's lock
        let opened = if how.dry_run { store.read(&target, &plan.name) } else { store.open(&target, &plan.name) };
        let mut journal = match opened {
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
                "{}",
                t!(
                    "destroy-no-record",
                    stream = name.clone(),
                    account = target.account.clone(),
                    region = target.region.clone()
                )
            );
            return 0;
        }
        say!("{}", t!("destroy-journal", path = journal.path().display().to_string()));
        let ask = {
            use std::io::IsTerminal;
            !how.dry_run && !yes && std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
        };
        if ask && !confirmed(&cloud, &mut journal, how).await {
            say!("{}", t!("destroy-declined"));
            return EXIT_PROBLEMS;
        }
        let removals = destroy::destroy(&cloud, &mut journal, how, &Timing::default(), |r| {
            tracing::info!(resource = crate::i18n::in_english(&r.resource), outcome = ?r.outcome, "destroy");
            say!("{}", removal_line(r, how));
            if let Removed::Failed(e) = &r.outcome
                && let Some(h) = &e.hint
            {
                say!("{}{}", " ".repeat(13), t!("cli-hint", hint = h.to_string()));
            }
        })
        .await;
        let kept = removals.iter().filter(|r| !r.ok()).count();
        // what the plan names that the journal does not list, and that exists: the user's own
        let role = match &plan.settings.role {
            Role::Create(r) | Role::Existing(r) => r.as_str(),
        };
        let mut candidates =
            vec![(provision::Kind::Bucket, plan.destination.bucket.as_str()), (provision::Kind::Role, role)];
        if let Some(b) = &plan.destination.backup {
            candidates.push((provision::Kind::Bucket, b.bucket.as_str()));
        }
        if let Some(k) = plan.source.kinesis() {
            candidates.push((provision::Kind::KinesisStream, k));
        }
        let mut untouched = Vec::new();
        for (kind, id) in candidates {
            let listed =
                removals.iter().any(|r| r.resource.kind == kind && role_name_of(&r.resource.id) == role_name_of(id));
            if !listed && destroy::exists(&cloud, kind, id).await.unwrap_or(false) {
                untouched.push(format!("{kind} {}", sanitize(id)));
            }
        }
        untouched.dedup();
        if !untouched.is_empty() {
            say!("{}", t!("destroy-left-alone", resources = untouched.join(", ")));
        }
        if how.dry_run {
            say!("{}", t!("destroy-dry-run"));
            0
        } else if kept == 0 {
            say!("{}", t!("destroy-done", stream = name.clone()));
            0
        } else {
            tell!("{}", t!("destroy-remain", count = kept));
            EXIT_PROBLEMS
        }
    })
}

/// `deleted      S3 bucket NAME (0.42s)`: what happened to one resource, the outcome in a column.
fn removal_line(r: &destroy::Removal, how: destroy::Options) -> String {
    let what = format!("{} {}", r.resource.kind, sanitize(&r.resource.id));
    let secs = format!("{:.2}", r.elapsed.as_secs_f64());
    let (outcome, rest) = match &r.outcome {
        Removed::Deleted => (t!("removal-deleted"), t!("removal-deleted-detail", what = what, seconds = secs)),
        Removed::Gone => (t!("removal-gone"), t!("removal-gone-detail", what = what)),
        Removed::WouldDelete { objects: Some(n) } if *n > 0 && !how.with_objects => {
            (t!("removal-would-keep"), t!("removal-would-keep-detail", what = what, count = *n))
        }
        Removed::WouldDelete { objects: Some(n) } if *n > 0 => {
            (t!("removal-would-delete"), t!("removal-would-delete-objects", what = what, count = *n))
        }
        Removed::WouldDelete { .. } => (t!("removal-would-delete"), what),
        Removed::Emptying { objects } => {
            (t!("removal-emptying"), t!("removal-emptying-detail", what = what, count = *objects))
        }
        Removed::Kept(why) | Removed::NotOurs(why) => {
            (t!("removal-kept"), format!("{what}: {}", sanitize(&why.to_string())))
        }
        Removed::Failed(e) => (t!("removal-failed"), format!("{what}: {}", e.summary())),
    };
    format!("{}{rest}", pad(&outcome, 13))
}

/// Lists what `destroy` will delete and keep (a dry run of it, which changes nothing) and asks; true
/// when the answer is yes. Nothing to delete asks nothing.
async fn confirmed(
    cloud: &crate::cloud::Cloud,
    journal: &mut crate::cloud::journal::Journal,
    how: destroy::Options,
) -> bool {
    let preview = destroy::Options { dry_run: true, ..how };
    let removals = destroy::destroy(cloud, journal, preview, &Timing::default(), |_| {}).await;
    // a bucket with objects is kept without --with-objects
    let deletes = removals
        .iter()
        .filter(|r| match r.outcome {
            Removed::WouldDelete { objects: Some(n) } => n == 0 || how.with_objects,
            Removed::WouldDelete { objects: None } => true,
            _ => false,
        })
        .count();
    if deletes == 0 {
        return true;
    }
    say!("{}", t!("destroy-will", count = deletes));
    for r in &removals {
        say!("  {}", removal_line(r, preview));
    }
    tell_prompt(&t!("destroy-ask", count = deletes));
    let mut answer = String::new();
    if std::io::stdin().read_line(&mut answer).is_err() {
        return false;
    }
    matches!(answer.trim().to_lowercase().as_str(), "y" | "yes" | "예" | "네")
}

/// A question on the terminal, without a new line.
fn tell_prompt(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout();
    let _ = write!(out, "{text} ");
    let _ = out.flush();
}
