/**
 * The one API client: base URL from configuration, credentials included, JSON by default,
 * errors thrown with the server's `{"error": {"code", "message"}}` message.
 *
 * The access token lives in memory only. A 401 triggers one silent refresh through the
 * HttpOnly `al_refresh` cookie (one refresh in flight at a time, shared by every caller);
 * a 401 after that sends the user to the login page.
 */
import { API_BASE } from "@/lib/config";

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
  }
}

export type Query = Record<string, string | number | undefined | null>;

export interface RequestOptions {
  method?: string;
  body?: unknown;
  query?: Query;
  /** The body's type when it is a file (a Blob, sent as is); JSON bodies need none. */
  contentType?: string;
  /** Skip the refresh-and-retry on 401 (login, refresh and logout themselves). */
  noRetry?: boolean;
}

export interface User {
  id: number;
  email: string;
  role: string;
  business_id: number;
  [key: string]: unknown;
}

interface Session {
  access_token: string;
  user: User;
}

export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  onUnauthorized?: () => void;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** The file name a Content-Disposition header gives: `filename*` (RFC 5987, UTF-8, so Hebrew
 * survives) first, then `filename`; null when it names none. Path parts are dropped. */
export function dispositionFilename(header: string | null): string | null {
  if (!header) return null;
  let name: string | null = null;
  const extended = /filename\*\s*=\s*([^;]+)/i.exec(header);
  if (extended) {
    const match = /^\s*([\w!#$%&+^`{}~.-]+)'[^']*'(.+?)\s*$/.exec(extended[1]!);
    if (match) {
      try {
        name = match[1]!.toLowerCase() === "utf-8" ? decodeURIComponent(match[2]!) : unescape(match[2]!);
      } catch {
        name = null; // a malformed escape: try the plain name
      }
    }
  }
  if (!name) {
    const plain = /(?:^|;)\s*filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(header);
    name = plain ? (plain[1]?.replace(/\\(.)/g, "$1") ?? plain[2]!.trim()) : null;
  }
  const base = name?.split(/[/\\]/).pop()?.trim();
  return base ? base : null;
}

async function errorFrom(response: Response): Promise<ApiError> {
  let code = "http_error";
  let message = `${response.status} ${response.statusText}`.trim();
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.message) message = body.error.message;
    if (body.error?.code) code = body.error.code;
  } catch {
    // not JSON: keep the status line
  }
  return new ApiError(response.status, code, message);
}

export function createApiClient(options: ApiClientOptions = {}) {
  const baseUrl = options.baseUrl ?? API_BASE;
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  // Already on the login page (a request still in flight at logout answers 401): no second,
  // full load of it, which would also cut short whatever navigation comes next.
  const onUnauthorized = options.onUnauthorized ?? (() => {
    if (window.location.pathname !== "/login") window.location.assign("/login");
  });
  let accessToken: string | null = null;
  let user: User | null = null;
  let refreshing: Promise<boolean> | null = null;

  function setSession(session: Session | null) {
    accessToken = session?.access_token ?? null;
    user = session?.user ?? null;
  }

  async function send(path: string, opts: RequestOptions, accept: string): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept };
    // A Blob (a File too) goes as it is, so a retry after a refresh can send it again.
    const file = opts.body instanceof Blob;
    if (opts.body !== undefined) {
      headers["Content-Type"] = file ? opts.contentType || (opts.body as Blob).type || "application/octet-stream"
        : "application/json";
    }
    if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
    return doFetch(baseUrl + withQuery(path, opts.query), {
      method: opts.method ?? (opts.body !== undefined ? "POST" : "GET"),
      headers,
      body: opts.body === undefined ? undefined : file ? (opts.body as Blob) : JSON.stringify(opts.body),
      credentials: "include",
    });
  }

  /** One refresh at a time: concurrent 401s all wait on the same promise. */
  function refresh(): Promise<boolean> {
    if (!refreshing) {
      refreshing = (async () => {
        try {
          const response = await doFetch(`${baseUrl}/auth/refresh`, {
            method: "POST",
            headers: { Accept: "application/json" },
            credentials: "include",
          });
          if (!response.ok) {
            setSession(null);
            return false;
          }
          setSession((await response.json()) as Session);
          return true;
        } catch {
          return false;
        } finally {
          refreshing = null;
        }
      })();
    }
    return refreshing;
  }

  async function raw(path: string, opts: RequestOptions = {}, accept = "application/json"): Promise<Response> {
    let response = await send(path, opts, accept);
    if (response.status === 401 && !opts.noRetry) {
      if (await refresh()) response = await send(path, opts, accept);
      if (response.status === 401) {
        setSession(null);
        onUnauthorized();
      }
    }
    if (!response.ok) throw await errorFrom(response);
    return response;
  }

  async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
    const response = await raw(path, opts);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  return {
    request,
    get: <T>(path: string, query?: Query) => request<T>(path, { query }),
    /** A file fetched with the bearer token (recordings, PDFs): for an object URL. */
    async blob(path: string, query?: Query): Promise<Blob> {
      return (await raw(path, { query }, "*/*")).blob();
    },
    /** A binary answer to any request (a rendered greeting): its body and its headers. */
    async file(path: string, opts: RequestOptions = {}, accept = "*/*"): Promise<{ blob: Blob; headers: Headers }> {
      const response = await raw(path, opts, accept);
      return { blob: await response.blob(), headers: response.headers };
    },
    /** Fetch a file with the bearer token and hand it to the browser as a download, under the
     * server's file name (Content-Disposition) or else `filename`. */
    async download(path: string, query: Query | undefined, filename: string): Promise<void> {
      const response = await raw(path, { query }, "*/*");
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = dispositionFilename(response.headers.get("Content-Disposition")) ?? filename;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
    async login(email: string, password: string): Promise<User> {
      const session = await request<Session>("/auth/login", {
        body: { email, password, client: "web" },
        noRetry: true,
      });
      setSession(session);
      return session.user;
    },
    async logout(): Promise<void> {
      try {
        await request<unknown>("/auth/logout", { method: "POST", noRetry: true });
      } finally {
        setSession(null);
      }
    },
    refresh,
    /** Restore a session from the cookie when the page has no token yet (a reload). */
    async ensureSession(): Promise<boolean> {
      return accessToken !== null || (await refresh());
    },
    get token(): string | null {
      return accessToken;
    },
    get user(): User | null {
      return user;
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

export const api = createApiClient();
