/**
 * Tabs (WAI-ARIA tablist): arrow keys move between them (in RTL, ArrowLeft is "next"), Home and
 * End jump; on a narrow screen the row scrolls sideways instead of wrapping, and the selected
 * tab is scrolled into view.
 */
import type { LucideIcon } from "lucide-react";
import { type KeyboardEvent, useEffect, useRef } from "react";

export interface TabItem<T extends string> {
  id: T;
  label: string;
  icon?: LucideIcon;
  /** A small count or mark after the label (e.g. open tasks). */
  extra?: string | number;
}

export function Tabs<T extends string>({ tabs, active, onSelect, label, idPrefix = "tab" }: {
  tabs: readonly TabItem<T>[];
  active: T;
  onSelect: (id: T) => void;
  label: string;
  idPrefix?: string;
}) {
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    list.current?.querySelector<HTMLElement>(`#${idPrefix}-${active}`)?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [active, idPrefix]);

  function onKeyDown(event: KeyboardEvent) {
    const step = { ArrowLeft: 1, ArrowRight: -1, Home: -tabs.length, End: tabs.length }[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const index = Math.min(Math.max(tabs.findIndex((t) => t.id === active) + step, 0), tabs.length - 1);
    const next = tabs[index]!.id;
    onSelect(next);
    list.current?.querySelector<HTMLElement>(`#${idPrefix}-${next}`)?.focus();
  }

  return (
    <div ref={list} className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map(({ id, label: text, icon: Icon, extra }) => (
        <button key={id} id={`${idPrefix}-${id}`} type="button" role="tab" aria-selected={active === id}
          aria-controls={`panel-${id}`} tabIndex={active === id ? 0 : -1} onClick={() => onSelect(id)}>
          {Icon && <Icon size={16} aria-hidden="true" />}
          <span>{text}</span>
          {extra !== undefined && extra !== "" && <span className="tab-extra">{extra}</span>}
        </button>
      ))}
    </div>
  );
}
