"""`make proof`: the brief's H deliverables, taken from a running deployment, into docs/PROOF.md.

    PROOF_URL=https://crm.example.co.il make proof        (default http://127.0.0.1:5000, `make run`)

What it records, each with the command and its real output:
  * the Twilio webhooks (brief G1): unsigned → 403; signed as Twilio signs them, when
    TWILIO_AUTH_TOKEN is the server's token → incoming_call TwiML, handle_recording TwiML,
    call_status OK, all 200, for one fresh call; the greeting MP3 (A4);
  * the CRM list (G2): GET /api/crm/customers?page=1&limit=25 with a logged-in token;
  * the revision header (G4) and /api/health; deploy/smoke.sh in full;
  * the Twilio number's configuration (A6): `server.cli twilio-configure --check`, when
    PROOF_TWILIO_NUMBER names the number (with TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN/PUBLIC_HOST);
  * screenshots of the customers table and a customer's card in Chromium and the desktop app.

Settings, from the environment: PROOF_URL; PROOF_PUBLIC_URL (the https://<PUBLIC_HOST> Twilio signs
for; default PROOF_URL); PROOF_EMAIL / PROOF_PASSWORD (default the demo admin, for `make run`);
PROOF_OUT (default docs/PROOF.md); PROOF_NOTE (one line on what the deployment is);
PROOF_CONNECT_TO (ADDRESS:PORT to connect to, before DNS names the host); PROOF_SCREENSHOTS=0 skips them;
TWILIO_AUTH_TOKEN; PROOF_TO (the number called, default the demo business's); PROOF_TWILIO_NUMBER.
No secret is written: the access token appears as $TOKEN, and the auth token only signs.
Exit code 0 when every check passed, 1 when one failed (the report is written either way and
says which), 2 when the deployment does not answer at all.
"""

from __future__ import annotations

import json
import os
import secrets
import shlex
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from twilio.request_validator import RequestValidator

ROOT = Path(__file__).resolve().parent.parent
DEMO_EMAIL, DEMO_PASSWORD = "demo@agentlocator.test", "demo-password"
DEMO_NUMBER = "+97235550100"
CALLER = "+972541234567"


@dataclass
class Check:
    section: str
    name: str
    shown: str  # the command as a reader would type it, secrets replaced
    output: str
    ok: bool


class Proof:
    def __init__(self, url: str, public_url: str) -> None:
        self.url, self.public_url = url, public_url
        self.checks: list[Check] = []

    def run(self, section: str, name: str, argv: list[str], *, shown: list[str] | None = None,
            expect=lambda rc, out: rc == 0, env: dict | None = None) -> str:
        result = subprocess.run(argv, capture_output=True, text=True, timeout=60, cwd=ROOT, env=env)
        output = (result.stdout + result.stderr).replace("\r\n", "\n").rstrip()
        ok = bool(expect(result.returncode, output))
        self.checks.append(Check(section, name, shlex.join(shown or argv), output, ok))
        return output

    def curl(self, section: str, name: str, path: str, *args: str, shown_args: list[str] | None = None,
             expect) -> str:
        argv = curl_argv(f"{self.url}{path}", *args)
        shown = ["curl", "-sS", *(shown_args if shown_args is not None else args), f"{self.url}{path}"]
        return self.run(section, name, argv, shown=shown, expect=lambda rc, out: rc == 0 and expect(out))

    def signed_post(self, section: str, name: str, path: str, params: dict, token: str, *, expect) -> str:
        signature = RequestValidator(token).compute_signature(f"{self.public_url}{path}", params)
        form = [arg for key, value in params.items() for arg in ("--data-urlencode", f"{key}={value}")]
        return self.curl(section, name, path, "-i", "-H", f"X-Twilio-Signature: {signature}", *form, expect=expect)


def curl_argv(url: str, *args: str) -> list[str]:
    """curl as every request here makes it: PROOF_CONNECT_TO (ADDRESS:PORT, as smoke.sh's
    SMOKE_CONNECT_TO) reaches the deployment before DNS names it; curl's own CURL_CA_BUNDLE
    trusts a staging certificate."""
    connect = os.environ.get("PROOF_CONNECT_TO")
    return ["curl", "-sS", "--max-time", "15", *(["--connect-to", f"::{connect}"] if connect else []), *args, url]


def fetch_json(url: str, *args: str) -> dict:
    result = subprocess.run(curl_argv(url, "-f", *args), capture_output=True, text=True, timeout=30)
    if result.returncode:
        raise OSError(result.stderr.strip() or f"curl exit {result.returncode}")
    return json.loads(result.stdout)


def status_line(output: str) -> str:
    return output.splitlines()[0] if output else ""


def login(url: str, email: str, password: str) -> str:
    body = json.dumps({"email": email, "password": password, "client": "desktop"})
    return fetch_json(f"{url}/auth/login", "-H", "Content-Type: application/json", "--data-binary", body)[
        "access_token"]


def abridged_list(output: str) -> str:
    """The list answer with its first two rows, so the report shows the shape without every customer."""
    head, _, body = output.partition("\n\n")
    try:
        page = json.loads(body)
    except ValueError:
        return output
    rows = page.get("results", [])
    page["results"] = rows[:2] + ([f"… {len(rows) - 2} more rows on this page"] if len(rows) > 2 else [])
    return f"{head}\n\n{json.dumps(page, ensure_ascii=False, indent=2)}"


def webhooks(proof: Proof, token: str | None) -> None:
    section = "Twilio webhooks (brief A1, A2, A4, G1)"
    call_sid = "CA" + secrets.token_hex(16)
    for path in ("/webhook/incoming_call", "/webhook/handle_recording", "/webhook/call_status"):
        proof.curl(section, f"{path} without a signature", path, "-i", "-X", "POST", "-d", f"CallSid={call_sid}",
                   expect=lambda out: " 403" in status_line(out))
    proof.curl(section, "the greeting MP3", "/server/static/voice_responses/welcome.mp3", "-I",
               expect=lambda out: " 200" in status_line(out) and "audio/mpeg" in out.lower())
    if not token:
        proof.checks.append(Check(section, "signed webhooks", "",
                                  "not run: TWILIO_AUTH_TOKEN (the server's) is not set", False))
        return
    # A placeholder account: the server does not check it, and the report is not the place for the real SID.
    call = {"AccountSid": "AC" + "0" * 32, "CallSid": call_sid,
            "From": CALLER, "To": os.environ.get("PROOF_TO", DEMO_NUMBER), "CallStatus": "ringing",
            "Direction": "inbound"}
    proof.signed_post(section, "a fresh call: incoming_call, signed", "/webhook/incoming_call", call, token,
                      expect=lambda out: " 200" in status_line(out) and "<Play>" in out and "<Record" in out)
    recording = {**call, "CallStatus": "in-progress", "RecordingSid": "RE" + secrets.token_hex(16),
                 "RecordingUrl": f"https://api.twilio.com/2010-04-01/Accounts/{call['AccountSid']}/Recordings/"
                                 f"RE{secrets.token_hex(16)}", "RecordingDuration": "4"}
    proof.signed_post(section, "the same call: handle_recording, signed", "/webhook/handle_recording", recording,
                      token, expect=lambda out: " 200" in status_line(out) and "<Hangup" in out)
    proof.signed_post(section, "the same call: call_status, signed", "/webhook/call_status",
                      {**call, "CallStatus": "completed", "CallDuration": "9"}, token,
                      expect=lambda out: " 200" in status_line(out) and "text/plain" in out.lower())


def crm(proof: Proof, access_token: str) -> int | None:
    section = "CRM API (brief B1, G2)"
    output = proof.curl(section, "the customers list, page 1 of 25", "/api/crm/customers?page=1&limit=25&sort=name",
                        "-i", "-H", f"Authorization: Bearer {access_token}",
                        shown_args=["-i", "-H", "Authorization: Bearer $TOKEN"],
                        expect=lambda out: " 200" in status_line(out) and all(
                            f'"{key}"' in out for key in ("results", "page", "pages", "total")))
    proof.checks[-1].output = abridged_list(output)
    try:
        rows = json.loads(output.partition("\n\n")[2])["results"]
    except (ValueError, KeyError):
        return None
    # The card of a real customer, not of the test caller that this proof and smoke.sh create.
    return next((row["id"] for row in rows if row.get("phone") != CALLER), None)


def basics(proof: Proof) -> None:
    section = "Health, revision and smoke checks (brief B3, G4, A5)"
    proof.curl(section, "every response carries X-Revision", "/", "-I",
               expect=lambda out: "x-revision:" in out.lower())
    proof.curl(section, "health", "/api/health", "-i", expect=lambda out: '"ok":true' in out.replace(" ", ""))
    proof.run(section, "deploy/smoke.sh", ["deploy/smoke.sh", proof.public_url], env={
        **os.environ, **({"SMOKE_CONNECT_TO": os.environ["PROOF_CONNECT_TO"]} if os.environ.get("PROOF_CONNECT_TO")
                         else {})})


def twilio_config(proof: Proof) -> None:
    section = "The Twilio number (brief A6)"
    number = os.environ.get("PROOF_TWILIO_NUMBER")
    if not number:
        proof.checks.append(Check(section, "twilio-configure --check", "",
                                  "not run: set PROOF_TWILIO_NUMBER (and TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, "
                                  "PUBLIC_HOST) to check the number's webhooks", False))
        return
    proof.run(section, "the number's webhooks point here, no fallback", [sys.executable, "-m", "server.cli",
                                                                        "twilio-configure", "--number", number,
                                                                        "--check"],
              shown=["python", "-m", "server.cli", "twilio-configure", "--number", number, "--check"])


def screenshots(proof: Proof, customer_id: int | None, email: str, password: str, out: Path) -> list[Path]:
    section = "Screenshots (brief H, G2)"
    if customer_id is None:
        proof.checks.append(Check(section, "screenshots", "", "not taken: the business has no customers", False))
        return []
    env = {**os.environ, "PROOF_EMAIL": email, "PROOF_PASSWORD": password}
    written: list[Path] = []
    for kind in ("web", "desktop"):
        argv = [sys.executable, "scripts/proof_shots.py", kind, "--url", proof.url, "--out", str(out),
                "--customer", str(customer_id)]
        result = subprocess.run(argv, capture_output=True, text=True, timeout=180, cwd=ROOT, env=env)
        paths = [Path(line) for line in result.stdout.split() if line.endswith(".png")]
        ok = result.returncode == 0 and len(paths) >= 2
        detail = "\n".join(os.path.relpath(p, ROOT) for p in paths) if ok else result.stderr.strip()[-2000:]
        proof.checks.append(Check(section, f"{kind}: the customers table and a customer's card",
                                  shlex.join(["python", *argv[1:]]), detail, ok))
        written += paths if ok else []
    return written


def revision() -> str:
    rev = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True,
                           cwd=ROOT).stdout.strip()
    return (rev or "unknown") + (" (with uncommitted changes)" if dirty else "")


def report(proof: Proof, health: dict, shots: list[Path], out: Path) -> str:
    passed = sum(c.ok for c in proof.checks)
    server_rev = next((line.split(":", 1)[1].strip() for c in proof.checks for line in c.output.splitlines()
                       if line.lower().startswith("x-revision:")), "?")
    lines = [
        "# Proof: AgentLocator as deployed",
        "",
        "Written by `make proof` (scripts/proof.py) from the running deployment below; every output is",
        "what the command printed at the time. Regenerate it rather than editing it.",
        "",
        f"- Taken: {datetime.now(UTC).strftime('%Y-%m-%d %H:%M UTC')}",
        f"- Deployment: {proof.url}" + (f" (Twilio signs for {proof.public_url})" if proof.public_url != proof.url
                                        else ""),
        *([f"- What it ran against: {os.environ['PROOF_NOTE']}"] if os.environ.get("PROOF_NOTE") else []),
        f"- Server: X-Revision `{server_rev}`, version {health.get('version', '?')}",
        f"- Repository revision: `{revision()}`",
        f"- Result: {passed} of {len(proof.checks)} checks passed",
        "",
        "| | check |",
        "| --- | --- |",
        *(f"| {'PASS' if c.ok else 'FAIL'} | {c.section}: {c.name} |" for c in proof.checks),
    ]
    section = None
    for check in proof.checks:
        if check.section != section:
            section = check.section
            lines += ["", f"## {section}"]
        lines += ["", f"### {check.name}: {'PASS' if check.ok else 'FAIL'}", ""]
        if check.shown:
            lines += ["```console", f"$ {check.shown}", check.output, "```"]
        else:
            lines += [check.output]
    if shots:
        lines += ["", "## The screens", ""]
        for shot in shots:
            lines += [f"![{shot.stem}]({os.path.relpath(shot, out.parent)})", ""]
    return "\n".join(lines).rstrip() + "\n"


def main() -> int:
    url = os.environ.get("PROOF_URL", "http://127.0.0.1:5000").rstrip("/")
    public_url = os.environ.get("PROOF_PUBLIC_URL", url).rstrip("/")
    email = os.environ.get("PROOF_EMAIL", DEMO_EMAIL)
    password = os.environ.get("PROOF_PASSWORD", DEMO_PASSWORD)
    out = ROOT / os.environ.get("PROOF_OUT", "docs/PROOF.md")
    try:
        health = fetch_json(f"{url}/api/health")
    except (OSError, ValueError) as error:
        print(f"make proof: no AgentLocator answers at {url} ({type(error).__name__}); start it (make run) or set "
              f"PROOF_URL", file=sys.stderr)
        return 2
    proof = Proof(url, public_url)
    basics(proof)
    webhooks(proof, os.environ.get("TWILIO_AUTH_TOKEN"))
    customer_id = crm(proof, login(url, email, password))
    twilio_config(proof)
    shots = screenshots(proof, customer_id, email, password, out.parent / "screenshots") \
        if os.environ.get("PROOF_SCREENSHOTS", "1") != "0" else []
    out.write_text(report(proof, health, shots, out), encoding="utf-8")
    failed = [c for c in proof.checks if not c.ok]
    for check in proof.checks:
        print(f"{'PASS' if check.ok else 'FAIL'} {check.section}: {check.name}")
    print(f"wrote {os.path.relpath(out, ROOT)}: {len(proof.checks) - len(failed)} of {len(proof.checks)} checks passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
