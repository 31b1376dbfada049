//! Micro-benchmarks of the hot stages on a fixed earnings-release text
//! (`benches/release.txt`, about 16 KB and 340 figures, written for this
//! benchmark): number scanning, company names, recognition and the whole
//! `extract_text`. Run with `cargo bench --bench stages`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use extract::lexicon::{self, Lexicon};
use std::hint::black_box;

const TEXT: &str = include_str!("release.txt");

fn stages(c: &mut Criterion) {
    let lexicon = Lexicon::builtin();
    let names: Vec<(usize, usize)> = lexicon
        .find(TEXT)
        .iter()
        .map(|e| (e.start, e.end))
        .collect();
    // compile every lazily built pattern before timing
    black_box(extract::extract_text("release.txt", TEXT));

    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(TEXT.len() as u64));
    group.bench_function("number_scan", |b| {
        b.iter(|| extract::number::scan(black_box(TEXT)))
    });
    group.bench_function("lexicon_find", |b| b.iter(|| lexicon.find(black_box(TEXT))));
    group.bench_function("companies_find", |b| {
        b.iter(|| lexicon::companies::find(black_box(TEXT), &lexicon).entities)
    });
    group.bench_function("recognize", |b| {
        b.iter(|| extract::recognize::recognize(black_box(TEXT), &names))
    });
    group.bench_function("extract_text", |b| {
        b.iter(|| extract::extract_text("release.txt", black_box(TEXT)))
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
