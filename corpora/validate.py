#!/usr/bin/env python3
"""Self-check for claimex's sample corpora (stdlib only): python3 corpora/validate.py

Checks that every JSON file parses, that samples.jsonl and samples/*.txt agree,
that every annotated source/cue/content string occurs verbatim in its page (and
on the annotated line), that the .txt files are UTF-8 (except bad/invalid_utf8.txt),
and that the bad/ fixtures still have the defects they are meant to have.
"""
import glob, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"direct", "indirect", "mixed"}
TYPES = {"person", "anonymous", "organization", "document", "unknown"}
errors = []

def err(*a):
    errors.append(" ".join(str(x) for x in a))

def p(*parts):
    return os.path.join(HERE, *parts)

# samples.jsonl
records = {}
with open(p("samples.jsonl"), encoding="utf-8") as fh:
    for n, line in enumerate(fh, 1):
        rec = json.loads(line)
        for k in ("id", "title", "url", "date", "text"):
            if not isinstance(rec.get(k), str):
                err("samples.jsonl line", n, "field", k, "missing or not a string")
        if rec["id"] in records:
            err("duplicate id", rec["id"])
        records[rec["id"]] = rec

# .txt files are UTF-8 and identical to the JSONL text
for path in sorted(glob.glob(p("samples", "*.txt"))):
    raw = open(path, "rb").read()
    try:
        txt = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        err(path, "not UTF-8:", e)
        continue
    sid = os.path.splitext(os.path.basename(path))[0]
    if sid not in records:
        err(path, "has no samples.jsonl record")
    elif records[sid]["text"] != txt:
        err(path, "differs from samples.jsonl text")

# expected/*.json
total = 0
for path in sorted(glob.glob(p("expected", "*.json"))):
    exp = json.load(open(path, encoding="utf-8"))
    sid = exp["id"]
    text = records[sid]["text"]
    lines = text.replace("\r\n", "\n").split("\n")
    if exp.get("file"):
        if exp["title"] != lines[0]:
            err(sid, "title is not line 1")
    elif exp["title"] != records[sid]["title"]:
        err(sid, "title differs from the JSONL title")
    bl, hl = set(exp["boilerplate_lines"]), set(exp["heading_lines"])
    if bl & hl:
        err(sid, "lines both boilerplate and heading:", sorted(bl & hl))
    for ln in bl | hl:
        if not (1 <= ln <= len(lines)) or not lines[ln - 1].strip():
            err(sid, "line", ln, "out of range or blank")
    for c in exp["claims"]:
        total += 1
        ln = c["line"]
        line = lines[ln - 1]
        if ln in bl or ln in hl:
            err(sid, "claim on boilerplate/heading line", ln)
        for k in ("source", "cue", "content"):
            if c[k] not in text:
                err(sid, "line", ln, k, "not verbatim in page:", repr(c[k]))
        if c["content"] not in line:
            err(sid, "line", ln, "content not on that line:", repr(c["content"]))
        if c["cue"] and not re.search(r"\b" + re.escape(c["cue"]) + r"\b", line):
            err(sid, "line", ln, "cue not on that line:", repr(c["cue"]))
        if c["cue"] and not re.search(r"(?<!\w)" + re.escape(c["source"]) + r"(?!\w)", line):
            err(sid, "line", ln, "source not on that line:", repr(c["source"]))
        if c["kind"] not in KINDS or c["type"] not in TYPES:
            err(sid, "line", ln, "bad kind/type", c["kind"], c["type"])
        if "resolved" in c and c["resolved"] not in text:
            err(sid, "line", ln, "resolved not verbatim:", repr(c["resolved"]))
        frags = c.get("content_fragments")
        if frags:
            start = line.find(frags[0])
            pos = start
            for fr in frags:
                q = line.find(fr, pos)
                if q < 0:
                    err(sid, "line", ln, "fragment missing or out of order:", repr(fr))
                    break
                pos = q + len(fr)
            else:
                if line[start:pos] != c["content"]:
                    err(sid, "line", ln, "content is not the span of its fragments")
    for nc in exp["no_comment"]:
        line = lines[nc["line"] - 1]
        if nc["subject"] not in line or nc["cue"] not in line:
            err(sid, "no_comment not on line", nc["line"])

# bad/ fixtures keep their defects
raw = open(p("bad", "invalid_utf8.txt"), "rb").read()
try:
    raw.decode("utf-8")
    err("bad/invalid_utf8.txt decodes as UTF-8")
except UnicodeDecodeError:
    pass
raw = open(p("bad", "bom.txt"), "rb").read()
if not raw.startswith(b"\xef\xbb\xbf"):
    err("bad/bom.txt lacks a BOM")
raw.decode("utf-8")
if os.path.getsize(p("bad", "empty.txt")) != 0:
    err("bad/empty.txt is not empty")
raw = open(p("bad", "malformed.jsonl"), "rb").read()
if b"\x00" in raw or b"\\u0000" not in raw or not raw.endswith(b"}\r\n"):
    err("bad/malformed.jsonl lost its NUL escape or CRLF last line")
outcomes = []
for line in raw.split(b"\n")[:-1]:
    s = line.decode("utf-8").rstrip("\r")
    if not s.strip():
        outcomes.append("empty")
        continue
    try:
        rec = json.loads(s)
    except ValueError:
        outcomes.append("not-json")
        continue
    t = rec.get("text")
    if t is None:
        outcomes.append("no-text")
    elif not isinstance(t, str):
        outcomes.append("text-not-string")
    elif not isinstance(rec.get("id"), str):
        outcomes.append("id-not-string")
    elif "\x00" in t:
        outcomes.append("nul")
    else:
        outcomes.append("ok")
want = ["ok", "not-json", "no-text", "text-not-string", "empty", "id-not-string", "nul", "ok"]
if outcomes != want:
    err("bad/malformed.jsonl outcomes", outcomes, "!=", want)

for e in errors:
    print("ERROR:", e)
print(f"{len(records)} records, {total} annotated claims, {len(errors)} errors")
sys.exit(1 if errors else 0)
