#!/usr/bin/env bash
# Builds the CommsLinter VS Code extension into commslinter-<version>.vsix next to this script:
# installs the locked npm packages, type-checks, bundles with esbuild and packages with vsce.
# Prints the path of the .vsix as its last line.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# npm records what it installed in node_modules/.package-lock.json; a lock file newer than that
# record means someone changed the dependencies since.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # No install scripts: esbuild finds its binary in its platform package without one, and the
  # vsce-sign one would download a signing tool that packaging does not use.
  npm ci --ignore-scripts --no-audit --no-fund
fi

npm run --silent typecheck

rm -rf dist
npm run --silent bundle

version=$(node -p "require('./package.json').version")
vsix="commslinter-${version}.vsix"
rm -f "$vsix"
# --no-dependencies: the bundle already holds vscode-languageclient, so node_modules stays out.
node_modules/.bin/vsce package --no-dependencies -o "$vsix"
echo "$(pwd)/$vsix"
