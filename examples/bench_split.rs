//! Helper of `scripts/bench.sh`: splits JSON lines (`{"id", "text"}`) read on
//! standard input into one `.txt` file per document in the directory given as
//! the only argument, named by a zero-padded counter so that the sorted walk
//! of `extract DIR` meets them in input order. Prints `DOCS TEXT_BYTES`.

use std::io::{BufRead, Write};

fn main() -> std::io::Result<()> {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: bench_split DIR < docs.jsonl");
    std::fs::create_dir_all(&dir)?;
    let (mut docs, mut bytes) = (0usize, 0usize);
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value =
            serde_json::from_str(&line).map_err(std::io::Error::other)?;
        let text = value
            .get("text")
            .and_then(|t| t.as_str())
            .unwrap_or_default();
        docs += 1;
        bytes += text.len();
        let path = format!("{dir}/{docs:06}.txt");
        std::fs::File::create(path)?.write_all(text.as_bytes())?;
    }
    println!("{docs} {bytes}");
    Ok(())
}
