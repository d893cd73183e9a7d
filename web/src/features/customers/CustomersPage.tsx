import { useNavigate } from "react-router";
import { DataTable } from "@/components/DataTable";
import { exportCustomers, getCustomers } from "@/features/customers/api/get-customers";
import { customerColumns } from "@/features/customers/columns";

export function CustomersPage() {
  const navigate = useNavigate();
  return (
    <>
      <h1>לקוחות</h1>
      <DataTable
        resource="customers"
        caption="לקוחות"
        columns={customerColumns}
        fetchPage={getCustomers}
        exportCsv={exportCustomers}
        initialSort={[{ id: "created_at", desc: true }]}
        searchLabel="חיפוש לפי שם, טלפון או אימייל"
        onRowClick={(customer) => navigate(`/crm/customers/${customer.id}`)}
      />
    </>
  );
}
