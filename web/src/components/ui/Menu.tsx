/**
 * A menu button and its panel (columns, saved layouts, the user menu): opens on click, closes on
 * an outside click, on Esc (focus back on the button) and when another menu opens, and keeps Tab
 * inside while open. `children` may be a function that receives `close`, for items that act.
 */
import type { LucideIcon } from "lucide-react";
import { ChevronDown } from "lucide-react";
import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { focusFirst, trapTab } from "@/components/ui/focus";

const OPENED = "al-menu-opened";

export function Menu({ label, icon: Icon, children, className = "", buttonClassName = "button", title, align = "end" }: {
  /** The button's text (or an accessible name when `iconOnly`). */
  label: string;
  icon?: LucideIcon;
  children: ReactNode | ((close: () => void) => ReactNode);
  className?: string;
  buttonClassName?: string;
  title?: string;
  /** Which edge of the button the panel lines up with (in RTL "end" is the left). */
  align?: "start" | "end";
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();

  const close = (refocus = false) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    // Another menu opening closes this one (one menu at a time), even when opened by keyboard.
    const onOther = (event: Event) => {
      if ((event as CustomEvent<string>).detail !== id) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer, true);
    document.addEventListener(OPENED, onOther);
    document.dispatchEvent(new CustomEvent(OPENED, { detail: id }));
    focusFirst(panel.current);
    return () => {
      document.removeEventListener("pointerdown", onPointer, true);
      document.removeEventListener(OPENED, onOther);
    };
  }, [open, id]);

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === "Escape" && open) {
      event.preventDefault();
      event.stopPropagation();
      close(true);
      return;
    }
    if (open) trapTab(event, root.current);
  }

  return (
    <div ref={root} className={`menu ${className}`} onKeyDown={onKeyDown}>
      <button ref={button} type="button" className={buttonClassName} aria-haspopup="true" aria-expanded={open}
        aria-controls={open ? id : undefined} title={title} onClick={() => setOpen((o) => !o)}>
        {Icon && <Icon size={16} aria-hidden="true" />}
        <span>{label}</span>
        <ChevronDown size={14} aria-hidden="true" className="menu-chevron" />
      </button>
      {open && (
        <div ref={panel} id={id} className={`menu-panel align-${align}`} role="group" aria-label={label}>
          {typeof children === "function" ? children(() => close(true)) : children}
        </div>
      )}
    </div>
  );
}
