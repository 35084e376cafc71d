//! [`Checker`]: collects problems while walking the site, keeping the current path.

use crate::problem::{Kind, Problem, Seg};

#[derive(Default)]
pub(super) struct Checker {
    path: Vec<Seg>,
    problems: Vec<Problem>,
}

impl Checker {
    /// Runs `f` one step deeper in the path.
    pub fn at<R>(&mut self, seg: impl Into<Seg>, f: impl FnOnce(&mut Self) -> R) -> R {
        self.path.push(seg.into());
        let result = f(self);
        self.path.pop();
        result
    }
    /// Reports `kind` at the current path.
    pub fn report(&mut self, kind: Kind) {
        self.problems.push(Problem {
            path: self.path.clone(),
            kind,
        });
    }
    /// Reports `kind` at the current path's field `name` (a file key or an assumption).
    pub fn report_field(&mut self, name: impl Into<Seg>, kind: Kind) {
        self.at(name.into(), |c| c.report(kind));
    }
    pub fn into_problems(self) -> Vec<Problem> {
        self.problems
    }
}
