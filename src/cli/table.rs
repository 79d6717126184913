//! Plain-text tables for the terminal: a header row, left-aligned first column,
//! right-aligned figures.

pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
    /// How many columns from the left hold words (left-aligned); the rest are
    /// figures (right-aligned).
    text_columns: usize,
}

impl Table {
    pub fn new(header: &[&str]) -> Self {
        Self {
            header: header.iter().map(|cell| (*cell).to_owned()).collect(),
            rows: Vec::new(),
            text_columns: 1,
        }
    }

    /// Left-aligns the first `count` columns.
    pub fn text_columns(mut self, count: usize) -> Self {
        self.text_columns = count;
        self
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn render(&self) -> String {
        let columns = self.header.len();
        let mut widths: Vec<usize> = self
            .header
            .iter()
            .map(|cell| cell.chars().count())
            .collect();
        for row in &self.rows {
            for (index, cell) in row.iter().enumerate().take(columns) {
                widths[index] = widths[index].max(cell.chars().count());
            }
        }
        let mut text = String::new();
        for row in std::iter::once(&self.header).chain(&self.rows) {
            let mut line = String::new();
            for (index, width) in widths.iter().enumerate() {
                let cell = row.get(index).map_or("", String::as_str);
                let padding = width.saturating_sub(cell.chars().count());
                if index > 0 {
                    line.push_str("  ");
                }
                if index < self.text_columns {
                    line.push_str(cell);
                    line.push_str(&" ".repeat(padding));
                } else {
                    line.push_str(&" ".repeat(padding));
                    line.push_str(cell);
                }
            }
            text.push_str(line.trim_end());
            text.push('\n');
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_columns() {
        let mut table = Table::new(&["Year", "Spend"]);
        table.row(vec!["2019-20".to_owned(), "£7.7m".to_owned()]);
        table.row(vec!["2020-21".to_owned(), "£48,100".to_owned()]);
        assert_eq!(
            table.render(),
            "Year       Spend\n2019-20    £7.7m\n2020-21  £48,100\n"
        );
    }
}
