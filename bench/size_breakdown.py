#!/usr/bin/env python3
"""Where the widget's WebAssembly bytes go: code by crate, by module of contract_fit and yew, the
30 biggest functions, and what the data section holds. Part of the benchmark (scripts/bench.sh).

    python3 bench/size_breakdown.py [--wasm target/wasm32-unknown-unknown/release/contract-fit-web.wasm]
                                    [--final dist/contract-fit-web_bg.wasm] [--json OUT] [--work DIR]
                                    [--without REGEX ...]

Method: the release build's own wasm (what cargo produced, before wasm-bindgen and wasm-opt, with
its "name" section) goes through the same wasm-bindgen and `wasm-opt -Oz` as Trunk's build, but
with `--debuginfo` so the optimised functions keep their names. Function sizes are the code
section bodies of that file; the build without names is the one in dist/, and the table says how
close the two code sections are (percentages are of the dist/ file's total size). Needs
wasm-bindgen and wasm-opt on PATH (`. scripts/env.sh`).

`--without REGEX` (repeatable) answers "what would the wasm weigh without these functions?" before
anyone rewrites them: the bodies of the functions whose name matches are replaced by `unreachable`
in a copy of the named build (custom sections dropped, as shipped), and the copy's raw and gzip -9
sizes are printed beside the whole file's. Their data stays, so the saving is an upper bound for the
code alone.
"""

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
from collections import defaultdict

SECTION_NAMES = {
    0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory", 6: "global",
    7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "data count", 13: "tag",
}


# --- reading a wasm binary ------------------------------------------------------------------------

def leb_u(buf, pos):
    result = shift = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, pos


def leb_s(buf, pos):
    result = shift = 0
    while True:
        b = buf[pos]
        pos += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            if b & 0x40:
                result -= 1 << shift
            return result, pos


def name_at(buf, pos):
    n, pos = leb_u(buf, pos)
    return buf[pos:pos + n].decode("utf-8", "replace"), pos + n


def sections(buf):
    if buf[:4] != b"\0asm":
        raise ValueError("not a WebAssembly binary")
    pos = 8
    out = []
    while pos < len(buf):
        sid = buf[pos]
        size, body = leb_u(buf, pos + 1)
        name = SECTION_NAMES.get(sid, f"unknown {sid}")
        if sid == 0:
            custom, _ = name_at(buf, body)
            name = f"custom \"{custom}\""
        out.append({"id": sid, "name": name, "start": body, "size": size, "total": body + size - pos})
        pos = body + size
    return out


def imported_functions(buf, sec):
    pos = sec["start"]
    count, pos = leb_u(buf, pos)
    funcs = 0
    for _ in range(count):
        _, pos = name_at(buf, pos)
        _, pos = name_at(buf, pos)
        kind = buf[pos]
        pos += 1
        if kind == 0:  # function: type index
            _, pos = leb_u(buf, pos)
            funcs += 1
        elif kind == 1:  # table: reftype, limits
            pos += 1
            flags, pos = leb_u(buf, pos)
            _, pos = leb_u(buf, pos)
            if flags & 1:
                _, pos = leb_u(buf, pos)
        elif kind == 2:  # memory: limits
            flags, pos = leb_u(buf, pos)
            _, pos = leb_u(buf, pos)
            if flags & 1:
                _, pos = leb_u(buf, pos)
        elif kind == 3:  # global: valtype, mutability
            pos += 2
        elif kind == 4:  # tag: attribute, type index
            pos += 1
            _, pos = leb_u(buf, pos)
        else:
            raise ValueError(f"unknown import kind {kind}")
    return funcs


def code_spans(buf, sec):
    """Each function body of a code section: where its length prefix starts, where the body starts,
    and the body's size."""
    pos = sec["start"]
    count, pos = leb_u(buf, pos)
    spans = []
    for _ in range(count):
        size, body = leb_u(buf, pos)
        spans.append((pos, body, size))
        pos = body + size
    return spans


def code_bodies(buf, sec):
    return [body + size - prefix for prefix, body, size in code_spans(buf, sec)]  # with the prefix


def function_names(buf, sec):
    pos = sec["start"]
    _, pos = name_at(buf, pos)  # "name"
    end = sec["start"] + sec["size"]
    names = {}
    while pos < end:
        sub = buf[pos]
        size, body = leb_u(buf, pos + 1)
        if sub == 1:
            p = body
            count, p = leb_u(buf, p)
            for _ in range(count):
                idx, p = leb_u(buf, p)
                names[idx], p = name_at(buf, p)
        pos = body + size
    return names


def data_segments(buf, sec):
    pos = sec["start"]
    count, pos = leb_u(buf, pos)
    segs = []
    for _ in range(count):
        flags, pos = leb_u(buf, pos)
        offset = None
        if flags in (0, 2):
            if flags == 2:
                _, pos = leb_u(buf, pos)
            op = buf[pos]
            pos += 1
            if op in (0x41, 0x42):  # i32.const / i64.const
                offset, pos = leb_s(buf, pos)
            elif op == 0x23:  # global.get
                _, pos = leb_u(buf, pos)
            while buf[pos] != 0x0B:
                pos += 1
            pos += 1
        size, pos = leb_u(buf, pos)
        segs.append({"offset": offset, "data": buf[pos:pos + size]})
        pos += size
    return segs


# --- names -> crate and module -----------------------------------------------------------------------

LEGACY_ESCAPES = {
    "$SP$": "@", "$BP$": "*", "$RF$": "&", "$LT$": "<", "$GT$": ">", "$LP$": "(", "$RP$": ")",
    "$C$": ",",
}


def demangle_legacy(sym):
    """`_ZN4core3fmt5write17h0123456789abcdefE` -> `core::fmt::write`; enough to group by path."""
    m = re.match(r"^_?_ZN(.*)E$", sym)
    if not m:
        return sym
    rest, parts = m.group(1), []
    while rest and rest[0].isdigit():
        n = re.match(r"\d+", rest).group(0)
        part, rest = rest[len(n):len(n) + int(n)], rest[len(n) + int(n):]
        parts.append(part)
    if parts and re.fullmatch(r"h[0-9a-f]{16}", parts[-1]):
        parts.pop()
    text = "::".join(parts)
    for k, v in LEGACY_ESCAPES.items():
        text = text.replace(k, v)
    text = re.sub(r"\$u([0-9a-f]+)\$", lambda mm: chr(int(mm.group(1), 16)), text)
    return text.replace("..", "::")


def clean(name):
    if name.startswith(("_ZN", "__ZN")):
        name = demangle_legacy(name)
    # std, core and alloc come precompiled with v0 symbols, which demangle with the crate's
    # disambiguator (`core[c5930c85a12de822]::..`); the crate is the same as `core::..`.
    name = re.sub(r"\[[0-9a-f]{8,16}\]", "", name)
    return re.sub(r"::h[0-9a-f]{16}$", "", name)


PRIMITIVES = re.compile(r"^(bool|char|str|[iuf](8|16|32|64|128|size)|f16|f128|u8\]|.*\]|\(.*\))$")
BUILTINS = re.compile(r"^(__[a-z0-9_]+|mem(cpy|move|set|cmp)|bcmp|round|fmax|fmin|floor|ceil|pow|exp)$")

def split_top(text, sep):
    """Splits at `sep` where no <>, () or [] is open."""
    depth, out, cur, i = 0, [], "", 0
    while i < len(text):
        if depth == 0 and text.startswith(sep, i):
            out.append(cur)
            cur = ""
            i += len(sep)
            continue
        c = text[i]
        if c in "<([":
            depth += 1
        elif c in ">)]":
            depth -= 1
        cur += c
        i += 1
    out.append(cur)
    return out


def outer_path(name):
    """The path a function belongs to: `<X as Trait>::f` and `<X>::f` belong to X (to Trait when X
    is a primitive such as u32 or str); a generic function belongs to its own path, not to its type
    arguments (`core::ptr::drop_in_place<contract_fit::..>` is core's)."""
    if name.startswith("<"):
        depth = 0
        for i, c in enumerate(name):
            depth += c == "<"
            depth -= c == ">"
            if depth == 0:
                inner = name[1:i]
                break
        else:
            inner = name[1:]
        parts = split_top(inner, " as ")
        self_ty = re.sub(r"^(&(mut )?|\*(const|mut) |dyn |\[|\()+", "", parts[0].strip())
        if "::" in self_ty.split("<")[0]:
            return self_ty
        return parts[1].strip() if len(parts) > 1 else self_ty
    return name


def segments(path):
    return [s for s in split_top(path.split("<")[0] if not path.startswith("<") else path, "::") if s]


def crate_of(raw):
    if not raw:
        return "(unnamed)"
    name = clean(raw)
    if raw.startswith(("__wbg_", "__wbindgen", "__externref")) or name.startswith("Closure(") \
            or re.match(r"^[A-Z][A-Za-z0-9]*(\(.*\))? ->", name):
        return "(wasm-bindgen glue)"
    # wasm-opt inlines an exported function into its wasm-bindgen shim, so `mount externref shim`
    # holds src/main.rs's `mount` and whatever was inlined into it.
    if re.fullmatch(r"[a-z_][a-z0-9_]* externref shim|main", name):
        return "(the bin's exports: main.rs)"
    # Unmangled intrinsics (128-bit arithmetic, libm) and std's allocator shims `__rustc::__rdl_*`.
    if BUILTINS.match(name) or name.startswith("__rustc::"):
        return "compiler_builtins"
    path = outer_path(name)
    first = segments(path)
    if not first:
        return "(unnamed)"
    if "::" not in path.split("<")[0] or PRIMITIVES.match(first[0]):
        # `<char>::to_digit`, `<[u8]>::starts_with`: inherent methods of primitives live in core.
        return "core" if PRIMITIVES.match(first[0]) else "(other: " + first[0][:30] + ")"
    return first[0]


def module_of(raw, depth):
    segs = segments(outer_path(clean(raw)))
    # Drop the function (and any impl type) at the end: module paths are lowercase.
    mods = [s for s in segs[:depth] if re.fullmatch(r"[a-z_][a-z0-9_]*", s)]
    return "::".join(mods)


# --- the named build ---------------------------------------------------------------------------------

def leb_bytes(n):
    out = bytearray()
    while True:
        b, n = n & 0x7F, n >> 7
        out.append(b | 0x80 if n else b)
        if not n:
            return bytes(out)


def read_named(named_path):
    """A named build's bytes, its sections (all, and the standard ones by id), the number of
    imported functions (the code section's first body is function number `n_imported`) and the
    function names by number."""
    buf = open(named_path, "rb").read()
    secs = sections(buf)
    by_id = {s["id"]: s for s in secs if s["id"] != 0}
    name_sec = next(s for s in secs if s["name"] == 'custom "name"')
    n_imported = imported_functions(buf, by_id[2]) if 2 in by_id else 0
    return buf, secs, by_id, n_imported, function_names(buf, name_sec)


def without(named_path, pattern):
    """The named build's sizes with the bodies of the functions matching `pattern` emptied: a dict
    of the functions emptied, their bytes, and raw and gzip -9 sizes with and without them."""
    buf, secs, by_id, n_imported, names = read_named(named_path)
    regex = re.compile(pattern)
    code = by_id[10]
    spans = code_spans(buf, code)
    bodies, emptied, matched = [], 0, 0
    for i, (_, body, size) in enumerate(spans):
        text = buf[body:body + size]
        if regex.search(names.get(n_imported + i, "")):
            matched += 1
            emptied += size
            text = b"\x00\x00\x0b"  # no locals, `unreachable`, `end`: still a valid body
        bodies.append(leb_bytes(len(text)) + text)
    new_code = leb_bytes(len(spans)) + b"".join(bodies)

    def module(code_body):
        out = bytearray(buf[:8])
        for s in secs:
            if s["id"] == 0:
                continue
            payload = code_body if s["id"] == 10 else buf[s["start"]:s["start"] + s["size"]]
            out += bytes([s["id"]]) + leb_bytes(len(payload)) + payload
        return bytes(out)

    whole = module(buf[code["start"]:code["start"] + code["size"]])
    cut = module(new_code)
    gz = lambda b: len(gzip.compress(b, 9, mtime=0))
    return {"pattern": pattern, "functions": matched, "code_bytes": emptied,
            "raw": len(whole), "gzip": gz(whole), "raw_without": len(cut), "gzip_without": gz(cut)}


def named_build(cargo_wasm, work, opt_flags):
    os.makedirs(work, exist_ok=True)
    subprocess.run(
        ["wasm-bindgen", "--target", "web", "--no-typescript", "--out-dir", work, "--out-name", "named", cargo_wasm],
        check=True,
    )
    bg = os.path.join(work, "named_bg.wasm")
    out = os.path.join(work, "named-opt.wasm")
    subprocess.run(["wasm-opt", *opt_flags, "--debuginfo", "-o", out, bg], check=True)
    return out


def analyse(named_path, final_path):
    buf = open(named_path, "rb").read()
    secs = sections(buf)
    by_id = {s["id"]: s for s in secs if s["id"] != 0}
    name_sec = next((s for s in secs if s["name"] == 'custom "name"'), None)
    if name_sec is None:
        raise ValueError(f"{named_path} has no name section")
    n_imported = imported_functions(buf, by_id[2]) if 2 in by_id else 0
    sizes = code_bodies(buf, by_id[10])
    names = function_names(buf, name_sec)
    funcs = [
        {"name": names.get(n_imported + i, ""), "size": size}
        for i, size in enumerate(sizes)
    ]

    final = open(final_path, "rb").read()
    fsecs = sections(final)
    fby = {s["id"]: s for s in fsecs if s["id"] != 0}
    final_total = len(final)
    final_code = fby[10]["total"] if 10 in fby else 0
    named_code = by_id[10]["total"]

    crates = defaultdict(lambda: [0, 0])
    modules = {"contract_fit": defaultdict(lambda: [0, 0]), "yew": defaultdict(lambda: [0, 0])}
    mentions = [0, 0]
    for f in funcs:
        crate = crate_of(f["name"])
        crates[crate][0] += f["size"]
        crates[crate][1] += 1
        if crate in modules:
            mod = module_of(f["name"], 3 if crate == "contract_fit" else 2) or crate
            modules[crate][mod][0] += f["size"]
            modules[crate][mod][1] += 1
        elif "contract_fit" in f["name"]:
            mentions[0] += f["size"]
            mentions[1] += 1

    def table(d):
        return sorted(({"name": k, "bytes": v[0], "functions": v[1]} for k, v in d.items()), key=lambda r: -r["bytes"])

    top = sorted(funcs, key=lambda f: -f["size"])[:30]

    # One generic function compiled once per type it is used with: the copies add up.
    copies = defaultdict(lambda: [0, 0])
    for f in funcs:
        copies[clean(f["name"]) or "(unnamed)"][0] += f["size"]
        copies[clean(f["name"]) or "(unnamed)"][1] += 1
    repeated = [r for r in table(copies) if r["functions"] > 1][:10]

    # Data: from the dist/ file itself (wasm-opt may drop or merge segments).
    data = fby.get(11)
    data_report = {"section_bytes": data["total"] if data else 0, "segments": 0, "bytes": 0}
    if data:
        segs = data_segments(final, data)
        blob_runs_zero, blob_runs_text = [], []
        for seg in segs:
            d = seg["data"]
            for m in re.finditer(rb"\x00{16,}", d):
                blob_runs_zero.append({"offset": (seg["offset"] or 0) + m.start(), "bytes": len(m.group(0))})
            for m in re.finditer(rb"[\x20-\x7e\t\n\r]{32,}", d):
                blob_runs_text.append({
                    "offset": (seg["offset"] or 0) + m.start(),
                    "bytes": len(m.group(0)),
                    "preview": m.group(0)[:70].decode("ascii", "replace"),
                })
        total_data = sum(len(s["data"]) for s in segs)
        data_report.update({
            "segments": len(segs),
            "bytes": total_data,
            "zero_bytes_in_runs_16plus": sum(r["bytes"] for r in blob_runs_zero),
            "text_bytes_in_runs_32plus": sum(r["bytes"] for r in blob_runs_text),
            "biggest_zero_runs": sorted(blob_runs_zero, key=lambda r: -r["bytes"])[:5],
            "biggest_text_runs": sorted(blob_runs_text, key=lambda r: -r["bytes"])[:10],
        })

    return {
        "method": "post wasm-opt -Oz (same flags as the build) with --debuginfo names; percentages of the dist/ wasm's total size",
        "final_wasm": final_path,
        "final_bytes": final_total,
        "final_code_section": final_code,
        "named_code_section": named_code,
        "functions": len(funcs),
        "sections": [{"name": s["name"], "bytes": s["total"]} for s in fsecs],
        "crates": table(crates),
        "modules": {k: table(v) for k, v in modules.items()},
        "generic_mentions_contract_fit": {"bytes": mentions[0], "functions": mentions[1]},
        "repeated": repeated,
        "top_functions": [{"name": clean(f["name"]) or "(unnamed)", "bytes": f["size"]} for f in top],
        "data": data_report,
    }


def crate_totals(named_path):
    """Code bytes per crate of another named build (the minimal app), for comparison."""
    buf, secs, by_id, n_imported, names = read_named(named_path)
    totals = defaultdict(int)
    for i, size in enumerate(code_bodies(buf, by_id[10])):
        totals[crate_of(names.get(n_imported + i, ""))] += size
    return {"bytes": len(buf), "crates": dict(totals)}


def short(name, width):
    return name if len(name) <= width else name[:width - 3] + "..."


def print_report(r, out=sys.stdout):
    total = r["final_bytes"]

    def pct(b):
        return f"{100.0 * b / total:5.1f}%"

    def p(*a):
        print(*a, file=out)

    p(f"wasm {r['final_wasm']}: {total} bytes. Sections:")
    for s in sorted(r["sections"], key=lambda s: -s["bytes"]):
        p(f"  {s['name']:<28} {s['bytes']:>9}  {pct(s['bytes'])}")
    p(f"Code per function from the named build (code section {r['named_code_section']} bytes vs "
      f"{r['final_code_section']} in dist/, {100.0 * r['named_code_section'] / max(1, r['final_code_section']):.1f}%); "
      f"{r['functions']} functions. Percentages of the whole wasm file.")
    p("")
    base = r.get("baseline") or {"crates": {}}
    p(f"  {'crate':<40} {'bytes':>9} {'share':>6} {'fns':>5} {'minimal app':>12}")
    for row in r["crates"]:
        b = base["crates"].get(row["name"])
        p(f"  {row['name'][:40]:<40} {row['bytes']:>9} {pct(row['bytes'])} {row['functions']:>5} "
          f"{b if b is not None else '':>12}")
    if r.get("baseline"):
        p(f"  (the minimal app's column: code bytes of the same crate in bench/minimal's wasm, "
          f"{r['baseline']['bytes']} bytes in all)")
    g = r["generic_mentions_contract_fit"]
    p(f"  (of the crates other than contract_fit: {g['bytes']} bytes in {g['functions']} generic functions "
      f"instantiated for contract_fit types, e.g. drop_in_place<contract_fit::..>)")
    for crate, rows in r["modules"].items():
        p("")
        p(f"  {crate + ' by module':<40} {'bytes':>9} {'share':>6} {'fns':>5}")
        for row in rows[:20]:
            p(f"  {row['name'][:40]:<40} {row['bytes']:>9} {pct(row['bytes'])} {row['functions']:>5}")
    p("")
    p(f"  {'functions compiled more than once (generic copies)':<100} {'bytes':>7} {'copies':>6}")
    for row in r.get("repeated", []):
        p(f"  {short(row['name'], 100):<100} {row['bytes']:>7} {row['functions']:>6}")
    p("")
    p(f"  {'top 30 functions':<100} {'bytes':>7}")
    for f in r["top_functions"]:
        p(f"  {short(f['name'], 100):<100} {f['bytes']:>7}")
    d = r["data"]
    p("")
    p(f"  data: {d.get('bytes', 0)} bytes in {d.get('segments', 0)} segments ({pct(d.get('section_bytes', 0))} of the file); "
      f"{d.get('text_bytes_in_runs_32plus', 0)} bytes are printable text runs of 32+ characters, "
      f"{d.get('zero_bytes_in_runs_16plus', 0)} bytes zero runs of 16+")
    for z in d.get("biggest_zero_runs", []):
        p(f"    zeros {z['bytes']:>7} bytes at {z['offset']}")
    for t in d.get("biggest_text_runs", []):
        p(f"    text  {t['bytes']:>7} bytes at {t['offset']}: {t['preview']!r}")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wasm", default="target/wasm32-unknown-unknown/release/contract-fit-web.wasm",
                    help="cargo's output, before wasm-bindgen (from the release build)")
    ap.add_argument("--final", default="dist/contract-fit-web_bg.wasm", help="the wasm the widget ships")
    ap.add_argument("--work", default="target/bench/size")
    ap.add_argument("--opt", default="-Oz", help="wasm-opt flags of the build, space-separated")
    ap.add_argument("--named", default=None, help="skip the build; analyse this named, optimised wasm")
    ap.add_argument("--baseline-wasm", default=None,
                    help="cargo's wasm of the minimal app, for a per-crate comparison column")
    ap.add_argument("--quiet", action="store_true", help="write the JSON only")
    ap.add_argument("--json", default=None)
    ap.add_argument("--without", action="append", default=[], metavar="REGEX",
                    help="also print the sizes without the functions whose name matches (repeatable)")
    args = ap.parse_args(argv)
    for path in ([args.final] if args.named else [args.wasm, args.final]):
        if not os.path.isfile(path):
            print(f"size_breakdown: {path} is missing; build first (trunk build --release --offline)", file=sys.stderr)
            return 1
    named = args.named or named_build(args.wasm, args.work, args.opt.split())
    report = analyse(named, args.final)
    if args.baseline_wasm and os.path.isfile(args.baseline_wasm):
        base_named = named_build(args.baseline_wasm, os.path.join(args.work, "minimal"), args.opt.split())
        report["baseline"] = crate_totals(base_named)
    report["without"] = [without(named, pattern) for pattern in args.without]
    if not args.quiet:
        print_report(report)
        for w in report["without"]:
            print(f"  without /{w['pattern']}/: {w['functions']} functions, {w['code_bytes']} bytes of code; "
                  f"raw {w['raw']} -> {w['raw_without']}, gzip {w['gzip']} -> {w['gzip_without']} "
                  f"({w['gzip_without'] - w['gzip']:+})")
    if args.json:
        os.makedirs(os.path.dirname(args.json) or ".", exist_ok=True)
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
