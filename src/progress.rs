//! A progress bar on stderr for long runs.
//!
//! Shown only when asked for (the CLI asks when stderr is a terminal) and
//! the run is long: at least [`MANY_DOCUMENTS`] documents named by the
//! arguments, or JSON-lines input (whose number of documents is not known
//! ahead, so it shows a count and a rate instead of a bar). Messages written
//! to stderr during the run go through [`Progress::stderr`], which writes
//! whole lines with the bar lifted, so messages and the bar never mix.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{self, Write};

/// Documents from which a run of files is long enough for a bar.
pub const MANY_DOCUMENTS: usize = 50;

/// A progress bar, or nothing.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar for `documents` documents (`None`: unknown, JSON lines), when
    /// `enabled` and the run is long; otherwise a silent no-op.
    pub fn new(enabled: bool, documents: Option<usize>) -> Progress {
        let bar = match documents {
            _ if !enabled => None,
            Some(n) if n < MANY_DOCUMENTS => None,
            Some(n) => Some(
                ProgressBar::with_draw_target(Some(n as u64), ProgressDrawTarget::stderr())
                    .with_style(
                        ProgressStyle::with_template(
                            "{bar:40} {pos}/{len} documents  {elapsed}  ETA {eta}",
                        )
                        .expect("a valid template"),
                    ),
            ),
            None => Some(
                ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(
                    ProgressStyle::with_template("{spinner} {human_pos} documents  {elapsed}")
                        .expect("a valid template"),
                ),
            ),
        };
        if let Some(bar) = &bar {
            bar.tick(); // shown from the start, before the first document is done
        }
        Progress { bar }
    }

    /// Whether a bar is shown.
    pub fn is_shown(&self) -> bool {
        self.bar.is_some()
    }

    /// One more document done.
    pub fn inc(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    /// Removes the bar at the end of the run.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }

    /// `err`, writing whole lines with the bar lifted.
    pub fn stderr<'a>(&'a self, err: &'a mut dyn Write) -> LineWriter<'a> {
        LineWriter {
            bar: self.bar.as_ref(),
            inner: err,
            line: Vec::new(),
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

/// A writer that holds a partial line back and writes complete lines while
/// the progress bar is hidden.
pub struct LineWriter<'a> {
    bar: Option<&'a ProgressBar>,
    inner: &'a mut dyn Write,
    line: Vec<u8>,
}

impl Write for LineWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let Some(bar) = self.bar else {
            return self.inner.write(buf);
        };
        self.line.extend_from_slice(buf);
        if let Some(last) = memchr::memrchr(b'\n', &self.line) {
            let rest = self.line.split_off(last + 1);
            let lines = std::mem::replace(&mut self.line, rest);
            let inner = &mut *self.inner;
            bar.suspend(|| inner.write_all(&lines).and_then(|_| inner.flush()))?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.line.is_empty() {
            let line = std::mem::take(&mut self.line);
            let inner = &mut *self.inner;
            match self.bar {
                Some(bar) => bar.suspend(|| inner.write_all(&line))?,
                None => inner.write_all(&line)?,
            }
        }
        self.inner.flush()
    }
}

impl Drop for LineWriter<'_> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_runs_and_disabled_runs_have_no_bar() {
        assert!(!Progress::new(false, Some(1000)).is_shown());
        assert!(!Progress::new(false, None).is_shown());
        assert!(!Progress::new(true, Some(MANY_DOCUMENTS - 1)).is_shown());
        assert!(Progress::new(true, Some(MANY_DOCUMENTS)).is_shown());
        assert!(Progress::new(true, None).is_shown());
    }

    #[test]
    fn messages_pass_through_whole() {
        let progress = Progress::new(true, None);
        let mut sink = Vec::new();
        {
            let mut w = progress.stderr(&mut sink);
            write!(w, "extract: ").unwrap();
            writeln!(w, "a: no such file").unwrap();
            write!(w, "partial").unwrap();
        }
        progress.finish();
        assert_eq!(sink, b"extract: a: no such file\npartial");
        let quiet = Progress::new(false, None);
        let mut sink = Vec::new();
        writeln!(quiet.stderr(&mut sink), "x").unwrap();
        assert_eq!(sink, b"x\n");
    }
}
