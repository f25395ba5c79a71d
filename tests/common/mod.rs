//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod kafka;
pub mod schema;
