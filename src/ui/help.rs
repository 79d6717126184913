//! Help > How the model works: the model guide (assets/how-the-model-works.md)
//! shown in a window. A small reader for the few Markdown forms the guide uses.

use egui::{Grid, RichText, ScrollArea, Ui};

pub const MODEL_GUIDE: &str = include_str!("../../assets/how-the-model-works.md");

pub fn model_guide_ui(ui: &mut Ui) {
    ScrollArea::vertical().show(ui, |ui| {
        let mut lines = MODEL_GUIDE.lines().peekable();
        let mut table_index = 0;
        while let Some(line) = lines.next() {
            if let Some(title) = line.strip_prefix("# ") {
                ui.heading(title);
            } else if let Some(title) = line.strip_prefix("## ") {
                ui.add_space(8.0);
                ui.label(RichText::new(title).strong().size(16.0));
            } else if let Some(code) = line.strip_prefix("    ") {
                ui.label(RichText::new(code).monospace());
            } else if let Some(item) = line.strip_prefix("- ") {
                ui.label(format!("• {}", plain(item)));
            } else if line.starts_with('|') {
                let mut rows = vec![line];
                while let Some(next) = lines.next_if(|next| next.starts_with('|')) {
                    rows.push(next);
                }
                table_index += 1;
                table_ui(ui, table_index, &rows);
            } else if line.trim().is_empty() {
                ui.add_space(4.0);
            } else {
                ui.label(plain(line));
            }
        }
    });
}

/// Drops Markdown emphasis and code marks.
fn plain(text: &str) -> String {
    text.replace("**", "").replace(['*', '`'], "")
}

fn table_ui(ui: &mut Ui, id: usize, rows: &[&str]) {
    let cells = |row: &str| -> Vec<String> {
        row.trim()
            .trim_matches('|')
            .split('|')
            .map(|cell| plain(cell.trim()))
            .collect()
    };
    Grid::new(("guide_table", id)).striped(true).show(ui, |ui| {
        for (index, row) in rows.iter().enumerate() {
            if row.contains("---") {
                continue;
            }
            for cell in cells(row) {
                if index == 0 {
                    ui.label(RichText::new(cell).strong());
                } else {
                    ui.label(cell);
                }
            }
            ui.end_row();
        }
    });
}
