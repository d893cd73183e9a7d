export interface Customer {
  id: number;
  name: string;
  phone: string | null;
  phone_display: string | null; // as people read it (server/phones.py), as every *_display field
  email: string | null;
  status: string;
  status_label: string; // Hebrew (server/labels.json), as every *_label field
  owner_id: number | null;
  address?: string;
  notes?: string;
  source?: string;
  source_label?: string;
  created_at: string;
  updated_at: string;
  last_contact_at: string | null;
}

export interface Call {
  id: number;
  call_sid: string;
  customer_id: number | null;
  direction: string;
  direction_label: string;
  status: string;
  status_label: string;
  from_number: string;
  from_number_display: string;
  to_number: string;
  to_number_display: string;
  started_at: string;
  duration: number | null;
  recording_url: string | null;
  transcript: string | null;
  transcript_status: string;
  transcript_status_label: string;
}

export interface Message {
  id: number;
  customer_id: number | null;
  direction: "inbound" | "outbound";
  body: string;
  media: { content_type: string; url: string | null }[];
  status: string;
  status_label: string;
  error_code: number | null;
  error_message: string | null;
  content_sid: string | null;
  created_at: string;
}

export interface Invoice {
  id: number;
  number: number;
  customer_id: number;
  total: string;
  currency: string;
  status: string;
  status_label: string;
  issued_at: string | null;
  created_at: string;
  pdf_url: string;
}

export interface Contract {
  id: number;
  customer_id: number;
  title: string;
  status: string;
  status_label: string;
  sign_url: string | null;
  sent_at: string | null;
  signed_at: string | null;
  pdf_url: string;
  created_at: string;
}

export interface Signature {
  id: number;
  contract_id: number;
  signer_name: string;
  signed_at: string;
}

export interface TimelineItem {
  type: "call" | "whatsapp" | "task" | "invoice" | "contract";
  type_label: string;
  id: number;
  at: string;
  title: string;
  data: Record<string, unknown>;
}

export interface Timeline {
  items: TimelineItem[];
  next_before: string | null;
}
