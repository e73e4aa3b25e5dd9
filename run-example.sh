#!/usr/bin/env bash
# Installs socialkg and runs the main job on the bundled example corpus (examples/):
# load the articles into a store, show what was found, ask a saved query, and draw
# the partnership network into example-network.html.
set -euo pipefail
cd "$(dirname "$0")"

python3 -m pip install -q --disable-pip-version-check -e .
export SOCIALKG_STORE="${SOCIALKG_STORE:-example-store}"

socialkg load examples/
socialkg stats
socialkg query most-mentioned
socialkg network --html example-network.html
echo "Open example-network.html in a browser; the store is in $SOCIALKG_STORE/"
