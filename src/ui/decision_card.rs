//! The decision card in the window: the plan against the baseline in plain
//! sentences, each marked better or worse in words and in colour.

use egui::{Color32, Frame, RichText, Ui, Visuals};

use super::theme;
use crate::compare::{DecisionSummary, Verdict};

/// Room for the longest topic and verdict, "Children in care: no change".
const TOPIC_WIDTH: f32 = 210.0;

/// Green for better, red for worse, the text colour for no change.
pub fn verdict_colour(visuals: &Visuals, verdict: Verdict) -> Color32 {
    let colours = theme::status_colours(visuals);
    match verdict {
        Verdict::Better => colours.good,
        Verdict::Worse => colours.bad,
        Verdict::Same => visuals.text_color(),
    }
}

/// The card: its title, then one line per point: a coloured word ("better",
/// "worse", "no change") and the sentence.
pub fn decision_card_ui(ui: &mut Ui, card: &DecisionSummary) {
    let visuals = ui.visuals().clone();
    Frame::group(ui.style())
        .fill(visuals.faint_bg_color)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(card.title()).strong().size(16.0));
            // Side by side when there is room for a readable sentence, else the
            // topic above its sentence.
            let side_by_side = ui.available_width() >= TOPIC_WIDTH + 420.0;
            for line in &card.lines {
                let colour = verdict_colour(&visuals, line.verdict);
                let topic = egui::Label::new(
                    RichText::new(format!("{}: {}", line.topic, line.verdict.word()))
                        .strong()
                        .color(colour),
                );
                let sentence = egui::Label::new(RichText::new(&line.sentence).size(14.0)).wrap();
                if side_by_side {
                    ui.horizontal_top(|ui| {
                        ui.allocate_ui_with_layout(
                            egui::vec2(TOPIC_WIDTH, 18.0),
                            egui::Layout::left_to_right(egui::Align::Min),
                            |ui| {
                                ui.set_min_width(TOPIC_WIDTH);
                                ui.add(topic);
                            },
                        );
                        ui.add(sentence);
                    });
                } else {
                    ui.add(topic);
                    ui.add(sentence);
                }
            }
        });
}
