/**
 * The customer card (/crm/customers/:id?tab=...): the desktop's tabs, each a live view of one
 * resource. Loaded lazily, so the customers table ships without it. The tab lives in the URL,
 * so a link (or the task-due modal) can open the WhatsApp tab directly.
 */
import { type KeyboardEvent, useRef } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { useCustomer } from "@/features/customers/api/get-customer";
import { CallsTab } from "@/features/customers/card/CallsTab";
import { ContractsTab, InvoicesTab } from "@/features/customers/card/DocumentsTabs";
import { OverviewTab } from "@/features/customers/card/OverviewTab";
import { TasksTab } from "@/features/customers/card/TasksTab";
import { TimelineTab } from "@/features/customers/card/TimelineTab";
import { WhatsAppTab } from "@/features/customers/card/WhatsAppTab";
import { Badge, statusTone } from "@/components/ui/Badge";

export const TABS = [
  ["overview", "סקירה"],
  ["timeline", "ציר זמן"],
  ["calls", "שיחות"],
  ["whatsapp", "וואטסאפ"],
  ["invoices", "חשבוניות"],
  ["contracts", "חוזים וחתימות"],
  ["tasks", "משימות"],
] as const;
type Tab = (typeof TABS)[number][0];

const isTab = (value: string | null): value is Tab => TABS.some(([id]) => id === value);

export function CustomerPage() {
  const id = Number(useParams().id);
  const customerId = Number.isInteger(id) ? id : 0;
  const customer = useCustomer(customerId);
  const [params, setParams] = useSearchParams();
  const requested = params.get("tab");
  const tab: Tab = isTab(requested) ? requested : "overview";
  const tabList = useRef<HTMLDivElement>(null);

  // `extra`: more of the URL's state, e.g. {new: "1"} opens Tasks with its form focused.
  const select = (next: string, extra: Record<string, string> = {}) =>
    setParams(next === "overview" ? {} : { tab: next, ...extra }, { replace: true });

  // Arrow keys move between tabs (in RTL, ArrowLeft is "next").
  function onKeyDown(event: KeyboardEvent) {
    const step = { ArrowLeft: 1, ArrowRight: -1, Home: -TABS.length, End: TABS.length }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const index = Math.min(Math.max(TABS.findIndex(([t]) => t === tab) + step, 0), TABS.length - 1);
    const next = TABS[index]![0];
    select(next);
    tabList.current?.querySelector<HTMLElement>(`#tab-${next}`)?.focus();
  }

  return (
    <>
      <p><Link to="/crm/customers">→ חזרה ללקוחות</Link></p>
      {customer.isPending && <div className="card"><span className="skeleton wide" /><span className="skeleton" /></div>}
      {customer.isError && <p role="alert" className="error">{customer.error.message}</p>}
      {customer.data && (
        <article className="card customer-card">
          <header className="card-head">
            <h1>{customer.data.name}</h1>
            <Badge tone={statusTone("customer", customer.data.status)}>{customer.data.status_label}</Badge>
            <span dir="ltr" className="muted">{customer.data.phone_display}</span>
          </header>
          <div ref={tabList} className="tabs" role="tablist" aria-label="לשוניות הלקוח" onKeyDown={onKeyDown}>
            {TABS.map(([id, name]) => (
              <button key={id} id={`tab-${id}`} type="button" role="tab" aria-selected={tab === id}
                aria-controls={`panel-${id}`} tabIndex={tab === id ? 0 : -1} onClick={() => select(id)}>
                {name}
              </button>
            ))}
          </div>
          <section id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} className="tab-panel">
            {tab === "overview" && <OverviewTab customer={customer.data} onTab={select} />}
            {tab === "timeline" && <TimelineTab customerId={customerId} />}
            {tab === "calls" && <CallsTab customerId={customerId} />}
            {tab === "whatsapp" && <WhatsAppTab customer={customer.data} />}
            {tab === "invoices" && <InvoicesTab customerId={customerId} />}
            {tab === "contracts" && <ContractsTab customerId={customerId} />}
            {tab === "tasks" && <TasksTab customerId={customerId} focusNew={params.get("new") === "1"} />}
          </section>
        </article>
      )}
    </>
  );
}
