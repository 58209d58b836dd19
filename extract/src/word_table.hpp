// Internal to entente_extract: the table behind the lexicon's lookups by
// token norm (Debian's word list, first names, classes of words). Tokens are
// looked up in them again and again, so a lookup is one cheap hash of a
// short word, a probe or two of a flat array of 8-byte slots, and one
// comparison; a std::unordered_map costs a stronger hash and a pointer
// chase per lookup.
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entente/common/hash.hpp"

namespace entente::extract {

/// FNV-1a of a word's bytes: cheap for the short words of a text.
inline std::uint64_t word_hash(std::string_view word) { return common::fnv1a(word); }

/// Spreads the bits of a hash over all 64 (MurmurHash3's finaliser).
inline std::uint64_t mix_hash(std::uint64_t h) { return common::mix64(h); }

/// WHAT IT REPRESENTS: a set of words (shorter than kMaxWord bytes) with a
/// value each: the words back to back in one string, and an open-addressing
/// table (linear probing, never more than half full) of slots that hold
/// where a word starts, its length and 24 bits of its hash; the values in a
/// parallel array.
/// THREAD SAFETY: built on one thread; const lookups from any number.
template <typename V>
class WordTable {
 public:
  static constexpr std::size_t kMaxWord = 255;

  /// The value of `word`, made V{} when the word is new; nullptr when the
  /// word is kMaxWord bytes or longer. Valid until the next insertion.
  V* insert(std::string_view word) {
    if (word.size() >= kMaxWord) return nullptr;
    if (2 * (count_ + 1) > slots_.size()) grow();
    const std::uint64_t h = hash(word);
    const std::size_t k = slot(word, h);
    if (slots_[k].at == 0) {
      slots_[k] = Slot{static_cast<std::uint32_t>(words_.size() + 1), tag(word.size(), h)};
      words_ += word;
      ++count_;
    }
    return &values_[k];
  }

  /// The value of `word`, or nullptr when it is not in the table.
  const V* find(std::string_view word) const {
    if (count_ == 0 || word.size() >= kMaxWord) return nullptr;
    const std::size_t k = slot(word, hash(word));
    return slots_[k].at == 0 ? nullptr : &values_[k];
  }
  bool contains(std::string_view word) const { return find(word) != nullptr; }
  std::size_t size() const { return count_; }

  /// Room for `n` words (of `bytes` bytes in all) without growing.
  void reserve(std::size_t n, std::size_t bytes = 0) {
    std::size_t size = std::max<std::size_t>(64, slots_.size());
    while (size < 2 * n) size *= 2;
    if (size > slots_.size()) rehash(size);
    words_.reserve(bytes);
  }

 private:
  struct Slot {
    std::uint32_t at = 0;   ///< 1 + where the word starts in words_; 0: an empty slot
    std::uint32_t tag = 0;  ///< the word's length (8 bits) and hash bits (24 bits)
  };
  static std::uint64_t hash(std::string_view word) { return mix_hash(word_hash(word)); }
  static std::uint32_t tag(std::size_t size, std::uint64_t h) {
    return static_cast<std::uint32_t>(size) | (static_cast<std::uint32_t>(h >> 40U) << 8U);
  }
  std::size_t length(const Slot& s) const { return s.tag & 0xFFU; }

  /// The slot of `word`, or the empty slot where it would go.
  std::size_t slot(std::string_view word, std::uint64_t h) const {
    const std::size_t mask = slots_.size() - 1;
    const std::uint32_t t = tag(word.size(), h);
    for (std::size_t k = h & mask;; k = (k + 1) & mask) {
      const Slot& s = slots_[k];
      if (s.at == 0 || (s.tag == t && words_.compare(s.at - 1, word.size(), word) == 0)) return k;
    }
  }

  void grow() { rehash(std::max<std::size_t>(64, 2 * slots_.size())); }
  void rehash(std::size_t size) {
    std::vector<Slot> slots(size);
    std::vector<V> values(slots.size());
    const std::size_t mask = slots.size() - 1;
    for (std::size_t i = 0; i < slots_.size(); ++i) {
      if (slots_[i].at == 0) continue;
      const std::string_view word = std::string_view(words_).substr(slots_[i].at - 1, length(slots_[i]));
      std::size_t k = hash(word) & mask;
      while (slots[k].at != 0) k = (k + 1) & mask;
      slots[k] = slots_[i];
      values[k] = std::move(values_[i]);
    }
    slots_.swap(slots);
    values_.swap(values);
  }

  std::string words_;
  std::vector<Slot> slots_;  ///< a power of two in size
  std::vector<V> values_;    ///< parallel to slots_
  std::size_t count_ = 0;
};

}  // namespace entente::extract
