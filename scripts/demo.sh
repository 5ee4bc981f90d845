#!/usr/bin/env bash
# The README's first command: from nothing to the workshop's delivery stream, on a local AWS emulator.
#   1. installs and starts the emulator (moto server on 127.0.0.1)
#   2. creates the Kinesis data stream "retail-trans", as the workshop's earlier step does
#   3. writes the lab's plan with a bucket name of your own (.work/lab-plan.json), and validates it
#   4. applies it: bucket, IAM role and policy, delivery stream, step by step
#   5. reads the created delivery stream back from the emulator
# The emulator keeps running so that you can look around; stop it with: scripts/emulator.sh stop
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

echo "== building firehose-wizard (the first build takes about 2 minutes)"
cargo build --locked --quiet
bin="$root/target/debug/firehose-wizard"

echo "== starting a fresh local AWS emulator"
scripts/emulator.sh stop >/dev/null 2>&1 || true
scripts/emulator.sh start >/dev/null
# shellcheck disable=SC1091
source .work/emulator.env
echo "   $AWS_ENDPOINT_URL (region $AWS_REGION, dummy credentials)"

echo "== the workshop's earlier step: a Kinesis data stream named retail-trans"
.venv/bin/python - <<'PY'
import boto3
boto3.client("kinesis").create_stream(StreamName="retail-trans", StreamModeDetails={"StreamMode": "ON_DEMAND"})
print("   created Kinesis stream retail-trans (on-demand)")
PY

echo "== the lab's plan, with a bucket name of your own"
"$bin" init --lab --force -o .work/lab-plan.json
"$bin" validate .work/lab-plan.json

echo "== firehose-wizard apply .work/lab-plan.json"
"$bin" apply .work/lab-plan.json

echo "== what the emulator now holds"
.venv/bin/python - <<'PY'
import boto3
d = boto3.client("firehose").describe_delivery_stream(DeliveryStreamName="retail-trans")["DeliveryStreamDescription"]
s3 = d["Destinations"][0]["ExtendedS3DestinationDescription"]
print(f"   delivery stream {d['DeliveryStreamName']}: {d['DeliveryStreamStatus']}, {d['DeliveryStreamType']}")
print(f"   source  {d['Source']['KinesisStreamSourceDescription']['KinesisStreamARN']}")
print(f"   bucket  {s3['BucketARN']}")
print(f"   prefix  {s3['Prefix']}")
print(f"   errors  {s3['ErrorOutputPrefix']}")
print(f"   buffer  {s3['BufferingHints']['SizeInMBs']} MiB / {s3['BufferingHints']['IntervalInSeconds']} s, {s3['CompressionFormat']}")
print(f"   role    {s3['RoleARN']}")
PY
echo "== done. The emulator is still running: 'source .work/emulator.env' to point AWS tools at it,"
echo "   'scripts/emulator.sh stop' to stop it."
