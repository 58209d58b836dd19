// Internal to entente_export (see entente/export/writers.hpp): what the XML
// writers (GraphML, GEXF) share. libxml2's xmlTextWriter escapes markup but
// passes on characters that XML 1.0 forbids, so every text from the corpus
// goes through xml_text() first; output streams into an AtomicFile.
//
// THREAD SAFETY: none; one Xml per file being written.
#pragma once
#include <libxml/xmlwriter.h>

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace entente::exporter {

/// `text` without what XML 1.0 forbids: ill-formed UTF-8 (dropped), C0
/// controls other than tab, LF and CR, surrogates, U+FFFE and U+FFFF.
std::string xml_text(std::string_view text);

/// WHAT IT REPRESENTS: thin checked calls on an xmlTextWriter. After the first
/// failure every further call does nothing and ok() stays false.
class Xml {
 public:
  explicit Xml(xmlTextWriterPtr w) : w_(w) {}
  bool ok() const { return ok_; }
  void check(int rc) {
    if (rc < 0) ok_ = false;
  }

  void start(const char* element);
  void end();
  /// An attribute whose value is ours (ASCII ids, names, numbers), not the corpus's.
  void attribute(const char* name, std::string_view value);
  /// An attribute whose value comes from the corpus: filtered by xml_text, then escaped.
  void attribute_text(const char* name, std::string_view value);
  /// Element content from the corpus: filtered by xml_text, then escaped.
  void text(std::string_view value);

 private:
  xmlTextWriterPtr w_;
  bool ok_ = true;
};

/// Writes `file` atomically as an indented UTF-8 XML document whose elements
/// `body` writes. `what` names the format in messages ("GraphML").
/// Returns "" on success, else a message naming the file.
std::string write_xml_file(const std::filesystem::path& file, std::string_view what,
                           const std::function<void(Xml&)>& body);

}  // namespace entente::exporter
