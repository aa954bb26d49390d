#!/bin/sh
# Removes what install.sh put in place (listed in the app folder's install-manifest.txt), then the app.
#   ~/.local/lib/desktop-agent/uninstall.sh      (or ./uninstall.sh from the unpacked tarball)
# Honours the same PREFIX as install.sh. Your data (the embedded database, settings) is kept.
set -eu

prefix=${PREFIX:-$HOME/.local}
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
app_dir=$prefix/lib/desktop-agent
manifest=$app_dir/install-manifest.txt

if [ ! -f "$manifest" ]; then
  echo "uninstall.sh: Desktop Agent is not installed in $app_dir" >&2
  exit 1
fi

while IFS= read -r path || [ -n "$path" ]; do
  case $path in
    "$prefix"/*|"$data_home"/*) rm -f -- "$path" ;;  # never anything outside the two install roots
    "") ;;
    *) echo "uninstall.sh: skipping $path (outside $prefix and $data_home)" >&2 ;;
  esac
done < "$manifest"
rm -rf -- "$app_dir"

command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data_home/applications" || true
[ -d "$data_home/icons/hicolor" ] && touch "$data_home/icons/hicolor" || true

echo "Desktop Agent removed from $app_dir."
echo "Your data was kept: the database and settings are in $data_home/desktop-agent and"
echo "${XDG_CONFIG_HOME:-$HOME/.config}/desktop-agent; delete them yourself if you no longer need them."
