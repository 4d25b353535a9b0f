#!/usr/bin/env bash
# Update the translation sources from the code: every tr()/translate() string of gui/**/*.py
# goes into imdb_lab_ko.ts (Korean, translations kept) and imdb_lab_en.ts (English plural
# forms only). Strings no longer in the code are dropped (-no-obsolete).
#   gui/resources/i18n/update.sh        (or ./lab.sh i18n)
# Then translate the new entries (pyside6-linguist, or edit the XML) and commit the .ts files;
# the app compiles them to .qm itself at start-up (gui/i18n.py).
set -euo pipefail
cd "$(dirname "$0")/../../.."
LUPDATE=${LUPDATE:-}
if [ -z "$LUPDATE" ]; then
    for candidate in .venv/bin/pyside6-lupdate pyside6-lupdate; do
        if command -v "$candidate" >/dev/null 2>&1; then LUPDATE=$candidate; break; fi
    done
fi
mapfile -t sources < <(find gui -name '*.py' -not -path '*/__pycache__/*' | sort)
"$LUPDATE" -silent -locations none -no-obsolete -target-language ko_KR "${sources[@]}" \
    -ts gui/resources/i18n/imdb_lab_ko.ts
"$LUPDATE" -silent -locations none -no-obsolete -pluralonly -target-language en_US "${sources[@]}" \
    -ts gui/resources/i18n/imdb_lab_en.ts
