//! Two languages, English and Korean: Project Fluent catalogues (`i18n/en/firehose_wizard.ftl`,
//! `i18n/ko/firehose_wizard.ftl`) embedded in the binary, and the one place that renders a message in
//! the chosen language.
//!
//! - The screens and the commands use [`t!`](crate::t), which is i18n-embed-fl's `fl!`: a message id or
//!   an argument that the English catalogue lacks is a compile error.
//! - The layers below (`plan/`, `cloud/`) know no language: what they tell a person is a
//!   [`Msg`](crate::plan::msg::Msg), an id with its arguments, rendered here when it is shown (its
//!   `Display`). The catalogue test checks that every id they use exists in both languages.
//! - The language is chosen once at start-up ([`choose`]: `--lang`, else `LC_ALL`, `LC_MESSAGES`, `LANG`,
//!   else English). A thread may render in another language ([`with`]), which the tests use to draw
//!   the same screen in both.

use std::cell::Cell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed::{LanguageLoader, fluent::fluent_language_loader};
use rust_embed::RustEmbed;

use crate::plan::msg::{Arg, Msg};

#[derive(RustEmbed)]
#[folder = "i18n/"]
struct Catalogues;

/// The languages the program speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Ko,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// `ko`, `ko_KR.UTF-8`, `ko-KR` are Korean; `en...`, `C`, `POSIX` English; anything else is not
    /// known.
    pub fn from_locale(value: &str) -> Option<Lang> {
        let lang = value.split(['_', '-', '.', '@']).next().unwrap_or_default().to_ascii_lowercase();
        match lang.as_str() {
            "ko" => Some(Lang::Ko),
            "en" | "c" | "posix" => Some(Lang::En),
            _ => None,
        }
    }
}

/// The language of `--lang`, else of the first set of `LC_ALL`, `LC_MESSAGES`, `LANG` (as every Unix
/// program chooses), else English. `env` reads a variable (the process environment, or a test's).
pub fn choose(flag: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
    if let Some(l) = flag {
        return l;
    }
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(v) = env(var).filter(|v| !v.is_empty()) {
            // the first variable that is set decides, as POSIX says, even for a language not spoken here
            return Lang::from_locale(&v).unwrap_or(Lang::En);
        }
    }
    Lang::En
}

static CHOSEN: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static OVERRIDE: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Sets the program's language (once, at start-up).
pub fn set(lang: Lang) {
    CHOSEN.store(lang as u8, Ordering::Relaxed);
}

/// The language messages are rendered in on this thread.
pub fn current() -> Lang {
    OVERRIDE.with(|o| o.get()).unwrap_or(if CHOSEN.load(Ordering::Relaxed) == Lang::Ko as u8 {
        Lang::Ko
    } else {
        Lang::En
    })
}

/// `d` in English, whatever the language: for the log, which stays English for bug reports.
pub fn in_english(d: &impl std::fmt::Display) -> String {
    with(Lang::En, || d.to_string())
}

/// Runs `f` with this thread rendering in `lang`.
pub fn with<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    let before = OVERRIDE.with(|o| o.replace(Some(lang)));
    let out = f();
    OVERRIDE.with(|o| o.set(before));
    out
}

fn loaders() -> &'static [FluentLanguageLoader; 2] {
    static LOADERS: OnceLock<[FluentLanguageLoader; 2]> = OnceLock::new();
    LOADERS.get_or_init(|| {
        let base: FluentLanguageLoader = fluent_language_loader!();
        let ids: Vec<unic_langid::LanguageIdentifier> =
            Lang::ALL.iter().map(|l| l.code().parse().expect("a language id")).collect();
        base.load_languages(&Catalogues, &ids).expect("the embedded catalogues load");
        // no Unicode isolation marks around arguments: a terminal would show them as gaps
        base.set_use_isolating(false);
        [base.select_languages(&ids[..1]), base.select_languages(&ids[1..])]
    })
}

/// The loader of the current language (for `t!`).
pub fn loader() -> &'static FluentLanguageLoader {
    &loaders()[current() as usize]
}

/// A message of the lower layers, in the current language. Its text arguments are shown escaped
/// (`crate::plan::escape`: a value from AWS or a file cannot drive the terminal); a message argument is
/// rendered as a message, its own line breaks kept.
pub fn render(m: &Msg) -> String {
    let l = loader();
    if m.args.is_empty() {
        return l.get(m.id);
    }
    let args = m
        .args
        .iter()
        .map(|(k, v)| {
            let v: fluent::FluentValue = match v {
                Arg::Text(s) => crate::plan::escape::escaped(s.as_str().into()).into_owned().into(),
                Arg::Number(n) => (*n).into(),
                Arg::Msg(inner) => render(inner).into(),
            };
            (*k, v)
        })
        .collect();
    l.get_args_concrete(m.id, args)
}

impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&render(self))
    }
}

impl std::fmt::Display for crate::plan::validate::Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let id = match self.severity {
            crate::plan::validate::Severity::Error => "problem-error",
            crate::plan::validate::Severity::Warning => "problem-warning",
        };
        f.write_str(&render(&Msg::new(id).arg("path", self.path).arg("message", self.message.clone())))
    }
}

/// An argument of `t!` as Fluent takes it: text escaped as [`render`] escapes a [`Msg`]'s (one line;
/// a message that shows lines of text puts them after it, never in an argument), numbers as they are.
pub fn arg<'a>(value: impl Into<fluent::FluentValue<'a>>) -> fluent::FluentValue<'a> {
    match value.into() {
        fluent::FluentValue::String(s) => fluent::FluentValue::String(crate::plan::escape::escaped(s)),
        other => other,
    }
}

/// A message of the catalogue in the current language: `t!("id")`, `t!("id", name = value)`. The id
/// and the argument names are checked against the English catalogue when the program is built; text
/// arguments are shown escaped ([`arg`]).
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        i18n_embed_fl::fl!($crate::i18n::loader(), $id)
    };
    // each value through `arg`: fl! appends `.into()` to it (a FluentValue already)
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        i18n_embed_fl::fl!($crate::i18n::loader(), $id, $($name = ($crate::i18n::arg($value))),+)
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_chosen_as_unix_programs_choose_it() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
        };
        assert_eq!(choose(None, env(&[])), Lang::En);
        assert_eq!(choose(None, env(&[("LANG", "ko_KR.UTF-8")])), Lang::Ko);
        assert_eq!(choose(None, env(&[("LANG", "ko")])), Lang::Ko);
        assert_eq!(choose(None, env(&[("LANG", "ko_KR.UTF-8"), ("LC_ALL", "C")])), Lang::En, "LC_ALL first");
        assert_eq!(choose(None, env(&[("LANG", "en_US.UTF-8"), ("LC_MESSAGES", "ko_KR")])), Lang::Ko);
        assert_eq!(choose(None, env(&[("LC_ALL", ""), ("LANG", "ko-KR")])), Lang::Ko, "an empty one is not set");
        assert_eq!(choose(None, env(&[("LANG", "fr_FR.UTF-8")])), Lang::En, "a language not spoken here");
        assert_eq!(choose(Some(Lang::En), env(&[("LANG", "ko_KR.UTF-8")])), Lang::En, "--lang wins");
    }

    #[test]
    fn a_thread_renders_in_its_own_language() {
        let en = with(Lang::En, || t!("lang-name"));
        let ko = with(Lang::Ko, || t!("lang-name"));
        assert_eq!((en.as_str(), ko.as_str()), ("English", "한국어"));
        let m = crate::plan::msg::Msg::new("test-arguments").arg("name", "retail-trans").arg("count", 3);
        assert_eq!(with(Lang::En, || m.to_string()), "retail-trans: 3 records");
        assert_eq!(with(Lang::Ko, || m.to_string()), "retail-trans: 레코드 3개");
    }
}
