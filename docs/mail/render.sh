#!/usr/bin/env bash
# Renders one alert mail of each kind into docs/mail/ — the mails of the events whose ids start with "doc-", named
# after them, plus the new-device summary and the copy to the old address: <name>.txt (the text part) and <name>.png (the HTML part,
# screenshotted by headless Chromium: `apt-get install -y chromium`). Not run by the tests.
# Usage, from the repository root: docs/mail/render.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

dotnet run --project src/LoginGuard.Worker -- replay docs/mail/events.jsonl --out "$out" >/dev/null

/usr/bin/python3 - "$out/outbox" docs/mail "$out" <<'PY'
import email, email.policy, pathlib, sys
outbox, docs, work = map(pathlib.Path, sys.argv[1:])
for eml in sorted(outbox.glob("*.eml")):
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    told = message.get_all("X-LoginGuard-Event-Id")
    if len(told) > 1:
        name = "new-device-summary"
    elif not told[0].startswith("doc-"):
        continue
    elif message["X-LoginGuard-Alert"] == "suspicious-activity":
        name = "suspicious-activity-" + told[0].removeprefix("doc-")
    else:
        name = message["X-LoginGuard-Alert"]
    if name == "email-changed" and message["To"].addresses[0].addr_spec != "c.martin@example.net":
        name = "email-changed-to-old-address"
    (docs / f"{name}.txt").write_text(
        f"From: {message['From']}\nTo: {message['To']}\nSubject: {message['Subject']}\n\n"
        + message.get_body(("plain",)).get_content(), encoding="utf-8")
    (work / f"{name}.html").write_text(message.get_body(("html",)).get_content(), encoding="utf-8")
PY

for html in "$out"/*.html; do
  name=$(basename "$html" .html)
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --hide-scrollbars --screenshot="docs/mail/$name.png" --window-size=800,900 "file://$html" 2>/dev/null
done
ls docs/mail
