//! Price assumptions of the cost model: per-kW mode, itemised mode and OPEX.
//!
//! CNY defaults come from Chinese sources where one exists; every other currency takes the US
//! figure (USD numbers, relabelled: coolplan never converts currencies, so a EUR site should
//! set its own prices). Tags as in `shared/reference/engineering.md`: [ANL] analyst,
//! [GOV] government, [MFR] manufacturer, [EST] an estimate from published inputs.

use coolplan_units::{
    Currency, EnergyUnit, Money, PowerUnit, Price, TimeQ, TimeUnit, UnitKind, VolumeUnit,
    build::{days, hours},
};

/// `cny` for a CNY site, else `usd` in the site's currency.
fn pick(c: Currency, cny: f64, usd: f64) -> f64 {
    if c == Currency::CNY { cny } else { usd }
}

fn price<U: UnitKind>(c: Currency, cny: f64, usd: f64, per: U) -> Price<U> {
    Price::new(pick(c, cny, usd), c, per)
}

fn per_kw(c: Currency, cny: f64, usd: f64) -> Price<PowerUnit> {
    price(c, cny, usd, PowerUnit::kW)
}

fn money(c: Currency, cny: f64, usd: f64) -> Money {
    Money::new(pick(c, cny, usd), c)
}

assumption_group! {
    /// Prices; CNY defaults are Chinese sources, other currencies take the US figure.
    Prices / PricesResolved, "prices" {
        /// Electricity price.
        electricity: Price<EnergyUnit> = |c| price(c, 0.75, 0.0892, EnergyUnit::kWh),
            "Guangdong filing 0.75 CNY/kWh [GOV]; Virginia industrial 8.92 ¢/kWh (EIA 2023 [GOV])";
        /// Per-kW mode: cold-plate retrofit of stock servers, all in.
        cold_plate_stock_per_kw: Price<PowerUnit> = |c| per_kw(c, 7100.0, 2000.0),
            "Cold plate ≈7,100 CNY/kW initial investment (analyst repost [ANL]); liquid retrofit ≈$2 M/MW (STL Partners 2026 [ANL])";
        /// Per-kW mode: cold-plate premium for new, factory liquid-cooled servers.
        cold_plate_new_per_kw: Price<PowerUnit> = |c| per_kw(c, 5000.0, 1500.0),
            "Liquid cooling ≈5,000 CNY/kW (Kaiyuan Securities 2024-03-17 [ANL]); USD estimate [EST]";
        /// Per-kW mode: cold plates on liquid-to-air CDUs for stock servers, all in (no
        /// facility water, no liquid-to-liquid CDU; the liquid-to-air units instead).
        l2a_stock_per_kw: Price<PowerUnit> = |c| per_kw(c, 6200.0, 1800.0),
            "Estimate from cold_plate_stock_per_kw: 7,100 CNY/kW less the outdoor and primary side (≈ 20 %, Changjiang [ANL]) = 5,680, less the CDU (750 × 0.96 kW of capacity per kW) and facility piping (800 × 0.8 kW liquid per kW), plus liquid-to-air units (2,000 × 0.96) ≈ 6,200 CNY/kW; USD the same steps from 2,000 ≈ 1,800 [EST]";
        /// Per-kW mode: cold plates on liquid-to-air CDUs for new factory liquid-cooled servers.
        l2a_new_per_kw: Price<PowerUnit> = |c| per_kw(c, 4600.0, 1400.0),
            "Estimate from cold_plate_new_per_kw by the steps of l2a_stock_per_kw: 5,000 × 0.8 − 720 − 640 + 1,920 ≈ 4,600 CNY/kW; USD 1,500 × 0.8 − 105 − 120 + 432 ≈ 1,400 [EST]";
        /// Per-kW mode: immersion retrofit of stock servers, all in.
        immersion_stock_per_kw: Price<PowerUnit> = |c| per_kw(c, 12000.0, 2500.0),
            "Immersion ≈12,000 CNY/kW (analyst repost [ANL]); USD estimate [EST]";
        /// Per-kW mode: immersion for new servers.
        immersion_new_per_kw: Price<PowerUnit> = |c| per_kw(c, 12000.0, 2500.0),
            "Immersion ≈12,000 CNY/kW (analyst repost [ANL]); USD estimate [EST]";
        /// Air: added air-cooling capacity for new load beyond the hall's spare air capacity.
        air_added_capacity_per_kw: Price<PowerUnit> = |c| per_kw(c, 3000.0, 800.0),
            "Estimate: CRAH and chiller capacity 2,500–3,500 CNY/kW [EST]";
        /// Itemised: cold-plate kit per kW of server power, for models the catalog gives no kit price.
        cold_plate_kit_per_kw: Price<PowerUnit> = |c| per_kw(c, 2100.0, 600.0),
            "Cold plates ≈30 % of a cold-plate system (Changjiang [ANL]) × ≈7,100 CNY/kW [ANL] ≈ 2,100 CNY/kW [EST]";
        /// Itemised: factory liquid-cooled premium per kW, for models the catalog gives none.
        factory_premium_per_kw: Price<PowerUnit> = |c| per_kw(c, 1900.0, 270.0),
            "Catalog 2U CPU server premium 1,500 CNY per 0.8 kW ≈ 1,900 CNY/kW [EST]";
        /// Itemised: rack manifold with quick disconnects and hoses, per rack.
        manifold_per_rack: Money = |c| money(c, 8000.0, 1500.0),
            "Cold-plate retrofit ≈20,000 CNY per rack all in (ANL, low confidence); manifold ≈40 % of it [EST]";
        /// Itemised: CDU price per kW of its nominal capacity (a 600 kW in-row unit ≈ 450,000 CNY).
        cdu_per_kw_capacity: Price<PowerUnit> = |c| per_kw(c, 750.0, 110.0),
            "CDU, manifolds and room side ≈50 % of a ≈7,100 CNY/kW system (Changjiang [ANL]); CDU share ≈750 CNY/kW [EST]";
        /// Itemised: liquid-to-air CDU (sidecar with coil, fans and pumps) per kW of its
        /// nominal capacity (a 70 kW unit ≈ 140,000 CNY).
        l2a_per_kw_capacity: Price<PowerUnit> = |c| per_kw(c, 2000.0, 450.0),
            "Estimate, low: the liquid-to-liquid CDU price (750 CNY / 110 USD per kW) plus an air coil and fan wall about the size of an in-row cooler; no public price found [EST]";
        /// Itemised: facility-water piping, valves and controls per kW of liquid heat.
        piping_per_kw: Price<PowerUnit> = |c| per_kw(c, 800.0, 150.0),
            "Room-side piping within the ≈50 % CDU/manifold/room share (Changjiang [ANL]) [EST]";
        /// Itemised: the liquid path's air-cooled trim chiller per kW of its design-day capacity
        /// (`docs/method.md` §7.4); none where the dry cooler holds the supply.
        trim_chiller_per_kw: Price<PowerUnit> = |c| per_kw(c, 1200.0, 350.0),
            "Estimate: an air-cooled chiller without room units, ≈40 % of the 2,500–3,500 CNY/kW of CRAH plus chiller capacity (air_added_capacity_per_kw) [EST]";
        /// Enabling work: bringing facility water to a hall that has none (dry coolers, pumps,
        /// primary piping to the hall), per kW of liquid design heat. The trim chiller is not
        /// in it: `trim_chiller_per_kw` prices it from the design day.
        facility_water_extension_per_kw: Price<PowerUnit> = |c| per_kw(c, 2500.0, 800.0),
            "Estimate: outdoor and primary side ≈ 20 % of a ≈ 7,100 CNY/kW cold-plate system (Changjiang [ANL]) ≈ 1,400 CNY/kW where a plant exists, raised for a new dry cooler and pipe run; whole cooling 15–20 % of a 7.11 M USD/MW Chinese mid-spec build (Cushman & Wakefield APAC 2025 [ANL], shares [2nd]) as the upper bound [EST]";
        /// Enabling work: months from order to a facility-water extension in service.
        facility_water_extension_lead_time: TimeQ = |c| days(280.0),
            "Chillers 30–40 weeks, up to 110 (Cushman & Wakefield US cost guide 2025 [ANL]), plus design and installation: 40 weeks [EST]";
        /// Enabling work: months from order to an air-plant addition in service (its price is
        /// `air_added_capacity_per_kw` per kW of the hall's excess heat on air).
        air_plant_addition_lead_time: TimeQ = |c| days(252.0),
            "CRAHs 28–36 weeks, chillers 30–40 weeks (Cushman & Wakefield US cost guide 2025 [ANL]): 36 weeks";
        /// Enabling work: UPS modules, busway and PDUs for IT beyond the hall's electrical
        /// capacity, per kW of the excess IT at design (no new utility service).
        electrical_upgrade_per_kw: Price<PowerUnit> = |c| per_kw(c, 5000.0, 1300.0),
            "Estimate, low: electrical 40–50 % of build cost [2nd] × 7.11 M USD/MW China, 11.7 M USD/MW US (Cushman & Wakefield 2025 [ANL]) × ¼ for a retrofit scope of UPS, busway and PDUs [EST]";
        /// Enabling work: months from order to an electrical upgrade in service.
        electrical_upgrade_lead_time: TimeQ = |c| days(252.0),
            "UPS 28–36 weeks, PDUs 24–32 weeks (Cushman & Wakefield US cost guide 2025 [ANL]): 36 weeks; 48 when switchgear is touched";
        /// Itemised: installation labour per server retrofitted or moved into a tank.
        labour_per_server: Money = |c| money(c, 500.0, 150.0),
            "Estimate: 1–2 technician-hours per server [EST]";
        /// Itemised: hours each retrofitted rack is out of service.
        downtime_hours_per_rack: TimeQ = |c| hours(4.0),
            "Estimate: one maintenance window per rack [EST]";
        /// Itemised: cost of one rack out of service for one hour.
        downtime_cost_per_rack_hour: Price<TimeUnit> = |c| price(c, 500.0, 100.0, TimeUnit::h),
            "Estimate: lost service of a 5–10 kW rack [EST]";
        /// Itemised: one immersion tank with its heat exchanger and pumps.
        tank_each: Money = |c| money(c, 150000.0, 25000.0),
            "Estimate: 50 kW single-phase tank ≈3,000 CNY/kW of tank capacity [EST]";
        /// Itemised: immersion fluid per litre.
        fluid_per_litre: Price<VolumeUnit> = |c| price(c, 8.1, 3.0, VolumeUnit::L),
            "Hydrocarbon oil ≈10 CNY/kg [ANL] × 0.806 kg/L (Shell S5 X) ≈ 8.1 CNY/L; white mineral oil $2–4/L [2nd]";
        /// Itemised: preparing one server for immersion (fans out, thermal interface, drives).
        immersion_prep_per_server: Money = |c| money(c, 800.0, 150.0),
            "Estimate: fan removal, thermal-interface change, sealed drives [EST]";
        /// Itemised: floor reinforcement per m² under immersion tanks on raised floors.
        floor_reinforcement_per_m2: Price<coolplan_units::AreaUnit> = |c| price(c, 1500.0, 250.0, coolplan_units::AreaUnit::m2),
            "Estimate: steel plinths or reinforced pedestals under tanks [EST]";
        /// Itemised: contingency on the sum of all other items.
        contingency: f64 = |c| 0.10,
            "Estimate: 10 % contingency, usual for retrofit works [EST]";
        /// OPEX: yearly maintenance of a cold-plate system, share of its CAPEX.
        cold_plate_maintenance: f64 = |c| 0.03,
            "No primary figure; 2–4 %/yr of cooling CAPEX [EST]";
        /// OPEX: yearly maintenance of an immersion system, share of its CAPEX.
        immersion_maintenance: f64 = |c| 0.04,
            "No primary figure; 3–5 %/yr of cooling CAPEX [EST]";
        /// OPEX: yearly immersion fluid top-up, share of the charge.
        fluid_top_up: f64 = |c| 0.01,
            "No published figure; 0.5–2 % of charge per year [EST]";
        /// OPEX: water price.
        water: Price<VolumeUnit> = |c| price(c, 6.0, 4.0, VolumeUnit::m3),
            "Estimate: Chinese non-residential water 4–8 CNY/m³; US commercial water and sewer $3–5/m³ [EST]";
        /// OPEX: yearly maintenance of the air plant per kW of heat it removes.
        air_plant_maintenance_per_kw: Price<PowerUnit> = |c| per_kw(c, 90.0, 24.0),
            "Estimate: 3 %/yr of ≈3,000 CNY/kW air plant [EST]";
        /// Rear door: one passive rear-door heat exchanger.
        rdhx_passive_each: Money = |c| money(c, 25000.0, 6000.0),
            "Estimate, low: no public door price; passive-door CAPEX ≈ CRAH CAPEX at ≈ 5 kW/rack (Coolcentric/Vette/Nova 2011 [MFR]) × the air-plant price, raised for 2026 and a 35 kW coil [EST]";
        /// Rear door: one active rear-door heat exchanger (fans, controls, deeper coil).
        rdhx_active_each: Money = |c| money(c, 60000.0, 15000.0),
            "Estimate, low: ≈ 2.5 × a passive door [EST]";
        /// Rear door: hanging one door and connecting it (hoses, quick disconnects, valves, labour;
        /// servers untouched, no downtime).
        rdhx_install_each: Money = |c| money(c, 5000.0, 1500.0),
            "Estimate; a door swap needs no server shutdown (Park Place 2026 [2nd]) [EST]";
        /// OPEX: yearly maintenance of rear doors, share of their CAPEX.
        rdhx_maintenance: f64 = |c| 0.03,
            "No primary figure; 3 %/yr of door CAPEX, as cold plate [EST]";
    }
}
