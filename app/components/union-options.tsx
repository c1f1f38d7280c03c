/** The union tree as a select's options, each indented by its depth. */
export function UnionOptions({
  unions,
}: {
  unions: { id: number; name: string; depth: number }[];
}) {
  return unions.map((u) => (
    <option key={u.id} value={String(u.id)}>
      {"　".repeat(u.depth)}
      {u.name}
    </option>
  ));
}
