//! `export` checked by the real tools: the AWS CLI script run against one moto server makes what `apply`
//! makes in a second one; the CloudFormation template passes cfn-lint, deploys to moto (which creates
//! all but the delivery stream and the log streams), and its delivery stream's properties, resolved,
//! are `apply`'s request field by field; the Terraform configuration, parsed by python-hcl2 and read
//! back through a table of the provider's argument names, is `apply`'s request and policies too.

mod common;

use std::path::{Path, PathBuf};

use common::plans::{REGION, plans, seed};
use common::{ACCOUNT, Moto, rt, run, write_plan};
use firehose_wizard::plan::request::{self, Resolved, Target};
use firehose_wizard::plan::{Plan, Role, Source, policy};
use serde_json::{Map, Value, json};

fn target() -> Target {
    Target { account: ACCOUNT.into(), region: REGION.into(), partition: "aws".into() }
}

/// `export PLAN --format FORMAT`, written to `<dir>/<name>`.
fn export(dir: &Path, plan: &Plan, format: &str) -> PathBuf {
    let path = write_plan(dir, "plan.json", plan);
    let r = run(common::bin(dir).args(["export"]).arg(&path).args(["--format", format]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let file = dir.join(format!("{}.{format}", plan.name));
    std::fs::write(&file, &r.stdout).unwrap();
    file
}

/// What `apply` sends for `plan` in account 123456789012, us-east-1 (the role at path `/`).
fn applied_request(plan: &Plan) -> Value {
    let t = target();
    request::to_json(&request::build(plan, &t, &Resolved::implied(plan, &t)).unwrap())
}

/// A moto server's resources, as comparable text: the delivery stream's description (without its
/// timestamps), buckets, roles with their trust and inline policies, log groups and streams, Kinesis
/// streams.
fn inventory(moto: &Moto, name: &str) -> Value {
    rt().block_on(async {
        let sdk = moto.sdk(REGION).await;
        let fh = aws_sdk_firehose::Client::new(&sdk);
        let d = fh.describe_delivery_stream().delivery_stream_name(name).send().await.unwrap();
        let d = d.delivery_stream_description().unwrap();
        let stream = json!({
            "type": d.delivery_stream_type().as_str(),
            "status": d.delivery_stream_status().as_str(),
            "source": format!("{:?}", d.source().and_then(|s| s.kinesis_stream_source_description()).map(|k| k.kinesis_stream_arn())),
            "encryption": format!("{:?}", d.delivery_stream_encryption_configuration().map(|e| (e.key_type(), e.key_arn()))),
            "destination": format!("{:?}", d.destinations()[0].extended_s3_destination_description()),
        });
        let iam = aws_sdk_iam::Client::new(&sdk);
        let mut roles = Map::new();
        for r in iam.list_roles().send().await.unwrap().roles() {
            let trust = policy::decode_policy_document(r.assume_role_policy_document().unwrap_or_default());
            let mut inline = Map::new();
            for p in common::role_policy_names(&iam, r.role_name()).await {
                inline.insert(p.clone(), common::role_policy(&iam, r.role_name(), &p).await);
            }
            roles.insert(r.role_name().to_owned(), json!({ "arn": r.arn(), "trust": trust, "policies": inline }));
        }
        let logs = aws_sdk_cloudwatchlogs::Client::new(&sdk);
        let mut groups = Map::new();
        for g in logs.describe_log_groups().send().await.unwrap().log_groups() {
            let group = g.log_group_name().unwrap_or_default();
            let streams = logs.describe_log_streams().log_group_name(group).send().await.unwrap();
            let names: Vec<&str> = streams.log_streams().iter().filter_map(|s| s.log_stream_name()).collect();
            groups.insert(group.to_owned(), json!(names));
        }
        let kinesis = aws_sdk_kinesis::Client::new(&sdk);
        let mut kstreams = Map::new();
        for k in kinesis.list_streams().send().await.unwrap().stream_names() {
            let s = kinesis.describe_stream_summary().stream_name(k).send().await.unwrap();
            let s = s.stream_description_summary().unwrap();
            kstreams.insert(
                k.clone(),
                json!({ "shards": s.open_shard_count(), "mode": format!("{:?}", s.stream_mode_details().map(|m| m.stream_mode())) }),
            );
        }
        let mut buckets = moto.bucket_names().await;
        buckets.sort();
        json!({ "stream": stream, "buckets": buckets, "roles": roles, "logs": groups, "kinesis": kstreams })
    })
}

#[test]
fn the_cli_script_makes_what_apply_makes() {
    for (what, plan) in plans() {
        let dir = tempfile::tempdir().unwrap();
        let (applied, scripted) = (Moto::start(), Moto::start());
        seed(&applied, &plan);
        seed(&scripted, &plan);
        let path = write_plan(dir.path(), "plan.json", &plan);
        let r = run(applied.command(dir.path()).arg("apply").arg(&path));
        assert_eq!(r.code, 0, "{what}: apply: {}\n{}", r.stdout, r.stderr);
        let script = export(dir.path(), &plan, "cli");
        let r = run(scripted.tool(dir.path(), "bash").arg(&script));
        assert_eq!(r.code, 0, "{what}: the script: {}\n{}", r.stdout, r.stderr);
        let arn = format!("arn:aws:firehose:{REGION}:{ACCOUNT}:deliverystream/{}", plan.name);
        assert!(r.stdout.ends_with(&format!("delivery stream ARN: {arn}\n")), "{what}: {}", r.stdout);
        assert_eq!(inventory(&scripted, &plan.name), inventory(&applied, &plan.name), "{what}");
        // run again: what exists is used, and nothing changes
        let again = run(scripted.tool(dir.path(), "bash").arg(&script));
        assert_eq!(again.code, 0, "{what}: the script again: {}\n{}", again.stdout, again.stderr);
        assert!(again.stdout.contains("exists already: it is left as it is"), "{what}: {}", again.stdout);
        assert_eq!(inventory(&scripted, &plan.name), inventory(&applied, &plan.name), "{what}: after a rerun");
    }
}

/// Runs the tests' parser (tests/helpers/parse.py) on a file: `yaml` or `hcl`.
fn parse(kind: &str, file: &Path) -> Value {
    let python = Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/python");
    let helper = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/helpers/parse.py");
    let out = std::process::Command::new(python).arg(helper).arg(kind).arg(file).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A CloudFormation value with its intrinsic functions resolved as a stack of `plan` in account
/// 123456789012, us-east-1 would resolve them.
fn resolve_cfn(v: &Value, plan: &Plan, template: &Value) -> Value {
    let param = |p: &str| template["Parameters"][p]["Default"].as_str().map(str::to_owned);
    let reference = |name: &str| -> String {
        match name {
            "AWS::AccountId" => ACCOUNT.into(),
            "AWS::Region" => REGION.into(),
            "AWS::Partition" => "aws".into(),
            "DeliveryRole" => firehose_wizard::export::role_name(plan).into(),
            "ErrorLogGroup" => request::log_group(plan),
            p => param(p).unwrap_or_else(|| panic!("Ref {p}")),
        }
    };
    let attribute = |r: &str| -> String {
        match r {
            "DeliveryRole.Arn" => request::role_arn(plan, &target()),
            "DestinationBucket.Arn" => request::bucket_arn(&plan.destination.bucket, "aws"),
            "SourceStream.Arn" => request::kinesis_arn(plan, &target()).unwrap(),
            other => panic!("GetAtt {other}"),
        }
    };
    match v {
        Value::Object(o) if o.len() == 1 && o.contains_key("Ref") => json!(reference(o["Ref"].as_str().unwrap())),
        Value::Object(o) if o.len() == 1 && o.contains_key("Fn::GetAtt") => {
            let parts: Vec<&str> = o["Fn::GetAtt"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
            json!(attribute(&parts.join(".")))
        }
        Value::Object(o) if o.len() == 1 && o.contains_key("Fn::Join") => {
            let args = o["Fn::Join"].as_array().unwrap();
            let parts: Vec<String> = args[1]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| resolve_cfn(p, plan, template).as_str().unwrap().to_owned())
                .collect();
            json!(parts.join(args[0].as_str().unwrap()))
        }
        Value::Object(o) if o.len() == 1 && o.contains_key("Fn::Sub") => {
            let text = o["Fn::Sub"].as_str().unwrap();
            let re = regex_lite::Regex::new(r"\$\{(!?)([^}]*)\}").unwrap();
            json!(re.replace_all(text, |c: &regex_lite::Captures| {
                if &c[1] == "!" {
                    format!("${{{}}}", &c[2])
                } else if c[2].contains('.') {
                    attribute(&c[2])
                } else {
                    reference(&c[2])
                }
            }))
        }
        Value::Object(o) => Value::Object(o.iter().map(|(k, v)| (k.clone(), resolve_cfn(v, plan, template))).collect()),
        Value::Array(a) => Value::Array(a.iter().map(|v| resolve_cfn(v, plan, template)).collect()),
        other => other.clone(),
    }
}

#[test]
fn the_cloudformation_template_lints_deploys_and_holds_apply_s_request() {
    let cfn_lint = Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv/bin/cfn-lint");
    for (what, plan) in plans() {
        let dir = tempfile::tempdir().unwrap();
        let file = export(dir.path(), &plan, "cloudformation");
        let lint = std::process::Command::new(&cfn_lint).arg(&file).output().unwrap();
        assert!(
            lint.status.success(),
            "{what}: cfn-lint: {}{}",
            String::from_utf8_lossy(&lint.stdout),
            String::from_utf8_lossy(&lint.stderr)
        );
        let template = parse("yaml", &file);
        let resources = &template["Resources"];
        let props = resolve_cfn(&resources["DeliveryStream"]["Properties"], &plan, &template);
        assert_eq!(props, applied_request(&plan), "{what}: the delivery stream's properties");
        let depends = resources["DeliveryStream"]["DependsOn"].as_array().cloned().unwrap_or_default();
        if firehose_wizard::export::puts_policy(&plan) {
            assert_eq!(depends[0], "DeliveryPolicy", "{what}: the stream waits for its policy");
            let doc = resolve_cfn(&resources["DeliveryPolicy"]["Properties"]["PolicyDocument"], &plan, &template);
            let source = request::kinesis_arn(&plan, &target());
            assert_eq!(
                doc,
                policy::permissions_policy(&plan, &target(), source.as_deref(), None),
                "{what}: the policy"
            );
        }
        if let Role::Create(_) = plan.settings.role {
            let trust =
                resolve_cfn(&resources["DeliveryRole"]["Properties"]["AssumeRolePolicyDocument"], &plan, &template);
            assert_eq!(trust, policy::trust_policy(ACCOUNT), "{what}: the trust policy");
        }
        assert_eq!(resources.get("DestinationBucket").is_some(), plan.destination.create_bucket, "{what}");
        assert_eq!(
            resources.get("SourceStream").is_some(),
            matches!(plan.source, Source::NewKinesisStream(_)),
            "{what}"
        );

        // deployed to moto: what moto's CloudFormation creates is there
        // moto answers HTTP 500 to an Output that reads an attribute of a resource it skips (the
        // delivery stream): it gets the template without that one output, as JSON
        let mut deployable = template.clone();
        assert!(deployable["Outputs"].as_object_mut().unwrap().remove("DeliveryStreamArn").is_some(), "{what}");
        let deployable_file = dir.path().join("deployable.json");
        std::fs::write(&deployable_file, deployable.to_string()).unwrap();
        let moto = Moto::start();
        seed(&moto, &plan);
        let mut create = moto.tool(dir.path(), "aws");
        create
            .args(["cloudformation", "create-stack", "--stack-name", "exported", "--template-body"])
            .arg(format!("file://{}", deployable_file.display()))
            .args(["--capabilities", "CAPABILITY_NAMED_IAM"]);
        let r = run(&mut create);
        assert_eq!(r.code, 0, "{what}: create-stack: {}", r.stderr);
        let r = run(moto.tool(dir.path(), "aws").args([
            "cloudformation",
            "wait",
            "stack-create-complete",
            "--stack-name",
            "exported",
        ]));
        assert_eq!(r.code, 0, "{what}: the stack: {}", r.stderr);
        let found = inventory_without_stream(&moto);
        if plan.destination.create_bucket {
            assert!(found["buckets"].as_array().unwrap().contains(&json!(plan.destination.bucket)), "{what}: {found}");
        }
        if let Role::Create(r) = &plan.settings.role {
            assert_eq!(found["roles"][r]["trust"], policy::trust_policy(ACCOUNT), "{what}: {found}");
        }
        if plan.settings.error_logging {
            assert!(found["logs"].get(request::log_group(&plan)).is_some(), "{what}: {found}");
        }
        if let Source::NewKinesisStream(n) = &plan.source {
            assert_eq!(found["kinesis"][&n.name]["shards"], json!(n.shards.unwrap_or(1)), "{what}: {found}");
        }
    }
}

/// What moto's CloudFormation makes (it skips the delivery stream): buckets, roles, log groups,
/// Kinesis streams.
fn inventory_without_stream(moto: &Moto) -> Value {
    rt().block_on(async {
        let sdk = moto.sdk(REGION).await;
        let iam = aws_sdk_iam::Client::new(&sdk);
        let mut roles = Map::new();
        for r in iam.list_roles().send().await.unwrap().roles() {
            let trust = policy::decode_policy_document(r.assume_role_policy_document().unwrap_or_default());
            roles.insert(r.role_name().to_owned(), json!({ "trust": trust }));
        }
        let logs = aws_sdk_cloudwatchlogs::Client::new(&sdk);
        let mut groups = Map::new();
        for g in logs.describe_log_groups().send().await.unwrap().log_groups() {
            groups.insert(g.log_group_name().unwrap_or_default().to_owned(), json!(true));
        }
        let kinesis = aws_sdk_kinesis::Client::new(&sdk);
        let mut kstreams = Map::new();
        for k in kinesis.list_streams().send().await.unwrap().stream_names() {
            let s = kinesis.describe_stream_summary().stream_name(k).send().await.unwrap();
            kstreams.insert(k.clone(), json!({ "shards": s.stream_description_summary().unwrap().open_shard_count() }));
        }
        json!({ "buckets": moto.bucket_names().await, "roles": roles, "logs": groups, "kinesis": kstreams })
    })
}

/// A python-hcl2 string with Terraform's references resolved as `plan` in account 123456789012,
/// us-east-1 would resolve them: its quotes and escapes undone, `${...}` replaced, `$${` literal.
fn resolve_tf(v: &Value, plan: &Plan, variables: &Value) -> Value {
    let Some(s) = v.as_str() else {
        return v.clone();
    };
    let var = |name: &str| {
        variables[name]["default"].as_str().map(|d| d.trim_matches('"').to_owned()).unwrap_or_else(|| REGION.into())
    };
    let reference = |r: &str| -> String {
        match r {
            "data.aws_caller_identity.current.account_id" => ACCOUNT.into(),
            "data.aws_partition.current.partition" => "aws".into(),
            "var.region" => REGION.into(),
            "var.delivery_stream_name" => var("delivery_stream_name"),
            "var.bucket_name" => var("bucket_name"),
            "var.role_name" => var("role_name"),
            "aws_iam_role.firehose.arn" | "data.aws_iam_role.firehose.arn" => request::role_arn(plan, &target()),
            "aws_iam_role.firehose.id" | "data.aws_iam_role.firehose.name" => {
                firehose_wizard::export::role_name(plan).into()
            }
            "aws_kinesis_stream.source.arn" | "data.aws_kinesis_stream.source.arn" => {
                request::kinesis_arn(plan, &target()).unwrap()
            }
            "aws_s3_bucket.destination.arn" | "data.aws_s3_bucket.destination.arn" => {
                request::bucket_arn(&plan.destination.bucket, "aws")
            }
            "data.aws_s3_bucket.backup.arn" => {
                request::bucket_arn(&plan.destination.backup.as_ref().unwrap().bucket, "aws")
            }
            "aws_cloudwatch_log_group.errors.name" => request::log_group(plan),
            other => panic!("a reference the test does not know: {other}"),
        }
    };
    // a quoted template, a heredoc, or a bare reference (`${x}`)
    let body = if let Some(h) = s.strip_prefix("\"<<-EOT\n") {
        let h = h.trim_end_matches('"').trim_end().trim_end_matches("EOT");
        h.lines().map(str::trim_start).collect::<Vec<_>>().join("\n")
    } else if s.starts_with('"') && s.ends_with('"') && s.len() >= 2 {
        s[1..s.len() - 1].replace("\\\"", "\"").replace("\\\\", "\\")
    } else {
        s.to_owned()
    };
    let re = regex_lite::Regex::new(r"(\$?)\$\{([^}]*)\}").unwrap();
    json!(re.replace_all(&body, |c: &regex_lite::Captures| {
        if &c[1] == "$" { format!("${{{}}}", &c[2]) } else { reference(&c[2]) }
    }))
}

/// The provider's arguments of `aws_kinesis_firehose_delivery_stream`, read back as the API's
/// request members (the provider's argument names, from its documentation and schema).
fn tf_to_api(r: &Value, plan: &Plan, vars: &Value) -> Value {
    let s = |v: &Value| resolve_tf(v, plan, vars);
    let one = |v: &Value, k: &str| v.get(k).and_then(|b| b.as_array()).and_then(|a| a.first()).cloned();
    let mut top = Map::new();
    top.insert("DeliveryStreamName".into(), s(&r["name"]));
    let source = one(r, "kinesis_source_configuration");
    top.insert(
        "DeliveryStreamType".into(),
        json!(if source.is_some() { "KinesisStreamAsSource" } else { "DirectPut" }),
    );
    if let Some(k) = source {
        top.insert(
            "KinesisStreamSourceConfiguration".into(),
            json!({ "KinesisStreamARN": s(&k["kinesis_stream_arn"]), "RoleARN": s(&k["role_arn"]) }),
        );
    }
    if let Some(e) = one(r, "server_side_encryption") {
        assert_eq!(e["enabled"], json!(true));
        let mut o = Map::new();
        o.insert("KeyType".into(), s(&e["key_type"]));
        if let Some(k) = e.get("key_arn") {
            o.insert("KeyARN".into(), s(k));
        }
        top.insert("DeliveryStreamEncryptionConfigurationInput".into(), Value::Object(o));
    }
    let x = one(r, "extended_s3_configuration").expect("extended_s3_configuration");
    let mut d = Map::new();
    let copy = |d: &mut Map<String, Value>, tf: &str, api: &str| {
        if let Some(v) = x.get(tf) {
            d.insert(api.into(), s(v));
        }
    };
    copy(&mut d, "role_arn", "RoleARN");
    copy(&mut d, "bucket_arn", "BucketARN");
    copy(&mut d, "prefix", "Prefix");
    copy(&mut d, "error_output_prefix", "ErrorOutputPrefix");
    d.insert(
        "BufferingHints".into(),
        json!({ "SizeInMBs": x["buffering_size"], "IntervalInSeconds": x["buffering_interval"] }),
    );
    copy(&mut d, "compression_format", "CompressionFormat");
    if let Some(k) = x.get("kms_key_arn") {
        d.insert("EncryptionConfiguration".into(), json!({ "KMSEncryptionConfig": { "AWSKMSKeyARN": s(k) } }));
    }
    let logging = |l: &Value| {
        let mut o = Map::new();
        o.insert("Enabled".into(), l["enabled"].clone());
        if let Some(g) = l.get("log_group_name") {
            o.insert("LogGroupName".into(), s(g));
        }
        if let Some(n) = l.get("log_stream_name") {
            o.insert("LogStreamName".into(), s(n));
        }
        Value::Object(o)
    };
    if let Some(l) = one(&x, "cloudwatch_logging_options") {
        d.insert("CloudWatchLoggingOptions".into(), logging(&l));
    }
    if let Some(p) = one(&x, "processing_configuration") {
        let processors: Vec<Value> = p["processors"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|q| {
                let mut o = Map::new();
                o.insert("Type".into(), s(&q["type"]));
                // the provider sends a processor without `parameters` blocks with an empty list
                let params: Vec<Value> = q
                    .get("parameters")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .map(|x| json!({ "ParameterName": s(&x["parameter_name"]), "ParameterValue": s(&x["parameter_value"]) }))
                    .collect();
                o.insert("Parameters".into(), json!(params));
                Value::Object(o)
            })
            .collect();
        d.insert("ProcessingConfiguration".into(), json!({ "Enabled": p["enabled"], "Processors": processors }));
    }
    if let Some(c) = one(&x, "data_format_conversion_configuration") {
        let schema = one(&c, "schema_configuration").unwrap();
        let mut sc = Map::new();
        for (tf, api) in [
            ("role_arn", "RoleARN"),
            ("catalog_id", "CatalogId"),
            ("database_name", "DatabaseName"),
            ("table_name", "TableName"),
            ("region", "Region"),
            ("version_id", "VersionId"),
        ] {
            if let Some(v) = schema.get(tf) {
                sc.insert(api.into(), s(v));
            }
        }
        let de = one(&one(&c, "input_format_configuration").unwrap(), "deserializer").unwrap();
        let ser = one(&one(&c, "output_format_configuration").unwrap(), "serializer").unwrap();
        let pick = |v: &Value, names: [(&str, &str); 2]| {
            let (_, api) = names.into_iter().find(|(tf, _)| v.get(*tf).is_some()).expect("one serde block");
            json!({ api: {} })
        };
        d.insert(
            "DataFormatConversionConfiguration".into(),
            json!({
                "Enabled": c["enabled"],
                "SchemaConfiguration": sc,
                "InputFormatConfiguration": { "Deserializer": pick(&de, [("open_x_json_ser_de", "OpenXJsonSerDe"), ("hive_json_ser_de", "HiveJsonSerDe")]) },
                "OutputFormatConfiguration": { "Serializer": pick(&ser, [("parquet_ser_de", "ParquetSerDe"), ("orc_ser_de", "OrcSerDe")]) },
            }),
        );
    }
    if let Some(p) = one(&x, "dynamic_partitioning_configuration") {
        d.insert(
            "DynamicPartitioningConfiguration".into(),
            json!({ "Enabled": p["enabled"], "RetryOptions": { "DurationInSeconds": p["retry_duration"] } }),
        );
    }
    copy(&mut d, "file_extension", "FileExtension");
    copy(&mut d, "custom_time_zone", "CustomTimeZone");
    copy(&mut d, "s3_backup_mode", "S3BackupMode");
    if let Some(b) = one(&x, "s3_backup_configuration") {
        let mut o = Map::new();
        for (tf, api) in [
            ("role_arn", "RoleARN"),
            ("bucket_arn", "BucketARN"),
            ("prefix", "Prefix"),
            ("compression_format", "CompressionFormat"),
        ] {
            if let Some(v) = b.get(tf) {
                o.insert(api.into(), s(v));
            }
        }
        if let Some(l) = one(&b, "cloudwatch_logging_options") {
            o.insert("CloudWatchLoggingOptions".into(), logging(&l));
        }
        d.insert("S3BackupConfiguration".into(), Value::Object(o));
    }
    top.insert("ExtendedS3DestinationConfiguration".into(), Value::Object(d));
    if let Some(tags) = r.get("tags").and_then(Value::as_object) {
        let tags: Vec<Value> = tags.iter().map(|(k, v)| json!({ "Key": k.trim_matches('"'), "Value": s(v) })).collect();
        top.insert("Tags".into(), json!(tags));
    }
    Value::Object(top)
}

/// The block `kind "type" "name"` of a parsed configuration.
fn tf_block<'a>(doc: &'a Value, kind: &str, ty: &str, name: &str) -> Option<&'a Value> {
    doc[kind].as_array()?.iter().find_map(|b| b.get(format!("\"{ty}\""))?.get(format!("\"{name}\"")))
}

#[test]
fn the_terraform_configuration_holds_apply_s_request_and_policies() {
    for (what, plan) in plans() {
        let dir = tempfile::tempdir().unwrap();
        let doc = parse("hcl", &export(dir.path(), &plan, "terraform"));
        let mut vars = Map::new();
        for v in doc["variable"].as_array().unwrap() {
            for (k, body) in v.as_object().unwrap() {
                vars.insert(k.trim_matches('"').to_owned(), body.clone());
            }
        }
        let vars = Value::Object(vars);
        let stream = tf_block(&doc, "resource", "aws_kinesis_firehose_delivery_stream", "this").expect("the stream");
        assert_eq!(stream["destination"], json!("\"extended_s3\""), "{what}");
        assert_eq!(tf_to_api(stream, &plan, &vars), applied_request(&plan), "{what}: the delivery stream");
        if firehose_wizard::export::puts_policy(&plan) {
            let p = tf_block(&doc, "resource", "aws_iam_role_policy", "firehose").expect("the policy");
            let text = resolve_tf(&p["policy"], &plan, &vars);
            let source = request::kinesis_arn(&plan, &target());
            assert_eq!(
                serde_json::from_str::<Value>(text.as_str().unwrap()).unwrap(),
                policy::permissions_policy(&plan, &target(), source.as_deref(), None),
                "{what}: the policy"
            );
            assert_eq!(
                stream["depends_on"][0],
                json!("${aws_iam_role_policy.firehose}"),
                "{what}: it waits for the policy"
            );
        }
        match &plan.settings.role {
            Role::Create(_) => {
                let role = tf_block(&doc, "resource", "aws_iam_role", "firehose").expect("the role");
                let text = resolve_tf(&role["assume_role_policy"], &plan, &vars);
                assert_eq!(
                    serde_json::from_str::<Value>(text.as_str().unwrap()).unwrap(),
                    policy::trust_policy(ACCOUNT),
                    "{what}"
                );
            }
            Role::Existing(_) => assert!(tf_block(&doc, "data", "aws_iam_role", "firehose").is_some(), "{what}"),
        }
        assert_eq!(
            tf_block(&doc, "resource", "aws_s3_bucket", "destination").is_some(),
            plan.destination.create_bucket,
            "{what}"
        );
        assert_eq!(
            tf_block(&doc, "data", "aws_s3_bucket", "destination").is_some(),
            !plan.destination.create_bucket,
            "{what}"
        );
        if let Source::NewKinesisStream(n) = &plan.source {
            let k = tf_block(&doc, "resource", "aws_kinesis_stream", "source").expect("the source stream");
            assert_eq!(k["shard_count"], json!(n.shards.unwrap()), "{what}");
        }
        if plan.settings.error_logging {
            let g = tf_block(&doc, "resource", "aws_cloudwatch_log_group", "errors").expect("the log group");
            assert_eq!(resolve_tf(&g["name"], &plan, &vars), json!(request::log_group(&plan)), "{what}");
            // named by what they log: the destination's errors, then the backup's
            for (id, stream) in ["delivery", "backup"].iter().zip(request::log_streams(&plan)) {
                let s = tf_block(&doc, "resource", "aws_cloudwatch_log_stream", id).expect("the log stream");
                assert_eq!(resolve_tf(&s["name"], &plan, &vars), json!(stream), "{what}");
            }
        }
    }
}
