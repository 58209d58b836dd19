// The main text of a web page and what its markup says about it.
//
//   entente::ingest::Page page = entente::ingest::read_html(utf8);
//   page.headline;  page.text;  page.meta.date;  ...
//
// Parsed with Gumbo, a conforming HTML5 parser (so broken markup is read as
// browsers read it). Internal to ingest/ but public for its tests and for
// anyone who wants a page's text.
//
// THREAD SAFETY: a pure function.
#pragma once
#include <string>
#include <string_view>

#include "entente/extract/document.hpp"

namespace entente::ingest {

/// WHAT IT REPRESENTS: a news page read as an article.
struct Page {
  std::string headline;    ///< the article's <h1>, else its title in metadata; "" when none
  std::string text;        ///< the article's paragraphs, one per block, separated by blank lines
  extract::Metadata meta;  ///< url, title, date, publisher, language as the markup gives them
  std::string charset;     ///< the charset a <meta> declares, if any
  bool from_json_ld = false;  ///< `text` is JSON-LD's articleBody (the page's own had no paragraph)
};

/// Reads a page (UTF-8):
/// - metadata: JSON-LD of type NewsArticle, Article, ReportageNewsArticle,
///   BlogPosting... (headline, datePublished, url, publisher.name,
///   inLanguage), then Open Graph (og:title, og:url, og:site_name,
///   article:published_time, og:locale), then <meta> (date, pubdate,
///   DC.date.issued, ...), <link rel="canonical">, <html lang>, <title>;
/// - main text: the element marked as the article's body (itemprop
///   articleBody), else the <article> with the most paragraph text, else
///   <main>, else the block whose paragraphs hold the most text; without
///   navigation, asides, headers and footers around the article, forms,
///   scripts, comments, share buttons, cookie notices, and related links
///   ("À lire aussi", "Lire aussi", "Sur le même sujet": the block and the
///   list that follows such a heading; paragraphs made of links).
Page read_html(std::string_view utf8);

/// The charset an HTML page declares in its first 1024 bytes (<meta
/// charset="..."> or <meta http-equiv="Content-Type" content="...;
/// charset=...">), lower-cased; "" when none. Works on any encoding.
std::string html_declared_charset(std::string_view bytes);

}  // namespace entente::ingest
