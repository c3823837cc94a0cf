// Opens a notebook in a running JupyterLab 4 (or Notebook 7) in headless Chromium, runs all
// cells from the interface, and checks that every plot draws (plotly SVG with its title): each
// plot output is plotly's JSON, which plotly's renderer (the jupyterlab-plotly extension of the
// plotly Python package) draws; a saved output with a PNG shows the PNG until the pointer enters it.
// With --run no it runs nothing: the plots saved in a trusted notebook must draw as they are.
//
//   node tests/plot/jupyter_ui.mjs --url http://127.0.0.1:8899 --token TOKEN \
//        --notebook plot_display.ipynb --plots 7 [--ui lab|notebook] [--run yes|no]
//        [--screenshot out.png] [--chromium /usr/bin/chromium]
//
// The notebook path is relative to the server's root directory. Requests to anything but the
// server are blocked and counted as failures.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
const base = args.url || 'http://127.0.0.1:8899';
const ui = args.ui || 'lab';
const expected = Number(args.plots || 1);
const runCells = (args.run || 'yes') !== 'no';
const failures = [];
const notes = [];

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nn-chromium-ui-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: args.chromium || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync'],
  viewport: { width: 1400, height: 1000 },
});
let drawn = 0;
try {
  const page = await context.newPage();
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    if (url.startsWith('ws://127.0.0.1') || url.startsWith('ws://localhost')) return route.continue();
    failures.push(`request outside the server blocked: ${url}`);
    return route.abort();
  });
  // Notebook 7 itself throws a few errors in a headless browser (command registry, settings
  // schema); they are reported, but only undrawn plots and error outputs fail the check
  page.on('pageerror', (err) => notes.push(`page error: ${err.message}`));
  const where = ui === 'lab' ? 'lab/tree' : 'notebooks';
  await page.goto(`${base}/${where}/${args.notebook}?token=${args.token}`, { waitUntil: 'domcontentloaded' });
  // wait for the kernel to be idle, then run every cell from the menu
  await page.waitForSelector('.jp-Notebook .jp-Cell', { state: 'attached', timeout: 120000 });
  await page.waitForFunction(() => {
    const s = document.querySelector('.jp-Notebook-ExecutionIndicator, [data-status]');
    return !s || (s.getAttribute('data-status') || 'idle') === 'idle';
  }, null, { timeout: 120000 }).catch(() => {});
  await page.waitForTimeout(3000);
  const runAll = async () => {
    await page.getByRole('menuitem', { name: 'Run', exact: true }).click();
    await page.getByRole('menuitem', { name: /^Run All Cells/ }).click();
  };
  // cells that ran or wait to run show [n] or [*]; all [ ] means the command did not reach a kernel
  const started = () => Array.from(document.querySelectorAll('.jp-CodeCell .jp-InputPrompt'))
    .some((p) => /\[\s*[0-9*]+\s*\]/.test(p.textContent));
  if (runCells) {
    await runAll();
    // a Run All given while the kernel session is still connecting runs nothing: give it again
    for (let attempt = 1; attempt <= 3; attempt++) {
      const until = Date.now() + 30000;
      while (Date.now() < until && !(await page.evaluate(started))) await page.waitForTimeout(1000);
      if (await page.evaluate(started)) break;
      notes.push(`no cell had started 30 s after Run All (attempt ${attempt}); running all cells again`);
      await runAll();
    }
  }
  // done when every plot has drawn and no cell waits or runs ([*]); cells left unrun show [ ]
  const busy = () => Array.from(document.querySelectorAll('.jp-CodeCell .jp-InputPrompt'))
    .filter((p) => p.textContent.includes('*')).length;
  // saved plots draw as soon as the page renders them; running the cells takes the notebook's time
  const waitMs = runCells ? 480000 : 90000;
  const deadline = Date.now() + waitMs;
  let running = 0;
  while (Date.now() < deadline) {
    // a plot drawn by plotly's renderer from its JSON (.jp-RenderedPlotly), or from the HTML part
    // that figures carry after Notebook.setup() (.neuralnotes-plot). plotly's renderer shows the
    // saved PNG of an output that has one and draws the figure when the pointer enters it: enter
    // each such image; bring the next plot not drawn yet into view
    drawn = await page.evaluate(() => {
      let next = null;
      for (const o of document.querySelectorAll('.jp-RenderedPlotly, .neuralnotes-plot')) {
        if (o.querySelector('svg.main-svg .gtitle')) {
          o.dataset.nnDrawn = 'yes';
          continue;
        }
        const img = o.querySelector('img.plot-img');
        if (img && img.style.display !== 'none') img.dispatchEvent(new MouseEvent('mouseenter'));
        next = next || o;
      }
      if (next) next.scrollIntoView();
      return document.querySelectorAll('[data-nn-drawn]').length;
    });
    running = await page.evaluate(busy);
    if (drawn >= expected && running === 0) break;
    await page.waitForTimeout(1000);
  }
  if (running > 0) failures.push(`${running} cells still running or waiting after ${waitMs / 1000} s`);
  if (drawn < expected) failures.push(`${drawn} plots drawn, expected ${expected}`);
  const errors = await page.evaluate(() => Array.from(document.querySelectorAll('.jp-OutputArea-output'))
    .filter((o) => o.getAttribute('data-mime-type') === 'application/vnd.jupyter.stderr'
      || o.classList.contains('jp-mod-error')).map((o) => o.textContent.slice(0, 200)));
  for (const e of errors) failures.push(`error output: ${e}`);
  if (args.screenshot) {
    await page.evaluate(() => document.querySelector('.jp-RenderedPlotly, .neuralnotes-plot')?.scrollIntoView());
    await page.waitForTimeout(500);
    fs.mkdirSync(path.dirname(path.resolve(args.screenshot)), { recursive: true });
    await page.screenshot({ path: args.screenshot, fullPage: false });
  }
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
console.log(`${ui}${runCells ? ', run from the interface' : ', as saved'}: ${args.notebook}: ${drawn} plots drawn`);
for (const n of notes) console.log(`note ${n}`);
for (const f of failures) console.log(`FAIL ${f}`);
console.log(`${failures.length === 0 ? 1 : 0} passed, ${failures.length === 0 ? 0 : 1} failed`);
process.exitCode = failures.length === 0 ? 0 : 1;
