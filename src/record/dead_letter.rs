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

/// The dead letter `record` without its payload bytes, for when the broker
/// refused the full one (`refusal`): the reason, source, key and headers
/// stay, `payload.truncated` is true and `payload.data` empty, so
/// `newsflow replay` reads the payload from the source offset.
pub fn minimal_dead_letter(record: &[u8], refusal: &str) -> Vec<u8> {
    let Ok(mut v) = serde_json::from_slice::<serde_json::Value>(record) else {
        return record.to_vec();
    };
    v["payload"]["data"] = json!("");
    v["payload"]["truncated"] = json!(true);
    // Headers can be what made it large; keep them only if small.
    if v["headers"].to_string().len() > 4096 {
        v["headers"] = json!([]);
    }
    let error = v["error"].as_str().unwrap_or("").to_string();
    v["error"] = json!(format!(
        "{error} (payload omitted: the full dead-letter record was refused: {refusal})"
    ));
    serde_json::to_vec(&v).unwrap_or_else(|_| record.to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_dead_letter_keeps_all_but_the_payload_bytes() {
        let raw = RawInput::new(b"x");
        let source = SourceInfo {
            topic: Some("in".into()),
            partition: Some(1),
            offset: Some(7),
            headers: vec![("trace".into(), Some(b"t1".to_vec()))],
            ..SourceInfo::default()
        };
        let full = dead_letter_record("empty", "no text", None, &raw, &source);
        let min: serde_json::Value =
            serde_json::from_slice(&minimal_dead_letter(&full, "MessageSizeTooLarge")).unwrap();
        assert_eq!(min["payload"]["data"], "");
        assert_eq!(min["payload"]["truncated"], true);
        assert_eq!(min["payload"]["bytes"], 1);
        assert_eq!(min["source"]["offset"], 7);
        assert_eq!(min["headers"][0]["value"], "t1");
        assert!(min["error"]
            .as_str()
            .unwrap()
            .contains("MessageSizeTooLarge"));
    }
}
