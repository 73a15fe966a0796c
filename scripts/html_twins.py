#!/usr/bin/env python3
"""Write HTML twins of the sample pages: corpora/html/sample-NNN.html from
corpora/samples/sample-NNN.txt and its labels in corpora/expected/sample-NNN.json.

Each twin is the page as a news site would serve it: a <head> with metadata (og:, article:,
JSON-LD NewsArticle), a navigation bar, the headline in <header><h1>, the photo caption in
<figure><figcaption>, paragraphs as <p> with inline links and entities, sub-headings as <h2>,
boilerplate runs as <aside>/<ul>/<footer> blocks with the class names sites use, plus what a
text dump never shows (scripts, styles, a hidden cookie banner, comments, an SVG icon).
Its visible text is the sample's lines (blank lines aside), so its claims must be the
sample's claims (tests/crawl.rs checks it).

The samples are CC0 (written for claimex); so are the twins. Standard library only.
Usage: python3 scripts/html_twins.py   (from the repository root; rewrites corpora/html/)
"""
import html
import json
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "corpora", "samples")
EXPECTED = os.path.join(ROOT, "corpora", "expected")
OUT = os.path.join(ROOT, "corpora", "html")

NAV = ["Home", "World", "Business", "Markets", "Opinion"]


def esc(s, i):
    """Escapes text, varying how characters are written (named, numeric, raw)."""
    s = html.escape(s, quote=False)
    if i % 3 == 1:
        s = s.replace("\u2019", "&rsquo;").replace("\u201c", "&ldquo;").replace("\u201d", "&#x201D;")
    elif i % 3 == 2:
        s = s.replace("\u2019", "&#8217;").replace("\u2014", "&mdash;")
    return s


def paragraph(line, i):
    """A body paragraph: wrapped over source lines, a link or emphasis inside."""
    words = esc(line, i).split(" ")
    if len(words) > 8 and i % 2 == 0:
        words[3] = '<a href="/topic/%d">%s</a>' % (i, words[3])
    if len(words) > 12 and i % 4 == 1:
        words[10] = "<em>%s</em>" % words[10]
    text = " ".join(words)
    # Wrap the source at about 70 characters, as a CMS template would.
    wrapped = re.sub(r"(.{70,}?) ", lambda m: m.group(1) + "\n      ", text)
    return '    <p class="story-body__text">\n      %s\n    </p>' % wrapped


def block(kind, lines, i):
    """A run of boilerplate lines, as the block a site would put them in."""
    items = "\n".join(
        '      <li><a href="/more/%d-%d">%s</a></li>' % (i, k, esc(l, i + k)) for k, l in enumerate(lines)
    )
    if kind == "related":
        return '  <aside class="related-stories">\n    <ul>\n%s\n    </ul>\n  </aside>' % items
    if kind == "footer":
        rows = "\n".join("    <div>%s</div>" % esc(l, i) for l in lines)
        return '  <footer class="site-footer">\n%s\n  </footer>' % rows
    rows = "<br>\n      ".join(esc(l, i) for l in lines)
    return '  <div class="promo-box">\n    <p>\n      %s\n    </p>\n  </div>' % rows


def twin(name):
    text = open(os.path.join(SAMPLES, name + ".txt"), encoding="utf-8").read()
    exp = json.load(open(os.path.join(EXPECTED, name + ".json"), encoding="utf-8"))
    lines = text.split("\n")
    # The labels count lines from 1.
    boiler = {k - 1 for k in exp.get("boilerplate_lines", [])}
    heads = {k - 1 for k in exp.get("heading_lines", [])}
    title = lines[0]
    url = "https://news.example/%s" % name
    ld = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": title,
        "datePublished": "2026-03-0%dT09:00:00Z" % (int(name[-1]) % 9 + 1),
        "author": [{"@type": "Person", "name": "Staff Reporter"}],
        "publisher": {"@type": "Organization", "name": "News Example"},
    }
    out = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '  <meta charset="utf-8">',
        "  <title>%s | News Example</title>" % html.escape(title),
        '  <meta property="og:title" content="%s">' % html.escape(title),
        '  <meta property="og:site_name" content="News Example">',
        '  <link rel="canonical" href="%s">' % url,
        '  <script type="application/ld+json">%s</script>' % json.dumps(ld),
        "  <style>.hidden{display:none} p{margin:0}</style>",
        "</head>",
        "<body>",
        '  <div id="cookie-banner" style="display: none">We use cookies. <button>Accept</button></div>',
        '  <svg class="icon"><title>logo</title><path d="M0 0"/></svg>',
        "  <script>window.dataLayer = [{'page': '<p>not text</p>'}];</script>",
        '  <noscript><p>Please enable JavaScript.</p></noscript>',
        "  <!-- top of the page -->",
        "  <main>",
        "  <article>",
        '  <header class="article-header">\n    <h1>%s</h1>\n  </header>' % esc(title, 0),
    ]
    i, n = 1, len(lines)
    while i < n:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        if i in heads:
            out.append("    <h2>%s</h2>" % esc(line, i))
            i += 1
            continue
        if i not in boiler:
            out.append(paragraph(line, i))
            i += 1
            continue
        if i == 1 and (line.startswith("FILE PHOTO") or line.lower().startswith("photo")):
            out.append(
                '    <figure>\n      <img src="/p.jpg" alt="">\n      <figcaption class="caption">%s</figcaption>\n    </figure>'
                % esc(line, i)
            )
            i += 1
            continue
        # A run of boilerplate lines (blank lines inside the run belong to it).
        run = []
        while i < n and (i in boiler or not lines[i].strip()):
            if lines[i].strip():
                run.append(lines[i])
            i += 1
        kind = "related" if len(run) >= 3 else ("footer" if i >= n - 1 else "promo")
        out.append(block(kind, run, i))
    out += ["  </article>", "  </main>", '  <p hidden>Hidden paragraph.</p>', "</body>", "</html>", ""]
    return "\n".join(out)


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in sorted(os.listdir(SAMPLES)):
        if f.endswith(".txt"):
            name = f[:-4]
            with open(os.path.join(OUT, name + ".html"), "w", encoding="utf-8", newline="\n") as o:
                o.write(twin(name))


if __name__ == "__main__":
    main()
