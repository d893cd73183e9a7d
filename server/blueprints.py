"""Every blueprint the app serves, by module; `create_app` registers each module's `bp`."""

BLUEPRINT_MODULES = [
    "server.health",
    "server.auth.routes",
    "server.businesses.routes",
    "server.calls.routes",
    "server.calls.webhooks",
]
