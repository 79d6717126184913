//! Risk in the window: the Monte Carlo strip under the headline, "What does it
//! take?" and the sensitivity (tornado) chart. These draw the risk state and
//! edit its forms; starting, cancelling and applying work are commands, carried
//! out at the end of the frame, and results come computed, never projected here.

use egui::{ComboBox, Context, DragValue, Grid, ProgressBar, RichText, Ui};
use egui_plot::{Bar, BarChart, Plot, VLine};

use super::editor::fields::month_input;
use super::{accessible_label, theme};
use crate::model::{FinancialYear, Scenario};
use crate::sim::sensitivity::Output;
use crate::units;
use crate::workspace::Command;
use crate::workspace::risk::{LeverKind, RiskState, TargetKind, current};

/// The Monte Carlo line under the headline: progress while it runs, then the
/// chances and the spread of total spend.
pub fn risk_strip_ui(
    ui: &mut Ui,
    risk: &mut RiskState,
    scenario: &Scenario,
    commands: &mut Vec<Command>,
) {
    if scenario.uncertainty.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Uncertainty").strong())
            .on_hover_text("Inputs with ranges are drawn at random; the bands on the charts hold 50% and 90% of the draws.");
        let draws = ui.add(DragValue::new(&mut risk.draws).range(100..=20_000).speed(10.0).suffix(" draws"));
        accessible_label(&draws, "Monte Carlo draws");
        let seed = ui.add(DragValue::new(&mut risk.seed).range(0..=u64::MAX).prefix("seed "));
        accessible_label(&seed, "Monte Carlo seed");
        if let Some(job) = &risk.monte_carlo_job {
            ui.add(ProgressBar::new(job.progress()).desired_width(160.0).show_percentage());
            if ui.button("Cancel").clicked() {
                commands.push(Command::CancelMonteCarlo);
            }
        }
        match current(&risk.monte_carlo, scenario) {
            Some(run) if run.draws == risk.draws && run.seed == risk.seed => {
                let colours = theme::status_colours(ui.visuals());
                ui.label(format!(
                    "Total spend P10 {} · P50 {} · P90 {}.",
                    units::gbp(run.total_spend.p10),
                    units::gbp(run.total_spend.p50),
                    units::gbp(run.total_spend.p90)
                ));
                if let (Some(month), Some(chance)) = (run.months.last(), run.over_cap_probability.last()) {
                    let text = format!("Chance caseloads exceed the cap in {}: {}.", month.label(), units::percent(*chance, 0));
                    ui.label(RichText::new(text).color(if *chance > 0.5 { colours.bad } else { colours.good }));
                }
                for (year, chance) in &run.overspend_probability {
                    let text = format!("Chance of an overspend in {}: {}.", year.label(), units::percent(*chance, 0));
                    ui.label(RichText::new(text).color(if *chance > 0.5 { colours.bad } else { colours.good }));
                }
            }
            _ if risk.is_cancelled(scenario) => {
                ui.weak("Draws cancelled.");
                if ui.button("Run the draws").clicked() {
                    commands.push(Command::ResumeMonteCarlo);
                }
            }
            _ if risk.monte_carlo_job.is_none() => {
                ui.weak("Fix the flagged inputs to run the draws.");
            }
            _ => {}
        }
    });
}

/// "What does it take?": the smallest lever value that meets a target. The form
/// is filled in when the window is opened (`Command::ShowGoalSeek`).
pub fn goal_window(
    ctx: &Context,
    risk: &mut RiskState,
    scenario: &Scenario,
    commands: &mut Vec<Command>,
) {
    let mut open = risk.goal_open;
    egui::Window::new("What does it take?")
        .open(&mut open)
        .default_width(520.0)
        // Over the charts, beside the headline's button, not over the editor.
        .pivot(egui::Align2::RIGHT_TOP)
        .default_pos(right_top(ctx))
        .show(ctx, |ui| {
            let Some(form) = risk.goal.as_mut() else {
                return;
            };
            Grid::new("goal_grid").num_columns(2).show(ui, |ui| {
                let label = ui.label("Target");
                ComboBox::from_id_salt("goal_target")
                    .selected_text(form.target.label())
                    .show_ui(ui, |ui| {
                        for kind in TargetKind::ALL {
                            ui.selectable_value(&mut form.target, kind, kind.label());
                        }
                    })
                    .response
                    .labelled_by(label.id)
                    .on_hover_text(
                        "Over cap: more cases than the staff can hold at their caps, the \
                         measure the headline counts. Caseload targets must hold in every \
                         month from the month given to the end of the projection.",
                    );
                ui.end_row();
                if form.target.has_value() {
                    let label = ui.label("Value");
                    ui.add(DragValue::new(&mut form.target_value).speed(0.5))
                        .labelled_by(label.id);
                    ui.end_row();
                }
                if form.target == TargetKind::Overspend {
                    let label = ui.label("Financial year");
                    ui.add(
                        DragValue::new(&mut form.in_year.0)
                            .range(scenario.start.year() - 1..=scenario.end().year())
                            .custom_formatter(|year, _| FinancialYear(year as i32).label()),
                    )
                    .labelled_by(label.id);
                } else {
                    ui.label(form.target.month_label());
                    month_input(
                        ui,
                        "goal_by",
                        &mut form.by_month,
                        match form.target {
                            TargetKind::ChildrenInCare => "The month by whose end the target must hold.",
                            _ => "The target must hold in this month and every month after it to the end of the projection.",
                        },
                    );
                }
                ui.end_row();
                let label = ui.label("Lever");
                ComboBox::from_id_salt("goal_lever")
                    .selected_text(match form.lever {
                        LeverKind::ExtraStaff => "Extra staff (FTE)",
                        LeverKind::EarlyHelp => "Early help (£1,000 a year)",
                        LeverKind::ContractedTeam => "Contracted team (cases)",
                        LeverKind::CaseloadCap => "Caseload cap (cases per FTE)",
                    })
                    .show_ui(ui, |ui| {
                        ui.selectable_value(
                            &mut form.lever,
                            LeverKind::ExtraStaff,
                            "Extra staff (FTE)",
                        );
                        ui.selectable_value(
                            &mut form.lever,
                            LeverKind::EarlyHelp,
                            "Early help (£1,000 a year)",
                        );
                        ui.selectable_value(
                            &mut form.lever,
                            LeverKind::ContractedTeam,
                            "Contracted team (cases)",
                        );
                        ui.selectable_value(
                            &mut form.lever,
                            LeverKind::CaseloadCap,
                            "Caseload cap (cases per FTE)",
                        );
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
                if matches!(form.lever, LeverKind::ExtraStaff | LeverKind::CaseloadCap) {
                    let label = ui.label("Staff group");
                    let chosen = scenario.group_index(&form.group).map_or_else(
                        || form.group.clone(),
                        |index| scenario.staff[index].name.clone(),
                    );
                    ComboBox::from_id_salt("goal_group")
                        .selected_text(chosen)
                        .show_ui(ui, |ui| {
                            for group in scenario.staff.iter().filter(|group| !group.agency) {
                                ui.selectable_value(&mut form.group, group.id.clone(), &group.name);
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                }
                ui.label("From");
                month_input(
                    ui,
                    "goal_from",
                    &mut form.from,
                    "The month the lever starts.",
                );
                ui.end_row();
                match form.lever {
                    LeverKind::EarlyHelp => {
                        let label = ui.label("Cut per £1m a year (referrals, care entries, %)");
                        ui.horizontal(|ui| {
                            ui.add(
                                DragValue::new(&mut form.referral_cut_per_million)
                                    .range(0.0..=100.0)
                                    .speed(0.1),
                            )
                            .labelled_by(label.id);
                            ui.add(
                                DragValue::new(&mut form.care_entry_cut_per_million)
                                    .range(0.0..=100.0)
                                    .speed(0.1),
                            );
                        });
                        ui.end_row();
                        ui.label("Effect after");
                        ui.add(
                            DragValue::new(&mut form.lag_months)
                                .range(0..=60)
                                .suffix(" months"),
                        );
                        ui.end_row();
                    }
                    LeverKind::ContractedTeam => {
                        ui.label("For");
                        ui.add(
                            DragValue::new(&mut form.team_months)
                                .range(1..=120)
                                .suffix(" months"),
                        );
                        ui.end_row();
                        ui.label("Cost per case per month (£)");
                        ui.add(
                            DragValue::new(&mut form.cost_per_case_month_gbp)
                                .range(0.0..=100_000.0),
                        );
                        ui.end_row();
                    }
                    LeverKind::ExtraStaff | LeverKind::CaseloadCap => {}
                }
                let mut sure = form.confidence.is_some();
                let checkbox = ui.checkbox(&mut sure, "Hold in at least");
                accessible_label(&checkbox, "Hold in a share of the draws");
                if checkbox.changed() {
                    form.confidence = sure.then_some(0.9);
                }
                match &mut form.confidence {
                    Some(share) => {
                        let mut percent = *share * 100.0;
                        let input = ui.add(
                            DragValue::new(&mut percent)
                                .range(1.0..=100.0)
                                .suffix("% of draws"),
                        );
                        accessible_label(&input, "Share of draws");
                        *share = percent / 100.0;
                    }
                    None => {
                        ui.weak(
                            "the most likely projection (tick to ask for a share of the draws)",
                        );
                    }
                }
                ui.end_row();
            });
            ui.horizontal(|ui| {
                if ui.button("Find the smallest").clicked() {
                    commands.push(Command::StartGoalSeek);
                }
                if let Some(job) = &risk.goal_job {
                    ui.add(
                        ProgressBar::new(job.progress())
                            .desired_width(160.0)
                            .text("Searching…"),
                    );
                    if ui.button("Cancel").clicked() {
                        commands.push(Command::CancelGoalSeek);
                    }
                }
            });
            if let Some(answer) = current(&risk.goal_answer, scenario) {
                ui.separator();
                match &answer.result {
                    Ok(_) if !answer.changes_something() => {
                        ui.label(
                            RichText::new("The scenario meets the target already: nothing to add.")
                                .strong(),
                        );
                        ui.label(format!("Target: {}.", answer.form.target().describe()));
                    }
                    Ok(solution) => {
                        ui.label(
                            RichText::new(format!("It takes {}.", solution.description)).strong(),
                        );
                        ui.label(format!("Target: {}.", answer.form.target().describe()));
                        extra_spend_ui(ui, &answer.extra_by_year, solution.extra_spend);
                        if ui.button("Apply to the scenario").clicked() {
                            commands.push(Command::ApplyGoalSeek);
                        }
                    }
                    Err(error) => {
                        ui.label(
                            RichText::new(format!("Not found: {error}."))
                                .color(theme::status_colours(ui.visuals()).bad),
                        );
                    }
                }
            }
        });
    risk.goal_open = open;
}

/// What an answer adds to spend, financial year by financial year and in all, as
/// a small table: a recurring cost is budgeted year by year.
fn extra_spend_ui(ui: &mut Ui, by_year: &[(FinancialYear, usize, f64)], total: f64) {
    ui.label("Extra spend it takes:");
    Grid::new("goal_extra_spend")
        .num_columns(2)
        .striped(true)
        .show(ui, |ui| {
            for (year, months, gbp) in by_year {
                ui.label(units::financial_year_covered(year.0, *months));
                ui.label(units::gbp_signed(*gbp));
                ui.end_row();
            }
            ui.label(RichText::new("In all").strong());
            ui.label(RichText::new(units::gbp_signed(total)).strong());
            ui.end_row();
        });
}

/// The tornado chart: the swing each input causes in a chosen figure, as ranked
/// in the background for the scenario as it is.
pub fn sensitivity_window(
    ctx: &Context,
    risk: &mut RiskState,
    scenario: &Scenario,
    commands: &mut Vec<Command>,
) {
    let mut open = risk.sensitivity_open;
    egui::Window::new("Sensitivity")
        .open(&mut open)
        .default_size([640.0, 520.0])
        .pivot(egui::Align2::RIGHT_TOP)
        .default_pos(right_top(ctx))
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                let label = ui.label("Figure:");
                ComboBox::from_id_salt("sensitivity_output")
                    .selected_text(risk.output.label())
                    .show_ui(ui, |ui| {
                        for output in Output::ALL {
                            ui.selectable_value(&mut risk.output, output, output.label());
                        }
                    })
                    .response
                    .labelled_by(label.id);
                if ui.button("Rank the inputs").clicked() {
                    commands.push(Command::StartSensitivity);
                }
                if let Some(job) = &risk.tornado_job {
                    ui.add(ProgressBar::new(job.progress()).desired_width(160.0).show_percentage());
                    if ui.button("Cancel").clicked() {
                        commands.push(Command::CancelSensitivity);
                    }
                }
            });
            ui.weak("Each input moved across its range, or 10% either way where it has none; largest swing first.");
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("Blue: input at its low value").color(theme::series_colour(0)));
                ui.label(RichText::new("Orange: input at its high value").color(theme::series_colour(4)));
                ui.label("Line: the scenario as it stands");
            });
            let Some(tornado) = current(&risk.tornado, scenario) else {
                return;
            };
            super::copy_table::copy_button(ui, "the ranking of inputs", || {
                super::sensitivity_table::sensitivity_rows(tornado)
            });
            let (output, base, swings) = (tornado.output, tornado.base, &tornado.swings);
            let measure = output.measure();
            let shown: Vec<_> = swings.iter().take(15).collect();
            let names: Vec<String> = shown.iter().map(|swing| swing.name.clone()).collect();
            let mut low_bars = Vec::new();
            let mut high_bars = Vec::new();
            for (rank, swing) in shown.iter().enumerate() {
                let position = (shown.len() - rank) as f64;
                low_bars.push(
                    Bar::new(position, swing.at_low - base)
                        .base_offset(base)
                        .width(0.7)
                        .name(format!("{}: low {}", swing.name, units::thousands(swing.low_input, 2))),
                );
                high_bars.push(
                    Bar::new(position, swing.at_high - base)
                        .base_offset(base)
                        .width(0.7)
                        .name(format!("{}: high {}", swing.name, units::thousands(swing.high_input, 2))),
                );
            }
            let count = shown.len();
            let names_for_axis = names.clone();
            Plot::new("tornado")
                .height(ui.available_height().max(300.0))
                .y_axis_formatter(move |mark, _| {
                    let index = mark.value.round();
                    if (mark.value - index).abs() < 1e-6 && index >= 1.0 && (index as usize) <= count {
                        names_for_axis[count - index as usize].clone()
                    } else {
                        String::new()
                    }
                })
                .y_axis_min_width(260.0)
                .x_axis_label(output.label())
                .x_axis_formatter(move |mark, _| measure.format(Some(mark.value)))
                .y_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 1.0, 1.0]))
                .allow_scroll(false)
                .show(ui, |plot_ui| {
                    let formatter = move |bar: &Bar, _: &BarChart| format!("{}\n{}", bar.name, measure.format(Some(bar.value + base)));
                    plot_ui.bar_chart(BarChart::new("Input at its low value", low_bars).horizontal().color(theme::series_colour(0)).element_formatter(Box::new(formatter)));
                    plot_ui.bar_chart(BarChart::new("Input at its high value", high_bars).horizontal().color(theme::series_colour(4)).element_formatter(Box::new(formatter)));
                    plot_ui.vline(VLine::new("As the scenario stands", base).color(theme::reference_colour(&plot_ui.ctx().global_style().visuals)));
                });
        });
    risk.sensitivity_open = open;
}

/// Where a risk window first opens: the top right of the window, below the menu
/// and the tabs, so it covers charts rather than the inputs being changed.
fn right_top(ctx: &Context) -> egui::Pos2 {
    let content = ctx.content_rect();
    egui::pos2(content.right() - 16.0, content.top() + 64.0)
}
