//! What the domain tells a person, without knowing their language: a message id of the catalogues
//! (`i18n/*/firehose_wizard.ftl`) and its arguments. The layer that shows it renders it (`crate::i18n`
//! gives it `Display`).

/// An argument of a message.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    /// A number (Fluent chooses plural forms by it).
    Number(f64),
    /// A message of its own (a noun like "the delivery stream name"), rendered in the same language.
    Msg(Box<Msg>),
}

// the numbers of messages are counts and sizes, never NaN
impl Eq for Arg {}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Arg {
        Arg::Msg(Box::new(m))
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}
impl From<char> for Arg {
    fn from(c: char) -> Arg {
        Arg::Text(c.to_string())
    }
}
macro_rules! numbers {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(n as f64)
            }
        }
    )*};
}
numbers!(i32, i64, u32, u64, usize, f64);

/// A message: an id of the catalogues and its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Msg {
    pub fn new(id: &'static str) -> Msg {
        Msg { id, args: Vec::new() }
    }

    /// Text shown as it is, in every language: what AWS or a library said, a value.
    pub fn text(text: impl Into<String>) -> Msg {
        Msg::new("text").arg("text", text.into())
    }

    /// An I/O error in words: the common kinds from the catalogues, the rest as the system says it.
    pub fn io(e: &std::io::Error) -> Msg {
        Msg::io_kind(e.kind(), &e.to_string())
    }

    /// [`Msg::io`] of an error kept as its kind and text.
    pub fn io_kind(kind: std::io::ErrorKind, text: &str) -> Msg {
        use std::io::ErrorKind as K;
        let id = match kind {
            K::NotFound => "io-not-found",
            K::PermissionDenied => "io-permission-denied",
            K::IsADirectory => "io-is-a-directory",
            K::NotADirectory => "io-not-a-directory",
            K::AlreadyExists => "io-already-exists",
            K::ReadOnlyFilesystem => "io-read-only",
            K::StorageFull => "io-storage-full",
            _ => return Msg::text(text),
        };
        // English shows the system's words as they are; Korean says it in its own
        Msg::new(id).arg("text", text)
    }

    /// The text of a [`Msg::text`], else `None`.
    pub fn as_text(&self) -> Option<&str> {
        match (self.id, self.args.first()) {
            ("text", Some((_, Arg::Text(t)))) => Some(t),
            _ => None,
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Msg {
        self.args.push((name, value.into()));
        self
    }
}

/// `msg!("id")`, `msg!("id", name = value, ...)`: a [`Msg`].
#[macro_export]
macro_rules! msg {
    ($id:literal) => {
        $crate::plan::msg::Msg::new($id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::plan::msg::Msg::new($id)$(.arg(stringify!($name), $value))+
    };
}
