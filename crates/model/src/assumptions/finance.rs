//! Finance assumptions: study horizon, discount rate, first year.

assumption_group! {
    /// How cash flows are valued.
    Finance / FinanceResolved, "finance" {
        /// Years of operation the comparison covers.
        horizon_years: u32 = |c| 10,
            "Estimate: cooling plant life 10–15 years [EST]";
        /// Real discount rate for NPV and discounted payback.
        discount_rate: f64 = |c| 0.08,
            "China social discount rate 8 % (建设项目经济评价方法与参数, 3rd ed. [STD])";
        /// Calendar year of the investment (year 0 of the cash flows).
        first_year: u16 = |c| 2026,
            "The planning year; set it in the file [EST]";
    }
}
