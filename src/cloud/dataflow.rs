//! Data through the stream: `send` (Kinesis PutRecords to a Kinesis-sourced stream, Firehose
//! PutRecordBatch to a Direct PUT one, in batches within each API's limits, the records a batch reports
//! as failed retried with backoff) and the smoke test (send tagged records, then watch the bucket until
//! they arrive where Firehose should put them, or say what happened instead).

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::time::{Duration, Instant};

use aws_smithy_types::Blob;
use chrono::{DateTime, Utc};
use rand::Rng;
use serde::Serialize;

use super::monitor::{self, ErrorObject, LogEvent, Object};
use super::{Cloud, CloudError};
use crate::plan::dataflow::{self, Content, Observed, Place};
use crate::plan::describe::{S3Facts, SourceFacts, StreamFacts};
use crate::plan::msg::Msg;
use crate::plan::records::{self, BatchLimits};

/// Where test records go for a stream: its Kinesis source, or Firehose itself (Direct PUT). AWS refuses
/// Firehose writes to a Kinesis-sourced stream, so those always go through Kinesis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sink {
    Kinesis { stream_arn: String },
    Firehose { name: String },
}

impl Sink {
    /// The sink of a stream, or why records cannot be sent to it.
    pub fn of(facts: &StreamFacts) -> Result<Sink, CloudError> {
        if facts.s3.as_ref().is_some_and(|s| s.decompression) {
            return Err(CloudError::local(
                msg!("sink-decompression", name = facts.name.as_str()),
                msg!("sink-decompression-hint"),
            ));
        }
        match &facts.source {
            SourceFacts::DirectPut => Ok(Sink::Firehose { name: facts.name.clone() }),
            SourceFacts::KinesisStream { stream_arn } => Ok(Sink::Kinesis { stream_arn: stream_arn.clone() }),
            SourceFacts::Other { kind } => Err(CloudError::local(
                msg!("sink-other-source", name = facts.name.as_str(), kind = kind.as_str()),
                msg!("sink-other-source-hint"),
            )),
        }
    }

    /// `the Kinesis stream NAME` / `the delivery stream NAME`.
    pub fn describe(&self) -> String {
        match self {
            Sink::Kinesis { stream_arn } => {
                msg!("sink-kinesis", name = crate::plan::names::kinesis_stream_name_of(stream_arn)).to_string()
            }
            Sink::Firehose { name } => msg!("sink-firehose", name = name.as_str()).to_string(),
        }
    }

    pub fn api(&self) -> &'static str {
        match self {
            Sink::Kinesis { .. } => "kinesis:PutRecords",
            Sink::Firehose { .. } => "firehose:PutRecordBatch",
        }
    }

    fn limits(&self) -> BatchLimits {
        match self {
            Sink::Kinesis { .. } => records::KINESIS_BATCH,
            Sink::Firehose { .. } => records::FIREHOSE_BATCH,
        }
    }

    /// What a call adds to each record's size (Kinesis counts the partition key).
    fn overhead(&self) -> usize {
        match self {
            Sink::Kinesis { .. } => records::PARTITION_KEY_LEN,
            Sink::Firehose { .. } => 0,
        }
    }
}

/// The largest record the sink takes: 1,000 KiB for Firehose; for Kinesis the stream's maximum record
/// size (1 MiB unless raised), less the partition key.
pub async fn record_limit(cloud: &Cloud, sink: &Sink) -> Result<usize, CloudError> {
    match sink {
        Sink::Firehose { .. } => Ok(records::FIREHOSE_MAX_RECORD),
        Sink::Kinesis { stream_arn } => {
            let out = cloud
                .kinesis
                .describe_stream_summary()
                .stream_arn(stream_arn)
                .send()
                .await
                .map_err(|e| CloudError::from_sdk("kinesis:DescribeStreamSummary", e))?;
            let kib = out
                .stream_description_summary()
                .and_then(|s| s.max_record_size_in_kib())
                .filter(|k| *k > 0)
                .map_or(records::KINESIS_DEFAULT_MAX_RECORD, |k| k as usize * 1024);
            Ok(kib - records::PARTITION_KEY_LEN)
        }
    }
}

/// How the records a batch reports as failed are sent again: each batch on its own, with exponential
/// backoff, for as long as some of its records go in; after `stalled` attempts in a row in which none
/// did, what is left is reported. A per-record error that waiting cannot cure (a KMS key that is
/// disabled or refuses access) is reported at once.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// Attempts in a row without progress before giving up, the first included.
    pub stalled: u32,
    pub first_wait: Duration,
    pub max_wait: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy { stalled: 6, first_wait: Duration::from_millis(100), max_wait: Duration::from_secs(5) }
    }
}

impl RetryPolicy {
    /// The wait after the `n`-th failed attempt (1-based): doubling from `first_wait` up to `max_wait`,
    /// with up to 25 % jitter.
    fn wait(&self, n: u32) -> Duration {
        let base = self.first_wait.saturating_mul(1 << (n - 1).min(16)).min(self.max_wait);
        base + base.mul_f64(rand::rng().random_range(0.0..0.25))
    }
}

/// Whether a per-record error code is worth another attempt: throttling and internal failures are;
/// a KMS key that is disabled, missing or refuses access is not.
pub fn retryable(code: &str) -> bool {
    matches!(
        code,
        "ProvisionedThroughputExceededException"
            | "InternalFailure"
            | "ServiceUnavailableException"
            | "ServiceUnavailable"
            | "ThrottlingException"
            | "KMSThrottlingException"
    )
}

/// A record that could not be sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FailedRecord {
    /// Its position among the records (0-based).
    pub index: usize,
    pub code: String,
    pub message: String,
}

/// What sending did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SendReport {
    /// `the Kinesis stream NAME`, ...
    pub to: String,
    pub api: &'static str,
    pub total: usize,
    pub sent: usize,
    pub calls: u32,
    /// Records sent again after a batch reported them failed.
    pub retried: usize,
    pub failed: Vec<FailedRecord>,
    /// A call that failed as a whole (after the SDK's own retries) stopped the sending.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stopped: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    pub started: DateTime<Utc>,
    pub ended: DateTime<Utc>,
    pub seconds: f64,
}

impl SendReport {
    pub fn complete(&self) -> bool {
        self.sent == self.total
    }

    /// The failures by error code: `ProvisionedThroughputExceededException ×3`.
    pub fn failure_summary(&self) -> String {
        let mut by: BTreeMap<&str, usize> = BTreeMap::new();
        for f in &self.failed {
            *by.entry(f.code.as_str()).or_default() += 1;
        }
        by.iter().map(|(c, n)| format!("{c} ×{n}")).collect::<Vec<_>>().join(", ")
    }
}

/// News from `send`.
#[derive(Debug, Clone, PartialEq)]
pub enum SendEvent {
    /// A call answered: so many records are in so far.
    Progress { sent: usize, total: usize },
    /// Some records failed and are sent again after `wait`: attempt `attempt` of at most `attempts`
    /// without progress.
    Retrying { records: usize, code: String, attempt: u32, attempts: u32, wait: Duration },
}

/// Sends `data` to the sink, batch after batch within the API's limits; the records a batch reports
/// as failed are sent again as [`RetryPolicy`] says. What could not be sent is in the report, never
/// silently dropped; a call that fails as a whole (after the SDK's own retries) stops the sending.
pub async fn send(
    cloud: &Cloud,
    sink: &Sink,
    data: &[Vec<u8>],
    policy: RetryPolicy,
    mut progress: impl FnMut(SendEvent),
) -> SendReport {
    let started = Utc::now();
    let clock = Instant::now();
    let mut report = SendReport {
        to: sink.describe(),
        api: sink.api(),
        total: data.len(),
        sent: 0,
        calls: 0,
        retried: 0,
        failed: Vec::new(),
        stopped: None,
        hint: None,
        started,
        ended: started,
        seconds: 0.0,
    };
    let sizes: Vec<usize> = data.iter().map(|d| d.len() + sink.overhead()).collect();
    let batches = records::batches(&sizes, sink.limits());
    'batches: for (b, batch) in batches.iter().enumerate() {
        let mut pending: Vec<usize> = batch.clone().collect();
        let mut stalled = 0;
        loop {
            report.calls += 1;
            let answers = match put(cloud, sink, data, &pending).await {
                Ok(a) => a,
                Err(e) => {
                    // this batch's pending records and every later batch are not sent
                    let code = e.code.clone().unwrap_or_else(|| "CallFailed".into());
                    let later = batches[b + 1..].iter().flat_map(|r| r.clone());
                    report.failed.extend(pending.iter().copied().chain(later).map(|index| FailedRecord {
                        index,
                        code: code.clone(),
                        message: e.message_text(),
                    }));
                    report.stopped = Some(e.summary());
                    report.hint = e.hint.as_ref().map(ToString::to_string);
                    break 'batches;
                }
            };
            let before = report.sent;
            let mut again = Vec::new();
            for (&index, answer) in pending.iter().zip(answers) {
                match answer {
                    None => report.sent += 1,
                    Some((code, message)) if retryable(&code) => again.push(FailedRecord { index, code, message }),
                    Some((code, message)) => report.failed.push(FailedRecord { index, code, message }),
                }
            }
            progress(SendEvent::Progress { sent: report.sent, total: report.total });
            if again.is_empty() {
                break;
            }
            stalled = if report.sent > before { 1 } else { stalled + 1 };
            if stalled >= policy.stalled {
                report.failed.extend(again);
                break;
            }
            let wait = policy.wait(stalled);
            progress(SendEvent::Retrying {
                records: again.len(),
                code: again[0].code.clone(),
                attempt: stalled + 1,
                attempts: policy.stalled,
                wait,
            });
            tokio::time::sleep(wait).await;
            report.retried += again.len();
            pending = again.into_iter().map(|f| f.index).collect();
        }
    }
    report.failed.sort_by_key(|f| f.index);
    report.ended = Utc::now();
    report.seconds = clock.elapsed().as_secs_f64();
    report
}

/// One call: for each record, `None` when it went in, or its error code and message.
async fn put(
    cloud: &Cloud,
    sink: &Sink,
    data: &[Vec<u8>],
    indices: &[usize],
) -> Result<Vec<Option<(String, String)>>, CloudError> {
    match sink {
        Sink::Kinesis { stream_arn } => {
            let entries = indices
                .iter()
                .map(|&i| {
                    aws_sdk_kinesis::types::PutRecordsRequestEntry::builder()
                        .data(Blob::new(data[i].clone()))
                        .partition_key(uuid::Uuid::new_v4().to_string())
                        .build()
                        .expect("data and partition key are set")
                })
                .collect();
            let out = cloud
                .kinesis
                .put_records()
                .stream_arn(stream_arn)
                .set_records(Some(entries))
                .send()
                .await
                .map_err(|e| CloudError::from_sdk("kinesis:PutRecords", e))?;
            answers(indices.len(), out.records().iter().map(|r| (r.error_code(), r.error_message())))
        }
        Sink::Firehose { name } => {
            let entries = indices
                .iter()
                .map(|&i| {
                    aws_sdk_firehose::types::Record::builder()
                        .data(Blob::new(data[i].clone()))
                        .build()
                        .expect("data is set")
                })
                .collect();
            let out = cloud
                .firehose
                .put_record_batch()
                .delivery_stream_name(name)
                .set_records(Some(entries))
                .send()
                .await
                .map_err(|e| CloudError::from_sdk("firehose:PutRecordBatch", e))?;
            answers(indices.len(), out.request_responses().iter().map(|r| (r.error_code(), r.error_message())))
        }
    }
}

fn answers<'a>(
    n: usize,
    entries: impl ExactSizeIterator<Item = (Option<&'a str>, Option<&'a str>)>,
) -> Result<Vec<Option<(String, String)>>, CloudError> {
    if entries.len() != n {
        return Err(CloudError::local(
            msg!("answer-count", listed = entries.len(), sent = n),
            msg!("answer-count-hint"),
        ));
    }
    Ok(entries
        .map(|(code, message)| {
            code.filter(|c| !c.is_empty()).map(|c| (c.to_owned(), message.unwrap_or_default().to_owned()))
        })
        .collect())
}

/// How long and how often the smoke test looks.
#[derive(Debug, Clone, Copy)]
pub struct SmokeOptions {
    pub records: usize,
    pub timeout: Duration,
    /// Between two looks under the expected prefixes.
    pub poll: Duration,
    /// Between two looks through the whole bucket (for records that landed elsewhere) and at the error
    /// log.
    pub scan: Duration,
}

impl SmokeOptions {
    /// `records` test records; `timeout`, or the buffer interval and 3 minutes; a look every 5 s, the
    /// whole bucket and the error log every 30 s.
    pub fn new(facts: &StreamFacts, records: usize, timeout: Option<Duration>) -> SmokeOptions {
        let interval = facts.s3.as_ref().and_then(|s| s.buffer_interval_s).unwrap_or(300).max(0) as u64;
        SmokeOptions {
            records,
            timeout: timeout.unwrap_or(Duration::from_secs(interval + 180)),
            poll: Duration::from_secs(5),
            scan: Duration::from_secs(30),
        }
    }
}

/// An object that holds test records (or, opaque, that arrived after they were sent).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Arrival {
    #[serde(flatten)]
    pub object: Object,
    /// Seconds from the end of sending to the object's LastModified (S3's clock against this machine's).
    pub delay_s: f64,
    /// The test records it holds; `None` for a format that cannot be searched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub records: Option<usize>,
    /// Parquet, ORC, ZIP, Snappy: counted by arrival.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opaque: Option<&'static str>,
    /// Under the expected prefix, but without the stream's file extension.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub wrong_extension: bool,
    pub first_lines: Vec<String>,
}

/// News from the smoke test.
#[derive(Debug, Clone, PartialEq)]
pub enum SmokeEvent {
    Sending {
        to: String,
        marker: String,
        records: usize,
    },
    Send(SendEvent),
    Sent(SendReport),
    /// A look found so many of the records; the next one follows.
    Waiting {
        elapsed: Duration,
        timeout: Duration,
        buffer_interval: Option<i32>,
        arrived: usize,
        expected: usize,
        looking: Vec<String>,
    },
}

/// The smoke test's answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    /// Every record was sent and arrived where expected (for opaque formats: an object arrived there
    /// after the records were sent, and none failed).
    pub ok: bool,
    pub stream: String,
    pub bucket: String,
    pub marker: String,
    pub send: SendReport,
    /// Distinct test records found where expected.
    pub arrived: usize,
    pub objects: Vec<Arrival>,
    /// Where the records were expected: the prefixes listed.
    pub looked_under: Vec<String>,
    /// The objects' expected extension.
    pub extension: String,
    /// New objects elsewhere in the bucket holding test records (or under the prefix with another
    /// extension).
    pub elsewhere: Vec<Arrival>,
    pub error_objects: Vec<ErrorObject>,
    /// Test records found in error objects.
    pub errored: usize,
    pub log_events: Vec<LogEvent>,
    /// Metric sums since the test started (`None`: CloudWatch had nothing, or could not be read).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incoming: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivered: Option<f64>,
    pub causes: Vec<String>,
    pub waited_s: f64,
    /// Limits of what was seen (a bucket too large to list whole, an object that could not be read).
    pub notes: Vec<String>,
}

/// Pages (1,000 keys each) per listing.
const SCAN_PAGES: usize = 10;
/// Test records are read from objects up to this size.
const READ_LIMIT: usize = 64 << 20;
/// How far this machine's clock may be from S3's: objects beyond the baseline listing count as new when
/// modified after the start less this.
const CLOCK_SLACK_MIN: i64 = 5;

/// What the watch over the bucket has seen so far.
struct Watch<'a> {
    cloud: &'a Cloud,
    s3: &'a S3Facts,
    marker: String,
    /// Keys in the bucket before the test (as far as listed), never read.
    baseline: HashSet<String>,
    baseline_complete: bool,
    started: DateTime<Utc>,
    sent_end: DateTime<Utc>,
    seen: HashSet<String>,
    arrived: BTreeSet<usize>,
    elsewhere_tags: BTreeSet<usize>,
    errored: BTreeSet<usize>,
    objects: Vec<Arrival>,
    elsewhere: Vec<Arrival>,
    error_objects: Vec<ErrorObject>,
    log_events: Vec<LogEvent>,
    notes: Vec<String>,
}

impl Watch<'_> {
    /// Whether an object is new since the test started: not in the baseline (or, past the baseline's
    /// reach, modified after the start less the clocks' slack).
    fn is_new(&self, o: &Object) -> bool {
        if self.seen.contains(&o.key) || self.baseline.contains(&o.key) {
            return false;
        }
        self.baseline_complete
            || o.last_modified.is_none_or(|t| t >= self.started - chrono::Duration::minutes(CLOCK_SLACK_MIN))
    }

    fn note(&mut self, n: Msg) {
        let n = n.to_string();
        if !self.notes.contains(&n) {
            self.notes.push(n);
        }
    }

    /// Lists the roots and reads what is new; a listing or a read that fails is noted, and the next
    /// look tries again.
    async fn look(&mut self, expect: &dataflow::Expectation, roots: &[String]) {
        for root in roots {
            let (listed, more) = match monitor::list(self.cloud, &self.s3.bucket, root, SCAN_PAGES).await {
                Ok(l) => l,
                Err(e) => {
                    let place = format!("s3://{}/{root}", self.s3.bucket);
                    self.note(msg!("note-listing-failed", place = place, error = e.summary()));
                    continue;
                }
            };
            if more {
                let place = format!("s3://{}/{root}", self.s3.bucket);
                self.note(msg!("note-listing-long", max = SCAN_PAGES * 1000, place = place));
            }
            for o in listed {
                if self.is_new(&o) {
                    self.take(expect, o).await;
                }
            }
        }
    }

    /// Reads a new object and files it by its place.
    async fn take(&mut self, expect: &dataflow::Expectation, o: Object) {
        let place = expect.place(&o.key);
        if let Place::Error(t) = place {
            self.seen.insert(o.key.clone());
            let (e, tags) = monitor::read_error_object(self.cloud, self.s3, o, t, Some(&self.marker)).await;
            self.errored.extend(tags);
            self.error_objects.push(e);
            return;
        }
        let bytes = if o.size == 0 {
            Vec::new()
        } else {
            match monitor::read(self.cloud, &self.s3.bucket, &o.key, READ_LIMIT).await {
                Ok(b) => b,
                Err(e) => {
                    // tried again at the next look
                    let object = format!("s3://{}/{}", self.s3.bucket, o.key);
                    self.note(msg!("read-object-failed", object = object, error = e.summary()));
                    return;
                }
            }
        };
        self.seen.insert(o.key.clone());
        if o.size as usize > READ_LIMIT {
            let object = format!("s3://{}/{}", self.s3.bucket, o.key);
            self.note(msg!("note-object-large", object = object, limit = dataflow::format_bytes(READ_LIMIT as u64)));
        }
        let delay_s =
            o.last_modified.map_or(0.0, |t| ((t - self.sent_end).num_milliseconds() as f64 / 1000.0).max(0.0));
        let (records, opaque, first_lines, tags) = match dataflow::content(self.s3, &bytes, READ_LIMIT, false) {
            Ok(Content::Text(text)) => {
                let distinct: BTreeSet<usize> = records::find_tags(&text, &self.marker).into_iter().collect();
                (Some(distinct.len()), None, dataflow::first_lines(&text, 3, 200), distinct)
            }
            // counts by arrival only if it arrived after the records were sent
            Ok(Content::Opaque(kind)) => {
                let after = o.last_modified.is_none_or(|t| t >= self.sent_end - chrono::Duration::seconds(5));
                if !after {
                    return;
                }
                (None, Some(kind), Vec::new(), BTreeSet::new())
            }
            Err(e) => {
                let object = format!("s3://{}/{}", self.s3.bucket, o.key);
                self.note(msg!("note-object", object = object, error = e));
                return;
            }
        };
        let wrong_extension = place == Place::WrongExtension;
        let arrival = Arrival { object: o, delay_s, records, opaque, wrong_extension, first_lines };
        let ours = !tags.is_empty() || opaque.is_some();
        match place {
            Place::Expected if ours => {
                self.arrived.extend(tags);
                self.objects.push(arrival);
            }
            Place::WrongExtension | Place::Elsewhere if ours => {
                self.elsewhere_tags.extend(tags);
                self.elsewhere.push(arrival);
            }
            // an object of other producers' records
            _ => {}
        }
    }

    /// The error log's events since the test started.
    async fn read_log(&mut self) {
        let Some(log) = &self.s3.log else { return };
        match monitor::log_events(self.cloud, log, self.started - chrono::Duration::minutes(1), 5).await {
            Ok(events) => self.log_events = events,
            Err(e) => self.note(msg!("note-log-unreadable", error = e.summary())),
        }
    }

    fn opaque(&self) -> bool {
        self.objects.iter().any(|a| a.opaque.is_some())
    }

    /// Every record is accounted for: arrived where expected, or found elsewhere or failed.
    fn settled(&self, sent: usize) -> bool {
        (self.opaque() && self.errored.is_empty())
            || self.arrived.len() >= sent
            || self.arrived.iter().chain(&self.elsewhere_tags).chain(&self.errored).collect::<HashSet<_>>().len()
                >= sent
    }
}

/// The smoke test: sends `opts.records` tagged test records, then looks where Firehose writes them until
/// all arrive or `opts.timeout` passes, reading only objects that are new since the test started. It
/// stops early when every record is accounted for (arrived, elsewhere, or in an error object), or when
/// the error log reports failures and a buffer interval and a minute passed with nothing arriving.
pub async fn smoke_test(
    cloud: &Cloud,
    facts: &StreamFacts,
    opts: SmokeOptions,
    mut progress: impl FnMut(SmokeEvent),
) -> Result<Verdict, CloudError> {
    let Some(s3) = &facts.s3 else {
        let other = facts.other_destination.as_deref().map_or_else(|| msg!("cause-another-destination"), Msg::text);
        return Err(CloudError::local(
            msg!("smoke-not-s3", name = facts.name.as_str(), destination = other),
            msg!("smoke-not-s3-hint"),
        ));
    };
    if facts.status != "ACTIVE" {
        return Err(not_active(facts));
    }
    let sink = Sink::of(facts)?;
    let clock = Instant::now();
    let started = Utc::now();
    // what the bucket held before: never read
    let (before, more) = monitor::list(cloud, &s3.bucket, "", SCAN_PAGES).await?;
    let marker = records::marker(started, &mut rand::rng());
    let values = records::retail(opts.records, &marker, started, &mut rand::rng());
    let data: Vec<Vec<u8>> = values.iter().map(|v| records::encode(v, !s3.appends_delimiter)).collect();
    progress(SmokeEvent::Sending { to: sink.describe(), marker: marker.clone(), records: data.len() });
    let report = send(cloud, &sink, &data, RetryPolicy::default(), |e| progress(SmokeEvent::Send(e))).await;
    progress(SmokeEvent::Sent(report.clone()));
    let mut watch = Watch {
        cloud,
        s3,
        marker: marker.clone(),
        baseline: before.into_iter().map(|o| o.key).collect(),
        baseline_complete: !more,
        started,
        sent_end: report.ended,
        seen: HashSet::new(),
        arrived: BTreeSet::new(),
        elsewhere_tags: BTreeSet::new(),
        errored: BTreeSet::new(),
        objects: Vec::new(),
        elsewhere: Vec::new(),
        error_objects: Vec::new(),
        log_events: Vec::new(),
        notes: Vec::new(),
    };
    if more {
        watch.note(msg!(
            "note-bucket-large",
            bucket = s3.bucket.as_str(),
            max = SCAN_PAGES * 1000,
            minutes = CLOCK_SLACK_MIN
        ));
    }
    // the records' arrival time decides the prefix: from a little before sending (clocks differ) to a
    // few minutes after (a Kinesis source is read with a delay)
    let expect = dataflow::expectation(
        s3,
        started - chrono::Duration::minutes(2),
        report.ended + chrono::Duration::minutes(5),
        &values,
    );
    let roots = expect.listing_roots(16);
    let looked_under = expect.prefix_roots(16);
    let deadline = clock + opts.timeout;
    let interval = s3.buffer_interval_s.unwrap_or(300).max(0) as u64;
    let mut last_scan = Instant::now();
    if report.sent > 0 {
        loop {
            watch.look(&expect, &roots).await;
            let now = Instant::now();
            let scan = now >= deadline || now.duration_since(last_scan) >= opts.scan;
            if !watch.settled(report.sent) && scan {
                watch.look(&expect, &[String::new()]).await;
                watch.read_log().await;
                last_scan = now;
            }
            progress(SmokeEvent::Waiting {
                elapsed: clock.elapsed(),
                timeout: opts.timeout,
                buffer_interval: s3.buffer_interval_s,
                arrived: watch.arrived.len(),
                expected: report.sent,
                looking: looked_under.clone(),
            });
            // the error log reports failures and the buffer interval passed with nothing arriving
            let failing = !watch.log_events.is_empty()
                && watch.arrived.is_empty()
                && clock.elapsed() >= Duration::from_secs(interval + 60);
            if watch.settled(report.sent) || failing || now >= deadline {
                break;
            }
            tokio::time::sleep(opts.poll.min(deadline.saturating_duration_since(Instant::now()))).await;
        }
    }
    let waited = clock.elapsed();
    let ok = report.complete()
        && report.sent > 0
        && (watch.arrived.len() >= report.sent || (watch.opaque() && watch.errored.is_empty()));
    if !ok && watch.log_events.is_empty() {
        watch.read_log().await;
    }
    let mut verdict = Verdict {
        ok,
        stream: facts.name.clone(),
        bucket: s3.bucket.clone(),
        marker,
        arrived: watch.arrived.len(),
        objects: watch.objects,
        looked_under,
        extension: s3.extension.clone(),
        elsewhere: watch.elsewhere,
        error_objects: watch.error_objects,
        errored: watch.errored.len(),
        log_events: watch.log_events,
        incoming: None,
        delivered: None,
        causes: Vec::new(),
        waited_s: waited.as_secs_f64(),
        notes: watch.notes,
        send: report,
    };
    if !ok {
        diagnose(cloud, facts, &mut verdict, started, waited).await;
    }
    Ok(verdict)
}

/// What went wrong: the metrics, and the likely causes.
async fn diagnose(cloud: &Cloud, facts: &StreamFacts, v: &mut Verdict, started: DateTime<Utc>, waited: Duration) {
    let since = started - chrono::Duration::minutes(1);
    match monitor::metrics(cloud, facts, since, Utc::now()).await {
        Ok(series) => {
            // every point of the window (CloudWatch rounds its start down to the minute)
            let sum = |name: &str| {
                series
                    .iter()
                    .find(|s| s.name == name)
                    .filter(|s| !s.points.is_empty())
                    .map(|s| s.points.iter().map(|p| p.value).sum::<f64>() + 0.0)
            };
            v.incoming = sum(dataflow::metrics_for(&facts.source)[0].name);
            v.delivered = sum("DeliveryToS3.Records");
        }
        Err(e) => v.notes.push(msg!("note-metrics-unreadable", error = e.summary()).to_string()),
    }
    if !v.send.complete() {
        let why = v.send.stopped.clone().unwrap_or_else(|| v.send.failure_summary());
        let why = match &v.send.hint {
            Some(h) => format!("{why}; {h}"),
            None => why,
        };
        v.causes.push(
            msg!("cause-not-sent", failed = v.send.total - v.send.sent, total = v.send.total, why = why).to_string(),
        );
    }
    let observed = Observed {
        waited,
        sent: v.send.sent,
        arrived: v.arrived,
        elsewhere: v.elsewhere.len(),
        unevaluated: v.elsewhere.iter().any(|a| a.object.key.contains("!{")),
        wrong_extension: v.elsewhere.iter().any(|a| a.wrong_extension),
        error_objects: v.error_objects.len(),
        log_events: v.log_events.len(),
        incoming: v.incoming,
        delivered: v.delivered,
        region: cloud.region.clone(),
    };
    if v.send.sent > 0 {
        v.causes.extend(dataflow::likely_causes(facts, &observed).iter().map(ToString::to_string));
    }
}

/// A stream that does not take records yet (or any more).
pub fn not_active(facts: &StreamFacts) -> CloudError {
    let status = format!("{}{}", facts.status, facts.failure.as_ref().map(|f| format!(" ({f})")).unwrap_or_default());
    CloudError::local(
        msg!("stream-not-active", name = facts.name.as_str(), status = status),
        if facts.status == "CREATING" { msg!("stream-creating-hint") } else { msg!("stream-not-active-hint") },
    )
}
