"""Counts the transaction rows of the spreadsheet fixtures by another route than the crate:
openpyxl (XLSX) and xlrd (XLS) from PyPI. A transaction row is a row below the header row
(the row whose first cell is the date column's name) whose first cell is a date — a date cell,
or text that datetime.strptime reads with the file's date format — and which has a number (or a
numeric text) in one of the amount columns. Run once; the counts are written into
tests/fixtures.rs with this script named beside them.

    python3 -m venv v && v/bin/pip install openpyxl xlrd && v/bin/python count_rows.py ../shared/fixtures
"""
import datetime
import sys
from pathlib import Path

import openpyxl
import xlrd

FILES = {
    # file: (sheet, header text in column A, date format of text dates, amount columns 0-based)
    "xlsx/OCA_bank-statement-import__meta_data_separated_credit_debit.xlsx": (None, "Date", "%d/%m/%y", [3, 4]),
    "xlsx/OCA_bank-statement-import__sample_statement_en.xlsx": (None, "Date", "%Y-%m-%d", [3]),
    "xlsx/nicolettas-muggelbude_RechnungsPilot__targobank-duesseldorf.xlsx": ("Kto 3230108472", "Datum", "%d.%m.%Y", [3, 4]),
    "xls/redstreet_beancount_reds_importers__ACC_TXN_History_1234_clean.xls": (None, "Transaction Date", "%d %b %Y", [2, 3]),
}


def is_date(value, fmt):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return True
    if isinstance(value, str):
        try:
            datetime.datetime.strptime(value.strip(), fmt)
            return True
        except ValueError:
            return False
    return False


def is_number(value):
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return True
    if isinstance(value, str):
        try:
            float(value.strip().replace(",", "."))
            return True
        except ValueError:
            return False
    return False


def rows_of(path, sheet):
    if path.suffix == ".xls":
        book = xlrd.open_workbook(str(path))
        ws = book.sheet_by_name(sheet) if sheet else book.sheet_by_index(0)
        for r in range(ws.nrows):
            row = []
            for c in range(ws.ncols):
                cell = ws.cell(r, c)
                if cell.ctype == xlrd.XL_CELL_DATE:
                    row.append(xlrd.xldate.xldate_as_datetime(cell.value, book.datemode))
                else:
                    row.append(cell.value)
            yield row
    else:
        book = openpyxl.load_workbook(str(path), data_only=True)
        ws = book[sheet] if sheet else book.worksheets[0]
        for row in ws.iter_rows(values_only=True):
            yield list(row)


def count(path, sheet, header, fmt, amounts):
    seen_header = False
    n = 0
    for row in rows_of(path, sheet):
        first = row[0] if row else None
        if not seen_header:
            seen_header = isinstance(first, str) and first.strip() == header
            continue
        if is_date(first, fmt) and any(a < len(row) and is_number(row[a]) and str(row[a]).strip() != "" for a in amounts):
            n += 1
    return n


root = Path(sys.argv[1])
for name, (sheet, header, fmt, amounts) in FILES.items():
    print(name, count(root / name, sheet, header, fmt, amounts))
