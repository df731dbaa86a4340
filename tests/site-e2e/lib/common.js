// Shared by the checks of a built site: command-line arguments, the files of the site, the
// dependencies (npm packages and Chromium) and a small static server for the browser test.
'use strict';
const fs = require('fs');
const path = require('path');
const http = require('http');

// Exit status CTest reads as "skipped" (SKIP_RETURN_CODE): a check whose tools are missing is
// reported as not run, never as passed. With GAZETTE_E2E_REQUIRED=1 (scripts/test) it fails.
const SKIP = 77;

function fail(message) {
  console.error(`error: ${message}`);
  process.exit(1);
}

function missing(what) {
  const required = process.env.GAZETTE_E2E_REQUIRED === '1';
  console.error(`${required ? 'error' : 'skipped'}: ${what}`);
  process.exit(required ? 1 : SKIP);
}

// Loads an npm package of package.json, or skips (fails when required) if `npm ci` was not run.
function need(name) {
  try {
    return require(name);
  } catch (e) {
    if (e.code !== 'MODULE_NOT_FOUND') throw e;
    missing(`the npm package ${name} is not installed: run \`npm ci\` in ${__dirname.replace(/\/lib$/, '')}`);
  }
}

// --name value options.
function options(argv, names) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!names.includes(key) || i + 1 >= argv.length) fail(`usage: ${names.map((n) => `--${n} VALUE`).join(' ')}`);
    out[key] = argv[i + 1];
  }
  for (const n of names) if (!(n in out)) fail(`missing --${n}`);
  return out;
}

// Every file under `dir` (sorted, relative paths with '/').
function walk(dir, prefix = '') {
  const out = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...walk(dir, rel));
    else out.push(rel);
  }
  return out.sort();
}

// The path part of the site's base URL: '/' or '/archive/'.
function basePath(baseUrl) {
  const p = new URL(baseUrl).pathname;
  return p.endsWith('/') ? p : `${p}/`;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.json': 'application/json',
  '.xml': 'application/xml', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8', '.md': 'text/markdown; charset=utf-8',
  '.woff2': 'font/woff2',
};

// Serves `root` under the URL path `base` on 127.0.0.1 (a free port), as a static host would:
// a folder is its index.html, anything else missing is 404.html with status 404.
function serve(root, base) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let rel = decodeURIComponent(url.pathname);
    const notFound = () => {
      const page = path.join(root, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      res.end(fs.existsSync(page) ? fs.readFileSync(page) : 'not found');
    };
    if (!rel.startsWith(base)) return notFound();
    rel = rel.slice(base.length);
    const file = path.join(root, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel);
    if (!file.startsWith(path.resolve(root)) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      if (fs.existsSync(path.join(root, rel)) && !rel.endsWith('/')) {
        res.writeHead(301, { location: `${base}${rel}/` });
        return res.end();
      }
      return notFound();
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

module.exports = { SKIP, fail, missing, need, options, walk, basePath, serve };
