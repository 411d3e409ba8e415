// The person's cancellation records: the only thing the page ever stores. One localStorage
// key holding versioned JSON; nothing of a statement is ever written anywhere.

import { isIsoDate } from './dom.js';

export const STORAGE_KEY = 'spendrein.cancellations';
export const STORAGE_VERSION = 1;

const LIMITS = { vendor: 200, confirmation: 200, notes: 2000 };

/** Reads the records; a damaged or foreign value reads as none (and is left alone). */
export function loadRecords() {
  let raw;
  try {
    raw = localStorage.getItem(STORAGE_KEY);
  } catch {
    return [];
  }
  if (!raw) return [];
  try {
    const { records } = validateImport(JSON.parse(raw));
    return records;
  } catch {
    return [];
  }
}

/** Writes the records; returns an error message when the browser refuses. */
export function saveRecords(records) {
  const value = {
    version: STORAGE_VERSION,
    cancellations: records.map(({ id, vendor, cancelled_on, confirmation, notes }) => ({
      id,
      vendor,
      cancelled_on,
      confirmation: confirmation || undefined,
      notes: notes || undefined,
    })),
    settings: storedSettings(),
  };
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(value));
    return null;
  } catch (error) {
    return `your browser would not save the records (${error.name}); they are kept until you close this page`;
  }
}

// Page settings kept beside the records in the same key, `settings: { region }` (web/rights.js
// remembers the region whose rights the person chose). Only short strings, never statement data.
const SETTINGS = { region: /^[a-z]{2,8}$/ };

function storedSettings() {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null')?.settings;
    if (!stored || typeof stored !== 'object') return undefined;
    const kept = Object.fromEntries(Object.entries(stored).filter(([name, value]) => SETTINGS[name]?.test(String(value))));
    return Object.keys(kept).length ? kept : undefined;
  } catch {
    return undefined;
  }
}

/** One saved setting, or null. */
export function loadSetting(name) {
  return storedSettings()?.[name] ?? null;
}

/** Saves one setting beside the records (returns false when refused or not a known setting). */
export function saveSetting(name, value) {
  if (!SETTINGS[name]?.test(String(value))) return false;
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    // A damaged or foreign value is left alone, as loadRecords does.
    if (stored !== null && !(typeof stored === 'object' && Array.isArray(stored.cancellations))) return false;
    const base = stored ?? { version: STORAGE_VERSION, cancellations: [] };
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...base, settings: { ...storedSettings(), [name]: value } }));
    return true;
  } catch {
    return false;
  }
}

export function newId() {
  return globalThis.crypto?.randomUUID?.() ?? `c-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Checks one record from a form or a file. Returns `{ record }` or `{ problems: [...] }`.
 * `where` prefixes each problem (`record 3: `).
 */
export function validateRecord(input, where = '') {
  const problems = [];
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { problems: [`${where}is not an object with vendor and cancelled_on`] };
  }
  const text = (field, required) => {
    const value = input[field];
    if (value === undefined || value === null || value === '') {
      if (required) problems.push(`${where}${field} is missing`);
      return '';
    }
    if (typeof value !== 'string') {
      problems.push(`${where}${field} must be text, not ${Array.isArray(value) ? 'a list' : typeof value}`);
      return '';
    }
    const trimmed = value.trim();
    if (required && !trimmed) problems.push(`${where}${field} is empty`);
    if (trimmed.length > LIMITS[field]) problems.push(`${where}${field} is longer than ${LIMITS[field]} characters`);
    return trimmed;
  };
  const vendor = text('vendor', true);
  const confirmation = text('confirmation', false);
  const notes = text('notes', false);
  const cancelledOn = input.cancelled_on;
  if (cancelledOn === undefined || cancelledOn === null || cancelledOn === '') {
    problems.push(`${where}cancelled_on is missing`);
  } else if (!isIsoDate(cancelledOn)) {
    problems.push(`${where}cancelled_on ${JSON.stringify(String(cancelledOn)).slice(0, 40)} is not a date written YYYY-MM-DD`);
  }
  if (problems.length) return { problems };
  const id = typeof input.id === 'string' && input.id.length <= 100 ? input.id : newId();
  return { record: { id, vendor, cancelled_on: cancelledOn, confirmation, notes } };
}

/**
 * Checks a whole export. Accepts `{ version: 1, cancellations: [...] }` or a bare array.
 * Returns `{ records, problems }` for the records that passed and the ones that did not;
 * throws an Error whose message says why when the file is not an export at all.
 */
export function validateImport(data) {
  let list;
  if (Array.isArray(data)) list = data;
  else if (data && typeof data === 'object' && Array.isArray(data.cancellations)) {
    if (data.version !== undefined && data.version !== STORAGE_VERSION) {
      throw new Error(`the file is version ${JSON.stringify(data.version)} of the export format; this page reads version ${STORAGE_VERSION}`);
    }
    list = data.cancellations;
  } else {
    throw new Error('the file is not a Spendrein export: expected {"version": 1, "cancellations": [...]}');
  }
  if (list.length > 10000) throw new Error(`the file holds ${list.length} records; at most 10000 can be imported`);
  const records = [];
  const problems = [];
  list.forEach((item, index) => {
    const result = validateRecord(item, `record ${index + 1}: `);
    if (result.record) records.push(result.record);
    else problems.push(...result.problems);
  });
  return { records, problems };
}

/** The JSON a person downloads: the same shape as storage, pretty-printed. */
export function exportJson(records) {
  return JSON.stringify(
    {
      version: STORAGE_VERSION,
      cancellations: records.map(({ id, vendor, cancelled_on, confirmation, notes }) => ({
        id,
        vendor,
        cancelled_on,
        ...(confirmation ? { confirmation } : {}),
        ...(notes ? { notes } : {}),
      })),
    },
    null,
    2,
  );
}

/**
 * Merges imported records into the existing ones without losing any: a record with an id
 * already present, or the same vendor and date, is skipped as already there.
 */
export function mergeRecords(existing, incoming) {
  const ids = new Set(existing.map((record) => record.id));
  const keys = new Set(existing.map((record) => `${record.vendor.toLowerCase()}@${record.cancelled_on}`));
  const added = [];
  let skipped = 0;
  for (const record of incoming) {
    const key = `${record.vendor.toLowerCase()}@${record.cancelled_on}`;
    if (ids.has(record.id) || keys.has(key)) {
      skipped++;
      continue;
    }
    ids.add(record.id);
    keys.add(key);
    added.push(record);
  }
  return { records: [...existing, ...added], added: added.length, skipped };
}
