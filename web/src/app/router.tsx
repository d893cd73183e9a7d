import { createBrowserRouter, data, Navigate } from "react-router";
import { AppLayout } from "@/app/AppLayout";
import { ErrorPage, RootErrorPage } from "@/app/ErrorPage";
import { NotFoundPage } from "@/app/NotFoundPage";
import { HOME } from "@/app/returnTo";
import { LoginPage } from "@/features/auth/LoginPage";
import { CustomersPage } from "@/features/customers/CustomersPage";

/** `/crm/customers/abc` is no customer: the app's 404, before the card's chunk loads. */
function customerIdOr404({ params }: { params: { id?: string } }) {
  if (!/^\d+$/.test(params.id ?? "")) {
    throw data({ title: "הלקוח לא נמצא", text: "ייתכן שהקישור שגוי או שהלקוח נמחק." }, { status: 404 });
  }
  return null;
}

export const router = createBrowserRouter([
  { path: "/login", element: <LoginPage />, errorElement: <RootErrorPage /> },
  {
    element: <AppLayout />,
    errorElement: <RootErrorPage />,
    children: [
      {
        // A page that throws shows the error page inside the shell: the nav still works.
        errorElement: <ErrorPage />,
        children: [
          { path: "/", element: <Navigate to={HOME} replace /> },
          { path: "/crm/customers", element: <CustomersPage /> },
          {
            // The card is a chunk of its own: the first load (the customers table) stays small.
            path: "/crm/customers/:id",
            loader: customerIdOr404,
            lazy: async () => ({ Component: (await import("@/features/customers/CustomerPage")).CustomerPage }),
          },
          {
            path: "/tasks",
            lazy: async () => ({ Component: (await import("@/features/my-tasks/MyTasksPage")).MyTasksPage }),
          },
          {
            path: "/calls",
            lazy: async () => ({ Component: (await import("@/features/calls-board/CallsBoardPage")).CallsBoardPage }),
          },
          {
            // Settings too: the greeting's player and forms load only when someone opens them.
            path: "/settings",
            lazy: async () => ({ Component: (await import("@/features/settings/SettingsPage")).SettingsPage }),
          },
          {
            // Admins' audit log: its own chunk, like every page past the customers table.
            path: "/admin/audit",
            lazy: async () => ({ Component: (await import("@/features/audit/AuditPage")).AuditPage }),
          },
          {
            path: "/profile",
            lazy: async () => ({ Component: (await import("@/features/profile/ProfilePage")).ProfilePage }),
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
