//! The event loop: terminal events, effect results, ticks and signals in, one `update` per action, a
//! draw after each change. Effects run as tokio tasks against the `cloud` layer and answer with actions.
//! The terminal is restored on every way out: quit, error, panic (ratatui's hook), SIGTERM and SIGHUP.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use ratatui::crossterm::event::{self, Event};
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};

use super::screens;
use super::theme::Theme;
use super::watch;
use super::widgets::pad;
use super::wizard::{Action, Context, Effect, ListKind, Model, RowState, Step, update};
use crate::cloud::dataflow::{SmokeOptions, smoke_test};
use crate::cloud::journal::Store;
use crate::cloud::{self, Cloud, destroy, inventory, monitor, provision};
use crate::plan::Plan;
use crate::plan::msg::Msg;

pub struct WizardOptions {
    pub cloud: cloud::Options,
    /// The log file, named when a background task fails.
    pub log: Option<std::path::PathBuf>,
    pub plan: Plan,
    pub no_color: bool,
    /// `--from-stream`: the stream the plan copies, and what the copy leaves out.
    pub copied_from: Option<(String, Vec<crate::plan::msg::Msg>)>,
}

/// `firehose-wizard watch`: the watch view alone.
pub struct WatchOptions {
    pub cloud: cloud::Options,
    pub name: String,
    pub no_color: bool,
    /// The log file, named when a background task fails.
    pub log: Option<std::path::PathBuf>,
}

/// How the wizard ended, for the exit code and the lines printed after the terminal is restored.
pub struct Ending {
    pub code: u8,
    pub stdout: Vec<String>,
    pub stderr: Vec<String>,
}

/// What the loop starts with.
enum Start {
    /// The plan, and `--from-stream`'s stream with what the copy leaves out.
    Wizard(Box<Plan>, Option<(String, Vec<crate::plan::msg::Msg>)>),
    Watch(String),
}

pub fn run(opts: WizardOptions) -> Ending {
    run_start(opts.cloud, opts.no_color, Start::Wizard(Box::new(opts.plan), opts.copied_from), opts.log)
}

pub fn run_watch(opts: WatchOptions) -> Ending {
    run_start(opts.cloud, opts.no_color, Start::Watch(opts.name), opts.log)
}

fn run_start(cloud: cloud::Options, no_color: bool, start: Start, log: Option<std::path::PathBuf>) -> Ending {
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            return Ending { code: 1, stdout: vec![], stderr: vec![t!("app-no-runtime", error = e.to_string())] };
        }
    };
    let ending = runtime.block_on(run_async(cloud, no_color, start, log));
    // Tasks still in flight (a creation left on purpose) are dropped with the runtime.
    runtime.shutdown_timeout(Duration::from_millis(200));
    ending
}

async fn run_async(opts: cloud::Options, no_color: bool, start: Start, log: Option<std::path::PathBuf>) -> Ending {
    let theme = Theme::from_env(no_color);
    let (cloud, connect_error) = match Cloud::connect(&opts).await {
        Ok(c) => (Some(Arc::new(c)), None),
        Err(e) => (None, Some(e)),
    };
    // before the screen opens: the warning stays on the terminal under it
    if let Some(c) = &cloud {
        for line in crate::report::unencrypted_endpoint_warnings(&c.endpoints) {
            crate::tell!("{line}");
        }
    }
    let endpoint = match &cloud {
        Some(c) => c.endpoints.summary(),
        None => opts.endpoint_url.clone(),
    };
    let context = Context {
        profile: opts.profile.clone(),
        region: cloud.as_ref().map(|c| c.region.clone()).or(opts.region.clone()),
        endpoint,
        target: None,
        identity_error: connect_error.as_ref().map(|e| e.with_hint()),
    };
    let (tx, mut rx) = unbounded_channel::<Action>();
    let (wtx, mut wrx) = unbounded_channel::<(u64, watch::Action)>();
    let standalone = matches!(start, Start::Watch(_));
    // the wizard's model; the standalone watch has an empty one that is never drawn
    let mut model = match &start {
        Start::Wizard(plan, copied) => {
            let mut m = Model::new(plan, context.clone());
            if let Some((name, lost)) = copied {
                m.copied_from(name, lost);
            }
            m
        }
        Start::Watch(_) => Model::new(&Model::blank_plan(), context.clone()),
    };
    let mut watching: Option<watch::Model> = None;

    let (mut sigterm, mut sighup, mut sigint) =
        match (signal(SignalKind::terminate()), signal(SignalKind::hangup()), signal(SignalKind::interrupt())) {
            (Ok(a), Ok(b), Ok(c)) => (a, b, c),
            _ => return Ending { code: 1, stdout: vec![], stderr: vec![t!("app-no-signals")] },
        };
    let runner = Runner {
        cloud: cloud.clone(),
        connect_error: connect_error.clone(),
        tx: tx.clone(),
        store: cloud.as_ref().and_then(|c| Store::default_location(&c.endpoints)),
        provisioning: Arc::new(std::sync::Mutex::new(None)),
        log,
    };
    let mut watch_runner = WatchRunner {
        cloud: cloud.clone(),
        connect_error,
        tx: wtx,
        smoke: None,
        session: 0,
        errors: Default::default(),
    };

    let mut terminal = ratatui::init();
    // ratatui's hook restores the terminal on a panic: right for the event loop's thread, wrong for a
    // background task's (the wizard goes on, and the task's failure is shown on screen), which is
    // only logged
    let on_main_thread = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() == Some("main") {
            on_main_thread(info);
        } else {
            tracing::error!(panic = %info, "a panic in a background task");
        }
    }));
    tracing::info!("{} started", if standalone { "watch" } else { "wizard" });
    let reader_tx = tx.clone();
    std::thread::spawn(move || {
        loop {
            let action = match event::read() {
                Ok(Event::Key(k)) => Action::Key(k),
                Ok(Event::Resize(..)) => Action::Resize,
                Ok(_) => continue,
                Err(_) => break,
            };
            if reader_tx.send(action).is_err() {
                break;
            }
        }
    });

    match &start {
        Start::Wizard(..) => {
            for fx in model.start() {
                runner.spawn(fx);
            }
        }
        Start::Watch(name) => {
            watch_runner.open();
            let mut w = watch::Model::new(name, context.clone(), true);
            for fx in w.start(false) {
                watch_runner.spawn(fx, &w.name);
            }
            watch_runner.identify();
            watching = Some(w);
        }
    }
    let mut ticker = tokio::time::interval(Duration::from_millis(100));
    // the ticker is only polled while creating or watching: never fire the ticks missed in between
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
    let mut signalled = None;
    let mut verdict_lines: Vec<String> = Vec::new();
    let mut abandoned: Vec<String> = Vec::new();
    loop {
        let drawn = terminal.draw(|f| {
            match &watching {
                Some(w) => screens::watch::draw(f, w, &theme, Utc::now()),
                None => screens::draw(f, &model, &theme, Utc::now()),
            }
            crate::tui::widgets::guard(f.buffer_mut());
        });
        if let Err(e) = drawn {
            ratatui::restore();
            return Ending { code: 1, stdout: vec![], stderr: vec![t!("app-no-terminal", error = e.to_string())] };
        }
        tokio::select! {
            Some(action) = rx.recv() => {
                test_panic(&action);
                let mut queue = vec![action];
                // take whatever else is already queued before drawing again
                while let Ok(action) = rx.try_recv() {
                    queue.push(action);
                }
                for action in queue {
                    match (&mut watching, action) {
                        // keys go to the view on screen
                        (Some(w), Action::Key(k)) => {
                            for fx in watch::update(w, watch::Action::Key(k)) {
                                watch_runner.spawn(fx, &w.name);
                            }
                        }
                        (Some(_), Action::Resize) => {}
                        (_, action) => {
                            for fx in update(&mut model, action) {
                                match fx {
                                    Effect::Watch { name, smoke } => {
                                        watch_runner.open();
                                        model.status = None;
                                        let mut w = watch::Model::new(&name, model.context.clone(), false);
                                        for fx in w.start(smoke) {
                                            watch_runner.spawn(fx, &name);
                                        }
                                        watching = Some(w);
                                    }
                                    fx => runner.spawn(fx),
                                }
                            }
                        }
                    }
                }
            }
            Some((session, action)) = wrx.recv() => {
                // an answer for a watch view closed since is dropped
                if let Some(w) = watching.as_mut().filter(|_| session == watch_runner.session) {
                    for fx in watch::update(w, action) {
                        watch_runner.spawn(fx, &w.name);
                    }
                }
            }
            _ = ticker.tick(), if model.step == Step::Creating || watching.is_some() => {
                if model.step == Step::Creating {
                    update(&mut model, Action::Tick);
                }
                if let Some(w) = &mut watching {
                    for fx in watch::update(w, watch::Action::Tick) {
                        watch_runner.spawn(fx, &w.name);
                    }
                }
            }
            _ = sigterm.recv() => signalled = Some(("SIGTERM", 143)),
            _ = sighup.recv() => signalled = Some(("SIGHUP", 129)),
            _ = sigint.recv() => signalled = Some(("SIGINT", 130)),
        }
        if let Some(w) = &watching
            && (w.closed || w.quit)
        {
            if let Some(v) = &w.last_verdict {
                verdict_lines = crate::report::verdict(v).into_iter().map(|(_, l)| l).collect();
            }
            if let Some(stopped) = w.abandoned() {
                model.status = Some(stopped.clone());
                abandoned.push(stopped);
            }
            let quit = w.quit || w.standalone;
            watch_runner.abandon();
            watching = None;
            if quit {
                model.quit = true;
            }
        }
        if model.quit || signalled.is_some() {
            break;
        }
    }
    ratatui::restore();
    tracing::info!(step = ?model.step, signal = ?signalled.map(|s| s.0), "{} ended", if standalone { "watch" } else { "wizard" });
    if standalone {
        let mut out = Ending { code: 0, stdout: verdict_lines, stderr: abandoned };
        if let Some((name, code)) = signalled {
            out.code = code;
            out.stderr.push(t!("app-signalled", signal = name));
        }
        return out;
    }
    let mut out = ending(&model, signalled);
    out.stdout.extend(verdict_lines);
    out.stderr.extend(abandoned);
    if model.step == Step::Creating {
        out.stderr.extend(runner.abandon(&model.plan()).await);
    }
    out
}

/// Debug builds only, for the tests of the panic path: F12 panics when FIREHOSE_WIZARD_TEST_PANIC is set.
fn test_panic(action: &Action) {
    if cfg!(debug_assertions)
        && let Action::Key(k) = action
        && k.code == ratatui::crossterm::event::KeyCode::F(12)
        && std::env::var_os("FIREHOSE_WIZARD_TEST_PANIC").is_some()
    {
        panic!("a test asked for a panic");
    }
}

/// What to print once the terminal is back to normal.
fn ending(m: &Model, signalled: Option<(&str, u8)>) -> Ending {
    let mut out = Ending { code: 0, stdout: vec![], stderr: vec![] };
    if let Some((name, code)) = signalled {
        out.code = code;
        out.stderr.push(t!("app-signalled", signal = name));
    }
    let exists = |r: &provision::Resource| t!("app-exists", resource = crate::plan::sanitize(&r.to_string()));
    match m.step {
        Step::Done => {
            if let Some(o) = &m.outcome {
                out.stdout.push(t!("app-stream-arn", arn = o.stream_arn.clone()));
                for r in &o.resources {
                    out.stdout.push(format!("  {}", crate::plan::sanitize(&r.to_string())));
                }
            }
        }
        Step::Creating => {
            out.code = out.code.max(1);
            out.stderr.push(t!("app-left-creating"));
            for r in &m.rows {
                let state = match &r.state {
                    RowState::Done(d) => d.msg().to_string(),
                    RowState::Running | RowState::Retrying(_) => t!("app-in-flight"),
                    RowState::Pending => continue,
                    RowState::Failed => t!("app-failed"),
                };
                out.stderr.push(format!(
                    "  {} {} {}",
                    pad(&r.step.label().to_string(), 16),
                    pad(&state, 9),
                    crate::plan::sanitize(&r.detail.to_string())
                ));
            }
        }
        Step::Failed => {
            out.code = out.code.max(1);
            if let Some(f) = &m.failure {
                out.stderr.push(t!(
                    "app-step-failed",
                    number = f.step.number(),
                    step = f.step.label().to_string(),
                    error = f.error.summary()
                ));
                for r in &f.resources {
                    out.stderr.push(exists(r));
                }
            }
        }
        // back on an earlier screen after a failure: what this session made is still there
        _ if !m.leftovers.is_empty() => {
            out.code = out.code.max(1);
            out.stderr.push(t!("app-failed-earlier"));
            for r in &m.leftovers {
                out.stderr.push(exists(r));
            }
        }
        _ if signalled.is_none() => out.stderr.push(t!("app-nothing-created")),
        _ => {}
    }
    out
}

/// Runs effects as tasks; their results come back on `tx`.
struct Runner {
    cloud: Option<Arc<Cloud>>,
    connect_error: Option<cloud::CloudError>,
    tx: UnboundedSender<Action>,
    /// Where journals (and the plans created from) are kept.
    store: Option<Store>,
    /// The creation in flight, so that leaving can abandon it.
    provisioning: Arc<std::sync::Mutex<Option<tokio::task::AbortHandle>>>,
    /// The log file, named when a background task fails.
    log: Option<std::path::PathBuf>,
}

/// The answer an effect gets when it cannot be done: `error` in the form its action carries (`None`:
/// the effect has no answer).
fn failed(fx: &Effect, error: String, hint: Msg) -> Option<Action> {
    Some(match fx {
        Effect::Identify => Action::Identified(Err(error)),
        Effect::LoadList { kind, generation } => Action::ListFailed { kind: *kind, generation: *generation, error },
        Effect::CheckName { generation, .. } => Action::NameChecked { generation: *generation, result: Err(error) },
        Effect::CheckRole { generation, .. } => Action::RoleChecked { generation: *generation, result: Err(error) },
        Effect::Provision(_) => Action::Provisioned(Box::new(Err(provision::Failure {
            step: provision::Step::Account,
            error: cloud::CloudError::local(Msg::text(error), hint),
            resources: vec![],
            journal: None,
        }))),
        Effect::Destroy(_) => Action::Removed(Err(error)),
        Effect::SavePlan { .. } => Action::Saved(Err(error)),
        Effect::SaveExport { .. } => Action::ExportSaved(Err(error)),
        Effect::Watch { .. } => return None,
    })
}

/// A test-only fault: with `FIREHOSE_WIZARD_TEST_PANIC=WHERE` a debug build panics in that background
/// task (`check-name`, `provision`), so that the tests see what a user would. Release builds ignore it.
fn test_fault(at: &str) {
    if cfg!(debug_assertions) && std::env::var("FIREHOSE_WIZARD_TEST_PANIC").is_ok_and(|v| v == at) {
        panic!("test fault: a panic in the background task {at}");
    }
}

impl Runner {
    fn spawn(&self, fx: Effect) {
        let tx = self.tx.clone();
        let Some(cloud) = self.cloud.clone() else {
            // no usable AWS configuration: every AWS effect answers with that error
            let error = self.connect_error.as_ref().map(|e| e.with_hint()).unwrap_or_else(|| t!("app-no-aws"));
            let action = match fx {
                Effect::SavePlan { path, json } => Some(Action::Saved(save(&path, &json))),
                Effect::SaveExport { file, text } => Some(Action::ExportSaved(save_free(&file, &text))),
                fx => failed(&fx, error, msg!("app-no-aws-hint")),
            };
            if let Some(action) = action {
                let _ = tx.send(action);
            }
            return;
        };
        let store = self.store.clone();
        let provisioning = matches!(fx, Effect::Provision(_));
        let on_panic = fx.clone();
        let work_tx = tx.clone();
        let work = tokio::spawn(async move {
            let tx = work_tx;
            Some(match fx {
                Effect::Identify => Action::Identified(cloud.identify().await.map_err(|e| e.with_hint())),
                Effect::LoadList { kind, generation } => {
                    let page_tx = tx.clone();
                    let on_page = move |items| {
                        let _ = page_tx.send(Action::ListPage { kind, generation, items, done: false });
                    };
                    let result = match kind {
                        ListKind::Streams => inventory::kinesis_streams(&cloud, on_page).await,
                        ListKind::Buckets => inventory::buckets(&cloud, on_page).await,
                        ListKind::Roles => inventory::roles(&cloud, on_page).await,
                    };
                    match result {
                        Ok(()) => Action::ListPage { kind, generation, items: vec![], done: true },
                        Err(e) => Action::ListFailed { kind, generation, error: e.with_hint() },
                    }
                }
                Effect::CheckName { name, generation } => {
                    test_fault("check-name");
                    Action::NameChecked {
                        generation,
                        result: inventory::delivery_stream_exists(&cloud, &name).await.map_err(|e| e.with_hint()),
                    }
                }
                Effect::CheckRole { name, plan, target, generation } => {
                    Action::RoleChecked { generation, result: check_role(&cloud, &name, &plan, target).await }
                }
                Effect::Provision(plan) => {
                    test_fault("provision");
                    Action::Provisioned(Box::new(provision_with(&cloud, store, &plan, &tx).await))
                }
                Effect::Destroy(plan) => Action::Removed(destroy_with(&cloud, store, &plan).await),
                Effect::SavePlan { path, json } => Action::Saved(save(&path, &json)),
                Effect::SaveExport { file, text } => Action::ExportSaved(save_free(&file, &text)),
                Effect::Watch { .. } => return None,
            })
        });
        // only the creation is abandoned on the way out; lists and checks end with the runtime
        if provisioning && let Ok(mut p) = self.provisioning.lock() {
            *p = Some(work.abort_handle());
        }
        // the answer, or, when the task panicked, the effect's failure and the panic on screen
        let log = self.log.clone();
        tokio::spawn(async move {
            match work.await {
                Ok(Some(action)) => {
                    let _ = tx.send(action);
                }
                Ok(None) => {}
                Err(e) if e.is_panic() => {
                    let text = crate::plan::sanitize(&crate::panic_message(&*e.into_panic()));
                    tracing::error!(message = %text, effect = ?on_panic, "a background task panicked");
                    let said = match &log {
                        Some(path) => t!("app-task-panicked", message = text, log = path.display().to_string()),
                        None => t!("app-task-panicked-no-log", message = text),
                    };
                    if let Some(action) = failed(&on_panic, said.clone(), msg!("app-task-panicked-hint")) {
                        let _ = tx.send(action);
                    }
                    let _ = tx.send(Action::TaskFailed(said));
                }
                // abandoned on the way out
                Err(_) => {}
            }
        });
    }

    /// Leaving while creating: abandons the call in flight, settles the journal by looking up what
    /// its unanswered entries name, and says what exists and how to resume or remove it.
    async fn abandon(&self, plan: &crate::plan::Plan) -> Vec<String> {
        if let Some(task) = self.provisioning.lock().ok().and_then(|mut p| p.take()) {
            task.abort();
        }
        let (Some(cloud), Some(store)) = (&self.cloud, &self.store) else { return Vec::new() };
        // one bound on the whole look-up: the terminal is back already, the user is waiting
        let look = destroy::settled_journal(cloud, store, &plan.name, None);
        let (settled, plan_path) = match tokio::time::timeout(Duration::from_secs(20), look).await {
            Ok(Ok((target, journal))) => (Ok(journal), store.plan_path(&target, &plan.name).display().to_string()),
            Ok(Err(e)) => (Err(e), "PLAN".into()),
            Err(_) => {
                (Err(cloud::CloudError::local(msg!("app-no-answer-20s"), msg!("hint-network-again"))), "PLAN".into())
            }
        };
        destroy::interrupted_lines(settled.as_ref(), &plan_path).iter().map(ToString::to_string).collect()
    }
}

/// Runs the watch view's effects as tasks; their results come back on `tx`.
struct WatchRunner {
    cloud: Option<Arc<Cloud>>,
    connect_error: Option<cloud::CloudError>,
    /// Answers, tagged with the session (the opening of a watch view) they are for.
    tx: UnboundedSender<(u64, watch::Action)>,
    /// The smoke test in flight, abandoned when the view closes.
    smoke: Option<tokio::task::AbortHandle>,
    session: u64,
    /// Error objects read by earlier refreshes of this session.
    errors: monitor::ErrorCache,
}

/// Sends a watch view's answers, tagged with its session.
#[derive(Clone)]
struct WatchTx {
    tx: UnboundedSender<(u64, watch::Action)>,
    session: u64,
}

impl WatchTx {
    fn send(&self, action: watch::Action) {
        let _ = self.tx.send((self.session, action));
    }
}

impl WatchRunner {
    /// A new watch view: answers for an earlier one are no longer delivered.
    fn open(&mut self) {
        self.abandon();
        self.session += 1;
        self.errors = Default::default();
    }

    fn spawn(&mut self, fx: watch::Effect, name: &str) {
        let tx = WatchTx { tx: self.tx.clone(), session: self.session };
        let Some(cloud) = self.cloud.clone() else {
            let error = self.connect_error.as_ref().map(|e| e.with_hint()).unwrap_or_else(|| t!("app-no-aws"));
            tx.send(match fx {
                watch::Effect::Refresh { generation } => watch::Action::Snapshot { generation, result: Err(error) },
                watch::Effect::SmokeTest => watch::Action::SmokeDone(Err(error)),
                watch::Effect::Preview { key, .. } => watch::Action::Preview { key, result: Err(error) },
            });
            return;
        };
        let name = name.to_owned();
        match fx {
            watch::Effect::Refresh { generation } => {
                let errors = self.errors.clone();
                tokio::spawn(async move {
                    let result =
                        monitor::snapshot(&cloud, &name, &errors).await.map(Box::new).map_err(|e| e.with_hint());
                    tx.send(watch::Action::Snapshot { generation, result });
                });
            }
            watch::Effect::SmokeTest => {
                let task = tokio::spawn(async move {
                    let result = async {
                        let facts = monitor::stream_facts(&cloud, &name).await?;
                        let events = tx.clone();
                        smoke_test(&cloud, &facts, SmokeOptions::new(&facts, 10, None), move |e| {
                            events.send(watch::Action::Smoke(e));
                        })
                        .await
                    }
                    .await;
                    tx.send(watch::Action::SmokeDone(result.map(Box::new).map_err(|e| e.with_hint())));
                });
                self.smoke = Some(task.abort_handle());
            }
            watch::Effect::Preview { key, s3 } => {
                tokio::spawn(async move {
                    let result = monitor::preview(&cloud, &s3, &key).await.map_err(|e| e.with_hint());
                    tx.send(watch::Action::Preview { key, result });
                });
            }
        }
    }

    /// Who the credentials belong to, for the standalone view's header.
    fn identify(&self) {
        if let Some(cloud) = self.cloud.clone() {
            let tx = WatchTx { tx: self.tx.clone(), session: self.session };
            tokio::spawn(async move {
                tx.send(watch::Action::Identified(cloud.identify().await.map_err(|e| e.with_hint())));
            });
        }
    }

    fn abandon(&mut self) {
        if let Some(task) = self.smoke.take() {
            task.abort();
        }
    }
}

/// Keeps the plan next to the journal (so the user can `apply` or `destroy` it later), then provisions.
async fn provision_with(
    cloud: &Cloud,
    store: Option<Store>,
    plan: &crate::plan::Plan,
    tx: &UnboundedSender<Action>,
) -> Result<provision::Outcome, provision::Failure> {
    let fail = |error| provision::Failure { step: provision::Step::Account, error, resources: vec![], journal: None };
    let store = store.ok_or_else(|| {
        fail(cloud::CloudError::local(msg!("app-no-state-dir-journal"), msg!("app-no-state-dir-hint")))
    })?;
    let target = cloud.identify().await.map_err(fail)?;
    let path = store.plan_path(&target, &plan.name);
    if let Err(e) = crate::cloud::journal::write_private(&path, plan.to_json_pretty().as_bytes()) {
        return Err(fail(cloud::CloudError::local(
            msg!("app-cannot-keep-plan", path = path.display().to_string(), error = Msg::io(&e)),
            msg!("app-state-dir-writable"),
        )));
    }
    let (ptx, mut prx) = unbounded_channel::<provision::Progress>();
    let forward_tx = tx.clone();
    let forward = tokio::spawn(async move {
        while let Some(p) = prx.recv().await {
            tracing::info!(step = ?p.step, state = ?p.state, "progress");
            let _ = forward_tx.send(Action::Progress(p));
        }
    });
    let result = provision::provision(cloud, plan, &store, &provision::Timing::default(), &ptx).await;
    drop(ptx);
    let _ = forward.await;
    result
}

/// Removes what the stream's journal lists; each resource with the reason it stayed, if it did.
async fn destroy_with(
    cloud: &Cloud,
    store: Option<Store>,
    plan: &crate::plan::Plan,
) -> Result<Vec<(provision::Resource, crate::tui::wizard::Removal)>, String> {
    let journal = match store {
        Some(store) => {
            destroy::settled_journal(cloud, &store, &plan.name, Some(destroy::SETTLE_AFTER)).await.map(|(_, j)| j)
        }
        None => Err(cloud::CloudError::local(msg!("app-no-state-dir"), msg!("app-no-state-dir-hint"))),
    };
    let mut journal = match journal {
        Ok(j) => j,
        Err(e) => {
            tracing::warn!(error = crate::i18n::in_english(&e), "destroy: no journal");
            // nothing was removed: say why, and the journal still lists what exists
            return Err(e.with_hint());
        }
    };
    let removals = destroy::destroy(
        cloud,
        &mut journal,
        destroy::Options::default(),
        &provision::Timing::default(),
        |r| tracing::info!(resource = crate::i18n::in_english(&r.resource), outcome = ?r.outcome, "remove"),
    )
    .await;
    Ok(removals
        .into_iter()
        .map(|r| {
            use crate::tui::wizard::Removal;
            let why = match r.outcome {
                destroy::Outcome::Deleted
                | destroy::Outcome::Gone
                | destroy::Outcome::WouldDelete { .. }
                | destroy::Outcome::Emptying { .. } => Removal::Removed,
                destroy::Outcome::Kept(why) => Removal::Kept(why.to_string()),
                destroy::Outcome::NotOurs(why) => Removal::NotOurs(why.to_string()),
                destroy::Outcome::Failed(e) => Removal::Kept(e.summary()),
            };
            (r.resource, why)
        })
        .collect())
}

/// Reads the role's trust and policies: what this plan needs that they do not grant, whom else its
/// trust names, which other delivery streams use it. A role to create that does not exist is fine.
async fn check_role(
    cloud: &cloud::Cloud,
    name: &str,
    plan: &crate::plan::Plan,
    target: crate::plan::request::Target,
) -> Result<crate::tui::wizard::RoleFindings, String> {
    use crate::plan::{Role, names, policy, request};
    let target = if target.account.len() == 12 { target } else { cloud.identify().await.map_err(|e| e.with_hint())? };
    // the source's encryption is read at once, for this stream's policy
    let (report, source_key) =
        tokio::join!(inventory::role_report(cloud, names::role_name_of(name)), inventory::source_key(cloud, plan));
    let report = match report {
        Ok(r) => r,
        Err(e) if matches!(plan.settings.role, Role::Create(_)) && e.is("NoSuchEntity") => {
            return Ok(crate::tui::wizard::RoleFindings { source_key, ..Default::default() });
        }
        Err(e) => return Err(e.with_hint()),
    };
    let resolved = request::Resolved::implied(plan, &target);
    let missing =
        policy::missing_for(plan, &target, resolved.source_arn.as_deref(), source_key.as_deref(), &report.documents)
            .iter()
            .map(ToString::to_string)
            .collect();
    let extras = report.trust.as_ref().map(|d| policy::trust_extras(d, &target.account)).unwrap_or_default();
    let shared_with =
        inventory::streams_using_role(cloud, &report.arn, Some(&plan.name), report.last_used_region.as_deref())
            .await
            .map_err(|e| e.with_hint())?;
    Ok(crate::tui::wizard::RoleFindings {
        exists: true,
        trusted: report.trusted,
        missing,
        extras,
        shared_with,
        source_key,
    })
}

/// Writes a plan file, never over an existing one.
/// Saves an export to `file`, or to the first free `NAME-2.EXT`, `NAME-3.EXT`...: never over a file.
fn save_free(file: &str, text: &str) -> Result<String, String> {
    for candidate in super::export_view::candidates(file) {
        match save(&candidate, text) {
            Err(_) if std::path::Path::new(&candidate).exists() => continue,
            other => return other,
        }
    }
    Err(t!("app-save-exists", path = file))
}

fn save(path: &str, json: &str) -> Result<String, String> {
    use std::io::Write;
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut f| f.write_all(json.as_bytes()))
        .map(|()| path.to_owned())
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                t!("app-save-exists", path = path)
            } else {
                format!("{path}: {}", Msg::io(&e))
            }
        })
}
