import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import {
  NotCsvText,
  byteRange,
  bytePieces,
  csvPieces,
  csvRowChunks,
  csvShapes,
  firstPassCut,
  parseCsvPiece,
  type CsvEncoding,
} from "./csv-chunks.server";

async function chunked(bytes: Uint8Array, size: number, encoding: CsvEncoding = "utf-8") {
  const rows: string[][] = [];
  for await (const chunk of csvRowChunks(bytePieces(bytes, size), encoding)) rows.push(...chunk);
  return rows;
}

/** The whole-file reading the chunks must reproduce (trailing empty record aside). */
function whole(text: string): string[][] {
  const rows = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), {
    skipEmptyLines: false,
  }).data.map((row) => row.map((c) => String(c ?? "").trim()));
  const last = rows[rows.length - 1];
  if (last && last.length === 1 && last[0] === "" && /\n$/.test(text)) rows.pop();
  return rows;
}

const TRICKY = [
  "\uFEFF姓名,身份证号,备注",
  '张三,610102199001011234,"一行\n两行"',
  '"李""四",610102199001011235,"逗号,在里面"',
  "",
  "王五 , 610102199001011236 ,\r",
  '赵六,610102199001011237,"结尾的引号"""',
  "钱七,610102199001011238,最后一行",
].join("\n");

describe("csvRowChunks", () => {
  it("reads the same records as one parse of the whole file, at every piece size", async () => {
    const bytes = new TextEncoder().encode(TRICKY);
    const expected = whole(TRICKY);
    expect(expected.length).toBe(7);
    for (const size of [1, 2, 3, 5, 7, 16, 64, 1 << 20])
      expect(await chunked(bytes, size), `piece size ${size}`).toEqual(expected);
    const withBreak = new TextEncoder().encode(`${TRICKY}\n`);
    expect(await chunked(withBreak, 4)).toEqual(expected);
  });

  it("reads CRLF files and multi-byte characters cut between pieces", async () => {
    const text = "姓名,工种\r\n张三,车工\r\n李四,钳工\r\n";
    const bytes = new TextEncoder().encode(text);
    for (const size of [1, 2, 3, 4]) {
      expect(await chunked(bytes, size)).toEqual([
        ["姓名", "工种"],
        ["张三", "车工"],
        ["李四", "钳工"],
      ]);
    }
  });

  it("refuses bytes that are not the encoding, and binary files", async () => {
    // "张三" in GB18030 is not UTF-8.
    const gb = new Uint8Array([0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0x31, 0x0a]);
    await expect(chunked(gb, 2)).rejects.toBeInstanceOf(NotCsvText);
    expect(await chunked(gb, 2, "gb18030")).toEqual([["张三", "1"]]);
    await expect(chunked(new Uint8Array([0x61, 0x00, 0x62]), 8)).rejects.toBeInstanceOf(NotCsvText);
  });
});

describe("csvPieces", () => {
  it("cuts the text after every n records (the header besides), each piece parsing to its own", async () => {
    const crlf = ["姓名,备注", '张三,"一行\r\n两行"', '"李""四",", 逗号"', "", "王五,x", "赵六,y"];
    for (const text of [TRICKY, `${TRICKY}\n`, `${crlf.join("\r\n")}\r\n`]) {
      const bytes = new TextEncoder().encode(text);
      const expected = whole(text);
      for (const records of [1, 2, 3, 100]) {
        for (const size of [1, 3, 7, 1 << 20]) {
          const pieces: string[][][] = [];
          for await (const piece of csvPieces(bytePieces(bytes, size), "utf-8", records)) {
            pieces.push(parseCsvPiece(piece));
            expect(piece.records).toBe(pieces.at(-1)!.length);
          }
          const label = `${JSON.stringify(text.slice(-8))}: ${records} records, piece size ${size}`;
          expect(pieces.flat(), label).toEqual(expected);
          // Every piece but the last holds n records, the first one more (the header).
          pieces
            .slice(0, -1)
            .forEach((p, i) => expect(p.length, label).toBe(records + (i === 0 ? 1 : 0)));
        }
      }
    }
  });

  it("cuts a GB18030 file's bytes between characters, whatever the reads", async () => {
    // 张三,"1\n2" / 李四,3 / 王五,4 in GB18030: no byte of a Chinese character is a line
    // feed or a quote, so the cuts fall between records.
    const gb = [0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0x22, 0x31, 0x0a, 0x32, 0x22, 0x0a];
    const li = [0xc0, 0xee, 0xcb, 0xc4, 0x2c, 0x33, 0x0a];
    const wang = [0xcd, 0xf5, 0xce, 0xe5, 0x2c, 0x34, 0x0a];
    const bytes = new Uint8Array([...gb, ...li, ...wang]);
    for (const size of [1, 2, 3, 5, 1 << 20]) {
      const pieces: string[][][] = [];
      for await (const piece of csvPieces(bytePieces(bytes, size), "gb18030", 1))
        pieces.push(parseCsvPiece(piece));
      expect(pieces, `piece size ${size}`).toEqual([
        [
          ["张三", "1\n2"],
          ["李四", "3"],
        ],
        [["王五", "4"]],
      ]);
    }
  });
});

/**
 * What the first pass makes of a record: each cell blank or not, and the first cell itself
 * where it could start an example row's marker (isSampleRow).
 */
function shapeOf(record: readonly string[]): string[] {
  return record.map((cell, i) => {
    const text = cell.trim();
    if (text === "") return "";
    const c = text.charCodeAt(0);
    if (i > 0 || (c > 0x20 && c < 0x7f && c !== 0x5b) || (c >= 0x4e00 && c <= 0x9fff)) return "x";
    return text;
  });
}

describe("csvShapes", () => {
  it("gives the first pass the records csvRowChunks reads, as stand-ins where no quote is", async () => {
    const many = (n: number, row: (i: number) => string) =>
      Array.from({ length: n }, (_, i) => row(i));
    const plain = [
      "姓名,身份证号,性别,备注",
      ...many(40, (i) => `职工${i},6101021990010112${i % 10},男,`),
    ];
    const odd = [
      "姓名,身份证号,备注,",
      ...many(15, (i) => `职工${i}, 1 ,\u3000,`),
      "",
      " , \t ,,",
      "【示例】张三,110101199003074514,男",
      " 【示例】李四,1,2",
      "[示例],1",
      "\uFEFF,x",
      "\u3000王五,,,尾",
      ",,,,,,",
      ...many(15, (i) => `a${i},b,c,d`),
    ];
    const texts = [
      TRICKY,
      `${plain.join("\n")}\n`,
      `\uFEFF${plain.join("\r\n")}\r\n`,
      // Mixed line breaks: a CRLF file with LF lines, an LF file with CRLF lines.
      `${plain.slice(0, 20).join("\r\n")}\r\n${plain.slice(20).join("\n")}`,
      `${plain.slice(0, 20).join("\n")}\n${plain.slice(20).join("\r\n")}\r\n`,
      `${odd.join("\n")}\n`,
      odd.join("\r\n"),
      // Other delimiters that Papa Parse guesses, and a quote far down the file.
      plain.map((l) => l.replaceAll(",", "\t")).join("\n"),
      plain.map((l) => l.replaceAll(",", ";")).join("\n"),
      [...plain, '"引号",1,2,"三\n行"', ...plain.slice(1)].join("\n"),
      plain.join("\r"),
    ];
    for (const text of texts) {
      const bytes = new TextEncoder().encode(text);
      for (const size of [7, 64, 333, 1 << 20]) {
        const label = `${JSON.stringify(text.slice(0, 12))}, piece size ${size}`;
        const expected = (await chunked(bytes, size)).map(shapeOf);
        const shapes: string[][] = [];
        let read = 0;
        let first: readonly string[] | null = null;
        await csvShapes(
          bytePieces(bytes, size),
          "utf-8",
          (record) => {
            first ??= record;
            shapes.push(shapeOf(record));
          },
          (n) => void (read += n),
        );
        expect(shapes, label).toEqual(expected);
        expect(read, label).toBe(bytes.byteLength);
        // The header is the record itself (TableShape keeps it), never a stand-in.
        expect(first, label).toEqual((await chunked(bytes, size))[0]);
      }
    }
  });
});

describe("firstPassCut", () => {
  const rows = Array.from({ length: 200 }, (_, i) => `职工${i},61010219900101123${i % 10},男`);
  const cut = (text: string) => {
    const bytes = new TextEncoder().encode(text);
    return firstPassCut({ bytes }, bytes.byteLength, "utf-8");
  };

  it("cuts at the first line break after the middle, with the file's line break", async () => {
    for (const newline of ["\n", "\r\n"]) {
      const text = `姓名,身份证号,性别${newline}${rows.join(newline)}${newline}`;
      const bytes = new TextEncoder().encode(text);
      const found = await cut(text);
      expect(found?.newline).toBe(newline);
      const at = found!.at;
      expect(at).toBeGreaterThan(bytes.byteLength / 2);
      expect(bytes[at - 1]).toBe(10);
      expect(bytes.subarray(Math.floor(bytes.byteLength / 2), at - 1).includes(10)).toBe(false);
      // Its two halves are the file's records, none split.
      const halves: string[][] = [];
      for (const [start, end] of [
        [0, at],
        [at, bytes.byteLength],
      ] as const)
        for await (const chunk of csvRowChunks(byteRange({ bytes }, start, end), "utf-8"))
          halves.push(...chunk);
      expect(halves).toEqual(await chunked(bytes, 1 << 20));
    }
  });

  it("leaves a file to one pass where a half might not start at a record", async () => {
    const body = rows.join("\n");
    // A quote before the middle may open a cell with line breaks in it.
    expect(await cut(`姓名,身份证号,"性别"\n${body}\n`)).toBeNull();
    // Line breaks of CR alone; no line break after the middle.
    expect(await cut(`姓名,身份证号,性别\r${rows.join("\r")}\r`)).toBeNull();
    expect(await cut(`姓名\n${"x".repeat(5000)}`)).toBeNull();
    // A second half starting with a byte-order mark, which its decoder would drop.
    const half = `姓名,身份证号,性别\n${rows.slice(0, 100).join("\n")}\n`;
    const marked = `${half}\uFEFF${"y".repeat(new TextEncoder().encode(half).byteLength - 10)}\n`;
    expect(await cut(marked)).toBeNull();
    expect(await cut(marked.replace("\uFEFF", "z"))).not.toBeNull();
    // Not UTF-8 at its start: the one pass says so.
    const gb = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 10, ...new TextEncoder().encode(body)]);
    expect(await firstPassCut({ bytes: gb }, gb.byteLength, "utf-8")).toBeNull();
    expect(await cut("")).toBeNull();
  });
});

describe("parseCsvPiece", () => {
  /** What parseCsvPiece must return: Papa Parse's records of the whole piece, trimmed. */
  function papaRecords(piece: { text: string; endsWithBreak: boolean; newline: LineBreak }) {
    const rows = Papa.parse<string[]>(piece.text, {
      skipEmptyLines: false,
      newline: piece.newline,
    }).data.map((row) => row.map((c) => String(c ?? "").trim()));
    if (piece.endsWithBreak) rows.pop();
    return rows;
  }

  type LineBreak = "\n" | "\r\n" | "\r";
  const BREAKS: LineBreak[] = ["\n", "\r\n", "\r"];

  it("reads a piece without quotes as Papa Parse reads it, whatever its delimiter", () => {
    // Pieces without a quote are split here, with the delimiter Papa Parse guesses from the
    // first ten records: random text over delimiters, blanks, line breaks, a byte-order mark
    // and ideographs must come out as Papa Parse's own reading of the whole piece.
    const alphabet = ["a", "中", " ", ",", ";", "\t", "|", "\u001e", "\u001f", "\n", "\r", "\r\n"];
    let seed = 13;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let compared = 0;
    for (let round = 0; round < 600; round++) {
      const length = random(3) === 0 ? random(8) : random(400);
      let text = random(5) === 0 ? "\uFEFF" : "";
      for (let i = 0; i < length; i++) text += alphabet[random(alphabet.length)];
      for (const newline of BREAKS) {
        for (const endsWithBreak of [false, true]) {
          const piece = { text: endsWithBreak ? text + newline : text, endsWithBreak, newline };
          expect(parseCsvPiece(piece), JSON.stringify(piece)).toEqual(papaRecords(piece));
          compared++;
        }
      }
    }
    expect(compared).toBe(3600);
  });

  it("guesses the delimiter from the first ten records, as Papa Parse does", () => {
    const semicolons = Array.from({ length: 10 }, (_, i) => `名${i};61010219900101${i}`);
    const commas = Array.from({ length: 30 }, (_, i) => `a,b,c${i}`);
    const lines = [...semicolons, ...commas];
    for (const newline of BREAKS) {
      const piece = {
        text: `\uFEFF${lines.join(newline)}${newline}`,
        endsWithBreak: true,
        newline,
      };
      const rows = parseCsvPiece(piece);
      expect(rows).toEqual(papaRecords(piece));
      expect(rows[0]).toEqual(["名0", "61010219900101" + "0"]);
      expect(rows[10]).toEqual(["a,b,c0"]);
    }
    // Eleven records: the guess is made on all of them alike.
    const eleven = {
      text: [...semicolons, "x,y,z"].join("\n"),
      endsWithBreak: false,
      newline: "\n" as const,
    };
    expect(parseCsvPiece(eleven)).toEqual(papaRecords(eleven));
  });

  it("reads a piece with a quote through Papa Parse", () => {
    const piece = {
      text: '张三,"一行\n两行"\n李四,"a,b"\n',
      endsWithBreak: true,
      newline: "\n" as const,
    };
    expect(parseCsvPiece(piece)).toEqual([
      ["张三", "一行\n两行"],
      ["李四", "a,b"],
    ]);
  });

  it("reads an empty piece, and one that is only a byte-order mark, as no records", () => {
    for (const text of ["", "\uFEFF"])
      expect(parseCsvPiece({ text, endsWithBreak: false, newline: "\n" })).toEqual([]);
  });
});
