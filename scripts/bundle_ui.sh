#!/usr/bin/env bash
# Vendors the web UI's charting library (uPlot, MIT) into
# crates/isnad-serve/assets/vendor/: the pinned version from
# scripts/ui-package.json is installed from npm into a temporary directory and
# its minified IIFE build, stylesheet and licence are copied. The vendored
# files are committed; building the crate never needs npm.
set -euo pipefail
cd "$(dirname "$0")/.."
out=crates/isnad-serve/assets/vendor
version=$(sed -n 's/^ *"uplot": *"\([^"]*\)".*/\1/p' scripts/ui-package.json)
[ -n "$version" ] || { echo "no uplot version in scripts/ui-package.json" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
npm install --prefix "$tmp" --no-audit --no-fund --ignore-scripts --save-exact "uplot@$version" >&2
pkg="$tmp/node_modules/uplot"
got=$(node -p "require('$pkg/package.json').version")
[ "$got" = "$version" ] || { echo "installed uplot $got, wanted $version" >&2; exit 1; }
mkdir -p "$out"
cp "$pkg/dist/uPlot.iife.min.js" "$out/uPlot.iife.min.js"
cp "$pkg/dist/uPlot.min.css" "$out/uPlot.min.css"
cp "$pkg/LICENSE" "$out/uPlot.LICENSE"
echo "uplot $got -> $out"
