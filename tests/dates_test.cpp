// Stage 3, French dates (extract/src/dates.cpp, extract/data/fr/calendar.tsv).
//
// Texts are written for the tests, about fictional people; two seed articles
// of ../shared are read at run time as a regression check.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entente/extract/dates.hpp"
#include "entente/extract/reader.hpp"
#include "entente/extract/segment.hpp"

namespace {

using entente::extract::Document;
using entente::extract::document_from_bytes;
using entente::extract::find_dates;
using entente::extract::segment;
using entente::extract::weekday;

Document dated(std::string_view text, std::string published = {}) {
  Document d = document_from_bytes("t.txt", "t.txt", text);
  d.ignored.clear();
  d.meta.date = std::move(published);
  segment(d);
  find_dates(d);
  return d;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

/// (text of the date, value) for every date found.
Pairs found(const Document& d) {
  Pairs out;
  for (const auto& m : d.dates) {
    out.emplace_back(std::string(d.slice(m.span)), m.value);
  }
  return out;
}

TEST(Weekday, KnownDates) {
  EXPECT_EQ(weekday(2024, 10, 15), 1);  // Tuesday
  EXPECT_EQ(weekday(2022, 8, 1), 0);    // Monday
  EXPECT_EQ(weekday(2016, 4, 22), 4);   // Friday
  EXPECT_EQ(weekday(2000, 2, 29), 1);   // Tuesday, leap day
  EXPECT_EQ(weekday(1900, 1, 1), 0);    // Monday
  EXPECT_EQ(weekday(2023, 1, 1), 6);    // Sunday
}

TEST(Dates, DayMonthYear) {
  auto d = dated("Le traité a été signé le 15 octobre 2024 à Port-Lune, puis le 3 DÉCEMBRE 2020.");
  EXPECT_EQ(found(d), (Pairs{{"15 octobre 2024", "2024-10-15"}, {"3 DÉCEMBRE 2020", "2020-12-03"}}));
  EXPECT_EQ(d.dates[0].weekday, -1);
}

TEST(Dates, MonthNamesWithoutAccentsAndAbbreviations) {
  auto d = dated("Le 15 aout 2022, le 3 fevrier 2021, le 7 févr. 2023, le 9 sept. 2019 et le 2 déc. 2018.");
  EXPECT_EQ(found(d), (Pairs{{"15 aout 2022", "2022-08-15"},
                             {"3 fevrier 2021", "2021-02-03"},
                             {"7 févr. 2023", "2023-02-07"},
                             {"9 sept. 2019", "2019-09-09"},
                             {"2 déc. 2018", "2018-12-02"}}));
}

TEST(Dates, SeptWithoutDotIsTheNumber) {
  auto d = dated("Il a reçu sept 2024 lettres, puis sept délégués.");
  EXPECT_TRUE(d.dates.empty());
}

TEST(Dates, WeekdayGivesTheYearOfTheArticle) {
  auto d = dated(
      "Le ministre, M. Paul Verlaine, a signé le mardi 15 octobre un accord avec Mme Lise Berthaud.\n"
      "Le précédent accord datait du 3 mars 2024.");
  ASSERT_EQ(d.dates.size(), 2u);
  EXPECT_EQ(d.slice(d.dates[0].span), "mardi 15 octobre");
  EXPECT_EQ(d.dates[0].value, "2024-10-15");
  EXPECT_EQ(d.dates[0].weekday, 1);
  EXPECT_EQ(d.dates[0].sentence, 0u);
  EXPECT_EQ(d.dates[1].value, "2024-03-03");
  EXPECT_EQ(d.dates[1].sentence, 1u);
}

TEST(Dates, YearsOfAPeriodCountForTheWeekday) {
  auto d = dated("Le plan couvre 2022-2026. La Valdorie l'a adopté le mardi 15 octobre.");
  EXPECT_EQ(found(d), (Pairs{{"2022-2026", "2022"}, {"mardi 15 octobre", "2024-10-15"}}));
}

TEST(Dates, AmbiguousWeekdayStaysPartial) {
  // 15 October was a Tuesday in 2019 and in 2024: both are candidates.
  auto d = dated("En 2019, puis en 2024, Odile Marchais a été reçue. Le mardi 15 octobre, elle a signé.");
  EXPECT_EQ(found(d), (Pairs{{"2019", "2019"}, {"2024", "2024"}, {"mardi 15 octobre", "--10-15"}}));
}

TEST(Dates, WeekdayThatNoYearFitsStaysPartial) {
  // 15 October was a Sunday in 2023, a Tuesday in 2024, a Wednesday in 2025.
  auto d = dated("Le jeudi 15 octobre, Ivo Tessier a signé. Le texte date du 2 mai 2024.");
  ASSERT_EQ(d.dates.size(), 2u);
  EXPECT_EQ(d.dates[0].value, "--10-15");
  EXPECT_EQ(d.dates[0].weekday, 3);
}

TEST(Dates, DayMonthWithoutWeekdayOrYearsStaysPartial) {
  auto d = dated("Anselme Corbière est arrivé le 25 novembre. Le vendredi 3 avril, il est reparti.");
  EXPECT_EQ(found(d), (Pairs{{"25 novembre", "--11-25"}, {"vendredi 3 avril", "--04-03"}}));
}

TEST(Dates, FirstOfTheMonth) {
  auto d = dated(
      "Le lundi 1er août 2022, le 1 er août 2022, le 1^{er} août 2022, le 1^er août 2022 "
      "et le premier août 2022.");
  EXPECT_EQ(found(d), (Pairs{{"lundi 1er août 2022", "2022-08-01"},
                             {"1 er août 2022", "2022-08-01"},
                             {"1^{er} août 2022", "2022-08-01"},
                             {"1^er août 2022", "2022-08-01"},
                             {"premier août 2022", "2022-08-01"}}));
  EXPECT_EQ(d.dates[0].weekday, 0);
}

TEST(Dates, NumericForms) {
  auto d = dated("Publié le 01.08.2022, revu le 01/08/2022, le 2024-10-15, le 1/8/2022 et le 15-10-2024.");
  EXPECT_EQ(found(d), (Pairs{{"01.08.2022", "2022-08-01"},
                             {"01/08/2022", "2022-08-01"},
                             {"2024-10-15", "2024-10-15"},
                             {"1/8/2022", "2022-08-01"},
                             {"15-10-2024", "2024-10-15"}}));
}

TEST(Dates, NumbersThatAreNotDates) {
  auto d =
      dated("Il y a eu 14.260 sauvetages, 48 963 tentatives, 151 réseaux et 2021 dossiers; 3/4 des cas.");
  EXPECT_TRUE(d.dates.empty());
}

TEST(Dates, MonthAndYear) {
  auto d =
      dated("En octobre 2024, en septembre 2024, à la fin septembre 2024, début mars 2023 et mi-juin 2021.");
  EXPECT_EQ(found(d), (Pairs{{"octobre 2024", "2024-10"},
                             {"septembre 2024", "2024-09"},
                             {"fin septembre 2024", "2024-09"},
                             {"début mars 2023", "2023-03"},
                             {"mi-juin 2021", "2021-06"}}));
}

TEST(Dates, BareYearAfterAPreposition) {
  auto d = dated(
      "En 2021, elle a dit qu'en 2020 et depuis 2019, dès 2018, l'année 2017 et l'an 2000 étaient calmes; "
      "mi-2016 aussi.");
  EXPECT_EQ(found(d), (Pairs{{"2021", "2021"},
                             {"2020", "2020"},
                             {"2019", "2019"},
                             {"2018", "2018"},
                             {"2017", "2017"},
                             {"2000", "2000"},
                             {"2016", "2016"}}));
}

TEST(Dates, BareYearNeedsItsPreposition) {
  auto d = dated("Le rapport 2021 compte des 2020 dossiers, en 1850 et en 2150.");
  EXPECT_TRUE(d.dates.empty());
}

TEST(Dates, Periods) {
  auto d = dated(
      "Une stratégie pour la période 2022-2026, un programme pour 2025-2026, un plan 2023-25, "
      "un accord de 2019 à 2021 et un traité 2030 – 2035.");
  ASSERT_EQ(d.dates.size(), 5u);
  EXPECT_EQ(found(d), (Pairs{{"2022-2026", "2022"},
                             {"2025-2026", "2025"},
                             {"2023-25", "2023"},
                             {"2019 à 2021", "2019"},
                             {"2030 – 2035", "2030"}}));
  EXPECT_EQ(d.dates[0].end, "2026");
  EXPECT_EQ(d.dates[1].end, "2026");
  EXPECT_EQ(d.dates[2].end, "2025");
  EXPECT_EQ(d.dates[3].end, "2021");
  EXPECT_EQ(d.dates[4].end, "2035");
}

TEST(Dates, ImpossibleDatesAreRejected) {
  auto d = dated(
      "Le 31 février 2024, le 30 février, le 29 février 2023, le 32 octobre, le 31.02.2022, "
      "le 2024-13-01 et le 31 avril 2020 n'existent pas.");
  EXPECT_TRUE(d.dates.empty()) << found(d).size();
}

TEST(Dates, LeapDay) {
  auto d = dated("Le 29 février 2024 et le jeudi 29 février, puis en 2023.");
  EXPECT_EQ(found(d),
            (Pairs{{"29 février 2024", "2024-02-29"}, {"jeudi 29 février", "2024-02-29"}, {"2023", "2023"}}));
}

// ---- Relative dates, against the publication date ---------------------------
// 2024-10-17 is a Thursday.

TEST(RelativeDates, YesterdayAndTheDayBefore) {
  auto d = dated("Hier, Mme Lise Berthaud a reçu son homologue ; avant-hier, elle était à Port-Lune. "
                 "Elle repart après-demain, et demain elle signe.",
                 "2024-10-17");
  EXPECT_EQ(found(d), (Pairs{{"Hier", "2024-10-16"},
                             {"avant-hier", "2024-10-15"},
                             {"après-demain", "2024-10-19"},
                             {"demain", "2024-10-18"}}));
}

TEST(RelativeDates, AWeekdayAloneIsThePastOne) {
  auto d = dated("Le ministre Paul Verlaine a signé mardi un accord. Il était lundi à Port-Lune.", "2024-10-17");
  EXPECT_EQ(found(d), (Pairs{{"mardi", "2024-10-15"}, {"lundi", "2024-10-14"}}));
  EXPECT_EQ(d.dates[0].weekday, 1);
}

TEST(RelativeDates, TheWeekdayOfPublicationIsThatDay) {
  auto d = dated("Jeudi, Odile Marchais a ouvert la séance. Ce jeudi, elle a signé.", "2024-10-17");
  EXPECT_EQ(found(d), (Pairs{{"Jeudi", "2024-10-17"}, {"Ce jeudi", "2024-10-17"}}));
}

TEST(RelativeDates, LastAndNextWeekday) {
  auto d = dated("Signé jeudi dernier, l'accord sera présenté mardi prochain puis jeudi prochain.", "2024-10-17");
  EXPECT_EQ(found(d), (Pairs{{"jeudi dernier", "2024-10-10"},
                             {"mardi prochain", "2024-10-22"},
                             {"jeudi prochain", "2024-10-24"}}));
}

TEST(RelativeDates, EveryTuesdayIsNoDate) {
  auto d = dated("La commission se réunit chaque mardi et tous les jeudis.", "2024-10-17");
  EXPECT_TRUE(d.dates.empty());
}

TEST(RelativeDates, WeeksMonthsAndYears) {
  auto d = dated("La semaine dernière, le mois dernier et l'an dernier ; cette année, le mois prochain.",
                 "2024-10-17");
  EXPECT_EQ(found(d), (Pairs{{"semaine dernière", "2024-10"},
                             {"mois dernier", "2024-09"},
                             {"an dernier", "2023"},
                             {"cette année", "2024"},
                             {"mois prochain", "2024-11"}}));
  // A week across two months gives its year only.
  auto e = dated("La semaine dernière, Ivo Tessier était absent.", "2024-10-10");
  EXPECT_EQ(found(e), (Pairs{{"semaine dernière", "2024"}}));
}

TEST(RelativeDates, DayMonthTakesTheYearNearThePublication) {
  // Without a weekday: the ten months before or the two months after.
  auto d = dated("Signé le 15 octobre, appliqué dès le 2 novembre, l'accord remplace celui du 20 décembre.",
                 "2024-10-17");
  EXPECT_EQ(found(d), (Pairs{{"15 octobre", "2024-10-15"}, {"2 novembre", "2024-11-02"}, {"20 décembre", "2023-12-20"}}));
  auto e = dated("Le texte, signé le 28 décembre, entre en vigueur le 5 janvier.", "2025-01-03");
  EXPECT_EQ(found(e), (Pairs{{"28 décembre", "2024-12-28"}, {"5 janvier", "2025-01-05"}}));
  // With a weekday: the year that it fits, nearest the publication.
  auto f = dated("Le mardi 15 octobre, Anselme Corbière a signé.", "2025-02-01");
  EXPECT_EQ(found(f), (Pairs{{"mardi 15 octobre", "2024-10-15"}}));
}

TEST(RelativeDates, WithoutAPublicationDateNothingChanges) {
  auto d = dated("Hier, mardi, Mme Lise Berthaud a signé la semaine dernière.");
  EXPECT_TRUE(d.dates.empty());
}

// ---- Datelines: the publication date of a plain text -----------------------

TEST(Datelines, PublishedOnGivesThePublicationDate) {
  auto d = dated("L'Azurie et la Valdorie signent un accord\n"
                 "Publié le vendredi 20 décembre 2013 | Le Courrier de Port-Lune\n\n"
                 "L'accord a été signé mercredi à Port-Lune par Paul Verlaine.");
  EXPECT_EQ(d.meta.date, "2013-12-20");
  EXPECT_TRUE(d.meta.dateline);
  EXPECT_EQ(found(d), (Pairs{{"vendredi 20 décembre 2013", "2013-12-20"}, {"mercredi", "2013-12-18"}}));
}

TEST(Datelines, AnAgencyDateline) {
  auto d = dated("PORT-LUNE, 15 oct. 2024 (APL) - Le ministre Ivo Tessier a reçu hier son homologue.");
  EXPECT_EQ(d.meta.date, "2024-10-15");
  EXPECT_EQ(found(d), (Pairs{{"15 oct. 2024", "2024-10-15"}, {"hier", "2024-10-14"}}));
  // Without a year, the dateline is partial and dates nothing else.
  auto e = dated("RABAT, 15 oct. (MAP) - Le ministre Ivo Tessier a reçu hier son homologue.");
  EXPECT_EQ(e.meta.date, "--10-15");
  EXPECT_EQ(found(e), (Pairs{{"15 oct.", "--10-15"}}));
}

TEST(Datelines, ADateAloneOnItsLineWithATime) {
  auto d = dated("Sécurité civile\n\n27 mai 2009 17h43 HE\n\nLe ministre Paul Verlaine a signé hier l'entente.");
  EXPECT_EQ(d.meta.date, "2009-05-27");
  EXPECT_EQ(found(d), (Pairs{{"27 mai 2009", "2009-05-27"}, {"hier", "2009-05-26"}}));
}

TEST(Datelines, APublicationDatelineWinsOverAnUpdate) {
  auto d = dated("Mis à jour le 03/05/2021\nPublié le 01/05/2021\n\nOdile Marchais a signé samedi.");
  EXPECT_EQ(d.meta.date, "2021-05-01");
  EXPECT_EQ(found(d).back(), (std::pair<std::string, std::string>{"samedi", "2021-05-01"}));
  auto e = dated("Mis à jour le 03/05/2021\n\nOdile Marchais a signé samedi.");
  EXPECT_EQ(e.meta.date, "2021-05-03");
}

TEST(Datelines, MetadataWinsOverTheText) {
  auto d = dated("Publié le 01/05/2021\n\nOdile Marchais a signé samedi.", "2021-05-06");
  EXPECT_EQ(d.meta.date, "2021-05-06");
  EXPECT_FALSE(d.meta.dateline);
  EXPECT_EQ(found(d).back().second, "2021-05-01");
}

TEST(Datelines, ASentenceWithADateIsNoDateline) {
  auto d = dated("La Valdorie et l'Azurie ont signé le 15 octobre 2024 un accord.\n01.08.2022 Un autre titre");
  EXPECT_TRUE(d.meta.date.empty());
  auto e = dated("Texte\n\nLigne 2\n\nLigne 3\n\nLigne 4\n\nLigne 5\n\nLigne 6\n\nLigne 7\n\nLigne 8\n\n15 octobre 2024\n");
  EXPECT_TRUE(e.meta.date.empty());
}

TEST(Dates, SeedArticles) {
  struct Expected {
    const char* file;
    Pairs dates;
  };
  const Expected cases[] = {
      {"000_c94dad177458769f.txt",
       {{"2021", "2021"}, {"mardi 15 octobre", "2024-10-15"}, {"2022-2026", "2022"}, {"2021", "2021"}}},
      {"004_1b679d63f97ba4d4.txt",
       {{"vendredi 22 avril 2016", "2016-04-22"}, {"23 novembre 2015", "2015-11-23"}}},
  };
  for (const auto& c : cases) {
    std::ifstream in(std::string(ENTENTE_SHARED_DIR "/corpus/seeds/") + c.file, std::ios::binary);
    ASSERT_TRUE(in) << c.file;
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Document d = document_from_bytes(c.file, c.file, bytes);
    segment(d);
    find_dates(d);
    EXPECT_EQ(found(d), c.dates) << c.file;
  }
}

}  // namespace

namespace {

TEST(Dates, ImpossibleDatesAreWarningsAtTheirPlace) {
  const std::string text =
      "Signé le 31 février 2023, puis le 32 décembre, le 0 janvier et le 30/02/2021; le 14 octobre 2024 aussi.";
  const Document d = dated(text);
  std::vector<std::pair<std::size_t, std::string>> warnings;
  for (const auto& diag : d.diagnostics) warnings.emplace_back(diag.where.offset, diag.message);
  ASSERT_EQ(warnings.size(), 4u);
  EXPECT_EQ(warnings[0].first, text.find("31 février"));
  EXPECT_NE(warnings[0].second.find("'31 février 2023' is no date"), std::string::npos) << warnings[0].second;
  EXPECT_EQ(warnings[1].first, text.find("32 décembre"));
  EXPECT_EQ(warnings[2].first, text.find("0 janvier"));
  EXPECT_EQ(warnings[3].first, text.find("30/02/2021"));
  // The real date is read, the impossible ones are not.
  std::vector<std::string> isos;
  for (const auto& date : d.dates) isos.push_back(date.value);
  EXPECT_EQ(isos, std::vector<std::string>{"2024-10-14"});
}

TEST(Dates, NumbersBeforeMonthsThatAreNoDaysAreNoWarnings) {
  // A count of things is no day: "150 janvier" is not written, but "2024 janvier" is no date either.
  const Document d = dated("Les 300 agents et 45 policiers arrivés en mai sont repartis.");
  EXPECT_TRUE(d.diagnostics.empty());
}

}  // namespace
