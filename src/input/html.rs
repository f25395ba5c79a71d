//! HTML reduced to plain text: blocks become paragraphs separated by blank
//! lines, list items become "• " lines, scripts, styles and comments vanish,
//! and character references are decoded. Tolerant of broken markup.

/// Text extracted from an HTML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// The text: paragraphs separated by blank lines.
    pub text: String,
    /// Contents of `<title>`, if any.
    pub title: Option<String>,
}

/// Cheap sniff: the payload starts with a tag or doctype we recognise.
pub fn looks_like_html(s: &str) -> bool {
    let head: String = s.chars().take(64).collect::<String>().to_ascii_lowercase();
    [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<article",
        "<p>",
        "<p ",
        "<div",
        "<h1",
        "<section",
    ]
    .iter()
    .any(|p| head.starts_with(p))
}

const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "figure",
    "figcaption",
    "ul",
    "ol",
    "table",
    "tr",
    "pre",
    "hr",
    "dl",
    "dt",
    "dd",
];
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "nav", "footer", "aside", "form",
    "button",
];

/// Reduce an HTML document (or fragment) to text and its title.
pub fn to_text(html: &str) -> Extracted {
    let mut out = String::with_capacity(html.len() / 2);
    let mut title: Option<String> = None;
    let mut in_title = false;
    let mut title_buf = String::new();
    let mut skip_until: Option<String> = None;
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(tag_start) = rest.strip_prefix('<') {
            if let Some(after) = tag_start.strip_prefix("!--") {
                rest = after.find("-->").map_or("", |i| &after[i + 3..]);
                continue;
            }
            let Some(end) = tag_start.find('>') else {
                break; // unterminated tag: drop the remainder
            };
            let inner = &tag_start[..end];
            rest = &tag_start[end + 1..];
            let closing = inner.starts_with('/');
            let name: String = inner
                .trim_start_matches('/')
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_lowercase();
            if let Some(skip) = &skip_until {
                if closing && &name == skip {
                    skip_until = None;
                }
                continue;
            }
            if name == "title" {
                in_title = !closing;
                if closing && title.is_none() {
                    title = Some(crate::text::collapse_ws(&title_buf)).filter(|t| !t.is_empty());
                }
                continue;
            }
            if !closing && SKIP.contains(&name.as_str()) && !inner.ends_with('/') {
                skip_until = Some(name);
                continue;
            }
            if name == "br" {
                out.push('\n');
            } else if name == "li" {
                line_break(&mut out);
                if !closing {
                    out.push_str("• ");
                }
            } else if BLOCK.contains(&name.as_str()) {
                paragraph_break(&mut out);
            } else if name == "td" || name == "th" {
                out.push(' ');
            }
            continue;
        }
        let next = rest.find('<').unwrap_or(rest.len());
        let chunk = &rest[..next];
        rest = &rest[next..];
        if skip_until.is_some() {
            continue;
        }
        let decoded = decode_entities(chunk);
        if in_title {
            title_buf.push_str(&decoded);
            continue;
        }
        push_inline(&mut out, &decoded);
    }
    let text = out
        .lines()
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n");
    Extracted {
        text: text.trim().to_string(),
        title,
    }
}

/// Append inline text, collapsing source whitespace (newlines in HTML are spaces).
fn push_inline(out: &mut String, s: &str) {
    for (i, piece) in s.split(|c: char| c.is_ascii_whitespace()).enumerate() {
        if i > 0 && !out.ends_with([' ', '\n']) && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(piece);
    }
}

fn line_break(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn paragraph_break(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if out.is_empty() || out.ends_with("\n\n") {
        return;
    }
    out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
}

/// Decode named (common subset) and numeric character references.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..]
            .find(|c: char| c == ';' || c == '&' || c.is_whitespace())
            .map(|e| e + 1);
        match end.filter(|&e| rest.as_bytes().get(e) == Some(&b';')) {
            Some(e) => {
                let name = &rest[1..e];
                if let Some(c) = entity(name) {
                    out.push(c);
                    rest = &rest[e + 1..];
                    continue;
                }
                out.push('&');
                rest = &rest[1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{00A0}',
        "mdash" => '\u{2014}',
        "ndash" => '\u{2013}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "ldquo" => '\u{201C}',
        "rdquo" => '\u{201D}',
        "hellip" => '\u{2026}',
        "bull" => '\u{2022}',
        "middot" => '\u{00B7}',
        "copy" => '\u{00A9}',
        "reg" => '\u{00AE}',
        "trade" => '\u{2122}',
        "euro" => '\u{20AC}',
        "pound" => '\u{00A3}',
        "deg" => '\u{00B0}',
        _ => return None,
    })
}
