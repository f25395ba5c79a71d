//! The dead-letter record: why the input was rejected, where it came from,
//! and the original bytes (base64, bounded prefix).

use base64::Engine;
use chrono::Utc;
use serde_json::json;

use super::{rfc3339, SourceInfo, VERSION};
use crate::input::RawInput;

/// Most original bytes a dead-letter record carries.
pub(super) const DEFAULT_PAYLOAD_PREFIX: usize = 64 * 1024;

/// The dead-letter record of one input: reason, error, failing stage, the
/// source, and the original payload (base64, up to 64 KiB).
pub fn dead_letter_record(
    reason: &str,
    error: &str,
    stage: Option<&str>,
    raw: &RawInput<'_>,
    source: &SourceInfo,
) -> Vec<u8> {
    let bytes = raw.payload.unwrap_or(&[]);
    let keep = bytes.len().min(DEFAULT_PAYLOAD_PREFIX);
    let value = json!({
        "reason": reason,
        "error": error,
        "stage": stage,
        "source": source,
        "content_type": raw.content_type,
        "payload": {
            "bytes": bytes.len(),
            "encoding": "base64",
            "truncated": keep < bytes.len(),
            "data": base64::engine::general_purpose::STANDARD.encode(&bytes[..keep]),
        },
        "dead_lettered_at": rfc3339(Utc::now()),
        "newsflow_version": VERSION,
    });
    serde_json::to_vec(&value).unwrap_or_default()
}
