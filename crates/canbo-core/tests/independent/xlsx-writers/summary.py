"""Print a markdown table of the expected figures (from the *.expected.json just written)."""
import glob, json
print("| file | people | can_bo | cong_chuc | kct | nữ | nam | party | minority | age bands <=29/30-40/41-50/51-60/>=61 | units | null breakdowns |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
for f in sorted(glob.glob("f*.xlsx.expected.json")):
    e = json.load(open(f))
    c = e["category"]; g = e["gender"]
    nulls = [k for k in ("general_education", "professional", "political_theory", "state_management", "evaluation") if e.get(k) is None]
    print(f"| {f[:-14]} | {e['people']} | {c['can_bo']} | {c['cong_chuc']} | {c['khong_chuyen_trach']} | {g['nu']} | {g['nam']} | "
          f"{e['party_member']} | {e['ethnic_minority']} | {'/'.join(str(b['count']) for b in e['age']['bands'])} | "
          f"{e['unit_count']} | {', '.join(nulls) or '-'} |")
print()
for f in sorted(glob.glob("f*.xlsx.expected.json")):
    e = json.load(open(f))
    parts = []
    for k in ("general_education", "professional", "political_theory", "state_management", "evaluation"):
        if e.get(k):
            parts.append(k + " " + json.dumps({a: b for a, b in e[k].items() if b}, ensure_ascii=False))
    print(f"- {f[:-14]}: " + "; ".join(parts))
