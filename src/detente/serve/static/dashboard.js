// detente's minimal dashboard: every piece of data goes into the page through textContent, never HTML.
"use strict";

const $ = (id) => document.getElementById(id);

function el(tag, text, cls) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (cls) node.className = cls;
  return node;
}

async function getJSON(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

function evidenceNode(evidence) {
  // The sentence with the trigger marked, built from text nodes only.
  const p = el("p");
  const s = evidence.sentence;
  const from = evidence.start - (evidence.sentence_start || 0);
  const to = evidence.end - (evidence.sentence_start || 0);
  if (from >= 0 && to <= s.length && from < to) {
    p.append(document.createTextNode(s.slice(0, from)), el("mark", s.slice(from, to)), document.createTextNode(s.slice(to)));
  } else {
    p.textContent = s;
  }
  return p;
}

function actorLabel(actor) {
  if (!actor) return "—";
  const code = [actor.country, actor.sector].filter(Boolean).join(" ");
  return code ? `${actor.text} (${code})` : actor.text;
}

async function showEvents(ids) {
  const box = $("point-events");
  box.replaceChildren();
  box.className = "";
  if (!ids.length) { box.append(el("p", "No events.", "empty")); return; }
  const table = el("table");
  const head = el("tr");
  for (const h of ["date", "source", "event", "target", "mode", "sources", "evidence"]) head.append(el("th", h));
  table.append(head);
  for (const id of ids) {
    const e = await getJSON(`/api/events/${encodeURIComponent(id)}`);
    const row = el("tr");
    row.className = "event-row";
    row.append(el("td", e.date), el("td", actorLabel(e.source)), el("td", `${e.plover.type} (${e.cameo})`),
      el("td", actorLabel(e.target)), el("td", e.modality), el("td", e.num_independent_sources));
    const cell = el("td");
    for (const ev of e.evidence) cell.append(evidenceNode(ev));
    row.append(cell);
    table.append(row);
  }
  box.append(table);
}

function drawChart(series) {
  const chart = $("chart");
  chart.replaceChildren();
  if (!series.series.length) { chart.append(el("p", "No dated events for this pair yet.", "empty")); return; }
  const ns = "http://www.w3.org/2000/svg";
  const width = 1000, height = 260, pad = 40;
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("width", "100%");
  const x = (i) => pad + (series.series.length === 1 ? (width - 2 * pad) / 2 : i * (width - 2 * pad) / (series.series.length - 1));
  const y = (t) => height / 2 - t * (height / 2 - pad) / 10;
  const axis = document.createElementNS(ns, "line");
  axis.setAttribute("x1", pad); axis.setAttribute("x2", width - pad);
  axis.setAttribute("y1", y(0)); axis.setAttribute("y2", y(0)); axis.setAttribute("stroke", "#ccc");
  svg.append(axis);
  const path = document.createElementNS(ns, "polyline");
  path.setAttribute("points", series.series.map((p, i) => `${x(i)},${y(p.temperature)}`).join(" "));
  path.setAttribute("fill", "none"); path.setAttribute("stroke", "#555");
  svg.append(path);
  const alerted = new Set(series.alerts.map((a) => a.period));
  series.series.forEach((p, i) => {
    const dot = document.createElementNS(ns, "circle");
    dot.setAttribute("cx", x(i)); dot.setAttribute("cy", y(p.temperature));
    dot.setAttribute("r", 4 + Math.min(8, p.events));
    dot.setAttribute("class", `point ${p.temperature >= 0 ? "hot" : "cool"}`);
    dot.setAttribute("data-period", p.period);
    if (alerted.has(p.period)) { dot.setAttribute("stroke", "#000"); dot.setAttribute("stroke-width", "3"); }
    const title = document.createElementNS(ns, "title");
    title.textContent = `${p.period}: ${p.temperature.toFixed(1)} (${p.events} events)`;
    dot.append(title);
    dot.style.cursor = "pointer";
    dot.addEventListener("click", () => showEvents(p.top_events));
    svg.append(dot);
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", x(i)); label.setAttribute("y", height - 8); label.setAttribute("text-anchor", "middle");
    label.textContent = p.period;
    svg.append(label);
  });
  chart.append(svg);
  const alerts = $("alerts");
  alerts.replaceChildren();
  for (const a of series.alerts) alerts.append(el("p", `⚠ ${a.period} ${a.direction}: ${a.explanation}`));
}

async function loadDyad(value) {
  const [a, b] = value.split("-");
  drawChart(await getJSON(`/api/dyad/${a}/${b}?by=month`));
}

async function loadCopies() {
  const box = $("copies");
  const copies = await getJSON("/api/copies");
  if (!copies.length) { box.append(el("p", "No copies found.", "empty")); return; }
  for (const c of copies) {
    const div = el("div", null, "copy");
    div.append(el("p", `${c.copy} ${c.relation} of ${c.original ?? "(original not in store)"} — credits ${c.attribution ?? "nobody"}, covers ${(100 * c.coverage_of_original).toFixed(0)}% of it`));
    const table = el("table");
    for (const pair of c.aligned.filter((p) => p.change !== "same")) {
      const row = el("tr", null, pair.change === "polarity_flipped" ? "flip" : "");
      row.append(el("td", pair.change), el("td", pair.original_sentence), el("td", pair.copy_sentence));
      table.append(row);
    }
    div.append(table);
    box.append(div);
  }
}

async function main() {
  const dyads = await getJSON("/api/dyads");
  const select = $("dyad-select");
  if (!dyads.length) { $("chart").append(el("p", "No events in the store yet: run `detente run PATH` first.", "empty")); }
  for (const d of dyads) {
    const option = el("option", `${d.dyad[0]}–${d.dyad[1]} (${d.events})`);
    option.value = d.dyad.join("-");
    select.append(option);
  }
  select.addEventListener("change", () => loadDyad(select.value));
  if (dyads.length) await loadDyad(select.value);
  await loadCopies();
}

main().catch((error) => { document.body.append(el("p", `Error: ${error.message}`, "empty")); });
