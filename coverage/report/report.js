// media-coverage report: sorting, evidence, search. No libraries, no network.
"use strict";
(function () {
  const D = JSON.parse(document.getElementById("report-data").textContent);
  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs, ...kids) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "text") node.textContent = v; else if (k === "on") node.addEventListener("click", v);
      else node.setAttribute(k, v);
    }
    for (const kid of kids) node.append(kid);
    return node;
  };
  const fmt = (x, digits) => (x === null || x === undefined ? "–" : Number(x).toFixed(digits));
  const digits = (measure) => (measure === "quoted" ? 3 : 2);

  // --- evidence panel -------------------------------------------------------
  const LIMIT = 200;
  // One entry per sentence, with every highlighted span and note of the hits in it.
  function bySentence(hits) {
    const order = [], seen = new Map();
    for (const [s, start, end, note] of hits) {
      if (!seen.has(s)) { seen.set(s, {s: s, spans: [], notes: []}); order.push(seen.get(s)); }
      const entry = seen.get(s);
      if (start >= 0 && end > start) entry.spans.push([start, end]);
      if (note && !entry.notes.includes(note)) entry.notes.push(note);
    }
    return order;
  }
  function sentenceNode(entry) {
    const [a, sid, voice, text] = D.sentences[entry.s];
    const [articleId, unit, headline, published] = D.articles[a];
    const body = el("div", {class: "text"});
    let at = 0;
    for (const [start, end] of entry.spans.slice().sort((x, y) => x[0] - y[0])) {
      if (start < at) continue;  // overlapping matches: the first one is marked
      body.append(text.slice(at, start), el("mark", {text: text.slice(start, end)}));
      at = end;
    }
    body.append(text.slice(at));
    return el("div", {class: "sentence"}, body,
      el("div", {class: "meta", text: `${unit} · ${headline} (${articleId}, ${published}) · sentence ${sid} · voice: ${voice}`
                                      + (entry.notes.length ? ` · ${entry.notes.join("; ")}` : "")}));
  }
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many || one + "s"}`;
  function showHits(title, hits) {
    const panel = $("evidence"), body = $("evidence-body"), entries = bySentence(hits);
    const spans = hits.filter((h) => h[1] >= 0).length;
    $("evidence-title").textContent = title;
    body.replaceChildren(el("p", {class: "muted", id: "evidence-count", text: !hits.length ? "no sentences: nothing was counted here"
      : spans > entries.length ? `${plural(spans, "match", "matches")} in ${plural(entries.length, "sentence")}` : plural(entries.length, "sentence")}));
    const more = (from) => {
      for (const entry of entries.slice(from, from + LIMIT)) body.append(sentenceNode(entry));
      if (entries.length > from + LIMIT) {
        const button = el("button", {class: "chip", type: "button", text: `show ${Math.min(LIMIT, entries.length - from - LIMIT)} more`});
        button.addEventListener("click", () => { button.remove(); more(from + LIMIT); });
        body.append(button);
      }
    };
    more(0);
    panel.hidden = false;
    panel.scrollTop = 0;
  }
  const show = (title, key) => showHits(title, D.evidence[key] || []);
  $("evidence-close").addEventListener("click", () => { $("evidence").hidden = true; });
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") $("evidence").hidden = true; });

  // --- measures table ---------------------------------------------------------
  const units = [...new Set(D.measures.map((r) => r[0]))].sort();
  const keys = Object.keys(D.labels).filter((k) => D.measures.some((r) => r[1] === k));
  const byUnit = {};
  for (const r of D.measures) (byUnit[r[0]] = byUnit[r[0]] || {})[r[1]] = r;
  const articlesOf = {};
  for (const a of D.articles) articlesOf[a[1]] = (articlesOf[a[1]] || 0) + 1;
  const table = $("measure-table");
  const head = el("tr", {}, el("th", {text: D.unit_label, "data-col": "unit"}), el("th", {text: "articles", "data-col": "articles"}));
  for (const k of keys) head.append(el("th", {"data-col": k, title: D.labels[k][1], text: `${D.labels[k][0]} (${D.labels[k][1]})`}));
  const tbody = el("tbody");
  table.append(el("thead", {}, head), tbody);
  for (const unit of units) {
    const row = el("tr", {"data-unit": unit});
    row.append(el("td", {text: unit, class: articlesOf[unit] === 1 ? "one" : ""}), el("td", {text: String(articlesOf[unit] || 0)}));
    for (const k of keys) {
      const r = byUnit[unit] && byUnit[unit][k];
      if (!r) { row.append(el("td", {text: "–"})); continue; }
      const [, , est, lo, hi, nArt, nUnits, key] = r;
      const cell = el("td", {class: "cell" + (nArt === 1 ? " one" : ""), "data-key": key, "data-value": est === null ? "" : est,
                             title: `${nArt} article(s), ${nUnits} ${k === "stance" ? "mentions" : "sentences"}; click for the evidence`,
                             on: () => show(`${D.labels[k][0]} · ${unit}`, key)},
        fmt(est, digits(k)), " ", el("span", {class: "ci", text: `[${fmt(lo, digits(k))}, ${fmt(hi, digits(k))}] n=${nUnits}`}));
      row.append(cell);
    }
    tbody.append(row);
  }
  head.querySelectorAll("th").forEach((th, col) => th.addEventListener("click", () => {
    const down = th.getAttribute("aria-sort") === "ascending";
    head.querySelectorAll("th").forEach((h) => h.removeAttribute("aria-sort"));
    th.setAttribute("aria-sort", down ? "descending" : "ascending");
    const value = (tr) => {
      const td = tr.children[col];
      if (col === 0) return td.textContent;
      const v = td.dataset.value !== undefined ? td.dataset.value : td.textContent;
      return v === "" || v === "–" ? NaN : Number(v);
    };
    const rows = [...tbody.children].sort((a, b) => {
      const x = value(a), y = value(b);
      if (typeof x === "string") return down ? y.localeCompare(x) : x.localeCompare(y);
      if (isNaN(x)) return 1; if (isNaN(y)) return -1;
      return down ? y - x : x - y;
    });
    tbody.append(...rows);
  }));

  // --- what changed -------------------------------------------------------------
  const changes = $("changes-body"), C = D.changes;
  if (!C) changes.append(el("p", {class: "muted", text: "Not recorded for this report."}));
  else if (C.first_run) changes.append(el("p", {text: "No earlier run is recorded (data/processed/report_summary.json); the next run will show what changed since this one."}));
  else {
    const list = (label, ids) => el("p", {}, el("b", {text: `${label}: `}), ids.length ? ids.join(", ") : "none");
    changes.append(list("Articles added", C.added), list("Articles changed", C.changed), list("Articles removed", C.removed));
    if (!C.moved.length) changes.append(el("p", {text: "No headline measure moved."}));
    else {
      const t = el("table", {}, el("tr", {}, ...[D.unit_label, "measure", "last run", "this run", "change"].map((h) => el("th", {text: h}))));
      for (const [unit, m, a, b] of C.moved) {
        const label = D.labels[m] ? D.labels[m][0] : m;
        t.append(el("tr", {}, el("td", {text: unit}), el("td", {text: label}), el("td", {text: a === null ? "new" : fmt(a, digits(m))}),
          el("td", {text: b === null ? "gone" : fmt(b, digits(m))}), el("td", {text: a === null || b === null ? "" : (b - a >= 0 ? "+" : "") + fmt(b - a, digits(m))})));
      }
      changes.append(el("div", {class: "scroll"}, t));
    }
  }

  // --- frame terms and distinctive words ---------------------------------------------
  const groups = (rows, body, label, chip) => {
    const by = {};
    for (const r of rows) (by[r[0]] = by[r[0]] || []).push(r);
    if (!rows.length) body.append(el("p", {class: "muted", text: `No ${label} in this corpus.`}));
    for (const name of Object.keys(by).sort()) body.append(el("div", {class: "group"}, el("span", {text: name}), ...by[name].map(chip)));
  };
  groups(D.frame_terms, $("terms-body"), "frame terms", ([frame, term, n]) =>
    el("button", {class: "chip", type: "button", "data-key": `term|${frame}|${term}`, on: () => show(`${frame}: ${term}`, `term|${frame}|${term}`)}, term, el("b", {text: String(n)})));
  groups(D.words, $("words-body"), "distinctive words", ([unit, word, z, n, key]) =>
    el("button", {class: "chip", type: "button", "data-key": key, title: `z = ${z}, ${n} times`, on: () => show(`${unit}: “${word}”`, key)}, word, el("b", {text: String(n)})));

  // --- stance dots -----------------------------------------------------------------
  const stance = $("stance-body");
  if (!D.dots.length) stance.append(el("p", {class: "muted", text: "No stance: no mentions of the target, or no stance model."}));
  else {
    const NS = "http://www.w3.org/2000/svg";
    const dotUnits = [...new Set(D.dots.map((d) => d[0]))].sort();
    const W = 760, left = 170, rowH = 26, svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", `0 0 ${W} ${rowH * dotUnits.length + 30}`);
    svg.setAttribute("width", "100%"); svg.setAttribute("role", "img");
    const x = (v) => left + (v + 1) / 2 * (W - left - 20);
    const add = (tag, attrs, text) => { const n = document.createElementNS(NS, tag); for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v); if (text) n.textContent = text; svg.append(n); return n; };
    dotUnits.forEach((u, i) => add("text", {x: 4, y: 20 + i * rowH, "font-size": 13}, u));
    for (const v of [-1, 0, 1]) {
      add("line", {x1: x(v), x2: x(v), y1: 4, y2: rowH * dotUnits.length + 6, stroke: "#ccc"});
      add("text", {x: x(v) - 8, y: rowH * dotUnits.length + 24, "font-size": 12}, String(v));
    }
    const seen = {};
    for (const [u, net, label, key] of D.dots) {
      const i = dotUnits.indexOf(u), bucket = `${u}|${Math.round(net * 40)}`;
      const jitter = ((seen[bucket] = (seen[bucket] || 0) + 1) % 5 - 2) * 3;
      const dot = add("circle", {cx: x(net), cy: 15 + i * rowH + jitter, r: 4.5, class: label.startsWith("neg") ? "neg" : label.startsWith("pos") ? "pos" : "neu", "data-key": key});
      dot.style.cursor = "pointer";
      dot.append(Object.assign(document.createElementNS(NS, "title"), {textContent: `${u}: ${label} (${net})`}));
      dot.addEventListener("click", () => show(`${u}: a ${label} mention`, key));
    }
    stance.append(svg);
  }

  // --- figures -----------------------------------------------------------------------
  for (const f of D.figures) $("figures-body").append(el("figure", {id: `figure-${f.name}`},
    el("h3", {text: f.title}), el("img", {src: f.src, alt: f.title, loading: "lazy"}), el("figcaption", {text: f.caption})));
  if (!D.figures.length) $("figures-body").append(el("p", {class: "muted", text: "No figures were drawn."}));

  // --- search ------------------------------------------------------------------------
  const lower = D.sentences.map((s) => s[3].toLowerCase());
  let timer = null;
  $("search-box").addEventListener("input", (e) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const q = e.target.value.trim().toLowerCase(), out = $("search-body");
      out.replaceChildren();
      if (q.length < 2) return;
      const hits = [];
      lower.forEach((t, s) => { const at = t.indexOf(q); if (at >= 0) hits.push([s, at, at + q.length, ""]); });
      out.append(el("p", {class: "muted", id: "search-count", text: plural(hits.length, "sentence") + (hits.length > LIMIT ? ` (the first ${LIMIT} shown; open them all in the evidence panel)` : "")}));
      if (hits.length > LIMIT) out.append(el("button", {class: "chip", type: "button", text: "open all", on: () => showHits(`“${q}”`, hits)}));
      for (const entry of bySentence(hits.slice(0, LIMIT))) out.append(sentenceNode(entry));
    }, 150);
  });
})();
