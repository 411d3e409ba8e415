//! The English templates of every code, and the English of every term. Generated code lists
//! (`web/i18n/codes.json`) are derived from this file by `cargo test -p messages`.

use crate::Template;

const fn t(code: &'static str, text: &'static str, help: Option<&'static str>) -> Template {
    Template { code, text, help }
}

/// Every message code with its English sentence and help.
pub static TEMPLATES: &[Template] = &[
    t(
        "too-large",
        "the file is larger than {megabytes:count} MB, the most this format can be read in one piece",
        Some("export a shorter period, or export CSV, which is read as a stream"),
    ),
    t(
        "empty-file",
        "the file is empty (0 bytes)",
        Some("export the statement again from your bank; the download may have failed"),
    ),
    t(
        "empty-file-blank",
        "the file holds only blank space",
        Some("export the statement again from your bank; the download may have failed"),
    ),
    t(
        "not-a-statement-binary",
        "the file is binary data, not a statement export",
        Some("export the statement from your bank as CSV, OFX, QIF, CAMT.053 or MT940"),
    ),
    t(
        "spreadsheet",
        "the file appears to be {kind:term}, which cannot be read as a statement",
        Some("open it in your spreadsheet program and save it as CSV, or export CSV from your bank"),
    ),
    t(
        "unsupported-sheet",
        "the file appears to be {kind:term}, which cannot be read as a statement",
        Some("open it in your spreadsheet program and save it as CSV, or export CSV from your bank"),
    ),
    t(
        "unsupported-pdf",
        "the file appears to be a PDF document, which cannot be read as a statement",
        Some("PDF statements are for printing; export CSV, OFX, CAMT.053 or MT940 from your bank's transaction list instead"),
    ),
    t(
        "unsupported-document",
        "the file appears to be {kind:term}, which cannot be read as a statement",
        Some("export CSV, OFX, CAMT.053 or MT940 from your bank instead"),
    ),
    t(
        "unsupported-archive",
        "the file appears to be {kind:term}, which cannot be read as a statement",
        Some("unpack it and choose the statement file inside (CSV, OFX, QIF, CAMT or MT940)"),
    ),
    t(
        "unsupported-image",
        "the file appears to be {kind:term}, which cannot be read as a statement",
        Some("a photo or screenshot of a statement cannot be read; export CSV, OFX, CAMT.053 or MT940 from your bank"),
    ),
    t(
        "unsupported-html",
        "the file appears to be a web page (HTML), as some banks' \"Excel\" downloads are, which cannot be read as a statement",
        Some("choose CSV, OFX, CAMT.053 or MT940 in your bank's export options, or open the file in a spreadsheet program and save it as CSV"),
    ),
    t(
        "unsupported-xml",
        "the file appears to be {kind:term}",
        Some("export the statement as CAMT.053, OFX, MT940 or CSV"),
    ),
    t(
        "unsupported-coda",
        "the file appears to be a Belgian CODA statement (.cod), which cannot be read as a statement",
        Some("choose CSV, CAMT.053 (XML) or MT940 in your bank's export options"),
    ),
    t(
        "unsupported-json",
        "the file appears to be a JSON file, which cannot be read as a statement",
        Some("choose CSV, OFX, QIF, CAMT.053 or MT940 in your bank's export options"),
    ),
    t(
        "nothing-read",
        "none of the {skipped:count} {entries:term} in the file could be read",
        Some("the warnings above say why; export the statement again, or choose another format"),
    ),
    t(
        "ofx-too-many-elements",
        "the file has more than {limit:count} tags (stopped at line {line:line})",
        Some("export a shorter period"),
    ),
    t(
        "ofx-too-deep",
        "the OFX aggregates nest more than {limit:count} levels deep (line {line:line})",
        Some("this is not a valid OFX file; export it again from your bank"),
    ),
    t(
        "not-a-statement-ofx",
        "the file has an OFX header but no <OFX> content",
        Some("export the statement again from your bank; the download may have been cut off"),
    ),
    t(
        "xml-entities",
        "the file declares a document type with entities or an external DTD (line {line:line}), which is never expanded",
        Some("bank statements never need this; export the statement again from your bank"),
    ),
    t(
        "encoding-mismatch",
        "the header declares {declared:text} but the bytes are not; they were read as {used:text}",
        Some("if accented letters look wrong, choose another encoding"),
    ),
    t(
        "server-error",
        "the bank's server answered the {request:term} request with error {status:text} instead of transactions",
        Some("download the statement again; if it keeps failing, export CSV from the bank's website"),
    ),
    t(
        "server-error-detail",
        "the bank's server answered the {request:term} request with error {status:text} ({detail:text}) instead of transactions",
        Some("download the statement again; if it keeps failing, export CSV from the bank's website"),
    ),
    t(
        "ofx-missing-date",
        "transaction {element:text} on line {line:line} has no DTPOSTED and was skipped",
        Some("the bank's export is incomplete; export the statement again or as CSV"),
    ),
    t(
        "ofx-bad-date",
        "transaction {element:text} on line {line:line} has an impossible date \"{value:text}\" and was skipped",
        Some("the bank's export is broken; export the statement again or as CSV"),
    ),
    t(
        "no-cash-movement",
        "investment transaction {element:text} on line {line:line} moves securities but no money (no TOTAL); it was not read as a transaction",
        None,
    ),
    t(
        "ofx-missing-amount",
        "transaction {element:text} on line {line:line} has no TRNAMT and was skipped",
        Some("the bank's export is incomplete; export the statement again or as CSV"),
    ),
    t(
        "ofx-bad-amount",
        "transaction {element:text} on line {line:line} has an unreadable amount \"{value:text}\" and was skipped",
        Some("the bank's export is broken; export the statement again or as CSV"),
    ),
    t(
        "duplicate-id",
        "transaction {element:text} on line {line:line} repeats FITID \"{id:text}\" with the same date and amount and was read once",
        None,
    ),
    t(
        "reused-id",
        "transaction {element:text} on line {line:line} reuses FITID \"{id:text}\" for a different transaction; both were kept",
        None,
    ),
    t(
        "currency-symbol",
        "the amount \"{value:text}\" on line {line:line} has a currency symbol, which OFX does not allow; it was ignored",
        None,
    ),
    t(
        "duplicates-removed",
        "{duplicates:count} transactions repeated an earlier FITID and were read once",
        None,
    ),
    t(
        "several-accounts",
        "the file holds {accounts:count} accounts; the transactions of all of them were read",
        None,
    ),
    t(
        "investment-sign",
        "{resigned:count} investment buys or sells had a TOTAL of the wrong sign; buys were made negative and sells positive",
        None,
    ),
    t(
        "sign-from-type",
        "no amount in the file is negative; {typed:count} transactions typed as money out were made negative",
        Some("if the signs look wrong, use the flip-sign control"),
    ),
    t(
        "qif-missing-date",
        "the record starting on line {line:line} has no D (date) line and was skipped",
        Some("fix the record in a text editor, or export the statement again"),
    ),
    t(
        "qif-bad-date",
        "the record starting on line {line:line} has an unreadable date \"{value:text}\" and was skipped",
        Some("fix the record in a text editor, or export the statement again"),
    ),
    t(
        "qif-bad-amount",
        "the record starting on line {line:line} has an unreadable amount \"{value:text}\" and was skipped",
        Some("fix the record in a text editor, or export the statement again"),
    ),
    t(
        "missing-record-end",
        "the last record (line {line:line}) has no closing ^ line; it was read anyway",
        None,
    ),
    t(
        "no-type-header",
        "the file has no !Type: line; it was read as a bank register",
        None,
    ),
    t(
        "skipped-lists",
        "sections that hold lists, not transactions, were skipped: {sections:text}",
        None,
    ),
    t(
        "xml-encoding-mismatch",
        "the XML declaration says encoding \"{declared:text}\" but the bytes are not; they were read as {used:text}",
        Some("if accented letters look wrong, choose another encoding"),
    ),
    t(
        "too-many-elements",
        "the file has more than {limit:count} XML elements (stopped at line {line:line})",
        Some("export a shorter period"),
    ),
    t(
        "too-deep",
        "the XML nests more than {limit:count} elements deep (line {line:line})",
        Some("this is not a bank statement; CAMT files nest about 15 levels"),
    ),
    t(
        "camt-xml-entities",
        "the file declares a document type with entities or an external DTD (line {line:line}), which is never expanded",
        Some("CAMT statements never need this; export the statement again from your bank"),
    ),
    t(
        "truncated",
        "the XML ends at line {line:line} with {open:count} elements still open",
        Some("the download may have been cut off; export the statement again"),
    ),
    t(
        "not-a-statement-camt",
        "the XML has no camt.052, camt.053 or camt.054 message (BkToCstmrStmt, BkToCstmrAcctRpt or BkToCstmrDbtCdtNtfctn)",
        Some("export the statement as CAMT.053 from your bank"),
    ),
    t(
        "several-accounts-entries",
        "the file holds {accounts:count} accounts; the entries of all of them were read",
        None,
    ),
    t(
        "no-statement",
        "the message holds no statement, report or notification (Stmt, Rpt or Ntfctn)",
        None,
    ),
    t(
        "pending-entries",
        "{pending:count} entries are not booked yet (status PDNG or INFO); they were read too",
        None,
    ),
    t(
        "camt-bad-amount",
        "entry {element:text} on line {line:line} has no readable amount (\"{value:text}\") and was skipped",
        Some("the bank's export is incomplete or broken; export the statement again or as CSV"),
    ),
    t(
        "bad-indicator",
        "entry {element:text} on line {line:line} has CdtDbtInd \"{value:text}\" instead of CRDT or DBIT and was skipped",
        Some("the bank's export is incomplete or broken; export the statement again or as CSV"),
    ),
    t(
        "camt-bad-date",
        "entry {element:text} on line {line:line} has no readable booking or value date and was skipped",
        Some("the bank's export is incomplete or broken; export the statement again or as CSV"),
    ),
    t(
        "control-bytes",
        "{control:count} control bytes around or inside the messages were ignored",
        None,
    ),
    t(
        "not-a-statement-mt940",
        "the file has no MT940 statement (no :20: field)",
        Some("export the statement again as MT940, or choose CSV or CAMT.053"),
    ),
    t(
        "bad-statement-line",
        "the :61: line on line {line:line} could not be read and was skipped: \"{value:text}\"",
        Some("the bank's export is broken; export the statement again, or as CSV or CAMT.053"),
    ),
    t(
        "bad-entry-date",
        "the entry date on line {line:line} is not a real day; the value date was used",
        None,
    ),
    t(
        "doctype-ignored",
        "the DOCTYPE declaration on line {line:line} was ignored",
        None,
    ),
    t(
        "unknown-entity",
        "an entity reference on line {line:line} is not a standard XML entity and was kept as written",
        None,
    ),
    t(
        "unknown-encoding",
        "the encoding hint `{hint:text}` is not one this reader knows; used {used:text} instead",
        Some("use utf-8, utf-16le, utf-16be, windows-1252, windows-1250 or windows-1257"),
    ),
    t(
        "encoding",
        "decoded as {encoding:text} ({reason:text})",
        None,
    ),
    t(
        "replaced-bytes",
        "{replaced:count|# byte|# bytes} could not be decoded as {encoding:text} and were replaced with �",
        Some("if names look garbled, choose the file's encoding (for example windows-1252)"),
    ),
    t(
        "skipped-row-no-date",
        "line {line:line} has no date in column {column:count}{header:text|| (#)}",
        Some("check the row in the file; if the columns were guessed wrong, set them by hand"),
    ),
    t(
        "skipped-row-bad-date",
        "line {line:line}: `{value:text}` in column {column:count}{header:text|| (#)} is not a date",
        Some("check the row in the file; if the columns were guessed wrong, set them by hand"),
    ),
    t(
        "skipped-row-bad-amount",
        "line {line:line}: `{value:text}` in column {column:count} is not an amount",
        Some("check the row in the file; if the columns were guessed wrong, set them by hand"),
    ),
    t(
        "skipped-row-large-amount",
        "line {line:line}: `{value:text}` in column {column:count} is too large an amount",
        Some("check the row in the file; if the columns were guessed wrong, set them by hand"),
    ),
    t(
        "skipped-row-no-amount",
        "line {line:line} has no amount in column {column:count}{header:text|| (#)}",
        Some("check the row in the file; if the columns were guessed wrong, set them by hand"),
    ),
    t(
        "skipped-row-no-debit-credit",
        "line {line:line} has no amount in the debit or credit column",
        Some("check the row in the file; if the columns were guessed wrong, set them by hand"),
    ),
    t(
        "skipped-row-large-debit-credit",
        "line {line:line}: the debit and credit amounts are too large",
        Some("check the row in the file; if the columns were guessed wrong, set them by hand"),
    ),
    t(
        "skipped-row-misaligned",
        "line {line:line} has {extra:count} more field(s) than the header, and its dates and amounts line up with no single text column taking them; skipped so that no amount is read from the wrong column",
        Some("check the row in the file; if the columns were guessed wrong, set them by hand"),
    ),
    t(
        "skipped-row-ambiguous",
        "line {line:line} has {extra:count} more field(s) than the header, and they could belong to {columns:text}; skipped rather than guess which text held the delimiter",
        Some("check the row in the file; if the columns were guessed wrong, set them by hand"),
    ),
    t(
        "row-too-long",
        "skipped a row longer than {megabytes:count} MB starting in line {line:line}",
        Some("a quote that is never closed makes the rest of the file one field; check the line"),
    ),
    t(
        "too-many-columns",
        "skipped a row with more than {limit:count} columns in line {line:line}",
        None,
    ),
    t(
        "repeated-header",
        "line {line:line} repeats the header and was skipped",
        None,
    ),
    t(
        "notice-row",
        "line {line:line} has a date but no amount: a notice (such as a card renewal), not a transaction, so it was left out",
        None,
    ),
    t(
        "zero-amount-row",
        "line {line:line} has a zero amount: kept, but never a charge",
        None,
    ),
    t(
        "joined-fields",
        "line {line:line} has {extra:count} more field(s) than the header: `{delimiter:text}` in column {column:count}{header:text|| (#)} was not quoted, so its parts were joined back",
        None,
    ),
    t(
        "summary-row",
        "line {line:line} is a balance or total row, not a transaction, and was skipped",
        None,
    ),
    t(
        "unclosed-quote",
        "a quoted field opened in line {line:line} is never closed, so it runs to the end of the file",
        Some("check that line for a stray quote mark; everything after it was read as one field"),
    ),
    t(
        "more-skipped-rows",
        "{rows:count} more rows were skipped or not kept beyond the ones listed",
        None,
    ),
    t(
        "too-many-rows",
        "the file has more transactions than one statement can hold; only the first {kept:count} were kept",
        Some("export a shorter period"),
    ),
    t(
        "bad-date",
        "line {line:line}: the date is not valid when read {order:term}, so the row was skipped",
        None,
    ),
    t(
        "bad-amount",
        "line {line:line}: the amount is too large to keep",
        None,
    ),
    t(
        "sign-inferred",
        "read money out as negative amounts in the file: {reason:text}",
        Some("if charges show as money in, flip the sign"),
    ),
    t(
        "sign-inferred-positive",
        "read money out as positive amounts in the file (a card export): {reason:text}",
        Some("if charges show as money in, flip the sign"),
    ),
    t(
        "conflicting-date-order",
        "{day_first:count} dates read only day first (first in line {day_line:line}) and {month_first:count} only month first (first in line {month_line:line}); read {order:term}",
        Some("rows whose date does not fit were skipped; check the file's dates"),
    ),
    t(
        "ambiguous-date-order",
        "no date has a day over 12; read {order:term} because only then are the rows in date order",
        Some("if the dates look wrong, choose the other date order"),
    ),
    t(
        "ambiguous-date-order-assumed",
        "no date has a day over 12 and nothing else tells day/month from month/day; read as day first",
        Some("if the dates look wrong, choose month-first (M/D/Y) dates"),
    ),
    t(
        "missing-flag",
        "line {line:line} has no debit/credit mark in column {column:count}{header:text|| (#)}; its amount was kept as written",
        Some("check the sign of this row by hand"),
    ),
    t(
        "preamble",
        "skipped {lines:count|# line|# lines} before the header in line {line:line} (lines {first:line}–{last:line}): account details, notes or filters, not transactions",
        None,
    ),
    t(
        "preamble-no-header",
        "skipped {lines:count|# line|# lines} before the first transaction in line {line:line} (lines {first:line}–{last:line}): account details, notes or filters, not transactions",
        None,
    ),
    t(
        "column-hints",
        "{columns:count} column role(s) set by hints",
        None,
    ),
    t(
        "no-transactions",
        "the file has a header but no transaction rows",
        Some("check the period chosen for the export; it may contain no transactions"),
    ),
    t(
        "empty-file-no-text",
        "the file has no text in it",
        Some("export the statement again from your bank; the download may have failed"),
    ),
    t(
        "not-a-statement",
        "this file is not a bank statement: it looks like {kind:term}",
        Some("export the transaction list as CSV (or OFX, QIF, CAMT or MT940) from your bank's online banking"),
    ),
    t(
        "not-a-statement-pdf",
        "this file is not a bank statement: it looks like {kind:term}",
        Some("PDF statements cannot be read; download the transactions as CSV from your bank instead"),
    ),
    t(
        "not-a-statement-workbook",
        "this file is not a bank statement: it looks like {kind:term}",
        Some("open the workbook and save it as CSV, or download CSV from your bank instead"),
    ),
    t(
        "not-a-statement-image",
        "this file is not a bank statement: it looks like {kind:term}",
        Some("a screenshot cannot be read; download the transactions as CSV from your bank"),
    ),
    t(
        "not-a-statement-gzip",
        "this file is not a bank statement: it looks like {kind:term}",
        Some("unpack it first, or download the statement again as CSV"),
    ),
    t(
        "not-a-statement-html",
        "this file is not a bank statement: it looks like {kind:term}",
        Some("the download may have failed or saved the bank's page; export the transactions again as CSV"),
    ),
    t(
        "damaged-spreadsheet",
        "the file looks like an {kind:term} but cannot be read: {detail:text}",
        Some("open it in your spreadsheet program and save it again (or as CSV), or download it from your bank again"),
    ),
    t(
        "not-a-spreadsheet",
        "the file is not an XLSX, XLS or ODS workbook",
        Some("export the statement from your bank as CSV, XLSX, OFX, CAMT.053 or MT940"),
    ),
    t(
        "not-a-spreadsheet-ole",
        "the file is an OLE2 document (such as an old Word or Outlook file) but not an Excel workbook",
        Some("export the statement from your bank as CSV, XLSX, OFX, CAMT.053 or MT940"),
    ),
    t(
        "spreadsheet-file-too-large",
        "the workbook is larger than {megabytes:count} MB, the most that is read",
        Some("open it in your spreadsheet program and save it as CSV, or export CSV from your bank"),
    ),
    t(
        "encrypted-spreadsheet",
        "the workbook is protected with a password, so its cells cannot be read",
        Some("open it in your spreadsheet program, remove the password (or save it as CSV), and drop it again"),
    ),
    t(
        "too-many-cells",
        "the workbook has more than {limit:count} filled cells, the most that is read",
        Some("open it in your spreadsheet program and save it as CSV, or export CSV from your bank"),
    ),
    t(
        "empty-workbook",
        "every sheet of the workbook is empty",
        Some("export the statement again from your bank; the download may have failed"),
    ),
    t(
        "other-sheets",
        "read sheet \"{sheet:text}\" (it has the most rows with a date and an amount ({rows:count})); not read: {others:text}",
        Some("if the transactions are on another sheet, save that sheet as CSV and drop it"),
    ),
    t(
        "other-sheets-first",
        "read sheet \"{sheet:text}\" (no sheet has rows with a date and an amount, so the first filled one); not read: {others:text}",
        Some("if the transactions are on another sheet, save that sheet as CSV and drop it"),
    ),
    t(
        "cells-left-out",
        "{cells:count} cells lie more than {limit:count} columns right of the table's first column and were left out (first: {first:text})",
        None,
    ),
    t(
        "spreadsheet-too-large",
        "a sheet of the workbook spans about {cells:count} cells, more than the {limit:count} that are read",
        Some("open it in your spreadsheet program and save it as CSV, or export CSV from your bank"),
    ),
    t(
        "spreadsheet-too-large-repeats",
        "a sheet's repeated rows and cells expand to about {cells:count} cells, more than the {limit:count} that are read",
        Some("open it in your spreadsheet program and save it as CSV, or export CSV from your bank"),
    ),
    t(
        "spreadsheet-too-large-unpacked",
        "the workbook unpacks to more than {part_megabytes:count} MB (one part) or {total_megabytes:count} MB (all parts), the most that is read; it may be a zip bomb",
        Some("open it in your spreadsheet program and save it as CSV, or export CSV from your bank"),
    ),
    t(
        "spreadsheet-too-many-parts",
        "the archive has more than {limit:count} parts, far more than any workbook",
        Some("open it in your spreadsheet program and save it as CSV, or export CSV from your bank"),
    ),
    t(
        "spreadsheet-dtd",
        "the workbook part {part:text} declares a document type (entities), which no spreadsheet program writes; it is not read",
        Some("open it in your spreadsheet program and save it as CSV, or export CSV from your bank"),
    ),
    t(
        "one-off-charge",
        "one charge from {vendor:text} ({amount:money|signed} on {charged_on:date}) and none in the {days:count} days after it: a renewal on the vendor's shortest billing period would have come, and none on its longest came or can show yet, so it is listed as a one-off, not a recurring charge",
        None,
    ),
    t(
        "verdict-not-seen",
        "No charge from {vendor:text} appears in the statements.",
        None,
    ),
    t(
        "verdict-not-seen-period",
        "No charge from {vendor:text} appears in the statements ({from:date} to {to:date}).",
        None,
    ),
    t(
        "note-store-charges",
        "{charges:count|# charge|# charges} billed via {store:text} {charges:count|does|do} not name the app, so if you subscribed through {store:text}, check its subscription list.",
        None,
    ),
    t(
        "verdict-still-charging-once",
        "{vendor:text} charged you once after you cancelled on {cancelled_on:date}: {amount:money} on {charged_on:date}.",
        None,
    ),
    t(
        "verdict-still-charging",
        "{vendor:text} charged you again after you cancelled on {cancelled_on:date}: {amount:money} on {charged_on:date} and {more:count} more.",
        None,
    ),
    t(
        "note-likely-cause-step",
        "Most likely cause: {cause:text} (see step {step:count} of the guide).",
        None,
    ),
    t(
        "note-likely-cause",
        "Most likely cause: {cause:text}.",
        None,
    ),
    t(
        "note-confirm-or-dispute",
        "Check that the cancellation was confirmed, or dispute the charges with your bank.",
        None,
    ),
    t(
        "note-confirm-cancellation",
        "Check that the cancellation was confirmed.",
        None,
    ),
    t(
        "verdict-final-charge-lag-stopped",
        "One final charge of {amount:money} on {charged_on:date} was expected (posted within a few days of the cancellation for the period before it), and nothing came after it up to {covered_to:date}, so it stopped.",
        None,
    ),
    t(
        "verdict-final-charge-lag-wait",
        "One final charge of {amount:money} on {charged_on:date} was expected (posted within a few days of the cancellation for the period before it), and nothing else has come so far; look again after {check_after:date} to be sure it stopped.",
        None,
    ),
    t(
        "verdict-final-charge-usage-stopped",
        "One final charge of {amount:money} on {charged_on:date} was expected (usage up to the cancellation is billed at the end of the cycle), and nothing came after it up to {covered_to:date}, so it stopped.",
        None,
    ),
    t(
        "verdict-final-charge-usage-wait",
        "One final charge of {amount:money} on {charged_on:date} was expected (usage up to the cancellation is billed at the end of the cycle), and nothing else has come so far; look again after {check_after:date} to be sure it stopped.",
        None,
    ),
    t(
        "verdict-stopped",
        "No charge from {vendor:text} after you cancelled on {cancelled_on:date}; the next one would have come around {due:date}, and the statements run to {covered_to:date}.",
        None,
    ),
    t(
        "verdict-too-early",
        "No charge from {vendor:text} since you cancelled on {cancelled_on:date}, but the statements end on {covered_to:date}, before the next charge would be due around {due:date}; check again after {check_after:date}.",
        None,
    ),
    t(
        "note-one-off-longest-period",
        "Only one charge was seen, so the vendor's longest billing period decides.",
        None,
    ),
];

/// Every term (a value of a closed set that messages name) with its English.
pub static TERMS: &[(&str, &str)] = &[
    ("dmy", "day first (D/M/Y)"),
    ("mdy", "month first (M/D/Y)"),
    ("ymd", "year first (Y/M/D)"),
    ("file-ods", "an OpenDocument spreadsheet (.ods)"),
    ("file-xlsx", "an Excel workbook (.xlsx)"),
    ("file-xls", "a legacy Excel workbook (.xls, BIFF/OLE2)"),
    ("file-xls-biff", "a legacy Excel sheet (.xls, BIFF)"),
    ("file-excel-xml", "an Excel XML spreadsheet"),
    ("file-docx", "a Word document (.docx)"),
    ("file-rtf", "a rich-text document (.rtf)"),
    ("file-zip", "a ZIP archive"),
    ("file-gzip", "a gzip archive"),
    ("file-7z", "a 7-Zip archive"),
    ("file-rar", "a RAR archive"),
    ("file-png", "a PNG image"),
    ("file-jpeg", "a JPEG image"),
    ("file-gif", "a GIF image"),
    ("file-webp", "a WebP image"),
    ("file-tiff", "a TIFF image"),
    ("file-heic", "a HEIC image"),
    (
        "file-pain",
        "an ISO 20022 payment order (pain), not a statement",
    ),
    (
        "file-camt-other",
        "an ISO 20022 message that is not an account statement (camt.052/053/054)",
    ),
    (
        "file-xml-other",
        "an XML document of a kind that is not a bank statement",
    ),
    ("file-pdf", "a PDF document"),
    (
        "file-zip-workbook",
        "a ZIP archive (an Excel .xlsx workbook is one)",
    ),
    ("file-xls-legacy", "a legacy Excel (.xls) workbook"),
    ("file-image", "an image"),
    ("file-gzip-compressed", "a gzip-compressed file"),
    ("file-web-page", "a web page (HTML), not an export"),
    ("file-binary", "binary data, not text"),
    ("file-json", "JSON data, not a bank export"),
    ("file-no-table", "text without a table of dates and amounts"),
    ("file-no-rows", "text with no filled-in rows"),
    (
        "file-no-line-break",
        "text with no line break in its first 64 KiB, not a table of transactions",
    ),
    ("file-no-date-column", "a table without a date column"),
    (
        "file-balances-only",
        "a list of balances by day without transactions (no amount column)",
    ),
    ("file-no-amount-column", "a table without an amount column"),
    ("ofx-transactions", "transactions"),
    ("mt940-transactions", ":61: transactions"),
    ("qif-records", "records"),
    ("camt-entries", "entries"),
    ("ofx-sign-on", "sign-on"),
    ("ofx-statement", "statement"),
];
