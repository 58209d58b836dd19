// A scratch folder for the fuzz targets that need files: in /dev/shm when
// there is one (no disk writes), one per process and target, made once.
#pragma once
#include <unistd.h>

#include <filesystem>
#include <string>

namespace entente::fuzz {

inline std::filesystem::path scratch(const std::string& target) {
  static const std::filesystem::path dir = [&] {
    const std::filesystem::path shm = "/dev/shm";
    auto d = (std::filesystem::is_directory(shm) ? shm : std::filesystem::temp_directory_path()) /
             ("entente-fuzz-" + target + "-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

}  // namespace entente::fuzz
