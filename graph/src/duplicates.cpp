// Repeated articles (the public header, entente/graph/duplicates.hpp, says
// what and why).
#include "entente/graph/duplicates.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>

namespace entente::graph {
namespace {

constexpr std::size_t kShingle = 5;  // words per shingle
constexpr std::size_t kRows = 2;     // bins per LSH band
constexpr std::size_t kBands = Fingerprint::kBins / kRows;
constexpr std::uint32_t kEmpty = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;
constexpr std::uint64_t kGolden = 0x9e3779b97f4a7c15ULL;

/// splitmix64's finaliser: every input bit moves every output bit.
std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 30U;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27U;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31U;
  return x;
}

/// Per byte: the byte a word holds (ASCII lower-cased), kSpace, or kMark
/// (punctuation).
constexpr unsigned char kSpace = 0;
constexpr unsigned char kMark = 1;
constexpr std::array<unsigned char, 256> kByteClass = [] {
  std::array<unsigned char, 256> t{};
  for (std::size_t c = 0; c < t.size(); ++c) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
      t[c] = static_cast<unsigned char>(c);
    } else if (c >= 'A' && c <= 'Z') {
      t[c] = static_cast<unsigned char>(c - 'A' + 'a');
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0) {
      t[c] = kSpace;
    } else {
      t[c] = kMark;
    }
  }
  return t;
}();

/// Reads the words and punctuation of a text outside some spans, and keeps
/// the exact hash, the word count and the MinHash bins.
class Reader {
 public:
  explicit Reader(Fingerprint& fp) : fp_(fp) {
    fp_.exact = kFnvOffset;
    fp_.sketch.fill(kEmpty);
  }

  void text(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const unsigned char* const end = p + s.size();
    while (p != end) {
      unsigned char c = kByteClass[*p];
      if (c > kMark) {
        std::uint64_t h = kFnvOffset;
        do {
          h = (h ^ c) * kFnvPrime;
          ++p;
        } while (p != end && (c = kByteClass[*p]) > kMark);
        word(h);
      } else {
        if (c == kMark) token(*p);
        ++p;
      }
    }
  }

  void finish() {
    fp_.exact = mix(fp_.exact);
    if (seen_ == 0) return;
    // Rotation: an empty bin takes the next filled bin's value (circularly),
    // changed by its distance, so that the sketch of a short text is full.
    std::array<std::uint32_t, Fingerprint::kBins> filled = fp_.sketch;
    for (std::size_t b = 0; b < Fingerprint::kBins; ++b) {
      if (fp_.sketch[b] != kEmpty) continue;
      for (std::size_t d = 1; d < Fingerprint::kBins; ++d) {
        const std::uint32_t v = fp_.sketch[(b + d) % Fingerprint::kBins];
        if (v == kEmpty) continue;
        filled[b] = v + static_cast<std::uint32_t>(d) * 0x9e3779b9U;
        break;
      }
    }
    fp_.sketch = filled;
  }

 private:
  void token(std::uint64_t t) { fp_.exact = std::rotl(fp_.exact ^ t, 23) * kGolden; }

  void word(std::uint64_t h) {
    token(h);
    // The shingle of the last five words: a polynomial hash rolled forward
    // (sum of w_i * P^(4 - i)), then mixed.
    roll_ = (roll_ - last_[slot_] * kPow4) * kGolden + h;
    last_[slot_] = h;
    slot_ = slot_ + 1 == kShingle ? 0 : slot_ + 1;
    ++fp_.words;
    if (fp_.words < kShingle) return;
    const std::uint64_t s = mix(roll_);
    // One permutation: the top bits choose the bin, the low bits compete in it.
    const auto bin = static_cast<std::size_t>(s >> 58U);
    const auto value = static_cast<std::uint32_t>(s);
    fp_.sketch[bin] = std::min(fp_.sketch[bin], value);
    ++seen_;
  }

  static constexpr std::uint64_t kPow4 = kGolden * kGolden * kGolden * kGolden;  // mod 2^64
  Fingerprint& fp_;
  std::array<std::uint64_t, kShingle> last_{};  ///< the last five words' hashes, by word number mod 5
  std::size_t slot_ = 0;                        ///< where the next word goes in last_
  std::uint64_t roll_ = 0;
  std::size_t seen_ = 0;  ///< shingles
};

std::uint32_t band_key(const Fingerprint& fp, std::size_t band) {
  std::uint64_t h = mix(band + 1);
  for (std::size_t r = 0; r < kRows; ++r) h = mix(h ^ fp.sketch[band * kRows + r]);
  return static_cast<std::uint32_t>(h >> 32U);
}

double shingles(const Fingerprint& fp) {
  return static_cast<double>(fp.words >= kShingle ? fp.words - kShingle + 1 : 1);
}

}  // namespace

static_assert(std::is_trivially_copyable_v<Fingerprint>, "fingerprints are spooled as their bytes");
static_assert(Fingerprint::kBins == 64, "the bin is the top 6 bits of a shingle's hash");

Fingerprint fingerprint(const extract::Document& doc) {
  Fingerprint fp;
  Reader reader(fp);
  const std::string_view text = doc.text;
  // Outside the debris spans, taken in text order.
  std::vector<extract::Span> skip = doc.ignored;
  std::sort(skip.begin(), skip.end(),
            [](const extract::Span& a, const extract::Span& b) { return a.begin < b.begin; });
  std::size_t at = 0;
  for (const extract::Span& s : skip) {
    const std::size_t begin = std::min(s.begin, text.size());
    if (begin > at) reader.text(text.substr(at, begin - at));
    at = std::max(at, std::min(s.end, text.size()));
  }
  if (at < text.size()) reader.text(text.substr(at));
  reader.finish();
  return fp;
}

double resemblance(const Fingerprint& a, const Fingerprint& b) {
  std::size_t same = 0;
  for (std::size_t i = 0; i < Fingerprint::kBins; ++i) same += a.sketch[i] == b.sketch[i] ? 1U : 0U;
  return static_cast<double>(same) / static_cast<double>(Fingerprint::kBins);
}

double shared_share(const Fingerprint& a, const Fingerprint& b) {
  const double j = resemblance(a, b);
  const double common = j * (shingles(a) + shingles(b)) / (1.0 + j);
  return std::min(1.0, common / shingles(a));
}

std::optional<CopyMatch> CopyFinder::add(const Fingerprint& fp, std::uint32_t index) {
  if (fp.words < kMinWords) return std::nullopt;
  if (auto it = exact_.find(fp.exact); it != exact_.end()) return CopyMatch{it->second, 1.0, true};

  // Near copies: the original with the largest share, the earliest of equals.
  std::optional<CopyMatch> best;
  std::vector<std::uint32_t> seen;
  std::string scratch;
  if (!bands_.empty()) {
    const std::size_t mask = bands_.size() - 1;
    for (std::size_t band = 0; band < kBands; ++band) {
      const std::uint32_t key = band_key(fp, band);
      for (std::size_t slot = mix(key) & mask; bands_[slot] != 0; slot = (slot + 1) & mask) {
        if (static_cast<std::uint32_t>(bands_[slot] >> 32U) != key) continue;
        const auto pos = static_cast<std::uint32_t>(bands_[slot] & 0xffffffffU) - 1U;
        if (std::find(seen.begin(), seen.end(), pos) != seen.end()) continue;
        seen.push_back(pos);
        const double share = shared_share(fp, original_fingerprint(pos, scratch));
        if (share < kNearShare) continue;
        const std::uint32_t original = originals_[pos];
        if (!best || share > best->share || (share == best->share && original < best->original)) {
          best = CopyMatch{original, share, false};
        }
      }
    }
  }
  if (best) {
    exact_.emplace(fp.exact, best->original);  // its exact copies repeat the same original
    return best;
  }
  exact_.emplace(fp.exact, index);
  const auto pos = static_cast<std::uint32_t>(originals_.size());
  originals_.push_back(index);
  std::array<char, sizeof(Fingerprint)> bytes{};
  std::memcpy(bytes.data(), &fp, sizeof fp);
  fingerprints_.append(std::string_view(bytes.data(), bytes.size()));
  for (std::size_t band = 0; band < kBands; ++band) insert_band(band_key(fp, band), pos);
  return std::nullopt;
}

Fingerprint CopyFinder::original_fingerprint(std::uint32_t pos, std::string& scratch) const {
  const std::uint64_t at = std::uint64_t{pos} * sizeof(Fingerprint);
  const std::string_view bytes = fingerprints_.read(at, at + sizeof(Fingerprint), scratch);
  Fingerprint fp;
  std::memcpy(&fp, bytes.data(), sizeof fp);
  return fp;
}

void CopyFinder::insert_band(std::uint32_t key, std::uint32_t original) {
  if (4 * (band_count_ + 1) > 3 * bands_.size()) grow();
  const std::size_t mask = bands_.size() - 1;
  std::size_t slot = mix(key) & mask;
  while (bands_[slot] != 0) slot = (slot + 1) & mask;
  bands_[slot] = (std::uint64_t{key} << 32U) | (std::uint64_t{original} + 1);
  ++band_count_;
}

void CopyFinder::grow() {
  std::vector<std::uint64_t> old(std::max<std::size_t>(1024, 2 * bands_.size()), 0);
  old.swap(bands_);
  const std::size_t mask = bands_.size() - 1;
  for (const std::uint64_t entry : old) {
    if (entry == 0) continue;
    std::size_t slot = mix(entry >> 32U) & mask;
    while (bands_[slot] != 0) slot = (slot + 1) & mask;
    bands_[slot] = entry;
  }
}

}  // namespace entente::graph
