//! Screens in both languages: a scenario runs once in English and once in Korean, its snapshots named
//! `NAME` and `NAME_ko`; a Korean screen may show no English sentence.

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

/// Fails when a Korean screen shows an English sentence (see [`english_runs`]).
pub fn check_language(name: &str, screen: &str, allowed: &[&str]) {
    if i18n::current() == Lang::Ko {
        let runs = english_runs(screen, allowed);
        assert!(runs.is_empty(), "{name}: English on a Korean screen: {runs:?}\n{screen}");
    }
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
