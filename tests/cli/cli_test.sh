#!/usr/bin/env bash
# The andel command line: migrate, user create (password on stdin), user remove-second-factor,
# demo, help, bad input,
# and serve stopping cleanly on SIGTERM.   cli_test.sh PATH/TO/andel
set -u
andel=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="sqlite:$work/cli.db"
passed=0
failed=0

check() {  # NAME EXPECTED_STATUS COMMAND...
  local name=$1 expected=$2
  shift 2
  "$@" >"$work/out" 2>"$work/err"
  local status=$?
  if [ "$status" -eq "$expected" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $name: exit $status, expected $expected"; cat "$work/out" "$work/err"
  fi
}

contains() {  # NAME FILE TEXT
  if grep -q -- "$3" "$2"; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAIL: $1: '$3' not in $2:"; cat "$2"; fi
}

check "help" 0 "$andel" --help
check "serve help" 0 "$andel" serve --help
contains "serve help names --db" "$work/out" "--db"
check "migrate" 0 "$andel" migrate --db "$db"
contains "migrate says so" "$work/out" '"migrated":true'
check "user create" 0 sh -c "echo 'a-long-password' | '$andel' user create --db '$db' --email Admin@Example.org --name 'Ada Admin' --admin"
contains "user create prints the account" "$work/out" '"email":"admin@example.org","admin":true'
check "duplicate user" 1 sh -c "echo 'a-long-password' | '$andel' user create --db '$db' --email admin@example.org --name Again"
contains "duplicate user is named" "$work/err" "already exists"
check "short password" 2 sh -c "echo 'short' | '$andel' user create --db '$db' --email b@example.org --name B"
check "bad email" 2 sh -c "echo 'a-long-password' | '$andel' user create --db '$db' --email nope --name B"
contains "bad email names the option" "$work/err" "(--email)"
# remove-second-factor: for an owner who lost the authenticator and the recovery codes.
check "remove second factor when there is none" 1 "$andel" user remove-second-factor --db "$db" --email admin@example.org
contains "no second factor is named" "$work/err" "does not use two-step sign-in"
check "remove second factor of nobody" 1 "$andel" user remove-second-factor --db "$db" --email nobody@example.org
sqlite3 "$work/cli.db" "INSERT INTO second_factors (person_id, secret, confirmed_at) SELECT id, 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 1 FROM persons WHERE email = 'admin@example.org'"
sqlite3 "$work/cli.db" "INSERT INTO recovery_codes (code_hash, person_id, created_at) SELECT 'h', id, 1 FROM persons WHERE email = 'admin@example.org'"
check "remove second factor" 0 "$andel" user remove-second-factor --db "$db" --email Admin@Example.org
contains "remove second factor prints the account" "$work/out" '"second_factor":false'
[ "$(sqlite3 "$work/cli.db" "SELECT COUNT(*) FROM second_factors") $(sqlite3 "$work/cli.db" "SELECT COUNT(*) FROM recovery_codes")" = "0 0" ] \
  && passed=$((passed + 1)) || { failed=$((failed + 1)); echo "FAIL: the second factor is still there"; }
sqlite3 "$work/cli.db" "SELECT subject FROM outbox WHERE recipient = 'admin@example.org'" >"$work/out"
contains "the owner is told" "$work/out" "Two-step sign-in is off"
check "bad database URL" 2 "$andel" migrate --db mysql://x
contains "bad URL explained" "$work/err" "sqlite: or postgresql://"
check "unreachable PostgreSQL" 1 "$andel" migrate --db postgresql://nobody@127.0.0.1:1/none
check "demo" 0 "$andel" demo --db "sqlite:$work/demo.db"
contains "demo prints the accounts" "$work/out" "member@andel.example"
check "demo twice" 1 "$andel" demo --db "sqlite:$work/demo.db"
check "audit verify" 0 "$andel" audit verify --db "sqlite:$work/demo.db"
contains "audit verify is intact" "$work/out" '"intact":true'
sqlite3 "$work/demo.db" "UPDATE audit_log SET details = 'forged' WHERE seq = 3"
check "audit verify finds an edit" 1 "$andel" audit verify --db "sqlite:$work/demo.db"
contains "audit verify names the entry" "$work/out" '"first_broken_seq":3'
check "bad port" 2 "$andel" serve --db "$db" --port 70000

# tally: a real election, and a broken file.
data="$(cd "$(dirname "$0")/../../.." && pwd)/shared/data/preflib"
check "tally stv" 0 "$andel" tally --method stv --seats 4 "$data/00001-00000001.soi"
contains "tally elects Dublin North's four" "$work/out" '"elected":\[4,9,10,12\]'
contains "tally names the candidates" "$work/out" '"name":"Trevor Sargent G.P."'
check "tally irv" 0 "$andel" tally --method irv "$data/00005-00000002.toi"
contains "tally irv winner" "$work/out" '"winners":\[1\]'
printf '# NUMBER ALTERNATIVES: 2\n1: 1,2\n1: 1,3\n' >"$work/bad.soi"
check "tally bad file" 2 "$andel" tally --method borda "$work/bad.soi"
contains "tally names the line" "$work/err" "(line 3)"
check "tally unknown method" 2 "$andel" tally --method dictator "$work/bad.soi"
check "tally missing file" 1 "$andel" tally --method borda "$work/none.soi"

# tally --verify: a published decision recounted from its export.
exports="$(dirname "$0")/exports"
check "verify" 0 "$andel" tally --verify "$exports/verified.json"
contains "verify says so" "$work/out" "verified: schulze, 3 ballots"
check "verify stv" 0 "$andel" tally --verify "$exports/stv.json"
check "verify wrong winner" 1 "$andel" tally --verify "$exports/wrong-winner.json"
contains "verify names the mismatch" "$work/out" "MISMATCH result.winners"
check "verify wrong receipts" 1 "$andel" tally --verify "$exports/wrong-receipts.json"
check "verify malformed" 2 "$andel" tally --verify "$exports/malformed.json"
# A motion: every published count and the voter roll are recounted (issue 14, point 9).
check "verify motion" 0 "$andel" tally --verify "$exports/motion.json"
check "verify motion counts" 1 "$andel" tally --verify "$exports/motion-wrong-counts.json"
contains "verify names the count" "$work/out" "MISMATCH result.yes: published 3, recounted 2"
check "verify motion roll" 1 "$andel" tally --verify "$exports/motion-wrong-roll.json"
contains "verify names the voter off the roll" "$work/out" "MISMATCH roll: someone voted who is not on the roll"
contains "verify names the quorum base" "$work/out" "the quorum's base 3 is not the roll's weight 4"
check "tally without input" 2 "$andel" tally

# match: recommendations, circles and consortia on a profile file.
profiles="$(dirname "$0")/profiles"
check "match recommend" 0 "$andel" match recommend --top 2 "$profiles/partnership.jsonl"
contains "anna's best match is bo, with the reasons" "$work/out" \
  '{"id":"anna","matches":\[{"id":"bo","score":2,"gives":\["gardening"\],"gets":\["legal advice"\]}'
check "match circles" 0 "$andel" match circles --size 4 --seed 3 "$profiles/partnership.jsonl"
cp "$work/out" "$work/circles-1"
check "match circles again" 0 "$andel" match circles --size 4 --seed 3 "$profiles/partnership.jsonl"
if cmp -s "$work/out" "$work/circles-1"; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL: circles differ for the same seed"; fi
contains "circles report the objective" "$work/out" '"objective":'
contains "small instances report the optimum" "$work/out" '"optimum":7.5E0'
contains "circles reach it" "$work/out" '"objective":7.5E0'
check "match consortium" 0 "$andel" match consortium --needs "legal advice,carpentry,data analysis" --min-categories 3 "$profiles/partnership.jsonl"
contains "the consortium names who covers what" "$work/out" '"covers":{'
contains "the consortium is optimal" "$work/out" '"optimal":true'
check "match consortium impossible" 1 "$andel" match consortium --needs "welding,cooking" "$profiles/partnership.jsonl"
contains "the missing competence is named" "$work/out" '"missing":\["welding"\]'
check "match bad file" 2 "$andel" match circles "$profiles/bad.jsonl"
contains "match names the line" "$work/err" "(line 2)"
check "match missing file" 1 "$andel" match recommend "$profiles/none.jsonl"

# budget: a real Pabulib file, and a broken one.
pabulib="$(cd "$(dirname "$0")/../../.." && pwd)/shared/data/pabulib"
check "budget mes" 0 "$andel" budget --rule mes --utility cost --completion none "$pabulib/Netherlands_Amsterdam_588.pb"
contains "budget mes selects as the reference" "$work/out" '"selected":\["42184","42185","42187","42190","42192","42194","42195","42196"\]'
contains "budget total is exact" "$work/out" '"total_cost":"74102"'
check "budget explain" 0 "$andel" budget --rule mes --explain 42192 "$pabulib/Netherlands_Amsterdam_588.pb"
contains "budget explains in words" "$work/out" "was funded in round 1"
printf 'META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\na;10\nVOTES\nvoter_id;vote\n1;b\n' >"$work/bad.pb"
check "budget bad file" 2 "$andel" budget "$work/bad.pb"
contains "budget names the line" "$work/err" "(line 10)"
check "budget bad rule" 2 "$andel" budget --rule lottery "$pabulib/Netherlands_Amsterdam_588.pb"
# A Pabulib file with a project named four times on a ballot (as Czestochowa 2020 has): read
# once, every completion runs (it crashed the server once).
printf 'META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\na;30\nb;60\nc;45\nVOTES\nvoter_id;vote\n1;a,a,a,a\n2;a,b\n3;b,c,c\n' >"$work/repeats.pb"
check "budget repeats add1+greedy" 0 "$andel" budget --rule mes --completion add1+greedy "$work/repeats.pb"
check "budget repeats budget+1%" 0 "$andel" budget --rule mes --utility card --completion budget+1% "$work/repeats.pb"
# Every benchmark script fails when andel fails (a crash was once timed as a 0.031 s run):
# given an andel (and a load generator) that crashes at once, each exits non-zero, within
# seconds, saying what failed.
printf '#!/bin/sh\nexit 139\n' >"$work/crashing-andel"
chmod +x "$work/crashing-andel"
check "bench fails on a crash" 1 "$(dirname "$0")/../../bench/budget.sh" "$work/crashing-andel"
contains "bench names the command" "$work/err" "andel budget --rule mes"
for script in "$(dirname "$0")"/../../bench/*.sh; do
  [ "$(basename "$script")" = lib.sh ] && continue
  timeout 60 "$script" "$work/crashing-andel" "$work/crashing-andel" >"$work/out" 2>"$work/err"
  status=$?
  if [ "$status" -ne 0 ] && [ "$status" -ne 124 ] && [ -s "$work/err" ]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL: $(basename "$script") with a crashing andel: exit $status"; cat "$work/err"
  fi
done

# serve: starts, answers, and stops cleanly on SIGTERM.
"$andel" serve --db "sqlite:$work/serve.db" --port 0 --demo >"$work/serve.out" 2>&1 &
pid=$!
url=""
for _ in $(seq 100); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/serve.out" | head -n 1)
  [ -n "$url" ] && break
  sleep 0.1
done
if [ -n "$url" ] && curl -sf "$url/api/v1/health" >/dev/null; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL: serve did not answer"; cat "$work/serve.out"; fi
# The closed demo decisions, exported by the server, recount to their published results.
for id in 1 2 3 7; do
  curl -sf "$url/api/v1/decisions/$id/export" >"$work/export-$id.json"
  check "demo decision $id recounts" 0 "$andel" tally --verify "$work/export-$id.json"
  contains "demo decision $id is verified" "$work/out" "^verified"
done
curl -sf "$url/api/v1/decisions/1/export" | sed 's/"passed":true/"passed":false/' >"$work/forged.json"
check "a forged motion result is caught" 1 "$andel" tally --verify "$work/forged.json"
# Every published figure is recounted: a round of the IRV count (7), the STV quota (2), an
# approval score (3) and a motion's participation (1), each forged, are named.
sed 's/"rounds":\[{"votes":{"\([0-9]*\)":[0-9]*/"rounds":[{"votes":{"\1":999/' "$work/export-7.json" >"$work/forged-round.json"
check "a forged round is caught" 1 "$andel" tally --verify "$work/forged-round.json"
contains "the forged round is named" "$work/out" "MISMATCH result.rounds\[0\].votes.[0-9]*: published 999, recounted"
sed 's/"quota":[0-9]*/"quota":1/' "$work/export-2.json" >"$work/forged-quota.json"
check "a forged quota is caught" 1 "$andel" tally --verify "$work/forged-quota.json"
contains "the forged quota is named" "$work/out" "MISMATCH result.quota: published 1, recounted"
sed 's/"scores":{"\([0-9]*\)":[0-9]*/"scores":{"\1":999/' "$work/export-3.json" >"$work/forged-score.json"
check "a forged score is caught" 1 "$andel" tally --verify "$work/forged-score.json"
contains "the forged score is named" "$work/out" "MISMATCH result.scores.[0-9]*: published 999, recounted"
sed 's/"winner":[0-9]*/"winner":999/' "$work/export-7.json" >"$work/forged-winner.json"
check "a forged lot is caught" 1 "$andel" tally --verify "$work/forged-winner.json"
contains "the forged lot is named" "$work/out" "MISMATCH result.winner: published 999, recounted"
sed 's/"participated":[0-9]*/"participated":1000/' "$work/export-1.json" >"$work/forged-turnout.json"
check "a forged turnout is caught" 1 "$andel" tally --verify "$work/forged-turnout.json"
contains "the forged turnout is named" "$work/out" "MISMATCH result.participated: published 1000, recounted"
# The demo's closed fund, exported as a Pabulib file, gives the same outcome from the command line.
curl -sf "$url/c/roskilde-samskabelse/funds/1/export.pb" >"$work/fund.pb"
selected=$(curl -sf "$url/api/v1/communities/roskilde-samskabelse/funds/1/result" |
  grep -o '"selected":\[[^]]*\]')
check "demo fund recounts" 0 "$andel" budget --rule mes --completion add1+greedy "$work/fund.pb"
contains "demo fund gives the published outcome" "$work/out" "$(printf '%s' "$selected" | sed 's/[][]/\\&/g')"
kill -TERM "$pid"
wait "$pid"
status=$?
if [ "$status" -eq 0 ]; then passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL: serve exited $status on SIGTERM"; fi
contains "serve closes the database" "$work/serve.out" "database closed"
contains "serve logs requests" "$work/serve.out" "access method=GET path=/api/v1/health status=200"

# The access log: a forged path stays one escaped line, and the line reaches the file within
# the flush interval (5 ms) even when the server is killed with SIGKILL right after answering.
"$andel" serve --db "sqlite:$work/serve.db" --port 0 >"$work/kill.out" 2>&1 &
pid=$!
url=""
for _ in $(seq 100); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*' "$work/kill.out" | head -n 1)
  [ -n "$url" ] && break
  sleep 0.1
done
curl -s -g -o /dev/null --path-as-is "$url/%0aforged%1b[31m"
sleep 0.2
kill -KILL "$pid"
wait "$pid" 2>/dev/null
if [ "$(grep -c 'forged' "$work/kill.out")" -eq 1 ] &&
  grep -qF 'access method=GET path=/\x0aforged\x1b[31m status=404' "$work/kill.out"; then
  passed=$((passed + 1)); else
  failed=$((failed + 1)); echo "FAIL: the forged path is not one escaped access line"; cat -v "$work/kill.out"; fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
