/**
 * Hebrew labels for what the web app shows before or without a record (a select's options):
 * records themselves carry the server's words (`status_label`, `type_label`, ...). The table is
 * the server's own file, imported rather than copied, so the two can't drift apart.
 */
import LABELS from "../../../server/labels.json";

export type LabelKind = keyof typeof LABELS;

/** The Hebrew label of `value` in `kind`; an unknown value is shown as it came (never blank). */
export function label(kind: LabelKind, value: string | null | undefined): string {
  if (!value) return "—";
  const labels: Record<string, string> = LABELS[kind];
  return labels[value] ?? value;
}

/** Every value of `kind` with its label, in the table's order (for selects). */
export function options(kind: LabelKind): { value: string; label: string }[] {
  return Object.entries(LABELS[kind]).map(([value, text]) => ({ value, label: text }));
}

/** WhatsApp delivery ticks: one for sent, two for delivered, two blue for read. */
export function ticks(status: string): { marks: string; read: boolean; failed: boolean } {
  if (["failed", "undelivered", "canceled"].includes(status)) return { marks: "!", read: false, failed: true };
  if (status === "read") return { marks: "✓✓", read: true, failed: false };
  if (status === "delivered") return { marks: "✓✓", read: false, failed: false };
  if (status === "sent") return { marks: "✓", read: false, failed: false };
  return { marks: "…", read: false, failed: false };
}

export { LABELS };
