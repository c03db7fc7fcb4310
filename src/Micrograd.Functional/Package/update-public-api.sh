#!/usr/bin/env bash
# Regenerate PublicAPI.Unshipped.txt: the analyzer's code fix, then the lines its messages still quote.
cd "$(dirname "$0")/../../.."
dotnet format analyzers src/Micrograd.Functional/Micrograd.Functional.csproj --diagnostics RS0016 RS0017 >/dev/null 2>&1
out=$(dotnet build src/Micrograd.Functional -c Release 2>&1)
python3 - "$out" <<'PY'
import re, sys
out = sys.argv[1]
add = set(re.findall(r"error RS0016: Symbol '(.*?)' is not part of the declared public API", out))
remove = set(re.findall(r"error RS0017: Symbol '(.*?)' is part of the declared API", out))
p = 'src/Micrograd.Functional/PublicAPI.Unshipped.txt'
lines = open(p).read().splitlines()
head = [l for l in lines if l.startswith('#')]
rest = sorted((set(l for l in lines if l and not l.startswith('#')) - remove) | add)
open(p, 'w').write("\n".join(head + rest) + "\n")
print(f"added {len(add)}, removed {len(remove)}")
PY
