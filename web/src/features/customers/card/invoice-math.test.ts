import { describe, expect, it } from "vitest";
import { agorotText, invoiceAmounts, lineIsValid, lineTotal, scaled } from "@/features/customers/card/invoice-math";

const line = (quantity: string, unit_price: string, description = "שירות") => ({ description, quantity, unit_price });

describe("invoice math", () => {
  it("reads decimals exactly and refuses what the server would", () => {
    expect(scaled("12.5", 2)).toBe(1250n);
    expect(scaled("3", 3)).toBe(3000n);
    expect(scaled("0,75", 2)).toBe(75n);
    expect(scaled("1.005", 2)).toBeNull();
    expect(scaled("-1", 2)).toBeNull();
    expect(scaled("abc", 2)).toBeNull();
    expect(scaled("", 2)).toBeNull();
  });

  it("rounds each line half up to the agora", () => {
    expect(lineTotal(line("1.5", "0.05"))).toBe(8n); // 0.075 → 0.08
    expect(lineTotal(line("0.333", "10"))).toBe(333n);
    expect(lineTotal(line("2", "x"))).toBeNull();
  });

  it("adds VAT on the subtotal, rounded half up, as the server does", () => {
    const amounts = invoiceAmounts([line("2", "1500"), line("1", "650.50")], 18);
    expect(agorotText(amounts.subtotal)).toBe("3650.50");
    expect(agorotText(amounts.vat)).toBe("657.09"); // 657.09
    expect(agorotText(amounts.total)).toBe("4307.59");
    expect(agorotText(invoiceAmounts([line("1", "0.25")], 17).vat)).toBe("0.04"); // 0.0425 → 0.04
    expect(agorotText(invoiceAmounts([line("1", "0.50")], 17).vat)).toBe("0.09"); // 0.085 → 0.09
  });

  it("leaves an unfinished line out of the sums", () => {
    const amounts = invoiceAmounts([line("1", "100"), line("", "")], 18);
    expect(amounts.lines).toEqual([10000n, null]);
    expect(agorotText(amounts.total)).toBe("118.00");
  });

  it("says which lines can be sent", () => {
    expect(lineIsValid(line("1", "0"))).toBe(true);
    expect(lineIsValid(line("0", "10"))).toBe(false);
    expect(lineIsValid(line("1", "10", " "))).toBe(false);
  });
});
