import { createColumnHelper } from "@tanstack/react-table";
import { Link } from "react-router";
import { Badge, statusTone } from "@/components/ui/Badge";
import type { Customer } from "@/features/customers/types";
import { formatDateTime } from "@/lib/format";

const column = createColumnHelper<Customer>();

/** Column ids are the desktop's and the CSV export's (`columns=`), so a saved view and an
 * export read the same everywhere; the sortable ones are the server's CUSTOMER_SORTS. Phone,
 * status and source show the server's display forms, as in the card, the desktop and the CSV. */
export const customerColumns = [
  column.accessor("name", {
    header: "שם",
    cell: (info) => <Link to={`/crm/customers/${info.row.original.id}`}>{info.getValue()}</Link>,
  }),
  column.accessor("phone_display", {
    id: "phone",
    header: "טלפון",
    cell: (info) => <span dir="ltr">{info.getValue() ?? ""}</span>,
    enableSorting: false,
  }),
  column.accessor("email", {
    header: "אימייל",
    cell: (info) => <span dir="ltr">{info.getValue() ?? ""}</span>,
    enableSorting: false,
  }),
  column.accessor("status", {
    header: "סטטוס",
    cell: (info) => <Badge tone={statusTone("customer", info.getValue())}>{info.row.original.status_label}</Badge>,
  }),
  column.accessor("last_contact_at", {
    header: "קשר אחרון",
    cell: (info) => info.getValue() ? formatDateTime(info.getValue()) : <span className="muted">אין עדיין</span>,
    meta: { descFirst: true },
  }),
  column.accessor("created_at", { header: "נוצר", cell: (info) => formatDateTime(info.getValue()), meta: { descFirst: true } }),
  column.accessor("updated_at", { header: "עודכן", cell: (info) => formatDateTime(info.getValue()), meta: { descFirst: true } }),
  column.accessor("address", { header: "כתובת", cell: (info) => info.getValue() ?? "", enableSorting: false }),
  column.accessor("source_label", { id: "source", header: "מקור", cell: (info) => info.getValue() ?? "", enableSorting: false }),
];

export const ALL_COLUMNS = ["name", "phone", "email", "status", "last_contact_at", "created_at", "updated_at", "address",
  "source"];
export const DEFAULT_COLUMNS = ["name", "phone", "email", "status", "last_contact_at", "created_at"];
export const SORTABLE = ["name", "status", "last_contact_at", "created_at", "updated_at"];
