#!/usr/bin/env python3
"""Sanity checker for the table-driven test data in this directory.

    python3 tests/data/check_tables.py            # checks both files, exit 1 on error

attribution_cases.jsonl  -- one case per line:
  {"family", "name", "text", "claims": [...], "no_comment": [...] (optional)}
  every source/head/cue/content/fragment/resolved string must occur verbatim in
  text; head inside source; fragments in order inside content, content runs from
  the first fragment's start to the last fragment's end; resolved occurs at or
  before the source; direct content is immediately preceded by an opening quote
  mark; indirect content contains no double quote marks; mixed content does.

segmentation_cases.jsonl -- one case per line:
  {"name", "text", "sentences": [...]}
  sentences are trimmed, non-empty, occur in order, and between/around them
  there is only whitespace, so together they cover every non-space character.

Warnings (not errors) are printed for span strings that occur more than once as
whole words, so an author can see where "first occurrence after the previous
span" matters.
"""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

FAMILIES = {
    "said_that", "told_recipient", "inverted_said", "according_to",
    "direct_quote_cue_after", "direct_quote_cue_before", "split_quote",
    "multi_sentence_quote", "mixed", "adding_that", "relative_clause",
    "belief_estimate", "cueless_quote", "pronoun_resolution",
    "definite_resolution", "document_source", "organization_source",
    "statement_briefing", "not_a_claim", "no_comment", "curly_quotes",
}
KINDS = {"direct", "indirect", "mixed"}
TYPES = {"person", "anonymous", "organization", "document", "unknown"}
CLAIM_KEYS = {"source", "head", "cue", "content", "fragments", "kind", "type", "resolved"}
OPEN_QUOTES = '"“‘\''
DOUBLE_QUOTES = '"“”'
MIN_PER_FAMILY = 8
MIN_SEGMENTATION = 80

errors = []
warnings = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def warn(where, msg):
    warnings.append(f"{where}: {msg}")


def occurrences(text, s):
    out, i = [], text.find(s)
    while i != -1:
        out.append(i)
        i = text.find(s, i + 1)
    return out


def word_occurrences(text, s):
    """Occurrences not glued to a letter/digit on either side."""
    res = []
    for i in occurrences(text, s):
        j = i + len(s)
        before_ok = i == 0 or not (text[i - 1].isalnum() and s[:1].isalnum())
        after_ok = j == len(text) or not (text[j].isalnum() and s[-1:].isalnum())
        if before_ok and after_ok:
            res.append(i)
    return res


def load_jsonl(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                err(f"{os.path.basename(path)}:{n}", "blank line")
                continue
            try:
                rows.append((n, json.loads(line)))
            except json.JSONDecodeError as e:
                err(f"{os.path.basename(path)}:{n}", f"invalid JSON: {e}")
    return rows


def nearest(cands, pos):
    return min(cands, key=lambda p: abs(p - pos)) if cands else None


def check_claim(where, text, cl):
    for k in cl:
        if k not in CLAIM_KEYS:
            err(where, f"unknown claim key {k!r}")
    for k in ("source", "head", "content", "kind", "type"):
        if not isinstance(cl.get(k), str) or not cl.get(k):
            err(where, f"claim field {k!r} missing or empty")
            return None
    cue = cl.get("cue", "MISSING")
    if cue == "MISSING":
        err(where, "claim field 'cue' missing (use null for cueless)")
        return None
    if cue is not None and (not isinstance(cue, str) or not cue):
        err(where, "cue must be a non-empty string or null")
        return None
    if cl["kind"] not in KINDS:
        err(where, f"bad kind {cl['kind']!r}")
    if cl["type"] not in TYPES:
        err(where, f"bad type {cl['type']!r}")
    src, head, content = cl["source"], cl["head"], cl["content"]
    if head not in src:
        err(where, f"head {head!r} not inside source {src!r}")
    for k in ("source", "cue", "content", "resolved"):
        v = cl.get(k)
        if v is None:
            continue
        if v != v.strip():
            err(where, f"{k} {v!r} has surrounding whitespace")
        if v not in text:
            err(where, f"{k} {v!r} not found verbatim in text")
    frags = cl.get("fragments")
    if frags is not None:
        if not isinstance(frags, list) or len(frags) < 2:
            err(where, "fragments must be a list of >= 2 strings")
        else:
            if not content.startswith(frags[0]) or not content.endswith(frags[-1]):
                err(where, "content must start with the first and end with the last fragment")
            pos = 0
            for fr in frags:
                if not fr or fr != fr.strip():
                    err(where, f"bad fragment {fr!r}")
                i = content.find(fr, pos)
                if i < 0:
                    err(where, f"fragment {fr!r} not found (in order) inside content")
                    break
                pos = i + len(fr)
    if content[-1] in ",.;:" and not frags:
        err(where, f"content ends with punctuation: {content[-12:]!r}")
    if content[-1] in ",;:":
        err(where, f"content ends with {content[-1]!r}")
    if content[0] in OPEN_QUOTES and cl["kind"] != "mixed":
        err(where, "content starts with a quote mark")
    # kind vs quote marks
    pieces = frags if frags else [content]
    if cl["kind"] == "indirect" and any(q in content for q in DOUBLE_QUOTES):
        err(where, "indirect content contains double quote marks")
    if cl["kind"] == "mixed" and not any(q in content for q in DOUBLE_QUOTES):
        err(where, "mixed content contains no quote mark")
    if cl["kind"] == "direct":
        if not frags and any(q in content for q in DOUBLE_QUOTES):
            err(where, "direct content contains a double quote mark (strip the marks)")
        for i in occurrences(text, content):
            if i > 0 and text[i - 1] in OPEN_QUOTES:
                break
        else:
            err(where, "direct content is not preceded by an opening quote mark")
        for fr in pieces:
            if any(q in fr for q in DOUBLE_QUOTES):
                err(where, f"direct fragment {fr!r} contains a double quote mark")
    # positions: content, then cue nearest content, source nearest cue
    c_occ = occurrences(text, content)
    if not c_occ:
        return None
    cpos = c_occ[0]
    s_occ = occurrences(text, src)
    if cue is not None:
        q_occ = occurrences(text, cue)
        qpos = nearest(q_occ, cpos)
        spos = nearest(s_occ, qpos if qpos is not None else cpos)
    else:
        spos = max([p for p in s_occ if p < cpos], default=None)
        if spos is None:
            err(where, "cueless claim: source must occur before the content")
    res = cl.get("resolved")
    if res is not None and spos is not None:
        r_occ = occurrences(text, res)
        if not any(p <= spos for p in r_occ):
            err(where, f"resolved {res!r} does not occur at/before source {src!r}")
    for k in ("source", "content"):
        n = len(word_occurrences(text, cl[k]))
        if n > 1:
            warn(where, f"{k} {cl[k]!r} occurs {n} times")
    return cpos


def check_attribution(path):
    rows = load_jsonl(path)
    names = set()
    per_family = collections.Counter()
    nclaims = 0
    for n, d in rows:
        where = f"attribution:{n}:{d.get('name', '?')}"
        for k in d:
            if k not in {"family", "name", "text", "claims", "no_comment"}:
                err(where, f"unknown key {k!r}")
        fam, name, text = d.get("family"), d.get("name"), d.get("text")
        if fam not in FAMILIES:
            err(where, f"unknown family {fam!r}")
        if not isinstance(name, str) or not name:
            err(where, "missing name")
        elif name in names:
            err(where, "duplicate name")
        names.add(name)
        if not isinstance(text, str) or not text.strip():
            err(where, "missing text")
            continue
        per_family[fam] += 1
        claims = d.get("claims")
        if not isinstance(claims, list):
            err(where, "claims must be a list")
            continue
        if fam == "not_a_claim" and claims:
            err(where, "not_a_claim case must have no claims")
        if fam not in ("not_a_claim", "no_comment") and not claims:
            err(where, "case has no claims")
        last = -1
        for i, cl in enumerate(claims):
            nclaims += 1
            pos = check_claim(f"{where}#claim{i}", text, cl)
            if pos is not None:
                if pos < last:
                    err(f"{where}#claim{i}", "claims not in text order (by content start)")
                last = pos
        nc = d.get("no_comment")
        if fam == "no_comment" and not nc:
            err(where, "no_comment case without no_comment entries")
        if nc is not None:
            if not isinstance(nc, list) or not nc:
                err(where, "no_comment must be a non-empty list when present")
            else:
                for e in nc:
                    s, q = e.get("subject"), e.get("cue")
                    if not s or not q or s not in text or q not in text:
                        err(where, f"no_comment entry {e!r} not verbatim in text")
                    elif text.find(s) > text.find(q):
                        err(where, f"no_comment subject after cue: {e!r}")
    for fam in sorted(FAMILIES):
        if per_family[fam] < MIN_PER_FAMILY:
            err("attribution", f"family {fam} has {per_family[fam]} cases (< {MIN_PER_FAMILY})")
    return len(rows), nclaims, per_family


def check_segmentation(path):
    rows = load_jsonl(path)
    names = set()
    nsent = 0
    for n, d in rows:
        where = f"segmentation:{n}:{d.get('name', '?')}"
        for k in d:
            if k not in {"name", "text", "sentences", "note"}:
                err(where, f"unknown key {k!r}")
        name, text, sents = d.get("name"), d.get("text"), d.get("sentences")
        if not isinstance(name, str) or not name:
            err(where, "missing name")
        elif name in names:
            err(where, "duplicate name")
        names.add(name)
        if not isinstance(text, str) or not isinstance(sents, list) or not sents:
            err(where, "missing text or sentences")
            continue
        pos = 0
        for s in sents:
            nsent += 1
            if not isinstance(s, str) or not s or s != s.strip():
                err(where, f"sentence {s!r} empty or not trimmed")
                continue
            i = text.find(s, pos)
            if i < 0:
                err(where, f"sentence {s!r} not found in order")
                break
            if text[pos:i].strip():
                err(where, f"uncovered text {text[pos:i]!r} before {s!r}")
            pos = i + len(s)
        else:
            if text[pos:].strip():
                err(where, f"uncovered trailing text {text[pos:]!r}")
        joined = re.sub(r"\s+", "", "".join(x for x in sents if isinstance(x, str)))
        if joined != re.sub(r"\s+", "", text):
            err(where, "sentences do not cover exactly the non-whitespace characters of text")
    if len(rows) < MIN_SEGMENTATION:
        err("segmentation", f"only {len(rows)} cases (< {MIN_SEGMENTATION})")
    return len(rows), nsent


def main():
    quiet = "-q" in sys.argv
    na, nc, fam = check_attribution(os.path.join(HERE, "attribution_cases.jsonl"))
    ns, nss = check_segmentation(os.path.join(HERE, "segmentation_cases.jsonl"))
    if warnings and not quiet:
        print(f"{len(warnings)} warnings:")
        for w in warnings:
            print("  WARN", w)
    print(f"attribution_cases.jsonl: {na} cases, {nc} claims")
    for f in sorted(fam):
        print(f"  {f:24s} {fam[f]}")
    print(f"segmentation_cases.jsonl: {ns} cases, {nss} sentences")
    if errors:
        print(f"{len(errors)} errors:")
        for e in errors:
            print("  ERROR", e)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
