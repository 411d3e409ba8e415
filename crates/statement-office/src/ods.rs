//! Bounds an ODS sheet's size before calamine expands it. ODS compresses runs of equal rows and
//! cells into one element with `table:number-rows-repeated` / `table:number-columns-repeated`;
//! calamine expands the filled ones into a grid of the sheet's bounding box (up to 100 million
//! cells), so a few bytes could ask for gigabytes. This scan works out each table's bounding box
//! of filled cells from the attributes alone and refuses the file when a box is too big.
//! (Legitimate files repeat *empty* rows and cells a million times; those cost nothing.)

use crate::{refused, MAX_GRID_CELLS};
use statement::{Args, ReadError};

const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;

fn repeat(tag: &[u8], attribute: &[u8]) -> u64 {
    let Some(at) = tag.windows(attribute.len()).position(|w| w == attribute) else {
        return 1;
    };
    let value = &tag[at + attribute.len()..];
    let value = value.strip_prefix(b"=\"").unwrap_or(value);
    let digits = value.iter().take_while(|b| b.is_ascii_digit()).take(12);
    digits
        .fold(0u64, |n, d| n * 10 + u64::from(d - b'0'))
        .max(1)
}

#[derive(Default)]
struct Table {
    rows: u64,
    first_filled: Option<u64>,
    filled_end: u64,
    width: u64,
}

impl Table {
    fn cells(&self) -> u64 {
        let height = self
            .filled_end
            .saturating_sub(self.first_filled.unwrap_or(self.filled_end));
        height
            .min(MAX_ROWS)
            .saturating_mul(self.width.min(MAX_COLUMNS))
    }
}

/// Refuses `content.xml` whose tables' filled cells span more than [`MAX_GRID_CELLS`] cells.
pub fn check_repeats(content: &[u8]) -> Result<(), ReadError> {
    let mut total: u64 = 0;
    let mut table = Table::default();
    let mut row_repeats = 1u64;
    let mut col = 0u64;
    let mut row_filled = false;
    let mut rest = content;
    while let Some(open) = rest.iter().position(|&b| b == b'<') {
        rest = &rest[open + 1..];
        let close = rest.iter().position(|&b| b == b'>').unwrap_or(rest.len());
        let tag = &rest[..close];
        rest = &rest[close.min(rest.len())..];
        // The name runs to the first blank or `/` (after the `/` of an end tag).
        let name_end = tag
            .iter()
            .skip(1)
            .position(|b| b.is_ascii_whitespace() || *b == b'/')
            .map_or(tag.len(), |at| at + 1);
        match &tag[..name_end] {
            b"table:table" => table = Table::default(),
            b"/table:table" => {
                total = total.saturating_add(table.cells());
                if table.cells() > MAX_GRID_CELLS || total > MAX_GRID_CELLS {
                    return Err(too_big(table.cells().max(total)));
                }
            }
            b"table:table-row" => {
                row_repeats = repeat(tag, b"table:number-rows-repeated");
                col = 0;
                row_filled = false;
            }
            b"/table:table-row" => {
                if row_filled {
                    table.first_filled.get_or_insert(table.rows);
                    table.filled_end = table.rows.saturating_add(row_repeats);
                }
                table.rows = table.rows.saturating_add(row_repeats);
            }
            b"table:table-cell" | b"table:covered-table-cell" => {
                let repeats = repeat(tag, b"table:number-columns-repeated");
                let self_closing = tag.last() == Some(&b'/');
                let filled = !self_closing || tag.windows(17).any(|w| w == b"office:value-type");
                col = col.saturating_add(repeats);
                if filled {
                    row_filled = true;
                    table.width = table.width.max(col);
                }
            }
            _ => {}
        }
        // A bounding box can only grow: refuse as soon as it is too big, before the end tag.
        let open_row = if row_filled {
            table.rows.saturating_add(row_repeats)
        } else {
            table.filled_end
        };
        let height = open_row.saturating_sub(table.first_filled.unwrap_or(table.rows));
        if height
            .min(MAX_ROWS)
            .saturating_mul(table.width.min(MAX_COLUMNS))
            > MAX_GRID_CELLS
        {
            return Err(too_big(height.saturating_mul(table.width)));
        }
    }
    Ok(())
}

fn too_big(cells: u64) -> ReadError {
    refused(
        "spreadsheet-too-large-repeats",
        Args::new()
            .count("cells", cells as usize)
            .count("limit", MAX_GRID_CELLS as usize),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_repeats_cost_nothing_and_filled_ones_are_counted() {
        let ordinary = br#"<table:table table:name="S"><table:table-row><table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16383"/></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>"#;
        assert!(check_repeats(ordinary).is_ok());
        let bomb = br#"<table:table table:name="S"><table:table-row table:number-rows-repeated="1000000"><table:table-cell table:number-columns-repeated="1000" office:value-type="float" office:value="1"/></table:table-row></table:table>"#;
        assert_eq!(
            check_repeats(bomb).unwrap_err().code,
            "spreadsheet-too-large-repeats"
        );
        // Two filled cells far apart span the rows between them.
        let far = br#"<table:table><table:table-row><table:table-cell table:number-columns-repeated="9999"/><table:table-cell office:value-type="float"/></table:table-row><table:table-row table:number-rows-repeated="900000"><table:table-cell/></table:table-row><table:table-row><table:table-cell office:value-type="float"/></table:table-row></table:table>"#;
        assert!(check_repeats(far).is_err());
    }
}
