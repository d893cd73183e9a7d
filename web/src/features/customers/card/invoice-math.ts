/**
 * An invoice's amounts as the server will compute them (server/invoices/service.py), for the
 * live preview while lines are typed: each line's total is quantity × unit price rounded half
 * up to the agora, the subtotal their sum, VAT the subtotal × rate rounded half up, the total
 * both. Integers of agorot (BigInt), so 0.1 + 0.2 never shows up on an invoice.
 */

export interface DraftLine {
  description: string;
  quantity: string;
  unit_price: string;
}

export interface Amounts {
  /** Each line's total in agorot, or null while the line is not a valid number yet. */
  lines: (bigint | null)[];
  subtotal: bigint;
  vat: bigint;
  total: bigint;
}

/** A non-negative decimal with at most `places` decimals, scaled to an integer; null otherwise. */
export function scaled(text: string, places: number): bigint | null {
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(text.trim());
  if (!match) return null;
  const fraction = match[2] ?? "";
  if (fraction.length > places) return null;
  return BigInt(match[1]! + fraction.padEnd(places, "0"));
}

/** n / d rounded half up, for n ≥ 0 and d > 0. */
function divideHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

export function lineTotal(line: DraftLine): bigint | null {
  const quantity = scaled(line.quantity, 3); // thousandths
  const price = scaled(line.unit_price, 2); // agorot
  if (quantity === null || price === null) return null;
  return divideHalfUp(quantity * price, 1000n);
}

export function invoiceAmounts(lines: DraftLine[], vatRate: number): Amounts {
  const totals = lines.map(lineTotal);
  const subtotal = totals.reduce<bigint>((sum, t) => sum + (t ?? 0n), 0n);
  const rate = BigInt(Math.round(vatRate * 100)); // hundredths of a percent
  const vat = divideHalfUp(subtotal * rate, 10000n);
  return { lines: totals, subtotal, vat, total: subtotal + vat };
}

/** Agorot as the server writes amounts: "1234.50". */
export function agorotText(agorot: bigint): string {
  const whole = agorot / 100n;
  const cents = (agorot % 100n).toString().padStart(2, "0");
  return `${whole}.${cents}`;
}

/** A valid line: a description, a quantity above zero, a price (zero allowed). */
export function lineIsValid(line: DraftLine): boolean {
  const quantity = scaled(line.quantity, 3);
  return line.description.trim() !== "" && quantity !== null && quantity > 0n && scaled(line.unit_price, 2) !== null;
}
