import { createBrowserRouter, Navigate } from "react-router";
import { AppLayout } from "@/app/AppLayout";
import { LoginPage } from "@/features/auth/LoginPage";
import { CustomerPage } from "@/features/customers/CustomerPage";
import { CustomersPage } from "@/features/customers/CustomersPage";

export const router = createBrowserRouter([
  { path: "/login", element: <LoginPage /> },
  {
    element: <AppLayout />,
    children: [
      { path: "/", element: <Navigate to="/crm/customers" replace /> },
      { path: "/crm/customers", element: <CustomersPage /> },
      { path: "/crm/customers/:id", element: <CustomerPage /> },
      { path: "*", element: <Navigate to="/crm/customers" replace /> },
    ],
  },
]);
