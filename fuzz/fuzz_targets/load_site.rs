//! Loads and validates arbitrary bytes as a site file: any input must give a site or an
//! error, never a panic, a stack overflow or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(loaded) = coolplan::io::load_bytes(data, "fuzz.ron") {
        // A valid site must also survive the canonical writer.
        let _ = coolplan::io::to_canonical_string(&loaded.site);
    }
});
