#!/bin/sh
# run.sh CHECK.js ARGS…: runs one check of the built site with node. Without node the check is
# skipped (exit 77, which CTest reports as "Not Run"), or fails when GAZETTE_E2E_REQUIRED=1.
dir=$(dirname "$0")
if ! command -v node >/dev/null 2>&1; then
  if [ "${GAZETTE_E2E_REQUIRED:-0}" = 1 ]; then
    echo "error: node is not installed (Debian packages nodejs and npm)" >&2
    exit 1
  fi
  echo "skipped: node is not installed (Debian packages nodejs and npm)"
  exit 77
fi
script=$1
shift
exec node "$dir/$script" "$@"
