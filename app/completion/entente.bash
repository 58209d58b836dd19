# bash completion for entente. Installed by `cmake --install` into
# share/bash-completion/completions/entente; or: source app/completion/entente.bash
#
# Subcommands and options are read from the program's own --help, so this file
# never lists them twice and stays right when they change.

_entente_words() {
  # $1: the subcommand, or empty for the top level. Prints the options it knows
  # (long and short) and, at the top level, the subcommands.
  local help
  help=$("${_entente_cmd:-entente}" ${1:+"$1"} --help 2>/dev/null) || return
  # Options: the first column of the lines of the "Options:" section.
  printf '%s\n' "$help" | sed -n '/^Options:/,/^[^ ]/p' | grep -E '^  +-' |
    awk '{ print $1 }' | tr ',' '\n' | sed -E 's/[{=:\[].*//' | grep -E '^--?[A-Za-z]'
  if [[ -z $1 ]]; then
    printf '%s\n' "$help" | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }'
  fi
}

_entente() {
  local cur prev sub i
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  _entente_cmd=${COMP_WORDS[0]}
  sub=
  for ((i = 1; i < COMP_CWORD; i++)); do
    if [[ ${COMP_WORDS[i]} != -* ]]; then sub=${COMP_WORDS[i]}; break; fi
  done
  case $prev in
    -f|--format)
      local formats
      formats=$("$_entente_cmd" build --help 2>/dev/null | grep -oE 'among [a-z ]+' | head -1 | sed 's/^among //')
      mapfile -t COMPREPLY < <(compgen -W "$formats" -- "${cur##*,}")
      if [[ $cur == *,* ]]; then COMPREPLY=("${COMPREPLY[@]/#/${cur%,*},}"); fi
      return ;;
    -o|--output)
      mapfile -t COMPREPLY < <(compgen -d -- "$cur"); return ;;
    -j|--jobs|--base)
      return ;;
  esac
  if [[ $cur == -* || ( -z $sub && $COMP_CWORD -eq 1 ) ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$(_entente_words "$sub")" -- "$cur")
  else
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  fi
}

complete -o filenames -F _entente entente
