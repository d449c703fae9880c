// detente's dashboard: one page, views chosen by the URL hash. Every piece of data reaches the page
// through textContent or DOM attributes, never as HTML; the server's CSP forbids inline scripts.
"use strict";

const TOKEN_KEY = "detente-token";
const CHANGE_LABELS = {
  same: "same", reworded: "reworded", number_changed: "number changed", entity_changed: "name changed",
  attribution_changed: "attribution changed", polarity_flipped: "POLARITY FLIPPED",
};

// -- DOM helpers ---------------------------------------------------------------------------------
function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}

function link(text, href, cls) {
  const a = el("a", text, cls);
  a.setAttribute("href", href);
  return a;
}

function section(title, cls) {
  const box = el("section", null, cls);
  if (title) box.append(el("h2", title));
  return box;
}

function view() { return document.getElementById("view"); }

function show(...nodes) { view().replaceChildren(...nodes); }

function empty(text) { return el("p", text, "empty"); }

function badge(text, cls) { return el("span", text, `badge ${cls || ""}`); }

function articleHref(id) { return `#/article/${encodeURIComponent(id)}`; }

function eventHref(id) { return `#/event/${encodeURIComponent(id)}`; }

// -- fetching ------------------------------------------------------------------------------------
class ApiError extends Error {
  constructor(status, detail) { super(detail); this.status = status; }
}

async function getJSON(url) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const headers = token ? { Authorization: `Bearer ${token}` } : {};
  const response = await fetch(url, { headers });
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      const body = await response.json();
      if (typeof body.detail === "string") detail = body.detail;
    } catch (_) { /* not JSON */ }
    throw new ApiError(response.status, detail);
  }
  return response.json();
}

function errorView(error) {
  if (error instanceof ApiError && error.status === 401) return tokenForm(error.message);
  const box = section(error instanceof ApiError && error.status === 404 ? "Not found" : "Something went wrong", "error");
  box.append(el("p", error.message));
  if (error instanceof ApiError && error.status === 503) {
    box.append(el("p", "The store cannot be read yet. Load articles with `detente run PATH --db FILE`.", "muted"));
  }
  box.append(link("Back to the dashboard", "#/"));
  return box;
}

function tokenForm(message) {
  const box = section("This server needs a token", "error token-form");
  box.append(el("p", message));
  const form = el("form");
  const input = el("input");
  input.type = "password";
  input.setAttribute("aria-label", "token");
  form.append(input, el("button", "Use token"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, input.value);
    route();
  });
  box.append(form);
  return box;
}

// -- pieces shared by views ----------------------------------------------------------------------
function actorLabel(actor) {
  if (!actor) return "—";
  const code = [actor.country, actor.sector].filter(Boolean).join(" ");
  const name = actor.name && actor.name !== actor.text ? ` = ${actor.name}` : "";
  return code ? `${actor.text}${name} (${code})` : `${actor.text}${name}`;
}

function evidenceNode(evidence) {
  // The sentence with the trigger marked, built from text nodes only.
  const p = el("p");
  const s = evidence.sentence;
  const from = evidence.start - (evidence.sentence_start || 0);
  const to = evidence.end - (evidence.sentence_start || 0);
  if (from >= 0 && to <= s.length && from < to) {
    p.append(document.createTextNode(s.slice(0, from)), el("mark", s.slice(from, to), "trigger"),
      document.createTextNode(s.slice(to)));
  } else {
    p.textContent = s;
  }
  return p;
}

function articleName(articles, id) {
  const a = articles && articles[id];
  if (!a) return id;
  return [a.outlet, a.published, a.title].filter(Boolean).join(" · ") || id;
}

function eventCard(e) {
  const card = el("div", null, "event-card");
  card.dataset.eventId = e.event_id;
  const what = el("div", null, "what");
  what.append(document.createTextNode(`${e.date || "undated"} · ${actorLabel(e.source)} → `),
    link(`${e.plover.type}${e.plover.mode ? `:${e.plover.mode}` : ""} (${e.cameo})`, eventHref(e.event_id)),
    document.createTextNode(` → ${actorLabel(e.target)} `));
  const facts = el("div", null, "muted");
  facts.append(badge(`quad ${e.quad_class}`, `q${e.quad_class}`), document.createTextNode(" "),
    badge(e.modality, `modality-${e.modality}`),
    document.createTextNode(` Goldstein ${e.goldstein} · ${e.num_independent_sources} independent source(s), `
      + `${e.num_articles} article(s), ${e.num_outlets} outlet(s)`));
  card.append(what, facts, evidenceList(e));
  return card;
}

function evidenceList(e) {
  const box = el("div", null, "evidence");
  const seen = new Set();
  for (const ev of e.evidence) {
    const key = `${ev.article_id}|${ev.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    box.append(evidenceNode(ev));
    const from = el("p", null, "muted");
    from.append(document.createTextNode("— "), link(articleName(e.articles, ev.article_id), articleHref(ev.article_id)));
    box.append(from);
  }
  return box;
}

// -- dyad view -----------------------------------------------------------------------------------
async function dyadView(params) {
  const dyads = await getJSON("/api/dyads");
  if (!dyads.length) {
    const box = section("Dyad temperature");
    box.append(empty("No events between two countries in the store yet: run `detente run PATH` first."));
    show(box);
    return;
  }
  const pair = params.get("pair") || dyads[0].dyad.join("-");
  const by = params.get("by") || "month";
  const [a, b] = pair.split("-");
  const top = section(null, "dyad-view");
  const heading = el("h2", "Dyad temperature ");
  const select = el("select");
  select.id = "dyad-select";
  select.setAttribute("aria-label", "dyad");
  for (const d of dyads) {
    const option = el("option", `${d.dyad[0]}–${d.dyad[1]} (${d.events} events)`);
    option.value = d.dyad.join("-");
    select.append(option);
  }
  if (![...select.options].some((o) => o.value === pair)) {
    const option = el("option", pair);
    option.value = pair;
    select.append(option);
  }
  select.value = pair;
  const bySelect = el("select");
  bySelect.setAttribute("aria-label", "period");
  for (const p of ["day", "week", "month"]) { const o = el("option", `by ${p}`); o.value = p; bySelect.append(o); }
  bySelect.value = by;
  const go = () => { location.hash = `#/dyad?pair=${select.value}&by=${bySelect.value}`; };
  select.addEventListener("change", go);
  bySelect.addEventListener("change", go);
  heading.append(select, document.createTextNode(" "), bySelect);
  const chart = el("div");
  chart.id = "chart";
  top.append(heading, el("p", "Temperature is tension: +10 open war, −10 closest cooperation. Bars: events per period. "
    + "Click a point to see the events behind it.", "muted"), chart);
  const alertsBox = section("Alerts");
  alertsBox.id = "alerts";
  const pointsBox = section("Events behind the selected point");
  pointsBox.id = "period-events";
  pointsBox.append(empty("Click a point of the chart (or a period below)."));
  show(top, alertsBox, pointsBox);

  const series = await getJSON(`/api/dyad/${encodeURIComponent(a)}/${encodeURIComponent(b)}?by=${by}`);
  const showPeriod = (period) => periodEvents(pointsBox, series, period);
  drawChart(chart, series, showPeriod);
  drawAlerts(alertsBox, series, showPeriod);
  chart.append(periodButtons(series, showPeriod));
}

function drawChart(chart, series, showPeriod) {
  if (!series.series.length) { chart.append(empty("No dated events for this pair yet.")); return; }
  if (typeof Plotly === "undefined") { chart.append(empty("The chart library did not load; use the periods below.")); return; }
  const periods = series.series.map((p) => p.period);
  const alerts = series.alerts;
  const traces = [
    { type: "bar", name: "events", x: periods, y: series.series.map((p) => p.events), yaxis: "y2",
      marker: { color: "rgba(120,130,150,0.30)" }, hovertemplate: "%{x}: %{y} events<extra></extra>" },
    { type: "scatter", mode: "lines+markers", name: "temperature", x: periods,
      y: series.series.map((p) => p.temperature), line: { color: "#1d2430", width: 2 },
      marker: { size: 11, color: series.series.map((p) => (p.temperature >= 0 ? "#c0392b" : "#2471a3")) },
      customdata: series.series.map((p) => p.events),
      hovertemplate: "%{x}: %{y:+.1f} (%{customdata} events)<extra></extra>" },
    { type: "scatter", mode: "markers+text", name: "alert", x: alerts.map((a) => a.period),
      y: alerts.map((a) => series.series.find((p) => p.period === a.period).temperature),
      text: alerts.map((a) => (a.direction === "warming" ? "▲ alert" : "▼ alert")), textposition: "top center",
      marker: { size: 22, symbol: "diamond-open", line: { width: 3 }, color: alerts.map((a) => (a.direction === "warming" ? "#a61b1b" : "#1f5fa8")) },
      hovertemplate: "%{x}: alert<extra></extra>" },
  ];
  const layout = {
    margin: { l: 50, r: 50, t: 10, b: 40 }, height: 380, hovermode: "closest", showlegend: true,
    legend: { orientation: "h", y: -0.15 },
    xaxis: { type: "category", title: { text: series.by } },
    yaxis: { title: { text: "temperature" }, range: [-10.5, 10.5], zeroline: true },
    yaxis2: { title: { text: "events" }, overlaying: "y", side: "right", showgrid: false, tickformat: "d",
      tickmode: "auto", range: [0, Math.max(...series.series.map((p) => p.events)) * 1.2] },
  };
  Plotly.newPlot(chart, traces, layout, { displaylogo: false, displayModeBar: false, responsive: true });
  chart.on("plotly_click", (data) => { if (data.points.length) showPeriod(String(data.points[0].x)); });
}

function periodButtons(series, showPeriod) {
  const box = el("p", "Periods: ", "points muted");
  for (const p of series.series) {
    const button = el("button", `${p.period} (${p.temperature >= 0 ? "+" : ""}${p.temperature.toFixed(1)}, ${p.events})`);
    button.type = "button";
    button.dataset.period = p.period;
    button.addEventListener("click", () => showPeriod(p.period));
    box.append(button, document.createTextNode(" "));
  }
  return box;
}

function drawAlerts(box, series, showPeriod) {
  if (!series.alerts.length) { box.append(empty("No alerts: the temperature never turned sharply.")); return; }
  const list = el("ul", null, "alert-list");
  for (const a of series.alerts) {
    const item = el("li", null, `alert-${a.direction}`);
    const button = el("button", `${a.period}: ${a.direction} by ${a.magnitude.toFixed(1)}°`);
    button.type = "button";
    button.addEventListener("click", () => showPeriod(a.period));
    item.append(button, document.createTextNode(` ${a.explanation}`));
    list.append(item);
  }
  box.append(list);
}

async function periodEvents(box, series, period) {
  box.replaceChildren(el("h2", `Events of ${series.dyad.join("–")} in ${period}`), empty("Loading…"));
  try {
    const [a, b] = series.dyad;
    const found = await getJSON(`/api/dyad/${a}/${b}/events?period=${encodeURIComponent(period)}&by=${series.by}`);
    box.lastChild.remove();
    if (!found.events.length) { box.append(empty("No events in this period.")); return; }
    for (const e of found.events) box.append(eventCard(e));
  } catch (error) {
    box.replaceChildren(errorView(error));
  }
}

// -- events table --------------------------------------------------------------------------------
const FILTERS = [
  ["dyad", "dyad (IRN-USA)"], ["actor", "actor name"], ["country", "country"], ["type", "PLOVER type"],
  ["quad_class", "quad class"], ["modality", "modality"], ["date_from", "from (date)"], ["date_to", "to (date)"],
  ["min_sources", "min. independent sources"],
];
const CHOICES = {
  quad_class: ["", "1", "2", "3", "4"],
  modality: ["", "asserted", "negated", "hypothetical", "intended", "ceased", "historical", "denied"],
  type: ["", "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"],
};
const PAGE = 50;

async function eventsView(params) {
  const box = section("Events");
  const form = el("form", null, "filters");
  for (const [name, label] of FILTERS) {
    const wrap = el("label", label);
    let input;
    if (CHOICES[name]) {
      input = el("select");
      for (const c of CHOICES[name]) { const o = el("option", c || "any"); o.value = c; input.append(o); }
    } else {
      input = el("input");
      if (name === "min_sources") input.type = "number";
    }
    input.name = name;
    input.value = params.get(name) || "";
    wrap.append(input);
    form.append(wrap);
  }
  form.append(el("button", "Filter"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (value) query.set(name, String(value).trim());
    location.hash = `#/events?${query}`;
  });
  box.append(form);
  const results = el("div");
  results.id = "events-results";
  box.append(results);
  show(box);

  const offset = Number(params.get("offset") || 0);
  const query = new URLSearchParams(params);
  query.set("limit", PAGE);
  query.set("offset", offset);
  const exportQuery = new URLSearchParams(params);
  exportQuery.delete("offset");
  const found = await getJSON(`/api/events?${query}`);
  if (!found.events.length) { results.append(empty("No events match these filters.")); return; }
  const table = el("table");
  const head = el("tr");
  for (const h of ["date", "source", "event", "target", "modality", "quad", "indep. sources", "evidence"]) head.append(el("th", h));
  table.append(head);
  for (const e of found.events) {
    const row = el("tr", null, "event-row");
    const what = el("td");
    what.append(link(`${e.plover.type} (${e.cameo})`, eventHref(e.event_id)));
    const evidence = el("td");
    if (e.evidence.length) evidence.append(evidenceNode(e.evidence[0]));
    row.append(el("td", e.date), el("td", actorLabel(e.source)), what, el("td", actorLabel(e.target)),
      el("td", e.modality), el("td", e.quad_class), el("td", e.num_independent_sources), evidence);
    table.append(row);
  }
  results.append(el("p", `${found.total} events; showing ${offset + 1}–${offset + found.events.length}.`, "muted"), table);
  const pager = el("div", null, "pager");
  const page = (to) => { const q = new URLSearchParams(params); q.set("offset", to); return `#/events?${q}`; };
  if (offset > 0) pager.append(link("← previous", page(Math.max(0, offset - PAGE))));
  if (offset + PAGE < found.total) pager.append(link("next →", page(offset + PAGE)));
  for (const format of ["csv", "parquet", "jsonl", "plover-json"]) {
    exportQuery.set("format", format);
    pager.append(link(`export ${format}`, `/api/export?${exportQuery}`));
  }
  results.append(pager);
}

async function eventView(id) {
  const e = await getJSON(`/api/events/${encodeURIComponent(id)}`);
  const box = section("Event");
  box.append(eventCard(e));
  const facts = el("table");
  const rows = [
    ["event id", e.event_id], ["date", `${e.date || "unknown"} (${e.date_precision || "—"}${e.date_cue ? `, from “${e.date_cue}”` : ""})`],
    ["PLOVER", `${e.plover.type} · mode ${e.plover.mode || "—"} · context ${e.plover.context.join(", ") || "—"}`],
    ["CAMEO", `${e.cameo} · Goldstein ${e.goldstein} · quad class ${e.quad_class}`],
    ["location", e.location ? [e.location.name, e.location.country].filter(Boolean).join(", ") : "—"],
    ["story", e.story_id || "—"], ["confidence", e.confidence], ["coder", e.coder],
  ];
  for (const [k, v] of rows) { const r = el("tr"); r.append(el("th", k), el("td", v)); facts.append(r); }
  box.append(el("h3", "Details"), facts);
  show(box);
}

// -- copies --------------------------------------------------------------------------------------
async function copiesView() {
  const copies = await getJSON("/api/copies");
  const box = section("Copies, rewrites and translations");
  if (!copies.length) { box.append(empty("No copies found in the store.")); show(box); return; }
  const table = el("table");
  const head = el("tr");
  for (const h of ["copy", "of (original)", "relation", "credits", "coverage", "changes"]) head.append(el("th", h));
  table.append(head);
  for (const c of copies) {
    const row = el("tr", null, "copy-row");
    const copyCell = el("td");
    copyCell.append(link(articleName(c.articles, c.copy), `#/copy/${encodeURIComponent(c.copy)}`));
    const changes = el("td");
    const kinds = {};
    for (const p of c.aligned) if (p.change !== "same") kinds[p.change] = (kinds[p.change] || 0) + 1;
    for (const [kind, n] of Object.entries(kinds)) {
      changes.append(kind === "polarity_flipped" ? el("span", `⚠ ${CHANGE_LABELS[kind]} ×${n}`, "flip-badge") : badge(`${CHANGE_LABELS[kind]} ×${n}`), document.createTextNode(" "));
    }
    if (!Object.keys(kinds).length) changes.append(el("span", "verbatim", "muted"));
    row.append(copyCell, el("td", c.original ? articleName(c.articles, c.original) : "(not in the store)"),
      el("td", c.relation), el("td", c.attribution || "nobody"), el("td", `${Math.round(100 * c.coverage_of_original)}%`), changes);
    table.append(row);
  }
  box.append(table);
  show(box);
}

function wordDiff(before, after) {
  // A word-level LCS: the words only in `before` are deletions, those only in `after` insertions.
  const a = before.split(/(\s+)/), b = after.split(/(\s+)/);
  const n = a.length, m = b.length;
  if (n * m > 250000) return [[["same", before]], [["same", after]]];
  const dp = Array.from({ length: n + 1 }, () => new Array(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) {
    dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  }
  const left = [], right = [];
  let i = 0, j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) { left.push(["same", a[i]]); right.push(["same", b[j]]); i++; j++; }
    else if (dp[i + 1][j] >= dp[i][j + 1]) { left.push(["del", a[i]]); i++; }
    else { right.push(["ins", b[j]]); j++; }
  }
  while (i < n) left.push(["del", a[i++]]);
  while (j < m) right.push(["ins", b[j++]]);
  return [left, right];
}

function diffNode(parts) {
  const cell = el("td");
  for (const [kind, text] of parts) {
    if (kind === "same" || !text.trim()) cell.append(document.createTextNode(text));
    else cell.append(el(kind, text, "diff"));
  }
  return cell;
}

async function copyView(id) {
  const relations = (await getJSON(`/api/copies?article=${encodeURIComponent(id)}`)).filter((c) => c.copy === id);
  if (!relations.length) throw new ApiError(404, `${id} is not a copy of any article in the store`);
  const boxes = [];
  for (const c of relations) {
    const box = section(`${c.relation === "translation" ? "Translation" : c.relation === "rewrite" ? "Rewrite" : "Copy"}: original and copy side by side`, "copy-view");
    const sides = el("div", null, "side-by-side");
    const original = el("div");
    original.append(el("h3", "Original"), c.original ? link(articleName(c.articles, c.original), articleHref(c.original)) : empty("not in the store"));
    const copy = el("div");
    copy.append(el("h3", "Copy"), link(articleName(c.articles, c.copy), articleHref(c.copy)));
    sides.append(original, copy);
    box.append(sides, el("p", `Credits ${c.attribution || "nobody"}; covers ${Math.round(100 * c.coverage_of_original)}% of the original; confidence ${c.confidence}.`, "muted"));
    const flips = c.aligned.filter((p) => p.change === "polarity_flipped");
    if (flips.length) {
      const warning = el("p");
      warning.append(el("span", `⚠ POLARITY FLIPPED ×${flips.length}`, "flip-badge"),
        document.createTextNode(" the copy reverses what the original says: " + flips.map((p) => p.detail || "").filter(Boolean).join("; ")));
      warning.id = "flip-warning";
      box.append(warning);
    }
    const legend = el("p", "Changes: ", "legend muted");
    for (const kind of Object.keys(CHANGE_LABELS)) {
      const chip = el("span", CHANGE_LABELS[kind], `change-${kind}`);
      legend.append(chip);
    }
    box.append(legend);
    const table = el("table", null, "aligned");
    const head = el("tr");
    for (const h of ["original sentence", "change", "copy sentence"]) head.append(el("th", h));
    table.append(head);
    c.aligned.forEach((pair, index) => {
      const row = el("tr", null, `aligned-row change-${pair.change}`);
      row.id = `pair-${index}`;
      const change = el("td", null, "change");
      if (pair.change === "polarity_flipped") change.append(el("span", "⚠ POLARITY FLIPPED", "flip-badge"));
      else change.append(document.createTextNode(CHANGE_LABELS[pair.change] || pair.change));
      if (pair.detail) change.append(el("div", pair.detail, "muted detail"));
      change.append(el("div", `similarity ${pair.similarity.toFixed(2)}`, "muted"));
      if (pair.change === "same") {
        row.append(el("td", pair.original_sentence), change, el("td", pair.copy_sentence));
      } else {
        const [left, right] = wordDiff(pair.original_sentence, pair.copy_sentence);
        row.append(diffNode(left), change, diffNode(right));
      }
      table.append(row);
    });
    box.append(table);
    const lists = el("div", null, "side-by-side");
    const dropped = el("div");
    dropped.id = "dropped";
    dropped.append(el("h3", `Dropped from the original (${c.dropped.length})`), sentenceList(c.dropped, "Nothing dropped."));
    const added = el("div");
    added.id = "added";
    added.append(el("h3", `Added by the copy (${c.added.length})`), sentenceList(c.added, "Nothing added."));
    lists.append(dropped, added);
    box.append(lists);
    boxes.push(box);
  }
  show(...boxes);
}

function sentenceList(sentences, none) {
  if (!sentences.length) return empty(none);
  const list = el("ul", null, "sentences");
  for (const s of sentences) list.append(el("li", s));
  return list;
}

// -- articles ------------------------------------------------------------------------------------
async function articlesView(params) {
  const offset = Number(params.get("offset") || 0);
  const found = await getJSON(`/api/articles?limit=${PAGE}&offset=${offset}`);
  const box = section("Articles");
  if (!found.articles.length) { box.append(empty("No articles in the store yet: run `detente run PATH` first.")); show(box); return; }
  const table = el("table");
  const head = el("tr");
  for (const h of ["published", "outlet", "title", "language", "status"]) head.append(el("th", h));
  table.append(head);
  for (const a of found.articles) {
    const row = el("tr", null, "article-row");
    const title = el("td");
    title.append(link(a.title || a.article_id, articleHref(a.article_id)));
    row.append(el("td", a.published || "—"), el("td", a.outlet || "—"), title, el("td", a.language || "—"), el("td", a.status));
    table.append(row);
  }
  box.append(el("p", `${found.total} articles.`, "muted"), table);
  const pager = el("div", null, "pager");
  if (offset > 0) pager.append(link("← previous", `#/articles?offset=${Math.max(0, offset - PAGE)}`));
  if (offset + PAGE < found.total) pager.append(link("next →", `#/articles?offset=${offset + PAGE}`));
  box.append(pager);
  show(box);
}

async function articleView(id) {
  const a = await getJSON(`/api/articles/${encodeURIComponent(id)}`);
  const box = section(null, "article-view");
  const title = el("h2", a.title || a.article_id);
  title.id = "article-title";
  box.append(title, el("p", [a.outlet, a.published, a.language, a.status].filter(Boolean).join(" · "), "muted"));
  if (a.url) { const p = el("p"); p.append(link(a.url, a.url)); box.append(p); }
  for (const c of a.copies) {
    const note = el("p");
    if (c.copy === a.article_id) {
      note.append(document.createTextNode(`This article is a ${c.relation} of `), link(articleName(c.articles, c.original), articleHref(c.original || "")),
        document.createTextNode(" — "), link("compare", `#/copy/${encodeURIComponent(c.copy)}`));
    } else {
      note.append(document.createTextNode(`Copied (${c.relation}) by `), link(articleName(c.articles, c.copy), articleHref(c.copy)),
        document.createTextNode(" — "), link("compare", `#/copy/${encodeURIComponent(c.copy)}`));
    }
    box.append(note);
  }
  box.append(markedText(a.text, a.events));
  const events = section(`Events in this article (${a.events.length})`);
  if (!a.events.length) events.append(empty(a.status === "coded" ? "No events were coded in this article." : `Not coded: ${a.status}.`));
  for (const e of a.events) events.append(eventCard(e));
  show(box, events);
}

function markedText(text, events) {
  // The article text with each event's trigger marked (non-overlapping, in text order).
  const spans = [];
  for (const e of events) for (const s of e.spans) spans.push({ start: s.start, end: s.end, event: e });
  spans.sort((x, y) => x.start - y.start || y.end - x.end);
  const body = el("div", null, "article-text");
  let at = 0;
  for (const s of spans) {
    if (s.start < at || s.end > text.length || s.start >= s.end) continue;
    body.append(document.createTextNode(text.slice(at, s.start)));
    const mark = el("mark", null, "trigger");
    mark.title = `${s.event.plover.type} (${s.event.cameo}) ${actorLabel(s.event.source)} → ${actorLabel(s.event.target)}, ${s.event.modality}`;
    mark.append(link(text.slice(s.start, s.end), eventHref(s.event.event_id)));
    body.append(mark);
    at = s.end;
  }
  body.append(document.createTextNode(text.slice(at)));
  return body;
}

// -- routing -------------------------------------------------------------------------------------
async function route() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, query] = hash.split("?");
  const params = new URLSearchParams(query || "");
  const [name, ...rest] = path.split("/");
  const arg = rest.length ? decodeURIComponent(rest.join("/")) : null;
  for (const a of document.querySelectorAll("header nav a")) a.classList.toggle("active", a.dataset.nav === (name || "dyad"));
  const views = {
    "": () => dyadView(params), dyad: () => dyadView(params), events: () => eventsView(params),
    event: () => eventView(arg), copies: () => copiesView(), copy: () => copyView(arg),
    articles: () => articlesView(params), article: () => articleView(arg),
  };
  const render = views[name];
  try {
    if (!render || (["event", "copy", "article"].includes(name) && !arg)) throw new ApiError(404, `No page “${hash}” here.`);
    await render();
  } catch (error) {
    show(errorView(error));
  }
}

window.addEventListener("hashchange", route);
route();
