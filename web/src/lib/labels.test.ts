import { describe, expect, it } from "vitest";
import { label, options, ticks } from "@/lib/labels";

describe("label", () => {
  it("shows every status the server sends in Hebrew", () => {
    expect([label("customer", "lead"), label("customer", "active"), label("customer", "inactive")])
      .toEqual(["ליד", "פעיל", "לא פעיל"]);
    expect([label("task", "open"), label("task", "done")]).toEqual(["פתוחה", "בוצעה"]);
    expect(["draft", "issued", "paid", "cancelled"].map((s) => label("invoice", s)))
      .toEqual(["טיוטה", "הונפקה", "שולמה", "בוטלה"]);
    expect(label("message", "delivered")).toBe("נמסרה");
    expect(label("message", "undelivered")).toBe("לא נמסרה");
    expect(label("transcript", "pending")).toBe("התמלול בתהליך");
    expect(label("transcript", "done")).toBe("תומלל");
    expect(label("contract", "signed")).toBe("נחתם");
  });

  it("never shows a blank: unknown values as they came, missing ones as a dash", () => {
    expect(label("message", "brand-new-status")).toBe("brand-new-status");
    expect(label("customer", null)).toBe("—");
  });

  it("covers every value the server's schemas allow, in Hebrew", () => {
    const server = {
      customer: ["lead", "active", "inactive"], task: ["open", "done"], invoice: ["draft", "issued", "paid", "cancelled"],
      contract: ["draft", "sent", "signed", "declined"], transcript: ["none", "pending", "done", "failed", "unavailable"],
      message: ["pending", "accepted", "scheduled", "queued", "sending", "sent", "delivered", "read", "failed",
        "undelivered", "canceled", "received"],
    } as const;
    for (const [kind, values] of Object.entries(server)) {
      for (const value of values) expect(label(kind as keyof typeof server, value)).toMatch(/[\u0590-\u05FF]/);
    }
    expect(options("customer").map((o) => o.value)).toEqual(["lead", "active", "inactive"]);
  });
});

describe("ticks", () => {
  it("one tick sent, two delivered, two blue read, a mark for failures", () => {
    expect(ticks("sent")).toEqual({ marks: "✓", read: false, failed: false });
    expect(ticks("delivered")).toEqual({ marks: "✓✓", read: false, failed: false });
    expect(ticks("read")).toEqual({ marks: "✓✓", read: true, failed: false });
    expect(ticks("undelivered").failed).toBe(true);
    expect(ticks("pending").marks).toBe("…");
  });
});
