import { createBrowserRouter, Navigate } from "react-router";
import { AppLayout } from "@/app/AppLayout";
import { LoginPage } from "@/features/auth/LoginPage";
import { CustomersPage } from "@/features/customers/CustomersPage";

export const router = createBrowserRouter([
  { path: "/login", element: <LoginPage /> },
  {
    element: <AppLayout />,
    children: [
      { path: "/", element: <Navigate to="/crm/customers" replace /> },
      { path: "/crm/customers", element: <CustomersPage /> },
      {
        // The card is a chunk of its own: the first load (the customers table) stays small.
        path: "/crm/customers/:id",
        lazy: async () => ({ Component: (await import("@/features/customers/CustomerPage")).CustomerPage }),
      },
      {
        // Settings too: the greeting's player and forms load only when someone opens them.
        path: "/settings",
        lazy: async () => ({ Component: (await import("@/features/settings/SettingsPage")).SettingsPage }),
      },
      { path: "/profile", lazy: async () => ({ Component: (await import("@/features/profile/ProfilePage")).ProfilePage }) },
      { path: "*", element: <Navigate to="/crm/customers" replace /> },
    ],
  },
]);
