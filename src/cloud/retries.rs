//! The SDK's own retries, made visible. Every client runs AWS's standard retry mode (throttling, 5xx
//! answers, dropped connections and timeouts are retried with jittered exponential backoff, up to
//! [`MAX_ATTEMPTS`] tries); an interceptor reports each retry the SDK is about to make to whoever
//! watches, so the progress view can say "AWS answered 503 SlowDown, retrying" instead of going quiet.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use aws_smithy_runtime::client::retries::classifiers::run_classifiers_on_ctx;
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::FinalizerInterceptorContextRef;
use aws_smithy_runtime_api::client::orchestrator::Metadata;
use aws_smithy_runtime_api::client::retries::RequestAttempts;
use aws_smithy_runtime_api::client::retries::classifiers::{RetryAction, RetryReason};
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::ConfigBag;
use aws_smithy_types::retry::{ErrorKind, RetryConfig};
use aws_smithy_types::timeout::TimeoutConfig;

use crate::plan::msg::Msg;

/// Tries per call, the first included (the SDK's default is 3; provisioning is rare and slow, so a
/// throttled or briefly failing call gets more chances before the run stops).
pub const MAX_ATTEMPTS: u32 = 5;

/// Standard retry mode with [`MAX_ATTEMPTS`].
pub fn retry_config() -> RetryConfig {
    RetryConfig::standard().with_max_attempts(MAX_ATTEMPTS)
}

/// A connection must open within 5 s; an attempt that gets no answer within `call` is abandoned and
/// (being a timeout) retried.
pub fn timeout_config(call: Duration) -> TimeoutConfig {
    TimeoutConfig::builder().connect_timeout(Duration::from_secs(5)).operation_attempt_timeout(call).build()
}

/// A retry the SDK is about to make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SdkRetry {
    /// `service:Operation`.
    pub operation: String,
    /// The attempt that just failed (1 for the first try).
    pub attempt: u32,
    pub max_attempts: u32,
    /// What went wrong, e.g. "HTTP 503 SlowDown (server error)" or "connection lost (transient error)".
    pub reason: Msg,
}

type Listener = Box<dyn Fn(SdkRetry) + Send + Sync>;

/// Where the interceptor sends what it sees; nobody listens unless [`RetryWatch::watch`] is held.
#[derive(Clone, Default)]
pub struct RetryWatch {
    listener: Arc<Mutex<Option<Listener>>>,
    /// Per operation, how many attempts got no answer or a 5xx one: such an attempt may have taken
    /// effect although the caller never heard so (the SDK retries it underneath).
    lost: Arc<Mutex<std::collections::HashMap<String, u64>>>,
}

impl std::fmt::Debug for RetryWatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RetryWatch")
    }
}

/// Stops the watch when dropped.
pub struct Watching(RetryWatch);

impl Drop for Watching {
    fn drop(&mut self) {
        if let Ok(mut l) = self.0.listener.lock() {
            *l = None;
        }
    }
}

impl RetryWatch {
    /// Calls `f` for every retry until the returned guard is dropped.
    pub fn watch(&self, f: impl Fn(SdkRetry) + Send + Sync + 'static) -> Watching {
        if let Ok(mut l) = self.listener.lock() {
            *l = Some(Box::new(f));
        }
        Watching(self.clone())
    }

    /// How many attempts of `operation` (`service:Operation`) have lost their answer so far. Read it
    /// before and after a call: a difference means an attempt of that call may have taken effect.
    pub fn lost(&self, operation: &str) -> u64 {
        self.lost.lock().map_or(0, |m| m.get(operation).copied().unwrap_or(0))
    }

    fn tell(&self, retry: SdkRetry) {
        tracing::warn!(
            operation = retry.operation,
            attempt = retry.attempt,
            reason = crate::i18n::in_english(&retry.reason),
            "the SDK retries"
        );
        if let Ok(l) = self.listener.lock()
            && let Some(f) = l.as_ref()
        {
            f(retry);
        }
    }

    /// The interceptor to give each client.
    pub fn interceptor(&self) -> RetryReporter {
        RetryReporter(self.clone())
    }
}

#[derive(Debug)]
pub struct RetryReporter(RetryWatch);

impl Intercept for RetryReporter {
    fn name(&self) -> &'static str {
        "firehose-wizard retry reporter"
    }

    /// After each attempt: the SDK's own classifiers, run on the same context, say whether the retry
    /// strategy is about to try again.
    fn read_after_attempt(
        &self,
        ctx: &FinalizerInterceptorContextRef<'_>,
        rc: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let attempt = cfg.load::<RequestAttempts>().map_or(1, RequestAttempts::attempts);
        let max_attempts = cfg.load::<RetryConfig>().map_or(1, RetryConfig::max_attempts);
        let operation = cfg.load::<Metadata>().map(|m| {
            // the IAM-style prefix users know: "CloudWatch Logs" is logs
            let service = match m.service() {
                "CloudWatch Logs" => "logs".to_owned(),
                s => s.to_lowercase().replace(' ', ""),
            };
            format!("{service}:{}", m.name())
        });
        let answered = ctx.response().map(|r| r.status().is_server_error());
        if answered != Some(false)
            && let Some(op) = &operation
            && let Ok(mut lost) = self.0.lost.lock()
        {
            *lost.entry(op.clone()).or_default() += 1;
        }
        if attempt >= max_attempts {
            return Ok(());
        }
        let RetryAction::RetryIndicated(RetryReason::RetryableError { kind, .. }) =
            run_classifiers_on_ctx(rc.retry_classifiers(), ctx.inner())
        else {
            return Ok(());
        };
        let operation = operation.unwrap_or_else(|| "AWS".into());
        let kind = match kind {
            ErrorKind::ThrottlingError => msg!("retry-kind-throttled"),
            ErrorKind::TransientError => msg!("retry-kind-transient"),
            ErrorKind::ServerError => msg!("retry-kind-server"),
            ErrorKind::ClientError => msg!("retry-kind-client"),
            _ => msg!("retry-kind-other"),
        };
        let what = match ctx.response() {
            Some(r) => {
                let code = r.body().bytes().and_then(error_code);
                Msg::text(format!("HTTP {}{}", r.status().as_u16(), code.map(|c| format!(" {c}")).unwrap_or_default()))
            }
            None => match ctx.output_or_error() {
                Some(Err(e)) if e.is_timeout_error() => msg!("retry-no-answer-in-time"),
                // the innermost cause says it best ("connection closed before message completed")
                Some(Err(e)) => {
                    let chain = super::errors::cause_chain(e);
                    msg!("retry-no-answer-because", cause = chain.rsplit(": ").next().unwrap_or(&chain))
                }
                _ => msg!("retry-no-answer"),
            },
        };
        let reason = msg!("retry-reason", what = what, kind = kind);
        self.0.tell(SdkRetry { operation, attempt, max_attempts, reason });
        Ok(())
    }
}

/// The error code of an AWS error body: `__type` (JSON protocols, after any `namespace#`) or the
/// first `<Code>` element (XML protocols).
fn error_code(body: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(body).ok()?;
    let code = if text.trim_start().starts_with('{') {
        let v: serde_json::Value = serde_json::from_str(text).ok()?;
        let t = v.get("__type").or_else(|| v.get("code"))?.as_str()?;
        t.rsplit('#').next()?.split(':').next()?.to_owned()
    } else {
        let start = text.find("<Code>")? + "<Code>".len();
        let len = text[start..].find("</Code>")?;
        text[start..start + len].to_owned()
    };
    let ok = !code.is_empty() && code.len() <= 64 && code.chars().all(|c| c.is_ascii_alphanumeric() || c == '.');
    ok.then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_of_json_and_xml_answers() {
        assert_eq!(
            error_code(br#"{"__type":"com.amazonaws.firehose#ThrottlingException","message":"Rate exceeded"}"#),
            Some("ThrottlingException".into())
        );
        assert_eq!(error_code(br#"{"__type":"LimitExceededException"}"#), Some("LimitExceededException".into()));
        assert_eq!(
            error_code(b"<?xml version=\"1.0\"?><Error><Code>SlowDown</Code><Message>Reduce</Message></Error>"),
            Some("SlowDown".into())
        );
        assert_eq!(
            error_code(b"<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code></Error></ErrorResponse>"),
            Some("Throttling".into())
        );
        assert_eq!(error_code(b"<Error><Code>\x1b[2J</Code></Error>"), None, "nothing odd reaches the screen");
        assert_eq!(error_code(b"not an error"), None);
        assert_eq!(error_code(&[0xff, 0xfe]), None);
    }

    #[test]
    fn a_watch_hears_until_dropped() {
        let watch = RetryWatch::default();
        let heard = Arc::new(Mutex::new(Vec::new()));
        let h = heard.clone();
        let guard = watch.watch(move |r| h.lock().unwrap().push(r.attempt));
        let retry = |attempt| SdkRetry {
            operation: "s3:CreateBucket".into(),
            attempt,
            max_attempts: 5,
            reason: Msg::text("x"),
        };
        watch.tell(retry(1));
        drop(guard);
        watch.tell(retry(2));
        assert_eq!(*heard.lock().unwrap(), vec![1]);
    }
}
