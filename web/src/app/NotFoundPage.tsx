/** The app's own 404: inside the shell for an unknown path (the server answers every app path
 * with the app, server/webapp.py), and as a body for a page whose record does not exist. */
import { ArrowRight, MapPinOff } from "lucide-react";
import { Link } from "react-router";
import { EmptyState } from "@/components/ui/EmptyState";
import { HOME } from "@/app/returnTo";

export function NotFound({ title = "הדף לא נמצא", text = "ייתכן שהקישור שגוי, או שהדף הוסר." }: {
  title?: string;
  text?: string;
}) {
  return (
    <section className="not-found" aria-labelledby="not-found-title" data-testid="not-found">
      <EmptyState icon={MapPinOff} title={title}
        action={<Link to={HOME} className="button primary"><ArrowRight size={16} aria-hidden="true" />חזרה ללקוחות</Link>}>
        <p>{text}</p>
      </EmptyState>
      <h1 id="not-found-title" className="visually-hidden">{title}</h1>
    </section>
  );
}

export function NotFoundPage() {
  return <NotFound />;
}
