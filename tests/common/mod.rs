//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod kafka;
pub mod records;
pub mod schema;
