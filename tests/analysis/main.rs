//! The analysis tests, one binary: uncertainty ranges, tornado, Monte Carlo, CDU redundancy,
//! phased plans and the `coolplan analyze` command.

mod support;

mod cli;
mod linear;
mod monte_carlo;
mod phased;
mod redundancy;
mod staged;
mod tornado;
mod uncertainty;
