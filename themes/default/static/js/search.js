// Full-text search in the browser, for search.html. Optional: without JavaScript the page says
// so and points to the archive. It runs only when there is a query (?q=…), so visiting the page
// loads nothing.
//
// The index (format v1, written by the build; see docs/site-context.md, "Requested by the
// theme"): the manifest at the form's data-index URL
//   {"version": 1, "documents": "docs.json", "shards": {"<key>": "shard-….json", …}}
// with URLs relative to the manifest; documents is a list of [title, url, date_long, summary];
// a shard maps each word whose key (its first character, lower-cased) is the shard's key to a
// list of [document, count] pairs. Words are found as the build finds them: the browser's
// Intl.Segmenter (ICU word boundaries, like the build's ICU segmentation).
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

  var words = function (query, locale) {
    var text = query.normalize('NFKC').toLowerCase();
    if (typeof Intl !== 'undefined' && Intl.Segmenter) {
      var out = [];
      var segments = new Intl.Segmenter(locale, { granularity: 'word' }).segment(text);
      for (var s of segments) if (s.isWordLike) out.push(s.segment);
      return out;
    }
    return text.split(/\s+/).filter(Boolean);
  };

  var show = function (manifest, docs, scores, query) {
    results.textContent = '';
    var ranked = Object.keys(scores).sort(function (a, b) { return scores[b] - scores[a] || a - b; });
    ranked.slice(0, 100).forEach(function (id) {
      var d = docs[id];
      if (!d) return;
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
    if (ranked.length) say('results', { count: ranked.length });
    else say('no-results', { query: query });
  };

  var run = function (query) {
    results.textContent = '';
    var list = words(query, document.documentElement.lang || undefined);
    if (!list.length) { say('prompt'); return; }
    say('searching');
    getJson(manifestUrl).then(function (manifest) {
      if (!manifest || manifest.version !== 1) throw new Error('unknown search index format');
      return getJson(new URL(manifest.documents, manifestUrl)).then(function (docs) {
        return Promise.all(list.map(function (w) {
          var file = manifest.shards[w.charAt(0)];
          if (!file) return {};
          return getJson(new URL(file, manifestUrl)).then(function (shard) { return shard[w] || []; });
        })).then(function (postings) {
          // every word must occur; a document's score is the sum of its counts
          var scores = null;
          postings.forEach(function (p) {
            var next = {};
            (Array.isArray(p) ? p : []).forEach(function (pair) {
              var id = pair[0];
              if (scores === null || id in scores) next[id] = (scores ? scores[id] : 0) + pair[1];
            });
            scores = next;
          });
          show(manifest, docs, scores || {}, query);
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
