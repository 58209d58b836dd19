// The main text of a web page and its metadata, with Gumbo (see html.hpp).
//
// Three passes over the parsed tree, all iterative (a page nested thousands
// deep must not exhaust the stack):
//  1. metadata: <title>, <meta>, <link rel="canonical">, <html lang>,
//     JSON-LD scripts; the <h1>s;
//  2. boilerplate: the elements that are never article text (navigation,
//     asides, forms, scripts, share buttons, cookie notices, comments,
//     related links), by tag, ARIA role and class or id words;
//  3. the article's element (its itemprop body, the <article> or <main> with
//     the most paragraph text, else the element whose paragraphs hold the
//     most text), read as blocks: one per paragraph, heading or list item,
//     leaving blocks that open a "related" list ("À lire aussi") with the
//     link lists after them, and blocks that are mostly links.
#include "entente/ingest/html.hpp"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "entente/ingest/ingest.hpp"
#include "strings.hpp"

namespace entente::ingest {
namespace {

using Node = GumboNode;

bool element(const Node* n) { return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE; }

std::string_view attr(const Node* n, const char* name) {
  if (!element(n)) return {};
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a == nullptr ? std::string_view() : std::string_view(a->value);
}

GumboTag tag(const Node* n) { return element(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN; }

/// The children of a node, as a span.
std::pair<Node* const*, std::size_t> children(const Node* n) {
  const GumboVector* v = nullptr;
  if (n->type == GUMBO_NODE_DOCUMENT) v = &n->v.document.children;
  else if (element(n)) v = &n->v.element.children;
  if (v == nullptr || v->length == 0) return {nullptr, 0};
  return {reinterpret_cast<Node* const*>(v->data), v->length};
}

/// Calls `visit(node)` on every node below `root` (root included) in
/// document order; when it returns false, the node's children are skipped.
template <typename Visit>
void walk(const Node* root, Visit&& visit) {
  std::vector<const Node*> stack = {root};
  while (!stack.empty()) {
    const Node* n = stack.back();
    stack.pop_back();
    if (!visit(n)) continue;
    const auto [kids, count] = children(n);
    for (std::size_t i = count; i > 0; --i) stack.push_back(kids[i - 1]);
  }
}

/// Elements whose text is never read.
bool silent(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

/// The text below a node, white space collapsed, silent elements left out.
std::string text_of(const Node* root) {
  std::string out;
  walk(root, [&](const Node* n) {
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
      out += n->v.text.text;
      return false;
    }
    if (element(n) && silent(tag(n)) && n != root) return false;
    if (tag(n) == GUMBO_TAG_BR) out += ' ';
    return true;
  });
  return collapse_spaces(out);
}

/// Block elements: each starts a paragraph of the text.
bool block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

bool heading(GumboTag t) {
  return t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3 || t == GUMBO_TAG_H4 || t == GUMBO_TAG_H5 ||
         t == GUMBO_TAG_H6;
}

// ------------------------------------------------------------- boilerplate ----

/// Words of class and id attributes that name page furniture. A word
/// matches a whole word of the attribute (split at '-', '_', ' ', case and
/// camelCase folded) when marked exact, else any part of it.
struct FurnitureWord {
  const char* word;
  bool exact;
};
constexpr FurnitureWord kFurniture[] = {
    {"nav", true},          {"navbar", false},      {"navigation", false}, {"menu", true},
    {"menus", true},        {"sidebar", false},     {"aside", true},       {"footer", false},
    {"breadcrumb", false},  {"cookie", false},      {"consent", false},    {"gdpr", false},
    {"rgpd", false},        {"banner", true},       {"related", false},    {"lireaussi", false},
    {"readmore", false},    {"seealso", false},     {"voiraussi", false},  {"alire", false},
    {"share", false},       {"sharing", false},     {"social", false},     {"comment", false},
    {"comments", false},    {"commentaire", false}, {"disqus", false},     {"newsletter", false},
    {"subscribe", false},   {"abonnement", false},  {"promo", false},      {"advert", false},
    {"ad", true},           {"ads", true},          {"pub", true},         {"publicite", false},
    {"sponsor", false},     {"outbrain", false},    {"taboola", false},    {"widget", false},
    {"popular", false},     {"mostread", false},    {"pluslus", false},    {"trending", false},
    {"recommend", false},   {"tags", true},         {"pagination", false}, {"modal", true},
    {"popup", false},       {"overlay", true},      {"signup", false},     {"login", false},
    {"masthead", false},    {"skip", true},         {"toolbar", false},    {"print", true},
};

/// Words that keep an element whatever else its class says ("article-body",
/// "main-content", "post-content-with-comments").
constexpr const char* kContentWords[] = {"article", "content", "main", "body", "story", "entry", "post", "text", "chapo"};

/// The words of a class or id attribute: split at non-letters and at
/// lower-to-upper case changes, lower-cased.
std::vector<std::string> attribute_words(std::string_view value) {
  std::vector<std::string> words;
  std::string w;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (std::isalnum(c) == 0) {
      if (!w.empty()) words.push_back(std::move(w));
      w.clear();
      continue;
    }
    if (std::isupper(c) != 0 && !w.empty() && std::islower(static_cast<unsigned char>(value[i - 1])) != 0) {
      words.push_back(std::move(w));
      w.clear();
    }
    w.push_back(static_cast<char>(std::tolower(c)));
  }
  if (!w.empty()) words.push_back(std::move(w));
  return words;
}

/// Whether class and id words say the element is page furniture.
bool furniture_attributes(const Node* n) {
  std::vector<std::string> words = attribute_words(attr(n, "class"));
  const std::vector<std::string> id = attribute_words(attr(n, "id"));
  words.insert(words.end(), id.begin(), id.end());
  if (words.empty()) return false;
  std::string joined;  // "lire aussi" written "lire-aussi" is one word here
  for (const auto& w : words) joined += w;
  for (const auto& w : words)
    for (const char* keep : kContentWords)
      if (w == keep || (w.starts_with(keep) && w.size() <= std::strlen(keep) + 4 && w != "postscript")) {
        // "article", "articlebody", "contents": the article itself, unless it is
        // also explicitly "related" or a comment thread.
        bool related = false;
        for (const auto& v : words) related = related || v == "related" || v == "comments" || v == "comment" || v == "teaser";
        if (!related) return false;
      }
  for (const FurnitureWord& f : kFurniture) {
    if (f.exact) {
      for (const auto& w : words)
        if (w == f.word) return true;
    } else if (joined.find(f.word) != std::string::npos) {
      return true;
    }
  }
  return false;
}

/// Whether an element is never article text. `in_article`: it is inside an
/// <article> or <main> (where a <header> holds the headline, not the site's).
bool furniture(const Node* n, bool in_article) {
  switch (tag(n)) {
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_FIGURE:
      return true;
    case GUMBO_TAG_HEADER:
      if (!in_article) return true;
      break;
    default:
      if (silent(tag(n))) return true;
      break;
  }
  const std::string role = lower_ascii(attr(n, "role"));
  if (role == "navigation" || role == "complementary" || role == "contentinfo" || role == "banner" ||
      role == "search" || role == "dialog" || role == "alert" || role == "menu" || role == "menubar" ||
      role == "alertdialog")
    return true;
  if (attr(n, "aria-hidden") == "true" || gumbo_get_attribute(&n->v.element.attributes, "hidden") != nullptr)
    return true;
  const std::string style = lower_ascii(attr(n, "style"));
  if (style.find("display:none") != std::string::npos || style.find("display: none") != std::string::npos) return true;
  return furniture_attributes(n);
}

/// Text that opens a list of links to other articles ("À lire aussi").
bool related_cue(std::string_view folded) {
  static constexpr std::string_view kCues[] = {
      "a lire aussi", "lire aussi", "a lire egalement", "lire egalement", "a lire", "voir aussi", "a voir aussi",
      "a voir egalement", "sur le meme sujet", "sur le meme theme", "articles similaires", "articles lies",
      "articles associes", "dans la meme rubrique", "les plus lus", "plus d'articles", "a decouvrir",
      "vous aimerez aussi", "vous aimerez egalement", "vous pourriez aussi aimer", "lisez aussi", "nos derniers articles",
      "derniers articles", "a la une", "read also", "read more", "related", "see also", "en savoir plus",
      "pour aller plus loin", "ces articles peuvent vous interesser", "articles recommandes", "recommande pour vous"};
  for (std::string_view cue : kCues) {
    if (!folded.starts_with(cue)) continue;
    if (folded.size() == cue.size()) return true;
    const char next = folded[cue.size()];
    if (next == ' ' || next == ':' || next == '.' || next == '-' || next == '>' || next == '|') return true;
  }
  return false;
}

/// A cookie notice, a consent banner or a subscription prompt.
bool notice(std::string_view folded, std::size_t words) {
  if (words > 80) return false;
  const bool cookies = folded.find("cookie") != std::string_view::npos &&
                       (folded.find("accept") != std::string_view::npos || folded.find("consent") != std::string_view::npos ||
                        folded.find("navigation") != std::string_view::npos || folded.find("utilis") != std::string_view::npos);
  return cookies || folded.starts_with("abonnez-vous") || folded.starts_with("inscrivez-vous a notre newsletter") ||
         folded.starts_with("cet article est reserve aux abonnes");
}

// --------------------------------------------------------------- metadata ----

/// JSON-LD types of an article.
bool article_type(const nlohmann::json& type) {
  static constexpr std::string_view kTypes[] = {"NewsArticle", "Article", "ReportageNewsArticle",
                                                "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
                                                "ReviewNewsArticle", "BlogPosting", "Report", "LiveBlogPosting",
                                                "ScholarlyArticle", "TechArticle", "SatiricalArticle"};
  auto one = [](const nlohmann::json& t) {
    if (!t.is_string()) return false;
    std::string_view s = t.get_ref<const std::string&>();
    if (const auto slash = s.rfind('/'); slash != std::string_view::npos) s.remove_prefix(slash + 1);  // schema.org/NewsArticle
    for (std::string_view k : kTypes)
      if (s == k) return true;
    return false;
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), one);
  return one(type);
}

/// A string of JSON-LD: the string itself, or an object's "name", "@id" or "url".
std::string json_string(const nlohmann::json& j) {
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number_integer()) return std::to_string(j.get<long long>());
  if (j.is_array() && !j.empty()) return json_string(j.front());
  if (j.is_object()) {
    for (const char* k : {"name", "@id", "url", "alternateName", "@value"})
      if (auto it = j.find(k); it != j.end() && it->is_string()) return it->get<std::string>();
  }
  return {};
}

struct JsonLd {
  std::string headline, date, url, publisher, language, body;
  bool found = false;
};

/// The first article object of a JSON-LD script (arrays and @graph looked into).
void read_json_ld(std::string_view script, JsonLd& out) {
  if (out.found) return;
  const nlohmann::json root = nlohmann::json::parse(script.begin(), script.end(), nullptr, false);
  if (root.is_discarded()) return;
  std::vector<const nlohmann::json*> stack = {&root};
  std::size_t visited = 0;
  while (!stack.empty() && ++visited < 10000) {
    const nlohmann::json* j = stack.back();
    stack.pop_back();
    if (j->is_array()) {
      for (auto it = j->rbegin(); it != j->rend(); ++it) stack.push_back(&*it);
      continue;
    }
    if (!j->is_object()) continue;
    if (auto t = j->find("@type"); t != j->end() && article_type(*t)) {
      auto get = [&](std::initializer_list<const char*> keys) {
        for (const char* k : keys)
          if (auto it = j->find(k); it != j->end()) {
            std::string s = json_string(*it);
            if (!s.empty()) return s;
          }
        return std::string();
      };
      out.headline = collapse_spaces(get({"headline", "name", "alternativeHeadline"}));
      out.date = get({"datePublished", "dateCreated", "uploadDate"});
      out.url = get({"url", "mainEntityOfPage", "@id"});
      out.publisher = collapse_spaces(get({"publisher", "sourceOrganization", "provider"}));
      out.language = get({"inLanguage", "language"});
      out.body = get({"articleBody", "text"});
      out.found = true;
      return;
    }
    if (auto g = j->find("@graph"); g != j->end()) stack.push_back(&*g);
    if (auto m = j->find("mainEntity"); m != j->end()) stack.push_back(&*m);
  }
}

/// A <title> without the site's name after it ("Titre - Le Journal").
std::string clean_title(std::string title, const std::string& site) {
  for (std::string_view sep : {" | ", " - ", " – ", " — ", " :: ", " · "}) {
    const std::size_t at = title.rfind(sep);
    if (at == std::string::npos || at == 0) continue;
    const std::string tail = title.substr(at + sep.size());
    const auto words = static_cast<std::size_t>(std::count(tail.begin(), tail.end(), ' ')) + 1;
    if ((!site.empty() && fold(tail) == fold(site)) || words <= 4) {
      title.resize(at);
      break;
    }
  }
  return title;
}

/// Whether a <meta> name or property gives the publication date.
bool date_meta(std::string_view key) {
  static constexpr std::string_view kKeys[] = {
      "article:published_time", "og:article:published_time", "og:published_time", "datepublished", "date",
      "pubdate", "publishdate", "publish-date", "publish_date", "publication_date", "publication-date",
      "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created", "sailthru.date",
      "parsely-pub-date", "article.published", "article_date_original", "original-publish-date", "release_date",
      "cxenseparse:recs:publishtime", "date.created"};
  for (std::string_view k : kKeys)
    if (key == k) return true;
  return false;
}

/// The depth of the deepest nesting of elements, estimated from the tags
/// alone (void elements and self-closing tags left out): a guard against pages
/// that would make any tree walker recurse too deep.
std::size_t nesting_estimate(std::string_view html) {
  static constexpr std::string_view kVoid[] = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                                               "meta", "param", "source", "track", "wbr", "p", "li", "option"};
  long depth = 0, deepest = 0;
  for (std::size_t i = html.find('<'); i != std::string_view::npos && i + 1 < html.size(); i = html.find('<', i + 1)) {
    if (html[i + 1] == '/') {
      depth = std::max(0L, depth - 1);
      continue;
    }
    if (std::isalpha(static_cast<unsigned char>(html[i + 1])) == 0) continue;
    std::size_t j = i + 1;
    while (j < html.size() && std::isalnum(static_cast<unsigned char>(html[j])) != 0) ++j;
    const std::string name = lower_ascii(html.substr(i + 1, j - i - 1));
    if (std::find(std::begin(kVoid), std::end(kVoid), name) != std::end(kVoid)) continue;
    const std::size_t close = html.find('>', j);
    if (close != std::string_view::npos && close > 0 && html[close - 1] == '/') continue;
    deepest = std::max(deepest, ++depth);
  }
  return static_cast<std::size_t>(deepest);
}

/// The nesting above which a page is not parsed.
constexpr std::size_t kMaxNesting = 4000;

// ------------------------------------------------------------------- text ----

/// One paragraph of the text being read, and how much of it is link text.
struct Block {
  std::string text;
  std::size_t link_chars = 0;
  GumboTag tag = GUMBO_TAG_P;
  bool list_item = false;
};

/// Reads the blocks of the article's element, furniture left out.
class BlockReader {
 public:
  explicit BlockReader(const std::unordered_set<const Node*>& furniture) : furniture_(furniture) {}

  std::vector<Block> read(const Node* root) {
    struct Frame {
      const Node* node;
      bool leaving;
    };
    std::vector<Frame> stack = {{root, false}};
    while (!stack.empty()) {
      const Frame f = stack.back();
      stack.pop_back();
      const Node* n = f.node;
      if (f.leaving) {
        if (tag(n) == GUMBO_TAG_A) --in_link_;
        if (block(tag(n))) flush();
        if (tag(n) == GUMBO_TAG_TD || tag(n) == GUMBO_TAG_TH) current_.text += ' ';
        continue;
      }
      if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
        const std::size_t before = current_.text.size();
        current_.text += n->v.text.text;
        if (in_link_ > 0) current_.link_chars += current_.text.size() - before;
        continue;
      }
      if (!element(n) || furniture_.count(n) != 0) continue;
      const GumboTag t = tag(n);
      if (t == GUMBO_TAG_BR) {
        current_.text += '\n';
        continue;
      }
      if (block(t)) {
        flush();
        current_.tag = t;
        current_.list_item = t == GUMBO_TAG_LI;
      }
      if (t == GUMBO_TAG_A) ++in_link_;
      stack.push_back({n, true});
      const auto [kids, count] = children(n);
      for (std::size_t i = count; i > 0; --i) stack.push_back({kids[i - 1], false});
    }
    flush();
    return std::move(blocks_);
  }

 private:
  void flush() {
    Block b = std::move(current_);
    current_ = Block{};
    current_.tag = b.tag;
    // White space collapsed in each line; lines from <br> kept.
    std::string text;
    std::size_t start = 0;
    while (start <= b.text.size()) {
      std::size_t end = b.text.find('\n', start);
      if (end == std::string::npos) end = b.text.size();
      std::string line = collapse_spaces(std::string_view(b.text).substr(start, end - start));
      if (!line.empty()) {
        if (!text.empty()) text += '\n';
        text += line;
      }
      start = end + 1;
    }
    if (text.empty()) return;
    b.link_chars = std::min(b.link_chars, b.text.size());
    const double share = b.text.empty() ? 0.0 : static_cast<double>(b.link_chars) / static_cast<double>(b.text.size());
    b.link_chars = static_cast<std::size_t>(share * static_cast<double>(text.size()));
    b.text = std::move(text);
    blocks_.push_back(std::move(b));
  }

  const std::unordered_set<const Node*>& furniture_;
  std::vector<Block> blocks_;
  Block current_;
  int in_link_ = 0;
};

std::size_t word_count(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

/// The blocks that are article text: without "related" headings and the
/// link lists after them, link lists, notices, and the headline itself.
std::vector<std::string> article_blocks(const std::vector<Block>& blocks, const std::string& headline) {
  std::vector<std::string> out;
  bool after_cue = false;  // the blocks after "À lire aussi" are its links until a paragraph comes
  for (const Block& b : blocks) {
    const std::string folded = fold(b.text);
    const std::size_t words = word_count(b.text);
    const double links = static_cast<double>(b.link_chars) / static_cast<double>(std::max<std::size_t>(1, b.text.size()));
    if (related_cue(folded)) {
      after_cue = true;
      continue;
    }
    if (after_cue) {
      if (b.list_item || links > 0.3 || heading(b.tag) || words < 8) continue;
      after_cue = false;
    }
    if (links > 0.6 && words < 40) continue;  // a menu, a list of links
    if (notice(folded, words)) continue;
    if (b.tag == GUMBO_TAG_H1 && (headline.empty() || fold(headline) == folded)) continue;
    out.push_back(b.text);
  }
  return out;
}

}  // namespace

std::string html_declared_charset(std::string_view bytes) {
  const std::string head = lower_ascii(bytes.substr(0, 1024));
  for (std::size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 5)) {
    const std::size_t end = head.find('>', at);
    const std::string_view tag_text = std::string_view(head).substr(at, end == std::string::npos ? std::string::npos : end - at);
    const std::size_t cs = tag_text.find("charset");
    if (cs == std::string_view::npos) continue;
    std::size_t i = cs + 7;
    while (i < tag_text.size() && (tag_text[i] == ' ' || tag_text[i] == '=' || tag_text[i] == '"' || tag_text[i] == '\''))
      ++i;
    std::size_t j = i;
    while (j < tag_text.size() && (std::isalnum(static_cast<unsigned char>(tag_text[j])) != 0 || tag_text[j] == '-' ||
                                   tag_text[j] == '_' || tag_text[j] == ':' || tag_text[j] == '.'))
      ++j;
    if (j > i) return std::string(tag_text.substr(i, j - i));
  }
  return {};
}

Page read_html(std::string_view utf8) {
  Page page;
  page.charset = html_declared_charset(utf8);
  if (nesting_estimate(utf8) > kMaxNesting) return page;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // errors are recovered from as browsers do; their list is not needed
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> out(
      gumbo_parse_with_options(&options, utf8.data(), utf8.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  if (!out) return page;
  const Node* document = out->document;

  // 1. Metadata and headlines.
  std::string title, og_title, og_url, canonical, site, og_locale, html_lang, content_language, meta_date, time_date,
      meta_publisher;
  JsonLd ld;
  std::vector<const Node*> h1s;
  walk(document, [&](const Node* n) {
    if (!element(n)) return n->type == GUMBO_NODE_DOCUMENT;
    switch (tag(n)) {
      case GUMBO_TAG_HTML:
        html_lang = std::string(attr(n, "lang"));
        if (html_lang.empty()) html_lang = std::string(attr(n, "xml:lang"));
        return true;
      case GUMBO_TAG_TITLE:
        if (title.empty()) title = text_of(n);
        return false;
      case GUMBO_TAG_META: {
        const std::string key = lower_ascii(!attr(n, "property").empty() ? attr(n, "property")
                                            : !attr(n, "name").empty()   ? attr(n, "name")
                                                                         : attr(n, "itemprop"));
        const std::string equiv = lower_ascii(attr(n, "http-equiv"));
        const std::string value = collapse_spaces(attr(n, "content"));
        if (value.empty()) return false;
        if (key == "og:title" || (key == "twitter:title" && og_title.empty())) og_title = value;
        else if (key == "og:url") og_url = value;
        else if (key == "og:site_name" || (key == "publisher" && site.empty())) site = value;
        else if (key == "og:locale") og_locale = value;
        else if (equiv == "content-language") content_language = value;
        else if (meta_date.empty() && date_meta(key)) meta_date = value;
        else if (key == "dc.publisher" || key == "dcterms.publisher") meta_publisher = value;
        return false;
      }
      case GUMBO_TAG_LINK:
        if (canonical.empty() && lower_ascii(attr(n, "rel")) == "canonical") canonical = std::string(attr(n, "href"));
        return false;
      case GUMBO_TAG_SCRIPT:
        if (lower_ascii(attr(n, "type")) == "application/ld+json") read_json_ld(text_of(n), ld);
        return false;
      case GUMBO_TAG_TIME:
        if (time_date.empty() && (gumbo_get_attribute(&n->v.element.attributes, "pubdate") != nullptr ||
                                  attr(n, "itemprop") == "datePublished"))
          time_date = std::string(attr(n, "datetime"));
        return true;
      case GUMBO_TAG_H1:
        h1s.push_back(n);
        return false;
      case GUMBO_TAG_HEAD:
        return true;
      default:
        return !silent(tag(n));
    }
  });

  // 2. Furniture, and the candidates for the article's element.
  std::unordered_set<const Node*> furniture_nodes;
  const Node* body_prop = nullptr;
  std::vector<const Node*> articles, mains;
  const Node* body = nullptr;
  {
    struct Frame {
      const Node* node;
      bool in_article;
    };
    std::vector<Frame> stack = {{document, false}};
    while (!stack.empty()) {
      const Frame f = stack.back();
      stack.pop_back();
      const Node* n = f.node;
      if (n->type != GUMBO_NODE_DOCUMENT && !element(n)) continue;
      bool in_article = f.in_article;
      if (element(n)) {
        const GumboTag t = tag(n);
        if (t == GUMBO_TAG_BODY && body == nullptr) body = n;
        if (t != GUMBO_TAG_HTML && t != GUMBO_TAG_BODY && furniture(n, in_article)) {
          furniture_nodes.insert(n);
          continue;
        }
        if (t == GUMBO_TAG_ARTICLE) articles.push_back(n);
        if (t == GUMBO_TAG_MAIN || lower_ascii(attr(n, "role")) == "main") mains.push_back(n);
        if (body_prop == nullptr && attr(n, "itemprop").find("articleBody") != std::string_view::npos) body_prop = n;
        in_article = in_article || t == GUMBO_TAG_ARTICLE || t == GUMBO_TAG_MAIN;
      }
      const auto [kids, count] = children(n);
      for (std::size_t i = count; i > 0; --i) stack.push_back({kids[i - 1], in_article});
    }
  }
  auto inside = [](const Node* n, const Node* ancestor) {
    for (const Node* p = n; p != nullptr; p = p->parent)
      if (p == ancestor) return true;
    return false;
  };
  auto kept = [&](const Node* n) {
    for (const Node* p = n; p != nullptr; p = p->parent)
      if (furniture_nodes.count(p) != 0) return false;
    return true;
  };
  // Paragraph text below a node, furniture left out.
  auto paragraph_text = [&](const Node* root) {
    std::size_t total = 0;
    walk(root, [&](const Node* n) {
      if (!element(n) && n->type != GUMBO_NODE_DOCUMENT) return false;
      if (furniture_nodes.count(n) != 0) return false;
      if (tag(n) == GUMBO_TAG_P) {
        total += text_of(n).size();
        return false;
      }
      return true;
    });
    return total;
  };

  // 3. The article's element.
  const Node* root = body_prop;
  if (root != nullptr && paragraph_text(root) == 0 && text_of(root).size() < 200) root = nullptr;
  auto best_of = [&](const std::vector<const Node*>& nodes) -> const Node* {
    const Node* best = nullptr;
    std::size_t best_text = 0;
    for (const Node* n : nodes) {
      const std::size_t t = paragraph_text(n);
      if (t > best_text) best = n, best_text = t;
    }
    return best;
  };
  if (root == nullptr) root = best_of(articles);
  if (root == nullptr) root = best_of(mains);
  if (root == nullptr) {
    // The element whose paragraphs hold the most text (half of it counts for
    // the grandparent, so that paragraphs split among sections find their article).
    std::unordered_map<const Node*, std::size_t> score;
    walk(document, [&](const Node* n) {
      if (!element(n) && n->type != GUMBO_NODE_DOCUMENT) return false;
      if (furniture_nodes.count(n) != 0) return false;
      if (tag(n) == GUMBO_TAG_P || tag(n) == GUMBO_TAG_PRE) {
        const std::size_t len = text_of(n).size();
        if (len >= 25 && n->parent != nullptr) {
          score[n->parent] += len;
          if (n->parent->parent != nullptr) score[n->parent->parent] += len / 2;
        }
        return false;
      }
      return true;
    });
    std::size_t best = 0;
    // Deterministic: the first best in document order.
    walk(document, [&](const Node* n) {
      if (!element(n) && n->type != GUMBO_NODE_DOCUMENT) return false;
      if (auto it = score.find(n); it != score.end() && it->second > best) root = n, best = it->second;
      return furniture_nodes.count(n) == 0;
    });
  }
  if (root == nullptr) root = body;

  // The headline: the <h1> of the article, else the page's first kept one.
  std::string h1;
  for (const Node* n : h1s)
    if (root != nullptr && inside(n, root) && kept(n)) {
      h1 = text_of(n);
      break;
    }
  if (h1.empty())
    for (const Node* n : h1s)
      if (kept(n)) {
        h1 = text_of(n);
        break;
      }

  // Metadata, most specific first.
  const std::string cleaned_title = clean_title(title, !site.empty() ? site : ld.publisher);
  page.meta.title = first_of({ld.headline, og_title, h1, cleaned_title});
  page.headline = first_of({h1, page.meta.title});
  page.meta.url = first_of({canonical, og_url, ld.url});
  page.meta.date = first_of({iso_date(ld.date), iso_date(meta_date), iso_date(time_date)});
  page.meta.publisher = first_of({ld.publisher, site, meta_publisher});
  page.meta.language =
      first_of({language_code(html_lang), language_code(ld.language), language_code(content_language), language_code(og_locale)});

  if (root != nullptr) {
    const std::vector<std::string> blocks = article_blocks(BlockReader(furniture_nodes).read(root), page.headline);
    for (const auto& b : blocks) {
      if (!page.text.empty()) page.text += "\n\n";
      page.text += b;
    }
  }
  if (page.text.size() < 200 && ld.body.size() > page.text.size()) {
    // articleBody: paragraphs are its lines.
    page.text.clear();
    for (std::size_t at = 0; at <= ld.body.size();) {
      std::size_t end = ld.body.find('\n', at);
      if (end == std::string::npos) end = ld.body.size();
      const std::string line = collapse_spaces(std::string_view(ld.body).substr(at, end - at));
      if (!line.empty()) page.text += (page.text.empty() ? "" : "\n\n") + line;
      at = end + 1;
    }
    page.from_json_ld = true;
  }
  return page;
}

}  // namespace entente::ingest
