from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from server.businesses.schemas import BusinessOut

# Google takes up to 5,000 bytes of input; 600 characters (about 1,200 bytes of Hebrew, more
# with niqqud) is a greeting of some 40 seconds, longer than any caller waits for the beep.
MAX_TEXT = 600


class GreetingText(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    text: str = Field(min_length=1, max_length=MAX_TEXT)


class GreetingOut(BusinessOut):
    greeting_duration: float  # seconds


class TextGreetingOut(GreetingOut):
    greeting_engine: Literal["google", "espeak-ng"]
