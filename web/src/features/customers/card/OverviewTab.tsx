import { Pencil } from "lucide-react";
import { type FormEvent, useState } from "react";
import { CustomerFields, customerBody, useCustomerForm } from "@/features/customers/CustomerFields";
import { useUpdateCustomer } from "@/features/customers/api/card";
import type { Customer } from "@/features/customers/types";
import { hebrewError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { Badge, statusTone } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";

/** Details beside their labels (LTR values isolated inside a normal, RTL cell) and an edit
 * form (PATCH). The quick actions are in the card's head. */
export function OverviewTab({ customer }: { customer: Customer }) {
  const [editing, setEditing] = useState(false);

  if (editing) return <EditForm customer={customer} onDone={() => setEditing(false)} />;
  return (
    <div className="overview">
      <dl className="details">
        <dt>טלפון</dt><dd>{customer.phone_display ? <bdi dir="ltr">{customer.phone_display}</bdi> : "—"}</dd>
        <dt>אימייל</dt><dd>{customer.email ? <bdi dir="ltr">{customer.email}</bdi> : "—"}</dd>
        <dt>סטטוס</dt><dd><Badge tone={statusTone("customer", customer.status)}>{customer.status_label}</Badge></dd>
        <dt>כתובת</dt><dd>{customer.address || "—"}</dd>
        <dt>הערות</dt><dd className="prewrap">{customer.notes || "—"}</dd>
        <dt>קשר אחרון</dt><dd>{formatDateTime(customer.last_contact_at) || "—"}</dd>
        <dt>נוצר</dt><dd>{formatDateTime(customer.created_at)}</dd>
      </dl>
      <div className="form-actions">
        <Button icon={Pencil} onClick={() => setEditing(true)}>עריכה</Button>
      </div>
    </div>
  );
}

function EditForm({ customer, onDone }: { customer: Customer; onDone: () => void }) {
  const update = useUpdateCustomer(customer.id);
  const { form, set } = useCustomerForm({
    name: customer.name, phone: customer.phone_display ?? "", email: customer.email ?? "",
    status: customer.status, address: customer.address ?? "", notes: customer.notes ?? "",
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    await update.mutateAsync(customerBody(form)).then(onDone, () => undefined);
  }

  return (
    <form className="form-grid" onSubmit={submit} aria-label="עריכת לקוח">
      <CustomerFields form={form} set={set} />
      {update.isError && <p role="alert" className="error full">{hebrewError(update.error, "השמירה נכשלה")}</p>}
      <div className="form-actions full">
        <button type="submit" className="button primary" disabled={update.isPending}>{update.isPending ? "שומר…" : "שמירה"}</button>
        <button type="button" className="button" onClick={onDone}>ביטול</button>
      </div>
    </form>
  );
}
