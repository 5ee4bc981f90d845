//! The smoke test's verdict and a stream's snapshot as lines of text, each with a tone: printed as they
//! are by the commands, styled by the watch screen, in the current language. Pure, but for the memory of
//! the endpoint warnings already given ([`unencrypted_endpoint_warnings`]). What AWS said and named (keys,
//! log stream names, messages, codes...) is in them escaped (`plan::escape`): every public function here
//! returns its text escaped, and builds it from the raw values.

use std::time::Duration;

use crate::cloud::dataflow::{Arrival, SendEvent, SendReport, Verdict};
use crate::cloud::monitor::{ErrorObject, LogEvent, Snapshot};
use crate::plan::dataflow::{format_bytes, format_value};
use crate::plan::describe::{S3Facts, SourceFacts, StreamFacts};
use crate::plan::escape::escaped;
use crate::text::pad;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    Ok,
    Error,
    Warning,
    Dim,
}

pub type Lines = Vec<(Tone, String)>;

/// `text` escaped (one line), without a copy when there is nothing to escape.
fn shown(text: String) -> String {
    match escaped(text.as_str().into()) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(o) => o,
    }
}

/// Each line escaped.
fn shown_lines(lines: Lines) -> Lines {
    lines.into_iter().map(|(tone, l)| (tone, shown(l))).collect()
}

fn s3_url(bucket: &str, key: &str) -> String {
    format!("s3://{bucket}/{key}")
}

/// `warning: http://... is plain http ...`: one line for each endpoint the calls go to that is plain http
/// to another machine, each URL once in the process's life (the wizard's `--from-stream` connects twice:
/// once to read the stream, once for the screens).
pub fn unencrypted_endpoint_warnings(endpoints: &crate::cloud::endpoints::Endpoints) -> Vec<String> {
    static SAID: std::sync::Mutex<std::collections::BTreeSet<String>> =
        std::sync::Mutex::new(std::collections::BTreeSet::new());
    let mut said = SAID.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    endpoints
        .unencrypted()
        .into_iter()
        .filter(|url| said.insert(url.clone()))
        .map(|url| t!("endpoint-unencrypted", url = url.as_str()))
        .collect()
}

/// `sent 10 of 10 records to the Kinesis stream retail-trans in 1 call (0.05 s, 200 records/s)`.
pub fn send_summary(r: &SendReport) -> String {
    let rate = if r.seconds > 0.0 {
        t!("report-rate", rate = format!("{:.0}", r.sent as f64 / r.seconds))
    } else {
        String::new()
    };
    let retried = if r.retried > 0 { t!("report-retried", count = r.retried) } else { String::new() };
    t!(
        "report-sent",
        sent = r.sent,
        total = r.total,
        to = r.to.clone(),
        api = r.api,
        calls = r.calls,
        seconds = format!("{:.2}", r.seconds),
        rate = rate,
        retried = retried
    )
}

/// A send's retry, when `e` is one: `3 record(s) failed (ProvisionedThroughputExceededException);
/// sending them again in 0.2 s (attempt 2 of at most 6 without progress)`.
pub fn retry_line(e: &SendEvent) -> Option<String> {
    match e {
        SendEvent::Retrying { records, code, attempt, attempts, wait } => Some(t!(
            "report-send-retry",
            records = *records as u64,
            code = code.clone(),
            wait = format!("{:.1}", wait.as_secs_f64()),
            attempt = *attempt as u64,
            attempts = *attempts as u64
        )),
        SendEvent::Progress { .. } => None,
    }
}

/// `waiting 0:42 of 4:00 (buffer interval 60 s) · 3 of 10 records arrived`.
pub fn waiting_line(
    elapsed: Duration,
    timeout: Duration,
    buffer_interval: Option<i32>,
    arrived: usize,
    expected: usize,
) -> String {
    let clock = |d: Duration| format!("{}:{:02}", d.as_secs() / 60, d.as_secs() % 60);
    let buffer = buffer_interval.map(|i| t!("report-buffer-interval", seconds = i)).unwrap_or_default();
    t!(
        "report-waiting",
        elapsed = clock(elapsed),
        timeout = clock(timeout),
        buffer = buffer,
        arrived = arrived,
        expected = expected
    )
}

/// What an arrival holds: `10 test records`, `Parquet, not searched`.
pub fn arrival_what(a: &Arrival) -> String {
    match (a.records, a.opaque) {
        (_, Some(kind)) => t!("report-not-searched", kind = kind),
        (Some(n), None) => t!("report-test-records", count = n),
        (None, None) => String::new(),
    }
}

/// An error object's type, code and message: `processing-failed: Lambda.FunctionError: ...`.
pub fn error_what(e: &ErrorObject) -> String {
    shown(
        [Some(e.error_type.as_str()), e.code.as_deref(), e.message.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(": "),
    )
}

/// A log event's code and message.
pub fn log_what(e: &LogEvent) -> String {
    shown(format!("{}{}", e.code.as_ref().map(|c| format!("{c}: ")).unwrap_or_default(), e.message))
}

/// The failures of a send, when there are any.
pub fn send_failures(r: &SendReport) -> Lines {
    let mut out = Lines::new();
    if r.failed.is_empty() {
        return out;
    }
    let which: Vec<String> = r.failed.iter().take(10).map(|f| (f.index + 1).to_string()).collect();
    let more = if r.failed.len() > 10 { ", …" } else { "" };
    out.push((
        Tone::Error,
        t!(
            "report-not-sent",
            failed = r.failed.len(),
            total = r.total,
            why = r.stopped.clone().unwrap_or_else(|| r.failure_summary()),
            which = format!("{}{more}", which.join(", "))
        ),
    ));
    if let Some(m) = r.failed.first().map(|f| &f.message).filter(|m| !m.is_empty() && r.stopped.is_none()) {
        out.push((Tone::Dim, format!("  {m}")));
    }
    if let Some(h) = &r.hint {
        out.push((Tone::Plain, t!("cli-hint", hint = h.clone())));
    }
    shown_lines(out)
}

fn arrival_line(bucket: &str, a: &Arrival) -> String {
    format!(
        "  {}  {}  +{:.1} s  {}",
        s3_url(bucket, &a.object.key),
        format_bytes(a.object.size),
        a.delay_s,
        arrival_what(a)
    )
}

fn error_object_lines(bucket: &str, e: &ErrorObject, out: &mut Lines) {
    out.push((
        Tone::Error,
        format!("  {}  {}  {}", s3_url(bucket, &e.object.key), format_bytes(e.object.size), error_what(e)),
    ));
    if let Some(l) = &e.first_line {
        out.push((Tone::Dim, format!("    {l}")));
    }
}

fn log_line(e: &LogEvent) -> String {
    format!("  {} {}  {}", e.at.format("%H:%M:%S"), e.stream, log_what(e))
}

/// The smoke test's verdict, from the headline down to the likely causes.
pub fn verdict(v: &Verdict) -> Lines {
    shown_lines(verdict_lines(v))
}

fn verdict_lines(v: &Verdict) -> Lines {
    let mut out = Lines::new();
    let sent = v.send.sent;
    let objects = v.objects.len();
    if v.ok {
        let opaque = v.objects.iter().any(|a| a.opaque.is_some());
        let first_delay = v.objects.iter().map(|a| a.delay_s).fold(f64::INFINITY, f64::min);
        let delay = format!("{first_delay:.1}");
        let headline = if opaque {
            t!("report-arrived-opaque", objects = objects, delay = delay)
        } else {
            t!("report-arrived", arrived = v.arrived, sent = sent, objects = objects, delay = delay)
        };
        out.push((Tone::Ok, headline));
        for a in &v.objects {
            out.push((Tone::Plain, arrival_line(&v.bucket, a)));
        }
        if let Some(a) = v.objects.iter().find(|a| !a.first_lines.is_empty()) {
            out.push((Tone::Plain, t!("report-first-lines", object = s3_url(&v.bucket, &a.object.key))));
            for l in &a.first_lines {
                out.push((Tone::Dim, format!("  {l}")));
            }
        }
        return out;
    }
    let under = match v.looked_under.as_slice() {
        [] => String::new(),
        [one] => t!("report-under-one", place = s3_url(&v.bucket, one)),
        [one, two] => t!("report-under-two", place = s3_url(&v.bucket, one), other = s3_url(&v.bucket, two)),
        many => t!("report-under-many", place = s3_url(&v.bucket, &many[0]), more = many.len().saturating_sub(1)),
    };
    out.push((
        Tone::Error,
        if sent == 0 {
            t!("report-none-sent", to = v.send.to.clone())
        } else {
            t!(
                "report-missing",
                arrived = v.arrived,
                sent = sent,
                seconds = format!("{:.0}", v.waited_s),
                under = under
            )
        },
    ));
    out.extend(send_failures(&v.send));
    if !v.objects.is_empty() {
        out.push((Tone::Plain, t!("report-arrived-expected")));
        for a in &v.objects {
            out.push((Tone::Plain, arrival_line(&v.bucket, a)));
        }
    }
    if !v.elsewhere.is_empty() {
        out.push((Tone::Warning, t!("report-arrived-elsewhere")));
        for a in &v.elsewhere {
            out.push((Tone::Warning, arrival_line(&v.bucket, a)));
        }
    }
    if !v.error_objects.is_empty() {
        out.push((
            Tone::Error,
            if v.errored > 0 {
                t!("report-error-objects-holding", count = v.errored)
            } else {
                t!("report-error-objects")
            },
        ));
        for e in &v.error_objects {
            error_object_lines(&v.bucket, e, &mut out);
        }
    }
    if !v.log_events.is_empty() {
        out.push((Tone::Error, t!("report-error-log")));
        for e in &v.log_events {
            out.push((Tone::Error, log_line(e)));
        }
    }
    if v.incoming.is_some() || v.delivered.is_some() {
        let n = |x: Option<f64>| x.map_or_else(|| t!("report-no-data"), |x| format!("{x:.0}"));
        out.push((Tone::Plain, t!("report-metrics-since", incoming = n(v.incoming), delivered = n(v.delivered))));
    }
    if sent > 0
        && v.objects.is_empty()
        && v.elsewhere.is_empty()
        && v.error_objects.is_empty()
        && v.log_events.is_empty()
    {
        out.push((Tone::Plain, t!("report-nothing-new")));
    }
    if !v.causes.is_empty() {
        out.push((Tone::Plain, t!("report-likely-causes")));
        for c in &v.causes {
            out.push((Tone::Plain, format!("  - {c}")));
        }
    }
    for n in &v.notes {
        out.push((Tone::Dim, t!("report-note", note = n.clone())));
    }
    out
}

/// `Kinesis stream retail-trans`, `Direct PUT`.
pub fn source_text(s: &SourceFacts) -> String {
    match s {
        SourceFacts::DirectPut => "Direct PUT".into(),
        SourceFacts::KinesisStream { .. } => t!("report-source-kinesis", stream = s.kinesis_name().unwrap_or_default()),
        SourceFacts::Other { kind } => shown(kind.clone()),
    }
}

/// `s3://bucket/prefix` (the prefix as configured).
pub fn destination_text(f: &StreamFacts) -> String {
    match &f.s3 {
        Some(s3) => shown(s3_url(&s3.bucket, &s3.prefix)),
        None => shown(f.other_destination.clone().unwrap_or_default()),
    }
}

/// `buffer 1 MiB / 60 s · GZIP · error logging on`.
pub fn settings_text(s3: &S3Facts) -> String {
    let mut parts = Vec::new();
    if let (Some(size), Some(interval)) = (s3.buffer_size_mib, s3.buffer_interval_s) {
        parts.push(t!("report-buffer", size = size.to_string(), interval = interval));
    }
    parts.push(s3.compression.clone());
    if let Some(f) = &s3.format_conversion {
        parts.push(t!("report-converted-to", format = f.clone()));
    }
    if s3.dynamic_partitioning {
        parts.push(t!("report-dynamic-partitioning"));
    }
    if s3.lambda.is_some() {
        parts.push(t!("report-lambda"));
    }
    parts.push(if s3.log.is_some() { t!("report-logging-on") } else { t!("report-logging-off") });
    shown(parts.join(" · "))
}

/// A sparkline of values (one character each; `None` is a gap), scaled to the largest.
pub fn sparkline(values: &[Option<f64>]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = values.iter().flatten().fold(0.0f64, |a, b| a.max(*b));
    values
        .iter()
        .map(|v| match v {
            None => ' ',
            Some(x) if max <= 0.0 || *x <= 0.0 => BARS[0],
            Some(x) => BARS[((x / max) * 7.0).round().clamp(0.0, 7.0) as usize],
        })
        .collect()
}

/// One value per minute for the last `minutes` minutes up to the snapshot, `None` where CloudWatch has
/// no point.
pub fn per_minute(
    points: &[crate::cloud::monitor::Point],
    end: chrono::DateTime<chrono::Utc>,
    minutes: usize,
) -> Vec<Option<f64>> {
    let mut out = vec![None; minutes];
    for p in points {
        let age = (end - p.at).num_seconds();
        if age < 0 {
            continue;
        }
        let slot = (age / 60) as usize;
        if slot < minutes {
            let i = minutes - 1 - slot;
            *out[i].get_or_insert(0.0) += p.value;
        }
    }
    out
}

/// The snapshot as `status` prints it.
pub fn snapshot(s: &Snapshot) -> Lines {
    shown_lines(snapshot_lines(s))
}

fn snapshot_lines(s: &Snapshot) -> Lines {
    let f = &s.stream;
    let mut out = Lines::new();
    let tone = if f.status == "ACTIVE" { Tone::Ok } else { Tone::Warning };
    out.push((tone, format!("{}  {}  {}", f.name, f.status, f.arn)));
    if let Some(fail) = &f.failure {
        out.push((Tone::Error, t!("report-failure", failure = fail.clone())));
    }
    // the three labels line up, in either language
    let labels = [t!("report-label-source"), t!("report-label-destination"), t!("report-label-settings")];
    let lw = labels.iter().map(|l| crate::text::width(l)).max().unwrap_or(0) + 2;
    out.push((Tone::Plain, format!("{}{}", pad(&labels[0], lw), source_text(&f.source))));
    out.push((Tone::Plain, format!("{}{}", pad(&labels[1], lw), destination_text(f))));
    if let Some(s3) = &f.s3 {
        out.push((Tone::Plain, format!("{}{}", pad(&labels[2], lw), settings_text(s3))));
    }
    out.push((Tone::Plain, t!("report-metrics", minutes = s.window_minutes)));
    for m in &s.metrics {
        let values = per_minute(&m.points, s.taken_at, s.window_minutes as usize);
        let latest = m.latest.map_or_else(|| t!("report-no-data"), |v| format_value(v, m.unit));
        out.push((Tone::Plain, format!("  {} {}  {latest}", pad(&m.label, 26), sparkline(&values))));
    }
    if s.metrics.is_empty() {
        out.push((Tone::Dim, t!("report-none")));
    }
    let bucket = f.s3.as_ref().map_or("", |s| s.bucket.as_str());
    out.push((Tone::Plain, t!("report-newest-objects", minutes = s.window_minutes)));
    for o in &s.objects {
        let at = o.last_modified.map_or(String::new(), |t| t.format("%Y-%m-%d %H:%M:%S").to_string());
        out.push((Tone::Plain, format!("  {at}  {:>9}  {}", format_bytes(o.size), s3_url(bucket, &o.key))));
    }
    if s.objects.is_empty() {
        out.push((Tone::Dim, t!("report-none")));
    }
    if !s.error_objects.is_empty() {
        out.push((Tone::Error, t!("report-error-objects")));
        for e in &s.error_objects {
            error_object_lines(bucket, e, &mut out);
        }
    }
    if !s.log_events.is_empty() {
        out.push((Tone::Error, t!("report-error-log")));
        for e in &s.log_events {
            out.push((Tone::Error, log_line(e)));
        }
    }
    for p in &s.problems {
        out.push((Tone::Warning, t!("report-could-not-read", part = p.clone())));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cloud::monitor::Point;
    use chrono::TimeZone;

    #[test]
    fn sparklines_scale_to_the_largest() {
        assert_eq!(sparkline(&[Some(0.0), Some(5.0), Some(10.0), None]), "▁▅█ ");
        assert_eq!(sparkline(&[Some(0.0), Some(0.0)]), "▁▁");
        assert_eq!(sparkline(&[]), "");
    }

    #[test]
    fn points_fall_in_their_minute() {
        let end = chrono::Utc.with_ymd_and_hms(2026, 11, 30, 10, 0, 0).unwrap();
        let p = |m: i64, v| Point { at: end - chrono::Duration::seconds(m * 60 + 1), value: v };
        assert_eq!(per_minute(&[p(0, 3.0), p(2, 1.0), p(9, 7.0)], end, 4), vec![None, Some(1.0), None, Some(3.0)]);
    }
}
