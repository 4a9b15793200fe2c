#!/bin/sh
# Rebuild all eight rosters and their expected.json files (deterministic, seeded).
set -e
cd "$(dirname "$0")"
[ -x venv/bin/python ] || { python3 -m venv venv && venv/bin/pip install -q openpyxl XlsxWriter pyexcelerate pandas; }
for s in make_f1_openpyxl.py make_f2_xlsxwriter_cm.py make_f3_pyexcelerate.py make_f4_pandas.py \
         make_f5_excel365.py make_f6_noref.py make_f7_multisheet.py make_f8_1904.py; do
  venv/bin/python "$s"
done
venv/bin/python summary.py > figures.md
