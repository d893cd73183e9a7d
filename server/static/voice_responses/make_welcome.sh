#!/usr/bin/env bash
# make_welcome.sh: build welcome.mp3, the default Hebrew greeting that
# POST /webhook/incoming_call plays when the called business has no greeting of its own
# ($MEDIA_ROOT/voice_responses/<business_id>/greeting.mp3).
#
# The build does not run this script: welcome.mp3 is committed next to it. Run it only to
# change the greeting, then commit the new mp3:
#
#     server/static/voice_responses/make_welcome.sh [OUTPUT.mp3]   # default: ./welcome.mp3 here
#     BEEP=1 server/static/voice_responses/make_welcome.sh          # with a tone at the end
#
# Needs espeak-ng, sox and lame (Debian: apt-get install espeak-ng sox lame).
#
# What it says: "שלום, הגעתם לשירות הלקוחות. השאירו הודעה אחרי הצליל."
# ("Hello, you have reached customer service. Please leave a message after the tone.")
# No tone of its own (BEEP=1 adds a 0.4 s 1000 Hz one): the recording notice
# (recording_notice.mp3) follows the greeting, and <Record> beeps when recording starts, so a
# tone here would have callers speak into the notice. Kept under 5 s: Twilio only starts
# recording after the greeting and the notice end. Recording stops on '*', after 5 s of silence, or when the caller hangs up.
#
# Why phonemes and not Hebrew text: espeak-ng's Hebrew dictionary is tiny. Plain Hebrew words
# it does not know come out as bare consonants ("הגעתם" -> "?g?tm"), and text with niqqud is
# spelled letter by letter. So the words below are in espeak-ng's phoneme notation,
# [[...]]: S = sh, X = ch, Q" = r, ts = tz, ' = stress on the next vowel. Check a change
# with: espeak-ng -v he -x "[[...]]"
#
# Output: mono, 22050 Hz, MPEG-2 Layer III at a constant 32 kbit/s. That is about 20 KB,
# and the phone network narrows it to 8 kHz anyway.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/welcome.mp3}"
beep="${BEEP:-0}"
rate=22050

# שלום, הגעתם לשירות הלקוחות. השאירו הודעה אחרי הצליל.
# SPEECH overrides it: closed.mp3, the default closed greeting of live calls, was made with
#   SPEECH="[[Sal'om,, hamiSQ\"'ad sag'uQ\" kaQ\"'et.]] [[haSiQ\"'u hoda'a aXQ\"'ej hatsl'il,, venaXz'oQ\" aleiX'em.]]" \
#   server/static/voice_responses/make_welcome.sh server/static/voice_responses/closed.mp3
# ("שלום, המשרד סגור כעת. השאירו הודעה אחרי הצליל, ונחזור אליכם.")
# and recording_notice.mp3, what callers hear after either greeting, with
#   SPEECH="[[lejdiatX'em,, hahoda'a mukl'etet venismeQ\"'et,, k'dej Senux'al laXz'oQ\" aleiX'em, ulet'apel bifnijatX'em.]]"
# ("לידיעתכם, ההודעה מוקלטת ונשמרת כדי שנוכל לחזור אליכם ולטפל בפנייתכם.")
speech="${SPEECH:-[[Sal'om,, higat'em leSeQ\"'ut halakoX'ot.]] [[haSiQ\"'u hoda'a aXQ\"'ej hatsl'il.]]}"

for tool in espeak-ng sox lame; do
    command -v "$tool" >/dev/null || { echo "make_welcome.sh: $tool is not installed" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Speech at 175 words/min (espeak-ng's default), with the silence trimmed from both ends
# and the level normalised to -3 dBFS.
espeak-ng -v he -s 175 -w "$work/speech-raw.wav" "$speech"
sox "$work/speech-raw.wav" -r "$rate" -c 1 "$work/speech.wav" \
    silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse norm -3

parts=("$work/speech.wav")
if [ "$beep" != 0 ]; then
    # A short gap, then the tone at -6 dBFS with 10 ms fades so it does not click.
    sox -n -r "$rate" -c 1 -b 16 "$work/gap.wav" trim 0 0.25
    sox -n -r "$rate" -c 1 -b 16 "$work/tone.wav" synth 0.4 sine 1000 gain -6 fade t 0.01 0.4 0.01
    parts+=("$work/gap.wav" "$work/tone.wav")
fi
# 0.1 s of silence at the end, so that no player cuts off the last frame.
sox -n -r "$rate" -c 1 -b 16 "$work/tail.wav" trim 0 0.1
parts+=("$work/tail.wav")
sox "${parts[@]}" -b 16 "$work/welcome.wav"

lame --quiet --cbr -b 32 -m m -q 2 --resample 22.05 "$work/welcome.wav" "$out"
echo "wrote $out ($(stat -c %s "$out") bytes)"
