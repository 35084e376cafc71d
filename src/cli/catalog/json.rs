//! The catalog as JSON (`coolplan catalog list|show --format json`, docs/catalog.md): keys never
//! change with the language; quantities in the unit their key names (`max_power_kw`).

use serde_json::{Value, json};

use coolplan_model::assumptions::Provenance;
use coolplan_model::catalog::{ServerKind, Source};
use coolplan_model::{Catalog, ImmersionCompat, KitAvailability, ServerModel};
use coolplan_units::{LengthUnit, MassUnit, Money, PowerUnit, TimeUnit};

/// Layout version of the catalog JSON; rises when a key changes meaning or is removed.
const FORMAT_VERSION: u32 = 1;

/// `{ "format_version": 1, "models": [...] }`, pretty-printed.
pub fn models(catalog: &Catalog, models: &[&ServerModel]) -> String {
    let list: Vec<Value> = models.iter().map(|m| model_value(catalog, m)).collect();
    pretty(&json!({ "format_version": FORMAT_VERSION, "models": list }))
}

/// One model's object, pretty-printed.
pub fn model(catalog: &Catalog, model: &ServerModel) -> String {
    pretty(&model_value(catalog, model))
}

fn pretty(value: &Value) -> String {
    // A Value of maps, strings and finite numbers always serialises.
    serde_json::to_string_pretty(value).expect("JSON values serialise")
}

fn model_value(catalog: &Catalog, m: &ServerModel) -> Value {
    let origin = match catalog.provenance(&m.id) {
        Some(Provenance::SiteFile) => "site",
        _ => "shipped",
    };
    json!({
        "id": m.id,
        "vendor": m.vendor,
        "name": m.name,
        "kind": kind_key(m.kind),
        "height_u": m.height.in_unit(LengthUnit::U),
        "max_power_kw": m.max_power.in_unit(PowerUnit::kW),
        "utilisation": m.utilisation,
        "fan_share": m.fan_share,
        "cold_plate_capture": m.cold_plate_capture,
        "cold_plate": match m.cold_plate {
            KitAvailability::Retrofit => "retrofit",
            KitAvailability::FactoryOnly => "factory_only",
            KitAvailability::Unavailable => "unavailable",
        },
        "immersion": match m.immersion {
            ImmersionCompat::Yes => "yes",
            ImmersionCompat::WithPrep => "with_prep",
            ImmersionCompat::No => "no",
        },
        "kit_cost": money(&m.kit_cost),
        "factory_premium": money(&m.factory_premium),
        "weight_kg": m.weight.in_unit(MassUnit::kg),
        "service_life_years": m.service_life().in_unit(TimeUnit::year),
        "service_life_is_default": m.service_life.is_none(),
        "aliases": m.aliases,
        "sources": m.sources.iter().map(source).collect::<Vec<_>>(),
        "notes": m.notes,
        "origin": origin,
    })
}

/// `cpu`, `gpu`, `rack_scale`, `storage`, `network`.
fn kind_key(kind: ServerKind) -> &'static str {
    match kind {
        ServerKind::Cpu => "cpu",
        ServerKind::Gpu => "gpu",
        ServerKind::RackScale => "rack_scale",
        ServerKind::Storage => "storage",
        ServerKind::Network => "network",
    }
}

fn money(list: &[Money]) -> Vec<Value> {
    list.iter()
        .map(|m| json!({ "currency": m.currency.code(), "amount": m.amount }))
        .collect()
}

fn source(s: &Source) -> Value {
    json!({
        "title": s.title,
        "url": s.url,
        "date": s.date,
        "tag": s.tag.code(),
        "note": s.note,
    })
}
