// Stage: relations from sentence structure.
//
// Precision first: a relation is made only from words of the text; a country,
// a ministry or a signatory the text does not give stays unknown.
//
// Rules, each a member function below, in the order they run:
//   roles           a person in apposition to a title phrase ("le ministre
//                   tunisien de l'Intérieur, X", "X, ministre de l'Intérieur du
//                   Niger", "le directeur général de la Sûreté nationale (DGSN),
//                   M. X", "son homologue italien, X", "le burundais X") holds the
//                   role; institutions in the phrase give memberOf, its country
//                   (demonym, "du Niger", "(Niger)") gives country
//   heads           "la présidence de X ... confiée à Y", "X, présidée par Y"
//   institution_countries  "la Cour de cassation du Maroc", "la police
//                   marocaine"; "au ministère de l'Intérieur à Dakar" (a city of
//                   one country); "au Maroc" is where, not whose
//   sole_country    an article that names one country only situates its
//                   unqualified national institutions in it
//   person_countries  via the institution; "du côté belge"; delegations ("Le
//                   Niger était représenté par une délégation conduite par X.
//                   Cette délégation est composée de Y, du Ministère ...")
//   visitors        persons who visit together, no counterpart among them,
//                   are one delegation
//   agreements      parties on sides (the subject of the signing, "avec",
//                   "entre", the signatories' countries, "les deux pays"),
//                   signatories ("signé par", "X et son homologue Y ont signé",
//                   "ont procédé à la signature", "avec lequel il a signé"),
//                   the other party's signatory, participants ("en présence de",
//                   the persons of the meeting it ended, whoever led a side to
//                   the ceremony), date (near the signing; the article's first
//                   full date only for the one agreement of an article)
//   implied_ministries  a minister's title ties the person to the ministry the
//                   article names, of the same portfolio and country; a
//                   counterpart holds the same portfolio
//   cooperation     agreement parties across sides; "la coopération entre X et
//                   Y", "X coopère avec Y", "X et Y renforcent leur
//                   coopération", "les deux pays ont convenu de ...", a meeting
//                   for cooperation, a joint operation led by several actors;
//                   bodies of two countries make their countries cooperate,
//                   bodies of one country never do; countries that only share a
//                   sentence do not cooperate
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <unordered_set>

#include "entente/extract/names.hpp"
#include "entente/extract/pipeline.hpp"
#include "lexicon.hpp"
#include "rules.hpp"
#include "sentence_facts.hpp"
#include "stages.hpp"

namespace entente::extract {
namespace {

/// A string literal as a template argument (word_is<"preposition">).
template <std::size_t N>
struct Literal {
  char text[N] = {};
  constexpr Literal(const char (&s)[N]) { std::copy_n(s, N, text); }  // NOLINT: implicit by design
  constexpr std::string_view view() const { return {text, N - 1}; }
};

class RelationFinder {
 public:
  RelationFinder(Document& d, const SentenceFacts& facts) : d_(d), lex_(Lexicon::french()), facts_(facts) {
    in_title_.assign(d.tokens.size(), false);
    qualifier_.assign(d.tokens.size(), false);
    mention_at_.assign(d.tokens.size(), -1);
    for (std::size_t k = d.mentions.size(); k-- > 0;)
      if (d.mentions[k].entity >= 0) mention_at_[d.mentions[k].first_token] = static_cast<int>(k);
    for (const auto& m : d.mentions)
      if (m.type == EntityType::Country && m.entity >= 0) ++country_count_[m.entity];
    token_classes_.reserve(d.tokens.size());
    for (const auto& t : d.tokens) token_classes_.push_back(rules::classes_of(t.norm));
    // Token -> the mentions over it, looked up by many rules: built once.
    starts_.assign(d.tokens.size() + 1, 0);
    person_over_.assign(d.tokens.size(), -1);
    types_over_.assign(d.tokens.size(), 0);
    for (const auto& m : d.mentions)
      if (m.first_token < d.tokens.size()) ++starts_[m.first_token + 1];
    for (std::size_t k = 1; k < starts_.size(); ++k) starts_[k] += starts_[k - 1];
    by_start_.resize(d.mentions.size());
    std::vector<std::uint32_t> fill(starts_.begin(), starts_.end() - 1);
    for (std::size_t i = 0; i < d.mentions.size(); ++i) {
      const auto& m = d.mentions[i];
      if (m.first_token >= d.tokens.size()) continue;
      by_start_[fill[m.first_token]++] = static_cast<int>(i);
      for (std::uint32_t k = m.first_token; k < m.last_token && k < d.tokens.size(); ++k) {
        types_over_[k] |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(m.type));
        if (m.type == EntityType::Person && m.entity >= 0 && person_over_[k] < 0) person_over_[k] = static_cast<int>(i);
      }
    }
  }

  /// Whether token k is a word of class `cls` of words.tsv (a literal).
  bool word_is(std::uint32_t k, std::string_view cls) const {
    return k < token_classes_.size() && (token_classes_[k] & rules::class_bit(cls)) != 0;
  }
  /// The same for a class named at compile time: its bit is looked up once.
  template <Literal Cls>
  bool word_is(std::uint32_t k) const {
    static const std::uint64_t bit = rules::class_bit(Cls.view());
    return k < token_classes_.size() && (token_classes_[k] & bit) != 0;
  }

  /// The mentions that start at token k, in document order.
  std::span<const int> starting_at(std::uint32_t k) const {
    return {by_start_.data() + starts_[k], by_start_.data() + starts_[k + 1]};
  }

  void run() {
    roles();
    heads();
    institution_countries();
    sole_country();
    reporter_ = reporting_institution();
    person_countries();
    visitors();
    offices();
    agreements();
    institutions_of_members();
    implied_ministries();
    cooperation();
    std::sort(d_.relations.begin(), d_.relations.end(), [](const Relation& a, const Relation& b) {
      return std::tie(a.sentence, a.subject, a.predicate, a.object) <
             std::tie(b.sentence, b.subject, b.predicate, b.object);
    });
  }

 private:
  const Token& tok(std::uint32_t i) const { return d_.tokens[i]; }
  Entity& ent(int e) { return d_.entities[static_cast<std::size_t>(e)]; }
  const Entity& ent(int e) const { return d_.entities[static_cast<std::size_t>(e)]; }
  const Mention& men(int m) const { return d_.mentions[static_cast<std::size_t>(m)]; }

  void relate(Predicate p, int s, int o, std::uint32_t sentence, const char* stage) {
    if (s < 0 || o < 0 || s == o) return;
    if (p == Predicate::cooperatesWith && o < s) std::swap(s, o);
    if (!related_.insert(relation_key(p, s, o)).second) return;
    with_subject_.insert(relation_key(p, s, -1));
    d_.relations.push_back(Relation{p, s, o, sentence, stage});
  }

  static std::uint64_t relation_key(Predicate p, int s, int o) {
    return (static_cast<std::uint64_t>(p) << 56U) | (static_cast<std::uint64_t>(static_cast<std::uint32_t>(s)) << 28U) |
           (static_cast<std::uint64_t>(static_cast<std::uint32_t>(o)) & 0xFFFFFFFULL);
  }

  bool has_relation(Predicate p, int s) const { return with_subject_.count(relation_key(p, s, -1)) != 0; }

  std::optional<std::pair<std::uint32_t, const LexHit*>> title_at(std::uint32_t i) const {
    if (!facts_.index().has(i, LexKind::title)) return std::nullopt;
    for (const auto& m : facts_.index().at(i))
      for (const auto& h : *m.hits)
        if (h.kind == LexKind::title) return std::make_pair(m.last, &h);
    return std::nullopt;
  }

  /// Mention indices whose tokens lie within [first, last).
  std::vector<int> mentions_within(std::uint32_t first, std::uint32_t last) const {
    std::vector<int> out;
    for (int k : facts_.mentions(tok(first).sentence)) {
      const auto& m = men(k);
      if (m.first_token >= first && m.last_token <= last && m.entity >= 0) out.push_back(k);
    }
    return out;
  }

  /// "en Algérie", "au Maroc": the country is where something happens.
  bool locative(const Mention& x) const {
    return x.first_token > 0 && word_is<"locative">(x.first_token - 1);
  }

  /// Whether country mention x, in the sentence of agreement mention `at`,
  /// names a party: before the instrument ("la France et l'Espagne ont signé un
  /// accord"), or after it behind "entre", "par", "avec" or right beside it
  /// ("accord franco-espagnol") — not a country the instrument is about
  /// ("un accord sur les migrants venus du Mali").
  bool party_position(const Mention& x, std::uint32_t at_first, std::uint32_t at_last) const {
    if (in_title_[x.first_token] || qualifier_[x.first_token] || locative(x)) return false;
    if (x.first_token < at_first) return true;
    if (x.first_token <= at_last + 2) return true;
    for (std::uint32_t k = x.first_token; k-- > at_last;) {
      const auto& n = tok(k).norm;
      if (word_is<"between">(k) || word_is<"by">(k) || word_is<"with">(k)) return true;
      if (word_is<"coordination">(k) && k + 3 >= x.first_token) return true;
      if (n == "," || n == ";") break;
    }
    return false;
  }

  // ------------------------------------------------------------------ roles
  struct Phrase {
    std::uint32_t first = 0, last = 0;  // tokens of the title phrase
    const LexHit* title = nullptr;
    std::uint32_t title_last = 0;
  };

  /// The honorific ("M.", "Mme", "Me") that ends right before token `end`, as
  /// its first token; `end` when there is none.
  std::uint32_t honorific_before(std::uint32_t end) const {
    for (std::uint32_t k = end > 4 ? end - 4 : 0; k < end; ++k) {
      if (!facts_.index().has(k, LexKind::honorific)) continue;
      for (const auto& m : facts_.index().at(k))
        for (const auto& h : *m.hits)
          if (h.kind == LexKind::honorific && m.last == end) return k;
    }
    return end;
  }

  /// Whether the comma at token `comma` goes on inside a title phrase: a
  /// portfolio listed after it ("ministre de l'Intérieur, des Collectivités
  /// locales et de ...") or a second title ("ministre de la Justice, garde des
  /// Sceaux").
  bool comma_continues_title(std::uint32_t comma, std::uint32_t limit) const {
    std::uint32_t k = comma + 1;
    if (k >= limit) return false;
    if (title_at(k)) return true;
    // "le ministre de la Défense, le général X"
    if (word_is<"determiner">(k) && k + 1 < limit && title_at(k + 1)) return true;
    if (!word_is<"preposition">(k) || word_is<"locative">(k)) return false;
    ++k;
    if (k < limit && word_is<"determiner">(k)) ++k;
    return k < limit && tok(k).alpha && tok(k).upper_initial && !mention_of_type(k, EntityType::Person);
  }

  bool cooperation_word(std::uint32_t k) const {
    for (const auto& t : facts_.triggers(tok(k).sentence))
      if (t.first <= k && k < t.last && t.relation == "cooperate") return true;
    return false;
  }

  bool negation_at(std::uint32_t k) const {
    for (const auto& t : facts_.triggers(tok(k).sentence))
      if (t.first == k && t.relation == "negate") return true;
    return false;
  }

  /// Whether a signing, launching, taking-part or denying word starts at k:
  /// a title phrase never runs over it.
  bool verb_trigger_at(std::uint32_t k) const {
    for (const auto& t : facts_.triggers(tok(k).sentence))
      if (t.first == k && (t.relation == "sign" || t.relation == "launch" || t.relation == "participate" ||
                           t.relation == "negate"))
        return true;
    return false;
  }

  bool mention_of_type(std::uint32_t k, EntityType t) const {
    return (types_over_[k] & (1u << static_cast<unsigned>(t))) != 0;
  }

  /// The "(" that opens the parenthesis closed at token `close`, within a few
  /// tokens of the same sentence, or `close` when there is none.
  std::uint32_t opening_paren(std::uint32_t close, std::uint32_t floor) const {
    for (std::uint32_t k = close; k-- > floor && k + 12 > close;) {
      if (tok(k).norm == "(") return k;
      if (tok(k).norm == ")") break;
    }
    return close;
  }

  /// The ")" that closes the parenthesis opened at token `open`, or `open`.
  std::uint32_t closing_paren(std::uint32_t open, std::uint32_t limit) const {
    for (std::uint32_t k = open + 1; k < limit && k < open + 12; ++k) {
      if (tok(k).norm == ")") return k;
      if (tok(k).norm == "(") break;
    }
    return open;
  }

  /// "le ministre de la Justice, X", "le ministre de la justice X",
  /// "le directeur général de la Sûreté nationale (DGSN), M. X",
  /// "le ministre de l'Intérieur, des Collectivités locales et de
  /// l'Aménagement du territoire, X", "le ministre de la Justice, garde des Sceaux, X".
  std::optional<Phrase> phrase_before(const Mention& p) const {
    std::uint32_t end = honorific_before(p.first_token);
    std::uint32_t s0 = d_.sentences[tok(p.first_token).sentence].first_token;
    if (end <= s0) return std::nullopt;
    std::uint32_t k = end;
    bool comma = tok(end - 1).norm == ",";
    if (comma) --k;
    if (k > s0 && word_is<"coordination">(k - 1)) return std::nullopt;
    const std::uint32_t phrase_end = comma ? end - 1 : end;
    std::optional<Phrase> found;
    // The phrase as it was before the last comma crossed: "X, ministre de ...,
    // le ministre de l'Intérieur, Y" gives Y the part after X's title.
    std::optional<Phrase> before_comma;
    bool crossed = false;
    for (std::uint32_t steps = 0; k > s0 && steps < 40; ++steps) {
      --k;
      const auto& n = tok(k).norm;
      if (n == ")") {
        std::uint32_t open = opening_paren(k, s0);
        if (open == k) return found;
        k = open;
        continue;
      }
      if (n == ",") {
        if (found && comma_continues_title(k, phrase_end)) {
          if (!crossed) before_comma = found;
          crossed = true;
          continue;
        }
        if (!found && comma_continues_title(k, phrase_end)) continue;
        return found;
      }
      if (word_is<"clause_word">(k) || verb_trigger_at(k)) return found;
      if (n == "\"" || n == ":" || n == "(" || n == ";") return found;
      if (auto t = title_at(k); t && t->first <= phrase_end) {
        // The leftmost title of the phrase ("procureur général du Roi ...").
        found = Phrase{k, phrase_end, t->second, t->first};
      }
      if (mention_of_type(k, EntityType::Person)) return crossed ? before_comma : found;
    }
    return found;
  }

  /// "X, président de la commission nationale ...", "X (Niger), président de ...".
  std::optional<Phrase> phrase_after(const Mention& p) const {
    std::uint32_t k = p.last_token;
    std::uint32_t s_end = d_.sentences[tok(p.first_token).sentence].last_token;
    if (k < s_end && tok(k).norm == "(") {
      std::uint32_t close = closing_paren(k, s_end);
      if (close == k || close > k + 4) return std::nullopt;
      k = close + 1;
    }
    return phrase_at(k, s_end);
  }

  /// "(Niger)" right after a person's name: the country they represent.
  int parenthesised_country(const Mention& p) const {
    std::uint32_t k = p.last_token;
    if (k + 2 >= d_.tokens.size() || tok(k).norm != "(") return -1;
    int c = mention_starting(k + 1, EntityType::Country);
    if (c < 0 || men(c).demonym || men(c).last_token >= d_.tokens.size() || tok(men(c).last_token).norm != ")") return -1;
    return men(c).entity;
  }

  /// A title phrase after the comma at token k ("..., président de ..."),
  /// within the sentence ending before s_end: a comma that closes the
  /// sentence (or the text) has no title after it.
  std::optional<Phrase> phrase_at(std::uint32_t k, std::uint32_t s_end) const {
    if (k >= s_end || tok(k).norm != ",") return std::nullopt;
    ++k;
    if (k < s_end && word_is<"determiner">(k)) ++k;
    if (k >= s_end) return std::nullopt;
    auto t = title_at(k);
    if (!t || t->first > s_end) return std::nullopt;
    std::uint32_t e = t->first;
    while (e < s_end) {
      const auto& n = tok(e).norm;
      if (n == "(") {
        std::uint32_t close = closing_paren(e, s_end);
        if (close == e) break;
        e = close + 1;
        continue;
      }
      if (n == "," && comma_continues_title(e, s_end)) {
        ++e;
        continue;
      }
      if (n == "," || n == "." || n == ")" || n == "\"" || n == ";" || n == ":") break;
      if (mention_of_type(e, EntityType::Person) || verb_trigger_at(e) || word_is<"clause_word">(e)) break;
      ++e;
    }
    while (e > t->first && word_is<"conjunction">(e - 1)) --e;
    return Phrase{k, e, t->second, t->first};
  }

  void roles() {
    for (std::size_t pi = 0; pi < d_.mentions.size(); ++pi) {
      const Mention& p = d_.mentions[pi];
      if (p.type != EntityType::Person || p.entity < 0) continue;
      auto phrase = phrase_after(p);
      if (!phrase) phrase = phrase_before(p);
      if (!phrase) continue;
      for (std::uint32_t k = phrase->first; k < phrase->last; ++k) in_title_[k] = true;
      const std::uint32_t sentence = tok(p.first_token).sentence;
      std::string role(d_.token_range_text(phrase->first, phrase->last));
      while (!role.empty() && (role.back() == ',' || role.back() == ' ')) role.pop_back();
      Entity& person = ent(p.entity);
      if (std::none_of(person.roles.begin(), person.roles.end(), [&](const Role& r) { return r.title == role; }))
        person.roles.push_back(Role{role, -1});

      int first_country = -1;
      bool has_institution = false;
      for (int m : mentions_within(phrase->first, phrase->last)) {
        const Mention& x = men(m);
        if (x.type == EntityType::Institution) {
          relate(Predicate::memberOf, p.entity, x.entity, sentence, "title-apposition");
          has_institution = true;
        } else if (x.type == EntityType::Country && first_country < 0 && !locative(x)) {
          first_country = x.entity;
        }
      }
      // "procureure de la République de Paris": the city says the country.
      if (first_country < 0)
        for (int m : mentions_within(phrase->first, phrase->last))
          if (men(m).type == EntityType::Place && !men(m).country.empty() && !locative(men(m))) {
            first_country = country_entity_or_new(men(m).country);
            break;
          }
      if (int c = parenthesised_country(p); c >= 0) first_country = c;
      if (first_country >= 0) relate(Predicate::country, p.entity, first_country, sentence, "title-apposition");
      if (!has_institution && phrase->title->value == "minister") implied_ministry(p.entity, *phrase, first_country, sentence);
      if (!has_institution && rules::has_class(Lexicon::norm(phrase->title->form), "counterpart"))
        counterparts_.push_back(Counterpart{p.entity, sentence, first_country >= 0 ? ent(first_country).key : std::string()});
    }
  }

  /// The mention of type `t` that starts at token k in its sentence, or -1.
  int mention_starting(std::uint32_t k, EntityType t) const {
    if (k >= d_.tokens.size()) return -1;
    for (int m : starting_at(k))
      if (men(m).type == t && men(m).entity >= 0) return m;
    return -1;
  }

  /// "ministre de l'Intérieur" -> "ministère de l'Intérieur" when the text does
  /// not name it. The portfolio follows a "ministre" title of the phrase, a
  /// demonym may stand between ("ministre allemande de l'Intérieur"), listed
  /// portfolios belong to it ("de l'Intérieur, des Collectivités locales et de
  /// l'Aménagement du territoire"); it ends at a country, a demonym, a
  /// parenthesis or another title ("ministre de la Justice, garde des Sceaux").
  void implied_ministry(int person, const Phrase& ph, int country, std::uint32_t sentence) {
    std::uint32_t k = ph.last;
    for (std::uint32_t i = ph.first; i < ph.last && k == ph.last; ++i) {
      auto t = title_at(i);
      if (!t || t->second->value != "minister" || !t->second->form.starts_with("ministre")) continue;
      std::uint32_t j = t->first;
      if (int d = mention_starting(j, EntityType::Country); d >= 0 && men(d).demonym) j = men(d).last_token;
      if (j < ph.last && word_is<"preposition">(j) && !word_is<"locative">(j)) k = j;
    }
    if (k >= ph.last) return;
    std::uint32_t e = k;
    while (e < ph.last) {
      const auto& n = tok(e).norm;
      if (n == "(" || n == ")" || mention_starting(e, EntityType::Country) >= 0) break;
      if (e > k && title_at(e)) break;
      if (n == ",") {
        if (comma_continues_title(e, ph.last) && !title_at(e + 1)) {
          ++e;
          continue;
        }
        break;
      }
      ++e;
    }
    while (e > k && (word_is<"preposition">(e - 1) || word_is<"determiner">(e - 1) ||
                     word_is<"conjunction">(e - 1) || tok(e - 1).norm == ","))
      --e;
    if (e <= k + 1) return;
    implied_.push_back(Implied{person, lex_.institution_identity_key("ministère " + std::string(d_.token_range_text(k, e))),
                               country >= 0 ? ent(country).key : std::string(), sentence});
  }

  /// A ministry a person's title names ("ministre de l'Intérieur du Sénégal").
  struct Implied {
    int person = -1;
    std::string key;      ///< institution_identity_key of "ministère de l'Intérieur"
    std::string country;  ///< ISO code from the title, or ""
    std::uint32_t sentence = 0;
  };
  std::vector<Implied> implied_;
  int reporter_ = -1;  ///< the institution whose report the article is (reporting_institution)
  std::set<int> no_country_;  ///< institutions the article places in a country ("au Maroc") without saying whose

  /// Ties each person whose title names a ministry to the ministry the article
  /// names ("au niveau du ministère de l'Intérieur à Dakar"): one of the same
  /// name and the same country, or without a country when the title gives
  /// none. A ministry the article does not name is not made up: the title
  /// stays a role. A named ministry without a country takes the one country
  /// that the titles naming it agree on.
  /// "Le ministre de l'Intérieur, X, ... son homologue italien, Y": a
  /// counterpart holds the same portfolio, in their own country.
  struct Counterpart {
    int person = -1;
    std::uint32_t sentence = 0;
    std::string country;
  };
  std::vector<Counterpart> counterparts_;

  void implied_ministries() {
    for (const auto& c : counterparts_) {
      for (std::size_t i = 0; i < implied_.size(); ++i) {
        const Implied im = implied_[i];
        if (im.person == c.person || im.sentence > c.sentence || im.sentence + 1 < c.sentence) continue;
        implied_.push_back(Implied{c.person, im.key, c.country, c.sentence});
        break;
      }
    }
    std::map<int, std::set<std::string>> countries;  // named ministry -> countries of the titles
    std::vector<std::pair<const Implied*, int>> links;
    // A title without its country takes the person's, when another sentence gave it.
    for (auto& im : implied_) {
      if (!im.country.empty()) continue;
      for (const auto& r : d_.relations)
        if (r.predicate == Predicate::country && r.subject == im.person) im.country = ent(r.object).key;
    }
    for (const auto& im : implied_) {
      for (std::size_t i = 0; i < d_.entities.size(); ++i) {
        const auto& x = d_.entities[i];
        if (x.type != EntityType::Institution || x.mentions.empty()) continue;
        if (!(x.country.empty() || x.country == im.country)) continue;
        bool same = lex_.institution_identity_key(x.name) == im.key;
        for (const auto& l : x.labels) same = same || lex_.institution_identity_key(l) == im.key;
        // A ministry of the gazetteer by any of its names ("Bundesministerium des
        // Innern" is the "ministère allemand de l'Intérieur").
        for (const std::uint32_t o : lex_.organisations_with_id(x.key)) {
          same = same || lex_.institution_identity_key(lex_.organisations()[o].name) == im.key;
          for (const auto& a : lex_.organisations()[o].aliases) same = same || lex_.institution_identity_key(a) == im.key;
        }
        if (!same) continue;
        links.emplace_back(&im, static_cast<int>(i));
        if (x.country.empty()) countries[static_cast<int>(i)].insert(im.country);
        break;
      }
    }
    for (const auto& [inst, isos] : countries) {
      if (isos.size() != 1 || isos.begin()->empty()) continue;
      ent(inst).country = *isos.begin();
      for (const auto& [im, i] : links)
        if (i == inst) {
          relate(Predicate::country, inst, country_entity_or_new(*isos.begin()), im->sentence, "title-ministry");
          break;
        }
    }
    for (const auto& [im, inst] : links) {
      if (!im->country.empty() && ent(inst).country != im->country) continue;
      relate(Predicate::memberOf, im->person, inst, im->sentence, "title-ministry");
    }
  }

  // ------------------------------------------------------------------ countries
  int country_entity(const std::string& iso2) const {
    for (std::size_t i = 0; i < d_.entities.size(); ++i)
      if (d_.entities[i].type == EntityType::Country && d_.entities[i].key == iso2) return static_cast<int>(i);
    return -1;
  }

  int country_entity_or_new(const std::string& iso2) {
    int c = country_entity(iso2);
    if (c >= 0) return c;
    const auto* info = lex_.country(iso2);
    if (info == nullptr) return -1;
    Entity e;
    e.type = EntityType::Country;
    e.key = iso2;
    e.name = info->name;
    e.qid = info->qid;
    d_.entities.push_back(std::move(e));
    return static_cast<int>(d_.entities.size() - 1);
  }

  /// The country most named in the article, when it clearly dominates (`ratio`
  /// times the next): the home of institutions (1.5) and officials (2, a person's
  /// country is riskier to guess) that the article does not situate.
  int dominant_country(double ratio = 1.5) const {
    int best = -1, first = 0, second = 0;
    for (const auto& [e, n] : country_count_) {
      if (n > first) {
        second = first;
        first = n;
        best = e;
      } else if (n > second) {
        second = n;
      }
    }
    return first >= 2 && first >= ratio * second ? best : -1;
  }

  std::uint32_t first_sentence(int entity) const {
    const auto& e = d_.entities[static_cast<std::size_t>(entity)];
    if (e.mentions.empty()) return 0;
    return tok(men(e.mentions.front()).first_token).sentence;
  }

  void institution_countries() {
    for (std::size_t i = 0; i < d_.entities.size(); ++i) {
      Entity& e = d_.entities[i];
      if (e.type != EntityType::Institution) continue;
      int self = static_cast<int>(i);
      if (!e.key.empty() && e.country.empty()) continue;  // an international organisation
      // "la Cour de cassation du Maroc": a country right after the name; "la
      // mission de l'Union européenne au Maroc" is only where it works.
      for (int m : e.mentions) {
        const Mention& x = men(m);
        std::uint32_t k = x.last_token;
        const bool where = k < d_.tokens.size() && word_is<"locative">(k);
        if (k < d_.tokens.size() && word_is<"preposition">(k)) ++k;
        if (k < d_.tokens.size() && word_is<"determiner">(k)) ++k;
        int c = k < mention_at_.size() ? mention_at_[k] : -1;
        if (c >= 0 && men(c).type == EntityType::Country && !men(c).demonym && k > x.last_token &&
            tok(k).sentence == tok(x.first_token).sentence) {
          if (e.country.empty() && !where) e.country = ent(men(c).entity).key;
          if (where) no_country_.insert(self);  // "au Maroc" says where, not whose
          qualifier_[k] = true;
          // "Cour de cassation du Maroc" is a name too.
          std::string full(d_.slice(Span{x.span.begin, men(c).span.end}));
          if (full != e.name && std::find(e.labels.begin(), e.labels.end(), full) == e.labels.end())
            e.labels.push_back(full);
        }
      }
      // "au niveau du ministère de l'Intérieur à Dakar": a national body in a
      // city of one country, that no word makes another's.
      if (e.country.empty() && e.key.empty())
        for (int m : e.mentions) {
          const Mention& x = men(m);
          const std::uint32_t k = x.last_token;
          if (k + 1 >= d_.tokens.size() || tok(k).norm != "a" || nests_international(x)) continue;
          for (int n : facts_.mentions(tok(k).sentence))
            if (men(n).first_token == k + 1 && men(n).type == EntityType::Place && !men(n).country.empty())
              e.country = men(n).country;
          if (!e.country.empty()) break;
        }
      if (!e.country.empty()) {
        int c = country_entity_or_new(e.country);
        relate(Predicate::country, self, c, first_sentence(self), "institution-country");
      }
    }
  }

  /// Whether an institution's mention contains an international
  /// organisation ("la mission de l'Union européenne", "le bureau de l'OIM").
  bool nests_international(const Mention& x) const {
    for (int n : facts_.mentions(tok(x.first_token).sentence)) {
      const Mention& y = men(n);
      if (&y == &x || y.type != EntityType::Institution || y.entity < 0 || y.entity == x.entity) continue;
      if (y.first_token >= x.first_token && y.last_token <= x.last_token && !ent(y.entity).key.empty() &&
          ent(y.entity).country.empty())
        return true;
    }
    return false;
  }

  /// A country's delegation and its members: "Le Niger était représenté à
  /// cette cérémonie par une délégation ..., conduite par le directeur général
  /// de l'ANLTP, M. X. Cette délégation est composée notamment du président
  /// de la commission ..., M. Y, des représentants du Ministère de l'Intérieur,
  /// du Ministère de la Justice ...": X, Y and those ministries are the Niger's.
  void delegations() {
    int country = -1;
    std::uint32_t where = 0;
    for (std::uint32_t s = 0; s < d_.sentences.size(); ++s) {
      const std::uint32_t s0 = d_.sentences[s].first_token, end = d_.sentences[s].last_token;
      std::uint32_t at = end;
      for (std::uint32_t k = s0; k < end && at == end; ++k)
        if (tok(k).norm == "delegation") at = k;
      if (at == end) continue;
      const bool again = at > s0 && word_is<"demonstrative">(at - 1) && country >= 0 && s == where + 1;
      if (!again) {
        country = -1;
        // "une délégation nigérienne", "une délégation du Niger", "une délégation
        // du ministère de la Justice du Cameroun"
        for (std::uint32_t k = at + 1; k < end && k <= at + 3 && country < 0; ++k) {
          if (auto a = actor_at(k)) {
            const std::string iso = country_of(a->entity);
            if (!iso.empty()) country = country_entity_or_new(iso);
            break;
          }
          if (!word_is<"preposition">(k) && !word_is<"determiner">(k)) break;
        }
        for (int m : facts_.mentions(s)) {
          const Mention& x = men(m);
          if (country < 0 && x.type == EntityType::Country && x.entity >= 0 && x.first_token == at + 1 && x.demonym)
            country = x.entity;
          // "Le Niger était représenté ... par une délégation"
          if (country < 0 && x.type == EntityType::Country && x.entity >= 0 && !x.demonym && x.first_token < at &&
              !in_title_[x.first_token])
            for (std::uint32_t k = x.last_token; k < at && k < x.last_token + 4; ++k)
              if (tok(k).norm.starts_with("represente")) country = x.entity;
        }
        if (country < 0) continue;
      }
      where = s;
      const std::string iso = ent(country).key;
      for (int m : facts_.mentions(s)) {
        const Mention& x = men(m);
        if (x.first_token <= at || x.entity < 0) continue;
        if (x.type == EntityType::Person && !has_relation(Predicate::country, x.entity)) {
          relate(Predicate::country, x.entity, country, s, "delegation");
        } else if (x.type == EntityType::Institution && again && ent(x.entity).country.empty() &&
                   ent(x.entity).key.empty()) {
          ent(x.entity).country = iso;
          relate(Predicate::country, x.entity, country, s, "delegation");
        }
      }
    }
  }

  void person_countries() {
    delegations();
    // "du côté belge, le ministre X et ..." / "délégation nigérienne conduite par X".
    constexpr std::uint32_t kSideReach = 25;  // tokens: the clause that follows the side marker
    for (std::uint32_t s = 0; s < d_.sentences.size(); ++s) {
      int side = -1;
      std::uint32_t side_at = 0;
      for (int m : facts_.mentions(s)) {
        const Mention& x = men(m);
        if (x.type == EntityType::Country && x.first_token > 0) {
          std::uint32_t k = x.first_token - 1;
          if (word_is<"side">(k) ||
              (k > 0 && word_is<"side">(k - 1) && word_is<"preposition">(k))) {
            side = x.entity;
            side_at = x.first_token;
          }
        }
        if (x.type == EntityType::Person && side >= 0 && x.first_token < side_at + kSideReach &&
            !has_relation(Predicate::country, x.entity))
          relate(Predicate::country, x.entity, side, s, "side");
      }
    }
    // "le burundais Pierre Ndayishimiye": a demonym as a noun before the name;
    // "Karim Belhadj (Niger)".
    for (std::size_t i = 0; i < d_.mentions.size(); ++i) {
      const Mention& x = d_.mentions[i];
      if (x.type != EntityType::Person || x.entity < 0 || has_relation(Predicate::country, x.entity)) continue;
      if (int c = parenthesised_country(x); c >= 0) {
        relate(Predicate::country, x.entity, c, tok(x.first_token).sentence, "name-of-country");
        continue;
      }
      std::uint32_t k = x.first_token;
      if (k < 2 || !word_is<"determiner">(k - 2)) continue;
      int c = mention_at_[k - 1];
      if (c >= 0 && men(c).type == EntityType::Country && men(c).demonym && men(c).last_token == k)
        relate(Predicate::country, x.entity, men(c).entity, tok(k).sentence, "demonym-before-name");
    }
    // "le Roi Philippe de Belgique": a country right after the name.
    for (std::size_t i = 0; i < d_.mentions.size(); ++i) {
      const Mention& x = d_.mentions[i];
      if (x.type != EntityType::Person || x.entity < 0 || has_relation(Predicate::country, x.entity)) continue;
      std::uint32_t k = x.last_token;
      if (k + 1 >= d_.tokens.size() || !word_is<"preposition">(k) || word_is<"by">(k)) continue;
      int c = mention_at_[k + 1];
      if (c >= 0 && men(c).type == EntityType::Country && !men(c).demonym)
        relate(Predicate::country, x.entity, men(c).entity, tok(k).sentence, "name-of-country");
    }
    for (std::size_t i = 0; i < d_.entities.size(); ++i) {
      int self = static_cast<int>(i);
      Entity& e = d_.entities[i];
      if (e.type != EntityType::Person || has_relation(Predicate::country, self)) continue;
      if (!e.country.empty()) {
        relate(Predicate::country, self, country_entity_or_new(e.country), first_sentence(self), "person-country");
        continue;
      }
      // The country of the institution the person works for.
      for (const auto& r : std::vector<Relation>(d_.relations)) {
        if (r.predicate != Predicate::memberOf || r.subject != self) continue;
        const auto& inst = ent(r.object);
        if (!inst.country.empty() && !has_relation(Predicate::country, self))
          relate(Predicate::country, self, country_entity_or_new(inst.country), r.sentence, "via-institution");
      }
    }
    institutions_of_members();
  }

  /// A national institution without a country takes the country of its
  /// member ("Moumouni Hamidou (Niger), président de la commission nationale
  /// ..."). Run again once the signatories' countries are known.
  void institutions_of_members() {
    for (const auto& r : std::vector<Relation>(d_.relations)) {
      if (r.predicate != Predicate::memberOf) continue;
      Entity& inst = ent(r.object);
      if (!inst.country.empty() || !inst.key.empty() || has_relation(Predicate::country, r.object)) continue;
      for (const auto& c : std::vector<Relation>(d_.relations))
        if (c.predicate == Predicate::country && c.subject == r.subject) {
          inst.country = ent(c.object).key;
          relate(Predicate::country, r.object, c.object, r.sentence, "via-member");
          break;
        }
    }
  }

  // ------------------------------------------------------------------ agreements
  void agreements() {
    for (std::size_t ai = 0; ai < d_.entities.size(); ++ai) {
      Entity& a = d_.entities[ai];
      if (a.type != EntityType::Agreement) continue;
      const int self = static_cast<int>(ai);
      // The sentences that report the agreement concluded say who its parties are;
      // the other mentions ("cet accord") only say more about it.
      std::map<std::uint32_t, const Mention*> sentences;  // sentence -> its agreement mention
      for (int m : a.mentions) {
        auto s = tok(men(m).first_token).sentence;
        if (facts_.reports_conclusion(s, men(m))) sentences.emplace(s, &men(m));
      }
      if (sentences.empty())
        for (int m : a.mentions) sentences.emplace(tok(men(m).first_token).sentence, &men(m));
      // Parties, on sides: the subject of the signing ("La France et le
      // Sénégal ont signé", "Le MPCE et le MJSP ont signé"), what follows
      // "avec" (the other side), and lists after "entre" or beside the
      // instrument ("accord franco-espagnol"), whose members are all sides.
      std::set<int> parties;
      std::vector<std::pair<int, std::uint32_t>> party_list;  // every party, in order
      std::vector<int> subject_side, object_side, all_sides;
      auto add_party = [&](int e, std::uint32_t s, std::vector<int>& side) {
        if (!parties.insert(e).second) return;
        party_list.emplace_back(e, s);
        side.push_back(e);
      };
      bool bilateral = false;
      for (const auto& [s, at] : sentences) {
        long trigger = std::max(facts_.find(s, "sign"), facts_.find(s, "launch"));
        for (int m : facts_.mentions(s)) {
          const Mention& x = men(m);
          if (x.entity < 0 || agreement_owning(s, x.first_token) != self || listed_as_example(x)) continue;
          if (x.type == EntityType::Country && party_position(x, at->first_token, at->last_token)) {
            if (x.first_token < at->first_token) {
              add_party(x.entity, s, subject_side);
            } else if (after_word(x, at->last_token, "with")) {
              add_party(x.entity, s, object_side);
            } else {
              add_party(x.entity, s, all_sides);
            }
          }
          if (x.type != EntityType::Institution || in_title_[x.first_token] || press_agency(x.entity)) continue;
          // "Europol et l'OIM ont signé un accord": institutions before the verb;
          // "... un protocole avec le Ministère des Affaires étrangères du Canada",
          // "un mémorandum entre la Tunisie et l'Union européenne": after it.
          if (trigger >= 0 && static_cast<long>(x.first_token) < trigger && x.first_token < at->first_token) {
            add_party(x.entity, s, subject_side);
          } else if (x.first_token > at->last_token && after_word(x, at->last_token, "with")) {
            add_party(x.entity, s, object_side);
          } else if (x.first_token > at->last_token && after_word(x, at->last_token, "between")) {
            add_party(x.entity, s, all_sides);
          }
        }
        // "un accord bilatéral", "les deux pays": the instrument binds two.
        for (std::uint32_t k = d_.sentences[s].first_token; k < d_.sentences[s].last_token; ++k) {
          if (!word_is<"bilateral">(k)) continue;
          if (tok(k).norm == "deux") {
            if (k + 1 < d_.sentences[s].last_token && word_is<"sides">(k + 1)) bilateral = true;
          } else if (k >= at->last_token && k <= at->last_token + 12) {
            bool clause = false;
            for (std::uint32_t j = at->last_token; j < k; ++j) clause = clause || clause_break(j);
            bilateral = bilateral || !clause;
          }
        }
        persons(self, s);
      }
      // "Le texte a été signé par X et Y": with one agreement in the article, a
      // later signing sentence speaks of it.
      std::set<std::uint32_t> signing;
      for (const auto& [s, at] : sentences) signing.insert(s);
      if (single_agreement()) {
        for (std::uint32_t s = 0; s < d_.sentences.size(); ++s) {
          if (signing.count(s) || !facts_.has(s, "sign") || facts_.has(s, "negate") ||
              s < sentences.begin()->first)
            continue;
          persons(self, s);
          signing.insert(s);
        }
        ceremony(self, sentences.begin()->first);
      }
      meeting_participants(self, sentences.begin()->first);
      // The countries of the signatories are parties ("X, directeur de la
      // DGSN, et le directeur de la Police des Pays-Bas ont signé").
      auto add_countries_of = [&](Predicate pred) {
        for (const auto& r : std::vector<Relation>(d_.relations)) {
          if (r.subject != self || r.predicate != pred) continue;
          for (const auto& c : std::vector<Relation>(d_.relations))
            if (c.predicate == Predicate::country && c.subject == r.object &&
                std::none_of(party_list.begin(), party_list.end(),
                             [&](const auto& p) { return country_of(p.first) == ent(c.object).key; }))
              add_party(c.object, r.sentence, all_sides);
        }
      };
      add_countries_of(Predicate::signatory);
      // "Les deux pays ont signé", "un accord bilatéral": the two countries named
      // together just before, else the article's two countries when two stand
      // out (named more often than any third).
      const auto country_parties = [&] {
        return std::count_if(party_list.begin(), party_list.end(),
                             [&](const auto& p) { return ent(p.first).type == EntityType::Country; });
      };
      if (country_parties() < 2 && bilateral) {
        std::vector<int> two = pair_before(sentences.begin()->first);
        if (two.empty()) two = two_countries();
        if (country_parties() == 0 ||
            std::any_of(two.begin(), two.end(), [&](int c) { return parties.count(c) != 0; }))
          for (int c : two) add_party(c, sentences.begin()->first, all_sides);
      }
      // The participants' countries, when nothing else says who the parties are.
      if (party_list.empty()) add_countries_of(Predicate::participant);
      for (const auto& [c, s] : party_list)
        relate(Predicate::party, self, c, s, ent(c).type == EntityType::Country ? "agreement-sentence" : "agreement-subject");
      std::vector<std::pair<int, std::uint32_t>> countries;
      for (const auto& p : party_list)
        if (ent(p.first).type == EntityType::Country) countries.push_back(p);
      other_party_signatory(self, countries);
      // Parties cooperate across sides: with an "avec", the subject's with the
      // object's; else all of them with each other.
      auto sentence_of = [&](int e) {
        for (const auto& p : party_list)
          if (p.first == e) return p.second;
        return sentences.begin()->first;
      };
      std::vector<int> left = subject_side, right = object_side;
      if (right.empty()) {
        left.insert(left.end(), all_sides.begin(), all_sides.end());
        for (std::size_t x = 0; x < left.size(); ++x)
          for (std::size_t y = x + 1; y < left.size(); ++y) cooperate(left[x], left[y], sentence_of(left[x]), "agreement-parties");
      } else {
        right.insert(right.end(), all_sides.begin(), all_sides.end());
        for (int x : left)
          for (int y : right) cooperate(x, y, sentence_of(x), "agreement-parties");
      }
      date(a, signing);
    }
  }

  /// Whether a mention is listed after word class `cls` ("entre", "avec")
  /// that comes after token `from`: only list words stand between.
  bool after_word(const Mention& x, std::uint32_t from, std::string_view cls) const {
    for (std::uint32_t k = x.first_token; k-- > from;) {
      const auto& n = tok(k).norm;
      // "en collaboration avec l'OIM": a cooperation in the act, not a side of it.
      if (word_is(k, cls))
        return !(k > 0 && facts_.index().has(k - 1, LexKind::trigger) && cooperation_word(k - 1));
      if (word_is<"determiner">(k) || n == "," || word_is<"coordination">(k) || word_is<"preposition">(k) ||
          n == "(" || n == ")" || tok(k).all_upper)
        continue;
      bool in_mention = false;
      for (int m : facts_.mentions(tok(k).sentence))
        if (men(m).first_token <= k && k < men(m).last_token && men(m).type != EntityType::Agreement) in_mention = true;
      if (!in_mention) return false;
    }
    return false;
  }

  /// Whether a mention is an example of a kind ("avec plusieurs pays comme
  /// l'Espagne, la France ou la Belgique"): not a party of what follows.
  bool listed_as_example(const Mention& x) const {
    std::uint32_t k = x.first_token;
    while (k > 0) {
      --k;
      const auto& n = tok(k).norm;
      if (word_is<"such_as">(k)) return true;
      if (n == "que" && k > 0 && word_is<"such_as">(k - 1)) return true;  // "tels que"
      if (word_is<"determiner">(k) || n == "," || word_is<"coordination">(k) || n == "ou") continue;
      bool in_mention = false;
      for (int m : facts_.mentions(tok(k).sentence))
        if (men(m).first_token <= k && k < men(m).last_token && (men(m).type == EntityType::Country ||
                                                                men(m).type == EntityType::Institution))
          in_mention = true;
      if (!in_mention) return false;
    }
    return false;
  }

  /// "Le Niger était représenté à cette cérémonie par une délégation ...,
  /// conduite par X": after the signing, the persons who represent a side at
  /// its ceremony took part in it.
  void ceremony(int a, std::uint32_t from) {
    for (std::uint32_t s = from + 1; s < d_.sentences.size() && s <= from + 6; ++s) {
      std::uint32_t at = d_.sentences[s].last_token;
      for (std::uint32_t k = d_.sentences[s].first_token + 1; k + 1 < d_.sentences[s].last_token; ++k)
        if (tok(k).norm == "ceremonie" &&
            (word_is<"demonstrative">(k - 1) || word_is<"determiner">(k - 1)))
          at = k;
      if (at == d_.sentences[s].last_token) continue;
      // "La cérémonie s'est déroulée en présence de X et de Y".
      if (long p = facts_.find(s, "participate"); p > static_cast<long>(at)) {
        for (int m : facts_.mentions(s))
          if (men(m).type == EntityType::Person && men(m).entity >= 0 && static_cast<long>(men(m).first_token) > p)
            relate(Predicate::participant, a, men(m).entity, s, "ceremony");
        continue;
      }
      for (std::uint32_t k = at; k < d_.sentences[s].last_token; ++k) {
        if (!word_is<"by">(k)) continue;
        for (std::uint32_t p = k + 1; p < d_.sentences[s].last_token && p <= k + 25; ++p)
          if (int per = person_covering(p); per >= 0) {
            relate(Predicate::participant, a, men(per).entity, s, "ceremony");
            break;
          }
      }
    }
  }

  /// The two persons of the nearest sentence from `first` to `last` sentences
  /// before s that says they met ("X a rencontré à Kinshasa Y"); none when it
  /// names more (a sentence of more persons says more than a meeting).
  std::vector<int> two_who_met(std::uint32_t s, std::uint32_t first = 0, std::uint32_t last = 3) const {
    for (std::uint32_t back = first; back <= last && back <= s; ++back) {
      const std::uint32_t t = s - back;
      bool met = false;
      for (std::uint32_t k = d_.sentences[t].first_token; k < d_.sentences[t].last_token; ++k)
        met = met || word_is<"meet">(k);
      if (!met) continue;
      std::vector<int> persons;
      for (int m : facts_.mentions(t))
        if (men(m).type == EntityType::Person && men(m).entity >= 0 &&
            std::find(persons.begin(), persons.end(), men(m).entity) == persons.end())
          persons.push_back(men(m).entity);
      if (persons.size() < 2) continue;
      return persons.size() == 2 ? persons : std::vector<int>{};
    }
    return {};
  }

  /// "À l'issue de cette réunion, une déclaration a été signée": with no
  /// signatory named, the persons of the meeting took part in it (the
  /// sentence before that says who met: "X a rencontré son homologue Y").
  void meeting_participants(int a, std::uint32_t s) {
    for (const auto& r : d_.relations)
      if (r.subject == a && (r.predicate == Predicate::signatory || r.predicate == Predicate::participant)) return;
    bool after_meeting = false;
    for (std::uint32_t k = d_.sentences[s].first_token; k + 2 < d_.sentences[s].last_token; ++k)
      if (word_is<"end_of">(k) && (word_is<"meeting">(k + 2) ||
                                                     word_is<"meeting">(k + 3 < d_.tokens.size() ? k + 3 : k)))
        after_meeting = true;
    if (!after_meeting) return;
    for (int p : two_who_met(s, 1, 4)) relate(Predicate::participant, a, p, s, "meeting-participant");
  }

  /// The two countries listed together ("Espagne et Mauritanie ont annoncé",
  /// "entre le Maroc et la Belgique") in sentence s or the two before it, the
  /// nearest first; empty when there is no such pair.
  std::vector<int> pair_before(std::uint32_t s) const {
    for (std::uint32_t back = 0; back <= 2 && back <= s; ++back) {
      const std::uint32_t t = s - back;
      for (std::uint32_t k = d_.sentences[t].first_token; k < d_.sentences[t].last_token; ++k) {
        // A list starts after no other item of it ("comme l'Espagne, la France
        // ou la Belgique" is no pair "la France ou la Belgique").
        if (k > d_.sentences[t].first_token) {
          const auto& p = tok(k - 1).norm;
          if (p == "," || p == "ou" || word_is<"coordination">(k - 1) || word_is<"such_as">(k - 1)) continue;
        }
        auto listed = actors_listed(k, d_.sentences[t].last_token);
        if (listed.size() == 2 && d_.entities[static_cast<std::size_t>(listed[0])].type == EntityType::Country &&
            d_.entities[static_cast<std::size_t>(listed[1])].type == EntityType::Country)
          return listed;
      }
    }
    return {};
  }

  /// The two countries an article is about: the two most named, when a third
  /// is named less often than both; else none.
  std::vector<int> two_countries() const {
    std::vector<std::pair<int, int>> ranked;  // (-count, entity)
    for (const auto& [e, n] : country_count_) ranked.emplace_back(-n, e);
    std::sort(ranked.begin(), ranked.end());
    if (ranked.size() < 2 || (ranked.size() > 2 && ranked[2].first == ranked[1].first)) return {};
    return {ranked[0].second, ranked[1].second};
  }

  /// An agreement between two countries signed by two persons, one of them
  /// of one party: the other signs for the other party ("L'accord a été signé
  /// entre le ministre de la Justice, X, et la ministre néerlandaise de la
  /// Justice, Y": X is of the other country).
  void other_party_signatory(int a, const std::vector<std::pair<int, std::uint32_t>>& party_list) {
    if (party_list.size() != 2) return;
    std::vector<std::pair<int, std::uint32_t>> signers;
    for (const auto& r : d_.relations)
      if (r.subject == a && r.predicate == Predicate::signatory) signers.emplace_back(r.object, r.sentence);
    if (signers.size() != 2) return;
    auto country_of_person = [&](int p) {
      int c = -1;
      for (const auto& r : d_.relations)
        if (r.predicate == Predicate::country && r.subject == p) c = c == -1 ? r.object : -2;
      return c;
    };
    const int c0 = country_of_person(signers[0].first), c1 = country_of_person(signers[1].first);
    const int p0 = party_list[0].first, p1 = party_list[1].first;
    auto other = [&](int c) { return c == p0 ? p1 : (c == p1 ? p0 : -1); };
    if (c0 >= 0 && c1 == -1 && other(c0) >= 0)
      relate(Predicate::country, signers[1].first, other(c0), signers[1].second, "other-party-signatory");
    if (c1 >= 0 && c0 == -1 && other(c1) >= 0)
      relate(Predicate::country, signers[0].first, other(c1), signers[0].second, "other-party-signatory");
  }

  bool single_agreement() const {
    return std::count_if(d_.entities.begin(), d_.entities.end(),
                         [](const Entity& e) { return e.type == EntityType::Agreement; }) == 1;
  }

  /// Signatories and participants of agreement `a` in sentence s.
  void persons(int a, std::uint32_t s) {
    long sign = facts_.find(s, "sign");
    long launch = facts_.find(s, "launch");
    long participate = facts_.find(s, "participate");
    // "la réunion, à laquelle ont assisté X": the presence is at another event.
    for (long k = participate - 1; participate >= 0 && k >= 0 && k >= participate - 3; --k)
      if (word_is<"relative">(static_cast<std::uint32_t>(k))) participate = -1;
    // "X et son homologue Y ont signé ...": the persons who sign are its subject.
    std::vector<int> subjects;
    long subject_verb = -1;
    for (const auto& t : facts_.triggers(s)) {
      if (t.relation != "sign" || !subjects.empty()) continue;
      subjects = subject_persons(s, t.first);
      if (!subjects.empty()) subject_verb = t.first;
    }
    for (int e : subjects) relate(Predicate::signatory, a, e, s, "signed-subject");
    // "Les deux dirigeants ont signé": the two who met just before.
    if (subjects.empty())
      for (const auto& t : facts_.triggers(s))
        if (t.relation == "sign" && two_sides_subject(s, t.first)) {
          for (int p : two_who_met(s)) relate(Predicate::signatory, a, p, s, "signed-the-two");
          break;
        }
    // "X a reçu Y, avec lequel il a signé un mémorandum": Y, and X who received.
    if (subjects.empty())
      for (const auto& t : facts_.triggers(s)) {
        if (t.relation != "sign" || t.first < 4) continue;
        std::uint32_t k = t.first;
        while (k > d_.sentences[s].first_token && word_is<"clause_word">(k - 1)) --k;  // "a"
        if (k < 3 || !word_is<"subject_pronoun">(k - 1) ||
            (!word_is<"relative">(k - 2) && tok(k - 2).norm != "qui"))
          continue;
        if (!word_is<"with">(k - 3)) continue;
        std::uint32_t before = k - 3;
        while (before > d_.sentences[s].first_token && tok(before - 1).norm == ",") --before;
        int antecedent = before > 0 ? person_covering(before - 1) : -1;
        if (antecedent < 0) continue;
        relate(Predicate::signatory, a, men(antecedent).entity, s, "signed-with-whom");
        for (int m : facts_.mentions(s))
          if (men(m).type == EntityType::Person && men(m).entity >= 0 && m != antecedent &&
              men(m).first_token < men(antecedent).first_token && !in_title_[men(m).first_token]) {
            // The subject of the sentence: the first person, before any verb.
            bool verb = false;
            for (std::uint32_t j = d_.sentences[s].first_token; j < men(m).first_token; ++j)
              verb = verb || word_is<"clause_word">(j);
            if (!verb) relate(Predicate::signatory, a, men(m).entity, s, "signed-with-whom");
            break;
          }
        break;
      }
    for (int m : facts_.mentions(s)) {
      const Mention& x = men(m);
      if (x.type != EntityType::Person) continue;
      auto at = static_cast<long>(x.first_token);
      if (participate >= 0 && at > participate) {
        relate(Predicate::participant, a, x.entity, s, "participate-trigger");
      } else if (sign >= 0 && at > sign && after_link(sign, at)) {
        relate(Predicate::signatory, a, x.entity, s, "signed-by");
      } else if (subject_verb >= 0 && at > subject_verb && after_with(subject_verb, at)) {
        relate(Predicate::signatory, a, x.entity, s, "signed-with");  // "X a signé avec son homologue Y"
      } else if (launch >= 0 && at > launch && after_link(launch, at)) {
        relate(Predicate::participant, a, x.entity, s, "launched-between");
      }
    }
  }

  /// "avec" between the verb at `v` and token `at`, and no clause break.
  bool after_with(long v, long at) const {
    for (long k = v; k < at; ++k) {
      const auto k32 = static_cast<std::uint32_t>(k);
      if (clause_break(k32)) return false;
      if (word_is<"with">(k32)) return true;
    }
    return false;
  }

  /// A word across which a person cannot be the subject of a later verb: a
  /// subordinator or relative ("que", "qui", "dont", "lorsque"), a passive
  /// ("a été signé": the subject is signed, it does not sign), a quote, ";" or ":".
  bool clause_break(std::uint32_t k) const {
    const auto& n = tok(k).norm;
    return n == ";" || n == ":" || n == "\"" || word_is<"subordinator">(k);
  }

  /// The person mention covering token k, or -1.
  int person_covering(std::uint32_t k) const { return k < person_over_.size() ? person_over_[k] : -1; }

  /// The persons of the subject of the signing word at `v`: "X et son homologue
  /// Y ont signé", "X, ministre ..., et Y, ministre ..., ont procédé, hier, à
  /// la signature", "X et Y se sont rencontrés ... et ont signé". The nearest
  /// person before the verb ends the subject when nothing between them opens
  /// another clause (a relative, "que", a passive) or names the agreement
  /// ("X salue l'accord signé hier" is no signature of X); the subject goes back
  /// over coordinated persons with their titles. A noun ("la signature") has a
  /// subject only behind "procéder à".
  std::vector<int> subject_persons(std::uint32_t s, std::uint32_t v, bool noun_ok = false) const {
    std::vector<int> out;
    if (!noun_ok && word_is<"sign_noun">(v)) {
      bool proceed = false;
      for (std::uint32_t k = v > 12 ? v - 12 : 0; k < v; ++k) proceed = proceed || tok(k).norm.starts_with("proced");
      if (!proceed) return out;
    }
    int last = -1;
    for (int m : facts_.mentions(s))
      if (men(m).type == EntityType::Person && men(m).entity >= 0 && men(m).last_token <= v) last = m;
    if (last < 0) return out;
    for (std::uint32_t k = men(last).last_token; k < v; ++k) {
      if (clause_break(k) || tok(k).norm == "ete") return out;
      for (int m : facts_.mentions(s))
        if (men(m).first_token == k && men(m).type == EntityType::Agreement) return out;
    }
    out.push_back(men(last).entity);
    const std::uint32_t s0 = d_.sentences[s].first_token;
    std::uint32_t k = men(last).first_token;
    while (k > s0) {
      --k;
      const auto& n = tok(k).norm;
      if (int p = person_covering(k); p >= 0) {
        // "À l'invitation de X, Y et Z ont ...": a person after a preposition
        // is a complement, and the subject ends there.
        std::uint32_t before = honorific_before(men(p).first_token);
        if (before > s0 && !in_title_[before - 1] &&
            (word_is<"preposition">(before - 1) || word_is<"by">(before - 1) ||
             word_is<"with">(before - 1)))
          break;
        if (std::find(out.begin(), out.end(), men(p).entity) == out.end()) out.push_back(men(p).entity);
        k = men(p).first_token;
        continue;
      }
      if (in_title_[k] || n == "," || n == "(" || n == ")" || word_is<"coordination">(k) ||
          word_is<"determiner">(k) || word_is<"possessive">(k) || facts_.index().has(k, LexKind::honorific) ||
          title_at(k))
        continue;
      if (mention_starting(k, EntityType::Country) >= 0 || mention_starting(k, EntityType::Institution) >= 0) {
        // A country or an institution inside a title ("du Sénégal") was marked above.
        break;
      }
      break;
    }
    // The coordinated persons are the subject only if the subject starts the
    // clause: "X a reçu Y et ils ont signé" leaves X out (a verb stands between).
    std::reverse(out.begin(), out.end());
    return out;
  }

  /// "signé par ... X", "conclu entre ... X": a "by" or "between" word lies between.
  bool after_link(long trigger, long at) const {
    for (long k = trigger; k < at; ++k) {
      if (word_is<"by">(static_cast<std::uint32_t>(k)) || word_is<"between">(static_cast<std::uint32_t>(k))) return true;
    }
    std::uint32_t s = tok(static_cast<std::uint32_t>(trigger)).sentence;
    for (const auto& t : facts_.triggers(s))
      if ((t.relation == "between" || t.relation == "by") && static_cast<long>(t.first) >= trigger &&
          static_cast<long>(t.first) < at)
        return true;
    return false;
  }

  /// The agreement's date: in the sentences that report it, the date nearest
  /// the signing or launching verb (a dateline in the same sentence is
  /// farther), full dates before partial ones; else the article's first full date.
  /// The agreement a word of sentence s speaks of, when the sentence names
  /// several: the one named nearest before it, else the first named after it
  /// ("Cette convention actualise celle signée entre l'Algérie et la France le
  /// 27 août 1964": the countries and the date are the older one's). -1 when
  /// the sentence names none.
  int agreement_owning(std::uint32_t s, std::uint32_t k) const {
    int before = -1, after = -1;
    for (int m : facts_.mentions(s)) {
      const Mention& x = men(m);
      if (x.type != EntityType::Agreement || x.entity < 0) continue;
      if (x.first_token <= k) before = x.entity;
      else if (after < 0) after = x.entity;
    }
    return before >= 0 ? before : after;
  }

  std::uint32_t token_at_byte(std::uint32_t s, std::size_t byte) const {
    for (std::uint32_t k = d_.sentences[s].first_token; k < d_.sentences[s].last_token; ++k)
      if (tok(k).span.end > byte) return k;
    return d_.sentences[s].last_token;
  }

  /// Whether the article refers to the agreement as older than its news
  /// ("en vertu de la convention d'extradition signée entre les deux pays").
  bool referred_to(const Entity& a) const {
    if (a.mentions.empty()) return false;
    const std::uint32_t f = men(a.mentions.front()).first_token;
    for (std::uint32_t k = f >= 4 ? f - 4 : 0; k < f; ++k)
      if (word_is<"reference_to">(k)) return true;
    return false;
  }

  void date(Entity& a, const std::set<std::uint32_t>& sentences) {
    const DateMention* best = nullptr;
    std::size_t best_distance = 0;
    const int self = static_cast<int>(&a - d_.entities.data());
    const bool referred = referred_to(a);
    for (const auto& dm : d_.dates) {
      if (!sentences.count(dm.sentence)) continue;
      // An instrument in force is dated only by a date right after its signing.
      if (referred) {
        long sign = facts_.find(dm.sentence, "sign");
        if (sign < 0 || dm.span.begin < tok(static_cast<std::uint32_t>(sign)).span.begin ||
            token_at_byte(dm.sentence, dm.span.begin) > static_cast<std::uint32_t>(sign) + 8)
          continue;
      }
      const int owner = agreement_owning(dm.sentence, token_at_byte(dm.sentence, dm.span.begin));
      if (owner >= 0 && owner != self) continue;
      long trigger = std::max(facts_.find(dm.sentence, "sign"), facts_.find(dm.sentence, "launch"));
      std::size_t at = trigger >= 0 ? tok(static_cast<std::uint32_t>(trigger)).span.begin
                                    : d_.sentences[dm.sentence].span.begin;
      std::size_t distance = dm.span.begin > at ? dm.span.begin - at : (at - dm.span.begin) * 2;
      bool full = dm.value.size() == 10;
      bool best_full = best != nullptr && best->value.size() == 10;
      if (best == nullptr || (full && !best_full) || (full == best_full && distance < best_distance)) {
        best = &dm;
        best_distance = distance;
      }
    }
    if (best != nullptr) {
      a.date = best->value;
      a.date_end = best->end;
      return;
    }
    // With one agreement in the article, its first full date (often the
    // dateline), unless the article only refers to it as older than its news
    // ("en vertu de la convention signée entre les deux pays").
    if (!single_agreement() || referred) return;
    for (const auto& dm : d_.dates) {
      if (dm.value.size() == 10 && dm.value[4] == '-') {
        a.date = dm.value;
        return;
      }
    }
  }

  // ------------------------------------------------------------------ cooperation
  /// Whether a person or an actor is named before token t in its sentence
  /// (then a cooperation without subject is theirs to say, not the reporter's).
  bool has_person_or_actor_before(std::uint32_t s, std::uint32_t t) const {
    for (int m : facts_.mentions(s)) {
      const Mention& x = men(m);
      if (x.first_token >= t || x.entity < 0) continue;
      if (x.type == EntityType::Person || x.type == EntityType::Institution ||
          (x.type == EntityType::Country && !x.demonym && !locative(x)))
        return true;
    }
    return false;
  }

  /// The institution whose report the article is: the subject of a reporting
  /// verb at the start of the first sentence ("Le ministère de l'Intérieur
  /// révèle que ..."); -1 when the article does not start so.
  int reporting_institution() const {
    if (d_.sentences.empty()) return -1;
    for (std::uint32_t s = 0; s < d_.sentences.size() && s < 2; ++s) {
      std::uint32_t k = d_.sentences[s].first_token;
      const std::uint32_t end = d_.sentences[s].last_token;
      if (k < end && word_is<"determiner">(k)) ++k;
      for (int m : facts_.mentions(s)) {
        const Mention& x = men(m);
        if (x.first_token != k || x.type != EntityType::Institution || x.entity < 0) continue;
        std::uint32_t v = x.last_token;
        if (v < end && tok(v).norm == "a") ++v;  // "a annoncé"
        if (v < end && word_is<"reporting">(v)) return x.entity;
      }
    }
    return -1;
  }

  /// An article that names one country only, and names it as the place of
  /// what it reports ("au Maroc") or as the country of a body ("la marine
  /// royale marocaine"), is about that country: its national institutions
  /// that no word situates are that country's ("Le ministère de l'Intérieur
  /// révèle ..."). An article that names a second country, or a city of one,
  /// leaves them without a country.
  void sole_country() {
    std::set<std::string> named;
    bool anchored = false;
    for (const auto& m : d_.mentions) {
      if (m.entity < 0) continue;
      if (m.type == EntityType::Country) {
        named.insert(ent(m.entity).key);
        if (locative(m) || (m.demonym && m.first_token > 0 && !in_title_[m.first_token])) anchored = true;
      } else if (m.type == EntityType::Place && !m.country.empty()) {
        named.insert(m.country);
      }
    }
    if (named.size() != 1 || !anchored) return;
    const std::string iso = *named.begin();
    for (std::size_t i = 0; i < d_.entities.size(); ++i) {
      Entity& e = d_.entities[i];
      if (e.type != EntityType::Institution || !e.key.empty() || !e.country.empty() || e.mentions.empty() ||
          no_country_.count(static_cast<int>(i)) != 0)
        continue;
      // "la mission de l'Union européenne": a body of an international organisation.
      bool international = false;
      for (int m : e.mentions)
        for (int n : facts_.mentions(tok(men(m).first_token).sentence)) {
          const Mention& y = men(n);
          if (y.type == EntityType::Institution && y.entity >= 0 && y.entity != static_cast<int>(i) &&
              y.first_token >= men(m).first_token && y.last_token <= men(m).last_token &&
              !ent(y.entity).key.empty() && ent(y.entity).country.empty())
            international = true;
        }
      if (international) continue;
      e.country = iso;
      relate(Predicate::country, static_cast<int>(i), country_entity_or_new(iso), first_sentence(static_cast<int>(i)),
             "sole-country");
    }
  }

  /// "Le procureur général de Russie, X" and "le bureau du procureur général
  /// de la Fédération de Russie": the office of a title is where the one who
  /// holds it, of the same country, works.
  void offices() {
    for (std::size_t i = 0; i < d_.entities.size(); ++i) {
      const Entity& inst = d_.entities[i];
      if (inst.type != EntityType::Institution || inst.country.empty()) continue;
      const std::string name = name_key(inst.name);
      std::string title;
      for (const char* office : {"bureau du ", "bureau de la ", "cabinet du ", "cabinet de la ", "secretariat du "})
        if (name.starts_with(office)) title = name.substr(std::string_view(office).size());
      if (title.size() < 4) continue;
      for (std::size_t p = 0; p < d_.entities.size(); ++p) {
        const Entity& person = d_.entities[p];
        if (person.type != EntityType::Person) continue;
        const int c = person_country(static_cast<int>(p));
        if (c < 0 || ent(c).key != inst.country) continue;
        for (const auto& role : person.roles) {
          const std::string r = name_key(role.title);
          if (r == title || (r.starts_with(title) && r.size() > title.size() && r[title.size()] == ' ')) {
            relate(Predicate::memberOf, static_cast<int>(p), static_cast<int>(i), first_sentence(static_cast<int>(p)),
                   "office-of-title");
            break;
          }
        }
      }
    }
  }

  /// A delegation's members share its country. "Le ministre de l'Intérieur,
  /// X, et le directeur général de la DGSN, Y, ont effectué une visite de
  /// travail à Bruxelles": the persons who visit together, none of them
  /// called a counterpart, are of the one country known among them.
  void visitors() {
    for (std::uint32_t s = 0; s < d_.sentences.size(); ++s) {
      for (std::uint32_t v = d_.sentences[s].first_token; v < d_.sentences[s].last_token; ++v) {
        if (!word_is<"visit">(v)) continue;
        std::vector<int> group = subject_persons(s, v, /*noun_ok=*/true);
        if (group.size() < 2) break;
        bool counterpart = false;
        for (std::uint32_t k = d_.sentences[s].first_token; k < v; ++k)
          counterpart = counterpart || word_is<"counterpart">(k);
        if (counterpart) break;
        std::set<int> known;
        std::vector<int> unknown;
        for (int p : group) {
          int c = -1;
          for (const auto& r : d_.relations)
            if (r.predicate == Predicate::country && r.subject == p) c = r.object;
          if (c >= 0) {
            known.insert(c);
          } else {
            unknown.push_back(p);
          }
        }
        if (known.size() == 1)
          for (int p : unknown) relate(Predicate::country, p, *known.begin(), s, "delegation");
        break;
      }
    }
  }

  /// Who heads an institution, said other than by a title: "la présidence de
  /// la commission ... vient d'être confiée au ministre de la Justice, X",
  /// "la commission, présidée par X", "X, à la tête de la DGSN".
  void heads() {
    for (std::uint32_t s = 0; s < d_.sentences.size(); ++s) {
      const std::uint32_t end = d_.sentences[s].last_token;
      for (std::uint32_t k = d_.sentences[s].first_token; k + 2 < end; ++k) {
        // "la présidence de X ... confiée à Y"
        if (word_is<"headship">(k) && word_is<"preposition">(k + 1)) {
          std::uint32_t j = k + 2;
          if (j < end && word_is<"determiner">(j)) ++j;
          int inst = mention_starting(j, EntityType::Institution);
          if (inst < 0) continue;
          for (std::uint32_t c = men(inst).last_token; c + 1 < end; ++c) {
            if (clause_break(c)) break;
            if (!word_is<"entrusted">(c)) continue;
            for (std::uint32_t p = c + 1; p < end && p <= c + 12; ++p) {
              if (int per = person_covering(p); per >= 0) {
                relate(Predicate::memberOf, men(per).entity, men(inst).entity, s, "head-of");
                break;
              }
            }
            break;
          }
        }
        // "X, présidée par Y", "dirigé par Y"
        if (word_is<"headed">(k) && k + 2 < end && word_is<"by">(k + 1)) {
          int inst = -1;
          for (int m : facts_.mentions(s))
            if (men(m).type == EntityType::Institution && men(m).entity >= 0 && men(m).last_token <= k &&
                men(m).last_token + 2 >= k)
              inst = m;
          std::uint32_t p = k + 2;
          while (p < end && (word_is<"determiner">(p) || in_title_[p] || facts_.index().has(p, LexKind::honorific))) ++p;
          int per = p < end ? person_covering(p) : -1;
          if (inst >= 0 && per >= 0) relate(Predicate::memberOf, men(per).entity, men(inst).entity, s, "head-of");
        }
      }
    }
  }

  /// The country an entity belongs to: itself for a country, else its country ("" if unknown).
  std::string country_of(int e) const {
    const Entity& x = d_.entities[static_cast<std::size_t>(e)];
    return x.type == EntityType::Country ? x.key : x.country;
  }

  /// Whether an institution is a press agency ("a déclaré à la MAP"): it reports, it does not cooperate.
  bool press_agency(int e) const {
    const Entity& x = d_.entities[static_cast<std::size_t>(e)];
    if (x.type != EntityType::Institution || x.key.empty()) return false;
    for (const std::uint32_t k : lex_.organisations_with_id(x.key))
      if (lex_.organisations()[k].kind == "press-agency") return true;
    return false;
  }

  /// A party to cooperation that starts at token k: a country named by its
  /// name, an institution, or a noun of authorities with a demonym ("les
  /// autorités marocaines", "leurs homologues français", "les agences
  /// américaines"). Not a country that only says whose an institution is, nor
  /// one inside a person's title.
  struct Actor {
    int entity = -1;
    std::uint32_t last = 0;
  };
  std::optional<Actor> actor_at(std::uint32_t k) const {
    if (k >= d_.tokens.size() || in_title_[k] || qualifier_[k]) return std::nullopt;
    for (int m : starting_at(k)) {
      const Mention& x = men(m);
      if (x.entity < 0) continue;
      if (x.type == EntityType::Institution && !press_agency(x.entity)) return Actor{x.entity, x.last_token};
      if (x.type == EntityType::Country && !x.demonym) return Actor{x.entity, x.last_token};
    }
    if (word_is<"authority_noun">(k)) {
      // "les autorités marocaines", "les services de sécurité marocains", "les
      // services de sécurité du Maroc": the noun, lower-case complements, then
      // a demonym or "de" + a country.
      const std::uint32_t end = d_.sentences[tok(k).sentence].last_token;
      for (std::uint32_t j = k + 1; j < end && j <= k + 5; ++j) {
        for (int m : starting_at(j)) {
          const Mention& x = men(m);
          if (x.entity >= 0 && x.type == EntityType::Country &&
              (x.demonym || word_is<"preposition">(j - 1) || word_is<"determiner">(j - 1)))
            return Actor{x.entity, x.last_token};
        }
        const auto& n = tok(j).norm;
        if (!tok(j).alpha || tok(j).upper_initial) break;
        if (!(rules::is_preposition(n) || rules::is_determiner(n) || rules::is_content_word(n))) break;
      }
    }
    return std::nullopt;
  }

  /// The actors listed from token k: "la France et l'Espagne", "le Maroc, la
  /// France ou la Belgique", "les autorités marocaines et leurs homologues belges".
  std::vector<int> actors_listed(std::uint32_t k, std::uint32_t end) const {
    std::vector<int> out;
    while (k < end) {
      if (word_is<"determiner">(k) || word_is<"possessive">(k) ||
          word_is<"preposition">(k))
        ++k;
      // "avec le soutien d'Europol", "avec la mission de l'Union européenne".
      if (k + 1 < end && word_is<"support_noun">(k) && word_is<"preposition">(k + 1)) k += 2;
      // "avec des organisations onusiennes telles que l'OIM, l'ONUDC et le HCR".
      if (out.empty() && !actor_at(k))
        for (std::uint32_t j = k; j < end && j <= k + 4; ++j)
          if (word_is<"such_as">(j)) {
            k = j + 1;
            if (k < end && tok(k).norm == "que") ++k;  // "telles que"
            break;
          }
      if (k < end && word_is<"determiner">(k)) ++k;
      auto a = actor_at(k);
      if (!a) break;
      if (std::find(out.begin(), out.end(), a->entity) == out.end()) out.push_back(a->entity);
      k = a->last;
      // "(MPCE)" after an institution.
      if (k + 2 < end && tok(k).norm == "(" && tok(k + 2).norm == ")") k += 3;
      if (k < end && (tok(k).norm == "," || word_is<"coordination">(k) || tok(k).norm == "ou")) {
        ++k;
        if (k < end && word_is<"coordination">(k)) ++k;  // ", et"
        continue;
      }
      break;
    }
    return out;
  }

  /// "entre" or "avec" shortly after the cooperation word at t ("la coopération
  /// sécuritaire entre", "coopérer en matière de sécurité avec"): its token, or 0.
  std::uint32_t link_after(std::uint32_t t, std::uint32_t end, std::string_view cls) const {
    for (std::uint32_t k = t + 1; k < end && k <= t + 8; ++k) {
      const auto& n = tok(k).norm;
      if (word_is(k, cls)) return k;
      // "une synergie accrue a été établie avec": auxiliaries and participles
      // go on; a comma, another clause or a negation do not.
      if (n == "," || clause_break(k) || negation_at(k)) return 0;
      if (actor_at(k)) return 0;
    }
    return 0;
  }

  /// The actors of the clause before token t that are its subject: listed
  /// together, no clause break between them and t, not after a preposition
  /// ("a déclaré à la MAP que", "avec plusieurs pays").
  std::vector<int> subject_actors(std::uint32_t s, std::uint32_t t) const {
    std::uint32_t start = d_.sentences[s].first_token;
    for (std::uint32_t k = start; k < t; ++k)
      if (clause_break(k)) start = k + 1;
    // "une équipe commune d'enquête néerlando-belge, en collaboration avec
    // Europol": a compound adjective names the countries acting together.
    std::vector<int> compound;
    for (int m : facts_.mentions(s)) {
      const Mention& x = men(m);
      if (x.first_token < start || x.first_token >= t || x.type != EntityType::Country || x.entity < 0) continue;
      const bool joined = (x.last_token < t && tok(x.last_token).norm == "-" && !tok(x.last_token).space_before) ||
                          (x.first_token > 0 && tok(x.first_token - 1).norm == "-" && !tok(x.first_token).space_before);
      if (x.demonym && joined && !in_title_[x.first_token] &&
          std::find(compound.begin(), compound.end(), x.entity) == compound.end())
        compound.push_back(x.entity);
    }
    if (compound.size() >= 2) return compound;
    for (std::uint32_t k = start; k < t; ++k) {
      if (in_title_[k]) continue;
      if (!actor_at(k)) continue;
      std::uint32_t p = k;
      while (p > start && word_is<"determiner">(p - 1)) --p;
      // After "avec", "à", "pour", "en": a complement, not the subject; after
      // "de" it may be ("la volonté des services de sécurité du Maroc et des
      // Émirats arabes unis de consolider leur coopération").
      const auto& before = p > start ? tok(p - 1).norm : std::string();
      if (p > start && !word_is<"genitive">(p - 1) &&
          (word_is<"preposition">(p - 1) || word_is<"with">(p - 1) || word_is<"by">(p - 1) ||
           word_is<"locative">(p - 1) || before == "a"))
        continue;
      auto listed = actors_listed(p, t);
      if (!listed.empty()) return listed;
    }
    return {};
  }

  /// Whether the clause of token t has "les deux pays" (parties, États ...) as
  /// its subject, before t.
  bool two_sides_subject(std::uint32_t s, std::uint32_t t) const {
    std::uint32_t start = d_.sentences[s].first_token;
    for (std::uint32_t k = start; k < t; ++k)
      if (clause_break(k)) start = k + 1;
    // The subject starts its clause, or follows a comma ("Ce faisant, les deux parties ...").
    for (std::uint32_t k = start; k + 2 < t + 1 && k + 2 < d_.sentences[s].last_token; ++k)
      if (word_is<"determiner">(k) && tok(k + 1).norm == "deux" && word_is<"sides">(k + 2) &&
          (k == start || tok(k - 1).norm == ","))
        return true;
    return false;
  }

  /// A cooperation between a and b, and between their countries when they
  /// are bodies of two different countries. Never within one country.
  void cooperate(int a, int b, std::uint32_t s, const char* stage) {
    if (a < 0 || b < 0 || a == b) return;
    const std::string ca = country_of(a), cb = country_of(b);
    if (!ca.empty() && ca == cb) return;
    relate(Predicate::cooperatesWith, a, b, s, stage);
    if (!ca.empty() && !cb.empty() && (ent(a).type != EntityType::Country || ent(b).type != EntityType::Country))
      relate(Predicate::cooperatesWith, country_entity_or_new(ca), country_entity_or_new(cb), s, stage);
  }

  /// Whether token k lies inside a mention of an institution or an agreement
  /// ("Ministère des Affaires étrangères et de la Coopération"): no trigger there.
  bool inside_name(std::uint32_t k) const {
    for (int m : facts_.mentions(tok(k).sentence)) {
      const Mention& x = men(m);
      if ((x.type == EntityType::Institution || x.type == EntityType::Agreement) && x.first_token <= k &&
          k < x.last_token && x.first_token != k)
        return true;
      if (x.type == EntityType::Institution && x.first_token <= k && k < x.last_token) return true;
    }
    return false;
  }

  /// The country of a person, or -1.
  int person_country(int p) const {
    for (const auto& r : d_.relations)
      if (r.predicate == Predicate::country && r.subject == p) return r.object;
    return -1;
  }

  /// The persons and actors listed from token k ("le burundais X et le
  /// vice-Premier ministre ..., Y", "leurs homologues mauritaniens").
  std::vector<int> parties_listed(std::uint32_t k, std::uint32_t end) const {
    std::vector<int> out;
    for (; k < end; ++k) {
      const auto& n = tok(k).norm;
      if (clause_break(k) || n == ";" || verb_trigger_at(k)) break;
      if (int p = person_covering(k); p >= 0) {
        if (int c = person_country(men(p).entity); c >= 0) out.push_back(c);
        k = men(p).last_token - 1;
        continue;
      }
      if (auto a = actor_at(k)) {
        out.push_back(a->entity);
        k = a->last - 1;
        continue;
      }
      if (in_title_[k] || n == "," || word_is<"determiner">(k) || word_is<"possessive">(k) ||
          word_is<"coordination">(k) || word_is<"preposition">(k) || word_is<"with">(k) ||
          word_is<"authority_noun">(k) || facts_.index().has(k, LexKind::honorific) ||
          mention_starting(k, EntityType::Country) >= 0)
        continue;
      break;
    }
    return out;
  }

  /// A meeting for cooperation joins the sides that meet: "X a rencontré le
  /// burundais Y ... afin de renforcer la coopération", "les directeurs de la
  /// DGSN de se réunir avec leurs homologues mauritaniens, en vue d'examiner
  /// la coopération", "la rencontre entre X et son homologue espagnol, Y,
  /// devait permettre d'échanger des informations".
  void meetings(std::uint32_t s) {
    if (!facts_.has(s, "cooperate")) return;
    const std::uint32_t s0 = d_.sentences[s].first_token, end = d_.sentences[s].last_token;
    for (std::uint32_t v = s0; v < end; ++v) {
      if (!word_is<"meet">(v)) continue;
      std::vector<int> left, right;
      std::uint32_t after = v + 1;
      if (after < end && word_is<"between">(after)) {
        // "la rencontre entre X et Y": both sides after the word.
        right = parties_listed(after + 1, end);
        if (right.size() >= 2) {
          left.push_back(right.front());
          right.erase(right.begin());
        }
      } else {
        for (int p : subject_persons(s, v, true))
          if (int c = person_country(p); c >= 0) left.push_back(c);
        for (int a : subject_actors(s, v)) left.push_back(a);
        // "s'est entretenu au téléphone avec son homologue Y": past a short adverbial.
        for (std::uint32_t k = after; k < end && k < after + 6; ++k)
          if (word_is<"with">(k)) {
            after = k + 1;
            break;
          } else if (clause_break(k) || tok(k).norm == ",") {
            break;
          }
        right = parties_listed(after, end);
      }
      for (int a : left)
        for (int b : right) cooperate(a, b, s, "meeting");
      if (!left.empty() && !right.empty()) return;
    }
  }

  void cooperation() {
    for (std::uint32_t s = 0; s < d_.sentences.size(); ++s) meetings(s);
    for (std::uint32_t s = 0; s < d_.sentences.size(); ++s) {
      const std::uint32_t end = d_.sentences[s].last_token;
      for (const auto& trig : facts_.triggers(s)) {
        if (trig.relation != "cooperate" || inside_name(trig.first)) continue;
        const std::uint32_t t = trig.first;
        // "une opération conjointe menée par Europol, la police italienne et la
        // police judiciaire française": those who act together.
        if (std::uint32_t b = link_after(t, end, "by"); b > 0 && b <= t + 3) {
          auto together = actors_listed(b + 1, end);
          for (std::size_t x = 0; x < together.size(); ++x)
            for (std::size_t y = x + 1; y < together.size(); ++y)
              cooperate(together[x], together[y], s, "acting-together");
          if (together.size() >= 2) continue;
        }
        // "la coopération entre le Maroc et la Belgique".
        if (std::uint32_t b = link_after(t, end, "between"); b > 0) {
          auto pair = actors_listed(b + 1, end);
          // "la coopération entre les deux pays": the two the article is about.
          if (pair.empty() && b + 3 < end && word_is<"determiner">(b + 1) &&
              word_is<"bilateral">(b + 2) && tok(b + 3).norm == "pays") {
            pair = pair_before(s);
            if (pair.empty()) pair = two_countries();
          }
          for (std::size_t x = 0; x < pair.size(); ++x)
            for (std::size_t y = x + 1; y < pair.size(); ++y) cooperate(pair[x], pair[y], s, "cooperation-between");
          if (pair.size() >= 2) continue;
        }
        // "le Maroc et la Tunisie bénéficieront de l'appui technique de l'ONUDC".
        if (word_is<"benefit">(t)) {
          std::uint32_t k = t + 1;
          while (k < end && k < t + 6 && !word_is<"support_noun">(k)) ++k;
          while (k < end && k < t + 8 && !word_is<"preposition">(k)) ++k;
          auto objects = k < end ? actors_listed(k + 1, end) : std::vector<int>{};
          if (!objects.empty()) {
            for (int a : subject_actors(s, t))
              for (int b : objects) cooperate(a, b, s, "benefit-of-support");
            continue;
          }
        }
        // "la Belgique veut renforcer sa coopération avec le Maroc".
        if (std::uint32_t w = link_after(t, end, "with"); w > 0) {
          auto objects = actors_listed(w + 1, end);
          if (objects.empty()) continue;
          auto subjects = subject_actors(s, t);
          // "Une coopération accrue avec la mission de l'Union européenne est en
          // cours", in the report of "Le ministère de l'Intérieur révèle que ...".
          if (subjects.empty() && reporter_ >= 0 && !has_person_or_actor_before(s, t)) subjects.push_back(reporter_);
          for (int a : subjects)
            for (int b : objects) cooperate(a, b, s, "cooperation-with");
          continue;
        }
        // "Les deux pays ont convenu de renforcer leur coopération": the two
        // named together just before, else the article's two.
        if (two_sides_subject(s, t)) {
          auto pair = pair_before(s);
          if (pair.empty()) pair = two_countries();
          if (pair.size() == 2) {
            cooperate(pair[0], pair[1], s, "cooperation-two-sides");
            continue;
          }
        }
        // "le Maroc et la Belgique renforcent leur coopération".
        auto subjects = subject_actors(s, t);
        if (subjects.size() >= 2) {
          for (std::size_t x = 0; x < subjects.size(); ++x)
            for (std::size_t y = x + 1; y < subjects.size(); ++y)
              cooperate(subjects[x], subjects[y], s, "cooperation-subjects");
          continue;
        }
      }
    }
  }

  Document& d_;
  const Lexicon& lex_;
  const SentenceFacts& facts_;
  std::vector<bool> in_title_;
  std::vector<bool> qualifier_;  ///< country tokens that only say whose an institution is ("du Sénégal")
  std::vector<int> mention_at_;  ///< token -> first linked mention starting there, -1 if none
  std::vector<std::uint32_t> starts_;  ///< token -> its first index in by_start_ (starts_[k + 1]: one past its last)
  std::vector<int> by_start_;          ///< mentions ordered by their first token
  std::vector<int> person_over_;       ///< token -> a linked person mention over it, -1 if none
  std::vector<std::uint8_t> types_over_;  ///< token -> bits (1 << EntityType) of the mentions over it
  std::vector<std::uint64_t> token_classes_;  ///< token -> its classes of words.tsv (rules::classes_of)
  std::unordered_set<std::uint64_t> related_;       ///< relation_key of every relation made
  std::unordered_set<std::uint64_t> with_subject_;  ///< relation_key(p, s, -1) of every relation made
  std::map<int, int> country_count_;
};

}  // namespace

void find_relations(Document& doc, const SentenceFacts& facts) {
  doc.relations.clear();
  RelationFinder(doc, facts).run();
}

void find_relations(Document& doc) {
  const LexIndex index(Lexicon::french(), doc);
  find_relations(doc, SentenceFacts(doc, index));
}

}  // namespace entente::extract
