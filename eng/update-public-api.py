#!/usr/bin/env python3
"""Records public API changes in each package's PublicAPI.Unshipped.txt.

Builds the given projects (default: every package under src/), reads the PublicApiAnalyzers diagnostics
(RS0016: a public symbol the files do not declare; RS0017: a declared symbol that is gone) and edits the
Unshipped file: new symbols are added, vanished ones removed, the rest kept sorted under '#nullable enable'.
Run it after a deliberate public API change, then review the diff like any other code.

Usage: python3 eng/update-public-api.py [path/to/Project.csproj ...]
"""
import glob
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DIAG = re.compile(r"^(?P<file>[^(]+)\(\d+,\d+\): error (?P<id>RS0016|RS0017): Symbol '(?P<sym>.+?)' is (?:not part of|part of) the declared (?:public )?API.*\[(?P<proj>[^\]]+\.csproj)\]$")


def main() -> int:
    projects = sys.argv[1:] or sorted(glob.glob(os.path.join(ROOT, "src", "*", "*.csproj")))
    for _ in range(3):
        added, removed = {}, {}
        for project in projects:
            out = subprocess.run(["dotnet", "build", project, "-nologo", "-v", "q", "-p:TreatWarningsAsErrors=true"],
                                 capture_output=True, text=True, cwd=ROOT).stdout
            for line in out.splitlines():
                m = DIAG.match(line.strip())
                if not m:
                    continue
                unshipped = os.path.join(os.path.dirname(m["proj"]), "PublicAPI.Unshipped.txt")
                target = added if m["id"] == "RS0016" else removed
                target.setdefault(unshipped, set()).add(m["sym"])
        if not added and not removed:
            return 0
        for path in set(added) | set(removed):
            lines = open(path, encoding="utf-8").read().splitlines() if os.path.exists(path) else []
            symbols = {l for l in lines if l.strip() and not l.startswith("#nullable")}
            symbols |= added.get(path, set())
            symbols -= removed.get(path, set())
            with open(path, "w", encoding="utf-8") as f:
                f.write("#nullable enable\n" + "".join(s + "\n" for s in sorted(symbols)))
            print(f"{os.path.relpath(path, ROOT)}: +{len(added.get(path, ()))} -{len(removed.get(path, ()))}")
    print("PublicAPI files still disagree with the build after three passes", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
