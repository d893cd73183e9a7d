/** A menu of one-of choices in groups (a filter's values, the density): each item says whether
 * it is the chosen one (aria-checked), and choosing closes the menu. */
import type { LucideIcon } from "lucide-react";
import { Check } from "lucide-react";
import { Menu } from "@/components/ui/Menu";

export interface ChoiceGroup {
  title?: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChoose: (value: string) => void;
}

export function ChoiceMenu({ label, icon, groups, title }: {
  label: string;
  icon?: LucideIcon;
  groups: readonly ChoiceGroup[];
  title?: string;
}) {
  return (
    <Menu label={label} icon={icon} title={title}>
      {(close) => groups.map((group, index) => (
        <div key={group.title ?? index} role="group" aria-label={group.title} className="choice-group">
          {index > 0 && <div className="menu-separator" />}
          {group.title && <p className="menu-heading">{group.title}</p>}
          {group.options.map((option) => (
            <button key={option.value} type="button" className="menu-item" role="menuitemradio"
              aria-checked={group.value === option.value}
              onClick={() => {
                group.onChoose(option.value);
                close();
              }}>
              <Check size={15} aria-hidden="true" className="choice-check" />
              {option.label}
            </button>
          ))}
        </div>
      ))}
    </Menu>
  );
}
