#!/usr/bin/env bash
# Refresh the Hunspell dictionaries shipped in src/CommsLinter.Spelling/dictionaries/.
#
# Usage:
#   scripts/update-dictionaries.sh [debian|npm]
#
#   debian (default)  apt-get download hunspell-pl hunspell-ru hunspell-it hunspell-en-gb
#                     and copy usr/share/hunspell/<lang>.{aff,dic} out of the .deb files.
#                     These are the files the project ships today (LibreOffice dictionaries
#                     as packaged by Debian). If apt cannot find the packages, run
#                     `apt-get update` first.
#   npm               npm pack dictionary-pl dictionary-ru dictionary-it dictionary-en-gb
#                     and copy package/index.{aff,dic}. NOTE: these npm packages are not
#                     always the same upstream as the Debian ones (dictionary-en-gb in
#                     particular is built from a different word list, under a different
#                     licence), so check THIRD-PARTY-NOTICES.md carefully after using it.
#
# Environment:
#   COMMSLINT_DICTIONARIES_DIR  target directory (default: the repository's
#                               src/CommsLinter.Spelling/dictionaries). Point it at a
#                               scratch folder to try the script without touching the repo.
set -euo pipefail

MODE="${1:-debian}"
case "$MODE" in
  debian|npm) ;;
  -h|--help)
    sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
    ;;
  *)
    echo "error: unknown source '$MODE' (expected 'debian' or 'npm')" >&2
    exit 2
    ;;
esac

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
DEST="${COMMSLINT_DICTIONARIES_DIR:-$REPO_ROOT/src/CommsLinter.Spelling/dictionaries}"

# Hunspell name -> Debian package -> npm package
LANGS=(pl_PL ru_RU it_IT en_GB)
declare -A DEB_PKG=([pl_PL]=hunspell-pl [ru_RU]=hunspell-ru [it_IT]=hunspell-it [en_GB]=hunspell-en-gb)
declare -A NPM_PKG=([pl_PL]=dictionary-pl [ru_RU]=dictionary-ru [it_IT]=dictionary-it [en_GB]=dictionary-en-gb)

WORK="$(mktemp -d "${TMPDIR:-/tmp}/commslint-dicts.XXXXXXXX")"
cleanup() { rm -rf -- "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

STAGE="$WORK/stage"
mkdir -p "$STAGE"

# First line of a .dic file (the approximate word count), without BOM or CR.
word_count() {
  LC_ALL=C awk 'NR==1 { sub(/^\357\273\277/, ""); sub(/\r$/, ""); print; exit }' "$1"
}

# The "SET <encoding>" line of an .aff file.
set_line() {
  LC_ALL=C awk 'NR==1 { sub(/^\357\273\277/, "") } /^SET[ \t]/ { sub(/\r$/, ""); print; found=1; exit } END { if (!found) print "(no SET line)" }' "$1"
}

summary() {
  local dir="$1" lang
  printf '  %-6s  %10s  %s\n' "dict" "words" "aff encoding"
  for lang in "${LANGS[@]}"; do
    if [[ -f "$dir/$lang.dic" && -f "$dir/$lang.aff" ]]; then
      printf '  %-6s  %10s  %s\n' "$lang" "$(word_count "$dir/$lang.dic")" "$(set_line "$dir/$lang.aff")"
    else
      printf '  %-6s  %10s  %s\n' "$lang" "-" "(missing)"
    fi
  done
}

fetch_debian() {
  local dl="$WORK/deb" root="$WORK/root" deb lang pkgs=()
  mkdir -p "$dl" "$root"
  # As root, apt downloads as the unprivileged _apt user; let it write here
  # (otherwise it falls back to an unsandboxed download with a warning).
  chmod 0755 "$WORK"
  if [[ $EUID -eq 0 ]] && id _apt >/dev/null 2>&1; then
    chown _apt "$dl"
  fi
  for lang in "${LANGS[@]}"; do pkgs+=("${DEB_PKG[$lang]}"); done

  echo "Downloading ${pkgs[*]} with apt-get download ..."
  if ! (cd "$dl" && apt-get download "${pkgs[@]}"); then
    echo "error: apt-get download failed. If the packages were not found, run 'apt-get update' and try again." >&2
    exit 1
  fi

  for deb in "$dl"/*.deb; do
    echo "  $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version)  ($(basename "$deb"))"
    dpkg-deb -x "$deb" "$root"
  done

  for lang in "${LANGS[@]}"; do
    for ext in aff dic; do
      local src="$root/usr/share/hunspell/$lang.$ext"
      # Some names in these packages are symlinks (e.g. it_CH -> it_IT); copy the target.
      local real
      real="$(readlink -f "$src" || true)"
      if [[ -z "$real" || ! -f "$real" ]]; then
        echo "error: $src not found in ${DEB_PKG[$lang]}" >&2
        exit 1
      fi
      cp -- "$real" "$STAGE/$lang.$ext"
    done
  done
}

fetch_npm() {
  local dl="$WORK/npm" lang tgz pkgs=()
  mkdir -p "$dl"
  for lang in "${LANGS[@]}"; do pkgs+=("${NPM_PKG[$lang]}"); done

  echo "Downloading ${pkgs[*]} with npm pack ..."
  (cd "$dl" && npm pack --silent "${pkgs[@]}" >/dev/null)

  for lang in "${LANGS[@]}"; do
    local pkg="${NPM_PKG[$lang]}" out="$dl/${NPM_PKG[$lang]}"
    tgz="$(ls -1 "$dl/$pkg"-[0-9]*.tgz 2>/dev/null | head -n1 || true)"
    if [[ -z "$tgz" ]]; then
      echo "error: npm pack did not produce a tarball for $pkg" >&2
      exit 1
    fi
    mkdir -p "$out"
    tar -xzf "$tgz" -C "$out"
    local version license
    version="$(node -p "require('$out/package/package.json').version" 2>/dev/null || echo '?')"
    license="$(node -p "JSON.stringify(require('$out/package/package.json').license)" 2>/dev/null || echo '?')"
    echo "  $pkg $version  (licence field: $license)"
    for ext in aff dic; do
      local src="$out/package/index.$ext"
      if [[ ! -f "$src" ]]; then
        echo "error: $pkg has no package/index.$ext" >&2
        exit 1
      fi
      cp -- "$(readlink -f "$src")" "$STAGE/$lang.$ext"
    done
  done
}

mkdir -p "$DEST"
echo "Target: $DEST"
echo "Source: $MODE"
echo
echo "Before:"
summary "$DEST"
echo

case "$MODE" in
  debian) fetch_debian ;;
  npm)    fetch_npm ;;
esac

# Everything was fetched and unpacked; only now touch the target directory.
for lang in "${LANGS[@]}"; do
  for ext in aff dic; do
    if [[ ! -s "$STAGE/$lang.$ext" ]]; then
      echo "error: $lang.$ext is empty or missing after download" >&2
      exit 1
    fi
  done
done

echo
echo "Installing into $DEST:"
for lang in "${LANGS[@]}"; do
  for ext in aff dic; do
    f="$lang.$ext"
    if [[ -f "$DEST/$f" ]] && cmp -s "$STAGE/$f" "$DEST/$f"; then
      state="unchanged"
    elif [[ -f "$DEST/$f" ]]; then
      state="changed"
    else
      state="new"
    fi
    install -m 0644 -- "$STAGE/$f" "$DEST/$f"
    printf '  %-10s %s\n' "$f" "$state"
  done
done

echo
echo "After:"
summary "$DEST"
echo
cat <<EOF
Next steps:
  - Run 'dotnet test' from the repository root: the differential test compares
    the spelling engine against GNU Hunspell on these dictionaries.
  - If a SET line (encoding) changed, check that the loader still reads the files
    correctly (pl_PL has been ISO8859-2, the others UTF-8).
  - Update docs/spelling.md (word counts, sources, versions) and
    THIRD-PARTY-NOTICES.md (package versions, authors, licences) to match.
EOF
if [[ "$MODE" == npm ]]; then
  cat <<EOF
  - The npm packages are not the Debian/LibreOffice builds; dictionary-en-gb in
    particular comes from a different word list under different licence terms.
    Re-check every notice before committing.
EOF
fi
