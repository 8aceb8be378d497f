// The floor for the command line: ExcelJS alone reading and writing the same file (plain JavaScript, as the bundled command runs).
import ExcelJS from "exceljs";

const [input, output] = process.argv.slice(2);
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(input);
await wb.xlsx.writeFile(output);
