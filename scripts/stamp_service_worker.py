#!/usr/bin/env python3
"""Trunk post-build step: stamps the service worker with a version made from the built files,
so that every build that changes what the widget loads replaces the visitors' offline cache, and
drops the inert Trunk build directive that Trunk leaves in index.html when it injects no script."""

import hashlib
import os
import pathlib
import re
import sys

PLACEHOLDER = "__CONTRACT_FIT_BUILD__"
HASHED = [
    "contract-fit-web_bg.wasm", "contract-fit-web.js", "contract-fit.css", "contract-fit.js",
    "contract-fit-frame.js", "embed.html", "index.html",
]


def main() -> int:
    staging = pathlib.Path(os.environ.get("TRUNK_STAGING_DIR", "dist"))
    sw = staging / "sw.js"
    if not sw.exists():
        print(f"stamp_service_worker: {sw} is missing", file=sys.stderr)
        return 1
    digest = hashlib.sha256()
    for name in HASHED:
        path = staging / name
        if path.exists():
            digest.update(name.encode())
            digest.update(path.read_bytes())
    version = digest.hexdigest()[:16]
    index = staging / "index.html"
    if index.exists():
        html = index.read_text(encoding="utf-8")
        index.write_text(re.sub(r"<link[^>]*\brel=\"?rust\"?[^>]*>", "", html), encoding="utf-8")
    sw.write_text(sw.read_text(encoding="utf-8").replace(PLACEHOLDER, version), encoding="utf-8")
    print(f"stamp_service_worker: sw.js version {version}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
