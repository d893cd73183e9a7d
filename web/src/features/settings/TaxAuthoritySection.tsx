/**
 * רשות המסים (admins): the credentials the server asks the Tax Authority for invoices'
 * allocation numbers with. Write-only: the form never shows what is saved, only whether
 * credentials are set and where from (saved here, or the server's environment); saving them
 * sends every waiting invoice again. Removing asks first.
 */
import "@/features/settings/privacy.css";
import { KeyRound, Trash2 } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useBusiness } from "@/features/settings/api/get-business";
import { useRemoveTaxAuthority, useSaveTaxAuthority } from "@/features/settings/api/tax-authority";
import type { Business, TaxAuthorityCredentials } from "@/features/settings/types";
import { useSettingsForm } from "@/features/settings/useSettingsForm";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { useToast } from "@/components/ui/Toast";
import { hebrewError } from "@/lib/errors";

const EMPTY: TaxAuthorityCredentials = { client_id: "", client_secret: "", refresh_token: "" };
const SOURCES = { settings: "נשמר בהגדרות", env: "מוגדר בשרת" } as const;

export function TaxAuthoritySection() {
  const business = useBusiness();
  const save = useSaveTaxAuthority();
  const remove = useRemoveTaxAuthority();
  const toast = useToast();
  const [form, setForm] = useState(EMPTY);
  const [confirming, setConfirming] = useState(false);
  const state = business.data?.tax_authority;
  const set = (field: keyof TaxAuthorityCredentials) => (e: { target: { value: string } }) => {
    setForm((f) => ({ ...f, [field]: e.target.value }));
    if (save.isError) save.reset();
  };
  const complete = Object.values(form).every((value) => value.trim());

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({ client_id: form.client_id.trim(), client_secret: form.client_secret.trim(),
      refresh_token: form.refresh_token.trim() }, {
      onSuccess: () => {
        setForm(EMPTY); // never kept in the page once saved
        toast({ text: "פרטי ההתחברות לרשות המסים נשמרו", tone: "success" });
      },
    });
  }

  function removeNow() {
    setConfirming(false);
    remove.mutate(undefined, {
      onSuccess: () => toast({ text: "פרטי ההתחברות לרשות המסים הוסרו", tone: "success" }),
      onError: (error) => toast({ text: hebrewError(error, "ההסרה נכשלה"), tone: "error" }),
    });
  }

  return (
    <section className="card settings-section" aria-labelledby="tax-authority-title" data-testid="tax-authority-settings">
      <h2 id="tax-authority-title">רשות המסים</h2>
      <p className="muted">חשבונית לעסק מעל סף החוק מקבלת מספר הקצאה מרשות המסים. כאן מגדירים את פרטי ההתחברות של העסק
        למערכת החשבוניות של רשות המסים.</p>
      {business.isError && <p role="alert" className="error">{hebrewError(business.error, "טעינת ההגדרות נכשלה")}</p>}
      {state && (
        <p className="open-now" data-testid="tax-authority-state">
          {state.configured ? (
            <><span className="dot open" aria-hidden="true" />מוגדר
              {state.source && <span className="muted">({SOURCES[state.source]})</span>}</>
          ) : <><span className="dot closed" aria-hidden="true" />לא הוגדרו פרטי התחברות</>}
        </p>
      )}
      {business.data && <BusinessTaxId business={business.data} />}
      <form className="settings-block credentials-form" onSubmit={submit} aria-label="פרטי התחברות לרשות המסים"
        autoComplete="off">
        <h3>{state?.configured ? "החלפת פרטי ההתחברות" : "פרטי התחברות"}</h3>
        <p className="muted">הפרטים נשמרים מוצפנים בשרת ואינם מוצגים שוב.</p>
        <label>מזהה לקוח (Client ID)
          <input dir="ltr" value={form.client_id} onChange={set("client_id")} autoComplete="off" spellCheck={false} />
        </label>
        <label>סוד לקוח (Client Secret)
          <input dir="ltr" type="password" value={form.client_secret} onChange={set("client_secret")}
            autoComplete="new-password" />
        </label>
        <label>אסימון רענון (Refresh Token)
          <input dir="ltr" type="password" value={form.refresh_token} onChange={set("refresh_token")}
            autoComplete="new-password" />
        </label>
        <div className="form-actions">
          <Button type="submit" icon={KeyRound} variant="primary" disabled={!complete || save.isPending}>
            {save.isPending ? "שומר…" : "שמירת פרטי ההתחברות"}
          </Button>
          {state?.source === "settings" && (
            <Button icon={Trash2} variant="danger" disabled={remove.isPending} onClick={() => setConfirming(true)}>
              הסרת הפרטים
            </Button>
          )}
        </div>
        {save.isError && <p role="alert" className="error">{hebrewError(save.error, "השמירה נכשלה")}</p>}
      </form>
      {confirming && (
        <Dialog title="הסרת פרטי ההתחברות לרשות המסים" onClose={() => setConfirming(false)} footer={
          <>
            <Button variant="danger" onClick={removeNow}>הסרה</Button>
            <Button onClick={() => setConfirming(false)}>ביטול</Button>
          </>
        }>
          <p>בלי פרטי התחברות, חשבוניות שצריכות מספר הקצאה ימתינו ולא יופקו עד שיוגדרו פרטים חדשים
            {state?.configured && state.source === "settings" ? " (אלא אם הוגדרו פרטים בשרת)" : ""}.</p>
        </Dialog>
      )}
    </section>
  );
}

/** The business's own tax id: without it no allocation number can be asked for
 * ("חסר מספר עוסק של העסק בהגדרות" on a waiting invoice points here). */
function BusinessTaxId({ business }: { business: Business }) {
  const { update, saved, edited, submit } = useSettingsForm();
  const [taxId, setTaxId] = useState(business.tax_id ?? "");
  return (
    <form className="settings-block" onSubmit={submit(() => ({ tax_id: taxId.trim() }))}
      aria-label="מספר העוסק של העסק" noValidate>
      <h3>מספר העוסק של העסק</h3>
      <label>ח.פ. / ע.מ.
        <input dir="ltr" inputMode="numeric" value={taxId} onChange={(e) => edited(setTaxId)(e.target.value)} />
      </label>
      <div className="form-actions">
        <Button type="submit" variant="primary" disabled={update.isPending}>שמירת מספר העוסק</Button>
      </div>
      {update.isError && <p role="alert" className="error">{hebrewError(update.error, "השמירה נכשלה")}</p>}
      {saved && <p role="status" className="success">מספר העוסק נשמר.</p>}
    </form>
  );
}
