//! Uncertain inputs made ready to vary: checked against their assumptions, their base values
//! read, and [`Prepared::apply`] setting values in a cloned site.
//!
//! Owns: the one way a varied value enters a site (tornado and Monte Carlo both use it), the
//! validation of the `uncertainty` list, inverse-CDF draws. Never touches: files, randomness
//! (callers pass uniform numbers), the engine's arithmetic.
//!
//! A varied value is set through the field's typed setter
//! ([`Assumptions::set_amount`]): the number with the input's tag builds the value as the file
//! would read it (`kW(25)` is 25 kW), so units, tags and currency rules stay those of the
//! file. `Percent` keeps the field's unit; `Uniform`/`Triangular` values take the bounds' unit.

use super::{Amount, Range};
use crate::Site;
use crate::assumptions::{AssumptionKey, Assumptions};
use coolplan_units::Currency;

/// Why an uncertain input cannot be used (worded by the words crate).
#[derive(Clone, Debug, PartialEq)]
pub enum UncertaintyError {
    /// The assumption is not a number (a fluid, a CDU size).
    NotNumeric { index: usize, input: AssumptionKey },
    /// The assumption is listed before, at an earlier index.
    Duplicate { index: usize, input: AssumptionKey },
    BadRange {
        index: usize,
        input: AssumptionKey,
        problem: RangeProblem,
    },
}

/// What is wrong with a range, with the values a message quotes as written.
#[derive(Clone, Debug, PartialEq)]
pub enum RangeProblem {
    /// `Percent(p)` with p outside 0 ≤ p < 100.
    PercentOutside(f64),
    /// A bound that is NaN or infinite.
    NotFinite(Amount),
    /// Bounds written in different units.
    MixedUnits,
    /// The mode of a triangular range outside its bounds.
    ModeOutside {
        low: Amount,
        mode: Amount,
        high: Amount,
    },
    LowAboveHigh {
        low: Amount,
        high: Amount,
    },
    /// The value is written with this unit tag; the bounds lack one.
    NeedsUnit {
        tag: String,
    },
    /// The value is a bare number; the bounds carry a unit.
    NeedsPlainNumber,
    /// Money bounds in another currency than the site's.
    OtherCurrency {
        tag: String,
        found: Currency,
        site: Currency,
    },
    /// A bound the assumption cannot take (a unit of another kind, a whole number too large);
    /// `like` is the assumption's value, written as the bounds should be.
    Unfit {
        bound: Amount,
        like: Amount,
    },
}

impl UncertaintyError {
    /// Index of the entry in the site's `uncertainty` list.
    pub fn index(&self) -> usize {
        match self {
            UncertaintyError::NotNumeric { index, .. }
            | UncertaintyError::Duplicate { index, .. }
            | UncertaintyError::BadRange { index, .. } => *index,
        }
    }
}

/// A varied value the site could not take (cannot happen for values between the bounds
/// [`Prepared::new`] checked; kept as an error rather than a panic).
#[derive(Clone, Debug, PartialEq)]
pub enum ApplyError {
    /// No input at this index.
    NoSuchInput(usize),
    Unfit {
        input: AssumptionKey,
        value: f64,
    },
}

/// Shape of the distribution of one input, in the number of its (range's) unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shape {
    Uniform,
    Triangular { mode: f64 },
}

/// One input ready to vary.
#[derive(Clone, Debug, PartialEq)]
pub struct Input {
    pub key: AssumptionKey,
    /// File tag the varied number is written with (`None`: a bare number).
    pub tag: Option<String>,
    /// The value the site uses now, as written (in its own tag).
    pub base: Amount,
    pub low: f64,
    pub high: f64,
    pub shape: Shape,
    /// Integer field (years, counts): varied values are rounded.
    pub integer: bool,
}

impl Input {
    /// The value at cumulative probability `u` ∈ [0, 1) (inverse CDF).
    pub fn quantile(&self, u: f64) -> f64 {
        let (low, high) = (self.low, self.high);
        let value = match self.shape {
            Shape::Uniform => low + u * (high - low),
            Shape::Triangular { mode } => {
                let width = high - low;
                if width <= 0.0 {
                    low
                } else if u < (mode - low) / width {
                    low + (u * width * (mode - low)).sqrt()
                } else {
                    high - ((1.0 - u) * width * (high - mode)).sqrt()
                }
            }
        };
        if self.integer { value.round() } else { value }
    }
    /// The value as the file writes it, e.g. `kW(20)`.
    pub fn amount(&self, number: f64) -> Amount {
        Amount {
            tag: self.tag.clone(),
            number,
        }
    }
    /// The value written as in the file, e.g. `kW(20)`.
    pub fn written(&self, number: f64) -> String {
        self.amount(number).to_string()
    }
}

/// A site with its uncertain inputs checked and ready to vary.
#[derive(Clone, Debug)]
pub struct Prepared {
    pub site: Site,
    pub inputs: Vec<Input>,
}

/// Every problem of the site's `uncertainty` list (empty when all are usable). The io
/// validator reports each as an error.
pub fn validate(site: &Site) -> Vec<UncertaintyError> {
    match Prepared::new(site) {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    }
}

impl Prepared {
    /// The inputs a sensitivity swings: the site's `uncertainty` list, or coolplan's
    /// [`super::default_ranges`] when it lists none (the flag says which).
    pub fn for_sensitivity(site: &Site) -> Result<(Prepared, bool), Vec<UncertaintyError>> {
        if !site.uncertainty.is_empty() {
            return Ok((Prepared::new(site)?, false));
        }
        let mut with_defaults = site.clone();
        with_defaults.uncertainty = super::default_ranges(site.cost_mode);
        let mut prepared = Prepared::new(&with_defaults)?;
        prepared.site.uncertainty.clear();
        Ok((prepared, true))
    }

    /// Checks every uncertain input of `site`; all problems are returned, not the first only.
    pub fn new(site: &Site) -> Result<Prepared, Vec<UncertaintyError>> {
        let resolved = site.assumptions.resolve(site.currency);
        let mut prepared = Prepared {
            site: site.clone(),
            inputs: Vec::new(),
        };
        let mut problems = Vec::new();
        for (index, uncertain) in site.uncertainty.iter().enumerate() {
            let key = uncertain.input;
            if site.uncertainty[..index].iter().any(|u| u.input == key) {
                problems.push(UncertaintyError::Duplicate { index, input: key });
                continue;
            }
            let Some(base) = resolved.amount(key) else {
                problems.push(UncertaintyError::NotNumeric { index, input: key });
                continue;
            };
            let checked = input_of(key, base, &uncertain.range)
                .and_then(|input| {
                    check_currency(&input, site.currency)?;
                    Ok(input)
                })
                .and_then(|input| {
                    // the bounds must be values the field takes (a unit of its kind)
                    for number in [input.low, input.high] {
                        if prepared.assumptions_with(&[(&input, number)]).is_err() {
                            return Err(RangeProblem::Unfit {
                                bound: input.amount(number),
                                like: input.base.clone(),
                            });
                        }
                    }
                    Ok(input)
                });
            match checked {
                Ok(input) => prepared.inputs.push(input),
                Err(problem) => problems.push(UncertaintyError::BadRange {
                    index,
                    input: key,
                    problem,
                }),
            }
        }
        if problems.is_empty() {
            Ok(prepared)
        } else {
            Err(problems)
        }
    }

    /// The site with input `index` set to `value` (in the input's tag), all else unchanged.
    pub fn apply(&self, index: usize, value: f64) -> Result<Site, ApplyError> {
        let input = self
            .inputs
            .get(index)
            .ok_or(ApplyError::NoSuchInput(index))?;
        self.apply_all(&[(input, value)])
    }

    /// The site with every listed input set to its value.
    pub fn apply_all(&self, values: &[(&Input, f64)]) -> Result<Site, ApplyError> {
        let mut site = self.site.clone();
        site.assumptions = self.assumptions_with(values)?;
        Ok(site)
    }

    /// The site with input `i` at `values[i]`, for every input.
    pub fn apply_vector(&self, values: &[f64]) -> Result<Site, ApplyError> {
        let mut site = self.site.clone();
        site.assumptions = self.assumptions_of_vector(values)?;
        Ok(site)
    }

    /// The site's assumptions with input `i` at `values[i]`: all a sample changes, so a
    /// caller can keep one copy of the site and swap these in.
    pub fn assumptions_of_vector(&self, values: &[f64]) -> Result<Assumptions, ApplyError> {
        let mut assumptions = self.site.assumptions.clone();
        for (input, &value) in self.inputs.iter().zip(values) {
            set(&mut assumptions, input, value)?;
        }
        Ok(assumptions)
    }

    fn assumptions_with(&self, values: &[(&Input, f64)]) -> Result<Assumptions, ApplyError> {
        let mut assumptions = self.site.assumptions.clone();
        for &(input, value) in values {
            set(&mut assumptions, input, value)?;
        }
        Ok(assumptions)
    }
}

/// Sets one input's field: the number in the input's tag, as the file would read it.
fn set(assumptions: &mut Assumptions, input: &Input, value: f64) -> Result<(), ApplyError> {
    let unfit = ApplyError::Unfit {
        input: input.key,
        value,
    };
    if !value.is_finite() {
        return Err(unfit);
    }
    if assumptions.set_amount(input.key, input.tag.as_deref(), value) {
        Ok(())
    } else {
        Err(unfit)
    }
}

fn input_of(key: AssumptionKey, base: Amount, range: &Range) -> Result<Input, RangeProblem> {
    let finite = |a: &Amount| {
        if a.number.is_finite() {
            Ok(a.number)
        } else {
            Err(RangeProblem::NotFinite(a.clone()))
        }
    };
    let same_tag = |bounds: &[&Amount]| {
        if bounds.iter().all(|b| b.tag == bounds[0].tag) {
            Ok(bounds[0].tag.clone())
        } else {
            Err(RangeProblem::MixedUnits)
        }
    };
    let (tag, low, high, shape) = match range {
        Range::Percent(p) => {
            if !(p.is_finite() && (0.0..100.0).contains(p)) {
                return Err(RangeProblem::PercentOutside(*p));
            }
            let spread = base.number.abs() * p / 100.0;
            let (low, high) = (base.number - spread, base.number + spread);
            (base.tag.clone(), low, high, Shape::Uniform)
        }
        Range::Uniform { low, high } => {
            let tag = same_tag(&[low, high])?;
            (tag, finite(low)?, finite(high)?, Shape::Uniform)
        }
        Range::Triangular { low, mode, high } => {
            let tag = same_tag(&[low, mode, high])?;
            let mode_number = finite(mode)?;
            if !(low.number <= mode_number && mode_number <= high.number) {
                return Err(RangeProblem::ModeOutside {
                    low: low.clone(),
                    mode: mode.clone(),
                    high: high.clone(),
                });
            }
            let shape = Shape::Triangular { mode: mode_number };
            (tag, finite(low)?, finite(high)?, shape)
        }
    };
    if low > high {
        return Err(RangeProblem::LowAboveHigh {
            low: Amount {
                tag: tag.clone(),
                number: low,
            },
            high: Amount { tag, number: high },
        });
    }
    if tag.is_some() != base.tag.is_some() {
        return Err(match &base.tag {
            Some(t) => RangeProblem::NeedsUnit { tag: t.clone() },
            None => RangeProblem::NeedsPlainNumber,
        });
    }
    Ok(Input {
        key,
        tag,
        base,
        low,
        high,
        shape,
        integer: key.integer(),
    })
}

/// Money bounds must be in the site's currency (amounts are never converted).
fn check_currency(input: &Input, currency: Currency) -> Result<(), RangeProblem> {
    let Some(tag) = &input.tag else { return Ok(()) };
    let code = tag.split_once("_per_").map_or(tag.as_str(), |(c, _)| c);
    match Currency::from_code(code) {
        Some(found) if found != currency => Err(RangeProblem::OtherCurrency {
            tag: tag.clone(),
            found,
            site: currency,
        }),
        _ => Ok(()),
    }
}
