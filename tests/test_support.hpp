// What tests share (so far turtle_test, graphml_test and formats_test):
// hand-made documents, a temporary directory, files, and running a tool.
//
// Header-only; each test binary includes it once. The tools' paths come from
// the ENTENTE_* macros that tests/CMakeLists.txt defines.
#pragma once
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "command_support.hpp"
#include "entente/extract/document.hpp"

namespace entente::testing {

namespace fs = std::filesystem;

// ---- Input -------------------------------------------------------------------

inline extract::Entity entity(extract::EntityType type, std::string name, std::string key = {},
                              std::string country = {}, std::string qid = {}) {
  extract::Entity e;
  e.type = type;
  e.name = std::move(name);
  e.key = std::move(key);
  e.country = std::move(country);
  e.qid = std::move(qid);
  return e;
}

/// A relation of `d`, read from sentence `sentence`.
inline void relate(extract::Document& d, extract::Predicate p, int subject, int object,
                   std::uint32_t sentence = 0) {
  extract::Relation r;
  r.predicate = p;
  r.subject = subject;
  r.object = object;
  r.sentence = sentence;
  r.stage = "test";
  d.relations.push_back(r);
}

/// A document whose whole text is one sentence.
inline extract::Document with_text(std::string id, std::string text) {
  extract::Document d;
  d.id = std::move(id);
  d.path = "corpus/" + d.id;
  d.text = std::move(text);
  extract::Sentence s;
  s.span = {0, d.text.size()};
  d.sentences.push_back(s);
  return d;
}

// ---- Files and tools -----------------------------------------------------------

#ifdef ENTENTE_LV2_SCHEMAS
/// sord_validate with lv2's W3C schemas, ontology/schemas/*.ttl (sorted),
/// ontology/coop.ttl and `file`; expects no error, in the test that calls it.
inline void expect_sord_validate_finds_no_errors(const fs::path& file, const fs::path& err_file) {
  const fs::path source = ENTENTE_SOURCE_DIR;
  std::vector<std::string> argv = {ENTENTE_SORD_VALIDATE};
  for (const char* name : {"rdf.ttl", "rdfs.ttl", "owl.ttl", "xsd.ttl", "dct.ttl", "foaf.ttl"}) {
    argv.push_back((fs::path(ENTENTE_LV2_SCHEMAS) / name).string());
  }
  std::vector<std::string> local;
  for (const auto& entry : fs::directory_iterator(source / "ontology" / "schemas")) {
    if (entry.path().extension() == ".ttl") local.push_back(entry.path().string());
  }
  std::sort(local.begin(), local.end());
  argv.insert(argv.end(), local.begin(), local.end());
  argv.push_back((source / "ontology" / "coop.ttl").string());
  argv.push_back(file.string());
  const ToolRun r = run(argv, err_file);
  const std::string all = r.out + r.err;
  EXPECT_EQ(r.status, 0) << all;
  EXPECT_EQ(all.find("error:"), std::string::npos) << all;
  EXPECT_EQ(all.find("does not match"), std::string::npos) << all;
  EXPECT_NE(all.find("Found 0 errors"), std::string::npos) << all;
}
#endif

}  // namespace entente::testing
