"""`python -m tests.e2e.seed SPEC`: migrate, then create businesses and users, in ONE process
(the CLI would start Python once per command: seconds per test). SPEC is JSON:
[{"name", "phone", "users": [{"email", "password", "role"}]}]; prints the business ids."""

import asyncio
import json
import sys

from server.auth.service import create_user
from server.businesses.service import create_business
from server.config import load_settings
from server.runtime import Runtime


async def main(spec: list[dict]) -> list[int]:
    settings = load_settings()
    async with Runtime.started(settings, run_migrations=True):
        ids = []
        for entry in spec:
            business = await create_business(name=entry["name"], phone=entry["phone"])
            for user in entry.get("users", []):
                await create_user(business_id=business.id, email=user["email"], password=user["password"],
                                  role=user.get("role", "agent"))
            ids.append(business.id)
        return ids


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(json.loads(sys.argv[1])))))
