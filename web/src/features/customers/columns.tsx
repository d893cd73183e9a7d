import { createColumnHelper } from "@tanstack/react-table";
import { Link } from "react-router";
import type { Customer } from "@/features/customers/types";
import { formatDateTime, formatPhone } from "@/lib/format";
import { label } from "@/lib/labels";

const column = createColumnHelper<Customer>();

/** Sortable ids match the server's CUSTOMER_SORTS; the rest sort nowhere. */
export const customerColumns = [
  column.accessor("name", {
    header: "שם",
    cell: (info) => <Link to={`/crm/customers/${info.row.original.id}`}>{info.getValue()}</Link>,
    enableHiding: false,
  }),
  column.accessor("phone", {
    header: "טלפון",
    cell: (info) => <span dir="ltr">{formatPhone(info.getValue())}</span>,
    enableSorting: false,
  }),
  column.accessor("email", {
    header: "אימייל",
    cell: (info) => <span dir="ltr">{info.getValue() ?? ""}</span>,
    enableSorting: false,
  }),
  column.accessor("status", {
    header: "סטטוס",
    cell: (info) => <span className={`badge status-${info.getValue()}`}>{label("customer", info.getValue())}</span>,
  }),
  column.accessor("last_contact_at", { header: "קשר אחרון", cell: (info) => formatDateTime(info.getValue()) }),
  column.accessor("created_at", { header: "נוצר", cell: (info) => formatDateTime(info.getValue()) }),
];
