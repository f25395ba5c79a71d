//! Reading data files that may be gzipped (the training, evaluation and
//! gazetteer data under ../shared mostly are).

use std::io::Read;
use std::path::Path;

/// The file's text; `.gz` files are decompressed. Invalid UTF-8 is replaced.
pub fn read_text(path: &Path) -> std::io::Result<String> {
    let bytes = std::fs::read(path)?;
    if path.extension().is_some_and(|e| e == "gz") {
        let mut s = String::new();
        flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut s)?;
        Ok(s)
    } else {
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }
}
