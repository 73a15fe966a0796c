#!/usr/bin/env python3
"""Prototype v1 (scratch) - to be rewritten."""
import json, os, re, sys

DEV = '/work/shared/corpora/boilerplate-dev/'

def load_dev():
    docs = []
    for l in open(DEV + 'gold.jsonl', encoding='utf-8'):
        g = json.loads(l)
        t = open(DEV + 'texts/' + g['doc'] + '.txt', encoding='utf-8', newline='').read()
        g['L'] = [t[r['start']:r['end']] for r in g['lines']]
        g['G'] = [r['body'] for r in g['lines']]
        docs.append(g)
    return docs

END = re.compile(r"[.!?…。！？]$")
CLOSERS = '"\'”’)]»」 *'
STOP = set("""a an the of to in on at by for from with about into over after before as and or but if
than that this these those which who whom whose what when where while because so not no
is are was were be been being has have had do does did will would can could should may might must
it its he she they we you i me him her them us his their our your my there here also just only
said says""".split())

def feat(s):
    s = s.strip()
    toks = s.split()
    cjk = sum(1 for c in s if '\u3040' <= c <= '\u30ff' or '\u4e00' <= c <= '\u9fff')
    nw = max(len(toks), cjk // 2)
    e = s.rstrip(CLOSERS)
    term = bool(END.search(e))
    alpha = [t for t in toks if t[:1].isalpha()]
    cased = [t for t in alpha if t[:1].lower() != t[:1].upper()]
    low = sum(1 for t in cased if t[:1].islower())
    lowr = low / len(cased) if cased else 1.0
    stop = sum(1 for t in toks if t.lower().strip('.,;:!?"\'()') in STOP)
    return dict(s=s, nw=nw, nc=len(s), term=term, lowr=lowr, stop=stop, colon=e.endswith(':'))

def norm(s):
    return re.sub(r'\s+', ' ', s.strip().lower().replace('’', "'")).rstrip(':.… ').strip()

# single boilerplate lines
LINE_EXACT = set("""advertisement|advertisements|ad|sponsored|sponsored content|promoted|continue reading below|
continue reading|story continues below advertisement|article continues below advertisement|
share|share this|share this article|share this story|print|email|e-mail|tweet|pin|copy link|
facebook|twitter|whatsapp|linkedin|pinterest|reddit|messenger|
read more|more|close|menu|search|home|log in|login|sign in|register|subscribe|subscribe now|newsletter|
listen|listen to this article|follow|follow us|report|caption|image|photo|video|back to top|
next|previous|next post|previous post|view all|see all|show more|load more""".replace('\n', '').split('|'))
LINE_PREFIX = re.compile(r"^(read more|read also|also read|see also|related|also|more|watch|listen|photo|photos|image|images|picture|video|file photo|image copyright|image caption|media caption|image credit|credit|source|getty|copyright|©|all rights reserved|sign up|subscribe|follow|share this|download|get the latest|click here)\b.*", re.I)
CREDIT = re.compile(r"(getty images|shutterstock|associated press|\(ap photo|ap photo|reuters/|via reuters|/afp|afp/|\bafp photo|image credit|photo credit|photo:|credit:|©|\(c\) |submitted photo|file photo|/ zdnet|/zdnet)", re.I)
DATE = re.compile(r"^(updated|published|posted|last updated)?:?\s*((mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s*)?((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4})", re.I)
AGO = re.compile(r"\b(\d+|an?|one)\s+(second|minute|min|hour|hr|day|week|month|year)s?\s+ago\b", re.I)
BYLINE = re.compile(r"^(by|von|di|par|por)\s+\S", re.I)

# block openers
TAIL = re.compile(r"^(\[ ?)?(\d+\s+)?(comments?|leave a (comment|reply)|add (your|a) comment|join the (discussion|conversation)|show comments|view comments|comments are closed|post a comment|reader comments|\d+ (thoughts|responses|replies) (on|to) .*)( \(\d+\))?( ?\])?$", re.I)
SOFT = re.compile(r"^(related|related (articles?|stories|posts|content|news|topics|coverage|links|reading|videos?)|more|more:|more (stories|news|articles|videos)|more (on|from|in) .{1,40}|most (read|popular|viewed|shared|commented).{0,30}|top stories|trending( now| stories)?|latest( news| stories| headlines| articles)?|recommended( for you| stories| articles| reading)?|you (may|might) (also )?like|you may be interested in|also on .{1,30}|further reading|read next|up next|what to read next|popular( now| stories| articles| posts)?|editor'?s'? picks|in other news|recent posts|tags|topics|filed under|hashtags|(sponsored|partner) (stories|content|links)|from the web|around the web|more stories like this|explore further|our latest stories|latest videos)$", re.I)

def line_kind(f):
    s = f['s']
    n = norm(s)
    if not n:
        return 'bp'
    if (f['nc'] <= 60 or f['nw'] <= 30 and re.match(r'^\d+ (thoughts|responses|replies|comments) (on|to) ', n)) and TAIL.match(n):
        return 'tail'
    if f['nc'] <= 60 and SOFT.match(n):
        return 'soft'
    if n in LINE_EXACT:
        return 'bp'
    if f['nw'] <= 12 and (DATE.match(s) or AGO.search(s)) and not f['term']:
        return 'bp'
    if f['nw'] <= 8 and BYLINE.match(s) and not f['term']:
        return 'bp'
    if f['nw'] <= 20 and LINE_PREFIX.match(n) and (':' in s[:25] or f['nw'] <= 4):
        return 'bp'
    if f['nw'] <= 40 and CREDIT.search(s):
        return 'bp'
    return None

def is_prose(f, P):
    return (f['nw'] >= P['prose_w'] and f['term']) or f['nw'] >= P['long_w']

def is_text(f, P):
    return f['nw'] >= P['text_w'] and (f['lowr'] >= P['text_low'] or ',' in f['s'])

DEF = dict(prose_w=6, long_w=25, text_w=3, text_low=0.5, text_v=0.0, neg=0.8, close_run=2, nav_run=3, short_neg=0.2, tail_min=2, t_neg=0.5, t_run=10, pair_w=40, pair_min=3, s_only=1, list_min=3, block_neg=0.4)

ITEM = re.compile(r"\d|,|\(|: |–|--|https?://")

def is_item(f):
    return (f['nw'] >= 2 or f['s'].startswith('http')) and not f['term'] and bool(ITEM.search(f['s']))

def kadane(sc, lo, hi):
    best, bi, bj, cur, st = 0, lo, lo - 1, 0, lo
    for i in range(lo, hi):
        cur += sc[i]
        if cur <= 0:
            cur, st = 0, i + 1
        elif cur > best:
            best, bi, bj = cur, st, i
    return bi, bj, best

def classify(lines, P=DEF, dbg=None):
    F = [feat(s) for s in lines]
    n = len(F)
    K = [line_kind(f) for f in F]
    pr = [is_prose(f, P) and K[i] is None for i, f in enumerate(F)]
    # soft blocks: opener .. until close_run consecutive prose lines
    inblock = [False] * n
    block = False
    seen_prose = False
    for i in range(n):
        if K[i] in ('soft', 'tail') and not seen_prose:
            K[i] = 'bp'
        if pr[i]:
            seen_prose = True
        if K[i] == 'soft':
            block = True
            continue
        if block:
            j = i
            while j < n and pr[j] and j - i < P['close_run']:
                j += 1
            if j - i >= P['close_run']:
                block = False
            else:
                inblock[i] = True
    # teaser lists: >= pair_min consecutive (headline, short prose) pairs
    teaser = [False] * n
    i = 0
    while i < n - 1:
        j = i
        while (j + 1 < n and not F[j]['term'] and 1 <= F[j]['nw'] <= 15
               and pr[j + 1] and F[j + 1]['nw'] <= P['pair_w']):
            j += 2
        if (j - i) // 2 >= P['pair_min']:
            for k in range(i, j):
                teaser[k] = True
            i = j
        else:
            i += 1
    cls = []
    for i, f in enumerate(F):
        if K[i] is not None or inblock[i] or teaser[i]:
            c = 'k'
        elif pr[i]:
            c = 'p'
        elif is_text(f, P):
            c = 't'
        else:
            c = 's'
        cls.append(c)
    # runs of non-prose lines
    runlen = [0] * n
    intro = [False] * n
    i = 0
    while i < n:
        if cls[i] != 'p':
            j = i
            while j < n and cls[j] != 'p':
                j += 1
            colon = i > 0 and F[i - 1]['colon']
            for k in range(i, j):
                runlen[k] = j - i
                colon = colon or F[k]['colon']
                intro[k] = colon
            i = j
        else:
            i += 1
    srun = [0] * n
    i = 0
    while i < n:
        if cls[i] == 's':
            j = i
            while j < n and cls[j] == 's':
                j += 1
            for k in range(i, j):
                srun[k] = j - i
            i = j
        else:
            i += 1
    sc = []
    for i, f in enumerate(F):
        c = cls[i]
        long_run = (srun[i] if P['s_only'] else runlen[i]) >= P['nav_run'] and not intro[i]
        long_trun = runlen[i] >= P['t_run'] and not intro[i]
        if c == 'k':
            if K[i] == 'soft' or inblock[i]:
                v = -P['block_neg']
            else:
                v = 0.0 if K[i] == 'bp' and f['nw'] <= 3 else -P['neg']
        elif c == 'p':
            v = 1.0
        elif c == 't':
            v = -P['t_neg'] if long_trun else P['text_v']
        else:
            v = -P['neg'] if long_run else -P['short_neg']
        sc.append(v)
    # comment tail: the first tail marker with enough content before it ends the page
    end = n
    for i in range(n):
        if K[i] == 'tail' and kadane(sc, 0, i)[2] >= P['tail_min']:
            end = i
            break
    a, b, _ = kadane(sc, 0, end)
    # list extension: a run of >= list_min item-like lines right after the region
    if P['list_min'] and b >= a:
        j = b + 1
        if j < end and cls[j] in 'st' and not is_item(F[j]) and F[j]['nw'] <= 8:
            j += 1  # a heading before the list
        k = j
        while k < end and cls[k] != 'k' and (is_item(F[k]) or cls[k] == 'p'):
            k += 1
        if k - j >= P['list_min']:
            b = k - 1
    keep = [False] * n
    for i in range(a, b + 1):
        if K[i] is None and not inblock[i] and not teaser[i]:
            keep[i] = True
    if dbg is not None:
        dbg.update(a=a, b=b, K=K, pr=pr, sc=sc)
    return keep

def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    return p, r, (2 * p * r / (p + r) if p + r else 0)

def score(docs, preds):
    lt = [0, 0, 0]; ct = [0, 0, 0]
    for d in docs:
        for s, g, k in zip(d['L'], d['G'], preds[d['doc']]):
            i = 0 if g and k else 1 if k else 2 if g else None
            if i is None: continue
            lt[i] += 1; ct[i] += len(s)
    return prf(*lt), prf(*ct)

if __name__ == '__main__':
    docs = load_dev()
    preds = {}
    dbgs = {}
    for d in docs:
        dbgs[d['doc']] = {}
        preds[d['doc']] = classify(d['L'], DEF, dbgs[d['doc']])
    (lp, lr, lf), (cp, cr, cf) = score(docs, preds)
    print(f'line P {lp:.3f} R {lr:.3f} F1 {lf:.3f}  char P {cp:.3f} R {cr:.3f} F1 {cf:.3f}')
    if '-v' in sys.argv:
        for d in docs:
            db = dbgs[d['doc']]
            for i, (s, g, k) in enumerate(zip(d['L'], d['G'], preds[d['doc']])):
                if g != k:
                    where = 'in ' if db['a'] <= i <= db['b'] else 'out'
                    print(f"{d['doc'][4:12]}:{i+1} {'FP' if k else 'FN'} {where} {db['K'][i] or '-':4s} {s[:110]!r}")

SEED = '/work/shared/corpora/seed/000_e3c8c729511c686c.txt'
SAMPLES = '/work/main/corpora/samples/'
EXPECTED = '/work/main/corpora/expected/'

def labels(lines, P=DEF):
    """title/body/heading/boilerplate for every line (empty lines: None)."""
    keep = classify(lines, P)
    F = [feat(s) for s in lines]
    n = len(lines)
    lab = [None if not F[i]['s'] else ('body' if keep[i] else 'boilerplate') for i in range(n)]
    # title: first non-empty line, headline-shaped
    first = next((i for i in range(n) if F[i]['s']), None)
    if first is not None:
        f = F[first]
        if f['nw'] <= 25 and not f['term'] and not f['s'].startswith(('"', '“', "'", '‘')) and line_kind(f) is None:
            lab[first] = 'title'
    # headings: short non-sentence kept lines with body before and after
    for i in range(n):
        if lab[i] != 'body' or is_prose(F[i], P) or F[i]['term'] or F[i]['nw'] > 12:
            continue
        prev = next((lab[j] for j in range(i - 1, -1, -1) if lab[j] not in (None, 'heading')), None)
        nxt = next((lab[j] for j in range(i + 1, n) if lab[j] is not None), None)
        if prev in ('body', 'title') and nxt == 'body' and not F[i]['s'].startswith(('-', '•', '*')):
            lab[i] = 'heading'
    return lab

def check_seed_samples(P=DEF, verbose=True):
    errs = []
    lines = open(SEED, encoding='utf-8').read().split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    lab = labels(lines, P)
    tail = False
    for i, s in enumerate(lines):
        if lab[i] is None:
            continue
        if s.strip() == 'Hashtags':
            tail = True
        if i == 0:
            want = 'title'
        elif tail or i == 1 or 9 <= i <= 18:
            want = 'boilerplate'
        elif s.strip() in ('DEFYING CHINA', 'BATTLE FOR BHAMO'):
            want = 'heading'
        else:
            want = 'body'
        if lab[i] != want:
            errs.append(f'seed:{i+1} {lab[i]} want {want}: {s[:70]!r}')
    for fn in sorted(os.listdir(SAMPLES)):
        if not fn.endswith('.txt'):
            continue
        exp = json.load(open(EXPECTED + fn[:-4] + '.json', encoding='utf-8'))
        lines = open(SAMPLES + fn, encoding='utf-8').read().split('\n')
        if lines and lines[-1] == '':
            lines.pop()
        lab = labels(lines, P)
        bp, hd = set(exp['boilerplate_lines']), set(exp['heading_lines'])
        for i, s in enumerate(lines):
            if lab[i] is None:
                continue
            ln = i + 1
            want = 'boilerplate' if ln in bp else 'heading' if ln in hd else 'title' if ln == 1 else 'body'
            if lab[i] != want:
                errs.append(f'{fn}:{ln} {lab[i]} want {want}: {s[:70]!r}')
    if verbose:
        for e in errs:
            print('  ' + e)
    return errs
