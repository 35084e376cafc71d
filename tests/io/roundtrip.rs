//! Property tests: random valid sites survive save → load equal, and the canonical text is a
//! fixed point (load → save → load → save gives identical text).

use proptest::prelude::*;

use coolplan::io::{load_str, to_canonical_string};
use coolplan::model::assumptions::Assumptions;
use coolplan::model::{
    AirPlant, CalibrationSplit, ClimateSource, Cooling, CoolingRule, CostMode, FacilityWater,
    Floor, FloorKind, Hall, HeatRejection, Location, MeasuredPower, Position, Rack, Refresh,
    SCHEMA_VERSION, ServerGroup, Site, Status, UpsCurve, UpsRedundancy, WaterClass,
};
use coolplan::units::{
    AreaUnit, Currency, EnergyUnit, FloorLoadUnit, LengthUnit, PowerUnit, Price, Qty,
    TemperatureUnit, TimeUnit, UnitKind,
};

/// A positive number as people write it: an integer or a decimal with up to 4 places,
/// sometimes large (fleet counts), sometimes tiny.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        (1u32..100_000).prop_map(f64::from),
        (1u64..10_000_000, 0u32..5).prop_map(|(m, p)| m as f64 / 10f64.powi(p as i32)),
        (1.0e-6f64..1.0e9),
    ]
}

fn unit<U: UnitKind>() -> impl Strategy<Value = U> {
    prop::sample::select(U::ALL.to_vec())
}

fn qty<U: UnitKind>() -> impl Strategy<Value = Qty<U>> {
    (number(), unit::<U>()).prop_map(|(n, u)| Qty::new(n, u))
}

/// Free text including what is hard to round-trip: quotes, backslashes, newlines, `//`, CJK.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 _.-]{0,12}",
        Just("数据大厅 A1".to_string()),
        Just("say \"hi\" // not a comment \\ back".to_string()),
        Just("two\nlines r#\"raw\"#".to_string()),
    ]
}

fn server_group() -> impl Strategy<Value = ServerGroup> {
    (
        prop::sample::select(vec!["cpu-1u", "cpu-2u", "storage-2u"]),
        1u32..=6,
        prop_oneof![
            (Just(Status::Stock), prop::option::of(2015u16..=2030)),
            (2026u16..=2040).prop_map(|year| (Status::New(year), None)),
        ],
        prop::option::of((1u32..=12).prop_map(|y| Qty::new(f64::from(y), TimeUnit::year))),
        prop::option::of(prop_oneof![
            Just(Refresh::LikeForLike),
            Just(Refresh::Retire),
            Just(Refresh::Model("cpu-2u".into())),
        ]),
        text(),
    )
        .prop_map(
            |(model, count, (status, installed), service_life, refresh, notes)| ServerGroup {
                model: model.into(),
                count,
                status,
                installed,
                service_life,
                refresh,
                notes,
            },
        )
}

fn rack(index: usize) -> impl Strategy<Value = Rack> {
    (
        text(),
        // Fleet counts, within the site's plausible power (500 GW; docs/site-format.md).
        1u64..1_000_000,
        42u32..=52,
        prop::option::of(("[A-Z]", 1u32..99).prop_map(|(row, slot)| Position { row, slot })),
        prop::option::of(0.0f64..=1.0),
        prop::collection::vec(server_group(), 1..=3),
        // Measured rack power within the plausible 2,000 kW.
        prop::option::of((number(), number()).prop_map(|(a, b)| (a % 2000.0, b % 2000.0))),
    )
        .prop_map(
            move |(notes, count, height_u, position, share, servers, measured)| Rack {
                name: format!("R{index:02}"),
                notes,
                count,
                height: Qty::new(f64::from(height_u), LengthUnit::U),
                position,
                retrofit_share: share,
                servers,
                measured: measured.map(|(a, b)| MeasuredPower {
                    average: Qty::new(a.min(b), PowerUnit::kW),
                    peak: Qty::new(a.max(b), PowerUnit::kW),
                    source: "meter".into(),
                }),
                cooling: match count % 3 {
                    0 => None,
                    1 => Some(CoolingRule::Force(Cooling::ColdPlate)),
                    _ => Some(CoolingRule::Exclude(vec![Cooling::Immersion])),
                },
            },
        )
}

/// The hall's optional plant fields: (plant, IT capacity, UPS redundancy, UPS curve, split).
type PlantFields = (
    Option<AirPlant>,
    Option<Qty<PowerUnit>>,
    Option<UpsRedundancy>,
    Option<UpsCurve>,
    Option<CalibrationSplit>,
);

fn plant_fields() -> impl Strategy<Value = PlantFields> {
    (
        prop::option::of(prop_oneof![
            any::<bool>().prop_map(|economiser| AirPlant::ChilledWaterTower { economiser }),
            (any::<bool>(), any::<bool>()).prop_map(|(economiser, adiabatic)| {
                AirPlant::ChilledWaterAirCooled {
                    economiser,
                    adiabatic,
                }
            }),
            (any::<bool>(), any::<bool>()).prop_map(|(economiser, adiabatic)| AirPlant::DxCrac {
                economiser,
                adiabatic
            }),
        ]),
        prop::option::of(qty::<PowerUnit>()),
        prop::option::of(prop_oneof![
            Just(UpsRedundancy::N),
            Just(UpsRedundancy::TwoN),
            (1u32..8).prop_map(|modules| UpsRedundancy::NPlus1 { modules }),
        ]),
        prop::option::of(prop_oneof![
            Just(UpsCurve::Legacy),
            Just(UpsCurve::Modern),
            (0.0f64..0.1, 0.0f64..0.1, 0.0f64..0.1).prop_map(|(a, b, c)| UpsCurve::Custom {
                no_load: a,
                proportional: b,
                square: c,
            }),
        ]),
        prop::option::of(prop_oneof![
            Just(CalibrationSplit::Uniform),
            Just(CalibrationSplit::Fixed),
            Just(CalibrationSplit::Proportional),
        ]),
    )
}

fn hall(index: usize) -> impl Strategy<Value = Hall> {
    (
        text(),
        prop_oneof![Just(FloorKind::Raised), Just(FloorKind::Slab)],
        qty::<FloorLoadUnit>(),
        qty::<AreaUnit>(),
        qty::<PowerUnit>(),
        prop::option::of((
            10.0f64..32.0,
            unit::<TemperatureUnit>(),
            prop::option::of(prop_oneof![
                any::<bool>().prop_map(|adiabatic| HeatRejection::DryCooler { adiabatic }),
                Just(HeatRejection::ChilledWater),
            ]),
        )),
        prop::option::of(1.0f64..2.5),
        (1usize..4).prop_flat_map(|n| (0..n).map(rack).collect::<Vec<_>>()),
        plant_fields(),
    )
        .prop_map(
            move |(notes, kind, rating, area, air, water, pue, racks, plant)| Hall {
                name: format!("H{index} 机房"),
                notes,
                floor: Floor { kind, rating },
                area,
                air_cooling_capacity: air,
                facility_water: water.map(|(deg_c, u, heat_rejection)| FacilityWater {
                    class: WaterClass::W32,
                    supply_temp: Qty::from_quantity(TemperatureUnit::degC.to_quantity(deg_c), u),
                    // a DX room has no chilled water to tap into (validation refuses it)
                    heat_rejection: heat_rejection.filter(|h| {
                        *h != HeatRejection::ChilledWater
                            || !matches!(plant.0, Some(AirPlant::DxCrac { .. }))
                    }),
                    capacity: None,
                }),
                measured_pue: pue,
                plant: plant.0,
                it_capacity: plant.1,
                ups_redundancy: plant.2,
                ups_curve: plant.3,
                calibration_split: plant.4,
                heat_customer: None,
                forbidden_works: Vec::new(),
                racks,
            },
        )
}

fn site() -> impl Strategy<Value = Site> {
    (
        text(),
        prop::sample::select(coolplan::model::climate::CLIMATE_PRESET_KEYS.to_vec()),
        prop::option::of(number()),
        (1usize..3).prop_flat_map(|n| (0..n).map(hall).collect::<Vec<_>>()),
        prop::option::of(prop_oneof![
            Just(Refresh::Retire),
            Just(Refresh::Model("cpu-1u".into()))
        ]),
        // air and any of the other options, or every option (None)
        prop::option::of(prop::sample::subsequence(
            Cooling::ALL[1..].to_vec(),
            0..Cooling::ALL.len(),
        )),
    )
        .prop_map(|(notes, preset, electricity, halls, refresh, offered)| {
            let mut assumptions = Assumptions::default();
            assumptions.prices.electricity =
                electricity.map(|n| Price::new(n, Currency::CNY, EnergyUnit::kWh));
            let cooling_options = offered.map(|others| offer_for(&halls, others));
            Site {
                schema_version: SCHEMA_VERSION,
                name: "Random site".into(),
                notes,
                currency: Currency::CNY,
                report_date: None,
                report_author: None,
                report_revision: None,
                location: Location {
                    name: "somewhere".into(),
                    climate: ClimateSource::Preset(preset.into()),
                },
                cost_mode: CostMode::PerKw,
                assumptions,
                catalog: Vec::new(),
                overrides: Vec::new(),
                halls,
                uncertainty: Vec::new(),
                compliance: None,
                heat_customer: None,
                refresh,
                cooling_options,
            }
        })
}

/// Air, `others`, and for each rack group whose cooling rule allows none of these the first
/// option it allows: a valid `cooling_options` for `halls`.
fn offer_for(halls: &[Hall], others: Vec<Cooling>) -> Vec<Cooling> {
    let mut offered: Vec<Cooling> = std::iter::once(Cooling::Air).chain(others).collect();
    for rule in halls
        .iter()
        .flat_map(|h| &h.racks)
        .filter_map(|r| r.cooling.as_ref())
    {
        if !offered.iter().any(|o| rule.allows(*o))
            && let Some(first) = Cooling::ALL.into_iter().find(|o| rule.allows(*o))
        {
            offered.push(first);
        }
    }
    offered
}

proptest! {
    #![proptest_config(crate::regressions::config(128))]

    #[test]
    fn save_then_load_gives_the_same_site(site in site()) {
        let text = to_canonical_string(&site).unwrap();
        let loaded = load_str(&text, "random.ron")
            .unwrap_or_else(|e| panic!("{e:?}\n{text}"))
            .site;
        // Qty equality is exact (same unit, same bits); check the SI values too.
        prop_assert_eq!(&loaded, &site);
        for (a, b) in loaded.halls.iter().zip(&site.halls) {
            let (x, y) = (a.area.si(), b.area.si());
            prop_assert!((x - y).abs() <= 1e-9 * y.abs());
            let (x, y) = (a.air_cooling_capacity.si(), b.air_cooling_capacity.si());
            prop_assert!((x - y).abs() <= 1e-9 * y.abs());
        }
    }

    #[test]
    fn canonical_text_is_a_fixed_point(site in site()) {
        let first = to_canonical_string(&site).unwrap();
        let again = to_canonical_string(&load_str(&first, "a.ron").unwrap().site).unwrap();
        let third = to_canonical_string(&load_str(&again, "b.ron").unwrap().site).unwrap();
        prop_assert_eq!(&again, &first);
        prop_assert_eq!(&third, &again);
    }
}
