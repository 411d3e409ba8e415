"""Writes the spreadsheet test statements with real office libraries (openpyxl 3 for XLSX,
odfpy for ODS, both from PyPI), in the column layouts of real banks as recorded in
../shared/fixtures/DIALECTS.md (section 1, bank2ynab's per-bank configs; row numbers below).
The rows are made up. Run once:

    python3 -m venv v && v/bin/pip install openpyxl odfpy && v/bin/python generate.py
"""
import datetime
import random

import openpyxl
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableRow, TableCell
from odf.text import P

random.seed(15)
MERCHANTS = ["NETFLIX.COM", "SPOTIFY AB", "REWE MARKT 1234", "SHELL 0815", "AMAZON PRIME", "STADTWERKE", "MIETE WOHNUNG"]


def rows(n, start=datetime.date(2025, 1, 2)):
    out = []
    for i in range(n):
        day = start + datetime.timedelta(days=i // 3)
        merchant = MERCHANTS[i % len(MERCHANTS)]
        cents = -random.randint(100, 20000) if i % 11 else random.randint(100000, 300000)
        out.append((day, merchant, cents))
    return out


# 1. DK Danske Bank (DIALECTS.md row 48): "Dato";"Kategori";"Underkategori";"Tekst";"Beløb";
# "Saldo";"Status";"Afstemt", here as an XLSX workbook whose FIRST sheet is an account overview
# and whose second sheet holds the transactions (real date cells, number cells).
book = openpyxl.Workbook()
overview = book.active
overview.title = "Oversigt"
overview.append(["Konto", "Lønkonto 1234-5678901"])
overview.append(["Saldo", 12345.67])
overview.append(["Udskrevet", "02.07.2025"])
sheet = book.create_sheet("Posteringer")
sheet.append(["Dato", "Kategori", "Underkategori", "Tekst", "Beløb", "Saldo", "Status", "Afstemt"])
balance = 500000
for day, merchant, cents in rows(60):
    balance += cents
    sheet.append([day, "Diverse", "", merchant, cents / 100, balance / 100, "Udført", "Nej"])
    sheet.cell(row=sheet.max_row, column=1).number_format = "DD.MM.YYYY"
book.save("danske_posteringer.xlsx")

# 2. BE BNP Paribas Fortis old (DIALECTS.md row 10): Volgnummer;Uitvoeringsdatum;Valutadatum;
# Bedrag;Valuta rekening;TEGENPARTIJ VAN DE VERRICHTING;Details;Rekeningnummer, as an ODS
# sheet with the dates as TEXT in the config's `%d/%m/%Y` and the amounts as float cells.
doc = OpenDocumentSpreadsheet()
table = Table(name="Rekening")


def text_cell(value):
    cell = TableCell(valuetype="string")
    cell.addElement(P(text=value))
    return cell


def float_cell(value):
    cell = TableCell(valuetype="float", value=value)
    cell.addElement(P(text=str(value)))
    return cell


header = TableRow()
for name in ["Volgnummer", "Uitvoeringsdatum", "Valutadatum", "Bedrag", "Valuta rekening", "TEGENPARTIJ VAN DE VERRICHTING", "Details", "Rekeningnummer"]:
    header.addElement(text_cell(name))
table.addElement(header)
for i, (day, merchant, cents) in enumerate(rows(40, datetime.date(2025, 3, 1))):
    row = TableRow()
    row.addElement(text_cell(f"2025-{i + 1:04d}"))
    row.addElement(text_cell(day.strftime("%d/%m/%Y")))
    row.addElement(text_cell(day.strftime("%d/%m/%Y")))
    row.addElement(float_cell(cents / 100))
    row.addElement(text_cell("EUR"))
    row.addElement(text_cell(merchant))
    row.addElement(text_cell(f"BETALING MET BANKKAART {merchant}"))
    row.addElement(text_cell("BE68539007547034"))
    table.addElement(row)
doc.spreadsheet.addElement(table)
doc.save("bnp_fortis_rekening.ods")

# 3. DE Commerzbank checking (DIALECTS.md row 32: Date,skip,skip,Payee,Inflow,skip,skip,skip,skip;
# header names as Commerzbank writes them), as an ODS with real date cells, a preamble row and
# a booked-amount column.
doc = OpenDocumentSpreadsheet()
table = Table(name="Umsaetze")
pre = TableRow()
pre.addElement(text_cell("Umsätze Girokonto 1234567 EUR"))
table.addElement(pre)
table.addElement(TableRow())
header = TableRow()
for name in ["Buchungstag", "Wertstellung", "Umsatzart", "Buchungstext", "Betrag", "Währung", "Auftraggeberkonto", "Bankleitzahl Auftraggeberkonto", "IBAN Auftraggeberkonto"]:
    header.addElement(text_cell(name))
table.addElement(header)
for day, merchant, cents in rows(30, datetime.date(2025, 5, 1)):
    row = TableRow()
    for _ in range(2):
        cell = TableCell(valuetype="date", datevalue=day.isoformat())
        cell.addElement(P(text=day.strftime("%d.%m.%Y")))
        row.addElement(cell)
    row.addElement(text_cell("Lastschrift" if cents < 0 else "Gutschrift"))
    row.addElement(text_cell(merchant))
    row.addElement(float_cell(cents / 100))
    row.addElement(text_cell("EUR"))
    row.addElement(text_cell("1234567"))
    row.addElement(text_cell("20040000"))
    row.addElement(text_cell("DE89370400440532013000"))
    table.addElement(row)
doc.spreadsheet.addElement(table)
doc.save("commerzbank_umsaetze.ods")

# 4. The benchmark pair: 10,000 rows in the N26 layout (DIALECTS.md row 42, Date,Payee,...,
# Amount), as XLSX and as the CSV of the same rows.
book = openpyxl.Workbook(write_only=True)
sheet = book.create_sheet("Transactions")
header = ["Date", "Payee", "Account number", "Transaction type", "Payment reference", "Category", "Amount (EUR)"]
sheet.append(header)
csv_lines = [",".join(f'"{h}"' for h in header)]
for i, (day, merchant, cents) in enumerate(rows(10000, datetime.date(2020, 1, 1))):
    amount = cents / 100
    sheet.append([day, merchant, "", "MasterCard Payment", f"ref {i}", "Shopping", amount])
    csv_lines.append(f'"{day.isoformat()}","{merchant}","","MasterCard Payment","ref {i}","Shopping","{cents / 100:.2f}"')
book.save("n26_10000.xlsx")
with open("n26_10000.csv", "w") as f:
    f.write("\n".join(csv_lines) + "\n")

# 5. The browser test's statement (tests/data/e2e/verdicts.csv) as an XLSX workbook the way a
# bank's "Excel download" looks: a title row, a blank row, then the table, with date cells and
# number cells. Its verdicts must equal the CSV's.
import csv
import os

e2e = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "tests", "data", "e2e")
with open(os.path.join(e2e, "verdicts.csv")) as f:
    table = list(csv.reader(f))
book = openpyxl.Workbook()
sheet = book.active
sheet.title = "Umsätze"
sheet.append(["Account statement 2026, account 12345678"])
sheet.append([])
sheet.append(table[0])
for date, description, amount in table[1:]:
    sheet.append([datetime.date.fromisoformat(date), description, float(amount)])
    sheet.cell(row=sheet.max_row, column=1).number_format = "DD/MM/YYYY"
book.save(os.path.join(e2e, "verdicts.xlsx"))
