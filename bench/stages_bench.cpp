// Google Benchmark timings of each stage of `entente build` (docs/PERFORMANCE.md).
//
// WHAT IT MEASURES: one benchmark per pipeline stage, in pipeline order. One
// iteration runs the stage over the whole corpus sample; its input is what the
// stages before it produced, computed once and copied before each iteration
// with the timer paused (the copy and the destruction of the results are not
// timed). Every benchmark reports the corpus bytes and documents it covered per
// second (bytes_per_second, items_per_second), so the rows compare directly:
// the slowest row is the stage that bounds `entente build`.
//
//   1_normalise      document_from_bytes (UTF-8 check, NFC, quotes, debris)
//   2_segment        segment (tokens, ICU sentence breaks)
//   3_dates          find_dates
//   4_recognise      recognize (gazetteers, patterns, persons, agreements)
//   5_resolve        link_mentions + find_relations + KnowledgeGraph::add, finish
//   5a..5c           the same three parts timed alone
//   6_write_turtle   exporter::write_turtle  (to a temporary directory)
//   6_write_graphml  exporter::write_graphml (to a temporary directory)
//   6_write_evidence exporter::EvidenceWriter: draft, add (spool), finish on one thread
//   all_in_memory    1 to 6 in one go, from bytes already in memory (without evidence.ttl)
//
// THE SAMPLE (read once, before any timing):
//   ENTENTE_BENCH_CORPUS=DIR  the *.txt files of DIR, in name order, up to
//                             ENTENTE_BENCH_MB megabytes (default 2); make DIR
//                             with scripts/make_bench_corpus.py;
//   otherwise                 the seed articles ($ENTENTE_SHARED_DIR/corpus/seeds,
//                             default: the shared folder CMake was given),
//                             repeated under distinct names up to
//                             ENTENTE_BENCH_MB; if that folder is missing, the
//                             repository's examples/articles, repeated likewise.
// The sample used is printed in the context lines at the top of the output.
// Every stage input is computed, and both files written once, before the first
// benchmark (warm_up), so one-time initialisation is never timed.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include "entente/export/writers.hpp"
#include "entente/extract/dates.hpp"
#include "entente/extract/pipeline.hpp"
#include "entente/extract/reader.hpp"
#include "entente/extract/segment.hpp"
#include "entente/graph/graph.hpp"

namespace {

namespace fs = std::filesystem;
using entente::extract::Document;
using entente::graph::KnowledgeGraph;

constexpr const char* kBase = "https://w3id.org/entente/id/";

// ---- The sample ------------------------------------------------------------

/// One input file, as bytes in memory.
struct RawFile {
  std::string id;
  std::string path;
  std::string bytes;
};

/// The corpus sample: files, total bytes, and where it came from.
struct Sample {
  std::vector<RawFile> files;
  std::size_t bytes = 0;
  std::string origin;
};

std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::string(v) : fallback;
}

std::vector<fs::path> txt_files(const fs::path& dir) {
  std::vector<fs::path> found;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".txt") found.push_back(it->path());
  }
  std::sort(found.begin(), found.end());
  return found;
}

std::string read_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// Reads the sample described at the top of this file; exits when there is none.
Sample load_sample() {
  const double mb = std::atof(env_or("ENTENTE_BENCH_MB", "2").c_str());
  const auto limit = static_cast<std::size_t>((mb > 0 ? mb : 2.0) * 1e6);
  Sample s;
  std::vector<fs::path> files;
  bool repeat = false;
  if (const std::string dir = env_or("ENTENTE_BENCH_CORPUS", ""); !dir.empty()) {
    files = txt_files(dir);
    s.origin = dir + " (ENTENTE_BENCH_CORPUS)";
  } else {
    const fs::path seeds = fs::path(env_or("ENTENTE_SHARED_DIR", ENTENTE_SHARED_DIR)) / "corpus" / "seeds";
    files = txt_files(seeds);
    s.origin = seeds.string() + " repeated";
    if (files.empty()) {
      const fs::path examples = fs::path(ENTENTE_SOURCE_DIR) / "examples" / "articles";
      files = txt_files(examples);
      s.origin = examples.string() + " repeated";
    }
    repeat = true;
  }
  if (files.empty()) {
    std::cerr << "entente_bench: no .txt file in " << s.origin << "\n";
    std::exit(1);
  }
  for (std::size_t round = 0; s.bytes < limit && (round == 0 || repeat); ++round) {
    for (const auto& f : files) {
      if (s.bytes >= limit) break;
      RawFile r;
      // Distinct ids: KnowledgeGraph gives each document its own IRI.
      // (Built by appending: GCC 12 -O3 gives a false -Wrestrict on "r" + std::string.)
      r.id = f.filename().string();
      if (repeat) r.id.insert(0, std::string(1, 'r').append(std::to_string(round)).append(1, '-'));
      r.path = f.string();
      r.bytes = read_bytes(f);
      s.bytes += r.bytes.size();
      s.files.push_back(std::move(r));
    }
  }
  return s;
}

const Sample& sample() {
  static const Sample s = load_sample();
  return s;
}

// ---- Stage inputs, each computed once from the one before ------------------

const std::vector<Document>& normalised() {
  static const std::vector<Document> docs = [] {
    std::vector<Document> out;
    for (const auto& f : sample().files) out.push_back(entente::extract::document_from_bytes(f.id, f.path, f.bytes));
    return out;
  }();
  return docs;
}

template <class Stage>
std::vector<Document> after(const std::vector<Document>& in, Stage stage) {
  std::vector<Document> out = in;
  for (auto& d : out) stage(d);
  return out;
}

const std::vector<Document>& segmented() {
  static const auto docs = after(normalised(), [](Document& d) { entente::extract::segment(d); });
  return docs;
}
const std::vector<Document>& dated() {
  static const auto docs = after(segmented(), [](Document& d) { entente::extract::find_dates(d); });
  return docs;
}
const std::vector<Document>& recognised() {
  static const auto docs = after(dated(), [](Document& d) { entente::extract::recognize(d); });
  return docs;
}
const std::vector<Document>& linked() {
  static const auto docs = after(recognised(), [](Document& d) { entente::extract::link_mentions(d); });
  return docs;
}
const std::vector<Document>& related() {
  static const auto docs = after(linked(), [](Document& d) { entente::extract::find_relations(d); });
  return docs;
}
/// The graph of the sample, and what KnowledgeGraph::add returned for each document.
struct CorpusGraph {
  KnowledgeGraph kg{kBase};
  std::vector<entente::graph::AddedDocument> added;
};
const CorpusGraph& corpus() {
  static const CorpusGraph c = [] {
    CorpusGraph g;
    for (const auto& d : related()) g.added.push_back(g.kg.add(d));
    g.kg.finish();
    return g;
  }();
  return c;
}
const KnowledgeGraph& corpus_graph() { return corpus().kg; }

/// A temporary directory for the writers' files, removed at exit.
const fs::path& out_dir() {
  struct Dir {
    fs::path path = fs::temp_directory_path() / ("entente_bench_" + std::to_string(::getpid()));
    Dir() { fs::create_directories(path); }
    ~Dir() {
      std::error_code ec;
      fs::remove_all(path, ec);
    }
  };
  static const Dir dir;
  return dir.path;
}

// ---- Benchmarks --------------------------------------------------------------

void report(benchmark::State& state) {
  const auto n = static_cast<std::int64_t>(state.iterations());
  state.SetBytesProcessed(n * static_cast<std::int64_t>(sample().bytes));
  state.SetItemsProcessed(n * static_cast<std::int64_t>(sample().files.size()));
  state.counters["docs"] = static_cast<double>(sample().files.size());
}

/// Runs `stage` on a fresh copy of `input` per iteration; only the stage is timed.
template <class Stage>
void on_copies(benchmark::State& state, const std::vector<Document>& input, Stage stage) {
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Document> docs = input;
    state.ResumeTiming();
    for (auto& d : docs) stage(d);
    benchmark::ClobberMemory();
    state.PauseTiming();
    docs.clear();
    state.ResumeTiming();
  }
  report(state);
}

void BM_Normalise(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& f : sample().files) {
      Document d = entente::extract::document_from_bytes(f.id, f.path, f.bytes);
      benchmark::DoNotOptimize(d.text.data());
    }
  }
  report(state);
}

void BM_Segment(benchmark::State& state) {
  on_copies(state, normalised(), [](Document& d) { entente::extract::segment(d); });
}

void BM_Dates(benchmark::State& state) {
  on_copies(state, segmented(), [](Document& d) { entente::extract::find_dates(d); });
}

void BM_Recognise(benchmark::State& state) {
  on_copies(state, dated(), [](Document& d) { entente::extract::recognize(d); });
}

void BM_Link(benchmark::State& state) {
  on_copies(state, recognised(), [](Document& d) { entente::extract::link_mentions(d); });
}

void BM_Relations(benchmark::State& state) {
  on_copies(state, linked(), [](Document& d) { entente::extract::find_relations(d); });
}

/// KnowledgeGraph::add of every document and finish(); the graph is destroyed untimed.
void BM_GraphAdd(benchmark::State& state) {
  const auto& docs = related();
  for (auto _ : state) {
    std::optional<KnowledgeGraph> kg(std::in_place, kBase);
    for (const auto& d : docs) kg->add(d);
    kg->finish();
    state.PauseTiming();
    kg.reset();
    state.ResumeTiming();
  }
  report(state);
}

void BM_Resolve(benchmark::State& state) {
  for (auto _ : state) {
    state.PauseTiming();
    std::vector<Document> docs = recognised();
    state.ResumeTiming();
    std::optional<KnowledgeGraph> kg(std::in_place, kBase);
    for (auto& d : docs) {
      entente::extract::link_mentions(d);
      entente::extract::find_relations(d);
      kg->add(d);
    }
    kg->finish();
    state.PauseTiming();
    kg.reset();
    docs.clear();
    state.ResumeTiming();
  }
  report(state);
}

template <class Writer>
void write_bench(benchmark::State& state, const char* name, Writer writer) {
  const KnowledgeGraph& kg = corpus_graph();
  const fs::path file = out_dir() / name;
  for (auto _ : state) {
    if (std::string err = writer(kg, file); !err.empty()) {
      state.SkipWithError(err.c_str());
      break;
    }
  }
  report(state);
  std::error_code ec;
  state.counters["out_MB"] = static_cast<double>(fs::file_size(file, ec)) / 1e6;
}

void BM_WriteTurtle(benchmark::State& state) {
  write_bench(state, "graph.ttl", [](const KnowledgeGraph& kg, const fs::path& f) {
    return entente::exporter::write_turtle(kg, f);
  });
}

void BM_WriteGraphml(benchmark::State& state) {
  write_bench(state, "graph.graphml", [](const KnowledgeGraph& kg, const fs::path& f) {
    return entente::exporter::write_graphml(kg, f);
  });
}

/// evidence.ttl on one thread: each document's draft, its record in the
/// spool, and the file rendered from the spool once the graph is complete.
void BM_WriteEvidence(benchmark::State& state) {
  const KnowledgeGraph& kg = corpus_graph();
  const auto& docs = related();
  const auto& added = corpus().added;
  const fs::path file = out_dir() / "evidence.ttl";
  for (auto _ : state) {
    entente::exporter::EvidenceWriter evidence(file);
    for (std::size_t i = 0; i < docs.size(); ++i) {
      evidence.add(entente::exporter::EvidenceWriter::draft(docs[i]), added[i]);
    }
    if (std::string err = evidence.finish(kg, 1); !err.empty()) {
      state.SkipWithError(err.c_str());
      break;
    }
  }
  report(state);
  std::error_code ec;
  state.counters["out_MB"] = static_cast<double>(fs::file_size(file, ec)) / 1e6;
}

/// Every stage from bytes in memory to both files, as `entente build` does on one thread.
void BM_AllInMemory(benchmark::State& state) {
  for (auto _ : state) {
    std::optional<KnowledgeGraph> kg(std::in_place, kBase);
    for (const auto& f : sample().files) {
      Document d = entente::extract::document_from_bytes(f.id, f.path, f.bytes);
      entente::extract::run_stages(d);
      kg->add(d);
    }
    kg->finish();
    benchmark::DoNotOptimize(entente::exporter::write_turtle(*kg, out_dir() / "all.ttl"));
    benchmark::DoNotOptimize(entente::exporter::write_graphml(*kg, out_dir() / "all.graphml"));
    state.PauseTiming();
    kg.reset();
    state.ResumeTiming();
  }
  report(state);
}

/// Computes every stage input and writes both files once before any timing, so
/// that one-time initialisation (ICU services, compiled-in gazetteers, regexes)
/// is not charged to the first iteration of a benchmark.
void warm_up() {
  const KnowledgeGraph& kg = corpus_graph();
  for (const auto& err : {entente::exporter::write_turtle(kg, out_dir() / "warm.ttl"),
                          entente::exporter::write_graphml(kg, out_dir() / "warm.graphml")}) {
    if (!err.empty()) {
      std::cerr << "entente_bench: " << err << "\n";
      std::exit(1);
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

  const Sample& s = sample();
  std::ostringstream size;
  size << s.files.size() << " documents, " << s.bytes << " bytes";
  benchmark::AddCustomContext("corpus", s.origin);
  benchmark::AddCustomContext("corpus_size", size.str());
  warm_up();

  const struct {
    const char* name;
    void (*fn)(benchmark::State&);
  } benches[] = {
      {"1_normalise", BM_Normalise},         {"2_segment", BM_Segment},
      {"3_dates", BM_Dates},                 {"4_recognise", BM_Recognise},
      {"5_resolve", BM_Resolve},             {"5a_link_mentions", BM_Link},
      {"5b_find_relations", BM_Relations},   {"5c_graph_add", BM_GraphAdd},
      {"6_write_turtle", BM_WriteTurtle},    {"6_write_graphml", BM_WriteGraphml},
      {"6_write_evidence", BM_WriteEvidence}, {"all_in_memory", BM_AllInMemory},
  };
  for (const auto& b : benches) {
    benchmark::RegisterBenchmark(b.name, b.fn)->Unit(benchmark::kMillisecond);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
