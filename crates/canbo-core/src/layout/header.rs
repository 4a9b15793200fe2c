//! Finding the header block and reading each column's header path.

use crate::field::Field;
use crate::read::{Cell, Sheet};
use crate::text::fold;
use crate::vocab::headers::HEADERS;

/// How far down a sheet the header may start: title rows rarely take more than a dozen.
const SEARCH_ROWS: usize = 60;
/// A header cell is a label, not a paragraph.
const MAX_LABEL: usize = 80;

/// The header block: its rows and, per column, the labels from top to bottom.
#[derive(Debug, Clone)]
pub(super) struct Block {
    pub rows: Vec<usize>,
    /// Column → path of labels (group header first), duplicates and blanks removed.
    pub paths: Vec<Vec<String>>,
}

/// Fields a header row names, counted once each.
fn row_score(sheet: &Sheet, row: usize) -> usize {
    let mut seen: Vec<Field> = Vec::new();
    for cell in sheet.rows.get(row).into_iter().flatten() {
        let Cell::Text(text) = cell else { continue };
        if text.chars().count() > MAX_LABEL {
            continue;
        }
        if let Some(hit) = HEADERS.best(&fold(text)) {
            if hit.value != Field::Ignored && !seen.contains(&hit.value) {
                seen.push(hit.value);
            }
        }
    }
    seen.len()
}

fn non_empty(sheet: &Sheet, row: usize) -> Vec<(usize, &Cell)> {
    sheet
        .rows
        .get(row)
        .into_iter()
        .flatten()
        .enumerate()
        .filter(|(_, c)| !c.is_empty())
        .collect()
}

fn is_label_row(sheet: &Sheet, row: usize) -> bool {
    let cells = non_empty(sheet, row);
    !cells.is_empty()
        && cells
            .iter()
            .all(|(_, c)| matches!(c, Cell::Text(t) if t.chars().count() <= MAX_LABEL))
}

pub(super) fn find(sheet: &Sheet) -> Option<Block> {
    let limit = sheet.rows.len().min(SEARCH_ROWS);
    let (best, score) = (0..limit)
        .map(|r| (r, row_score(sheet, r)))
        .fold((0, 0), |acc, x| if x.1 > acc.1 { x } else { acc });
    if score < 2 {
        return None;
    }
    // Where the best row names the person's name and number, sub-header rows leave those
    // cells blank (they are merged down); a data or group row fills them.
    let anchor_cols: Vec<usize> = non_empty(sheet, best)
        .into_iter()
        .filter(|(_, c)| {
            c.as_text()
                .and_then(|t| HEADERS.best(&fold(t)))
                .is_some_and(|h| matches!(h.value, Field::Name | Field::Seq))
        })
        .map(|(i, _)| i)
        .collect();

    let mut start = best;
    while start > 0 && best - start < 2 && is_group_row_above(sheet, start - 1) {
        start -= 1;
    }
    let mut end = best;
    while end + 1 < sheet.rows.len()
        && end - start < 2
        && is_label_row(sheet, end + 1)
        && anchor_cols
            .iter()
            .all(|&c| sheet.cell(end + 1, c).is_empty())
    {
        end += 1;
    }
    let rows: Vec<usize> = (start..=end).collect();
    let paths = paths(sheet, &rows);
    Some(Block { rows, paths })
}

/// A row of group headers above the best row: several short labels, at least one a field.
fn is_group_row_above(sheet: &Sheet, row: usize) -> bool {
    is_label_row(sheet, row) && non_empty(sheet, row).len() >= 2 && row_score(sheet, row) >= 1
}

/// The label of a header cell, looking through merged cells to their top-left value.
fn label(sheet: &Sheet, row: usize, col: usize) -> Option<String> {
    let own = sheet.cell(row, col);
    if !own.is_empty() {
        return Some(own.display());
    }
    let merge = sheet.merges.iter().find(|m| {
        (m.first_row..=m.last_row).contains(&row) && (m.first_col..=m.last_col).contains(&col)
    })?;
    let top_left = sheet.cell(merge.first_row, merge.first_col);
    (!top_left.is_empty()).then(|| top_left.display())
}

fn paths(sheet: &Sheet, rows: &[usize]) -> Vec<Vec<String>> {
    let width = rows
        .iter()
        .map(|&r| sheet.rows.get(r).map_or(0, Vec::len))
        .max()
        .unwrap_or(0);
    let mut grid: Vec<Vec<Option<String>>> = rows
        .iter()
        .map(|&r| (0..width).map(|c| label(sheet, r, c)).collect())
        .collect();
    if sheet.merges.is_empty() {
        fill_across(&mut grid);
    }
    (0..width)
        .map(|c| {
            let mut path: Vec<String> = Vec::new();
            for row in &grid {
                if let Some(text) = &row[c] {
                    if path.last() != Some(text) {
                        path.push(text.clone());
                    }
                }
            }
            path
        })
        .collect()
}

/// Without merge information (CSV, ODS, XLSB), a blank group-header cell whose column has a
/// sub-header, right of a group header that also has one, belongs to that group.
fn fill_across(grid: &mut [Vec<Option<String>>]) {
    for level in 0..grid.len().saturating_sub(1) {
        let mut current: Option<String> = None;
        for c in 0..grid[level].len() {
            let below = grid[level + 1][c].is_some();
            match (&grid[level][c], below) {
                (Some(text), true) => current = Some(text.clone()),
                (Some(_), false) => current = None,
                (None, true) => grid[level][c] = current.clone(),
                (None, false) => current = None,
            }
        }
    }
}
