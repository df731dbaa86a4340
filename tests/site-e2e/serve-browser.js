// `gazette serve` in a real browser: open an article, edit its issue's text and watch the open
// page reload with the change; break a template and see the error overlay; fix it and see the
// overlay go. Prints the time from saving a file to the reloaded page.
// Usage: node serve-browser.js --gazette BINARY --source REPO_DIR [--chromium PATH]
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { fail, missing, need, options } = require('./lib/common');

const argv = process.argv.slice(2);
const chromiumIndex = argv.indexOf('--chromium');
const chromiumPath = chromiumIndex >= 0 ? argv.splice(chromiumIndex, 2)[1] : '/usr/bin/chromium';
const args = options(argv, ['gazette', 'source']);
const { chromium } = need('playwright-core');
if (!fs.existsSync(chromiumPath)) missing(`no Chromium at ${chromiumPath} (Debian package chromium)`);

// A copy of the sample edition to edit.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gazette-serve-browser-'));
const site = path.join(work, 'site');
fs.mkdirSync(site);
fs.cpSync(path.join(args.source, 'content'), path.join(site, 'content'), { recursive: true });
fs.cpSync(path.join(args.source, 'themes'), path.join(site, 'themes'), { recursive: true });
fs.copyFileSync(path.join(args.source, 'site.yaml'), path.join(site, 'site.yaml'));

const problems = [];
const timings = [];

function startServe() {
  return new Promise((resolve, reject) => {
    const proc = spawn(args.gazette, ['serve', '--site', site, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
      if (m) resolve({ proc, url: m[1] });
    });
    proc.on('exit', (code) => reject(new Error(`gazette serve exited (${code}) before serving: ${out}`)));
    setTimeout(() => reject(new Error('gazette serve did not print its URL within 60 s')), 60000);
  });
}

(async () => {
  const { proc, url } = await startServe();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => problems.push(`uncaught exception: ${e.message}`));
    // An article of the 2022-11-08 issue (content/001_….txt): the notice that opens it.
    await page.goto(`${url}2022/11/08/`, { waitUntil: 'load' });
    await page.locator('.front-page .summary__title a').first().click();
    await page.waitForLoadState('load');
    const before = (await page.locator('h1.headline').innerText()).replace(/\s/g, '');
    if (!before.includes('关于继续延长静默管理时间的通告')) fail(`unexpected first article: ${before}`);
    const articleUrl = page.url();

    // Edit the issue's text (not the title: that would move the article to another URL): the
    // open page reloads by itself and shows the change.
    const issue = path.join(site, 'content', '001_ec8a289be981ebcb.txt');
    const text = fs.readFileSync(issue, 'utf8');
    if (!text.includes('万众一心,众志成城')) fail('the sample issue changed: update this test');
    const saved = Date.now();
    fs.writeFileSync(issue, text.replace('万众一心,众志成城', '万众一心,众志成城,同舟共济'));
    await page.waitForFunction(() => document.body.innerText.includes('同舟共济'), null, { timeout: 20000 })
      .catch(() => problems.push('the open article did not reload with the edit'));
    timings.push(`issue edited → page reloaded: ${Date.now() - saved} ms`);
    if (page.url() !== articleUrl) problems.push(`the page moved to ${page.url()}`);

    // Break a template: the overlay lists the error with its position.
    fs.mkdirSync(path.join(site, 'templates'), { recursive: true });
    const broken = path.join(site, 'templates', 'article.html');
    const brokeAt = Date.now();
    fs.writeFileSync(broken, '{% extends "base.html" %}\n{% block main %}{{ article.title }\n{% endblock %}\n');
    await page.waitForSelector('#gazette-error-overlay', { timeout: 20000 })
      .catch(() => problems.push('no error overlay after breaking a template'));
    timings.push(`template broken → overlay shown: ${Date.now() - brokeAt} ms`);
    const overlay = (await page.locator('#gazette-error-overlay').innerText().catch(() => '')) || '';
    if (!/templates\/article\.html:2:\d+: error:/.test(overlay)) problems.push(`the overlay does not name templates/article.html:2: ${overlay.slice(0, 200)}`);
    // A page opened meanwhile shows the overlay too.
    const other = await browser.newPage();
    await other.goto(articleUrl, { waitUntil: 'load' });
    // The overlay comes with the first event of the page's live-reload connection.
    await other.waitForSelector('#gazette-error-overlay', { timeout: 10000 })
      .catch(() => problems.push('a page opened during the failed build shows no overlay'));
    await other.close();

    // Fix it: the overlay goes (the page reloads with the good site).
    const fixedAt = Date.now();
    fs.unlinkSync(broken);
    await page.waitForFunction(() => !document.getElementById('gazette-error-overlay'), null, { timeout: 20000 })
      .catch(() => problems.push('the overlay stayed after the template was fixed'));
    timings.push(`template fixed → overlay gone: ${Date.now() - fixedAt} ms`);
  } finally {
    await browser.close();
    proc.kill('SIGINT');
    await new Promise((r) => proc.on('exit', r));
    fs.rmSync(work, { recursive: true, force: true });
  }
  for (const t of timings) console.log(t);
  for (const p of problems) console.error(`error: ${p}`);
  console.log(`serve-browser: ${problems.length} problems`);
  process.exit(problems.length ? 1 : 0);
})().catch((e) => fail(e.stack || String(e)));
