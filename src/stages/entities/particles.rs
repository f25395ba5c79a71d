//! A surname with a particle ("von der Leyen", "Le Drian", "Le Pen", "de
//! Gaulle"): the tagger, which saw few of them, cuts the name at the
//! particle ("Ursula" + "Leyen", "Jean-Yves" ORG + "Drian" MISC, "Marine
//! Le" + "Pen"), and one person became two entities of two types. A chunk
//! that opens with a given name (of any country; the first part of a
//! hyphenated one: "Jean-Yves") or that the tagger read as a person
//! ("Luiz Inácio Lula"), then one or two particles, then a
//! capitalised word, is one person. The particles may sit inside the
//! first chunk ("Marine Le") or outside any; the surname may be a chunk
//! of its own of one or two words. Left alone: a place the gazetteer
//! knows by the whole ("Rio de Janeiro"), and a longer chunk after the
//! particle (the tagger's reading of something else).

use super::chunks;
use crate::gazetteer::Gazetteer;
use crate::ner::Chunk;
use crate::nlp::gender::FirstNames;

/// A particle of a surname, in any case ("Le Pen", "de Gaulle", "Van
/// Rompuy" written either way): von, van, der, den, de, del, della, di,
/// da, du, le, la, bin, ibn, dos, das, ter. (Asked of every word: a copy
/// of at most five bytes on the stack, then one match.)
fn particle(w: &str) -> bool {
    let b = w.as_bytes();
    if !(2..=5).contains(&b.len()) {
        return false;
    }
    let mut buf = [0u8; 5];
    for (i, c) in b.iter().enumerate() {
        buf[i] = c.to_ascii_lowercase();
    }
    #[rustfmt::skip]
    let found = matches!(
        &buf[..b.len()],
        b"von" | b"van" | b"der" | b"den" | b"de" | b"del" | b"della" | b"di" | b"da" | b"du"
            | b"le" | b"la" | b"bin" | b"ibn" | b"dos" | b"das" | b"ter"
    );
    found
}

/// The chunks with each name cut at its particle made one PER chunk.
pub(super) fn mend(cs: Vec<Chunk>, words: &[&str], gaz: &Gazetteer) -> Vec<Chunk> {
    // Particles after a word, each a place a name may have been cut.
    let at: Vec<usize> = (1..words.len())
        .filter(|&i| particle(words[i]) && !particle(words[i - 1]))
        .take(chunks::MAX_TRIGGERS)
        .collect();
    if at.is_empty() {
        return cs;
    }
    let names = FirstNames::embedded();
    let given = |w: &str| names.is_given_name(w.split('-').next().unwrap_or(w));
    let mut cs = cs;
    for p in at {
        // The chunk holding the word before the particle, opening with a
        // given name or read as a person ("Luiz Inácio Lula" + "da" +
        // "Silva": "Luiz" is on no list).
        let Some(left) = cs
            .iter()
            .find(|c| c.start < p && p - 1 < c.end)
            .filter(|c| {
                chunks::capitalised(words[c.start]) && (c.kind == "PER" || given(words[c.start]))
            })
            .cloned()
        else {
            continue;
        };
        // A person's chunk right before it is the same name ("Luiz" +
        // "Inácio Lula" + "da Silva").
        let start = cs
            .iter()
            .find(|c| c.end == left.start && c.kind == "PER")
            .map_or(left.start, |c| c.start);
        // One or two particles ("von der"), then the surname.
        let mut q = p;
        while q < words.len() && q < p + 2 && particle(words[q]) {
            q += 1;
        }
        // (The left chunk holding the surname too: nothing was cut.)
        if q >= words.len() || !chunks::name_word(words[q]) || left.end > q {
            continue;
        }
        // A chunk at the surname ends the name there, when it starts at or
        // after the particle and holds two words at most; else it is
        // another reading.
        let end = match cs.iter().find(|c| c.start <= q && q < c.end) {
            Some(c) if c.start >= p && c.end - q <= 2 => c.end,
            Some(_) => continue,
            None => q + 1,
        };
        if chunks::crosses(&cs, start, end) {
            continue;
        }
        if !gaz.lookup(&words[start..end].join(" ")).is_empty() {
            continue;
        }
        chunks::put(&mut cs, start, end, "PER");
    }
    cs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sentence: &str, tagged: &[(usize, usize, &'static str)], expect: &[(&str, &str)]) {
        super::super::tests::check_chunks(mend, sentence, tagged, expect);
    }

    #[test]
    fn a_name_cut_at_its_particle_is_one_person() {
        check(
            "president Ursula von der Leyen spoke",
            &[(1, 1, "PER"), (4, 1, "PER")],
            &[("Ursula von der Leyen", "PER")],
        );
        check(
            "Dendias and Jean-Yves Le Drian gathered",
            &[(0, 1, "PER"), (2, 1, "ORG"), (4, 1, "MISC")],
            &[("Dendias", "PER"), ("Jean-Yves Le Drian", "PER")],
        );
        check(
            "Marine Le Pen lost",
            &[(0, 2, "PER"), (2, 1, "PER")],
            &[("Marine Le Pen", "PER")],
        );
        check(
            "General Charles de Gaulle",
            &[(1, 1, "PER")],
            &[("Charles de Gaulle", "PER")],
        );
        check(
            "President Luiz Inacio Lula da Silva signs",
            &[(1, 3, "PER"), (5, 1, "ORG")],
            &[("Luiz Inacio Lula da Silva", "PER")],
        );
        check(
            "President Luiz Inacio Lula da Silva signs",
            &[(1, 1, "PER"), (2, 2, "PER"), (5, 1, "ORG")],
            &[("Luiz Inacio Lula da Silva", "PER")],
        );
    }

    #[test]
    fn places_other_readings_and_bare_particles_are_left() {
        check(
            "flew to Rio de Janeiro today",
            &[(2, 1, "LOC"), (4, 1, "LOC")],
            &[("Rio", "LOC"), ("Janeiro", "LOC")],
        );
        // Not a given name before the particle.
        check(
            "Banco de Mexico said",
            &[(0, 1, "ORG"), (2, 1, "LOC")],
            &[("Banco", "ORG"), ("Mexico", "LOC")],
        );
        // A longer chunk after the particle is another name.
        check(
            "Maria de Real Madrid Club",
            &[(0, 1, "PER"), (2, 3, "ORG")],
            &[("Maria", "PER"), ("Real Madrid Club", "ORG")],
        );
        // No capitalised surname after it.
        check("Anna de la", &[(0, 1, "PER")], &[("Anna", "PER")]);
    }
}
