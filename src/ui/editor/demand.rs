//! Demand: referrals, what they lead to, the stocks of children and how long cases last.

use egui::{Grid, Ui};

use super::fields::{NumberField, number_input, number_row, problem_at};
use crate::model::catalogue::Scope;
use crate::model::{Demand, Problem};

pub fn demand_ui(ui: &mut Ui, demand: &mut Demand, problems: &[Problem]) {
    let at = |field: &str| problem_at(problems, &format!("demand.{field}"));
    ui.label("Referrals");
    Grid::new("demand_referrals").num_columns(3).show(ui, |ui| {
        number_row(
            ui,
            &mut demand.referrals_per_month,
            &NumberField::scenario("Referrals", "demand.referrals_per_month"),
            at("referrals_per_month"),
        );
        number_row(
            ui,
            &mut demand.referral_growth_percent_per_year,
            &NumberField::scenario("Growth", "demand.referral_growth_percent_per_year"),
            at("referral_growth_percent_per_year"),
        );
    });
    ui.separator();
    ui.label("What referrals lead to (must add up to 100%)");
    let outcomes = &mut demand.referral_outcomes;
    Grid::new("demand_outcomes").num_columns(3).show(ui, |ui| {
        for (label, value, field) in [
            (
                "No further action",
                &mut outcomes.no_further_action_percent,
                "no_further_action_percent",
            ),
            (
                "Child in need",
                &mut outcomes.child_in_need_percent,
                "child_in_need_percent",
            ),
            (
                "Child protection plan",
                &mut outcomes.child_protection_percent,
                "child_protection_percent",
            ),
            (
                "Into care",
                &mut outcomes.into_care_percent,
                "into_care_percent",
            ),
        ] {
            number_row(
                ui,
                value,
                &NumberField::scenario(label, &format!("demand.referral_outcomes.{field}")),
                problem_at(problems, &format!("demand.referral_outcomes.{field}")),
            );
        }
        let total = outcomes.total_percent();
        ui.label("Total");
        ui.label(format!("{}%", crate::units::thousands(total, 1)));
        ui.label("");
        ui.end_row();
    });
    if let Some(problem) = problem_at(problems, "demand.referral_outcomes") {
        ui.label(super::fields::problem_text(ui, &problem.message));
    }
    ui.separator();
    ui.label("Children with open cases at the start");
    Grid::new("demand_stocks").num_columns(3).show(ui, |ui| {
        let stock = |label, field: &str| NumberField::scenario(label, &format!("demand.{field}"));
        number_row(
            ui,
            &mut demand.children_in_need,
            &stock("Children in need (CIN)", "children_in_need"),
            at("children_in_need"),
        );
        number_row(
            ui,
            &mut demand.child_protection,
            &stock("Child protection plans (CP)", "child_protection"),
            at("child_protection"),
        );
        number_row(
            ui,
            &mut demand.looked_after,
            &stock("Children in care (LAC)", "looked_after"),
            at("looked_after"),
        );
        number_row(
            ui,
            &mut demand.care_leavers,
            &stock("Care leavers", "care_leavers"),
            at("care_leavers"),
        );
    });
    ui.separator();
    ui.label("How long cases last, and how they move");
    Grid::new("demand_durations").num_columns(3).show(ui, |ui| {
        let duration =
            |label, field: &str| NumberField::scenario(label, &format!("demand.{field}"));
        number_row(
            ui,
            &mut demand.child_in_need_months,
            &duration("Child in need", "child_in_need_months"),
            at("child_in_need_months"),
        );
        number_row(
            ui,
            &mut demand.child_protection_months,
            &duration("Child protection plan", "child_protection_months"),
            at("child_protection_months"),
        );
        number_row(
            ui,
            &mut demand.looked_after_months,
            &duration("In care", "looked_after_months"),
            at("looked_after_months"),
        );
        number_row(
            ui,
            &mut demand.care_leaver_months,
            &duration("Care leaver support", "care_leaver_months"),
            at("care_leaver_months"),
        );
        let share = |label, field: &str| NumberField::scenario(label, &format!("demand.{field}"));
        number_row(
            ui,
            &mut demand.child_in_need_to_protection_percent_per_month,
            &share(
                "CIN stepping up to CP",
                "child_in_need_to_protection_percent_per_month",
            ),
            at("child_in_need_to_protection_percent_per_month"),
        );
        number_row(
            ui,
            &mut demand.protection_to_care_percent_per_month,
            &share("CP entering care", "protection_to_care_percent_per_month"),
            at("protection_to_care_percent_per_month"),
        );
        number_row(
            ui,
            &mut demand.protection_step_down_percent,
            &share("Plans stepping down to CIN", "protection_step_down_percent"),
            at("protection_step_down_percent"),
        );
        number_row(
            ui,
            &mut demand.care_leaver_percent,
            &share("Leaving care as care leavers", "care_leaver_percent"),
            at("care_leaver_percent"),
        );
    });
    ui.separator();
    ui.label("How much each case counts on a caseload");
    Grid::new("demand_weights").num_columns(3).show(ui, |ui| {
        let weights = &mut demand.case_weights;
        for (label, value, field) in [
            ("Child in need", &mut weights.child_in_need, "child_in_need"),
            (
                "Child protection",
                &mut weights.child_protection,
                "child_protection",
            ),
            ("Looked after", &mut weights.looked_after, "looked_after"),
            ("Care leaver", &mut weights.care_leaver, "care_leaver"),
        ] {
            number_row(
                ui,
                value,
                &NumberField::scenario(label, &format!("demand.case_weights.{field}")),
                problem_at(problems, &format!("demand.case_weights.{field}")),
            );
        }
    });
    ui.separator();
    seasonality_ui(ui, &mut demand.seasonality);
    super::other_problems_ui(ui, problems, "demand.seasonality");
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
