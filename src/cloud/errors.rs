//! SDK errors → a user-facing message: the operation, AWS's error code and message, the request id,
//! and a hint that says what to do next.

use aws_sdk_firehose::config::http::HttpResponse;
use aws_sdk_firehose::error::{DisplayErrorContext, ProvideErrorMetadata, SdkError};
use aws_types::request_id::RequestId;

use crate::plan::sanitize;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.summary())]
pub struct CloudError {
    /// `service:Operation`, or `None` for a problem found locally.
    pub operation: Option<&'static str>,
    pub code: Option<String>,
    pub message: String,
    pub request_id: Option<String>,
    pub hint: Option<String>,
    /// The call may or may not have taken effect: no answer came (dropped connection, timeout) or AWS
    /// answered with a server error. A create that ends so is resolved by looking the resource up.
    pub answer_lost: bool,
}

impl CloudError {
    /// A problem found without an AWS error (a conflict, a missing configuration).
    pub fn local(message: impl Into<String>, hint: impl Into<String>) -> CloudError {
        CloudError {
            operation: None,
            code: None,
            message: message.into(),
            request_id: None,
            hint: Some(hint.into()),
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
            SdkError::ServiceError(_) => (
                err.code().map(str::to_owned),
                err.message().map(str::to_owned).unwrap_or_else(|| "(AWS gave no message)".into()),
            ),
            _ => {
                // The full structure goes to the log; the terminal gets the readable chain of causes.
                tracing::warn!(operation, error = %DisplayErrorContext(&err), "AWS call failed before a service answer");
                (None, cause_chain(&err))
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
        e.hint = hint(&e, &err);
        e
    }

    /// Whether AWS answered with this error code.
    pub fn is(&self, code: &str) -> bool {
        self.code.as_deref() == Some(code)
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
        // AWS messages may echo user input: never let control characters reach the terminal.
        s.push_str(&sanitize(&self.message));
        s
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

fn hint<E, R>(e: &CloudError, err: &SdkError<E, R>) -> Option<String> {
    let op = e.operation.unwrap_or("");
    let text = match e.code.as_deref() {
        Some("AccessDenied" | "AccessDeniedException" | "UnauthorizedOperation" | "AuthorizationError") => format!(
            "these credentials are not allowed to call {op}: ask for that permission, or use another --profile"
        ),
        Some("ExpiredToken" | "ExpiredTokenException" | "RequestExpired" | "TokenRefreshRequired") => {
            "the credentials have expired: renew them (for SSO: aws sso login --profile NAME; for temporary keys, fetch new ones) and run again".into()
        }
        Some("InvalidClientTokenId" | "UnrecognizedClientException" | "InvalidAccessKeyId" | "SignatureDoesNotMatch") => {
            "the access key or its secret is not valid for this endpoint: check AWS_PROFILE / --profile and the keys it holds".into()
        }
        Some("ThrottlingException" | "Throttling" | "TooManyRequestsException" | "SlowDown" | "RequestLimitExceeded") => {
            "AWS is throttling requests from this account: wait a minute and run again".into()
        }
        Some("ResourceInUseException") if op.starts_with("firehose:") => {
            "a delivery stream with this name already exists in this account and Region: choose another name, or delete the existing stream".into()
        }
        Some("LimitExceededException") if op.starts_with("firehose:") => {
            "the account reached a Firehose quota (50 delivery streams per Region by default): delete unused streams or request a quota increase".into()
        }
        Some("ResourceNotFoundException") if op.starts_with("kinesis:") => {
            "there is no such Kinesis stream in this account and Region: check the name and --region, or create the stream first".into()
        }
        Some("BucketAlreadyExists") => {
            "bucket names are global across all AWS accounts and this one is taken: choose another (firehose-wizard init --lab writes a plan with a unique name)".into()
        }
        Some("InvalidBucketName") => "the bucket name breaks S3's naming rules: lower-case letters, digits, '.' and '-', 3–63 characters".into(),
        Some("NoSuchEntity") => "there is no such IAM role: check the name, or let firehose-wizard create one ({\"create\": NAME})".into(),
        Some("MalformedPolicyDocument") => "IAM rejected a policy document: this is a bug in firehose-wizard, please report it with the log file".into(),
        Some("InvalidArgumentException") => "AWS rejected a parameter: the message above says which".into(),
        Some("InvalidKMSResourceException") => "the KMS key cannot be used: check that it exists, is enabled and allows Firehose".into(),
        _ => match err {
            SdkError::DispatchFailure(d) if d.is_io() || d.is_timeout() => {
                "could not reach AWS: check the network, the Region and any --endpoint-url (for the local emulator: is it running?)".into()
            }
            SdkError::DispatchFailure(_) | SdkError::ConstructionFailure(_)
                if e.message.contains("credentials") || e.message.contains("Credentials") =>
            {
                "no usable AWS credentials: set AWS_PROFILE or pass --profile, run `aws configure`, or `aws sso login`".into()
            }
            SdkError::DispatchFailure(_) => "could not reach AWS: check the network, the Region and any --endpoint-url".into(),
            SdkError::TimeoutError(_) => "AWS did not answer in time: check the network and run again".into(),
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
            message: "bad \u{1b}[31mred".into(),
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
        let e = CloudError::local("no region", "pass --region");
        assert_eq!(e.summary(), "no region");
        assert_eq!(e.hint.as_deref(), Some("pass --region"));
    }
}
