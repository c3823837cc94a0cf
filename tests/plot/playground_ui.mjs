// Plays with notebooks/06-playground.ipynb in a running JupyterLab 4, as a student would, in
// headless Chromium: runs every cell from the interface, then on the last playground presses play
// and checks that the step count and the loss curve advance (and how often the page redraws),
// pauses, drags the learning-rate slider and checks that Java saw it (the status line names the new
// rate, and the same number of steps from the same start now gives another loss), presses reset,
// plays and interrupts the kernel (Kernel ▸ Interrupt Kernel: the step count must stop within a
// frame and the play button come up), then plays again and closes the notebook's tab.
//
//   node tests/plot/playground_ui.mjs --url http://127.0.0.1:8899 --token TOKEN \
//        --notebook 06-playground.ipynb --out build/playground/ijava [--chromium /usr/bin/chromium]
//
// Writes OUT-playing.png, OUT-paused.png, OUT-slider.png, OUT-reset.png, OUT-interrupted.png,
// OUT-fps.json (the redraws per second while playing) and prints one "measure: {...}" JSON line.
// With the tab closed (JupyterLab still open, the kernel still running, play left on) it prints a
// "tab-closed: {...}" line and waits for a line on its standard input, while the caller checks in
// the kernel's JVM that play stops; then it closes the browser.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
const base = args.url;
const out = args.out || 'build/playground/playground';
const failures = [];
const notes = [];
const measure = {};
const check = (ok, what) => { if (!ok) failures.push(what); };

fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nn-chromium-playground-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: args.chromium || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync'],
  viewport: { width: 1500, height: 1100 },
});
try {
  const page = await context.newPage();
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith('data:') || url.startsWith('blob:')
      || url.startsWith('ws://127.0.0.1')) return route.continue();
    failures.push(`request outside the server blocked: ${url}`);
    return route.abort();
  });
  page.on('pageerror', (err) => notes.push(`page error: ${err.message}`));
  await page.goto(`${base}/lab/tree/${args.notebook}?token=${args.token}`, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('.jp-Notebook .jp-Cell', { state: 'attached', timeout: 120000 });
  await page.waitForTimeout(5000);
  const news = page.getByRole('button', { name: 'No', exact: true });
  if (await news.isVisible().catch(() => false)) await news.click();   // "notified about Jupyter news?"
  const started = () => Array.from(document.querySelectorAll('.jp-CodeCell .jp-InputPrompt'))
    .some((p) => /\[\s*[0-9*]+\s*\]/.test(p.textContent));
  for (let attempt = 1; attempt <= 3 && !(await page.evaluate(started)); attempt++) {
    await page.getByRole('menuitem', { name: 'Run', exact: true }).click();
    await page.getByRole('menuitem', { name: /^Run All Cells/ }).click();
    const until = Date.now() + 30000;
    while (Date.now() < until && !(await page.evaluate(started))) await page.waitForTimeout(1000);
  }
  const busy = () => Array.from(document.querySelectorAll('.jp-CodeCell .jp-InputPrompt'))
    .filter((p) => p.textContent.includes('*')).length;
  const playgrounds = () => document.querySelectorAll('.jp-OutputArea-output .widget-vbox').length;
  const until = Date.now() + 300000;
  while (Date.now() < until && ((await page.evaluate(busy)) > 0 || (await page.evaluate(playgrounds)) < 7)) {
    await page.waitForTimeout(1000);
  }
  measure.playgrounds = await page.evaluate(playgrounds);
  check(measure.playgrounds === 7, `${measure.playgrounds} playgrounds shown, expected 7`);
  const errors = await page.evaluate(() => Array.from(document.querySelectorAll('.jp-OutputArea-output'))
    .filter((o) => o.classList.contains('jp-mod-error')
      || o.getAttribute('data-mime-type') === 'application/vnd.jupyter.stderr')
    .map((o) => o.textContent.slice(0, 300)));
  for (const e of errors) failures.push(`error output: ${e}`);

  // the last playground: its controls, its status line, its loss plot
  const cell = page.locator('.jp-CodeCell').filter({ has: page.locator('.widget-vbox') }).last();
  const root = cell.locator('.jp-OutputArea-output .widget-vbox').first();
  const status = root.locator('.widget-label').first();
  const button = (name) => root.locator('button', { hasText: name }).first();
  const text = async () => (await status.textContent()).trim();
  const stepOf = (s) => Number((s.match(/^step (\d+)/) || [])[1]);
  const lossOf = (s) => Number((s.match(/train loss ([0-9.]+)/) || [])[1]);
  const lossPoints = () => cell.evaluate((c) => {
    const plots = Array.from(c.querySelectorAll('.js-plotly-plot'));
    const loss = plots.find((p) => (p.layout?.title?.text || p.layout?.title || '').toString().startsWith('Loss'));
    return loss ? loss.data[0].x.length : -1;
  });
  await cell.scrollIntoViewIfNeeded();
  await root.scrollIntoViewIfNeeded();
  const start = await text();
  measure.start = start;
  check(stepOf(start) === 0, `before play the status reads "${start}", expected step 0`);
  const pointsBefore = await lossPoints();

  // play: for 5 s, count the redraws the student sees: distinct status lines (the label) and
  // distinct titles of the training plot ("Training points, step N": the figures drawn anew; while
  // playing they are SVG images under captions, when paused plotly's figures)
  const plotTitle = () => cell.evaluate((c) => {
    const t = Array.from(c.querySelectorAll('.nn-playground-title, .js-plotly-plot .gtitle'))
      .map((e) => e.textContent).find((x) => x.startsWith('Training points'));
    return t || '';
  });
  await button('play').click();
  await page.waitForFunction((el) => !/^step 0 /.test(el.textContent.trim()), await status.elementHandle(),
    { timeout: 30000 });
  const labels = [];
  const titles = [];
  const t0 = Date.now();
  while (Date.now() - t0 < 5000) {
    const s = await text();
    if (labels[labels.length - 1] !== s) labels.push(s);
    const t = await plotTitle();
    if (titles[titles.length - 1] !== t) titles.push(t);
    await page.waitForTimeout(20);
  }
  const seconds = (Date.now() - t0) / 1000;
  measure.label_updates_per_second = Number(((labels.length - 1) / seconds).toFixed(2));
  measure.figure_updates_per_second = Number(((titles.length - 1) / seconds).toFixed(2));
  measure.steps_while_measuring = [stepOf(labels[0]), stepOf(labels[labels.length - 1])];
  const playing = await text();
  measure.playing = playing;
  check(stepOf(labels[labels.length - 1]) > stepOf(labels[0]),
    `the step count did not advance while playing: "${labels[0]}" -> "${labels[labels.length - 1]}"`);
  check(titles.length > 2, `the figures were not redrawn while playing: ${JSON.stringify(titles)}`);
  measure.frame_images = await cell.evaluate((c) => c.querySelectorAll('.nn-playground-frame img').length);
  check(measure.frame_images === 3, `while playing ${measure.frame_images} figure images shown, expected 3`);
  await page.screenshot({ path: `${out}-playing.png` });
  fs.writeFileSync(`${out}-fps.json`, JSON.stringify({
    kernel: path.basename(out),
    seconds: Number(seconds.toFixed(2)),
    figure_updates_per_second: measure.figure_updates_per_second,
    label_updates_per_second: measure.label_updates_per_second,
    steps: measure.steps_while_measuring,
    how: 'distinct "Training points, step N" plot titles and distinct status lines seen in the page, '
      + 'polled every 20 ms for 5 s while playing',
  }, null, 1) + '\n');

  // pause: the step count stops within one redraw (25 steps) of what the page showed at the click
  await button('play').click();
  const atClick = stepOf(await text());
  await page.waitForTimeout(1500);
  const paused = stepOf(await text());
  await page.waitForTimeout(1500);
  const later = stepOf(await text());
  measure.pause = [atClick, paused, later];
  check(later === paused, `still training after pause: ${paused} -> ${later}`);
  check(paused - atClick <= 2 * 25, `pause took more than one redraw: step ${atClick} at the click, ${paused} after`);
  // paused: the interactive figures again, the loss curve with the points of every frame played
  await page.waitForFunction(([c, n]) => Array.from(c.querySelectorAll('.js-plotly-plot .gtitle'))
    .some((e) => e.textContent === `Training points, step ${n}`), [await cell.elementHandle(), paused],
  { timeout: 60000 }).catch(() => {});
  const pointsAfter = await lossPoints();
  measure.loss_points = [pointsBefore, pointsAfter];
  check(pointsAfter > pointsBefore + 2, `the loss curve did not advance: ${pointsBefore} -> ${pointsAfter} points`);
  await page.screenshot({ path: `${out}-paused.png` });

  // the same start, five steps: the same loss twice; after the slider moves, another one
  const fiveSteps = async () => {
    await button('reset').click();
    await page.waitForFunction((el) => /^step 0 /.test(el.textContent.trim()), await status.elementHandle(),
      { timeout: 20000 });
    for (let i = 1; i <= 5; i++) {
      await button('one step').click();
      await page.waitForFunction(([el, n]) => el.textContent.trim().startsWith(`step ${n} `),
        [await status.elementHandle(), i], { timeout: 20000 });
    }
    return text();
  };
  const first = await fiveSteps();
  const again = await fiveSteps();
  check(lossOf(first) === lossOf(again), `the same setting gave two losses after 5 steps: "${first}", "${again}"`);
  const slider = root.locator('.widget-slider', { hasText: 'learning rate' }).first();
  const rateBefore = (await slider.locator('.widget-readout').textContent()).trim();
  const handle = slider.locator('.noUi-handle').first();
  const box = await handle.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 20, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await page.waitForTimeout(1500);
  const rateAfter = (await slider.locator('.widget-readout').textContent()).trim();
  measure.learning_rate = [rateBefore, rateAfter];
  check(rateAfter !== rateBefore, `the slider did not move: ${rateBefore}`);
  const saw = await text();
  measure.status_after_slider = saw;
  check(saw.includes(`learning rate ${rateAfter},`),
    `Java did not see the new rate: slider ${rateAfter}, status "${saw}"`);
  const other = await fiveSteps();
  measure.five_step_losses = [lossOf(first), lossOf(again), lossOf(other)];
  check(lossOf(other) !== lossOf(first), `a new learning rate gave the same loss after 5 steps: "${other}"`);
  await page.screenshot({ path: `${out}-slider.png` });

  // reset: step 0 and the loss of the start again
  await button('reset').click();
  await page.waitForFunction((el) => /^step 0 /.test(el.textContent.trim()), await status.elementHandle(),
    { timeout: 20000 }).catch(() => {});
  const reset = await text();
  measure.reset = reset;
  check(stepOf(reset) === 0 && lossOf(reset) === lossOf(start), `after reset "${reset}", at first "${start}"`);
  await page.screenshot({ path: `${out}-reset.png` });

  // a kernel interrupt stops play: the thread plays on its own, which the kernel's interrupt of the
  // running cell does not reach by itself
  const pressed = () => button('play').evaluate((b) => b.classList.contains('mod-active'));
  await button('play').click();
  await page.waitForFunction((el) => Number((el.textContent.trim().match(/^step (\d+)/) || [])[1]) >= 100,
    await status.elementHandle(), { timeout: 30000 });
  await page.getByRole('menuitem', { name: 'Kernel', exact: true }).click();
  const atInterrupt = stepOf(await text());
  await page.getByRole('menuitem', { name: /^Interrupt Kernel/ }).click();
  const interruptedAt = Date.now();
  let lastStep = atInterrupt;
  let lastChange = interruptedAt;
  while (Date.now() - interruptedAt < 4000) {
    const s = stepOf(await text());
    if (s !== lastStep) { lastStep = s; lastChange = Date.now(); }
    await page.waitForTimeout(20);
  }
  measure.interrupt = { steps_at_click: atInterrupt, steps_after: lastStep,
    last_step_ms_after_click: lastChange - interruptedAt, play_pressed_after: await pressed() };
  check(lastChange - interruptedAt < 2000, `the steps still advanced ${lastChange - interruptedAt} ms after the interrupt`);
  check(lastStep - atInterrupt <= 3 * 25, `the interrupt took more than a frame or two: step ${atInterrupt} -> ${lastStep}`);
  check(!measure.interrupt.play_pressed_after, 'the play button stayed down after the interrupt');
  await page.screenshot({ path: `${out}-interrupted.png` });

  // play again, then close the notebook's tab: JupyterLab stays open and keeps the kernel, and
  // closes no comm; play must stop because the page's heartbeat stops (the caller checks the JVM)
  if (!(await pressed())) await button('play').click();
  await page.waitForFunction(([el, n]) => Number((el.textContent.trim().match(/^step (\d+)/) || [])[1]) >= n + 50,
    [await status.elementHandle(), lastStep], { timeout: 30000 });
  measure.steps_at_close = stepOf(await text());
  check(await pressed(), 'play was not down before closing the tab');
  await page.locator('#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current .lm-TabBar-tabCloseIcon').first().click();
  const discard = page.locator('.jp-Dialog button', { hasText: /Discard|Don.t Save/i }).first();
  await discard.click({ timeout: 10000 }).catch(() => {});   // the notebook ran, so it is unsaved
  await page.waitForFunction(() => document.querySelectorAll('.jp-NotebookPanel').length === 0, null,
    { timeout: 20000 });
  console.log(`tab-closed: ${JSON.stringify({ steps_at_close: measure.steps_at_close, at: Date.now() })}`);
  await new Promise((resolve) => { process.stdin.once('data', resolve); process.stdin.once('end', resolve); });
  process.stdin.pause();
} catch (e) {
  failures.push(`the test stopped: ${e.message.split('\n')[0]}`);
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
console.log(`measure: ${JSON.stringify(measure)}`);
for (const n of notes) console.log(`note ${n}`);
for (const f of failures) console.log(`FAIL ${f}`);
console.log(`${failures.length === 0 ? 1 : 0} passed, ${failures.length === 0 ? 0 : 1} failed`);
process.exitCode = failures.length === 0 ? 0 : 1;
