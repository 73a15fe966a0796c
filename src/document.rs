//! The unit of work: one document's text with its id and the metadata carried to the output.

/// One input document.
///
/// The text is never rewritten by any stage: every span the pipeline reports points into
/// `text` exactly as it is here.
///
/// ```
/// use claimex::Document;
/// let doc = Document::new("a1", "Officials said the road was closed.")
///     .with_field("url", "https://example.com/a1");
/// assert_eq!(doc.field("url"), Some("https://example.com/a1"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// The document id, echoed on every output record.
    pub id: String,
    /// The document text.
    pub text: String,
    /// Other string fields of the input record (`title`, `url`, `date`, ...), in input order.
    pub fields: Vec<(String, String)>,
    /// Problems found while reading that did not stop the document (e.g. invalid UTF-8
    /// replaced by U+FFFD), reported in the output's `warnings`.
    pub warnings: Vec<String>,
    /// DOM hints, one per line, when the text was extracted from HTML (then the output
    /// also carries `text`, since it is not the input's bytes).
    pub layout: Option<crate::layout::Layout>,
}

impl Document {
    /// A document with an id and a text and no metadata.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            fields: Vec::new(),
            warnings: Vec::new(),
            layout: None,
        }
    }

    /// Adds a metadata field carried into the output.
    pub fn with_field(mut self, key: impl Into<String>, value: impl Into<String>) -> Document {
        self.fields.push((key.into(), value.into()));
        self
    }

    /// The value of a metadata field.
    pub fn field(&self, key: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}
