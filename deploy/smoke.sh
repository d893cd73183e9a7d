#!/usr/bin/env bash
# smoke.sh: check a running AgentLocator before any real call (brief A5, G1, G4).
#
#   deploy/smoke.sh https://agentlocator.example.com
#   TWILIO_AUTH_TOKEN=... deploy/smoke.sh https://agentlocator.example.com   # + signed checks
#
# Prints one line per check, `PASS name` or `FAIL name: detail`. The exit code is the
# number of failures (0: all passed; 64: bad usage).
#
#   welcome-mp3            HEAD /server/static/voice_responses/welcome.mp3 -> 200, audio/mpeg
#   health                 GET /api/health -> 200, JSON with "ok": true
#   x-revision             HEAD / carries an X-Revision header
#   incoming-call-unsigned POST /webhook/incoming_call without a signature -> 403
#   recording-unsigned     POST /webhook/handle_recording without a signature -> 403
#   call-status-unsigned   POST /webhook/call_status without a signature -> 403
#
# When TWILIO_AUTH_TOKEN is set (the server's token), two signed requests follow, as Twilio
# would send them:
#   incoming-call-signed   POST /webhook/incoming_call -> 200, text/xml, <Play> and <Record
#   call-status-signed     POST /webhook/call_status -> 200, text/plain
# These create one test call: To=$SMOKE_TO (default +97235550100, the demo business),
# From=+972541234567, CallSid=CA<random>. Set SMOKE_TO to one of your Twilio numbers. The
# signature covers exactly BASE_URL/webhook/<name>, so give BASE_URL as https://<PUBLIC_HOST>
# (no trailing path), as Twilio calls it. TWILIO_ACCOUNT_SID, when set, is sent as AccountSid.
#
# The token is never printed. It is read from the environment by python3 when available.
# Without python3, it is passed to openssl on the command line, where other users of this
# machine can briefly see it in the process list.
#
# Needs curl; python3 or openssl for the signed checks. Every request gives up after 10 s.
#
# Before DNS points at the server, or from the server itself: SMOKE_CONNECT_TO=ADDRESS:PORT
# sends every request there (curl --connect-to) while the URL, the Host header, TLS's name
# and the signatures stay BASE_URL's. curl's own CURL_CA_BUNDLE names the certificates to
# trust (e.g. a test certificate); verification is never turned off.
#   SMOKE_CONNECT_TO=127.0.0.1:443 deploy/smoke.sh https://agentlocator.example.com
set -u

if [ $# -ne 1 ] || [ -z "$1" ]; then
    echo "usage: $0 BASE_URL    (e.g. $0 https://agentlocator.example.com)" >&2
    exit 64
fi
base="${1%/}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0
connect=()
if [ -n "${SMOKE_CONNECT_TO:-}" ]; then connect=(--connect-to "::$SMOKE_CONNECT_TO"); fi

pass() { printf 'PASS %s\n' "$1"; }
fail() {
    printf 'FAIL %s: %s\n' "$1" "$2"
    failures=$((failures + 1))
}

# request URL [curl options...]: sets $code and $ctype; the response headers are in
# $tmp/headers and the body in $tmp/body. $code is 000 when there was no answer.
request() {
    local url="$1" out
    shift
    : >"$tmp/headers"
    : >"$tmp/body"
    out="$(curl -sS --max-time 10 "${connect[@]}" -o "$tmp/body" -D "$tmp/headers" \
        -w '%{http_code} %{content_type}' "$@" "$url" 2>"$tmp/error")"
    code="${out%% *}"
    ctype="${out#* }"
    [ -n "$code" ] || code=000
}

# What went wrong with a request, in one line: status, Content-Type, start of the body.
why() {
    if [ "$code" = 000 ]; then
        printf 'no answer (%s)' "$(head -n 1 "$tmp/error")"
    else
        printf 'HTTP %s, Content-Type "%s"' "$code" "$ctype"
        if [ -s "$tmp/body" ]; then
            printf ', body "%s"' "$(tr -s '\r\n\t' '   ' <"$tmp/body" | cut -c 1-120)"
        fi
    fi
}

# sign URL NAME=VALUE...: prints X-Twilio-Signature for a form POST:
# base64(HMAC-SHA1(token, URL + each name and value, sorted by name then value)).
sign() {
    local url="$1"
    shift
    if command -v python3 >/dev/null; then
        python3 - "$url" "$@" <<'PY'
import base64, hashlib, hmac, os, sys
url, pairs = sys.argv[1], [arg.split("=", 1) for arg in sys.argv[2:]]
data = url + "".join(name + value for name, value in sorted(pairs))
token = os.environ["TWILIO_AUTH_TOKEN"].encode()
print(base64.b64encode(hmac.new(token, data.encode(), hashlib.sha1).digest()).decode())
PY
    else
        { printf '%s' "$url"; printf '%s\n' "$@" | LC_ALL=C sort -t '=' -k 1,1 -k 2 | sed 's/=//' | tr -d '\n'; } |
            openssl dgst -sha1 -hmac "$TWILIO_AUTH_TOKEN" -binary | openssl base64 -A
        echo
    fi
}

# post_form URL [SIGNATURE] NAME=VALUE...: a form POST like Twilio's (values URL-encoded).
post_form() {
    local url="$1" signature="$2" args=() pair
    shift 2
    for pair in "$@"; do args+=(--data-urlencode "$pair"); done
    if [ -n "$signature" ]; then args+=(-H "X-Twilio-Signature: $signature"); fi
    request "$url" "${args[@]}"
}

# --- the greeting ----------------------------------------------------------------------
request "$base/server/static/voice_responses/welcome.mp3" -I
if [ "$code" = 200 ] && [ "${ctype%%;*}" = audio/mpeg ]; then
    pass welcome-mp3
else
    fail welcome-mp3 "$(why), expected 200 audio/mpeg"
fi

# --- health ----------------------------------------------------------------------------
request "$base/api/health"
if [ "$code" = 200 ] && grep -Eq '"ok"[[:space:]]*:[[:space:]]*true' "$tmp/body"; then
    pass health
else
    fail health "$(why), expected 200 with \"ok\": true"
fi

# --- X-Revision on every response ------------------------------------------------------
request "$base/" -I
if grep -qi '^X-Revision:' "$tmp/headers"; then
    pass x-revision
else
    fail x-revision "$(why), no X-Revision header"
fi

# --- unsigned webhooks are refused -----------------------------------------------------
call_sid="CA$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
unsigned() {
    local name="$1" path="$2"
    shift 2
    post_form "$base$path" "" "$@"
    if [ "$code" = 403 ]; then
        pass "$name"
    elif [ "$code" = 000 ]; then
        fail "$name" "$(why)"
    else
        fail "$name" "$(why), expected 403 for a request without X-Twilio-Signature"
    fi
}
unsigned incoming-call-unsigned /webhook/incoming_call \
    "CallSid=$call_sid" "From=+972541234567" "To=${SMOKE_TO:-+97235550100}" \
    "CallStatus=ringing" "Direction=inbound"
unsigned recording-unsigned /webhook/handle_recording \
    "CallSid=$call_sid" "RecordingSid=RE$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" \
    "RecordingUrl=https://api.twilio.com/2010-04-01/Accounts/AC0/Recordings/RE0" \
    "RecordingStatus=completed" "RecordingDuration=3"
unsigned call-status-unsigned /webhook/call_status \
    "CallSid=$call_sid" "CallStatus=completed" "CallDuration=3"

# --- signed webhooks, as Twilio sends them (optional) ----------------------------------
if [ -n "${TWILIO_AUTH_TOKEN:-}" ]; then
    params=("CallSid=$call_sid" "From=+972541234567" "To=${SMOKE_TO:-+97235550100}"
        "Direction=inbound" "ApiVersion=2010-04-01")
    if [ -n "${TWILIO_ACCOUNT_SID:-}" ]; then params+=("AccountSid=$TWILIO_ACCOUNT_SID"); fi

    url="$base/webhook/incoming_call"
    call_params=("${params[@]}" "CallStatus=ringing")
    post_form "$url" "$(sign "$url" "${call_params[@]}")" "${call_params[@]}"
    if [ "$code" = 200 ] && [ "${ctype%%;*}" = text/xml ] &&
        grep -q '<Play>' "$tmp/body" && grep -q '<Record' "$tmp/body"; then
        pass incoming-call-signed
    else
        fail incoming-call-signed "$(why), expected 200 text/xml with <Play> and <Record"
    fi

    url="$base/webhook/call_status"
    status_params=("${params[@]}" "CallStatus=completed" "CallDuration=1")
    post_form "$url" "$(sign "$url" "${status_params[@]}")" "${status_params[@]}"
    if [ "$code" = 200 ] && [ "${ctype%%;*}" = text/plain ]; then
        pass call-status-signed
    else
        fail call-status-signed "$(why), expected 200 text/plain"
    fi
else
    echo "SKIP signed webhooks: set TWILIO_AUTH_TOKEN to send signed requests as well"
fi

exit "$failures"
