// Corpus identity (graph/src/graph.cpp): which document entities become one
// node, which IRIs the nodes get, and how relations become edges.
//
// Documents are made by hand (no extraction): each has one Sentence covering
// its text, entities and relations as extract/ would hand them over. Names
// are fictional unless a guideline example is the point of the test.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "entente/graph/graph.hpp"
#include "entente/extract/offsets.hpp"

namespace {

using entente::extract::Document;
using entente::extract::Entity;
using entente::extract::EntityType;
using entente::extract::Predicate;
using entente::graph::EdgeDescriptor;
using entente::graph::KnowledgeGraph;
using entente::graph::Node;
using entente::graph::slug;
using entente::graph::Vertex;

constexpr const char* kBase = "https://w3id.org/entente/id/";

// ---- Building documents --------------------------------------------------

Entity entity(EntityType type, std::string name, std::string key = {}, std::string country = {},
              std::vector<std::string> labels = {}) {
  Entity e;
  e.type = type;
  e.name = std::move(name);
  e.key = std::move(key);
  e.country = std::move(country);
  e.labels = std::move(labels);
  return e;
}

Entity person(std::string name, std::string country = {}, std::vector<std::string> labels = {}) {
  return entity(EntityType::Person, std::move(name), {}, std::move(country), std::move(labels));
}

Entity institution(std::string name, std::string country = {}, std::vector<std::string> labels = {}) {
  return entity(EntityType::Institution, std::move(name), {}, std::move(country), std::move(labels));
}

Entity country(std::string name, std::string iso2) {
  return entity(EntityType::Country, std::move(name), std::move(iso2));
}

/// A document whose text is one sentence.
Document doc(std::string id, std::string text, std::vector<Entity> entities = {}) {
  Document d;
  d.id = std::move(id);
  d.path = "corpus/" + d.id;
  d.text = std::move(text);
  entente::extract::Sentence s;
  s.span = {0, d.text.size()};
  d.sentences.push_back(s);
  d.entities = std::move(entities);
  return d;
}

void relate(Document& d, Predicate p, int subject, int object, std::uint32_t sentence = 0) {
  entente::extract::Relation r;
  r.predicate = p;
  r.subject = subject;
  r.object = object;
  r.sentence = sentence;
  r.stage = "test";
  d.relations.push_back(r);
}

KnowledgeGraph build(const std::vector<Document>& docs) {
  KnowledgeGraph kg(kBase);
  for (const auto& d : docs) kg.add(d);
  return kg;
}

// ---- Reading the graph ---------------------------------------------------

std::vector<Vertex> nodes_of(const KnowledgeGraph& kg, EntityType type) {
  std::vector<Vertex> out;
  for (auto v : kg.sorted_vertices())
    if (kg.graph()[v].type == type) out.push_back(v);
  return out;
}

std::vector<std::string> all_labels(const Node& n) {
  std::vector<std::string> out = n.alt_labels;
  out.push_back(n.label);
  std::sort(out.begin(), out.end());
  return out;
}

bool has_label(const Node& n, const std::string& label) {
  auto labels = all_labels(n);
  return std::find(labels.begin(), labels.end(), label) != labels.end();
}

/// Every node as "Type label [country] <iri>", for failure messages.
std::string dump(const KnowledgeGraph& kg) {
  std::string out;
  for (auto v : kg.sorted_vertices()) {
    const Node& n = kg.graph()[v];
    out += "  " + std::string(entente::extract::to_string(n.type)) + " '" + n.label + "'";
    for (const auto& a : n.alt_labels) out += " | '" + a + "'";
    out += " [" + n.country + "] <" + n.iri + ">\n";
  }
  return out;
}

std::vector<EdgeDescriptor> edges_of(const KnowledgeGraph& kg, Predicate p) {
  std::vector<EdgeDescriptor> out;
  for (auto e : kg.sorted_edges())
    if (kg.graph()[e].predicate == p) out.push_back(e);
  return out;
}

// ---- Countries -----------------------------------------------------------

TEST(GraphIdentity, CountriesMergeByIsoCodeAcrossDocuments) {
  auto kg = build({doc("a.txt", "Le Maroc.", {country("Maroc", "MA")}),
                   doc("b.txt", "Le Royaume du Maroc.", {country("Royaume du Maroc", "MA")}),
                   doc("c.txt", "La Belgique.", {country("Belgique", "BE")})});
  auto countries = nodes_of(kg, EntityType::Country);
  ASSERT_EQ(countries.size(), 2U) << dump(kg);
  const Node& ma = kg.graph()[countries[1]];
  EXPECT_EQ(ma.key, "MA");
  EXPECT_EQ(ma.label, "Maroc") << "a gazetteer name stays the preferred label";
  EXPECT_TRUE(has_label(ma, "Royaume du Maroc"));
  EXPECT_EQ(ma.documents, (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(ma.iri, std::string(kBase) + "country/ma");
}

// ---- Persons -------------------------------------------------------------

TEST(GraphIdentity, SpellingVariantsOfOnePersonAreOneNode) {
  auto kg = build({doc("a.txt", "Mohamed Hassad.", {person("Mohamed Hassad", "MA")}),
                   doc("b.txt", "Mohammed Hassad.", {person("Mohammed Hassad", "MA")})});
  auto persons = nodes_of(kg, EntityType::Person);
  ASSERT_EQ(persons.size(), 1U) << dump(kg);
  const Node& n = kg.graph()[persons[0]];
  EXPECT_TRUE(has_label(n, "Mohamed Hassad"));
  EXPECT_TRUE(has_label(n, "Mohammed Hassad"));
  EXPECT_EQ(n.documents, (std::vector<std::uint32_t>{0, 1}));
}

TEST(GraphIdentity, LoneSurnameJoinsTheOnePersonWhoCarriesIt) {
  auto kg = build({doc("a.txt", "El Hassan Daki.", {person("El Hassan Daki", "MA")}),
                   doc("b.txt", "M. Daki.", {person("Daki")})});
  auto persons = nodes_of(kg, EntityType::Person);
  ASSERT_EQ(persons.size(), 1U) << dump(kg);
  const Node& n = kg.graph()[persons[0]];
  EXPECT_EQ(n.label, "El Hassan Daki");
  EXPECT_TRUE(has_label(n, "Daki"));
}

// Bug (order-dependent identity): a document that names a person only by
// surname ("M. Daki") may come before the one that names him in full. Today
// "Daki" (doc 0) makes node person/daki, and "El Hassan Daki" (doc 1) then
// makes a second node person/el-hassan-daki: resolve() only looks a lone
// surname up among full names, never a full name among earlier lone surnames.
TEST(GraphIdentity, DISABLED_LoneSurnameBeforeFullNameIsOneNode) {
  auto kg = build({doc("a.txt", "M. Daki.", {person("Daki")}),
                   doc("b.txt", "El Hassan Daki.", {person("El Hassan Daki", "MA")})});
  auto persons = nodes_of(kg, EntityType::Person);
  ASSERT_EQ(persons.size(), 1U) << dump(kg);
  EXPECT_EQ(kg.graph()[persons[0]].label, "El Hassan Daki");
}

TEST(GraphIdentity, LoneSurnameOfTwoPersonsStaysSeparate) {
  auto kg = build({doc("a.txt", "Jean Ravel.", {person("Jean Ravel", "FR")}),
                   doc("b.txt", "Paul Ravel.", {person("Paul Ravel", "FR")}),
                   doc("c.txt", "M. Ravel.", {person("Ravel")})});
  auto persons = nodes_of(kg, EntityType::Person);
  ASSERT_EQ(persons.size(), 3U) << dump(kg);
  for (auto v : persons) {
    const Node& n = kg.graph()[v];
    if (n.label == "Ravel") {
      EXPECT_TRUE(n.alt_labels.empty()) << dump(kg);
    } else {
      EXPECT_FALSE(has_label(n, "Ravel")) << dump(kg);
    }
  }
}

TEST(GraphIdentity, PersonsOfDifferentCountriesNeverMerge) {
  auto kg = build({doc("a.txt", "Karim Tazi.", {person("Karim Tazi", "MA")}),
                   doc("b.txt", "Karim Tazi.", {person("Karim Tazi", "DZ")}),
                   doc("c.txt", "M. Tazi.", {person("Tazi", "TN")})});
  auto persons = nodes_of(kg, EntityType::Person);
  ASSERT_EQ(persons.size(), 3U) << dump(kg);
  std::set<std::string> countries;
  for (auto v : persons) countries.insert(kg.graph()[v].country);
  EXPECT_EQ(countries, (std::set<std::string>{"DZ", "MA", "TN"}));
}

// Bug: once two persons of different countries share a full name, the name
// key "P|karim tazi" is marked ambiguous, so a third document naming the
// Moroccan one again ("Karim Tazi", MA) makes a third node instead of joining
// the Moroccan node (3 persons instead of 2).
TEST(GraphIdentity, DISABLED_SameNameInTwoCountriesStillJoinsByCountry) {
  auto kg = build({doc("a.txt", "Karim Tazi.", {person("Karim Tazi", "MA")}),
                   doc("b.txt", "Karim Tazi.", {person("Karim Tazi", "DZ")}),
                   doc("c.txt", "Karim Tazi.", {person("Karim Tazi", "MA")})});
  auto persons = nodes_of(kg, EntityType::Person);
  ASSERT_EQ(persons.size(), 2U) << dump(kg);
  for (auto v : persons) {
    const Node& n = kg.graph()[v];
    if (n.country == "MA") {
      EXPECT_EQ(n.documents, (std::vector<std::uint32_t>{0, 2}));
    }
  }
}

TEST(GraphIdentity, PreferredPersonLabelIsTheFullestName) {
  auto kg = build({doc("a.txt", "Nadia Fassi.", {person("Nadia Fassi", "MA")}),
                   doc("b.txt", "Nadia El Fassi.", {person("Nadia Fassi", "MA", {"Nadia Amal Fassi"})})});
  auto persons = nodes_of(kg, EntityType::Person);
  ASSERT_EQ(persons.size(), 1U) << dump(kg);
  const Node& n = kg.graph()[persons[0]];
  EXPECT_EQ(n.label, "Nadia Amal Fassi");
  EXPECT_EQ(n.alt_labels, (std::vector<std::string>{"Nadia Fassi"}));
}

// ---- Institutions ----------------------------------------------------------

TEST(GraphIdentity, SameInstitutionNameInTwoCountriesIsTwoNodes) {
  auto kg = build({doc("a.txt", "x", {institution("ministère de l'Intérieur", "MA")}),
                   doc("b.txt", "x", {institution("ministère de l'Intérieur", "BE")})});
  auto inst = nodes_of(kg, EntityType::Institution);
  ASSERT_EQ(inst.size(), 2U) << dump(kg);
  EXPECT_NE(kg.graph()[inst[0]].iri, kg.graph()[inst[1]].iri);
  std::set<std::string> countries = {kg.graph()[inst[0]].country, kg.graph()[inst[1]].country};
  EXPECT_EQ(countries, (std::set<std::string>{"BE", "MA"}));
}

// An article that names "le ministère de l'Intérieur" without saying whose
// does not make it Morocco's because another article named Morocco's: precision first.
TEST(GraphIdentity, InstitutionWithoutCountryNeverJoinsOneWithACountry) {
  auto kg = build({doc("a.txt", "x", {institution("ministère de l'Intérieur", "MA")}),
                   doc("b.txt", "x", {institution("Ministère de l'intérieur")}),
                   doc("c.txt", "x", {institution("ministère de l'Intérieur")})});
  auto inst = nodes_of(kg, EntityType::Institution);
  ASSERT_EQ(inst.size(), 2U) << dump(kg);
  for (auto v : inst) {
    const Node& n = kg.graph()[v];
    if (n.country == "MA") {
      EXPECT_EQ(n.documents, (std::vector<std::uint32_t>{0}));
    } else {
      EXPECT_EQ(n.country, "");
      EXPECT_EQ(n.documents, (std::vector<std::uint32_t>{1, 2})) << "countryless ones of one name are one";
    }
  }
}

TEST(GraphIdentity, DemonymInTheNameIsTheCountryNotAnotherName) {
  auto kg = build({doc("a.txt", "x", {institution("ministère algérien de la Justice", "DZ")}),
                   doc("b.txt", "x", {institution("ministère de la Justice", "DZ")}),
                   doc("c.txt", "x", {institution("Ministère de la Justice du Niger", "NE")})});
  auto inst = nodes_of(kg, EntityType::Institution);
  ASSERT_EQ(inst.size(), 2U) << dump(kg);
}

TEST(GraphIdentity, InstitutionWithoutCountryStaysApartWhenTwoCountriesHaveThatName) {
  auto kg = build({doc("a.txt", "x", {institution("ministère de l'Intérieur", "MA")}),
                   doc("b.txt", "x", {institution("ministère de l'Intérieur", "BE")}),
                   doc("c.txt", "x", {institution("ministère de l'Intérieur")})});
  auto inst = nodes_of(kg, EntityType::Institution);
  ASSERT_EQ(inst.size(), 3U) << dump(kg);
  for (auto v : inst) {
    const Node& n = kg.graph()[v];
    if (n.country.empty()) {
      EXPECT_EQ(n.documents, (std::vector<std::uint32_t>{2}));
    }
  }
}

TEST(GraphIdentity, InstitutionIdentityDoesNotDependOnTheOrderOfDocuments) {
  for (bool swap : {false, true}) {
    std::vector<Document> docs = {doc("a.txt", "x", {institution("Ministère de l'intérieur")}),
                                           doc("b.txt", "x", {institution("ministère de l'Intérieur", "MA")})};
    if (swap) std::swap(docs[0], docs[1]);
    auto kg = build(docs);
    EXPECT_EQ(nodes_of(kg, EntityType::Institution).size(), 2U) << dump(kg);
  }
}

TEST(GraphIdentity, AcronymAndFullNameAreOneInstitution) {
  const std::string full = "Direction générale de la Sûreté nationale";
  auto kg = build({doc("a.txt", "La DGSN.", {institution("DGSN", "MA")}),
                   doc("b.txt", "La Direction générale de la Sûreté nationale (DGSN).",
                       {institution(full, "MA", {"DGSN"})}),
                   doc("c.txt", "La DGSN.", {institution("DGSN", "MA")})});
  auto inst = nodes_of(kg, EntityType::Institution);
  ASSERT_EQ(inst.size(), 1U) << dump(kg);
  const Node& n = kg.graph()[inst[0]];
  EXPECT_EQ(n.label, full) << "the fullest name is the preferred label";
  EXPECT_EQ(n.alt_labels, (std::vector<std::string>{"DGSN"}));
  EXPECT_EQ(n.documents, (std::vector<std::uint32_t>{0, 1, 2}));
}

TEST(GraphIdentity, GazetteerIdJoinsInstitutionsWhateverTheirNames) {
  auto kg = build({doc("a.txt", "x", {entity(EntityType::Institution, "Organisation internationale pour les migrations", "iom")}),
                   doc("b.txt", "x", {entity(EntityType::Institution, "OIM", "iom")})});
  auto inst = nodes_of(kg, EntityType::Institution);
  ASSERT_EQ(inst.size(), 1U) << dump(kg);
  EXPECT_EQ(kg.graph()[inst[0]].label, "Organisation internationale pour les migrations");
  EXPECT_TRUE(has_label(kg.graph()[inst[0]], "OIM"));
}

TEST(GraphIdentity, AMiddleInitialWrittenOrNotIsOnePerson) {
  auto kg = build({doc("a.txt", "x", {person("Christopher A. Wray")}), doc("b.txt", "x", {person("Christopher Wray")})});
  EXPECT_EQ(nodes_of(kg, EntityType::Person).size(), 1U) << dump(kg);
}

// "Élodie Marchetti, directrice générale de l'Office central ..." in an
// article that does not say whose the office is: the one of her country.
TEST(GraphIdentity, AnInstitutionWithoutCountryJoinsTheOneOfItsMembersCountry) {
  Document a = doc("a.txt", "x", {person("Léa Morel"), institution("Office central des migrations", "FR"),
                                  entity(EntityType::Country, "France", "FR")});
  relate(a, Predicate::memberOf, 0, 1);
  relate(a, Predicate::country, 0, 2);
  Document b = doc("b.txt", "x", {person("Léa Morel"), institution("Office central des migrations")});
  relate(b, Predicate::memberOf, 0, 1);
  Document c = doc("c.txt", "x", {person("Paul Girard"), institution("Office central des migrations")});
  relate(c, Predicate::memberOf, 0, 1);
  auto kg = build({a, b, c});
  auto inst = nodes_of(kg, EntityType::Institution);
  ASSERT_EQ(inst.size(), 2U) << dump(kg) << "the member of unknown country leaves the office unknown";
  for (auto v : inst)
    if (kg.graph()[v].country == "FR") {
      EXPECT_EQ(kg.graph()[v].documents, (std::vector<std::uint32_t>{0, 1})) << dump(kg);
    }
}

TEST(GraphIdentity, TypesNeverMerge) {
  auto kg = build({doc("a.txt", "x", {person("Niger Delta"), institution("Niger Delta")})});
  EXPECT_EQ(boost::num_vertices(kg.graph()), 2U) << dump(kg);
}

// ---- IRIs -------------------------------------------------------------------

std::vector<Document> mixed_corpus() {
  std::vector<Document> docs;
  docs.push_back(doc("001 a.txt", "x",
                     {country("Maroc", "MA"), person("Léa Durand", "FR"), institution("ministère de l'Intérieur", "MA"),
                      institution("ministère de l'Intérieur", "BE"), person("a\"b <c> d", "BE")}));
  docs.push_back(doc("002.txt", "x",
                     {person("Lea Durand", "BE"), person("Léa  Durand!", "ES"), institution("a\"b <c> d"),
                      entity(EntityType::Place, "Tanger")}));
  return docs;
}

TEST(GraphIri, SameDocumentsGiveSameIris) {
  auto a = build(mixed_corpus());
  auto b = build(mixed_corpus());
  std::vector<std::string> ia, ib;
  for (auto v : a.sorted_vertices()) ia.push_back(a.graph()[v].iri);
  for (auto v : b.sorted_vertices()) ib.push_back(b.graph()[v].iri);
  EXPECT_EQ(ia, ib);
  ASSERT_EQ(a.documents().size(), b.documents().size());
  for (std::size_t i = 0; i < a.documents().size(); ++i) EXPECT_EQ(a.documents()[i].iri, b.documents()[i].iri);
}

TEST(GraphIri, IrisAreSafeAndDistinct) {
  auto kg = build(mixed_corpus());
  std::set<std::string> seen;
  for (auto v : kg.sorted_vertices()) {
    const std::string& iri = kg.graph()[v].iri;
    ASSERT_TRUE(iri.starts_with(kBase)) << iri;
    EXPECT_EQ(iri.find_first_of(" \"'<>{}|\\^`\t\n"), std::string::npos) << iri;
    EXPECT_TRUE(seen.insert(iri).second) << "two nodes share " << iri << "\n" << dump(kg);
  }
  for (const auto& d : kg.documents()) {
    EXPECT_EQ(d.iri.find_first_of(" \"'<>"), std::string::npos) << d.iri;
    EXPECT_TRUE(seen.insert(d.iri).second) << d.iri;
  }
  // Three persons "Léa Durand" of three countries: three nodes, three IRIs.
  int durand = 0;
  for (auto v : nodes_of(kg, EntityType::Person))
    if (kg.graph()[v].iri.find("lea-durand") != std::string::npos) ++durand;
  EXPECT_EQ(durand, 3) << dump(kg);
}

TEST(GraphIri, IriNamesTypeAndSlug) {
  auto kg = build({doc("a.txt", "x", {person("Éloïse Ñúñez-Ørsted", "ES")})});
  auto persons = nodes_of(kg, EntityType::Person);
  ASSERT_EQ(persons.size(), 1U);
  EXPECT_EQ(kg.graph()[persons[0]].iri, std::string(kBase) + "person/" + slug("Éloïse Ñúñez-Ørsted"));
}

TEST(GraphSlug, FoldsAccentsAndKeepsOnlyLettersDigitsAndHyphens) {
  EXPECT_EQ(slug("Sûreté de l'État"), "surete-de-l-etat");
  EXPECT_EQ(slug("Œuvre française"), "oeuvre-francaise");
  EXPECT_EQ(slug("ministère de l'Intérieur MA"), "ministere-de-l-interieur-ma");
  EXPECT_EQ(slug("  G5 Sahel  "), "g5-sahel");
  EXPECT_EQ(slug("a\"b <c> d"), "a-b-c-d");
}

TEST(GraphSlug, NeverEmpty) {
  EXPECT_EQ(slug(""), "x");
  EXPECT_EQ(slug("«»!?…—"), "x");
  EXPECT_EQ(slug("   "), "x");
}

TEST(GraphSlug, OnlySafeCharactersAndBoundedLength) {
  for (std::string s : {std::string("محمد السادس"), std::string("Κώστας"), std::string("日本"),
                        std::string(300, 'a'), std::string("\xff\xfe bad utf8"), std::string("a--b__c")}) {
    std::string out = slug(s);
    EXPECT_FALSE(out.empty()) << s;
    EXPECT_LE(out.size(), 80U) << s;
    for (char c : out) EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') << s << " -> " << out;
    EXPECT_NE(out.front(), '-') << s;
    EXPECT_NE(out.back(), '-') << s;
  }
}

// ---- Edges ------------------------------------------------------------------

TEST(GraphEdges, RelationInTwoDocumentsIsOneEdgeOfWeightTwo) {
  Document a = doc("a.txt", "Le Maroc et la Belgique coopèrent.", {country("Maroc", "MA"), country("Belgique", "BE")});
  relate(a, Predicate::cooperatesWith, 0, 1);
  Document b = doc("b.txt", "La Belgique et le Maroc renforcent leur coopération.",
                   {country("Belgique", "BE"), country("Maroc", "MA")});
  relate(b, Predicate::cooperatesWith, 0, 1);  // written B-A this time
  auto kg = build({a, b});
  auto edges = edges_of(kg, Predicate::cooperatesWith);
  ASSERT_EQ(edges.size(), 1U);
  const auto& e = kg.graph()[edges[0]];
  EXPECT_EQ(e.weight, 2.0);
  EXPECT_EQ(e.documents, (std::vector<std::uint32_t>{0, 1}));
  ASSERT_EQ(e.evidence.size(), 2U);
  // Each sentence, in code points (è and é are one each).
  EXPECT_EQ(e.evidence[0], (entente::graph::Evidence{0, 0, 34}));
  EXPECT_EQ(e.evidence[1], (entente::graph::Evidence{1, 0, 52}));
}

TEST(GraphEdges, CooperationBothWaysInOneDocumentIsOneEdge) {
  Document a = doc("a.txt", "x", {institution("Police fédérale", "BE"), institution("Garde civile", "ES")});
  relate(a, Predicate::cooperatesWith, 0, 1);
  relate(a, Predicate::cooperatesWith, 1, 0);
  auto kg = build({a});
  auto edges = edges_of(kg, Predicate::cooperatesWith);
  ASSERT_EQ(edges.size(), 1U);
  EXPECT_EQ(kg.graph()[edges[0]].weight, 1.0);
  EXPECT_EQ(kg.graph()[edges[0]].evidence.size(), 1U);
}

TEST(GraphEdges, DirectedRelationsKeepTheirDirection) {
  Document a = doc("a.txt", "x", {person("Inès Morel", "FR"), institution("Cour des comptes", "FR")});
  relate(a, Predicate::memberOf, 0, 1);
  auto kg = build({a});
  auto edges = edges_of(kg, Predicate::memberOf);
  ASSERT_EQ(edges.size(), 1U);
  const auto& g = kg.graph();
  EXPECT_EQ(g[boost::source(edges[0], g)].type, EntityType::Person);
  EXPECT_EQ(g[boost::target(edges[0], g)].type, EntityType::Institution);
}

TEST(GraphEdges, SelfRelationsAreDropped) {
  // Subject and object are one entity, or two entities that are one node.
  Document a = doc("a.txt", "x",
                   {institution("Direction générale de la Sûreté nationale", "MA", {"DGSN"}), institution("DGSN", "MA"),
                    country("Maroc", "MA")});
  relate(a, Predicate::cooperatesWith, 0, 0);
  relate(a, Predicate::cooperatesWith, 0, 1);
  relate(a, Predicate::country, 1, 2);
  auto kg = build({a});
  EXPECT_EQ(nodes_of(kg, EntityType::Institution).size(), 1U) << dump(kg);
  EXPECT_TRUE(edges_of(kg, Predicate::cooperatesWith).empty());
  EXPECT_EQ(boost::num_edges(kg.graph()), 1U);
}

TEST(GraphEdges, OutOfRangeRelationsAreIgnored) {
  Document a = doc("a.txt", "x", {country("Maroc", "MA"), country("Belgique", "BE")});
  relate(a, Predicate::cooperatesWith, 0, 7);
  relate(a, Predicate::cooperatesWith, -1, 1);
  relate(a, Predicate::cooperatesWith, 0, 1, 42);  // no sentence 42: an edge without evidence
  auto kg = build({a});
  auto edges = edges_of(kg, Predicate::cooperatesWith);
  ASSERT_EQ(edges.size(), 1U);
  EXPECT_TRUE(kg.graph()[edges[0]].evidence.empty());
}

TEST(GraphEdges, AgreementEdgesCarryTheAgreementDate) {
  Entity mou = entity(EntityType::Agreement, "mémorandum d'entente");
  mou.kind = "mémorandum d'entente";
  mou.date = "2024-10-15";
  Document a = doc("a.txt", "x", {mou, country("Maroc", "MA"), country("Belgique", "BE")});
  relate(a, Predicate::party, 0, 1);
  relate(a, Predicate::party, 0, 2);
  auto kg = build({a});
  auto parties = edges_of(kg, Predicate::party);
  ASSERT_EQ(parties.size(), 2U);
  for (auto e : parties) EXPECT_EQ(kg.graph()[e].date, "2024-10-15");
}

// ---- Agreements across documents ----------------------------------------------

Entity agreement(std::string kind, std::string date = {}, std::string name = {}) {
  Entity e = entity(EntityType::Agreement, name.empty() ? kind : std::move(name));
  e.kind = std::move(kind);
  e.date = std::move(date);
  return e;
}

/// A document that reports one agreement (entity 0) between `parties`
/// (countries, entities 1..n), signed by `signatories` (persons after them).
Document agreement_doc(std::string id, std::string text, Entity a, const std::vector<Entity>& parties,
                       const std::vector<Entity>& signatories = {}) {
  std::vector<Entity> entities = {std::move(a)};
  entities.insert(entities.end(), parties.begin(), parties.end());
  entities.insert(entities.end(), signatories.begin(), signatories.end());
  Document d = doc(std::move(id), std::move(text), std::move(entities));
  int i = 1;
  for (std::size_t k = 0; k < parties.size(); ++k) relate(d, Predicate::party, 0, i++);
  for (std::size_t k = 0; k < signatories.size(); ++k) relate(d, Predicate::signatory, 0, i++);
  return d;
}

const Entity kMaroc = country("Maroc", "MA");
const Entity kBelgique = country("Belgique", "BE");
const Entity kEspagne = country("Espagne", "ES");

TEST(GraphAgreements, OneAgreementReportedByTwoArticlesIsOneNode) {
  auto kg = build({agreement_doc("a.txt", "Le 15 octobre 2024.", agreement("mémorandum d'entente", "2024-10-15"),
                                 {kMaroc, kBelgique}),
                   agreement_doc("b.txt", "En octobre.",
                                 agreement("mémorandum d'entente", "2024-10", "Mémorandum d'Entente"),
                                 {kBelgique, country("Royaume du Maroc", "MA")})});
  auto agreements = nodes_of(kg, EntityType::Agreement);
  ASSERT_EQ(agreements.size(), 1U) << dump(kg);
  const Node& n = kg.graph()[agreements[0]];
  EXPECT_EQ(n.documents, (std::vector<std::uint32_t>{0, 1})) << "mentionedIn both articles";
  EXPECT_EQ(n.date, "2024-10-15") << "the most precise date";
  EXPECT_EQ(n.label, "mémorandum d'entente");
  EXPECT_TRUE(has_label(n, "Mémorandum d'Entente"));
  EXPECT_EQ(n.iri, std::string(kBase) + "agreement/memorandum-d-entente-be-ma-2024-10-15");
  auto parties = edges_of(kg, Predicate::party);
  ASSERT_EQ(parties.size(), 2U);
  for (auto e : parties) {
    EXPECT_EQ(kg.graph()[e].weight, 2.0);
    EXPECT_EQ(kg.graph()[e].date, "2024-10-15");
  }
}

TEST(GraphAgreements, DatesThatDoNotContradictAgree) {
  // Undated, then dated without a year, then dated in full: one agreement.
  auto kg = build({agreement_doc("a.txt", "x", agreement("accord"), {kMaroc, kEspagne}),
                   agreement_doc("b.txt", "x", agreement("accord", "--07-16"), {kEspagne, kMaroc}),
                   agreement_doc("c.txt", "x", agreement("accord", "2023"), {kMaroc, kEspagne})});
  auto agreements = nodes_of(kg, EntityType::Agreement);
  ASSERT_EQ(agreements.size(), 1U) << dump(kg);
  EXPECT_EQ(kg.graph()[agreements[0]].date, "2023-07-16") << "the year of one, the day of the other";
  kg.finish();
  EXPECT_EQ(kg.graph()[agreements[0]].iri, std::string(kBase) + "agreement/accord-es-ma-2023-07-16");
}

TEST(GraphAgreements, SamePartiesOnOtherDatesAreTwoAgreements) {
  auto kg = build({agreement_doc("a.txt", "x", agreement("mémorandum d'entente", "2024-10-15"), {kMaroc, kBelgique}),
                   agreement_doc("b.txt", "x", agreement("mémorandum d'entente", "2016-04-22"), {kMaroc, kBelgique}),
                   agreement_doc("c.txt", "x", agreement("mémorandum d'entente", "2024-10-16"), {kMaroc, kBelgique})});
  auto agreements = nodes_of(kg, EntityType::Agreement);
  ASSERT_EQ(agreements.size(), 3U) << dump(kg);
  for (auto v : agreements) EXPECT_EQ(kg.graph()[v].documents.size(), 1U);
}

TEST(GraphAgreements, OtherKindsAreOtherAgreementsButOneFamilyIsOne) {
  auto kg = build({agreement_doc("a.txt", "x", agreement("mémorandum d'entente", "2024-10-15"), {kMaroc, kBelgique}),
                   agreement_doc("b.txt", "x", agreement("plan d'action", "2024-10-15"), {kMaroc, kBelgique}),
                   agreement_doc("c.txt", "x", agreement("accord", "2024-10-15"), {kMaroc, kBelgique}),
                   // One family each: a memorandum called "protocole d'accord", an
                   // agreement called "convention".
                   agreement_doc("d.txt", "x", agreement("protocole d'accord", "2024-10-15"), {kMaroc, kBelgique}),
                   agreement_doc("e.txt", "x", agreement("convention", "2024-10-15"), {kMaroc, kBelgique})});
  auto agreements = nodes_of(kg, EntityType::Agreement);
  ASSERT_EQ(agreements.size(), 3U) << dump(kg);
  std::map<std::string, std::vector<std::uint32_t>> docs_by_kind;
  for (auto v : agreements) docs_by_kind[kg.graph()[v].kind] = kg.graph()[v].documents;
  EXPECT_EQ(docs_by_kind["mémorandum d'entente"], (std::vector<std::uint32_t>{0, 3}));
  EXPECT_EQ(docs_by_kind["plan d'action"], (std::vector<std::uint32_t>{1}));
  EXPECT_EQ(docs_by_kind["accord"], (std::vector<std::uint32_t>{2, 4}));
}

TEST(GraphAgreements, OtherPartiesAreOtherAgreements) {
  auto kg = build({agreement_doc("a.txt", "x", agreement("accord", "2024"), {kMaroc, kBelgique}),
                   agreement_doc("b.txt", "x", agreement("accord", "2024"), {kMaroc, kEspagne}),
                   agreement_doc("c.txt", "x", agreement("accord", "2024"), {kMaroc, kBelgique, kEspagne})});
  EXPECT_EQ(nodes_of(kg, EntityType::Agreement).size(), 3U) << dump(kg);
}

TEST(GraphAgreements, AgreementsWithoutPartiesNeverMerge) {
  // Same kind, same date, same name: nothing says they are one agreement.
  auto kg = build({doc("a.txt", "Un mémorandum a été signé.", {agreement("mémorandum d'entente", "2024-10-15")}),
                   doc("b.txt", "Un autre texte.", {agreement("mémorandum d'entente", "2024-10-15")}),
                   agreement_doc("c.txt", "x", agreement("mémorandum d'entente", "2024-10-15"), {kMaroc, kBelgique})});
  auto agreements = nodes_of(kg, EntityType::Agreement);
  ASSERT_EQ(agreements.size(), 3U) << dump(kg);
  for (auto v : agreements) {
    const std::string& iri = kg.graph()[v].iri;
    EXPECT_EQ(iri.find("txt"), std::string::npos) << "never a file name: " << iri;
    EXPECT_EQ(kg.graph()[v].documents.size(), 1U);
  }
  // The IRI of one without parties comes from its text: a renamed file keeps it.
  std::string first;
  for (auto v : agreements)
    if (kg.graph()[v].documents == std::vector<std::uint32_t>{0}) first = kg.graph()[v].iri;
  auto renamed = build({doc("renamed.txt", "Un mémorandum a été signé.", {agreement("mémorandum d'entente", "2024-10-15")})});
  EXPECT_EQ(renamed.graph()[nodes_of(renamed, EntityType::Agreement)[0]].iri, first);
  EXPECT_TRUE(first.starts_with(std::string(kBase) + "agreement/memorandum-d-entente-")) << first;
}

TEST(GraphAgreements, TheSameTwoSignatoriesJoinWhenPartiesAreNamedOtherwise) {
  const Entity daki = person("Léon Daquin", "MA"), fransen = person("Anna Fransen", "BE");
  auto kg = build({agreement_doc("a.txt", "x", agreement("mémorandum d'entente", "2024-10-15"), {kMaroc, kBelgique},
                                 {daki, fransen}),
                   agreement_doc("b.txt", "x", agreement("mémorandum d'entente"),
                                 {institution("Parquet général", "MA"), institution("Parquet fédéral", "BE")},
                                 {fransen, daki})});
  auto agreements = nodes_of(kg, EntityType::Agreement);
  ASSERT_EQ(agreements.size(), 1U) << dump(kg);
  EXPECT_EQ(edges_of(kg, Predicate::party).size(), 4U) << "the parties of both articles";
  EXPECT_EQ(edges_of(kg, Predicate::signatory).size(), 2U);
}

TEST(GraphAgreements, OneSignatoryOrOnePartyIsNotEnough) {
  const Entity minister = person("Léon Daquin", "MA");
  auto kg = build({agreement_doc("a.txt", "x", agreement("accord"), {kMaroc, kBelgique}, {minister}),
                   agreement_doc("b.txt", "x", agreement("accord"), {kMaroc, kEspagne}, {minister}),
                   // One party: only with the same full date.
                   agreement_doc("c.txt", "x", agreement("convention", "2020"), {kEspagne}),
                   agreement_doc("d.txt", "x", agreement("convention", "2020-03-01"), {kEspagne}),
                   agreement_doc("e.txt", "x", agreement("convention", "2020-03-01"), {kEspagne})});
  auto agreements = nodes_of(kg, EntityType::Agreement);
  ASSERT_EQ(agreements.size(), 4U) << dump(kg);
  std::vector<std::vector<std::uint32_t>> docs;
  for (auto v : agreements) docs.push_back(kg.graph()[v].documents);
  std::sort(docs.begin(), docs.end());
  EXPECT_EQ(docs, (std::vector<std::vector<std::uint32_t>>{{0}, {1}, {2}, {3, 4}}));
}

TEST(GraphAgreements, TwoAgreementsOfOneArticleStayTwoAndAnAmbiguousOneJoinsNone) {
  Document a = agreement_doc("a.txt", "x", agreement("accord", "2019-01-27"), {kMaroc, kEspagne});
  a.entities.push_back(agreement("accord", "1964-08-27"));  // entity 3, the same parties
  relate(a, Predicate::party, 3, 1);
  relate(a, Predicate::party, 3, 2);
  // An undated agreement between them fits both: it joins neither.
  auto kg = build({a, agreement_doc("b.txt", "x", agreement("traité"), {kEspagne, kMaroc})});
  auto agreements = nodes_of(kg, EntityType::Agreement);
  ASSERT_EQ(agreements.size(), 3U) << dump(kg);
  std::set<std::string> iris;
  for (auto v : agreements) iris.insert(kg.graph()[v].iri);
  EXPECT_EQ(iris.size(), 3U);
}

TEST(GraphAgreements, IrisComeFromKindPartiesAndDateAndStayUnique) {
  auto kg = build({agreement_doc("a.txt", "x", agreement("convention", "2019-01-27"), {kMaroc, kEspagne}),
                   agreement_doc("b.txt", "x", agreement("accord-cadre", "2019-01-27"),
                                 {institution("Agence Zêta", "BE"), kBelgique}),
                   agreement_doc("c.txt", "x", agreement("plan d'action"), {kMaroc, kEspagne})});
  kg.finish();
  std::set<std::string> iris;
  for (auto v : nodes_of(kg, EntityType::Agreement)) iris.insert(kg.graph()[v].iri);
  const std::string a = std::string(kBase) + "agreement/";
  EXPECT_EQ(iris, (std::set<std::string>{a + "accord-cadre-agence-zeta-be-be-2019-01-27",
                                         a + "convention-es-ma-2019-01-27", a + "plan-d-action-es-ma"}));
  // The same agreement twice in one article is two agreements of one IRI: -2.
  Document twice = agreement_doc("d.txt", "x", agreement("accord"), {kMaroc, kEspagne});
  twice.entities.push_back(agreement("accord"));
  relate(twice, Predicate::party, 3, 1);
  relate(twice, Predicate::party, 3, 2);
  auto kg2 = build({twice});
  kg2.finish();
  std::set<std::string> iris2;
  for (auto v : nodes_of(kg2, EntityType::Agreement)) iris2.insert(kg2.graph()[v].iri);
  EXPECT_EQ(iris2, (std::set<std::string>{a + "accord-es-ma", a + "accord-es-ma-2"}));
}

TEST(GraphAgreements, DatesAgreeUnlessAPartDiffers) {
  using entente::graph::dates_agree;
  EXPECT_TRUE(dates_agree("2024-10-15", "2024-10-15"));
  EXPECT_TRUE(dates_agree("2024-10-15", "2024-10"));
  EXPECT_TRUE(dates_agree("2024-10-15", "2024"));
  EXPECT_TRUE(dates_agree("2024-10-15", ""));
  EXPECT_TRUE(dates_agree("", ""));
  EXPECT_TRUE(dates_agree("--10-15", "2024-10-15"));
  EXPECT_TRUE(dates_agree("--10-15", "2024"));
  EXPECT_TRUE(dates_agree("--10", "2024-10-15"));
  EXPECT_FALSE(dates_agree("2024-10-15", "2024-10-16"));
  EXPECT_FALSE(dates_agree("2024-10-15", "2024-11"));
  EXPECT_FALSE(dates_agree("2024-10-15", "2023"));
  EXPECT_FALSE(dates_agree("--10-15", "2024-11-15"));
  EXPECT_FALSE(dates_agree("--10-15", "--10-16"));
  EXPECT_FALSE(dates_agree("hier", "2024")) << "another form agrees only with itself";
  EXPECT_TRUE(dates_agree("hier", "hier"));
}

TEST(GraphAgreements, MergedDatesKeepEveryPartGiven) {
  using entente::graph::merge_dates;
  EXPECT_EQ(merge_dates("2024", "2024-10-15"), "2024-10-15");
  EXPECT_EQ(merge_dates("2024-10-15", "2024"), "2024-10-15");
  EXPECT_EQ(merge_dates("--10-15", "2024"), "2024-10-15");
  EXPECT_EQ(merge_dates("2024-10", "--10-15"), "2024-10-15");
  EXPECT_EQ(merge_dates("", "--10-15"), "--10-15");
  EXPECT_EQ(merge_dates("--10", "--10-15"), "--10-15");
  EXPECT_EQ(merge_dates("2024-10-15", "2024-10-16"), "2024-10-15") << "no merge: the first stays";
  EXPECT_EQ(merge_dates("0987", "0987-01"), "0987-01");
}

TEST(GraphAgreements, EveryKindThatExtractionGivesHasAFamily) {
  // The canonical kinds: the second column of extract/data/fr/agreements.tsv.
  std::ifstream in(std::string(ENTENTE_SOURCE_DIR) + "/extract/data/fr/agreements.tsv");
  ASSERT_TRUE(in) << "extract/data/fr/agreements.tsv";
  std::string line;
  std::getline(in, line);  // header
  std::set<std::string> kinds;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    kinds.insert(line.substr(tab + 1));
  }
  ASSERT_GT(kinds.size(), 10U);
  for (const auto& kind : kinds) {
    EXPECT_TRUE(entente::graph::agreement_kind_listed(kind))
        << "'" << kind << "' has no family in graph/data/agreement-kinds.tsv";
  }
  EXPECT_EQ(entente::graph::agreement_family("convention"), "accord");
  EXPECT_EQ(entente::graph::agreement_family("protocole d'accord"), "mémorandum d'entente");
  EXPECT_EQ(entente::graph::agreement_family("un instrument inconnu"), "un instrument inconnu");
}

// ---- Order ------------------------------------------------------------------

TEST(GraphOrder, SortedVerticesAndEdgesAreInIriOrder) {
  Document a = doc("a.txt", "x",
                   {country("Sénégal", "SN"), country("Belgique", "BE"), person("Zoé Abel", "SN"),
                    institution("Agence Zêta", "BE"), person("Aimé Zola", "BE"), country("Maroc", "MA")});
  relate(a, Predicate::country, 2, 0);
  relate(a, Predicate::country, 4, 1);
  relate(a, Predicate::memberOf, 4, 3);
  relate(a, Predicate::country, 3, 1);
  relate(a, Predicate::cooperatesWith, 5, 1);
  relate(a, Predicate::cooperatesWith, 0, 5);
  auto kg = build({a});
  const auto& g = kg.graph();
  auto vs = kg.sorted_vertices();
  ASSERT_EQ(vs.size(), boost::num_vertices(g));
  for (std::size_t i = 1; i < vs.size(); ++i) EXPECT_LT(g[vs[i - 1]].iri, g[vs[i]].iri);
  auto es = kg.sorted_edges();
  ASSERT_EQ(es.size(), boost::num_edges(g));
  auto key = [&](EdgeDescriptor e) {
    return std::make_tuple(g[boost::source(e, g)].iri, static_cast<int>(g[e].predicate), g[boost::target(e, g)].iri);
  };
  for (std::size_t i = 1; i < es.size(); ++i) EXPECT_LT(key(es[i - 1]), key(es[i]));
}

TEST(GraphDocuments, DocumentsKeepIdsTitlesAndLengthsInInputOrder) {
  auto kg = build({doc("b.txt", "Titre\nTexte."), doc("a.txt", "Texte élevé.")});
  ASSERT_EQ(kg.documents().size(), 2U);
  EXPECT_EQ(kg.documents()[0].id, "b.txt");
  EXPECT_EQ(kg.documents()[1].id, "a.txt");
  EXPECT_EQ(kg.documents()[0].title, "Titre");
  EXPECT_EQ(kg.documents()[1].title, "");
  EXPECT_EQ(kg.documents()[0].length, 12U);
  EXPECT_EQ(kg.documents()[1].length, 12U) << "code points, not bytes";
}

}  // namespace

TEST(CodePoints, CountCharactersNotBytesAcrossCheckpoints) {
  // 100 ASCII bytes, then é (2 bytes), a flag (two 4-byte code points), then 100 more.
  const std::string text = std::string(100, 'a') + "é" + "🇲🇦" + std::string(100, 'b');
  const entente::extract::CodePoints cp(text);
  EXPECT_EQ(cp.at(0), 0U);
  EXPECT_EQ(cp.at(100), 100U);
  EXPECT_EQ(cp.at(102), 101U);   // after é
  EXPECT_EQ(cp.at(101), 101U);   // inside é: moved past it
  EXPECT_EQ(cp.at(110), 103U);   // after the flag
  EXPECT_EQ(cp.at(108), 103U);   // inside its second code point
  EXPECT_EQ(cp.size(), 203U);
  EXPECT_EQ(cp.at(text.size() + 50), 203U);  // clamped
  EXPECT_EQ(entente::extract::CodePoints("").size(), 0U);
}
