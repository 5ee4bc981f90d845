//! What the benchmarks share.

use std::time::Duration;

/// Prints min / median / max of the samples.
pub fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    println!(
        "{name:<48} min {:>8.1} µs  median {:>8.1} µs  max {:>8.1} µs  ({} runs)",
        us(samples[0]),
        us(samples[samples.len() / 2]),
        us(samples[samples.len() - 1]),
        samples.len()
    );
}
