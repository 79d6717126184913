//! Demand: referrals, what they lead to, the stocks of children and how long cases last.

use egui::{Grid, Ui};

use super::fields::{NumberField, number_input, number_row, problem_at};
use crate::model::{Demand, Problem};

pub fn demand_ui(ui: &mut Ui, demand: &mut Demand, problems: &[Problem]) {
    let at = |field: &str| problem_at(problems, &format!("demand.{field}"));
    ui.label("Referrals");
    Grid::new("demand_referrals").num_columns(3).show(ui, |ui| {
        number_row(
            ui,
            &mut demand.referrals_per_month,
            &NumberField::new(
                "Referrals",
                "children / month",
                "Referrals to children's social care in the first month. Default 450: England's 650,900 a year (DfE, 2018-19) for a council of about 100,000 children.",
                0.0..=1.0e7,
            )
            .decimals(0),
            at("referrals_per_month"),
        );
        number_row(
            ui,
            &mut demand.referral_growth_percent_per_year,
            &NumberField::new(
                "Growth",
                "% a year",
                "Yearly growth of referrals, compounded monthly. Gloucestershire saw +17% in a year. Default 2%: an assumption.",
                -50.0..=100.0,
            ),
            at("referral_growth_percent_per_year"),
        );
    });
    ui.separator();
    ui.label("What referrals lead to (must add up to 100%)");
    let outcomes = &mut demand.referral_outcomes;
    Grid::new("demand_outcomes").num_columns(3).show(ui, |ui| {
        let source = "Default from England's 2018-19 flows (DfE): 38% no further action, 52% child in need, 7% child protection plan, 3% into care.";
        for (label, value, field) in [
            ("No further action", &mut outcomes.no_further_action_percent, "no_further_action_percent"),
            ("Child in need", &mut outcomes.child_in_need_percent, "child_in_need_percent"),
            ("Child protection plan", &mut outcomes.child_protection_percent, "child_protection_percent"),
            ("Into care", &mut outcomes.into_care_percent, "into_care_percent"),
        ] {
            number_row(
                ui,
                value,
                &NumberField::new(label, "% of referrals", source, 0.0..=100.0),
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
        let stock = |label, help| NumberField::new(label, "children", help, 0.0..=1.0e7).decimals(0);
        number_row(
            ui,
            &mut demand.children_in_need,
            &stock("Children in need (CIN)", "Open child-in-need cases. Default 2,250: England's rate of about 270 per 10,000 children."),
            at("children_in_need"),
        );
        number_row(
            ui,
            &mut demand.child_protection,
            &stock("Child protection plans (CP)", "Children on a child protection plan. Default 440: England's 44 per 10,000 (2019)."),
            at("child_protection"),
        );
        number_row(
            ui,
            &mut demand.looked_after,
            &stock("Children in care (LAC)", "Looked-after children. Default 650: England's 65 per 10,000 (31 March 2019)."),
            at("looked_after"),
        );
        number_row(
            ui,
            &mut demand.care_leavers,
            &stock("Care leavers", "Care leavers the service supports. Default 300: assumption."),
            at("care_leavers"),
        );
    });
    ui.separator();
    ui.label("How long cases last, and how they move");
    Grid::new("demand_durations").num_columns(3).show(ui, |ui| {
        let duration = |label, help| NumberField::new(label, "months", help, 1.0..=1200.0);
        number_row(
            ui,
            &mut demand.child_in_need_months,
            &duration("Child in need", "Mean time a child-in-need case stays open; cases close at 1 / this each month. Default 9: set so England's stocks are steady."),
            at("child_in_need_months"),
        );
        number_row(
            ui,
            &mut demand.child_protection_months,
            &duration("Child protection plan", "Mean length of a plan. Default 9."),
            at("child_protection_months"),
        );
        number_row(
            ui,
            &mut demand.looked_after_months,
            &duration("In care", "Mean time in care. Default 30: England's 78,150 children in care and 29,500 leaving a year (2018-19)."),
            at("looked_after_months"),
        );
        number_row(
            ui,
            &mut demand.care_leaver_months,
            &duration("Care leaver support", "Mean time a care leaver is supported. Default 36: assumption."),
            at("care_leaver_months"),
        );
        let share = |label, unit, help| NumberField::new(label, unit, help, 0.0..=100.0);
        number_row(
            ui,
            &mut demand.child_in_need_to_protection_percent_per_month,
            &share("CIN stepping up to CP", "% of CIN / month", "Child-in-need cases moving to a child protection plan each month. Default 1%: assumption."),
            at("child_in_need_to_protection_percent_per_month"),
        );
        number_row(
            ui,
            &mut demand.protection_to_care_percent_per_month,
            &share("CP entering care", "% of CP / month", "Children on a plan entering care each month. Default 1.5%: assumption."),
            at("protection_to_care_percent_per_month"),
        );
        number_row(
            ui,
            &mut demand.protection_step_down_percent,
            &share("Plans stepping down to CIN", "% of plans ending", "Plans that end with a step down to a child-in-need case. Default 60%: assumption."),
            at("protection_step_down_percent"),
        );
        number_row(
            ui,
            &mut demand.care_leaver_percent,
            &share("Leaving care as care leavers", "% of leavers", "Children leaving care who become supported care leavers. Default 30%: assumption."),
            at("care_leaver_percent"),
        );
    });
    ui.separator();
    ui.label("How much each case counts on a caseload");
    Grid::new("demand_weights").num_columns(3).show(ui, |ui| {
        let weights = &mut demand.case_weights;
        for (label, value, field, help) in [
            (
                "Child in need",
                &mut weights.child_in_need,
                "child_in_need",
                "Default 1.",
            ),
            (
                "Child protection",
                &mut weights.child_protection,
                "child_protection",
                "Default 1. A plan can count for more than a CIN case.",
            ),
            (
                "Looked after",
                &mut weights.looked_after,
                "looked_after",
                "Default 1.",
            ),
            (
                "Care leaver",
                &mut weights.care_leaver,
                "care_leaver",
                "Default 0: care leavers are usually held by personal advisers.",
            ),
        ] {
            number_row(
                ui,
                value,
                &NumberField::new(label, "cases", help, 0.0..=10.0).decimals(2),
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
                    &NumberField::new(
                        month,
                        "× the average month",
                        "Referrals in this month relative to an average month.",
                        0.0..=12.0,
                    )
                    .decimals(2),
                )
                .labelled_by(label.id);
                if index % 6 == 5 {
                    ui.end_row();
                }
            }
        });
    }
}
