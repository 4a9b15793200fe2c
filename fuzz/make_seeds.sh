#!/bin/sh
# Writes the committed seed corpora (fuzz/seeds/<target>/) from ../shared/samples,
# ../shared/corpus and the canbo CLI. Run from the repository root after `cargo build -p canbo-cli`.
set -eu
CANBO=${CANBO:-${CARGO_TARGET_DIR:-target}/debug/canbo}
SHARED=../shared
OUT=fuzz/seeds
rm -rf "$OUT" && mkdir -p "$OUT/import_bytes" "$OUT/csv_roster" "$OUT/store_unpack" "$OUT/share_decode"
python3 - "$SHARED" "$OUT" <<'PY'
import os, sys
shared, out = sys.argv[1], sys.argv[2]
modes = {'.xlsx': 0, '.xlsm': 0, '.xls': 1, '.ods': 2, '.xlsb': 3, '.csv': 4}
files = []
for d in ('corpus/calamine', 'samples'):
    for name in sorted(os.listdir(os.path.join(shared, d))):
        path = os.path.join(shared, d, name)
        ext = os.path.splitext(name)[1].lower()
        if ext in modes and os.path.getsize(path) <= 12000:
            files.append((name, ext, open(path, 'rb').read()))
# The samples are larger: their first lines (CSV) or the smallest whole workbook.
csv = open(os.path.join(shared, 'samples/mau-son.csv'), 'rb').read().split(b'\n')
head = b'\n'.join(csv[:25]) + b'\n'
files.append(('mau-son-head.csv', '.csv', head))
files.append(('mau-son-xa.xlsx', '.xlsx', open(os.path.join(shared, 'samples/mau-son-xa.xlsx'), 'rb').read()))
for name, ext, data in files:
    # 5: sniffed (the whole import); the format's own number: that reader forced.
    open(os.path.join(out, 'import_bytes', name + '.sniffed'), 'wb').write(bytes([5]) + data)
    open(os.path.join(out, 'import_bytes', name + '.forced'), 'wb').write(bytes([modes[ext]]) + data)
open(os.path.join(out, 'csv_roster', 'mau-son-head.csv'), 'wb').write(head)
open(os.path.join(out, 'csv_roster', 'semicolons.csv'), 'wb').write(
    head.replace(b',', b';'))
open(os.path.join(out, 'csv_roster', 'tabs.csv'), 'wb').write(head.replace(b',', b'\t'))
PY
for f in mau-son-xa.xlsx mau-son-don-gian.xlsx mau-son.csv; do
  "$CANBO" share --as-of 2024-12-31 "$SHARED/samples/$f" > "$OUT/share_decode/$f.link"
  "$CANBO" share --as-of 2024-12-31 --hide-small 3 "$SHARED/samples/$f" > "$OUT/share_decode/$f.hidden.link"
done
# Envelopes as the page stores them: kind:version:base64url(deflate-raw(JSON)).
tmp=$(mktemp -d)
printf 'seed\n' > "$tmp/pass"
head -n 12 "$SHARED/samples/mau-son.csv" > "$tmp/small.csv"
"$CANBO" pack -o "$tmp/p.canbo" --passphrase-file "$tmp/pass" "$tmp/small.csv"
"$CANBO" unpack "$tmp/p.canbo" --passphrase-file "$tmp/pass" -o "$tmp/roster.json"
python3 - "$tmp/roster.json" "$OUT/store_unpack" <<'PY'
import base64, json, sys, zlib
roster, out = sys.argv[1], sys.argv[2]
def envelope(kind, version, value):
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    raw = c.compress(json.dumps(value).encode()) + c.flush()
    return f"{kind}:{version}:{base64.urlsafe_b64encode(raw).decode().rstrip('=')}"
value = json.load(open(roster))
value = value.get('roster', value)
open(f"{out}/roster", 'w').write(envelope('canbo.roster', 1, value))
open(f"{out}/state", 'w').write(envelope('canbo.state', 2, {"settings": {"as_of": "2024-12-31"}, "snapshots": []}))
open(f"{out}/newer", 'w').write(envelope('canbo.state', 9, {}))
PY
rm -rf "$tmp"
du -sh "$OUT"/*
