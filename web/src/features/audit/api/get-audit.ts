/** The audit log (admins): one page, and the same filters as CSV. The URL's dates (YYYY-MM-DD,
 * the office's days) become the server's instants: `since` the first day's midnight, `until`
 * the midnight after the last day (exclusive). */
import type { ServerParams } from "@/components/table/DataTable";
import type { AuditEvent } from "@/features/audit/types";
import { api } from "@/lib/api";
import type { Page } from "@/lib/types";

/** The instant a local day starts, `days` days after `date`; undefined for no date. */
export function dayStart(date: string | undefined, days = 0): string | undefined {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const start = new Date(y, m - 1, d + days);
  return Number.isNaN(start.getTime()) ? undefined : start.toISOString();
}

/** The table's parameters as the server's list takes them: no search and no sort (newest first). */
function serverParams({ from, to, q: _q, sort: _sort, ...rest }: ServerParams): ServerParams {
  return { ...rest, since: dayStart(from as string | undefined), until: dayStart(to as string | undefined, 1) };
}

export function getAudit(params: ServerParams): Promise<Page<AuditEvent>> {
  return api.get<Page<AuditEvent>>("/api/audit", serverParams(params));
}

export function exportAudit({ columns: _columns, page: _page, limit: _limit, ...params }: ServerParams): Promise<void> {
  const today = new Date().toLocaleDateString("sv-SE");
  return api.download("/api/audit/export.csv", serverParams(params), `audit-${today}.csv`);
}
