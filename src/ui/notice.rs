//! Notices that need no answer: shown where they are seen, without stopping work.

use egui::RichText;

use super::theme;

/// A strip across the window saying that unsaved changes will not survive a
/// crash, and why. Returns true when the person dismisses it.
pub fn recovery_notice_ui(ui: &mut egui::Ui, why: &str) -> bool {
    let colour = theme::status_colours(ui.visuals()).warning;
    let mut dismissed = false;
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!("Save often: {why}."))
                .color(colour)
                .strong(),
        );
        dismissed = ui.button("Dismiss").clicked();
    });
    dismissed
}

/// The lasting reminder in the status bar, with the reason on hover.
pub fn recovery_status_ui(ui: &mut egui::Ui, why: &str) {
    let colour = theme::status_colours(ui.visuals()).warning;
    ui.label(RichText::new("No recovery copies").color(colour))
        .on_hover_text(format!("Unsaved changes are not copied: {why}."));
}
