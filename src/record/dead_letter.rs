//! The dead-letter record: why the input was rejected, where it came from,
//! and what `newsflow replay` needs to send it again: the original bytes
//! (base64, bounded prefix), the exact key and the original headers.

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
    let headers: Vec<serde_json::Value> = source
        .headers
        .iter()
        .map(|(k, v)| match v.as_deref().map(std::str::from_utf8) {
            None => json!({ "key": k, "value": null }),
            Some(Ok(text)) => json!({ "key": k, "value": text }),
            Some(Err(_)) => json!({ "key": k, "value_base64": b64(v.as_deref().unwrap_or(&[])) }),
        })
        .collect();
    let mut value = json!({
        "reason": reason,
        "error": error,
        "stage": stage,
        "source": source,
        "content_type": raw.content_type,
        "payload": {
            "bytes": bytes.len(),
            "encoding": "base64",
            "truncated": keep < bytes.len(),
            "data": b64(&bytes[..keep]),
        },
        "headers": headers,
        "dead_lettered_at": rfc3339(Utc::now()),
        "newsflow_version": VERSION,
    });
    // The key's exact bytes, when `source.key` (lossy UTF-8) cannot restore them.
    if let Some(k) = &source.key_bytes {
        if std::str::from_utf8(k).is_err() {
            value["key_base64"] = json!(b64(k));
        }
    }
    serde_json::to_vec(&value).unwrap_or_default()
}

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}
