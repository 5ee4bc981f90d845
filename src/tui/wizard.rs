//! The wizard's state machine: `Model` + `Action` → `update` → `Vec<Effect>`. Pure: no terminal, no
//! AWS. `app.rs` turns terminal events into actions and runs the effects, whose results come back as
//! actions carrying the generation they were asked with, so a stale answer never overwrites a newer one.

use std::time::Duration;

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;

use crate::cloud::inventory::Item;
use crate::cloud::provision::{self, Failure, Outcome, Progress, Resource, State};
use crate::plan::msg::Msg;
use crate::plan::request::Target;
use crate::plan::validate::{self, COMPRESSION_FORMATS, Problem, Severity};
use std::collections::BTreeMap;

use crate::plan::{
    self, Backup, Deaggregation, Decompression, Destination, DynamicPartitioning, Encryption, FormatConversion,
    LAB_ERROR_PREFIX, LAB_PREFIX, Lambda, NewStream, Plan, Process, Role, Settings, Source, StreamEncryption,
    StreamMode,
};

/// The wizard's screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    NameSource,
    Process,
    Destination,
    Settings,
    Review,
    Creating,
    Done,
    Failed,
}

impl Step {
    pub const EDITABLE: [Step; 5] = [Step::NameSource, Step::Process, Step::Destination, Step::Settings, Step::Review];

    /// 1–5 for the five screens.
    pub fn number(self) -> usize {
        match self {
            Step::NameSource => 1,
            Step::Process => 2,
            Step::Destination => 3,
            Step::Settings => 4,
            _ => 5,
        }
    }

    /// The screen's title, in the current language.
    pub fn title(self) -> String {
        match self {
            Step::NameSource => t!("step-name-source"),
            Step::Process => t!("step-process"),
            Step::Destination => t!("step-destination"),
            Step::Settings => t!("step-settings"),
            Step::Review => t!("step-review"),
            Step::Creating => t!("step-creating"),
            Step::Done => t!("step-done"),
            Step::Failed => t!("step-failed"),
        }
    }

    fn next(self) -> Step {
        match self {
            Step::NameSource => Step::Process,
            Step::Process => Step::Destination,
            Step::Destination => Step::Settings,
            Step::Settings => Step::Review,
            s => s,
        }
    }

    fn prev(self) -> Step {
        match self {
            Step::Process => Step::NameSource,
            Step::Destination => Step::Process,
            Step::Settings => Step::Destination,
            Step::Review => Step::Settings,
            s => s,
        }
    }

    /// The plan paths whose problems belong to this screen.
    fn owns(self, path: &str) -> bool {
        match self {
            Step::NameSource => path == "name" || path == "source",
            Step::Process => path.starts_with("process"),
            Step::Destination => path.starts_with("destination"),
            Step::Settings => path.starts_with("settings"),
            _ => false,
        }
    }
}

/// Every field of every screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Name,
    SourceKind,
    KinesisStream,
    StreamMode,
    Shards,
    Lambda,
    LambdaArn,
    LambdaBuffer,
    LambdaInterval,
    LambdaRetries,
    FormatConversion,
    OutputFormat,
    InputFormat,
    GlueDatabase,
    GlueTable,
    GlueRegion,
    GlueVersion,
    Decompression,
    MessageExtraction,
    BucketMode,
    Bucket,
    Dynamic,
    PartitionKeys,
    NewLine,
    Deaggregation,
    Delimiter,
    RetryDuration,
    SampleRecord,
    Prefix,
    ErrorPrefix,
    FileExtension,
    TimeZone,
    Backup,
    BackupBucket,
    BackupPrefix,
    BufferSize,
    BufferInterval,
    Compression,
    Encryption,
    KmsKey,
    StreamEncryption,
    StreamKey,
    ErrorLogging,
    LogStream,
    BackupLogStream,
    Tags,
    RoleMode,
    RoleName,
    AddPolicy,
    Create,
}

/// What kind of input a field is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    /// One of these options (Space, ← and → change it), by message id.
    Choice(&'static [&'static str]),
    Button,
}

pub const SOURCE_KINDS: &[&str] = &["choice-direct-put", "choice-kinesis-stream", "choice-new-kinesis-stream"];
const OFF_ON: &[&str] = &["choice-disabled", "choice-enabled"];
const NEW_EXISTING: &[&str] = &["choice-create-new", "choice-choose-existing"];
const NO_YES: &[&str] = &["choice-no", "choice-yes"];
/// The compression formats, as the API spells them (in the order of `validate::COMPRESSION_FORMATS`).
const COMPRESSIONS: &[&str] =
    &["choice-uncompressed", "choice-gzip", "choice-zip", "choice-snappy", "choice-hadoop-snappy"];

/// What a field is: one row per field, in the order of [`Field`]. Adding a field is adding its row here
/// (and its place on a screen).
pub struct FieldSpec {
    pub field: Field,
    /// Message ids (i18n/*/firehose_wizard.ftl) of the label and of the placeholder (`""`: none).
    pub label: &'static str,
    pub kind: FieldKind,
    /// The plan path whose problems show under this field.
    pub path: Option<&'static str>,
    pub required: bool,
    pub placeholder: &'static str,
    /// Whether the field holds a number (a value that does not parse is reported, not dropped):
    /// `Some(true)` a decimal, `Some(false)` an integer.
    numeric: Option<bool>,
}

const NOT_A_NUMBER: Option<bool> = None;
const INTEGER: Option<bool> = Some(false);
const DECIMAL: Option<bool> = Some(true);

#[rustfmt::skip]
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec { field: Field::Name, label: "field-name", kind: FieldKind::Text, path: Some("name"), required: true, placeholder: "field-name-hint", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::SourceKind, label: "field-source-kind", kind: FieldKind::Choice(SOURCE_KINDS), path: None, required: false, placeholder: "", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::KinesisStream, label: "field-kinesis-stream", kind: FieldKind::Text, path: Some("source"), required: true, placeholder: "", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::StreamMode, label: "field-stream-mode", kind: FieldKind::Choice(&["choice-on-demand", "choice-provisioned"]), path: None, required: false, placeholder: "", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::Shards, label: "field-shards", kind: FieldKind::Text, path: Some("source.shards"), required: true, placeholder: "field-shards-hint", numeric: INTEGER },
    FieldSpec { field: Field::Lambda, label: "field-lambda", kind: FieldKind::Choice(OFF_ON), path: None, required: false, placeholder: "", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::LambdaArn, label: "field-lambda-arn", kind: FieldKind::Text, path: Some("process.lambda.function_arn"), required: true, placeholder: "field-lambda-arn-hint", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::LambdaBuffer, label: "field-lambda-buffer", kind: FieldKind::Text, path: Some("process.lambda.buffer_size_mib"), required: false, placeholder: "field-lambda-buffer-hint", numeric: DECIMAL },
    FieldSpec { field: Field::LambdaInterval, label: "field-lambda-interval", kind: FieldKind::Text, path: Some("process.lambda.buffer_interval_s"), required: false, placeholder: "field-lambda-interval-hint", numeric: INTEGER },
    FieldSpec { field: Field::LambdaRetries, label: "field-lambda-retries", kind: FieldKind::Text, path: Some("process.lambda.retries"), required: false, placeholder: "field-lambda-retries-hint", numeric: INTEGER },
    FieldSpec { field: Field::FormatConversion, label: "field-format-conversion", kind: FieldKind::Choice(OFF_ON), path: None, required: false, placeholder: "", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::OutputFormat, label: "field-output-format", kind: FieldKind::Choice(&["choice-parquet", "choice-orc"]), path: Some("process.format_conversion.output"), required: false, placeholder: "", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::InputFormat, label: "field-input-format", kind: FieldKind::Choice(&["choice-openx-json", "choice-hive-json"]), path: Some("process.format_conversion.input"), required: false, placeholder: "", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::GlueDatabase, label: "field-glue-database", kind: FieldKind::Text, path: Some("process.format_conversion.glue_database"), required: true, placeholder: "", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::GlueTable, label: "field-glue-table", kind: FieldKind::Text, path: Some("process.format_conversion.glue_table"), required: true, placeholder: "", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::GlueRegion, label: "field-glue-region", kind: FieldKind::Text, path: Some("process.format_conversion.glue_region"), required: false, placeholder: "field-glue-region-hint", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::GlueVersion, label: "field-glue-version", kind: FieldKind::Text, path: Some("process.format_conversion.glue_version"), required: false, placeholder: "field-glue-version-hint", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::Decompression, label: "field-decompression", kind: FieldKind::Choice(OFF_ON), path: Some("process.decompression"), required: false, placeholder: "", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::MessageExtraction, label: "field-message-extraction", kind: FieldKind::Choice(OFF_ON), path: None, required: false, placeholder: "", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::BucketMode, label: "field-bucket-mode", kind: FieldKind::Choice(NEW_EXISTING), path: None, required: false, placeholder: "", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::Bucket, label: "field-bucket", kind: FieldKind::Text, path: Some("destination.bucket"), required: true, placeholder: "", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::Dynamic, label: "field-dynamic", kind: FieldKind::Choice(OFF_ON), path: None, required: false, placeholder: "", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::PartitionKeys, label: "field-partition-keys", kind: FieldKind::Text, path: Some("destination.dynamic_partitioning.keys"), required: false, placeholder: "field-partition-keys-hint", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::NewLine, label: "field-new-line", kind: FieldKind::Choice(NO_YES), path: Some("destination.new_line_delimiter"), required: false, placeholder: "", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::Deaggregation, label: "field-deaggregation", kind: FieldKind::Choice(&["choice-off", "choice-json", "choice-delimited"]), path: None, required: false, placeholder: "", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::Delimiter, label: "field-delimiter", kind: FieldKind::Text, path: Some("destination.dynamic_partitioning.record_deaggregation"), required: true, placeholder: "field-delimiter-hint", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::RetryDuration, label: "field-retry-duration", kind: FieldKind::Text, path: Some("destination.dynamic_partitioning.retry_duration_s"), required: false, placeholder: "field-retry-duration-hint", numeric: INTEGER },
    FieldSpec { field: Field::SampleRecord, label: "field-sample-record", kind: FieldKind::Text, path: Some("destination.dynamic_partitioning.sample"), required: false, placeholder: "field-sample-record-hint", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::Prefix, label: "field-prefix", kind: FieldKind::Text, path: Some("destination.prefix"), required: false, placeholder: "field-prefix-hint", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::ErrorPrefix, label: "field-error-prefix", kind: FieldKind::Text, path: Some("destination.error_prefix"), required: false, placeholder: "field-error-prefix-hint", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::FileExtension, label: "field-file-extension", kind: FieldKind::Text, path: Some("destination.file_extension"), required: false, placeholder: "field-file-extension-hint", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::TimeZone, label: "field-time-zone", kind: FieldKind::Text, path: Some("destination.time_zone"), required: false, placeholder: "field-time-zone-hint", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::Backup, label: "field-backup", kind: FieldKind::Choice(OFF_ON), path: None, required: false, placeholder: "", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::BackupBucket, label: "field-backup-bucket", kind: FieldKind::Text, path: Some("destination.backup.bucket"), required: true, placeholder: "field-backup-bucket-hint", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::BackupPrefix, label: "field-backup-prefix", kind: FieldKind::Text, path: Some("destination.backup.prefix"), required: false, placeholder: "field-backup-prefix-hint", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::BufferSize, label: "field-buffer-size", kind: FieldKind::Text, path: Some("settings.buffer_size_mib"), required: true, placeholder: "", numeric: INTEGER },
    FieldSpec { field: Field::BufferInterval, label: "field-buffer-interval", kind: FieldKind::Text, path: Some("settings.buffer_interval_s"), required: true, placeholder: "", numeric: INTEGER },
    FieldSpec { field: Field::Compression, label: "field-compression", kind: FieldKind::Choice(COMPRESSIONS), path: Some("settings.compression"), required: false, placeholder: "", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::Encryption, label: "field-encryption", kind: FieldKind::Choice(&["choice-bucket-default", "choice-kms-key"]), path: None, required: false, placeholder: "", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::KmsKey, label: "field-kms-key", kind: FieldKind::Text, path: Some("settings.encryption"), required: true, placeholder: "field-kms-key-hint", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::StreamEncryption, label: "field-stream-encryption", kind: FieldKind::Choice(&["choice-off", "choice-aws-owned-key", "choice-customer-managed-key"]), path: Some("settings.stream_encryption"), required: false, placeholder: "", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::StreamKey, label: "field-stream-key", kind: FieldKind::Text, path: Some("settings.stream_encryption"), required: true, placeholder: "field-stream-key-hint", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::ErrorLogging, label: "field-error-logging", kind: FieldKind::Choice(OFF_ON), path: None, required: false, placeholder: "", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::LogStream, label: "field-log-stream", kind: FieldKind::Text, path: Some("settings.error_log_stream"), required: false, placeholder: "field-log-stream-hint", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::BackupLogStream, label: "field-backup-log-stream", kind: FieldKind::Text, path: Some("settings.backup_log_stream"), required: false, placeholder: "field-backup-log-stream-hint", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::Tags, label: "field-tags", kind: FieldKind::Text, path: Some("settings.tags"), required: false, placeholder: "field-tags-hint", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::RoleMode, label: "field-role-mode", kind: FieldKind::Choice(NEW_EXISTING), path: None, required: false, placeholder: "", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::RoleName, label: "field-role-name", kind: FieldKind::Text, path: Some("settings.role"), required: true, placeholder: "", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::AddPolicy, label: "field-add-policy", kind: FieldKind::Choice(NO_YES), path: Some("settings.add_policy_to_role"), required: false, placeholder: "", numeric: NOT_A_NUMBER },
    FieldSpec { field: Field::Create, label: "field-create", kind: FieldKind::Button, path: None, required: false, placeholder: "", numeric: NOT_A_NUMBER },
];

impl Field {
    pub fn spec(self) -> &'static FieldSpec {
        &FIELDS[self as usize]
    }

    /// The label, in the current language.
    pub fn label(self) -> String {
        crate::i18n::loader().get(self.spec().label)
    }

    pub fn kind(self) -> FieldKind {
        self.spec().kind
    }

    /// The plan path whose problems show under this field.
    pub fn path(self) -> Option<&'static str> {
        self.spec().path
    }

    pub fn required(self) -> bool {
        self.spec().required
    }

    pub fn is_text(self) -> bool {
        self.kind() == FieldKind::Text
    }

    /// The dim hint shown in an empty, unfocused text field, in the current language.
    pub fn placeholder(self) -> String {
        match self.spec().placeholder {
            "" => String::new(),
            id => crate::i18n::loader().get(id),
        }
    }

    /// Whether the field holds a number (a value that does not parse is reported, not dropped).
    fn numeric(self) -> Option<bool> {
        self.spec().numeric
    }
}

/// The three live lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Streams,
    Buckets,
    Roles,
}

impl ListKind {
    pub const ALL: [ListKind; 3] = [ListKind::Streams, ListKind::Buckets, ListKind::Roles];

    fn index(self) -> usize {
        self as usize
    }

    pub fn title(self) -> String {
        match self {
            ListKind::Streams => t!("list-streams"),
            ListKind::Buckets => t!("list-buckets"),
            ListKind::Roles => t!("list-roles"),
        }
    }
}

/// A list as loaded so far.
#[derive(Debug, Clone, Default)]
pub struct ListData {
    /// Sorted by (rank, name).
    pub items: Vec<Item>,
    pub loading: bool,
    pub error: Option<String>,
    pub generation: u64,
}

/// The type-to-filter list popup.
#[derive(Debug, Clone)]
pub struct Picker {
    pub kind: ListKind,
    pub filter: Input,
    /// Position in the filtered list.
    pub selected: usize,
}

#[derive(Debug, Clone)]
pub enum Popup {
    Picker(Picker),
    ConfirmQuit,
    ConfirmCreate,
    /// Delete what this run created (after a failure).
    ConfirmRemove,
    Save(Input),
    /// The plan as code (`x` on Review).
    Export(super::export_view::ExportView),
    /// A scrollable text view (policies, request JSON).
    View {
        title: String,
        text: String,
        scroll: u16,
    },
}

/// Whether the stream name is known to be free in AWS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameCheck {
    Unknown,
    Checking {
        name: String,
        generation: u64,
    },
    Free(String),
    Taken(String),
    /// The check itself failed (no access, offline): a warning, not a block.
    Failed {
        name: String,
        error: String,
    },
}

/// Whether the role was checked: an existing one must trust Firehose, and its policies should grant
/// what this stream needs; one to create that exists already (it is then reused) must let Firehose
/// alone assume it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoleCheck {
    Unknown,
    Checking { name: String, generation: u64 },
    Checked { name: String, findings: RoleFindings },
    Failed { name: String, error: String },
}

/// What became of one resource the wizard's removal (`d`) went through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Removal {
    /// Deleted, or already gone.
    Removed,
    /// Left in place, with why (objects in a bucket, in use, no proof that it is firehose-wizard's).
    Kept(String),
    /// Another resource of that name, left alone: the one firehose-wizard made is gone.
    NotOurs(String),
}

/// The answer of a role check: of the existing role chosen, or of the role to create when one of that
/// name exists already (it is then reused).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoleFindings {
    /// Whether a role of that name exists (for a role to create, none is fine).
    pub exists: bool,
    pub trusted: bool,
    /// Permissions this stream needs that the role's policies do not grant ("action on resource").
    pub missing: Vec<String>,
    /// Whom else than Firehose (for this account) its trust lets assume it.
    pub extras: Vec<String>,
    /// The other delivery streams that use it.
    pub shared_with: Vec<String>,
    /// The KMS key the plan's Kinesis source is encrypted with (Kinesis's `KeyId`), read with the role
    /// check: this stream's policy grants `kms:Decrypt` on it.
    pub source_key: Option<String>,
}

/// Where the stream will be created, for the header.
#[derive(Debug, Clone, Default)]
pub struct Context {
    pub profile: Option<String>,
    pub region: Option<String>,
    pub endpoint: Option<String>,
    pub target: Option<Target>,
    pub identity_error: Option<String>,
}

/// One row of the progress screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub step: provision::Step,
    pub state: RowState,
    /// As reported by the provisioner when the step changed state.
    pub elapsed: Duration,
    pub detail: Msg,
    /// The tick (100 ms) at which the step started, for its live elapsed time.
    pub started_tick: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RowState {
    Pending,
    Running,
    /// A retry is due at this tick (ticks are 100 ms).
    Retrying(u64),
    Done(provision::Done),
    Failed,
}

/// Everything on screen.
#[derive(Debug, Clone)]
pub struct Model {
    pub step: Step,
    pub focus: usize,
    /// The text fields' inputs (every text field has one).
    pub texts: BTreeMap<Field, Input>,
    /// The choice fields' chosen option (every choice field has one).
    pub choices: BTreeMap<Field, usize>,
    /// What IAM says about the existing role chosen on Settings.
    pub role_check: RoleCheck,
    pub lists: [ListData; 3],
    pub popup: Option<Popup>,
    /// Reached a screen from Review with an edit key: Next returns to Review.
    pub from_review: bool,
    /// Screens on which Next was tried: their empty required fields show as errors too.
    pub attempted: [bool; 5],
    pub name_check: NameCheck,
    /// Next was pressed on screen 1 while the name check runs: advance when it answers "free".
    pub advance_after_check: bool,
    pub context: Context,
    pub rows: Vec<Row>,
    pub outcome: Option<Outcome>,
    pub failure: Option<Failure>,
    /// What this session's creations made and no later step removed or completed: summed over
    /// retries, kept when the user goes back to edit, reported on exit.
    pub leftovers: Vec<Resource>,
    /// A removal is running: keys that would start another AWS change wait.
    pub removing: bool,
    /// On the summary: `d` removed the stream and everything firehose-wizard created for it.
    pub destroyed: bool,
    /// One line of news (saved, copied, a note about a key).
    pub status: Option<String>,
    pub dirty: bool,
    pub quit: bool,
    pub tick: u64,
    /// The object id and random-string sample of the example keys: fixed for the session, so the
    /// preview does not change on every redraw.
    pub sample_id: String,
    pub sample_random: String,
    next_generation: u64,
}

/// Inputs to `update`.
#[derive(Debug, Clone)]
pub enum Action {
    Key(KeyEvent),
    Tick,
    Resize,
    Identified(Result<Target, String>),
    ListPage {
        kind: ListKind,
        generation: u64,
        items: Vec<Item>,
        done: bool,
    },
    ListFailed {
        kind: ListKind,
        generation: u64,
        error: String,
    },
    NameChecked {
        generation: u64,
        result: Result<bool, String>,
    },
    RoleChecked {
        generation: u64,
        result: Result<RoleFindings, String>,
    },
    Progress(Progress),
    Provisioned(Box<Result<Outcome, Failure>>),
    /// What removing this run's resources did: each resource, and the error if it stayed.
    /// What a removal did, resource by resource, or why it could not start (nothing was removed).
    Removed(Result<Vec<(Resource, Removal)>, String>),
    /// A background task ended without an answer (it panicked): shown, never hidden.
    TaskFailed(String),
    Saved(Result<String, String>),
    /// Where the export was written, or why it was not.
    ExportSaved(Result<String, String>),
}

/// What `update` asks the outside world to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Identify,
    LoadList {
        kind: ListKind,
        generation: u64,
    },
    CheckName {
        name: String,
        generation: u64,
    },
    /// Read the role's policies and compare them with what `plan` needs in `target`.
    CheckRole {
        name: String,
        plan: Box<Plan>,
        target: Target,
        generation: u64,
    },
    Provision(Box<Plan>),
    /// Delete what the stream's journal says firehose-wizard created (never what already existed).
    Destroy(Box<Plan>),
    SavePlan {
        path: String,
        json: String,
    },
    /// Write an export to `file` in the working directory, or to the first free `NAME-2.EXT`...
    SaveExport {
        file: String,
        text: String,
    },
    /// Open the watch view of the created stream (`smoke`: and run the smoke test at once).
    Watch {
        name: String,
        smoke: bool,
    },
}

impl Model {
    /// Started from a copy of the stream `name` (`--from-stream`): says so, and lists what the copy
    /// leaves out in a view the user closes.
    pub fn copied_from(&mut self, name: &str, lost: &[crate::plan::msg::Msg]) {
        self.status = Some(t!("status-copied-from", name = name));
        if !lost.is_empty() {
            let items: Vec<String> = lost.iter().map(|m| format!("• {m}")).collect();
            let text = format!("{}\n\n{}", t!("copied-lost", count = lost.len(), name = name), items.join("\n"));
            self.popup = Some(Popup::View { title: t!("copied-title", name = name), text, scroll: 0 });
        }
    }

    /// The stream was created and not destroyed since: it can be watched and smoke-tested.
    pub fn watchable(&self) -> bool {
        self.step == Step::Done && self.outcome.is_some() && !self.destroyed
    }

    /// A model showing `plan` (a new stream, the lab, or a saved plan file).
    pub fn new(plan: &Plan, context: Context) -> Model {
        let mut texts = BTreeMap::new();
        let mut choices = BTreeMap::new();
        let mut text = |f: Field, v: &str| {
            texts.insert(f, Input::new(v.to_owned()));
        };
        let num = |v: Option<i64>| v.map(|x| x.to_string()).unwrap_or_default();
        text(Field::Name, &plan.name);
        let (kind, stream) = match &plan.source {
            Source::DirectPut => (0, String::new()),
            Source::KinesisStream(s) => (1, s.clone()),
            Source::NewKinesisStream(n) => (2, n.name.clone()),
        };
        choices.insert(Field::SourceKind, kind);
        text(Field::KinesisStream, &stream);
        let new_stream = match &plan.source {
            Source::NewKinesisStream(n) => Some(n),
            _ => None,
        };
        choices.insert(Field::StreamMode, new_stream.is_some_and(|n| n.mode == StreamMode::Provisioned) as usize);
        text(Field::Shards, &new_stream.and_then(|n| n.shards).map_or_else(|| "1".to_owned(), |k| k.to_string()));

        let l = plan.process.lambda.as_ref();
        choices.insert(Field::Lambda, l.is_some() as usize);
        text(Field::LambdaArn, l.map_or("", |l| &l.function_arn));
        text(Field::LambdaBuffer, &l.and_then(|l| l.buffer_size_mib).map(|b| b.to_string()).unwrap_or_default());
        text(Field::LambdaInterval, &num(l.and_then(|l| l.buffer_interval_s)));
        text(Field::LambdaRetries, &num(l.and_then(|l| l.retries)));
        let c = plan.process.format_conversion.as_ref();
        choices.insert(Field::FormatConversion, c.is_some() as usize);
        choices.insert(Field::OutputFormat, c.is_some_and(|c| c.output == "orc") as usize);
        choices.insert(Field::InputFormat, c.is_some_and(|c| c.input == "hive_json") as usize);
        text(Field::GlueDatabase, c.map_or("", |c| &c.glue_database));
        text(Field::GlueTable, c.map_or("", |c| &c.glue_table));
        text(Field::GlueRegion, c.and_then(|c| c.glue_region.as_deref()).unwrap_or(""));
        text(Field::GlueVersion, c.and_then(|c| c.glue_version.as_deref()).unwrap_or(""));
        let dc = plan.process.decompression.as_ref();
        choices.insert(Field::Decompression, dc.is_some() as usize);
        choices.insert(Field::MessageExtraction, dc.is_some_and(|d| d.message_extraction) as usize);

        let d = &plan.destination;
        choices.insert(Field::BucketMode, !d.create_bucket as usize);
        text(Field::Bucket, &d.bucket);
        let dp = d.dynamic_partitioning.as_ref();
        choices.insert(Field::Dynamic, dp.is_some() as usize);
        text(
            Field::PartitionKeys,
            &dp.map(|dp| dp.keys.iter().map(|(k, e)| format!("{k}={e}")).collect::<Vec<_>>().join("; "))
                .unwrap_or_default(),
        );
        choices.insert(Field::NewLine, d.appends_new_line() as usize);
        let (deagg, delim) = match dp.and_then(|dp| dp.record_deaggregation.as_ref()) {
            None => (0, String::new()),
            Some(Deaggregation::Json) => (1, String::new()),
            Some(Deaggregation::Delimited(x)) => (2, x.clone()),
        };
        choices.insert(Field::Deaggregation, deagg);
        text(Field::Delimiter, &delim);
        text(Field::RetryDuration, &num(dp.and_then(|dp| dp.retry_duration_s)));
        text(Field::SampleRecord, "");
        text(Field::Prefix, &d.prefix);
        text(Field::ErrorPrefix, d.error_prefix().unwrap_or(""));
        text(Field::FileExtension, d.file_extension.as_deref().unwrap_or(""));
        text(Field::TimeZone, d.time_zone.as_deref().unwrap_or(""));
        choices.insert(Field::Backup, d.backup.is_some() as usize);
        text(Field::BackupBucket, d.backup.as_ref().map_or("", |b| &b.bucket));
        text(Field::BackupPrefix, d.backup.as_ref().map_or("", |b| &b.prefix));

        let st = &plan.settings;
        text(Field::BufferSize, &st.buffer_size_mib.to_string());
        text(Field::BufferInterval, &st.buffer_interval_s.to_string());
        choices.insert(Field::Compression, COMPRESSION_FORMATS.iter().position(|c| *c == st.compression).unwrap_or(0));
        choices.insert(Field::Encryption, st.encryption.is_some() as usize);
        text(Field::KmsKey, st.encryption.as_ref().map_or("", |e| &e.kms_key_arn));
        let (sse, key) = match &st.stream_encryption {
            None => (0, ""),
            Some(StreamEncryption::AwsOwned) => (1, ""),
            Some(StreamEncryption::CustomerManaged(k)) => (2, k.as_str()),
        };
        choices.insert(Field::StreamEncryption, sse);
        text(Field::StreamKey, key);
        choices.insert(Field::ErrorLogging, st.error_logging as usize);
        text(Field::LogStream, st.error_log_stream.as_deref().unwrap_or(""));
        text(Field::BackupLogStream, st.backup_log_stream.as_deref().unwrap_or(""));
        text(Field::Tags, &st.tags.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(", "));
        let (role_existing, role) = match &st.role {
            Role::Create(r) => (false, r.clone()),
            Role::Existing(r) => (true, r.clone()),
        };
        choices.insert(Field::RoleMode, role_existing as usize);
        text(Field::RoleName, &role);
        choices.insert(Field::AddPolicy, st.add_policy_to_role as usize);
        Model {
            step: Step::NameSource,
            focus: 0,
            texts,
            choices,
            role_check: RoleCheck::Unknown,
            lists: Default::default(),
            popup: None,
            from_review: false,
            attempted: [false; 5],
            name_check: NameCheck::Unknown,
            advance_after_check: false,
            context,
            rows: Vec::new(),
            outcome: None,
            failure: None,
            leftovers: Vec::new(),
            removing: false,
            destroyed: false,
            status: None,
            dirty: false,
            quit: false,
            tick: 0,
            sample_id: uuid::Uuid::new_v4().to_string(),
            sample_random: crate::plan::prefix::random_string(),
            next_generation: 1,
        }
    }

    /// A text field's value ("" for a field that is not text).
    pub fn text(&self, field: Field) -> &str {
        self.texts.get(&field).map_or("", |i| i.value())
    }

    /// A choice field's option index (0 for a field that is not a choice).
    pub fn choice(&self, field: Field) -> usize {
        self.choices.get(&field).copied().unwrap_or(0)
    }

    fn on(&self, field: Field) -> bool {
        self.choice(field) == 1
    }

    /// A new stream: the console's defaults, a Kinesis source and a unique lab-style bucket name.
    pub fn blank_plan() -> Plan {
        Plan {
            name: String::new(),
            source: Source::KinesisStream(String::new()),
            process: Process::default(),
            destination: Destination {
                create_bucket: true,
                ..Destination::new(&format!("{}{}", plan::LAB_BUCKET_STEM, plan::random_bucket_suffix()))
            },
            settings: Settings::default(),
        }
    }

    /// Where the stream will be created: the account from STS, or placeholders until it answers.
    pub fn target(&self) -> Target {
        self.context.target.clone().unwrap_or_else(|| Target::placeholder(self.context.region.as_deref()))
    }

    /// The example S3 keys of the current answers, stable across redraws.
    pub fn examples(&self, now: chrono::DateTime<chrono::Utc>) -> Option<validate::Examples> {
        let sample = serde_json::from_str(self.text(Field::SampleRecord)).ok();
        validate::examples_with(&self.plan(), now, &self.sample_id, Some(&self.sample_random), sample.as_ref())
    }

    /// The effects to run when the wizard starts.
    pub fn start(&mut self) -> Vec<Effect> {
        let mut fx = vec![Effect::Identify];
        for kind in ListKind::ALL {
            fx.push(self.load(kind));
        }
        fx
    }

    fn generation(&mut self) -> u64 {
        self.next_generation += 1;
        self.next_generation
    }

    fn load(&mut self, kind: ListKind) -> Effect {
        let generation = self.generation();
        let list = &mut self.lists[kind.index()];
        *list = ListData { items: Vec::new(), loading: true, error: None, generation };
        Effect::LoadList { kind, generation }
    }

    pub fn list(&self, kind: ListKind) -> &ListData {
        &self.lists[kind.index()]
    }

    /// The Plan the screens describe now. Numbers that do not parse are replaced by a valid value
    /// here; [`Model::problems`] reports them.
    pub fn plan(&self) -> Plan {
        let t = |f| self.text(f).to_owned();
        let opt = |f| Some(self.text(f).trim().to_owned()).filter(|v| !v.is_empty());
        let int = |f, default| self.text(f).trim().parse::<i64>().unwrap_or(default);
        let opt_int = |f| opt(f).map(|v| v.parse::<i64>().unwrap_or(0));
        let source = match self.choice(Field::SourceKind) {
            0 => Source::DirectPut,
            1 => Source::KinesisStream(t(Field::KinesisStream)),
            _ => {
                let provisioned = self.on(Field::StreamMode);
                Source::NewKinesisStream(NewStream {
                    name: t(Field::KinesisStream),
                    mode: if provisioned { StreamMode::Provisioned } else { StreamMode::OnDemand },
                    shards: provisioned.then(|| int(Field::Shards, 1)),
                })
            }
        };
        let lambda = self.on(Field::Lambda).then(|| Lambda {
            function_arn: t(Field::LambdaArn).trim().to_owned(),
            buffer_size_mib: opt(Field::LambdaBuffer).map(|v| v.parse::<f64>().unwrap_or(1.0)),
            buffer_interval_s: opt_int(Field::LambdaInterval),
            retries: opt_int(Field::LambdaRetries),
        });
        let format_conversion = self.on(Field::FormatConversion).then(|| FormatConversion {
            output: validate::OUTPUT_FORMATS[self.choice(Field::OutputFormat)].to_owned(),
            input: validate::INPUT_FORMATS[self.choice(Field::InputFormat)].to_owned(),
            glue_database: t(Field::GlueDatabase),
            glue_table: t(Field::GlueTable),
            glue_region: opt(Field::GlueRegion),
            glue_version: opt(Field::GlueVersion),
        });
        let decompression = self
            .on(Field::Decompression)
            .then(|| Decompression { message_extraction: self.on(Field::MessageExtraction) });
        // one field: with dynamic partitioning it is that option's, without it the destination's
        let new_line = self.on(Field::NewLine);
        let dynamic_partitioning = self.on(Field::Dynamic).then(|| DynamicPartitioning {
            keys: parse_pairs(self.text(Field::PartitionKeys), ';').into_iter().collect(),
            new_line_delimiter: new_line,
            record_deaggregation: match self.choice(Field::Deaggregation) {
                0 => None,
                1 => Some(Deaggregation::Json),
                _ => Some(Deaggregation::Delimited(t(Field::Delimiter))),
            },
            retry_duration_s: opt_int(Field::RetryDuration),
        });
        let error_prefix = self.text(Field::ErrorPrefix);
        let role = t(Field::RoleName);
        Plan {
            name: t(Field::Name),
            source,
            process: Process { lambda, format_conversion, decompression },
            destination: Destination {
                bucket: t(Field::Bucket),
                create_bucket: !self.on(Field::BucketMode),
                prefix: t(Field::Prefix),
                error_prefix: (!error_prefix.is_empty()).then(|| error_prefix.to_owned()),
                dynamic_partitioning,
                file_extension: opt(Field::FileExtension),
                time_zone: opt(Field::TimeZone),
                backup: self
                    .on(Field::Backup)
                    .then(|| Backup { bucket: t(Field::BackupBucket), prefix: t(Field::BackupPrefix) }),
                new_line_delimiter: new_line && !self.on(Field::Dynamic),
            },
            settings: Settings {
                buffer_size_mib: int(Field::BufferSize, 5),
                buffer_interval_s: int(Field::BufferInterval, 300),
                compression: COMPRESSION_FORMATS[self.choice(Field::Compression)].to_owned(),
                role: if self.on(Field::RoleMode) { Role::Existing(role) } else { Role::Create(role) },
                add_policy_to_role: self.on(Field::RoleMode) && self.on(Field::AddPolicy),
                encryption: self.on(Field::Encryption).then(|| Encryption { kms_key_arn: t(Field::KmsKey) }),
                stream_encryption: match (self.choice(Field::SourceKind), self.choice(Field::StreamEncryption)) {
                    (0, 1) => Some(StreamEncryption::AwsOwned),
                    (0, 2) => Some(StreamEncryption::CustomerManaged(t(Field::StreamKey))),
                    _ => None,
                },
                error_logging: self.on(Field::ErrorLogging),
                error_log_stream: opt(Field::LogStream),
                backup_log_stream: opt(Field::BackupLogStream),
                tags: parse_pairs(self.text(Field::Tags), ',').into_iter().collect(),
            },
        }
    }

    /// Every problem of the current answers: the shared validator's, plus numbers that do not parse,
    /// entries that are not `key=value`, a sample record that is not JSON, a stream name known to be
    /// taken, and what IAM said about an existing role.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = validate::validate(&self.plan());
        let visible = self.all_fields();
        for field in visible.iter().copied() {
            let (Some(float), Some(path)) = (field.numeric(), field.path()) else { continue };
            let v = self.text(field).trim();
            let optional = !field.required();
            let ok = (optional && v.is_empty())
                || if float { v.parse::<f64>().is_ok_and(f64::is_finite) } else { v.parse::<i64>().is_ok() };
            if !ok {
                out.retain(|p| p.path != path);
                let message = if float { msg!("form-not-a-number") } else { msg!("form-not-a-whole-number") };
                out.push(Problem { path, severity: Severity::Error, message });
            }
        }
        for (field, sep) in [(Field::PartitionKeys, ';'), (Field::Tags, ',')] {
            if visible.contains(&field)
                && let Some(bad) = bad_pair(self.text(field), sep)
            {
                out.push(Problem {
                    path: field.path().expect("has a path"),
                    severity: Severity::Error,
                    message: msg!("form-not-a-pair", entry = plan::quoted(&bad), separator = sep),
                });
            }
        }
        if visible.contains(&Field::SampleRecord)
            && !self.text(Field::SampleRecord).trim().is_empty()
            && let Err(e) = serde_json::from_str::<serde_json::Value>(self.text(Field::SampleRecord))
        {
            out.push(Problem {
                path: "destination.dynamic_partitioning.sample",
                severity: Severity::Warning,
                message: msg!("form-sample-not-json", error = e.to_string()),
            });
        }
        match &self.name_check {
            NameCheck::Taken(n) if n == self.text(Field::Name) => {
                out.push(Problem { path: "name", severity: Severity::Error, message: msg!("form-name-taken") })
            }
            NameCheck::Failed { name, error } if name == self.text(Field::Name) => out.push(Problem {
                path: "name",
                severity: Severity::Warning,
                message: msg!("form-name-check-failed", error = error.clone()),
            }),
            _ => {}
        }
        out.extend(self.role_problems());
        out
    }

    /// What the role check found, as problems of `settings.role`: a role that Firehose cannot assume,
    /// one to create that exists and that others may assume too (it would be reused: refused), one
    /// chosen as existing that others may assume (a deliberate choice: said), one shared with other
    /// streams, permissions an existing role lacks.
    fn role_problems(&self) -> Vec<Problem> {
        let existing = self.on(Field::RoleMode);
        let problem = |severity, message| Problem { path: "settings.role", severity, message };
        let list = |items: &[String]| {
            let more = if items.len() > 3 { ", …" } else { "" };
            format!("{}{more}", items.iter().take(3).cloned().collect::<Vec<_>>().join(", "))
        };
        match &self.role_check {
            RoleCheck::Checked { name, findings: f } if name == self.text(Field::RoleName) => {
                let mut out = Vec::new();
                if !f.exists {
                    return out;
                }
                if !f.trusted {
                    out.push(problem(Severity::Error, msg!("form-role-untrusted")));
                }
                if !f.extras.is_empty() {
                    out.push(if existing {
                        problem(Severity::Warning, msg!("form-role-extra-chosen", principals = list(&f.extras)))
                    } else {
                        problem(Severity::Error, msg!("form-role-extra", principals = list(&f.extras)))
                    });
                }
                if !f.shared_with.is_empty() {
                    out.push(problem(
                        Severity::Warning,
                        msg!("form-role-shared", count = f.shared_with.len(), streams = list(&f.shared_with)),
                    ));
                }
                if existing && !f.missing.is_empty() && !self.on(Field::AddPolicy) {
                    out.push(problem(
                        Severity::Warning,
                        msg!("form-role-missing", count = f.missing.len(), missing = list(&f.missing)),
                    ));
                }
                out
            }
            RoleCheck::Failed { name, error } if name == self.text(Field::RoleName) => {
                vec![problem(Severity::Warning, msg!("form-role-check-failed", error = error.clone()))]
            }
            _ => Vec::new(),
        }
    }

    /// The fields of every screen (as the answers make them visible).
    fn all_fields(&self) -> Vec<Field> {
        [Step::NameSource, Step::Process, Step::Destination, Step::Settings]
            .into_iter()
            .flat_map(|s| self.fields_of(s))
            .collect()
    }

    /// The problems shown under a field: errors about empty required fields only after Next was tried.
    pub fn field_problems(&self, field: Field, all: &[Problem]) -> Vec<Problem> {
        let Some(path) = field.path() else { return Vec::new() };
        let attempted = self.attempted[self.step.number() - 1];
        let empty = field.is_text() && self.text(field).is_empty();
        all.iter()
            .filter(|p| p.path == path && (attempted || !empty || p.severity == Severity::Warning))
            .cloned()
            .collect()
    }

    /// The errors that block leaving a screen.
    pub fn step_errors(&self, step: Step) -> Vec<Problem> {
        self.problems().into_iter().filter(|p| p.severity == Severity::Error && step.owns(p.path)).collect()
    }

    /// The fields of the current screen, in focus order.
    pub fn fields(&self) -> Vec<Field> {
        self.fields_of(self.step)
    }

    /// The fields a screen shows now: an option's details appear when it is on.
    pub fn fields_of(&self, step: Step) -> Vec<Field> {
        let mut v = Vec::new();
        match step {
            Step::NameSource => {
                v.extend([Field::Name, Field::SourceKind]);
                match self.choice(Field::SourceKind) {
                    0 => {}
                    1 => v.push(Field::KinesisStream),
                    _ => {
                        v.extend([Field::KinesisStream, Field::StreamMode]);
                        if self.on(Field::StreamMode) {
                            v.push(Field::Shards);
                        }
                    }
                }
            }
            Step::Process => {
                v.push(Field::Lambda);
                if self.on(Field::Lambda) {
                    v.extend([Field::LambdaArn, Field::LambdaBuffer, Field::LambdaInterval, Field::LambdaRetries]);
                }
                v.push(Field::FormatConversion);
                if self.on(Field::FormatConversion) {
                    v.extend([
                        Field::OutputFormat,
                        Field::InputFormat,
                        Field::GlueDatabase,
                        Field::GlueTable,
                        Field::GlueRegion,
                        Field::GlueVersion,
                    ]);
                }
                v.push(Field::Decompression);
                if self.on(Field::Decompression) {
                    v.push(Field::MessageExtraction);
                }
            }
            Step::Destination => {
                v.extend([Field::BucketMode, Field::Bucket, Field::Dynamic]);
                if self.on(Field::Dynamic) {
                    v.push(Field::PartitionKeys);
                }
                v.push(Field::NewLine);
                if self.on(Field::Dynamic) {
                    v.push(Field::Deaggregation);
                    if self.choice(Field::Deaggregation) == 2 {
                        v.push(Field::Delimiter);
                    }
                    v.extend([Field::RetryDuration, Field::SampleRecord]);
                }
                v.extend([Field::Prefix, Field::ErrorPrefix, Field::FileExtension, Field::TimeZone, Field::Backup]);
                if self.on(Field::Backup) {
                    v.extend([Field::BackupBucket, Field::BackupPrefix]);
                }
            }
            Step::Settings => {
                v.extend([Field::BufferSize, Field::BufferInterval, Field::Compression, Field::Encryption]);
                if self.on(Field::Encryption) {
                    v.push(Field::KmsKey);
                }
                if self.choice(Field::SourceKind) == 0 {
                    v.push(Field::StreamEncryption);
                    if self.choice(Field::StreamEncryption) == 2 {
                        v.push(Field::StreamKey);
                    }
                }
                v.extend([Field::ErrorLogging, Field::Tags, Field::RoleMode, Field::RoleName]);
                if self.on(Field::RoleMode) {
                    v.push(Field::AddPolicy);
                }
                // last: the workshop's fields stay on the first 24 rows
                if self.on(Field::ErrorLogging) {
                    v.push(Field::LogStream);
                    if self.on(Field::Backup) {
                        v.push(Field::BackupLogStream);
                    }
                }
            }
            Step::Review => v.push(Field::Create),
            _ => {}
        }
        v
    }

    pub fn focused(&self) -> Option<Field> {
        self.fields().get(self.focus).copied()
    }

    pub fn input(&self, field: Field) -> Option<&Input> {
        self.texts.get(&field)
    }

    fn input_mut(&mut self, field: Field) -> Option<&mut Input> {
        self.texts.get_mut(&field)
    }

    /// The list a field picks from, if it has one now.
    pub fn picker_for(&self, field: Field) -> Option<ListKind> {
        match field {
            Field::KinesisStream if self.choice(Field::SourceKind) == 1 => Some(ListKind::Streams),
            Field::Bucket if self.on(Field::BucketMode) => Some(ListKind::Buckets),
            Field::BackupBucket => Some(ListKind::Buckets),
            Field::RoleName if self.on(Field::RoleMode) => Some(ListKind::Roles),
            _ => None,
        }
    }

    /// Whether leaving would lose anything: answers were edited, or a creation is running.
    /// How many resources `d` would remove: what firehose-wizard created, by the last creation's report.
    pub fn removable(&self) -> usize {
        match self.step {
            Step::Done => self.outcome.as_ref().map_or(0, |o| o.resources.iter().filter(|r| r.created).count()),
            _ => self.leftovers.len(),
        }
    }

    fn needs_quit_confirmation(&self) -> bool {
        self.dirty || self.step == Step::Creating || self.removing || !self.leftovers.is_empty()
    }

    /// Moves to a screen. Any move ends an edit that came from Review (the Review keys set it again).
    fn go(&mut self, step: Step) {
        self.step = step;
        self.focus = 0;
        self.status = None;
        self.from_review = false;
    }

    /// Sets a text field as if typed (marks the answers edited).
    pub fn set_text(&mut self, field: Field, value: &str) {
        if let Some(i) = self.input_mut(field) {
            *i = Input::new(value.to_owned());
        }
        self.after_edit(field);
    }

    fn after_edit(&mut self, field: Field) {
        self.dirty = true;
        if field == Field::Name {
            self.name_check = NameCheck::Unknown;
            self.advance_after_check = false;
        }
    }

    /// The KMS key the Kinesis source is encrypted with, as the role check read it (for this stream's
    /// policy).
    pub fn source_key(&self) -> Option<&str> {
        match &self.role_check {
            RoleCheck::Checked { findings, .. } => findings.source_key.as_deref(),
            _ => None,
        }
    }

    /// Asks IAM about the existing role (trust and policies), unless that answer is already here.
    pub fn check_role(&mut self) -> Vec<Effect> {
        let name = self.text(Field::RoleName).trim().to_owned();
        if name.is_empty() || crate::plan::names::role_ref(&name).is_err() {
            return Vec::new();
        }
        match &self.role_check {
            RoleCheck::Checking { name: n, .. } | RoleCheck::Checked { name: n, .. } if *n == name => {
                return Vec::new();
            }
            _ => {}
        }
        let generation = self.generation();
        self.role_check = RoleCheck::Checking { name: name.clone(), generation };
        vec![Effect::CheckRole { name, plan: Box::new(self.plan()), target: self.target(), generation }]
    }

    /// The items of a list that match a filter (case-insensitive substring), as indices.
    pub fn filtered(&self, kind: ListKind, filter: &str) -> Vec<usize> {
        filter_items(&self.list(kind).items, filter)
    }
}

/// Indices of the items whose name contains `filter`, ignoring case. Allocation-free per item, so that
/// filtering 10,000 names keeps up with typing.
pub fn filter_items(items: &[Item], filter: &str) -> Vec<usize> {
    if filter.is_empty() {
        return (0..items.len()).collect();
    }
    let needle: Vec<char> = filter.chars().flat_map(char::to_lowercase).collect();
    items.iter().enumerate().filter(|(_, it)| contains_ignore_case(&it.value, &needle)).map(|(i, _)| i).collect()
}

/// `name=value` entries separated by `sep` (a `sep` inside a value stays when the next entry does not
/// start with `name=`, so jq's `;` and `,` survive). Entries without `=` are left out.
pub fn parse_pairs(text: &str, sep: char) -> Vec<(String, String)> {
    split_entries(text, sep)
        .into_iter()
        .filter_map(|e| e.split_once('=').map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned())))
        .collect()
}

/// The first entry that is not `name=value`.
fn bad_pair(text: &str, sep: char) -> Option<String> {
    split_entries(text, sep).into_iter().find(|e| !e.contains('=') || e.trim().starts_with('='))
}

fn split_entries(text: &str, sep: char) -> Vec<String> {
    let starts_entry = |rest: &str| {
        let rest = rest.trim_start();
        let name: String = rest.chars().take_while(|c| *c != '=' && *c != sep).collect();
        !name.trim().is_empty() && rest[name.len()..].starts_with('=') && !rest[name.len()..].starts_with("==")
    };
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, c) in text.char_indices() {
        if c == sep && starts_entry(&text[i + 1..]) {
            out.push(std::mem::take(&mut cur));
        } else {
            cur.push(c);
        }
    }
    out.push(cur);
    out.into_iter().map(|e| e.trim().to_owned()).filter(|e| !e.is_empty()).collect()
}

fn contains_ignore_case(hay: &str, needle: &[char]) -> bool {
    if hay.is_ascii() && needle.iter().all(char::is_ascii) {
        let h = hay.as_bytes();
        let n: Vec<u8> = needle.iter().map(|c| *c as u8).collect();
        return h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(&n));
    }
    let hay: Vec<char> = hay.chars().flat_map(char::to_lowercase).collect();
    hay.windows(needle.len()).any(|w| w == needle)
}

fn insert_sorted(items: &mut Vec<Item>, page: Vec<Item>) {
    items.extend(page);
    items.sort_by(|a, b| (a.rank, &a.value).cmp(&(b.rank, &b.value)));
    items.dedup_by(|a, b| a.value == b.value);
}

/// The single entry point: applies one action, returns the effects to run.
pub fn update(m: &mut Model, action: Action) -> Vec<Effect> {
    match action {
        Action::Key(k) if k.kind == KeyEventKind::Press => key(m, k),
        Action::Key(_) | Action::Resize => Vec::new(),
        Action::Tick => {
            m.tick = m.tick.wrapping_add(1);
            Vec::new()
        }
        Action::Identified(r) => {
            match r {
                Ok(t) => {
                    m.context.target = Some(t);
                    m.context.identity_error = None;
                }
                Err(e) => m.context.identity_error = Some(e),
            }
            Vec::new()
        }
        Action::ListPage { kind, generation, items, done } => {
            if m.lists[kind.index()].generation != generation {
                return Vec::new();
            }
            // the open picker keeps its highlighted item, wherever the new page sorts it
            let keep = match &m.popup {
                Some(Popup::Picker(p)) if p.kind == kind => {
                    m.filtered(kind, p.filter.value()).get(p.selected).map(|&i| m.list(kind).items[i].value.clone())
                }
                _ => None,
            };
            let list = &mut m.lists[kind.index()];
            insert_sorted(&mut list.items, items);
            list.loading = !done;
            if let Some(value) = keep {
                let filter = match &m.popup {
                    Some(Popup::Picker(p)) => p.filter.value().to_owned(),
                    _ => String::new(),
                };
                let pos = m.filtered(kind, &filter).iter().position(|&i| m.list(kind).items[i].value == value);
                if let (Some(Popup::Picker(p)), Some(pos)) = (&mut m.popup, pos) {
                    p.selected = pos;
                }
            }
            Vec::new()
        }
        Action::ListFailed { kind, generation, error } => {
            let list = &mut m.lists[kind.index()];
            if list.generation == generation {
                list.loading = false;
                list.error = Some(error);
            }
            Vec::new()
        }
        Action::NameChecked { generation, result } => name_checked(m, generation, result),
        Action::RoleChecked { generation, result } => {
            if let RoleCheck::Checking { name, generation: g } = &m.role_check
                && *g == generation
            {
                let name = name.clone();
                m.role_check = match result {
                    Ok(findings) => RoleCheck::Checked { name, findings },
                    Err(error) => RoleCheck::Failed { name, error },
                };
            }
            Vec::new()
        }
        Action::Progress(p) => {
            progress(m, p);
            Vec::new()
        }
        Action::Provisioned(r) => {
            match *r {
                Ok(o) => {
                    m.leftovers.clear();
                    m.outcome = Some(o);
                    m.failure = None;
                    m.dirty = false;
                    m.go(Step::Done);
                }
                Err(f) => {
                    // the journal marks as created what an earlier attempt (or run) made
                    m.leftovers = f.resources.iter().filter(|r| r.created).cloned().collect();
                    m.failure = Some(f);
                    m.go(Step::Failed);
                }
            }
            Vec::new()
        }
        Action::TaskFailed(text) => {
            m.status = Some(text);
            Vec::new()
        }
        Action::Removed(Err(error)) => {
            m.removing = false;
            m.status = Some(t!("status-remove-failed", error = error));
            Vec::new()
        }
        Action::Removed(Ok(results)) => {
            m.removing = false;
            // what firehose-wizard made and is gone now (deleted, or replaced by another of that name)
            let gone = |r: &Resource| {
                results.iter().any(|(x, e)| x.kind == r.kind && x.id == r.id && !matches!(e, Removal::Kept(_)))
            };
            m.leftovers.retain(|r| !gone(r));
            let mut kept = Vec::new();
            let mut removed = 0;
            for (r, outcome) in &results {
                match outcome {
                    Removal::Removed => removed += 1,
                    Removal::Kept(e) | Removal::NotOurs(e) => kept.push(format!("{} {}: {e}", r.kind, r.id)),
                }
            }
            if let Some(o) = &mut m.outcome {
                o.resources.retain(|r| !gone(r));
                m.destroyed = m.step == Step::Done && !o.resources.iter().any(|r| r.created);
            }
            if let Some(f) = &mut m.failure {
                f.resources.retain(|r| !gone(r));
            }
            m.status = Some(if kept.is_empty() {
                t!("status-removed", count = removed)
            } else {
                t!("status-removed-some", count = removed, kept = kept.join("; "))
            });
            Vec::new()
        }
        Action::ExportSaved(r) => {
            let note = match r {
                Ok(path) => t!("status-export-saved", path = path),
                Err(e) => t!("status-save-failed", error = e),
            };
            if let Some(Popup::Export(v)) = &mut m.popup {
                v.note = Some(note.clone());
            }
            m.status = Some(note);
            Vec::new()
        }
        Action::Saved(r) => {
            m.status = Some(match r {
                Ok(path) => {
                    m.dirty = false;
                    t!("status-saved", path = path)
                }
                Err(e) => t!("status-save-failed", error = e),
            });
            Vec::new()
        }
    }
}

fn name_checked(m: &mut Model, generation: u64, result: Result<bool, String>) -> Vec<Effect> {
    let NameCheck::Checking { name, generation: g } = &m.name_check else { return Vec::new() };
    if *g != generation {
        return Vec::new();
    }
    let name = name.clone();
    let advance = m.advance_after_check;
    m.advance_after_check = false;
    m.name_check = match result {
        Ok(false) => NameCheck::Free(name),
        Ok(true) => NameCheck::Taken(name),
        Err(error) => NameCheck::Failed { name, error },
    };
    m.status = matches!(m.name_check, NameCheck::Taken(_)).then(|| t!("status-name-taken"));
    // Taken blocks; free or unknown (the check failed, shown as a warning) lets the user on.
    if advance && m.step == Step::NameSource && !matches!(m.name_check, NameCheck::Taken(_)) {
        return next(m);
    }
    if matches!(m.name_check, NameCheck::Taken(_)) {
        m.focus = 0;
    }
    Vec::new()
}

fn progress(m: &mut Model, p: Progress) {
    let tick = m.tick;
    let Some(row) = m.rows.iter_mut().find(|r| r.step == p.step) else { return };
    row.elapsed = p.elapsed;
    match p.state {
        State::Started => {
            row.state = RowState::Running;
            row.started_tick = tick;
        }
        State::Retrying { wait, reason, attempt } => {
            row.state = RowState::Retrying(tick + (wait.as_millis() / 100) as u64);
            row.detail = msg!("row-attempt", attempt = attempt, reason = reason);
        }
        State::Waiting { status } => {
            row.state = RowState::Running;
            row.detail = msg!("row-status", status = status);
        }
        State::Done { done, detail } => {
            row.state = RowState::Done(done);
            row.detail = detail;
        }
        State::Failed { error } => {
            row.state = RowState::Failed;
            row.detail = Msg::text(error.summary());
        }
        State::SdkRetry(retry) => {
            row.detail = msg!(
                "row-sdk-retry",
                operation = retry.operation,
                attempt = retry.attempt,
                attempts = retry.max_attempts,
                reason = retry.reason.to_string()
            );
        }
    }
}

fn ctrl(k: &KeyEvent, c: char) -> bool {
    k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char(c)
}

fn key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    if ctrl(&k, 'c') {
        if matches!(m.popup, Some(Popup::ConfirmQuit)) || !m.needs_quit_confirmation() {
            m.quit = true;
        } else {
            m.popup = Some(Popup::ConfirmQuit);
        }
        return Vec::new();
    }
    if m.popup.is_some() {
        return popup_key(m, k);
    }
    if ctrl(&k, 'g') || (k.code == KeyCode::Char('?') && !m.focused().is_some_and(Field::is_text)) {
        let text = super::keymap::help_text(m);
        m.popup = Some(Popup::View { title: t!("keys-title"), text, scroll: 0 });
        return Vec::new();
    }
    match m.step {
        Step::Creating => Vec::new(),
        Step::Done => {
            if m.removing {
                m.status = Some(t!("status-wait-removal"));
            } else if matches!(k.code, KeyCode::Enter | KeyCode::Char('q') | KeyCode::Esc) {
                m.quit = true;
            } else if matches!(k.code, KeyCode::Char('t') | KeyCode::Char('w')) {
                if m.watchable() {
                    return vec![Effect::Watch {
                        name: m.text(Field::Name).to_owned(),
                        smoke: k.code == KeyCode::Char('t'),
                    }];
                }
                m.status = Some(t!("status-nothing-to-watch"));
            } else if k.code == KeyCode::Char('d') {
                if m.removable() > 0 {
                    m.popup = Some(Popup::ConfirmRemove);
                } else {
                    m.status = Some(t!("status-nothing-to-remove"));
                }
            }
            Vec::new()
        }
        Step::Failed => failed_key(m, k),
        Step::Review => review_key(m, k),
        _ => form_key(m, k),
    }
}

fn failed_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    if m.removing {
        m.status = Some(t!("status-wait-removal"));
        return Vec::new();
    }
    match k.code {
        KeyCode::Char('r') => create(m),
        KeyCode::Char('e') | KeyCode::Esc => {
            m.go(Step::Review);
            Vec::new()
        }
        KeyCode::Char('q') => {
            m.popup = Some(Popup::ConfirmQuit);
            Vec::new()
        }
        KeyCode::Char('d') => {
            if !m.leftovers.is_empty() {
                m.popup = Some(Popup::ConfirmRemove);
            } else {
                m.status = Some(t!("status-nothing-to-remove"));
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn review_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    match k.code {
        KeyCode::Char(c @ '1'..='4') => {
            let step = Step::EDITABLE[(c as u8 - b'1') as usize];
            m.go(step);
            m.from_review = true;
            Vec::new()
        }
        KeyCode::Char('p') => {
            let plan = m.plan();
            let target = m.target();
            let resolved = crate::plan::request::Resolved::implied(&plan, &target);
            let text = format!(
                "{}\n{}\n\n{}\n{}",
                t!("policies-trust"),
                pretty(&crate::plan::policy::trust_policy(&target.account)),
                t!("policies-permissions", name = crate::plan::policy::inline_policy_name(&plan, &target.region)),
                pretty(&crate::plan::policy::permissions_policy(
                    &plan,
                    &target,
                    resolved.source_arn.as_deref(),
                    m.source_key()
                ))
            );
            m.popup = Some(Popup::View { title: t!("policies-title"), text, scroll: 0 });
            Vec::new()
        }
        KeyCode::Char('r') => {
            let plan = m.plan();
            let target = m.target();
            let resolved = crate::plan::request::Resolved::implied(&plan, &target);
            let text = match crate::plan::request::build(&plan, &target, &resolved) {
                Ok(req) => pretty(&crate::plan::request::to_json(&req)),
                Err(e) => t!("request-not-yet", error = e.to_string()),
            };
            m.popup = Some(Popup::View { title: t!("request-title"), text, scroll: 0 });
            Vec::new()
        }
        KeyCode::Char('x') => {
            m.popup = Some(Popup::Export(super::export_view::ExportView::open(&m.plan(), crate::export::Format::Cli)));
            Vec::new()
        }
        KeyCode::Char('s') => {
            let default = format!("firehose-plan-{}.json", m.text(Field::Name));
            m.popup = Some(Popup::Save(Input::new(default)));
            Vec::new()
        }
        KeyCode::Char('c') | KeyCode::Enter => {
            if m.focused() == Some(Field::Create) || k.code == KeyCode::Char('c') {
                open_confirm_create(m);
            }
            Vec::new()
        }
        KeyCode::Esc | KeyCode::PageUp => {
            m.go(Step::Settings);
            Vec::new()
        }
        _ if ctrl(&k, 'p') => {
            m.go(Step::Settings);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn open_confirm_create(m: &mut Model) {
    // Every screen must be clean; otherwise go to the first one with an error.
    for step in [Step::NameSource, Step::Process, Step::Destination, Step::Settings] {
        if !m.step_errors(step).is_empty() {
            m.attempted[step.number() - 1] = true;
            m.go(step);
            m.from_review = true;
            m.status = Some(t!("status-fix-first", title = step.title()));
            return;
        }
    }
    m.popup = Some(Popup::ConfirmCreate);
}

fn pretty(v: &serde_json::Value) -> String {
    crate::plan::to_json_string_pretty(v)
}

fn create(m: &mut Model) -> Vec<Effect> {
    m.rows = provision::Step::ALL
        .iter()
        .map(|s| Row {
            step: *s,
            state: RowState::Pending,
            elapsed: Duration::ZERO,
            detail: Msg::text(""),
            started_tick: 0,
        })
        .collect();
    m.failure = None;
    m.go(Step::Creating);
    vec![Effect::Provision(Box::new(m.plan()))]
}

fn form_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    let fields = m.fields();
    let field = fields.get(m.focus).copied();
    let last = m.focus + 1 >= fields.len();
    match k.code {
        KeyCode::Tab => {
            m.focus = (m.focus + 1) % fields.len().max(1);
            return Vec::new();
        }
        KeyCode::BackTab | KeyCode::Up => {
            m.focus = (m.focus + fields.len().max(1) - 1) % fields.len().max(1);
            return Vec::new();
        }
        KeyCode::Down => {
            if let Some(kind) = field.and_then(|f| m.picker_for(f)) {
                m.popup = Some(Popup::Picker(Picker { kind, filter: Input::default(), selected: 0 }));
            } else {
                m.focus = (m.focus + 1) % fields.len().max(1);
            }
            return Vec::new();
        }
        KeyCode::Enter if last => return next(m),
        KeyCode::Enter => {
            m.focus += 1;
            return Vec::new();
        }
        KeyCode::Esc => {
            if m.from_review {
                m.go(Step::Review);
            } else if m.step != Step::NameSource {
                m.go(m.step.prev());
            } else {
                m.status = Some(t!("status-first-screen"));
            }
            return Vec::new();
        }
        KeyCode::PageDown => return next(m),
        KeyCode::PageUp => {
            if m.step != Step::NameSource {
                m.go(m.step.prev());
            }
            return Vec::new();
        }
        _ if ctrl(&k, 'n') => return next(m),
        _ if ctrl(&k, 'p') => {
            if m.step != Step::NameSource {
                m.go(m.step.prev());
            }
            return Vec::new();
        }
        _ if ctrl(&k, 'f') => {
            let fixes = floor_fixes(m);
            m.status = Some(if fixes.is_empty() {
                t!("status-nothing-to-fix")
            } else {
                apply_floor_fixes(m);
                t!("status-floors-set", fixes = fixes.join(", "))
            });
            return Vec::new();
        }
        _ if ctrl(&k, 't') && m.step == Step::Destination => {
            m.set_text(Field::Prefix, LAB_PREFIX);
            m.set_text(Field::ErrorPrefix, LAB_ERROR_PREFIX);
            m.status = Some(t!("status-lab-prefixes"));
            return Vec::new();
        }
        _ => {}
    }
    let Some(field) = field else { return Vec::new() };
    if k.code == KeyCode::Char('/')
        && k.modifiers.is_empty()
        && let Some(kind) = m.picker_for(field)
        && !m.input(field).is_some_and(|i| i.value().starts_with("arn:"))
    {
        m.popup = Some(Popup::Picker(Picker { kind, filter: Input::default(), selected: 0 }));
        return Vec::new();
    }
    if field.is_text() {
        if let Some(req) = to_input_request(&Event::Key(k))
            && let Some(input) = m.input_mut(field)
            && input.handle(req).is_some_and(|c| c.value)
        {
            m.after_edit(field);
        }
        return Vec::new();
    }
    // toggles and choices: Space, Left and Right change them
    let forward = match k.code {
        KeyCode::Char(' ') | KeyCode::Right => true,
        KeyCode::Left => false,
        _ => return Vec::new(),
    };
    let FieldKind::Choice(options) = field.kind() else { return Vec::new() };
    let n = options.len();
    let old = m.choice(field);
    let new = if forward { (old + 1) % n } else { (old + n - 1) % n };
    m.choices.insert(field, new);
    m.dirty = true;
    match field {
        Field::RoleMode => {
            // a fresh role gets the console's name; an existing one starts empty to pick from the list
            let name = if new == 1 { "" } else { plan::DEFAULT_ROLE_NAME };
            let role = m.text(Field::RoleName);
            if role.is_empty() || role == plan::DEFAULT_ROLE_NAME {
                m.texts.insert(Field::RoleName, Input::new(name.to_owned()));
            }
            m.role_check = RoleCheck::Unknown;
        }
        Field::SourceKind if old == 1 || new == 1 => {
            // an existing stream is picked from the list; a new one starts with the stream's name
            let name = if new == 2 { m.text(Field::Name).to_owned() } else { String::new() };
            m.texts.insert(Field::KinesisStream, Input::new(name));
        }
        Field::FormatConversion | Field::Dynamic if new == 1 => {
            let fixes = floor_fixes(m);
            if !fixes.is_empty() {
                m.status =
                    Some(t!("status-floors-needed", option = field.label(), fixes = fixes.join(&t!("list-and"))));
            }
        }
        _ => {}
    }
    Vec::new()
}

/// A setting that format conversion or dynamic partitioning needs and the answers do not have yet
/// (AWS rejects the stream otherwise).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Floor {
    BufferSize,
    BufferInterval,
    Uncompressed,
}

fn floors(m: &Model) -> Vec<Floor> {
    let p = m.plan();
    let conversion = p.process.format_conversion.is_some();
    let dynamic = p.destination.dynamic_partitioning.is_some();
    let mut out = Vec::new();
    if (conversion || dynamic) && p.settings.buffer_size_mib < validate::MIN_BUFFER_MIB_CONVERSION {
        out.push(Floor::BufferSize);
    }
    if dynamic && p.settings.buffer_interval_s < validate::MIN_BUFFER_INTERVAL_DYNAMIC {
        out.push(Floor::BufferInterval);
    }
    if conversion && p.settings.compression != "UNCOMPRESSED" {
        out.push(Floor::Uncompressed);
    }
    out
}

/// What the buffer and compression must become for the options chosen, as words; empty when nothing
/// needs to change.
pub fn floor_fixes(m: &Model) -> Vec<String> {
    floors(m)
        .into_iter()
        .map(|f| match f {
            Floor::BufferSize => t!("floor-buffer-size"),
            Floor::BufferInterval => t!("floor-buffer-interval"),
            Floor::Uncompressed => t!("floor-uncompressed"),
        })
        .collect()
}

/// Applies [`floor_fixes`]: the console's values (128 MiB; 60 s; UNCOMPRESSED).
fn apply_floor_fixes(m: &mut Model) {
    for f in floors(m) {
        match f {
            Floor::BufferSize => m.set_text(Field::BufferSize, "128"),
            Floor::BufferInterval => m.set_text(Field::BufferInterval, "60"),
            Floor::Uncompressed => {
                m.choices.insert(Field::Compression, 0);
                m.dirty = true;
            }
        }
    }
}

/// Next: allowed only when this screen has no errors (and, on screen 1, the name is free).
fn next(m: &mut Model) -> Vec<Effect> {
    let step = m.step;
    if !Step::EDITABLE.contains(&step) || step == Step::Review {
        return Vec::new();
    }
    m.attempted[step.number() - 1] = true;
    let errors = m.step_errors(step);
    if let Some(first) = errors.first() {
        m.focus = m.fields().iter().position(|f| f.path() == Some(first.path)).unwrap_or(0);
        m.status = Some(t!("status-problems", count = errors.len()).trim_start().to_owned());
        return Vec::new();
    }
    if step == Step::NameSource {
        let name = m.text(Field::Name).to_owned();
        match &m.name_check {
            NameCheck::Free(n) | NameCheck::Failed { name: n, .. } if *n == name => {}
            NameCheck::Checking { name: n, .. } if *n == name => {
                m.advance_after_check = true;
                return Vec::new();
            }
            _ => {
                let generation = m.generation();
                m.name_check = NameCheck::Checking { name: name.clone(), generation };
                m.advance_after_check = true;
                m.status = Some(t!("status-checking-name", name = name.clone()));
                return vec![Effect::CheckName { name, generation }];
            }
        }
    }
    if m.from_review {
        m.from_review = false;
        m.go(Step::Review);
    } else {
        m.go(step.next());
    }
    // leaving Settings with an existing role: ask IAM what it allows (shown on Review and Settings)
    if step == Step::Settings { m.check_role() } else { Vec::new() }
}

fn popup_key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    let Some(popup) = m.popup.take() else { return Vec::new() };
    match popup {
        Popup::ConfirmQuit => match k.code {
            KeyCode::Char('y') | KeyCode::Enter => m.quit = true,
            _ => {}
        },
        // Enter is what brought the user here: creating takes a deliberate `y`
        Popup::ConfirmCreate => {
            if k.code == KeyCode::Char('y') {
                return create(m);
            }
        }
        Popup::ConfirmRemove => {
            if matches!(k.code, KeyCode::Char('y') | KeyCode::Enter) && m.removable() > 0 {
                m.status = Some(t!("status-removing"));
                m.removing = true;
                return vec![Effect::Destroy(Box::new(m.plan()))];
            }
        }
        Popup::View { title, text, scroll } => {
            if let Some(scroll) = super::widgets::scroll_key(scroll, text.lines().count() as u16, &k) {
                m.popup = Some(Popup::View { title, text, scroll });
            }
        }
        Popup::Export(view) => {
            let (view, fx) = super::export_view::key(view, &m.plan(), k);
            m.popup = view.map(Popup::Export);
            return fx;
        }
        Popup::Save(mut input) => match k.code {
            KeyCode::Esc => {}
            KeyCode::Enter => {
                let path = input.value().trim().to_owned();
                if path.is_empty() {
                    m.popup = Some(Popup::Save(input));
                } else {
                    return vec![Effect::SavePlan { path, json: m.plan().to_json_pretty() }];
                }
            }
            _ => {
                if let Some(req) = to_input_request(&Event::Key(k)) {
                    input.handle(req);
                }
                m.popup = Some(Popup::Save(input));
            }
        },
        Popup::Picker(mut p) => {
            let matches = m.filtered(p.kind, p.filter.value());
            match k.code {
                KeyCode::Esc => return Vec::new(),
                KeyCode::Enter => {
                    if let Some(item) = matches.get(p.selected).map(|&i| m.list(p.kind).items[i].clone()) {
                        if item.selectable {
                            let field = match p.kind {
                                ListKind::Streams => Field::KinesisStream,
                                ListKind::Buckets if m.focused() == Some(Field::BackupBucket) => Field::BackupBucket,
                                ListKind::Buckets => Field::Bucket,
                                ListKind::Roles => Field::RoleName,
                            };
                            m.set_text(field, &item.value);
                            if field == Field::RoleName {
                                return m.check_role();
                            }
                            return Vec::new();
                        }
                        m.status =
                            Some(t!("status-not-choosable", item = item.value.clone(), detail = item.detail.clone()));
                    }
                }
                KeyCode::Down => p.selected = (p.selected + 1).min(matches.len().saturating_sub(1)),
                KeyCode::Up => p.selected = p.selected.saturating_sub(1),
                KeyCode::PageDown => p.selected = (p.selected + 10).min(matches.len().saturating_sub(1)),
                KeyCode::PageUp => p.selected = p.selected.saturating_sub(10),
                _ if ctrl(&k, 'r') => {
                    p.selected = 0;
                    let fx = m.load(p.kind);
                    m.popup = Some(Popup::Picker(p));
                    return vec![fx];
                }
                KeyCode::Char('/') if k.modifiers.is_empty() => {
                    p.filter = Input::default();
                    p.selected = 0;
                }
                _ => {
                    if let Some(req) = to_input_request(&Event::Key(k))
                        && p.filter.handle(req).is_some_and(|c| c.value)
                    {
                        p.selected = 0;
                    }
                }
            }
            m.popup = Some(Popup::Picker(p));
        }
    }
    Vec::new()
}
