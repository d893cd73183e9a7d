/** `GET /api/business` (server/businesses/schemas.py BusinessOut), the fields this page reads. */
export type TtsEngine = "google" | "espeak-ng";

export interface Business {
  id: number;
  name: string;
  /** The public path of the MP3 callers hear: the business's own greeting, else welcome.mp3. */
  greeting_url: string;
  /** The text the current greeting was rendered from; null for an uploaded file or none. */
  greeting_text: string | null;
  /** What renders a greeting from text on this server. */
  tts_engine: TtsEngine;
  updated_at: string;
  /** Live calls (issue 18): how an inbound call is handled, and when the business is open. */
  call_mode?: CallMode;
  ring_seconds?: number;
  hours?: Record<string, [string, string][]>;
  closed_on_holidays?: boolean;
  callback_minutes?: number;
  open_now?: boolean;
  next_opening?: string | null;
  upcoming_holidays?: { date: string; name: string }[];
  closed_greeting_url?: string | null;
  closed_greeting_text?: string | null;
  [field: string]: unknown;
}

export type CallMode = "voicemail" | "ring_agents";

/** What `PATCH /api/business` takes for live calls (any subset). */
export interface CallSettings {
  call_mode: CallMode;
  ring_seconds: number;
  hours: Record<string, [string, string][]>;
  closed_on_holidays: boolean;
  callback_minutes: number;
}

/** Which recording callers hear: the greeting, or the one outside the opening hours. */
export type GreetingWhich = "greeting" | "closed_greeting";

/** `PUT /api/business/greeting/text` and `PUT /api/business/greeting`: the business, and what was installed. */
export interface GreetingInstalled extends Business {
  greeting_duration: number; // seconds
  greeting_engine?: TtsEngine;
}
