//! Data-driven decoding tests: each case is (payload, content type, expected outcome).

use super::*;

const LIMIT: usize = 4096;

fn raw<'a>(payload: &'a [u8], ct: Option<&'a str>) -> RawInput<'a> {
    RawInput::new(payload)
        .content_type(ct)
        .timestamp_ms(Some(1_578_200_000_000))
        .max_bytes(LIMIT)
}

/// Expect a decode error with the given reason code.
fn check_err(payload: &[u8], ct: Option<&str>, reason: &str) {
    match decode(&raw(payload, ct)) {
        Err(e) => assert_eq!(
            e.reason(),
            reason,
            "payload {:?}: {e}",
            String::from_utf8_lossy(payload)
        ),
        Ok(d) => panic!(
            "payload {:?} decoded to {:?}, expected {reason}",
            String::from_utf8_lossy(payload),
            d.format
        ),
    }
}

/// Expect a document of `format` whose text contains `text_has`.
fn check_ok(payload: &str, ct: Option<&str>, format: InputFormat, text_has: &str) -> Article {
    let d = decode(&raw(payload.as_bytes(), ct)).unwrap_or_else(|e| panic!("{payload:?}: {e}"));
    assert_eq!(d.format, format, "{payload:?}");
    assert!(
        d.text.contains(text_has),
        "text {:?} lacks {text_has:?}",
        d.text
    );
    d
}

#[test]
fn rejections() {
    check_err(b"", None, "empty");
    check_err(b"   \n\t \xc2\xa0 ", None, "empty");
    check_err(b"caf\xe9 au lait", None, "invalid_utf8");
    check_err(&vec![b'a'; LIMIT + 1], None, "too_large");
    check_err(b"{\"title\": \"x\", ", None, "malformed_json");
    check_err(b"{\"title\": 3, \"body\": \"x\"}", None, "invalid_document");
    check_err(b"{\"title\": \"no body\"}", None, "invalid_document");
    check_err(b"[1,2,3]", None, "invalid_document");
    check_err(
        b"{\"body\": \"x\", \"published_at\": \"last tuesday\"}",
        None,
        "invalid_document",
    );
    check_err(b"{\"body\": \"   \"}", None, "empty");
    check_err(
        b"plain but declared json",
        Some("application/json"),
        "malformed_json",
    );
}

#[test]
fn plain_text() {
    let d = check_ok(
        "World\n\nHeadline here\n\nBody.",
        None,
        InputFormat::PlainText,
        "Headline here",
    );
    assert_eq!(d.meta.published_basis, Some("message_timestamp"));
    // A BOM is dropped.
    check_ok(
        "\u{FEFF}Body text",
        None,
        InputFormat::PlainText,
        "Body text",
    );
    // Declared text/plain wins over sniffing.
    check_ok(
        "{not json at all",
        Some("text/plain; charset=utf-8"),
        InputFormat::PlainText,
        "{not json",
    );
}

#[test]
fn envelope() {
    let d = check_ok(
        r#"{"id": 42, "url": "https://ex.com/a", "source": {"name": "Wire", "feed": "x"},
            "published_at": "2020-01-05T10:00:00+01:00", "title": "T", "body": "Body text.",
            "language": "en", "desk": "world"}"#,
        None,
        InputFormat::JsonEnvelope,
        "Body text.",
    );
    assert_eq!(d.meta.id.as_deref(), Some("42"));
    assert_eq!(d.meta.source.as_deref(), Some("Wire"));
    assert_eq!(
        d.meta.published_at.unwrap().to_rfc3339(),
        "2020-01-05T09:00:00+00:00"
    );
    assert_eq!(d.meta.published_basis, Some("payload"));
    assert_eq!(
        d.meta.extra.get("desk").and_then(|v| v.as_str()),
        Some("world")
    );
    assert_eq!(d.meta.extra["source"]["feed"], "x");
    // html member is reduced to text; epoch milliseconds are accepted.
    let d = check_ok(
        r#"{"html": "<p>One &amp; two</p><p>Three</p>", "published_at": 1578218400000}"#,
        None,
        InputFormat::JsonEnvelope,
        "One & two\n\nThree",
    );
    assert_eq!(
        d.meta.published_at.unwrap().to_rfc3339(),
        "2020-01-05T10:00:00+00:00"
    );
}

#[test]
fn ninjs() {
    let d = check_ok(
        r#"{"uri": "urn:x:1", "versioncreated": "2020-01-05T12:00:00Z", "language": "en",
            "headlines": [{"role": "sub", "value": "S"}, {"role": "main", "value": "Main"}],
            "bodies": [{"role": "main", "contenttype": "text/html", "value": "<p>Hello <b>world</b></p>"}],
            "urgency": 3}"#,
        None,
        InputFormat::Ninjs,
        "Hello world",
    );
    assert_eq!(d.meta.id.as_deref(), Some("urn:x:1"));
    assert_eq!(d.meta.title.as_deref(), Some("Main"));
    assert_eq!(d.meta.extra["urgency"], 3);
    check_ok(
        r#"{"uri":"u","bodies":[{"value":"Plain body"}]}"#,
        Some("application/ninjs+json"),
        InputFormat::Ninjs,
        "Plain body",
    );
    // Feeds declare ninjs as plain application/json too.
    check_ok(
        r#"{"uri":"u","bodies":[{"value":"Plain body"}]}"#,
        Some("application/json"),
        InputFormat::Ninjs,
        "Plain body",
    );
    // An envelope that happens to carry ninjs-like keys stays an envelope.
    check_ok(
        r#"{"uri":"u","headlines":[],"body":"Envelope body"}"#,
        Some("application/json"),
        InputFormat::JsonEnvelope,
        "Envelope body",
    );
}

#[test]
fn html_sniffed() {
    let d = check_ok(
        "<!DOCTYPE html><html><head><title>Page &amp; title</title><style>p{}</style></head>\
         <body><h1>Head</h1><script>var x = '<p>';</script><p>First\n para</p><ul><li>a</li><li>b</li></ul>\
         <!-- c --><p>x&nbsp;y &#8212; z &#x2019;</p></body></html>",
        None,
        InputFormat::Html,
        "Head\n\nFirst para\n\n• a\n• b\n\nx\u{a0}y \u{2014} z \u{2019}",
    );
    assert_eq!(d.meta.title.as_deref(), Some("Page & title"));
}

#[test]
fn entities_tolerate_junk() {
    assert_eq!(
        html::decode_entities("a & b &bogus; &#xZZ; &#0; &amp"),
        "a & b &bogus; &#xZZ; &#0; &amp"
    );
}

#[test]
fn character_references_in_text_are_decoded() {
    // Left in by CMS exports: names and quotes read as written.
    let d = check_ok(
        r#"{"title": "Carnival in S&#227;o Paulo", "text": "Crowds filled S&#227;o Paulo. R&amp;D &quot;grew&quot;, AT&T said."}"#,
        None,
        InputFormat::JsonEnvelope,
        "Crowds filled São Paulo. R&D \"grew\", AT&T said.",
    );
    assert_eq!(d.meta.title.as_deref(), Some("Carnival in São Paulo"));
    check_ok(
        "Crowds filled S&#227;o Paulo on Sunday.",
        Some("text/plain"),
        InputFormat::PlainText,
        "Crowds filled São Paulo on Sunday.",
    );
    check_ok(
        r#"{"uri": "urn:x:1", "type": "text", "headlines": [{"role": "main", "value": "S&#227;o Paulo"}], "bodies": [{"role": "main", "contenttype": "text/plain", "value": "Crowds filled S&#xE3;o Paulo."}]}"#,
        Some("application/ninjs+json"),
        InputFormat::Ninjs,
        "Crowds filled São Paulo.",
    );
}
