// Stable 64-bit hashes: the same bytes give the same value on every machine,
// build and run (std::hash promises none of that), so they may name things
// in files: IRIs of documents, content hashes in results files.
//
// Usage:
//   std::uint64_t h = entente::common::fnv1a("word");        // cheap, for short keys
//   h = entente::common::fnv1a("more", h);                   // continue over more bytes
//   std::uint64_t spread = entente::common::mix64(h);        // every input bit moves every output bit
//
// THREAD SAFETY: pure functions.
#pragma once
#include <cstdint>
#include <string_view>

namespace entente::common {

inline constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
inline constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

/// FNV-1a (64 bits) of `bytes`, continuing from `h` (kFnvOffset to start).
inline std::uint64_t fnv1a(std::string_view bytes, std::uint64_t h = kFnvOffset) {
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnvPrime;
  }
  return h;
}

/// MurmurHash3's 64-bit finaliser: spreads the bits of a hash over all 64.
inline std::uint64_t mix64(std::uint64_t h) {
  h ^= h >> 33U;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33U;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33U;
  return h;
}

}  // namespace entente::common
