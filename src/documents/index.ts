/**
 * The notice and its 督办单 as Word documents (GB/T 9704 layout), from the
 * core's notice model. Pure of Office and Node, so the command line and the
 * task pane write the same files; the pane loads this module only when a
 * document is asked for (it carries the docx and jszip libraries).
 */
import JSZip from "jszip";
import type { LetterModel, NoticeModel } from "../core";
import { gbtDocument, packDocument } from "./gbt9704-docx";

export { BODY_CHARACTER_SPACING, LINE_PITCH_TWIPS, documentParagraphs, gbtDocument, packDocument } from "./gbt9704-docx";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const ZIP_MIME = "application/zip";

/** The notice as a .docx file. */
export function noticeDocx(model: NoticeModel): Promise<Uint8Array> {
  return packDocument(gbtDocument(model, { title: model.title }));
}

/** The notice's file name: its sheet's name, `三季度督查通报.docx`. */
export function noticeDocxName(model: NoticeModel): string {
  return `${model.sheetName}.docx`;
}

/** One 督办单 as a .docx file. */
export function letterDocx(letter: LetterModel): Promise<Uint8Array> {
  return packDocument(gbtDocument(letter, { title: `${letter.title} ${letter.number}`, subject: letter.department }));
}

/** A letter's file name: the department's, `区住建局.docx`. */
export function letterFileName(letter: LetterModel): string {
  return `${letter.fileStem}.docx`;
}

/** Every letter in one .zip, each file named after its department. */
export async function lettersZip(letters: readonly LetterModel[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const letter of letters) zip.file(letterFileName(letter), await letterDocx(letter), { binary: true });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The zip's file name: `三季度督查通报-督办单.zip`. */
export function lettersZipName(model: NoticeModel): string {
  return `${model.sheetName}-督办单.zip`;
}
