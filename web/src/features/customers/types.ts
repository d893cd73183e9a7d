export interface Customer {
  id: number;
  name: string;
  phone: string;
  email: string | null;
  status: string;
  owner_id: number | null;
  created_at: string;
  updated_at: string;
  last_contact_at: string | null;
}
