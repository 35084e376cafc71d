//! The assumptions editor: every input of the cost and energy model with its unit shown and
//! editable in the chosen unit system, its provenance (default with source, or this file) and
//! a reset to the default.

use std::collections::HashMap;

use egui::Ui;

use super::field_edit::{Field, FieldEdit};
use super::{Panel, ViewCtx};
use crate::command::Command;
use crate::edit::Edit;
use crate::field_marks::Depth;
use crate::kit::{Tracker, UiExt};
use crate::undo::Gesture;
use coolplan_io::Seg;
use coolplan_model::assumptions::{
    AssumptionKey, Assumptions, Group, Provenance, cooling, finance, plant, prices,
};
use coolplan_words::Text;
use coolplan_words::fields::field_label;
use coolplan_words::gui::Gui;

/// UI-local state: a text filter.
#[derive(Default)]
pub struct AssumptionsPanel {
    filter: String,
}

/// One editor row: label, editor, provenance badge, reset.
struct Rows<'a> {
    provenance: HashMap<AssumptionKey, Provenance>,
    ctx: &'a ViewCtx<'a>,
    filter: String,
    tracker: Tracker,
    reset: Option<AssumptionKey>,
}

impl Rows<'_> {
    fn row<T: FieldEdit>(
        &mut self,
        ui: &mut Ui,
        field: AssumptionKey,
        value: &mut Option<T>,
        default: &T,
    ) {
        let lang = self.ctx.lang();
        let key = field.name();
        let text = field_label(field.group().name(), key, lang);
        if !self.filter.is_empty()
            && !key.contains(&self.filter)
            && !text.to_lowercase().contains(&self.filter)
        {
            return;
        }
        // The label engineers read, with the key they write in the file beside it.
        let label = ui
            .horizontal(|ui| {
                ui.label(text);
                ui.weak(key);
            })
            .response;
        if self.ctx.focus_assumption == Some(field) {
            label.scroll_to_me(Some(egui::Align::Center));
        }
        let mut shown = value.clone().unwrap_or_else(|| default.clone());
        let problem = self.ctx.problem(&[Seg::Assumption(field)], Depth::Under);
        ui.checked(problem.as_ref(), false, |ui| {
            ui.horizontal(|ui| {
                let before = self.tracker.changed;
                self.tracker.changed = false;
                shown.edit(
                    ui,
                    &mut Field::new(self.ctx.units(), lang, text, &mut self.tracker),
                );
                if self.tracker.changed {
                    *value = Some(shown);
                }
                self.tracker.changed |= before;
            })
        });
        match self.provenance.get(&field) {
            Some(provenance) => {
                ui.provenance_badge(provenance, lang);
            }
            None => {
                ui.label("");
            }
        }
        let is_set = value.is_some();
        if ui
            .add_enabled(is_set, egui::Button::new(Gui::Reset.tr(lang)))
            .on_hover_text(Gui::Reset.tr(lang))
            .clicked()
        {
            self.reset = Some(field);
        }
        ui.end_row();
    }
}

macro_rules! group_rows {
    ($rows:ident, $ui:ident, $file:expr, $defaults:expr, $group:ident, [$($field:ident),+ $(,)?]) => {
        { $( $rows.row($ui, $group::Key::$field.into(), &mut $file.$field, &$defaults.$field); )+ }
    };
}

impl Panel for AssumptionsPanel {
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>) {
        let lang = ctx.lang();
        let currency = ctx.site.currency;
        let mut edited: Assumptions = ctx.site.assumptions.clone();
        let defaults = Assumptions::default().resolve(currency);
        ui.add(
            egui::TextEdit::singleline(&mut self.filter)
                .hint_text(Gui::Filter.tr(lang))
                .desired_width(240.0),
        );
        let mut rows = Rows {
            provenance: edited
                .entries(currency)
                .into_iter()
                .map(|e| (e.key, e.provenance))
                .collect(),
            ctx,
            filter: self.filter.to_lowercase(),
            tracker: Tracker::default(),
            reset: None,
        };
        egui::ScrollArea::vertical()
            .id_salt("assumptions_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for (heading, group) in [
                    (Gui::GroupCooling, Group::Cooling),
                    (Gui::GroupPlant, Group::Plant),
                    (Gui::GroupPrices, Group::Prices),
                    (Gui::GroupFinance, Group::Finance),
                ] {
                    ui.heading(heading.tr(lang));
                    egui::Grid::new(("assumptions", group.name()))
                        .num_columns(4)
                        .striped(true)
                        .show(ui, |ui| match group {
                            Group::Cooling => group_rows!(
                                rows,
                                ui,
                                edited.cooling,
                                defaults.cooling,
                                cooling,
                                [
                                    air_limit_per_rack,
                                    cold_plate_fan_saving,
                                    loop_delta_t,
                                    air_delta_t,
                                    facility_water_extension_supply,
                                    coolant,
                                    immersion_fluid,
                                    cdu_size,
                                    cdu_approach,
                                    cdu_redundancy,
                                    rack_inlet_temp,
                                    l2a_unit_capacity,
                                    l2a_unit_positions,
                                    l2a_approach,
                                    l2a_fan_share,
                                    l2a_redundancy,
                                    cold_plate_max_loop_supply,
                                    immersion_max_loop_supply,
                                    tank_capacity,
                                    tank_slots,
                                    tank_fluid_volume,
                                    tank_empty_mass,
                                    tank_footprint,
                                    tank_service_area,
                                    rack_footprint,
                                    rack_service_area,
                                    rack_empty_mass,
                                    cold_plate_rack_mass,
                                    rdhx_water_supply,
                                    rdhx_water_delta_t,
                                    rdhx_min_water_supply,
                                    rdhx_passive_effectiveness,
                                    rdhx_passive_capacity,
                                    rdhx_back_pressure_fan_share,
                                    rdhx_active_effectiveness,
                                    rdhx_active_capacity,
                                    rdhx_active_fan_share,
                                    rdhx_passive_mass,
                                    rdhx_active_mass,
                                ]
                            ),
                            Group::Plant => group_rows!(
                                rows,
                                ui,
                                edited.plant,
                                defaults.plant,
                                plant,
                                [
                                    chiller_cop,
                                    air_cooled_chiller_cop,
                                    trim_chiller_cop,
                                    dx_cop,
                                    lift_independent_share,
                                    chiller_units,
                                    plant_capacity_margin,
                                    chilled_water_supply,
                                    chilled_water_delta_t,
                                    tower_approach,
                                    condenser_range,
                                    min_condenser_water,
                                    economiser_hx_approach,
                                    dry_economiser_approach,
                                    free_cooling_fan_share,
                                    tower_fan_share,
                                    chilled_water_pumps,
                                    condenser_water_pumps,
                                    pump_fixed_fraction,
                                    adiabatic_effectiveness,
                                    crah_fan_power,
                                    crac_fan_power,
                                    fan_min_speed,
                                    airflow_margin,
                                    dx_return_air,
                                    dx_sensible_heat_ratio,
                                    dx_cycling_loss,
                                    dx_economiser_span,
                                    distribution_no_load,
                                    distribution_load_loss,
                                    electrical_heat_to_air,
                                    lighting_power_density,
                                    support_area_ratio,
                                    lighting_on_fraction,
                                    misc_per_it_capacity,
                                    tech_loop_pressure_drop,
                                    immersion_loop_pressure_drop,
                                    facility_loop_pressure_drop,
                                    door_loop_pressure_drop,
                                    facility_loop_delta_t,
                                    pump_efficiency,
                                    liquid_pump_fixed_fraction,
                                    dry_cooler_approach,
                                    dry_cooler_fan_share,
                                    dry_cooler_min_speed,
                                    design_margin,
                                    trim_margin,
                                    wue,
                                    grid_emission_factor,
                                ]
                            ),
                            Group::Prices => group_rows!(
                                rows,
                                ui,
                                edited.prices,
                                defaults.prices,
                                prices,
                                [
                                    electricity,
                                    cold_plate_stock_per_kw,
                                    cold_plate_new_per_kw,
                                    l2a_stock_per_kw,
                                    l2a_new_per_kw,
                                    immersion_stock_per_kw,
                                    immersion_new_per_kw,
                                    air_added_capacity_per_kw,
                                    cold_plate_kit_per_kw,
                                    factory_premium_per_kw,
                                    manifold_per_rack,
                                    cdu_per_kw_capacity,
                                    l2a_per_kw_capacity,
                                    piping_per_kw,
                                    trim_chiller_per_kw,
                                    facility_water_extension_per_kw,
                                    facility_water_extension_lead_time,
                                    air_plant_addition_lead_time,
                                    electrical_upgrade_per_kw,
                                    electrical_upgrade_lead_time,
                                    labour_per_server,
                                    downtime_hours_per_rack,
                                    downtime_cost_per_rack_hour,
                                    tank_each,
                                    fluid_per_litre,
                                    immersion_prep_per_server,
                                    floor_reinforcement_per_m2,
                                    contingency,
                                    cold_plate_maintenance,
                                    immersion_maintenance,
                                    fluid_top_up,
                                    water,
                                    air_plant_maintenance_per_kw,
                                    rdhx_passive_each,
                                    rdhx_active_each,
                                    rdhx_install_each,
                                    rdhx_maintenance,
                                ]
                            ),
                            Group::Finance => group_rows!(
                                rows,
                                ui,
                                edited.finance,
                                defaults.finance,
                                finance,
                                [horizon_years, discount_rate, first_year,]
                            ),
                        });
                    ui.add_space(8.0);
                }
            });
        if let Some(field) = rows.reset {
            let mut reset = ctx.site.assumptions.clone();
            reset.reset(field);
            out.push(Command::Edit(
                Edit::SetAssumptions(Box::new(reset)),
                Gesture::Step,
            ));
        } else {
            rows.tracker
                .commands(|| Edit::SetAssumptions(Box::new(edited)), out);
        }
    }
}
