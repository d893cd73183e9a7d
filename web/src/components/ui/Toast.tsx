/**
 * Toasts: short notices at the bottom of the screen ("נשמר", "השיחה יוצאת", a failure with its
 * reason), announced to screen readers. Errors stay until closed; the rest go after a few
 * seconds. `useToast()` anywhere under <ToastProvider>; a toast may carry one action (open the
 * card of an incoming call, undo). A toast with a `key` is one notice that changes in place
 * (an incoming call that is then answered): showing the key again replaces it, and
 * `useToastControls().dismiss(key)` closes it.
 */
import { CircleAlert, CircleCheck, Info, type LucideIcon, X } from "lucide-react";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from "react";

export type ToastTone = "info" | "success" | "error";

export interface ToastInput {
  text: string;
  tone?: ToastTone;
  action?: { label: string; onClick: () => void };
  /** Milliseconds on screen; 0 stays until closed; errors default to staying until closed. */
  duration?: number;
  /** One notice per key: a new toast with this key replaces the one on screen. */
  key?: string;
  /** A heading above the text (e.g. "שיחה נכנסת"). */
  title?: string;
  /** An icon of its own instead of the tone's (a ringing phone). */
  icon?: LucideIcon;
  /** The user put it away (its close button or its action); not called when it times out. */
  onClose?: () => void;
}

interface ShownToast extends ToastInput {
  id: number;
}

const DEFAULT_DURATION = 5000;
const ICONS = { info: Info, success: CircleCheck, error: CircleAlert };

interface ToastControls {
  show: (toast: ToastInput) => void;
  dismiss: (key: string) => void;
}

const ToastContext = createContext<ToastControls>({ show: () => undefined, dismiss: () => undefined });

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ShownToast[]>([]);
  const next = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback((toast: ToastInput) => {
    const id = next.current++;
    setToasts((all) => {
      // A keyed toast keeps its place on screen; its earlier timer finds no toast of its id.
      const at = toast.key === undefined ? -1 : all.findIndex((t) => t.key === toast.key);
      if (at >= 0) return all.map((t, i) => (i === at ? { ...toast, id } : t));
      return [...all.slice(-3), { ...toast, id }];
    });
    const duration = toast.duration ?? (toast.tone === "error" ? 0 : DEFAULT_DURATION);
    if (duration > 0) setTimeout(() => dismiss(id), duration);
  }, [dismiss]);
  const dismissKey = useCallback((key: string) => setToasts((all) => all.filter((t) => t.key !== key)), []);

  const value = useMemo(() => ({ show, dismiss: dismissKey }), [show, dismissKey]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="region" aria-label="הודעות">
        {toasts.map((toast) => {
          const tone = toast.tone ?? "info";
          const Icon = toast.icon ?? ICONS[tone];
          return (
            <div key={toast.id} className={`toast toast-${tone}`} role={tone === "error" ? "alert" : "status"}
              data-testid="toast" data-key={toast.key}>
              <Icon size={18} aria-hidden="true" />
              {toast.title ? (
                <span className="toast-text"><strong className="toast-title">{toast.title}</strong>{toast.text}</span>
              ) : <span className="toast-text">{toast.text}</span>}
              {toast.action && (
                <button type="button" className="button small" onClick={() => {
                  toast.action!.onClick();
                  toast.onClose?.();
                  dismiss(toast.id);
                }}>
                  {toast.action.label}
                </button>
              )}
              <button type="button" className="icon-button" aria-label="סגירת ההודעה" onClick={() => {
                toast.onClose?.();
                dismiss(toast.id);
              }}>
                <X size={16} aria-hidden="true" />
              </button>
            </div>
          );
        })}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): (toast: ToastInput) => void {
  return useContext(ToastContext).show;
}

/** Show and close keyed notices (the screen pop). */
export function useToastControls(): ToastControls {
  return useContext(ToastContext);
}
