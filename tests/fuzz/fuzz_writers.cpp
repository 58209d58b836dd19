// libFuzzer target: every writer fed hostile labels. The bytes, cut at each
// NUL, give the names of a document's entities (persons, institutions,
// countries, agreements, places in turn), an agreement's kind and date, and
// the document's name, title, URL, outlet, date and language; entities are
// related in a chain. The graph is written in every format (and report.html)
// into a scratch folder: nothing may crash, leak or trip a sanitizer, whatever
// the bytes (ill-formed UTF-8, controls, markup, quotes, huge strings).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "scratch.hpp"
#include "entente/export/writers.hpp"
#include "entente/extract/document.hpp"
#include "entente/graph/graph.hpp"


extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace ex = entente::extract;
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < size && parts.size() < 24; ++i) {
    if (data[i] == 0) parts.emplace_back();
    else parts.back() += static_cast<char>(data[i]);
  }
  const auto part = [&](std::size_t i) { return i < parts.size() ? parts[i] : std::string(); };

  ex::Document d;
  d.id = part(0);
  d.path = "fuzz/" + d.id;
  d.meta.title = part(1);
  d.meta.url = part(2);
  d.meta.publisher = part(3);
  d.meta.date = part(4);
  d.meta.language = part(5);
  d.text = d.meta.title + "\n" + part(6);
  d.source = d.text;
  d.source_offset.resize(d.text.size() + 1);
  for (std::size_t i = 0; i < d.source_offset.size(); ++i) d.source_offset[i] = static_cast<std::uint32_t>(i);
  ex::Sentence s;
  s.span = {0, d.text.size()};
  d.sentences.push_back(s);
  static constexpr ex::EntityType kTypes[] = {ex::EntityType::Person, ex::EntityType::Institution,
                                              ex::EntityType::Country, ex::EntityType::Agreement,
                                              ex::EntityType::Place};
  for (std::size_t i = 7; i < parts.size(); ++i) {
    ex::Entity e;
    e.type = kTypes[(i - 7) % 5];
    e.name = parts[i];
    e.labels = {parts[i] + " (alias)"};
    if (e.type == ex::EntityType::Agreement) {
      e.kind = part(6);
      e.date = part(4);
    }
    if (e.type == ex::EntityType::Person) e.roles.push_back({part(1), -1});
    d.entities.push_back(std::move(e));
  }
  static constexpr ex::Predicate kRelation[] = {ex::Predicate::memberOf, ex::Predicate::country,
                                                ex::Predicate::cooperatesWith, ex::Predicate::party,
                                                ex::Predicate::signatory};
  for (std::size_t i = 1; i < d.entities.size(); ++i) {
    ex::Relation r;
    r.predicate = kRelation[i % 5];
    r.subject = static_cast<int>(i - 1);
    r.object = static_cast<int>(i);
    r.sentence = 0;
    r.stage = "fuzz";
    d.relations.push_back(r);
  }

  entente::graph::KnowledgeGraph kg("https://w3id.org/entente/id/", true);
  kg.add(d);
  kg.finish();
  namespace out = entente::exporter;
  for (const auto format : out::kFormats) {
    (void)out::write(kg, format, entente::fuzz::scratch("writers") / ("graph." + std::string(out::extension(format))));
  }
  (void)out::write_report(kg, entente::fuzz::scratch("writers") / "report.html", nullptr);
  return 0;
}
