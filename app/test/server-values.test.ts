// A route's *.server imports exist only on the server: Remix strips them from the browser
// bundle, so a component that reads one (a limit, a constant) renders the real value on the
// server and `undefined` in the browser — a hydration error and “最大 undefined MB” on screen.
// Components get such values from the loader. This reads every route module and fails when
// code that also runs in the browser (the page component, meta, links, handle, any function
// with JSX) uses a value imported from a *.server module.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROUTES_DIR = path.resolve("app/routes");
// Exports Remix also runs in the browser.
const BROWSER_EXPORTS = new Set([
  "default",
  "meta",
  "links",
  "handle",
  "shouldRevalidate",
  "ErrorBoundary",
  "HydrateFallback",
  "Layout",
  "clientLoader",
  "clientAction",
]);

function containsJsx(node: ts.Node): boolean {
  if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node))
    return true;
  return ts.forEachChild(node, containsJsx) ?? false;
}

function isExported(node: ts.Node, name: string): boolean {
  const mods = ts.canHaveModifiers(node) ? (ts.getModifiers(node) ?? []) : [];
  const exported = mods.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const isDefault = mods.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
  return exported && (isDefault ? BROWSER_EXPORTS.has("default") : BROWSER_EXPORTS.has(name));
}

/** Names of the top-level statement's declarations, and whether it runs in the browser. */
function runsInBrowser(statement: ts.Statement): boolean {
  if (ts.isExportAssignment(statement)) return true;
  if (ts.isFunctionDeclaration(statement))
    return isExported(statement, statement.name?.text ?? "") || containsJsx(statement);
  if (ts.isVariableStatement(statement))
    return statement.declarationList.declarations.some(
      (d) =>
        (ts.isIdentifier(d.name) && isExported(statement, d.name.text)) ||
        (d.initializer !== undefined && containsJsx(d.initializer)),
    );
  return false;
}

/** Value bindings imported from *.server modules. */
function serverImports(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || statement.importClause?.isTypeOnly) continue;
    const from = (statement.moduleSpecifier as ts.StringLiteral).text;
    if (!/\.server$/.test(from)) continue;
    const clause = statement.importClause;
    if (clause?.name) names.add(clause.name.text);
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings))
      for (const element of bindings.elements)
        if (!element.isTypeOnly) names.add(element.name.text);
    if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
  }
  return names;
}

/** Uses of server values in code that runs in the browser, as "name (line n)". */
function serverValuesInBrowserCode(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const names = serverImports(source);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) || !runsInBrowser(statement)) continue;
    const visit = (node: ts.Node) => {
      if (ts.isIdentifier(node) && names.has(node.text)) {
        const parent = node.parent;
        const isPropertyName =
          (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
          (ts.isPropertyAssignment(parent) && parent.name === node) ||
          ts.isJsxAttribute(parent);
        if (!isPropertyName) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart());
          found.push(`${node.text} (line ${line + 1})`);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(statement);
  }
  return found;
}

describe("route modules", () => {
  it("finds a server value used in a component (the check can fail)", () => {
    const sample = [
      `import { MAX_ROWS, load } from "~/models/x.server";`,
      `export async function loader() { return { rows: MAX_ROWS, data: await load() }; }`,
      `export default function Page() { return <p>{MAX_ROWS}</p>; }`,
      `export const meta = () => [{ title: String(MAX_ROWS) }];`,
    ].join("\n");
    expect(serverValuesInBrowserCode("sample.tsx", sample)).toEqual([
      "MAX_ROWS (line 3)",
      "MAX_ROWS (line 4)",
    ]);
  });

  for (const file of readdirSync(ROUTES_DIR).filter(
    (f) => /\.tsx?$/.test(f) && !/\.test\./.test(f),
  )) {
    it(`${file} reads no *.server value in browser code`, () => {
      const text = readFileSync(path.join(ROUTES_DIR, file), "utf8");
      expect(serverValuesInBrowserCode(file, text)).toEqual([]);
    });
  }
});
