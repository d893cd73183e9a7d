/** The server's one list shape (`server/pagination.py`). */
export interface Page<T> {
  results: T[];
  page: number;
  pages: number;
  total: number;
}

/** What a server-side table asks for: `sort` is `field` or `-field`. */
export interface PageParams {
  page: number;
  limit: number;
  sort?: string;
  q?: string;
}

/** A task (`server/tasks/schemas.py` TaskOut); shared by the card and the task-due modal. */
export interface Task {
  id: number;
  title: string;
  notes: string;
  customer_id: number | null;
  assignee_id: number;
  due_at: string;
  snoozed_until: string | null;
  fires_at: string;
  overdue: boolean; // open and fires_at has passed (as the server answered)
  alert_dismissed_at: string | null; // the alert of this fires_at was put away: never replayed
  status: "open" | "done";
  status_label: string; // Hebrew (server/labels.json)
  done_at: string | null;
  created_at: string;
  /** "callback": opened for a missed or after-hours call (`call`), done by calling back. */
  kind?: "task" | "callback";
  call_id?: number | null;
  escalated_at?: string | null;
  call?: CallbackCall | null;
}

/** The call a call-back task is about (issue 18's task JSON). */
export interface CallbackCall {
  id: number;
  started_at: string;
  from_number: string;
  from_number_display?: string | null;
  handling: string;
  handling_label?: string | null;
  recording_url: string | null;
  transcript: string | null;
  transcript_status: string;
  duration: number | null;
  /** Retention or an erasure deleted its recording and transcript. */
  purged_at?: string | null;
}
