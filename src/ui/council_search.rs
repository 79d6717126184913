//! The councils matching what is typed in a search box, as buttons to choose one:
//! shared by File > New from council… and Councils > How we compare….

use egui::Ui;

use crate::published;

/// Most councils listed under a search box at once.
const MOST_MATCHES: usize = 8;

/// Lists the councils whose name or code contains `search`, while it is not the
/// name of the council already `chosen` (an ONS code); returns the code of the one
/// clicked.
pub fn council_matches_ui(ui: &mut Ui, search: &str, chosen: Option<&str>) -> Option<String> {
    let already = chosen
        .and_then(published::by_code)
        .is_some_and(|council| council.name == search);
    if already || search.trim().is_empty() {
        return None;
    }
    let matches = published::search(search);
    if matches.is_empty() {
        ui.label(format!(
            "No council's name or code contains \"{}\".",
            search.trim()
        ));
        return None;
    }
    let mut clicked = None;
    ui.horizontal_wrapped(|ui| {
        for council in matches.iter().take(MOST_MATCHES) {
            if ui.button(&council.name).clicked() {
                clicked = Some(council.code.clone());
            }
        }
        if matches.len() > MOST_MATCHES {
            ui.label(format!("and {} more", matches.len() - MOST_MATCHES));
        }
    });
    clicked
}
