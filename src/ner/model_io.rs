//! The binary model format: magic, label count, scale, then (feature hash,
//! quantised weights) records sorted by hash. Little-endian throughout.

use super::{NerModel, Weights, N_LABELS};

const MAGIC: &[u8; 8] = b"NFNER\x00\x00\x02";
/// Version 1 had no name memory; such files still load (with none).
const MAGIC_V1: &[u8; 8] = b"NFNER\x00\x00\x01";

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("NER model is empty: build it with `newsflow train ner` (see models/ner.md)")]
    Empty,
    #[error("not a newsflow NER model (bad magic or truncated at byte {0})")]
    Corrupt(usize),
}

pub fn write(model: &NerModel) -> Vec<u8> {
    let max = model
        .weights
        .values()
        .flat_map(|w| w.iter())
        .fold(0f32, |m, v| m.max(v.abs()))
        .max(1e-9);
    let scale = max / f32::from(i16::MAX);
    let mut keys: Vec<&u64> = model.weights.keys().collect();
    keys.sort_unstable();
    let mut out = Vec::with_capacity(16 + keys.len() * (8 + 2 * N_LABELS));
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(N_LABELS as u32).to_le_bytes());
    out.extend_from_slice(&scale.to_le_bytes());
    out.extend_from_slice(&(keys.len() as u64).to_le_bytes());
    for k in keys {
        out.extend_from_slice(&k.to_le_bytes());
        for w in &model.weights[k] {
            out.extend_from_slice(&((w / scale).round() as i16).to_le_bytes());
        }
    }
    model.names.write(&mut out);
    out
}

pub fn read(bytes: &[u8]) -> Result<NerModel, ModelError> {
    if bytes.is_empty() {
        return Err(ModelError::Empty);
    }
    let take = |at: usize, n: usize| bytes.get(at..at + n).ok_or(ModelError::Corrupt(at));
    let v1 = take(0, 8)? == MAGIC_V1;
    if take(0, 8)? != MAGIC && !v1 {
        return Err(ModelError::Corrupt(0));
    }
    let labels = u32::from_le_bytes(take(8, 4)?.try_into().expect("4 bytes")) as usize;
    if labels != N_LABELS {
        return Err(ModelError::Corrupt(8));
    }
    let scale = f32::from_le_bytes(take(12, 4)?.try_into().expect("4 bytes"));
    let n = u64::from_le_bytes(take(16, 8)?.try_into().expect("8 bytes")) as usize;
    let mut weights = super::features::FeatureMap::with_capacity_and_hasher(n, Default::default());
    let mut at = 24;
    for _ in 0..n {
        let k = u64::from_le_bytes(take(at, 8)?.try_into().expect("8 bytes"));
        at += 8;
        let mut w: Weights = [0.0; N_LABELS];
        for v in w.iter_mut() {
            *v = f32::from(i16::from_le_bytes(
                take(at, 2)?.try_into().expect("2 bytes"),
            )) * scale;
            at += 2;
        }
        weights.insert(k, w);
    }
    let names = if v1 {
        super::names::Names::default()
    } else {
        super::names::Names::read(bytes, at)
            .map_err(ModelError::Corrupt)?
            .0
    };
    Ok(NerModel { weights, names })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::names::Names;

    fn model(names: Names) -> NerModel {
        let mut weights = crate::ner::features::FeatureMap::default();
        weights.insert(7, [0.5; N_LABELS]);
        weights.insert(3, [-1.0; N_LABELS]);
        NerModel { weights, names }
    }

    #[test]
    fn round_trip_and_version_1() {
        let mut names = Names::default();
        names.counts.insert(42, [1, 0, 0, 2]);
        let m = model(names.clone());
        let bytes = write(&m);
        let back = read(&bytes).expect("v2 reads");
        assert_eq!(back.weights.len(), 2);
        assert!((back.weights[&7][0] - 0.5).abs() < 1e-3);
        assert_eq!(back.names, names);
        // A version-1 file is the same without the name section.
        let mut v1 = write(&model(Names::default()));
        v1[..8].copy_from_slice(MAGIC_V1);
        v1.truncate(v1.len() - 16); // the two empty name-section counts
        let old = read(&v1).expect("v1 reads");
        assert!(old.names.is_empty());
        assert_eq!(old.weights.len(), 2);
        // Truncated or foreign bytes are errors, not panics.
        assert!(read(&bytes[..bytes.len() - 3]).is_err());
        assert!(read(b"not a model at all").is_err());
        assert!(matches!(read(b""), Err(ModelError::Empty)));
    }
}
