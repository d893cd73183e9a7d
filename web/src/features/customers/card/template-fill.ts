/** A WhatsApp template's text with its {{n}} variables filled in, as the customer will read it
 * (server/messages/templates.py `fill` does the same on the server). */

const PLACEHOLDER = /\{\{\s*([0-9A-Za-z_]+)\s*\}\}/g;

/** The variables of a template's body, in order ({{1}}, {{2}}, then named ones), each once. */
export function templateVariables(body: string, declared: string[] = []): string[] {
  const keys = new Set(declared);
  for (const match of body.matchAll(PLACEHOLDER)) keys.add(match[1]!);
  return [...keys].sort((a, b) => {
    const [na, nb] = [Number(a), Number(b)];
    const [da, db] = [/^\d+$/.test(a), /^\d+$/.test(b)];
    if (da && db) return na - nb;
    if (da !== db) return da ? -1 : 1;
    return a.localeCompare(b);
  });
}

/** The body with each variable's value; one left empty shows as its placeholder. */
export function fillTemplate(body: string, values: Record<string, string> | null | undefined): string {
  return body.replace(PLACEHOLDER, (whole, key: string) => values?.[key]?.trim() ? values[key]! : whole);
}
