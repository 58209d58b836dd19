#!/usr/bin/env bash
# Sets up a Debian 12 machine, builds Entente and runs it on the bundled
# example corpus: examples/articles -> examples/out/graph.{ttl,graphml}.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
BUILD=${BUILD_DIR:-build}
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DENTENTE_BUILD_TESTS=OFF >/dev/null
cmake --build "$BUILD" -j "$(nproc)"
"$BUILD/app/entente" build examples/articles -o "${1:-examples/out}"
