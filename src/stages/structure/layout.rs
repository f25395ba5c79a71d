//! The layout walk: one pass over the lines with a small phase machine
//! (Start → AfterSection → AfterHeadline → KeyPoints → Body).

use std::collections::HashSet;

use super::rules;
use super::{Boilerplate, Config, Dateline, Structure};
use crate::document::{Located, Span};
use crate::text::{self, Line};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Start,
    AfterSection,
    AfterHeadline,
    KeyPoints,
    Body,
}

/// A non-blank line with its trimmed span, normalised text and block info.
struct Item {
    span: Span,
    norm: String,
    /// True when a blank line (or the start) precedes this line.
    opens_block: bool,
    /// True when the raw line starts with a space or a tab.
    indented: bool,
}

fn items(text: &str) -> Vec<Item> {
    let mut out = Vec::new();
    let mut prev_blank = true;
    for line in text::lines(text) {
        if text::is_blank(line.text) {
            prev_blank = true;
            continue;
        }
        let span = text::trimmed_span(&Line {
            text: line.text,
            span: line.span,
        });
        out.push(Item {
            span,
            norm: text::normalise(span.slice(text)),
            opens_block: prev_blank,
            indented: line.text.starts_with([' ', '\t']),
        });
        prev_blank = false;
    }
    out
}

pub(super) fn analyse(text: &str, meta_title: Option<&str>, cfg: &Config) -> Structure {
    let items = items(text);
    let mut s = Structure::default();
    let mut phase = Phase::Start;
    let mut seen: HashSet<String> = HashSet::new();
    let mut widget_mode = false;
    // The paragraph being built: its start, end and text.
    let mut para: Option<(usize, usize, String)> = None;
    let title_norm = meta_title.map(|t| text::normalise(t).to_lowercase());

    let loc = |it: &Item, text: String| Located::new(text, it.span);
    // Copy that marks its paragraphs by indenting their first lines (wire
    // copy: "    The company said …" then lines wrapped flush left): there
    // a flush line continues its paragraph even after a full stop
    // ('… to cotton.' / 'Soybeans are dirt cheap," said Keefe'), and an
    // indented one opens the next.
    let indents_paragraphs = {
        let inner = || items.iter().filter(|it| !it.opens_block);
        inner().filter(|it| it.indented).count() >= 2 && inner().any(|it| !it.indented)
    };

    for (i, it) in items.iter().enumerate() {
        let norm = it.norm.as_str();
        let repeated = rules::word_count(norm) >= 3 && !seen.insert(norm.to_lowercase());
        let boiler = if let Some(reason) = rules::boilerplate(norm, &cfg.extra_boilerplate_prefixes)
        {
            widget_mode = reason == "video_or_related";
            Some(reason)
        } else if widget_mode && rules::widget_title(norm) {
            Some("video_widget")
        } else if repeated && phase == Phase::Body {
            Some("repeated")
        } else if i + 1 == items.len() && i > 0 && rules::sign_off(norm) {
            Some("sign_off")
        } else {
            widget_mode = false;
            None
        };
        if let Some(reason) = boiler {
            flush(&mut para, &mut s);
            s.boilerplate.push(Boilerplate {
                text: it.norm.clone(),
                start: it.span.start,
                end: it.span.end,
                reason,
            });
            continue;
        }
        if rules::credit(norm) {
            flush(&mut para, &mut s);
            s.credits.push(loc(it, norm.to_string()));
            continue;
        }
        if rules::strong_caption(norm) {
            flush(&mut para, &mut s);
            s.captions.push(loc(it, norm.to_string()));
            continue;
        }
        if phase == Phase::Start {
            let is_title = title_norm.as_deref() == Some(norm.to_lowercase().as_str());
            if is_title {
                s.headline = Some(loc(it, norm.to_string()));
                phase = Phase::AfterHeadline;
                continue;
            }
            let next = items.get(i + 1);
            let next_is_title =
                next.is_some_and(|n| title_norm.as_deref() == Some(n.norm.to_lowercase().as_str()));
            let alone = next.is_some_and(|n| n.opens_block);
            if alone
                && rules::section_like(norm)
                && next.is_some_and(|n| rules::headline_like(&n.norm, cfg.max_headline_words))
                && (meta_title.is_none() || next_is_title)
                && items.len() > 2
            {
                s.section = Some(loc(it, norm.to_string()));
                phase = Phase::AfterSection;
                continue;
            }
            phase = Phase::AfterSection;
        }
        if phase == Phase::AfterSection {
            if meta_title.is_none() && rules::headline_like(norm, cfg.max_headline_words) {
                s.headline = Some(loc(it, norm.to_string()));
                phase = Phase::AfterHeadline;
                continue;
            }
            phase = Phase::AfterHeadline;
        }
        if matches!(phase, Phase::AfterHeadline | Phase::KeyPoints) {
            if s.byline.is_none() && rules::byline(norm) {
                s.byline = Some(loc(it, norm.to_string()));
                continue;
            }
            if rules::key_point_heading(norm, &cfg.key_point_headings) {
                s.labels.push(loc(it, norm.to_string()));
                phase = Phase::KeyPoints;
                continue;
            }
            if let Some(marker) = rules::bullet_prefix(norm) {
                let raw = it.span.slice(text);
                let skip = raw.len()
                    - raw[raw.char_indices().nth(1).map_or(raw.len(), |(b, _)| b)..]
                        .trim_start()
                        .len();
                let span = Span::new(it.span.start + skip, it.span.end);
                s.key_points
                    .push(Located::new(norm[marker..].to_string(), span));
                phase = Phase::KeyPoints;
                continue;
            }
            let caption_slot =
                (phase == Phase::KeyPoints && !it.opens_block) || rules::weak_caption(norm);
            if caption_slot && !s.key_points.is_empty()
                || rules::weak_caption(norm) && s.paragraphs.is_empty()
            {
                s.captions.push(loc(it, norm.to_string()));
                continue;
            }
            phase = Phase::Body;
        }
        // Body: join hard-wrapped lines of one block into one paragraph.
        let continues = !it.opens_block
            && rules::bullet_prefix(norm).is_none()
            && para.as_ref().is_some_and(|(_, _, t)| {
                if indents_paragraphs {
                    return !it.indented;
                }
                !t.trim_end_matches(['"', '”', '’', ')'])
                    .ends_with(['.', '!', '?', ':'])
            });
        if continues {
            if let Some((_, end, t)) = para.as_mut() {
                *end = it.span.end;
                t.push(' ');
                t.push_str(norm);
            }
        } else {
            flush(&mut para, &mut s);
            para = Some((it.span.start, it.span.end, norm.to_string()));
        }
    }
    flush(&mut para, &mut s);
    s.dateline = s.paragraphs.first().and_then(|p| {
        let raw = p.span().slice(text);
        let parts = rules::dateline(raw)?;
        let span = Span::new(p.start, p.start + parts.len);
        Some(Dateline {
            text: text::normalise(span.slice(text)),
            start: span.start,
            end: span.end,
            location: parts.location,
            source: parts.source,
        })
    });
    s
}

fn flush(para: &mut Option<(usize, usize, String)>, s: &mut Structure) {
    if let Some((start, end, t)) = para.take() {
        s.paragraphs.push(Located::new(t, Span::new(start, end)));
    }
}
