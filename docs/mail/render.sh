#!/usr/bin/env bash
# Renders every alert mail of docs/mail/events.jsonl into docs/mail/: <name>.txt (From, To, Subject and the text part)
# and <name>.png (the HTML part, screenshotted by headless Chromium: `apt-get install -y chromium`).
# The renderer is the replay itself, run by DocsMailTests (tests/LoginGuard.IntegrationTests/Docs), which names the mails:
# - events whose ids start with "doc-" give the mail named after them, "doc-KIND.LOCALE" giving KIND.LOCALE (English has
#   no locale): every kind (new-device, new-device-summary, password-changed, mfa-disabled, email-changed and its copy
#   to the old address, suspicious-activity-*) in every language the templates have;
# - each again with feedback on (Feedback:TokenKey and Feedback:ReviewUrl set), whose one link is the "Was this you?"
#   page: <name>.feedback. The token in the link is sealed afresh on each run, so those files change every time.
# Without LOGINGUARD_RENDER_DOCS_MAIL the same test fails when a .txt here is no longer what the renderer writes.
# Usage, from the repository root: docs/mail/render.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
html=$(mktemp -d)
trap 'rm -rf "$html"' EXIT

LOGINGUARD_RENDER_DOCS_MAIL="$html" dotnet test tests/LoginGuard.IntegrationTests --nologo -v quiet \
  --filter "FullyQualifiedName~LoginGuard.IntegrationTests.Docs.DocsMailTests" >/dev/null

for page in "$html"/*.html; do
  name=$(basename "$page" .html)
  chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --hide-scrollbars --screenshot="docs/mail/$name.png" --window-size=800,900 "file://$page" 2>/dev/null
done
ls docs/mail | wc -l
