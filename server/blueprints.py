"""Every blueprint the app serves, in the order `create_app` registers them."""

from server import health, timeline_routes, webapp
from server.audit import routes as audit_routes
from server.auth import routes as auth_routes
from server.businesses import admin_routes as business_admin_routes
from server.businesses import numbers_routes as business_number_routes
from server.businesses import routes as voice_response_routes
from server.businesses import tax_authority_routes
from server.calls import outbound_routes
from server.calls import routes as call_routes
from server.calls import stats_routes as call_stats_routes
from server.calls import webhooks as voice_webhooks
from server.contracts import routes as contract_routes
from server.contracts import signing
from server.customers import routes as customer_routes
from server.desktop_updates import routes as desktop_update_routes
from server.greetings import routes as greeting_routes
from server.invoices import routes as invoice_routes
from server.messages import routes as message_routes
from server.messages import webhooks as whatsapp_webhooks
from server.presence import routes as presence_routes
from server.privacy import routes as privacy_routes
from server.push import routes as push_routes
from server.tasks import routes as task_routes
from server.views import routes as view_routes

BLUEPRINTS = [
    health.bp,
    auth_routes.bp,
    voice_response_routes.bp,
    business_admin_routes.bp,
    business_number_routes.bp,
    tax_authority_routes.bp,  # write-only credentials for allocation numbers
    greeting_routes.bp,
    customer_routes.bp,
    privacy_routes.bp,  # a customer's export and erasure
    call_routes.bp,
    call_stats_routes.bp,  # the calls board
    voice_webhooks.bp,
    outbound_routes.bp,  # click-to-call
    outbound_routes.webhooks,  # and its two Twilio webhooks
    message_routes.bp,
    whatsapp_webhooks.bp,
    invoice_routes.bp,
    contract_routes.bp,
    signing.bp,
    task_routes.bp,
    view_routes.bp,
    timeline_routes.bp,
    presence_routes.bp,
    push_routes.bp,
    audit_routes.bp,  # admins read and export the audit log
    desktop_update_routes.bp,  # public: the desktop's update check and installers
    webapp.bp,  # the web app (web/dist), `/` included: last
]
