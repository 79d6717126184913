//! The council's published figures as points on the charts: the road that led to
//! the start, and beside the projection, what actually happened.

use egui::Color32;
use egui_plot::{MarkerShape, PlotUi, Points};

use super::{Key, month_x};
use crate::history::HistoryFigure;
use crate::model::Month;
use crate::published::Council;
use crate::sim::Projection;

/// The radius of a published point on a chart over time.
pub const POINT_RADIUS: f32 = 4.5;

/// Years of published figures shown before the projection starts.
pub const YEARS_BEFORE: i32 = 3;

/// Where hovers and the legend say a point is published: every point's name
/// starts with it.
pub const PUBLISHED: &str = "published (";

/// The legend's key to the markers, beside a dot.
pub const LEGEND: &str = "published (hover a point)";

/// One published figure placed on a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct PublishedPoint {
    pub x: f64,
    pub y: f64,
    /// "published (31 March 2021): 1,516 children in care", shown on hover.
    pub name: String,
}

/// The published points of one figure, drawn in the colour of the line they match.
pub struct PublishedSeries {
    pub colour: Color32,
    pub points: Vec<PublishedPoint>,
}

/// What a published value counts, after the number: "1,516 children in care".
fn counts(figure: HistoryFigure) -> &'static str {
    match figure {
        HistoryFigure::ChildrenInCare => "children in care",
        HistoryFigure::ProtectionPlans => "children on protection plans",
        HistoryFigure::ChildrenInNeedNet => "children in need (not on a plan or in care)",
        HistoryFigure::Referrals => "referrals in the year",
        HistoryFigure::SocialWorkersFte => "FTE social workers in post",
        HistoryFigure::AgencyRate => "of social workers from agencies",
        HistoryFigure::CaseloadPerCaseHolder => "cases per case-holding social worker",
        HistoryFigure::Spending => "spent on children's social care",
        HistoryFigure::StartedCare => "children started care",
        HistoryFigure::CeasedCare => "children left care",
        HistoryFigure::PlansStarted => "protection plans started",
        HistoryFigure::NeedStarted => "children in need episodes started",
    }
}

/// "published (31 March 2021): 1,516 children in care".
pub fn point_name(figure: HistoryFigure, year: i32, value: f64) -> String {
    format!(
        "{}: {} {}",
        figure.published_label(year),
        figure.format(value),
        counts(figure)
    )
}

/// The council's published `figure` on a month axis, from [`YEARS_BEFORE`] years
/// before the projection starts to its last month. The figures for a count at 31
/// March sit on April (the opening stock the model starts from); a year's flow
/// on its March; the September census on October.
pub fn published_points(
    council: &Council,
    figure: HistoryFigure,
    projection: &Projection,
) -> Vec<PublishedPoint> {
    let (Some(first), Some(last)) = (projection.first(), projection.last()) else {
        return Vec::new();
    };
    let earliest = first.month.plus(-12 * YEARS_BEFORE);
    figure
        .published_series(council)
        .into_iter()
        .filter_map(|(year, value)| {
            let month = figure.chart_month(year)?;
            (earliest..=last.month)
                .contains(&month)
                .then(|| PublishedPoint {
                    x: month_x(month),
                    y: value,
                    name: point_name(figure, year, value),
                })
        })
        .collect()
}

/// Widens a time chart to the years of published figures shown before the
/// start, for every chart of a council's scenario alike, so that charts above
/// one another keep the same months under each other.
pub fn with_history<'a>(
    plot: egui_plot::Plot<'a>,
    projection: &Projection,
    council: Option<&Council>,
) -> egui_plot::Plot<'a> {
    match (council, projection.first(), projection.last()) {
        (Some(_), Some(first), Some(last)) => plot
            .include_x(month_x(first.month.plus(-12 * YEARS_BEFORE)))
            .include_x(month_x(last.month)),
        _ => plot,
    }
}

/// The published spending of the council on the chart by financial year, at the
/// spend bar of its year (`x` = the year it starts in, less the bar's offset),
/// where that year is within [`YEARS_BEFORE`] years of the projection's.
pub fn published_spending(
    council: &Council,
    projection: &Projection,
    bar_offset: f64,
) -> Vec<PublishedPoint> {
    let (Some(first), Some(last)) = (projection.years.first(), projection.years.last()) else {
        return Vec::new();
    };
    let figure = HistoryFigure::Spending;
    figure
        .published_series(council)
        .into_iter()
        // The year ending 31 March `year` starts in April `year - 1`.
        .filter(|(year, _)| (first.year.0 - YEARS_BEFORE..=last.year.0).contains(&(year - 1)))
        .map(|(year, value)| PublishedPoint {
            x: f64::from(year - 1) + bar_offset,
            y: value,
            name: point_name(figure, year, value),
        })
        .collect()
}

/// The series of a chart's figures, each in the colour of its line: empty without
/// a council, or where none of its figures is published in the years shown.
pub fn published_series(
    council: Option<&Council>,
    projection: &Projection,
    figures: &[(HistoryFigure, Option<Color32>)],
) -> Vec<PublishedSeries> {
    let Some(council) = council else {
        return Vec::new();
    };
    figures
        .iter()
        .filter_map(|(figure, colour)| {
            let points = published_points(council, *figure, projection);
            (!points.is_empty()).then(|| PublishedSeries {
                colour: colour.unwrap_or(Color32::GRAY),
                points,
            })
        })
        .collect()
}

/// The legend key to the markers, when a chart has any.
/// The dot is in the text colour: each point takes its line's.
pub fn legend_key(visuals: &egui::Visuals, published: &[PublishedSeries]) -> Option<Key> {
    (!published.is_empty()).then(|| Key {
        name: LEGEND.to_owned(),
        colour: visuals.strong_text_color(),
        dashed: false,
        block: false,
        marker: true,
    })
}

/// Draws each point as a filled circle in its line's colour on a ring of the
/// background colour, so it stands out where it sits on the line. Each point is
/// its own item, so its hover names its date and value. `radius` in points: larger
/// where the point sits on a bar of its colour.
pub fn draw_published(plot_ui: &mut PlotUi<'_>, published: &[PublishedSeries], radius: f32) {
    let background = plot_ui.ctx().global_style().visuals.extreme_bg_color;
    for series in published {
        let ring: Vec<[f64; 2]> = series
            .points
            .iter()
            .map(|point| [point.x, point.y])
            .collect();
        plot_ui.points(
            Points::new("", ring)
                .shape(MarkerShape::Circle)
                .radius(radius + 2.0)
                .color(background)
                .filled(true)
                .allow_hover(false),
        );
        for point in &series.points {
            plot_ui.points(
                Points::new(point.name.clone(), vec![[point.x, point.y]])
                    .shape(MarkerShape::Circle)
                    .radius(radius)
                    .color(series.colour)
                    .filled(true),
            );
        }
    }
}

/// Whether a hovered item is a published point, whose name says it all.
pub fn is_published(name: &str) -> bool {
    name.starts_with(PUBLISHED)
}

/// The month a published point sits on, for tests and hovers.
pub fn month_of(point: &PublishedPoint) -> Option<Month> {
    Month::from_index(point.x.round() as i32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Month;

    fn liverpool() -> &'static Council {
        crate::published::by_code("E08000012").expect("Liverpool is in the published figures")
    }

    /// Every point is the published figure of its year, at its month, named with
    /// its date and value; nothing outside the years shown.
    #[test]
    fn the_points_are_the_published_figures_where_they_belong() {
        let projection = crate::sim::project(&crate::io::default_scenario());
        let first = projection.first().map(|row| row.month);
        let council = liverpool();
        let points = published_points(council, HistoryFigure::ChildrenInCare, &projection);
        assert!(points.len() >= 5, "{points:?}");
        for point in &points {
            let month = month_of(point).expect("a month");
            assert_eq!(month.month_number(), 4, "a count at 31 March sits on April");
            let year = month.year();
            let published = council
                .year(year)
                .and_then(|entry| entry.get(crate::published::Measure::ChildrenInCare))
                .expect("published");
            assert_eq!(point.y, published);
            assert_eq!(
                point.name,
                format!(
                    "published (31 March {year}): {} children in care",
                    crate::units::thousands(published, 0)
                )
            );
            let start = first.expect("a first month");
            assert!(month >= start.plus(-12 * YEARS_BEFORE));
            assert!(month <= projection.last().expect("a last month").month);
        }
        // The road that led to the start, and what happened after it.
        assert!(points.iter().any(|point| month_of(point) < first));
        assert!(points.iter().any(|point| month_of(point) > first));
    }

    #[test]
    fn referrals_sit_on_the_last_month_of_their_year_and_spending_on_its_bar() {
        let projection = crate::sim::project(&crate::io::default_scenario());
        let points = published_points(liverpool(), HistoryFigure::Referrals, &projection);
        assert!(!points.is_empty());
        for point in &points {
            assert_eq!(month_of(point).map(Month::month_number), Some(3));
            assert!(point.name.starts_with("published (the year to 31 March "));
            assert!(point.name.ends_with(" referrals in the year"));
        }
        // Liverpool 2019 ends in 2022: its 2024-25 spending is too late to show.
        assert!(published_spending(liverpool(), &projection, -0.2).is_empty());
        let mut later = crate::io::default_scenario();
        later.start = Month::new(2023, 4).expect("a month");
        let projection = crate::sim::project(&later);
        let spending = published_spending(liverpool(), &projection, -0.2);
        let [point] = spending.as_slice() else {
            panic!("one year of spending: {spending:?}");
        };
        assert_eq!(point.x, 2024.0 - 0.2);
        let thousands = liverpool()
            .spending(crate::published::SpendingLine::TotalChildrensSocialCare)
            .expect("published");
        assert_eq!(point.y, thousands * 1000.0);
        assert!(
            point
                .name
                .starts_with("published (the year to 31 March 2025): £")
        );
    }

    #[test]
    fn no_council_no_points() {
        let projection = crate::sim::project(&crate::io::default_scenario());
        let figures = [(HistoryFigure::ChildrenInCare, None)];
        assert!(published_series(None, &projection, &figures).is_empty());
        assert!(legend_key(&egui::Visuals::light(), &[]).is_none());
    }
}
