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

/// The key of an institution's name: name_key without the function words
/// (de, du, des, la, le, les, l, d, et, a, au, aux, en), so that "ministère de
/// la Justice et de la Sécurité publique" and "Ministère de la Justice et de
/// Sécurité Publique" are one name.
std::string institution_key(std::string_view name);

/// The identity key of an institution's name: institution_key without the
/// words that only say its country, demonyms ("ministère algérien de la
/// Justice", "Police fédérale belge") and a country named at its end ("Cour
/// suprême d'Algérie"): with the country kept apart, these are the names of
/// "ministère de la Justice", "Police fédérale", "Cour suprême".
std::string institution_identity_key(std::string_view name);

/// The key of a person's name: name_key without the Arabic article written
/// apart ("el", "al"), which transcriptions keep or drop: "Mohamed Ould
/// Cheikh El Ghazouani" is "Mohamed Ould Cheikh Ghazouani"; nor middle
/// initials beside two full words ("Christopher A. Wray" is "Christopher
/// Wray"). Never empty for a name that has a letter.
std::string person_key(std::string_view name);

/// The words of a name key.
std::vector<std::string> key_words(std::string_view key);

/// ASCII folding of one UTF-8 string (accents removed, ligatures split).
std::string fold_ascii(std::string_view text);

}  // namespace entente::extract
