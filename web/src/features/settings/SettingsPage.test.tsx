import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act } from "react";
import { createRoot } from "react-dom/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SettingsPage } from "@/features/settings/SettingsPage";
import type { Business } from "@/features/settings/types";
import { ApiError } from "@/lib/api";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const server = vi.hoisted(() => ({
  get: vi.fn(),
  file: vi.fn(),
  request: vi.fn(),
  role: "admin",
}));

vi.mock("@/lib/api", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/api")>();
  return {
    ...actual,
    api: {
      get: server.get,
      file: server.file,
      request: server.request,
      get user() { return { id: 1, email: "a@b.c", role: server.role, business_id: 3 }; },
    },
  };
});

const BUSINESS: Business = {
  id: 3, name: "סוכנות הדגמה", greeting_url: "/server/static/voice_responses/welcome.mp3",
  greeting_text: null, tts_engine: "espeak-ng", updated_at: "2026-11-25T10:00:00+00:00",
};
const MP3 = () => new Blob([new Uint8Array([0x49, 0x44, 0x33])], { type: "audio/mpeg" });

let objectUrls = 0;
const revoked: string[] = [];
const played = vi.fn(() => Promise.resolve());

const host = document.createElement("div");
document.body.appendChild(host);
let root = createRoot(host);

beforeEach(() => {
  server.get.mockReset().mockResolvedValue(BUSINESS);
  server.file.mockReset();
  server.request.mockReset();
  server.role = "admin";
  objectUrls = 0;
  revoked.length = 0;
  played.mockClear();
  URL.createObjectURL = vi.fn(() => `blob:preview-${++objectUrls}`);
  URL.revokeObjectURL = vi.fn((url: string) => { revoked.push(url); });
  HTMLMediaElement.prototype.play = played;
});

afterEach(() => {
  act(() => root.unmount());
  root = createRoot(host);
});

async function mount() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await act(async () => root.render(<QueryClientProvider client={client}><SettingsPage /></QueryClientProvider>));
  await vi.waitFor(() => expect(host.querySelector("[data-testid=current-greeting]")).not.toBeNull());
}

const $ = <T extends Element = HTMLElement>(selector: string) => host.querySelector<T>(selector);
const button = (name: string) =>
  Array.from(host.querySelectorAll("button")).find((b) => b.textContent === name) as HTMLButtonElement | undefined;
const text = (selector: string) => $(selector)?.textContent ?? null;

function type(value: string) {
  const box = $<HTMLTextAreaElement>("#greeting-text")!;
  const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!;
  act(() => {
    setValue.call(box, value);
    box.dispatchEvent(new Event("input", { bubbles: true }));
  });
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

describe("the settings page's greeting, for an admin", () => {
  it("prefills the text, counts it, and says that the basic voice will be used", async () => {
    server.get.mockResolvedValue({ ...BUSINESS, greeting_url: "/server/static/voice_responses/3/greeting.mp3",
      greeting_text: "שלום וברוכים הבאים" });
    await mount();
    expect(server.get).toHaveBeenCalledWith("/api/business");
    expect($<HTMLTextAreaElement>("#greeting-text")!.value).toBe("שלום וברוכים הבאים");
    expect(text("#greeting-counter")).toBe("18/600 תווים");
    expect(text("[data-testid=engine-notice]")).toContain("קול Google אינו מוגדר בשרת");
    expect($<HTMLAudioElement>("[data-testid=current-greeting]")!.getAttribute("src"))
      .toMatch(/^\/server\/static\/voice_responses\/3\/greeting\.mp3\?v=\d+$/);
    expect(text(".greeting-quote")).toBe("שלום וברוכים הבאים");
  });

  it("has no engine notice when Google renders", async () => {
    server.get.mockResolvedValue({ ...BUSINESS, tts_engine: "google" });
    await mount();
    expect($("[data-testid=engine-notice]")).toBeNull();
    expect(host.textContent).toContain("ברכת ברירת המחדל");
  });

  it("previews as a blob played from an object URL, busy meanwhile, revoking the one before", async () => {
    await mount();
    expect(button("השמעה")!.disabled).toBe(true); // nothing typed yet
    type("  שלום, הגעתם לסוכנות הדגמה  ");
    const first = deferred<{ blob: Blob; headers: Headers }>();
    server.file.mockReturnValueOnce(first.promise);
    act(() => button("השמעה")!.click());
    await vi.waitFor(() => expect(server.file).toHaveBeenCalledWith("/api/business/greeting/preview",
      { body: { text: "שלום, הגעתם לסוכנות הדגמה" } }, "audio/mpeg"));
    await vi.waitFor(() => expect(button("מכין השמעה…")?.disabled).toBe(true));
    expect(button("השמעה")).toBeUndefined();
    await act(async () => first.resolve({ blob: MP3(), headers: new Headers({ "X-Greeting-Engine": "espeak-ng" }) }));
    await vi.waitFor(() => expect($("[data-testid=preview-audio]")?.getAttribute("src")).toBe("blob:preview-1"));
    expect($("[data-testid=preview-audio]")!.hasAttribute("controls")).toBe(true);
    expect(text("[data-testid=preview-engine]")).toBe("הקול: בסיסי (espeak-ng)");
    expect(played).toHaveBeenCalledTimes(1);

    server.file.mockResolvedValueOnce({ blob: MP3(), headers: new Headers({ "X-Greeting-Engine": "google" }) });
    await act(async () => button("השמעה")!.click());
    await vi.waitFor(() => expect($("[data-testid=preview-audio]")?.getAttribute("src")).toBe("blob:preview-2"));
    expect(revoked).toEqual(["blob:preview-1"]);
    expect(text("[data-testid=preview-engine]")).toBe("הקול: Google");

    type("נוסח אחר"); // the preview was of other words: gone, and its URL revoked
    expect($("[data-testid=preview-audio]")).toBeNull();
    expect(revoked).toEqual(["blob:preview-1", "blob:preview-2"]);
  });

  it("makes the text the greeting, says so in Hebrew, refreshes the business and reloads the player", async () => {
    // The business already has a greeting of its own: same URL after the change, so only the version tells
    server.get.mockResolvedValue({ ...BUSINESS, greeting_url: "/server/static/voice_responses/3/greeting.mp3",
      greeting_text: "ברכה ישנה" });
    await mount();
    const before = $("[data-testid=current-greeting]")!.getAttribute("src");
    expect($<HTMLTextAreaElement>("#greeting-text")!.value).toBe("ברכה ישנה");
    type("שלום, השאירו הודעה");
    const installed = { ...BUSINESS, greeting_url: "/server/static/voice_responses/3/greeting.mp3",
      greeting_text: "שלום, השאירו הודעה", greeting_duration: 2.6, greeting_engine: "espeak-ng" };
    const answer = deferred<typeof installed>();
    server.request.mockReturnValueOnce(answer.promise);
    server.get.mockResolvedValue({ ...BUSINESS, greeting_url: installed.greeting_url, greeting_text: installed.greeting_text });
    act(() => button("הפעלה כברכה")!.click());
    await vi.waitFor(() => expect(server.request).toHaveBeenCalledWith("/api/business/greeting/text",
      { method: "PUT", body: { text: "שלום, השאירו הודעה" } }));
    await vi.waitFor(() => expect(button("מפעיל את הברכה…")?.disabled).toBe(true));
    await act(async () => answer.resolve(installed));
    await vi.waitFor(() => expect(text("[role=status]")).toBe(
      "הברכה החדשה הופעלה. מעכשיו מתקשרים ישמעו אותה (2.6 שניות)."));
    await vi.waitFor(() => expect(server.get).toHaveBeenCalledTimes(2)); // the business query refetched
    const after = $("[data-testid=current-greeting]")!.getAttribute("src")!;
    expect(after.startsWith("/server/static/voice_responses/3/greeting.mp3?v=")).toBe(true);
    expect(after).not.toBe(before);
    expect(text(".greeting-quote")).toBe("שלום, השאירו הודעה");
    expect(button("הפעלה כברכה")!.disabled).toBe(false);
  });

  it("shows each failure in Hebrew", async () => {
    await mount();
    type("שלום");
    server.file.mockRejectedValueOnce(new ApiError(503, "tts_unavailable", "no text-to-speech engine"));
    await act(async () => button("השמעה")!.click());
    await vi.waitFor(() => expect(text("[role=alert]")).toBe(
      "ההשמעה נכשלה: הקראת טקסט אינה זמינה בשרת כרגע; אפשר להעלות קובץ MP3"));
    server.request.mockRejectedValueOnce(new ApiError(502, "tts_failed", "Google refused"));
    await act(async () => button("הפעלה כברכה")!.click());
    await vi.waitFor(() => expect(host.textContent).toContain(
      "הפעלת הברכה נכשלה: שירות הקול של Google לא הקריא את הטקסט"));
    expect(host.textContent).not.toContain("tts_");
    expect($("[role=status]")).toBeNull();
  });

  it("refuses an empty or too long text before asking the server", async () => {
    await mount();
    type("   ");
    expect(button("השמעה")!.disabled).toBe(true);
    expect(button("הפעלה כברכה")!.disabled).toBe(true);
    type("א".repeat(601));
    expect(button("הפעלה כברכה")!.disabled).toBe(true);
    expect($("#greeting-counter")!.className).toContain("over");
    expect(text("#greeting-counter")).toBe("601/600 תווים · הנוסח ארוך מ-600 תווים ב-1");
    type("א".repeat(600));
    expect(button("הפעלה כברכה")!.disabled).toBe(false);
    expect(server.file).not.toHaveBeenCalled();
    expect(server.request).not.toHaveBeenCalled();
  });

  it("uploads an MP3 file as audio/mpeg, and says in Hebrew when it is too large", async () => {
    await mount();
    const input = $<HTMLInputElement>("input[type=file]")!;
    expect(input.accept).toBe("audio/mpeg,.mp3");
    const choose = (file: File) => act(() => {
      Object.defineProperty(input, "files", { value: [file], configurable: true });
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
    const file = new File([new Uint8Array([0xff, 0xfb])], "ברכה.mp3", { type: "" });
    server.request.mockResolvedValueOnce({ ...BUSINESS, greeting_url: "/server/static/voice_responses/3/greeting.mp3",
      greeting_duration: 4.2 });
    choose(file);
    await vi.waitFor(() => expect(server.request).toHaveBeenCalledWith("/api/business/greeting",
      { method: "PUT", body: file, contentType: "audio/mpeg" }));
    await vi.waitFor(() => expect(text("[role=status]")).toBe("הקובץ הותקן כברכה. מעכשיו מתקשרים ישמעו אותה (4.2 שניות)."));

    server.request.mockRejectedValueOnce(new ApiError(413, "request_entity_too_large", "too large"));
    choose(new File([new Uint8Array(8)], "big.mp3"));
    await vi.waitFor(() => expect(text("[role=alert]")).toBe("העלאת הקובץ נכשלה: הקובץ גדול מדי; נסו קובץ קצר יותר"));
    expect($("[role=status]")).toBeNull();
  });
});

describe("the settings page, for an agent", () => {
  it("plays the current greeting but offers no way to change it", async () => {
    server.role = "agent";
    server.get.mockResolvedValue({ ...BUSINESS, greeting_url: "/server/static/voice_responses/3/greeting.mp3",
      greeting_text: "שלום" });
    await mount();
    expect($("[data-testid=current-greeting]")).not.toBeNull();
    expect(text(".greeting-quote")).toBe("שלום");
    expect($("#greeting-text")).toBeNull();
    expect($("input[type=file]")).toBeNull();
    expect(button("הפעלה כברכה")).toBeUndefined();
    expect(button("השמעה")).toBeUndefined();
    expect(text("[data-testid=admin-only]")).toBe("רק מנהל העסק יכול לשנות את הברכה.");
    expect(host.textContent).toContain("התראות"); // their own push switch is here
  });
});
