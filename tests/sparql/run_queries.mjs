#!/usr/bin/env node
// Loads Turtle files into an in-memory Oxigraph store and runs SPARQL queries
// on them; prints one JSON object on stdout:
//
//   { "triples": N,
//     "loaded": { "graph.ttl": N, ... },
//     "results": { "agreements": <SPARQL 1.1 JSON results>, ... } }
//
// Usage: node run_queries.mjs [--queries DIR | --query FILE.rq]... FILE...
// (FILE: Turtle, or by its extension .nt, .nq, .trig)
// Without --queries/--query it runs docs/queries/*.rq of this repository, each
// under its file name without ".rq". Used by tests/sparql_test.cpp; run
// `npm ci --prefix tests/sparql` (scripts/setup.sh does) first.
import { readFileSync, readdirSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { webcrypto } from "node:crypto";

// Oxigraph's WebAssembly build seeds its random numbers from the Web Crypto
// API, which it finds at `globalThis.crypto`. Node.js has that global from
// version 19 (and 18 only with an experimental flag); Debian 12 ships 18, so
// give it the same object from `node:crypto` (stable since 15) before
// Oxigraph loads. Newer versions keep their own.
if (globalThis.crypto === undefined) {
  Object.defineProperty(globalThis, "crypto", { value: webcrypto, configurable: true, writable: true });
}
const { default: oxigraph } = await import("oxigraph");

const here = dirname(fileURLToPath(import.meta.url));

function usage(message) {
  process.stderr.write(`run_queries: ${message}\n` +
    "usage: node run_queries.mjs [--queries DIR | --query FILE.rq]... FILE.ttl...\n");
  process.exit(2);
}

const queries = [];  // [name, path]
const inputs = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; ++i) {
  const a = args[i];
  if (a === "--queries" || a === "--query") {
    if (i + 1 >= args.length) usage(`${a} needs a value`);
    const p = resolve(args[++i]);
    if (a === "--query") {
      queries.push([basename(p, ".rq"), p]);
    } else {
      for (const f of readdirSync(p).filter((f) => f.endsWith(".rq")).sort())
        queries.push([basename(f, ".rq"), join(p, f)]);
    }
  } else if (a.startsWith("-")) {
    usage(`unknown option ${a}`);
  } else {
    inputs.push(resolve(a));
  }
}
if (inputs.length === 0) usage("no Turtle file to load");
if (queries.length === 0) {
  const dir = resolve(here, "..", "..", "docs", "queries");
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".rq")).sort())
    queries.push([basename(f, ".rq"), join(dir, f)]);
}

const store = new oxigraph.Store();
const out = { triples: 0, loaded: {}, results: {} };
for (const file of inputs) {
  const before = store.size;
  try {
    // Turtle and N-Triples into the default graph, TriG and N-Quads with
    // their named graphs; base IRI the file, as a store would.
    const format = file.endsWith(".trig") ? "application/trig"
      : file.endsWith(".nq") ? "application/n-quads"
      : file.endsWith(".nt") ? "application/n-triples" : "text/turtle";
    store.load(readFileSync(file, "utf8"), { format, base_iri: "file://" + file });
  } catch (e) {
    process.stderr.write(`run_queries: ${file}: ${e.message ?? e}\n`);
    process.exit(1);
  }
  out.loaded[basename(file)] = store.size - before;
}
out.triples = store.size;

for (const [name, path] of queries) {
  try {
    const json = store.query(readFileSync(path, "utf8"), {
      results_format: "application/sparql-results+json",
    });
    out.results[name] = JSON.parse(json);
  } catch (e) {
    process.stderr.write(`run_queries: ${path}: ${e.message ?? e}\n`);
    process.exit(1);
  }
}
process.stdout.write(JSON.stringify(out, null, 2) + "\n");
