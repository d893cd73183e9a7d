import { useTimeline } from "@/features/customers/api/card";
import { QueryState } from "@/components/QueryState";
import { formatDateTime } from "@/lib/format";
import { Badge } from "@/components/ui/Badge";

/** Calls, WhatsApp, tasks, invoices and contracts, newest first; "load more" pages back. */
export function TimelineTab({ customerId }: { customerId: number }) {
  const timeline = useTimeline(customerId);
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <QueryState query={timeline} isEmpty={items.length === 0} empty="אין עדיין אירועים ללקוח זה">
      <ol className="timeline">
        {items.map((item) => (
          <li key={`${item.type}:${item.id}`} className={`timeline-item kind-${item.type}`}>
            <Badge>{item.type_label}</Badge>
            <span className="timeline-title">{item.title}</span>
            <time dateTime={item.at} className="muted">{formatDateTime(item.at)}</time>
          </li>
        ))}
      </ol>
      {timeline.hasNextPage && (
        <button type="button" className="button" onClick={() => timeline.fetchNextPage()}
          disabled={timeline.isFetchingNextPage}>
          {timeline.isFetchingNextPage ? "טוען…" : "טעינת אירועים קודמים"}
        </button>
      )}
    </QueryState>
  );
}
