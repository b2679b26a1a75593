#!/usr/bin/env bash
# LLM batch end to end with the built CLI: fake endpoint with 30% faults → summarize → every product published.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
pids=()
cleanup() { for pid in "${pids[@]:-}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
export REVIEWLENS_DB="$work/store.sqlite"
fail() { echo "E2E-LLM FAILED: $*" >&2; exit 1; }
json() { node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const o=JSON.parse(s.trim().split('\n').pop());console.log($1)})"; }

npx reviewlens sample --products 60 --seed 5 --out "$work/reviews.jsonl" > /dev/null
first=$(npx reviewlens run --input "$work/reviews.jsonl")
summarized=$(echo "$first" | json 'o.products_summarized')

# node, not npx, in the background: the recorded pid must be the server itself so cleanup can stop it.
node bin/reviewlens.js fake-llm --port 0 --latency-ms 20 --error-rate 0.3 --retry-after-ms 50 --hang-ms 3000 > "$work/fake.out" 2> "$work/fake.err" &
pids+=($!)
for _ in $(seq 1 100); do [ -s "$work/fake.out" ] && break; sleep 0.2; done
url=$(json 'o.fake_llm' < "$work/fake.out")
out=$(npx reviewlens summarize --llm-base-url "$url" --llm-model fake-model --concurrency 8 --llm-timeout-ms 1000)
echo "llm summarize: $out"
published=$(echo "$out" | json 'o.outcomes.llm_accepted + o.outcomes.llm_repaired + o.outcomes.fallback_builtin')
[ "$published" = "$summarized" ] || fail "$published of $summarized products published"
[ "$(echo "$out" | json 'o.outcomes.failed')" = "0" ] || fail "failed products"
[ "$(echo "$out" | json 'o.tokens.prompt > 0')" = "true" ] || fail "no token usage"
again=$(npx reviewlens summarize --llm-base-url "$url" --llm-model fake-model)
[ "$(echo "$again" | json 'o.products_considered')" = "0" ] || fail "re-run summarized again"
echo "E2E-LLM passed: $published products published through the fake endpoint with 30% faults"
