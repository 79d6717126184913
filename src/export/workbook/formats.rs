//! The number formats and styles every sheet shares, named once.

use rust_xlsxwriter::{Format, FormatBorder};

use crate::export::monthly_csv::ColumnUnit;
use crate::units::Measure;

/// Pounds with thousands separators; negative with a minus sign.
const POUNDS: &str = "\"£\"#,##0;-\"£\"#,##0;\"£\"0";
/// Spend minus funding, said as a finance officer says it.
const VARIANCE: &str = "\"£\"#,##0\" over\";\"£\"#,##0\" under\";\"£\"0";
/// A difference in pounds, always with its sign.
const POUNDS_DIFFERENCE: &str = "+\"£\"#,##0;-\"£\"#,##0;\"£\"0";

/// The decision card's colours: green for better, red for worse, each figure
/// by its own direction (as in the window).
const BETTER: &str = "#1B7F3B";
const WORSE: &str = "#B00020";

/// Widest a column grows when fitted to its contents, in pixels.
pub const MAX_COLUMN_PIXELS: u32 = 420;

pub struct Formats {
    pub title: Format,
    pub bold: Format,
    pub header: Format,
    pub text: Format,
    pub pounds: Format,
    pub pounds_difference: Format,
    pub variance: Format,
    pub percent: Format,
    pub percent_difference: Format,
    pub fte: Format,
    pub decimal: Format,
    pub count: Format,
    pub month: Format,
    pub better: Format,
    pub worse: Format,
}

impl Formats {
    pub fn new() -> Self {
        Self {
            title: Format::new().set_bold().set_font_size(14),
            bold: Format::new().set_bold(),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_background_color("#EEF2F6")
                .set_border_bottom(FormatBorder::Thin),
            text: Format::new(),
            pounds: Format::new().set_num_format(POUNDS),
            pounds_difference: Format::new().set_num_format(POUNDS_DIFFERENCE),
            variance: Format::new().set_num_format(VARIANCE),
            percent: Format::new().set_num_format("0.0%"),
            percent_difference: Format::new().set_num_format("+0.0%;-0.0%;0.0%"),
            fte: Format::new().set_num_format("#,##0.0"),
            decimal: Format::new().set_num_format("#,##0.0"),
            count: Format::new().set_num_format("#,##0"),
            month: Format::new().set_num_format("mmm yyyy"),
            better: Format::new().set_bold().set_font_color(BETTER),
            worse: Format::new().set_bold().set_font_color(WORSE),
        }
    }

    /// How a monthly column's numbers are shown.
    pub fn for_column(&self, unit: ColumnUnit) -> &Format {
        match unit {
            ColumnUnit::Count => &self.count,
            ColumnUnit::Decimal => &self.decimal,
            ColumnUnit::Fte => &self.fte,
            ColumnUnit::Percent => &self.percent,
            ColumnUnit::Pounds => &self.pounds,
        }
    }

    /// How a compared figure is shown.
    pub fn for_measure(&self, measure: Measure) -> &Format {
        match measure {
            Measure::Caseload => &self.decimal,
            Measure::Months | Measure::Children => &self.count,
            Measure::Fte => &self.fte,
            Measure::Share => &self.percent,
            Measure::Pounds => &self.pounds,
            Measure::BudgetVariance => &self.variance,
        }
    }

    /// How the difference of a compared figure is shown: with its sign.
    pub fn for_difference(&self, measure: Measure) -> &Format {
        match measure {
            Measure::Share => &self.percent_difference,
            Measure::Pounds | Measure::BudgetVariance => &self.pounds_difference,
            other => self.for_measure(other),
        }
    }
}
