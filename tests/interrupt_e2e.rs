//! Interrupting `apply` end to end: the real binary, through the fault-injecting proxy in front of a
//! real moto server, is stopped by SIGINT, SIGTERM or SIGHUP while one create call is held (its effect
//! done in moto but its answer never sent, or not even forwarded). Afterwards the journal must agree
//! with moto exactly, the user must be told what exists and how to resume or remove it, and `destroy`
//! must remove everything the tool created and nothing else; a rerun of `apply` must converge.

mod common;

use std::io::Read;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use aws_config::SdkConfig;
use common::proxy::{Fault, Proxy, Rule};
use common::{ACCOUNT, Moto, SECRET_KEY, rt, run};
use firehose_wizard::plan::{NewStream, Plan, Role, Source, StreamMode};
use serde_json::Value;

// ---------------------------------------------------------------------------------------------
// The matrix
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sig {
    Int,
    Term,
    Hup,
}

impl Sig {
    fn name(self) -> &'static str {
        match self {
            Sig::Int => "SIGINT",
            Sig::Term => "SIGTERM",
            Sig::Hup => "SIGHUP",
        }
    }

    /// 128 + the signal's number.
    fn exit_code(self) -> i32 {
        match self {
            Sig::Int => 130,
            Sig::Term => 143,
            Sig::Hup => 129,
        }
    }

    fn kill_flag(self) -> &'static str {
        match self {
            Sig::Int => "-INT",
            Sig::Term => "-TERM",
            Sig::Hup => "-HUP",
        }
    }
}

/// What the tool may create, in the journal's order (the steps' order).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Res {
    KinesisStream,
    Bucket,
    LogGroup,
    LogStream,
    Role,
    RolePolicy,
    DeliveryStream,
}

const ORDER: [Res; 7] =
    [Res::KinesisStream, Res::Bucket, Res::LogGroup, Res::LogStream, Res::Role, Res::RolePolicy, Res::DeliveryStream];

impl Res {
    /// The journal's `kind`.
    fn kind(self) -> &'static str {
        match self {
            Res::KinesisStream => "kinesis_stream",
            Res::Bucket => "bucket",
            Res::LogGroup => "log_group",
            Res::LogStream => "log_stream",
            Res::Role => "role",
            Res::RolePolicy => "role_policy",
            Res::DeliveryStream => "delivery_stream",
        }
    }

    /// The step that makes it. The source, bucket, log and role steps run at the same time, each
    /// making its own in order; the delivery stream comes after all of them.
    fn step(self) -> &'static str {
        match self {
            Res::KinesisStream => "source",
            Res::Bucket => "bucket",
            Res::LogGroup | Res::LogStream => "logs",
            Res::Role | Res::RolePolicy => "role",
            Res::DeliveryStream => "stream",
        }
    }

    /// How stderr names it.
    fn label(self) -> &'static str {
        match self {
            Res::KinesisStream => "Kinesis stream",
            Res::Bucket => "S3 bucket",
            Res::LogGroup => "CloudWatch log group",
            Res::LogStream => "CloudWatch log stream",
            Res::Role => "IAM role",
            Res::RolePolicy => "IAM inline policy",
            Res::DeliveryStream => "delivery stream",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Hold {
    /// Forwarded (the resource exists in moto), the answer never arrives.
    After,
    /// Never forwarded (the resource does not exist).
    Before,
}

impl Hold {
    fn fault(self) -> Fault {
        match self {
            Hold::After => Fault::HoldAfterUpstream,
            Hold::Before => Fault::HoldBeforeUpstream,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Src {
    /// `{"kinesis_stream": ...}`, a stream the test creates first (it must survive `destroy`).
    Existing,
    /// `{"new_kinesis_stream": ...}`: the tool creates it (kinesis:CreateStream happens).
    New,
}

/// One hold point.
#[derive(Clone, Copy, Debug)]
struct Case {
    /// The operation held, as the proxy names it.
    op: &'static str,
    /// Requests of `op` let through before the hold (DescribeDeliveryStream is also a check of step 2).
    skip: usize,
    hold: Hold,
    source: Src,
    /// The resource the held call creates; `None` for a call that creates nothing (step 8's polling).
    creates: Option<Res>,
}

const fn case(op: &'static str, hold: Hold, source: Src, creates: Res) -> Case {
    Case { op, skip: 0, hold, source, creates: Some(creates) }
}

use Hold::{After, Before};
use Src::{Existing, New};

/// Every create call held after moto did it (the worst case: it exists, the tool never heard), and
/// held before it reached moto (it never happened); step 8's DescribeDeliveryStream polling too.
const MATRIX: &[Case] = &[
    case("kinesis:CreateStream", After, New, Res::KinesisStream),
    case("kinesis:CreateStream", Before, New, Res::KinesisStream),
    case("s3:CreateBucket", After, Existing, Res::Bucket),
    case("s3:CreateBucket", Before, Existing, Res::Bucket),
    case("logs:CreateLogGroup", After, Existing, Res::LogGroup),
    case("logs:CreateLogGroup", Before, New, Res::LogGroup),
    case("logs:CreateLogStream", After, New, Res::LogStream),
    case("logs:CreateLogStream", Before, Existing, Res::LogStream),
    case("iam:CreateRole", After, Existing, Res::Role),
    case("iam:CreateRole", Before, Existing, Res::Role),
    case("iam:PutRolePolicy", After, Existing, Res::RolePolicy),
    case("iam:PutRolePolicy", Before, New, Res::RolePolicy),
    case("firehose:CreateDeliveryStream", After, New, Res::DeliveryStream),
    case("firehose:CreateDeliveryStream", Before, Existing, Res::DeliveryStream),
    // the first DescribeDeliveryStream is step 2's check that the name is free
    Case { op: "firehose:DescribeDeliveryStream", skip: 1, hold: After, source: Existing, creates: None },
];

#[test]
fn sigint_at_every_create_call() {
    interrupt_matrix(Sig::Int);
}

#[test]
fn sigterm_at_every_create_call() {
    interrupt_matrix(Sig::Term);
}

#[test]
fn sighup_at_every_create_call() {
    interrupt_matrix(Sig::Hup);
}

/// Interrupted, then `apply` again without the proxy: it converges on exactly one of each, and
/// `destroy` then removes all of it.
#[test]
fn apply_after_an_interruption_converges_then_destroy_removes_everything() {
    let resumed: &[(Sig, Case)] = &[
        (Sig::Int, case("iam:CreateRole", After, Existing, Res::Role)),
        (Sig::Term, case("firehose:CreateDeliveryStream", After, New, Res::DeliveryStream)),
        (Sig::Hup, case("s3:CreateBucket", Before, Existing, Res::Bucket)),
        (Sig::Int, case("kinesis:CreateStream", After, New, Res::KinesisStream)),
    ];
    let moto = Moto::start();
    // every run goes through one proxy: the journal is kept per endpoint
    let proxy = Proxy::start(&moto.url);
    let rt = rt();
    let mut failures = Vec::new();
    for (n, (sig, case)) in resumed.iter().enumerate() {
        let names = Names::new(100 + n, case.source);
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let dir = tempfile::tempdir().unwrap();
            interrupt_and_check(&moto, &proxy, &rt, dir.path(), *sig, case, &names);
            resume_and_check(&moto, &proxy.url, &rt, dir.path(), &names);
            destroy_and_check(&moto, &proxy.url, &rt, dir.path(), &names, &names.resources());
        }));
        if outcome.is_err() {
            failures.push(format!("{} at {} ({:?}, {:?} source)", sig.name(), case.op, case.hold, case.source));
        }
    }
    assert!(failures.is_empty(), "failed (see each panic above):\n  {}", failures.join("\n  "));
}

fn interrupt_matrix(sig: Sig) {
    let start = Instant::now();
    let moto = Moto::start();
    // every run goes through one proxy: the journal is kept per endpoint
    let proxy = Proxy::start(&moto.url);
    let rt = rt();
    let mut failures = Vec::new();
    for (n, case) in MATRIX.iter().enumerate() {
        let names = Names::new(n, case.source);
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let dir = tempfile::tempdir().unwrap();
            let expected = interrupt_and_check(&moto, &proxy, &rt, dir.path(), sig, case, &names);
            destroy_and_check(&moto, &proxy.url, &rt, dir.path(), &names, &expected);
        }));
        if outcome.is_err() {
            failures.push(format!("{} at {} ({:?}, {:?} source)", sig.name(), case.op, case.hold, case.source));
        }
    }
    eprintln!("{}: {} cases in {:.1}s", sig.name(), MATRIX.len(), start.elapsed().as_secs_f64());
    assert!(failures.is_empty(), "failed (see each panic above):\n  {}", failures.join("\n  "));
}

/// SIGKILL (a power cut, an OOM kill, `kill -9`) at each create call: no signal handler runs, so the
/// journal is as the last write left it. It must be whole (each write is a rename), every entry
/// `created` must exist in moto and everything of the stream in moto must have an entry; then `apply`
/// converges with one of each, and `destroy` leaves nothing.
#[test]
fn sigkill_at_every_create_call() {
    let start = Instant::now();
    let moto = Moto::start();
    let proxy = Proxy::start(&moto.url);
    let rt = rt();
    let mut failures = Vec::new();
    for (n, case) in MATRIX.iter().enumerate() {
        let names = Names::new(200 + n, case.source);
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let dir = tempfile::tempdir().unwrap();
            kill_and_check(&moto, &proxy, &rt, dir.path(), case, &names);
            resume_and_check(&moto, &proxy.url, &rt, dir.path(), &names);
            destroy_and_check(&moto, &proxy.url, &rt, dir.path(), &names, &names.resources());
        }));
        if outcome.is_err() {
            failures.push(format!("SIGKILL at {} ({:?}, {:?} source)", case.op, case.hold, case.source));
        }
    }
    eprintln!("SIGKILL: {} cases in {:.1}s", MATRIX.len(), start.elapsed().as_secs_f64());
    assert!(failures.is_empty(), "failed (see each panic above):\n  {}", failures.join("\n  "));
}

/// Starts `apply` through the proxy, kills it with SIGKILL once `case.op` is held, drops the held
/// request, and checks the journal against moto.
fn kill_and_check(moto: &Moto, proxy: &Proxy, rt: &tokio::runtime::Runtime, dir: &Path, case: &Case, names: &Names) {
    std::fs::write(dir.join(PLAN), names.plan().to_json_pretty()).unwrap();
    let sdk = rt.block_on(moto.sdk("us-east-1"));
    if names.source == Src::Existing {
        rt.block_on(moto.create_kinesis_stream("us-east-1", &names.source_stream));
    }
    proxy.add(Rule::new(case.op, 1, case.hold.fault()).after(case.skip));
    let mut cmd = moto.command(dir);
    cmd.env("AWS_ENDPOINT_URL", &proxy.url).arg("apply").arg(PLAN);
    let child = Running::spawn(cmd);
    let held = proxy.wait_held(Duration::from_secs(30));
    let (stdout, stderr) = child.kill_and_collect();
    // what was held before moto saw it never reaches it
    proxy.drop_held();
    std::thread::sleep(Duration::from_millis(200));
    let journal_path = names.journal_path(dir);
    let ev = Evidence {
        label: format!("SIGKILL at {} ({:?}), stream {}", case.op, case.hold, names.stream),
        stdout,
        stderr,
        calls: proxy.calls(),
        journal: read_or_none(&journal_path),
    };
    assert_eq!(held.as_deref(), Some(case.op), "the call was held{ev}");
    let entries = journal_entries(&journal_path, names, &ev);
    for r in names.resources() {
        let exists = rt.block_on(exists(&sdk, names, r));
        let entry = entries.iter().find(|(kind, id, _)| kind == r.kind() && *id == names.id(r));
        match (exists, entry.map(|(_, _, status)| status.as_str())) {
            // made, and journaled: created, or creating when its answer never came
            (true, Some("created" | "creating")) => {}
            // not made: no entry, or an unanswered one (the next apply or destroy settles it)
            (false, None | Some("creating")) => {}
            (exists, status) => panic!("{r:?} {}: in moto {exists}, journal {status:?}{ev}", names.id(r)),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// One case
// ---------------------------------------------------------------------------------------------

/// The names of one case's resources; `n` keeps cases sharing a moto apart.
struct Names {
    stream: String,
    source: Src,
    source_stream: String,
    bucket: String,
    role: String,
    policy: String,
    log_group: String,
}

const LOG_STREAM: &str = "S3Delivery";
const PLAN: &str = "plan.json";

impl Names {
    fn new(n: usize, source: Src) -> Names {
        let stream = format!("int-{n}");
        Names {
            source_stream: match source {
                Src::Existing => format!("src-int-{n}"),
                Src::New => format!("new-int-{n}"),
            },
            source,
            bucket: format!("aws-analytics-immersion-day-int{n:02}"),
            role: format!("firehose_int_{n}"),
            policy: format!("firehose-wizard-us-east-1-{stream}"),
            log_group: format!("/aws/kinesisfirehose/{stream}"),
            stream,
        }
    }

    fn plan(&self) -> Plan {
        let mut plan = Plan::lab("int");
        plan.name = self.stream.clone();
        plan.source = match self.source {
            Src::Existing => Source::KinesisStream(self.source_stream.clone()),
            Src::New => Source::NewKinesisStream(NewStream {
                name: self.source_stream.clone(),
                mode: StreamMode::OnDemand,
                shards: None,
            }),
        };
        plan.destination.bucket = self.bucket.clone();
        plan.settings.role = Role::Create(self.role.clone());
        plan
    }

    /// Everything the plan has the tool create, in order.
    fn resources(&self) -> Vec<Res> {
        ORDER.into_iter().filter(|r| *r != Res::KinesisStream || self.source == Src::New).collect()
    }

    /// Whether `r` must exist after the run was interrupted at `case`: the held call's resource if
    /// moto got it, what its own step made before it, everything the delivery stream's steps come after;
    /// nothing the held call comes before. `None` for a resource of a step that ran at the same time as
    /// the held call: it may be anywhere, as long as the journal agrees with moto.
    fn must_exist(&self, case: &Case, r: Res) -> Option<bool> {
        let Some(held) = case.creates else { return Some(true) };
        if r == held {
            return Some(case.hold == Hold::After);
        }
        let at = |x: Res| ORDER.iter().position(|o| *o == x);
        match (held.step(), r.step()) {
            (h, r_step) if h == r_step => Some(at(r) < at(held)),
            ("stream", _) => Some(true),
            (_, "stream") => Some(false),
            _ => None,
        }
    }

    /// The journal's `id`.
    fn id(&self, r: Res) -> String {
        match r {
            Res::KinesisStream => self.source_stream.clone(),
            Res::Bucket => self.bucket.clone(),
            Res::LogGroup => self.log_group.clone(),
            Res::LogStream => format!("{}:{LOG_STREAM}", self.log_group),
            Res::Role => format!("arn:aws:iam::{ACCOUNT}:role/{}", self.role),
            Res::RolePolicy => format!("{}/{}", self.role, self.policy),
            Res::DeliveryStream => format!("arn:aws:firehose:us-east-1:{ACCOUNT}:deliverystream/{}", self.stream),
        }
    }

    fn journal_path(&self, home: &Path) -> PathBuf {
        common::journal_path(home, &self.stream)
    }
}

/// The binary's output, and what the proxy saw: every failure message shows it all.
struct Evidence {
    label: String,
    stdout: String,
    stderr: String,
    calls: Vec<String>,
    journal: String,
}

impl std::fmt::Display for Evidence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "\n--- case: {}\n--- stdout:\n{}\n--- stderr:\n{}\n--- proxy calls: {:?}\n--- journal:\n{}\n---",
            self.label, self.stdout, self.stderr, self.calls, self.journal
        )
    }
}

/// Starts `apply` through a proxy that holds `case.op`, signals it once the call is held, and checks
/// the exit, stderr, the journal and moto. Returns what exists now (what `destroy` must remove).
fn interrupt_and_check(
    moto: &Moto,
    proxy: &Proxy,
    rt: &tokio::runtime::Runtime,
    dir: &Path,
    sig: Sig,
    case: &Case,
    names: &Names,
) -> Vec<Res> {
    let plan = names.plan();
    std::fs::write(dir.join(PLAN), plan.to_json_pretty()).unwrap();
    let sdk = rt.block_on(moto.sdk("us-east-1"));
    if names.source == Src::Existing {
        rt.block_on(moto.create_kinesis_stream("us-east-1", &names.source_stream));
    }
    let label = format!(
        "{} at {} ({:?}, after {} let through; {:?} source), stream {}",
        sig.name(),
        case.op,
        case.hold,
        case.skip,
        case.source,
        names.stream
    );

    proxy.add(Rule::new(case.op, 1, case.hold.fault()).after(case.skip));
    let mut cmd = moto.command(dir);
    cmd.env("AWS_ENDPOINT_URL", &proxy.url).arg("apply").arg(PLAN);
    let child = Running::spawn(cmd);

    let held = proxy.wait_held(Duration::from_secs(30));
    if held.as_deref() != Some(case.op) {
        let (stdout, stderr) = child.kill_and_collect();
        let ev =
            Evidence { label, stdout, stderr, calls: proxy.calls(), journal: read_or_none(&names.journal_path(dir)) };
        panic!("{} was never held (held: {held:?}){ev}", case.op);
    }
    let pid = child.child.id().to_string();
    let sent = Command::new("kill").args([sig.kill_flag(), &pid]).status().expect("run kill");
    assert!(sent.success(), "kill {} {pid} failed", sig.kill_flag());
    let (status, stdout, stderr) = child.wait(Duration::from_secs(40), proxy, &label);
    let journal_path = names.journal_path(dir);
    let ev = Evidence { label, stdout, stderr, calls: proxy.calls(), journal: read_or_none(&journal_path) };

    // 1. the exit code, and what the user is told
    assert_eq!(status.code(), Some(sig.exit_code()), "exit status {status:?}{ev}");
    assert!(!ev.stderr.contains("panicked") && !ev.stderr.contains("RUST_BACKTRACE"), "a panic{ev}");
    assert!(
        ev.stderr.contains(&format!("firehose-wizard: received {}: the call in flight was abandoned", sig.name())),
        "stderr names the signal{ev}"
    );
    let err: Vec<&str> = ev.stderr.lines().collect();
    let resume = err.iter().position(|l| *l == format!("to resume: firehose-wizard apply {PLAN}"));
    let resume = resume.unwrap_or_else(|| panic!("stderr gives the apply command{ev}"));
    assert_eq!(
        err.get(resume + 1).copied(),
        Some(format!("to remove what firehose-wizard created: firehose-wizard destroy {PLAN}").as_str()),
        "stderr gives the destroy command{ev}"
    );

    // 2. the journal agrees with moto, both ways: what exists is `created` (settled by a lookup when
    // its answer never came); what does not exist has no entry, or stays `creating` when its call was
    // abandoned unanswered (it may still land, and S3's and IAM's lists lag) until the settling window
    // has passed. A call that ran meanwhile and landed after the lookup is `creating` too.
    let entries = journal_entries(&journal_path, names, &ev);
    let mut expected = Vec::new();
    for r in names.resources() {
        let exists = rt.block_on(exists(&sdk, names, r));
        if let Some(must) = names.must_exist(case, r) {
            assert_eq!(exists, must, "{r:?} {} in moto{ev}", names.id(r));
        }
        let status = entries.iter().find(|(kind, id, _)| kind == r.kind() && *id == names.id(r)).map(|e| e.2.as_str());
        let held = case.creates == Some(r);
        match (exists, status) {
            (true, Some("created")) | (false, None | Some("creating")) => {}
            (true, Some("creating")) if !held => {}
            (exists, status) => panic!("{r:?} {}: in moto {exists}, journal {status:?}{ev}", names.id(r)),
        }
        if exists {
            expected.push(r);
        }
    }
    if let Some(p) = pending(case) {
        assert!(entries.contains(&(p.kind().to_owned(), names.id(p), "creating".to_owned())), "{p:?} pending{ev}");
    }
    for (kind, id, _) in &entries {
        assert!(
            names.resources().iter().any(|r| r.kind() == kind && names.id(*r) == *id),
            "{kind} {id}: not the plan's{ev}"
        );
    }

    // 3. stderr lists exactly what the journal holds, in its order, each unanswered one said so
    if entries.is_empty() {
        assert!(
            err[..resume].contains(&"firehose-wizard created nothing for this stream"),
            "stderr says nothing was created{ev}"
        );
    } else {
        let header = format!("what firehose-wizard created (journal {}):", journal_path.display());
        let at = err.iter().position(|l| *l == header).unwrap_or_else(|| panic!("stderr has {header:?}{ev}"));
        let listed: Vec<&str> = err[at + 1..resume].to_vec();
        let want: Vec<String> = entries
            .iter()
            .map(|(kind, id, status)| {
                let r = ORDER.into_iter().find(|r| r.kind() == kind).unwrap();
                match status.as_str() {
                    "creating" => format!(
                        "  {} {id} (its create call never answered: the next apply or destroy checks it)",
                        r.label()
                    ),
                    _ => format!("  {} {id}", r.label()),
                }
            })
            .collect();
        assert_eq!(listed, want, "stderr lists exactly what the journal holds{ev}");
    }
    if names.source == Src::Existing {
        assert!(rt.block_on(kinesis_exists(&sdk, &names.source_stream)), "the test's own source stream{ev}");
    }

    // 4. private, and no secret anywhere on disk
    if journal_path.exists() {
        let mode = std::fs::metadata(&journal_path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "journal mode {mode:o}{ev}");
        let dir_mode = std::fs::metadata(journal_path.parent().unwrap()).unwrap().permissions().mode() & 0o777;
        assert_eq!(dir_mode, 0o700, "journal directory mode {dir_mode:o}{ev}");
        assert!(!ev.journal.contains(SECRET_KEY), "the journal holds no secret{ev}");
    }
    let log = std::fs::read_to_string(dir.join("firehose-wizard.log")).unwrap_or_default();
    assert!(!log.contains(SECRET_KEY), "the log holds no secret{ev}");

    // A call held before moto saw it must stay undone once the proxy drops the request.
    proxy.drop_held();
    if let (Some(held), Hold::Before) = (case.creates, case.hold) {
        std::thread::sleep(Duration::from_millis(200));
        assert!(!rt.block_on(exists(&sdk, names, held)), "the held {held:?} reached moto after the proxy stopped{ev}");
    }
    // let the settling window pass (as if the user came back later): date the unanswered entries back;
    // `destroy` then looks each up, so one that landed late is deleted too
    if journal_path.exists() {
        common::backdate_unanswered(&journal_path);
        std::thread::sleep(Duration::from_millis(200));
        for r in names.resources() {
            if !expected.contains(&r) && rt.block_on(exists(&sdk, names, r)) {
                expected.push(r);
            }
        }
    }
    expected
}

/// The resource whose create call was held before it reached moto: the journal keeps it `creating`.
fn pending(case: &Case) -> Option<Res> {
    match case.hold {
        Hold::Before => case.creates,
        Hold::After => None,
    }
}

/// `apply` again, straight to moto: exit 0 and exactly one of each of the plan's resources.
fn resume_and_check(moto: &Moto, endpoint: &str, rt: &tokio::runtime::Runtime, dir: &Path, names: &Names) {
    let r = run(moto.command(dir).env("AWS_ENDPOINT_URL", endpoint).arg("apply").arg(PLAN));
    let journal_path = names.journal_path(dir);
    let ev = Evidence {
        label: format!("apply again, stream {}", names.stream),
        stdout: r.stdout.clone(),
        stderr: r.stderr.clone(),
        calls: vec![],
        journal: read_or_none(&journal_path),
    };
    assert_eq!(r.code, 0, "the rerun converges{ev}");
    assert!(r.stdout.contains("[8/8] wait for ACTIVE  ok"), "{ev}");
    let all = names.resources();
    let want: Vec<(String, String, String)> =
        all.iter().map(|r| (r.kind().to_owned(), names.id(*r), "created".to_owned())).collect();
    assert_eq!(journal_entries(&journal_path, names, &ev), want, "the journal lists each resource once{ev}");
    rt.block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        for r in &all {
            assert!(exists(&sdk, names, *r).await, "{r:?} {} in moto{ev}", names.id(*r));
        }
        // exactly one of each (the cases before this one were destroyed, their sources stay)
        let s3 = aws_sdk_s3::Client::new(&sdk);
        let buckets: Vec<String> =
            s3.list_buckets().send().await.unwrap().buckets().iter().filter_map(|b| b.name().map(Into::into)).collect();
        assert_eq!(buckets, vec![names.bucket.clone()], "buckets{ev}");
        let iam = aws_sdk_iam::Client::new(&sdk);
        let roles: Vec<String> =
            iam.list_roles().send().await.unwrap().roles().iter().map(|r| r.role_name().to_owned()).collect();
        assert_eq!(roles, vec![names.role.clone()], "roles{ev}");
        let policies = iam.list_role_policies().role_name(&names.role).send().await.unwrap().policy_names().to_vec();
        assert_eq!(policies, vec![names.policy.clone()], "inline policies{ev}");
        let logs = aws_sdk_cloudwatchlogs::Client::new(&sdk);
        let groups: Vec<String> = logs
            .describe_log_groups()
            .send()
            .await
            .unwrap()
            .log_groups()
            .iter()
            .filter_map(|g| g.log_group_name().map(Into::into))
            .collect();
        assert_eq!(groups, vec![names.log_group.clone()], "log groups{ev}");
        let streams: Vec<String> = logs
            .describe_log_streams()
            .log_group_name(&names.log_group)
            .send()
            .await
            .unwrap()
            .log_streams()
            .iter()
            .filter_map(|s| s.log_stream_name().map(Into::into))
            .collect();
        assert_eq!(streams, vec![LOG_STREAM.to_owned()], "log streams{ev}");
        let fh = aws_sdk_firehose::Client::new(&sdk);
        let delivery = fh.list_delivery_streams().send().await.unwrap().delivery_stream_names().to_vec();
        assert_eq!(delivery, vec![names.stream.clone()], "delivery streams{ev}");
        let kinesis = aws_sdk_kinesis::Client::new(&sdk);
        let sources = kinesis.list_streams().send().await.unwrap().stream_names().to_vec();
        assert_eq!(
            sources.iter().filter(|s| **s == names.source_stream).count(),
            1,
            "one source stream {}: {sources:?}{ev}",
            names.source_stream
        );
    });
    let log = std::fs::read_to_string(dir.join("firehose-wizard.log")).unwrap_or_default();
    assert!(!log.contains(SECRET_KEY), "the log holds no secret{ev}");
}

/// `destroy` through the proxy the runs went through (the journal is kept per endpoint): exit 0, and nothing of the tool's is left; the test's own source
/// stream stays.
fn destroy_and_check(
    moto: &Moto,
    endpoint: &str,
    rt: &tokio::runtime::Runtime,
    dir: &Path,
    names: &Names,
    existed: &[Res],
) {
    let r = run(moto.command(dir).env("AWS_ENDPOINT_URL", endpoint).arg("destroy").arg(PLAN));
    let journal_path = names.journal_path(dir);
    let ev = Evidence {
        label: format!("destroy, stream {}", names.stream),
        stdout: r.stdout.clone(),
        stderr: r.stderr.clone(),
        calls: vec![],
        journal: read_or_none(&journal_path),
    };
    assert_eq!(r.code, 0, "destroy succeeds{ev}");
    if existed.is_empty() {
        assert!(r.stdout.contains("has no record of creating anything"), "{ev}");
    } else {
        assert!(r.stdout.contains(&format!("nothing firehose-wizard created for {} remains", names.stream)), "{ev}");
        for res in existed {
            assert!(
                r.stdout.contains(&format!("deleted      {} {}", res.label(), names.id(*res))),
                "destroy deleted {res:?}{ev}"
            );
        }
    }
    assert!(!journal_path.exists(), "an empty journal is removed{ev}");
    rt.block_on(async {
        let sdk = moto.sdk("us-east-1").await;
        for res in names.resources() {
            assert!(!exists(&sdk, names, res).await, "{res:?} {} is left in moto{ev}", names.id(res));
        }
        if names.source == Src::Existing {
            assert!(kinesis_exists(&sdk, &names.source_stream).await, "the test's source stream stays{ev}");
        }
    });
    let log = std::fs::read_to_string(dir.join("firehose-wizard.log")).unwrap_or_default();
    assert!(!log.contains(SECRET_KEY), "the log holds no secret{ev}");
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// The journal's entries as (kind, id, status), after checking its header; none if there is no file.
fn journal_entries(path: &Path, names: &Names, ev: &Evidence) -> Vec<(String, String, String)> {
    let Ok(text) = std::fs::read_to_string(path) else { return vec![] };
    let j: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("the journal is JSON: {e}{ev}"));
    assert_eq!(j["version"], 2, "{ev}");
    assert_eq!(j["account"], ACCOUNT, "{ev}");
    assert_eq!(j["region"], "us-east-1", "{ev}");
    assert_eq!(j["stream"], names.stream.as_str(), "{ev}");
    let entries = j["entries"].as_array().unwrap_or_else(|| panic!("entries is an array{ev}"));
    entries
        .iter()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap_or_else(|| panic!("entry {k} is a string{ev}")).to_owned();
            assert!(e["at"].is_string(), "entry has its time{ev}");
            (s("kind"), s("id"), s("status"))
        })
        .collect()
}

fn read_or_none(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| format!("(none: {e})"))
}

/// Whether one of the case's resources exists in moto.
async fn exists(sdk: &SdkConfig, names: &Names, r: Res) -> bool {
    use aws_sdk_iam::error::ProvideErrorMetadata;
    match r {
        Res::KinesisStream => kinesis_exists(sdk, &names.source_stream).await,
        Res::Bucket => {
            let s3 = aws_sdk_s3::Client::new(sdk);
            s3.list_buckets().send().await.unwrap().buckets().iter().any(|b| b.name() == Some(names.bucket.as_str()))
        }
        Res::LogGroup => {
            let logs = aws_sdk_cloudwatchlogs::Client::new(sdk);
            let out = logs.describe_log_groups().log_group_name_prefix(&names.log_group).send().await.unwrap();
            out.log_groups().iter().any(|g| g.log_group_name() == Some(names.log_group.as_str()))
        }
        Res::LogStream => {
            let logs = aws_sdk_cloudwatchlogs::Client::new(sdk);
            match logs.describe_log_streams().log_group_name(&names.log_group).send().await {
                Ok(out) => out.log_streams().iter().any(|s| s.log_stream_name() == Some(LOG_STREAM)),
                Err(e) if e.code() == Some("ResourceNotFoundException") => false,
                Err(e) => panic!("logs:DescribeLogStreams: {e:?}"),
            }
        }
        Res::Role => {
            let iam = aws_sdk_iam::Client::new(sdk);
            match iam.get_role().role_name(&names.role).send().await {
                Ok(_) => true,
                Err(e) if e.code() == Some("NoSuchEntity") => false,
                Err(e) => panic!("iam:GetRole: {e:?}"),
            }
        }
        Res::RolePolicy => {
            let iam = aws_sdk_iam::Client::new(sdk);
            match iam.get_role_policy().role_name(&names.role).policy_name(&names.policy).send().await {
                Ok(_) => true,
                Err(e) if e.code() == Some("NoSuchEntity") => false,
                Err(e) => panic!("iam:GetRolePolicy: {e:?}"),
            }
        }
        Res::DeliveryStream => {
            let fh = aws_sdk_firehose::Client::new(sdk);
            match fh.describe_delivery_stream().delivery_stream_name(&names.stream).send().await {
                Ok(_) => true,
                Err(e) if e.code() == Some("ResourceNotFoundException") => false,
                Err(e) => panic!("firehose:DescribeDeliveryStream: {e:?}"),
            }
        }
    }
}

async fn kinesis_exists(sdk: &SdkConfig, name: &str) -> bool {
    use aws_sdk_kinesis::error::ProvideErrorMetadata;
    let k = aws_sdk_kinesis::Client::new(sdk);
    match k.describe_stream_summary().stream_name(name).send().await {
        Ok(_) => true,
        Err(e) if e.code() == Some("ResourceNotFoundException") => false,
        Err(e) => panic!("kinesis:DescribeStreamSummary: {e:?}"),
    }
}

/// The binary running in the background, its output read as it comes (so it never blocks on a pipe).
struct Running {
    child: Child,
    stdout: std::thread::JoinHandle<String>,
    stderr: std::thread::JoinHandle<String>,
}

impl Running {
    fn spawn(mut cmd: Command) -> Running {
        let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("start the binary");
        let drain = |mut r: Box<dyn Read + Send>| {
            std::thread::spawn(move || {
                let mut buf = Vec::new();
                let _ = r.read_to_end(&mut buf);
                String::from_utf8_lossy(&buf).into_owned()
            })
        };
        let stdout = drain(Box::new(child.stdout.take().unwrap()));
        let stderr = drain(Box::new(child.stderr.take().unwrap()));
        Running { child, stdout, stderr }
    }

    /// Waits for the exit; a process still running after `timeout` is killed (SIGKILL) and the test fails.
    fn wait(mut self, timeout: Duration, proxy: &Proxy, label: &str) -> (std::process::ExitStatus, String, String) {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait for the binary") {
                return (status, self.stdout.join().unwrap(), self.stderr.join().unwrap());
            }
            if Instant::now() > deadline {
                let (stdout, stderr) = self.kill_and_collect();
                let ev =
                    Evidence { label: label.to_owned(), stdout, stderr, calls: proxy.calls(), journal: String::new() };
                panic!("the binary was still running {} s after the signal: killed{ev}", timeout.as_secs());
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    fn kill_and_collect(mut self) -> (String, String) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        (self.stdout.join().unwrap(), self.stderr.join().unwrap())
    }
}
