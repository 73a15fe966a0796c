//! Duplicate document ids within one run, reported in the summary: a dump whose id field is
//! not unique (or that holds the same page twice) breaks every join on ids downstream.
//!
//! Memory stays bounded: the check keeps a 64-bit fingerprint per id for the first
//! [`CHECKED`] ids (about 20 MB at most) and then stops, saying so. A fingerprint collision
//! could report a duplicate that is not one; among a million ids that happens with a
//! probability near 3·10⁻⁸.

use std::collections::HashSet;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};

/// Ids checked in one run.
pub(crate) const CHECKED: u64 = 1_000_000;
/// Duplicates named in the notes; the rest are counted.
const NAMED: usize = 5;

/// Finds repeated ids in the order they are written.
#[derive(Default)]
pub(crate) struct Duplicates {
    seen: HashSet<u64, BuildHasherDefault<Identity>>,
    ids: u64,
    found: u64,
    named: Vec<(String, u64)>,
}

impl Duplicates {
    /// Notes that the record numbered `n` (from 1, in output order) has id `id`.
    pub(crate) fn see(&mut self, id: &str, n: u64) {
        self.ids += 1;
        if self.ids > CHECKED {
            return;
        }
        // SipHash with fixed keys: the same fingerprint for the same id within the run.
        let fp = BuildHasherDefault::<DefaultHasher>::default().hash_one(id);
        if !self.seen.insert(fp) {
            self.found += 1;
            if self.named.len() < NAMED {
                self.named.push((id.to_string(), n));
            }
        }
    }

    /// Repeated ids seen.
    pub(crate) fn count(&self) -> u64 {
        self.found
    }

    /// What to tell the user, if anything.
    pub(crate) fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.found > 0 {
            let mut list: Vec<String> = self
                .named
                .iter()
                .map(|(id, n)| format!("{} (record {n})", serde_json::Value::from(id.as_str())))
                .collect();
            if self.found > NAMED as u64 {
                list.push(format!("and {} more", self.found - NAMED as u64));
            }
            notes.push(format!(
                "{} record(s) repeat an id seen earlier in this run: {}; joins on ids will mix them up (records without an id get one from their content, so a repeated derived id is the same text and url twice)",
                self.found,
                list.join(", ")
            ));
        }
        if self.ids > CHECKED {
            notes.push(format!(
                "ids were checked for duplicates in the first {CHECKED} records only ({} in all)",
                self.ids
            ));
        }
        notes
    }
}

/// The fingerprints are hashes already: the set uses them as they are.
#[derive(Default)]
struct Identity(u64);

impl std::hash::Hasher for Identity {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = i;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_ids_are_counted_and_the_first_few_named() {
        let mut d = Duplicates::default();
        for (i, id) in ["a", "b", "a", "c", "b", "a"].iter().enumerate() {
            d.see(id, i as u64 + 1);
        }
        assert_eq!(d.count(), 3);
        let notes = d.notes();
        assert_eq!(notes.len(), 1);
        assert!(
            notes[0].starts_with("3 record(s) repeat an id seen earlier in this run: \"a\" (record 3), \"b\" (record 5), \"a\" (record 6);"),
            "{}",
            notes[0]
        );
    }

    #[test]
    fn distinct_ids_say_nothing() {
        let mut d = Duplicates::default();
        for i in 0..10_000 {
            d.see(&format!("id-{i}"), i + 1);
        }
        assert_eq!(d.count(), 0);
        assert!(d.notes().is_empty());
    }
}
