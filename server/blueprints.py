"""Every blueprint the app serves, by module; `create_app` registers each module's `bp`."""

BLUEPRINT_MODULES = [
    "server.health",
    "server.auth.routes",
    "server.businesses.routes",
    "server.businesses.admin_routes",
    "server.customers.routes",
    "server.calls.routes",
    "server.calls.webhooks",
    "server.calls.outbound_routes",  # click-to-call and its webhooks
    "server.messages.routes",
    "server.messages.webhooks",
    "server.invoices.routes",
    "server.contracts.routes",
    "server.contracts.signing",
    "server.tasks.routes",
    "server.views.routes",
    "server.timeline_routes",
    "server.push.routes",
    "server.webapp",  # the web app (web/dist), `/` included
]
