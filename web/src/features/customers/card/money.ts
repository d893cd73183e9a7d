/** Amounts as Israelis read them: "‏6,500.00 ₪". */
const shekels = new Intl.NumberFormat("he-IL", { style: "currency", currency: "ILS" });

export function money(amount: string | number, currency = "ILS"): string {
  const value = Number(amount);
  return currency === "ILS" ? shekels.format(value)
    : new Intl.NumberFormat("he-IL", { style: "currency", currency }).format(value);
}
