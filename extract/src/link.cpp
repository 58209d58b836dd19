// Stage: mentions -> document entities (within-document coreference).
//
// - countries by ISO code, gazetteer organisations by id, places by name;
// - institutions by name key; an acronym defined in parentheses, or used
//   alone after its definition, joins the institution it abbreviates;
// - persons by name key ("Mohamed" == "Mohammed"); a lone surname or
//   "M. Surname" joins the one person of the document with that surname;
// - agreements: the first mention that the sentence reports as signed,
//   concluded or launched makes the agreement; later singular mentions of an
//   instrument ("cet accord", "ce mémorandum") refer to it. An instrument
//   mentioned without such a report is no agreement (a strategy, a wish).
#include <algorithm>
#include <map>
#include <unordered_map>

#include "entente/extract/names.hpp"
#include "entente/extract/pipeline.hpp"
#include "lexicon.hpp"
#include "rules.hpp"
#include "sentence_facts.hpp"
#include "stages.hpp"
#include "text_util.hpp"

namespace entente::extract {
namespace {

class Linker {
 public:
  Linker(Document& d, const SentenceFacts& facts) : d_(d), lex_(Lexicon::french()), facts_(facts) {}

  void run() {
    d_.entities.clear();
    auto& ms = d_.mentions;
    // Pass 1: every mention that names its entity in full.
    for (std::size_t i = 0; i < ms.size(); ++i) {
      const Mention& m = ms[i];
      if (m.type == EntityType::Agreement || m.refers_to >= 0) continue;
      // A name of one word ("M. Daki", "la secrétaire Napolitano") is a surname:
      // pass 2 joins it to the full name, if the article gives one.
      if (m.type == EntityType::Person && (words_in(m.name) < 2 || m.stage == "honorific") &&
          !(m.stage.starts_with("title") && words_in(m.name) >= 2))
        continue;
      attach(i, identity_key(m));
    }
    // Pass 2: lone surnames ("M. Daki", "Hammouchi") join the one person with that surname.
    for (std::size_t i = 0; i < ms.size(); ++i) {
      const Mention& m = ms[i];
      if (m.type != EntityType::Person || m.entity >= 0 || m.refers_to >= 0) continue;
      // The mention's words end the full name ("Daki", "Ndiaye Sarr").
      const auto& short_words = key_of(m.name).words;
      int found = -1;
      for (std::size_t e = 0; e < d_.entities.size(); ++e) {
        const Entity& ent = d_.entities[e];
        if (ent.type != EntityType::Person) continue;
        const auto& words = key_of(ent.name).words;
        if (words.size() > short_words.size() &&
            std::equal(short_words.rbegin(), short_words.rend(), words.rbegin())) {
          found = found == -1 ? static_cast<int>(e) : -2;
        }
      }
      // A misspelt surname ("M. Darmain" for Gérald Darmanin): one letter
      // dropped, added or changed in a long surname, and one person only.
      if (found == -1 && short_words.size() == 1 && short_words[0].size() >= 6) {
        for (std::size_t e = 0; e < d_.entities.size(); ++e) {
          const Entity& ent = d_.entities[e];
          if (ent.type != EntityType::Person) continue;
          const auto& words = key_of(ent.name).words;
          if (words.size() >= 2 && one_edit_apart(words.back(), short_words[0]))
            found = found == -1 ? static_cast<int>(e) : -2;
        }
      }
      if (found >= 0) {
        join(i, found);
      } else {
        attach(i, identity_key(m));
      }
    }
    // Pass 3: acronyms and surnames that point to another mention.
    for (std::size_t i = 0; i < ms.size(); ++i) {
      Mention& m = ms[i];
      if (m.refers_to < 0 || m.entity >= 0) continue;
      int target = ms[static_cast<std::size_t>(m.refers_to)].entity;
      if (target >= 0 && d_.entities[static_cast<std::size_t>(target)].type == m.type) {
        join(i, target);
      } else {
        attach(i, identity_key(m));
      }
    }
    agreements();
  }

 private:
  /// A name's key (name_key) and its words, computed once per name of the document.
  struct NameKey {
    std::string key;
    std::vector<std::string> words;
  };
  const NameKey& key_of(const std::string& name) const {
    auto it = keys_.find(name);
    if (it == keys_.end()) {
      NameKey k{name_key(name), {}};
      k.words = key_words(k.key);
      it = keys_.emplace(name, std::move(k)).first;
    }
    return it->second;
  }
  std::size_t words_in(const std::string& name) const { return key_of(name).words.size(); }

  /// Whether a and b differ by one inserted, deleted or replaced letter.
  static bool one_edit_apart(std::string_view a, std::string_view b) {
    if (a.size() < b.size()) std::swap(a, b);
    if (a.size() - b.size() > 1 || a == b) return false;
    std::size_t i = 0;
    while (i < b.size() && a[i] == b[i]) ++i;
    if (a.size() == b.size()) return a.substr(i + 1) == b.substr(i + 1);
    return a.substr(i + 1) == b.substr(i);
  }

  void add_label(Entity& e, const std::string& name) const {
    if (name.empty() || name == e.name) return;
    // The fullest name is the preferred one; a country or an organisation of
    // the gazetteer keeps the gazetteer's name.
    if (e.type != EntityType::Country && e.key.empty() && words_in(name) > words_in(e.name)) {
      if (std::find(e.labels.begin(), e.labels.end(), e.name) == e.labels.end()) e.labels.push_back(e.name);
      e.name = name;
      std::erase(e.labels, name);
      return;
    }
    if (std::find(e.labels.begin(), e.labels.end(), name) == e.labels.end()) e.labels.push_back(name);
  }

  std::string identity_key(const Mention& m) const {
    std::string t(to_string(m.type));
    if (m.type == EntityType::Country) return t + "|" + m.key;
    if (m.type == EntityType::Institution && !m.key.empty()) return t + "#" + m.key;
    if (m.type == EntityType::Person) return t + "|" + person_key(m.name);
    return t + "|" + key_of(m.name).key;
  }

  void attach(std::size_t mention, const std::string& key) {
    auto it = by_key_.find(key);
    if (it != by_key_.end()) {
      join(mention, it->second);
      return;
    }
    const Mention& m = d_.mentions[mention];
    Entity e;
    e.type = m.type;
    e.name = m.name;
    e.key = m.key;
    e.country = m.country;
    if (m.type == EntityType::Country) {
      if (const auto* c = lex_.country(m.key)) {
        e.qid = c->qid;
        e.name = c->name;
        e.country.clear();
      }
    } else if (m.type == EntityType::Institution && !m.key.empty()) {
      for (const std::uint32_t k : lex_.organisations_with_id(m.key)) {
        const auto& o = lex_.organisations()[k];
        e.qid = o.qid;
        e.name = o.name;
        if (e.country.empty()) e.country = o.country;
      }
    }
    int index = static_cast<int>(d_.entities.size());
    d_.entities.push_back(std::move(e));
    by_key_[key] = index;
    join(mention, index);
  }

  void join(std::size_t mention, int entity) {
    Mention& m = d_.mentions[mention];
    Entity& e = d_.entities[static_cast<std::size_t>(entity)];
    m.entity = entity;
    e.mentions.push_back(static_cast<int>(mention));
    if (e.type != EntityType::Country && !m.demonym) add_label(e, m.name);
    if (e.country.empty() && e.type != EntityType::Country) e.country = m.country;
    by_key_.emplace(identity_key(m), entity);
    // "la police criminelle (BKA) ... la police criminelle allemande": a name
    // the gazetteer tied to an organisation keeps naming it.
    if (m.type == EntityType::Institution && !m.key.empty())
      by_key_.emplace(std::string(to_string(m.type)) + "|" + key_of(m.name).key, entity);
  }

  void agreements() {
    const SentenceFacts& facts = facts_;
    int current = -1;
    for (std::size_t i = 0; i < d_.mentions.size(); ++i) {
      Mention& m = d_.mentions[i];
      if (m.type != EntityType::Agreement) continue;
      const auto s = d_.tokens[m.first_token].sentence;
      bool qualified = facts.reports_conclusion(s, m);
      if (current < 0 && !qualified) continue;
      // Another instrument reported concluded: a new agreement, unless it
      // refers back. Another kind ("avaient déjà signé en 2019 un protocole
      // d'accord"), an instrument with an indefinite article ("la Russie et
      // l'Algérie avaient signé un accord de coopération judiciaire") unless it
      // says what the known one is ("constitue une entente subsidiaire"), one
      // signed on a date of its own ("l'accord général ... conclu le 21 mai
      // 1985"), or a pronoun that stands for another ("celle signée en 1964").
      if (current >= 0 && qualified) {
        const Entity& cur = d_.entities[static_cast<std::size_t>(current)];
        const bool demonstrative =
            m.first_token > 0 && rules::has_class(d_.tokens[m.first_token - 1].norm, "demonstrative");
        bool is_new = m.stage == "pronoun";
        if (!facts.is_anaphoric(m) && m.key != cur.kind && !rules::has_class(m.key, "generic_agreement") &&
            !m.key.starts_with("accord") && !cur.kind.starts_with("accord"))
          is_new = true;
        if (indefinite_before(m) && m.key != cur.kind && !rules::has_class(m.key, "generic_agreement")) is_new = true;
        const std::string own = demonstrative ? std::string() : own_date(m);
        const auto intro = intro_date_.find(current);
        if (!own.empty() && intro != intro_date_.end() && !intro->second.empty() && own != intro->second) is_new = true;
        if (copula_before(m)) is_new = false;
        if (is_new) current = -1;
      }
      // After the agreement is known, a generic word ("coopération",
      // "partenariat") refers to it only behind a demonstrative.
      if (current >= 0 && !qualified && rules::has_class(m.key, "generic_agreement") &&
          !(m.first_token > 0 && rules::has_class(d_.tokens[m.first_token - 1].norm, "demonstrative")))
        continue;
      if (current < 0 || d_.entities[static_cast<std::size_t>(current)].type != EntityType::Agreement) {
        Entity e;
        e.type = EntityType::Agreement;
        e.kind = m.key;
        e.name = m.name;
        current = static_cast<int>(d_.entities.size());
        d_.entities.push_back(std::move(e));
        std::string intro = own_date(m);
        if (intro.empty())
          for (const auto& dm : d_.dates)
            if (dm.sentence == s && intro.empty()) intro = dm.value;
        intro_date_[current] = intro;
      }
      Entity& e = d_.entities[static_cast<std::size_t>(current)];
      m.entity = current;
      e.mentions.push_back(static_cast<int>(i));
      // The most specific kind wins over a bare "coopération".
      if (e.kind.starts_with("coop") && !m.key.starts_with("coop")) e.kind = m.key;
    }
  }

  bool indefinite_before(const Mention& m) const {
    return m.first_token > 0 && rules::has_class(d_.tokens[m.first_token - 1].norm, "indefinite");
  }

  /// "constitue une entente", "est un accord": a copula before the article.
  bool copula_before(const Mention& m) const {
    for (std::uint32_t k = m.first_token >= 3 ? m.first_token - 3 : 0; k < m.first_token; ++k)
      if (rules::has_class(d_.tokens[k].norm, "copula")) return true;
    return false;
  }

  /// The date of a participle right after the mention: "l'accord général de
  /// coopération conclu, le 21 mai 1985", "celle signée ... le 27 août 1964";
  /// "" when there is none.
  std::string own_date(const Mention& m) const {
    const auto s = d_.tokens[m.first_token].sentence;
    const std::uint32_t end = d_.sentences[s].last_token;
    std::uint32_t verb = 0;
    for (const auto& t : facts_.triggers(s))
      if ((t.relation == "sign" || t.relation == "launch") && t.first >= m.last_token && t.first <= m.last_token + 6 &&
          verb == 0)
        verb = t.first;
    if (verb == 0) return {};
    for (std::uint32_t k = m.last_token; k < verb; ++k)
      if (d_.tokens[k].upper_initial || rules::has_class(d_.tokens[k].norm, "subordinator")) return {};
    const std::size_t until = d_.tokens[std::min(end, verb + 14) - 1].span.end;
    for (const auto& dm : d_.dates)
      if (dm.sentence == s && dm.span.begin > d_.tokens[verb].span.begin && dm.span.begin < until) return dm.value;
    return {};
  }

  Document& d_;
  const Lexicon& lex_;
  const SentenceFacts& facts_;
  std::map<int, std::string> intro_date_;  ///< agreement entity -> the date of the sentence that introduced it
  std::map<std::string, int> by_key_;
  mutable std::unordered_map<std::string, NameKey, textutil::ViewHash, std::equal_to<>> keys_;  ///< name -> its key
};

}  // namespace

void link_mentions(Document& doc, const SentenceFacts& facts) { Linker(doc, facts).run(); }

void link_mentions(Document& doc) {
  const LexIndex index(Lexicon::french(), doc);
  link_mentions(doc, SentenceFacts(doc, index));
}

}  // namespace entente::extract
