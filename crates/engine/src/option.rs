//! The cooling options as data: what each does to the servers, whether a rear door sits on the
//! rack, and where its liquid heat goes ([`OptionSpec`], `docs/method.md` §1).
//!
//! Owns: [`CoolingOption`] (the seven options, their stable keys and their site-file names) and
//! [`OptionSpec`]. The engine's physics, feasibility, energy and prices read an option through
//! its spec (server treatment, door, heat sink), so an option is a row of [`CoolingOption::spec`]
//! rather than an arm in every computation. Never touches: words (each shell names options).

/// A way to cool a rack group. Declaration order is the order of every per-option table
/// ([`crate::PerOption`]) and of the columns shells show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CoolingOption {
    /// Servers on the hall's air plant, as today.
    Air,
    /// Servers untouched; a passive rear-door heat exchanger (no fans) takes heat from the
    /// exhaust air into cool facility water.
    RearDoorPassive,
    /// As [`CoolingOption::RearDoorPassive`] with fans in the door (higher capacity, fan power).
    RearDoorActive,
    /// Cold plates on a liquid-to-liquid CDU onto facility water; the residual heat to air.
    ColdPlate,
    /// Cold plates plus a rear door that takes the residual heat the plates leave in the air.
    ColdPlateRearDoor,
    /// Cold plates on a liquid-to-air CDU: the liquid heat returns to the room's air (for halls
    /// without facility water); it counts against the hall's air-cooling capacity.
    ColdPlateLiquidToAir,
    /// Servers immersed in a single-phase dielectric fluid, their fans removed.
    Immersion,
}

/// What an option does to the servers themselves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ServerCooling {
    /// Servers keep their fans and cool on air (with or without a door behind them).
    Air,
    /// Cold-plate kits (stock) or factory liquid-cooled servers (new), fans slowed.
    ColdPlate,
    /// Servers immersed, fans removed.
    Immersion,
}

/// A rear-door heat exchanger on the rack.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Door {
    /// No fans: capacity limited by the servers' airflow and the water temperature.
    Passive,
    /// Fans in the door: higher capacity, their power is facility load.
    Active,
}

/// Where the heat an option takes into liquid is finally rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LiquidSink {
    /// The hall's facility water (a liquid-to-liquid CDU or a door loop).
    FacilityWater,
    /// The room's air, through a liquid-to-air CDU with fans (no facility water needed).
    RoomAir,
}

/// One option as data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct OptionSpec {
    pub servers: ServerCooling,
    pub door: Option<Door>,
    pub liquid_sink: LiquidSink,
}

impl CoolingOption {
    pub const ALL: [CoolingOption; 7] = [
        CoolingOption::Air,
        CoolingOption::RearDoorPassive,
        CoolingOption::RearDoorActive,
        CoolingOption::ColdPlate,
        CoolingOption::ColdPlateRearDoor,
        CoolingOption::ColdPlateLiquidToAir,
        CoolingOption::Immersion,
    ];

    /// Every option but air: what a rack group may be retrofitted to.
    pub const RETROFITS: [CoolingOption; 6] = {
        let mut retrofits = [CoolingOption::Air; 6];
        let mut i = 0;
        while i < retrofits.len() {
            retrofits[i] = CoolingOption::ALL[i + 1];
            i += 1;
        }
        retrofits
    };

    /// The option's row of the option table.
    pub const fn spec(self) -> OptionSpec {
        use {CoolingOption as O, LiquidSink::*, ServerCooling as S};
        let (servers, door, liquid_sink) = match self {
            O::Air => (S::Air, None, FacilityWater),
            O::RearDoorPassive => (S::Air, Some(Door::Passive), FacilityWater),
            O::RearDoorActive => (S::Air, Some(Door::Active), FacilityWater),
            O::ColdPlate => (S::ColdPlate, None, FacilityWater),
            O::ColdPlateRearDoor => (S::ColdPlate, Some(Door::Passive), FacilityWater),
            O::ColdPlateLiquidToAir => (S::ColdPlate, None, RoomAir),
            O::Immersion => (S::Immersion, None, FacilityWater),
        };
        OptionSpec {
            servers,
            door,
            liquid_sink,
        }
    }
    /// What the option does to the servers.
    pub const fn servers(self) -> ServerCooling {
        self.spec().servers
    }
    /// The rear door on the rack, if any.
    pub const fn door(self) -> Option<Door> {
        self.spec().door
    }
    /// Whether the servers keep their fans and cool on air (air and the rear doors).
    pub fn on_air(self) -> bool {
        self.servers() == ServerCooling::Air
    }
    /// Whether the option runs on the hall's facility water (a door or a liquid loop onto it).
    pub fn needs_facility_water(self) -> bool {
        let spec = self.spec();
        spec.door.is_some()
            || (spec.servers != ServerCooling::Air && spec.liquid_sink == LiquidSink::FacilityWater)
    }
    /// Whether the option's liquid heat returns to the room's air (liquid-to-air CDUs), so
    /// it loads the hall's air plant instead of facility water.
    pub fn liquid_to_room(self) -> bool {
        self.spec().liquid_sink == LiquidSink::RoomAir
    }
    /// Whether the option changes anything in the hall (every option but air).
    pub fn is_retrofit(self) -> bool {
        self != CoolingOption::Air
    }
    /// Stable key for JSON and CSV.
    pub fn key(self) -> &'static str {
        match self {
            CoolingOption::Air => "air",
            CoolingOption::RearDoorPassive => "rdhx_passive",
            CoolingOption::RearDoorActive => "rdhx_active",
            CoolingOption::ColdPlate => "cold_plate",
            CoolingOption::ColdPlateRearDoor => "cold_plate_rdhx",
            CoolingOption::ColdPlateLiquidToAir => "cold_plate_l2a",
            CoolingOption::Immersion => "immersion",
        }
    }
    /// The option of a stable key.
    pub fn from_key(key: &str) -> Option<CoolingOption> {
        CoolingOption::ALL.into_iter().find(|o| o.key() == key)
    }
    /// Position in [`crate::PerOption`] tables.
    pub fn index(self) -> usize {
        self as usize
    }
    /// The same option as a site file's cooling rule names it.
    pub fn cooling(self) -> coolplan_model::Cooling {
        use coolplan_model::Cooling as C;
        match self {
            CoolingOption::Air => C::Air,
            CoolingOption::RearDoorPassive => C::RearDoorPassive,
            CoolingOption::RearDoorActive => C::RearDoorActive,
            CoolingOption::ColdPlate => C::ColdPlate,
            CoolingOption::ColdPlateRearDoor => C::ColdPlateRearDoor,
            CoolingOption::ColdPlateLiquidToAir => C::ColdPlateLiquidToAir,
            CoolingOption::Immersion => C::Immersion,
        }
    }
    /// The option a site file's cooling rule names.
    pub fn of_cooling(cooling: coolplan_model::Cooling) -> CoolingOption {
        CoolingOption::ALL
            .into_iter()
            .find(|o| o.cooling() == cooling)
            .unwrap_or(CoolingOption::Air)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_option_has_its_own_key_and_site_file_name_both_ways() {
        for (i, option) in CoolingOption::ALL.into_iter().enumerate() {
            assert_eq!(option.index(), i);
            assert_eq!(CoolingOption::from_key(option.key()), Some(option));
            assert_eq!(CoolingOption::of_cooling(option.cooling()), option);
        }
        assert_eq!(CoolingOption::from_key("water"), None);
        assert_eq!(CoolingOption::RETROFITS[..], CoolingOption::ALL[1..]);
        assert!(CoolingOption::RETROFITS.iter().all(|o| o.is_retrofit()));
    }

    #[test]
    fn only_air_and_the_liquid_to_air_cdu_run_without_facility_water() {
        let without: Vec<_> = CoolingOption::ALL
            .into_iter()
            .filter(|o| !o.needs_facility_water())
            .collect();
        assert_eq!(
            without,
            [CoolingOption::Air, CoolingOption::ColdPlateLiquidToAir]
        );
        assert!(CoolingOption::RearDoorActive.on_air());
        assert_eq!(
            CoolingOption::ColdPlateRearDoor.spec(),
            OptionSpec {
                servers: ServerCooling::ColdPlate,
                door: Some(Door::Passive),
                liquid_sink: LiquidSink::FacilityWater
            }
        );
    }
}
