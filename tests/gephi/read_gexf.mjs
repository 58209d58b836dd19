// Reads an Entente GEXF file as Gephi Lite does (graphology-gexf) and prints
// what it read, as JSON, for tests/gephi_test.cpp.
//
// Usage: node read_gexf.mjs FILE
//
// graphology-gexf reads attributes, labels, weights and the viz module
// (colour, size) but not GEXF's time intervals; the `start` of each node is
// read from the same XML document with @xmldom/xmldom (graphology-gexf's own
// parser) so that the timeline can be checked too. Prints on stdout
//   {"reader": "graphology-gexf", "directed": bool, "nodes": N, "edges": M,
//    "nodeTypes": {"Country": n, ..., "Document": n},
//    "edgeRelations": {"country": n, ..., "mentionedIn": n},
//    "colorsMissing": n, "sizesMissing": n,    // nodes without viz:color / viz:size
//    "colors": {"Country": "#59a14f", ...},    // the colour of each type (the last seen)
//    "sizeMin": x, "sizeMax": x,
//    "weightTypes": ["number"], "weightsMissing": n, "weightSum": x,
//    "agreements": n, "agreementsWithStart": n,
//    "agreementDates": {"n3": "2024-10-15", ...},  // the `date` attribute of each agreement
//    "starts": {"n3": "2024-10-15", ...}}      // every element's start, nodes and edges
// and exits 0; exits 1 with a message on stderr when the file cannot be read,
// 2 on bad usage.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);
const Graph = require('graphology');
const {parse} = require('graphology-gexf');
const {DOMParser} = require('@xmldom/xmldom');

/// "#rrggbb" for "rgba(r,g,b,1)", "rgb(r,g,b)" or "#rrggbb"; the text as is otherwise.
function hex(color) {
  const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color ?? '');
  if (!m) return color;
  return '#' + m.slice(1, 4).map((c) => Number(c).toString(16).padStart(2, '0')).join('');
}

function starts(text) {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const out = {};
  for (const tag of ['node', 'edge']) {
    const elements = doc.getElementsByTagName(tag);
    for (let i = 0; i < elements.length; ++i) {
      const start = elements[i].getAttribute('start');
      if (start) out[elements[i].getAttribute('id')] = start;
    }
  }
  return out;
}

function summary(graph, startOf) {
  const nodeTypes = {}, colors = {};
  let colorsMissing = 0, sizesMissing = 0, sizeMin = Infinity, sizeMax = -Infinity;
  let agreements = 0, agreementsWithStart = 0;
  const agreementDates = {};
  graph.forEachNode((id, a) => {
    nodeTypes[a.type] = (nodeTypes[a.type] ?? 0) + 1;
    if (typeof a.color === 'string') colors[a.type] = hex(a.color);
    else ++colorsMissing;
    if (typeof a.size === 'number' && a.size > 0) {
      sizeMin = Math.min(sizeMin, a.size);
      sizeMax = Math.max(sizeMax, a.size);
    } else {
      ++sizesMissing;
    }
    if (a.type === 'Agreement') {
      ++agreements;
      agreementDates[id] = a.date ?? '';
      if (startOf[id]) ++agreementsWithStart;
    }
  });
  const weightTypes = new Set();
  const edgeRelations = {};
  let weightsMissing = 0, weightSum = 0;
  graph.forEachEdge((_, a) => {
    edgeRelations[a.relation] = (edgeRelations[a.relation] ?? 0) + 1;
    weightTypes.add(a.weight === undefined ? 'missing' : typeof a.weight);
    if (typeof a.weight === 'number') weightSum += a.weight;
    else ++weightsMissing;
  });
  return {
    reader: 'graphology-gexf',
    directed: graph.type === 'directed',
    nodes: graph.order,
    edges: graph.size,
    nodeTypes,
    edgeRelations,
    colorsMissing,
    sizesMissing,
    colors,
    sizeMin,
    sizeMax,
    weightTypes: [...weightTypes].sort(),
    weightsMissing,
    weightSum,
    agreements,
    agreementsWithStart,
    agreementDates,
    starts: startOf,
  };
}

if (process.argv.length !== 3) {
  process.stderr.write('usage: node read_gexf.mjs FILE\n');
  process.exit(2);
}
const file = process.argv[2];
try {
  const text = readFileSync(file, 'utf8');
  process.stdout.write(JSON.stringify(summary(parse(Graph, text), starts(text))) + '\n');
} catch (error) {
  process.stderr.write(`${file}: ${error.name}: ${error.message}\n`);
  process.exit(1);
}
