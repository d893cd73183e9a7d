import { X } from "lucide-react";

/** A filter that is on, under a table's toolbar: what it is, and a button that removes it. */
export function FilterChip({ text, onRemove }: { text: string; onRemove: () => void }) {
  return (
    <span className="filter-chip">
      {text}
      <button type="button" className="chip-remove" aria-label={`הסרת הסינון ${text}`} onClick={onRemove}>
        <X size={14} aria-hidden="true" />
      </button>
    </span>
  );
}
