#!/usr/bin/env bash
# Set up the project (virtual environment in .venv) and then run the app or the tests.
#   ./lab.sh app [ARGS...]   set up, then open the window (python main.py ARGS...)
#   ./lab.sh test [ARGS...]  set up, then run every test headless (pytest ARGS...)
#   ./lab.sh check           set up, then lint, check formatting, types and import contracts
#   ./lab.sh i18n            set up, then update the translation sources (gui/resources/i18n)
set -euo pipefail
cd "$(dirname "$0")"

PY=${PYTHON:-python3}
cmd=${1:-app}
shift || true

# The app needs the project's dependencies only; tests and checks add the ".[test]" tools
# (pytest, ruff, mypy, import-linter: about 110 MB the app never uses).
extras=""
[ "$cmd" = app ] || extras="[test]"
hash=$(sha256sum pyproject.toml | cut -c1-16)
stamp=.venv/.installed${extras:+-test}-$hash

if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
fi
if [ ! -f "$stamp" ] && [ ! -f ".venv/.installed-test-$hash" ]; then
    .venv/bin/python -m pip install --upgrade pip >/dev/null
    .venv/bin/python -m pip install -e ".$extras"
    # TensorFlow's C++ headers (430 MB) are for compiling custom ops, which this project
    # never does; pip reinstalls them with TensorFlow should anything ever need them.
    rm -rf .venv/lib/python3*/site-packages/tensorflow/include
    rm -f .venv/.installed-* && touch "$stamp"
fi

case "$cmd" in
    app)
        exec .venv/bin/python main.py "$@"
        ;;
    test)
        export QT_QPA_PLATFORM=offscreen
        export TF_CPP_MIN_LOG_LEVEL=${TF_CPP_MIN_LOG_LEVEL:-2}
        # The whole suite in one pytest process; extra arguments go to pytest,
        # e.g. ./lab.sh test -k predictor
        exec .venv/bin/python -m pytest "$@"
        ;;
    check)
        .venv/bin/ruff check .
        .venv/bin/ruff format --check .
        .venv/bin/mypy
        exec .venv/bin/lint-imports --no-cache
        ;;
    i18n)
        LUPDATE=.venv/bin/pyside6-lupdate exec gui/resources/i18n/update.sh
        ;;
    *)
        echo "usage: ./lab.sh app|test|check|i18n [ARGS...]" >&2
        exit 2
        ;;
esac
