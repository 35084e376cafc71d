//! A hall's air side and electrical headroom under each option (in the "Halls" chapter): heat
//! on air and the airflow it needs against the air plant, and how much more IT the same
//! facility feed carries once server fans are removed and the overhead falls
//! (`docs/method.md` §2.1 and §7.7).

use super::format::{self as f, option_name};
use super::subsection;
use crate::document::{Block, Column, Row, Table};
use coolplan_engine::{CoolingOption, HallPlant, ScopeResult};
use coolplan_units::format::{group_thousands, quantity_in};
use coolplan_words::{Lang, Text, report::Rep};

/// The air-side and headroom subsections of one hall, into `blocks`.
/// One row per option that applies in the hall (`scope`).
pub(super) fn capacity(
    plant: &HallPlant,
    scope: &ScopeResult,
    lang: Lang,
    blocks: &mut Vec<Block>,
) {
    let shown = || scope.shown().map(|o| o.option);
    let air = &plant.air_side[CoolingOption::Air.index()];
    blocks.push(subsection(Rep::AirSide.tr(lang)));
    blocks.push(Block::Paragraph(Rep::AirSideNote.fmt(
        lang,
        &[&quantity_in(air.air_rise, coolplan_units::TempDiffUnit::K)],
    )));
    // whole numbers; the column headers name the unit
    let flow = |q: uom::si::f64::VolumeRate| {
        group_thousands(q.get::<uom::si::volume_rate::cubic_meter_per_hour>(), 0)
    };
    let cfm = |q: uom::si::f64::VolumeRate| {
        group_thousands(q.get::<uom::si::volume_rate::cubic_foot_per_minute>(), 0)
    };
    let rows = shown()
        .map(|o| {
            let s = &plant.air_side[o.index()];
            let cells = vec![
                option_name(o, lang).to_string(),
                f::kw(s.heat_to_air),
                flow(s.airflow),
                cfm(s.airflow),
                f::kw(s.capacity),
                flow(s.airflow_capacity),
                if s.exceeded() {
                    Rep::CheckExceeds
                } else {
                    Rep::CheckOk
                }
                .tr(lang)
                .to_string(),
            ];
            if s.exceeded() {
                Row::strong(cells)
            } else {
                Row::new(cells)
            }
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::left(Rep::ColOption.tr(lang)),
            Column::right(Rep::ColHeatOnAir.tr(lang)),
            Column::right(Rep::ColAirflow.tr(lang)),
            Column::right(Rep::ColAirflowCfm.tr(lang)),
            Column::right(Rep::ColAirPlant.tr(lang)),
            Column::right(Rep::ColAirPlantFlow.tr(lang)),
            Column::left(Rep::ColAirCheck.tr(lang)),
        ],
        rows,
    }));

    let e = &plant.electrical[CoolingOption::Air.index()];
    blocks.push(subsection(Rep::Headroom.tr(lang)));
    let basis = if e.capacity_given {
        Rep::HeadroomCapacityGiven
    } else {
        Rep::HeadroomCapacityDerived
    };
    blocks.push(Block::Paragraph(Rep::HeadroomNote.fmt(
        lang,
        &[&f::kw(e.it_capacity), &basis.tr(lang), &f::kw(e.feed)],
    )));
    let rows = shown()
        .map(|o| {
            let h = &plant.electrical[o.index()];
            Row::new(vec![
                option_name(o, lang).to_string(),
                f::ratio(h.pue),
                f::kw(h.it_design),
                f::kw(h.fan_power_removed),
                f::kw(h.it_max),
                f::kw(h.headroom),
            ])
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            Column::left(Rep::ColOption.tr(lang)),
            Column::right(Rep::ColPue.tr(lang)),
            Column::right(Rep::ColItDesign.tr(lang)),
            Column::right(Rep::ColFansRemoved.tr(lang)),
            Column::right(Rep::ColItSameFeed.tr(lang)),
            Column::right(Rep::ColHeadroom.tr(lang)),
        ],
        rows,
    }));
}
