#!/usr/bin/env bash
# The quality gates CI runs before the tests; each must pass.
#
#   tools/quality_gates.sh        # from anywhere, with the venv's tools on PATH
#
#   ruff check             lint (pyproject.toml [tool.ruff])
#   ruff format --check    formatting
#   tools/qmllint.sh       every QML file, with the Python backends' types, no warning
#   lint-imports           the core never imports Qt (pyproject.toml [tool.importlinter])
#
# All gates run even when one fails, so one CI run lists every problem.
set -uo pipefail
cd "$(dirname "$0")/.."

failed=()
gate() {
    local name=$1
    shift
    echo "-- $name"
    if "$@"; then
        echo "   ok"
    else
        echo "   FAILED: $name" >&2
        failed+=("$name")
    fi
}

gate "ruff check" ruff check --no-cache .
gate "ruff format" ruff format --check --no-cache .
gate "qmllint" tools/qmllint.sh
gate "import-linter" lint-imports --no-cache --no-logo

if [ "${#failed[@]}" -gt 0 ]; then
    echo "quality gates failed: ${failed[*]}" >&2
    exit 1
fi
echo "quality gates passed"
