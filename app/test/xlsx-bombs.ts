// Hostile workbooks for the upload tests: minimal XLSX files whose one sheet inflates to a
// great many rows. Built as a stream (the XML never exists whole in memory), and optionally
// with a central directory that lies about the sizes, as a crafted bomb would.
import { crc32, createDeflateRaw } from "node:zlib";

type Part = { name: string; chunks: () => Iterable<string> };

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

function* sheet(rows: number, cellsPerRow: number): Iterable<string> {
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
  const columns = Array.from({ length: cellsPerRow }, (_, i) => String.fromCharCode(65 + (i % 26)));
  let batch = "";
  for (let r = 1; r <= rows; r++) {
    const cells = columns
      .map(
        (c, i) => `<c r="${c}${r}" t="inlineStr"><is><t>张三丰${i}号的很长很长的名字</t></is></c>`,
      )
      .join("");
    batch += `<row r="${r}">${cells}</row>`;
    if (r % 1000 === 0) {
      yield batch;
      batch = "";
    }
  }
  yield `${batch}</sheetData></worksheet>`;
}

async function deflate(part: Part): Promise<{ data: Buffer; size: number; crc: number }> {
  const out: Buffer[] = [];
  const stream = createDeflateRaw({ level: 6 });
  stream.on("data", (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  let size = 0;
  let crc = 0;
  for (const text of part.chunks()) {
    const bytes = Buffer.from(text, "utf8");
    size += bytes.length;
    crc = crc32(bytes, crc);
    if (!stream.write(bytes)) await new Promise((r) => stream.once("drain", r));
  }
  stream.end();
  await done;
  return { data: Buffer.concat(out), size, crc };
}

/**
 * A workbook whose sheet has `rows` rows of `cellsPerRow` text cells. With `lie`, the ZIP
 * says every entry inflates to 1 KB; with `declare`, to that many bytes.
 */
export async function xlsxBomb(options: {
  rows: number;
  cellsPerRow?: number;
  lie?: boolean;
  /** What the ZIP says every entry inflates to, instead of the truth */
  declare?: number;
}): Promise<Uint8Array<ArrayBuffer>> {
  const parts: Part[] = [
    { name: "[Content_Types].xml", chunks: () => [CONTENT_TYPES] },
    { name: "_rels/.rels", chunks: () => [RELS] },
    { name: "xl/workbook.xml", chunks: () => [WORKBOOK] },
    { name: "xl/_rels/workbook.xml.rels", chunks: () => [WORKBOOK_RELS] },
    {
      name: "xl/worksheets/sheet1.xml",
      chunks: () => sheet(options.rows, options.cellsPerRow ?? 8),
    },
  ];
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { data, size, crc } = await deflate(part);
    const declared = options.declare ?? (options.lie ? 1024 : size);
    const name = Buffer.from(part.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
