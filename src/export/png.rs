//! Report charts drawn as PNG images with plotters, headless and the same on every
//! machine: the fonts are the ones built into the program.

use std::sync::OnceLock;

use plotters::chart::MeshStyle;
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::{FontStyle, register_font};

use super::NamedProjection;
use crate::charts::{ReportChart, Rgb, STATUS_ON_LIGHT, YearBar, scenario_colour};
use crate::model::{FinancialYear, Month};

/// Width and height of exported charts, in pixels: sharp at full page width.
pub const CHART_SIZE: (u32, u32) = (1600, 900);

/// A chart colour as plotters draws it.
fn rgb(Rgb(red, green, blue): Rgb) -> RGBColor {
    RGBColor(red, green, blue)
}

fn fonts_ready() -> Result<(), String> {
    static REGISTERED: OnceLock<Result<(), String>> = OnceLock::new();
    REGISTERED
        .get_or_init(|| {
            register_font(
                "sans-serif",
                FontStyle::Normal,
                epaint_default_fonts::UBUNTU_LIGHT,
            )
            .map_err(|_| "the built-in chart font could not be loaded".to_owned())
        })
        .clone()
}

/// One chart for one or more scenarios as a PNG file's bytes. Each scenario has
/// its colour; a chart's second series is dashed.
pub fn chart_png(
    chart: ReportChart,
    scenarios: &[NamedProjection<'_>],
    (width, height): (u32, u32),
) -> Result<Vec<u8>, String> {
    fonts_ready()?;
    let mut pixels = vec![0u8; width as usize * height as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (width, height)).into_drawing_area();
        root.fill(&WHITE).map_err(|error| error.to_string())?;
        // The legend goes in a strip under the chart, so it never hides a line.
        let entries = if chart.is_yearly() {
            scenarios.len()
        } else {
            scenarios
                .first()
                .map_or(0, |scenario| chart.series(scenario.projection).len())
                * scenarios.len()
        };
        let legend_height = LEGEND_ROW * entries as u32 + 20;
        let (plot, strip) = root.split_vertically(height.saturating_sub(legend_height));
        let mut legend = Vec::new();
        if chart.is_yearly() {
            draw_years(&plot, chart, scenarios, &mut legend).map_err(|error| error.to_string())?;
        } else {
            draw_months(&plot, chart, scenarios, &mut legend).map_err(|error| error.to_string())?;
        }
        draw_legend(&strip, &legend).map_err(|error| error.to_string())?;
        root.present().map_err(|error| error.to_string())?;
    }
    encode_png(&pixels, width, height)
}

fn encode_png(pixels: &[u8], width: u32, height: u32) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    {
        let mut encoder = ::png::Encoder::new(&mut bytes, width, height);
        encoder.set_color(::png::ColorType::Rgb);
        encoder.set_depth(::png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(|error| error.to_string())?;
        writer
            .write_image_data(pixels)
            .map_err(|error| error.to_string())?;
    }
    Ok(bytes)
}

type Area<'a> = DrawingArea<BitMapBackend<'a>, plotters::coord::Shift>;
type DrawResult =
    Result<(), DrawingAreaErrorKind<<BitMapBackend<'static> as DrawingBackend>::ErrorType>>;

/// Height of one row of the legend strip, in pixels.
const LEGEND_ROW: u32 = 36;

/// One entry of the legend strip.
struct LegendEntry {
    name: String,
    colour: RGBColor,
    dashed: bool,
    /// A block of colour (bars) rather than a line.
    block: bool,
}

/// The legend, one entry a row: a swatch and the name.
fn draw_legend(strip: &Area<'_>, entries: &[LegendEntry]) -> DrawResult {
    for (index, entry) in entries.iter().enumerate() {
        let x = 180;
        let y = 10 + index as i32 * LEGEND_ROW as i32 + LEGEND_ROW as i32 / 2;
        if entry.block {
            strip.draw(&Rectangle::new(
                [(x, y - 10), (x + 40, y + 10)],
                entry.colour.filled(),
            ))?;
        } else if entry.dashed {
            for start in [x, x + 16, x + 32] {
                strip.draw(&PathElement::new(
                    vec![(start, y), (start + 9, y)],
                    entry.colour.stroke_width(3),
                ))?;
            }
        } else {
            strip.draw(&PathElement::new(
                vec![(x, y), (x + 40, y)],
                entry.colour.stroke_width(5),
            ))?;
        }
        strip.draw(&Text::new(
            entry.name.clone(),
            (x + 52, y - 15),
            ("sans-serif", 28).into_font().color(&BLACK),
        ))?;
    }
    Ok(())
}

fn label_name(series: &str, scenario: &str, several: bool) -> String {
    if several {
        format!("{series}: {scenario}")
    } else {
        series.to_owned()
    }
}

/// Where month labels go: every April (the financial year) over long spans,
/// every quarter over short ones.
fn month_marks(first: i32, last: i32) -> Vec<f64> {
    let step = if last - first > 30 { 12 } else { 3 };
    (first..=last)
        .filter(|index| {
            Month::from_index(*index)
                .is_some_and(|month| (month.month_number() + 12 - 4) % step as u32 == 0)
        })
        .map(f64::from)
        .collect()
}

type Context<'a, 'b> =
    ChartContext<'a, BitMapBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// The chart's title, margins and axes, the same on every report chart.
fn chart_context<'a, 'b>(
    root: &'a Area<'b>,
    chart: ReportChart,
    x: std::ops::Range<f64>,
    top: f64,
) -> Result<
    Context<'a, 'b>,
    DrawingAreaErrorKind<<BitMapBackend<'static> as DrawingBackend>::ErrorType>,
> {
    ChartBuilder::on(root)
        .caption(chart.title(), ("sans-serif", 52))
        .margin(28)
        .x_label_area_size(80)
        .y_label_area_size(150)
        .build_cartesian_2d(x, 0.0..top)
}

/// Text sizes, grid colour and the y axis title, the same on every report chart.
fn mesh_style<'m, 'a, 'b, 'c>(
    mesh: &'m mut MeshStyle<'a, 'b, RangedCoordf64, RangedCoordf64, BitMapBackend<'c>>,
    chart: ReportChart,
) -> &'m mut MeshStyle<'a, 'b, RangedCoordf64, RangedCoordf64, BitMapBackend<'c>> {
    mesh.y_desc(chart.y_label())
        .label_style(("sans-serif", 30))
        .axis_desc_style(("sans-serif", 32))
        .light_line_style(RGBColor(235, 235, 235))
}

fn draw_months(
    root: &Area<'_>,
    chart: ReportChart,
    scenarios: &[NamedProjection<'_>],
    legend: &mut Vec<LegendEntry>,
) -> DrawResult {
    let measure = chart.measure();
    let all: Vec<_> = scenarios
        .iter()
        .map(|scenario| chart.series(scenario.projection))
        .collect();
    let points = all.iter().flatten().flat_map(|series| series.points.iter());
    let (mut first, mut last, mut top) = (i32::MAX, i32::MIN, 0.0f64);
    for point in points {
        first = first.min(point.month.index());
        last = last.max(point.month.index());
        top = top.max(point.value);
    }
    if first > last {
        first = 0;
        last = 1;
    }
    // Headroom for the legend in the top right corner, a row per series.
    let legend_rows = all.iter().map(Vec::len).sum::<usize>() as f64;
    let top = if top > 0.0 {
        top * (1.15 + 0.07 * legend_rows)
    } else {
        1.0
    };
    let mut context = chart_context(root, chart, f64::from(first)..f64::from(last), top)?;
    let marks = month_marks(first, last);
    let mut mesh = context.configure_mesh();
    mesh_style(&mut mesh, chart)
        .y_labels(8)
        // A tick every month; labels only on the marks.
        .x_labels((last - first + 1) as usize)
        .x_label_formatter(&|x| {
            let index = x.round();
            if (x - index).abs() < 1e-6 && marks.contains(&index) {
                Month::from_index(index as i32).map_or_else(String::new, Month::label)
            } else {
                String::new()
            }
        })
        .y_label_formatter(&|y| crate::charts::without_needless_decimals(&measure.format(Some(*y))))
        .x_desc(chart.x_label())
        .draw()?;
    let several = scenarios.len() > 1;
    for (index, (scenario, series_list)) in scenarios.iter().zip(&all).enumerate() {
        let colour = rgb(scenario_colour(index));
        for series in series_list {
            let line: Vec<(f64, f64)> = series
                .points
                .iter()
                .map(|point| (f64::from(point.month.index()), point.value))
                .collect();
            let style = colour.stroke_width(if series.dashed { 3 } else { 5 });
            legend.push(LegendEntry {
                name: label_name(series.name, scenario.name, several),
                colour,
                dashed: series.dashed,
                block: false,
            });
            if series.dashed {
                context.draw_series(DashedLineSeries::new(line, 14, 9, style))?;
            } else {
                context.draw_series(LineSeries::new(line, style))?;
            }
        }
    }
    Ok(())
}

fn draw_years(
    root: &Area<'_>,
    chart: ReportChart,
    scenarios: &[NamedProjection<'_>],
    legend: &mut Vec<LegendEntry>,
) -> DrawResult {
    let bars: Vec<Vec<YearBar>> = scenarios
        .iter()
        .map(|scenario| ReportChart::year_bars(scenario.projection))
        .collect();
    let years: Vec<FinancialYear> = {
        let mut years: Vec<FinancialYear> = bars.iter().flatten().map(|bar| bar.year).collect();
        years.sort();
        years.dedup();
        years
    };
    let top = bars
        .iter()
        .flatten()
        .map(|bar| bar.spend.max(bar.funding))
        .fold(0.0, f64::max)
        .max(1.0)
        * 1.2;
    let count = years.len().max(1) as f64;
    let mut context = chart_context(root, chart, -0.5..count - 0.5, top)?;
    let mut mesh = context.configure_mesh();
    mesh_style(&mut mesh, chart)
        .disable_x_mesh()
        .x_labels(years.len().max(1))
        .x_label_formatter(&|x| {
            let index = x.round();
            if (x - index).abs() < 1e-6 && index >= 0.0 {
                years
                    .get(index as usize)
                    .map_or_else(String::new, |year| year.label())
            } else {
                String::new()
            }
        })
        .y_label_formatter(&|y| crate::charts::without_needless_decimals(&crate::units::gbp(*y)))
        .x_desc(chart.x_label())
        .draw()?;
    let several = scenarios.len() > 1;
    let group_width = 0.8;
    let per_scenario = group_width / scenarios.len().max(1) as f64;
    for (index, (scenario, scenario_bars)) in scenarios.iter().zip(&bars).enumerate() {
        let colour = rgb(scenario_colour(index));
        let mut first = true;
        for bar in scenario_bars {
            let Some(position) = years.iter().position(|year| *year == bar.year) else {
                continue;
            };
            let left = position as f64 - group_width / 2.0 + per_scenario * index as f64;
            let middle = left + per_scenario / 2.0;
            let spend = Rectangle::new([(left + 0.01, 0.0), (middle, bar.spend)], colour.filled());
            let funding = Rectangle::new(
                [(middle, 0.0), (left + per_scenario - 0.01, bar.funding)],
                colour.stroke_width(3),
            );
            context.draw_series([spend, funding])?;
            if first {
                legend.push(LegendEntry {
                    name: scenario.name.to_owned(),
                    colour,
                    dashed: false,
                    block: true,
                });
                first = false;
            }
            // With several scenarios the difference table carries the variances.
            // The label hangs from its point, so it starts a text height above the bar.
            if several {
                continue;
            }
            let variance = bar.spend - bar.funding;
            let text = crate::units::budget_variance(variance);
            let colour = if crate::units::is_over_budget(variance) {
                rgb(STATUS_ON_LIGHT.bad)
            } else {
                BLACK
            };
            let style = ("sans-serif", 30).into_font().color(&colour);
            context.draw_series(std::iter::once(Text::new(
                text,
                (left, bar.spend.max(bar.funding) + top * 0.07),
                style,
            )))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::default_scenario;
    use crate::sim::project;

    #[test]
    fn every_chart_renders_to_a_png_of_the_asked_size() {
        let projection = project(&default_scenario());
        let named = [NamedProjection {
            name: "Liverpool",
            projection: &projection,
        }];
        for chart in ReportChart::ALL {
            let bytes = chart_png(chart, &named, (800, 450)).unwrap();
            let decoder = ::png::Decoder::new(std::io::Cursor::new(bytes));
            let reader = decoder.read_info().unwrap();
            let info = reader.info();
            assert_eq!((info.width, info.height), (800, 450), "{chart:?}");
        }
    }
}
