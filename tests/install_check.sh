#!/usr/bin/env bash
# Installs Entente into a temporary prefix with `cmake --install` and checks
# what a user of the installed program gets: the program runs the bundled
# examples to the checked-in graph, the man page names every option of every
# command's --help, bash completion completes commands and options, and the
# ontology, data and licence are in place.
# Usage: install_check.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$(cd "$1" && pwd) src=$(cd "$2" && pwd)
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
fail() { echo "install_check: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >/dev/null
for f in bin/entente share/man/man1/entente.1 share/bash-completion/completions/entente \
         share/entente/ontology/coop.ttl share/doc/entente/LICENSE; do
  [[ -f $prefix/$f ]] || fail "cmake --install did not install $f"
done
[[ -n $(find "$prefix/share/entente/data" -name '*.tsv' -print -quit) ]] || fail "no data file installed"

# The installed program, from another folder, on the examples.
(cd "$prefix" && ./bin/entente build "$src/examples/articles" -o out -q) || fail "the installed entente failed on the examples"
cmp -s "$prefix/out/graph.ttl" "$src/examples/graph.ttl" || fail "the installed entente's graph.ttl differs from examples/graph.ttl"

# Every option of every command's help is in the man page (roff writes - as \-).
man=$prefix/share/man/man1/entente.1
options() {  # the options of the "Options:" section of a help text
  sed -n '/^Options:/,/^[^ ]/p' | grep -E '^  +-' | awk '{ print $1 }' | tr ',' '\n' |
    sed -E 's/[{=:\[].*//' | grep -E '^--[A-Za-z]' || true
}
subcommands() {  # the commands of the "Subcommands:" section of a help text
  sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }'
}
check_command() {  # words of a command line, e.g. "index import"
  local help
  help=$("$prefix/bin/entente" "$@" --help) || fail "entente $* --help failed"
  while read -r opt; do
    [[ -z $opt ]] && continue
    grep -qF -- "${opt//-/\\-}" "$man" || fail "the man page does not name $opt (of 'entente $* --help')"
  done < <(options <<<"$help")
  while read -r sub; do
    [[ -z $sub ]] && continue
    grep -qE "^\\.(B|BI|TP|SS).*\\b$sub\\b|^\\.SS.*\\b$sub\\b" "$man" || fail "the man page does not name the command '$*${*:+ }$sub'"
    check_command "$@" "$sub"
  done < <(subcommands <<<"$help")
}
check_command

# Bash completion, as bash-completion loads it, with the installed program.
completed=$(PATH="$prefix/bin:$PATH" bash -c '
  source "$1"
  COMP_WORDS=(entente bu); COMP_CWORD=1; _entente; echo "${COMPREPLY[*]}"
  COMP_WORDS=(entente build --no-e); COMP_CWORD=2; _entente; echo "${COMPREPLY[*]}"
  COMP_WORDS=(entente build -f ttl,gr); COMP_CWORD=3; _entente; echo "${COMPREPLY[*]}"
' _ "$prefix/share/bash-completion/completions/entente")
[[ $completed == $'build\n--no-evidence\nttl,graphml' ]] || fail "bash completion gave: $completed"
echo "install_check: installed into $prefix and checked"
