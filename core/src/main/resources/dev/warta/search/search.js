/* Warta search: reads the static index under /search/<lang>/ (see dev.warta.search.SearchIndex).
   A query fetches the manifest (preloaded by the page), the vocabulary shard of each word, the
   postings shard of each stem and the metadata blocks of the results shown: four round trips.
   No dependencies; every text lands in the page through textContent, never as HTML. */
(function () {
  'use strict';
  var results = document.getElementById('search-results');
  var form = document.getElementById('search-form');
  var preload = document.querySelector('link[rel=preload][as=fetch]');
  if (!results || !form || !preload) return;
  var input = form.elements.q, sectionSelect = form.elements.section, yearSelect = form.elements.year;
  var status = document.getElementById('search-status');
  var d = results.dataset;
  var manifestUrl = preload.href;
  var indexUrl = manifestUrl.replace(/manifest\.json$/, '');
  var root = indexUrl.replace(/search\/[^/]+\/$/, '');
  var SHOWN = 10, cache = {}, runId = 0, manifest;

  function get(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error(r.status + ' ' + url);
        return r.json();
      });
      cache[url].catch(function () { delete cache[url]; });
    }
    return cache[url];
  }

  function words(text) {
    var seen = {}, out = [];
    (text.toLowerCase().match(/[\p{L}\p{N}_']+/gu) || []).forEach(function (w) {
      if (!seen[w]) { seen[w] = 1; out.push(w); }
    });
    return out;
  }

  function bytes(b64) {
    var s = atob(b64), a = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
    return a;
  }

  // calls f(value, byteAfter) for each varint followed by `extra` bytes
  function varints(a, extra, f) {
    for (var i = 0; i < a.length;) {
      var v = 0, shift = 0, b;
      do { b = a[i++]; v += (b & 127) * Math.pow(2, shift); shift += 7; } while (b > 127);
      f(v, i);
      i += extra;
    }
  }

  function vocabShard(word) {
    var name = null;
    manifest.vocab.forEach(function (v) { if (v[0] <= word) name = v[1]; });
    return name && get(indexUrl + 'v/' + name + '.json');
  }

  // the stems a query word stands for: itself if indexed, else (the last word, as typed) the words
  // it begins, most frequent first
  function lookUp(word, prefix) {
    var shard = vocabShard(word);
    if (!shard) return Promise.resolve([]);
    return shard.then(function (v) {
      var found = [];
      v.w.forEach(function (row) {
        if (row[0] === word || (prefix && word.length > 2 && row[0].lastIndexOf(word, 0) === 0)) {
          var s = v.s[row[1]];
          found.push({word: row[0], stem: s[0], df: s[2], postings: v.p[s[1]], exact: row[0] === word});
        }
      });
      var exact = found.filter(function (f) { return f.exact; });
      if (exact.length) return exact;
      return found.sort(function (a, b) { return b.df - a.df; }).slice(0, 5);
    });
  }

  function search(query, section, year) {
    var qs = words(query);
    return Promise.all(qs.map(function (w, i) { return lookUp(w, i === qs.length - 1); })).then(function (slots) {
      var stems = {}, marks = {};
      qs.forEach(function (w) { marks[w] = 1; });
      slots.forEach(function (slot, i) {
        slot.forEach(function (f) { marks[f.word] = 1; (stems[f.stem] = stems[f.stem] || {f: f, slots: {}}).slots[i] = 1; });
      });
      var names = Object.keys(stems);
      return Promise.all(names.map(function (s) { return get(indexUrl + 'p/' + stems[s].f.postings + '.json'); })).then(function (shards) {
        var n = manifest.docs, k1 = manifest.k1, docs = {}, blocks = {};
        var range = yearRange(year);
        shards.forEach(function (p, j) {
          var stem = stems[names[j]], idf = Math.log(1 + (n - stem.f.df + 0.5) / (stem.f.df + 0.5));
          var table = bytes(p.b), block = -1;
          varints(table, 3, function (gap, at) {
            block += gap;
            blocks[block] = ((table[at] << 16) | (table[at + 1] << 8) | table[at + 2]).toString(16).padStart(6, '0');
          });
          var post = bytes(p.t[names[j]]), id = -1;
          varints(post, 1, function (gap, at) {
            id += gap;
            if (id < range[0] || id >= range[1]) return;
            var doc = docs[id] || (docs[id] = {id: id, score: 0, slots: {}});
            doc.score += idf * post[at] / 255 * (k1 + 1);
            for (var slot in stem.slots) doc.slots[slot] = 1;
          });
        });
        var ranked = Object.keys(docs).map(function (id) {
          var doc = docs[id];
          doc.words = Object.keys(doc.slots).length;
          doc.score += 0.5 * (doc.id + 1) / n; // a small prior for newer articles
          return doc;
        }).sort(function (a, b) { return b.words - a.words || b.score - a.score || b.id - a.id; });
        var total = ranked.length;
        return details(ranked, blocks, section, []).then(function (shown) {
          return {docs: shown, total: total, marks: marks, filtered: !!section};
        });
      });
    });
  }

  function yearRange(year) {
    var y = manifest.years, from = 0, to = manifest.docs;
    if (!year) return [from, to];
    for (var i = 0; i < y.length; i++) {
      if (String(y[i][0]) === year) { from = y[i][1]; to = i + 1 < y.length ? y[i + 1][1] : manifest.docs; return [from, to]; }
    }
    return [0, 0];
  }

  // the metadata of the best results; with a section chosen, batches until enough match it
  function details(ranked, blocks, section, shown) {
    var batch = ranked.splice(0, section ? 60 : SHOWN);
    if (!batch.length) return Promise.resolve(shown);
    var size = manifest.block;
    return Promise.all(batch.map(function (doc) {
      var b = Math.floor(doc.id / size);
      return get(indexUrl + 'm/' + b + '-' + blocks[b] + '.json').then(function (rows) {
        var r = rows[doc.id % size];
        return {title: r[0], url: r[1], date: r[2], section: r[3], lede: r[4]};
      });
    })).then(function (found) {
      found.forEach(function (r) { if ((!section || r.section === section) && shown.length < SHOWN) shown.push(r); });
      return shown.length >= SHOWN || !section ? shown : details(ranked, blocks, section, shown);
    });
  }

  function href(url) {
    var path = url.replace(/^\//, '');
    if (d.relative === 'true' && (path === '' || /\/$/.test(path))) path += 'index.html';
    return root + path;
  }

  function marked(parent, text, marks) {
    text.split(/([\p{L}\p{N}_']+)/u).forEach(function (part) {
      if (!part) return;
      if (marks[part.toLowerCase()]) {
        var m = document.createElement('mark');
        m.textContent = part;
        parent.appendChild(m);
      } else {
        parent.appendChild(document.createTextNode(part));
      }
    });
  }

  function el(tag, cls, parent) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    parent.appendChild(e);
    return e;
  }

  function show(found) {
    results.textContent = '';
    var dates = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {dateStyle: 'long', timeZone: 'UTC'});
    found.docs.forEach(function (r) {
      var art = el('article', 'card', el('li', '', results));
      var body = el('div', 'card-body', art);
      var meta = el('p', 'meta', body);
      if (r.section) meta.appendChild(document.createTextNode(r.section + ' · '));
      var time = el('time', '', meta);
      time.dateTime = r.date;
      time.textContent = dates.format(new Date(r.date + 'T00:00:00Z'));
      var link = el('a', '', el('h2', 'card-title', body));
      link.href = href(r.url);
      marked(link, r.title, found.marks);
      if (r.lede) marked(el('p', 'summary', body), r.lede, found.marks);
    });
    var count = found.filtered ? found.docs.length : found.total;
    status.textContent = count ? d.labelCount.replace('{n}', count.toLocaleString(document.documentElement.lang || undefined)) : d.labelNone;
  }

  function fillFilters() {
    manifest.sections.forEach(function (s) { sectionSelect.add(new Option(s, s)); });
    manifest.years.slice().reverse().forEach(function (y) { yearSelect.add(new Option(String(y[0]), String(y[0]))); });
  }

  function fromUrl() {
    var p = new URLSearchParams(location.search);
    input.value = p.get('q') || '';
    sectionSelect.value = p.get('section') || '';
    yearSelect.value = p.get('year') || '';
    run();
  }

  function run() {
    var id = ++runId, q = input.value.trim();
    if (!q) { results.textContent = ''; status.textContent = ''; return; }
    status.textContent = d.labelLoading;
    search(q, sectionSelect.value, yearSelect.value).then(function (found) {
      if (id === runId) show(found);
    }, function () {
      if (id === runId) status.textContent = d.labelError;
    });
  }

  function toUrl(replace) {
    var p = new URLSearchParams();
    p.set('q', input.value.trim());
    if (sectionSelect.value) p.set('section', sectionSelect.value);
    if (yearSelect.value) p.set('year', yearSelect.value);
    var url = location.pathname + '?' + p.toString();
    if (url !== location.pathname + location.search) history[replace ? 'replaceState' : 'pushState'](null, '', url);
  }

  var typing;
  get(manifestUrl).then(function (m) {
    manifest = m;
    fillFilters();
    form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(typing); toUrl(false); run(); });
    input.addEventListener('input', function () {
      clearTimeout(typing);
      typing = setTimeout(function () { toUrl(true); run(); }, 250);
    });
    [sectionSelect, yearSelect].forEach(function (s) { s.addEventListener('change', function () { toUrl(false); run(); }); });
    window.addEventListener('popstate', fromUrl);
    fromUrl();
  }, function () { status.textContent = d.labelError; });
})();
