// Spreadsheet statements for the worker, imported by it only when the main module refuses a
// file with code `spreadsheet`. The office module converts the workbook's transaction sheet
// into CSV text (line N = row N of the sheet), which goes into the main Workspace like any CSV;
// reports are then rewritten to name the workbook's format, sheet and cells.
// Text PDFs (code `pdf`) go the same way: the office module finds the transaction table in the
// positioned text and writes it as canonical CSV with the hints to read it; reports are then
// rewritten to name the PDF's pages and lines.

import init, {
  convert,
  relabel as relabelText,
  cell_ref as cellRef,
  convert_pdf as convertPdf,
  place,
  relabel_lines as relabelLines,
} from './pkg/spendrein_wasm_office.js';

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

/**
 * Converts a text PDF and reads its table into `workspace`: `begin(hints)` starts the statement
 * with the hints the canonical table is read with (`flipSign`: the person's correction).
 */
export async function readPdf(workspace, sources, file, begin, flipSign = false) {
  let bytes;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    return unreadable(error);
  }
  await ready;
  const converted = convertPdf(bytes, flipSign);
  if (!converted.ok) return { ok: false, error: converted.error };
  begin(converted.hints);
  workspace.expect_bytes(converted.text.byteLength);
  workspace.push(converted.text);
  const ended = workspace.end();
  if (ended.ok) {
    const { kind, origins, pages, diagnostics, dialect } = converted;
    sources[ended.index] = { kind, origins, pages, diagnostics, dialect, layout: true };
  }
  return ended;
}

/** Every transaction reference of a statement from a rebuilt table gets `place` (page, line). */
function placeRefs(value, index, from, seen = new Set()) {
  if (!value || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const item of value) placeRefs(item, index, from, seen);
    return;
  }
  if (value.statement === index && Number.isInteger(value.line) && typeof value.date === 'string') {
    value.place = place(value.line, from.origins, from.pages);
  }
  for (const key of Object.keys(value)) placeRefs(value[key], index, from, seen);
}

/** Rewrites a statement read from a rebuilt table so it speaks of the PDF's pages and lines. */
function relabelLayout(report, index, statement, from) {
  const lines = (text) => relabelLines(text, from.origins, from.pages);
  statement.format = from.kind;
  statement.dialect = { ...statement.dialect, ...from.dialect };
  const own = statement.diagnostics.map(({ line, ...diagnostic }) => ({
    ...diagnostic,
    message: lines(diagnostic.message),
    ...(line ? { place: place(line, from.origins, from.pages) } : {}),
  }));
  statement.diagnostics = [...from.diagnostics, ...own];
  for (const [key, value] of Object.entries(report)) {
    if (key !== 'statements') placeRefs(value, index, from);
  }
}

/** Rewrites what the reader said about a sheet's text so it speaks of the workbook. */
export function relabel(report, sheets) {
  for (const [index, statement] of (report?.statements ?? []).entries()) {
    const from = sheets[index];
    if (!from) continue;
    if (from.layout) {
      relabelLayout(report, index, statement, from);
      continue;
    }
    const cells = (text) => relabelText(text, from.sheet, from.firstCol);
    statement.format = from.kind;
    statement.sheet = from.sheet;
    for (const key of ['date_order_reason', 'sign_reason']) {
      if (statement.dialect?.[key]) statement.dialect[key] = cells(statement.dialect[key]);
    }
    // The message names the cell; `line` (of the converted text) would say it twice.
    const own = statement.diagnostics.map(({ line, ...diagnostic }) => ({
      ...diagnostic,
      message: cells(diagnostic.message),
      ...(line ? { cell: cellRef(from.sheet, line, from.firstCol) } : {}),
    }));
    statement.diagnostics = [...from.diagnostics, ...own];
  }
  return report;
}
