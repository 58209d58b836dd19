// Internal to eval/ (public API: entente/eval/score.hpp): reading a whole file.
#pragma once
#include <optional>
#include <string>

#include "entente/extract/status.hpp"

namespace entente::eval {

/// The bytes of the file at `path`, or nullopt and an error naming it.
std::optional<std::string> read_bytes(const std::string& path, Diagnostics& diags);

}  // namespace entente::eval
