#!/usr/bin/env bash
# The README's commands, end to end, against the built CLI: what a new user does after `npm install`.
set -euo pipefail
work=$(mktemp -d)
pids=()
# Servers run in their own process groups (setsid): `npm start` and `npx` spawn node children that a plain
# kill of the wrapper would leave running.
cleanup() { for pid in "${pids[@]:-}"; do [ -n "$pid" ] && kill -- "-$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
export REVIEWLENS_DB="$work/store.sqlite"

fail() { echo "E2E FAILED: $*" >&2; exit 1; }
json() { node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const o=JSON.parse(s.trim().split('\n').pop());console.log($1)})"; }

npx reviewlens --help > "$work/help.txt"
grep -q 'summarize' "$work/help.txt" || fail "--help does not list the commands"
for command in sample ingest index summarize serve run export demo rejects experiment api-key; do
  grep -q "^  $command" "$work/help.txt" || fail "--help does not list $command"
done

npx reviewlens sample --products 200 --seed 7 --out "$work/reviews.jsonl" > /dev/null
test -s "$work/reviews.truth.jsonl" || fail "sample wrote no truth file"

first=$(npx reviewlens run --input "$work/reviews.jsonl" --min-reviews 5)
echo "first run: $first"
read_=$(echo "$first" | json 'o.reviews_read')
sum=$(echo "$first" | json 'o.reviews_accepted + o.reviews_rejected')
[ "$read_" = "$sum" ] || fail "read ($read_) != accepted + rejected ($sum)"
summarized=$(echo "$first" | json 'o.products_summarized')
[ "$(echo "$first" | json 'o.products_failed')" = "0" ] || fail "some products failed: $first"
[ "$(echo "$first" | json 'o.products_summarized + o.products_skipped')" = "200" ] || fail "not every product was summarized or skipped with a reason"
[ "$summarized" -gt 150 ] || fail "only $summarized products summarized"

second=$(npx reviewlens run --input "$work/reviews.jsonl" --min-reviews 5)
echo "second run: $second"
[ "$(echo "$second" | json 'o.products_summarized')" = "0" ] || fail "re-run summarized again"
[ "$(echo "$second" | json 'o.chunks_written')" = "0" ] || fail "re-run re-indexed"

npx reviewlens export summaries --out "$work/summaries.jsonl" > /dev/null
[ "$(wc -l < "$work/summaries.jsonl")" -eq "$summarized" ] || fail "export has the wrong number of summaries"
product=$(head -1 "$work/summaries.jsonl" | json 'o.product_id')

port=$((20000 + RANDOM % 20000))
setsid npx reviewlens serve --port "$port" > "$work/serve.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$port/healthz" > "$work/page1.txt" && grep -q '"ok"' "$work/page1.txt" || fail "healthz"
etag=$(curl -sfi "http://127.0.0.1:$port/v1/products/$product/summary" | tr -d '\r' | awk -F': ' 'tolower($1)=="etag"{print $2}')
[ -n "$etag" ] || fail "no ETag"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag" "http://127.0.0.1:$port/v1/products/$product/summary")
[ "$code" = "304" ] || fail "If-None-Match gave $code, not 304"
curl -sf "http://127.0.0.1:$port/v1/products/$product/summary/sources?claim=pros.0" > "$work/page2.txt" && grep -q '"sources"' "$work/page2.txt" || fail "sources"
curl -sf "http://127.0.0.1:$port/products/$product" > "$work/page3.txt" && grep -q 'ai-label' "$work/page3.txt" || fail "product page"
# To files first: `grep -q` closing a pipe early would fail `curl` under pipefail.
curl -sf "http://127.0.0.1:$port/docs/json" > "$work/openapi.json" || fail "OpenAPI at /docs"
grep -q '/v1/products/{id}/summary/feedback' "$work/openapi.json" || fail "OpenAPI lacks the feedback route"
curl -sf "http://127.0.0.1:$port/metrics" > "$work/metrics.txt" || fail "metrics"
grep -q 'reviewlens_http_requests_total' "$work/metrics.txt" || fail "metrics lack request counts"
fb=$(curl -sf -X POST -H 'content-type: application/json' -H 'idempotency-key: e2e-feedback-1' -d '{"helpful":true}' "http://127.0.0.1:$port/v1/products/$product/summary/feedback")
fb2=$(curl -sf -X POST -H 'content-type: application/json' -H 'idempotency-key: e2e-feedback-1' -d '{"helpful":true}' "http://127.0.0.1:$port/v1/products/$product/summary/feedback")
[ "$fb" = '{"stored":1,"duplicates":0}' ] && [ "$fb2" = '{"stored":0,"duplicates":1}' ] || fail "feedback idempotency: $fb / $fb2"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'content-type: application/json' -d '{"reviews":[{}]}' "http://127.0.0.1:$port/v1/reviews")
[ "$code" = "401" ] || fail "ingest without a key gave $code"
key=$(npx reviewlens api-key create e2e --scopes ingest | json 'o.key')
ingested=$(curl -sf -X POST -H 'content-type: application/json' -H "authorization: Bearer $key" -d '{"reviews":[{"review_id":"e2e-1","product_id":"e2e-p","star_rating":5,"review_text":"Great sound and battery.","created_at":"2026-01-02"}]}' "http://127.0.0.1:$port/v1/reviews")
[ "$(echo "$ingested" | json 'o.reviews_accepted')" = "1" ] || fail "HTTP ingest: $ingested"
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/v1/products/no-such-product/summary")
[ "$code" = "404" ] || fail "unknown product gave $code"

# npm start: the shipped sample in, summaries served on localhost.
demo_port=$((20000 + RANDOM % 20000))
REVIEWLENS_DB="$work/demo.sqlite" REVIEWLENS_PORT="$demo_port" setsid npm start > "$work/demo.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$demo_port/" > /dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$demo_port/" > "$work/page4.txt" && grep -q '/products/' "$work/page4.txt" || { cat "$work/demo.log"; fail "npm start serves no products"; }
grep -q "serving on http://127.0.0.1:$demo_port" "$work/demo.log" || fail "npm start did not print the URL"
echo "E2E passed: $summarized products summarized, re-run idempotent, API + page + npm start OK"
