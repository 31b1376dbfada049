//! The `extract` command: arguments -> [`extract::run::Config`] -> run -> exit code.
//!
//! Exit codes: 0 when every input was read, 1 when some input failed (its
//! error is on stderr, the others still ran), 2 for bad usage. A closed
//! output pipe (`extract corpus/ | head`) ends the run quietly with 0.

use clap::{CommandFactory, Parser, ValueEnum};
use clap_complete::Shell;
use extract::lexicon::Lexicon;
use extract::run::{self, Config, Format};
use extract::{Extractor, guard, input};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

// jemalloc, not the C library's allocator: each thread makes and frees
// many short vectors per figure and lines read on one thread are often
// freed on another, and glibc's bins and arenas took about 4% more CPU over the
// bulk corpus (README, Performance); jemalloc costs about 10 MB more memory
#[cfg(all(feature = "jemalloc", not(target_env = "msvc")))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

const ABOUT: &str = "Extract money amounts, percentages and customer counts from earnings releases and business news.";

const LONG_ABOUT: &str = "\
Extract money amounts, percentages and customer counts from earnings press
releases and business news, as text or HTML. Each figure becomes one record
(JSON lines by default): its value normalized ($US5.6 billion -> 5600000000
USD), its qualifier (more than, about, up to), the company it belongs to,
what it measures (revenue, run rate, growth, market share, customers...), its
period and its byte offsets in the document's text. `extract --schema`
prints the JSON Schema of a record.";

const EXAMPLES: &str = "\
Examples:
  extract corpus/*.txt > facts.jsonl        records of every file, in order
  extract corpus/                            a directory, walked recursively
  extract --jsonl docs.jsonl                 one {\"id\",\"text\"|\"html\"} per line
  cat release.txt | extract -                standard input
  extract --format csv corpus/ > facts.csv   CSV for spreadsheets
  extract --summary corpus/                  a table per provider and metric
  extract --text page.html                   the text that offsets refer to
  extract --providers mine.tsv corpus/       add companies (format: see --help)

Exit status: 0 all inputs read, 1 some input failed (the others still ran),
2 bad usage.";

const PROVIDERS_HELP: &str = "\
Extra companies, added to the built-in list. FILE is UTF-8 text with one
company per line and three tab-separated fields: the canonical name (what
records say in `provider`), `provider` (a company figures belong to) or
`source` (a bank or research firm that estimates figures about others), and
the names the text uses for it, separated by `|`. Names match
case-sensitively as whole words; the canonical name always matches. Blank
lines and lines starting with # are ignored. For example (<TAB> is a tab):
  Contoso<TAB>provider<TAB>Contoso|Contoso Cloud|CTSO
  Northwind Research<TAB>source<TAB>Northwind";

#[derive(Parser, Debug)]
#[command(name = "extract", version, about = ABOUT, long_about = LONG_ABOUT, after_help = EXAMPLES)]
struct Cli {
    /// Files, directories (walked for .txt .md .html .htm) or - for standard input.
    #[arg(value_name = "PATH", required_unless_present_any = ["text", "schema", "completions", "man"])]
    inputs: Vec<String>,

    /// Read JSON lines, one document per line: {"id": .., "text": ..} or {"id": .., "html": ..}.
    /// Directories are walked for .jsonl and .ndjson files.
    #[arg(long)]
    jsonl: bool,

    /// Threads in all, the one that reads and writes included (default: one per
    /// core). Output is the same for any number.
    #[arg(
        short = 'j',
        long,
        value_name = "N",
        default_value_t = 0,
        hide_default_value = true
    )]
    threads: usize,

    /// Extra companies from FILE: lines of `canonical<TAB>provider|source<TAB>alias|alias`.
    #[arg(long, value_name = "FILE", long_help = PROVIDERS_HELP)]
    providers: Option<PathBuf>,

    /// Output format of the records.
    #[arg(long, value_enum, default_value_t = OutputFormat::Jsonl)]
    format: OutputFormat,

    /// Add each fact's sentence to its record (field `sentence`).
    #[arg(long)]
    context: bool,

    /// Print a table of facts per provider and metric instead of records.
    #[arg(long)]
    summary: bool,

    /// Print the text of FILE that record offsets refer to (the visible text of HTML), and exit.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["inputs", "jsonl", "summary"])]
    text: Option<String>,

    /// Print the JSON Schema of a record, and exit.
    #[arg(long, conflicts_with = "inputs")]
    schema: bool,

    /// Print a completion script for SHELL, and exit.
    #[arg(long, value_name = "SHELL", hide = true, conflicts_with = "inputs")]
    completions: Option<Shell>,

    /// Print the man page (roff), and exit.
    #[arg(long, hide = true, conflicts_with = "inputs")]
    man: bool,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum OutputFormat {
    Jsonl,
    Csv,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    guard::quiet_document_panics();
    let mut stderr = std::io::stderr();
    if let Some(path) = &cli.text {
        return print_text(path, &mut stderr);
    }
    if cli.schema {
        return print(extract::record::SCHEMA.as_bytes(), &mut stderr);
    }
    if let Some(shell) = cli.completions {
        let mut script = Vec::new();
        clap_complete::generate(shell, &mut Cli::command(), "extract", &mut script);
        return print(&script, &mut stderr);
    }
    if cli.man {
        let mut page = Vec::new();
        if let Err(e) = clap_mangen::Man::new(Cli::command()).render(&mut page) {
            let _ = writeln!(stderr, "extract: {e}");
            return ExitCode::from(1);
        }
        return print(&page, &mut stderr);
    }
    let lexicon = match &cli.providers {
        None => Lexicon::builtin(),
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|e| input::io_message(&e))
            .and_then(|t| {
                Lexicon::with_extra(&t)
                    .map_err(|e| format!("{e} (see `extract --help` for the format)"))
            }) {
            Ok(l) => l,
            Err(e) => {
                let _ = writeln!(stderr, "extract: {}: {e}", path.display());
                return ExitCode::from(2);
            }
        },
    };
    let config = Config {
        inputs: cli.inputs,
        jsonl: cli.jsonl,
        threads: cli.threads,
        format: match cli.format {
            OutputFormat::Jsonl => Format::Jsonl,
            OutputFormat::Csv => Format::Csv,
        },
        summary: cli.summary,
        extractor: Extractor::new(lexicon).with_sentences(cli.context),
        progress: stderr.is_terminal(),
    };
    let mut stdout = std::io::stdout().lock();
    match run::run(&config, &mut stdout, &mut stderr) {
        Ok(report) if report.failed > 0 => ExitCode::from(1),
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(stderr, "extract: {e}");
            ExitCode::from(1)
        }
    }
}

/// Writes `bytes` to stdout; a closed pipe is not an error.
fn print(bytes: &[u8], stderr: &mut dyn Write) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(stderr, "extract: {e}");
            ExitCode::from(1)
        }
    }
}

fn print_text(path: &str, stderr: &mut dyn Write) -> ExitCode {
    let source = if path == "-" {
        input::Source::Stdin
    } else {
        input::Source::File(path.into())
    };
    match guard::catch(|| input::read(&source)) {
        Err(panic) => {
            let _ = writeln!(stderr, "extract: {path}: internal error: {panic}");
            ExitCode::from(1)
        }
        Ok(Ok(doc)) => {
            if let Some(w) = &doc.warning {
                let _ = writeln!(stderr, "extract: warning: {}: {w}", doc.name);
            }
            print(doc.text.as_bytes(), stderr)
        }
        Ok(Err(e)) => {
            let _ = writeln!(stderr, "extract: {e}");
            ExitCode::from(1)
        }
    }
}
