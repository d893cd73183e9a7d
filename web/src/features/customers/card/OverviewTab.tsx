import { Pencil } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useUpdateCustomer } from "@/features/customers/api/card";
import type { Customer } from "@/features/customers/types";
import { hebrewError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { options } from "@/lib/labels";
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
  const [form, setForm] = useState({
    name: customer.name, phone: customer.phone_display ?? "", email: customer.email ?? "",
    status: customer.status, address: customer.address ?? "", notes: customer.notes ?? "",
  });
  const set = (field: keyof typeof form) =>
    (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    await update.mutateAsync({
      name: form.name.trim(), phone: form.phone.trim() || null, email: form.email.trim() || null,
      status: form.status, address: form.address, notes: form.notes,
    }).then(onDone, () => undefined);
  }

  return (
    <form className="form-grid" onSubmit={submit} aria-label="עריכת לקוח">
      <label>שם<input required value={form.name} onChange={set("name")} /></label>
      <label>טלפון<input dir="ltr" value={form.phone} onChange={set("phone")} /></label>
      <label>אימייל<input dir="ltr" type="email" value={form.email} onChange={set("email")} /></label>
      <label>סטטוס
        <select value={form.status} onChange={set("status")}>
          {options("customer_status").map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </label>
      <label>כתובת<input value={form.address} onChange={set("address")} /></label>
      <label className="full">הערות<textarea rows={3} value={form.notes} onChange={set("notes")} /></label>
      {update.isError && <p role="alert" className="error full">{hebrewError(update.error, "השמירה נכשלה")}</p>}
      <div className="form-actions full">
        <button type="submit" className="button primary" disabled={update.isPending}>{update.isPending ? "שומר…" : "שמירה"}</button>
        <button type="button" className="button" onClick={onDone}>ביטול</button>
      </div>
    </form>
  );
}
