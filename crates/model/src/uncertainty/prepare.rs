//! Uncertain inputs made ready to vary: checked against the assumption keys, their base
//! values read, and [`Prepared::apply`] setting values in a cloned site.
//!
//! Owns: the one way a varied value enters a site (tornado and Monte Carlo both use it), the
//! validation of the `uncertainty` list, inverse-CDF draws. Never touches: files, randomness
//! (callers pass uniform numbers), the engine's arithmetic.
//!
//! Setting a field works on the serde form of the assumptions: a value written `kW(25)` is
//! the JSON `{"kW": 25}`; the varied number replaces 25 and the assumptions are read back
//! through their own deserialisers, so units, tags and currency rules stay those of the file.
//! `Percent` keeps the field's unit; `Uniform`/`Triangular` values take the bounds' unit.

use serde_json::Value;

use super::{Amount, Range};
use crate::Site;
use crate::assumptions::Assumptions;
use coolplan_units::Currency;

/// Why an uncertain input cannot be used.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum UncertaintyError {
    #[error(
        "uncertainty[{index}]: `{input}` is not an assumption key (write \"group.key\", e.g. \"prices.electricity\")"
    )]
    UnknownInput { index: usize, input: String },
    #[error("uncertainty[{index}]: `{input}` is not a number and cannot vary")]
    NotNumeric { index: usize, input: String },
    #[error("uncertainty[{index}]: `{input}` is listed twice")]
    Duplicate { index: usize, input: String },
    #[error("uncertainty[{index}]: `{input}`: {problem}")]
    BadRange {
        index: usize,
        input: String,
        problem: String,
    },
}

impl UncertaintyError {
    /// Index of the entry in the site's `uncertainty` list.
    pub fn index(&self) -> usize {
        match self {
            UncertaintyError::UnknownInput { index, .. }
            | UncertaintyError::NotNumeric { index, .. }
            | UncertaintyError::Duplicate { index, .. }
            | UncertaintyError::BadRange { index, .. } => *index,
        }
    }
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
    /// `"group.key"`.
    pub key: String,
    pub group: String,
    pub field: String,
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
    /// The value written as in the file, e.g. `kW(20)`.
    pub fn written(&self, number: f64) -> String {
        Amount {
            tag: self.tag.clone(),
            number,
        }
        .to_string()
    }
}

/// A site with its uncertain inputs checked and ready to vary.
#[derive(Clone, Debug)]
pub struct Prepared {
    pub site: Site,
    pub inputs: Vec<Input>,
    base_json: Value,
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
        let base_json = serde_json::to_value(&site.assumptions).map_err(|e| {
            vec![UncertaintyError::BadRange {
                index: 0,
                input: String::new(),
                problem: e.to_string(),
            }]
        })?;
        // keys and file forms only: the language of the display text does not matter
        let entries = site.assumptions.entries(site.currency);
        let mut prepared = Prepared {
            site: site.clone(),
            inputs: Vec::new(),
            base_json,
        };
        let mut problems = Vec::new();
        for (index, uncertain) in site.uncertainty.iter().enumerate() {
            let key = uncertain.input.as_str();
            let Some(entry) = entries
                .iter()
                .find(|e| format!("{}.{}", e.group, e.key) == key)
            else {
                problems.push(UncertaintyError::UnknownInput {
                    index,
                    input: key.into(),
                });
                continue;
            };
            if prepared.inputs.iter().any(|i| i.key == key) {
                problems.push(UncertaintyError::Duplicate {
                    index,
                    input: key.into(),
                });
                continue;
            }
            let Ok(base) = ron::from_str::<Amount>(&entry.value) else {
                problems.push(UncertaintyError::NotNumeric {
                    index,
                    input: key.into(),
                });
                continue;
            };
            let bad = |problem: String| UncertaintyError::BadRange {
                index,
                input: key.into(),
                problem,
            };
            let integer = base.tag.is_none() && !entry.value.contains(['.', 'e', 'E']);
            let input = match input_of(entry.group, entry.key, base, integer, &uncertain.range)
                .and_then(|input| {
                    check_currency(&input, site.currency)?;
                    Ok(input)
                }) {
                Ok(input) => input,
                Err(problem) => {
                    problems.push(bad(problem));
                    continue;
                }
            };
            // the bounds must read back as the field's own type (unit of the right kind)
            let trial = [input.low, input.high]
                .iter()
                .try_for_each(|&v| prepared.assumptions_with(&[(&input, v)]).map(|_| ()));
            match trial {
                Ok(()) => prepared.inputs.push(input),
                Err(problem) => problems.push(bad(problem)),
            }
        }
        if problems.is_empty() {
            Ok(prepared)
        } else {
            Err(problems)
        }
    }

    /// The site with input `index` set to `value` (in the input's tag), all else unchanged.
    pub fn apply(&self, index: usize, value: f64) -> Result<Site, String> {
        let input = self.inputs.get(index).ok_or("no such input")?;
        self.apply_all(&[(input, value)])
    }

    /// The site with every listed input set to its value.
    pub fn apply_all(&self, values: &[(&Input, f64)]) -> Result<Site, String> {
        let mut site = self.site.clone();
        site.assumptions = self.assumptions_with(values)?;
        Ok(site)
    }

    /// The site with input `i` at `values[i]`, for every input.
    pub fn apply_vector(&self, values: &[f64]) -> Result<Site, String> {
        let mut site = self.site.clone();
        site.assumptions = self.assumptions_of_vector(values)?;
        Ok(site)
    }

    /// The site's assumptions with input `i` at `values[i]`: all a sample changes, so a
    /// caller can keep one copy of the site and swap these in.
    pub fn assumptions_of_vector(&self, values: &[f64]) -> Result<Assumptions, String> {
        let pairs: Vec<(&Input, f64)> = self.inputs.iter().zip(values.iter().copied()).collect();
        self.assumptions_with(&pairs)
    }

    fn assumptions_with(&self, values: &[(&Input, f64)]) -> Result<Assumptions, String> {
        let mut json = self.base_json.clone();
        for (input, value) in values {
            let number = if input.integer {
                Value::from(value.round().max(0.0) as u64)
            } else {
                serde_json::Number::from_f64(*value)
                    .map(Value::Number)
                    .ok_or_else(|| format!("{value} is not a finite number"))?
            };
            let field = match &input.tag {
                Some(tag) => Value::Object([(tag.clone(), number)].into_iter().collect()),
                None => number,
            };
            let root = json.as_object_mut().ok_or("assumptions are not a map")?;
            let group = root
                .entry(input.group.clone())
                .or_insert_with(|| Value::Object(Default::default()));
            group
                .as_object_mut()
                .ok_or("assumption group is not a map")?
                .insert(input.field.clone(), field);
        }
        serde_json::from_value(json).map_err(|e| e.to_string())
    }
}

fn input_of(
    group: &str,
    field: &str,
    base: Amount,
    integer: bool,
    range: &Range,
) -> Result<Input, String> {
    let finite = |a: &Amount| {
        if a.number.is_finite() {
            Ok(a.number)
        } else {
            Err(format!("{a} is not a finite number"))
        }
    };
    let same_tag = |bounds: &[&Amount]| {
        if bounds.iter().all(|b| b.tag == bounds[0].tag) {
            Ok(bounds[0].tag.clone())
        } else {
            Err("write every bound in the same unit".to_string())
        }
    };
    let (tag, low, high, shape) = match range {
        Range::Percent(p) => {
            if !(p.is_finite() && (0.0..100.0).contains(p)) {
                return Err(format!("Percent({p}) must lie in 0 ≤ p < 100"));
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
                return Err(format!("mode {mode} must lie between {low} and {high}"));
            }
            let shape = Shape::Triangular { mode: mode_number };
            (tag, finite(low)?, finite(high)?, shape)
        }
    };
    if low > high {
        return Err(format!("low {low} is above high {high}"));
    }
    if tag.is_some() != base.tag.is_some() {
        return Err(match &base.tag {
            Some(t) => format!("write the bounds with a unit, like the value: {t}(…)"),
            None => "this input is a plain number: write the bounds without a unit".into(),
        });
    }
    Ok(Input {
        key: format!("{group}.{field}"),
        group: group.into(),
        field: field.into(),
        tag,
        base,
        low,
        high,
        shape,
        integer,
    })
}

/// Money bounds must be in the site's currency (amounts are never converted).
fn check_currency(input: &Input, currency: Currency) -> Result<(), String> {
    let Some(tag) = &input.tag else { return Ok(()) };
    let code = tag.split_once("_per_").map_or(tag.as_str(), |(c, _)| c);
    match Currency::from_code(code) {
        Some(c) if c != currency => Err(format!(
            "{tag} is in {c}, the site is in {currency}: amounts are never converted"
        )),
        _ => Ok(()),
    }
}
