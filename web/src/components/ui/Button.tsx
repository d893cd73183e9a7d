/** A button with an optional icon before its text; variants by class (`primary`, `ghost`,
 * `danger`, `small`, `big`). An icon-only button needs `label` for its accessible name. */
import type { LucideIcon } from "lucide-react";
import type { ButtonHTMLAttributes } from "react";

export function Button({ icon: Icon, variant = "", label, children, className = "", type = "button", ...rest }:
  ButtonHTMLAttributes<HTMLButtonElement> & {
    icon?: LucideIcon;
    variant?: string;
    /** The accessible name when the button shows only its icon. */
    label?: string;
  }) {
  const iconOnly = !children && Icon;
  return (
    <button type={type} className={`${iconOnly ? "icon-button" : "button"} ${variant} ${className}`.trim()}
      aria-label={label} title={iconOnly ? label : rest.title} {...rest}>
      {Icon && <Icon size={16} aria-hidden="true" />}
      {children}
    </button>
  );
}
