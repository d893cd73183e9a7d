/** A contract's title and text: a new one, or a draft being edited (sent ones are locked). */
import { type FormEvent, useState } from "react";
import { useSaveContract } from "@/features/customers/api/documents";
import { refusal } from "@/features/customers/card/refusals";
import type { Contract } from "@/features/customers/types";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { useToast } from "@/components/ui/Toast";

export function ContractDialog({ customerId, contract, onClose }: {
  customerId: number;
  contract?: Contract;
  onClose: () => void;
}) {
  const save = useSaveContract(customerId);
  const toast = useToast();
  const [title, setTitle] = useState(contract?.title ?? "");
  const [body, setBody] = useState(contract?.body ?? "");
  const valid = title.trim() !== "" && body.trim() !== "";

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!valid) return;
    try {
      await save.mutateAsync({ id: contract?.id, title: title.trim(), body: body.trim() });
      toast({ text: contract ? "השינויים בחוזה נשמרו" : "החוזה נשמר כטיוטה", tone: "success" });
      onClose();
    } catch {
      // shown below, from save.error
    }
  }

  return (
    <Dialog title={contract ? "עריכת חוזה" : "חוזה חדש"} onClose={onClose} wide footer={
      <>
        <Button type="submit" form="contract-form" variant="primary" disabled={!valid || save.isPending}>
          {save.isPending ? "שומר…" : "שמירה"}
        </Button>
        <Button onClick={onClose}>ביטול</Button>
      </>
    }>
      <form id="contract-form" className="contract-form" onSubmit={submit} aria-label={contract ? "עריכת חוזה" : "חוזה חדש"}>
        <label>כותרת<input required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} /></label>
        <label>נוסח החוזה
          <textarea required rows={12} maxLength={100_000} value={body} onChange={(e) => setBody(e.target.value)} />
        </label>
        <p className="muted">הלקוח חותם על הכותרת והנוסח כפי שהם בשעת השליחה; אחרי השליחה אי אפשר לשנות אותם.</p>
        {save.isError && <p role="alert" className="error">{refusal(save.error, "החוזה לא נשמר")}</p>}
      </form>
    </Dialog>
  );
}
