//! The wizard's state machine: `Model` + `Action` → `update` → `Vec<Effect>`. Pure: no terminal, no
//! AWS. `app.rs` turns terminal events into actions and runs the effects, whose results come back as
//! actions carrying the generation they were asked with, so a stale answer never overwrites a newer one.

use std::time::Duration;

use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tui_input::Input;
use tui_input::backend::crossterm::to_input_request;

use crate::cloud::inventory::Item;
use crate::cloud::provision::{self, Failure, Outcome, Progress, Resource, State};
use crate::plan::request::Target;
use crate::plan::validate::{self, COMPRESSION_FORMATS, Problem, Severity};
use crate::plan::{self, Destination, LAB_ERROR_PREFIX, LAB_PREFIX, Plan, Process, Role, Settings, Source};

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

    pub fn title(self) -> &'static str {
        match self {
            Step::NameSource => "Name and source",
            Step::Process => "Process records",
            Step::Destination => "Destination",
            Step::Settings => "Settings",
            Step::Review => "Review",
            Step::Creating => "Creating",
            Step::Done => "Created",
            Step::Failed => "Creation failed",
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    SourceKind,
    KinesisStream,
    Lambda,
    FormatConversion,
    BucketMode,
    Bucket,
    Prefix,
    ErrorPrefix,
    BufferSize,
    BufferInterval,
    Compression,
    RoleMode,
    RoleName,
    Create,
}

impl Field {
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "Delivery stream name",
            Field::SourceKind => "Source",
            Field::KinesisStream => "Kinesis data stream",
            Field::Lambda => "Lambda transform",
            Field::FormatConversion => "Record format conversion",
            Field::BucketMode => "S3 bucket",
            Field::Bucket => "Bucket name",
            Field::Prefix => "S3 prefix",
            Field::ErrorPrefix => "S3 error prefix",
            Field::BufferSize => "Buffer size (1–128 MiB)",
            Field::BufferInterval => "Buffer interval (0–900 s)",
            Field::Compression => "Compression",
            Field::RoleMode => "IAM role",
            Field::RoleName => "Role name",
            Field::Create => "Create",
        }
    }

    /// The plan path whose problems show under this field.
    pub fn path(self) -> Option<&'static str> {
        Some(match self {
            Field::Name => "name",
            Field::KinesisStream => "source",
            Field::Lambda => "process.lambda",
            Field::FormatConversion => "process.format_conversion",
            Field::Bucket => "destination.bucket",
            Field::Prefix => "destination.prefix",
            Field::ErrorPrefix => "destination.error_prefix",
            Field::BufferSize => "settings.buffer_size_mib",
            Field::BufferInterval => "settings.buffer_interval_s",
            Field::Compression => "settings.compression",
            Field::RoleName => "settings.role",
            _ => return None,
        })
    }

    pub fn required(self) -> bool {
        matches!(
            self,
            Field::Name
                | Field::KinesisStream
                | Field::Bucket
                | Field::BufferSize
                | Field::BufferInterval
                | Field::RoleName
        )
    }

    pub fn is_text(self) -> bool {
        matches!(
            self,
            Field::Name
                | Field::KinesisStream
                | Field::Bucket
                | Field::Prefix
                | Field::ErrorPrefix
                | Field::BufferSize
                | Field::BufferInterval
                | Field::RoleName
        )
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

    pub fn title(self) -> &'static str {
        match self {
            ListKind::Streams => "Kinesis data streams",
            ListKind::Buckets => "S3 buckets",
            ListKind::Roles => "IAM roles",
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
    pub detail: String,
    /// The tick (100 ms) at which the step started, for its live elapsed time.
    pub started_tick: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RowState {
    Pending,
    Running,
    /// A retry is due at this tick (ticks are 100 ms).
    Retrying(u64),
    Done(&'static str),
    Failed,
}

/// Everything on screen.
#[derive(Debug, Clone)]
pub struct Model {
    pub step: Step,
    pub focus: usize,
    pub name: Input,
    pub kinesis: bool,
    pub stream: Input,
    pub bucket_existing: bool,
    pub bucket: Input,
    pub prefix: Input,
    pub error_prefix: Input,
    pub buffer_size: Input,
    pub buffer_interval: Input,
    pub compression: usize,
    pub role_existing: bool,
    pub role: Input,
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
    Progress(Progress),
    Provisioned(Box<Result<Outcome, Failure>>),
    /// What removing this run's resources did: each resource, and the error if it stayed.
    Removed(Vec<(Resource, Option<String>)>),
    Saved(Result<String, String>),
}

/// What `update` asks the outside world to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Identify,
    LoadList { kind: ListKind, generation: u64 },
    CheckName { name: String, generation: u64 },
    Provision(Box<Plan>),
    RemoveCreated(Vec<Resource>),
    SavePlan { path: String, json: String },
}

impl Model {
    /// A model showing `plan` (a new stream, the lab, or a saved plan file).
    pub fn new(plan: &Plan, context: Context) -> Model {
        let input = |s: &str| Input::new(s.to_owned());
        let (kinesis, stream) = match &plan.source {
            Source::DirectPut => (false, String::new()),
            Source::KinesisStream(s) => (true, s.clone()),
        };
        let (role_existing, role) = match &plan.settings.role {
            Role::Create(r) => (false, r.clone()),
            Role::Existing(r) => (true, r.clone()),
        };
        Model {
            step: Step::NameSource,
            focus: 0,
            name: input(&plan.name),
            kinesis,
            stream: input(&stream),
            bucket_existing: !plan.destination.create_bucket,
            bucket: input(&plan.destination.bucket),
            prefix: input(&plan.destination.prefix),
            error_prefix: input(plan.destination.error_prefix().unwrap_or("")),
            buffer_size: input(&plan.settings.buffer_size_mib.to_string()),
            buffer_interval: input(&plan.settings.buffer_interval_s.to_string()),
            compression: COMPRESSION_FORMATS.iter().position(|c| *c == plan.settings.compression).unwrap_or(0),
            role_existing,
            role: input(&role),
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
            status: None,
            dirty: false,
            quit: false,
            tick: 0,
            sample_id: uuid::Uuid::new_v4().to_string(),
            sample_random: crate::plan::prefix::random_string(),
            next_generation: 1,
        }
    }

    /// A new stream: the console's defaults, a Kinesis source and a unique lab-style bucket name.
    pub fn blank_plan() -> Plan {
        Plan {
            name: String::new(),
            source: Source::KinesisStream(String::new()),
            process: Process::default(),
            destination: Destination {
                bucket: format!("{}{}", plan::LAB_BUCKET_STEM, plan::random_bucket_suffix()),
                create_bucket: true,
                prefix: String::new(),
                error_prefix: None,
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
        validate::examples_with(&self.plan(), now, &self.sample_id, Some(&self.sample_random))
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
        let error_prefix = self.error_prefix.value();
        Plan {
            name: self.name.value().to_owned(),
            source: if self.kinesis {
                Source::KinesisStream(self.stream.value().to_owned())
            } else {
                Source::DirectPut
            },
            process: Process::default(),
            destination: Destination {
                bucket: self.bucket.value().to_owned(),
                create_bucket: !self.bucket_existing,
                prefix: self.prefix.value().to_owned(),
                error_prefix: (!error_prefix.is_empty()).then(|| error_prefix.to_owned()),
            },
            settings: Settings {
                buffer_size_mib: self.buffer_size.value().trim().parse().unwrap_or(5),
                buffer_interval_s: self.buffer_interval.value().trim().parse().unwrap_or(300),
                compression: COMPRESSION_FORMATS[self.compression].to_owned(),
                role: if self.role_existing {
                    Role::Existing(self.role.value().to_owned())
                } else {
                    Role::Create(self.role.value().to_owned())
                },
            },
        }
    }

    /// Every problem of the current answers: the shared validator's, plus numbers that do not parse,
    /// plus a stream name known to be taken.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = validate::validate(&self.plan());
        for (input, path) in
            [(&self.buffer_size, "settings.buffer_size_mib"), (&self.buffer_interval, "settings.buffer_interval_s")]
        {
            if input.value().trim().parse::<i64>().is_err() {
                out.retain(|p| p.path != path);
                out.push(Problem { path, severity: Severity::Error, message: "must be a whole number".into() });
            }
        }
        match &self.name_check {
            NameCheck::Taken(n) if n == self.name.value() => out.push(Problem {
                path: "name",
                severity: Severity::Error,
                message: "a delivery stream with this name already exists in this account and Region".into(),
            }),
            NameCheck::Failed { name, error } if name == self.name.value() => out.push(Problem {
                path: "name",
                severity: Severity::Warning,
                message: format!("could not check that the name is free: {error}"),
            }),
            _ => {}
        }
        out
    }

    /// The problems shown under a field: errors about empty required fields only after Next was tried.
    pub fn field_problems(&self, field: Field, all: &[Problem]) -> Vec<Problem> {
        let Some(path) = field.path() else { return Vec::new() };
        let attempted = self.attempted[self.step.number() - 1];
        let empty = self.input(field).is_some_and(|i| i.value().is_empty());
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
        match self.step {
            Step::NameSource if self.kinesis => vec![Field::Name, Field::SourceKind, Field::KinesisStream],
            Step::NameSource => vec![Field::Name, Field::SourceKind],
            Step::Process => vec![Field::Lambda, Field::FormatConversion],
            Step::Destination => vec![Field::BucketMode, Field::Bucket, Field::Prefix, Field::ErrorPrefix],
            Step::Settings => {
                vec![Field::BufferSize, Field::BufferInterval, Field::Compression, Field::RoleMode, Field::RoleName]
            }
            Step::Review => vec![Field::Create],
            _ => Vec::new(),
        }
    }

    pub fn focused(&self) -> Option<Field> {
        self.fields().get(self.focus).copied()
    }

    pub fn input(&self, field: Field) -> Option<&Input> {
        Some(match field {
            Field::Name => &self.name,
            Field::KinesisStream => &self.stream,
            Field::Bucket => &self.bucket,
            Field::Prefix => &self.prefix,
            Field::ErrorPrefix => &self.error_prefix,
            Field::BufferSize => &self.buffer_size,
            Field::BufferInterval => &self.buffer_interval,
            Field::RoleName => &self.role,
            _ => return None,
        })
    }

    fn input_mut(&mut self, field: Field) -> Option<&mut Input> {
        Some(match field {
            Field::Name => &mut self.name,
            Field::KinesisStream => &mut self.stream,
            Field::Bucket => &mut self.bucket,
            Field::Prefix => &mut self.prefix,
            Field::ErrorPrefix => &mut self.error_prefix,
            Field::BufferSize => &mut self.buffer_size,
            Field::BufferInterval => &mut self.buffer_interval,
            Field::RoleName => &mut self.role,
            _ => return None,
        })
    }

    /// The list a field picks from, if it has one now.
    pub fn picker_for(&self, field: Field) -> Option<ListKind> {
        match field {
            Field::KinesisStream => Some(ListKind::Streams),
            Field::Bucket if self.bucket_existing => Some(ListKind::Buckets),
            Field::RoleName if self.role_existing => Some(ListKind::Roles),
            _ => None,
        }
    }

    /// Whether leaving would lose anything: answers were edited, or a creation is running.
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

    fn set(&mut self, field: Field, value: &str) {
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
        Action::Progress(p) => {
            progress(m, p);
            Vec::new()
        }
        Action::Provisioned(r) => {
            match *r {
                Ok(mut o) => {
                    mark_created(&m.leftovers, &mut o.resources);
                    m.leftovers.clear();
                    m.outcome = Some(o);
                    m.failure = None;
                    m.dirty = false;
                    m.go(Step::Done);
                }
                Err(mut f) => {
                    // a retry sees the first attempt's resources as already there: they are still this
                    // session's own
                    mark_created(&m.leftovers, &mut f.resources);
                    m.leftovers = f.resources.iter().filter(|r| r.created).cloned().collect();
                    m.failure = Some(f);
                    m.go(Step::Failed);
                }
            }
            Vec::new()
        }
        Action::Removed(results) => {
            m.removing = false;
            m.leftovers.retain(|r| !results.iter().any(|(x, e)| x == r && e.is_none()));
            let mut kept = Vec::new();
            let mut removed = 0;
            for (r, error) in &results {
                match error {
                    None => removed += 1,
                    Some(e) => kept.push(format!("{} {}: {e}", r.kind, r.id)),
                }
            }
            if let Some(f) = &mut m.failure {
                f.resources.retain(|r| !results.iter().any(|(x, e)| x == r && e.is_none()));
            }
            m.status = Some(if kept.is_empty() {
                format!("removed {removed} resource(s) this run had created; what already existed is untouched")
            } else {
                format!("removed {removed}; could not remove {}", kept.join("; "))
            });
            Vec::new()
        }
        Action::Saved(r) => {
            m.status = Some(match r {
                Ok(path) => {
                    m.dirty = false;
                    format!("saved the plan to {path}; apply it later with: firehose-wizard apply {path}")
                }
                Err(e) => format!("could not save the plan: {e}"),
            });
            Vec::new()
        }
    }
}

/// Marks as created what an earlier attempt of this session created.
fn mark_created(earlier: &[Resource], now: &mut [Resource]) {
    for r in now.iter_mut() {
        if earlier.iter().any(|e| e.kind == r.kind && e.id == r.id) {
            r.created = true;
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
    m.status = matches!(m.name_check, NameCheck::Taken(_)).then(|| "the name is taken: choose another".to_owned());
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
            row.detail = format!("attempt {attempt}: {reason}");
        }
        State::Waiting { status } => {
            row.state = RowState::Running;
            row.detail = format!("status {status}");
        }
        State::Done { done, detail } => {
            row.state = RowState::Done(done);
            row.detail = detail;
        }
        State::Failed { error } => {
            row.state = RowState::Failed;
            row.detail = error.summary();
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
        m.popup = Some(Popup::View { title: "Keys".into(), text, scroll: 0 });
        return Vec::new();
    }
    match m.step {
        Step::Creating => Vec::new(),
        Step::Done => {
            if matches!(k.code, KeyCode::Enter | KeyCode::Char('q') | KeyCode::Esc) {
                m.quit = true;
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
        m.status = Some("removing what this run created… wait for it to finish".into());
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
                m.status = Some("this run created nothing, so there is nothing to remove".into());
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
                "Trust policy of the role:\n{}\n\nPermissions policy {} on the role:\n{}",
                pretty(&crate::plan::policy::trust_policy(&target.account)),
                crate::plan::policy::inline_policy_name(&plan, &target.region),
                pretty(&crate::plan::policy::permissions_policy(&plan, &target, resolved.source_arn.as_deref()))
            );
            m.popup = Some(Popup::View { title: "IAM policies".into(), text, scroll: 0 });
            Vec::new()
        }
        KeyCode::Char('r') => {
            let plan = m.plan();
            let target = m.target();
            let resolved = crate::plan::request::Resolved::implied(&plan, &target);
            let text = match crate::plan::request::build(&plan, &target, &resolved) {
                Ok(req) => pretty(&crate::plan::request::to_json(&req)),
                Err(e) => format!("the request cannot be built yet: {e}"),
            };
            m.popup = Some(Popup::View { title: "CreateDeliveryStream request".into(), text, scroll: 0 });
            Vec::new()
        }
        KeyCode::Char('s') => {
            let default = format!("firehose-plan-{}.json", m.name.value());
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
            m.status = Some(format!("fix the problems on {} first", step.title()));
            return;
        }
    }
    m.popup = Some(Popup::ConfirmCreate);
}

fn pretty(v: &serde_json::Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_default()
}

fn create(m: &mut Model) -> Vec<Effect> {
    m.rows = provision::Step::ALL
        .iter()
        .map(|s| Row {
            step: *s,
            state: RowState::Pending,
            elapsed: Duration::ZERO,
            detail: String::new(),
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
                m.status = Some("this is the first screen; Ctrl-C quits".into());
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
        _ if ctrl(&k, 't') && m.step == Step::Destination => {
            m.set(Field::Prefix, LAB_PREFIX);
            m.set(Field::ErrorPrefix, LAB_ERROR_PREFIX);
            m.status = Some("inserted the lab's Hive-style prefixes (year=/month=/day=/hour=)".into());
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
    match field {
        Field::SourceKind => {
            m.kinesis = !m.kinesis;
            m.dirty = true;
        }
        Field::BucketMode => {
            m.bucket_existing = !m.bucket_existing;
            m.dirty = true;
        }
        Field::RoleMode => {
            m.role_existing = !m.role_existing;
            m.dirty = true;
            // a fresh role gets the console's name; an existing one starts empty to pick from the list
            let name = if m.role_existing { "" } else { plan::DEFAULT_ROLE_NAME };
            if m.role.value().is_empty() || m.role.value() == plan::DEFAULT_ROLE_NAME {
                m.role = Input::new(name.to_owned());
            }
        }
        Field::Compression => {
            let n = COMPRESSION_FORMATS.len();
            m.compression = if forward { (m.compression + 1) % n } else { (m.compression + n - 1) % n };
            m.dirty = true;
        }
        Field::Lambda | Field::FormatConversion => {
            m.status =
                Some(format!("{} stays Disabled in this version; the workshop leaves it off too", field.label()));
        }
        _ => {}
    }
    Vec::new()
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
        m.status =
            Some(format!("! {} problem{} on this screen", errors.len(), if errors.len() == 1 { "" } else { "s" }));
        return Vec::new();
    }
    if step == Step::NameSource {
        let name = m.name.value().to_owned();
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
                m.status = Some(format!("checking that {name} is free…"));
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
    Vec::new()
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
            if matches!(k.code, KeyCode::Char('y') | KeyCode::Enter) && !m.leftovers.is_empty() {
                m.status = Some("removing what this run created…".into());
                m.removing = true;
                return vec![Effect::RemoveCreated(m.leftovers.clone())];
            }
        }
        Popup::View { title, text, scroll } => {
            let lines = text.lines().count() as u16;
            let scroll = match k.code {
                KeyCode::Esc | KeyCode::Char('q') | KeyCode::Enter => return Vec::new(),
                KeyCode::Down | KeyCode::Char('j') => scroll.saturating_add(1).min(lines),
                KeyCode::Up | KeyCode::Char('k') => scroll.saturating_sub(1),
                KeyCode::PageDown | KeyCode::Char(' ') => scroll.saturating_add(10).min(lines),
                KeyCode::PageUp => scroll.saturating_sub(10),
                KeyCode::Home => 0,
                _ => scroll,
            };
            m.popup = Some(Popup::View { title, text, scroll });
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
                                ListKind::Buckets => Field::Bucket,
                                ListKind::Roles => Field::RoleName,
                            };
                            m.set(field, &item.value);
                            return Vec::new();
                        }
                        m.status = Some(format!("{} is {}: it cannot be chosen", item.value, item.detail));
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
