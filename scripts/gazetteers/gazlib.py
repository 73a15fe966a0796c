"""Shared helpers for claimex gazetteer TSV files (stdlib only).

Format (see gazetteers/README.md):
    # comment lines (at least: what the list is, and its source/licence)
    name<TAB>label<TAB>id<TAB>canonical<TAB>aliases<TAB>flags
    <data rows, exactly 6 tab-separated fields>
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

HEADER = ["name", "label", "id", "canonical", "aliases", "flags"]
LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "LAW"}
FLAGS = {"ci", "amb"}

# id schemes accepted by the loader
ID_PATTERNS = [
    re.compile(r"^ISO3166:[A-Z]{2}$"),                      # ISO 3166-1 alpha-2
    re.compile(r"^ISO3166-2:[A-Z]{2}-[A-Z0-9]{1,3}$"),       # ISO 3166-2 subdivision
    re.compile(r"^ISO3166-3:[A-Z]{4}$"),                     # ISO 3166-3 former country
    re.compile(r"^geonames:[1-9][0-9]*$"),                   # GeoNames feature id
    re.compile(r"^wikidata:Q[1-9][0-9]*$"),                  # Wikidata item
]

REPO_ROOT = Path(__file__).resolve().parents[2]
GAZ_DIR = REPO_ROOT / "gazetteers"

HAND_PROVENANCE = "hand-curated by claimex; licence: CC0-1.0 (facts)"


@dataclass
class Row:
    name: str
    label: str
    id: str = ""
    canonical: str = ""
    aliases: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    line: int = 0

    def surfaces(self) -> list[str]:
        return [self.name] + [a for a in self.aliases if a]

    def to_tsv(self) -> str:
        fields = [
            self.name,
            self.label,
            self.id,
            self.canonical,
            "|".join(self.aliases),
            ",".join(self.flags),
        ]
        for f in fields:
            if "\t" in f or "\n" in f or "\r" in f:
                raise ValueError(f"tab/newline inside field: {fields!r}")
        return "\t".join(fields)


def id_ok(i: str) -> bool:
    return i == "" or any(p.match(i) for p in ID_PATTERNS)


def clean(s: str) -> str:
    """Normalise whitespace; NFC."""
    s = unicodedata.normalize("NFC", s)
    s = s.replace("\u00a0", " ").replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"\s+", " ", s).strip()


def fold(s: str) -> str:
    """Strip diacritics (São Paulo -> Sao Paulo); keeps other characters."""
    table = {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
             "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "ð": "d",
             "ʻ": "'", "ʼ": "'", "ʿ": "'", "ʾ": "'", "‘": "'", "’": "'", "`": "'"}
    s = "".join(table.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    return unicodedata.normalize("NFC", "".join(ch for ch in s if not unicodedata.combining(ch)))


def is_latin(s: str) -> bool:
    """True if every letter in s is Latin script."""
    for ch in s:
        if ch.isalpha():
            try:
                if "LATIN" not in unicodedata.name(ch):
                    return False
            except ValueError:
                return False
    return True


class TsvError(Exception):
    pass


def read_tsv(path: Path) -> tuple[list[str], list[Row], list[str]]:
    """Returns (comment lines, rows, errors). Never raises on content errors."""
    comments: list[str] = []
    rows: list[Row] = []
    errors: list[str] = []
    header_seen = False
    with open(path, encoding="utf-8", newline="") as fh:
        text = fh.read()
    if text.startswith("\ufeff"):
        errors.append(f"{path.name}: starts with a BOM")
        text = text[1:]
    for n, raw in enumerate(text.split("\n"), 1):
        if raw == "":
            continue
        if raw.endswith("\r"):
            errors.append(f"{path.name}:{n}: CRLF line ending")
            raw = raw[:-1]
        if raw.startswith("#"):
            if header_seen:
                errors.append(f"{path.name}:{n}: comment after header")
            comments.append(raw)
            continue
        parts = raw.split("\t")
        if not header_seen:
            if parts != HEADER:
                errors.append(f"{path.name}:{n}: expected header {HEADER}, got {parts}")
            header_seen = True
            continue
        if len(parts) != 6:
            errors.append(f"{path.name}:{n}: {len(parts)} fields, want 6: {raw!r}")
            continue
        name, label, id_, canonical, aliases, flags = parts
        rows.append(Row(
            name=name, label=label, id=id_, canonical=canonical,
            aliases=[a for a in aliases.split("|")] if aliases else [],
            flags=[f for f in flags.split(",")] if flags else [],
            line=n,
        ))
    if not header_seen:
        errors.append(f"{path.name}: no header line")
    return comments, rows, errors


def validate_rows(fname: str, rows: list[Row]) -> list[str]:
    errors: list[str] = []
    seen: dict[str, int] = {}
    for r in rows:
        where = f"{fname}:{r.line}"
        if not r.name:
            errors.append(f"{where}: empty name")
        if r.label not in LABELS:
            errors.append(f"{where}: unknown label {r.label!r}")
        if not id_ok(r.id):
            errors.append(f"{where}: malformed id {r.id!r}")
        for f in r.flags:
            if f not in FLAGS:
                errors.append(f"{where}: unknown flag {f!r}")
        if len(set(r.flags)) != len(r.flags):
            errors.append(f"{where}: repeated flag")
        for s in r.surfaces():
            if s == "":
                errors.append(f"{where}: empty alias")
                continue
            if s != s.strip() or "  " in s:
                errors.append(f"{where}: stray whitespace in {s!r}")
            if "|" in s or "\t" in s:
                errors.append(f"{where}: separator inside {s!r}")
            if s in seen:
                errors.append(f"{where}: surface form {s!r} already on line {seen[s]}")
            else:
                seen[s] = r.line
        if r.canonical and r.canonical != r.canonical.strip():
            errors.append(f"{where}: stray whitespace in canonical")
    return errors


def write_tsv(path: Path, comments: list[str], rows: list[Row]) -> None:
    for c in comments:
        assert c.startswith("#") and "\n" not in c and "\t" not in c, c
    errs = validate_rows(path.name, rows)
    if errs:
        raise TsvError("\n".join(errs[:50]))
    rows = sorted(rows, key=lambda r: (r.name.casefold(), r.name, r.label, r.id))
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for c in comments:
            fh.write(c + "\n")
        fh.write("\t".join(HEADER) + "\n")
        for r in rows:
            fh.write(r.to_tsv() + "\n")
