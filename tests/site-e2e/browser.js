// A reader's walk through a built site in Debian's Chromium (driven by playwright-core):
// home → a year → a month → an issue → an article → its author → the tags → a tag, clicking
// the links a reader would click. On every page: the title is right, no console error, no failed
// request, no request to another host, no serious or critical axe-core violation; screenshots
// of every page on a 360 px phone and a desktop (and the article in dark mode) are saved.
// The site is served under its base path (e.g. /archive/), as a static host would.
// Usage: node browser.js --public DIR --base-url URL --artifacts DIR [--chromium PATH]
'use strict';
const fs = require('fs');
const path = require('path');
const { fail, missing, need, options, basePath, serve } = require('./lib/common');

const argv = process.argv.slice(2);
const chromiumIndex = argv.indexOf('--chromium');
const chromiumPath = chromiumIndex >= 0 ? argv.splice(chromiumIndex, 2)[1] : '/usr/bin/chromium';
const args = options(argv, ['public', 'base-url', 'artifacts']);
const { chromium } = need('playwright-core');
const axeSource = require.resolve('axe-core/axe.min.js');
if (!fs.existsSync(chromiumPath)) missing(`no Chromium at ${chromiumPath} (Debian package chromium)`);

const prefix = basePath(args['base-url']);
const site = fs.readFileSync(path.join(args.public, 'index.html'), 'utf8');
const siteTitle = decode((/<title>([^<]*)<\/title>/.exec(site) || [])[1] || '');
const problems = [];
const pages = [];  // {name, url} visited

function decode(s) {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 900 } },
  phone: { viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
};

// A browser context that records every console error, failed request, HTTP error and request
// to another host as a problem of the page being looked at.
async function context(browser, origin, kind, colorScheme = 'light') {
  const ctx = await browser.newContext({ ...VIEWPORTS[kind], colorScheme, locale: 'zh-CN' });
  const where = { page: '(start)' };
  await ctx.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== origin) {
      problems.push(`${where.page} [${kind}]: request to another host: ${url.href}`);
      return route.abort();
    }
    return route.continue();
  });
  const page = await ctx.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${where.page} [${kind}]: console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`${where.page} [${kind}]: uncaught exception: ${e.message}`));
  page.on('requestfailed', (r) => {
    if (new URL(r.url()).origin === origin) problems.push(`${where.page} [${kind}]: request failed: ${r.url()} (${r.failure() && r.failure().errorText})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${where.page} [${kind}]: HTTP ${r.status()}: ${r.url()}`);
  });
  return { ctx, page, where };
}

// axe-core on the page as it is: serious and critical violations are problems, the rest notes.
async function audit(page, name, kind) {
  await page.addScriptTag({ path: axeSource });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  for (const v of result.violations) {
    const line = `${name} [${kind}]: axe ${v.impact} ${v.id}: ${v.help} (${v.nodes.length}×: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`;
    if (v.impact === 'serious' || v.impact === 'critical') problems.push(line);
    else console.log(`note: ${line}`);
  }
}

async function checkTitle(page, name, expected) {
  const title = await page.title();
  const h1 = (await page.locator('h1').first().innerText()).trim();
  if (!title.includes(siteTitle)) problems.push(`${name}: title "${title}" does not name the site "${siteTitle}"`);
  if (expected && !title.includes(expected)) problems.push(`${name}: title "${title}" does not contain "${expected}"`);
  if (!h1) problems.push(`${name}: no <h1> text`);
  console.log(`${name}: ${title}`);
  return { title, h1 };
}

// Follows the link `selector` (the first visible one) like a reader: a click, then the page.
async function follow(page, where, selector, name) {
  const link = page.locator(selector).first();
  if ((await link.count()) === 0) fail(`${where.page}: no link ${selector} to follow to the ${name}`);
  const text = (await link.innerText()).trim();
  await link.scrollIntoViewIfNeeded();
  const before = page.url();
  await link.click();
  await page.waitForURL((u) => u.href !== before, { waitUntil: 'networkidle' });
  where.page = name;
  pages.push({ name, url: page.url() });
  return text;
}

(async () => {
  fs.mkdirSync(args.artifacts, { recursive: true });
  const server = await serve(path.resolve(args.public), prefix);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    // ---- the walk, on a desktop
    const { ctx, page, where } = await context(browser, origin, 'desktop');
    where.page = 'home';
    await page.goto(`${origin}${prefix}`, { waitUntil: 'networkidle' });
    pages.push({ name: 'home', url: page.url() });
    await checkTitle(page, 'home', siteTitle);

    // the skip link is the first stop of the keyboard, visible when focused, and leads to <main>
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const a = document.activeElement;
      const r = a.getBoundingClientRect();
      return { cls: a.className, href: a.getAttribute('href'), visible: r.top >= 0 && r.height > 0 };
    });
    if (skip.cls !== 'skip-link' || skip.href !== '#main' || !skip.visible) problems.push(`home: the first Tab does not show the skip link (${JSON.stringify(skip)})`);
    if ((await page.locator('main#main').count()) !== 1) problems.push('home: no <main id="main">');

    const year = await follow(page, where, '.year-list a', 'year');
    await checkTitle(page, 'year', year.split(/\s/)[0]);
    await follow(page, where, '.calendar caption a', 'month');
    await checkTitle(page, 'month', year.split(/\s/)[0]);
    const issueDate = await follow(page, where, '.issue-card__date a', 'issue');
    await checkTitle(page, 'issue', issueDate);
    if ((await page.locator('.masthead__paper').count()) !== 1) problems.push('issue: no masthead');

    // the first article of the issue with a linked author
    const issueUrl = page.url();
    const articles = await page.locator('.front-page .summary__title a').count();
    if (articles === 0) fail('issue: no article in the table of contents');
    let found = false;
    for (let i = 0; i < articles && !found; i++) {
      if (i > 0) {
        pages.pop();  // an article without a linked author: not part of the walk
        await page.goto(issueUrl, { waitUntil: 'networkidle' });
      }
      await follow(page, where, `.front-page > li:nth-child(${i + 1}) .summary__title a`, 'article');
      found = (await page.locator('.byline a[rel="author"]').count()) > 0;
    }
    if (!found) fail('no article of the issue has a linked author');
    const headline = (await page.locator('h1.headline').innerText()).trim();
    await checkTitle(page, 'article', headline);
    const ld = await page.locator('script[type="application/ld+json"]').textContent();
    try {
      const data = JSON.parse(ld);
      if (data['@type'] !== 'NewsArticle' || data.headline !== headline) problems.push(`article: JSON-LD is not the NewsArticle of "${headline}"`);
    } catch (e) {
      problems.push(`article: JSON-LD is not valid JSON: ${e.message}`);
    }
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    if (!canonical || !canonical.startsWith(args['base-url'])) problems.push(`article: canonical link ${canonical} is not under ${args['base-url']}`);

    const author = await follow(page, where, '.byline a[rel="author"]', 'author');
    await checkTitle(page, 'author', author);
    if ((await page.locator('link[rel="alternate"][type="application/atom+xml"]').count()) < 2) problems.push('author: the author\'s own Atom feed is not linked in <head>');
    await follow(page, where, '.site-nav a[href$="/tags/"]', 'tags');
    await checkTitle(page, 'tags');
    const tag = await follow(page, where, '.term-list a', 'tag');
    await checkTitle(page, 'tag', tag);
    // search for the tag's name: the articles of the tag page must be among the results
    const tagged = await page.locator('.article-list .summary__title a').first().innerText();
    await follow(page, where, '.site-nav a[href$="/search/"]', 'search');
    await page.fill('#search-input', tag);
    await page.press('#search-input', 'Enter');
    await page.waitForFunction(() => /\d/.test(document.getElementById('search-status').textContent), null, { timeout: 10000 })
      .catch(() => problems.push('search: no result count appeared'));
    pages[pages.length - 1].url = page.url();  // the search page with its query, for the audits
    const hits = await page.locator('#search-results .summary__title a').allInnerTexts();
    if (!hits.length) problems.push(`search: no result for "${tag}"`);
    else if (!hits.map((h) => h.trim()).includes(tagged.trim())) problems.push(`search: "${tagged}" (tagged ${tag}) is not among the results for "${tag}"`);
    await ctx.close();

    // ---- every page of the walk: axe-core and screenshots on a desktop and on a phone
    for (const kind of ['desktop', 'phone']) {
      const c = await context(browser, origin, kind);
      for (const p of pages) {
        c.where.page = p.name;
        await c.page.goto(p.url, { waitUntil: 'networkidle' });
        await audit(c.page, p.name, kind);
        if (kind === 'phone') {
          const overflow = await c.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) problems.push(`${p.name} [phone]: the page is ${overflow}px wider than the 360px screen`);
        }
        await c.page.screenshot({ path: path.join(args.artifacts, `${p.name}-${kind}.png`), fullPage: true });
      }
      await c.ctx.close();
    }
    // ---- dark mode: the article and the issue, audited for contrast too
    for (const kind of ['desktop', 'phone']) {
      const c = await context(browser, origin, kind, 'dark');
      for (const p of pages.filter((x) => x.name === 'article' || x.name === 'issue')) {
        c.where.page = `${p.name} (dark)`;
        await c.page.goto(p.url, { waitUntil: 'networkidle' });
        await audit(c.page, `${p.name} (dark)`, kind);
        await c.page.screenshot({ path: path.join(args.artifacts, `${p.name}-${kind}-dark.png`), fullPage: true });
      }
      await c.ctx.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const seen = new Set();
  const unique = problems.filter((p) => !seen.has(p) && seen.add(p));
  for (const p of unique) console.error(`error: ${p}`);
  console.log(`browser: ${pages.length} pages walked, screenshots in ${args.artifacts}, ${unique.length} problems`);
  process.exit(unique.length ? 1 : 0);
})().catch((e) => fail(e.stack || String(e)));
