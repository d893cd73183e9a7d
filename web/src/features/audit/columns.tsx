import { createColumnHelper } from "@tanstack/react-table";
import { Link } from "react-router";
import type { AuditEvent } from "@/features/audit/types";
import { formatDateTime } from "@/lib/format";

const column = createColumnHelper<AuditEvent>();

/** What a row is about, in Hebrew: its kind and number, a customer as a link to its card. */
const TARGETS: Record<string, string> = {
  customer: "לקוח", customers: "לקוחות", call: "שיחה", invoice: "חשבונית", contract: "חוזה", business: "הגדרות העסק",
  audit: "יומן הפעולות", message: "הודעה", task: "משימה", user: "משתמש",
};

export function targetText(event: AuditEvent): string {
  if (!event.target_type) return "—";
  const kind = TARGETS[event.target_type] ?? "רשומה";
  return event.target_id != null ? `${kind} ${event.target_id}` : kind;
}

export const whoText = (event: AuditEvent) => event.user_name || event.user_email || "המערכת";

export function Target({ event }: { event: AuditEvent }) {
  if (event.target_type === "customer" && event.target_id != null) {
    return <Link to={`/crm/customers/${event.target_id}`}>{targetText(event)}</Link>;
  }
  return <>{targetText(event)}</>;
}

export const auditColumns = [
  column.accessor("at", { header: "זמן", cell: (info) => formatDateTime(info.getValue()), enableSorting: false }),
  column.accessor("user_email", {
    id: "user",
    header: "משתמש",
    cell: (info) => (info.row.original.user_name ? info.row.original.user_name
      : <bdi dir="ltr">{info.getValue() || "—"}</bdi>),
    enableSorting: false,
  }),
  column.accessor("action_label", { id: "action", header: "פעולה", enableSorting: false }),
  column.accessor("target_type", { id: "target", header: "על", cell: (info) => <Target event={info.row.original} />,
    enableSorting: false }),
  column.accessor("ip", { header: "כתובת IP", cell: (info) => <bdi dir="ltr">{info.getValue() || "—"}</bdi>,
    enableSorting: false }),
];

export const ALL_COLUMNS = ["at", "user", "action", "target", "ip"];
