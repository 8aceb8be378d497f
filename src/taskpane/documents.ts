/**
 * The pane's Word documents: the notice as a .docx, the 督办单 as one .zip
 * of a .docx per lagging department. Made from the notice the core words
 * from the last check (the same model as the notice sheet); the document
 * code (the docx and jszip libraries) loads only when a document is asked
 * for, so the pane's first load stays small.
 */
import type { NoticeModel } from "../core";

export type DocumentKind = "docx" | "letters";

export interface MadeDocument {
  readonly name: string;
  readonly type: string;
  readonly bytes: Uint8Array;
  /** Letters in the file (the .zip); 1 for the notice. */
  readonly count: number;
}

/** The file for `kind`; null for letters when no task missed its target. */
export async function makeDocument(kind: DocumentKind, notice: NoticeModel): Promise<MadeDocument | null> {
  const documents = await import("../documents");
  if (kind === "docx") return { name: documents.noticeDocxName(notice), type: documents.DOCX_MIME, bytes: await documents.noticeDocx(notice), count: 1 };
  if (notice.letters.length === 0) return null;
  return { name: documents.lettersZipName(notice), type: documents.ZIP_MIME, bytes: await documents.lettersZip(notice.letters), count: notice.letters.length };
}
