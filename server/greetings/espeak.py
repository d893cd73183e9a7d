"""espeak-ng's Hebrew voice, encoded by lame: the basic fallback voice when Google's credentials
are not set. Both run as child processes through asyncio, so the event loop never waits on them."""

from __future__ import annotations

import asyncio
import shutil

from server.greetings.base import SpeechFailedError, SpeechUnavailableError

# Mono 16 kHz at 32 kbps, Google's own MP3 rate: a phone line carries 8 kHz (Twilio transcodes
# every <Play> to 8 kHz mu-law), so more is wasted bytes on each fetch. 16 kHz rather than 8:
# an 8 kHz MP3 is MPEG 2.5, an unofficial extension some players refuse, and the admin's
# preview plays in a browser or the desktop app; 16 kHz also leaves Twilio's resampler headroom.
LAME_ARGS = ("--quiet", "-m", "m", "--resample", "16", "-b", "32", "-", "-")
TIMEOUT_SECONDS = 30.0
# Two cores here: more renders at once only queue for them.
_CONCURRENT = 2


class EspeakSpeech:
    name = "espeak-ng"

    def __init__(self, *, espeak: str = "espeak-ng", lame: str = "lame") -> None:
        self.espeak = espeak
        self.lame = lame
        self._slots = asyncio.Semaphore(_CONCURRENT)

    def _programs(self) -> tuple[str, str]:
        # Looked up on each render, not once: installing the packages fixes a running server.
        espeak, lame = shutil.which(self.espeak), shutil.which(self.lame)
        missing = [name for name, path in ((self.espeak, espeak), (self.lame, lame)) if path is None]
        if missing:
            raise SpeechUnavailableError("text-to-speech needs Google credentials (GOOGLE_APPLICATION_CREDENTIALS) "
                                         "or the espeak-ng and lame packages; missing: " + ", ".join(missing))
        return espeak, lame

    async def synthesize(self, text: str) -> bytes:
        espeak, lame = self._programs()
        async with self._slots:
            # The text goes in on stdin (-b 1: UTF-8), never as an argument, so no text can
            # read as an option.
            wav = await _run(espeak, "-v", "he", "-b", "1", "--stdin", "--stdout", given=text.encode())
            return await _run(lame, *LAME_ARGS, given=wav)


async def _run(program: str, *args: str, given: bytes) -> bytes:
    process = await asyncio.create_subprocess_exec(program, *args, stdin=asyncio.subprocess.PIPE,
                                                   stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        out, err = await asyncio.wait_for(process.communicate(given), TIMEOUT_SECONDS)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise SpeechFailedError(f"{program.rsplit('/', 1)[-1]} took longer than {TIMEOUT_SECONDS:.0f} s") from None
    if process.returncode != 0 or not out:
        name = program.rsplit("/", 1)[-1]
        detail = err.decode(errors="replace").strip().splitlines()[-1:] or [f"exit {process.returncode}"]
        raise SpeechFailedError(f"{name} failed: {detail[0][:200]}")
    return out
