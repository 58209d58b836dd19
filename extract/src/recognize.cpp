// Stage: recognition of mentions.
//
// Layers, each a function below, run in this order on the whole document:
//   1. gazetteer     countries (names, demonyms, "maroco-" prefixes),
//                    organisations, places: longest match, then earliest
//   2. institution   a head word ("ministère", "Direction générale", "Police")
//                    and its complements ("de la Sûreté nationale", "marocaine")
//   3. title         a role title's complement that names an institution
//                    ("directeur général de la Surveillance du territoire")
//   4. person        honorific + name, known first name + surname,
//                    a name in apposition to a title
//   5. agreement     "mémorandum d'entente", "plan d'action", ... when the
//                    sentence reports it signed, concluded or launched
// Overlaps between layers are settled by one policy (settle_overlaps):
// a mention already accepted keeps its tokens; later layers only fill gaps,
// except that an institution name may contain countries and organisations.
#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "entente/extract/names.hpp"
#include "entente/extract/pipeline.hpp"
#include "lexicon.hpp"
#include "rules.hpp"
#include "stages.hpp"

namespace entente::extract {
namespace {

bool is_upper_word(const Token& t) { return t.alpha && t.upper_initial; }

/// Roman numerals of regnal names ("Mohammed VI").
bool is_regnal(std::string_view s) {
  // Every numeral below is 1 to 4 of I, V, X: other words need no lookup.
  if (s.empty() || s.size() > 4 || s.find_first_not_of("IVX") != std::string_view::npos) return false;
  static const std::set<std::string_view> k = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};
  return k.count(s) != 0;
}

class Recognizer {
 public:
  Recognizer(Document& d, const LexIndex& index)
      : d_(d),
        lex_(Lexicon::french()),
        index_(index),
        taken_(d.tokens.size(), -1),
        classes_(d.tokens.size(), 0),
        classes_known_(d.tokens.size(), false),
        particle_(lex_.class_bit("particle")),
        name_stop_(lex_.class_bit("name_stop")) {}

  void run() {
    gazetteer();
    capitals_as_states();
    settle_organisations();
    institutions();
    title_complements();
    persons();
    agreements();
    // Document order; refers_to follows the mentions to their new places.
    std::vector<int> order(d_.mentions.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = static_cast<int>(k);
    auto& ms = d_.mentions;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      const auto& x = ms[static_cast<std::size_t>(a)];
      const auto& y = ms[static_cast<std::size_t>(b)];
      return x.span.begin != y.span.begin ? x.span.begin < y.span.begin : x.span.end > y.span.end;
    });
    std::vector<int> where(order.size());
    std::vector<Mention> sorted;
    sorted.reserve(order.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
      where[static_cast<std::size_t>(order[k])] = static_cast<int>(k);
      sorted.push_back(std::move(ms[static_cast<std::size_t>(order[k])]));
    }
    for (auto& m : sorted)
      if (m.refers_to >= 0) m.refers_to = where[static_cast<std::size_t>(m.refers_to)];
    ms = std::move(sorted);
  }

 private:
  // ------------------------------------------------------------- helpers
  const Token& tok(std::uint32_t i) const { return d_.tokens[i]; }
  std::uint32_t size() const { return static_cast<std::uint32_t>(d_.tokens.size()); }
  std::uint32_t sentence_end(std::uint32_t i) const { return d_.sentences[tok(i).sentence].last_token; }
  /// The words.tsv classes of token i (Lexicon::classes_of), looked up once.
  std::uint64_t classes(std::uint32_t i) const {
    if (!classes_known_[i]) {
      classes_[i] = lex_.classes_of(tok(i).norm);
      classes_known_[i] = true;
    }
    return classes_[i];
  }
  bool particle(std::uint32_t i) const { return (classes(i) & particle_) != 0; }    ///< rules::is_name_particle
  bool name_stop(std::uint32_t i) const { return (classes(i) & name_stop_) != 0; }  ///< rules::is_name_stop
  bool free(std::uint32_t first, std::uint32_t last) const {
    for (std::uint32_t k = first; k < last; ++k)
      if (taken_[k] >= 0) return false;
    return true;
  }

  int add(std::uint32_t first, std::uint32_t last, EntityType type, std::string stage, std::string key = {},
          std::string name = {}, bool claim = true) {
    Mention m;
    m.first_token = first;
    m.last_token = last;
    m.span = Span{tok(first).span.begin, tok(last - 1).span.end};
    m.type = type;
    m.stage = std::move(stage);
    m.key = std::move(key);
    m.name = name.empty() ? std::string(d_.token_range_text(first, last)) : std::move(name);
    d_.mentions.push_back(std::move(m));
    int index = static_cast<int>(d_.mentions.size() - 1);
    if (claim)
      for (std::uint32_t k = first; k < last; ++k) taken_[k] = index;
    return index;
  }

  /// The first hit of `kind` among the phrases starting at i, longest first.
  std::optional<std::pair<PhraseMatch, const LexHit*>> hit_at(std::uint32_t i, LexKind kind) const {
    if (!index_.has(i, kind)) return std::nullopt;
    for (const auto& m : index_.at(i)) {
      for (const auto& h : *m.hits) {
        if (h.kind != kind) continue;
        if (h.acronym && !tok(i).all_upper) continue;
        return std::make_pair(m, &h);
      }
    }
    return std::nullopt;
  }

  /// A country named at i (name, alias or demonym), with its end token.
  struct CountryAt {
    std::string iso2;
    std::uint32_t last = 0;
    bool demonym = false;
  };
  std::optional<CountryAt> country_at(std::uint32_t i) const {
    if (i >= size()) return std::nullopt;
    // A shared demonym the gazetteer settled ("congolaise" in an article on the DRC).
    if (index_.has(i, LexKind::shared_demonym) && taken_[i] >= 0) {
      const auto& m = d_.mentions[static_cast<std::size_t>(taken_[i])];
      if (m.stage == "shared-demonym" && m.first_token == i) return CountryAt{m.key, m.last_token, true};
    }
    if (!(index_.has(i, LexKind::country_name) || index_.has(i, LexKind::demonym))) return std::nullopt;
    for (const auto& m : index_.at(i)) {
      for (const auto& h : *m.hits) {
        if (h.kind == LexKind::country_name && is_upper_word(tok(i)) &&
            !lex_.countries()[h.index].ambiguous.count(tok(i).norm))
          return CountryAt{h.value, m.last, false};
        if (h.kind == LexKind::demonym) return CountryAt{h.value, m.last, true};
      }
    }
    return std::nullopt;
  }

  // ------------------------------------------------------------- 1. gazetteer
  void gazetteer() {
    // Countries named in the document, counted: national organisations are
    // read as such only when their country is named too.
    std::map<std::string, int> named;
    for (std::uint32_t i = 0; i < size(); ++i) {
      if (auto c = country_at(i)) ++named[c->iso2];
      // "franco-belge", and capitals ("Paris et Bruxelles"), name their states too.
      if (!index_.has(i, LexKind::prefix) && !index_.has(i, LexKind::place)) continue;
      for (const auto& m : index_.at(i))
        for (const auto& h : *m.hits) {
          if (h.kind == LexKind::prefix && m.last < size() && tok(m.last).norm == "-") ++named[h.value];
          if (h.kind == LexKind::place && tok(i).upper_initial && lex_.places()[h.index].kind == "capital")
            ++named[lex_.places()[h.index].country];
        }
    }

    for (std::uint32_t i = 0; i < size(); ++i) {
      if (taken_[i] >= 0 || tok(i).punct) continue;
      for (const auto& m : index_.at(i)) {
        const Token& first = tok(i);
        // Best hit for this span: organisation > country > place > demonym.
        const LexHit* org = nullptr;
        const LexHit* country = nullptr;
        const LexHit* place = nullptr;
        const LexHit* demonym = nullptr;
        const LexHit* prefix = nullptr;
        const LexHit* shared = nullptr;
        int org_score = -1;
        std::vector<std::uint32_t> candidates;  // organisations of this name whose country is named
        for (const auto& h : *m.hits) {
          if (h.acronym && !(first.all_upper && m.last == i + 1)) continue;
          switch (h.kind) {
            case LexKind::organisation: {
              // Names of several words are often written in lower case
              // ("la commission européenne", "le département d'État américain").
              if (!first.upper_initial && m.last == i + 1) break;
              const auto& o = lex_.organisations()[h.index];
              int score = o.country.empty() ? 1 : (named.count(o.country) ? 2 + named[o.country] : -1);
              if (score >= 0) candidates.push_back(h.index);
              if (score > org_score) {
                org_score = score;
                org = &h;
              }
              break;
            }
            case LexKind::country_name:
              if (first.upper_initial && !lex_.countries()[h.index].ambiguous.count(first.norm)) country = &h;
              break;
            case LexKind::place:
              if (first.upper_initial) place = &h;
              break;
            case LexKind::demonym: demonym = &h; break;
            case LexKind::prefix: prefix = &h; break;
            case LexKind::shared_demonym: shared = &h; break;
            default: break;
          }
        }
        if (org != nullptr) {
          const auto& o = lex_.organisations()[org->index];
          // The name as written ("ministère public néerlandais"); the entity
          // takes the gazetteer's name as its preferred label (link.cpp).
          int mi = add(i, m.last, EntityType::Institution, "gazetteer", o.id);
          d_.mentions[static_cast<std::size_t>(mi)].country = o.country;
          std::set<std::string> countries;
          for (auto c : candidates) countries.insert(lex_.organisations()[c].country);
          if (countries.size() > 1) ambiguous_[mi] = std::move(candidates);
        } else if (country != nullptr) {
          add(i, m.last, EntityType::Country, "gazetteer", country->value, lex_.countries()[country->index].name);
        } else if (place != nullptr) {
          const auto& p = lex_.places()[place->index];
          int mi = add(i, m.last, EntityType::Place, "gazetteer", {}, p.name);
          d_.mentions[static_cast<std::size_t>(mi)].country = p.country;
          if (p.kind == "capital" && !p.country.empty()) capitals_.insert(mi);
        } else if (demonym != nullptr) {
          int mi = add(i, m.last, EntityType::Country, "demonym", demonym->value, lex_.countries()[demonym->index].name);
          d_.mentions[static_cast<std::size_t>(mi)].demonym = true;
        } else if (shared != nullptr && !first.upper_initial) {
          // "congolais": the one of its states the article names, if only one.
          std::string only;
          int named_states = 0;
          for (const auto& iso : split_codes(shared->value))
            if (named.count(iso) != 0) {
              only = iso;
              ++named_states;
            }
          const auto* c = named_states == 1 ? lex_.country(only) : nullptr;
          if (c == nullptr) continue;
          int mi = add(i, m.last, EntityType::Country, "shared-demonym", only, c->name);
          d_.mentions[static_cast<std::size_t>(mi)].demonym = true;
        } else if (prefix != nullptr && m.last + 1 < size() && tok(m.last).norm == "-" && !tok(m.last).space_before) {
          // "maroco-nigérienne": the prefix names a country when a demonym or
          // another prefix follows the hyphen.
          auto next = index_.at(m.last + 1);
          bool compound = std::any_of(next.begin(), next.end(), [](const PhraseMatch& n) {
            return std::any_of(n.hits->begin(), n.hits->end(), [](const LexHit& h) {
              return h.kind == LexKind::demonym || h.kind == LexKind::prefix;
            });
          });
          if (!compound) continue;
          int mi = add(i, m.last, EntityType::Country, "compound", prefix->value, lex_.countries()[prefix->index].name);
          d_.mentions[static_cast<std::size_t>(mi)].demonym = true;
        } else {
          continue;
        }
        i = m.last - 1;
        break;
      }
    }
  }

  /// "Rabat et Madrid signent un accord", "Paris et Rabat vont s'aider
  /// mutuellement": capitals listed together as the subject of a signing or
  /// a cooperation stand for their states. Anywhere else a capital is a place.
  void capitals_as_states() {
    auto country_or_capital = [&](std::uint32_t k) -> int {
      if (k >= size() || taken_[k] < 0) return -1;
      const int mi = taken_[k];
      const auto& m = d_.mentions[static_cast<std::size_t>(mi)];
      if (m.first_token != k) return -1;
      if (capitals_.count(mi) != 0 || (m.type == EntityType::Country && !m.demonym)) return mi;
      return -1;
    };
    std::set<int> states;
    for (int c : capitals_) {
      const auto& p = d_.mentions[static_cast<std::size_t>(c)];
      // "Rabat et Madrid", "Paris et le Maroc": the list of two.
      std::uint32_t k = p.last_token;
      int other = -1;
      if (k + 1 < size() && rules::has_class(tok(k).norm, "coordination")) {
        std::uint32_t j = k + 1;
        if (j < size() && rules::is_determiner(tok(j).norm)) ++j;
        other = country_or_capital(j);
      }
      if (other < 0) continue;
      const auto& o = d_.mentions[static_cast<std::size_t>(other)];
      // The list starts its clause ("Migration : Rome et Tunis signent") or follows "entre".
      const std::uint32_t s0 = d_.sentences[tok(p.first_token).sentence].first_token;
      const std::uint32_t f = p.first_token;
      const bool starts = f == s0 || tok(f - 1).norm == ":" || rules::has_class(tok(f - 1).norm, "between") ||
                          tok(f).newline_before;
      if (!starts) continue;
      bool acts = false;
      for (std::uint32_t j = o.last_token; j < sentence_end(o.first_token) && j < o.last_token + 8 && !acts; ++j)
        if (auto t = hit_at(j, LexKind::trigger))
          acts = t->second->value == "sign" || t->second->value == "launch" || t->second->value == "cooperate";
      if (!acts) continue;
      states.insert(c);
      if (capitals_.count(other) != 0) states.insert(other);
    }
    for (int c : states) {
      auto& m = d_.mentions[static_cast<std::size_t>(c)];
      const auto* country = lex_.country(m.country);
      if (country == nullptr) continue;
      m.type = EntityType::Country;
      m.key = m.country;
      m.name = country->name;
      m.stage = "capital-for-state";
      m.country.clear();
    }
  }

  static std::vector<std::string> split_codes(std::string_view codes) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i <= codes.size()) {
      std::size_t j = std::min(codes.find('|', i), codes.size());
      if (j > i) out.emplace_back(codes.substr(i, j - i));
      i = j + 1;
    }
    return out;
  }

  /// National bodies of several countries share a name ("Sûreté nationale":
  /// Morocco, Algeria, Mauritania). The gazetteer took the most named country;
  /// the text near the mention says better, in this order: a demonym or "du"
  /// + country right after it ("la Sûreté nationale mauritanienne"); a body it
  /// is listed with that has one country only ("de la Sûreté nationale et de
  /// la Surveillance du territoire"); the last mention of that name settled
  /// before it.
  void settle_organisations() {
    auto choose = [&](int mi, const std::string& iso) {
      auto it = ambiguous_.find(mi);
      if (it == ambiguous_.end()) return false;
      for (auto c : it->second) {
        const auto& o = lex_.organisations()[c];
        if (o.country != iso) continue;
        auto& m = d_.mentions[static_cast<std::size_t>(mi)];
        m.key = o.id;
        m.country = o.country;
        return true;
      }
      return false;
    };
    std::map<std::string, std::string> last_country;  // name as written (norm) -> country settled
    for (auto& [mi, cands] : ambiguous_) {
      auto& m = d_.mentions[static_cast<std::size_t>(mi)];
      const std::string name = Lexicon::norm(d_.slice(m.span));
      bool settled = false;
      std::uint32_t k = m.last_token;
      if (k < size() && tok(k).norm == "(" && k + 2 < size() && tok(k + 2).norm == ")") k += 3;
      if (auto ct = country_at(k); ct && ct->demonym) settled = choose(mi, ct->iso2);
      if (!settled && k + 1 < size() && rules::is_preposition(tok(k).norm)) {
        std::uint32_t j = k + 1;
        if (j < size() && rules::is_determiner(tok(j).norm)) ++j;
        if (auto ct = country_at(j); ct && !ct->demonym) settled = choose(mi, ct->iso2);
      }
      // Listed with a body of one country: "X et de la Y", "Y et X".
      for (std::size_t o = 0; !settled && o < d_.mentions.size(); ++o) {
        const auto& n = d_.mentions[o];
        if (static_cast<int>(o) == mi || n.type != EntityType::Institution || n.country.empty() ||
            ambiguous_.count(static_cast<int>(o)) != 0 || n.key.empty())
          continue;
        const std::uint32_t a = std::min(m.last_token, n.last_token), b = std::max(m.first_token, n.first_token);
        if (b < a || b - a > 4) continue;
        bool listed = false;
        for (std::uint32_t t = a; t < b; ++t) listed = listed || rules::has_class(tok(t).norm, "coordination");
        if (listed) settled = choose(mi, n.country);
      }
      if (!settled) {
        auto it = last_country.find(name);
        if (it != last_country.end()) settled = choose(mi, it->second);
      }
      last_country[name] = m.country;
      // An acronym and its name settle each other ("la Sûreté nationale ... la DGSN").
      for (const std::uint32_t c : lex_.organisations_with_id(m.key)) {
        const auto& o = lex_.organisations()[c];
        last_country[Lexicon::norm(o.name)] = m.country;
        for (const auto& alias : o.aliases) last_country[Lexicon::norm(alias)] = m.country;
      }
    }
  }

  // ------------------------------------------------------------- 2. institutions
  /// The complement of a head or title starting at j: names, adjectives,
  /// "de ..." groups; stops at a country complement, which it reports.
  struct Complement {
    std::uint32_t name_last = 0;  ///< one past the last token of the name
    std::string country;          ///< from "du Maroc" or a demonym
    std::uint32_t demonym_at = 0; ///< token of a trailing demonym, 0 if none
    std::string acronym;          ///< "(DGSN)" right after
    std::uint32_t acronym_last = 0;
    std::uint32_t country_at = 0; ///< "des Pays-Bas": the country's first token, 0 if none
    std::uint32_t country_last = 0;
    int capitals = 0;             ///< capitalised words in the complement
    int content = 0;              ///< content words in "de ..." groups
    int adjectives = 0;
  };

  /// An acronym in parentheses at j: "(DGSN)", "(ANLTP/TIM)", "(BKA - Bundeskriminalamt)";
  /// its end (one past ")") and the acronym, or j when there is none.
  std::uint32_t acronym_at(std::uint32_t j, std::uint32_t end, std::string& acronym) const {
    if (j + 2 >= end || tok(j).norm != "(" || !tok(j + 1).all_upper) return j;
    if (tok(j + 2).norm == ")") {
      acronym = std::string(d_.token_text(j + 1));
      return j + 3;
    }
    // "(ANLTP/TIM)", "(ANLTP-TIM)": one acronym in parts; "(BKA- BUNDESKRIMINALAMT)",
    // "(BKA - Bundeskriminalamt)": the acronym, then the name in its language.
    if (tok(j + 2).norm != "/" && tok(j + 2).norm != "-") return j;
    for (std::uint32_t k = j + 3; k < end && k < j + 9; ++k) {
      if (tok(k).norm == ")") {
        acronym = std::string(d_.token_text(j + 1));
        return k + 1;
      }
      if (!tok(k).alpha && tok(k).norm != "/" && tok(k).norm != "-") return j;
    }
    return j;
  }

  /// Whether the demonym at j is plural where the head it would qualify is
  /// singular ("de la police et de la marine sénégalaises": it qualifies the list).
  bool plural_demonym_of_singular(std::uint32_t head, std::uint32_t j) const {
    const std::string& h = tok(head).norm;
    const std::string& w = tok(j).norm;
    if (h.empty() || h.back() == 's' || w.size() < 3 || w.back() != 's') return false;
    auto ct = country_at(j);
    if (!ct) return false;
    const auto* c = lex_.country(ct->iso2);
    if (c == nullptr) return false;
    const std::string singular = w.substr(0, w.size() - 1);
    return std::any_of(c->demonyms.begin(), c->demonyms.end(),
                       [&](const std::string& d) { return Lexicon::norm(d) == singular; });
  }

  Complement complement(std::uint32_t j, std::uint32_t limit, bool lowercase_chain) const {
    Complement c;
    c.name_last = j;
    const std::uint32_t head = j == 0 ? 0 : j - 1;
    const std::uint32_t end = std::min(limit, sentence_end(head));
    bool against = false;  // "lutte contre la Traite des Personnes et le Trafic ...": the object goes on
    while (j < end) {
      const Token& t = tok(j);
      if (std::string acr; t.norm == "(") {
        if (std::uint32_t a = acronym_at(j, end, acr); a > j) {
          c.acronym = acr;
          c.acronym_last = a;
        }
        break;
      }
      if (auto ct = country_at(j); ct && ct->demonym && !t.upper_initial && c.name_last == j) {
        if (plural_demonym_of_singular(head, j)) break;
        c.country = ct->iso2;
        c.demonym_at = j;
        c.name_last = ct->last;
        j = ct->last;
        continue;
      }
      if (t.alpha && !t.upper_initial && rules::is_adjective(t.norm) && c.name_last == j) {
        ++c.adjectives;
        c.name_last = ++j;
        continue;
      }
      // "le Trafic illicite des Migrants": in a name written with capitals, one
      // lower-case word between a capitalised one and "de" + a capitalised one
      // is an adjective of the name.
      if (t.alpha && !t.upper_initial && c.name_last == j && c.capitals > 0 && is_upper_word(tok(j - 1)) &&
          rules::is_content_word(t.norm) && !name_stop(j) && j + 2 < end && rules::is_preposition(tok(j + 1).norm)) {
        std::uint32_t k = j + 2;
        if (k < end && rules::is_determiner(tok(k).norm)) ++k;
        if (k < end && is_upper_word(tok(k)) && !country_at(k)) {
          ++c.adjectives;
          c.name_last = ++j;
          continue;
        }
      }
      if (is_upper_word(t) && c.name_last == j && !country_at(j)) {
        if (name_stop(j)) break;
        ++c.capitals;
        c.name_last = ++j;
        continue;
      }
      bool et = rules::has_class(t.norm, "coordination");
      std::uint32_t k = j + (et ? 1 : 0);
      // "et de la Sécurité" continues a name; "et la Guardia Civil" starts
      // another, unless the name fights a list ("lutte contre la Traite des
      // Personnes et le Trafic illicite des Migrants").
      bool preposition = k < end && rules::is_preposition(tok(k).norm);
      if (preposition) {
        if (tok(k).norm == "contre") against = true;
        ++k;
      } else if (!(et && against && k + 1 < end && rules::is_determiner(tok(k).norm) && is_upper_word(tok(k + 1)))) {
        break;
      }
      if (k < end && rules::is_determiner(tok(k).norm)) ++k;
      if (k >= end) break;
      if (auto ct = country_at(k); ct && !ct->demonym) {
        // "de la mission de l'Union européenne au Togo": where it works, not whose.
        if (rules::has_class(tok(k - 1).norm, "locative") ||
            (k >= 2 && rules::is_determiner(tok(k - 1).norm) && rules::has_class(tok(k - 2).norm, "locative")))
          break;
        c.country = ct->iso2;
        // "de la République fédérale d'Allemagne (BKA)": the acronym after the country.
        if (std::string acr; ct->last < end) {
          if (std::uint32_t a = acronym_at(ct->last, end, acr); a > ct->last) {
            c.acronym = acr;
            c.acronym_last = a;
          }
        }
        c.country_at = k;
        c.country_last = ct->last;
        break;
      }
      const Token& w = tok(k);
      if (!w.alpha || name_stop(k)) break;
      if (w.upper_initial) {
        ++c.capitals;
      } else if (!lowercase_chain || !rules::is_content_word(w.norm)) {
        break;
      } else if (et && c.capitals > 0) {
        break;  // "des Affaires étrangères et de la Coopération et des organisations de ...": a list goes on
      } else if (!rules::is_determiner(tok(k - 1).norm) && tok(k - 1).norm != "du" && tok(k - 1).norm != "des" &&
                 is_infinitive(w.norm)) {
        break;  // "de participer": a verb, not a name
      }
      ++c.content;
      c.name_last = j = k + 1;
    }
    return c;
  }

  /// A lower-case word that reads as an infinitive after "de" ("participer", "agir").
  static bool is_infinitive(std::string_view norm) {
    return norm.size() >= 5 && (norm.ends_with("er") || norm.ends_with("ir"));
  }

  void institutions() {
    for (std::uint32_t i = 0; i < size(); ++i) {
      if (taken_[i] >= 0) continue;
      auto head = hit_at(i, LexKind::institution_head);
      if (!head) continue;
      const Token& first = tok(i);
      const auto& hm = head->first;
      // "garde des Sceaux" is a title, not the institution "garde".
      if (auto t = hit_at(i, LexKind::title); t && t->first.last >= hm.last) continue;
      // Institution names are singular: "les services compétents", "des
      // garde-côtes tunisiens" are no names.
      const Token& head_last = tok(hm.last - 1);
      if (!first.upper_initial && ((first.norm.size() > 1 && first.norm.back() == 's') ||
                                   (head_last.norm.size() > 1 && head_last.norm.back() == 's' && !head_last.upper_initial)))
        continue;
      // "une Police professionnelle": a description, not a name.
      if (i > 0 && rules::has_class(tok(i - 1).norm, "indefinite")) continue;
      const std::string& cls = head->second->value;
      // A capitalised head opens a proper name that may go on in lower case
      // ("Brigade centrale des frontières"); a lower-case one only for some classes.
      bool lower_chain = rules::allows_lowercase_chain(cls) || first.upper_initial;
      bool demonym_head = rules::has_class(cls, "demonym_head") || rules::has_class(first.norm, "demonym_head");
      Complement c = complement(hm.last, size(), lower_chain);
      // At the start of a sentence or a line a capital says nothing: "Programme
      // prévisionnel :", "Conférence de presse des ministres".
      const bool initial = sentence_initial(i) || first.newline_before || (i > 0 && tok(i - 1).norm == ":");
      bool accept = c.capitals > 0 || (first.upper_initial && !initial && (c.content > 0 || c.adjectives > 0)) ||
                    (lower_chain && c.content > 0 && !(initial && c.capitals == 0 && !first.upper_initial)) ||
                    (demonym_head && !c.country.empty());
      if (initial && first.upper_initial && c.capitals == 0 && c.acronym.empty() && c.country.empty()) accept = false;
      // "la Police des Pays-Bas": a head and its country is a name.
      if (accept && c.name_last <= hm.last && demonym_head && c.country_at > 0) c.name_last = c.country_last;
      if (!accept || c.name_last <= hm.last) continue;
      std::uint32_t last = c.name_last;
      // A trailing demonym is the institution's country, not its name
      // ("Police fédérale belge"), unless the name would be a bare head ("police marocaine").
      bool cut = c.demonym_at > 0 && c.demonym_at + 1 == last && c.demonym_at >= hm.last + 1;
      std::string name = std::string(d_.token_range_text(i, cut ? c.demonym_at : last));
      // Gazetteer organisations inside the name stay as nested mentions.
      std::vector<int> nested;
      for (std::uint32_t k = i; k < last; ++k)
        if (taken_[k] >= 0 && (nested.empty() || nested.back() != taken_[k])) nested.push_back(taken_[k]);
      if (!nested.empty() && d_.mentions[static_cast<std::size_t>(nested.front())].first_token == i) continue;
      // "l'agence Frontex": the head only describes a known organisation.
      if (nested.size() == 1) {
        const auto& only = d_.mentions[static_cast<std::size_t>(nested.front())];
        if (only.type == EntityType::Institution && only.first_token == hm.last && only.last_token >= last) continue;
      }
      int mi = add(i, last, EntityType::Institution, "institution-pattern", {}, name, false);
      for (std::uint32_t k = i; k < last; ++k)
        if (taken_[k] < 0) taken_[k] = mi;
      auto& m = d_.mentions[static_cast<std::size_t>(mi)];
      m.country = c.country;
      if (!c.acronym.empty()) add_acronym(mi, c);
      i = last - 1;
    }
  }

  void add_acronym(int mention, const Complement& c) {
    auto& m = d_.mentions[static_cast<std::size_t>(mention)];
    std::uint32_t at = c.name_last;
    while (at < c.acronym_last && tok(at).norm != "(") ++at;
    ++at;  // the acronym, right after "("
    if (taken_[at] >= 0) {
      // The gazetteer knew the acronym: the name joins it.
      auto& g = d_.mentions[static_cast<std::size_t>(taken_[at])];
      if (g.type == EntityType::Institution && m.key.empty()) {
        m.key = g.key;
        if (m.country.empty()) m.country = g.country;
      }
      return;
    }
    std::string key = m.key;
    std::string country = m.country;
    int a = add(at, at + 1, EntityType::Institution, "acronym-definition", key, c.acronym);
    d_.mentions[static_cast<std::size_t>(a)].country = country;
    d_.mentions[static_cast<std::size_t>(a)].refers_to = mention;
    acronyms_[c.acronym] = mention;
  }

  // ------------------------------------------------------------- 3. titles
  void title_complements() {
    for (std::uint32_t i = 0; i < size(); ++i) {
      auto title = hit_at(i, LexKind::title);
      if (!title || rules::has_class(title->second->value, "portfolio_title")) continue;
      std::uint32_t j = title->first.last;
      // "du Roi" belongs to the title ("procureur général du Roi").
      while (j + 1 < size() && rules::is_preposition(tok(j).norm) && rules::is_title_word(tok(j + 1).norm)) j += 2;
      const std::uint32_t end = sentence_end(i);
      while (j < end) {
        bool et = rules::has_class(tok(j).norm, "coordination");
        std::uint32_t k = j + (et ? 1 : 0);
        if (k >= end || !rules::is_preposition(tok(k).norm)) break;
        ++k;
        if (k < end && rules::is_determiner(tok(k).norm)) ++k;
        if (k < end && taken_[k] >= 0) {
          // An institution already known ("de la Sûreté nationale"): step over it
          // to its coordinated neighbour ("et de la Surveillance du territoire").
          const auto& known = d_.mentions[static_cast<std::size_t>(taken_[k])];
          if (known.type != EntityType::Institution || known.first_token != k) break;
          j = known.last_token;
          if (j + 2 < end && tok(j).norm == "(" && tok(j + 2).norm == ")") j += 3;
          continue;
        }
        if (k >= end || !is_upper_word(tok(k)) || country_at(k)) break;
        if (hit_at(k, LexKind::institution_head)) break;
        // "directeur général de l'ANLTP": an acronym the article defined.
        if (tok(k).all_upper && taken_[k] < 0) {
          if (auto it = acronyms_.find(std::string(d_.token_text(k))); it != acronyms_.end()) {
            const auto& def = d_.mentions[static_cast<std::size_t>(it->second)];
            std::string key = def.key, country = def.country;
            int a = add(k, k + 1, EntityType::Institution, "acronym", key, std::string(d_.token_text(k)));
            d_.mentions[static_cast<std::size_t>(a)].country = country;
            d_.mentions[static_cast<std::size_t>(a)].refers_to = it->second;
            j = k + 1;
            continue;
          }
        }
        Complement c = complement(k + 1, end, true);
        std::uint32_t last = std::max(c.name_last, k + 1);
        std::string name = std::string(d_.token_range_text(k, c.demonym_at ? c.demonym_at : last));
        if (!free(k, last)) break;
        // "conseiller d'Etat", "au service de l'Etat": one common word is no name.
        if (last == k + 1 && c.acronym.empty() && Lexicon::is_common_word(tok(k).norm)) break;
        int mi = add(k, last, EntityType::Institution, "title-complement", {}, name);
        d_.mentions[static_cast<std::size_t>(mi)].country = c.country;
        if (!c.acronym.empty()) add_acronym(mi, c);
        j = c.acronym.empty() ? last : c.acronym_last;
      }
    }
    // Acronyms defined earlier and used alone later ("la DGSN").
    for (std::uint32_t i = 0; i < size(); ++i) {
      if (taken_[i] >= 0 || !tok(i).all_upper) continue;
      auto it = acronyms_.find(std::string(d_.token_text(i)));
      if (it == acronyms_.end()) continue;
      const auto& def = d_.mentions[static_cast<std::size_t>(it->second)];
      std::string key = def.key;
      std::string country = def.country;
      int a = add(i, i + 1, EntityType::Institution, "acronym", key, std::string(d_.token_text(i)));
      d_.mentions[static_cast<std::size_t>(a)].country = country;
      d_.mentions[static_cast<std::size_t>(a)].refers_to = it->second;
    }
  }

  /// The end of initials written from token j ("A.", "J.-P."), or j.
  std::uint32_t initials_end(std::uint32_t j, std::uint32_t end) const {
    std::uint32_t k = j;
    while (k + 1 < end && tok(k).alpha && tok(k).upper_initial && d_.token_text(k).size() == 1 &&
           tok(k + 1).norm == "." && !tok(k + 1).space_before) {
      k += 2;
      if (k + 1 < end && tok(k).norm == "-" && !tok(k).space_before && !tok(k + 1).space_before) ++k;
    }
    if (k > j && tok(k - 1).norm == "-") --k;
    return k > j && tok(k - 1).norm == "." ? k : j;
  }

  // ------------------------------------------------------------- 4. persons
  /// Capitalised name words from i: "El Hassan Daki", "Mohammed VI", "Jean-Marc Ayrault".
  std::uint32_t name_run(std::uint32_t i, std::uint32_t max_words = 5) const {
    std::uint32_t j = i;
    std::uint32_t words = 0;
    const std::uint32_t end = sentence_end(i);
    bool after_particle = false;
    while (j < end && words < max_words) {
      const Token& t = tok(j);
      if (taken_[j] >= 0) break;
      // An initial: "Christopher A. Wray", "J.-P. Dumont".
      if (std::uint32_t e = initials_end(j, end); e > j) {
        if (e < end && is_upper_word(tok(e)) && taken_[e] < 0 && !name_stop(e)) {
          j = e;
          continue;
        }
        break;
      }
      if (particle(j) && !rules::has_class(t.norm, "inner_particle")) {
        // "Ould", "Ben", "van", "von der": part of the name when a capitalised
        // word follows ("der", "den" only after another particle: alone they
        // are German or Dutch articles, "... Laftit den Startschuss").
        std::uint32_t k = j + 1;
        if (k < end && rules::has_class(tok(k).norm, "inner_particle")) ++k;
        if (k < end && is_upper_word(tok(k)) && taken_[k] < 0 && !country_at(k)) {
          j = k;
          after_particle = true;
          continue;
        }
        break;
      }
      if (is_upper_word(t) && !(t.all_upper && t.norm.size() > 3 && words == 0) && !name_stop(j) &&
          (after_particle || !hit_at(j, LexKind::title))) {
        // A surname in capitals after the first name: "Mohamed HASSAD"; a
        // word after a particle even if it is a title elsewhere ("Ould Cheikh").
        ++j;
        ++words;
        after_particle = false;
      } else if (words > 0 && is_regnal(d_.token_text(j))) {
        ++j;
        break;
      } else if (words > 0 && t.norm == "-" && !t.space_before && j + 1 < end && is_upper_word(tok(j + 1)) &&
                 !tok(j + 1).space_before) {
        ++j;
      } else {
        break;
      }
    }
    while (j > i && (particle(j - 1) || tok(j - 1).norm == "-")) --j;
    return j;
  }

  bool sentence_initial(std::uint32_t i) const { return d_.sentences[tok(i).sentence].first_token == i; }

  void persons() {
    for (std::uint32_t i = 0; i < size(); ++i) {
      if (taken_[i] >= 0) continue;
      // Honorific: "M. Daki", "Mme Durand".
      if (auto h = hit_at(i, LexKind::honorific)) {
        std::uint32_t s = h->first.last;
        if (s < size() && is_upper_word(tok(s))) {
          std::uint32_t e = name_run(s);
          if (e > s) {
            add(s, e, EntityType::Person, "honorific");
            i = e - 1;
            continue;
          }
        }
      }
      const Token& t = tok(i);
      if (!is_upper_word(t)) continue;
      // "le ministre J.-P. Dumont": initials and a surname after a title.
      if (std::uint32_t e = initials_end(i, sentence_end(i)); e > i && i > 0) {
        bool titled = false;
        for (std::uint32_t k = i > 3 ? i - 3 : 0; k < i && !titled; ++k)
          if (auto h = hit_at(k, LexKind::title); h && h->first.last == i) titled = true;
        if (titled && e < size() && is_upper_word(tok(e)) && !Lexicon::is_common_word(tok(e).norm)) {
          std::uint32_t last = name_run(i, 3);
          if (last > e) {
            add(i, last, EntityType::Person, "title-name");
            i = last - 1;
            continue;
          }
        }
      }
      // A title and a name that is no common French word: "le commissaire Verlaine".
      if (std::uint32_t e = titled_surname(i); e > i) {
        add(i, e, EntityType::Person, "title-name");
        i = e - 1;
        continue;
      }
      // Known first name, or a particle before one ("El Hassan").
      std::uint32_t f = i;
      while (f < size() && particle(f) && f + 1 < size()) ++f;
      if (!lex_.is_first_name(tok(f).norm)) continue;
      std::uint32_t e = name_run(i);
      bool titled = i > 0 && (hit_at(i - 1, LexKind::title) || hit_at(i - 1, LexKind::honorific));
      bool regnal = e > f + 1 && is_regnal(d_.token_text(e - 1));
      if (e >= f + 2 || regnal || (titled && e == f + 1)) {
        add(i, e, EntityType::Person, regnal || titled ? "title-name" : "first-name");
        i = e - 1;
      }
    }
    // Apposition: ", Abdellatif Ouahbi," after a title, or "Moumouni Hamidou, président".
    for (std::uint32_t i = 1; i + 1 < size(); ++i) {
      if (taken_[i] >= 0 || !is_upper_word(tok(i))) continue;
      std::uint32_t e = name_run(i, 3);
      if (e < i + 2) continue;
      bool after_comma_title = tok(i - 1).norm == "," && title_before(i - 1);
      bool before_title = e + 1 < size() && tok(e).norm == "," && title_after(e + 1);
      bool after_par = (rules::has_class(tok(i - 1).norm, "by") || rules::is_preposition(tok(i - 1).norm)) && before_title;
      if (after_comma_title || before_title || after_par) {
        if (sentence_initial(i) && !before_title) continue;
        add(i, e, EntityType::Person, "apposition");
        i = e - 1;
      }
    }
    // A surname used alone refers to the person named in full in the document.
    std::map<std::string, int> surnames;
    for (std::size_t k = 0; k < d_.mentions.size(); ++k) {
      const auto& m = d_.mentions[k];
      if (m.type != EntityType::Person || m.last_token - m.first_token < 2) continue;
      if (is_regnal(d_.token_text(m.last_token - 1))) continue;
      auto [it, fresh] = surnames.emplace(tok(m.last_token - 1).norm, static_cast<int>(k));
      if (!fresh && it->second >= 0 &&
          name_key(d_.mentions[static_cast<std::size_t>(it->second)].name) != name_key(m.name))
        it->second = -1;  // two persons share the surname: a lone surname stays unresolved
    }
    for (std::uint32_t i = 0; i < size(); ++i) {
      if (taken_[i] >= 0 || !is_upper_word(tok(i))) continue;
      auto it = surnames.find(tok(i).norm);
      if (it == surnames.end() || it->second < 0) continue;
      if (i + 1 < size() && is_upper_word(tok(i + 1)) && taken_[i + 1] < 0) continue;
      int ref = it->second;
      int a = add(i, i + 1, EntityType::Person, "surname");
      d_.mentions[static_cast<std::size_t>(a)].refers_to = ref;
    }
  }

  /// The end of a name right after a title ("le commissaire Verlaine"), or i
  /// when there is none: every word capitalised, no common French word, no
  /// first name (the first-name rule takes those), not at a sentence start.
  std::uint32_t titled_surname(std::uint32_t i) const {
    if (i == 0 || sentence_initial(i) || !Lexicon::has_dictionary()) return i;
    // "son homologue algérien Abderrachid Tabi": a demonym may stand between.
    std::uint32_t end = i;
    if (taken_[i - 1] >= 0 && d_.mentions[static_cast<std::size_t>(taken_[i - 1])].demonym)
      end = d_.mentions[static_cast<std::size_t>(taken_[i - 1])].first_token;
    bool titled = false;
    for (std::uint32_t k = end > 3 ? end - 3 : 0; k < end && !titled; ++k)
      if (auto t = hit_at(k, LexKind::title); t && t->first.last == end) titled = true;
    if (!titled) return i;
    std::uint32_t e = name_run(i, 3);
    for (std::uint32_t k = i; k < e; ++k) {
      const Token& w = tok(k);
      if (!w.upper_initial) continue;  // particles
      if (Lexicon::is_common_word(w.norm) || lex_.is_first_name(w.norm) || is_regnal(d_.token_text(k))) return i;
    }
    return e;
  }

  /// A title phrase ends right before token `comma` ("le ministre de la Justice,").
  bool title_before(std::uint32_t comma) const {
    std::uint32_t s = d_.sentences[tok(comma).sentence].first_token;
    std::uint32_t from = comma > 25 ? std::max(s, comma - 25) : s;
    for (std::uint32_t k = comma; k-- > from;) {
      if (tok(k).norm == "," || tok(k).norm == "\"") return false;
      if (hit_at(k, LexKind::title)) return true;
    }
    return false;
  }

  /// A title phrase starts at token j, after an optional determiner.
  bool title_after(std::uint32_t j) const {
    if (j < size() && rules::is_determiner(tok(j).norm)) ++j;
    return j < size() && hit_at(j, LexKind::title).has_value();
  }

  // ------------------------------------------------------------- 5. agreements
  void agreements() {
    for (std::uint32_t i = 0; i < size(); ++i) {
      if (taken_[i] >= 0) continue;
      auto a = hit_at(i, LexKind::agreement);
      if (!a || !Lexicon::accents_match(d_, a->first, *a->second)) continue;
      const auto& m = a->first;
      const Token& t = tok(i);
      bool plural = t.norm.size() > 1 && t.norm.back() == 's' && a->second->form.back() != 's';
      if (plural) continue;
      std::string prev = i > 0 ? tok(i - 1).norm : "";
      // "d'accord", "en accord avec": agreeing, not an agreement.
      if (rules::has_class(prev, "not_instrument_before") && rules::has_class(a->second->value, "agreeable")) continue;
      add(i, m.last, EntityType::Agreement, "agreement-trigger", a->second->value, std::string(d_.token_range_text(i, m.last)), true);
      i = m.last - 1;
    }
    // "Cette convention actualise celle signée entre l'Algérie et la France le
    // 27 août 1964": a pronoun with a signing of its own and a date names
    // another instrument of the kind it stands for.
    for (std::uint32_t i = 0; i < size(); ++i) {
      if (taken_[i] >= 0 || !rules::has_class(tok(i).norm, "instrument_pronoun")) continue;
      const Mention* antecedent = nullptr;
      for (const auto& m : d_.mentions)
        if (m.type == EntityType::Agreement && m.last_token <= i && tok(m.first_token).sentence == tok(i).sentence)
          antecedent = &m;
      if (antecedent == nullptr) continue;
      const std::uint32_t end = std::min(sentence_end(i), i + 12);
      std::uint32_t sign = i;
      for (std::uint32_t k = i + 1; k < end && sign == i; ++k)
        if (auto t = hit_at(k, LexKind::trigger); t && t->second->value == "sign") sign = k;
      if (sign == i) continue;
      const bool dated = std::any_of(d_.dates.begin(), d_.dates.end(), [&](const DateMention& dm) {
        return dm.sentence == tok(i).sentence && dm.span.begin > tok(sign).span.begin &&
               dm.span.begin <= tok(std::min(sentence_end(i), sign + 12) - 1).span.end;
      });
      if (!dated) continue;
      std::string key = antecedent->key, name = antecedent->name;
      add(i, i + 1, EntityType::Agreement, "pronoun", key, name);
    }
  }

  Document& d_;
  const Lexicon& lex_;
  const LexIndex& index_;
  std::vector<int> taken_;                 ///< token -> mention that owns it, -1 if none
  std::map<std::string, int> acronyms_;    ///< acronym defined in parentheses -> named mention
  std::map<int, std::vector<std::uint32_t>> ambiguous_;  ///< organisation mention -> its candidates of several countries
  std::set<int> capitals_;  ///< place mentions that are capitals of states
  mutable std::vector<std::uint64_t> classes_;  ///< token -> classes(), once known
  mutable std::vector<bool> classes_known_;
  const std::uint64_t particle_;   ///< class bit of name particles
  const std::uint64_t name_stop_;  ///< class bit of name stops
};

}  // namespace

void recognize(Document& doc, const LexIndex& index) {
  doc.mentions.clear();
  if (doc.tokens.empty()) return;
  Recognizer(doc, index).run();
}

void recognize(Document& doc) { recognize(doc, LexIndex(Lexicon::french(), doc)); }

}  // namespace entente::extract
