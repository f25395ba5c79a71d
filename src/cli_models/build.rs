//! `build-gazetteer`, `build-lexicon`, `build-first-names`: data files
//! rebuilt from their sources.

use std::path::Path;

use anyhow::{Context, Result};
use newsflow::gazetteer::{self, Gazetteer};

pub(crate) fn build_gazetteer(from: &Path, out: &Path) -> Result<()> {
    // The alternate names of big cities are chosen with the tagger's word
    // clusters and the first-name list as built into this binary.
    let alternates = gazetteer::alternates::Lookups::parse(
        newsflow::ner::clusters::EMBEDDED,
        newsflow::nlp::gender::EMBEDDED,
    );
    let tsv = gazetteer::build::build(from, &alternates)
        .with_context(|| format!("building the gazetteer from {}", from.display()))?;
    let g = Gazetteer::parse(&tsv)?;
    std::fs::write(out, &tsv).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "wrote {} ({} entries, {} bytes)",
        out.display(),
        g.entries.len(),
        tsv.len()
    );
    Ok(())
}

pub(crate) fn build_lexicon(from: &Path, out: &Path) -> Result<()> {
    write_table(out, &gazetteer::build::build_vader(from)?, "entries")
}

pub(crate) fn build_first_names(from: &Path, faker: Option<&Path>, out: &Path) -> Result<()> {
    write_table(out, &gazetteer::names::build_first_names(from, faker)?, "names")
}

/// Write a one-header-line table and say how many rows it has.
fn write_table(out: &Path, tsv: &str, rows: &str) -> Result<()> {
    std::fs::write(out, tsv).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "wrote {} ({} {rows})",
        out.display(),
        tsv.lines().count().saturating_sub(1)
    );
    Ok(())
}
