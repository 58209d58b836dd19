// Word classes the recognition and relation rules ask about. The words
// themselves are language data (extract/data/fr/words.tsv); these functions
// only name the questions. Internal to extract/.
#pragma once
#include <cstdint>
#include <string_view>

namespace entente::extract::rules {

bool is_preposition(std::string_view norm);   ///< de, du, des, d', pour, contre, près, auprès, au ...
bool is_determiner(std::string_view norm);    ///< la, le, l', les
bool is_name_particle(std::string_view norm); ///< el, al, ben, ould, van, von, de ...
bool is_name_stop(std::string_view norm);     ///< capitalised words that never start or continue a name
bool is_title_word(std::string_view norm);    ///< roi, reine, république: "procureur du Roi"
bool is_adjective(std::string_view norm);     ///< by suffix: -al, -ale, -ique, -ien, -aire ...
bool is_content_word(std::string_view norm);  ///< a noun that may continue a lower-case name
bool allows_lowercase_chain(std::string_view head_class);  ///< "commission nationale de coordination de ..."
/// Any other class of words.tsv. requires: `cls` is a string literal (its
/// bit is cached by the address of its characters).
bool has_class(std::string_view norm, std::string_view cls);

/// The bit of a class of words.tsv (requires: a string literal, as above),
/// and the classes of a word as bits: for rules that ask many questions
/// about the same tokens, which look each token up once.
std::uint64_t class_bit(std::string_view cls);
std::uint64_t classes_of(std::string_view norm);

}  // namespace entente::extract::rules
