import { describe, expect, it } from "vitest";
import { LABELS, label, options, ticks } from "@/lib/labels";
import server from "../../../server/labels.json";

describe("label", () => {
  it("is the server's table (server/labels.json), not a copy of it", () => {
    expect(LABELS).toBe(server);
    expect(Object.keys(LABELS)).toEqual([
      "customer_status", "customer_source", "task_status", "invoice_status", "contract_status", "message_status",
      "call_status", "call_direction", "transcript_status", "allocation_status", "audit_action", "call_outcome",
      "timeline_type",
    ]);
    expect(label("invoice_status", "issued")).toBe(server.invoice_status.issued);
  });

  it("shows every value in Hebrew", () => {
    for (const [kind, values] of Object.entries(LABELS)) {
      for (const value of Object.keys(values)) {
        expect(label(kind as keyof typeof LABELS, value)).toMatch(/[\u0590-\u05FF]/);
      }
    }
  });

  it("never shows a blank: unknown values as they came, missing ones as a dash", () => {
    expect(label("message_status", "brand-new-status")).toBe("brand-new-status");
    expect(label("customer_status", null)).toBe("—");
  });

  it("offers a select's choices in the table's order", () => {
    expect(options("customer_status")).toEqual([
      { value: "lead", label: server.customer_status.lead },
      { value: "active", label: server.customer_status.active },
      { value: "inactive", label: server.customer_status.inactive },
    ]);
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
