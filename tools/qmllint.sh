#!/usr/bin/env bash
# Lint every QML file with qmllint, knowing the Python backends' types.
#
#   tools/qmllint.sh            # from anywhere; needs the venv's tools on PATH
#
# 1. tools/qmltypes.py describes the backends (module Exhibit.Backend) in
#    build/qmltypes/, so qmllint checks every UiBackend.x / StoryBackend.y.
# 2. Every .qml file must be listed in its module's qmldir (a file missing
#    there fails only at run time, on the screen that uses it).
# 3. pyside6-qmllint -W 0: any warning fails. Each module's qmldir is passed
#    with -i, without which qmllint misreads `singleton` entries.
set -euo pipefail

cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python}
QMLLINT=${QMLLINT:-pyside6-qmllint}
QML_DIR=exhibit/qml
TYPES_DIR=build/qmltypes

"$PYTHON" tools/qmltypes.py --out "$TYPES_DIR" >/dev/null

status=0
mapfile -t qmldirs < <(find "$QML_DIR" -name qmldir | sort)
for qmldir in "${qmldirs[@]}"; do
    module_dir=$(dirname "$qmldir")
    while IFS= read -r file; do
        relative=${file#"$module_dir"/}
        if ! grep -Eq "^[[:space:]]*(singleton[[:space:]]+)?[A-Z][A-Za-z0-9]*[[:space:]]+[0-9.]+[[:space:]]+${relative//./\\.}[[:space:]]*$" "$qmldir"; then
            echo "$file: not listed in $qmldir (add: Name 1.0 $relative)" >&2
            status=1
        fi
    done < <(find "$module_dir" -name '*.qml' | sort)
done

mapfile -t files < <(find "$QML_DIR" -name '*.qml' | sort)
imports=()
for qmldir in "${qmldirs[@]}"; do
    imports+=(-i "$qmldir")
done
if ! "$QMLLINT" -I "$QML_DIR" -I "$TYPES_DIR" "${imports[@]}" -W 0 "${files[@]}"; then
    status=1
fi
if [ "$status" -eq 0 ]; then
    echo "qmllint: ${#files[@]} QML files, no warnings"
fi
exit "$status"
