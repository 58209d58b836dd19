// The French language data (extract/data/fr) as the extractor loads it
// (extract/src/lexicon.cpp): every file parses, the gazetteers are complete
// and consistent, and phrases match over tokens longest first.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "../extract/src/lexicon.hpp"
#include "entente/extract/reader.hpp"
#include "entente/extract/segment.hpp"

namespace {

using entente::extract::Document;
using entente::extract::document_from_bytes;
using entente::extract::LexHit;
using entente::extract::Lexicon;
using entente::extract::LexKind;
using entente::extract::PhraseMatch;

const Lexicon& lex() { return Lexicon::french(); }

Document tokenised(std::string_view text) {
  Document d = document_from_bytes("t.txt", "t.txt", text);
  entente::extract::segment(d);
  return d;
}

/// Index of the first token whose text is `word`.
std::uint32_t token_index(const Document& d, std::string_view word) {
  for (std::uint32_t i = 0; i < d.tokens.size(); ++i)
    if (d.token_text(i) == word) return i;
  ADD_FAILURE() << "no token '" << word << "'";
  return 0;
}

/// The ISO codes that the phrase `text` (one whole phrase) stands for as `kind`.
std::set<std::string> countries_for(std::string_view text, LexKind kind) {
  Document d = tokenised(text);
  std::set<std::string> out;
  if (d.tokens.empty()) return out;
  for (const auto& m : lex().matches_at(d, 0)) {
    if (m.last != d.tokens.size()) continue;
    for (const auto& h : *m.hits)
      if (h.kind == kind) out.insert(h.value);
  }
  return out;
}

// ---- Loading ------------------------------------------------------------------

TEST(Lexicon, EmbeddedDataLoads) {
  EXPECT_NO_THROW({ (void)Lexicon::french(); });
  EXPECT_EQ(&Lexicon::french(), &Lexicon::french()) << "built once";
  EXPECT_GE(lex().countries().size(), 193U);
  EXPECT_GE(lex().organisations().size(), 100U);
  EXPECT_GE(lex().places().size(), 100U);
}

// ---- Countries ----------------------------------------------------------------

TEST(Lexicon, CommonWordsAreFoundByTheirNormAndNothingElse) {
  // Debian's wfrench list (scripts/setup.sh installs it; CI has it).
  ASSERT_TRUE(Lexicon::has_dictionary()) << "/usr/share/dict/french is missing";
  EXPECT_TRUE(Lexicon::is_common_word("maison"));
  EXPECT_TRUE(Lexicon::is_common_word(Lexicon::norm("Été")));      // a norm: lower case, no accent
  EXPECT_TRUE(Lexicon::is_common_word(Lexicon::norm("frontière")));
  EXPECT_FALSE(Lexicon::is_common_word("maiso"));   // a prefix of a word is not a word
  EXPECT_FALSE(Lexicon::is_common_word("maisonn"));  // nor a word and more
  EXPECT_FALSE(Lexicon::is_common_word("xqzwt"));
  EXPECT_FALSE(Lexicon::is_common_word(""));
  EXPECT_FALSE(Lexicon::is_common_word(std::string(300, 'a')));
}

TEST(LexiconCountries, EveryCountryHasIsoCodeQidAndName) {
  const std::regex iso("[A-Z]{2}");
  const std::regex qid("Q[1-9][0-9]*");
  std::set<std::string> codes, qids;
  for (const auto& c : lex().countries()) {
    EXPECT_TRUE(std::regex_match(c.iso2, iso)) << "'" << c.iso2 << "' " << c.name;
    EXPECT_TRUE(std::regex_match(c.qid, qid)) << c.iso2 << " qid '" << c.qid << "'";
    EXPECT_FALSE(c.name.empty()) << c.iso2;
    EXPECT_TRUE(codes.insert(c.iso2).second) << "duplicate ISO code " << c.iso2;
    EXPECT_TRUE(qids.insert(c.qid).second) << "duplicate QID " << c.qid;
  }
}

TEST(LexiconCountries, WellKnownEntries) {
  struct Row {
    const char* iso2;
    const char* name;
    const char* qid;
  };
  for (const Row& r : {Row{"MA", "Maroc", "Q1028"}, Row{"BE", "Belgique", "Q31"}, Row{"NE", "Niger", "Q1032"},
                       Row{"NG", "Nigeria", "Q1033"}, Row{"SN", "Sénégal", "Q1041"}, Row{"FR", "France", "Q142"},
                       Row{"ES", "Espagne", "Q29"}}) {
    const auto* c = lex().country(r.iso2);
    ASSERT_NE(c, nullptr) << r.iso2;
    EXPECT_EQ(c->name, r.name);
    EXPECT_EQ(c->qid, r.qid);
  }
  EXPECT_EQ(lex().country("XX"), nullptr);
  EXPECT_EQ(lex().country(""), nullptr);
}

TEST(LexiconCountries, MostCountriesHaveDemonyms) {
  std::size_t with = 0;
  for (const auto& c : lex().countries())
    if (!c.demonyms.empty()) ++with;
  // A few states have no demonym in common use or share theirs (congolais, guinéen).
  EXPECT_GE(with, 175U);
}

TEST(LexiconCountries, DemonymsStandForTheirCountry) {
  const std::map<std::string, std::string> expected = {
      {"marocain", "MA"},      {"marocaine", "MA"},    {"marocains", "MA"},      {"marocaines", "MA"},
      {"belge", "BE"},         {"belges", "BE"},       {"nigérien", "NE"},       {"nigérienne", "NE"},
      {"nigériens", "NE"},     {"nigérian", "NG"},     {"nigériane", "NG"},      {"nigérians", "NG"},
      {"néerlandais", "NL"},   {"néerlandaise", "NL"}, {"espagnol", "ES"},       {"espagnole", "ES"},
      {"espagnols", "ES"},     {"espagnoles", "ES"},   {"algérien", "DZ"},       {"algérienne", "DZ"},
      {"algériens", "DZ"},     {"algériennes", "DZ"},  {"sénégalais", "SN"},     {"sénégalaise", "SN"},
      {"sénégalaises", "SN"},  {"mauritanien", "MR"},  {"mauritanienne", "MR"},  {"mauritaniens", "MR"},
      {"tunisienne", "TN"},    {"malien", "ML"},       {"française", "FR"},      {"allemande", "DE"},
      {"italiens", "IT"},      {"ivoirienne", "CI"},   {"égyptien", "EG"},       {"britannique", "GB"},
      {"américaine", "US"},    {"burkinabè", "BF"},    {"tchadien", "TD"},       {"libyenne", "LY"},
      {"portugais", "PT"},
  };
  for (const auto& [form, iso2] : expected) {
    EXPECT_EQ(countries_for(form, LexKind::demonym), std::set<std::string>{iso2}) << form;
  }
}

TEST(LexiconCountries, NoFormStandsForTwoCountries) {
  std::map<std::string, std::set<std::string>> by_form;
  for (const auto& c : lex().countries()) {
    for (const auto& d : c.demonyms) by_form["demonym " + Lexicon::norm(d)].insert(c.iso2);
    by_form["name " + Lexicon::norm(c.name)].insert(c.iso2);
    for (const auto& a : c.aliases) by_form["name " + Lexicon::norm(a)].insert(c.iso2);
  }
  for (const auto& [form, codes] : by_form) EXPECT_EQ(codes.size(), 1U) << form;
}

TEST(LexiconCountries, PrefixesOfCompoundAdjectives) {
  EXPECT_EQ(countries_for("maroco", LexKind::prefix), std::set<std::string>{"MA"});
  EXPECT_EQ(countries_for("franco", LexKind::prefix), std::set<std::string>{"FR"});
  EXPECT_EQ(countries_for("belgo", LexKind::prefix), std::set<std::string>{"BE"});
  EXPECT_EQ(countries_for("nigéro", LexKind::prefix), std::set<std::string>{"NE"});
}

TEST(LexiconCountries, NamesAndAliases) {
  EXPECT_EQ(countries_for("Royaume du Maroc", LexKind::country_name), std::set<std::string>{"MA"});
  EXPECT_EQ(countries_for("Pays-Bas", LexKind::country_name), std::set<std::string>{"NL"});
  EXPECT_EQ(countries_for("Nigéria", LexKind::country_name), std::set<std::string>{"NG"});
  EXPECT_EQ(countries_for("Etats-Unis", LexKind::country_name), std::set<std::string>{"US"});
  EXPECT_TRUE(countries_for("Rabat", LexKind::country_name).empty());
  EXPECT_TRUE(countries_for("Sahel", LexKind::country_name).empty());
  EXPECT_TRUE(countries_for("Europe", LexKind::country_name).empty());
}

// ---- Organisations and places ---------------------------------------------------

TEST(LexiconOrganisations, IdsAreUniqueAndFieldsWellFormed) {
  const std::regex qid("Q[1-9][0-9]*");
  std::set<std::string> ids;
  for (const auto& o : lex().organisations()) {
    EXPECT_FALSE(o.id.empty()) << o.name;
    EXPECT_FALSE(o.name.empty()) << o.id;
    EXPECT_TRUE(ids.insert(o.id).second) << "duplicate organisation id " << o.id;
    if (!o.qid.empty()) {
      EXPECT_TRUE(std::regex_match(o.qid, qid)) << o.id << " qid '" << o.qid << "'";
    }
    if (!o.country.empty()) {
      EXPECT_NE(lex().country(o.country), nullptr) << o.id << " country " << o.country;
    }
    EXPECT_FALSE(o.kind.empty()) << o.id;
  }
}

TEST(LexiconOrganisations, AcronymsMatchOnlyInCapitals) {
  Document d = tokenised("L'OIM et Europol.");
  auto matches = lex().matches_at(d, token_index(d, "OIM"));
  ASSERT_FALSE(matches.empty());
  bool iom = false;
  for (const auto& h : *matches.front().hits) {
    if (h.kind == LexKind::organisation && h.value == "iom") {
      iom = true;
      EXPECT_TRUE(h.acronym);
    }
  }
  EXPECT_TRUE(iom);
}

TEST(LexiconPlaces, PlacesNameTheirCountry) {
  for (const auto& p : lex().places()) {
    EXPECT_FALSE(p.name.empty());
    EXPECT_FALSE(p.kind.empty()) << p.name;
    if (!p.country.empty()) {
      EXPECT_NE(lex().country(p.country), nullptr) << p.name << " country " << p.country;
    }
  }
}

// ---- Phrase matching ----------------------------------------------------------

TEST(LexiconMatch, LongestPhraseFirst) {
  Document d = tokenised("Une délégation de la Guinée-Bissau est arrivée.");
  const std::uint32_t at = token_index(d, "Guinée");
  auto matches = lex().matches_at(d, at);
  ASSERT_GE(matches.size(), 2U);
  for (std::size_t k = 1; k < matches.size(); ++k) EXPECT_GT(matches[k - 1].last, matches[k].last);
  for (const auto& m : matches) EXPECT_EQ(m.first, at);
  EXPECT_EQ(d.token_range_text(matches[0].first, matches[0].last), "Guinée-Bissau");
  EXPECT_EQ(d.token_range_text(matches.back().first, matches.back().last), "Guinée");
  bool gw = false;
  for (const auto& h : *matches[0].hits) gw = gw || (h.kind == LexKind::country_name && h.value == "GW");
  EXPECT_TRUE(gw);
}

TEST(LexiconMatch, MultiWordOrganisationBeatsItsPrefix) {
  Document d = tokenised("Selon l'Organisation internationale pour les migrations, tout va bien.");
  const std::uint32_t at = token_index(d, "Organisation");
  auto matches = lex().matches_at(d, at);
  ASSERT_FALSE(matches.empty());
  EXPECT_EQ(d.token_range_text(matches[0].first, matches[0].last), "Organisation internationale pour les migrations");
}

TEST(LexiconMatch, MatchesIgnoreCaseAndAccentsButNotSentenceBreaks) {
  Document d = tokenised("Il vit au SENEGAL. Royaume du Maroc.");
  auto sn = lex().matches_at(d, token_index(d, "SENEGAL"));
  ASSERT_FALSE(sn.empty());
  EXPECT_EQ((*sn[0].hits)[0].value, "SN");
  // "Maroc." ends a sentence: nothing starting at "Royaume" runs past it.
  for (const auto& m : lex().matches_at(d, token_index(d, "Royaume"))) EXPECT_LE(m.last, d.tokens.size());
}

TEST(LexiconMatch, NothingMatchesAtAnUnknownWord) {
  Document d = tokenised("Zorglub bidule.");
  EXPECT_TRUE(lex().matches_at(d, 0).empty());
}

TEST(LexiconMatch, AccentsMatterInLowerCase) {
  Document d = tokenised("Un traité. Un traite. Le Traite.");
  auto hit_for = [&](std::uint32_t at) -> std::pair<PhraseMatch, LexHit> {
    for (const auto& m : lex().matches_at(d, at))
      for (const auto& h : *m.hits)
        if (h.kind == LexKind::agreement && h.form == "traité") return {m, h};
    ADD_FAILURE() << "no agreement 'traité' at token " << at;
    return {};
  };
  std::vector<std::uint32_t> at;
  for (std::uint32_t i = 0; i < d.tokens.size(); ++i)
    if (d.tokens[i].norm == "traite") at.push_back(i);
  ASSERT_EQ(at.size(), 3U);
  auto [m0, h0] = hit_for(at[0]);
  auto [m1, h1] = hit_for(at[1]);
  auto [m2, h2] = hit_for(at[2]);
  EXPECT_TRUE(Lexicon::accents_match(d, m0, h0)) << "traité";
  EXPECT_FALSE(Lexicon::accents_match(d, m1, h1)) << "traite (a verb) is not traité";
  EXPECT_TRUE(Lexicon::accents_match(d, m2, h2)) << "capitals may drop accents";
}

// ---- Word lists ------------------------------------------------------------------

TEST(LexiconWords, NormIsLowerCaseWithoutAccents) {
  EXPECT_EQ(Lexicon::norm("Sénégal"), "senegal");
  EXPECT_EQ(Lexicon::norm("ÉTAT"), "etat");
  EXPECT_EQ(Lexicon::norm(""), "");
}

TEST(LexiconWords, ClassesAndFirstNames) {
  EXPECT_TRUE(lex().word_is("de", "preposition"));
  EXPECT_TRUE(lex().word_is("la", "determiner"));
  EXPECT_FALSE(lex().word_is("maroc", "preposition"));
  EXPECT_FALSE(lex().word_is("de", "no-such-class"));
  EXPECT_TRUE(lex().is_first_name("paul"));
  EXPECT_TRUE(lex().is_first_name("ibrahima"));
  EXPECT_FALSE(lex().is_first_name("ministere"));
  EXPECT_FALSE(lex().is_first_name("selon"));
  EXPECT_FALSE(lex().is_first_name("lundi"));
}

TEST(LexiconWords, HonorificsAndTitlesArePhrases) {
  Document d = tokenised("M. Dupont, ministre de la Justice.");
  bool honorific = false;
  for (const auto& m : lex().matches_at(d, 0))
    for (const auto& h : *m.hits) honorific = honorific || h.kind == LexKind::honorific;
  EXPECT_TRUE(honorific);
  bool title = false;
  for (const auto& m : lex().matches_at(d, token_index(d, "ministre")))
    for (const auto& h : *m.hits) title = title || h.kind == LexKind::title;
  EXPECT_TRUE(title);
}

}  // namespace
