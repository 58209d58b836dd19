// IRIs that stay (graph/stable_iris.hpp): a sequence of builds of a growing
// corpus, each given the memory of the one before, where a fuller name comes
// first, two nodes turn out to be one, and two persons of one name swap
// their order. Documents are hand-made facts (invented people).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "entente/graph/graph.hpp"
#include "entente/graph/stable_iris.hpp"

namespace {

namespace g = entente::graph;
using entente::extract::Entity;
using entente::extract::EntityType;

const std::string kBase = "https://example.test/id/";

struct Doc {
  std::string name;            ///< documents are added in name order, as a build reads them
  std::uint64_t content = 0;   ///< its content hash (the anchors' first half)
  std::vector<Entity> entities;
};

Entity person(const std::string& name, const std::string& country, std::vector<std::string> labels = {}) {
  Entity e;
  e.type = EntityType::Person;
  e.name = name;
  e.country = country;
  e.labels = std::move(labels);
  return e;
}

Entity institution(const std::string& name, const std::string& country, std::vector<std::string> labels = {}) {
  Entity e = person(name, country, std::move(labels));
  e.type = EntityType::Institution;
  return e;
}

struct Built {
  g::KnowledgeGraph kg{kBase};
  g::IriMemory memory;
  /// IRI of the node of entity `i` of the document of content `c`.
  std::map<std::pair<std::uint64_t, std::uint32_t>, std::string> iri_of;
  std::string iri(std::uint64_t c, std::uint32_t i) const { return iri_of.at({c, i}); }
  const g::Node& node(const std::string& iri) const {
    for (auto v : boost::make_iterator_range(boost::vertices(kg.graph())))
      if (kg.graph()[v].iri == iri) return kg.graph()[v];
    throw std::runtime_error("no node " + iri);
  }
  std::vector<std::string> iris() const {
    std::vector<std::string> out;
    for (auto v : boost::make_iterator_range(boost::vertices(kg.graph()))) out.push_back(kg.graph()[v].iri);
    std::sort(out.begin(), out.end());
    return out;
  }
};

/// One build of `docs` (in name order); with `memory`, its IRIs kept.
std::unique_ptr<Built> build(std::vector<Doc> docs, const g::IriMemory* memory) {
  std::sort(docs.begin(), docs.end(), [](const Doc& a, const Doc& b) { return a.name < b.name; });
  auto b = std::make_unique<Built>();
  std::vector<std::vector<g::Anchor>> anchors;
  std::vector<std::pair<g::Anchor, g::Vertex>> where;
  for (const Doc& d : docs) {
    g::DocumentFacts f;
    f.id = d.name;
    f.path = d.name;
    f.entities = d.entities;
    g::Fingerprint fp;
    fp.exact = d.content;
    const g::AddedDocument added = b->kg.add(f, fp);
    for (std::size_t i = 0; i < added.vertices.size(); ++i) {
      const auto v = static_cast<std::size_t>(added.vertices[i]);
      if (v >= anchors.size()) anchors.resize(v + 1);
      const g::Anchor a{d.content, static_cast<std::uint32_t>(i)};
      anchors[v].push_back(a);
      where.emplace_back(a, added.vertices[i]);
    }
  }
  b->kg.finish();
  if (memory != nullptr) b->memory = g::keep_iris(b->kg, anchors, *memory);
  for (const auto& [a, v] : where) b->iri_of[{a.content, a.entity}] = b->kg.graph()[v].iri;
  return b;
}

// Monday: a lone surname; Tuesday: an article read before it gives the full name.
const Doc kSurname{"z-monday.txt", 0x1111, {person("Inventé", "MA")}};
const Doc kFullName{"a-tuesday.txt", 0x2222, {person("Karim Inventé", "MA")}};
// Two names of one office, in two articles; a third (read first) ties them.
const Doc kLongName{"m-office.txt", 0x3333, {institution("Office central de lutte contre la fraude", "SN")}};
const Doc kAcronym{"n-office.txt", 0x4444, {institution("OCLF", "SN")}};
const Doc kTie{"b-office.txt", 0x5555, {institution("Office central de lutte contre la fraude", "SN", {"OCLF"})}};
// Two persons of one name in two countries: the second is read first.
const Doc kMoroccan{"p-moroccan.txt", 0x6666, {person("Jeanne Fictive", "MA")}};
const Doc kTunisian{"c-tunisian.txt", 0x7777, {person("Jeanne Fictive", "TN")}};

TEST(StableIris, TheFirstBuildGivesTheIrisOfOneBuild) {
  const auto plain = build({kSurname, kLongName, kAcronym, kMoroccan}, nullptr);
  const g::IriMemory empty;
  const auto first = build({kSurname, kLongName, kAcronym, kMoroccan}, &empty);
  EXPECT_EQ(first->iris(), plain->iris());
  ASSERT_EQ(first->memory.entries.size(), plain->iris().size());
  for (const auto& e : first->memory.entries) {
    EXPECT_EQ(e.now, "");
    EXPECT_FALSE(e.anchors.empty()) << e.iri;
  }
  // Built again from its own memory: nothing changes.
  const auto again = build({kSurname, kLongName, kAcronym, kMoroccan}, &first->memory);
  EXPECT_EQ(again->iris(), plain->iris());
  EXPECT_EQ(again->memory, first->memory);
}

TEST(StableIris, ASequenceOfUpdatesKeepsEveryIriOnItsEntity) {
  const g::IriMemory empty;
  // Monday.
  const auto monday = build({kSurname, kLongName, kAcronym, kMoroccan}, &empty);
  const std::string surname = monday->iri(0x1111, 0);
  const std::string long_name = monday->iri(0x3333, 0), acronym = monday->iri(0x4444, 0);
  const std::string moroccan = monday->iri(0x6666, 0);
  ASSERT_NE(long_name, acronym);  // two nodes on Monday

  // Tuesday: what one build of everything would do...
  const std::vector<Doc> all = {kSurname, kLongName, kAcronym, kMoroccan, kFullName, kTie, kTunisian};
  const auto plain = build(all, nullptr);
  ASSERT_EQ(plain->iri(0x1111, 0), plain->iri(0x2222, 0)) << "the surname joins the full name";
  ASSERT_NE(plain->iri(0x1111, 0), surname) << "one build names it from the full name";
  ASSERT_EQ(plain->iri(0x3333, 0), plain->iri(0x4444, 0)) << "the two offices are one";
  ASSERT_EQ(plain->iri(0x7777, 0), moroccan) << "one build gives the Tunisian the Moroccan's IRI";

  // ...and the update, with Monday's memory.
  const auto tuesday = build(all, &monday->memory);
  // A fuller name changes the label, not the IRI.
  EXPECT_EQ(tuesday->iri(0x1111, 0), surname);
  EXPECT_EQ(tuesday->iri(0x2222, 0), surname);
  EXPECT_EQ(tuesday->node(surname).label, "Karim Inventé");
  // Two nodes that are one: one IRI kept, the other owl:sameAs.
  const std::string office = tuesday->iri(0x3333, 0);
  EXPECT_EQ(tuesday->iri(0x4444, 0), office);
  EXPECT_TRUE(office == long_name || office == acronym) << office;
  const std::string other = office == long_name ? acronym : long_name;
  EXPECT_EQ(tuesday->node(office).same_as, std::vector<std::string>{other});
  // Never an IRI that named another entity: the Tunisian gets a new one.
  EXPECT_EQ(tuesday->iri(0x6666, 0), moroccan);
  const std::string tunisian = tuesday->iri(0x7777, 0);
  EXPECT_NE(tunisian, moroccan);
  const auto& iris = tuesday->iris();
  EXPECT_EQ(std::adjacent_find(iris.begin(), iris.end()), iris.end());
  for (const auto& e : monday->memory.entries) {
    EXPECT_TRUE(std::binary_search(iris.begin(), iris.end(), e.iri) || e.iri == other) << e.iri << " was lost";
  }

  // Wednesday: nothing new. The same IRIs, the alias still stated.
  const auto wednesday = build(all, &tuesday->memory);
  EXPECT_EQ(wednesday->iris(), tuesday->iris());
  EXPECT_EQ(wednesday->node(office).same_as, std::vector<std::string>{other});
  EXPECT_EQ(wednesday->memory, tuesday->memory);
  // The memory says where the alias went, and survives its text form.
  const auto alias = std::find_if(wednesday->memory.entries.begin(), wednesday->memory.entries.end(),
                                  [&](const g::IriMemory::Entry& e) { return e.iri == other; });
  ASSERT_NE(alias, wednesday->memory.entries.end());
  EXPECT_EQ(alias->now, office);
  g::IriMemory back;
  ASSERT_EQ(g::from_text(g::to_text(wednesday->memory), back), "");
  EXPECT_EQ(back, wednesday->memory);
}

TEST(StableIris, ANodeWhoseArticlesBecameCopiesKeepsItsIriByItsName) {
  // An earlier build named the node from an article that is now a copy of
  // another (a copy adds nothing, so no anchor of it is left).
  g::IriMemory memory;
  ASSERT_EQ(g::from_text(kBase + "person/jeanne-fictive\t\t000000000000dead:0\n", memory), "");
  const auto b = build({kMoroccan}, &memory);
  EXPECT_EQ(b->iri(0x6666, 0), kBase + "person/jeanne-fictive");
  // But a node with anchors of that IRI comes first: the namesake takes another.
  const Doc anchored{"z-moroccan.txt", 0xdead, {person("Jeanne Fictive", "MA")}};
  const auto both = build({anchored, kTunisian}, &memory);
  EXPECT_EQ(both->iri(0xdead, 0), kBase + "person/jeanne-fictive");
  EXPECT_NE(both->iri(0x7777, 0), kBase + "person/jeanne-fictive");
}

TEST(StableIris, AnIriNoNodeHoldsIsNeverGivenAgain) {
  g::IriMemory memory;
  ASSERT_EQ(g::from_text(kBase + "person/jeanne-fictive\t-\t\n", memory), "");
  const auto b = build({kMoroccan}, &memory);
  EXPECT_EQ(b->iri(0x6666, 0), kBase + "person/jeanne-fictive-2");
  // And it stays in the memory, retired.
  ASSERT_EQ(b->memory.entries.size(), 2U);
  EXPECT_EQ(b->memory.entries[0].iri, kBase + "person/jeanne-fictive");
  EXPECT_EQ(b->memory.entries[0].now, "-");
}

TEST(StableIris, WhenAnEntityIsSplitTheNodeWithMostOfItsAnchorsKeepsTheIri) {
  // An earlier build (of another version, say) had one node for the three mentions.
  g::IriMemory memory;
  ASSERT_EQ(g::from_text(kBase + "person/j-fictive\t\t0000000000000aaa:0,0000000000000bbb:0,0000000000000ccc:0\n",
                         memory),
            "");
  const Doc first{"a-moroccan.txt", 0xaaa, {person("Jeanne Fictive", "MA")}};
  const Doc second{"b-moroccan.txt", 0xbbb, {person("Jeanne Fictive", "MA")}};
  const Doc tunisian{"z-tunisian.txt", 0xccc, {person("Jeanne Fictive", "TN")}};
  const auto b = build({first, second, tunisian}, &memory);
  ASSERT_EQ(b->iris().size(), 2U) << "two persons now";
  EXPECT_EQ(b->iri(0xaaa, 0), kBase + "person/j-fictive");
  EXPECT_EQ(b->iri(0xbbb, 0), kBase + "person/j-fictive");
  EXPECT_NE(b->iri(0xccc, 0), kBase + "person/j-fictive");
  EXPECT_TRUE(b->node(b->iri(0xccc, 0)).same_as.empty());
  EXPECT_TRUE(b->node(b->iri(0xaaa, 0)).same_as.empty());
}

TEST(StableIris, TheMemoryTextIsCheckedLineByLine) {
  g::IriMemory m;
  EXPECT_EQ(g::from_text("", m), "");
  EXPECT_TRUE(m.entries.empty());
  EXPECT_EQ(g::from_text("a\tb\n", m), "line 1: not IRI<TAB>NOW<TAB>ANCHORS");
  EXPECT_EQ(g::from_text("b\t\t\na\t\t\n", m), "line 2: IRIs out of order or repeated");
  EXPECT_EQ(g::from_text("a\t\t12:3\n", m), "line 1: an anchor is not CONTENT:ENTITY");
  EXPECT_EQ(g::from_text("a\t\t000000000000001x:3\n", m), "line 1: an anchor is not CONTENT:ENTITY");
  EXPECT_EQ(g::from_text("a\t\t0000000000000012:3,0000000000000013:x\n", m), "line 1: an anchor is not CONTENT:ENTITY");
  ASSERT_EQ(g::from_text("a\t\t0000000000000012:3,00000000000000ff:0\nb\ta\t\n", m), "");
  ASSERT_EQ(m.entries.size(), 2U);
  EXPECT_EQ(m.entries[0].anchors[1].content, 0xffU);
  EXPECT_EQ(m.entries[1].now, "a");
  EXPECT_EQ(g::to_text(m), "a\t\t0000000000000012:3,00000000000000ff:0\nb\ta\t\n");
}

}  // namespace
