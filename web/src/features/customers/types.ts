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
  /** ח.פ. / ע.מ.: nine digits, "" for none. */
  tax_id?: string;
  /** Its personal data was erased on request (POST .../erase); null otherwise. */
  erased_at?: string | null;
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
  notes?: string;
  outcome?: string | null;
  outcome_label?: string | null;
  /** Retention or an erasure deleted its recording and transcript. */
  purged_at?: string | null;
}

export interface Message {
  id: number;
  customer_id: number | null;
  direction: "inbound" | "outbound";
  body: string;
  /** `status` "purged": retention or an erasure deleted the file. */
  media: { content_type: string; url: string | null; status?: string }[];
  status: string;
  status_label: string;
  /** Still pending, and Twilio was out at the last try: `error_message` says so; it is retried. */
  retrying?: boolean;
  error_code: number | null;
  error_message: string | null;
  content_sid: string | null;
  content_variables?: Record<string, string> | null;
  created_at: string;
  /** Retention or an erasure deleted its media. */
  purged_at?: string | null;
}

/** An approved WhatsApp template (GET /api/crm/whatsapp/templates). */
export interface Template {
  sid: string;
  name: string;
  language: string;
  category: string;
  /** The text, with its {{1}}... placeholders. */
  body: string;
  /** Each placeholder and its example value. */
  variables: Record<string, string>;
}

export interface TemplateList {
  results: Template[];
  /** Twilio could not be reached: the list last read from it. */
  stale: boolean;
}

export interface InvoiceLine {
  description: string;
  quantity: string;
  unit_price: string;
  total?: string;
}

export interface Invoice {
  id: number;
  number: number;
  customer_id: number;
  lines: InvoiceLine[];
  subtotal: string;
  vat_rate: string;
  vat: string;
  total: string;
  currency: string;
  status: string;
  status_label: string;
  issued_at: string | null;
  paid_at?: string | null;
  cancelled_at?: string | null;
  created_at: string;
  pdf_url: string;
  /** The Tax Authority's allocation number (מספר הקצאה), for large B2B invoices. */
  allocation_required?: boolean;
  allocation_status?: AllocationStatus;
  allocation_number?: string | null;
  /** Why it still waits for a number, or why it was refused. */
  allocation_error?: { code: AllocationErrorCode; message: string } | null;
  buyer_name?: string;
  buyer_tax_id?: string;
}

export type AllocationStatus = "not_required" | "pending" | "allocated" | "refused";
export type AllocationErrorCode = "unreachable" | "refused" | "no_credentials" | "unauthorized"
  | "missing_business_tax_id";

export interface Contract {
  id: number;
  customer_id: number;
  title: string;
  body: string;
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
  /** The card's tab the item lives in (the server adds it; older servers send none). */
  tab?: string;
  id: number;
  at: string;
  title: string;
  data: Record<string, unknown>;
}

export interface Timeline {
  items: TimelineItem[];
  next_before: string | null;
}
