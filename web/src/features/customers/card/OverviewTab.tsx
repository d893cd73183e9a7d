import { Pencil, UserX } from "lucide-react";
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
  if (customer.erased_at) return <ErasedNotice customer={customer} />;
  return (
    <div className="overview">
      <dl className="details">
        <dt>טלפון</dt><dd>{customer.phone_display ? <bdi dir="ltr">{customer.phone_display}</bdi> : "—"}</dd>
        <dt>אימייל</dt><dd>{customer.email ? <bdi dir="ltr">{customer.email}</bdi> : "—"}</dd>
        <dt>סטטוס</dt><dd><Badge tone={statusTone("customer", customer.status)}>{customer.status_label}</Badge></dd>
        <dt>ח.פ. / ע.מ.</dt><dd>{customer.tax_id ? <bdi dir="ltr" data-testid="tax-id">{customer.tax_id}</bdi> : "—"}</dd>
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

/** An erased customer: its personal data is gone for good; what the law keeps (invoices, signed
 * contracts) stays in their tabs, with the buyer as it was when each invoice was issued. */
function ErasedNotice({ customer }: { customer: Customer }) {
  return (
    <div className="erased-notice" role="status" data-testid="erased-notice">
      <UserX size={28} aria-hidden="true" />
      <div>
        <h2>המידע האישי של הלקוח נמחק</h2>
        <p>נמחק ב-{formatDateTime(customer.erased_at)}. שם, טלפון, אימייל, כתובת, הערות, הקלטות, תמלולים והודעות
          אינם שמורים עוד ואי אפשר לשחזר אותם.</p>
        <p className="muted">חשבוניות וחוזים חתומים נשמרים כפי שהיו, כנדרש בחוק.</p>
      </div>
    </div>
  );
}

function EditForm({ customer, onDone }: { customer: Customer; onDone: () => void }) {
  const update = useUpdateCustomer(customer.id);
  const { form, set } = useCustomerForm({
    name: customer.name, phone: customer.phone_display ?? "", email: customer.email ?? "",
    status: customer.status, address: customer.address ?? "", notes: customer.notes ?? "",
    tax_id: customer.tax_id ?? "",
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
