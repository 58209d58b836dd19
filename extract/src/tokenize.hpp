// The tokenizer of segment() alone, for phrases of the language data that
// need token norms but no sentences. Internal to extract/.
#pragma once
#include "entente/extract/document.hpp"

namespace entente::extract {

/// Fills Document::tokens exactly as segment() does; leaves sentences empty
/// and every Token::sentence 0.
void tokenize(Document& doc);

}  // namespace entente::extract
