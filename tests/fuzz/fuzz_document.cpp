// libFuzzer target: bytes -> a record of any kind -> a document -> every
// extraction stage -> the graph and its evidence draft. The first byte
// chooses the kind (text, HTML, one JSON object, one CSV/TSV row); the rest
// is the record. Whatever the bytes, nothing may crash, leak or trip a
// sanitizer. Built by scripts/fuzz.sh (clang, -fsanitize=fuzzer,address,undefined).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "entente/export/writers.hpp"
#include "entente/extract/pipeline.hpp"
#include "entente/graph/duplicates.hpp"
#include "entente/graph/graph.hpp"
#include "entente/ingest/ingest.hpp"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  entente::extract::load_language_data(1);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  namespace in = entente::ingest;
  in::Record r;
  r.id = "fuzz.txt";
  r.where.file = "fuzz.txt";
  r.whole_input = (data[0] & 0x80U) != 0;
  switch (data[0] & 0x03U) {
    case 0: r.kind = in::Kind::text; break;
    case 1: r.kind = in::Kind::html; break;
    case 2: r.kind = in::Kind::json; break;
    default: {
      r.kind = in::Kind::row;
      auto table = std::make_shared<in::Table>();
      table->separator = (data[0] & 0x04U) != 0 ? '\t' : ',';
      table->columns = {"url", "title", "date", "source", "text"};
      r.table = table;
    }
  }
  r.bytes.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  in::Options options;
  in::Converted c = in::to_document(std::move(r), options);
  if (!c.doc) return 0;
  entente::extract::run_stages(*c.doc);
  entente::graph::KnowledgeGraph kg("https://w3id.org/entente/id/", true);
  const auto fingerprint = entente::graph::fingerprint(*c.doc);
  const auto draft = entente::exporter::EvidenceWriter::draft(*c.doc);
  kg.add(*c.doc, fingerprint);
  kg.finish();
  (void)draft;
  return 0;
}
