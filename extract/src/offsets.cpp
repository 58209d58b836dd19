#include "entente/extract/offsets.hpp"

#include <algorithm>

namespace entente::extract {
namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

std::uint32_t starts_in(std::string_view s) {
  return static_cast<std::uint32_t>(std::count_if(s.begin(), s.end(), [](char c) { return !continuation(c); }));
}

}  // namespace

std::string_view evidence_text(const Document& doc) { return doc.source.empty() ? doc.text : doc.source; }

std::uint32_t source_offset(const Document& doc, std::size_t offset) {
  if (doc.source_offset.empty()) return static_cast<std::uint32_t>(offset);
  return doc.source_offset[std::min(offset, doc.source_offset.size() - 1)];
}

CodePoints::CodePoints(std::string_view text) : text_(text) {
  checkpoint_.reserve(text.size() / kStep + 1);
  std::uint32_t n = 0;
  for (std::size_t i = 0; i < text.size(); i += kStep) {
    checkpoint_.push_back(n);
    n += starts_in(text.substr(i, kStep));
  }
  if (checkpoint_.empty()) checkpoint_.push_back(0);
}

std::uint32_t CodePoints::at(std::size_t byte) const {
  byte = std::min(byte, text_.size());
  const std::size_t k = std::min(byte / kStep, checkpoint_.size() - 1);
  // A byte inside a character counts that character's lead byte: the offset
  // moves past the character.
  return checkpoint_[k] + starts_in(text_.substr(k * kStep, byte - k * kStep));
}

}  // namespace entente::extract
