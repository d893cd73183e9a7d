/** Actions shared by the customer card and the task-due modal. */
import { api } from "@/lib/api";

/** Ask the server to place an outbound call to the customer (Twilio rings the agent first). */
export function startCall(customerId: number): Promise<unknown> {
  return api.request("/api/crm/calls/outbound", { body: { customer_id: customerId } });
}

export function snoozeTask(taskId: number, minutes: number): Promise<unknown> {
  return api.request(`/api/crm/tasks/${taskId}/snooze`, { body: { minutes } });
}

export function finishTask(taskId: number): Promise<unknown> {
  return api.request(`/api/crm/tasks/${taskId}/done`, { method: "POST" });
}

/** The alert of the task's current due time was seen and put away: the server replays it no more. */
export function dismissTask(taskId: number): Promise<unknown> {
  return api.request(`/api/crm/tasks/${taskId}/dismiss`, { method: "POST" });
}
