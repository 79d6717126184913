//! Money: monthly spend by category against the budget, and each financial year's
//! spend against its funding with the variance.

use egui::Ui;
use egui_plot::{Bar, BarChart, Line, LineStyle, PlotPoint, Text};

use super::published::{
    PublishedSeries, draw_published, legend_key, published_spending, with_history,
};
use super::{
    FanBands, Key, band_keys, chart_heading, draw_bands, fixed_series, intervention_markers,
    legend_and_plot_ui, month_at, month_x, plot_height, scenario_plot, two_charts,
};
use crate::charts::ScenarioChart;
use crate::model::Month;
use crate::published::Council;
use crate::sim::monte_carlo::MonteCarlo;
use crate::sim::{Projection, Spend};
use crate::ui::theme;
use crate::units;

pub fn money_ui(
    ui: &mut Ui,
    projection: &Projection,
    uncertainty: Option<&MonteCarlo>,
    council: Option<&Council>,
) {
    two_charts(
        ui,
        |ui| {
            let chart = ScenarioChart::MonthlySpendByCategory;
            chart_heading(ui, chart);
            let lines = fixed_series(ui.visuals(), chart, projection);
            let mut keys: Vec<Key> = Spend::CATEGORIES
                .iter()
                .enumerate()
                .map(|(category, (_, label))| Key {
                    name: (*label).to_owned(),
                    colour: theme::series_colour(category),
                    dashed: false,
                    block: true,
                    marker: false,
                })
                .collect();
            keys.extend(lines.iter().map(Key::from));
            // The band of total spend takes the budget line's colour.
            let budget_colour = lines.first().map(|line| line.colour);
            let fan = uncertainty
                .zip(budget_colour)
                .map(|(run, colour)| FanBands {
                    name: "Total spend",
                    bands: &run.monthly_spend,
                    months: &run.months,
                    colour,
                    scale: 1.0,
                });
            if let Some(fan) = &fan {
                keys.extend(band_keys(fan.name, fan.colour));
            }
            legend_and_plot_ui(
                ui,
                &keys,
                !projection.intervention_starts.is_empty(),
                |ui| {
                    with_history(
                        scenario_plot("spend_chart", chart, projection),
                        projection,
                        council,
                    )
                    .height(plot_height(ui))
                    .show(ui, |plot_ui| {
                        let mut charts: Vec<BarChart> = Vec::new();
                        for (category, (_, label)) in Spend::CATEGORIES.into_iter().enumerate() {
                            let bars = projection
                                .rows
                                .iter()
                                .map(|row| {
                                    Bar::new(month_x(row.month), row.spend.amounts()[category])
                                        .width(0.8)
                                })
                                .collect();
                            let chart = BarChart::new(label, bars)
                                .color(theme::series_colour(category))
                                .element_formatter(Box::new(move |bar, _| {
                                    format!(
                                        "{label}\n{}: {}",
                                        month_at(bar.argument)
                                            .map_or_else(String::new, Month::label),
                                        units::gbp(bar.value)
                                    )
                                }));
                            let below: Vec<&BarChart> = charts.iter().collect();
                            let chart = chart.stack_on(&below);
                            charts.push(chart);
                        }
                        for chart in charts {
                            plot_ui.bar_chart(chart);
                        }
                        if let Some(fan) = &fan {
                            draw_bands(plot_ui, fan);
                        }
                        for line in &lines {
                            plot_ui.line(
                                Line::new(line.name.clone(), line.points.clone())
                                    .color(line.colour)
                                    .style(LineStyle::dashed_dense())
                                    .width(2.5),
                            );
                        }
                        intervention_markers(plot_ui, projection);
                    });
                },
            );
        },
        |ui| {
            chart_heading(ui, ScenarioChart::YearlySpend);
            let [(_, spend_colour), _] = ScenarioChart::YEAR_BARS;
            let published: Vec<PublishedSeries> = council
                .map(|council| PublishedSeries {
                    colour: theme::series_colour(spend_colour),
                    points: published_spending(council, projection, SPEND_OFFSET),
                })
                .filter(|series| !series.points.is_empty())
                .into_iter()
                .collect();
            let mut keys: Vec<Key> = ScenarioChart::YEAR_BARS
                .map(|(name, colour)| Key {
                    name: name.to_owned(),
                    colour: theme::series_colour(colour),
                    dashed: false,
                    block: true,
                    marker: false,
                })
                .into();
            keys.extend(legend_key(ui.visuals(), &published));
            legend_and_plot_ui(ui, &keys, false, |ui| {
                year_chart(ui, projection, &published);
            });
        },
    );
}

/// Where a year's spend bar sits from the year's slot; funding sits as far the
/// other way.
const SPEND_OFFSET: f64 = -0.2;

fn year_chart(ui: &mut Ui, projection: &Projection, published: &[PublishedSeries]) {
    let [(spend_name, spend_colour), (funding_name, funding_colour)] = ScenarioChart::YEAR_BARS;
    let colours = theme::status_colours(ui.visuals());
    let text_colour = ui.visuals().text_color();
    let highest = projection
        .years
        .iter()
        .map(|year| year.spend.total().max(year.funding()))
        .chain(
            published
                .iter()
                .flat_map(|series| series.points.iter().map(|point| point.y)),
        )
        .fold(0.0, f64::max);
    let years = projection.years.iter().map(|year| f64::from(year.year.0));
    let (first, last) = years.fold((f64::INFINITY, f64::NEG_INFINITY), |(low, high), x| {
        (low.min(x), high.max(x))
    });
    let mut plot = super::year_plot("year_chart", highest);
    if first.is_finite() {
        // Room beside the outer bars for their variance labels.
        plot = plot.include_x(first - 0.75).include_x(last + 0.75);
    }
    plot.height(plot_height(ui)).show(ui, |plot_ui| {
        let spend: Vec<Bar> = projection
            .years
            .iter()
            .map(|year| {
                Bar::new(f64::from(year.year.0) + SPEND_OFFSET, year.spend.total())
                    .width(0.38)
                    .name(format!("{} spend", year.year.label()))
            })
            .collect();
        let funding: Vec<Bar> = projection
            .years
            .iter()
            .map(|year| {
                Bar::new(f64::from(year.year.0) - SPEND_OFFSET, year.funding())
                    .width(0.38)
                    .name(format!("{} funding", year.year.label()))
            })
            .collect();
        plot_ui.bar_chart(
            BarChart::new(spend_name, spend)
                .color(theme::series_colour(spend_colour))
                .element_formatter(Box::new(|bar, _| {
                    format!("{}\n{}", bar.name, units::gbp(bar.value))
                })),
        );
        plot_ui.bar_chart(
            BarChart::new(funding_name, funding)
                .color(theme::series_colour(funding_colour))
                .element_formatter(Box::new(|bar, _| {
                    format!("{}\n{}", bar.name, units::gbp(bar.value))
                })),
        );
        for year in &projection.years {
            let top = year.spend.total().max(year.funding());
            // "£21.4m" over "over budget": two short lines fit above a bar
            // on a narrow chart, where one long line ran into the next.
            let label = units::budget_variance(year.variance).replacen(" ", "\n", 1);
            let part = if year.is_partial() {
                format!("\n({})", units::month_count(year.months))
            } else {
                String::new()
            };
            // No name: the variance labels need no legend entry.
            plot_ui.text(
                Text::new(
                    "",
                    PlotPoint::new(f64::from(year.year.0), top * 1.03),
                    egui::RichText::new(format!("{label}{part}"))
                        .strong()
                        .size(13.5)
                        .color(if units::is_over_budget(year.variance) {
                            colours.bad
                        } else {
                            text_colour
                        }),
                )
                // Above the bar, however many lines.
                .anchor(egui::Align2::CENTER_BOTTOM),
            );
        }
        draw_published(plot_ui, published, 7.0);
    });
}
