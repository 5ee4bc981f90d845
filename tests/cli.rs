//! The binary's contract without AWS: `validate` and `init` output and exit codes, and that `apply`
//! validates before it contacts anything.

mod common;

use common::{bin, run, write_plan};
use firehose_wizard::i18n::{self, Lang};
use firehose_wizard::plan::validate;
use firehose_wizard::plan::{Plan, Role, Source, sanitize};

const AT: &str = "2026-11-26T10:30:00Z";

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn validate_lab_plan_prints_example_keys() {
    let dir = tmp();
    let plan = write_plan(dir.path(), "plan.json", &Plan::lab("a1b2c3d4"));
    let r = run(bin(dir.path()).arg("validate").arg(&plan).args(["--at", AT]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stdout);
    let uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    let want = regex_lite::Regex::new(&format!(
        "^prefix example: json-data/year=2026/month=11/day=26/hour=10/retail-trans-1-2026-11-26-10-30-00-{uuid}$"
    ))
    .unwrap();
    assert!(want.is_match(lines[0]), "{}", lines[0]);
    let want = regex_lite::Regex::new(&format!(
        "^error prefix example: error-json/year=2026/month=11/day=26/hour=10/processing-failedretail-trans-1-2026-11-26-10-30-00-{uuid}$"
    ))
    .unwrap();
    assert!(want.is_match(lines[1]), "{}", lines[1]);
}

#[test]
fn validate_at_honours_the_offset() {
    let dir = tmp();
    let plan = write_plan(dir.path(), "plan.json", &Plan::lab("a1b2c3d4"));
    // 01:30 at +09:00 is 16:30 the previous day in UTC, which Firehose uses by default
    let r = run(bin(dir.path()).arg("validate").arg(&plan).args(["--at", "2026-01-01T01:30:00+09:00"]));
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("prefix example: json-data/year=2025/month=12/day=31/hour=16/"), "{}", r.stdout);
}

#[test]
fn validate_without_error_prefix_prints_one_line() {
    let dir = tmp();
    let mut p = Plan::lab("a1b2c3d4");
    p.destination.prefix = "raw/".into();
    p.destination.error_prefix = None;
    let plan = write_plan(dir.path(), "plan.json", &p);
    let r = run(bin(dir.path()).arg("validate").arg(&plan).args(["--at", AT]));
    assert_eq!(r.code, 0);
    assert_eq!(r.stdout.lines().count(), 1);
    assert!(r.stdout.starts_with("prefix example: raw/2026/11/26/10/retail-trans-1-"), "{}", r.stdout);
}

/// A plan that breaks nine rules.
fn bad_plan() -> Plan {
    let mut p = Plan::lab("a1b2c3d4");
    p.name = "retail trans".into();
    p.source = Source::KinesisStream("arn:aws:kinesis:us-east-1:123:stream/x".into());
    p.destination.bucket = "192.168.5.4".into();
    p.destination.prefix = "json/!{timestamp:yyyy}/!{firehose:error-output-type}/".into();
    p.destination.error_prefix = Some("err/!{timestamp:yyyy}/".into());
    p.settings.buffer_size_mib = 0;
    p.settings.buffer_interval_s = 901;
    p.settings.compression = "gzip".into();
    p.settings.role = Role::Create("x".repeat(65));
    p
}

#[test]
fn validate_reports_every_problem_with_its_path() {
    let dir = tmp();
    let plan = write_plan(dir.path(), "plan.json", &bad_plan());
    let r = run(bin(dir.path()).arg("validate").arg(&plan));
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "", "no examples for an invalid plan");
    let expected = [
        "error: name: the delivery stream name may contain only letters A–Z a–z, digits 0–9, '_', '.' and '-'; character 7 is \" \"",
        "error: source: \"arn:aws:kinesis:us-east-1:123:stream/x\" is not a Kinesis stream ARN: expected arn:PARTITION:kinesis:REGION:ACCOUNT(12 digits):stream/NAME",
        "error: destination.bucket: a bucket name must not be formatted as an IP address (like 192.168.5.4)",
        "error: settings.buffer_size_mib: the buffer size must be 1–128 MiB; it is 0",
        "error: settings.buffer_interval_s: the buffer interval must be 0–900 seconds; it is 901",
        "error: settings.compression: \"gzip\" is not a compression format; use one of UNCOMPRESSED, GZIP, ZIP, Snappy, HADOOP_SNAPPY (names are case-sensitive: did you mean GZIP?)",
        "error: settings.role: a role name must be 1–64 characters long; it has 65",
        "error: destination.prefix: !{firehose:error-output-type} is only allowed in the error prefix (rule 5)",
        "error: destination.error_prefix: contains expressions, so it must also contain !{firehose:error-output-type} at least once (rule 4)",
    ];
    assert_eq!(r.stderr.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn validate_prints_warnings_but_succeeds() {
    let dir = tmp();
    let plan = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/lab-plan.json");
    let r = run(bin(dir.path()).arg("validate").arg(&plan).args(["--at", AT]));
    assert_eq!(r.code, 0);
    assert!(
        r.stderr.starts_with("warning: destination.bucket: still ends with the workshop's placeholder xxxxxxxx"),
        "{}",
        r.stderr
    );
    assert_eq!(r.stdout.lines().count(), 2);
}

#[test]
fn malformed_json_is_exit_2_with_line_and_column() {
    let dir = tmp();
    let path = dir.path().join("bad.json");
    std::fs::write(&path, "{\n  \"name\": \"a\",\n  \"source\": direct_put\n}\n").unwrap();
    let r = run(bin(dir.path()).arg("validate").arg(&path));
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr.trim_end(), format!("error: {}: line 3, column 13: source: expected value", path.display()));
}

#[test]
fn unknown_field_is_exit_2_naming_it() {
    let dir = tmp();
    let path = dir.path().join("typo.json");
    std::fs::write(&path, r#"{"name":"a","source":"direct_put","destination":{"bucket":"bbb","prefx":"x/"}}"#).unwrap();
    let r = run(bin(dir.path()).arg("validate").arg(&path));
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("line 1, column 71: destination.prefx: unknown field `prefx`, expected one of"),
        "{}",
        r.stderr
    );
}

#[test]
fn wrong_types_and_missing_fields_are_exit_2() {
    let dir = tmp();
    for (text, needle) in [
        (r#"{"name":"a","source":"direct_put"}"#, "missing field `destination`"),
        (r#"{"name":"a","source":"kinesis","destination":{"bucket":"bbb"}}"#, "source: unknown variant `kinesis`"),
        (
            r#"{"name":"a","source":"direct_put","destination":{"bucket":"bbb"},"settings":{"buffer_size_mib":"5"}}"#,
            "settings.buffer_size_mib: invalid type: string \"5\"",
        ),
        (r#"[]"#, "line 1, column 1: a plan file holds one JSON object"),
        ("", "the file is empty; a plan file holds one JSON object"),
    ] {
        let path = dir.path().join("p.json");
        std::fs::write(&path, text).unwrap();
        let r = run(bin(dir.path()).arg("validate").arg(&path));
        assert_eq!(r.code, 2, "{text}");
        assert!(r.stderr.contains(needle), "{text}: {}", r.stderr);
    }
}

#[test]
fn unreadable_and_non_utf8_files_are_exit_2() {
    let dir = tmp();
    let r = run(bin(dir.path()).args(["validate", "does-not-exist.json"]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: cannot read the plan file does-not-exist.json: No such file"), "{}", r.stderr);
    let path = dir.path().join("latin1.json");
    std::fs::write(&path, b"{\"name\": \"caf\xe9\"}").unwrap();
    let r = run(bin(dir.path()).arg("validate").arg(&path));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("not UTF-8 text (invalid byte at offset 13)"), "{}", r.stderr);
    let r = run(bin(dir.path()).arg("validate").arg(dir.path()));
    assert_eq!(r.code, 2, "a directory is not a plan file");
}

#[test]
fn control_characters_are_never_echoed_raw() {
    let dir = tmp();
    let mut p = Plan::lab("a1b2c3d4");
    p.name = "evil\u{1b}]0;pwned\u{7}".into();
    p.destination.prefix = "x/\u{1b}[2J!{nope:x}".into();
    let plan = write_plan(dir.path(), "plan.json", &p);
    let r = run(bin(dir.path()).arg("validate").arg(&plan));
    assert_eq!(r.code, 1);
    assert!(!r.stderr.contains('\u{1b}') && !r.stderr.contains('\u{7}'), "{:?}", r.stderr);
    assert!(r.stderr.contains("\\u{1b}"), "{}", r.stderr);
}

#[test]
fn bad_flags_are_exit_2() {
    let dir = tmp();
    let plan = write_plan(dir.path(), "plan.json", &Plan::lab("a1b2c3d4"));
    let r = run(bin(dir.path()).arg("validate").arg(&plan).args(["--at", "yesterday"]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("invalid value 'yesterday' for '--at <TIME>'"), "{}", r.stderr);
    assert_eq!(run(bin(dir.path()).arg("frobnicate")).code, 2);
    assert_eq!(run(bin(dir.path()).arg("validate")).code, 2);
}

#[test]
fn init_writes_a_valid_unique_lab_plan() {
    let dir = tmp();
    let out = dir.path().join("lab.json");
    let r = run(bin(dir.path()).args(["init", "--lab", "-o"]).arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let plan = Plan::from_json(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let suffix = plan.destination.bucket.strip_prefix("aws-analytics-immersion-day-").unwrap();
    assert_eq!(suffix.len(), 8);
    assert_eq!(plan, Plan::lab(suffix));
    let again = run(bin(dir.path()).args(["init", "--lab"]));
    assert_ne!(Plan::from_json(&again.stdout).unwrap().destination.bucket, plan.destination.bucket);
    // the plan init wrote validates cleanly, with no warning
    let r = run(bin(dir.path()).arg("validate").arg(&out));
    assert_eq!((r.code, r.stderr.as_str()), (0, ""));
    // never overwrites without --force
    let r = run(bin(dir.path()).args(["init", "--lab", "-o"]).arg(&out));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("already exists; pass --force"), "{}", r.stderr);
    assert_eq!(run(bin(dir.path()).args(["init", "--lab", "--force", "-o"]).arg(&out)).code, 0);
    // a suffix that breaks the bucket rules is refused
    let r = run(bin(dir.path()).args(["init", "--lab", "--bucket-suffix", "Bad_Suffix"]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--bucket-suffix: a bucket name may contain only lower-case letters"), "{}", r.stderr);
}

#[test]
fn apply_validates_before_contacting_aws() {
    let dir = tmp();
    let mut p = Plan::lab("a1b2c3d4");
    p.settings.buffer_size_mib = 200;
    let plan = write_plan(dir.path(), "plan.json", &p);
    // an endpoint where nothing listens: reaching it would be a dispatch failure, not this message
    let r = run(bin(dir.path())
        .args(["--endpoint-url", "http://127.0.0.1:9", "--region", "us-east-1", "apply"])
        .arg(&plan));
    assert_eq!(r.code, 1);
    assert_eq!(r.stderr, "error: settings.buffer_size_mib: the buffer size must be 1–128 MiB; it is 200\n");
    assert_eq!(r.stdout, "");
}

#[test]
fn apply_without_a_region_says_how_to_set_one() {
    let dir = tmp();
    let plan = write_plan(dir.path(), "plan.json", &Plan::lab("a1b2c3d4"));
    let r = run(bin(dir.path()).arg("apply").arg(&plan));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.starts_with("error: step 1/8 (account) failed: no AWS Region is configured\nhint: pass --region"),
        "{}",
        r.stderr
    );
}

#[test]
fn apply_against_an_unreachable_endpoint_fails_with_a_hint() {
    let dir = tmp();
    let plan = write_plan(dir.path(), "plan.json", &Plan::lab("a1b2c3d4"));
    let r = run(bin(dir.path())
        .env("AWS_ACCESS_KEY_ID", "x")
        .env("AWS_SECRET_ACCESS_KEY", "y")
        .args(["--endpoint-url", "http://127.0.0.1:9", "--region", "us-east-1", "apply"])
        .arg(&plan));
    assert_eq!(r.code, 1);
    assert!(r.stderr.starts_with("error: step 1/8 (account) failed: sts:GetCallerIdentity: "), "{}", r.stderr);
    assert!(r.stderr.contains("hint: could not reach AWS"), "{}", r.stderr);
    assert!(r.stderr.contains("nothing exists from this run"), "{}", r.stderr);
}

#[test]
fn help_lists_every_command_and_global_flag() {
    let dir = tmp();
    let r = run(bin(dir.path()).arg("--help"));
    assert_eq!(r.code, 0);
    for needle in [
        "validate",
        "apply",
        "destroy",
        "init",
        "--call-timeout",
        "--profile",
        "--region",
        "--endpoint-url",
        "--log-file",
        "--lab",
        "--plan",
        "--no-color",
        "Without a command, the interactive wizard starts",
    ] {
        assert!(r.stdout.contains(needle), "{needle}");
    }
}

#[test]
fn the_wizard_without_a_terminal_exits_2_before_touching_it() {
    let dir = tmp();
    // stdin is /dev/null and stdout a pipe here: not a terminal
    let r = run(&mut bin(dir.path()));
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: the wizard needs a terminal"), "{}", r.stderr);
    assert!(r.stderr.contains("firehose-wizard apply PLAN"), "it names the scriptable alternative");
    assert_eq!(r.stdout, "", "no escape sequence was written");
    // a bad --plan file is reported as such, before the terminal check
    let r = run(bin(dir.path()).args(["--plan", "missing.json"]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: cannot read the plan file missing.json"), "{}", r.stderr);
}

#[test]
fn destroy_checks_its_input_before_any_aws_call() {
    let dir = tmp();
    let r = run(bin(dir.path()).args(["destroy", "missing.json"]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: cannot read the plan file missing.json"), "{}", r.stderr);
    // a name with a terminal escape in it: refused, and never echoed raw
    let mut plan = Plan::lab("a1b2c3d4");
    plan.name = "retail\u{1b}[2J-trans".into();
    let path = write_plan(dir.path(), "bad.json", &plan);
    let r = run(bin(dir.path()).arg("destroy").arg(&path));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.starts_with("error: name: "), "{}", r.stderr);
    assert!(!r.stderr.contains('\u{1b}') && !r.stdout.contains('\u{1b}'), "{:?}", r.stderr);
    let help = run(bin(dir.path()).args(["destroy", "--help"]));
    for flag in ["--dry-run", "--with-objects", "--call-timeout"] {
        assert!(help.stdout.contains(flag), "{flag}:\n{}", help.stdout);
    }
}

#[test]
fn hostile_plan_files_are_clear_errors_never_echoed_raw() {
    let dir = tmp();
    let path = dir.path().join("p.json");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let huge = format!("{{\"name\": \"{}\"}}", "a".repeat(2 << 20));
    for (bytes, needle) in [
        (huge.into_bytes(), "bytes; a plan file is at most 1048576 bytes (1 MiB)"),
        (deep.into_bytes(), "nested more than 128 levels deep"),
        (b"{\"name\": \"a\x00\"}".to_vec(), "control character"),
        (br#"{"\u001b[2J\u001b]0;owned\u0007": 1}"#.to_vec(), "\\u{1b}[2J"),
        (format!("{} trailing", Plan::lab("a1b2c3d4").to_json_pretty()).into_bytes(), "trailing characters"),
        (vec![0xff, 0xfe, b'{', 0, b'}', 0], "not UTF-8"),
    ] {
        std::fs::write(&path, &bytes).unwrap();
        let r = run(bin(dir.path()).arg("validate").arg(&path));
        assert_eq!(r.code, 2, "{needle}: {}", r.stderr);
        assert!(r.stderr.contains(needle), "{needle}: {}", r.stderr);
        assert_eq!(r.stderr.lines().count(), 1, "one line: {}", r.stderr);
        assert!(!r.stderr.chars().any(|c| c.is_control() && c != '\n'), "escaped: {:?}", r.stderr);
    }
    // /dev/zero never ends: only 1 MiB of it is read
    let r = run(bin(dir.path()).args(["validate", "/dev/zero"]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("more than 1048576 bytes"), "{}", r.stderr);
}

/// `validate` under a Korean locale: the same problems at the same paths with the same exit code, each
/// message the Korean catalogue's; `--lang en` speaks English again.
#[test]
fn validate_speaks_korean_with_the_same_paths_and_exit_codes() {
    let dir = tmp();
    let p = bad_plan();
    let plan = write_plan(dir.path(), "plan.json", &p);
    let english = run(bin(dir.path()).arg("validate").arg(&plan));
    let korean = run(bin(dir.path()).env("LANG", "ko_KR.UTF-8").arg("validate").arg(&plan));
    assert_eq!((korean.code, korean.stdout.as_str()), (1, ""));
    let expected: Vec<String> =
        i18n::with(Lang::Ko, || validate::validate(&p).iter().map(|problem| sanitize(&problem.to_string())).collect());
    let lines: Vec<&str> = korean.stderr.lines().collect();
    assert_eq!(lines, expected);
    assert_eq!(lines.len(), english.stderr.lines().count());
    for (ko, en) in lines.iter().zip(english.stderr.lines()) {
        // `오류: PATH: ...` beside `error: PATH: ...`: the paths stay as they are
        let path = |l: &str| l.split(": ").nth(1).map(str::to_owned);
        assert_eq!(path(ko), path(en), "{ko} / {en}");
        assert!(ko.starts_with("오류: ") && ko != &en, "{ko}");
        common::lang::assert_korean("validate", ko, &[]);
    }
    // the flag wins over the locale
    let forced = run(bin(dir.path()).env("LANG", "ko_KR.UTF-8").args(["--lang", "en", "validate"]).arg(&plan));
    assert_eq!((forced.code, forced.stderr.as_str()), (english.code, english.stderr.as_str()));
    // LC_ALL wins over LANG; a locale of another language is English
    let all = run(bin(dir.path()).env("LANG", "en_US.UTF-8").env("LC_ALL", "ko_KR.UTF-8").arg("validate").arg(&plan));
    assert_eq!(all.stderr, korean.stderr);
    let other = run(bin(dir.path()).env("LANG", "fr_FR.UTF-8").arg("validate").arg(&plan));
    assert_eq!(other.stderr, english.stderr);

    // a malformed file: exit 2, the position in Korean, serde's own words as it said them
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\n  \"name\": \"a\",\n  \"source\": direct_put\n}\n").unwrap();
    let r = run(bin(dir.path()).env("LANG", "ko_KR.UTF-8").arg("validate").arg(&bad));
    assert_eq!(r.code, 2);
    assert_eq!(r.stderr.trim_end(), format!("오류: {}: 3행 13열: source: expected value", bad.display()));
    // a missing file: exit 2
    let none = dir.path().join("none.json");
    let r = run(bin(dir.path()).env("LANG", "ko").arg("validate").arg(&none));
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr.trim_end(),
        format!("오류: 계획 파일을 읽을 수 없습니다({}): 파일이나 디렉터리가 없습니다", none.display())
    );
    // a bad command line: clap's mistakes in Korean, exit 2
    for (args, says) in [
        (&["validate"][..], "오류: 필수 인수가 없습니다: <PLAN>"),
        (&["--bogus"], "오류: 알 수 없는 인수: --bogus"),
        (&["valdate"], "오류: 알 수 없는 명령: valdate"),
        (&["smoke-test", "--stream", "s", "--records", "0"], "오류: --records <N>의 값이 올바르지 않습니다: 0"),
    ] {
        let r = run(bin(dir.path()).env("LANG", "ko_KR.UTF-8").args(args));
        assert_eq!(r.code, 2, "{args:?}");
        assert!(r.stderr.starts_with(says), "{args:?}: {}", r.stderr);
        common::lang::assert_korean("a bad command line", &r.stderr, &[]);
    }
}

/// `--help` of every command in Korean, and the headings clap would print in English.
#[test]
fn help_speaks_korean() {
    let dir = tmp();
    for args in [&["--help"][..], &["validate", "--help"], &["smoke-test", "--help"], &["help", "destroy"]] {
        let r = run(bin(dir.path()).args(["--lang", "ko"]).args(args));
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert!(r.stdout.contains("사용법: firehose-wizard"), "{args:?}: {}", r.stdout);
        assert!(r.stdout.contains("옵션:") && !r.stdout.contains("Options:"), "{}", r.stdout);
        common::lang::assert_korean("--help", &r.stdout, &[]);
    }
    let r = run(bin(dir.path()).env("LANG", "ko_KR.UTF-8").arg("--help"));
    assert!(r.stdout.contains("명령:") && r.stdout.contains("validate    계획 파일을"), "{}", r.stdout);
    let r = run(bin(dir.path()).arg("--help"));
    assert!(r.stdout.contains("Usage: firehose-wizard") && r.stdout.contains("Commands:"), "{}", r.stdout);
}

#[test]
fn export_writes_each_format_refuses_to_overwrite_and_validates_first() {
    let dir = tmp();
    let plan = write_plan(dir.path(), "plan.json", &Plan::lab("a1b2c3d4"));
    for (format, first) in [
        ("cli", "#!/usr/bin/env bash"),
        ("cloudformation", "# The Amazon Data Firehose"),
        ("terraform", "# The Amazon Data Firehose"),
    ] {
        let r = run(bin(dir.path()).arg("export").arg(&plan).args(["--format", format]));
        assert_eq!(r.code, 0, "{format}: {}", r.stderr);
        assert!(r.stdout.starts_with(first), "{format}: {}", r.stdout);
        assert!(r.stdout.contains("aws-analytics-immersion-day-a1b2c3d4"), "{format}");
        let file = dir.path().join(format!("out-{format}"));
        let r = run(bin(dir.path()).arg("export").arg(&plan).args(["--format", format, "-o"]).arg(&file));
        assert_eq!(r.code, 0, "{format}: {}", r.stderr);
        assert_eq!(r.stderr, format!("wrote {}\n", file.display()));
        let written = std::fs::read_to_string(&file).unwrap();
        // never over an existing file without --force
        let r = run(bin(dir.path()).arg("export").arg(&plan).args(["--format", format, "-o"]).arg(&file));
        assert_eq!(r.code, 2, "{format}: {}", r.stderr);
        assert!(r.stderr.contains("already exists; pass --force"), "{}", r.stderr);
        std::fs::write(&file, "mine").unwrap();
        let r = run(bin(dir.path()).arg("export").arg(&plan).args(["--format", format, "-o"]).arg(&file));
        assert_eq!(r.code, 2);
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
        let r = run(bin(dir.path()).arg("export").arg(&plan).args(["--format", format, "--force", "-o"]).arg(&file));
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(std::fs::read_to_string(&file).unwrap(), written);
    }
    // a plan with problems is not exported
    let bad = write_plan(dir.path(), "bad.json", &bad_plan());
    let r = run(bin(dir.path()).arg("export").arg(&bad).args(["--format", "cli"]));
    assert_eq!(r.code, 1);
    assert_eq!(r.stdout, "");
    assert!(r.stderr.contains("error: name:"), "{}", r.stderr);
    // an unknown format is a bad flag; so is no format
    let r = run(bin(dir.path()).arg("export").arg(&plan).args(["--format", "pulumi"]));
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("pulumi"), "{}", r.stderr);
    let r = run(bin(dir.path()).arg("export").arg(&plan));
    assert_eq!(r.code, 2);
    // in Korean
    let file = dir.path().join("ko.sh");
    let r = run(bin(dir.path())
        .env("LANG", "ko_KR.UTF-8")
        .arg("export")
        .arg(&plan)
        .args(["--format", "cli", "-o"])
        .arg(&file));
    assert_eq!(r.code, 0);
    assert_eq!(r.stderr, format!("{} 작성함\n", file.display()));
    // a value that holds one of the exporters' tokens
    let mut p = Plan::lab("a1b2c3d4");
    p.destination.prefix = "x/__FW_ACCOUNT__/".into();
    let tokened = write_plan(dir.path(), "token.json", &p);
    let r = run(bin(dir.path()).arg("export").arg(&tokened).args(["--format", "terraform"]));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("__FW_ACCOUNT__"), "{}", r.stderr);
}

#[test]
fn firehose_wizard_log_sets_the_log_file_filter() {
    let dir = tmp();
    let plan = write_plan(dir.path(), "plan.json", &Plan::lab("a1b2c3d4"));
    let log = dir.path().join("firehose-wizard.log");
    // `apply` with no Region stops at step 1 after logging its start at info level
    let logged = |filter: Option<&str>| {
        let _ = std::fs::remove_file(&log);
        let mut cmd = bin(dir.path());
        if let Some(f) = filter {
            cmd.env("FIREHOSE_WIZARD_LOG", f);
        }
        let r = run(cmd.arg("apply").arg(&plan));
        assert_eq!(r.code, 1, "{}", r.stderr);
        std::fs::read_to_string(&log).unwrap_or_default()
    };
    let default = logged(None);
    assert!(default.contains(" INFO firehose_wizard::cli::apply: apply"), "{default}");
    assert_eq!(logged(Some("off")), "");
    assert_eq!(logged(Some("warn,firehose_wizard=warn")), "");
    assert!(logged(Some("firehose_wizard::cli=info")).contains(" INFO firehose_wizard::cli::apply: apply"));
    // a filter that cannot be read is the default one
    assert!(logged(Some("firehose_wizard=[loud")).contains(" INFO firehose_wizard::cli::apply: apply"));
}
