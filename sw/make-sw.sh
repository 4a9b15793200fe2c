#!/bin/sh
# Trunk post_build hook (Trunk.toml): writes sw.js into the build with the name of every
# file of the build and a cache name from a hash of their contents. POSIX sh and coreutils.
set -eu
staging="${TRUNK_STAGING_DIR:?run by trunk build (TRUNK_STAGING_DIR)}"
source="${TRUNK_SOURCE_DIR:-.}"
cd "$staging"
rm -f sw.js
# Every file, relative, sorted the same way on every machine. No name may hold a space.
files=$(find . -type f | sed 's|^\./||' | LC_ALL=C sort)
case "$files" in *' '*) echo "make-sw.sh: a file name holds a space" >&2; exit 1 ;; esac
hash=$(for file in $files; do sha256sum "$file"; done | sha256sum | cut -c1-16)
list=$(for file in $files; do printf '"%s",' "$file"; done)
sed -e "s|__HASH__|$hash|" -e "s|__FILES__|${list%,}|" "$source/sw/sw.js" > sw.js
count=$(printf '%s\n' "$files" | wc -l)
bytes=$(cat $files | wc -c)
echo "make-sw.sh: sw.js precaches $count files, $bytes bytes, cache canbo-$hash"
