/** `GET /api/crm/stats/calls?from&to` (dates inclusive, in the business's time zone). */
export interface CallTotals {
  calls: number;
  answered: number;
  missed: number;
  messages_left: number;
  called_back: number;
  median_callback_seconds: number | null;
}

export interface AgentStats {
  user_id: number;
  name: string;
  answered: number;
  called_back: number;
  median_callback_seconds: number | null;
}

export interface CallStats {
  from: string;
  to: string;
  timezone: string;
  totals: CallTotals;
  agents: AgentStats[];
}

/** `GET /api/crm/presence`: every user of the business. */
export interface MemberPresence {
  user_id: number;
  name: string;
  role: string;
  status: "available" | "away";
  effective: "available" | "away";
  online: boolean;
  has_phone: boolean;
}
