//! The strip of headline figures at the top of the charts: where the council
//! stands now, at the end, and against its budget each year.

use egui::{Color32, Frame, RichText, Ui};

use super::theme;
use crate::sim::{CapStanding, CapacityRating, MonthRow, Projection, YearSummary};
use crate::units;
use crate::workspace::Command;

/// One headline figure: a small title, a large value, a line of context.
pub struct Card {
    pub title: String,
    pub value: String,
    pub context: String,
    pub colour: Option<Color32>,
    pub help: &'static str,
}

const CARD_WIDTH: f32 = 170.0;
/// Every card is this tall, so the wrapped rows line up; two lines of small print fit.
const CARD_HEIGHT: f32 = 84.0;
/// The small print's size: readable on a projector, unlike egui's 9 px "small".
const SMALL_PRINT: f32 = 12.5;

fn card_ui(ui: &mut Ui, card: &Card) {
    Frame::group(ui.style())
        .show(ui, |ui| {
            ui.set_width(CARD_WIDTH);
            ui.set_min_height(CARD_HEIGHT - 14.0);
            ui.vertical(|ui| {
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
                ui.label(RichText::new(&card.title).size(SMALL_PRINT));
                let value = RichText::new(&card.value).size(18.0).strong();
                ui.label(match card.colour {
                    Some(colour) => value.color(colour),
                    None => value,
                });
                // The context wraps onto a second line rather than being cut off.
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
                ui.label(RichText::new(&card.context).size(SMALL_PRINT));
            });
        })
        .response
        .on_hover_text(format!("{}\n\n{}", card.context, card.help));
}

/// What a caseload rating means for the people carrying the cases: the colour
/// alone says nothing to someone who has not read the legend.
pub fn rating_meaning(rating: CapacityRating) -> &'static str {
    match rating {
        CapacityRating::Blue => "spare capacity",
        CapacityRating::Green => "at capacity",
        CapacityRating::Amber => "slightly over capacity",
        CapacityRating::Red => "well over capacity",
    }
}

/// The headline figures of a projection, in the order shown.
pub fn headline_cards(ui: &Ui, projection: &Projection) -> Vec<Card> {
    let (Some(first), Some(last)) = (projection.first(), projection.last()) else {
        return Vec::new();
    };
    let visuals = ui.visuals();
    let colours = theme::status_colours(visuals);
    let caseload_card = |row: &MonthRow| {
        let workload = &row.workload;
        let rating = workload.rating();
        Card {
            title: format!("Average caseload, {}", row.month.label()),
            value: match workload.average_caseload {
                Some(caseload) => format!("{} cases", units::thousands(caseload, 1)),
                None => "no capacity".to_owned(),
            },
            context: format!(
                "cap {}: {}",
                units::caseload(workload.average_cap),
                rating_meaning(rating)
            ),
            colour: Some(theme::rating_colour(visuals, rating)),
            help: "Average caseload per case-holding FTE against the capacity-weighted average of the groups' caps. Well over capacity (red): over 110% of capacity; slightly over (amber): 100-110%; at capacity (green): 95-100%; spare capacity (blue): under 95%.",
        }
    };
    let mut cards = vec![caseload_card(first), caseload_card(last)];
    let over = projection.months_over_cap();
    let standing = projection.cap_standing();
    cards.push(Card {
        title: "Months over cap".to_owned(),
        value: format!("{over} of {}", projection.rows.len()),
        context: standing.describe(),
        colour: Some(match standing {
            CapStanding::NeverOver => colours.good,
            // Over cap earlier but no longer: amber, not the red of a service still over.
            CapStanding::WithinFrom(_) => colours.warning,
            CapStanding::OverAtTheEnd => colours.bad,
        }),
        help: "Months in which the cases to hold exceed what staff can hold at their caps: the average caseload above the cap, which is each group's cap weighted by its case-holding staff. The same measure is used by the charts, the summary, the chances of Monte Carlo runs and the \"No month over cap\" target of \"What does it take?\".",
    });
    cards.push(Card {
        title: format!("Children in care, {}", last.month.label()),
        value: units::children(last.looked_after_at_end),
        context: format!(
            "from {} at the start",
            units::children(first.stocks.looked_after())
        ),
        colour: None,
        help: "Looked-after children at the end of the projection.",
    });
    cards.push(match projection.worst_overspend() {
        Some(worst) => Card {
            title: "Worst overspend".to_owned(),
            value: units::gbp(worst.variance),
            context: format!("in {}", worst.year.label()),
            colour: Some(colours.bad),
            help: "The largest overspend in any financial year of the projection.",
        },
        None => Card {
            title: "Worst overspend".to_owned(),
            value: "none".to_owned(),
            context: "every year within budget".to_owned(),
            colour: Some(colours.good),
            help: "No financial year overspends.",
        },
    });
    for year in &projection.years {
        cards.push(Card {
            title: format!(
                "Spend {}",
                units::financial_year_covered(year.year.0, year.months)
            ),
            value: units::gbp(year.spend.total()),
            context: format!(
                "of {}: {}",
                units::gbp(year.funding()),
                units::budget_variance(year.variance)
            ),
            colour: Some(if units::is_over_budget(year.variance) {
                colours.bad
            } else {
                colours.good
            }),
            help: "Spend against funding: the year's budget (pro rata for part years) plus grants and one-off funding.",
        });
    }
    cards.push(period_card(projection, &colours));
    cards.push(reserves_card(projection, &colours));
    cards
}

/// Spend against funding over the whole projection, as the command line's "In
/// all" line gives it.
fn period_card(projection: &Projection, colours: &theme::StatusColours) -> Card {
    let spend = projection.total_spend();
    let funding: f64 = projection.years.iter().map(YearSummary::funding).sum();
    let variance = spend - funding;
    let (Some(first), Some(last)) = (projection.first(), projection.last()) else {
        return Card {
            title: "Spend over the period".to_owned(),
            value: units::gbp(spend),
            context: String::new(),
            colour: None,
            help: "",
        };
    };
    Card {
        title: format!("Spend {} to {}", first.month.label(), last.month.label()),
        value: units::gbp(spend),
        context: format!(
            "of {}: {}",
            units::gbp(funding),
            units::budget_variance(variance)
        ),
        colour: Some(if units::is_over_budget(variance) {
            colours.bad
        } else {
            colours.good
        }),
        help: "Spend against funding over the whole projection: every year's budget (pro rata for part years) plus grants and one-off funding.",
    }
}

/// Reserves: when they run out, or what is left at the end.
fn reserves_card(projection: &Projection, colours: &theme::StatusColours) -> Card {
    match projection.reserves_run_out() {
        Some(run_out) => Card {
            title: "Reserves run out".to_owned(),
            value: run_out.month.label(),
            context: match projection.last() {
                Some(last) if last.month != run_out.lowest_month => format!(
                    "lowest {} in {}; {} at the end",
                    units::gbp(run_out.lowest_gbp),
                    run_out.lowest_month.label(),
                    units::gbp(last.reserves_at_end)
                ),
                _ => format!(
                    "{} at the end, {}",
                    units::gbp(run_out.lowest_gbp),
                    run_out.lowest_month.label()
                ),
            },
            colour: Some(colours.bad),
            help: "Reserves month by month: each month's budget (a twelfth of the year's) and funding received, less its spend. Below zero, the council has no reserves left to cover the overspend.",
        },
        None => Card {
            title: "Reserves at the end".to_owned(),
            value: projection
                .last()
                .map_or_else(String::new, |last| units::gbp(last.reserves_at_end)),
            context: "never below zero".to_owned(),
            colour: Some(colours.good),
            help: "Reserves month by month: each month's budget (a twelfth of the year's) and funding received, less its spend.",
        },
    }
}

/// The warning under the cards when reserves run out, if they do.
pub fn reserves_warning(projection: &Projection) -> Option<String> {
    projection
        .reserves_run_out()
        .map(|run_out| format!("Warning: {}.", run_out.warning()))
}

/// The cards, wrapped into as many rows as the width needs, then any warning.
pub fn headline_ui(ui: &mut Ui, projection: &Projection) {
    let cards = headline_cards(ui, projection);
    ui.horizontal_wrapped(|ui| {
        // A known size lets the wrapping layout place each card before drawing it.
        let outer = egui::vec2(CARD_WIDTH + 16.0, CARD_HEIGHT);
        for card in &cards {
            ui.allocate_ui(outer, |ui| card_ui(ui, card));
        }
    });
    if let Some(warning) = reserves_warning(projection) {
        let colour = theme::status_colours(ui.visuals()).bad;
        ui.label(RichText::new(warning).color(colour).strong());
    }
}

/// The headline of the scenario being edited: a line that says whether its
/// figures are current, with "What does it take?" beside it, then the cards.
/// `stale`: an input is invalid, so the figures are those of the last valid inputs.
pub fn scenario_headline_ui(
    ui: &mut Ui,
    projection: &Projection,
    stale: bool,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Headline").strong());
        if stale {
            let colour = theme::status_colours(ui.visuals()).warning;
            ui.label(
                RichText::new(STALE_NOTE)
                    .color(colour)
                    .strong(),
            )
            .on_hover_text("An input in the editor is flagged: the figures below and the charts stay as they were until it is fixed.");
        }
        if ui
            .button("What does it take?")
            .on_hover_text("Find the smallest change (staff, early help, a contracted team, a cap) that meets a target, and what it costs.")
            .clicked()
        {
            commands.push(Command::ShowGoalSeek);
        }
    });
    headline_ui(ui, projection);
}

/// Said over the headline while an input is invalid.
pub const STALE_NOTE: &str =
    "From the last valid inputs: fix the flagged inputs to update these figures.";
