#!/usr/bin/env bash
# The check step of the termcheck GitHub Action (action.yml at the repository
# root). Inputs come as environment variables:
#   TERMCHECK           the termcheck program (default: termcheck on PATH)
#   TERMCHECK_PATHS     files and folders, separated by spaces or new lines
#   TERMCHECK_GLOSSARY  glossary files or bundled names, likewise
#   TERMCHECK_CONFIG    a config file
#   TERMCHECK_FAIL_ON   error, warning, info or never
#   TERMCHECK_ARGS      more options, quoted as on a command line
#   TERMCHECK_SARIF     where to write a SARIF report as well
# Prints GitHub annotations (--format github) and exits with termcheck's status,
# which it also writes as the step output exit-code.
set -uo pipefail

termcheck="${TERMCHECK:-termcheck}"

# The words of an input, each followed by a NUL: split at white space and new
# lines, with quotes as xargs reads them ("docs/my notes.md"); nothing is run
# or expanded.
words() {
  [ -n "$1" ] || return 0
  printf '%s\n' "$1" | xargs printf '%s\0'
}

paths=()
while IFS= read -r -d '' word; do [ -z "$word" ] || paths+=("$word"); done < <(words "${TERMCHECK_PATHS:-}")
glossaries=()
while IFS= read -r -d '' word; do [ -z "$word" ] || glossaries+=("$word"); done < <(words "${TERMCHECK_GLOSSARY:-}")
extra=()
while IFS= read -r -d '' word; do [ -z "$word" ] || extra+=("$word"); done < <(words "${TERMCHECK_ARGS:-}")
[ ${#paths[@]} -gt 0 ] || paths=(.)

options=()
for glossary in ${glossaries[@]+"${glossaries[@]}"}; do
  options+=(--glossary "$glossary")
done
[ -z "${TERMCHECK_CONFIG:-}" ] || options+=(--config "$TERMCHECK_CONFIG")
[ -z "${TERMCHECK_FAIL_ON:-}" ] || options+=(--fail-on "$TERMCHECK_FAIL_ON")

# (Empty arrays are written ${a[@]+"${a[@]}"} for the bash 3 of macOS.)
"$termcheck" check --format github ${options[@]+"${options[@]}"} \
  ${extra[@]+"${extra[@]}"} -- "${paths[@]}"
status=$?

if [ -n "${TERMCHECK_SARIF:-}" ]; then
  # The same check again for the SARIF file; its text report is not needed.
  "$termcheck" check --format sarif --output "$TERMCHECK_SARIF" \
    ${options[@]+"${options[@]}"} ${extra[@]+"${extra[@]}"} -- "${paths[@]}" > /dev/null
  sarif_status=$?
  if [ "$sarif_status" -eq 2 ] && [ "$status" -ne 2 ]; then
    status=2
  fi
fi

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "exit-code=$status" >> "$GITHUB_OUTPUT"
fi
exit "$status"
