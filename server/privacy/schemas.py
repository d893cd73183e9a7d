from pydantic import BaseModel, Field, StrictBool


class EraseRequest(BaseModel):
    confirm: StrictBool = Field(False, description="Must be true: erasing cannot be undone")
