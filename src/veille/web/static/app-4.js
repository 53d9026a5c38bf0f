/* veille page: vanilla JS over the JSON API. Every piece of article data reaches the DOM as text
   (document.createTextNode / textContent / attributes), never as HTML: an article holding <script>
   shows it as text. Charts are SVG built node by node. */
"use strict";

const SVGNS = "http://www.w3.org/2000/svg";
const PLOVER_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const FACTUALITY = ["asserted", "negated", "hypothetical", "uncertain"];
const main = document.getElementById("main");

/* ---------- DOM helpers ---------- */

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVGNS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") el.setAttribute("class", v);
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, String(v));
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }
function show(...nodes) { clear(main); append(main, nodes); addCsvButtons(main); }
function safeUrl(u) { return typeof u === "string" && /^https?:\/\//i.test(u) ? u : null; }
function fmtNum(x, d = 2) { return x === null || x === undefined ? "" : Number(x).toFixed(d); }
function tag(text, cls) { return h("span", { class: "tag " + (cls || "") }, text); }
function errorBox(err) { return h("p", { class: "error", role: "alert" }, String(err.message || err)); }

/* A TimeML value as a reader says it ("2024-SP" → "spring 2024", "2018-W11" → "week 11 of 2018", "2024-03" →
   "March 2024"); the raw value stays in the element's title. Unknown shapes are shown as they are. */
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const SEASONS = { SP: "spring", SU: "summer", FA: "autumn", AU: "autumn", WI: "winter" };
const DAYPARTS = { MO: "morning", AF: "afternoon", EV: "evening", NI: "night", DT: "daytime" };
const REFS = { PRESENT_REF: "now", PAST_REF: "in the past", FUTURE_REF: "in the future" };
function readableTime(v) {
  if (!v) return "";
  if (REFS[v]) return REFS[v];
  if (v.includes("/")) return v.split("/").map(readableTime).join(" to ");
  let m;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(?:T(MO|AF|EV|NI|DT))?$/.exec(v))) return `${m[1]}-${m[2]}-${m[3]}` + (m[4] ? " " + DAYPARTS[m[4]] : "");
  if ((m = /^(\d{4})-(\d{2})$/.exec(v)) && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  if ((m = /^(\d{4})-(SP|SU|FA|AU|WI)$/.exec(v))) return `${SEASONS[m[2]]} ${m[1]}`;
  if ((m = /^(\d{4})-W(\d{2})(?:-WE)?$/.exec(v))) return (v.endsWith("-WE") ? "the weekend of " : "") + `week ${Number(m[2])} of ${m[1]}`;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(v))) return `Q${m[2]} ${m[1]}`;
  if ((m = /^(\d{4})-H([12])$/.exec(v))) return `${m[2] === "1" ? "first" : "second"} half of ${m[1]}`;
  if ((m = /^(\d{3})X?$/.exec(v))) return `the ${m[1]}0s`;
  if ((m = /^(\d{2})XX$/.exec(v))) return `the ${Number(m[1]) + 1}th century`;
  return v;
}
function timeEl(v) { return v ? h("span", { class: "timeml", title: `TimeML ${v}` }, readableTime(v)) : ""; }

/* CSV of a table as shown (one line per row, the header first). A cell is quoted when it holds a comma, a quote
   or a line break, and a cell starting with = + - @ (or a tab or carriage return) gets a leading apostrophe, so a
   spreadsheet shows it instead of running it as a formula (article text is untrusted). */
function csvCell(text) {
  let t = String(text).replace(/\s+/g, " ").trim();
  if (/^[=+\-@\t\r]/.test(t)) t = "'" + t;
  return /[",\n\r]/.test(t) ? '"' + t.replace(/"/g, '""') + '"' : t;
}
function tableCsv(table) {
  const lines = [];
  for (const row of table.rows) {
    if (row.closest("table") !== table || row.classList.contains("reports-row")) continue;
    const cells = [...row.cells].filter((c) => !c.classList.contains("no-csv"));
    lines.push(cells.map((c) => csvCell(c.textContent)).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}
/* A "CSV" button above every data table of the view (tables loaded later too: ``addCsvButtons`` again). */
function addCsvButtons(root) {
  for (const table of root.querySelectorAll("table.data")) {
    if (table.dataset.csv) continue;
    table.dataset.csv = "1";
    const name = (table.id || (parseHash().view + "-table")) + ".csv";
    const button = h("button", { type: "button", class: "secondary small csv", title: "Download this table as CSV", "data-csv-for": table.id || null,
      onclick: () => {
        const url = URL.createObjectURL(new Blob(["\ufeff" + tableCsv(table)], { type: "text/csv;charset=utf-8" }));
        const a = h("a", { href: url, download: name });
        document.body.appendChild(a); a.click(); a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      } }, "⤓ CSV");
    table.before(h("div", { class: "csv-bar" }, button));
  }
}

async function api(path, options) {
  const res = await fetch(path, options);
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    let detail = body && body.detail;
    if (Array.isArray(detail)) detail = detail.map((d) => `${(d.loc || []).join(".")}: ${d.msg}`).join("; ");
    throw new Error(`${res.status}: ${detail || res.statusText}`);
  }
  return body;
}

/* ---------- routing (#/view/arg?query) ---------- */

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, query] = raw.split("?");
  const parts = path.split("/").map(decodeURIComponent);
  return { view: parts[0] || "articles", arg: parts.slice(1).join("/"), params: new URLSearchParams(query || "") };
}

function go(view, arg, params) {
  let hash = "#/" + view + (arg ? "/" + encodeURIComponent(arg) : "");
  const q = params ? params.toString() : "";
  if (q) hash += "?" + q;
  location.hash = hash;
}

function link(text, view, arg, params) {
  let hash = "#/" + view + (arg ? "/" + encodeURIComponent(arg) : "");
  if (params && params.toString()) hash += "?" + params.toString();
  return h("a", { href: hash }, text);
}

const VIEWS = { articles: viewArticles, article: viewArticle, events: viewEvents, entity: viewEntity,
  timeline: viewTimeline, network: viewNetwork, analyze: viewAnalyze, stories: viewStories, story: viewStory,
  pair: viewPair, quotes: viewQuotes };
const NAV_OF = { article: "articles", story: "stories" };  // a one-item view lights its list's tab

async function route() {
  const { view, arg, params } = parseHash();
  for (const a of document.querySelectorAll("nav a[data-nav]")) {
    a.classList.toggle("active", a.dataset.nav === (NAV_OF[view] || view));
  }
  const fn = VIEWS[view] || viewArticles;
  try {
    await fn(arg, params);
  } catch (err) {
    show(errorBox(err));
  }
  document.body.dataset.view = view;
  document.body.dataset.ready = String(Date.now());
}

window.addEventListener("hashchange", route);
window.addEventListener("DOMContentLoaded", route);

/* ---------- articles list ---------- */

async function viewArticles(_arg, params) {
  const q = params.get("q") || "";
  const offset = Number(params.get("offset") || 0);
  const [stats, page] = await Promise.all([api("/stats"), api("/articles?" + new URLSearchParams(
    Object.entries({ q, offset, limit: 50 }).filter(([, v]) => v !== ""))) ]);
  const c = stats.counts;
  const search = h("input", { type: "search", name: "q", value: q, placeholder: "words in title or text" });
  const form = h("form", { class: "filters", onsubmit: (e) => {
    e.preventDefault(); go("articles", "", new URLSearchParams(search.value ? { q: search.value } : {}));
  } }, h("label", {}, "Search articles", search), h("button", { type: "submit" }, "Search"));
  const rows = page.items.map((a) => h("tr", {},
    h("td", {}, link(a.title || a.id, "article", a.id), a.duplicate_of ? h("span", { class: "muted small" }, ` (copy of ${a.duplicate_of})`) : null),
    h("td", {}, a.published || ""), h("td", {}, a.lang || ""), h("td", {}, a.entities), h("td", {}, a.events), h("td", {}, a.claims)));
  show(
    h("h1", {}, "Articles"),
    h("div", { class: "stats" }, ...[["articles", c.articles], ["entities", c.entities], ["events", c.events],
      ["claims", c.claims], ["copies", stats.duplicates]].map(([k, v]) => h("div", { class: "card" }, h("b", {}, v), k))),
    form,
    h("table", { class: "data", id: "articles-table" },
      h("thead", {}, h("tr", {}, ["title", "published", "lang", "entities", "events", "claims"].map((t) => h("th", {}, t)))),
      h("tbody", {}, rows)),
    pager(page, (off) => { const p = new URLSearchParams(params); p.set("offset", off); go("articles", "", p); }));
}

function pager(page, to) {
  const end = Math.min(page.offset + page.items.length, page.total);
  return h("div", { class: "pager" },
    h("button", { class: "secondary", disabled: page.offset <= 0, onclick: () => to(Math.max(0, page.offset - page.limit)) }, "‹ previous"),
    h("span", { class: "muted" }, page.total ? `${page.offset + 1}–${end} of ${page.total}` : "nothing found"),
    h("button", { class: "secondary", disabled: end >= page.total, onclick: () => to(page.offset + page.limit) }, "next ›"));
}

/* ---------- article view: highlighted text, events and claims ---------- */

async function viewArticle(id, params) {
  const [analysis, corrections] = await Promise.all([api("/articles/" + encodeURIComponent(id)),
    api("/corrections?" + new URLSearchParams({ article: id }))]);
  show(renderAnalysis(analysis, { stored: true, corrections }));
  if (params.get("ev") || params.get("claim")) {
    const item = main.querySelector(`[data-item="${CSS.escape(params.get("ev") || params.get("claim"))}"]`);
    if (item) item.click();
  }
}

function renderAnalysis(an, { stored, corrections }) {
  const art = an.article || {};
  const text = art.text || "";
  const entityById = Object.fromEntries((an.entities || []).map((e) => [e.id, e]));
  // Every annotation is a half-open character range with the classes it gives the text.
  const marks = [];
  for (const e of an.entities || []) {
    for (const m of e.mentions || []) {
      marks.push({ start: m.start, end: m.end, cls: ["ent", "ent-" + e.type], title: `${e.canonical} (${e.type}${e.country ? ", " + e.country : ""})`, entity: e.id });
    }
  }
  for (const t of an.times || []) marks.push({ start: t.start, end: t.end, cls: ["time"], title: `date: ${t.value ? readableTime(t.value) + " (" + t.value + ")" : "unresolved"}` });
  for (const v of an.events || []) {
    if (v.trigger) marks.push({ start: v.trigger.start, end: v.trigger.end, cls: ["trig"], title: `${v.type} (${v.factuality})` });
  }
  for (const c of an.claims || []) {
    if (c.content) marks.push({ start: c.content.start, end: c.content.end, cls: ["quote"], title: `said by ${speakerName(c)}` });
  }
  // Extra boundaries so that any evidence range falls on whole segments.
  const bounds = new Set([0, text.length]);
  const addRange = (r) => { if (r && Number.isInteger(r.start) && Number.isInteger(r.end)) { bounds.add(clamp(r.start)); bounds.add(clamp(r.end)); } };
  const clamp = (x) => Math.max(0, Math.min(text.length, x));
  marks.forEach(addRange);
  (an.events || []).forEach((v) => addRange(v.sentence));
  (an.claims || []).forEach((c) => { addRange(c.speaker); addRange(c.cue); });
  const cuts = [...bounds].sort((a, b) => a - b);
  const textEl = h("div", { class: "article-text", id: "article-text" });
  const segments = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const a = cuts[i], b = cuts[i + 1];
    if (a === b) continue;
    const over = marks.filter((m) => m.start <= a && m.end >= b);
    const cls = ["seg", ...new Set(over.flatMap((m) => m.cls))];
    const span = h("span", { class: cls.join(" "), title: over.map((m) => m.title).join(" · ") || null }, text.slice(a, b));
    const ent = over.find((m) => m.entity);
    if (ent) span.dataset.entity = ent.entity;
    segments.push({ start: a, end: b, el: span });
    textEl.appendChild(span);
  }

  function highlight(spans, keys) {
    for (const sg of segments) {
      const inSpan = spans.some((r) => r && sg.start < r.end && sg.end > r.start);
      const inKey = keys.some((r) => r && sg.start < r.end && sg.end > r.start);
      sg.el.classList.toggle("ev-span", inSpan);
      sg.el.classList.toggle("ev-key", inKey);
    }
    const first = segments.find((sg) => sg.el.classList.contains("ev-key") || sg.el.classList.contains("ev-span"));
    if (first) first.el.scrollIntoView({ block: "center", behavior: "instant" });
  }

  function mentionsOf(entityId, within) {
    const e = entityById[entityId];
    if (!e) return [];
    return (e.mentions || []).filter((m) => !within || (m.start >= within.start && m.end <= within.end));
  }

  function select(li, spans, keys) {
    for (const other of side.querySelectorAll("li.item.selected")) other.classList.remove("selected");
    li.classList.add("selected");
    highlight(spans, keys);
  }

  // an analyst's corrections: the engine's items stay as they were, each correction shown on its item
  const fixes = corrections ? corrections.changes.filter((c) => !c.skipped) : [];
  const changesOf = (layer, id) => fixes.filter((c) => c.layer === layer && c.target === id);
  const added = (layer) => fixes.filter((c) => c.layer === layer && c.action === "add").map((c) => ({ ...c.after, _added: true }));
  const ctx = corrections ? { article: art.id, entities: corrections.analysis.entities || [], changesOf } : null;

  const eventItems = [...(an.events || []), ...added("event")].map((v) => {
    const li = h("li", { class: "item event-item", "data-item": v.id },
      tag(v.type, "type"), tag(v.factuality, v.factuality), " ",
      h("b", {}, partyName(v.actor)), " → ", h("b", {}, partyName(v.recipient)),
      h("div", { class: "small muted" }, `“${v.trigger ? v.trigger.text : ""}”`, v.date ? [" · ", timeEl(v.date)] : "",
        v.confidence !== undefined && v.confidence !== null && !v._added ? ` · confidence ${fmtNum(v.confidence)}` : "",
        v.attributed_to ? ` · said by ${speakerName((an.claims || []).find((c) => c.id === v.attributed_to))}` : ""));
    li.addEventListener("click", () => {
      const keys = [v.trigger];
      for (const side of [v.actor, v.recipient]) if (side && side.entity) keys.push(...mentionsOf(side.entity, v.sentence));
      select(li, [v.sentence], keys);
    });
    return withCorrections(li, "event", v, ctx);
  });
  const claimItems = [...(an.claims || []), ...added("claim")].map((c) => {
    const li = h("li", { class: "item claim-item", "data-item": c.id },
      tag(c.kind), tag(c.factuality, c.factuality), " ", h("b", {}, speakerName(c)),
      h("div", { class: "small" }, "« " + truncate(c.content ? c.content.text : "", 160) + " »"),
      (c.sources || []).length ? h("div", { class: "small muted" }, "sources: " + c.sources.map((x) => `${x.canonical} (${x.relation})`).join("; ")) : null);
    li.addEventListener("click", () => select(li, [c.content], [c.speaker, c.cue]));
    return withCorrections(li, "claim", c, ctx);
  });
  const entityItems = [...(an.entities || []), ...added("entity")].map((e) => {
    const li = h("li", { class: "item entity-item", "data-item": e.id },
      tag(e.type), stored && e.key ? link(e.canonical, "entity", e.key) : h("b", {}, e.canonical),
      e.country ? h("span", { class: "muted small" }, " " + e.country) : null,
      h("span", { class: "muted small" }, ` ×${(e.mentions || []).length}`),
      e.kb_id ? h("span", { class: "muted small kb" }, " " + e.kb_id) : null);
    li.addEventListener("click", (ev) => { if (ev.target.tagName !== "A") select(li, [], e.mentions || []); });
    return withCorrections(li, "entity", e, ctx);
  });
  const timeItems = (an.times || []).map((t) => {
    const li = h("li", { class: "item time-item" }, h("span", { class: "time" }, t.text), " ",
      t.value ? h("b", { class: "timeml", title: `TimeML ${t.value}` }, readableTime(t.value)) : h("span", { class: "muted small" }, "unresolved"));
    li.addEventListener("click", () => select(li, [], [t]));
    return li;
  });
  const addButton = (layer) => ctx ? h("button", { type: "button", class: "secondary small edit-only add-item", "data-add": layer,
    onclick: (ev) => { ev.currentTarget.after(correctionForm(ctx, layer, "add", null)); } }, `+ add ${layer === "entity" ? "an entity" : "a" + (layer === "event" ? "n event" : " claim")}`) : null;
  const nChanges = fixes.length;
  const side = h("aside", { class: "side card" },
    ctx ? correctionBar(nChanges, corrections.changes.length - nChanges) : null,
    h("h2", {}, `Events (${eventItems.length})`, " ", addButton("event")), eventItems.length ? h("ul", { id: "event-list" }, eventItems) : h("p", { class: "muted" }, "No event found."),
    h("h2", {}, `Claims (${claimItems.length})`, " ", addButton("claim")), claimItems.length ? h("ul", { id: "claim-list" }, claimItems) : h("p", { class: "muted" }, "No claim found."),
    h("h2", {}, `Entities (${entityItems.length})`, " ", addButton("entity")), h("ul", { id: "entity-list" }, entityItems),
    h("h2", {}, `Dates (${timeItems.length})`), h("ul", { id: "time-list" }, timeItems));
  const url = safeUrl(art.url);
  return h("div", { class: "article-view" },
    h("h1", {}, art.title || art.id || "Article"),
    h("div", { class: "meta" }, h("span", {}, art.id), art.published ? h("span", {}, "published " + art.published) : null,
      art.lang ? h("span", {}, art.lang) : null, art.source ? h("span", {}, art.source) : null,
      url ? h("span", {}, h("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, "source page")) : null,
      art.duplicate_of ? h("span", {}, `copy (${art.duplicate_kind}) of `, link(art.duplicate_of, "article", art.duplicate_of)) : null),
    legend(),
    h("div", { class: "article-layout" }, h("div", { class: "card" }, textEl), side));
}

function legend() {
  return h("div", { class: "legend", id: "legend" }, h("b", {}, "Legend:"),
    h("span", { class: "sample ent ent-GPE" }, "place / state"), h("span", { class: "sample ent ent-PERSON" }, "person"),
    h("span", { class: "sample ent ent-ORG" }, "organisation"), h("span", { class: "sample time" }, "date"),
    h("span", { class: "sample trig" }, "event trigger"), h("span", { class: "sample quote" }, "quoted or reported speech"),
    h("span", { class: "sample ev-key" }, "evidence of the selected item"));
}

/* ---------- corrections: an analyst fixes, deletes or adds an event, a claim or an entity ---------- */

const SHOWN = { event: ["type", "factuality", "actor", "recipient"], claim: ["speaker", "kind", "factuality"],
  entity: ["kb_id", "canonical", "country", "type"] };
function fieldText(layer, key, item) {
  if (!item) return "—";
  if (key === "actor" || key === "recipient") return partyName(item[key]);
  if (key === "speaker") return speakerName(item);
  if (key === "kb_id") return item.kb_id || "no link";
  return item[key] === null || item[key] === undefined ? "—" : String(item[key]);
}
function who(c) { return `${c.author}, ${(c.created_at || "").replace("T", " ")}`; }

/* The item's corrections under it: a deletion strikes the item through, a fix shows each changed field struck
   through with the new value beside it, an addition says who added it. Each can be withdrawn while correcting. */
function withCorrections(li, layer, item, ctx) {
  if (!ctx) return li;
  const mine = ctx.changesOf(layer, item.id);
  li.appendChild(h("div", { class: "item-main" }, [...li.childNodes]));
  for (const c of mine) {
    li.classList.add("corrected");
    if (c.action === "delete") li.classList.add("deleted");
    if (c.action === "add") li.classList.add("added");
    const diffs = c.action !== "fix" ? [] : SHOWN[layer].map((k) => [k, fieldText(layer, k, c.before), fieldText(layer, k, c.after)])
      .filter(([, a, b]) => a !== b);
    li.appendChild(h("div", { class: "correction small", "data-correction": c.correction_id },
      h("span", { class: "tag corr-" + c.action }, { fix: "corrected", delete: "deleted", add: "added" }[c.action]), " ",
      diffs.map(([k, a, b]) => h("span", { class: "diff" }, k + ": ", h("del", {}, a), " → ", h("ins", {}, b), " ")),
      h("span", { class: "muted" }, `by ${who(c)}`), c.note ? h("span", { class: "note" }, " · “", c.note, "”") : null,
      h("button", { type: "button", class: "secondary small edit-only withdraw", title: "Withdraw this correction",
        onclick: (ev) => { ev.stopPropagation(); writeCorrection("DELETE", `/corrections/${c.correction_id}`, null, li); } }, "withdraw")));
  }
  if (!li.classList.contains("deleted")) {
    li.appendChild(h("span", { class: "edit-only item-actions" },
      h("button", { type: "button", class: "secondary small fix-item", onclick: (ev) => { ev.stopPropagation(); toggleForm(li, correctionForm(ctx, layer, "fix", item)); } }, "fix"),
      h("button", { type: "button", class: "secondary small delete-item", onclick: (ev) => { ev.stopPropagation(); toggleForm(li, correctionForm(ctx, layer, "delete", item)); } }, "delete")));
  }
  return li;
}

function toggleForm(li, form) {
  const open = li.querySelector("form.correct");
  if (open) open.remove(); else li.appendChild(form);
}

/* Who corrects and the server's token, kept for this browser tab only (sessionStorage). */
function correctionBar(applied, stale) {
  const author = h("input", { id: "corr-author", placeholder: "your name", size: 12, maxlength: 100, value: sessionStorage.getItem("veille-author") || "" });
  const token = h("input", { id: "corr-token", type: "password", placeholder: "server token", size: 12, value: sessionStorage.getItem("veille-token") || "" });
  for (const [el, key] of [[author, "veille-author"], [token, "veille-token"]]) el.addEventListener("input", () => sessionStorage.setItem(key, el.value.trim()));
  const toggle = h("button", { type: "button", class: "secondary small", id: "correct-toggle", onclick: () => {
    const on = main.classList.toggle("editing");
    toggle.textContent = on ? "done correcting" : "✎ correct this analysis";
  } }, main.classList.contains("editing") ? "done correcting" : "✎ correct this analysis");
  return h("div", { class: "correct-bar" }, toggle,
    h("span", { class: "muted small", id: "corrections-count" }, ` ${applied} correction${applied === 1 ? "" : "s"}` + (stale ? ` (${stale} made on an older text, not applied)` : "")),
    h("div", { class: "edit-only creds" }, h("label", {}, "Name ", author), h("label", {}, "Token ", token)));
}

function options(values, current, labels) {
  return values.map((v, i) => h("option", { value: v, selected: v === current }, labels ? labels[i] : v));
}

/* The form of one correction. Only fields changed from the item are sent; words for an added item are taken
   from the article text (the text selected in the article fills them). */
function correctionForm(ctx, layer, action, item) {
  const fields = {};
  const ents = ctx.entities;
  const entitySelect = (name, current) => h("select", { name }, options(["", ...ents.map((e) => e.id)], current || "",
    ["(nobody)", ...ents.map((e) => `${e.canonical} (${e.id})`)]));
  const picked = (window.getSelection && String(window.getSelection())) || "";
  const words = (name, label) => h("label", {}, label, h("input", { name, size: 28, maxlength: 5000, required: true, value: picked.trim(), placeholder: "words of the article" }));
  if (action !== "delete") {
    if (layer === "event") {
      fields.type = h("label", {}, "Type", h("select", { name: "type" }, options(PLOVER_TYPES, item ? item.type : "ACCUSE")));
      fields.factuality = h("label", {}, "Factuality", h("select", { name: "factuality" }, options(FACTUALITY, item ? item.factuality : "asserted")));
      fields.actor = h("label", {}, "Actor", entitySelect("actor", item && item.actor && item.actor.entity));
      fields.recipient = h("label", {}, "Recipient", entitySelect("recipient", item && item.recipient && item.recipient.entity));
      if (!item) fields.evidence = words("evidence", "Evidence");
    } else if (layer === "claim") {
      fields.speaker = h("label", {}, "Speaker", entitySelect("speaker", item && item.speaker && item.speaker.entity));
      fields.kind = h("label", {}, "Kind", h("select", { name: "kind" }, options(["direct", "indirect", "mixed"], item ? item.kind : "direct")));
      fields.factuality = h("label", {}, "Factuality", h("select", { name: "factuality" }, options(FACTUALITY, item ? item.factuality : "asserted")));
      if (!item) fields.content = words("content", "Words said");
    } else {
      fields.kb_id = h("label", {}, "KB id", h("input", { name: "kb_id", size: 16, value: item ? item.kb_id || "" : "", placeholder: "wikidata:Q… (empty: no link)" }));
      fields.canonical = h("label", {}, "Name", h("input", { name: "canonical", size: 16, value: item ? item.canonical : "" }));
      fields.country = h("label", {}, "Country", h("input", { name: "country", size: 4, maxlength: 3, value: item ? item.country || "" : "", placeholder: "ISO3" }));
      fields.type = h("label", {}, "Type", h("select", { name: "type" }, options(["PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "MISC"], item ? item.type : "PERSON")));
      if (!item) fields.mention = words("mention", "Mention");
    }
  }
  const note = h("input", { name: "note", size: 24, maxlength: 2000, placeholder: "why (optional)" });
  const out = h("div", { class: "form-error" });
  const form = h("form", { class: "correct", "data-layer": layer, "data-action": action },
    h("b", { class: "small" }, action === "delete" ? `Delete ${item.id}?` : action === "add" ? `New ${layer}` : `Fix ${item.id}`),
    Object.values(fields), h("label", {}, "Note", note),
    h("button", { type: "submit", class: "small save" }, action === "delete" ? "delete" : "save"),
    h("button", { type: "button", class: "secondary small", onclick: () => form.remove() }, "cancel"), out);
  form.addEventListener("click", (ev) => ev.stopPropagation());
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const data = Object.fromEntries(new FormData(form).entries());
    const sent = {};
    for (const k of Object.keys(fields)) {
      const v = String(data[k] ?? "").trim();
      const was = !item ? null : (k === "actor" || k === "recipient") ? (item[k] && item[k].entity) || ""
        : k === "speaker" ? (item.speaker && item.speaker.entity) || "" : item[k] === null || item[k] === undefined ? "" : String(item[k]);
      if (item && v === was) continue;
      if (!item && v === "" && !["actor", "recipient", "speaker"].includes(k)) continue;
      sent[k] = v === "" ? null : v;
    }
    const body = { article_id: ctx.article, layer, action, fields: sent, author: (sessionStorage.getItem("veille-author") || "").trim(),
      note: String(data.note || "").trim() || null };
    if (item) body.target = item.id;
    writeCorrection("POST", "/corrections", body, form, out);
  });
  return form;
}

async function writeCorrection(method, path, body, near, out) {
  const token = sessionStorage.getItem("veille-token") || "";
  const where = out || near.appendChild(h("div", { class: "form-error" }));
  clear(where);
  if (body && !body.author) { where.appendChild(errorBox("Give your name first (above the events).")); document.body.dataset.ready = String(Date.now()); return; }
  try {
    await api(path, { method, headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` }, body: body ? JSON.stringify(body) : undefined });
    await route();
  } catch (err) {
    where.appendChild(errorBox(err));
    document.body.dataset.ready = String(Date.now());
  }
}

function partyName(p) { return p ? (p.canonical || p.text || "?") : "—"; }
function speakerName(c) { return c && c.speaker ? (c.speaker.canonical || c.speaker.text || "?") : "unknown speaker"; }
function truncate(t, n) { return t.length > n ? t.slice(0, n - 1) + "…" : t; }

/* ---------- events table ---------- */

function filterForm(view, params, extra) {
  const field = (name, label, attrs) => h("label", {}, label, h("input", { name, value: params.get(name) || "", ...attrs }));
  const select = (name, label, options) => h("label", {}, label, h("select", { name },
    h("option", { value: "" }, "any"), options.map((o) => h("option", { value: o, selected: params.get(name) === o }, o))));
  const form = h("form", { class: "filters", id: "event-filters" },
    field("actor", "Actor", { placeholder: "RUS or a name", size: 12 }),
    field("recipient", "Recipient", { placeholder: "UKR or a name", size: 12 }),
    field("country", "Country (either side)", { placeholder: "ISO3", size: 5, maxlength: 3 }),
    select("type", "Type", PLOVER_TYPES), select("factuality", "Factuality", FACTUALITY),
    field("since", "From", { type: "date" }), field("until", "To", { type: "date" }),
    field("q", "Text", { type: "search", placeholder: "words", size: 12 }),
    extra || null,
    h("button", { type: "submit" }, "Apply"),
    h("button", { type: "button", class: "secondary", onclick: () => go(view, "", new URLSearchParams()) }, "Reset"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) p.set(k, String(v).trim());
    for (const keep of ["sort", "order"]) if (params.get(keep)) p.set(keep, params.get(keep));
    go(view, "", p);
  });
  return form;
}

const FILTER_KEYS = ["actor", "recipient", "country", "type", "factuality", "since", "until", "q"];
function apiParams(params, keys) {
  const p = new URLSearchParams();
  for (const k of keys) if (params.get(k)) p.set(k, params.get(k));
  return p;
}

async function viewEvents(_arg, params) {
  const p = apiParams(params, [...FILTER_KEYS, "sort", "order", "offset", "entity"]);
  p.set("limit", "50");
  const page = await api("/events?" + p);
  const sort = params.get("sort") || "date";
  const order = params.get("order") || "asc";
  const cols = [["date", "date"], ["type", "type"], ["actor", "actor"], ["recipient", "recipient"],
    ["factuality", "factuality"], [null, "said by"], ["confidence", "conf."], ["score", "score"], [null, "trigger and sentence"], ["article", "article"]];
  const head = cols.map(([key, label]) => {
    if (!key) return h("th", {}, label);
    const arrow = sort === key ? (order === "asc" ? " ▲" : " ▼") : "";
    return h("th", { class: "sortable", "data-sort": key, onclick: () => {
      const q = new URLSearchParams(params); q.delete("offset");
      q.set("sort", key); q.set("order", sort === key && order === "asc" ? "desc" : "asc");
      go("events", "", q);
    } }, label + arrow);
  });
  const party = (name, country, key) => key ? link(name || "", "entity", key) : h("span", {}, name || "—");
  const rows = page.items.map((v) => h("tr", { "data-type": v.type },
    h("td", { class: "nowrap" }, timeEl(v.date)), h("td", {}, tag(v.type, "type")),
    h("td", {}, party(v.actor, v.actor_country, v.actor_key), v.actor_country ? h("span", { class: "muted small" }, " " + v.actor_country) : null),
    h("td", {}, party(v.recipient, v.recipient_country, v.recipient_key), v.recipient_country ? h("span", { class: "muted small" }, " " + v.recipient_country) : null),
    h("td", {}, tag(v.factuality, v.factuality)), h("td", {}, v.said_by || ""),
    h("td", {}, fmtNum(v.confidence)), h("td", {}, fmtNum(v.score, 1)),
    h("td", { class: "sentence" }, h("b", {}, v.trigger || ""), " — ", truncate((v.sentence || "").trim(), 220)),
    h("td", {}, link(truncate(v.title || v.article_id, 50), "article", v.article_id, new URLSearchParams({ ev: v.event_id })))));
  show(h("h1", {}, "Events"), filterForm("events", params),
    h("table", { class: "data", id: "events-table" }, h("thead", {}, h("tr", {}, head)), h("tbody", {}, rows)),
    pager(page, (off) => { const q = new URLSearchParams(params); q.set("offset", off); go("events", "", q); }));
}

/* ---------- across articles: stories, merged events and their reports, repeated statements ---------- */

function span(first, last) { return !first ? "" : (!last || last === first ? first : `${first} → ${last}`); }
function countryOf(c) { return c ? h("span", { class: "muted small" }, " " + c) : null; }
function dyad(v) {
  return h("span", { class: "dyad" }, v.actor || "—", countryOf(v.actor_country), " → ", v.recipient || "—", countryOf(v.recipient_country));
}

async function viewStories(_arg, params) {
  const minArticles = params.has("min_articles") ? params.get("min_articles") : "2";
  const p = apiParams(params, ["q", "actor", "since", "until", "offset"]);
  if (minArticles) p.set("min_articles", minArticles);
  p.set("limit", "50");
  const page = await api("/stories?" + p);
  const field = (name, label, attrs) => h("label", {}, label, h("input", { name, value: params.get(name) || "", ...attrs }));
  const form = h("form", { class: "filters", id: "story-filters" },
    field("q", "Title", { type: "search", placeholder: "words", size: 14 }),
    field("actor", "Main actor", { placeholder: "whole name", size: 14 }),
    field("since", "From", { type: "date" }), field("until", "To", { type: "date" }),
    h("label", {}, "Articles at least", h("input", { name: "min_articles", type: "number", min: 1, value: minArticles, size: 4 })),
    h("button", { type: "submit" }, "Apply"),
    h("button", { type: "button", class: "secondary", onclick: () => go("stories", "", new URLSearchParams()) }, "Reset"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) q.set(k, String(v).trim());  // an empty min_articles: every story
    for (const k of ["q", "actor", "since", "until"]) if (!q.get(k)) q.delete(k);
    go("stories", "", q);
  });
  const rows = page.items.map((st) => h("tr", { "data-story": st.story_id },
    h("td", {}, link(st.title, "story", st.story_id)), h("td", { class: "nowrap" }, span(st.first_day, st.last_day)),
    h("td", { class: "num" }, st.n_articles), h("td", { class: "num" }, st.n_outlets), h("td", {}, (st.languages || []).join(", ")),
    h("td", { class: "small" }, (st.actors || []).join(" · ")), h("td", { class: "num" }, st.events)));
  show(h("h1", {}, "Stories"),
    h("p", { class: "muted small" }, "A story gathers the articles on one happening, in any language, as they arrive. Open one for its articles, the events they report merged across articles (with how many independent sources tell each), and the statements they repeat."),
    form,
    h("table", { class: "data", id: "stories-table" },
      h("thead", {}, h("tr", {}, ["story", "span", "articles", "outlets", "languages", "main actors", "merged events"].map((t) => h("th", {}, t)))),
      h("tbody", {}, rows)),
    pager(page, (off) => { const q = new URLSearchParams(params); q.set("offset", off); go("stories", "", q); }));
}

async function viewStory(id) {
  const st = await api("/stories/" + encodeURIComponent(id));
  const articles = h("table", { class: "data", id: "story-articles" },
    h("thead", {}, h("tr", {}, ["#", "published", "article", "outlet", "lang", "similarity"].map((t) => h("th", {}, t)))),
    h("tbody", {}, st.articles.map((a) => h("tr", { "data-article": a.article_id },
      h("td", { class: "num" }, a.n), h("td", { class: "nowrap" }, a.published || ""),
      h("td", {}, link(a.title || a.article_id, "article", a.article_id), a.copy_of ? h("span", { class: "muted small" }, ` (copy of ${a.copy_of})`) : null,
        (a.derived_from || []).length ? h("div", { class: "muted small derived" }, "derived from " + a.derived_from.join(", ")) : null),
      h("td", {}, a.source || ""), h("td", {}, a.lang || ""),
      h("td", { class: "num", title: a.n === 1 ? "founded the story" : "similarity to the story when it joined" }, a.n === 1 ? "founder" : fmtNum(a.similarity))))));
  const repeated = st.claims.filter((c) => c.n_articles > 1);
  const once = st.claims.filter((c) => c.n_articles <= 1);
  show(h("div", { class: "story-view" },
    h("p", { class: "small" }, link("‹ stories", "stories")),
    h("h1", { id: "story-title" }, st.title),
    h("div", { class: "meta" }, h("span", {}, span(st.first_day, st.last_day)), h("span", {}, `${st.n_articles} articles`),
      h("span", {}, `${st.n_outlets} outlets`), h("span", {}, (st.languages || []).join(", "))),
    (st.actors || []).length ? h("p", { class: "small" }, h("b", {}, "Main actors: "),
      st.actors.map((name, i) => [i ? " · " : "", link(name, "pair", "", new URLSearchParams({ first: name }))])) : null,
    h("h2", {}, `Articles in order of arrival (${st.articles.length})`), articles,
    h("h2", {}, `Merged events (${st.events.length})`),
    h("p", { class: "muted small" }, "One row per happening its articles report, with two counts: independent reports (outlets that did their own reporting: copies, rewrites, translations and a shared wire story count once) and original sources (who those reports rest on: one statement relayed by four agencies is one source). Open a row for its reports."),
    mergedEventsTable(st.events.map((v) => ({ ...v, day: v.first_day, sources: v.independent_sources, reports: v.independent_reports,
      articles: v.n_reports, reported_by: v.report_members, resting_on: v.source_members })), "story-events"),
    h("h2", {}, `Repeated statements (${repeated.length})`),
    repeated.length ? claimsTable(repeated, "story-claims") : h("p", { class: "muted", id: "story-claims" }, "No statement is reported by more than one of its articles."),
    once.length ? h("details", { class: "once" }, h("summary", {}, `Statements reported once (${once.length})`), claimsTable(once, "story-claims-once")) : null));
}

/* Merged events, one row each; a row opens onto its reports (fetched when first opened). */
function mergedEventsTable(items, id) {
  if (!items.length) return h("p", { class: "muted", id }, "None.");
  const firstReport = items.some((v) => v.first_report);  // the timeline names it, a story's own list need not
  const cols = ["day", "type", "actor → recipient", "independent reports", "original sources", "articles", "factuality",
    firstReport ? "first report" : null, ""].filter((c) => c !== null);
  const body = h("tbody", {});
  for (const v of items) {
    const toggle = h("button", { type: "button", class: "secondary small toggle", "aria-expanded": "false" }, "reports ▸");
    const row = h("tr", { class: "merged", "data-merged": v.merged_id, "data-type": v.type },
      h("td", { class: "nowrap" }, span(v.day || v.first_day, v.last_day && v.last_day !== (v.day || v.first_day) ? v.last_day : null)),
      h("td", {}, tag(v.type, "type")), h("td", {}, dyad(v)),
      countCell("reports", v.reports, v.reported_by, "outlets that did their own reporting"),
      countCell("sources", v.sources, v.resting_on, "the speakers or bodies the reports rest on"),
      h("td", { class: "num articles" }, v.articles),
      h("td", {}, tag(v.factuality, v.factuality)), firstReport ? h("td", { class: "small" }, truncate(v.first_report || "", 70)) : null,
      h("td", {}, toggle));
    expandable(row, toggle, cols.length, v.merged_id,
      async () => reportsTable((await api("/merged-events/" + encodeURIComponent(v.merged_id))).reports));
    body.appendChild(row);
  }
  return h("table", { class: "data merged-events", id }, h("thead", {}, h("tr", {}, cols.map((t) => h("th", {}, t)))), body);
}

/* A count and, under it, its members (one line each). */
function countCell(cls, n, members, title) {
  return h("td", { class: "count " + cls, title },
    h("b", { class: "n" }, n), h("ul", { class: "members small" }, (members || []).map((m) => h("li", {}, m))));
}

/* A row's "reports" button: the first click loads the detail row (``load`` returns its content), later
   clicks fold and unfold it. */
function expandable(row, toggle, colspan, key, load) {
  let detail = null;
  toggle.addEventListener("click", async () => {
    if (detail) {
      detail.hidden = !detail.hidden;
      toggle.setAttribute("aria-expanded", String(!detail.hidden));
      toggle.textContent = detail.hidden ? "reports ▸" : "reports ▾";
      return;
    }
    const cell = h("td", { colspan }, h("p", { class: "muted small" }, "Loading…"));
    detail = h("tr", { class: "reports-row", "data-reports-of": key }, cell);
    row.after(detail);
    toggle.setAttribute("aria-expanded", "true");
    toggle.textContent = "reports ▾";
    try {
      const content = await load();
      clear(cell);
      cell.appendChild(content);
      addCsvButtons(cell);
    } catch (err) {
      clear(cell);
      cell.appendChild(errorBox(err));
    }
    document.body.dataset.ready = String(Date.now());
  });
}

function reportsTable(reports) {
  return h("table", { class: "data reports" },
    h("thead", {}, h("tr", {}, ["published", "article", "outlet", "report", "source", "factuality", "said by", "sentence"].map((t) => h("th", {}, t)))),
    h("tbody", {}, reports.map((r) => h("tr", { class: "report", "data-article": r.article_id },
      h("td", { class: "nowrap" }, r.published || r.day || ""),
      h("td", {}, link(truncate(r.title || r.article_id, 70), "article", r.copy_of || r.article_id, new URLSearchParams({ ev: r.event_id })),
        r.copy_of ? h("span", { class: "muted small" }, ` (copy of ${r.copy_of})`) : null,
        (r.derived_from || []).length ? h("div", { class: "muted small derived" }, "derived from " + r.derived_from.join(", ")) : null),
      h("td", {}, r.outlet || ""),
      h("td", { class: "num report", title: "reports with the same number are one independent report" }, "#" + r.report),
      h("td", { class: "num origin", title: "reports with the same number rest on one original source" }, "#" + r.origin),
      h("td", {}, tag(r.factuality, r.factuality)), h("td", {}, r.said_by || ""),
      h("td", { class: "sentence" }, withTrigger((r.sentence || "").trim(), r.trigger))))));
}

/* The sentence as text, its trigger (the first time it occurs) in bold. */
function withTrigger(sentence, trigger) {
  const at = trigger ? sentence.indexOf(trigger) : -1;
  if (at < 0) return [trigger ? h("b", {}, trigger + " — ") : null, sentence];
  return [sentence.slice(0, at), h("b", { class: "trig-word" }, trigger), sentence.slice(at + trigger.length)];
}

function claimsTable(claims, id) {
  const cols = ["first said", "speaker", "kind", "what was said", "articles", "independent reports", "original sources", "wording", ""];
  const body = h("tbody", {});
  for (const c of claims) {
    const toggle = h("button", { type: "button", class: "secondary small toggle", "aria-expanded": "false" }, "reports ▸");
    const row = h("tr", { class: "merged-claim", "data-claim": c.merged_id },
      h("td", { class: "nowrap" }, c.first_day || ""), h("td", {}, c.speaker || "unknown speaker"), h("td", {}, c.kind),
      h("td", { class: "small" }, "« " + truncate(c.content || "", 260) + " »"),
      h("td", { class: "num" }, c.n_articles),
      countCell("reports", c.independent_reports, c.report_members, "outlets that reported it on their own"),
      countCell("sources", c.independent_sources, c.source_members, "who it rests on"),
      h("td", {}, c.wording_changed ? tag("changed", "uncertain") : tag("same", "asserted")), h("td", {}, toggle));
    expandable(row, toggle, cols.length, c.merged_id, async () => {
      const m = await api("/claims/repeated/" + encodeURIComponent(c.merged_id));
      return h("table", { class: "data reports" },
        h("thead", {}, h("tr", {}, ["published", "article", "lang", "outlet", "report", "speaker", "wording", "as reported"].map((t) => h("th", {}, t)))),
        h("tbody", {}, m.reports.map((r) => h("tr", { class: "report", "data-article": r.article_id },
          h("td", { class: "nowrap" }, r.published || ""),
          h("td", {}, link(truncate(r.title || r.article_id, 70), "article", r.copy_of || r.article_id, new URLSearchParams({ claim: r.claim_id }))),
          h("td", {}, r.lang || ""), h("td", {}, r.outlet || ""), h("td", { class: "num report" }, "#" + r.report), h("td", {}, r.speaker || ""),
          h("td", {}, r.same_wording ? tag("first wording", "asserted") : tag("reworded", "uncertain")),
          h("td", { class: "sentence" }, "« " + truncate(r.content || "", 300) + " »")))));
    });
    body.appendChild(row);
  }
  return h("table", { class: "data merged-claims", id }, h("thead", {}, h("tr", {}, cols.map((t) => h("th", {}, t)))), body);
}

/* ---------- quotes: who is quoted, how often, and each quote with its evidence ---------- */

const GENDERS = ["female", "male", "unknown", "not a person"];
async function viewQuotes(_arg, params) {
  const filters = apiParams(params, ["outlet", "since", "until", "gender", "speaker", "q"]);
  const speakersQuery = new URLSearchParams(filters); speakersQuery.delete("speaker");
  speakersQuery.set("limit", "50"); speakersQuery.set("offset", params.get("soffset") || "0");
  const quotesQuery = new URLSearchParams(filters); quotesQuery.set("limit", "50"); quotesQuery.set("offset", params.get("offset") || "0");
  const summaryQuery = new URLSearchParams(filters); summaryQuery.delete("speaker"); summaryQuery.delete("gender");
  const [summary, speakers, quotes] = await Promise.all([api("/quotes/summary?" + summaryQuery), api("/quotes/speakers?" + speakersQuery), api("/quotes?" + quotesQuery)]);
  const field = (name, label, attrs) => h("label", {}, label, h("input", { name, value: params.get(name) || "", ...attrs }));
  const outlets = summary.outlets.map((o) => o.outlet);
  if (params.get("outlet") && !outlets.includes(params.get("outlet"))) outlets.push(params.get("outlet"));
  const form = h("form", { class: "filters", id: "quote-filters" },
    h("label", {}, "Outlet", h("select", { name: "outlet" }, h("option", { value: "" }, "any"), options(outlets, params.get("outlet") || ""))),
    field("since", "Published from", { type: "date" }), field("until", "to", { type: "date" }),
    h("label", {}, "Gender", h("select", { name: "gender" }, h("option", { value: "" }, "any"), options(GENDERS, params.get("gender") || ""))),
    field("q", "Words in the quote", { type: "search", size: 14 }),
    params.get("speaker") ? h("input", { type: "hidden", name: "speaker", value: params.get("speaker") }) : null,
    h("button", { type: "submit" }, "Apply"),
    h("button", { type: "button", class: "secondary", onclick: () => go("quotes", "", new URLSearchParams()) }, "Reset"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) q.set(k, String(v).trim());
    go("quotes", "", q);
  });
  const totalQuotes = GENDERS.reduce((a, g) => a + summary.genders[g].quotes, 0);
  const cards = h("div", { class: "stats gender-cards", id: "gender-cards" }, GENDERS.map((g) => h("div", { class: "card", "data-gender": g },
    h("b", { class: "g-" + g.replace(/ /g, "-") }, summary.genders[g].quotes), `quotes · ${g}`,
    h("div", { class: "small muted" }, `${summary.genders[g].speakers} speaker${summary.genders[g].speakers === 1 ? "" : "s"}` + (totalQuotes ? ` · ${Math.round(100 * summary.genders[g].quotes / totalQuotes)}%` : "")))));
  const speakerRows = speakers.items.map((sp) => {
    const p = new URLSearchParams(params); p.delete("offset");
    if (sp.speaker_key) p.set("speaker", sp.speaker_key);
    return h("tr", { "data-speaker": sp.speaker_key || "" },
      h("td", {}, sp.speaker_key ? link(sp.speaker || "?", "quotes", "", p) : (sp.speaker || "unknown speaker"),
        sp.kb_id ? h("div", { class: "muted small" }, sp.kb_id) : null),
      h("td", {}, sp.type || "—"), h("td", {}, sp.country || ""),
      h("td", { class: "gender", title: sp.gender_source }, h("span", { class: "g-" + sp.gender.replace(/ /g, "-") }, sp.gender),
        h("div", { class: "source-note" }, sp.gender_source)),
      h("td", {}, sp.role || "", sp.role_source ? h("div", { class: "source-note" }, "from " + sp.role_source) : null),
      h("td", {}, sp.organisation || ""),
      h("td", { class: "num" }, sp.quotes), h("td", { class: "num" }, sp.articles), h("td", { class: "num" }, sp.outlets));
  });
  const quoteRows = quotes.items.map((q) => h("tr", { "data-article": q.article_id, "data-claim": q.claim_id },
    h("td", { class: "nowrap" }, q.published || ""), h("td", {}, q.outlet || ""),
    h("td", {}, q.speaker || "unknown speaker"), h("td", {}, h("span", { class: "g-" + q.gender.replace(/ /g, "-") }, q.gender)),
    h("td", {}, q.kind), h("td", { class: "quote-words" }, "« " + truncate(q.content || "", 300) + " »"),
    h("td", { class: "evidence" }, link(truncate(q.title || q.article_id, 50), "article", q.article_id, new URLSearchParams({ claim: q.claim_id })))));
  const head = (cols) => h("thead", {}, h("tr", {}, cols.map((t) => h("th", {}, t))));
  const chosen = params.get("speaker") ? (speakers.items.find((x) => x.speaker_key === params.get("speaker")) || {}).speaker || params.get("speaker") : null;
  show(h("h1", {}, "Quotes"),
    h("p", { class: "muted small" }, "Who is quoted, how often and where: every direct, indirect and mixed quote the articles attribute to someone, with its speaker. ",
      "A speaker's gender is given only where a source says it: ", h("b", {}, summary.gender_source), ". A first name the list gives to women or to men 90% of the time or more decides; any other is unknown, and organisations are not persons. Role and organisation come from the articles (a title or an apposition) or the knowledge base."),
    form, cards,
    h("h2", {}, `Speakers (${speakers.total})`),
    h("table", { class: "data", id: "speakers-table" }, head(["speaker", "type", "country", "gender (and its source)", "role", "organisation", "quotes", "articles", "outlets"]), h("tbody", {}, speakerRows)),
    pager(speakers, (off) => { const q = new URLSearchParams(params); q.set("soffset", off); go("quotes", "", q); }),
    h("h2", { id: "quotes-title" }, chosen ? `Quotes of ${chosen} (${quotes.total})` : `Quotes (${quotes.total})`,
      chosen ? [" ", h("button", { type: "button", class: "secondary small", onclick: () => { const q = new URLSearchParams(params); q.delete("speaker"); q.delete("offset"); go("quotes", "", q); } }, "all speakers")] : null),
    h("table", { class: "data", id: "quotes-table" }, head(["published", "outlet", "speaker", "gender", "kind", "quote", "evidence"]), h("tbody", {}, quoteRows)),
    pager(quotes, (off) => { const q = new URLSearchParams(params); q.set("offset", off); go("quotes", "", q); }));
}

/* ---------- pair timeline: what passed between two actors (or what one did and underwent) ---------- */

async function viewPair(_arg, params) {
  const first = (params.get("first") || "").trim(), second = (params.get("second") || "").trim();
  const input = (name, label, attrs) => h("label", {}, label, h("input", { name, value: params.get(name) || "", ...attrs }));
  const directed = h("input", { type: "checkbox", name: "directed", value: "true", checked: params.get("directed") === "true" });
  const form = h("form", { class: "filters", id: "pair-form" },
    input("first", "First actor", { placeholder: "RUS or a name", size: 14, required: true, id: "pair-first" }),
    input("second", "Second actor", { placeholder: "UKR or a name (optional)", size: 18, id: "pair-second" }),
    h("label", { class: "inline" }, directed, "only first → second"),
    input("since", "From", { type: "date" }), input("until", "To", { type: "date" }),
    h("button", { type: "submit", id: "pair-button" }, "Show"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) q.set(k, String(v).trim());
    go("pair", "", q);
  });
  const head = [h("h1", {}, "Pair timeline"),
    h("p", { class: "muted small" }, "The events between two actors (an ISO3 code such as RUS, or part of a name), both ways unless you tick the box; with one actor, what it did and what was done to it. Each event is merged across the articles that report it and shown once, in date order, with its independent reports (outlets, once copies, rewrites and translations are joined) and original sources (who the reports rest on), each listed. Open one for its reports."),
    form];
  if (!first) { show(...head, h("p", { class: "muted" }, "Name one or two actors, e.g. RUS and UKR.")); return; }
  const p = new URLSearchParams({ first });
  if (second) p.set("second", second);
  if (second && params.get("directed") === "true") p.set("directed", "true");
  for (const k of ["since", "until"]) if (params.get(k)) p.set(k, params.get(k));
  const rows = await api("/timeline/actors?" + p);
  const title = second ? `${first} ${params.get("directed") === "true" ? "→" : "↔"} ${second}` : first;
  if (!rows.length) { show(...head, h("h2", {}, title), h("p", { class: "muted", id: "pair-empty" }, "No merged event matches.")); return; }
  const sources = rows.reduce((a, r) => a + r.sources, 0), reports = rows.reduce((a, r) => a + r.reports, 0);
  show(...head, h("h2", { id: "pair-title" }, title), pairChart(rows),
    h("p", { class: "small muted" }, `${rows.length} events · ${reports} independent reports and ${sources} original sources in all${rows.length >= 500 ? " · the first 500 only" : ""}`),
    mergedEventsTable(rows, "pair-events"));
}

/* Events on a time axis: one dot each, red for conflict, green for cooperation, its size the number of independent
   sources; dots that would overlap go up a row. Clicking one opens its row in the table. */
function pairChart(rows) {
  const dated = rows.filter((r) => r.day);
  if (!dated.length) return null;
  const W = 1100, L = 40, R = 20, T = 12, B = 30;
  const radius = (r) => 5 + 2 * Math.min(Math.max(r.sources, 1) - 1, 4);
  const step = 2 * Math.max(...dated.map(radius)) + 4;
  const x0 = dayNum(dated[0].day) - 2, x1 = dayNum(dated[dated.length - 1].day) + 2;
  const xs = (iso) => L + ((dayNum(iso) - x0) / (x1 - x0)) * (W - L - R);
  const ends = [];  // per row, where its last dot ends
  const placed = dated.map((r) => {
    const x = xs(r.day), rad = radius(r);
    let level = ends.findIndex((end) => x - rad >= end + 2);
    if (level < 0) { level = ends.length; ends.push(0); }
    ends[level] = x + rad;
    return { r, x, rad, level };
  });
  const H = T + B + step * ends.length;
  const svg = s("svg", { class: "chart", id: "pair-chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "events between the actors over time" });
  timeAxis(svg, x0, x1, L, W - L - R, H - B);
  svg.appendChild(s("line", { class: "axis", x1: L, x2: W - R, y1: H - B, y2: H - B }));
  for (const { r, x, rad, level } of placed) {
    const cls = r.score === null ? "dot-0" : r.score < 0 ? "dot-conflict" : r.score > 0 ? "dot-coop" : "dot-0";
    const dot = s("circle", { class: "dot " + cls, "data-merged": r.merged_id, cx: x, cy: H - B - step / 2 - level * step, r: rad },
      s("title", {}, `${r.day}: ${r.type} ${r.actor || "—"} → ${r.recipient || "—"} (${r.factuality}), ${r.reports} independent reports, ${r.sources} original sources, ${r.articles} articles`));
    dot.addEventListener("click", () => {
      const row = main.querySelector(`#pair-events tr[data-merged="${CSS.escape(r.merged_id)}"]`);
      if (!row) return;
      row.scrollIntoView({ block: "center" });
      const toggle = row.querySelector(".toggle");
      if (toggle.getAttribute("aria-expanded") !== "true") toggle.click();
    });
    svg.appendChild(dot);
  }
  return svg;
}

/* ---------- entity page ---------- */

async function viewEntity(key) {
  const e = await api("/entities/" + encodeURIComponent(key));
  const evRows = (items, side) => items.length ? h("table", { class: "data", id: "events-as-" + side },
    h("thead", {}, h("tr", {}, ["date", "type", "actor", "recipient", "factuality", "trigger", "article"].map((t) => h("th", {}, t)))),
    h("tbody", {}, items.map((v) => h("tr", {}, h("td", { class: "nowrap" }, timeEl(v.date)), h("td", {}, tag(v.type, "type")),
      h("td", {}, v.actor_key && v.actor_key !== key ? link(v.actor || "", "entity", v.actor_key) : (v.actor || "—")),
      h("td", {}, v.recipient_key && v.recipient_key !== key ? link(v.recipient || "", "entity", v.recipient_key) : (v.recipient || "—")),
      h("td", {}, tag(v.factuality, v.factuality)), h("td", {}, v.trigger || ""),
      h("td", {}, link(truncate(v.title || v.article_id, 50), "article", v.article_id, new URLSearchParams({ ev: v.event_id })))))))
    : h("p", { class: "muted" }, "None.");
  const claims = e.claims.length ? h("table", { class: "data", id: "entity-claims" },
    h("thead", {}, h("tr", {}, ["published", "kind", "factuality", "what was said", "article"].map((t) => h("th", {}, t)))),
    h("tbody", {}, e.claims.map((c) => h("tr", {}, h("td", {}, c.published || ""), h("td", {}, c.kind), h("td", {}, tag(c.factuality, c.factuality)),
      h("td", {}, "« " + truncate(c.content || "", 260) + " »"),
      h("td", {}, link(truncate(c.title || c.article_id, 50), "article", c.article_id, new URLSearchParams({ claim: c.claim_id })))))))
    : h("p", { class: "muted" }, "None.");
  show(h("div", { class: "entity-view" },
    h("h1", { id: "entity-name" }, e.canonical),
    h("div", { class: "meta" }, h("span", {}, e.type), e.country ? h("span", {}, e.country) : null, e.kb_id ? h("span", {}, e.kb_id) : null,
      h("span", {}, `${e.mentions} mentions in ${e.articles} articles`)),
    e.aliases.length ? h("p", { class: "small" }, h("b", {}, "Written as: "), e.aliases.join(", ")) : null,
    h("h2", {}, "Mentions over time"), mentionsChart(e.mentions_by_day),
    h("h2", {}, `Events as actor (${e.events_as_actor.length})`), evRows(e.events_as_actor, "actor"),
    h("h2", {}, `Events as recipient (${e.events_as_recipient.length})`), evRows(e.events_as_recipient, "recipient"),
    h("h2", {}, `Claims made (${e.claims.length})`), claims));
}

/* ---------- charts ---------- */

function dayNum(iso) { return Date.parse(iso + "T00:00:00Z") / 86400000; }
function isoOf(n) { return new Date(n * 86400000).toISOString().slice(0, 10); }

function timeAxis(svg, x0, x1, left, width, y) {
  const span = x1 - x0;
  const ticks = [];
  const d0 = new Date(x0 * 86400000), d1 = new Date(x1 * 86400000);
  if (span > 3 * 365) {
    for (let yr = d0.getUTCFullYear(); yr <= d1.getUTCFullYear() + 1; yr++) ticks.push([Date.UTC(yr, 0, 1) / 86400000, String(yr)]);
  } else if (span > 60) {
    for (let d = new Date(Date.UTC(d0.getUTCFullYear(), d0.getUTCMonth(), 1)); d <= d1; d.setUTCMonth(d.getUTCMonth() + 1)) ticks.push([d.getTime() / 86400000, d.toISOString().slice(0, 7)]);
  } else {
    const step = Math.max(1, Math.ceil(span / 10));
    for (let n = Math.floor(x0); n <= x1; n += step) ticks.push([n, isoOf(n)]);
  }
  const every = Math.max(1, Math.ceil(ticks.length / 14));
  const xs = (n) => left + ((n - x0) / (span || 1)) * width;
  ticks.filter(([n], i) => n >= x0 && n <= x1 && i % every === 0).forEach(([n, label]) => {
    svg.appendChild(s("line", { class: "grid", x1: xs(n), x2: xs(n), y1: 10, y2: y }));
    svg.appendChild(s("text", { x: xs(n), y: y + 16, "text-anchor": "middle" }, label));
  });
}

function mentionsChart(rows) {
  const data = rows.filter((r) => r.day);
  if (!data.length) return h("p", { class: "muted" }, "No dated mention.");
  const W = 900, H = 160, L = 40, R = 20, T = 10, B = 30;
  const x0 = dayNum(data[0].day) - 1, x1 = dayNum(data[data.length - 1].day) + 1;
  const max = Math.max(...data.map((r) => r.mentions));
  const svg = s("svg", { class: "chart", id: "mentions-chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "mentions per day" });
  timeAxis(svg, x0, x1, L, W - L - R, H - B);
  const bw = Math.max(3, Math.min(24, (W - L - R) / Math.max(data.length * 2, (x1 - x0))));
  for (const r of data) {
    const x = L + ((dayNum(r.day) - x0) / (x1 - x0)) * (W - L - R);
    const hgt = (r.mentions / max) * (H - T - B);
    svg.appendChild(s("rect", { x: x - bw / 2, y: H - B - hgt, width: bw, height: hgt, fill: "#1f3a5f" },
      s("title", {}, `${r.day}: ${r.mentions} mentions in ${r.articles} articles`)));
  }
  svg.appendChild(s("line", { class: "axis", x1: L, x2: W - R, y1: H - B, y2: H - B }));
  svg.appendChild(s("text", { x: L - 6, y: T + 8, "text-anchor": "end" }, String(max)));
  return svg;
}

async function viewTimeline(_arg, params) {
  const all = await api("/timeline?" + apiParams(params, FILTER_KEYS));
  // a date known only to its month or year ("2011") is its own row: listed apart, never a bar on its first day
  const rows = all.filter((r) => !r.period || r.period === "day");
  const coarse = all.filter((r) => r.period && r.period !== "day");
  const coarseList = coarse.length ? [h("h2", {}, "Dated only to a month or a year"),
    h("ul", { id: "timeline-coarse" }, ...coarse.map((r) => h("li", {},
      `${r.period === "year" ? r.day.slice(0, 4) : readableTime(r.day.slice(0, 7))}: ${r.cooperation} cooperative, ${r.conflict} conflictual, ${r.neutral} unscored`)))] : [];
  const nodes = [h("h1", {}, "Timeline: conflict and cooperation"),
    h("p", { class: "muted small" }, "Each bar is a day (the event's date, else the article's); events dated only to a month or a year are listed under the chart. Above the line: the summed PLOVER score of cooperative events; below: of conflictual ones. Click a day for its events."),
    filterForm("timeline", params)];
  if (!rows.length) { show(...nodes, h("p", { class: "muted" }, coarse.length ? "No event dated to the day matches." : "No dated event matches."), ...coarseList); return; }
  const W = 1100, H = 420, L = 50, R = 20, T = 20, B = 40;
  const x0 = dayNum(rows[0].day) - 2, x1 = dayNum(rows[rows.length - 1].day) + 2;
  const maxUp = Math.max(1, ...rows.map((r) => r.cooperation_score));
  const maxDown = Math.max(1, ...rows.map((r) => -r.conflict_score));
  const mid = T + (H - T - B) * (maxUp / (maxUp + maxDown));
  const scale = (H - T - B) / (maxUp + maxDown);
  const xs = (iso) => L + ((dayNum(iso) - x0) / (x1 - x0)) * (W - L - R);
  const bw = Math.max(3, Math.min(16, (W - L - R) / Math.max(rows.length * 2, (x1 - x0))));
  const svg = s("svg", { class: "chart", id: "timeline-chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "timeline of events" });
  timeAxis(svg, x0, x1, L, W - L - R, H - B);
  for (const r of rows) {
    const open = () => go("events", "", new URLSearchParams({ ...Object.fromEntries(apiParams(params, FILTER_KEYS)), since: r.day, until: r.day }));
    const tip = `${r.day}: ${r.cooperation} cooperative (score ${fmtNum(r.cooperation_score, 1)}), ${r.conflict} conflictual (score ${fmtNum(r.conflict_score, 1)}), ${r.neutral} unscored`;
    if (r.cooperation_score > 0) svg.appendChild(s("rect", { class: "bar-coop", x: xs(r.day) - bw / 2, y: mid - r.cooperation_score * scale, width: bw, height: r.cooperation_score * scale, onclick: open }, s("title", {}, tip)));
    if (r.conflict_score < 0) svg.appendChild(s("rect", { class: "bar-conflict", x: xs(r.day) - bw / 2, y: mid, width: bw, height: -r.conflict_score * scale, onclick: open }, s("title", {}, tip)));
    if (r.cooperation_score <= 0 && r.conflict_score >= 0) svg.appendChild(s("circle", { cx: xs(r.day), cy: mid, r: 3, fill: "#8a93a2", onclick: open }, s("title", {}, tip)));
  }
  svg.appendChild(s("line", { class: "axis", x1: L, x2: W - R, y1: mid, y2: mid }));
  svg.appendChild(s("line", { class: "axis", x1: L, x2: L, y1: T, y2: H - B }));
  svg.appendChild(s("text", { x: L - 6, y: T + 8, "text-anchor": "end" }, "+" + fmtNum(maxUp, 0)));
  svg.appendChild(s("text", { x: L - 6, y: H - B, "text-anchor": "end" }, "−" + fmtNum(maxDown, 0)));
  svg.appendChild(s("text", { x: L + 6, y: T + 8, fill: "#2e7d32" }, "cooperation"));
  svg.appendChild(s("text", { x: L + 6, y: H - B - 6, fill: "#c62828" }, "conflict"));
  const totals = rows.reduce((a, r) => [a[0] + r.cooperation, a[1] + r.conflict, a[2] + r.neutral], [0, 0, 0]);
  show(...nodes, svg, h("p", { class: "small muted" }, `${rows.length} days · ${totals[0]} cooperative, ${totals[1]} conflictual, ${totals[2]} unscored events`), ...coarseList);
}

async function viewNetwork(_arg, params) {
  const p = apiParams(params, FILTER_KEYS);
  p.set("limit", "500");
  const dyads = await api("/network?" + p);
  const nodes0 = [h("h1", {}, "Actor network"),
    h("p", { class: "muted small" }, "Arrows go from actor to recipient; their width grows with the number of events, their colour is the mean PLOVER score (red conflict, green cooperation). Scroll to zoom, drag to pan; the slider hides the dyads with fewer events. Names of the smaller actors appear as you zoom in. Click an actor for its page."),
    filterForm("network", params)];
  if (!dyads.length) { show(...nodes0, h("p", { class: "muted" }, "No dyad matches.")); return; }
  const byName = new Map();
  const node = (name, country, key) => {
    if (!byName.has(name)) byName.set(name, { name, country, key, degree: 0 });
    const n = byName.get(name);
    n.key = n.key || key;
    return n;
  };
  const edges = dyads.map((d) => {
    const a = node(d.actor, d.actor_country, d.actor_key), b = node(d.recipient, d.recipient_country, d.recipient_key);
    a.degree += d.events; b.degree += d.events;
    return { source: a, target: b, d };
  });
  const nodes = [...byName.values()];
  const W = 1100, H = 680;
  layout(nodes, edges, W, H);
  const radius = (n) => 4 + 2.5 * Math.sqrt(n.degree);
  // up to 40 actors every name shows; beyond, the 25 busiest, the others when zoomed in (100+ labels pile up)
  const major = new Set([...nodes].sort((x, y) => y.degree - x.degree).slice(0, nodes.length <= 40 ? 40 : 25));
  const svg = s("svg", { class: "chart", id: "network-chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "actor network" });
  const defs = s("defs", {});
  for (const [id, color] of [["arrow-neg", "#c62828"], ["arrow-pos", "#2e7d32"], ["arrow-0", "#8a93a2"]]) {
    defs.appendChild(s("marker", { id, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 8, markerHeight: 8, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" },
      s("path", { d: "M0,0 L10,5 L0,10 z", fill: color })));
  }
  svg.appendChild(defs);
  const world = s("g", { class: "world" });
  svg.appendChild(world);
  const maxW = Math.max(...dyads.map((d) => d.events));
  for (const e of edges) {
    const { source: a, target: b, d } = e;
    const score = d.mean_score;
    const color = score === null ? "#8a93a2" : score < 0 ? "#c62828" : score > 0 ? "#2e7d32" : "#8a93a2";
    const marker = score === null || score === 0 ? "arrow-0" : score < 0 ? "arrow-neg" : "arrow-pos";
    const dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy) || 1;
    const ex = b.x - (dx / len) * (radius(b) + 2), ey = b.y - (dy / len) * (radius(b) + 2);
    // a slight curve, so that A→B and B→A do not overlap
    const cx = (a.x + ex) / 2 - (dy / len) * 14, cy = (a.y + ey) / 2 + (dx / len) * 14;
    e.el = s("path", { class: "edge", "data-events": d.events, d: `M${a.x},${a.y} Q${cx},${cy} ${ex},${ey}`, stroke: color,
      "stroke-width": 1 + 5 * (d.events / maxW), "marker-end": `url(#${marker})` },
      s("title", {}, `${d.actor} → ${d.recipient}: ${d.events} events (${d.conflict} conflictual, ${d.cooperation} cooperative), mean score ${fmtNum(score, 1)}`));
    world.appendChild(e.el);
  }
  for (const n of nodes) {
    n.el = s("g", { class: "node" + (major.has(n) ? "" : " minor"), transform: `translate(${n.x},${n.y})` },
      s("circle", { r: radius(n) }), s("text", { x: radius(n) + 3, y: 4 }, n.name + (n.country ? ` (${n.country})` : "")),
      s("title", {}, `${n.name}: ${n.degree} events`));
    if (n.key) n.el.addEventListener("click", () => go("entity", n.key));
    world.appendChild(n.el);
  }
  // zoom and pan: d3-zoom (vendored in static/vendor), wheel, drag and pinch
  const zoom = d3.zoom().scaleExtent([0.4, 12]).on("zoom", (ev) => {
    world.setAttribute("transform", ev.transform.toString());
    svg.classList.toggle("zoomed", ev.transform.k >= 1.8);
    svg.dataset.scale = ev.transform.k.toFixed(2);
  });
  d3.select(svg).call(zoom);
  const shown = h("span", { class: "muted", id: "network-shown" });
  const slider = h("input", { type: "range", id: "network-min", min: 1, max: Math.max(1, maxW), step: 1, value: 1 });
  const sliderLabel = h("b", { id: "network-min-value" }, "1");
  const filter = () => {
    const min = Number(slider.value);
    sliderLabel.textContent = String(min);
    const live = new Set();
    let dyadsShown = 0;
    for (const e of edges) {
      const on = e.d.events >= min;
      e.el.classList.toggle("hidden", !on);
      if (on) { live.add(e.source); live.add(e.target); dyadsShown++; }
    }
    for (const n of nodes) n.el.classList.toggle("hidden", !live.has(n));
    shown.textContent = `${live.size} of ${nodes.length} actors, ${dyadsShown} of ${dyads.length} dyads shown`;
  };
  slider.addEventListener("input", filter);
  const tools = h("div", { class: "network-tools" },
    h("label", {}, "At least ", sliderLabel, " events per dyad ", slider), shown,
    h("button", { type: "button", class: "secondary small", id: "network-reset", onclick: () => d3.select(svg).call(zoom.transform, d3.zoomIdentity) }, "reset zoom"));
  filter();
  show(...nodes0, tools, svg, h("p", { class: "small muted" }, `${nodes.length} actors, ${dyads.length} dyads`));
}

/* The layout: d3-force (vendored), run to rest before drawing, so the same data gives the same picture (d3's
   forces start from a fixed spiral and use a seeded random source). Heavier actors repel more. */
function layout(nodes, edges, W, H) {
  const sim = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(edges).distance(60).strength(0.4))
    .force("charge", d3.forceManyBody().strength((n) => -120 - 20 * Math.sqrt(n.degree)))
    .force("collide", d3.forceCollide((n) => 8 + 2.5 * Math.sqrt(n.degree)))
    .force("x", d3.forceX(W / 2).strength(0.06)).force("y", d3.forceY(H / 2).strength(0.09))
    .stop();
  for (let i = 0; i < 300; i++) sim.tick();
  // fit the drawing to the box, leaving room for labels on the right
  const xs = nodes.map((v) => v.x), ys = nodes.map((v) => v.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  for (const v of nodes) {
    v.x = 40 + (maxX > minX ? (v.x - minX) / (maxX - minX) : 0.5) * (W - 280);
    v.y = 30 + (maxY > minY ? (v.y - minY) / (maxY - minY) : 0.5) * (H - 60);
  }
}

/* ---------- analyse pasted text ---------- */

function viewAnalyze() {
  const textarea = h("textarea", { id: "analyze-text", name: "text", placeholder: "Paste an article (French or English); the first line is its headline." });
  const lang = h("select", { name: "lang", id: "analyze-lang" }, h("option", { value: "" }, "detect"), h("option", { value: "fr" }, "French"), h("option", { value: "en" }, "English"));
  const published = h("input", { type: "date", name: "published", id: "analyze-published" });
  const button = h("button", { type: "submit", id: "analyze-button" }, "Analyse");
  const out = h("div", { id: "analysis-result" });
  const form = h("form", { class: "analyze-form card" }, textarea,
    h("div", { class: "row" }, h("label", {}, "Language ", lang), h("label", {}, "Published ", published), button,
      h("span", { class: "muted small" }, "Nothing is stored.")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const text = textarea.value;
    if (!text.trim()) { clear(out); out.appendChild(errorBox("Paste some text first.")); return; }
    const title = (text.split("\n").find((l) => l.trim()) || "").trim();
    const body = { text, title };
    if (lang.value) body.lang = lang.value;
    if (published.value) body.published = published.value;
    button.disabled = true;
    clear(out);
    out.appendChild(h("p", { class: "muted" }, "Analysing…"));
    try {
      const an = await api("/analyze", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      clear(out);
      out.appendChild(renderAnalysis(an, { stored: false }));
    } catch (err) {
      clear(out);
      out.appendChild(errorBox(err));
    } finally {
      button.disabled = false;
      document.body.dataset.ready = String(Date.now());
    }
  });
  show(h("h1", {}, "Analyse text"), form, out);
}
