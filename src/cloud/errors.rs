//! SDK errors → a user-facing message: the operation, AWS's error code and message, the request id,
//! and a hint that says what to do next.

use aws_sdk_firehose::config::http::HttpResponse;
use aws_sdk_firehose::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};
use aws_types::request_id::RequestId;

use crate::plan::msg::Msg;
use crate::plan::sanitize;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.summary())]
pub struct CloudError {
    /// `service:Operation`, or `None` for a problem found locally.
    pub operation: Option<&'static str>,
    pub code: Option<String>,
    /// AWS's message as it sent it ([`Msg::text`]), or ours.
    pub message: Msg,
    pub request_id: Option<String>,
    /// What to do next (boxed: an error travels in every `Result` of this layer, kept small).
    pub hint: Option<Box<Msg>>,
    /// The call may or may not have taken effect: no answer came (dropped connection, timeout) or AWS
    /// answered with a server error. A create that ends so is resolved by looking the resource up.
    pub answer_lost: bool,
}

impl CloudError {
    /// A problem found without an AWS error (a conflict, a missing configuration).
    pub fn local(message: Msg, hint: Msg) -> CloudError {
        CloudError {
            operation: None,
            code: None,
            message,
            request_id: None,
            hint: Some(Box::new(hint)),
            answer_lost: false,
        }
    }

    pub fn from_sdk<E>(operation: &'static str, err: SdkError<E, HttpResponse>) -> CloudError
    where
        E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
        SdkError<E, HttpResponse>: RequestId,
    {
        let request_id = err.request_id().map(str::to_owned);
        let (code, message) = match &err {
            SdkError::ServiceError(_) => {
                (err.code().map(str::to_owned), err.message().map(Msg::text).unwrap_or_else(|| msg!("aws-no-message")))
            }
            _ => {
                // The full structure goes to the log; the terminal gets the readable chain of causes.
                tracing::warn!(operation, error = %DisplayErrorContext(&err), "AWS call failed before a service answer");
                (None, Msg::text(cause_chain(&err)))
            }
        };
        let answer_lost = match &err {
            SdkError::TimeoutError(_) | SdkError::ResponseError(_) => true,
            // sent, or maybe sent: only a problem of the request itself (bad credentials, a bad
            // endpoint) is sure not to have reached AWS
            SdkError::DispatchFailure(d) => !d.is_user(),
            SdkError::ServiceError(s) => s.raw().status().is_server_error(),
            _ => false,
        };
        let mut e = CloudError { operation: Some(operation), code, message, request_id, hint: None, answer_lost };
        e.hint = hint(&e, &err).map(Box::new);
        e
    }

    /// Whether AWS answered with this error code.
    pub fn is(&self, code: &str) -> bool {
        self.code.as_deref() == Some(code)
    }

    /// AWS's own message (or ours, rendered), for matching known texts.
    pub fn message_text(&self) -> String {
        self.message.as_text().map_or_else(|| self.message.to_string(), str::to_owned)
    }

    /// The summary, then what to do when there is a hint: for one line of a screen.
    pub fn with_hint(&self) -> String {
        match &self.hint {
            Some(h) => msg!("error-with-hint", error = self.summary(), hint = h.as_ref().clone()).to_string(),
            None => self.summary(),
        }
    }

    /// One line: `service:Operation: Code: message`.
    pub fn summary(&self) -> String {
        let mut s = String::new();
        if let Some(op) = self.operation {
            s.push_str(op);
            s.push_str(": ");
        }
        if let Some(c) = &self.code {
            s.push_str(c);
            s.push_str(": ");
        }
        s.push_str(&self.message.to_string());
        // AWS's code and message (which may echo user input) are text from elsewhere: escaped
        sanitize(&s)
    }
}

/// The Display texts of an error and its sources, joined with ": ", repeats and line breaks removed.
pub fn cause_chain(err: &(dyn std::error::Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut current = Some(err);
    while let Some(e) = current {
        let text = e.to_string().split_whitespace().collect::<Vec<_>>().join(" ");
        if !text.is_empty() && !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        current = e.source();
    }
    parts.join(": ")
}

fn hint<E, R>(e: &CloudError, err: &SdkError<E, R>) -> Option<Msg> {
    let op = e.operation.unwrap_or("");
    let text = match e.code.as_deref() {
        Some("AccessDenied" | "AccessDeniedException" | "UnauthorizedOperation" | "AuthorizationError") => {
            msg!("hint-access-denied", operation = op)
        }
        Some("ExpiredToken" | "ExpiredTokenException" | "RequestExpired" | "TokenRefreshRequired") => {
            msg!("hint-expired-token")
        }
        Some(
            "InvalidClientTokenId" | "UnrecognizedClientException" | "InvalidAccessKeyId" | "SignatureDoesNotMatch",
        ) => {
            msg!("hint-invalid-key")
        }
        Some(
            "ThrottlingException" | "Throttling" | "TooManyRequestsException" | "SlowDown" | "RequestLimitExceeded",
        ) => {
            msg!("hint-throttled")
        }
        Some("ResourceInUseException") if op.starts_with("firehose:") => msg!("hint-stream-name-taken"),
        Some("LimitExceededException") if op.starts_with("firehose:") => msg!("hint-firehose-quota"),
        Some("ResourceNotFoundException") if op.starts_with("kinesis:") => msg!("hint-no-kinesis-stream"),
        Some("BucketAlreadyExists") => msg!("hint-bucket-taken"),
        Some("InvalidBucketName") => msg!("hint-bucket-name"),
        Some("NoSuchEntity") => msg!("hint-no-role"),
        Some("MalformedPolicyDocument") => msg!("hint-malformed-policy"),
        Some("InvalidArgumentException") => msg!("hint-invalid-argument"),
        Some("InvalidKMSResourceException") => msg!("hint-kms-key"),
        _ => match err {
            SdkError::DispatchFailure(d) if d.is_io() || d.is_timeout() => msg!("hint-unreachable-emulator"),
            SdkError::DispatchFailure(_) | SdkError::ConstructionFailure(_)
                if e.message_text().to_lowercase().contains("credentials") =>
            {
                msg!("hint-no-credentials")
            }
            SdkError::DispatchFailure(_) => msg!("hint-unreachable"),
            SdkError::TimeoutError(_) => msg!("hint-timeout"),
            _ => return None,
        },
    };
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_escapes_control_characters() {
        let e = CloudError {
            operation: Some("firehose:CreateDeliveryStream"),
            code: Some("InvalidArgumentException".into()),
            message: Msg::text("bad \u{1b}[31mred"),
            request_id: None,
            hint: None,
            answer_lost: false,
        };
        assert_eq!(e.summary(), "firehose:CreateDeliveryStream: InvalidArgumentException: bad \\u{1b}[31mred");
        assert!(e.is("InvalidArgumentException"));
    }

    #[test]
    fn cause_chain_is_one_readable_line() {
        #[derive(Debug, thiserror::Error)]
        #[error("dispatch failure")]
        struct Outer(#[source] Inner);
        #[derive(Debug, thiserror::Error)]
        #[error("no credentials found in chain. Attempted:\n  Environment: not set\n  Profile: not enabled")]
        struct Inner;
        assert_eq!(
            cause_chain(&Outer(Inner)),
            "dispatch failure: no credentials found in chain. Attempted: Environment: not set Profile: not enabled"
        );
    }

    #[test]
    fn local_errors_carry_a_hint() {
        let e = CloudError::local(Msg::text("no region"), Msg::text("pass --region"));
        assert_eq!(e.summary(), "no region");
        assert_eq!(e.hint.map(|h| h.to_string()).as_deref(), Some("pass --region"));
    }
}
