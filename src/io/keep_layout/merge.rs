//! Which values changed: the scenario as it was and as it is, both in the
//! canonical layout, compared value by value and matched to the file's own values.

use super::super::syntax::{Entry, Group, Node, Shape};

/// The name an item of a list goes by, if it has one: a staff group's id, an
/// intervention's label, a budget's year, a grant's name.
fn item_name<'t>(text: &'t str, item: &Node) -> Option<&'t str> {
    let Shape::Group(group) = &item.shape else {
        return None;
    };
    group.entries.iter().find_map(|entry| {
        let named = matches!(entry.key.as_deref(), Some("id" | "label" | "year" | "name"));
        (named && matches!(entry.value.shape, Shape::Leaf)).then(|| &text[entry.value.span.clone()])
    })
}

/// Strips a `Some( )` around a value.
fn inside_some(node: &Node) -> &Node {
    match &node.shape {
        Shape::Some(inner) => inside_some(inner),
        _ => node,
    }
}

/// One entry of a group as it will be written.
pub(super) enum Piece<'n> {
    /// Entry `index` of the file's group, its text with any edits.
    Kept {
        index: usize,
        key: Option<&'n str>,
        text: String,
    },
    /// An entry that is new, written from the canonical text.
    New {
        key: Option<&'n str>,
        value: &'n Node,
    },
}

impl Piece<'_> {
    fn key(&self) -> Option<&str> {
        match self {
            Piece::Kept { key, .. } | Piece::New { key, .. } => *key,
        }
    }
}

/// Compares the scenario as it was (`before`) with as it is (`after`), both in
/// the canonical layout, and writes the changes into the file's own text.
pub(super) struct Merger<'t> {
    pub file: &'t str,
    pub before: &'t str,
    pub after: &'t str,
    /// One step of the file's indentation.
    pub unit: String,
}

impl Merger<'_> {
    /// The text for `file` (a value of the file, written as `was` in `before`)
    /// now that it is `now` (in `after`).
    pub(super) fn merge(&self, file: &Node, was: &Node, now: &Node) -> Option<String> {
        if self.before.get(was.span.clone())? == self.after.get(now.span.clone())? {
            return Some(self.file[file.span.clone()].to_owned());
        }
        let is_none = |text: &str, node: &Node| &text[node.span.clone()] == "None";
        if is_none(self.before, was) || is_none(self.after, now) {
            return Some(self.replacement(file, now));
        }
        let (file, was, now) = (inside_some(file), inside_some(was), inside_some(now));
        let (Shape::Group(in_file), Shape::Group(group_was), Shape::Group(group_now)) =
            (&file.shape, &was.shape, &now.shape)
        else {
            return Some(self.replacement(file, now));
        };
        let name = |text: &str, group: &Group| group.name.clone().map(|name| text[name].to_owned());
        if group_was.bracket != group_now.bracket
            || name(self.before, group_was) != name(self.after, group_now)
        {
            return Some(self.replacement(file, now));
        }
        // The file must write the same kind of group as the canonical text.
        if in_file.bracket != group_was.bracket
            || (group_was.name.is_some()
                && name(self.file, in_file) != name(self.before, group_was))
        {
            return None;
        }
        let pieces = if group_was.has_keys() || group_now.has_keys() {
            self.merge_fields(in_file, group_was, group_now)?
        } else {
            if in_file.has_keys() || in_file.entries.len() != group_was.entries.len() {
                return None;
            }
            if in_file.entries.is_empty() {
                return Some(self.replacement(file, now));
            }
            self.merge_items(in_file, group_was, group_now)?
        };
        self.write_group(file, in_file, pieces)
    }

    /// The fields of a struct: kept in the file's order, those removed left out,
    /// new ones after the field they follow in the canonical order.
    pub(super) fn merge_fields<'n>(
        &self,
        in_file: &Group,
        was: &Group,
        now: &'n Group,
    ) -> Option<Vec<Piece<'n>>> {
        let field = |group: &'n Group, key: &str| -> Option<&'n Entry> {
            group
                .entries
                .iter()
                .find(|entry| entry.key.as_deref() == Some(key))
        };
        let mut pieces = Vec::new();
        for (index, entry) in in_file.entries.iter().enumerate() {
            let key = entry.key.as_deref()?;
            if in_file.entries[..index]
                .iter()
                .any(|earlier| earlier.key.as_deref() == Some(key))
            {
                return None;
            }
            let before_value = self.file.get(entry.span.start..entry.value.span.start)?;
            let was_entry = was
                .entries
                .iter()
                .find(|candidate| candidate.key.as_deref() == Some(key));
            let Some(now_entry) = field(now, key) else {
                if was_entry.is_some() {
                    continue; // removed
                }
                // Written in the file where the canonical layout leaves it out.
                pieces.push(Piece::Kept {
                    index,
                    key: None,
                    text: self.file[entry.span.clone()].to_owned(),
                });
                continue;
            };
            let value = match was_entry {
                Some(was_entry) => self.merge(&entry.value, &was_entry.value, &now_entry.value)?,
                None => self.replacement(&entry.value, &now_entry.value),
            };
            pieces.push(Piece::Kept {
                index,
                key: now_entry.key.as_deref(),
                text: format!("{before_value}{value}"),
            });
        }
        for (position, now_entry) in now.entries.iter().enumerate() {
            let key = now_entry.key.as_deref()?;
            if in_file
                .entries
                .iter()
                .any(|entry| entry.key.as_deref() == Some(key))
            {
                continue; // written in the file: merged above
            }
            // Left out of the file, and still what it was: stays left out.
            if let Some(was_entry) = was
                .entries
                .iter()
                .find(|entry| entry.key.as_deref() == Some(key))
                && self.before.get(was_entry.value.span.clone())?
                    == self.after.get(now_entry.value.span.clone())?
            {
                continue;
            }
            let after_index = now.entries[..position].iter().rev().find_map(|earlier| {
                pieces.iter().position(|piece| {
                    piece.key().is_some() && piece.key() == earlier.key.as_deref()
                })
            });
            let at = after_index.map_or(0, |index| index + 1);
            pieces.insert(
                at,
                Piece::New {
                    key: Some(key),
                    value: &now_entry.value,
                },
            );
        }
        Some(pieces)
    }

    /// The items of a list in their new order: each matched with the item it was,
    /// by name where items have names, else by text and position.
    pub(super) fn merge_items<'n>(
        &self,
        in_file: &Group,
        was: &Group,
        now: &'n Group,
    ) -> Option<Vec<Piece<'n>>> {
        let matches = self.match_items(was, now);
        let mut pieces = Vec::with_capacity(now.entries.len());
        for (now_entry, matched) in now.entries.iter().zip(matches) {
            pieces.push(match matched {
                Some(index) => Piece::Kept {
                    index,
                    key: None,
                    text: self.merge(
                        &in_file.entries.get(index)?.value,
                        &was.entries.get(index)?.value,
                        &now_entry.value,
                    )?,
                },
                None => Piece::New {
                    key: None,
                    value: &now_entry.value,
                },
            });
        }
        Some(pieces)
    }

    /// For each item of `now`, the item of `was` it is.
    pub(super) fn match_items(&self, was: &Group, now: &Group) -> Vec<Option<usize>> {
        let names_was: Vec<_> = was
            .entries
            .iter()
            .map(|entry| item_name(self.before, &entry.value))
            .collect();
        let names_now: Vec<_> = now
            .entries
            .iter()
            .map(|entry| item_name(self.after, &entry.value))
            .collect();
        let once = |names: &[Option<&str>], name: &str| {
            names.iter().filter(|other| **other == Some(name)).count() == 1
        };
        let mut matches: Vec<Option<usize>> = vec![None; now.entries.len()];
        let mut taken = vec![false; was.entries.len()];
        for (slot, name) in matches.iter_mut().zip(&names_now) {
            let Some(name) = name else { continue };
            if once(&names_now, name) && once(&names_was, name) {
                let index = names_was.iter().position(|other| *other == Some(*name));
                if let Some(index) = index {
                    *slot = Some(index);
                    taken[index] = true;
                }
            }
        }
        let rest_was: Vec<usize> = (0..was.entries.len()).filter(|i| !taken[*i]).collect();
        let rest_now: Vec<usize> = (0..now.entries.len())
            .filter(|j| matches[*j].is_none())
            .collect();
        let text_was = |i: usize| &self.before[was.entries[i].value.span.clone()];
        let text_now = |j: usize| &self.after[now.entries[j].value.span.clone()];
        for (a, b) in pair_in_order(&rest_was, &rest_now, |i, j| text_was(i) == text_now(j)) {
            matches[b] = Some(a);
        }
        matches
    }
}

/// Pairs the items left unmatched, in order: the same text first (the longest
/// common run, for lists of a sensible size), then what lies between pairwise.
fn pair_in_order(
    was: &[usize],
    now: &[usize],
    same: impl Fn(usize, usize) -> bool,
) -> Vec<(usize, usize)> {
    const MAX_CELLS: usize = 1_000_000;
    let mut anchors = Vec::new();
    if was.len() != now.len() && was.len().saturating_mul(now.len()) <= MAX_CELLS {
        // Longest common subsequence by dynamic programming, from the end.
        let (n, m) = (was.len(), now.len());
        let mut lengths = vec![0u32; (n + 1) * (m + 1)];
        let cell = |i: usize, j: usize| i * (m + 1) + j;
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lengths[cell(i, j)] = if same(was[i], now[j]) {
                    lengths[cell(i + 1, j + 1)] + 1
                } else {
                    lengths[cell(i + 1, j)].max(lengths[cell(i, j + 1)])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n && j < m {
            if same(was[i], now[j]) {
                anchors.push((i, j));
                i += 1;
                j += 1;
            } else if lengths[cell(i + 1, j)] >= lengths[cell(i, j + 1)] {
                i += 1;
            } else {
                j += 1;
            }
        }
    }
    anchors.push((was.len(), now.len()));
    let mut pairs = Vec::new();
    let (mut from_was, mut from_now) = (0, 0);
    for (anchor_was, anchor_now) in anchors {
        let gap = (anchor_was - from_was).min(anchor_now - from_now);
        for offset in 0..gap {
            pairs.push((was[from_was + offset], now[from_now + offset]));
        }
        if anchor_was < was.len() && anchor_now < now.len() {
            pairs.push((was[anchor_was], now[anchor_now]));
        }
        from_was = anchor_was + 1;
        from_now = anchor_now + 1;
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    pub(super) fn pairs_unchanged_items_then_the_rest_in_order() {
        let was = [0, 1, 2, 3];
        let now = [0, 1, 2];
        // Item 1 was removed: 0, 2 and 3 are the same text as now's 0, 1, 2.
        let text_was = ["a", "b", "c", "d"];
        let text_now = ["a", "c", "d"];
        let pairs = pair_in_order(&was, &now, |i, j| text_was[i] == text_now[j]);
        assert_eq!(pairs, [(0, 0), (2, 1), (3, 2)]);
        // Same length: pairwise.
        let pairs = pair_in_order(&[0, 1], &[0, 1], |_, _| false);
        assert_eq!(pairs, [(0, 0), (1, 1)]);
        // An item added between, with one edited.
        let text_now = ["a", "x", "b", "c", "e"];
        let pairs = pair_in_order(&was, &[0, 1, 2, 3, 4], |i, j| text_was[i] == text_now[j]);
        assert_eq!(pairs, [(0, 0), (1, 2), (2, 3), (3, 4)]);
    }
}
