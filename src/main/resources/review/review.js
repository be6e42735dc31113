// The review desk: plain JavaScript over the JSON API the README documents (/api/drafts,
// /api/search). The token is kept for this browser session only (sessionStorage).
'use strict';

const TOKEN_KEY = 'parley-token';
let current = null; // the draft shown, as GET /api/drafts/{id} answers it

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'class') node.className = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function say(text, isError) {
  const box = el('div', {class: isError ? 'error' : ''}, text);
  document.getElementById('message').append(box);
  setTimeout(() => box.remove(), isError ? 12000 : 6000);
}

function token() { return sessionStorage.getItem(TOKEN_KEY) || ''; }

function showTokenState() {
  document.getElementById('token-state').textContent = token() ? 'token set for this session' : 'no token yet';
}

async function api(method, path, body) {
  const headers = {'Accept': 'application/json'};
  if (method !== 'GET') {
    if (!token()) {
      document.getElementById('token').focus();
      throw new Error('Enter the API token first (top right).');
    }
    headers['Authorization'] = 'Bearer ' + token();
  }
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {method, headers, body: body === undefined ? undefined : JSON.stringify(body)});
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const problems = (data && data.problems || []).map(p => p.path + ': ' + p.reason).join('; ');
    const error = new Error((data && data.message || response.statusText) + (problems ? ' — ' + problems : ''));
    error.data = data;
    throw error;
  }
  return data;
}

async function loadList() {
  const list = document.getElementById('draft-list');
  const page = await api('GET', '/api/drafts?limit=500');
  list.replaceChildren(...page.items.map(d => el('li', {},
    el('a', {href: '#' + d.id, 'aria-current': current && current.id === d.id ? 'true' : null},
      d.title,
      el('small', {}, d.source + ' · ' + d.accepted + ' accepted, ' + d.rejected + ' rejected, ' + d.pending + ' pending'
        + (d.publications ? ' · published ' + d.publications + '×' : ''))))));
  if (!page.items.length) list.append(el('li', {class: 'hint'}, 'No draft yet.'));
}

async function openDraft(id) {
  try {
    current = await api('GET', '/api/drafts/' + encodeURIComponent(id));
    render();
    loadList();
  } catch (e) {
    say(e.message, true);
  }
}

function render(focusKey) {
  const d = current;
  const section = document.getElementById('draft');
  const threshold = el('input', {type: 'number', id: 'threshold', min: '0', max: '1', step: '0.05', value: '0.8',
    'aria-label': 'confidence threshold'});
  section.replaceChildren(
    el('div', {class: 'toolbar'},
      el('h2', {}, d.source.title + ' '),
      el('span', {class: 'meta'}, d.source.id + ' · ' + d.source.published + ' · ' + d.origin),
      el('label', {for: 'threshold'}, 'Accept pending items with confidence ≥'), threshold,
      el('button', {type: 'button', id: 'accept-above', onclick: () => acceptAbove(parseFloat(threshold.value))}, 'Accept'),
      el('button', {type: 'button', class: 'primary', id: 'publish', onclick: publish}, 'Publish accepted items'),
      el('span', {class: 'hint'}, 'Keys on a candidate: ', el('kbd', {}, 'a'), ' accept, ', el('kbd', {}, 'r'), ' reject, ',
        el('kbd', {}, 'j'), '/', el('kbd', {}, 'k'), ' next/previous')),
    el('div', {class: 'columns'},
      el('div', {class: 'article', id: 'article', tabindex: '0', 'aria-label': 'article text'}, ...highlighted(d)),
      el('div', {class: 'side'}, preview(d.preview), groups(d))));
  if (focusKey) focusItem(focusKey);
}

/** The article text, each candidate's evidence marked in place. */
function highlighted(d) {
  const cuts = new Set([0, d.text.length]);
  for (const item of d.items) for (const s of item.spans) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i], end = points[i + 1];
    const covering = d.items.filter(item => item.spans.some(s => s.start <= start && s.end >= end));
    const text = d.text.slice(start, end);
    if (!covering.length) { parts.push(text); continue; }
    const states = covering.map(c => c.state);
    const cls = states.includes('accepted') ? 'accepted' : states.every(s => s === 'rejected') ? 'rejected' : '';
    parts.push(el('mark', {class: cls, 'data-keys': covering.map(c => c.key).join(' '),
      title: covering.map(c => c.label + ': ' + c.title).join('\n'),
      onclick: () => focusItem(covering[0].key)}, text));
  }
  return parts;
}

function groups(d) {
  const container = el('div', {class: 'groups'});
  for (const [kind, heading] of [['entity', 'Entities'], ['fact', 'Facts'], ['relationship', 'Relationships']]) {
    const items = d.items.filter(i => i.kind === kind);
    if (!items.length) continue;
    const group = el('section', {class: 'group', 'aria-label': heading}, el('h3', {}, heading + ' (' + items.length + ')'));
    const byLabel = new Map();
    for (const item of items) {
      if (!byLabel.has(item.label)) byLabel.set(item.label, []);
      byLabel.get(item.label).push(item);
    }
    for (const [label, list] of byLabel) {
      group.append(el('h4', {}, label));
      for (const item of list) group.append(candidate(item));
    }
    container.append(group);
  }
  return container;
}

function candidate(item) {
  const confidence = item.confidence === null || item.confidence === undefined ? 'by a person' : 'confidence ' + item.confidence.toFixed(2);
  const node = el('article', {class: 'item ' + item.state, tabindex: '0', 'data-key': item.key,
      'aria-label': item.label + ' ' + item.title + ', ' + item.state},
    el('div', {class: 'head'},
      el('span', {class: 'title'}, item.title + (item.item.properties && item.item.properties.side ? ' (side: ' + item.item.properties.side + ')' : '')),
      el('span', {class: 'meta'}, item.key + ' · ' + confidence + (item.rule ? ' · ' + item.rule : '')),
      el('span', {class: 'state'}, item.state)),
    el('div', {class: 'actions'},
      el('button', {type: 'button', class: 'accept', 'aria-pressed': String(item.state === 'accepted'),
        onclick: () => decide([{key: item.key, state: 'accepted'}], item.key)}, 'Accept'),
      el('button', {type: 'button', class: 'reject', 'aria-pressed': String(item.state === 'rejected'),
        onclick: () => decide([{key: item.key, state: 'rejected'}], item.key)}, 'Reject')),
    item.kind === 'relationship' ? null : linkChoice(item),
    editor(item));
  node.addEventListener('focus', () => markFocus(item.key));
  node.addEventListener('keydown', e => {
    if (e.target !== node) return;
    if (e.key === 'a') { e.preventDefault(); decide([{key: item.key, state: 'accepted'}], item.key); }
    else if (e.key === 'r') { e.preventDefault(); decide([{key: item.key, state: 'rejected'}], item.key); }
    else if (e.key === 'j' || e.key === 'k') { e.preventDefault(); step(item.key, e.key === 'j' ? 1 : -1); }
  });
  return node;
}

function linkChoice(item) {
  const l = item.link;
  const now = l.existing ? 'merges into ' + l.existing.label + ' “' + l.existing.name + '” (' + l.existing.id + ')'
    : 'a new node ' + item.id;
  const search = el('input', {type: 'search', placeholder: 'search the graph', 'aria-label': 'search a node to link ' + item.title});
  const results = el('ul', {class: 'results'});
  const newId = el('input', {placeholder: 'new-node-id', 'aria-label': 'id of a new node for ' + item.title});
  const find = async () => {
    try {
      const answer = await api('GET', '/api/search?q=' + encodeURIComponent(search.value) + '&limit=8');
      results.replaceChildren(...answer.items.filter(h => h.label === item.label).map(h => el('li', {},
        el('button', {type: 'button', onclick: () => decide([{key: item.key, link: {mode: 'existing', id: h.id}}], item.key)},
          'Link to ' + h.label + ' “' + (h.text || h.id) + '” (' + h.id + ')'))));
      if (!results.children.length) results.append(el('li', {class: 'hint'}, 'No ' + item.label + ' found.'));
    } catch (e) { say(e.message, true); }
  };
  search.addEventListener('keydown', e => { if (e.key === 'Enter') { e.preventDefault(); find(); } });
  return el('details', {},
    el('summary', {}, 'Link (' + l.mode + '): ' + now),
    el('div', {},
      el('button', {type: 'button', onclick: () => decide([{key: item.key, link: {mode: 'suggested'}}], item.key)}, 'Use the suggested id'),
      ' ', search, el('button', {type: 'button', onclick: find}, 'Search'), results,
      newId, el('button', {type: 'button', onclick: () => decide([{key: item.key, link: {mode: 'new', id: newId.value.trim()}}], item.key)}, 'Make a new node')));
}

const FIXED = ['id', 'label', 'type', 'from', 'to'];

function editor(item) {
  const editable = Object.fromEntries(Object.entries(item.item).filter(([k]) => !FIXED.includes(k)));
  const area = el('textarea', {rows: String(Math.min(10, 2 + Object.keys(editable).length)), 'aria-label': 'fields of ' + item.title},
    JSON.stringify(editable, null, 1));
  const save = () => {
    let edited;
    try { edited = JSON.parse(area.value); } catch (e) { say('The fields are not valid JSON: ' + e.message, true); return; }
    const fields = {};
    for (const [k, v] of Object.entries(edited)) if (JSON.stringify(v) !== JSON.stringify(editable[k])) fields[k] = v;
    for (const k of Object.keys(editable)) if (!(k in edited)) fields[k] = null;
    if (!Object.keys(fields).length) { say('Nothing changed.'); return; }
    decide([{key: item.key, fields}], item.key);
  };
  return el('details', {}, el('summary', {}, 'Edit fields'), area, el('button', {type: 'button', onclick: save}, 'Save edits'));
}

function preview(p) {
  const box = el('section', {class: 'preview', id: 'preview', 'aria-label': 'what publishing would change'},
    el('h3', {}, 'If you publish now'));
  if (!p.publishable) {
    box.append(el('ul', {class: 'problems'}, p.problems.map(problem => el('li', {}, problem.path + ': ' + problem.reason))));
    return box;
  }
  const c = p.changes.changes;
  const s = c.summary;
  box.append(el('p', {}, s.nodesCreated + ' new nodes, ' + s.nodesMerged + ' merged into existing ones, ' + s.nodesChanged
    + ' changed, ' + s.nodesDeleted + ' deleted; ' + s.relationshipsCreated + ' new relationships, ' + s.relationshipsChanged
    + ' changed, ' + s.relationshipsDeleted + ' deleted; ' + s.evidenceAdded + ' sentences of evidence added, '
    + s.evidenceRemoved + ' taken back.'));
  const nodeLine = n => n.label + ' ' + n.id + (n.name ? ' “' + n.name + '”' : '')
    + n.properties.map(pc => '; ' + pc.property + ': ' + (pc.before ?? '—') + ' → ' + (pc.after ?? '—')).join('');
  const relLine = r => r.from + ' ' + r.type + ' ' + r.to + (r.meeting ? ' (' + r.meeting + ')' : '')
    + r.properties.map(pc => '; ' + pc.property + ': ' + (pc.before ?? '—') + ' → ' + (pc.after ?? '—')).join('')
    + (r.evidenceAdded.length ? '; +' + r.evidenceAdded.length + ' evidence' : '')
    + (r.evidenceRemoved.length ? '; −' + r.evidenceRemoved.length + ' evidence' : '');
  const list = (title, items, line) => items.length
    ? [el('h3', {}, title + ' (' + items.length + ')'), el('ul', {}, items.map(i => el('li', {}, line(i))))] : [];
  box.append(...list('New nodes', c.created, n => n.label + ' ' + n.id + (n.name ? ' “' + n.name + '”' : '')),
    ...list('Merged into existing nodes', c.merged, n => nodeLine(n) + (n.evidenceAdded.length ? '; +' + n.evidenceAdded.length + ' evidence' : '')),
    ...list('Other nodes changed', c.changed, nodeLine),
    ...list('Nodes deleted', c.deleted, nodeLine),
    ...list('New relationships', c.relationshipsCreated, relLine),
    ...list('Relationships changed', c.relationshipsChanged, relLine),
    ...list('Relationships deleted', c.relationshipsDeleted, relLine));
  return box;
}

async function decide(items, focusKey) {
  try {
    current = await api('POST', '/api/drafts/' + current.id + '/review', {items});
    render(focusKey);
    loadList();
  } catch (e) { say(e.message, true); }
}

function acceptAbove(threshold) {
  if (isNaN(threshold)) { say('Give a confidence between 0 and 1.', true); return; }
  const items = current.items
    .filter(i => i.state === 'pending' && (i.confidence === null || i.confidence === undefined || i.confidence >= threshold))
    .map(i => ({key: i.key, state: 'accepted'}));
  if (!items.length) { say('No pending item at or above ' + threshold + '.'); return; }
  decide(items);
}

async function publish() {
  try {
    const result = await api('POST', '/api/drafts/' + current.id + '/publish');
    const s = result.changes.summary;
    say('Published ' + result.source + (result.version ? ' as version ' + result.version : '') + ': ' + s.nodesCreated
      + ' new nodes, ' + s.relationshipsCreated + ' new relationships, ' + s.evidenceAdded + ' sentences of evidence added.');
    document.getElementById('draft').dataset.published = result.source;
    await openDraft(current.id);
  } catch (e) { say(e.message, true); }
}

function focusItem(key) {
  const node = document.querySelector('.item[data-key="' + CSS.escape(key) + '"]');
  if (node) { node.focus(); node.scrollIntoView({block: 'nearest'}); }
}

function markFocus(key) {
  for (const mark of document.querySelectorAll('#article mark')) {
    const on = mark.dataset.keys.split(' ').includes(key);
    mark.classList.toggle('focus', on);
    if (on && mark === document.querySelector('#article mark.focus')) mark.scrollIntoView({block: 'nearest'});
  }
}

function step(key, by) {
  const all = [...document.querySelectorAll('.item')];
  const i = all.findIndex(n => n.dataset.key === key);
  const next = all[i + by];
  if (next) { next.focus(); next.scrollIntoView({block: 'nearest'}); }
}

async function createDraft(event) {
  event.preventDefault();
  const text = document.getElementById('nd-text').value;
  let body;
  if (text.trim().startsWith('{')) {
    try { body = JSON.parse(text); } catch (e) { say('The document is not valid JSON: ' + e.message, true); return; }
  } else {
    const source = {title: document.getElementById('nd-title').value, published: document.getElementById('nd-published').value};
    const id = document.getElementById('nd-id').value.trim();
    if (id) source.id = id;
    body = {source, text};
  }
  try {
    const draft = await api('POST', '/api/drafts', body);
    location.hash = draft.id;
  } catch (e) { say(e.message, true); }
}

document.getElementById('token-form').addEventListener('submit', e => {
  e.preventDefault();
  const input = document.getElementById('token');
  sessionStorage.setItem(TOKEN_KEY, input.value.trim());
  input.value = '';
  showTokenState();
});
document.getElementById('new-draft-form').addEventListener('submit', createDraft);
window.addEventListener('hashchange', () => location.hash.length > 1 && openDraft(location.hash.slice(1)));
showTokenState();
loadList().catch(e => say(e.message, true));
if (location.hash.length > 1) openDraft(location.hash.slice(1));
