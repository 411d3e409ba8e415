// The person's cancellation records: the only thing the page ever stores. One localStorage
// key holding versioned JSON, the records and the page's settings (the language); nothing of
// a statement is ever written anywhere. Exports and imports carry the records only.

import { isIsoDate } from './dom.js';
import { t } from './i18n.js';

export const STORAGE_KEY = 'spendrein.cancellations';
export const STORAGE_VERSION = 1;

const LIMITS = { vendor: 200, confirmation: 200, notes: 2000 };

function readStored() {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
  } catch {
    return null;
  }
}

/** Reads the records; a damaged or foreign value reads as none (and is left alone). */
export function loadRecords() {
  const stored = readStored();
  if (!stored) return [];
  try {
    const { records } = validateImport(stored);
    return records;
  } catch {
    return [];
  }
}

/** The page's settings kept beside the records: `{ language, region }` (see SETTINGS below). */
export function loadSettings() {
  return storedSettings() ?? {};
}

/** Keeps `settings` beside the records (which stay as they are); true when it was saved. */
export function saveSettings(settings) {
  const stored = readStored();
  const value = stored && typeof stored === 'object' && !Array.isArray(stored) && Array.isArray(stored.cancellations) ? stored : { version: STORAGE_VERSION, cancellations: [] };
  const kept = Object.fromEntries(Object.entries({ ...storedSettings(), ...settings }).filter(([name, setting]) => SETTINGS[name]?.test(String(setting))));
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ ...value, settings: kept }));
    return true;
  } catch {
    return false;
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
    return t('record.not_saved', { error: error.name });
  }
}

// Page settings kept beside the records in the same key, `settings: { language, region }`: the
// page's language (i18n.js) and the region whose rights the person chose (web/rights.js). Only
// short strings, never statement data; anything else under `settings` is dropped on the next save.
const SETTINGS = { language: /^[a-z]{2}$/, region: /^[a-z]{2,8}$/ };

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
 * Checks one record from a form or a file. Returns `{ record }` or `{ problems: [...], fields:
 * [...] }` (the sentences, and the field each is about). `where` prefixes each problem
 * (`record 3: `); `names` gives the fields the names the person knows (a form's labels),
 * else they are named as in the file.
 */
export function validateRecord(input, where = '', names = {}) {
  const problems = [];
  const fields = [];
  const problem = (field, key, args = {}) => {
    problems.push(`${where}${t(key, { field: names[field] ?? field, ...args })}`);
    fields.push(field);
  };
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { problems: [`${where}${t('record.not_object')}`], fields: [null] };
  }
  const text = (field, required) => {
    const value = input[field];
    if (value === undefined || value === null || value === '') {
      if (required) problem(field, 'record.missing');
      return '';
    }
    if (typeof value !== 'string') {
      problem(field, Array.isArray(value) ? 'record.not_text_list' : 'record.not_text', { type: typeof value });
      return '';
    }
    const trimmed = value.trim();
    if (required && !trimmed) problem(field, 'record.empty');
    if (trimmed.length > LIMITS[field]) problem(field, 'record.too_long', { limit: LIMITS[field] });
    return trimmed;
  };
  const vendor = text('vendor', true);
  const confirmation = text('confirmation', false);
  const notes = text('notes', false);
  const cancelledOn = input.cancelled_on;
  if (cancelledOn === undefined || cancelledOn === null || cancelledOn === '') {
    problem('cancelled_on', 'record.missing');
  } else if (!isIsoDate(cancelledOn)) {
    problem('cancelled_on', 'record.bad_date', { value: JSON.stringify(String(cancelledOn)).slice(0, 40) });
  }
  if (problems.length) return { problems, fields };
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
      throw new Error(t('record.file_version', { version: JSON.stringify(data.version), supported: STORAGE_VERSION }));
    }
    list = data.cancellations;
  } else {
    throw new Error(t('record.not_export'));
  }
  if (list.length > 10000) throw new Error(t('record.too_many', { count: list.length, limit: 10000 }));
  const records = [];
  const problems = [];
  list.forEach((item, index) => {
    const result = validateRecord(item, t('record.where', { n: index + 1 }));
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
