//! Executes a Plan against AWS in DESIGN.md's order, reporting each step's start, retries and end as
//! [`Progress`] events, and keeping a record of what exists (and what this run created) so that a
//! failure can say so exactly.
//!
//! 1. account and partition (STS)
//! 2. checks: the delivery stream name is free, the role can be used
//! 3. the source Kinesis stream's ARN
//!    (or, when the plan asks for a new one, create it and wait until it is ACTIVE)
//! 4. the bucket (and the backup bucket)
//! 5. the CloudWatch log group and streams of error logging
//! 6. the role and this stream's policy
//! 7. `CreateDeliveryStream`, retried while IAM propagates
//! 8. `DescribeDeliveryStream` until ACTIVE

use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use aws_sdk_firehose::types::DeliveryStreamStatus;
use aws_sdk_kinesis::types::{StreamModeDetails, StreamStatus};
use aws_sdk_s3::types::{BucketLocationConstraint, CreateBucketConfiguration};
use tokio::sync::mpsc::UnboundedSender;
use tokio::time::Instant;

use super::gate::Gate;
use super::journal::{Identity, Journal, JournalError, Store};
use super::ownership::{self, TAG_KEY};
use super::retries::SdkRetry;
use super::{Cloud, CloudError, destroy};
use crate::plan::msg::Msg;
use crate::plan::names::role_name_of;
use crate::plan::request::{self, Resolved, Target};
use crate::plan::validate::{Severity, validate_for};
use crate::plan::{Plan, Role, Source, StreamMode, policy};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Account,
    Name,
    Source,
    Bucket,
    Logs,
    Role,
    Stream,
    Active,
}

impl Step {
    pub const ALL: [Step; 8] =
        [Step::Account, Step::Name, Step::Source, Step::Bucket, Step::Logs, Step::Role, Step::Stream, Step::Active];

    pub fn label(self) -> Msg {
        match self {
            Step::Account => msg!("step-account"),
            Step::Name => msg!("step-checks"),
            Step::Source => msg!("step-source"),
            Step::Bucket => msg!("step-bucket"),
            Step::Logs => msg!("step-logs"),
            Step::Role => msg!("step-role"),
            Step::Stream => msg!("step-stream"),
            Step::Active => msg!("step-active"),
        }
    }

    /// The service whose calls the step makes (as [`SdkRetry::operation`] names it), for the steps
    /// that run at once.
    fn service(self) -> &'static str {
        match self {
            Step::Account => "sts",
            Step::Source => "kinesis",
            Step::Bucket => "s3",
            Step::Logs => "logs",
            Step::Role => "iam",
            Step::Name | Step::Stream | Step::Active => "firehose",
        }
    }

    pub fn number(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).expect("listed") + 1
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum State {
    Started,
    /// A retry is scheduled after `wait` (attempt counts from 1 for the first try).
    Retrying {
        attempt: u32,
        wait: Duration,
        reason: Msg,
    },
    /// Still waiting (e.g. the stream is CREATING).
    Waiting {
        status: String,
    },
    /// Finished: `done` is what happened, `detail` what.
    Done {
        done: Done,
        detail: Msg,
    },
    Failed {
        error: CloudError,
    },
    /// The SDK retries a call (throttled, a 5xx answer, a dropped connection, a timeout).
    SdkRetry(SdkRetry),
}

/// How a step ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Done {
    Created,
    Reused,
    Found,
    Ok,
    Skipped,
}

impl Done {
    pub fn msg(self) -> Msg {
        match self {
            Done::Created => msg!("done-created"),
            Done::Reused => msg!("done-reused"),
            Done::Found => msg!("done-found"),
            Done::Ok => msg!("done-ok"),
            Done::Skipped => msg!("done-skipped"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub step: Step,
    pub state: State,
    /// Time since the step started.
    pub elapsed: Duration,
}

/// What kind of thing a [`Resource`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    KinesisStream,
    Bucket,
    Role,
    /// `id` is `ROLE_NAME/POLICY_NAME`.
    RolePolicy,
    LogGroup,
    /// `id` is `LOG_GROUP:LOG_STREAM`.
    LogStream,
    DeliveryStream,
}

impl Kind {
    /// The step that finds or makes this kind of resource.
    pub fn step(self) -> Step {
        match self {
            Kind::KinesisStream => Step::Source,
            Kind::Bucket => Step::Bucket,
            Kind::LogGroup | Kind::LogStream => Step::Logs,
            Kind::Role | Kind::RolePolicy => Step::Role,
            Kind::DeliveryStream => Step::Stream,
        }
    }

    pub fn msg(self) -> Msg {
        match self {
            Kind::KinesisStream => msg!("kind-kinesis-stream"),
            Kind::Bucket => msg!("kind-bucket"),
            Kind::Role => msg!("kind-role"),
            Kind::RolePolicy => msg!("kind-role-policy"),
            Kind::LogGroup => msg!("kind-log-group"),
            Kind::LogStream => msg!("kind-log-stream"),
            Kind::DeliveryStream => msg!("kind-delivery-stream"),
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.msg())
    }
}

/// Something that exists in AWS after (part of) a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    pub kind: Kind,
    /// A name or an ARN.
    pub id: String,
    /// true when firehose-wizard created it (this run, or an earlier one by its journal); false when
    /// it was there already. Only what firehose-wizard created is ever deleted.
    pub created: bool,
}

impl std::fmt::Display for Resource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let id = if self.created { "resource-created" } else { "resource-existed" };
        let m = Msg::new(id).arg("kind", self.kind.msg()).arg("id", self.id.as_str());
        write!(f, "{m}")
    }
}

/// DescribeStreamSummary of a stream given by name or ARN.
pub(crate) async fn stream_summary(
    kinesis: &aws_sdk_kinesis::Client,
    id: &str,
) -> Result<aws_sdk_kinesis::types::StreamDescriptionSummary, CloudError> {
    let req = kinesis.describe_stream_summary();
    let req = if id.starts_with("arn:") { req.stream_arn(id) } else { req.stream_name(id) };
    let out = req.send().await.map_err(|e| CloudError::from_sdk("kinesis:DescribeStreamSummary", e))?;
    out.stream_description_summary()
        .cloned()
        .ok_or_else(|| CloudError::local(msg!("cloud-no-stream-description"), msg!("hint-run-again")))
}

#[derive(Debug, Clone)]
pub struct Outcome {
    pub target: Target,
    pub stream_arn: String,
    pub resources: Vec<Resource>,
}

#[derive(Debug, Clone)]
pub struct Failure {
    pub step: Step,
    pub error: CloudError,
    /// What exists now, from this run's point of view.
    pub resources: Vec<Resource>,
    /// The journal of what firehose-wizard created for this stream, once the account was known.
    pub journal: Option<std::path::PathBuf>,
}

/// How long and how often to retry or poll. Real AWS values by default; tests shorten them.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    /// First wait before retrying CreateDeliveryStream on an IAM-propagation error; doubles each time.
    pub retry_first: Duration,
    pub retry_max: Duration,
    /// Total time allowed for IAM propagation retries (Terraform uses 2 minutes).
    pub retry_budget: Duration,
    /// DescribeDeliveryStream polling interval (the API allows 5 TPS per account).
    pub poll_every: Duration,
    pub poll_timeout: Duration,
}

impl Default for Timing {
    fn default() -> Self {
        Timing {
            retry_first: Duration::from_secs(2),
            retry_max: Duration::from_secs(15),
            retry_budget: Duration::from_secs(120),
            poll_every: Duration::from_secs(5),
            poll_timeout: Duration::from_secs(30 * 60),
        }
    }
}

/// Whether CreateDeliveryStream failed only because IAM changes have not reached Firehose yet.
pub fn is_iam_propagation(e: &CloudError) -> bool {
    e.is("InvalidArgumentException") && {
        let text = e.message_text();
        crate::plan::request::PROPAGATION_MESSAGES.iter().any(|m| text.contains(m))
    }
}

/// Runs `op` until it succeeds, fails with an error `retryable` rejects, or the budget is spent.
/// Waits `first`, doubling up to `max`; `on_retry(attempt, wait, error)` is told before each wait.
pub async fn retry<T, E, F, Fut>(
    timing: &Timing,
    retryable: impl Fn(&E) -> bool,
    mut op: F,
    mut on_retry: impl FnMut(u32, Duration, &E),
) -> Result<T, E>
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    let start = Instant::now();
    let mut wait = timing.retry_first;
    let mut attempt = 1;
    loop {
        match op(attempt).await {
            Ok(v) => return Ok(v),
            Err(e) if retryable(&e) && start.elapsed() + wait <= timing.retry_budget => {
                on_retry(attempt, wait, &e);
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(timing.retry_max);
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

/// What polling saw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StreamState {
    Creating,
    Active,
    Failed(Msg),
    Other(String),
}

impl StreamState {
    /// The status as DescribeDeliveryStream says it (`CREATING`).
    fn status(&self) -> &str {
        match self {
            StreamState::Creating => "CREATING",
            StreamState::Active => "ACTIVE",
            StreamState::Failed(_) => "CREATING_FAILED",
            StreamState::Other(s) => s,
        }
    }
}

/// Polls `describe` every `poll_every` until the stream is ACTIVE, fails, or `poll_timeout` passes.
pub async fn poll_active<F, Fut>(
    timing: &Timing,
    mut describe: F,
    mut on_wait: impl FnMut(&str),
) -> Result<(), CloudError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<StreamState, CloudError>>,
{
    let start = Instant::now();
    loop {
        match describe().await? {
            StreamState::Active => return Ok(()),
            StreamState::Failed(reason) => {
                return Err(CloudError {
                    operation: Some("firehose:DescribeDeliveryStream"),
                    code: Some("CREATING_FAILED".into()),
                    message: reason,
                    request_id: None,
                    hint: Some(Box::new(msg!("hint-creating-failed"))),
                    answer_lost: false,
                });
            }
            s => {
                if start.elapsed() >= timing.poll_timeout {
                    return Err(CloudError::local(
                        msg!("poll-timeout", status = s.status(), seconds = timing.poll_timeout.as_secs()),
                        msg!("poll-timeout-hint"),
                    ));
                }
                on_wait(match &s {
                    StreamState::Other(x) => x,
                    _ => "CREATING",
                });
                tokio::time::sleep(timing.poll_every).await;
            }
        }
    }
}

/// Sends the events of one step, timing it from its start.
struct Reporter<'a> {
    events: &'a UnboundedSender<Progress>,
    step: Step,
    start: Instant,
}

impl Reporter<'_> {
    fn send(&self, state: State) {
        // A closed receiver only means nobody is watching; provisioning goes on.
        let _ = self.events.send(Progress { step: self.step, state, elapsed: self.start.elapsed() });
    }
}

/// Runs the plan. The plan must already have passed `validate` without errors.
///
/// Convergent: what exists and matches is reused (and reported so), what is missing is created, a
/// real conflict stops the run before anything is created. Every create call is written to the
/// stream's journal in `store` before it is sent and after it returns; what the journal lists is
/// reported as created by firehose-wizard, even when an earlier run created it.
pub async fn provision(
    cloud: &Cloud,
    plan: &Plan,
    store: &Store,
    timing: &Timing,
    events: &UnboundedSender<Progress>,
) -> Result<Outcome, Failure> {
    let running = Arc::new(Mutex::new(Running::default()));
    // the SDK's own retries are shown on the step that made the call
    let _watching = cloud.retries.watch({
        let (events, running) = (events.clone(), running.clone());
        move |retry: SdkRetry| {
            let Some((step, start)) = lock(&running).for_operation(&retry.operation) else { return };
            let _ = events.send(Progress { step, state: State::SdkRetry(retry), elapsed: start.elapsed() });
        }
    });
    let run = Run {
        cloud,
        plan,
        store,
        timing,
        events,
        running,
        resources: Mutex::new(Vec::new()),
        journal: Mutex::new(None),
        gate: Gate::new(&AT_ONCE),
    };
    let result = run.steps().await;
    let mut resources = run.resources.into_inner().unwrap_or_else(|e| e.into_inner());
    // in the steps' order whatever order the steps that ran at once ended in (a stable sort: each
    // step's own resources keep theirs)
    resources.sort_by_key(|r| r.kind.step().number());
    match result {
        Ok((target, stream_arn)) => Ok(Outcome { target, stream_arn, resources }),
        Err(e) => {
            let (step, error) = *e;
            let journal = run.journal.into_inner().unwrap_or_else(|e| e.into_inner()).map(|j| j.path().to_path_buf());
            Err(Failure { step, error, resources, journal })
        }
    }
}

/// A lock that a panicking holder left poisoned still holds good data: every change under it is one
/// push or one journal write.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The steps started so far, in the order they started, and whether each has ended: an SDK retry is
/// shown on the running step of the call's service (several run at once), else on the last one.
#[derive(Default)]
struct Running(Vec<(Step, Instant, bool)>);

impl Running {
    fn for_operation(&self, operation: &str) -> Option<(Step, Instant)> {
        let service = operation.split(':').next().unwrap_or_default();
        let open = || self.0.iter().filter(|(_, _, ended)| !ended);
        open()
            .find(|(step, _, _)| step.service() == service)
            .or_else(|| open().next_back())
            .or_else(|| self.0.last())
            .map(|&(step, start, _)| (step, start))
    }
}

struct Run<'a> {
    cloud: &'a Cloud,
    plan: &'a Plan,
    store: &'a Store,
    timing: &'a Timing,
    events: &'a UnboundedSender<Progress>,
    running: Arc<Mutex<Running>>,
    /// What exists, in the order it was found or created. The steps that run at once share it (and
    /// the journal) through these locks, each held for one change and never across a call to AWS.
    resources: Mutex<Vec<Resource>>,
    /// Opened once the account is known (step 1).
    journal: Mutex<Option<Journal>>,
    /// The steps that run at once create nothing until all of them have looked.
    gate: Gate<Step>,
}

/// The steps that do not depend on each other, run at once (started the role first, so that IAM's
/// propagation overlaps the rest), in the steps' order.
const AT_ONCE: [Step; 4] = [Step::Source, Step::Bucket, Step::Logs, Step::Role];

/// The code of the error a step that runs at once ends with when another one's failure held it back
/// before it created anything (it is shown as skipped, not as a failure).
const HELD_BACK: &str = "firehose-wizard:held-back";

fn held_back(failed: Step) -> CloudError {
    let mut e = CloudError::local(
        msg!("held-back", number = failed.number(), steps = Step::ALL.len(), step = failed.label()),
        msg!("hint-bug"),
    );
    e.code = Some(HELD_BACK.to_owned());
    e
}

type StepResult<T> = Result<T, Box<(Step, CloudError)>>;

/// A role that Firehose may assume, as IAM described it.
struct TrustedRole {
    arn: String,
    identity: Identity,
    /// Whom else its trust lets assume it ([`policy::trust_extras`]).
    extras: Vec<String>,
    last_used_region: Option<String>,
}

/// The code of the error of a CreateBucket that answered OK for a bucket this account had before the
/// run found the name free (us-east-1 does so): not firehose-wizard's.
const OWNED_BEFORE: &str = "firehose-wizard:owned-before";

/// How a resource came to be there, for the step's detail.
fn origin(created_now: bool, ours: bool) -> Msg {
    match (created_now, ours) {
        (true, _) => msg!("origin-created"),
        (false, true) => msg!("origin-ours"),
        (false, false) => msg!("origin-existed"),
    }
}

impl<'a> Run<'a> {
    /// Reports a step's start; the reporter times it.
    fn start(&self, step: Step) -> Reporter<'a> {
        let r = Reporter { events: self.events, step, start: Instant::now() };
        lock(&self.running).0.push((step, r.start, false));
        r.send(State::Started);
        r
    }

    /// Reports how a step ended.
    fn finish<T>(&self, r: Reporter<'_>, result: Result<(T, Done, Msg), CloudError>) -> StepResult<T> {
        if let Some(s) = lock(&self.running).0.iter_mut().find(|(step, _, _)| *step == r.step) {
            s.2 = true;
        }
        self.gate.leave(r.step, result.is_ok());
        match result {
            Ok((v, done, detail)) => {
                r.send(State::Done { done, detail });
                Ok(v)
            }
            Err(error) if error.is(HELD_BACK) => {
                r.send(State::Done { done: Done::Skipped, detail: error.message.clone() });
                Err(Box::new((r.step, error)))
            }
            Err(error) => {
                r.send(State::Failed { error: error.clone() });
                Err(Box::new((r.step, error)))
            }
        }
    }

    /// One change to the journal, written before the lock is let go.
    fn journal<T>(&self, change: impl FnOnce(&mut Journal) -> Result<T, JournalError>) -> Result<T, CloudError> {
        let mut journal = lock(&self.journal);
        let journal = journal.as_mut().ok_or_else(|| CloudError::local(msg!("journal-not-open"), msg!("hint-bug")))?;
        change(journal).map_err(destroy::journal_error)
    }

    /// The value of firehose-wizard's tag on what this run creates (the journal's).
    fn tag_value(&self) -> String {
        lock(&self.journal).as_ref().map(Journal::tag_value).unwrap_or_default()
    }

    /// Whether the journal says firehose-wizard created this resource.
    fn ours(&self, kind: Kind, id: &str) -> bool {
        lock(&self.journal).as_ref().is_some_and(|j| j.owns(kind, id))
    }

    fn push(&self, resource: Resource) {
        lock(&self.resources).push(resource);
    }

    /// Records a resource that was there before this run; it counts as created when the journal says
    /// firehose-wizard created it. Returns that.
    fn found(&self, kind: Kind, id: impl Into<String>) -> bool {
        let id = id.into();
        let created = self.ours(kind, &id);
        self.push(Resource { kind, id, created });
        created
    }

    /// Creates one resource under the journal: `begin` before the call, `created` after it. The caller
    /// has just looked and found it absent. The retry watch says whether an attempt of this call lost
    /// its answer (the SDK resends underneath): then a `conflicts` answer ("already exists") is that
    /// attempt having gone through, and the resource is this run's; without a lost attempt it appeared
    /// meanwhile and is not. A call that ends without an answer is settled by a lookup: found is this
    /// run's, absent is sent again. When it cannot be told, the journal keeps `creating`, for the next
    /// run or `destroy` to settle. Once made, the resource's identity (which the create call may
    /// answer with, else a lookup gives) is recorded with it (see `cloud::ownership`); when the lookup
    /// does not find it yet (S3's and IAM's lists lag), the entry stays `creating`, for the next run or
    /// `destroy` to settle. Returns whether the answer was lost and recovered.
    async fn tracked<C, CF>(
        &self,
        r: &Reporter<'_>,
        (kind, id): (Kind, &str),
        operation: &'static str,
        create: C,
        conflicts: &[&str],
        tag_after: bool,
    ) -> Result<bool, CloudError>
    where
        C: FnMut() -> CF,
        CF: Future<Output = Result<Option<Identity>, CloudError>>,
    {
        let (recovered, answered) = self.tracked_call(r, (kind, id), operation, create, conflicts).await?;
        self.record(kind, id, answered, tag_after).await?;
        Ok(recovered)
    }

    /// [`Run::tracked`]'s create call, without recording what it made: the caller then calls
    /// [`Run::record`] (meanwhile the entry says `creating`). Returns whether the answer was lost and
    /// recovered, and the identity the answer carried.
    async fn tracked_call<C, CF>(
        &self,
        r: &Reporter<'_>,
        (kind, id): (Kind, &str),
        operation: &'static str,
        mut create: C,
        conflicts: &[&str],
    ) -> Result<(bool, Option<Identity>), CloudError>
    where
        C: FnMut() -> CF,
        CF: Future<Output = Result<Option<Identity>, CloudError>>,
    {
        let cloud = self.cloud;
        self.gate.pass(r.step).await.map_err(held_back)?;
        self.journal(|j| j.begin(kind, id))?;
        let lost_before = cloud.retries.lost(operation);
        let mut resent = 0;
        // Ok(recovered), or Err((error, whether the call may have taken effect))
        let mut answered = None;
        let verdict = loop {
            let e = match create().await {
                Ok(identity) => {
                    answered = identity;
                    break Ok(false);
                }
                Err(e) => e,
            };
            let lost = cloud.retries.lost(operation) > lost_before;
            if conflicts.iter().any(|c| e.is(c)) {
                break if lost { Ok(true) } else { Err((self.appeared(kind, id, e), false)) };
            }
            if !e.answer_lost {
                break Err((e, lost));
            }
            match destroy::exists(cloud, kind, id).await {
                Ok(true) => break Ok(true),
                Ok(false) if resent < 2 => {
                    resent += 1;
                    r.send(State::Retrying {
                        attempt: resent,
                        wait: Duration::ZERO,
                        reason: msg!("retry-resend", error = e.summary(), kind = kind.msg(), id = id),
                    });
                }
                Ok(false) | Err(_) => break Err((e, true)),
            }
        };
        match verdict {
            Ok(recovered) => {
                self.push(Resource { kind, id: id.to_owned(), created: true });
                Ok((recovered, answered))
            }
            Err((e, unknown)) => {
                if !unknown {
                    self.journal(|j| j.forget(kind, id))?;
                }
                Err(e)
            }
        }
    }

    /// Records a resource this run made: its identity (the create call's answer's, else a lookup's) and,
    /// where the create call could not carry firehose-wizard's tag (or the service ignored it), the tag,
    /// put on now, before the entry says `created`: until then a crash leaves it `creating`, and settling
    /// puts the tag on. Not found yet (S3's and IAM's lists lag), it stays `creating`, for the next run
    /// to settle.
    async fn record(
        &self,
        kind: Kind,
        id: &str,
        answered: Option<Identity>,
        tag_after: bool,
    ) -> Result<(), CloudError> {
        let cloud = self.cloud;
        let identity = match answered {
            Some(identity) => Some(identity),
            None => match ownership::look(cloud, kind, id, false).await {
                Ok(seen) => seen.map(|s| s.identity),
                Err(e) => {
                    tracing::warn!(kind = ?kind, error = %crate::i18n::in_english(&e.summary()), "identity not read");
                    None
                }
            },
        };
        if let Some(identity) = &identity
            && ownership::taggable(kind)
            && tag_after
        {
            // made just now: firehose-wizard's tag is all it holds (put again where the create call
            // carried it, in case the service ignored it)
            let seen = ownership::Seen { identity: identity.clone(), tag: None };
            ownership::put_tag(cloud, kind, id, &seen, &self.tag_value(), true).await?;
        }
        if let Some(identity) = identity {
            self.journal(|j| j.created(kind, id, identity))?;
        }
        Ok(())
    }

    /// "Already exists" for something the lookup before the call did not find, with no attempt lost:
    /// someone else made it meanwhile. It is not this run's.
    fn appeared(&self, kind: Kind, id: &str, mut e: CloudError) -> CloudError {
        e.hint = Some(Box::new(msg!("hint-appeared", kind = kind.msg(), id = id)));
        e
    }

    async fn steps(&self) -> StepResult<(Target, String)> {
        let r = self.start(Step::Account);
        let result = self.account().await;
        let target = self.finish(r, result)?;
        let r = self.start(Step::Name);
        let result = self.checks(&target).await;
        let (existing_stream, source_key) = self.finish(r, result)?;
        // The role, the source, the bucket and the log group do not depend on each other: they are
        // made at once, the role first so that IAM's propagation overlaps the rest. Each runs to its
        // end even when another fails, so that the failure can say what the others did.
        let role = async {
            let r = self.start(Step::Role);
            let result = self.role(&target, source_key.as_deref(), &r).await;
            self.finish(r, result)
        };
        let source = async {
            let r = self.start(Step::Source);
            let result = self.source(&target, &r).await;
            self.finish(r, result)
        };
        let bucket = async {
            let r = self.start(Step::Bucket);
            let result = self.bucket(&target, &r).await;
            self.finish(r, result)
        };
        let logs = async {
            let r = self.start(Step::Logs);
            let result = self.logs(&r).await;
            self.finish(r, result)
        };
        let (role, source, bucket, logs) = tokio::join!(role, source, bucket, logs);
        // the run's failure is the first in the steps' order that was not held back by another
        let failures = [source.as_ref().err(), bucket.as_ref().err(), logs.as_ref().err(), role.as_ref().err()];
        if let Some(e) = failures.into_iter().flatten().find(|e| !e.1.is(HELD_BACK)) {
            return Err(e.clone());
        }
        let (source_arn, role_arn) = (source?, role?);
        bucket?;
        logs?;
        let resolved = Resolved { role_arn, source_arn, source_key };
        let r = self.start(Step::Stream);
        let result = self.create_stream(&target, &resolved, existing_stream, &r).await;
        let arn = self.finish(r, result)?;
        let r = self.start(Step::Active);
        let result = self.wait_active(&r).await;
        self.finish(r, result)?;
        Ok((target, arn))
    }

    /// STS, the plan's account-dependent rules, and the journal (whose unanswered entries an
    /// interrupted run left are settled by looking the resources up).
    async fn account(&self) -> Result<(Target, Done, Msg), CloudError> {
        let target = self.cloud.identify().await?;
        let problems: Vec<_> =
            validate_for(self.plan, &target).into_iter().filter(|p| p.severity == Severity::Error).collect();
        if !problems.is_empty() {
            let text = problems.iter().map(|p| format!("{}: {}", p.path, p.message)).collect::<Vec<_>>().join("; ");
            return Err(CloudError::local(Msg::text(text), msg!("hint-fix-plan")));
        }
        let mut journal = self
            .store
            .open(&target, &self.plan.name)
            .map_err(|e| CloudError::local(e.msg(), e.hint(msg!("hint-journal-damaged"))))?;
        destroy::settle(self.cloud, &mut journal, Some(destroy::SETTLE_AFTER)).await?;
        let recorded = journal.entries.len();
        *lock(&self.journal) = Some(journal);
        let place = format!("{} ({}, {})", target.account, target.partition, target.region);
        let detail = if recorded > 0 {
            msg!("detail-account-journal", place = place, count = recorded)
        } else {
            Msg::text(place)
        };
        Ok((target, Done::Ok, detail))
    }

    /// Before anything is created: an existing stream of this name must match the plan (it is then
    /// reused), and the role must be usable (an existing role must trust Firehose; a role to create
    /// may exist only if it does, since it is then reused).
    /// Returns the ARN of the stream that is already there, matching the plan, and the KMS key an
    /// existing Kinesis source is encrypted with (for the role's policy; see [`source_key`]).
    async fn checks(&self, target: &Target) -> Result<((Option<String>, Option<String>), Done, Msg), CloudError> {
        let name = &self.plan.name;
        let (role, create) = match &self.plan.settings.role {
            Role::Create(r) => (r.as_str(), true),
            Role::Existing(r) => (role_name_of(r), false),
        };
        // looked up at once
        let (stream, trusted, source_key) = tokio::join!(
            super::inventory::delivery_stream(self.cloud, name),
            self.trusted_role(role, create, target),
            super::inventory::source_key(self.cloud, self.plan)
        );
        let mut existing = None;
        let stream_note = match stream? {
            None => msg!("detail-name-free", name = name),
            Some(d) => {
                let arn = d.delivery_stream_arn().to_owned();
                let ours = self.ours(Kind::DeliveryStream, &arn);
                let undo = if ours { msg!("undo-ours") } else { msg!("undo-not-ours") };
                let req = request::build(self.plan, target, &Resolved::implied(self.plan, target))
                    .map_err(|m| CloudError::local(Msg::text(m), msg!("hint-bug")))?;
                let diffs = request::differences(&req, &d);
                if !diffs.is_empty() {
                    let shown: Vec<_> = diffs.iter().take(4).map(ToString::to_string).collect();
                    let differences = if diffs.len() > 4 {
                        msg!("differences-more", shown = shown.join("; "), more = diffs.len() - 4)
                    } else {
                        Msg::text(shown.join("; "))
                    };
                    return Err(CloudError::local(
                        msg!("stream-differs", name = name, differences = differences),
                        msg!("stream-differs-hint", undo = undo),
                    ));
                }
                match d.delivery_stream_status() {
                    DeliveryStreamStatus::Active | DeliveryStreamStatus::Creating => {}
                    DeliveryStreamStatus::CreatingFailed => {
                        let reason = d
                            .failure_description()
                            .map(|f| format!(": {}: {}", f.r#type().as_str(), f.details()))
                            .unwrap_or_default();
                        return Err(CloudError::local(
                            msg!("stream-exists-failed", name = name, reason = reason),
                            msg!("stream-exists-failed-hint", undo = undo),
                        ));
                    }
                    other => {
                        return Err(CloudError::local(
                            msg!("stream-exists-status", name = name, status = other.as_str()),
                            msg!("stream-exists-status-hint"),
                        ));
                    }
                }
                existing = Some(arn);
                msg!("detail-stream-reused", name = name, origin = origin(false, ours))
            }
        };
        let role_note = match trusted {
            Ok(_) => msg!("detail-role-trusts", role = role),
            Err(e) if create && e.is("NoSuchEntity") => msg!("detail-role-to-create", role = role),
            Err(e) => return Err(e),
        };
        let detail = msg!("detail-checks", stream = stream_note, role = role_note);
        let detail = match &source_key {
            Some(key)
                if policy::source_key_statement(
                    key,
                    &request::kinesis_arn(self.plan, target).unwrap_or_default(),
                    &target.partition,
                )
                .is_some() =>
            {
                msg!("detail-with-note", detail = detail, note = msg!("detail-source-key", key = key.as_str()))
            }
            _ => detail,
        };
        Ok(((existing, source_key), Done::Ok, detail))
    }

    async fn source(&self, target: &Target, r: &Reporter<'_>) -> Result<(Option<String>, Done, Msg), CloudError> {
        let (s, new) = match &self.plan.source {
            Source::DirectPut => return Ok((None, Done::Skipped, msg!("detail-direct-put"))),
            Source::KinesisStream(s) => (s.as_str(), None),
            Source::NewKinesisStream(n) => (n.name.as_str(), Some(n)),
        };
        let cloud = self.cloud;
        let kinesis = &cloud.kinesis;
        let mut created = false;
        let mut recovered = false;
        if let Some(n) = new
            && !destroy::exists(cloud, Kind::KinesisStream, &n.name).await?
        {
            let mode = match n.mode {
                StreamMode::OnDemand => aws_sdk_kinesis::types::StreamMode::OnDemand,
                StreamMode::Provisioned => aws_sdk_kinesis::types::StreamMode::Provisioned,
            };
            let details = StreamModeDetails::builder()
                .stream_mode(mode)
                .build()
                .map_err(|e| CloudError::local(Msg::text(e.to_string()), msg!("hint-bug")))?;
            let tag = self.tag_value();
            recovered = self
                .tracked(
                    r,
                    (Kind::KinesisStream, &n.name),
                    "kinesis:CreateStream",
                    || async {
                        kinesis
                            .create_stream()
                            .stream_name(&n.name)
                            .stream_mode_details(details.clone())
                            .set_shard_count(n.shards.map(|k| k as i32))
                            .tags(TAG_KEY, &tag)
                            .send()
                            .await
                            .map(|_| None)
                            .map_err(|e| CloudError::from_sdk("kinesis:CreateStream", e))
                    },
                    &["ResourceInUseException"],
                    true,
                )
                .await?;
            created = true;
        }
        let start = Instant::now();
        let summary = loop {
            let summary = stream_summary(kinesis, s).await?;
            match summary.stream_status() {
                StreamStatus::Active | StreamStatus::Updating => break summary,
                StreamStatus::Creating if new.is_some() && start.elapsed() < self.timing.poll_timeout => {
                    r.send(State::Waiting { status: "CREATING".into() });
                    tokio::time::sleep(self.timing.poll_every).await;
                }
                other => {
                    return Err(CloudError::local(
                        msg!("kinesis-not-active", status = other.as_str()),
                        msg!("kinesis-not-active-hint"),
                    ));
                }
            }
        };
        let arn = summary.stream_arn().to_owned();
        let granted = request::kinesis_arn(self.plan, target);
        if granted.as_deref() != Some(arn.as_str()) {
            // the role's policy (made meanwhile) names the ARN the plan implies; Kinesis answered another
            return Err(CloudError::local(
                msg!("source-arn-unexpected", arn = arn.as_str(), granted = granted.unwrap_or_default()),
                msg!("hint-bug"),
            ));
        }
        let (done, detail) = match new {
            Some(n) if created => (
                Done::Created,
                recovered_note(
                    match n.shards {
                        Some(k) => msg!("detail-kinesis-provisioned", arn = arn.as_str(), shards = k),
                        None => msg!("detail-kinesis-on-demand", arn = arn.as_str()),
                    },
                    recovered,
                ),
            ),
            Some(n) => {
                let ours = self.found(Kind::KinesisStream, &n.name);
                (Done::Reused, msg!("detail-origin", what = arn.as_str(), origin = origin(false, ours)))
            }
            None => {
                self.found(Kind::KinesisStream, &arn);
                (Done::Found, Msg::text(arn.clone()))
            }
        };
        Ok((Some(arn), done, detail))
    }

    /// The CloudWatch Logs group and streams that error logging writes to; ones that exist are used.
    async fn logs(&self, r: &Reporter<'_>) -> Result<((), Done, Msg), CloudError> {
        let streams = request::log_streams(self.plan);
        if streams.is_empty() {
            return Ok(((), Done::Skipped, msg!("detail-logging-off")));
        }
        let cloud = self.cloud;
        let group = request::log_group(self.plan);
        let mut created = Vec::new();
        // the group's identity is read while its streams are made
        let mut group_made = None;
        if destroy::exists(cloud, Kind::LogGroup, &group).await? {
            self.found(Kind::LogGroup, &group);
        } else {
            let (_, answered) = self
                .tracked_call(
                    r,
                    (Kind::LogGroup, &group),
                    "logs:CreateLogGroup",
                    || async {
                        cloud
                            .logs
                            .create_log_group()
                            .log_group_name(&group)
                            .tags(TAG_KEY, self.tag_value())
                            .send()
                            .await
                            .map(|_| None)
                            .map_err(|e| CloudError::from_sdk("logs:CreateLogGroup", e))
                    },
                    &["ResourceAlreadyExistsException"],
                )
                .await?;
            group_made = Some(answered);
            created.push(group.clone());
        }
        // all looked up before any is created (a group made just now has none)
        let mut missing = Vec::new();
        for stream in &streams {
            let id = format!("{group}:{stream}");
            if created.is_empty() && destroy::exists(cloud, Kind::LogStream, &id).await? {
                self.found(Kind::LogStream, &id);
            } else {
                missing.push((*stream, id));
            }
        }
        let record_group = async {
            match group_made {
                Some(answered) => self.record(Kind::LogGroup, &group, answered, false).await,
                None => Ok(()),
            }
        };
        let make_streams = async {
            let mut made = Vec::new();
            for (stream, id) in missing {
                self.tracked(
                    r,
                    (Kind::LogStream, &id),
                    "logs:CreateLogStream",
                    || async {
                        cloud
                            .logs
                            .create_log_stream()
                            .log_group_name(&group)
                            .log_stream_name(stream)
                            .send()
                            .await
                            .map(|_| None)
                            .map_err(|e| CloudError::from_sdk("logs:CreateLogStream", e))
                    },
                    &["ResourceAlreadyExistsException"],
                    false,
                )
                .await?;
                made.push(stream.to_string());
            }
            Ok::<_, CloudError>(made)
        };
        let (recorded, made) = tokio::join!(record_group, make_streams);
        recorded?;
        created.extend(made?);
        let done = if created.is_empty() { Done::Reused } else { Done::Created };
        let detail = if !created.is_empty() && created.len() < streams.len() + 1 {
            msg!("detail-logs-some", group = group, streams = streams.join(", "), created = created.join(", "))
        } else {
            msg!("detail-logs", group = group, streams = streams.join(", "))
        };
        Ok(((), done, detail))
    }

    /// An existing bucket: HeadBucket, and the Region it is in when S3 says.
    async fn existing_bucket(&self, bucket: &str) -> Result<Option<String>, CloudError> {
        let region = match self.cloud.s3.head_bucket().bucket(bucket).send().await {
            Ok(out) => out.bucket_region().map(str::to_owned),
            Err(e) => {
                // S3 answers 301 for a bucket of another Region; the SDK does not follow it,
                // but the answer names the Region.
                let moved = e
                    .raw_response()
                    .filter(|r| r.status().as_u16() == 301)
                    .and_then(|r| r.headers().get("x-amz-bucket-region").map(str::to_owned));
                match moved {
                    Some(region) => Some(region),
                    None => return Err(bucket_access_error(bucket, CloudError::from_sdk("s3:HeadBucket", e))),
                }
            }
        };
        self.found(Kind::Bucket, bucket);
        Ok(region)
    }

    async fn bucket(&self, target: &Target, r: &Reporter<'_>) -> Result<((), Done, Msg), CloudError> {
        // the backup bucket, which must exist, is looked up before the destination's may be created
        let backup = match &self.plan.destination.backup {
            Some(b) if b.bucket != self.plan.destination.bucket => {
                self.existing_bucket(&b.bucket).await?;
                Some(b.bucket.clone())
            }
            _ => None,
        };
        let (done, detail) = self.destination_bucket(target, r).await?;
        let detail = match backup {
            Some(backup) => msg!("detail-with-backup", detail = detail, backup = backup),
            None => detail,
        };
        Ok(((), done, detail))
    }

    async fn destination_bucket(&self, target: &Target, r: &Reporter<'_>) -> Result<(Done, Msg), CloudError> {
        let bucket = self.plan.destination.bucket.clone();
        if !self.plan.destination.create_bucket {
            let region = self.existing_bucket(&bucket).await?;
            let detail = match region {
                Some(region) => msg!("detail-in-region", what = bucket.as_str(), region = region),
                None => Msg::text(bucket.clone()),
            };
            return Ok((Done::Found, detail));
        }
        let cloud = self.cloud;
        // ListBuckets and HeadBucket at once (HeadBucket's answer counts only when the bucket is not
        // this account's)
        let (owned, probe) = tokio::join!(
            super::inventory::owns_bucket(cloud, &bucket),
            cloud.s3.head_bucket().bucket(&bucket).expected_bucket_owner(&target.account).send()
        );
        if owned? {
            let ours = self.found(Kind::Bucket, &bucket);
            return Ok((Done::Reused, msg!("detail-origin", what = bucket.as_str(), origin = origin(false, ours))));
        }
        // Bucket names are global. HeadBucket, asking that the owner be this account: 200 is this
        // account's own bucket (ListBuckets can lag behind one made moments ago, say by an interrupted
        // run), 404 a free name; anything else is not free: 403 another account's bucket (or this
        // identity may not look at it), 301 and 400 a bucket in another Region. Found now, before
        // anything is created, rather than by CreateBucket once the steps that run meanwhile have made
        // their part.
        // when S3 last said the name was free, by S3's own clock (the answer's Date)
        let free_at =
            probe.as_ref().err().and_then(|e| e.raw_response()).and_then(|r| r.headers().get("date")).and_then(|d| {
                aws_smithy_types::DateTime::from_str(d, aws_smithy_types::date_time::Format::HttpDate).ok()
            });
        let taken = match probe {
            Ok(_) => {
                let ours = self.found(Kind::Bucket, &bucket);
                let detail = msg!("detail-origin", what = bucket.as_str(), origin = origin(false, ours));
                return Ok((Done::Reused, detail));
            }
            Err(e) => match e.raw_response().map(|r| r.status().as_u16()) {
                Some(404) => None,
                Some(status @ (301 | 400 | 403)) => {
                    let region = e
                        .raw_response()
                        .and_then(|r| r.headers().get("x-amz-bucket-region"))
                        .filter(|_| status != 403)
                        .map(str::to_owned);
                    Some((status, region))
                }
                _ => return Err(CloudError::from_sdk("s3:HeadBucket", e)),
            },
        };
        if let Some((status, region)) = taken {
            let why = match region {
                Some(region) => msg!("bucket-taken-region", region = region),
                None => msg!("bucket-taken-other"),
            };
            let message = msg!("bucket-taken", bucket = bucket.as_str(), status = status.to_string(), why = why);
            let mut e = CloudError::local(message, msg!("hint-bucket-taken"));
            e.operation = Some("s3:HeadBucket");
            return Err(e);
        }
        // us-east-1 takes no LocationConstraint (sending it is InvalidLocationConstraint); every other
        // Region needs its own name there.
        let configuration = (target.region != "us-east-1").then(|| {
            CreateBucketConfiguration::builder()
                .location_constraint(BucketLocationConstraint::from(target.region.as_str()))
                .build()
        });
        let recovered = self
            .tracked(
                r,
                (Kind::Bucket, &bucket),
                "s3:CreateBucket",
                || async {
                    cloud
                        .s3
                        .create_bucket()
                        .bucket(&bucket)
                        .set_create_bucket_configuration(configuration.clone())
                        .send()
                        .await
                        .map_err(|e| CloudError::from_sdk("s3:CreateBucket", e))?;
                    self.new_bucket(&bucket, free_at).await
                },
                &["BucketAlreadyOwnedByYou"],
                true,
            )
            .await?;
        Ok((
            Done::Created,
            recovered_note(
                msg!("detail-in-region", what = bucket.as_str(), region = target.region.as_str()),
                recovered,
            ),
        ))
    }

    /// The identity of a bucket CreateBucket has just answered for: its creation date, which must not
    /// be before S3 said the name was free (`free_at`, S3's clock), since in us-east-1 CreateBucket
    /// answers OK for a bucket this account already owns. `None` while ListBuckets does not show it
    /// yet (it lags behind a new bucket): the journal then keeps it `creating`, to be settled later.
    async fn new_bucket(
        &self,
        bucket: &str,
        free_at: Option<aws_smithy_types::DateTime>,
    ) -> Result<Option<Identity>, CloudError> {
        for _ in 0..10 {
            match ownership::bucket_created(self.cloud, bucket).await? {
                Some(created) => {
                    let made = created.as_deref().and_then(|c| {
                        aws_smithy_types::DateTime::from_str(c, aws_smithy_types::date_time::Format::DateTime).ok()
                    });
                    if let (Some(made), Some(free)) = (made, free_at)
                        && made.secs() < free.secs()
                    {
                        let mut e = CloudError::local(
                            msg!(
                                "bucket-owned-before",
                                bucket = bucket,
                                created = created.unwrap_or_default(),
                                free = ownership::time(&free)
                            ),
                            msg!("bucket-owned-before-hint"),
                        );
                        e.operation = Some("s3:CreateBucket");
                        e.code = Some(OWNED_BEFORE.to_owned());
                        return Err(e);
                    }
                    return Ok(Some(Identity { id: None, created }));
                }
                None => tokio::time::sleep(self.timing.poll_every.min(Duration::from_secs(1))).await,
            }
        }
        Ok(None)
    }

    async fn role(
        &self,
        target: &Target,
        source_key: Option<&str>,
        r: &Reporter<'_>,
    ) -> Result<(String, Done, Msg), CloudError> {
        let cloud = self.cloud;
        // the source's ARN is known without asking (the source step, running meanwhile, checks it)
        let source_arn = request::kinesis_arn(self.plan, target);
        let source_arn = source_arn.as_deref();
        let iam = &cloud.iam;
        // a role that was there already: whom else its trust names, and which other streams use it
        let mut notes = Vec::new();
        let (name, arn, role_id, role_done, role_created) = match &self.plan.settings.role {
            Role::Existing(given) => {
                let name = role_name_of(given).to_owned();
                let role = self.trusted_role(&name, false, target).await?;
                let arn = role.arn.clone();
                if given.starts_with("arn:") && *given != arn {
                    return Err(CloudError::local(
                        msg!("role-arn-differs", given = given, name = name.as_str(), arn = arn.as_str()),
                        msg!("role-arn-differs-hint"),
                    ));
                }
                self.found(Kind::Role, &arn);
                notes = self.role_notes(&role).await?;
                if !self.plan.settings.add_policy_to_role {
                    // the trust was just checked: only the permissions policies are still to read
                    let granted = super::inventory::role_policies(cloud, &name).await?;
                    let missing = policy::missing_for(self.plan, target, source_arn, source_key, &granted);
                    let detail = if missing.is_empty() {
                        msg!("detail-role-as-is", arn = arn.as_str())
                    } else {
                        msg!(
                            "detail-role-lacks",
                            arn = arn.as_str(),
                            count = missing.len(),
                            missing = missing.iter().take(4).map(ToString::to_string).collect::<Vec<_>>().join(", ")
                        )
                    };
                    return Ok((arn.clone(), Done::Found, with_notes(detail, notes)));
                }
                (name, arn, role.identity.id, None, false)
            }
            Role::Create(name) => match self.trusted_role(name, true, target).await {
                // The console reuses firehose_delivery_role; so do we, if Firehose alone may assume it.
                Ok(role) => {
                    let ours = self.found(Kind::Role, &role.arn);
                    notes = self.role_notes(&role).await?;
                    (name.clone(), role.arn, role.identity.id, Some(origin(false, ours)), false)
                }
                Err(e) if e.is("NoSuchEntity") => {
                    let arn = request::role_arn(self.plan, target);
                    let trust = policy::trust_policy(&target.account).to_string();
                    let description = policy::role_description(&self.plan.name);
                    let tag = aws_sdk_iam::types::Tag::builder()
                        .key(TAG_KEY)
                        .value(self.tag_value())
                        .build()
                        .map_err(|e| CloudError::local(Msg::text(e.to_string()), msg!("hint-bug")))?;
                    let recovered = self
                        .tracked(
                            r,
                            (Kind::Role, &arn),
                            "iam:CreateRole",
                            || async {
                                let out = iam
                                    .create_role()
                                    .role_name(name)
                                    .assume_role_policy_document(&trust)
                                    .description(&description)
                                    .tags(tag.clone())
                                    .send()
                                    .await
                                    .map_err(|e| CloudError::from_sdk("iam:CreateRole", e))?;
                                Ok(out.role().map(ownership::role_identity))
                            },
                            &["EntityAlreadyExists"],
                            false,
                        )
                        .await?;
                    // as the journal recorded it; not recorded yet (IAM lagging behind a lost answer), a lookup
                    let recorded = lock(&self.journal)
                        .as_ref()
                        .and_then(|j| j.get(Kind::Role, &arn))
                        .and_then(|e| e.identity.clone());
                    let role_id = match recorded {
                        Some(identity) => identity.id,
                        None => ownership::look(cloud, Kind::Role, &arn, false).await?.and_then(|s| s.identity.id),
                    };
                    let done = if recovered { msg!("origin-created-recovered") } else { origin(true, true) };
                    (name.clone(), arn, role_id, Some(done), true)
                }
                Err(e) => return Err(e),
            },
        };
        let policy_name = policy::inline_policy_name(self.plan, &target.region);
        let doc = policy::permissions_policy(self.plan, target, source_arn, source_key);
        let id = format!("{name}/{policy_name}");
        // A policy of this name belongs to this stream and Region: one that says something else (an
        // edit by hand, an older plan) is brought back to what the plan needs. A role made just now has none.
        let existing = if role_created {
            None
        } else {
            match iam.get_role_policy().role_name(&name).policy_name(&policy_name).send().await {
                Ok(out) => Some(policy::decode_policy_document(out.policy_document())),
                Err(e) => {
                    let e = CloudError::from_sdk("iam:GetRolePolicy", e);
                    if !e.is("NoSuchEntity") {
                        return Err(e);
                    }
                    None
                }
            }
        };
        let put = || async {
            iam.put_role_policy()
                .role_name(&name)
                .policy_name(&policy_name)
                .policy_document(doc.to_string())
                .send()
                .await
                .map_err(|e| CloudError::from_sdk("iam:PutRolePolicy", e))
        };
        let policy_done = match existing {
            Some(Some(d)) if d == doc => {
                let ours = self.found(Kind::RolePolicy, &id);
                msg!("policy-unchanged", origin = origin(false, ours))
            }
            Some(_) => {
                self.gate.pass(r.step).await.map_err(held_back)?;
                put().await?;
                let ours = self.found(Kind::RolePolicy, &id);
                msg!("policy-updated", origin = origin(false, ours))
            }
            None => {
                // the policy is identified by the role it is on
                let on = Identity { id: role_id, created: None };
                let put = || async { put().await.map(|_| Some(on.clone())) };
                self.tracked(r, (Kind::RolePolicy, &id), "iam:PutRolePolicy", put, &[], false).await?;
                origin(true, true)
            }
        };
        // the step is named after the role: a new policy on a reused role is in the detail
        let (done, role_done) = match role_done {
            _ if role_created => (Done::Created, role_done.unwrap_or_else(|| origin(true, true))),
            None => (Done::Found, msg!("origin-existed")),
            Some(o) => (Done::Reused, o),
        };
        let detail = msg!("detail-role", arn = arn.as_str(), role = role_done, policy = policy_name, how = policy_done);
        Ok((arn.clone(), done, with_notes(detail, notes)))
    }

    /// What to say of a role that was there already: whom else than Firehose its trust lets assume it
    /// (a role chosen as existing, on purpose), and which other delivery streams use it (each of them
    /// may use what every stream's policy on it grants).
    async fn role_notes(&self, role: &TrustedRole) -> Result<Vec<Msg>, CloudError> {
        let mut notes = Vec::new();
        if !role.extras.is_empty() {
            notes.push(msg!("role-note-extra", count = role.extras.len(), principals = role.extras.join("; ")));
        }
        let shared = super::inventory::streams_using_role(
            self.cloud,
            &role.arn,
            Some(&self.plan.name),
            role.last_used_region.as_deref(),
        )
        .await?;
        if !shared.is_empty() {
            notes.push(msg!("role-note-shared", count = shared.len(), streams = shared.join(", ")));
        }
        Ok(notes)
    }

    /// Looks an existing role up and checks that Firehose may assume it. A role that `adopt` would
    /// reuse (a `{"create": NAME}` that exists) must let Firehose, for this account, alone assume it:
    /// anyone else its trust names would get what this stream's policy grants.
    async fn trusted_role(&self, name: &str, adopt: bool, target: &Target) -> Result<TrustedRole, CloudError> {
        let out = self
            .cloud
            .iam
            .get_role()
            .role_name(name)
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("iam:GetRole", e))?;
        let role = out.role().ok_or_else(|| CloudError::local(msg!("cloud-no-role"), msg!("hint-run-again")))?;
        if !super::inventory::trusts_firehose(role) {
            return Err(CloudError::local(msg!("role-untrusted", arn = role.arn()), msg!("role-untrusted-hint")));
        }
        let extras = role
            .assume_role_policy_document()
            .and_then(policy::decode_policy_document)
            .map(|d| policy::trust_extras(&d, &target.account))
            .unwrap_or_default();
        if adopt && !extras.is_empty() {
            return Err(CloudError::local(
                msg!("role-trust-extra", arn = role.arn(), count = extras.len(), principals = extras.join("; ")),
                msg!("role-trust-extra-hint", arn = role.arn()),
            ));
        }
        Ok(TrustedRole {
            arn: role.arn().to_owned(),
            identity: ownership::role_identity(role),
            extras,
            last_used_region: role.role_last_used().and_then(|u| u.region()).map(str::to_owned),
        })
    }

    async fn create_stream(
        &self,
        target: &Target,
        resolved: &Resolved,
        existing: Option<String>,
        r: &Reporter<'_>,
    ) -> Result<(String, Done, Msg), CloudError> {
        if let Some(arn) = existing {
            let ours = self.found(Kind::DeliveryStream, &arn);
            return Ok((
                arn.clone(),
                Done::Reused,
                msg!("detail-stream-matches", arn = arn.as_str(), origin = origin(false, ours)),
            ));
        }
        let mut req = request::build(self.plan, target, resolved)
            .map_err(|m| CloudError::local(Msg::text(m), msg!("hint-bug")))?;
        // firehose-wizard's own tag beside the plan's (validation leaves room for it)
        req.tags.push(
            aws_sdk_firehose::types::Tag::builder()
                .key(TAG_KEY)
                .value(self.tag_value())
                .build()
                .map_err(|e| CloudError::local(Msg::text(e.to_string()), msg!("hint-bug")))?,
        );
        let id = request::delivery_stream_arn(target, &self.plan.name);
        self.journal(|j| j.begin(Kind::DeliveryStream, &id))?;
        let firehose = &self.cloud.firehose;
        let lost_before = self.cloud.retries.lost("firehose:CreateDeliveryStream");
        let sent = retry(
            self.timing,
            is_iam_propagation,
            |_attempt| {
                let req = req.clone();
                async move {
                    firehose
                        .create_delivery_stream()
                        .delivery_stream_name(&req.name)
                        .delivery_stream_type(req.stream_type.clone())
                        .set_kinesis_stream_source_configuration(req.kinesis_source.clone())
                        .set_delivery_stream_encryption_configuration_input(req.encryption.clone())
                        .extended_s3_destination_configuration(req.s3.clone())
                        .set_tags((!req.tags.is_empty()).then(|| req.tags.clone()))
                        .send()
                        .await
                        .map(|out| out.delivery_stream_arn().map(str::to_owned))
                        .map_err(|e| CloudError::from_sdk("firehose:CreateDeliveryStream", e))
                }
            },
            |attempt, wait, e| {
                r.send(State::Retrying { attempt, wait, reason: e.message.clone() });
            },
        )
        .await;
        let lost = self.cloud.retries.lost("firehose:CreateDeliveryStream") > lost_before;
        // as in `tracked`: "in use" after a lost attempt is that attempt; a call that ends without an
        // answer is settled by a lookup; when it cannot be told, the journal keeps `creating`
        let (arn, recovered) = match sent {
            Ok(arn) => (arn.unwrap_or_else(|| id.clone()), false),
            Err(e) if e.is("ResourceInUseException") && lost => (id.clone(), true),
            Err(e) if e.is("ResourceInUseException") => {
                self.journal(|j| j.forget(Kind::DeliveryStream, &id))?;
                return Err(self.appeared(Kind::DeliveryStream, &id, e));
            }
            Err(e) if e.answer_lost => match destroy::exists(self.cloud, Kind::DeliveryStream, &id).await {
                Ok(true) => (id.clone(), true),
                Ok(false) | Err(_) => return Err(e),
            },
            Err(mut e) => {
                if !lost {
                    self.journal(|j| j.forget(Kind::DeliveryStream, &id))?;
                }
                if is_iam_propagation(&e) {
                    e.hint = Some(Box::new(msg!(
                        "hint-propagation",
                        seconds = self.timing.retry_budget.as_secs(),
                        account = target.account.as_str()
                    )));
                }
                return Err(e);
            }
        };
        // created; it stays `creating` in the journal until step 8's first description gives its
        // identity (its ARN and creation time), which saves a call
        self.push(Resource { kind: Kind::DeliveryStream, id: arn.clone(), created: true });
        Ok((arn.clone(), Done::Created, recovered_note(Msg::text(arn.clone()), recovered)))
    }

    async fn wait_active(&self, r: &Reporter<'_>) -> Result<((), Done, Msg), CloudError> {
        let firehose = &self.cloud.firehose;
        let name = &self.plan.name;
        poll_active(
            self.timing,
            || async move {
                let out = firehose
                    .describe_delivery_stream()
                    .delivery_stream_name(name)
                    .send()
                    .await
                    .map_err(|e| CloudError::from_sdk("firehose:DescribeDeliveryStream", e))?;
                let Some(d) = out.delivery_stream_description() else {
                    return Ok(StreamState::Other("UNKNOWN".into()));
                };
                self.described(d)?;
                Ok(match d.delivery_stream_status() {
                    DeliveryStreamStatus::Active => StreamState::Active,
                    DeliveryStreamStatus::Creating => StreamState::Creating,
                    DeliveryStreamStatus::Deleting | DeliveryStreamStatus::DeletingFailed => {
                        StreamState::Failed(msg!("stream-being-deleted", status = d.delivery_stream_status().as_str()))
                    }
                    DeliveryStreamStatus::CreatingFailed => StreamState::Failed(
                        d.failure_description()
                            .map(|f| Msg::text(format!("{}: {}", f.r#type().as_str(), f.details())))
                            .unwrap_or_else(|| msg!("creating-failed-no-reason")),
                    ),
                    other => StreamState::Other(other.as_str().to_owned()),
                })
            },
            |status| r.send(State::Waiting { status: status.to_owned() }),
        )
        .await?;
        Ok(((), Done::Ok, Msg::text("ACTIVE")))
    }
}

/// A step's detail with what else there is to say of it, each after a `;`.
fn with_notes(detail: Msg, notes: Vec<Msg>) -> Msg {
    notes.into_iter().fold(detail, |detail, note| msg!("detail-with-note", detail = detail, note = note))
}

impl Run<'_> {
    /// A description of the delivery stream this run created: its identity for the journal, the
    /// first time (see `create_stream`).
    fn described(&self, d: &aws_sdk_firehose::types::DeliveryStreamDescription) -> Result<(), CloudError> {
        let arn = d.delivery_stream_arn();
        // this run's CreateDeliveryStream took effect (its answer came, or a lookup found it)
        let made = lock(&self.resources).iter().any(|r| r.kind == Kind::DeliveryStream && r.created && r.id == arn);
        let unanswered = made
            && lock(&self.journal)
                .as_ref()
                .and_then(|j| j.get(Kind::DeliveryStream, arn))
                .is_some_and(|e| e.status == super::journal::Status::Creating);
        if unanswered {
            let identity = Identity { id: Some(arn.to_owned()), created: d.create_timestamp().map(ownership::time) };
            self.journal(|j| j.created(Kind::DeliveryStream, arn, identity))?;
        }
        Ok(())
    }
}

fn recovered_note(detail: Msg, recovered: bool) -> Msg {
    if recovered { msg!("detail-recovered", detail = detail) } else { detail }
}

/// HeadBucket has no error body: turn its bare status into words.
fn bucket_access_error(bucket: &str, e: CloudError) -> CloudError {
    let (message, hint) = match e.code.as_deref() {
        Some("NotFound") => (msg!("bucket-not-found", bucket = bucket), msg!("bucket-not-found-hint")),
        Some("Forbidden") => (msg!("bucket-forbidden", bucket = bucket), msg!("bucket-forbidden-hint")),
        _ => return e,
    };
    CloudError { message, hint: Some(Box::new(hint)), ..e }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn err(code: &str, message: &str) -> CloudError {
        CloudError {
            operation: None,
            code: Some(code.into()),
            message: Msg::text(message),
            request_id: None,
            hint: None,
            answer_lost: false,
        }
    }

    #[test]
    fn propagation_errors_are_recognised() {
        assert!(is_iam_propagation(&err(
            "InvalidArgumentException",
            "Firehose is unable to assume role arn:aws:iam::123456789012:role/firehose_delivery_role. Please check the role provided."
        )));
        assert!(is_iam_propagation(&err(
            "InvalidArgumentException",
            "Role arn:aws:iam::1:role/x is not authorized to perform: kinesis:DescribeStream"
        )));
        assert!(is_iam_propagation(&err(
            "InvalidArgumentException",
            "The security token included in the request is invalid. Ensure that the provided IAM role associated with firehose is not deleted."
        )));
        assert!(!is_iam_propagation(&err("InvalidArgumentException", "ErrorOutputPrefix can't be null")));
        assert!(!is_iam_propagation(&err("AccessDeniedException", "Firehose is unable to assume role")));
    }

    fn timing() -> Timing {
        Timing {
            retry_first: Duration::from_secs(2),
            retry_max: Duration::from_secs(15),
            retry_budget: Duration::from_secs(120),
            poll_every: Duration::from_secs(5),
            poll_timeout: Duration::from_secs(60),
        }
    }

    #[tokio::test(start_paused = true)]
    async fn retry_backs_off_then_succeeds() {
        let calls = Cell::new(0);
        let mut waits = Vec::new();
        let start = Instant::now();
        let r: Result<&str, CloudError> = retry(
            &timing(),
            is_iam_propagation,
            |_| {
                calls.set(calls.get() + 1);
                let n = calls.get();
                async move {
                    if n <= 4 {
                        Err(err("InvalidArgumentException", "Firehose is unable to assume role x"))
                    } else {
                        Ok("arn")
                    }
                }
            },
            |attempt, wait, _| waits.push((attempt, wait.as_secs())),
        )
        .await;
        assert_eq!(r.unwrap(), "arn");
        assert_eq!(calls.get(), 5);
        assert_eq!(waits, vec![(1, 2), (2, 4), (3, 8), (4, 15)]);
        assert_eq!(start.elapsed().as_secs(), 29);
    }

    #[tokio::test(start_paused = true)]
    async fn retry_gives_up_after_the_budget() {
        let calls = Cell::new(0);
        let start = Instant::now();
        let r: Result<(), CloudError> = retry(
            &timing(),
            is_iam_propagation,
            |_| {
                calls.set(calls.get() + 1);
                async { Err(err("InvalidArgumentException", "Firehose is unable to assume role x")) }
            },
            |_, _, _| {},
        )
        .await;
        assert!(r.is_err());
        // waits 2+4+8 then 15 s seven times = 119 s; one more 15 s wait would pass the 120 s budget
        assert_eq!(calls.get(), 11);
        assert_eq!(start.elapsed().as_secs(), 119);
    }

    #[tokio::test(start_paused = true)]
    async fn other_errors_are_not_retried() {
        let calls = Cell::new(0);
        let r: Result<(), CloudError> = retry(
            &timing(),
            is_iam_propagation,
            |_| {
                calls.set(calls.get() + 1);
                async { Err(err("LimitExceededException", "quota")) }
            },
            |_, _, _| {},
        )
        .await;
        assert_eq!(r.unwrap_err().code.as_deref(), Some("LimitExceededException"));
        assert_eq!(calls.get(), 1);
    }

    #[tokio::test(start_paused = true)]
    async fn polling_waits_through_creating() {
        let seen = Cell::new(0);
        let mut waits = 0;
        let start = Instant::now();
        poll_active(
            &timing(),
            || {
                seen.set(seen.get() + 1);
                let n = seen.get();
                async move { Ok(if n < 4 { StreamState::Creating } else { StreamState::Active }) }
            },
            |_| waits += 1,
        )
        .await
        .unwrap();
        assert_eq!((seen.get(), waits, start.elapsed().as_secs()), (4, 3, 15));
    }

    #[tokio::test(start_paused = true)]
    async fn polling_reports_creating_failed_with_its_reason() {
        let seen = Cell::new(0);
        let e = poll_active(
            &timing(),
            || {
                seen.set(seen.get() + 1);
                let n = seen.get();
                async move {
                    Ok(if n < 3 {
                        StreamState::Creating
                    } else {
                        StreamState::Failed(Msg::text("KMS_ACCESS_DENIED: no grant"))
                    })
                }
            },
            |_| {},
        )
        .await
        .unwrap_err();
        assert_eq!(e.code.as_deref(), Some("CREATING_FAILED"));
        assert_eq!(e.message_text(), "KMS_ACCESS_DENIED: no grant");
    }

    #[tokio::test(start_paused = true)]
    async fn polling_times_out() {
        let e = poll_active(&timing(), || async { Ok(StreamState::Creating) }, |_| {}).await.unwrap_err();
        assert!(e.message_text().contains("still CREATING after 60 s"), "{}", e.message);
    }

    #[test]
    fn steps_are_numbered_in_order() {
        assert_eq!(Step::Account.number(), 1);
        assert_eq!(Step::Logs.number(), 5);
        assert_eq!(Step::Active.number(), 8);
    }
}
