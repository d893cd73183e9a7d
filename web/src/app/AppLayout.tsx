import "@/app/shell.css";
import { useQueryClient } from "@tanstack/react-query";
import { ChartColumn, ListTodo, ScrollText, Settings, Users } from "lucide-react";
import { useEffect, useState } from "react";
import { Link, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import type { Socket } from "socket.io-client";
import { BrandMark } from "@/app/BrandMark";
import { HOME } from "@/app/returnTo";
import { UserMenu } from "@/app/UserMenu";
import { CallNotices } from "@/features/live-calls/CallNotices";
import { PresenceSwitch } from "@/features/presence/PresenceSwitch";
import { TaskDueModal } from "@/features/tasks/TaskDueModal";
import { api } from "@/lib/api";
import { connectLiveUpdates } from "@/lib/live";
import { closeSocket, getSocket } from "@/lib/socket";

const NAV = [
  { to: "/crm/customers", label: "לקוחות", icon: Users },
  { to: "/tasks", label: "משימות", icon: ListTodo },
  { to: "/calls", label: "לוח שיחות", icon: ChartColumn },
  { to: "/settings", label: "הגדרות", icon: Settings },
  { to: "/admin/audit", label: "יומן פעולות", icon: ScrollText, admin: true },
] as const;

/** Signed-in pages: restores the session from the refresh cookie, else goes to /login and,
 * once signed in, back to the very page asked for (its query and hash included). */
export function AppLayout() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [ready, setReady] = useState(api.token !== null);
  const [socket, setSocket] = useState<Socket | null>(null);

  useEffect(() => {
    let live = true;
    api.ensureSession().then((ok) => {
      if (!live) return;
      if (ok) {
        setReady(true);
        setSocket(getSocket());
      } else {
        navigate("/login", { replace: true, state: { from: location.pathname + location.search + location.hash } });
      }
    });
    return () => {
      live = false;
    };
    // once per mount: later 401s are handled by the API client
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Realtime events refresh whatever they change (the table, the card's tabs).
  useEffect(() => (socket ? connectLiveUpdates(socket, queryClient) : undefined), [socket, queryClient]);

  async function logout() {
    closeSocket();
    setSocket(null);
    await api.logout().catch(() => undefined);
    queryClient.clear();
    navigate("/login", { replace: true });
  }

  if (!ready) return <div className="page-loading" aria-busy="true" />;
  return (
    <div className="shell">
      <header className="topbar">
        <Link to={HOME} className="brand" aria-label="AgentLocator: לקוחות">
          <BrandMark />
          <span className="brand-name">AgentLocator</span>
        </Link>
        <nav className="topnav" aria-label="ניווט ראשי">
          {NAV.filter((item) => !("admin" in item) || api.user?.role === "admin").map(({ to, label, icon: Icon }) => (
            <NavLink key={to} to={to} title={label}>
              <Icon size={18} aria-hidden="true" />
              <span className="nav-label">{label}</span>
            </NavLink>
          ))}
        </nav>
        <span className="spacer" />
        <PresenceSwitch socket={socket} />
        <UserMenu user={api.user} onLogout={logout} />
      </header>
      <main className="content">
        <Outlet />
      </main>
      {socket && <TaskDueModal socket={socket} />}
      {socket && <CallNotices socket={socket} myId={api.user?.id ?? null} />}
    </div>
  );
}
