// The loader a host site includes to embed the Spendrein checker:
//   <script src="https://<spendrein origin>/embed.js" data-vendor="openai-api"
//           data-cancelled-on="2026-06-02" data-theme="light|dark|auto" data-lang="de" async></script>
// or, for several widgets, `<div data-spendrein data-vendor="…" …></div>` placeholders and the
// script once. Each widget is an iframe of `/widget/` on the Spendrein origin: the host page
// cannot read it, and it tells the host only its height and a coarse status (see README,
// "Embed on your site"). The settings travel in the iframe URL's fragment, never to a server.
(() => {
  const script = document.currentScript;
  if (!script?.src) return;
  const base = new URL('./', script.src);
  const origin = base.origin;
  const STATUSES = ['ready', 'loading', 'working', 'done', 'error'];
  // The frame's title in the widget's language (its page has the rest of its words).
  const TITLES = {
    en: 'Spendrein: did your cancellation stop the charges?',
    de: 'Spendrein: Hat Ihre Kündigung die Abbuchungen gestoppt?',
    fr: 'Spendrein : votre résiliation a-t-elle arrêté les prélèvements ?',
    es: 'Spendrein: ¿tu cancelación detuvo los cargos?',
    nl: 'Spendrein: heeft uw opzegging de afschrijvingen gestopt?',
  };
  const primary = (tag) => String(tag ?? '').toLowerCase().split('-')[0];
  const frames = new Set();
  let count = 0;

  /** The widget's settings from an element's data attributes, checked. */
  function settings(element) {
    const { vendor, cancelledOn, theme, lang } = element.dataset;
    // The language: `data-lang`, else the host page's own language, else (left out) the
    // visitor's browser decides in the widget.
    const language = [lang, document.documentElement.lang].map(primary).find((code) => Object.hasOwn(TITLES, code));
    return {
      vendor: (vendor ?? '').trim().slice(0, 200),
      cancelled_on: /^\d{4}-\d{2}-\d{2}$/.test(cancelledOn ?? '') ? cancelledOn : '',
      theme: ['light', 'dark', 'auto'].includes(theme) ? theme : 'auto',
      ...(language ? { lang: language } : {}),
    };
  }

  function frameFor(options) {
    const id = `w${++count}-${Math.random().toString(36).slice(2, 8)}`;
    const fragment = new URLSearchParams({ ...options, host: location.origin, id });
    const frame = document.createElement('iframe');
    frame.src = `${new URL('widget/', base).href}#${fragment}`;
    frame.title = TITLES[options.lang] ?? TITLES[primary(navigator.language)] ?? TITLES.en;
    frame.className = 'spendrein-widget';
    // Links open the full page in a new tab, unsandboxed; the frame cannot navigate the host.
    frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
    frame.referrerPolicy = 'no-referrer';
    frame.loading = 'lazy';
    frame.style.cssText = 'display:block;width:100%;max-width:40rem;height:22rem;border:0;border-radius:8px';
    frames.add(frame);
    return frame;
  }

  function mount(element) {
    element.dataset.spendreinMounted = '';
    element.replaceChildren(frameFor(settings(element)));
  }

  // Only messages from our own frames, from the Spendrein origin exactly, of the two known
  // kinds, are used; anything else is ignored.
  addEventListener('message', (event) => {
    if (event.origin !== origin) return;
    let frame;
    for (const candidate of frames) if (candidate.contentWindow === event.source) frame = candidate;
    const data = event.data;
    if (!frame || !data || data.spendrein !== 1) return;
    if (data.type === 'size' && Number.isFinite(data.height)) {
      frame.style.height = `${Math.min(6000, Math.max(120, Math.ceil(data.height)))}px`;
    } else if (data.type === 'status' && STATUSES.includes(data.status)) {
      frame.dataset.status = data.status;
      frame.dispatchEvent(new CustomEvent('spendrein:status', { bubbles: true, detail: { status: data.status } }));
    }
  });

  // An async script can run before the rest of the page is parsed: look for placeholders once
  // it is. Without any, the widget goes right after the script tag (at the end of the body for
  // a script in the head), with the tag's settings.
  function setup() {
    const placeholders = document.querySelectorAll('[data-spendrein]');
    if (placeholders.length) {
      for (const element of placeholders) if (!('spendreinMounted' in element.dataset)) mount(element);
    } else if (document.head.contains(script)) {
      document.body.append(frameFor(settings(script)));
    } else {
      script.after(frameFor(settings(script)));
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setup);
  else setup();
})();
