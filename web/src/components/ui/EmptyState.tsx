/** A no-data state: an icon, a sentence, and what to do about it (an action button). */
import type { LucideIcon } from "lucide-react";
import { Inbox } from "lucide-react";
import type { ReactNode } from "react";

export function EmptyState({ icon: Icon = Inbox, title, children, action, compact = false }: {
  icon?: LucideIcon;
  title: string;
  children?: ReactNode;
  /** A button or link that gets the user going, e.g. "משימה חדשה". */
  action?: ReactNode;
  compact?: boolean;
}) {
  return (
    <div className={`empty-state ${compact ? "compact" : ""}`} data-testid="empty-state">
      <span className="empty-icon" aria-hidden="true"><Icon size={compact ? 22 : 28} /></span>
      <p className="empty-title">{title}</p>
      {children && <div className="empty-text">{children}</div>}
      {action && <div className="empty-action">{action}</div>}
    </div>
  );
}
