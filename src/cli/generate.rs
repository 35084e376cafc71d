//! `coolplan generate --racks N --seed S -o big.ron`: writes a deterministic synthetic site
//! ([`coolplan_model::generate`]) for benchmarks and demos, atomically, in canonical form.

use std::path::PathBuf;

use super::Outcome;
use super::terminal::out;
use coolplan_io::{SaveOptions, SaveOutcome, save_site};
use coolplan_model::generate::generate_site;
use coolplan_words::generate::Gen;
use coolplan_words::{Lang, Text};

/// Most rack groups `generate` writes: 100,000 groups make a ≈ 52 MB file (10,000: 5.2 MB), inside the
/// loader's 64 MiB cap.
pub const MAX_GROUPS: u32 = 100_000;

#[derive(Debug, clap::Args)]
pub struct GenerateArgs {
    /// Rack groups (rows of the rack table) to generate, 1–100000; each holds 1–8 racks.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_GROUPS)))]
    pub racks: u32,
    /// Seed: the same seed and count always give the same site.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The site file to write (replaced atomically; a previous version is kept as .bak).
    #[arg(short, long)]
    pub output: PathBuf,
}

pub fn run(args: &GenerateArgs, lang: Lang) -> Outcome {
    let site = generate_site(args.racks as usize, args.seed);
    let origin = args.output.display().to_string();
    match save_site(&args.output, &site, SaveOptions::default()) {
        Ok(SaveOutcome::Written { .. }) => {
            let (groups, racks, halls) =
                (site.rack_group_count(), site.rack_count(), site.halls.len());
            out!(
                "{}",
                Gen::Written.fmt(lang, &[&origin, &groups, &racks, &halls, &args.seed])
            );
            Outcome::Ok
        }
        Ok(SaveOutcome::Unchanged) => {
            out!("{}", Gen::Unchanged.fmt(lang, &[&origin]));
            Outcome::Ok
        }
        Ok(SaveOutcome::WouldDropComments) => {
            out!("{}", Gen::RefuseComments.fmt(lang, &[&origin]));
            Outcome::Invalid
        }
        Err(e) => super::save_failed(&e, lang),
    }
}
