//! Pieces of a document record written one window at a time ([`crate::windows`]): the
//! record's head, a key, and the items of each list, as [`super::write_document_record`]
//! writes them whole.

use std::io::{self, Write};

use serde::Serialize;

use super::{
    block_out, claim_out, entity_out, no_comment_out, write_document_record, Bases, Conv, DocParts,
    JsonlFormatter,
};
use crate::boilerplate::Block;
use crate::document::Document;
use crate::pipeline::Annotations;

/// The lists of a document record that a document annotated window by window
/// ([`crate::windows`]) writes one window at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum List {
    Sentences,
    Entities,
    Claims,
    NoComment,
}

impl List {
    /// In the order of the record.
    pub const ALL: [List; 4] = [
        List::Sentences,
        List::Entities,
        List::Claims,
        List::NoComment,
    ];

    /// The record's key.
    pub fn key(self) -> &'static str {
        match self {
            List::Sentences => "sentences",
            List::Entities => "entities",
            List::Claims => "claims",
            List::NoComment => "no_comment",
        }
    }

    /// Whether `parts` writes it.
    pub fn wanted(self, parts: DocParts) -> bool {
        match self {
            List::Sentences => parts.sentences,
            List::Entities => parts.entities,
            List::Claims | List::NoComment => parts.claims,
        }
    }
}

/// Writes one item of a JSON list: a comma unless it is the `first`, then the item.
fn write_item<W: Write, T: Serialize>(out: &mut W, first: &mut bool, item: &T) -> io::Result<()> {
    if !*first {
        out.write_all(b",")?;
    }
    *first = false;
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, JsonlFormatter);
    item.serialize(&mut ser).map_err(io::Error::from)
}

/// Writes the items of `list` from one window's annotations, as [`write_document_record`]
/// writes them (`c` converts the whole text; `at` numbers the sentences).
pub(crate) fn write_list_items<W: Write>(
    out: &mut W,
    c: &Conv,
    ann: &Annotations,
    list: List,
    at: Bases,
    first: &mut bool,
) -> io::Result<()> {
    match list {
        List::Sentences => {
            for s in &ann.sentences {
                write_item(out, first, &c.span(s.span))?;
            }
        }
        List::Entities => {
            for e in &ann.entities {
                write_item(out, first, &entity_out(c, e))?;
            }
        }
        List::Claims => {
            for cl in &ann.attribution.claims {
                write_item(out, first, &claim_out(c, ann, cl, at.sentences))?;
            }
        }
        List::NoComment => {
            for n in &ann.attribution.no_comment {
                write_item(out, first, &no_comment_out(c, ann, n, at.sentences))?;
            }
        }
    }
    Ok(())
}

/// Writes one item of `blocks`.
pub(crate) fn write_block_item<W: Write>(
    out: &mut W,
    c: &Conv,
    b: &Block,
    first: &mut bool,
) -> io::Result<()> {
    write_item(out, first, &block_out(c, b))
}

/// Writes the start of a document record: `{` and the entries before `blocks` (`id`, the
/// input's fields, `text` and `warnings` where they are written), without the closing brace.
pub(crate) fn write_record_head<W: Write>(out: &mut W, doc: &Document) -> io::Result<()> {
    let mut head = Vec::new();
    write_document_record(&mut head, doc, &Annotations::default(), DocParts::default())?;
    // `{...}\n`: all but the brace and the line end.
    let keep = head.len().saturating_sub(2);
    out.write_all(&head[..keep])
}

/// Writes `"key":` after a comma (an entry of a record already open).
pub(crate) fn write_key<W: Write>(out: &mut W, key: &str) -> io::Result<()> {
    out.write_all(b",")?;
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, JsonlFormatter);
    key.serialize(&mut ser).map_err(io::Error::from)?;
    out.write_all(b":")
}
