//! Balance at the start, in the Demand section: under each starting stock, where
//! the inputs take it; under the stocks, the action that sets the durations so
//! that the start is in balance.

use egui::{RichText, Ui};

use crate::model::Scenario;
use crate::sim::balance::{self, Change, StockBalance};
use crate::workspace::Command;

/// The name of the action, as its button reads.
pub const BALANCE_THE_START: &str = "Balance the start";

/// Settle lines wrap at this width (points), to stay inside the editor at 1280
/// pixels wide (the editor is about 600 points there).
const SETTLE_LINE_WIDTH: f32 = 340.0;

/// What a settle line's tooltip says.
fn settle_help() -> String {
    format!(
        "{} A gap over {} means part of the projection's trend in this stock comes from the starting figure, not from demand.",
        balance::ASSUMPTIONS,
        crate::units::percent(balance::MATERIAL_SHARE, 0)
    )
}

/// A grid row under a stock's input: where the inputs take it, in the warning
/// colour when the gap is material. Call inside a 3-column grid.
pub fn settle_row(ui: &mut Ui, balance: &StockBalance) {
    let colours = crate::ui::theme::status_colours(ui.visuals());
    // Full size: this line is read on a projector.
    let text = RichText::new(balance.sentence());
    let text = if balance.in_balance() {
        text.color(colours.good)
    } else if balance.is_material() {
        text.color(colours.warning)
    } else {
        text.weak()
    };
    // In the last column, so that a long line widens nothing the other rows use.
    ui.label("");
    ui.label("");
    ui.allocate_ui(egui::vec2(SETTLE_LINE_WIDTH, 0.0), |ui| {
        ui.add(egui::Label::new(text).wrap())
            .on_hover_text(settle_help());
    });
    ui.end_row();
}

/// The "Balance the start" action, shown while any stock is out of balance. It
/// sets the mean durations; where a stock cannot be held by any duration, it says
/// why and that the stock's starting figure is set instead.
pub fn balance_action_ui(ui: &mut Ui, scenario: &Scenario, commands: &mut Vec<Command>) {
    if balance::all_in_balance(&balance::start_balance(scenario)) {
        return;
    }
    let balancing = balance::balancing(scenario);
    if balancing.is_empty() {
        return;
    }
    let levels: Vec<&Change> = balancing.levels().collect();
    for change in &levels {
        if let Change::Level { why, .. } = change {
            ui.label(
                RichText::new(format!("{}.", balance::capitalised(why)))
                    .small()
                    .color(crate::ui::theme::status_colours(ui.visuals()).warning),
            );
        }
    }
    let label = if levels.is_empty() {
        BALANCE_THE_START.to_owned()
    } else {
        let set: Vec<String> = levels.iter().map(|change| change.describe()).collect();
        format!("{BALANCE_THE_START}, setting {}", set.join(", "))
    };
    let changes: Vec<String> = balancing.changes.iter().map(Change::describe).collect();
    if ui
        .button(label)
        .on_hover_text(format!(
            "Sets the mean durations so that the starting stocks stay where they are with referrals at their first-month level:\n{}\n(Undo takes it back.)",
            changes.join("\n")
        ))
        .clicked()
    {
        commands.push(Command::BalanceStart);
    }
}
