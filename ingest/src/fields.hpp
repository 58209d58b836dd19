// The names of metadata fields in JSON Lines and CSV records. Internal; see
// entente/ingest/ingest.hpp (Field, Options::fields).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/ingest/ingest.hpp"

namespace entente::ingest {

/// The names a field is looked for under, in order: the user's
/// (Options::fields), then the usual ones; lower-cased.
std::vector<std::string> field_names(Field f, const Options& options);

/// The index of the column (or key) among `names` (any case) that holds
/// field `f`, or nullopt.
std::optional<std::size_t> find_field(const std::vector<std::string>& names, Field f, const Options& options);

/// "text, content, body, ...": the names tried for `f`, for messages.
std::string field_name_list(Field f, const Options& options);

}  // namespace entente::ingest
