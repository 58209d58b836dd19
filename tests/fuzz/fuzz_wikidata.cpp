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

#include "scratch.hpp"
#include "entente/graph/wikidata.hpp"


extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::filesystem::path dump = entente::fuzz::scratch("wikidata") / "dump.json";
  {
    std::ofstream out(dump, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  entente::Diagnostics diags;
  if (entente::graph::import_wikidata_dump(dump, entente::fuzz::scratch("wikidata") / "index.tsv", diags)) {
    (void)entente::graph::WikidataIndex::load(entente::fuzz::scratch("wikidata") / "index.tsv", diags);
  }
  (void)entente::graph::WikidataIndex::parse(bytes, "fuzz.tsv", diags);
  return 0;
}
