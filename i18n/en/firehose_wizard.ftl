# firehose-wizard's messages in English. Every message here is also in i18n/ko/firehose_wizard.ftl, with
# the same arguments (tests/i18n.rs checks it). Braces that are text are written {"{"} and {"}"}.

# text as it is (what AWS said, a value)
text = {$text}

lang-name = English
test-arguments = {$name}: {$count} records

## The wizard's fields: labels (at most 27 columns) and the hints in empty fields
field-name = Delivery stream name
field-name-hint = 1–64 of a-z A-Z 0-9 _ . -
field-source-kind = Source
field-kinesis-stream = Kinesis data stream
field-stream-mode = Capacity mode
field-shards = Shards
field-shards-hint = 1 or more
field-lambda = Lambda transform
field-lambda-arn = Function ARN
field-lambda-arn-hint = arn:aws:lambda:REGION:ACCOUNT:function:NAME:$LATEST
field-lambda-buffer = Buffer (0.2–3 MiB)
field-lambda-buffer-hint = 1 (default)
field-lambda-interval = Buffer interval (0–900 s)
field-lambda-interval-hint = 60 (default)
field-lambda-retries = Retries
field-lambda-retries-hint = 3 (default)
field-format-conversion = Record format conversion
field-output-format = Output format
field-input-format = JSON deserializer
field-glue-database = Glue database
field-glue-table = Glue table
field-glue-region = Glue Region
field-glue-region-hint = the stream's Region (default)
field-glue-version = Glue table version
field-glue-version-hint = LATEST (default)
field-bucket-mode = S3 bucket
field-bucket = Bucket name
field-dynamic = Dynamic partitioning
field-partition-keys = Partition keys (jq)
field-partition-keys-hint = customer_id=.customer_id; region=.region
field-new-line = New line delimiter
field-deaggregation = Record de-aggregation
field-delimiter = De-aggregation delimiter
field-delimiter-hint = the text between records, like ####
field-retry-duration = Retry duration (0–7200 s)
field-retry-duration-hint = 300 (default)
field-sample-record = Sample record (preview)
field-sample-record-hint = {"{"}"customer_id": "C42"{"}"} to preview keys
field-prefix = S3 prefix
field-prefix-hint = empty: yyyy/MM/dd/HH/ · Ctrl-T: lab prefixes
field-error-prefix = S3 error prefix
field-error-prefix-hint = needed when the prefix has !{"{"}...{"}"}
field-file-extension = File extension
field-file-extension-hint = default for the format (.gz, .parquet...)
field-time-zone = Prefix time zone
field-time-zone-hint = UTC (default); IANA name like Asia/Seoul
field-backup = Source record backup
field-backup-bucket = Backup bucket
field-backup-bucket-hint = an existing bucket, or the destination's
field-backup-prefix = Backup prefix
field-backup-prefix-hint = like raw/
field-buffer-size = Buffer size (1–128 MiB)
field-buffer-interval = Buffer interval (0–900 s)
field-compression = Compression
field-encryption = S3 encryption
field-kms-key = KMS key ARN
field-kms-key-hint = arn:aws:kms:REGION:ACCOUNT:key/ID
field-stream-encryption = Stream encryption
field-stream-key = Stream KMS key ARN
field-stream-key-hint = arn:aws:kms:REGION:ACCOUNT:key/ID
field-error-logging = CloudWatch error logging
field-tags = Tags
field-tags-hint = key=value, key2=value2 (at most 50)
field-role-mode = IAM role
field-role-name = Role name
field-add-policy = Add this stream's policy
field-create = Create

## Choices
choice-direct-put = Direct PUT
choice-kinesis-stream = Kinesis stream
choice-new-kinesis-stream = New Kinesis stream
choice-disabled = Disabled
choice-enabled = Enabled
choice-create-new = Create new
choice-choose-existing = Choose existing
choice-no = No
choice-yes = Yes
choice-on-demand = On-demand
choice-provisioned = Provisioned
choice-parquet = Apache Parquet
choice-orc = Apache ORC
choice-openx-json = OpenX JSON
choice-hive-json = Apache Hive JSON
choice-off = Off
choice-json = JSON
choice-delimited = Delimited
choice-uncompressed = UNCOMPRESSED
choice-gzip = GZIP
choice-zip = ZIP
choice-snappy = Snappy
choice-hadoop-snappy = HADOOP_SNAPPY
choice-bucket-default = Bucket default
choice-kms-key = KMS key
choice-aws-owned-key = AWS owned key
choice-customer-managed-key = Customer managed key

## The frame: header, steps, status line, popups
header-step = {" "}Step {$number}/5 · {$title}
header-no-region = no region
header-account = account {$account} · {$region}
header-account-unknown = account unknown · {$region}
header-account-pending = account … · {$region}
header-profile = profile {$profile} ·{" "}
header-custom-endpoint = {" "}· custom endpoint
steps-item = {$number} {$title}
status-aws-error = {" "}! AWS: {$error}
status-no-problems = {" "}✓ no problems on this screen
status-problems = {" "}! {$count ->
    [one] {$count} problem
   *[other] {$count} problems
} on this screen
choice-position = {"  "}{$at}/{$of} ←→ to change
too-small = Terminal too small
too-small-sizes = need {$need}, have {$have}
too-small-what-to-do = enlarge the window; Ctrl-C quits
confirm-yes = yes
confirm-no = no
confirm-quit-title = Quit
confirm-quit-creating = Quit while creating? The call in flight may still finish in AWS; what exists so far is printed when you leave.
confirm-quit-leftovers = Quit? {$count} resource(s) firehose-wizard created still exist (d on the failure screen removes them, as does `firehose-wizard destroy`); they are listed when you leave.
confirm-quit = Quit? Your answers are not saved (save them from Review with s).
confirm-create-title = Create
confirm-create = Create the delivery stream {$name} and what it needs in account {$account} in {$region}?
confirm-create-unknown-account = Create the delivery stream {$name} and what it needs in the configured account?
confirm-remove-title = Remove
confirm-remove = Delete the {$count} resource(s) firehose-wizard created for this stream (newest first, waiting for each)? What already existed is not touched; a bucket that holds objects is kept.
save-title = {" "}Save the plan as{" "}
save-keys = Enter save · Esc cancel · an existing file is never overwritten
view-title = {" "}{$title} · line {$line}/{$lines} · ↑↓ PgUp/PgDn scroll · Esc close{" "}

## Naming and ARN rules (plan/names.rs). A "what-" message names the value a rule speaks of.
rule-required = {$what} is required ({$min}–{$max} characters)
rule-length = {$what} must be {$min}–{$max} characters long; it has {$n}
rule-charset = {$what} may contain only {$allowed}; character {$position} is {$character}
chars-stream = letters A–Z a–z, digits 0–9, '_', '.' and '-'
chars-new-bucket = lower-case letters a–z, digits 0–9, '.' and '-'
chars-existing-bucket = letters, digits, '_', '.' and '-'
chars-role = letters, digits and _+=,.@-
what-stream-name = the delivery stream name
what-kinesis-name = a Kinesis stream name
what-kinesis-arn = a Kinesis stream ARN
what-bucket-name = a bucket name
what-existing-bucket-name = an existing bucket's name
what-role-name = a role name
what-role-arn = a role ARN
what-lambda-arn = the Lambda function ARN
what-lambda-name = a Lambda function name
what-kms-arn = a KMS key ARN
what-tag-key = a tag key
what-tag-key-short = tag key
what-tag-value = the value of tag {$key}
what-file-extension = the file extension
what-time-zone = the time zone
what-jq-expression = the jq expression of partition key {$key}
rule-not-kinesis-arn = {$value} is not a Kinesis stream ARN: expected arn:PARTITION:kinesis:REGION:ACCOUNT(12 digits):stream/NAME
rule-bucket-edges = a bucket name must begin and end with a lower-case letter or a digit
rule-bucket-periods = a bucket name must not contain two adjacent periods ("..")
rule-bucket-ip = a bucket name must not be formatted as an IP address (like 192.168.5.4)
rule-bucket-reserved-start = bucket names starting with "{$reserved}" are reserved by Amazon S3
rule-bucket-reserved-end = bucket names ending with "{$reserved}" are reserved by Amazon S3
rule-bucket-regional = bucket names ending with "-an" are reserved for account-regional namespace buckets, which this tool does not create
rule-not-role-arn = {$value} is not an IAM role ARN: expected arn:PARTITION:iam::ACCOUNT(12 digits):role/[PATH/]NAME
rule-not-lambda-arn = {$value} is not a Lambda function ARN: expected arn:aws:lambda:REGION:ACCOUNT(12 digits):function:NAME[:$LATEST|:VERSION|:ALIAS]
rule-not-kms-arn = {$value} is not a KMS key ARN: expected arn:aws:kms:REGION:ACCOUNT(12 digits):key/KEY_ID (or alias/NAME)
rule-not-region = {$value} is not a Region name (like us-east-1)
rule-no-white-space = {$what} must not contain white space (character {$position} is white space)
rule-tag-key-aws = tag key {$key}: keys starting with "aws:" are reserved by AWS
rule-tag-chars = {$what} may contain only letters, digits, spaces and _ . : / = + - @ %; {$character} is not allowed
rule-file-extension = {$value} is not a file extension: it must start with '.' and then use only lower-case a–z, digits and ! - _ . * ' ( )
rule-time-zone-chars = {$value}: Firehose takes time zone names of letters, '/' and '_' only (like Asia/Seoul or America/New_York)
rule-not-time-zone = {$value} is not an IANA time zone name (like UTC, Europe/Paris or Asia/Seoul; case matters)
rule-partition-key-name = partition key name {$key} must be a jq key name (letters, digits and '_', not starting with a digit)
rule-jq-empty = {$what} is empty; for example {$example}
rule-jq-string = {$what} has a string that is not closed with "
rule-jq-unmatched = {$what} has an unmatched {$bracket}
rule-jq-unclosed = {$what} has an unclosed {$bracket}

## The prefix language (plan/prefix.rs)
prefix-at-character = at character {$position}: {$message}
prefix-unclosed = "!{"{"}" opens an expression that is never closed with "{"}"}"; "!{"{"}" may only appear as the start of !{"{"}namespace:value{"}"}
prefix-nested = expressions cannot be nested: "!{"{"}" may only appear as the start of !{"{"}namespace:value{"}"}
prefix-not-expression = {$text} is not an expression: write !{"{"}namespace:value{"}"} with a namespace of timestamp, firehose, partitionKeyFromQuery or partitionKeyFromLambda
prefix-timestamp-empty = !{"{"}timestamp:{"}"} needs a date-time pattern, such as !{"{"}timestamp:yyyy{"}"}
prefix-unknown-firehose-value = unknown firehose value {$value}: the firehose namespace has only random-string and error-output-type
prefix-unknown-namespace = unknown namespace {$namespace}: use timestamp, firehose, partitionKeyFromQuery or partitionKeyFromLambda (names are case-sensitive)
pattern-unterminated-quote = unterminated quote in the timestamp pattern {$pattern}
pattern-optional-sections = optional sections ('[' and ']') are not supported in the timestamp pattern {$pattern}
pattern-reserved = {$character} is reserved in Java date-time patterns; quote it ('{$letter}') to use it as text
pattern-too-many-letters = too many pattern letters: {$letters} ({$count} × '{$letter}', at most {$max})
pattern-month-names = month names ({$letters}) depend on the locale Firehose formats with, which AWS does not document; use MM for the month number
pattern-week-year = Y is the week-based year, which differs from the calendar year in the last days of December and the first days of January; use yyyy
pattern-day-names = '{$letter}' gives day names or AM/PM text, which depend on the locale Firehose formats with; use numbers (dd, HH) instead
pattern-unsupported-letter = pattern letter '{$letter}' is not supported by firehose-wizard (supported: {$supported})
pattern-unknown-letter = unknown pattern letter '{$letter}' (supported: {$supported}); quote text like 'T' to use letters literally
prefix-line-break = must not contain line breaks; character {$position} is {$character}
prefix-too-long = must be at most {$max} characters long; it has {$n}
prefix-rule-5 = !{"{"}firehose:error-output-type{"}"} is only allowed in the error prefix (rule 5)
prefix-rule-3 = is required when the prefix contains !{"{"}...{"}"} expressions (rule 3); for example error/!{"{"}firehose:error-output-type{"}"}/!{"{"}timestamp:yyyy/MM/dd{"}"}/
prefix-keys-need-partitioning = partitionKeyFromQuery and partitionKeyFromLambda expressions need dynamic partitioning, which this plan does not enable
prefix-rule-6 = can evaluate to {$n} characters; Firehose allows at most {$max} (rule 6)
prefix-no-slash = does not end with '/', and Firehose appends {$pattern} to it directly ("{$example}"); end it with '/' to make it a folder
prefix-rule-4 = contains expressions, so it must also contain !{"{"}firehose:error-output-type{"}"} at least once (rule 4)
prefix-rule-7 = partitionKeyFromQuery and partitionKeyFromLambda expressions are not allowed in the error prefix (rule 7)
prefix-error-no-slash = does not end with '/', and Firehose appends the error type to it directly; end it with '/' to make it a folder
pattern-warn-day-of-year = D is the day of the year (1–366), here used with a month; for the day of the month use dd
pattern-warn-minutes = m is minutes, used here with a date but no hour; for the month use MM
pattern-warn-12-hour = h and K are 12-hour clocks (morning and afternoon share keys); for the hour of the day use HH

## Whole-plan rules (plan/validate.rs)
problem-error = error: {$path}: {$message}
problem-warning = warning: {$path}: {$message}
rule-shards-needed = a provisioned stream needs a shard count (1 or more)
rule-shards-at-least-one = the shard count must be at least 1; it is {$n}
rule-shards-too-many = {$n} shards is beyond any account's quota
rule-shards-on-demand = an on-demand stream scales by itself and takes no shard count: remove shards, or use mode provisioned
rule-lambda-buffer = the Lambda buffer size must be 0.2–3 MiB; it is {$value}
rule-lambda-interval = the Lambda buffer interval must be 0–900 seconds; it is {$value}
rule-lambda-retries = the number of retries must be 0 or more; it is {$value}
rule-output-format = {$value} is not an output format: use parquet or orc
rule-input-format = {$value} is not an input format: use openx_json or hive_json
what-glue-database = the Glue database
what-glue-table = the Glue table
what-glue-version = the Glue table version
rule-glue-version = {$value} is not a table version: use LATEST or a version number
rule-conversion-uncompressed = must be UNCOMPRESSED with record format conversion (the {$serializer} serializer compresses instead); it is {$value}
rule-conversion-buffer = must be at least {$min} MiB with record format conversion (128 is the usual choice); it is {$value}
rule-partition-keys-count = at most {$max} partition keys; there are {$n}
rule-partition-keys-none = define at least one partition key (name = jq expression, like customer_id = .customer_id), or a Lambda transform that returns the keys
rule-jq-query-length = the jq query of all keys is {$n} characters; Firehose takes at most {$max}
rule-retry-duration = the retry duration must be 0–7200 seconds; it is {$value}
rule-delimiter-empty = the delimiter of delimited de-aggregation must not be empty
rule-partitioning-buffer = must be at least {$min} MiB with dynamic partitioning; it is {$value}
rule-partitioning-interval = must be at least {$min} seconds with dynamic partitioning; it is {$value}
rule-backup-prefix-expressions = a backup prefix with !{"{"}...{"}"} expressions would need an error prefix of its own, which backups made by this tool do not take: use a plain prefix like raw/
rule-backup-prefix = backup prefix: {$message}
rule-buffer-size = the buffer size must be 1–128 MiB; it is {$value}
rule-buffer-interval = the buffer interval must be 0–900 seconds; it is {$value}
rule-compression = {$value} is not a compression format; use one of {$formats}
rule-compression-case = {$value} is not a compression format; use one of {$formats} (names are case-sensitive: did you mean {$meant}?)
rule-stream-encryption-direct-put = stream encryption is for Direct PUT only: with a Kinesis source Firehose stores no data at rest; encrypt the Kinesis stream instead
rule-add-policy-no-effect = has no effect: a role this tool creates (or reuses) always gets this stream's policy
rule-bucket-placeholder = still ends with the workshop's placeholder {$placeholder}; bucket names are global, so make it your own (`firehose-wizard init --lab` writes a plan with a random suffix)
rule-partitioning-prefix = is required with dynamic partitioning, and must use the keys, like customer_id=!{"{"}partitionKeyFromQuery:customer_id{"}"}/
rule-partitioning-error-prefix = is required with dynamic partitioning, for example errors/!{"{"}firehose:error-output-type{"}"}/
rule-partitioning-prefix-keys = must use at least one partition key with dynamic partitioning, like key=!{"{"}partitionKeyFromQuery:key{"}"}/
rule-lambda-key-needs-lambda = !{"{"}partitionKeyFromLambda:{$key}{"}"} needs a Lambda transform that returns the key; there is none
rule-query-key-undefined = uses !{"{"}partitionKeyFromQuery:{$key}{"}"}, but no partition key named {$key} is defined
rule-partition-key-unused = partition key {$key} is not used in the prefix: add !{"{"}partitionKeyFromQuery:{$key}{"}"}
rule-kinesis-region = the Kinesis stream is in {$region}, but the delivery stream would be created in {$target}; Firehose reads only streams of its own Region (use --region {$region})
rule-kinesis-partition = the Kinesis stream ARN is in partition {$partition}, but these credentials are in {$target}
rule-role-partition = the role ARN is in partition {$partition}, but these credentials are in {$target}
rule-role-account = the role is in account {$account}, but the stream would be created in account {$target}; Firehose needs a role of its own account
rule-other-partition = the {$what} is in partition {$partition}, but these credentials are in {$target}
rule-other-region = the {$what} is in {$region}, but the delivery stream would be created in {$target}; {$why}
what-lambda-function = Lambda function
what-kms-key = KMS key
why-lambda-region = the console offers only functions of the stream's own Region
why-s3-key-region = S3 encrypts with a key of the bucket's own Region, and the new bucket is created in the stream's
why-firehose-key-region = Firehose encrypts with a key of its own Region

## The wizard's screens, lists and statuses (tui/wizard.rs)
step-name-source = Name and source
step-process = Process records
step-destination = Destination
step-settings = Settings
step-review = Review
step-creating = Creating
step-done = Created
step-failed = Creation failed
list-streams = Kinesis data streams
list-buckets = S3 buckets
list-roles = IAM roles
list-and = {" "}and{" "}
form-not-a-number = must be a number, like 0.5 or 1
form-not-a-whole-number = must be a whole number
form-not-a-pair = {$entry} is not name=value; separate entries with '{$separator}'
form-sample-not-json = not JSON ({$error}); the preview shows <key> instead of values
form-name-taken = a delivery stream with this name already exists in this account and Region
form-name-check-failed = could not check that the name is free: {$error}
form-role-untrusted = this role's trust policy does not let firehose.amazonaws.com assume it: choose another role, or create a new one
form-role-missing = its policies lack {$count} permission(s) this stream needs: {$missing}; set "Add this stream's policy" to Yes to add them
form-role-check-failed = could not read the role's policies: {$error}
status-removed = removed {$count} resource(s) firehose-wizard had created; what already existed is untouched
status-removed-some = removed {$count}; could not remove {$kept}
status-name-taken = the name is taken: choose another
status-wait-removal = removing what firehose-wizard created… wait for it to finish
status-nothing-to-remove = firehose-wizard created nothing here, so there is nothing to remove
status-nothing-to-watch = the stream was destroyed: there is nothing to watch
status-fix-first = fix the problems on {$title} first
status-first-screen = this is the first screen; Ctrl-C quits
status-nothing-to-fix = nothing to fix: the buffer and compression suit the options chosen
status-floors-set = set {$fixes}
status-floors-needed = {$option} needs {$fixes}: Ctrl-F on Settings (or here) sets it
status-lab-prefixes = inserted the lab's Hive-style prefixes (year=/month=/day=/hour=)
status-checking-name = checking that {$name} is free…
status-removing = removing what firehose-wizard created, newest first…
status-not-choosable = {$item} is {$detail}: it cannot be chosen
floor-buffer-size = a buffer of at least 64 MiB (128 set)
floor-buffer-interval = a buffer interval of at least 60 s
floor-uncompressed = compression UNCOMPRESSED
row-attempt = attempt {$attempt}: {$reason}
row-status = status {$status}
row-sdk-retry = {$operation} try {$attempt} of {$attempts}: {$reason}; retrying
policies-title = IAM policies
policies-trust = Trust policy of the role:
policies-permissions = Permissions policy {$name} on the role:
request-title = CreateDeliveryStream request
request-not-yet = the request cannot be built yet: {$error}

## Keys: the footer's words (key-short-) and the help's lines (key-help-)
keys-title = Keys
keys-legend = • = works on this screen
key-short-back = back
key-short-cancel = cancel
key-short-change = change
key-short-choose = choose
key-short-close = close
key-short-create = create
key-short-destroy = destroy
key-short-edit = edit
key-short-field = field
key-short-filter = filter
key-short-help = help
key-short-hide-verdict = hide verdict
key-short-hour = hour
key-short-keys = keys
key-short-lab-prefixes = lab prefixes
key-short-list = list
key-short-move = move
key-short-next = next
key-short-next-screen = next screen
key-short-no = no
key-short-object = object
key-short-policies = policies
key-short-prev-screen = prev screen
key-short-preview = preview
key-short-quit = quit
key-short-refresh = refresh
key-short-reload = reload
key-short-remove = remove
key-short-request = request
key-short-retry = retry
key-short-save = save
key-short-scroll = scroll
key-short-smoke-test = smoke test
key-short-verdict = verdict
key-short-watch = watch
key-short-yes = yes
key-help-a-live-view-of-the-stream-metrics-objects-errors = a live view of the stream: metrics, objects, errors
key-help-all-keys = all keys
key-help-all-keys-also-while-typing = all keys (also while typing)
key-help-back-one-screen-nothing-is-lost = back one screen (nothing is lost)
key-help-back-to-review-to-edit-input-kept = back to Review to edit (input kept)
key-help-back-to-the-summary = back to the summary
key-help-cancel = cancel
key-help-change-the-choice = change the choice
key-help-choose = choose
key-help-choose-from-the-live-list = choose from the live list
key-help-close = close
key-help-create-asks-first = create (asks first)
key-help-destroy-what-firehose-wizard-created-asks-first = destroy what firehose-wizard created (asks first)
key-help-edit-that-screen-then-come-back-here = edit that screen, then come back here
key-help-filter-the-list = filter the list
key-help-hide-the-smoke-test-s-verdict = hide the smoke test's verdict
key-help-highlight-an-object = highlight an object
key-help-insert-the-lab-s-hive-style-prefixes = insert the lab's Hive-style prefixes
key-help-move = move
key-help-move-the-metrics-window-over-the-last-hour = move the metrics' window over the last hour
key-help-next-field-on-the-last-field-next-screen = next field; on the last field, next screen
key-help-next-previous-field = next / previous field
key-help-next-screen-also-pgdn-when-this-one-has-no-error = next screen, also PgDn (when this one has no errors)
key-help-no = no
key-help-previous-screen-also-pgup = previous screen, also PgUp
key-help-quit = quit
key-help-quit-asks-first-if-anything-would-be-lost = quit (asks first if anything would be lost)
key-help-refresh-now-it-also-refreshes-every-10-s = refresh now (it also refreshes every 10 s)
key-help-reload-the-list = reload the list
key-help-remove-what-firehose-wizard-created-asks-first = remove what firehose-wizard created (asks first)
key-help-retry-the-creation = retry the creation
key-help-save = save
key-help-save-the-plan-to-a-file = save the plan to a file
key-help-scroll = scroll
key-help-send-test-records-and-show-where-they-land-in-s3 = send test records and show where they land in S3
key-help-send-test-records-and-watch-them-arrive = send test records and watch them arrive
key-help-the-first-lines-of-the-highlighted-object = the first lines of the highlighted object
key-help-the-last-smoke-test-s-whole-verdict = the last smoke test's whole verdict
key-help-view-the-createdeliverystream-request = view the CreateDeliveryStream request
key-help-view-the-iam-policies = view the IAM policies
key-help-yes-enter-also-answers-yes-except-to-create = yes (Enter also answers yes, except to Create)

## Notes under the fields (tui/screens/*.rs)
note-name-checking = {"    "}checking that the name is free…
note-name-free = {"    "}✓ free in this account and Region
note-direct-put = producers write with Firehose PutRecord / PutRecordBatch
note-new-kinesis = created before the delivery stream, and waited on until ACTIVE (about a minute in AWS)
note-streams-failed = could not list streams: {$error}
note-streams-loading = listing streams… {$count} so far (↓ to choose)
note-streams = {$count} stream(s) in this Region, {$active} ACTIVE (↓ to choose)
note-on-demand = on-demand: capacity follows the traffic, billed per GB
note-provisioned = provisioned: a fixed number of shards, 1 MB/s in and 2 MB/s out each
note-lambda = calls a Lambda function on each batch of records to transform them before delivery
note-lambda-arn = the role gets lambda:InvokeFunction and lambda:GetFunctionConfiguration on exactly this ARN
note-conversion = converts JSON records to Apache Parquet or ORC with the schema of an AWS Glue table
note-conversion-floors = needs a buffer of at least 64 MiB and compression UNCOMPRESSED (the serializer compresses): Ctrl-F sets them
note-choose-bucket = ↓ to choose from your buckets
note-partitioning = set at creation, never turned off; needs a buffer of at least 64 MiB / 60 s (Ctrl-F sets them)
note-partition-keys = use each key in the prefix as !{"{"}partitionKeyFromQuery:KEY{"}"}
note-floors = the options chosen need {$fixes}: Ctrl-F sets them
note-log-group = log group {$group} (stream {$streams}), created if missing
note-roles-loading = listing roles… {$count} so far
note-roles = {$count} role(s), {$trusted} trust Firehose (↓ to choose)
note-role-reading = reading the role's policies…
note-role-ok = {"    "}✓ trusts Firehose; its policies grant what this stream needs
note-role-new = created (or reused if it trusts Firehose) with least-privilege access to this stream only

## AWS errors: what to do next (cloud/errors.rs)
aws-no-message = (AWS gave no message)
hint-access-denied = these credentials are not allowed to call {$operation}: ask for that permission, or use another --profile
hint-expired-token = the credentials have expired: renew them (for SSO: aws sso login --profile NAME; for temporary keys, fetch new ones) and run again
hint-invalid-key = the access key or its secret is not valid for this endpoint: check AWS_PROFILE / --profile and the keys it holds
hint-throttled = AWS is throttling requests from this account: wait a minute and run again
hint-stream-name-taken = a delivery stream with this name already exists in this account and Region: choose another name, or delete the existing stream
hint-firehose-quota = the account reached a Firehose quota (50 delivery streams per Region by default): delete unused streams or request a quota increase
hint-no-kinesis-stream = there is no such Kinesis stream in this account and Region: check the name and --region, or create the stream first
hint-bucket-taken = bucket names are global across all AWS accounts and this one is taken: choose another (firehose-wizard init --lab writes a plan with a unique name)
hint-bucket-name = the bucket name breaks S3's naming rules: lower-case letters, digits, '.' and '-', 3–63 characters
hint-no-role = there is no such IAM role: check the name, or let firehose-wizard create one ({"{"}"create": NAME{"}"})
hint-malformed-policy = IAM rejected a policy document: this is a bug in firehose-wizard, please report it with the log file
hint-invalid-argument = AWS rejected a parameter: the message above says which
hint-kms-key = the KMS key cannot be used: check that it exists, is enabled and allows Firehose
hint-unreachable-emulator = could not reach AWS: check the network, the Region and any --endpoint-url (for the local emulator: is it running?)
hint-no-credentials = no usable AWS credentials: set AWS_PROFILE or pass --profile, run `aws configure`, or `aws sso login`
hint-unreachable = could not reach AWS: check the network, the Region and any --endpoint-url
hint-timeout = AWS did not answer in time: check the network and run again
hint-bug = this is a bug in firehose-wizard
hint-run-again = run again

## Connecting (cloud/mod.rs)
cloud-no-region-profile = no AWS Region is configured for the profile {$profile}
cloud-no-region-profile-hint = check that [profile {$profile}] exists in ~/.aws/config (or AWS_CONFIG_FILE) and sets region, or pass --region
cloud-no-region = no AWS Region is configured
cloud-no-region-hint = pass --region (for example --region us-east-1), set AWS_REGION, or set region in your AWS profile
cloud-no-root-certificates = no trusted root certificate was found in SSL_CERT_FILE, SSL_CERT_DIR or the system's store, so no HTTPS connection can be trusted: {$detail}
cloud-no-root-certificates-empty = none of them holds a certificate
cloud-no-root-certificates-hint = install the system's CA certificates (the ca-certificates package), or set SSL_CERT_FILE to a PEM file of the authorities to trust
cloud-no-credentials-profile = no usable credentials for the profile {$profile}: check that it exists in ~/.aws/config or ~/.aws/credentials, or run `aws sso login --profile {$profile}`
cloud-bad-account = STS returned an unexpected account id {$account}
cloud-bad-account-hint = check the endpoint and credentials in use

## state folder and endpoints (issue 24)
state-refused = error: firehose-wizard reads and writes nothing in its state folder until that is private to you: {$problem}
state-not-yours = {$path} belongs to uid {$owner}, not to you (uid {$user}), so another user may have put it there: if it is yours, `{$fix}` (as root) fixes it; if not, remove it
state-above-not-yours = {$path}, a folder above the state folder, belongs to uid {$owner}, neither to you (uid {$user}) nor to root: set XDG_STATE_HOME to a folder of your own
state-writable = {$path} can be written by other users (mode {$mode}): `{$fix}` fixes it
state-above-writable = {$path}, a folder above the state folder, can be written by other users (mode {$mode}) and is not sticky: `{$fix}` fixes it, or set XDG_STATE_HOME to a folder of your own
state-link-not-yours = {$path} is a symbolic link that belongs to uid {$owner}, not to you (uid {$user}): if it is yours, `{$fix}` (as root) fixes it; if not, remove it
state-uncheckable = {$path} cannot be checked: {$error}
endpoint-unencrypted = warning: {$url} is plain http to another machine: requests to it are not encrypted, and anyone on the way can read them, signed requests and session token included

## Removing (cloud/destroy.rs) and the journal (cloud/journal.rs)
journal-error = the journal {$path} cannot be used: {$message}
journal-unreadable = unreadable: {$error}
journal-other-stream = it records version {$version} for {$stream}, not this stream
journal-unwritable-hint = check that the state directory (XDG_STATE_HOME, or ~/.local/state) is writable; nothing more is created until the journal can be written
destroy-kept-unanswered = its create call never answered and AWS does not show it yet; run destroy again in {$minutes} minutes
destroy-kept-in-use = the delivery stream that uses it is still there
destroy-kept-role-policies = other policies were added to it since firehose-wizard created it; remove them first if the role should go
destroy-kept-objects = it holds {$count} object(s); run destroy again with --with-objects to delete them and the bucket
destroy-still-deleting = {$kind} {$id} is still being deleted after {$seconds} s
destroy-still-deleting-hint = it will disappear by itself; run destroy again later to confirm
destroy-objects-failed = {$count} object(s) could not be deleted, {$key}: {$message}
destroy-objects-failed-hint = the bucket was kept; check its object lock or policy
interrupted-nothing = firehose-wizard created nothing for this stream
interrupted-journal = what firehose-wizard created (journal {$path}):
interrupted-entry = {"  "}{$kind} {$id}
interrupted-entry-unanswered = {"  "}{$kind} {$id} (its create call never answered: the next apply or destroy checks it)
interrupted-unreadable = could not read back what exists ({$error}); the journal still lists every create call that was sent
interrupted-resume = to resume: firehose-wizard apply {$plan}
interrupted-remove = to remove what firehose-wizard created: firehose-wizard destroy {$plan}

## Where an existing stream differs from the plan (plan/request.rs)
difference = {$setting}: the stream has {$existing}, the plan says {$planned}
setting-type = type
setting-source-stream = source stream
setting-stream-encryption = stream encryption
setting-destination = destination
setting-bucket = bucket
setting-role = role
setting-prefix = prefix
setting-error-prefix = error prefix
setting-buffering = buffering
setting-compression = compression
setting-s3-encryption-key = S3 encryption key
setting-record-processing = record processing
setting-record-format-conversion = record format conversion
setting-dynamic-partitioning = dynamic partitioning
setting-file-extension = file extension
setting-time-zone = time zone
setting-source-record-backup = source record backup
setting-error-logging = error logging
value-none = none
value-off = off
value-on = on
value-aws-owned-key = an AWS owned key
value-no-s3-destination = no Amazon S3 destination
value-other-parameters = {$value} (other parameters)
value-glue-table = Glue table {$table}
value-to = to {$place}

## Creating: the steps and what each found or made (cloud/provision.rs)
step-account = account
step-checks = checks
step-source = source stream
step-bucket = bucket
step-logs = error logging
step-role = role
step-stream = delivery stream
step-active = wait for ACTIVE
done-created = created
done-reused = reused
done-found = found
done-ok = ok
done-skipped = skipped
kind-kinesis-stream = Kinesis stream
kind-bucket = S3 bucket
kind-role = IAM role
kind-role-policy = IAM inline policy
kind-log-group = CloudWatch log group
kind-log-stream = CloudWatch log stream
kind-delivery-stream = delivery stream
resource-created = {$kind} {$id} (created by firehose-wizard)
resource-existed = {$kind} {$id} (already existed)
origin-created = created
origin-created-recovered = created; its answer was lost, a lookup found it
origin-ours = created by firehose-wizard earlier
origin-existed = already existed
cloud-no-stream-description = Kinesis returned no stream description
cloud-no-role = IAM returned no role
journal-not-open = the journal is not open yet
hint-creating-failed = the stream cannot recover from CREATING_FAILED: remove it (`firehose-wizard destroy PLAN` deletes it and what else firehose-wizard created), fix the cause, and create it again
poll-timeout = the delivery stream is still {$status} after {$seconds} s
poll-timeout-hint = it may still become ACTIVE: check it later with `aws firehose describe-delivery-stream`
retry-resend = {$error}; {$kind} {$id} does not exist, so the call is sent again
hint-appeared = the {$kind} {$id} was created by someone else while this run was creating it; run apply again to use it as it is
hint-fix-plan = fix the plan, or the --region / --profile it is applied with
hint-journal-damaged = move the file away if it is damaged (then firehose-wizard no longer knows what it created for this stream)
detail-account-journal = {$place}; the journal lists {$count} resource(s) firehose-wizard created earlier
detail-name-free = {$name} is free
undo-ours = `firehose-wizard destroy PLAN` removes it (firehose-wizard created it)
undo-not-ours = firehose-wizard did not create it, so it will not delete it
differences-more = {$shown}; and {$more} more
stream-differs = a delivery stream named {$name} already exists with a different configuration: {$differences}
stream-differs-hint = change the plan to match it, or choose another name; {$undo}
stream-exists-failed = the delivery stream {$name} exists but is CREATING_FAILED{$reason}
stream-exists-failed-hint = a stream never recovers from that: delete it, then apply again; {$undo}
stream-exists-status = the delivery stream {$name} exists but is {$status}
stream-exists-status-hint = wait until it is gone or ACTIVE, then apply again
detail-stream-reused = {$name} exists and matches the plan ({$origin}): it is reused
detail-role-trusts = role {$role} trusts Firehose
detail-role-to-create = role {$role} will be created
detail-checks = {$stream}; {$role}
detail-direct-put = Direct PUT: no source stream
kinesis-not-active = the Kinesis stream is {$status}, not ACTIVE
kinesis-not-active-hint = wait until it is ACTIVE (a new stream takes about a minute), then run again
source-arn-unexpected = Kinesis answered with the source ARN {$arn}, but the role's policy grants {$granted}
held-back = nothing made: step {$number}/{$steps} ({$step}) failed first
bucket-taken = the bucket name {$bucket} is not free (HeadBucket answered {$status}): {$why}
bucket-taken-other = another AWS account owns it, or this identity may not look at it (s3:ListBucket)
bucket-taken-region = a bucket of that name is in {$region}
detail-kinesis-provisioned = {$arn} (provisioned, {$shards} shard(s)), ACTIVE
detail-kinesis-on-demand = {$arn} (on-demand), ACTIVE
detail-origin = {$what} ({$origin})
detail-logging-off = error logging is off
detail-logs = {$group} (streams {$streams})
detail-logs-some = {$group} (streams {$streams}); created now: {$created}
detail-with-backup = {$detail}; backup to {$backup} (found)
detail-in-region = {$what} in {$region}
role-arn-differs = the plan names the role {$given}, but this account's role {$name} is {$arn}
role-arn-differs-hint = use the role's exact ARN (with its path), or just its name
detail-role-as-is = {$arn} (used as it is; its policies grant what this stream needs)
detail-role-lacks = {$arn} (used as it is) WARNING: its policies lack {$count} permission(s) this stream needs: {$missing}; unless a bucket, key or function policy grants them, delivery will fail (settings.add_policy_to_role adds this stream's policy)
policy-unchanged = unchanged, {$origin}
policy-updated = updated to this plan's, {$origin}
detail-role = {$arn} ({$role}) + policy {$policy} ({$how})
role-untrusted = the role {$arn} exists but does not let firehose.amazonaws.com assume it
role-untrusted-hint = choose another role name (settings.role), or add firehose.amazonaws.com to that role's trust policy
detail-stream-matches = {$arn} (matches the plan; {$origin})
hint-propagation = Firehose still could not use the role after {$seconds} s: check that its trust policy names firehose.amazonaws.com (and that any sts:ExternalId condition names this account, {$account}), and that its permissions cover the bucket and the source stream
stream-being-deleted = the stream is {$status} (it is being deleted), so it will never become ACTIVE
creating-failed-no-reason = CREATING_FAILED (AWS gave no reason)
detail-recovered = {$detail} (its answer was lost; a lookup found it)
bucket-not-found = the bucket {$bucket} does not exist
bucket-not-found-hint = check the name, or set destination.create_bucket to true to create it
bucket-forbidden = the bucket {$bucket} exists but these credentials cannot access it (it may belong to another account)
bucket-forbidden-hint = choose a bucket of your own account

## The stream's state (cloud/monitor.rs)
no-such-stream = there is no delivery stream {$name} in {$region}
no-such-stream-hint = check the name and the Region (--region, --profile); `firehose-wizard apply PLAN` creates a plan's stream
read-object-failed = reading {$object} failed: {$error}
hint-network-again = check the network and run again
part-failed = {$part}: {$error}
part-metrics = metrics
part-error-log = error log
part-objects = objects
objects-too-many = objects: more than {$max} keys under {$root}: the newest may be past them
hint-not-firehose-object = the object is not what Firehose writes
preview-empty = (empty)
preview-opaque = a {$kind} object: its records cannot be shown as text

## Data flow: metrics and the likely causes of missing records (plan/dataflow.rs)
not-gzip = not readable as GZIP: {$error}
metric-read-from-kinesis = Records read from Kinesis
metric-incoming = Incoming records
metric-delivered = Records delivered to S3
metric-bytes = Bytes delivered to S3
metric-success = Delivery to S3 success
metric-freshness = Data freshness
metric-throttled-get-records = Throttled GetRecords
metric-throttled = Throttled records
cause-another-destination = another destination
cause-not-s3 = the stream delivers to {$destination}, not to S3: firehose-wizard checks S3 destinations only
cause-the-extension = the stream's extension
cause-wrong-extension = an object with the test records lies under the expected prefix but does not end in {$extension}: whatever wrote it did not name it as the stream's compression, format conversion or file extension say
cause-unevaluated = an object's key holds the prefix's expressions as written ({$prefix}): whatever wrote it did not evaluate the prefix as Firehose does
cause-elsewhere = records arrived in s3://{$bucket}/ but not under the prefix firehose-wizard expected: the prefix's timestamps are read in {$zone} at the records' arrival time; check the prefix
cause-elsewhere-keys = records arrived in s3://{$bucket}/ but not under the prefix firehose-wizard expected: the prefix's timestamps are read in {$zone} at the records' arrival time; check the prefix and the partition keys' jq expressions
cause-error-objects = Firehose wrote error objects (shown above): the records failed in a processing step, and their error type and message say which
cause-error-log = the delivery error log (shown above) names what failed, such as S3.AccessDenied or KMS errors
cause-not-yet = Firehose may not have delivered yet: it holds records up to the buffer interval ({$interval} s) and S3 delivery can take another minute or two; run the smoke test again with a longer --timeout
cause-kinesis-unread = Firehose read no records from the Kinesis stream {$stream}: its role ({$role}) needs kinesis:DescribeStream, GetShardIterator, GetRecords and ListShards on {$arn}, and the stream must not be encrypted with a key the role cannot use
cause-no-incoming = CloudWatch counts no incoming records for {$stream} in {$region}: were the records sent to another Region or account?
cause-not-delivered = Firehose received {$count} record(s) but delivered none to S3: its role ({$role}) must be allowed s3:PutObject on arn:aws:s3:::{$bucket}/*, and neither the bucket policy nor a KMS key may refuse it
cause-kinesis-maybe-unread = Firehose may not be reading the Kinesis stream {$stream}: its role ({$role}) needs kinesis:DescribeStream, GetShardIterator, GetRecords and ListShards on it
cause-s3-permissions = the role ({$role}) may not be allowed to write to s3://{$bucket}/ (s3:PutObject), or a bucket policy or KMS key refuses it
cause-lambda = the Lambda transform {$function} may fail or time out: records it fails go to the error prefix as processing-failed
cause-conversion = records that do not match the Glue table's schema go to the error prefix as format-conversion-failed
cause-logging-off = error logging is off for this stream, so Firehose's own account of a failed delivery is not kept: turn CloudWatch error logging on to see it

## Sending test records and the smoke test (cloud/dataflow.rs)
sink-other-source = the delivery stream {$name} reads from {$kind}: firehose-wizard can send test records only to a Direct PUT stream or a Kinesis data stream
sink-other-source-hint = write test records to the source itself
sink-kinesis = the Kinesis stream {$name}
sink-firehose = the delivery stream {$name} (Direct PUT)
answer-count = the answer lists {$listed} records for the {$sent} sent
answer-count-hint = run again; if it persists, the endpoint does not answer as AWS does
note-listing-failed = listing {$place} failed: {$error}
note-listing-long = more than {$max} objects under {$place}: looked at the first of them
note-object-large = {$object} is larger than {$limit}: only its start was read
note-object = {$object}: {$error}
note-log-unreadable = the error log could not be read: {$error}
smoke-not-s3 = the delivery stream {$name} delivers to {$destination}, not to S3
smoke-not-s3-hint = the smoke test checks S3 destinations only
note-bucket-large = s3://{$bucket}/ holds more than {$max} objects: objects past them count as new when modified after the test started (less {$minutes} minutes for the clocks' difference)
note-metrics-unreadable = the metrics could not be read: {$error}
cause-not-sent = {$failed} of {$total} records could not be sent ({$why})
stream-not-active = the delivery stream {$name} is {$status}
stream-creating-hint = it takes records once ACTIVE, usually within a minute or two: run again then
stream-not-active-hint = only an ACTIVE delivery stream takes records

## The SDK's retries (cloud/retries.rs)
retry-reason = {$what} ({$kind})
retry-kind-throttled = throttled
retry-kind-transient = transient error
retry-kind-server = server error
retry-kind-client = client error
retry-kind-other = retryable error
retry-no-answer-in-time = no answer in time
retry-no-answer-because = no answer, {$cause}
retry-no-answer = no answer

## Leaving the program (tui/app.rs)
app-no-runtime = error: cannot start the async runtime: {$error}
app-no-signals = error: cannot listen for signals
app-no-terminal = error: cannot draw on the terminal: {$error}
app-signalled = firehose-wizard: received {$signal}; the terminal was restored
app-exists = {"  "}exists: {$resource}
app-stream-arn = delivery stream ARN: {$arn}
app-left-creating = left while creating: the call in flight was abandoned. Steps so far:
app-in-flight = in flight
app-failed = failed
app-step-failed = error: step {$number} ({$step}) failed: {$error}
app-failed-earlier = a creation failed earlier; what it created still exists:
app-nothing-created = nothing was created
app-no-aws = AWS is not configured
app-no-aws-hint = check --profile and --region
app-no-answer-20s = no answer within 20 s
app-no-state-dir-journal = no state directory for the journal of what firehose-wizard creates
app-no-state-dir = no state directory
app-no-state-dir-hint = set HOME or XDG_STATE_HOME
app-cannot-keep-plan = cannot keep the plan at {$path}: {$error}
app-state-dir-writable = check that the state directory (XDG_STATE_HOME, or ~/.local/state) is writable
app-save-exists = {$path} already exists; choose another name

## Creating and its outcome (tui/screens/progress.rs)
progress-pending = pending
progress-running = running
progress-retry-in = retry in {$seconds}s
progress-failed = FAILED
progress-creating = {" "}creating… Ctrl-C asks before leaving
progress-destroyed = {" "}✓ destroyed: what firehose-wizard created for this stream is gone
progress-left-alone = {"   "}left alone: {$resource}
progress-created = {" "}✓ created; the delivery stream is ACTIVE
progress-smoke-kinesis = smoke test: send 10 test records through the Kinesis stream {$stream} and show them arriving in s3://{$bucket}/, or why they do not
progress-smoke-direct-put = smoke test: send 10 test records through Firehose (Direct PUT) and show them arriving in s3://{$bucket}/, or why they do not
progress-watch = watch: the stream's metrics, newest objects and errors, live
progress-step-failed = {" "}✗ step {$number} ({$step}) failed
progress-hint = hint: {$hint}
progress-nothing = {"   "}nothing was created or reused
progress-what-exists = {" "}what exists now:

## Review (tui/screens/review.rs)
review-source-kinesis = Kinesis data stream {$stream}
review-source-new-provisioned = new Kinesis stream {$name} (provisioned, {$shards} shards)
review-source-new-on-demand = new Kinesis stream {$name} (on-demand)
review-lambda = Lambda {$arn} · {$size} MiB / {$interval} s · {$retries} retries
review-lambda-disabled = Lambda transform: disabled
review-conversion = convert {$input} → {$output} with Glue {$table} ({$version})
review-conversion-disabled = format conversion: disabled
review-bucket-new = {$bucket} (new)
review-bucket-existing = {$bucket} (existing)
review-keys-from-lambda = keys from Lambda
review-new-line = new line
review-deaggregate-json = de-aggregate JSON
review-deaggregate-on = de-aggregate on {$delimiter}
review-retry = retry {$seconds} s
review-partitioning = dynamic partitioning: {$details}
review-label-prefix = prefix
review-label-errors = errors
review-label-example = e.g.
review-prefix-default = (default yyyy/MM/dd/HH/)
review-none = (none)
review-extension = extension {$extension} · time zone {$zone}
review-backup = backup of source records to {$place}
review-role-create = {$role} (new, or reused if it trusts Firehose) + policy {$policy}
review-role-existing-policy = {$role} (existing) + policy {$policy}
review-role-existing = {$role} (existing, used as it is)
review-on = on
review-off = off
review-buffer = buffer {$size} MiB / {$interval} s · {$compression} · error logging {$logging}
review-s3-encryption = S3 encryption with {$key}
review-stream-encryption-aws = stream encryption: AWS owned key
review-stream-encryption-key = stream encryption: {$key}
review-tags = tags {$tags}
review-role = role {$role}
review-where-label = Where
review-where = account {$account} · {$region} · partition {$partition}
review-where-unknown = account unknown · {$region}
review-profile = {" "}· profile {$profile}
review-endpoint = {" "}· endpoint {$endpoint}
review-ready = {"   "}✓ no problems: ready to create
review-warnings = {"   "}~ {$count} warning(s): see the screens marked above
review-create = Create
review-keys = {"  "}p policies · r request · s save plan · 1-4 edit

## Plan files (plan/mod.rs); serde's own words stay as it says them
plan-one-object = a plan file holds one JSON object ({"{"} "name": ..., "source": ..., ... {"}"})
plan-position = line {$line}, column {$column}: {$detail}
plan-at-path = {$path}: {$message}
plan-unreadable = cannot read the plan file: {$error}
plan-too-large = the file is {$size} bytes; a plan file is at most {$max} bytes (1 MiB)
plan-too-large-unknown = the file is more than {$max} bytes; a plan file is at most {$max} bytes (1 MiB)
plan-not-utf8 = not UTF-8 text (invalid byte at offset {$offset}): byte {$byte} at line {$line}, column {$column}
plan-utf16 = not UTF-8 text (invalid byte at offset {$offset}): byte {$byte} at line {$line}, column {$column}; the file looks like UTF-16: save it as UTF-8
plan-empty = the file is empty; a plan file holds one JSON object ({"{"} "name": ..., "source": ..., ... {"}"})
plan-control-character = control character {$code} is not allowed in a plan file (inside a string, write it as {$escape})
plan-too-deep = nested more than {$max} levels deep; a plan is at most 4 levels
cli-plan-file-error = error: {$path}: {$error}
cli-plan-unreadable = error: cannot read the plan file {$path}: {$error}
cli-no-runtime = error: cannot start the async runtime: {$error}
cli-error = error: {$error}
cli-hint = hint: {$hint}
cli-log = log: {$path}

## Results of send, smoke-test and status (report.rs)
report-rate = , {$rate} records/s
report-retried = ; {$count} sent again after a batch reported them failed
report-sent = sent {$sent} of {$total} {$total ->
    [one] record
    *[other] records
    } to {$to} with {$api} in {$calls} {$calls ->
    [one] call
    *[other] calls
    } ({$seconds} s{$rate}){$retried}
report-send-retry = {$records} record(s) failed ({$code}); sending them again in {$wait} s (attempt {$attempt} of at most {$attempts} without progress)
report-buffer-interval = {" "}(buffer interval {$seconds} s)
report-waiting = waiting {$elapsed} of {$timeout}{$buffer} · {$arrived} of {$expected} records arrived
report-not-searched = {$kind}, not searched
report-test-records = {$count} {$count ->
    [one] test record
    *[other] test records
    }
report-not-sent = could not send {$failed} of {$total} {$total ->
    [one] record
    *[other] records
    }: {$why} ({$failed ->
    [one] record
    *[other] records
    } {$which})
report-arrived-opaque = ✓ {$objects} {$objects ->
    [one] object
    *[other] objects
    } arrived where expected, {$delay} s after sending (its format cannot be searched: counted by arrival)
report-arrived = ✓ {$arrived} of {$sent} records arrived in {$objects} {$objects ->
    [one] object
    *[other] objects
    }, {$delay} s after sending:
report-first-lines = first lines of {$object}:
report-under-one = {" "}under {$place}
report-under-two = {" "}under {$place} or {$other}
report-under-many = {" "}under {$place} and {$more} more
report-none-sent = ✗ no test record could be sent to {$to}
report-missing = ✗ {$arrived} of {$sent} records arrived within {$seconds} s{$under}
report-arrived-expected = arrived where expected:
report-arrived-elsewhere = arrived elsewhere in the bucket (or without the extension expected):
report-error-objects = error objects:
report-error-objects-holding = error objects (holding {$count} of the test records):
report-error-log = delivery error log:
report-no-data = no data
report-metrics-since = metrics since the test started: {$incoming} incoming, {$delivered} delivered to S3
report-nothing-new = nothing new arrived in the bucket, and the error log is empty
report-likely-causes = likely causes:
report-note = note: {$note}
report-source-kinesis = Kinesis stream {$stream}
report-buffer = buffer {$size} MiB / {$interval} s
report-converted-to = to {$format}
report-dynamic-partitioning = dynamic partitioning
report-lambda = Lambda transform
report-logging-on = error logging on
report-logging-off = error logging off
report-failure = failure: {$failure}
report-label-source = source
report-label-destination = destination
report-label-settings = settings
report-metrics = metrics, last {$minutes} min (one value per minute; latest):
report-none = {"  "}none
report-newest-objects = newest objects (last {$minutes} min):
report-could-not-read = could not read {$part}

## The data-flow commands (cli/dataflow.rs)
send-file-large = error: {$path} is larger than {$max}; send it in parts
send-file-unreadable = error: cannot read {$path}: {$error}
send-file-fewer = note: {$path} holds {$count} record(s); sending them all
send-marked = test records are marked {$field}: {$marker}#<number>
send-no-newline = the stream appends a new line to each record, so none is added
send-sending-source = sending {$count} record(s) to {$to}, the source of the delivery stream {$stream}
send-sending = sending {$count} record(s) to {$to}
smoke-sending = smoke test of {$stream}: sending {$records} test records to {$to}, marked {$marker}
smoke-looking = looking under {$place}

## The commands (cli/*.rs, main.rs)
cli-no-state-dir = error: no state directory for the journal of what firehose-wizard creates: set HOME or XDG_STATE_HOME
cli-no-signals = error: cannot listen for signals: {$error}
validate-prefix-example = prefix example: {$key}
validate-error-prefix-example = error prefix example: {$key}
init-wrote = wrote {$path} (bucket {$bucket})
init-exists = error: {$path} already exists; pass --force to overwrite it
init-unwritable = error: cannot write {$path}: {$error}
apply-interrupted = firehose-wizard: received {$signal}: the call in flight was abandoned; checking what exists (a second signal quits at once)
apply-interrupted-again = interrupted again
apply-next-direct-put = next: firehose-wizard smoke-test {$plan} sends test records through the delivery stream {$stream} and shows them arriving in s3://{$bucket}/
apply-next-kinesis = next: firehose-wizard smoke-test {$plan} sends test records through the Kinesis stream {$stream} and shows them arriving in s3://{$bucket}/
apply-resume = to resume after fixing the cause: firehose-wizard apply {$plan}
apply-retry = retry
apply-waiting = waiting
apply-retry-now = now
apply-retry-in = in {$seconds}s
apply-retrying = attempt {$attempt} failed, retrying {$when}: {$reason}
apply-sdk-retry = {$operation} try {$attempt} of {$attempts}: {$reason}; the SDK retries it
apply-step-failed = error: step {$number}/{$steps} ({$step}) failed: {$error}
apply-request-id = request id: {$id}
apply-nothing-exists = nothing exists from this run: no resource was created or reused
apply-what-exists = what exists now:
apply-nothing-ours = nothing firehose-wizard created exists
apply-journal = journal: {$path}
destroy-no-record = firehose-wizard has no record of creating anything for the stream {$stream} in account {$account} ({$region}): nothing to delete
destroy-journal = journal: {$path}
destroy-left-alone = left alone (firehose-wizard did not create them): {$resources}
destroy-dry-run = dry run: nothing was changed
destroy-done = nothing firehose-wizard created for {$stream} remains
destroy-remain = {$count} resource(s) remain; the journal still lists them, so destroy can be run again
removal-deleted = deleted
removal-deleted-detail = {$what} ({$seconds}s)
removal-gone = gone
removal-gone-detail = {$what} (already deleted)
removal-would-keep = would keep
removal-would-keep-detail = {$what}: it holds {$count} object(s) (--with-objects deletes them and the bucket)
removal-would-delete = would delete
removal-would-delete-objects = {$what} and the {$count} object(s) it holds
removal-emptying = emptying
removal-emptying-detail = {$what}: deleting the {$count} object(s) it holds
removal-kept = kept
removal-failed = FAILED
wizard-needs-terminal = the wizard needs a terminal (stdin and stdout are not both a TTY); for scripts use `firehose-wizard validate PLAN` and `firehose-wizard apply PLAN`
watch-needs-terminal = watch needs a terminal (stdin and stdout are not both a TTY); for scripts use `firehose-wizard status --json`
panic = firehose-wizard: internal error: {$message}; please report it
panic-with-log = firehose-wizard: internal error: {$message} (details in {$path}); please report it
log-unopenable = warning: cannot open the log file {$path}: {$error}; continuing without a log

## --help of the command line (cli/args.rs)
cli-about = Create an Amazon Data Firehose delivery stream (source: Direct PUT or a Kinesis data stream; destination: Amazon S3), checked against AWS's rules before anything is created.
cli-after-help = Without a command, the interactive wizard starts: five screens in the terminal (see --lab, --plan).
cli-heading-usage = Usage:
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-arg-profile = AWS profile to use (default: the SDK's chain: AWS_PROFILE, then "default")
cli-arg-region = AWS Region to create in (default: AWS_REGION, or the profile's region)
cli-arg-endpoint-url = Send every AWS call to this endpoint, e.g. a local emulator (default: AWS_ENDPOINT_URL if set)
cli-arg-log-file = Where to write the log (default: $XDG_STATE_HOME/firehose-wizard/firehose-wizard.log)
cli-arg-call-timeout = Give up on one attempt of an AWS call after SECS without an answer, and retry it (default 30)
cli-arg-lang = Language of the screens and messages: en or ko (default: LC_ALL, LC_MESSAGES, LANG)
cli-arg-no-color = Wizard and watch: no colours (also when NO_COLOR is set); focus and errors stay visible by reverse video and symbols
cli-wizard-plan = Wizard: start from this plan file
cli-wizard-lab = Wizard: start from the workshop's values (with a fresh random bucket-name suffix)
cli-help-flag = Print help
cli-version-flag = Print version
cli-help = Print this message or the help of the given subcommand(s)
cli-validate = Check a plan file against AWS's rules and show the S3 keys its prefixes produce
cli-validate-plan = The plan file (JSON; see README "Plan file")
cli-validate-at = Evaluate the example keys at this time (RFC 3339, e.g. 2026-11-26T10:30:00Z) instead of now
cli-apply = Validate a plan file, then create what it describes that does not exist yet, step by step; never prompts. Running it again reuses what matches and creates nothing new
cli-apply-plan = The plan file (JSON; see README "Plan file")
cli-destroy = Delete what firehose-wizard created for a plan's stream (by its journal), newest first; never what already existed
cli-destroy-plan = The plan file that was applied
cli-destroy-dry-run = List what would be deleted; change nothing
cli-destroy-with-objects = Also delete the objects of a bucket firehose-wizard created (without it, a non-empty bucket is kept)
cli-send = Send test records (the workshop's retail transactions, marked) or the lines of a JSON Lines file through a delivery stream: to its Kinesis source, or to Firehose for Direct PUT
cli-send-records = How many test records (default 10); with --file, at most this many of its lines
cli-send-file = Send the lines of this JSON Lines file, one record each, instead of test records
cli-stream-plan = A plan file: its delivery stream (its `name`)
cli-stream-stream = Any delivery stream of the account and Region, by name (also one firehose-wizard did not create)
cli-smoke-test = Send marked test records, then watch the bucket until they arrive where Firehose should put them (exit 0), or say what happened instead and why (exit 1)
cli-smoke-test-records = How many test records (default 10)
cli-smoke-test-timeout = Give up after SECS (default: the buffer interval plus 3 minutes)
cli-status = Print the stream's state once: status, source and destination, the last hour's metrics, the newest objects, error objects and error-log events
cli-status-json = As JSON, for scripts
cli-watch = A live view of the stream: metrics, newest objects, errors; t runs the smoke test
cli-init = Write a starting plan file
cli-init-lab = The "Analytics on AWS immersion day" lab's values, with a fresh random bucket-name suffix
cli-init-output = Write to this file instead of standard output
cli-init-bucket-suffix = Use this bucket-name suffix instead of a random one
cli-init-force = Overwrite FILE if it exists

## JSON Lines files for send --file (plan/records.rs)
lines-at = line {$line}: {$message}
lines-not-utf8 = not UTF-8 text (byte {$byte})
lines-not-json = not one JSON value: {$error}
lines-too-large-newline = {$size} bytes with its new line; one record may have at most {$max} bytes
lines-too-large = {$size} bytes; one record may have at most {$max} bytes
lines-empty = holds no records (every line is blank)

## The watch view (tui/watch.rs, tui/screens/watch.rs)
watch-title = {" "}Watch · {$stream}
watch-loading = loading…
watch-refreshing = refreshing…
watch-updated = updated {$seconds} s ago
watch-reading = {" "}reading the stream, its metrics and its bucket…
watch-last-minutes = last {$minutes} min
watch-spark-hint = one column per minute
watch-spark-hint-pan = one column per minute · ←→ the hour
watch-metrics = {" "}Metrics:{" "}
watch-latest = latest
watch-no-metrics = {" "}no metrics could be read
watch-refresh-failed = {" "}! refresh failed: {$error}
watch-could-not-read = {" "}! could not read {$parts}
watch-age-unknown = ?
watch-age-seconds = {$n} s ago
watch-age-minutes = {$n} min ago
watch-age-hours = {$n} h ago
watch-log-line = {" "}! log {$at}  {$event}
watch-verdict-log-line = {" "}! log {$at} {$event}
watch-earlier = {$root} (+{$count} earlier)
watch-newest-objects = {" "}Newest objects ({$count})
watch-under = {"  "}under {$root}
watch-no-objects = {" "}none in the last {$minutes} min: t sends test records and watches them arrive
watch-no-errors = {" "}✓ no error objects or error-log events in the last {$minutes} min
watch-errors = {" "}Errors ({$count})
watch-smoke-title-running = {" "}Smoke test · running
watch-smoke-title-failed-to-run = {" "}Smoke test · could not run
watch-smoke-title-passed = {" "}Smoke test · passed
watch-smoke-title-failed = {" "}Smoke test · failed
watch-more-verdict = {" "}… v shows the whole verdict
watch-elsewhere = {" "}arrived elsewhere in the bucket:
watch-error-object = {" "}! error object {$error}
watch-smoke-running = the smoke test is running; its verdict shows here
watch-smoke-abandoned-sent = the smoke test was stopped before its verdict; its {$count} test record(s), marked {$marker}, were sent
watch-smoke-abandoned = the smoke test was stopped before its verdict
watch-smoke-sending = sending {$records} test records to {$to}, marked {$marker}
watch-preview-failed = could not read {$key}: {$error}
watch-verdict-title = Smoke test verdict
watch-no-verdict = no verdict yet: t runs the smoke test
watch-no-object = no object to preview yet
watch-leave-running = the smoke test is running: {$key} again leaves and stops it (its records are sent already)

## Lists to choose from (tui/widgets/picker.rs)
picker-loading = loading…
picker-empty = none in this account and Region
picker-no-match = nothing matches the filter
picker-failed = ! could not list: {$error}
picker-loading-more = loading more…
picker-keys = Enter choose · Esc close · Ctrl-R reload

## Lists to choose from: the frame
picker-title = {" "}{$list} · {$shown} of {$total}{" "}
picker-filter = filter:{" "}

## The lists of the account (cloud/inventory.rs)
mode-on-demand = on-demand
mode-provisioned = provisioned
role-trusts-firehose = trusts Firehose
role-does-not-trust-firehose = does not trust Firehose

## Key names that are words
key-name-type = type
key-name-down-or-slash = ↓ or /

## Saving the plan from Review (tui/wizard.rs)
status-saved = saved the plan to {$path}; apply it later with: firehose-wizard apply {$path}
status-save-failed = could not save the plan: {$error}

## An error and what to do, on one line
error-with-hint = {$error}; {$hint}

## What the system says of a file (plan/msg.rs Msg::io)
# English shows the system's own words ($text); the other languages say it in theirs
io-not-found = {$text}
io-permission-denied = {$text}
io-is-a-directory = {$text}
io-not-a-directory = {$text}
io-already-exists = {$text}
io-read-only = {$text}
io-storage-full = {$text}

## A bad command line (cli/args.rs; English is clap's own)
clap-unknown-argument = unexpected argument {$arg}
clap-unknown-command = unrecognized subcommand {$command}
clap-invalid-value = invalid value {$value} for {$arg}
clap-invalid-value-of = invalid value {$value} for {$arg}; possible values: {$valid}
clap-missing-argument = the following required arguments were not provided: {$args}
clap-conflict = {$arg} cannot be used with {$other}
clap-value-count = wrong number of values for {$arg}
clap-did-you-mean = tip: a similar argument exists: {$suggestion}
clap-more = For more information, try '--help'.

## A bad command line: a command like the one typed
clap-did-you-mean-command = tip: a similar subcommand exists: {$suggestion}

## A permission a role lacks (plan/policy.rs)
missing-permission = {$action} on {$resource}

## CloudWatch Logs decompression and the new line delimiter (issue 12)
field-decompression = Decompress CloudWatch Logs
field-message-extraction = Message extraction
note-decompression = for CloudWatch Logs subscription filters only: Firehose unzips their records and refuses any other writer
note-message-extraction = delivers only each log event's message, without the envelope (owner, log group, log stream...)
rule-decompression-kinesis = AWS documents decompression for CloudWatch Logs subscription filters that write to the stream itself (Direct PUT); with a Kinesis source it is not documented
review-decompression = CloudWatch Logs decompression
review-decompression-extraction = CloudWatch Logs decompression · message extraction
review-new-line-delimiter = new line after each record
sink-decompression = the delivery stream {$name} decompresses CloudWatch Logs records: Firehose refuses records from any other writer, test records included
sink-decompression-hint = send log events through a CloudWatch Logs subscription filter to test it

## export (cli/plans.rs, cli/args.rs)
export-token = error: a value of the plan contains {$token}, which the exporters use for themselves
export-wrote = wrote {$path}
cli-export = Write a plan as AWS CLI commands (a bash script), a CloudFormation template or Terraform configuration: what apply creates
cli-export-plan = The plan file (JSON; see README "Plan file")
cli-export-format = cli, cloudformation or terraform
cli-export-output = Write to this file instead of standard output
cli-export-force = Overwrite FILE if it exists

## import (plan/import.rs, cli/plans.rs, cli/args.rs)
import-cannot-hold = {$path} = {$value}: a plan cannot hold this setting
import-disabled = {$path}: turned off, with settings that a plan leaves out
import-other-role = {$path} = {$value}: a plan uses one role for everything, the destination's ({$role})
import-log-elsewhere = {$path} = {$value}: a plan logs errors to {$planned}
import-rule = {$path}: {$problem}
import-source-unsupported = the stream's source is {$kind}: a plan holds Direct PUT or a Kinesis data stream
import-destination-unsupported = the stream delivers to {$kind}: a plan holds an Amazon S3 destination only
import-not-found = error: this account and Region have no delivery stream {$name}
import-lost-error = error: {$item}
import-lost-warning = warning: {$item}
import-lossy-hint = { $count ->
     [one] the plan cannot hold one setting of the stream {$name}; nothing was written. Pass --lossy to write the plan without it
     *[other] the plan cannot hold {$count} settings of the stream {$name}; nothing was written. Pass --lossy to write the plan without them
    }
cli-import = Write the plan of an existing delivery stream, its bucket, role and source as existing ones: apply of the plan reuses the stream
cli-import-name = The delivery stream's name
cli-import-lossy = Write the plan even when the stream sets what a plan cannot hold (then listed as warnings)

## import flags and the wizard's clone (cli/args.rs)
cli-import-output = Write to this file instead of standard output
cli-import-force = Overwrite FILE if it exists
cli-wizard-from-stream = Start from an existing delivery stream's settings, with the name left empty for the copy

## the export view on Review (tui/export_view.rs, screens/export.rs)
export-view-lines = · line {$line}/{$lines}{" "}
key-short-export = export
key-help-export-as-aws-cli-cloudformation-or-terraform = export as AWS CLI, CloudFormation or Terraform
key-short-format = format
key-help-export-format = the export's format: AWS CLI, CloudFormation, Terraform
key-help-save-the-export = save it in the current directory, never over a file
status-export-saved = saved the export to {$path}

## the wizard's --from-stream (tui/wizard.rs)
status-copied-from = a copy of the delivery stream {$name}: give it a name
copied-title = A copy of {$name}
copied-lost = { $count ->
     [one] The copy leaves out one setting of {$name}, which a plan cannot hold:
     *[other] The copy leaves out {$count} settings of {$name}, which a plan cannot hold:
    }

## error log streams of any name (plan settings.error_log_stream / backup_log_stream)
field-log-stream = Log stream
field-log-stream-hint = S3Delivery (console: DestinationDelivery)
field-backup-log-stream = Backup log stream
field-backup-log-stream-hint = S3Backup (console: BackupDelivery)
what-log-stream = the log stream
what-backup-log-stream = the backup's log stream
rule-log-stream-chars = {$what} may not contain ':' or '*' (character {$position})
rule-log-stream-unused = not used: error logging is off, or there is no backup

## the export view of a plan with problems (tui/export_view.rs)
export-view-problems = The plan has problems; export shows it once they are fixed:
export-view-nothing-to-save = nothing to save: the plan has problems

## one run per stream (cloud/journal.rs)
journal-locked = another firehose-wizard is working on this stream (PID {$pid}: {$command}) and did not finish within {$seconds} s
journal-locked-unknown = another firehose-wizard is working on this stream and did not finish within {$seconds} s
hint-journal-locked = nothing was changed here; run again when the other run has ended (its lock goes with it, even if it is killed)

## no silent failure in the wizard (tui/app.rs)
app-task-panicked = a background task failed (details in {$log}): {$message}
app-task-panicked-no-log = a background task failed: {$message}
app-task-panicked-hint = what was created is in the journal: firehose-wizard destroy --dry-run PLAN lists it
status-remove-failed = nothing was removed: {$error}; what firehose-wizard created is still listed (d tries again)

## proven ownership, shared roles, adoption (issue 24; cloud/ownership.rs, destroy, the role step)
own-no-identity = the journal holds no record of what identifies it (written by an older firehose-wizard, or edited by hand), so it cannot be proven firehose-wizard's: delete it yourself if it is yours
own-other-created = not the {$kind} firehose-wizard created on {$recorded}; this one was created on {$seen}
own-other-id = not the {$kind} firehose-wizard created ({$recorded}); this one is {$seen}
own-other-role-policy = it is on another role of that name (RoleId {$seen}, not {$recorded}), not the one firehose-wizard put it on
own-policy-name = firehose-wizard names its policies firehose-wizard-REGION-STREAM; the journal names another, so it was edited by hand
own-tag-other = its tag {$key} names another journal ({$seen})
own-untagged = it does not carry firehose-wizard's tag {$key}={$value} (its tags were changed), so it cannot be proven firehose-wizard's: delete it yourself if it is yours
own-unanswered-other = its create call never answered, and this is someone else's: made before that call, or tagged by another journal
destroy-kept-used-by = { $count ->
    [one] the delivery stream {$streams} uses this {$kind}
   *[other] the delivery streams {$streams} use this {$kind}
}
destroy-will = { $count ->
    [one] destroy will delete 1 resource and keep what is marked kept:
   *[other] destroy will delete {$count} resources and keep what is marked kept:
}
destroy-ask = { $count ->
    [one] Delete it? Type y and Enter (anything else changes nothing):
   *[other] Delete these {$count}? Type y and Enter (anything else changes nothing):
}
destroy-declined = nothing was deleted
cli-destroy-yes = Do not ask before deleting (on a terminal destroy lists what it will delete and keep, then asks)
bucket-owned-before = CreateBucket answered OK for {$bucket}, but S3 says it was created on {$created}, before this run found the name free ({$free}): it is this account's bucket, not one firehose-wizard created
bucket-owned-before-hint = run apply again: the bucket is then used as it is (and destroy never deletes it)
role-trust-extra = { $count ->
    [one] the role {$arn} exists, and its trust policy lets someone else than Firehose (for this account) assume it: {$principals}. Reused, that principal would get what this stream's policy grants
   *[other] the role {$arn} exists, and its trust policy lets {$count} others than Firehose (for this account) assume it: {$principals}. Reused, they would get what this stream's policy grants
}
role-trust-extra-hint = choose another role name for firehose-wizard to create (settings.role {"{"}"create": NAME{"}"}), or, if those principals should have this stream's access, name it deliberately as {"{"}"existing": "{$arn}"{"}"} with settings.add_policy_to_role
role-note-extra = { $count ->
    [one] WARNING: its trust policy also lets {$principals} assume it
   *[other] WARNING: its trust policy also lets these assume it: {$principals}
}
role-note-shared = { $count ->
    [one] shared with the delivery stream {$streams}: each stream on a role may use what every policy on it grants
   *[other] shared with the delivery streams {$streams}: each stream on a role may use what every policy on it grants
}
detail-with-note = {$detail}; {$note}
rule-tags-count-own = at most {$max} tags (a delivery stream holds 50, and firehose-wizard adds its own firehose-wizard:journal); there are {$n}
rule-tag-key-ours = tag key {$key}: keys starting with "firehose-wizard:" are firehose-wizard's own (it tags what it creates)
own-bucket-moved = its creation date is {$seen}, not {$recorded} as when firehose-wizard created it; S3 moves the date when a bucket's policy is edited, but a bucket made anew has another too, so it cannot be proven firehose-wizard's: delete it yourself if it is yours
form-role-extra = a role of this name exists, and its trust policy lets others assume it too: {$principals}; reused, they would get this stream's access: choose another name, or choose it as an existing role on purpose
form-role-extra-chosen = chosen on purpose: its trust policy also lets these assume it, with this stream's access: {$principals}
form-role-shared = { $count ->
    [one] shared with the delivery stream {$streams}: each stream on the role may use what every policy on it grants
   *[other] shared with the delivery streams {$streams}: each stream on the role may use what every policy on it grants
}
note-role-reused = a role of this name exists and only Firehose (for this account) may assume it: it is reused, with this stream's policy added
detail-source-key = the source stream is encrypted with the KMS key {$key}: the role's policy lets Firehose decrypt it through Kinesis, for this stream only (the key's own policy must allow IAM policies to grant that, as the default key policy does)
