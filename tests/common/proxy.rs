//! A fault-injecting HTTP/1.1 reverse proxy, for end-to-end tests of how the binary copes with AWS
//! misbehaving: throttling, errors, dropped connections, slow or stuck answers, odd states.
//!
//! The proxy sits between the client under test (the binary, or an SDK client, pointed at
//! [`Proxy::url`] through `--endpoint-url` / `AWS_ENDPOINT_URL`) and moto. It names each request's AWS
//! operation (`firehose:CreateDeliveryStream`, `iam:CreateRole`, `s3:PutObject`, see [`operation`]),
//! records it, and applies the first [`Rule`] for that operation that still has uses left; a request
//! no rule catches is forwarded to moto unchanged and moto's answer returned unchanged.
//!
//! ```ignore
//! let moto = Moto::start();
//! let proxy = Proxy::start(&moto.url);
//! proxy.add(Rule::new("firehose:CreateDeliveryStream", 2, Fault::json_error(400, "ThrottlingException", "Rate exceeded")));
//! proxy.add(Rule::new("iam:CreateRole", 1, Fault::ResetAfterUpstream));
//! let r = run(moto.command(dir).env("AWS_ENDPOINT_URL", &proxy.url).arg("apply").arg(&plan));
//! assert_eq!(proxy.count("firehose:CreateDeliveryStream"), 3);
//! ```
//!
//! The proxy runs on a tokio runtime of its own, on a background thread, so that plain `#[test]`
//! functions can use it; it stops when the [`Proxy`] is dropped (requests still held are dropped
//! with it: their clients see the connection close).

use std::collections::VecDeque;
use std::fmt;
use std::net::TcpListener as StdTcpListener;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use aws_config::retry::RetryConfig;
use aws_config::{BehaviorVersion, Region, SdkConfig};
use aws_sdk_s3::config::Credentials;
use bytes::Bytes;
use http::header::{self, HeaderMap, HeaderName, HeaderValue};
use http::{Method, Request, Response, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioIo};
use percent_encoding::percent_decode_str;
use serde_json::Value;
use tokio::sync::{oneshot, watch};

/// What the proxy does to a request a [`Rule`] catches.
#[derive(Clone)]
pub enum Fault {
    /// Answer without forwarding: this status, these headers, this body.
    Respond { status: u16, headers: Vec<(String, String)>, body: String },
    /// Forward upstream (so the effect happens in moto), then drop the connection without answering.
    /// The SDK sees `SdkError::DispatchFailure` (hyper's `IncompleteMessage`, a transient error), and
    /// its standard retry sends the request again.
    ResetAfterUpstream,
    /// Drop the connection without forwarding; the SDK sees the same as for `ResetAfterUpstream`.
    ResetBeforeUpstream,
    /// Forward upstream first, then hold the answer until [`Proxy::release`] (or forever);
    /// [`Proxy::wait_held`] reports it.
    HoldAfterUpstream,
    /// Hold before forwarding (the effect does not happen until released).
    HoldBeforeUpstream,
    /// Forward, then rewrite the JSON response body with this function (e.g. change a status
    /// field). Only a successful (2xx) answer whose body is JSON is rewritten; any other answer is
    /// returned unchanged.
    Rewrite(Arc<dyn Fn(Value) -> Value + Send + Sync>),
    /// A batch write (Kinesis `PutRecords`, Firehose `PutRecordBatch`) in which the records at these
    /// positions fail, as AWS reports a partial failure: they are taken out of the request before it
    /// is forwarded (moto stores the others only), and the answer lists them, in place, with this error
    /// code and message, counted in `FailedRecordCount` / `FailedPutCount`.
    FailRecords { positions: Vec<usize>, code: String, message: String },
}

impl Fault {
    /// An error answer of the JSON protocols (Firehose, Kinesis, CloudWatch Logs), as AWS sends it:
    /// `{"__type": code, "message": message}` with `x-amzn-ErrorType: code`.
    pub fn json_error(status: u16, code: &str, message: &str) -> Fault {
        Fault::Respond {
            status,
            headers: vec![
                ("Content-Type".into(), "application/x-amz-json-1.1".into()),
                ("x-amzn-ErrorType".into(), code.into()),
                ("x-amzn-RequestId".into(), request_id()),
            ],
            body: serde_json::json!({ "__type": code, "message": message }).to_string(),
        }
    }

    /// An error answer of the query protocols (IAM, STS), as AWS sends it: an `ErrorResponse` document.
    pub fn query_error(status: u16, code: &str, message: &str) -> Fault {
        let id = request_id();
        Fault::Respond {
            status,
            headers: vec![("Content-Type".into(), "text/xml".into()), ("x-amzn-RequestId".into(), id.clone())],
            body: format!(
                "<ErrorResponse><Error><Type>Sender</Type><Code>{}</Code><Message>{}</Message></Error>\
                 <RequestId>{id}</RequestId></ErrorResponse>",
                xml_escape(code),
                xml_escape(message)
            ),
        }
    }

    /// An error answer of S3, as AWS sends it: an `Error` document with `x-amz-request-id`.
    pub fn s3_error(status: u16, code: &str, message: &str) -> Fault {
        let id = request_id();
        Fault::Respond {
            status,
            headers: vec![("Content-Type".into(), "application/xml".into()), ("x-amz-request-id".into(), id.clone())],
            body: format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{}</Code><Message>{}</Message>\
                 <RequestId>{id}</RequestId></Error>",
                xml_escape(code),
                xml_escape(message)
            ),
        }
    }

    /// [`Fault::Rewrite`] of a closure.
    pub fn rewrite(f: impl Fn(Value) -> Value + Send + Sync + 'static) -> Fault {
        Fault::Rewrite(Arc::new(f))
    }

    /// [`Fault::Rewrite`] that sets fields of the JSON answer, each named by a JSON pointer
    /// (`/DeliveryStreamDescription/DeliveryStreamStatus`); missing objects on the way are created.
    pub fn patch(fields: Vec<(&str, Value)>) -> Fault {
        let fields: Vec<(String, Value)> = fields.into_iter().map(|(p, v)| (p.to_owned(), v)).collect();
        Fault::rewrite(move |mut body| {
            for (pointer, value) in &fields {
                set_pointer(&mut body, pointer, value.clone());
            }
            body
        })
    }
}

impl fmt::Debug for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fault::Respond { status, body, .. } => write!(f, "Respond({status}, {body})"),
            Fault::ResetAfterUpstream => f.write_str("ResetAfterUpstream"),
            Fault::ResetBeforeUpstream => f.write_str("ResetBeforeUpstream"),
            Fault::HoldAfterUpstream => f.write_str("HoldAfterUpstream"),
            Fault::HoldBeforeUpstream => f.write_str("HoldBeforeUpstream"),
            Fault::Rewrite(_) => f.write_str("Rewrite"),
            Fault::FailRecords { positions, code, .. } => write!(f, "FailRecords({positions:?}, {code})"),
        }
    }
}

/// Which requests get a [`Fault`], and how many times.
#[derive(Clone, Debug)]
pub struct Rule {
    /// The operation caught, as [`operation`] names it (`firehose:CreateDeliveryStream`); `*` catches
    /// every request and `service:*` every request to that service.
    pub operation: String,
    /// How many requests get the fault; `usize::MAX` is as good as forever.
    pub times: usize,
    pub fault: Fault,
    /// How many matching requests to let through untouched before the fault starts applying. While
    /// it lets a request through, the rule still takes the request: later rules do not see it.
    pub skip: usize,
}

impl Rule {
    pub fn new(operation: &str, times: usize, fault: Fault) -> Rule {
        Rule { operation: operation.to_owned(), times, fault, skip: 0 }
    }

    /// Lets the first `skip` matching requests through untouched before the fault applies.
    pub fn after(self, skip: usize) -> Rule {
        Rule { skip, ..self }
    }

    fn matches(&self, operation: &str) -> bool {
        operation_matches(&self.operation, operation)
    }
}

fn operation_matches(pattern: &str, operation: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some("") => true,
        Some(prefix) if prefix.ends_with(':') => operation.starts_with(prefix),
        _ => pattern == operation,
    }
}

/// The proxy; it listens on 127.0.0.1 and stops when dropped.
pub struct Proxy {
    /// `http://127.0.0.1:PORT`, for `--endpoint-url` / `AWS_ENDPOINT_URL`.
    pub url: String,
    pub port: u16,
    shared: Arc<Shared>,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

/// What the test thread and the proxy's runtime share.
struct Shared {
    state: Mutex<State>,
    /// Signalled when a request is held.
    held: Condvar,
    /// Bumped by [`Proxy::release`]; a held request waits for the next bump.
    release: watch::Sender<u64>,
}

#[derive(Default)]
struct State {
    rules: Vec<Rule>,
    calls: Vec<String>,
    /// Held requests not yet reported by [`Proxy::wait_held`].
    held: VecDeque<String>,
    /// The release generation at which held requests are dropped instead of let through.
    drop_at: Option<u64>,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A test that panicked while holding the lock must not turn every later assertion into a
        // poisoned-lock panic.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Records the request and picks its fault, using one of the rule's times (or skips).
    fn arrive(&self, operation: &str) -> Option<Fault> {
        let mut state = self.lock();
        state.calls.push(operation.to_owned());
        let rule = state.rules.iter_mut().find(|r| r.times > 0 && r.matches(operation))?;
        if rule.skip > 0 {
            rule.skip -= 1;
            return None;
        }
        rule.times -= 1;
        Some(rule.fault.clone())
    }

    /// Reports the request as held, then waits for the next [`Proxy::release`] (true) or
    /// [`Proxy::drop_held`] (false: the request is dropped).
    async fn hold(&self, operation: &str) -> bool {
        let mut released = {
            let mut state = self.lock();
            // Subscribing under the lock orders this against `release`, which bumps under it too.
            let released = self.release.subscribe();
            state.held.push_back(operation.to_owned());
            self.held.notify_all();
            released
        };
        // An error means the proxy is going away; the runtime drops this request anyway.
        let _ = released.changed().await;
        let generation = *released.borrow();
        self.lock().drop_at != Some(generation)
    }
}

impl Proxy {
    /// Starts a proxy on 127.0.0.1 (a free port) forwarding to `upstream` (`http://127.0.0.1:PORT`).
    pub fn start(upstream: &str) -> Proxy {
        let listener = StdTcpListener::bind("127.0.0.1:0").expect("bind the proxy");
        listener.set_nonblocking(true).expect("non-blocking listener");
        let port = listener.local_addr().expect("proxy address").port();
        let shared = Arc::new(Shared { state: Mutex::default(), held: Condvar::new(), release: watch::Sender::new(0) });
        let (stop, stopped) = oneshot::channel();
        let upstream = upstream.trim_end_matches('/').to_owned();
        let server = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name(format!("proxy-{port}"))
            .spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("proxy runtime");
                rt.block_on(serve(listener, upstream, server, stopped));
                // Dropping the runtime drops the connections still open, held requests included.
            })
            .expect("spawn the proxy thread");
        Proxy { url: format!("http://127.0.0.1:{port}"), port, shared, stop: Some(stop), thread: Some(thread) }
    }

    /// Adds a rule after those already added; the first rule that matches and has times left applies.
    pub fn add(&self, rule: Rule) {
        self.shared.lock().rules.push(rule);
    }

    /// Drops every rule: from now on the proxy only forwards (the fault has passed).
    pub fn clear(&self) {
        self.shared.lock().rules.clear();
    }

    /// Every operation that arrived, in order, faulted ones included.
    pub fn calls(&self) -> Vec<String> {
        self.shared.lock().calls.clone()
    }

    /// How many requests of `operation` arrived (`*` and `service:*` as in [`Rule::operation`]).
    pub fn count(&self, operation: &str) -> usize {
        self.shared.lock().calls.iter().filter(|c| operation_matches(operation, c)).count()
    }

    /// Blocks until a hold rule has caught a request not reported yet, and returns its operation;
    /// `None` if none did within `timeout`.
    pub fn wait_held(&self, timeout: Duration) -> Option<String> {
        let deadline = Instant::now() + timeout;
        let mut state = self.shared.lock();
        loop {
            if let Some(operation) = state.held.pop_front() {
                return Some(operation);
            }
            let left = deadline.checked_duration_since(Instant::now()).filter(|d| !d.is_zero())?;
            state = self.shared.held.wait_timeout(state, left).unwrap_or_else(PoisonError::into_inner).0;
        }
    }

    /// Drops every request held so far without letting it through (a held-before request never
    /// reaches upstream), as stopping the proxy would, but the proxy goes on.
    pub fn drop_held(&self) {
        let mut state = self.shared.lock();
        let next = *self.shared.release.borrow() + 1;
        state.drop_at = Some(next);
        self.shared.release.send_modify(|generation| *generation += 1);
    }

    /// Lets every request held so far finish: a request held before forwarding is forwarded now,
    /// and each gets upstream's answer. Requests held later wait for the next `release`.
    pub fn release(&self) {
        let _state = self.shared.lock();
        self.shared.release.send_modify(|generation| *generation += 1);
    }

    /// An SDK configuration that reaches moto through this proxy (account 123456789012), with the
    /// given retry behaviour (`RetryConfig::disabled()` to see each fault as it is).
    pub async fn sdk(&self, region: &str, retry: RetryConfig) -> SdkConfig {
        aws_config::defaults(BehaviorVersion::latest())
            .http_client(firehose_wizard::cloud::https_client())
            .endpoint_url(&self.url)
            .region(Region::new(region.to_owned()))
            .credentials_provider(Credentials::new(super::ACCESS_KEY, super::SECRET_KEY, None, None, "test"))
            .retry_config(retry)
            .load()
            .await
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        // Wake held requests, so nothing is left waiting on a proxy that is gone.
        self.release();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Where requests go, and how.
struct Upstream {
    base: String,
    client: Client<HttpConnector, Full<Bytes>>,
}

/// The error a service returns to make hyper drop the connection without answering.
#[derive(Debug)]
struct Reset;

impl fmt::Display for Reset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("connection reset by the fault-injecting proxy")
    }
}

impl std::error::Error for Reset {}

/// The accept loop, until `stopped`.
async fn serve(listener: StdTcpListener, base: String, shared: Arc<Shared>, mut stopped: oneshot::Receiver<()>) {
    let listener = tokio::net::TcpListener::from_std(listener).expect("tokio listener");
    // moto answers `Connection: close`; pooling would only keep dead connections.
    let client = Client::builder(TokioExecutor::new()).pool_max_idle_per_host(0).build_http();
    let upstream = Arc::new(Upstream { base, client });
    loop {
        let stream = tokio::select! {
            _ = &mut stopped => return,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(_) => {
                    // Out of file descriptors or the like: let it pass rather than spin.
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            },
        };
        let (shared, upstream) = (Arc::clone(&shared), Arc::clone(&upstream));
        tokio::spawn(async move {
            let service = service_fn(move |req| handle(Arc::clone(&shared), Arc::clone(&upstream), req));
            // Errors are the faults' resets, or clients going away: nothing to report.
            let _ = hyper::server::conn::http1::Builder::new().serve_connection(TokioIo::new(stream), service).await;
        });
    }
}

/// One request: name it, pick its fault, apply it.
async fn handle(
    shared: Arc<Shared>,
    upstream: Arc<Upstream>,
    req: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Reset> {
    let (parts, body) = req.into_parts();
    let body = body.collect().await.map_err(|_| Reset)?.to_bytes();
    let req = Request::from_parts(parts, body);
    let operation = operation(&req);
    let fault = shared.arrive(&operation);
    if let Some(fault) = &fault {
        eprintln!("proxy: {operation}: {fault:?}");
    }
    let answer = match fault {
        None => upstream.forward(req).await,
        Some(Fault::Respond { status, headers, body }) => respond(status, &headers, body),
        Some(Fault::ResetBeforeUpstream) => return Err(Reset),
        Some(Fault::ResetAfterUpstream) => {
            upstream.forward(req).await;
            return Err(Reset);
        }
        Some(Fault::HoldBeforeUpstream) => {
            if !shared.hold(&operation).await {
                return Err(Reset);
            }
            upstream.forward(req).await
        }
        Some(Fault::HoldAfterUpstream) => {
            let answer = upstream.forward(req).await;
            if !shared.hold(&operation).await {
                return Err(Reset);
            }
            answer
        }
        Some(Fault::Rewrite(f)) => rewrite(upstream.forward(req).await, &*f),
        Some(Fault::FailRecords { positions, code, message }) => {
            fail_records(&upstream, req, &positions, &code, &message).await
        }
    };
    Ok(answer.map(Full::new))
}

/// Headers that describe one connection, not the message: never passed on.
const HOP_BY_HOP: [&str; 8] =
    ["connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer", "upgrade", "expect"];

fn strip_hop_by_hop(headers: &mut HeaderMap) {
    for name in HOP_BY_HOP {
        headers.remove(name);
    }
}

impl Upstream {
    /// Sends the request upstream and reads the whole answer; a 502 if upstream cannot be reached.
    async fn forward(&self, req: Request<Bytes>) -> Response<Bytes> {
        let (mut parts, body) = req.into_parts();
        let path = parts.uri.path_and_query().map_or("/", |p| p.as_str());
        parts.uri = match format!("{}{path}", self.base).parse() {
            Ok(uri) => uri,
            Err(e) => return bad_gateway(&format!("bad upstream URI: {e}")),
        };
        // The body is whole: the client computes its framing again.
        strip_hop_by_hop(&mut parts.headers);
        let answer = match self.client.request(Request::from_parts(parts, Full::new(body))).await {
            Ok(answer) => answer,
            Err(e) => return bad_gateway(&format!("upstream request failed: {e:?}")),
        };
        let (mut parts, body) = answer.into_parts();
        let body = match body.collect().await {
            Ok(body) => body.to_bytes(),
            Err(e) => return bad_gateway(&format!("upstream answer unreadable: {e}")),
        };
        // moto's `Connection: close` is about its own connection, not the client's.
        strip_hop_by_hop(&mut parts.headers);
        Response::from_parts(parts, body)
    }
}

fn bad_gateway(message: &str) -> Response<Bytes> {
    eprintln!("proxy: {message}");
    let mut answer = Response::new(Bytes::from(message.to_owned()));
    *answer.status_mut() = StatusCode::BAD_GATEWAY;
    answer
}

fn respond(status: u16, headers: &[(String, String)], body: String) -> Response<Bytes> {
    let mut answer = Response::new(Bytes::from(body));
    *answer.status_mut() = StatusCode::from_u16(status).expect("a valid HTTP status");
    for (name, value) in headers {
        let name = HeaderName::from_bytes(name.as_bytes()).expect("a valid header name");
        let value = HeaderValue::from_str(value).expect("a valid header value");
        answer.headers_mut().append(name, value);
    }
    answer
}

/// Applies `f` to a successful JSON answer; anything else passes unchanged.
fn rewrite(answer: Response<Bytes>, f: &(dyn Fn(Value) -> Value + Send + Sync)) -> Response<Bytes> {
    if !answer.status().is_success() {
        return answer;
    }
    let Ok(json) = serde_json::from_slice::<Value>(answer.body()) else {
        return answer;
    };
    let (mut parts, _) = answer.into_parts();
    let rewritten = serde_json::to_vec(&f(json)).expect("serialise the rewritten answer");
    // hyper computes the new length.
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Bytes::from(rewritten))
}

/// [`Fault::FailRecords`]: forwards the request without the failing records, then puts them back into
/// the answer as failures.
async fn fail_records(
    upstream: &Upstream,
    req: Request<Bytes>,
    positions: &[usize],
    code: &str,
    message: &str,
) -> Response<Bytes> {
    let (mut parts, body) = req.into_parts();
    let Ok(mut sent) = serde_json::from_slice::<Value>(&body) else {
        return upstream.forward(Request::from_parts(parts, body)).await;
    };
    let records = sent["Records"].as_array().cloned().unwrap_or_default();
    sent["Records"] =
        records.iter().enumerate().filter(|(i, _)| !positions.contains(i)).map(|(_, r)| r.clone()).collect();
    let body = Bytes::from(serde_json::to_vec(&sent).expect("serialise the request"));
    parts.headers.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
    let answer = upstream.forward(Request::from_parts(parts, body)).await;
    rewrite(answer, &|mut out: Value| {
        let (list, count) = if out.get("RequestResponses").is_some() {
            ("RequestResponses", "FailedPutCount")
        } else {
            ("Records", "FailedRecordCount")
        };
        let mut stored: VecDeque<Value> = out[list].as_array().cloned().unwrap_or_default().into();
        let failed = positions.iter().filter(|p| **p < records.len()).count() as u64;
        out[list] = (0..records.len())
            .map(|i| {
                if positions.contains(&i) {
                    serde_json::json!({ "ErrorCode": code, "ErrorMessage": message })
                } else {
                    stored.pop_front().unwrap_or(Value::Null)
                }
            })
            .collect();
        out[count] = serde_json::json!(out[count].as_u64().unwrap_or(0) + failed);
        out
    })
}

/// Sets `value` at a JSON pointer, creating objects on the way.
fn set_pointer(target: &mut Value, pointer: &str, value: Value) {
    let mut at = target;
    for token in pointer.split('/').skip(1) {
        let token = token.replace("~1", "/").replace("~0", "~");
        if !at.is_object() {
            *at = Value::Object(Default::default());
        }
        at = at.as_object_mut().expect("an object").entry(token).or_insert(Value::Null);
    }
    *at = value;
}

fn request_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The AWS operation of a request, as `service:Operation`:
///
/// - the JSON protocols (Firehose, Kinesis, CloudWatch Logs) by `X-Amz-Target`
///   (`Firehose_20150804.CreateDeliveryStream` is `firehose:CreateDeliveryStream`);
/// - the query protocols (IAM, STS) by the `Action` of the form body (or query string), the service
///   by the SigV4 credential scope (`iam:CreateRole`);
/// - S3 (path style, `s3` in the credential scope) by method, path and query (`s3:PutObject`); a
///   request the table does not know is `s3:METHOD /path?query&keys`;
/// - anything else is `unknown:METHOD /path`.
pub fn operation<B: AsRef<[u8]>>(req: &Request<B>) -> String {
    let headers = req.headers();
    if let Some((prefix, name)) =
        header_str(headers, "x-amz-target").and_then(|t| t.split_once('.')).filter(|(_, name)| !name.is_empty())
    {
        let service = prefix.split('_').next().unwrap_or(prefix).to_ascii_lowercase();
        return format!("{service}:{name}");
    }
    let query = req.uri().query().unwrap_or("");
    let service = signing_service(headers, query);
    let form = header_str(headers, "content-type").is_some_and(|t| t.starts_with("application/x-www-form-urlencoded"));
    let action = form
        .then(|| std::str::from_utf8(req.body().as_ref()).ok())
        .flatten()
        .and_then(|body| param(body, "Action"))
        .or_else(|| param(query, "Action"));
    match (service.as_deref(), action) {
        (Some(service), Some(action)) => format!("{service}:{action}"),
        (Some("s3"), None) => format!("s3:{}", s3_operation(req.method(), req.uri().path(), query, headers)),
        _ => format!("unknown:{} {}", req.method(), req.uri().path()),
    }
}

fn header_str<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// The `key=value` pairs of a query string or form body, decoded (`+` is a space).
fn params(text: &str) -> impl Iterator<Item = (String, String)> + '_ {
    let decode = |s: &str| percent_decode_str(&s.replace('+', " ")).decode_utf8_lossy().into_owned();
    text.split('&').filter(|p| !p.is_empty()).map(move |pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (decode(key), decode(value))
    })
}

fn param(text: &str, name: &str) -> Option<String> {
    params(text).find(|(key, _)| key == name).map(|(_, value)| value)
}

/// The service of the SigV4 (or SigV4a) credential scope, from `Authorization` or a presigned
/// query's `X-Amz-Credential`: `AKID/20261126/us-east-1/iam/aws4_request` is `iam`.
fn signing_service(headers: &HeaderMap, query: &str) -> Option<String> {
    let credential = header_str(headers, "authorization")
        .and_then(|auth| auth.split("Credential=").nth(1))
        .map(|rest| rest.split([',', ' ']).next().unwrap_or(rest).to_owned())
        .or_else(|| param(query, "X-Amz-Credential"))?;
    let scope: Vec<&str> = credential.split('/').collect();
    match scope.as_slice() {
        [.., service, "aws4_request"] => Some((*service).to_owned()),
        _ => None,
    }
}

/// Query keys that only parameterise an S3 operation, as opposed to naming a sub-resource.
const S3_PARAMETERS: [&str; 14] = [
    "prefix",
    "delimiter",
    "max-keys",
    "marker",
    "encoding-type",
    "continuation-token",
    "start-after",
    "fetch-owner",
    "list-type",
    "versionId",
    "partNumber",
    "max-parts",
    "part-number-marker",
    "expected-bucket-owner",
];

/// S3 sub-resources and the noun of their Get/Put/Delete operations, for a bucket and an object.
const S3_BUCKET_SUBRESOURCES: [(&str, &str); 13] = [
    ("policy", "BucketPolicy"),
    ("encryption", "BucketEncryption"),
    ("versioning", "BucketVersioning"),
    ("tagging", "BucketTagging"),
    ("lifecycle", "BucketLifecycleConfiguration"),
    ("publicAccessBlock", "PublicAccessBlock"),
    ("ownershipControls", "BucketOwnershipControls"),
    ("acl", "BucketAcl"),
    ("notification", "BucketNotificationConfiguration"),
    ("cors", "BucketCors"),
    ("location", "BucketLocation"),
    ("logging", "BucketLogging"),
    ("website", "BucketWebsite"),
];
const S3_OBJECT_SUBRESOURCES: [(&str, &str); 5] = [
    ("tagging", "ObjectTagging"),
    ("acl", "ObjectAcl"),
    ("attributes", "ObjectAttributes"),
    ("retention", "ObjectRetention"),
    ("legal-hold", "ObjectLegalHold"),
];

/// The S3 operation of a path-style request (without the `s3:`).
fn s3_operation(method: &Method, path: &str, query: &str, headers: &HeaderMap) -> String {
    let all: Vec<(String, String)> = params(query).collect();
    // The SDK names many operations itself (`?x-id=PutObject`).
    if let Some((_, id)) = all.iter().find(|(key, _)| key == "x-id") {
        return id.clone();
    }
    let has = |name: &str| all.iter().any(|(key, _)| key == name);
    let subresources: Vec<&str> = all
        .iter()
        .map(|(key, _)| key.as_str())
        .filter(|key| !S3_PARAMETERS.contains(key) && !key.starts_with("response-"))
        .collect();
    let copy = headers.contains_key("x-amz-copy-source");
    let verb = match *method {
        Method::GET => "Get",
        Method::PUT => "Put",
        Method::DELETE => "Delete",
        _ => "",
    };
    let trimmed = path.trim_start_matches('/');
    let (bucket, key) = match trimmed.split_once('/') {
        Some((bucket, key)) if !key.is_empty() => (bucket, Some(key)),
        Some((bucket, _)) => (bucket, None),
        None => (trimmed, None),
    };
    let noun = |table: &[(&str, &'static str)]| {
        table.iter().find(|(sub, _)| subresources.first() == Some(sub)).map(|(_, noun)| *noun)
    };
    let known = match (bucket, key, subresources.as_slice()) {
        ("", _, []) if *method == Method::GET => Some("ListBuckets".to_owned()),
        ("", _, _) => None,
        (_, None, []) => match *method {
            Method::PUT => Some("CreateBucket"),
            Method::HEAD => Some("HeadBucket"),
            Method::DELETE => Some("DeleteBucket"),
            Method::GET if param(query, "list-type").as_deref() == Some("2") => Some("ListObjectsV2"),
            Method::GET => Some("ListObjects"),
            _ => None,
        }
        .map(str::to_owned),
        (_, None, ["versions"]) if *method == Method::GET => Some("ListObjectVersions".to_owned()),
        (_, None, ["delete"]) if *method == Method::POST => Some("DeleteObjects".to_owned()),
        (_, None, ["uploads"]) if *method == Method::GET => Some("ListMultipartUploads".to_owned()),
        (_, None, [_]) if !verb.is_empty() => noun(&S3_BUCKET_SUBRESOURCES).map(|noun| format!("{verb}{noun}")),
        (_, Some(_), []) => match *method {
            Method::PUT if copy => Some("CopyObject"),
            Method::PUT => Some("PutObject"),
            Method::GET => Some("GetObject"),
            Method::HEAD => Some("HeadObject"),
            Method::DELETE => Some("DeleteObject"),
            _ => None,
        }
        .map(str::to_owned),
        (_, Some(_), ["uploads"]) if *method == Method::POST => Some("CreateMultipartUpload".to_owned()),
        (_, Some(_), ["uploadId"]) => match *method {
            Method::PUT if copy => Some("UploadPartCopy"),
            Method::PUT if has("partNumber") => Some("UploadPart"),
            Method::POST => Some("CompleteMultipartUpload"),
            Method::DELETE => Some("AbortMultipartUpload"),
            Method::GET => Some("ListParts"),
            _ => None,
        }
        .map(str::to_owned),
        (_, Some(_), [_]) if !verb.is_empty() => noun(&S3_OBJECT_SUBRESOURCES).map(|noun| format!("{verb}{noun}")),
        _ => None,
    };
    known.unwrap_or_else(|| {
        let keys: Vec<&str> = all.iter().map(|(key, _)| key.as_str()).collect();
        if keys.is_empty() { format!("{method} {path}") } else { format!("{method} {path}?{}", keys.join("&")) }
    })
}
