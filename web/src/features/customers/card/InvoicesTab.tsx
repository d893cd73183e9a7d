/** The customer's invoices: a new one (a draft), then issued, paid, or cancelled after a
 * confirm step; each with its PDF. The server's refusals are said in Hebrew. A large B2B invoice
 * waits for the Tax Authority's allocation number: its chip says why (and "לנסות שוב" asks
 * again), then the number; `invoice:updated` (lib/live.ts) refreshes the tab as it changes. */
import { Ban, CircleCheck, Plus, Receipt, RotateCw, Send } from "lucide-react";
import { useState } from "react";
import { useInvoices } from "@/features/customers/api/card";
import { type InvoiceStep, useInvoiceStep, useRetryAllocation } from "@/features/customers/api/documents";
import { allocationView } from "@/features/customers/card/allocation";
import { InvoiceDialog } from "@/features/customers/card/InvoiceDialog";
import { money } from "@/features/customers/card/money";
import { PdfButton } from "@/features/customers/card/PdfButton";
import { refusal } from "@/features/customers/card/refusals";
import type { Invoice } from "@/features/customers/types";
import { QueryState } from "@/components/QueryState";
import { Badge, statusTone } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { useToast } from "@/components/ui/Toast";
import { formatDateTime } from "@/lib/format";

const DONE: Record<InvoiceStep, string> = {
  issued: "החשבונית הופקה",
  paid: "החשבונית סומנה כשולמה",
  cancelled: "החשבונית בוטלה",
};

const moreLines = (n: number) => (n <= 0 ? "" : n === 1 ? " ועוד שורה אחת" : ` ועוד ${n} שורות`);

export function InvoicesTab({ customerId }: { customerId: number }) {
  const invoices = useInvoices(customerId);
  const step = useInvoiceStep(customerId);
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  const [cancelling, setCancelling] = useState<Invoice | null>(null);

  async function move(invoice: Invoice, next: InvoiceStep) {
    try {
      await step.mutateAsync({ id: invoice.id, step: next });
      toast({ text: `${DONE[next]} (מספר ${invoice.number})`, tone: "success" });
    } catch (error) {
      toast({ text: refusal(error, `חשבונית ${invoice.number} לא עודכנה`), tone: "error" });
    }
  }

  const newButton = <Button icon={Plus} variant="primary" onClick={() => setCreating(true)}>חשבונית חדשה</Button>;
  const list = invoices.data?.results ?? [];
  return (
    <div className="documents">
      {list.length > 0 && <div className="tab-toolbar">{newButton}</div>}
      <QueryState query={invoices} isEmpty={list.length === 0} empty="אין חשבוניות ללקוח זה" emptyIcon={Receipt}
        emptyText="חשבונית נשמרת קודם כטיוטה, ואחר כך מופקת ללקוח." emptyAction={newButton}>
        <ul className="document-list">
          {list.map((invoice) => (
            <li key={invoice.id} className="document" data-testid="invoice">
              <div className="document-main">
                <strong className="document-title">חשבונית {invoice.number}</strong>
                <Badge tone={statusTone("invoice", invoice.status)}>{invoice.status_label}</Badge>
                <span className="document-amount">{money(invoice.total, invoice.currency)}</span>
                <span className="muted">{formatDateTime(invoice.issued_at ?? invoice.created_at)}</span>
                <Allocation invoice={invoice} customerId={customerId} />
                {invoice.lines.length > 0 && (
                  <p className="document-lines">
                    {invoice.lines[0]!.description}{moreLines(invoice.lines.length - 1)}
                  </p>
                )}
              </div>
              <div className="document-actions">
                {invoice.status === "draft" && (
                  <Button icon={Send} variant="small primary" disabled={step.isPending}
                    onClick={() => move(invoice, "issued")}>הפקה</Button>
                )}
                {invoice.status === "issued" && (
                  <Button icon={CircleCheck} variant="small primary" disabled={step.isPending}
                    onClick={() => move(invoice, "paid")}>סימון כשולמה</Button>
                )}
                {["draft", "issued", "awaiting_allocation"].includes(invoice.status) && (
                  <Button icon={Ban} variant="small danger" disabled={step.isPending}
                    onClick={() => setCancelling(invoice)}>ביטול</Button>
                )}
                <PdfButton path={invoice.pdf_url} name={`חשבונית ${invoice.number}`} />
              </div>
            </li>
          ))}
        </ul>
      </QueryState>
      {creating && <InvoiceDialog customerId={customerId} onClose={() => setCreating(false)} />}
      {cancelling && (
        <Dialog title={`ביטול חשבונית ${cancelling.number}`} onClose={() => setCancelling(null)} footer={
          <>
            <Button variant="danger" onClick={() => {
              void move(cancelling, "cancelled");
              setCancelling(null);
            }}>ביטול החשבונית</Button>
            <Button onClick={() => setCancelling(null)}>חזרה</Button>
          </>
        }>
          <p>חשבונית שבוטלה נשארת ברשימה עם מספרה, ואי אפשר להחזיר אותה. להפיק חשבונית חדשה במקומה אם צריך.</p>
        </Dialog>
      )}
    </div>
  );
}

/** The allocation number's state under the invoice's title (nothing for the invoices that need none). */
function Allocation({ invoice, customerId }: { invoice: Invoice; customerId: number }) {
  const retry = useRetryAllocation(customerId);
  const toast = useToast();
  const view = allocationView(invoice);
  if (view.kind === "none") return null;
  if (view.kind === "allocated") {
    return <p className="allocation allocated" data-testid="allocation-number">מספר הקצאה: <bdi dir="ltr">{view.number}</bdi></p>;
  }

  async function again() {
    try {
      await retry.mutateAsync(invoice.id);
      toast({ text: `הבקשה למספר הקצאה לחשבונית ${invoice.number} נשלחה שוב`, tone: "info" });
    } catch (error) {
      toast({ text: refusal(error, "הבקשה למספר הקצאה לא נשלחה"), tone: "error" });
    }
  }

  return (
    <div className={`allocation ${view.kind}`} data-testid="allocation-state">
      <span className="allocation-reason" data-testid="allocation-reason">
        {view.reason ?? "הבקשה נשלחה לרשות המסים; המספר יופיע כאן כשיתקבל"}
      </span>
      {view.kind === "pending" && (
        <Button icon={RotateCw} variant="small" disabled={retry.isPending} onClick={() => void again()}>
          {retry.isPending ? "שולח…" : "לנסות שוב"}
        </Button>
      )}
    </div>
  );
}
