/**
 * Toasts: short notices at the bottom of the screen ("נשמר", "השיחה יוצאת", a failure with its
 * reason), announced to screen readers. Errors stay until closed; the rest go after a few
 * seconds. `useToast()` anywhere under <ToastProvider>; a toast may carry one action (open the
 * card of an incoming call, undo).
 */
import { CircleAlert, CircleCheck, Info, X } from "lucide-react";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from "react";

export type ToastTone = "info" | "success" | "error";

export interface ToastInput {
  text: string;
  tone?: ToastTone;
  action?: { label: string; onClick: () => void };
  /** Milliseconds on screen; errors default to staying until closed. */
  duration?: number;
}

interface ShownToast extends ToastInput {
  id: number;
}

const DEFAULT_DURATION = 5000;
const ICONS = { info: Info, success: CircleCheck, error: CircleAlert };

const ToastContext = createContext<(toast: ToastInput) => void>(() => undefined);

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ShownToast[]>([]);
  const next = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback((toast: ToastInput) => {
    const id = next.current++;
    setToasts((all) => [...all.slice(-3), { ...toast, id }]);
    const duration = toast.duration ?? (toast.tone === "error" ? 0 : DEFAULT_DURATION);
    if (duration > 0) setTimeout(() => dismiss(id), duration);
  }, [dismiss]);

  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="region" aria-label="הודעות">
        {toasts.map((toast) => {
          const tone = toast.tone ?? "info";
          const Icon = ICONS[tone];
          return (
            <div key={toast.id} className={`toast toast-${tone}`} role={tone === "error" ? "alert" : "status"}
              data-testid="toast">
              <Icon size={18} aria-hidden="true" />
              <span className="toast-text">{toast.text}</span>
              {toast.action && (
                <button type="button" className="button small" onClick={() => {
                  toast.action!.onClick();
                  dismiss(toast.id);
                }}>
                  {toast.action.label}
                </button>
              )}
              <button type="button" className="icon-button" aria-label="סגירת ההודעה" onClick={() => dismiss(toast.id)}>
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
  return useContext(ToastContext);
}
