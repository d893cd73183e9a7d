import { Rows3 } from "lucide-react";
import { ChoiceMenu } from "@/components/table/ChoiceMenu";
import type { Density } from "@/lib/tableUrl";

/** The saved views' density values, in Hebrew. */
const DENSITY_LABELS: { value: Density; label: string }[] = [
  { value: "compact", label: "צפופה" },
  { value: "normal", label: "רגילה" },
  { value: "comfortable", label: "מרווחת" },
];

export function DensityMenu({ density, onChange }: { density: Density; onChange: (density: Density) => void }) {
  return (
    <ChoiceMenu label="צפיפות" icon={Rows3} title="צפיפות השורות"
      groups={[{ value: density, options: DENSITY_LABELS, onChoose: (value) => onChange(value as Density) }]} />
  );
}
