// Full-text search in the browser, for search.html. Optional: without JavaScript the page says
// so and points to the archive. It runs only when there is a query (?q=…), so visiting the page
// loads nothing.
//
// The index (format 2, written by the build; src/site/search_index.hpp describes it): the
// manifest at the form's data-index URL lists the archive's segments, newest year first:
// {"version": 2, "segments": [{"key": "2022", "documents": D, "shards": S, "chunk": C}, …]};
// a segment's documents are in <key>/docs-K.json ([title, url, date, summary], C a file) and
// its tokens in <key>/shard-N.json ({token: [document ids, delta-coded]}) for
// fnv1a32(token) % S == N.
// A query is tokenized as the build tokenizes text: NFKC, lower case; runs of CJK letters give
// their character bigrams (a lone character itself), other runs of letters and digits a word.
// Every token must match; results come newest first.
(function () {
  'use strict';
  var script = document.currentScript;
  var form = document.querySelector('form[data-index]');
  var status = document.getElementById('search-status');
  var results = document.getElementById('search-results');
  if (!form || !status || !results || !script) return;
  var input = form.querySelector('input[name="q"]');
  var say = function (key, values) {
    var text = script.getAttribute('data-i18n-' + key) || '';
    Object.keys(values || {}).forEach(function (k) { text = text.split('{' + k + '}').join(values[k]); });
    status.textContent = text;
  };
  var manifestUrl = new URL(form.getAttribute('data-index'), document.baseURI);
  var cache = {};
  var getJson = function (url) {
    var key = url.href;
    if (!cache[key]) {
      cache[key] = fetch(url.href, { credentials: 'same-origin' }).then(function (r) {
        if (!r.ok) throw new Error(r.status + ' ' + url.href);
        return r.json();
      });
    }
    return cache[key];
  };

  var CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
  var WORD = /[\p{L}\p{N}]/u;
  var tokens = function (query) {
    var text = query.normalize('NFKC').toLowerCase();
    var out = [], run = [], word = '';
    var endRun = function () {
      if (run.length === 1) out.push(run[0]);
      for (var i = 0; i + 1 < run.length; i++) out.push(run[i] + run[i + 1]);
      run = [];
    };
    var endWord = function () { if (word) out.push(word); word = ''; };
    for (var ch of text) {
      if (CJK.test(ch)) { endWord(); run.push(ch); }
      else if (WORD.test(ch)) { endRun(); word += ch; }
      else { endRun(); endWord(); }
    }
    endRun();
    endWord();
    return out.filter(function (t, i) { return out.indexOf(t) === i; });
  };
  var fnv1a = function (token) {
    var h = 0x811c9dc5;
    new TextEncoder().encode(token).forEach(function (b) {
      h ^= b;
      h = Math.imul(h, 0x01000193) >>> 0;
    });
    return h >>> 0;
  };
  var ids = function (deltas) {
    var out = [], id = 0;
    (Array.isArray(deltas) ? deltas : []).forEach(function (d, i) { id = i ? id + d : d; out.push(id); });
    return out;
  };

  var show = function (found, total, query) {
    results.textContent = '';
    found.forEach(function (d) {
      var li = document.createElement('li');
      var article = li.appendChild(document.createElement('article'));
      article.className = 'summary';
      var h = article.appendChild(document.createElement('h2'));
      h.className = 'summary__title';
      var a = h.appendChild(document.createElement('a'));
      a.href = new URL(d[1], manifestUrl).href;
      a.textContent = d[0];
      var meta = article.appendChild(document.createElement('p'));
      meta.className = 'summary__meta';
      meta.textContent = d[2];
      if (d[3]) {
        var p = article.appendChild(document.createElement('p'));
        p.className = 'summary__text';
        p.textContent = d[3];
      }
      results.appendChild(li);
    });
    if (total) say('results', { count: total });
    else say('no-results', { query: query });
  };

  var run = function (query) {
    results.textContent = '';
    var list = tokens(query);
    if (!list.length) { say('prompt'); return; }
    say('searching');
    getJson(manifestUrl).then(function (manifest) {
      if (!manifest || manifest.version !== 2) throw new Error('unknown search index format');
      var segments = manifest.segments || [];
      // In every segment, the documents that have every token.
      return Promise.all(segments.map(function (seg) {
        return Promise.all(list.map(function (t) {
          var shard = new URL(seg.key + '/shard-' + (fnv1a(t) % seg.shards) + '.json', manifestUrl);
          return getJson(shard).then(function (s) { return ids(s[t]); });
        })).then(function (postings) {
          return postings.reduce(function (acc, p) {
            var set = new Set(p);
            return acc === null ? p : acc.filter(function (id) { return set.has(id); });
          }, null) || [];
        });
      })).then(function (perSegment) {
        // Newest first: segments come newest first, and within one the highest ids are newest.
        var found = [];
        perSegment.forEach(function (hits, k) {
          hits.slice().sort(function (a, b) { return b - a; }).forEach(function (id) { found.push([k, id]); });
        });
        var shown = found.slice(0, 100);
        var chunks = {};
        shown.forEach(function (h) {
          var seg = segments[h[0]];
          chunks[seg.key + '/docs-' + Math.floor(h[1] / seg.chunk) + '.json'] = true;
        });
        return Promise.all(Object.keys(chunks).map(function (file) {
          return getJson(new URL(file, manifestUrl)).then(function (docs) { chunks[file] = docs; });
        })).then(function () {
          var docs = shown.map(function (h) {
            var seg = segments[h[0]];
            var file = seg.key + '/docs-' + Math.floor(h[1] / seg.chunk) + '.json';
            return (chunks[file] || [])[h[1] % seg.chunk];
          }).filter(Boolean);
          show(docs, found.length, query);
        });
      });
    }).catch(function () { say('unavailable'); });
  };

  var query = new URLSearchParams(window.location.search).get('q') || '';
  if (input) input.value = query;
  if (query.trim()) run(query.trim()); else say('prompt');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var q = input ? input.value.trim() : '';
    var url = new URL(window.location.href);
    if (q) url.searchParams.set('q', q); else url.searchParams.delete('q');
    window.history.replaceState(null, '', url.href);
    if (q) run(q); else { results.textContent = ''; say('prompt'); }
  });
})();
