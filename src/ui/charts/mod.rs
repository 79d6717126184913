//! The charts: caseloads, children, staff and money, on one shared time axis.
//! These functions only read the projection; they never change the scenario.

mod axis;
mod caseloads;
mod children;
mod comparison;
mod money;
pub mod published;
mod staff;

pub use axis::{month_axis_label, month_grid, nice_grid};
pub use comparison::comparison_charts_ui;

use egui::{Color32, Id, RichText, Stroke, Ui};
use egui_plot::{HoverPosition, Line, LineStyle, Plot, PlotUi, VLine};

use crate::model::Month;
use crate::published::Council;
use crate::sim::monte_carlo::{Bands, MonteCarlo};
use crate::sim::{MonthRow, Projection};

use super::theme;
use published::PublishedSeries;

pub use crate::charts::ChartTab;
use crate::charts::{AxisValues, ScenarioChart, SeriesColour};

/// The tab strip, with a button that exports the tab's charts as images.
fn tabs_ui(ui: &mut Ui, tab: &mut ChartTab, commands: &mut Vec<crate::workspace::Command>) {
    ui.horizontal_wrapped(|ui| {
        for candidate in ChartTab::ALL {
            ui.selectable_value(tab, candidate, RichText::new(candidate.label()).heading());
        }
        ui.add_space(12.0);
        if ui
            .button("Save charts as PNG…")
            .on_hover_text("The charts of this tab as images for a report (1600 × 900 pixels).")
            .clicked()
        {
            commands.push(crate::workspace::Command::ExportCharts(*tab));
        }
        ui.weak("Drag to move through time, Ctrl+scroll to zoom in on time, double-click to reset. All charts share the time axis.");
    });
    ui.separator();
}

/// The tab strip and the charts of the chosen tab for one scenario.
pub fn charts_ui(
    ui: &mut Ui,
    tab: &mut ChartTab,
    projection: &Projection,
    uncertainty: Option<&MonteCarlo>,
    council: Option<&Council>,
    commands: &mut Vec<crate::workspace::Command>,
) {
    tabs_ui(ui, tab, commands);
    // On a small screen the charts keep a readable height and scroll (the wheel
    // scrolls; dragging pans the chart under the pointer).
    egui::ScrollArea::vertical()
        .id_salt("charts_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // Room on the right for the last month's label and the scroll bar.
            egui::Frame::NONE
                .inner_margin(egui::Margin {
                    left: 0,
                    right: 18,
                    top: 0,
                    bottom: 0,
                })
                .show(ui, |ui| match tab {
                    ChartTab::Caseloads => {
                        caseloads::caseloads_ui(ui, projection, uncertainty, council)
                    }
                    ChartTab::Children => {
                        children::children_ui(ui, projection, uncertainty, council)
                    }
                    ChartTab::Staff => staff::staff_ui(ui, projection, uncertainty, council),
                    ChartTab::Money => money::money_ui(ui, projection, uncertainty, council),
                });
        });
    settle_legends(ui);
}

/// Fan-chart bands of a Monte Carlo run: 90% and 50% of the draws, shaded.
pub struct FanBands<'a> {
    pub name: &'static str,
    pub bands: &'a Bands,
    pub months: &'a [crate::model::Month],
    pub colour: Color32,
    /// Shares are stored 0 to 1 but drawn in percent.
    pub scale: f64,
}

/// Adds fan-chart bands behind the lines, splitting where months have no value.
fn draw_bands(plot_ui: &mut PlotUi<'_>, fan: &FanBands<'_>) {
    let xs: Vec<f64> = fan.months.iter().map(|month| month_x(*month)).collect();
    for (name, low, high, alpha) in [
        (format!("{} 90% range", fan.name), 0, 4, 0.18),
        (format!("{} 50% range", fan.name), 1, 3, 0.32),
    ] {
        let mut run_x = Vec::new();
        let mut run_low = Vec::new();
        let mut run_high = Vec::new();
        let flush =
            |plot_ui: &mut PlotUi<'_>, x: &mut Vec<f64>, lo: &mut Vec<f64>, hi: &mut Vec<f64>| {
                if x.len() > 1 {
                    plot_ui.add(
                        egui_plot::FilledArea::new(name.clone(), x, lo, hi)
                            .fill_color(fan.colour.gamma_multiply(alpha))
                            .stroke(Stroke::NONE),
                    );
                }
                x.clear();
                lo.clear();
                hi.clear();
            };
        for (index, percentiles) in fan.bands.months.iter().enumerate() {
            match (percentiles, xs.get(index)) {
                (Some(values), Some(x)) => {
                    run_x.push(*x);
                    run_low.push(values[low] * fan.scale);
                    run_high.push(values[high] * fan.scale);
                }
                _ => flush(plot_ui, &mut run_x, &mut run_low, &mut run_high),
            }
        }
        flush(plot_ui, &mut run_x, &mut run_low, &mut run_high);
    }
    let median: Vec<[f64; 2]> = fan
        .bands
        .months
        .iter()
        .zip(&xs)
        .filter_map(|(percentiles, x)| percentiles.map(|values| [*x, values[2] * fan.scale]))
        .collect();
    plot_ui.line(
        Line::new(format!("{}: median of draws", fan.name), median)
            .color(fan.colour)
            .style(LineStyle::dotted_dense())
            .width(2.0),
    );
}

/// Legend keys for the bands.
fn band_keys(name: &str, colour: Color32) -> [Key; 3] {
    [
        Key {
            name: format!("{name}: median of draws"),
            colour,
            dashed: true,
            block: false,
            marker: false,
        },
        Key {
            name: format!("{name}: 50% of draws"),
            colour: colour.gamma_multiply(0.5),
            dashed: false,
            block: true,
            marker: false,
        },
        Key {
            name: format!("{name}: 90% of draws"),
            colour: colour.gamma_multiply(0.25),
            dashed: false,
            block: true,
            marker: false,
        },
    ]
}

/// The id of the chart named `name` ("children_chart"): one id wherever it is
/// drawn, so that its memory (where each value sits) can be read back.
pub fn plot_id(name: &str) -> Id {
    Id::unique(("caseload_chart", name))
}

/// Every time chart pans and zooms together along x.
fn time_axis_group() -> Id {
    Id::unique("caseload_time_axis")
}

/// Chart x coordinate of a month: months since January of year 0.
pub fn month_x(month: Month) -> f64 {
    f64::from(month.index())
}

fn month_at(x: f64) -> Option<Month> {
    Month::from_index(x.round() as i32)
}

/// A chart over time: shared x axis with month labels, a titled y axis with
/// round ticks, and hover read-outs "Series / Apr 2019: value unit" that also
/// name the interventions starting in the month under the pointer. Zoom and pan
/// move time only, so a line can never leave the chart upwards.
fn time_plot<'a>(
    id: &'a str,
    y_label: &'a str,
    values: AxisValues,
    hover_unit: &'a str,
    projection: &Projection,
) -> Plot<'a> {
    let value_text = axis_text(values);
    let tick = tick_text(values);
    let markers = intervention_names(projection);
    Plot::new(id)
        .id(plot_id(id))
        .x_axis_label(crate::charts::MONTH_AXIS)
        .y_axis_label(y_label)
        .x_axis_formatter(axis::month_tick)
        .x_grid_spacer(month_grid)
        .y_grid_spacer(nice_grid)
        .y_axis_formatter(move |mark, _range| tick(mark.value, mark.step_size))
        .y_axis_min_width(56.0)
        .link_axis(time_axis_group(), [true, false])
        .link_cursor(time_axis_group(), [true, false])
        .allow_scroll(false)
        .allow_zoom([true, false])
        .allow_drag([true, false])
        .allow_boxed_zoom(false)
        .label_formatter(move |hover: &HoverPosition<'_>| {
            hover_text(hover, value_text, hover_unit, &markers)
        })
        .include_y(0.0)
}

/// What the pointer shows: the series under it with the month and value (a
/// published point's name says it all), or away from the lines only the
/// month; either way followed by the interventions that start in that month,
/// whose dashed line the pointer is on.
fn hover_text(
    hover: &HoverPosition<'_>,
    value_text: fn(f64) -> String,
    hover_unit: &str,
    markers: &[(f64, String)],
) -> Option<String> {
    let (mut text, x) = match hover {
        HoverPosition::NearDataPoint {
            plot_name,
            position,
            ..
        } => {
            if published::is_published(plot_name) {
                return Some((*plot_name).to_owned());
            }
            let month = month_at(position.x).map_or_else(String::new, Month::label);
            (
                format!(
                    "{plot_name}\n{month}: {}{hover_unit}",
                    value_text(position.y)
                ),
                position.x,
            )
        }
        HoverPosition::Elsewhere { position } => (
            month_at(position.x).map_or_else(String::new, Month::label),
            position.x,
        ),
    };
    for (_, name) in markers.iter().filter(|(at, _)| (at - x).abs() <= 0.5) {
        text.push('\n');
        text.push_str(name);
    }
    (!text.is_empty()).then_some(text)
}

/// A chart by financial year: one slot per year on x (the year it starts in),
/// pounds on y, with room above the bars for variance labels.
fn year_plot(id: &str, highest: f64) -> Plot<'_> {
    Plot::new(id)
        .id(plot_id(id))
        .x_axis_label(crate::charts::YEAR_AXIS)
        .y_axis_label(ScenarioChart::YearlySpend.y_label())
        .x_axis_formatter(|mark, _| {
            if (mark.value - mark.value.round()).abs() < 1e-6 {
                crate::model::FinancialYear(mark.value.round() as i32).label()
            } else {
                String::new()
            }
        })
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 1.0, 1.0]))
        .y_grid_spacer(nice_grid)
        .y_axis_formatter(|mark, _| axis::gbp_tick(mark.value, mark.step_size))
        .y_axis_min_width(56.0)
        .include_y(0.0)
        .include_y(highest * 1.3)
        .allow_scroll(false)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_boxed_zoom(false)
        .label_formatter(|hover: &HoverPosition<'_>| match hover {
            // Bars name themselves; a published point's name says it all.
            HoverPosition::NearDataPoint { plot_name, .. }
                if published::is_published(plot_name) =>
            {
                Some((*plot_name).to_owned())
            }
            _ => None,
        })
}

/// Points of a monthly series, leaving out months where it has no value.
fn monthly_points(
    projection: &Projection,
    value: impl Fn(&MonthRow) -> Option<f64>,
) -> Vec<[f64; 2]> {
    projection
        .rows
        .iter()
        .filter_map(|row| value(row).map(|y| [month_x(row.month), y]))
        .collect()
}

/// One line on a chart, with its entry in the legend above the chart.
pub struct Series {
    pub name: String,
    pub colour: Color32,
    pub dashed: bool,
    /// Shade the area under the line.
    pub filled: bool,
    pub points: Vec<[f64; 2]>,
}

impl Series {
    pub fn line(name: impl Into<String>, colour: Color32, points: Vec<[f64; 2]>) -> Self {
        Self {
            name: name.into(),
            colour,
            dashed: false,
            filled: false,
            points,
        }
    }

    pub fn dashed(mut self) -> Self {
        self.dashed = true;
        self
    }
}

fn draw_series(plot_ui: &mut PlotUi<'_>, series: &[Series]) {
    for line in series {
        let mut item = Line::new(line.name.clone(), line.points.clone())
            .color(line.colour)
            .width(if line.dashed { 2.0 } else { 2.5 });
        if line.dashed {
            item = item.style(LineStyle::dashed_dense());
        }
        if line.filled {
            item = item.fill(0.0);
        }
        plot_ui.line(item);
    }
}

/// A chart of lines over time: its legend, then the plot in the space left, with
/// fan-chart bands behind the lines where given, and the intervention markers.
fn lines_chart<'a>(
    ui: &mut Ui,
    plot: Plot<'a>,
    lines: &'a [Series],
    published: &'a [PublishedSeries],
    projection: &'a Projection,
    fan: Option<FanBands<'a>>,
) {
    let mut keys: Vec<Key> = lines.iter().map(Key::from).collect();
    if let Some(fan) = &fan {
        keys.extend(band_keys(fan.name, fan.colour));
    }
    keys.extend(published::legend_key(ui.visuals(), published));
    legend_and_plot_ui(
        ui,
        &keys,
        !projection.intervention_starts.is_empty(),
        |ui| {
            plot.height(plot_height(ui)).show(ui, |plot_ui| {
                if let Some(fan) = &fan {
                    draw_bands(plot_ui, fan);
                }
                draw_series(plot_ui, lines);
                intervention_markers(plot_ui, projection);
                published::draw_published(plot_ui, published, published::POINT_RADIUS);
            });
        },
    );
}

/// A legend entry: a swatch and a name.
pub struct Key {
    pub name: String,
    pub colour: Color32,
    pub dashed: bool,
    /// A block of colour (bars) rather than a line.
    pub block: bool,
    /// A dot, the key to published points.
    pub marker: bool,
}

impl From<&Series> for Key {
    fn from(series: &Series) -> Self {
        Key {
            name: series.name.clone(),
            colour: series.colour,
            dashed: series.dashed,
            block: false,
            marker: false,
        }
    }
}

/// The legend's name for the dashed lines where interventions start; hovering
/// a line names its intervention.
pub const MARKER_KEY: &str = "intervention starts (hover a line)";

/// The key to the intervention markers.
fn marker_key(ui: &Ui) -> Key {
    Key {
        name: MARKER_KEY.to_owned(),
        colour: theme::marker_colour(ui.visuals()),
        dashed: true,
        block: false,
        marker: false,
    }
}

/// The text of a legend entry.
fn key_text(key: &Key) -> RichText {
    RichText::new(&key.name).size(12.5)
}

/// The width of a legend entry in a row: swatch, gap, name and the space after.
fn key_width(ui: &Ui, key: &Key) -> f32 {
    let galley = egui::WidgetText::from(key_text(key)).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Body,
    );
    SWATCH_WIDTH + 4.0 + galley.size().x + 12.0
}

const SWATCH_WIDTH: f32 = 22.0;

/// The width of a legend beside its chart; names longer than it end in "…"
/// and show in full on hover.
pub const SIDE_LEGEND_WIDTH: f32 = 236.0;

/// Room kept at the right of a side legend for a scroll bar floating over it.
const SCROLL_BAR_ROOM: f32 = 16.0;

/// The legend, above the chart so that it never hides a line, wrapping when it
/// must. Ends with the key to the intervention markers when the projection has
/// any. Charts use [`legend_and_plot_ui`], which keeps a legend to one line.
pub fn legend_ui(ui: &mut Ui, keys: &[Key], with_markers: bool) {
    let marker = marker_key(ui);
    let markers = with_markers.then_some(&marker);
    ui.horizontal_wrapped(|ui| {
        for key in keys.iter().chain(markers) {
            // Swatch and name move to the next row together: measure, then place.
            let size = egui::vec2(key_width(ui, key), 14.0);
            ui.allocate_ui(size, |ui| {
                ui.horizontal(|ui| {
                    ui.spacing_mut().item_spacing.x = 4.0;
                    swatch_ui(ui, key);
                    ui.label(key_text(key));
                });
            });
        }
    });
}

/// Where the charts on screen put their legends, pass by pass: all beside
/// their charts when any one's legend is too long for a line, so that the
/// charts of a tab keep one time axis, the same width.
#[derive(Clone, Copy, Default)]
struct Legends {
    pass: u64,
    /// Some chart drawn in this pass has too long a legend.
    this_pass: bool,
    /// Some chart drawn in the pass before had.
    last_pass: bool,
}

fn legends_id() -> Id {
    Id::unique("caseload_side_legends")
}

/// Whether a chart puts its legend beside it: when its own is too long, or any
/// was in the pass before (a chart drawn first cannot know about the next).
fn side_legends(ui: &Ui, too_long: bool) -> bool {
    let pass = ui.ctx().cumulative_pass_nr();
    let mut legends = ui
        .data(|data| data.get_temp::<Legends>(legends_id()))
        .unwrap_or_default();
    if legends.pass != pass {
        legends = Legends {
            pass,
            this_pass: false,
            last_pass: legends.this_pass,
        };
    }
    legends.this_pass |= too_long;
    ui.data_mut(|data| data.insert_temp(legends_id(), legends));
    too_long || legends.last_pass
}

/// After the charts: when their legends' place changed, draw once more so that
/// every chart follows.
fn settle_legends(ui: &Ui) {
    let legends = ui
        .data(|data| data.get_temp::<Legends>(legends_id()))
        .unwrap_or_default();
    if legends.pass == ui.ctx().cumulative_pass_nr() && legends.this_pass != legends.last_pass {
        ui.ctx().request_repaint();
    }
}

/// A chart's legend and plot: the legend on one line above the plot when it
/// fits there, otherwise beside it, one entry a line. `plot` draws the plot in
/// the space it is given (its full height).
pub fn legend_and_plot_ui(
    ui: &mut Ui,
    keys: &[Key],
    with_markers: bool,
    plot: impl FnOnce(&mut Ui),
) {
    let marker = marker_key(ui);
    let markers = with_markers.then_some(&marker);
    let all: Vec<&Key> = keys.iter().chain(markers).collect();
    let row: f32 = all.iter().map(|key| key_width(ui, key)).sum();
    if !side_legends(ui, row > ui.available_width()) {
        ui.horizontal(|ui| {
            for key in &all {
                ui.spacing_mut().item_spacing.x = 4.0;
                swatch_ui(ui, key);
                ui.label(key_text(key));
                ui.add_space(8.0);
            }
        });
        plot(ui);
        return;
    }
    let height = plot_height(ui);
    let gap = ui.spacing().item_spacing.x;
    let plot_width = (ui.available_width() - SIDE_LEGEND_WIDTH - gap).max(200.0);
    ui.horizontal_top(|ui| {
        ui.allocate_ui(egui::vec2(plot_width, height), plot);
        ui.allocate_ui(egui::vec2(SIDE_LEGEND_WIDTH, height), |ui| {
            ui.vertical(|ui| {
                ui.set_width(SIDE_LEGEND_WIDTH);
                ui.spacing_mut().item_spacing.y = 2.0;
                for key in &all {
                    ui.horizontal(|ui| {
                        ui.spacing_mut().item_spacing.x = 4.0;
                        swatch_ui(ui, key);
                        // Clear of the page's scroll bar, which floats over the
                        // right edge.
                        let room = ui.available_width() - SCROLL_BAR_ROOM;
                        let shown = ui.label(key_text(&shortened(ui, key, room)));
                        if shown.rect.width() + 1.0 < key_width(ui, key) - SWATCH_WIDTH - 16.0 {
                            shown.on_hover_text(&key.name);
                        }
                    });
                }
            });
        });
    });
}

/// A legend entry whose name fits `room` points: too long a name keeps its
/// start and its end, which tells scenarios apart ("Average caseload: Liv…do
/// nothing"), with "…" between.
fn shortened(ui: &Ui, key: &Key, room: f32) -> Key {
    let width = |name: &str| {
        egui::WidgetText::from(RichText::new(name).size(12.5))
            .into_galley(
                ui,
                Some(egui::TextWrapMode::Extend),
                f32::INFINITY,
                egui::TextStyle::Body,
            )
            .size()
            .x
    };
    let chars: Vec<char> = key.name.chars().collect();
    let mut name = key.name.clone();
    let mut keep = chars.len();
    while keep > 4 && width(&name) > room {
        keep -= 1;
        let end = keep * 2 / 5;
        let start = keep - end;
        name = chars[..start]
            .iter()
            .chain(['…'].iter())
            .chain(chars[chars.len() - end..].iter())
            .collect();
    }
    Key {
        name,
        colour: key.colour,
        dashed: key.dashed,
        block: key.block,
        marker: key.marker,
    }
}

fn swatch_ui(ui: &mut Ui, key: &Key) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(SWATCH_WIDTH, 12.0), egui::Sense::hover());
    let painter = ui.painter();
    let y = rect.center().y;
    let ends = [egui::pos2(rect.left(), y), egui::pos2(rect.right(), y)];
    if key.marker {
        painter.circle_filled(rect.center(), 4.5, key.colour);
    } else if key.block {
        painter.rect_filled(rect.shrink(1.0), 2.0, key.colour);
    } else if key.dashed {
        painter.add(egui::Shape::dashed_line(
            &ends,
            Stroke::new(2.0, key.colour),
            4.0,
            3.0,
        ));
    } else {
        painter.line_segment(ends, Stroke::new(3.0, key.colour));
    }
}

/// Each month an intervention starts, with its x and its name for the hover:
/// "From Apr 2020: Recruit 20 social workers" ("and 2 more" when several start).
fn intervention_names(projection: &Projection) -> Vec<(f64, String)> {
    let mut months: Vec<Month> = projection
        .intervention_starts
        .iter()
        .map(|(_, month)| *month)
        .collect();
    months.sort();
    months.dedup();
    let (Some(first), Some(last)) = (projection.first(), projection.last()) else {
        return Vec::new();
    };
    months
        .into_iter()
        .filter(|month| (first.month..=last.month).contains(month))
        .filter_map(|month| {
            let labels: Vec<&str> = projection
                .intervention_starts
                .iter()
                .filter(|(_, start)| *start == month)
                .map(|(label, _)| label.as_str())
                .collect();
            let name = match labels.as_slice() {
                [only] => format!("From {}: {only}", month.label()),
                [first, rest @ ..] => {
                    format!("From {}: {first} and {} more", month.label(), rest.len())
                }
                [] => return None,
            };
            Some((month_x(month), name))
        })
        .collect()
}

/// Dashed vertical lines where interventions start, one per start month, named
/// after the interventions starting then.
fn intervention_markers(plot_ui: &mut PlotUi<'_>, projection: &Projection) {
    let colour = theme::marker_colour(&plot_ui.ctx().global_style().visuals);
    for (x, name) in intervention_names(projection) {
        plot_ui.vline(
            VLine::new(name, x)
                .color(colour)
                .style(LineStyle::dashed_loose())
                .width(1.5),
        );
    }
}

/// The least height of a chart with its title and legend: below it, the charts
/// scroll rather than shrink.
const MIN_CHART_BLOCK: f32 = 260.0;

/// Two charts, one above the other, each given half the height left.
fn two_charts(ui: &mut Ui, first: impl FnOnce(&mut Ui), second: impl FnOnce(&mut Ui)) {
    let gap = ui.spacing().item_spacing.y * 2.0;
    let half = ((ui.available_height() - gap) / 2.0).max(MIN_CHART_BLOCK);
    let width = ui.available_width();
    ui.allocate_ui(egui::vec2(width, half), first);
    ui.add_space(gap);
    ui.allocate_ui(egui::vec2(width, half), second);
}

/// Three charts, one above another, each given a third of the height left, or
/// the least readable height, scrolling below it.
fn three_charts(
    ui: &mut Ui,
    first: impl FnOnce(&mut Ui),
    second: impl FnOnce(&mut Ui),
    third: impl FnOnce(&mut Ui),
) {
    let gap = ui.spacing().item_spacing.y * 2.0;
    let third_height = ((ui.available_height() - 2.0 * gap) / 3.0).max(MIN_CHART_BLOCK);
    let width = ui.available_width();
    ui.allocate_ui(egui::vec2(width, third_height), first);
    ui.add_space(gap);
    ui.allocate_ui(egui::vec2(width, third_height), second);
    ui.add_space(gap);
    ui.allocate_ui(egui::vec2(width, third_height), third);
}

/// A plot fills what its block has left after the title and legend.
fn plot_height(ui: &Ui) -> f32 {
    ui.available_height().max(120.0)
}

/// A chart's title and subtitle, as the chart definitions word them.
fn chart_heading(ui: &mut Ui, chart: ScenarioChart) {
    chart_title(ui, chart.title(), chart.subtitle());
}

/// The time plot of a chart of one scenario: its y axis title, values and hover unit.
fn scenario_plot<'a>(id: &'a str, chart: ScenarioChart, projection: &Projection) -> Plot<'a> {
    time_plot(
        id,
        chart.y_label(),
        chart.axis_values(),
        chart.hover_unit(),
        projection,
    )
}

/// How the y axis writes a tick of a step: only the decimals the step needs.
fn tick_text(values: AxisValues) -> fn(f64, f64) -> String {
    match values {
        AxisValues::Caseload | AxisValues::Count | AxisValues::Fte => axis::number_tick,
        AxisValues::Percent => axis::percent_tick,
        AxisValues::Pounds => axis::gbp_tick,
    }
}

fn axis_text(values: AxisValues) -> fn(f64) -> String {
    match values {
        AxisValues::Caseload => caseload_text,
        AxisValues::Count => count_text,
        AxisValues::Percent => percent_text,
        AxisValues::Fte => fte_text,
        AxisValues::Pounds => gbp_text,
    }
}

fn series_colour(visuals: &egui::Visuals, colour: SeriesColour) -> Color32 {
    match colour {
        SeriesColour::Palette(index) => theme::series_colour(index),
        SeriesColour::Reference => theme::reference_colour(visuals),
    }
}

/// The chart's fixed series as lines of this projection.
fn fixed_series(
    visuals: &egui::Visuals,
    chart: ScenarioChart,
    projection: &Projection,
) -> Vec<Series> {
    chart
        .series()
        .iter()
        .map(|definition| Series {
            name: definition.name.to_owned(),
            colour: series_colour(visuals, definition.colour),
            dashed: definition.dashed,
            filled: definition.filled,
            points: monthly_points(projection, definition.value),
        })
        .collect()
}

fn chart_title(ui: &mut Ui, title: &str, subtitle: &str) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(title).strong());
        ui.weak(subtitle);
    });
}

fn caseload_text(value: f64) -> String {
    crate::units::thousands(value, 1)
}

fn count_text(value: f64) -> String {
    crate::units::thousands(value, 0)
}

fn percent_text(value: f64) -> String {
    format!("{}%", crate::units::thousands(value, 1))
}

fn fte_text(value: f64) -> String {
    format!("{} FTE", crate::units::fte(value))
}

fn gbp_text(value: f64) -> String {
    crate::units::gbp(value)
}
