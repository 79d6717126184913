//! Help > How the model works: the model guide (assets/how-the-model-works.md)
//! shown in a window. A small reader for the few Markdown forms the guide uses:
//! headings, paragraphs, bullets, indented formulas and tables.

use egui::{Grid, RichText, ScrollArea, Ui};

pub const MODEL_GUIDE: &str = include_str!("../../assets/how-the-model-works.md");

/// A piece of the guide, as drawn.
#[derive(Debug, PartialEq)]
enum Block {
    Title(String),
    Heading(String),
    Paragraph(String),
    Bullet(String),
    Formula(String),
    Table(Vec<Vec<String>>),
}

/// Splits the guide into blocks; lines of one paragraph or bullet are joined.
fn blocks(text: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut open_text = false;
    for line in text.lines() {
        let continues_text = open_text && !line.trim().is_empty();
        if let Some(title) = line.strip_prefix("# ") {
            blocks.push(Block::Title(title.to_owned()));
        } else if let Some(heading) = line.strip_prefix("## ") {
            blocks.push(Block::Heading(heading.to_owned()));
        } else if let Some(formula) = line.strip_prefix("    ") {
            blocks.push(Block::Formula(formula.to_owned()));
        } else if let Some(item) = line.strip_prefix("- ") {
            blocks.push(Block::Bullet(plain(item)));
        } else if line.starts_with('|') {
            let cells: Vec<String> = line
                .trim()
                .trim_matches('|')
                .split('|')
                .map(|cell| plain(cell.trim()))
                .collect();
            let separator = cells.iter().all(|cell| cell.chars().all(|c| c == '-'));
            match blocks.last_mut() {
                Some(Block::Table(rows)) if !separator => rows.push(cells),
                Some(Block::Table(_)) => {}
                _ => blocks.push(Block::Table(vec![cells])),
            }
        } else if continues_text {
            if let Some(Block::Paragraph(text) | Block::Bullet(text)) = blocks.last_mut() {
                text.push(' ');
                text.push_str(&plain(line.trim()));
            }
        } else if !line.trim().is_empty() {
            blocks.push(Block::Paragraph(plain(line)));
        }
        open_text = matches!(blocks.last(), Some(Block::Paragraph(_) | Block::Bullet(_)))
            && !line.trim().is_empty();
    }
    blocks
}

/// Drops Markdown emphasis and code marks.
fn plain(text: &str) -> String {
    text.replace("**", "").replace(['*', '`'], "")
}

pub fn model_guide_ui(ui: &mut Ui) {
    ScrollArea::vertical().show(ui, |ui| {
        ui.set_max_width(720.0);
        for (index, block) in blocks(MODEL_GUIDE).into_iter().enumerate() {
            match block {
                Block::Title(title) => {
                    ui.heading(title);
                }
                Block::Heading(heading) => {
                    ui.add_space(10.0);
                    ui.label(RichText::new(heading).strong().size(17.0));
                }
                Block::Paragraph(text) => {
                    ui.add_space(4.0);
                    ui.label(text);
                }
                Block::Bullet(text) => {
                    ui.horizontal_top(|ui| {
                        ui.label("•");
                        ui.label(text);
                    });
                }
                Block::Formula(formula) => {
                    ui.label(RichText::new(formula).monospace());
                }
                Block::Table(rows) => {
                    ui.add_space(4.0);
                    Grid::new(("guide_table", index))
                        .striped(true)
                        .show(ui, |ui| {
                            for (row_index, row) in rows.iter().enumerate() {
                                for cell in row {
                                    if row_index == 0 {
                                        ui.label(RichText::new(cell).strong());
                                    } else {
                                        ui.label(cell);
                                    }
                                }
                                ui.end_row();
                            }
                        });
                }
            }
        }
    });
}

/// Help > About: the program, its version, what it does, and the line the Open
/// Government Licence asks for wherever the councils' published figures are used.
pub fn about_ui(ui: &mut Ui) {
    ui.set_max_width(460.0);
    ui.heading("Caseload");
    ui.label(format!("Version {}", env!("CARGO_PKG_VERSION")));
    ui.add_space(6.0);
    ui.label(
        "Plans children's social care for English councils: demand, social workers, \
         caseloads and cost, month by month.",
    );
    ui.add_space(6.0);
    ui.label(format!(
        "Published figures for {} councils (DfE, ONS, MHCLG, Ofsted) ship inside it.",
        crate::published::councils().len()
    ));
    ui.label(crate::published::LICENCE);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_bullets_are_joined_and_tables_split_into_cells() {
        let text = "# Title\n\nOne line\nand the next.\n\n- A bullet\n  that goes on.\n\n    x = y\n\n| a | b |\n|---|---|\n| **1** | `2` |\n";
        assert_eq!(
            blocks(text),
            vec![
                Block::Title("Title".to_owned()),
                Block::Paragraph("One line and the next.".to_owned()),
                Block::Bullet("A bullet that goes on.".to_owned()),
                Block::Formula("x = y".to_owned()),
                Block::Table(vec![
                    vec!["a".to_owned(), "b".to_owned()],
                    vec!["1".to_owned(), "2".to_owned()],
                ]),
            ]
        );
    }

    #[test]
    fn the_guide_covers_every_part_of_the_model() {
        let headings: Vec<String> = blocks(MODEL_GUIDE)
            .into_iter()
            .filter_map(|block| match block {
                Block::Heading(heading) => Some(heading),
                _ => None,
            })
            .collect();
        for part in [
            "Demand",
            "Workload",
            "Workforce",
            "Money",
            "Interventions",
            "defaults",
        ] {
            assert!(
                headings.iter().any(|heading| heading.contains(part)),
                "{part}: {headings:?}"
            );
        }
    }
}
