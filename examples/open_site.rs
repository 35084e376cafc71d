//! Opens a site as the GUI does (load, validate, resolve the climate, `engine::recompute`)
//! and prints the time of each step and the peak resident memory (VmHWM), for BENCHMARKS.md:
//! `cargo run --release --example open_site -- big.ron [repeats]`.
//!
//! With `repeats`, the recompute then runs that many more times and the minimum, median and
//! 90th percentile are printed: on a shared machine the minimum is the engine's own cost and
//! the spread is the neighbours'.

use std::path::Path;
use std::time::{Duration, Instant};

use coolplan::i18n::{Lang, Say};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: open_site <site.ron> [repeats]")?;
    let repeats: usize = args.next().map(|n| n.parse()).transpose()?.unwrap_or(0);
    let start = Instant::now();
    let loaded = coolplan::io::load_site(&path).map_err(|e| e.say(Lang::En))?;
    let loaded_at = start.elapsed();
    let base = Path::new(&path).parent();
    let climate =
        coolplan::io::climate::resolve(&loaded.site, base).map_err(|e| e.say(Lang::En))?;
    let results = coolplan::engine::recompute(&loaded.site, &climate);
    let evaluated_at = start.elapsed();
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak = status
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .unwrap_or("VmHWM: n/a");
    let racks: u64 = loaded
        .site
        .halls
        .iter()
        .flat_map(|h| &h.racks)
        .map(|r| r.count)
        .sum();
    println!(
        "{path}: {} rack groups ({racks} racks), {} results; load {:.1} ms, \
         load+recompute {:.1} ms; {peak}",
        loaded.site.rack_group_count(),
        results.racks.len(),
        loaded_at.as_secs_f64() * 1e3,
        evaluated_at.as_secs_f64() * 1e3,
    );
    if repeats > 0 {
        let mut times: Vec<Duration> = (0..repeats)
            .map(|_| {
                let at = Instant::now();
                let results = coolplan::engine::recompute(&loaded.site, &climate);
                std::hint::black_box(results);
                at.elapsed()
            })
            .collect();
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "recompute × {repeats}: min {:.2} ms, median {:.2} ms, p90 {:.2} ms",
            ms(times[0]),
            ms(times[repeats / 2]),
            ms(times[repeats * 9 / 10]),
        );
    }
    Ok(())
}
