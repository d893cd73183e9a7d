/**
 * /admin/audit, "יומן פעולות" (admins): who did what with personal data and settings, newest
 * first, from the append-only audit log. Filters (action, user, a date range) and the page live
 * in the URL as every table's do; the CSV export takes the same filters. Loaded lazily.
 */
import "@/features/audit/audit.css";
import { CalendarRange, ListFilter, ScrollText, SearchX, UserRound, X } from "lucide-react";
import { DataTable } from "@/components/table/DataTable";
import { FilterChip } from "@/components/table/FilterChip";
import { ChoiceMenu } from "@/components/table/ChoiceMenu";
import { useTableUrl } from "@/components/table/useTableUrl";
import { Button } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { exportAudit, getAudit } from "@/features/audit/api/get-audit";
import { useUsers } from "@/features/audit/api/get-users";
import { ALL_COLUMNS, auditColumns, Target, whoText } from "@/features/audit/columns";
import type { AuditEvent } from "@/features/audit/types";
import { formatDateTime } from "@/lib/format";
import { label, options } from "@/lib/labels";
import { useCan } from "@/lib/me";
import type { TableSpec } from "@/lib/tableUrl";

const ACTIONS = options("audit_action");
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const SPEC: TableSpec = {
  defaultSort: "-at",
  sortable: [],
  allColumns: ALL_COLUMNS,
  defaultColumns: ALL_COLUMNS,
  required: ["at", "action"],
  pageSizes: [50, 100, 200],
  filters: {
    action: (value) => ACTIONS.some((a) => a.value === value),
    user: (value) => /^[1-9]\d{0,17}$/.test(value),
    from: (value) => DATE.test(value),
    to: (value) => DATE.test(value),
  },
};

function countLabel(total: number): string {
  return total === 1 ? "פעולה אחת" : `${total.toLocaleString("he-IL")} פעולות`;
}

const shortDate = (date: string) => date.split("-").reverse().join("/");

export function AuditPage() {
  const can = useCan();
  const { state, change } = useTableUrl(SPEC);
  const users = useUsers();
  const { action, user, from, to } = state.filters;
  const setFilter = (name: string, value: string) =>
    change({ filters: Object.fromEntries(Object.entries({ ...state.filters, [name]: value }).filter(([, v]) => v)) });
  const userName = (id: string) => {
    const found = users.data?.find((u) => String(u.id) === id);
    return found ? found.name || found.email : `משתמש ${id}`;
  };

  if (!can.admin) {
    return (
      <div className="card">
        <EmptyState icon={ScrollText} title="יומן הפעולות פתוח למנהלים בלבד">
          <p>מנהל העסק יכול לראות כאן מי האזין להקלטות, מי ייצא נתונים ומי שינה הגדרות.</p>
        </EmptyState>
      </div>
    );
  }

  const filterMenu = (
    <ChoiceMenu label={action ? "פעולה (1)" : "פעולה"} icon={ListFilter} title="סינון לפי סוג הפעולה"
      groups={[{ title: "פעולה", value: action ?? "", options: [{ value: "", label: "כל הפעולות" }, ...ACTIONS],
        onChoose: (value) => setFilter("action", value) }]} />
  );
  const userMenu = (
    <ChoiceMenu label={user ? "משתמש (1)" : "משתמש"} icon={UserRound} title="סינון לפי משתמש"
      groups={[{ title: "משתמש", value: user ?? "", onChoose: (value) => setFilter("user", value),
        options: [{ value: "", label: "כל המשתמשים" },
          ...(users.data ?? []).map((u) => ({ value: String(u.id), label: u.name || u.email }))] }]} />
  );
  const dates = (
    <fieldset className="date-range" aria-label="טווח תאריכים">
      <CalendarRange size={16} aria-hidden="true" className="muted" />
      <label><span className="date-label">מתאריך</span>
        <input type="date" value={from ?? ""} max={to} onChange={(e) => setFilter("from", e.target.value)} />
      </label>
      <label><span className="date-label">עד</span>
        <input type="date" value={to ?? ""} min={from} onChange={(e) => setFilter("to", e.target.value)} />
      </label>
    </fieldset>
  );
  const active = [action, user, from, to].filter(Boolean).length;
  const chips = active > 0 && (
    <div className="filter-chips" aria-label="סינונים פעילים">
      {action && <FilterChip text={`פעולה: ${label("audit_action", action)}`} onRemove={() => setFilter("action", "")} />}
      {user && <FilterChip text={`משתמש: ${userName(user)}`} onRemove={() => setFilter("user", "")} />}
      {from && <FilterChip text={`מתאריך ${shortDate(from)}`} onRemove={() => setFilter("from", "")} />}
      {to && <FilterChip text={`עד ${shortDate(to)}`} onRemove={() => setFilter("to", "")} />}
    </div>
  );

  return (
    <>
      <header className="page-head">
        <h1>יומן פעולות</h1>
        <p className="muted">כל האזנה להקלטה, הורדת מסמך, ייצוא, מחיקת מידע ושינוי הגדרות נרשמים כאן, ואי אפשר למחוק אותם.</p>
      </header>
      <DataTable<AuditEvent>
        resource="audit"
        caption="יומן פעולות"
        columns={auditColumns}
        spec={SPEC}
        state={state}
        onChange={change}
        serverFilters={{ action, user_id: user, from, to }}
        fetchPage={getAudit}
        exportCsv={can.export ? exportAudit : undefined}
        countLabel={countLabel}
        tools={<>{filterMenu}{userMenu}{dates}</>}
        chips={chips}
        rowKey={(event) => event.id}
        renderCard={(event) => <AuditCard event={event} />}
        renderEmpty={(filtered) => filtered ? (
          <EmptyState icon={SearchX} title="אין פעולות בסינון שנבחר"
            action={<Button icon={X} onClick={() => change({ filters: {} })}>ניקוי הסינון</Button>} />
        ) : (
          <EmptyState icon={ScrollText} title="היומן עדיין ריק">
            <p>פעולות רגישות (האזנה, ייצוא, מחיקה, שינוי הגדרות) יירשמו כאן.</p>
          </EmptyState>
        )}
      />
    </>
  );
}

/** A row on a phone: what, who, when, on what. */
function AuditCard({ event }: { event: AuditEvent }) {
  return (
    <div className="row-card" data-testid="audit-card">
      <span className="row-card-head">
        <span className="row-card-title">{event.action_label}</span>
        <span className="muted"><Target event={event} /></span>
      </span>
      <span className="row-card-meta">
        <span>{whoText(event)}</span>
        <span className="muted">{formatDateTime(event.at)}</span>
      </span>
    </div>
  );
}
