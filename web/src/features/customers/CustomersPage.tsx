/**
 * The customers table: search, status and owner filters, sort, page, columns and density in
 * the URL (Back from a card and a reload keep them); the user's saved views (the desktop's
 * too), the default one applied when the page opens with a clean URL; CSV of what is shown;
 * cards on a phone.
 */
import { ListFilter, SearchX, UserPlus, Users, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import { ChoiceMenu } from "@/components/table/ChoiceMenu";
import { DataTable } from "@/components/table/DataTable";
import { FilterChip } from "@/components/table/FilterChip";
import { useTableUrl } from "@/components/table/useTableUrl";
import { Badge, statusTone } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { exportCustomers, getCustomers } from "@/features/customers/api/get-customers";
import { NewCustomerDialog } from "@/features/customers/NewCustomerDialog";
import { ALL_COLUMNS, customerColumns, DEFAULT_COLUMNS, SORTABLE } from "@/features/customers/columns";
import type { Customer } from "@/features/customers/types";
import { useViews } from "@/features/views/api";
import { stateFromView } from "@/features/views/viewState";
import { ViewsMenu } from "@/features/views/ViewsMenu";
import { api } from "@/lib/api";
import { formatDateTime } from "@/lib/format";
import { useCan } from "@/lib/me";
import { label, options } from "@/lib/labels";
import type { TableSpec, TableState } from "@/lib/tableUrl";

const STATUSES = options("customer_status");
const NO_OWNER = "none";

const SPEC: TableSpec = {
  defaultSort: "-created_at",
  sortable: SORTABLE,
  allColumns: ALL_COLUMNS,
  defaultColumns: DEFAULT_COLUMNS,
  required: ["name"],
  pageSizes: [25, 50, 100],
  filters: {
    status: (value) => STATUSES.some((s) => s.value === value),
    owner: (value) => value === NO_OWNER || /^[1-9]\d{0,17}$/.test(value),
  },
};
/** The URL's filter names → the server's (and the saved views'). */
const FILTER_KEYS = { status: "status", owner: "owner_id" };

function countLabel(total: number): string {
  return total === 1 ? "לקוח אחד" : `${total.toLocaleString("he-IL")} לקוחות`;
}

function ownerLabel(owner: string | undefined, me: number | undefined): string {
  if (!owner) return "כולם";
  if (owner === NO_OWNER) return "ללא אחראי";
  return owner === String(me) ? "שלי" : `משתמש ${owner}`;
}

export function CustomersPage() {
  const navigate = useNavigate();
  const { state, change, clean } = useTableUrl(SPEC);
  const me = api.user?.id;
  // Only who may export sees the button (the server refuses the others: 403 forbidden_export).
  const can = useCan();
  const views = useViews("customers");
  const [creating, setCreating] = useState(false);

  // A clean URL opens the user's default view (once per visit to the page), before the first
  // rows are asked for, so the table doesn't show one list and then another.
  const defaultDone = useRef(!clean);
  const waiting = !defaultDone.current && views.isPending;
  useEffect(() => {
    if (defaultDone.current || views.isPending) return;
    defaultDone.current = true;
    const chosen = views.data?.find((view) => view.is_default);
    if (clean && chosen) change(stateFromView(chosen, SPEC, FILTER_KEYS, state), { replace: true });
  }, [views.isPending, views.data, clean, change, state]);

  const owner = state.filters.owner;
  const status = state.filters.status;
  const serverFilters = { status, owner_id: owner };
  const setFilter = (name: string, value: string) =>
    change({ filters: Object.fromEntries(Object.entries({ ...state.filters, [name]: value }).filter(([, v]) => v)) });
  const ownerChoices = [
    { value: "", label: "כולם" },
    ...(me ? [{ value: String(me), label: "שלי" }] : []),
    { value: NO_OWNER, label: "ללא אחראי" },
    ...(owner && owner !== NO_OWNER && owner !== String(me) ? [{ value: owner, label: ownerLabel(owner, me) }] : []),
  ];
  const active = (status ? 1 : 0) + (owner ? 1 : 0);

  const filterMenu = (
    <ChoiceMenu label={active ? `סינון (${active})` : "סינון"} icon={ListFilter} title="סינון לפי סטטוס ואחראי"
      groups={[
        { title: "סטטוס", value: status ?? "", options: [{ value: "", label: "כל הסטטוסים" }, ...STATUSES],
          onChoose: (value) => setFilter("status", value) },
        { title: "אחראי", value: owner ?? "", options: ownerChoices, onChoose: (value) => setFilter("owner", value) },
      ]} />
  );

  const chips = active > 0 && (
    <div className="filter-chips" aria-label="סינונים פעילים">
      {status && <FilterChip text={`סטטוס: ${label("customer_status", status)}`} onRemove={() => setFilter("status", "")} />}
      {owner && <FilterChip text={`אחראי: ${ownerLabel(owner, me)}`} onRemove={() => setFilter("owner", "")} />}
    </div>
  );

  return (
    <>
      <header className="page-head">
        <h1>לקוחות</h1>
        <div className="page-actions">
          <Button icon={UserPlus} variant="primary" onClick={() => setCreating(true)}>לקוח חדש</Button>
        </div>
      </header>
      {creating && <NewCustomerDialog onClose={() => setCreating(false)} />}
      <DataTable<Customer>
        resource="customers"
        caption="לקוחות"
        columns={customerColumns}
        spec={SPEC}
        state={state}
        onChange={change}
        serverFilters={serverFilters}
        fetchPage={getCustomers}
        exportCsv={can.export ? exportCustomers : undefined}
        enabled={!waiting}
        searchLabel="חיפוש לפי שם, טלפון או אימייל"
        countLabel={countLabel}
        tools={<>
          {filterMenu}
          <ViewsMenu resource="customers" spec={SPEC} filterKeys={FILTER_KEYS} state={state}
            onApply={(next: TableState) => change(next)} />
        </>}
        chips={chips}
        rowKey={(customer) => customer.id}
        onRowClick={(customer) => navigate(`/crm/customers/${customer.id}`)}
        renderCard={(customer) => <CustomerCard customer={customer} />}
        renderEmpty={(filtered) => filtered ? (
          <EmptyState icon={SearchX} title="לא נמצאו לקוחות"
            action={<Button icon={X} onClick={() => change({ q: "", filters: {} })}>ניקוי החיפוש</Button>}>
            {state.q ? <p>אין לקוחות שמתאימים ל„{state.q}"{active ? " בסינון שנבחר" : ""}.</p>
              : <p>אין לקוחות בסינון שנבחר.</p>}
          </EmptyState>
        ) : (
          <EmptyState icon={Users} title="אין עדיין לקוחות"
            action={<Button icon={UserPlus} variant="primary" onClick={() => setCreating(true)}>לקוח חדש</Button>}>
            <p>לקוחות נוצרים משיחות, מהודעות וואטסאפ ומייבוא.</p>
          </EmptyState>
        )}
      />
    </>
  );
}

/** A customer on a phone: the whole card is the link to the customer's card. */
function CustomerCard({ customer }: { customer: Customer }) {
  return (
    <Link to={`/crm/customers/${customer.id}`} className="row-card" data-testid="customer-card">
      <span className="row-card-head">
        <span className="row-card-title">{customer.name}</span>
        <Badge tone={statusTone("customer", customer.status)}>{customer.status_label}</Badge>
      </span>
      <span className="row-card-meta">
        {customer.phone_display && <span dir="ltr">{customer.phone_display}</span>}
        <span className="muted">
          {customer.last_contact_at ? `קשר אחרון ${formatDateTime(customer.last_contact_at)}` : "אין עדיין קשר"}
        </span>
      </span>
    </Link>
  );
}
