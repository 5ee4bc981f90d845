//! `apply`: validate a plan file, then create what it describes, one line per step; a failure or an
//! interruption says exactly what exists and how to resume or remove it.

use std::path::Path;

use tokio::sync::mpsc::unbounded_channel;

use super::{EXIT_PROBLEMS, load_plan, plans::report_problems, runtime};
use crate::cloud::journal::Store;
use crate::cloud::provision::{self, Failure, Progress, State, Step, Timing};
use crate::cloud::{Cloud, CloudError, Options, destroy};
use crate::plan::msg::Msg;
use crate::plan::sanitize;
use crate::text::pad;
use crate::{say, tell};

/// Where journals of the calls of `cloud` are kept (by the endpoints its clients use), or the exit code
/// after saying there is no such place.
pub fn journal_store(cloud: &Cloud) -> Result<Store, u8> {
    Store::default_location(&cloud.endpoints).ok_or_else(|| {
        tell!("{}", t!("cli-no-state-dir"));
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

/// `apply PLAN`.
pub fn cmd_apply(opts: &Options, path: &Path, log: Option<&Path>) -> u8 {
    let plan = match load_plan(path) {
        Ok(p) => p,
        Err(code) => return code,
    };
    if report_problems(&plan) {
        return EXIT_PROBLEMS;
    }
    let endpoint_url = opts.endpoint_url.as_deref().map(crate::cloud::endpoints::shown);
    tracing::info!(profile = ?opts.profile, region = ?opts.region, ?endpoint_url, "apply");
    let runtime = match runtime() {
        Ok(r) => r,
        Err(code) => return code,
    };
    let shown_path = sanitize(&path.display().to_string());
    let code = runtime.block_on(async {
        let mut signals = match Signals::listen() {
            Ok(s) => s,
            Err(e) => {
                tell!("{}", t!("cli-no-signals", error = e.to_string()));
                return EXIT_PROBLEMS;
            }
        };
        let cloud = match super::connect(opts).await {
            Ok(c) => c,
            Err(error) => {
                print_failure(&Failure { step: Step::Account, error, resources: vec![], journal: None }, log);
                return EXIT_PROBLEMS;
            }
        };
        let store = match journal_store(&cloud) {
            Ok(s) => s,
            Err(code) => return code,
        };
        let (tx, mut rx) = unbounded_channel::<Progress>();
        // outside the printer, so that an interruption still prints what it holds
        let lines = std::cell::RefCell::new(InOrder::default());
        let printer = async {
            while let Some(p) = rx.recv().await {
                tracing::info!(step = ?p.step, state = ?p.state, elapsed_ms = p.elapsed.as_millis() as u64, "progress");
                let ready = lines.borrow_mut().take(p);
                ready.iter().for_each(print_progress);
            }
            let rest = lines.borrow_mut().flush();
            rest.iter().for_each(print_progress);
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
                let held = lines.borrow_mut().flush();
                held.iter().for_each(print_progress);
                tell!("{}", t!("apply-interrupted", signal = name));
                let settled = tokio::select! {
                    r = tokio::time::timeout(std::time::Duration::from_secs(20), destroy::settled_journal(&cloud, &store, &plan.name, None)) => {
                        r.unwrap_or_else(|_| Err(CloudError::local(msg!("app-no-answer-20s"), msg!("hint-network-again")))).map(|(_, j)| j)
                    }
                    _ = signals.next() => Err(CloudError::local(msg!("apply-interrupted-again"), Msg::text(""))),
                };
                for line in destroy::interrupted_lines(settled.as_ref(), &shown_path) {
                    tell!("{line}");
                }
                if let Some(p) = log {
                    tell!("{}", t!("cli-log", path = p.display().to_string()));
                }
                return code;
            }
        };
        match result {
            Ok(outcome) => {
                say!("{}", t!("app-stream-arn", arn = outcome.stream_arn.clone()));
                let bucket = plan.destination.bucket.clone();
                say!(
                    "{}",
                    match plan.source.kinesis() {
                        None => t!("apply-next-direct-put", plan = shown_path.clone(), stream = plan.name.clone(), bucket = bucket),
                        Some(s) => t!("apply-next-kinesis", plan = shown_path.clone(), stream = sanitize(s), bucket = bucket),
                    }
                );
                0
            }
            Err(f) => {
                print_failure(&f, log);
                if f.resources.iter().any(|r| r.created) {
                    tell!("{}", t!("apply-resume", plan = shown_path.clone()));
                    tell!("{}", t!("interrupted-remove", plan = shown_path.clone()));
                }
                EXIT_PROBLEMS
            }
        }
    });
    // an abandoned call may still hold a resolver thread: never wait for it on the way out
    runtime.shutdown_timeout(std::time::Duration::from_millis(200));
    code
}

/// The steps that run at once end in any order; their last lines are printed in the steps' order, a
/// step's held until every step before it that started has ended. Retries and waits are printed as
/// they come (their step is on the line).
#[derive(Default)]
struct InOrder {
    started: Vec<Step>,
    ended: Vec<Step>,
    held: Vec<Progress>,
}

impl InOrder {
    /// The events to print now, in order.
    fn take(&mut self, p: Progress) -> Vec<Progress> {
        match p.state {
            State::Started => {
                self.started.push(p.step);
                vec![]
            }
            State::Done { .. } | State::Failed { .. } => {
                self.ended.push(p.step);
                self.held.push(p);
                self.held.sort_by_key(|p| p.step.number());
                let ready = self
                    .held
                    .iter()
                    .take_while(|h| {
                        !self.started.iter().any(|s| s.number() < h.step.number() && !self.ended.contains(s))
                    })
                    .count();
                self.held.drain(..ready).collect()
            }
            _ => vec![p],
        }
    }

    /// What is still held when the run has ended (a step before it never ended).
    fn flush(&mut self) -> Vec<Progress> {
        std::mem::take(&mut self.held)
    }
}

/// `[4/8] bucket          `: the step's number and label, padded to one width in every language.
fn step_tag(step: Step) -> String {
    format!("[{}/{}] {}", step.number(), Step::ALL.len(), pad(&step.label().to_string(), 16))
}

fn print_progress(p: &Progress) {
    let secs = format!("{:>6.2}s", p.elapsed.as_secs_f64());
    let head = |what: String| format!("{} {} {secs}", step_tag(p.step), pad(&what, 8));
    let line = match &p.state {
        State::Started => return,
        State::Done { done, detail } => {
            format!("{}  {}", head(done.msg().to_string()), sanitize(&detail.to_string()))
        }
        State::Failed { .. } => head(t!("progress-failed")),
        State::Retrying { attempt, wait, reason } => {
            let when =
                if wait.is_zero() { t!("apply-retry-now") } else { t!("apply-retry-in", seconds = wait.as_secs()) };
            let text = t!(
                "apply-retrying",
                attempt = u64::from(*attempt),
                when = when,
                reason = sanitize(&reason.to_string())
            );
            format!("{}  {text}", head(t!("apply-retry")))
        }
        State::Waiting { status } => {
            format!("{}  {}", head(t!("apply-waiting")), t!("row-status", status = sanitize(status)))
        }
        State::SdkRetry(r) => {
            let text = t!(
                "apply-sdk-retry",
                operation = r.operation.clone(),
                attempt = r.attempt,
                attempts = r.max_attempts,
                reason = sanitize(&r.reason.to_string())
            );
            format!("{}  {text}", head(t!("apply-retry")))
        }
    };
    say!("{line}");
}

/// What a failed run leaves: the step and AWS's error, the hint, what exists, the journal and the log.
pub fn print_failure(f: &Failure, log: Option<&Path>) {
    let e = &f.error;
    tell!(
        "{}",
        t!(
            "apply-step-failed",
            number = f.step.number(),
            steps = Step::ALL.len(),
            step = f.step.label().to_string(),
            error = e.summary()
        )
    );
    if let Some(h) = &e.hint {
        tell!("{}", t!("cli-hint", hint = h.to_string()));
    }
    if let Some(id) = &e.request_id {
        tell!("{}", t!("apply-request-id", id = id.clone()));
    }
    if f.resources.is_empty() {
        tell!("{}", t!("apply-nothing-exists"));
    } else {
        tell!("{}", t!("apply-what-exists"));
        for r in &f.resources {
            tell!("  {}", sanitize(&r.to_string()));
        }
        if !f.resources.iter().any(|r| r.created) {
            tell!("{}", t!("apply-nothing-ours"));
        }
    }
    if let Some(j) = &f.journal {
        tell!("{}", t!("apply-journal", path = j.display().to_string()));
    }
    if let Some(path) = log {
        tell!("{}", t!("cli-log", path = path.display().to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::provision::Done;
    use crate::plan::msg::Msg;
    use std::time::Duration;

    fn ev(step: Step, state: State) -> Progress {
        Progress { step, state, elapsed: Duration::ZERO }
    }

    fn done(step: Step) -> Progress {
        ev(step, State::Done { done: Done::Created, detail: Msg::text("") })
    }

    fn steps(ps: Vec<Progress>) -> Vec<Step> {
        ps.into_iter().map(|p| p.step).collect()
    }

    #[test]
    fn steps_that_run_at_once_end_in_their_order() {
        let mut o = InOrder::default();
        for s in [Step::Role, Step::Source, Step::Bucket, Step::Logs] {
            assert!(o.take(ev(s, State::Started)).is_empty());
        }
        // the role ends first: held until the source, the bucket and the logs have ended
        assert!(o.take(done(Step::Role)).is_empty());
        // a retry is printed at once
        let waiting = ev(Step::Logs, State::Waiting { status: "x".into() });
        assert_eq!(steps(o.take(waiting)), [Step::Logs]);
        assert!(o.take(done(Step::Bucket)).is_empty());
        assert_eq!(steps(o.take(done(Step::Source))), [Step::Source, Step::Bucket]);
        assert_eq!(steps(o.take(done(Step::Logs))), [Step::Logs, Step::Role]);
        assert!(o.flush().is_empty());
    }

    #[test]
    fn a_step_that_never_ends_lets_the_rest_out_at_the_end() {
        let mut o = InOrder::default();
        for s in [Step::Source, Step::Bucket] {
            o.take(ev(s, State::Started));
        }
        assert!(o.take(done(Step::Bucket)).is_empty());
        assert_eq!(steps(o.flush()), [Step::Bucket]);
    }
}
