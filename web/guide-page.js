// What the guide page needs beyond the first load, imported on demand when a guide is opened
// (issue 16): the guide's body and the rendering of its sources.
//
// A guide's body (steps' text, gotchas' text, data, refunds, alternatives, FAQ, sources) is not
// in the checker's wasm: `cargo xtask build` writes each guide as an ES module
// `pkg/guides/<id>.js` (`export default { …the whole guide… }`), loaded here with `import()`
// (the page's CSP allows same-origin scripts and forbids fetch). The service worker keeps each
// one once fetched. Text goes into the page through `textContent` only (dom.js `h`).

import { h, time } from './dom.js';
import { t, tn } from './i18n.js';

const GUIDE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The whole guide `id` (head and body), or null when there is no such guide. `known(id)` says
 * whether the id is in the guide index, so only ids the build wrote are ever imported.
 * Rejects when the module cannot be loaded (offline before the guide was ever opened).
 */
export async function loadGuide(id, known) {
  if (!GUIDE_ID.test(id) || !known(id)) return null;
  const url = new URL(`./pkg/guides/${id}.js`, import.meta.url).href;
  // Offline, only guides opened before are in the service worker's cache: say so rather than
  // attempt a load that can only fail.
  if (!navigator.onLine && globalThis.caches && !(await caches.match(url))) {
    throw new Error('you are offline, and this guide was not opened before');
  }
  const module = await import(url);
  const guide = module.default;
  if (!guide || guide.id !== id) throw new Error(`pkg/guides/${id}.js holds another guide`);
  return guide;
}

const prefetched = new Set();

/** Starts loading guide `id`'s body (once), for a link the person is about to follow. */
export function prefetchGuide(id, known) {
  if (prefetched.has(id) || !GUIDE_ID.test(id) || !known(id)) return;
  prefetched.add(id);
  import(new URL(`./pkg/guides/${id}.js`, import.meta.url).href).catch(() => prefetched.delete(id));
}

const OWNER = { vendor: 'guide.owner_vendor', 'third-party': 'guide.owner_third_party' };

function sourceById(guide, id) {
  return guide.sources.find((source) => source.id === id) ?? null;
}

function sourceLink(source, text) {
  if (!/^https?:\/\//.test(source.url)) return h('span', { text });
  return h('a', { href: source.url, text, target: '_blank', rel: 'noopener noreferrer', class: 'source-link' });
}

/** Whether every source `src` names is a third party's page (none of them the vendor's). */
export function thirdPartyOnly(guide, src) {
  const owners = (src ?? []).map((id) => sourceById(guide, id)?.owner).filter(Boolean);
  return owners.length > 0 && owners.every((owner) => owner === 'third-party');
}

/**
 * The line under one claim (a step, a gotcha, the data or refunds text, an FAQ answer): its
 * sources as links opening in a new tab, and "not confirmed on the vendor's own help pages"
 * when all of them are third parties'. Null for legacy guides, whose claims cite nothing.
 */
export function claimSources(guide, src) {
  if (guide.legacy || !src?.length) return null;
  const sources = src.map((id) => sourceById(guide, id)).filter(Boolean);
  if (!sources.length) return null;
  const links = [];
  sources.forEach((source, at) => {
    if (at) links.push(', ');
    links.push(sourceLink(source, source.title));
  });
  const unconfirmed = thirdPartyOnly(guide, src);
  return h(
    'p',
    { class: `claim-sources${unconfirmed ? ' unconfirmed' : ''}`, dataset: { src: src.join(' ') } },
    unconfirmed ? h('strong', { class: 'unconfirmed-note', text: `${t('guide.unconfirmed')} ` }) : null,
    `${t(sources.length === 1 ? 'guide.claim_source' : 'guide.claim_sources')} `,
    ...links,
  );
}

/**
 * The list of the guide's sources: title (a link, new tab), whose page it is and the day it
 * was read. Legacy guides list their URLs only, as before.
 */
export function sourcesList(guide) {
  if (guide.legacy) {
    return h('ul', { class: 'sources' }, guide.sources.map((source) => h('li', {}, sourceLink(source, source.url))));
  }
  return h(
    'ul',
    { class: 'sources' },
    guide.sources.map((source) =>
      h(
        'li',
        { id: `source-${source.id}`, dataset: { owner: source.owner } },
        sourceLink(source, source.title),
        h('span', { class: 'source-meta' }, ' — ', ...tn('guide.source_meta', { owner: OWNER[source.owner] ? t(OWNER[source.owner]) : source.owner, date: time(source.read) })),
      ),
    ),
  );
}

/** The sentence above the sources list. */
export function sourcesIntro(guide) {
  if (guide.legacy) return null;
  const vendor = guide.sources.filter((source) => source.owner === 'vendor').length;
  return h('p', { class: 'muted sources-intro', text: t('guide.sources_intro', { vendor, total: guide.sources.length }) });
}
