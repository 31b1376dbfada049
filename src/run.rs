//! Running the pipeline over many inputs: documents stream in, are extracted
//! in parallel, and their records stream out in input order.
//!
//! Inputs are read on the calling thread and cut into small chunks. With
//! `threads` = N, a rayon pool of N - 1 workers takes chunks while few wait
//! for it, and the calling thread extracts the others itself, so that a run
//! has N threads in all, one per core (a reading thread beside N workers
//! takes turns with them on the cores: two workers ran 2-4% slower over the
//! bulk corpus that way, with 2,400 context switches where this makes under
//! 100). Extracting a document renders its records to bytes; the calling
//! thread writes each document's records as soon as every document before
//! it is written. At most a few hundred documents or a few megabytes of
//! JSON lines are in flight at once (the reading waits for the writing), so
//! memory is bounded whatever the corpus size, and the output
//! does not depend on the thread count. A document that cannot be read is
//! reported on stderr in its place (`extract: PATH: reason`) and the run goes
//! on.
//!
//! ```
//! use extract::run::{Config, Format, run};
//! let path = std::env::temp_dir().join(format!("run-doc-{}.txt", std::process::id()));
//! std::fs::write(&path, "AWS has more than 1 million customers.").unwrap();
//! let config = Config {
//!     inputs: vec![path.display().to_string(), "missing.txt".into()],
//!     format: Format::Csv,
//!     ..Config::default()
//! };
//! let (mut out, mut err) = (Vec::new(), Vec::new());
//! let report = run(&config, &mut out, &mut err).unwrap();
//! std::fs::remove_file(&path).unwrap();
//! assert_eq!((report.documents, report.facts, report.failed), (1, 1, 1));
//! assert!(String::from_utf8(out).unwrap().starts_with("doc,start,end,text,"));
//! assert_eq!(err, b"extract: missing.txt: no such file or directory\n");
//! ```

use crate::input::{self, Document, InputError, Source};
use crate::progress::Progress;
use crate::record::{FIELDS, Fact};
use crate::{Extractor, guard, summary};
use std::collections::VecDeque;
use std::io::{self, BufRead, Write};
use std::sync::atomic::AtomicUsize;
use std::sync::atomic::Ordering::Relaxed;
use std::sync::mpsc;

/// Output format of the records.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Jsonl,
    Csv,
}

/// What to run on and how.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// Paths, directories and `-`, as given.
    pub inputs: Vec<String>,
    /// Inputs hold JSON lines, one document each.
    pub jsonl: bool,
    /// Threads in all, the calling thread included; 0 means one per core.
    pub threads: usize,
    pub format: Format,
    /// Print a table per provider and metric instead of records.
    pub summary: bool,
    pub extractor: Extractor,
    /// Show a progress bar on stderr when the run is long (see [`crate::progress`]).
    pub progress: bool,
}

/// How a run went.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Documents read and extracted.
    pub documents: usize,
    /// Records written (or counted, for a summary).
    pub facts: usize,
    /// Inputs that could not be read.
    pub failed: usize,
    /// The reader of the output went away (`| head`): the run stopped early.
    pub broken_pipe: bool,
}

/// Documents in flight at most, and bytes of JSON lines in flight at most.
const WINDOW_DOCS: usize = 512;
const WINDOW_BYTES: usize = 16 << 20;

/// Documents extracted as one chunk, and bytes of JSON lines: one task and
/// one message per chunk rather than per document (fewer wake-ups).
const CHUNK_DOCS: usize = 32;
const CHUNK_BYTES: usize = 1 << 20;

/// Files extracted as one chunk, when `left` inputs (the one just added
/// included) have not yet gone into a chunk and `threads` extract them:
/// [`CHUNK_DOCS`], shrinking to one as the end nears, so that the last
/// files are shared among the threads rather than left in one chunk while
/// the others wait.
/// A file's size is not known before it is read, and the last files of a
/// directory may be its largest (the bulk corpus's last 27 hold 9.4 MB:
/// one worker took about 150 ms on them alone).
fn files_per_chunk(left: usize, threads: usize) -> usize {
    (left / (2 * threads.max(1))).clamp(1, CHUNK_DOCS)
}

/// A document's sequence number and what its processing gave; `process`
/// turns a panic into that document's error, so none crosses threads.
type Outcome = (usize, Done);

/// Chunks waiting for a pool worker, per worker, beyond which the calling
/// thread extracts a chunk itself: enough that a worker finds the next
/// chunk waiting when it finishes one, few enough that the calling thread
/// gets its share.
const QUEUED_PER_WORKER: usize = 2;

/// Where chunks are extracted: on the pool while few chunks wait for it,
/// else on the calling thread.
struct Workers<'s, 'a> {
    /// `None` for a run on one thread.
    scope: Option<&'s rayon::ScopeFifo<'a>>,
    /// Pool workers.
    count: usize,
    /// Chunks handed to the pool that no worker has started.
    queued: &'a AtomicUsize,
    config: &'a Config,
    sender: mpsc::Sender<Vec<Outcome>>,
}

impl Workers<'_, '_> {
    /// Threads that extract, the calling thread included.
    fn threads(&self) -> usize {
        self.count + 1
    }

    /// Extracts a chunk of documents and sends their outcomes.
    fn hand_out(&self, chunk: Vec<(usize, Job)>) {
        let extract = |chunk: Vec<(usize, Job)>, config: &Config| -> Vec<Outcome> {
            chunk
                .into_iter()
                .map(|(seq, job)| (seq, process(config, job)))
                .collect()
        };
        match self.scope {
            Some(scope) if self.queued.load(Relaxed) < QUEUED_PER_WORKER * self.count => {
                let (queued, config) = (self.queued, self.config);
                let sender = self.sender.clone();
                queued.fetch_add(1, Relaxed);
                scope.spawn_fifo(move |_| {
                    queued.fetch_sub(1, Relaxed);
                    let _ = sender.send(extract(chunk, config));
                });
            }
            _ => {
                let _ = self.sender.send(extract(chunk, self.config));
            }
        }
    }
}

enum Job {
    Read(Source),
    Parsed(Document),
    Line {
        origin: String,
        number: usize,
        line: String,
    },
    Failed(InputError),
}

struct Done {
    rendered: Vec<u8>,
    facts: Vec<Fact>,
    count: usize,
    error: Option<String>,
    warning: Option<String>,
}

/// Runs `config`, writing records to `out` and messages to `err`.
pub fn run(config: &Config, out: &mut dyn Write, err: &mut dyn Write) -> io::Result<Report> {
    let pool = workers_beside_the_caller(config.threads)?;
    let sources = if config.jsonl {
        input::expand_json_lines(&config.inputs)
    } else {
        input::expand(&config.inputs)
    };
    let progress = Progress::new(config.progress, (!config.jsonl).then_some(sources.len()));
    let mut err = progress.stderr(err);
    let mut report = Report::default();
    let mut table = summary::Summary::default();
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    if config.format == Format::Csv && !config.summary {
        let header = FIELDS
            .iter()
            .filter(|f| **f != "sentence" || config.extractor.sentences())
            .copied();
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(header).map_err(io::Error::other)?;
        out.write_all(
            &w.into_inner()
                .map_err(|e| io::Error::other(e.to_string()))?,
        )?;
    }
    let mut window = Window::default();
    let mut write =
        |done: Done, report: &mut Report, table: &mut summary::Summary| -> io::Result<bool> {
            progress.inc();
            if let Some(e) = done.error {
                report.failed += 1;
                writeln!(err, "extract: {e}")?;
                return Ok(true);
            }
            if let Some(w) = done.warning {
                writeln!(err, "extract: warning: {w}")?;
            }
            report.documents += 1;
            report.facts += done.count;
            table.add(&done.facts);
            if let Err(e) = out.write_all(&done.rendered) {
                return broken(e);
            }
            Ok(true)
        };
    let (sender, results) = mpsc::channel::<Vec<Outcome>>();
    let mut chunk: Vec<(usize, Job)> = Vec::new();
    let mut chunk_bytes = 0;
    // see the module's documentation: a window of documents in flight
    let queued = AtomicUsize::new(0);
    let finished = in_scope(pool.as_ref(), |scope| -> io::Result<bool> {
        let workers = Workers {
            scope,
            count: pool.as_ref().map_or(0, |p| p.current_num_threads()),
            queued: &queued,
            config,
            sender,
        };
        let files = sources.len();
        for (handed, source) in sources.into_iter().enumerate() {
            let jobs: Box<dyn Iterator<Item = Job>> = match source {
                Err(e) => Box::new(std::iter::once(Job::Failed(e))),
                Ok(s) if config.jsonl => Box::new(json_lines(s)),
                Ok(s) => Box::new(std::iter::once(match s {
                    // standard input is read here: workers must not race for it
                    Source::Stdin => match input::read(&s) {
                        Ok(d) => Job::Parsed(d),
                        Err(e) => Job::Failed(e),
                    },
                    s => Job::Read(s),
                })),
            };
            for job in jobs {
                let bytes = match &job {
                    Job::Line { line, .. } => line.len(),
                    _ => 0,
                };
                while window.full(bytes) {
                    // what the window waits for must be in work first
                    if !chunk.is_empty() {
                        workers.hand_out(std::mem::take(&mut chunk));
                        chunk_bytes = 0;
                    }
                    if !window.wait(&results, &mut |d| write(d, &mut report, &mut table))? {
                        return Ok(false);
                    }
                }
                chunk.push((window.push(bytes), job));
                chunk_bytes += bytes;
                let full = if config.jsonl {
                    chunk.len() >= CHUNK_DOCS || chunk_bytes >= CHUNK_BYTES
                } else {
                    chunk.len() >= files_per_chunk(files - handed, workers.threads())
                };
                if full {
                    workers.hand_out(std::mem::take(&mut chunk));
                    chunk_bytes = 0;
                    if !window.ready(&results, &mut |d| write(d, &mut report, &mut table))? {
                        return Ok(false);
                    }
                }
            }
        }
        if !chunk.is_empty() {
            workers.hand_out(std::mem::take(&mut chunk));
        }
        while !window.is_empty() {
            if !window.wait(&results, &mut |d| write(d, &mut report, &mut table))? {
                return Ok(false);
            }
        }
        Ok(true)
    })?;
    if !finished {
        report.broken_pipe = true;
        return Ok(report);
    }
    if config.summary
        && let Err(e) = table.write(&mut out)
    {
        broken(e)?;
    }
    if let Err(e) = out.flush()
        && !broken(e)?
    {
        report.broken_pipe = true;
    }
    Ok(report)
}

/// The pool for a run on `threads` threads (0: one per core): the calling
/// thread is the first of them, so the pool has one fewer, and a run on
/// one thread has none.
fn workers_beside_the_caller(threads: usize) -> io::Result<Option<rayon::ThreadPool>> {
    let threads = match threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    if threads == 1 {
        return Ok(None);
    }
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads - 1)
        .build()
        .map(Some)
        .map_err(io::Error::other)
}

/// Runs `work` in a scope of `pool`, or with no scope when there is no pool.
fn in_scope<'a, R>(
    pool: Option<&rayon::ThreadPool>,
    work: impl FnOnce(Option<&rayon::ScopeFifo<'a>>) -> R,
) -> R {
    match pool {
        Some(pool) => pool.in_place_scope_fifo(|scope| work(Some(scope))),
        None => work(None),
    }
}

/// The documents in flight, and those done but waiting for one before them.
#[derive(Default)]
struct Window {
    /// Sequence number of the next document to hand out.
    next: usize,
    /// Sequence number of the next document to write.
    written: usize,
    /// Done documents from `written` on; `None` while still in work.
    done: VecDeque<Option<Done>>,
    /// Bytes of JSON lines of each document in flight, from `written` on.
    sizes: VecDeque<usize>,
    bytes: usize,
}

impl Window {
    fn is_empty(&self) -> bool {
        self.written == self.next
    }

    /// Whether a job of `bytes` must wait for room (one job always fits).
    fn full(&self, bytes: usize) -> bool {
        !self.is_empty()
            && (self.next - self.written >= WINDOW_DOCS || self.bytes + bytes > WINDOW_BYTES)
    }

    fn push(&mut self, bytes: usize) -> usize {
        self.done.push_back(None);
        self.sizes.push_back(bytes);
        self.bytes += bytes;
        self.next += 1;
        self.next - 1
    }

    /// Takes results in, then writes every document that is next in order;
    /// false when the writing stopped (a closed pipe).
    fn take(
        &mut self,
        outcomes: Vec<Outcome>,
        write: &mut dyn FnMut(Done) -> io::Result<bool>,
    ) -> io::Result<bool> {
        for (seq, done) in outcomes {
            self.done[seq - self.written] = Some(done);
        }
        while let Some(Some(_)) = self.done.front() {
            let done = self.done.pop_front().flatten().expect("the front is done");
            self.bytes -= self.sizes.pop_front().expect("a size per document");
            self.written += 1;
            if !write(done)? {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Waits for the results of one chunk.
    fn wait(
        &mut self,
        results: &mpsc::Receiver<Vec<Outcome>>,
        write: &mut dyn FnMut(Done) -> io::Result<bool>,
    ) -> io::Result<bool> {
        let result = results
            .recv()
            .expect("the calling thread holds a sender for the whole run");
        self.take(result, write)
    }

    /// Takes the results that are already there, without waiting.
    fn ready(
        &mut self,
        results: &mpsc::Receiver<Vec<Outcome>>,
        write: &mut dyn FnMut(Done) -> io::Result<bool>,
    ) -> io::Result<bool> {
        while let Ok(result) = results.try_recv() {
            if !self.take(result, write)? {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

/// A closed pipe ends the run quietly; any other write error is an error.
fn broken(e: io::Error) -> io::Result<bool> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(false)
    } else {
        Err(e)
    }
}

/// The lines of a JSON-lines source, as jobs; blank lines are skipped.
fn json_lines(source: Source) -> impl Iterator<Item = Job> {
    let origin = source.name();
    let reader: Result<Box<dyn BufRead>, InputError> = match &source {
        Source::Stdin => Ok(Box::new(io::BufReader::new(io::stdin()))),
        Source::File(p) => std::fs::File::open(p)
            .map(|f| Box::new(io::BufReader::with_capacity(1 << 20, f)) as Box<dyn BufRead>)
            .map_err(|e| InputError {
                name: origin.clone(),
                message: input::io_message(&e),
            }),
    };
    let mut lines: Box<dyn Iterator<Item = Job>> = match reader {
        Err(e) => Box::new(std::iter::once(Job::Failed(e))),
        Ok(r) => {
            let origin = origin.clone();
            Box::new(
                Lines::new(r)
                    .enumerate()
                    .filter_map(move |(i, line)| match line {
                        Err(e) => Some(Job::Failed(InputError {
                            name: format!("{origin}:{}", i + 1),
                            message: input::io_message(&e),
                        })),
                        Ok(bytes) if bytes.iter().all(u8::is_ascii_whitespace) => None,
                        Ok(bytes) => Some(match String::from_utf8(bytes) {
                            Ok(line) => Job::Line {
                                origin: origin.clone(),
                                number: i + 1,
                                line,
                            },
                            Err(_) => Job::Failed(InputError {
                                name: format!("{origin}:{}", i + 1),
                                message: "not UTF-8".into(),
                            }),
                        }),
                    }),
            )
        }
    };
    std::iter::from_fn(move || lines.next())
}

/// The lines of a reader without their `\n`, as `BufRead::split(b'\n')`
/// gives them, found with the vectorized `memchr`: `split` looks for the
/// line break a word at a time, which was 8% of the reading thread's work.
/// Unlike `split`, the lines end at the first read error, which is the
/// last item: a source that fails on every read (`/proc/self/mem`) would
/// give errors forever, and after a failed read the next bytes may not
/// start a line.
struct Lines<R> {
    reader: R,
    failed: bool,
}

impl<R> Lines<R> {
    fn new(reader: R) -> Lines<R> {
        Lines {
            reader,
            failed: false,
        }
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = io::Result<Vec<u8>>;

    fn next(&mut self) -> Option<io::Result<Vec<u8>>> {
        if self.failed {
            return None;
        }
        let mut line = Vec::new();
        loop {
            let buf = match self.reader.fill_buf() {
                Ok(buf) => buf,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    self.failed = true;
                    return Some(Err(e));
                }
            };
            if buf.is_empty() {
                // the end: what was read since the last line break is a line
                return (!line.is_empty()).then_some(Ok(line));
            }
            let (take, done) = match memchr::memchr(b'\n', buf) {
                Some(i) => (i, true),
                None => (buf.len(), false),
            };
            line.extend_from_slice(&buf[..take]);
            self.reader.consume(take + usize::from(done));
            if done {
                return Some(Ok(line));
            }
        }
    }
}

/// Reads and extracts one job; a panic in either is caught and reported as
/// an internal error of that document (see [`crate::guard`]).
fn process(config: &Config, job: Job) -> Done {
    let failed = |error: String| Done {
        rendered: Vec::new(),
        facts: Vec::new(),
        count: 0,
        error: Some(error),
        warning: None,
    };
    let name = match &job {
        Job::Read(source) => source.name(),
        Job::Parsed(doc) => doc.name.clone(),
        Job::Line { origin, number, .. } => format!("{origin}:{number}"),
        Job::Failed(e) => e.name.clone(),
    };
    let doc = match guard::catch(|| read_job(job)) {
        Ok(Ok(d)) => d,
        Ok(Err(e)) => return failed(e.to_string()),
        Err(panic) => return failed(format!("{name}: internal error: {panic}")),
    };
    match guard::catch(|| extract_document(config, &doc)) {
        Ok(done) => done,
        Err(panic) => failed(format!("{}: internal error: {panic}", doc.name)),
    }
}

fn read_job(job: Job) -> Result<Document, InputError> {
    match job {
        Job::Read(source) => input::read(&source),
        Job::Parsed(doc) => Ok(doc),
        Job::Line {
            origin,
            number,
            line,
        } => input::from_json_line(&line, &origin, number),
        Job::Failed(e) => Err(e),
    }
}

/// A JSON record's usual length besides its document's name (the bulk
/// corpus's records, short names included, are 289 bytes on average and 306
/// at the 90th percentile; no sentence).
const RECORD_BYTES: usize = 320;

fn extract_document(config: &Config, doc: &Document) -> Done {
    guard::injected_panic(&doc.text);
    let facts = config.extractor.extract(&doc.name, &doc.text);
    let mut rendered = Vec::new();
    if !config.summary {
        // sized for the usual record, so that a long document's buffer is
        // not regrown and copied a dozen times
        rendered.reserve(facts.len() * (RECORD_BYTES + doc.name.len()));
        render(&facts, config.format, &mut rendered);
    }
    Done {
        rendered,
        count: facts.len(),
        facts: if config.summary { facts } else { Vec::new() },
        error: None,
        warning: doc.warning.as_ref().map(|w| format!("{}: {w}", doc.name)),
    }
}

/// Appends the records of `facts` to `buf`.
pub fn render(facts: &[Fact], format: Format, buf: &mut Vec<u8>) {
    match format {
        Format::Jsonl => {
            for f in facts {
                f.write_json(buf);
                buf.push(b'\n');
            }
        }
        Format::Csv => {
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(&mut *buf);
            for f in facts {
                w.write_record(csv_fields(f)).expect("writing to memory");
            }
            w.flush().expect("writing to memory");
        }
    }
}

fn csv_fields(f: &Fact) -> Vec<String> {
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    let mut fields = vec![
        f.doc.clone(),
        f.start.to_string(),
        f.end.to_string(),
        f.text.clone(),
        serde_json::to_value(f.kind)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default(),
        f.value.to_string(),
        f.max.map(|m| m.to_string()).unwrap_or_default(),
        f.currency.unwrap_or_default().to_string(),
        f.unit.unwrap_or_default().to_string(),
        f.qualifier.as_str().to_string(),
        opt(&f.provider),
        f.metric.as_str().to_string(),
        opt(&f.period),
        opt(&f.mention),
        opt(&f.source),
        f.rule.to_string(),
    ];
    if let Some(s) = &f.sentence {
        fields.push(s.clone());
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A chunk of one document that says who extracted it.
    fn chunk(seq: usize) -> Vec<(usize, Job)> {
        let doc = Document {
            name: format!("doc{seq}"),
            text: "Revenue rose 5% to $2 billion.".into(),
            warning: None,
        };
        vec![(seq, Job::Parsed(doc))]
    }

    #[test]
    fn the_calling_thread_extracts_once_enough_chunks_wait_for_the_pool() {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let config = Config::default();
        let queued = AtomicUsize::new(0);
        let (sender, results) = mpsc::channel();
        let (release, held) = mpsc::channel::<()>();
        let extracted_on = |outcomes: Vec<Outcome>| -> Vec<usize> {
            outcomes.iter().map(|(seq, _)| *seq).collect()
        };
        pool.in_place_scope_fifo(|scope| {
            // the one worker is busy: what is handed to it waits
            // (until `release` goes, with this closure if an assertion fails)
            let release = release;
            scope.spawn_fifo(move |_| {
                let _ = held.recv();
            });
            let workers = Workers {
                scope: Some(scope),
                count: 1,
                queued: &queued,
                config: &config,
                sender,
            };
            assert_eq!(workers.threads(), 2);
            for seq in 0..QUEUED_PER_WORKER {
                workers.hand_out(chunk(seq));
            }
            assert_eq!(queued.load(Relaxed), QUEUED_PER_WORKER);
            assert!(results.try_recv().is_err(), "the handed chunks wait");
            workers.hand_out(chunk(QUEUED_PER_WORKER));
            // the worker is held, so only the calling thread can have done it
            let mine = results.try_recv().expect("done on the calling thread");
            assert_eq!(extracted_on(mine), [QUEUED_PER_WORKER]);
            drop(release);
        });
        let mut rest: Vec<usize> = results.iter().flat_map(extracted_on).collect();
        rest.sort();
        assert_eq!(rest, (0..QUEUED_PER_WORKER).collect::<Vec<_>>());
        assert_eq!(queued.load(Relaxed), 0);
    }

    #[test]
    fn the_calling_thread_is_one_of_the_threads() {
        let workers = |threads| {
            workers_beside_the_caller(threads)
                .unwrap()
                .map(|pool| pool.current_num_threads())
        };
        assert_eq!(workers(1), None);
        assert_eq!(workers(2), Some(1));
        assert_eq!(workers(5), Some(4));
        let cores = std::thread::available_parallelism().unwrap().get();
        assert_eq!(workers(0), (cores > 1).then(|| cores - 1));
    }

    #[test]
    fn a_run_on_one_thread_extracts_on_the_calling_thread() {
        let (sender, results) = mpsc::channel();
        let config = Config::default();
        let queued = AtomicUsize::new(0);
        let workers = Workers {
            scope: None,
            count: 0,
            queued: &queued,
            config: &config,
            sender,
        };
        workers.hand_out(chunk(7));
        let (seq, done) = results.try_recv().unwrap().remove(0);
        assert_eq!((seq, done.count), (7, 2));
        let path = std::env::temp_dir().join(format!("run-one-{}.txt", std::process::id()));
        std::fs::write(&path, "Revenue rose 5% to $2 billion.").unwrap();
        let config = Config {
            inputs: vec![path.display().to_string()],
            threads: 1,
            ..Config::default()
        };
        let mut out = Vec::new();
        let report = run(&config, &mut out, &mut Vec::new());
        std::fs::remove_file(&path).unwrap();
        let report = report.unwrap();
        assert_eq!((report.documents, report.facts), (1, 2));
        assert_eq!(out.iter().filter(|&&b| b == b'\n').count(), 2);
    }

    #[test]
    fn chunks_of_files_shrink_to_one_at_the_end() {
        for (left, workers, size) in [
            (27_513, 2, CHUNK_DOCS),
            (128, 2, CHUNK_DOCS),
            (100, 2, 25),
            (25, 2, 6),
            (8, 2, 2),
            (3, 2, 1),
            (1, 2, 1),
            (100, 8, 6),
            (1, 1, 1),
            (5, 0, 2),
        ] {
            assert_eq!(
                files_per_chunk(left, workers),
                size,
                "{left} left, {workers} workers"
            );
        }
    }

    /// `Lines` gives what `split(b'\n')` gives, with lines longer than the
    /// reader's buffer, a last line with and without its line break, and
    /// blank lines.
    #[test]
    fn lines_are_those_of_split() {
        let inputs: &[&[u8]] = &[
            b"",
            b"\n",
            b"\n\n",
            b"one",
            b"one\n",
            b"one\ntwo",
            b"one\r\ntwo\r\n",
            b"a line longer than the buffer\n\nshort\nand another long one at the end",
            b"\xff\xfe not UTF-8\n{}\n",
        ];
        for input in inputs {
            for capacity in [1, 3, 8, 1 << 10] {
                let read = || io::BufReader::with_capacity(capacity, *input);
                assert_eq!(
                    outcomes(Lines::new(read())),
                    outcomes(read().split(b'\n')),
                    "{:?} in {capacity}",
                    String::from_utf8_lossy(input)
                );
            }
        }
    }

    /// What one read gives: bytes (as many as fit) or an error.
    type Piece = Result<&'static [u8], io::ErrorKind>;

    /// Reads a list of pieces, one per call; then the end, or errors
    /// forever when `failing`.
    struct Pieces {
        pieces: VecDeque<Piece>,
        failing: bool,
    }

    impl io::Read for Pieces {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            match self.pieces.pop_front() {
                None if self.failing => Err(io::ErrorKind::Other.into()),
                None => Ok(0),
                Some(Err(kind)) => Err(kind.into()),
                Some(Ok(bytes)) => {
                    let n = bytes.len().min(out.len());
                    out[..n].copy_from_slice(&bytes[..n]);
                    if n < bytes.len() {
                        self.pieces.push_front(Ok(&bytes[n..]));
                    }
                    Ok(n)
                }
            }
        }
    }

    /// The first 64 items, errors by kind (bounded: a reader that fails
    /// forever must not hang the test).
    fn outcomes(
        lines: impl Iterator<Item = io::Result<Vec<u8>>>,
    ) -> Vec<Result<Vec<u8>, io::ErrorKind>> {
        lines.take(64).map(|l| l.map_err(|e| e.kind())).collect()
    }

    /// An interrupted read is tried again, as `split` does; any other error
    /// ends the lines, where `split` would go on with the bytes after it.
    #[test]
    fn lines_end_at_the_first_read_error() {
        use io::ErrorKind::{Interrupted, Other};
        let line = |s: &str| Ok(s.as_bytes().to_vec());
        let cases: Vec<(Vec<Piece>, bool, Vec<_>)> = vec![
            (
                vec![Ok(b"one\ntw"), Err(Interrupted), Ok(b"o\nthree")],
                false,
                vec![line("one"), line("two"), line("three")],
            ),
            (
                vec![Ok(b"one\ntw"), Err(Other), Ok(b"o\nthree\n")],
                false,
                vec![line("one"), Err(Other)],
            ),
            (vec![Err(Other)], false, vec![Err(Other)]),
            (vec![Ok(b"one\n")], true, vec![line("one"), Err(Other)]),
            (vec![], true, vec![Err(Other)]),
        ];
        for (pieces, failing, expected) in cases {
            for capacity in [2, 1 << 10] {
                let reader = Pieces {
                    pieces: pieces.clone().into(),
                    failing,
                };
                let lines = Lines::new(io::BufReader::with_capacity(capacity, reader));
                assert_eq!(outcomes(lines), expected, "{pieces:?} in {capacity}");
            }
        }
    }
}
