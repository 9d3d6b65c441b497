// isnad web UI: a single-page app in plain JS (no build step); charts use the
// vendored uPlot (assets/vendor, loaded before this file).
//
// Safety rule: article text and every other value from the API is inserted
// with DOM text nodes (el(), text()) only. This file never assigns HTML
// strings to elements.
"use strict";

const I18N = {
  ar: {
    brand: "إسناد", nav_stories: "القصص", nav_search: "بحث", nav_ingest: "إضافة مقال", loading: "جارٍ التحميل…",
    lang_button: "English", read_only: "للقراءة فقط", stories: "القصص", story: "القصة", label: "العنوان",
    span: "الفترة", docs: "المقالات", latest: "أحدث الأرقام", no_stories: "لا توجد قصص بعد.",
    timeline: "الخط الزمني", series: "الأرقام عبر الزمن", contradictions: "تناقضات", updates: "تحديثات",
    documents: "المقالات", none: "لا شيء.", source: "المصدر", outlet: "الوسيلة", cited: "نقلاً عن",
    speaker: "المتحدث", date: "التاريخ", value: "القيمة", hedge: "التحوط", place: "المكان", as_of: "حتى",
    attribution: "سلسلة الإسناد", click_fact: "اختر رقماً أو اقتباساً لرؤية سلسلة إسناده.",
    show_noise: "إظهار الضجيج المحذوف والإصلاحات", noise: "الضجيج المحذوف", repairs: "الإصلاحات",
    entities: "الكيانات", figures: "الأرقام", quotes: "الاقتباسات", dates: "التواريخ", duplicates: "نسخ مكررة",
    mentions_per_day: "الذكر يومياً", quotes_by: "اقتباسات", figures_by: "أرقام منسوبة", entity: "كيان",
    search: "بحث", query: "كلمات البحث", from: "من", to: "إلى", type: "النوع", any: "الكل", results: "النتائج",
    ingest: "إضافة مقال", text: "النص", title: "العنوان", url: "الرابط", published: "تاريخ النشر",
    file: "ملف ‎.txt‎ أو ‎.html‎", submit: "استخراج وحفظ", extract_only: "استخراج فقط", stored: "حُفظ المقال:",
    not_stored: "استُخرجت الحقائق (لم يُحفظ):", ingest_disabled: "الخادم للقراءة فقط: لا يمكن حفظ مقالات جديدة.",
    open_doc: "فتح المقال", error: "خطأ", not_found: "غير موجود", legend: "المصادر", unattributed: "غير منسوب", event: "حدث", quote: "اقتباس",
    figure: "رقم", values: "قيم متعارضة", bound: "حد متجاوز", anonymous: "مصدر مجهول", cue: "فعل القول",
    venue: "المنبر", via: "عبر", article: "المقال", total: "المجموع", url_label: "الرابط",
    killed: "قتلى", wounded: "جرحى", hostages_held: "رهائن محتجزون", hostages_released: "رهائن مُفرج عنهم",
    hostages_dead: "رهائن قتلى", prisoners_held: "أسرى محتجزون", prisoners_released: "أسرى مُفرج عنهم",
    arrested: "معتقلون", displaced: "نازحون", missing: "مفقودون", population: "سكان", truce_duration: "مدة الهدنة",
    aid: "مساعدات", money: "أموال", other: "أخرى", citation: "إسناد",
    prev: "→ السابق", next: "التالي ←", showing: "عرض", of: "من", in_story: "ضمن القصة",
    bound_up: "↑ حد أدنى فقط (أكثر من / على الأقل)", bound_down: "↓ حد أعلى فقط (أقل من / حتى)",
    bound_range: "┃ نطاق تقريبي",
  },
  en: {
    brand: "isnad", nav_stories: "Stories", nav_search: "Search", nav_ingest: "Add article", loading: "Loading…",
    lang_button: "العربية", read_only: "read-only", stories: "Stories", story: "Story", label: "Label",
    span: "Dates", docs: "Articles", latest: "Latest figures", no_stories: "No stories yet.",
    timeline: "Timeline", series: "Figures over time", contradictions: "Contradictions", updates: "Updates",
    documents: "Articles", none: "None.", source: "Source", outlet: "Outlet", cited: "Citing",
    speaker: "Speaker", date: "Date", value: "Value", hedge: "Hedge", place: "Place", as_of: "As of",
    attribution: "Attribution chain", click_fact: "Pick a figure or a quote to see its attribution chain.",
    show_noise: "Show removed noise and repairs", noise: "Removed noise", repairs: "Repairs",
    entities: "Entities", figures: "Figures", quotes: "Quotes", dates: "Dates", duplicates: "Duplicates",
    mentions_per_day: "Mentions per day", quotes_by: "Quotes", figures_by: "Figures attributed", entity: "Entity",
    search: "Search", query: "Words", from: "From", to: "To", type: "Type", any: "Any", results: "Results",
    ingest: "Add an article", text: "Text", title: "Title", url: "URL", published: "Published",
    file: ".txt or .html file", submit: "Extract and store", extract_only: "Extract only", stored: "Stored:",
    not_stored: "Extracted (not stored):", ingest_disabled: "The server is read-only: new articles cannot be stored.",
    open_doc: "Open the article", error: "Error", not_found: "Not found", legend: "Sources", unattributed: "Unattributed", event: "Event",
    quote: "Quote", figure: "Figure", values: "Conflicting values", bound: "Bound exceeded",
    anonymous: "anonymous source", cue: "Cue", venue: "Venue", via: "via", article: "Article", total: "Total",
    url_label: "URL",
    killed: "killed", wounded: "wounded", hostages_held: "hostages held", hostages_released: "hostages released",
    hostages_dead: "hostages dead", prisoners_held: "prisoners held", prisoners_released: "prisoners released",
    arrested: "arrested", displaced: "displaced", missing: "missing", population: "population",
    truce_duration: "truce duration", aid: "aid", money: "money", other: "other", citation: "citation",
    prev: "← Previous", next: "Next →", showing: "Showing", of: "of", in_story: "Part of the story",
    bound_up: "↑ low bound only (more than / at least)", bound_down: "↓ high bound only (less than / up to)",
    bound_range: "┃ approximate range",
  },
};

const params = new URLSearchParams(location.search);
let LANG = params.get("lang") === "en" ? "en" : params.get("lang") === "ar" ? "ar" : (localStorage.getItem("isnad.lang") || "ar");
let STATUS = null;

function t(key) {
  return (I18N[LANG] && I18N[LANG][key]) || I18N.ar[key] || key;
}

// ---- DOM helpers: text only, never HTML strings --------------------------

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k === "class") node.className = v;
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function bdi(value) {
  return el("bdi", {}, value === null || value === undefined ? "" : String(value));
}

function link(hash, ...children) {
  return el("a", { href: hash }, ...children);
}

// Only http(s) URLs become links; anything else is shown as text.
function safeUrl(u) {
  if (!u) return null;
  try {
    const url = new URL(u);
    return url.protocol === "http:" || url.protocol === "https:" ? el("a", { href: url.href, rel: "noopener noreferrer", target: "_blank" }, bdi(u)) : bdi(u);
  } catch (e) {
    return bdi(u);
  }
}

function enc(s) {
  return encodeURIComponent(s);
}

function fmtNum(v) {
  if (v === null || v === undefined) return "";
  return Number(v).toLocaleString(LANG === "ar" ? "ar-EG" : "en-US", { maximumFractionDigits: 2 });
}

function fmtDate(d) {
  return d ? String(d).slice(0, 10) : "";
}

const HEDGES = {
  ar: { exact: "دقيق", about: "تقريبي", more_than: "أكثر من", less_than: "أقل من", at_least: "على الأقل", at_most: "على الأكثر", up_to: "حتى", range: "نطاق" },
  en: { exact: "exact", about: "about", more_than: "more than", less_than: "less than", at_least: "at least", at_most: "at most", up_to: "up to", range: "range" },
};

function hedgeLabel(h) {
  return (HEDGES[LANG] && HEDGES[LANG][h]) || h || "";
}

const has = (v) => v !== null && v !== undefined;

// Which bounds a figure has: "up" when only a low bound is known (more than,
// at least), "down" when only a high bound is (less than, up to), "range"
// for a low..high interval, null for an exact value.
function boundKind(p) {
  const lo = has(p.low) ? p.low : null, hi = has(p.high) ? p.high : null;
  if (p.hedge === "more_than" || p.hedge === "at_least" || (lo !== null && hi === null)) return "up";
  if (p.hedge === "less_than" || p.hedge === "up_to" || p.hedge === "at_most" || (hi !== null && lo === null)) return "down";
  if (lo !== null && hi !== null && lo !== hi) return "range";
  return null;
}

// The bounds of a figure as text: "[9–11]", "> 12,000", "≥ 33", "< 50", "≤ 50".
function boundsText(p) {
  const k = boundKind(p);
  if (k === "range") return `[${fmtNum(p.low)}–${fmtNum(p.high)}]`;
  if (k === "up") return (p.hedge === "more_than" ? "> " : "≥ ") + fmtNum(has(p.low) ? p.low : p.value);
  if (k === "down") return (p.hedge === "less_than" ? "< " : "≤ ") + fmtNum(has(p.high) ? p.high : p.value);
  return null;
}

// Paging links over a list answered with {limit, offset, total?}: previous and
// next keep the other parameters of `base` (a hash route with its query).
function pager(route, query, page, count) {
  const limit = page.limit, offset = page.offset || 0;
  const total = has(page.total) ? page.total : null;
  const hasPrev = offset > 0;
  const hasNext = total !== null ? offset + count < total : count >= limit;
  if (!hasPrev && !hasNext) return null;
  const href = (off) => {
    const q = new URLSearchParams(query || "");
    q.set("limit", String(limit));
    if (off > 0) q.set("offset", String(off)); else q.delete("offset");
    return route + "?" + q.toString();
  };
  const shown = count ? [bdi(fmtNum(offset + 1)), "–", bdi(fmtNum(offset + count))] : [bdi("0")];
  return el("nav", { class: "pager", "aria-label": "pages" },
    hasPrev ? el("a", { href: href(Math.max(0, offset - limit)), class: "prev", rel: "prev" }, t("prev")) : el("span", { class: "prev disabled" }, t("prev")),
    el("span", { class: "muted" }, t("showing"), " ", shown, total !== null ? [" ", t("of"), " ", bdi(fmtNum(total))] : null),
    hasNext ? el("a", { href: href(offset + limit), class: "next", rel: "next" }, t("next")) : el("span", { class: "next disabled" }, t("next")));
}

// An entity id of the document as a link to its page, named by its canonical form.
function entityRef(doc, id) {
  const e = (doc.entities || []).find((x) => x.id === id);
  return link("#/entity/" + enc(id), bdi(e ? e.canonical : id));
}

function whatLabel(w) {
  return t(w || "other");
}

function app() {
  return document.getElementById("app");
}

function show(...children) {
  const root = app();
  root.replaceChildren();
  append(root, children);
}

async function api(path, opts) {
  const res = await fetch("/api/v1" + path, opts);
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const msg = body && body.error ? body.error.code + ": " + body.error.message : res.status + " " + res.statusText;
    throw new Error(msg);
  }
  return body;
}

function errorBox(e) {
  return el("p", { class: "error" }, t("error") + ": ", String(e.message || e));
}

// ---- Charts (uPlot, vendored under assets/vendor) -------------------------
//
// uPlot draws on a <canvas>; every label it shows (axis values) comes from
// the formatters below and is set as text. The legend and the hover tip are
// built here with el() (text nodes only).

const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"];
const DAY = 86400;
const DAY_INCRS = [1, 2, 7, 14, 30, 61, 91, 182, 365, 730, 1826].map((d) => d * DAY);
const AXIS_FONT = "12px system-ui, sans-serif";

// Milliseconds since the epoch of a point's as_of (else published) date, or null.
function pointTime(p) {
  const d = Date.parse(p.as_of || p.published || "");
  return Number.isNaN(d) ? null : d;
}

function sourceName(p) {
  return p.source || p.outlet || t("unattributed");
}

function isoDay(sec) {
  return new Date(sec * 1000).toISOString().slice(0, 10);
}

// A time axis in days, labelled with ISO dates (UTC, as the data is).
function dayAxis() {
  return { font: AXIS_FONT, space: 90, incrs: DAY_INCRS, values: (u, splits) => splits.map(isoDay), grid: { stroke: "#eee" } };
}

// Lays out a uPlot chart in `box` at the box's width, following it when it changes.
function mountPlot(box, opts, data) {
  const width = () => Math.max(300, (box.clientWidth || (app().clientWidth || 1000) - 40) - 10);
  const u = new uPlot(Object.assign({ width: width(), padding: [12, 44, 0, 0], tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), "Etc/UTC") }, opts), data, box);
  if (typeof ResizeObserver === "function") {
    let last = 0;
    new ResizeObserver(() => {
      const w = width();
      if (box.isConnected && Math.abs(w - last) > 2) { last = w; u.setSize({ width: w, height: opts.height }); }
    }).observe(box);
  }
  return u;
}

// A hover tip inside the plot: `pick(u)` answers the hovered item's text nodes and link (or null).
function plotTip(u, pick) {
  const tip = el("div", { class: "chart-tip", hidden: true });
  u.over.appendChild(tip);
  let href = null;
  u.over.addEventListener("click", () => { if (href) location.hash = href; });
  u.over.addEventListener("mouseleave", () => { tip.hidden = true; href = null; });
  return (left, top) => {
    const hit = left >= 0 && top >= 0 ? pick(left, top) : null;
    href = hit ? hit.href : null;
    u.over.style.cursor = href ? "pointer" : "default";
    if (!hit) { tip.hidden = true; return; }
    tip.replaceChildren(...hit.nodes);
    tip.hidden = false;
    const w = u.over.clientWidth;
    tip.style.left = Math.min(Math.max(0, left + 10), Math.max(0, w - tip.offsetWidth)) + "px";
    tip.style.top = Math.max(0, top - tip.offsetHeight - 8) + "px";
  };
}

// The bounds of a point drawn on the plot's canvas (device pixels): a
// low..high error bar, or an open-ended hedge as a dashed bar from its bound
// to the plot's top ("up": more than, at least) or to the zero line ("down":
// less than, up to), ending in an arrowhead.
function drawBound(u, p, xSec, colour) {
  const kind = boundKind(p);
  if (!kind) return null;
  const ctx = u.ctx, r = uPlot.pxRatio;
  const cx = Math.round(u.valToPos(xSec, "x", true));
  const cap = 5 * r;
  ctx.save();
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = 2 * r;
  const hline = (y) => { ctx.beginPath(); ctx.moveTo(cx - cap, y); ctx.lineTo(cx + cap, y); ctx.stroke(); };
  if (kind === "range") {
    const lo = u.valToPos(p.low, "y", true), hi = u.valToPos(p.high, "y", true);
    ctx.beginPath(); ctx.moveTo(cx, lo); ctx.lineTo(cx, hi); ctx.stroke();
    hline(lo); hline(hi);
  } else {
    const from = u.valToPos(kind === "up" ? (has(p.low) ? p.low : p.value) : (has(p.high) ? p.high : p.value), "y", true);
    const to = kind === "up" ? u.bbox.top : u.bbox.top + u.bbox.height;
    const dir = kind === "up" ? 1 : -1;
    ctx.setLineDash([4 * r, 3 * r]);
    ctx.beginPath(); ctx.moveTo(cx, from); ctx.lineTo(cx, to + 6 * r * dir); ctx.stroke();
    ctx.setLineDash([]);
    hline(from);
    ctx.beginPath(); ctx.moveTo(cx, to); ctx.lineTo(cx - cap, to + 8 * r * dir); ctx.lineTo(cx + cap, to + 8 * r * dir); ctx.closePath(); ctx.fill();
  }
  ctx.restore();
  return kind;
}

// One chart of a figure series: x = time, y = value, one uPlot series (and
// colour) per source with its points joined, hedged figures with their
// bounds drawn by drawBound. The HTML legend names the sources; the key
// below it explains the bound marks in use. The box's data-drawn attribute
// says what the last draw put on the canvas (points and bound kinds).
function seriesChart(series) {
  const pts = series.points.map((p) => ({ p, x: pointTime(p) })).filter((d) => d.x !== null).map((d) => ({ p: d.p, x: d.x / 1000 }));
  const key = series.key;
  const box = el("div", { class: "chart series-chart", role: "img", "aria-label": whatLabel(key.what) });
  // The key holds folded names (for grouping); show a place as written in a point.
  const placeName = key.place ? (series.points.find((p) => p.place) || {}).place || key.place : null;
  box.appendChild(el("div", { class: "muted" }, whatLabel(key.what), placeName ? [" — ", bdi(placeName)] : null, key.holder ? [" (", bdi(key.holder), ")"] : null));
  if (!pts.length) {
    box.appendChild(el("p", { class: "muted" }, t("none")));
    return box;
  }
  pts.sort((a, b) => a.x - b.x);
  const sources = [...new Set(pts.map((d) => sourceName(d.p)))];
  const colour = (s) => PALETTE[sources.indexOf(s) % PALETTE.length];
  // One row per point (times may repeat); each source's column holds its own points' values.
  const data = [pts.map((d) => d.x), ...sources.map((s) => pts.map((d) => (sourceName(d.p) === s ? d.p.value : null)))];
  let x0 = pts[0].x, x1 = pts[pts.length - 1].x;
  if (x0 === x1) { x0 -= DAY; x1 += DAY; }
  const pad = (x1 - x0) * 0.04;
  const yMax = Math.max(1, ...pts.map((d) => Math.max(d.p.value, d.p.high ?? d.p.value, d.p.low ?? d.p.value))) * 1.15;
  const plot = el("div", { class: "plot" });
  box.appendChild(plot);
  let tip = () => {};
  const u = mountPlot(plot, {
    height: 260,
    legend: { show: false },
    cursor: { x: false, y: false, points: { show: false }, drag: { x: false, y: false } },
    scales: { x: { time: true, range: () => [x0 - pad, x1 + pad] }, y: { range: () => [0, yMax] } },
    axes: [dayAxis(), { font: AXIS_FONT, size: 70, values: (u, splits) => splits.map((v) => fmtNum(v)), grid: { stroke: "#eee" } }],
    series: [{}, ...sources.map((s) => ({
      label: s,
      stroke: colour(s) + "99",
      width: 1.5,
      spanGaps: true,
      points: { show: true, size: 9, width: 1, stroke: colour(s), fill: colour(s) },
    }))],
    hooks: {
      draw: [(u) => {
        const drawn = new Set();
        for (const d of pts) { const k = drawBound(u, d.p, d.x, colour(sourceName(d.p))); if (k) drawn.add(k); }
        box.setAttribute("data-drawn", ["points:" + pts.length, ...[...drawn].sort()].join(" "));
      }],
      setCursor: [(u) => tip(u.cursor.left, u.cursor.top)],
    },
  }, data);
  // The point nearest the cursor (within 12 px): its source, words, hedge, date; a click opens its article.
  tip = plotTip(u, (left, top) => {
    let best = null, bestD = 144;
    for (const d of pts) {
      const dx = u.valToPos(d.x, "x") - left, dy = u.valToPos(d.p.value, "y") - top;
      if (dx * dx + dy * dy < bestD) { bestD = dx * dx + dy * dy; best = d.p; }
    }
    if (!best) return null;
    const bt = boundsText(best);
    return { href: "#/doc/" + enc(best.doc_id), nodes: [el("strong", {}, bdi(sourceName(best))), el("div", {}, "«", best.surface, "»"),
      el("div", {}, bdi(fmtNum(best.value)), " (", hedgeLabel(best.hedge), bt ? [" ", bdi(bt)] : null, ") · ", bdi(fmtDate(best.as_of || best.published)))] };
  });
  box.appendChild(el("div", { class: "legend" }, el("strong", {}, t("legend") + ":"), sources.map((s) => el("span", {}, el("i", { style: "background:" + colour(s) }), bdi(s)))));
  const kinds = new Set(pts.map((d) => boundKind(d.p)));
  const keys = [["range", "bound_range"], ["up", "bound_up"], ["down", "bound_down"]].filter(([k]) => kinds.has(k));
  if (keys.length) box.appendChild(el("div", { class: "legend bounds-key muted" }, keys.map(([, label]) => el("span", {}, t(label)))));
  return box;
}

// Mentions per day as bars (uPlot), with the day's mentions / documents on hover.
function dayBars(days) {
  const box = el("div", { class: "chart day-chart" });
  const rows = days.map((d) => ({ d, x: Date.parse(d.day) / 1000 })).filter((r) => !Number.isNaN(r.x)).sort((a, b) => a.x - b.x);
  if (!rows.length) return append(box, [el("p", { class: "muted" }, t("none"))]);
  const max = Math.max(1, ...rows.map((r) => r.d.mentions));
  const x0 = rows[0].x - DAY, x1 = rows[rows.length - 1].x + DAY;
  const plot = el("div", { class: "plot" });
  box.appendChild(plot);
  let tip = () => {};
  const u = mountPlot(plot, {
    height: 150,
    legend: { show: false },
    cursor: { x: false, y: false, points: { show: false }, drag: { x: false, y: false } },
    scales: { x: { time: true, range: () => [x0, x1] }, y: { range: () => [0, max * 1.1] } },
    axes: [dayAxis(), { font: AXIS_FONT, size: 50, values: (u, splits) => splits.map((v) => (Number.isInteger(v) ? fmtNum(v) : "")), grid: { stroke: "#eee" } }],
    series: [{}, { label: t("mentions_per_day"), fill: "#1f4e5f", stroke: "#1f4e5f", width: 0, points: { show: false }, paths: uPlot.paths.bars({ size: [0.6, 30] }) }],
    hooks: {
      draw: [() => box.setAttribute("data-drawn", "bars:" + rows.length)],
      setCursor: [(u) => tip(u.cursor.left, u.cursor.top)],
    },
  }, [rows.map((r) => r.x), rows.map((r) => r.d.mentions)]);
  tip = plotTip(u, () => {
    const i = u.cursor.idx;
    if (i === null || i === undefined || !rows[i]) return null;
    const d = rows[i].d;
    return { href: null, nodes: [bdi(d.day), ": ", bdi(fmtNum(d.mentions)), " / ", bdi(fmtNum(d.documents))] };
  });
  return box;
}

// ---- Views ----------------------------------------------------------------

function figureChips(points) {
  return el("div", { class: "chips" }, (points || []).map((p) => el("span", {}, whatLabel(p.what), ": ", bdi(fmtNum(p.value)), p.source ? [" — ", bdi(p.source)] : null)));
}

const STORIES_PAGE = 50;
const SEARCH_PAGE = 20;

async function viewStories(query) {
  const q = new URLSearchParams(query || "");
  const p = new URLSearchParams({ limit: q.get("limit") || String(STORIES_PAGE), offset: q.get("offset") || "0" });
  const data = await api("/stories?" + p.toString());
  if (!data.items.length && !data.offset) return show(el("h1", {}, t("stories")), el("p", { class: "muted" }, t("no_stories")));
  const rows = data.items.map((s) =>
    el("tr", {},
      el("td", {}, link("#/story/" + enc(s.id), bdi(s.label || s.id))),
      el("td", {}, bdi(fmtDate(s.first)), " – ", bdi(fmtDate(s.last))),
      el("td", {}, bdi(s.documents)),
      el("td", {}, figureChips(s.latest))));
  const nav = () => pager("#/stories", query, data, data.items.length);
  show(el("h1", {}, t("stories")), nav(),
    el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, t("label")), el("th", {}, t("span")), el("th", {}, t("docs")), el("th", {}, t("latest")))), el("tbody", {}, rows)),
    nav());
}

function pointCard(p) {
  return el("div", { class: "card" },
    el("div", { class: "big" }, bdi(fmtNum(p.value)), boundsText(p) ? [" ", bdi(boundsText(p))] : null),
    el("div", {}, "«", p.surface, "»"),
    el("div", { class: "muted" }, t("source"), ": ", p.source_entity ? link("#/entity/" + enc(p.source_entity), bdi(p.source || p.source_entity)) : bdi(p.source || "—")),
    el("div", { class: "muted" }, t("outlet"), ": ", bdi(p.outlet || "—"), " · ", bdi(fmtDate(p.as_of || p.published))),
    link("#/doc/" + enc(p.doc_id), t("open_doc")));
}

async function viewStory(id) {
  const s = await api("/stories/" + enc(id));
  const sum = s.summary;
  const timeline = el("ul", { class: "plain timeline" }, s.timeline.map((it) =>
    el("li", {}, el("span", { class: "kind " + it.kind }, t(it.kind)), bdi(fmtDate(it.date)), " — ", it.summary || it.surface, " ", link("#/doc/" + enc(it.doc_id), "↗"))));
  const contra = s.contradictions.map((c) =>
    el("div", { class: "card" }, el("div", {}, whatLabel(c.key.what), c.key.place ? [" — ", bdi(c.a.place || c.b.place || c.key.place)] : null, " · ", t(c.kind)),
      el("div", { class: "side-by-side" }, pointCard(c.a), pointCard(c.b))));
  const updates = s.updates.map((u) => el("li", {}, whatLabel(u.key.what), ": ", bdi(u.from.source || u.from.outlet || ""), " ", bdi(fmtNum(u.from.value)), " → ", bdi(fmtNum(u.to.value)), " (", bdi(fmtDate(u.to.as_of || u.to.published)), ")"));
  const docs = s.documents.map((d) => el("li", {}, link("#/doc/" + enc(d.id), d.title || d.id), " — ", bdi(d.outlet || ""), " ", bdi(fmtDate(d.published))));
  show(
    el("h1", {}, t("story"), ": ", bdi(sum.label || sum.id)),
    el("p", { class: "muted" }, bdi(fmtDate(sum.first)), " – ", bdi(fmtDate(sum.last)), " · ", t("docs"), ": ", bdi(sum.documents)),
    el("h2", {}, t("series")), s.series.length ? [...s.series].sort((a, b) => b.points.length - a.points.length).map(seriesChart) : el("p", { class: "muted" }, t("none")),
    el("h2", {}, t("contradictions")), contra.length ? contra : el("p", { class: "muted" }, t("none")),
    el("h2", {}, t("updates")), updates.length ? el("ul", {}, updates) : el("p", { class: "muted" }, t("none")),
    el("h2", {}, t("timeline")), s.timeline.length ? timeline : el("p", { class: "muted" }, t("none")),
    el("h2", {}, t("documents")), el("ul", {}, docs));
}

// Collects the highlight spans of a document: [start, end, class, fact].
function docSpans(doc) {
  const spans = [];
  for (const e of doc.entities || []) for (const m of e.mentions || []) spans.push({ start: m.start, end: m.end, cls: "hl-entity", kind: "entity", fact: e });
  for (const d of doc.dates || []) spans.push({ start: d.start, end: d.end, cls: "hl-date", kind: "date", fact: d });
  for (const f of doc.figures || []) spans.push({ start: f.start, end: f.end, cls: "hl-figure", kind: "figure", fact: f });
  for (const q of doc.quotes || []) spans.push({ start: q.start, end: q.end, cls: "hl-quote", kind: "quote", fact: q });
  return spans.filter((s) => s.end > s.start);
}

// Splits the text (by chars, not UTF-16 units) at every span boundary; each
// piece gets the classes of the spans covering it, and the innermost
// figure/quote/entity as its click target.
function highlightedText(doc, onPick) {
  const chars = Array.from(doc.text || "");
  const spans = docSpans(doc);
  const cuts = new Set([0, chars.length]);
  for (const s of spans) { cuts.add(Math.min(s.start, chars.length)); cuts.add(Math.min(s.end, chars.length)); }
  const bounds = [...cuts].sort((a, b) => a - b);
  const out = el("div", { class: "doc-text", id: "doc-text" });
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i], b = bounds[i + 1];
    const piece = chars.slice(a, b).join("");
    const cover = spans.filter((s) => s.start <= a && s.end >= b);
    if (!cover.length) { out.appendChild(document.createTextNode(piece)); continue; }
    const classes = [...new Set(cover.map((s) => s.cls))].join(" ");
    const target = cover.filter((s) => s.kind === "figure" || s.kind === "quote").sort((x, y) => (x.end - x.start) - (y.end - y.start))[0] || cover[0];
    const node = el("span", { class: classes, "data-kind": target.kind, tabindex: target.kind === "figure" || target.kind === "quote" ? 0 : null }, piece);
    node.addEventListener("click", () => onPick(target));
    node.addEventListener("mouseenter", () => onPick(target));
    out.appendChild(node);
  }
  return out;
}

function sourceNode(src) {
  if (!src) return "—";
  const name = bdi(src.surface);
  const label = src.entity ? link("#/entity/" + enc(src.entity), name) : name;
  return src.anonymous ? [label, " (", t("anonymous"), ")"] : label;
}

function citationNodes(doc, idx) {
  if (idx === null || idx === undefined || !doc.citations || !doc.citations[idx]) return null;
  const c = doc.citations[idx];
  return [el("li", {}, t("cited"), ": ", sourceNode(c.outlet)), c.via ? el("li", {}, t("via"), ": ", sourceNode(c.via)) : null];
}

function factPanel(doc, pick) {
  const panel = el("div", {});
  const f = pick.fact;
  const outlet = el("li", {}, t("article"), ": ", bdi((doc.meta || doc).outlet || (doc.meta || doc).source || "—"));
  if (pick.kind === "figure") {
    append(panel, [
      el("h3", {}, t("figure"), ": ", whatLabel(f.what)),
      el("div", { class: "big" }, bdi(fmtNum(f.value)), boundsText(f) ? [" ", bdi(boundsText(f))] : null),
      el("div", {}, "«", f.surface, "»"),
      el("div", { class: "muted" }, t("hedge"), ": ", hedgeLabel(f.hedge), f.place ? [" · ", t("place"), ": ", entityRef(doc, f.place)] : null, f.as_of ? [" · ", t("as_of"), ": ", bdi(f.as_of)] : null),
      el("h4", {}, t("attribution")),
      el("ul", { class: "chain" }, outlet, citationNodes(doc, f.citation), el("li", {}, t("source"), ": ", sourceNode(f.source))),
    ]);
  } else if (pick.kind === "quote") {
    append(panel, [
      el("h3", {}, t("quote")),
      el("blockquote", {}, Array.from(doc.text).slice(f.content_start, f.content_end).join("")),
      el("div", { class: "muted" }, t("cue"), ": ", f.cue, f.venue ? [" · ", t("venue"), ": ", sourceNode(f.venue)] : null),
      el("h4", {}, t("attribution")),
      el("ul", { class: "chain" }, outlet, citationNodes(doc, f.citation), el("li", {}, t("speaker"), ": ", sourceNode(f.speaker))),
    ]);
  } else if (pick.kind === "entity") {
    append(panel, [el("h3", {}, t("entity")), el("div", {}, link("#/entity/" + enc(f.id), bdi(f.canonical))), el("div", { class: "muted" }, bdi(f.type), f.english ? [" · ", bdi(f.english)] : null)]);
  } else {
    append(panel, [el("h3", {}, t("date")), el("div", {}, bdi(f.value)), el("div", { class: "muted" }, f.surface)]);
  }
  return panel;
}

// `#/doc/ID?figure=N` (or `?quote=N`) opens the attribution chain of the
// document's N-th figure (quote) instead of the first attributed one.
async function viewDoc(id, query) {
  const want = new URLSearchParams(query || "");
  const body = await api("/documents/" + enc(id));
  const doc = body.document;
  const panel = el("div", { class: "panel", id: "fact-panel" }, el("p", { class: "muted" }, t("click_fact")));
  const pick = (p) => { panel.replaceChildren(factPanel(doc, p)); };
  const noiseBox = el("div", { hidden: true },
    el("h2", {}, t("noise")),
    el("ul", {}, (doc.noise || []).map((n) => el("li", {}, el("span", { class: "kind" }, n.kind), el("span", { class: "noise" }, n.surface)))),
    el("h2", {}, t("repairs")),
    el("ul", {}, (doc.repairs || []).map((r) => el("li", {}, el("span", { class: "kind" }, r.kind), "«", r.before, "» → «", r.after, "»"))));
  const toggle = el("label", {}, el("input", { type: "checkbox", onchange: (e) => { noiseBox.hidden = !e.target.checked; } }), " ", t("show_noise"));
  const meta = doc.meta || doc;
  const counts = el("div", { class: "legend-key" },
    el("span", { class: "hl-entity" }, t("entities"), " ", bdi((doc.entities || []).length)),
    el("span", { class: "hl-figure" }, t("figures"), " ", bdi((doc.figures || []).length)),
    el("span", { class: "hl-quote" }, t("quotes"), " ", bdi((doc.quotes || []).length)),
    el("span", { class: "hl-date" }, t("dates"), " ", bdi((doc.dates || []).length)));
  const dups = body.duplicates.length
    ? [el("h2", {}, t("duplicates")), el("ul", {}, body.duplicates.map((d) => el("li", {}, link("#/doc/" + enc(d.doc === doc.id ? d.canonical : d.doc), bdi(d.doc === doc.id ? d.canonical : d.doc)), " ", bdi(d.outlet || ""), " ", bdi(fmtNum(d.similarity)))))]
    : null;
  show(
    el("h1", {}, meta.title || doc.id),
    el("p", { class: "muted" }, bdi(meta.outlet || meta.source), " · ", bdi(meta.published || ""), " ", meta.url ? safeUrl(meta.url) : null),
    body.story ? el("p", { class: "story-link", id: "doc-story" }, t("in_story"), ": ",
      link("#/story/" + enc(body.story.id), bdi(body.story.label || body.story.id)),
      " (", t("docs"), ": ", bdi(fmtNum(body.story.documents)), ")") : null,
    counts,
    el("div", { class: "doc-layout" }, highlightedText(doc, pick), panel),
    toggle, noiseBox, dups);
  for (const kind of ["figure", "quote"]) {
    const n = want.get(kind);
    const fact = n !== null ? (doc[kind + "s"] || [])[Number(n)] : undefined;
    const span = fact && docSpans(doc).find((s) => s.fact === fact);
    if (span) return pick(span);
  }
  // Show the first attributed figure's chain (else the first quote's) until the reader picks one.
  const first = docSpans(doc).filter((s) => (s.kind === "figure" || s.kind === "quote") && (s.fact.source || s.fact.speaker));
  first.sort((a, b) => (a.kind === b.kind ? a.start - b.start : a.kind === "figure" ? -1 : 1));
  if (first.length) pick(first[0]);
}

const ENTITY_PAGE = 50;

async function viewEntity(id, query) {
  const q = new URLSearchParams(query || "");
  const p = new URLSearchParams({ limit: q.get("limit") || String(ENTITY_PAGE), offset: q.get("offset") || "0" });
  const e = await api("/entities/" + enc(id) + "?" + p.toString());
  // One pager over the quotes and the figures: as far as the longer list goes.
  const longer = e.quotes_total >= e.figures_total ? [e.quotes.length, e.quotes_total] : [e.figures.length, e.figures_total];
  const nav = () => pager("#/entity/" + enc(id), query, { limit: e.limit, offset: e.offset, total: longer[1] }, longer[0]);
  const ent = e.entity;
  const quotes = e.quotes.map((q) => el("li", {}, "«", q.content, "» — ", bdi(q.outlet || ""), " ", bdi(fmtDate(q.published)), " ", link("#/doc/" + enc(q.doc), "↗")));
  const figs = e.figures.map((f) => el("li", {}, whatLabel(f.what), ": ", bdi(fmtNum(f.value)), " «", f.surface, "» — ", bdi(f.outlet || ""), " ", bdi(fmtDate(f.as_of || f.published)), " ", link("#/doc/" + enc(f.doc), "↗")));
  show(
    el("h1", {}, bdi(ent.canonical)),
    el("p", { class: "muted" }, bdi(ent.type || ent.entity_type), ent.english ? [" · ", bdi(ent.english)] : null, " · ", t("docs"), ": ", bdi(ent.documents), " · ", bdi(fmtDate(ent.first)), " – ", bdi(fmtDate(ent.last))),
    el("h2", {}, t("mentions_per_day")), dayBars(e.days),
    el("h2", {}, t("quotes_by"), " (", bdi(fmtNum(e.quotes_total)), ")"), nav(), quotes.length ? el("ul", {}, quotes) : el("p", { class: "muted" }, t("none")),
    el("h2", {}, t("figures_by"), " (", bdi(fmtNum(e.figures_total)), ")"), figs.length ? el("ul", {}, figs) : el("p", { class: "muted" }, t("none")),
    nav());
}

function snippetNode(sn) {
  const chars = Array.from(sn.text || "");
  const out = el("div", {});
  let at = 0;
  for (const [a, b] of sn.highlights || []) {
    if (a > at) out.appendChild(document.createTextNode(chars.slice(at, a).join("")));
    out.appendChild(el("mark", {}, chars.slice(a, b).join("")));
    at = b;
  }
  if (at < chars.length) out.appendChild(document.createTextNode(chars.slice(at).join("")));
  return out;
}

async function viewSearch(query) {
  const q = new URLSearchParams(query || "");
  const field = (name, label, type) => el("label", {}, t(label), el("input", { name, type: type || "text", value: q.get(name) || "" }));
  const types = ["", "figure", "quote", "event", "citation", "killed", "wounded", "hostages_held"];
  const select = el("select", { name: "type" }, types.map((v) => el("option", { value: v, selected: q.get("type") === v }, v ? t(v) : t("any"))));
  const form = el("form", { class: "grid", onsubmit: (ev) => {
    ev.preventDefault();
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) p.set(k, v);
    location.hash = "#/search?" + p.toString();
  } }, field("q", "query", "search"), field("outlet", "outlet"), field("from", "from", "date"), field("to", "to", "date"), el("label", {}, t("type"), select), el("button", { class: "primary", type: "submit" }, t("search")));
  const results = el("div", {});
  show(el("h1", {}, t("search")), form, results);
  if (![...q.keys()].filter((k) => k !== "limit" && k !== "offset").length) return;
  if (!q.get("limit")) q.set("limit", String(SEARCH_PAGE));
  const res = await api("/search?" + q.toString());
  const nav = () => pager("#/search", q.toString(), res, res.items.length);
  append(results, [el("h2", {}, t("results"), " (", bdi(res.total), ")"), nav(),
    res.items.map((h) => el("div", { class: "card" }, link("#/doc/" + enc(h.doc_id), h.title || h.doc_id), el("div", { class: "muted" }, bdi(h.outlet || ""), " · ", bdi(fmtDate(h.published))), snippetNode(h.snippet))),
    nav()]);
}

async function viewIngest() {
  const ro = STATUS && STATUS.read_only;
  const field = (name, label, type) => el("label", {}, t(label), el("input", { name, type: type || "text", disabled: ro }));
  const textarea = el("textarea", { name: "text", disabled: ro, dir: "auto" });
  let html = null;
  const file = el("input", { type: "file", accept: ".txt,.html,.htm,text/plain,text/html", disabled: ro, onchange: async (ev) => {
    const f = ev.target.files[0];
    if (!f) return;
    const content = await f.text();
    if (/\.html?$/i.test(f.name) || f.type === "text/html") { html = content; textarea.value = ""; textarea.placeholder = f.name; } else { html = null; textarea.value = content; }
  } });
  const result = el("div", {});
  const send = async (store) => {
    result.replaceChildren(el("p", { class: "muted" }, t("loading")));
    const data = new FormData(form);
    const body = { store };
    for (const k of ["title", "outlet", "published", "url"]) if (data.get(k)) body[k] = data.get(k);
    if (textarea.value.trim()) body.text = textarea.value; else if (html) body.html = html;
    try {
      const r = await api("/documents", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      const d = r.document;
      result.replaceChildren(el("p", { class: "notice" }, r.stored ? t("stored") : t("not_stored"), " ",
        r.stored ? link("#/doc/" + enc(r.id), bdi(r.id)) : bdi(r.id), " · ",
        t("entities"), " ", bdi((d.entities || []).length), " · ", t("figures"), " ", bdi((d.figures || []).length), " · ", t("quotes"), " ", bdi((d.quotes || []).length)));
    } catch (e) {
      result.replaceChildren(errorBox(e));
    }
  };
  const form = el("form", { onsubmit: (ev) => { ev.preventDefault(); send(true); } },
    el("div", { class: "grid" }, field("title", "title"), field("outlet", "outlet"), field("published", "published", "date"), field("url", "url", "url")),
    el("label", {}, t("text"), textarea),
    el("label", {}, t("file"), file),
    el("p", {}, el("button", { class: "primary", type: "submit", disabled: ro }, t("submit")), " ",
      el("button", { type: "button", onclick: () => send(false) }, t("extract_only"))));
  show(el("h1", {}, t("ingest")), ro ? el("p", { class: "notice", id: "ro-notice" }, t("ingest_disabled")) : null, form, result);
}

// ---- Router ---------------------------------------------------------------

function applyLang() {
  document.documentElement.lang = LANG;
  document.documentElement.dir = LANG === "ar" ? "rtl" : "ltr";
  document.title = t("brand");
  for (const n of document.querySelectorAll("[data-i18n]")) n.textContent = t(n.getAttribute("data-i18n"));
  document.getElementById("lang").textContent = t("lang_button");
  const mode = document.getElementById("mode");
  mode.hidden = !(STATUS && STATUS.read_only);
  mode.textContent = t("read_only");
}

async function route() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, query] = hash.split("?");
  const parts = path.split("/").map(decodeURIComponent);
  try {
    if (parts[0] === "story" && parts[1]) await viewStory(parts[1]);
    else if (parts[0] === "doc" && parts[1]) await viewDoc(parts[1], query);
    else if (parts[0] === "entity" && parts[1]) await viewEntity(parts[1], query);
    else if (parts[0] === "search") await viewSearch(query);
    else if (parts[0] === "ingest") await viewIngest();
    else await viewStories(parts[0] === "stories" ? query : "");
  } catch (e) {
    show(errorBox(e));
  }
  window.scrollTo(0, 0);
}

async function start() {
  try { STATUS = await api("/status"); } catch (e) { STATUS = null; }
  applyLang();
  document.getElementById("lang").addEventListener("click", () => {
    LANG = LANG === "ar" ? "en" : "ar";
    localStorage.setItem("isnad.lang", LANG);
    applyLang();
    route();
  });
  window.addEventListener("hashchange", route);
  await route();
}

document.addEventListener("DOMContentLoaded", start);
