import { createColumnHelper } from "@tanstack/react-table";
import { Link } from "react-router";
import type { Customer } from "@/features/customers/types";
import { formatDateTime } from "@/lib/format";
import { Badge, statusTone } from "@/components/ui/Badge";

const column = createColumnHelper<Customer>();

/** Sortable ids match the server's CUSTOMER_SORTS; the rest sort nowhere. Phone and status show
 * the server's display forms, so they read as in the card, the desktop, the CSV and the PDF. */
export const customerColumns = [
  column.accessor("name", {
    header: "שם",
    cell: (info) => <Link to={`/crm/customers/${info.row.original.id}`}>{info.getValue()}</Link>,
    enableHiding: false,
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
  column.accessor("last_contact_at", { header: "קשר אחרון", cell: (info) => formatDateTime(info.getValue()) }),
  column.accessor("created_at", { header: "נוצר", cell: (info) => formatDateTime(info.getValue()) }),
];
