#!/usr/bin/env bash
# Installs everything Entente needs to build and test on Debian 12.
# Idempotent: packages already present are not reinstalled; safe to run repeatedly.
#   scripts/setup.sh          build + test dependencies
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config ninja-build
  libboost-graph-dev libserd-dev libsord-dev libicu-dev
  nlohmann-json3-dev libcli11-dev libxml2-dev zlib1g-dev libbz2-dev
  libgumbo-dev libarchive-dev libcld2-dev libuchardet-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  serdi sordi lv2-dev
  wfrench
  python3 python3-networkx
  python3-igraph graphviz chromium bzip2
  raptor2-utils python3-rdflib libxml2-utils
  python3-distributed
  clang-14 libclang-rt-14-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "setup: all packages present" >&2
fi

# Node and npm come from Debian (nodejs npm) unless a Node.js that ships its own
# npm (NodeSource's nodejs, which conflicts with Debian's npm) is there already.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v npm >/dev/null 2>&1; then
  echo "setup: installing nodejs npm" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
# sigma.js and graphology, pinned by report/package-lock.json: compiled into
# entente for report.html's network view (export/CMakeLists.txt). The build
# needs them; the installed program does not.
if [ ! -f "$ROOT/report/node_modules/sigma/dist/sigma.min.js" ]; then
  echo "setup: installing report/node_modules (npm ci)" >&2
  npm ci --prefix "$ROOT/report" --no-audit --no-fund >/dev/null
fi

# The readers of Gephi Lite (graphology-graphml, graphology-gexf), pinned by
# tests/gephi/package-lock.json, for tests/gephi_test.cpp.
if [ ! -d "$ROOT/tests/gephi/node_modules" ]; then
  echo "setup: installing tests/gephi/node_modules (npm ci)" >&2
  npm ci --prefix "$ROOT/tests/gephi" --no-audit --no-fund >/dev/null
fi

# Oxigraph (npm package oxigraph), pinned by tests/sparql/package-lock.json,
# for tests/sparql_test.cpp (docs/SPARQL.md).
if [ ! -d "$ROOT/tests/sparql/node_modules/oxigraph" ]; then
  echo "setup: installing tests/sparql/node_modules (npm ci)" >&2
  npm ci --no-audit --no-fund --prefix "$ROOT/tests/sparql" >/dev/null
fi

# puppeteer-core (it downloads no browser), pinned by
# tests/report/package-lock.json: drives Debian's chromium over report.html
# for tests/report_e2e_test.cpp.
if [ ! -d "$ROOT/tests/report/node_modules/puppeteer-core" ]; then
  echo "setup: installing tests/report/node_modules (npm ci)" >&2
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --prefix "$ROOT/tests/report" >/dev/null
fi
