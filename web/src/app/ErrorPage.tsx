/**
 * What a route shows when it throws (a render error, a page's chunk that failed to load after a
 * deploy): "משהו השתבש" and a reload, never a stack or English. A route's 404 (the card of a
 * non-numeric id) is the app's 404 instead. Inside the shell for the signed-in pages; the whole
 * screen when the shell itself failed.
 */
import { RotateCw, TriangleAlert } from "lucide-react";
import { isRouteErrorResponse, useRouteError } from "react-router";
import { NotFound } from "@/app/NotFoundPage";
import { EmptyState } from "@/components/ui/EmptyState";

export function ErrorPage({ fullScreen = false }: { fullScreen?: boolean }) {
  const error = useRouteError();
  // A route's 404 may say what was not found (`{title, text}`): "הלקוח לא נמצא" for a card.
  if (isRouteErrorResponse(error) && error.status === 404) {
    const said = (error.data ?? {}) as { title?: string; text?: string };
    return <NotFound title={said.title} text={said.text} />;
  }
  return (
    <section className={`error-page ${fullScreen ? "full-screen" : ""}`} role="alert" data-testid="error-page">
      <EmptyState icon={TriangleAlert} title="משהו השתבש"
        action={
          <button type="button" className="button primary" onClick={() => window.location.reload()}>
            <RotateCw size={16} aria-hidden="true" />טעינה מחדש
          </button>
        }>
        <p>הדף נתקל בתקלה. טעינה מחדש פותרת את רוב המקרים; אם זה חוזר, פנו למנהל המערכת.</p>
      </EmptyState>
    </section>
  );
}

export const RootErrorPage = () => <ErrorPage fullScreen />;
