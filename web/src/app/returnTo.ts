/**
 * Where the login page sends the user back to: the page they asked for (path, query and hash,
 * so `/crm/customers/5?tab=whatsapp` opens that tab), if it is a path of this app; anything else
 * (another origin, `//evil.example`, the login page itself) goes to the customers.
 */
export const HOME = "/crm/customers";

export function returnTo(from: unknown): string {
  if (typeof from !== "string" || !from.startsWith("/") || from.startsWith("//") || from.includes("\\")) return HOME;
  const url = new URL(from, "http://app.invalid");
  if (url.origin !== "http://app.invalid" || url.pathname === "/login") return HOME;
  return `${url.pathname}${url.search}${url.hash}`;
}
