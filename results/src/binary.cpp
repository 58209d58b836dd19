// The binary form of a record (results.hpp: to_binary, from_binary), for the
// record caches of a state folder: the same fields as a JSON record line, the
// head first (name, place, metadata, fingerprint, diagnostics) and then the
// body (entities, relations, text, stretches), each integer as a LEB128 varint (zigzag when it may be -1),
// each string and list as its length then its items. Reading it back checks
// every length against the bytes left and every index as from_line does.
#include "bytes.hpp"
#include "entente/ingest/text.hpp"
#include "entente/results/results.hpp"

namespace entente::results {
using namespace bytes;
namespace {

bool utf8(const std::string& s) { return ingest::valid_utf8(s); }

}  // namespace

bool all_utf8(const Record& r) {
  const graph::DocumentFacts& f = r.facts;
  const extract::Metadata& m = f.meta;
  for (const std::string* s : {&f.id, &f.path, &m.url, &m.title, &m.date, &m.publisher, &m.language, &f.first_line,
                               &r.evidence.text})
    if (!utf8(*s)) return false;
  for (const auto& e : f.entities) {
    for (const std::string* s : {&e.name, &e.key, &e.country, &e.qid, &e.kind, &e.date, &e.date_end})
      if (!utf8(*s)) return false;
    for (const auto& l : e.labels)
      if (!utf8(l)) return false;
    for (const auto& role : e.roles)
      if (!utf8(role.title)) return false;
  }
  for (const auto& rel : f.relations)
    if (!utf8(rel.stage)) return false;
  for (const auto& d : r.diagnostics)
    if (!utf8(d.where.file) || !utf8(d.message) || !utf8(d.kind)) return false;
  return true;
}

void to_binary(const Record& r, std::uint32_t file_index, std::string& out) {
  const graph::DocumentFacts& f = r.facts;
  put(out, f.id);
  put(out, f.path);
  put(out, file_index);
  put(out, r.ordinal);
  put(out, r.content);
  put(out, f.meta.url);
  put(out, f.meta.title);
  put(out, f.meta.date);
  put(out, f.meta.publisher);
  put(out, f.meta.language);
  put(out, f.meta.dateline ? 1 : 0);
  put(out, f.first_line);
  put(out, f.length);
  put(out, r.fingerprint.exact);
  put(out, r.fingerprint.words);
  for (const std::uint32_t v : r.fingerprint.sketch) put(out, v);
  put(out, r.diagnostics.size());
  for (const auto& d : r.diagnostics) {
    put(out, d.severity == Severity::error ? 1 : 0);
    put(out, d.where.file);
    put_position(out, d.where.offset);
    put_position(out, d.where.line);
    put_position(out, d.where.record);
    put(out, d.message);
    put(out, d.kind);
  }
  put(out, f.entities.size());
  for (const auto& e : f.entities) {
    put(out, static_cast<std::uint64_t>(e.type));
    put(out, e.name);
    put(out, e.labels.size());
    for (const auto& l : e.labels) put(out, l);
    put(out, e.key);
    put(out, e.country);
    put(out, e.qid);
    put(out, e.roles.size());
    for (const auto& role : e.roles) {
      put(out, role.title);
      put_signed(out, role.institution);
    }
    put(out, e.kind);
    put(out, e.date);
    put(out, e.date_end);
  }
  put(out, f.relations.size());
  for (std::size_t i = 0; i < f.relations.size(); ++i) {
    const auto& rel = f.relations[i];
    put(out, static_cast<std::uint64_t>(rel.predicate));
    put_signed(out, rel.subject);
    put_signed(out, rel.object);
    put(out, rel.sentence);
    put(out, rel.stage);
    const auto span = i < f.sentences.size() ? f.sentences[i] : std::pair<std::uint32_t, std::uint32_t>{};
    put(out, span.first);
    put(out, span.second);
  }
  put(out, r.evidence.text);
  put(out, r.evidence.stretches.size());
  for (const auto& s : r.evidence.stretches) {
    put(out, s.begin);
    put(out, s.end);
    put(out, s.byte_begin);
    put(out, s.byte_end);
    put(out, s.entities.size());
    for (const auto e : s.entities) put(out, e);
    put(out, s.relations.size());
    for (const auto e : s.relations) put(out, e);
  }
}

std::string from_binary(std::string_view bytes, const std::vector<ingest::InputFile>& files, Record& r,
                        const BodyWanted& wanted) {
  try {
    Bytes in(bytes);
    r = Record{};
    graph::DocumentFacts& f = r.facts;
    in.text(f.id);
    in.text(f.path);
    const auto file = in.whole<std::size_t>();
    if (file >= files.size()) return "its input file (" + std::to_string(file) + ") is not in the end line's list";
    r.input = files[file];
    r.ordinal = in.whole<std::uint64_t>();
    r.content = in.whole<std::uint64_t>();
    in.text(f.meta.url);
    in.text(f.meta.title);
    in.text(f.meta.date);
    in.text(f.meta.publisher);
    in.text(f.meta.language);
    f.meta.dateline = in.whole<std::uint8_t>() != 0;
    in.text(f.first_line);
    f.length = in.whole<std::uint32_t>();
    r.fingerprint.exact = in.whole<std::uint64_t>();
    r.fingerprint.words = in.whole<std::uint32_t>();
    for (std::uint32_t& v : r.fingerprint.sketch) v = in.whole<std::uint32_t>();
    r.diagnostics.resize(in.count(7));
    for (auto& d : r.diagnostics) {
      d.severity = in.whole<std::uint8_t>() == 1 ? Severity::error : Severity::warning;
      in.text(d.where.file);
      d.where.offset = in.position();
      d.where.line = in.position();
      d.where.record = in.position();
      in.text(d.message);
      in.text(d.kind);
    }
    // The head read: the rest only when it is wanted.
    if (wanted && !wanted(r)) return {};
    f.entities.resize(in.count(10));
    for (auto& e : f.entities) {
      const auto type = in.whole<std::uint8_t>();
      if (type >= 5) return "unknown entity type " + std::to_string(type);
      e.type = static_cast<extract::EntityType>(type);
      in.text(e.name);
      e.labels.resize(in.count());
      for (auto& l : e.labels) in.text(l);
      in.text(e.key);
      in.text(e.country);
      in.text(e.qid);
      e.roles.resize(in.count(2));
      for (auto& role : e.roles) {
        in.text(role.title);
        role.institution = in.whole<int>();
      }
      in.text(e.kind);
      in.text(e.date);
      in.text(e.date_end);
    }
    const auto entity_count = static_cast<int>(f.entities.size());
    f.relations.resize(in.count(7));
    for (auto& rel : f.relations) {
      const auto predicate = in.whole<std::uint8_t>();
      if (predicate >= 6) return "unknown predicate " + std::to_string(predicate);
      rel.predicate = static_cast<extract::Predicate>(predicate);
      rel.subject = in.whole<int>();
      rel.object = in.whole<int>();
      if (rel.subject < -1 || rel.subject >= entity_count || rel.object < -1 || rel.object >= entity_count)
        return "a relation names an entity the record does not have";
      rel.sentence = in.whole<std::uint32_t>();
      in.text(rel.stage);
      const auto begin = in.whole<std::uint32_t>();
      f.sentences.emplace_back(begin, in.whole<std::uint32_t>());
    }
    in.text(r.evidence.text);
    r.evidence.stretches.resize(in.count(6));
    for (auto& s : r.evidence.stretches) {
      s.begin = in.whole<std::uint32_t>();
      s.end = in.whole<std::uint32_t>();
      s.byte_begin = in.whole<std::uint32_t>();
      s.byte_end = in.whole<std::uint32_t>();
      if (s.begin > s.end || s.byte_begin > s.byte_end || s.byte_end > r.evidence.text.size() || s.end > f.length)
        return "a stretch lies outside the text";
      s.entities = in.wholes<std::uint32_t>();
      s.relations = in.wholes<std::uint32_t>();
      for (auto e : s.entities)
        if (e >= f.entities.size()) return "a stretch names an entity the record does not have";
      for (auto e : s.relations)
        if (e >= f.relations.size()) return "a stretch names a relation the record does not have";
    }
    if (!in.done()) return "bytes after the record";
  } catch (const Broken& b) {
    return b.why;
  }
  return {};
}

}  // namespace entente::results
