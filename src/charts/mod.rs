//! What the charts show, defined once for the window (egui_plot) and for PNG
//! export (plotters): the chart tabs, each chart's title, axis titles and
//! series, and the colours. No drawing here: no egui, no plotters.

mod palette;
mod report;
mod scenario;

pub use palette::{
    PALETTE, Rgb, STATUS_ON_DARK, STATUS_ON_LIGHT, StatusRgb, scenario_colour, series_colour,
};
pub use report::{
    ChartPoint, ChartSeries, ChartTab, MONTH_AXIS, ReportChart, YEAR_AXIS, YearBar, charts_of,
};
pub use scenario::{
    AxisValues, RowValue, ScenarioChart, SeriesColour, SeriesDefinition, scenario_charts_of,
};
