//! A council's published figures as the builder reads them: each with the sentence
//! naming its table and date, and England's figure standing in (and saying so)
//! where the council's is suppressed or not published.

use crate::published::{Council, Figure, Measure};
use crate::units::thousands;

/// A figure for the scenario and where it came from, for the comment beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct Sourced {
    pub value: f64,
    /// "published: 559 (DfE children looked after 2019, underlying data CLA2019, 31
    /// March 2018)", or what stood in and why.
    pub source: String,
    /// Whether England's figure stood in for the council's.
    pub from_england: bool,
}

/// The council, England, and the list of England figures that stood in.
pub struct Sources<'a> {
    pub council: &'a Council,
    pub england: Option<&'a Council>,
    /// One line per England figure that stood in: "Child protection plans at 31
    /// March 2019: not published for X; England's rate stands in".
    pub stand_ins: Vec<String>,
}

/// A figure as written in a comment: counts whole, FTE, shares and rates to one
/// decimal.
pub fn shown(measure: Measure, value: f64) -> String {
    let decimals = match measure.unit() {
        "FTE" | "FTE a year" | "% a year" | "cases per FTE" => 1,
        _ => 0,
    };
    thousands(value, decimals)
}

impl<'a> Sources<'a> {
    pub fn new(council: &'a Council, england: Option<&'a Council>) -> Self {
        Self {
            council,
            england,
            stand_ins: Vec::new(),
        }
    }

    /// The council's own figure, if published.
    pub fn own(&self, measure: Measure, year: i32) -> Option<Figure> {
        self.council.year(year)?.figure(measure)
    }

    /// England's figure, if published.
    pub fn national(&self, measure: Measure, year: i32) -> Option<Figure> {
        self.england?.year(year)?.figure(measure)
    }

    /// The council's figure with its source.
    pub fn published(&self, measure: Measure, year: i32) -> Option<Sourced> {
        let figure = self.own(measure, year)?;
        Some(Sourced {
            value: figure.value,
            source: format!(
                "published: {} ({})",
                shown(measure, figure.value),
                figure.source()
            ),
            from_england: false,
        })
    }

    /// A count: the council's, or England's scaled by the council's share of
    /// England's children in need that year (`basis`, which the council has).
    pub fn count(&mut self, measure: Measure, year: i32) -> Option<Sourced> {
        self.count_scaled(measure, year, year)
    }

    /// Like [`Sources::count`], scaling England's figure by the council's share of
    /// England's children in need at 31 March `basis_year`.
    pub fn count_scaled(
        &mut self,
        measure: Measure,
        year: i32,
        basis_year: i32,
    ) -> Option<Sourced> {
        if let Some(own) = self.published(measure, year) {
            return Some(own);
        }
        let national = self.national(measure, year)?;
        let share = self.share_of_england(basis_year)?;
        let value = national.value * share;
        let why = format!(
            "{} ({}) is not published for {}: England's {} scaled by {}'s share of England's \
             children in need ({}) stands in: {}",
            measure.label(),
            measure.when(year),
            self.council.name,
            shown(measure, national.value),
            self.council.name,
            crate::units::percent(share, 2),
            shown(measure, value)
        );
        self.stand_ins.push(why.clone());
        Some(Sourced {
            value,
            source: format!("{why} ({})", national.source()),
            from_england: true,
        })
    }

    /// A rate or share: the council's, or England's as it is.
    pub fn rate(&mut self, measure: Measure, year: i32) -> Option<Sourced> {
        if let Some(own) = self.published(measure, year) {
            return Some(own);
        }
        let national = self.national(measure, year)?;
        let why = format!(
            "{} ({}) is not published for {}: England's {} stands in",
            measure.label(),
            measure.when(year),
            self.council.name,
            shown(measure, national.value)
        );
        self.stand_ins.push(why.clone());
        Some(Sourced {
            value: national.value,
            source: format!("{why} ({})", national.source()),
            from_england: true,
        })
    }

    /// Notes that England's figure stood in for something the builder derived.
    pub fn stood_in(&mut self, what: String) {
        self.stand_ins.push(what);
    }

    /// The council's children in need at 31 March `year` over England's.
    pub fn share_of_england(&self, year: i32) -> Option<f64> {
        let own = self.own(Measure::ChildrenInNeed, year)?.value;
        let national = self.national(Measure::ChildrenInNeed, year)?.value;
        (national > 0.0).then_some(own / national)
    }
}
