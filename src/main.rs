//! The `extract` command: arguments -> [`extract::run::Config`] -> run -> exit code.

use clap::{Parser, ValueEnum};
use extract::lexicon::Lexicon;
use extract::run::{self, Config, Format};
use extract::{Extractor, guard, input};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const ABOUT: &str = "Extract money amounts, percentages and customer counts from earnings releases and business news.";

const LONG_ABOUT: &str = "\
Extract money amounts, percentages and customer counts from earnings press
releases and business news, as text or HTML. Each figure becomes one record
(JSON lines by default): its value normalized ($US5.6 billion -> 5600000000
USD), its qualifier (more than, about, up to), the company it belongs to,
what it measures (revenue, run rate, growth, market share, customers...), its
period and its byte offsets in the document's text.";

const EXAMPLES: &str = "\
Examples:
  extract corpus/*.txt > facts.jsonl        records of every file, in order
  extract corpus/                            a directory, walked recursively
  extract --jsonl docs.jsonl                 one {\"id\",\"text\"|\"html\"} per line
  cat release.txt | extract -                standard input
  extract --format csv corpus/ > facts.csv   CSV for spreadsheets
  extract --summary corpus/                  a table per provider and metric
  extract --text page.html                   the text that offsets refer to
  extract --providers mine.tsv corpus/       add companies (see README)";

#[derive(Parser, Debug)]
#[command(name = "extract", version, about = ABOUT, long_about = LONG_ABOUT, after_help = EXAMPLES)]
struct Cli {
    /// Files, directories (walked for .txt .md .html .htm) or - for standard input.
    #[arg(value_name = "PATH", required_unless_present = "text")]
    inputs: Vec<String>,

    /// Read JSON lines, one document per line: {"id": .., "text": ..} or {"id": .., "html": ..}.
    #[arg(long)]
    jsonl: bool,

    /// Worker threads (default: one per core). Output is the same for any number.
    #[arg(
        short = 'j',
        long,
        value_name = "N",
        default_value_t = 0,
        hide_default_value = true
    )]
    threads: usize,

    /// Extra companies: lines of `canonical<TAB>provider|source<TAB>alias|alias`.
    #[arg(long, value_name = "FILE")]
    providers: Option<PathBuf>,

    /// Output format of the records.
    #[arg(long, value_enum, default_value_t = OutputFormat::Jsonl)]
    format: OutputFormat,

    /// Add each fact's sentence to its record.
    #[arg(long)]
    context: bool,

    /// Print a table of facts per provider and metric instead of records.
    #[arg(long)]
    summary: bool,

    /// Print the text of FILE that record offsets refer to (the visible text of HTML), and exit.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["inputs", "jsonl", "summary"])]
    text: Option<String>,
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
    let lexicon = match &cli.providers {
        None => Lexicon::builtin(),
        Some(path) => match std::fs::read_to_string(path)
            .map_err(|e| input::io_message(&e))
            .and_then(|t| Lexicon::with_extra(&t).map_err(|e| e.to_string()))
        {
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

fn print_text(path: &str, stderr: &mut dyn Write) -> ExitCode {
    let source = if path == "-" {
        input::Source::Stdin
    } else {
        input::Source::File(path.into())
    };
    match input::read(&source) {
        Ok(doc) => {
            let mut out = std::io::stdout().lock();
            match out.write_all(doc.text.as_bytes()).and_then(|_| out.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    let _ = writeln!(stderr, "extract: {e}");
                    ExitCode::from(1)
                }
            }
        }
        Err(e) => {
            let _ = writeln!(stderr, "extract: {e}");
            ExitCode::from(1)
        }
    }
}
