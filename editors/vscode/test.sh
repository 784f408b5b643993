#!/usr/bin/env bash
# Runs the extension's tests with Node's test runner, against a stub of the `vscode` module (VS
# Code itself is not needed). Some tests run dist/extension.js, the bundle the .vsix ships, and
# the .vsix itself when build.sh has made it. The TAP summary ends with "# pass N" and "# fail N".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --ignore-scripts --no-audit --no-fund
fi
# The bundle is what the .vsix ships; make it again if the sources changed since build.sh made it.
if [ ! -f dist/extension.js ] || [ -n "$(find src package-lock.json -newer dist/extension.js -print -quit)" ]; then
  npm run --silent bundle
fi

# The modules one by one rather than bundled, so that a test can replace vscode-languageclient.
rm -rf out
node_modules/.bin/esbuild src/*.ts --outdir=out --platform=node --format=cjs --target=node18 --log-level=warning

node --test --test-reporter=tap test/*.test.mjs
