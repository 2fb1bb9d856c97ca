#!/usr/bin/env bash
# The browser check (`make browser-check`, run by `make test`): headless Chromium loads the preview
# page with a workflow's email step selected, lets the page's script run, and the email's rendered
# subject (asked of the API) must be in the DOM. The screenshot goes to docs/preview.png for README.
set -euo pipefail
cd "$(dirname "$0")/../.."

MISSIVE=${MISSIVE:-.build/debug/missive}
CHROMIUM=${CHROMIUM:-chromium}
WORKFLOW=${WORKFLOW:-mention}
STEP=${STEP:-email_1}
SCREENSHOT=${SCREENSHOT:-docs/preview.png}
work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

"$MISSIVE" preview . --port "$port" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT

base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
    python3 -c "import urllib.request; urllib.request.urlopen('$base/api/project', timeout=1)" 2>/dev/null && break
    sleep 0.1
done

# The subject the server renders for the step, from the JSON API.
subject=$(python3 - "$base" "$WORKFLOW" "$STEP" <<'PY'
import json, sys, urllib.request
base, workflow, step = sys.argv[1:]
request = urllib.request.Request(f"{base}/api/workflows/{workflow}/render", data=json.dumps({"step": step}).encode(),
                                 headers={"content-type": "application/json"})
messages = json.load(urllib.request.urlopen(request, timeout=10))["messages"]
content = (messages[0].get("content") or {}) if messages else {}
print(content.get("subject_line") or content.get("subject") or "")
PY
)

# `live=0`: no event stream, so Chromium's virtual time can run out and the DOM be dumped.
url="$base/?workflow=$WORKFLOW&step=$STEP&live=0"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --mute-audio --virtual-time-budget=5000)
"$CHROMIUM" "${flags[@]}" --dump-dom "$url" > "$work/dom.html" 2> "$work/chromium.log"

python3 - "$work/dom.html" "$subject" "$STEP" <<'PY'
import html, sys
dom = open(sys.argv[1], encoding="utf-8").read()
subject, step = sys.argv[2], sys.argv[3]
def check(condition, what):
    if not condition:
        sys.exit(f"browser-check: FAILED: {what}")
check('data-state="off"' in dom, "the page's script did not run (the live indicator was not turned off)")
check(f'data-step="{step}" aria-selected="true"' in dom, f"step {step} is not the selected tab")
if subject:
    check(html.escape(subject, quote=False) in dom, f"the rendered subject {subject!r} is not in the page's DOM")
    print(f"browser-check: the subject {subject!r} is in the DOM")
else:
    check("Nothing rendered" in dom, "no subject from the API, and the page does not say that nothing rendered")
    print("browser-check: WARNING: the renderer returned no email for this step (Channels not merged yet?): checked the page only")
PY

mkdir -p "$(dirname "$SCREENSHOT")"
"$CHROMIUM" "${flags[@]}" --window-size=1440,1000 --screenshot="$work/shot.png" "$url" 2>> "$work/chromium.log" > /dev/null
cp "$work/shot.png" "$SCREENSHOT"
echo "browser-check: screenshot in $SCREENSHOT"

# The page's script live: a second server on a copy of the project, whose partial gets edited.
mkdir -p "$work/project"
cp -r missive.json templates layouts partials translations "$work/project/"
live_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$MISSIVE" preview "$work/project" --port "$live_port" > "$work/live-server.log" 2>&1 &
live_server=$!
trap 'kill $server $live_server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$live_port/api/project', timeout=1)" 2>/dev/null && break
    sleep 0.1
done
python3 Tests/Browser/browser-live-check.py "$CHROMIUM" "http://127.0.0.1:$live_port" "$work/project"
