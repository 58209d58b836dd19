#include "entente/extract/document.hpp"

namespace entente {

std::string format(const Diagnostic& d) {
  std::string out = d.where.file;
  if (d.where.line != Location::npos) out += ":" + std::to_string(d.where.line);
  if (d.where.record != Location::npos) out += ": record " + std::to_string(d.where.record);
  if (d.where.offset != Location::npos) out += ": byte " + std::to_string(d.where.offset);
  out += d.severity == Severity::error ? ": error: " : ": warning: ";
  out += d.message;
  return out;
}

}  // namespace entente

namespace entente::extract {

std::string_view to_string(EntityType t) {
  switch (t) {
    case EntityType::Person: return "Person";
    case EntityType::Institution: return "Institution";
    case EntityType::Country: return "Country";
    case EntityType::Agreement: return "Agreement";
    case EntityType::Place: return "Place";
  }
  return "Person";
}

std::string_view to_string(Predicate p) {
  switch (p) {
    case Predicate::memberOf: return "memberOf";
    case Predicate::country: return "country";
    case Predicate::cooperatesWith: return "cooperatesWith";
    case Predicate::party: return "party";
    case Predicate::signatory: return "signatory";
    case Predicate::participant: return "participant";
  }
  return "country";
}

std::string_view Document::token_range_text(std::size_t first, std::size_t last) const {
  if (first >= last || last > tokens.size()) return {};
  return slice(Span{tokens[first].span.begin, tokens[last - 1].span.end});
}

}  // namespace entente::extract
