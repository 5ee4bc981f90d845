//! No credential in the log, the second guard: the log writer replaces every value of the credentials
//! it knows (access key ID, secret access key, session token) with [`MARK`]. The first guard is the log
//! filter of `main.rs`, which drops the SDK's events that carry credentials. The values come from the
//! environment at start-up ([`remember_environment`]) and from every set of credentials the SDK
//! resolves ([`remember`], called by `cloud::Cloud::connect`'s credentials provider); they are kept
//! here only, never printed or logged (no `Debug`), and only for as long as the process runs.

use std::borrow::Cow;
use std::io::Write;
use std::sync::RwLock;

/// What a credential's value is replaced with.
pub const MARK: &str = "** redacted **";

/// Shorter values are not redacted: they would hide ordinary words of the log (AWS's key IDs have 16
/// characters or more, secrets 40, session tokens hundreds).
const SHORTEST: usize = 8;

static VALUES: RwLock<Vec<Box<[u8]>>> = RwLock::new(Vec::new());

/// Redacts `value` from now on (a credential's value of 8 characters or more).
pub fn remember(value: &str) {
    let value = value.trim();
    if value.len() < SHORTEST {
        return;
    }
    let known = VALUES.read().map(|v| v.iter().any(|k| **k == *value.as_bytes())).unwrap_or(false);
    if !known && let Ok(mut v) = VALUES.write() {
        v.push(value.as_bytes().into());
        // the longest first: a value that holds another is replaced whole
        v.sort_by_key(|k| std::cmp::Reverse(k.len()));
    }
}

/// The environment's credentials (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`,
/// the variables the SDK reads), remembered before anything is logged.
pub fn remember_environment() {
    for var in ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"] {
        if let Ok(v) = std::env::var(var) {
            remember(&v);
        }
    }
}

/// `text` with every remembered value replaced by [`MARK`].
pub fn redact(text: &[u8]) -> Cow<'_, [u8]> {
    let Ok(values) = VALUES.read() else { return Cow::Borrowed(text) };
    let mut out = Cow::Borrowed(text);
    for v in values.iter() {
        if memchr::memmem::find(&out[..], &v[..]).is_none() {
            continue;
        }
        let mut next = Vec::with_capacity(out.len());
        let mut rest: &[u8] = &out;
        while let Some(i) = memchr::memmem::find(rest, &v[..]) {
            next.extend_from_slice(&rest[..i]);
            next.extend_from_slice(MARK.as_bytes());
            rest = &rest[i + v.len()..];
        }
        next.extend_from_slice(rest);
        out = Cow::Owned(next);
    }
    out
}

/// The log's writer: each event is gathered whole, then written redacted ([`redact`]) through the
/// writer `M` makes, its control and format characters escaped (`plan::escape`, new lines and tabs
/// kept) so that remote text an event holds cannot drive the terminal of whoever reads the log.
pub struct Redacting<M>(pub M);

impl<'a, M: tracing_subscriber::fmt::MakeWriter<'a>> tracing_subscriber::fmt::MakeWriter<'a> for Redacting<M> {
    type Writer = Event<M::Writer>;

    fn make_writer(&'a self) -> Self::Writer {
        Event { text: Vec::new(), out: self.0.make_writer() }
    }
}

/// One event's text, written redacted when it is dropped.
pub struct Event<W: Write> {
    text: Vec<u8>,
    out: W,
}

impl<W: Write> Write for Event<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.text.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<W: Write> Drop for Event<W> {
    fn drop(&mut self) {
        let redacted = redact(&self.text);
        let text = crate::plan::escape::escaped_lines(String::from_utf8_lossy(&redacted));
        let _ = self.out.write_all(text.as_bytes());
        let _ = self.out.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembered_values_never_reach_the_writer() {
        remember("AKIDREDACTTEST0001");
        remember("AKIDREDACTTEST0001-and-more");
        remember("short");
        let text = b"key=AKIDREDACTTEST0001 long=AKIDREDACTTEST0001-and-more twice AKIDREDACTTEST0001 short";
        assert_eq!(
            String::from_utf8_lossy(&redact(text)),
            format!("key={MARK} long={MARK} twice {MARK} short"),
            "the longest value first; a value under 8 characters is not redacted"
        );
        assert!(matches!(redact(b"nothing here"), Cow::Borrowed(_)));
        let mut sink = Vec::new();
        {
            let make = Redacting(std::sync::Mutex::new(&mut sink));
            let mut w = tracing_subscriber::fmt::MakeWriter::make_writer(&make);
            // one value split over two writes is still one value of the event
            w.write_all(b"a AKIDREDACT").unwrap();
            w.write_all("TEST0001 b \u{1b}[2J\u{202e}\tc\n".as_bytes()).unwrap();
        }
        assert_eq!(String::from_utf8_lossy(&sink), format!("a {MARK} b \\u{{1b}}[2J\\u{{202e}}\tc\n"), "and escaped");
    }
}
