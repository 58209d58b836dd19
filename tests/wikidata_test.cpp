// Wikidata links: the built-in index, index files, dump import, link_wikidata.
#include <bzlib.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <unistd.h>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "entente/graph/graph.hpp"
#include "entente/graph/wikidata.hpp"

namespace {

namespace fs = std::filesystem;
using entente::Diagnostics;
using entente::extract::EntityType;
using entente::graph::WikidataIndex;
using entente::graph::WikidataType;

const fs::path kSource = ENTENTE_SOURCE_DIR;
const fs::path kFixture = kSource / "tests/fixtures/wikidata/mini-dump.json";

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_file(const fs::path& p, std::string_view bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string messages(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags) out += entente::format(d) + "\n";
  return out;
}

/// A fresh directory per test, removed at the end.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = fs::temp_directory_path() / ("entente-wikidata-" + std::to_string(::getpid()) + "-" +
                                         info->test_suite_name() + "-" + info->name());
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;  // owns the directory
  TempDir& operator=(const TempDir&) = delete;
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

/// The bytes as two concatenated gzip members.
void write_gzip(const fs::path& p, std::string_view bytes) {
  const std::size_t half = bytes.size() / 2;
  for (int part = 0; part < 2; ++part) {
    gzFile f = gzopen(p.c_str(), part == 0 ? "wb" : "ab");
    ASSERT_NE(f, nullptr);
    std::string_view piece = part == 0 ? bytes.substr(0, half) : bytes.substr(half);
    ASSERT_EQ(gzwrite(f, piece.data(), static_cast<unsigned>(piece.size())), static_cast<int>(piece.size()));
    ASSERT_EQ(gzclose(f), Z_OK);
  }
}

/// The bytes as two concatenated bzip2 streams (a multi-stream file).
void write_bzip2(const fs::path& p, std::string_view bytes) {
  std::FILE* f = std::fopen(p.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  const std::size_t half = bytes.size() / 2;
  for (int part = 0; part < 2; ++part) {
    int err = BZ_OK;
    BZFILE* bz = BZ2_bzWriteOpen(&err, f, 9, 0, 0);
    ASSERT_EQ(err, BZ_OK);
    std::string piece(part == 0 ? bytes.substr(0, half) : bytes.substr(half));
    BZ2_bzWrite(&err, bz, piece.data(), static_cast<int>(piece.size()));
    ASSERT_EQ(err, BZ_OK);
    BZ2_bzWriteClose(&err, bz, 0, nullptr, nullptr);
    ASSERT_EQ(err, BZ_OK);
  }
  std::fclose(f);
}

std::string header() {
  return std::string(WikidataIndex::kVersionLine) + "\n# a comment\n" + std::string(WikidataIndex::kHeader) +
         "\n";
}

// ---- the built-in index ---------------------------------------------------

TEST(BuiltinIndex, LoadsWithCountriesOrganisationsAndPeople) {
  const WikidataIndex& index = WikidataIndex::builtin();
  EXPECT_GE(index.size(), 300U);
  std::size_t by_type[3] = {0, 0, 0};
  for (const auto& item : index.items()) {
    ++by_type[static_cast<int>(item.type)];
    EXPECT_FALSE(item.source.empty()) << item.qid;
  }
  EXPECT_EQ(by_type[static_cast<int>(WikidataType::country)], 250U);  // ISO 3166-1 and Kosovo
  EXPECT_GE(by_type[static_cast<int>(WikidataType::organisation)], 60U);
  EXPECT_GE(by_type[static_cast<int>(WikidataType::person)], 6U);
  const auto* be = index.item("Q31");
  ASSERT_NE(be, nullptr);
  EXPECT_EQ(be->type, WikidataType::country);
  EXPECT_EQ(be->countries, std::vector<std::string>{"BE"});
  EXPECT_EQ(be->label_fr, "Belgique");
  EXPECT_EQ(be->label_en, "Belgium");
}

TEST(BuiltinIndex, HasEveryCountryOfTheGazetteerWithItsQid) {
  const WikidataIndex& index = WikidataIndex::builtin();
  std::istringstream in(read_file(kSource / "extract/data/fr/countries.tsv"));
  std::string line;
  std::size_t rows = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line.starts_with("iso2\t")) continue;
    std::istringstream cells(line);
    std::string iso2, qid, name;
    std::getline(cells, iso2, '\t');
    std::getline(cells, qid, '\t');
    std::getline(cells, name, '\t');
    ++rows;
    const auto* item = index.item(qid);
    ASSERT_NE(item, nullptr) << iso2 << " " << qid;
    EXPECT_EQ(item->type, WikidataType::country) << iso2;
    EXPECT_EQ(item->countries, std::vector<std::string>{iso2}) << qid;
    EXPECT_EQ(index.find(EntityType::Country, {name}, iso2), qid) << iso2;
  }
  EXPECT_GE(rows, 195U);
}

TEST(BuiltinIndex, FindsTheSeedPeopleAndOrganisations) {
  const WikidataIndex& index = WikidataIndex::builtin();
  EXPECT_EQ(index.find(EntityType::Person, {"Jan Jambon"}, ""), "Q1865725");
  EXPECT_EQ(index.find(EntityType::Person, {"Koen Geens"}, "BE"), "Q1240812");
  EXPECT_EQ(index.find(EntityType::Person, {"Théo Francken"}, ""), "Q2072384");
  EXPECT_EQ(index.find(EntityType::Person, {"Mohammed VI"}, ""), "Q57553");  // a regnal name
  EXPECT_EQ(index.find(EntityType::Person, {"Mohamed VI"}, "MA"), "Q57553");
  EXPECT_EQ(index.find(EntityType::Person, {"Aziz Akhannouch"}, "MA"), "Q1638114");
  EXPECT_EQ(index.find(EntityType::Person, {"Philippe de Belgique"}, ""), "Q155004");
  EXPECT_EQ(index.find(EntityType::Institution, {"OIM"}, ""), "Q472311");
  EXPECT_EQ(index.find(EntityType::Institution, {"Haut-Commissariat pour les réfugiés", "HCR"}, ""),
            "Q132551");
  EXPECT_EQ(index.find(EntityType::Institution, {"Union européenne", "UE"}, ""), "Q458");
}

TEST(BuiltinIndex, ASingleNameNeedsTheSameCountry) {
  const WikidataIndex& index = WikidataIndex::builtin();
  EXPECT_EQ(index.find(EntityType::Person, {"Philippe"}, "BE"), "Q155004");
  EXPECT_EQ(index.find(EntityType::Person, {"Philippe"}, ""), "");
  EXPECT_EQ(index.find(EntityType::Person, {"Philippe"}, "FR"), "");
  EXPECT_EQ(index.find(EntityType::Person, {"Roi Philippe"}, ""), "Q155004");
  EXPECT_EQ(index.find(EntityType::Person, {"Jambon"}, "BE"), "");  // a surname is not a name of the item
}

TEST(BuiltinIndex, ATypeMismatchIsNotLinked) {
  const WikidataIndex& index = WikidataIndex::builtin();
  EXPECT_EQ(index.find(EntityType::Institution, {"Jan Jambon"}, ""), "");
  EXPECT_EQ(index.find(EntityType::Person, {"Union européenne"}, ""), "");
  EXPECT_EQ(index.find(EntityType::Country, {"Union européenne"}, ""), "");
  EXPECT_EQ(index.find(EntityType::Institution, {"Belgique"}, ""), "");
  EXPECT_EQ(index.find(EntityType::Place, {"Belgique"}, "BE"), "");
  EXPECT_EQ(index.find(EntityType::Agreement, {"Union européenne"}, ""), "");
}

TEST(BuiltinIndex, ACountryIsFoundByItsCode) {
  const WikidataIndex& index = WikidataIndex::builtin();
  EXPECT_EQ(index.find(EntityType::Country, {"Royaume chérifien"}, "MA"), "Q1028");
  EXPECT_EQ(index.find(EntityType::Country, {"Maroc"}, "BE"), "Q31");  // the code decides
  EXPECT_EQ(index.find(EntityType::Country, {"Maroc"}, ""), "Q1028");
  EXPECT_EQ(index.find(EntityType::Country, {"Kosovo"}, "XK"), "Q1246");
  EXPECT_EQ(index.find(EntityType::Country, {"Nowhere"}, "QQ"), "");
}

// ---- index files ------------------------------------------------------------

TEST(IndexFile, SameNameInTwoCountriesIsNotLinkedWithoutACountry) {
  Diagnostics diags;
  auto index = WikidataIndex::parse(header() +
                                        "Q900000101\tperson\tFR\tJean Dupont\t\t\t\ttest\n"
                                        "Q900000102\tperson\tBE\tJean Dupont\t\t\t\ttest\n",
                                    "t.tsv", diags);
  ASSERT_TRUE(index) << messages(diags);
  EXPECT_EQ(index->find(EntityType::Person, {"Jean Dupont"}, ""), "");
  EXPECT_EQ(index->find(EntityType::Person, {"Jean Dupont"}, "FR"), "Q900000101");
  EXPECT_EQ(index->find(EntityType::Person, {"Jean Dupont"}, "BE"), "Q900000102");
  EXPECT_EQ(index->find(EntityType::Person, {"Jean Dupont"}, "DE"), "");
}

TEST(IndexFile, EveryLabelMustPointToTheSameItem) {
  Diagnostics diags;
  auto index = WikidataIndex::parse(header() +
                                        "Q900000101\tperson\t\tJean Dupont\t\t\t\ttest\n"
                                        "Q900000102\tperson\t\tPierre Martin\t\t\t\ttest\n",
                                    "t.tsv", diags);
  ASSERT_TRUE(index) << messages(diags);
  EXPECT_EQ(index->find(EntityType::Person, {"Jean Dupont", "Dupont"}, ""), "Q900000101");
  EXPECT_EQ(index->find(EntityType::Person, {"Jean Dupont", "Pierre Martin"}, ""), "");
}

TEST(IndexFile, ANationalBodyNeedsTheNodesCountry) {
  Diagnostics diags;
  auto index = WikidataIndex::parse(header() +
                                        "Q900000201\torganisation\tFR\tministère de l'Intérieur\t\t\t\ttest\n"
                                        "Q900000202\torganisation\t\tOrganisation fictive\t\tOF\t\ttest\n",
                                    "t.tsv", diags);
  ASSERT_TRUE(index) << messages(diags);
  EXPECT_EQ(index->find(EntityType::Institution, {"ministère de l'Intérieur"}, ""), "");
  EXPECT_EQ(index->find(EntityType::Institution, {"ministère de l'Intérieur"}, "MA"), "");
  EXPECT_EQ(index->find(EntityType::Institution, {"Ministère de l'intérieur"}, "FR"), "Q900000201");
  EXPECT_EQ(index->find(EntityType::Institution, {"OF"}, "MA"), "Q900000202");  // international: any country
}

TEST(IndexFile, VersionLineIsChecked) {
  TempDir dir;
  Diagnostics diags;
  const std::string rows =
      std::string(WikidataIndex::kHeader) + "\nQ900000101\tperson\t\tJean Dupont\t\t\t\ttest\n";

  write_file(dir / "v2.tsv", "# entente-wikidata-index 2\n" + rows);
  EXPECT_FALSE(WikidataIndex::load(dir / "v2.tsv", diags));
  ASSERT_EQ(diags.size(), 1U);
  EXPECT_EQ(diags[0].severity, entente::Severity::error);
  EXPECT_EQ(diags[0].where.file, (dir / "v2.tsv").string() + ":1");
  EXPECT_NE(diags[0].message.find("version 2"), std::string::npos) << diags[0].message;

  diags.clear();
  write_file(dir / "none.tsv", rows);
  EXPECT_FALSE(WikidataIndex::load(dir / "none.tsv", diags));
  ASSERT_EQ(diags.size(), 1U);
  EXPECT_EQ(diags[0].where.file, (dir / "none.tsv").string() + ":1");
  EXPECT_NE(diags[0].message.find(WikidataIndex::kVersionLine), std::string::npos);

  diags.clear();
  write_file(dir / "v1.tsv", std::string(WikidataIndex::kVersionLine) + "\n" + rows);
  auto index = WikidataIndex::load(dir / "v1.tsv", diags);
  ASSERT_TRUE(index) << messages(diags);
  EXPECT_EQ(index->size(), 1U);
  EXPECT_TRUE(diags.empty());
}

TEST(IndexFile, BadRowsAreRejectedWithTheirLine) {
  Diagnostics diags;
  auto index = WikidataIndex::parse(header() +                                             // lines 1-3
                                        "Q900000101\tperson\t\tJean Dupont\t\t\t\ttest\n"  // 4
                                        "X1\tperson\t\tA B\t\t\t\ttest\n"                  // 5
                                        "Q900000102\tplanet\t\tA B\t\t\t\ttest\n"          // 6
                                        "Q900000103\tperson\tbel\tA B\t\t\t\ttest\n"       // 7
                                        "Q900000104\tperson\t\t\t\t\t\ttest\n"             // 8
                                        "Q900000105\tperson\t\tA B\t\t\t\t\n"              // 9
                                        "Q900000101\tperson\t\tA B\t\t\t\ttest\n"          // 10
                                        "Q900000106\tperson\t\tA B\n",                     // 11
                                    "bad.tsv", diags);
  EXPECT_FALSE(index);
  ASSERT_EQ(diags.size(), 7U) << messages(diags);
  for (std::size_t i = 0; i < diags.size(); ++i) {
    EXPECT_EQ(diags[i].where.file, "bad.tsv:" + std::to_string(i + 5)) << messages(diags);
  }
  EXPECT_NE(diags[5].message.find("already on line 4"), std::string::npos);
}

TEST(IndexFile, AWrongHeaderRowIsRejected) {
  Diagnostics diags;
  auto index =
      WikidataIndex::parse(std::string(WikidataIndex::kVersionLine) + "\nqid\tlabel\n", "h.tsv", diags);
  EXPECT_FALSE(index);
  ASSERT_EQ(diags.size(), 1U);
  EXPECT_EQ(diags[0].where.file, "h.tsv:2");
}

TEST(IndexFile, AMissingFileIsAnError) {
  Diagnostics diags;
  EXPECT_FALSE(WikidataIndex::load("/nonexistent/entente-index.tsv", diags));
  ASSERT_EQ(diags.size(), 1U);
  EXPECT_EQ(diags[0].where.file, "/nonexistent/entente-index.tsv");
}

// ---- dump import --------------------------------------------------------------

void check_import(const fs::path& dump, const fs::path& out) {
  Diagnostics diags;
  auto stats = entente::graph::import_wikidata_dump(dump, out, diags);
  ASSERT_TRUE(stats) << messages(diags);
  EXPECT_EQ(stats->lines, 17U);
  EXPECT_EQ(stats->kept, 7U);
  EXPECT_EQ(stats->malformed, 3U);
  ASSERT_EQ(diags.size(), 3U) << messages(diags);
  const std::size_t malformed_lines[] = {5, 10, 11};
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(diags[i].severity, entente::Severity::warning);
    EXPECT_EQ(diags[i].where.file, dump.string() + ":" + std::to_string(malformed_lines[i]));
  }
  EXPECT_FALSE(fs::exists(fs::path(out.string() + ".tmp")));

  diags.clear();
  auto index = WikidataIndex::load(out, diags);
  ASSERT_TRUE(index) << messages(diags);
  EXPECT_EQ(index->size(), 7U);
  EXPECT_EQ(index->find(EntityType::Person, {"Jeanne Exemple"}, ""), "Q900000002");
  EXPECT_EQ(index->find(EntityType::Person, {"J. Exemple", "Jeanne Exemple"}, "ZZ"), "Q900000002");
  EXPECT_EQ(index->find(EntityType::Person, {"Jeanne Exemple"}, "BE"), "");
  EXPECT_EQ(index->find(EntityType::Country, {"Fictonia"}, "ZZ"), "Q900000001");
  EXPECT_EQ(index->find(EntityType::Country, {"République de Fictonie"}, ""), "Q900000001");
  EXPECT_EQ(index->find(EntityType::Institution, {"Agence fictive de coopération"}, "BE"), "Q900000005");
  EXPECT_EQ(index->find(EntityType::Institution, {"AFC"}, "BE"), "Q900000005");
  EXPECT_EQ(index->find(EntityType::Institution, {"FIO"}, "MA"), "Q900000006");
  EXPECT_EQ(index->find(EntityType::Institution, {"Fictional Ministry of Foreign Affairs"}, "ZZ"),
            "Q900000013");
  EXPECT_EQ(index->find(EntityType::Person, {"Jean Homonyme"}, ""), "");
  EXPECT_EQ(index->find(EntityType::Person, {"Jean Homonyme"}, "FR"), "Q900000011");
  EXPECT_EQ(index->find(EntityType::Person, {"Jean Homonyme"}, "BE"), "Q900000012");
  for (const char* absent : {"Q900000003", "Q900000004", "Q900000007", "Q900000008", "Q900000010"}) {
    EXPECT_EQ(index->item(absent), nullptr) << absent;
  }
  const auto* person = index->item("Q900000002");
  ASSERT_NE(person, nullptr);
  EXPECT_EQ(person->type, WikidataType::person);
  EXPECT_EQ(person->countries, std::vector<std::string>{"ZZ"});
  EXPECT_EQ(person->aliases_fr, std::vector<std::string>{"J. Exemple"});
  EXPECT_EQ(person->source, "Wikidata dump " + dump.filename().string() + " line 3");
  EXPECT_TRUE(index->item("Q900000006")->countries.empty());  // international: its seat is not its country
  EXPECT_EQ(index->item("Q900000011")->countries, std::vector<std::string>{"FR"});  // preferred rank only
}

TEST(Import, PlainJsonDump) {
  TempDir dir;
  check_import(kFixture, dir / "index.tsv");
}

TEST(Import, GzipDumpOfTwoMembers) {
  TempDir dir;
  write_gzip(dir / "mini-dump.json.gz", read_file(kFixture));
  check_import(dir / "mini-dump.json.gz", dir / "index.tsv");
}

TEST(Import, Bzip2DumpOfTwoStreams) {
  TempDir dir;
  write_bzip2(dir / "mini-dump.json.bz2", read_file(kFixture));
  check_import(dir / "mini-dump.json.bz2", dir / "index.tsv");
}

TEST(Import, AllFormatsGiveTheSameRows) {
  TempDir dir;
  const std::string text = read_file(kFixture);
  write_file(dir / "d.json", text);
  write_gzip(dir / "d.json.gz", text);
  write_bzip2(dir / "d.json.bz2", text);
  std::vector<std::string> outs;
  for (const char* name : {"d.json", "d.json.gz", "d.json.bz2"}) {
    Diagnostics diags;
    ASSERT_TRUE(entente::graph::import_wikidata_dump(dir / name, dir / "out.tsv", diags)) << messages(diags);
    std::string out = read_file(dir / "out.tsv");
    // The dump's file name is in the comments and sources; the rest must match.
    for (std::size_t p = 0; (p = out.find(name, p)) != std::string::npos;)
      out.replace(p, std::strlen(name), "DUMP");
    outs.push_back(out);
  }
  EXPECT_EQ(outs[0], outs[1]);
  EXPECT_EQ(outs[0], outs[2]);
}

// Found by fuzz_wikidata: a rank or a snak type that is not a string threw
// out of the importer (a crash); now the statement is read as best it can be,
// and any other value of an unexpected type makes its line malformed.
TEST(Import, ValuesOfUnexpectedTypesAreMalformedLinesNotACrash) {
  TempDir dir;
  const std::string claims =
      R"("claims":{"P31":[{"rank":7,"mainsnak":{"snaktype":"value","datavalue":{"value":{"id":"Q5"}}}}],)"
      R"("P39":[{"mainsnak":{"snaktype":["value"],"datavalue":{"value":{"id":"Q83307"}}}}]})";
  write_file(dir / "odd.json",
             "[\n"
             R"({"type":"item","id":"Q900000001","labels":{"fr":{"language":"fr","value":"Jeanne Fictive"}},)" +
                 claims + "},\n" +
                 R"({"type":"item","id":"Q900000002","labels":{"fr":{"language":"fr","value":5}},)" + claims +
                 "}\n]\n");
  Diagnostics diags;
  auto stats = entente::graph::import_wikidata_dump(dir / "odd.json", dir / "index.tsv", diags);
  ASSERT_TRUE(stats) << messages(diags);
  EXPECT_EQ(stats->lines, 4U);
  EXPECT_LE(stats->malformed, 1U) << messages(diags);
  for (const auto& d : diags) EXPECT_EQ(d.severity, entente::Severity::warning) << messages(diags);
}

TEST(Import, ACorruptDumpIsAnErrorAndLeavesTheIndexAlone) {
  TempDir dir;
  write_file(dir / "index.tsv", "old");
  std::string gz;
  write_gzip(dir / "full.json.gz", read_file(kFixture));
  gz = read_file(dir / "full.json.gz");
  write_file(dir / "cut.json.gz", std::string_view(gz).substr(0, gz.size() / 3));
  write_file(dir / "bad.json.bz2", "this is not bzip2 data at all\n");
  for (const char* name : {"cut.json.gz", "bad.json.bz2", "missing.json"}) {
    Diagnostics diags;
    EXPECT_FALSE(entente::graph::import_wikidata_dump(dir / name, dir / "index.tsv", diags)) << name;
    ASSERT_FALSE(diags.empty()) << name;
    EXPECT_EQ(diags.back().severity, entente::Severity::error) << name;
    EXPECT_EQ(diags.back().where.file.rfind((dir / name).string(), 0), 0U) << messages(diags);
    EXPECT_EQ(read_file(dir / "index.tsv"), "old") << name;
    EXPECT_FALSE(fs::exists(dir / "index.tsv.tmp")) << name;
  }
}

// ---- link_wikidata ------------------------------------------------------------

entente::extract::Entity entity(EntityType type, std::string name, std::string key = "",
                                std::string country = "", std::string qid = "") {
  entente::extract::Entity e;
  e.type = type;
  e.name = std::move(name);
  e.key = std::move(key);
  e.country = std::move(country);
  e.qid = std::move(qid);
  return e;
}

const entente::graph::Node* node(const entente::graph::KnowledgeGraph& kg, std::string_view label) {
  const auto& g = kg.graph();
  for (auto v : boost::make_iterator_range(boost::vertices(g))) {
    if (g[v].label == label) return &g[v];
  }
  return nullptr;
}

TEST(LinkWikidata, LinksTheNodesTheIndexKnows) {
  entente::graph::KnowledgeGraph kg("https://example.org/id/");
  entente::extract::Document a;
  a.id = "a.txt";
  a.text = "test";
  a.entities.push_back(entity(EntityType::Country, "Belgique", "BE"));
  a.entities.push_back(entity(EntityType::Person, "Jan Jambon"));
  a.entities.push_back(entity(EntityType::Person, "Philippe"));  // a single name: country from its edge
  a.entities.push_back(entity(EntityType::Institution, "Organisation internationale pour les migrations",
                              "iom", "", "Q999"));  // a wrong gazetteer QID: the index replaces it
  a.entities.push_back(
      entity(EntityType::Institution, "Police fédérale", "be-police", "BE", "Q4242"));  // kept
  a.entities.push_back(entity(EntityType::Place, "Bruxelles"));
  a.entities.push_back(entity(EntityType::Person, "Mohammed"));  // a lone name, no country: never
  entente::extract::Relation r;
  r.predicate = entente::extract::Predicate::country;
  r.subject = 2;
  r.object = 0;
  a.relations.push_back(r);
  kg.add(a);

  entente::extract::Document b;
  b.id = "b.txt";
  b.text = "test";
  b.entities.push_back(entity(EntityType::Country, "Royaume du Maroc", "MA"));
  b.entities.push_back(entity(EntityType::Person, "Aziz Akhannouch", "", "MA"));
  b.entities.push_back(entity(EntityType::Institution, "HCR"));
  kg.add(b);

  const std::size_t linked = entente::graph::link_wikidata(kg, WikidataIndex::builtin());
  EXPECT_EQ(node(kg, "Belgique")->qid, "Q31");
  EXPECT_EQ(node(kg, "Royaume du Maroc")->qid, "Q1028");
  EXPECT_EQ(node(kg, "Jan Jambon")->qid, "Q1865725");
  EXPECT_EQ(node(kg, "Philippe")->qid, "Q155004");
  EXPECT_EQ(node(kg, "Aziz Akhannouch")->qid, "Q1638114");
  EXPECT_EQ(node(kg, "Organisation internationale pour les migrations")->qid, "Q472311");
  EXPECT_EQ(node(kg, "HCR")->qid, "Q132551");
  EXPECT_EQ(node(kg, "Police fédérale")->qid, "Q4242");
  EXPECT_EQ(node(kg, "Bruxelles")->qid, "");
  EXPECT_EQ(node(kg, "Mohammed")->qid, "");
  EXPECT_EQ(linked, 7U);
  // Idempotent.
  EXPECT_EQ(entente::graph::link_wikidata(kg, WikidataIndex::builtin()), 7U);
  EXPECT_EQ(node(kg, "Philippe")->qid, "Q155004");
}

TEST(LinkWikidata, AnEmptyIndexKeepsEveryQid) {
  entente::graph::KnowledgeGraph kg("https://example.org/id/");
  entente::extract::Document a;
  a.id = "a.txt";
  a.entities.push_back(entity(EntityType::Country, "Belgique", "BE", "", "Q31"));
  kg.add(a);
  EXPECT_EQ(entente::graph::link_wikidata(kg, WikidataIndex()), 0U);
  EXPECT_EQ(node(kg, "Belgique")->qid, "Q31");
}

}  // namespace
