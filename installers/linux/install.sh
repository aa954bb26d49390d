#!/bin/sh
# Installs Desktop Agent for the current user; no root needed. Run it from the unpacked tarball:
#   ./install.sh
# Puts the app in $PREFIX/lib/desktop-agent, the `desktop-agent` command in $PREFIX/bin, the menu entry
# in $XDG_DATA_HOME/applications and the icons in $XDG_DATA_HOME/icons/hicolor.
# Defaults: PREFIX=~/.local, XDG_DATA_HOME=~/.local/share. Running it again upgrades in place.
# Your data (the embedded database, settings) lives elsewhere and is never touched by install or uninstall.
# The app carries its libraries except the few in system-libraries.txt (the C library and the graphics
# stack, which every Linux desktop has); any of those this system lacks is named at the end.
set -eu

src=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
app_dir=$prefix/lib/desktop-agent
bin_dir=$prefix/bin
apps_dir=$data_home/applications
icons_dir=$data_home/icons/hicolor

if [ ! -x "$src/desktop-agent/desktop-agent" ]; then
  echo "install.sh: desktop-agent/ not found beside this script: run it from the unpacked tarball" >&2
  exit 2
fi

mkdir -p "$prefix/lib" "$bin_dir" "$apps_dir"

# Copy first, then swap: an interrupted copy leaves the previous version working.
rm -rf "$app_dir.new"
cp -R "$src/desktop-agent" "$app_dir.new"
cp "$src/uninstall.sh" "$app_dir.new/uninstall.sh"
chmod 755 "$app_dir.new/uninstall.sh"
rm -rf "$app_dir"
mv "$app_dir.new" "$app_dir"
manifest=$app_dir/install-manifest.txt
: > "$manifest"

ln -sfn "$app_dir/desktop-agent" "$bin_dir/desktop-agent"
echo "$bin_dir/desktop-agent" >> "$manifest"

for icon in "$src"/share/icons/hicolor/*/apps/desktop-agent.*; do
  [ -f "$icon" ] || continue
  size_dir=$(basename "$(dirname "$(dirname "$icon")")")
  mkdir -p "$icons_dir/$size_dir/apps"
  cp "$icon" "$icons_dir/$size_dir/apps/"
  echo "$icons_dir/$size_dir/apps/$(basename "$icon")" >> "$manifest"
done

# A desktop entry's Exec needs a quoted absolute path (the menu does not see ~/.local/bin on every
# desktop); inside quotes, \ " ` and $ are escaped with a backslash.
escaped=$(printf '%s' "$app_dir/desktop-agent" | sed 's/[\\"`$]/\\&/g')
exec_value="\"$escaped\""
desktop_file=$apps_dir/desktop-agent.desktop
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    "# install.sh"*) ;;
    *@EXEC@*) printf '%s\n' "${line%%@EXEC@*}$exec_value${line#*@EXEC@}" ;;
    *@TRYEXEC@*) printf '%s\n' "${line%%@TRYEXEC@*}$app_dir/desktop-agent${line#*@TRYEXEC@}" ;;
    *) printf '%s\n' "$line" ;;
  esac
done < "$src/share/applications/desktop-agent.desktop" > "$desktop_file"
echo "$desktop_file" >> "$manifest"

command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps_dir" || true
[ -d "$icons_dir" ] && touch "$icons_dir"  # icon themes notice new icons by the folder's time; no user-level cache is made

# The libraries the app takes from the system (system-libraries.txt beside this script), as the loader's
# cache lists them. The C library needs no check: the --version below runs on it.
missing_libraries() {
  list=$src/system-libraries.txt
  ldconfig=$(command -v ldconfig 2>/dev/null) || ldconfig=""
  for candidate in /sbin/ldconfig /usr/sbin/ldconfig; do  # not on a user's PATH everywhere
    if [ -z "$ldconfig" ] && [ -x "$candidate" ]; then ldconfig=$candidate; fi
  done
  if [ ! -f "$list" ] || [ -z "$ldconfig" ]; then return 0; fi
  known=$("$ldconfig" -p 2>/dev/null | awk 'NR > 1 { print $1 }') || known=""
  if [ -z "$known" ]; then return 0; fi
  while read -r soname package rest; do
    case $soname in ''|'#'*) continue ;; esac
    if [ "$package" != libc6 ] && ! printf '%s\n' "$known" | grep -qxF "$soname"; then
      printf ' %s (%s),' "$soname" "$package"
    fi
  done < "$list"
  return 0
}

version=$("$app_dir/desktop-agent" --version)
echo "$version installed in $app_dir"
missing=$(missing_libraries)
if [ -n "$missing" ]; then
  echo "Note: this system lacks libraries the app's window relies on:${missing%,}; install those packages (Debian/Ubuntu names)."
fi
case ":$PATH:" in
  *":$bin_dir:"*) ;;
  *) echo "Note: $bin_dir is not on your PATH; add it, or start Desktop Agent from the applications menu." ;;
esac
echo "To remove it: $app_dir/uninstall.sh"
