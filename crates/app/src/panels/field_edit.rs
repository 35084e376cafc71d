//! [`FieldEdit`]: how each kind of assumption or catalog value is edited (quantities in the
//! chosen unit system, prices, fractions, counts, fluids, CDU sizes).

use egui::Ui;

use crate::kit::{Tracker, UiExt};
use coolplan_model::assumptions::cooling::CduSize;
use coolplan_model::fluids::Fluid;
use coolplan_units::format::UnitSystem;
use coolplan_units::*;
use coolplan_words::Lang;

/// What an editor row edits a value with: the unit system and language it shows, the
/// field's label (hover text and widget id) and the row's change tracker.
pub struct Field<'a> {
    pub units: UnitSystem,
    pub lang: Lang,
    pub label: &'a str,
    pub tracker: &'a mut Tracker,
}

impl<'a> Field<'a> {
    pub fn new(units: UnitSystem, lang: Lang, label: &'a str, tracker: &'a mut Tracker) -> Self {
        Field {
            units,
            lang,
            label,
            tracker,
        }
    }
}

/// A value an editor row can change.
pub trait FieldEdit: Clone + PartialEq {
    fn edit(&mut self, ui: &mut Ui, field: &mut Field<'_>);
}

macro_rules! quantity_fields {
    ($($q:ty),+) => {$(
        impl FieldEdit for $q {
            fn edit(&mut self, ui: &mut Ui, f: &mut Field<'_>) {
                ui.quantity_edit(self, f.units, f.lang, f.label, f.tracker);
            }
        }
    )+};
}
quantity_fields!(
    PowerQ,
    TemperatureQ,
    TempDiffQ,
    AreaQ,
    MassQ,
    VolumeQ,
    EmissionFactorQ,
    WaterIntensityQ,
    FloorLoadQ,
    FlowQ,
    PressureQ,
    EnergyQ,
    TimeQ,
    DensityQ,
    SpecificHeatQ,
    PowerDensityQ
);

/// Lengths in racks are counted in U; other lengths follow the unit system.
impl FieldEdit for LengthQ {
    fn edit(&mut self, ui: &mut Ui, f: &mut Field<'_>) {
        if self.unit() == LengthUnit::U {
            let mut n = self.number();
            if ui
                .number_edit(&mut n, 0.0..=100.0, 0.1, f.label, f.tracker)
                .changed()
            {
                *self = Qty::new(n, LengthUnit::U);
            }
            ui.label("U");
        } else {
            ui.quantity_edit(self, f.units, f.lang, f.label, f.tracker);
        }
    }
}

impl FieldEdit for f64 {
    fn edit(&mut self, ui: &mut Ui, f: &mut Field<'_>) {
        let speed = (self.abs() * 0.005).max(0.001);
        ui.number_edit(self, f64::MIN..=f64::MAX, speed, f.label, f.tracker);
    }
}

impl FieldEdit for u32 {
    fn edit(&mut self, ui: &mut Ui, f: &mut Field<'_>) {
        ui.count_edit(self, 0..=u32::MAX, f.label, f.tracker);
    }
}

impl FieldEdit for u16 {
    fn edit(&mut self, ui: &mut Ui, f: &mut Field<'_>) {
        ui.count_edit(self, 1900..=2200, f.label, f.tracker);
    }
}

impl<U: UnitKind> FieldEdit for Price<U> {
    fn edit(&mut self, ui: &mut Ui, f: &mut Field<'_>) {
        let mut n = self.number();
        let speed = (n.abs() * 0.005).max(0.001);
        let response = ui.number_edit(&mut n, 0.0..=f64::MAX, speed, f.label, f.tracker);
        if response.changed() {
            let unit = self.unit();
            *self = Price::new(n, unit.currency, unit.per);
        }
        ui.label(self.unit().symbol());
    }
}

impl FieldEdit for Money {
    fn edit(&mut self, ui: &mut Ui, f: &mut Field<'_>) {
        let speed = (self.amount.abs() * 0.005).max(1.0);
        ui.number_edit(&mut self.amount, 0.0..=f64::MAX, speed, f.label, f.tracker);
        ui.label(self.currency.code());
    }
}

impl FieldEdit for Fluid {
    fn edit(&mut self, ui: &mut Ui, f: &mut Field<'_>) {
        let before = self.clone();
        egui::ComboBox::from_id_salt(("fluid", f.label))
            .selected_text(self.name())
            .show_ui(ui, |ui| {
                for fluid in [
                    Fluid::Water,
                    Fluid::PG25,
                    Fluid::ShellS5X,
                    Fluid::CastrolDC15,
                    Fluid::Hydrocarbon,
                ] {
                    let name = fluid.name();
                    ui.selectable_value(self, fluid, name);
                }
            })
            .response
            .on_hover_text(f.label);
        if *self != before {
            f.tracker.changed = true;
        }
    }
}

impl FieldEdit for CduSize {
    fn edit(&mut self, ui: &mut Ui, f: &mut Field<'_>) {
        let before = self.clone();
        let name = |s: &CduSize| coolplan_words::results::cdu_size_name(s, f.lang);
        egui::ComboBox::from_id_salt(("cdu", f.label))
            .selected_text(name(self))
            .show_ui(ui, |ui| {
                let custom = self.capacity().unwrap_or(coolplan_units::build::kw(600.0));
                for size in [
                    CduSize::Auto,
                    CduSize::InRack,
                    CduSize::InRow,
                    CduSize::Facility,
                    CduSize::Custom { capacity: custom },
                ] {
                    let text = match size.capacity() {
                        Some(capacity) => format!(
                            "{} ({})",
                            name(&size),
                            coolplan_units::format::quantity::<PowerUnit>(capacity.get(), f.units)
                        ),
                        None => name(&size).to_string(),
                    };
                    ui.selectable_value(self, size, text);
                }
            })
            .response
            .on_hover_text(f.label);
        if *self != before {
            f.tracker.changed = true;
        }
        if let CduSize::Custom { capacity } = self {
            ui.quantity_edit(capacity, f.units, f.lang, f.label, f.tracker);
        }
    }
}
