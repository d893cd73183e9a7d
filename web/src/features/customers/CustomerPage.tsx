import { Link, useParams } from "react-router";
import { useCustomer } from "@/features/customers/api/get-customer";
import { formatDateTime, formatPhone } from "@/lib/format";

/** The customer's details. The card's tabs (Overview, Timeline, Calls, ...) are a later step. */
export function CustomerPage() {
  const id = Number(useParams().id);
  const customer = useCustomer(Number.isInteger(id) ? id : 0);

  return (
    <>
      <p><Link to="/crm/customers">← חזרה ללקוחות</Link></p>
      {customer.isPending && <div className="card"><span className="skeleton wide" /><span className="skeleton" /></div>}
      {customer.isError && <p role="alert" className="error">{customer.error.message}</p>}
      {customer.data && (
        <article className="card">
          <h1>{customer.data.name}</h1>
          <dl className="details">
            <dt>טלפון</dt><dd dir="ltr">{formatPhone(customer.data.phone)}</dd>
            <dt>אימייל</dt><dd dir="ltr">{customer.data.email || "—"}</dd>
            <dt>סטטוס</dt><dd>{customer.data.status}</dd>
            <dt>קשר אחרון</dt><dd>{formatDateTime(customer.data.last_contact_at) || "—"}</dd>
            <dt>נוצר</dt><dd>{formatDateTime(customer.data.created_at)}</dd>
          </dl>
        </article>
      )}
    </>
  );
}
