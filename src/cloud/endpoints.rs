//! Where each client's calls go: the endpoint URL that each SDK client of [`super::Cloud`] takes from the
//! loaded configuration, found exactly as its generated `config::Builder::from(&SdkConfig)` finds it
//! (aws-sdk-s3's `src/config.rs`, `impl From<&SdkConfig> for Builder`):
//!
//! ```text
//! if sdk.get_origin("endpoint_url").is_client_config() { sdk.endpoint_url() }        // --endpoint-url
//! else { sdk.service_config().load_config(ServiceConfigKey { service_id, env: "AWS_ENDPOINT_URL",
//!        profile: "endpoint_url" }).or(sdk.endpoint_url()) }
//! ```
//!
//! The service config is aws-config's: `AWS_ENDPOINT_URL_<SERVICE>`, then `AWS_ENDPOINT_URL`, then the
//! profile's `services` section and its `endpoint_url`, none of them when `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`
//! or the profile's `ignore_configured_endpoint_urls` says so. The journals are keyed by the result
//! ([`Endpoints::folder`]), and a plain-http one to another machine is warned of ([`Endpoints::unencrypted`]).

use std::net::{Ipv4Addr, Ipv6Addr};

use aws_types::SdkConfig;
use aws_types::service_config::ServiceConfigKey;

use crate::state::safe_component;

/// The clients: the name of each in `AWS_ENDPOINT_URL_<NAME>` and a profile's `services` section
/// (lower case), and the SDK's service id (`service_config_key("S3", ...)` in each crate's config.rs).
pub const SERVICES: [(&str, &str); 7] = [
    ("sts", "STS"),
    ("firehose", "Firehose"),
    ("iam", "IAM"),
    ("s3", "S3"),
    ("kinesis", "Kinesis"),
    ("cloudwatch_logs", "CloudWatch Logs"),
    ("cloudwatch", "CloudWatch"),
];

/// Each client's endpoint override, `None` where it goes to AWS's own endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoints {
    /// In the order of [`SERVICES`], by the name of each.
    urls: Vec<(&'static str, Option<String>)>,
}

impl Default for Endpoints {
    /// AWS's own endpoints for every client.
    fn default() -> Endpoints {
        Endpoints { urls: SERVICES.iter().map(|&(name, _)| (name, None)).collect() }
    }
}

impl Endpoints {
    /// The endpoint of each client built from `sdk`, as the SDK finds it.
    pub fn resolve(sdk: &SdkConfig) -> Endpoints {
        let programmatic = sdk.get_origin("endpoint_url").is_client_config();
        let urls = SERVICES
            .iter()
            .map(|&(name, service_id)| {
                let url = if programmatic {
                    sdk.endpoint_url().map(str::to_owned)
                } else {
                    sdk.service_config()
                        .and_then(|conf| {
                            conf.load_config(
                                ServiceConfigKey::builder()
                                    .service_id(service_id)
                                    .env("AWS_ENDPOINT_URL")
                                    .profile("endpoint_url")
                                    .build()
                                    .expect("every field is set"),
                            )
                        })
                        .or_else(|| sdk.endpoint_url().map(str::to_owned))
                };
                (name, url.filter(|u| !u.is_empty()))
            })
            .collect();
        Endpoints { urls }
    }

    /// The override of one client (`"s3"`...), `None` when it goes to AWS.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.urls.iter().find(|(n, _)| *n == name).and_then(|(_, u)| u.as_deref())
    }

    /// The overridden clients and their URLs, sorted by name.
    fn overridden(&self) -> Vec<(&'static str, &str)> {
        let mut v: Vec<_> = self.urls.iter().filter_map(|(n, u)| Some((*n, u.as_deref()?))).collect();
        v.sort();
        v
    }

    /// The one override every client uses, when they all use the same.
    pub fn common(&self) -> Option<&str> {
        let first = self.urls.first()?.1.as_deref()?;
        self.urls.iter().all(|(_, u)| u.as_deref() == Some(first)).then_some(first)
    }

    /// The journals' folder for these endpoints: none when every client goes to AWS; `endpoint-HOST_PORT`
    /// when all go to one override (an emulator); otherwise `endpoints-` and the overridden clients with
    /// their hosts (cut to stay short), then a hash of the exact `name=url` list, stable from run to run.
    pub fn folder(&self) -> Option<String> {
        let overridden = self.overridden();
        if overridden.is_empty() {
            return None;
        }
        if let Some(url) = self.common() {
            return Some(endpoint_folder(url));
        }
        let list: String = overridden.iter().map(|(n, u)| format!("{n}={u}\n")).collect();
        let readable = overridden.iter().map(|(n, u)| format!("{n}.{}", host_part(u))).collect::<Vec<_>>().join("-");
        Some(format!("endpoints-{}-{:016x}", safe_component(&cut(&readable, 80)), fnv1a(list.as_bytes())))
    }

    /// What the screens show: the one override, or each overridden client's (`s3=URL, sts=URL`); `None`
    /// when every client goes to AWS. Credentials in a URL are left out.
    pub fn summary(&self) -> Option<String> {
        let overridden = self.overridden();
        if overridden.is_empty() {
            return None;
        }
        Some(match self.common() {
            Some(url) => shown(url),
            None => overridden.iter().map(|(n, u)| format!("{n}={}", shown(u))).collect::<Vec<_>>().join(", "),
        })
    }

    /// The overrides that are plain `http://` to a host other than this machine (`127.0.0.0/8`, `::1`,
    /// `localhost`), each once, credentials in them left out: what they are sent is not encrypted.
    pub fn unencrypted(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (_, url) in &self.urls {
            if let Some(u) = url
                && plain_http_elsewhere(u)
                && !out.contains(&shown(u))
            {
                out.push(shown(u));
            }
        }
        out
    }
}

/// `endpoint-127.0.0.1_4566`: the journals' folder of calls that all go to `url` (never a 12-digit
/// account id).
pub fn endpoint_folder(url: &str) -> String {
    let host = host_part(url);
    if host.len() <= 100 {
        format!("endpoint-{host}")
    } else {
        format!("endpoint-{}-{:016x}", cut(&host, 80), fnv1a(url.as_bytes()))
    }
}

/// `127.0.0.1_4566`: the URL without its scheme and trailing `/`, as a safe path component.
fn host_part(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest).trim_end_matches('/');
    safe_component(rest)
}

fn cut(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// FNV-1a, 64 bits: the same on every machine and in every version (unlike std's hasher).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// The parts of a URL: scheme, user info (`user:password@`, if any) and host, the rest.
fn split_url(url: &str) -> Option<(&str, Option<&str>, &str, &str)> {
    let (scheme, rest) = url.split_once("://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let (userinfo, host_port) = match authority.rsplit_once('@') {
        Some((u, h)) => (Some(u), h),
        None => (None, authority),
    };
    Some((scheme, userinfo, host_port, tail))
}

/// The URL as shown: a user name and password in it are replaced by `***`.
pub fn shown(url: &str) -> String {
    match split_url(url) {
        Some((scheme, Some(_), host, tail)) => format!("{scheme}://***@{host}{tail}"),
        _ => url.to_owned(),
    }
}

/// Plain `http://` to a host that is not this machine's loopback.
fn plain_http_elsewhere(url: &str) -> bool {
    let Some((scheme, _, host_port, _)) = split_url(url) else { return false };
    if !scheme.eq_ignore_ascii_case("http") {
        return false;
    }
    let host = match host_port.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host_port.rsplit_once(':').map_or(host_port, |(h, _)| h),
    };
    !(host.eq_ignore_ascii_case("localhost")
        || host.parse::<Ipv4Addr>().is_ok_and(|a| a.is_loopback())
        || host.parse::<Ipv6Addr>().is_ok_and(|a| a.is_loopback()))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::sync::{Arc, Mutex};

    use aws_config::{BehaviorVersion, Region};
    use aws_types::service_config::LoadServiceConfig;

    use super::*;

    /// The configuration aws-config loads from `config` (a profile file) and the profile `emu`, with no
    /// environment variable of this machine's, and `--endpoint-url` when given.
    #[allow(deprecated)] // ProfileFiles and its kind are aws-runtime's under other names; that is no dependency of ours
    async fn load(config: &str, endpoint_url: Option<&str>) -> SdkConfig {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config");
        std::fs::write(&path, config).unwrap();
        let kind = aws_config::profile::profile_file::ProfileFileKind::Config;
        let files = aws_config::profile::profile_file::ProfileFiles::builder().with_file(kind, &path).build();
        let mut loader = aws_config::defaults(BehaviorVersion::latest())
            .empty_test_environment()
            .profile_files(files)
            .profile_name("emu")
            .region(Region::new("us-east-1"))
            .test_credentials();
        if let Some(u) = endpoint_url {
            loader = loader.endpoint_url(u);
        }
        loader.load().await
    }

    fn rt() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap()
    }

    #[test]
    fn none_overridden_is_no_folder() {
        let e = rt().block_on(load("[profile emu]\nregion = us-east-1\n", None));
        let e = Endpoints::resolve(&e);
        assert_eq!(e, Endpoints::default());
        assert_eq!((e.folder(), e.summary(), e.common()), (None, None, None));
        assert!(e.unencrypted().is_empty());
    }

    #[test]
    fn one_override_for_all_is_the_endpoint_folder_whichever_way_it_is_set() {
        let from_profile = rt().block_on(load("[profile emu]\nendpoint_url = http://127.0.0.1:4566\n", None));
        let from_flag = rt().block_on(load("[profile emu]\n", Some("http://127.0.0.1:4566")));
        for sdk in [from_profile, from_flag] {
            let e = Endpoints::resolve(&sdk);
            assert_eq!(e.common(), Some("http://127.0.0.1:4566"));
            assert_eq!(e.folder().as_deref(), Some("endpoint-127.0.0.1_4566"));
            assert_eq!(e.get("s3"), Some("http://127.0.0.1:4566"));
        }
    }

    #[test]
    fn a_services_section_gives_a_mixed_folder_of_its_own_stable_and_short() {
        let config = "[profile emu]\nendpoint_url = http://127.0.0.1:4566\nservices = split\n\n[services split]\ns3 =\n  endpoint_url = http://127.0.0.1:4567\n";
        let e = Endpoints::resolve(&rt().block_on(load(config, None)));
        assert_eq!(e.get("s3"), Some("http://127.0.0.1:4567"));
        assert_eq!(e.get("sts"), Some("http://127.0.0.1:4566"));
        assert_eq!(e.common(), None);
        let folder = e.folder().unwrap();
        assert!(folder.starts_with("endpoints-cloudwatch.127.0.0.1_4566-cloudwatch_logs.127.0.0.1_4566-"), "{folder}");
        assert!(folder.len() < 120, "{folder}");
        assert_eq!(safe_component(&folder), folder, "one safe path component");
        assert_eq!(Endpoints::resolve(&rt().block_on(load(config, None))).folder(), Some(folder.clone()), "stable");
        // another port for S3 is another folder; so is S3 alone overridden
        let other = config.replace("4567", "4568");
        assert_ne!(Endpoints::resolve(&rt().block_on(load(&other, None))).folder(), Some(folder.clone()));
        let s3_only =
            "[profile emu]\nservices = split\n\n[services split]\ns3 =\n  endpoint_url = http://127.0.0.1:4567\n";
        let e = Endpoints::resolve(&rt().block_on(load(s3_only, None)));
        assert_eq!((e.get("s3"), e.get("sts")), (Some("http://127.0.0.1:4567"), None));
        let f = e.folder().unwrap();
        assert!(f.starts_with("endpoints-s3.127.0.0.1_4567-"), "{f}");
        assert_eq!(e.summary().as_deref(), Some("s3=http://127.0.0.1:4567"));
    }

    #[test]
    fn the_flag_wins_over_a_services_section_as_in_the_sdk() {
        let config =
            "[profile emu]\nservices = split\n\n[services split]\ns3 =\n  endpoint_url = http://127.0.0.1:4567\n";
        let e = Endpoints::resolve(&rt().block_on(load(config, Some("http://127.0.0.1:4566"))));
        assert_eq!(e.common(), Some("http://127.0.0.1:4566"));
    }

    #[test]
    fn ignore_configured_endpoint_urls_is_honoured() {
        let config = "[profile emu]\nendpoint_url = http://127.0.0.1:4566\nignore_configured_endpoint_urls = true\nservices = split\n\n[services split]\ns3 =\n  endpoint_url = http://127.0.0.1:4567\n";
        assert_eq!(Endpoints::resolve(&rt().block_on(load(config, None))), Endpoints::default());
        // the flag is programmatic: still honoured
        let e = Endpoints::resolve(&rt().block_on(load(config, Some("http://127.0.0.1:9"))));
        assert_eq!(e.common(), Some("http://127.0.0.1:9"));
    }

    /// A service config that says which keys the clients ask it for, and answers each with its own URL.
    #[derive(Debug, Default, Clone)]
    struct Recorder(Arc<Mutex<BTreeSet<String>>>);
    impl LoadServiceConfig for Recorder {
        fn load_config(&self, key: ServiceConfigKey<'_>) -> Option<String> {
            if key.env() != "AWS_ENDPOINT_URL" {
                return None;
            }
            assert_eq!(key.profile(), "endpoint_url");
            self.0.lock().unwrap().insert(key.service_id().to_owned());
            Some(format!("http://127.0.0.1:1/{}", key.service_id().replace(' ', "_")))
        }
    }

    #[test]
    fn the_service_ids_are_the_ones_each_client_asks_for() {
        let recorder = Recorder::default();
        let sdk = SdkConfig::builder()
            .region(Region::new("us-east-1"))
            .behavior_version(BehaviorVersion::latest())
            .service_config(recorder.clone())
            .build();
        // the clients of Cloud::from_config, each built as it builds them: each asks for its own key
        let _ = aws_sdk_sts::config::Builder::from(&sdk);
        let _ = aws_sdk_firehose::config::Builder::from(&sdk);
        let _ = aws_sdk_iam::config::Builder::from(&sdk);
        let _ = aws_sdk_s3::config::Builder::from(&sdk);
        let _ = aws_sdk_kinesis::config::Builder::from(&sdk);
        let _ = aws_sdk_cloudwatchlogs::config::Builder::from(&sdk);
        let _ = aws_sdk_cloudwatch::config::Builder::from(&sdk);
        let asked = std::mem::take(&mut *recorder.0.lock().unwrap());
        let ours: BTreeSet<String> = SERVICES.iter().map(|(_, id)| id.to_string()).collect();
        assert_eq!(asked, ours);
        let e = Endpoints::resolve(&sdk);
        for (name, id) in SERVICES {
            assert_eq!(e.get(name), Some(format!("http://127.0.0.1:1/{}", id.replace(' ', "_")).as_str()));
            // the name is the one of AWS_ENDPOINT_URL_<NAME> and of the profile's services section
            assert_eq!(name, id.to_ascii_lowercase().replace(' ', "_"));
        }
    }

    #[test]
    fn plain_http_to_another_host_is_unencrypted_loopback_and_https_are_not() {
        for url in [
            "http://example.invalid:1",
            "HTTP://10.0.0.5",
            "http://[2001:db8::1]:80/",
            "http://128.0.0.1",
            "http://localhost.example.com",
        ] {
            assert!(plain_http_elsewhere(url), "{url}");
        }
        for url in [
            "http://127.0.0.1:4566",
            "http://127.8.9.10",
            "http://localhost:4566/",
            "http://LOCALHOST",
            "http://[::1]:4566",
            "https://example.com",
            "http://u:p@127.0.0.1:1",
            "not a url",
        ] {
            assert!(!plain_http_elsewhere(url), "{url}");
        }
        assert_eq!(shown("http://key:secret@example.com:1/x"), "http://***@example.com:1/x");
        let mut e = Endpoints::default();
        e.urls[0].1 = Some("http://example.invalid:1".into());
        e.urls[1].1 = Some("http://example.invalid:1".into());
        e.urls[2].1 = Some("http://127.0.0.1:2".into());
        e.urls[3].1 = Some("http://other.invalid".into());
        assert_eq!(e.unencrypted(), ["http://example.invalid:1", "http://other.invalid"], "each once");
    }

    #[test]
    fn a_long_endpoint_is_still_one_short_component() {
        let url = format!("http://127.0.0.1:1/{}", "p".repeat(300));
        let f = endpoint_folder(&url);
        assert!(f.len() < 120 && f.starts_with("endpoint-127.0.0.1_1_ppp"), "{f}");
        assert_ne!(f, endpoint_folder(&format!("{url}q")));
        assert_eq!(endpoint_folder("http://127.0.0.1:4566/"), "endpoint-127.0.0.1_4566");
    }
}
