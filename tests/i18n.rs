//! The two catalogues say the same things: every message of the English catalogue is in the Korean
//! one and the other way round, each with the same arguments (a Korean message that drops one would
//! lose a value); every message id the code uses exists; and a Korean screen shows no English
//! sentence (checked on the screens' snapshots, tests/snapshots_ko.rs).

use std::collections::{BTreeMap, BTreeSet};

use firehose_wizard::i18n::{self, Lang};
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

fn catalogue(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let path = format!("{}/i18n/{lang}/firehose_wizard.ftl", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let resource = fluent_syntax::parser::parse(text.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{path} does not parse: {errors:?}"));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let Entry::Message(m) = entry {
            let id = m.id.name.to_owned();
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                variables(p, &mut vars);
            }
            assert!(out.insert(id.clone(), vars).is_none(), "{id} is defined twice in {lang}");
        }
    }
    out
}

fn variables(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for e in &p.elements {
        if let PatternElement::Placeable { expression } = e {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => inline_variables(i, out),
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
    }
}

fn inline_variables(i: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

#[test]
fn both_languages_have_every_message_with_the_same_arguments() {
    let en = catalogue("en");
    let ko = catalogue("ko");
    let only_en: Vec<_> = en.keys().filter(|k| !ko.contains_key(*k)).collect();
    let only_ko: Vec<_> = ko.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "in English only: {only_en:?}");
    assert!(only_ko.is_empty(), "in Korean only: {only_ko:?}");
    for (id, vars) in &en {
        assert_eq!(&ko[id], vars, "{id}: the Korean message must use the English one's arguments");
    }
    assert!(en.len() > 100, "{} messages", en.len());
}

/// The ids the code names: `msg!("id"` and `Msg::new("id"` (rendered later, not checked by the
/// compiler), `t!("id"` (checked against English when it is built), and ids written as strings of
/// their own (`"resource-created"`, the tables').
fn ids_in_code(re: &regex::Regex) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut dirs = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                // code, not the comments that show how the macro is called
                let code: String =
                    text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
                out.extend(re.captures_iter(&code).map(|c| c[1].to_owned()));
            }
        }
    }
    out
}

fn ids_used_by_msg() -> BTreeSet<String> {
    ids_in_code(&regex::Regex::new(r#"(?:msg!\(|Msg::new\()\s*"([a-z0-9-]+)""#).unwrap())
}

#[test]
fn every_id_the_code_uses_exists() {
    let en = catalogue("en");
    let used = ids_used_by_msg();
    assert!(used.len() > 50, "{} ids found", used.len());
    let missing: Vec<_> = used.iter().filter(|id| !en.contains_key(*id)).collect();
    assert!(missing.is_empty(), "msg! ids missing from the catalogue: {missing:?}");
    // the ids of tables: fields, choices, keys
    let mut table_ids: Vec<&str> = Vec::new();
    for spec in firehose_wizard::tui::wizard::FIELDS {
        table_ids.push(spec.label);
        if !spec.placeholder.is_empty() {
            table_ids.push(spec.placeholder);
        }
        if let firehose_wizard::tui::wizard::FieldKind::Choice(options) = spec.kind {
            table_ids.extend(options.iter().copied());
        }
    }
    for b in firehose_wizard::tui::keymap::BINDINGS {
        table_ids.extend([b.short, b.help]);
    }
    for b in firehose_wizard::tui::watch::BINDINGS {
        table_ids.extend([b.short, b.help]);
    }
    let missing: Vec<_> = table_ids.iter().filter(|id| !en.contains_key(**id)).collect();
    assert!(missing.is_empty(), "table ids missing from the catalogue: {missing:?}");
    for lang in Lang::ALL {
        i18n::with(lang, || {
            for id in &table_ids {
                assert!(i18n::loader().has(id), "{id} in {lang:?}");
            }
        });
    }
}

/// The help of the command line (its ids are made from the commands' and flags' names) is in both
/// languages, and every message of the catalogues is used somewhere: none is left behind when code
/// changes.
#[test]
fn the_command_line_help_is_complete_and_no_message_is_unused() {
    let en = catalogue("en");
    let ko = catalogue("ko");
    let help = firehose_wizard::cli::args::help_ids();
    let missing: Vec<_> = help.iter().filter(|id| !en.contains_key(*id) || !ko.contains_key(*id)).collect();
    assert!(missing.is_empty(), "--help texts missing: {missing:?}");
    let strings = ids_in_code(&regex::Regex::new(r#""([a-z][a-z0-9-]*)""#).unwrap());
    let unused: Vec<_> = en.keys().filter(|id| !strings.contains(*id) && !help.contains(id)).collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}
