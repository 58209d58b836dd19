// Stage 2, tokens and sentences (extract/src/segment.cpp).
//
// Texts are written for the tests, about fictional people and countries; the
// seed articles of ../shared are read at run time only to check invariants.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "entente/extract/dates.hpp"
#include "entente/extract/reader.hpp"
#include "entente/extract/segment.hpp"

namespace {

using entente::extract::Document;
using entente::extract::document_from_bytes;
using entente::extract::segment;
using entente::extract::Span;

Document segmented(std::string_view text) {
  Document d = document_from_bytes("t.txt", "t.txt", text);
  d.ignored.clear();  // independent of debris.tsv unless a test sets them
  segment(d);
  return d;
}

std::vector<std::string> words(const Document& d) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < d.tokens.size(); ++i) {
    out.emplace_back(d.token_text(i));
  }
  return out;
}

std::vector<std::string> sentences(const Document& d) {
  std::vector<std::string> out;
  for (const auto& s : d.sentences) {
    out.emplace_back(d.slice(s.span));
  }
  return out;
}

/// Every token belongs to exactly one sentence; sentences are in order,
/// contiguous over tokens, and their spans cover their tokens.
void expect_well_formed(const Document& d) {
  std::uint32_t next = 0;
  for (std::size_t s = 0; s < d.sentences.size(); ++s) {
    const auto& sen = d.sentences[s];
    ASSERT_EQ(sen.first_token, next);
    ASSERT_LT(sen.first_token, sen.last_token);
    EXPECT_EQ(sen.span.begin, d.tokens[sen.first_token].span.begin);
    EXPECT_EQ(sen.span.end, d.tokens[sen.last_token - 1].span.end);
    for (auto t = sen.first_token; t < sen.last_token; ++t) {
      ASSERT_EQ(d.tokens[t].sentence, s);
    }
    next = sen.last_token;
  }
  EXPECT_EQ(next, d.tokens.size());
  for (std::size_t t = 0; t < d.tokens.size(); ++t) {
    const auto& tok = d.tokens[t];
    ASSERT_LT(tok.span.begin, tok.span.end);
    ASSERT_LE(tok.span.end, d.text.size());
    if (t > 0) {
      ASSERT_LE(d.tokens[t - 1].span.end, tok.span.begin);
    }
  }
}

using V = std::vector<std::string>;

TEST(Tokens, ElisionsAreSplitAfterTheApostrophe) {
  auto d = segmented("L'accord d'une durée qu'il jusqu'à lorsqu'elle s'inscrit Qu'en presqu'île");
  EXPECT_EQ(words(d), (V{"L'", "accord", "d'", "une", "durée", "qu'", "il", "jusqu'", "à", "lorsqu'", "elle",
                         "s'", "inscrit", "Qu'", "en", "presqu'", "île"}));
  EXPECT_EQ(d.tokens[0].norm, "l'");
  EXPECT_EQ(d.tokens[1].norm, "accord");
  expect_well_formed(d);
}

TEST(Tokens, TypographicApostropheElisionsAreSplitToo) {
  auto d = segmented(
      "le ministère de l\xE2\x80\x99Intérieur et d\xE2\x80\x99"
      "autres");
  EXPECT_EQ(words(d), (V{"le", "ministère", "de", "l'", "Intérieur", "et", "d'", "autres"}));
}

TEST(Tokens, InnerApostrophesAndNamesStayWhole) {
  auto d = segmented("aujourd'hui, Mariette N'dongo arrive de N'Djamena.");
  EXPECT_EQ(words(d), (V{"aujourd'hui", ",", "Mariette", "N'dongo", "arrive", "de", "N'Djamena", "."}));
  EXPECT_EQ(d.tokens[3].norm, "n'dongo");
}

TEST(Tokens, ElisionBeforePunctuationOrDigitKeepsItsApostrophe) {
  auto d = segmented("la volonté \"d'intensifier\" d'1,5 million");
  EXPECT_EQ(words(d), (V{"la", "volonté", "\"", "d'", "intensifier", "\"", "d'", "1,5", "million"}));
}

TEST(Tokens, HyphensAreTheirOwnTokens) {
  auto d = segmented("La rencontre maroco-nigérienne, a-t-il dit, au Haut-Commissariat.");
  EXPECT_EQ(words(d), (V{"La", "rencontre", "maroco", "-", "nigérienne", ",", "a", "-", "t", "-", "il", "dit",
                         ",", "au", "Haut", "-", "Commissariat", "."}));
  EXPECT_TRUE(d.tokens[3].punct);
  EXPECT_FALSE(d.tokens[3].space_before);
  EXPECT_FALSE(d.tokens[4].space_before);
}

TEST(Tokens, AcronymsWithDotsAreOneToken) {
  auto d = segmented("L'U.E. et l'O.N.U. ont parlé à la U.E soit e.g. rien");
  EXPECT_EQ(words(d), (V{"L'", "U.E.", "et", "l'", "O.N.U.", "ont", "parlé", "à", "la", "U.E", "soit", "e.g.",
                         "rien"}));
  EXPECT_TRUE(d.tokens[1].all_upper);
  EXPECT_EQ(d.tokens[1].norm, "u.e.");
}

TEST(Tokens, HonorificMIsOneTokenBeforeACapitalisedName) {
  auto d = segmented("Le ministre, M. Paul Verlaine, et la lettre M. puis M.");
  EXPECT_EQ(words(d), (V{"Le", "ministre", ",", "M.", "Paul", "Verlaine", ",", "et", "la", "lettre", "M", ".",
                         "puis", "M."}));
  EXPECT_EQ(d.tokens[3].norm, "m.");
  EXPECT_TRUE(d.tokens[3].upper_initial);
}

TEST(Tokens, Numbers) {
  auto d = segmented("14.260 personnes, 48 963 tentatives, 1,5 million, 2022-2026, 01.08.2022 et 15h30.");
  EXPECT_EQ(words(d), (V{"14.260", "personnes", ",", "48", "963", "tentatives", ",", "1,5", "million", ",",
                         "2022", "-", "2026", ",", "01.08.2022", "et", "15h30", "."}));
  EXPECT_FALSE(d.tokens[0].digit);  // inner dot
  EXPECT_TRUE(d.tokens[3].digit);
  EXPECT_TRUE(d.tokens[10].digit);
  EXPECT_FALSE(d.tokens[10].alpha);
  EXPECT_FALSE(d.tokens[10].punct);
}

TEST(Tokens, OrdinalsAndSuperscriptMarkup) {
  auto d = segmented("le 1er août, le 1 er août, le 1^{er} août");
  EXPECT_EQ(words(d), (V{"le", "1er", "août", ",", "le", "1", "er", "août", ",", "le", "1", "^", "{", "er",
                         "}", "août"}));
}

TEST(Tokens, PunctuationMarksStandAloneExceptRuns) {
  auto d = segmented("Quoi?! ((enfin))... «oui» 50 % - non *** \xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(words(d), (V{"Quoi", "?", "!", "(", "(", "enfin", ")", ")", "...", "\"", "oui", "\"", "50", "%",
                         "-", "non", "***", "\xEF\xBF\xBD\xEF\xBF\xBD"}));
}

TEST(Tokens, NormIsLowerCaseWithoutAccents) {
  auto d = segmented("Sûreté ÉTAT Œuvre NIGÉRIENNE Straße ça");
  ASSERT_EQ(d.tokens.size(), 6u);
  EXPECT_EQ(d.tokens[0].norm, "surete");
  EXPECT_EQ(d.tokens[1].norm, "etat");
  EXPECT_EQ(d.tokens[2].norm, "oeuvre");
  EXPECT_EQ(d.tokens[3].norm, "nigerienne");
  EXPECT_EQ(d.tokens[4].norm, "strasse");
  EXPECT_EQ(d.tokens[5].norm, "ca");
}

TEST(Tokens, Flags) {
  auto d = segmented("La DGSN et MoU\nà Paris 2024 ; X");
  ASSERT_EQ(d.tokens.size(), 9u);
  const auto& la = d.tokens[0];
  EXPECT_TRUE(la.upper_initial);
  EXPECT_FALSE(la.all_upper);
  EXPECT_TRUE(la.alpha);
  EXPECT_FALSE(la.space_before);
  const auto& dgsn = d.tokens[1];
  EXPECT_TRUE(dgsn.all_upper);
  EXPECT_TRUE(dgsn.space_before);
  EXPECT_FALSE(dgsn.newline_before);
  EXPECT_FALSE(d.tokens[3].all_upper);      // MoU
  EXPECT_TRUE(d.tokens[4].newline_before);  // à
  EXPECT_TRUE(d.tokens[4].space_before);
  EXPECT_FALSE(d.tokens[4].upper_initial);
  EXPECT_TRUE(d.tokens[6].digit);
  EXPECT_TRUE(d.tokens[7].punct);
  EXPECT_TRUE(d.tokens[8].upper_initial);
  EXPECT_FALSE(d.tokens[8].all_upper);  // one letter only
}

TEST(Tokens, IgnoredSpansGiveNoTokens) {
  Document d =
      document_from_bytes("t.txt", "t.txt", "Premier paragraphe\n- Advertisement -\nSuite du texte.");
  const std::size_t b = d.text.find("- Adv");
  d.ignored = {Span{b, b + 17}};
  segment(d);
  EXPECT_EQ(words(d), (V{"Premier", "paragraphe", "Suite", "du", "texte", "."}));
  EXPECT_EQ(sentences(d), (V{"Premier paragraphe", "Suite du texte."}));
  expect_well_formed(d);
}

TEST(Tokens, EmptyTextGivesNothing) {
  auto d = segmented("");
  EXPECT_TRUE(d.tokens.empty());
  EXPECT_TRUE(d.sentences.empty());
  auto blank = segmented("  \n\n \t");
  EXPECT_TRUE(blank.tokens.empty());
  EXPECT_TRUE(blank.sentences.empty());
}

TEST(Sentences, HonorificMDoesNotEndASentence) {
  auto d = segmented("Le ministre, M. Paul Verlaine, a signé un accord. M. Dupont était présent.");
  EXPECT_EQ(sentences(d),
            (V{"Le ministre, M. Paul Verlaine, a signé un accord.", "M. Dupont était présent."}));
  expect_well_formed(d);
}

TEST(Sentences, OtherHonorificsAndInitialsDoNotEndASentence) {
  auto d = segmented(
      "Mme Durand a reçu Mme. Lebrun et le Dr. Faure. Le Pr. Lenoir et J. Martin sont venus. "
      "Selon l'art. 5 du code, MM. Roux et Blanc ont signé.");
  EXPECT_EQ(sentences(d),
            (V{"Mme Durand a reçu Mme. Lebrun et le Dr. Faure.", "Le Pr. Lenoir et J. Martin sont venus.",
               "Selon l'art. 5 du code, MM. Roux et Blanc ont signé."}));
}

TEST(Sentences, HeadlineWithoutPeriodIsItsOwnSentence) {
  auto d = segmented(
      "Accord de pêche entre la Valdorie et la Brésaline\n"
      "Par Odile Marchais\n"
      "Le ministre a signé l'accord à Port-Lune. Il est satisfait.");
  EXPECT_EQ(sentences(d), (V{"Accord de pêche entre la Valdorie et la Brésaline", "Par Odile Marchais",
                             "Le ministre a signé l'accord à Port-Lune.", "Il est satisfait."}));
  expect_well_formed(d);
}

TEST(Sentences, BlankLineAlwaysEndsASentence) {
  auto d = segmented("la commission de lutte contre la traite et\n\nl'immigration clandestine du Niger.");
  EXPECT_EQ(sentences(d),
            (V{"la commission de lutte contre la traite et", "l'immigration clandestine du Niger."}));
}

TEST(Sentences, LineEndingWithACommaContinues) {
  auto d = segmented("Le ministre a déclaré,\nen présence de Mme Farrou, qu'il signerait.");
  EXPECT_EQ(sentences(d).size(), 1u);
}

TEST(Sentences, QuestionsExclamationsAndQuotes) {
  auto d = segmented("Viendra-t-il ? Oui ! \"Nous signerons.\" Le texte suit.");
  EXPECT_EQ(sentences(d), (V{"Viendra-t-il ?", "Oui !", "\"Nous signerons.\"", "Le texte suit."}));
}

TEST(Sentences, ANumberAfterAFullStopOpensASentence) {
  auto d = segmented(
      "Douze réseaux ont été démantelés. 94 affaires ont suivi en 2023. 15 procès sont prévus, p. 12 du "
      "rapport.");
  EXPECT_EQ(sentences(d), (V{"Douze réseaux ont été démantelés.", "94 affaires ont suivi en 2023.",
                             "15 procès sont prévus, p. 12 du rapport."}));
}

/// The Document of a file's bytes (files are read by entente::ingest; here
/// only the text stages are tested).
std::optional<Document> read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return document_from_bytes(path.substr(path.rfind('/') + 1), path, bytes);
}

TEST(Sentences, FixtureWithHeadlineBylineAndDoctor) {
  auto d = read_text_file(ENTENTE_SOURCE_DIR "/tests/fixtures/text/article_bom.txt");
  ASSERT_TRUE(d.has_value());
  segment(*d);
  EXPECT_EQ(sentences(*d), (V{"Rencontre à Port-Lune", "Par Odile Marchais",
                              "La délégation conduite par Dr. Ivo Tessier est arrivée mardi.",
                              "Elle repart le 12 mai 2025."}));
  EXPECT_FALSE(d->tokens[0].space_before);
  EXPECT_EQ(d->token_text(5), "Par");
  EXPECT_TRUE(d->tokens[5].newline_before);
}

TEST(Sentences, SeedArticlesAreWellFormed) {
  for (const char* name : {"000_c94dad177458769f.txt", "001_780f1f5db8eac65f.txt", "002_05d94940f2027a24.txt",
                           "003_0e93f6929fe5dcbb.txt", "004_1b679d63f97ba4d4.txt"}) {
    auto d = read_text_file(std::string(ENTENTE_SHARED_DIR "/corpus/seeds/") + name);
    ASSERT_TRUE(d.has_value()) << name;
    segment(*d);
    EXPECT_GT(d->sentences.size(), 3u) << name;
    expect_well_formed(*d);
  }
}

TEST(Sentences, LargeTextWithoutNewline) {
  std::string text;
  const std::string sentence =
      "Le ministre, M. Paul Arnaud, a rencontré l'U.E. le 15 octobre 2024 à Port-Lune. ";
  while (text.size() < (5u << 20)) {
    text += sentence;
  }
  auto d = segmented(text);
  EXPECT_EQ(d.sentences.size(), text.size() / sentence.size());
  expect_well_formed(d);
}

TEST(Concurrency, StagesMayRunOnSeveralThreadsAtOnce) {
  const std::string text =
      "Accord entre la Valdorie et la Brésaline\n\n- Advertisement -\n"
      "Le ministre, M. Paul Verlaine, a signé le mardi 15 octobre 2024 l\xE2\x80\x99"
      "accord d'une durée "
      "de cinq ans avec Mme Lise Berthaud. Le Dr. Faure était présent.\nLaisser un commentaire\n";
  auto run = [&] {
    Document d = document_from_bytes("c.txt", "c.txt", text);
    segment(d);
    entente::extract::find_dates(d);
    std::string out;
    for (const auto& t : d.tokens) {
      out += t.norm + "|" + std::to_string(t.sentence) + " ";
    }
    for (const auto& m : d.dates) {
      out += m.value + " ";
    }
    out += std::to_string(d.ignored.size());
    return out;
  };
  const std::string expected = run();
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t k = 0; k < results.size(); ++k) {
    threads.emplace_back([&, k] {
      for (int i = 0; i < 50; ++i) {
        std::string r = run();
        if (r != expected) {
          results[k] = r;
          return;
        }
      }
      results[k] = expected;
    });
  }
  for (auto& t : threads) {
    t.join();
  }
  for (const auto& r : results) {
    EXPECT_EQ(r, expected);
  }
}

}  // namespace
