// Every HTML page of a built site passes html-validate (rules: .htmlvalidate.json beside this
// file — the "recommended" preset: the HTML standard, accessibility and good practice).
// Usage: node validate-html.js --public DIR
'use strict';
const path = require('path');
const { fail, need, options, walk } = require('./lib/common');

const { HtmlValidate, formatterFactory } = need('html-validate');
const args = options(process.argv.slice(2), ['public']);

(async () => {
  const pages = walk(args.public).filter((f) => f.endsWith('.html'));
  if (pages.length === 0) fail(`no HTML page in ${args.public}`);
  const validator = new HtmlValidate(require('./.htmlvalidate.json'));
  const results = [];
  let errors = 0;
  for (const rel of pages) {
    const report = await validator.validateFile(path.join(args.public, rel));
    errors += report.errorCount;
    results.push(...report.results);
  }
  if (results.length) console.log(formatterFactory('stylish')(results));
  console.log(`html-validate: ${pages.length} pages, ${errors} errors`);
  process.exit(errors ? 1 : 0);
})().catch((e) => fail(e.stack || String(e)));
