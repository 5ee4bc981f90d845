//! firehose-wizard: create an Amazon Data Firehose delivery stream, validated against AWS's rules first.
//!
//! Layers (imports point down only): `cloud` (AWS) → `plan` (the domain, pure).

pub mod cloud;
pub mod plan;
