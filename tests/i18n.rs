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
fn ids_in_code(re: &regex_lite::Regex) -> BTreeSet<String> {
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
    ids_in_code(&regex_lite::Regex::new(r#"(?:msg!\(|Msg::new\()\s*"([a-z0-9-]+)""#).unwrap())
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
    let strings = ids_in_code(&regex_lite::Regex::new(r#""([a-z][a-z0-9-]*)""#).unwrap());
    let unused: Vec<_> = en.keys().filter(|id| !strings.contains(*id) && !help.contains(id)).collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
}

/// The `name = value` arguments of every `msg!("id", ...)` in the source, by id (a brace-balanced
/// scan of the call).
fn msg_arguments() -> Vec<(String, BTreeSet<String>)> {
    let mut out = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
    let start = regex_lite::Regex::new(r#"msg!\(\s*"([a-z0-9-]+)""#).unwrap();
    let arg = regex_lite::Regex::new(r"^\s*([a-z_][a-z0-9_]*)\s*=[^=]").unwrap();
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let code: String =
                text.lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
            for c in start.captures_iter(&code) {
                let id = c[1].to_owned();
                // the call's text after the id, up to its closing parenthesis; split at top-level commas
                let rest = &code[c.get(0).unwrap().end()..];
                let (mut depth, mut in_string, mut parts, mut cur) = (0i32, false, Vec::new(), String::new());
                let mut prev = ' ';
                for ch in rest.chars() {
                    match ch {
                        '"' if prev != '\\' => in_string = !in_string,
                        '(' | '[' | '{' if !in_string => depth += 1,
                        ')' | ']' | '}' if !in_string => depth -= 1,
                        _ => {}
                    }
                    if depth < 0 {
                        break;
                    }
                    if ch == ',' && depth == 0 && !in_string {
                        parts.push(std::mem::take(&mut cur));
                    } else {
                        cur.push(ch);
                    }
                    prev = ch;
                }
                parts.push(cur);
                let names = parts.iter().filter_map(|p| arg.captures(p).map(|c| c[1].to_owned())).collect();
                out.push((id, names));
            }
        }
    }
    out
}

/// A `msg!` names exactly the arguments its message uses: a misspelt one would show as `{$x}`.
#[test]
fn every_msg_gives_its_message_the_arguments_it_uses() {
    let en = catalogue("en");
    let calls = msg_arguments();
    assert!(calls.len() > 200, "{} msg! calls found", calls.len());
    let wrong: Vec<String> = calls
        .iter()
        .filter(|(id, names)| en.get(id).is_some_and(|vars| vars != names))
        .map(|(id, names)| format!("{id}: gives {names:?}, uses {:?}", en[id]))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The fixed columns of the screens and the commands hold their longest words in both languages.
#[test]
fn the_fixed_columns_hold_their_words_in_both_languages() {
    use firehose_wizard::cloud::provision::{Done, Step};
    use firehose_wizard::plan::msg::Msg;
    use firehose_wizard::text::width;
    for lang in Lang::ALL {
        i18n::with(lang, || {
            let text = |id: &str| i18n::loader().get(id);
            let mut too_wide = Vec::new();
            let mut check = |what: &str, s: String, columns: usize| {
                if width(&s) > columns {
                    too_wide.push(format!("{what}: {s:?} is {} columns, the column {columns}", width(&s)));
                }
            };
            for spec in firehose_wizard::tui::wizard::FIELDS {
                check("field label", text(spec.label), 27);
            }
            for s in Step::ALL {
                check("step (progress, apply)", s.label().to_string(), 16);
            }
            for d in [Done::Created, Done::Reused, Done::Found, Done::Ok, Done::Skipped] {
                check("outcome (apply)", d.msg().to_string(), 8);
            }
            for id in ["progress-failed", "apply-retry", "apply-waiting"] {
                check("state (apply)", text(id), 8);
            }
            for id in ["app-in-flight", "app-failed"] {
                check("state (leaving)", text(id), 9);
            }
            for id in [
                "removal-deleted",
                "removal-gone",
                "removal-would-keep",
                "removal-would-delete",
                "removal-emptying",
                "removal-kept",
                "removal-failed",
            ] {
                check("removal (destroy)", text(id), 13);
            }
            for id in ["step-name-source", "step-process", "step-destination", "step-settings", "review-where-label"] {
                check("review group", text(id), 20);
            }
            for id in [
                "metric-read-from-kinesis",
                "metric-incoming",
                "metric-delivered",
                "metric-bytes",
                "metric-success",
                "metric-freshness",
                "metric-throttled-get-records",
                "metric-throttled",
            ] {
                check("metric label", text(id), 26);
            }
            for b in firehose_wizard::tui::keymap::BINDINGS {
                check("key (help)", b.label(), 13);
            }
            for n in [0, 59, 99] {
                check("age (watch)", Msg::new("watch-age-seconds").arg("n", n).to_string(), 10);
                check("age (watch)", Msg::new("watch-age-minutes").arg("n", n).to_string(), 10);
                check("age (watch)", Msg::new("watch-age-hours").arg("n", n).to_string(), 10);
            }
            assert!(too_wide.is_empty(), "{lang:?}: {too_wide:#?}");
        });
    }
}
