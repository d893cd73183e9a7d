/** The card's admin actions (issue 19): "ייצוא כל המידע" (a zip of everything held about the
 * customer, the answer to a data-access request) and "מחיקת מידע אישי" (erasure on request,
 * after a dialog that says what goes and what the law keeps). Admins only: the server refuses
 * anyone else with 403 `forbidden` anyway. */
import { Download, ShieldAlert, Trash2 } from "lucide-react";
import { useState } from "react";
import { exportCustomer, useEraseCustomer } from "@/features/customers/api/privacy";
import type { Customer } from "@/features/customers/types";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { Menu } from "@/components/ui/Menu";
import { useToast } from "@/components/ui/Toast";
import { hebrewError } from "@/lib/errors";

export function AdminActions({ customer }: { customer: Customer }) {
  const toast = useToast();
  const [exporting, setExporting] = useState(false);
  const [erasing, setErasing] = useState(false);

  async function runExport() {
    setExporting(true);
    try {
      await exportCustomer(customer.id);
      toast({ text: "קובץ המידע של הלקוח ירד למחשב", tone: "success" });
    } catch (error) {
      toast({ text: hebrewError(error, "הייצוא נכשל"), tone: "error" });
    } finally {
      setExporting(false);
    }
  }

  return (
    <>
      <Menu label="פעולות מנהל" icon={ShieldAlert} className="admin-actions" title="פרטיות: ייצוא ומחיקת המידע של הלקוח">
        {(close) => (
          <>
            <button type="button" className="menu-item" disabled={exporting}
              onClick={() => { close(); void runExport(); }}>
              <Download size={16} aria-hidden="true" />{exporting ? "מייצא…" : "ייצוא כל המידע"}
            </button>
            {!customer.erased_at && (
              <button type="button" className="menu-item danger" onClick={() => { close(); setErasing(true); }}>
                <Trash2 size={16} aria-hidden="true" />מחיקת מידע אישי
              </button>
            )}
          </>
        )}
      </Menu>
      {erasing && <EraseDialog customer={customer} onClose={() => setErasing(false)} />}
    </>
  );
}

function EraseDialog({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const erase = useEraseCustomer(customer.id);
  const toast = useToast();
  const [sure, setSure] = useState(false);

  async function confirm() {
    try {
      await erase.mutateAsync();
      toast({ text: "המידע האישי של הלקוח נמחק", tone: "success" });
      onClose();
    } catch {
      // said in the dialog, from the mutation's error
    }
  }

  return (
    <Dialog title={`מחיקת המידע האישי של ${customer.name}`} onClose={onClose} footer={
      <>
        <Button icon={Trash2} variant="danger" disabled={!sure || erase.isPending} onClick={() => void confirm()}>
          {erase.isPending ? "מוחק…" : "מחיקה לצמיתות"}
        </Button>
        <Button onClick={onClose}>ביטול</Button>
      </>
    }>
      <div className="erase-explain">
        <p><strong>יימחקו לצמיתות:</strong></p>
        <ul>
          <li>השם, הטלפון, האימייל, הכתובת, ח.פ. / ע.מ. וההערות</li>
          <li>הקלטות השיחות והתמלולים (נשאר רק מתי הייתה שיחה וכמה זמן)</li>
          <li>תוכן הודעות הוואטסאפ והקבצים המצורפים</li>
          <li>כותרות והערות המשימות, וגוף החוזים שלא נחתמו</li>
        </ul>
        <p><strong>יישמרו, כנדרש בחוק:</strong></p>
        <ul>
          <li>החשבוניות, עם פרטי הקונה כפי שהיו בעת ההפקה</li>
          <li>החוזים החתומים והחתימות</li>
        </ul>
        <p className="muted">אי אפשר לבטל את המחיקה. כדי לשמור עותק למבקש, אפשר קודם „ייצוא כל המידע".</p>
        <label className="switch">
          <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} />
          <span>הבנתי שהמידע יימחק ולא יהיה אפשר לשחזר אותו</span>
        </label>
        {erase.isError && <p role="alert" className="error">{hebrewError(erase.error, "המחיקה נכשלה")}</p>}
      </div>
    </Dialog>
  );
}
