#!/usr/bin/env bash
# Installs everything Entente needs to build and test on Debian 12.
# Idempotent: packages already present are not reinstalled; safe to run repeatedly.
#   scripts/setup.sh          build + test dependencies
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config ninja-build
  libboost-graph-dev libserd-dev libsord-dev libicu-dev
  nlohmann-json3-dev libcli11-dev libxml2-dev zlib1g-dev libbz2-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  serdi sordi lv2-dev
  python3 python3-networkx
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
