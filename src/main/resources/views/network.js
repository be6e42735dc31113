// The network of one actor: the people it met (and, at depth 2, whom they met) on rings around
// it, coloured by the lane of the side each acts for; a line for each pair who met, thicker for
// more meetings, dashed when every one of them is only planned. Hover or focus shows the
// meetings; a click or Enter on a person re-centres the network on them.
"use strict";

(() => {
  const chart = document.getElementById("chart");
  const status = document.getElementById("status");
  const detail = document.getElementById("detail");
  const depthSelect = document.getElementById("depth");
  const search = document.getElementById("q");
  const results = document.getElementById("results");
  let centre = null;

  async function load(id) {
    centre = id;
    Views.setQuery({ id, depth: depthSelect.value === "1" ? "" : depthSelect.value });
    status.textContent = "Loading…";
    detail.hidden = true;
    try {
      const net = await Views.api(`/api/views/network/${encodeURIComponent(id)}?depth=${depthSelect.value}&limit=120`);
      draw(net);
      const me = net.nodes.find(n => n.id === net.center);
      status.textContent = `${me ? me.name : id}: ${net.nodes.length - 1} people within ${net.depth} step${net.depth > 1 ? "s" : ""}`
        + (net.truncated ? ` (the nearest of ${net.total - 1}; choose someone to see their own)` : "")
        + `, ${net.links.length} pairs who met`;
    } catch (e) {
      status.textContent = "Could not load the network: " + e.message;
    }
  }

  function draw(net) {
    chart.querySelectorAll("svg").forEach(s => s.remove());
    const colours = Views.laneColours(net.lanes);
    const legend = document.getElementById("legend");
    const present = new Set(net.nodes.map(n => n.lane));
    legend.innerHTML = net.lanes.filter(l => present.has(l.id))
      .map(l => `<span><span class="swatch" style="background:${colours[l.id]}"></span>${Views.html(l.name)}</span>`).join("")
      + `<span>— held · - - planned only · thicker: more meetings</span>`;

    const width = Math.max(chart.clientWidth - 2, 900);
    const height = 500;
    const cx = width / 2, cy = height / 2;
    const laneOrder = Object.fromEntries(net.lanes.map((l, i) => [l.id, i]));
    const rings = [[], [], []];
    net.nodes.forEach(n => rings[Math.min(n.hops, 2)].push(n));
    const pos = {};
    const radius = [0, net.depth > 1 ? 120 : 180, 215];
    rings.forEach((ring, hops) => {
      ring.sort((a, b) => (laneOrder[a.lane] - laneOrder[b.lane]) || a.name.localeCompare(b.name));
      ring.forEach((n, i) => {
        // A few people go on the upper half, so that no link between two of them runs through the
        // centre; more go all round.
        const few = ring.length <= 4;
        const step = few ? Math.PI / (ring.length + 1) : (2 * Math.PI) / ring.length;
        const angle = few ? -Math.PI + step * (i + 1) : -Math.PI / 2 + step / 2 + step * i + (hops === 2 ? step / 4 : 0);
        pos[n.id] = hops === 0 ? [cx, cy] : [cx + radius[hops] * 1.9 * Math.cos(angle), cy + radius[hops] * Math.sin(angle)];
      });
    });

    const svg = Views.el("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img",
      "aria-label": "Network of whom " + net.center + " met", "font-family": "system-ui, sans-serif", "font-size": "12" });
    chart.appendChild(svg);
    Views.el("rect", { x: 0, y: 0, width, height, fill: "#fff" }, svg);

    const links = Views.el("g", {}, svg);
    for (const link of net.links) {
      const [a, b] = [pos[link.from], pos[link.to]];
      if (!a || !b) continue;
      const onlyPlanned = link.meetings.every(m => m.status === "planned");
      const g = Views.el("g", { class: "link", "data-from": link.from, "data-to": link.to }, links);
      Views.el("line", { x1: a[0], y1: a[1], x2: b[0], y2: b[1], stroke: "#8a96a3", "stroke-width": Math.min(1.5 + link.meetings.length, 7),
        "stroke-dasharray": onlyPlanned ? "6 4" : null, "stroke-linecap": "round" }, g);
      const names = [link.from, link.to].map(id => (net.nodes.find(n => n.id === id) || { name: id }).name);
      const text = `<b>${Views.html(names[0])} — ${Views.html(names[1])}</b>` + link.meetings.map(m =>
        `<br>${Views.html(m.date || "undated")}${m.datePrecision && m.datePrecision !== "day" ? " (" + Views.html(m.datePrecision) + ")" : ""}`
        + ` · ${Views.html(m.title || m.meeting)}<br><i>${Views.html(m.summary)}</i>`).join("");
      Views.focusable(g, `${names[0]} and ${names[1]}: ${link.meetings.length} meeting${link.meetings.length > 1 ? "s" : ""}`,
        () => openLink(names, link), () => Views.tip(chart, g, text), () => Views.untip(chart));
    }

    const nodes = Views.el("g", {}, svg);
    for (const n of net.nodes) {
      const [x, y] = pos[n.id];
      const g = Views.el("g", { class: "node", "data-node": n.id, "data-lane": n.lane }, nodes);
      Views.el("circle", { cx: x, cy: y, r: n.hops === 0 ? 16 : 11, fill: colours[n.lane] || "#7f8c8d", stroke: "#fff", "stroke-width": "2" }, g);
      const label = Views.el("text", { x, y: y + (n.hops === 0 ? 32 : 25), "text-anchor": "middle", fill: "#1d232b",
        "font-size": n.hops === 0 ? "14" : "12", "font-weight": n.hops === 0 ? "700" : "400", "paint-order": "stroke", stroke: "#fff", "stroke-width": "3" }, g);
      label.textContent = n.name;
      const lane = net.lanes.find(l => l.id === n.lane);
      Views.focusable(g, `${n.name}, ${lane ? lane.name : n.lane}${n.side ? " (" + n.side + ")" : ""}; show their network`,
        () => { if (n.id !== centre) load(n.id); },
        () => Views.tip(chart, g, `<b>${Views.html(n.name)}</b><br>side: ${Views.html(n.side || "not known")} · ${Views.html(lane ? lane.name : n.lane)}`
          + (n.id === centre ? "" : "<br><small>Enter or click: centre on them</small>")),
        () => Views.untip(chart));
    }
  }

  function openLink(names, link) {
    detail.hidden = false;
    detail.innerHTML = `<h2 tabindex="-1">${Views.html(names[0])} and ${Views.html(names[1])}</h2><ul>`
      + link.meetings.map(m => `<li><a href="timeline.html?actor=${encodeURIComponent(link.from)}">${Views.html(m.date || "undated")}</a>`
        + ` ${Views.html(m.title || m.meeting)}: ${Views.html(m.summary)}`
        + ` · <a href="/api/meetings/${encodeURIComponent(m.meeting)}">evidence</a></li>`).join("") + "</ul>";
    detail.querySelector("h2").focus();
  }

  let searchTimer = null;
  search.addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(async () => {
      const text = search.value.trim();
      if (text.length < 2) { results.hidden = true; return; }
      try {
        const found = await Views.api("/api/actors?type=person&limit=10&q=" + encodeURIComponent(text));
        results.innerHTML = found.items.map(a => `<li><button type="button" data-id="${Views.html(a.id)}">${Views.html(a.name)}`
          + `${a.aliases && a.aliases.length ? " <small>(" + Views.html(a.aliases.join(", ")) + ")</small>" : ""}</button></li>`).join("")
          || "<li><button type=\"button\" disabled>nobody by that name</button></li>";
        results.hidden = false;
      } catch (e) { results.hidden = true; }
    }, 150);
  });
  search.addEventListener("keydown", e => {
    if (e.key === "ArrowDown") { const b = results.querySelector("button[data-id]"); if (b) { e.preventDefault(); b.focus(); } }
    if (e.key === "Enter") { e.preventDefault(); const b = results.querySelector("button[data-id]"); if (b) b.click(); }
  });
  results.addEventListener("keydown", e => {
    const items = [...results.querySelectorAll("button[data-id]")];
    const i = items.indexOf(document.activeElement);
    if (e.key === "ArrowDown" && i < items.length - 1) { e.preventDefault(); items[i + 1].focus(); }
    if (e.key === "ArrowUp") { e.preventDefault(); (i > 0 ? items[i - 1] : search).focus(); }
    if (e.key === "Escape") { results.hidden = true; search.focus(); }
  });
  results.addEventListener("click", e => {
    const b = e.target.closest("button[data-id]");
    if (!b) return;
    results.hidden = true;
    search.value = b.textContent;
    load(b.dataset.id);
  });
  depthSelect.addEventListener("change", () => { if (centre) load(centre); });
  document.getElementById("filters").addEventListener("submit", e => e.preventDefault());
  document.getElementById("download").addEventListener("click", () => {
    const svg = chart.querySelector("svg");
    if (svg) Views.downloadSvg(svg, `parley-network-${centre}.svg`);
  });
  document.addEventListener("keydown", e => { if (e.key === "Escape") { detail.hidden = true; Views.untip(chart); results.hidden = true; } });

  const q = Views.query();
  if (q.depth === "2") depthSelect.value = "2";
  if (q.id) load(q.id); else status.textContent = "Find a person to see whom they met.";
})();
