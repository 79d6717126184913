//! What actually happened: a projection set beside the published figures of its
//! council, backtests against them and against two rules of thumb, and the
//! fitting of demand rates to a council's record.
//!
//! Depends on `model`, `sim`, `published` and `council_scenario`; reads and writes
//! nothing.

pub mod all;
pub mod backtest;
pub mod calibrate;
pub mod figures;
pub mod rules;

pub use backtest::{Backtest, HorizonErrors, Point, backtest_council, backtest_scenario};
pub use calibrate::{
    Calibration, FittedInput, FittedPoint, FittedSeries, MonthlyCounts, Period, calibrate,
    calibrate_to_counts, calibrate_to_series,
};
pub use figures::{Counted, HistoryFigure};
pub use rules::Rule;
