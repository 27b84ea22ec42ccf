#!/bin/bash
# usage: ab2.sh <dir> <label>
cd $1
DATABASE_URL=postgres://postgres@127.0.0.1:5432/rounds_load_dev HOST=127.0.0.1 PORT=3400 LOG_LEVEL=warn DATA_DIR=/tmp/rld RATE_LIMIT_WRITES_PER_MIN=100000000 RATE_LIMIT_EXPORTS_PER_MIN=100000000 node --import tsx src/cli/main.ts serve > /tmp/rld.log 2>&1 &
pid=$!
sleep 9
echo -n "$2 load=$(cut -d' ' -f1 /proc/loadavg) "
cd /work/main; ROUNDS_URL=http://127.0.0.1:3400 DATABASE_URL=postgres://postgres@127.0.0.1:5432/rounds_load_dev SERVER_PID=$pid BENCH_WARM=30 BENCH_DURATION=20 BENCH_CLIENTS=${CLIENTS:-10} BENCH_KINDS=${KINDS:-mix} npx tsx bench/load/kinds.ts 2>&1 | tail -${LINES_OUT:-1}
kill $pid; wait $pid 2>/dev/null
