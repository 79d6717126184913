//! "Copy" beside a table: the table as tab-separated text on the clipboard, which
//! a spreadsheet pastes as cells (finance officers live in Excel).

use egui::Ui;

/// Rows of cells as tab-separated lines: the header first, then each row. Tabs and
/// line breaks inside a cell become spaces, so a cell never splits.
pub fn tab_separated(rows: &[Vec<String>]) -> String {
    let mut text = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|cell| cell.replace(['\t', '\n', '\r'], " "))
            .collect();
        text.push_str(&cells.join("\t"));
        text.push('\n');
    }
    text
}

/// A "Copy" button that puts `rows()` on the clipboard when clicked; `what` names
/// the table ("the comparison table") in the hover text and in the name a screen
/// reader says ("Copy the comparison table"), as several tables may be in view.
/// The rows are built only on a click.
pub fn copy_button(ui: &mut Ui, what: &str, rows: impl FnOnce() -> Vec<Vec<String>>) {
    let response = ui.button("Copy");
    let enabled = ui.is_enabled();
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, enabled, format!("Copy {what}"))
    });
    let clicked = response
        .on_hover_text(format!(
            "Copy {what} to the clipboard, to paste into a spreadsheet as cells"
        ))
        .clicked();
    if clicked {
        ui.ctx().copy_text(tab_separated(&rows()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_tab_separated_and_never_split() {
        let rows = vec![
            vec!["Year".to_owned(), "Spend".to_owned()],
            vec!["2019-20".to_owned(), "£7.7m\tover\nbudget".to_owned()],
        ];
        assert_eq!(
            tab_separated(&rows),
            "Year\tSpend\n2019-20\t£7.7m over budget\n"
        );
    }
}
