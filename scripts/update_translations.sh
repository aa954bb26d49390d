#!/usr/bin/env bash
# Refresh the interface translations: collect every tr()/translate() string of desktop_agent/ui
# into resources/i18n/desktop_agent_{ru,en}.ts (translations already made are kept), then compile
# the .qm files the app loads. Translate new strings in the Russian .ts (Qt Linguist, or by hand:
# fill <translation> and drop type="unfinished"), then run this again to rebuild the .qm files.
#   bash scripts/update_translations.sh
set -euo pipefail
cd "$(dirname "$0")/.."

bin=".venv/bin"
[ -x "$bin/pyside6-lupdate" ] || bin="$(dirname "$(command -v pyside6-lupdate)")"

mapfile -t sources < <(find desktop_agent/ui -name '*.py' | sort)
for lang in ru en; do
  ts="resources/i18n/desktop_agent_${lang}.ts"
  "$bin/pyside6-lupdate" -no-obsolete -locations none -source-language en_GB -target-language "$lang" \
    "${sources[@]}" -ts "$ts"
  "$bin/pyside6-lrelease" -silent "$ts" -qm "resources/i18n/desktop_agent_${lang}.qm"
done
