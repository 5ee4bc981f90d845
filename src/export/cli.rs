//! A plan as a bash script of AWS CLI commands (v1 or v2): `apply`'s steps in `apply`'s order, with
//! what the CLI does not do by itself: waiting for a new Kinesis stream and for the delivery stream to
//! be ACTIVE, and retrying CreateDeliveryStream while a new role propagates in IAM. A resource that
//! exists already is used as it is, so the script can run again after a failure.

use std::fmt::Write as _;

use super::{Parts, Token, ascii_json, puts_policy, role_name, source_name};
use crate::plan::{Plan, Role, Source, StreamMode};

/// `s` as one shell word: `'it'\''s'`.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// What this script does not do that `apply` does, for this plan.
fn notes(plan: &Plan) -> Vec<String> {
    let mut out = vec![
        "It keeps no journal: `firehose-wizard destroy` removes only what `firehose-wizard apply` created; remove what this script creates with the AWS CLI or the console.".to_owned(),
        "A delivery stream that exists already is left as it is, without comparing it with the plan (apply compares them).".into(),
    ];
    if let Role::Existing(_) = plan.settings.role
        && !plan.settings.add_policy_to_role
    {
        out.push("The existing role's permissions are not checked (apply lists what they lack).".into());
    }
    out.extend(super::source_key_note(plan));
    out
}

/// A JSON document of the parts, written to `$WORK/<file>` with the known values filled in.
fn document(out: &mut String, file: &str, v: &serde_json::Value) {
    let _ = writeln!(out, "fill > \"$WORK/{file}\" <<'FIREHOSE_WIZARD_JSON'\n{}\nFIREHOSE_WIZARD_JSON", ascii_json(v));
}

pub fn script(plan: &Plan, parts: &Parts) -> String {
    let mut s = String::new();
    let name = &plan.name;
    let _ = writeln!(
        s,
        "#!/usr/bin/env bash\n\
         # The Amazon Data Firehose delivery stream {name} as AWS CLI commands (v1 or v2): what\n\
         # `firehose-wizard apply` does, in its order. Exported by firehose-wizard {version}.\n\
         #\n\
         #   AWS_REGION=us-east-1 bash {file}\n\
         #\n\
         # The Region is AWS_REGION, else AWS_DEFAULT_REGION, else the profile's; credentials as for any\n\
         # AWS CLI call (AWS_PROFILE, ...). What exists already is used as it is, so it can run again.",
        version = env!("CARGO_PKG_VERSION"),
        file = super::Format::Cli.file_name(plan),
    );
    for n in notes(plan) {
        let _ = writeln!(s, "#\n# Note: {n}");
    }
    let _ = writeln!(
        s,
        r#"set -euo pipefail
export AWS_PAGER=""

STREAM={stream}
BUCKET={bucket}
REGION="${{AWS_REGION:-${{AWS_DEFAULT_REGION:-$(aws configure get region || true)}}}}"
if [ -z "$REGION" ]; then
  echo "set AWS_REGION to the Region to create the delivery stream in" >&2
  exit 2
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
aws --version >&2

# Runs an AWS CLI call. An error whose code is one of $1 (like "EntityAlreadyExists|X") returns 1:
# what it creates exists already. Any other error is printed, and the script stops.
call() {{
  local codes="$1"
  shift
  if "$@" 2>"$WORK/error"; then return 0; fi
  if [ -n "$codes" ] && grep -Eq "\\(($codes)\\)" "$WORK/error"; then return 1; fi
  cat "$WORK/error" >&2
  exit 1
}}

# Stops unless the bucket $1 exists and this account may use it (the plan refers to it, never creates it).
existing_bucket() {{
  if ! aws s3api head-bucket --bucket "$1" --region "$REGION" 2>"$WORK/error"; then
    echo "the bucket $1 does not exist, or this account may not use it (the plan expects it to exist):" >&2
    cat "$WORK/error" >&2
    exit 1
  fi
}}

# Copies a JSON document from standard input, with the values known by now filled in.
fill() {{
  sed -e "s|{account}|$ACCOUNT|g" -e "s|{region}|$REGION|g" -e "s|{partition}|$PARTITION|g" \
    -e "s|{name}|$STREAM|g" -e "s|{bucket_token}|$BUCKET|g" -e "s|{role}|${{ROLE_ARN:-}}|g" \
    -e "s|{source}|${{SOURCE_ARN:-}}|g"
}}
"#,
        stream = quote(name),
        bucket = quote(&plan.destination.bucket),
        account = Token::Account.text(),
        region = Token::Region.text(),
        partition = Token::Partition.text(),
        name = Token::Name.text(),
        bucket_token = Token::Bucket.text(),
        role = Token::RoleArn.text(),
        source = Token::SourceArn.text(),
    );

    s.push_str(
        r#"echo "[1/8] account"
ACCOUNT="$(aws sts get-caller-identity --query Account --output text --region "$REGION")"
PARTITION="$(aws sts get-caller-identity --query Arn --output text --region "$REGION" | cut -d: -f2)"
echo "      $ACCOUNT ($PARTITION, $REGION)"

echo "[2/8] checks"
EXISTS=0
if aws firehose describe-delivery-stream --delivery-stream-name="$STREAM" --region "$REGION" >/dev/null 2>&1; then
  EXISTS=1
  echo "      the delivery stream $STREAM exists already: it is left as it is"
fi

"#,
    );

    s.push_str("echo \"[3/8] source stream\"\n");
    match (&plan.source, source_name(plan)) {
        (Source::DirectPut, _) | (_, None) => s.push_str("echo \"      Direct PUT: no source stream\"\n"),
        (source, Some(k)) => {
            if let Source::NewKinesisStream(n) = source {
                let mode = match n.mode {
                    StreamMode::OnDemand => "StreamMode=ON_DEMAND".to_owned(),
                    StreamMode::Provisioned => {
                        format!("StreamMode=PROVISIONED --shard-count {}", n.shards.unwrap_or(1))
                    }
                };
                let _ = writeln!(
                    s,
                    "call ResourceInUseException aws kinesis create-stream --stream-name={k} --stream-mode-details {mode} --region \"$REGION\" \\\n  || echo \"      exists already\"\n\
                     aws kinesis wait stream-exists --stream-name={k} --region \"$REGION\"",
                    k = quote(k)
                );
            }
            // a stream given by its ARN (another account's, maybe) is read by that ARN, as apply does
            let by = match source {
                Source::KinesisStream(arn) if arn.starts_with("arn:") => format!("--stream-arn={}", quote(arn)),
                _ => format!("--stream-name={}", quote(k)),
            };
            let _ = writeln!(
                s,
                "SOURCE_ARN=\"$(aws kinesis describe-stream-summary {by} --query StreamDescriptionSummary.StreamARN --output text --region \"$REGION\")\"\n\
                 echo \"      $SOURCE_ARN\""
            );
        }
    }

    s.push_str("\necho \"[4/8] bucket\"\n");
    if plan.destination.create_bucket {
        s.push_str(
            r#"if [ "$REGION" = us-east-1 ]; then
  # us-east-1 takes no LocationConstraint
  call BucketAlreadyOwnedByYou aws s3api create-bucket --bucket "$BUCKET" --region "$REGION" >/dev/null \
    || echo "      exists already"
else
  call BucketAlreadyOwnedByYou aws s3api create-bucket --bucket "$BUCKET" --region "$REGION" \
    --create-bucket-configuration "LocationConstraint=$REGION" >/dev/null || echo "      exists already"
fi
echo "      $BUCKET"
"#,
        );
    } else {
        s.push_str("existing_bucket \"$BUCKET\"\necho \"      $BUCKET (exists)\"\n");
    }
    if let Some(b) = &plan.destination.backup
        && b.bucket != plan.destination.bucket
    {
        let _ = writeln!(s, "existing_bucket {}", quote(&b.bucket));
    }

    s.push_str("\necho \"[5/8] error logging\"\n");
    if parts.log_streams.is_empty() {
        s.push_str("echo \"      error logging is off\"\n");
    } else {
        let group = super::substitute(&parts.log_group, str::to_owned, |_| "$STREAM".into());
        let _ = writeln!(
            s,
            "GROUP=\"{group}\"\ncall ResourceAlreadyExistsException aws logs create-log-group --log-group-name=\"$GROUP\" --region \"$REGION\" || true"
        );
        for stream in &parts.log_streams {
            let _ = writeln!(
                s,
                "call ResourceAlreadyExistsException aws logs create-log-stream --log-group-name=\"$GROUP\" --log-stream-name={} --region \"$REGION\" || true",
                quote(stream)
            );
        }
        let _ = writeln!(s, "echo \"      $GROUP\" {}", quote(&format!("({})", parts.log_streams.join(", "))));
    }

    s.push_str("\necho \"[6/8] role\"\n");
    let role = quote(role_name(plan));
    if let Role::Create(_) = plan.settings.role {
        document(&mut s, "trust.json", &parts.trust);
        let _ = writeln!(
            s,
            "call EntityAlreadyExists aws iam create-role --role-name={role} --assume-role-policy-document \"file://$WORK/trust.json\" \\\n  --description \"{description}\" >/dev/null \\\n  || echo \"      exists already: used if it trusts Firehose\"",
            description = super::substitute(&parts.role_description, str::to_owned, |_| "$STREAM".into())
        );
    }
    let _ = writeln!(
        s,
        "ROLE_ARN=\"$(aws iam get-role --role-name={role} --query Role.Arn --output text)\"\n\
         if ! aws iam get-role --role-name={role} --query Role.AssumeRolePolicyDocument --output json | grep -q firehose.amazonaws.com; then\n\
         \x20 echo \"the role $ROLE_ARN does not let firehose.amazonaws.com assume it\" >&2\n\
         \x20 exit 1\n\
         fi"
    );
    if puts_policy(plan) {
        document(&mut s, "policy.json", &parts.permissions);
        let policy = super::substitute(&parts.policy_name, str::to_owned, |t| match t {
            Token::Region => "$REGION".into(),
            _ => "$STREAM".into(),
        });
        let _ = writeln!(
            s,
            "aws iam put-role-policy --role-name={role} --policy-name=\"{policy}\" --policy-document \"file://$WORK/policy.json\"\n\
             echo \"      $ROLE_ARN + policy {policy}\""
        );
    } else {
        s.push_str("echo \"      $ROLE_ARN (used as it is)\"\n");
    }

    s.push_str("\necho \"[7/8] delivery stream\"\n");
    document(&mut s, "request.json", &parts.request);
    let _ = writeln!(
        s,
        r#"if [ "$EXISTS" = 0 ]; then
  # IAM takes a while to show a new role to Firehose: retry for up to 2 minutes, as apply does
  wait=2
  start=$SECONDS
  try=0
  until aws firehose create-delivery-stream --cli-input-json "file://$WORK/request.json" --region "$REGION" \
      >/dev/null 2>"$WORK/error"; do
    if grep -q '(InvalidArgumentException)' "$WORK/error" \
        && grep -Eq '{propagation}' "$WORK/error" \
        && [ $((SECONDS - start + wait)) -le 120 ]; then
      echo "      the role is not usable by Firehose yet; again in $wait s"
      sleep "$wait"
      wait=$((wait * 2 > 15 ? 15 : wait * 2))
      try=$((try + 1))
    elif [ "$try" -gt 0 ] && grep -q '(ResourceInUseException)' "$WORK/error"; then
      break # an earlier attempt went through
    else
      cat "$WORK/error" >&2
      exit 1
    fi
  done
fi

echo "[8/8] wait for ACTIVE"
for _ in $(seq 360); do
  STATUS="$(aws firehose describe-delivery-stream --delivery-stream-name="$STREAM" \
    --query DeliveryStreamDescription.DeliveryStreamStatus --output text --region "$REGION")"
  case "$STATUS" in
    ACTIVE) break ;;
    CREATING) sleep 5 ;;
    *)
      echo "the delivery stream is $STATUS:" >&2
      aws firehose describe-delivery-stream --delivery-stream-name="$STREAM" \
        --query DeliveryStreamDescription.FailureDescription --output text --region "$REGION" >&2
      exit 1
      ;;
  esac
done
if [ "$STATUS" != ACTIVE ]; then
  echo "the delivery stream is still $STATUS after 30 minutes" >&2
  exit 1
fi
echo "delivery stream ARN: $(aws firehose describe-delivery-stream --delivery-stream-name="$STREAM" \
  --query DeliveryStreamDescription.DeliveryStreamARN --output text --region "$REGION")""#,
        // the messages apply retries on, as one extended regular expression
        propagation = crate::plan::request::PROPAGATION_MESSAGES.join("|"),
    );
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_quoted_for_the_shell() {
        assert_eq!(quote("retail-trans"), "'retail-trans'");
        assert_eq!(quote("it's"), r"'it'\''s'");
    }
}
