#!/usr/bin/env bash
# Builds dist/desktop-agent-VERSION-linux-ARCH.tar.gz: the one-folder app, a desktop entry, icons,
# install.sh and uninstall.sh (both for the current user, no root), and system-libraries.txt: the few
# libraries the app takes from the user's system (the C library and the graphics stack).
#
#   bash installers/linux/build_tarball.sh [--app-dir DIR] [--out DIR]
#     --app-dir DIR  package an app folder already frozen with installers/desktop-agent.spec
#                    (DIR/desktop-agent is the executable); without it, PyInstaller runs first
#     --out DIR      where the tarball goes (default: dist/ in the checkout)
#     --fast         compress quickly (gzip -1), for tests; releases use the default level
# Environment: PYTHON, the interpreter with the app and its `freeze` extra (default: .venv/bin/python).
# Prints the tarball's path on its last line.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
python=${PYTHON:-$root/.venv/bin/python}
app_dir=""
out="$root/dist"
gzip_level=6

while [ $# -gt 0 ]; do
  case $1 in
    --app-dir) app_dir=$(cd "$2" && pwd); shift 2 ;;
    --out) mkdir -p "$2"; out=$(cd "$2" && pwd); shift 2 ;;
    --fast) gzip_level=1; shift ;;
    *) echo "build_tarball.sh: unknown argument $1 (use --app-dir DIR, --out DIR, --fast)" >&2; exit 64 ;;
  esac
done

version=$("$python" -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' \
  "$root/pyproject.toml")
name="desktop-agent-$version-linux-$(uname -m)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -z "$app_dir" ]; then
  "$python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$work/dist" --workpath "$work/build" "$root/installers/desktop-agent.spec"
  app_dir=$work/dist/desktop-agent
fi
if [ ! -x "$app_dir/desktop-agent" ]; then
  echo "build_tarball.sh: no desktop-agent executable in $app_dir" >&2
  exit 2
fi
frozen_version=$("$app_dir/desktop-agent" --version)
if [ "$frozen_version" != "desktop-agent $version" ]; then
  echo "build_tarball.sh: the app in $app_dir says '$frozen_version', pyproject says $version: rebuild it" >&2
  exit 2
fi

stage=$work/$name
mkdir -p "$stage/share/applications" "$stage/share/icons/hicolor/scalable/apps"
cp -a "$app_dir" "$stage/desktop-agent"
install -m 644 "$here/desktop-agent.desktop" "$stage/share/applications/desktop-agent.desktop"
install -m 644 "$root/resources/icons/desktop-agent.svg" "$stage/share/icons/hicolor/scalable/apps/"
QT_QPA_PLATFORM=offscreen "$python" "$root/installers/render_icons.py" \
  "$root/resources/icons/desktop-agent.svg" "$work/icons" > /dev/null
for size in 16 24 32 48 64 128 256; do
  mkdir -p "$stage/share/icons/hicolor/${size}x${size}/apps"
  install -m 644 "$work/icons/desktop-agent-$size.png" "$stage/share/icons/hicolor/${size}x${size}/apps/desktop-agent.png"
done
install -m 755 "$here/install.sh" "$here/uninstall.sh" "$stage/"
install -m 644 "$here/system-libraries.txt" "$stage/"  # what install.sh expects the system to provide

mkdir -p "$out"
# Owner fixed and names sorted, so the listing does not depend on who built it, or where.
tar -C "$work" --owner=0 --group=0 --numeric-owner --sort=name -cf - "$name" | gzip "-$gzip_level" > "$out/$name.tar.gz"
echo "$out/$name.tar.gz"
