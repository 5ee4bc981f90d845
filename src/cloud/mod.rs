//! AWS: the clients from one `SdkConfig`, the provisioner, and the mapping of SDK errors to messages.
//! Knows nothing of any user interface: progress leaves as plain events.

pub mod dataflow;
pub mod destroy;
pub mod endpoints;
pub mod errors;
pub mod gate;
pub mod inventory;
pub mod journal;
pub mod monitor;
pub mod ownership;
pub mod provision;
pub mod retries;

use aws_config::{BehaviorVersion, Region, SdkConfig};

use crate::plan::names::Arn;
use crate::plan::request::Target;
pub use errors::CloudError;

/// Where and as whom to connect; `None` leaves the choice to the SDK's own chain (environment,
/// profile files, SSO, instance metadata).
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub profile: Option<String>,
    pub region: Option<String>,
    /// Overrides every service's endpoint (for a local emulator). When absent the SDK still honours
    /// `AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_<SERVICE>` and a profile's `endpoint_url` and `services`
    /// (what each client ends up with: [`Cloud::endpoints`]).
    pub endpoint_url: Option<String>,
    /// How long one attempt of an AWS call may wait for its answer before it is retried.
    pub call_timeout: Option<std::time::Duration>,
}

/// [`Options::call_timeout`] when none is given.
pub const DEFAULT_CALL_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// The HTTPS client of every AWS call, the credential providers' included: the SDK's own client (hyper and
/// rustls, with the operating system's certificate store; proxies from `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY`),
/// built as the SDK's `default-https-client` feature builds it, except that rustls runs on *ring* rather than aws-lc
/// (README "A binary to hand out"). The connect and read timeouts and the sleep come from each client's
/// configuration, as with the default.
pub fn https_client() -> aws_smithy_runtime_api::client::http::SharedHttpClient {
    use aws_smithy_http_client::proxy::ProxyConfig;
    use aws_smithy_http_client::tls::{Provider, rustls_provider::CryptoMode};
    use aws_smithy_http_client::{Builder, ConnectorBuilder};
    Builder::new().build_with_connector_fn(|settings, components| {
        let mut connector = ConnectorBuilder::default().tls_provider(Provider::Rustls(CryptoMode::Ring));
        connector.set_connector_settings(settings.cloned());
        if let Some(components) = components {
            connector.set_sleep_impl(components.sleep_impl());
        }
        connector.set_proxy_config(Some(ProxyConfig::from_env()));
        connector.build()
    })
}

/// The SDK's credentials provider, which hands every set of credentials it resolves to the log's
/// redaction first (`crate::redact`).
#[derive(Debug)]
struct Remembering(aws_credential_types::provider::SharedCredentialsProvider);

impl aws_credential_types::provider::ProvideCredentials for Remembering {
    fn provide_credentials<'a>(&'a self) -> aws_credential_types::provider::future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        aws_credential_types::provider::future::ProvideCredentials::new(async move {
            let c = self.0.provide_credentials().await?;
            crate::redact::remember(c.access_key_id());
            crate::redact::remember(c.secret_access_key());
            if let Some(t) = c.session_token() {
                crate::redact::remember(t);
            }
            Ok(c)
        })
    }

    fn fallback_on_interrupt(&self) -> Option<aws_credential_types::Credentials> {
        self.0.fallback_on_interrupt()
    }
}

fn remembering_credentials(sdk: SdkConfig) -> SdkConfig {
    match sdk.credentials_provider() {
        Some(p) => sdk
            .to_builder()
            .credentials_provider(aws_credential_types::provider::SharedCredentialsProvider::new(Remembering(p)))
            .build(),
        None => sdk,
    }
}

/// The AWS clients, all built from one resolved configuration.
#[derive(Debug, Clone)]
pub struct Cloud {
    pub sdk: SdkConfig,
    pub region: String,
    /// The profile asked for with --profile, for messages.
    pub profile: Option<String>,
    pub firehose: aws_sdk_firehose::Client,
    pub iam: aws_sdk_iam::Client,
    pub s3: aws_sdk_s3::Client,
    pub kinesis: aws_sdk_kinesis::Client,
    pub logs: aws_sdk_cloudwatchlogs::Client,
    pub cloudwatch: aws_sdk_cloudwatch::Client,
    pub sts: aws_sdk_sts::Client,
    /// Hears of every retry the SDK makes.
    pub retries: retries::RetryWatch,
    /// Where each client's calls go, as the SDK resolved it: the journals are kept by it.
    pub endpoints: endpoints::Endpoints,
}

impl Cloud {
    /// Resolves the configuration and builds the clients. Makes no AWS call.
    pub async fn connect(opts: &Options) -> Result<Cloud, CloudError> {
        let mut loader = aws_config::defaults(BehaviorVersion::latest());
        if let Some(p) = &opts.profile {
            loader = loader.profile_name(p);
        }
        if let Some(r) = &opts.region {
            loader = loader.region(Region::new(r.clone()));
        }
        if let Some(url) = &opts.endpoint_url {
            loader = loader.endpoint_url(url);
        }
        // AWS_MAX_ATTEMPTS / AWS_RETRY_MODE, when set, are the user's choice; otherwise standard mode
        // with a few more attempts than the SDK's default.
        if std::env::var_os("AWS_MAX_ATTEMPTS").is_none() && std::env::var_os("AWS_RETRY_MODE").is_none() {
            loader = loader.retry_config(retries::retry_config());
        }
        loader = loader.timeout_config(retries::timeout_config(opts.call_timeout.unwrap_or(DEFAULT_CALL_TIMEOUT)));
        // The SDK's client panics on its first connection when no root certificate can be loaded: say so first.
        let roots = rustls_native_certs::load_native_certs();
        if roots.certs.is_empty() {
            let detail = if roots.errors.is_empty() {
                msg!("cloud-no-root-certificates-empty").to_string()
            } else {
                crate::plan::sanitize(&roots.errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "))
            };
            return Err(CloudError::local(
                msg!("cloud-no-root-certificates", detail = detail),
                msg!("cloud-no-root-certificates-hint"),
            ));
        }
        loader = loader.http_client(https_client());
        let sdk = remembering_credentials(loader.load().await);
        if sdk.region().is_none() {
            return Err(match &opts.profile {
                Some(p) => CloudError::local(
                    msg!("cloud-no-region-profile", profile = p),
                    msg!("cloud-no-region-profile-hint", profile = p),
                ),
                None => CloudError::local(msg!("cloud-no-region"), msg!("cloud-no-region-hint")),
            });
        }
        let mut cloud = Cloud::from_config(sdk).expect("the Region was checked above");
        cloud.profile = opts.profile.clone();
        Ok(cloud)
    }

    /// The clients of an already resolved configuration (which must have a Region).
    pub fn from_config(sdk: SdkConfig) -> Option<Cloud> {
        let region = sdk.region()?.to_string();
        // Path-style S3 addressing whenever S3's endpoint is overridden: emulators do not serve
        // virtual-hosted bucket names.
        let endpoints = endpoints::Endpoints::resolve(&sdk);
        let watch = retries::RetryWatch::default();
        let s3_conf = aws_sdk_s3::config::Builder::from(&sdk)
            .force_path_style(endpoints.get("s3").is_some())
            .interceptor(watch.interceptor())
            .build();
        macro_rules! client {
            ($sdk_crate:ident) => {
                $sdk_crate::Client::from_conf(
                    $sdk_crate::config::Builder::from(&sdk).interceptor(watch.interceptor()).build(),
                )
            };
        }
        Some(Cloud {
            region,
            profile: None,
            firehose: client!(aws_sdk_firehose),
            iam: client!(aws_sdk_iam),
            s3: aws_sdk_s3::Client::from_conf(s3_conf),
            kinesis: client!(aws_sdk_kinesis),
            logs: client!(aws_sdk_cloudwatchlogs),
            cloudwatch: client!(aws_sdk_cloudwatch),
            sts: client!(aws_sdk_sts),
            retries: watch,
            endpoints,
            sdk,
        })
    }

    /// Asks STS who the credentials belong to: the account and partition the stream will be created in.
    pub async fn identify(&self) -> Result<Target, CloudError> {
        let out = self.sts.get_caller_identity().send().await.map_err(|e| {
            let mut e = CloudError::from_sdk("sts:GetCallerIdentity", e);
            if let (Some(p), true) = (&self.profile, e.code.is_none() && e.message_text().contains("credential")) {
                e.hint = Some(Box::new(msg!("cloud-no-credentials-profile", profile = p)));
            }
            e
        })?;
        let account = out.account().unwrap_or_default().to_owned();
        let partition = out.arn().and_then(Arn::parse).map(|a| a.partition.to_owned()).unwrap_or_else(|| "aws".into());
        if account.len() != 12 {
            return Err(CloudError::local(
                msg!("cloud-bad-account", account = format!("{account:?}")),
                msg!("cloud-bad-account-hint"),
            ));
        }
        Ok(Target { account, region: self.region.clone(), partition })
    }
}
