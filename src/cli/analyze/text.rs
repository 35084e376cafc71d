//! The text of `coolplan analyze` (default format), in the user's language.

use std::fmt::Write;
use uom::si::power::kilowatt;

use super::Analysis;
use coolplan_engine::analysis::monte_carlo::Spread;
use coolplan_engine::analysis::phased::Method;
use coolplan_units::Money;
use coolplan_units::format::group_thousands;
use coolplan_words::analysis::An;
use coolplan_words::fields::assumption_label;
use coolplan_words::results::plan as plan_words;
use coolplan_words::results::{
    cdu_size_name, money, option_name, plan_reason, short_number, units_as_written, years,
};
use coolplan_words::{Lang, Text};

fn kw(value: f64) -> String {
    format!("{} kW", short_number(value))
}

fn three<T: Copy>(s: &Spread<T>, f: impl Fn(T) -> String) -> String {
    format!("{} / {} / {}", f(s.p10), f(s.p50), f(s.p90))
}

/// The whole analysis as text.
pub fn to_text(a: &Analysis, lang: Lang) -> String {
    let mut out = String::new();
    let m = |v: Money| money(v, lang);
    let _ = writeln!(out, "{}\n", An::Title.fmt(lang, &[&a.site]));
    match &a.tornado {
        None => {
            let _ = writeln!(out, "{}\n", An::NoRanges.tr(lang));
        }
        Some(t) => {
            if t.default_ranges {
                let _ = writeln!(out, "{}", An::RepNoRanges.tr(lang));
            }
            let _ = writeln!(out, "{}", An::TornadoTitle.fmt(lang, &[&m(t.base_npv)]));
            let _ = writeln!(out, "{}", An::TornadoHeader.tr(lang));
            let shown = |text: &str| units_as_written(text, lang);
            for bar in &t.bars {
                let _ = writeln!(
                    out,
                    "{} | {} → {} | {} → {} | {}",
                    assumption_label(bar.input, lang),
                    shown(&bar.low.display),
                    m(bar.low.npv),
                    shown(&bar.high.display),
                    m(bar.high.npv),
                    m(bar.swing)
                );
                if let Some(why) = &bar.no_effect {
                    let _ = writeln!(out, "  {}", plan_words::no_effect(why, lang));
                }
                for end in [&bar.low, &bar.high] {
                    if end.plan_changed {
                        let _ = writeln!(out, "  {}", An::Flips.fmt(lang, &[&shown(&end.display)]));
                    }
                }
            }
            out.push('\n');
        }
    }
    if let Some(mc) = &a.monte_carlo {
        let seconds = group_thousands(a.monte_carlo_seconds, 2);
        let _ = writeln!(
            out,
            "{}",
            An::McTitle.fmt(lang, &[&mc.samples, &mc.seed, &seconds])
        );
        let _ = writeln!(out, "{}", An::McHeader.tr(lang));
        for o in mc.shown() {
            let _ = writeln!(
                out,
                "{} | {} | {} | {} | {} %",
                option_name(o.option, lang),
                three(&o.npv, m),
                three(&o.payback_years, |y| years(y, lang)),
                three(&o.pue, |p| group_thousands(p, 3)),
                group_thousands(o.probability_best * 100.0, 1)
            );
        }
        if mc.probability_none_feasible > 0.0 {
            let share = format!(
                "{} %",
                group_thousands(mc.probability_none_feasible * 100.0, 1)
            );
            let _ = writeln!(out, "{}", An::NoneFeasible.fmt(lang, &[&share]));
        }
        out.push('\n');
    }
    if let (Some(p), Some(budget)) = (&a.plan, a.budget) {
        let method = match p.method {
            Method::Exhaustive => An::Exhaustive.tr(lang),
            Method::Heuristic => An::Heuristic.tr(lang),
        };
        let _ = writeln!(
            out,
            "{}",
            An::PlanTitle.fmt(lang, &[&m(budget), &p.years.len(), &method, &m(p.npv)])
        );
        for y in &p.years {
            let _ = writeln!(
                out,
                "{}",
                An::PlanYear.fmt(lang, &[&y.year, &m(y.spent), &m(y.budget)])
            );
            for g in y.conversions.iter().map(|g| &p.groups[*g]) {
                let option = g.choice.map_or("—", |c| option_name(c.0, lang));
                let _ = writeln!(
                    out,
                    "{}",
                    An::PlanConversion.fmt(lang, &[&g.group, &g.racks, &option, &m(g.capex)])
                );
            }
            for (hall, units, cost) in &y.cdus_bought {
                let _ = writeln!(out, "{}", An::PlanCdus.fmt(lang, &[hall, units, &m(*cost)]));
            }
        }
        let _ = writeln!(out, "{}", An::WhyHeader.tr(lang));
        for g in &p.groups {
            let choice = match g.choice {
                Some((option, year)) => format!("{} {year}", option_name(option, lang)),
                None => An::StaysAir.tr(lang).to_string(),
            };
            let why = plan_reason(&g.reason, lang);
            let _ = writeln!(out, "  {}: {choice} — {why}", g.group);
        }
        let _ = writeln!(out, "{}", An::CumulativeTitle.tr(lang));
        for ((year, plain), (_, discounted)) in p.cumulative.iter().zip(&p.cumulative_discounted) {
            let _ = writeln!(out, "  {year}: {} / {}", m(*plain), m(*discounted));
        }
        out.push('\n');
    }
    for h in &a.redundancy {
        let verdict = if h.n_plus_one {
            An::NPlusOneHolds.tr(lang)
        } else {
            An::NPlusOneFails.tr(lang)
        };
        let option = option_name(h.option, lang);
        let _ = writeln!(
            out,
            "{} — {verdict}",
            An::RedundancyTitle.fmt(lang, &[&h.hall, &option])
        );
        let _ = writeln!(
            out,
            "{}",
            An::CduDesignLine.fmt(
                lang,
                &[
                    &h.units,
                    &format!(
                        "{} {}",
                        cdu_size_name(&h.size, lang),
                        kw(h.cdus.first().map_or(0.0, |c| c.capacity.get::<kilowatt>()))
                    ),
                    &(h.units
                        - h.cdus
                            .iter()
                            .filter(|c| c.is_spare())
                            .map(|c| c.units)
                            .sum::<u64>()),
                    &h.cdus
                        .iter()
                        .filter(|c| c.is_spare())
                        .map(|c| c.units)
                        .sum::<u64>(),
                    &kw(h.spare_capacity.get::<kilowatt>()),
                ],
            )
        );
        for (c, numbers) in h.cdus.iter().zip(h.unit_numbers()) {
            let racks = c.rack_count();
            let absorbed = if c.failure_absorbed {
                An::Absorbed
            } else {
                An::NotAbsorbed
            };
            let line = An::CduLine.fmt(
                lang,
                &[
                    &coolplan_words::counted::unit_numbers(&numbers),
                    &kw(c.load.get::<kilowatt>()),
                    &kw(c.capacity.get::<kilowatt>()),
                    &coolplan_words::counted::racks(lang, racks),
                    &kw(c.load.get::<kilowatt>()),
                    &absorbed.tr(lang),
                ],
            );
            let _ = writeln!(out, "{line}");
        }
        for u in &h.unassigned {
            let _ = writeln!(
                out,
                "{}",
                An::Unassigned.fmt(
                    lang,
                    &[
                        &coolplan_words::counted::racks(lang, u.racks),
                        &kw(u.heat.get::<kilowatt>()),
                    ],
                )
            );
        }
        let _ = writeln!(
            out,
            "{}",
            An::LoopLine.fmt(
                lang,
                &[
                    &coolplan_words::counted::racks(lang, h.loop_racks),
                    &kw(h.loop_heat.get::<kilowatt>()),
                ],
            )
        );
    }
    out
}
