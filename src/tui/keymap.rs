//! One table of the keys: it drives the footer (the keys that work *here*) and the full help (`?`).
//! `wizard::update` implements them; tests/wizard_update.rs checks the footer against what the keys do.

use super::wizard::{Field, Model, Popup, Step};

/// A key of a screen whose state is `M` (the wizard's [`Model`], or the watch view's).
#[derive(Debug)]
pub struct Binding<M: 'static = Model> {
    pub keys: &'static str,
    /// Message ids: the footer's word for it, and its line in the help.
    pub short: &'static str,
    pub help: &'static str,
    /// Shown in the footer when this returns true.
    pub when: fn(&M) -> bool,
}

impl<M> Binding<M> {
    /// The keys as shown: key names stay as they are in every language, words are translated.
    pub fn label(&self) -> String {
        match self.keys {
            "type" => t!("key-name-type"),
            "↓ or /" => t!("key-name-down-or-slash"),
            keys => keys.to_owned(),
        }
    }
}

fn form(m: &Model) -> bool {
    matches!(m.step, Step::NameSource | Step::Process | Step::Destination | Step::Settings) && m.popup.is_none()
}
fn not_first(m: &Model) -> bool {
    form(m) && (m.step != Step::NameSource || m.from_review)
}
fn on_picker(m: &Model) -> bool {
    form(m) && m.focused().and_then(|f| m.picker_for(f)).is_some()
}
fn on_choice(m: &Model) -> bool {
    form(m) && m.focused().is_some_and(|f| !f.is_text())
}
fn on_destination(m: &Model) -> bool {
    form(m) && m.step == Step::Destination
}
fn review(m: &Model) -> bool {
    m.step == Step::Review && m.popup.is_none()
}
fn failed(m: &Model) -> bool {
    m.step == Step::Failed && m.popup.is_none()
}
fn failed_created(m: &Model) -> bool {
    failed(m) && !m.leftovers.is_empty() && !m.removing
}
fn done(m: &Model) -> bool {
    m.step == Step::Done && m.popup.is_none()
}
fn watchable(m: &Model) -> bool {
    done(m) && m.watchable()
}
fn done_created(m: &Model) -> bool {
    done(m) && m.removable() > 0 && !m.removing
}
fn picker(m: &Model) -> bool {
    matches!(m.popup, Some(Popup::Picker(_)))
}
fn view(m: &Model) -> bool {
    matches!(m.popup, Some(Popup::View { .. }))
}
fn export_view(m: &Model) -> bool {
    matches!(m.popup, Some(Popup::Export(_)))
}
fn confirm(m: &Model) -> bool {
    matches!(m.popup, Some(Popup::ConfirmQuit | Popup::ConfirmCreate | Popup::ConfirmRemove))
}
fn save(m: &Model) -> bool {
    matches!(m.popup, Some(Popup::Save(_)))
}
fn help_available(m: &Model) -> bool {
    m.popup.is_none() && !matches!(m.step, Step::Creating)
}
fn always(_: &Model) -> bool {
    true
}
fn not_text(m: &Model) -> bool {
    help_available(m) && !m.focused().is_some_and(Field::is_text)
}

pub const BINDINGS: &[Binding] = &[
    // the screens' own keys, most important first: the footer shows as many as fit, in this order
    Binding {
        keys: "Ctrl-N",
        short: "key-short-next-screen",
        help: "key-help-next-screen-also-pgdn-when-this-one-has-no-error",
        when: form,
    },
    Binding { keys: "Esc", short: "key-short-back", help: "key-help-back-one-screen-nothing-is-lost", when: not_first },
    Binding { keys: "Tab/S-Tab", short: "key-short-field", help: "key-help-next-previous-field", when: form },
    Binding { keys: "↓ or /", short: "key-short-list", help: "key-help-choose-from-the-live-list", when: on_picker },
    Binding { keys: "Space/←→", short: "key-short-change", help: "key-help-change-the-choice", when: on_choice },
    Binding {
        keys: "Ctrl-T",
        short: "key-short-lab-prefixes",
        help: "key-help-insert-the-lab-s-hive-style-prefixes",
        when: on_destination,
    },
    Binding {
        keys: "Enter",
        short: "key-short-next",
        help: "key-help-next-field-on-the-last-field-next-screen",
        when: form,
    },
    Binding {
        keys: "Ctrl-P",
        short: "key-short-prev-screen",
        help: "key-help-previous-screen-also-pgup",
        when: not_first,
    },
    Binding { keys: "c/Enter", short: "key-short-create", help: "key-help-create-asks-first", when: review },
    Binding {
        keys: "1-4",
        short: "key-short-edit",
        help: "key-help-edit-that-screen-then-come-back-here",
        when: review,
    },
    Binding { keys: "p", short: "key-short-policies", help: "key-help-view-the-iam-policies", when: review },
    Binding {
        keys: "r",
        short: "key-short-request",
        help: "key-help-view-the-createdeliverystream-request",
        when: review,
    },
    Binding { keys: "s", short: "key-short-save", help: "key-help-save-the-plan-to-a-file", when: review },
    Binding {
        keys: "x",
        short: "key-short-export",
        help: "key-help-export-as-aws-cli-cloudformation-or-terraform",
        when: review,
    },
    Binding { keys: "r", short: "key-short-retry", help: "key-help-retry-the-creation", when: failed },
    Binding {
        keys: "e/Esc",
        short: "key-short-edit",
        help: "key-help-back-to-review-to-edit-input-kept",
        when: failed,
    },
    Binding {
        keys: "d",
        short: "key-short-remove",
        help: "key-help-remove-what-firehose-wizard-created-asks-first",
        when: failed_created,
    },
    Binding {
        keys: "t",
        short: "key-short-smoke-test",
        help: "key-help-send-test-records-and-show-where-they-land-in-s3",
        when: watchable,
    },
    Binding {
        keys: "w",
        short: "key-short-watch",
        help: "key-help-a-live-view-of-the-stream-metrics-objects-errors",
        when: watchable,
    },
    Binding { keys: "Enter/q", short: "key-short-quit", help: "key-help-quit", when: done },
    Binding {
        keys: "d",
        short: "key-short-destroy",
        help: "key-help-destroy-what-firehose-wizard-created-asks-first",
        when: done_created,
    },
    Binding { keys: "type", short: "key-short-filter", help: "key-help-filter-the-list", when: picker },
    Binding { keys: "Enter", short: "key-short-choose", help: "key-help-choose", when: picker },
    Binding { keys: "Esc", short: "key-short-close", help: "key-help-close", when: picker },
    Binding { keys: "↑↓ PgUp/PgDn", short: "key-short-move", help: "key-help-move", when: picker },
    Binding { keys: "Ctrl-R", short: "key-short-reload", help: "key-help-reload-the-list", when: picker },
    Binding { keys: "↑↓ PgUp/PgDn", short: "key-short-scroll", help: "key-help-scroll", when: view },
    Binding { keys: "Esc/Enter", short: "key-short-close", help: "key-help-close", when: view },
    Binding { keys: "←→", short: "key-short-format", help: "key-help-export-format", when: export_view },
    Binding { keys: "s", short: "key-short-save", help: "key-help-save-the-export", when: export_view },
    Binding { keys: "↑↓ PgUp/PgDn", short: "key-short-scroll", help: "key-help-scroll", when: export_view },
    Binding { keys: "Esc", short: "key-short-close", help: "key-help-close", when: export_view },
    Binding {
        keys: "y",
        short: "key-short-yes",
        help: "key-help-yes-enter-also-answers-yes-except-to-create",
        when: confirm,
    },
    Binding { keys: "n/Esc", short: "key-short-no", help: "key-help-no", when: confirm },
    Binding { keys: "Enter", short: "key-short-save", help: "key-help-save", when: save },
    Binding { keys: "Esc", short: "key-short-cancel", help: "key-help-cancel", when: save },
    Binding { keys: "?", short: "key-short-keys", help: "key-help-all-keys", when: not_text },
    Binding {
        keys: "Ctrl-G",
        short: "key-short-help",
        help: "key-help-all-keys-also-while-typing",
        when: help_available,
    },
    Binding {
        keys: "Ctrl-C",
        short: "key-short-quit",
        help: "key-help-quit-asks-first-if-anything-would-be-lost",
        when: always,
    },
];

/// Keys the footer always ends with.
pub const ALWAYS: [&str; 3] = ["?", "Ctrl-G", "Ctrl-C"];

/// The bindings that work in the model's current context, in table order.
pub fn active(m: &Model) -> Vec<&'static Binding> {
    active_in(BINDINGS, m)
}

/// The bindings of `table` that work in `m`'s context, in table order.
pub fn active_in<M>(table: &'static [Binding<M>], m: &M) -> Vec<&'static Binding<M>> {
    table.iter().filter(|b| (b.when)(m)).collect()
}

/// The full help: every binding once, those that work on the current screen marked with `•`.
pub fn help_text(m: &Model) -> String {
    help_text_in(BINDINGS, m)
}

/// [`help_text`] of any table.
pub fn help_text_in<M>(table: &'static [Binding<M>], m: &M) -> String {
    let mut seen = std::collections::HashSet::new();
    let mut out = format!("{}\n\n", t!("keys-legend"));
    for b in table {
        if seen.insert((b.keys, b.help)) {
            let here = if (b.when)(m) { "•" } else { " " };
            out.push_str(&format!(
                "{here} {} {}\n",
                crate::text::pad(&b.label(), 13),
                crate::i18n::loader().get(b.help)
            ));
        }
    }
    out
}
