/// <reference types="vite/client" />
declare const __BUILD__: string;

interface ImportMetaEnv {
  /** The server's base URL; empty means the page's own origin (the server serves the app). */
  readonly VITE_API_BASE?: string;
}
