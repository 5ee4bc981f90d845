//! firehose-wizard: create an Amazon Data Firehose delivery stream, validated against AWS's rules first.
//!
//! Layers (imports point down only): `tui` (the wizard) → `cloud` (AWS) → `plan` (the domain, pure).

pub mod cloud;
pub mod plan;
pub mod tui;
