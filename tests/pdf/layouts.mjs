// Statement layouts for the generated text PDFs. Each layout copies the table layout of a real
// bank's statement (the source is recorded in `source`; tests/pdf/SOURCES.md lists them); the rows
// are ours. `rows` is the truth the scored test checks against (ISO date, signed minor units,
// money out negative); `html()` renders the statement the way that bank prints it.

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n) => String(n).padStart(2, '0');
const parts = (iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  return { y, m, d };
};

function groupDigits(int, sep) {
  return String(int).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}
/** 123456 minor units → "1,234.56" (en), "1.234,56" (de), "1 234,56" (fr); no sign. */
function money(minor, style) {
  const abs = Math.abs(minor);
  const int = Math.floor(abs / 100);
  const cents = pad(abs % 100);
  if (style === 'de') return `${groupDigits(int, '.')},${cents}`;
  if (style === 'fr') return `${groupDigits(int, '\u00a0')},${cents}`;
  return `${groupDigits(int, ',')}.${cents}`;
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// Deterministic rows: recurring subscriptions (so the checker finds streams) among one-off
// spending, salary and transfers, over Nov → Jan (a December → January year change).
function makeRows({ start, months, seed, salary, currency }) {
  let state = seed;
  const rand = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const shops = {
    GBP: ['TESCO STORES 2231', 'SAINSBURYS S/MKT', 'PRET A MANGER', 'TFL TRAVEL CHARGE', 'BOOTS 1142', 'COSTA COFFEE'],
    USD: ['WHOLE FOODS MKT #102', 'SHELL OIL 5744', 'TARGET 00012', 'STARBUCKS STORE 881', 'CVS/PHARMACY #0211', 'UBER TRIP'],
    EUR: ['REWE MARKT GMBH', 'EDEKA CENTER', 'DM DROGERIE MARKT', 'CARREFOUR CITY', 'MONOPRIX', 'SNCF VOYAGES'],
  }[currency];
  const subs = {
    GBP: [['NETFLIX.COM', 1099, 3], ['SPOTIFY UK', 1199, 9], ['PUREGYM LTD', 2499, 1]],
    USD: [['NETFLIX.COM', 1549, 3], ['SPOTIFY USA', 1199, 9], ['PLANET FITNESS', 2499, 1]],
    EUR: [['NETFLIX INTERNATIONAL B.V.', 1399, 3], ['SPOTIFY AB', 1099, 9], ['MCFIT GMBH', 2490, 1]],
  }[currency];
  const rows = [];
  const { y, m } = parts(start);
  for (let k = 0; k < months; k++) {
    const month = ((m - 1 + k) % 12) + 1;
    const year = y + Math.floor((m - 1 + k) / 12);
    const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const date = (d) => `${year}-${pad(month)}-${pad(Math.min(d, days))}`;
    for (const [name, amount, day] of subs) rows.push({ date: date(day), amount: -amount, text: name });
    rows.push({ date: date(25), amount: salary, text: 'SALARY ACME LTD' });
    for (let i = 0; i < 7; i++) {
      const day = 1 + Math.floor(rand() * days);
      const shop = shops[Math.floor(rand() * shops.length)];
      rows.push({ date: date(day), amount: -(150 + Math.floor(rand() * 9000)), text: shop });
    }
    if (k % 2 === 1) rows.push({ date: date(14), amount: 2500 + Math.floor(rand() * 5000), text: 'REFUND AMAZON MARKETPLACE' });
  }
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return rows;
}

function withBalances(rows, opening) {
  let balance = opening;
  return rows.map((r) => {
    balance += r.amount;
    return { ...r, balance };
  });
}

function chunk(rows, size) {
  const out = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out.length ? out : [[]];
}

const BASE_CSS = `
  @page { size: A4; margin: 14mm 12mm; }
  body { font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; font-size: 9pt; color: #111; margin: 0; }
  .page { page-break-after: always; position: relative; min-height: 265mm; }
  .page:last-child { page-break-after: auto; }
  table { border-collapse: collapse; width: 100%; }
  th { text-align: left; font-weight: bold; border-bottom: 1px solid #444; padding: 3px 4px; }
  td { padding: 2px 4px; vertical-align: top; }
  .num { text-align: right; white-space: nowrap; }
  .sub { color: #444; }
  .foot { position: absolute; bottom: 0; left: 0; right: 0; font-size: 7pt; color: #555; border-top: 1px solid #aaa; padding-top: 3px; }
  h1 { font-size: 14pt; margin: 0 0 4px; } h2 { font-size: 11pt; margin: 10px 0 4px; }
  .meta { font-size: 8.5pt; margin-bottom: 8px; }
`;

function doc(title, css, pages) {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title><style>${BASE_CSS}${css}</style></head><body>${pages
    .map((p) => `<section class="page">${p}</section>`)
    .join('\n')}</body></html>`;
}

// ---- Barclays (UK current account) --------------------------------------------------------
function barclaysCurrent() {
  const opening = 152834;
  const rows = withBalances(makeRows({ start: '2025-11-01', months: 3, seed: 7, salary: 245000, currency: 'GBP' }), opening);
  const day = (iso) => {
    const { d, m } = parts(iso);
    return `${pad(d)} ${MONTHS_EN[m - 1]}`;
  };
  const pages = chunk(rows, 16);
  let carried = opening;
  const html = pages.map((pageRows, p) => {
    let body = '';
    if (p === 0) body += `<tr><td>01 Nov</td><td>Start balance</td><td></td><td></td><td class="num">${money(opening, 'en')}</td></tr>`;
    else body += `<tr><td></td><td>Balance brought forward</td><td></td><td></td><td class="num">${money(carried, 'en')}</td></tr>`;
    pageRows.forEach((r, i) => {
      const sameDayAsPrev = i > 0 && pageRows[i - 1].date === r.date;
      const lastOfDay = i === pageRows.length - 1 || pageRows[i + 1].date !== r.date;
      const out = r.amount < 0 ? money(r.amount, 'en') : '';
      const inn = r.amount > 0 ? money(r.amount, 'en') : '';
      const kind = r.amount > 0 ? 'Bank Giro Credit' : r.text.startsWith('NETFLIX') || r.text.startsWith('SPOTIFY') || r.text.startsWith('PUREGYM') ? 'Direct Debit to' : 'Card Payment to';
      body += `<tr><td>${sameDayAsPrev ? '' : day(r.date)}</td><td>${esc(kind)} ${esc(r.text)}<br><span class="sub">Ref: ${1000 + i + p * 20} On ${day(r.date)}</span></td><td class="num">${out}</td><td class="num">${inn}</td><td class="num">${lastOfDay ? money(r.balance, 'en') : ''}</td></tr>`;
      carried = r.balance;
    });
    const last = p === pages.length - 1;
    body += last
      ? `<tr><td></td><td><b>End balance</b></td><td></td><td></td><td class="num"><b>${money(carried, 'en')}</b></td></tr>`
      : `<tr><td></td><td>Balance carried forward</td><td></td><td></td><td class="num">${money(carried, 'en')}</td></tr>`;
    return `${p === 0 ? '<h1>Barclays</h1><div class="meta">Statement date 31 Jan 2026 · Barclays Bank Account · 01 Nov 2025 - 31 Jan 2026<br>Sort Code 20-00-00 · Account no. 12345678</div>' : '<div class="meta">Sort code 20-00-00 · Account number 12345678</div>'}
      <h2>Your transactions</h2>
      <table><thead><tr><th style="width:13%">Date</th><th>Description</th><th class="num" style="width:13%">Money out</th><th class="num" style="width:13%">Money in</th><th class="num" style="width:14%">Balance</th></tr></thead><tbody>${body}</tbody></table>
      <div class="foot">${last ? '' : 'Continued<br>'}Barclays Bank UK PLC. Authorised by the Prudential Regulation Authority. Page ${p + 1}</div>`;
  });
  return { rows, html: doc('Barclays statement', '', html) };
}

// ---- Barclays Everyday Saver (UK savings, one page) ----------------------------------------
function barclaysSaver() {
  const opening = 65128;
  const base = [
    { date: '2025-12-01', amount: -6500, text: 'Transfer to Sort Code 20-20-20', sub: 'Account 33777812 Ref: Mobile-Channel' },
    { date: '2025-12-01', amount: 12, text: 'Interest Earned, £0.12 Gross', sub: 'No Tax Has Been Deducted For The Period 1 Nov to 30 Nov' },
    { date: '2025-12-04', amount: -10000, text: 'Transfer to Sort Code 20-20-20', sub: 'Account 33777812 Ref: Mobile-Channel' },
    { date: '2025-12-04', amount: 19000, text: 'Transfer From Sort Code 20-20-20', sub: 'Account 33777812 Ref: Mobile-Channel' },
    { date: '2025-12-07', amount: 5000, text: 'Transfer From Sort Code 20-20-20', sub: 'Account 33777812 Ref: Mobile-Channel' },
    { date: '2025-12-11', amount: 5000, text: 'Transfer From Sort Code 20-20-20', sub: 'Account 33777812 Ref: Mobile-Channel' },
    { date: '2025-12-12', amount: 15000, text: 'Transfer From Sort Code 20-20-20', sub: 'Account 33777812 Ref: Mobile-Channel' },
    { date: '2025-12-19', amount: -4000, text: 'Transfer to Sort Code 20-20-20', sub: 'Account 33777812 Ref: Mobile-Channel' },
    { date: '2025-12-28', amount: 2500, text: 'Transfer From Sort Code 20-20-20', sub: 'Account 33777812 Ref: Mobile-Channel' },
    { date: '2026-01-02', amount: 18, text: 'Interest Earned, £0.18 Gross', sub: 'No Tax Has Been Deducted For The Period 1 Dec to 31 Dec' },
    { date: '2026-01-05', amount: -20000, text: 'Transfer to Sort Code 20-20-20', sub: 'Account 33777812 Ref: Mobile-Channel' },
  ];
  const rows = withBalances(base, opening);
  const day = (iso) => {
    const { d, m } = parts(iso);
    return `${pad(d)} ${MONTHS_EN[m - 1]}`;
  };
  let body = `<tr><td>25 Nov</td><td>Start balance</td><td></td><td></td><td class="num">${money(opening, 'en')}</td></tr>`;
  rows.forEach((r, i) => {
    const same = i > 0 && rows[i - 1].date === r.date;
    body += `<tr><td>${same ? '' : day(r.date)}</td><td>${esc(r.text)}<br><span class="sub">${esc(r.sub)}</span></td><td class="num">${r.amount < 0 ? money(r.amount, 'en') : ''}</td><td class="num">${r.amount > 0 ? money(r.amount, 'en') : ''}</td><td class="num">${money(r.balance, 'en')}</td></tr>`;
  });
  const end = rows[rows.length - 1].balance;
  const page = `<div class="meta">Statement date 23 Jan 2026</div><h1>Everyday Saver</h1><div class="meta">25 Nov 2025 - 23 Jan 2026 · Sort Code 20-27-05 · Account no. 93710408</div>
    <h2>At a glance</h2><div class="meta">Start balance £${money(opening, 'en')} · End balance £${money(end, 'en')}</div>
    <h2>Your transactions</h2>
    <table><thead><tr><th style="width:12%">Date</th><th>Description</th><th class="num" style="width:13%">Money out</th><th class="num" style="width:13%">Money in</th><th class="num" style="width:13%">Balance</th></tr></thead><tbody>${body}
    <tr><td></td><td><b>End balance</b></td><td></td><td></td><td class="num"><b>${money(end, 'en')}</b></td></tr></tbody></table>
    <div class="foot">Barclays Bank UK PLC. Registered in England. Page 1</div>`;
  return { rows, html: doc('Everyday Saver statement', '', [page]) };
}

// ---- Chase (US credit card) ----------------------------------------------------------------
function chaseCard() {
  const spend = makeRows({ start: '2025-12-05', months: 2, seed: 11, salary: 0, currency: 'USD' })
    .filter((r) => r.amount < 0 && r.date >= '2025-12-05' && r.date <= '2026-01-04')
    .map((r) => ({ ...r, amount: r.amount }));
  const payments = [
    { date: '2025-12-18', amount: 45800, text: 'Payment Thank You-Mobile' },
    { date: '2026-01-02', amount: 1299, text: 'AMAZON MKTPL*RT4KX2 RETURN' },
  ];
  const rows = [...payments, ...spend].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const md = (iso) => {
    const { m, d } = parts(iso);
    return `${pad(m)}/${pad(d)}`;
  };
  // On a card statement, purchases are positive and payments/credits negative.
  const line = (r) => `<tr><td style="width:12%">${md(r.date)}</td><td>${esc(r.text)}</td><td class="num" style="width:14%">${r.amount > 0 ? '-' : ''}${money(r.amount, 'en')}</td></tr>`;
  const credits = rows.filter((r) => r.amount > 0);
  const purchases = rows.filter((r) => r.amount < 0);
  const page = `<h1>CHASE FREEDOM: ULTIMATE REWARDS® Statement</h1>
    <div class="meta">ACCOUNT SUMMARY · Account Number: XXXX XXXX XXXX 1899<br>Opening/Closing Date 12/05/25 - 01/04/26<br>Payment Due Date: 02/01/26</div>
    <h2>ACCOUNT ACTIVITY</h2>
    <table><thead><tr><th>Date of Transaction</th><th>Merchant Name or Transaction Description</th><th class="num">$ Amount</th></tr></thead>
    <tbody><tr><td colspan="3"><b>PAYMENTS AND OTHER CREDITS</b></td></tr>${credits.map(line).join('')}
    <tr><td colspan="3"><b>PURCHASE</b></td></tr>${purchases.map(line).join('')}</tbody></table>
    <div class="foot">Page 1 of 1 · Statement Date: 01/04/26</div>`;
  return { rows, html: doc('Chase card statement', '', [page]) };
}

// ---- Bank of America (US checking, two pages) -----------------------------------------------
function bofaChecking() {
  const rows = makeRows({ start: '2025-12-01', months: 2, seed: 23, salary: 325000, currency: 'USD' });
  const mdy = (iso) => {
    const { y, m, d } = parts(iso);
    return `${pad(m)}/${pad(d)}/${String(y).slice(2)}`;
  };
  const deposits = rows.filter((r) => r.amount > 0);
  const withdrawals = rows.filter((r) => r.amount < 0);
  const line = (r) => `<tr><td style="width:12%">${mdy(r.date)}</td><td>${esc(r.amount > 0 ? `${r.text} DES:PAYROLL ID:0042` : `CHECKCARD ${mdy(r.date).slice(0, 5).replace('/', '')} ${r.text}`)}</td><td class="num" style="width:14%">${r.amount < 0 ? '-' : ''}${money(r.amount, 'en')}</td></tr>`;
  const total = (rs) => rs.reduce((s, r) => s + r.amount, 0);
  const head = '<table><thead><tr><th>Date</th><th>Description</th><th class="num">Amount</th></tr></thead><tbody>';
  const half = Math.ceil(withdrawals.length / 2);
  const page1 = `<h1>Bank of America</h1><div class="meta">Your Adv Plus Banking<br>for December 01, 2025 to January 31, 2026 · Account number: 8981 1929 XXXX</div>
    <h2>Deposits and other additions</h2>${head}${deposits.map(line).join('')}<tr><td></td><td><b>Total deposits and other additions</b></td><td class="num"><b>${money(total(deposits), 'en')}</b></td></tr></tbody></table>
    <h2>Withdrawals and other subtractions</h2>${head}${withdrawals.slice(0, half).map(line).join('')}</tbody></table>
    <div class="foot">Page 1 of 2</div>`;
  const page2 = `<div class="meta">Your Adv Plus Banking · December 01, 2025 to January 31, 2026</div>
    <h2>Withdrawals and other subtractions - continued</h2>${head}${withdrawals.slice(half).map(line).join('')}<tr><td></td><td><b>Total withdrawals and other subtractions</b></td><td class="num"><b>-${money(total(withdrawals), 'en')}</b></td></tr></tbody></table>
    <div class="foot">Page 2 of 2</div>`;
  return { rows, html: doc('Bank of America statement', '', [page1, page2]) };
}

// ---- Volks-/Raiffeisenbank (DE current account, S/H markers, two pages) -----------------------
function vrbank() {
  const opening = 123456;
  const rows = withBalances(makeRows({ start: '2025-11-01', months: 2, seed: 31, salary: 289000, currency: 'EUR' }), opening);
  const dm = (iso) => {
    const { d, m } = parts(iso);
    return `${pad(d)}.${pad(m)}.`;
  };
  const sh = (minor) => `${money(minor, 'de')} ${minor < 0 ? 'S' : 'H'}`;
  const pages = chunk(rows, 14);
  let carried = opening;
  const html = pages.map((pageRows, p) => {
    let body = '';
    body += p === 0
      ? `<tr><td></td><td></td><td>alter Kontostand vom 31.10.2025</td><td class="num">${sh(opening)}</td></tr>`
      : `<tr><td></td><td></td><td>Übertrag von Blatt ${p}</td><td class="num">${sh(carried)}</td></tr>`;
    for (const r of pageRows) {
      const kind = r.amount > 0 ? 'GUTSCHRIFT PN:3000' : /NETFLIX|SPOTIFY|MCFIT/.test(r.text) ? 'LASTSCHRIFT PN:931' : 'KARTENZAHLUNG PN:801';
      body += `<tr><td style="width:9%">${dm(r.date)}</td><td style="width:9%">${dm(r.date)}</td><td>${esc(kind)}<br><span class="sub">${esc(r.text)}</span><br><span class="sub">EREF: ${r.date.replace(/-/g, '')}${Math.abs(r.amount) % 97}</span></td><td class="num" style="width:16%">${sh(r.amount)}</td></tr>`;
      carried = r.balance;
    }
    const last = p === pages.length - 1;
    body += last
      ? `<tr><td></td><td></td><td>neuer Kontostand vom 31.12.2025</td><td class="num">${sh(carried)}</td></tr>`
      : `<tr><td></td><td></td><td>Übertrag auf Blatt ${p + 2}</td><td class="num">${sh(carried)}</td></tr>`;
    return `<h1>Raiffeisenbank im Hochtaunus eG</h1><div class="meta">Kontokorrent · EUR-Konto Kontonummer 10 0754037<br>Kontoauszug Nr. 12/2025 · erstellt am 31.12.2025 · Blatt ${p + 1} von ${pages.length}<br>IBAN: DE48 5006 1741 0100 7540 37</div>
      <table><thead><tr><th>Bu-Tag</th><th>Wert</th><th>Vorgang</th><th class="num"></th></tr></thead><tbody>${body}</tbody></table>
      <div class="foot">Bitte beachten Sie die Hinweise auf der Rückseite. Blatt ${p + 1} von ${pages.length}</div>`;
  });
  return { rows, html: doc('Kontoauszug', '', html) };
}

// ---- J&T Direktbank (DE savings, one page) ---------------------------------------------------
function jtDirekt() {
  const opening = 631344;
  const base = [
    { date: '2025-12-03', amount: -1344, text: 'Storno Abschluss' },
    { date: '2025-12-04', amount: 1520000, text: 'Überweisungsgutschr.', sub: 'Max Muster Einzahlung 003 JT Direktbank' },
    { date: '2025-12-04', amount: 1169, text: 'Abschluss lt. Anlage 1' },
    { date: '2025-12-16', amount: 500000, text: 'Überweisungsgutschr.', sub: 'Max Muster Einzahlung 004 JT Direktbank' },
    { date: '2025-12-19', amount: -40000, text: 'Überweisungsauftrag', sub: 'Max Muster Auszahlung 005 JT Direktbank TAN1:088852' },
    { date: '2025-12-29', amount: -25000, text: 'Überweisungsauftrag', sub: 'Max Muster Auszahlung 006 JT Direktbank TAN1:337148' },
  ];
  const rows = withBalances(base, opening);
  const dm = (iso) => {
    const { d, m } = parts(iso);
    return `${pad(d)}.${pad(m)}.`;
  };
  const sh = (minor) => `${money(minor, 'de')} ${minor < 0 ? 'S' : 'H'}`;
  let body = `<tr><td></td><td></td><td>alter Kontostand vom 28.11.2025</td><td class="num">${sh(opening)}</td></tr>`;
  for (const r of rows) {
    body += `<tr><td style="width:9%">${dm(r.date)}</td><td style="width:9%">${dm(r.date)}</td><td>${esc(r.text)}${r.sub ? `<br><span class="sub">${esc(r.sub)}</span>` : ''}</td><td class="num" style="width:16%">${sh(r.amount)}</td></tr>`;
  }
  body += `<tr><td></td><td></td><td>neuer Kontostand vom 31.12.2025</td><td class="num">${sh(rows[rows.length - 1].balance)}</td></tr>`;
  const page = `<h1>J&amp;T Tagesgeld</h1><div class="meta">EUR-Konto Kontonummer 6480010 · J&amp;T Direktbank - Postfach 232, 45952 Gladbeck<br>Kontoauszug Nr. 12/2025 · erstellt am 31.12.2025 21:53 · Blatt 1 von 1<br>IBAN: DE55 5001 5001 0006 4800 10</div>
    <table><thead><tr><th>Bu-Tag</th><th>Wert</th><th>Vorgang</th><th class="num"></th></tr></thead><tbody>${body}</tbody></table>
    <div class="foot">Bitte beachten Sie die Hinweise auf der Rückseite oder am Ende des Dokuments</div>`;
  return { rows, html: doc('Kontoauszug', '', [page]) };
}

// ---- BNP Paribas (FR current account, Débit / Crédit columns, two pages) ---------------------
function bnp() {
  const opening = 214530;
  const rows = withBalances(makeRows({ start: '2025-11-01', months: 2, seed: 41, salary: 265000, currency: 'EUR' }), opening);
  const dm = (iso) => {
    const { d, m } = parts(iso);
    return `${pad(d)}.${pad(m)}`;
  };
  const pages = chunk(rows, 15);
  const html = pages.map((pageRows, p) => {
    let body = '';
    if (p === 0) body += `<tr><td></td><td><b>SOLDE CREDITEUR AU 31.10.2025</b></td><td></td><td></td><td class="num"><b>${money(opening, 'fr')}</b></td></tr>`;
    for (const r of pageRows) {
      const label = r.amount > 0 ? `VIR SEPA RECU /DE ${r.text} /MOTIF SALAIRE` : /NETFLIX|SPOTIFY|MCFIT/.test(r.text) ? `PRLV SEPA ${r.text}` : `FACTURE CARTE DU ${dm(r.date).replace('.', '')}25 ${r.text}`;
      body += `<tr><td style="width:8%">${dm(r.date)}</td><td>${esc(label)}<br><span class="sub">CARTE 4974XXXXXXXX1234</span></td><td style="width:8%">${dm(r.date)}</td><td class="num" style="width:12%">${r.amount < 0 ? money(r.amount, 'fr') : ''}</td><td class="num" style="width:12%">${r.amount > 0 ? money(r.amount, 'fr') : ''}</td></tr>`;
    }
    const last = p === pages.length - 1;
    if (last) {
      const debits = rows.filter((r) => r.amount < 0).reduce((s, r) => s - r.amount, 0);
      const credits = rows.filter((r) => r.amount > 0).reduce((s, r) => s + r.amount, 0);
      body += `<tr><td></td><td><b>TOTAL DES OPERATIONS</b></td><td></td><td class="num"><b>${money(debits, 'fr')}</b></td><td class="num"><b>${money(credits, 'fr')}</b></td></tr>`;
      body += `<tr><td></td><td><b>SOLDE CREDITEUR AU 31.12.2025</b></td><td></td><td></td><td class="num"><b>${money(rows[rows.length - 1].balance, 'fr')}</b></td></tr>`;
    }
    return `<h1>BNP PARIBAS</h1><div class="meta">RELEVE DE COMPTE CHEQUES · du 1 novembre 2025 au 31 décembre 2025<br>P. ${p + 1}/${pages.length} · N° de compte 30004 01234 00001234567 89</div>
      <table><thead><tr><th>Date</th><th>Nature des opérations</th><th>Valeur</th><th class="num">Débit</th><th class="num">Crédit</th></tr></thead><tbody>${body}</tbody></table>
      <div class="foot">BNP Paribas SA au capital de 2 294 954 818 € · Siège social : 16 bd des Italiens 75009 Paris · P. ${p + 1}/${pages.length}</div>`;
  });
  return { rows, html: doc('Relevé de compte', '', html) };
}

// ---- Monzo (UK current account, signed amount + balance, newest first) -----------------------
function monzo({ months = 2, perPage = 20 } = {}) {
  const opening = 48211;
  const rows = withBalances(makeRows({ start: '2025-12-01', months, seed: 53, salary: 198000, currency: 'GBP' }), opening);
  const dmy = (iso) => {
    const { y, m, d } = parts(iso);
    return `${pad(d)}/${pad(m)}/${y}`;
  };
  const sign = (minor) => `${minor < 0 ? '-' : ''}${money(minor, 'en')}`;
  const newest = [...rows].reverse();
  const pages = chunk(newest, perPage);
  const html = pages.map((pageRows, p) => {
    const body = pageRows
      .map((r) => `<tr><td style="width:14%">${dmy(r.date)}</td><td>${esc(r.text)}</td><td class="num" style="width:15%">${sign(r.amount)}</td><td class="num" style="width:15%">${sign(r.balance)}</td></tr>`)
      .join('');
    return `<h1>Monzo</h1><div class="meta">Personal Account statement · 01/12/2025 - 31/01/2026<br>Account number 12345678 · Sort code 04-00-04</div>
      <table><thead><tr><th>Date</th><th>Description</th><th class="num">(GBP) Amount</th><th class="num">(GBP) Balance</th></tr></thead><tbody>${body}</tbody></table>
      <div class="foot">Monzo Bank Limited is registered in England No. 09446231. Page ${p + 1} of ${pages.length}</div>`;
  });
  return { rows, html: doc('Monzo statement', '', html) };
}

export const LAYOUTS = {
  'barclays-uk-current': { build: barclaysCurrent, country: 'UK', kind: 'current', source: 'Barclays statement "Your transactions" table (Date | Description | Money out | Money in | Balance, "DD Mon" dates shown once per day, two-line descriptions, "Start balance", "Continued" page footer), as in a published Barclays statement: https://www.scribd.com/document/722140170/Statement-23-APR-21-AC-93710408' },
  'barclays-uk-saver': { build: barclaysSaver, country: 'UK', kind: 'savings', source: 'The same Barclays Everyday Saver statement (interest rows with a second line "No Tax Has Been Deducted")' },
  'chase-us-card': { build: chaseCard, country: 'US', kind: 'card', source: 'Chase credit card ACCOUNT ACTIVITY (Date of Transaction | Merchant Name or Transaction Description | $ Amount, MM/DD dates, payments negative, "Opening/Closing Date MM/DD/YY - MM/DD/YY"): monopoly (benjamin-awd/monopoly) src/monopoly/banks/chase config and the PDFBox text in public Chase parsers' },
  'bofa-us-checking': { build: bofaChecking, country: 'US', kind: 'current', source: 'Bank of America Adv Plus Banking statement (Deposits and other additions / Withdrawals and other subtractions, MM/DD/YY, withdrawals negative), pdf text in Signatue-ceo/BankStatementConverter __tests__/parser.test.ts' },
  'vrbank-de-current': { build: vrbank, country: 'DE', kind: 'current', source: 'Raiffeisenbank / VR-Bank Kontoauszug (Bu-Tag | Wert | Vorgang | amount with S/H, "alter Kontostand", "neuer Kontostand vom"), PDFBox text in portfolio-performance/portfolio name.abuchen.portfolio.tests datatransfer/pdf test files' },
  'jt-direktbank-de-saver': { build: jtDirekt, country: 'DE', kind: 'savings', source: 'J&T Direktbank Tagesgeld Kontoauszug (same columns, "alter Kontostand vom", Storno/Abschluss rows), PDFBox text in portfolio-performance/portfolio datatransfer/pdf test files' },
  'bnp-fr-current': { build: bnp, country: 'FR', kind: 'current', source: 'BNP Paribas relevé de compte chèques (Date | Nature des opérations | Valeur | Débit | Crédit, DD.MM dates, SOLDE CREDITEUR AU, TOTAL DES OPERATIONS), the layout simonc56/convertBNP parses' },
  'monzo-uk-current': { build: monzo, country: 'UK', kind: 'current', source: 'Monzo personal account statement (Date DD/MM/YYYY | Description | (GBP) Amount | (GBP) Balance, newest first, debits negative), as public Monzo PDF parsers describe it' },
};

/** The benchmark's statement: the Monzo layout over 20 pages (34 months, 391 rows). */
export const BENCH = { name: 'bench-20-pages', build: () => monzo({ months: 34, perPage: 20 }) };

export function expectedCsv(rows) {
  const lines = ['date,amount_minor,description'];
  for (const r of rows) lines.push(`${r.date},${r.amount},"${r.text.replace(/"/g, '""')}"`);
  return `${lines.join('\n')}\n`;
}
