/** The customer's contracts: a new one (a draft, editable), sent for signing (its link to copy
 * and pass on), who signed and when, and the PDF (the signed one once signed). */
import { Copy, FileSignature, Pencil, Plus, Send } from "lucide-react";
import { useState } from "react";
import { useContracts, useSignatures } from "@/features/customers/api/card";
import { useSendContract } from "@/features/customers/api/documents";
import { ContractDialog } from "@/features/customers/card/ContractDialog";
import { PdfButton } from "@/features/customers/card/PdfButton";
import { refusal } from "@/features/customers/card/refusals";
import type { Contract } from "@/features/customers/types";
import { QueryState } from "@/components/QueryState";
import { Badge, statusTone } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { useToast } from "@/components/ui/Toast";
import { formatDateTime } from "@/lib/format";

export function ContractsTab({ customerId }: { customerId: number }) {
  const contracts = useContracts(customerId);
  const signatures = useSignatures(customerId);
  const send = useSendContract(customerId);
  const toast = useToast();
  const [editing, setEditing] = useState<Contract | "new" | null>(null);
  const [copied, setCopied] = useState<number | null>(null);

  async function copy(id: number, url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(id);
    } catch {
      toast({ text: "ההעתקה נחסמה בדפדפן; סמנו את הקישור והעתיקו אותו ידנית", tone: "error" });
    }
  }

  async function sendForSigning(contract: Contract) {
    try {
      await send.mutateAsync(contract.id);
      toast({ text: `"${contract.title}" נשלח לחתימה: העתיקו את הקישור ושלחו אותו ללקוח`, tone: "success" });
    } catch (error) {
      toast({ text: refusal(error, "החוזה לא נשלח"), tone: "error" });
    }
  }

  const newButton = <Button icon={Plus} variant="primary" onClick={() => setEditing("new")}>חוזה חדש</Button>;
  const list = contracts.data?.results ?? [];
  return (
    <div className="documents">
      {list.length > 0 && <div className="tab-toolbar">{newButton}</div>}
      <QueryState query={contracts} isEmpty={list.length === 0} empty="אין חוזים ללקוח זה" emptyIcon={FileSignature}
        emptyText="כותבים חוזה, שולחים ללקוח קישור, והוא חותם מהטלפון." emptyAction={newButton}>
        <ul className="document-list">
          {list.map((contract) => {
            const signed = signatures.data?.results.filter((s) => s.contract_id === contract.id) ?? [];
            return (
              <li key={contract.id} className="document contract" data-testid="contract">
                <div className="document-main">
                  <strong className="document-title">{contract.title}</strong>
                  <Badge tone={statusTone("contract", contract.status)}>{contract.status_label}</Badge>
                  <span className="muted">{formatDateTime(contract.signed_at ?? contract.sent_at ?? contract.created_at)}</span>
                </div>
                <div className="document-actions">
                  {contract.status === "draft" && (
                    <>
                      <Button icon={Pencil} variant="small" onClick={() => setEditing(contract)}>עריכה</Button>
                      <Button icon={Send} variant="small primary" disabled={send.isPending}
                        onClick={() => sendForSigning(contract)}>שליחה לחתימה</Button>
                    </>
                  )}
                  <PdfButton path={contract.pdf_url} name={contract.title} />
                </div>
                {contract.sign_url && contract.status === "sent" && (
                  <div className="sign-link">
                    <input readOnly dir="ltr" value={contract.sign_url} aria-label="קישור לחתימה"
                      onFocus={(e) => e.currentTarget.select()} />
                    <Button icon={Copy} onClick={() => copy(contract.id, contract.sign_url!)}>
                      {copied === contract.id ? "הועתק" : "העתקת קישור"}
                    </Button>
                  </div>
                )}
                {signed.map((s) => (
                  <p key={s.id} className="signed-by">נחתם על ידי {s.signer_name} ב-{formatDateTime(s.signed_at)}</p>
                ))}
              </li>
            );
          })}
        </ul>
      </QueryState>
      {editing && (
        <ContractDialog customerId={customerId} contract={editing === "new" ? undefined : editing}
          onClose={() => setEditing(null)} />
      )}
    </div>
  );
}
