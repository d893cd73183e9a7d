/** WhatsApp's approved templates, picked by name: the text previewed as the customer will read
 * it while its variables are typed ({{1}} starts as the customer's name), sent by its sid. */
import { FileText, Send, X } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useTemplates } from "@/features/customers/api/templates";
import type { WhatsAppBody } from "@/features/customers/api/card";
import { fillTemplate, templateVariables } from "@/features/customers/card/template-fill";
import type { Customer, Template } from "@/features/customers/types";
import { EmptyState } from "@/components/ui/EmptyState";
import { Button } from "@/components/ui/Button";
import { Menu } from "@/components/ui/Menu";
import { hebrewError } from "@/lib/errors";

export const OUTSIDE_WINDOW_NOTE =
  "עברו יותר מ-24 שעות מההודעה האחרונה של הלקוח, ולכן וואטסאפ מאפשר לשלוח רק תבנית מאושרת";

export function TemplatePicker({ customer, busy, outsideWindow, onSend, onClose }: {
  customer: Customer;
  busy: boolean;
  /** The server refused free text: say why a template is needed. */
  outsideWindow: boolean;
  onSend: (body: WhatsAppBody) => Promise<void>;
  onClose: () => void;
}) {
  const templates = useTemplates(true);
  const [picked, setPicked] = useState<Template | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const keys = picked ? templateVariables(picked.body, Object.keys(picked.variables)) : [];
  const ready = picked !== null && keys.every((key) => values[key]?.trim());

  function pick(template: Template) {
    setPicked(template);
    const variables = templateVariables(template.body, Object.keys(template.variables));
    setValues(Object.fromEntries(variables.map((key) => [key, key === "1" ? customer.name : ""])));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!picked || !ready) return;
    void onSend({ content_sid: picked.sid,
      variables: Object.fromEntries(keys.map((key) => [key, values[key]!.trim()])) });
  }

  const list = templates.data?.results ?? [];
  return (
    <form className="template-form" aria-label="שליחת תבנית" onSubmit={submit}>
      <div className="template-head">
        <FileText size={18} aria-hidden="true" />
        <strong>שליחת תבנית וואטסאפ</strong>
        <span className="spacer" />
        <Button icon={X} label="סגירת התבניות" onClick={onClose} />
      </div>
      {outsideWindow && <p role="alert" className="notice">{OUTSIDE_WINDOW_NOTE}</p>}
      {templates.isPending && <span className="skeleton line" aria-label="טוען תבניות" />}
      {templates.isError && <p role="alert" className="error">{hebrewError(templates.error, "התבניות לא נטענו")}</p>}
      {templates.data?.stale && <p className="muted">Twilio אינו זמין כרגע: מוצגת רשימת התבניות שנטענה קודם.</p>}
      {templates.isSuccess && list.length === 0 && (
        <EmptyState compact icon={FileText} title="אין לעסק תבניות מאושרות">
          תבנית נוצרת בחשבון Twilio ומחכה לאישור של וואטסאפ.
        </EmptyState>
      )}
      {list.length > 0 && (
        <Menu label={picked ? picked.name : "בחירת תבנית"} icon={FileText} align="start" className="template-menu">
          {(close) => list.map((template) => (
            <button key={template.sid} type="button" className="menu-item template-option"
              aria-pressed={picked?.sid === template.sid}
              onClick={() => { pick(template); close(); }}>
              <span className="template-name">{template.name}</span>
              <span className="template-excerpt">{fillTemplate(template.body, { ...template.variables, "1": customer.name })}</span>
            </button>
          ))}
        </Menu>
      )}
      {picked && (
        <>
          {keys.length > 0 && (
            <div className="template-variables">
              {keys.map((key) => (
                <label key={key}>
                  {key === "1" ? "משתנה 1 (שם הלקוח)" : `משתנה ${key}`}
                  <input value={values[key] ?? ""} placeholder={picked.variables[key] || undefined}
                    onChange={(e) => setValues((all) => ({ ...all, [key]: e.target.value }))} />
                </label>
              ))}
            </div>
          )}
          <div className="template-preview" aria-label="תצוגה מקדימה">
            <span className="muted">כך הלקוח יקרא את ההודעה:</span>
            <p className="bubble outbound prewrap" data-testid="template-preview">{fillTemplate(picked.body, values)}</p>
          </div>
          <div className="form-actions">
            <Button type="submit" icon={Send} variant="primary" disabled={busy || !ready}>
              {busy ? "שולח…" : "שליחת התבנית"}
            </Button>
            {!ready && <span className="muted">ממלאים את כל המשתנים כדי לשלוח</span>}
          </div>
        </>
      )}
    </form>
  );
}
