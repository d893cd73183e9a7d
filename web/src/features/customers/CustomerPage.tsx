/**
 * The customer card (/crm/customers/:id?tab=...): the desktop's tabs, each a live view of one
 * resource. Loaded lazily, so the customers table ships without it. The tab lives in the URL,
 * so a link (or the task-due modal, or a timeline item) can open a tab directly.
 */
import {
  CalendarClock, FileSignature, History, LayoutList, MessageCircle, Phone, Receipt, UserX,
} from "lucide-react";
import { Link, useParams, useSearchParams } from "react-router";
import { useCustomer } from "@/features/customers/api/get-customer";
import { CallsTab } from "@/features/customers/card/CallsTab";
import { CardHeader } from "@/features/customers/card/CardHeader";
import { ContractsTab } from "@/features/customers/card/ContractsTab";
import { InvoicesTab } from "@/features/customers/card/InvoicesTab";
import { OverviewTab } from "@/features/customers/card/OverviewTab";
import { TasksTab } from "@/features/customers/card/TasksTab";
import { TimelineTab } from "@/features/customers/card/TimelineTab";
import { WhatsAppTab } from "@/features/customers/card/WhatsAppTab";
import { EmptyState } from "@/components/ui/EmptyState";
import { type TabItem, Tabs } from "@/components/ui/Tabs";
import { ApiError } from "@/lib/api";
import { hebrewError } from "@/lib/errors";
import "@/features/customers/card/card.css";

export const TABS = [
  { id: "overview", label: "סקירה", icon: LayoutList },
  { id: "timeline", label: "ציר זמן", icon: History },
  { id: "calls", label: "שיחות", icon: Phone },
  { id: "whatsapp", label: "וואטסאפ", icon: MessageCircle },
  { id: "invoices", label: "חשבוניות", icon: Receipt },
  { id: "contracts", label: "חוזים וחתימות", icon: FileSignature },
  { id: "tasks", label: "משימות", icon: CalendarClock },
] as const satisfies readonly TabItem<string>[];
type Tab = (typeof TABS)[number]["id"];

const isTab = (value: string | null): value is Tab => TABS.some((t) => t.id === value);

/** The id in the URL, when it is one a customer can have. */
function customerIdOf(raw: string | undefined): number | null {
  return raw && /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : null;
}

function NotFound() {
  return (
    <div className="card">
      <EmptyState icon={UserX} title="הלקוח לא נמצא"
        action={<Link className="button" to="/crm/customers">חזרה ללקוחות</Link>}>
        ייתכן שהקישור שגוי או שהלקוח נמחק.
      </EmptyState>
    </div>
  );
}

export function CustomerPage() {
  const customerId = customerIdOf(useParams().id);
  const customer = useCustomer(customerId ?? 0);
  const [params, setParams] = useSearchParams();
  const requested = params.get("tab");
  const tab: Tab = isTab(requested) ? requested : "overview";

  // `extra`: more of the URL's state, e.g. {new: "1"} opens Tasks with its form focused.
  const select = (next: string, extra: Record<string, string> = {}) =>
    setParams(next === "overview" ? {} : { tab: next, ...extra }, { replace: true });

  // Another business's customer answers 404 too (server/tenancy.py): the same page for both.
  if (customerId === null || (customer.error instanceof ApiError && customer.error.status === 404)) return <NotFound />;

  return (
    <>
      <p className="back-link"><Link to="/crm/customers">→ חזרה ללקוחות</Link></p>
      {customer.isPending && <div className="card"><span className="skeleton wide" /><span className="skeleton" /></div>}
      {customer.isError && <p role="alert" className="error">{hebrewError(customer.error, "טעינת הלקוח נכשלה")}</p>}
      {customer.data && (
        <article className="card customer-card">
          <CardHeader customer={customer.data} onTab={select} />
          <Tabs tabs={TABS} active={tab} onSelect={(next) => select(next)} label="לשוניות הלקוח" />
          <section id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`} className="tab-panel">
            {tab === "overview" && <OverviewTab customer={customer.data} />}
            {tab === "timeline" && <TimelineTab customerId={customer.data.id} />}
            {tab === "calls" && <CallsTab customerId={customer.data.id} />}
            {tab === "whatsapp" && <WhatsAppTab customer={customer.data} />}
            {tab === "invoices" && <InvoicesTab customerId={customer.data.id} />}
            {tab === "contracts" && <ContractsTab customerId={customer.data.id} />}
            {tab === "tasks" && <TasksTab customerId={customer.data.id} focusNew={params.get("new") === "1"} />}
          </section>
        </article>
      )}
    </>
  );
}
