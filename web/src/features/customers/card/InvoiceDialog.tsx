/** A new invoice, saved as a draft: its lines (description, quantity, unit price), with the
 * subtotal, VAT at the business's rate and the total worked out as they are typed, exactly as
 * the server will (invoice-math.ts). */
import { Plus, Trash2 } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useCreateInvoice, useVatRate } from "@/features/customers/api/documents";
import {
  agorotText, type DraftLine, invoiceAmounts, lineIsValid,
} from "@/features/customers/card/invoice-math";
import { money } from "@/features/customers/card/money";
import { refusal } from "@/features/customers/card/refusals";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { useToast } from "@/components/ui/Toast";

const emptyLine = (): DraftLine => ({ description: "", quantity: "1", unit_price: "" });

export function InvoiceDialog({ customerId, onClose }: { customerId: number; onClose: () => void }) {
  const vatRate = useVatRate();
  const create = useCreateInvoice(customerId);
  const toast = useToast();
  const [lines, setLines] = useState<DraftLine[]>([emptyLine()]);
  const [notes, setNotes] = useState("");
  const rate = vatRate.data ?? 0;
  const amounts = invoiceAmounts(lines, rate);
  const valid = lines.every(lineIsValid) && vatRate.isSuccess;

  const change = (index: number, field: keyof DraftLine) => (e: { target: { value: string } }) =>
    setLines((all) => all.map((line, i) => (i === index ? { ...line, [field]: e.target.value } : line)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!valid) return;
    try {
      const invoice = await create.mutateAsync({
        lines: lines.map((l) => ({ description: l.description.trim(), quantity: l.quantity.replace(",", "."),
          unit_price: l.unit_price.replace(",", ".") })),
        notes: notes.trim(),
      });
      toast({ text: `חשבונית מספר ${invoice.number} נשמרה כטיוטה`, tone: "success" });
      onClose();
    } catch {
      // shown below, from create.error
    }
  }

  return (
    <Dialog title="חשבונית חדשה" onClose={onClose} wide footer={
      <>
        <Button type="submit" form="invoice-form" variant="primary" disabled={!valid || create.isPending}>
          {create.isPending ? "שומר…" : "שמירה כטיוטה"}
        </Button>
        <Button onClick={onClose}>ביטול</Button>
      </>
    }>
      <form id="invoice-form" className="invoice-form" onSubmit={submit} aria-label="חשבונית חדשה">
        <div className="invoice-lines" role="group" aria-label="שורות החשבונית">
          <div className="invoice-line invoice-line-head" aria-hidden="true">
            <span>תיאור</span><span>כמות</span><span>מחיר ליחידה</span><span>סה״כ</span><span />
          </div>
          {lines.map((line, i) => {
            const total = amounts.lines[i];
            return (
              <div key={i} className="invoice-line" data-testid="invoice-line">
                <label><span className="line-label">תיאור</span>
                  <input aria-label={`תיאור שורה ${i + 1}`} value={line.description} onChange={change(i, "description")}
                    maxLength={300} data-autofocus={i === 0 ? true : undefined} />
                </label>
                <label><span className="line-label">כמות</span>
                  <input aria-label={`כמות שורה ${i + 1}`} dir="ltr" inputMode="decimal" value={line.quantity}
                    onChange={change(i, "quantity")} />
                </label>
                <label><span className="line-label">מחיר ליחידה</span>
                  <input aria-label={`מחיר ליחידה שורה ${i + 1}`} dir="ltr" inputMode="decimal" value={line.unit_price}
                    onChange={change(i, "unit_price")} placeholder="0.00" />
                </label>
                <output className="line-total" aria-label={`סה״כ שורה ${i + 1}`}>
                  {total == null ? "—" : money(agorotText(total))}
                </output>
                <Button icon={Trash2} label={`הסרת שורה ${i + 1}`} disabled={lines.length === 1}
                  onClick={() => setLines((all) => all.filter((_, j) => j !== i))} />
              </div>
            );
          })}
          <div>
            <Button icon={Plus} variant="ghost" onClick={() => setLines((all) => [...all, emptyLine()])}>הוספת שורה</Button>
          </div>
        </div>
        <label className="invoice-notes">הערות
          <textarea rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={2000} />
        </label>
        <dl className="invoice-sums" aria-label="סכומי החשבונית">
          <dt>סכום לפני מע״מ</dt><dd data-testid="invoice-subtotal">{money(agorotText(amounts.subtotal))}</dd>
          <dt>מע״מ {vatRate.isSuccess ? `${rate}%` : ""}</dt><dd data-testid="invoice-vat">{money(agorotText(amounts.vat))}</dd>
          <dt className="grand">סה״כ לתשלום</dt><dd className="grand" data-testid="invoice-total">{money(agorotText(amounts.total))}</dd>
        </dl>
        {vatRate.isError && <p role="alert" className="error">{refusal(vatRate.error, "שיעור המע״מ לא נטען")}</p>}
        {create.isError && <p role="alert" className="error">{refusal(create.error, "החשבונית לא נשמרה")}</p>}
      </form>
    </Dialog>
  );
}
