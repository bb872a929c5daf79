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
  var moreButton = document.getElementById('search-more');
  if (!moreButton) { // a template of the site's own from before the button
    moreButton = document.createElement('button');
    moreButton.type = 'button';
    moreButton.hidden = true;
    moreButton.textContent = d.labelMore || '…';
    results.parentNode.insertBefore(moreButton, results.nextSibling);
  }
  var lang = document.documentElement.lang || undefined;
  var SHOWN = 10, cache = {}, runId = 0, manifest, current;

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

  // the stems a query word stands for, all from the word's own vocabulary shard: itself if an
  // article has it; else the words it begins, most frequent first (five for the last word, still
  // being typed; two for the others); else the longest word it begins with, of half its length or
  // more (pembangunannya: pembangunan)
  function lookUp(word, last) {
    var shard = vocabShard(word);
    if (!shard) return Promise.resolve([]);
    return shard.then(function (v) {
      var exact = [], longer = [], shorter = null;
      v.w.forEach(function (row) {
        var w = row[0], s = v.s[row[1]], f = {word: w, stem: s[0], df: s[2], postings: v.p[s[1]]};
        if (w === word) exact.push(f);
        else if (word.length > 2 && w.lastIndexOf(word, 0) === 0) longer.push(f);
        else if (2 * w.length >= word.length && word.lastIndexOf(w, 0) === 0 && (!shorter || w.length > shorter.word.length)) shorter = f;
      });
      if (exact.length) return exact;
      if (longer.length) return longer.sort(function (a, b) { return b.df - a.df; }).slice(0, last ? 5 : 2);
      return shorter ? [shorter] : [];
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
        var found = {ranked: ranked, blocks: blocks, section: section, total: ranked.length, marks: marks, docs: []};
        return more(found);
      });
    });
  }

  // the next page of results: their metadata blocks, most already fetched for the page before
  function more(found) {
    return details(found, []).then(function (page) {
      found.page = page;
      found.docs = found.docs.concat(page);
      return found;
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

  // the metadata of the next best results; with a section chosen, batches until enough match it
  // (what a batch fetched past the page goes back to the front of the queue, its blocks cached)
  function details(found, shown) {
    var section = found.section, batch = found.ranked.splice(0, section ? 60 : SHOWN - shown.length);
    if (!batch.length) return Promise.resolve(shown);
    var size = manifest.block;
    return Promise.all(batch.map(function (doc) {
      var b = Math.floor(doc.id / size);
      return get(indexUrl + 'm/' + b + '-' + found.blocks[b] + '.json').then(function (rows) {
        var r = rows[doc.id % size];
        return {title: r[0], url: r[1], date: r[2], section: r[3], lede: r[4]};
      });
    })).then(function (rows) {
      for (var i = 0; i < rows.length; i++) {
        if (shown.length >= SHOWN) { found.ranked = batch.slice(i).concat(found.ranked); break; }
        if (!section || rows[i].section === section) shown.push(rows[i]);
      }
      return shown.length >= SHOWN || !found.ranked.length ? shown : details(found, shown);
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

  // shows the page of results just fetched: the first replaces what was shown, the next ones add
  // to it, and focus moves to the first of them (a "more" click would otherwise leave it behind)
  function show(found, added) {
    if (!added) results.textContent = '';
    var dates = new Intl.DateTimeFormat(lang, {dateStyle: 'long', timeZone: 'UTC'}), first;
    found.page.forEach(function (r) {
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
      first = first || link;
    });
    var count = found.section ? found.docs.length : found.total;
    var text = count ? d.labelCount.replace('{n}', count.toLocaleString(lang)) : d.labelNone;
    if (added) text += ' · ' + d.labelShown.replace('{n}', found.docs.length.toLocaleString(lang));
    status.textContent = text;
    moreButton.hidden = !found.ranked.length;
    current = found;
    if (added && first) first.focus();
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
    if (!q) { results.textContent = ''; status.textContent = ''; moreButton.hidden = true; return; }
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
    moreButton.addEventListener('click', function () {
      var id = runId, found = current;
      moreButton.disabled = true;
      more(found).then(function () {
        moreButton.disabled = false;
        if (id === runId) show(found, true);
      }, function () {
        moreButton.disabled = false;
        if (id === runId) status.textContent = d.labelError;
      });
    });
    [sectionSelect, yearSelect].forEach(function (s) { s.addEventListener('change', function () { toUrl(false); run(); }); });
    window.addEventListener('popstate', fromUrl);
    fromUrl();
  }, function () { status.textContent = d.labelError; });
})();
