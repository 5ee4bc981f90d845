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
use std::time::Duration;

use aws_sdk_firehose::types::DeliveryStreamStatus;
use aws_sdk_kinesis::types::{StreamModeDetails, StreamStatus};
use aws_sdk_s3::types::{BucketLocationConstraint, CreateBucketConfiguration};
use tokio::sync::mpsc::UnboundedSender;
use tokio::time::Instant;

use super::{Cloud, CloudError};
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

    pub fn label(self) -> &'static str {
        match self {
            Step::Account => "account",
            Step::Name => "checks",
            Step::Source => "source stream",
            Step::Bucket => "bucket",
            Step::Logs => "error logging",
            Step::Role => "role",
            Step::Stream => "delivery stream",
            Step::Active => "wait for ACTIVE",
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
        reason: String,
    },
    /// Still waiting (e.g. the stream is CREATING).
    Waiting {
        status: String,
    },
    /// Finished: `done` is what happened ("created", "reused", "found", "ok", "skipped"), `detail` what.
    Done {
        done: &'static str,
        detail: String,
    },
    Failed {
        error: CloudError,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub step: Step,
    pub state: State,
    /// Time since the step started.
    pub elapsed: Duration,
}

/// What kind of thing a [`Resource`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Kind::KinesisStream => "Kinesis stream",
            Kind::Bucket => "S3 bucket",
            Kind::Role => "IAM role",
            Kind::RolePolicy => "IAM inline policy",
            Kind::LogGroup => "CloudWatch log group",
            Kind::LogStream => "CloudWatch log stream",
            Kind::DeliveryStream => "delivery stream",
        })
    }
}

/// Something that exists in AWS after (part of) a run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resource {
    pub kind: Kind,
    /// A name or an ARN.
    pub id: String,
    /// true when this run created it; false when it was already there.
    pub created: bool,
}

impl std::fmt::Display for Resource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let how = if self.created { "created by this run" } else { "already existed" };
        write!(f, "{} {} ({how})", self.kind, self.id)
    }
}

/// What happened to one resource in [`remove_created`].
#[derive(Debug, Clone)]
pub struct Removal {
    pub resource: Resource,
    pub result: Result<(), CloudError>,
}

/// Deletes what this run created, newest first (the delivery stream, waiting until it is gone; the
/// role's policy; the role; the bucket, only if empty). Resources that already existed are never
/// touched. Every resource gets an answer; one failure does not stop the others.
pub async fn remove_created(cloud: &Cloud, resources: &[Resource], timing: &Timing) -> Vec<Removal> {
    let mut out = Vec::new();
    let mut stream_stays = false;
    for r in resources.iter().rev().filter(|r| r.created) {
        // a stream that could not be deleted still needs its role and bucket: keep them
        let result = if stream_stays {
            Err(CloudError::local(
                format!("kept {} {}: the delivery stream that uses it could not be deleted", r.kind, r.id),
                "delete the stream first, then remove the rest",
            ))
        } else {
            remove_one(cloud, r, timing).await
        };
        if r.kind == Kind::DeliveryStream && result.is_err() {
            stream_stays = true;
        }
        out.push(Removal { resource: r.clone(), result });
    }
    out
}

async fn remove_one(cloud: &Cloud, r: &Resource, timing: &Timing) -> Result<(), CloudError> {
    let after_slash = |s: &str| s.rsplit('/').next().unwrap_or(s).to_owned();
    match r.kind {
        Kind::DeliveryStream => {
            let name = after_slash(&r.id);
            cloud
                .firehose
                .delete_delivery_stream()
                .delivery_stream_name(&name)
                .send()
                .await
                .map_err(|e| CloudError::from_sdk("firehose:DeleteDeliveryStream", e))?;
            // DELETING takes a while in AWS; wait until it is gone
            let start = Instant::now();
            while super::inventory::delivery_stream_exists(cloud, &name).await? {
                if start.elapsed() > timing.poll_timeout {
                    return Err(CloudError::local(
                        format!("{name} is still being deleted"),
                        "it will disappear by itself; check later",
                    ));
                }
                tokio::time::sleep(timing.poll_every.min(Duration::from_secs(2))).await;
            }
            Ok(())
        }
        Kind::RolePolicy => {
            let (role, policy) = r.id.split_once('/').unwrap_or((&r.id, ""));
            cloud
                .iam
                .delete_role_policy()
                .role_name(role)
                .policy_name(policy)
                .send()
                .await
                .map(|_| ())
                .map_err(|e| CloudError::from_sdk("iam:DeleteRolePolicy", e))
        }
        Kind::Role => cloud
            .iam
            .delete_role()
            .role_name(role_name_of(&r.id))
            .send()
            .await
            .map(|_| ())
            .map_err(|e| CloudError::from_sdk("iam:DeleteRole", e)),
        Kind::Bucket => cloud.s3.delete_bucket().bucket(&r.id).send().await.map(|_| ()).map_err(|e| {
            let mut e = CloudError::from_sdk("s3:DeleteBucket", e);
            if e.is("BucketNotEmpty") {
                e.hint =
                    Some("the bucket holds objects now, so it was kept: empty it first if you want it gone".into());
            }
            e
        }),
        Kind::KinesisStream => {
            let k = &cloud.kinesis;
            let req = k.delete_stream();
            let req = if r.id.starts_with("arn:") { req.stream_arn(&r.id) } else { req.stream_name(&r.id) };
            req.send().await.map_err(|e| CloudError::from_sdk("kinesis:DeleteStream", e))?;
            // DELETING takes a while; wait until the name is free again
            let start = Instant::now();
            loop {
                match stream_summary(k, &r.id).await {
                    Err(e) if e.is("ResourceNotFoundException") => return Ok(()),
                    Err(e) => return Err(e),
                    Ok(_) if start.elapsed() > timing.poll_timeout => {
                        return Err(CloudError::local(
                            format!("{} is still being deleted", r.id),
                            "it will disappear by itself; check later",
                        ));
                    }
                    Ok(_) => tokio::time::sleep(timing.poll_every.min(Duration::from_secs(2))).await,
                }
            }
        }
        Kind::LogGroup => cloud
            .logs
            .delete_log_group()
            .log_group_name(&r.id)
            .send()
            .await
            .map(|_| ())
            .or_else(|e| gone_is_fine(CloudError::from_sdk("logs:DeleteLogGroup", e))),
        Kind::LogStream => {
            let (group, stream) = r.id.split_once(':').unwrap_or((&r.id, ""));
            cloud
                .logs
                .delete_log_stream()
                .log_group_name(group)
                .log_stream_name(stream)
                .send()
                .await
                .map(|_| ())
                .or_else(|e| gone_is_fine(CloudError::from_sdk("logs:DeleteLogStream", e)))
        }
    }
}

/// DescribeStreamSummary of a stream given by name or ARN.
async fn stream_summary(
    kinesis: &aws_sdk_kinesis::Client,
    id: &str,
) -> Result<aws_sdk_kinesis::types::StreamDescriptionSummary, CloudError> {
    let req = kinesis.describe_stream_summary();
    let req = if id.starts_with("arn:") { req.stream_arn(id) } else { req.stream_name(id) };
    let out = req.send().await.map_err(|e| CloudError::from_sdk("kinesis:DescribeStreamSummary", e))?;
    out.stream_description_summary()
        .cloned()
        .ok_or_else(|| CloudError::local("Kinesis returned no stream description", "run again"))
}

/// A log stream removed along with its group is already gone: that is what was wanted.
fn gone_is_fine(e: CloudError) -> Result<(), CloudError> {
    if e.is("ResourceNotFoundException") { Ok(()) } else { Err(e) }
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

/// The messages of `InvalidArgumentException` that mean "IAM has not propagated yet" (Terraform's list,
/// aws-rules.md §5a, plus the token message reported in 2026).
const PROPAGATION_MESSAGES: [&str; 6] = [
    "Firehose is unable to assume role",
    "is not authorized to",
    "Access was denied",
    "Please make sure the role specified in VpcConfiguration has permissions",
    "Verify that the IAM role has access",
    "security token included in the request is invalid",
];

/// Whether CreateDeliveryStream failed only because IAM changes have not reached Firehose yet.
pub fn is_iam_propagation(e: &CloudError) -> bool {
    e.is("InvalidArgumentException") && PROPAGATION_MESSAGES.iter().any(|m| e.message.contains(m))
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
    Failed(String),
    Other(String),
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
                    operation: Some("firehose:DescribeDeliveryStream".into()),
                    code: Some("CREATING_FAILED".into()),
                    message: reason,
                    request_id: None,
                    hint: Some(
                        "the stream cannot recover from CREATING_FAILED: delete it, fix the cause, and create it again"
                            .into(),
                    ),
                });
            }
            s => {
                if start.elapsed() >= timing.poll_timeout {
                    return Err(CloudError::local(
                        format!("the delivery stream is still {s:?} after {} s", timing.poll_timeout.as_secs()),
                        "it may still become ACTIVE: check it later with `aws firehose describe-delivery-stream`",
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
pub async fn provision(
    cloud: &Cloud,
    plan: &Plan,
    timing: &Timing,
    events: &UnboundedSender<Progress>,
) -> Result<Outcome, Failure> {
    let mut run = Run { cloud, plan, timing, events, resources: Vec::new() };
    match run.steps().await {
        Ok((target, stream_arn)) => Ok(Outcome { target, stream_arn, resources: run.resources }),
        Err(e) => {
            let (step, error) = *e;
            Err(Failure { step, error, resources: run.resources })
        }
    }
}

struct Run<'a> {
    cloud: &'a Cloud,
    plan: &'a Plan,
    timing: &'a Timing,
    events: &'a UnboundedSender<Progress>,
    resources: Vec<Resource>,
}

type StepResult<T> = Result<T, Box<(Step, CloudError)>>;

impl<'a> Run<'a> {
    /// Reports a step's start; the reporter times it.
    fn start(&self, step: Step) -> Reporter<'a> {
        let r = Reporter { events: self.events, step, start: Instant::now() };
        r.send(State::Started);
        r
    }

    /// Reports how a step ended.
    fn finish<T>(r: Reporter<'_>, result: Result<(T, &'static str, String), CloudError>) -> StepResult<T> {
        match result {
            Ok((v, done, detail)) => {
                r.send(State::Done { done, detail });
                Ok(v)
            }
            Err(error) => {
                r.send(State::Failed { error: error.clone() });
                Err(Box::new((r.step, error)))
            }
        }
    }

    fn record(&mut self, kind: Kind, id: impl Into<String>, created: bool) {
        self.resources.push(Resource { kind, id: id.into(), created });
    }

    async fn steps(&mut self) -> StepResult<(Target, String)> {
        let r = self.start(Step::Account);
        let target = Self::finish(r, self.account().await)?;
        let r = self.start(Step::Name);
        Self::finish(r, self.checks().await)?;
        let r = self.start(Step::Source);
        let result = self.source(&r).await;
        let source_arn = Self::finish(r, result)?;
        let r = self.start(Step::Bucket);
        Self::finish(r, self.bucket(&target).await)?;
        let r = self.start(Step::Logs);
        Self::finish(r, self.logs().await)?;
        let r = self.start(Step::Role);
        let role_arn = Self::finish(r, self.role(&target, source_arn.as_deref()).await)?;
        let resolved = Resolved { role_arn, source_arn };
        let r = self.start(Step::Stream);
        let result = self.create_stream(&target, &resolved, &r).await;
        let arn = Self::finish(r, result)?;
        let r = self.start(Step::Active);
        let result = self.wait_active(&r).await;
        Self::finish(r, result)?;
        Ok((target, arn))
    }

    async fn account(&mut self) -> Result<(Target, &'static str, String), CloudError> {
        let target = self.cloud.identify().await?;
        let problems: Vec<_> =
            validate_for(self.plan, &target).into_iter().filter(|p| p.severity == Severity::Error).collect();
        if !problems.is_empty() {
            let msg = problems.iter().map(|p| format!("{}: {}", p.path, p.message)).collect::<Vec<_>>().join("; ");
            return Err(CloudError::local(msg, "fix the plan, or the --region / --profile it is applied with"));
        }
        let detail = format!("{} ({}, {})", target.account, target.partition, target.region);
        Ok((target, "ok", detail))
    }

    /// Before anything is created: the stream name is free, and the role can be used (an existing
    /// role must trust Firehose; a role to create may exist only if it does, since it is then reused).
    async fn checks(&mut self) -> Result<((), &'static str, String), CloudError> {
        let name = &self.plan.name;
        if super::inventory::delivery_stream_exists(self.cloud, name).await? {
            return Err(CloudError::local(
                format!("a delivery stream named {name} already exists in this account and Region"),
                "choose another name (the plan's \"name\"), or delete the existing stream",
            ));
        }
        let (role, create) = match &self.plan.settings.role {
            Role::Create(r) => (r.as_str(), true),
            Role::Existing(r) => (role_name_of(r), false),
        };
        let role_note = match self.trusted_role_arn(role).await {
            Ok(_) => "trusts Firehose",
            Err(e) if create && e.is("NoSuchEntity") => "will be created",
            Err(e) => return Err(e),
        };
        Ok(((), "ok", format!("{name} is free; role {role} {role_note}")))
    }

    async fn source(&mut self, r: &Reporter<'_>) -> Result<(Option<String>, &'static str, String), CloudError> {
        let (s, new) = match &self.plan.source {
            Source::DirectPut => return Ok((None, "skipped", "Direct PUT: no source stream".into())),
            Source::KinesisStream(s) => (s.as_str(), None),
            Source::NewKinesisStream(n) => (n.name.as_str(), Some(n)),
        };
        let kinesis = &self.cloud.kinesis;
        let mut created = false;
        if let Some(n) = new {
            let mode = match n.mode {
                StreamMode::OnDemand => aws_sdk_kinesis::types::StreamMode::OnDemand,
                StreamMode::Provisioned => aws_sdk_kinesis::types::StreamMode::Provisioned,
            };
            let details = StreamModeDetails::builder()
                .stream_mode(mode)
                .build()
                .map_err(|e| CloudError::local(e.to_string(), "this is a bug in firehose-wizard"))?;
            match kinesis
                .create_stream()
                .stream_name(&n.name)
                .stream_mode_details(details)
                .set_shard_count(n.shards.map(|k| k as i32))
                .send()
                .await
            {
                Ok(_) => {
                    created = true;
                    // recorded at once: if waiting fails, the stream still exists and is this run's
                    self.record(Kind::KinesisStream, &n.name, true);
                }
                Err(e) => {
                    let e = CloudError::from_sdk("kinesis:CreateStream", e);
                    if !e.is("ResourceInUseException") {
                        return Err(e);
                    }
                    // already there: used as it is (below it must become ACTIVE)
                }
            }
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
                        format!("the Kinesis stream is {}, not ACTIVE", other.as_str()),
                        "wait until it is ACTIVE (a new stream takes about a minute), then run again",
                    ));
                }
            }
        };
        let arn = summary.stream_arn().to_owned();
        if !created {
            self.record(Kind::KinesisStream, &arn, false);
        }
        let (done, detail) = match (new, created) {
            (Some(n), true) => (
                "created",
                match n.shards {
                    Some(k) => format!("{arn} (provisioned, {k} shard(s)), ACTIVE"),
                    None => format!("{arn} (on-demand), ACTIVE"),
                },
            ),
            (Some(_), false) => ("reused", format!("{arn} (already existed)")),
            (None, _) => ("found", arn.clone()),
        };
        Ok((Some(arn), done, detail))
    }

    /// The CloudWatch Logs group and streams that error logging writes to; ones that exist are used.
    async fn logs(&mut self) -> Result<((), &'static str, String), CloudError> {
        let streams = request::log_streams(self.plan);
        if streams.is_empty() {
            return Ok(((), "skipped", "error logging is off".into()));
        }
        let logs = &self.cloud.logs;
        let group = request::log_group(self.plan);
        let group_created = match logs.create_log_group().log_group_name(&group).send().await {
            Ok(_) => true,
            Err(e) => {
                let e = CloudError::from_sdk("logs:CreateLogGroup", e);
                if !e.is("ResourceAlreadyExistsException") {
                    return Err(e);
                }
                false
            }
        };
        self.record(Kind::LogGroup, &group, group_created);
        let mut made = Vec::new();
        for stream in streams {
            let created = match logs.create_log_stream().log_group_name(&group).log_stream_name(stream).send().await {
                Ok(_) => true,
                Err(e) => {
                    let e = CloudError::from_sdk("logs:CreateLogStream", e);
                    if !e.is("ResourceAlreadyExistsException") {
                        return Err(e);
                    }
                    false
                }
            };
            self.record(Kind::LogStream, format!("{group}:{stream}"), created);
            made.push(stream);
        }
        let done = if group_created { "created" } else { "reused" };
        Ok(((), done, format!("{group} (streams {})", made.join(", "))))
    }

    /// An existing bucket: HeadBucket, and the Region it is in when S3 says.
    async fn existing_bucket(&mut self, bucket: &str) -> Result<Option<String>, CloudError> {
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
        self.record(Kind::Bucket, bucket, false);
        Ok(region)
    }

    async fn bucket(&mut self, target: &Target) -> Result<((), &'static str, String), CloudError> {
        let (done, mut detail) = self.destination_bucket(target).await?;
        if let Some(b) = &self.plan.destination.backup
            && b.bucket != self.plan.destination.bucket
        {
            let backup = b.bucket.clone();
            self.existing_bucket(&backup).await?;
            detail.push_str(&format!("; backup to {backup} (found)"));
        }
        Ok(((), done, detail))
    }

    async fn destination_bucket(&mut self, target: &Target) -> Result<(&'static str, String), CloudError> {
        let bucket = self.plan.destination.bucket.clone();
        if !self.plan.destination.create_bucket {
            let region = self.existing_bucket(&bucket).await?;
            let region = region.map(|r| format!(" in {r}")).unwrap_or_default();
            return Ok(("found", format!("{bucket}{region}")));
        }
        if self.owns_bucket(&bucket).await? {
            self.record(Kind::Bucket, &bucket, false);
            return Ok(("reused", format!("{bucket} (already yours)")));
        }
        let mut req = self.cloud.s3.create_bucket().bucket(&bucket);
        // us-east-1 takes no LocationConstraint (sending it is InvalidLocationConstraint); every other
        // Region needs its own name there.
        if target.region != "us-east-1" {
            req = req.create_bucket_configuration(
                CreateBucketConfiguration::builder()
                    .location_constraint(BucketLocationConstraint::from(target.region.as_str()))
                    .build(),
            );
        }
        match req.send().await {
            Ok(_) => {
                self.record(Kind::Bucket, &bucket, true);
                Ok(("created", format!("{bucket} in {}", target.region)))
            }
            Err(e) => {
                let e = CloudError::from_sdk("s3:CreateBucket", e);
                if e.is("BucketAlreadyOwnedByYou") {
                    self.record(Kind::Bucket, &bucket, false);
                    Ok(("reused", format!("{bucket} (already yours)")))
                } else {
                    Err(e)
                }
            }
        }
    }

    /// Whether this account owns the bucket: ListBuckets lists only the caller's own buckets, and
    /// unlike CreateBucket in us-east-1 it changes nothing.
    async fn owns_bucket(&self, bucket: &str) -> Result<bool, CloudError> {
        let mut token = None;
        loop {
            let out = self
                .cloud
                .s3
                .list_buckets()
                .prefix(bucket)
                .max_buckets(1000)
                .set_continuation_token(token)
                .send()
                .await
                .map_err(|e| CloudError::from_sdk("s3:ListBuckets", e))?;
            if out.buckets().iter().any(|b| b.name() == Some(bucket)) {
                return Ok(true);
            }
            match out.continuation_token() {
                Some(t) if !t.is_empty() => token = Some(t.to_owned()),
                _ => return Ok(false),
            }
        }
    }

    async fn role(
        &mut self,
        target: &Target,
        source_arn: Option<&str>,
    ) -> Result<(String, &'static str, String), CloudError> {
        let iam = &self.cloud.iam;
        let (name, arn, done) = match &self.plan.settings.role {
            Role::Existing(r) => {
                let name = role_name_of(r).to_owned();
                let arn = self.trusted_role_arn(&name).await?;
                if r.starts_with("arn:") && *r != arn {
                    return Err(CloudError::local(
                        format!("the plan names the role {r}, but this account's role {name} is {arn}"),
                        "use the role's exact ARN (with its path), or just its name",
                    ));
                }
                self.record(Kind::Role, &arn, false);
                if !self.plan.settings.add_policy_to_role {
                    // the trust was just checked: only the permissions policies are still to read
                    let granted = super::inventory::role_policies(self.cloud, &name).await?;
                    let missing = policy::missing_for(self.plan, target, source_arn, &granted);
                    let detail = if missing.is_empty() {
                        format!("{arn} (used as it is; its policies grant what this stream needs)")
                    } else {
                        format!(
                            "{arn} (used as it is) WARNING: its policies lack {} permission(s) this stream needs: {}; unless a bucket, key or function policy grants them, delivery will fail (settings.add_policy_to_role adds this stream's policy)",
                            missing.len(),
                            missing.iter().take(4).map(ToString::to_string).collect::<Vec<_>>().join(", ")
                        )
                    };
                    return Ok((arn.clone(), "found", detail));
                }
                (name, arn, "found")
            }
            Role::Create(name) => {
                let trust = policy::trust_policy(&target.account).to_string();
                match iam
                    .create_role()
                    .role_name(name)
                    .assume_role_policy_document(trust)
                    .description(format!(
                        "Lets Amazon Data Firehose deliver {} (made by firehose-wizard)",
                        self.plan.name
                    ))
                    .send()
                    .await
                {
                    Ok(out) => {
                        let arn = out
                            .role()
                            .map(|r| r.arn().to_owned())
                            .unwrap_or_else(|| request::role_arn(self.plan, target));
                        self.record(Kind::Role, &arn, true);
                        (name.clone(), arn, "created")
                    }
                    Err(e) => {
                        let e = CloudError::from_sdk("iam:CreateRole", e);
                        if !e.is("EntityAlreadyExists") {
                            return Err(e);
                        }
                        // The console reuses firehose_delivery_role; so do we, if it trusts Firehose.
                        let arn = self.trusted_role_arn(name).await?;
                        self.record(Kind::Role, &arn, false);
                        (name.clone(), arn, "reused")
                    }
                }
            }
        };
        let policy_name = policy::inline_policy_name(self.plan, &target.region);
        let doc = policy::permissions_policy(self.plan, target, source_arn).to_string();
        // A policy of this name is a leftover of an earlier stream of the same name and Region (step 2
        // proved none exists now): it is replaced, and reported as already there.
        let existed = match iam.get_role_policy().role_name(&name).policy_name(&policy_name).send().await {
            Ok(_) => true,
            Err(e) => {
                let e = CloudError::from_sdk("iam:GetRolePolicy", e);
                if !e.is("NoSuchEntity") {
                    return Err(e);
                }
                false
            }
        };
        iam.put_role_policy()
            .role_name(&name)
            .policy_name(&policy_name)
            .policy_document(doc)
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("iam:PutRolePolicy", e))?;
        self.record(Kind::RolePolicy, format!("{name}/{policy_name}"), !existed);
        Ok((arn.clone(), done, format!("{arn} + policy {policy_name}")))
    }

    /// Looks an existing role up and checks that Firehose may assume it.
    async fn trusted_role_arn(&self, name: &str) -> Result<String, CloudError> {
        let out = self
            .cloud
            .iam
            .get_role()
            .role_name(name)
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("iam:GetRole", e))?;
        let role = out.role().ok_or_else(|| CloudError::local("IAM returned no role", "run again"))?;
        if !super::inventory::trusts_firehose(role) {
            return Err(CloudError::local(
                format!("the role {} exists but does not let firehose.amazonaws.com assume it", role.arn()),
                "choose another role name (settings.role), or add firehose.amazonaws.com to that role's trust policy",
            ));
        }
        Ok(role.arn().to_owned())
    }

    async fn create_stream(
        &mut self,
        target: &Target,
        resolved: &Resolved,
        r: &Reporter<'_>,
    ) -> Result<(String, &'static str, String), CloudError> {
        let req = request::build(self.plan, target, resolved)
            .map_err(|m| CloudError::local(m, "this is a bug in firehose-wizard"))?;
        let firehose = &self.cloud.firehose;
        let result = retry(
            self.timing,
            is_iam_propagation,
            |_attempt| {
                let req = req.clone();
                async move {
                    let sent = firehose
                        .create_delivery_stream()
                        .delivery_stream_name(&req.name)
                        .delivery_stream_type(req.stream_type.clone())
                        .set_kinesis_stream_source_configuration(req.kinesis_source.clone())
                        .set_delivery_stream_encryption_configuration_input(req.encryption.clone())
                        .extended_s3_destination_configuration(req.s3.clone())
                        .set_tags((!req.tags.is_empty()).then(|| req.tags.clone()))
                        .send()
                        .await;
                    match sent {
                        Ok(out) => Ok(out.delivery_stream_arn().map(str::to_owned)),
                        Err(e) => {
                            let e = CloudError::from_sdk("firehose:CreateDeliveryStream", e);
                            // Step 2 saw the name free, so "in use" may be our own earlier attempt
                            // (ours, or one the SDK retried after a lost answer): checked below.
                            if e.is("ResourceInUseException") {
                                return Ok(None);
                            }
                            Err(e)
                        }
                    }
                }
            },
            |attempt, wait, e| {
                r.send(State::Retrying { attempt, wait, reason: e.message.clone() });
            },
        )
        .await
        .map_err(|mut e| {
            if is_iam_propagation(&e) {
                e.hint = Some(format!(
                    "Firehose still could not use the role after {} s: check that its trust policy names firehose.amazonaws.com (and that any sts:ExternalId condition names this account, {}), and that its permissions cover the bucket and the source stream",
                    self.timing.retry_budget.as_secs(),
                    target.account
                ));
            }
            e
        })?;
        let arn = match result {
            Some(arn) => arn,
            None => self.our_existing_stream(&req).await?,
        };
        self.record(Kind::DeliveryStream, &arn, true);
        Ok((arn.clone(), "created", arn))
    }

    /// After `ResourceInUseException`: the stream is ours if it delivers to our bucket with our role
    /// (an earlier attempt of this run went through); anything else is someone else's stream.
    async fn our_existing_stream(&self, req: &request::CreateRequest) -> Result<String, CloudError> {
        let out = self
            .cloud
            .firehose
            .describe_delivery_stream()
            .delivery_stream_name(&self.plan.name)
            .send()
            .await
            .map_err(|e| CloudError::from_sdk("firehose:DescribeDeliveryStream", e))?;
        let d = out
            .delivery_stream_description()
            .ok_or_else(|| CloudError::local("Firehose returned no description", "run again"))?;
        let ours = d
            .destinations()
            .iter()
            .filter_map(|x| x.extended_s3_destination_description())
            .any(|x| x.bucket_arn() == req.s3.bucket_arn() && x.role_arn() == req.s3.role_arn());
        if ours {
            Ok(d.delivery_stream_arn().to_owned())
        } else {
            Err(CloudError::local(
                format!(
                    "a delivery stream named {} appeared while this run was creating it, with another destination",
                    self.plan.name
                ),
                "someone else created it at the same time: choose another name",
            ))
        }
    }

    async fn wait_active(&mut self, r: &Reporter<'_>) -> Result<((), &'static str, String), CloudError> {
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
                Ok(match d.delivery_stream_status() {
                    DeliveryStreamStatus::Active => StreamState::Active,
                    DeliveryStreamStatus::Creating => StreamState::Creating,
                    DeliveryStreamStatus::Deleting | DeliveryStreamStatus::DeletingFailed => {
                        StreamState::Failed(format!(
                            "the stream is {} (it is being deleted), so it will never become ACTIVE",
                            d.delivery_stream_status().as_str()
                        ))
                    }
                    DeliveryStreamStatus::CreatingFailed => StreamState::Failed(
                        d.failure_description()
                            .map(|f| format!("{}: {}", f.r#type().as_str(), f.details()))
                            .unwrap_or_else(|| "CREATING_FAILED (AWS gave no reason)".into()),
                    ),
                    other => StreamState::Other(other.as_str().to_owned()),
                })
            },
            |status| r.send(State::Waiting { status: status.to_owned() }),
        )
        .await?;
        Ok(((), "ok", "ACTIVE".into()))
    }
}

/// HeadBucket has no error body: turn its bare status into words.
fn bucket_access_error(bucket: &str, e: CloudError) -> CloudError {
    let (message, hint) = match e.code.as_deref() {
        Some("NotFound") => (
            format!("the bucket {bucket} does not exist"),
            "check the name, or set destination.create_bucket to true to create it",
        ),
        Some("Forbidden") => (
            format!(
                "the bucket {bucket} exists but these credentials cannot access it (it may belong to another account)"
            ),
            "choose a bucket of your own account",
        ),
        _ => return e,
    };
    CloudError { message, hint: Some(hint.into()), ..e }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn err(code: &str, message: &str) -> CloudError {
        CloudError { operation: None, code: Some(code.into()), message: message.into(), request_id: None, hint: None }
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
                        StreamState::Failed("KMS_ACCESS_DENIED: no grant".into())
                    })
                }
            },
            |_| {},
        )
        .await
        .unwrap_err();
        assert_eq!(e.code.as_deref(), Some("CREATING_FAILED"));
        assert_eq!(e.message, "KMS_ACCESS_DENIED: no grant");
    }

    #[tokio::test(start_paused = true)]
    async fn polling_times_out() {
        let e = poll_active(&timing(), || async { Ok(StreamState::Creating) }, |_| {}).await.unwrap_err();
        assert!(e.message.contains("still Creating after 60 s"), "{}", e.message);
    }

    #[test]
    fn steps_are_numbered_in_order() {
        assert_eq!(Step::Account.number(), 1);
        assert_eq!(Step::Logs.number(), 5);
        assert_eq!(Step::Active.number(), 8);
    }
}
