/** Display helpers: Israeli local formats, Hebrew dates in Israel's time zone. */

const dateTime = new Intl.DateTimeFormat("he-IL", {
  timeZone: "Asia/Jerusalem",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? "" : dateTime.format(date);
}

/** +972541234567 → 054-123-4567; +97235550100 → 03-555-0100; anything else unchanged. */
export function formatPhone(value: string | null | undefined): string {
  if (!value) return "";
  if (!value.startsWith("+972")) return value;
  const local = `0${value.slice(4)}`;
  if (/^05\d{8}$/.test(local) || /^07\d{8}$/.test(local)) {
    return `${local.slice(0, 3)}-${local.slice(3, 6)}-${local.slice(6)}`;
  }
  if (/^0[2-9]\d{7}$/.test(local)) {
    return `${local.slice(0, 2)}-${local.slice(2, 5)}-${local.slice(5)}`;
  }
  return value;
}
