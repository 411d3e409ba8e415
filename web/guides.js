// The guide index (search and categories) and one page per guide, built from the guide model
// (crates/guides/src/lib.rs) that the worker returns. Guide text is plain text: textContent only.

// The page's own words are translated (i18n.js); the guides' text is English for now, marked
// `lang="en"` so screen readers read it as English, and the page says so in its language.

import { h, icon, time, today } from './dom.js';
import { t, tn, language } from './i18n.js';

const BILLING = {
  prepaid: 'billing.prepaid',
  usage: 'billing.usage',
  'prepaid-credits': 'billing.prepaid_credits',
};

const CHANNELS = { apple: 'Apple', 'google-play': 'Google Play', paypal: 'PayPal', amazon: 'Amazon', roku: 'Roku' };
const channelName = (channel) => (channel === 'direct' ? t('channel.direct') : CHANNELS[channel] ?? channel);

const SEVERITY = {
  critical: { words: 'severity.critical', icon: 'alert', help: 'severity.critical.help' },
  caution: { words: 'severity.caution', icon: 'info', help: 'severity.caution.help' },
};

/** Guide text: English, said so to assistive technology. */
const en = (tag, props = {}, ...children) => h(tag, { ...props, lang: 'en' }, ...children);

function guideLink(entry) {
  return h('li', { class: 'guide-link', dataset: { guide: entry.id } }, h('a', { href: `#/guides/${entry.id}`, text: entry.name }), en('span', { class: 'guide-summary', text: entry.summary }));
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
    countLine.textContent = found.length ? t('guides.matches', { count: found.length }) : t('guides.no_match');
    if (found.length) target.append(h('ul', { class: 'guide-list' }, found.map(guideLink)));
    return;
  }
  let total = 0;
  for (const { id, label } of index.categories) {
    if (category && id !== category) continue;
    const entries = index.guides.filter((entry) => entry.category === id).sort((a, b) => a.name.localeCompare(b.name, 'en'));
    if (!entries.length) continue;
    total += entries.length;
    target.append(h('section', { class: 'guide-category', attrs: { 'aria-labelledby': `category-${id}` } }, en('h2', { id: `category-${id}`, text: label }), h('ul', { class: 'guide-list' }, entries.map(guideLink))));
  }
  countLine.textContent = t('guides.count', { count: total });
}

function section(id, title, ...content) {
  return h('section', { class: 'guide-section', attrs: { 'aria-labelledby': id } }, h('h2', { id, text: t(title) }), ...content);
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
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/guides', text: t('page.nav_guides') }), ' › ', en('span', { text: index.categoryLabel(guide.category) })),
    h('h1', { tabIndex: -1, text: t('guide.title', { name: guide.name }) }),
    language() === 'en' ? null : h('p', { class: 'note guides-english', text: t('guides.english_only') }),
    en('p', { class: 'lede', text: guide.summary }),
    h(
      'dl',
      { class: 'guide-facts' },
      h('dt', { text: t('guide.billing') }),
      h('dd', { text: BILLING[guide.billing] ? t(BILLING[guide.billing]) : guide.billing }),
      h('dt', { text: t('guide.charged_by') }),
      h('dd', { text: guide.billed_via.map(channelName).join(', ') }),
      h('dt', { text: t('guide.last_reviewed') }),
      h('dd', {}, time(guide.last_reviewed)),
    ),
    h('p', {}, h('a', { href: trackHref, class: 'button primary', id: 'track-this-guide', text: t('track.save') })),
    h('p', { class: 'help', text: t('guide.track_help') }),
  );

  const parts = [header];
  if (guide.before_you_start.length) {
    parts.push(section('guide-before', 'guide.before', en('ul', {}, guide.before_you_start.map((item) => h('li', { text: item })))));
  }
  parts.push(
    section(
      'guide-steps',
      'guide.steps',
      en(
        'ol',
        { class: 'steps' },
        guide.steps.map((step, at) =>
          h(
            'li',
            { id: `step-${at + 1}`, tabIndex: -1, class: 'step' },
            h('h3', { text: step.title }),
            h('p', { text: step.text }),
            step.url ? h('p', { class: 'official', lang: language() }, t('guide.official'), externalLink(step.url)) : null,
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
        'guide.gotchas',
        en(
          'ul',
          { class: 'gotchas' },
          guide.gotchas.map((gotcha) => {
            const known = SEVERITY[gotcha.severity];
            const severity = known ? { words: t(known.words), icon: known.icon, help: t(known.help) } : { words: gotcha.severity, icon: 'info', help: '' };
            return h(
              'li',
              { id: `gotcha-${gotcha.id}`, tabIndex: -1, class: `gotcha severity-${gotcha.severity}` },
              h('h3', {}, h('span', { class: `severity severity-${gotcha.severity}`, lang: language(), attrs: { title: severity.help } }, icon(severity.icon), ` ${severity.words}`), h('span', { class: 'visually-hidden', text: ': ' }), ` ${gotcha.title}`),
              h('p', { text: gotcha.text }),
              cited(gotcha.src),
              gotcha.step ? h('p', { lang: language() }, h('a', { href: `#/guides/${guide.id}/step-${gotcha.step}`, text: t('guide.fixed_by', { step: gotcha.step }) })) : null,
            );
          }),
        ),
      ),
    );
  }
  parts.push(section('guide-data', 'guide.data', en('p', { text: guide.data }), cited(guide.data_src)));
  parts.push(section('guide-refunds', 'guide.refunds', en('p', { text: guide.refunds }), cited(guide.refunds_src)));
  if (guide.alternatives.length) {
    parts.push(section('guide-alternatives', 'guide.alternatives', en('ul', { class: 'alternatives' }, guide.alternatives.map((alt) => h('li', {}, h('strong', { text: alt.title }), ` — ${alt.text}`)))));
  }
  if (guide.faq.length) {
    parts.push(section('guide-faq', 'guide.faq', en('dl', { class: 'faq' }, guide.faq.flatMap((item) => [h('dt', { text: item.q }), h('dd', { text: item.a }, cited(item.src))]))));
  }
  const related = guide.related.map((id) => index.byId.get(id)).filter(Boolean);
  if (related.length) {
    parts.push(section('guide-related', 'guide.related', h('ul', { class: 'guide-list compact' }, related.map((entry) => h('li', {}, h('a', { href: `#/guides/${entry.id}`, text: entry.name }))))));
  }
  parts.push(rightsSection());
  parts.push(
    section(
      'guide-sources',
      'guide.sources',
      h('p', { class: 'muted' }, ...tn('guide.sources_text', { date: time(guide.last_reviewed) })),
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
  const content = h('div', { class: 'rights' }, h('p', { class: 'muted', text: t('guide.rights_loading') }));
  import('./rights.js')
    .then((module) => module.renderRights(content, { level: 3 }))
    .catch(() => content.replaceChildren(h('p', { class: 'muted', text: t('guide.rights_failed') })));
  return section('guide-rights', 'guide.rights', content);
}
