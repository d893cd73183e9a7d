/** A query's loading skeleton, error and no-data states; renders `children` once there is data. */
import type { ReactNode } from "react";

interface QueryLike {
  isPending: boolean;
  isError: boolean;
  error: Error | null;
}

export function QueryState({ query, empty, isEmpty, rows = 3, children }: {
  query: QueryLike;
  /** The no-data sentence, e.g. "אין שיחות ללקוח זה". */
  empty: string;
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
  if (query.isError) return <p role="alert" className="error">הטעינה נכשלה: {query.error?.message}</p>;
  if (isEmpty) return <p className="no-data-text">{empty}</p>;
  return <>{children}</>;
}
