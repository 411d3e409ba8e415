//! Checks a legacy XLS workbook before calamine parses it. calamine reads every sheet at once
//! into a grid of the sheet's bounding box (and reserves the grid a `Dimensions` record
//! declares), and trusts a few offsets and record lengths; this scan opens the OLE2 container
//! with the `cfb` crate (which refuses sector chains that loop), walks the BIFF records the
//! same way calamine does, and refuses a file whose records would make it allocate an
//! unbounded grid, slice past the stream, or read past a record.

use crate::{encrypted, refused, Kind, MAX_GRID_CELLS};
use statement::{Args, ReadError};
use std::io::{Cursor, Read};

fn damaged(detail: &str) -> ReadError {
    crate::damaged(Kind::Xls, detail)
}

fn u16_at(data: &[u8], at: usize) -> Option<u32> {
    data.get(at..at + 2)
        .map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    data.get(at..at + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// Records as calamine's iterator cuts them: type, length, data (Continue records are part of
/// the record before them, which this scan does not need).
struct Records<'a> {
    stream: &'a [u8],
}

impl<'a> Iterator for Records<'a> {
    type Item = Result<(u32, &'a [u8]), ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.stream.is_empty() {
            return None;
        }
        let (Some(typ), Some(len)) = (u16_at(self.stream, 0), u16_at(self.stream, 2)) else {
            self.stream = &[];
            return Some(Err(damaged("a record is cut off")));
        };
        let end = 4 + len as usize;
        if self.stream.len() < end {
            self.stream = &[];
            return Some(Err(damaged("a record runs past the end of the workbook")));
        }
        let data = &self.stream[4..end];
        self.stream = &self.stream[end..];
        Some(Ok((typ, data)))
    }
}

/// The bounding box of a sheet's cells.
#[derive(Default)]
struct Span {
    rows: Option<(u32, u32)>,
    cols: Option<(u32, u32)>,
}

impl Span {
    fn add(&mut self, row: u32, col: u32) {
        let grow = |range: &mut Option<(u32, u32)>, v: u32| {
            *range = Some(match *range {
                None => (v, v),
                Some((lo, hi)) => (lo.min(v), hi.max(v)),
            })
        };
        grow(&mut self.rows, row);
        grow(&mut self.cols, col);
    }

    fn cells(&self) -> u64 {
        match (self.rows, self.cols) {
            (Some((r0, r1)), Some((c0, c1))) => {
                (u64::from(r1 - r0) + 1).saturating_mul(u64::from(c1 - c0) + 1)
            }
            _ => 0,
        }
    }
}

fn too_big(cells: u64) -> ReadError {
    refused(
        "spreadsheet-too-large",
        Args::new()
            .count("cells", cells as usize)
            .count("limit", MAX_GRID_CELLS as usize),
    )
}

/// Checks the workbook stream of an XLS file.
pub fn check(bytes: &[u8]) -> Result<(), ReadError> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| damaged(&format!("its OLE2 container is broken ({e})")))?;
    if file.exists("/EncryptedPackage") {
        return Err(encrypted());
    }
    let path = ["/Workbook", "/Book"]
        .into_iter()
        .find(|path| file.is_stream(path))
        .ok_or_else(|| ReadError::new("not-a-spreadsheet-ole", Args::new()))?;
    let mut stream = Vec::new();
    file.open_stream(path)
        .map_err(|e| damaged(&e.to_string()))?
        .take(crate::MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut stream)
        .map_err(|e| damaged(&e.to_string()))?;
    if stream.len() > crate::MAX_FILE_BYTES {
        return Err(damaged("its workbook stream is larger than the file"));
    }
    check_stream(&stream)
}

fn check_stream(stream: &[u8]) -> Result<(), ReadError> {
    let mut sheets = Vec::new();
    for record in (Records { stream }) {
        let (typ, data) = record?;
        let needs = match typ {
            0x002F if u16_at(data, 0).is_some_and(|v| v != 0) => return Err(encrypted()),
            // FilePass, CodePage, DateMode, BOF, ExternSheet: calamine reads a u16 unchecked.
            0x002F | 0x0042 | 0x0022 | 0x0809 | 0x0017 => 2,
            0x0085 => 6,
            // Lbl (a defined name): 14 fixed bytes, and a formula of `cce` bytes at the end.
            0x0018 => 14,
            _ => 0,
        };
        if data.len() < needs {
            return Err(damaged("a workbook record is too short"));
        }
        if typ == 0x0018 && u16_at(data, 4).unwrap_or(0) as usize > data.len() - 14 {
            return Err(damaged(
                "a defined name's formula is longer than its record",
            ));
        }
        if typ == 0x0085 {
            sheets.push(u32_at(data, 0).unwrap_or(0) as usize);
        }
        if typ == 0x000A {
            break;
        }
    }
    let mut total: u64 = 0;
    for pos in sheets {
        let Some(sheet) = stream.get(pos..) else {
            return Err(damaged(
                "a sheet starts past the end of the workbook stream",
            ));
        };
        let cells = check_sheet(sheet)?;
        total = total.saturating_add(cells);
        if total > MAX_GRID_CELLS {
            return Err(too_big(total));
        }
    }
    Ok(())
}

/// Walks one sheet's records as calamine does and returns its bounding box's cell count.
fn check_sheet(sheet: &[u8]) -> Result<u64, ReadError> {
    let mut span = Span::default();
    let mut seen_bof = false;
    let mut depth = 0usize;
    for record in (Records { stream: sheet }) {
        let Ok((typ, data)) = record else {
            // calamine stops with an error of its own here.
            break;
        };
        if depth > 0 {
            match typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        let cell = |min: usize| -> Option<(u32, u32)> {
            (data.len() >= min)
                .then(|| (u16_at(data, 0).unwrap_or(0), u16_at(data, 2).unwrap_or(0)))
        };
        match typ {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x0200 => {
                // Dimensions: calamine reserves (last row - first row + 1) x columns cells.
                let (first_row, last_row, first_col, last_col) = match data.len() {
                    10 => (
                        u16_at(data, 0),
                        u16_at(data, 2),
                        u16_at(data, 4),
                        u16_at(data, 6),
                    ),
                    14 | 16 => (
                        u32_at(data, 0),
                        u32_at(data, 4),
                        u16_at(data, 8),
                        u16_at(data, 10),
                    ),
                    _ => continue,
                };
                let (Some(rf), Some(rl), Some(cf), Some(cl)) =
                    (first_row, last_row, first_col, last_col)
                else {
                    continue;
                };
                let cf = if cf > 0xFF || cl < cf { 0 } else { cf };
                if rl >= 1 && cl >= 1 {
                    if rl - 1 < rf {
                        return Err(damaged("a sheet's dimensions end before they start"));
                    }
                    let cells = (u64::from(rl - rf)).saturating_mul(u64::from(cl - cf));
                    if cells > MAX_GRID_CELLS {
                        return Err(too_big(cells));
                    }
                }
            }
            0x0203 => {
                if let Some((r, c)) = cell(14) {
                    span.add(r, c);
                }
            }
            0x0204 | 0x00D6 => {
                if let Some((r, c)) = cell(6) {
                    span.add(r, c);
                }
            }
            0x0205 => {
                if let Some((r, c)) = cell(8) {
                    span.add(r, c);
                }
            }
            0x027E | 0x00FD => {
                if let Some((r, c)) = cell(10) {
                    span.add(r, c);
                }
            }
            0x0006 => {
                if let Some((r, c)) = cell(20) {
                    span.add(r, c);
                }
            }
            0x00BD => {
                // MulRk: row, first column, 6 bytes per cell, last column. calamine subtracts
                // the columns before it checks the length.
                if let Some((r, c)) = cell(6) {
                    let last = u16_at(data, data.len() - 2).unwrap_or(0);
                    if last < c || data.len() != 6 + 6 * (last - c + 1) as usize {
                        return Err(damaged("a row of numbers (MulRk) has the wrong length"));
                    }
                    span.add(r, c);
                    span.add(r, last);
                }
            }
            0x000A => break,
            _ => {}
        }
        if span.cells() > MAX_GRID_CELLS {
            return Err(too_big(span.cells()));
        }
    }
    Ok(span.cells())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut out = typ.to_le_bytes().to_vec();
        out.extend_from_slice(&(data.len() as u16).to_le_bytes());
        out.extend_from_slice(data);
        out
    }

    fn workbook(sheet: &[u8]) -> Vec<u8> {
        let mut globals = record(0x0809, &[0, 6, 5, 0]);
        let sheet_at = globals.len() + 4 + 8 + 4;
        let mut bound = (sheet_at as u32).to_le_bytes().to_vec();
        bound.extend_from_slice(&[0, 0, 1, 0]);
        globals.extend(record(0x0085, &bound));
        globals.extend(record(0x000A, &[]));
        assert_eq!(globals.len(), sheet_at);
        globals.extend_from_slice(sheet);
        globals
    }

    fn rk(row: u16, col: u16) -> Vec<u8> {
        let mut data = row.to_le_bytes().to_vec();
        data.extend_from_slice(&col.to_le_bytes());
        data.extend_from_slice(&[0; 6]);
        record(0x027E, &data)
    }

    #[test]
    fn an_ordinary_sheet_passes() {
        let mut sheet = record(0x0809, &[0, 6, 0x10, 0]);
        sheet.extend(rk(0, 0));
        sheet.extend(rk(99, 9));
        sheet.extend(record(0x000A, &[]));
        assert!(check_stream(&workbook(&sheet)).is_ok());
    }

    #[test]
    fn cells_far_apart_are_refused_before_calamine_allocates_their_grid() {
        let mut sheet = record(0x0809, &[0, 6, 0x10, 0]);
        sheet.extend(rk(0, 0));
        sheet.extend(rk(65535, 255));
        sheet.extend(record(0x000A, &[]));
        let error = check_stream(&workbook(&sheet)).unwrap_err();
        assert_eq!(error.code, "spreadsheet-too-large");
    }

    #[test]
    fn a_mul_rk_whose_last_column_comes_first_is_refused() {
        // Found by the `xls` fuzz target: calamine's `col_last - col_first` overflowed.
        let mut data = 3u16.to_le_bytes().to_vec();
        data.extend_from_slice(&5u16.to_le_bytes());
        data.extend_from_slice(&[0; 6]);
        data.extend_from_slice(&4u16.to_le_bytes());
        let mut sheet = record(0x0809, &[0, 6, 0x10, 0]);
        sheet.extend(record(0x00BD, &data));
        assert_eq!(
            check_stream(&workbook(&sheet)).unwrap_err().code,
            "damaged-spreadsheet"
        );
        // The same record with its columns the right way round passes.
        data[2..4].copy_from_slice(&4u16.to_le_bytes());
        let mut sheet = record(0x0809, &[0, 6, 0x10, 0]);
        sheet.extend(record(0x00BD, &data));
        assert!(check_stream(&workbook(&sheet)).is_ok());
    }

    #[test]
    fn huge_or_backwards_dimensions_are_refused() {
        let mut dims = 0u32.to_le_bytes().to_vec();
        dims.extend_from_slice(&65536u32.to_le_bytes());
        dims.extend_from_slice(&0u16.to_le_bytes());
        dims.extend_from_slice(&256u16.to_le_bytes());
        dims.extend_from_slice(&[0, 0]);
        let mut sheet = record(0x0809, &[0, 6, 0x10, 0]);
        sheet.extend(record(0x0200, &dims));
        assert_eq!(
            check_stream(&workbook(&sheet)).unwrap_err().code,
            "spreadsheet-too-large"
        );
        let mut backwards = 50u32.to_le_bytes().to_vec();
        backwards.extend_from_slice(&10u32.to_le_bytes());
        backwards.extend_from_slice(&[0, 0, 4, 0, 0, 0]);
        let mut sheet = record(0x0809, &[0, 6, 0x10, 0]);
        sheet.extend(record(0x0200, &backwards));
        assert_eq!(
            check_stream(&workbook(&sheet)).unwrap_err().code,
            "damaged-spreadsheet"
        );
    }

    #[test]
    fn a_sheet_offset_past_the_stream_and_short_records_are_refused() {
        let mut globals = record(0x0809, &[0, 6, 5, 0]);
        globals.extend(record(0x0085, &[0xFF, 0xFF, 0, 0, 0, 0]));
        globals.extend(record(0x000A, &[]));
        assert_eq!(
            check_stream(&globals).unwrap_err().code,
            "damaged-spreadsheet"
        );
        let short = record(0x0809, &[0]);
        assert!(check_stream(&short).is_err());
        // Found by the `xls` fuzz target: an empty ExternSheet record (calamine read past it).
        let empty_extern = record(0x0017, &[]);
        assert!(check_stream(&empty_extern).is_err());
        let mut name = vec![0u8; 14];
        name[4] = 200;
        assert!(check_stream(&record(0x0018, &name)).is_err());
        let password = record(0x002F, &[1, 0]);
        assert_eq!(
            check_stream(&password).unwrap_err().code,
            "encrypted-spreadsheet"
        );
    }
}
