// Bytes of the record caches (results.hpp, cache_of): LEB128 varints (zigzag
// for numbers that may be negative), strings and lists as their length then
// their items. Private to entente_results.
#pragma once
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "entente/extract/status.hpp"

namespace entente::results::bytes {

inline void put(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7F) | 0x80));
    v >>= 7U;
  }
  out.push_back(static_cast<char>(v));
}

inline void put_signed(std::string& out, std::int64_t v) {
  put(out, (static_cast<std::uint64_t>(v) << 1U) ^ static_cast<std::uint64_t>(v >> 63));
}

inline void put(std::string& out, std::string_view s) {
  put(out, s.size());
  out.append(s);
}

/// Location offsets, lines and records: npos as 0, any other n as n + 1.
inline void put_position(std::string& out, std::size_t v) { put(out, v == Location::npos ? 0 : std::uint64_t{v} + 1); }

/// Thrown by Bytes on the first thing that is not there.
struct Broken {
  std::string why;
};

/// WHAT IT REPRESENTS: the bytes of one record being read, front to back.
class Bytes {
 public:
  explicit Bytes(std::string_view s) : s_(s) {}
  std::uint64_t number() {
    std::uint64_t v = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
      if (at_ == s_.size()) throw Broken{"cut short"};
      const auto byte = static_cast<unsigned char>(s_[at_++]);
      if (shift == 63 && byte > 1) break;
      v |= std::uint64_t{byte & 0x7FU} << shift;
      if ((byte & 0x80U) == 0) return v;
    }
    throw Broken{"a number of more than 64 bits"};
  }
  template <typename T>
  T whole() {
    if constexpr (std::is_signed_v<T>) {
      const std::uint64_t z = number();
      const auto v = static_cast<std::int64_t>((z >> 1U) ^ (~(z & 1U) + 1));
      if (v < std::numeric_limits<T>::min() || v > std::numeric_limits<T>::max()) throw Broken{"a number out of range"};
      return static_cast<T>(v);
    } else {
      const std::uint64_t v = number();
      if (v > std::numeric_limits<T>::max()) throw Broken{"a number out of range"};
      return static_cast<T>(v);
    }
  }
  /// A count of items each at least `least` bytes long: never more than the bytes left allow.
  std::size_t count(std::size_t least = 1) {
    const std::uint64_t n = number();
    if (n > (s_.size() - at_) / least) throw Broken{"a list longer than the record"};
    return static_cast<std::size_t>(n);
  }
  void text(std::string& out) {
    const std::size_t n = count();
    out.assign(s_.data() + at_, n);
    at_ += n;
  }
  std::string text() {
    std::string s;
    text(s);
    return s;
  }
  std::size_t position() {
    const std::uint64_t v = number();
    if (v == 0) return Location::npos;
    if (v - 1 >= Location::npos) throw Broken{"a number out of range"};
    return static_cast<std::size_t>(v - 1);
  }
  template <typename T>
  std::vector<T> wholes() {
    std::vector<T> out(count());
    for (T& x : out) x = whole<T>();
    return out;
  }
  bool done() const { return at_ == s_.size(); }

 private:
  std::string_view s_;
  std::size_t at_ = 0;
};

}  // namespace entente::results::bytes
