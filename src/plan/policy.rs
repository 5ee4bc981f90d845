//! The IAM role's trust policy and its least-privilege permissions policy, from the Plan
//! (aws-rules.md §5; https://docs.aws.amazon.com/firehose/latest/dev/controlling-access.html).

use serde_json::{Value, json};

use super::Plan;
use super::names::Arn;
use super::request::{Target, bucket_arn, log_group, log_streams};

/// IAM's cap on a role's inline policies, in non-whitespace characters.
pub const INLINE_POLICY_QUOTA: usize = 10_240;

/// The name of this stream's inline policy on the role. One name per stream and Region (IAM is global,
/// stream names are unique only per Region): re-applying overwrites it, several streams sharing
/// `firehose_delivery_role` each keep exactly one policy, and a same-named stream in another Region
/// never loses its own.
pub fn inline_policy_name(plan: &Plan, region: &str) -> String {
    format!("firehose-wizard-{region}-{}", plan.name)
}

/// The description of a role firehose-wizard creates (stored in IAM, in English).
pub fn role_description(stream: &str) -> String {
    format!("Lets Amazon Data Firehose deliver {stream} (made by firehose-wizard)")
}

/// Lets Firehose, and only on behalf of this account (confused-deputy protection), assume the role.
pub fn trust_policy(account: &str) -> Value {
    json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "FirehoseAssumeRole",
            "Effect": "Allow",
            "Principal": { "Service": "firehose.amazonaws.com" },
            "Action": "sts:AssumeRole",
            "Condition": { "StringEquals": { "sts:ExternalId": account } }
        }]
    })
}

/// What this stream needs, on its exact ARNs: write to the bucket (and the backup bucket), read the
/// source stream, invoke the Lambda, read the Glue table, use the KMS key for S3, write its error logs.
/// `source_arn` is the Kinesis stream's ARN (as resolved), `None` for Direct PUT; `source_key` the KMS
/// key the stream is encrypted with, as Kinesis names it (`KeyId`), when it is.
pub fn permissions_policy(plan: &Plan, target: &Target, source_arn: Option<&str>, source_key: Option<&str>) -> Value {
    let p = &target.partition;
    let mut buckets = vec![plan.destination.bucket.clone()];
    if let Some(b) = &plan.destination.backup
        && !buckets.contains(&b.bucket)
    {
        buckets.push(b.bucket.clone());
    }
    let mut resources = Vec::new();
    for b in &buckets {
        let arn = bucket_arn(b, p);
        resources.push(format!("{arn}/*"));
        resources.insert(resources.len() - 1, arn);
    }
    let mut statements = vec![json!({
        "Sid": "S3Delivery",
        "Effect": "Allow",
        "Action": [
            "s3:AbortMultipartUpload",
            "s3:GetBucketLocation",
            "s3:GetObject",
            "s3:ListBucket",
            "s3:ListBucketMultipartUploads",
            "s3:PutObject"
        ],
        "Resource": resources
    })];
    if let Some(arn) = source_arn {
        statements.push(json!({
            "Sid": "KinesisSource",
            "Effect": "Allow",
            "Action": [
                "kinesis:DescribeStream",
                "kinesis:GetShardIterator",
                "kinesis:GetRecords",
                "kinesis:ListShards"
            ],
            "Resource": arn
        }));
        if let Some(key) = source_key.and_then(|k| source_key_statement(k, arn, &target.partition)) {
            statements.push(key);
        }
    }
    if let Some(l) = &plan.process.lambda {
        statements.push(json!({
            "Sid": "LambdaTransform",
            "Effect": "Allow",
            "Action": ["lambda:InvokeFunction", "lambda:GetFunctionConfiguration"],
            "Resource": l.function_arn
        }));
    }
    if let Some(c) = &plan.process.format_conversion {
        let region = c.glue_region.as_deref().unwrap_or(&target.region);
        let base = format!("arn:{p}:glue:{region}:{}", target.account);
        statements.push(json!({
            "Sid": "GlueSchema",
            "Effect": "Allow",
            "Action": ["glue:GetTable", "glue:GetTableVersion", "glue:GetTableVersions"],
            "Resource": [
                format!("{base}:catalog"),
                format!("{base}:database/{}", c.glue_database),
                format!("{base}:table/{}/{}", c.glue_database, c.glue_table)
            ]
        }));
    }
    if let Some(e) = &plan.settings.encryption
        && let Some(key) = Arn::parse(&e.kms_key_arn)
    {
        let mut condition = json!({
            "StringEquals": { "kms:ViaService": format!("s3.{}.amazonaws.com", key.region) },
            "StringLike": { "kms:EncryptionContext:aws:s3:arn": buckets.iter().map(|b| format!("{}/*", bucket_arn(b, p))).collect::<Vec<_>>() }
        });
        // a policy cannot name a key by its alias: name every key of the account, narrowed to the alias
        let resource = match key.resource.strip_prefix("alias/") {
            Some(_) => {
                condition["ForAnyValue:StringEquals"] = json!({ "kms:ResourceAliases": key.resource });
                format!("arn:{}:kms:{}:{}:key/*", key.partition, key.region, key.account)
            }
            None => e.kms_key_arn.clone(),
        };
        statements.push(json!({
            "Sid": "S3Encryption",
            "Effect": "Allow",
            "Action": ["kms:Decrypt", "kms:GenerateDataKey"],
            "Resource": resource,
            "Condition": condition
        }));
    }
    let streams = log_streams(plan);
    if !streams.is_empty() {
        let group = log_group(plan);
        let arns: Vec<String> = streams
            .iter()
            .map(|s| format!("arn:{p}:logs:{}:{}:log-group:{group}:log-stream:{s}", target.region, target.account))
            .collect();
        statements.push(json!({
            "Sid": "ErrorLogging",
            "Effect": "Allow",
            "Action": ["logs:PutLogEvents"],
            "Resource": arns
        }));
    }
    json!({ "Version": "2012-10-17", "Statement": statements })
}

/// The alias of the KMS key AWS manages for Kinesis: its key policy lets every principal of the account
/// use it through Kinesis, so a role needs no grant of its own (Kinesis Data Streams guide,
/// "Permissions to use user-generated KMS keys").
pub const KINESIS_AWS_KEY: &str = "alias/aws/kinesis";

/// What a role needs to read a Kinesis stream encrypted with the KMS key `key_id` (Kinesis's `KeyId`:
/// a key ARN, a key id, an alias name or an alias ARN): `kms:Decrypt` on exactly that key, only through
/// Kinesis in the stream's Region and only for this stream (the encryption context Kinesis passes is
/// the stream's ARN). A policy cannot name a key by its alias: an alias names every key of its account
/// and Region, narrowed to the alias by `kms:ResourceAliases`, as for S3's key. `None` for the key AWS
/// manages for Kinesis, which needs no grant.
pub fn source_key_statement(key_id: &str, stream_arn: &str, partition: &str) -> Option<Value> {
    let stream = Arn::parse(stream_arn)?;
    let (region, account) = (stream.region, stream.account);
    let (arn_region, arn_account, resource) = match Arn::parse(key_id) {
        Some(k) => (k.region.to_owned(), k.account.to_owned(), k.resource.to_owned()),
        None if key_id.starts_with("alias/") => (region.to_owned(), account.to_owned(), key_id.to_owned()),
        None => (region.to_owned(), account.to_owned(), format!("key/{key_id}")),
    };
    if resource == KINESIS_AWS_KEY {
        return None;
    }
    let mut condition = json!({
        "StringEquals": {
            "kms:ViaService": format!("kinesis.{region}.amazonaws.com"),
            "kms:EncryptionContext:aws:kinesis:arn": stream_arn
        }
    });
    let resource = if resource.starts_with("alias/") {
        condition["ForAnyValue:StringEquals"] = json!({ "kms:ResourceAliases": resource });
        format!("arn:{partition}:kms:{arn_region}:{arn_account}:key/*")
    } else {
        format!("arn:{partition}:kms:{arn_region}:{arn_account}:{resource}")
    };
    Some(json!({
        "Sid": "KinesisSourceDecrypt",
        "Effect": "Allow",
        "Action": "kms:Decrypt",
        "Resource": resource,
        "Condition": condition
    }))
}

/// One permission a stream needs that a role's policies do not grant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missing {
    pub action: String,
    pub resource: String,
}

impl std::fmt::Display for Missing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", msg!("missing-permission", action = self.action.as_str(), resource = self.resource.as_str()))
    }
}

/// What this plan's stream needs (its [`permissions_policy`]) that `granted` does not allow.
pub fn missing_for(
    plan: &Plan,
    target: &Target,
    source_arn: Option<&str>,
    source_key: Option<&str>,
    granted: &[Value],
) -> Vec<Missing> {
    missing_permissions(&permissions_policy(plan, target, source_arn, source_key), granted)
}

/// The (action, resource) pairs of `needed` that `granted` (a role's policy documents) do not allow:
/// no Allow statement covers them, or a Deny statement does. Wildcards `*` and `?` are honoured in
/// actions (case-insensitively) and resources; conditions are not evaluated (an Allow with a condition
/// counts as granting), so this finds what is surely missing, not everything that might be.
pub fn missing_permissions(needed: &Value, granted: &[Value]) -> Vec<Missing> {
    let statements: Vec<&Value> = granted.iter().flat_map(statements_of).collect();
    let mut out = Vec::new();
    for s in statements_of(needed) {
        for action in strings(s.get("Action")) {
            for resource in strings(s.get("Resource")) {
                let covers = |st: &&Value| {
                    let action_ok = match (st.get("Action"), st.get("NotAction")) {
                        (Some(a), _) => {
                            strings(Some(a)).iter().any(|p| wildcard(&p.to_lowercase(), &action.to_lowercase()))
                        }
                        (None, Some(na)) => {
                            !strings(Some(na)).iter().any(|p| wildcard(&p.to_lowercase(), &action.to_lowercase()))
                        }
                        _ => false,
                    };
                    let resource_ok = match (st.get("Resource"), st.get("NotResource")) {
                        (Some(r), _) => strings(Some(r)).iter().any(|p| wildcard(p, &resource)),
                        (None, Some(nr)) => !strings(Some(nr)).iter().any(|p| wildcard(p, &resource)),
                        _ => false,
                    };
                    action_ok && resource_ok
                };
                let effect = |st: &&&Value, e: &str| st.get("Effect").and_then(Value::as_str) == Some(e);
                let allowed = statements.iter().filter(|st| effect(st, "Allow")).any(&covers);
                let denied =
                    statements.iter().filter(|st| effect(st, "Deny") && st.get("Condition").is_none()).any(&covers);
                if !allowed || denied {
                    out.push(Missing { action: action.clone(), resource: resource.clone() });
                }
            }
        }
    }
    out
}

fn statements_of(doc: &Value) -> Vec<&Value> {
    match doc.get("Statement") {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(s @ Value::Object(_)) => vec![s],
        _ => Vec::new(),
    }
}

fn strings(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a.iter().filter_map(|x| x.as_str().map(str::to_owned)).collect(),
        _ => Vec::new(),
    }
}

/// IAM's glob: `*` any run of characters, `?` any one character.
fn wildcard(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti, mut star, mut mark) = (0, 0, None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// Whether a trust policy lets `firehose.amazonaws.com` call `sts:AssumeRole` (an Allow statement whose
/// Service principal and Action name it, as a string or in a list).
pub fn trusts_firehose(doc: &Value) -> bool {
    let names = |v: Option<&Value>, want: &str| match v {
        Some(Value::String(s)) => s == want || s == "*",
        Some(Value::Array(a)) => a.iter().any(|x| x.as_str().is_some_and(|s| s == want || s == "*")),
        _ => false,
    };
    let statements = match doc.get("Statement") {
        Some(Value::Array(a)) => a.iter().collect::<Vec<_>>(),
        Some(s @ Value::Object(_)) => vec![s],
        _ => return false,
    };
    statements.iter().any(|s| {
        s.get("Effect").and_then(Value::as_str) == Some("Allow")
            && names(s.get("Action"), "sts:AssumeRole")
            && names(s.get("Principal").and_then(|p| p.get("Service")), "firehose.amazonaws.com")
    })
}

/// Whom else a role's trust policy lets assume it, besides `firehose.amazonaws.com` acting for
/// `account`: each other principal (`AWS arn:aws:iam::999999999999:root`, `Service lambda.amazonaws.com`,
/// `*`), a `NotPrincipal`, and Firehose acting for another account (an `sts:ExternalId`,
/// `aws:SourceAccount` or `aws:SourceArn` condition that names, or may match, another account).
/// Empty: only Firehose, for this account, may assume it (conditions on other keys only narrow that).
/// Only Allow statements whose actions include assuming a role count.
pub fn trust_extras(doc: &Value, account: &str) -> Vec<String> {
    const ASSUME: [&str; 3] = ["sts:assumerole", "sts:assumerolewithsaml", "sts:assumerolewithwebidentity"];
    let mut out: Vec<String> = Vec::new();
    let mut add = |s: String| {
        if !out.contains(&s) {
            out.push(s);
        }
    };
    for st in statements_of(doc) {
        if st.get("Effect").and_then(Value::as_str) != Some("Allow") {
            continue;
        }
        let assumes = match (st.get("Action"), st.get("NotAction")) {
            (Some(a), _) => strings(Some(a)).iter().any(|p| ASSUME.iter().any(|x| wildcard(&p.to_lowercase(), x))),
            (None, Some(na)) => {
                ASSUME.iter().any(|x| !strings(Some(na)).iter().any(|p| wildcard(&p.to_lowercase(), x)))
            }
            _ => false,
        };
        if !assumes {
            continue;
        }
        if let Some(np) = st.get("NotPrincipal") {
            add(format!("NotPrincipal {np}"));
        }
        let mut firehose = false;
        match st.get("Principal") {
            Some(Value::String(s)) => add(s.clone()),
            Some(Value::Object(kinds)) => {
                for (kind, values) in kinds {
                    for v in strings(Some(values)) {
                        if kind == "Service" && v == "firehose.amazonaws.com" {
                            firehose = true;
                        } else {
                            add(format!("{kind} {v}"));
                        }
                    }
                }
            }
            Some(other) => add(other.to_string()),
            None => {}
        }
        if firehose {
            for extra in foreign_accounts(st.get("Condition"), account) {
                add(format!("Service firehose.amazonaws.com ({extra})"));
            }
        }
    }
    out
}

/// The conditions of a statement that let it apply on behalf of an account other than `account`:
/// `sts:ExternalId` or `aws:SourceAccount` naming another (or a pattern, or a negation), `aws:SourceArn`
/// of another account.
fn foreign_accounts(condition: Option<&Value>, account: &str) -> Vec<String> {
    let mut out = Vec::new();
    let Some(Value::Object(ops)) = condition else { return out };
    for (op, keys) in ops {
        let Value::Object(keys) = keys else { continue };
        let base =
            op.trim_start_matches("ForAnyValue:").trim_start_matches("ForAllValues:").trim_end_matches("IfExists");
        let negated = base.contains("Not");
        let pattern = base.ends_with("Like");
        for (key, values) in keys {
            let key_l = key.to_lowercase();
            let names_account: fn(&str) -> String = match key_l.as_str() {
                "sts:externalid" | "aws:sourceaccount" => |v: &str| v.to_owned(),
                "aws:sourcearn" => |v: &str| v.split(':').nth(4).unwrap_or_default().to_owned(),
                _ => continue,
            };
            for v in strings(Some(values)) {
                let named = names_account(&v);
                let wild = pattern && (named.contains('*') || named.contains('?'));
                if negated || wild || named != account {
                    out.push(format!("{op} {key} {v}"));
                }
            }
        }
    }
    out
}

/// IAM returns policy documents URL-encoded (RFC 3986); this decodes and parses one.
pub fn decode_policy_document(encoded: &str) -> Option<Value> {
    let text = percent_encoding::percent_decode_str(encoded).decode_utf8().ok()?;
    serde_json::from_str(&text).ok()
}

/// Size of a policy as IAM counts it against the inline-policy quota.
pub fn non_whitespace_len(doc: &Value) -> usize {
    doc.to_string().chars().filter(|c| !c.is_whitespace()).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Source;

    fn target() -> Target {
        Target { account: "123456789012".into(), region: "us-east-1".into(), partition: "aws".into() }
    }

    #[test]
    fn trust_policy_is_firehose_only_for_this_account() {
        let t = trust_policy("123456789012");
        assert!(trusts_firehose(&t));
        assert_eq!(t["Statement"][0]["Condition"]["StringEquals"]["sts:ExternalId"], "123456789012");
        assert_eq!(t["Statement"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn lab_permissions_are_exactly_bucket_and_stream() {
        let plan = Plan::lab("12345678");
        let arn = "arn:aws:kinesis:us-east-1:123456789012:stream/retail-trans";
        let p = permissions_policy(&plan, &target(), Some(arn), None);
        assert_eq!(
            p,
            json!({"Version":"2012-10-17","Statement":[
                {"Sid":"S3Delivery","Effect":"Allow","Action":["s3:AbortMultipartUpload","s3:GetBucketLocation","s3:GetObject","s3:ListBucket","s3:ListBucketMultipartUploads","s3:PutObject"],
                 "Resource":["arn:aws:s3:::aws-analytics-immersion-day-12345678","arn:aws:s3:::aws-analytics-immersion-day-12345678/*"]},
                {"Sid":"KinesisSource","Effect":"Allow","Action":["kinesis:DescribeStream","kinesis:GetShardIterator","kinesis:GetRecords","kinesis:ListShards"],
                 "Resource":"arn:aws:kinesis:us-east-1:123456789012:stream/retail-trans"},
                {"Sid":"ErrorLogging","Effect":"Allow","Action":["logs:PutLogEvents"],
                 "Resource":["arn:aws:logs:us-east-1:123456789012:log-group:/aws/kinesisfirehose/retail-trans:log-stream:S3Delivery"]}]})
        );
        assert!(!p.to_string().contains("\"*\""), "nothing on Resource \"*\"");
        assert!(non_whitespace_len(&p) < INLINE_POLICY_QUOTA / 10);
    }

    #[test]
    fn an_encrypted_source_gets_decrypt_on_exactly_its_key_through_kinesis() {
        let plan = Plan::lab("12345678");
        let arn = "arn:aws:kinesis:us-east-1:123456789012:stream/retail-trans";
        let key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        let p = permissions_policy(&plan, &target(), Some(arn), Some(key));
        let st =
            p["Statement"].as_array().unwrap().iter().find(|s| s["Sid"] == "KinesisSourceDecrypt").unwrap().clone();
        assert_eq!(
            st,
            json!({"Sid":"KinesisSourceDecrypt","Effect":"Allow","Action":"kms:Decrypt","Resource":key,
                   "Condition":{"StringEquals":{"kms:ViaService":"kinesis.us-east-1.amazonaws.com",
                                                "kms:EncryptionContext:aws:kinesis:arn":arn}}})
        );
        // a key id alone is of the stream's account and Region
        let by_id = source_key_statement("1234abcd-12ab-34cd-56ef-1234567890ab", arn, "aws").unwrap();
        assert_eq!(by_id["Resource"], key);
        // an alias: the account's keys, narrowed to the alias
        let alias = source_key_statement("alias/retail", arn, "aws").unwrap();
        assert_eq!(alias["Resource"], "arn:aws:kms:us-east-1:123456789012:key/*");
        assert_eq!(alias["Condition"]["ForAnyValue:StringEquals"]["kms:ResourceAliases"], "alias/retail");
        // the key AWS manages for Kinesis needs no grant
        assert_eq!(source_key_statement("alias/aws/kinesis", arn, "aws"), None);
        assert_eq!(source_key_statement("arn:aws:kms:us-east-1:123456789012:alias/aws/kinesis", arn, "aws"), None);
        let plain = permissions_policy(&plan, &target(), Some(arn), None);
        assert!(!plain.to_string().contains("kms:"), "an unencrypted source: no KMS statement");
    }

    #[test]
    fn direct_put_has_no_kinesis_statement_and_partition_is_honoured() {
        let mut plan = Plan::lab("12345678");
        plan.source = Source::DirectPut;
        let t = Target { partition: "aws-cn".into(), region: "cn-north-1".into(), ..target() };
        plan.settings.error_logging = false;
        let p = permissions_policy(&plan, &t, None, None);
        assert_eq!(p["Statement"].as_array().unwrap().len(), 1);
        assert_eq!(p["Statement"][0]["Resource"][0], "arn:aws-cn:s3:::aws-analytics-immersion-day-12345678");
    }

    #[test]
    fn recognises_trust_in_its_many_spellings() {
        let one = json!({"Statement":{"Effect":"Allow","Principal":{"Service":["ec2.amazonaws.com","firehose.amazonaws.com"]},"Action":["sts:AssumeRole"]}});
        assert!(trusts_firehose(&one));
        let deny = json!({"Statement":[{"Effect":"Deny","Principal":{"Service":"firehose.amazonaws.com"},"Action":"sts:AssumeRole"}]});
        assert!(!trusts_firehose(&deny));
        let other = json!({"Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]});
        assert!(!trusts_firehose(&other));
        assert!(!trusts_firehose(&json!({})));
    }

    #[test]
    fn only_firehose_for_this_account_is_no_extra_principal() {
        let a = "123456789012";
        assert_eq!(trust_extras(&trust_policy(a), a), Vec::<String>::new(), "firehose-wizard's own trust");
        let console = json!({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"firehose.amazonaws.com"},
            "Action":"sts:AssumeRole","Condition":{"StringEquals":{"sts:ExternalId":"123456789012"}}}]});
        assert!(trust_extras(&console, a).is_empty(), "the console's, with AWS's documented condition");
        let bare = json!({"Statement":{"Effect":"Allow","Principal":{"Service":["firehose.amazonaws.com"]},"Action":"sts:AssumeRole"}});
        assert!(trust_extras(&bare, a).is_empty(), "no condition at all");
        let arn = json!({"Statement":[{"Effect":"Allow","Principal":{"Service":"firehose.amazonaws.com"},"Action":"sts:AssumeRole",
            "Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:firehose:us-east-1:123456789012:deliverystream/*"},
                         "StringEquals":{"aws:SourceAccount":"123456789012"}}},
            {"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole"},
            {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},"Action":"sts:TagSession"}]});
        assert!(trust_extras(&arn, a).is_empty(), "Deny and non-assuming actions do not count");
    }

    #[test]
    fn every_other_principal_is_named() {
        let a = "123456789012";
        let doc = json!({"Statement":[
            {"Effect":"Allow","Principal":{"Service":"firehose.amazonaws.com"},"Action":"sts:AssumeRole"},
            {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::999999999999:root"},"Action":"sts:AssumeRole"},
            {"Effect":"Allow","Principal":{"Service":["lambda.amazonaws.com","firehose.amazonaws.com"]},"Action":["sts:*"]},
            {"Effect":"Allow","Principal":"*","Action":"*"},
            {"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"},
            {"Effect":"Allow","Principal":{"Federated":"cognito-identity.amazonaws.com"},"Action":"sts:AssumeRoleWithWebIdentity"}]});
        assert_eq!(
            trust_extras(&doc, a),
            [
                "AWS arn:aws:iam::999999999999:root",
                "Service lambda.amazonaws.com",
                "*",
                "NotPrincipal {\"AWS\":\"arn:aws:iam::123456789012:root\"}",
                "Federated cognito-identity.amazonaws.com"
            ]
        );
    }

    #[test]
    fn firehose_on_behalf_of_another_account_is_named() {
        let a = "123456789012";
        let cond = |c: Value| json!({"Statement":[{"Effect":"Allow","Principal":{"Service":"firehose.amazonaws.com"},"Action":"sts:AssumeRole","Condition":c}]});
        let other = trust_extras(&cond(json!({"StringEquals":{"sts:ExternalId":"999999999999"}})), a);
        assert_eq!(other, ["Service firehose.amazonaws.com (StringEquals sts:ExternalId 999999999999)"]);
        assert_eq!(trust_extras(&cond(json!({"StringLike":{"sts:ExternalId":"*"}})), a).len(), 1, "a pattern");
        assert_eq!(trust_extras(&cond(json!({"StringNotEquals":{"aws:SourceAccount":"123456789012"}})), a).len(), 1);
        let arn = cond(json!({"ArnLike":{"aws:SourceArn":"arn:aws:firehose:*:999999999999:deliverystream/*"}}));
        assert_eq!(trust_extras(&arn, a).len(), 1);
        let both = cond(json!({"StringEquals":{"sts:ExternalId":["123456789012","999999999999"]}}));
        assert_eq!(trust_extras(&both, a).len(), 1, "one of the values is another account");
    }

    #[test]
    fn decodes_iam_url_encoding() {
        let enc = "%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22firehose.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D";
        assert!(trusts_firehose(&decode_policy_document(enc).unwrap()));
        assert_eq!(decode_policy_document("%7Bnot json"), None);
    }

    #[test]
    fn policy_name_is_per_stream_and_valid_for_iam() {
        let mut plan = Plan::lab("x");
        plan.name = "s".repeat(64);
        let name = inline_policy_name(&plan, "ap-southeast-2");
        assert_ne!(name, inline_policy_name(&plan, "us-east-1"), "the Region is part of the name");
        assert!(name.len() <= 128);
        assert!(name.chars().all(|c| c.is_ascii_alphanumeric() || "_+=,.@-".contains(c)));
    }
}
