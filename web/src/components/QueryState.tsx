/** A query's loading skeleton, error and no-data states; renders `children` once there is data. */
import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { EmptyState } from "@/components/ui/EmptyState";
import { hebrewError } from "@/lib/errors";

interface QueryLike {
  isPending: boolean;
  isError: boolean;
  error: Error | null;
}

export function QueryState({ query, empty, emptyIcon, emptyText, emptyAction, isEmpty, rows = 3, children }: {
  query: QueryLike;
  /** The no-data sentence, e.g. "אין שיחות ללקוח זה". */
  empty: string;
  emptyIcon?: LucideIcon;
  /** A second line: what would fill this (e.g. "שיחות נכנסות ויוצאות יופיעו כאן"). */
  emptyText?: ReactNode;
  /** What to do about it: a button that creates the first one. */
  emptyAction?: ReactNode;
  isEmpty: boolean;
  rows?: number;
  children: ReactNode;
}) {
  if (query.isPending) {
    return (
      <div className="tab-skeleton" aria-busy="true" aria-label="טוען" data-testid="tab-skeleton">
        {Array.from({ length: rows }, (_, i) => <span key={i} className="skeleton line" />)}
      </div>
    );
  }
  if (query.isError) return <p role="alert" className="error">{hebrewError(query.error, "הטעינה נכשלה")}</p>;
  if (isEmpty) return <EmptyState icon={emptyIcon} title={empty} action={emptyAction}>{emptyText}</EmptyState>;
  return <>{children}</>;
}
