import { describe, expect, it } from "vitest";
import { PUSH_BLOCKED, PUSH_SERVICE_DOWN, PUSH_UNSUPPORTED, pushErrorText } from "@/components/push-errors";
import { ApiError } from "@/lib/api";

describe("push errors in Hebrew", () => {
  it("says the browser blocks notifications, whichever way it says so", () => {
    expect(pushErrorText(new DOMException("Registration failed - permission denied", "AbortError"))).toBe(PUSH_BLOCKED);
    expect(pushErrorText(new DOMException("x", "NotAllowedError"))).toBe(PUSH_BLOCKED);
    expect(pushErrorText(new Error("anything"), "denied")).toBe(PUSH_BLOCKED);
  });

  it("tells an unsupported browser and a push service that is down apart", () => {
    expect(pushErrorText(new DOMException("x", "NotSupportedError"))).toBe(PUSH_UNSUPPORTED);
    expect(pushErrorText(new DOMException("Registration failed - push service not available", "AbortError")))
      .toBe(PUSH_SERVICE_DOWN);
  });

  it("never shows the English text", () => {
    const text = pushErrorText(new ApiError(503, "push_off", "push is not configured"));
    expect(text).toMatch(/[\u0590-\u05FF]/);
    expect(text).not.toContain("push is not configured");
    expect(pushErrorText(new DOMException("Something odd", "UnknownError"))).not.toMatch(/[A-Za-z]/);
  });
});
