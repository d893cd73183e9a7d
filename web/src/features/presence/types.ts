/** `GET/PUT /api/crm/me/presence`: what the agent chose, whether a socket of theirs is live, and
 * the two together (`effective` is "available" only when both). */
export type PresenceStatus = "available" | "away";

export interface Presence {
  status: PresenceStatus;
  effective: PresenceStatus;
  online: boolean;
}
