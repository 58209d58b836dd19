#!/usr/bin/env bash
# Fuzzing: builds the libFuzzer targets of tests/fuzz with Debian's clang-14
# (-fsanitize=fuzzer,address,undefined) into build-fuzz/, then runs each for
# SECONDS (default 60) on a corpus seeded from the repository's own files.
#
#   scripts/fuzz.sh            # 60 s per target
#   scripts/fuzz.sh 3600       # an hour per target
#   scripts/fuzz.sh 10 read    # 10 s, one target
#
# Targets: document (bytes -> a record of any kind -> a document -> every
# extraction stage -> the graph), read (the input readers: text, JSON Lines,
# CSV, HTML, WARC, archives, extraction results), writers (every output format fed hostile
# labels), wikidata (the dump importer and the index reader).
# The corpus grows in build-fuzz/fuzz-corpus/TARGET (kept between runs); a
# crash, leak or sanitizer finding is saved in build-fuzz/fuzz-findings/TARGET/
# and makes the script exit 1. Each run's last line (executions, coverage) is
# printed at the end. docs/TESTING.md has the figures of the last long run.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(document read writers wikidata)
build=${ENTENTE_FUZZ_BUILD:-build-fuzz}
jobs=${ENTENTE_FUZZ_JOBS:-$(nproc)}

for tool in clang++-14 cmake ninja; do
  command -v "$tool" >/dev/null || { echo "fuzz.sh: $tool is missing: run scripts/setup.sh" >&2; exit 2; }
done

CXX=clang++-14 cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DENTENTE_FUZZ=ON \
  -DENTENTE_BUILD_TESTS=OFF -DENTENTE_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build" -j "$jobs" --target "${targets[@]/#/fuzz_}"

# Seeds: what the repository has of each kind of input, with the byte that
# chooses its kind (fuzz_document: 0 text, 1 HTML, 2 JSON, 3 CSV row;
# fuzz_read: the index of its file name in fuzz_read.cpp's kNames; 11 is
# extraction results, seeded from tests/fuzz/corpus/read).
seed() {  # seed TARGET NAME BYTE FILE
  local dir=$build/fuzz-corpus/$1
  mkdir -p "$dir"
  { printf "\\x$(printf %02x "$3")"; cat "$4"; } >"$dir/seed-$2"
}
for f in examples/articles/*.txt tests/fixtures/ingest/*.txt tests/fixtures/text/*.txt; do
  seed document "$(basename "$f")" 0 "$f"
  seed read "$(basename "$f")" 0 "$f"
done
seed document page.html 1 tests/fixtures/ingest/senegal-gambie.html
head -n 1 tests/fixtures/ingest/scrape.jsonl >"$build/one.json"
seed document record.json 2 "$build/one.json"
seed read scrape.jsonl 1 tests/fixtures/ingest/scrape.jsonl
seed read export.csv 3 tests/fixtures/ingest/export.csv
seed read page.html 5 tests/fixtures/ingest/senegal-gambie.html
seed read crawl.warc 6 tests/fixtures/ingest/crawl.warc
gzip -c tests/fixtures/ingest/crawl.warc >"$build/crawl.warc.gz"
seed read crawl.warc.gz 7 "$build/crawl.warc.gz"
(cd tests/fixtures/ingest && tar cf - scrape.jsonl senegal-gambie.html) >"$build/pages.tar"
seed read pages.tar 10 "$build/pages.tar"
mkdir -p "$build/fuzz-corpus/writers" "$build/fuzz-corpus/wikidata"
printf 'a.txt\x00Titre <b>&</b> "x"\x00https://exemple.test/a b\x00Le Journal\x002024-10-15\x00fr\x00accord\x00Jeanne Fictive\x00Police nationale\x00Maroc\x00m\xc3\xa9morandum\x00Rabat' \
  >"$build/fuzz-corpus/writers/seed-labels"
cp tests/fixtures/wikidata/mini-dump.json "$build/fuzz-corpus/wikidata/seed-mini-dump.json"
cp graph/data/wikidata-index.tsv "$build/fuzz-corpus/wikidata/seed-index.tsv" 2>/dev/null || true
for t in "${targets[@]}"; do
  [ -d "tests/fuzz/corpus/$t" ] && cp -n tests/fuzz/corpus/"$t"/* "$build/fuzz-corpus/$t/" 2>/dev/null || true
done

status=0
summary=()
for t in "${targets[@]}"; do
  findings=$build/fuzz-findings/$t
  mkdir -p "$findings"
  log=$build/fuzz-$t.log
  echo "== fuzz_$t: $seconds s"
  if ! "$build/tests/fuzz/fuzz_$t" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 \
      -artifact_prefix="$findings/" -print_final_stats=1 "$build/fuzz-corpus/$t" >"$log" 2>&1; then
    status=1
    echo "fuzz_$t: a finding (see $log and $findings/)" >&2
    tail -n 40 "$log" >&2
  fi
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -n 1 || echo "?")
  units=$(ls "$build/fuzz-corpus/$t" | wc -l)
  summary+=("fuzz_$t: $seconds s, $runs executions, $cov, corpus $units inputs, findings $(ls "$findings" | wc -l)")
done
printf '%s\n' "${summary[@]}"
exit $status
