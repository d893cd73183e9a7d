import { describe, expect, it, vi } from "vitest";
import { ApiError, createApiClient } from "@/lib/api";

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
