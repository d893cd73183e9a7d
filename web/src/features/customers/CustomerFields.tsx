/** A customer's editable fields, the same in the new-customer dialog and the card's edit form:
 * the form state, its fields, and the body the API takes (blank phone/e-mail → null). */
import { useState } from "react";
import type { NewCustomer } from "@/features/customers/api/create-customer";
import { options } from "@/lib/labels";

export type CustomerForm = Record<"name" | "phone" | "email" | "status" | "address" | "notes" | "tax_id", string>;

export function useCustomerForm(initial: CustomerForm) {
  const [form, setForm] = useState(initial);
  const set = (field: keyof CustomerForm) =>
    (e: { target: { value: string } }) => setForm((f) => ({ ...f, [field]: e.target.value }));
  return { form, set };
}

export function customerBody(form: CustomerForm): NewCustomer {
  return {
    name: form.name.trim(), phone: form.phone.trim() || null, email: form.email.trim() || null,
    status: form.status, address: form.address.trim(), notes: form.notes, tax_id: form.tax_id.trim(),
  };
}

export function CustomerFields({ form, set, autoFocus = false }: {
  form: CustomerForm;
  set: (field: keyof CustomerForm) => (e: { target: { value: string } }) => void;
  autoFocus?: boolean;
}) {
  return (
    <>
      <label>שם<input required data-autofocus={autoFocus || undefined} value={form.name} onChange={set("name")} /></label>
      <label>טלפון<input dir="ltr" inputMode="tel" value={form.phone} onChange={set("phone")} /></label>
      <label>אימייל<input dir="ltr" type="email" value={form.email} onChange={set("email")} /></label>
      <label>סטטוס
        <select value={form.status} onChange={set("status")}>
          {options("customer_status").map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      </label>
      <label>ח.פ. / ע.מ.
        <input dir="ltr" inputMode="numeric" autoComplete="off" maxLength={20} value={form.tax_id} onChange={set("tax_id")}
          aria-describedby="tax-id-hint" />
        <span id="tax-id-hint" className="field-hint">לחשבוניות לעסק: 9 ספרות (אפשר בלי אפסים בהתחלה)</span>
      </label>
      <label className="full">כתובת<input value={form.address} onChange={set("address")} /></label>
      <label className="full">הערות<textarea rows={3} value={form.notes} onChange={set("notes")} /></label>
    </>
  );
}
