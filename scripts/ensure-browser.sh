#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the browser tests (e2e/).
# Idempotent: does nothing when /usr/bin/chromium is already there. Installing
# needs root (CI containers run as root); otherwise it says what to run.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-browser: $CHROMIUM is missing and apt-get is not available; install Chromium another way." >&2
  exit 1
fi

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    echo "ensure-browser: $CHROMIUM is missing; run as root: apt-get install chromium" >&2
    exit 1
  fi
else
  SUDO=()
fi

echo "ensure-browser: installing Debian's chromium with apt-get"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq </dev/null
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends chromium </dev/null

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-browser: apt-get finished but $CHROMIUM is still missing" >&2
  exit 1
fi
echo "ensure-browser: $("$CHROMIUM" --version 2>/dev/null || echo chromium installed)"
