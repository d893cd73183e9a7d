/**
 * "תצוגות": the user's saved layouts of a table (the desktop's too): apply one, save the
 * current layout under a name, rename, delete (after asking) and mark the one that opens with
 * the page. Applying writes the view's state into the URL, like any other change.
 */
import { Bookmark, Pencil, Plus, Star, Trash2 } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { Menu } from "@/components/ui/Menu";
import { useToast } from "@/components/ui/Toast";
import { useViewActions, useViews } from "@/features/views/api";
import type { SavedView } from "@/features/views/types";
import { type FilterKeys, layoutFromState, showsView, stateFromView } from "@/features/views/viewState";
import { ApiError } from "@/lib/api";
import { hebrewError } from "@/lib/errors";
import type { TableSpec, TableState } from "@/lib/tableUrl";

type Open = { kind: "save" } | { kind: "rename"; view: SavedView } | { kind: "delete"; view: SavedView } | null;

function failure(error: unknown, what: string): string {
  if (error instanceof ApiError && error.code === "duplicate_name") return `${what}: כבר יש לך תצוגה בשם הזה`;
  return hebrewError(error, what);
}

export function ViewsMenu({ resource, spec, filterKeys, state, onApply }: {
  resource: string;
  spec: TableSpec;
  filterKeys: FilterKeys;
  state: TableState;
  onApply: (state: TableState) => void;
}) {
  const views = useViews(resource);
  const { create, update, remove } = useViewActions(resource);
  const toast = useToast();
  const [open, setOpen] = useState<Open>(null);
  const list = views.data ?? [];

  async function run(action: () => Promise<unknown>, done: string, what: string) {
    try {
      await action();
      toast({ text: done, tone: "success" });
      setOpen(null);
    } catch (error) {
      toast({ text: failure(error, what), tone: "error" });
    }
  }

  return (
    <>
      <Menu label="תצוגות" icon={Bookmark} title="תצוגות שמורות">
        {(close) => (
          <>
            <p className="menu-heading">התצוגות שלי</p>
            {views.isPending && <p className="menu-note">טוען…</p>}
            {views.isError && <p className="menu-note error-text">התצוגות לא נטענו</p>}
            {views.isSuccess && list.length === 0 && <p className="menu-note">אין עדיין תצוגות שמורות</p>}
            {list.map((view) => (
              <div key={view.id} className="view-row" data-testid="view-row">
                <button type="button" className="menu-item" role="menuitemradio"
                  aria-checked={showsView(view, state, spec, filterKeys)}
                  onClick={() => {
                    onApply(stateFromView(view, spec, filterKeys, state));
                    close();
                  }}>
                  <span className="view-name">{view.name}</span>
                  {view.is_default && <span className="view-default">ברירת מחדל</span>}
                </button>
                <button type="button" className="icon-button small" aria-pressed={view.is_default}
                  aria-label={view.is_default ? `ביטול ברירת המחדל: ${view.name}` : `ברירת מחדל: ${view.name}`}
                  title={view.is_default ? "ביטול ברירת המחדל" : "תיפתח עם הדף"}
                  onClick={() => run(() => update.mutateAsync({ id: view.id, changes: { is_default: !view.is_default } }),
                    view.is_default ? "התצוגה כבר לא ברירת המחדל" : "התצוגה תיפתח עם הדף", "הסימון נכשל")}>
                  <Star size={15} aria-hidden="true" fill={view.is_default ? "currentColor" : "none"} />
                </button>
                <button type="button" className="icon-button small" aria-label={`שינוי שם: ${view.name}`} title="שינוי שם"
                  onClick={() => { close(); setOpen({ kind: "rename", view }); }}>
                  <Pencil size={15} aria-hidden="true" />
                </button>
                <button type="button" className="icon-button small" aria-label={`מחיקה: ${view.name}`} title="מחיקה"
                  onClick={() => { close(); setOpen({ kind: "delete", view }); }}>
                  <Trash2 size={15} aria-hidden="true" />
                </button>
              </div>
            ))}
            <div className="menu-separator" />
            <button type="button" className="menu-item" onClick={() => { close(); setOpen({ kind: "save" }); }}>
              <Plus size={16} aria-hidden="true" />
              שמירת התצוגה הנוכחית
            </button>
          </>
        )}
      </Menu>

      {open?.kind === "save" && (
        <NameDialog title="שמירת התצוגה הנוכחית" submit="שמירה" initial="" busy={create.isPending}
          onClose={() => setOpen(null)}
          onSubmit={(name) => run(() => create.mutateAsync({ ...layoutFromState(state, filterKeys), name }),
            `התצוגה „${name}" נשמרה`, "שמירת התצוגה נכשלה")} />
      )}
      {open?.kind === "rename" && (
        <NameDialog title="שינוי שם התצוגה" submit="שמירה" initial={open.view.name} busy={update.isPending}
          onClose={() => setOpen(null)}
          onSubmit={(name) => run(() => update.mutateAsync({ id: open.view.id, changes: { name } }),
            "שם התצוגה שונה", "שינוי השם נכשל")} />
      )}
      {open?.kind === "delete" && (
        <Dialog title="מחיקת תצוגה" onClose={() => setOpen(null)} footer={
          <>
            <Button variant="danger" icon={Trash2} disabled={remove.isPending}
              onClick={() => run(() => remove.mutateAsync(open.view.id), "התצוגה נמחקה", "המחיקה נכשלה")}>
              מחיקה
            </Button>
            <Button variant="ghost" onClick={() => setOpen(null)}>ביטול</Button>
          </>
        }>
          <p>למחוק את התצוגה „{open.view.name}"? הטבלה עצמה לא תשתנה.</p>
        </Dialog>
      )}
    </>
  );
}

function NameDialog({ title, submit, initial, busy, onClose, onSubmit }: {
  title: string;
  submit: string;
  initial: string;
  busy: boolean;
  onClose: () => void;
  onSubmit: (name: string) => void;
}) {
  const [name, setName] = useState(initial);
  const formId = `view-name-${title.length}`;
  function send(event: FormEvent) {
    event.preventDefault();
    if (name.trim()) onSubmit(name.trim());
  }
  return (
    <Dialog title={title} onClose={onClose} footer={
      <>
        <Button type="submit" form={formId} variant="primary" disabled={busy || !name.trim()}>{submit}</Button>
        <Button variant="ghost" onClick={onClose}>ביטול</Button>
      </>
    }>
      <form id={formId} className="view-name-form" onSubmit={send}>
        <label>
          שם התצוגה
          <input type="text" value={name} maxLength={100} required data-autofocus
            onChange={(e) => setName(e.target.value)} />
        </label>
      </form>
    </Dialog>
  );
}
