//! The fault-injecting proxy of the end-to-end tests (tests/common/proxy.rs), against a real moto and
//! the real SDK clients: it forwards faithfully, names operations right in each protocol, and each
//! fault reaches the SDK the way the matching AWS misbehaviour would.

mod common;

use std::time::Duration;

use aws_config::retry::RetryConfig;
use aws_sdk_firehose::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_firehose::types::{
    CompressionFormat, DeliveryStreamStatus, DeliveryStreamType, ExtendedS3DestinationConfiguration,
};
use aws_smithy_types::retry::ErrorKind;
use bytes::Bytes;
use common::proxy::{Fault, Proxy, Rule, operation};
use common::{ACCOUNT, Moto, rt};
use serde_json::json;

const TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"firehose.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;

/// Standard retry with short back-off, so that retried throttles do not slow the suite.
fn standard(attempts: u32) -> RetryConfig {
    RetryConfig::standard().with_max_attempts(attempts).with_initial_backoff(Duration::from_millis(10))
}

/// A connection closed before any answer: hyper's `IncompleteMessage`, which the SDK reports as a
/// transient dispatch failure.
fn is_dropped_connection<E, R>(err: &SdkError<E, R>) -> bool {
    matches!(err, SdkError::DispatchFailure(failure) if failure.as_other() == Some(ErrorKind::TransientError))
}

#[test]
fn forwards_each_protocol_and_names_its_operations() {
    let moto = Moto::start();
    let proxy = Proxy::start(&moto.url);
    rt().block_on(async {
        let sdk = proxy.sdk("us-east-1", RetryConfig::disabled()).await;
        let firehose = aws_sdk_firehose::Client::new(&sdk);
        let iam = aws_sdk_iam::Client::new(&sdk);
        let s3 = aws_sdk_s3::Client::new(&sdk);
        let sts = aws_sdk_sts::Client::new(&sdk);
        let kinesis = aws_sdk_kinesis::Client::new(&sdk);
        let logs = aws_sdk_cloudwatchlogs::Client::new(&sdk);

        assert!(firehose.list_delivery_streams().send().await.unwrap().delivery_stream_names().is_empty());
        let role = iam.create_role().role_name("via-proxy").assume_role_policy_document(TRUST).send().await.unwrap();
        assert_eq!(role.role().unwrap().arn(), format!("arn:aws:iam::{ACCOUNT}:role/via-proxy"));
        assert_eq!(sts.get_caller_identity().send().await.unwrap().account(), Some(ACCOUNT));
        kinesis.create_stream().stream_name("via-proxy").shard_count(1).send().await.unwrap();
        logs.create_log_group().log_group_name("/via/proxy").send().await.unwrap();
        s3.create_bucket().bucket("via-proxy").send().await.unwrap();
        s3.head_bucket().bucket("via-proxy").send().await.unwrap();
        let names: Vec<_> = s3
            .list_buckets()
            .send()
            .await
            .unwrap()
            .buckets()
            .iter()
            .filter_map(|b| b.name())
            .map(str::to_owned)
            .collect();
        assert_eq!(names, ["via-proxy"]);
        s3.put_object()
            .bucket("via-proxy")
            .key("a/b.txt")
            .body(Bytes::from_static(b"hello").into())
            .send()
            .await
            .unwrap();
        let head = s3.head_object().bucket("via-proxy").key("a/b.txt").send().await.unwrap();
        assert_eq!(head.content_length(), Some(5), "HEAD keeps upstream's Content-Length");
        let object = s3.get_object().bucket("via-proxy").key("a/b.txt").send().await.unwrap();
        assert_eq!(object.body.collect().await.unwrap().into_bytes().as_ref(), b"hello");
        assert_eq!(s3.list_objects_v2().bucket("via-proxy").send().await.unwrap().key_count(), Some(1));
        s3.list_object_versions().bucket("via-proxy").send().await.unwrap();
        let delete = aws_sdk_s3::types::Delete::builder()
            .objects(aws_sdk_s3::types::ObjectIdentifier::builder().key("a/b.txt").build().unwrap())
            .build()
            .unwrap();
        s3.delete_objects().bucket("via-proxy").delete(delete).send().await.unwrap();
        s3.delete_bucket().bucket("via-proxy").send().await.unwrap();

        // What went through reached moto.
        let direct = moto.sdk("us-east-1").await;
        aws_sdk_iam::Client::new(&direct).get_role().role_name("via-proxy").send().await.unwrap();
        aws_sdk_kinesis::Client::new(&direct).describe_stream_summary().stream_name("via-proxy").send().await.unwrap();
        assert!(moto.bucket_names().await.is_empty());
    });
    assert_eq!(
        proxy.calls(),
        [
            "firehose:ListDeliveryStreams",
            "iam:CreateRole",
            "sts:GetCallerIdentity",
            "kinesis:CreateStream",
            "logs:CreateLogGroup",
            "s3:CreateBucket",
            "s3:HeadBucket",
            "s3:ListBuckets",
            "s3:PutObject",
            "s3:HeadObject",
            "s3:GetObject",
            "s3:ListObjectsV2",
            "s3:ListObjectVersions",
            "s3:DeleteObjects",
            "s3:DeleteBucket",
        ]
    );
    assert_eq!(proxy.count("s3:*"), 10);
    assert_eq!(proxy.count("iam:CreateRole"), 1);
}

#[test]
fn operation_names_s3_by_method_path_and_query() {
    let s3 = |method: &str, uri: &str| {
        let req = http::Request::builder()
            .method(method)
            .uri(uri)
            .header(
                "authorization",
                "AWS4-HMAC-SHA256 Credential=AKID/20261126/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00",
            )
            .body(Bytes::new())
            .unwrap();
        operation(&req)
    };
    assert_eq!(s3("PUT", "/b"), "s3:CreateBucket");
    assert_eq!(s3("PUT", "/b/"), "s3:CreateBucket", "the SDK ends bucket paths with a slash");
    assert_eq!(s3("HEAD", "/b"), "s3:HeadBucket");
    assert_eq!(s3("DELETE", "/b"), "s3:DeleteBucket");
    assert_eq!(s3("GET", "/"), "s3:ListBuckets");
    assert_eq!(s3("GET", "/b?list-type=2&prefix=x"), "s3:ListObjectsV2");
    assert_eq!(s3("GET", "/b?versions"), "s3:ListObjectVersions");
    assert_eq!(s3("POST", "/b?delete"), "s3:DeleteObjects");
    assert_eq!(s3("PUT", "/b/k/e/y"), "s3:PutObject");
    assert_eq!(s3("GET", "/b/key"), "s3:GetObject");
    assert_eq!(s3("GET", "/b?location"), "s3:GetBucketLocation");
    assert_eq!(s3("PUT", "/b?policy"), "s3:PutBucketPolicy");
    assert_eq!(s3("GET", "/b/key?x-id=GetObject"), "s3:GetObject");
    assert_eq!(s3("POST", "/b?foo=1&bar"), "s3:POST /b?foo&bar");

    let plain = http::Request::builder().method("POST").uri("/moto-api/reset").body(Bytes::new()).unwrap();
    assert_eq!(operation(&plain), "unknown:POST /moto-api/reset");
    // SigV4a scopes have no region.
    let sigv4a = http::Request::builder()
        .method("GET")
        .uri("/b/key")
        .header("authorization", "AWS4-ECDSA-P256-SHA256 Credential=AKID/20261126/s3/aws4_request, SignedHeaders=host")
        .body(Bytes::new())
        .unwrap();
    assert_eq!(operation(&sigv4a), "s3:GetObject");
}

#[test]
fn json_error_reaches_the_sdk_as_its_code_and_is_retried() {
    let moto = Moto::start();
    let proxy = Proxy::start(&moto.url);
    let throttle = || Fault::json_error(400, "ThrottlingException", "Rate exceeded for stream x");
    rt().block_on(async {
        let once = aws_sdk_firehose::Client::new(&proxy.sdk("us-east-1", RetryConfig::disabled()).await);
        proxy.add(Rule::new("firehose:ListDeliveryStreams", 1, throttle()));
        let err = once.list_delivery_streams().send().await.unwrap_err();
        assert!(matches!(err, SdkError::ServiceError(_)), "{err:?}");
        assert_eq!(err.code(), Some("ThrottlingException"));
        assert_eq!(err.message(), Some("Rate exceeded for stream x"));
        assert_eq!(err.meta().extra("aws_request_id").map(str::len), Some(36), "{err:?}");
        once.list_delivery_streams().send().await.unwrap();
        assert_eq!(proxy.count("firehose:ListDeliveryStreams"), 2);

        // Standard retry rides out two throttles within three attempts.
        let retried = aws_sdk_firehose::Client::new(&proxy.sdk("us-east-1", standard(3)).await);
        proxy.add(Rule::new("firehose:ListDeliveryStreams", 2, throttle()));
        retried.list_delivery_streams().send().await.unwrap();
        assert_eq!(proxy.count("firehose:ListDeliveryStreams"), 5);

        // `after`: the first matching request passes, the next is faulted.
        proxy.add(Rule::new("firehose:ListDeliveryStreams", 1, throttle()).after(1));
        once.list_delivery_streams().send().await.unwrap();
        let err = once.list_delivery_streams().send().await.unwrap_err();
        assert_eq!(err.code(), Some("ThrottlingException"));
        once.list_delivery_streams().send().await.unwrap();
    });
}

#[test]
fn query_and_s3_errors_reach_the_sdk_as_their_codes() {
    let moto = Moto::start();
    let proxy = Proxy::start(&moto.url);
    rt().block_on(async {
        let sdk = proxy.sdk("us-east-1", RetryConfig::disabled()).await;
        let iam = aws_sdk_iam::Client::new(&sdk);
        let s3 = aws_sdk_s3::Client::new(&sdk);
        let sts = aws_sdk_sts::Client::new(&sdk);

        proxy.add(Rule::new("iam:CreateRole", 1, Fault::query_error(409, "EntityAlreadyExists", "Role r exists")));
        let err = iam.create_role().role_name("r").assume_role_policy_document(TRUST).send().await.unwrap_err();
        assert_eq!(err.code(), Some("EntityAlreadyExists"));
        assert_eq!(err.message(), Some("Role r exists"));
        assert!(err.as_service_error().is_some_and(|e| e.is_entity_already_exists_exception()), "{err:?}");

        proxy.add(Rule::new("sts:GetCallerIdentity", 1, Fault::query_error(400, "Throttling", "Rate exceeded")));
        let err = sts.get_caller_identity().send().await.unwrap_err();
        assert_eq!(err.code(), Some("Throttling"));

        proxy.add(Rule::new(
            "s3:CreateBucket",
            1,
            Fault::s3_error(503, "SlowDown", "Please reduce your request rate."),
        ));
        let err = s3.create_bucket().bucket("proxy-bkt").send().await.unwrap_err();
        assert!(matches!(err, SdkError::ServiceError(_)), "{err:?}");
        assert_eq!(err.code(), Some("SlowDown"));
        assert_eq!(err.message(), Some("Please reduce your request rate."));
        assert!(moto.bucket_names().await.is_empty());

        proxy.add(Rule::new("s3:CreateBucket", 1, Fault::s3_error(409, "BucketAlreadyExists", "Taken")));
        let err = s3.create_bucket().bucket("proxy-bkt").send().await.unwrap_err();
        assert!(err.as_service_error().is_some_and(|e| e.is_bucket_already_exists()), "{err:?}");

        // S3's 503 SlowDown is retried like a throttle.
        let retried = aws_sdk_s3::Client::new(&proxy.sdk("us-east-1", standard(3)).await);
        proxy.add(Rule::new(
            "s3:CreateBucket",
            2,
            Fault::s3_error(503, "SlowDown", "Please reduce your request rate."),
        ));
        retried.create_bucket().bucket("proxy-bkt").send().await.unwrap();
        assert_eq!(proxy.count("s3:CreateBucket"), 5);
        assert_eq!(moto.bucket_names().await, ["proxy-bkt"]);
    });
}

#[test]
fn reset_faults_look_like_dropped_connections() {
    let moto = Moto::start();
    let proxy = Proxy::start(&moto.url);
    rt().block_on(async {
        let iam = aws_sdk_iam::Client::new(&proxy.sdk("us-east-1", RetryConfig::disabled()).await);
        let direct = aws_sdk_iam::Client::new(&moto.sdk("us-east-1").await);

        // After upstream: the call fails, yet the role exists.
        proxy.add(Rule::new("iam:CreateRole", 1, Fault::ResetAfterUpstream));
        let err = iam.create_role().role_name("after").assume_role_policy_document(TRUST).send().await.unwrap_err();
        assert!(is_dropped_connection(&err), "{err:?}");
        direct.get_role().role_name("after").send().await.unwrap();

        // Before upstream: the call fails and nothing happened.
        proxy.add(Rule::new("iam:CreateRole", 1, Fault::ResetBeforeUpstream));
        let err = iam.create_role().role_name("before").assume_role_policy_document(TRUST).send().await.unwrap_err();
        assert!(is_dropped_connection(&err), "{err:?}");
        let missing = direct.get_role().role_name("before").send().await.unwrap_err();
        assert_eq!(missing.code(), Some("NoSuchEntity"));

        // The connection after a reset works: the SDK reconnects.
        iam.create_role().role_name("before").assume_role_policy_document(TRUST).send().await.unwrap();

        // With retries, a reset after upstream makes the retry meet its own first attempt.
        let retried = aws_sdk_iam::Client::new(&proxy.sdk("us-east-1", standard(3)).await);
        proxy.add(Rule::new("iam:CreateRole", 1, Fault::ResetAfterUpstream));
        let err = retried.create_role().role_name("again").assume_role_policy_document(TRUST).send().await.unwrap_err();
        assert_eq!(err.code(), Some("EntityAlreadyExists"), "{err:?}");
    });
}

#[test]
fn hold_faults_wait_for_release() {
    let moto = Moto::start();
    let proxy = Proxy::start(&moto.url);
    let direct = rt().block_on(moto.sdk("us-east-1"));
    let role_exists = |name: &str| {
        let iam = aws_sdk_iam::Client::new(&direct);
        rt().block_on(async { iam.get_role().role_name(name).send().await.is_ok() })
    };
    let create_role = |name: &'static str| {
        let proxy = &proxy;
        move || {
            rt().block_on(async {
                let iam = aws_sdk_iam::Client::new(&proxy.sdk("us-east-1", RetryConfig::disabled()).await);
                iam.create_role()
                    .role_name(name)
                    .assume_role_policy_document(TRUST)
                    .send()
                    .await
                    .map(|_| ())
                    .map_err(|e| format!("{e:?}"))
            })
        }
    };
    std::thread::scope(|scope| {
        proxy.add(Rule::new("iam:CreateRole", 1, Fault::HoldAfterUpstream));
        let call = scope.spawn(create_role("held-after"));
        assert_eq!(proxy.wait_held(Duration::from_secs(20)).as_deref(), Some("iam:CreateRole"));
        assert!(role_exists("held-after"), "forwarded before holding");
        assert!(!call.is_finished());
        proxy.release();
        call.join().unwrap().unwrap();

        proxy.add(Rule::new("iam:CreateRole", 1, Fault::HoldBeforeUpstream));
        let call = scope.spawn(create_role("held-before"));
        assert_eq!(proxy.wait_held(Duration::from_secs(20)).as_deref(), Some("iam:CreateRole"));
        std::thread::sleep(Duration::from_millis(200));
        assert!(!role_exists("held-before"), "not forwarded while held");
        assert!(!call.is_finished());
        proxy.release();
        call.join().unwrap().unwrap();
        assert!(role_exists("held-before"));
    });
    assert_eq!(proxy.wait_held(Duration::from_millis(100)), None);
}

#[test]
fn rewrite_changes_describe_delivery_stream() {
    let moto = Moto::start();
    let proxy = Proxy::start(&moto.url);
    rt().block_on(async {
        let direct = aws_sdk_firehose::Client::new(&moto.sdk("us-east-1").await);
        aws_sdk_s3::Client::new(&moto.sdk("us-east-1").await).create_bucket().bucket("dest").send().await.unwrap();
        direct
            .create_delivery_stream()
            .delivery_stream_name("ds")
            .delivery_stream_type(DeliveryStreamType::DirectPut)
            .extended_s3_destination_configuration(
                ExtendedS3DestinationConfiguration::builder()
                    .role_arn(format!("arn:aws:iam::{ACCOUNT}:role/firehose"))
                    .bucket_arn("arn:aws:s3:::dest")
                    .compression_format(CompressionFormat::Uncompressed)
                    .build()
                    .unwrap(),
            )
            .send()
            .await
            .unwrap();

        proxy.add(Rule::new(
            "firehose:DescribeDeliveryStream",
            2,
            Fault::patch(vec![("/DeliveryStreamDescription/DeliveryStreamStatus", json!("CREATING"))]),
        ));
        proxy.add(Rule::new(
            "firehose:DescribeDeliveryStream",
            usize::MAX,
            Fault::patch(vec![
                ("/DeliveryStreamDescription/DeliveryStreamStatus", json!("CREATING_FAILED")),
                (
                    "/DeliveryStreamDescription/FailureDescription",
                    json!({"Type": "RETIRE_KMS_GRANT_FAILED", "Details": "The grant could not be retired"}),
                ),
            ]),
        ));
        let firehose = aws_sdk_firehose::Client::new(&proxy.sdk("us-east-1", RetryConfig::disabled()).await);
        let mut seen = Vec::new();
        for _ in 0..3 {
            let out = firehose.describe_delivery_stream().delivery_stream_name("ds").send().await.unwrap();
            let description = out.delivery_stream_description().unwrap();
            seen.push(description.delivery_stream_status().clone());
            if let Some(failure) = description.failure_description() {
                assert_eq!(failure.r#type().as_str(), "RETIRE_KMS_GRANT_FAILED");
                assert_eq!(failure.details(), "The grant could not be retired");
            }
        }
        assert_eq!(
            seen,
            [DeliveryStreamStatus::Creating, DeliveryStreamStatus::Creating, DeliveryStreamStatus::CreatingFailed]
        );
        // Other operations pass unchanged, and an error answer is not rewritten.
        assert_eq!(proxy.count("firehose:DescribeDeliveryStream"), 3);
        let names = firehose.list_delivery_streams().send().await.unwrap();
        assert_eq!(names.delivery_stream_names(), ["ds"]);
        let err = firehose.describe_delivery_stream().delivery_stream_name("missing").send().await.unwrap_err();
        assert_eq!(err.code(), Some("ResourceNotFoundException"), "{err:?}");
    });
}
