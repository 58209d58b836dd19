// Repeated articles (graph/src/duplicates.cpp and KnowledgeGraph::add): a
// document whose text repeats an earlier one, exactly or nearly, is a copy
// and adds nothing to the graph; another article on the same event is not.
//
// Texts are the fictional articles of fictional_articles.hpp, and texts made
// of numbered words whose overlap is known exactly.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include <string>
#include <vector>

#include "entente/graph/duplicates.hpp"
#include "entente/graph/graph.hpp"
#include "fictional_articles.hpp"

namespace {

using entente::extract::Document;
using entente::extract::Entity;
using entente::extract::EntityType;
using entente::extract::Predicate;
using entente::graph::CopyFinder;
using entente::graph::fingerprint;
using entente::graph::Fingerprint;
using entente::graph::KnowledgeGraph;
using entente::graph::shared_share;
using entente::testing::kDispatch;
using entente::testing::kEarlierMemorandum;
using entente::testing::kRerun;
using entente::testing::kSameEvent;

Document text_doc(std::string id, std::string_view text) {
  Document d;
  d.id = std::move(id);
  d.path = d.id;
  d.text = std::string(text);
  return d;
}

Fingerprint fp_of(std::string_view text) { return fingerprint(text_doc("x.txt", text)); }

/// Words "w<first>" to "w<last - 1>", separated by spaces.
std::string numbered_words(int first, int last) {
  std::string out;
  for (int i = first; i < last; ++i) out += "w" + std::to_string(i) + " ";
  return out;
}

/// Which documents CopyFinder calls copies, and of what: -1 for an original.
std::vector<int> copies_of(const std::vector<std::string_view>& texts) {
  CopyFinder finder;
  std::vector<int> out;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    auto m = finder.add(fp_of(texts[i]), static_cast<std::uint32_t>(i));
    out.push_back(m ? static_cast<int>(m->original) : -1);
  }
  return out;
}

TEST(Copies, TheSameTextWithOtherSpacesAndCaseIsAnExactCopy) {
  std::string respaced(kDispatch);
  for (char& c : respaced) {
    if (c == ' ') c = '\n';
  }
  respaced.insert(0, "   \n\t");
  std::string upper(kDispatch);
  for (char& c : upper) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  CopyFinder finder;
  EXPECT_FALSE(finder.add(fp_of(kDispatch), 0));
  for (const std::string& copy : {respaced, upper, std::string(kDispatch)}) {
    auto m = finder.add(fp_of(copy), 1);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->original, 0U);
    EXPECT_TRUE(m->exact);
    EXPECT_EQ(m->share, 1.0);
  }
}

TEST(Copies, TheDispatchRunUnderAnotherHeadlineIsANearCopy) {
  CopyFinder finder;
  EXPECT_FALSE(finder.add(fp_of(kDispatch), 0));
  auto m = finder.add(fp_of(kRerun), 1);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->original, 0U);
  EXPECT_FALSE(m->exact);
  EXPECT_GE(m->share, CopyFinder::kNearShare);
  EXPECT_LT(m->share, 1.0);
}

TEST(Copies, AnotherArticleOnTheSameEventIsNoCopy) {
  // Same signing, same persons, same date, one quoted sentence in common.
  EXPECT_LT(shared_share(fp_of(kSameEvent), fp_of(kDispatch)), 0.3);
  EXPECT_EQ(copies_of({kDispatch, kSameEvent, kEarlierMemorandum}), (std::vector<int>{-1, -1, -1}));
}

TEST(Copies, ShortTextsAreNeverCopies) {
  const std::string short_text = numbered_words(0, CopyFinder::kMinWords - 1);
  EXPECT_EQ(copies_of({"x", "x", short_text, short_text}), (std::vector<int>{-1, -1, -1, -1}));
  const std::string enough = numbered_words(0, CopyFinder::kMinWords);
  EXPECT_EQ(copies_of({enough, enough}), (std::vector<int>{-1, 0}));
}

TEST(Copies, WebDebrisDoesNotCount) {
  Document original = text_doc("a.txt", kDispatch);
  Document with_debris =
      text_doc("b.txt", std::string("Publicité\nPartager sur Facebook\n") + std::string(kDispatch));
  with_debris.ignored.push_back({0, 10});
  with_debris.ignored.push_back({10, 32});
  EXPECT_EQ(fingerprint(original).exact, fingerprint(with_debris).exact);
}

TEST(Copies, ACopyPointsToTheFirstArticleOfItsText) {
  // The dispatch, its rerun, the rerun again, the dispatch again.
  EXPECT_EQ(copies_of({kDispatch, kRerun, kRerun, kDispatch}), (std::vector<int>{-1, 0, 0, 0}));
  // The rerun first: the dispatch is then its near copy.
  EXPECT_EQ(copies_of({kRerun, kSameEvent, kDispatch}), (std::vector<int>{-1, -1, 0}));
}

TEST(Copies, TheEstimatedShareFollowsTheTrueOne) {
  // 400 words; a later text keeps the first k of them and adds 400 - k of its
  // own: k - 4 of its 396 shingles are shared.
  const std::string original = numbered_words(0, 400);
  for (int k : {40, 120, 200, 280, 340, 380}) {
    const std::string later = numbered_words(0, k) + numbered_words(10000, 10000 + 400 - k);
    const double truth = (k - 4) / 396.0;
    const double estimate = shared_share(fp_of(later), fp_of(original));
    EXPECT_NEAR(estimate, truth, 0.15) << k << " words kept";
  }
  // A shortened copy (its first 300 words): every shingle is shared.
  EXPECT_NEAR(shared_share(fp_of(numbered_words(0, 300)), fp_of(original)), 1.0, 0.15);
}

TEST(Copies, AndTheyAreFoundAmongManyArticles) {
  // 2,000 distinct texts, then a near copy of each tenth one (its last 15 % replaced).
  CopyFinder finder;
  std::uint32_t index = 0;
  for (int i = 0; i < 2000; ++i) {
    EXPECT_FALSE(finder.add(fp_of(numbered_words(i * 1000, i * 1000 + 200)), index++)) << i;
  }
  int found = 0;
  for (int i = 0; i < 2000; i += 10) {
    const std::string copy =
        numbered_words(i * 1000, i * 1000 + 170) + numbered_words(5000000 + i * 30, 5000000 + i * 30 + 30);
    auto m = finder.add(fp_of(copy), index++);
    if (m && m->original == static_cast<std::uint32_t>(i)) ++found;
  }
  EXPECT_EQ(found, 200);
}

// ---- In the graph -----------------------------------------------------------

/// The dispatch with the entities and relations extraction would give it.
Document dispatch(std::string id, std::string_view text = kDispatch) {
  Document d = text_doc(std::move(id), text);
  entente::extract::Sentence s;
  s.span = {0, d.text.size()};
  d.sentences.push_back(s);
  auto add = [&](EntityType type, std::string name, std::string key = {}) {
    Entity e;
    e.type = type;
    e.name = std::move(name);
    e.key = std::move(key);
    d.entities.push_back(e);
  };
  add(EntityType::Agreement, "mémorandum d'entente");
  d.entities.back().kind = "mémorandum d'entente";
  d.entities.back().date = "2024-03-12";
  add(EntityType::Country, "Portugal", "PT");
  add(EntityType::Country, "Cap-Vert", "CV");
  add(EntityType::Person, "Inês Carvalhal");
  auto relate = [&](Predicate p, int s_, int o) {
    entente::extract::Relation r;
    r.predicate = p;
    r.subject = s_;
    r.object = o;
    d.relations.push_back(r);
  };
  relate(Predicate::party, 0, 1);
  relate(Predicate::party, 0, 2);
  relate(Predicate::signatory, 0, 3);
  relate(Predicate::cooperatesWith, 1, 2);
  return d;
}

TEST(CopiesInTheGraph, ACopyAddsNoNodeEdgeOrWeight) {
  KnowledgeGraph alone("https://w3id.org/entente/id/");
  alone.add(dispatch("a.txt"));
  KnowledgeGraph kg("https://w3id.org/entente/id/");
  kg.add(dispatch("a.txt"));
  const auto exact = kg.add(dispatch("copie.txt"));
  const auto near = kg.add(dispatch("reprise.txt", kRerun));
  EXPECT_TRUE(exact.copy);
  EXPECT_TRUE(near.copy);
  EXPECT_TRUE(exact.vertices.empty());
  EXPECT_TRUE(exact.relations.empty());
  ASSERT_EQ(kg.documents().size(), 3U);
  EXPECT_FALSE(kg.documents()[0].copy_of);
  ASSERT_TRUE(kg.documents()[1].copy_of);
  EXPECT_EQ(kg.documents()[1].copy_of->original, 0U);
  EXPECT_TRUE(kg.documents()[1].copy_of->exact);
  ASSERT_TRUE(kg.documents()[2].copy_of);
  EXPECT_EQ(kg.documents()[2].copy_of->original, 0U);
  EXPECT_FALSE(kg.documents()[2].copy_of->exact);
  EXPECT_EQ(kg.documents()[2].id, "reprise.txt");

  const auto& g = kg.graph();
  ASSERT_EQ(boost::num_vertices(g), boost::num_vertices(alone.graph()));
  ASSERT_EQ(boost::num_edges(g), boost::num_edges(alone.graph()));
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    EXPECT_EQ(g[v].documents, std::vector<std::uint32_t>{0}) << g[v].label;
  }
  for (auto e : boost::make_iterator_range(boost::edges(g))) {
    EXPECT_EQ(g[e].weight, 1.0);
    EXPECT_EQ(g[e].documents, std::vector<std::uint32_t>{0});
  }
}

TEST(Copies, RepeatsExactlySaysBeforehandWhatAddWillFind) {
  CopyFinder finder;
  const Fingerprint dispatch = fp_of(kDispatch), rerun = fp_of(kRerun);
  const Fingerprint short_text = fp_of(numbered_words(0, CopyFinder::kMinWords - 1));
  EXPECT_FALSE(finder.repeats_exactly(dispatch));
  (void)finder.add(dispatch, 0);
  EXPECT_TRUE(finder.repeats_exactly(dispatch));
  EXPECT_FALSE(finder.repeats_exactly(rerun));  // a near copy: add() tells, not this
  ASSERT_TRUE(finder.add(rerun, 1));
  EXPECT_TRUE(finder.repeats_exactly(rerun));    // its exact copies repeat the same original
  const auto again = finder.add(rerun, 2);
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->exact);
  (void)finder.add(short_text, 3);
  EXPECT_FALSE(finder.repeats_exactly(short_text));  // too short to be a copy
}

TEST(CopiesInTheGraph, CopiesWithoutAddressTakeNumberedIrisInOrder) {
  // Thirty copies of one text, with no URL: the IRI of its text, then -2, -3, ...
  // (each found from the last one given), another text's document between them.
  KnowledgeGraph kg("https://w3id.org/entente/id/");
  for (int i = 0; i < 30; ++i) {
    kg.add(dispatch("copie-" + std::to_string(i) + ".txt"));
    if (i == 10) kg.add(dispatch("autre.txt", kSameEvent));
  }
  const std::string first = kg.documents()[0].iri;
  ASSERT_FALSE(first.empty());
  std::vector<std::string> expected = {first};
  for (int i = 2; i <= 30; ++i) expected.push_back(first + "-" + std::to_string(i));
  std::vector<std::string> got;
  for (const auto& d : kg.documents())
    if (d.id != "autre.txt") got.push_back(d.iri);
  EXPECT_EQ(got, expected);
}

TEST(CopiesInTheGraph, AnotherArticleOnTheSameEventCountsAndJoinsTheAgreement) {
  KnowledgeGraph kg("https://w3id.org/entente/id/");
  kg.add(dispatch("a.txt"));
  const auto other = kg.add(dispatch("b.txt", kSameEvent));
  EXPECT_FALSE(other.copy);
  EXPECT_FALSE(kg.documents()[1].copy_of);
  const auto& g = kg.graph();
  int agreements = 0;
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    EXPECT_EQ(g[v].documents, (std::vector<std::uint32_t>{0, 1})) << g[v].label;
    agreements += g[v].type == EntityType::Agreement ? 1 : 0;
  }
  EXPECT_EQ(agreements, 1);
  for (auto e : boost::make_iterator_range(boost::edges(g))) EXPECT_EQ(g[e].weight, 2.0);
}

}  // namespace

namespace {

/// A made-up fingerprint: `seed` decides its sketch (bins differ between seeds).
Fingerprint synthetic(std::uint32_t seed) {
  Fingerprint fp;
  fp.exact = 0x9e3779b97f4a7c15ULL * (seed + 1);
  fp.words = 200;
  for (std::size_t i = 0; i < Fingerprint::kBins; ++i) fp.sketch[i] = seed * 1000003U + static_cast<std::uint32_t>(i) * 7919U;
  return fp;
}

}  // namespace

// Past their first MiB, the fingerprints of originals go to a spool file
// (graph/spool.hpp): near copies of originals read back from it are found as
// they are when every fingerprint stays in memory.
TEST(CopyFinder, FingerprintsReadBackFromTheSpoolFindTheSameCopies) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("entente-copies-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  CopyFinder spooled(dir);
  CopyFinder in_memory(dir / "no such folder");
  constexpr std::uint32_t kOriginals = 8000;  // 8,000 × 272 bytes: about 2 MiB
  std::uint32_t index = 0;
  for (std::uint32_t i = 0; i < kOriginals; ++i, ++index) {
    EXPECT_EQ(spooled.add(synthetic(i), index), std::nullopt);
    EXPECT_EQ(in_memory.add(synthetic(i), index), std::nullopt);
  }
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()), 0)
      << "the spool is unlinked";
  // Near copies of originals early (in the file) and late (in memory): the
  // sketch of the original with 6 of 64 bins changed, another text.
  for (const std::uint32_t of : {3U, 100U, 4000U, kOriginals - 2}) {
    Fingerprint near = synthetic(of);
    near.exact ^= 0xabcdefULL;
    for (std::size_t bin = 0; bin < 6; ++bin) near.sketch[bin * 10] += 1;
    const auto a = spooled.add(near, index);
    const auto b = in_memory.add(near, index);
    ++index;
    ASSERT_TRUE(a.has_value()) << "near copy of " << of;
    EXPECT_EQ(a->original, of);
    EXPECT_FALSE(a->exact);
    EXPECT_GE(a->share, CopyFinder::kNearShare);
    EXPECT_EQ(a, b);
  }
  std::filesystem::remove_all(dir);
}
