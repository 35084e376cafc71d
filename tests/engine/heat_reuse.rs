//! Heat reuse through the whole engine: what a heat customer takes, the ERF it gives and the
//! NPV it adds, hand-worked on cases where the customer's capacity binds (so the delivered
//! heat follows from the customer alone, whatever the loop carries).

use crate::support::{climate, hall, rack, servers, site};
use coolplan::engine::{CoolingOption, evaluate};
use coolplan::model::{FacilityWater, HeatCustomer, Site, Status, WaterClass};
use coolplan::units::build::deg_c;
use uom::si::energy::megawatt_hour;

/// 10 racks of 4 stock HGX H100 (40.8 kW per rack at max, ≈ 230 kW of liquid heat on cold
/// plates at average load) with facility water at `supply_c`.
fn gpu_site(supply_c: f64, class: WaterClass, customer: &str) -> Site {
    let mut h = hall(
        "H",
        vec![rack("GPU", 10, vec![servers("hgx-h100", 4, Status::Stock)])],
    );
    h.facility_water = Some(FacilityWater {
        class,
        supply_temp: deg_c(supply_c),
        heat_rejection: None,
        capacity: None,
    });
    let mut s = site(vec![h]);
    s.heat_customer = Some(ron::from_str::<HeatCustomer>(customer).unwrap());
    s
}

/// Annuity factor of 10 years at 8 %: Σ_{t=1}^{10} 1.08^−t = (1 − 1.08^−10) / 0.08 = 6.710081.
const ANNUITY_8_10: f64 = 6.710_081_399_5;

#[test]
fn a_direct_customer_at_capacity_gives_the_hand_worked_erf_and_npv() {
    // W45 at 45 °C: loop return 45 + 10 = 55 °C, minus the 4 K approach = 51 °C ≥ 50 °C, so a
    // heat exchanger suffices. The customer takes 50 kW all year: 50 kW × 8,760 h = 438 MWh,
    // well below the ≈ 2,000 MWh the loops carry, so the capacity binds.
    let customer = r#"(name: "Office heating", supply_temp: degC(50), capacity: kW(50),
        price: CNY_per_MWh(200))"#;
    let with = gpu_site(45.0, WaterClass::W45, customer);
    let mut without = with.clone();
    without.heat_customer = None;
    let (r_with, r_without) = (
        evaluate(&with, &climate("beijing")),
        evaluate(&without, &climate("beijing")),
    );
    let site = r_with.kpis.site.as_ref().unwrap();
    let cold_plate = &site.options[CoolingOption::ColdPlate.index()];
    assert_eq!(cold_plate.len(), 10);
    for year in cold_plate {
        let reused = year.reused_heat.get::<megawatt_hour>();
        assert!((reused - 438.0).abs() < 1e-6, "{} {reused}", year.year);
        assert!(year.liquid_heat.get::<megawatt_hour>() > 438.0);
        // ERF = 438 MWh / E_DC (no heat pump: E_DC is the facility energy)
        let total = year.total_energy.get::<megawatt_hour>();
        assert!((year.kpis.erf - 438.0 / total).abs() < 1e-12);
        assert_eq!(year.heat_pump_energy.get::<megawatt_hour>(), 0.0);
        // revenue 438 MWh × 200 CNY/MWh = 87,600 CNY a year
        assert!((year.heat_revenue.amount - 87_600.0).abs() < 1e-6);
    }
    // air carries no liquid heat: nothing to sell, ERF 0
    assert!(site.options[0].iter().all(|y| y.kpis.erf == 0.0));
    // NPV of cold plate rises by 87,600 × 6.710081 = 587,803.1 CNY
    let npv = |r: &coolplan::engine::Results| {
        r.site
            .option(CoolingOption::ColdPlate)
            .cost
            .npv_vs_air
            .amount
    };
    let gain = npv(&r_with) - npv(&r_without);
    assert!((gain - 87_600.0 * ANNUITY_8_10).abs() < 1e-3, "{gain}");
    // The plan: cold plate is infeasible (W45 water too warm for it) and immersion, whose
    // NPV the heat raises by the same 87,600 × 6.710081 = 587,803.1 CNY, still loses to air,
    // so the group stays on air (the rear doors, on the hall's chilled water and selling no
    // heat, lose less and are the runner-up). The KPI plan column follows the plan: no
    // liquid heat, none sold, the air column's PUE.
    let immersion_margin = |r: &coolplan::engine::Results| {
        assert_eq!(r.plan.uniform, Some(CoolingOption::Air));
        -r.site
            .option(CoolingOption::Immersion)
            .cost
            .npv_vs_air
            .amount
    };
    let narrowed = immersion_margin(&r_without) - immersion_margin(&r_with);
    assert!(
        (narrowed - 87_600.0 * ANNUITY_8_10).abs() < 1e-3,
        "{narrowed}"
    );
    for (plan, air) in site.plan.iter().zip(&site.options[0]) {
        assert_eq!(plan.reused_heat.get::<megawatt_hour>(), 0.0);
        assert_eq!(plan.kpis.pue, air.kpis.pue);
    }
}

#[test]
fn a_heat_pump_lifts_cold_loops_and_its_electricity_counts_in_e_dc() {
    // W32 at 30 °C: loop return 40 °C cannot supply 65 °C, so the COP-4 heat pump lifts it.
    // The customer takes 50 kW in December, January and February: 2,160 h → 108 MWh
    // delivered, drawing 108 / 4 = 27 MWh of electricity. Revenue: 108 MWh × 300 CNY/MWh
    // − 27 MWh × 750 CNY/MWh = 32,400 − 20,250 = 12,150 CNY a year. Supply starts in 2027
    // (cash-flow year 2); the 200,000 CNY connection is spent the year before (year 1, 2026).
    let customer = r#"(name: "District heating", supply_temp: degC(65), capacity: kW(50),
        price: CNY_per_MWh(300), heat_pump_cop: Some(4.0), months: [12, 1, 2],
        from_year: Some(2027), capex: Some(CNY(200000)))"#;
    let with = gpu_site(30.0, WaterClass::W32, customer);
    let mut without = with.clone();
    without.heat_customer = None;
    let (r_with, r_without) = (
        evaluate(&with, &climate("beijing")),
        evaluate(&without, &climate("beijing")),
    );
    let site = r_with.kpis.site.as_ref().unwrap();
    let years = &site.options[CoolingOption::ColdPlate.index()];
    // 2026: not yet supplied
    assert_eq!(years[0].year, 2026);
    assert_eq!(years[0].reused_heat.get::<megawatt_hour>(), 0.0);
    for year in &years[1..] {
        assert!((year.reused_heat.get::<megawatt_hour>() - 108.0).abs() < 1e-6);
        assert!((year.heat_pump_energy.get::<megawatt_hour>() - 27.0).abs() < 1e-6);
        // E_DC includes the heat pump; the EnEfG PUE leaves it out
        let it = year.it_energy.get::<megawatt_hour>();
        let total = year.total_energy.get::<megawatt_hour>();
        assert!((year.kpis.pue - total / it).abs() < 1e-12);
        assert!((year.kpis.pue_without_heat_export - (total - 27.0) / it).abs() < 1e-12);
        assert!((year.kpis.erf - 108.0 / total).abs() < 1e-12);
        assert!((year.heat_revenue.amount - 12_150.0).abs() < 1e-6);
    }
    // NPV gain: 12,150 × (Σ_{t=2}^{10} 1.08^−t) − 200,000 / 1.08
    //         = 12,150 × (6.710081 − 0.925926) − 185,185.2 = 70,277.5 − 185,185.2
    //         = −114,907.7 CNY
    let npv = |r: &coolplan::engine::Results| {
        r.site
            .option(CoolingOption::ColdPlate)
            .cost
            .npv_vs_air
            .amount
    };
    let expected = 12_150.0 * (ANNUITY_8_10 - 1.0 / 1.08) - 200_000.0 / 1.08;
    let gain = npv(&r_with) - npv(&r_without);
    assert!((gain - expected).abs() < 1e-3, "{gain} vs {expected}");
    // The plan keeps the group on air either way (cold plate loses even with the heat sold):
    // nothing of the customer reaches the plan's money or KPI column.
    for r in [&r_with, &r_without] {
        assert_eq!(r.plan.uniform, Some(CoolingOption::Air));
    }
    assert_eq!(
        r_with.plan.totals.npv_vs_air.amount,
        r_without.plan.totals.npv_vs_air.amount
    );
    assert!(site.plan.iter().all(|y| y.heat_revenue.amount == 0.0));
    // the connection shows as its own CAPEX item of the liquid options
    let item = r_with
        .site
        .option(CoolingOption::ColdPlate)
        .cost
        .capex_breakdown
        .iter()
        .find(|(item, _)| *item == coolplan::engine::CostItem::HeatReuse)
        .map(|(_, m)| m.amount);
    assert_eq!(item, Some(200_000.0));
}

#[test]
fn a_customer_taking_every_liquid_watt_moves_the_plan_to_immersion_and_pays_it() {
    // The W45 site of the first test with a 1 MW customer: it takes all the liquid heat, so
    // immersion earns its whole liquid heat × the price a year. Immersion is 3.52 M CNY short
    // of air without a customer (the plant's fixed parts stay, method.md §7); at 200 CNY/MWh
    // the heat brings it to −0.56 M, so the price here is 300 CNY/MWh: ≈ 14,773 CNY of NPV per
    // CNY/MWh (2.95 M / 200) → +0.91 M, and immersion wins. The plan takes it, and its money
    // and KPI column carry that revenue: NPV gain = Σ_t revenue_t × 1.08^−t.
    let customer = r#"(name: "District heating", supply_temp: degC(50), capacity: kW(1000),
        price: CNY_per_MWh(300))"#;
    let with = gpu_site(45.0, WaterClass::W45, customer);
    let mut without = with.clone();
    without.heat_customer = None;
    let (r_with, r_without) = (
        evaluate(&with, &climate("beijing")),
        evaluate(&without, &climate("beijing")),
    );
    assert_eq!(r_without.plan.uniform, Some(CoolingOption::Air));
    assert_eq!(r_with.plan.uniform, Some(CoolingOption::Immersion));
    let site = r_with.kpis.site.as_ref().unwrap();
    let immersion = &site.options[CoolingOption::Immersion.index()];
    let mut pv = 0.0;
    for (t, (plan, column)) in site.plan.iter().zip(immersion).enumerate() {
        // every liquid watt delivered (a heat exchanger: 1 to 1), at 300 CNY/MWh
        let liquid = plan.liquid_heat.get::<megawatt_hour>();
        assert!(liquid > 0.0);
        assert!((plan.reused_heat.get::<megawatt_hour>() - liquid).abs() < 1e-6);
        assert!((plan.heat_revenue.amount - 300.0 * liquid).abs() < 1e-6);
        assert_eq!(plan.heat_revenue, column.heat_revenue);
        pv += plan.heat_revenue.amount / 1.08_f64.powi(t as i32 + 1);
    }
    // one group: the plan's CDUs are the all-immersion design's, its NPV the column's
    let plan_npv = r_with.plan.totals.npv_vs_air.amount;
    let column_npv = r_with
        .site
        .option(CoolingOption::Immersion)
        .cost
        .npv_vs_air
        .amount;
    assert!(
        (plan_npv - column_npv).abs() < 1e-6,
        "{plan_npv} vs {column_npv}"
    );
    let without_npv = r_without
        .site
        .option(CoolingOption::Immersion)
        .cost
        .npv_vs_air
        .amount;
    assert!(
        (plan_npv - without_npv - pv).abs() < 1e-3,
        "{plan_npv} − {without_npv} vs {pv}"
    );
}
