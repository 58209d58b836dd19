#!/usr/bin/env bash
# Sets up a Debian 12 machine, builds Entente with warnings as errors and runs
# every test (unit and end-to-end). Usage: scripts/test.sh [ctest args...]
#   scripts/test.sh -L unit      # only unit tests
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
BUILD=${BUILD_DIR:-build}
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DENTENTE_WERROR=ON
cmake --build "$BUILD" -j "$(nproc)"
ctest --test-dir "$BUILD" --output-on-failure -j "$(nproc)" "$@"
