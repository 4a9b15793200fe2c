"""python-calamine's bare read of a roster, the baseline of docs/BENCHMARKS.md.

    pip install python-calamine
    python3 bench/python_calamine_read.py /tmp/roster-250k.xlsx [runs]

Prints the median wall time of `CalamineWorkbook.from_path(f).get_sheet_by_index(0).to_python()`
(open, parse, every cell converted to a Python value: nothing more) and the peak RSS.
"""
import resource
import statistics
import sys
import time

from python_calamine import CalamineWorkbook

path = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
times = []
for _ in range(runs):
    start = time.perf_counter()
    rows = CalamineWorkbook.from_path(path).get_sheet_by_index(0).to_python()
    times.append(time.perf_counter() - start)
    del rows
peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"python-calamine bare read: median {statistics.median(times):.2f} s over {runs} runs "
      f"(min {min(times):.2f}, max {max(times):.2f}); peak RSS {peak_mib:.0f} MiB")
