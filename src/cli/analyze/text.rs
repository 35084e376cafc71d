//! The text of `coolplan analyze` (default format), in the user's language.

use coolplan_units::format::written_for_display;
use std::fmt::Write;
use uom::si::power::kilowatt;

use super::Analysis;
use coolplan_engine::analysis::monte_carlo::Spread;
use coolplan_engine::analysis::phased::Method;
use coolplan_units::Money;
use coolplan_units::format::group_thousands;
use coolplan_words::analysis::An;
use coolplan_words::results::{money, option_name, plan_reason, short_number, years};
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
            let option = option_name(t.option, lang);
            let _ = writeln!(
                out,
                "{}",
                An::TornadoTitle.fmt(lang, &[&option, &m(t.base_npv)])
            );
            let _ = writeln!(out, "{}", An::TornadoHeader.tr(lang));
            for bar in &t.bars {
                let _ = writeln!(
                    out,
                    "{} | {} → {} | {} → {} | {}",
                    bar.input,
                    written_for_display(&bar.low.value),
                    m(bar.low.npv),
                    written_for_display(&bar.high.value),
                    m(bar.high.npv),
                    m(bar.swing)
                );
                let base = a.results.site.recommendation.option;
                for end in [&bar.low, &bar.high] {
                    if end.recommended != base {
                        let name = end.recommended.map_or("—", |o| option_name(o, lang));
                        let _ = writeln!(
                            out,
                            "  {}",
                            An::Flips.fmt(lang, &[&name, &written_for_display(&end.value)])
                        );
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
        for o in &mc.options {
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
        for (i, c) in h.cdus.iter().enumerate() {
            let racks = c.rack_count();
            let absorbed = if c.failure_absorbed {
                An::Absorbed
            } else {
                An::NotAbsorbed
            };
            let line = An::CduLine.fmt(
                lang,
                &[
                    &(i + 1),
                    &kw(c.load.get::<kilowatt>()),
                    &kw(c.capacity.get::<kilowatt>()),
                    &racks,
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
                An::Unassigned.fmt(lang, &[&u.racks, &kw(u.heat.get::<kilowatt>())])
            );
        }
        let _ = writeln!(
            out,
            "{}",
            An::LoopLine.fmt(lang, &[&h.loop_racks, &kw(h.loop_heat.get::<kilowatt>())])
        );
    }
    out
}
