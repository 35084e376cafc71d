//! Bins from monthly normals (a diurnal cycle per month) and from hourly weather records.
//!
//! Normals: each month becomes 24 bins, one per hour of the day, each of `days × 1 h`. The
//! dry bulb follows a two-part cosine between the mean daily minimum at 05:00 and the mean
//! daily maximum at 15:00 (rising over 10 h, falling over 14 h), so the hourly values reach
//! exactly the tabulated min and max. Humidity: the monthly mean RH is taken at the daily-mean
//! temperature, and that dew point is held over the day (vapour content varies much less over
//! a day than RH does), so RH falls in the afternoon as the air warms.
//! Hourly records: grouped by month and 1 K steps of dry bulb (`floor(T)`); a bin's dry bulb,
//! humidity and wet bulb are the means of its hours (the wet bulb of each hour, not of the
//! means). Wet bulbs by Stull (2011), [`super::psychro`].

use std::collections::BTreeMap;
use std::f64::consts::PI;

use uom::si::f64::{ThermodynamicTemperature, Time};
use uom::si::thermodynamic_temperature::degree_celsius;
use uom::si::time::hour;

use super::ClimateBin;
use super::psychro::{dew_point_c, rh_from_dew_point, wet_bulb_c};

/// Days of each month in a 365-day typical year.
pub const DAYS_IN_MONTH: [u32; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/// Hour of the mean daily minimum (local solar time).
pub const HOUR_OF_MIN: f64 = 5.0;
/// Hour of the mean daily maximum.
pub const HOUR_OF_MAX: f64 = 15.0;

/// Monthly normals that cannot make bins (worded by the words crate).
#[derive(Debug, Clone, PartialEq)]
pub enum NormalsError {
    /// A series (`daily_max`, …) without one value per month.
    NotTwelve { series: &'static str, found: usize },
    /// A month whose mean daily minimum (°C) is above its maximum.
    MinAboveMax { month: usize, min: f64, max: f64 },
    /// A value that is not finite, or outside the physical range of its series.
    OutOfRange {
        month: usize,
        series: &'static str,
        value: f64,
    },
}

/// Dry bulb at `hour_of_day` (0–24) for a day between `min_c` and `max_c` (°C).
pub fn diurnal_dry_bulb_c(min_c: f64, max_c: f64, hour_of_day: f64) -> f64 {
    let mean_c = 0.5 * (max_c + min_c);
    let amplitude_c = 0.5 * (max_c - min_c);
    let rise_h = HOUR_OF_MAX - HOUR_OF_MIN; // 10 h
    let fall_h = 24.0 - rise_h; // 14 h
    if (HOUR_OF_MIN..=HOUR_OF_MAX).contains(&hour_of_day) {
        mean_c - amplitude_c * (PI * (hour_of_day - HOUR_OF_MIN) / rise_h).cos()
    } else {
        let since_max_h = (hour_of_day - HOUR_OF_MAX).rem_euclid(24.0);
        mean_c + amplitude_c * (PI * since_max_h / fall_h).cos()
    }
}

/// 12 × 24 bins from monthly mean daily max/min (°C) and mean RH (%).
pub fn bins_from_normals(
    daily_max_c: &[f64],
    daily_min_c: &[f64],
    relative_humidity: &[f64],
) -> Result<Vec<ClimateBin>, NormalsError> {
    for (series, values) in [
        ("daily_max", daily_max_c),
        ("daily_min", daily_min_c),
        ("relative_humidity", relative_humidity),
    ] {
        if values.len() != 12 {
            return Err(NormalsError::NotTwelve {
                series,
                found: values.len(),
            });
        }
    }
    let mut bins = Vec::with_capacity(12 * 24);
    for month in 0..12 {
        let (max_c, min_c, rh) = (
            daily_max_c[month],
            daily_min_c[month],
            relative_humidity[month],
        );
        check_range(month, "daily_max", max_c, -90.0, 60.0)?;
        check_range(month, "daily_min", min_c, -90.0, 60.0)?;
        check_range(month, "relative_humidity", rh, 0.0, 100.0)?;
        if min_c > max_c {
            return Err(NormalsError::MinAboveMax {
                month: month + 1,
                min: min_c,
                max: max_c,
            });
        }
        let dew_c = dew_point_c(0.5 * (max_c + min_c), rh);
        for hour_of_day in 0..24 {
            let dry_c = diurnal_dry_bulb_c(min_c, max_c, f64::from(hour_of_day));
            let rh_hour = rh_from_dew_point(dry_c, dew_c);
            bins.push(ClimateBin {
                month: month as u8,
                hours: Time::new::<hour>(f64::from(DAYS_IN_MONTH[month])),
                dry_bulb: ThermodynamicTemperature::new::<degree_celsius>(dry_c),
                relative_humidity: rh_hour,
                wet_bulb: ThermodynamicTemperature::new::<degree_celsius>(wet_bulb_c(
                    dry_c, rh_hour,
                )),
            });
        }
    }
    Ok(bins)
}

fn check_range(
    month: usize,
    series: &'static str,
    value: f64,
    low: f64,
    high: f64,
) -> Result<(), NormalsError> {
    if value.is_finite() && (low..=high).contains(&value) {
        Ok(())
    } else {
        Err(NormalsError::OutOfRange {
            month: month + 1,
            series,
            value,
        })
    }
}

/// One hourly (or sub-hourly) weather record.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HourlyRecord {
    /// Month, 0 = January.
    pub month: u8,
    /// Hours this record stands for (1 for hourly files).
    pub hours: f64,
    pub dry_bulb_c: f64,
    pub relative_humidity: f64,
}

/// Bins by month and 1 K dry-bulb step; each bin carries the mean dry bulb, RH and wet bulb
/// of its hours.
pub fn bins_from_hourly(records: &[HourlyRecord]) -> Vec<ClimateBin> {
    // (month, floor(T)) → [hours, Σ hours·T, Σ hours·RH, Σ hours·Tw]
    let mut groups: BTreeMap<(u8, i64), [f64; 4]> = BTreeMap::new();
    for r in records {
        let entry = groups
            .entry((r.month, r.dry_bulb_c.floor() as i64))
            .or_insert([0.0; 4]);
        entry[0] += r.hours;
        entry[1] += r.hours * r.dry_bulb_c;
        entry[2] += r.hours * r.relative_humidity;
        entry[3] += r.hours * wet_bulb_c(r.dry_bulb_c, r.relative_humidity);
    }
    let celsius = ThermodynamicTemperature::new::<degree_celsius>;
    groups
        .into_iter()
        .filter(|(_, [h, ..])| *h > 0.0)
        .map(|((month, _), [h, t_sum, rh_sum, tw_sum])| ClimateBin {
            month,
            hours: Time::new::<hour>(h),
            dry_bulb: celsius(t_sum / h),
            relative_humidity: rh_sum / h,
            wet_bulb: celsius(tw_sum / h),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diurnal_cycle_hits_min_at_5_and_max_at_15() {
        // Beijing July: max 30.9, min 22.0 (CMA 1971–2000).
        assert!((diurnal_dry_bulb_c(22.0, 30.9, 5.0) - 22.0).abs() < 1e-12);
        assert!((diurnal_dry_bulb_c(22.0, 30.9, 15.0) - 30.9).abs() < 1e-12);
        // Halfway up (10:00) and halfway down (22:00) sit at the mean 26.45.
        assert!((diurnal_dry_bulb_c(22.0, 30.9, 10.0) - 26.45).abs() < 1e-12);
        assert!((diurnal_dry_bulb_c(22.0, 30.9, 22.0) - 26.45).abs() < 1e-12);
        // Continuous at midnight: 24:00 equals 0:00.
        assert!(
            (diurnal_dry_bulb_c(22.0, 30.9, 0.0) - diurnal_dry_bulb_c(22.0, 30.9, 24.0)).abs()
                < 1e-12
        );
    }

    #[test]
    fn normals_make_8760_hours() {
        let bins = bins_from_normals(&[10.0; 12], &[0.0; 12], &[50.0; 12]).unwrap();
        assert_eq!(bins.len(), 288);
        let total: f64 = bins.iter().map(|b| b.hours.get::<hour>()).sum();
        assert_eq!(total, 8760.0); // 365 days × 24 h
    }

    #[test]
    fn the_dew_point_is_held_over_the_day() {
        // Beijing July: 30.9 / 22.0 °C, mean RH 80 % at the daily mean 26.45 °C → dew point
        // 22.7 °C; at 15:00 (30.9 °C) RH = e(22.72)/e(30.9) = 61.8 % and the wet bulb 25.1 °C
        // (80 % held all day would give 28.0 °C).
        let mut max = [10.0; 12];
        let mut min = [0.0; 12];
        let mut rh = [50.0; 12];
        (max[6], min[6], rh[6]) = (30.9, 22.0, 80.0);
        let bins = bins_from_normals(&max, &min, &rh).unwrap();
        let three_pm = &bins[6 * 24 + 15];
        assert!(
            (three_pm.relative_humidity - 61.79).abs() < 0.01,
            "{}",
            three_pm.relative_humidity
        );
        let tw = three_pm.wet_bulb.get::<degree_celsius>();
        assert!((tw - 25.1).abs() < 0.05, "{tw}");
        // at the daily mean (10:00) the RH is the monthly mean
        assert!((bins[6 * 24 + 10].relative_humidity - 80.0).abs() < 1e-9);
    }

    #[test]
    fn eleven_months_is_an_error() {
        let err = bins_from_normals(&[10.0; 11], &[0.0; 12], &[50.0; 12]).unwrap_err();
        assert_eq!(
            err,
            NormalsError::NotTwelve {
                series: "daily_max",
                found: 11
            }
        );
    }

    #[test]
    fn hourly_records_bin_by_month_and_kelvin() {
        let r = |month, t, rh| HourlyRecord {
            month,
            hours: 1.0,
            dry_bulb_c: t,
            relative_humidity: rh,
        };
        // 20.2 and 20.8 share the 20 K step of January; 21.0 starts the next; Feb is apart.
        let bins = bins_from_hourly(&[
            r(0, 20.2, 40.0),
            r(0, 20.8, 60.0),
            r(0, 21.0, 50.0),
            r(1, 20.5, 70.0),
        ]);
        assert_eq!(bins.len(), 3);
        assert_eq!(bins[0].hours.get::<hour>(), 2.0);
        assert!((bins[0].dry_bulb.get::<degree_celsius>() - 20.5).abs() < 1e-9);
        assert!((bins[0].relative_humidity - 50.0).abs() < 1e-12);
        // the mean of the two hours' wet bulbs, not the wet bulb of the means
        let tw = 0.5 * (wet_bulb_c(20.2, 40.0) + wet_bulb_c(20.8, 60.0));
        assert!((bins[0].wet_bulb.get::<degree_celsius>() - tw).abs() < 1e-12);
        assert_eq!(bins[2].month, 1);
    }
}
