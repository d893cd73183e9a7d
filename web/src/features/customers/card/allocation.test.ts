import { describe, expect, it } from "vitest";
import { allocationReason, allocationView } from "@/features/customers/card/allocation";
import type { Invoice } from "@/features/customers/types";

const invoice = (changes: Partial<Invoice>): Invoice => ({
  id: 1, number: 7, customer_id: 1, lines: [], subtotal: "30000.00", vat_rate: "18", vat: "5400.00",
  total: "35400.00", currency: "ILS", status: "issued", status_label: "הופקה", issued_at: null, created_at: "",
  pdf_url: "/api/crm/invoices/1/pdf", allocation_status: "not_required", allocation_number: null,
  allocation_error: null, ...changes,
});

describe("an invoice's allocation number", () => {
  it("says each reason in Hebrew, never the code", () => {
    for (const code of ["unreachable", "no_credentials", "unauthorized", "missing_business_tax_id"] as const) {
      const text = allocationReason({ code, message: "" })!;
      expect(text).toMatch(/[\u0590-\u05FF]/);
      expect(text).not.toContain(code);
    }
    expect(allocationReason({ code: "unreachable", message: "x" })).toBe("רשות המסים אינה זמינה כרגע; ננסה שוב אוטומטית");
    expect(allocationReason(null)).toBeNull();
  });

  it("puts the Tax Authority's own words after a refusal, and only readable ones", () => {
    expect(allocationReason({ code: "refused", message: "מספר העוסק של הלקוח אינו פעיל" }))
      .toBe("רשות המסים סירבה: מספר העוסק של הלקוח אינו פעיל");
    expect(allocationReason({ code: "refused", message: "E102 invalid vat" })).toBe("רשות המסים סירבה להקצות מספר");
  });

  it("shows the number once given, the wait while awaiting, and a refusal on the draft it went back to", () => {
    expect(allocationView(invoice({ allocation_status: "allocated", allocation_number: "123456789" })))
      .toEqual({ kind: "allocated", number: "123456789" });
    expect(allocationView(invoice({ status: "awaiting_allocation", allocation_status: "pending" })))
      .toEqual({ kind: "pending", reason: null });
    expect(allocationView(invoice({ status: "awaiting_allocation", allocation_status: "pending",
      allocation_error: { code: "no_credentials", message: "" } })))
      .toEqual({ kind: "pending", reason: "לא הוגדרו פרטי התחברות לרשות המסים (הגדרות)" });
    expect(allocationView(invoice({ status: "draft", allocation_status: "refused",
      allocation_error: { code: "refused", message: "הלקוח אינו עוסק" } })).kind).toBe("refused");
    expect(allocationView(invoice({})).kind).toBe("none");
  });
});
