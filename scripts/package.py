#!/usr/bin/env python3
"""Packs the release build (dist/) into one zip a consultancy unpacks onto any static host.

    python3 scripts/package.py                      # -> target/contract-fit-web.zip
    python3 scripts/package.py --extract-to DIR     # also unpacks it into DIR (used by the tests)

Build first: trunk build --release --offline.
"""

import argparse
import pathlib
import shutil
import sys
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", default=str(ROOT / "dist"))
    parser.add_argument("--out", default=str(ROOT / "target" / "contract-fit-web.zip"))
    parser.add_argument("--extract-to", default=None)
    args = parser.parse_args(argv)

    dist = pathlib.Path(args.dist)
    if not (dist / "index.html").is_file() or not (dist / "contract-fit.js").is_file():
        print(f"package: no release build in {dist}; run `trunk build --release --offline` first", file=sys.stderr)
        return 1
    out = pathlib.Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    files = sorted(p for p in dist.rglob("*") if p.is_file() and ".stage" not in p.parts)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for f in files:
            z.write(f, pathlib.Path("contract-fit") / f.relative_to(dist))
    print(f"package: {out} ({len(files)} files, {out.stat().st_size} bytes)")

    if args.extract_to:
        target = pathlib.Path(args.extract_to)
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        with zipfile.ZipFile(out) as z:
            z.extractall(target)
        print(f"package: unpacked into {target / 'contract-fit'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
