// Checks that an HTML report shows every plot without JavaScript: headless Chromium with
// JavaScript disabled and the network off opens each report; every element with class
// "neuralnotes-plot" must hold an <img> of the plot (its PNG, a data: URL) that the browser
// decoded, at least 100x100 pixels. Requests outside file: and data: are blocked and fail.
//
//   node tests/plot/check_static.mjs REPORT.html [more.html ...] [--chromium /usr/bin/chromium]
//
// Prints one line per report ("ok   FILE: N plot images") and a closing count; exit code 0
// when every report passes.
import { chromium } from 'playwright-core';
import path from 'node:path';

const files = [];
let executablePath = '/usr/bin/chromium';
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--chromium') executablePath = argv[++i];
  else files.push(argv[i]);
}
if (files.length === 0) {
  console.error('usage: node check_static.mjs REPORT.html [...] [--chromium /usr/bin/chromium]');
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath, headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--no-first-run', '--disable-sync'],
});
let passed = 0;
let failed = 0;
try {
  const context = await browser.newContext({ javaScriptEnabled: false });
  for (const file of files) {
    const failures = [];
    const page = await context.newPage();
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      failures.push(`network request blocked: ${url}`);
      return route.abort();
    });
    await page.goto('file://' + path.resolve(file), { waitUntil: 'load', timeout: 120000 });
    const plots = await page.evaluate(() => Array.from(document.querySelectorAll('.neuralnotes-plot'))
      .map((div) => {
        const img = div.querySelector('img');
        return {
          title: div.dataset.title,
          png: !!img && img.src.startsWith('data:image/png;base64,'),
          width: img ? img.naturalWidth : 0,
          height: img ? img.naturalHeight : 0,
        };
      }));
    for (const p of plots) {
      if (!p.png) failures.push(`plot "${p.title}": no PNG image`);
      else if (p.width < 100 || p.height < 100) {
        failures.push(`plot "${p.title}": image ${p.width}x${p.height} (not decoded?)`);
      }
    }
    await page.close();
    if (failures.length === 0) {
      passed++;
      console.log(`ok   ${file}: ${plots.length} plot images`);
    } else {
      failed++;
      console.log(`FAIL ${file}: ${plots.length} plots`);
      for (const f of failures) console.log(`     ${f}`);
    }
  }
} finally {
  await browser.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
