#!/usr/bin/env bash
# Regenerates docs/progress.svg and docs/summary.svg from a real run on a real terminal (tmux):
# the examples plus two temporary configs (one slow, one failing), with the stand-in camcops_server.
# Usage: docs/tools/make-pictures.sh   (needs tmux; run from anywhere in the repository)
#   KEEP_RAW=DIR keeps the raw captures (ANSI text) in DIR; PICTURE_COLUMNS / PICTURE_ROWS size the terminal.
set -euo pipefail

repo=$(cd "$(dirname "$0")/../.." && pwd)
cols=${PICTURE_COLUMNS:-150}
rows=${PICTURE_ROWS:-24}
mid_run_pattern=${PICTURE_MID_RUN:-"upgrade_db: [2-5]/8 done, [2-9] running"}
socket=camcops-meta-pictures-$$
# A fixed folder, so the paths the stand-in prints are the same on every run.
sites=${TMPDIR:-/tmp}/camcops-meta-pictures/camcops
raw=$(mktemp -d)
clean_up() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  if [[ -n "${KEEP_RAW:-}" ]]; then cp -r "$raw" "$KEEP_RAW"; fi
  rm -rf "$raw" "$(dirname "$sites")"
}
trap clean_up EXIT

command -v tmux >/dev/null || { echo "make-pictures: tmux is needed (apt-get install tmux)" >&2; exit 2; }
(cd "$repo" && npm run --silent build)

rm -rf "$sites" && mkdir -p "$sites"
cp "$repo"/examples/configs/*.conf "$sites"/
cat > "$sites/camcops_york.conf" <<'CONF'
# fake-camcops: sleep=1.4 lines=5 exit=3
[site]
DB_URL = mysql+mysqldb://camcops_york:fake_pw_york@db-york.example.org:3306/camcops_york?charset=utf8
[server]
PORT = 8010
CONF
cat > "$sites/camcops_leeds.conf" <<'CONF'
# fake-camcops: sleep=3.2 lines=12
[site]
DB_URL = postgresql://camcops_leeds:fake_pw_leeds@pg-leeds.example.net/camcops_leeds
[server]
PORT = 8011
CONF
chmod 640 "$sites"/*.conf

# No CI and a colour terminal, as an operator at a console would have; the shell stays after the run.
run="cd '$sites' && node '$repo/bin/camcops-meta.js' upgrade_db --filespecs '*.conf' --camcops '$repo/examples/fake-camcops/camcops_server.js'; tmux wait-for -S finished; sleep 600"
tmux -L "$socket" -f /dev/null new-session -d -s pictures -x "$cols" -y "$rows" \
  "env -u CI -u NO_COLOR TERM=xterm-256color COLORTERM= bash --norc --noprofile -c \"$run\""
tmux -L "$socket" set-option -t pictures history-limit 5000 >/dev/null

# Mid-run: once a few configs are done and others still run (the header reads "upgrade_db: 3/8 done, 4 running").
# The header and the rows must agree: a capture can land halfway through a redraw.
is_settled_mid_run() {
  local plain header done_rows running_rows
  plain=$(tmux -L "$socket" capture-pane -p -t pictures)
  header=$(grep -Eo "$mid_run_pattern" <<<"$plain") || return 1
  done_rows=$(grep -cE '^[^ ]+ [^ ]+ +(ok|failed)  exit' <<<"$plain" || true)
  running_rows=$(grep -cE '^[^ ]+ [^ ]+ +running ' <<<"$plain" || true)
  [[ "$header" == "upgrade_db: $done_rows/8 done, $running_rows running" ]]
}
for _ in $(seq 1 300); do
  if is_settled_mid_run; then break; fi
  sleep 0.05
done
tmux -L "$socket" capture-pane -p -e -t pictures >"$raw/progress.ans"
tmux -L "$socket" wait-for finished
tmux -L "$socket" capture-pane -p -e -S - -t pictures >"$raw/summary.ans"

node "$repo/docs/tools/ansi-to-svg.mjs" --title "camcops-meta upgrade_db: progress" \
  --columns "$cols" <"$raw/progress.ans" >"$repo/docs/progress.svg"
node "$repo/docs/tools/ansi-to-svg.mjs" --title "camcops-meta upgrade_db: summary" \
  --columns "$cols" <"$raw/summary.ans" >"$repo/docs/summary.svg"
echo "wrote docs/progress.svg and docs/summary.svg"
