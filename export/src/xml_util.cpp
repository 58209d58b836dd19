// What the XML writers share (xml_util.hpp).
#include "xml_util.hpp"

#include <libxml/parser.h>

#include <memory>
#include <mutex>

#include "entente/export/atomic_file.hpp"
#include "text.hpp"

namespace entente::exporter {
namespace {

const xmlChar* xml(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

/// The XML 1.0 Char production.
bool xml_char(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/// Sends libxml2's output to the AtomicFile. A failed write is recorded there
/// (and later writes ignored) but not reported to libxml2, which would print it:
/// write_xml_file() checks the file at the end, and only the command line prints.
int write_to_file(void* context, const char* buffer, int len) {
  auto* file = static_cast<AtomicFile*>(context);
  if (len > 0) file->write(std::string_view(buffer, static_cast<std::size_t>(len)));
  return len;
}

struct WriterDeleter {
  void operator()(xmlTextWriter* w) const { xmlFreeTextWriter(w); }
};

}  // namespace

std::string xml_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Unit u = utf8_unit(text, i);
    if (u.well_formed && xml_char(u.code_point)) out.append(text.substr(i, u.size));
    i += u.size;
  }
  return out;
}

void Xml::start(const char* element) {
  if (ok_) check(xmlTextWriterStartElement(w_, xml(element)));
}

void Xml::end() {
  if (ok_) check(xmlTextWriterEndElement(w_));
}

void Xml::attribute(const char* name, std::string_view value) {
  if (ok_) check(xmlTextWriterWriteAttribute(w_, xml(name), xml(std::string(value).c_str())));
}

void Xml::attribute_text(const char* name, std::string_view value) { attribute(name, xml_text(value)); }

void Xml::text(std::string_view value) {
  const std::string filtered = xml_text(value);
  if (ok_ && !filtered.empty()) check(xmlTextWriterWriteString(w_, xml(filtered.c_str())));
}

std::string write_xml_file(const std::filesystem::path& file, std::string_view what,
                           const std::function<void(Xml&)>& body) {
  // libxml2 sets up its globals (the encoding handlers that
  // xmlTextWriterStartDocument looks up) on first use, which is not thread-safe,
  // and GraphML and GEXF are written on two threads: once, before any writer
  // (found by the ASan pass: a crash in xmlTextWriterStartDocument).
  static std::once_flag libxml2_ready;
  std::call_once(libxml2_ready, [] { xmlInitParser(); });
  AtomicFile out(file);
  if (!out.ok()) return out.error();
  std::string cannot_set_up = file.string() + ": cannot set up the " + std::string(what) + " writer";

  xmlOutputBufferPtr buffer = xmlOutputBufferCreateIO(write_to_file, nullptr, &out, nullptr);
  if (buffer == nullptr) return cannot_set_up;
  std::unique_ptr<xmlTextWriter, WriterDeleter> writer(xmlNewTextWriter(buffer));
  if (writer == nullptr) {
    xmlOutputBufferClose(buffer);
    return cannot_set_up;
  }

  Xml x(writer.get());
  x.check(xmlTextWriterSetIndent(writer.get(), 1));
  x.check(xmlTextWriterSetIndentString(writer.get(), xml("  ")));
  if (x.ok()) x.check(xmlTextWriterStartDocument(writer.get(), "1.0", "UTF-8", nullptr));
  body(x);
  if (x.ok()) x.check(xmlTextWriterEndDocument(writer.get()));
  if (x.ok()) x.check(xmlTextWriterFlush(writer.get()));
  writer.reset();  // closes the output buffer, which flushes into `out`

  if (!out.ok()) return out.error();
  if (!x.ok()) return file.string() + ": cannot write " + std::string(what);
  if (!out.commit()) return out.error();
  return {};
}

}  // namespace entente::exporter
