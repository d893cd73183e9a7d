import { describe, expect, it, vi } from "vitest";
import { ApiError, createApiClient, dispositionFilename } from "@/lib/api";

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

const session = (token: string) => ({ access_token: token, user: { id: 1, email: "a@b.c", role: "admin", business_id: 1 } });

describe("api client", () => {
  it("sends JSON with credentials and the bearer token", async () => {
    const fetch = vi.fn()
      .mockResolvedValueOnce(json(200, session("T1")))
      .mockResolvedValueOnce(json(200, { results: [] }));
    const api = createApiClient({ baseUrl: "http://x", fetch, onUnauthorized: vi.fn() });
    await api.login("a@b.c", "pw");
    await api.get("/api/crm/customers", { page: 2, q: "", sort: "-name" });
    const [url, init] = fetch.mock.calls[1]!;
    expect(url).toBe("http://x/api/crm/customers?page=2&sort=-name");
    expect(init.credentials).toBe("include");
    expect(init.headers.Authorization).toBe("Bearer T1");
  });

  it("throws the server's error message", async () => {
    const fetch = vi.fn().mockResolvedValue(json(409, { error: { code: "conflict", message: "מחוץ לחלון" } }));
    const api = createApiClient({ baseUrl: "", fetch, onUnauthorized: vi.fn() });
    const error = await api.get("/api/x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toBe("מחוץ לחלון");
    expect((error as ApiError).status).toBe(409);
    expect((error as ApiError).code).toBe("conflict");
  });

  it("refreshes once for concurrent 401s, then retries each request", async () => {
    let refreshes = 0;
    let resolveRefresh: (r: Response) => void = () => {};
    const fetch = vi.fn((url: string, init: RequestInit) => {
      if (url.endsWith("/auth/refresh")) {
        refreshes += 1;
        return new Promise<Response>((resolve) => { resolveRefresh = resolve; });
      }
      const auth = (init.headers as Record<string, string>).Authorization;
      return Promise.resolve(auth === "Bearer FRESH" ? json(200, { ok: url }) : json(401, { error: { code: "unauthorized", message: "expired" } }));
    });
    const onUnauthorized = vi.fn();
    const api = createApiClient({ baseUrl: "", fetch: fetch as unknown as typeof globalThis.fetch, onUnauthorized });
    const all = Promise.all([api.get("/a"), api.get("/b"), api.get("/c")]);
    await vi.waitFor(() => expect(refreshes).toBe(1));
    await new Promise((r) => setTimeout(r, 10));
    resolveRefresh(json(200, session("FRESH")));
    expect(await all).toEqual([{ ok: "/a" }, { ok: "/b" }, { ok: "/c" }]);
    expect(refreshes).toBe(1);
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(api.token).toBe("FRESH");
  });

  it("sends the user to login when the refresh fails", async () => {
    const fetch = vi.fn((url: string) =>
      Promise.resolve(url.endsWith("/auth/refresh") ? json(401, { error: { code: "unauthorized", message: "no" } })
        : json(401, { error: { code: "unauthorized", message: "expired" } })));
    const onUnauthorized = vi.fn();
    const api = createApiClient({ baseUrl: "", fetch: fetch as unknown as typeof globalThis.fetch, onUnauthorized });
    await expect(api.get("/a")).rejects.toThrow("expired");
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(api.token).toBeNull();
  });
});

describe("api client with files", () => {
  it("sends a Blob body as it is, with the type asked for, and sends it again after a refresh", async () => {
    const bodies: { type: string; body: unknown }[] = [];
    let token = "OLD";
    const fetch = vi.fn(async (url: string, init: RequestInit) => {
      if (url.endsWith("/auth/refresh")) {
        token = "NEW";
        return json(200, session("NEW"));
      }
      const headers = init.headers as Record<string, string>;
      bodies.push({ type: headers["Content-Type"]!, body: init.body });
      return headers.Authorization === `Bearer ${token}` && token === "NEW"
        ? json(200, { ok: true }) : json(401, { error: { code: "unauthorized", message: "expired" } });
    });
    const api = createApiClient({ baseUrl: "", fetch: fetch as unknown as typeof globalThis.fetch, onUnauthorized: vi.fn() });
    const mp3 = new File([new Uint8Array([0xff, 0xfb, 0x90])], "greeting.mp3", { type: "" });
    expect(await api.request("/api/business/greeting", { method: "PUT", body: mp3, contentType: "audio/mpeg" }))
      .toEqual({ ok: true });
    expect(bodies).toHaveLength(2);
    for (const sent of bodies) {
      expect(sent.type).toBe("audio/mpeg");
      expect(sent.body).toBe(mp3);
    }
  });

  it("answers a binary body with its headers, and throws the server's error when there is none", async () => {
    const audio = new Uint8Array([0x49, 0x44, 0x33, 4]);
    const fetch = vi.fn()
      .mockResolvedValueOnce(new Response(audio, { status: 200,
        headers: { "Content-Type": "audio/mpeg", "X-Greeting-Engine": "espeak-ng" } }))
      .mockResolvedValueOnce(json(503, { error: { code: "tts_unavailable", message: "no engine" } }));
    const api = createApiClient({ baseUrl: "http://x", fetch, onUnauthorized: vi.fn() });
    const { blob, headers } = await api.file("/api/business/greeting/preview", { body: { text: "שלום" } }, "audio/mpeg");
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(audio);
    expect(headers.get("X-Greeting-Engine")).toBe("espeak-ng");
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe("http://x/api/business/greeting/preview");
    expect(init.method).toBe("POST");
    expect(init.headers).toMatchObject({ Accept: "audio/mpeg", "Content-Type": "application/json" });
    expect(init.body).toBe(JSON.stringify({ text: "שלום" }));
    const error = await api.file("/api/business/greeting/preview", { body: { text: "x" } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, code: "tts_unavailable" });
  });

  it("saves a download under the server's file name: filename* first, then filename, else the given one", async () => {
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    URL.createObjectURL = vi.fn(() => "blob:x");
    URL.revokeObjectURL = vi.fn();
    const csv = (disposition?: string) => new Response("a,b\r\n", {
      status: 200, headers: disposition ? { "Content-Type": "text/csv", "Content-Disposition": disposition } : {},
    });
    const fetch = vi.fn()
      .mockResolvedValueOnce(csv(`attachment; filename="customers-2026-12-01.csv"; filename*=UTF-8''${encodeURIComponent("לקוחות-2026-12-01.csv")}`))
      .mockResolvedValueOnce(csv('attachment; filename="customers-2026-12-01.csv"'))
      .mockResolvedValueOnce(csv());
    const api = createApiClient({ baseUrl: "", fetch, onUnauthorized: vi.fn() });
    for (let k = 0; k < 3; k++) await api.download("/api/crm/customers/export.csv", { columns: "name,phone" }, "customers.csv");
    expect(saved).toEqual(["לקוחות-2026-12-01.csv", "customers-2026-12-01.csv", "customers.csv"]);
    expect(fetch.mock.calls[0]![0]).toBe("/api/crm/customers/export.csv?columns=name%2Cphone");
  });

  it("reads Content-Disposition's forms and refuses a path", () => {
    expect(dispositionFilename("attachment; filename*=utf-8''%D7%93%D7%95%D7%97.csv")).toBe("דוח.csv");
    expect(dispositionFilename("attachment; filename=plain.csv")).toBe("plain.csv");
    expect(dispositionFilename('attachment; filename="quo\\"ted.csv"')).toBe('quo"ted.csv');
    expect(dispositionFilename("attachment; filename*=UTF-8''%E0%A4%A.csv; filename=\"fallback.csv\"")).toBe("fallback.csv");
    expect(dispositionFilename('attachment; filename="../../etc/passwd"')).toBe("passwd");
    expect(dispositionFilename("attachment")).toBeNull();
    expect(dispositionFilename(null)).toBeNull();
  });
});
