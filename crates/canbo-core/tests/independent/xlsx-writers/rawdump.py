"""Tiny independent sanity dumper (zipfile + ElementTree only): prints each sheet's rows as
positioned cell values, following r-less cells/rows by order. Used only to eyeball the files;
expected figures never come from here."""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
M = "{%s}" % NS["m"]


def col_idx(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def text_of(el):
    return "".join(t.text or "" for t in el.iter(M + "t") if not any(True for _ in []))


def si_text(si):
    # plain <t> or rich runs <r><t>; ignore phonetic <rPh>
    out = []
    for child in si:
        if child.tag == M + "t":
            out.append(child.text or "")
        elif child.tag == M + "r":
            t = child.find(M + "t")
            out.append(t.text or "" if t is not None else "")
    return "".join(out)


def dump(path, limit=None):
    z = zipfile.ZipFile(path)
    sst = []
    if "xl/sharedStrings.xml" in z.namelist():
        sst = [si_text(si) for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall(M + "si")]
    wb = ET.fromstring(z.read("xl/workbook.xml"))
    wbpr = wb.find(M + "workbookPr")
    print("workbookPr:", None if wbpr is None else wbpr.attrib)
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    rmap = {r.get("Id"): r.get("Target") for r in rels}
    for sh in wb.find(M + "sheets"):
        rid = sh.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        tgt = rmap[rid].lstrip("/")
        if not tgt.startswith("xl/"):
            tgt = "xl/" + tgt
        print("== sheet", sh.get("name"), sh.get("state"), tgt)
        root = ET.fromstring(z.read(tgt))
        rn = 0
        shown = 0
        for row in root.iter(M + "row"):
            rn = int(row.get("r")) if row.get("r") else rn + 1
            cn = 0
            vals = []
            for c in row.findall(M + "c"):
                cn = col_idx(c.get("r")) if c.get("r") else cn + 1
                t = c.get("t")
                v = c.find(M + "v")
                if t == "s":
                    val = sst[int(v.text)]
                elif t == "inlineStr":
                    val = si_text(c.find(M + "is"))
                elif v is not None:
                    val = v.text
                else:
                    continue
                vals.append(f"{cn}={val!r}")
            if limit is None or shown < limit:
                print(rn, " ".join(vals))
            shown += 1


if __name__ == "__main__":
    dump(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else None)
