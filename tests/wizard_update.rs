//! The wizard's state machine, action by action: `update(model, action) -> effects`, no terminal, no AWS.

use firehose_wizard::plan::msg::Msg;
use std::time::Duration;

use firehose_wizard::cloud::CloudError;
use firehose_wizard::cloud::inventory::Item;
use firehose_wizard::cloud::provision::{self, Failure, Outcome, Progress, Resource, State};
use firehose_wizard::plan::request::Target;
use firehose_wizard::plan::{LAB_ERROR_PREFIX, LAB_PREFIX, Plan, Source};
use firehose_wizard::tui::keymap;
use firehose_wizard::tui::wizard::{
    Action, Context, Effect, Field, ListKind, Model, NameCheck, Popup, Removal, RowState, Step, update,
};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

fn key(code: KeyCode) -> Action {
    Action::Key(KeyEvent::new(code, KeyModifiers::NONE))
}
fn ctrl(c: char) -> Action {
    Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}
fn ch(c: char) -> Action {
    key(KeyCode::Char(c))
}
fn typed(m: &mut Model, s: &str) {
    for c in s.chars() {
        update(m, ch(c));
    }
}

fn lab() -> Model {
    Model::new(&Plan::lab("a1b2c3d4"), Context::default())
}

fn blank() -> Model {
    Model::new(&Model::blank_plan(), Context::default())
}

/// From screen 1 with a valid plan: Next, then the name check answers "free".
fn past_name_check(m: &mut Model) {
    let fx = update(m, ctrl('n'));
    let Some(Effect::CheckName { generation, name }) = fx.first().cloned() else {
        panic!("expected a name check, got {fx:?}")
    };
    assert_eq!(name, m.text(Field::Name));
    update(m, Action::NameChecked { generation, result: Ok(false) });
}

fn to_review(m: &mut Model) {
    past_name_check(m);
    for _ in 0..3 {
        update(m, ctrl('n'));
    }
    assert_eq!(m.step, Step::Review);
}

#[test]
fn next_is_blocked_while_the_screen_has_problems() {
    let mut m = blank();
    let fx = update(&mut m, ctrl('n'));
    assert!(fx.is_empty(), "no name check for an invalid screen");
    assert_eq!(m.step, Step::NameSource);
    assert_eq!(m.focused(), Some(Field::Name), "focus goes to the first field with a problem");
    // the empty required fields now show their errors
    let problems = m.problems();
    assert!(!m.field_problems(Field::Name, &problems).is_empty());
    assert!(!m.field_problems(Field::KinesisStream, &problems).is_empty());
    assert!(m.status.as_deref().unwrap().contains("2 problems"));
}

#[test]
fn empty_fields_show_no_error_until_next_is_tried_but_bad_input_does_at_once() {
    let mut m = blank();
    let problems = m.problems();
    assert!(m.field_problems(Field::Name, &problems).is_empty());
    typed(&mut m, "bad name");
    let problems = m.problems();
    let p = m.field_problems(Field::Name, &problems);
    assert!(p[0].message.to_string().contains("character 4"), "{p:?}");
}

#[test]
fn the_name_check_gates_screen_one() {
    let mut m = lab();
    let fx = update(&mut m, ctrl('n'));
    let Some(Effect::CheckName { generation, .. }) = fx.first().cloned() else { panic!("{fx:?}") };
    assert_eq!(m.step, Step::NameSource, "waits for the answer");
    // a stale answer is ignored
    update(&mut m, Action::NameChecked { generation: generation + 100, result: Ok(false) });
    assert_eq!(m.step, Step::NameSource);
    update(&mut m, Action::NameChecked { generation, result: Ok(true) });
    assert_eq!(m.step, Step::NameSource);
    assert_eq!(m.name_check, NameCheck::Taken("retail-trans".into()));
    let problems = m.problems();
    assert!(m.field_problems(Field::Name, &problems)[0].message.to_string().contains("already exists"));
    // a new name is checked again
    typed(&mut m, "-2");
    assert_eq!(m.name_check, NameCheck::Unknown);
    let fx = update(&mut m, ctrl('n'));
    let Some(Effect::CheckName { generation, name }) = fx.first().cloned() else { panic!("{fx:?}") };
    assert_eq!(name, "retail-trans-2");
    update(&mut m, Action::NameChecked { generation, result: Ok(false) });
    assert_eq!(m.step, Step::Process);
}

#[test]
fn a_failed_name_check_warns_but_lets_the_user_on() {
    let mut m = lab();
    let fx = update(&mut m, ctrl('n'));
    let Some(Effect::CheckName { generation, .. }) = fx.first().cloned() else { panic!() };
    update(&mut m, Action::NameChecked { generation, result: Err("AccessDeniedException".into()) });
    assert_eq!(m.step, Step::Process);
    let p = m.problems();
    assert!(p.iter().any(|p| p.path == "name" && p.message.to_string().contains("could not check")));
}

#[test]
fn back_keeps_everything() {
    let mut m = lab();
    past_name_check(&mut m);
    update(&mut m, ctrl('n'));
    assert_eq!(m.step, Step::Destination);
    update(&mut m, key(KeyCode::Tab));
    typed(&mut m, "-x");
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.step, Step::Process);
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.step, Step::NameSource);
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.step, Step::NameSource, "Esc on the first screen does not quit");
    assert!(!m.quit);
    update(&mut m, ctrl('n'));
    update(&mut m, ctrl('n'));
    assert_eq!(m.step, Step::Destination, "the name was already checked free");
    assert_eq!(m.text(Field::Bucket), "aws-analytics-immersion-day-a1b2c3d4-x");
}

#[test]
fn review_edits_a_screen_and_comes_back() {
    let mut m = lab();
    to_review(&mut m);
    update(&mut m, ch('4'));
    assert_eq!(m.step, Step::Settings);
    assert!(m.from_review);
    update(&mut m, key(KeyCode::Backspace));
    typed(&mut m, "2");
    update(&mut m, ctrl('n'));
    assert_eq!(m.step, Step::Review, "Next returns to Review");
    assert_eq!(m.plan().settings.buffer_size_mib, 2);
    update(&mut m, ch('3'));
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.step, Step::Review, "Esc also returns to Review");
}

#[test]
fn create_needs_a_confirmation_then_runs_and_reports_progress() {
    let mut m = lab();
    to_review(&mut m);
    assert_eq!(m.focused(), Some(Field::Create));
    assert!(update(&mut m, key(KeyCode::Enter)).is_empty());
    assert!(matches!(m.popup, Some(Popup::ConfirmCreate)));
    update(&mut m, ch('n'));
    assert!(m.popup.is_none());
    assert_eq!(m.step, Step::Review);
    update(&mut m, ch('c'));
    assert!(update(&mut m, key(KeyCode::Enter)).is_empty(), "Enter does not confirm Create: it takes y");
    assert!(m.popup.is_none());
    update(&mut m, ch('c'));
    let fx = update(&mut m, ch('y'));
    assert_eq!(fx, vec![Effect::Provision(Box::new(Plan::lab("a1b2c3d4")))]);
    assert_eq!(m.step, Step::Creating);
    assert_eq!(m.rows.len(), 8);
    assert!(m.rows.iter().all(|r| r.state == RowState::Pending));

    update(
        &mut m,
        Action::Progress(Progress { step: provision::Step::Account, state: State::Started, elapsed: Duration::ZERO }),
    );
    assert_eq!(m.rows[0].state, RowState::Running);
    update(
        &mut m,
        Action::Progress(Progress {
            step: provision::Step::Account,
            state: State::Done { done: provision::Done::Ok, detail: Msg::text("123456789012 (aws, us-east-1)") },
            elapsed: Duration::from_millis(40),
        }),
    );
    assert_eq!(m.rows[0].state, RowState::Done(provision::Done::Ok));
    // a retry shows a countdown in ticks of 100 ms
    for _ in 0..5 {
        update(&mut m, Action::Tick);
    }
    update(
        &mut m,
        Action::Progress(Progress {
            step: provision::Step::Stream,
            state: State::Retrying {
                attempt: 1,
                wait: Duration::from_secs(2),
                reason: Msg::text("Firehose is unable to assume role"),
            },
            elapsed: Duration::from_secs(1),
        }),
    );
    assert_eq!(m.rows[6].step, provision::Step::Stream);
    assert_eq!(m.rows[6].state, RowState::Retrying(25));
    assert!(m.rows[6].detail.to_string().contains("unable to assume role"));

    // keys other than Ctrl-C do nothing while creating; Ctrl-C asks
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.step, Step::Creating);
    update(&mut m, ctrl('c'));
    assert!(matches!(m.popup, Some(Popup::ConfirmQuit)));
    update(&mut m, ch('n'));
    assert!(!m.quit);

    let outcome = Outcome {
        target: Target { account: "123456789012".into(), region: "us-east-1".into(), partition: "aws".into() },
        stream_arn: "arn:aws:firehose:us-east-1:123456789012:deliverystream/retail-trans".into(),
        resources: vec![],
    };
    update(&mut m, Action::Provisioned(Box::new(Ok(outcome))));
    assert_eq!(m.step, Step::Done);
    update(&mut m, key(KeyCode::Enter));
    assert!(m.quit);
}

#[test]
fn failure_offers_retry_and_edit_with_input_kept() {
    let mut m = lab();
    to_review(&mut m);
    update(&mut m, ch('c'));
    update(&mut m, ch('y'));
    let failure = Failure {
        step: provision::Step::Bucket,
        error: CloudError {
            operation: Some("s3:CreateBucket"),
            code: Some("BucketAlreadyExists".into()),
            message: Msg::text("taken"),
            request_id: None,
            hint: Some(Box::new(Msg::text("choose another"))),
            answer_lost: false,
        },
        resources: vec![Resource { kind: provision::Kind::KinesisStream, id: "arn:x".into(), created: false }],
        journal: None,
    };
    update(&mut m, Action::Provisioned(Box::new(Err(failure))));
    assert_eq!(m.step, Step::Failed);
    let fx = update(&mut m, ch('r'));
    assert!(matches!(fx.as_slice(), [Effect::Provision(_)]), "retry creates again");
    assert_eq!(m.step, Step::Creating);
    assert!(m.rows.iter().all(|r| r.state == RowState::Pending), "the rows start over");
    update(
        &mut m,
        Action::Provisioned(Box::new(Err(Failure {
            step: provision::Step::Bucket,
            error: CloudError::local(Msg::text("taken"), Msg::text("choose another")),
            resources: vec![],
            journal: None,
        }))),
    );
    update(&mut m, ch('e'));
    assert_eq!(m.step, Step::Review);
    update(&mut m, ch('3'));
    update(&mut m, key(KeyCode::Tab));
    typed(&mut m, "9");
    update(&mut m, ctrl('n'));
    assert_eq!(m.step, Step::Review);
    assert_eq!(m.plan().destination.bucket, "aws-analytics-immersion-day-a1b2c3d49");
    assert_eq!(m.plan().name, "retail-trans", "everything else kept");
}

#[test]
fn create_from_review_with_problems_goes_to_the_screen_that_has_them() {
    let mut m = lab();
    to_review(&mut m);
    // an answer that is no longer valid once on Review (as a loaded plan file can be)
    m.set_text(Field::BufferSize, "999");
    update(&mut m, ch('c'));
    assert!(m.popup.is_none(), "no confirmation while a screen has errors");
    assert_eq!(m.step, Step::Settings);
    assert!(m.from_review);
    assert_eq!(m.status.as_deref(), Some("fix the problems on Settings first"));
    let problems = m.problems();
    assert!(m.field_problems(Field::BufferSize, &problems)[0].message.to_string().contains("1–128 MiB"));
}

#[test]
fn ctrl_c_quits_at_once_when_nothing_would_be_lost() {
    let mut m = lab();
    update(&mut m, ctrl('c'));
    assert!(m.quit);
    let mut m = lab();
    typed(&mut m, "x");
    update(&mut m, ctrl('c'));
    assert!(!m.quit);
    assert!(matches!(m.popup, Some(Popup::ConfirmQuit)));
    update(&mut m, ch('y'));
    assert!(m.quit);
    // Ctrl-C twice also leaves
    let mut m = lab();
    typed(&mut m, "x");
    update(&mut m, ctrl('c'));
    update(&mut m, ctrl('c'));
    assert!(m.quit);
}

#[test]
fn only_key_presses_count() {
    let mut m = blank();
    let mut release = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    update(&mut m, Action::Key(release));
    assert_eq!(m.text(Field::Name), "");
    update(&mut m, ch('x'));
    assert_eq!(m.text(Field::Name), "x");
}

#[test]
fn pickers_load_in_pages_filter_and_refuse_unusable_items() {
    let mut m = lab();
    let fx = m.start();
    let g = fx
        .iter()
        .find_map(|e| match e {
            Effect::LoadList { kind: ListKind::Streams, generation } => Some(*generation),
            _ => None,
        })
        .unwrap();
    assert!(fx.contains(&Effect::Identify));
    let item = |v: &str, ok: bool| Item {
        value: v.into(),
        detail: if ok { "ACTIVE" } else { "CREATING" }.into(),
        selectable: ok,
        rank: !ok as u8,
    };
    update(
        &mut m,
        Action::ListPage {
            kind: ListKind::Streams,
            generation: g,
            items: vec![item("zeta", true), item("new-one", false)],
            done: false,
        },
    );
    update(
        &mut m,
        Action::ListPage { kind: ListKind::Streams, generation: g + 99, items: vec![item("stale", true)], done: true },
    );
    update(
        &mut m,
        Action::ListPage { kind: ListKind::Streams, generation: g, items: vec![item("alpha", true)], done: false },
    );
    let names: Vec<_> = m.list(ListKind::Streams).items.iter().map(|i| i.value.as_str()).collect();
    assert_eq!(names, vec!["alpha", "zeta", "new-one"], "usable first, sorted; the stale page is ignored");
    assert!(m.list(ListKind::Streams).loading);
    update(&mut m, Action::ListPage { kind: ListKind::Streams, generation: g, items: vec![], done: true });
    assert!(!m.list(ListKind::Streams).loading);

    // on the stream field, ↓ opens the picker
    update(&mut m, key(KeyCode::Tab));
    update(&mut m, key(KeyCode::Tab));
    assert_eq!(m.focused(), Some(Field::KinesisStream));
    update(&mut m, key(KeyCode::Down));
    assert!(matches!(m.popup, Some(Popup::Picker(_))));
    typed(&mut m, "ne");
    let Some(Popup::Picker(p)) = &m.popup else { panic!() };
    assert_eq!(m.filtered(ListKind::Streams, p.filter.value()), vec![2]);
    update(&mut m, key(KeyCode::Enter));
    assert!(matches!(m.popup, Some(Popup::Picker(_))), "a CREATING stream cannot be chosen");
    assert!(m.status.as_deref().unwrap().contains("cannot be chosen"));
    update(&mut m, ch('/'));
    typed(&mut m, "ZET");
    update(&mut m, key(KeyCode::Enter));
    assert!(m.popup.is_none());
    assert_eq!(m.plan().source, Source::KinesisStream("zeta".into()));
}

#[test]
fn ctrl_t_inserts_the_lab_prefixes() {
    let mut m = blank();
    typed(&mut m, "s1");
    update(&mut m, key(KeyCode::Tab));
    update(&mut m, key(KeyCode::Tab));
    typed(&mut m, "src");
    past_name_check(&mut m);
    update(&mut m, ctrl('n'));
    assert_eq!(m.step, Step::Destination);
    update(&mut m, ctrl('t'));
    let plan = m.plan();
    assert_eq!(plan.destination.prefix, LAB_PREFIX);
    assert_eq!(plan.destination.error_prefix.as_deref(), Some(LAB_ERROR_PREFIX));
}

#[test]
fn toggles_and_choices() {
    let mut m = blank();
    update(&mut m, key(KeyCode::Tab));
    assert_eq!(m.focused(), Some(Field::SourceKind));
    update(&mut m, key(KeyCode::Left));
    assert_eq!(m.plan().source, Source::DirectPut);
    assert_eq!(m.fields().len(), 2, "no stream field for Direct PUT");
    update(&mut m, key(KeyCode::Right));
    assert_eq!(m.fields().len(), 3);
    // a new stream: its name starts as the delivery stream's, on-demand; provisioned asks for shards
    update(&mut m, ch(' '));
    assert_eq!(
        m.fields(),
        vec![Field::Name, Field::SourceKind, Field::KinesisStream, Field::StreamMode],
        "new stream fields"
    );
    assert!(
        matches!(&m.plan().source, Source::NewKinesisStream(n) if n.name == m.text(Field::Name) && n.shards.is_none())
    );
    m.focus = 3;
    update(&mut m, ch(' '));
    assert_eq!(m.fields().last(), Some(&Field::Shards));
    assert!(matches!(&m.plan().source, Source::NewKinesisStream(n) if n.shards == Some(1)));
    // compression cycles through the API's names, both ways
    let mut m = lab();
    m.step = Step::Settings;
    m.focus = 2;
    assert_eq!(m.focused(), Some(Field::Compression));
    update(&mut m, key(KeyCode::Right));
    assert_eq!(m.plan().settings.compression, "GZIP");
    update(&mut m, key(KeyCode::Left));
    update(&mut m, key(KeyCode::Left));
    assert_eq!(m.plan().settings.compression, "HADOOP_SNAPPY");
    // a non-number buffer is a problem of its own, not a parse failure
    m.focus = 0;
    typed(&mut m, "x");
    let p = m.problems();
    assert!(
        p.iter().any(|p| p.path == "settings.buffer_size_mib" && p.message.to_string() == "must be a whole number")
    );
}

#[test]
fn review_shows_policies_and_the_request_and_saves() {
    let mut m = lab();
    to_review(&mut m);
    update(&mut m, ch('r'));
    let Some(Popup::View { text, .. }) = &m.popup else { panic!() };
    assert!(text.contains("\"DeliveryStreamName\": \"retail-trans\""), "{text}");
    update(&mut m, key(KeyCode::Down));
    let Some(Popup::View { scroll, .. }) = &m.popup else { panic!() };
    assert_eq!(*scroll, 1);
    update(&mut m, key(KeyCode::Esc));
    update(&mut m, ch('p'));
    let Some(Popup::View { text, .. }) = &m.popup else { panic!() };
    assert!(text.contains("firehose.amazonaws.com") && text.contains("s3:PutObject"), "{text}");
    update(&mut m, key(KeyCode::Esc));
    update(&mut m, ch('s'));
    let fx = update(&mut m, key(KeyCode::Enter));
    let [Effect::SavePlan { path, json }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(path, "firehose-plan-retail-trans.json");
    assert_eq!(Plan::from_json(json).unwrap(), m.plan());
    update(&mut m, Action::Saved(Ok(path.clone())));
    assert!(m.status.as_deref().unwrap().contains("firehose-wizard apply firehose-plan-retail-trans.json"));
}

#[test]
fn every_footer_binding_is_listed_in_the_help_and_help_opens() {
    let mut m = lab();
    m.focus = 1; // not a text field: '?' opens help
    update(&mut m, ch('?'));
    let Some(Popup::View { title, text, .. }) = &m.popup else { panic!("{:?}", m.popup) };
    assert_eq!(title, "Keys");
    assert!(text.contains("• Ctrl-C        quit"), "{text}");
    assert!(text.contains("  1-4           edit that screen"), "Review keys are listed but not marked here: {text}");
    update(&mut m, key(KeyCode::Esc));
    assert!(m.popup.is_none());
    update(&mut m, ctrl('g'));
    assert!(matches!(m.popup, Some(Popup::View { .. })), "Ctrl-G works from a text field too");
    // the footer of each screen is non-empty and always offers a way out
    for step in [Step::NameSource, Step::Process, Step::Destination, Step::Settings, Step::Review, Step::Done] {
        let mut m = lab();
        m.step = step;
        let keys: Vec<_> = keymap::active(&m).iter().map(|b| b.keys).collect();
        assert!(keys.contains(&"Ctrl-C"), "{step:?}: {keys:?}");
        assert!(keys.len() >= 3, "{step:?}: {keys:?}");
    }
    let mut m = lab();
    assert!(!keymap::active(&m).iter().any(|b| b.short == "key-short-back"), "no Back on the first screen");
    m.step = Step::Process;
    assert!(keymap::active(&m).iter().any(|b| b.short == "key-short-back"));
}

#[test]
fn after_a_failure_d_removes_only_what_this_run_created() {
    use firehose_wizard::cloud::provision::Kind;
    let mut m = lab();
    to_review(&mut m);
    update(&mut m, ch('c'));
    update(&mut m, ch('y'));
    let existed = Resource { kind: Kind::KinesisStream, id: "arn:k".into(), created: false };
    let bucket = Resource { kind: Kind::Bucket, id: "aws-analytics-immersion-day-a1b2c3d4".into(), created: true };
    let failure = Failure {
        step: provision::Step::Role,
        error: CloudError::local(Msg::text("the role does not trust Firehose"), Msg::text("choose another")),
        resources: vec![existed.clone(), bucket.clone()],
        journal: None,
    };
    update(&mut m, Action::Provisioned(Box::new(Err(failure))));
    assert!(keymap::active(&m).iter().any(|b| b.keys == "d"));
    update(&mut m, ch('d'));
    assert!(matches!(m.popup, Some(Popup::ConfirmRemove)));
    update(&mut m, ch('n'));
    assert!(m.popup.is_none());
    update(&mut m, ch('d'));
    let fx = update(&mut m, ch('y'));
    assert!(
        matches!(fx.as_slice(), [Effect::Destroy(p)] if p.name == "retail-trans"),
        "the stream's journal says what to remove: {fx:?}"
    );
    // a removal that cannot start says why, and removes nothing from the lists
    update(&mut m, Action::Removed(Err("the journal is locked by another run".into())));
    assert!(!m.removing);
    assert_eq!(m.failure.as_ref().unwrap().resources, vec![existed.clone(), bucket.clone()]);
    assert!(
        m.status.as_deref().unwrap().starts_with("nothing was removed: the journal is locked by another run"),
        "{:?}",
        m.status
    );
    assert!(keymap::active(&m).iter().any(|b| b.keys == "d"), "d tries again");
    update(&mut m, Action::Removed(Ok(vec![(bucket, Removal::Removed)])));
    assert_eq!(m.failure.as_ref().unwrap().resources, vec![existed], "the removed bucket leaves the list");
    assert!(m.status.as_deref().unwrap().starts_with("removed 1 resource(s)"));
    // now nothing of this run is left: d says so instead of asking
    assert!(!keymap::active(&m).iter().any(|b| b.keys == "d"));
    update(&mut m, ch('d'));
    assert!(m.popup.is_none());
    assert!(m.status.as_deref().unwrap().contains("nothing to remove"));
}

fn fail_with(m: &mut Model, resources: Vec<Resource>) {
    update(
        m,
        Action::Provisioned(Box::new(Err(Failure {
            step: provision::Step::Stream,
            error: CloudError::local(Msg::text("LimitExceededException"), Msg::text("delete unused streams")),
            resources,
            journal: None,
        }))),
    );
}

#[test]
fn what_firehose_wizard_created_is_offered_for_removal_after_a_failure_and_after_success() {
    use firehose_wizard::cloud::provision::Kind;
    let mut m = lab();
    to_review(&mut m);
    update(&mut m, ch('c'));
    update(&mut m, ch('y'));
    let bucket = |created| Resource { kind: Kind::Bucket, id: "b".into(), created };
    let role = |created| Resource { kind: Kind::Role, id: "arn:r".into(), created };
    fail_with(&mut m, vec![bucket(true), role(false)]);
    assert_eq!(m.leftovers, vec![bucket(true)], "only what the journal says firehose-wizard created");
    // a retry: the provisioner reads its journal, so the bucket is still reported as created
    update(&mut m, ch('r'));
    fail_with(&mut m, vec![bucket(true), role(false)]);
    assert_eq!(m.leftovers.len(), 1);
    // back to Review to edit: not forgotten, and quitting asks
    update(&mut m, ch('e'));
    assert_eq!(m.step, Step::Review);
    update(&mut m, ctrl('c'));
    assert!(matches!(m.popup, Some(Popup::ConfirmQuit)), "leaving would leave resources behind");
    update(&mut m, ch('n'));
    // a successful retry makes them part of the stream: nothing is left over, quitting does not ask
    update(&mut m, ch('c'));
    update(&mut m, ch('y'));
    update(
        &mut m,
        Action::Provisioned(Box::new(Ok(Outcome {
            target: Target { account: "123456789012".into(), region: "us-east-1".into(), partition: "aws".into() },
            stream_arn: "arn:s".into(),
            resources: vec![
                bucket(true),
                role(false),
                Resource { kind: Kind::DeliveryStream, id: "arn:s".into(), created: true },
            ],
        }))),
    );
    assert!(m.leftovers.is_empty());
    assert_eq!(m.step, Step::Done);
    // the summary offers the smoke test and the watch view of the stream
    let active: Vec<_> = keymap::active(&m).iter().map(|b| (b.keys, b.short)).collect();
    assert!(
        active.contains(&("t", "key-short-smoke-test")) && active.contains(&("w", "key-short-watch")),
        "{active:?}"
    );
    assert_eq!(update(&mut m, ch('t')), vec![Effect::Watch { name: "retail-trans".into(), smoke: true }]);
    assert_eq!(update(&mut m, ch('w')), vec![Effect::Watch { name: "retail-trans".into(), smoke: false }]);
    // the summary offers destroy, asks first, and removes by the journal
    assert_eq!(m.removable(), 2);
    assert!(keymap::active(&m).iter().any(|b| b.keys == "d" && b.short == "key-short-destroy"));
    update(&mut m, ch('d'));
    assert!(matches!(m.popup, Some(Popup::ConfirmRemove)));
    assert!(update(&mut m, ch('n')).is_empty(), "no is no");
    update(&mut m, ch('d'));
    let fx = update(&mut m, ch('y'));
    assert!(matches!(fx.as_slice(), [Effect::Destroy(p)] if p.name == "retail-trans"), "{fx:?}");
    assert!(update(&mut m, ch('q')).is_empty() && !m.quit, "no quitting while removing");
    update(
        &mut m,
        Action::Removed(Ok(vec![
            (Resource { kind: Kind::DeliveryStream, id: "arn:s".into(), created: true }, Removal::Removed),
            (bucket(true), Removal::Removed),
        ])),
    );
    assert_eq!(m.outcome.as_ref().unwrap().resources, vec![role(false)], "what existed stays listed");
    assert_eq!(m.removable(), 0);
    assert!(m.destroyed, "the summary says it is gone");
    assert!(!keymap::active(&m).iter().any(|b| b.keys == "d"));
    // a destroyed stream has nothing to watch
    assert!(update(&mut m, ch('w')).is_empty() && !keymap::active(&m).iter().any(|b| b.keys == "w"));
    update(&mut m, ch('q'));
    assert!(m.quit);
}

#[test]
fn a_removal_in_progress_blocks_retry_and_a_second_removal() {
    use firehose_wizard::cloud::provision::Kind;
    let mut m = lab();
    to_review(&mut m);
    update(&mut m, ch('c'));
    update(&mut m, ch('y'));
    let bucket = Resource { kind: Kind::Bucket, id: "b".into(), created: true };
    fail_with(&mut m, vec![bucket.clone()]);
    update(&mut m, ch('d'));
    assert_eq!(update(&mut m, ch('y')).len(), 1);
    assert!(update(&mut m, ch('r')).is_empty(), "no retry while removing");
    assert!(update(&mut m, ch('d')).is_empty());
    assert!(m.popup.is_none());
    assert!(m.status.as_deref().unwrap().contains("wait for it to finish"));
    update(&mut m, Action::Removed(Ok(vec![(bucket, Removal::Removed)])));
    assert!(!m.removing);
    assert_eq!(update(&mut m, ch('r')).len(), 1, "retry works again");
}

#[test]
fn leaving_a_screen_opened_from_review_ends_the_edit() {
    let mut m = lab();
    to_review(&mut m);
    update(&mut m, ch('4'));
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.step, Step::Review);
    assert!(!m.from_review);
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.step, Step::Settings, "Esc from Review walks back normally");
    update(&mut m, key(KeyCode::Esc));
    assert_eq!(m.step, Step::Destination);
    // from Review to screen 3, then back to screen 1 by hand: Next walks forward again, not to Review
    m.step = Step::Review;
    update(&mut m, ch('3'));
    update(&mut m, key(KeyCode::PageUp));
    update(&mut m, key(KeyCode::PageUp));
    assert_eq!(m.step, Step::NameSource);
    update(&mut m, ctrl('n'));
    assert_eq!(m.step, Step::Process);
}

#[test]
fn a_new_page_keeps_the_highlighted_item_and_slash_opens_the_list() {
    let mut m = lab();
    let g = m
        .start()
        .into_iter()
        .find_map(|e| match e {
            Effect::LoadList { kind: ListKind::Roles, generation } => Some(generation),
            _ => None,
        })
        .unwrap();
    let role = |v: &str, trusted: bool| Item {
        value: v.into(),
        detail: String::new(),
        selectable: trusted,
        rank: !trusted as u8,
    };
    update(
        &mut m,
        Action::ListPage {
            kind: ListKind::Roles,
            generation: g,
            items: vec![role("m-role", true), role("z-role", true)],
            done: false,
        },
    );
    m.step = Step::Settings;
    focus(&mut m, Field::RoleMode);
    update(&mut m, ch(' ')); // existing role
    focus(&mut m, Field::RoleName);
    update(&mut m, ch('/'));
    assert!(matches!(m.popup, Some(Popup::Picker(_))), "/ opens the list of a list field");
    update(&mut m, key(KeyCode::Down)); // z-role
    // a page arrives that sorts before it
    update(
        &mut m,
        Action::ListPage { kind: ListKind::Roles, generation: g, items: vec![role("a-role", true)], done: true },
    );
    update(&mut m, key(KeyCode::Enter));
    assert_eq!(m.text(Field::RoleName), "z-role", "the highlighted role, not whatever moved under the cursor");
}

fn every_option() -> Plan {
    Plan::from_json(include_str!("fixtures/every-option.json")).unwrap()
}

fn focus(m: &mut Model, field: Field) {
    m.focus = m.fields().iter().position(|f| *f == field).unwrap_or_else(|| panic!("{field:?} is not on screen"));
}

#[test]
fn every_option_survives_the_screens_unchanged() {
    let plan = every_option();
    assert!(firehose_wizard::plan::validate::validate(&plan).iter().all(|p| p.path != "settings.role"));
    let m = Model::new(&plan, Context::default());
    assert_eq!(m.plan(), plan, "Model::new then plan() is the identity");
    assert_eq!(
        m.fields_of(Step::Process).len(),
        13,
        "both options on show all their fields, and decompression's switch"
    );
    assert!(m.fields_of(Step::Destination).contains(&Field::Delimiter));
    assert!(!m.fields_of(Step::Settings).contains(&Field::StreamEncryption), "no stream SSE with a Kinesis source");
    // the same plan as Direct PUT offers stream encryption
    let mut direct = plan.clone();
    direct.source = Source::DirectPut;
    direct.settings.stream_encryption = Some(firehose_wizard::plan::StreamEncryption::CustomerManaged(
        "arn:aws:kms:us-east-1:123456789012:key/k".into(),
    ));
    let m = Model::new(&direct, Context::default());
    assert!(m.fields_of(Step::Settings).contains(&Field::StreamKey));
    assert_eq!(m.plan(), direct);
    // decompression with message extraction, and a new line without dynamic partitioning
    direct.process.decompression = Some(firehose_wizard::plan::Decompression { message_extraction: true });
    direct.destination.dynamic_partitioning = None;
    direct.destination.new_line_delimiter = true;
    let m = Model::new(&direct, Context::default());
    assert!(m.fields_of(Step::Process).contains(&Field::MessageExtraction));
    assert!(m.fields_of(Step::Destination).contains(&Field::NewLine));
    assert_eq!(m.plan(), direct);
}

#[test]
fn partition_keys_and_tags_are_typed_as_pairs() {
    let mut m = lab();
    m.step = Step::Destination;
    focus(&mut m, Field::Dynamic);
    update(&mut m, ch(' '));
    assert!(m.status.as_deref().unwrap().contains("needs a buffer of at least 64 MiB"), "{:?}", m.status);
    focus(&mut m, Field::PartitionKeys);
    // jq's own ';' and ',' stay inside the expression; a new entry starts with name=
    typed(&mut m, "id=.a | sub(\"x\";\"y\"); region=[.r, .s] | first");
    let keys = m.plan().destination.dynamic_partitioning.unwrap().keys;
    assert_eq!(keys["id"], ".a | sub(\"x\";\"y\")");
    assert_eq!(keys["region"], "[.r, .s] | first");
    m.step = Step::Settings;
    focus(&mut m, Field::Tags);
    typed(&mut m, "oops, team=analytics, note=a=b");
    let p = m.problems();
    assert!(
        p.iter().any(|p| p.path == "settings.tags" && p.message.to_string().contains("\"oops\" is not name=value")),
        "{p:?}"
    );
    assert_eq!(m.plan().settings.tags["note"], "a=b");
}

#[test]
fn ctrl_f_sets_the_buffer_and_compression_the_options_need() {
    let mut m = lab();
    m.step = Step::Process;
    focus(&mut m, Field::FormatConversion);
    update(&mut m, ch(' '));
    m.step = Step::Settings;
    focus(&mut m, Field::Compression);
    update(&mut m, key(KeyCode::Right)); // GZIP
    let errors: Vec<_> = m.step_errors(Step::Settings).into_iter().map(|p| p.path).collect();
    assert_eq!(errors, vec!["settings.compression", "settings.buffer_size_mib"]);
    update(&mut m, ctrl('f'));
    let plan = m.plan();
    assert_eq!((plan.settings.buffer_size_mib, plan.settings.compression.as_str()), (128, "UNCOMPRESSED"));
    assert!(m.step_errors(Step::Settings).is_empty());
    update(&mut m, ctrl('f'));
    assert!(m.status.as_deref().unwrap().starts_with("nothing to fix"));
}

#[test]
fn an_existing_role_is_checked_when_leaving_settings() {
    use firehose_wizard::tui::wizard::{RoleCheck, RoleFindings};
    let mut m = lab();
    m.step = Step::Settings;
    focus(&mut m, Field::RoleMode);
    update(&mut m, ch(' '));
    focus(&mut m, Field::RoleName);
    typed(&mut m, "team-role");
    let fx = update(&mut m, ctrl('n'));
    let [Effect::CheckRole { name, generation, plan, .. }] = fx.as_slice() else { panic!("{fx:?}") };
    assert_eq!(name, "team-role");
    assert_eq!(**plan, m.plan());
    let g = *generation;
    assert_eq!(m.step, Step::Review);
    update(
        &mut m,
        Action::RoleChecked {
            generation: g,
            result: Ok(RoleFindings {
                exists: true,
                trusted: true,
                missing: vec!["logs:PutLogEvents on arn:…".into()],
                ..Default::default()
            }),
        },
    );
    let warn = m.problems().into_iter().find(|p| p.path == "settings.role").unwrap();
    assert!(
        warn.message.to_string().contains("lack 1 permission(s)")
            && warn.message.to_string().contains("logs:PutLogEvents")
    );
    // adding this stream's policy answers the warning
    m.step = Step::Settings;
    focus(&mut m, Field::AddPolicy);
    update(&mut m, ch(' '));
    assert!(m.problems().iter().all(|p| p.path != "settings.role"));
    assert!(m.plan().settings.add_policy_to_role);
    // an untrusting role blocks; a stale answer is ignored
    m.role_check = RoleCheck::Checking { name: "team-role".into(), generation: 99 };
    update(
        &mut m,
        Action::RoleChecked { generation: 98, result: Ok(RoleFindings { exists: true, ..Default::default() }) },
    );
    assert!(matches!(m.role_check, RoleCheck::Checking { .. }), "stale");
    update(
        &mut m,
        Action::RoleChecked { generation: 99, result: Ok(RoleFindings { exists: true, ..Default::default() }) },
    );
    assert!(
        m.step_errors(Step::Settings)
            .iter()
            .any(|p| p.message.to_string().contains("does not let firehose.amazonaws.com"))
    );
}

#[test]
fn a_role_to_create_that_exists_is_checked_too_and_others_in_its_trust_block_create() {
    use firehose_wizard::tui::wizard::{RoleCheck, RoleFindings};
    let mut m = lab();
    m.step = Step::Settings;
    focus(&mut m, Field::RoleName);
    let fx = update(&mut m, ctrl('n'));
    let [Effect::CheckRole { name, generation, .. }] = fx.as_slice() else {
        panic!("a role to create is looked up too: {fx:?}")
    };
    assert_eq!(name, "firehose_delivery_role");
    let g = *generation;
    // none of that name: nothing to say
    update(&mut m, Action::RoleChecked { generation: g, result: Ok(RoleFindings::default()) });
    assert!(m.problems().iter().all(|p| p.path != "settings.role"));
    // one that another account may assume too: reusing it is refused, naming the principal
    let extra = RoleFindings {
        exists: true,
        trusted: true,
        extras: vec!["AWS arn:aws:iam::999999999999:root".into()],
        shared_with: vec!["console-stream".into()],
        ..Default::default()
    };
    m.role_check = RoleCheck::Checked { name: "firehose_delivery_role".into(), findings: extra.clone() };
    let errors = m.step_errors(Step::Settings);
    assert!(
        errors
            .iter()
            .any(|p| p.message.to_string().contains("lets others assume it too: AWS arn:aws:iam::999999999999:root")),
        "{errors:?}"
    );
    let shared = m
        .problems()
        .into_iter()
        .find(|p| p.message.to_string().contains("shared with the delivery stream console-stream"));
    assert!(shared.is_some_and(|p| p.severity == firehose_wizard::plan::validate::Severity::Warning));
    // the same role chosen as existing, on purpose: a warning, not an error
    m.step = Step::Settings;
    focus(&mut m, Field::RoleMode);
    update(&mut m, ch(' '));
    // an existing role starts empty, to be picked
    assert_eq!(m.text(Field::RoleName), "");
    focus(&mut m, Field::RoleName);
    typed(&mut m, "firehose_delivery_role");
    m.role_check = RoleCheck::Checked { name: "firehose_delivery_role".into(), findings: extra };
    assert!(m.step_errors(Step::Settings).is_empty(), "{:?}", m.step_errors(Step::Settings));
    assert!(
        m.problems().iter().any(|p| p.message.to_string().starts_with("chosen on purpose: its trust policy also lets"))
    );
}

#[test]
fn the_field_table_has_one_row_per_field_in_order() {
    use firehose_wizard::tui::wizard::FIELDS;
    assert_eq!(FIELDS.len(), Field::Create as usize + 1, "a row for every field");
    for (i, spec) in FIELDS.iter().enumerate() {
        assert_eq!(spec.field as usize, i, "{:?} is in its enum's place", spec.field);
        assert!(!spec.label.is_empty());
        assert!(spec.placeholder.is_empty() || spec.kind == firehose_wizard::tui::wizard::FieldKind::Text);
    }
}

#[test]
fn a_background_task_that_failed_is_shown() {
    let mut m = lab();
    update(&mut m, Action::TaskFailed("internal error in a background task: boom".into()));
    assert_eq!(m.status.as_deref(), Some("internal error in a background task: boom"));
    assert!(!m.quit, "the wizard goes on");
}
