#!/bin/bash
# committed corpora + local corpora, compact
cd /work/wt/ingest-concepts
npx tsx eval/run-eval.ts "$@" 2>&1 | grep '^|' | grep -v -- '---'
npx tsx eval/run-eval.ts --corpora /work/wt/.eval-local "$@" 2>&1 | grep '^|' | grep -v -- '---' | tail -n +2
