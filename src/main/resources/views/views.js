// Shared by the timeline and network pages: the JSON API, the tooltip, the lanes' colours and
// the SVG download. Plain browser JavaScript, no build step, no outside hosts.
"use strict";

const Views = (() => {
  const SVG = "http://www.w3.org/2000/svg";

  /** Colours of the lanes (configured lane ids first, any other lane falls back to grey). */
  const PALETTE = ["#1f5fa8", "#c0392b", "#d4a017", "#2e8b57", "#7d3c98", "#16838a", "#a0522d"];
  function laneColours(lanes) {
    const colours = {};
    lanes.forEach((lane, i) => { colours[lane.id] = lane.id === "others" ? "#7f8c8d" : PALETTE[i % PALETTE.length]; });
    return colours;
  }

  async function api(path) {
    const response = await fetch(path, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      throw new Error(body.message || ("The service answered " + response.status));
    }
    return body;
  }

  function el(name, attrs = {}, parent = null) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) {
      if (v !== null && v !== undefined) node.setAttribute(k, v);
    }
    if (parent) parent.appendChild(node);
    return node;
  }

  function html(text) {
    return String(text ?? "").replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  }

  /** Shows the tooltip next to an SVG element (on hover and on keyboard focus alike). */
  function tip(container, target, content) {
    const box = container.querySelector("#tip");
    box.innerHTML = content;
    box.hidden = false;
    const c = container.getBoundingClientRect();
    const t = target.getBoundingClientRect();
    let left = t.right - c.left + container.scrollLeft + 8;
    if (left + 380 > container.scrollLeft + c.width) left = Math.max(0, t.left - c.left + container.scrollLeft - 388);
    box.style.left = left + "px";
    box.style.top = Math.max(0, t.top - c.top) + "px";
  }

  function untip(container) {
    container.querySelector("#tip").hidden = true;
  }

  /** Makes an SVG element behave like a button: focusable, Enter and Space activate it. */
  function focusable(node, label, activate, onFocus, onBlur) {
    node.setAttribute("tabindex", "0");
    node.setAttribute("role", "button");
    node.setAttribute("aria-label", label);
    node.addEventListener("click", activate);
    node.addEventListener("keydown", e => {
      if (e.key === "Enter" || e.key === " ") { e.preventDefault(); activate(); }
    });
    node.addEventListener("mouseenter", onFocus);
    node.addEventListener("focus", onFocus);
    node.addEventListener("mouseleave", onBlur);
    node.addEventListener("blur", onBlur);
  }

  /** Downloads an SVG element as a standalone file (its styles are attributes or inside it). */
  function downloadSvg(svg, fileName) {
    const copy = svg.cloneNode(true);
    copy.setAttribute("xmlns", SVG);
    copy.querySelectorAll("[tabindex]").forEach(n => { n.removeAttribute("tabindex"); n.removeAttribute("role"); });
    const text = '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(copy);
    const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /** The query string of the page, as an object. */
  function query() {
    return Object.fromEntries(new URLSearchParams(location.search).entries());
  }

  function setQuery(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    history.replaceState(null, "", location.pathname + (q.toString() ? "?" + q : ""));
  }

  return { SVG, api, el, html, tip, untip, focusable, downloadSvg, laneColours, query, setQuery };
})();
