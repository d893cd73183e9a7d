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
  [field: string]: unknown;
}

/** `PUT /api/business/greeting/text` and `PUT /api/business/greeting`: the business, and what was installed. */
export interface GreetingInstalled extends Business {
  greeting_duration: number; // seconds
  greeting_engine?: TtsEngine;
}
