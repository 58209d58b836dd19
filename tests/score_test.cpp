// The scorer (eval/, `entente score`): labels folded, gold JSON and RDF read
// with errors at their byte offset, and the counts on a tiny hand-written
// corpus about fictional people: one article, a memorandum between Spain and
// Senegal signed by Lucía Ferrer and Awa Ndiaye.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "command_support.hpp"
#include "entente/eval/score.hpp"

namespace {

namespace ev = entente::eval;
using entente::Diagnostics;
using entente::Severity;

// ---- Fixtures ------------------------------------------------------------------

const std::string kGold = R"({
  "documents": ["a1.txt"],
  "entities": [
    {"id": "ES", "type": "Country", "name": "Espagne", "aliases": ["Royaume d'Espagne"], "wikidata": "Q29"},
    {"id": "SN", "type": "Country", "name": "Sénégal", "wikidata": ["Q1041"]},
    {"id": "ferrer", "type": "Person", "name": "Lucía Ferrer", "aliases": ["Ferrer"]},
    {"id": "ndiaye", "type": "Person", "name": "Awa Ndiaye", "aliases": ["Mme Ndiaye"]},
    {"id": "gc", "type": "Institution", "name": "Garde civile", "aliases": ["Guardia Civil"]},
    {"id": "gouv_sn", "type": "Institution", "name": "gouvernement sénégalais", "optional": true},
    {"id": "dakar", "type": "Place", "name": "Dakar", "optional": true}
  ],
  "agreements": [
    {"id": "mou", "kind": "mémorandum d'entente", "docs": ["a1.txt"], "parties": ["ES", "SN"],
     "signatories": ["ferrer", "ndiaye"], "participants": [], "date": "2031-03-12", "date_partial": "--03-12"}
  ],
  "relations": [
    ["ferrer", "memberOf", "gc"],
    ["ferrer", "country", "ES"],
    ["ndiaye", "country", "SN"],
    ["gc", "country", "ES"],
    ["ES", "cooperatesWith", "SN"]
  ],
  "optional_relations": [["gouv_sn", "country", "SN"]]
})";

const std::string kPrefixes =
    "@prefix coop: <https://w3id.org/entente/coop#> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
    "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
    "@prefix dcterms: <http://purl.org/dc/terms/> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
    "@prefix : <http://example.org/> .\n";

/// The graph that says exactly what kGold says, one statement group a line.
std::vector<std::string> perfect_lines() {
  return {
      R"(:doc a coop:Document ; dcterms:identifier "a1.txt" .)",
      R"(:es a coop:Country ; rdfs:label "Espagne"@fr ; owl:sameAs <http://www.wikidata.org/entity/Q29> .)",
      R"(:sn a coop:Country ; rdfs:label "Sénégal"@fr ; owl:sameAs <http://www.wikidata.org/entity/Q1041> .)",
      R"(:ferrer a coop:Person ; rdfs:label "Lucía Ferrer"@fr ; skos:altLabel "Ferrer"@fr ; coop:mentionedIn :doc .)",
      R"(:ferrer coop:memberOf :gc .)",
      R"(:ferrer coop:country :es .)",
      R"(:ndiaye a coop:Person ; rdfs:label "Awa Ndiaye"@fr ; coop:country :sn .)",
      R"(:gc a coop:Institution ; rdfs:label "Garde civile"@fr ; coop:country :es .)",
      R"(:es coop:cooperatesWith :sn .)",
      R"(:mou a coop:Agreement ; rdfs:label "mémorandum d'entente"@fr ; coop:mentionedIn :doc .)",
      R"(:mou coop:party :es , :sn ; coop:signatory :ferrer , :ndiaye .)",
      R"(:mou coop:date "2031-03-12"^^xsd:date .)",
  };
}

std::string turtle(const std::vector<std::string>& lines) {
  std::string out = kPrefixes;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

/// `lines` without the one equal to `line`.
std::vector<std::string> without(std::vector<std::string> lines, const std::string& line) {
  const auto it = std::find(lines.begin(), lines.end(), line);
  EXPECT_NE(it, lines.end()) << line;
  if (it != lines.end()) lines.erase(it);
  return lines;
}

std::vector<std::string> with(std::vector<std::string> lines, const std::string& line) {
  lines.push_back(line);
  return lines;
}

ev::Gold gold(const std::string& json = kGold) {
  Diagnostics diags;
  auto g = ev::parse_gold(json, "gold.json", diags);
  EXPECT_TRUE(g.has_value());
  for (const auto& d : diags) ADD_FAILURE() << entente::format(d);
  return g.value_or(ev::Gold{});
}

ev::Graph graph(const std::vector<std::string>& lines) {
  Diagnostics diags;
  auto g = ev::parse_graph(turtle(lines), ev::Syntax::turtle, "graph.ttl", diags);
  EXPECT_TRUE(g.has_value());
  for (const auto& d : diags) ADD_FAILURE() << entente::format(d);
  return g.value_or(ev::Graph{});
}

ev::Report score(const std::vector<std::string>& lines) { return ev::score(graph(lines), gold()); }

std::vector<std::string> facts(const std::vector<ev::Fact>& list) {
  std::vector<std::string> out;
  for (const auto& f : list) {
    const auto end = [](const ev::End& e) { return e.matched ? e.id : "<" + e.id + ">"; };
    out.push_back(end(f.subject) + " " + f.predicate + " " + end(f.object));
  }
  return out;
}

void expect_perfect(const ev::Report& r) {
  EXPECT_DOUBLE_EQ(r.entities.f1(), 1.0);
  EXPECT_DOUBLE_EQ(r.agreements.f1(), 1.0);
  EXPECT_DOUBLE_EQ(r.relations.f1(), 1.0);
  EXPECT_TRUE(r.missed_entities.empty());
  EXPECT_TRUE(r.spurious_nodes.empty());
  EXPECT_TRUE(r.duplicates.empty());
  EXPECT_TRUE(r.missed_relations.empty());
  EXPECT_TRUE(r.spurious_relations.empty()) << testing::PrintToString(facts(r.spurious_relations));
}

// ---- Labels --------------------------------------------------------------------

TEST(ScoreLabels, FoldCaseAccentsPunctuationHonorificsAndArticles) {
  EXPECT_EQ(ev::fold_label("M. El Hassan Daki"), "el hassan daki");
  EXPECT_EQ(ev::fold_label("Mme  Awa NDIAYE"), "awa ndiaye");
  EXPECT_EQ(ev::fold_label("l’Union européenne"), "union europeenne");
  EXPECT_EQ(ev::fold_label("la Sûreté de l'État"), "surete de l'etat");
  EXPECT_EQ(ev::fold_label("Sa Majesté le Roi Mohammed VI"), "mohammed vi");
  EXPECT_EQ(ev::fold_label("de l'Intérieur"), "interieur");
  EXPECT_EQ(ev::fold_label("Les Pays-Bas"), "pays bas");
  EXPECT_EQ(ev::fold_label("N'dimon"), "n'dimon");
  EXPECT_EQ(ev::fold_label("Le360"), "le360");
  EXPECT_EQ(ev::fold_label("Théo Francken"), ev::fold_label("THEO FRANCKEN"));
  EXPECT_EQ(ev::fold_label("Le"), "");
}

// ---- Gold ------------------------------------------------------------------------

TEST(ScoreGold, ReadsEveryField) {
  const ev::Gold g = gold();
  EXPECT_EQ(g.file, "gold.json");
  ASSERT_EQ(g.entities.size(), 7u);
  EXPECT_EQ(g.entities[0].wikidata, std::vector<std::string>{"Q29"});
  EXPECT_EQ(g.entities[1].wikidata, std::vector<std::string>{"Q1041"});  // a list works too
  EXPECT_EQ(g.entities[3].aliases, std::vector<std::string>{"Mme Ndiaye"});
  EXPECT_TRUE(g.entities[5].optional);
  EXPECT_EQ(g.entities[6].type, ev::Class::place);
  ASSERT_EQ(g.agreements.size(), 1u);
  EXPECT_EQ(g.agreements[0].date, "2031-03-12");
  EXPECT_EQ(g.agreements[0].date_partial, "--03-12");
  EXPECT_EQ(g.agreements[0].signatories, (std::vector<std::string>{"ferrer", "ndiaye"}));
  EXPECT_EQ(g.relations.size(), 5u);
  EXPECT_EQ(g.optional_relations.size(), 1u);
}

TEST(ScoreGold, MalformedJsonIsAnErrorNamingTheFileAndByte) {
  const std::string json = "{\"entities\": [\n  {\"id\": \"ES\" \"type\": \"Country\"}\n]}";
  Diagnostics diags;
  EXPECT_FALSE(ev::parse_gold(json, "my-gold.json", diags));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].severity, Severity::error);
  EXPECT_EQ(diags[0].where.file, "my-gold.json");
  // Where the parser stopped: within the unexpected token.
  const std::size_t token = json.find("\"type\"");
  EXPECT_GE(diags[0].where.offset, token);
  EXPECT_LT(diags[0].where.offset, token + 6);
  const std::string text = entente::format(diags[0]);
  EXPECT_NE(text.find("my-gold.json: byte " + std::to_string(diags[0].where.offset) + ": error: not JSON"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("line 2"), std::string::npos) << text;
}

TEST(ScoreGold, AWrongValueIsAnErrorAtItsByte) {
  const std::string json = R"({"entities": [{"id": "ES", "type": "Country", "name": "Espagne"},
    {"id": "x", "type": "Pays", "name": "X"}]})";
  Diagnostics diags;
  EXPECT_FALSE(ev::parse_gold(json, "g.json", diags));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].where.offset, json.find("\"Pays\""));
  EXPECT_NE(diags[0].message.find("entities[1].type"), std::string::npos) << diags[0].message;
}

TEST(ScoreGold, EveryIdItUsesMustBeDefined) {
  const std::string json = R"({"entities": [{"id": "ES", "type": "Country", "name": "Espagne"}],
    "agreements": [{"id": "a", "docs": ["1.txt"], "parties": ["ES", "SN"]}],
    "relations": [["ES", "cooperatesWith", "FR"], ["ES", "signatory", "ES"]]})";
  Diagnostics diags;
  EXPECT_FALSE(ev::parse_gold(json, "g.json", diags));
  ASSERT_EQ(diags.size(), 3u);
  EXPECT_NE(diags[0].message.find("agreements[0].parties[1]: \"SN\" is not an entity id"), std::string::npos)
      << diags[0].message;
  EXPECT_EQ(diags[0].where.offset, json.find("\"SN\""));
  EXPECT_NE(diags[1].message.find("relations[0][2]: \"FR\""), std::string::npos) << diags[1].message;
  EXPECT_NE(diags[2].message.find("relations[1][1]"), std::string::npos) << diags[2].message;
}

TEST(ScoreGold, AnUnknownKeyIsAWarningOnly) {
  Diagnostics diags;
  auto g =
      ev::parse_gold(R"({"entities": [{"id": "ES", "type": "Country", "name": "Espagne", "alias": ["X"]}]})",
                     "g.json", diags);
  EXPECT_TRUE(g.has_value());
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].severity, Severity::warning);
  EXPECT_NE(diags[0].message.find("entities[0].alias"), std::string::npos) << diags[0].message;
}

TEST(ScoreGold, AMissingFileIsAnErrorNamingIt) {
  Diagnostics diags;
  EXPECT_FALSE(ev::read_gold("/nonexistent/gold.json", diags));
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].where.file, "/nonexistent/gold.json");
}

// ---- Graph -------------------------------------------------------------------------

TEST(ScoreGraph, ReadsTheContractTerms) {
  const ev::Graph g = graph(perfect_lines());
  const auto node = [&](const std::string& id) -> const ev::Node& {
    const auto it =
        std::find_if(g.nodes.begin(), g.nodes.end(), [&](const ev::Node& n) { return n.id == id; });
    EXPECT_NE(it, g.nodes.end()) << id;
    return *it;
  };
  const ev::Node& ferrer = node("http://example.org/ferrer");
  EXPECT_EQ(ferrer.types, std::vector<ev::Class>{ev::Class::person});
  EXPECT_EQ(ferrer.label, "Lucía Ferrer");
  EXPECT_EQ(ferrer.labels, (std::vector<std::string>{"Ferrer", "Lucía Ferrer"}));
  EXPECT_EQ(ferrer.documents, std::vector<std::string>{"a1.txt"});  // by dcterms:identifier
  EXPECT_EQ(node("http://example.org/sn").qids, std::vector<std::string>{"Q1041"});
  EXPECT_EQ(node("http://example.org/mou").dates, std::vector<std::string>{"2031-03-12"});
  EXPECT_EQ(g.edges.size(), 9u);
  // The document node has no scored class and is at no edge's end.
  EXPECT_TRUE(std::none_of(g.nodes.begin(), g.nodes.end(),
                           [](const ev::Node& n) { return n.id == "http://example.org/doc"; }));
}

TEST(ScoreGraph, BadTurtleIsAnErrorNamingTheFileAndByte) {
  const std::string text = kPrefixes + ":a a coop:Person ;\n  rdfs:label \"A\"@fr\n:b a coop:Person .\n";
  Diagnostics diags;
  EXPECT_FALSE(ev::parse_graph(text, ev::Syntax::turtle, "bad.ttl", diags));
  ASSERT_FALSE(diags.empty());
  EXPECT_EQ(diags[0].severity, Severity::error);
  EXPECT_EQ(diags[0].where.file, "bad.ttl");
  // Serd stops at the token after the unterminated statement.
  const std::size_t b = text.find(":b a");
  EXPECT_GE(diags[0].where.offset, b);
  EXPECT_LE(diags[0].where.offset, b + 2);
  EXPECT_NE(diags[0].message.find("line 10"), std::string::npos) << diags[0].message;
}

TEST(ScoreGraph, AnUndefinedPrefixIsAnError) {
  const std::string text = kPrefixes + ":a a coop:Person ; foo:bar :b .\n";
  Diagnostics diags;
  EXPECT_FALSE(ev::parse_graph(text, ev::Syntax::turtle, "p.ttl", diags));
  ASSERT_FALSE(diags.empty());
  EXPECT_EQ(diags[0].where.offset, text.find("foo:bar"));
  EXPECT_NE(diags[0].message.find("foo:bar"), std::string::npos) << diags[0].message;
}

TEST(ScoreGraph, LineSyntaxesAndNamedGraphsAreRead) {
  const std::string nt =
      "<http://x/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
      "<https://w3id.org/entente/coop#Country> .\n"
      "<http://x/a> <http://www.w3.org/2000/01/rdf-schema#label> \"Espagne\"@fr .\n";
  std::string nq = nt;
  for (std::size_t at = 0; (at = nq.find(" .\n", at)) != std::string::npos; at += 14)
    nq.replace(at, 3, " <http://x/g> .\n");
  const std::string trig = "<http://x/g> {\n" + nt + "}\n";
  for (const auto& [text, syntax] : {std::pair{nt, ev::Syntax::ntriples}, std::pair{nq, ev::Syntax::nquads},
                                     std::pair{trig, ev::Syntax::trig}}) {
    Diagnostics diags;
    const auto g = ev::parse_graph(text, syntax, "g", diags);
    ASSERT_TRUE(g.has_value()) << (diags.empty() ? std::string() : entente::format(diags[0]));
    ASSERT_EQ(g->nodes.size(), 1u);
    EXPECT_EQ(g->nodes[0].label, "Espagne");
  }
  EXPECT_EQ(ev::syntax_for("out/graph.nq"), ev::Syntax::nquads);
  EXPECT_EQ(ev::syntax_for("out/graph.graphml"), std::nullopt);
}

// ---- Score ---------------------------------------------------------------------------

TEST(Score, APerfectGraphScoresOne) {
  const ev::Report r = score(perfect_lines());
  expect_perfect(r);
  EXPECT_EQ(r.entities.tp, 5u);   // the optional entities are not counted
  EXPECT_EQ(r.relations.tp, 9u);  // 5 relations, 2 parties, 2 signatories
  EXPECT_EQ(r.agreement_dates.exact, 1u);
  EXPECT_EQ(r.wikidata.right, 2u);
  EXPECT_EQ(r.wikidata.wrong, 0u);
}

TEST(Score, AMissingRelationIsListedAsMissed) {
  const ev::Report r = score(without(perfect_lines(), ":ferrer coop:memberOf :gc ."));
  EXPECT_EQ(facts(r.missed_relations), std::vector<std::string>{"ferrer memberOf gc"});
  EXPECT_EQ(r.relations.fn, 1u);
  EXPECT_DOUBLE_EQ(r.relations.precision(), 1.0);
  EXPECT_DOUBLE_EQ(r.relations.recall(), 8.0 / 9.0);
  EXPECT_EQ(r.relations_by_predicate.at("memberOf").fn, 1u);
}

TEST(Score, ASpuriousRelationLowersPrecision) {
  const ev::Report r = score(with(perfect_lines(), ":ndiaye coop:memberOf :gc ."));
  EXPECT_EQ(facts(r.spurious_relations), std::vector<std::string>{"ndiaye memberOf gc"});
  EXPECT_DOUBLE_EQ(r.relations.precision(), 9.0 / 10.0);
  EXPECT_DOUBLE_EQ(r.relations.recall(), 1.0);
}

TEST(Score, ARelationToAnUnknownNodeIsSpuriousWithTheNode) {
  auto lines = with(perfect_lines(), R"(:x a coop:Institution ; rdfs:label "Police imaginaire"@fr .)");
  const ev::Report r = score(with(lines, ":ndiaye coop:memberOf :x ."));
  ASSERT_EQ(r.spurious_nodes.size(), 1u);
  EXPECT_EQ(r.spurious_nodes[0].label, "Police imaginaire");
  EXPECT_EQ(r.entities.fp, 1u);
  EXPECT_EQ(facts(r.spurious_relations), std::vector<std::string>{"ndiaye memberOf <http://example.org/x>"});
}

TEST(Score, OptionalEntitiesAndRelationsAreNeitherRequiredNorPenalised) {
  auto lines =
      with(perfect_lines(), R"(:gouv a coop:Institution ; rdfs:label "gouvernement sénégalais"@fr .)");
  lines = with(lines, ":gouv coop:country :sn .");                            // an optional relation
  lines = with(lines, ":gouv coop:cooperatesWith :gc .");                     // touches an optional entity
  lines = with(lines, R"(:dakar a coop:Country ; rdfs:label "Dakar"@fr .)");  // a place, under another class
  expect_perfect(score(lines));
}

TEST(Score, ADuplicateNodeIsCounted) {
  const ev::Report r =
      score(with(perfect_lines(), R"(:ferrer2 a coop:Person ; rdfs:label "M. Ferrer"@fr .)"));
  ASSERT_EQ(r.duplicates.size(), 1u);
  EXPECT_EQ(r.duplicates[0].gold, "ferrer");
  EXPECT_EQ(r.duplicates[0].node.id, "http://example.org/ferrer2");
  EXPECT_EQ(r.entities.tp, 5u);
  EXPECT_EQ(r.entities.fp, 1u);
  EXPECT_EQ(r.entities_by_type.at(ev::Class::person).fp, 1u);
}

TEST(Score, ANodeOfTheWrongClassIsATypeError) {
  auto lines = without(perfect_lines(),
                       R"(:gc a coop:Institution ; rdfs:label "Garde civile"@fr ; coop:country :es .)");
  const ev::Report r =
      score(with(lines, R"(:gc a coop:Person ; rdfs:label "Guardia Civil"@fr ; coop:country :es .)"));
  ASSERT_EQ(r.type_errors.size(), 1u);
  EXPECT_EQ(r.type_errors[0].gold, "gc");
  EXPECT_EQ(r.entities_by_type.at(ev::Class::person).fp, 1u);
  EXPECT_EQ(r.entities_by_type.at(ev::Class::institution).fn, 1u);
  ASSERT_EQ(r.missed_entities.size(), 1u);
  EXPECT_EQ(r.missed_entities[0].id, "gc");
}

TEST(Score, TheCountryDecidesBetweenEntitiesOfOneName) {
  const std::string two_ministries = R"({"entities": [
    {"id": "ES", "type": "Country", "name": "Espagne"},
    {"id": "SN", "type": "Country", "name": "Sénégal"},
    {"id": "min_es", "type": "Institution", "name": "ministère de l'Intérieur", "aliases": ["ministère espagnol de l'Intérieur"]},
    {"id": "min_sn", "type": "Institution", "name": "ministère de l'Intérieur du Sénégal", "aliases": ["ministère de l'Intérieur"], "optional": true}],
    "relations": [["min_es", "country", "ES"]], "optional_relations": [["min_sn", "country", "SN"]]})";
  const std::vector<std::string> lines = {
      R"(:es a coop:Country ; rdfs:label "Espagne"@fr .)",
      R"(:sn a coop:Country ; rdfs:label "Sénégal"@fr .)",
      R"(:m1 a coop:Institution ; rdfs:label "ministère de l'Intérieur"@fr ; coop:country :es .)",
      R"(:m2 a coop:Institution ; rdfs:label "ministère de l'Intérieur"@fr ; coop:country :sn .)",
  };
  const ev::Report r = ev::score(graph(lines), gold(two_ministries));
  // :m2 is Senegal's (optional) ministry, not a duplicate of Spain's.
  EXPECT_TRUE(r.duplicates.empty());
  EXPECT_DOUBLE_EQ(r.entities.f1(), 1.0);
  EXPECT_DOUBLE_EQ(r.relations.f1(), 1.0);
}

TEST(Score, AgreementsArePairedWithinTheirDocuments) {
  // The same agreement reported by another document is not the gold one.
  auto lines =
      without(perfect_lines(),
              R"(:mou a coop:Agreement ; rdfs:label "mémorandum d'entente"@fr ; coop:mentionedIn :doc .)");
  lines = with(lines, R"(:mou a coop:Agreement ; coop:mentionedIn <http://example.org/doc/a2.txt> .)");
  const ev::Report r = score(lines);
  EXPECT_EQ(r.agreements.tp, 0u);
  EXPECT_EQ(r.agreements.fp, 1u);
  EXPECT_EQ(r.missed_agreements, std::vector<std::string>{"mou"});
  ASSERT_EQ(r.spurious_agreements.size(), 1u);
  // Its parties are then facts of an unknown node.
  EXPECT_EQ(r.relations_by_predicate.at("party").fp, 2u);
  EXPECT_EQ(r.relations_by_predicate.at("party").fn, 2u);
  EXPECT_EQ(r.agreement_dates.exact, 0u);
  EXPECT_EQ(r.agreement_dates.total, 1u);
}

TEST(Score, AgreementDatesAreExactOrPartial) {
  const auto with_date = [](const std::string& date) {
    auto lines = without(perfect_lines(), R"(:mou coop:date "2031-03-12"^^xsd:date .)");
    return score(with(lines, ":mou coop:date \"" + date + "\" ."));
  };
  EXPECT_EQ(with_date("2031-03-12").agreement_dates.exact, 1u);
  for (const char* partial : {"--03-12", "2031-03", "2031-03-13"}) {
    const ev::Report r = with_date(partial);
    EXPECT_EQ(r.agreement_dates.exact, 0u) << partial;
    EXPECT_EQ(r.agreement_dates.partial, 1u) << partial;
  }
  for (const char* wrong : {"2031-04-12", "2030", "--03-13"}) {
    const ev::Report r = with_date(wrong);
    EXPECT_EQ(r.agreement_dates.exact + r.agreement_dates.partial, 0u) << wrong;
  }
}

TEST(Score, CooperatesWithIsSymmetric) {
  auto lines = without(perfect_lines(), ":es coop:cooperatesWith :sn .");
  expect_perfect(score(with(lines, ":sn coop:cooperatesWith :es .")));
}

TEST(Score, SignatoryAndParticipantAreOnePredicate) {
  auto lines = without(perfect_lines(), ":mou coop:party :es , :sn ; coop:signatory :ferrer , :ndiaye .");
  lines = with(lines, ":mou coop:party :es , :sn ; coop:participant :ferrer , :ndiaye .");
  const ev::Report r = score(lines);
  expect_perfect(r);
  EXPECT_EQ(r.relations_by_predicate.at("person").tp, 2u);
}

TEST(Score, WikidataLinksAreRightOrWrong) {
  auto lines = without(
      perfect_lines(),
      R"(:sn a coop:Country ; rdfs:label "Sénégal"@fr ; owl:sameAs <http://www.wikidata.org/entity/Q1041> .)");
  lines = with(
      lines,
      R"(:sn a coop:Country ; rdfs:label "Sénégal"@fr ; skos:exactMatch <https://www.wikidata.org/wiki/Q1042> .)");
  const ev::Report r = score(lines);
  EXPECT_EQ(r.wikidata.gold, 2u);
  EXPECT_EQ(r.wikidata.right, 1u);
  EXPECT_EQ(r.wikidata.wrong, 1u);
  ASSERT_EQ(r.wrong_wikidata.size(), 1u);
  EXPECT_EQ(r.wrong_wikidata[0].qids, std::vector<std::string>{"Q1042"});
}

// ---- Report ------------------------------------------------------------------------

TEST(ScoreReport, TextHasTheTableAndTheLists) {
  const std::string text = ev::to_text(score(without(perfect_lines(), ":ferrer coop:memberOf :gc .")));
  EXPECT_NE(text.find("entities         1.000  1.000  1.000   5/0/0"), std::string::npos) << text;
  EXPECT_NE(text.find("  memberOf       0.000  0.000  0.000   0/0/1"), std::string::npos) << text;
  EXPECT_NE(text.find("missed relations (1):\n  ferrer memberOf gc\n"), std::string::npos) << text;
  EXPECT_NE(text.find("agreement dates: 1 exact, 0 partial, of 1"), std::string::npos) << text;
}

TEST(ScoreReport, JsonIsOneObjectWithEveryFigureAndList) {
  const std::string json = ev::to_json(score(perfect_lines()));
  for (const char* key :
       {"\"entities\"", "\"entities_by_type\"", "\"agreements\"", "\"agreement_dates\"", "\"relations\"",
        "\"relations_by_predicate\"", "\"wikidata\"", "\"missed_entities\"", "\"spurious_nodes\"",
        "\"duplicates\"", "\"type_errors\"", "\"missed_agreements\"", "\"spurious_agreements\"",
        "\"missed_relations\"", "\"spurious_relations\"", "\"wrong_wikidata\""})
    EXPECT_NE(json.find(key), std::string::npos) << key;
  EXPECT_EQ(json.front(), '{');
  EXPECT_EQ(json.substr(json.size() - 2), "}\n");
}

// ---- Documentation -------------------------------------------------------------------

TEST(ScoreDocs, TheGoldExampleOfEvaluationMdIsValid) {
  const std::string doc =
      entente::testing::read_file(std::string(ENTENTE_SOURCE_DIR) + "/docs/EVALUATION.md");
  const std::size_t begin = doc.find("```json\n");
  ASSERT_NE(begin, std::string::npos);
  const std::size_t end = doc.find("```", begin + 8);
  ASSERT_NE(end, std::string::npos);
  Diagnostics diags;
  const auto g = ev::parse_gold(doc.substr(begin + 8, end - begin - 8), "EVALUATION.md", diags);
  EXPECT_TRUE(g.has_value());
  EXPECT_TRUE(diags.empty()) << (diags.empty() ? std::string() : entente::format(diags[0]));
  if (g) {
    EXPECT_EQ(g->entities.size(), 7u);
    EXPECT_EQ(g->agreements.size(), 1u);
  }
}

}  // namespace
