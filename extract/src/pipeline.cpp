#include "entente/extract/pipeline.hpp"

#include "entente/extract/dates.hpp"
#include "entente/extract/reader.hpp"
#include "entente/extract/segment.hpp"

namespace entente::extract {

void run_stages(Document& doc) {
  segment(doc);
  find_dates(doc);
  recognize(doc);
  link_mentions(doc);
  find_relations(doc);
}

std::optional<Document> extract_file(const std::filesystem::path& file, Diagnostics& diags) {
  auto doc = read_document(file, diags);
  if (doc) run_stages(*doc);
  return doc;
}

}  // namespace entente::extract
