// The page's side of the worker protocol (see worker.js): requests with ids, progress events,
// and a watchdog. A worker that fails, traps or stays silent while busy is terminated and
// replaced by a fresh one; what it held (the statements) is gone, and the page says so.

// A busy worker posts progress at least every 100 ms while reading; a whole analysis of a
// large statement is one call that can take seconds, so silence is judged generously.
const STALL_MS = 45000;

/** A restart's reason in English (the rejected requests' messages; the page translates it). */
function restartEnglish({ kind, detail, seconds, repeated }) {
  const text = { failed: `it failed: ${detail}`, unreadable: 'a message could not be read', internal: `the engine stopped on an internal error: ${detail}`, stalled: `it did not answer for ${seconds} seconds` }[kind] ?? String(kind);
  return repeated ? `${text}; it keeps failing, so reload the page` : text;
}

export class Bridge {
  /**
   * `createScriptURL` turns './worker.js' into a Trusted Types script URL; `onProgress(event)`
   * gets progress; `onRestart(why)` is told when the worker was replaced (`why`: see `restart`). `worker`, when
   * given, is a worker the caller already started (so the wasm loads while the caller's own
   * modules still do); replacements are started here.
   */
  constructor({ createScriptURL, onProgress, onRestart, worker = null }) {
    this.createScriptURL = createScriptURL;
    this.onProgress = onProgress;
    this.onRestart = onRestart;
    this.pending = new Map();
    this.nextId = 1;
    this.worker = null;
    this.lastHeard = 0;
    this.watchdog = null;
    this.start(worker);
  }

  start(started = null) {
    this.worker = started ?? new Worker(this.createScriptURL('./worker.js'), { type: 'module' });
    this.worker.addEventListener('message', (event) => this.onMessage(event.data));
    this.worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.restart({ kind: 'failed', detail: event.message || 'worker error' });
    });
    this.worker.addEventListener('messageerror', () => this.restart({ kind: 'unreadable' }));
  }

  /**
   * Replaces the worker. `why` is `{ kind, detail?, seconds? }` (`failed`, `unreadable`,
   * `internal`, `stalled`; `detail` is the browser's or the engine's English); `onRestart`
   * gets it with `repeated: true` once it keeps failing, and its English as `text`.
   */
  restart(why) {
    this.worker?.terminate();
    const pending = [...this.pending.values()];
    this.pending.clear();
    this.stopWatchdog();
    // A worker that cannot even start (a broken download) would otherwise restart forever.
    const now = performance.now();
    this.restarts = (this.restarts ?? []).filter((at) => now - at < 10000).concat(now);
    if (this.restarts.length <= 3) this.start();
    else {
      this.worker = { postMessage() {}, terminate() {} };
      why = { ...why, repeated: true };
    }
    const reason = restartEnglish(why);
    for (const { reject } of pending) {
      reject(Object.assign(new Error(`the statement reader stopped (${reason}) and was restarted`), { code: 'restarted' }));
    }
    this.onRestart?.({ ...why, text: reason });
  }

  /** Sends a request; resolves with its result, rejects with an Error carrying `code`. */
  request(type, payload = {}) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, type });
      this.lastHeard = performance.now();
      this.startWatchdog();
      this.worker.postMessage({ ...payload, id, type });
    });
  }

  onMessage(data) {
    this.lastHeard = performance.now();
    if (data.type === 'crashed') {
      this.restart({ kind: 'internal', detail: data.message });
      return;
    }
    if (data.type === 'progress') {
      if (this.pending.has(data.id)) this.onProgress?.(data);
      return;
    }
    const entry = this.pending.get(data.id);
    if (!entry) return;
    this.pending.delete(data.id);
    if (!this.pending.size) this.stopWatchdog();
    if (data.ok) entry.resolve(data.result);
    else entry.reject(Object.assign(new Error(data.error.message), { code: data.error.code }));
  }

  startWatchdog() {
    if (this.watchdog) return;
    this.watchdog = setInterval(() => {
      if (this.pending.size && performance.now() - this.lastHeard > STALL_MS) {
        this.restart({ kind: 'stalled', seconds: Math.round(STALL_MS / 1000) });
      }
    }, 1000);
  }

  stopWatchdog() {
    clearInterval(this.watchdog);
    this.watchdog = null;
  }
}
