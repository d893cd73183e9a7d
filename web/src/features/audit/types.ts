/** One row of the audit log (`GET /api/audit`, server/audit/service.py audit_json). */
export interface AuditEvent {
  id: number;
  at: string;
  user_id: number | null;
  user_email: string;
  user_name: string;
  action: string;
  /** Hebrew (server/labels.json audit_action). */
  action_label: string;
  target_type: string;
  target_id: number | null;
  /** Field names, counts, filters: never personal data. */
  details: Record<string, unknown>;
  ip: string;
}
