//! A stream as it is now: its description, CloudWatch metrics of the last hour at one-minute resolution,
//! the newest objects under its prefix, its error objects and the latest events of its error log. One
//! [`Snapshot`] serves the three views: `status` (text or JSON), the watch screen, and the smoke test's
//! diagnosis, which uses the same pieces ([`list`], [`read`], [`log_events`], [`metrics`]).

use std::collections::HashMap;

use aws_sdk_cloudwatch::types::{Dimension, Metric, MetricDataQuery, MetricStat};
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::{Cloud, CloudError};
use crate::plan::dataflow::{self, Content, MetricDef, Place, Unit};
use crate::plan::describe::{self, LogTarget, S3Facts, StreamFacts};
use crate::plan::msg::Msg;

/// How far back the snapshot looks.
pub const WINDOW_MINUTES: i64 = 60;
/// At most this many list pages (1,000 keys each) per prefix.
const MAX_PAGES: usize = 5;
/// The newest objects a snapshot lists.
const NEWEST: usize = 10;

fn to_chrono(t: &aws_smithy_types::DateTime) -> Option<DateTime<Utc>> {
    DateTime::from_timestamp(t.secs(), t.subsec_nanos())
}

fn to_smithy(t: DateTime<Utc>) -> aws_smithy_types::DateTime {
    aws_smithy_types::DateTime::from_secs(t.timestamp())
}

/// The stream's facts, from DescribeDeliveryStream.
pub async fn stream_facts(cloud: &Cloud, name: &str) -> Result<StreamFacts, CloudError> {
    match super::inventory::delivery_stream(cloud, name).await? {
        Some(d) => Ok(describe::facts(&d)),
        None => Err(CloudError::local(
            msg!("no-such-stream", name = crate::plan::sanitize(name), region = cloud.region.as_str()),
            msg!("no-such-stream-hint"),
        )),
    }
}

/// One metric's points, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    pub name: String,
    pub label: String,
    pub stat: String,
    pub unit: Unit,
    pub points: Vec<Point>,
    /// The newest point's value.
    pub latest: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Point {
    pub at: DateTime<Utc>,
    pub value: f64,
}

/// The metrics [`dataflow::metrics_for`] names, one point per minute from `from` to `to`, in one
/// GetMetricData call (and its pages).
pub async fn metrics(
    cloud: &Cloud,
    facts: &StreamFacts,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Series>, CloudError> {
    let defs = dataflow::metrics_for(&facts.source);
    let dimension = Dimension::builder().name("DeliveryStreamName").value(&facts.name).build();
    let queries: Vec<MetricDataQuery> = defs
        .iter()
        .map(|d| {
            MetricDataQuery::builder()
                .id(d.id)
                .metric_stat(
                    MetricStat::builder()
                        .metric(
                            Metric::builder()
                                .namespace("AWS/Firehose")
                                .metric_name(d.name)
                                .dimensions(dimension.clone())
                                .build(),
                        )
                        .period(60)
                        .stat(d.stat)
                        .build(),
                )
                .return_data(true)
                .build()
        })
        .collect();
    let mut points: HashMap<String, Vec<Point>> = HashMap::new();
    let mut pages = cloud
        .cloudwatch
        .get_metric_data()
        .start_time(to_smithy(from))
        .end_time(to_smithy(to))
        .set_metric_data_queries(Some(queries))
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| CloudError::from_sdk("cloudwatch:GetMetricData", e))?;
        for r in page.metric_data_results() {
            let Some(id) = r.id() else { continue };
            let list = points.entry(id.to_owned()).or_default();
            for (t, v) in r.timestamps().iter().zip(r.values()) {
                if let Some(at) = to_chrono(t) {
                    list.push(Point { at, value: *v });
                }
            }
        }
    }
    Ok(defs
        .iter()
        .map(|d: &MetricDef| {
            let mut p = points.remove(d.id).unwrap_or_default();
            p.sort_by_key(|x| x.at);
            p.dedup_by_key(|x| x.at);
            Series {
                name: d.name.to_owned(),
                label: d.label.to_string(),
                stat: d.stat.to_owned(),
                unit: d.unit,
                latest: p.last().map(|x| x.value),
                points: p,
            }
        })
        .collect())
}

/// An object in the bucket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Object {
    pub key: String,
    pub size: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<DateTime<Utc>>,
}

/// The objects under `prefix`, at most `pages` pages of 1,000; the flag says whether there were more.
pub async fn list(cloud: &Cloud, bucket: &str, prefix: &str, pages: usize) -> Result<(Vec<Object>, bool), CloudError> {
    let mut out = Vec::new();
    let mut stream = cloud.s3.list_objects_v2().bucket(bucket).prefix(prefix).into_paginator().send();
    let mut n = 0;
    while let Some(page) = stream.next().await {
        let page = page.map_err(|e| CloudError::from_sdk("s3:ListObjectsV2", e))?;
        out.extend(page.contents().iter().filter_map(|o| {
            Some(Object {
                key: o.key()?.to_owned(),
                size: o.size().unwrap_or(0).max(0) as u64,
                last_modified: o.last_modified().and_then(to_chrono),
            })
        }));
        n += 1;
        if n >= pages {
            return Ok((out, page.is_truncated().unwrap_or(false)));
        }
    }
    Ok((out, false))
}

/// The first `max` bytes of an object.
pub async fn read(cloud: &Cloud, bucket: &str, key: &str, max: usize) -> Result<Vec<u8>, CloudError> {
    let out =
        cloud.s3.get_object().bucket(bucket).key(key).range(format!("bytes=0-{}", max.saturating_sub(1))).send().await;
    let out = match out {
        Ok(o) => o,
        Err(e) => {
            let e = CloudError::from_sdk("s3:GetObject", e);
            // an empty object has no byte 0
            return if e.is("InvalidRange") { Ok(Vec::new()) } else { Err(e) };
        }
    };
    let body = out.body.collect().await.map_err(|e| {
        CloudError::local(
            msg!("read-object-failed", object = format!("s3://{bucket}/{key}"), error = e.to_string()),
            msg!("hint-network-again"),
        )
    })?;
    let mut bytes = body.into_bytes().to_vec();
    bytes.truncate(max);
    Ok(bytes)
}

/// An event of the stream's CloudWatch error log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogEvent {
    pub at: DateTime<Utc>,
    pub stream: String,
    /// Firehose's `errorCode`, when the message is its JSON.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub message: String,
}

/// The newest `limit` events since `since` of the stream's error log (its configured log streams, or the
/// whole group when none is named), newest first: FilterLogEvents, paged (it answers oldest first, and
/// may answer an empty page before the end). A log group that does not exist yet (Firehose makes it on
/// the first error, unless it was made beforehand) has no events.
pub async fn log_events(
    cloud: &Cloud,
    log: &LogTarget,
    since: DateTime<Utc>,
    limit: usize,
) -> Result<Vec<LogEvent>, CloudError> {
    let mut out: Vec<LogEvent> = Vec::new();
    let mut pages = cloud
        .logs
        .filter_log_events()
        .log_group_name(&log.group)
        .set_log_stream_names(Some(log.streams.clone()).filter(|s| !s.is_empty()))
        .start_time(since.timestamp_millis())
        .into_paginator()
        .send();
    let mut n = 0;
    while let Some(page) = pages.next().await {
        let page = match page {
            Ok(p) => p,
            Err(e) => {
                let e = CloudError::from_sdk("logs:FilterLogEvents", e);
                if e.is("ResourceNotFoundException") {
                    break;
                }
                return Err(e);
            }
        };
        for ev in page.events() {
            let message = ev.message().unwrap_or_default().trim_end().to_owned();
            let parsed = serde_json::from_str::<serde_json::Value>(&message).ok();
            let field =
                |name: &str| parsed.as_ref().and_then(|v| v.get(name)).and_then(|c| c.as_str()).map(str::to_owned);
            out.push(LogEvent {
                at: DateTime::from_timestamp_millis(ev.timestamp().unwrap_or_default()).unwrap_or_default(),
                stream: ev.log_stream_name().unwrap_or_default().to_owned(),
                // as CloudWatch Logs gave them: the way out escapes them (`plan::escape`)
                code: field("errorCode"),
                message: field("message").unwrap_or(message),
            });
        }
        // keep the newest only
        if out.len() > limit {
            out.sort_by_key(|e| std::cmp::Reverse(e.at));
            out.truncate(limit);
        }
        n += 1;
        if n >= MAX_PAGES {
            break;
        }
    }
    out.sort_by_key(|e| std::cmp::Reverse(e.at));
    out.truncate(limit);
    Ok(out)
}

/// An object under the error prefix, with its first error record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorObject {
    #[serde(flatten)]
    pub object: Object,
    /// The error output type (`processing-failed`, ...).
    pub error_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Its first line, as it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_line: Option<String>,
}

/// Reads an error object's start: its first error record, and the test records it holds (their raw data).
pub async fn read_error_object(
    cloud: &Cloud,
    s3: &S3Facts,
    object: Object,
    error_type: String,
    marker: Option<&str>,
) -> (ErrorObject, Vec<usize>) {
    let mut out = ErrorObject { object, error_type, code: None, message: None, first_line: None };
    let mut tags = Vec::new();
    if let Ok(bytes) = read(cloud, &s3.bucket, &out.object.key, 1 << 20).await
        && let Ok(Content::Text(text)) = dataflow::content(s3, &bytes, 8 << 20, true)
    {
        out.first_line = dataflow::first_lines(&text, 1, 300).into_iter().next();
        let records = dataflow::error_records(&text);
        if let Some(first) = records.first() {
            out.code = first.code.clone();
            out.message = first.message.clone();
        }
        if let Some(m) = marker {
            tags = records.iter().flat_map(|r| crate::plan::records::find_tags(&r.raw, m)).collect();
            tags.extend(crate::plan::records::find_tags(&text, m));
        }
    }
    (out, tags)
}

/// A stream as it is now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Snapshot {
    pub taken_at: DateTime<Utc>,
    pub region: String,
    pub stream: StreamFacts,
    /// Minutes the metrics and objects go back.
    pub window_minutes: i64,
    pub metrics: Vec<Series>,
    /// The newest objects where the stream delivers (newest first).
    pub objects: Vec<Object>,
    /// Where the stream's objects are looked for (the prefix evaluated over the window).
    pub listed: Vec<String>,
    pub error_objects: Vec<ErrorObject>,
    pub log_events: Vec<LogEvent>,
    /// The parts that could not be read, and why (no access to CloudWatch, ...).
    pub problems: Vec<String>,
}

/// Error objects already read, by key: a refresh reads only the new ones.
pub type ErrorCache = std::sync::Arc<std::sync::Mutex<HashMap<String, ErrorObject>>>;

/// Takes a snapshot of the stream `name`: the description first (its absence is an error), then the
/// metrics, objects and log events side by side; a part that fails is named in `problems`.
pub async fn snapshot(cloud: &Cloud, name: &str, cache: &ErrorCache) -> Result<Snapshot, CloudError> {
    let facts = stream_facts(cloud, name).await?;
    let now = Utc::now();
    let from = now - Duration::minutes(WINDOW_MINUTES);
    let metrics = metrics(cloud, &facts, from, now);
    let objects = newest_objects(cloud, &facts, from, now, cache);
    let logs = async {
        match facts.s3.as_ref().and_then(|s| s.log.as_ref()) {
            Some(l) => log_events(cloud, l, from, 5).await,
            None => Ok(Vec::new()),
        }
    };
    let (metrics, objects, logs) = tokio::join!(metrics, objects, logs);
    let mut problems = Vec::new();
    let mut part =
        |what: Msg, e: CloudError| problems.push(msg!("part-failed", part = what, error = e.summary()).to_string());
    let metrics = metrics.unwrap_or_else(|e| {
        part(msg!("part-metrics"), e);
        Vec::new()
    });
    let log_events = logs.unwrap_or_else(|e| {
        part(msg!("part-error-log"), e);
        Vec::new()
    });
    let (objects, error_objects, listed, more) = objects.unwrap_or_else(|e| {
        part(msg!("part-objects"), e);
        Default::default()
    });
    problems.extend(
        more.iter().map(|root| {
            msg!("objects-too-many", max = MAX_PAGES * 1000, root = crate::plan::sanitize(root)).to_string()
        }),
    );
    Ok(Snapshot {
        taken_at: now,
        region: cloud.region.clone(),
        stream: facts,
        window_minutes: WINDOW_MINUTES,
        metrics,
        objects,
        listed,
        error_objects,
        log_events,
        problems,
    })
}

/// The newest objects and error objects of the window, the prefixes listed, and those that had more
/// keys than were listed.
async fn newest_objects(
    cloud: &Cloud,
    facts: &StreamFacts,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    cache: &ErrorCache,
) -> Result<(Vec<Object>, Vec<ErrorObject>, Vec<String>, Vec<String>), CloudError> {
    let Some(s3) = &facts.s3 else { return Ok(Default::default()) };
    let expect = dataflow::expectation(s3, from, to, &[]);
    let mut objects = Vec::new();
    let mut errors = Vec::new();
    let mut more = Vec::new();
    for root in expect.listing_roots(4) {
        let (listed, truncated) = list(cloud, &s3.bucket, &root, MAX_PAGES).await?;
        if truncated {
            more.push(format!("s3://{}/{root}", s3.bucket));
        }
        for o in listed {
            match expect.place(&o.key) {
                Place::Expected | Place::WrongExtension => objects.push(o),
                Place::Error(t) => errors.push((o, t)),
                Place::Elsewhere => {}
            }
        }
    }
    objects.sort_by(|a, b| b.last_modified.cmp(&a.last_modified).then_with(|| b.key.cmp(&a.key)));
    objects.truncate(NEWEST);
    errors.sort_by(|a, b| b.0.last_modified.cmp(&a.0.last_modified).then_with(|| b.0.key.cmp(&a.0.key)));
    errors.truncate(3);
    let mut error_objects = Vec::new();
    for (o, t) in errors {
        let known = cache.lock().ok().and_then(|c| c.get(&o.key).cloned()).filter(|e| e.object == o);
        let e = match known {
            Some(e) => e,
            None => {
                let e = read_error_object(cloud, s3, o, t, None).await.0;
                if let Ok(mut c) = cache.lock() {
                    c.insert(e.object.key.clone(), e.clone());
                }
                e
            }
        };
        error_objects.push(e);
    }
    Ok((objects, error_objects, expect.prefix_roots(4), more))
}

/// The first lines of an object (gunzipped), for the watch view's preview.
pub async fn preview(cloud: &Cloud, s3: &S3Facts, key: &str) -> Result<String, CloudError> {
    let bytes = read(cloud, &s3.bucket, key, 256 << 10).await?;
    let content = dataflow::content(s3, &bytes, 1 << 20, false)
        .map_err(|e| CloudError::local(e, msg!("hint-not-firehose-object")))?;
    match content {
        Content::Text(text) => {
            let lines = dataflow::first_lines(&text, 40, 2000);
            Ok(if lines.is_empty() { msg!("preview-empty").to_string() } else { lines.join("\n") })
        }
        Content::Opaque(kind) => Ok(msg!("preview-opaque", kind = kind).to_string()),
    }
}
