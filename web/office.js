// Spreadsheet statements for the worker, imported by it only when the main module refuses a
// file with code `spreadsheet`. The office module converts the workbook's transaction sheet
// into CSV text (line N = row N of the sheet), which goes into the main Workspace like any CSV;
// reports are then rewritten to name the workbook's format, sheet and cells. Plain-text
// statements (code `text-statement`) and text PDFs (code `pdf`) take the same way: the module
// rebuilds the transaction table as canonical CSV and gives every line's page and line, which
// the reports then name.

import init, { convert, convert_text as convertText, convert_pdf as convertPdf, relabel as relabelText, cell_ref as cellRef } from './pkg/spendrein_wasm_office.js';

const ready = init();

function unreadable(error) {
  if (error instanceof WebAssembly.RuntimeError) throw error;
  return {
    ok: false,
    error: {
      code: 'unreadable',
      message: `the browser could not read the file (${error?.name ?? 'error'})`,
      help: 'choose the file again; if it was moved or changed since you picked it, pick the new copy',
    },
  };
}

/** Converts `file` and reads the text into `workspace` after `begin()`; records the sheet. */
export async function readWorkbook(workspace, sheets, file, begin) {
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return unreadable(error);
  }
  await ready;
  const converted = convert(bytes);
  if (!converted.ok) return { ok: false, error: converted.error };
  begin();
  workspace.expect_bytes(converted.text.byteLength);
  workspace.push(converted.text);
  const ended = workspace.end();
  if (ended.ok) {
    const { kind, sheet, first_col: firstCol, diagnostics } = converted;
    sheets[ended.index] = { kind, sheet, firstCol, diagnostics };
  }
  return ended;
}

// The canonical text's own conventions, with the person's flip; the rest of their hints
// (date order, decimal mark, sign) were applied to the document's text by the module.
const tableHints = (hints) => ({
  date_order: 'ymd',
  decimal_mark: '.',
  sign_convention: 'outflow_negative',
  flip_sign: Boolean(hints?.flip_sign),
  encoding: 'utf-8',
  columns: [[0, 'date'], [1, 'posted_date'], [2, 'description'], [3, 'amount'], [4, 'balance'], [5, 'booking_type']],
  rows_are_transactions: true,
});

/**
 * Converts a plain-text statement and reads the table into `workspace` after
 * `begin(tableHints)`; records the page and line of every row in `sheets`.
 */
export async function readText(workspace, sheets, file, hints, begin) {
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return unreadable(error);
  }
  await ready;
  const converted = convertText(bytes, hints ?? undefined);
  return readTable(workspace, sheets, converted, hints, begin);
}

/**
 * Converts a text PDF (its pages' positioned text → the transaction table) and reads the table
 * into `workspace` like `readText`.
 */
export async function readPdf(workspace, sheets, file, hints, begin) {
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return unreadable(error);
  }
  await ready;
  const converted = convertPdf(bytes, hints ?? undefined);
  return readTable(workspace, sheets, converted, hints, begin);
}

/** Reads a converted table (`convert_text`, or a PDF's) into the workspace. */
export function readTable(workspace, sheets, converted, hints, begin) {
  if (!converted.ok) return { ok: false, error: converted.error };
  begin(tableHints(hints));
  workspace.expect_bytes(converted.text.byteLength);
  workspace.push(converted.text);
  const ended = workspace.end();
  if (ended.ok) {
    const { kind, pages, origins, dialect, diagnostics } = converted;
    sheets[ended.index] = { kind, pages, origins, dialect, diagnostics, table: true };
  }
  return ended;
}

// Line N of a table's text → { page, line } of the document.
function origin(from, line) {
  const at = (line - 1) * 2;
  return at >= 0 && at + 1 < from.origins.length ? { page: from.origins[at], line: from.origins[at + 1] } : null;
}

const place = (from, where) => (from.pages > 1 ? `page ${where.page}, line ${where.line}` : `line ${where.line}`);

function relabelTableText(from, text) {
  return text.replace(/\bline (\d+)/g, (match, digits) => {
    const where = origin(from, Number(digits));
    return where ? place(from, where) : match;
  });
}

// Transactions anywhere in the report (streams, verdicts) that come from a table: their line
// becomes the document's line, with its page.
function relabelRefs(value, sheets, depth = 0) {
  if (!value || typeof value !== 'object' || depth > 8) return;
  if (Array.isArray(value)) {
    for (const item of value) relabelRefs(item, sheets, depth + 1);
    return;
  }
  const from = Number.isInteger(value.statement) && Number.isInteger(value.line) ? sheets[value.statement] : undefined;
  if (from?.table && typeof value.date === 'string') {
    const where = origin(from, value.line);
    if (where) {
      value.line = where.line;
      if (from.pages > 1) value.page = where.page;
    }
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key !== 'statements') relabelRefs(item, sheets, depth + 1);
  }
}

function relabelTable(statement, from) {
  statement.format = from.kind;
  statement.pages = from.pages;
  const dialect = statement.dialect ?? {};
  for (const key of ['delimiter', 'header_line', 'columns']) delete dialect[key];
  Object.assign(dialect, from.dialect);
  statement.dialect = dialect;
  if (!statement.currency && from.dialect.currency) statement.currency = from.dialect.currency;
  // The reader's notes about the canonical text itself (its encoding, the fixed columns) are
  // not about the document (statement_layout::CANONICAL_NOTES).
  // Their lines (the `line` field and every `line` arg) count lines of the canonical text:
  // they become the document's page and line, so the translated sentences name them too.
  const own = statement.diagnostics.filter(({ code }) => code !== 'encoding' && code !== 'column-hints').map(({ line, ...diagnostic }) => {
    const at = line ? origin(from, line) : null;
    const args = Object.fromEntries(Object.entries(diagnostic.args ?? {}).map(([name, arg]) => [name, arg && Number.isInteger(arg.line) && origin(from, arg.line) ? { line: origin(from, arg.line).line } : arg]));
    return {
      ...diagnostic,
      args,
      message: relabelTableText(from, diagnostic.message),
      ...(at ? { line: at.line, place: place(from, at), ...(from.pages > 1 ? { page: at.page } : {}) } : {}),
    };
  });
  statement.diagnostics = [...from.diagnostics, ...own];
}

/** Rewrites what the reader said about a sheet's text so it speaks of the workbook. */
export function relabel(report, sheets) {
  if (sheets.some((from) => from?.table)) relabelRefs(report, sheets);
  for (const [index, statement] of (report?.statements ?? []).entries()) {
    const from = sheets[index];
    if (!from) continue;
    if (from.table) {
      relabelTable(statement, from);
      continue;
    }
    const cells = (text) => relabelText(text, from.sheet, from.firstCol);
    statement.format = from.kind;
    statement.sheet = from.sheet;
    // A reason that names a line names a cell now: it keeps that English only (its code's
    // words would say "line"), as statement_office::relabel does.
    for (const key of ['date_order_reason', 'sign_reason']) {
      const text = statement.dialect?.[key];
      if (!text) continue;
      statement.dialect[key] = cells(text);
      if (statement.dialect[key] !== text) delete statement.dialect[`${key}_message`];
    }
    // The message names the cell; `line` (of the converted text) would say it twice.
    // The reader's notes about the canonical text itself (its encoding, the fixed columns) are
  // not about the document (statement_layout::CANONICAL_NOTES).
  const own = statement.diagnostics.filter(({ code }) => code !== 'encoding' && code !== 'column-hints').map(({ line, ...diagnostic }) => ({
      ...diagnostic,
      message: cells(diagnostic.message),
      ...(line ? { cell: cellRef(from.sheet, line, from.firstCol) } : {}),
    }));
    statement.diagnostics = [...from.diagnostics, ...own];
  }
  return report;
}
