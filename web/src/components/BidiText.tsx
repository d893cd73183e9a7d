/** Text from the server that may hold a phone number after a Hebrew letter ("להתקשר בחזרה
 * ל053-987-6543"): Chromium's bidi splits such a number around its last hyphen, so each
 * number is shown isolated, left to right. */
import { Fragment } from "react";

const NUMBER = /(\+?\d[\d-]{5,}\d)/;

export function BidiText({ text }: { text: string }) {
  const parts = text.split(NUMBER);
  if (parts.length === 1) return <>{text}</>;
  return <>{parts.map((part, i) => (i % 2 ? <bdi key={i} dir="ltr">{part}</bdi> : <Fragment key={i}>{part}</Fragment>))}</>;
}
