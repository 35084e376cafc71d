//! The EU data-centre reporting export: the fields of Commission Delegated Regulation (EU)
//! 2024/1364 (Annex I information about the data centre, Annex II key performance
//! indicators, Annex III sustainability indicators) for one calendar year of the recommended
//! plan, as JSON (`--format eed-json`) or CSV (`--format eed-csv`), `docs/eed.md`.
//!
//! Owns: the list of fields, where each value comes from (the plan's KPI year, the site
//! file's `compliance` profile) and why an empty field is empty. Never touches: KPI
//! arithmetic (`engine::kpi`), files, the clock.

use serde::Serialize;
use uom::si::energy::kilowatt_hour;
use uom::si::power::kilowatt;
use uom::si::volume::cubic_meter;

use coolplan_engine::Results;
use coolplan_engine::kpi::YearFigures;
use coolplan_model::Site;
use coolplan_model::compliance::{Compliance, DcType};
use coolplan_units::{AreaUnit, TemperatureUnit};
use coolplan_words::eed::Eed;
use coolplan_words::{Lang, Say, Text};

/// Format id of the export.
pub const FORMAT: &str = "coolplan-eed-2024-1364";
/// The regulation whose annexes the fields follow.
pub const REGULATION: &str = "Commission Delegated Regulation (EU) 2024/1364, Annexes I–III";

/// The export of one year.
#[derive(Debug, Serialize)]
pub struct EedDoc {
    pub format: &'static str,
    pub regulation: &'static str,
    pub site: String,
    /// The calendar year the figures cover (the year before the report is due).
    pub year: u16,
    pub fields: Vec<EedField>,
}

/// Where a field's value comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Computed by the engine for the recommended plan.
    Modelled,
    /// Written in the site file.
    Input,
    /// The site file could hold it and does not.
    NotGiven,
    /// coolplan does not model it.
    NotModelled,
}

/// A field's value: a number, a text or none.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Text(String),
}

/// One field of the annexes.
#[derive(Debug, Serialize)]
pub struct EedField {
    /// Stable id, e.g. `energy_total`.
    pub id: &'static str,
    /// Annex and point, e.g. `II`, `I.1(a)`.
    pub annex: &'static str,
    pub name: String,
    /// `null` when empty; `status` and `note` say why.
    pub value: Option<Value>,
    pub unit: &'static str,
    pub status: Status,
    pub note: String,
}

/// Why a year cannot be exported.
#[derive(Clone, Debug, PartialEq)]
pub enum EedError {
    YearOutside { year: u16, first: u16, last: u16 },
    NoPlanYears,
}

impl Say for EedError {
    fn say(&self, lang: Lang) -> String {
        match self {
            EedError::YearOutside { year, first, last } => {
                Eed::YearOutside.fmt(lang, &[year, first, last])
            }
            EedError::NoPlanYears => Eed::NoPlanYears.tr(lang).to_string(),
        }
    }
}

/// The export of `year` (default: the study's first plan year) for `site` and `results`.
pub fn document(
    site: &Site,
    results: &Results,
    year: Option<u16>,
    lang: Lang,
) -> Result<EedDoc, EedError> {
    let years = &results.kpis.years;
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else {
        return Err(EedError::NoPlanYears);
    };
    let year = year.unwrap_or(first);
    let figures = results
        .kpis
        .site
        .as_ref()
        .and_then(|s| s.plan.iter().find(|f| f.year == year))
        .ok_or(EedError::YearOutside { year, first, last })?;
    Ok(EedDoc {
        format: FORMAT,
        regulation: REGULATION,
        site: site.name.clone(),
        year,
        fields: Fields {
            site,
            results,
            figures,
            lang,
        }
        .all(),
    })
}

struct Fields<'a> {
    site: &'a Site,
    results: &'a Results,
    figures: &'a YearFigures,
    lang: Lang,
}

impl Fields<'_> {
    fn field(
        &self,
        (id, annex, name): (&'static str, &'static str, Eed),
        value: Option<Value>,
        unit: &'static str,
        status: Status,
        note: String,
    ) -> EedField {
        EedField {
            id,
            annex,
            name: name.tr(self.lang).to_string(),
            value,
            unit,
            status,
            note,
        }
    }
    /// A number of the plan's year.
    fn modelled(
        &self,
        key: (&'static str, &'static str, Eed),
        x: f64,
        unit: &'static str,
    ) -> EedField {
        let note = Eed::Modelled.fmt(self.lang, &[&self.figures.year]);
        let value = x.is_finite().then_some(Value::Number(x));
        self.field(key, value, unit, Status::Modelled, note)
    }
    fn not_modelled(&self, key: (&'static str, &'static str, Eed), unit: &'static str) -> EedField {
        let note = Eed::NotModelled.tr(self.lang).to_string();
        self.field(key, None, unit, Status::NotModelled, note)
    }
    /// A field of the profile's `reporting` (or the profile itself), named `path` there.
    fn input(
        &self,
        key: (&'static str, &'static str, Eed),
        value: Option<Value>,
        unit: &'static str,
        path: &str,
    ) -> EedField {
        match value {
            Some(v) => {
                let note = Eed::FromProfile.fmt(self.lang, &[&path]);
                self.field(key, Some(v), unit, Status::Input, note)
            }
            None => {
                let note = Eed::NotGiven.fmt(self.lang, &[&path]);
                self.field(key, None, unit, Status::NotGiven, note)
            }
        }
    }

    fn all(&self) -> Vec<EedField> {
        let (f, lang) = (self.figures, self.lang);
        let profile: Option<&Compliance> = self.site.compliance.as_ref();
        let reporting = profile.and_then(|p| p.reporting.as_ref());
        let text = |s: Option<&String>| s.filter(|s| !s.is_empty()).map(|s| Value::Text(s.clone()));
        let kwh = |e: uom::si::f64::Energy| e.get::<kilowatt_hour>();
        let it_design = self.results.site.options[0].thermal.it_design;
        let white_space: f64 = self
            .site
            .halls
            .iter()
            .map(|h| h.area.in_unit(AreaUnit::m2))
            .sum();
        let k = &f.kpis;
        vec![
            self.field(
                ("dc_name", "I.1(a)", Eed::DcName),
                Some(Value::Text(self.site.name.clone())),
                "",
                Status::Input,
                Eed::FromProfile.fmt(lang, &[&"name"]),
            ),
            self.input(
                ("owner", "I.1(b)", Eed::Owner),
                text(reporting.map(|r| &r.owner)),
                "",
                "compliance.reporting.owner",
            ),
            self.input(
                ("operator", "I.1(b)", Eed::Operator),
                text(reporting.map(|r| &r.operator)),
                "",
                "compliance.reporting.operator",
            ),
            self.input(
                ("location_lau", "I.1(c)", Eed::Location),
                text(reporting.map(|r| &r.location_code)),
                "",
                "compliance.reporting.location_code",
            ),
            self.input(
                ("dc_type", "I.1(d)", Eed::DcType),
                reporting.and_then(|r| r.dc_type).map(|t| {
                    Value::Text(
                        match t {
                            DcType::Enterprise => "enterprise",
                            DcType::Colocation => "colocation",
                            DcType::CoHosting => "co-hosting",
                        }
                        .to_string(),
                    )
                }),
                "",
                "compliance.reporting.dc_type",
            ),
            self.input(
                ("entry_into_operation", "I.1(e)", Eed::EntryIntoOperation),
                profile
                    .and_then(|p| p.commissioned)
                    .map(|d| Value::Text(format!("{:04}-{:02}", d.year, d.month))),
                "",
                "compliance.commissioned",
            ),
            self.not_modelled(
                ("redundancy_electrical", "I.2(a)", Eed::RedundancyElectrical),
                "",
            ),
            self.not_modelled(("redundancy_cooling", "I.2(b)", Eed::RedundancyCooling), ""),
            self.field(
                ("installed_it_power", "II", Eed::InstalledItPower),
                Some(Value::Number(it_design.get::<kilowatt>())),
                "kW",
                Status::Modelled,
                Eed::DesignIt.tr(lang).to_string(),
            ),
            self.not_modelled(("floor_area_total", "II", Eed::FloorAreaTotal), "m²"),
            self.field(
                ("floor_area_computer_room", "II", Eed::FloorAreaComputerRoom),
                Some(Value::Number(white_space)),
                "m²",
                Status::Input,
                Eed::HallAreas.tr(lang).to_string(),
            ),
            self.modelled(
                ("energy_total", "II", Eed::EnergyTotal),
                kwh(f.total_energy),
                "kWh",
            ),
            self.not_modelled(("energy_backup_generators", "II", Eed::EnergyBackup), "kWh"),
            self.modelled(("energy_it", "II", Eed::EnergyIt), kwh(f.it_energy), "kWh"),
            self.field(
                ("water_input_total", "II", Eed::WaterInput),
                Some(Value::Number(f.water.get::<cubic_meter>())),
                "m³",
                Status::Modelled,
                Eed::WaterTowers.fmt(lang, &[&f.year]),
            ),
            self.field(
                ("water_input_potable", "II", Eed::WaterPotable),
                None,
                "m³",
                Status::NotModelled,
                Eed::PotableUnknown.tr(lang).to_string(),
            ),
            self.modelled(
                ("waste_heat_reused", "II", Eed::HeatReused),
                kwh(f.reused_heat),
                "kWh",
            ),
            self.not_modelled(("waste_heat_avg_temp", "II", Eed::HeatTemperature), "°C"),
            self.input(
                ("it_intake_setpoint", "II", Eed::IntakeSetpoint),
                reporting
                    .and_then(|r| r.it_intake_setpoint)
                    .map(|t| Value::Number(t.in_unit(TemperatureUnit::degC))),
                "°C",
                "compliance.reporting.it_intake_setpoint",
            ),
            self.field(
                ("renewable_energy_total", "II", Eed::RenewableTotal),
                profile.map(|p| Value::Number(p.renewable_share * kwh(f.total_energy))),
                "kWh",
                if profile.is_some() {
                    Status::Input
                } else {
                    Status::NotGiven
                },
                Eed::RenewableFromShare.tr(lang).to_string(),
            ),
            self.field(
                ("renewable_energy_by_origin", "II", Eed::RenewableSplit),
                None,
                "kWh",
                Status::NotModelled,
                Eed::SplitUnknown.tr(lang).to_string(),
            ),
            self.not_modelled(("ict_capacity_servers", "II", Eed::IctServers), ""),
            self.not_modelled(("ict_capacity_storage", "II", Eed::IctStorage), ""),
            self.not_modelled(("data_traffic", "II", Eed::Traffic), ""),
            self.not_modelled(("data_stored_processed", "II", Eed::DataStored), ""),
            self.modelled(("pue", "III", Eed::Pue), k.pue, ""),
            self.modelled(("wue", "III", Eed::Wue), k.wue.l_per_kwh(), "L/kWh"),
            self.modelled(("erf", "III", Eed::Erf), k.erf, ""),
            self.field(
                ("ref", "III", Eed::Ref),
                Some(Value::Number(k.ref_)),
                "",
                if profile.is_some() {
                    Status::Input
                } else {
                    Status::NotGiven
                },
                Eed::RenewableFromShare.tr(lang).to_string(),
            ),
        ]
    }
}

/// The export as pretty JSON with a final newline.
pub fn to_json(doc: &EedDoc) -> String {
    // Invariant: strings, numbers, nulls and arrays only, which serde_json always writes.
    serde_json::to_string_pretty(doc).expect("EED export serialises") + "\n"
}

/// The export as CSV: one row per field (`year,id,annex,name,value,unit,status,note`), texts made
/// safe for spreadsheets, a UTF-8 byte-order mark first when `bom`.
pub fn to_csv(doc: &EedDoc, bom: bool) -> Result<Vec<u8>, csv::Error> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(crate::csv::BOM);
    }
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record([
        "year", "id", "annex", "name", "value", "unit", "status", "note",
    ])?;
    for field in &doc.fields {
        let value = match &field.value {
            Some(Value::Number(x)) => x.to_string(),
            Some(Value::Text(t)) => crate::csv::safe_text(t),
            None => String::new(),
        };
        let status = match field.status {
            Status::Modelled => "modelled",
            Status::Input => "input",
            Status::NotGiven => "not_given",
            Status::NotModelled => "not_modelled",
        };
        writer.write_record([
            doc.year.to_string().as_str(),
            field.id,
            field.annex,
            &crate::csv::safe_text(&field.name),
            &value,
            field.unit,
            status,
            &crate::csv::safe_text(&field.note),
        ])?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}
