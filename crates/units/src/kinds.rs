//! The table of accepted units: one enum per physical quantity, each unit with its
//! file tag, display symbol and exact conversion to SI. `docs/site-format.md` lists the
//! same table for people; a test keeps the two in step.

use uom::si::f64 as si;

use super::tagged::UnitKind;

/// Standard gravity, m/s², to read floor ratings given in kPa as kg/m² (ISO 80000-3).
pub const STANDARD_GRAVITY_M_PER_S2: f64 = 9.806_65;
/// One rack unit, m (EIA-310: 1.75 in = 44.45 mm).
pub const RACK_UNIT_M: f64 = 0.044_45;

macro_rules! unit_kind {
    (
        $(#[$doc:meta])*
        $name:ident, $quantity:ident, $base:ident :: $base_unit:ident, $kind:literal {
            $( $variant:ident = $tag:literal, $symbol:literal, $factor:expr, $offset:expr; )+
        }
    ) => {
        $(#[$doc])*
        #[allow(non_camel_case_types)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $( $variant, )+ }

        impl UnitKind for $name {
            type Quantity = si::$quantity;
            const KIND: &'static str = $kind;
            const ALL: &'static [Self] = &[ $( Self::$variant, )+ ];
            const TAGS: &'static [&'static str] = &[ $( $tag, )+ ];
            fn tag(self) -> &'static str { match self { $( Self::$variant => $tag, )+ } }
            fn symbol(self) -> &'static str { match self { $( Self::$variant => $symbol, )+ } }
            fn factor_offset(self) -> (f64, f64) {
                match self { $( Self::$variant => ($factor, $offset), )+ }
            }
            fn from_si_number(si_number: f64) -> si::$quantity {
                si::$quantity::new::<uom::si::$base::$base_unit>(si_number)
            }
            fn si_number(q: si::$quantity) -> f64 {
                q.get::<uom::si::$base::$base_unit>()
            }
        }
    };
}

unit_kind! {
    /// Electrical or thermal power. BTU/h is the IT BTU (1055.05585262 J); TR = 12,000 BTU/h.
    PowerUnit, Power, power::watt, "power" {
        W = "W", "W", 1.0, 0.0;
        kW = "kW", "kW", 1.0e3, 0.0;
        MW = "MW", "MW", 1.0e6, 0.0;
        BTU_per_h = "BTU_per_h", "BTU/h", 1_055.055_852_62 / 3600.0, 0.0;
        TR = "TR", "TR", 12_000.0 * 1_055.055_852_62 / 3600.0, 0.0;
    }
}

unit_kind! {
    /// A temperature (a point on the scale).
    TemperatureUnit, ThermodynamicTemperature, thermodynamic_temperature::kelvin, "temperature" {
        degC = "degC", "°C", 1.0, 273.15;
        degF = "degF", "°F", 5.0 / 9.0, 459.67 * 5.0 / 9.0;
        K = "K", "K", 1.0, 0.0;
    }
}

unit_kind! {
    /// A temperature difference (ΔT, approach).
    TempDiffUnit, TemperatureInterval, temperature_interval::kelvin, "temperature difference" {
        K = "K", "K", 1.0, 0.0;
        delta_degC = "delta_degC", "°C", 1.0, 0.0;
        delta_degF = "delta_degF", "Δ°F", 5.0 / 9.0, 0.0;
    }
}

unit_kind! {
    /// Volumetric flow of a coolant or of air. GPM is the US gallon (3.785411784 L) per
    /// minute; CFM is a cubic foot (0.3048³ m³) per minute.
    FlowUnit, VolumeRate, volume_rate::cubic_meter_per_second, "flow" {
        L_per_min = "L_per_min", "L/min", 1.0e-3 / 60.0, 0.0;
        GPM = "GPM", "GPM", 3.785_411_784e-3 / 60.0, 0.0;
        m3_per_h = "m3_per_h", "m³/h", 1.0 / 3600.0, 0.0;
        L_per_s = "L_per_s", "L/s", 1.0e-3, 0.0;
        CFM = "CFM", "CFM", 0.3048 * 0.3048 * 0.3048 / 60.0, 0.0;
    }
}

unit_kind! {
    /// Pressure difference across a liquid loop (pump head). `kPa` is a floor-load tag, so
    /// kilopascals of pressure are written `kPa_head`.
    PressureUnit, Pressure, pressure::pascal, "pressure" {
        bar = "bar", "bar", 1.0e5, 0.0;
        Pa = "Pa", "Pa", 1.0, 0.0;
        kPa_head = "kPa_head", "kPa", 1.0e3, 0.0;
        psi = "psi", "psi", 6_894.757_293_168, 0.0;
    }
}

unit_kind! {
    /// Floor area.
    AreaUnit, Area, area::square_meter, "area" {
        m2 = "m2", "m²", 1.0, 0.0;
        ft2 = "ft2", "ft²", 0.092_903_04, 0.0;
    }
}

unit_kind! {
    /// Mass (server, tank, fluid, CO₂).
    MassUnit, Mass, mass::kilogram, "mass" {
        kg = "kg", "kg", 1.0, 0.0;
        lb = "lb", "lb", 0.453_592_37, 0.0;
        t = "t", "t", 1000.0, 0.0;
    }
}

unit_kind! {
    /// Floor loading as mass per area; kPa is read as a distributed load under standard gravity.
    FloorLoadUnit, ArealMassDensity, areal_mass_density::kilogram_per_square_meter, "floor load" {
        kg_per_m2 = "kg_per_m2", "kg/m²", 1.0, 0.0;
        lb_per_ft2 = "lb_per_ft2", "lb/ft²", 0.453_592_37 / 0.092_903_04, 0.0;
        kPa = "kPa", "kPa", 1000.0 / STANDARD_GRAVITY_M_PER_S2, 0.0;
    }
}

unit_kind! {
    /// Energy (annual consumption).
    EnergyUnit, Energy, energy::joule, "energy" {
        kWh = "kWh", "kWh", 3.6e6, 0.0;
        MWh = "MWh", "MWh", 3.6e9, 0.0;
        GWh = "GWh", "GWh", 3.6e12, 0.0;
    }
}

unit_kind! {
    /// Length (rack height, footprint sides). `U` is one rack unit, 44.45 mm.
    LengthUnit, Length, length::meter, "length" {
        mm = "mm", "mm", 1.0e-3, 0.0;
        m = "m", "m", 1.0, 0.0;
        inch = "in", "in", 0.0254, 0.0;
        ft = "ft", "ft", 0.3048, 0.0;
        U = "U", "U", RACK_UNIT_M, 0.0;
    }
}

unit_kind! {
    /// Volume of fluid or water.
    VolumeUnit, Volume, volume::cubic_meter, "volume" {
        L = "L", "L", 1.0e-3, 0.0;
        m3 = "m3", "m³", 1.0, 0.0;
        gal = "gal", "gal", 3.785_411_784e-3, 0.0;
    }
}

unit_kind! {
    /// Density of a fluid.
    DensityUnit, MassDensity, mass_density::kilogram_per_cubic_meter, "density" {
        kg_per_m3 = "kg_per_m3", "kg/m³", 1.0, 0.0;
        kg_per_L = "kg_per_L", "kg/L", 1000.0, 0.0;
    }
}

unit_kind! {
    /// Specific heat capacity of a fluid.
    SpecificHeatUnit, SpecificHeatCapacity, specific_heat_capacity::joule_per_kilogram_kelvin,
    "specific heat" {
        kJ_per_kgK = "kJ_per_kgK", "kJ/(kg·K)", 1.0e3, 0.0;
        J_per_kgK = "J_per_kgK", "J/(kg·K)", 1.0, 0.0;
    }
}

unit_kind! {
    /// A duration (downtime, horizon steps).
    TimeUnit, Time, time::second, "time" {
        h = "h", "h", 3600.0, 0.0;
        min = "min", "min", 60.0, 0.0;
        day = "day", "d", 86_400.0, 0.0;
        year = "year", "a", 365.0 * 86_400.0, 0.0;
    }
}

unit_kind! {
    /// Emission factor of grid electricity (mass of CO₂ per energy).
    EmissionFactorUnit, MassPerEnergy, mass_per_energy::kilogram_per_joule, "emission factor" {
        kg_per_kWh = "kg_per_kWh", "kgCO₂/kWh", 1.0 / 3.6e6, 0.0;
        g_per_kWh = "g_per_kWh", "gCO₂/kWh", 1.0e-3 / 3.6e6, 0.0;
        t_per_MWh = "t_per_MWh", "tCO₂/MWh", 1.0e3 / 3.6e9, 0.0;
        lb_per_MWh = "lb_per_MWh", "lbCO₂/MWh", 0.453_592_37 / 3.6e9, 0.0;
    }
}

unit_kind! {
    /// Power per floor area (lighting power density).
    PowerDensityUnit, HeatFluxDensity, heat_flux_density::watt_per_square_meter, "power density" {
        W_per_m2 = "W_per_m2", "W/m²", 1.0, 0.0;
        W_per_ft2 = "W_per_ft2", "W/ft²", 1.0 / 0.092_903_04, 0.0;
    }
}

/// Water use per energy (WUE, m³ per J inside). uom has no volume-per-energy quantity, so
/// this is a typed newtype; it multiplies an energy to give a volume and nothing else.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct WaterIntensity {
    m3_per_j: f64,
}

impl WaterIntensity {
    /// From litres per kWh (the form The Green Grid's WUE is quoted in).
    pub fn from_l_per_kwh(l_per_kwh: f64) -> Self {
        Self {
            m3_per_j: l_per_kwh * 1.0e-3 / 3.6e6,
        }
    }
    /// Litres per kWh.
    pub fn l_per_kwh(self) -> f64 {
        self.m3_per_j * 3.6e6 / 1.0e-3
    }
    /// Water used for `energy`.
    pub fn water_for(self, energy: si::Energy) -> si::Volume {
        si::Volume::new::<uom::si::volume::cubic_meter>(
            self.m3_per_j * energy.get::<uom::si::energy::joule>(),
        )
    }
}

unit_kind! {
    /// Water usage effectiveness, litres of water per kWh (stored as a volume per kWh).
    WaterIntensityUnit, Volume, volume::cubic_meter, "water intensity" {
        L_per_kWh = "L_per_kWh", "L/kWh", 1.0e-3, 0.0;
        m3_per_MWh = "m3_per_MWh", "m³/MWh", 1.0e-3, 0.0;
        gal_per_kWh = "gal_per_kWh", "gal/kWh", 3.785_411_784e-3, 0.0;
    }
}

/// Short names for the tagged quantities used in the model.
pub type PowerQ = super::Qty<PowerUnit>;
pub type TemperatureQ = super::Qty<TemperatureUnit>;
pub type TempDiffQ = super::Qty<TempDiffUnit>;
pub type FlowQ = super::Qty<FlowUnit>;
pub type PressureQ = super::Qty<PressureUnit>;
pub type AreaQ = super::Qty<AreaUnit>;
pub type MassQ = super::Qty<MassUnit>;
pub type FloorLoadQ = super::Qty<FloorLoadUnit>;
pub type EnergyQ = super::Qty<EnergyUnit>;
pub type LengthQ = super::Qty<LengthUnit>;
pub type VolumeQ = super::Qty<VolumeUnit>;
pub type DensityQ = super::Qty<DensityUnit>;
pub type SpecificHeatQ = super::Qty<SpecificHeatUnit>;
pub type TimeQ = super::Qty<TimeUnit>;
pub type EmissionFactorQ = super::Qty<EmissionFactorUnit>;
pub type PowerDensityQ = super::Qty<PowerDensityUnit>;
/// WUE as written in a file: the volume of water per kWh of energy.
pub type WaterIntensityQ = super::Qty<WaterIntensityUnit>;

impl WaterIntensityQ {
    /// The typed intensity for engine arithmetic.
    pub fn intensity(&self) -> WaterIntensity {
        WaterIntensity::from_l_per_kwh(self.in_unit(WaterIntensityUnit::L_per_kWh))
    }
}

/// Builders that make tests and defaults read as sentences: `kw(10.2)`, `deg_c(32.0)`.
pub mod build {
    use super::*;
    use crate::Qty;
    pub fn kw(n: f64) -> PowerQ {
        Qty::new(n, PowerUnit::kW)
    }
    pub fn deg_c(n: f64) -> TemperatureQ {
        Qty::new(n, TemperatureUnit::degC)
    }
    pub fn kelvin_diff(n: f64) -> TempDiffQ {
        Qty::new(n, TempDiffUnit::K)
    }
    pub fn kg(n: f64) -> MassQ {
        Qty::new(n, MassUnit::kg)
    }
    pub fn kg_per_m2(n: f64) -> FloorLoadQ {
        Qty::new(n, FloorLoadUnit::kg_per_m2)
    }
    pub fn m2(n: f64) -> AreaQ {
        Qty::new(n, AreaUnit::m2)
    }
    pub fn rack_units(n: f64) -> LengthQ {
        Qty::new(n, LengthUnit::U)
    }
    pub fn mm(n: f64) -> LengthQ {
        Qty::new(n, LengthUnit::mm)
    }
    pub fn litres(n: f64) -> VolumeQ {
        Qty::new(n, VolumeUnit::L)
    }
    pub fn days(n: f64) -> TimeQ {
        Qty::new(n, TimeUnit::day)
    }
    pub fn hours(n: f64) -> TimeQ {
        Qty::new(n, TimeUnit::h)
    }
    pub fn kg_per_m3(n: f64) -> DensityQ {
        Qty::new(n, DensityUnit::kg_per_m3)
    }
    pub fn kj_per_kg_k(n: f64) -> SpecificHeatQ {
        Qty::new(n, SpecificHeatUnit::kJ_per_kgK)
    }
    pub fn l_per_min(n: f64) -> FlowQ {
        Qty::new(n, FlowUnit::L_per_min)
    }
    pub fn bar(n: f64) -> PressureQ {
        Qty::new(n, PressureUnit::bar)
    }
    pub fn kg_per_kwh(n: f64) -> EmissionFactorQ {
        Qty::new(n, EmissionFactorUnit::kg_per_kWh)
    }
    pub fn l_per_kwh(n: f64) -> WaterIntensityQ {
        Qty::new(n, WaterIntensityUnit::L_per_kWh)
    }
    pub fn w_per_m2(n: f64) -> PowerDensityQ {
        Qty::new(n, PowerDensityUnit::W_per_m2)
    }
}
