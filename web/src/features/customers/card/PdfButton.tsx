import { FileDown } from "lucide-react";
import { openPdf } from "@/features/customers/api/card";
import { Button } from "@/components/ui/Button";
import { useToast } from "@/components/ui/Toast";
import { hebrewError } from "@/lib/errors";

/** The document's PDF, fetched with the token and opened in a new tab. */
export function PdfButton({ path, name }: { path: string; name: string }) {
  const toast = useToast();
  return (
    <Button icon={FileDown} variant="small" aria-label={`PDF של ${name}`}
      onClick={() => openPdf(path).catch((e: unknown) => toast({ text: hebrewError(e, "פתיחת ה-PDF נכשלה"), tone: "error" }))}>
      PDF
    </Button>
  );
}
