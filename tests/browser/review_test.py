#!/usr/bin/env python3
"""Browser tests of `claimex review` pages, in headless Chromium (stdlib Python + cdp.py).

    python3 tests/browser/review_test.py [--bin target/release/claimex] [--screenshot docs/review.png]
    python3 tests/browser/review_test.py --perf ../shared/corpora/news-wikinews/wikinews.jsonl --perf-docs 20000

Pages are built from the repository's own corpora/samples/ and tests/data/review_cases.jsonl
(hostile and astral/CJK text). The DOM is checked against the records: every claim listed,
every highlight's text equal to its offsets' slice (code points, as the records count),
filters changing the visible count, keyboard navigation, no script run from input, no
network request, no CSP violation, no horizontal scrolling at phone width. Ends with the
line "N passed, M failed".
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Browser  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RESULTS = {"passed": 0, "failed": 0}

# Installed before any page script: records CSP violations and dialogs.
INIT = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
"""


def check(name, fn):
    try:
        fn()
        RESULTS["passed"] += 1
        print(f"ok   {name}")
    except Exception as e:  # noqa: BLE001 - report every failure and go on
        RESULTS["failed"] += 1
        print(f"FAIL {name}: {e}")


def run(cmd):
    subprocess.run(cmd, check=True, stdin=subprocess.DEVNULL)


def build_page(binary, inputs, tmp, name):
    docs = os.path.join(tmp, name + ".docs.jsonl")
    page = os.path.join(tmp, name + ".html")
    run([binary, "extract", "--emit", "documents", "-q", *inputs, "-o", docs])
    run([binary, "review", "-q", docs, "--text", *inputs, "-o", page])
    return docs, page


def records_with_text(docs_path, inputs):
    """The records, each with the text of its input (read here, independently of claimex)."""
    texts = {}
    for inp in inputs:
        if os.path.isdir(inp):
            for f in sorted(os.listdir(inp)):
                if f.endswith(".txt"):
                    with open(os.path.join(inp, f), encoding="utf-8", newline="") as fh:
                        texts[f] = fh.read().removeprefix("\ufeff")
        else:
            with open(inp, encoding="utf-8", newline="") as fh:
                for line in fh:
                    d = json.loads(line)
                    texts[d["id"]] = d["text"]
    recs = []
    with open(docs_path, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            r["text"] = texts[r["id"]]
            recs.append(r)
    return recs


def pieces(c):
    frags = c["content"].get("fragments") or [[c["content"]["start"], c["content"]["end"]]]
    return [tuple(f) for f in frags]


def open_page(browser, path, width=1280, height=900):
    p = browser.page()
    for m in ("Page.enable", "Runtime.enable", "Log.enable", "Network.enable"):
        p.send(m)
    p.send("Page.addScriptToEvaluateOnNewDocument", {"source": INIT})
    p.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    t0 = time.time()
    p.navigate("file://" + os.path.abspath(path))
    p.wait_for("document.body && document.body.dataset.ready === '1'", 600)
    return p, time.time() - t0


def open_doc(p, i):
    p.eval(f"document.querySelector('#doclist li[data-doc=\"{i}\"]').click()")


DOM_CLAIMS = """(() => Array.from(document.querySelectorAll('#claimlist .card')).map(li => ({
  claim: Number(li.dataset.claim), doc: Number(li.dataset.doc),
  content: li.querySelector('.card-cnt').textContent,
  text: li.textContent})))()"""


def role_text(p, role, j):
    return p.eval(f"Array.from(document.querySelectorAll('#doc [data-{role}~=\"{j}\"]')).map(e => e.textContent).join('')")


def test_claims_listed(p, recs):
    for i, r in enumerate(recs):
        open_doc(p, i)
        cards = p.eval(DOM_CLAIMS)
        assert len(cards) == len(r["claims"]), f"doc {i}: {len(cards)} cards, {len(r['claims'])} claims"
        t = r["text"]
        for card, c in zip(cards, r["claims"]):
            want = " … ".join(t[a:b] for a, b in pieces(c))
            assert card["content"] == want, f"doc {i} claim {card['claim']}: {card['content']!r} != {want!r}"


def test_highlights(p, recs):
    n = 0
    for i, r in enumerate(recs):
        open_doc(p, i)
        t = r["text"]
        for j, c in enumerate(r["claims"]):
            s = c["source"]
            if s is None:  # hearsay: no source, nothing highlighted as one
                assert role_text(p, "src", j) == "", f"doc {i} claim {j} has no source"
            else:
                assert role_text(p, "src", j) == t[s["start"]:s["end"]] == s["text"], f"doc {i} claim {j} source"
            if c.get("cue"):
                u = c["cue"]
                assert role_text(p, "cue", j) == t[u["start"]:u["end"]] == u["text"], f"doc {i} claim {j} cue"
            want = "".join(t[a:b] for a, b in pieces(c))
            assert role_text(p, "cnt", j) == want, f"doc {i} claim {j} content"
            n += 3
        for k, e in enumerate(r.get("entities", [])):
            assert role_text(p, "ent", k) == t[e["start"]:e["end"]] == e["text"], f"doc {i} entity {k}"
            n += 1
    assert n > 0


def visible(p):
    return int(p.eval("document.getElementById('count').dataset.visible"))


def test_filters(p, recs):
    open_doc(p, 0)
    total = len(recs[0]["claims"])
    assert visible(p) == total
    persons = sum(1 for c in recs[0]["claims"] if (c["source"] or {}).get("type") == "person")
    p.eval("for (const b of document.querySelectorAll('#f-types input')) if (b.value !== 'person') b.click()")
    assert visible(p) == persons < total, f"{visible(p)} visible, {persons} person claims of {total}"
    p.eval("document.querySelector('input[name=scope][value=all]').click()")
    all_persons = sum(1 for r in recs for c in r["claims"] if (c["source"] or {}).get("type") == "person")
    assert visible(p) == all_persons, f"all documents: {visible(p)} != {all_persons}"
    p.eval("document.getElementById('f-reset').click()")
    all_claims = sum(len(r["claims"]) for r in recs)
    assert visible(p) == all_claims
    p.eval("const q = document.getElementById('q'); q.value = 'ministry'; q.dispatchEvent(new Event('input'))")
    p.wait_for("document.getElementById('count').dataset.visible !== String(%d)" % all_claims, 10)
    time.sleep(0.3)
    cards = p.eval(DOM_CLAIMS)
    assert 0 < visible(p) < all_claims and len(cards) == visible(p)
    assert all("ministry" in c["text"].lower() for c in cards)
    p.eval("document.getElementById('f-reset').click(); document.querySelector('input[name=scope][value=doc]').click()")
    assert visible(p) == len(recs[0]["claims"])


def test_keyboard(p, recs):
    open_doc(p, 0)
    p.eval("document.activeElement && document.activeElement.blur()")
    p.key("j")
    assert p.eval("document.querySelector('.card.sel').dataset.pos") == "0"
    assert p.eval("document.querySelectorAll('#doc .h.sel').length") > 0
    p.key("j")
    assert p.eval("document.querySelector('.card.sel').dataset.pos") == "1"
    p.key("k")
    assert p.eval("document.querySelector('.card.sel').dataset.pos") == "0"
    p.key("n")
    assert p.eval("document.getElementById('docpos').textContent").startswith("Document 2 ")
    p.key("p")
    assert p.eval("document.getElementById('docpos').textContent").startswith("Document 1 ")
    p.key("/", code="Slash")
    assert p.eval("document.activeElement.id") == "q"
    p.key("Escape")


def test_who(p, recs):
    p.eval("document.getElementById('tab-who').click()")
    first = p.eval("(() => { const li = document.querySelector('#wholist li'); li.click(); return li.querySelector('.dl-title').textContent; })()")
    n = visible(p)
    assert n > 0 and "by this speaker" in p.eval("document.getElementById('count').textContent")
    names = p.eval("Array.from(document.querySelectorAll('#claimlist .card-name')).map(e => e.textContent)")
    assert set(names) == {first}, f"{set(names)} != {first}"
    p.eval("document.querySelector('#speaker-chip button').click(); document.getElementById('tab-docs').click()")


def test_hostile(p, recs):
    r = recs[0]
    open_doc(p, 0)
    assert p.eval("document.querySelector('#doc h2').textContent") == r["title"]
    meta = p.eval("document.querySelector('#doc .doc-meta').textContent")
    assert ("id: " + r["id"]) in meta and r["author"] in meta and "javascript:alert(1)" in meta
    assert p.eval("document.querySelectorAll('#doc a').length") == 0, "a javascript: url became a link"
    text = p.eval("document.querySelector('#doc .text').textContent")
    assert "<script>alert(1)</script>" in text and '"><img src=x onerror=alert(1)>' in text
    assert p.eval("document.querySelectorAll('img, iframe, object, embed, svg').length") == 0, "input became elements"
    handlers = "Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes).some(a => a.name.startsWith('on'))).length"
    assert p.eval(handlers) == 0, "an element has an event-handler attribute"
    assert p.eval("document.querySelectorAll('script:not([type=\"application/json\"])').length") == 1
    for i in range(len(recs)):
        open_doc(p, i)
        p.eval("document.querySelector('input[name=scope][value=all]').click()")
    time.sleep(0.3)
    assert p.eval("typeof window.__xss") == "undefined"
    assert not p.events("Page.javascriptDialogOpening"), "a dialog opened"


def test_quiet(p, page_path):
    url = "file://" + os.path.abspath(page_path)
    reqs = [e["params"]["request"]["url"] for e in p.events("Network.requestWillBeSent")]
    assert reqs and all(u == url for u in reqs), f"requests: {reqs}"
    assert p.eval("window.__csp") == [], f"CSP violations: {p.eval('window.__csp')}"
    exc = p.events("Runtime.exceptionThrown")
    assert not exc, f"exceptions: {exc}"
    errs = [e["params"]["entry"] for e in p.events("Log.entryAdded") if e["params"]["entry"]["level"] == "error"]
    assert not errs, f"console errors: {errs}"


def test_phone(p):
    p.send("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
    time.sleep(0.3)
    sw = p.eval("document.documentElement.scrollWidth")
    assert sw <= 391, f"page is {sw}px wide at 390px"
    assert p.eval("document.getElementById('claimlist').getBoundingClientRect().width") > 300
    assert p.eval("getComputedStyle(document.getElementById('menu')).display") != "none"
    p.send("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})


def perf(binary, src, n, tmp):
    """Builds an n-document dump by repeating `src` records under new ids and measures the page."""
    with open(src, encoding="utf-8") as fh:
        base = [json.loads(line) for line in fh if line.strip()]
    big = os.path.join(tmp, "big.jsonl")
    with open(big, "w", encoding="utf-8") as out:
        for k in range(n):
            d = dict(base[k % len(base)])
            d["id"] = f"{d.get('id', 'doc')}#{k}"
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
    t = time.time()
    docs, page = build_page(binary, [big], tmp, "big")
    build_s = time.time() - t
    size = os.path.getsize(page)
    b = Browser()
    try:
        p, load_s = open_page(b, page)
        render_ms = int(p.eval("document.body.dataset.renderMs"))
        p.send("Performance.enable")
        heap = {m["name"]: m["value"] for m in p.send("Performance.getMetrics")["metrics"]}
        rss = b.rss_kib()
        t = time.time()
        p.eval(f"document.getElementById('docq').value = '#{n - 1}'; document.getElementById('docq').dispatchEvent(new Event('input'))")
        p.eval("document.querySelector('#doclist li').click()")
        last_ms = (time.time() - t) * 1000
        t = time.time()
        p.eval("document.querySelector('input[name=scope][value=all]').click()")
        p.eval("const q = document.getElementById('q'); q.value = 'minister'; q.dispatchEvent(new Event('input'))")
        time.sleep(0.2)  # the search box waits 150 ms for more typing
        p.wait_for("document.getElementById('count').textContent.startsWith('Showing')", 600)
        search_s = time.time() - t - 0.15
        found = visible(p)
        rss2 = b.rss_kib()
    finally:
        b.close()
    print(f"perf: {n} documents; extract+review {build_s:.1f} s; page {size / 1e6:.1f} MB")
    print(f"perf: navigation to first render {load_s:.2f} s (script {render_ms} ms after parse); "
          f"JS heap {heap.get('JSHeapUsedSize', 0) / 2**20:.0f} MiB; Chromium RSS {rss / 1024:.0f} MiB")
    print(f"perf: open the last document {last_ms:.0f} ms; search 'minister' over all documents {search_s:.1f} s "
          f"({found} claims); RSS after search {rss2 / 1024:.0f} MiB")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "claimex"))
    ap.add_argument("--screenshot", help="write a 1280x900 PNG of the samples page here")
    ap.add_argument("--perf", help="JSONL to repeat into a large dump (e.g. wikinews.jsonl)")
    ap.add_argument("--perf-docs", type=int, default=20000)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="claimex-review-") as tmp:
        if a.perf:
            perf(a.bin, a.perf, a.perf_docs, tmp)
            return 0
        samples = [os.path.join(ROOT, "corpora", "samples")]
        cases = [os.path.join(ROOT, "tests", "data", "review_cases.jsonl")]
        b = Browser()
        try:
            for name, inputs in (("samples", samples), ("cases", cases)):
                docs, page = build_page(a.bin, inputs, tmp, name)
                recs = records_with_text(docs, inputs)
                p, _ = open_page(b, page)
                check(f"{name}: every claim listed", lambda: test_claims_listed(p, recs))
                check(f"{name}: highlights equal their offsets' slices", lambda: test_highlights(p, recs))
                if name == "samples":
                    check("samples: filters change the visible count", lambda: test_filters(p, recs))
                    check("samples: keyboard navigation", lambda: test_keyboard(p, recs))
                    check("samples: who said what", lambda: test_who(p, recs))
                    check("samples: readable at phone width", lambda: test_phone(p))
                    if a.screenshot:
                        open_doc(p, 0)
                        p.eval("document.querySelector('#claimlist .card').click()")
                        p.screenshot(a.screenshot, 1280, 900)
                else:
                    check("cases: hostile input stays text and runs nothing", lambda: test_hostile(p, recs))
                check(f"{name}: no network request, CSP violation or error", lambda: test_quiet(p, page))
        finally:
            b.close()
    print(f"{RESULTS['passed']} passed, {RESULTS['failed']} failed")
    return 1 if RESULTS["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
