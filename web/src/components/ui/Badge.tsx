/** A status pill. The tone says what the status means (done, waiting, failed), so every
 * status of every resource reads with the same colours. */
import type { ReactNode } from "react";

export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

/** A resource's status → its tone; statuses not listed are neutral. */
const TONES: Record<string, Tone> = {
  "customer:active": "success", "customer:lead": "info", "customer:inactive": "neutral",
  "invoice:draft": "neutral", "invoice:issued": "info", "invoice:awaiting_allocation": "warning",
  "invoice:paid": "success", "invoice:cancelled": "danger",
  "contract:draft": "neutral", "contract:sent": "info", "contract:signed": "success", "contract:declined": "danger",
  "task:open": "info", "task:done": "success", "task:overdue": "danger",
  "call:completed": "success", "call:answered": "success", "call:no-answer": "warning", "call:busy": "warning",
  "call:failed": "danger", "call:canceled": "neutral",
  "transcript:done": "success", "transcript:pending": "info", "transcript:failed": "danger",
};

export function statusTone(kind: string, status: string | null | undefined): Tone {
  return (status && TONES[`${kind}:${status}`]) || "neutral";
}

export function Badge({ tone = "neutral", children, title }: { tone?: Tone; children: ReactNode; title?: string }) {
  return <span className={`badge tone-${tone}`} title={title}>{children}</span>;
}
