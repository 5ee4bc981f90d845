//! Screens in both languages: a scenario runs once in English and once in Korean, its snapshots named
//! `NAME` and `NAME_ko`; a Korean screen may show no English sentence.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use firehose_wizard::i18n::{self, Lang};

/// Runs `test` in English, then in Korean (messages render in the language of the thread).
pub fn each_language(test: impl Fn()) {
    for lang in Lang::ALL {
        i18n::with(lang, &test);
    }
}

/// The snapshot's name in the current language.
pub fn snap_name(name: &str) -> String {
    match i18n::current() {
        Lang::En => name.to_owned(),
        Lang::Ko => format!("{name}_ko"),
    }
}

/// Runs of three or more English words (`the delivery stream name`), where a word is lower-case
/// letters, or one capital and lower-case letters; technical names (`Amazon Data Firehose`, `OpenX
/// JSON`, `Ctrl-C`, keys, JSON, ARNs) break a run. `allowed` are texts shown as AWS sent them.
pub fn english_runs(screen: &str, allowed: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for line in screen.lines() {
        let mut run: Vec<&str> = Vec::new();
        let flush = |run: &mut Vec<&str>, out: &mut Vec<String>| {
            // two capitals in a run (`Amazon Data`) make it a name, not a sentence; AWS's own words
            // (which may wrap onto the next line) are shown as it said them
            let capitals = run.iter().filter(|w| w.starts_with(|c: char| c.is_ascii_uppercase())).count();
            let text = run.join(" ");
            if run.len() >= 3 && capitals <= 1 && !allowed.iter().any(|a| a.contains(&text)) {
                out.push(text);
            }
            run.clear();
        };
        for word in line.split(' ') {
            let w = word.trim_end_matches([',', ';', ':', '.', ')']).trim_start_matches('(');
            let english = w.len() >= 2
                && w.chars().enumerate().all(|(i, c)| c.is_ascii_lowercase() || (i == 0 && c.is_ascii_uppercase()))
                && w.chars().any(|c| c.is_ascii_lowercase());
            if english && w.len() == word.len() {
                run.push(w);
            } else if english {
                // punctuation ends the run after this word
                run.push(w);
                flush(&mut run, &mut out);
            } else {
                flush(&mut run, &mut out);
            }
        }
        flush(&mut run, &mut out);
    }
    out
}

/// The literal text of every message of a catalogue, by id (placeables left out, select variants
/// included), each piece of text between two placeables on its own.
fn catalogue_texts(lang: &str) -> BTreeMap<String, Vec<String>> {
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
    fn walk(p: &Pattern<&str>, out: &mut Vec<String>) {
        for e in &p.elements {
            match e {
                PatternElement::TextElement { value } => out.push((*value).to_owned()),
                PatternElement::Placeable { expression } => {
                    if let Expression::Select { variants, .. } = expression {
                        for v in variants {
                            walk(&v.value, out);
                        }
                    } else if let Expression::Inline(InlineExpression::StringLiteral { value }) = expression {
                        out.push((*value).to_owned());
                    }
                    out.push("\u{0}".into());
                }
            }
        }
    }
    let path = format!("{}/i18n/{lang}/firehose_wizard.ftl", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    let resource = fluent_syntax::parser::parse(text.as_str()).unwrap_or_else(|(_, e)| panic!("{e:?}"));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        if let Entry::Message(m) = entry
            && let Some(p) = &m.value
        {
            let mut pieces = Vec::new();
            walk(p, &mut pieces);
            let joined = pieces.concat();
            out.insert(m.id.name.to_owned(), joined.split('\u{0}').map(str::to_owned).collect());
        }
    }
    out
}

/// Runs of two or more English words of the English catalogue (`delivery stream name`) that the
/// Korean message of the same id does not also contain (names such as `Apache Parquet` do): what
/// a Korean screen must never show.
pub fn english_fragments() -> &'static [String] {
    static FRAGMENTS: OnceLock<Vec<String>> = OnceLock::new();
    FRAGMENTS.get_or_init(|| {
        let (en, ko) = (catalogue_texts("en"), catalogue_texts("ko"));
        let run = regex_lite::Regex::new(r"[A-Za-z][a-z']*(?: [A-Za-z][a-z']*)+").unwrap();
        let mut out = BTreeSet::new();
        for (id, pieces) in &en {
            let korean = ko.get(id).map(|k| k.concat()).unwrap_or_default();
            for piece in pieces {
                for m in run.find_iter(piece) {
                    let f = m.as_str();
                    if f.len() >= 8 && !korean.contains(f) {
                        out.insert(f.to_owned());
                    }
                }
            }
        }
        out.into_iter().collect()
    })
}

/// Fails when a Korean screen shows an English sentence (see [`english_runs`]) or a piece of an
/// English message (see [`english_fragments`]); `allowed` are what AWS said, shown as it said it.
pub fn check_language(name: &str, screen: &str, allowed: &[&str]) {
    if i18n::current() == Lang::Ko {
        let runs = english_runs(screen, allowed);
        assert!(runs.is_empty(), "{name}: English on a Korean screen: {runs:?}\n{screen}");
        let mut rest = screen.to_owned();
        for a in allowed {
            rest = rest.replace(a, " ");
        }
        // a piece AWS's own words also hold may be those words cut at the screen's edge
        let found: Vec<&String> = english_fragments()
            .iter()
            .filter(|f| contains_words(&rest, f) && !allowed.iter().any(|a| a.contains(f.as_str())))
            .collect();
        assert!(found.is_empty(), "{name}: English messages on a Korean screen: {found:?}\n{screen}");
    }
}

/// [`check_language`] of a Korean text whatever this thread speaks (the output of a Korean run of
/// the binary).
pub fn assert_korean(name: &str, text: &str, allowed: &[&str]) {
    i18n::with(Lang::Ko, || check_language(name, text, allowed));
}

/// Whether `text` holds `words` as whole words (not inside a longer word or an identifier).
fn contains_words(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + words.len()..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| !c.is_ascii_alphanumeric() && c != '_' && c != '-');
        edge(before) && edge(after)
    })
}

/// `insta::assert_snapshot!` in the current language, after [`check_language`].
#[macro_export]
macro_rules! snap {
    ($name:expr, $text:expr) => {
        $crate::snap!($name, $text, &[])
    };
    ($name:expr, $text:expr, $allowed:expr) => {{
        let text: String = $text;
        $crate::common::lang::check_language($name, &text, $allowed);
        insta::assert_snapshot!($crate::common::lang::snap_name($name), text);
    }};
}

#[test]
fn english_runs_find_sentences_and_leave_names() {
    let screen = "! the delivery stream name may contain only\n Amazon Data Firehose · OpenX JSON · Ctrl-C 종료\n 이름: retail-trans · Kinesis 데이터 스트림";
    assert_eq!(english_runs(screen, &[]), vec!["the delivery stream name may contain only"]);
    assert!(
        english_runs(
            "AWS said: The requested bucket name is not available.",
            &["The requested bucket name is not available."]
        )
        .is_empty()
    );
}
