import { type FormEvent, useState } from "react";
import { useUpdateCustomer } from "@/features/customers/api/card";
import type { Customer } from "@/features/customers/types";
import { startCall } from "@/lib/actions";
import { hebrewError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { options } from "@/lib/labels";
import { Badge, statusTone } from "@/components/ui/Badge";

/** Details, an edit form (PATCH) and the quick actions: Call, WhatsApp, New task. */
export function OverviewTab({ customer, onTab }: {
  customer: Customer;
  onTab: (tab: string, extra?: Record<string, string>) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const [calling, setCalling] = useState(false);

  async function call() {
    setCalling(true);
    setNotice(null);
    try {
      await startCall(customer.id);
      setNotice({ text: "השיחה יוצאת: הטלפון שלך יצלצל בעוד רגע", error: false });
    } catch (error) {
      setNotice({ text: hebrewError(error, "השיחה לא יצאה"), error: true });
    } finally {
      setCalling(false);
    }
  }

  return (
    <div className="overview">
      <div className="quick-actions" role="group" aria-label="פעולות מהירות">
        <button type="button" className="button primary" onClick={call} disabled={calling || !customer.phone}>
          {calling ? "מחייג…" : "התקשרות"}
        </button>
        <button type="button" className="button" onClick={() => onTab("whatsapp")}>וואטסאפ</button>
        <button type="button" className="button" onClick={() => onTab("tasks", { new: "1" })}>משימה חדשה</button>
        <span className="spacer" />
        {!editing && <button type="button" className="button" onClick={() => setEditing(true)}>עריכה</button>}
      </div>
      {notice && <p role={notice.error ? "alert" : "status"} className={notice.error ? "error" : "success"}>{notice.text}</p>}
      {editing ? (
        <EditForm customer={customer} onDone={() => setEditing(false)} />
      ) : (
        <dl className="details">
          <dt>טלפון</dt><dd dir="ltr">{customer.phone_display || "—"}</dd>
          <dt>אימייל</dt><dd dir="ltr">{customer.email || "—"}</dd>
          <dt>סטטוס</dt><dd><Badge tone={statusTone("customer", customer.status)}>{customer.status_label}</Badge></dd>
          <dt>כתובת</dt><dd>{customer.address || "—"}</dd>
          <dt>הערות</dt><dd className="prewrap">{customer.notes || "—"}</dd>
          <dt>קשר אחרון</dt><dd>{formatDateTime(customer.last_contact_at) || "—"}</dd>
          <dt>נוצר</dt><dd>{formatDateTime(customer.created_at)}</dd>
        </dl>
      )}
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
