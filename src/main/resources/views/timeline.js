// The timeline: meetings along a date axis, one lane per side (configured lanes, then Others);
// a meeting is drawn in the lane of every side taking part, its marks joined by a line. Status
// is the shape (held filled, planned dashed, cancelled crossed); week- and month-precision dates
// are spans, undated meetings sit in a column of their own. Hover or focus shows participants,
// place, status and sources; a click or Enter opens the meeting's evidence.
"use strict";

(() => {
  const chart = document.getElementById("chart");
  const status = document.getElementById("status");
  const detail = document.getElementById("detail");
  const form = document.getElementById("filters");
  const DAY = 86400000;
  const LEFT = 130, RIGHT = 24, TOP = 34, LANE = 84, TRACK = 70, UNDATED = 90;
  let current = null;

  const parse = s => new Date(s + "T00:00:00Z").getTime();
  const iso = t => new Date(t).toISOString().slice(0, 10);

  /** The days a dated item covers: one day, its week, or its month. */
  function span(item) {
    const start = parse(item.date);
    if (item.datePrecision === "week") return [start, start + 7 * DAY];
    if (item.datePrecision === "month") {
      const d = new Date(start);
      return [Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)];
    }
    return [start, start + DAY];
  }

  async function load() {
    const q = Object.fromEntries(new FormData(form).entries());
    Views.setQuery({ actor: q.actor, topic: q.topic, from: q.from, to: q.to, track: q.track ? "1" : "" });
    const params = new URLSearchParams({ limit: "500" });
    for (const k of ["actor", "topic", "from", "to"]) if (q[k]) params.set(k, q[k]);
    status.textContent = "Loading…";
    try {
      const timeline = await Views.api("/api/views/timeline?" + params);
      let track = [];
      if (q.track) {
        const t = new URLSearchParams({ limit: "500" });
        for (const k of ["actor", "from", "to"]) if (q[k]) t.set(k, q[k]);
        track = (await Views.api("/api/timeline?" + t)).items.filter(i => i.kind === "statement" || i.kind === "claim");
      }
      current = { timeline, track };
      draw(timeline, track);
      const shown = timeline.items.length;
      status.textContent = shown + " meeting" + (shown === 1 ? "" : "s")
        + (timeline.total > shown ? " of " + timeline.total + " (narrow the dates to see the rest)" : "")
        + (q.track ? ", " + track.length + " statements and claims" : "");
    } catch (e) {
      status.textContent = "Could not load the timeline: " + e.message;
    }
  }

  function draw(timeline, track) {
    chart.querySelectorAll("svg").forEach(s => s.remove());
    const lanes = timeline.lanes;
    const colours = Views.laneColours(lanes);
    const dated = timeline.items.filter(m => m.date);
    const undated = timeline.items.filter(m => !m.date);
    const spans = dated.map(span).concat(track.map(span));
    let min = spans.length ? Math.min(...spans.map(s => s[0])) : Date.now();
    let max = spans.length ? Math.max(...spans.map(s => s[1])) : Date.now() + DAY;
    min -= DAY; max += DAY;
    const width = Math.max(chart.clientWidth - 2, 900);
    const plotRight = width - RIGHT - (undated.length ? UNDATED : 0);
    const x = t => LEFT + (t - min) / (max - min) * (plotRight - LEFT);
    const height = TOP + lanes.length * LANE + (track.length ? TRACK : 0) + 10;
    const svg = Views.el("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img",
      "aria-label": "Timeline of meetings by side", "font-family": "system-ui, sans-serif", "font-size": "12" });
    chart.appendChild(svg);
    Views.el("rect", { x: 0, y: 0, width, height, fill: "#fff" }, svg);

    // Axis: a tick per day when the range is short, else per week or month.
    const days = (max - min) / DAY;
    const step = days <= 45 ? 1 : days <= 200 ? 7 : 30;
    const axis = Views.el("g", { "aria-hidden": "true" }, svg);
    for (let t = min + DAY; t < max; t += step * DAY) {
      const d = new Date(t);
      const label = step === 30 ? d.toLocaleString("en", { month: "short", year: "numeric", timeZone: "UTC" })
        : d.toLocaleString("en", { day: "numeric", month: "short", timeZone: "UTC" });
      Views.el("line", { x1: x(t), x2: x(t), y1: TOP - 6, y2: height - 10, stroke: "#eef0f3" }, axis);
      if (step > 1 || d.getUTCDate() % (days > 20 ? 2 : 1) === 0) {
        Views.el("text", { x: x(t) + 2, y: TOP - 12, fill: "#5b6673", "font-size": "11" }, axis).textContent = label;
      }
    }
    if (undated.length) {
      Views.el("text", { x: plotRight + 14, y: TOP - 12, fill: "#5b6673", "font-size": "11" }, axis).textContent = "undated";
      Views.el("line", { x1: plotRight + 6, x2: plotRight + 6, y1: TOP - 6, y2: height - 10, stroke: "#d5dae0", "stroke-dasharray": "4 3" }, axis);
    }

    // Lanes.
    const laneY = {};
    lanes.forEach((lane, i) => {
      const y = TOP + i * LANE;
      laneY[lane.id] = y;
      Views.el("rect", { x: 0, y, width, height: LANE, fill: i % 2 ? "#fafbfc" : "#fff" }, svg);
      Views.el("rect", { x: 0, y, width: 6, height: LANE, fill: colours[lane.id] }, svg);
      const t = Views.el("text", { x: 14, y: y + LANE / 2 + 4, fill: "#1d232b", "font-size": "13", "font-weight": "600" }, svg);
      t.textContent = lane.name;
    });

    // Meetings: within a lane, marks of the same days are stacked.
    const used = {};
    const slot = (lane, key) => { const k = lane + "|" + key; used[k] = (used[k] || 0) + 1; return used[k] - 1; };
    const place = (m, i) => {
      if (!m.date) return { x0: plotRight + 20 + (i % 3) * 22, x1: null, key: "u" + Math.floor(i / 3) };
      const [a, b] = span(m);
      return m.datePrecision === "week" || m.datePrecision === "month"
        ? { x0: x(a), x1: x(b), key: m.date + m.datePrecision }
        : { x0: (x(a) + x(b)) / 2, x1: null, key: m.date };
    };
    const marks = Views.el("g", {}, svg);
    timeline.items.forEach((m, i) => {
      const p = place(m, undated.indexOf(m));
      const ys = [];
      const group = Views.el("g", { class: "meeting", "data-meeting": m.id }, marks);
      for (const lane of m.lanes) {
        const y = laneY[lane] + 22 + (slot(lane, p.key) % 4) * 14;
        ys.push(y);
        const mark = Views.el("g", { class: "mark", "data-meeting": m.id, "data-lane": lane, "data-status": m.status }, group);
        shape(mark, m, p, y, colours[lane]);
        const names = m.participants.filter(x => x.lane === lane).map(x => x.name).join(", ");
        Views.focusable(mark, `${m.title}, ${m.dateText || m.date || "undated"}, ${m.status}; ${lanes.find(l => l.id === lane).name}: ${names}`,
          () => open(m), () => Views.tip(chart, mark, tipText(m, lanes)), () => Views.untip(chart));
      }
      if (ys.length > 1) {
        Views.el("line", { x1: p.x0, x2: p.x0, y1: Math.min(...ys), y2: Math.max(...ys), stroke: "#8a96a3", "stroke-width": "1.2",
          "stroke-dasharray": m.status === "held" ? null : "3 3" }, group).setAttribute("pointer-events", "none");
        group.insertBefore(group.lastChild, group.firstChild);
      }
    });

    // Statements and claims as a second track.
    if (track.length) {
      const y0 = TOP + lanes.length * LANE;
      Views.el("rect", { x: 0, y: y0, width, height: TRACK, fill: "#f4f6f8" }, svg);
      Views.el("text", { x: 14, y: y0 + TRACK / 2 + 4, fill: "#1d232b", "font-size": "12", "font-weight": "600" }, svg).textContent = "Statements, claims";
      const g = Views.el("g", {}, svg);
      track.forEach(item => {
        const [a, b] = span(item);
        const y = y0 + 16 + (slot("track", item.date) % 4) * 12;
        const mark = Views.el("g", { class: "mark", "data-item": item.id, "data-kind": item.kind }, g);
        Views.el(item.kind === "claim" ? "path" : "rect", item.kind === "claim"
          ? { class: "shape", d: `M${(x(a) + x(b)) / 2} ${y - 6} l6 10 h-12 z`, fill: "#7d3c98" }
          : { class: "shape", x: (x(a) + x(b)) / 2 - 5, y: y - 5, width: 10, height: 10, fill: "#16838a" }, mark);
        const text = `<b>${Views.html(item.kind)}</b> ${Views.html(item.date)}<br>${Views.html(item.text)}<br><small>${Views.html(item.actors.join(", "))}</small>`
          + evidenceHtml(item.evidence);
        Views.focusable(mark, `${item.kind} on ${item.date}: ${item.text}`, () => openItem(item),
          () => Views.tip(chart, mark, text), () => Views.untip(chart));
      });
    }
  }

  function shape(mark, m, p, y, colour) {
    if (p.x1 !== null) {
      Views.el("rect", { class: "shape", x: p.x0, y: y - 5, width: Math.max(8, p.x1 - p.x0), height: 10, rx: 5, fill: colour,
        opacity: ".45", stroke: colour, "stroke-dasharray": m.status === "planned" ? "3 2" : null }, mark);
      return;
    }
    if (m.status === "held") {
      Views.el("circle", { class: "shape", cx: p.x0, cy: y, r: 6.5, fill: colour, stroke: "#fff", "stroke-width": "1.5" }, mark);
    } else if (m.status === "planned") {
      Views.el("circle", { class: "shape", cx: p.x0, cy: y, r: 6, fill: "#fff", stroke: colour, "stroke-width": "2.5", "stroke-dasharray": "3 2" }, mark);
    } else if (m.status === "cancelled") {
      Views.el("circle", { class: "shape", cx: p.x0, cy: y, r: 6, fill: "#fff", stroke: "#999", "stroke-width": "2" }, mark);
      Views.el("path", { d: `M${p.x0 - 5} ${y - 5} L${p.x0 + 5} ${y + 5}`, stroke: "#999", "stroke-width": "2" }, mark);
    } else {
      Views.el("rect", { class: "shape", x: p.x0 - 5, y: y - 5, width: 10, height: 10, transform: `rotate(45 ${p.x0} ${y})`, fill: colour, opacity: ".6" }, mark);
    }
  }

  function tipText(m, lanes) {
    const bySide = lanes.map(l => [l, m.participants.filter(p => p.lane === l.id)]).filter(([, ps]) => ps.length);
    return `<b>${Views.html(m.title)}</b><br>${Views.html(m.dateText ? m.dateText + " · " : "")}${Views.html(m.date || "undated")}`
      + `${m.datePrecision && m.datePrecision !== "day" ? " (" + Views.html(m.datePrecision) + ")" : ""} · ${Views.html(m.status)}`
      + (m.places.length ? `<br>in ${Views.html(m.places.join(", "))}` : "")
      + bySide.map(([l, ps]) => `<br><i>${Views.html(l.name)}</i>: ${ps.map(p => Views.html(p.name) + (p.role ? " (" + Views.html(p.role) + ")" : "")).join(", ")}`).join("")
      + `<br><small>sources: ${Views.html(m.sources.join(", "))}</small>`;
  }

  function evidenceHtml(evidence) {
    return (evidence || []).map(e => `<blockquote>${Views.html(e.sentence)}<div class="source">${Views.html(e.source)}</div></blockquote>`).join("");
  }

  async function open(m) {
    detail.hidden = false;
    detail.innerHTML = `<h2>${Views.html(m.title)}</h2><p>Loading the evidence…</p>`;
    try {
      const full = await Views.api("/api/meetings/" + encodeURIComponent(m.id));
      const reports = full.reports || full.sources || [];
      detail.innerHTML = `<h2 tabindex="-1">${Views.html(m.title)}</h2>`
        + `<p>${Views.html(m.dateText || "")} ${Views.html(m.date || "undated")} · ${Views.html(m.status)}`
        + (m.places.length ? " · " + Views.html(m.places.join(", ")) : "") + `</p>`
        + (m.summary ? `<p>${Views.html(m.summary)}</p>` : "")
        + `<p><b>Participants:</b> ${m.participants.map(p => Views.html(p.name) + (p.side ? " <small>(" + Views.html(p.side) + ")</small>" : "")).join(", ")}</p>`
        + reportsHtml(reports)
        + `<p><a href="/api/meetings/${encodeURIComponent(m.id)}">JSON of this meeting</a></p>`;
      detail.querySelector("h2").focus();
    } catch (e) {
      detail.innerHTML = `<h2>${Views.html(m.title)}</h2><p>Could not load the evidence: ${Views.html(e.message)}</p>`;
    }
  }

  function reportsHtml(reports) {
    if (!Array.isArray(reports)) return "";
    return reports.map(r => {
      const sentences = r.evidence || r.sentences || (r.sentence ? [r.sentence] : []);
      const list = Array.isArray(sentences) ? sentences : [sentences];
      return list.map(s => `<blockquote>${Views.html(typeof s === "string" ? s : s.sentence)}<div class="source">${Views.html(r.source || r.id || (s && s.source) || "")}${r.status ? " · reports it " + Views.html(r.status) : ""}</div></blockquote>`).join("");
    }).join("");
  }

  function openItem(item) {
    detail.hidden = false;
    detail.innerHTML = `<h2 tabindex="-1">${Views.html(item.kind)} · ${Views.html(item.date)}</h2><p>${Views.html(item.text)}</p>`
      + `<p><b>Actors:</b> ${Views.html(item.actors.join(", "))}</p>` + evidenceHtml(item.evidence);
    detail.querySelector("h2").focus();
  }

  async function fillFilters() {
    const q = Views.query();
    for (const k of ["actor", "from", "to"]) if (q[k]) form.elements[k].value = q[k];
    form.elements.track.checked = q.track === "1";
    try {
      const topics = await Views.api("/api/topics?limit=500");
      for (const t of topics.items) {
        const o = document.createElement("option");
        o.value = t.id; o.textContent = t.name;
        form.elements.topic.appendChild(o);
      }
      if (q.topic) form.elements.topic.value = q.topic;
    } catch (e) { /* the topic filter stays at "any" */ }
  }

  document.getElementById("actor").addEventListener("input", async e => {
    const text = e.target.value.trim();
    if (text.length < 2) return;
    try {
      const found = await Views.api("/api/actors?limit=10&q=" + encodeURIComponent(text));
      const list = document.getElementById("actors");
      list.innerHTML = found.items.map(a => `<option value="${Views.html(a.id)}">${Views.html(a.name)}</option>`).join("");
    } catch (err) { /* suggestions are optional */ }
  });
  form.addEventListener("submit", e => { e.preventDefault(); load(); });
  document.getElementById("download").addEventListener("click", () => {
    const svg = chart.querySelector("svg");
    if (svg) Views.downloadSvg(svg, "parley-timeline.svg");
  });
  document.addEventListener("keydown", e => { if (e.key === "Escape") { detail.hidden = true; Views.untip(chart); } });
  window.addEventListener("resize", () => { if (current) draw(current.timeline, current.track); });
  fillFilters().then(load);
})();
