//! Words of a hall's plant results: how its measured PUE was split (calibration) and whether
//! the facility water holds its supply on the design day. The text, PDF/HTML/Markdown and
//! GUI word them through here.

use super::{option_in_sentence, units_as_written};
use crate::{Lang, Text};
use coolplan_engine::{Calibration, CoolingOption, DesignDay, HallPlant};
use coolplan_model::CalibrationSplit;
use coolplan_units::format::{UnitSystem, group_thousands, quantity_trimmed as quantity};
use coolplan_units::{PowerUnit, TemperatureUnit};

crate::texts! {
    /// Plant result wording.
    PlantWords {
        SplitUniform => "in the model's own ratio", "按模型自身比例";
        SplitFixed => "all on the fixed parts", "全部计入固定部分";
        SplitProportional => "all on the load-driven parts", "全部计入随负荷部分";
        Calibrated => "measured PUE {0}; the model gives {1} on air, so {2} kWh per kWh of IT is added ({3}): {4} to the fixed parts (no-load losses, lighting, fan and pump floors, factor {5}) and {6} to the load-driven parts (factor {7})", "实测 PUE {0}；模型风冷 PUE 为 {1}，每 kWh IT 补足 {2} kWh（{3}）：固定部分（空载损耗、照明、风机及水泵最低功耗，系数 {5}）{4}，随负荷部分（系数 {7}）{6}";
        NotReproduced => "measured PUE {0} is below what the model's plant needs ({1} on air) and cannot be reproduced with this split; the part it can lower stops at zero", "实测 PUE {0} 低于模型设施的最低需求（风冷 {1}），按此分摊方式无法复现；可下调的部分已降至零";
        WaterExtension => "the hall has no facility water: its liquid options bring it as an enabling work, a W32 loop supplied at {0} from a new dry cooler with a trim chiller, priced at {1} of liquid heat (cost item \"facility-water extension\"; the trim chiller apart) and in service about {2} weeks after the order", "机房无一次侧冷却水：液冷方案将其作为配套工程新建——由新干冷器加补冷冷机提供 {0} 供水的 W32 环路，按液冷热量 {1} 计价（成本项“新建一次侧冷却水”，补冷冷机另计），下单后约 {2} 周投入使用";
        DesignHolds => "design day {0} dry bulb / {1} wet bulb: the dry cooler holds the {2} facility supply under {3} (it leaves at {4})", "设计日干球 {0} / 湿球 {1}：{3}方案下干冷器可保持 {2} 的一次侧供水（出水 {4}）";
        DesignTrim => "design day {0} dry bulb / {1} wet bulb: the dry cooler leaves at {2} against a {3} supply, so {4} needs a trim chiller of {5} (COP {6} at design), running {7} h a year", "设计日干球 {0} / 湿球 {1}：干冷器出水 {2}，高于 {3} 的供水温度，{4}方案需配置 {5} 的补冷冷机（设计工况 COP {6}），每年运行 {7} 小时";
    }
}

/// The calibration rule's name in a sentence, e.g. `in the model's own ratio`.
pub fn split_name(split: CalibrationSplit, lang: Lang) -> &'static str {
    match split {
        CalibrationSplit::Uniform => PlantWords::SplitUniform,
        CalibrationSplit::Fixed => PlantWords::SplitFixed,
        CalibrationSplit::Proportional => PlantWords::SplitProportional,
    }
    .tr(lang)
}

/// How a hall's measured PUE was reproduced, in one sentence.
pub fn calibration(c: &Calibration, lang: Lang) -> String {
    let ratio = |v: f64| group_thousands(v, 2);
    let share = |v: f64| group_thousands(v, 3);
    if !c.reproduced {
        return PlantWords::NotReproduced.fmt(lang, &[&ratio(c.measured_pue), &ratio(c.model_pue)]);
    }
    PlantWords::Calibrated.fmt(
        lang,
        &[
            &ratio(c.measured_pue),
            &ratio(c.model_pue),
            &share(c.excess_fixed + c.excess_proportional),
            &split_name(c.split, lang),
            &share(c.excess_fixed),
            &share(c.factor_fixed),
            &share(c.excess_proportional),
            &share(c.factor_proportional),
        ],
    )
}

/// The design day of one liquid option of a hall, in one sentence.
pub fn design_day(option: CoolingOption, d: &DesignDay, lang: Lang, system: UnitSystem) -> String {
    let temperature = |t| units_as_written(&quantity::<TemperatureUnit>(t, system), lang);
    let option = option_in_sentence(option, lang);
    match d.trim_cop {
        None => PlantWords::DesignHolds.fmt(
            lang,
            &[
                &temperature(d.dry_bulb),
                &temperature(d.wet_bulb),
                &temperature(d.supply),
                &option,
                &temperature(d.cooler_leaving),
            ],
        ),
        Some(cop) => PlantWords::DesignTrim.fmt(
            lang,
            &[
                &temperature(d.dry_bulb),
                &temperature(d.wet_bulb),
                &temperature(d.cooler_leaving),
                &temperature(d.supply),
                &option,
                &quantity::<PowerUnit>(d.trim_capacity, system),
                &group_thousands(cop, 1),
                &group_thousands(d.trim_hours.get::<uom::si::time::hour>(), 0),
            ],
        ),
    }
}

/// A hall's plant facts as sentences for a list: the calibration's split, then each liquid
/// option's design day.
pub fn facts(plant: &HallPlant, lang: Lang, system: UnitSystem) -> Vec<String> {
    facts_priced(plant, None, lang, system)
}

/// [`facts`], with the facility-water extension's price per kW (`price`, worded) when the
/// hall needs one.
pub fn facts_priced(
    plant: &HallPlant,
    price: Option<&str>,
    lang: Lang,
    system: UnitSystem,
) -> Vec<String> {
    let extension = plant
        .water_extension
        .zip(price)
        .map(|(e, price)| water_extension(&e, price, lang, system));
    let calibration = plant.calibration.iter().map(|c| calibration(c, lang));
    let options = CoolingOption::ALL.iter().zip(&plant.design_day);
    let days =
        options.filter_map(|(option, day)| Some(design_day(*option, day.as_ref()?, lang, system)));
    extension
        .into_iter()
        .chain(calibration)
        .chain(days)
        .map(|line| capitalised(&line))
        .collect()
}

/// The facility-water extension a hall without water needs, with its price per kW.
pub fn water_extension(
    e: &coolplan_engine::physical::enabling::WaterExtension,
    price: &str,
    lang: Lang,
    system: UnitSystem,
) -> String {
    let weeks = e.lead_time.get::<uom::si::time::day>() / 7.0;
    PlantWords::WaterExtension.fmt(
        lang,
        &[
            &units_as_written(&quantity::<TemperatureUnit>(e.supply, system), lang),
            &price,
            &group_thousands(weeks, 0),
        ],
    )
}

/// A sentence with its first letter upper-case (English; Chinese has no case).
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uom::si::energy::kilowatt_hour;
    use uom::si::f64::{Energy, Power, ThermodynamicTemperature, Time};
    use uom::si::power::kilowatt;
    use uom::si::thermodynamic_temperature::degree_celsius;
    use uom::si::time::hour;

    #[test]
    fn a_split_is_worded_with_its_parts() {
        let c = Calibration {
            split: CalibrationSplit::Uniform,
            measured_pue: 1.45,
            model_pue: 1.395,
            excess_fixed: 0.030,
            excess_proportional: 0.025,
            factor_fixed: 1.14,
            factor_proportional: 1.14,
            reproduced: true,
        };
        let en = calibration(&c, Lang::En);
        assert!(
            en.starts_with("measured PUE 1.45; the model gives 1.40 on air"),
            "{en}"
        );
        assert!(en.contains("0.055 kWh per kWh of IT"), "{en}");
        assert!(en.contains("0.030 to the fixed parts"), "{en}");
        let zh = calibration(&c, Lang::Zh);
        assert!(zh.contains("按模型自身比例"), "{zh}");
    }

    #[test]
    fn a_design_day_names_the_trim_chiller() {
        let c = |v| ThermodynamicTemperature::new::<degree_celsius>(v);
        let d = DesignDay {
            dry_bulb: c(33.9),
            wet_bulb: c(26.1),
            cooler_leaving: c(39.9),
            supply: c(30.0),
            holds_supply: false,
            trim_capacity: Power::new::<kilowatt>(1204.0),
            trim_cop: Some(4.84),
            trim_hours: Time::new::<hour>(1686.0),
            trim_energy: Energy::new::<kilowatt_hour>(112_900.0),
        };
        let en = design_day(CoolingOption::ColdPlate, &d, Lang::En, UnitSystem::Si);
        assert_eq!(
            en,
            "design day 33.9 °C dry bulb / 26.1 °C wet bulb: the dry cooler leaves at 39.9 °C \
             against a 30 °C supply, so cold plate needs a trim chiller of 1,204 kW (COP 4.8 at \
             design), running 1,686 h a year"
        );
        let zh = design_day(CoolingOption::ColdPlate, &d, Lang::Zh, UnitSystem::Si);
        assert!(zh.contains("1,204 kW"), "{zh}");
    }
}
