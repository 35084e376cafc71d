//! Opens a site as the GUI does (load, validate, resolve the climate, evaluate) and prints
//! the time of each step and the peak resident memory (VmHWM), for BENCHMARKS.md:
//! `cargo run --release --example open_site -- big.ron`.

use std::path::Path;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: open_site <site.ron>")?;
    let start = Instant::now();
    let loaded = coolplan::io::load_site(&path)?;
    let loaded_at = start.elapsed();
    let base = Path::new(&path).parent();
    let climate = coolplan::io::climate::resolve(&loaded.site, base)?;
    let results = coolplan::engine::evaluate(&loaded.site, &climate);
    let evaluated_at = start.elapsed();
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak = status
        .lines()
        .find(|l| l.starts_with("VmHWM"))
        .unwrap_or("VmHWM: n/a");
    println!(
        "{path}: {} rack groups, {} results; load {:.1} ms, load+evaluate {:.1} ms; {peak}",
        loaded.site.rack_group_count(),
        results.racks.len(),
        loaded_at.as_secs_f64() * 1e3,
        evaluated_at.as_secs_f64() * 1e3,
    );
    Ok(())
}
