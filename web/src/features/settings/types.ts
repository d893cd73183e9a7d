/** `GET /api/business` (server/businesses/schemas.py BusinessOut), the fields this page reads. */
export type TtsEngine = "google" | "espeak-ng";

export interface Business {
  id: number;
  name: string;
  /** The business's own ח.פ. / ע.מ., printed on invoices and sent with allocation requests. */
  tax_id?: string;
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
  /** Privacy (issue 19): months recordings, transcripts and WhatsApp media are kept (1..120). */
  retention_months?: number;
  /** Callers hear that the call is recorded, before they leave a message. */
  recording_notice?: boolean;
  /** The wording in force (the default one included), and whether it is the default. */
  recording_notice_text?: string;
  recording_notice_default?: boolean;
  recording_notice_url?: string;
  agents_can_listen?: boolean;
  agents_can_export?: boolean;
  /** Whether Tax Authority credentials are set, and where from (never the credentials). */
  tax_authority?: { configured: boolean; source: "settings" | "env" | null };
  [field: string]: unknown;
}

/** What `PATCH /api/business` takes for privacy (any subset; admins only). */
export interface PrivacySettings {
  retention_months: number;
  recording_notice: boolean;
  agents_can_listen: boolean;
  agents_can_export: boolean;
}

/** `PUT /api/business/tax_authority`: write-only, never read back. */
export interface TaxAuthorityCredentials {
  client_id: string;
  client_secret: string;
  refresh_token: string;
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
