//! claimex: who said what in crawled news.
//!
//! The pipeline, one module per stage:
//! [`input`] → [`boilerplate`] → [`segmentation`] → [`gazetteer`] → [`attribution`] →
//! [`output`], wired by [`pipeline`] and streamed in parallel by [`run`]. The subcommands of
//! the `claimex` binary are library functions in [`commands`].
//!
//! ```
//! use claimex::{pipeline::Pipeline, Document};
//! let p = Pipeline::builder().build().unwrap();
//! let doc = Document::new("a1", "Rebels gain ground\n\
//!     The town has fallen, according to three people familiar with the matter.\n");
//! let ann = p.annotate(&doc);
//! let claim = &ann.attribution.claims[0];
//! let source = claim.source.as_ref().expect("a named source");
//! assert_eq!(source.span.slice(&doc.text), "three people familiar with the matter");
//! assert_eq!(claim.content.slice(&doc.text), "The town has fallen");
//! ```

#![warn(missing_docs)]

pub mod attribution;
pub mod boilerplate;
pub mod commands;
pub mod crawl;
pub mod document;
pub mod error;
pub mod eval;
pub mod export;
pub mod fasthash;
pub mod gazetteer;
pub mod input;
pub mod layout;
pub mod lexical;
pub mod msg;
pub mod output;
pub mod pipeline;
pub mod review;
pub mod run;
pub mod segmentation;
pub mod span;
pub mod windows;

pub use document::Document;
pub use error::{DocError, Error};
pub use span::{CharIndex, Span};
