/** Invoices and contracts: status, PDF (fetched with the token, opened in a new tab), and for a
 * contract the signing link to copy and who signed. */
import { useState } from "react";
import { openPdf, useContracts, useInvoices, useSignatures } from "@/features/customers/api/card";
import { QueryState } from "@/components/QueryState";
import { hebrewError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { Badge, statusTone } from "@/components/ui/Badge";

function PdfButton({ path, name }: { path: string; name: string }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button type="button" className="button" aria-label={`PDF של ${name}`}
        onClick={() => openPdf(path).then(() => setError(null), (e: unknown) => setError(hebrewError(e, "פתיחת ה-PDF נכשלה")))}>
        PDF
      </button>
      {error && <span role="alert" className="error">{error}</span>}
    </>
  );
}

const money = (amount: string, currency: string) =>
  new Intl.NumberFormat("he-IL", { style: "currency", currency }).format(Number(amount));

export function InvoicesTab({ customerId }: { customerId: number }) {
  const invoices = useInvoices(customerId);
  return (
    <QueryState query={invoices} isEmpty={invoices.data?.results.length === 0} empty="אין חשבוניות ללקוח זה">
      <table className="plain">
        <thead><tr><th>מספר</th><th>תאריך</th><th>סכום</th><th>סטטוס</th><th>מסמך</th></tr></thead>
        <tbody>
          {invoices.data?.results.map((invoice) => (
            <tr key={invoice.id} data-testid="invoice">
              <td>{invoice.number}</td>
              <td>{formatDateTime(invoice.issued_at ?? invoice.created_at)}</td>
              <td>{money(invoice.total, invoice.currency)}</td>
              <td><Badge tone={statusTone("invoice", invoice.status)}>{invoice.status_label}</Badge></td>
              <td><PdfButton path={invoice.pdf_url} name={`חשבונית ${invoice.number}`} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </QueryState>
  );
}

export function ContractsTab({ customerId }: { customerId: number }) {
  const contracts = useContracts(customerId);
  const signatures = useSignatures(customerId);
  const [copied, setCopied] = useState<number | null>(null);

  async function copy(id: number, url: string) {
    await navigator.clipboard.writeText(url).catch(() => undefined);
    setCopied(id);
  }

  return (
    <QueryState query={contracts} isEmpty={contracts.data?.results.length === 0} empty="אין חוזים ללקוח זה">
      <ul className="contracts">
        {contracts.data?.results.map((contract) => {
          const signed = signatures.data?.results.filter((s) => s.contract_id === contract.id) ?? [];
          return (
            <li key={contract.id} className="contract" data-testid="contract">
              <div className="call-head">
                <strong>{contract.title}</strong>
                <Badge tone={statusTone("contract", contract.status)}>{contract.status_label}</Badge>
                <span className="muted">{formatDateTime(contract.signed_at ?? contract.sent_at ?? contract.created_at)}</span>
                <span className="spacer" />
                <PdfButton path={contract.pdf_url} name={contract.title} />
              </div>
              {contract.sign_url && contract.status === "sent" && (
                <div className="sign-link">
                  <input readOnly dir="ltr" value={contract.sign_url} aria-label="קישור לחתימה"
                    onFocus={(e) => e.currentTarget.select()} />
                  <button type="button" className="button" onClick={() => copy(contract.id, contract.sign_url!)}>
                    {copied === contract.id ? "הועתק" : "העתקת קישור"}
                  </button>
                </div>
              )}
              {signed.map((s) => (
                <p key={s.id} className="muted">נחתם על ידי {s.signer_name} ב-{formatDateTime(s.signed_at)}</p>
              ))}
            </li>
          );
        })}
      </ul>
    </QueryState>
  );
}
