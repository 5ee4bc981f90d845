//! A plan as Terraform configuration (HCL) for the `hashicorp/aws` provider: `aws_s3_bucket`,
//! `aws_iam_role` and `aws_iam_role_policy`, the log group and streams, `aws_kinesis_stream`, and
//! `aws_kinesis_firehose_delivery_stream` with `extended_s3_configuration`, referring to each other as
//! Terraform would. What exists already is read with a data source, never created.

use std::fmt::Write as _;

use serde_json::Value;

use super::{Parts, Token, ascii_json, only, puts_policy, role_name, source_name, substitute};
use crate::plan::{Plan, Role, Source, StreamMode};

/// The provider version the configuration asks for: 5.x has every argument used here (5.100 is the
/// version it was checked with).
const PROVIDER: &str = ">= 5.80";

/// An HCL expression.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A quoted template; its text is already escaped (`$${`, `\"`).
    Str(String),
    /// A reference, a number or a boolean, written as it is.
    Raw(String),
    /// A `<<-EOT` heredoc template (policy documents).
    Heredoc(String),
    /// `{ key = "value", ... }`.
    Object(Vec<(String, Expr)>),
    /// `[a, b]`.
    List(Vec<Expr>),
}

/// A block: `resource "type" "name" { ... }`, or a nested one.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub head: String,
    pub body: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Attr(String, Expr),
    Block(Block),
}

fn attr(name: &str, e: Expr) -> Item {
    Item::Attr(name.to_owned(), e)
}

fn block(head: &str, body: Vec<Item>) -> Item {
    Item::Block(Block { head: head.to_owned(), body })
}

/// Literal text inside a quoted template: `"`, `\`, `${`, `%{` and line breaks escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '$' | '%' if chars.peek() == Some(&'{') => {
                out.push(c);
                out.push(c);
            }
            // controls, format characters, U+2028/9 (`plan::escape`): never raw in the file
            c if crate::plan::needs_escape(c) && c as u32 > 0xffff => out.push_str(&format!("\\U{:08x}", c as u32)),
            c if crate::plan::needs_escape(c) => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

fn lit(s: &str) -> Expr {
    Expr::Str(escape(s))
}

fn expr_text(e: &Expr, indent: usize) -> String {
    let pad = " ".repeat(indent);
    match e {
        Expr::Str(s) => format!("\"{s}\""),
        Expr::Raw(r) => r.clone(),
        Expr::Heredoc(text) => {
            let inner = " ".repeat(indent + 2);
            let body: String = text.lines().map(|l| format!("{inner}{l}\n")).collect();
            format!("<<-EOT\n{body}{pad}EOT")
        }
        Expr::Object(entries) if entries.is_empty() => "{}".into(),
        Expr::Object(entries) => {
            let inner = " ".repeat(indent + 2);
            let width = entries.iter().map(|(k, _)| key(k).len()).max().unwrap_or(0);
            let lines: String = entries
                .iter()
                .map(|(k, v)| format!("{inner}{:<width$} = {}\n", key(k), expr_text(v, indent + 2)))
                .collect();
            format!("{{\n{lines}{pad}}}")
        }
        Expr::List(items) => format!("[{}]", items.iter().map(|i| expr_text(i, indent)).collect::<Vec<_>>().join(", ")),
    }
}

/// A map key: bare when it is an identifier, else quoted.
fn key(k: &str) -> String {
    let ident = k.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if ident { k.to_owned() } else { format!("\"{}\"", escape(k)) }
}

fn emit(items: &[Item], indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    for (i, item) in items.iter().enumerate() {
        match item {
            Item::Attr(name, e) => {
                // `=` lines up within a run of one-line attributes, as `terraform fmt` writes them (a
                // multi-line object stands alone)
                let alone = |i: &Item| matches!(i, Item::Attr(_, Expr::Object(o)) if !o.is_empty());
                let run = |range: &mut dyn Iterator<Item = &Item>| {
                    range
                        .map_while(|i| match i {
                            Item::Attr(n, _) if !alone(i) => Some(n.len()),
                            _ => None,
                        })
                        .max()
                        .unwrap_or(0)
                };
                let width = if alone(item) {
                    name.len()
                } else {
                    run(&mut items[i..].iter()).max(run(&mut items[..i].iter().rev()))
                };
                let _ = writeln!(out, "{pad}{name:<width$} = {}", expr_text(e, indent));
            }
            Item::Block(b) if b.body.is_empty() => {
                let _ = writeln!(out, "{pad}{} {{}}", b.head);
            }
            Item::Block(b) => {
                let _ = writeln!(out, "{pad}{} {{", b.head);
                emit(&b.body, indent + 2, out);
                let _ = writeln!(out, "{pad}}}");
            }
        }
    }
}

/// The blocks as HCL text, a blank line between top-level blocks.
pub fn hcl(blocks: &[Item]) -> String {
    let mut out = String::new();
    for (i, b) in blocks.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        emit(std::slice::from_ref(b), 0, &mut out);
    }
    out
}

/// How the configuration refers to what the plan names.
struct Refs<'a> {
    plan: &'a Plan,
}

impl Refs<'_> {
    fn role(&self) -> String {
        match self.plan.settings.role {
            Role::Create(_) => "aws_iam_role.firehose.arn".into(),
            Role::Existing(_) => "data.aws_iam_role.firehose.arn".into(),
        }
    }

    fn source(&self) -> String {
        match &self.plan.source {
            Source::NewKinesisStream(_) => "aws_kinesis_stream.source.arn".into(),
            // a stream given by its ARN (another account's, maybe) is that ARN, as apply reads it
            Source::KinesisStream(arn) if arn.starts_with("arn:") => format!("\"{}\"", escape(arn)),
            _ => "data.aws_kinesis_stream.source.arn".into(),
        }
    }

    /// The reference a token stands for.
    fn reference(&self, t: Token) -> String {
        match t {
            Token::Account => "data.aws_caller_identity.current.account_id".into(),
            Token::Region => "var.region".into(),
            Token::Partition => "data.aws_partition.current.partition".into(),
            Token::Name => "var.delivery_stream_name".into(),
            Token::Bucket => "var.bucket_name".into(),
            Token::RoleArn => self.role(),
            Token::SourceArn => self.source(),
        }
    }

    /// The data source or resource of a bucket ARN of the parts, when it is one of the plan's buckets.
    fn bucket(&self, v: &str) -> Option<String> {
        let partition = Token::Partition.text();
        let name = v.strip_prefix(&format!("arn:{partition}:s3:::"))?;
        if name == Token::Bucket.text() {
            return Some("aws_s3_bucket.destination.arn".into());
        }
        if name == self.plan.destination.bucket {
            return Some("data.aws_s3_bucket.destination.arn".into());
        }
        self.plan
            .destination
            .backup
            .as_ref()
            .filter(|b| b.bucket == name)
            .map(|_| "data.aws_s3_bucket.backup.arn".into())
    }

    /// A string of the parts: a reference when it is exactly one, else a template.
    fn string(&self, v: &str) -> Expr {
        if let Some(t) = only(v) {
            return Expr::Raw(self.reference(t));
        }
        if let Some(b) = self.bucket(v) {
            return Expr::Raw(b);
        }
        Expr::Str(substitute(v, escape, |t| self.interpolated(t)))
    }

    /// A token inside a template: `${reference}`, or a literal's own text (an ARN the plan gives).
    fn interpolated(&self, t: Token) -> String {
        let r = self.reference(t);
        match r.strip_prefix('"').and_then(|r| r.strip_suffix('"')) {
            Some(text) => text.to_owned(),
            None => format!("${{{r}}}"),
        }
    }

    /// A JSON document of the parts as a heredoc template.
    fn document(&self, v: &Value) -> Expr {
        let text = ascii_json(v);
        // the JSON text's own `${` and `%{` stay literal; the tokens become interpolations
        Expr::Heredoc(substitute(&text, |l| l.replace("${", "$${").replace("%{", "%%{"), |t| self.interpolated(t)))
    }
}

fn get<'a>(v: &'a Value, k: &str) -> Option<&'a Value> {
    v.get(k).filter(|x| !x.is_null())
}

fn text(v: &Value) -> &str {
    v.as_str().unwrap_or_default()
}

fn logging(refs: &Refs, l: &Value) -> Item {
    let mut body = vec![attr("enabled", Expr::Raw(l["Enabled"].as_bool().unwrap_or(false).to_string()))];
    if let Some(g) = get(l, "LogGroupName") {
        body.push(attr("log_group_name", refs.string(text(g))));
    }
    if let Some(s) = get(l, "LogStreamName") {
        body.push(attr("log_stream_name", refs.string(text(s))));
    }
    block("cloudwatch_logging_options", body)
}

/// `extended_s3_configuration` from the request's ExtendedS3DestinationConfiguration.
fn destination(refs: &Refs, d: &Value) -> Item {
    let mut body = vec![
        attr("role_arn", refs.string(text(&d["RoleARN"]))),
        attr("bucket_arn", refs.string(text(&d["BucketARN"]))),
    ];
    for (api, tf) in [("Prefix", "prefix"), ("ErrorOutputPrefix", "error_output_prefix")] {
        if let Some(v) = get(d, api) {
            body.push(attr(tf, refs.string(text(v))));
        }
    }
    if let Some(h) = get(d, "BufferingHints") {
        body.push(attr("buffering_size", Expr::Raw(h["SizeInMBs"].to_string())));
        body.push(attr("buffering_interval", Expr::Raw(h["IntervalInSeconds"].to_string())));
    }
    if let Some(c) = get(d, "CompressionFormat") {
        body.push(attr("compression_format", lit(text(c))));
    }
    if let Some(k) = d.pointer("/EncryptionConfiguration/KMSEncryptionConfig/AWSKMSKeyARN") {
        body.push(attr("kms_key_arn", refs.string(text(k))));
    }
    for (api, tf) in [("FileExtension", "file_extension"), ("CustomTimeZone", "custom_time_zone")] {
        if let Some(v) = get(d, api) {
            body.push(attr(tf, lit(text(v))));
        }
    }
    if let Some(m) = get(d, "S3BackupMode") {
        body.push(attr("s3_backup_mode", lit(text(m))));
    }
    if let Some(l) = get(d, "CloudWatchLoggingOptions") {
        body.push(logging(refs, l));
    }
    if let Some(p) = get(d, "ProcessingConfiguration") {
        let mut inner = vec![attr("enabled", Expr::Raw(p["Enabled"].as_bool().unwrap_or(false).to_string()))];
        for proc in p["Processors"].as_array().into_iter().flatten() {
            let mut pb = vec![attr("type", lit(text(&proc["Type"])))];
            for param in proc["Parameters"].as_array().into_iter().flatten() {
                pb.push(block(
                    "parameters",
                    vec![
                        attr("parameter_name", lit(text(&param["ParameterName"]))),
                        attr("parameter_value", refs.string(text(&param["ParameterValue"]))),
                    ],
                ));
            }
            inner.push(block("processors", pb));
        }
        body.push(block("processing_configuration", inner));
    }
    if let Some(c) = get(d, "DataFormatConversionConfiguration") {
        let serde = |v: Option<&Value>, names: [(&str, &str); 2]| -> Vec<Item> {
            names
                .iter()
                .filter(|(api, _)| v.and_then(|v| v.get(*api)).is_some())
                .map(|(_, tf)| block(tf, vec![]))
                .collect()
        };
        let de = c.pointer("/InputFormatConfiguration/Deserializer");
        let ser = c.pointer("/OutputFormatConfiguration/Serializer");
        let schema = &c["SchemaConfiguration"];
        let mut sb = Vec::new();
        for (api, tf) in [
            ("DatabaseName", "database_name"),
            ("TableName", "table_name"),
            ("RoleARN", "role_arn"),
            ("Region", "region"),
            ("CatalogId", "catalog_id"),
            ("VersionId", "version_id"),
        ] {
            if let Some(v) = get(schema, api) {
                sb.push(attr(tf, refs.string(text(v))));
            }
        }
        body.push(block(
            "data_format_conversion_configuration",
            vec![
                attr("enabled", Expr::Raw(c["Enabled"].as_bool().unwrap_or(true).to_string())),
                block(
                    "input_format_configuration",
                    vec![block(
                        "deserializer",
                        serde(de, [("OpenXJsonSerDe", "open_x_json_ser_de"), ("HiveJsonSerDe", "hive_json_ser_de")]),
                    )],
                ),
                block(
                    "output_format_configuration",
                    vec![block(
                        "serializer",
                        serde(ser, [("ParquetSerDe", "parquet_ser_de"), ("OrcSerDe", "orc_ser_de")]),
                    )],
                ),
                block("schema_configuration", sb),
            ],
        ));
    }
    if let Some(p) = get(d, "DynamicPartitioningConfiguration") {
        let mut inner = vec![attr("enabled", Expr::Raw(p["Enabled"].as_bool().unwrap_or(false).to_string()))];
        if let Some(r) = p.pointer("/RetryOptions/DurationInSeconds").filter(|r| !r.is_null()) {
            inner.push(attr("retry_duration", Expr::Raw(r.to_string())));
        }
        body.push(block("dynamic_partitioning_configuration", inner));
    }
    if let Some(b) = get(d, "S3BackupConfiguration") {
        let mut inner = vec![
            attr("role_arn", refs.string(text(&b["RoleARN"]))),
            attr("bucket_arn", refs.string(text(&b["BucketARN"]))),
        ];
        if let Some(p) = get(b, "Prefix") {
            inner.push(attr("prefix", refs.string(text(p))));
        }
        if let Some(c) = get(b, "CompressionFormat") {
            inner.push(attr("compression_format", lit(text(c))));
        }
        if let Some(l) = get(b, "CloudWatchLoggingOptions") {
            inner.push(logging(refs, l));
        }
        body.push(block("s3_backup_configuration", inner));
    }
    block("extended_s3_configuration", body)
}

/// What the configuration does differently from `apply`, for this plan.
fn notes(plan: &Plan, parts: &Parts) -> Vec<String> {
    let mut out = vec!["The Region is var.region; the account and partition are read with data sources.".to_owned()];
    out.extend(super::source_key_note(plan));
    if plan.process.lambda.is_some() {
        out.push("The provider adds the Lambda processor's parameters the plan leaves out with the API's defaults (NumberOfRetries 3, BufferSizeInMBs 1, BufferIntervalInSeconds 60, RoleArn the destination's role).".into());
    }
    if plan.process.format_conversion.is_some() {
        out.push("The empty serializer and deserializer blocks make the provider send its own defaults; two of them (ORC dictionary_key_threshold 0.0, Parquet enable_dictionary_compression false) have no documented API default, so they may differ from a stream created by apply.".into());
    }
    if plan.settings.stream_encryption.is_some() {
        out.push("The provider turns server-side encryption on after creating the stream (StartDeliveryStreamEncryption), not in CreateDeliveryStream.".into());
    }
    if plan.destination.file_extension.as_ref().is_some_and(|x| x.len() > 50) {
        out.push(
            "The provider takes a file_extension of at most 50 characters (the API takes 128): this one is longer."
                .into(),
        );
    }
    if parts.request.pointer("/ExtendedS3DestinationConfiguration/CustomTimeZone").is_none() {
        out.push(
            "The provider sends custom_time_zone \"UTC\" when it is not set: the same as the API's default.".into(),
        );
    }
    if let Role::Existing(_) = plan.settings.role
        && !plan.settings.add_policy_to_role
    {
        out.push("The existing role's permissions are not checked (apply lists what they lack).".into());
    }
    if let Some(what) = super::created_names(plan) {
        out.push(format!("Terraform creates, never adopts: if {what} exists already (apply would reuse it), terraform apply fails; bring it in with `terraform import`, or remove it first."));
    }
    out
}

pub fn configuration(plan: &Plan, parts: &Parts) -> String {
    let refs = Refs { plan };
    let mut top: Vec<Item> = vec![
        block(
            "terraform",
            vec![block(
                "required_providers",
                vec![attr(
                    "aws",
                    Expr::Object(vec![("source".into(), lit("hashicorp/aws")), ("version".into(), lit(PROVIDER))]),
                )],
            )],
        ),
        block(
            "variable \"region\"",
            vec![
                attr("type", Expr::Raw("string".into())),
                attr("description", lit("The Region to create the delivery stream in")),
            ],
        ),
        block(
            "variable \"delivery_stream_name\"",
            vec![
                attr("type", Expr::Raw("string".into())),
                attr("default", lit(&plan.name)),
                attr("description", lit("The delivery stream's name (1-64 of a-z A-Z 0-9 _ . -)")),
            ],
        ),
    ];
    if let Role::Create(name) = &plan.settings.role {
        top.push(block(
            "variable \"role_name\"",
            vec![
                attr("type", Expr::Raw("string".into())),
                attr("default", lit(name)),
                attr("description", lit("The new role's name: role names are per account, one per configuration")),
            ],
        ));
    }
    if plan.destination.create_bucket {
        top.push(block(
            "variable \"bucket_name\"",
            vec![
                attr("type", Expr::Raw("string".into())),
                attr("default", lit(&plan.destination.bucket)),
                attr("description", lit("The new bucket's name: bucket names are global")),
            ],
        ));
    }
    top.push(block("provider \"aws\"", vec![attr("region", Expr::Raw("var.region".into()))]));
    top.push(block("data \"aws_caller_identity\" \"current\"", vec![]));
    top.push(block("data \"aws_partition\" \"current\"", vec![]));

    match (&plan.source, source_name(plan)) {
        (Source::NewKinesisStream(n), _) => {
            let mut body = vec![attr("name", lit(&n.name))];
            if let (StreamMode::Provisioned, Some(k)) = (n.mode, n.shards) {
                body.push(attr("shard_count", Expr::Raw(k.to_string())));
            }
            let mode = match n.mode {
                StreamMode::OnDemand => "ON_DEMAND",
                StreamMode::Provisioned => "PROVISIONED",
            };
            body.push(block("stream_mode_details", vec![attr("stream_mode", lit(mode))]));
            top.push(block("resource \"aws_kinesis_stream\" \"source\"", body));
        }
        (Source::KinesisStream(s), Some(k)) if !s.starts_with("arn:") => {
            top.push(block("data \"aws_kinesis_stream\" \"source\"", vec![attr("name", lit(k))]));
        }
        _ => {}
    }
    if plan.destination.create_bucket {
        top.push(block(
            "resource \"aws_s3_bucket\" \"destination\"",
            vec![attr("bucket", Expr::Raw("var.bucket_name".into()))],
        ));
    } else {
        top.push(block("data \"aws_s3_bucket\" \"destination\"", vec![attr("bucket", lit(&plan.destination.bucket))]));
    }
    if let Some(b) = &plan.destination.backup
        && b.bucket != plan.destination.bucket
    {
        top.push(block("data \"aws_s3_bucket\" \"backup\"", vec![attr("bucket", lit(&b.bucket))]));
    }
    let mut depends = Vec::new();
    if !parts.log_streams.is_empty() {
        top.push(block(
            "resource \"aws_cloudwatch_log_group\" \"errors\"",
            vec![attr("name", refs.string(&parts.log_group))],
        ));
        // named by what they log, the destination's errors first
        for (stream, id) in parts.log_streams.iter().zip(["delivery", "backup"]) {
            top.push(block(
                &format!("resource \"aws_cloudwatch_log_stream\" \"{id}\""),
                vec![
                    attr("name", lit(stream)),
                    attr("log_group_name", Expr::Raw("aws_cloudwatch_log_group.errors.name".into())),
                ],
            ));
            depends.push(Expr::Raw(format!("aws_cloudwatch_log_stream.{id}")));
        }
    }
    match &plan.settings.role {
        Role::Create(_) => top.push(block(
            "resource \"aws_iam_role\" \"firehose\"",
            vec![
                attr("name", Expr::Raw("var.role_name".into())),
                attr("description", refs.string(&parts.role_description)),
                attr("assume_role_policy", refs.document(&parts.trust)),
            ],
        )),
        Role::Existing(_) => {
            top.push(block("data \"aws_iam_role\" \"firehose\"", vec![attr("name", lit(role_name(plan)))]))
        }
    }
    if puts_policy(plan) {
        let role = match plan.settings.role {
            Role::Create(_) => "aws_iam_role.firehose.id",
            Role::Existing(_) => "data.aws_iam_role.firehose.name",
        };
        top.push(block(
            "resource \"aws_iam_role_policy\" \"firehose\"",
            vec![
                attr("name", refs.string(&parts.policy_name)),
                attr("role", Expr::Raw(role.into())),
                attr("policy", refs.document(&parts.permissions)),
            ],
        ));
        depends.insert(0, Expr::Raw("aws_iam_role_policy.firehose".into()));
    }

    let r = &parts.request;
    let mut stream =
        vec![attr("name", Expr::Raw("var.delivery_stream_name".into())), attr("destination", lit("extended_s3"))];
    if let Some(k) = get(r, "KinesisStreamSourceConfiguration") {
        stream.push(block(
            "kinesis_source_configuration",
            vec![
                attr("kinesis_stream_arn", refs.string(text(&k["KinesisStreamARN"]))),
                attr("role_arn", refs.string(text(&k["RoleARN"]))),
            ],
        ));
    }
    if let Some(e) = get(r, "DeliveryStreamEncryptionConfigurationInput") {
        let mut body = vec![attr("enabled", Expr::Raw("true".into())), attr("key_type", lit(text(&e["KeyType"])))];
        if let Some(k) = get(e, "KeyARN") {
            body.push(attr("key_arn", refs.string(text(k))));
        }
        stream.push(block("server_side_encryption", body));
    }
    stream.push(destination(&refs, &r["ExtendedS3DestinationConfiguration"]));
    if let Some(tags) = get(r, "Tags").and_then(Value::as_array) {
        let entries = tags.iter().map(|t| (text(&t["Key"]).to_owned(), lit(text(&t["Value"])))).collect();
        stream.push(attr("tags", Expr::Object(entries)));
    }
    if !depends.is_empty() {
        stream.push(attr("depends_on", Expr::List(depends)));
    }
    top.push(block("resource \"aws_kinesis_firehose_delivery_stream\" \"this\"", stream));
    top.push(block(
        "output \"delivery_stream_arn\"",
        vec![attr("value", Expr::Raw("aws_kinesis_firehose_delivery_stream.this.arn".into()))],
    ));

    let mut out = format!(
        "# The Amazon Data Firehose delivery stream {name}: what `firehose-wizard apply` creates, as Terraform\n\
         # configuration for the hashicorp/aws provider. Exported by firehose-wizard {version}.\n\
         #\n\
         #   terraform init && terraform apply -var region=us-east-1\n",
        name = plan.name,
        version = env!("CARGO_PKG_VERSION"),
    );
    for n in notes(plan, parts) {
        let _ = writeln!(out, "#\n# Note: {n}");
    }
    out.push('\n');
    out.push_str(&hcl(&top));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_escape_what_hcl_would_read() {
        assert_eq!(escape(r#"a"b\c ${x} %{y} !{timestamp:yyyy}"#), r#"a\"b\\c $${x} %%{y} !{timestamp:yyyy}"#);
        assert_eq!(key("team"), "team");
        assert_eq!(key("cost center"), "\"cost center\"");
    }

    /// As `terraform fmt` writes it: a nested block ends a run of aligned attributes.
    #[test]
    fn blocks_attributes_and_heredocs() {
        let items = vec![block(
            "resource \"x\" \"y\"",
            vec![
                attr("a", lit("1")),
                attr("long_name", Expr::Raw("true".into())),
                block("inner", vec![]),
                attr("doc", Expr::Heredoc("{\n  \"k\": 1\n}".into())),
            ],
        )];
        assert_eq!(
            hcl(&items),
            "resource \"x\" \"y\" {\n  a         = \"1\"\n  long_name = true\n  inner {}\n  doc = <<-EOT\n    {\n      \"k\": 1\n    }\n  EOT\n}\n"
        );
    }
}
