// Opens an Entente report.html in Debian's headless Chromium through
// puppeteer-core (which downloads no browser) and uses it as an analyst
// would, for tests/report_e2e_test.cpp and the measurements of
// docs/PERFORMANCE.md.
//
// Usage:
//   node open_report.mjs REPORT.html OUTDIR [--chromium PATH] [--search NAME]
//        [--hide-type TYPE] [--runs N] [--timing-only] [--width W] [--height H]
//
// What it does, in a fresh profile, with the flags that Debian's Chromium
// needs headless on a machine without a GPU or network (no sandbox, software
// WebGL, no background networking; any request that leaves the file is
// listed and refused):
//   1. opens the page N times (--runs, default 1) and measures each time from
//      navigation start to the drawing being ready (window.ententeReport.ready,
//      set two frames after sigma.js rendered), in the page and from here, and
//      the JS heap then;
//   unless --timing-only, on the last opening:
//   2. types NAME into the search box and presses Enter: the panel must show it;
//   3. unticks the entity type TYPE (default Institution) in the filters: fewer
//      nodes must be shown;
//   4. closes the panel and clicks the drawn node of NAME with the mouse: the
//      panel must show it, with its documents;
//   5. clicks edges with the mouse (at points of their lines away from any
//      node), until one shows its sentences in the panel;
//   taking a screenshot after steps 1, 2, 4 and 5 into OUTDIR:
//   report-1-opened.png, report-2-search.png, report-3-node.png, report-4-edge.png.
// Prints one JSON object on stdout:
//   {"opens": [{"ms": .., "wallMs": .., "heapMB": ..}], "fileMB": .., "nodes": N, "edges": M,
//    "shown": {"nodes": .., "edges": ..}, "requests": [...], "errors": [...],
//    "search": {"title": .., "documents": n}, "filter": {"type": .., "shownBefore": .., "shownAfter": ..},
//    "node": {"title": .., "labels": [..], "documents": n, "wikidata": ..},
//    "edge": {"title": .., "sentences": [..], "tries": n, "edge": k},
//    "screenshots": [paths]}
// and exits 0, or 1 with a message on stderr when a step fails, 2 on bad usage.
import puppeteer from 'puppeteer-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

function usage(message) {
  process.stderr.write(
    message +
      '\nusage: node open_report.mjs REPORT.html OUTDIR [--chromium PATH] [--search NAME] [--hide-type TYPE] [--runs N] [--timing-only] [--width W] [--height H]\n'
  );
  process.exit(2);
}

const args = process.argv.slice(2);
const positional = [];
const opt = { chromium: '/usr/bin/chromium', search: '', hideType: 'Institution', runs: 1, timingOnly: false, width: 1366, height: 900 };
for (let i = 0; i < args.length; ++i) {
  const a = args[i];
  const value = () => (i + 1 < args.length ? args[++i] : usage(a + ' needs a value'));
  if (a === '--chromium') opt.chromium = value();
  else if (a === '--search') opt.search = value();
  else if (a === '--hide-type') opt.hideType = value();
  else if (a === '--runs') opt.runs = Number(value());
  else if (a === '--width') opt.width = Number(value());
  else if (a === '--height') opt.height = Number(value());
  else if (a === '--timing-only') opt.timingOnly = true;
  else if (a.startsWith('--')) usage('unknown option ' + a);
  else positional.push(a);
}
if (positional.length !== 2) usage('REPORT.html and OUTDIR are needed');
if (!(opt.runs >= 1)) usage('--runs needs a number from 1');
if (!opt.timingOnly && !opt.search) usage('--search NAME is needed (or --timing-only)');
const [report, outdir] = positional;
if (!fs.existsSync(report)) usage(report + ': no such file');
fs.mkdirSync(outdir, { recursive: true });

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'entente-report-chromium-'));
const result = { opens: [], requests: [], errors: [], screenshots: [] };
let browser;

async function finish(code, message) {
  if (message) process.stderr.write(message + '\n');
  process.stdout.write(JSON.stringify(result) + '\n');
  if (browser) await browser.close().catch(() => {});
  fs.rmSync(profile, { recursive: true, force: true });
  process.exit(code);
}
const fail = (message) => finish(1, message);
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function shot(page, name) {
  const file = path.join(outdir, name);
  await page.screenshot({ path: file });
  result.screenshots.push(file);
}

/// The panel's title and what it shows of a node or an edge.
async function panel(page) {
  return page.evaluate(() => {
    const q = (s) => document.querySelector(s);
    const docs = q('#panel-documents');
    return {
      title: q('#panel-title') ? q('#panel-title').textContent : '',
      labels: [...document.querySelectorAll('#panel-labels li')].map((li) => li.textContent),
      documents: docs ? docs.querySelectorAll('li').length : 0,
      wikidata: q('#panel-wikidata') ? q('#panel-wikidata').getAttribute('href') : '',
      sentences: [...document.querySelectorAll('#panel-sentences blockquote bdi')].map((b) => b.textContent),
    };
  });
}

try {
  browser = await puppeteer.launch({
    executablePath: opt.chromium,
    headless: true,
    pipe: true, // DevTools over a pipe: no port is opened
    userDataDir: profile,
    defaultViewport: { width: opt.width, height: opt.height },
    args: [
      '--no-sandbox', // Debian's Chromium as root (CI) has no usable sandbox
      '--disable-gpu',
      '--enable-unsafe-swiftshader', // software WebGL, for sigma.js, where there is no GPU
      '--disable-quic',
      '--disable-component-update',
    ],
  });
} catch (e) {
  await fail('Chromium (' + opt.chromium + ') could not start: ' + e.message);
}
const page = (await browser.pages())[0] || (await browser.newPage());
const url = pathToFileURL(path.resolve(report)).href;
// The page must need nothing but itself: every other request is refused and listed.
await page.setRequestInterception(true);
page.on('request', (request) => {
  if (request.url() === url || request.url().startsWith('data:')) return request.continue();
  result.requests.push(request.url());
  return request.abort();
});
page.on('pageerror', (e) => result.errors.push(String(e)));
page.on('console', (m) => {
  if (m.type() === 'error') result.errors.push(m.text());
});

for (let run = 0; run < opt.runs; ++run) {
  const client = await page.createCDPSession();
  await client.send('HeapProfiler.collectGarbage').catch(() => {});
  await client.detach();
  const started = Date.now();
  await page.goto(url, { waitUntil: 'load', timeout: 120000 });
  try {
    await page.waitForFunction(() => window.ententeReport && (window.ententeReport.ready || window.ententeReport.error), {
      timeout: 120000,
      polling: 20,
    });
  } catch (e) {
    await fail('the network view did not become ready: ' + e.message);
  }
  const wallMs = Date.now() - started;
  const open = await page.evaluate(() => ({
    error: window.ententeReport.error,
    ms: window.ententeReport.timings.drawn,
    parsedMs: window.ententeReport.timings.parsed,
    nodes: window.ententeReport.nodes ? window.ententeReport.nodes.length : 0,
    edges: window.ententeReport.edges ? window.ententeReport.edges.length : 0,
    shown: window.ententeReport.shown,
  }));
  if (open.error) await fail('the network view failed: ' + open.error);
  const metrics = await page.metrics();
  result.opens.push({
    ms: Math.round(open.ms),
    parsedMs: Math.round(open.parsedMs),
    wallMs,
    heapMB: Math.round((metrics.JSHeapUsedSize / 1048576) * 10) / 10,
  });
  result.nodes = open.nodes;
  result.edges = open.edges;
  result.shown = open.shown;
}
result.fileMB = Math.round((fs.statSync(report).size / 1048576) * 100) / 100;
// The view at the top of the window, as someone who scrolled to it sees it.
await page.evaluate(() => document.getElementById('network').scrollIntoView());
await pause(100);
await shot(page, 'report-1-opened.png');

if (!opt.timingOnly) {
  // 2. Search: type the name, then Enter picks the first match.
  await page.click('#search');
  await page.type('#search', opt.search);
  await page.waitForSelector('#results li', { timeout: 10000 }).catch(() => {});
  await page.keyboard.press('Enter');
  await pause(600); // the camera moves to the node
  const found = await panel(page);
  result.search = { title: found.title, documents: found.documents };
  if (!found.title.includes(opt.search)) await fail('search: the panel shows "' + found.title + '", not ' + opt.search);
  await shot(page, 'report-2-search.png');
  const target = await page.evaluate(() => window.ententeReport.selected.node);

  // 3. A type filter: untick one entity type.
  const before = await page.evaluate(() => window.ententeReport.shown);
  const box = '#filter-types input[data-type="' + opt.hideType + '"]';
  const checked = await page.$eval(box, (b) => b.checked).catch(() => null);
  if (checked === null) await fail('no filter for the type ' + opt.hideType);
  if (!checked) await fail('the type ' + opt.hideType + ' is not ticked at first');
  await page.click(box);
  const after = await page.evaluate(() => window.ententeReport.shown);
  result.filter = { type: opt.hideType, shownBefore: before, shownAfter: after };
  if (!(after.nodes < before.nodes)) await fail('unticking ' + opt.hideType + ' hid nothing');

  // 4. Click the node with the mouse: close the panel first.
  await page.click('#panel-close');
  if ((await panel(page)).title) await fail('the panel did not close');
  const at = await page.evaluate((i) => window.ententeReport.nodePoint(i), target);
  await page.mouse.click(at.x, at.y);
  await pause(200);
  const clicked = await panel(page);
  result.node = { title: clicked.title, labels: clicked.labels, documents: clicked.documents, wikidata: clicked.wikidata };
  if (!clicked.title.includes(opt.search)) await fail('node click at ' + JSON.stringify(at) + ': the panel shows "' + clicked.title + '"');
  await shot(page, 'report-3-node.png');

  // 5. Click edges: among the edges drawn with sentences, at the points of
  // their lines farthest from any node first.
  const candidates = await page.evaluate(() => {
    const r = window.ententeReport;
    const frame = document.getElementById('graph').getBoundingClientRect();
    const points = [];
    r.nodes.forEach((n, i) => {
      if (r.visibleNode[i]) points.push(r.nodePoint(i));
    });
    const out = [];
    r.edges.forEach((e, k) => {
      if (!r.visibleEdge[k] || !e.e) return;
      const a = r.nodePoint(e.s);
      const b = r.nodePoint(e.o);
      for (const t of [0.5, 0.4, 0.6]) {
        const x = a.x + (b.x - a.x) * t;
        const y = a.y + (b.y - a.y) * t;
        if (x < frame.left + 10 || x > frame.right - 10 || y < frame.top + 10 || y > frame.bottom - 10) continue;
        let clear = Infinity;
        for (const p of points) clear = Math.min(clear, Math.hypot(p.x - x, p.y - y) - p.size);
        out.push({ k, x, y, clear });
      }
    });
    out.sort((p, q) => q.clear - p.clear);
    return out.slice(0, 25);
  });
  let tries = 0;
  for (const c of candidates) {
    ++tries;
    await page.mouse.click(c.x, c.y);
    await pause(400); // longer than a double click lasts
    const seen = await panel(page);
    if (seen.sentences.length) {
      result.edge = { title: seen.title, sentences: seen.sentences, tries, edge: await page.evaluate(() => window.ententeReport.selected.edge) };
      break;
    }
  }
  if (!result.edge) await fail('no edge click showed a sentence (' + tries + ' tries)');
  await shot(page, 'report-4-edge.png');
}

await finish(0);
