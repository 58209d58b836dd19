// report.html's network view. Compiled into entente with report.css, sigma.js
// and graphology (export/CMakeLists.txt) and written into every report.html
// by export/src/report.cpp, after the graph as JSON (<script
// id="entente-data">; its fields: export/src/report_data.hpp).
//
// What it builds inside <div id="view">:
//   controls: search by name (labels and other names, accents and case
//     ignored), filters by entity type, relation, country and date range,
//     "places without edges" (hidden at first) and "only entities with
//     edges shown";
//   the drawing: a graphology graph drawn by sigma.js (WebGL) at the
//     positions the JSON gives (ForceAtlas2, computed when the page was
//     written), nodes coloured by type and sized by degree;
//   a panel: a clicked node's names, type, country, Wikidata link, IRI, roles,
//     relations and documents; a clicked edge's ends, documents and the
//     sentences it was read from;
// and, inside <div id="timeline">, the dated agreements on a time axis
// (click one to select it; drag across the axis to set the date range).
//
// Text from the graph only ever goes into the page as text nodes
// (document.createTextNode, textContent), never as markup, and names sit in
// <bdi> so that right-to-left marks in them cannot reorder what surrounds
// them. window.ententeReport tells scripts (the browser test) when the
// drawing is ready and how long it took.
(function () {
  'use strict';

  const state = (window.ententeReport = { ready: false, error: null, timings: {} });
  const view = document.getElementById('view');
  const timelineBox = document.getElementById('timeline');

  function fail(message) {
    state.error = message;
    const note = document.getElementById('view-note');
    if (note) note.textContent = message;
  }

  // ---- Data -------------------------------------------------------------------

  let data;
  try {
    data = JSON.parse(document.getElementById('entente-data').textContent);
  } catch (e) {
    fail('The graph data of this page could not be read: ' + e);
    return;
  }
  state.timings.parsed = performance.now();
  if (typeof graphology === 'undefined' || typeof Sigma === 'undefined') {
    fail('The drawing library is missing from this page; the tables below still hold the agreements.');
    return;
  }

  const nodes = data.nodes;
  const edges = data.edges;
  const N = nodes.length;
  const E = edges.length;
  const typeNames = data.types.map((t) => t.name);
  const typeColor = data.types.map((t) => t.color);
  const T = Object.fromEntries(typeNames.map((name, i) => [name, i]));
  const relations = data.relations;

  const degree = new Int32Array(N);
  const incident = Array.from({ length: N }, () => []);
  edges.forEach((e, k) => {
    degree[e.s] += 1;
    degree[e.o] += 1;
    incident[e.s].push(k);
    if (e.o !== e.s) incident[e.o].push(k);
  });
  let maxDegree = 1;
  for (let i = 0; i < N; ++i) maxDegree = Math.max(maxDegree, degree[i]);

  // Countries: names from the country nodes; each node's countries: its own,
  // those its `country` edges point to, and for an agreement its parties'.
  const countryName = {};
  nodes.forEach((n) => {
    if (n.t === T.Country && n.c) countryName[n.c] = n.l;
  });
  const countriesOf = nodes.map((n) => (n.c ? [n.c] : []));
  const addCountries = (i, cs) => cs.forEach((c) => countriesOf[i].includes(c) || countriesOf[i].push(c));
  edges.forEach((e) => {
    if (relations[e.p] === 'country' && nodes[e.o].t === T.Country) addCountries(e.s, countriesOf[e.o]);
  });
  edges.forEach((e) => {
    if (nodes[e.s].t === T.Agreement && relations[e.p] === 'party') addCountries(e.s, countriesOf[e.o]);
  });

  // Dates: "2024-10-15", "2024-10" and "2024" are intervals of days; a date
  // without its year ("--10-15") or not a date counts as undated.
  function interval(date, end) {
    const lo = dayRange(date);
    if (!lo) return null;
    const hi = end ? dayRange(end) : null;
    return [lo[0], hi ? hi[1] : lo[1]];
  }
  function dayRange(date) {
    if (!date) return null;
    let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (m) return [date, date];
    m = /^(\d{4})-(\d{2})$/.exec(date);
    if (m) return [date + '-01', date + '-31'];
    m = /^(\d{4})$/.exec(date);
    if (m) return [date + '-01-01', date + '-12-31'];
    return null;
  }
  const nodeInterval = nodes.map((n) => (n.t === T.Agreement ? interval(n.date, n.end) : null));
  const edgeInterval = edges.map((e) => interval(e.date));

  // ---- Small DOM helpers -------------------------------------------------------

  /// An element with attributes and children (strings become text nodes).
  function el(tag, attrs, ...children) {
    const x = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === undefined || v === null || v === false) continue;
        if (k === 'class') x.className = v;
        else if (k.startsWith('on')) x.addEventListener(k.slice(2), v);
        else x.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children.flat()) {
      if (c === undefined || c === null || c === false) continue;
      x.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    }
    return x;
  }
  const chip = (t) => el('span', { class: 'chip', style: 'background:' + typeColor[t] });
  const bdi = (text) => el('bdi', null, text);
  const fmt = (x) => x.toLocaleString('en');
  const fold = (s) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();

  // ---- The layout of the view ----------------------------------------------------

  view.textContent = '';
  view.className = 'view';
  const controls = el('aside', { class: 'controls', 'aria-label': 'Search and filters' });
  const stage = el('div', { class: 'stage' });
  const container = el('div', { class: 'graph', id: 'graph' });
  const status = el('div', { class: 'status', id: 'status' });
  const panel = el('aside', { class: 'panel', id: 'panel', 'aria-live': 'polite' });
  const zoom = el('div', { class: 'zoom' });
  stage.append(container, status, zoom);
  view.append(controls, stage, panel);

  // Search.
  const search = el('input', {
    type: 'search',
    id: 'search',
    placeholder: 'A name (' + fmt(N) + ' entities)',
    autocomplete: 'off',
    'aria-label': 'Search by name',
  });
  const results = el('ul', { class: 'results', id: 'results', role: 'listbox' });
  controls.append(el('div', { class: 'label' }, 'Search'), search, results);

  // Filters.
  const typeCount = new Array(typeNames.length).fill(0);
  nodes.forEach((n) => (typeCount[n.t] += 1));
  const typeBoxes = typeNames.map((name, t) =>
    el('input', { type: 'checkbox', checked: true, 'data-type': name, onchange: refilter })
  );
  controls.append(
    el(
      'fieldset',
      { id: 'filter-types' },
      el('legend', null, 'Entity types'),
      typeNames.map((name, t) =>
        el('label', { class: 'check' }, typeBoxes[t], chip(t), name, el('span', { class: 'count' }, fmt(typeCount[t])))
      )
    )
  );
  const relationCount = new Array(relations.length).fill(0);
  edges.forEach((e) => (relationCount[e.p] += 1));
  const relationBoxes = relations.map((name) =>
    el('input', { type: 'checkbox', checked: true, 'data-relation': name, onchange: refilter })
  );
  controls.append(
    el(
      'fieldset',
      { id: 'filter-relations' },
      el('legend', null, 'Relations'),
      relations.map((name, p) =>
        el('label', { class: 'check' }, relationBoxes[p], name, el('span', { class: 'count' }, fmt(relationCount[p])))
      )
    )
  );
  const countryCount = {};
  countriesOf.forEach((cs) => cs.forEach((c) => (countryCount[c] = (countryCount[c] || 0) + 1)));
  const countryCodes = Object.keys(countryCount).sort((a, b) =>
    (countryName[a] || a).localeCompare(countryName[b] || b, 'fr')
  );
  const country = el(
    'select',
    { id: 'filter-country', onchange: refilter, 'aria-label': 'Country' },
    el('option', { value: '' }, 'All countries'),
    countryCodes.map((c) => el('option', { value: c }, (countryName[c] || c) + ' (' + fmt(countryCount[c]) + ')'))
  );
  controls.append(el('fieldset', null, el('legend', null, 'Country'), country));
  const from = el('input', { type: 'date', id: 'filter-from', onchange: refilter, 'aria-label': 'From' });
  const to = el('input', { type: 'date', id: 'filter-to', onchange: refilter, 'aria-label': 'To' });
  const undated = el('input', { type: 'checkbox', id: 'filter-undated', checked: true, onchange: refilter });
  controls.append(
    el(
      'fieldset',
      null,
      el('legend', null, 'Dates of agreements'),
      el('div', { class: 'dates' }, el('span', null, 'from'), from, el('span', null, 'to'), to),
      el('label', { class: 'check' }, undated, 'keep undated ones')
    )
  );
  // Entities without edges (places named in passing, mostly) are hidden until asked for.
  const alone = nodes.reduce((k, n) => k + (n.h ? 1 : 0), 0);
  const aloneByType = typeNames
    .map((name, t) => [name, nodes.reduce((k, n) => k + (n.h && n.t === t ? 1 : 0), 0)])
    .filter(([, k]) => k > 0)
    .map(([name, k]) => fmt(k) + ' ' + name)
    .join(', ');
  const showAlone = el('input', { type: 'checkbox', id: 'filter-isolated', onchange: refilter });
  const onlyLinked = el('input', { type: 'checkbox', id: 'filter-linked', onchange: refilter });
  controls.append(
    el(
      'fieldset',
      null,
      el('legend', null, 'Show'),
      el(
        'label',
        { class: 'check', title: aloneByType || null },
        showAlone,
        'entities without edges',
        el('span', { class: 'count' }, fmt(alone))
      ),
      el('label', { class: 'check' }, onlyLinked, 'only entities with edges shown')
    )
  );
  const shown = el('p', { class: 'shown', id: 'shown' });
  controls.append(el('button', { type: 'button', id: 'reset', onclick: resetAll }, 'Reset'), shown);

  // ---- The graph and its drawing -------------------------------------------------

  const big = N > 3000;
  const minSize = N > 5000 ? 2 : N > 500 ? 3 : 5;
  const maxSize = N > 5000 ? 16 : 22;
  const graph = new graphology.MultiDirectedGraph();
  const nodeAttributes = (n, i) => ({
    x: n.x,
    y: n.y,
    label: n.l,
    color: typeColor[n.t],
    size: minSize + (maxSize - minSize) * Math.sqrt(degree[i] / maxDegree),
  });
  nodes.forEach((n, i) => {
    if (!n.h) graph.addNode(String(i), nodeAttributes(n, i));
  });
  let inGraphAlone = false;
  function addAlone() {
    nodes.forEach((n, i) => n.h && !graph.hasNode(String(i)) && graph.addNode(String(i), nodeAttributes(n, i)));
  }
  edges.forEach((e, k) => {
    graph.addDirectedEdgeWithKey(String(k), String(e.s), String(e.o), {
      size: Math.min(4, 1 + Math.log(e.w || 1) / 2),
      color: '#c5cbd3',
    });
  });

  const visibleNode = new Uint8Array(N);
  const visibleEdge = new Uint8Array(E);
  let selection = null; // {nodes: Set, edges: Set, node?: i, edge?: k}
  let pinned = -1; // a node shown whatever the filters, because it was looked for

  const dim = '#e4e7eb';
  function nodeReducer(key, attrs) {
    const i = +key;
    if (!visibleNode[i] && i !== pinned) return { ...attrs, hidden: true };
    if (!selection) return attrs;
    if (selection.nodes.has(i)) {
      return { ...attrs, forceLabel: true, highlighted: selection.node === i, zIndex: 2 };
    }
    return { ...attrs, color: dim, label: null, zIndex: 0 };
  }
  function edgeReducer(key, attrs) {
    const k = +key;
    const e = edges[k];
    const endsShown = (visibleNode[e.s] || e.s === pinned) && (visibleNode[e.o] || e.o === pinned);
    if (!visibleEdge[k] || !endsShown) return { ...attrs, hidden: true };
    if (!selection) return attrs;
    if (selection.edges.has(k)) {
      return { ...attrs, color: selection.edge === k ? '#1f2933' : '#7b8794', size: attrs.size + 1.5, zIndex: 1 };
    }
    return { ...attrs, color: '#f0f2f4', zIndex: 0 };
  }

  state.timings.graph = performance.now();
  let renderer = null;
  applyFilters(); // before sigma draws for the first time
  try {
    renderer = new Sigma.Sigma(graph, container, {
      renderEdgeLabels: false,
      enableEdgeEvents: true,
      zIndex: true,
      labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif',
      labelSize: 13,
      labelWeight: '500',
      labelDensity: big ? 0.5 : 1,
      labelGridCellSize: big ? 120 : 80,
      labelRenderedSizeThreshold: big ? 7 : minSize,
      hideEdgesOnMove: big,
      minCameraRatio: 0.01,
      maxCameraRatio: 4,
      nodeReducer,
      edgeReducer,
    });
  } catch (e) {
    view.className = 'view plain';
    view.textContent = '';
    view.append(el('p', { class: 'note', id: 'view-note' }));
    fail('The network view could not start (' + e + '): this browser may lack WebGL. The tables below still hold the agreements.');
    return;
  }
  state.timings.sigma = performance.now();
  const camera = renderer.getCamera();
  zoom.append(
    el('button', { type: 'button', title: 'Zoom in', onclick: () => camera.animatedZoom({ duration: 250 }) }, '+'),
    el('button', { type: 'button', title: 'Zoom out', onclick: () => camera.animatedUnzoom({ duration: 250 }) }, '−'),
    el('button', { type: 'button', title: 'See everything', onclick: () => camera.animatedReset({ duration: 250 }) }, '⤢')
  );

  // ---- Filters ---------------------------------------------------------------------

  function inRange(range) {
    const a = from.value;
    const b = to.value;
    if (!a && !b) return true;
    if (!range) return undated.checked;
    return (!a || range[1] >= a) && (!b || range[0] <= b);
  }

  function applyFilters() {
    const types = typeBoxes.map((b) => b.checked);
    const rels = relationBoxes.map((b) => b.checked);
    const c = country.value;
    for (let i = 0; i < N; ++i) {
      const n = nodes[i];
      visibleNode[i] =
        types[n.t] &&
        (!n.h || showAlone.checked) &&
        (!c || countriesOf[i].includes(c)) &&
        (n.t !== T.Agreement || inRange(nodeInterval[i]))
          ? 1
          : 0;
    }
    for (let k = 0; k < E; ++k) {
      const e = edges[k];
      visibleEdge[k] = rels[e.p] && visibleNode[e.s] && visibleNode[e.o] && (!e.date || inRange(edgeInterval[k])) ? 1 : 0;
    }
    if (onlyLinked.checked) {
      const linked = new Uint8Array(N);
      for (let k = 0; k < E; ++k) {
        if (visibleEdge[k]) linked[edges[k].s] = linked[edges[k].o] = 1;
      }
      for (let i = 0; i < N; ++i) visibleNode[i] &= linked[i];
    }
    let vn = 0;
    let ve = 0;
    for (let i = 0; i < N; ++i) vn += visibleNode[i];
    for (let k = 0; k < E; ++k) ve += visibleEdge[k];
    shown.textContent = 'Showing ' + fmt(vn) + ' of ' + fmt(N) + ' nodes and ' + fmt(ve) + ' of ' + fmt(E) + ' edges.';
    status.textContent = fmt(vn) + ' nodes, ' + fmt(ve) + ' edges shown';
    state.shown = { nodes: vn, edges: ve };
    // Entities without edges are in the graph only while they are asked for,
    // so that the drawing is framed on the others (sigma frames every node).
    if (renderer && inGraphAlone !== showAlone.checked) {
      inGraphAlone = showAlone.checked;
      if (inGraphAlone) addAlone();
      else nodes.forEach((n, i) => n.h && i !== pinned && graph.dropNode(String(i)));
    }
  }

  function refilter() {
    applyFilters();
    if (selection && selection.node !== undefined) selectNode(selection.node, { keepCamera: true, keepPin: true });
    else if (selection && selection.edge !== undefined) selectEdge(selection.edge);
    else renderer.refresh();
    drawTimeline();
  }

  function resetAll() {
    typeBoxes.forEach((b) => (b.checked = true));
    relationBoxes.forEach((b) => (b.checked = true));
    country.value = '';
    from.value = '';
    to.value = '';
    undated.checked = true;
    showAlone.checked = false;
    onlyLinked.checked = false;
    search.value = '';
    results.textContent = '';
    pin(-1);
    clearSelection();
    applyFilters();
    renderer.refresh();
    drawTimeline();
    camera.animatedReset({ duration: 300 });
  }

  // ---- Selection and the panel --------------------------------------------------

  function intro() {
    panel.textContent = '';
    panel.append(
      el('h4', null, 'Details'),
      el('p', { class: 'muted' }, 'Click a node for its names, roles and documents, or an edge for the sentences it was read from.'),
      el('h4', null, 'Colours'),
      el('ul', null, typeNames.map((name, t) => el('li', null, chip(t), name))),
      el('p', { class: 'muted' }, 'Node size grows with the number of relations.')
    );
  }

  function clearSelection() {
    selection = null;
    intro();
    renderer.refresh();
    drawTimeline();
  }

  function closeButton() {
    return el(
      'button',
      { type: 'button', class: 'close', id: 'panel-close', title: 'Close (Esc)', onclick: () => (pin(-1), clearSelection()) },
      '×'
    );
  }

  function nodeLink(i) {
    return el(
      'a',
      { class: 'node', href: '#', onclick: (ev) => (ev.preventDefault(), selectNode(i, { pin: true })) },
      chip(nodes[i].t),
      bdi(nodes[i].l)
    );
  }

  function docItem(d) {
    const doc = data.documents[d];
    if (!doc) return el('li', null, '#' + d);
    return el('li', null, el('code', null, doc.id), doc.title ? [' — ', bdi(doc.title)] : null);
  }

  /// A list that shows its first `limit` items and a button for the rest.
  function longList(items, limit, render) {
    const list = el('ul');
    items.slice(0, limit).forEach((x) => list.append(render(x)));
    if (items.length <= limit) return list;
    const more = el(
      'button',
      {
        type: 'button',
        onclick: () => {
          items.slice(limit).forEach((x) => list.append(render(x)));
          more.remove();
        },
      },
      'Show all ' + fmt(items.length)
    );
    return el('div', null, list, more);
  }

  /// Sets the node shown whatever the filters (-1: none); one without edges
  /// joins the graph while it is pinned.
  function pin(i) {
    const old = pinned;
    pinned = i;
    if (old >= 0 && old !== i && nodes[old].h && !showAlone.checked) graph.dropNode(String(old));
    if (i >= 0 && !graph.hasNode(String(i))) graph.addNode(String(i), nodeAttributes(nodes[i], i));
  }

  function selectNode(i, options = {}) {
    if (options.pin) pin(i);
    else if (!options.keepPin) pin(-1);
    const n = nodes[i];
    const near = new Set([i]);
    const ks = new Set();
    for (const k of incident[i]) {
      const e = edges[k];
      if (!visibleEdge[k]) continue;
      ks.add(k);
      near.add(e.s);
      near.add(e.o);
    }
    selection = { nodes: near, edges: ks, node: i };

    panel.textContent = '';
    panel.append(closeButton(), el('h3', { id: 'panel-title' }, chip(n.t), bdi(n.l)));
    if (!visibleNode[i]) panel.append(el('p', { class: 'hidden-note' }, 'Hidden by the current filters; shown because it was looked for.'));
    const kv = el('dl', { class: 'kv' });
    const row = (k, ...v) => kv.append(el('dt', null, k), el('dd', null, ...v));
    row('Type', typeNames[n.t] + (n.k && fold(n.k) !== fold(n.l) ? ' (' + n.k + ')' : ''));
    if (n.date) row('Date', n.date + (n.end ? ' – ' + n.end : ''));
    if (countriesOf[i].length && n.t !== T.Country) {
      row('Country', countriesOf[i].map((c) => (countryName[c] || c) + ' (' + c + ')').join(', '));
    }
    if (n.q) {
      row('Wikidata', el('a', { href: 'https://www.wikidata.org/wiki/' + encodeURIComponent(n.q), target: '_blank', rel: 'noopener', id: 'panel-wikidata' }, n.q));
    }
    row('Relations', fmt(degree[i]));
    row('IRI', el('code', null, data.base + n.i));
    panel.append(kv);
    if (n.a && n.a.length) {
      panel.append(el('h4', null, 'Also named'), el('ul', { id: 'panel-labels' }, n.a.map((a) => el('li', null, bdi(a)))));
    }
    if (n.r && n.r.length) panel.append(el('h4', null, 'Roles'), el('ul', null, n.r.map((r) => el('li', null, bdi(r)))));
    if (incident[i].length) {
      const items = incident[i].slice().sort((a, b) => {
        const ea = edges[a];
        const eb = edges[b];
        return ea.p - eb.p || nodes[ea.s === i ? ea.o : ea.s].l.localeCompare(nodes[eb.s === i ? eb.o : eb.s].l, 'fr');
      });
      panel.append(
        el('h4', null, 'Relations (' + fmt(items.length) + ')'),
        longList(items, 60, (k) => {
          const e = edges[k];
          const out = e.s === i;
          return el(
            'li',
            null,
            el('a', { href: '#', title: 'Show this edge and its sentences', onclick: (ev) => (ev.preventDefault(), selectEdge(k)) }, (out ? '→ ' : '← ') + relations[e.p]),
            ' ',
            nodeLink(out ? e.o : e.s)
          );
        })
      );
    }
    const docs = n.d || [];
    panel.append(el('h4', null, 'Documents (' + fmt(docs.length) + ')'), el('div', { id: 'panel-documents' }, longList(docs, 30, docItem)));
    panel.scrollTop = 0;

    renderer.refresh();
    if (!options.keepCamera) {
      const d = renderer.getNodeDisplayData(String(i));
      // Small graphs are read whole: the camera only centres the node; large ones zoom in on it.
      const ratio = N < 300 ? camera.ratio : Math.min(camera.ratio, big ? 0.12 : 0.4);
      if (d) camera.animate({ x: d.x, y: d.y, ratio }, { duration: 400 });
    }
    drawTimeline();
    state.selected = { node: i, label: n.l };
  }

  function selectEdge(k) {
    const e = edges[k];
    selection = { nodes: new Set([e.s, e.o]), edges: new Set([k]), edge: k };
    panel.textContent = '';
    panel.append(closeButton(), el('h3', { id: 'panel-title' }, relations[e.p]));
    panel.append(el('p', null, nodeLink(e.s), ' → ', nodeLink(e.o)));
    const kv = el('dl', { class: 'kv' });
    kv.append(el('dt', null, 'Reported by'), el('dd', null, fmt(e.w) + (e.w === 1 ? ' document' : ' documents')));
    if (e.date) kv.append(el('dt', null, 'Date'), el('dd', null, e.date));
    panel.append(kv);
    const said = e.e || [];
    const box = el('div', { id: 'panel-sentences' });
    panel.append(el('h4', null, 'Sentences'), box);
    if (!data.evidence) {
      box.append(el('p', { class: 'muted' }, 'The sentences were not kept in this report (the graph was built with --no-evidence).'));
    } else if (!said.length) {
      box.append(el('p', { class: 'muted' }, 'No sentence is known for this edge.'));
    }
    for (const [s, d] of said) {
      const doc = data.documents[d];
      box.append(el('blockquote', null, el('bdi', null, data.sentences[s]), el('cite', { title: doc && doc.title ? doc.title : null }, doc ? doc.id : '#' + d)));
    }
    if (e.n && e.n > said.length) {
      box.append(
        el('p', { class: 'muted' }, 'Showing ' + fmt(said.length) + ' of ' + fmt(e.n) + ' sentences: this page keeps at most ' + data.perEdge + ' per edge; evidence.ttl has them all.')
      );
    }
    panel.append(el('h4', null, 'Documents (' + fmt((e.d || []).length) + ')'), longList(e.d || [], 30, docItem));
    panel.scrollTop = 0;
    renderer.refresh();
    drawTimeline();
    state.selected = { edge: k };
  }

  renderer.on('clickNode', ({ node }) => selectNode(+node, { keepCamera: true, keepPin: +node === pinned }));
  renderer.on('clickEdge', ({ edge }) => selectEdge(+edge));
  renderer.on('clickStage', () => {
    if (selection) {
      pin(-1);
      clearSelection();
    }
  });
  view.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && selection && ev.target !== search) {
      pin(-1);
      clearSelection();
    }
  });
  renderer.on('enterNode', () => (container.style.cursor = 'pointer'));
  renderer.on('leaveNode', () => (container.style.cursor = ''));
  renderer.on('enterEdge', () => (container.style.cursor = 'pointer'));
  renderer.on('leaveEdge', () => (container.style.cursor = ''));

  // ---- Search ----------------------------------------------------------------------

  const folded = nodes.map((n) => fold([n.l].concat(n.a || []).join('\n')));
  const foldedLabel = nodes.map((n) => fold(n.l));
  let hits = [];
  let active = 0;
  function find(query) {
    const q = fold(query.trim());
    if (!q) return [];
    const found = [];
    for (let i = 0; i < N; ++i) {
      const at = folded[i].indexOf(q);
      if (at < 0) continue;
      const rank = foldedLabel[i].startsWith(q) ? 0 : at === 0 || /[\s\n'’\-(]/.test(folded[i][at - 1]) ? 1 : 2;
      found.push([rank, -degree[i], i]);
    }
    found.sort((a, b) => a[0] - b[0] || a[1] - b[1] || nodes[a[2]].l.localeCompare(nodes[b[2]].l, 'fr'));
    return found.slice(0, 20).map((f) => f[2]);
  }
  function showResults() {
    results.textContent = '';
    hits.forEach((i, r) =>
      results.append(
        el(
          'li',
          { role: 'option', class: r === active ? 'active' : null, onmousedown: (ev) => (ev.preventDefault(), choose(i)) },
          chip(nodes[i].t),
          bdi(nodes[i].l),
          el('small', null, typeNames[nodes[i].t] + (visibleNode[i] ? '' : ', hidden'))
        )
      )
    );
    if (search.value.trim() && !hits.length) results.append(el('li', { class: 'muted' }, 'No entity has this name.'));
  }
  function choose(i) {
    results.textContent = '';
    search.value = nodes[i].l;
    selectNode(i, { pin: true });
  }
  let searchTimer = 0;
  search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      hits = find(search.value);
      active = 0;
      showResults();
    }, N > 5000 ? 120 : 0);
  });
  search.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (!hits.length) return;
      active = (active + (ev.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      showResults();
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      clearTimeout(searchTimer);
      hits = find(search.value);
      if (hits.length) choose(hits[Math.min(active, hits.length - 1)]);
      else showResults();
    } else if (ev.key === 'Escape') {
      results.textContent = '';
    }
  });

  // ---- The timeline of agreements -------------------------------------------------

  const SVG = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, ...children) {
    const x = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) x.setAttribute(k, String(v));
    for (const c of children) x.append(typeof c === 'string' ? document.createTextNode(c) : c);
    return x;
  }
  /// A day as a fractional year.
  function yearOf(day) {
    const [y, m, d] = day.split('-').map(Number);
    return y + (m - 1) / 12 + (Math.min(d, 28) - 1) / 365;
  }
  function dayOf(year) {
    const y = Math.floor(year);
    const rest = year - y;
    const m = Math.min(12, Math.floor(rest * 12) + 1);
    const d = Math.min(28, Math.max(1, Math.round((rest - (m - 1) / 12) * 365) + 1));
    return String(y).padStart(4, '0') + '-' + String(m).padStart(2, '0') + '-' + String(d).padStart(2, '0');
  }
  const dated = [];
  let undatedAgreements = 0;
  nodes.forEach((n, i) => {
    if (n.t !== T.Agreement) return;
    const r = nodeInterval[i];
    if (!r) ++undatedAgreements;
    else dated.push({ i, at: (yearOf(r[0]) + yearOf(r[1])) / 2 });
  });
  dated.sort((a, b) => a.at - b.at || a.i - b.i);

  let brush = null;
  function drawTimeline() {
    if (!timelineBox) return;
    timelineBox.textContent = '';
    if (!dated.length) {
      timelineBox.append(el('p', null, undatedAgreements ? 'No agreement has a date with its year.' : 'No agreement was found.'));
      return;
    }
    const width = Math.max(320, timelineBox.clientWidth - 16);
    let y0 = Math.floor(dated[0].at);
    let y1 = Math.floor(dated[dated.length - 1].at) + 1;
    if (y1 - y0 < 2) {
      y0 -= 1;
      y1 += 1;
    }
    const left = 12;
    const right = width - 12;
    const x = (year) => left + ((year - y0) / (y1 - y0)) * (right - left);
    const r = dated.length > 400 ? 3.5 : 5.5;
    const rows = [];
    const placed = dated.map((a) => {
      const px = x(a.at);
      let row = 0;
      while (rows[row] !== undefined && rows[row] > px - 2 * r - 1) ++row;
      rows[row] = px;
      return { ...a, px, row };
    });
    const maxRows = Math.min(rows.length, 14);
    const axisY = 10 + maxRows * (2 * r + 2) + 6;
    const height = axisY + 22;
    const s = svg('svg', { width, height, viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': 'Agreements by date' });
    // The date range, shaded.
    if (from.value || to.value) {
      const a = from.value ? Math.max(left, x(yearOf(from.value))) : left;
      const b = to.value ? Math.min(right, x(yearOf(to.value))) : right;
      if (b > a) s.append(svg('rect', { class: 'range', x: a, y: 0, width: b - a, height: axisY }));
    }
    const axis = svg('g', { class: 'axis' }, svg('line', { x1: left, x2: right, y1: axisY, y2: axisY }));
    const span = y1 - y0;
    const step = span <= 12 ? 1 : span <= 30 ? 2 : span <= 60 ? 5 : span <= 150 ? 10 : 25;
    for (let y = Math.ceil(y0 / step) * step; y <= y1; y += step) {
      axis.append(svg('line', { x1: x(y), x2: x(y), y1: axisY, y2: axisY + 4 }));
      axis.append(svg('text', { x: x(y), y: axisY + 16, 'text-anchor': 'middle' }, String(y)));
    }
    s.append(axis);
    for (const a of placed) {
      const n = nodes[a.i];
      const row = Math.min(a.row, maxRows - 1);
      const cls = [visibleNode[a.i] ? '' : 'out', selection && selection.nodes.has(a.i) ? 'selected' : ''].join(' ').trim();
      const c = svg(
        'circle',
        { cx: a.px, cy: axisY - 6 - r - row * (2 * r + 2), r, fill: typeColor[T.Agreement], class: cls || null, 'data-node': a.i },
        svg('title', null, n.l + ' — ' + n.date + (n.end ? ' – ' + n.end : ''))
      );
      c.addEventListener('click', (ev) => (ev.stopPropagation(), selectNode(a.i, { pin: true })));
      s.append(c);
    }
    // Drag across the timeline to set the date range.
    s.addEventListener('mousedown', (ev) => {
      if (ev.target.tagName === 'circle') return;
      const box = s.getBoundingClientRect();
      brush = { x0: ev.clientX - box.left, rect: svg('rect', { class: 'range', y: 0, height: axisY, x: ev.clientX - box.left, width: 0 }) };
      s.append(brush.rect);
    });
    s.addEventListener('mousemove', (ev) => {
      if (!brush) return;
      const px = ev.clientX - s.getBoundingClientRect().left;
      brush.rect.setAttribute('x', Math.min(px, brush.x0));
      brush.rect.setAttribute('width', Math.abs(px - brush.x0));
    });
    const finish = (ev) => {
      if (!brush) return;
      const px = ev.clientX - s.getBoundingClientRect().left;
      const a = Math.min(px, brush.x0);
      const b = Math.max(px, brush.x0);
      brush = null;
      if (b - a < 4) return drawTimeline();
      const year = (p) => y0 + ((p - left) / (right - left)) * (y1 - y0);
      from.value = dayOf(Math.max(y0, year(a)));
      to.value = dayOf(Math.min(y1 - 1e-6, year(b)));
      refilter();
    };
    s.addEventListener('mouseup', finish);
    s.addEventListener('mouseleave', finish);
    timelineBox.append(
      el(
        'p',
        null,
        fmt(dated.length) + ' dated agreements' + (undatedAgreements ? ', ' + fmt(undatedAgreements) + ' without a year not shown' : '') +
          '. Click one to select it; drag across the axis to filter by dates.'
      ),
      s
    );
  }
  window.addEventListener('resize', () => drawTimeline());

  // ---- Start -----------------------------------------------------------------------

  intro();
  drawTimeline();
  state.timings.rendered = performance.now();
  state.renderer = renderer;
  state.graph = graph;
  state.nodes = nodes;
  state.edges = edges;
  state.visibleNode = visibleNode;
  state.visibleEdge = visibleEdge;
  /// Where node i is drawn, in page coordinates (for scripts that click it).
  state.nodePoint = (i) => {
    const d = renderer.getNodeDisplayData(String(i));
    const p = renderer.framedGraphToViewport(d);
    const box = container.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y, size: d.size };
  };
  state.selectNode = (i) => selectNode(i, { pin: true });
  // Drawn: sigma has rendered (synchronously, above); two frames later the page is painted.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      state.timings.drawn = performance.now();
      state.ready = true;
      document.documentElement.dataset.report = 'ready';
    })
  );
})();
