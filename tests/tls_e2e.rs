//! AWS's endpoints speak HTTPS, the emulator plain HTTP. Here the emulator sits behind a TLS proxy
//! (scripts/delay_proxy.py --tls, with a certificate authority of the test's own), so that the binary's own
//! HTTPS client (rustls on ring, the certificate store of the system or of `SSL_CERT_FILE`) carries a whole
//! `apply`, and refuses a certificate it cannot trust before any call is answered.

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use aws_sdk_firehose::types::DeliveryStreamStatus;
use common::{Moto, rt, run, write_plan};
use firehose_wizard::plan::Plan;

/// The emulator behind HTTPS, with the authority that signed its certificate; killed when dropped.
struct Tls {
    child: Child,
    url: String,
    ca: PathBuf,
}

impl Tls {
    fn start(moto: &Moto, dir: &Path) -> Tls {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut child = Command::new(root.join(".venv/bin/python"))
            .arg(root.join("scripts/delay_proxy.py"))
            .args(["0", &moto.url, "0", "--tls"])
            .arg(dir)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start scripts/delay_proxy.py (run scripts/emulator-install.sh)");
        let mut first = String::new();
        BufReader::new(child.stdout.take().expect("piped stdout")).read_line(&mut first).expect("the proxy's port");
        let port: u16 = first.trim().parse().unwrap_or_else(|_| panic!("the proxy printed {first:?}, not its port"));
        Tls { child, url: format!("https://127.0.0.1:{port}"), ca: dir.join("ca.pem") }
    }
}

impl Drop for Tls {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn apply_over_https_trusts_the_given_authority_and_refuses_an_unknown_one() {
    let moto = Moto::start();
    let dir = tempfile::tempdir().unwrap();
    let certs = tempfile::tempdir().unwrap();
    let tls = Tls::start(&moto, certs.path());
    let rt = rt();
    rt.block_on(moto.create_kinesis_stream("us-east-1", "retail-trans"));
    let path = write_plan(dir.path(), "lab.json", &Plan::lab("tls00001"));
    let empty = tempfile::tempdir().unwrap();

    // No root certificate at all (a file that is not there, an empty directory): a clear error before any
    // call, where the SDK's client would panic.
    let r = run(moto
        .command(dir.path())
        .env("AWS_ENDPOINT_URL", &tls.url)
        .env("SSL_CERT_FILE", certs.path().join("none.pem"))
        .env("SSL_CERT_DIR", empty.path())
        .arg("apply")
        .arg(&path));
    assert_eq!(r.code, 1, "stdout:\n{}\nstderr:\n{}", r.stdout, r.stderr);
    assert!(
        r.stderr.starts_with("error: step 1/8 (account) failed: no trusted root certificate was found in SSL_CERT_FILE, SSL_CERT_DIR or the system's store"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("none.pem"), "the unreadable file is named: {}", r.stderr);
    assert!(r.stderr.contains("hint: install the system's CA certificates"), "{}", r.stderr);

    // The system's store, which does not hold the test's authority: the handshake is refused, nothing is
    // created, and the error says why.
    let r = run(moto.command(dir.path()).env("AWS_ENDPOINT_URL", &tls.url).arg("apply").arg(&path));
    assert_eq!(r.code, 1, "stdout:\n{}\nstderr:\n{}", r.stdout, r.stderr);
    assert!(r.stderr.starts_with("error: step 1/8 (account) failed: sts:GetCallerIdentity: "), "{}", r.stderr);
    assert!(r.stderr.contains("UnknownIssuer"), "{}", r.stderr);
    assert!(r.stderr.contains("nothing exists from this run"), "{}", r.stderr);
    assert!(rt.block_on(moto.bucket_names()).is_empty());

    // The authority that signed the proxy's certificate: the whole run goes over TLS.
    let r = run(moto
        .command(dir.path())
        .env("AWS_ENDPOINT_URL", &tls.url)
        .env("SSL_CERT_FILE", &tls.ca)
        .arg("apply")
        .arg(&path));
    assert_eq!(r.code, 0, "stdout:\n{}\nstderr:\n{}", r.stdout, r.stderr);
    let created = r.stdout.lines().find(|l| l.starts_with("[7/8] delivery stream"));
    assert_eq!(created.and_then(|l| l.split_whitespace().nth(3)), Some("created"), "{}", r.stdout);
    let sdk = rt.block_on(moto.sdk("us-east-1"));
    let described = rt
        .block_on(
            aws_sdk_firehose::Client::new(&sdk).describe_delivery_stream().delivery_stream_name("retail-trans").send(),
        )
        .expect("the stream exists in the emulator");
    let stream = described.delivery_stream_description().expect("description");
    assert_eq!(stream.delivery_stream_status(), &DeliveryStreamStatus::Active);
    assert_eq!(rt.block_on(moto.bucket_names()), vec!["aws-analytics-immersion-day-tls00001".to_owned()]);
}
