//! firehose-wizard: create an Amazon Data Firehose delivery stream, validated against AWS's rules first.
//!
//! Layers (imports point down only): `tui` (the wizard and the watch view) and `cli` (the commands), with
//! `report` (results as text) → `cloud` (AWS) → `plan` (the domain, pure).

// the macros first: `t!` (a catalogue message in the current language) and `msg!` (a message of the
// lower layers, rendered later), textually before every module that uses them
#[macro_use]
pub mod i18n;
#[macro_use]
pub mod plan;
pub mod cli;
pub mod cloud;
pub mod export;
pub mod redact;
pub mod report;
pub mod state;
pub mod text;
pub mod tui;

/// The text of a panic's payload (`panic!`'s message), for the log and the screen.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown".into())
}

/// firehose-wizard's own directory under the XDG state directory (`~/.local/state/firehose-wizard`, or
/// the cache directory where there is no state directory): the log, the journals and the wizard's plans,
/// private to the user ([`state`]).
pub fn state_dir() -> Option<std::path::PathBuf> {
    Some(dirs::state_dir().or_else(dirs::cache_dir)?.join("firehose-wizard"))
}
