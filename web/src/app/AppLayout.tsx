import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { NavLink, Outlet, useLocation, useNavigate } from "react-router";
import type { Socket } from "socket.io-client";
import { TaskDueModal } from "@/features/tasks/TaskDueModal";
import { api } from "@/lib/api";
import { connectLiveUpdates } from "@/lib/live";
import { closeSocket, getSocket } from "@/lib/socket";

/** Signed-in pages: restores the session from the refresh cookie, else goes to /login. */
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
        navigate("/login", { replace: true, state: { from: location.pathname } });
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
        <strong className="brand">AgentLocator</strong>
        <nav>
          <NavLink to="/crm/customers">לקוחות</NavLink>
          <NavLink to="/settings">הגדרות</NavLink>
        </nav>
        <span className="spacer" />
        <span className="muted">{api.user?.email}</span>
        <button type="button" className="button" onClick={logout}>
          התנתקות
        </button>
      </header>
      <main className="content">
        <Outlet />
      </main>
      {socket && <TaskDueModal socket={socket} />}
    </div>
  );
}
