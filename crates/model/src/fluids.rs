//! Coolants and immersion fluids with their published properties.

use serde::{Deserialize, Serialize};

use crate::assumptions::{Describe, Named};
use coolplan_units::build::{kg_per_m3, kj_per_kg_k};
use coolplan_units::format::quantity_in;
use coolplan_units::{DensityQ, DensityUnit, SpecificHeatQ, SpecificHeatUnit};

/// A heat-transfer fluid of a liquid loop or an immersion tank.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Fluid {
    /// Water at 30 °C: 995.6 kg/m³, 4.18 kJ/(kg·K) (Airedale DeltaChill manual).
    Water,
    /// 25 % propylene glycol at 30 °C: 1019.2 kg/m³, 3.94 kJ/(kg·K) (Airedale DeltaChill manual).
    PG25,
    /// Shell S5 X GTL immersion fluid: 806 kg/m³ at 15 °C (Shell TDS via secondary);
    /// c_p not published, generic Group III hydrocarbon 2.1 kJ/(kg·K).
    ShellS5X,
    /// Castrol ON DC 15: 835 kg/m³ (Castrol TDS via secondary); c_p generic 2.1 kJ/(kg·K).
    CastrolDC15,
    /// Generic Group III hydrocarbon: 820 kg/m³, 2.1 kJ/(kg·K) (secondary compilation).
    Hydrocarbon,
    /// Any other fluid with its own properties.
    Custom {
        name: String,
        density: DensityQ,
        specific_heat: SpecificHeatQ,
    },
}

impl Fluid {
    /// Density used for flow and mass.
    pub fn density(&self) -> DensityQ {
        match self {
            Fluid::Water => kg_per_m3(995.6),
            Fluid::PG25 => kg_per_m3(1019.2),
            Fluid::ShellS5X => kg_per_m3(806.0),
            Fluid::CastrolDC15 => kg_per_m3(835.0),
            Fluid::Hydrocarbon => kg_per_m3(820.0),
            Fluid::Custom { density, .. } => *density,
        }
    }
    /// Specific heat capacity used for flow.
    pub fn specific_heat(&self) -> SpecificHeatQ {
        match self {
            Fluid::Water => kj_per_kg_k(4.18),
            Fluid::PG25 => kj_per_kg_k(3.94),
            Fluid::ShellS5X | Fluid::CastrolDC15 | Fluid::Hydrocarbon => kj_per_kg_k(2.1),
            Fluid::Custom { specific_heat, .. } => *specific_heat,
        }
    }
    /// Name for display.
    pub fn name(&self) -> String {
        match self {
            Fluid::Water => "water".into(),
            Fluid::PG25 => "PG25".into(),
            Fluid::ShellS5X => "Shell S5 X".into(),
            Fluid::CastrolDC15 => "Castrol ON DC 15".into(),
            Fluid::Hydrocarbon => "hydrocarbon (Group III)".into(),
            Fluid::Custom { name, .. } => name.clone(),
        }
    }
}

/// A fluid is shown by its properties (`995.6 kg/m³, 4.18 kJ/(kg·K)`) after its name, which
/// the words crate gives in the reader's language ([`Named::Fluid`]).
impl Describe for Fluid {
    fn describe(&self) -> String {
        format!(
            "{}, {}",
            quantity_in(self.density().get(), DensityUnit::kg_per_m3),
            quantity_in(self.specific_heat().get(), SpecificHeatUnit::kJ_per_kgK)
        )
    }
    fn file_form(&self) -> String {
        ron::to_string(self).unwrap_or_default()
    }
    fn named(&self) -> Option<Named> {
        Some(Named::Fluid(self.clone()))
    }
}

/// A fluid is not a number: an uncertain input cannot vary it.
impl crate::assumptions::Numeric for Fluid {}
