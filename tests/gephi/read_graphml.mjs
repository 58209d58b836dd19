// Reads an Entente GraphML file as Gephi Lite does (graphology-graphml) and
// prints what it read, as JSON, for tests/gephi_test.cpp.
//
// Usage: node read_graphml.mjs FILE
//
// Prints on stdout one JSON object, the same summary as read_graphml.py:
//   {"reader": "graphology", "directed": bool, "multi": bool,
//    "nodes": N, "edges": M,
//    "nodeTypes": {"Country": n, ..., "Document": n}, // nodes by their `type` value
//    "edgeRelations": {"country": n, ..., "mentionedIn": n}, // edges by their `relation`
//    "mentionsOfNodes": n,                      // the sum of the entity nodes' `documents`
//    "weightTypes": ["number"],                 // typeof of every edge weight
//    "weightsMissing": n, "weightSum": x,
//    "nodeDocumentsTypes": [..], "edgeDocumentsTypes": [..],
//    "documentsNotIntegral": n,                 // `documents` values that are not whole numbers
//    "labelsMissing": n}                        // nodes and edges without a label
// and exits 0; exits 1 with a message on stderr when the file cannot be read,
// 2 on bad usage.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';

const require = createRequire(import.meta.url);
const Graph = require('graphology');
const {parse} = require('graphology-graphml');

function typeName(value) {
  return value === undefined ? 'missing' : typeof value;
}

function summary(graph) {
  const nodeTypes = {}, edgeRelations = {};
  let mentionsOfNodes = 0;
  const weightTypes = new Set();
  const nodeDocumentsTypes = new Set();
  const edgeDocumentsTypes = new Set();
  let weightsMissing = 0, weightSum = 0, documentsNotIntegral = 0, labelsMissing = 0;
  graph.forEachNode((_, a) => {
    nodeTypes[a.type] = (nodeTypes[a.type] ?? 0) + 1;
    if (a.type === 'Document') return;  // documents have no `documents`
    if (Number.isInteger(a.documents)) mentionsOfNodes += a.documents;
    nodeDocumentsTypes.add(typeName(a.documents));
    if (!Number.isInteger(a.documents)) ++documentsNotIntegral;
    if (typeof a.label !== 'string' || a.label === '') ++labelsMissing;
  });
  graph.forEachEdge((_, a) => {
    edgeRelations[a.relation] = (edgeRelations[a.relation] ?? 0) + 1;
    weightTypes.add(typeName(a.weight));
    if (typeof a.weight === 'number') weightSum += a.weight;
    else ++weightsMissing;
    edgeDocumentsTypes.add(typeName(a.documents));
    if (!Number.isInteger(a.documents)) ++documentsNotIntegral;
    if (typeof a.label !== 'string' || a.label === '') ++labelsMissing;
  });
  return {
    reader: 'graphology',
    directed: graph.type === 'directed',
    multi: graph.multi,
    nodes: graph.order,
    edges: graph.size,
    nodeTypes,
    edgeRelations,
    mentionsOfNodes,
    weightTypes: [...weightTypes].sort(),
    weightsMissing,
    weightSum,
    nodeDocumentsTypes: [...nodeDocumentsTypes].sort(),
    edgeDocumentsTypes: [...edgeDocumentsTypes].sort(),
    documentsNotIntegral,
    labelsMissing,
  };
}

if (process.argv.length !== 3) {
  process.stderr.write('usage: node read_graphml.mjs FILE\n');
  process.exit(2);
}
const file = process.argv[2];
try {
  const graph = parse(Graph, readFileSync(file, 'utf8'));
  process.stdout.write(JSON.stringify(summary(graph)) + '\n');
} catch (error) {
  process.stderr.write(`${file}: ${error.name}: ${error.message}\n`);
  process.exit(1);
}
