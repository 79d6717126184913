//! Money: budgets by financial year and grants (tables of their own), then the
//! catalogue's money inputs: reserves, early help and other costs.

use egui::{DragValue, Grid, RichText, TextEdit, Ui};

use super::fields::{NumberField, month_input, number_input, problem_at, problem_text};
use super::rows::rows_ui;
use crate::model::calendar::{FIRST_YEAR, LAST_YEAR};
use crate::model::catalogue::{self, Input, Scope, Section};
use crate::model::{FinancialYear, Grant, Month, Problem, Scenario, YearBudget};

pub fn money_ui(ui: &mut Ui, scenario: &mut Scenario, problems: &[Problem]) {
    let money = &mut scenario.money;
    ui.label(RichText::new("Base budget by financial year").strong()).on_hover_text(
        "A year not listed takes the latest earlier year's budget, grown by the budget growth below (0% unless set). A year the projection only partly covers gets a pro-rata share.",
    );
    let mut remove = None;
    Grid::new("budgets_grid")
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            for (index, budget) in money.budgets.iter_mut().enumerate() {
                ui.add(
                    DragValue::new(&mut budget.year.0)
                        .range(FIRST_YEAR..=LAST_YEAR - 1)
                        .speed(0.05)
                        .custom_formatter(|year, _| FinancialYear(year as i32).label())
                        .custom_parser(|text| {
                            FinancialYear::parse(text)
                                .ok()
                                .map(|year| f64::from(year.0))
                        }),
                )
                .on_hover_text("Financial year, 1 April to 31 March.");
                number_input(
                    ui,
                    &mut budget.budget_gbp,
                    &NumberField::item("Budget", Scope::Budget, "budget_gbp", None),
                );
                if ui
                    .small_button("Remove")
                    .on_hover_text("Remove this year's budget")
                    .clicked()
                {
                    remove = Some(index);
                }
                ui.end_row();
                for field in ["year", "budget_gbp"] {
                    if let Some(problem) =
                        problem_at(problems, &format!("money.budgets[{index}].{field}"))
                    {
                        ui.label(problem_text(ui, &problem.message));
                        ui.end_row();
                    }
                }
            }
        });
    if let Some(index) = remove {
        money.budgets.remove(index);
    }
    if ui.button("+ Add a year's budget").clicked() {
        let (year, amount) = money
            .budgets
            .iter()
            .max_by_key(|budget| budget.year)
            .map_or((FinancialYear(2019), 0.0), |last| {
                (FinancialYear(last.year.0 + 1), last.budget_gbp)
            });
        money.budgets.push(YearBudget {
            year,
            budget_gbp: amount,
        });
    }
    ui.separator();
    ui.label(RichText::new("Grants and one-off funding").strong())
        .on_hover_text("Counted as funding in the financial year of their month. Liverpool's share of the 2019-20 top-up was £5.1m.");
    if money.grants.is_empty() {
        ui.weak("None listed. Grants can also be interventions, to switch on and off.");
    }
    let mut remove = None;
    Grid::new("grants_grid")
        .num_columns(4)
        .striped(true)
        .show(ui, |ui| {
            for (index, grant) in money.grants.iter_mut().enumerate() {
                ui.add(TextEdit::singleline(&mut grant.name).desired_width(140.0))
                    .on_hover_text("What the grant is.");
                month_input(
                    ui,
                    ("grant_month", index),
                    &mut grant.month,
                    "The month the money arrives.",
                );
                number_input(
                    ui,
                    &mut grant.amount_gbp,
                    &NumberField::item("Amount", Scope::Grant, "amount_gbp", None),
                );
                if ui
                    .small_button("Remove")
                    .on_hover_text("Remove this grant")
                    .clicked()
                {
                    remove = Some(index);
                }
                ui.end_row();
            }
        });
    if let Some(index) = remove {
        money.grants.remove(index);
    }
    if ui.button("+ Add a grant").clicked() {
        let month = money
            .budgets
            .first()
            .and_then(|budget| budget.year.first_month())
            .or_else(|| crate::model::Month::new(2019, 4));
        if let Some(month) = month {
            money.grants.push(Grant {
                name: "New grant".to_owned(),
                month,
                amount_gbp: 0.0,
            });
        }
    }
    ui.separator();
    Grid::new("money_grid").num_columns(3).show(ui, |ui| {
        let entries = catalogue::editor_entries(Section::Money);
        rows_ui(
            ui,
            scenario,
            entries,
            0,
            problems,
            |ui, scenario, input, place| {
                if input.field == "money.pay_award_month" {
                    pay_award_month_row(
                        ui,
                        place.label,
                        &mut scenario.money.pay_award_month,
                        input,
                    );
                }
            },
        );
    });
    super::other_problems_ui(ui, problems, "money.grants");
}

/// The calendar month each year's pay award lands in, chosen by name.
fn pay_award_month_row(ui: &mut Ui, label: &str, month_number: &mut u32, input: &Input) {
    let help = input.help();
    let label = ui.label(label).on_hover_text(&help);
    let name = |number: u32| Month::new(2000, number).map_or("", Month::short_name);
    egui::ComboBox::from_id_salt("pay_award_month")
        .width(60.0)
        .selected_text(name(*month_number))
        .show_ui(ui, |ui| {
            for candidate in 1..=12 {
                ui.selectable_value(month_number, candidate, name(candidate));
            }
        })
        .response
        .on_hover_text(&help)
        .labelled_by(label.id);
    ui.label("each year");
    ui.end_row();
}
