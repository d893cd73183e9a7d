import type { LucideIcon } from "lucide-react";
import { CalendarClock, FileSignature, History, MessageCircle, Phone, Receipt } from "lucide-react";
import { Link } from "react-router";
import { useTimeline } from "@/features/customers/api/card";
import type { TimelineItem } from "@/features/customers/types";
import { QueryState } from "@/components/QueryState";
import { Badge } from "@/components/ui/Badge";
import { formatDateTime } from "@/lib/format";

/** Each kind's tab and icon; the server names the tab too (`item.tab`), which wins. */
const KINDS: Record<TimelineItem["type"], { tab: string; icon: LucideIcon }> = {
  call: { tab: "calls", icon: Phone },
  whatsapp: { tab: "whatsapp", icon: MessageCircle },
  task: { tab: "tasks", icon: CalendarClock },
  invoice: { tab: "invoices", icon: Receipt },
  contract: { tab: "contracts", icon: FileSignature },
};

/** Calls, WhatsApp, tasks, invoices and contracts, newest first, each a link to its tab;
 * "load more" pages back. */
export function TimelineTab({ customerId }: { customerId: number }) {
  const timeline = useTimeline(customerId);
  const items = timeline.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <QueryState query={timeline} isEmpty={items.length === 0} empty="אין עדיין אירועים ללקוח זה" emptyIcon={History}
      emptyText="שיחות, הודעות, משימות, חשבוניות וחוזים של הלקוח יופיעו כאן לפי הסדר.">
      <ol className="timeline">
        {items.map((item) => {
          const kind = KINDS[item.type] ?? { tab: "overview", icon: History };
          const Icon = kind.icon;
          return (
            <li key={`${item.type}:${item.id}`} className={`timeline-item kind-${item.type}`}>
              <span className="timeline-icon" aria-hidden="true"><Icon size={16} /></span>
              <Link className="timeline-link" to={`?tab=${item.tab ?? kind.tab}`} replace>
                <Badge>{item.type_label}</Badge>
                <span className="timeline-title">{item.title}</span>
              </Link>
              <time dateTime={item.at} className="muted">{formatDateTime(item.at)}</time>
            </li>
          );
        })}
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
