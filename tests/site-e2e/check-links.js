// Every internal link and asset of a built site resolves: href/src/action attributes of the HTML
// pages, url() in CSS, links and <loc> of the Atom feeds and sitemaps. Internal means under the
// site's base URL — root-relative links must carry its path (/archive/…), so a theme that
// hard-codes "/" fails on a site hosted under a sub-path. A #fragment must name an id of its
// page. Assets (scripts, styles, images, icons) must not come from another host: no request
// leaves the site. Usage: node check-links.js --public DIR --base-url URL
'use strict';
const fs = require('fs');
const path = require('path');
const { fail, options, walk, basePath } = require('./lib/common');

const args = options(process.argv.slice(2), ['public', 'base-url']);
const root = path.resolve(args.public);
const base = new URL(args['base-url']);
const prefix = basePath(args['base-url']);
const files = walk(root);
const fileSet = new Set(files);
const idCache = new Map();
const broken = [];
let checked = 0;

const decode = (s) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
const lineOf = (text, index) => text.slice(0, index).split('\n').length;

function idsOf(rel) {
  if (!idCache.has(rel)) {
    const text = fs.readFileSync(path.join(root, rel), 'utf8');
    idCache.set(rel, new Set([...text.matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1]))));
  }
  return idCache.get(rel);
}

// The file a URL of the site names, or null when it is not under the base URL.
function target(url) {
  if (url.origin !== 'null' && url.origin !== base.origin) return null;
  if (!url.pathname.startsWith(prefix)) return { missing: `outside the site's base path ${prefix}` };
  let rel = decodeURIComponent(url.pathname.slice(prefix.length));
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  return fileSet.has(rel) ? { rel } : { missing: 'no such file' };
}

function check(fromRel, text, index, raw, { asset }) {
  const value = decode(raw.trim());
  if (value === '' || /^(mailto|tel|data|javascript):/i.test(value)) return;
  const pageUrl = new URL(fromRel.replace(/(^|\/)index\.html$/, '$1'), new URL(prefix, base));
  let url;
  try {
    url = new URL(value, pageUrl);
  } catch (e) {
    broken.push(`${fromRel}:${lineOf(text, index)}: malformed URL ${value}`);
    return;
  }
  const found = target(url);
  if (found === null) {
    if (asset) broken.push(`${fromRel}:${lineOf(text, index)}: asset from another host: ${value}`);
    return;
  }
  checked++;
  if (found.missing) {
    broken.push(`${fromRel}:${lineOf(text, index)}: ${value}: ${found.missing}`);
    return;
  }
  if (url.hash && found.rel.endsWith('.html')) {
    const id = decodeURIComponent(url.hash.slice(1));
    if (!idsOf(found.rel).has(id)) broken.push(`${fromRel}:${lineOf(text, index)}: ${value}: no element with id "${id}"`);
  }
}

for (const rel of files) {
  const ext = path.extname(rel);
  if (!['.html', '.xml', '.css'].includes(ext)) continue;
  const text = fs.readFileSync(path.join(root, rel), 'utf8');
  if (ext === '.html') {
    for (const m of text.matchAll(/<([a-z]+)\b([^>]*)>/g)) {
      const [, tag, attrs] = m;
      for (const a of attrs.matchAll(/\s(href|src|action|srcset|poster)="([^"]*)"/g)) {
        const rels = (/\srel="([^"]*)"/.exec(attrs) || [, ''])[1];
        const asset = a[1] !== 'href' && a[1] !== 'action' ? true : tag === 'link' && /\b(stylesheet|icon|preload|modulepreload|manifest)\b/.test(rels);
        const values = a[1] === 'srcset' ? a[2].split(',').map((s) => s.trim().split(/\s+/)[0]) : [a[2]];
        for (const v of values) check(rel, text, m.index, v, { asset });
      }
      // Open Graph and canonical URLs are absolute: when they are the site's, they must exist
      if (tag === 'meta' && /\sproperty="og:url"/.test(attrs)) {
        const c = /\scontent="([^"]*)"/.exec(attrs);
        if (c) check(rel, text, m.index, c[1], { asset: false });
      }
    }
  } else if (ext === '.xml') {
    for (const m of text.matchAll(/<link\b[^>]*\shref="([^"]*)"/g)) check(rel, text, m.index, m[1], { asset: false });
    for (const m of text.matchAll(/<loc>([^<]*)<\/loc>/g)) check(rel, text, m.index, m[1], { asset: false });
  } else {
    for (const m of text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) check(rel, text, m.index, m[1], { asset: true });
  }
}

for (const b of broken) console.error(b);
console.log(`links: ${files.length} files, ${checked} internal links checked, ${broken.length} broken`);
if (checked === 0) fail('no internal link found: is this a built site?');
process.exit(broken.length ? 1 : 0);
