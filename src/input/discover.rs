//! Paths on the command line → the inputs to read, in a reproducible order.
//!
//! Folders are walked recursively and sorted. What a walk meets that is not a document does
//! not stop the run and is never dropped silently:
//! * a FIFO, socket or device with a document's name is skipped (reading it could block
//!   forever) and reported in [`Discovery::skipped`];
//! * a symlink is followed, to a file or a folder; a folder reached twice (a link loop, or
//!   a second link to the same folder) is read once, the other path reported as skipped;
//! * a folder that cannot be read becomes an input whose record is a `read_error`, in its
//!   sorted place, and the walk goes on.
//!
//! A path named explicitly is always read, whatever it is: a FIFO or `/dev/stdin` is read
//! as a stream, like stdin (a text document stops at `--max-doc-bytes`).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::{format_of, is_corpus_doc, slash_path, stdin_input, InputFile};
use crate::error::{Error, Result};

/// The inputs behind a list of paths, and what the walk skipped.
#[derive(Debug, Default)]
pub struct Discovery {
    /// The inputs to read, in order.
    pub files: Vec<InputFile>,
    /// Paths met in folders and not read, each with the reason (special file, folder reached
    /// twice), for a message to the user.
    pub skipped: Vec<(String, &'static str)>,
}

/// Expands the paths given on the command line into inputs: directories are walked
/// recursively and sorted, so runs are reproducible. An empty list, or `-`, means stdin.
/// Only a path that does not exist at all is an error.
///
/// ```no_run
/// let found = claimex::input::discover(&["corpora/samples".into()]).unwrap();
/// assert!(found.files.iter().all(|f| f.path.is_some()));
/// assert!(found.skipped.is_empty());
/// ```
pub fn discover(paths: &[PathBuf]) -> Result<Discovery> {
    let mut d = Discovery::default();
    if paths.is_empty() {
        d.files.push(stdin_input());
        return Ok(d);
    }
    for p in paths {
        if p.as_os_str() == "-" {
            d.files.push(stdin_input());
            continue;
        }
        let meta = std::fs::metadata(p).map_err(|e| Error::Io {
            path: p.clone(),
            source: e,
        })?;
        if meta.is_dir() {
            let mut w = Walk::default();
            w.dir(p);
            // crawl: a folder with nothing to read is an error (exit 2), saying what it holds.
            if w.found.is_empty() {
                let unread: Vec<PathBuf> = w.unread.drain(..).collect();
                return Err(crate::crawl::no_documents(p, &unread));
            }
            w.found.sort_by(|a, b| a.0.cmp(&b.0));
            for (f, unreadable) in w.found {
                let rel = f.strip_prefix(p).unwrap_or(&f);
                let name = if rel.as_os_str().is_empty() {
                    slash_path(&f)
                } else {
                    slash_path(rel)
                };
                let size = match &unreadable {
                    None => std::fs::metadata(&f).ok().map(|m| m.len()),
                    Some(_) => None,
                };
                d.files.push(InputFile {
                    name,
                    format: format_of(&f),
                    path: Some(f),
                    size,
                    unreadable,
                });
            }
            d.skipped
                .extend(w.skipped.into_iter().map(|(f, why)| (slash_path(&f), why)));
            d.skipped.extend(
                w.unread
                    .into_iter()
                    .map(|f| (slash_path(&f), "a format claimex does not read")),
            );
        } else {
            d.files.push(InputFile {
                name: slash_path(p),
                format: format_of(p),
                path: Some(p.clone()),
                size: meta.is_file().then_some(meta.len()),
                unreadable: None,
            });
        }
    }
    Ok(d)
}

#[derive(Default)]
struct Walk {
    /// Documents, and folders that could not be read (with the error).
    found: Vec<(PathBuf, Option<String>)>,
    skipped: Vec<(PathBuf, &'static str)>,
    /// Files in formats claimex does not read (crawl::keep_in_folder).
    unread: Vec<PathBuf>,
    /// Folders entered, by canonical path: each is read once.
    seen: HashSet<PathBuf>,
}

impl Walk {
    fn dir(&mut self, dir: &Path) {
        if let Ok(canon) = std::fs::canonicalize(dir) {
            if !self.seen.insert(canon) {
                self.skipped.push((
                    dir.to_path_buf(),
                    "folder already read through another path",
                ));
                return;
            }
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                self.found
                    .push((dir.to_path_buf(), Some(format!("cannot read folder: {e}"))));
                return;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    self.found
                        .push((dir.to_path_buf(), Some(format!("cannot list folder: {e}"))));
                    return;
                }
            };
            self.entry(&entry);
        }
    }

    fn entry(&mut self, entry: &std::fs::DirEntry) {
        let path = entry.path();
        // Hidden entries (.git, .cache, editor files) are never part of a collection.
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        let Ok(mut ft) = entry.file_type() else {
            self.found.push((path, Some("cannot stat".into())));
            return;
        };
        if ft.is_symlink() {
            match std::fs::metadata(&path) {
                Ok(m) => ft = m.file_type(),
                // A dangling link with a document's name: its record says it cannot be opened.
                Err(_) => {
                    if format_of(&path).is_some() && !is_corpus_doc(&path) {
                        self.found.push((path, None));
                    }
                    return;
                }
            }
        }
        if ft.is_dir() {
            if !hidden {
                self.dir(&path);
            }
            return;
        }
        if is_corpus_doc(&path) || hidden {
            return;
        }
        if ft.is_file() {
            // crawl: formats claimex does not read (and .json that is no array) are counted.
            match format_of(&path) {
                Some(f) if crate::crawl::keep_in_folder(&path, f) => self.found.push((path, None)),
                _ => self.unread.push(path),
            }
        } else if format_of(&path).is_none() {
            self.unread.push(path);
        } else {
            self.skipped
                .push((path, "not a regular file (FIFO, socket or device)"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    fn names(d: &Discovery) -> Vec<&str> {
        d.files.iter().map(|f| f.name.as_str()).collect()
    }

    #[test]
    fn symlinked_folders_are_followed_once() {
        let t = tempfile::tempdir().unwrap();
        let real = t.path().join("real");
        std::fs::create_dir(&real).unwrap();
        std::fs::write(real.join("a.txt"), "A said so.").unwrap();
        let top = t.path().join("top");
        std::fs::create_dir(&top).unwrap();
        symlink(&real, top.join("linked")).unwrap();
        symlink(&top, top.join("loop")).unwrap();
        std::fs::write(top.join("b.txt"), "B said so.").unwrap();
        symlink(real.join("a.txt"), top.join("c.txt")).unwrap();
        let d = discover(std::slice::from_ref(&top)).unwrap();
        assert_eq!(names(&d), ["b.txt", "c.txt", "linked/a.txt"]);
        assert_eq!(d.skipped.len(), 1, "{:?}", d.skipped);
        assert!(d.skipped[0].0.ends_with("top/loop"), "{:?}", d.skipped);
    }
}
