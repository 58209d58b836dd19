#!/usr/bin/env bash
# Loads an `entente build` output folder into a throw-away OpenLink Virtuoso 7
# and runs the documented SPARQL queries (docs/queries/*.rq) on it through isql.
#
#   scripts/virtuoso-load.sh OUTDIR            load, query, print, stop
#   scripts/virtuoso-load.sh OUTDIR --serve    ... then keep serving
#                                              http://127.0.0.1:PORT/sparql until Ctrl-C
#
# OUTDIR holds graph.ttl and evidence.ttl (`entente build ARTICLES -o OUTDIR`);
# ontology/coop.ttl is loaded with them. Each file goes to a named graph of its
# own (urn:entente:graph, urn:entente:evidence, https://w3id.org/entente/coop);
# a query without FROM sees them all.
#
# Virtuoso (Debian: virtuoso-opensource-7-bin) is installed if missing. The
# server listens on 127.0.0.1 only, on free ports (or VIRTUOSO_PORT and
# VIRTUOSO_HTTP_PORT), with a database in a temporary folder that is deleted,
# server stopped, when the script exits for any reason. Not part of CI; see
# docs/SPARQL.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
usage() { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

SERVE=0
OUT=""
for a in "$@"; do
  case "$a" in
    --serve) SERVE=1 ;;
    -h|--help) usage ;;
    -*) echo "virtuoso-load: unknown option $a" >&2; usage ;;
    *) [ -z "$OUT" ] || usage; OUT="$a" ;;
  esac
done
[ -n "$OUT" ] || usage
for f in graph.ttl evidence.ttl; do
  if [ ! -f "$OUT/$f" ]; then
    echo "virtuoso-load: $OUT/$f not found (run: entente build ARTICLES -o $OUT)" >&2
    exit 1
  fi
done
OUT="$(cd "$OUT" && pwd)"

# ---------------------------------------------------------------- install
if ! command -v virtuoso-t >/dev/null 2>&1 || ! command -v isql-vt >/dev/null 2>&1; then
  echo "virtuoso-load: installing virtuoso-opensource-7-bin" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends virtuoso-opensource-7-bin >/dev/null
fi
ISQL=isql-vt

# ---------------------------------------------------------------- ports
free_port() {  # a TCP port free on 127.0.0.1 now, or $1 if python3 is missing
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' \
    2>/dev/null || echo "$1"
}
PORT="${VIRTUOSO_PORT:-$(free_port 1111)}"
HTTP_PORT="${VIRTUOSO_HTTP_PORT:-$(free_port 8890)}"
if [ "$HTTP_PORT" = "$PORT" ]; then HTTP_PORT=$((PORT + 1)); fi

# ---------------------------------------------------------------- server
WORK="$(mktemp -d "${TMPDIR:-/tmp}/entente-virtuoso-XXXXXX")"
PID=""
cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then
    echo "virtuoso-load: stopping Virtuoso (pid $PID)" >&2
    "$ISQL" "127.0.0.1:$PORT" dba dba VERBOSE=OFF exec="shutdown;" >/dev/null 2>&1 || true
    for _ in $(seq 1 30); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$PID" 2>/dev/null; then kill "$PID" 2>/dev/null || true; fi
    wait "$PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir "$WORK/data"
cp "$OUT/graph.ttl" "$OUT/evidence.ttl" "$ROOT/ontology/coop.ttl" "$WORK/data/"

cat >"$WORK/virtuoso.ini" <<EOF
; Throw-away database of scripts/virtuoso-load.sh: deleted on exit.
[Database]
DatabaseFile       = $WORK/virtuoso.db
ErrorLogFile       = $WORK/virtuoso.log
LockFile           = $WORK/virtuoso.lck
TransactionFile    = $WORK/virtuoso.trx
xa_persistent_file = $WORK/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = $WORK/virtuoso-temp.db
TransactionFile    = $WORK/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort         = 127.0.0.1:$PORT
DirsAllowed        = ., $WORK/data
NumberOfBuffers    = 10000
MaxDirtyBuffers    = 6000
CheckpointInterval = 0
DefaultIsolation   = 2

[HTTPServer]
ServerPort         = 127.0.0.1:$HTTP_PORT
ServerRoot         = $WORK
ServerThreads      = 2

[SPARQL]
ResultSetMaxRows       = 100000
MaxQueryExecutionTime  = 60
DefaultQuery           = SELECT * WHERE { ?s ?p ?o } LIMIT 10
EOF

echo "virtuoso-load: starting Virtuoso on 127.0.0.1:$PORT (HTTP $HTTP_PORT), database in $WORK" >&2
(cd "$WORK" && exec virtuoso-t +configfile "$WORK/virtuoso.ini" +foreground >"$WORK/server.out" 2>&1) &
PID=$!

# VERBOSE=OFF: no banner, no timings; column headers stay. isql exits 0 on SQL
# errors, so run_sql looks for them in its output.
isql() { "$ISQL" "127.0.0.1:$PORT" dba dba VERBOSE=OFF "$@"; }
for i in $(seq 1 120); do
  if ! kill -0 "$PID" 2>/dev/null; then
    echo "virtuoso-load: Virtuoso exited; its log:" >&2
    tail -n 30 "$WORK/virtuoso.log" "$WORK/server.out" >&2 2>/dev/null || true
    exit 1
  fi
  if isql exec="select 1;" >/dev/null 2>&1; then break; fi
  if [ "$i" -eq 120 ]; then
    echo "virtuoso-load: Virtuoso did not answer on 127.0.0.1:$PORT within 60 s" >&2
    exit 1
  fi
  sleep 0.5
done

# ---------------------------------------------------------------- load
run_sql() {  # runs a file of statements; fails on any SQL error
  local log="$WORK/isql.log"
  if ! isql "$1" >"$log" 2>&1 || grep -q '^\*\*\* Error' "$log"; then
    cat "$log" >&2
    return 1
  fi
  cat "$log"
}

cat >"$WORK/load.sql" <<EOF
DB.DBA.TTLP_MT (file_to_string_output ('$WORK/data/graph.ttl'), '', 'urn:entente:graph');
DB.DBA.TTLP_MT (file_to_string_output ('$WORK/data/evidence.ttl'), '', 'urn:entente:evidence');
DB.DBA.TTLP_MT (file_to_string_output ('$WORK/data/coop.ttl'), '', 'https://w3id.org/entente/coop');
checkpoint;
SPARQL SELECT ?graph (COUNT(*) AS ?triples)
WHERE { GRAPH ?graph { ?s ?p ?o } VALUES ?graph { <urn:entente:graph> <urn:entente:evidence> <https://w3id.org/entente/coop> } }
GROUP BY ?graph ORDER BY ?graph;
EOF
echo "== loaded"
run_sql "$WORK/load.sql"

# ---------------------------------------------------------------- queries
for q in "$ROOT"/docs/queries/*.rq; do
  name="$(basename "$q" .rq)"
  echo
  echo "== $name: $(sed -n '1s/^# *//p' "$q")"
  # isql reads one statement up to the final ';'. Comment lines are dropped.
  { echo "SPARQL"; grep -v '^[[:space:]]*#' "$q"; echo ";"; } >"$WORK/$name.sql"
  run_sql "$WORK/$name.sql"
done

if ((SERVE)); then
  echo
  echo "virtuoso-load: SPARQL endpoint http://127.0.0.1:$HTTP_PORT/sparql, isql 127.0.0.1:$PORT (dba/dba)." >&2
  echo "virtuoso-load: Ctrl-C stops the server and deletes the database." >&2
  wait "$PID" || true
fi
