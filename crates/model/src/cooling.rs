//! A rack group's cooling rule: what the site file says about which options the group may
//! take, when the engineer already knows (`cooling: Force(ColdPlate)`: plan it on cold plate
//! only; `cooling: Exclude([Immersion])`: never immerse it). Plain data; the engine treats an
//! option the rule rules out as one the group cannot take.
//!
//! Owns: [`CoolingRule`], [`Cooling`] and [`CoolingRule::allows`]. Never touches: the engine's
//! own option type (it maps [`Cooling`] one to one), validation (`coolplan_io`).

use serde::{Deserialize, Serialize};

/// A cooling option as a site file names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Cooling {
    Air,
    /// Passive rear-door heat exchanger.
    RearDoorPassive,
    /// Active (fanned) rear-door heat exchanger.
    RearDoorActive,
    /// Cold plates on a liquid-to-liquid CDU.
    ColdPlate,
    /// Cold plates plus a rear door for their residual heat (hybrid).
    ColdPlateRearDoor,
    /// Cold plates on a liquid-to-air CDU.
    ColdPlateLiquidToAir,
    Immersion,
}

impl Cooling {
    pub const ALL: [Cooling; 7] = [
        Cooling::Air,
        Cooling::RearDoorPassive,
        Cooling::RearDoorActive,
        Cooling::ColdPlate,
        Cooling::ColdPlateRearDoor,
        Cooling::ColdPlateLiquidToAir,
        Cooling::Immersion,
    ];
}

/// Which options a rack group may take.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CoolingRule {
    /// This option only.
    Force(Cooling),
    /// Any option but these.
    Exclude(Vec<Cooling>),
}

impl CoolingRule {
    /// Whether the rule lets the group take `option`.
    pub fn allows(&self, option: Cooling) -> bool {
        match self {
            CoolingRule::Force(only) => *only == option,
            CoolingRule::Exclude(excluded) => !excluded.contains(&option),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn force_allows_one_option_and_exclude_all_but_the_listed() {
        let force = CoolingRule::Force(Cooling::ColdPlate);
        assert!(force.allows(Cooling::ColdPlate));
        assert!(!force.allows(Cooling::Air));
        assert!(!force.allows(Cooling::Immersion));
        let exclude = CoolingRule::Exclude(vec![Cooling::Immersion]);
        assert!(exclude.allows(Cooling::Air));
        assert!(exclude.allows(Cooling::ColdPlate));
        assert!(!exclude.allows(Cooling::Immersion));
    }

    #[test]
    fn the_rule_reads_as_written_in_a_site_file() {
        let rule: CoolingRule = ron::from_str("Exclude([Immersion, Air])").unwrap();
        assert_eq!(
            rule,
            CoolingRule::Exclude(vec![Cooling::Immersion, Cooling::Air])
        );
        let rule: CoolingRule = ron::from_str("Force(ColdPlate)").unwrap();
        assert_eq!(ron::to_string(&rule).unwrap(), "Force(ColdPlate)");
    }
}
