//! A plan as other tools' input: a bash script of AWS CLI commands ([`cli`]), a CloudFormation template
//! ([`cloudformation`]) and Terraform configuration ([`terraform`]). Each creates what `apply` creates,
//! from the same request builder and the same least-privilege policies. Pure: no I/O, no AWS.
//!
//! What the account, Region and partition are is known only where the output runs, so the parts are
//! built with tokens in their place ([`Parts`]); each format puts its own expression there (a shell
//! variable, `${AWS::AccountId}`, `data.aws_caller_identity.current.account_id`). The generated files
//! are code: their comments are in English.

pub mod cli;
pub mod cloudformation;
pub mod terraform;

use serde_json::Value;

use crate::plan::request::{self, Resolved, Target};
use crate::plan::{Plan, Role, Source, policy};

/// The formats, as `--format` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Cli,
    CloudFormation,
    Terraform,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Cli, Format::CloudFormation, Format::Terraform];

    pub fn name(self) -> &'static str {
        match self {
            Format::Cli => "cli",
            Format::CloudFormation => "cloudformation",
            Format::Terraform => "terraform",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == s)
    }

    /// The file a plan's export is suggested to be saved as: `retail-trans.sh`, `.yaml`, `.tf`.
    pub fn file_name(self, plan: &Plan) -> String {
        let ext = match self {
            Format::Cli => "sh",
            Format::CloudFormation => "yaml",
            Format::Terraform => "tf",
        };
        format!("{}.{ext}", plan.name)
    }
}

/// Why a plan cannot be exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportError {
    /// The request cannot be built (an internal error).
    Request(String),
    /// A value of the plan holds one of the tokens the exporters use.
    Token(&'static str),
}

/// The plan as `format`.
pub fn export(plan: &Plan, format: Format) -> Result<String, ExportError> {
    let parts = Parts::of(plan)?;
    Ok(match format {
        Format::Cli => cli::script(plan, &parts),
        Format::CloudFormation => cloudformation::template(plan, &parts),
        Format::Terraform => terraform::configuration(plan, &parts),
    })
}

/// What stands for a value known only where the output runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token {
    Account,
    Region,
    Partition,
    /// The delivery stream's name (a variable or parameter of the output).
    Name,
    /// The new bucket's name (a variable or parameter of the output).
    Bucket,
    /// The role's ARN (created, or looked up).
    RoleArn,
    /// The source Kinesis stream's ARN (created, or looked up).
    SourceArn,
}

impl Token {
    const ALL: [Token; 7] =
        [Token::Account, Token::Region, Token::Partition, Token::Name, Token::Bucket, Token::RoleArn, Token::SourceArn];

    /// Its text in the parts: no value of a valid plan contains it (checked by [`Parts::of`]).
    pub fn text(self) -> &'static str {
        match self {
            Token::Account => "__FW_ACCOUNT__",
            Token::Region => "__FW_REGION__",
            Token::Partition => "__FW_PARTITION__",
            Token::Name => "__FW_NAME__",
            Token::Bucket => "__FW_BUCKET__",
            Token::RoleArn => "__FW_ROLE_ARN__",
            Token::SourceArn => "__FW_SOURCE_ARN__",
        }
    }
}

/// Splits `s` at the tokens: literal text and tokens, in order.
pub fn pieces(s: &str) -> Vec<Result<&str, Token>> {
    let mut out = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        let next = Token::ALL.iter().filter_map(|t| rest.find(t.text()).map(|i| (i, *t))).min_by_key(|(i, _)| *i);
        match next {
            Some((i, t)) => {
                if i > 0 {
                    out.push(Ok(&rest[..i]));
                }
                out.push(Err(t));
                rest = &rest[i + t.text().len()..];
            }
            None => {
                out.push(Ok(rest));
                rest = "";
            }
        }
    }
    out
}

/// `s` with each token replaced by `f`'s text and the literal parts by `lit`'s.
pub fn substitute(s: &str, mut lit: impl FnMut(&str) -> String, mut f: impl FnMut(Token) -> String) -> String {
    pieces(s).into_iter().map(|p| p.map_or_else(&mut f, &mut lit)).collect()
}

/// Whether `s` is exactly one token.
pub fn only(s: &str) -> Option<Token> {
    match pieces(s).as_slice() {
        [Err(t)] => Some(*t),
        _ => None,
    }
}

/// What every format writes, with tokens where the account, Region, partition, names and looked-up ARNs
/// go: the CreateDeliveryStream request (the API's JSON, as `apply` sends it), the role's trust and
/// permissions policies and the policy's name.
#[derive(Debug, Clone)]
pub struct Parts {
    pub request: Value,
    pub trust: Value,
    pub permissions: Value,
    pub policy_name: String,
    /// The role's description, when firehose-wizard creates it.
    pub role_description: String,
    pub log_group: String,
    /// The destination's log stream first, then the backup's.
    pub log_streams: Vec<String>,
}

impl Parts {
    pub fn of(plan: &Plan) -> Result<Parts, ExportError> {
        let mut tokenized = plan.clone();
        tokenized.name = Token::Name.text().into();
        if plan.destination.create_bucket {
            // the backup may go to the destination bucket: it is then the same variable
            if let Some(b) = tokenized.destination.backup.as_mut()
                && b.bucket == plan.destination.bucket
            {
                b.bucket = Token::Bucket.text().into();
            }
            tokenized.destination.bucket = Token::Bucket.text().into();
        }
        let target = Target {
            account: Token::Account.text().into(),
            region: Token::Region.text().into(),
            partition: Token::Partition.text().into(),
        };
        let source = plan.source.kinesis().map(|_| Token::SourceArn.text().to_owned());
        let resolved =
            Resolved { role_arn: Token::RoleArn.text().into(), source_arn: source.clone(), source_key: None };
        let req = request::build(&tokenized, &target, &resolved).map_err(ExportError::Request)?;
        let parts = Parts {
            request: request::to_json(&req),
            trust: policy::trust_policy(Token::Account.text()),
            permissions: policy::permissions_policy(&tokenized, &target, source.as_deref(), None),
            policy_name: policy::inline_policy_name(&tokenized, Token::Region.text()),
            role_description: policy::role_description(Token::Name.text()),
            log_group: request::log_group(&tokenized),
            log_streams: request::log_streams(plan).into_iter().map(str::to_owned).collect(),
        };
        // a plan's own value that looks like a token would be replaced too: refuse it
        let own = serde_json::to_string(plan).unwrap_or_default();
        if let Some(t) = Token::ALL.into_iter().find(|t| own.contains(t.text())) {
            return Err(ExportError::Token(t.text()));
        }
        Ok(parts)
    }
}

/// The role's name, when the plan names one (created, or existing by name or ARN).
pub fn role_name(plan: &Plan) -> &str {
    match &plan.settings.role {
        Role::Create(r) | Role::Existing(r) => crate::plan::names::role_name_of(r),
    }
}

/// Whether the plan puts this stream's policy on the role.
pub fn puts_policy(plan: &Plan) -> bool {
    matches!(plan.settings.role, Role::Create(_)) || plan.settings.add_policy_to_role
}

/// The source stream's name, when it is a Kinesis stream.
pub fn source_name(plan: &Plan) -> Option<&str> {
    match &plan.source {
        Source::DirectPut => None,
        Source::KinesisStream(s) => Some(crate::plan::names::kinesis_stream_name_of(s)),
        Source::NewKinesisStream(n) => Some(&n.name),
    }
}

/// An existing Kinesis source may be encrypted with a KMS key, which an export cannot read: `apply`
/// describes the stream and grants `kms:Decrypt` on its key; an export says so when it writes the
/// role's policy.
pub fn source_key_note(plan: &Plan) -> Option<String> {
    let writes_policy = matches!(plan.settings.role, crate::plan::Role::Create(_)) || plan.settings.add_policy_to_role;
    (matches!(plan.source, crate::plan::Source::KinesisStream(_)) && writes_policy).then(|| {
        "If the source stream is encrypted with a KMS key other than alias/aws/kinesis, the role's policy here lacks kms:Decrypt on it (apply describes the stream and grants it, through Kinesis, for this stream only).".to_owned()
    })
}

/// What the plan creates by a fixed name that `apply` would reuse if it existed, in words (`the role
/// firehose_delivery_role or the log group /aws/kinesisfirehose/NAME`), or `None`.
pub fn created_names(plan: &Plan) -> Option<String> {
    let mut what = Vec::new();
    if plan.destination.create_bucket {
        what.push(format!("the bucket {}", plan.destination.bucket));
    }
    if let Role::Create(r) = &plan.settings.role {
        what.push(format!("the role {r}"));
    }
    if plan.settings.error_logging {
        what.push(format!("the log group {}", request::log_group(plan)));
    }
    if let Source::NewKinesisStream(n) = &plan.source {
        what.push(format!("the Kinesis stream {}", n.name));
    }
    match what.split_last() {
        None => None,
        Some((last, [])) => Some(last.clone()),
        Some((last, rest)) => Some(format!("{} or {last}", rest.join(", "))),
    }
}

/// `s` as JSON text with every character outside ASCII escaped (`\uXXXX`): the same bytes whatever
/// encoding reads it.
pub fn ascii_json(v: &Value) -> String {
    // DEL (ASCII) as \u007f too
    let text = crate::plan::to_json_string_pretty(v);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_split_and_substitute() {
        let s = "arn:__FW_PARTITION__:iam::__FW_ACCOUNT__:role/r";
        assert_eq!(
            pieces(s),
            vec![Ok("arn:"), Err(Token::Partition), Ok(":iam::"), Err(Token::Account), Ok(":role/r")]
        );
        assert_eq!(substitute(s, str::to_owned, |t| format!("<{t:?}>")), "arn:<Partition>:iam::<Account>:role/r");
        assert_eq!(only("__FW_ROLE_ARN__"), Some(Token::RoleArn));
        assert_eq!(only("x__FW_ROLE_ARN__"), None);
    }

    #[test]
    fn a_plan_value_that_looks_like_a_token_is_refused() {
        let mut p = Plan::lab("a1b2c3d4");
        p.destination.prefix = "x/__FW_ACCOUNT__/".into();
        assert_eq!(Parts::of(&p).unwrap_err(), ExportError::Token("__FW_ACCOUNT__"));
    }

    /// Valid but awkward values: names starting with `-`, a source in another account by ARN, a
    /// literal `${` and a DEL in the prefix, a log stream name of the user's.
    #[test]
    fn awkward_values_reach_each_format_intact() {
        let mut p = Plan::lab("a1b2c3d4");
        p.name = "-orders".into();
        p.source = Source::KinesisStream("arn:aws:kinesis:us-east-1:210987654321:stream/shared".into());
        p.destination.prefix = "a\u{7f}b/${AWS::Region}/".into();
        p.settings.role = Role::Create("-role".into());
        p.settings.error_log_stream = Some("-x".into());
        assert!(!crate::plan::validate::has_errors(&crate::plan::validate::validate(&p)));
        let sh = export(&p, Format::Cli).unwrap();
        // `--option=VALUE`: the AWS CLI would take `-role` for an option of its own
        for part in ["--role-name='-role'", "--log-stream-name='-x'", "--delivery-stream-name=\"$STREAM\""] {
            assert!(sh.contains(part), "{part}");
        }
        assert!(!sh.contains("--role-name '"), "every role name is --role-name=...");
        assert!(sh.contains("--stream-arn='arn:aws:kinesis:us-east-1:210987654321:stream/shared'"));
        let tf = export(&p, Format::Terraform).unwrap();
        assert!(tf.contains("kinesis_stream_arn = \"arn:aws:kinesis:us-east-1:210987654321:stream/shared\""), "{tf}");
        assert!(!tf.contains("data \"aws_kinesis_stream\""), "not looked up by name in this account");
        assert!(tf.contains("name = \"-x\"") || tf.contains("name           = \"-x\""), "{tf}");
        let yaml = export(&p, Format::CloudFormation).unwrap();
        assert!(yaml.contains("\"a\\u007fb/$\""), "DEL escaped, the literal split: {yaml}");
        assert!(yaml.contains("\"{AWS::Region}/\""), "{yaml}");
        assert!(yaml.contains("KinesisStreamARN: \"arn:aws:kinesis:us-east-1:210987654321:stream/shared\""), "{yaml}");
    }

    #[test]
    fn ascii_json_escapes_what_is_not_ascii() {
        assert_eq!(ascii_json(&serde_json::json!("데이터 😀")), r#""\ub370\uc774\ud130 \ud83d\ude00""#);
    }
}
