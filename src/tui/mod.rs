//! The terminal wizard: five screens over the Plan, drawn with ratatui, and the watch view of a stream. It never calls the SDK itself:
//! `wizard::update` asks for effects, `app` runs them through the `cloud` layer.

pub mod app;
pub mod export_view;
pub mod keymap;
pub mod screens;
pub mod theme;
pub mod watch;
pub mod widgets;
pub mod wizard;
