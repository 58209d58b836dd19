// libFuzzer target: the input readers. The bytes are written to a file whose
// name ends as the first byte chooses (.txt .jsonl .json .csv .tsv .html
// .warc .warc.gz .gz .zip .tar), then ingest::read() goes through it and
// every record is converted to a document. Readers of containers (WARC,
// archives through libarchive, JSON Lines, CSV) meet broken, truncated and
// nested input here. The name .results goes to the reader of extraction
// results (results::Merge, `entente build --from`; the bytes also as one
// record of a record cache, results::from_binary) instead; the last one,
// .state, to the state folder of `entente build --state` (results::State
// opening a folder whose results file and IRI memory are the bytes, and
// graph::from_text, whose memory must read back the same after to_text).
#include <unistd.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include "scratch.hpp"
#include "entente/graph/stable_iris.hpp"
#include "entente/ingest/ingest.hpp"
#include "entente/results/results.hpp"
#include "entente/results/state.hpp"

namespace {
const std::array<const char*, 13> kNames = {"a.txt", "a.jsonl",   "a.json", "a.csv", "a.tsv",     "a.html", "a.warc",
                                            "a.warc.gz", "a.gz", "a.zip", "a.tar", "a.results", "a.state"};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::filesystem::path file = entente::fuzz::scratch("read") / kNames[data[0] % kNames.size()];
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data) + 1, static_cast<std::streamsize>(size - 1));
  }
  if (file.extension() == ".state") {
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    entente::graph::IriMemory memory;
    if (entente::graph::from_text(bytes, memory).empty()) {
      entente::graph::IriMemory back;
      if (!entente::graph::from_text(entente::graph::to_text(memory), back).empty() || !(back == memory)) __builtin_trap();
    }
    const std::filesystem::path dir = entente::fuzz::scratch("read") / "state";
    std::error_code ec;
    std::filesystem::create_directories(dir / "results", ec);
    std::filesystem::rename(file, dir / "results" / "run-000001.results", ec);
    {
      std::ofstream out(dir / "iris.tsv", std::ios::binary | std::ios::trunc);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    {
      entente::results::State state;
      if (state.open(dir).empty()) {
        (void)state.load_iris(memory);
        entente::results::Merge merge;
        if (merge.open(state.files()).empty()) {
          entente::results::Record r;
          while (merge.next(r)) {
            entente::results::Record stored;
            if (state.seen(r.content)) (void)state.stored(r.content, stored);
          }
        }
      }
    }
    std::filesystem::remove_all(dir, ec);
    return 0;
  }
  if (file.extension() == ".results") {
    entente::results::Merge merge;
    if (merge.open({file}).empty()) {
      entente::results::Record r;
      while (merge.next(r)) {
      }
    }
    // The same bytes as one record of a record cache (results::from_binary):
    // a record it reads must read back the same after to_binary, whole or to its head.
    namespace rs = entente::results;
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    const std::vector<entente::ingest::InputFile> files = {{"a.txt", "a.txt", "/corpus/a.txt"}};
    rs::Record r, back, head;
    if (rs::from_binary(bytes, files, r).empty()) {
      std::string once, twice;
      rs::to_binary(r, 0, once);
      if (!rs::from_binary(once, files, back).empty()) __builtin_trap();
      rs::to_binary(back, 0, twice);
      if (once != twice) __builtin_trap();
      if (!rs::from_binary(once, files, head, [](const rs::Record&) { return false; }).empty() ||
          head.facts.id != r.facts.id || !head.facts.entities.empty())
        __builtin_trap();
    }
    std::error_code ec;
    std::filesystem::remove(file, ec);
    return 0;
  }
  namespace in = entente::ingest;
  in::Options options;
  in::read({file.string()}, options, [&](in::Item&& item) {
    if (item.record) (void)in::to_document(std::move(*item.record), options);
    return true;
  });
  std::error_code ec;
  std::filesystem::remove(file, ec);
  return 0;
}
