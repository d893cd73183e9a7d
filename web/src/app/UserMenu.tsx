/** The signed-in user's menu in the top bar: who is signed in, their profile, and logging out. */
import { CircleUserRound, LogOut, UserRound } from "lucide-react";
import { Link } from "react-router";
import { Menu } from "@/components/ui/Menu";
import type { User } from "@/lib/api";

export function UserMenu({ user, onLogout }: { user: User | null; onLogout: () => void }) {
  const name = typeof user?.name === "string" && user.name ? user.name : "";
  return (
    <Menu label={name || user?.email || "החשבון שלי"} icon={CircleUserRound} className="user-menu" buttonClassName="button ghost user-button"
      title="החשבון שלי">
      {(close) => (
        <>
          <div className="user-card">
            <span className="menu-heading">מחובר/ת בתור</span>
            {name && <strong>{name}</strong>}
            {user?.email && <span className={name ? "muted" : ""} dir="ltr">{user.email}</span>}
          </div>
          <div className="menu-separator" role="separator" />
          <Link to="/profile" className="menu-item" onClick={close}>
            <UserRound size={16} aria-hidden="true" />הפרופיל שלי
          </Link>
          <button type="button" className="menu-item" onClick={() => { close(); onLogout(); }}>
            <LogOut size={16} aria-hidden="true" />התנתקות
          </button>
        </>
      )}
    </Menu>
  );
}
