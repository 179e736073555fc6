#!/usr/bin/env python3
"""Checks that the configurator adds not a byte to what the widget's visitors load: builds the
site again without the configurator (index.html without its lines) into target/widget-alone/ and
compares the widget's files with those in dist/, byte for byte.

    python3 scripts/widget_alone.py        # after `trunk build --release --offline`

The widget's binary is built by the same cargo command either way (the configurator is a binary
of its own, behind the `configure` feature), so cargo has nothing to do: only wasm-bindgen and
wasm-opt run again, in seconds. The pinned tools come first on PATH, as scripts/env.sh puts them.
"""

import hashlib
import os
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
WIDGET_FILES = ["contract-fit.js", "contract-fit-web.js", "contract-fit-web_bg.wasm", "contract-fit.css"]
CONFIGURATOR_FILES = ["configure.html", "configure.js", "configure.css", "contract-fit-configure.js", "contract-fit-configure_bg.wasm"]


def without_configurator(html: str) -> str:
    """index.html without the configurator's build lines, its paths made relative to the copy."""
    kept = [line for line in html.splitlines(keepends=True) if "configure" not in line]
    out = "".join(kept)
    # The copy sits three folders down; Trunk resolves hrefs (and Cargo.toml) against it.
    out = re.sub(r'(<link data-trunk [^>]*?)href="([^"]+)"', r'\1href="../../../\2"', out)
    out = out.replace('<link data-trunk rel="rust" ', '<link data-trunk rel="rust" href="../../../Cargo.toml" ')
    return out


def digest(path: pathlib.Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def main() -> int:
    dist = ROOT / "dist"
    missing = [f for f in WIDGET_FILES + CONFIGURATOR_FILES if not (dist / f).is_file()]
    if missing:
        print(f"widget_alone: dist/ lacks {', '.join(missing)}; run `trunk build --release --offline` first", file=sys.stderr)
        return 1
    work = ROOT / "target" / "widget-alone"
    src = work / "src" / "index.html"
    out = work / "dist"
    src.parent.mkdir(parents=True, exist_ok=True)
    html = without_configurator((ROOT / "index.html").read_text(encoding="utf-8"))
    if "configure" in html or 'rel="rust"' not in html:
        print("widget_alone: could not take the configurator out of index.html", file=sys.stderr)
        return 1
    src.write_text(html, encoding="utf-8")
    env = dict(os.environ)
    tools = [str(ROOT / "node_modules" / ".bin"), str(pathlib.Path.home() / ".cargo" / "bin")]
    env["PATH"] = os.pathsep.join(tools + [env.get("PATH", "")])
    env["TRUNK_SKIP_VERSION_CHECK"] = "true"
    build = subprocess.run(
        ["trunk", "build", "--release", "--offline", "--dist", str(out), str(src)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if build.returncode != 0:
        print(build.stdout[-4000:], build.stderr[-4000:], sep="\n", file=sys.stderr)
        print("widget_alone: the build without the configurator failed", file=sys.stderr)
        return 1
    bad = 0
    for name in WIDGET_FILES:
        a, b = dist / name, out / name
        same = b.is_file() and a.read_bytes() == b.read_bytes()
        size_b = b.stat().st_size if b.is_file() else 0
        print(f"{'same' if same else 'DIFFERENT':9}  {name}: {a.stat().st_size} bytes ({digest(a)}) with the configurator, "
              f"{size_b} bytes ({digest(b) if b.is_file() else '-'}) without")
        bad += not same
    leaked = [f for f in CONFIGURATOR_FILES if (out / f).exists()]
    if leaked:
        print(f"widget_alone: the build without the configurator still has {', '.join(leaked)}", file=sys.stderr)
        bad += 1
    print("widget_alone: the widget's files are the same byte for byte" if not bad else "widget_alone: FAILED")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
