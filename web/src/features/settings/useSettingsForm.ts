import { type FormEvent, useState } from "react";
import { type BusinessChanges, useUpdateBusiness } from "@/features/settings/api/update-business";

/** A number field as typed: a blank or a bad one goes as it is, and the server's 422 says why in Hebrew. */
export function typedNumber(text: string): number {
  return text.trim() === "" ? (null as unknown as number) : Number(text);
}

/** One settings form over PATCH /api/business: `edited(set)` wraps a field's setter so a change
 * hides "saved" and the last error; `submit(changes)` saves, and `saved` says it was. */
export function useSettingsForm() {
  const update = useUpdateBusiness();
  const [saved, setSaved] = useState(false);

  function edited<T>(set: (value: T) => void) {
    return (value: T) => {
      set(value);
      setSaved(false);
      if (update.isError) update.reset();
    };
  }

  function submit(changes: () => BusinessChanges) {
    return (event: FormEvent) => {
      event.preventDefault();
      setSaved(false);
      update.mutate(changes(), { onSuccess: () => setSaved(true) });
    };
  }

  return { update, saved, edited, submit };
}
