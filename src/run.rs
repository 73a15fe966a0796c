//! The streaming, parallel driver: reads documents in batches on one thread, processes each
//! batch on a rayon pool, and writes the records in input order.
//!
//! Memory is bounded by a few batches (each at most `batch_docs` documents and `batch_bytes`
//! of input) whatever the dump size. Output bytes do not depend on the number of threads: each
//! document's record is a pure function of the document.

use std::io::{self, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::sync_channel;
use std::time::Instant;

use rayon::prelude::*;

use crate::error::{DocError, Error, Result};
use crate::input::{DocStream, Item, Record};

/// What rendering one input record produced.
#[derive(Debug, Default)]
pub struct Rendered {
    /// The output lines (each ending in `\n`).
    pub bytes: Vec<u8>,
    /// The document failed (its line is an error record).
    pub failed: bool,
    /// Claims found.
    pub claims: u64,
}

/// Options of a run.
#[derive(Clone, Debug)]
pub struct RunOptions {
    /// Worker threads; `None` = rayon's default (all cores, or `RAYON_NUM_THREADS`).
    pub threads: Option<usize>,
    /// Flush after every record (one line in, one line out, for callers that wait).
    pub line_buffered: bool,
    /// Show a progress bar on stderr.
    pub progress: bool,
    /// Documents per batch.
    pub batch_docs: usize,
    /// Input bytes per batch.
    pub batch_bytes: usize,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            threads: None,
            line_buffered: false,
            progress: false,
            batch_docs: 512,
            batch_bytes: 8 << 20,
        }
    }
}

/// Counts of a finished run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Input documents read (each gave one record, or one line per claim).
    pub documents: u64,
    /// Documents that failed (error records).
    pub failed: u64,
    /// Claims written.
    pub claims: u64,
    /// Input bytes read.
    pub bytes: u64,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// The reader of our output went away (`| head`): the run stopped early, quietly.
    pub broken_pipe: bool,
}

impl Summary {
    /// Input throughput in MB/s.
    pub fn mb_per_s(&self) -> f64 {
        if self.seconds > 0.0 {
            self.bytes as f64 / 1e6 / self.seconds
        } else {
            0.0
        }
    }
}

/// Runs `render` over every record of `stream` and writes the results to `out` in order.
///
/// `render` must not panic, but if it does (a bug), the document gets an `internal_error`
/// record and the run goes on.
pub fn run<F>(
    stream: DocStream,
    out: &mut dyn Write,
    opts: &RunOptions,
    total_bytes: Option<u64>,
    render: F,
) -> Result<Summary>
where
    F: Fn(&Item) -> Rendered + Sync,
{
    let started = Instant::now();
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = opts.threads {
        pool = pool.num_threads(n.max(1));
    }
    let pool = pool
        .build()
        .map_err(|e| Error::Output(io::Error::other(e.to_string())))?;
    let (batch_docs, batch_bytes) = if opts.line_buffered {
        (1, 1)
    } else {
        (opts.batch_docs.max(1), opts.batch_bytes.max(1))
    };
    let bar = opts.progress.then(|| progress_bar(total_bytes));
    let mut summary = Summary::default();
    let safe_render = |item: &Item| -> Rendered {
        match catch_unwind(AssertUnwindSafe(|| render(item))) {
            Ok(r) => r,
            Err(_) => {
                let mut bytes = Vec::new();
                let err = DocError::new("internal_error", format!("{}: claimex failed on this document (a bug: please report it with the document)", item.id()));
                crate::output::error_record(item.id(), &err, "id", &mut bytes);
                Rendered {
                    bytes,
                    failed: true,
                    claims: 0,
                }
            }
        }
    };
    // Three stages, each on its own thread, joined by bounded channels: reading, rendering
    // on the pool, writing (here). Writing a batch overlaps rendering the next one.
    std::thread::scope(|scope| -> Result<()> {
        let (tx, rx) = sync_channel::<Vec<Record>>(2);
        let (done_tx, done_rx) = sync_channel::<(Vec<Record>, Vec<Rendered>)>(2);
        scope.spawn(move || {
            let mut batch = Vec::new();
            let mut bytes = 0usize;
            for rec in stream {
                bytes += rec.bytes as usize;
                batch.push(rec);
                if batch.len() >= batch_docs || bytes >= batch_bytes {
                    if tx.send(std::mem::take(&mut batch)).is_err() {
                        return;
                    }
                    bytes = 0;
                }
            }
            if !batch.is_empty() {
                let _ = tx.send(batch);
            }
        });
        let pool = &pool;
        let safe_render = &safe_render;
        scope.spawn(move || {
            for batch in rx {
                let rendered: Vec<Rendered> =
                    pool.install(|| batch.par_iter().map(|r| safe_render(&r.item)).collect());
                if done_tx.send((batch, rendered)).is_err() {
                    return;
                }
            }
        });
        for (batch, rendered) in done_rx {
            for (rec, r) in batch.iter().zip(rendered) {
                summary.documents += 1;
                summary.bytes += rec.bytes;
                summary.claims += r.claims;
                if r.failed {
                    summary.failed += 1;
                }
                let res = out.write_all(&r.bytes).and_then(|_| {
                    if opts.line_buffered {
                        out.flush()
                    } else {
                        Ok(())
                    }
                });
                if let Err(e) = res {
                    if e.kind() == io::ErrorKind::BrokenPipe {
                        summary.broken_pipe = true;
                        return Ok(());
                    }
                    return Err(Error::Output(e));
                }
                if let Some(b) = &bar {
                    b.inc(rec.bytes);
                }
            }
        }
        Ok(())
    })?;
    if !summary.broken_pipe {
        if let Err(e) = out.flush() {
            if e.kind() == io::ErrorKind::BrokenPipe {
                summary.broken_pipe = true;
            } else {
                return Err(Error::Output(e));
            }
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

fn progress_bar(total: Option<u64>) -> indicatif::ProgressBar {
    let bar = match total {
        Some(t) => indicatif::ProgressBar::new(t),
        None => indicatif::ProgressBar::new_spinner(),
    };
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    let style = indicatif::ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({bytes_per_sec}, eta {eta})")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}
