//! Backtests against the published figures and the rules of thumb.

use caseload::history::{HistoryFigure, Rule, backtest_council};
use caseload::published;

#[test]
fn scratch_print() {
    let council = published::find("Liverpool").unwrap();
    let backtest = backtest_council(council, 2019).unwrap();
    for point in &backtest.points {
        println!(
            "{:?} {} h{} pub {:.1} model {:.1} nc {:?} tr {:?}",
            point.figure,
            point.year,
            point.horizon,
            point.published,
            point.model,
            point.rule(Rule::NoChange),
            point.rule(Rule::ThreeYearTrend)
        );
    }
    println!("{:?}", backtest.sentence());
    let _ = HistoryFigure::ALL;
}
