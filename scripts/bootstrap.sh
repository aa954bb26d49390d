#!/usr/bin/env bash
# Sets up a fresh Debian/Ubuntu machine for Desktop Agent, then runs it or its test suite.
#   bash scripts/bootstrap.sh run  [desktop-agent args...]   the app, on the embedded default
#   bash scripts/bootstrap.sh test [pytest args...]          lint, layer contracts, then the whole suite
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-run}"; shift || true

# What the frozen app takes from the system instead of bundling it (the C library, GL/EGL, libxcb and
# Wayland's client libraries): the packages of installers/linux/system-libraries.txt, which
# tests/test_bundle_system_libraries.py keeps equal to this list. Qt from the checkout needs them too.
SYSTEM_PACKAGES=(libc6 libgl1 libegl1 libxcb1 libwayland-client0 libwayland-cursor0 libwayland-egl1)
# Beside those, Qt's xcb platform and fonts: enough to open the window. A freeze copies these libraries
# from this machine into the bundle, so a user's desktop need not have them (libxcb-cursor0, say).
RUN_PACKAGES=(python3-venv "${SYSTEM_PACKAGES[@]}" libfontconfig1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0 libxcb-image0
  libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 fonts-dejavu-core)
# What the tests start for real: PostgreSQL, SIP parts, a virtual screen; binutils for PyInstaller.
TEST_PACKAGES=(postgresql baresip-core sip-tester kamailio xvfb xauth binutils)

missing_packages() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}

install_packages() {
  command -v dpkg-query >/dev/null || { echo "not a Debian/Ubuntu machine: install ${*} by hand" >&2; return 0; }
  local missing; missing=$(missing_packages "$@")
  [ -z "$missing" ] && return 0
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing Debian packages:" $missing
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing </dev/null
  # kamailio's package starts a system service we do not want; the tests run their own.
  if echo "$missing" | grep -qw kamailio && command -v systemctl >/dev/null; then
    $sudo systemctl disable --now kamailio >/dev/null 2>&1 || true
  fi
}

pick_python() {
  # The distribution's own interpreter first: Debian and Ubuntu build it with PGO and LTO, a quarter
  # faster than a plain source build (pyenv's default) at our start-up, and it is what a fresh
  # machine has. Then whatever 3.11+ is on PATH. It must be able to make a venv (python3-venv).
  local py
  for py in /usr/bin/python3.13 /usr/bin/python3.12 /usr/bin/python3.11 python3.13 python3.12 python3.11 python3; do
    if command -v "$py" >/dev/null \
        && "$py" -c 'import sys, ensurepip, venv; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$py"; return 0
    fi
  done
  echo "Python 3.11 or newer, with venv, is required" >&2; return 1
}

# PyInstaller bundles the interpreter's shared library; a distribution's Python keeps it in its own
# package (libpython3.X), which a fresh machine may not have.
freeze_packages() {
  local py ver
  py=$(pick_python) || return 0
  case "$(command -v "$py")" in
    /usr/bin/*) ver=$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])'); echo "libpython$ver" ;;
  esac
}

setup_venv() {
  local extras="$1" py stamp want
  py=$(pick_python)
  if [ ! -x .venv/bin/python ]; then
    "$py" -m venv .venv
  fi
  stamp=.venv/.installed   # "<pyproject hash> <extras installed>": reinstall only when something is missing
  local hash have="" missing="" e
  hash=$(sha256sum pyproject.toml | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cut -d' ' -f1 "$stamp")" = "$hash" ]; then have=$(cut -d' ' -f2 "$stamp"); fi
  for e in ${extras//,/ }; do
    case ",$have," in *",$e,"*) ;; *) missing=1 ;; esac
  done
  if [ -z "$have" ] || [ -n "$missing" ]; then
    [ -n "$have" ] && extras="$have,$extras"
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e ".[${extras}]"
    echo "$hash $extras" > "$stamp"
  fi
  # An editable install leaves our own modules uncompiled, and a machine that sets
  # PYTHONDONTWRITEBYTECODE would compile them again at every start (a quarter of a second).
  .venv/bin/python -m compileall -q -j 0 desktop_agent >/dev/null || true
}

# Whether these desktop-agent arguments open a window: the operator window (no command, --smoke-test
# included) and the wallboard do; the other commands, --help and --version do not. The CLI's own parser
# finds the command.
opens_window() {
  .venv/bin/python - "$@" <<'EOF'
import sys
from desktop_agent.cli import requested_command
argv = sys.argv[1:]
sys.exit(0 if requested_command(argv) in (None, "wallboard") and not {"-h", "--help", "--version"} & set(argv) else 1)
EOF
}

case "$mode" in
  run)
    install_packages "${RUN_PACKAGES[@]}"
    setup_venv test
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" ] && opens_window "$@"; then
      echo "No display: run it in a desktop session (DISPLAY or WAYLAND_DISPLAY), or set QT_QPA_PLATFORM=offscreen for a window nobody sees." >&2
      exit 1
    fi
    exec .venv/bin/desktop-agent "$@"
    ;;
  test)
    install_packages "${RUN_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    # shellcheck disable=SC2046
    install_packages $(freeze_packages)
    setup_venv "test,freeze"
    echo "== ruff"; .venv/bin/ruff check desktop_agent tests benchmarks
    echo "== import-linter"; .venv/bin/lint-imports
    echo "== pytest"
    export DESKTOP_AGENT_REQUIRE_SIP=1   # in the full suite a missing SIP part is a failure, not a skip
    set +e
    .venv/bin/python -m pytest -p no:cacheprovider "$@"
    rc=$?
    set -e
    if [ "$rc" -eq 5 ]; then
      echo "pytest collected no tests: that is a failure" >&2; exit 1
    fi
    exit "$rc"
    ;;
  *)
    echo "usage: bash scripts/bootstrap.sh run|test [args...]" >&2; exit 64 ;;
esac
