//! Demand: referrals, what they lead to, the stocks of children and how long cases
//! last, as the catalogue groups them; the seasonal pattern has a grid of its own.

use egui::{Grid, Ui};

use super::fields::{NumberField, number_input, problem_at};
use super::rows::rows_ui;
use crate::model::catalogue::{self, Input, Place, Scope, Section};
use crate::model::{Problem, Scenario};
use crate::sim::balance::{self, Stock};
use crate::workspace::Command;

/// The path of the referral outcomes, whose shares add up to 100%.
const OUTCOMES: &str = "demand.referral_outcomes";

pub fn demand_ui(
    ui: &mut Ui,
    scenario: &mut Scenario,
    problems: &[Problem],
    commands: &mut Vec<Command>,
) {
    for (index, group) in catalogue::editor_groups(Section::Demand)
        .into_iter()
        .enumerate()
    {
        if index > 0 {
            ui.separator();
        }
        if !group.is_empty() {
            ui.label(group);
        }
        let entries = || {
            catalogue::editor_entries(Section::Demand)
                .filter(move |(_, place)| place.group == group)
        };
        // The referral outcomes are shares of one whole: their total goes under them.
        let outcomes = entries().any(|(input, _)| input.field.starts_with(OUTCOMES));
        // Starting stocks: where the inputs take each one goes under it.
        let stocks = entries().any(|(input, _)| Stock::at_field(input.field).is_some());
        Grid::new(("demand", group)).num_columns(3).show(ui, |ui| {
            if stocks {
                for entry in entries() {
                    rows_ui(
                        ui,
                        scenario,
                        std::iter::once(entry),
                        0,
                        problems,
                        workload_effect_switch,
                    );
                    if let Some(stock) = Stock::at_field(entry.0.field) {
                        let balances = balance::start_balance(scenario);
                        if let Some(stock_balance) = balances.iter().find(|b| b.stock == stock) {
                            super::balance::settle_row(ui, stock_balance);
                        }
                    }
                }
            } else {
                rows_ui(ui, scenario, entries(), 0, problems, workload_effect_switch);
            }
            if outcomes {
                let total = scenario.demand.referral_outcomes.total_percent();
                ui.label("Total");
                ui.label(format!("{}%", crate::units::thousands(total, 1)));
                ui.label("");
                ui.end_row();
            }
        });
        if outcomes && let Some(problem) = problem_at(problems, OUTCOMES) {
            ui.label(super::fields::problem_text(ui, &problem.message));
        }
        if stocks {
            super::balance::balance_action_ui(ui, scenario, commands);
        }
    }
    ui.separator();
    seasonality_ui(ui, &mut scenario.demand.seasonality);
    super::other_problems_ui(ui, problems, "demand.seasonality");
}

/// The switch of "workload affects practice", the one demand input that is not a
/// number.
fn workload_effect_switch(
    ui: &mut Ui,
    scenario: &mut Scenario,
    input: &'static Input,
    place: Place,
) {
    if input.field == "demand.workload_effect.enabled" {
        let label = ui.label(place.label).on_hover_text(input.help());
        ui.checkbox(&mut scenario.demand.workload_effect.enabled, "on")
            .on_hover_text(input.help())
            .labelled_by(label.id);
        ui.label("");
        ui.end_row();
    }
}

/// The optional seasonal pattern: 12 multipliers, January to December.
fn seasonality_ui(ui: &mut Ui, seasonality: &mut Vec<f64>) {
    let mut seasonal = !seasonality.is_empty();
    if ui
        .checkbox(&mut seasonal, "Seasonal pattern in referrals")
        .on_hover_text("Multipliers for each calendar month, rescaled to average 1: they move referrals between months without changing the yearly total. Off: the same every month.")
        .changed()
    {
        *seasonality = if seasonal { vec![1.0; 12] } else { Vec::new() };
    }
    if seasonality.len() == 12 {
        Grid::new("seasonality_grid").num_columns(6).show(ui, |ui| {
            for (index, multiplier) in seasonality.iter_mut().enumerate() {
                let month = crate::model::Month::new(2000, index as u32 + 1)
                    .map_or("", crate::model::Month::short_name);
                let label = ui.label(month);
                number_input(
                    ui,
                    multiplier,
                    &NumberField::item(month, Scope::Season, "", None),
                )
                .labelled_by(label.id);
                if index % 6 == 5 {
                    ui.end_row();
                }
            }
        });
    }
}
