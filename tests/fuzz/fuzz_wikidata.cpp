// libFuzzer target: the Wikidata dump importer and the index reader. The
// bytes are a dump (.json, one entity per line, as Wikidata writes it),
// imported into a scratch index file; then read as an index file themselves.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "entente/graph/wikidata.hpp"

namespace {
std::filesystem::path scratch() {
  static const std::filesystem::path dir = [] {
    const std::filesystem::path shm = "/dev/shm";
    auto d = (std::filesystem::is_directory(shm) ? shm : std::filesystem::temp_directory_path()) /
             ("entente-fuzz-wikidata-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::filesystem::path dump = scratch() / "dump.json";
  {
    std::ofstream out(dump, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  entente::Diagnostics diags;
  if (entente::graph::import_wikidata_dump(dump, scratch() / "index.tsv", diags)) {
    (void)entente::graph::WikidataIndex::load(scratch() / "index.tsv", diags);
  }
  (void)entente::graph::WikidataIndex::parse(bytes, "fuzz.tsv", diags);
  return 0;
}
