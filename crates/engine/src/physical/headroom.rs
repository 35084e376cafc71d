//! Electrical headroom of a hall under each option (`docs/method.md` §7.7): how much more IT
//! the same facility feed carries once server fans are removed and the facility overhead
//! falls.
//!
//! Owns: the rule. The feed is what the hall's IT capacity `C` draws on air today,
//! `F = C · PUE_air`; under an option the same feed carries `IT_max = F / PUE_option`, and the
//! headroom is `IT_max − IT_option` (`IT_option` the option's IT at max draw, after the server
//! fan power the option removes). The PUEs are the hall's annual ones: an average hour's
//! overhead, not the peak hour's (a feed sized on the design day has less margin on air,
//! where the chillers peak hardest, so this understates the gain of liquid a little).

use uom::si::f64::Power;
use uom::si::power::watt;

/// A hall's electrical headroom under one option.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Headroom {
    /// The hall's IT capacity `C`: the file's `it_capacity` (or today's IT when higher), else
    /// the larger of its air-cooling capacity and its racks' design IT on air.
    pub it_capacity: Power,
    /// `C` is the file's `it_capacity`.
    pub capacity_given: bool,
    /// The facility feed `F = C · PUE_air`.
    pub feed: Power,
    /// The option's annual PUE.
    pub pue: f64,
    /// IT the same feed carries under the option: `F / PUE_option`.
    pub it_max: Power,
    /// The option's IT at max draw.
    pub it_design: Power,
    /// Server fan power the option removes at max draw.
    pub fan_power_removed: Power,
    /// `IT_max − IT_option`: more IT the feed takes (negative: the hall is over its feed).
    pub headroom: Power,
}

impl Headroom {
    /// Headroom of an option of PUE `pue` and design IT `it_design_w` (fans removed
    /// `fan_removed_w`) in a hall of IT capacity `capacity_w` whose air option runs at
    /// `pue_air`. A PUE of 0 (no IT) leaves the capacity as it is.
    pub fn new(
        capacity_w: f64,
        capacity_given: bool,
        pue_air: f64,
        pue: f64,
        it_design_w: f64,
        fan_removed_w: f64,
    ) -> Self {
        // IT_max = C·(PUE_air / PUE_option): the ratio first, so that a PUE near overflow
        // (an IT load near zero) cannot overflow the product; the feed saturates instead.
        let feed_w = (capacity_w * if pue_air > 0.0 { pue_air } else { 1.0 }).min(f64::MAX);
        let it_max_w = if pue > 0.0 && pue_air > 0.0 {
            capacity_w * (pue_air / pue)
        } else {
            capacity_w
        };
        let w = Power::new::<watt>;
        Headroom {
            it_capacity: w(capacity_w),
            capacity_given,
            feed: w(feed_w),
            pue,
            it_max: w(it_max_w),
            it_design: w(it_design_w),
            fan_power_removed: w(fan_removed_w),
            headroom: w(it_max_w - it_design_w),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uom::si::power::kilowatt;

    #[test]
    fn a_fixed_feed_takes_more_it_at_a_lower_pue_worked_by_hand() {
        // C = 1,000 kW on air at PUE 1.46: F = 1,460 kW. Air carries 900 kW of IT:
        // headroom 1,000 − 900 = 100 kW.
        let kw = |p: Power| p.get::<kilowatt>();
        let air = Headroom::new(1.0e6, true, 1.46, 1.46, 0.9e6, 0.0);
        assert!((kw(air.feed) - 1_460.0).abs() < 1e-9);
        assert!((kw(air.headroom) - 100.0).abs() < 1e-9);
        // Cold plate at PUE 1.38 removes 45 kW of fans (IT 855 kW): IT_max = 1,460 / 1.38
        // = 1,057.971 kW; headroom 1,057.971 − 855 = 202.971 kW, of which 45 kW from the
        // fans and 57.971 kW from the lower overhead (against air's 100 kW).
        let cold = Headroom::new(1.0e6, true, 1.46, 1.38, 0.855e6, 0.045e6);
        assert!((kw(cold.it_max) - 1_057.971).abs() < 1e-3);
        assert!((kw(cold.headroom) - 202.971).abs() < 1e-3);
        assert!((kw(cold.headroom) - kw(air.headroom) - 45.0 - 57.971).abs() < 1e-3);
        // No IT, no PUE: the capacity stands.
        let empty = Headroom::new(1.0e6, false, 0.0, 0.0, 0.0, 0.0);
        assert_eq!(kw(empty.it_max), 1_000.0);
    }
}
