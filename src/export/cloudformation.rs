//! A plan as one CloudFormation template (YAML): the bucket, the role and its inline policy, the log
//! group and log streams, a new Kinesis stream, and the delivery stream, which depends on the policy so
//! that Firehose never sees the role without it. The names a second stack would change (the delivery
//! stream's, a new bucket's, a new role's) are Parameters; what exists already is referred to, never
//! created.

use std::fmt::Write as _;

use serde_json::Value;

use super::{Parts, Token, only, puts_policy, role_name, source_name, substitute};
use crate::plan::{Plan, Role, Source, StreamMode};

/// A YAML node of the template.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Map(Vec<(String, Node)>),
    List(Vec<Node>),
    Str(String),
    /// A number or a boolean, written as it is.
    Plain(String),
    /// A short-form intrinsic function with a scalar argument: `!GetAtt Role.Arn`, `!Ref Name`,
    /// `!Sub "arn:${AWS::Partition}:..."`.
    Tag(&'static str, String),
}

fn map(entries: Vec<(&str, Node)>) -> Node {
    Node::Map(entries.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
}

fn s(v: &str) -> Node {
    Node::Str(v.to_owned())
}

/// `s` as a YAML double-quoted scalar: JSON's escapes are YAML's, and what YAML may not hold raw
/// (DEL, the C1 controls, U+FFFE/U+FFFF) or a terminal should not see raw (format characters, U+2028,
/// U+2029: `plan::escape`) is escaped as `\uXXXX` (`\UXXXXXXXX` above U+FFFF) too.
fn quoted(s: &str) -> String {
    let json = serde_json::to_string(s).expect("a string serialises");
    json.chars()
        .map(|c| match c as u32 {
            0xfffe | 0xffff => format!("\\u{:04x}", c as u32),
            n if crate::plan::needs_escape(c) && n > 0xffff => format!("\\U{n:08x}"),
            n if crate::plan::needs_escape(c) => format!("\\u{n:04x}"),
            _ => c.to_string(),
        })
        .collect()
}

fn scalar(n: &Node) -> Option<String> {
    match n {
        Node::Str(v) => Some(quoted(v)),
        Node::Plain(v) => Some(v.clone()),
        Node::Tag(tag, arg) if *tag == "!Sub" => Some(format!("{tag} {}", quoted(arg))),
        Node::Tag(tag, arg) => Some(format!("{tag} {arg}")),
        Node::Map(m) if m.is_empty() => Some("{}".into()),
        Node::List(l) if l.is_empty() => Some("[]".into()),
        _ => None,
    }
}

fn emit(n: &Node, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match n {
        Node::Map(entries) => {
            for (k, v) in entries {
                let plain = k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                let k = if plain { k.clone() } else { quoted(k) };
                match scalar(v) {
                    Some(text) => {
                        let _ = writeln!(out, "{pad}{k}: {text}");
                    }
                    None => {
                        let _ = writeln!(out, "{pad}{k}:");
                        emit(v, indent + 2, out);
                    }
                }
            }
        }
        Node::List(items) => {
            for item in items {
                match (scalar(item), item) {
                    (Some(text), _) => {
                        let _ = writeln!(out, "{pad}- {text}");
                    }
                    (None, Node::Map(_)) => {
                        // the first entry on the dash's line, the others under it
                        let mut inner = String::new();
                        emit(item, indent + 2, &mut inner);
                        out.push_str(&format!("{pad}- {}", &inner[indent + 2..]));
                    }
                    (None, _) => {
                        let _ = writeln!(out, "{pad}-");
                        emit(item, indent + 2, out);
                    }
                }
            }
        }
        other => {
            let _ = writeln!(out, "{pad}{}", scalar(other).unwrap_or_default());
        }
    }
}

/// The node as YAML text.
pub fn yaml(n: &Node) -> String {
    let mut out = String::new();
    emit(n, 0, &mut out);
    out
}

/// How the template refers to what the plan names.
struct Refs<'a> {
    plan: &'a Plan,
}

impl Refs<'_> {
    /// `${...}` of `!Sub` for a token.
    fn sub(&self, t: Token) -> String {
        match t {
            Token::Account => "${AWS::AccountId}".into(),
            Token::Region => "${AWS::Region}".into(),
            Token::Partition => "${AWS::Partition}".into(),
            Token::Name => "${DeliveryStreamName}".into(),
            Token::Bucket => "${BucketName}".into(),
            Token::RoleArn => match self.role() {
                Node::Tag("!GetAtt", a) => format!("${{{a}}}"),
                Node::Tag(_, a) | Node::Str(a) => a,
                _ => String::new(),
            },
            Token::SourceArn => match self.source() {
                Node::Tag("!GetAtt", a) => format!("${{{a}}}"),
                Node::Tag(_, a) | Node::Str(a) => a,
                _ => String::new(),
            },
        }
    }

    fn role(&self) -> Node {
        match &self.plan.settings.role {
            Role::Create(_) => Node::Tag("!GetAtt", "DeliveryRole.Arn".into()),
            Role::Existing(r) if r.starts_with("arn:") => s(r),
            Role::Existing(r) => {
                Node::Tag("!Sub", format!("arn:${{AWS::Partition}}:iam::${{AWS::AccountId}}:role/{r}"))
            }
        }
    }

    fn source(&self) -> Node {
        match &self.plan.source {
            Source::NewKinesisStream(_) => Node::Tag("!GetAtt", "SourceStream.Arn".into()),
            Source::KinesisStream(k) if k.starts_with("arn:") => s(k),
            Source::KinesisStream(k) => Node::Tag(
                "!Sub",
                format!("arn:${{AWS::Partition}}:kinesis:${{AWS::Region}}:${{AWS::AccountId}}:stream/{k}"),
            ),
            Source::DirectPut => s(""),
        }
    }

    /// A string of the parts: a reference when it is exactly one, `!Sub` when it holds tokens.
    fn string(&self, v: &str) -> Node {
        match only(v) {
            Some(Token::RoleArn) => return self.role(),
            Some(Token::SourceArn) => return self.source(),
            Some(Token::Name) => return Node::Tag("!Ref", "DeliveryStreamName".into()),
            Some(Token::Bucket) => return Node::Tag("!Ref", "BucketName".into()),
            _ => {}
        }
        if v == format!("arn:{}:s3:::{}", Token::Partition.text(), Token::Bucket.text()) {
            return Node::Tag("!GetAtt", "DestinationBucket.Arn".into());
        }
        if super::pieces(v).iter().all(Result::is_ok) {
            if !v.contains("${") {
                return s(v);
            }
            // a literal `${` outside !Sub: CloudFormation keeps it, cfn-lint calls it an error (E1029)
            // and a !Sub without variables a warning (W1020); joined from pieces none holds `${`
            let mut pieces: Vec<Node> = Vec::new();
            let mut rest = v;
            while let Some(i) = rest.find("${") {
                pieces.push(s(&rest[..=i]));
                rest = &rest[i + 1..];
            }
            pieces.push(s(rest));
            return map(vec![("Fn::Join", Node::List(vec![s(""), Node::List(pieces)]))]);
        }
        // `${` of the plan's own text stays literal in !Sub as `${!`
        let text = substitute(v, |lit| lit.replace("${", "${!"), |t| self.sub(t));
        // one whole reference needs no !Sub
        match text
            .strip_prefix("${")
            .and_then(|r| r.strip_suffix('}'))
            .filter(|r| !r.contains(['$', '{', '}']) && !r.starts_with('!'))
        {
            Some(r) if r.contains('.') && !r.starts_with("AWS::") => Node::Tag("!GetAtt", r.to_owned()),
            Some(r) => Node::Tag("!Ref", r.to_owned()),
            None => Node::Tag("!Sub", text),
        }
    }

    /// A JSON value of the parts as a node.
    fn node(&self, v: &Value) -> Node {
        match v {
            Value::Object(o) => Node::Map(o.iter().map(|(k, v)| (k.clone(), self.node(v))).collect()),
            Value::Array(a) => Node::List(a.iter().map(|v| self.node(v)).collect()),
            Value::String(x) => self.string(x),
            Value::Null => Node::Plain("null".into()),
            other => Node::Plain(other.to_string()),
        }
    }
}

/// What the template does not do that `apply` does, for this plan.
fn notes(plan: &Plan) -> Vec<String> {
    let mut out = Vec::new();
    if plan.destination.create_bucket {
        out.push(
            "The bucket is kept when the stack is deleted (DeletionPolicy: Retain): it may hold the stream's data."
                .to_owned(),
        );
    }
    if let Role::Existing(r) = &plan.settings.role
        && !r.starts_with("arn:")
    {
        out.push(format!("The existing role {r} is referred to at the path / (arn:...:role/{r}); give its ARN in the plan if it has another path."));
    }
    if let Role::Existing(_) = plan.settings.role
        && !plan.settings.add_policy_to_role
    {
        out.push("The existing role's permissions are not checked (apply lists what they lack).".into());
    }
    out.extend(super::source_key_note(plan));
    if let Some(what) = super::created_names(plan) {
        out.push(format!("CloudFormation creates, never adopts: if {what} exists already (apply would reuse it), the stack fails; import it into the stack, or remove it first."));
    }
    let d = &plan.destination;
    if d.file_extension.is_some() || d.time_zone.is_some() {
        out.push(
            "FileExtension and CustomTimeZone are write-only in CloudFormation: drift detection does not see them."
                .into(),
        );
    }
    out
}

pub fn template(plan: &Plan, parts: &Parts) -> String {
    let refs = Refs { plan };
    let version = env!("CARGO_PKG_VERSION");
    let mut parameters = vec![(
        "DeliveryStreamName",
        map(vec![
            ("Type", s("String")),
            ("Default", s(&plan.name)),
            ("Description", s("The delivery stream's name (1-64 of a-z A-Z 0-9 _ . -)")),
            ("AllowedPattern", s("[a-zA-Z0-9._-]{1,64}")),
        ]),
    )];
    if let Role::Create(name) = &plan.settings.role {
        parameters.push((
            "RoleName",
            map(vec![
                ("Type", s("String")),
                ("Default", s(name)),
                ("Description", s("The new role's name: role names are per account, one per stack")),
                ("AllowedPattern", s("[\\w+=,.@-]{1,64}")),
            ]),
        ));
    }
    if plan.destination.create_bucket {
        parameters.push((
            "BucketName",
            map(vec![
                ("Type", s("String")),
                ("Default", s(&plan.destination.bucket)),
                ("Description", s("The new bucket's name: bucket names are global, one per stack")),
                ("AllowedPattern", s("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")),
            ]),
        ));
    }

    let mut resources: Vec<(String, Node)> = Vec::new();
    let mut add = |name: &str, node: Node| resources.push((name.to_owned(), node));
    if let Source::NewKinesisStream(n) = &plan.source {
        let mut props = vec![
            ("Name", s(&n.name)),
            (
                "StreamModeDetails",
                map(vec![(
                    "StreamMode",
                    s(match n.mode {
                        StreamMode::OnDemand => "ON_DEMAND",
                        StreamMode::Provisioned => "PROVISIONED",
                    }),
                )]),
            ),
        ];
        if let (StreamMode::Provisioned, Some(k)) = (n.mode, n.shards) {
            props.push(("ShardCount", Node::Plain(k.to_string())));
        }
        add("SourceStream", map(vec![("Type", s("AWS::Kinesis::Stream")), ("Properties", map(props))]));
    }
    if plan.destination.create_bucket {
        add(
            "DestinationBucket",
            map(vec![
                ("Type", s("AWS::S3::Bucket")),
                ("DeletionPolicy", s("Retain")),
                ("UpdateReplacePolicy", s("Retain")),
                ("Properties", map(vec![("BucketName", Node::Tag("!Ref", "BucketName".into()))])),
            ]),
        );
    }
    let mut depends = Vec::new();
    if !parts.log_streams.is_empty() {
        add(
            "ErrorLogGroup",
            map(vec![
                ("Type", s("AWS::Logs::LogGroup")),
                ("Properties", map(vec![("LogGroupName", refs.string(&parts.log_group))])),
            ]),
        );
        // named by what they log, the destination's errors first: a log stream's name may hold
        // characters a logical id may not
        for (stream, id) in parts.log_streams.iter().zip(["ErrorLogStreamDelivery", "ErrorLogStreamBackup"]) {
            add(
                id,
                map(vec![
                    ("Type", s("AWS::Logs::LogStream")),
                    (
                        "Properties",
                        map(vec![
                            ("LogGroupName", Node::Tag("!Ref", "ErrorLogGroup".into())),
                            ("LogStreamName", s(stream)),
                        ]),
                    ),
                ]),
            );
            depends.push(Node::Str(id.into()));
        }
    }
    if let Role::Create(_) = &plan.settings.role {
        add(
            "DeliveryRole",
            map(vec![
                ("Type", s("AWS::IAM::Role")),
                (
                    "Properties",
                    map(vec![
                        ("RoleName", Node::Tag("!Ref", "RoleName".into())),
                        ("Description", refs.string(&parts.role_description)),
                        ("AssumeRolePolicyDocument", refs.node(&parts.trust)),
                    ]),
                ),
            ]),
        );
    }
    if puts_policy(plan) {
        let role = match plan.settings.role {
            Role::Create(_) => Node::Tag("!Ref", "DeliveryRole".into()),
            Role::Existing(_) => s(role_name(plan)),
        };
        add(
            "DeliveryPolicy",
            map(vec![
                ("Type", s("AWS::IAM::RolePolicy")),
                (
                    "Properties",
                    map(vec![
                        ("RoleName", role),
                        ("PolicyName", refs.string(&parts.policy_name)),
                        ("PolicyDocument", refs.node(&parts.permissions)),
                    ]),
                ),
            ]),
        );
        depends.insert(0, s("DeliveryPolicy"));
    }
    // the request's members are CloudFormation's property names; the type sets the source
    let mut props: Vec<(String, Node)> = Vec::new();
    if let Value::Object(request) = &parts.request {
        for (k, v) in request {
            props.push((k.clone(), refs.node(v)));
        }
    }
    let mut stream = vec![("Type", s("AWS::KinesisFirehose::DeliveryStream"))];
    if !depends.is_empty() {
        stream.push(("DependsOn", Node::List(depends)));
    }
    stream.push(("Properties", Node::Map(props)));
    add("DeliveryStream", map(stream));

    let mut outputs =
        vec![("DeliveryStreamArn", map(vec![("Value", Node::Tag("!GetAtt", "DeliveryStream.Arn".into()))]))];
    if plan.destination.create_bucket {
        outputs.push(("BucketArn", map(vec![("Value", Node::Tag("!GetAtt", "DestinationBucket.Arn".into()))])));
    }
    if let Role::Create(_) = plan.settings.role {
        outputs.push(("RoleArn", map(vec![("Value", Node::Tag("!GetAtt", "DeliveryRole.Arn".into()))])));
    }
    if let (Source::NewKinesisStream(_), Some(_)) = (&plan.source, source_name(plan)) {
        outputs.push(("SourceStreamArn", map(vec![("Value", Node::Tag("!GetAtt", "SourceStream.Arn".into()))])));
    }

    let template = map(vec![
        ("AWSTemplateFormatVersion", s("2010-09-09")),
        (
            "Description",
            s(&format!(
                "The Amazon Data Firehose delivery stream {} (exported by firehose-wizard {version})",
                plan.name
            )),
        ),
        ("Parameters", map(parameters)),
        ("Resources", Node::Map(resources)),
        ("Outputs", map(outputs)),
    ]);
    let capabilities =
        if matches!(plan.settings.role, Role::Create(_)) { " --capabilities CAPABILITY_NAMED_IAM" } else { "" };
    let mut out = format!(
        "# The Amazon Data Firehose delivery stream {name}: what `firehose-wizard apply` creates, as a\n\
         # CloudFormation template. Exported by firehose-wizard {version}.\n\
         #\n\
         #   aws cloudformation deploy --template-file {file} --stack-name {name}{capabilities}\n",
        name = plan.name,
        file = super::Format::CloudFormation.file_name(plan),
    );
    for n in notes(plan) {
        let _ = writeln!(out, "#\n# Note: {n}");
    }
    out.push_str(&yaml(&template));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_of_maps_lists_and_tags() {
        let n = map(vec![
            ("A", s("x\"y")),
            ("B", Node::List(vec![map(vec![("K", s("k")), ("V", Node::Plain("1".into()))]), s("z")])),
            ("C", Node::Tag("!GetAtt", "R.Arn".into())),
            ("D", Node::Tag("!Sub", "arn:${AWS::Partition}".into())),
            ("E", Node::Map(vec![])),
        ]);
        assert_eq!(
            yaml(&n),
            "A: \"x\\\"y\"\nB:\n  - K: \"k\"\n    V: 1\n  - \"z\"\nC: !GetAtt R.Arn\nD: !Sub \"arn:${AWS::Partition}\"\nE: {}\n"
        );
    }

    #[test]
    fn strings_with_tokens_become_references() {
        let plan = Plan::lab("a1b2c3d4");
        let refs = Refs { plan: &plan };
        assert_eq!(refs.string("__FW_ROLE_ARN__"), Node::Tag("!GetAtt", "DeliveryRole.Arn".into()));
        assert_eq!(
            refs.string("arn:__FW_PARTITION__:s3:::__FW_BUCKET__"),
            Node::Tag("!GetAtt", "DestinationBucket.Arn".into())
        );
        assert_eq!(
            refs.string("arn:__FW_PARTITION__:s3:::__FW_BUCKET__/*"),
            Node::Tag("!Sub", "arn:${AWS::Partition}:s3:::${BucketName}/*".into())
        );
        // a literal `${` alone: joined from pieces that hold none (cfn-lint E1029, W1020)
        assert_eq!(
            refs.string("a${b}"),
            map(vec![("Fn::Join", Node::List(vec![s(""), Node::List(vec![s("a$"), s("{b}")])]))])
        );
        assert_eq!(refs.string("__FW_NAME__/${x}"), Node::Tag("!Sub", "${DeliveryStreamName}/${!x}".into()));
    }
}
