'use strict';
// claimex review page. All input data is read from JSON data blocks and put into the page
// with textContent / createElement only: nothing from the input is ever parsed as markup.
(() => {
  const $ = (id) => document.getElementById(id);
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  };
  const add = (parent, ...kids) => {
    for (const k of kids) {
      if (k === null || k === undefined) continue;
      parent.appendChild(typeof k === 'string' ? document.createTextNode(k) : k);
    }
    return parent;
  };
  // Class names derived from data: only [a-z0-9_-].
  const cls = (s) => String(s || 'unknown').toLowerCase().replace(/[^a-z0-9_-]/g, '_');
  const tyClass = (t) => 'ty-' + cls(t);

  const IX = JSON.parse($('claimex-index').textContent);
  const DOCS = IX.docs, ROWS = IX.rows, SPK = IX.speakers;
  const TYPES = IX.types, NAMES = IX.names;
  const PAGE = 100;

  // ---- documents: parsed on demand, a few kept ----
  const cache = new Map();
  function cpMap(t) {
    // Record offsets count code points; JavaScript strings count UTF-16 units.
    const a = new Uint32Array(t.length + 1);
    let c = 0;
    for (let i = 0; i < t.length; i++) {
      a[c++] = i;
      const x = t.charCodeAt(i);
      if (x >= 0xd800 && x <= 0xdbff && i + 1 < t.length) {
        const y = t.charCodeAt(i + 1);
        if (y >= 0xdc00 && y <= 0xdfff) i++;
      }
    }
    a[c] = t.length;
    return a.subarray(0, c + 1);
  }
  function cut(d, s, e) {
    if (d.t === null || !d.u || s > e || e >= d.u.length) return null;
    return d.t.slice(d.u[s], d.u[e]);
  }
  function prepare(d) {
    d.m = d.m || {}; d.b = d.b || []; d.n = d.n || []; d.c = d.c || []; d.nc = d.nc || [];
    if (typeof d.t !== 'string') d.t = null;
    d.u = d.t === null ? null : cpMap(d.t);
    for (const c of d.c) {
      const tx = c.tx || {};
      c.srcText = (c.s && cut(d, c.s[0], c.s[1])) ?? tx.s ?? '';
      c.cueText = c.u ? (cut(d, c.u[0], c.u[1]) ?? tx.u ?? '') : '';
      c.resText = c.r ? (cut(d, c.r[0], c.r[1]) ?? tx.r ?? '') : '';
      const pieces = c.f && c.f.length ? c.f : [c.x];
      const got = pieces.map((p) => cut(d, p[0], p[1]));
      c.cntText = got.every((g) => g !== null) ? got.join(' … ') : (tx.x ?? '');
      c.hay = [c.nm, c.srcText, c.resText, c.cueText, c.cntText, c.af || ''].join('\n').toLowerCase();
    }
  }
  function loadDoc(i) {
    if (cache.has(i)) {
      const d = cache.get(i);
      cache.delete(i);
      cache.set(i, d);
      return d;
    }
    const node = $('d' + i);
    if (!node) return null;
    let d;
    try {
      d = JSON.parse(node.textContent);
    } catch (err) {
      d = { id: DOCS[i] ? DOCS[i].id : String(i), e: ['unreadable', String(err)] };
    }
    prepare(d);
    cache.set(i, d);
    if (cache.size > 64) cache.delete(cache.keys().next().value);
    return d;
  }
  const docLabel = (i) => (DOCS[i] && (DOCS[i].title || DOCS[i].id)) || '#' + i;

  // ---- filters ----
  const F = { types: new Set(TYPES), name: '', pattern: '', kind: '', conf: 0, q: '' };
  function passFields(name, type, pattern, kind, conf) {
    if (!F.types.has(type)) return false;
    if (F.pattern && pattern !== F.pattern) return false;
    if (F.kind && kind !== F.kind) return false;
    if (F.conf > 0 && !(typeof conf === 'number' && conf >= F.conf - 1e-6)) return false;
    if (F.name && !String(name).toLowerCase().includes(F.name)) return false;
    return true;
  }
  const passRow = (r) => passFields(NAMES[r[2]], TYPES[r[3]], IX.patterns[r[4]], IX.kinds[r[5]], r[6]);
  const passClaim = (c) => passFields(c.nm, c.ty, c.p, c.k, c.q) && (!F.q || c.hay.includes(F.q));

  // ---- state ----
  const S = { cur: 0, scope: 'doc', speaker: -1, list: [], shown: 0, sel: -1, gen: 0, segs: [], byClaim: new Map(), backTo: null };

  // ---- the document pane ----
  function regionsOf(d, n) {
    const bl = d.b.filter((b) => b[0] <= b[1] && b[1] <= n).sort((a, b) => a[0] - b[0]);
    const out = [];
    let pos = 0;
    for (const b of bl) {
      const s = Math.max(b[0], pos), e = b[1];
      if (e <= s) continue;
      if (s > pos) out.push({ s: pos, e: s, kind: 'gap' });
      out.push({ s, e, kind: b[2] || 'body', reason: b[3] });
      pos = e;
    }
    if (pos < n) out.push({ s: pos, e: n, kind: bl.length ? 'gap' : 'body' });
    return out;
  }
  function regionElements(d, regions, textEl) {
    const els = [];
    let fold = null, foldN = 0, reasons = null;
    const close = () => {
      if (!fold) return;
      const rs = Array.from(reasons.entries()).map(([r, k]) => (k > 1 ? r + ' ×' + k : r)).join(', ');
      fold.firstChild.textContent = foldN + ' boilerplate line' + (foldN > 1 ? 's' : '') + (rs ? ' (' + rs + ')' : '');
      fold = null;
    };
    const nextIsBoiler = (r) => {
      for (let k = r + 1; k < regions.length; k++) if (regions[k].kind !== 'gap') return regions[k].kind === 'boilerplate';
      return false;
    };
    regions.forEach((R, r) => {
      const blank = R.kind === 'gap' && /^\s*$/.test(cut(d, R.s, R.e) || '');
      const div = el('div', blank ? 'gap' : 'blk k-' + cls(R.kind));
      if (R.reason) {
        div.dataset.reason = R.reason;
        div.title = 'boilerplate: ' + R.reason;
      }
      els.push(div);
      if (R.kind === 'boilerplate') {
        if (!fold) {
          fold = add(el('details', 'fold'), el('summary'));
          textEl.appendChild(fold);
          foldN = 0;
          reasons = new Map();
        }
        foldN++;
        const why = R.reason || 'boilerplate';
        reasons.set(why, (reasons.get(why) || 0) + 1);
        fold.appendChild(div);
      } else if (blank && fold && nextIsBoiler(r)) {
        fold.appendChild(div);
      } else {
        close();
        textEl.appendChild(div);
      }
    });
    close();
    return els;
  }
  function spansOf(d, n) {
    const spans = [];
    const push = (p, role, ref) => {
      if (p && p[0] < p[1] && p[1] <= n) spans.push([p[0], p[1], role, ref]);
    };
    d.c.forEach((c, j) => {
      push(c.s, 'src', j);
      push(c.u, 'cue', j);
      for (const f of c.f && c.f.length ? c.f : [c.x]) push(f, 'cnt', j);
    });
    d.n.forEach((e, k) => push(e, 'ent', k));
    d.nc.forEach((x, k) => {
      push([x[0], x[1]], 'nc', k);
      push([x[2], x[3]], 'nc', k);
    });
    return spans.sort((a, b) => a[0] - b[0]);
  }
  function segment(d, txt, active) {
    const s = el('span', 'h', txt);
    const roles = { src: [], cue: [], cnt: [], ent: [], nc: [] };
    for (const a of active) roles[a[2]].push(a[3]);
    const claims = [...roles.cue, ...roles.src, ...roles.cnt].filter((v, i, all) => all.indexOf(v) === i);
    for (const r of ['src', 'cue', 'cnt', 'ent', 'nc']) {
      if (!roles[r].length) continue;
      s.classList.add(r);
      s.dataset[r] = roles[r].join(' ');
    }
    if (claims.length) s.classList.add(tyClass(d.c[claims[0]].ty));
    if (roles.ent.length) {
      const e = d.n[roles.ent[0]];
      s.title = e[2] + (e[4] ? ' · ' + e[4] : '') + (e[3] ? ' · ' + e[3] : '');
    }
    s._claims = claims;
    return s;
  }
  function buildText(d) {
    const n = d.u.length - 1;
    const textEl = el('div', 'text');
    const regions = regionsOf(d, n);
    const regEls = regionElements(d, regions, textEl);
    const spans = spansOf(d, n);
    const bset = new Set([0, n]);
    for (const R of regions) bset.add(R.s).add(R.e);
    for (const sp of spans) bset.add(sp[0]).add(sp[1]);
    const bounds = Array.from(bset).sort((a, b) => a - b);
    let si = 0, ri = 0, active = [];
    S.segs = [];
    S.byClaim = new Map();
    for (let bi = 0; bi + 1 < bounds.length; bi++) {
      const a = bounds[bi], b = bounds[bi + 1];
      while (si < spans.length && spans[si][0] <= a) active.push(spans[si++]);
      active = active.filter((sp) => sp[1] > a);
      while (ri < regions.length && regions[ri].e <= a) ri++;
      const box = regEls[ri];
      if (!box) continue;
      const txt = d.t.slice(d.u[a], d.u[b]);
      if (!active.length) {
        box.appendChild(document.createTextNode(txt));
        continue;
      }
      const s = segment(d, txt, active);
      box.appendChild(s);
      if (s._claims.length) S.segs.push(s);
      for (const j of s._claims) {
        if (!S.byClaim.has(j)) S.byClaim.set(j, []);
        S.byClaim.get(j).push(s);
      }
    }
    textEl.addEventListener('click', (ev) => {
      const s = ev.target.closest && ev.target.closest('.h');
      if (s && s._claims && s._claims.length) clickSegment(s);
    });
    return textEl;
  }
  function metaLine(d) {
    const p = el('p', 'doc-meta');
    if (d.m.title) add(p, el('span', null, 'id: ' + d.id));
    const shown = new Set(['title', 'url']);
    for (const k of ['date', 'author', 'site']) {
      if (d.m[k]) add(p, el('span', null, d.m[k]));
      shown.add(k);
    }
    if (d.m.url) {
      const s = el('span');
      if (/^https?:\/\//i.test(d.m.url)) {
        const a = el('a', null, d.m.url);
        a.href = d.m.url;
        a.rel = 'noopener noreferrer nofollow';
        a.target = '_blank';
        add(s, a);
      } else add(s, d.m.url);
      add(p, s);
    }
    for (const k of Object.keys(d.m)) if (!shown.has(k)) add(p, el('span', null, k + ': ' + d.m[k]));
    add(p, el('span', null, d.c.length + (d.c.length === 1 ? ' claim' : ' claims')));
    return p;
  }
  function renderDoc(i) {
    const root = $('doc');
    root.textContent = '';
    S.segs = [];
    S.byClaim = new Map();
    if (!DOCS.length) return add(root, el('p', 'warn', 'No documents in this dump.'));
    const d = loadDoc(i);
    if (!d) return add(root, el('p', 'error', 'The data of document ' + (i + 1) + ' is missing.'));
    add(root, add(el('header', 'doc-head'), el('h2', null, d.m.title || d.id)), metaLine(d));
    if (d.e) add(root, el('p', 'error', 'This document failed: ' + d.e[0] + (d.e[1] ? ' — ' + d.e[1] : '')));
    for (const w of d.w || []) add(root, el('p', 'warn', w));
    if (d.t === null) {
      if (!d.e) add(root, el('p', 'warn', 'The records carry no text. Run claimex review with --text INPUT (the input the records were made from) to see the article; the claims are listed from the records.'));
      return;
    }
    root.appendChild(buildText(d));
  }

  // ---- the claims list ----
  function card(pos) {
    const [di, j] = S.list[pos];
    const d = loadDoc(di);
    const c = d && d.c[j];
    const li = el('li', 'card');
    li.tabIndex = 0;
    li.dataset.pos = pos;
    li.dataset.doc = di;
    li.dataset.claim = j;
    if (!c) return add(li, 'claim data missing');
    li.classList.add(tyClass(c.ty), 'k-' + cls(c.k));
    if (S.scope !== 'doc') add(li, el('div', 'card-doc', docLabel(di)));
    const top = add(el('div', 'card-top'), el('span', 'badge', '#' + (j + 1)), el('span', 'badge', c.k || 'claim'), el('span', null, c.p));
    if (typeof c.q === 'number') add(top, el('span', 'badge', 'confidence ' + c.q.toFixed(2)));
    const src = add(el('div', 'card-src'), el('b', 'card-name', c.nm || c.srcText), ' ', el('span', 'badge', c.ty));
    if (c.srcText && c.srcText !== c.nm) add(src, el('span', 'muted card-srctext', ' “' + c.srcText + '”'));
    if (c.af) add(src, el('span', 'muted card-aff', ' · ' + c.af));
    const cue = c.u ? el('div', 'card-cue', 'cue: ' + c.cueText) : el('div', 'card-cue muted', 'no cue: attributed to the previous speaker');
    add(li, top, src, cue, el('div', 'card-cnt q', c.cntText));
    li.addEventListener('click', () => selectPos(pos, true));
    return li;
  }
  function renderMore() {
    const ol = $('claimlist');
    const end = Math.min(S.list.length, S.shown + (S.scope === 'doc' ? 1000 : PAGE));
    for (let p = S.shown; p < end; p++) ol.appendChild(card(p));
    S.shown = end;
    $('claimmore').hidden = S.shown >= S.list.length;
  }
  function showCount(extra) {
    let total;
    if (S.scope === 'doc') total = (loadDoc(S.cur) || { c: [] }).c.length;
    else if (S.scope === 'speaker') total = SPK[S.speaker].rows.length;
    else total = ROWS.length;
    const where = S.scope === 'doc' ? 'in this document' : S.scope === 'speaker' ? 'by this speaker' : 'in all documents';
    $('count').textContent = extra || 'Showing ' + S.list.length + ' of ' + total + ' claims ' + where;
    $('count').dataset.visible = S.list.length;
  }
  function markText() {
    const vis = new Set();
    for (const [di, j] of S.list) if (di === S.cur) vis.add(j);
    for (const s of S.segs) s.classList.toggle('off', !s._claims.some((j) => vis.has(j)));
  }
  function finishList() {
    S.shown = 0;
    S.sel = -1;
    $('claimlist').textContent = '';
    renderMore();
    showCount();
    markText();
  }
  function docTime(i) {
    const D = DOCS[i];
    if (D._t === undefined) {
      const v = D.date ? Date.parse(D.date) : NaN;
      D._t = Number.isNaN(v) ? null : v;
    }
    return D._t;
  }
  function speakerRows(s) {
    return SPK[s].rows.slice().sort((a, b) => {
      const ta = docTime(ROWS[a][0]), tb = docTime(ROWS[b][0]);
      if (ta !== null && tb !== null && ta !== tb) return ta - tb;
      if ((ta === null) !== (tb === null)) return ta === null ? 1 : -1;
      return a - b;
    });
  }
  function computeList() {
    const gen = ++S.gen;
    if (S.scope === 'doc') {
      const d = loadDoc(S.cur);
      S.list = d ? d.c.map((c, j) => [S.cur, j]).filter(([, j]) => passClaim(d.c[j])) : [];
      return finishList();
    }
    let cands = S.scope === 'speaker' ? speakerRows(S.speaker) : ROWS.map((_, r) => r);
    cands = cands.filter((r) => passRow(ROWS[r]));
    if (!F.q) {
      S.list = cands.map((r) => [ROWS[r][0], ROWS[r][1]]);
      return finishList();
    }
    // Text search over the whole dump: documents are parsed in slices of ~30 ms.
    const found = [];
    let k = 0;
    const step = () => {
      if (gen !== S.gen) return;
      const t0 = performance.now();
      while (k < cands.length && performance.now() - t0 < 30) {
        const r = ROWS[cands[k++]];
        const d = loadDoc(r[0]);
        const c = d && d.c[r[1]];
        if (c && c.hay.includes(F.q)) found.push([r[0], r[1]]);
      }
      if (k < cands.length) {
        showCount('Searching… ' + k + ' of ' + cands.length + ' claims read, ' + found.length + ' found');
        setTimeout(step, 0);
      } else {
        S.list = found;
        finishList();
      }
    };
    step();
  }

  // ---- selection, jumps and back ----
  function cardAt(pos) {
    while (pos >= S.shown && S.shown < S.list.length) renderMore();
    return $('claimlist').children[pos] || null;
  }
  function selectPos(pos, jump) {
    if (pos < 0 || pos >= S.list.length) return;
    const [di, j] = S.list[pos];
    if (di !== S.cur) openDoc(di, true);
    for (const e of document.querySelectorAll('.sel')) e.classList.remove('sel');
    S.sel = pos;
    const li = cardAt(pos);
    if (li) li.classList.add('sel');
    const segs = S.byClaim.get(j) || [];
    for (const s of segs) s.classList.add('sel');
    if (jump && segs.length) {
      const det = segs[0].closest('details');
      if (det) det.open = true;
      segs[0].scrollIntoView({ block: 'center' });
      for (const s of segs) {
        s.classList.remove('flash');
        void s.offsetWidth;
        s.classList.add('flash');
      }
      S.backTo = li;
      $('back').hidden = false;
    } else if (li) {
      li.scrollIntoView({ block: 'nearest' });
    }
  }
  function clickSegment(s) {
    const j = s._claims[0];
    const pos = S.list.findIndex(([di, k]) => di === S.cur && s._claims.includes(k));
    if (pos >= 0) {
      selectPos(pos, false);
      const li = cardAt(pos);
      if (li) li.scrollIntoView({ block: 'center' });
    } else {
      for (const e of document.querySelectorAll('.sel')) e.classList.remove('sel');
      for (const x of S.byClaim.get(j) || []) x.classList.add('sel');
    }
  }
  function back() {
    const li = S.backTo;
    $('back').hidden = true;
    if (li && li.isConnected) {
      li.scrollIntoView({ block: 'center' });
      li.focus({ preventScroll: true });
    }
  }

  // ---- documents ----
  function openDoc(i, keepList) {
    if (!DOCS.length) return renderDoc(0);
    S.cur = Math.max(0, Math.min(DOCS.length - 1, i));
    renderDoc(S.cur);
    $('docpos').textContent = 'Document ' + (S.cur + 1) + ' of ' + DOCS.length;
    for (const li of document.querySelectorAll('#doclist li.on')) li.classList.remove('on');
    const mine = document.querySelector('#doclist li[data-doc="' + S.cur + '"]');
    if (mine) mine.classList.add('on');
    $('doc').scrollTop = 0;
    if (S.scope === 'doc' && !keepList) computeList();
    else markText();
    $('side').classList.remove('open');
  }
  const docList = { matches: [], shown: 0 };
  function renderDocList() {
    const q = $('docq').value.trim().toLowerCase();
    docList.matches = [];
    DOCS.forEach((D, i) => {
      if (!q || String(D.id).toLowerCase().includes(q) || String(D.title || '').toLowerCase().includes(q)) docList.matches.push(i);
    });
    docList.shown = 0;
    $('doclist').textContent = '';
    moreDocs();
  }
  function moreDocs() {
    const ol = $('doclist');
    const end = Math.min(docList.matches.length, docList.shown + 300);
    for (let k = docList.shown; k < end; k++) {
      const i = docList.matches[k], D = DOCS[i];
      const li = el('li');
      li.tabIndex = 0;
      li.dataset.doc = i;
      if (i === S.cur) li.classList.add('on');
      const meta = [D.n + (D.n === 1 ? ' claim' : ' claims')];
      if (D.date) meta.push(D.date);
      add(li, el('span', 'dl-title', D.title || D.id), el('span', 'dl-meta', meta.join(' · ')));
      if (D.err) add(li, el('span', 'dl-meta dl-err', 'failed: ' + D.err));
      if (D.notext) add(li, el('span', 'dl-meta dl-err', 'no text'));
      li.addEventListener('click', () => openDoc(i));
      ol.appendChild(li);
    }
    docList.shown = end;
    $('docmore').hidden = end >= docList.matches.length;
  }

  // ---- who said what ----
  const who = { matches: [], shown: 0 };
  function renderWho() {
    const q = $('whoq').value.trim().toLowerCase();
    const kinds = new Set();
    if ($('who-person').checked) kinds.add('person');
    if ($('who-organization').checked) kinds.add('organization');
    who.matches = SPK.map((_, s) => s).filter((s) => kinds.has(SPK[s].type) && (!q || SPK[s].name.toLowerCase().includes(q) || SPK[s].key.toLowerCase().includes(q)));
    who.matches.sort((a, b) => SPK[b].rows.length - SPK[a].rows.length || SPK[a].name.localeCompare(SPK[b].name));
    who.shown = 0;
    $('wholist').textContent = '';
    moreWho();
  }
  function moreWho() {
    const ol = $('wholist');
    const end = Math.min(who.matches.length, who.shown + 200);
    for (let k = who.shown; k < end; k++) {
      const s = who.matches[k], P = SPK[s];
      const docs = new Set(P.rows.map((r) => ROWS[r][0])).size;
      const li = el('li');
      li.tabIndex = 0;
      li.dataset.speaker = s;
      add(li, el('span', 'dl-title', P.name), el('span', 'wl-meta', P.type + ' · ' + P.rows.length + (P.rows.length === 1 ? ' claim' : ' claims') + ' · ' + docs + (docs === 1 ? ' document' : ' documents')));
      if (!P.key.startsWith('name:')) add(li, el('span', 'wl-meta', P.key));
      li.addEventListener('click', () => showSpeaker(s));
      ol.appendChild(li);
    }
    who.shown = end;
    $('whomore').hidden = end >= who.matches.length;
  }
  function showSpeaker(s) {
    S.scope = 'speaker';
    S.speaker = s;
    const chip = $('speaker-chip');
    chip.textContent = '';
    const x = el('button', null, '✕');
    x.title = 'Show the claims of this document again';
    x.addEventListener('click', () => setScope('doc'));
    add(chip, el('span', null, 'Claims by ' + SPK[s].name + ', in date order'), x);
    chip.hidden = false;
    for (const r of document.querySelectorAll('input[name=scope]')) r.checked = false;
    computeList();
    $('side').classList.remove('open');
  }
  function setScope(v) {
    S.scope = v;
    $('speaker-chip').hidden = true;
    for (const r of document.querySelectorAll('input[name=scope]')) r.checked = r.value === v;
    computeList();
  }

  // ---- controls ----
  function buildFilters() {
    const counts = new Map();
    for (const r of ROWS) counts.set(r[3], (counts.get(r[3]) || 0) + 1);
    const fs = $('f-types');
    TYPES.forEach((t, k) => {
      const box = el('input');
      box.type = 'checkbox';
      box.checked = true;
      box.value = t;
      box.addEventListener('change', () => {
        if (box.checked) F.types.add(t);
        else F.types.delete(t);
        computeList();
      });
      add(fs, add(el('label', 'f-type ' + tyClass(t)), box, ' ' + t + ' (' + (counts.get(k) || 0) + ')'));
    });
    const fill = (sel, values) => {
      for (const v of values.slice().sort()) {
        const o = el('option', null, v || '(none)');
        o.value = v;
        sel.appendChild(o);
      }
    };
    fill($('f-pattern'), IX.patterns);
    fill($('f-kind'), IX.kinds);
    const nameCount = new Map();
    for (const r of ROWS) nameCount.set(r[2], (nameCount.get(r[2]) || 0) + 1);
    const top = Array.from(nameCount.entries()).sort((a, b) => b[1] - a[1]).slice(0, 500);
    for (const [k] of top) {
      const o = el('option');
      o.value = NAMES[k];
      $('names').appendChild(o);
    }
    if (!IX.hasConf) {
      $('f-conf').disabled = true;
      $('f-conf-l').title = 'These records carry no confidence';
      $('f-conf-l').classList.add('muted');
    }
    let timer = 0;
    const later = (f) => () => {
      clearTimeout(timer);
      timer = setTimeout(f, 150);
    };
    $('f-name').addEventListener('input', later(() => { F.name = $('f-name').value.trim().toLowerCase(); computeList(); }));
    $('q').addEventListener('input', later(() => { F.q = $('q').value.trim().toLowerCase(); computeList(); }));
    $('f-pattern').addEventListener('change', () => { F.pattern = $('f-pattern').value; computeList(); });
    $('f-kind').addEventListener('change', () => { F.kind = $('f-kind').value; computeList(); });
    $('f-conf').addEventListener('input', () => {
      F.conf = Number($('f-conf').value);
      $('f-conf-v').textContent = F.conf.toFixed(2);
      computeList();
    });
    $('f-reset').addEventListener('click', () => {
      F.types = new Set(TYPES); F.name = ''; F.pattern = ''; F.kind = ''; F.conf = 0; F.q = '';
      for (const b of fs.querySelectorAll('input')) b.checked = true;
      $('f-name').value = ''; $('q').value = ''; $('f-pattern').value = ''; $('f-kind').value = '';
      $('f-conf').value = 0; $('f-conf-v').textContent = '0';
      computeList();
    });
    for (const r of document.querySelectorAll('input[name=scope]')) r.addEventListener('change', () => setScope(r.value));
  }
  function move(delta) {
    if (!S.list.length) return;
    const pos = S.sel < 0 ? (delta > 0 ? 0 : S.list.length - 1) : Math.max(0, Math.min(S.list.length - 1, S.sel + delta));
    selectPos(pos, true);
  }
  function wire() {
    $('prev').addEventListener('click', () => openDoc(S.cur - 1));
    $('next').addEventListener('click', () => openDoc(S.cur + 1));
    $('claimmore').addEventListener('click', renderMore);
    $('docmore').addEventListener('click', moreDocs);
    $('whomore').addEventListener('click', moreWho);
    $('docq').addEventListener('input', renderDocList);
    $('whoq').addEventListener('input', renderWho);
    $('who-person').addEventListener('change', renderWho);
    $('who-organization').addEventListener('change', renderWho);
    $('back').addEventListener('click', back);
    const help = () => { $('help').hidden = !$('help').hidden; };
    $('helpbtn').addEventListener('click', help);
    $('helpclose').addEventListener('click', help);
    $('menu').addEventListener('click', () => {
      const open = $('side').classList.toggle('open');
      $('menu').setAttribute('aria-expanded', String(open));
    });
    const tab = (docs) => {
      $('pane-docs').hidden = !docs;
      $('pane-who').hidden = docs;
      $('tab-docs').classList.toggle('on', docs);
      $('tab-who').classList.toggle('on', !docs);
      $('tab-docs').setAttribute('aria-selected', String(docs));
      $('tab-who').setAttribute('aria-selected', String(!docs));
    };
    $('tab-docs').addEventListener('click', () => tab(true));
    $('tab-who').addEventListener('click', () => tab(false));
    document.addEventListener('keydown', (ev) => {
      if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
      const t = ev.target;
      const typing = t && (t.tagName === 'SELECT' || t.tagName === 'TEXTAREA' || (t.tagName === 'INPUT' && !['checkbox', 'radio', 'range', 'button'].includes(t.type)));
      if (ev.key === 'Escape') {
        if (typing) t.blur();
        $('help').hidden = true;
        return;
      }
      if (typing) return;
      const keys = {
        j: () => move(1), k: () => move(-1),
        n: () => openDoc(S.cur + 1), p: () => openDoc(S.cur - 1),
        '/': () => { $('q').focus(); $('q').select(); },
        '?': help, b: back,
        Enter: () => { if (t && t.dataset && t.dataset.doc !== undefined && t.click) t.click(); },
      };
      if (!keys[ev.key]) return;
      ev.preventDefault();
      keys[ev.key]();
    });
  }

  const t0 = performance.now();
  document.title = 'claimex review — ' + DOCS.length + ' documents';
  $('stats').textContent = DOCS.length + ' documents · ' + ROWS.length + ' claims · ' + SPK.length + ' people and organisations';
  buildFilters();
  wire();
  renderDocList();
  renderWho();
  openDoc(0);
  document.body.dataset.renderMs = String(Math.round(performance.now() - t0));
  document.body.dataset.ready = '1';
})();
