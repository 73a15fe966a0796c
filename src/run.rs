//! The streaming, parallel driver: reads documents in batches on one thread, processes each
//! batch on a rayon pool, and writes the records in input order.
//!
//! Memory is bounded by a few batches (each at most `batch_docs` documents and `batch_bytes`
//! of input) whatever the dump size. Output bytes do not depend on the number of threads: each
//! document's record is a pure function of the document.
//!
//! A command gives two functions: `prepare` (the pipeline's work, on the pool) and `write`
//! (serialising one record). Records of ordinary documents are written into buffers on the
//! pool, reused from batch to batch. A document over [`RunOptions::stream_doc_bytes`] is
//! prepared on the pool too, but its record is written by the writer thread straight to the
//! output, in its place, so a 16 MiB document never becomes a 600 MB line in memory. (It is
//! first written once to a sink on the pool: a bug that panics in the output stage then costs
//! an `internal_error` record, not half a line.)
//!
//! Where the system refuses a thread (`ulimit -u`), the run goes on with fewer threads, down
//! to all of it on the calling one, and says so in [`Summary::notes`].

use std::io::{self, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::Scope;
use std::time::Instant;

use rayon::prelude::*;

use crate::error::{DocError, Error, Result};
use crate::input::{DocStream, Item, Record};

mod dupes;

/// What writing one input record produced.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// The document failed (its line is an error record).
    pub failed: bool,
    /// Claims written.
    pub claims: u64,
}

/// Where `write` puts a record: a buffer, drained to the output every 64 KiB when the record
/// is streamed. A concrete type, so serialising into it costs what pushing to a `Vec` costs.
///
/// ```
/// use std::io::Write;
/// let mut buf = Vec::new();
/// let mut out = claimex::run::Out::buffer(&mut buf);
/// out.write_all(b"{}\n").unwrap();
/// assert_eq!(buf, b"{}\n");
/// ```
pub struct Out<'a> {
    buf: &'a mut Vec<u8>,
    sink: Option<&'a mut dyn Write>,
}

const DRAIN_AT: usize = 1 << 16;

impl<'a> Out<'a> {
    /// Writes into `buf`.
    pub fn buffer(buf: &'a mut Vec<u8>) -> Out<'a> {
        Out { buf, sink: None }
    }

    /// Writes to `sink` through `buf` (which it leaves empty after [`Write::flush`]).
    pub fn stream(buf: &'a mut Vec<u8>, sink: &'a mut dyn Write) -> Out<'a> {
        Out {
            buf,
            sink: Some(sink),
        }
    }

    fn drain(&mut self) -> io::Result<()> {
        if let Some(s) = self.sink.as_mut() {
            s.write_all(self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }
}

impl Write for Out<'_> {
    #[inline]
    fn write(&mut self, b: &[u8]) -> io::Result<usize> {
        self.write_all(b)?;
        Ok(b.len())
    }

    #[inline]
    fn write_all(&mut self, b: &[u8]) -> io::Result<()> {
        self.buf.extend_from_slice(b);
        if self.sink.is_some() && self.buf.len() >= DRAIN_AT {
            self.drain()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.drain()
    }
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
    /// Documents with more text than this are written straight to the output, not buffered.
    pub stream_doc_bytes: usize,
    /// The id key of the `internal_error` record of a document that hit a bug (`doc` in the
    /// claims stream).
    pub error_key: &'static str,
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            threads: None,
            line_buffered: false,
            progress: false,
            batch_docs: 512,
            batch_bytes: 8 << 20,
            stream_doc_bytes: 1 << 20,
            error_key: "id",
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
    /// Documents processed that gave no claim (not failed: processed, nothing found).
    pub without_claims: u64,
    /// Records whose id repeats an earlier one of the run (named in `notes`).
    pub duplicate_ids: u64,
    /// Input bytes read.
    pub bytes: u64,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// The reader of our output went away (`| head`): the run stopped early, quietly.
    pub broken_pipe: bool,
    /// Things the user should know that did not fail a document (inputs skipped, threads
    /// the system refused), for stderr.
    pub notes: Vec<String>,
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

/// One record's place in a rendered chunk.
struct Slot<A> {
    /// End of its bytes in the chunk's buffer.
    end: usize,
    counts: Counts,
    /// Prepared but not written: the writer streams it.
    deferred: Option<A>,
}

/// Consecutive records rendered into one buffer.
struct Chunk<A> {
    buf: Vec<u8>,
    slots: Vec<Slot<A>>,
}

/// A batch with its rendered chunks, as the writer receives it.
type Rendered<A> = (Vec<Record>, Vec<Chunk<A>>);

/// Records per chunk: enough to amortise a buffer, few enough to spread over the pool.
const CHUNK_DOCS: usize = 16;
/// Buffers kept for reuse, and the largest one kept.
const SPARE_BUFFERS: usize = 64;
const SPARE_CAPACITY: usize = 8 << 20;

struct Driver<'f, A, P, W> {
    opts: &'f RunOptions,
    prepare: &'f P,
    write: &'f W,
    spare: Mutex<Vec<Vec<u8>>>,
    _prepared: std::marker::PhantomData<fn() -> A>,
}

impl<A, P, W> Driver<'_, A, P, W>
where
    A: Send,
    P: Fn(&Item) -> A + Sync,
    W: Fn(&Item, &A, &mut Out) -> io::Result<Counts> + Sync,
{
    fn buffer(&self) -> Vec<u8> {
        self.spare
            .lock()
            .ok()
            .and_then(|mut s| s.pop())
            .unwrap_or_else(|| Vec::with_capacity(DRAIN_AT))
    }

    fn give_back(&self, mut buf: Vec<u8>) {
        if buf.capacity() > SPARE_CAPACITY {
            return;
        }
        buf.clear();
        if let Ok(mut s) = self.spare.lock() {
            if s.len() < SPARE_BUFFERS {
                s.push(buf);
            }
        }
    }

    fn internal_error(&self, item: &Item, out: &mut Out) -> Counts {
        let err = DocError::new(
            "internal_error",
            format!(
                "{}: claimex failed on this document (a bug: please report it with the document)",
                item.id()
            ),
        );
        let _ = crate::output::write_error_record(out, item.id(), &err, self.opts.error_key);
        Counts {
            failed: true,
            claims: 0,
        }
    }

    /// Prepares one record and writes it into `buf`, or defers a big document's writing.
    fn render_one(&self, item: &Item, buf: &mut Vec<u8>) -> (Counts, Option<A>) {
        let start = buf.len();
        let prepared = match catch_unwind(AssertUnwindSafe(|| (self.prepare)(item))) {
            Ok(a) => a,
            Err(_) => return (self.internal_error(item, &mut Out::buffer(buf)), None),
        };
        let big = matches!(item, Item::Doc(d) if d.text.len() > self.opts.stream_doc_bytes);
        if big {
            let mut scratch = self.buffer();
            let dry = catch_unwind(AssertUnwindSafe(|| {
                let mut sink = io::sink();
                let mut out = Out::stream(&mut scratch, &mut sink);
                (self.write)(item, &prepared, &mut out)
            }));
            self.give_back(scratch);
            if matches!(dry, Ok(Ok(_))) {
                return (Counts::default(), Some(prepared));
            }
            return (self.internal_error(item, &mut Out::buffer(buf)), None);
        }
        let res = catch_unwind(AssertUnwindSafe(|| {
            (self.write)(item, &prepared, &mut Out::buffer(buf))
        }));
        match res {
            Ok(Ok(c)) => (c, None),
            _ => {
                buf.truncate(start);
                (self.internal_error(item, &mut Out::buffer(buf)), None)
            }
        }
    }

    fn render_chunk(&self, recs: &[Record]) -> Chunk<A> {
        let mut buf = self.buffer();
        let slots = recs
            .iter()
            .map(|r| {
                let (counts, deferred) = self.render_one(&r.item, &mut buf);
                Slot {
                    end: buf.len(),
                    counts,
                    deferred,
                }
            })
            .collect();
        Chunk { buf, slots }
    }

    fn render_batch(&self, pool: Option<&rayon::ThreadPool>, batch: Vec<Record>) -> Rendered<A> {
        let chunks = match pool {
            Some(p) => p.install(|| {
                batch
                    .par_chunks(CHUNK_DOCS)
                    .map(|c| self.render_chunk(c))
                    .collect()
            }),
            None => batch
                .chunks(CHUNK_DOCS)
                .map(|c| self.render_chunk(c))
                .collect(),
        };
        (batch, chunks)
    }

    /// Writes one rendered batch in order. `Ok(false)`: the reader went away.
    fn write_batch(
        &self,
        out: &mut dyn Write,
        batch: &[Record],
        chunks: Vec<Chunk<A>>,
        summary: &mut Summary,
        dupes: &mut dupes::Duplicates,
        bar: Option<&indicatif::ProgressBar>,
    ) -> Result<bool> {
        let mut recs = batch.iter();
        let mut scratch = Vec::new();
        for chunk in chunks {
            let mut from = 0;
            for slot in &chunk.slots {
                let Some(rec) = recs.next() else { break };
                let mut counts = slot.counts;
                let mut res = out.write_all(&chunk.buf[from..slot.end]);
                from = slot.end;
                if let (Ok(()), Some(a)) = (&res, &slot.deferred) {
                    let mut o = Out::stream(&mut scratch, &mut *out);
                    res = (self.write)(&rec.item, a, &mut o).and_then(|c| {
                        counts = c;
                        o.flush()
                    });
                }
                if res.is_ok() && self.opts.line_buffered {
                    res = out.flush();
                }
                if let Err(e) = res {
                    if e.kind() == io::ErrorKind::BrokenPipe {
                        summary.broken_pipe = true;
                        return Ok(false);
                    }
                    return Err(Error::Output(e));
                }
                summary.documents += 1;
                summary.bytes += rec.bytes;
                summary.claims += counts.claims;
                summary.failed += u64::from(counts.failed);
                summary.without_claims += u64::from(!counts.failed && counts.claims == 0);
                dupes.see(rec.item.id(), summary.documents);
                if let Some(b) = bar {
                    b.inc(rec.bytes);
                }
            }
            self.give_back(chunk.buf);
        }
        Ok(true)
    }
}

/// Cuts a stream of records into batches.
struct Batches {
    stream: DocStream,
    docs: usize,
    bytes: usize,
    /// Documents with more text than this travel alone in their batch.
    big: usize,
    /// A big document read while a batch was open: the next batch.
    held: Option<Record>,
}

fn is_big(rec: &Record, big: usize) -> bool {
    matches!(&rec.item, Item::Doc(d) if d.text.len() > big)
}

impl Iterator for Batches {
    type Item = Vec<Record>;
    fn next(&mut self) -> Option<Vec<Record>> {
        if let Some(rec) = self.held.take() {
            return Some(vec![rec]);
        }
        let mut batch = Vec::new();
        let mut bytes = 0usize;
        for rec in self.stream.by_ref() {
            if is_big(&rec, self.big) {
                if batch.is_empty() {
                    return Some(vec![rec]);
                }
                self.held = Some(rec);
                break;
            }
            bytes = bytes.saturating_add(rec.bytes as usize);
            batch.push(rec);
            if batch.len() >= self.docs || bytes >= self.bytes {
                break;
            }
        }
        (!batch.is_empty()).then_some(batch)
    }
}

/// Lets one big document at a time be prepared and not yet written: its annotations can be
/// hundreds of MB, and the batches queued between the stages must not hold several.
#[derive(Default)]
struct Gate {
    /// (a big document is in flight, the writer has stopped)
    state: Mutex<(bool, bool)>,
    cv: Condvar,
}

impl Gate {
    /// Waits until no big document is in flight, then marks one.
    fn enter(&self) {
        let Ok(mut g) = self.state.lock() else { return };
        while g.0 && !g.1 {
            g = match self.cv.wait(g) {
                Ok(g) => g,
                Err(_) => return,
            };
        }
        g.0 = true;
    }

    /// The big document is written (or the writer stopped, `closed`).
    fn leave(&self, closed: bool) {
        if let Ok(mut g) = self.state.lock() {
            g.0 = false;
            g.1 |= closed;
        }
        self.cv.notify_all();
    }
}

/// Opens the gate for good when the writer stops, however it stops.
struct CloseOnDrop<'g>(&'g Gate);

impl Drop for CloseOnDrop<'_> {
    fn drop(&mut self) {
        self.0.leave(true);
    }
}

/// Batches from the reader thread, or read here when it could not be started.
enum Source {
    Thread(Receiver<Vec<Record>>),
    Here(Box<Batches>),
}

impl Iterator for Source {
    type Item = Vec<Record>;
    fn next(&mut self) -> Option<Vec<Record>> {
        match self {
            Source::Thread(rx) => rx.recv().ok(),
            Source::Here(b) => b.next(),
        }
    }
}

/// Runs `f(value)` on a new thread of `scope`, or gives `value` back when the system refuses
/// a thread.
fn spawn_or_return<'scope, T, F>(
    scope: &'scope Scope<'scope, '_>,
    name: &str,
    value: T,
    f: F,
) -> std::result::Result<(), (T, io::Error)>
where
    T: Send + 'scope,
    F: FnOnce(T) + Send + 'scope,
{
    let slot = Arc::new(Mutex::new(Some(value)));
    let theirs = Arc::clone(&slot);
    let spawned = std::thread::Builder::new()
        .name(name.to_string())
        .spawn_scoped(scope, move || {
            let v = theirs.lock().ok().and_then(|mut g| g.take());
            if let Some(v) = v {
                f(v);
            }
        });
    match spawned {
        Ok(_) => Ok(()),
        Err(e) => match slot.lock().ok().and_then(|mut g| g.take()) {
            Some(v) => Err((v, e)),
            None => Ok(()),
        },
    }
}

fn no_thread(what: &str, e: &io::Error) -> String {
    format!(
        "could not start the {what} ({e}); running without it, more slowly (raise `ulimit -u`?)"
    )
}

/// Runs `prepare` and `write` over every record of `stream` and writes the records to `out`
/// in input order.
///
/// `prepare` and `write` must not panic, but if one does (a bug), the document gets an
/// `internal_error` record and the run goes on.
pub fn run<A, P, W>(
    stream: DocStream,
    out: &mut dyn Write,
    opts: &RunOptions,
    total_bytes: Option<u64>,
    prepare: P,
    write: W,
) -> Result<Summary>
where
    A: Send,
    P: Fn(&Item) -> A + Sync,
    W: Fn(&Item, &A, &mut Out) -> io::Result<Counts> + Sync,
{
    let started = Instant::now();
    let mut summary = Summary::default();
    let pool = worker_pool(opts, &mut summary.notes);
    let (docs, bytes) = if opts.line_buffered {
        (1, 1)
    } else {
        (opts.batch_docs.max(1), opts.batch_bytes.max(1))
    };
    let bar = opts.progress.then(|| progress_bar(total_bytes));
    let driver = Driver {
        opts,
        prepare: &prepare,
        write: &write,
        spare: Mutex::new(Vec::new()),
        _prepared: std::marker::PhantomData,
    };
    let batches = Batches {
        stream,
        docs,
        bytes,
        big: opts.stream_doc_bytes,
        held: None,
    };
    let mut dupes = dupes::Duplicates::default();
    let gate = Gate::default();
    let gate = &gate;
    let big = opts.stream_doc_bytes;
    let is_big_batch = move |b: &[Record]| b.first().is_some_and(|r| is_big(r, big));
    // Three stages joined by bounded channels: reading (a thread), rendering on the pool (a
    // thread), writing (here). Writing a batch overlaps rendering the next one.
    std::thread::scope(|scope| -> Result<()> {
        let (tx, rx) = sync_channel::<Vec<Record>>(2);
        let source = match spawn_or_return(scope, "claimex-read", (batches, tx), read_into) {
            Ok(()) => Source::Thread(rx),
            Err(((batches, _), e)) => {
                summary.notes.push(no_thread("reader thread", &e));
                Source::Here(Box::new(batches))
            }
        };
        let (done_tx, done_rx) = sync_channel(2);
        let driver = &driver;
        let pool = pool.as_ref();
        let render_gated = move |batch: Vec<Record>| {
            if is_big_batch(&batch) {
                gate.enter();
            }
            driver.render_batch(pool, batch)
        };
        let render = move |(source, done_tx): (Source, SyncSender<_>)| {
            for batch in source {
                if done_tx.send(render_gated(batch)).is_err() {
                    return;
                }
            }
        };
        let rendered: Box<dyn Iterator<Item = Rendered<A>>> =
            match spawn_or_return(scope, "claimex-render", (source, done_tx), render) {
                Ok(()) => Box::new(done_rx.into_iter()),
                Err(((source, _), e)) => {
                    summary.notes.push(no_thread("render thread", &e));
                    Box::new(source.map(render_gated))
                }
            };
        let _close = CloseOnDrop(gate);
        for (batch, chunks) in rendered {
            let big = is_big_batch(&batch);
            let go_on =
                driver.write_batch(out, &batch, chunks, &mut summary, &mut dupes, bar.as_ref())?;
            if big {
                drop(batch);
                gate.leave(false);
            }
            if !go_on {
                break;
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
    summary.duplicate_ids = dupes.count();
    summary.notes.extend(dupes.notes());
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// The rayon pool, or `None` (everything on the render thread) when the system refuses
/// threads.
pub(crate) fn worker_pool(opts: &RunOptions, notes: &mut Vec<String>) -> Option<rayon::ThreadPool> {
    let mut builder = rayon::ThreadPoolBuilder::new().thread_name(|i| format!("claimex-{i}"));
    if let Some(n) = opts.threads {
        builder = builder.num_threads(n.max(1));
    }
    match builder.build() {
        Ok(p) => Some(p),
        Err(e) => {
            notes.push(no_thread(
                "worker threads",
                &io::Error::other(e.to_string()),
            ));
            None
        }
    }
}

fn read_into((batches, tx): (Batches, SyncSender<Vec<Record>>)) {
    for batch in batches {
        if tx.send(batch).is_err() {
            return;
        }
    }
}

/// Reads `stream` on a thread named `name`, in batches of at most `docs` documents or `bytes`
/// of input, and gives each batch to `f` on this thread, in input order: `f` works on one
/// batch while the next is parsed. Where the system refuses the thread, reads here.
pub(crate) fn for_each_batch(
    stream: DocStream,
    docs: usize,
    bytes: usize,
    name: &str,
    mut f: impl FnMut(Vec<Record>),
) {
    let batches = Batches {
        stream,
        docs: docs.max(1),
        bytes: bytes.max(1),
        big: usize::MAX,
        held: None,
    };
    std::thread::scope(|scope| {
        let (tx, rx) = sync_channel::<Vec<Record>>(2);
        match spawn_or_return(scope, name, (batches, tx), read_into) {
            Ok(()) => rx.into_iter().for_each(&mut f),
            Err(((batches, _), _)) => batches.for_each(&mut f),
        }
    });
}

/// A bar over the known input size, or (stdin, a pipe) a spinner with the bytes read and the
/// rate. Sizes are in MB (10⁶ bytes), as in the summary line.
fn progress_bar(total: Option<u64>) -> indicatif::ProgressBar {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    let (bar, template) = match total {
        Some(t) => (
            ProgressBar::new(t),
            "{spinner} [{elapsed_precise}] {wide_bar} {decimal_bytes}/{decimal_total_bytes} ({decimal_bytes_per_sec}, eta {eta})",
        ),
        None => (
            ProgressBar::new_spinner(),
            "{spinner} [{elapsed_precise}] {decimal_bytes} read ({decimal_bytes_per_sec})",
        ),
    };
    bar.set_draw_target(ProgressDrawTarget::stderr());
    let style =
        ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_spinner());
    bar.set_style(style);
    if total.is_none() {
        // A spinner must turn while the input is slow to come, or it looks hung.
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::InputOptions;

    fn stream(data: String) -> DocStream {
        DocStream::from_reader("t.jsonl", io::Cursor::new(data), InputOptions::default())
    }

    fn echo(item: &Item) -> Option<String> {
        match item {
            Item::Doc(d) => {
                if d.text.starts_with("PANIC") {
                    panic!("a bug");
                }
                Some(d.text.to_uppercase())
            }
            Item::Failed { .. } => None,
        }
    }

    fn write_echo(item: &Item, a: &Option<String>, out: &mut Out) -> io::Result<Counts> {
        let Some(t) = a else {
            writeln!(out, "failed {}", item.id())?;
            return Ok(Counts {
                failed: true,
                claims: 0,
            });
        };
        if t.contains("WPANIC") {
            panic!("a bug in writing");
        }
        for chunk in t.as_bytes().chunks(1000) {
            out.write_all(chunk)?;
        }
        writeln!(out)?;
        Ok(Counts {
            failed: false,
            claims: 1,
        })
    }

    fn input() -> String {
        let mut s = String::new();
        for i in 0..100 {
            let text = match i % 10 {
                3 => "x".repeat(300_000),
                5 => "PANIC".into(),
                7 => format!("WPANIC {}", "y".repeat(i * 10_000)),
                _ => format!("doc {i} said"),
            };
            s.push_str(&serde_json::json!({ "id": i.to_string(), "text": text }).to_string());
            s.push('\n');
        }
        s.push_str("broken\n");
        s
    }

    #[test]
    fn streamed_and_buffered_records_are_the_same_bytes_in_order() {
        let mut want = Vec::new();
        let mut runs = Vec::new();
        for (threads, stream_at, batch) in [(1, usize::MAX, 512), (2, 1000, 7), (2, 0, 1)] {
            let opts = RunOptions {
                threads: Some(threads),
                stream_doc_bytes: stream_at,
                batch_docs: batch,
                ..RunOptions::default()
            };
            let mut out = Vec::new();
            let s = run(stream(input()), &mut out, &opts, None, echo, write_echo).unwrap();
            assert_eq!((s.documents, s.failed, s.claims), (101, 21, 80));
            runs.push(out);
        }
        want.extend_from_slice(&runs[0]);
        assert!(runs.iter().all(|r| *r == want));
        let text = String::from_utf8(want).unwrap();
        assert_eq!(text.lines().count(), 101);
        assert!(text.lines().nth(5).unwrap().contains("internal_error"));
        assert!(text.lines().nth(7).unwrap().contains("internal_error"));
        assert!(text.lines().nth(3).unwrap().starts_with("XXXX"));
    }
}
