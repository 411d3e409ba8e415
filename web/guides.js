// The guide index (search and categories) and one page per guide, built from the guide model
// (crates/guides/src/lib.rs) that the worker returns. Guide text is plain text: textContent only.

import { h, icon, time, today } from './dom.js';

const BILLING = {
  prepaid: 'Paid in advance for each period',
  usage: 'Billed after the fact for what was used, so one more invoice follows a cancellation',
  'prepaid-credits': 'Credits bought in advance and drawn down',
};

const CHANNELS = { direct: 'the service itself', apple: 'Apple', 'google-play': 'Google Play', paypal: 'PayPal', amazon: 'Amazon', roku: 'Roku' };

const SEVERITY = {
  critical: { words: 'Critical', icon: 'alert', help: 'money keeps leaving or data is lost' },
  caution: { words: 'Caution', icon: 'info', help: 'easy to get wrong' },
};

function guideLink(entry) {
  return h('li', { class: 'guide-link', dataset: { guide: entry.id } }, h('a', { href: `#/guides/${entry.id}`, text: entry.name }), h('span', { class: 'guide-summary', text: entry.summary }));
}

/**
 * Renders the index into `target`: grouped by category when `ids` is null, else the ranked
 * search results `ids`. `category` filters either way.
 */
export function renderIndex(target, countLine, index, { ids, category }) {
  target.replaceChildren();
  const wanted = (entry) => !category || entry.category === category;
  if (ids) {
    const found = ids.map((id) => index.byId.get(id)).filter((entry) => entry && wanted(entry));
    countLine.textContent = found.length ? `${found.length} guide${found.length === 1 ? '' : 's'} match.` : 'No guide matches. Try another name, or track the cancellation with the name you know.';
    if (found.length) target.append(h('ul', { class: 'guide-list' }, found.map(guideLink)));
    return;
  }
  let total = 0;
  for (const { id, label } of index.categories) {
    if (category && id !== category) continue;
    const entries = index.guides.filter((entry) => entry.category === id).sort((a, b) => a.name.localeCompare(b.name, 'en'));
    if (!entries.length) continue;
    total += entries.length;
    target.append(h('section', { class: 'guide-category', attrs: { 'aria-labelledby': `category-${id}` } }, h('h2', { id: `category-${id}`, text: label }), h('ul', { class: 'guide-list' }, entries.map(guideLink))));
  }
  countLine.textContent = `${total} guides.`;
}

function section(id, title, ...content) {
  return h('section', { class: 'guide-section', attrs: { 'aria-labelledby': id } }, h('h2', { id, text: title }), ...content);
}

function externalLink(url, text = url) {
  return h('a', { href: url, text, rel: 'noopener noreferrer', class: 'external' });
}

/**
 * Renders one guide page into `target`. `index` gives related guides their names; `sourcing`
 * (guide-page.js, loaded with the guide) renders each claim's sources and the sources list.
 */
export function renderGuide(target, guide, index, sourcing = null) {
  const cited = (src) => sourcing?.claimSources(guide, src) ?? null;
  const trackHref = `#track=${encodeURIComponent(guide.id)}@${today()}`;
  const header = h(
    'header',
    { class: 'guide-header' },
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/guides', text: 'Cancellation guides' }), ` › ${index.categoryLabel(guide.category)}`),
    h('h1', { tabIndex: -1, text: `How to cancel ${guide.name}` }),
    h('p', { class: 'lede', text: guide.summary }),
    h(
      'dl',
      { class: 'guide-facts' },
      h('dt', { text: 'Billing' }),
      h('dd', { text: BILLING[guide.billing] ?? guide.billing }),
      h('dt', { text: 'Charged by' }),
      h('dd', { text: guide.billed_via.map((channel) => CHANNELS[channel] ?? channel).join(', ') }),
      h('dt', { text: 'Last reviewed' }),
      h('dd', {}, time(guide.last_reviewed)),
    ),
    h('p', {}, h('a', { href: trackHref, class: 'button primary', id: 'track-this-guide', text: 'Track this cancellation' })),
    h('p', { class: 'help', text: 'Fills in the checker with today’s date; you can change it before saving.' }),
  );

  const parts = [header];
  if (guide.before_you_start.length) {
    parts.push(section('guide-before', 'Before you start', h('ul', {}, guide.before_you_start.map((item) => h('li', { text: item })))));
  }
  parts.push(
    section(
      'guide-steps',
      'Steps',
      h(
        'ol',
        { class: 'steps' },
        guide.steps.map((step, at) =>
          h(
            'li',
            { id: `step-${at + 1}`, tabIndex: -1, class: 'step' },
            h('h3', { text: step.title }),
            h('p', { text: step.text }),
            step.url ? h('p', { class: 'official' }, 'Official page: ', externalLink(step.url)) : null,
            cited(step.src),
          ),
        ),
      ),
    ),
  );
  if (guide.gotchas.length) {
    parts.push(
      section(
        'guide-gotchas',
        'Gotchas',
        h(
          'ul',
          { class: 'gotchas' },
          guide.gotchas.map((gotcha) => {
            const severity = SEVERITY[gotcha.severity] ?? { words: gotcha.severity, icon: 'info', help: '' };
            return h(
              'li',
              { id: `gotcha-${gotcha.id}`, tabIndex: -1, class: `gotcha severity-${gotcha.severity}` },
              h('h3', {}, h('span', { class: `severity severity-${gotcha.severity}`, attrs: { title: severity.help } }, icon(severity.icon), ` ${severity.words}`), h('span', { class: 'visually-hidden', text: ': ' }), ` ${gotcha.title}`),
              h('p', { text: gotcha.text }),
              cited(gotcha.src),
              gotcha.step ? h('p', {}, h('a', { href: `#/guides/${guide.id}/step-${gotcha.step}`, text: `Fixed by step ${gotcha.step}` })) : null,
            );
          }),
        ),
      ),
    );
  }
  parts.push(section('guide-data', 'Your data after cancelling', h('p', { text: guide.data }), cited(guide.data_src)));
  parts.push(section('guide-refunds', 'Refunds', h('p', { text: guide.refunds }), cited(guide.refunds_src)));
  if (guide.alternatives.length) {
    parts.push(section('guide-alternatives', 'Alternatives to cancelling', h('ul', { class: 'alternatives' }, guide.alternatives.map((alt) => h('li', {}, h('strong', { text: alt.title }), ` — ${alt.text}`)))));
  }
  if (guide.faq.length) {
    parts.push(section('guide-faq', 'Questions', h('dl', { class: 'faq' }, guide.faq.flatMap((item) => [h('dt', { text: item.q }), h('dd', { text: item.a }, cited(item.src))]))));
  }
  const related = guide.related.map((id) => index.byId.get(id)).filter(Boolean);
  if (related.length) {
    parts.push(section('guide-related', 'Related guides', h('ul', { class: 'guide-list compact' }, related.map((entry) => h('li', {}, h('a', { href: `#/guides/${entry.id}`, text: entry.name }))))));
  }
  parts.push(rightsSection());
  parts.push(
    section(
      'guide-sources',
      'Sources',
      h('p', { class: 'muted' }, 'Written in our own words from the pages below; last reviewed ', time(guide.last_reviewed), '.'),
      sourcing?.sourcesIntro(guide),
      sourcing ? sourcing.sourcesList(guide) : h('ul', { class: 'sources' }, guide.sources.map((source) => h('li', {}, externalLink(source.url)))),
    ),
  );
  target.replaceChildren(h('article', { class: 'guide', dataset: { guide: guide.id } }, ...parts));
}

/**
 * "Your rights" on a guide page: web/rights.js is imported when the page is shown (it is not part
 * of the checker's first load); the region is the person's saved choice or their browser's.
 */
function rightsSection() {
  const content = h('div', { class: 'rights' }, h('p', { class: 'muted', text: 'Loading the rights summary…' }));
  import('./rights.js')
    .then((module) => module.renderRights(content, { level: 3 }))
    .catch(() => content.replaceChildren(h('p', { class: 'muted', text: 'The rights summary could not be loaded; try again when you are online.' })));
  return section('guide-rights', 'Your rights', content);
}
