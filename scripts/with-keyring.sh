#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so keyring tests
# use the real Secret Service rather than a stand-in. Outside Linux, or when a session bus is
# already present, the command runs as it is.
set -euo pipefail
if [[ "$(uname -s)" != "Linux" || -n "${TUNEBRIDGE_KEYRING_READY:-}" ]]; then
  exec "$@"
fi
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "with-keyring: dbus-run-session and gnome-keyring-daemon are needed for the keyring tests." >&2
  echo "Install them with: sudo apt-get install dbus gnome-keyring" >&2
  exit 1
fi
export TUNEBRIDGE_KEYRING_READY=1
# The unlock password only protects this throwaway session's keyring; an empty one creates no collection.
# Each session keeps its keyring file in a folder of its own: daemons of concurrent sessions sharing
# ~/.local/share/keyrings reload each other's writes, and entries vanish from under a running test.
keyring_dir="$(mktemp -d)"
trap 'rm -rf "$keyring_dir"' EXIT
export TUNEBRIDGE_KEYRING_DIR="$keyring_dir"
dbus-run-session -- bash -c '
  eval "$(printf "tunebridge-test-keyring" | XDG_DATA_HOME="$TUNEBRIDGE_KEYRING_DIR" gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  exec "$@"
' with-keyring "$@" 2> >(grep -v "Failed to set fd limit" >&2)
