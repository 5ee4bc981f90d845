//! Property tests: the prefix parser, the evaluator, the validator and the plan parser never panic,
//! and the worst-case length used for the 512-character rule is never below a real evaluation.

use firehose_wizard::plan::prefix::{self, EvalContext, Kind};
use firehose_wizard::plan::validate::{examples, validate};
use firehose_wizard::plan::{Plan, Role, Source};
use proptest::prelude::*;

#[path = "common/strategies.rs"]
mod strategies;
use strategies::{instant, prefix_like};

/// ARN-shaped strings: the six fields, some empty, some with extra colons or slashes.
fn arn_like() -> impl Strategy<Value = String> {
    let field = prop_oneof![
        Just(String::new()),
        Just("aws".to_owned()),
        Just("kinesis".to_owned()),
        Just("iam".to_owned()),
        Just("us-east-1".to_owned()),
        Just("123456789012".to_owned()),
        Just("stream/x".to_owned()),
        Just("role/a/b".to_owned()),
        Just(":".to_owned()),
        "[a-z0-9:/._-]{0,8}",
    ];
    prop::collection::vec(field, 0..8).prop_map(|v| format!("arn:{}", v.join(":")))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, .. ProptestConfig::default() })]

    #[test]
    fn parse_and_check_never_panic(p in prefix_like(), e in proptest::option::of(prefix_like()), dp in any::<bool>()) {
        let _ = prefix::parse(&p);
        let _ = prefix::check(&p, e.as_deref(), dp);
    }

    #[test]
    fn arbitrary_text_never_panics(p in "\\PC*") {
        let _ = prefix::parse(&p);
        let _ = prefix::compile_pattern(&p);
        let _ = Plan::from_json(&p);
    }

    #[test]
    fn evaluation_never_exceeds_the_worst_case(p in prefix_like(), at in instant()) {
        if let Ok(tokens) = prefix::parse(&p) {
            for kind in [Kind::Prefix, Kind::ErrorPrefix] {
                let eff = prefix::effective(&tokens, kind);
                let no_keys = |_: &str| None;
                for t in prefix::ERROR_OUTPUT_TYPES {
                    let ctx = EvalContext { at, error_output_type: t, partition_values: &no_keys, random: None };
                    let out = prefix::evaluate(&eff, &ctx);
                    // partition keys render as "<key>" here; their length is not part of the bound
                    let key_len: usize = tokens.iter().map(|t| match t {
                        prefix::Token::PartitionKey { key, .. } => key.chars().count() + 2,
                        _ => 0,
                    }).sum();
                    prop_assert!(out.chars().count() <= prefix::max_evaluated_len(&eff) + key_len,
                        "{p:?} at {at} gave {out:?}");
                }
            }
        }
    }

    #[test]
    fn validate_and_examples_never_panic(
        name in "\\PC{0,70}",
        stream in proptest::option::of("\\PC{0,20}"),
        bucket in "\\PC{0,70}",
        create in any::<bool>(),
        p in prefix_like(),
        e in proptest::option::of(prefix_like()),
        size in any::<i64>(),
        interval in any::<i64>(),
        compression in "\\PC{0,14}",
        role in "\\PC{0,70}",
        at in instant(),
    ) {
        let mut plan = Plan::lab("x");
        plan.name = name;
        plan.source = stream.map_or(Source::DirectPut, Source::KinesisStream);
        plan.destination.bucket = bucket;
        plan.destination.create_bucket = create;
        plan.destination.prefix = p;
        plan.destination.error_prefix = e;
        plan.settings.buffer_size_mib = size;
        plan.settings.buffer_interval_s = interval;
        plan.settings.compression = compression;
        plan.settings.role = if create { Role::Create(role) } else { Role::Existing(role) };
        let problems = validate(&plan);
        let ex = examples(&plan, at);
        // a plan without errors always has examples
        if !problems.iter().any(|p| p.severity == firehose_wizard::plan::validate::Severity::Error) {
            prop_assert!(ex.is_some());
        }
    }

    #[test]
    fn arn_checks_never_panic(a in arn_like()) {
        use firehose_wizard::plan::names;
        let _ = names::kinesis_stream_ref(&a);
        let _ = names::role_ref(&a);
        let _ = names::Arn::parse(&a);
        let mut plan = Plan::lab("x");
        plan.source = Source::KinesisStream(a.clone());
        plan.settings.role = Role::Existing(a);
        let _ = validate(&plan);
    }

    #[test]
    fn plan_files_round_trip(suffix in "[a-z0-9]{8}", size in 1i64..=128, interval in 0i64..=900) {
        let mut plan = Plan::lab(&suffix);
        plan.settings.buffer_size_mib = size;
        plan.settings.buffer_interval_s = interval;
        prop_assert_eq!(Plan::from_json(&plan.to_json_pretty()).unwrap(), plan);
    }
}
