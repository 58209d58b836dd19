// Name keys used to decide identity. Shared by within-document coreference (extract/) and corpus identity (graph/).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace entente::extract {

/// Lower case, accents folded, apostrophes/hyphens/punctuation as single
/// spaces, doubled letters collapsed ("Mohammed" == "Mohamed",
/// "Théo" == "Theo"): two spellings of one name give one key.
std::string name_key(std::string_view name);

/// The words of a name key.
std::vector<std::string> key_words(std::string_view key);

/// ASCII folding of one UTF-8 string (accents removed, ligatures split).
std::string fold_ascii(std::string_view text);

}  // namespace entente::extract
