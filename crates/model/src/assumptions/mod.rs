//! Assumptions of a site: every price, efficiency and design figure the engine uses.
//!
//! Each field is optional in the file. A missing field takes its documented default, whose
//! source is recorded next to it; [`Assumptions::resolve`] gives the engine plain values and
//! [`Assumptions::entries`] lists every input with its provenance for reports and the GUI.
//! Groups: [`cooling`] (air limit, loops, CDUs, tanks), [`plant`] (PUE model),
//! [`prices`] (cost model), [`finance`] (horizon, discount rate). Every field has one typed
//! name, an [`AssumptionKey`] (`finance.discount_rate`), generated with the field: uncertain
//! inputs, the currency check, validation paths and the app's editor address fields by it.

#[macro_use]
mod macros;
pub mod cooling;
pub mod describe;
pub mod finance;
mod key;
pub mod numeric;
pub mod plant;
pub mod prices;

use serde::{Deserialize, Serialize};

use coolplan_units::Currency;
pub use describe::{Describe, Named};
pub use key::{AssumptionKey, Group};
pub use numeric::{Amount, Numeric};

/// Where a value shown to the user came from.
#[derive(Clone, Debug, PartialEq)]
pub enum Provenance {
    /// coolplan's default; the text names the published source.
    Default { source: &'static str },
    /// The server catalog shipped in `assets/catalog.ron`.
    Catalog,
    /// Written in this site file.
    SiteFile,
    /// Measured (imported metering data).
    Measured,
}

/// Assumption keys whose value is a fraction of one (a share or a rate): shown as percent.
pub const FRACTION_KEYS: &[&str] = &[
    "cold_plate_fan_saving",
    "air_fan_share",
    "heat_rejection_fan_share",
    "chilled_water_pump_share",
    "pump_share",
    "electrical_loss_share",
    "misc_share",
    "contingency",
    "cold_plate_maintenance",
    "immersion_maintenance",
    "fluid_top_up",
    "rdhx_back_pressure_fan_share",
    "rdhx_active_fan_share",
    "rdhx_maintenance",
    "discount_rate",
];

/// True for an assumption key kept as a fraction ([`FRACTION_KEYS`]).
pub fn is_fraction(key: &str) -> bool {
    FRACTION_KEYS.contains(&key)
}

/// One input as listed in the assumptions appendix and the GUI editor.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The field, e.g. `finance.discount_rate`.
    pub key: AssumptionKey,
    /// The value in the file's own notation, e.g. `kW(25)`.
    pub value: String,
    /// For people, in no language: `25 kW`, `600 kW` (a CDU size's name is in [`Entry::named`]).
    pub display: String,
    /// The value's own name, worded by the words crate (`In-row CDU` / `列间 CDU`).
    pub named: Option<Named>,
    pub provenance: Provenance,
}

/// Every assumption group of a site, each optional field by optional field.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Assumptions {
    #[serde(skip_serializing_if = "cooling::Cooling::is_empty")]
    pub cooling: cooling::Cooling,
    #[serde(skip_serializing_if = "plant::Plant::is_empty")]
    pub plant: plant::Plant,
    #[serde(skip_serializing_if = "prices::Prices::is_empty")]
    pub prices: prices::Prices,
    #[serde(skip_serializing_if = "finance::Finance::is_empty")]
    pub finance: finance::Finance,
}

/// All assumptions with defaults filled in: what the engine reads.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub cooling: cooling::CoolingResolved,
    pub plant: plant::PlantResolved,
    pub prices: prices::PricesResolved,
    pub finance: finance::FinanceResolved,
}

impl Assumptions {
    /// Fills every missing value with its default for `currency`.
    pub fn resolve(&self, currency: Currency) -> Resolved {
        Resolved {
            cooling: self.cooling.resolve(currency),
            plant: self.plant.resolve(currency),
            prices: self.prices.resolve(currency),
            finance: self.finance.resolve(currency),
        }
    }

    /// Every input with its value and provenance, in file order. Shares and rates, kept as
    /// fractions in the file, are shown as percentages (`discount_rate: 0.08` → `8 %`).
    pub fn entries(&self, currency: Currency) -> Vec<Entry> {
        let mut all = self.cooling.entries(currency);
        all.extend(self.plant.entries(currency));
        all.extend(self.prices.entries(currency));
        all.extend(self.finance.entries(currency));
        for entry in all.iter_mut().filter(|e| is_fraction(e.key.name())) {
            if let Ok(value) = entry.value.parse::<f64>() {
                entry.display = describe::percent_of_fraction(value);
            }
        }
        all
    }

    /// True when the file sets no assumption (the group is then not written).
    pub fn is_empty(&self) -> bool {
        self.cooling.is_empty()
            && self.plant.is_empty()
            && self.prices.is_empty()
            && self.finance.is_empty()
    }
}
