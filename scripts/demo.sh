#!/usr/bin/env bash
# The README's first command: from nothing to the workshop's delivery stream, on a local AWS emulator.
#   1. builds firehose-wizard, installs and starts the emulator (moto server on 127.0.0.1)
#   2. creates the Kinesis data stream "retail-trans", as the workshop's earlier step does
#   3. opens the wizard with the lab's values (--lab): walk the five screens, then Create
#   4. reads what the emulator then holds
# With --apply, step 3 is scripted instead: the lab's plan is written (.work/lab-plan.json), validated
# and applied with `firehose-wizard apply`, no terminal needed.
# The emulator keeps running so that you can look around; stop it with: scripts/emulator.sh stop
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mode="${1:-wizard}"

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

if [ "$mode" = "--apply" ]; then
  echo "== the lab's plan, with a bucket name of your own"
  "$bin" init --lab --force -o .work/lab-plan.json
  "$bin" validate .work/lab-plan.json
  echo "== firehose-wizard apply .work/lab-plan.json"
  "$bin" apply .work/lab-plan.json
else
  echo "== opening the wizard with the lab's values (Ctrl-N: next screen, ?: keys, Ctrl-C: quit)"
  sleep 1
  "$bin" --lab || true
fi

echo "== what the emulator now holds"
.venv/bin/python - <<'PY'
import boto3
fh = boto3.client("firehose")
names = fh.list_delivery_streams()["DeliveryStreamNames"]
if not names:
    print("   no delivery stream (the wizard was left before Create)")
for name in names:
    d = fh.describe_delivery_stream(DeliveryStreamName=name)["DeliveryStreamDescription"]
    s3 = d["Destinations"][0]["ExtendedS3DestinationDescription"]
    src = d.get("Source", {}).get("KinesisStreamSourceDescription", {}).get("KinesisStreamARN", "Direct PUT")
    print(f"   delivery stream {d['DeliveryStreamName']}: {d['DeliveryStreamStatus']}, {d['DeliveryStreamType']}")
    print(f"   source  {src}")
    print(f"   bucket  {s3['BucketARN']}")
    print(f"   prefix  {s3.get('Prefix', '')}")
    print(f"   errors  {s3.get('ErrorOutputPrefix', '')}")
    print(f"   buffer  {s3['BufferingHints']['SizeInMBs']} MiB / {s3['BufferingHints']['IntervalInSeconds']} s, {s3['CompressionFormat']}")
    print(f"   role    {s3['RoleARN']}")
PY
echo "== next: 'firehose-wizard status --stream retail-trans' (or 'watch'), and 'smoke-test': the emulator never"
echo "   reads a Kinesis source, so there the smoke test says why nothing arrived; on AWS it shows the records in S3"
echo "== done. The emulator is still running: 'source .work/emulator.env' to point AWS tools at it,"
echo "   'scripts/emulator.sh stop' to stop it."
