/** "לקוח חדש": a customer typed in by an agent (a walk-in, a number given on the phone), saved
 * and then opened on its card. The server checks the phone (any Israeli format) and says what
 * is wrong; the form keeps what was typed. */
import type { FormEvent } from "react";
import { useNavigate } from "react-router";
import { Dialog } from "@/components/ui/Dialog";
import { useToast } from "@/components/ui/Toast";
import { useCreateCustomer } from "@/features/customers/api/create-customer";
import { CustomerFields, customerBody, useCustomerForm } from "@/features/customers/CustomerFields";
import { hebrewError } from "@/lib/errors";
import "@/features/customers/new-customer.css";

const EMPTY = { name: "", phone: "", email: "", status: "lead", address: "", notes: "", tax_id: "" };

export function NewCustomerDialog({ onClose }: { onClose: () => void }) {
  const create = useCreateCustomer();
  const navigate = useNavigate();
  const toast = useToast();
  const { form, set } = useCustomerForm(EMPTY);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const customer = await create.mutateAsync(customerBody(form));
      toast({ text: `הלקוח ${customer.name} נוצר`, tone: "success" });
      onClose();
      navigate(`/crm/customers/${customer.id}`);
    } catch {
      // shown below, from the mutation's error
    }
  }

  return (
    <Dialog title="לקוח חדש" onClose={onClose} footer={
      <>
        <button type="submit" form="new-customer" className="button primary" disabled={create.isPending || !form.name.trim()}>
          {create.isPending ? "שומר…" : "יצירת לקוח"}
        </button>
        <button type="button" className="button" onClick={onClose}>ביטול</button>
      </>
    }>
      <form id="new-customer" className="new-customer-form" onSubmit={submit} aria-label="לקוח חדש">
        <CustomerFields form={form} set={set} autoFocus />
        {create.isError && <p role="alert" className="error full">{hebrewError(create.error, "הלקוח לא נוצר")}</p>}
      </form>
    </Dialog>
  );
}
