//! Gazetteer files: the TSV format, its parser, and the lists built into the binary.

use std::path::Path;
use std::sync::Arc;

use serde::Serialize;

use crate::error::{Error, Result};

/// OntoNotes entity labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[allow(missing_docs, clippy::upper_case_acronyms, non_camel_case_types)]
pub enum Label {
    PERSON,
    NORP,
    FAC,
    ORG,
    GPE,
    LOC,
    PRODUCT,
    EVENT,
    WORK_OF_ART,
    LAW,
    LANGUAGE,
}

impl Label {
    /// Parses an OntoNotes label name.
    ///
    /// ```
    /// use claimex::gazetteer::Label;
    /// assert_eq!(Label::parse("GPE"), Some(Label::GPE));
    /// assert_eq!(Label::parse("CITY"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Label> {
        Some(match s {
            "PERSON" => Label::PERSON,
            "NORP" => Label::NORP,
            "FAC" => Label::FAC,
            "ORG" => Label::ORG,
            "GPE" => Label::GPE,
            "LOC" => Label::LOC,
            "PRODUCT" => Label::PRODUCT,
            "EVENT" => Label::EVENT,
            "WORK_OF_ART" => Label::WORK_OF_ART,
            "LAW" => Label::LAW,
            "LANGUAGE" => Label::LANGUAGE,
            _ => return None,
        })
    }

    /// The label's name as written in gazetteers and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::PERSON => "PERSON",
            Label::NORP => "NORP",
            Label::FAC => "FAC",
            Label::ORG => "ORG",
            Label::GPE => "GPE",
            Label::LOC => "LOC",
            Label::PRODUCT => "PRODUCT",
            Label::EVENT => "EVENT",
            Label::WORK_OF_ART => "WORK_OF_ART",
            Label::LAW => "LAW",
            Label::LANGUAGE => "LANGUAGE",
        }
    }
}

/// What an entry refers to: shared by all its surface forms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// OntoNotes label.
    pub label: Label,
    /// Canonical id (`ISO3166:MM`, `geonames:1327659`, `wikidata:Q...`), if known.
    pub id: Option<Arc<str>>,
    /// Canonical display name.
    pub canonical: Arc<str>,
    /// Match without regard to case.
    pub case_insensitive: bool,
    /// The surface form is also a common word or first name: needs supporting context.
    pub ambiguous: bool,
}

/// One surface form and the entry it names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    /// The text to match.
    pub surface: String,
    /// Index into the entry table.
    pub entry: usize,
    /// Which list it came from (for overrides: user lists win).
    pub user: bool,
}

/// Parsed gazetteer rows: entries and their surface forms.
#[derive(Clone, Debug, Default)]
pub struct Lists {
    /// Entries, shared by their names.
    pub entries: Vec<Entry>,
    /// Surface forms.
    pub names: Vec<Name>,
}

/// The header every gazetteer TSV carries (after its comment lines).
pub const HEADER: &str = "name\tlabel\tid\tcanonical\taliases\tflags";

impl Lists {
    /// Parses one TSV gazetteer. `origin` names the file in error messages.
    ///
    /// ```
    /// use claimex::gazetteer::Lists;
    /// let tsv = "# test list\nname\tlabel\tid\tcanonical\taliases\tflags\n\
    ///            Myanmar\tGPE\tISO3166:MM\tMyanmar\tBurma\t\n";
    /// let mut lists = Lists::default();
    /// lists.parse(tsv, "test.tsv", false).unwrap();
    /// assert_eq!(lists.names.len(), 2);
    /// assert!(lists.parse("bad row\n", "bad.tsv", false).is_err());
    /// ```
    pub fn parse(&mut self, tsv: &str, origin: &str, user: bool) -> Result<()> {
        let mut header_seen = false;
        for (i, raw) in tsv.lines().enumerate() {
            let line_no = i + 1;
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            if !header_seen {
                if line != HEADER {
                    return Err(gaz_err(
                        origin,
                        line_no,
                        format!(
                            "expected the header line `{}` (tab-separated) before any row",
                            HEADER.replace('\t', "<TAB>")
                        ),
                    ));
                }
                header_seen = true;
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 2 || f.len() > 6 {
                return Err(gaz_err(origin, line_no, format!(
                    "expected 6 tab-separated fields (name, label, id, canonical, aliases, flags), found {}",
                    f.len()
                )));
            }
            let field = |k: usize| f.get(k).map_or("", |s| s.trim());
            let name = field(0);
            if name.is_empty() {
                return Err(gaz_err(origin, line_no, "the name field is empty".into()));
            }
            let label = Label::parse(field(1)).ok_or_else(|| {
                gaz_err(origin, line_no, format!(
                    "unknown label `{}`; use an OntoNotes label such as PERSON, NORP, ORG, GPE, LOC, FAC, EVENT, LAW",
                    field(1)
                ))
            })?;
            let mut case_insensitive = false;
            let mut ambiguous = false;
            for flag in field(5).split(',').map(str::trim).filter(|s| !s.is_empty()) {
                match flag {
                    "ci" => case_insensitive = true,
                    "amb" => ambiguous = true,
                    other => {
                        return Err(gaz_err(origin, line_no, format!(
                            "unknown flag `{other}`; flags are `ci` (case-insensitive) and `amb` (ambiguous word)"
                        )))
                    }
                }
            }
            let id = Some(field(2)).filter(|s| !s.is_empty()).map(Arc::from);
            let canonical: Arc<str> = Arc::from(if field(3).is_empty() { name } else { field(3) });
            let entry = self.entries.len();
            self.entries.push(Entry {
                label,
                id,
                canonical,
                case_insensitive,
                ambiguous,
            });
            self.names.push(Name {
                surface: name.to_string(),
                entry,
                user,
            });
            for alias in field(4).split('|').map(str::trim).filter(|s| !s.is_empty()) {
                self.names.push(Name {
                    surface: alias.to_string(),
                    entry,
                    user,
                });
            }
        }
        if !header_seen && !tsv.trim().is_empty() {
            return Err(gaz_err(origin, 1, "no header line found".into()));
        }
        Ok(())
    }

    /// Parses a user gazetteer file, or every `*.tsv` in a folder (sorted).
    pub fn load_path(&mut self, path: &Path) -> Result<()> {
        let meta = std::fs::metadata(path).map_err(|e| Error::Io {
            path: path.to_path_buf(),
            source: e,
        })?;
        let mut files = Vec::new();
        if meta.is_dir() {
            let rd = std::fs::read_dir(path).map_err(|e| Error::Io {
                path: path.to_path_buf(),
                source: e,
            })?;
            for e in rd.flatten() {
                let p = e.path();
                if p.extension().is_some_and(|x| x == "tsv") {
                    files.push(p);
                }
            }
            files.sort();
        } else {
            files.push(path.to_path_buf());
        }
        for f in files {
            let text = std::fs::read_to_string(&f).map_err(|e| Error::Io {
                path: f.clone(),
                source: e,
            })?;
            self.parse(&text, &f.to_string_lossy(), true)?;
        }
        Ok(())
    }

    /// Adds the lists built into the binary.
    pub fn load_builtin(&mut self) -> Result<()> {
        for (name, text) in BUILTIN {
            self.parse(text, &format!("builtin:{name}"), false)?;
        }
        Ok(())
    }
}

fn gaz_err(origin: &str, line: usize, message: String) -> Error {
    Error::Gazetteer {
        path: origin.to_string(),
        line,
        message,
    }
}

include!(concat!(env!("OUT_DIR"), "/builtin_gazetteers.rs"));

/// Names of the built-in gazetteer files and their sizes, for `--help` and docs.
pub fn builtin_files() -> impl Iterator<Item = (&'static str, usize)> {
    BUILTIN.iter().map(|(n, t)| (*n, t.len()))
}

/// The built-in first-name lexicon (one name per line), used to spot person names.
pub fn builtin_first_names() -> &'static str {
    FIRST_NAMES
}
