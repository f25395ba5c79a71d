//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub(crate) mod cli;
pub(crate) mod collector;
pub(crate) mod kafka;
pub(crate) mod records;
pub(crate) mod redis;
pub(crate) mod schema;
