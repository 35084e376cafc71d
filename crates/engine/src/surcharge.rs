//! Surcharges in the cash flows: a site under a surcharge rule (Beijing's differential
//! electricity price for existing data centres above PUE 1.35) pays, in each plan year the
//! rule is in force and the site's PUE exceeds the limit, the profile's price on the energy
//! above the limit: price × (E_DC − limit × E_IT) (`docs/method.md` §15). Each column (every
//! group on one option, and the plan) pays on its own yearly PUE; the cost enters the site's
//! OPEX of that column and so its NPV. Halls and rack groups are not charged: the rule reads
//! the whole site's PUE.
//!
//! Owns: which surcharge rules a site pays and the amounts per column and year. Never
//! touches: which rules apply (`crate::compliance`), words, files.

use coolplan_model::compliance::Compliance;
use coolplan_model::compliance::rules::{Limit, Metric, RuleBook, RuleKind};
use coolplan_units::{Currency, Money};

use crate::compliance::{Column, SiteSize, applicable, checked_in, excess};
use crate::kpi::YearSums;
use crate::kpi::ledger::Sums;

/// One surcharge rule's cost to each column.
#[derive(Clone, Debug, PartialEq)]
pub struct Surcharge {
    /// Indices into the rule book: `book.sets[set]`, `.rules[rule]`.
    pub set: usize,
    pub rule: usize,
    /// The PUE above which the site pays.
    pub limit: f64,
    /// Price per kWh above the limit, in the site's currency.
    pub per_kwh: Money,
    /// Cost per cash-flow year (0..=horizon, year 0 holding none), one per [`Column::ALL`].
    pub columns: Vec<Vec<Money>>,
}

impl Surcharge {
    /// The cost per cash-flow year of `column`.
    pub fn of(&self, column: Column) -> &[Money] {
        Column::ALL
            .iter()
            .position(|c| *c == column)
            .and_then(|i| self.columns.get(i))
            .map_or(&[], Vec::as_slice)
    }
}

/// The cost of one year's `sums` above a rule's PUE `limit` at `per_kwh`: per_kwh ×
/// max(0, E_DC − limit × E_IT) in kWh, the rule's excess ([`excess`]).
pub fn year_cost(sums: &YearSums, metric: Metric, limit: Limit, per_kwh: f64) -> f64 {
    per_kwh * excess(metric, limit, sums, 0.0).max(0.0) / 1000.0
}

/// The surcharges `profile`'s site pays under `book`, from the site's yearly sums (cash-flow
/// years, year t ≥ 1 in calendar year `first_year + t − 1`); none without a price
/// ([`Compliance::surcharge_per_kwh`]).
pub fn surcharges(
    profile: &Compliance,
    size: &SiteSize,
    book: &RuleBook,
    site: &Sums,
    first_year: u16,
    currency: Currency,
) -> Vec<Surcharge> {
    let Some(per_kwh) = profile.surcharge_per_kwh(currency) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (set, rule_index, rule) in applicable(profile, size, book) {
        let limit = match (rule.kind, rule.metric, rule.limit) {
            (
                RuleKind::Surcharge,
                Metric::Pue | Metric::ElectricEnergyRatio,
                Limit::AtMost(x) | Limit::Below(x),
            ) => x,
            _ => continue,
        };
        let cost = |series: &[YearSums]| -> Vec<Money> {
            series
                .iter()
                .enumerate()
                .map(|(t, sums)| {
                    let year = first_year.saturating_add(t as u16).saturating_sub(1);
                    let charged = t >= 1 && checked_in(rule, profile, year);
                    let amount = if charged {
                        year_cost(sums, rule.metric, rule.limit, per_kwh)
                    } else {
                        0.0
                    };
                    Money::new(amount, currency)
                })
                .collect()
        };
        out.push(Surcharge {
            set,
            rule: rule_index,
            limit,
            per_kwh: Money::new(per_kwh, currency),
            columns: site
                .options
                .iter()
                .map(|series| cost(series))
                .chain([cost(&site.plan)])
                .collect(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compliance::size_of;
    use coolplan_model::compliance::{Date, SiteStatus};
    use uom::si::energy::kilowatt_hour;
    use uom::si::f64::{Energy, Power};
    use uom::si::power::kilowatt;

    fn beijing() -> Compliance {
        Compliance {
            commissioned: Some(Date::first_of(2018)),
            ..Compliance::declared("CN-BJ", SiteStatus::Existing)
        }
    }

    /// A year of 10 GWh of IT at `pue`.
    fn year(pue: f64) -> YearSums {
        YearSums {
            it_wh: 1.0e10,
            facility_wh: pue * 1.0e10,
            ..YearSums::default()
        }
    }

    #[test]
    fn beijing_charges_the_energy_above_pue_1_35_from_2026() {
        // Plan years 2025, 2026, 2027 (cash-flow years 1–3); every column at PUE 1.45, the
        // plan at 1.45 then 1.30 in 2027.
        let series = vec![year(0.0), year(1.45), year(1.45), year(1.45)];
        let mut plan = series.clone();
        plan[3] = year(1.30);
        let sums = Sums {
            options: std::array::from_fn(|_| series.clone()),
            plan,
        };
        let size = size_of(
            &beijing(),
            Power::new::<kilowatt>(1500.0),
            Some((Energy::new::<kilowatt_hour>(14.5e6), 1.45)),
        );
        let found = surcharges(
            &beijing(),
            &size,
            RuleBook::builtin(),
            &sums,
            2025,
            Currency::CNY,
        );
        assert_eq!(found.len(), 1, "one surcharge rule in Beijing");
        let s = &found[0];
        assert_eq!(s.limit, 1.35);
        // [EST] default 0.20 CNY/kWh
        assert_eq!(s.per_kwh, Money::new(0.20, Currency::CNY));
        let air: Vec<f64> = s
            .of(Column::Option(crate::CoolingOption::Air))
            .iter()
            .map(|m| m.amount)
            .collect();
        // 2025: not yet in force. 2026, 2027: (1.45 − 1.35) × 10,000,000 kWh = 1,000,000 kWh
        // above the limit × 0.20 CNY/kWh = 200,000 CNY
        assert_eq!(air[0], 0.0);
        assert_eq!(air[1], 0.0);
        assert!((air[2] - 200_000.0).abs() < 1e-6, "{}", air[2]);
        assert!((air[3] - 200_000.0).abs() < 1e-6, "{}", air[3]);
        // the plan at 1.30 in 2027 pays nothing that year
        let plan = s.of(Column::Plan);
        assert!((plan[2].amount - 200_000.0).abs() < 1e-6);
        assert_eq!(plan[3].amount, 0.0);
    }

    #[test]
    fn a_site_priced_in_another_currency_without_a_price_pays_none() {
        let sums = Sums {
            options: std::array::from_fn(|_| vec![year(1.5)]),
            plan: vec![year(1.5)],
        };
        let size = size_of(
            &beijing(),
            Power::new::<kilowatt>(1500.0),
            Some((Energy::new::<kilowatt_hour>(15.0e6), 1.5)),
        );
        let pays = |currency| {
            surcharges(
                &beijing(),
                &size,
                RuleBook::builtin(),
                &sums,
                2026,
                currency,
            )
            .len()
        };
        assert_eq!((pays(Currency::CNY), pays(Currency::USD)), (1, 0));
    }
}
