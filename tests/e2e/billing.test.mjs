// Billing entities (guides/billing/entities.toml) in the recurring table: a vendor with a guide
// behind a reseller is that vendor "billed via" the reseller; an unknown one is named by the
// descriptor's tail and said to be billed via the reseller for a vendor without a guide. The
// descriptors are the register's real examples.

import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, assertClean } from './helpers.mjs';
import { drop } from './page-support.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('charges through Digital River, Paddle and Nord Security name the vendor and the biller', async () => {
  const { context, page, problems } = await openPage(browser);
  const rows = ['Date,Description,Amount'];
  for (const month of ['01', '02', '03']) {
    rows.push(`2026-${month}-05,DRI*ADOBE SALES SHANNON,-59.99`, `2026-${month}-07,PADDLE.NET* N8N CLOUD1,-28.56`, `2026-${month}-09,SL.NORD* PRODUCTS,-12.99`);
  }
  await drop(page, [{ name: 'billing.csv', text: rows.join('\n') }]);
  const table = await page.$$eval('.recurring-table tbody tr', (trs) => trs.map((tr) => ({ guide: tr.dataset.guide, service: tr.querySelector('td').textContent })));
  const byGuide = (id) => table.find((row) => row.guide === id)?.service;
  assert.equal(byGuide('adobe-creative-cloud'), 'Adobe Creative Cloud (billed via Digital River)');
  assert.equal(byGuide('nordvpn'), 'NordVPN (billed via Nord Security)');
  const paddle = table.find((row) => row.guide === '' && /N8n/i.test(row.service));
  assert.ok(paddle, JSON.stringify(table));
  assert.match(paddle.service, /^N8n Cloud1 \(billed via Paddle for a vendor we have no guide for\)$/);
  assertClean(problems);
  await context.close();
});
