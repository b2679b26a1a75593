#!/usr/bin/env bash
# Dependency audit of production dependencies at high severity. Fails on findings; when the registry offers
# no audit endpoint (this workplace's mirror answers 405), says so loudly instead of failing the build.
set -uo pipefail
out=$(npm audit --omit=dev --audit-level=high 2>&1); status=$?
if [ $status -eq 0 ]; then echo "npm audit: no high-severity findings"; exit 0; fi
if grep -q "audit endpoint returned an error" <<<"$out"; then
  echo "WARNING: npm audit could not run (the registry has no audit endpoint here); not a pass, not a failure."
  exit 0
fi
echo "$out"
exit $status
