//! What the charts show, defined once for the window (egui_plot) and for PNG
//! export (plotters): the chart tabs, each chart's title, axis titles and
//! series, and the colours. No drawing here: no egui, no plotters.

mod palette;
mod report;
mod scenario;
mod ticks;

pub use palette::{
    Hue, NEUTRAL, PALETTE, Rgb, STATUS_ON_DARK, STATUS_ON_LIGHT, StatusRgb, hue_family,
    listed_colour, scenario_colour, series_colour, series_dashed,
};
pub use report::{
    ChartPoint, ChartSeries, ChartTab, MONTH_AXIS, ReportChart, YEAR_AXIS, YearBar, charts_of,
};
pub use scenario::{
    AxisValues, RowValue, ScenarioChart, SeriesColour, SeriesDefinition, scenario_charts_of,
};
pub use ticks::without_needless_decimals;
