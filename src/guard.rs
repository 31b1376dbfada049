//! A panic inside one document's work must not take a whole run down.
//!
//! [`catch`] runs a closure and turns a panic into an `Err` carrying the
//! panic's message and where it happened; [`quiet_document_panics`] installs
//! a panic hook that keeps such caught panics off stderr (the run reports
//! them itself as `extract: NAME: internal error: ...`), while any other
//! panic is printed by the previous hook as usual.
//!
//! For tests of this path through the real binary, a document whose text
//! contains the value of the environment variable `EXTRACT_TEST_PANIC`
//! (when set and not empty) panics in extraction: see [`injected_panic`].

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::{LazyLock, Once};

thread_local! {
    /// Set while [`catch`] runs a closure on this thread.
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    /// Where the last caught panic on this thread happened.
    static LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs (once) a panic hook that is silent for panics [`catch`] will
/// report, and defers to the previous hook for all others.
pub fn quiet_document_panics() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if CATCHING.get() {
                let at = info
                    .location()
                    .map(|l| format!("{}:{}", l.file(), l.line()));
                LOCATION.set(at);
            } else {
                previous(info);
            }
        }));
    });
}

/// Runs `f`; a panic becomes `Err(message)`, e.g.
/// `index out of bounds (at src/x.rs:12)` when the hook knows the place.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    let outer = CATCHING.replace(true);
    LOCATION.set(None);
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CATCHING.set(outer);
    result.map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string());
        match LOCATION.take() {
            Some(at) => format!("{message} (at {at})"),
            None => message,
        }
    })
}

/// The marker of `EXTRACT_TEST_PANIC`, read once.
static MARKER: LazyLock<Option<String>> = LazyLock::new(|| {
    std::env::var("EXTRACT_TEST_PANIC")
        .ok()
        .filter(|m| !m.is_empty())
});

/// Panics when `text` holds the `EXTRACT_TEST_PANIC` marker: a fault
/// injected on purpose, so tests can check that a run survives it.
pub fn injected_panic(text: &str) {
    if MARKER.as_deref().is_some_and(|m| text.contains(m)) {
        panic!("injected by EXTRACT_TEST_PANIC");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_error_with_its_place() {
        quiet_document_panics();
        assert_eq!(catch(|| 1 + 1), Ok(2));
        let e = catch(|| -> () { panic!("boom {}", 7) }).unwrap_err();
        assert!(e.starts_with("boom 7 (at src/guard.rs:"), "{e}");
        let e = catch(|| std::panic::panic_any(5u8)).unwrap_err();
        assert!(e.starts_with("panic"), "{e}");
        // nested catches restore the outer state
        let e = catch(|| {
            assert!(catch(|| -> () { panic!("inner") }).is_err());
            panic!("outer")
        })
        .unwrap_err();
        assert!(e.starts_with("outer"), "{e}");
    }
}
