//! Price assumptions of the cost model (per-kW mode and itemised mode).

use crate::units::{Currency, EnergyUnit, PowerUnit, Price};

fn per_kwh(c: Currency, cny: f64, usd: f64) -> Price<EnergyUnit> {
    match c {
        Currency::CNY => Price::new(cny, c, EnergyUnit::kWh),
        _ => Price::new(usd, c, EnergyUnit::kWh),
    }
}

fn per_kw(c: Currency, cny: f64, usd: f64) -> Price<PowerUnit> {
    match c {
        Currency::CNY => Price::new(cny, c, PowerUnit::kW),
        _ => Price::new(usd, c, PowerUnit::kW),
    }
}

assumption_group! {
    /// Prices; CNY defaults are Chinese sources, other currencies take the US figure.
    Prices / PricesResolved, "prices" {
        /// Electricity price.
        electricity: Price<EnergyUnit> = |c| per_kwh(c, 0.75, 0.0892),
            "Guangdong filing 0.75 CNY/kWh [GOV]; Virginia industrial 8.92 ¢/kWh (EIA 2023 [GOV])";
        /// Per-kW mode: cold-plate retrofit of stock servers, all in.
        cold_plate_stock_per_kw: Price<PowerUnit> = |c| per_kw(c, 7100.0, 2000.0),
            "Cold plate ≈7,100 CNY/kW initial investment (analyst repost [ANL]); liquid retrofit ≈$2 M/MW (STL Partners 2026 [ANL])";
        /// Per-kW mode: cold-plate premium for new, factory liquid-cooled servers.
        cold_plate_new_per_kw: Price<PowerUnit> = |c| per_kw(c, 5000.0, 1500.0),
            "Liquid cooling ≈5,000 CNY/kW (Kaiyuan Securities 2024-03-17 [ANL]); USD estimate [EST]";
        /// Per-kW mode: immersion retrofit of stock servers, all in.
        immersion_stock_per_kw: Price<PowerUnit> = |c| per_kw(c, 12000.0, 2500.0),
            "Immersion ≈12,000 CNY/kW (analyst repost [ANL]); USD estimate [EST]";
        /// Per-kW mode: immersion for new servers.
        immersion_new_per_kw: Price<PowerUnit> = |c| per_kw(c, 12000.0, 2500.0),
            "Immersion ≈12,000 CNY/kW (analyst repost [ANL]); USD estimate [EST]";
        /// Air: added air-cooling capacity for new load.
        air_added_capacity_per_kw: Price<PowerUnit> = |c| per_kw(c, 3000.0, 800.0),
            "Estimate: CRAH and chiller capacity 2,500–3,500 CNY/kW [EST]";
    }
}
