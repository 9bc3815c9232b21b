#!/usr/bin/env bash
# Renders the alert mails of docs/mail/events.jsonl into docs/mail/: <name>.txt (the text part) and <name>.png (the
# HTML part, screenshotted by headless Chromium: `apt-get install -y chromium`). Not run by the tests.
# - one mail of each kind: the mails of the events whose ids start with "doc-", named after them, plus the new-device
#   summary and the copy to the old address (new-device, password-changed, …);
# - the new-device mail in every other language: events "doc-new-device.<locale>" give new-device.<locale>;
# - the new-device mail with feedback on (Feedback:TokenKey and Feedback:ReviewUrl set), whose one link is the
#   "was this you?" page, in every language: new-device.feedback, new-device.<locale>.feedback. The token in the
#   link is sealed afresh on each run, so those files change every time.
# Usage, from the repository root: docs/mail/render.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

dotnet build src/LoginGuard.Worker >/dev/null
dotnet run --no-build --project src/LoginGuard.Worker -- replay docs/mail/events.jsonl --out "$out/plain" >/dev/null
Feedback__TokenKey=$(openssl rand -base64 32) Feedback__ReviewUrl=https://learnwell.example/account/security/review \
  dotnet run --no-build --project src/LoginGuard.Worker -- replay docs/mail/events.jsonl --out "$out/feedback" >/dev/null

/usr/bin/python3 - docs/mail "$out" <<'PY'
import email, email.policy, pathlib, sys
docs, work = map(pathlib.Path, sys.argv[1:])

def name_of(message):
    told = message.get_all("X-LoginGuard-Event-Id")
    if len(told) > 1:
        return "new-device-summary"
    if not told[0].startswith("doc-"):
        return None
    event, _, locale = told[0].removeprefix("doc-").partition(".")
    if message["X-LoginGuard-Alert"] == "suspicious-activity":
        name = "suspicious-activity-" + event
    else:
        name = message["X-LoginGuard-Alert"]
    if name == "email-changed" and message["To"].addresses[0].addr_spec != "c.martin@example.net":
        name = "email-changed-to-old-address"
    return f"{name}.{locale}" if locale else name

def render(outbox, keep, suffix=""):
    for eml in sorted(outbox.glob("*.eml")):
        message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
        name = name_of(message)
        if name is None or not keep(name):
            continue
        name += suffix
        (docs / f"{name}.txt").write_text(
            f"From: {message['From']}\nTo: {message['To']}\nSubject: {message['Subject']}\n\n"
            + message.get_body(("plain",)).get_content(), encoding="utf-8")
        (work / f"{name}.html").write_text(message.get_body(("html",)).get_content(), encoding="utf-8")

render(work / "plain" / "outbox", lambda name: True)
render(work / "feedback" / "outbox", lambda name: name.split(".")[0] == "new-device", ".feedback")
PY

for html in "$out"/*.html; do
  name=$(basename "$html" .html)
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --hide-scrollbars --screenshot="docs/mail/$name.png" --window-size=800,900 "file://$html" 2>/dev/null
done
ls docs/mail
