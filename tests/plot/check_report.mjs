// Checks, in headless Chromium with the network off, that an HTML report draws every plot.
//
//   node tests/plot/check_report.mjs REPORT.html [more.html ...] [--screenshot out.png]
//                                    [--min-plots N] [--chromium /usr/bin/chromium]
//
// Every element with class "neuralnotes-plot" must hold plotly's SVG (svg.main-svg), with
// at least as many drawn traces as its data-traces attribute says, and a drawn title equal
// to its data-title. The console must show no error, the page must throw no exception, the
// page must ask for nothing but file: and data: URLs (any other request is blocked and
// counted as a failure), and every file it asks for must be there. When the page loads
// MathJax (nbconvert's reports), MathJax must finish typesetting without a math error.
// Prints one line per report ("ok   FILE: N plots drawn, M formulas typeset") and a
// closing count. Exit code 0 when every report passes.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];

function parseArgs(argv) {
  const opts = { files: [], screenshot: null, minPlots: 1, chromium: '/usr/bin/chromium' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--screenshot') opts.screenshot = argv[++i];
    else if (a === '--min-plots') opts.minPlots = Number(argv[++i]);
    else if (a === '--chromium') opts.chromium = argv[++i];
    else opts.files.push(a);
  }
  if (opts.files.length === 0) {
    console.error('usage: node check_report.mjs REPORT.html [...] [--screenshot out.png] [--min-plots N]');
    process.exit(2);
  }
  return opts;
}

// Runs in the page: what each plot div holds.
function inspectPlots() {
  // compare line by line: a newline in a title must be drawn as a line break
  const norm = (s) => s.replace(/\r\n?/g, '\n').split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim()).join('\n');
  return Array.from(document.querySelectorAll('.neuralnotes-plot')).map((div) => {
    const svg = div.querySelector('svg.main-svg');
    const title = div.querySelector('.gtitle');
    const traces = div.querySelectorAll(
      '.scatterlayer .trace, .heatmaplayer .hm, .contourlayer .contour, .barlayer .trace').length;
    const lines = title ? Array.from(title.querySelectorAll('tspan.line')) : [];
    const drawnTitle = title ? (lines.length ? lines.map((t) => t.textContent).join('\n')
      : title.textContent) : null;
    return {
      id: div.id,
      expectedTitle: div.dataset.title,
      expectedTraces: Number(div.dataset.traces),
      hasSvg: !!svg,
      traces,
      drawnTitle,
      titleMatches: title !== null && norm(drawnTitle) === norm(div.dataset.title),
    };
  });
}

// Runs in the page: waits for MathJax 2 (when the page has it) to finish, counts what it typeset.
function typesetMath() {
  if (!document.querySelector('script[src*="MathJax.js"]')) return { formulas: null };
  if (!window.MathJax || !window.MathJax.Hub) return { formulas: 0, error: 'MathJax did not load' };
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ formulas: 0, error: 'MathJax did not finish in 60 s' }), 60000);
    window.MathJax.Hub.Queue(() => {
      clearTimeout(timer);
      const errors = Array.from(document.querySelectorAll('.MathJax_Error, .mjx-merror, merror'))
        .map((e) => e.textContent.slice(0, 120));
      resolve({
        formulas: document.querySelectorAll('.MathJax_CHTML, .MathJax_SVG, .MathJax').length,
        error: errors.length ? `MathJax errors: ${errors.join(' | ')}` : null,
      });
    });
  });
}

async function checkOne(context, file, opts, index) {
  const failures = [];
  const page = await context.newPage();
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    failures.push(`network request blocked: ${url}`);
    return route.abort();
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') failures.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => failures.push(`page error: ${err.message}`));
  page.on('requestfailed', (request) => {
    const url = request.url();
    if (url.startsWith('file:')) failures.push(`could not load ${url}: ${request.failure()?.errorText}`);
  });
  await page.goto('file://' + path.resolve(file), { waitUntil: 'load', timeout: 120000 });
  // plotly draws synchronously in newPlot; give pending promises (fonts, autosize) a moment
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.neuralnotes-plot'))
    .every((d) => d.querySelector('svg.main-svg')), null, { timeout: 30000 }).catch(() => {});
  await page.waitForTimeout(300);
  const math = await page.evaluate(typesetMath);
  if (math.error) failures.push(math.error);
  const plots = await page.evaluate(inspectPlots);
  if (plots.length < opts.minPlots) {
    failures.push(`expected at least ${opts.minPlots} plots, found ${plots.length}`);
  }
  for (const p of plots) {
    if (!p.hasSvg) failures.push(`plot ${p.id} ("${p.expectedTitle}"): no plotly SVG`);
    else if (p.traces < p.expectedTraces) {
      failures.push(`plot ${p.id}: ${p.traces} traces drawn, expected ${p.expectedTraces}`);
    }
    if (p.hasSvg && !p.titleMatches) {
      failures.push(`plot ${p.id}: title drawn as ${JSON.stringify(p.drawnTitle)}, expected `
        + JSON.stringify(p.expectedTitle));
    }
  }
  if (opts.screenshot && index === 0) {
    fs.mkdirSync(path.dirname(path.resolve(opts.screenshot)), { recursive: true });
    // the first plot with what comes before it, not the whole (often very long) page
    const top = await page.evaluate(() => {
      const first = document.querySelector('.neuralnotes-plot');
      return first ? Math.max(0, first.getBoundingClientRect().top + window.scrollY - 400) : 0;
    });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({
      path: opts.screenshot,
      fullPage: true,
      clip: { x: 0, y: top, width: 1000, height: Math.max(1, Math.min(1400, height - top)) },
    });
  }
  await page.close();
  return { plots, math, failures };
}

const opts = parseArgs(process.argv.slice(2));
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nn-chromium-'));
// a fresh profile directory for every run (Playwright passes it as --user-data-dir)
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: opts.chromium,
  args: FLAGS,
  headless: true,
  viewport: { width: 1000, height: 800 },
});
let passed = 0;
let failed = 0;
try {
  for (let i = 0; i < opts.files.length; i++) {
    const file = opts.files[i];
    const { plots, math, failures } = await checkOne(context, file, opts, i);
    const formulas = math.formulas === null ? '' : `, ${math.formulas} formulas typeset`;
    if (failures.length === 0) {
      passed++;
      console.log(`ok   ${file}: ${plots.length} plots drawn${formulas}`);
    } else {
      failed++;
      console.log(`FAIL ${file}: ${plots.length} plots`);
      for (const f of failures) console.log(`     ${f}`);
    }
  }
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
