//! Reasons in words a facility engineer accepts ("air cannot cool 40.8 kW per rack (limit
//! 25 kW)"). Interim: the cost engine's `report::words` will own this wording; when it lands
//! the report calls it instead.

use crate::engine::{CoolingOption, Reason};
use crate::i18n::Lang;

use super::format::{area, floor_load, kw, money_short, option_name, payback};
use crate::units::TemperatureUnit;
use crate::units::format::quantity_in;

/// One reason as a sentence fragment in `lang`.
pub fn reason(reason: &Reason, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let temp = |t| quantity_in(t, TemperatureUnit::degC);
    match reason {
        Reason::AirDensity { per_rack, limit } => {
            if zh {
                format!("风冷无法冷却每柜 {}（上限 {}）", kw(*per_rack), kw(*limit))
            } else {
                format!(
                    "air cannot cool {} per rack (limit {})",
                    kw(*per_rack),
                    kw(*limit)
                )
            }
        }
        Reason::AirCapacity {
            heat_to_air,
            capacity,
        } => {
            if zh {
                format!(
                    "风冷热负荷 {} 超过机房风冷能力 {}",
                    kw(*heat_to_air),
                    kw(*capacity)
                )
            } else {
                format!(
                    "heat to air {} exceeds the hall's air capacity {}",
                    kw(*heat_to_air),
                    kw(*capacity)
                )
            }
        }
        Reason::FloorLoad { load, rating } => {
            if zh {
                format!(
                    "楼面承重 {} < 设备荷载 {}",
                    floor_load(*rating),
                    floor_load(*load)
                )
            } else {
                format!(
                    "floor {} < equipment {}",
                    floor_load(*rating),
                    floor_load(*load)
                )
            }
        }
        Reason::FloorSpace { needed, available } => {
            if zh {
                format!("需要面积 {}，可用 {}", area(*needed), area(*available))
            } else {
                format!(
                    "needs {} of floor, {} available",
                    area(*needed),
                    area(*available)
                )
            }
        }
        Reason::NotImmersionCompatible { model } => {
            if zh {
                format!("{model} 不支持浸没")
            } else {
                format!("{model} cannot be immersed")
            }
        }
        Reason::ImmersionNeedsPrep { model } => {
            if zh {
                format!("{model} 浸没前需预处理（拆风扇、换导热材料）")
            } else {
                format!("{model} needs preparation before immersion (fans out, paste replaced)")
            }
        }
        Reason::NoColdPlateKit { model } => {
            if zh {
                format!("{model} 无冷板方案")
            } else {
                format!("{model} has no cold-plate option")
            }
        }
        Reason::FactoryOnly { model } => {
            if zh {
                format!("{model} 仅出厂液冷，已安装设备无法改造")
            } else {
                format!("{model} is only sold liquid-cooled; installed units cannot be retrofitted")
            }
        }
        Reason::NoFacilityWater => {
            if zh {
                "机房无设施冷却水".into()
            } else {
                "the hall has no facility water".into()
            }
        }
        Reason::WaterTooWarm { supply, max } => {
            if zh {
                format!("供水温度 {} 高于允许的 {}", temp(*supply), temp(*max))
            } else {
                format!(
                    "facility water at {} is warmer than the {} allowed",
                    temp(*supply),
                    temp(*max)
                )
            }
        }
        Reason::BestNpv {
            npv,
            runner_up,
            margin,
        } => {
            let lead = match (runner_up, margin) {
                (Some(other), Some(m)) => {
                    if zh {
                        format!(
                            "，比{}高 {}",
                            option_name(*other, lang),
                            money_short(*m, lang)
                        )
                    } else {
                        format!(
                            ", {} ahead of {}",
                            money_short(*m, lang),
                            option_name(*other, lang)
                        )
                    }
                }
                _ => String::new(),
            };
            if zh {
                format!("净现值最高 {}{lead}", money_short(*npv, lang))
            } else {
                format!("best NPV {}{lead}", money_short(*npv, lang))
            }
        }
        Reason::Payback { years } => {
            let text = payback(Some(*years), lang);
            if zh {
                format!("投资回收期 {text}")
            } else {
                format!("payback {text}")
            }
        }
        Reason::OnlyFeasible => {
            if zh {
                "唯一可行方案".into()
            } else {
                "the only feasible option".into()
            }
        }
        Reason::AirCheapest => {
            if zh {
                "液冷在评估期内无法回收，维持风冷".into()
            } else {
                "no liquid option pays back against air, so air stays".into()
            }
        }
    }
}

/// Reasons joined into one line.
pub fn reasons(list: &[Reason], lang: Lang) -> String {
    let sep = if lang == Lang::Zh { "；" } else { "; " };
    list.iter()
        .map(|r| reason(r, lang))
        .collect::<Vec<_>>()
        .join(sep)
}

/// The option's name, or "none feasible".
pub fn choice(option: Option<CoolingOption>, lang: Lang) -> String {
    match option {
        Some(o) => option_name(o, lang).to_string(),
        None => crate::i18n::Text::tr(crate::i18n::report::Rep::NoneFeasible, lang).to_string(),
    }
}
